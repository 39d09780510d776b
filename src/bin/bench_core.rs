//! Benchmark of the orders core: history index, transfer rule, farmer metrics, full and
//! incremental recompute, on 5 000 synthetic clients with 100 000 orders.
//!
//! Run natively with `cargo run --release --bin bench_core`. In the wasm build it is an empty
//! program (the browser has no `Instant`); the data generator lives in the library
//! (`domain::orders::synth`) so that a later in-browser benchmark can reuse it.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::run();
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use chrono::{Duration, NaiveDate};
    use salesdesk::domain::dates::timestamp_from_millis;
    use salesdesk::domain::metrics::{
        client_metrics, ActivityThresholds, ClientMetrics, MetricsContext, Period,
    };
    use salesdesk::domain::orders::synth::{synth_catalog, synth_client_ids, synth_orders};
    use salesdesk::domain::orders::{ClientHistory, HistoryIndex, Order, Product};
    use salesdesk::domain::transfer::{
        eligible_clients, evaluate, Combinator, Condition, TransferRule,
    };
    use salesdesk::domain::{Id, Money};
    use std::collections::{HashMap, HashSet};
    use std::hint::black_box;
    use std::time::{Duration as Elapsed, Instant};

    const CLIENTS: usize = 5_000;
    const ORDERS: usize = 100_000;
    const RUNS: usize = 21;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a valid date")
    }

    /// Runs `f` `RUNS` times; returns (median, min).
    fn measure(mut f: impl FnMut(usize)) -> (Elapsed, Elapsed) {
        let mut times: Vec<Elapsed> = (0..RUNS)
            .map(|run| {
                let start = Instant::now();
                f(run);
                start.elapsed()
            })
            .collect();
        times.sort();
        (times[RUNS / 2], times[0])
    }

    fn ms(t: Elapsed) -> String {
        format!("{:.3}", t.as_secs_f64() * 1_000.0)
    }

    struct Data {
        clients: Vec<Id>,
        products: Vec<Product>,
        offered: HashSet<Id>,
        orders: Vec<Order>,
        rule: TransferRule,
        period: Period,
    }

    fn all_metrics(data: &Data, index: &HistoryIndex) -> Vec<ClientMetrics> {
        let ctx = MetricsContext {
            offered_groups: &data.offered,
            thresholds: ActivityThresholds::default(),
        };
        data.clients
            .iter()
            .map(|id| {
                let estimate = Some(Money::from_rubles(5_000_000));
                match index.get(id) {
                    Some(h) => client_metrics(h, data.period, &ctx, estimate),
                    None => client_metrics(
                        &ClientHistory::empty(id.clone()),
                        data.period,
                        &ctx,
                        estimate,
                    ),
                }
            })
            .collect()
    }

    /// Edits one order (a different one each run): a day or more earlier and 1 ₽ more on its
    /// first line, as saving an edited copy over it would. Returns the order's client.
    fn edit_order(orders: &mut [Order], run: usize) -> Id {
        let n = (run * 7_919) % orders.len();
        let o = &mut orders[n];
        o.date -= Duration::days(1 + (run % 5) as i64);
        o.lines[0].amount = Money::from_kopecks(o.lines[0].amount.kopecks() + 100);
        o.client_id.clone()
    }

    pub fn run() {
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
        let data = Data {
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
            period: Period::new(date(2025, 3, 11), today).expect("from ≤ to"),
            clients,
            products,
            orders,
        };
        let lines: usize = data.orders.iter().map(|o| o.lines.len()).sum();
        let index = HistoryIndex::build(&data.orders, &data.products);
        println!(
            "data: {} clients ({} with orders), {} orders, {} lines, {} products in {} groups",
            data.clients.len(),
            index.len(),
            data.orders.len(),
            lines,
            data.products.len(),
            groups.len()
        );
        println!(
            "rule: ALL(orders ≥ 3, volume ≥ 250 000 ₽ in 12 months, ≥ 10 000 ₽ in each of 3 months) \
             → {} eligible as of {today}",
            eligible_clients(&data.rule, &index, today).len()
        );
        println!(
            "metrics period: {} – {today}; {RUNS} runs each\n",
            data.period.from()
        );

        let mut rows: Vec<(&str, (Elapsed, Elapsed))> = Vec::new();
        rows.push((
            "build HistoryIndex (100k orders)",
            measure(|_| {
                black_box(HistoryIndex::build(black_box(&data.orders), &data.products));
            }),
        ));
        rows.push((
            "evaluate 3-condition ALL rule, all clients",
            measure(|_| {
                black_box(eligible_clients(&data.rule, black_box(&index), today));
            }),
        ));
        rows.push((
            "metrics for all 5 000 clients",
            measure(|_| {
                black_box(all_metrics(&data, black_box(&index)));
            }),
        ));
        rows.push((
            "full recompute (build + rule + metrics)",
            measure(|_| {
                let fresh = HistoryIndex::build(black_box(&data.orders), &data.products);
                black_box(eligible_clients(&data.rule, &fresh, today));
                black_box(all_metrics(&data, &fresh));
            }),
        ));

        // The incremental path as the Workspace would run it today: orders in one Vec, so the
        // client's orders are found by a scan.
        let mut orders = data.orders.clone();
        let mut live = index.clone();
        let ctx = MetricsContext {
            offered_groups: &data.offered,
            thresholds: ActivityThresholds::default(),
        };
        rows.push((
            "incremental: edit 1 order, scan, update, re-evaluate",
            measure(|run| {
                let client = edit_order(&mut orders, run);
                let of_client = orders.iter().filter(|o| o.client_id == client);
                live.update_client(&client, of_client, &data.products);
                let h = live.get(&client).expect("the client has orders");
                black_box(evaluate(&data.rule, h, today));
                black_box(client_metrics(h, data.period, &ctx, None));
            }),
        ));
        // The same with orders kept grouped by client, which removes the 100k-order scan.
        let mut by_client: HashMap<Id, Vec<Order>> = HashMap::new();
        for o in &data.orders {
            by_client
                .entry(o.client_id.clone())
                .or_default()
                .push(o.clone());
        }
        let clients_with_orders: Vec<Id> = {
            let mut ids: Vec<Id> = by_client.keys().cloned().collect();
            ids.sort();
            ids
        };
        rows.push((
            "incremental: same, orders grouped by client",
            measure(|run| {
                let client = &clients_with_orders[(run * 131) % clients_with_orders.len()];
                let own = by_client.get_mut(client).expect("grouped");
                edit_order(own, run);
                live.update_client(client, own.iter(), &data.products);
                let h = live.get(client).expect("the client has orders");
                black_box(evaluate(&data.rule, h, today));
                black_box(client_metrics(h, data.period, &ctx, None));
            }),
        ));

        println!("{:<54} {:>12} {:>12}", "step", "median, ms", "min, ms");
        println!("{}", "-".repeat(80));
        for (name, (median, min)) in rows {
            println!("{name:<54} {:>12} {:>12}", ms(median), ms(min));
        }
    }
}
