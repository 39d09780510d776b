//! The funnel, plan against fact, the forecast and the client base over time against
//! hand-worked examples.

use super::*;
use crate::domain::dashboard::base_trend::base_trend;
use crate::domain::dashboard::funnel::{funnel, permille};
use crate::domain::dashboard::plan_fact::{forecast, percent, plan_fact};
use crate::domain::dates::Timestamp;
use crate::domain::deal_flow::{Closure, LostReason, LostReasonKey, StageChange, StageChangeKind};
use crate::domain::sales_plan::{PlanKind, SalesPlan};
use crate::domain::stage::StageKey;
use chrono::TimeZone;

fn at(m: u32, d: u32, h: u32, min: u32) -> Timestamp {
    let y = if m == 12 { 2025 } else { 2026 };
    chrono::Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
}

fn entry(
    id: &str,
    deal: &str,
    kind: StageChangeKind,
    to: StageKey,
    when: Timestamp,
) -> StageChange {
    StageChange {
        id: Id::from_raw(id),
        deal_id: Id::from_raw(deal),
        kind,
        from: None,
        to: to.default_id(),
        at: when,
        by: None,
        restored_at: None,
    }
}

/// d1 (Иван, 100 000 ₽): Лид 02.01 → Квалификация 05.01 → КП 12.01 → lost 20.01 (no budget).
/// d2 (Ольга, 250 000 ₽): КП 20.12.2025 → Переговоры 10.01 → Первая продажа 25.01 → won 26.01
/// for 240 000 ₽. d3 (Иван, 50 000 ₽): created in Лид on 31.01 at 22:30 UTC, open.
fn history_workspace() -> Workspace {
    use StageChangeKind::*;
    use StageKey::*;
    let mut ws = small_workspace();
    ws.stage_history = vec![
        entry("e1", "d1", Created, Lead, at(1, 2, 10, 0)),
        entry("e2", "d1", Moved, Qualification, at(1, 5, 10, 0)),
        entry("e3", "d1", Moved, Proposal, at(1, 12, 10, 0)),
        entry("e4", "d1", Lost, Proposal, at(1, 20, 10, 0)),
        entry("e5", "d2", Created, Proposal, at(12, 20, 10, 0)),
        entry("e6", "d2", Moved, Negotiation, at(1, 10, 10, 0)),
        entry("e7", "d2", Moved, FirstSale, at(1, 25, 10, 0)),
        entry("e8", "d2", Won, FirstSale, at(1, 26, 10, 0)),
        entry("e9", "d3", Created, Lead, at(1, 31, 22, 30)),
    ];
    // Plain field writes: the figures read the records, the workspace's checks are not tested.
    for d in &mut ws.deals {
        d.closed = match d.id.as_str() {
            "d1" => Some(Closure::Lost {
                reason: LostReason::builtin(LostReasonKey::NoBudget),
                note: String::new(),
                at: at(1, 20, 10, 0),
            }),
            "d2" => Some(Closure::Won {
                amount: rub(240_000),
                order_id: None,
                at: at(1, 26, 10, 0),
            }),
            _ => None,
        };
    }
    ws
}

#[test]
fn the_funnel_of_a_month_counts_reached_stages_conversion_days_and_reasons() {
    let ws = history_workspace();
    let jan = period(day(2026, 1, 1), day(2026, 1, 31));
    let f = funnel(&ws, jan, &Scope::Team, 0);
    let reached: Vec<u32> = f.stages.iter().map(|s| s.reached).collect();
    assert_eq!(reached, [3, 2, 2, 2, 1, 1, 1]);
    assert_eq!(f.stages[0].amount, rub(400_000));
    assert_eq!(f.stages[3].amount, rub(350_000));
    let next: Vec<Option<u32>> = f.stages.iter().map(|s| s.to_next_permille).collect();
    assert_eq!(
        next,
        [
            Some(667),
            Some(1000),
            Some(1000),
            Some(500),
            Some(1000),
            Some(1000),
            None
        ]
    );
    assert_eq!(f.overall_permille(), Some(333));
    // Stays that ended in January: Лид 3 days, Квалификация 7, КП 8 and 21 (lower middle 8),
    // Переговоры 15, Первая продажа 1 (won the next day).
    let medians: Vec<Option<u32>> = f.stages.iter().map(|s| s.median_days).collect();
    assert_eq!(
        medians,
        [Some(3), Some(7), None, Some(8), Some(15), None, Some(1)]
    );
    assert_eq!((f.won, f.won_amount), (1, rub(240_000)));
    assert_eq!(f.lost.len(), 1);
    assert_eq!(f.lost[0].reason.key, Some(LostReasonKey::NoBudget));
    assert_eq!((f.lost[0].deals, f.lost[0].amount), (1, rub(100_000)));
    let hunters: Vec<(&str, u32, u32, u32, u32)> = f
        .hunters
        .iter()
        .map(|h| (h.member_id.as_str(), h.leads, h.first_sales, h.won, h.lost))
        .collect();
    assert_eq!(hunters, [("ivan", 2, 0, 0, 1), ("olga", 1, 1, 1, 0)]);
}

#[test]
fn the_funnel_follows_month_boundaries_in_local_time() {
    let ws = history_workspace();
    let jan = period(day(2026, 1, 1), day(2026, 1, 31));
    let feb = period(day(2026, 2, 1), day(2026, 2, 28));
    // 31.01 22:30 UTC is already 01.02 in Moscow: d3 leaves January for February.
    assert_eq!(funnel(&ws, jan, &Scope::Team, 180).stages[0].reached, 2);
    assert_eq!(funnel(&ws, feb, &Scope::Team, 180).stages[0].reached, 1);
    assert_eq!(funnel(&ws, feb, &Scope::Team, 0).stages[0].reached, 0);
}

#[test]
fn an_empty_period_and_a_rep_with_no_deals_give_zeros_not_errors() {
    let ws = history_workspace();
    let empty = funnel(
        &ws,
        period(day(2024, 3, 1), day(2024, 3, 31)),
        &Scope::Team,
        0,
    );
    assert!(empty
        .stages
        .iter()
        .all(|s| s.reached == 0 && s.to_next_permille.is_none()));
    assert!(empty.stages.iter().all(|s| s.median_days.is_none()));
    assert_eq!(empty.overall_permille(), None);
    assert!(empty.lost.is_empty());
    assert_eq!(empty.hunters.len(), 2, "hunters are listed with zeros");
    let farmer = funnel(
        &ws,
        period(day(2026, 1, 1), day(2026, 1, 31)),
        &member_scope("anna"),
        0,
    );
    assert!(farmer.stages.iter().all(|s| s.reached == 0));
    assert!(farmer.hunters.is_empty() && farmer.won == 0);
    assert_eq!(permille(1, 3), Some(333));
    assert_eq!(permille(2, 3), Some(667));
    assert_eq!(permille(0, 0), None);
}

fn plan(member: &str, y: i32, m: u32, kind: PlanKind, target: i64) -> SalesPlan {
    SalesPlan::new(Id::from_raw(member), ym(y, m), kind, target, t0())
}

#[test]
fn plan_against_fact_per_rep_and_month_and_to_date() {
    let mut ws = sales_workspace();
    // c1 goes to Анна on 10.01: its order of 20.01 is her revenue, 05.01 stays Иван's first sale.
    ws.transfers
        .push(transfer("t1", "c1", "ivan", "anna", day(2026, 1, 10)));
    ws.sales_plans = vec![
        plan("ivan", 2026, 1, PlanKind::FirstSalesCount, 2),
        plan("ivan", 2026, 1, PlanKind::FirstSalesAmount, 200_000),
        plan("olga", 2026, 2, PlanKind::FirstSalesAmount, 200_000),
        plan("anna", 2026, 1, PlanKind::Revenue, 100_000),
    ];
    let p = period(day(2026, 1, 1), day(2026, 2, 28));
    let owners = Owners::new(&ws);
    let first = first_sales(&ws, &owners, p, &Scope::Team);
    let pf = plan_fact(&ws, &owners, p, &Scope::Team, &first);
    assert_eq!(pf.months, [ym(2026, 1), ym(2026, 2)]);
    let row = |who: &str, kind| {
        pf.rows
            .iter()
            .find(|r| r.member_id.as_str() == who && r.kind == kind)
            .unwrap()
    };
    let count = row("ivan", PlanKind::FirstSalesCount);
    assert_eq!(
        (count.plan.clone(), count.fact.clone()),
        (vec![2, 0], vec![1, 0])
    );
    assert_eq!(count.totals(), (2, 1));
    let amount = row("ivan", PlanKind::FirstSalesAmount);
    assert_eq!(amount.fact, [100_000, 0]);
    let olga = row("olga", PlanKind::FirstSalesAmount);
    assert_eq!(olga.fact, [0, 225_000]);
    let (plan_total, fact_total) = olga.totals();
    assert_eq!(percent(plan_total, fact_total), Some(113));
    let anna = row("anna", PlanKind::Revenue);
    assert_eq!(
        (anna.plan.clone(), anna.fact.clone()),
        (vec![100_000, 0], vec![50_000, 0])
    );
    assert_eq!(percent(100_000, 50_000), Some(50));
    assert_eq!(percent(0, 50_000), None, "no plan, no percentage");
    // Two hunters × two measures, one farmer × one.
    assert_eq!(pf.rows.len(), 5);
    // One rep: only their rows.
    let scoped = plan_fact(&ws, &owners, p, &member_scope("anna"), &[]);
    assert_eq!(scoped.rows.len(), 1);
}

#[test]
fn all_revenue_in_one_month_and_an_empty_period() {
    let ws = sales_workspace();
    let p = period(day(2026, 2, 1), day(2026, 2, 28));
    let owners = Owners::new(&ws);
    let first = first_sales(&ws, &owners, p, &Scope::Team);
    let pf = plan_fact(&ws, &owners, p, &Scope::Team, &first);
    let olga = pf
        .rows
        .iter()
        .find(|r| r.member_id.as_str() == "olga" && r.kind == PlanKind::FirstSalesAmount)
        .unwrap();
    assert_eq!(olga.fact, [225_000]);
    let empty = period(day(2024, 5, 1), day(2024, 5, 31));
    let pf = plan_fact(
        &ws,
        &owners,
        empty,
        &Scope::Team,
        &first_sales(&ws, &owners, empty, &Scope::Team),
    );
    assert!(pf.rows.iter().all(|r| r.totals() == (0, 0)));
}

#[test]
fn the_forecast_weights_open_deals_by_the_directors_probabilities() {
    let mut ws = small_workspace();
    // Open: Лид 100 000 × 5 %, КП 250 000 × 40 %, Переговоры 50 000 × 60 %.
    let f = forecast(&ws, day(2026, 1, 15), &Scope::Team, rub(10_000));
    assert_eq!(f.weighted, rub(5_000 + 100_000 + 30_000));
    assert_eq!(f.total(), rub(145_000));
    assert_eq!(f.plan, Money::ZERO);
    let lead = StageKey::Lead.default_id();
    for p in &mut ws.pipeline_settings.stage_probabilities {
        if p.stage_id == lead {
            p.percent = 50;
        }
    }
    ws.sales_plans = vec![plan(
        "ivan",
        2026,
        1,
        PlanKind::FirstSalesAmount,
        30_000_000,
    )];
    let ivan = forecast(&ws, day(2026, 1, 15), &member_scope("ivan"), Money::ZERO);
    // Иван: Лид 100 000 × 50 % + Переговоры 50 000 × 60 %.
    assert_eq!(ivan.weighted, rub(80_000));
    assert_eq!(ivan.plan, rub(300_000));
    let farmer = forecast(&ws, day(2026, 1, 15), &member_scope("anna"), Money::ZERO);
    assert_eq!((farmer.weighted, farmer.plan), (Money::ZERO, Money::ZERO));
    // Once c1 has ordered, its deals (d1, d3) are no first sale to come.
    ws.orders
        .push(order_on("o1", "c1", 1_000, day(2026, 1, 10)));
    // As the workspace's order operation marks it.
    for c in ws.clients.iter_mut().filter(|c| c.id.as_str() == "c1") {
        c.status = crate::domain::ClientStatus::New;
    }
    let after = forecast(&ws, day(2026, 1, 15), &member_scope("ivan"), Money::ZERO);
    assert_eq!(after.weighted, Money::ZERO);
}

#[test]
fn one_client_sleeps_then_is_lost_by_month_ends() {
    let mut ws = catalogue_workspace();
    ws.orders
        .push(order_on("o1", "c1", 1_000, day(2025, 1, 10)));
    let owners = Owners::new(&ws);
    let p = period(day(2025, 6, 1), day(2026, 1, 31));
    let rows: Vec<(u32, u32)> = base_trend(&ws, &owners, p, &Scope::Team)
        .iter()
        .map(|m| (m.sleeping, m.lost))
        .collect();
    // 30.06: 171 days (active); 31.07 … 31.12: 202 … 355 days (sleeping); 31.01: 386 (lost).
    assert_eq!(
        rows,
        [
            (0, 0),
            (1, 0),
            (1, 0),
            (1, 0),
            (1, 0),
            (1, 0),
            (1, 0),
            (0, 1)
        ]
    );
    // A period ending mid-month counts on its last day: 09.01.2026 is 364 days, still sleeping.
    let short = base_trend(
        &ws,
        &owners,
        period(day(2026, 1, 1), day(2026, 1, 9)),
        &Scope::Team,
    );
    assert_eq!(
        (short[0].on, short[0].sleeping, short[0].lost),
        (day(2026, 1, 9), 1, 0)
    );
    // Another rep's client does not count for Ольга.
    let olga = base_trend(&ws, &owners, p, &member_scope("olga"));
    assert!(olga.iter().all(|m| m.sleeping + m.lost == 0));
}
