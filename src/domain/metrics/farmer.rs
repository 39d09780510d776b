//! A farmer's figures: the sums over the clients the farmer owns.

use super::{
    average_check, client_metrics, Activity, ClientMetrics, MetricsContext, Period, Ratio,
    UNITS_PER_MONTH,
};
use crate::domain::ids::Id;
use crate::domain::money::Money;
use crate::domain::orders::{ClientHistory, HistoryIndex};
use serde::{Deserialize, Serialize};

/// A farmer's base over one period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FarmerMetrics {
    /// Clients owned.
    pub clients: u32,
    /// Clients with at least one order in the period.
    pub buying_clients: u32,
    /// Clients with two or more orders in the period.
    pub repeat_clients: u32,
    /// Orders in the period, over all clients.
    pub orders: u32,
    /// Revenue in the period, over all clients.
    pub revenue: Money,
    /// Total revenue / total orders, to the kopeck (halves up).
    pub average_check: Option<Money>,
    /// Orders per client per month: orders / (clients × months of the period).
    pub frequency: Option<Ratio>,
    /// Repeat purchase rate: clients with 2+ orders / all clients.
    pub repeat_rate: Option<Ratio>,
    /// Clients active at the period's end.
    pub active: u32,
    /// Clients sleeping at the period's end.
    pub sleeping: u32,
    /// Clients lost at the period's end.
    pub lost: u32,
    /// Clients that never ordered by the period's end.
    pub without_orders: u32,
}

impl FarmerMetrics {
    /// Sums the per-client metrics of one period (all of `clients` must be over `period`).
    pub fn aggregate(period: Period, clients: &[ClientMetrics]) -> FarmerMetrics {
        let count = |f: &dyn Fn(&ClientMetrics) -> bool| {
            u32::try_from(clients.iter().filter(|c| f(c)).count()).unwrap_or(u32::MAX)
        };
        let n = u32::try_from(clients.len()).unwrap_or(u32::MAX);
        let orders: u32 = clients.iter().map(|c| c.orders).sum();
        let revenue: Money = clients.iter().map(|c| c.revenue).sum();
        let repeat_clients = count(&|c| c.orders >= 2);
        FarmerMetrics {
            clients: n,
            buying_clients: count(&|c| c.orders >= 1),
            repeat_clients,
            orders,
            revenue,
            average_check: average_check(revenue, orders),
            frequency: Ratio::new(
                u64::from(orders) * UNITS_PER_MONTH,
                u64::from(n) * period.month_units(),
            ),
            repeat_rate: Ratio::new(u64::from(repeat_clients), u64::from(n)),
            active: count(&|c| c.activity == Activity::Active),
            sleeping: count(&|c| c.activity == Activity::Sleeping),
            lost: count(&|c| c.activity == Activity::Lost),
            without_orders: count(&|c| c.activity == Activity::NoOrders),
        }
    }
}

/// The metrics of each of a farmer's clients (in the order given) and their sums. Clients
/// without orders count with zeros; share of wallet is left out (it needs per-client estimates:
/// call [`client_metrics`] for it).
pub fn farmer_metrics(
    index: &HistoryIndex,
    client_ids: &[Id],
    period: Period,
    ctx: &MetricsContext<'_>,
) -> (Vec<ClientMetrics>, FarmerMetrics) {
    let per_client: Vec<ClientMetrics> = client_ids
        .iter()
        .map(|id| match index.get(id) {
            Some(history) => client_metrics(history, period, ctx, None),
            None => client_metrics(&ClientHistory::empty(id.clone()), period, ctx, None),
        })
        .collect();
    let sums = FarmerMetrics::aggregate(period, &per_client);
    (per_client, sums)
}
