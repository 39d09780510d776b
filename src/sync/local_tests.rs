//! The incremental cut ([`LocalCut`]) against the full one, on generated data with edits,
//! additions, deletions, transfers, reorderings, cut-short pushes and refusals.

use super::local::{LISTS, SINGLETONS};
use super::*;
use crate::domain::demo::demo_workspace;
use crate::domain::ids::Id;
use crate::domain::workspace::Workspace;
use crate::testkit::fixtures::{d0, t0};
use crate::testkit::synth_workspace::{add_transfers, synth_workspace};
use std::collections::BTreeMap;

/// What a full cut pushes: (document id → its JSON as sent).
fn full(ws: &Workspace, state: &SyncState) -> BTreeMap<String, serde_json::Value> {
    sent(LocalCut::new().to_push(ws, state))
}

fn sent(docs: Vec<(Document, u64)>) -> BTreeMap<String, serde_json::Value> {
    docs.into_iter()
        .map(|(d, hash)| {
            assert_eq!(hash, d.hash());
            (d.id.clone(), d.to_json(None))
        })
        .collect()
}

/// The server took these documents (or only every other one: a push cut short).
fn synced(state: &mut SyncState, docs: &BTreeMap<String, serde_json::Value>, every: usize) {
    for (at, (id, json)) in docs.iter().enumerate() {
        if at % every == 0 {
            let doc = Document::from_json(json).unwrap();
            state.docs.insert(
                id.clone(),
                DocState {
                    rev: format!("1-{at}"),
                    hash: doc.hash(),
                    owner: doc.owner.clone(),
                },
            );
        }
    }
}

/// Checks the incremental cut against a full one, then has the server take what it pushed.
fn check(cut: &mut LocalCut, ws: &Workspace, state: &mut SyncState, every: usize, what: &str) {
    let expected = full(ws, state);
    let got = sent(cut.to_push(ws, state));
    assert_eq!(
        got.keys().collect::<Vec<_>>(),
        expected.keys().collect::<Vec<_>>(),
        "{what}"
    );
    assert_eq!(got, expected, "{what}");
    synced(state, &got, every);
}

fn when(minutes: i64) -> crate::domain::dates::Timestamp {
    t0() + chrono::Duration::minutes(minutes)
}

#[test]
fn the_incremental_cut_pushes_what_the_full_cut_would() {
    let today = d0();
    let mut ws = synth_workspace(7, 60, 600, today);
    let mut state = SyncState::new("http://127.0.0.1:5984", "team");
    let mut cut = LocalCut::new();
    check(&mut cut, &ws, &mut state, 1, "the first push");
    assert!(sent(cut.to_push(&ws, &state)).is_empty(), "nothing changed");

    for i in [0, 7, 33] {
        let mut c = ws.clients[i].clone();
        c.notes = format!("правка {i}");
        ws.update_client(c, when(1)).unwrap();
    }
    for i in [1, 250, 599] {
        ws.orders[i].lines[0].amount = crate::domain::Money::from_kopecks(12_345 + i as i64);
    }
    check(&mut cut, &ws, &mut state, 1, "edits");

    let mut order = ws.orders[10].clone();
    order.id = Id::from_raw("o-new-1");
    ws.orders.push(order);
    let mut client = ws.clients[3].clone();
    client.id = Id::from_raw("c-new-1");
    client.name = "ООО «Новый»".into();
    ws.clients.insert(2, client);
    // Every other document goes up: the rest wait for the next pass unchanged.
    check(&mut cut, &ws, &mut state, 2, "additions, half pushed");
    check(&mut cut, &ws, &mut state, 1, "the rest of them");

    let gone = ws.clients[5].id.clone();
    ws.remove_client(&gone, when(2)).unwrap();
    check(
        &mut cut,
        &ws,
        &mut state,
        1,
        "a deleted client with its orders",
    );

    let made = add_transfers(&mut ws, 3, today, when(3));
    assert!(made > 0);
    check(&mut cut, &ws, &mut state, 1, "transfers to a farmer");

    // The director hands a client and, separately, a deal to someone else: the client's orders
    // and the deal's assessments and activities follow their new owner.
    let with_orders = (ws.clients.iter())
        .position(|c| ws.orders.iter().any(|o| o.client_id == c.id))
        .unwrap();
    let other = (ws.members.iter())
        .find(|m| m.id != ws.clients[with_orders].owner_id)
        .unwrap()
        .id
        .clone();
    ws.clients[with_orders].owner_id = other.clone();
    let assessed = (ws.deals.iter())
        .position(|d| ws.assessments.iter().any(|a| a.deal_id == d.id))
        .unwrap_or(0);
    ws.deals[assessed].owner_id = other;
    check(
        &mut cut,
        &ws,
        &mut state,
        1,
        "owners changed by the director",
    );

    // A deal and a client vanish while records naming them stay (orphans a pull may leave for a
    // moment): those records lose the owner they read from them.
    let deal = ws.deals.remove(assessed);
    assert!(ws.assessments.iter().any(|a| a.deal_id == deal.id) || ws.assessments.is_empty());
    let client = ws.clients.remove(with_orders);
    assert!(ws.orders.iter().any(|o| o.client_id == client.id));
    check(
        &mut cut,
        &ws,
        &mut state,
        1,
        "owners vanished, orphans left",
    );
    // ... and come back.
    ws.deals.push(deal);
    ws.clients.push(client);
    check(&mut cut, &ws, &mut state, 1, "owners back");

    // A transfer record alone (pulled after its client's new owner): the latest hand-over to the
    // present owner names it, on the client and on its orders.
    let mut again = ws.transfers[0].clone();
    again.id = Id::from_raw("t-again");
    ws.transfers.push(again);
    check(
        &mut cut,
        &ws,
        &mut state,
        1,
        "a transfer record without an owner change",
    );

    ws.transfer_policy.updated_at = when(5);
    ws.orders.reverse();
    ws.clients.swap(0, 9);
    check(
        &mut cut,
        &ws,
        &mut state,
        1,
        "a setting and reordered lists",
    );

    // The server's version of a record arrives (a pull): its hash differs from ours until
    // ours goes up again.
    let id = format!("clients:{}", ws.clients[4].id.as_str());
    state.docs.get_mut(&id).unwrap().hash ^= 1;
    check(
        &mut cut,
        &ws,
        &mut state,
        1,
        "a record the server has otherwise",
    );

    // A refused version is not sent again.
    let mut c = ws.clients[6].clone();
    c.notes = "отказано".into();
    ws.update_client(c, when(4)).unwrap();
    let pending = sent(LocalCut::new().to_push(&ws, &state));
    let (doc_id, json) = pending.iter().next().unwrap();
    state.set_aside.push(SetAside {
        doc_id: doc_id.clone(),
        kind: "clients".into(),
        reason: "нельзя".into(),
        document: json.clone(),
        hash: Document::from_json(json).unwrap().hash(),
    });
    check(&mut cut, &ws, &mut state, 1, "a refused change");
    // Deletions, transfers and owner changes went without cutting everything again.
    assert_eq!(cut.full_cuts, 1, "only the first pass cut everything");
}

#[test]
fn the_incremental_cut_knows_every_field_of_the_workspace() {
    let mut rich = synth_workspace(3, 20, 100, d0());
    add_transfers(&mut rich, 2, d0(), when(1));
    for ws in [rich, demo_workspace(d0(), t0())] {
        let serde_json::Value::Object(fields) = json_of(&ws) else {
            unreachable!()
        };
        for (field, value) in fields {
            let known = if value.is_array() {
                LISTS.contains(&field.as_str())
            } else {
                SINGLETONS.contains(&field.as_str())
            };
            assert!(known, "{field} is not followed by the incremental cut");
        }
    }
}
