//! What a merge did, seen from our side: counts per kind of record, conflicts, resurrections and
//! repairs.

use super::events::{Conflict, MergeEvent, RecordKind, Resurrection, Side};
use super::id_index::IdIndex;
use super::record::Record;
use super::repair::Repair;
use super::tombstones::{changed_count, latest_by_id};
use crate::domain::dates::Timestamp;
use crate::domain::ids::Id;
use crate::domain::workspace::{Tombstone, Workspace};
use std::collections::{BTreeMap, HashMap};
use std::fmt;

/// How the records of one kind fared, compared with ours before the merge.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KindCounts {
    /// New to us: only theirs had them.
    pub added: usize,
    /// Replaced by their newer copy.
    pub updated: usize,
    /// Unchanged: ours won, or both were equal.
    pub kept: usize,
    /// Ours had them and they are gone: deleted on their side, or dropped by a repair.
    pub removed: usize,
}

impl KindCounts {
    /// Added, updated and removed together: how many records of ours changed.
    pub fn changes(&self) -> usize {
        self.added + self.updated + self.removed
    }

    fn add(&mut self, other: KindCounts) {
        self.added += other.added;
        self.updated += other.updated;
        self.kept += other.kept;
        self.removed += other.removed;
    }
}

/// The report of one [`merge`](super::merge).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    counts: BTreeMap<RecordKind, KindCounts>,
    /// Records both sides changed differently, with the winner.
    pub conflicts: Vec<Conflict>,
    /// Records that survived a deletion because they changed after it. Listed only when this is
    /// news to us: either we had deleted the record, or we hold it and had not seen the deletion.
    pub resurrected: Vec<Resurrection>,
    /// What the merge changed to keep the result consistent (listed on the same terms:
    /// `KeptInUse` only when it is news to us; every drop).
    pub repairs: Vec<Repair>,
    /// Ids whose tombstone is new to us or later than ours (or whose repeated entries in our
    /// list were folded into one).
    pub tombstones_changed: usize,
}

impl MergeReport {
    /// The counts for one kind of record.
    pub fn counts(&self, kind: RecordKind) -> KindCounts {
        self.counts.get(&kind).copied().unwrap_or_default()
    }

    /// The counts of every kind added together.
    pub fn summary(&self) -> KindCounts {
        let mut total = KindCounts::default();
        for counts in self.counts.values() {
            total.add(*counts);
        }
        total
    }

    /// True when the merge left ours as it was and has nothing to tell: no record added,
    /// updated or removed, no deletion learnt, no conflict, resurrection or repair. The caller
    /// need not touch its state (it still saves ours if ours had unsaved changes).
    pub fn is_noop(&self) -> bool {
        self.summary().changes() == 0
            && self.tombstones_changed == 0
            && self.conflicts.is_empty()
            && self.resurrected.is_empty()
            && self.repairs.is_empty()
    }

    pub(super) fn set_counts(&mut self, kind: RecordKind, counts: KindCounts) {
        self.counts.insert(kind, counts);
    }
}

/// One line for logs and test messages; the interface builds its own text from the fields.
impl fmt::Display for MergeReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.summary();
        write!(
            f,
            "added {}, updated {}, kept {}, removed {}; {} conflict(s), {} resurrected, \
             {} repair(s), {} tombstone(s) changed",
            s.added,
            s.updated,
            s.kept,
            s.removed,
            self.conflicts.len(),
            self.resurrected.len(),
            self.repairs.len(),
            self.tombstones_changed
        )
    }
}

/// Whether a deletion that a record survived is news to us: we had deleted it ourselves (and
/// now get it back), or we hold it and had not seen this deletion. Otherwise we settled it in
/// an earlier merge, and repeating it at every sync would only be noise.
fn is_news(own: &HashMap<&Id, Timestamp>, id: &Id, removed_at: Timestamp, held_by: Side) -> bool {
    match held_by {
        Side::Theirs => own.contains_key(id),
        Side::Ours => own.get(id).is_none_or(|&at| at < removed_at),
    }
}

/// Whether a record of this kind is in the merged workspace.
fn present(ws: &Workspace, kind: RecordKind, id: &Id) -> bool {
    match kind {
        RecordKind::Member => ws.member(id).is_some(),
        RecordKind::Client => ws.client(id).is_some(),
        RecordKind::Deal => ws.deal(id).is_some(),
        RecordKind::Assessment => ws.assessments.iter().any(|a| &a.id == id),
        RecordKind::ProductGroup => ws.product_groups.iter().any(|g| &g.id == id),
        RecordKind::Product => ws.products.iter().any(|p| &p.id == id),
        RecordKind::Order => ws.orders.iter().any(|o| &o.id == id),
        RecordKind::Stage => ws.stage(id).is_some(),
        RecordKind::Transfer => ws.transfers.iter().any(|t| &t.id == id),
        RecordKind::StageChange => ws.stage_history.iter().any(|e| &e.id == id),
        RecordKind::SalesPlan => ws.sales_plans.iter().any(|p| &p.id == id),
        RecordKind::Activity => ws.activities.iter().any(|a| &a.id == id),
        RecordKind::Task => ws.task(id).is_some(),
        RecordKind::ScoringModel | RecordKind::TransferPolicy | RecordKind::PipelineSettings => {
            true
        }
    }
}

/// The report of a merge of `ours` (here its tombstones) into `merged`, without its counts: what happened (conflicts, resurrections still news and still
/// there, repairs) and the tombstones changed. [`count_kind`] adds the counts kind by kind.
pub(super) fn begin(
    ours_removed: &[Tombstone],
    merged: &Workspace,
    events: Vec<MergeEvent>,
    value_conflicts: Vec<Conflict>,
    repairs: Vec<Repair>,
) -> MergeReport {
    let own = latest_by_id(ours_removed);
    let mut report = MergeReport {
        tombstones_changed: changed_count(ours_removed, &merged.removed),
        ..MergeReport::default()
    };
    for event in events {
        match event {
            MergeEvent::Conflict(c) => report.conflicts.push(c),
            MergeEvent::ResurrectedAfterDelete(r) => {
                // A repair may still have dropped it (a deal whose client is gone).
                if present(merged, r.kind, &r.id) && is_news(&own, &r.id, r.removed_at, r.held_by) {
                    report.resurrected.push(r);
                }
            }
        }
    }
    report.conflicts.extend(value_conflicts);
    report.repairs = repairs
        .into_iter()
        .filter(|r| match r {
            Repair::KeptInUse {
                id,
                removed_at,
                held_by,
                ..
            } => is_news(&own, id, *removed_at, *held_by),
            Repair::Dropped { .. } => true,
        })
        .collect();
    report
}

/// Counts one kind: its collection before (ours) and after the merge, or its single value.
pub(super) fn count_kind(
    report: &mut MergeReport,
    ours: &Workspace,
    merged: &Workspace,
    kind: RecordKind,
) {
    let mut cursor = CountCursor::default();
    let counts = loop {
        if let Some(counts) = cursor.step(ours, merged, kind, usize::MAX) {
            break counts;
        }
    };
    report.set_counts(kind, counts);
}

/// Where the counting of one kind stands: ours indexed by id, then the merged records looked
/// up, then ours no longer there, a few at a time. Counting from the result rather than from
/// the merge's steps keeps the numbers true whatever the repair did afterwards.
#[derive(Default)]
pub(super) struct CountCursor {
    ours_index: IdIndex,
    merged_index: IdIndex,
    removed_at: usize,
    counts: KindCounts,
}

impl CountCursor {
    /// Counts up to `budget` more records of `kind`; the counts once all are counted.
    pub(super) fn step(
        &mut self,
        ours: &Workspace,
        merged: &Workspace,
        kind: RecordKind,
        budget: usize,
    ) -> Option<KindCounts> {
        let (a, b) = (ours, merged);
        match kind {
            RecordKind::Member => self.list(&a.members, &b.members, budget),
            RecordKind::Client => self.list(&a.clients, &b.clients, budget),
            RecordKind::Deal => self.list(&a.deals, &b.deals, budget),
            RecordKind::Assessment => self.list(&a.assessments, &b.assessments, budget),
            RecordKind::ProductGroup => self.list(&a.product_groups, &b.product_groups, budget),
            RecordKind::Product => self.list(&a.products, &b.products, budget),
            RecordKind::Order => self.list(&a.orders, &b.orders, budget),
            RecordKind::Stage => self.list(&a.stages, &b.stages, budget),
            RecordKind::Transfer => self.list(&a.transfers, &b.transfers, budget),
            RecordKind::StageChange => self.list(&a.stage_history, &b.stage_history, budget),
            RecordKind::SalesPlan => self.list(&a.sales_plans, &b.sales_plans, budget),
            RecordKind::Activity => self.list(&a.activities, &b.activities, budget),
            RecordKind::Task => self.list(&a.tasks, &b.tasks, budget),
            RecordKind::ScoringModel => Some(value_counts(a.scoring_model != b.scoring_model)),
            RecordKind::TransferPolicy => {
                Some(value_counts(a.transfer_policy != b.transfer_policy))
            }
            RecordKind::PipelineSettings => {
                Some(value_counts(a.pipeline_settings != b.pipeline_settings))
            }
        }
    }

    /// One collection compared before (ours) and after the merge, `budget` records a step.
    fn list<T: Record + PartialEq>(
        &mut self,
        ours: &[T],
        merged: &[T],
        budget: usize,
    ) -> Option<KindCounts> {
        let mut left = budget.max(1);
        self.ours_index.reserve(ours.len());
        self.merged_index.reserve(merged.len());
        while self.ours_index.len() < ours.len() && left > 0 {
            self.ours_index.push(ours[self.ours_index.len()].id());
            left -= 1;
        }
        let indexed = self.ours_index.len() == ours.len();
        while indexed && self.merged_index.len() < merged.len() && left > 0 {
            let record = &merged[self.merged_index.len()];
            self.merged_index.push(record.id());
            left -= 1;
            match self.ours_index.first(ours, record.id()) {
                Some(i) if ours[i] == *record => self.counts.kept += 1,
                Some(_) => self.counts.updated += 1,
                None => self.counts.added += 1,
            }
        }
        let looked_up = indexed && self.merged_index.len() == merged.len();
        // Ours no longer there, each id once.
        while looked_up && self.removed_at < ours.len() && left > 0 {
            let (at, id) = (self.removed_at, ours[self.removed_at].id());
            self.removed_at += 1;
            left -= 1;
            if self.ours_index.first(ours, id) == Some(at)
                && self.merged_index.first(merged, id).is_none()
            {
                self.counts.removed += 1;
            }
        }
        (looked_up && self.removed_at == ours.len()).then_some(self.counts)
    }
}

/// The counts of a single value (the scoring model, the transfer policy): updated or kept.
pub(super) fn value_counts(changed: bool) -> KindCounts {
    KindCounts {
        updated: usize::from(changed),
        kept: usize::from(!changed),
        ..KindCounts::default()
    }
}
