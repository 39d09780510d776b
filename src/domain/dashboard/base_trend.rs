//! The client base over time: per month of the period, how many clients were sleeping and how
//! many lost at the month's end (today for the current month), by the days since their last
//! order before that day and the thresholds the app uses for client statuses.

use super::period::months_of;
use super::sales_index::SalesIndex;
use super::scope::{Owners, Scope};
use crate::domain::deal_flow::days_between;
use crate::domain::metrics::{Activity, Period};
use crate::domain::orders::calendar::YearMonth;
use crate::domain::workspace::Workspace;
use chrono::NaiveDate;

/// One month's end.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BaseMonth {
    /// The month.
    pub month: YearMonth,
    /// The day counted: the month's last day, or the period's end when earlier.
    pub on: NaiveDate,
    /// Clients sleeping on that day.
    pub sleeping: u32,
    /// Clients lost on that day.
    pub lost: u32,
}

/// Sleeping and lost clients at each month's end of `period`, for the clients owned by someone
/// in `scope` on that day. A client with no order by that day is neither (a lead).
pub fn base_trend(
    ws: &Workspace,
    owners: &Owners<'_>,
    period: Period,
    scope: &Scope,
) -> Vec<BaseMonth> {
    base_trend_in(ws, &SalesIndex::new(ws), owners, period, scope)
}

/// [`base_trend`] read from an index of the orders built beforehand.
pub fn base_trend_in(
    ws: &Workspace,
    index: &SalesIndex,
    owners: &Owners<'_>,
    period: Period,
    scope: &Scope,
) -> Vec<BaseMonth> {
    let thresholds = ws.transfer_policy.thresholds;
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
            for client in index.clients() {
                // The last order on or before `on`.
                let Some(last) = client.until(on).last().map(|s| s.date) else {
                    continue;
                };
                let activity = thresholds.classify(Some(days_between(last, on)));
                if matches!(activity, Activity::Active | Activity::NoOrders) {
                    continue;
                }
                if !owners
                    .on(&client.client_id, on)
                    .is_some_and(|o| scope.includes(o))
                {
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
