//! What a merge did, seen from our side: counts per kind of record, conflicts, resurrections and
//! repairs.

use super::events::{Conflict, MergeEvent, RecordKind, Resurrection, Side};
use super::record::Record;
use super::repair::Repair;
use super::tombstones::{changed_count, latest_by_id};
use crate::domain::dates::Timestamp;
use crate::domain::ids::Id;
use crate::domain::workspace::Workspace;
use std::collections::{BTreeMap, HashMap, HashSet};
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

    fn set_counts(&mut self, kind: RecordKind, counts: KindCounts) {
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

/// The report of a merge of `ours` into `merged`, from the events and repairs it produced.
pub(super) fn build(
    ours: &Workspace,
    merged: &Workspace,
    events: Vec<MergeEvent>,
    value_conflicts: Vec<Conflict>,
    repairs: Vec<Repair>,
) -> MergeReport {
    let own = latest_by_id(&ours.removed);
    let mut report = MergeReport {
        tombstones_changed: changed_count(&ours.removed, &merged.removed),
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

    report.set_counts(RecordKind::Member, count(&ours.members, &merged.members));
    report.set_counts(RecordKind::Client, count(&ours.clients, &merged.clients));
    report.set_counts(RecordKind::Deal, count(&ours.deals, &merged.deals));
    let assessments = count(&ours.assessments, &merged.assessments);
    report.set_counts(RecordKind::Assessment, assessments);
    let groups = count(&ours.product_groups, &merged.product_groups);
    report.set_counts(RecordKind::ProductGroup, groups);
    report.set_counts(RecordKind::Product, count(&ours.products, &merged.products));
    report.set_counts(RecordKind::Order, count(&ours.orders, &merged.orders));
    report.set_counts(RecordKind::Stage, count(&ours.stages, &merged.stages));
    let transfers = count(&ours.transfers, &merged.transfers);
    report.set_counts(RecordKind::Transfer, transfers);
    let model = value_counts(ours.scoring_model != merged.scoring_model);
    report.set_counts(RecordKind::ScoringModel, model);
    let policy = value_counts(ours.transfer_policy != merged.transfer_policy);
    report.set_counts(RecordKind::TransferPolicy, policy);
    let history = count(&ours.stage_history, &merged.stage_history);
    report.set_counts(RecordKind::StageChange, history);
    let settings = value_counts(ours.pipeline_settings != merged.pipeline_settings);
    report.set_counts(RecordKind::PipelineSettings, settings);
    let plans = count(&ours.sales_plans, &merged.sales_plans);
    report.set_counts(RecordKind::SalesPlan, plans);
    let logged = count(&ours.activities, &merged.activities);
    report.set_counts(RecordKind::Activity, logged);
    report.set_counts(RecordKind::Task, count(&ours.tasks, &merged.tasks));
    report
}

/// The counts of a single value (the scoring model, the transfer policy): updated or kept.
fn value_counts(changed: bool) -> KindCounts {
    KindCounts {
        updated: usize::from(changed),
        kept: usize::from(!changed),
        ..KindCounts::default()
    }
}

/// Compares one collection before (ours) and after the merge. Counting from the result rather
/// than from the merge's steps keeps the numbers true whatever the repair did afterwards.
fn count<T: Record + PartialEq>(ours: &[T], merged: &[T]) -> KindCounts {
    let mut ours_by_id: HashMap<&Id, &T> = HashMap::with_capacity(ours.len());
    for record in ours {
        ours_by_id.entry(record.id()).or_insert(record);
    }
    let mut counts = KindCounts::default();
    let mut present: HashSet<&Id> = HashSet::with_capacity(merged.len());
    for record in merged {
        present.insert(record.id());
        match ours_by_id.get(record.id()) {
            Some(&before) if before == record => counts.kept += 1,
            Some(_) => counts.updated += 1,
            None => counts.added += 1,
        }
    }
    counts.removed = ours_by_id
        .keys()
        .filter(|id| !present.contains(*id))
        .count();
    counts
}
