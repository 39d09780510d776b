//! The rule every collection shares: match records by id, keep the newer version, let a
//! tombstone remove a record only one side still holds.

use super::events::{MergeEvent, RecordKind, Resurrection, Side};
use super::record::Record;
use crate::domain::dates::Timestamp;
use crate::domain::ids::Id;
use std::collections::{HashMap, HashSet};

/// Merges one collection by id.
///
/// - On both sides and equal: kept. On both sides and different: merged by the kind's
///   [`Record::merge_pair`] (field by field for records people edit, see [`merge_fields`](super::merge_fields)).
/// - On one side only: kept, unless `tombstones` holds its id with `removed_at >= updated_at`
///   (the other side deleted it after its last change). If the tombstone is older, the record
///   changed after the deletion: it stays and a [`Resurrection`] is recorded.
/// - On both sides, a tombstone removes the record only when one side had not seen that
///   deletion (its id is in `unseen`) and neither copy changed after it: that side's copy is
///   simply older than the deletion, and the other side held the record only because something
///   used it when it met the deletion (see `repair`, which sets aside the tombstones of records
///   still in use). When both sides knew the deletion and still hold the record, it was kept
///   on purpose and stays.
///
/// The result keeps ours in our order, then theirs' new records in their order. A repeated id
/// within one side (never produced by the app) keeps its first occurrence.
pub fn merge_records<T: Record + Clone + PartialEq + std::fmt::Debug>(
    ours: &[T],
    theirs: &[T],
    tombstones: &HashMap<Id, Timestamp>,
    unseen: &HashSet<Id>,
    kind: RecordKind,
) -> (Vec<T>, Vec<MergeEvent>) {
    let mut theirs_by_id: HashMap<&Id, &T> = HashMap::with_capacity(theirs.len());
    for record in theirs {
        theirs_by_id.entry(record.id()).or_insert(record);
    }
    let mut merged = Vec::with_capacity(ours.len().max(theirs.len()));
    let mut events = Vec::new();
    let mut seen: HashSet<&Id> = HashSet::with_capacity(ours.len() + theirs.len());
    for record in ours {
        if !seen.insert(record.id()) {
            continue;
        }
        let other = theirs_by_id.get(record.id()).copied();
        merged.extend(merge_ours(
            record,
            other,
            tombstones,
            unseen,
            kind,
            &mut events,
        ));
    }
    // `seen` now holds every id of ours, so this loop meets theirs' new records only.
    for record in theirs {
        if seen.insert(record.id()) {
            merged.extend(merge_theirs(record, tombstones, kind, &mut events));
        }
    }
    (merged, events)
}

/// One record of ours (the first with its id), with their copy if they hold one: what the
/// merge keeps of it, if anything. Shared by [`merge_records`] and the merge in steps.
pub(super) fn merge_ours<T: Record + Clone + PartialEq + std::fmt::Debug>(
    record: &T,
    theirs: Option<&T>,
    tombstones: &HashMap<Id, Timestamp>,
    unseen: &HashSet<Id>,
    kind: RecordKind,
    events: &mut Vec<MergeEvent>,
) -> Option<T> {
    let Some(other) = theirs else {
        return one_sided(record, Side::Ours, tombstones, kind, events).cloned();
    };
    let last_change = record.updated_at().max(other.updated_at());
    let deleted = unseen.contains(record.id())
        && tombstones
            .get(record.id())
            .is_some_and(|&at| at >= last_change);
    (!deleted).then(|| newer(record, other, kind, events))
}

/// One record only they hold (the first with its id): kept unless a tombstone covers it.
pub(super) fn merge_theirs<T: Record + Clone>(
    record: &T,
    tombstones: &HashMap<Id, Timestamp>,
    kind: RecordKind,
    events: &mut Vec<MergeEvent>,
) -> Option<T> {
    one_sided(record, Side::Theirs, tombstones, kind, events).cloned()
}

/// Of two copies of one record: equal ones are kept, different ones merged by the kind's rule.
fn newer<T: Record + Clone + PartialEq + std::fmt::Debug>(
    ours: &T,
    theirs: &T,
    kind: RecordKind,
    events: &mut Vec<MergeEvent>,
) -> T {
    if ours == theirs {
        return ours.clone();
    }
    T::merge_pair(ours, theirs, kind, events)
}

/// A record only one side holds: gone if a tombstone is at least as recent as its last change.
fn one_sided<'a, T: Record>(
    record: &'a T,
    held_by: Side,
    tombstones: &HashMap<Id, Timestamp>,
    kind: RecordKind,
    events: &mut Vec<MergeEvent>,
) -> Option<&'a T> {
    let Some(&removed_at) = tombstones.get(record.id()) else {
        return Some(record);
    };
    // `>=`: a deletion stamped the same moment as the last change saw that change.
    if removed_at >= record.updated_at() {
        return None;
    }
    events.push(MergeEvent::ResurrectedAfterDelete(Resurrection::of(
        kind, record, removed_at, held_by,
    )));
    Some(record)
}
