//! Keeping the merged workspace sound.
//!
//! Each side is consistent on its own, but their union may not be: one tab deleted a client
//! while the other added a deal to it, or deleted a member who, unknown to it, owns a client the
//! other tab just created. The app refuses stored data that fails
//! [`Workspace::integrity_problems`], so the merge repairs instead of failing, by fixed rules:
//!
//! 1. **Dependants go with their parent** ([`drop_orphans`]): a deal or an order whose client is
//!    gone, or an assessment whose deal is gone, is dropped and reported — what
//!    `remove_client` / `remove_deal` do. It also gets a tombstone (at the later of its parent's
//!    deletion and its own last change), exactly as those operations would have left had they
//!    seen it, so that the deletion spreads to other copies quietly instead of being repaired
//!    again at every merge.
//! 2. **What is still in use stays** ([`merge_keeping_used`]): a deleted member who still owns a
//!    surviving client or deal, a deleted product still on a surviving order, a deleted group
//!    still holding a surviving product is kept, as it was (the newer copy of the two), and
//!    reported. No record is invented and none changes hands: dropping an order would lose
//!    sales history, handing a client to someone else is the director's decision. The
//!    tombstone stays in the list; once both sides hold the record and know the deletion it no
//!    longer applies (see [`merge_records`]), and it can be removed properly, with a successor.
//!    A copy from a side that never saw the deletion does not keep it alive: it goes as soon as
//!    nothing uses it, whatever the order the files meet in.
//! 3. **Last resort** ([`enforce_integrity`]): whatever `integrity_problems` still finds — only
//!    possible when an input was itself inconsistent (an owner no copy holds, one id used by two
//!    kinds of record) — is dropped, record by record, until nothing is left to find. These
//!    drops leave no tombstones: they are repairs of bad data, not deletions.
//!
//! An assessment's assessor is not checked (`integrity_problems` does not either): it is history,
//! and the assessor may have left the team since.

use super::events::{MergeEvent, RecordKind, Resurrection, Side};
pub(super) use super::in_use::{extend_in_use, in_use, InUse};
use super::record::Record;
use super::records::merge_records;
use super::tombstones::Tombstones;
use crate::domain::dates::Timestamp;
use crate::domain::ids::Id;
use crate::domain::workspace::{IntegrityProblem, Workspace};
use std::collections::HashSet;

/// Why the merge dropped a record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DropReason {
    /// The deal's or order's client was deleted (this id).
    ClientMissing(Id),
    /// The assessment's deal was deleted (this id).
    DealMissing(Id),
    /// The deal's stage is not in the pipeline (inconsistent input only).
    StageMissing(Id),
    /// The owner is on no side's team (inconsistent input only).
    OwnerMissing(Id),
    /// The product's group is in no side's catalogue (inconsistent input only).
    GroupMissing(Id),
    /// An order line's product is in no side's catalogue (inconsistent input only).
    ProductMissing(Id),
    /// Another kind of record uses the same id (inconsistent input only).
    DuplicateId,
}

/// A change the merge made so that the result passes `integrity_problems`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Repair {
    /// A record was dropped.
    Dropped {
        /// What kind of record.
        kind: RecordKind,
        /// Its id.
        id: Id,
        /// Its label (name, title…).
        label: String,
        /// Why.
        reason: DropReason,
    },
    /// A record deleted on one side was kept because surviving records still use it: a member
    /// who owns clients or deals, a product on orders, a group holding products.
    KeptInUse {
        /// What kind of record.
        kind: RecordKind,
        /// Its id.
        id: Id,
        /// Its label.
        label: String,
        /// When it was deleted.
        removed_at: Timestamp,
        /// The side that still held it.
        held_by: Side,
        /// The records using it, in workspace order.
        used_by: Vec<Id>,
    },
}

fn dropped<T: Record>(kind: RecordKind, record: &T, reason: DropReason) -> Repair {
    Repair::Dropped {
        kind,
        id: record.id().clone(),
        label: record.label(),
        reason,
    }
}

/// Rule 1: drops deals (and orders) whose client is missing, deals whose stage is missing, then
/// assessments and stage history entries whose deal is missing; all but the stage case get
/// tombstones.
pub(super) fn drop_orphans(ws: &mut Workspace, tombstones: &mut Tombstones) -> Vec<Repair> {
    let mut repairs = Vec::new();
    let clients: HashSet<&Id> = ws.clients.iter().map(|c| &c.id).collect();
    let stages: HashSet<&Id> = ws.stages.iter().map(|s| &s.id).collect();
    ws.deals.retain(|deal| {
        if !clients.contains(&deal.client_id) {
            let reason = DropReason::ClientMissing(deal.client_id.clone());
            orphan(
                deal,
                &deal.client_id,
                RecordKind::Deal,
                reason,
                tombstones,
                &mut repairs,
            );
            false
        } else if !stages.contains(&deal.stage_id) {
            // Stages are never deleted, so there is no deletion to spread: no tombstone.
            let reason = DropReason::StageMissing(deal.stage_id.clone());
            repairs.push(dropped(RecordKind::Deal, deal, reason));
            false
        } else {
            true
        }
    });
    ws.orders.retain(|order| {
        let keep = clients.contains(&order.client_id);
        if !keep {
            let reason = DropReason::ClientMissing(order.client_id.clone());
            orphan(
                order,
                &order.client_id,
                RecordKind::Order,
                reason,
                tombstones,
                &mut repairs,
            );
        }
        keep
    });
    let deals: HashSet<&Id> = ws.deals.iter().map(|d| &d.id).collect();
    ws.assessments.retain(|a| {
        let keep = deals.contains(&a.deal_id);
        if !keep {
            let reason = DropReason::DealMissing(a.deal_id.clone());
            orphan(
                a,
                &a.deal_id,
                RecordKind::Assessment,
                reason,
                tombstones,
                &mut repairs,
            );
        }
        keep
    });
    // A task goes with its client or its deal; an activity with its client.
    ws.tasks.retain(|t| {
        let client = t.client_id.as_ref().filter(|c| !clients.contains(c));
        let deal = t.deal_id.as_ref().filter(|d| !deals.contains(d));
        let Some((parent, reason)) = (client.map(|c| (c, DropReason::ClientMissing(c.clone()))))
            .or_else(|| deal.map(|d| (d, DropReason::DealMissing(d.clone()))))
        else {
            return true;
        };
        orphan(
            t,
            parent,
            RecordKind::Task,
            reason,
            tombstones,
            &mut repairs,
        );
        false
    });
    ws.activities.retain(|a| {
        let (keep, parent) = (clients.contains(&a.client_id), &a.client_id);
        let (kind, reason) = (
            RecordKind::Activity,
            DropReason::ClientMissing(parent.clone()),
        );
        keep || {
            orphan(a, parent, kind, reason, tombstones, &mut repairs);
            false
        }
    });
    ws.stage_history.retain(|e| {
        let keep = deals.contains(&e.deal_id);
        if !keep {
            let reason = DropReason::DealMissing(e.deal_id.clone());
            orphan(
                e,
                &e.deal_id,
                RecordKind::StageChange,
                reason,
                tombstones,
                &mut repairs,
            );
        }
        keep
    });
    ws.transfers.retain(|t| {
        let keep = clients.contains(&t.client_id);
        if !keep {
            let reason = DropReason::ClientMissing(t.client_id.clone());
            orphan(
                t,
                &t.client_id,
                RecordKind::Transfer,
                reason,
                tombstones,
                &mut repairs,
            );
        }
        keep
    });
    repairs
}

/// Reports a dropped dependant and gives it a tombstone covering its last change.
fn orphan<T: Record>(
    record: &T,
    parent: &Id,
    kind: RecordKind,
    reason: DropReason,
    tombstones: &mut Tombstones,
    repairs: &mut Vec<Repair>,
) {
    let own = record.updated_at();
    let at = tombstones.removed_at(parent).map_or(own, |t| t.max(own));
    tombstones.record(record.id(), at);
    repairs.push(dropped(kind, record, reason));
}

/// Rule 2: merges one collection whose records others refer to, with the tombstones of the
/// records in use set aside, and reports those that stayed only because they are in use — one
/// side alone held them and a tombstone covered their last change.
pub(super) fn merge_keeping_used<T: Record + Clone + PartialEq + std::fmt::Debug>(
    ours: &[T],
    theirs: &[T],
    tombstones: &Tombstones,
    used: &InUse,
    kind: RecordKind,
) -> (Vec<T>, Vec<MergeEvent>, Vec<Repair>) {
    let mut applicable = tombstones.as_map().clone();
    applicable.retain(|id, _| !used.contains_key(id));
    let (merged, mut events) = merge_records(ours, theirs, &applicable, tombstones.unseen(), kind);
    let held = |list: &[T], id: &Id| list.iter().any(|r| r.id() == id);
    let mut repairs = Vec::new();
    for record in &merged {
        let (Some(users), Some(removed_at)) =
            (used.get(record.id()), tombstones.removed_at(record.id()))
        else {
            continue;
        };
        let held_by = match (held(ours, record.id()), held(theirs, record.id())) {
            (true, false) => Side::Ours,
            (false, true) => Side::Theirs,
            // Held by both: the tombstone does not apply, nothing was kept against it.
            _ => continue,
        };
        if removed_at < record.updated_at() {
            // Changed after the deletion: kept by the ordinary rule anyway, and reported as
            // `merge_records` would have, had its tombstone not been set aside.
            events.push(MergeEvent::ResurrectedAfterDelete(Resurrection::of(
                kind, record, removed_at, held_by,
            )));
            continue;
        }
        repairs.push(Repair::KeptInUse {
            kind,
            id: record.id().clone(),
            label: record.label(),
            removed_at,
            held_by,
            used_by: users.clone(),
        });
    }
    (merged, events, repairs)
}

/// Rule 3: drops whatever `integrity_problems` still names until it names nothing. Every round
/// drops at least one record, so this ends.
pub(super) fn enforce_integrity(ws: &mut Workspace) -> Vec<Repair> {
    let mut repairs = Vec::new();
    loop {
        let problems = ws.integrity_problems();
        if problems.is_empty() {
            return repairs;
        }
        let before = repairs.len();
        for problem in problems {
            match problem {
                IntegrityProblem::DuplicateId(id) => drop_duplicates(ws, &id, &mut repairs),
                IntegrityProblem::DanglingReference { record, missing } => {
                    drop_dangling(ws, &record, &missing, &mut repairs)
                }
            }
        }
        if repairs.len() == before {
            // Unreachable: every problem names a record that can be dropped. Stop rather than
            // spin if `integrity_problems` ever learns a check this function does not know.
            debug_assert!(false, "integrity problems left that no drop fixes");
            return repairs;
        }
    }
}

/// Keeps the first record using `id` — stages first, since deals depend on the pipeline, then
/// members, clients, deals, groups, products, orders, transfers, tasks — and drops the others.
fn drop_duplicates(ws: &mut Workspace, id: &Id, repairs: &mut Vec<Repair>) {
    let mut found = false;
    let mut keep = KeepFirst {
        id,
        found: &mut found,
        repairs,
    };
    keep.apply(&mut ws.stages, RecordKind::Stage);
    keep.apply(&mut ws.members, RecordKind::Member);
    keep.apply(&mut ws.clients, RecordKind::Client);
    keep.apply(&mut ws.deals, RecordKind::Deal);
    keep.apply(&mut ws.product_groups, RecordKind::ProductGroup);
    keep.apply(&mut ws.products, RecordKind::Product);
    keep.apply(&mut ws.orders, RecordKind::Order);
    keep.apply(&mut ws.transfers, RecordKind::Transfer);
    keep.apply(&mut ws.tasks, RecordKind::Task);
}

struct KeepFirst<'a> {
    id: &'a Id,
    found: &'a mut bool,
    repairs: &'a mut Vec<Repair>,
}

impl KeepFirst<'_> {
    fn apply<T: Record>(&mut self, list: &mut Vec<T>, kind: RecordKind) {
        list.retain(|r| {
            if r.id() != self.id {
                return true;
            }
            if !*self.found {
                *self.found = true;
                return true;
            }
            self.repairs.push(dropped(kind, r, DropReason::DuplicateId));
            false
        });
    }
}

/// Drops the record `record` that refers to the missing `missing` (matching the reference too,
/// since an assessment may share its id with another kind of record).
fn drop_dangling(ws: &mut Workspace, record: &Id, missing: &Id, repairs: &mut Vec<Repair>) {
    use DropReason::*;
    let why = |hit: bool, reason: fn(Id) -> DropReason| hit.then(|| reason(missing.clone()));
    drop_where(&mut ws.clients, RecordKind::Client, record, repairs, |c| {
        why(&c.owner_id == missing, OwnerMissing)
    });
    drop_where(&mut ws.deals, RecordKind::Deal, record, repairs, |d| {
        why(&d.client_id == missing, ClientMissing)
            .or_else(|| why(&d.stage_id == missing, StageMissing))
            .or_else(|| why(&d.owner_id == missing, OwnerMissing))
    });
    drop_where(
        &mut ws.assessments,
        RecordKind::Assessment,
        record,
        repairs,
        |a| why(&a.deal_id == missing, DealMissing),
    );
    drop_where(
        &mut ws.stage_history,
        RecordKind::StageChange,
        record,
        repairs,
        |e| why(&e.deal_id == missing, DealMissing),
    );
    drop_where(&mut ws.tasks, RecordKind::Task, record, repairs, |t| {
        why(t.client_id.as_ref() == Some(missing), ClientMissing)
            .or_else(|| why(t.deal_id.as_ref() == Some(missing), DealMissing))
    });
    drop_where(
        &mut ws.activities,
        RecordKind::Activity,
        record,
        repairs,
        |a| why(&a.client_id == missing, ClientMissing),
    );
    drop_where(
        &mut ws.products,
        RecordKind::Product,
        record,
        repairs,
        |p| why(&p.group_id == missing, GroupMissing),
    );
    drop_where(
        &mut ws.transfers,
        RecordKind::Transfer,
        record,
        repairs,
        |t| why(&t.client_id == missing, ClientMissing),
    );
    drop_where(&mut ws.orders, RecordKind::Order, record, repairs, |o| {
        let uses = o.lines.iter().any(|l| &l.product_id == missing);
        why(&o.client_id == missing, ClientMissing).or_else(|| why(uses, ProductMissing))
    });
}

/// Drops the records with id `record` for which `reason` gives a reason.
fn drop_where<T: Record>(
    list: &mut Vec<T>,
    kind: RecordKind,
    record: &Id,
    repairs: &mut Vec<Repair>,
    reason: impl Fn(&T) -> Option<DropReason>,
) {
    list.retain(|r| {
        let Some(why) = (r.id() == record).then(|| reason(r)).flatten() else {
            return true;
        };
        repairs.push(dropped(kind, r, why));
        false
    });
}
