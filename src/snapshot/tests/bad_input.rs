//! Every refused input, with the exact error.

use super::{figures, now, small, today};
use crate::domain::ids::Id;
use crate::domain::metrics::ThresholdsError;
use crate::domain::money::Money;
use crate::domain::qualification::ModelError;
use crate::domain::transfer::{ConditionProblem, PolicyError, RuleError};
use crate::snapshot::{
    export_snapshot, read_snapshot, read_snapshot_all, SnapshotError, MAX_LISTED_PROBLEMS,
    MAX_SNAPSHOT_BYTES,
};
use serde_json::{json, Value};

fn valid() -> Value {
    serde_json::from_str(&export_snapshot(&small(), None, now(), today(), figures)).unwrap()
}

/// The first problem of the valid snapshot changed by `edit`.
fn refused(edit: impl FnOnce(&mut Value)) -> SnapshotError {
    let mut v = valid();
    edit(&mut v);
    read_snapshot(&v.to_string(), today()).expect_err("must be refused")
}

fn invalid(path: &str, message: &str) -> SnapshotError {
    SnapshotError::Invalid {
        path: path.into(),
        message: message.into(),
    }
}

fn id(s: &str) -> Id {
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
        Err(SnapshotError::TooLarge {
            bytes: MAX_SNAPSHOT_BYTES + 1,
            limit: MAX_SNAPSHOT_BYTES
        })
    );
}

#[test]
fn broken_json_says_where() {
    assert_eq!(
        read_snapshot("{\"format\": ", today()),
        Err(SnapshotError::NotJson {
            line: 1,
            column: 11,
            message: "EOF while parsing a value".into()
        })
    );
    assert_eq!(
        read_snapshot("{\n  \"format\": salesdesk\n}", today()),
        Err(SnapshotError::NotJson {
            line: 2,
            column: 13,
            message: "expected value".into()
        })
    );
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert!(matches!(
        read_snapshot(&deep, today()),
        Err(SnapshotError::NotJson { line: 1, .. })
    ));
}

#[test]
fn another_format_is_refused() {
    assert_eq!(
        refused(|v| v["format"] = json!("excel.workbook")),
        SnapshotError::WrongFormat {
            found: "excel.workbook".into()
        }
    );
    assert_eq!(
        read_snapshot("[1, 2]", today()),
        Err(SnapshotError::WrongFormat { found: "".into() })
    );
}

#[test]
fn a_newer_version_is_refused_naming_both_versions() {
    let e = refused(|v| v["version"] = json!(5));
    assert_eq!(
        e,
        SnapshotError::FutureVersion {
            found: 5,
            supported: 4
        }
    );
    assert_eq!(
        e.to_string(),
        "written by a newer version of Salesdesk (format version 5, this one reads up to 4)"
    );
}

#[test]
fn a_bad_version_line_is_refused() {
    let expected = invalid("version", "a whole number from 1 is required");
    assert_eq!(refused(|v| v["version"] = json!("3")), expected);
    assert_eq!(refused(|v| v["version"] = json!(0)), expected);
    assert_eq!(refused(|v| v["version"] = json!(-1)), expected);
    assert_eq!(
        refused(|v| {
            v["version"] = json!(1);
            v.as_object_mut().unwrap().remove("workspace");
        }),
        invalid("workspace", "an object is required")
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
        invalid("workspace.clients[1]", "missing field `owner_id`")
    );
    assert_eq!(
        refused(|v| v["workspace"]["orders"][3]["lines"][0]["amount"] = json!("100")),
        invalid(
            "workspace.orders[3].lines[0].amount",
            "invalid type: string \"100\", expected i64"
        )
    );
    assert_eq!(
        refused(|v| v["workspace"]["orders"][2]["lines"][0]["amount"] = json!(1.5)),
        invalid(
            "workspace.orders[2].lines[0].amount",
            "invalid type: floating point `1.5`, expected i64"
        )
    );
    assert_eq!(
        refused(|v| v["workspace"]["orders"][0]["date"] = json!("2026-02-30")),
        invalid("workspace.orders[0].date", "input is out of range")
    );
    assert_eq!(
        refused(|v| v["workspace"]["members"][0]["job_title"] = json!("astronaut")),
        invalid(
            "workspace.members[0].job_title",
            "unknown variant `astronaut`, expected one of `tele_sales_manager`, \
             `sales_manager`, `field_representative`, `account_manager`, \
             `key_account_manager`, `sales_director`"
        )
    );
    assert_eq!(
        refused(|v| {
            v.as_object_mut().unwrap().remove("workspace");
        }),
        invalid(".", "missing field `workspace`")
    );
}

#[test]
fn a_repeated_id_names_its_second_occurrence() {
    assert_eq!(
        refused(|v| v["workspace"]["clients"][2]["id"] = json!("c1")),
        SnapshotError::DuplicateId {
            path: "workspace.clients[2].id".into(),
            id: id("c1")
        }
    );
    // Ids are unique across kinds: an order may not reuse a client's id.
    assert_eq!(
        refused(|v| v["workspace"]["orders"][1]["id"] = json!("c2")),
        SnapshotError::DuplicateId {
            path: "workspace.orders[1].id".into(),
            id: id("c2")
        }
    );
    assert_eq!(
        refused(|v| {
            let copy = v["workspace"]["assessments"][0].clone();
            v["workspace"]["assessments"]
                .as_array_mut()
                .unwrap()
                .push(copy);
        }),
        SnapshotError::DuplicateId {
            path: "workspace.assessments[1].id".into(),
            id: id("a1")
        }
    );
}

#[test]
fn references_to_missing_records_name_the_field() {
    assert_eq!(
        refused(|v| v["workspace"]["deals"][1]["client_id"] = json!("ghost")),
        SnapshotError::MissingReference {
            path: "workspace.deals[1].client_id".into(),
            id: id("ghost")
        }
    );
    assert_eq!(
        refused(|v| v["workspace"]["clients"][0]["owner_id"] = json!("nobody")),
        SnapshotError::MissingReference {
            path: "workspace.clients[0].owner_id".into(),
            id: id("nobody")
        }
    );
    assert_eq!(
        refused(|v| v["workspace"]["orders"][2]["lines"][0]["product_id"] = json!("p404")),
        SnapshotError::MissingReference {
            path: "workspace.orders[2].lines[0].product_id".into(),
            id: id("p404")
        }
    );
    assert_eq!(
        refused(|v| v["workspace"]["transfers"][0]["client_id"] = json!("c404")),
        SnapshotError::MissingReference {
            path: "workspace.transfers[0].client_id".into(),
            id: id("c404")
        }
    );
    assert_eq!(
        refused(|v| v["workspace"]["assessments"][0]["deal_id"] = json!("d404")),
        SnapshotError::MissingReference {
            path: "workspace.assessments[0].deal_id".into(),
            id: id("d404")
        }
    );
}

#[test]
fn negative_zero_and_absurd_amounts_are_refused() {
    let max = Money::MAX.kopecks();
    let bad = |path: &str, kopecks| SnapshotError::BadAmount {
        path: path.into(),
        kopecks,
    };
    let line = "workspace.orders[1].lines[0].amount";
    for k in [0, -5, max + 1, i64::MAX] {
        assert_eq!(
            refused(|v| v["workspace"]["orders"][1]["lines"][0]["amount"] = json!(k)),
            bad(line, k)
        );
    }
    assert_eq!(
        refused(|v| v["workspace"]["deals"][0]["amount"] = json!(-1)),
        bad("workspace.deals[0].amount", -1)
    );
    assert_eq!(
        refused(|v| v["workspace"]["deals"][0]["amount"] = json!(max + 1)),
        bad("workspace.deals[0].amount", max + 1)
    );
    assert_eq!(
        refused(|v| v["workspace"]["clients"][2]["yearly_spend"] = json!(-100)),
        bad("workspace.clients[2].yearly_spend", -100)
    );
    // Each line within the limit, the order's total above it.
    assert_eq!(
        refused(|v| {
            v["workspace"]["orders"][0]["lines"] = json!([
                {"product_id": "p1", "amount": max},
                {"product_id": "p1", "amount": 1}
            ]);
        }),
        bad("workspace.orders[0].lines", max + 1)
    );
    assert_eq!(
        refused(|v| v["workspace"]["orders"][0]["lines"] = json!([])),
        SnapshotError::EmptyOrder {
            path: "workspace.orders[0].lines".into()
        }
    );
    // Zero is a fine deal amount (not yet estimated).
    let mut v = valid();
    v["workspace"]["deals"][0]["amount"] = json!(0);
    assert!(read_snapshot(&v.to_string(), today()).is_ok());
}

#[test]
fn dates_out_of_range_are_refused() {
    let out = |path: &str, value: &str| SnapshotError::DateOutOfRange {
        path: path.into(),
        value: value.into(),
    };
    assert_eq!(
        refused(|v| v["workspace"]["orders"][0]["date"] = json!("1999-12-31")),
        out("workspace.orders[0].date", "1999-12-31")
    );
    // One year after the import day is the last accepted day.
    assert_eq!(
        refused(|v| v["workspace"]["deals"][0]["next_step_date"] = json!("2027-03-11")),
        out("workspace.deals[0].next_step_date", "2027-03-11")
    );
    let mut v = valid();
    v["workspace"]["deals"][0]["next_step_date"] = json!("2027-03-10");
    v["workspace"]["orders"][0]["date"] = json!("2000-01-01");
    assert!(read_snapshot(&v.to_string(), today()).is_ok());
    assert_eq!(
        refused(|v| v["workspace"]["clients"][1]["created_at"] = json!("1990-05-01T10:00:00Z")),
        out("workspace.clients[1].created_at", "1990-05-01T10:00:00Z")
    );
    assert_eq!(
        refused(|v| v["workspace"]["transfers"][0]["date"] = json!("2099-01-01")),
        out("workspace.transfers[0].date", "2099-01-01")
    );
    assert_eq!(
        refused(|v| v["exported_at"] = json!("2031-01-01T00:00:00Z")),
        out("exported_at", "2031-01-01T00:00:00Z")
    );
    assert_eq!(
        refused(|v| v["workspace"]["removed"][0]["removed_at"] = json!("1970-01-01T00:00:00Z")),
        out("workspace.removed[0].removed_at", "1970-01-01T00:00:00Z")
    );
}

#[test]
fn an_invalid_scoring_model_is_refused() {
    assert_eq!(
        refused(|v| v["workspace"]["scoring_model"]["bands"][0]["from"] = json!(1)),
        SnapshotError::InvalidScoringModel(vec![ModelError::BandsStartLate])
    );
    assert_eq!(
        refused(|v| v["workspace"]["assessments"][0]["ratings"][0]["level"] = json!(7)),
        SnapshotError::LevelOutOfRange {
            path: "workspace.assessments[0].ratings[0].level".into(),
            level: 7
        }
    );
}

#[test]
fn an_invalid_transfer_policy_is_refused() {
    assert_eq!(
        refused(|v| v["workspace"]["transfer_policy"]["thresholds"]["sleeping_days"] = json!(0)),
        SnapshotError::InvalidTransferPolicy(PolicyError::Thresholds(
            ThresholdsError::ZeroSleeping
        ))
    );
    assert_eq!(
        refused(|v| {
            v["workspace"]["transfer_policy"]["rule"]["conditions"] =
                json!([{"kind": "bought_product", "product_id": "p404"}]);
        }),
        SnapshotError::InvalidTransferPolicy(PolicyError::Rule(vec![RuleError::Condition {
            index: 0,
            problem: ConditionProblem::UnknownProduct(id("p404"))
        }]))
    );
    assert_eq!(
        refused(
            |v| v["workspace"]["transfer_policy"]["rule"]["conditions"][0]["kind"] =
                json!("astrology")
        ),
        invalid(
            "workspace.transfer_policy.rule.conditions[0].kind",
            "unknown variant `astrology`, expected one of `order_count`, `volume`, \
             `bought_product`, `bought_group`, `monthly_minimum`, `minimum_order`, \
             `days_since_first_order`"
        )
    );
}

#[test]
fn every_problem_is_listed_up_to_the_cap() {
    let mut v = valid();
    let template = v["workspace"]["orders"][0].clone();
    let orders = v["workspace"]["orders"].as_array_mut().unwrap();
    for n in 0..30 {
        let mut o = template.clone();
        o["id"] = json!(format!("bad{n}"));
        o["lines"][0]["amount"] = json!(-n);
        orders.push(o);
    }
    v["workspace"]["deals"][0]["client_id"] = json!("ghost");
    let rejection = read_snapshot_all(&v.to_string(), today()).unwrap_err();
    assert_eq!(rejection.problems.len(), MAX_LISTED_PROBLEMS);
    assert_eq!(rejection.not_listed, 11);
    // File order: the deal comes before the orders.
    assert_eq!(
        rejection.problems[0],
        SnapshotError::MissingReference {
            path: "workspace.deals[0].client_id".into(),
            id: id("ghost")
        }
    );
    assert_eq!(
        rejection.problems[1],
        SnapshotError::BadAmount {
            path: "workspace.orders[4].lines[0].amount".into(),
            kopecks: 0
        }
    );
    assert!(rejection.to_string().ends_with("… and 11 more"));
}

#[test]
fn huge_weights_and_bands_are_refused_not_overflowed() {
    let e = refused(|v| v["workspace"]["scoring_model"]["criteria"][0]["weight"] = json!(u32::MAX));
    assert!(
        matches!(&e, SnapshotError::InvalidScoringModel(p) if p.contains(&ModelError::WeightTooLarge(0))),
        "{e:?}"
    );
    let e = refused(|v| {
        v["workspace"]["scoring_model"]["bands"][0]["to"] = json!(u32::MAX);
        v["workspace"]["scoring_model"]["bands"][1]["from"] = json!(u32::MAX);
        v["workspace"]["scoring_model"]["bands"][1]["to"] = json!(u32::MAX);
    });
    assert!(matches!(e, SnapshotError::InvalidScoringModel(_)), "{e:?}");
}
