//! The demo's closed deals and plans: the regular clients' first sales as won deals (their
//! hunter, their first order's day and total), lost deals spread over the last half year with
//! the usual reasons, each with its way through the stages; and monthly targets for every rep
//! from five months ago to two months ahead, so the funnel, plan against fact and the forecast
//! all have something to show.

use super::super::dates::Timestamp;
use super::super::deal::Deal;
use super::super::deal_flow::{Closure, LostReason, LostReasonKey, StageChange, StageChangeKind};
use super::super::ids::Id;
use super::super::money::Money;
use super::super::orders::calendar::YearMonth;
use super::super::sales_plan::{PlanKind, SalesPlan};
use super::super::stage::StageKey;
use super::super::team::Role;
use super::super::workspace::Workspace;
use chrono::{Duration, NaiveDate, TimeZone};

/// Lost deals: (client index, stages reached past the lead, days ago lost, days worked).
const LOST: [(usize, usize, i64, i64); 8] = [
    (0, 1, 12, 20),
    (1, 3, 35, 40),
    (2, 2, 58, 30),
    (3, 4, 80, 55),
    (5, 1, 101, 25),
    (6, 3, 125, 45),
    (7, 2, 150, 35),
    (8, 4, 170, 60),
];

/// The deal's way from «Лид» to stage `top`, then closed at `end` (`kind` won or lost).
fn walk(
    deal: &Deal,
    top: usize,
    start: Timestamp,
    end: Timestamp,
    kind: StageChangeKind,
) -> Vec<StageChange> {
    let stages = StageKey::DEFAULT_PIPELINE;
    let span = (end - start).num_minutes().max(1);
    let steps = top as i64 + 1;
    let entry = |n: usize, kind, from: Option<usize>, to: usize, at| StageChange {
        id: Id::from_raw(format!("{}-h{n}", deal.id)),
        deal_id: deal.id.clone(),
        kind,
        from: from.map(|f| stages[f].default_id()),
        to: stages[to].default_id(),
        at,
        by: Some(deal.owner_id.clone()),
        restored_at: None,
    };
    let mut out = vec![entry(0, StageChangeKind::Created, None, 0, start)];
    for j in 1..=top {
        let at = start + Duration::minutes(span * j as i64 / steps);
        out.push(entry(j, StageChangeKind::Moved, Some(j - 1), j, at));
    }
    out.push(entry(top + 1, kind, None, top, end));
    out
}

/// 10:00 Moscow time on `day`: business events happen in office hours.
fn office(day: NaiveDate) -> Timestamp {
    chrono::Utc.from_utc_datetime(&day.and_hms_opt(7, 0, 0).expect("a time"))
}

/// Won deals for the regular clients without a deal, lost deals for some hunters' clients.
pub(super) fn add_closed_deals(ws: &mut Workspace, today: NaiveDate, now: Timestamp) {
    let mut added = Vec::new();
    for client in ws
        .clients
        .iter()
        .filter(|c| !ws.deals.iter().any(|d| d.client_id == c.id))
    {
        let mut orders: Vec<_> = ws
            .orders
            .iter()
            .filter(|o| o.client_id == client.id)
            .collect();
        crate::domain::sort::sort_by_key(&mut orders, |o| o.date);
        let Some(first) = orders.first() else {
            continue;
        };
        let hunter = ws
            .transfers
            .iter()
            .find(|t| t.client_id == client.id)
            .map_or(client.owner_id.clone(), |t| t.from_member_id.clone());
        let total: Money = orders
            .iter()
            .filter(|o| o.date == first.date)
            .map(|o| o.total())
            .sum();
        let won_at = office(first.date).min(now);
        let start = won_at - Duration::days(45);
        let deal = Deal {
            id: Id::from_raw(format!("{}-won", client.id)),
            client_id: client.id.clone(),
            title: "Первая поставка".to_owned(),
            stage_id: StageKey::FirstSale.default_id(),
            amount: total,
            owner_id: hunter,
            next_step: String::new(),
            next_step_date: None,
            checklist_done: Vec::new(),
            closed: Some(Closure::Won {
                amount: total,
                order_id: Some(first.id.clone()),
                at: won_at,
            }),
            created_at: start,
            updated_at: now,
            stamps: Default::default(),
        };
        added.push((walk(&deal, 6, start, won_at, StageChangeKind::Won), deal));
    }
    for (n, &(index, top, ago, worked)) in LOST.iter().enumerate() {
        let Some(client) = ws.clients.get(index) else {
            continue;
        };
        let lost_at = office(today - Duration::days(ago)).min(now);
        let start = lost_at - Duration::days(worked);
        let deal = Deal {
            id: Id::from_raw(format!("demo-lost{:02}", n + 1)),
            client_id: client.id.clone(),
            title: "Пробная партия (прошлый запрос)".to_owned(),
            stage_id: StageKey::DEFAULT_PIPELINE[top].default_id(),
            amount: Money::from_rubles(150_000 + n as i64 * 45_000),
            owner_id: client.owner_id.clone(),
            next_step: String::new(),
            next_step_date: None,
            checklist_done: Vec::new(),
            closed: Some(Closure::Lost {
                reason: LostReason::builtin(
                    LostReasonKey::DEFAULTS[n % LostReasonKey::DEFAULTS.len()],
                ),
                note: String::new(),
                at: lost_at,
            }),
            created_at: start,
            updated_at: now,
            stamps: Default::default(),
        };
        added.push((
            walk(&deal, top, start, lost_at, StageChangeKind::Lost),
            deal,
        ));
    }
    for (history, deal) in added {
        ws.stage_history.extend(history);
        ws.deals.push(deal);
    }
}

/// Monthly targets from five months ago to two ahead: hunters two or three first sales for
/// 400 000 – 700 000 ₽, farmers 900 000 – 1 300 000 ₽ of their clients' revenue.
pub(super) fn add_plans(ws: &mut Workspace, today: NaiveDate, now: Timestamp) {
    let mut month = YearMonth::of(today);
    for _ in 0..5 {
        month = month.prev();
    }
    let reps: Vec<(Id, Role)> = ws
        .members
        .iter()
        .map(|m| (m.id.clone(), m.role()))
        .collect();
    for step in 0..8i64 {
        for (k, (id, role)) in reps.iter().enumerate() {
            let k = k as i64;
            let targets: &[(PlanKind, i64)] = match role {
                Role::Hunter => &[
                    (PlanKind::FirstSalesCount, 2 + (k + step) % 2),
                    (
                        PlanKind::FirstSalesAmount,
                        (400_000 + ((k + step) % 4) * 100_000) * 100,
                    ),
                ],
                Role::Farmer => &[(
                    PlanKind::Revenue,
                    (900_000 + ((k + step) % 5) * 100_000) * 100,
                )],
                Role::Director => &[],
            };
            for &(kind, target) in targets {
                ws.sales_plans
                    .push(SalesPlan::new(id.clone(), month, kind, target, now));
            }
        }
        month = month.next();
    }
}
