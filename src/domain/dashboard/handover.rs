//! Hunters → farmers: transfers per month, how long the clients in the transfer queue have been
//! waiting, and what the farmers made of the clients they took over (before and after).

use super::period::{month_slot, months_of};
use super::scope::Scope;
use crate::domain::ids::Id;
use crate::domain::metrics::{
    average_check, split_at_transfer, ClientMetrics, MetricsContext, Period, Ratio, UNITS_PER_MONTH,
};
use crate::domain::money::Money;
use crate::domain::orders::calendar::{days_between, YearMonth};
use crate::domain::orders::HistoryIndex;
use crate::domain::transfer::{evaluate, TransferRecord};
use crate::domain::views::transfer_queue::transfer_queue;
use crate::domain::workspace::Workspace;
use chrono::NaiveDate;
use rustc_hash::FxHashMap as HashMap;

/// Transfers dated in one month of the period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonthTransfers {
    /// The month.
    pub month: YearMonth,
    /// Transfers in it (by the one who gave or took the client, when a rep is chosen).
    pub transfers: u32,
}

/// Transfers per month of `period` in which someone in `scope` gave or took the client.
pub fn monthly_transfers(ws: &Workspace, period: Period, scope: &Scope) -> Vec<MonthTransfers> {
    let months = months_of(period);
    let mut counts = vec![0u32; months.len()];
    for t in &ws.transfers {
        if period.contains(t.date)
            && (scope.includes(&t.from_member_id) || scope.includes(&t.to_member_id))
        {
            if let Some(slot) = month_slot(&months, t.date) {
                counts[slot] += 1;
            }
        }
    }
    months
        .into_iter()
        .zip(counts)
        .map(|(month, transfers)| MonthTransfers { month, transfers })
        .collect()
}

/// A client in the transfer queue and how long it has waited.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueueWait {
    /// The client.
    pub client_id: Id,
    /// Its name.
    pub client_name: String,
    /// Its owner now.
    pub owner_id: Id,
    /// The first order day on which the client met the rule (today when it met it only later
    /// than its last order, e.g. by a «days since the first order» condition).
    pub since: NaiveDate,
    /// Whole days from `since` to today.
    pub days: u32,
}

/// The transfer queue of `scope` (by owner) with waiting times, longest wait first.
///
/// When a client first met the rule is not stored; it is worked out from the orders: the rule is
/// checked on the client's order days, by halving (so about five checks per client, not one per
/// order), assuming that once met, the rule stays met. A rule over the last M months can stop
/// holding; then the day found is where a run of passing days starts, not necessarily the first.
pub fn queue_waits(
    ws: &Workspace,
    index: &HistoryIndex,
    today: NaiveDate,
    scope: &Scope,
) -> Vec<QueueWait> {
    let rule = &ws.transfer_policy.rule;
    let mut waits: Vec<QueueWait> = transfer_queue(ws, index, today)
        .into_iter()
        .filter(|e| scope.includes(&e.owner_id))
        .map(|e| {
            let since = index.get(&e.client_id).map_or(today, |history| {
                let mut days: Vec<NaiveDate> =
                    history.orders_until(today).iter().map(|o| o.date).collect();
                days.dedup();
                // The first day in `days` on which the rule holds, by halving.
                let (mut lo, mut hi) = (0, days.len());
                while lo < hi {
                    let mid = (lo + hi) / 2;
                    if evaluate(rule, history, days[mid]).eligible {
                        hi = mid;
                    } else {
                        lo = mid + 1;
                    }
                }
                days.get(lo).copied().unwrap_or(today)
            });
            QueueWait {
                client_id: e.client_id,
                client_name: e.client_name,
                owner_id: e.owner_id,
                since,
                days: days_between(since, today).unwrap_or(0),
            }
        })
        .collect();
    crate::domain::sort::sort_by(&mut waits, |a, b| {
        b.days
            .cmp(&a.days)
            .then_with(|| a.client_id.cmp(&b.client_id))
    });
    waits
}

/// The middle waiting time in days (the lower of the two middle ones for an even count) of
/// waits as [`queue_waits`] gives them, longest first.
pub fn median_wait(waits: &[QueueWait]) -> Option<u32> {
    let n = waits.len();
    let lower_middle = n.checked_sub(1)? / 2;
    waits.get(n - 1 - lower_middle).map(|w| w.days)
}

/// Sums of one side (before or after the transfer) over a farmer's taken-over clients.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GrowthSide {
    /// Orders.
    pub orders: u32,
    /// Revenue.
    pub revenue: Money,
    /// The side's length summed over the clients, in month units ([`UNITS_PER_MONTH`] a month).
    pub month_units: u64,
    /// Distinct product groups bought, summed over the clients.
    pub groups: u32,
}

impl GrowthSide {
    fn add(&mut self, m: &ClientMetrics) {
        self.orders += m.orders;
        self.revenue += m.revenue;
        self.month_units += Period::new(m.from, m.to).map_or(0, |p| p.month_units());
        self.groups += m.groups_bought;
    }

    /// Orders per client per month.
    pub fn frequency(&self) -> Option<Ratio> {
        Ratio::new(u64::from(self.orders) * UNITS_PER_MONTH, self.month_units)
    }

    /// Revenue per order, to the kopeck.
    pub fn average_check(&self) -> Option<Money> {
        average_check(self.revenue, self.orders)
    }

    /// Product groups per client.
    pub fn groups_per_client(&self, clients: u32) -> Option<Ratio> {
        Ratio::new(u64::from(self.groups), u64::from(clients))
    }
}

/// One farmer's clients before and after they took them over.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FarmerGrowth {
    /// The farmer (the transfer's `to_member_id`).
    pub farmer_id: Id,
    /// Clients taken over (each client's latest transfer counts).
    pub clients: u32,
    /// From the client's first order to the day before the transfer.
    pub before: GrowthSide,
    /// From the transfer's day to the period's end.
    pub after: GrowthSide,
}

/// Per farmer, the clients transferred to them on or before the period's end (the latest transfer
/// of each client), split at the transfer day ([`split_at_transfer`]) with the after side ending
/// at the period's end. With a rep chosen, only transfers that rep gave or took. Farmers in the
/// team's order.
pub fn farmer_growth(
    ws: &Workspace,
    index: &HistoryIndex,
    period: Period,
    scope: &Scope,
) -> Vec<FarmerGrowth> {
    let mut latest: HashMap<&Id, &TransferRecord> = HashMap::default();
    for t in ws.transfers.iter().filter(|t| t.date <= period.to()) {
        let newer = latest
            .get(&t.client_id)
            .is_none_or(|old| (t.date, &t.id) >= (old.date, &old.id));
        if newer {
            latest.insert(&t.client_id, t);
        }
    }
    let groups = ws.group_ids();
    let ctx = MetricsContext {
        offered_groups: &groups,
        thresholds: ws.transfer_policy.thresholds,
    };
    // Rows in the team's order, then farmers no longer on the team as met in the log.
    let mut rows: Vec<FarmerGrowth> = ws
        .members
        .iter()
        .map(|m| FarmerGrowth {
            farmer_id: m.id.clone(),
            clients: 0,
            before: GrowthSide::default(),
            after: GrowthSide::default(),
        })
        .collect();
    let picked = ws.transfers.iter().filter(|t| {
        latest
            .get(&t.client_id)
            .is_some_and(|l| std::ptr::eq(*l, *t))
            && (scope.includes(&t.from_member_id) || scope.includes(&t.to_member_id))
    });
    for t in picked {
        let empty;
        let history = match index.get(&t.client_id) {
            Some(h) => h,
            None => {
                empty = crate::domain::orders::ClientHistory::empty(t.client_id.clone());
                &empty
            }
        };
        let (before, after) = split_at_transfer(history, t.date, period.to(), &ctx, None);
        let row = match rows.iter().position(|r| r.farmer_id == t.to_member_id) {
            Some(row) => row,
            None => {
                rows.push(FarmerGrowth {
                    farmer_id: t.to_member_id.clone(),
                    clients: 0,
                    before: GrowthSide::default(),
                    after: GrowthSide::default(),
                });
                rows.len() - 1
            }
        };
        rows[row].clients += 1;
        rows[row].before.add(&before);
        rows[row].after.add(&after);
    }
    rows.retain(|r| r.clients > 0);
    rows
}
