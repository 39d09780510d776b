//! The field-by-field rule for records people edit: a change made on one side only is taken,
//! a field changed on both sides to different values is a conflict the later change wins.

use super::events::{Conflict, MergeEvent, RecordKind, Side};
use super::record::Record;
use crate::domain::dates::Timestamp;
use crate::domain::stamps::{Fielded, Stamps};

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
