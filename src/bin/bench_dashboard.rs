//! Benchmark of the director's dashboard («Обзор») on 5 000 synthetic clients with 100 000
//! orders and 500 transfers: every period choice for the team and for one rep, and the two
//! figures that need the purchase-history index (the transfer queue's waits, the farmers' before
//! and after).
//!
//! Run natively with `cargo run --release --features testkit --bin bench_dashboard [RUNS]`. In
//! the wasm build this program is empty: the browser has no `Instant`.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use chrono::{NaiveDate, TimeZone, Utc};
    use salesdesk::domain::dashboard::handover::{farmer_growth, queue_waits};
    use salesdesk::domain::dashboard::{dashboard, Cutoffs, DashboardInput, PeriodChoice, Scope};
    use salesdesk::domain::orders::HistoryIndex;
    use salesdesk::testkit::synth_workspace::{add_transfers, synth_workspace};
    use std::hint::black_box;
    use std::time::Instant;

    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(11);
    let today = NaiveDate::from_ymd_opt(2026, 3, 10).expect("a date");
    let now = Utc.with_ymd_and_hms(2026, 3, 10, 12, 0, 0).unwrap();
    let mut ws = synth_workspace(2026, 5_000, 100_000, today);
    let transfers = add_transfers(&mut ws, 500, today, now);
    let rep = ws.members[1].id.clone();
    /// The median and the fastest of `runs` runs of `f`, in milliseconds.
    fn time(runs: usize, mut f: impl FnMut()) -> (f64, f64) {
        let mut ms: Vec<f64> = (0..runs.max(1))
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed().as_secs_f64() * 1_000.0
            })
            .collect();
        ms.sort_by(f64::total_cmp);
        (ms[ms.len() / 2], ms[0])
    }
    println!(
        "dashboard: {} clients, {} orders, {} deals, {} assessments, {transfers} transfers; {runs} runs, median / min ms",
        ws.clients.len(),
        ws.orders.len(),
        ws.deals.len(),
        ws.assessments.len()
    );
    let input = |period, scope| DashboardInput {
        period,
        scope,
        today,
        cutoffs: Cutoffs::default(),
        offset_minutes: 180,
    };
    for period in PeriodChoice::PRESETS {
        for (who, scope) in [
            ("team", Scope::Team),
            ("one rep", Scope::Member(rep.clone())),
        ] {
            let (median, min) = time(runs, || {
                black_box(dashboard(black_box(&ws), &input(period, scope.clone())));
            });
            println!("  dashboard {period:?}, {who}: {median:.1} / {min:.1}");
        }
    }
    let (median, min) = time(runs, || {
        black_box(HistoryIndex::build(&ws.orders, &ws.products));
    });
    println!("  history index build: {median:.1} / {min:.1}");
    let index = HistoryIndex::build(&ws.orders, &ws.products);
    let (median, min) = time(runs, || {
        black_box(queue_waits(&ws, &index, today, &Scope::Team));
    });
    println!(
        "  transfer queue with waits ({} clients): {median:.1} / {min:.1}",
        queue_waits(&ws, &index, today, &Scope::Team).len()
    );
    let year = PeriodChoice::TwelveMonths.resolve(today);
    let (median, min) = time(runs, || {
        black_box(farmer_growth(&ws, &index, year, &Scope::Team));
    });
    println!("  farmers before / after, 12 months: {median:.1} / {min:.1}");
}
