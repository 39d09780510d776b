//! The shortcut ([`super::strict_text`]) is held to the strict path: sound data of this version
//! takes it and reads exactly as the strict path reads it; a key given twice, a record written as
//! an array and an older version are all left to the strict path, which words the refusal (or
//! migrates). The snapshot fuzz test (`snapshot::tests::fuzz`) compares the two over its
//! random inputs as well.

use super::{direct, restore, restore_strict, RestoreError, RestoreOptions};
use crate::domain::dates::timestamp_from_millis;
use crate::format::packed::unpack;
use crate::storage::codec::{encode_json, encode_workspace};
use crate::testkit::synth_workspace::synth_workspace;
use chrono::NaiveDate;
use serde_json::{json, Value};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 10).unwrap()
}

fn stored_json() -> String {
    let ws = synth_workspace(2026, 40, 400, today());
    encode_json(&ws, timestamp_from_millis(1_773_100_000_000), 3)
}

/// Both ways over `text` as a stored value and as a file, asserted equal.
fn same_both_ways(text: &str) -> Result<super::Restored, super::Rejection> {
    let file = RestoreOptions::file(today(), usize::MAX);
    for options in [RestoreOptions::stored(), file] {
        assert_eq!(
            restore(text, &options),
            restore_strict(text, &options),
            "the shortcut differs on {text:.300}"
        );
    }
    restore(text, &RestoreOptions::stored())
}

#[test]
fn a_sound_stored_value_takes_the_shortcut_and_reads_as_the_strict_path_reads_it() {
    let ws = synth_workspace(2026, 300, 3_000, today());
    let packed = encode_workspace(&ws, timestamp_from_millis(1_773_100_000_000), 9);
    assert!(
        direct(&unpack(&packed).unwrap()).is_some(),
        "took the shortcut"
    );
    let restored = same_both_ways(&packed).expect("sound");
    assert_eq!(restored.workspace, ws);
    assert_eq!(restored.revision, 9);
}

/// `text` with `insert` put right after the first `anchor`.
fn insert_after(text: &str, anchor: &str, insert: &str) -> String {
    let at = text.find(anchor).expect("anchor") + anchor.len();
    format!("{}{insert}{}", &text[..at], &text[at..])
}

#[test]
fn a_key_given_twice_anywhere_is_left_to_the_strict_path() {
    let text = stored_json();
    let cases = [
        // A known key of the envelope, the first value wrong and the second right.
        insert_after(&text, "{", r#""format":"other.app","#),
        // Unknown keys: ignored by typed reading, but still twice.
        insert_after(&text, r#""workspace":{"#, r#""x":1,"x":1,"#),
        insert_after(&text, r#""clients":[{"#, r#""note_x":"a","note_x":"b","#),
        insert_after(&text, r#""order_book":[{"#, r#""y":[1],"y":[2],"#),
        // Inside a part nothing reads (a file's `derived` figures), which is skipped unread.
        insert_after(&text, "{", r#""derived":{"a":{"b":1,"b":2}},"#),
        // A known key of a record.
        insert_after(&text, r#""deals":[{"#, r#""id":"d-other","#),
    ];
    for case in &cases {
        assert!(
            direct(case).is_none(),
            "refused by the shortcut: {case:.200}"
        );
        let rejection = same_both_ways(case).expect_err("refused");
        assert!(
            matches!(rejection.problems[0], RestoreError::DuplicateKey { .. }),
            "{:?}",
            rejection.problems[0]
        );
    }
}

/// The values of an object, in order, as an array (what `serde_json` alone would read back
/// into the same record).
fn as_array(v: &Value) -> Value {
    Value::Array(
        v.as_object()
            .expect("an object")
            .values()
            .cloned()
            .collect(),
    )
}

#[test]
fn a_record_written_as_an_array_is_left_to_the_strict_path() {
    let base: Value = serde_json::from_str(&stored_json()).unwrap();
    let mut cases = Vec::new();
    let mut client = base.clone();
    client["workspace"]["clients"][0] = as_array(&base["workspace"]["clients"][0]);
    cases.push(client);
    let mut settings = base.clone();
    settings["workspace"]["pipeline_settings"] = as_array(&base["workspace"]["pipeline_settings"]);
    cases.push(settings);
    let mut book = base.clone();
    book["workspace"]["order_book"][0] = as_array(&base["workspace"]["order_book"][0]);
    cases.push(book);
    let mut workspace = base.clone();
    workspace["workspace"] = json!([]);
    cases.push(workspace);
    for case in cases {
        let text = case.to_string();
        assert!(
            direct(&text).is_none(),
            "refused by the shortcut: {text:.200}"
        );
        assert!(same_both_ways(&text).is_err());
    }
}

#[test]
fn an_older_version_is_migrated_the_strict_way() {
    let v1 = include_str!("../../tests/fixtures/snapshot-v1.json");
    assert!(direct(v1).is_none());
    assert!(same_both_ways(v1).is_ok());
    let mut v5: Value = serde_json::from_str(&stored_json()).unwrap();
    v5["version"] = json!(5);
    let text = v5.to_string();
    assert!(direct(&text).is_none());
    assert_eq!(same_both_ways(&text).expect("migrated").version, 5);
}
