//! The dashboard benchmark's data and its browser run: 5 000 synthetic clients with 100 000
//! orders, 500 transfers, four stage-history entries per deal and a year of plans
//! ([`dashboard_workspace`]), and the dashboard's computation per period choice timed with a
//! clock the caller gives ([`run`]: `performance.now()` in `src/bin/bench_wasm.rs`). The native
//! program `src/bin/bench_dashboard.rs` uses the same data.

use crate::domain::dashboard::{
    dashboard, dashboard_in, Cutoffs, DashboardInput, DealHistories, PeriodChoice, SalesIndex,
    Scope,
};
use crate::domain::dates::Timestamp;
use crate::domain::workspace::Workspace;
use crate::testkit::synth_workspace::{add_transfers, synth_workspace};
use chrono::{NaiveDate, TimeZone, Utc};
use serde::Serialize;
use std::hint::black_box;

/// The benchmark's "today".
pub fn bench_today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 10).unwrap_or_default()
}

/// The benchmark's "now" (noon UTC of [`bench_today`]).
pub fn bench_now() -> Timestamp {
    Utc.with_ymd_and_hms(2026, 3, 10, 12, 0, 0)
        .single()
        .unwrap_or_default()
}

/// The full-size workspace of the dashboard benchmark; returns it with its transfer count.
pub fn dashboard_workspace() -> (Workspace, usize) {
    let today = bench_today();
    let now = bench_now();
    let mut ws = synth_workspace(2026, 5_000, 100_000, today);
    let transfers = add_transfers(&mut ws, 500, today, now);
    enrich(&mut ws, now);
    (ws, transfers)
}

/// Every deal walks three more stages over the past year (four entries in all), every fourth
/// deal is closed (won and lost in turn), and every rep has a year of plans.
pub fn enrich(ws: &mut Workspace, now: Timestamp) {
    use crate::domain::deal_flow::{
        Closure, LostReason, LostReasonKey, StageChange, StageChangeKind,
    };
    use crate::domain::orders::calendar::YearMonth;
    use crate::domain::sales_plan::{PlanKind, SalesPlan};
    use crate::domain::{Id, StageKey};
    use chrono::Duration;
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

/// One measured step, in milliseconds.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Timing {
    /// What was measured.
    pub step: String,
    /// The fastest run.
    pub min_ms: f64,
    /// The median run.
    pub median_ms: f64,
    /// The slowest run.
    pub max_ms: f64,
}

/// What [`run`] measured.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    /// Clients, orders, deals, stage changes, transfers.
    pub data: String,
    /// Runs per step.
    pub runs: usize,
    /// The steps in the order they ran.
    pub timings: Vec<Timing>,
}

/// Times `f` `runs` times with `clock`.
fn measure(step: String, clock: fn() -> f64, runs: usize, mut f: impl FnMut()) -> Timing {
    let mut ms: Vec<f64> = (0..runs.max(1))
        .map(|_| {
            let start = clock();
            f();
            clock() - start
        })
        .collect();
    ms.sort_by(f64::total_cmp);
    Timing {
        step,
        min_ms: ms[0],
        median_ms: ms[ms.len() / 2],
        max_ms: ms[ms.len() - 1],
    }
}

/// Builds the workspace and times, `runs` times each: the orders index; the dashboard for every
/// preset period, for the team and for one rep, with the index kept (a period change on the
/// screen); and the whole dashboard with the index built (the data changed), 12 months.
pub fn run(clock: fn() -> f64, runs: usize) -> Report {
    let (ws, transfers) = dashboard_workspace();
    let today = bench_today();
    let rep = ws.members[1].id.clone();
    let input = |period, scope| DashboardInput {
        period,
        scope,
        today,
        cutoffs: Cutoffs::default(),
        offset_minutes: 180,
    };
    let mut timings = vec![measure(
        "orders index build".to_owned(),
        clock,
        runs,
        || {
            black_box(SalesIndex::new(black_box(&ws)));
        },
    )];
    timings.push(measure(
        "stage histories build".to_owned(),
        clock,
        runs,
        || {
            black_box(DealHistories::new(black_box(&ws)));
        },
    ));
    let index = SalesIndex::new(&ws);
    let histories = DealHistories::new(&ws);
    for period in PeriodChoice::PRESETS {
        for (who, scope) in [
            ("team", Scope::Team),
            ("one rep", Scope::Member(rep.clone())),
        ] {
            let input = input(period, scope);
            timings.push(measure(
                format!("period change: dashboard {period:?}, {who}"),
                clock,
                runs,
                || {
                    black_box(dashboard_in(black_box(&ws), &index, &histories, &input));
                },
            ));
        }
    }
    let year = input(PeriodChoice::TwelveMonths, Scope::Team);
    timings.push(measure(
        "data change: indexes + dashboard TwelveMonths, team".to_owned(),
        clock,
        runs,
        || {
            black_box(dashboard(black_box(&ws), &year));
        },
    ));
    Report {
        data: format!(
            "{} clients, {} orders, {} deals, {} stage changes, {transfers} transfers",
            ws.clients.len(),
            ws.orders.len(),
            ws.deals.len(),
            ws.stage_history.len()
        ),
        runs: runs.max(1),
        timings,
    }
}
