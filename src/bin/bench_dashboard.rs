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
    enrich(&mut ws, now);
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
        "dashboard: {} clients, {} orders, {} deals, {} assessments, {transfers} transfers, {} stage changes, {} plans; {runs} runs, median / min ms",
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
    {
        use salesdesk::domain::dashboard::base_trend::base_trend;
        use salesdesk::domain::dashboard::funnel::funnel;
        use salesdesk::domain::dashboard::plan_fact::{forecast, plan_fact};
        use salesdesk::domain::dashboard::sales::first_sales;
        use salesdesk::domain::dashboard::Owners;
        let year = PeriodChoice::TwelveMonths.resolve(today);
        let (median, min) = time(runs, || {
            black_box(funnel(&ws, year, &Scope::Team, 180));
        });
        println!("  of which funnel, 12 months, team: {median:.1} / {min:.1}");
        let (median, min) = time(runs, || {
            let owners = Owners::new(&ws);
            let first = first_sales(&ws, &owners, year, &Scope::Team);
            black_box(plan_fact(&ws, &owners, year, &Scope::Team, &first));
        });
        println!(
            "  of which plan / fact (with first sales), 12 months, team: {median:.1} / {min:.1}"
        );
        let (median, min) = time(runs, || {
            black_box(forecast(
                &ws,
                today,
                &Scope::Team,
                salesdesk::domain::Money::ZERO,
            ));
        });
        println!("  of which forecast, team: {median:.1} / {min:.1}");
        let (median, min) = time(runs, || {
            black_box(base_trend(&ws, &Owners::new(&ws), year, &Scope::Team));
        });
        println!("  of which sleeping / lost by month, 12 months, team: {median:.1} / {min:.1}");
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

/// Every deal walks three more stages over the past year (four entries in all), every fourth
/// deal is closed (won and lost in turn), and every rep has a year of plans.
#[cfg(not(target_arch = "wasm32"))]
fn enrich(ws: &mut salesdesk::domain::Workspace, now: salesdesk::domain::dates::Timestamp) {
    use chrono::Duration;
    use salesdesk::domain::deal_flow::{
        Closure, LostReason, LostReasonKey, StageChange, StageChangeKind,
    };
    use salesdesk::domain::orders::calendar::YearMonth;
    use salesdesk::domain::sales_plan::{PlanKind, SalesPlan};
    use salesdesk::domain::{Id, StageKey};
    let pipeline = StageKey::DEFAULT_PIPELINE;
    for (i, deal) in ws.deals.iter_mut().enumerate() {
        for step in 1..=3usize {
            let at = now - Duration::days(((i * 7 + step * 40) % 360) as i64);
            ws.stage_history.push(StageChange {
                id: Id::from_raw(format!("{}-step{step}", deal.id)),
                deal_id: deal.id.clone(),
                kind: StageChangeKind::Moved,
                from: None,
                to: pipeline[(i + step) % pipeline.len()].default_id(),
                at,
                by: None,
                restored_at: None,
            });
        }
        if i % 4 == 0 {
            let at = now - Duration::days((i % 300) as i64);
            deal.closed = Some(if i % 8 == 0 {
                Closure::Won {
                    amount: deal.amount,
                    order_id: None,
                    at,
                }
            } else {
                let key = LostReasonKey::DEFAULTS[i % LostReasonKey::DEFAULTS.len()];
                Closure::Lost {
                    reason: LostReason::builtin(key),
                    note: String::new(),
                    at,
                }
            });
        }
    }
    let mut month = YearMonth::of(now.date_naive());
    for _ in 0..12 {
        for m in &ws.members {
            for kind in PlanKind::ALL {
                ws.sales_plans
                    .push(SalesPlan::new(m.id.clone(), month, kind, 1_000_000, now));
            }
        }
        month = month.prev();
    }
}
