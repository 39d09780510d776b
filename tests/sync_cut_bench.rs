//! What a push pass costs on the main thread at full size (5 000 clients / 100 000 orders,
//! 115 148 documents), natively: the first (full) cut, a pass after one edit, after nothing,
//! after a new order, and applying a first pull. Not part of the test run; by hand:
//! `cargo test --release --offline --features testkit --test sync_cut_bench -- --ignored --nocapture`
#![cfg(feature = "testkit")]

use salesdesk::domain::ids::Id;
use salesdesk::domain::workspace::Workspace;
use salesdesk::sync::{apply_documents, documents, DocState, LocalCut, SyncState};
use salesdesk::testkit::synth_workspace::{add_transfers, synth_workspace};
use std::time::Instant;

fn ms(started: Instant) -> String {
    format!("{:.1} ms", started.elapsed().as_secs_f64() * 1000.0)
}

#[test]
#[ignore = "a benchmark: run by hand with --ignored --nocapture"]
fn a_push_pass_at_full_size() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let mut ws = synth_workspace(2026, 5_000, 100_000, today);
    let mut state = SyncState::new("http://127.0.0.1:1", "team");
    let mut cut = LocalCut::new();
    let started = Instant::now();
    let first = cut.to_push(&ws, &state);
    println!(
        "first (full) cut: {} documents, {}",
        first.len(),
        ms(started)
    );
    // The server takes what a pass pushed, as a round does before the next pass.
    let take = |state: &mut SyncState, pushed: &[(salesdesk::sync::Document, u64)]| {
        for (doc, hash) in pushed {
            let rev = "1-a".to_owned();
            let owner = doc.owner.clone();
            state.docs.insert(
                doc.id.clone(),
                DocState {
                    rev,
                    hash: *hash,
                    owner,
                },
            );
        }
    };
    take(&mut state, &first);
    let started = Instant::now();
    let none = cut.to_push(&ws, &state);
    println!(
        "a pass after nothing: {} documents, {}",
        none.len(),
        ms(started)
    );
    let mut c = ws.clients[17].clone();
    c.notes = "одна правка".into();
    let now = c.updated_at + chrono::Duration::minutes(1);
    ws.update_client(c, now).unwrap();
    let started = Instant::now();
    let one = cut.to_push(&ws, &state);
    println!(
        "a pass after one client edit: {} documents, {}",
        one.len(),
        ms(started)
    );
    take(&mut state, &one);
    let mut order = ws.orders[5].clone();
    order.id = Id::from_raw("o-bench-new");
    ws.orders.push(order);
    let started = Instant::now();
    let added = cut.to_push(&ws, &state);
    println!(
        "a pass after a new order: {} documents, {}",
        added.len(),
        ms(started)
    );
    take(&mut state, &added);
    let made = add_transfers(&mut ws, 1, today, now + chrono::Duration::minutes(2));
    let started = Instant::now();
    let handed = cut.to_push(&ws, &state);
    println!(
        "a pass after {made} hand-over to a farmer: {} documents, {}",
        handed.len(),
        ms(started)
    );
    take(&mut state, &handed);
    let gone = ws.clients[40].id.clone();
    ws.remove_client(&gone, now + chrono::Duration::minutes(3))
        .unwrap();
    let started = Instant::now();
    let removed = cut.to_push(&ws, &state);
    println!(
        "a pass after deleting a client: {} documents, {}",
        removed.len(),
        ms(started)
    );
    // A page loaded later: the first cut in slices of 1 000 records, as a round makes it.
    let mut later = LocalCut::new();
    let (mut slices, mut longest) = (0, 0.0f64);
    let started = Instant::now();
    loop {
        let slice = Instant::now();
        let done = later.cut_step(&ws, &state, 1_000);
        longest = longest.max(slice.elapsed().as_secs_f64() * 1000.0);
        if done {
            break;
        }
        slices += 1;
    }
    println!(
        "a first cut in {slices} slices: {}, the longest slice {longest:.1} ms",
        ms(started)
    );
    let started = Instant::now();
    let after = later.to_push(&ws, &state);
    println!(
        "the push pass after it: {} documents, {}",
        after.len(),
        ms(started)
    );
    let started = Instant::now();
    let copy = ws.clone();
    println!("cloning the workspace: {}", ms(started));
    let started = Instant::now();
    assert!(copy == ws);
    println!("comparing two copies: {}", ms(started));
    let started = Instant::now();
    let walked = state
        .docs
        .iter()
        .zip(state.docs.iter())
        .filter(|(a, b)| a.0 == b.0)
        .count();
    println!("walking the sync state ({walked}): {}", ms(started));
    println!("deletion marks: {}", ws.removed.len());

    let docs = documents(&ws, &|_| None);
    let started = Instant::now();
    let _ = apply_documents(&ws, &docs[..1]);
    println!(
        "applying 1 pulled document to a full workspace: {}",
        ms(started)
    );
    let started = Instant::now();
    let applied = apply_documents(&Workspace::default(), &docs);
    println!(
        "applying {} pulled documents to an empty workspace: {}",
        docs.len(),
        ms(started)
    );
    assert_eq!(applied.workspace.orders.len(), ws.orders.len());
    let started = Instant::now();
    let _ = apply_documents(&ws, &docs[..1_000]);
    println!(
        "applying 1 000 pulled documents to a full workspace: {}",
        ms(started)
    );
}
