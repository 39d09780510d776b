//! The first sync of a full-size team against a local pouchdb-server, timed: the director
//! writes 5 000 clients and 100 000 orders (with the team, deals, catalogue…), then a hunter's
//! empty device pulls everything in pages, then one edit goes across. Not part of the test run
//! (it takes minutes); run it by hand for the figures in docs/sync.md:
//! `cargo test --release --offline --features testkit --test sync_bench -- --ignored --nocapture`
//! (`SYNC_BENCH_CLIENTS` / `SYNC_BENCH_ORDERS` pick another size).
#![cfg(feature = "testkit")]

#[path = "sync_server/harness.rs"]
mod harness;

use harness::{Device, Server};
use salesdesk::testkit::synth_workspace::synth_workspace;
use std::time::Instant;

fn size(var: &str, default: usize) -> usize {
    std::env::var(var)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[test]
#[ignore = "a benchmark: run by hand with --ignored --nocapture"]
fn first_sync_of_a_full_size_team() {
    let (clients, orders) = (
        size("SYNC_BENCH_CLIENTS", 5_000),
        size("SYNC_BENCH_ORDERS", 100_000),
    );
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let server = Server::start();
    let mut director = Device::login(&server, "marina");
    director.ws = synth_workspace(2026, clients, orders, today);
    let started = Instant::now();
    let pushed = director.sync();
    let push_time = started.elapsed();
    assert_eq!(pushed.error, None);
    assert!(pushed.refused.is_empty());
    println!(
        "push: {} documents in {} requests, {:.1} s",
        pushed.pushed,
        director.requests,
        push_time.as_secs_f64()
    );
    let mut anna = Device::login(&server, "anna");
    let started = Instant::now();
    let pulled = anna.sync();
    let pull_time = started.elapsed();
    assert_eq!(pulled.error, None);
    assert_eq!(anna.ws.clients.len(), clients);
    assert_eq!(anna.ws.orders.len(), director.ws.orders.len());
    let state_bytes = serde_json::to_string(&anna.state).unwrap().len();
    println!(
        "pull: {} documents in {} requests, {:.1} s; sync state {} KB",
        pulled.pulled,
        anna.requests,
        pull_time.as_secs_f64(),
        state_bytes / 1024
    );
    let mut c = director.ws.clients[0].clone();
    c.notes = "одна правка".into();
    let now = c.updated_at + chrono::Duration::minutes(1);
    director.ws.update_client(c, now).unwrap();
    let started = Instant::now();
    let one = director.sync();
    let pushed_one = started.elapsed();
    let started = Instant::now();
    let got = anna.sync();
    println!(
        "one edit: push {} doc in {:.2} s, pull {} doc in {:.2} s",
        one.pushed,
        pushed_one.as_secs_f64(),
        got.pulled,
        started.elapsed().as_secs_f64()
    );
}
