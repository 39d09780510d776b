//! The engine's pure parts: cutting a workspace into documents and merging them back.

use super::*;
use crate::domain::demo::demo_workspace;
use crate::domain::ids::Id;
use crate::domain::team::Role;
use crate::domain::transfer::TransferRecord;
use crate::domain::workspace::Workspace;
use crate::testkit::fixtures::{catalogue_workspace, d0, later, order_on, small_workspace, t0};
use serde_json::json;
use std::collections::BTreeMap;

fn no_owner(_: &str) -> Option<String> {
    None
}

fn by_id(ws: &Workspace) -> BTreeMap<String, Document> {
    documents(ws, &no_owner)
        .into_iter()
        .map(|d| (d.id.clone(), d))
        .collect()
}

#[test]
fn every_record_is_a_document_with_its_owner() {
    let docs = by_id(&small_workspace());
    let client = &docs["clients:c1"];
    assert_eq!(client.kind, "clients");
    assert_eq!(client.owner.as_deref(), Some("ivan"));
    assert_eq!(client.record["name"], "ООО «Вектор»");
    assert_eq!(docs["deals:d2"].owner.as_deref(), Some("olga"));
    // The logs carry no owner: nobody changes them, whoever owns the deal later.
    let history = docs.values().find(|d| d.kind == "stage_history").unwrap();
    assert_eq!(history.owner, None);
    for singleton in ["scoring_model", "transfer_policy", "pipeline_settings"] {
        assert_eq!(docs[singleton].kind, singleton);
        assert_eq!(docs[singleton].owner, None);
        assert_eq!(docs[singleton].record_id(), "");
    }
    assert!(docs.contains_key("stages:stage-lead"), "{:?}", docs.keys());
    assert_eq!(docs["members:ivan"].owner, None);
}

#[test]
fn an_order_takes_its_clients_owner_and_after_a_hand_over_the_transfer_record() {
    let mut ws = catalogue_workspace();
    ws.orders.push(order_on("o1", "c1", 1_000, d0()));
    let order = ws.orders[0].clone();
    let client = ws.client(&order.client_id).unwrap().clone();
    let docs = by_id(&ws);
    let id = format!("orders:{}", order.id.as_str());
    assert_eq!(docs[&id].owner.as_deref(), Some(client.owner_id.as_str()));
    assert_eq!(docs[&id].handover, None);
    let farmer = ws
        .members
        .iter()
        .find(|m| m.role() == Role::Farmer)
        .unwrap()
        .id
        .clone();
    ws.transfers.push(TransferRecord {
        id: Id::from_raw("t-9"),
        client_id: client.id.clone(),
        from_member_id: client.owner_id.clone(),
        to_member_id: farmer.clone(),
        by_member_id: client.owner_id.clone(),
        date: d0(),
        rule: ws.transfer_policy.rule.clone(),
        outcomes: Vec::new(),
        created_at: later(1),
        restored_at: None,
    });
    ws.clients
        .iter_mut()
        .find(|c| c.id == client.id)
        .unwrap()
        .owner_id = farmer.clone();
    let docs = by_id(&ws);
    for id in [id, format!("clients:{}", client.id.as_str())] {
        assert_eq!(docs[&id].owner.as_deref(), Some(farmer.as_str()), "{id}");
        assert_eq!(docs[&id].handover.as_deref(), Some("t-9"), "{id}");
    }
}

#[test]
fn documents_merged_into_an_empty_workspace_give_the_same_documents() {
    for ws in [small_workspace(), demo_workspace(d0(), t0())] {
        let docs = documents(&ws, &no_owner);
        let mut merged = Workspace::default();
        let applied = apply_documents(&mut merged, &docs);
        assert!(applied.skipped.is_empty(), "{:?}", applied.skipped);
        let again: BTreeMap<String, u64> = documents(&merged, &no_owner)
            .iter()
            .map(|d| (d.id.clone(), d.hash()))
            .collect();
        let first: BTreeMap<String, u64> = docs.iter().map(|d| (d.id.clone(), d.hash())).collect();
        assert_eq!(again, first);
    }
}

#[test]
fn a_pulled_edit_merges_field_by_field_with_a_local_one() {
    let base = small_workspace();
    let mut mine = base.clone();
    let mut c1 = mine.client(&Id::from_raw("c1")).unwrap().clone();
    c1.notes = "звонить после обеда".into();
    mine.update_client(c1, later(5)).unwrap();
    let mut theirs = base.clone();
    let mut c1 = theirs.client(&Id::from_raw("c1")).unwrap().clone();
    c1.name = "ООО «Вектор-М»".into();
    theirs.update_client(c1, later(7)).unwrap();
    let pulled: Vec<Document> = documents(&theirs, &no_owner)
        .into_iter()
        .filter(|d| d.id == "clients:c1")
        .collect();
    apply_documents(&mut mine, &pulled);
    let merged = mine.client(&Id::from_raw("c1")).unwrap();
    assert_eq!(merged.name, "ООО «Вектор-М»");
    assert_eq!(merged.notes, "звонить после обеда");
}

#[test]
fn a_document_of_an_unknown_kind_or_unreadable_record_is_skipped_and_the_rest_applies() {
    let ws = small_workspace();
    let mut docs = documents(&ws, &no_owner);
    docs.push(Document {
        id: "gadgets:g1".into(),
        kind: "gadgets".into(),
        owner: None,
        handover: None,
        record: json!({"id": "g1"}),
    });
    docs.push(Document {
        id: "clients:bad".into(),
        kind: "clients".into(),
        owner: None,
        handover: None,
        record: json!({"id": "bad", "name": 5}),
    });
    let mut merged = Workspace::default();
    let applied = apply_documents(&mut merged, &docs);
    assert_eq!(applied.skipped, vec!["gadgets:g1", "clients:bad"]);
    assert_eq!(merged.clients.len(), ws.clients.len());
}

#[test]
fn the_hash_ignores_key_order_and_sees_every_change() {
    let doc = |record| Document {
        id: "clients:c1".into(),
        kind: "clients".into(),
        owner: Some("ivan".into()),
        handover: None,
        record,
    };
    let a = doc(json!({"id": "c1", "name": "A", "contact": {"phone": "1", "email": "e"}}));
    let b = doc(json!({"contact": {"email": "e", "phone": "1"}, "name": "A", "id": "c1"}));
    assert_eq!(a.hash(), b.hash());
    let c = doc(json!({"id": "c1", "name": "B", "contact": {"phone": "1", "email": "e"}}));
    assert_ne!(a.hash(), c.hash());
    let round = Document::from_json(&a.to_json(Some("1-x"))).unwrap();
    assert_eq!(round, a);
}

#[test]
fn design_and_deleted_documents_are_not_records() {
    assert_eq!(
        Document::from_json(&json!({"_id": "_design/salesdesk"})),
        None
    );
    let deleted = json!({"_id": "clients:c1", "_deleted": true, "kind": "clients", "record": {}});
    assert_eq!(Document::from_json(&deleted), None);
}

#[test]
fn the_state_round_trips_through_json_and_the_first_pull_starts_at_zero() {
    let mut state = SyncState::new("http://127.0.0.1:5984/", "team");
    assert_eq!(state.server, "http://127.0.0.1:5984");
    assert_eq!(state.since(), "0");
    state.last_seq = Some(json!("12-g1AAAA"));
    state.docs.insert(
        "clients:c1".into(),
        DocState {
            rev: "1-a".into(),
            hash: 7,
            owner: Some("ivan".into()),
        },
    );
    let text = serde_json::to_string(&state).unwrap();
    let back: SyncState = serde_json::from_str(&text).unwrap();
    assert_eq!(back, state);
    assert_eq!(back.since(), "12-g1AAAA");
    assert_eq!(back.owner_of_record("c1").as_deref(), Some("ivan"));
    state.last_seq = Some(json!(42));
    assert_eq!(state.since(), "42");
}

#[test]
fn path_parts_are_percent_encoded() {
    assert_eq!(
        encode_component("clients:c 1/ы"),
        "clients%3Ac%201%2F%D1%8B"
    );
    assert_eq!(encode_component("a-b_c.d~e"), "a-b_c.d~e");
}

/// A `_changes` answer holding `docs` (server documents) and `last_seq`.
fn changes(docs: &[serde_json::Value], last_seq: u64) -> Response {
    let results: Vec<serde_json::Value> = (docs.iter().enumerate())
        .map(|(i, doc)| json!({"seq": i + 1, "id": doc["_id"], "changes": [{"rev": doc["_rev"]}], "doc": doc}))
        .collect();
    Response {
        status: 200,
        body: json!({"results": results, "last_seq": last_seq}),
    }
}

#[test]
fn a_full_page_asks_for_the_next_and_pages_apply_together_with_the_sequence() {
    let theirs = small_workspace();
    let all: Vec<serde_json::Value> = documents(&theirs, &no_owner)
        .iter()
        .map(|d| d.to_json(Some("1-a")))
        .collect();
    let mut state = SyncState::new("http://127.0.0.1:1", "team");
    let mut ws = Workspace::default();
    let mut round = SyncRound::new();
    let Step::Send(first) = round.step(&mut state, &mut ws, None) else {
        panic!("a request first")
    };
    assert_eq!(
        first.path,
        format!("/team/_changes?since=0&include_docs=true&limit={PAGE_SIZE}")
    );
    // A page as long as the limit: there may be more.
    let page: Vec<serde_json::Value> = (0..PAGE_SIZE).map(|i| all[i % all.len()].clone()).collect();
    let Step::Send(count) = round.step(&mut state, &mut ws, Some(changes(&page, 1000))) else {
        panic!("how far the database goes")
    };
    // No `pending` in the page (pouchdb-server): the database's `update_seq` is the progress's end.
    assert_eq!(count.path, "/team");
    assert_eq!(round.progress().map(|p| p.done), Some(1000));
    let db = Response {
        status: 200,
        body: json!({ "update_seq": 1002 }),
    };
    let Step::Send(second) = round.step(&mut state, &mut ws, Some(db)) else {
        panic!("the next page")
    };
    assert_eq!(
        round.progress(),
        Some(Progress {
            done: 1000,
            total: 1002
        })
    );
    assert!(second.path.contains("since=1000&"), "{}", second.path);
    assert_eq!(
        state.last_seq, None,
        "nothing is stored before the last page"
    );
    assert!(
        ws.clients.is_empty(),
        "nothing is applied before the last page"
    );
    // The last page: everything applies, the page breathes, then the push finds nothing to send.
    let step = round.step(&mut state, &mut ws, Some(changes(&all[..2], 1002)));
    assert_eq!(step, Step::Yield);
    assert!(round.touched());
    let step = round.step(&mut state, &mut ws, None);
    let step = past_yields(&mut round, &mut state, &mut ws, step);
    let Step::Done(report) = step else {
        panic!("nothing to push: {step:?}")
    };
    assert_eq!(report.error, None);
    assert_eq!(report.pulled, all.len());
    assert_eq!(state.last_seq, Some(json!(1002)));
    assert_eq!(ws.clients.len(), theirs.clients.len());
    assert_eq!(state.docs.len(), all.len());
}

/// Steps on while the round lets the page breathe (as the browser's driver does).
fn past_yields(
    round: &mut SyncRound,
    state: &mut SyncState,
    ws: &mut Workspace,
    mut step: Step,
) -> Step {
    while step == Step::Yield {
        step = round.step(state, ws, None);
    }
    step
}

#[test]
fn a_refused_login_ends_the_round_and_keeps_the_state() {
    let mut state = SyncState::new("http://127.0.0.1:1", "team");
    state.last_seq = Some(json!(7));
    let before = state.clone();
    let mut ws = small_workspace();
    let mut round = SyncRound::new();
    round.step(&mut state, &mut ws, None);
    let unauthorized = Response {
        status: 401,
        body: json!({"error": "unauthorized", "reason": "You are not authorized to access this db."}),
    };
    let Step::Done(report) = round.step(&mut state, &mut ws, Some(unauthorized)) else {
        panic!("the round ends")
    };
    let error = report.error.expect("the round stops");
    assert_eq!(error.status, Some(401));
    assert_eq!(
        error.message,
        "_changes: HTTP 401 You are not authorized to access this db."
    );
    assert_eq!(trouble_of(&error), Trouble::Session);
    assert_eq!(state, before);
    assert_eq!(ws, small_workspace());
}

#[test]
fn a_pull_only_round_sends_nothing_even_with_local_changes() {
    let mut state = SyncState::new("http://127.0.0.1:1", "team");
    // Local records the server has never seen: a full round would push them.
    let mut ws = small_workspace();
    let mut round = SyncRound::pull_only();
    let Step::Send(first) = round.step(&mut state, &mut ws, None) else {
        panic!("a request first")
    };
    assert!(first.path.contains("/_changes?"), "{}", first.path);
    let step = round.step(&mut state, &mut ws, Some(changes(&[], 3)));
    let Step::Done(report) = step else {
        panic!("a pull-only round ends after the pull: {step:?}")
    };
    assert_eq!(report.error, None);
    assert_eq!(report.pushed, 0);
    assert_eq!(state.last_seq, Some(json!(3)));
    assert!(
        state.docs.is_empty(),
        "nothing was written, so nothing is remembered"
    );
    // The same state in a full round pushes them.
    let mut full = SyncRound::new();
    full.step(&mut state, &mut ws, None);
    let step = full.step(&mut state, &mut ws, Some(changes(&[], 3)));
    // The page's first cut takes a slice (or more) with the page breathing after each.
    assert_eq!(step, Step::Yield);
    let step = past_yields(&mut full, &mut state, &mut ws, step);
    let Step::Send(push) = step else {
        panic!("a full round pushes: {step:?}")
    };
    assert!(push.path.ends_with("/_bulk_docs"), "{}", push.path);
}

#[test]
fn a_large_pull_is_read_a_slice_a_step_and_merged_once_at_the_end() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let theirs = crate::testkit::synth_workspace::synth_workspace(7, 100, 4_500, today);
    let all: Vec<serde_json::Value> = documents(&theirs, &no_owner)
        .iter()
        .map(|d| d.to_json(Some("1-a")))
        .collect();
    assert!(all.len() > 4_000, "{}", all.len());
    // CouchDB's `pending` says how far it goes; the last page is short.
    let page = |at: usize| {
        let end = all.len().min(at + PAGE_SIZE);
        let mut res = changes(&all[at..end], end as u64);
        res.body["pending"] = json!(all.len() - end);
        res
    };
    let mut state = SyncState::new("http://127.0.0.1:1", "team");
    let mut ws = Workspace::default();
    let mut round = SyncRound::pull_only();
    let mut step = round.step(&mut state, &mut ws, None);
    let mut at = 0;
    while at < all.len() {
        assert!(matches!(step, Step::Send(_)), "{step:?}");
        step = round.step(&mut state, &mut ws, Some(page(at)));
        at += PAGE_SIZE;
    }
    // A step per slice of 2 000 documents read, nothing merged meanwhile.
    let mut slices = 0;
    while step == Step::Yield {
        assert!(ws.clients.is_empty(), "merged before the last slice");
        assert_eq!(round.progress().map(|p| p.total), Some(all.len()));
        slices += 1;
        step = round.step(&mut state, &mut ws, None);
    }
    assert_eq!(slices, all.len().div_ceil(2_000) - 1);
    let Step::Done(report) = step else {
        panic!("a pull-only round ends: {step:?}")
    };
    assert_eq!(report.pulled, all.len());
    assert!(ws == theirs, "the pulled workspace differs");
    assert_eq!(state.docs.len(), all.len());
}
