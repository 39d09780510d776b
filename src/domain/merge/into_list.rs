//! One record list of [`merge_into`](super::merge_into): where the wanted ids sit in ours, the
//! merge of those records in place (with [`merge_ours`] and [`merge_theirs`], the per-record
//! rule of [`merge_records`](super::merge_records)), and what it did, for the report's counts.

use super::events::{MergeEvent, RecordKind};
use super::record::Record;
use super::records::{merge_ours, merge_theirs};
use super::report::KindCounts;
use super::tombstones::Tombstones;
use crate::domain::ids::Id;
use rustc_hash::{FxHashMap, FxHashSet};

/// The ids a merge into ours has to look at: every record theirs holds, with the lists holding
/// it (one bit per list, see `into::bit`), and every tombstone of either side (no bit).
pub(super) type Wanted<'a> = FxHashMap<&'a Id, u16>;

/// The places in `ours` of wanted ids, in order. `None` when one of them is there twice: the
/// merge keeps the first and drops the rest, which is left to the whole merge.
pub(super) fn places<T: Record>(ours: &[T], wanted: &Wanted) -> Option<Vec<usize>> {
    let mut places = Vec::new();
    if wanted.is_empty() {
        return Some(places);
    }
    let mut seen: FxHashSet<&Id> = FxHashSet::default();
    for (at, record) in ours.iter().enumerate() {
        if wanted.contains_key(record.id()) {
            if !seen.insert(record.id()) {
                return None;
            }
            places.push(at);
        }
    }
    Some(places)
}

/// What one list's merge did.
#[derive(Default)]
pub(super) struct ListDelta {
    /// The wanted ids ours held in this list.
    held: FxHashSet<Id>,
    /// Those whose merged copy differs from ours.
    updated: FxHashSet<Id>,
    /// The counts as the list merged (before any repair).
    pub(super) counts: KindCounts,
    /// Places in the merged list of the records that changed or are new, in order.
    pub(super) touched: Vec<usize>,
    /// Whether a record of ours went (a deletion reached it).
    pub(super) removed_any: bool,
}

impl ListDelta {
    /// Moves a record a repair dropped (`id`) out of its count: a record of ours is removed
    /// now, a new one no longer added. `wanted` tells a new record (only theirs brings new ones)
    /// from one of ours nobody looked at.
    pub(super) fn dropped(&mut self, id: &Id, wanted: &Wanted) {
        let c = &mut self.counts;
        if self.held.contains(id) {
            if self.updated.contains(id) {
                c.updated -= 1;
            } else {
                c.kept -= 1;
            }
            c.removed += 1;
        } else if wanted.contains_key(id) {
            c.added -= 1;
        } else {
            c.kept -= 1;
            c.removed += 1;
        }
    }
}

/// Merges `theirs` into `ours` in place, looking only at `places` (where ours holds a wanted
/// id): the same records, in the same order, and the same events as
/// [`merge_records`](super::merge_records) gives when every other record of ours has neither
/// a copy in theirs nor a tombstone.
pub(super) fn merge_in<T: Record + Clone + PartialEq + std::fmt::Debug>(
    ours: &mut Vec<T>,
    places: &[usize],
    theirs: &[T],
    tombstones: &Tombstones,
    kind: RecordKind,
    events: &mut Vec<MergeEvent>,
) -> ListDelta {
    let (all, unseen) = (tombstones.as_map(), tombstones.unseen());
    // Their first copy of each id; what is left once ours are merged are their new records.
    let mut first: FxHashMap<&Id, &T> = FxHashMap::default();
    first.reserve(theirs.len());
    for record in theirs {
        first.entry(record.id()).or_insert(record);
    }
    let mut delta = ListDelta::default();
    let before = ours.len();
    let mut gone = Vec::new();
    for &at in places {
        let other = first.remove(ours[at].id());
        delta.held.insert(ours[at].id().clone());
        match merge_ours(&ours[at], other, all, unseen, kind, events) {
            Some(merged) if merged == ours[at] => {}
            Some(merged) => {
                delta.updated.insert(merged.id().clone());
                ours[at] = merged;
                delta.touched.push(at);
            }
            None => gone.push(at),
        }
    }
    if !gone.is_empty() {
        drop_places(ours, &gone);
        let mut before_it = 0;
        for at in delta.touched.iter_mut() {
            while before_it < gone.len() && gone[before_it] < *at {
                before_it += 1;
            }
            *at -= before_it;
        }
        delta.removed_any = true;
    }
    for record in theirs {
        if !first
            .get(record.id())
            .is_some_and(|f| std::ptr::eq(*f, record))
        {
            continue;
        }
        if let Some(new) = merge_theirs(record, all, kind, events) {
            delta.touched.push(ours.len());
            ours.push(new);
            delta.counts.added += 1;
        }
    }
    delta.counts.updated = delta.updated.len();
    delta.counts.removed = gone.len();
    delta.counts.kept = before - delta.counts.updated - delta.counts.removed;
    delta
}

/// Removes the records at `gone` (ascending places) in one pass.
fn drop_places<T>(list: &mut Vec<T>, gone: &[usize]) {
    let (mut at, mut next) = (0, 0);
    list.retain(|_| {
        let drop = gone.get(next) == Some(&at);
        next += usize::from(drop);
        at += 1;
        !drop
    });
}
