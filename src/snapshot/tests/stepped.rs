//! The stepped restore ([`RestoreSteps`], what the import panel runs) gives exactly what the
//! one-pass [`restore`] gives — the same workspace, or the same problems with the same paths,
//! words and order — for every fixture, a large file read in many steps, and files broken in
//! every way the steps handle differently (a record's syntax, a duplicate key in a record and
//! outside the lists, a wrong type deep in a record, a missing reference, the header). The fuzz
//! test (`fuzz`) compares the two over its 20 000 inputs as well.

use super::bad_input::valid;
use super::{figures, now, today};
use crate::restore::{restore, Rejection, RestoreOptions, RestoreSteps, Restored};
use crate::snapshot::{export_snapshot, MAX_SNAPSHOT_BYTES};
use crate::testkit::synth_workspace::synth_workspace;
use serde_json::{json, Value};

fn options() -> RestoreOptions {
    RestoreOptions::file(today(), MAX_SNAPSHOT_BYTES)
}

/// Both paths over `text`, asserted equal; the result, whether the steps read it in one pass,
/// and how many steps they took.
pub(super) fn both_with(
    text: &str,
    options: RestoreOptions,
) -> (Result<Restored, Rejection>, bool, usize) {
    let oracle = restore(text, &options);
    let mut steps = RestoreSteps::new(text.to_owned(), options);
    let mut count = 1;
    while !steps.step() {
        count += 1;
        let (done, all) = steps.progress();
        assert!(done <= all);
    }
    let one_pass = steps.read_in_one_pass();
    let stepped = steps.finish();
    assert_eq!(
        stepped, oracle,
        "the stepped restore differs on {:.300}",
        text
    );
    (oracle, one_pass, count)
}

fn both(text: &str) -> (Result<Restored, Rejection>, bool) {
    let (result, one_pass, _) = both_with(text, options());
    (result, one_pass)
}

/// The first problem, after asserting the two paths agree and the steps did not fall back.
fn stepped_problem(text: &str) -> crate::restore::RestoreError {
    let (result, one_pass) = both(text);
    assert!(!one_pass, "read in steps");
    result.expect_err("refused").problems[0].clone()
}

fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).unwrap()
}

/// `text` with the `nth` occurrence of `from` after `anchor` (in the workspace, for a key of
/// it) replaced by `to`.
fn edit(text: &str, anchor: &str, nth: usize, from: &str, to: &str) -> String {
    let workspace = if anchor.starts_with('"') && anchor != "\"workspace\"" {
        text.find("\"workspace\"").expect("a workspace")
    } else {
        0
    };
    let start = workspace + text[workspace..].find(anchor).expect("anchor") + anchor.len();
    let (i, _) = text[start..]
        .match_indices(from)
        .nth(nth)
        .expect("occurrence");
    let at = start + i;
    format!("{}{to}{}", &text[..at], &text[at + from.len()..])
}

#[test]
fn every_fixture_reads_the_same() {
    let fixtures = [
        include_str!("../../../tests/fixtures/snapshot-v1.json"),
        include_str!("../../../tests/fixtures/snapshot-v2.json"),
        include_str!("../../../tests/fixtures/snapshot-v3.json"),
        include_str!("../../../tests/fixtures/snapshot-v4.json"),
        include_str!("../../../tests/fixtures/snapshot-v5.json"),
        include_str!("../../../tests/fixtures/snapshot-v6.json"),
        include_str!("../../../tests/fixtures/store-v1.json"),
    ];
    for (i, text) in fixtures.iter().enumerate() {
        let (result, one_pass) = both(text);
        assert!(result.is_ok(), "fixture {i}");
        // Only the current version is read in steps; older ones migrate as one document.
        assert_eq!(one_pass, i < 5 || i == 6, "fixture {i}");
    }
    let (result, one_pass) = both(&valid().to_string());
    assert!(result.is_ok() && !one_pass);
    let (result, one_pass) = both(&pretty(&valid()));
    assert!(result.is_ok() && !one_pass);
}

#[test]
fn a_large_file_is_read_in_many_steps_to_the_same_workspace() {
    let ws = synth_workspace(11, 400, 6_000, today());
    let text = export_snapshot(&ws, Some(&ws.members[0]), now(), today(), figures);
    let (result, one_pass, steps) = both_with(&text, options());
    assert!(!one_pass);
    assert!(steps > 12, "{steps} steps");
    assert_eq!(result.unwrap().workspace.orders.len(), 6_000);
}

#[test]
fn a_syntax_error_in_a_record_has_the_files_line_and_column() {
    for text in [valid().to_string(), pretty(&valid())] {
        for nth in [0, 2] {
            let broken = edit(&text, "\"orders\"", nth, "\"client_id\":", "\"client_id\";");
            let e = stepped_problem(&broken);
            assert!(
                matches!(e, crate::restore::RestoreError::NotJson { .. }),
                "{e:?}"
            );
        }
        // A bad number, and a trailing comma inside a record.
        let broken = edit(
            &text,
            "\"orders\"",
            1,
            "\"client_id\":",
            "\"n\": 1x, \"client_id\":",
        );
        stepped_problem(&broken);
        let broken = edit(
            &text,
            "\"clients\"",
            0,
            "\"name\":",
            "\"name\": 1,}, {\"name\":",
        );
        stepped_problem(&broken);
    }
}

#[test]
fn a_duplicate_key_is_named_by_its_path_in_a_record_and_outside_the_lists() {
    let text = pretty(&valid());
    let e = stepped_problem(&edit(
        &text,
        "\"orders\"",
        1,
        "\"client_id\":",
        "\"client_id\": \"c1\", \"client_id\":",
    ));
    assert_eq!(
        e.to_string(),
        "workspace.orders[1]: the key \"client_id\" appears twice"
    );
    // Outside the lists the one-pass read says it (the first JSON problem may be in a list).
    let dup_top = edit(&text, "{", 0, "\"format\":", "\"version\": 6, \"format\":");
    let (result, _) = both(&dup_top);
    assert!(result.is_err());
    let dup_model = edit(
        &text,
        "\"scoring_model\"",
        0,
        "\"criteria\":",
        "\"x\": 1, \"x\": 2, \"criteria\":",
    );
    both(&dup_model).0.unwrap_err();
    // A list given twice.
    let twice = edit(
        &text,
        "\"workspace\"",
        0,
        "\"orders\":",
        "\"orders\": [], \"orders\":",
    );
    both(&twice).0.unwrap_err();
}

/// The valid file changed by `change`, as text.
fn changed(change: impl FnOnce(&mut Value)) -> String {
    let mut v = valid();
    change(&mut v);
    v.to_string()
}

#[test]
fn field_and_record_problems_are_the_same_and_in_the_same_order() {
    let cases: Vec<String> = vec![
        // A wrong type deep in an order.
        changed(|v| v["workspace"]["orders"][2]["lines"][0]["amount"] = json!("x")),
        changed(|v| v["workspace"]["orders"][1]["date"] = json!(7)),
        // A missing field, a record that is not a record.
        changed(|v| {
            v["workspace"]["orders"][0]
                .as_object_mut()
                .unwrap()
                .remove("client_id");
        }),
        // An unknown client id, a repeated order (every problem listed).
        changed(|v| v["workspace"]["orders"][1]["client_id"] = json!("nobody")),
        changed(|v| {
            let first = v["workspace"]["orders"][0].clone();
            v["workspace"]["orders"].as_array_mut().unwrap().push(first);
            v["workspace"]["deals"][0]["client_id"] = json!("nobody");
        }),
        // Two lists wrong: the one typed reading visits first wins.
        changed(|v| {
            v["workspace"]["orders"][2]["date"] = json!(1);
            v["workspace"]["clients"][1]["name"] = json!(2);
        }),
        // The header or the settings wrong, and a record too.
        changed(|v| {
            v["exported_at"] = json!("never");
            v["workspace"]["orders"][0]["date"] = json!(1);
        }),
        changed(|v| {
            v["workspace"]["scoring_model"] = json!(5);
            v["workspace"]["orders"][3]["date"] = json!(1);
        }),
        changed(|v| {
            v["workspace"]["transfer_policy"] = json!([]);
            v["workspace"]["tasks"] = json!([{"id": 1}]);
        }),
        changed(|v| v["workspace"]["pipeline_settings"] = json!("x")),
        // An order's amount out of range, a date out of range.
        changed(|v| v["workspace"]["orders"][0]["lines"][0]["amount"] = json!(-5)),
        changed(|v| v["exported_at"] = json!("1990-01-01T00:00:00Z")),
    ];
    for (i, text) in cases.iter().enumerate() {
        let (result, one_pass) = both(text);
        assert!(result.is_err() && !one_pass, "case {i}");
    }
}

#[test]
fn the_header_is_checked_after_every_record_is_json() {
    let text = changed(|v| v["format"] = json!("other.app"));
    let e = stepped_problem(&text);
    assert_eq!(
        e.to_string(),
        "not a Salesdesk snapshot (format \"other.app\")"
    );
    let e = stepped_problem(&changed(|v| v["version"] = json!(99)));
    assert!(e.to_string().contains("format version 99"), "{e}");
    stepped_problem(&changed(|v| v["version"] = json!("6")));
    // A broken record is told before the wrong format, as the one-pass read tells it.
    let both_wrong = edit(&text, "\"orders\"", 3, "\"client_id\":", "\"client_id\" ");
    let e = stepped_problem(&both_wrong);
    assert!(e.to_string().starts_with("not valid JSON"), "{e}");
}

#[test]
fn size_packing_and_unusual_shapes_give_the_same_answer() {
    let text = valid().to_string();
    let small = RestoreOptions::file(today(), 100);
    let (result, _, steps) = both_with(&text, small);
    assert!(result.is_err());
    assert_eq!(steps, 1);
    for odd in [
        String::new(),
        "[]".into(),
        "{}".into(),
        "{} x".into(),
        text[..text.len() / 2].to_owned(),
        edit(&text, "\"orders\"", 0, "{", "7, {"),
        edit(&text, "\"orders\"", 0, "{", "{}{"),
        edit(
            &text,
            "\"workspace\"",
            0,
            "\"orders\":",
            "\"x\": \"\\\"[\", \"orders\":",
        ),
        edit(
            &text,
            "\"orders\"",
            0,
            "\"client_id\":",
            &format!(
                "\"deep\": {}1{}, \"client_id\":",
                "[".repeat(126),
                "]".repeat(126)
            ),
        ),
        text.replace("\"workspace\":", "\"work\\u0073pace\":"),
        format!("{text}\n"),
        format!(" \n{text}"),
    ] {
        let _ = both(&odd);
    }
    let stored = crate::storage::codec::encode_json(&super::small(), now(), 3);
    assert!(both_with(&stored, RestoreOptions::stored()).0.is_ok());
}
