//! A record that merges by id, and the whole-record rule: of two different copies the later
//! change wins, and equal times are settled by content so the result does not depend on the
//! order of the arguments.

use super::events::{Conflict, MergeEvent, RecordKind, Resurrection, Side};
use crate::domain::dates::Timestamp;
use crate::domain::ids::Id;

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
    /// merge field by field instead (see [`merge_fields`](super::merge_fields)).
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
pub(super) fn merge_restored<T: Record + Clone + PartialEq + std::fmt::Debug>(
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
pub(super) fn merge_whole<T: Record + Clone + std::fmt::Debug>(
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
