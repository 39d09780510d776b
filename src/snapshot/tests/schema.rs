//! `docs/snapshot.schema.json` against the code, without a validator (Ajv checks whole files in
//! `tests/schema/`): the schema is JSON, requires exactly the fields the exporter writes, and
//! its enums list exactly the values the Rust types serialise to, so the two cannot drift apart
//! silently when a status, role or condition kind is added.

use super::{figures, now, small, today};
use crate::domain::client::ClientStatus;
use crate::domain::qualification::Verdict;
use crate::domain::stage::StageKey;
use crate::domain::team::JobTitle;
use crate::snapshot::export_snapshot;
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeSet;

const SCHEMA: &str = include_str!("../../../docs/snapshot.schema.json");

fn schema() -> Value {
    serde_json::from_str(SCHEMA).expect("the schema is JSON")
}

fn names<T: Serialize>(values: &[T]) -> BTreeSet<String> {
    values
        .iter()
        .map(|v| {
            serde_json::to_value(v)
                .unwrap()
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect()
}

fn enum_of(schema: &Value, def: &str) -> BTreeSet<String> {
    schema["$defs"][def]["enum"]
        .as_array()
        .unwrap_or_else(|| panic!("$defs.{def} has no enum"))
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect()
}

fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object().unwrap().keys().cloned().collect()
}

fn required(schema: &Value, def: &Value) -> BTreeSet<String> {
    let def = match def.get("$ref").and_then(Value::as_str) {
        Some(r) => &schema["$defs"][r.trim_start_matches("#/$defs/")],
        None => def,
    };
    def["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn the_schema_enums_match_the_types() {
    let s = schema();
    assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(enum_of(&s, "client_status"), names(&ClientStatus::ALL));
    assert_eq!(enum_of(&s, "job_title"), names(&JobTitle::ALL));
    assert_eq!(enum_of(&s, "stage_key"), names(&StageKey::DEFAULT_PIPELINE));
    assert_eq!(enum_of(&s, "verdict"), names(&Verdict::ALL));
    let kinds = |def: &str| -> BTreeSet<String> {
        s["$defs"][def]["oneOf"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| {
                b["properties"]["kind"]["const"]
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect()
    };
    let condition_kinds: BTreeSet<String> = [
        "order_count",
        "volume",
        "bought_product",
        "bought_group",
        "monthly_minimum",
        "minimum_order",
        "days_since_first_order",
    ]
    .into_iter()
    .map(str::to_owned)
    .collect();
    // One kind per kind the rule editor offers: a new condition cannot miss the schema.
    assert_eq!(
        condition_kinds.len(),
        crate::domain::transfer::ConditionKind::ALL.len()
    );
    assert_eq!(kinds("condition"), condition_kinds);
    assert_eq!(kinds("outcome"), condition_kinds);
    let max = s["$defs"]["kopecks"]["maximum"].as_i64().unwrap();
    assert_eq!(max, crate::domain::Money::MAX.kopecks());
}

#[test]
fn the_schema_requires_what_the_exporter_writes() {
    let s = schema();
    let doc: Value =
        serde_json::from_str(&export_snapshot(&small(), None, now(), today(), figures)).unwrap();
    assert_eq!(required(&s, &s), keys(&doc));
    let ws_def = &s["properties"]["workspace"];
    assert_eq!(required(&s, ws_def), keys(&doc["workspace"]));
    let derived_def = &s["properties"]["derived"];
    assert_eq!(required(&s, derived_def), keys(&doc["derived"]));
    let figures = &s["$defs"]["client_figures"];
    assert_eq!(required(&s, figures), keys(&doc["derived"]["clients"][0]));
    let order = &s["$defs"]["order"];
    assert_eq!(required(&s, order), keys(&doc["workspace"]["orders"][0]));
}
