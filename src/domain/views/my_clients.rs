//! «Мои клиенты»: a farmer's regular clients as she works them — the last order, days since,
//! revenue for the last 12 months and its trend against the 12 months before, and who needs a
//! call first: sleeping clients and those «overdue for an order» (no order for longer than 1.5×
//! the client's median days between orders, see `/work/shared/domain.md`).
//!
//! Everything is read from the shared [`HistoryIndex`], so the list costs one pass over the
//! person's clients and their own orders.

use crate::domain::client::ClientStatus;
use crate::domain::ids::Id;
use crate::domain::metrics::{CheckTrend, Period};
use crate::domain::money::Money;
use crate::domain::orders::calendar::days_between;
use crate::domain::orders::{HistoryIndex, OrderSummary};
use crate::domain::Workspace;
use chrono::NaiveDate;

/// Why a client is where it is in the list; the order of the variants is the list's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Attention {
    /// «Спящий»: no order for the sleeping threshold.
    Sleeping,
    /// «Пора заказывать»: no order for longer than 1.5× its usual interval.
    Overdue,
    /// Ordering as usual.
    OnTrack,
    /// «Потерян».
    Lost,
}

/// One row of «Мои клиенты».
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct MyClientRow {
    /// The client.
    pub client_id: Id,
    /// Its name.
    pub name: String,
    /// Its stored status.
    pub status: ClientStatus,
    /// The last order on or before today.
    pub last_order: Option<NaiveDate>,
    /// Days from the last order to today.
    pub days_since: Option<u32>,
    /// The median days between its order dates (`None` below two order dates).
    pub usual_interval: Option<u32>,
    /// Revenue over the last 12 months.
    pub revenue_12m: Money,
    /// Revenue of the last 12 months against the 12 before, in basis points (`None` when the
    /// earlier year had none).
    pub trend_bp: Option<i64>,
    /// Where it belongs in the list.
    pub attention: Attention,
}

/// The median of the days between consecutive distinct order dates, in half days (so an even
/// count's median, the mean of the middle two, stays exact); `None` below two distinct dates.
pub fn median_interval_halves(orders: &[OrderSummary]) -> Option<u64> {
    let mut gaps: Vec<u64> = orders
        .windows(2)
        .filter_map(|w| days_between(w[0].date, w[1].date))
        .filter(|d| *d > 0)
        .map(u64::from)
        .collect();
    if gaps.is_empty() {
        return None;
    }
    // Equal numbers are indistinguishable, so the shared stable sort gives the same result.
    crate::domain::sort::sort(&mut gaps);
    let n = gaps.len();
    Some(if n % 2 == 1 {
        2 * gaps[n / 2]
    } else {
        gaps[n / 2 - 1] + gaps[n / 2]
    })
}

/// Overdue for an order: more than 1.5× the median interval since the last order.
pub fn is_overdue(days_since: u32, median_halves: u64) -> bool {
    // days > 1.5 × (halves / 2)  ⇔  4 × days > 3 × halves
    median_halves > 0 && 4 * u64::from(days_since) > 3 * median_halves
}

/// The clients `owner` works with orders (every status but «лид» and «потенциальный»), those
/// needing attention first: sleeping, then overdue (longest silence first), then on track (the
/// longest silence first too), then lost.
pub fn my_clients(
    ws: &Workspace,
    index: &HistoryIndex,
    owner: &Id,
    today: NaiveDate,
) -> Vec<MyClientRow> {
    let year = Period::last_months(today, 12);
    let before = year.previous();
    let sum = |o: &[OrderSummary]| o.iter().map(|o| o.total).sum::<Money>();
    let mut rows: Vec<MyClientRow> = ws
        .clients
        .iter()
        .filter(|c| &c.owner_id == owner)
        .filter(|c| !matches!(c.status, ClientStatus::Lead | ClientStatus::Prospect))
        .map(|c| {
            let history = index.get(&c.id);
            let until: &[OrderSummary] = history.map_or(&[], |h| h.orders_until(today));
            let last_order = until.last().map(|o| o.date);
            let days_since = last_order.and_then(|d| days_between(d, today));
            let median = median_interval_halves(until);
            let (revenue_12m, previous) = history.map_or((Money::ZERO, Money::ZERO), |h| {
                (
                    sum(h.orders_between(year.from(), year.to())),
                    sum(h.orders_between(before.from(), before.to())),
                )
            });
            let attention = match c.status {
                ClientStatus::Sleeping => Attention::Sleeping,
                ClientStatus::Lost => Attention::Lost,
                _ if days_since
                    .zip(median)
                    .is_some_and(|(d, m)| is_overdue(d, m)) =>
                {
                    Attention::Overdue
                }
                _ => Attention::OnTrack,
            };
            MyClientRow {
                client_id: c.id.clone(),
                name: c.name.clone(),
                status: c.status,
                last_order,
                days_since,
                usual_interval: median.map(|h| u32::try_from(h.div_ceil(2)).unwrap_or(u32::MAX)),
                revenue_12m,
                trend_bp: CheckTrend {
                    previous: Some(previous),
                    current: Some(revenue_12m),
                }
                .change_bp(),
                attention,
            }
        })
        .collect();
    crate::domain::sort::sort_by(&mut rows, |a, b| {
        a.attention
            .cmp(&b.attention)
            .then_with(|| b.days_since.cmp(&a.days_since))
            .then_with(|| a.name.cmp(&b.name))
            .then_with(|| a.client_id.cmp(&b.client_id))
    });
    rows
}

/// How many rows need a call: sleeping and overdue.
pub fn needing_attention(rows: &[MyClientRow]) -> usize {
    rows.iter()
        .filter(|r| matches!(r.attention, Attention::Sleeping | Attention::Overdue))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::fixtures::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a date")
    }

    fn set(ws: &mut Workspace, id: &str, owner: &str, status: ClientStatus) {
        let mut c = client(id, &format!("Клиент {id}"), owner);
        c.status = status;
        ws.clients.push(c);
    }

    #[test]
    fn the_median_interval_is_exact_in_half_days() {
        let orders = vec![
            order_on("a", "x", 1, day(2025, 1, 1)),
            order_on("b", "x", 1, day(2025, 1, 11)),
            order_on("c", "x", 1, day(2025, 1, 11)),
            order_on("d", "x", 1, day(2025, 1, 31)),
        ];
        let index = HistoryIndex::build(&orders, &[]);
        let h = index.get(&Id::from_raw("x")).unwrap();
        // Gaps 10 and 20 (the same-day order is no gap): the median is 15 days.
        assert_eq!(median_interval_halves(h.orders()), Some(30));
        assert!(!is_overdue(22, 30));
        assert!(is_overdue(23, 30));
        assert_eq!(median_interval_halves(&h.orders()[..1]), None);
        assert!(!is_overdue(5, 0));
    }

    #[test]
    fn sleeping_and_overdue_come_first_with_revenue_and_trend() {
        let mut ws = catalogue_workspace();
        let today = d0(); // 2026-01-15
        set(&mut ws, "on", "anna", ClientStatus::Regular);
        set(&mut ws, "late", "anna", ClientStatus::Regular);
        set(&mut ws, "sleep", "anna", ClientStatus::Sleeping);
        set(&mut ws, "gone", "anna", ClientStatus::Lost);
        set(&mut ws, "lead", "anna", ClientStatus::Lead);
        set(&mut ws, "other", "ivan", ClientStatus::Regular);
        let orders = vec![
            // On track: every 30 days, last 10 days ago.
            order_on("o1", "on", 100, day(2025, 11, 6)),
            order_on("o2", "on", 100, day(2025, 12, 6)),
            order_on("o3", "on", 300, day(2026, 1, 5)),
            // A year before: 100 ₽, so +400 %.
            order_on("o0", "on", 100, day(2025, 1, 5)),
            // Overdue: every 10 days, last 20 days ago.
            order_on("l1", "late", 50, day(2025, 12, 16)),
            order_on("l2", "late", 50, day(2025, 12, 26)),
            // Sleeping: one order long ago.
            order_on("s1", "sleep", 70, day(2025, 6, 1)),
            order_on("x1", "other", 10, day(2025, 12, 1)),
            // After today: not counted.
            order_on("f1", "late", 999, day(2026, 2, 1)),
        ];
        let index = HistoryIndex::build(&orders, &ws.products);
        let rows = my_clients(&ws, &index, &Id::from_raw("anna"), today);
        let ids: Vec<&str> = rows.iter().map(|r| r.client_id.as_str()).collect();
        assert_eq!(ids, ["sleep", "late", "on", "gone"]);
        let late = &rows[1];
        assert_eq!(late.attention, Attention::Overdue);
        assert_eq!(late.last_order, Some(day(2025, 12, 26)));
        assert_eq!(late.days_since, Some(20));
        assert_eq!(late.usual_interval, Some(10));
        assert_eq!(late.revenue_12m, Money::from_rubles(100));
        assert_eq!(late.trend_bp, None);
        let on = &rows[2];
        assert_eq!(on.attention, Attention::OnTrack);
        assert_eq!(on.revenue_12m, Money::from_rubles(500));
        // The window ending 2025-01-15 holds the 100 ₽ of 2025-01-05.
        assert_eq!(on.trend_bp, Some(40_000));
        assert_eq!(rows[3].last_order, None);
        assert_eq!(rows[3].revenue_12m, Money::ZERO);
        assert_eq!(needing_attention(&rows), 2);
    }
}
