//! The union of both sides' deletions: one tombstone per id, the latest `removed_at` kept.

use crate::domain::dates::Timestamp;
use crate::domain::ids::Id;
use crate::domain::workspace::Tombstone;
use std::collections::{HashMap, HashSet};

/// Tombstones by id, remembering the order ids were first seen so the stored list stays stable
/// (ours in our order, then theirs' new ones, then those the repair adds).
#[derive(Clone, Debug, Default)]
pub(super) struct Tombstones {
    latest: HashMap<Id, Timestamp>,
    order: Vec<Id>,
    /// Ids whose latest deletion only one side knew when the two lists were united.
    unseen: HashSet<Id>,
}

impl Tombstones {
    /// The union of two tombstone lists.
    pub(super) fn union(ours: &[Tombstone], theirs: &[Tombstone]) -> Self {
        let mut all = Tombstones::default();
        for t in ours.iter().chain(theirs) {
            all.record(&t.id, t.removed_at);
        }
        let (ours, theirs) = (latest_by_id(ours), latest_by_id(theirs));
        all.unseen = (all.latest.keys())
            .filter(|id| ours.get(id) != theirs.get(id))
            .cloned()
            .collect();
        all
    }

    /// The ids whose latest deletion one side had not seen (see
    /// [`merge_records`](super::merge_records)).
    pub(super) fn unseen(&self) -> &HashSet<Id> {
        &self.unseen
    }

    /// Notes that `id` was removed at `at`; an existing tombstone keeps the later time.
    pub(super) fn record(&mut self, id: &Id, at: Timestamp) {
        match self.latest.get_mut(id) {
            Some(known) => *known = (*known).max(at),
            None => {
                self.latest.insert(id.clone(), at);
                self.order.push(id.clone());
            }
        }
    }

    /// When `id` was (last) removed, if ever.
    pub(super) fn removed_at(&self, id: &Id) -> Option<Timestamp> {
        self.latest.get(id).copied()
    }

    /// The tombstones as a map, the form [`merge_records`](super::merge_records) takes.
    pub(super) fn as_map(&self) -> &HashMap<Id, Timestamp> {
        &self.latest
    }

    /// The stored form.
    pub(super) fn into_list(self) -> Vec<Tombstone> {
        let Tombstones { latest, order, .. } = self;
        order
            .into_iter()
            .map(|id| {
                let removed_at = latest[&id];
                Tombstone { id, removed_at }
            })
            .collect()
    }
}

/// Each id's latest removal time in one side's own list.
pub(super) fn latest_by_id(list: &[Tombstone]) -> HashMap<&Id, Timestamp> {
    let mut latest: HashMap<&Id, Timestamp> = HashMap::with_capacity(list.len());
    for t in list {
        latest
            .entry(&t.id)
            .and_modify(|at| *at = (*at).max(t.removed_at))
            .or_insert(t.removed_at);
    }
    latest
}

/// How many ids' tombstones differ between ours and the merged list: new deletions learnt, later
/// times, or ours' repeated entries for one id folded into one.
pub(super) fn changed_count(ours: &[Tombstone], merged: &[Tombstone]) -> usize {
    let mut ours_by_id: HashMap<&Id, (usize, Timestamp)> = HashMap::with_capacity(ours.len());
    for t in ours {
        let entry = ours_by_id.entry(&t.id).or_insert((0, t.removed_at));
        entry.0 += 1;
        entry.1 = entry.1.max(t.removed_at);
    }
    merged
        .iter()
        .filter(|t| ours_by_id.get(&t.id) != Some(&(1, t.removed_at)))
        .count()
}
