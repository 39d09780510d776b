//! A form open on a record while the record changes underneath it (an order, a transfer,
//! another tab, an import): what the person typed is kept, what they did not touch follows the
//! record, and a field changed on both sides is reported so the person can choose.
//!
//! Works on any form draft that serialises to a JSON object of fields (`ClientDraft`,
//! `DealDraft`, …): the draft as the form was opened (`opened`), as the person has edited it
//! (`edited`), and the record as it is now, as a draft (`now`).

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

fn fields<D: Serialize>(draft: &D) -> Map<String, Value> {
    match serde_json::to_value(draft) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    }
}

fn back<D: DeserializeOwned + Clone>(map: Map<String, Value>, fallback: &D) -> D {
    serde_json::from_value(Value::Object(map)).unwrap_or_else(|_| fallback.clone())
}

/// The form after the record changed from `opened` to `now`: untouched fields take the new
/// values, fields the person changed keep what they typed. Returns the new edited draft and the
/// names of the fields changed on both sides to different values (the person must choose).
pub fn rebase<D>(opened: &D, edited: &D, now: &D) -> (D, Vec<String>)
where
    D: Serialize + DeserializeOwned + Clone,
{
    let (opened_f, mut edited_f, now_f) = (fields(opened), fields(edited), fields(now));
    let mut clashes = Vec::new();
    for (key, new_value) in &now_f {
        let old_value = opened_f.get(key);
        let mine = edited_f.get(key);
        if mine == old_value {
            edited_f.insert(key.clone(), new_value.clone());
        } else if old_value != Some(new_value) && mine != Some(new_value) {
            clashes.push(key.clone());
        }
    }
    (back(edited_f, edited), clashes)
}

/// `edited` with field `key` taken from `from` (the person chose the other side's value).
pub fn take_field<D>(edited: &D, key: &str, from: &D) -> D
where
    D: Serialize + DeserializeOwned + Clone,
{
    let mut edited_f = fields(edited);
    if let Some(value) = fields(from).get(key) {
        edited_f.insert(key.to_owned(), value.clone());
    }
    back(edited_f, edited)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::draft::ClientDraft;

    fn draft(notes: &str, phone: &str, owner: &str) -> ClientDraft {
        ClientDraft {
            name: "Вектор".into(),
            notes: notes.into(),
            phone: phone.into(),
            owner_id: owner.into(),
            ..Default::default()
        }
    }

    #[test]
    fn untouched_fields_follow_the_record_and_typed_ones_stay() {
        let opened = draft("", "", "hunter");
        let edited = draft("перезвонить", "", "hunter");
        // Meanwhile: a transfer (owner) and another tab (phone).
        let now = draft("", "+7 900", "farmer");
        let (rebased, clashes) = rebase(&opened, &edited, &now);
        assert_eq!(rebased, draft("перезвонить", "+7 900", "farmer"));
        assert!(clashes.is_empty());
    }

    #[test]
    fn a_field_changed_on_both_sides_is_reported_and_keeps_what_was_typed() {
        let opened = draft("старое", "", "hunter");
        let edited = draft("моё", "", "hunter");
        let now = draft("чужое", "", "hunter");
        let (rebased, clashes) = rebase(&opened, &edited, &now);
        assert_eq!(rebased.notes, "моё");
        assert_eq!(clashes, ["notes"]);
        assert_eq!(take_field(&rebased, "notes", &now).notes, "чужое");
        // The same value typed on both sides is no clash.
        let (_, none) = rebase(&opened, &edited, &draft("моё", "", "hunter"));
        assert!(none.is_empty());
    }
}
