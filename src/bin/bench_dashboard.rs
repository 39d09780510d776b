//! Benchmark of the director's dashboard («Обзор») on 5 000 synthetic clients with 100 000
//! orders and 500 transfers: every period choice for the team and for one rep, and the two
//! figures that need the purchase-history index (the transfer queue's waits, the farmers' before
//! and after); and the parts that read the stage history and the plans (the funnel, plan against
//! fact, the forecast, sleeping and lost clients by month) on a history of four entries per deal,
//! every fourth deal closed, and a year of plans for every rep.
//!
//! Run natively with `cargo run --release --features testkit --bin bench_dashboard [RUNS]`. In
//! the wasm build this program is empty: the browser has no `Instant`.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use salesdesk::domain::dashboard::handover::{farmer_growth, queue_waits};
    use salesdesk::domain::dashboard::{
        dashboard, dashboard_in, Cutoffs, DashboardInput, DealHistories, PeriodChoice, SalesIndex,
        Scope,
    };
    use salesdesk::domain::orders::HistoryIndex;
    use salesdesk::testkit::bench_dashboard::{bench_today, dashboard_workspace};
    use std::hint::black_box;
    use std::time::Instant;

    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(11);
    let today = bench_today();
    let (ws, transfers) = dashboard_workspace();
    let rep = ws.members[1].id.clone();
    /// The fastest, the median and the slowest of `runs` runs of `f`, in milliseconds.
    fn time(runs: usize, mut f: impl FnMut()) -> String {
        let mut ms: Vec<f64> = (0..runs.max(1))
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed().as_secs_f64() * 1_000.0
            })
            .collect();
        ms.sort_by(f64::total_cmp);
        format!(
            "{:.1} / {:.1} / {:.1}",
            ms[0],
            ms[ms.len() / 2],
            ms[ms.len() - 1]
        )
    }
    println!(
        "dashboard: {} clients, {} orders, {} deals, {} assessments, {transfers} transfers, {} stage changes, {} plans; {runs} runs, min / median / max ms",
        ws.clients.len(),
        ws.orders.len(),
        ws.deals.len(),
        ws.assessments.len(),
        ws.stage_history.len(),
        ws.sales_plans.len()
    );
    let input = |period, scope| DashboardInput {
        period,
        scope,
        today,
        cutoffs: Cutoffs::default(),
        offset_minutes: 180,
    };
    let t = time(runs, || {
        black_box(SalesIndex::new(black_box(&ws)));
    });
    println!("  orders index build: {t}");
    let t = time(runs, || {
        black_box(DealHistories::new(black_box(&ws)));
    });
    println!("  stage histories build: {t}");
    let sales = SalesIndex::new(&ws);
    let histories = DealHistories::new(&ws);
    for period in PeriodChoice::PRESETS {
        for (who, scope) in [
            ("team", Scope::Team),
            ("one rep", Scope::Member(rep.clone())),
        ] {
            let t = time(runs, || {
                black_box(dashboard_in(
                    black_box(&ws),
                    &sales,
                    &histories,
                    &input(period, scope.clone()),
                ));
            });
            println!("  period change (indexes kept) {period:?}, {who}: {t}");
        }
    }
    for period in PeriodChoice::PRESETS {
        for (who, scope) in [
            ("team", Scope::Team),
            ("one rep", Scope::Member(rep.clone())),
        ] {
            let t = time(runs, || {
                black_box(dashboard(black_box(&ws), &input(period, scope.clone())));
            });
            println!("  dashboard with the indexes built {period:?}, {who}: {t}");
        }
    }
    {
        use salesdesk::domain::dashboard::abc_xyz::abc_xyz_in;
        use salesdesk::domain::dashboard::base_trend::base_trend_in;
        use salesdesk::domain::dashboard::funnel::funnel_in;
        use salesdesk::domain::dashboard::plan_fact::{forecast, plan_fact_in};
        use salesdesk::domain::dashboard::sales::{first_sales_in, monthly_sales_in};
        use salesdesk::domain::dashboard::Owners;
        let year = PeriodChoice::TwelveMonths.resolve(today);
        let t = time(runs, || {
            black_box(funnel_in(&ws, &histories, year, &Scope::Team, 180));
        });
        println!("  of which (indexes kept) funnel, 12 months, team: {t}");
        let t = time(runs, || {
            black_box(Owners::new(&ws));
        });
        println!("  of which owners (transfer log), team: {t}");
        let t = time(runs, || {
            let owners = Owners::new(&ws);
            black_box(monthly_sales_in(&sales, &owners, year, &Scope::Team));
        });
        println!("  of which monthly sales, 12 months, team: {t}");
        let t = time(runs, || {
            let cut = Cutoffs::default();
            black_box(abc_xyz_in(&ws, &sales, year, today, &Scope::Team, cut));
        });
        println!("  of which ABC × XYZ, 12 months, team: {t}");
        let t = time(runs, || {
            let owners = Owners::new(&ws);
            let first = first_sales_in(&ws, &sales, &owners, year, &Scope::Team);
            black_box(plan_fact_in(
                &ws,
                &sales,
                &owners,
                year,
                &Scope::Team,
                &first,
            ));
        });
        println!("  of which plan / fact (with first sales), 12 months, team: {t}");
        let t = time(runs, || {
            black_box(forecast(
                &ws,
                today,
                &Scope::Team,
                salesdesk::domain::Money::ZERO,
            ));
        });
        println!("  of which forecast, team: {t}");
        let t = time(runs, || {
            let owners = Owners::new(&ws);
            black_box(base_trend_in(&ws, &sales, &owners, year, &Scope::Team));
        });
        println!("  of which sleeping / lost by month, 12 months, team: {t}");
    }
    let t = time(runs, || {
        black_box(HistoryIndex::build(&ws.orders, &ws.products));
    });
    println!("  history index build: {t}");
    let index = HistoryIndex::build(&ws.orders, &ws.products);
    let t = time(runs, || {
        black_box(queue_waits(&ws, &index, today, &Scope::Team));
    });
    println!(
        "  transfer queue with waits ({} clients): {t}",
        queue_waits(&ws, &index, today, &Scope::Team).len()
    );
    let year = PeriodChoice::TwelveMonths.resolve(today);
    let t = time(runs, || {
        black_box(farmer_growth(&ws, &index, year, &Scope::Team));
    });
    println!("  farmers before / after, 12 months: {t}");
}
