//! The client base over time: per month of the period, how many clients were sleeping and how
//! many lost at the month's end (today for the current month), by the days since their last
//! order before that day and the thresholds the app uses for client statuses.

use super::period::months_of;
use super::scope::{Owners, Scope};
use crate::domain::deal_flow::days_between;
use crate::domain::ids::Id;
use crate::domain::metrics::{Activity, Period};
use crate::domain::orders::calendar::YearMonth;
use crate::domain::workspace::Workspace;
use chrono::NaiveDate;
use rustc_hash::FxHashMap as HashMap;

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
