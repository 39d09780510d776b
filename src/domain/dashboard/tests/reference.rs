//! The figures as they were computed before the orders index ([`super::super::sales_index`]):
//! each a scan of every order. Kept as the oracle of `indexed.rs`, which checks that the indexed
//! figures are the same on generated data.

use crate::domain::dashboard::abc_xyz::{
    abc_classes, xyz_class, AbcXyz, ClassifiedClient, Cutoffs,
};
use crate::domain::dashboard::base_trend::BaseMonth;
use crate::domain::dashboard::funnel::{permille, Funnel, FunnelStage, HunterFunnel, LostBy};
use crate::domain::dashboard::period::{month_slot, months_of};
use crate::domain::dashboard::sales::{FirstSales, MonthSales};
use crate::domain::dashboard::scope::{Owners, Scope};
use crate::domain::dates::{local_date, Timestamp};
use crate::domain::deal_flow::{days_between, Closure, StageChangeKind};
use crate::domain::ids::Id;
use crate::domain::metrics::{Activity, Period};
use crate::domain::money::Money;
use crate::domain::orders::calendar::YearMonth;
use crate::domain::team::Role;
use crate::domain::workspace::Workspace;
use chrono::NaiveDate;
use rustc_hash::FxHashMap as HashMap;

pub(super) fn monthly_sales(
    ws: &Workspace,
    owners: &Owners<'_>,
    period: Period,
    scope: &Scope,
) -> Vec<MonthSales> {
    let months = months_of(period);
    let mut out: Vec<MonthSales> = months
        .iter()
        .map(|&month| MonthSales {
            month,
            revenue: Money::ZERO,
            orders: 0,
        })
        .collect();
    for order in ws.orders.iter().filter(|o| period.contains(o.date)) {
        let counts = owners
            .on(&order.client_id, order.date)
            .is_some_and(|owner| scope.includes(owner));
        if let (true, Some(slot)) = (counts, month_slot(&months, order.date)) {
            out[slot].revenue += order.total();
            out[slot].orders += 1;
        }
    }
    out
}

pub(super) fn first_sales(
    ws: &Workspace,
    owners: &Owners<'_>,
    period: Period,
    scope: &Scope,
) -> Vec<FirstSales> {
    let months = months_of(period);
    // The first order day of every client and what was ordered on it, in one pass.
    let mut first: HashMap<&Id, (chrono::NaiveDate, Money)> = HashMap::default();
    for o in &ws.orders {
        let entry = first.entry(&o.client_id).or_insert((o.date, Money::ZERO));
        if o.date < entry.0 {
            *entry = (o.date, Money::ZERO);
        }
        if o.date == entry.0 {
            entry.1 += o.total();
        }
    }
    // Rows in the team's order (then owners no longer on the team, as met), each client in the
    // clients' order: stable without sorting.
    let mut rows: Vec<FirstSales> = ws
        .members
        .iter()
        .filter(|m| scope.includes(&m.id))
        .map(|m| FirstSales {
            member_id: m.id.clone(),
            counts: vec![0; months.len()],
            amounts: vec![Money::ZERO; months.len()],
        })
        .collect();
    for c in &ws.clients {
        let Some((date, amount)) = first.get(&c.id) else {
            continue;
        };
        if !period.contains(*date) {
            continue;
        }
        let (Some(owner), Some(slot)) = (owners.on(&c.id, *date), month_slot(&months, *date))
        else {
            continue;
        };
        if !scope.includes(owner) {
            continue;
        }
        let row = match rows.iter().position(|r| &r.member_id == owner) {
            Some(row) => row,
            None => {
                rows.push(FirstSales {
                    member_id: owner.clone(),
                    counts: vec![0; months.len()],
                    amounts: vec![Money::ZERO; months.len()],
                });
                rows.len() - 1
            }
        };
        rows[row].counts[slot] += 1;
        rows[row].amounts[slot] += *amount;
    }
    // Hunters stay with zeros; anyone else only with a first sale.
    let hunter = |id: &Id| {
        ws.member(id)
            .is_some_and(|m| m.role() == crate::domain::team::Role::Hunter)
    };
    rows.retain(|r| hunter(&r.member_id) || r.total() > 0);
    rows
}

pub(super) fn revenue_by_owner<'a>(
    ws: &'a Workspace,
    owners: &Owners<'a>,
    period: Period,
    months: &[YearMonth],
) -> HashMap<&'a Id, Vec<i64>> {
    let mut out: HashMap<&Id, Vec<i64>> = HashMap::default();
    for order in ws.orders.iter().filter(|o| period.contains(o.date)) {
        let (Some(owner), Some(slot)) = (
            owners.on(&order.client_id, order.date),
            month_slot(months, order.date),
        ) else {
            continue;
        };
        out.entry(owner).or_insert_with(|| vec![0; months.len()])[slot] += order.total().kopecks();
    }
    out
}

pub(super) fn abc_xyz(
    ws: &Workspace,
    period: Period,
    today: NaiveDate,
    scope: &Scope,
    cutoffs: Cutoffs,
) -> AbcXyz {
    let months = YearMonth::complete_months_before(today, cutoffs.xyz_months);
    let (first, last) = match (months.first(), months.last()) {
        (Some(f), Some(l)) => (f.first_day(), l.last_day()),
        _ => (today, today),
    };
    let index = |m: YearMonth| i64::from(m.year) * 12 + i64::from(m.month);
    let base = months.first().map_or(0, |m| index(*m));
    let ids: Vec<&Id> = ws
        .clients
        .iter()
        .filter(|c| scope.includes(&c.owner_id))
        .map(|c| &c.id)
        .collect();
    let in_scope: HashMap<&Id, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let count = ids.len();
    let mut revenue = vec![Money::ZERO; count];
    let mut monthly = vec![vec![Money::ZERO; months.len()]; count];
    for o in &ws.orders {
        let Some(&i) = in_scope.get(&o.client_id) else {
            continue;
        };
        let in_period = period.contains(o.date);
        let in_window = first <= o.date && o.date <= last && !months.is_empty();
        if !in_period && !in_window {
            continue;
        }
        let total = o.total();
        if in_period {
            revenue[i] += total;
        }
        if in_window {
            let slot = usize::try_from(index(YearMonth::of(o.date)) - base).unwrap_or(0);
            monthly[i][slot] += total;
        }
    }
    let mut buying: Vec<usize> = (0..count).filter(|&i| revenue[i] > Money::ZERO).collect();
    buying.sort_by(|&a, &b| revenue[b].cmp(&revenue[a]).then_with(|| ids[a].cmp(ids[b])));
    let sorted: Vec<Money> = buying.iter().map(|&i| revenue[i]).collect();
    let classes = abc_classes(&sorted, cutoffs);
    let mut out = AbcXyz {
        months,
        ..AbcXyz::default()
    };
    for (&i, abc) in buying.iter().zip(classes) {
        let (xyz, cv_bp) = xyz_class(&monthly[i], cutoffs);
        let cell = &mut out.cells[abc as usize][xyz as usize];
        cell.revenue += revenue[i];
        cell.clients.push(ClassifiedClient {
            client_id: ids[i].clone(),
            revenue: revenue[i],
            cv_bp,
        });
        out.revenue += revenue[i];
    }
    out
}

pub(super) fn base_trend(
    ws: &Workspace,
    owners: &Owners<'_>,
    period: Period,
    scope: &Scope,
) -> Vec<BaseMonth> {
    let thresholds = ws.transfer_policy.thresholds;
    let mut dates: HashMap<&Id, Vec<NaiveDate>> = HashMap::default();
    for o in ws.orders.iter().filter(|o| o.date <= period.to()) {
        dates.entry(&o.client_id).or_default().push(o.date);
    }
    for list in dates.values_mut() {
        list.sort_unstable();
    }
    months_of(period)
        .into_iter()
        .map(|month| {
            let on = month.last_day().min(period.to());
            let mut row = BaseMonth {
                month,
                on,
                sleeping: 0,
                lost: 0,
            };
            for (client, list) in &dates {
                // The last order on or before `on`.
                let before = list.partition_point(|d| *d <= on);
                let Some(last) = before.checked_sub(1).map(|i| list[i]) else {
                    continue;
                };
                let activity = thresholds.classify(Some(days_between(last, on)));
                if matches!(activity, Activity::Active | Activity::NoOrders) {
                    continue;
                }
                if !owners.on(client, on).is_some_and(|o| scope.includes(o)) {
                    continue;
                }
                match activity {
                    Activity::Sleeping => row.sleeping += 1,
                    _ => row.lost += 1,
                }
            }
            row
        })
        .collect()
}

/// The lower middle of `days` (sorted here), as the funnel gives it.
fn median(days: &mut [u32]) -> Option<u32> {
    days.sort_unstable();
    let n = days.len();
    days.get(n.checked_sub(1)? / 2).copied()
}

/// The funnel of `period` for the deals owned by someone in `scope` (their current owner).
pub(super) fn funnel(ws: &Workspace, period: Period, scope: &Scope, offset_minutes: i32) -> Funnel {
    let stage_index: HashMap<&Id, usize> = ws
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| (&s.id, i))
        .collect();
    let n = ws.stages.len();
    let deals: HashMap<&Id, &crate::domain::Deal> = ws
        .deals
        .iter()
        .filter(|d| scope.includes(&d.owner_id))
        .map(|d| (&d.id, d))
        .collect();
    // Per deal, its entries in the order recorded.
    let mut history: HashMap<&Id, Vec<(Timestamp, StageChangeKind, &Id)>> = HashMap::default();
    for e in &ws.stage_history {
        if deals.contains_key(&e.deal_id) {
            history
                .entry(&e.deal_id)
                .or_default()
                .push((e.at, e.kind, &e.to));
        }
    }
    let day = |at: Timestamp| local_date(at, offset_minutes);
    let mut furthest: HashMap<&Id, usize> = HashMap::default();
    let mut stays: Vec<Vec<u32>> = vec![Vec::new(); n];
    for (deal_id, entries) in &mut history {
        entries.sort_by_key(|e| e.0);
        for (i, (at, kind, to)) in entries.iter().enumerate() {
            let Some(&index) = stage_index.get(to) else {
                continue;
            };
            if !kind.starts_stage() {
                continue;
            }
            if period.contains(day(*at)) {
                let best = furthest.entry(*deal_id).or_insert(index);
                *best = (*best).max(index);
            }
            // The stay ends at the deal's next entry (a move, a close); an open one has no end.
            if let Some((left, _, _)) = entries.get(i + 1) {
                if period.contains(day(*left)) {
                    stays[index].push(days_between(day(*at), day(*left)));
                }
            }
        }
    }
    let mut reached = vec![0u32; n];
    let mut amounts = vec![Money::ZERO; n];
    for (deal_id, &top) in &furthest {
        for i in 0..=top {
            reached[i] += 1;
            amounts[i] += deals[deal_id].amount;
        }
    }
    let stages = ws
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| FunnelStage {
            stage_id: s.id.clone(),
            reached: reached[i],
            amount: amounts[i],
            to_next_permille: reached
                .get(i + 1)
                .and_then(|&next| permille(next, reached[i])),
            median_days: median(&mut stays[i]),
        })
        .collect();

    let mut out = Funnel {
        stages,
        ..Funnel::default()
    };
    out.hunters = ws
        .members
        .iter()
        .filter(|m| m.role() == Role::Hunter && scope.includes(&m.id))
        .map(|m| HunterFunnel {
            member_id: m.id.clone(),
            leads: 0,
            first_sales: 0,
            won: 0,
            won_amount: Money::ZERO,
            lost: 0,
        })
        .collect();
    let hunter_row = |rows: &[HunterFunnel], id: &Id| rows.iter().position(|h| &h.member_id == id);
    for (deal_id, &top) in &furthest {
        if let Some(row) = hunter_row(&out.hunters, &deals[deal_id].owner_id) {
            out.hunters[row].leads += 1;
            if n > 0 && top == n - 1 {
                out.hunters[row].first_sales += 1;
            }
        }
    }
    // Closed deals, in the deals' order so that reasons keep a stable order.
    for deal in ws.deals.iter().filter(|d| deals.contains_key(&d.id)) {
        let Some(closure) = &deal.closed else {
            continue;
        };
        if !period.contains(day(closure.at())) {
            continue;
        }
        let row = hunter_row(&out.hunters, &deal.owner_id);
        match closure {
            Closure::Won { amount, .. } => {
                out.won += 1;
                out.won_amount += *amount;
                if let Some(row) = row {
                    out.hunters[row].won += 1;
                    out.hunters[row].won_amount += *amount;
                }
            }
            Closure::Lost { reason, .. } => {
                let same = |l: &LostBy| {
                    l.reason.key == reason.key
                        && l.reason.text.trim().to_lowercase() == reason.text.trim().to_lowercase()
                };
                match out.lost.iter_mut().find(|l| same(l)) {
                    Some(l) => {
                        l.deals += 1;
                        l.amount += deal.amount;
                    }
                    None => out.lost.push(LostBy {
                        reason: reason.clone(),
                        deals: 1,
                        amount: deal.amount,
                    }),
                }
                if let Some(row) = row {
                    out.hunters[row].lost += 1;
                }
            }
        }
    }
    // Stable: equal counts keep their order of appearance.
    out.lost.sort_by_key(|l| std::cmp::Reverse(l.deals));
    out
}
