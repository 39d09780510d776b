//! What an import would do, shown before the user confirms it: per kind of record, how many the
//! file holds and how many are here; for a merge, what would be added, updated, left alone or
//! removed, and every conflict; for a replace, our counts against theirs.

use super::backup::Backup;
use super::derived::DescribeOutcome;
use super::read::Snapshot;
use crate::domain::dates::Timestamp;
use crate::domain::merge::{merge, Conflict, MergeOutcome, RecordKind};
use crate::domain::team::TeamMember;
use crate::domain::workspace::Workspace;
use chrono::NaiveDate;

/// How many records of each kind a workspace holds, in [`RecordKind::ALL`] order. The scoring
/// model and the transfer policy count as one each: there is always exactly one.
pub fn record_counts(ws: &Workspace) -> Vec<(RecordKind, usize)> {
    RecordKind::ALL
        .iter()
        .map(|&kind| (kind, count_of(ws, kind)))
        .collect()
}

fn count_of(ws: &Workspace, kind: RecordKind) -> usize {
    match kind {
        RecordKind::Member => ws.members.len(),
        RecordKind::Client => ws.clients.len(),
        RecordKind::Deal => ws.deals.len(),
        RecordKind::Assessment => ws.assessments.len(),
        RecordKind::ProductGroup => ws.product_groups.len(),
        RecordKind::Product => ws.products.len(),
        RecordKind::Order => ws.orders.len(),
        RecordKind::Stage => ws.stages.len(),
        RecordKind::Transfer => ws.transfers.len(),
        RecordKind::StageChange => ws.stage_history.len(),
        RecordKind::SalesPlan => ws.sales_plans.len(),
        RecordKind::Activity => ws.activities.len(),
        RecordKind::Task => ws.tasks.len(),
        RecordKind::ScoringModel | RecordKind::TransferPolicy | RecordKind::PipelineSettings => 1,
    }
}

/// One kind of record in the preview.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KindPreview {
    /// The kind.
    pub kind: RecordKind,
    /// How many we hold now (what a replace would discard).
    pub mine: usize,
    /// How many the file holds (what a replace would leave).
    pub in_file: usize,
    /// Merge: new to us.
    pub added: usize,
    /// Merge: replaced by their newer copy.
    pub updated: usize,
    /// Merge: left alone (ours won, or both equal).
    pub unchanged: usize,
    /// Merge: ours, removed because they deleted it later (or a repair dropped it).
    pub removed: usize,
    /// Merge: held by both sides with different contents.
    pub conflicts: usize,
}

/// The preview of importing a snapshot into our workspace, both ways. It holds the computed
/// merge, so confirming a merge does not compute it again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportPreview {
    /// Every kind, in [`RecordKind::ALL`] order.
    pub kinds: Vec<KindPreview>,
    /// The merge of the file into ours: the result and its report (conflicts, resurrections,
    /// repairs).
    pub merge: MergeOutcome,
    /// Our records a merge would remove (deleted in the file after their last change here, or
    /// dropped with them), by name: the person confirms these before anything is written.
    pub removed_by_merge: Vec<Removal>,
    /// Our records a replace would remove (all the file lacks).
    pub removed_by_replace: Vec<Removal>,
}

/// One of our records an import would remove.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Removal {
    /// What kind of record.
    pub kind: RecordKind,
    /// Its id (for tests and the JSON report; the screen shows the label).
    pub id: crate::domain::Id,
    /// Its name as people know it (a client's or member's name, a deal's title, an order's date).
    pub label: String,
}

/// The kinds of record an import can remove, in report order.
pub(super) const REMOVABLE: [RecordKind; 11] = [
    RecordKind::Member,
    RecordKind::Client,
    RecordKind::Deal,
    RecordKind::Assessment,
    RecordKind::ProductGroup,
    RecordKind::Product,
    RecordKind::Order,
    RecordKind::Transfer,
    RecordKind::StageChange,
    RecordKind::Activity,
    RecordKind::Task,
];

/// The records of `before` that `after` no longer holds, kind by kind in report order.
pub fn removals(before: &Workspace, after: &Workspace) -> Vec<Removal> {
    let mut out = Vec::new();
    for kind in REMOVABLE {
        out.extend(removals_of(kind, before, after));
    }
    name_owners(before, &mut out);
    out
}

/// The records of one kind that `before` holds and `after` does not (named by their own label:
/// [`name_owners`] adds whose they are).
pub(super) fn removals_of(kind: RecordKind, before: &Workspace, after: &Workspace) -> Vec<Removal> {
    use crate::domain::merge::Record;
    use std::collections::HashSet;
    fn gone<T: Record>(kind: RecordKind, before: &[T], after: &[T]) -> Vec<Removal> {
        let kept: HashSet<&crate::domain::Id> = after.iter().map(Record::id).collect();
        (before.iter())
            .filter(|r| !kept.contains(r.id()))
            .map(|r| Removal {
                kind,
                id: r.id().clone(),
                label: r.label(),
            })
            .collect()
    }
    let (a, b) = (before, after);
    match kind {
        RecordKind::Member => gone(kind, &a.members, &b.members),
        RecordKind::Client => gone(kind, &a.clients, &b.clients),
        RecordKind::Deal => gone(kind, &a.deals, &b.deals),
        RecordKind::Assessment => gone(kind, &a.assessments, &b.assessments),
        RecordKind::ProductGroup => gone(kind, &a.product_groups, &b.product_groups),
        RecordKind::Product => gone(kind, &a.products, &b.products),
        RecordKind::Order => gone(kind, &a.orders, &b.orders),
        RecordKind::Transfer => gone(kind, &a.transfers, &b.transfers),
        RecordKind::StageChange => gone(kind, &a.stage_history, &b.stage_history),
        RecordKind::Activity => gone(kind, &a.activities, &b.activities),
        RecordKind::Task => gone(kind, &a.tasks, &b.tasks),
        _ => Vec::new(),
    }
}

/// Adds to each removal of an order, assessment, transfer, stage change or activity whose it is.
pub(super) fn name_owners(before: &Workspace, out: &mut [Removal]) {
    use std::collections::HashMap;
    // An order, assessment, transfer or stage change is named by its date; say whose it is too.
    // Looked up by id (a replace by a smaller file removes thousands of orders).
    if out.is_empty() {
        return;
    }
    // The first record with an id counts, as `Workspace::client` and a scan would find it.
    let mut clients: HashMap<&crate::domain::Id, &str> = HashMap::new();
    for c in &before.clients {
        clients.entry(&c.id).or_insert(&c.name);
    }
    let mut deals: HashMap<&crate::domain::Id, &str> = HashMap::new();
    for d in &before.deals {
        deals.entry(&d.id).or_insert(&d.title);
    }
    let mut owners: HashMap<(RecordKind, &crate::domain::Id), Option<&str>> = HashMap::new();
    for o in &before.orders {
        owners
            .entry((RecordKind::Order, &o.id))
            .or_insert(clients.get(&o.client_id).copied());
    }
    for t in &before.transfers {
        owners
            .entry((RecordKind::Transfer, &t.id))
            .or_insert(clients.get(&t.client_id).copied());
    }
    for a in &before.assessments {
        owners
            .entry((RecordKind::Assessment, &a.id))
            .or_insert(deals.get(&a.deal_id).copied());
    }
    for e in &before.stage_history {
        owners
            .entry((RecordKind::StageChange, &e.id))
            .or_insert(deals.get(&e.deal_id).copied());
    }
    for a in &before.activities {
        owners
            .entry((RecordKind::Activity, &a.id))
            .or_insert(clients.get(&a.client_id).copied());
    }
    for r in out.iter_mut() {
        if let Some(Some(owner)) = owners.get(&(r.kind, &r.id)) {
            r.label = format!("{} — {owner}", r.label);
        }
    }
}

impl ImportPreview {
    /// The preview of `theirs` (a read snapshot's workspace) against `mine`. The same in steps
    /// that each take little time: [`ImportPreviewSteps`](super::ImportPreviewSteps).
    pub fn new(mine: &Workspace, theirs: &Workspace) -> ImportPreview {
        let outcome = merge(mine, theirs);
        let removed_by_merge = removals(mine, &outcome.workspace);
        let removed_by_replace = removals(mine, theirs);
        ImportPreview::of(mine, theirs, outcome, removed_by_merge, removed_by_replace)
    }

    /// The preview from its parts, worked out beforehand: the merge of `theirs` into `mine` and
    /// the records each way would remove.
    pub fn of(
        mine: &Workspace,
        theirs: &Workspace,
        outcome: MergeOutcome,
        removed_by_merge: Vec<Removal>,
        removed_by_replace: Vec<Removal>,
    ) -> ImportPreview {
        let kinds = RecordKind::ALL
            .iter()
            .map(|&kind| {
                let counts = outcome.report.counts(kind);
                KindPreview {
                    kind,
                    mine: count_of(mine, kind),
                    in_file: count_of(theirs, kind),
                    added: counts.added,
                    updated: counts.updated,
                    unchanged: counts.kept,
                    removed: counts.removed,
                    conflicts: outcome
                        .report
                        .conflicts
                        .iter()
                        .filter(|c| c.kind == kind)
                        .count(),
                }
            })
            .collect();
        ImportPreview {
            kinds,
            removed_by_merge,
            removed_by_replace,
            merge: outcome,
        }
    }

    /// The line for one kind.
    pub fn kind(&self, kind: RecordKind) -> KindPreview {
        self.kinds
            .iter()
            .copied()
            .find(|k| k.kind == kind)
            .unwrap_or(KindPreview {
                kind,
                mine: 0,
                in_file: 0,
                added: 0,
                updated: 0,
                unchanged: 0,
                removed: 0,
                conflicts: 0,
            })
    }

    /// The merge's conflicts, each with the winner and both timestamps.
    pub fn conflicts(&self) -> &[Conflict] {
        &self.merge.report.conflicts
    }

    /// Confirms the merge: the merged workspace and its report.
    pub fn into_merge(self) -> MergeOutcome {
        self.merge
    }
}

/// Replace mode: the snapshot's workspace becomes ours; the old one comes back as a [`Backup`]
/// for the UI to keep (and offer for download) before it saves the new one (`describe` as for
/// [`export_snapshot`](super::export_snapshot)).
pub fn apply_replace(
    mine: &Workspace,
    snapshot: Snapshot,
    who: Option<&TeamMember>,
    now: Timestamp,
    today: NaiveDate,
    describe: DescribeOutcome,
) -> (Workspace, Backup) {
    let replaced = crate::domain::merge::replace(mine, &snapshot.workspace, now);
    (replaced, Backup::of(mine, who, now, today, describe))
}

/// Merge mode: `theirs` merged into `mine` record by record (see [`crate::domain::merge`]).
pub fn apply_merge(mine: &Workspace, theirs: &Workspace) -> MergeOutcome {
    merge(mine, theirs)
}

/// How far ahead of the reader's clock a change may be before the preview says so: a day covers
/// time zones and small clock errors.
pub const FUTURE_TOLERANCE_HOURS: i64 = 24;

/// The records in `ws` changed later than `now` plus [`FUTURE_TOLERANCE_HOURS`], and the latest
/// such time: a file from a device whose clock runs ahead. Such stamps never block later edits
/// (see [`crate::domain::stamps`]), but the person should know.
pub fn future_changes(ws: &Workspace, now: Timestamp) -> (usize, Option<Timestamp>) {
    let limit = now + chrono::TimeDelta::hours(FUTURE_TOLERANCE_HOURS);
    let times = ws
        .members
        .iter()
        .map(|r| r.updated_at)
        .chain(ws.clients.iter().map(|r| r.updated_at))
        .chain(ws.deals.iter().map(|r| r.updated_at))
        .chain(ws.products.iter().map(|r| r.updated_at))
        .chain(ws.product_groups.iter().map(|r| r.updated_at))
        .chain(ws.orders.iter().map(|r| r.updated_at))
        .chain(ws.removed.iter().map(|t| t.removed_at))
        .filter(|t| *t > limit);
    times.fold((0, None), |(n, latest), t| {
        (n + 1, Some(latest.map_or(t, |l: Timestamp| l.max(t))))
    })
}

#[cfg(test)]
mod future_tests {
    use super::*;
    use crate::testkit::fixtures::{later, small_workspace};

    #[test]
    fn changes_far_ahead_of_the_clock_are_counted() {
        let mut ws = small_workspace();
        assert_eq!(future_changes(&ws, later(0)), (0, None));
        let ahead = later(0) + chrono::TimeDelta::days(300);
        ws.clients[1].updated_at = ahead;
        ws.clients[2].updated_at = later(0) + chrono::TimeDelta::hours(2);
        assert_eq!(future_changes(&ws, later(0)), (1, Some(ahead)));
    }
}
