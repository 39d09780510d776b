//! Every refusal of the records' checks (ids, references, amounts, dates, the scoring model,
//! the transfer policy, the cap on listed problems), with the exact error.

use super::bad_input::{id, not_allowed, refused, text, valid};
use super::today;
use crate::domain::metrics::ThresholdsError;
use crate::domain::money::Money;
use crate::domain::qualification::ModelError;
use crate::domain::transfer::{ConditionProblem, PolicyError, RuleError};
use crate::restore::{RestoreError, ValueKind, MAX_LISTED_PROBLEMS};
use crate::snapshot::{read_snapshot, read_snapshot_all};
use serde_json::json;

#[test]
fn a_repeated_id_names_its_second_occurrence() {
    assert_eq!(
        refused(|v| v["workspace"]["clients"][2]["id"] = json!("c1")),
        RestoreError::DuplicateId {
            path: "workspace.clients[2].id".into(),
            id: id("c1")
        }
    );
    // Ids are unique across kinds: an order may not reuse a client's id.
    assert_eq!(
        refused(|v| v["workspace"]["orders"][1]["id"] = json!("c2")),
        RestoreError::DuplicateId {
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
        RestoreError::DuplicateId {
            path: "workspace.assessments[1].id".into(),
            id: id("a1")
        }
    );
}

#[test]
fn references_to_missing_records_name_the_field() {
    assert_eq!(
        refused(|v| v["workspace"]["deals"][1]["client_id"] = json!("ghost")),
        RestoreError::MissingReference {
            path: "workspace.deals[1].client_id".into(),
            id: id("ghost")
        }
    );
    assert_eq!(
        refused(|v| v["workspace"]["clients"][0]["owner_id"] = json!("nobody")),
        RestoreError::MissingReference {
            path: "workspace.clients[0].owner_id".into(),
            id: id("nobody")
        }
    );
    assert_eq!(
        refused(|v| v["workspace"]["orders"][2]["lines"][0]["product_id"] = json!("p404")),
        RestoreError::MissingReference {
            path: "workspace.orders[2].lines[0].product_id".into(),
            id: id("p404")
        }
    );
    assert_eq!(
        refused(|v| v["workspace"]["transfers"][0]["client_id"] = json!("c404")),
        RestoreError::MissingReference {
            path: "workspace.transfers[0].client_id".into(),
            id: id("c404")
        }
    );
    assert_eq!(
        refused(|v| v["workspace"]["assessments"][0]["deal_id"] = json!("d404")),
        RestoreError::MissingReference {
            path: "workspace.assessments[0].deal_id".into(),
            id: id("d404")
        }
    );
}

#[test]
fn negative_zero_and_absurd_amounts_are_refused() {
    let max = Money::MAX.kopecks();
    let bad = |path: &str, kopecks| RestoreError::BadAmount {
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
        RestoreError::EmptyOrder {
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
    let out = |path: &str, value: &str| RestoreError::DateOutOfRange {
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
        RestoreError::InvalidScoringModel(vec![ModelError::BandsStartLate])
    );
    assert_eq!(
        refused(|v| v["workspace"]["assessments"][0]["ratings"][0]["level"] = json!(7)),
        RestoreError::LevelOutOfRange {
            path: "workspace.assessments[0].ratings[0].level".into(),
            level: 7
        }
    );
}

#[test]
fn an_invalid_transfer_policy_is_refused() {
    assert_eq!(
        refused(|v| v["workspace"]["transfer_policy"]["thresholds"]["sleeping_days"] = json!(0)),
        RestoreError::InvalidTransferPolicy(PolicyError::Thresholds(ThresholdsError::ZeroSleeping))
    );
    assert_eq!(
        refused(|v| {
            v["workspace"]["transfer_policy"]["rule"]["conditions"] =
                json!([{"kind": "bought_product", "product_id": "p404"}]);
        }),
        RestoreError::InvalidTransferPolicy(PolicyError::Rule(vec![RuleError::Condition {
            index: 0,
            problem: ConditionProblem::UnknownProduct(id("p404"))
        }]))
    );
    assert_eq!(
        refused(
            |v| v["workspace"]["transfer_policy"]["rule"]["conditions"][0]["kind"] =
                json!("astrology")
        ),
        not_allowed(
            "workspace.transfer_policy.rule.conditions[0].kind",
            ValueKind::Choice,
            text("astrology")
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
        RestoreError::MissingReference {
            path: "workspace.deals[0].client_id".into(),
            id: id("ghost")
        }
    );
    assert_eq!(
        rejection.problems[1],
        RestoreError::BadAmount {
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
        matches!(&e, RestoreError::InvalidScoringModel(p) if p.contains(&ModelError::WeightTooLarge(0))),
        "{e:?}"
    );
    let e = refused(|v| {
        v["workspace"]["scoring_model"]["bands"][0]["to"] = json!(u32::MAX);
        v["workspace"]["scoring_model"]["bands"][1]["from"] = json!(u32::MAX);
        v["workspace"]["scoring_model"]["bands"][1]["to"] = json!(u32::MAX);
    });
    assert!(matches!(e, RestoreError::InvalidScoringModel(_)), "{e:?}");
}

#[test]
fn a_stage_change_of_a_missing_deal_and_a_lost_deal_without_reason_are_refused() {
    assert_eq!(
        refused(|v| v["workspace"]["stage_history"][0]["deal_id"] = json!("d404")),
        RestoreError::MissingReference {
            path: "workspace.stage_history[0].deal_id".into(),
            id: id("d404")
        }
    );
    assert_eq!(
        refused(|v| {
            let copy = v["workspace"]["stage_history"][0].clone();
            v["workspace"]["stage_history"]
                .as_array_mut()
                .unwrap()
                .push(copy);
        }),
        RestoreError::DuplicateId {
            path: "workspace.stage_history[3].id".into(),
            id: id("d1-created")
        }
    );
    assert_eq!(
        refused(|v| {
            v["workspace"]["deals"][1]["closed"] =
                json!({"outcome": "lost", "reason": {}, "at": "2026-03-01T10:00:00Z"})
        }),
        RestoreError::BlankLostReason {
            path: "workspace.deals[1].closed.reason".into()
        }
    );
    assert!(matches!(
        refused(|v| {
            v["workspace"]["pipeline_settings"]["stage_limits"] =
                json!([{"stage_id": "stage-lead", "days": 0}])
        }),
        RestoreError::InvalidPipelineSettings(_)
    ));
    // The person and the stages of an entry are history: a stage or member no longer there is
    // not a missing reference.
    let mut v = valid();
    v["workspace"]["stage_history"][0]["from"] = json!("stage-removed-since");
    v["workspace"]["stage_history"][0]["by"] = json!("left-the-team");
    assert!(read_snapshot(&v.to_string(), today()).is_ok());
}

#[test]
fn a_malformed_kpp_or_quantity_is_refused_with_its_path() {
    let bad = |path: &str, value: &str| RestoreError::BadValue {
        path: path.into(),
        value: value.into(),
    };
    assert_eq!(
        refused(|v| v["workspace"]["clients"][1]["kpp"] = json!("77360")),
        bad("workspace.clients[1].kpp", "77360")
    );
    assert_eq!(
        refused(|v| v["workspace"]["orders"][1]["lines"][0]["quantity_thousandths"] = json!(0)),
        bad("workspace.orders[1].lines[0].quantity_thousandths", "0")
    );
    assert_eq!(
        refused(|v| {
            v["workspace"]["orders"][1]["lines"][0]["quantity_thousandths"] =
                json!(2_000_000_000_000_000u64)
        }),
        bad(
            "workspace.orders[1].lines[0].quantity_thousandths",
            "2000000000000000"
        )
    );
}
