//! Export then import gives back exactly the same workspace; the file's shape.

use super::{figures, now, today, with_transfers};
use crate::domain::demo::demo_workspace;
use crate::format::envelope::ExportedBy;
use crate::snapshot::{apply_replace, export_snapshot, read_snapshot, Snapshot, SnapshotMeta};
use crate::storage::codec::encode_json;
use crate::testkit::fixtures::small_workspace;
use serde_json::Value;

fn parse(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

#[test]
fn demo_workspace_round_trips_with_its_meta() {
    let ws = demo_workspace(today(), now());
    let me = ws.members[0].clone();
    let text = export_snapshot(&ws, Some(&me), now(), today(), figures);
    let snap = read_snapshot(&text, today()).unwrap();
    assert_eq!(snap.workspace, ws);
    assert_eq!(
        snap.meta,
        SnapshotMeta {
            version: 6,
            app_version: Some(env!("CARGO_PKG_VERSION").to_owned()),
            exported_at: Some(now()),
            exported_by: Some(ExportedBy {
                id: me.id.clone(),
                name: "Марина Волкова".into()
            }),
        }
    );
}

#[test]
fn synthetic_workspace_with_orders_and_transfers_round_trips() {
    let ws = with_transfers(300, 3_000, 5);
    assert_eq!(ws.transfers.len(), 5);
    let text = export_snapshot(&ws, None, now(), today(), figures);
    let back = read_snapshot(&text, today()).unwrap().workspace;
    assert_eq!(back, ws);
    // Exporting what was read gives the same text, byte for byte.
    assert_eq!(export_snapshot(&back, None, now(), today(), figures), text);
}

#[test]
fn the_header_and_plain_orders_are_as_documented() {
    let ws = with_transfers(40, 200, 2);
    let v = parse(&export_snapshot(&ws, None, now(), today(), figures));
    assert_eq!(v["format"], "salesdesk.workspace");
    assert_eq!(v["version"], 6);
    assert_eq!(v["app_version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(v["exported_at"], "2026-03-10T12:00:00Z");
    assert_eq!(v["exported_by"], Value::Null);
    let w = &v["workspace"];
    // serde_json's map is sorted here; the file itself keeps the struct's order.
    let keys: Vec<&str> = w.as_object().unwrap().keys().map(String::as_str).collect();
    let mut expected = [
        "members",
        "clients",
        "deals",
        "stages",
        "removed",
        "scoring_model",
        "assessments",
        "product_groups",
        "products",
        "orders",
        "transfer_policy",
        "transfers",
        "stage_history",
        "pipeline_settings",
    ];
    expected.sort_unstable();
    assert_eq!(keys, expected);
    let order = &w["orders"][0];
    assert!(order["lines"][0]["amount"].is_i64(), "{order}");
    assert_eq!(order["date"].as_str().unwrap().len(), 10, "ISO date");
    assert!(w["transfers"][0]["outcomes"].is_array());
}

#[test]
fn the_derived_section_describes_every_client_and_is_ignored_on_import() {
    let ws = with_transfers(60, 600, 3);
    let text = export_snapshot(&ws, None, now(), today(), figures);
    let mut v = parse(&text);
    let d = &v["derived"];
    assert_eq!(d["as_of"], "2026-03-10");
    assert_eq!(d["period_from"], "2025-03-11");
    assert_eq!(d["summary"]["clients"], 60);
    assert_eq!(d["summary"]["orders"], 600);
    assert_eq!(d["summary"]["transfers"], 3);
    assert_eq!(d["clients"].as_array().unwrap().len(), 60);
    let transferred = d["clients"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == ws.transfers[0].client_id.as_str())
        .unwrap();
    assert_eq!(transferred["status"], "regular");
    assert_eq!(transferred["transfer"]["with_farmer"], true);
    let condition = &transferred["transfer"]["conditions"][0];
    assert_eq!(condition["kind"], "order_count");
    assert_eq!(condition["holds"], true);
    // The exporter's words for the figures (here the stand-in's; the Russian text of an
    // export is checked in `crate::i18n`).
    assert!(
        condition["text_ru"]
            .as_str()
            .unwrap()
            .starts_with("OrderCount { have: "),
        "{condition}"
    );
    let m = &transferred["metrics"];
    for key in [
        "orders",
        "revenue",
        "average_check",
        "orders_per_month",
        "groups_bought",
        "groups_offered",
        "last_order",
        "days_since_last_order",
        "activity",
    ] {
        assert!(m.get(key).is_some(), "metrics.{key} missing in {m}");
    }
    // Readers may scribble over the derived figures: import does not look at them.
    v["derived"] = serde_json::json!({"anything": [1, 2, 3]});
    let back = read_snapshot(&v.to_string(), today()).unwrap().workspace;
    assert_eq!(back, ws);
    v.as_object_mut().unwrap().remove("derived");
    assert_eq!(
        read_snapshot(&v.to_string(), today()).unwrap().workspace,
        ws
    );
}

#[test]
fn demo_scores_appear_in_the_derived_section() {
    let ws = demo_workspace(today(), now());
    let v = parse(&export_snapshot(&ws, None, now(), today(), figures));
    let scored = v["derived"]["clients"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["score"].is_object())
        .count();
    assert!(scored > 10, "only {scored} scored clients");
    let first = v["derived"]["clients"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["score"].is_object())
        .unwrap();
    assert_eq!(first["score"]["max"], 16);
    assert!(first["score"]["verdict"].is_string());
}

#[test]
fn script_tags_in_names_are_just_text() {
    let mut ws = small_workspace();
    let evil = "<script>alert('x')</script> ООО «Вектор» & \"Co\"";
    ws.clients[0].name = evil.into();
    ws.members[0].name = "<img src=x onerror=alert(1)>".into();
    ws.clients[1].notes = "</script><!--".into();
    let text = export_snapshot(&ws, Some(&ws.members[0]), now(), today(), figures);
    let snap = read_snapshot(&text, today()).unwrap();
    assert_eq!(snap.workspace.clients[0].name, evil);
    assert_eq!(snap.workspace, ws);
    assert_eq!(
        snap.meta.exported_by.unwrap().name,
        "<img src=x onerror=alert(1)>"
    );
}

#[test]
fn a_file_saved_from_storage_still_imports() {
    // «Скачать все данные файлом» wrote the storage envelope (column-wise orders, `saved_at`).
    let ws = with_transfers(30, 200, 1);
    let text = encode_json(&ws, now(), 7);
    assert!(text.contains("\"order_book\""));
    let Snapshot { workspace, meta } = read_snapshot(&text, today()).unwrap();
    assert_eq!(workspace, ws);
    assert_eq!(meta.exported_at, Some(now()));
    assert_eq!(meta.app_version, None);
    assert_eq!(meta.version, 6);
}

#[test]
fn replace_hands_back_a_backup_that_restores_the_old_data() {
    let mine = demo_workspace(today(), now());
    let theirs = small_workspace();
    let text = export_snapshot(&theirs, None, now(), today(), figures);
    let snap = read_snapshot(&text, today()).unwrap();
    let (new, backup) = apply_replace(&mine, snap, Some(&mine.members[1]), now(), today(), figures);
    // The file's records, plus a tombstone for every record of ours the file lacks, so that
    // another tab still holding our data cannot bring them back.
    let mut without_tombstones = new.clone();
    without_tombstones.removed.clear();
    assert_eq!(without_tombstones, theirs);
    assert!(mine.clients.iter().all(|c| new
        .removed
        .iter()
        .any(|t| t.id == c.id && t.removed_at > c.updated_at)));
    assert_eq!(backup.taken_at, now());
    assert_eq!(
        backup.file_name,
        "salesdesk-aleksey-smirnov-2026-03-10.json"
    );
    assert_eq!(backup.restore(today()).unwrap(), mine);
}

#[test]
fn size_of_a_mid_sized_export() {
    let ws = with_transfers(500, 10_000, 5);
    let compact = export_snapshot(&ws, None, now(), today(), figures);
    let pretty = serde_json::to_string_pretty(&parse(&compact)).unwrap();
    println!(
        "500 clients / 10 000 orders: compact {} bytes, pretty {} bytes (+{} %)",
        compact.len(),
        pretty.len(),
        (pretty.len() - compact.len()) * 100 / compact.len()
    );
    assert!(pretty.len() > compact.len());
}

#[test]
fn a_minimum_order_rule_and_its_transfer_figures_round_trip() {
    use crate::domain::money::Money;
    use crate::domain::transfer::{Combinator, Condition, ConditionOutcome, TransferRule};
    use crate::storage::codec::{decode_workspace, encode_workspace};
    let mut ws = with_transfers(300, 3_000, 0);
    let mut policy = ws.transfer_policy.clone();
    policy.rule = TransferRule {
        combinator: Combinator::Any,
        conditions: vec![
            Condition::MinimumOrder {
                months: 12,
                at_least: Money::from_kopecks(4_200_050),
            },
            Condition::OrderCount { at_least: 1 },
        ],
    };
    ws.set_transfer_policy(policy, now()).unwrap();
    let done = crate::testkit::synth_workspace::add_transfers(&mut ws, 4, today(), now());
    assert_eq!(done, 4);
    assert!(ws
        .transfers
        .iter()
        .all(|t| matches!(t.outcomes[0], ConditionOutcome::MinimumOrder { .. })));
    // A snapshot file …
    let text = export_snapshot(&ws, None, now(), today(), figures);
    assert!(text.contains(r#"{"kind":"minimum_order","months":12,"at_least":4200050}"#));
    assert_eq!(read_snapshot(&text, today()).unwrap().workspace, ws);
    // … and the browser's storage give it back unchanged.
    let stored = encode_workspace(&ws, now(), 7);
    assert_eq!(decode_workspace(&stored).unwrap(), ws);
}
