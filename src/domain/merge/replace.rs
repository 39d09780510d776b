//! Replacing a workspace by another (an import by «Заменить», or «Вернуть копию») in a way that
//! other tabs and later merges respect.
//!
//! A plain swap would be undone by the next merge with a tab that still holds the old data: the
//! records the replace dropped would come back, and the old values of kept records would win
//! wherever their stamps are later. So a replace is written as the edits it amounts to: every
//! record it drops gets a tombstone later than the record's last change, and every record it
//! keeps with other contents is stamped as changed now (the clock rule of
//! [`crate::domain::stamps`], later than both the current and the incoming copy), so its new
//! values win. A record `current` had deleted and
//! `incoming` brings back (a restore of the backup taken before a replace dropped it) is stamped
//! as changed after its tombstone: another tab still holds that tombstone, and a record older
//! than a tombstone is one the tombstone removes. Assessments, transfer records and stage history
//! entries are never edited, so theirs is a `restored_at` time instead.

use super::record::Record;
use super::tombstones::latest_by_id;
use crate::domain::dates::Timestamp;
use crate::domain::ids::Id;
use crate::domain::stamps::{next_stamp, stamp_changes, Fielded};
use crate::domain::workspace::{Tombstone, Workspace};
use std::collections::{HashMap, HashSet};

/// `incoming` as it should replace `current`: the same records and values, with tombstones for
/// what `current` had and `incoming` lacks, and kept records stamped as changed `now`.
pub fn replace(current: &Workspace, incoming: &Workspace, now: Timestamp) -> Workspace {
    let mut out = incoming.clone();
    let mut removed: Vec<Tombstone> = Vec::new();
    let deleted = latest_by_id(&current.removed);
    let deleted = &deleted;
    restamp(
        &current.members,
        &mut out.members,
        deleted,
        &mut removed,
        now,
    );
    restamp(
        &current.clients,
        &mut out.clients,
        deleted,
        &mut removed,
        now,
    );
    restamp(&current.deals, &mut out.deals, deleted, &mut removed, now);
    restamp(
        &current.product_groups,
        &mut out.product_groups,
        deleted,
        &mut removed,
        now,
    );
    restamp(
        &current.products,
        &mut out.products,
        deleted,
        &mut removed,
        now,
    );
    restamp(&current.orders, &mut out.orders, deleted, &mut removed, now);
    let plans = &mut out.sales_plans;
    restamp(&current.sales_plans, plans, deleted, &mut removed, now);
    restamp(&current.tasks, &mut out.tasks, deleted, &mut removed, now);
    let logged = &current.activities;
    drop_missing(logged, &out.activities, &mut removed, now);
    revive(logged, &mut out.activities, deleted, now, |a, at| {
        a.restored_at = Some(at);
    });
    drop_missing(&current.assessments, &out.assessments, &mut removed, now);
    drop_missing(&current.transfers, &out.transfers, &mut removed, now);
    let history = &current.stage_history;
    drop_missing(history, &out.stage_history, &mut removed, now);
    revive(history, &mut out.stage_history, deleted, now, |e, at| {
        e.restored_at = Some(at);
    });
    let assessments = &current.assessments;
    revive(assessments, &mut out.assessments, deleted, now, |a, at| {
        a.restored_at = Some(at);
    });
    revive(
        &current.transfers,
        &mut out.transfers,
        deleted,
        now,
        |t, at| {
            t.restored_at = Some(at);
        },
    );
    // The scoring model and the policy are single values: the incoming ones win from now on.
    // Like the records, later than both copies.
    if out.scoring_model != current.scoring_model {
        let latest = current
            .scoring_model
            .updated_at
            .max(out.scoring_model.updated_at);
        out.scoring_model.updated_at = next_stamp(now, latest);
    }
    // The pipeline settings have stamped fields: the incoming values are stamped as changed now.
    if out.pipeline_settings != current.pipeline_settings {
        let now = next_stamp(now, out.pipeline_settings.latest_stamp());
        stamp_changes(&current.pipeline_settings, &mut out.pipeline_settings, now);
    }
    if out.transfer_policy != current.transfer_policy {
        let latest = (current.transfer_policy.updated_at).max(out.transfer_policy.updated_at);
        out.transfer_policy.updated_at = next_stamp(now, latest);
    }
    // Deletions known here stay known, except of records the incoming data holds alive.
    let alive = ids(&out);
    let known: HashSet<Id> = out.removed.iter().map(|t| t.id.clone()).collect();
    for t in &current.removed {
        if !alive.contains(&t.id) && !known.contains(&t.id) {
            removed.push(t.clone());
        }
    }
    out.removed.extend(removed);
    out
}

/// Stamps incoming copies that differ from the current ones, and incoming records `current`
/// deleted (`deleted`: its tombstones) as changed after their deletion; tombstones current
/// records that the incoming list lacks.
fn restamp<T: Record + Fielded>(
    current: &[T],
    incoming: &mut [T],
    deleted: &HashMap<&Id, Timestamp>,
    removed: &mut Vec<Tombstone>,
    now: Timestamp,
) {
    let by_id: HashMap<&Id, &T> = current.iter().map(|r| (Record::id(r), r)).collect();
    let mut kept = HashSet::new();
    for record in incoming.iter_mut() {
        if let Some(old) = by_id.get(Record::id(record)) {
            kept.insert(Record::id(*old).clone());
            if *old != record {
                // Later than the incoming copy's own stamps too: it may come from a clock
                // running ahead, and stamping from the current copy alone would move the
                // record back in time, below deletions it had outlived.
                let now = next_stamp(now, record.latest_stamp());
                stamp_changes(*old, record, now);
            }
        } else if let Some(&removed_at) = deleted.get(Record::id(record)) {
            // Brought back: newer than its deletion, or any copy of that tombstone (another
            // tab's) would remove it again.
            if removed_at >= Record::updated_at(record) {
                let at = next_stamp(now, removed_at.max(record.latest_stamp()));
                Fielded::set_updated_at(record, at);
            }
        }
    }
    for old in current {
        if !kept.contains(Record::id(old)) {
            removed.push(Tombstone {
                id: Record::id(old).clone(),
                removed_at: next_stamp(now, old.latest_stamp()),
            });
        }
    }
}

/// Tombstones current records (never edited kinds) that the incoming list lacks.
fn drop_missing<T: Record>(
    current: &[T],
    incoming: &[T],
    removed: &mut Vec<Tombstone>,
    now: Timestamp,
) {
    let kept: HashSet<&Id> = incoming.iter().map(Record::id).collect();
    for old in current.iter().filter(|r| !kept.contains(r.id())) {
        removed.push(Tombstone {
            id: old.id().clone(),
            removed_at: next_stamp(now, old.updated_at()),
        });
    }
}

/// Marks incoming never-edited records (assessments, transfer records) that `current` had
/// deleted as restored after their deletion (`set` writes the record's `restored_at`), so that no
/// copy of the tombstone removes them again.
fn revive<T: Record>(
    current: &[T],
    incoming: &mut [T],
    deleted: &HashMap<&Id, Timestamp>,
    now: Timestamp,
    set: impl Fn(&mut T, Timestamp),
) {
    let held: HashSet<&Id> = current.iter().map(Record::id).collect();
    for record in incoming.iter_mut() {
        if held.contains(record.id()) {
            continue;
        }
        if let Some(&removed_at) = deleted.get(record.id()) {
            if removed_at >= record.updated_at() {
                set(record, next_stamp(now, removed_at));
            }
        }
    }
}

fn ids(ws: &Workspace) -> HashSet<Id> {
    let mut all = HashSet::new();
    all.extend(ws.members.iter().map(|r| r.id.clone()));
    all.extend(ws.clients.iter().map(|r| r.id.clone()));
    all.extend(ws.deals.iter().map(|r| r.id.clone()));
    all.extend(ws.product_groups.iter().map(|r| r.id.clone()));
    all.extend(ws.products.iter().map(|r| r.id.clone()));
    all.extend(ws.orders.iter().map(|r| r.id.clone()));
    all.extend(ws.assessments.iter().map(|r| r.id.clone()));
    all.extend(ws.transfers.iter().map(|r| r.id.clone()));
    all.extend(ws.stage_history.iter().map(|r| r.id.clone()));
    all.extend(ws.sales_plans.iter().map(|r| r.id.clone()));
    all.extend(ws.activities.iter().map(|r| r.id.clone()));
    all.extend(ws.tasks.iter().map(|r| r.id.clone()));
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::merge::merge;
    use crate::testkit::fixtures::{later, small_workspace};

    #[test]
    fn another_tab_cannot_bring_back_what_a_replace_dropped_or_changed() {
        let old = small_workspace();
        // The file: c1 renamed long ago, c2 and its deals gone.
        let mut file = old.clone();
        file.clients[0].name = "Вектор из файла".into();
        let c2 = file.clients[1].id.clone();
        file.remove_client(&c2, later(1)).unwrap();
        file.removed.clear();
        let replaced = replace(&old, &file, later(100));
        // A second tab still holds the old data and merges the stored result back in.
        let other_tab = merge(&old, &replaced).workspace;
        assert!(
            other_tab.client(&c2).is_none(),
            "a dropped client came back"
        );
        assert_eq!(other_tab.clients[0].name, "Вектор из файла");
        assert_eq!(other_tab.deals.len(), replaced.deals.len());
        // And from the other side too.
        let back = merge(&replaced, &old).workspace;
        assert!(back.client(&c2).is_none());
        assert_eq!(back.clients.len(), replaced.clients.len());
    }

    #[test]
    fn a_restore_brings_back_what_the_replace_dropped_even_for_a_tab_holding_its_tombstones() {
        let mut before = small_workspace();
        before
            .add_assessment(crate::testkit::fixtures::assessment("a2", "d2", [3; 4], 5))
            .unwrap();
        // A file that never had c2 (no tombstone for it): the replace drops c2, its deal and
        // the deal's assessment.
        let mut file = before.clone();
        let c2 = file.clients[1].id.clone();
        file.remove_client(&c2, later(1)).unwrap();
        file.removed.clear();
        let replaced = replace(&before, &file, later(100));
        assert!(replaced.removed.iter().any(|t| t.id == c2));
        // «Вернуть копию» a little later; the second tab still holds the replaced data.
        let restored = replace(&replaced, &before, later(101));
        let other_tab = merge(&replaced, &restored).workspace;
        assert!(
            other_tab.client(&c2).is_some(),
            "the restored client was removed again"
        );
        assert_eq!(other_tab.deals.len(), before.deals.len());
        assert_eq!(
            other_tab.assessments, restored.assessments,
            "an assessment was lost"
        );
        assert_eq!(
            merge(&restored, &replaced).workspace.clients.len(),
            before.clients.len()
        );
        // A file still holding the assessment as it was is the same record: no conflict.
        let again = merge(&restored, &before);
        assert_eq!(again.workspace.assessments, restored.assessments);
        assert!(
            again.report.conflicts.is_empty(),
            "{:?}",
            again.report.conflicts
        );
        // Nothing else of the backup changes: only the times that let it outlive the tombstone.
        let c = restored.client(&c2).unwrap();
        assert!(c.updated_at > later(100));
        assert_eq!(c.name, before.clients[1].name);
    }

    #[test]
    fn a_restore_undoes_an_import_the_same_way() {
        let before = small_workspace();
        let mut imported = before.clone();
        imported
            .add_client(crate::testkit::fixtures::client("c9", "Новый", "olga"))
            .unwrap();
        let restored = replace(&imported, &before, later(200));
        let other_tab = merge(&imported, &restored).workspace;
        assert!(other_tab.client(&Id::from_raw("c9")).is_none());
        assert_eq!(other_tab.integrity_problems(), Vec::new());
    }
}
