//! The rule every collection shares: match records by id, keep the newer version, let a
//! tombstone remove a record only one side still holds.

use crate::domain::dates::{format_date, Timestamp};
use crate::domain::ids::Id;
use crate::domain::orders::{Order, Product, ProductGroup};
use crate::domain::qualification::Assessment;
use crate::domain::stamps::{Fielded, Stamps};
use crate::domain::transfer::TransferRecord;
use crate::domain::{Client, Deal, Stage, TeamMember};
use std::collections::{HashMap, HashSet};

/// The kinds of data a merge reports on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RecordKind {
    /// Team members.
    Member,
    /// Clients.
    Client,
    /// Deals.
    Deal,
    /// Qualification assessments.
    Assessment,
    /// Product groups of the catalogue.
    ProductGroup,
    /// Products of the catalogue.
    Product,
    /// Clients' orders.
    Order,
    /// Pipeline stages.
    Stage,
    /// The team's scoring model (a single value, not a collection).
    ScoringModel,
    /// Hunter→farmer transfer records.
    Transfer,
    /// The transfer rule and activity thresholds (a single value).
    TransferPolicy,
}

impl RecordKind {
    /// Every kind, in the order reports list them.
    pub const ALL: [RecordKind; 11] = [
        RecordKind::Member,
        RecordKind::Client,
        RecordKind::Deal,
        RecordKind::Assessment,
        RecordKind::ProductGroup,
        RecordKind::Product,
        RecordKind::Order,
        RecordKind::Stage,
        RecordKind::ScoringModel,
        RecordKind::Transfer,
        RecordKind::TransferPolicy,
    ];
}

/// One of the two workspaces being merged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    /// The first argument of [`merge`](super::merge): this tab's or the director's own data.
    Ours,
    /// The second argument: what another tab stored, or an imported snapshot.
    Theirs,
}

/// A record that can be merged by id: it has a stable id and the time of its last change.
pub trait Record {
    /// The stable id shared by every copy of the record.
    fn id(&self) -> &Id;
    /// When the record last changed; of two different copies the later one wins.
    fn updated_at(&self) -> Timestamp;
    /// A short human name for reports: a person's or company's name, a deal's title.
    fn label(&self) -> String;
    /// Merges two different copies of the record (same id). The default treats the record as
    /// one value: the later copy wins, and equal times are settled by content so that the
    /// result does not depend on the order of the arguments. Records with fields people edit
    /// merge field by field instead (see [`merge_fields`]).
    fn merge_pair(
        ours: &Self,
        theirs: &Self,
        kind: RecordKind,
        events: &mut Vec<MergeEvent>,
    ) -> Self
    where
        Self: Sized + Clone + std::fmt::Debug,
    {
        merge_whole(ours, theirs, kind, events)
    }
}

/// The usual record: an `id`, an `updated_at`, and a text field that names it in reports.
macro_rules! plain_record {
    ($($kind:ty => $label:ident),* $(,)?) => {
        $(impl Record for $kind {
            fn id(&self) -> &Id {
                &self.id
            }
            fn updated_at(&self) -> Timestamp {
                self.updated_at
            }
            fn label(&self) -> String {
                self.$label.clone()
            }
            fn merge_pair(
                ours: &Self,
                theirs: &Self,
                kind: RecordKind,
                events: &mut Vec<MergeEvent>,
            ) -> Self {
                merge_fields(ours, theirs, kind, events)
            }
        })*
    };
}

plain_record!(TeamMember => name, Client => name, Deal => title, ProductGroup => name, Product => name);

/// Records that are never edited (assessments, transfer records): the creation time is also the
/// last change, unless a restore brought the record back after a deletion (`restored_at`). An
/// assessment's label is the date it was made (its deal is in the record), a transfer's its
/// business date.
macro_rules! never_edited {
    ($($kind:ty => |$r:ident| $label:expr),* $(,)?) => {
        $(impl Record for $kind {
            fn id(&self) -> &Id {
                &self.id
            }
            fn updated_at(&self) -> Timestamp {
                self.restored_at
                    .map_or(self.created_at, |at| at.max(self.created_at))
            }
            fn label(&self) -> String {
                let $r = self;
                $label
            }
            fn merge_pair(
                ours: &Self,
                theirs: &Self,
                kind: RecordKind,
                events: &mut Vec<MergeEvent>,
            ) -> Self {
                let plain = |r: &Self| Self {
                    restored_at: None,
                    ..r.clone()
                };
                merge_restored(ours, theirs, plain, kind, events)
            }
        })*
    };
}

never_edited!(
    Assessment => |a| format_date(a.created_at.date_naive()),
    TransferRecord => |t| format_date(t.date),
);

/// Whether their copy wins over ours as a whole: the later change, and on equal times the greater
/// content, so that the winner does not depend on which side merges.
fn theirs_is_later<T: Record + std::fmt::Debug>(ours: &T, theirs: &T) -> bool {
    match theirs.updated_at().cmp(&ours.updated_at()) {
        std::cmp::Ordering::Equal => format!("{theirs:?}") > format!("{ours:?}"),
        order => order.is_gt(),
    }
}

/// Two copies of a never-edited record: copies that differ only in when a restore brought the
/// record back are one record (the later restore kept, no conflict); anything else is merged
/// whole.
fn merge_restored<T: Record + Clone + PartialEq + std::fmt::Debug>(
    ours: &T,
    theirs: &T,
    plain: impl Fn(&T) -> T,
    kind: RecordKind,
    events: &mut Vec<MergeEvent>,
) -> T {
    if plain(ours) != plain(theirs) {
        return merge_whole(ours, theirs, kind, events);
    }
    let theirs_wins = theirs_is_later(ours, theirs);
    if theirs_wins {
        theirs.clone()
    } else {
        ours.clone()
    }
}

/// Two different copies of a record merged as one value: the later copy wins, and equal times
/// are settled by content so that the result does not depend on the order of the arguments; the
/// difference is reported as a conflict.
fn merge_whole<T: Record + Clone + std::fmt::Debug>(
    ours: &T,
    theirs: &T,
    kind: RecordKind,
    events: &mut Vec<MergeEvent>,
) -> T {
    let theirs_wins = theirs_is_later(ours, theirs);
    let (winner, record) = if theirs_wins {
        (Side::Theirs, theirs)
    } else {
        (Side::Ours, ours)
    };
    events.push(MergeEvent::Conflict(Conflict {
        kind,
        id: ours.id().clone(),
        label: record.label(),
        field: None,
        ours_value: String::new(),
        theirs_value: String::new(),
        ours_updated_at: ours.updated_at(),
        theirs_updated_at: theirs.updated_at(),
        winner,
    }));
    record.clone()
}

/// An order's label is its business date (the client it belongs to is in the record).
impl Record for Order {
    fn id(&self) -> &Id {
        &self.id
    }
    fn updated_at(&self) -> Timestamp {
        self.updated_at
    }
    fn label(&self) -> String {
        format_date(self.date)
    }
    fn merge_pair(
        ours: &Self,
        theirs: &Self,
        kind: RecordKind,
        events: &mut Vec<MergeEvent>,
    ) -> Self {
        merge_fields(ours, theirs, kind, events)
    }
}

/// Stages carry no timestamp: every copy counts as equally old (the Unix epoch), so of two
/// different copies ours wins, and theirs only contributes stages ours lacks.
impl Record for Stage {
    fn id(&self) -> &Id {
        &self.id
    }
    fn updated_at(&self) -> Timestamp {
        Timestamp::default()
    }
    fn label(&self) -> String {
        self.custom_name
            .clone()
            .unwrap_or_else(|| self.id.as_str().to_owned())
    }
    /// Stages are the director's: ours stay as they are (theirs only add stages we lack).
    fn merge_pair(
        ours: &Self,
        theirs: &Self,
        kind: RecordKind,
        events: &mut Vec<MergeEvent>,
    ) -> Self {
        events.push(MergeEvent::Conflict(Conflict {
            kind,
            id: ours.id.clone(),
            label: ours.label(),
            field: None,
            ours_value: String::new(),
            theirs_value: String::new(),
            ours_updated_at: Timestamp::default(),
            theirs_updated_at: Timestamp::default(),
            winner: Side::Ours,
        }));
        let _ = theirs;
        ours.clone()
    }
}

/// Both sides changed the same field of a record (or a record without fields) to different
/// values without seeing each other's change. A change made on one side only is no conflict:
/// it is simply taken (see [`merge_fields`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// What kind of record.
    pub kind: RecordKind,
    /// The record's id (`scoring-model` for the scoring model, which has none).
    pub id: Id,
    /// The winning copy's label (name, title…).
    pub label: String,
    /// The field both sides changed (`"contact.phone"`); `None` for a record merged whole.
    pub field: Option<&'static str>,
    /// Our value of the field, as JSON text (empty for a record merged whole).
    pub ours_value: String,
    /// Their value of the field.
    pub theirs_value: String,
    /// When our value was set (the Unix epoch for stages, which carry no timestamp).
    pub ours_updated_at: Timestamp,
    /// When their value was set.
    pub theirs_updated_at: Timestamp,
    /// Whose value was kept: the later one (equal times are settled by content).
    pub winner: Side,
}

impl Conflict {
    /// Whether both copies changed after `moment` (e.g. the last time this tab read or wrote the
    /// stored workspace): only then did two people really edit the same record concurrently.
    pub fn both_changed_after(&self, moment: Timestamp) -> bool {
        self.ours_updated_at > moment && self.theirs_updated_at > moment
    }
}

/// A record one side deleted while the other side changed it later: the change wins and the
/// record stays.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resurrection {
    /// What kind of record.
    pub kind: RecordKind,
    /// The record's id.
    pub id: Id,
    /// The record's label.
    pub label: String,
    /// When it was deleted.
    pub removed_at: Timestamp,
    /// When it was changed, after that.
    pub updated_at: Timestamp,
    /// The side that still held the record.
    pub held_by: Side,
}

impl Resurrection {
    /// The report that `record`, deleted at `removed_at`, was changed afterwards on `held_by`.
    pub(super) fn of<T: Record>(
        kind: RecordKind,
        record: &T,
        removed_at: Timestamp,
        held_by: Side,
    ) -> Self {
        Resurrection {
            kind,
            id: record.id().clone(),
            label: record.label(),
            removed_at,
            updated_at: record.updated_at(),
            held_by,
        }
    }
}

/// Something [`merge_records`] noticed besides plain adds and keeps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MergeEvent {
    /// Both sides had different copies; the later one won.
    Conflict(Conflict),
    /// A record survived a deletion because it changed after it.
    ResurrectedAfterDelete(Resurrection),
}

/// Merges one collection by id.
///
/// - On both sides and equal: kept. On both sides and different: merged by the kind's
///   [`Record::merge_pair`] (field by field for records people edit, see [`merge_fields`]).
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
        match theirs_by_id.get(record.id()) {
            Some(other) => {
                let last_change = record.updated_at().max(other.updated_at());
                let deleted = unseen.contains(record.id())
                    && tombstones
                        .get(record.id())
                        .is_some_and(|&at| at >= last_change);
                if !deleted {
                    merged.push(newer(record, other, kind, &mut events));
                }
            }
            None => {
                merged.extend(one_sided(record, Side::Ours, tombstones, kind, &mut events).cloned())
            }
        }
    }
    // `seen` now holds every id of ours, so this loop meets theirs' new records only.
    for record in theirs {
        if seen.insert(record.id()) {
            let kept = one_sided(record, Side::Theirs, tombstones, kind, &mut events);
            merged.extend(kept.cloned());
        }
    }
    (merged, events)
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

/// Merges two copies of a record field by field: each field keeps the value with the later stamp
/// (equal stamps are settled by the values, so the result does not depend on argument order),
/// and a conflict is recorded only when the winning value was written without having seen the
/// losing one (`winner.prev < loser.at`): a field changed on one side only is simply taken.
pub fn merge_fields<T: Record + Fielded>(
    ours: &T,
    theirs: &T,
    kind: RecordKind,
    events: &mut Vec<MergeEvent>,
) -> T {
    let mut merged = ours.clone();
    let created_at = ours.created_at().min(theirs.created_at());
    let updated_at = Record::updated_at(ours).max(Record::updated_at(theirs));
    let base = ours
        .stamps()
        .base
        .unwrap_or(Record::updated_at(ours))
        .max(theirs.stamps().base.unwrap_or(Record::updated_at(theirs)));
    let mut stamps = Stamps {
        base: Some(base),
        fields: Default::default(),
    };
    for (i, name) in T::FIELDS.iter().enumerate() {
        let (so, st) = (ours.stamp(i), theirs.stamp(i));
        let chosen = if ours.same_field(theirs, i) {
            so.max(st)
        } else {
            let theirs_wins = match st.at.cmp(&so.at) {
                std::cmp::Ordering::Equal => {
                    let (t, o) = (theirs.field_value(i), ours.field_value(i));
                    t.to_string().cmp(&o.to_string()).is_gt()
                }
                order => order.is_gt(),
            };
            let (winner, won, lost) = if theirs_wins {
                merged.take_field(theirs, i);
                (Side::Theirs, st, so)
            } else {
                (Side::Ours, so, st)
            };
            if won.prev < lost.at {
                events.push(MergeEvent::Conflict(Conflict {
                    kind,
                    id: ours.id().clone(),
                    label: String::new(),
                    field: Some(name),
                    ours_value: ours.field_value(i).to_string(),
                    theirs_value: theirs.field_value(i).to_string(),
                    ours_updated_at: so.at,
                    theirs_updated_at: st.at,
                    winner,
                }));
            }
            won
        };
        if chosen.at != base || chosen.prev != Timestamp::default() {
            stamps.fields.insert((*name).to_owned(), chosen);
        }
    }
    // The same stamps have one form: no base entry when it says what `updated_at` says.
    if stamps.fields.is_empty() && base == updated_at {
        stamps.base = None;
    }
    *merged.stamps_mut() = stamps;
    merged.set_updated_at(updated_at);
    merged.set_created_at(created_at);
    // Labels name the record as merged (the name may be one of the fields that changed).
    for event in events.iter_mut().rev() {
        match event {
            MergeEvent::Conflict(c) if c.id == *ours.id() && c.label.is_empty() => {
                c.label = merged.label();
            }
            _ => break,
        }
    }
    merged
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
