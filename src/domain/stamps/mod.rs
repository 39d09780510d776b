//! Per-field change stamps: what lets two copies of a record merge field by field.
//!
//! Every field of a mergeable record has a stamp: when its value was set (`at`) and when the
//! value it replaced had been set (`prev`). Only fields changed by an edit carry an entry; the
//! others carry the record's base stamp. A record with no stamps at all (never edited since it
//! was created, or written before field stamps existed) counts every field as set at its
//! `updated_at`: older data keeps the record-level "newer change wins" it was written under.
//!
//! Why two times per field: the later `at` decides which value a merge keeps, and `prev` tells
//! whether the winner's author had seen the loser's value. If `winner.prev >= loser.at` the
//! winner was written on top of the loser (or something later): a one-sided update. Otherwise
//! the two were written without seeing each other: a conflict, which the report lists.
//!
//! The clock rule (a hybrid logical clock per record): a change is stamped
//! `max(now, the record's latest stamp + 1 ms)`. An edit therefore always wins over every value
//! it replaced, even when that value came from a device whose clock runs days ahead; a stamp
//! from a fast clock can win only against edits made without having seen it, and a merge lists
//! those as conflicts with both values. Deletions follow the same rule: a tombstone is stamped
//! later than the removed record's latest stamp, so a deletion wins over every copy it has seen.

use super::dates::Timestamp;
use chrono::TimeDelta;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt::Debug;

/// One field's stamp: when it was set, and when the value it replaced had been set. Written as
/// a pair `[at, prev]`: there is one per edited field, and files stay readable.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(from = "(Timestamp, Timestamp)", into = "(Timestamp, Timestamp)")]
pub struct FieldStamp {
    /// When the field got its current value.
    pub at: Timestamp,
    /// When the value it replaced had been set (the Unix epoch when unknown).
    pub prev: Timestamp,
}

impl From<(Timestamp, Timestamp)> for FieldStamp {
    fn from((at, prev): (Timestamp, Timestamp)) -> Self {
        FieldStamp { at, prev }
    }
}

impl From<FieldStamp> for (Timestamp, Timestamp) {
    fn from(s: FieldStamp) -> Self {
        (s.at, s.prev)
    }
}

/// The stamps of a record's fields; fields with no entry carry the base stamp.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamps {
    /// The stamp of every field not listed; `None` (only while no field is listed) means the
    /// record's `updated_at`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<Timestamp>,
    /// Fields changed since the base, by name (`"contact.phone"`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, FieldStamp>,
}

impl Stamps {
    /// Nothing changed since creation: nothing to store.
    pub fn is_empty(&self) -> bool {
        self.base.is_none() && self.fields.is_empty()
    }

    /// The stamp of `field`, given the record's `updated_at`.
    pub fn of(&self, field: &str, updated_at: Timestamp) -> FieldStamp {
        self.fields.get(field).copied().unwrap_or(FieldStamp {
            at: self.base.unwrap_or(updated_at),
            prev: Timestamp::default(),
        })
    }
}

/// The stamp for a change made `now` to something last stamped `latest`: later than both, so a
/// change always wins over what it replaced even when `latest` came from a clock running ahead.
pub fn next_stamp(now: Timestamp, latest: Timestamp) -> Timestamp {
    now.max(latest + TimeDelta::milliseconds(1))
}

/// A record whose fields merge one by one.
///
/// `FIELDS` names every field a person can change; the id and the timestamps are not fields.
/// Implemented with [`fielded!`](crate::fielded) so the list and the accessors cannot disagree.
pub trait Fielded: Clone + PartialEq + Debug {
    /// The fields' names as they appear in files and reports, e.g. `"contact.phone"`.
    const FIELDS: &'static [&'static str];
    /// Whether field `i` holds the same value in both.
    fn same_field(&self, other: &Self, i: usize) -> bool;
    /// Copies field `i` from `other`.
    fn take_field(&mut self, other: &Self, i: usize);
    /// Field `i`'s value as JSON, for reports and for ordering equal stamps.
    fn field_value(&self, i: usize) -> serde_json::Value;
    /// The field stamps.
    fn stamps(&self) -> &Stamps;
    /// The field stamps, to change.
    fn stamps_mut(&mut self) -> &mut Stamps;
    /// When the record was created.
    fn created_at(&self) -> Timestamp;
    /// Sets when the record was created (a merge keeps the earlier of two).
    fn set_created_at(&mut self, at: Timestamp);
    /// When the record last changed.
    fn updated_at(&self) -> Timestamp;
    /// Sets when the record last changed.
    fn set_updated_at(&mut self, at: Timestamp);

    /// The stamp of field `i`.
    fn stamp(&self, i: usize) -> FieldStamp {
        self.stamps().of(Self::FIELDS[i], self.updated_at())
    }

    /// The latest change to any field (never before the record's `updated_at`).
    fn latest_stamp(&self) -> Timestamp {
        let stamps = self.stamps();
        stamps
            .fields
            .values()
            .map(|s| s.at)
            .chain(stamps.base)
            .fold(self.updated_at(), Timestamp::max)
    }
}

/// Turns `new` (an edited copy of `old`) into the stored record: every field that differs from
/// `old` is stamped as changed `now` (by the clock rule), the rest keep their stamps. Returns the
/// changed fields' names; with none, `new` is `old` unchanged (no new `updated_at` either).
pub fn stamp_changes<T: Fielded>(old: &T, new: &mut T, now: Timestamp) -> Vec<&'static str> {
    let at = next_stamp(now, old.latest_stamp());
    let mut stamps = old.stamps().clone();
    stamps.base.get_or_insert(old.updated_at());
    let mut changed = Vec::new();
    for (i, name) in T::FIELDS.iter().enumerate() {
        if !old.same_field(new, i) {
            let prev = old.stamp(i).at;
            stamps
                .fields
                .insert((*name).to_owned(), FieldStamp { at, prev });
            changed.push(*name);
        }
    }
    if changed.is_empty() {
        *new.stamps_mut() = old.stamps().clone();
        new.set_updated_at(old.updated_at());
    } else {
        *new.stamps_mut() = stamps;
        new.set_updated_at(at);
    }
    changed
}

/// Changes `record` in place through `change`, stamping the fields that changed.
pub fn edit<T: Fielded>(record: &mut T, now: Timestamp, change: impl FnOnce(&mut T)) {
    let mut new = record.clone();
    change(&mut new);
    replace(record, new, now);
}

/// Replaces `record` with `new` (an edited copy), stamping the fields that changed.
pub fn replace<T: Fielded>(record: &mut T, mut new: T, now: Timestamp) {
    stamp_changes(record, &mut new, now);
    *record = new;
}

/// Applies to `current` only the fields in which `edited` differs from `opened` (what the person
/// changed in a form opened on `opened`), leaving every other field as it is now. This is what a
/// form saves: a change made elsewhere while the form was open is never overwritten by the
/// form's stale copy of a field nobody touched.
pub fn apply_edits<T: Fielded>(opened: &T, edited: &T, current: &T) -> T {
    let mut result = current.clone();
    for i in 0..T::FIELDS.len() {
        if !opened.same_field(edited, i) {
            result.take_field(edited, i);
        }
    }
    result
}

/// The fields the person is editing (changed from `opened`) that were also changed elsewhere
/// to a different value (`current` differs from both): the form must let the person choose.
pub fn clashing_fields<T: Fielded>(opened: &T, edited: &T, current: &T) -> Vec<&'static str> {
    (0..T::FIELDS.len())
        .filter(|&i| {
            !opened.same_field(edited, i)
                && !opened.same_field(current, i)
                && !edited.same_field(current, i)
        })
        .map(|i| T::FIELDS[i])
        .collect()
}

/// Implements [`Fielded`] for a record with `stamps`, `created_at` and `updated_at` fields:
/// `fielded!(Client { "name" => name, "contact.phone" => contact.phone })`.
#[macro_export]
macro_rules! fielded {
    ($ty:ty { $($name:literal => $($path:ident).+),+ $(,)? }) => {
        impl $crate::domain::stamps::Fielded for $ty {
            const FIELDS: &'static [&'static str] = &[$($name),+];
            fn same_field(&self, other: &Self, i: usize) -> bool {
                let mut at = 0usize;
                $(
                    if i == at {
                        return self.$($path).+ == other.$($path).+;
                    }
                    at += 1;
                )+
                let _ = at;
                true
            }
            fn take_field(&mut self, other: &Self, i: usize) {
                let mut at = 0usize;
                $(
                    if i == at {
                        self.$($path).+ = other.$($path).+.clone();
                        return;
                    }
                    at += 1;
                )+
                let _ = at;
            }
            fn field_value(&self, i: usize) -> serde_json::Value {
                let mut at = 0usize;
                $(
                    if i == at {
                        return serde_json::to_value(&self.$($path).+)
                            .unwrap_or(serde_json::Value::Null);
                    }
                    at += 1;
                )+
                let _ = at;
                serde_json::Value::Null
            }
            fn stamps(&self) -> &$crate::domain::stamps::Stamps {
                &self.stamps
            }
            fn stamps_mut(&mut self) -> &mut $crate::domain::stamps::Stamps {
                &mut self.stamps
            }
            fn created_at(&self) -> $crate::domain::dates::Timestamp {
                self.created_at
            }
            fn set_created_at(&mut self, at: $crate::domain::dates::Timestamp) {
                self.created_at = at;
            }
            fn updated_at(&self) -> $crate::domain::dates::Timestamp {
                self.updated_at
            }
            fn set_updated_at(&mut self, at: $crate::domain::dates::Timestamp) {
                self.updated_at = at;
            }
        }
    };
}

#[cfg(test)]
mod tests;
