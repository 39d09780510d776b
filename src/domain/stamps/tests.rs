use super::*;
use crate::domain::client::{Client, ClientStatus, ContactPerson};
use crate::domain::dates::timestamp_from_millis;
use crate::domain::Id;

fn t(ms: i64) -> Timestamp {
    timestamp_from_millis(1_700_000_000_000 + ms)
}

fn client() -> Client {
    Client {
        id: Id::from_raw("c1"),
        name: "Вектор".into(),
        inn: None,
        contact: ContactPerson::default(),
        owner_id: Id::from_raw("m1"),
        status: ClientStatus::Lead,
        notes: String::new(),
        kpp: None,
        yearly_spend: None,
        created_at: t(0),
        updated_at: t(0),
        stamps: Stamps::default(),
    }
}

#[test]
fn a_change_stamps_only_the_fields_that_differ() {
    let old = client();
    let mut new = old.clone();
    new.contact.phone = "+7 900 000-00-00".into();
    let changed = stamp_changes(&old, &mut new, t(1000));
    assert_eq!(changed, vec!["contact.phone"]);
    assert_eq!(new.updated_at, t(1000));
    assert_eq!(
        new.stamps.fields["contact.phone"],
        FieldStamp {
            at: t(1000),
            prev: t(0)
        }
    );
    assert_eq!(new.stamp(0).at, t(0), "the name keeps its creation stamp");
}

#[test]
fn no_change_leaves_the_record_as_it_was() {
    let old = client();
    let mut new = old.clone();
    new.updated_at = t(5000);
    assert!(stamp_changes(&old, &mut new, t(5000)).is_empty());
    assert_eq!(new, old);
}

#[test]
fn a_change_after_a_stamp_from_the_future_still_wins() {
    // A file from a phone whose clock ran 300 days ahead set the name.
    let ahead = t(300 * 86_400_000);
    let mut old = client();
    old.name = "Вектор (из будущего)".into();
    old.stamps.fields.insert(
        "name".into(),
        FieldStamp {
            at: ahead,
            prev: t(0),
        },
    );
    old.updated_at = ahead;
    let mut new = old.clone();
    new.name = "Вектор".into();
    stamp_changes(&old, &mut new, t(1000));
    let stamp = new.stamps.fields["name"];
    assert!(
        stamp.at > ahead,
        "the edit is stamped after what it replaced"
    );
    assert_eq!(stamp.prev, ahead);
}

#[test]
fn the_clock_rule_is_later_than_both() {
    assert_eq!(next_stamp(t(10), t(5)), t(10));
    assert_eq!(next_stamp(t(10), t(10)), t(11));
    assert_eq!(next_stamp(t(10), t(50)), t(51));
}

#[test]
fn a_form_saves_only_what_the_person_changed() {
    let opened = client();
    let mut edited = opened.clone();
    edited.notes = "перезвонить в пятницу".into();
    // Meanwhile the client was transferred to a farmer elsewhere.
    let mut current = opened.clone();
    current.owner_id = Id::from_raw("farmer");
    current.status = ClientStatus::Regular;
    let saved = apply_edits(&opened, &edited, &current);
    assert_eq!(saved.owner_id, Id::from_raw("farmer"));
    assert_eq!(saved.status, ClientStatus::Regular);
    assert_eq!(saved.notes, "перезвонить в пятницу");
    assert!(clashing_fields(&opened, &edited, &current).is_empty());
}

#[test]
fn a_field_changed_on_both_sides_clashes() {
    let opened = client();
    let mut edited = opened.clone();
    edited.notes = "мои".into();
    let mut current = opened.clone();
    current.notes = "чужие".into();
    assert_eq!(clashing_fields(&opened, &edited, &current), vec!["notes"]);
    // The same value typed on both sides is no clash.
    current.notes = "мои".into();
    assert!(clashing_fields(&opened, &edited, &current).is_empty());
}

#[test]
fn stamps_round_trip_and_stay_out_of_files_when_empty() {
    let c = client();
    let json = serde_json::to_value(&c).unwrap();
    assert!(json.get("stamps").is_none());
    let mut edited = c.clone();
    edited.notes = "x".into();
    stamp_changes(&c, &mut edited, t(7));
    let text = serde_json::to_string(&edited).unwrap();
    assert!(
        text.contains(r#""notes":["2023-11-14T22:13:20.007Z","2023-11-14T22:13:20Z"]"#),
        "{text}"
    );
    let back: Client = serde_json::from_str(&text).unwrap();
    assert_eq!(back, edited);
}
