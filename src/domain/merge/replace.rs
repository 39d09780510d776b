//! Replacing a workspace by another (an import by «Заменить», or «Вернуть копию») in a way that
//! other tabs and later merges respect.
//!
//! A plain swap would be undone by the next merge with a tab that still holds the old data: the
//! records the replace dropped would come back, and the old values of kept records would win
//! wherever their stamps are later. So a replace is written as the edits it amounts to: every
//! record it drops gets a tombstone later than the record's last change, and every record it
//! keeps with other contents is stamped as changed now (the clock rule of
//! [`crate::domain::stamps`], later than both the current and the incoming copy), so its new
//! values win.

use super::records::Record;
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
    restamp(&current.members, &mut out.members, &mut removed, now);
    restamp(&current.clients, &mut out.clients, &mut removed, now);
    restamp(&current.deals, &mut out.deals, &mut removed, now);
    restamp(
        &current.product_groups,
        &mut out.product_groups,
        &mut removed,
        now,
    );
    restamp(&current.products, &mut out.products, &mut removed, now);
    restamp(&current.orders, &mut out.orders, &mut removed, now);
    drop_missing(&current.assessments, &out.assessments, &mut removed, now);
    drop_missing(&current.transfers, &out.transfers, &mut removed, now);
    // The scoring model and the policy are single values: the incoming ones win from now on.
    // Like the records, later than both copies.
    if out.scoring_model != current.scoring_model {
        let latest = current
            .scoring_model
            .updated_at
            .max(out.scoring_model.updated_at);
        out.scoring_model.updated_at = next_stamp(now, latest);
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

/// Stamps incoming copies that differ from the current ones; tombstones current records that
/// the incoming list lacks.
fn restamp<T: Record + Fielded>(
    current: &[T],
    incoming: &mut [T],
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
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures::{later, small_workspace};
    use crate::domain::merge::merge;

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
    fn a_restore_undoes_an_import_the_same_way() {
        let before = small_workspace();
        let mut imported = before.clone();
        imported
            .add_client(crate::domain::fixtures::client("c9", "Новый", "olga"))
            .unwrap();
        let restored = replace(&imported, &before, later(200));
        let other_tab = merge(&imported, &restored).workspace;
        assert!(other_tab.client(&Id::from_raw("c9")).is_none());
        assert_eq!(other_tab.integrity_problems(), Vec::new());
    }
}
