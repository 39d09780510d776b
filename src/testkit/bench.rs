//! The orders-core benchmark: the history index, the transfer rule and every farmer metric for
//! 5 000 synthetic clients with 100 000 orders, as a full recompute and as the incremental
//! update after one edited order.
//!
//! Why it lives in the library and takes the clock as an argument: the same measurement must run
//! natively (`cargo run --release --bin bench_core`, clock from `Instant`) and in the browser
//! (`scripts/bench-wasm.sh`, clock from `performance.now()`), and the core must stay free of
//! browser imports. It is a benchmark, not a test: nothing here asserts a time.

use crate::domain::dates::timestamp_from_millis;
use crate::domain::ids::Id;
use crate::domain::metrics::{
    client_metrics, ActivityThresholds, ClientMetrics, MetricsContext, Period,
};
use crate::domain::money::Money;
use crate::domain::orders::{ClientHistory, HistoryIndex, Order, Product};
use crate::domain::transfer::{eligible_clients, evaluate, Combinator, Condition, TransferRule};
use crate::testkit::synth_orders::{synth_catalog, synth_client_ids, synth_orders};
use chrono::{Duration, NaiveDate};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::hint::black_box;

/// Clients in the synthetic base.
pub const CLIENTS: usize = 5_000;
/// Orders in the synthetic base.
pub const ORDERS: usize = 100_000;
/// Edits timed together in one run of an incremental step: one edit takes tens of microseconds,
/// below what the browser's `performance.now()` resolves (100 µs without cross-origin
/// isolation), so a run times a batch and reports the time per edit.
pub const EDITS_PER_RUN: usize = 20;

/// One measured step over all runs, in milliseconds.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Timing {
    /// What was measured.
    pub step: &'static str,
    /// The median run.
    pub median_ms: f64,
    /// The fastest run: less disturbed by whatever else the machine is doing.
    pub min_ms: f64,
}

/// The result of [`run`]: what the data looked like and each step's timing.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    /// Clients in the base.
    pub clients: usize,
    /// Clients with at least one order.
    pub clients_with_orders: usize,
    /// Orders in the base.
    pub orders: usize,
    /// Order lines in the base.
    pub lines: usize,
    /// Clients passing the benchmark's rule: a checksum that every platform computed the same.
    pub eligible: usize,
    /// How many times each step ran.
    pub runs: usize,
    /// The steps, in the order they ran.
    pub timings: Vec<Timing>,
}

impl Report {
    /// The report as a plain-text table, for a terminal.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = writeln!(
            out,
            "data: {} clients ({} with orders), {} orders, {} lines",
            self.clients, self.clients_with_orders, self.orders, self.lines
        );
        let _ = writeln!(
            out,
            "rule: ALL(orders ≥ 3, volume ≥ 250 000 ₽ in 12 months, ≥ 10 000 ₽ in each of \
             3 months) → {} eligible; {} runs per step\n",
            self.eligible, self.runs
        );
        let _ = writeln!(out, "{:<56} {:>11} {:>11}", "step", "median, ms", "min, ms");
        let _ = writeln!(out, "{}", "-".repeat(80));
        for t in &self.timings {
            let _ = writeln!(
                out,
                "{:<56} {:>11.3} {:>11.3}",
                t.step, t.median_ms, t.min_ms
            );
        }
        out
    }
}

/// The synthetic base and the settings every step evaluates.
struct Data {
    clients: Vec<Id>,
    products: Vec<Product>,
    offered: HashSet<Id>,
    orders: Vec<Order>,
    rule: TransferRule,
    period: Period,
    today: NaiveDate,
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

impl Data {
    /// 5 000 clients, 100 000 orders over three years, 120 products in 12 groups; a
    /// three-condition rule and a one-year metrics period, as of 10 March 2026.
    fn synth() -> Data {
        let created = timestamp_from_millis(1_767_225_600_000);
        let (groups, products) = synth_catalog(12, 10, created);
        let clients = synth_client_ids(CLIENTS);
        let orders = synth_orders(
            42,
            &clients,
            &products,
            ORDERS,
            date(2023, 3, 1),
            date(2026, 2, 28),
        );
        let today = date(2026, 3, 10);
        Data {
            offered: groups.iter().map(|g| g.id.clone()).collect(),
            rule: TransferRule {
                combinator: Combinator::All,
                conditions: vec![
                    Condition::OrderCount { at_least: 3 },
                    Condition::Volume {
                        at_least: Money::from_rubles(250_000),
                        within_months: Some(12),
                    },
                    Condition::monthly_minimum(Money::from_rubles(10_000)),
                ],
            },
            period: Period::new(date(2025, 3, 11), today).expect("the period starts first"),
            today,
            clients,
            products,
            orders,
        }
    }

    fn ctx(&self) -> MetricsContext<'_> {
        MetricsContext {
            offered_groups: &self.offered,
            thresholds: ActivityThresholds::default(),
        }
    }

    /// Every client's metrics, with a share-of-wallet estimate so that part is computed too.
    fn all_metrics(&self, index: &HistoryIndex) -> Vec<ClientMetrics> {
        let ctx = self.ctx();
        let estimate = Some(Money::from_rubles(5_000_000));
        self.clients
            .iter()
            .map(|id| match index.get(id) {
                Some(h) => client_metrics(h, self.period, &ctx, estimate),
                None => client_metrics(
                    &ClientHistory::empty(id.clone()),
                    self.period,
                    &ctx,
                    estimate,
                ),
            })
            .collect()
    }

    /// What the app does after one client's orders changed: rebuild that client's history,
    /// then re-evaluate the rule and the metrics of that client only.
    fn update_one(&self, index: &mut HistoryIndex, client: &Id, own: &[&Order]) {
        index.update_client(client, own.iter().copied(), &self.products);
        if let Some(h) = index.get(client) {
            black_box(evaluate(&self.rule, h, self.today));
            black_box(client_metrics(h, self.period, &self.ctx(), None));
        }
    }
}

/// Edits one order (a different one each time): a day or more earlier and 1 ₽ more on its first
/// line, as saving an edited copy over it would. Returns the order's client.
fn edit_order(orders: &mut [Order], edit: usize) -> Id {
    let n = (edit * 7_919) % orders.len();
    let o = &mut orders[n];
    o.date -= Duration::days(1 + (edit % 5) as i64);
    if let Some(line) = o.lines.first_mut() {
        line.amount = Money::from_kopecks(line.amount.kopecks() + 100);
    }
    o.client_id.clone()
}

/// Runs `f` `runs` times (`f` gets the run's number) and times each run with `clock`, which
/// returns milliseconds from any fixed origin; each run's time is divided by `per_run`.
fn measure(
    step: &'static str,
    clock: fn() -> f64,
    runs: usize,
    per_run: usize,
    mut f: impl FnMut(usize),
) -> Timing {
    let mut times: Vec<f64> = (0..runs.max(1))
        .map(|run| {
            let start = clock();
            f(run);
            (clock() - start) / per_run.max(1) as f64
        })
        .collect();
    times.sort_by(f64::total_cmp);
    Timing {
        step,
        median_ms: times[times.len() / 2],
        min_ms: times[0],
    }
}

/// Generates the base and times every step `runs` times with `clock` (milliseconds, e.g.
/// `performance.now()`): index build, rule for all clients, metrics for all clients, a full
/// recompute of all three, and one edited order handled incrementally (with the client's orders
/// found by a scan of all orders, as the workspace stores them today, and with them already
/// grouped by client).
pub fn run(clock: fn() -> f64, runs: usize) -> Report {
    let data = Data::synth();
    let index = HistoryIndex::build(&data.orders, &data.products);
    let today = data.today;
    let mut timings = vec![
        measure(
            "index build (100k orders; drops the old one)",
            clock,
            runs,
            1,
            |_| {
                black_box(HistoryIndex::build(black_box(&data.orders), &data.products));
            },
        ),
        measure(
            "index inputs (the screens' cache key; 100k orders)",
            clock,
            runs,
            1,
            |_| {
                black_box(crate::domain::orders::IndexInputs::of(
                    black_box(&data.orders),
                    &data.products,
                ));
            },
        ),
        measure("transfer rule, all clients", clock, runs, 1, |_| {
            black_box(eligible_clients(&data.rule, black_box(&index), today));
        }),
        measure("farmer metrics, all 5 000 clients", clock, runs, 1, |_| {
            black_box(data.all_metrics(black_box(&index)));
        }),
        measure(
            "full recompute (build + rule + metrics)",
            clock,
            runs,
            1,
            |_| {
                let fresh = HistoryIndex::build(black_box(&data.orders), &data.products);
                black_box(eligible_clients(&data.rule, &fresh, today));
                black_box(data.all_metrics(&fresh));
            },
        ),
    ];

    // The incremental path as the workspace stores orders today (one Vec): the edited client's
    // orders are found by a scan of all orders, then only that client is rebuilt.
    let mut orders = data.orders.clone();
    let mut live = index.clone();
    timings.push(measure(
        "edit 1 order: scan orders, update 1 client, re-evaluate it",
        clock,
        runs,
        EDITS_PER_RUN,
        |run| {
            for k in 0..EDITS_PER_RUN {
                let client = edit_order(&mut orders, run * EDITS_PER_RUN + k);
                let own: Vec<&Order> = orders.iter().filter(|o| o.client_id == client).collect();
                data.update_one(&mut live, &client, &own);
            }
        },
    ));
    // The same with orders already grouped by client, which removes the scan of all orders.
    let mut by_client: HashMap<Id, Vec<Order>> = HashMap::new();
    for o in &data.orders {
        by_client
            .entry(o.client_id.clone())
            .or_default()
            .push(o.clone());
    }
    let mut with_orders: Vec<Id> = by_client.keys().cloned().collect();
    with_orders.sort();
    timings.push(measure(
        "edit 1 order: same, orders grouped by client",
        clock,
        runs,
        EDITS_PER_RUN,
        |run| {
            for k in 0..EDITS_PER_RUN {
                let edit = run * EDITS_PER_RUN + k;
                let client = &with_orders[(edit * 131) % with_orders.len()];
                if let Some(own) = by_client.get_mut(client) {
                    edit_order(own, edit);
                    let own: Vec<&Order> = own.iter().collect();
                    data.update_one(&mut live, client, &own);
                }
            }
        },
    ));

    Report {
        clients: data.clients.len(),
        clients_with_orders: index.len(),
        orders: data.orders.len(),
        lines: data.orders.iter().map(|o| o.lines.len()).sum(),
        eligible: eligible_clients(&data.rule, &index, today).len(),
        runs: runs.max(1),
        timings,
    }
}
