//! Revenue and orders per month, and the hunters' first sales (a client's first order) per month.

use super::period::{month_slot, months_of};
use super::sales_index::{month_number, SalesIndex};
use super::scope::{Owners, Scope};
use crate::domain::ids::Id;
use crate::domain::metrics::Period;
use crate::domain::money::Money;
use crate::domain::orders::calendar::YearMonth;
use crate::domain::workspace::Workspace;

/// One month's sales.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonthSales {
    /// The month (the period's first and last month may be partial).
    pub month: YearMonth,
    /// The sum of the orders dated in it that fall in the period.
    pub revenue: Money,
    /// How many orders those are.
    pub orders: u32,
}

/// Revenue and order count per month of `period`, for the orders whose client belonged to
/// someone in `scope` on the order's date (see [`Owners`]). Every month of the period is
/// listed, empty ones with zeros.
pub fn monthly_sales(
    ws: &Workspace,
    owners: &Owners<'_>,
    period: Period,
    scope: &Scope,
) -> Vec<MonthSales> {
    monthly_sales_in(&SalesIndex::new(ws), owners, period, scope)
}

/// [`monthly_sales`] read from an index of the orders built beforehand.
pub fn monthly_sales_in(
    index: &SalesIndex,
    owners: &Owners<'_>,
    period: Period,
    scope: &Scope,
) -> Vec<MonthSales> {
    let months = months_of(period);
    let base = months.first().map_or(0, |m| month_number(*m));
    let mut out: Vec<MonthSales> = months
        .iter()
        .map(|&month| MonthSales {
            month,
            revenue: Money::ZERO,
            orders: 0,
        })
        .collect();
    index.each_owned(owners, period, scope, |_, sale| {
        let slot = usize::try_from(sale.month - base).ok();
        if let Some(row) = slot.and_then(|slot| out.get_mut(slot)) {
            row.revenue += sale.total;
            row.orders += 1;
        }
    });
    out
}

/// One rep's first sales: per month of the period, the clients whose first order ever fell in
/// that month while the rep owned them, and what those first orders came to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FirstSales {
    /// The rep who owned the client on the day of its first order (usually a hunter).
    pub member_id: Id,
    /// Per month of the period, oldest first: first sales counted.
    pub counts: Vec<u32>,
    /// Per month: the sum of those first orders (all orders of that first day).
    pub amounts: Vec<Money>,
}

impl FirstSales {
    /// First sales over the whole period.
    pub fn total(&self) -> u32 {
        self.counts.iter().sum()
    }
}

/// First sales per rep per month of `period`, for the reps in `scope`. A client's first sale is
/// the day of its first order (every order of that day counts towards its amount), credited to
/// its owner on that day. Reps are listed in the team's order, each hunter even with no first
/// sale (a hunter's zero is a figure), anyone else only with one; an owner no longer on the team
/// comes last.
pub fn first_sales(
    ws: &Workspace,
    owners: &Owners<'_>,
    period: Period,
    scope: &Scope,
) -> Vec<FirstSales> {
    first_sales_in(ws, &SalesIndex::new(ws), owners, period, scope)
}

/// [`first_sales`] read from an index of the orders built beforehand.
pub fn first_sales_in(
    ws: &Workspace,
    index: &SalesIndex,
    owners: &Owners<'_>,
    period: Period,
    scope: &Scope,
) -> Vec<FirstSales> {
    let months = months_of(period);
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
        let Some(history) = index.get(&c.id) else {
            continue;
        };
        let (Some(date), amount) = (history.first_day(), history.first_amount) else {
            continue;
        };
        if !period.contains(date) {
            continue;
        }
        let (Some(owner), Some(slot)) = (owners.on(&c.id, date), month_slot(&months, date)) else {
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
        rows[row].amounts[slot] += amount;
    }
    // Hunters stay with zeros; anyone else only with a first sale.
    let hunter = |id: &Id| {
        ws.member(id)
            .is_some_and(|m| m.role() == crate::domain::team::Role::Hunter)
    };
    rows.retain(|r| hunter(&r.member_id) || r.total() > 0);
    rows
}
