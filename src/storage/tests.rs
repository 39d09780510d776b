//! The stored workspace: round trips, packing, and every refusal of the restore path as storage
//! meets it.

use super::codec::*;
use crate::domain::demo::demo_workspace;
use crate::domain::Workspace;
use crate::format::packed::{readable, stored_revision, PACKED_PREFIX};
use crate::restore::{FieldProblem, FoundValue, RestoreError, ValueKind};
use crate::storage::capacity::counted_bytes;
use crate::testkit::fixtures::{small_workspace, t0};

#[test]
fn round_trip_keeps_everything_and_the_revision() {
    let ws = demo_workspace(t0().date_naive(), t0());
    let text = encode_workspace(&ws, t0(), 41);
    assert_eq!(
        decode_stored(&text),
        Ok(Stored {
            workspace: ws,
            revision: 41
        })
    );
    let small = small_workspace();
    assert_eq!(
        decode_workspace(&encode_workspace(&small, t0(), 1)),
        Ok(small)
    );
}

#[test]
fn packed_values_are_latin1_and_much_smaller_than_json() {
    let ws = demo_workspace(t0().date_naive(), t0());
    let json = encode_json(&ws, t0(), 1);
    let packed = encode_workspace(&ws, t0(), 1);
    assert!(packed.starts_with("SDZ21:"));
    assert_eq!(stored_revision(&packed), 1);
    assert_eq!(stored_revision(&encode_workspace(&ws, t0(), 907)), 907);
    assert_eq!(stored_revision(&json), 0);
    assert_eq!(stored_revision("SDZ1garbage"), 0);
    assert!(packed.chars().all(|c| u32::from(c) <= 0xFF));
    assert_eq!(counted_bytes(&packed), packed.chars().count() as u64);
    // The demo JSON has Cyrillic, so the browser would charge it two bytes per character.
    assert!(
        counted_bytes(&packed) * 4 < counted_bytes(&json),
        "{} vs {}",
        counted_bytes(&packed),
        counted_bytes(&json)
    );
    assert_eq!(readable(&packed), json);
}

#[test]
fn a_value_earlier_builds_packed_as_one_stream_still_reads() {
    let ws = demo_workspace(t0().date_naive(), t0());
    let json = encode_json(&ws, t0(), 5);
    let deflated = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 3);
    let mut old = format!("{PACKED_PREFIX}5:");
    old.extend(deflated.into_iter().map(char::from));
    assert_eq!(stored_revision(&old), 5);
    assert_eq!(
        decode_stored(&old),
        Ok(Stored {
            workspace: ws,
            revision: 5
        })
    );
}

#[test]
fn envelope_names_format_version_and_revision() {
    let v: serde_json::Value =
        serde_json::from_str(&encode_json(&Workspace::default(), t0(), 3)).unwrap();
    assert_eq!(v["format"], "salesdesk.workspace");
    assert_eq!(v["version"], 6);
    assert_eq!(v["revision"], 3);
    assert_eq!(v["saved_at"], "2026-01-15T09:00:00Z");
    // Money is stored as whole kopecks.
    let v: serde_json::Value =
        serde_json::from_str(&encode_json(&small_workspace(), t0(), 1)).unwrap();
    assert_eq!(v["workspace"]["deals"][0]["amount"], 10_000_000);
}

#[test]
fn version_1_plain_json_still_reads() {
    let stored = decode_stored(include_str!("../../tests/fixtures/store-v1.json")).unwrap();
    assert_eq!(stored.revision, 0);
    let ws = stored.workspace;
    assert_eq!(ws.clients[0].name, "ООО «Вектор»");
    assert_eq!(
        ws.deals[0].amount,
        crate::domain::Money::from_rubles(100_000)
    );
    assert_eq!(
        ws.scoring_model,
        Default::default(),
        "fields added in v2 take their defaults"
    );
    assert!(ws.orders.is_empty() && ws.assessments.is_empty());
}

#[test]
fn garbage_and_truncation_are_refused() {
    assert!(matches!(
        decode_workspace("{{{ garbage"),
        Err(RestoreError::NotJson { .. })
    ));
    assert!(matches!(
        decode_workspace(""),
        Err(RestoreError::NotJson { .. })
    ));
    let json = encode_json(&small_workspace(), t0(), 1);
    let half = (0..=json.len() / 2)
        .rev()
        .find(|i| json.is_char_boundary(*i))
        .unwrap();
    assert!(matches!(
        decode_workspace(&json[..half]),
        Err(RestoreError::NotJson { .. })
    ));
    let packed = encode_workspace(&small_workspace(), t0(), 1);
    let cut: String = packed.chars().take(packed.chars().count() / 2).collect();
    assert!(matches!(
        decode_workspace(&cut),
        Err(RestoreError::Damaged(_))
    ));
    let alien = format!("{PACKED_PREFIX}3:Вектор");
    assert!(matches!(
        decode_workspace("SDZ1no-revision"),
        Err(RestoreError::Damaged(_))
    ));
    assert!(matches!(
        decode_workspace(&alien),
        Err(RestoreError::Damaged(_))
    ));
}

#[test]
fn foreign_json_is_refused() {
    assert_eq!(
        decode_workspace(r#"{"todos":[]}"#),
        Err(RestoreError::WrongFormat {
            found: String::new()
        })
    );
    assert_eq!(
        decode_workspace(r#"{"format":"excalidraw","version":1}"#),
        Err(RestoreError::WrongFormat {
            found: "excalidraw".into()
        })
    );
}

#[test]
fn newer_versions_are_refused() {
    let text = r#"{"format":"salesdesk.workspace","version":7,"workspace":{}}"#;
    assert_eq!(
        decode_workspace(text),
        Err(RestoreError::FutureVersion {
            found: 7,
            supported: 6
        })
    );
}

#[test]
fn ill_typed_fields_are_reported_with_their_path() {
    let mut v: serde_json::Value =
        serde_json::from_str(&encode_json(&small_workspace(), t0(), 1)).unwrap();
    v["workspace"]["deals"][1]["amount"] = serde_json::json!("много");
    assert_eq!(
        decode_workspace(&v.to_string()),
        Err(RestoreError::Field {
            path: "workspace.deals[1].amount".into(),
            problem: FieldProblem::WrongKind {
                expected: ValueKind::WholeNumber,
                found: FoundValue::Text("много".into())
            }
        })
    );
    let missing = r#"{"format":"salesdesk.workspace","version":"1"}"#;
    assert_eq!(decode_workspace(missing), Err(RestoreError::BadVersion));
}

#[test]
fn stored_data_passes_the_same_checks_as_a_file_except_dates() {
    let mut ws = small_workspace();
    ws.deals[0].client_id = crate::domain::Id::from_raw("c404");
    let text = encode_workspace(&ws, t0(), 1);
    assert_eq!(
        decode_workspace(&text),
        Err(RestoreError::MissingReference {
            path: "workspace.deals[0].client_id".into(),
            id: crate::domain::Id::from_raw("c404")
        })
    );
    let mut ws = small_workspace();
    ws.deals[0].amount = crate::domain::Money::from_kopecks(-1);
    assert!(matches!(
        decode_workspace(&encode_workspace(&ws, t0(), 1)),
        Err(RestoreError::BadAmount { .. })
    ));
    // A next step typed years ahead is the person's own, not damage: storage keeps it.
    let mut ws = small_workspace();
    ws.deals[0].next_step_date = chrono::NaiveDate::from_ymd_opt(2099, 1, 1);
    assert_eq!(decode_workspace(&encode_workspace(&ws, t0(), 1)), Ok(ws));
}

#[test]
fn stored_json_with_a_key_twice_or_a_list_for_the_workspace_is_refused() {
    let twice =
        r#"{"format":"salesdesk.workspace","version":4,"workspace":{"clients":[]},"workspace":{}}"#;
    assert_eq!(
        decode_workspace(twice),
        Err(RestoreError::DuplicateKey {
            path: String::new(),
            key: "workspace".into()
        })
    );
    let list = r#"{"format":"salesdesk.workspace","version":4,"workspace":[]}"#;
    assert_eq!(
        decode_workspace(list),
        Err(RestoreError::Field {
            path: "workspace".into(),
            problem: FieldProblem::WrongKind {
                expected: ValueKind::Record,
                found: FoundValue::List
            }
        })
    );
}

#[test]
fn quarantine_keys_are_distinct() {
    assert_eq!(quarantine_key(5), "salesdesk.quarantine.5");
    assert_ne!(quarantine_key(5), quarantine_key(6));
}

#[test]
fn every_byte_value_unpacks_and_a_wider_character_is_named() {
    use crate::format::packed::{pack, unpack};
    // Deflated bytes cover 0x00–0xFF: stored as U+0000–U+00FF, one and two bytes in UTF-8.
    let json = encode_json(&demo_workspace(t0().date_naive(), t0()), t0(), 2);
    let packed = pack(&json, 2);
    assert!(packed.chars().any(|c| ('\u{80}'..='\u{BF}').contains(&c)));
    assert!(packed.chars().any(|c| ('\u{C0}'..='\u{FF}').contains(&c)));
    assert_eq!(unpack(&packed).as_deref(), Ok(json.as_str()));
    let wide = format!("{PACKED_PREFIX}3:ab\u{00FF}Ж");
    assert_eq!(
        unpack(&wide).map_err(|e| e.0),
        Err("character U+0416".to_owned())
    );
    assert_eq!(
        unpack(&format!("{PACKED_PREFIX}3:a€")).map_err(|e| e.0),
        Err("character U+20AC".to_owned())
    );
}
