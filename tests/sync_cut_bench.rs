//! What a push pass costs on the main thread at full size (5 000 clients / 100 000 orders,
//! 115 148 documents), natively: the first (full) cut, a pass after one edit, after nothing,
//! after a new order, and applying a first pull; applying pulled documents by id against the
//! whole merge it replaced. Not part of the test run; by hand:
//! `cargo test --release --offline --features testkit --test sync_cut_bench -- --ignored --nocapture`
#![cfg(feature = "testkit")]

use salesdesk::domain::ids::Id;
use salesdesk::domain::merge::merge_into;
use salesdesk::domain::workspace::Workspace;
use salesdesk::sync::{
    apply_by_whole_merge, apply_documents, documents, DocState, Document, LocalCut, SyncState,
};
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
    let mut copy = ws.clone();
    let started = Instant::now();
    let _ = apply_documents(&mut copy, &docs[..1]);
    println!(
        "applying 1 pulled document to a full workspace: {}",
        ms(started)
    );
    let started = Instant::now();
    let mut applied = Workspace::default();
    apply_documents(&mut applied, &docs);
    println!(
        "applying {} pulled documents to an empty workspace: {}",
        docs.len(),
        ms(started)
    );
    assert_eq!(applied.orders.len(), ws.orders.len());
    let mut copy = ws.clone();
    let started = Instant::now();
    let _ = apply_documents(&mut copy, &docs[..1_000]);
    println!(
        "applying 1 000 pulled documents to a full workspace: {}",
        ms(started)
    );
}

/// Min, median and max of `runs` timings, in ms.
fn spread(mut runs: Vec<f64>) -> String {
    runs.sort_by(f64::total_cmp);
    let median = runs[runs.len() / 2];
    format!(
        "min {:.1} / median {:.1} / max {:.1} ms",
        runs[0],
        median,
        runs[runs.len() - 1]
    )
}

/// Applies `docs` to copies of `ws` `RUNS` times, the new way and the old, and prints both.
fn apply_both(what: &str, ws: &Workspace, docs: &[Document]) {
    const RUNS: usize = 5;
    let (mut new, mut old, mut whole) = (Vec::new(), Vec::new(), 0);
    for _ in 0..RUNS {
        let mut copy = ws.clone();
        let started = Instant::now();
        let applied = apply_documents(&mut copy, docs);
        new.push(started.elapsed().as_secs_f64() * 1000.0);
        whole += usize::from(applied.whole_merge);
        let started = Instant::now();
        let (merged, report, _) = apply_by_whole_merge(ws, docs);
        old.push(started.elapsed().as_secs_f64() * 1000.0);
        assert!(merged == copy, "{what}: the two ways differ");
        assert_eq!(report, applied.report, "{what}");
    }
    println!("{what}:");
    println!(
        "  by id (now):        {} (whole merge {whole} of {RUNS})",
        spread(new)
    );
    println!("  whole merge (was):  {}", spread(old));
}

#[test]
#[ignore = "a benchmark: run by hand with --ignored --nocapture"]
fn applying_pulled_documents_at_full_size() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let ws = synth_workspace(2026, 5_000, 100_000, today);
    // A colleague's edits: 100 clients' notes, a minute after their last change.
    let mut theirs = ws.clone();
    let mut edited = Vec::new();
    for i in 0..100 {
        let mut c = theirs.clients[i * 37].clone();
        c.notes = format!("правка коллеги {i}");
        let now = c.updated_at + chrono::Duration::minutes(1);
        edited.push(format!("clients:{}", c.id));
        theirs.update_client(c, now).unwrap();
    }
    let all = documents(&theirs, &|_| None);
    let edits: Vec<Document> = all
        .iter()
        .filter(|d| edited.contains(&d.id))
        .cloned()
        .collect();
    assert_eq!(edits.len(), 100);
    apply_both("1 pulled edit into the full workspace", &ws, &edits[..1]);
    apply_both("100 pulled edits into the full workspace", &ws, &edits);
    let first = format!("the first pull ({} documents)", all.len());
    apply_both(
        &format!("{first} into an empty workspace"),
        &Workspace::default(),
        &all,
    );
    apply_both(&format!("{first} into the full workspace"), &ws, &all);
    // Of the first pull, the merge by id alone (the rest is reading the documents).
    let mut runs = Vec::new();
    for _ in 0..5 {
        let mut empty = Workspace::default();
        let started = Instant::now();
        merge_into(&mut empty, &theirs).expect("by id");
        runs.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    println!("of the first pull, merge_into alone: {}", spread(runs));
}
