//! A farmer's growth metrics per client over a period: order count, revenue, purchase frequency,
//! average check and its trend, cross-sell breadth, share of wallet, days since the last order
//! and the sleeping / lost flags; the before/after split at the transfer date; and the sums over
//! the clients a farmer owns ([`farmer`]).
//!
//! Every metric is computed «as of» the period's last day from one client's [`ClientHistory`],
//! so a changed order only changes that client's figures. Money stays in exact kopecks; the
//! ratios are exact fractions ([`Ratio`]).

pub mod farmer;
mod period;
mod ratio;
mod wallet;

pub use farmer::{farmer_metrics, FarmerMetrics};
pub use period::{Period, PeriodError, UNITS_PER_MONTH};
pub use ratio::Ratio;
pub use wallet::{Activity, ActivityThresholds, ThresholdsError, WalletPosition, WalletShare};

use crate::domain::ids::Id;
use crate::domain::money::Money;
use crate::domain::orders::calendar::days_between;
use crate::domain::orders::{ClientHistory, OrderSummary};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// The company-wide inputs every client's metrics share.
#[derive(Clone, Copy, Debug)]
pub struct MetricsContext<'a> {
    /// The product groups on offer: the denominator of cross-sell breadth.
    pub offered_groups: &'a HashSet<Id>,
    /// When a client counts as sleeping or lost.
    pub thresholds: ActivityThresholds,
}

/// Which way the average check moved against the previous period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// The check grew.
    Up,
    /// The check shrank.
    Down,
    /// Exactly the same, to the kopeck.
    Flat,
}

/// The average check of this period against the one of the previous period of the same length
/// ([`Period::previous`]). The previous period is chosen over the two halves of this one because
/// halves of a short period often hold no order at all, and «vs the previous quarter» is how
/// directors already read their reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckTrend {
    /// The previous period's average check (`None`: no orders then).
    pub previous: Option<Money>,
    /// This period's average check (`None`: no orders now).
    pub current: Option<Money>,
}

impl CheckTrend {
    /// The change relative to the previous check in basis points (+1 250 = +12,5 %), rounded to
    /// the nearest, halves away from zero; `None` unless both checks exist.
    pub fn change_bp(self) -> Option<i64> {
        let (prev, cur) = (self.previous?.kopecks(), self.current?.kopecks());
        if prev <= 0 {
            return None;
        }
        let n = (i128::from(cur) - i128::from(prev)) * 10_000;
        let d = i128::from(prev);
        let rounded = (2 * n.abs() + d) / (2 * d);
        i64::try_from(n.signum() * rounded).ok()
    }

    /// Up, down or flat; `None` unless both checks exist.
    pub fn direction(self) -> Option<Direction> {
        Some(match self.current?.cmp(&self.previous?) {
            std::cmp::Ordering::Greater => Direction::Up,
            std::cmp::Ordering::Less => Direction::Down,
            std::cmp::Ordering::Equal => Direction::Flat,
        })
    }
}

/// One client's figures over one period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClientMetrics {
    /// The client.
    pub client_id: Id,
    /// The first day of the period.
    pub from: NaiveDate,
    /// The last day of the period: the day everything is «as of».
    pub to: NaiveDate,
    /// Orders dated within the period.
    pub orders: u32,
    /// The sum of their totals.
    pub revenue: Money,
    /// Orders per month: `orders / months`, months as defined by [`Period::month_units`].
    pub frequency: Ratio,
    /// `revenue / orders` to the kopeck (see [`average_check`]); `None` without orders.
    pub average_check: Option<Money>,
    /// The average check against the previous period of equal length.
    pub check_trend: CheckTrend,
    /// Distinct offered product groups bought within the period.
    pub groups_bought: u32,
    /// `groups_bought / groups offered`; `None` when nothing is offered.
    pub cross_sell: Option<Ratio>,
    /// Revenue against the farmer's estimate of the client's category spend for the period.
    pub wallet: Option<WalletShare>,
    /// The last order on or before the period's end (possibly before the period).
    pub last_order: Option<NaiveDate>,
    /// Days from the last order to the period's end.
    pub days_since_last_order: Option<u32>,
    /// Active, sleeping, lost or without orders, by `days_since_last_order`.
    pub activity: Activity,
}

/// `revenue / orders` in whole kopecks, rounded to the nearest kopeck with halves up
/// (100 ₽ / 3 = 33,33 ₽; 0,05 ₽ / 2 = 0,03 ₽); `None` for no orders.
pub fn average_check(revenue: Money, orders: u32) -> Option<Money> {
    if orders == 0 {
        return None;
    }
    let (r, n) = (i128::from(revenue.kopecks().max(0)), i128::from(orders));
    i64::try_from((2 * r + n) / (2 * n))
        .ok()
        .map(Money::from_kopecks)
}

fn count_and_sum(orders: &[OrderSummary]) -> (u32, Money) {
    let count = u32::try_from(orders.len()).unwrap_or(u32::MAX);
    (count, orders.iter().map(|o| o.total).sum())
}

/// The client's metrics over `period`. `estimated_spend` is the farmer's estimate of the client's
/// category spend for this same period ([`Period::prorate_yearly`] turns a yearly estimate into
/// one).
pub fn client_metrics(
    history: &ClientHistory,
    period: Period,
    ctx: &MetricsContext<'_>,
    estimated_spend: Option<Money>,
) -> ClientMetrics {
    let in_period = history.orders_between(period.from(), period.to());
    let (orders, revenue) = count_and_sum(in_period);
    let previous = period.previous();
    let (prev_orders, prev_revenue) =
        count_and_sum(history.orders_between(previous.from(), previous.to()));
    let offered_bought = history
        .groups_in(in_period)
        .into_iter()
        .filter(|g| ctx.offered_groups.contains(*g))
        .count();
    let groups_bought = u32::try_from(offered_bought).unwrap_or(u32::MAX);
    let last_order = history.orders_until(period.to()).last().map(|o| o.date);
    let days_since_last_order = last_order.and_then(|d| days_between(d, period.to()));
    ClientMetrics {
        client_id: history.client_id().clone(),
        from: period.from(),
        to: period.to(),
        orders,
        revenue,
        frequency: Ratio::new(u64::from(orders) * UNITS_PER_MONTH, period.month_units())
            .unwrap_or(Ratio::ZERO),
        average_check: average_check(revenue, orders),
        check_trend: CheckTrend {
            previous: average_check(prev_revenue, prev_orders),
            current: average_check(revenue, orders),
        },
        groups_bought,
        cross_sell: Ratio::new(u64::from(groups_bought), ctx.offered_groups.len() as u64),
        wallet: estimated_spend.and_then(|e| WalletShare::new(revenue, e)),
        last_order,
        days_since_last_order,
        activity: ctx.thresholds.classify(days_since_last_order),
    }
}

/// The client's metrics before and after its transfer to a farmer, so the farmer's effect shows.
///
/// Before: from the first order up to the day before `transfer_date` (the hunter's time; a
/// single empty day, the day before the transfer, when nothing was ordered earlier). After: from
/// `transfer_date` to `today` (a single day when the transfer is today or later). Compare the
/// normalised figures (frequency, average check): the two parts rarely have the same length.
/// `yearly_spend`, the farmer's yearly estimate of the client's category spend, is prorated to
/// each part.
pub fn split_at_transfer(
    history: &ClientHistory,
    transfer_date: NaiveDate,
    today: NaiveDate,
    ctx: &MetricsContext<'_>,
    yearly_spend: Option<Money>,
) -> (ClientMetrics, ClientMetrics) {
    let eve = transfer_date.pred_opt().unwrap_or(NaiveDate::MIN);
    let first = history.orders().first().map_or(eve, |o| o.date.min(eve));
    let parts = [(first, eve), (transfer_date, today.max(transfer_date))];
    let [before, after] = parts.map(|(from, to)| {
        let period = Period::clamped(from, to);
        let spend = yearly_spend.map(|y| period.prorate_yearly(y));
        client_metrics(history, period, ctx, spend)
    });
    (before, after)
}

#[cfg(test)]
mod tests;
