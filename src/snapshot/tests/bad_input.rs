//! Every input refused while reading (size, JSON, format, version, each field's kind), with
//! the exact error. The records' own checks are in `bad_records`.

use super::{figures, now, small, today};
use crate::domain::ids::Id;
use crate::restore::{FieldProblem, FoundValue, RestoreError, ValueKind};
use crate::snapshot::{export_snapshot, read_snapshot, MAX_SNAPSHOT_BYTES};
use serde_json::{json, Value};

pub(super) fn valid() -> Value {
    serde_json::from_str(&export_snapshot(&small(), None, now(), today(), figures)).unwrap()
}

/// The first problem of the valid snapshot changed by `edit`.
pub(super) fn refused(edit: impl FnOnce(&mut Value)) -> RestoreError {
    let mut v = valid();
    edit(&mut v);
    read_snapshot(&v.to_string(), today()).expect_err("must be refused")
}

pub(super) fn field(path: &str, problem: FieldProblem) -> RestoreError {
    RestoreError::Field {
        path: path.into(),
        problem,
    }
}

pub(super) fn wrong_kind(path: &str, expected: ValueKind, found: FoundValue) -> RestoreError {
    field(path, FieldProblem::WrongKind { expected, found })
}

pub(super) fn not_allowed(path: &str, expected: ValueKind, found: FoundValue) -> RestoreError {
    field(path, FieldProblem::NotAllowed { expected, found })
}

pub(super) fn text(s: &str) -> FoundValue {
    FoundValue::Text(s.into())
}

pub(super) fn id(s: &str) -> Id {
    Id::from_raw(s)
}

#[test]
fn the_valid_base_is_accepted() {
    assert_eq!(
        read_snapshot(&valid().to_string(), today())
            .unwrap()
            .workspace,
        small()
    );
}

#[test]
fn an_oversized_file_is_refused_before_parsing() {
    let text = " ".repeat(MAX_SNAPSHOT_BYTES + 1);
    assert_eq!(
        read_snapshot(&text, today()),
        Err(RestoreError::TooLarge {
            bytes: MAX_SNAPSHOT_BYTES + 1,
            limit: MAX_SNAPSHOT_BYTES
        })
    );
}

#[test]
fn broken_json_says_where() {
    assert_eq!(
        read_snapshot("{\"format\": ", today()),
        Err(RestoreError::NotJson {
            line: 1,
            column: 11,
            message: "EOF while parsing a value".into()
        })
    );
    assert_eq!(
        read_snapshot("{\n  \"format\": salesdesk\n}", today()),
        Err(RestoreError::NotJson {
            line: 2,
            column: 13,
            message: "expected value".into()
        })
    );
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert!(matches!(
        read_snapshot(&deep, today()),
        Err(RestoreError::NotJson { line: 1, .. })
    ));
}

#[test]
fn another_format_is_refused() {
    assert_eq!(
        refused(|v| v["format"] = json!("excel.workbook")),
        RestoreError::WrongFormat {
            found: "excel.workbook".into()
        }
    );
    assert_eq!(
        read_snapshot("[1, 2]", today()),
        Err(RestoreError::WrongFormat { found: "".into() })
    );
}

#[test]
fn a_newer_version_is_refused_naming_both_versions() {
    let e = refused(|v| v["version"] = json!(7));
    assert_eq!(
        e,
        RestoreError::FutureVersion {
            found: 7,
            supported: 6
        }
    );
    assert_eq!(
        e.to_string(),
        "written by a newer version of Salesdesk (format version 7, this one reads up to 6)"
    );
}

#[test]
fn a_bad_version_line_is_refused() {
    let expected = RestoreError::BadVersion;
    assert_eq!(refused(|v| v["version"] = json!("3")), expected);
    assert_eq!(refused(|v| v["version"] = json!(0)), expected);
    assert_eq!(refused(|v| v["version"] = json!(-1)), expected);
    assert_eq!(
        refused(|v| {
            v["version"] = json!(1);
            v.as_object_mut().unwrap().remove("workspace");
        }),
        field("workspace", FieldProblem::Missing("workspace".into()))
    );
}

#[test]
fn missing_and_ill_typed_fields_name_their_path() {
    assert_eq!(
        refused(|v| {
            v["workspace"]["clients"][1]
                .as_object_mut()
                .unwrap()
                .remove("owner_id");
        }),
        field(
            "workspace.clients[1].owner_id",
            FieldProblem::Missing("owner_id".into())
        )
    );
    assert_eq!(
        refused(|v| v["workspace"]["orders"][3]["lines"][0]["amount"] = json!("100")),
        wrong_kind(
            "workspace.orders[3].lines[0].amount",
            ValueKind::WholeNumber,
            text("100")
        )
    );
    assert_eq!(
        refused(|v| v["workspace"]["orders"][2]["lines"][0]["amount"] = json!(1.5)),
        wrong_kind(
            "workspace.orders[2].lines[0].amount",
            ValueKind::WholeNumber,
            FoundValue::Number("1.5".into())
        )
    );
    assert_eq!(
        refused(|v| v["workspace"]["orders"][0]["date"] = json!("2026-02-30")),
        not_allowed(
            "workspace.orders[0].date",
            ValueKind::Date,
            text("2026-02-30")
        )
    );
    assert_eq!(
        refused(|v| v["workspace"]["members"][0]["job_title"] = json!("astronaut")),
        not_allowed(
            "workspace.members[0].job_title",
            ValueKind::Choice,
            text("astronaut")
        )
    );
    assert_eq!(
        refused(|v| {
            v.as_object_mut().unwrap().remove("workspace");
        }),
        field("workspace", FieldProblem::Missing("workspace".into()))
    );
}

#[test]
fn a_key_twice_anywhere_is_refused_with_its_path() {
    let base = valid().to_string();
    let twice = base.replacen(
        r#""format":"salesdesk.workspace""#,
        r#""format":"other.app","format":"salesdesk.workspace""#,
        1,
    );
    assert_eq!(
        read_snapshot(&twice, today()),
        Err(RestoreError::DuplicateKey {
            path: String::new(),
            key: "format".into()
        })
    );
    let mut v = valid();
    v["workspace"]["clients"][2]["name"] = json!("Единственное имя");
    let text = v.to_string().replacen(
        r#""name":"Единственное имя""#,
        r#""name":"Единственное имя","name":"Другое""#,
        1,
    );
    assert_eq!(
        read_snapshot(&text, today()),
        Err(RestoreError::DuplicateKey {
            path: "workspace.clients[2]".into(),
            key: "name".into()
        })
    );
}

#[test]
fn a_list_where_a_record_belongs_is_refused() {
    assert_eq!(
        refused(|v| v["workspace"] = json!([])),
        wrong_kind("workspace", ValueKind::Record, FoundValue::List)
    );
    assert_eq!(
        refused(|v| v["workspace"]["clients"][0] = json!([])),
        wrong_kind("workspace.clients[0]", ValueKind::Record, FoundValue::List)
    );
    assert_eq!(
        refused(|v| v["workspace"]["scoring_model"] = json!(["bant"])),
        wrong_kind(
            "workspace.scoring_model",
            ValueKind::Record,
            FoundValue::List
        )
    );
    assert_eq!(
        refused(|v| v["workspace"]["clients"] = json!({})),
        wrong_kind("workspace.clients", ValueKind::List, FoundValue::Record)
    );
}
