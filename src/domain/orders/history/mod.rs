//! Per-client purchase histories: the summary the transfer rule and the metrics read.
//!
//! A [`ClientHistory`] is built from one client's orders only, so editing an order rebuilds one
//! history (and re-evaluates one client) instead of the whole base. [`HistoryIndex`] keeps the
//! histories of every client that has orders.

mod build;

use super::{Order, Product};
use crate::domain::ids::Id;
use crate::domain::money::Money;
use build::{Builder, Reduced};
use chrono::NaiveDate;
use std::collections::HashMap;
use std::ops::Range;

/// One order as the rules and metrics see it: its date and total. Its product groups are
/// read through [`ClientHistory::groups_of`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrderSummary {
    /// The order's id.
    pub order_id: Id,
    /// The order's business date.
    pub date: NaiveDate,
    /// The sum of its lines.
    pub total: Money,
    /// This order's slice of [`ClientHistory::order_groups`].
    groups: Range<u32>,
}

/// One client's orders, sorted by date, plus when each product and group was first bought.
///
/// Groups are stored once per client and referred to by small indices, rather than as a list
/// of ids per order: building the index of 100 000 orders is then a few allocations per client
/// instead of several per order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientHistory {
    client_id: Id,
    /// Sorted by (date, order id): the id breaks ties so that the order of input never matters.
    orders: Vec<OrderSummary>,
    /// Every group the client bought, with its first purchase, in order of first purchase.
    groups: Vec<(Id, NaiveDate)>,
    /// Per order (see [`OrderSummary::groups`]): indices into `groups`, ascending, no repeats.
    order_groups: Vec<u32>,
    first_product: HashMap<Id, NaiveDate>,
}

impl ClientHistory {
    /// A client without orders.
    pub fn empty(client_id: Id) -> ClientHistory {
        ClientHistory {
            client_id,
            orders: Vec::new(),
            groups: Vec::new(),
            order_groups: Vec::new(),
            first_product: HashMap::new(),
        }
    }

    /// The history of `client_id` from its orders; orders of other clients are ignored, so a
    /// caller may pass a superset. `products` maps each product to its group; a product missing
    /// from the catalogue contributes no group (it cannot be offered, so it cannot count as
    /// cross-sold).
    pub fn build<'a>(
        client_id: Id,
        orders: impl IntoIterator<Item = &'a Order>,
        products: &'a [Product],
    ) -> ClientHistory {
        let mut builder = Builder::new(products);
        let reduced = orders
            .into_iter()
            .filter(|o| o.client_id == client_id)
            .map(|o| builder.reduce(o))
            .collect();
        builder.assemble(client_id, reduced)
    }

    /// The client this history belongs to.
    pub fn client_id(&self) -> &Id {
        &self.client_id
    }

    /// Every order, oldest first.
    pub fn orders(&self) -> &[OrderSummary] {
        &self.orders
    }

    /// The orders dated on or before `today`, oldest first. Rules and metrics are evaluated «as
    /// of» a day, so orders typed in ahead of their date do not count yet.
    pub fn orders_until(&self, today: NaiveDate) -> &[OrderSummary] {
        &self.orders[..self.orders.partition_point(|o| o.date <= today)]
    }

    /// The orders dated from `from` to `to`, both inclusive, oldest first (empty when `to` is
    /// before `from`).
    pub fn orders_between(&self, from: NaiveDate, to: NaiveDate) -> &[OrderSummary] {
        let start = self.orders.partition_point(|o| o.date < from);
        let end = self.orders.partition_point(|o| o.date <= to).max(start);
        &self.orders[start..end]
    }

    /// The product groups of one of this history's orders, without repeats.
    pub fn groups_of<'a>(&'a self, order: &OrderSummary) -> impl Iterator<Item = &'a Id> + 'a {
        let range = order.groups.start as usize..order.groups.end as usize;
        self.order_groups
            .get(range)
            .unwrap_or_default()
            .iter()
            .map(|&i| &self.groups[i as usize].0)
    }

    /// The distinct product groups bought in `orders` (a slice of this history's orders, e.g.
    /// from [`ClientHistory::orders_between`]), in order of the client's first purchase.
    pub fn groups_in(&self, orders: &[OrderSummary]) -> Vec<&Id> {
        let mut seen = vec![false; self.groups.len()];
        for order in orders {
            let range = order.groups.start as usize..order.groups.end as usize;
            for &i in self.order_groups.get(range).unwrap_or_default() {
                if let Some(flag) = seen.get_mut(i as usize) {
                    *flag = true;
                }
            }
        }
        self.groups
            .iter()
            .zip(seen)
            .filter_map(|((g, _), seen)| seen.then_some(g))
            .collect()
    }

    /// The date `product_id` was first bought, whenever that was.
    pub fn first_bought_product(&self, product_id: &Id) -> Option<NaiveDate> {
        self.first_product.get(product_id).copied()
    }

    /// The date anything of `group_id` was first bought, whenever that was.
    pub fn first_bought_group(&self, group_id: &Id) -> Option<NaiveDate> {
        self.groups
            .iter()
            .find(|(g, _)| g == group_id)
            .map(|(_, date)| *date)
    }
}

/// The histories of every client that has at least one order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HistoryIndex {
    by_client: HashMap<Id, ClientHistory>,
}

impl HistoryIndex {
    /// Builds every client's history from all orders and the catalogue.
    pub fn build(orders: &[Order], products: &[Product]) -> HistoryIndex {
        let mut builder = Builder::new(products);
        // One pass over the orders in the order they are stored, which is also roughly how they
        // lie in memory, reducing each to numbers; assembling a client then touches only those.
        let mut per_client: HashMap<&Id, Vec<Reduced<'_>>> = HashMap::new();
        for order in orders {
            let reduced = builder.reduce(order);
            per_client
                .entry(&order.client_id)
                .or_default()
                .push(reduced);
        }
        let by_client = per_client
            .into_iter()
            .map(|(id, reduced)| (id.clone(), builder.assemble(id.clone(), reduced)))
            .collect();
        HistoryIndex { by_client }
    }

    /// Rebuilds one client's history after its orders changed (added, edited, removed, or the
    /// client deleted). Pass that client's orders; others in the iterator are ignored. A client
    /// left without orders is dropped, exactly as [`HistoryIndex::build`] would leave it out.
    pub fn update_client<'a>(
        &mut self,
        client_id: &Id,
        orders_of_client: impl IntoIterator<Item = &'a Order>,
        products: &'a [Product],
    ) {
        let history = ClientHistory::build(client_id.clone(), orders_of_client, products);
        if history.orders.is_empty() {
            self.by_client.remove(client_id);
        } else {
            self.by_client.insert(client_id.clone(), history);
        }
    }

    /// The history of a client, or `None` when it has no orders.
    pub fn get(&self, client_id: &Id) -> Option<&ClientHistory> {
        self.by_client.get(client_id)
    }

    /// Every history, in no particular order.
    pub fn histories(&self) -> impl Iterator<Item = &ClientHistory> {
        self.by_client.values()
    }

    /// How many clients have orders.
    pub fn len(&self) -> usize {
        self.by_client.len()
    }

    /// True when no client has an order.
    pub fn is_empty(&self) -> bool {
        self.by_client.is_empty()
    }
}
