//! The first place of each id in a record list, found by the id's hash. No id is copied, so an
//! index of 100 000 records is cheap to build a part at a time and to drop (a set of copied ids
//! took tens of milliseconds just to free).

use super::record::Record;
use crate::domain::ids::Id;
use std::collections::hash_map::{DefaultHasher, Entry};
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

/// No next place.
const NONE: usize = usize::MAX;

/// The places of a list's records so far, by their ids' hashes: for each hash the first and the
/// last place, and for each place the next one with the same hash.
#[derive(Default)]
pub(super) struct IdIndex {
    heads: HashMap<u64, (usize, usize)>,
    next: Vec<usize>,
}

fn hash_of(id: &Id) -> u64 {
    let mut hasher = DefaultHasher::new();
    id.hash(&mut hasher);
    hasher.finish()
}

impl IdIndex {
    /// How many records are indexed: the places `0..len`.
    pub(super) fn len(&self) -> usize {
        self.next.len()
    }

    /// Makes room for `records` in all, so that a long list's index does not grow (and copy
    /// itself) in the middle of a step.
    pub(super) fn reserve(&mut self, records: usize) {
        if self.next.is_empty() {
            self.heads.reserve(records);
            self.next.reserve(records);
        }
    }

    /// Indexes the next record of the list, whose id is `id`.
    pub(super) fn push(&mut self, id: &Id) {
        let place = self.next.len();
        self.next.push(NONE);
        match self.heads.entry(hash_of(id)) {
            Entry::Occupied(mut e) => {
                let (_, last) = e.get_mut();
                self.next[*last] = place;
                *last = place;
            }
            Entry::Vacant(e) => {
                e.insert((place, place));
            }
        }
    }

    /// The first place among those indexed where `list` holds `id`.
    pub(super) fn first<T: Record>(&self, list: &[T], id: &Id) -> Option<usize> {
        let &(mut place, _) = self.heads.get(&hash_of(id))?;
        while place != NONE {
            if list[place].id() == id {
                return Some(place);
            }
            place = self.next[place];
        }
        None
    }
}
