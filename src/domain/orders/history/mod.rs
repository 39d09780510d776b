//! Per-client purchase histories: the summary the transfer rule and the metrics read.
//!
//! A [`ClientHistory`] is built from one client's orders only, so editing an order rebuilds one
//! history (and re-evaluates one client) instead of the whole base. [`HistoryIndex`] keeps the
//! histories of every client that has orders.

mod build;
mod fast_hash;
mod id_numbers;

use super::{Order, Product};
use crate::domain::ids::Id;
use crate::domain::money::Money;
use build::{Builder, Names};
use chrono::NaiveDate;
use fast_hash::FastHash;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

/// One order as the rules and metrics see it: its date and total. Its id and product groups are
/// read through [`ClientHistory::order_id`] and [`ClientHistory::groups_of`].
///
/// Why the id is not an [`Id`] field: cloning one `String` per order was the largest cost of
/// building the index (100 000 allocations, then as many frees when it is replaced). The ids
/// are kept back to back in one string per client instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrderSummary {
    /// The order's business date.
    pub date: NaiveDate,
    /// The sum of its lines.
    pub total: Money,
    /// This order's id is `ClientHistory::order_ids[id]`.
    id: Range<u32>,
    /// This order's slice of [`ClientHistory::order_groups`].
    groups: Range<u32>,
}

/// One client's orders, sorted by date, plus when each product and group was first bought.
///
/// Groups are stored once per client and referred to by small indices, rather than as a list
/// of ids per order; products and groups are numbers into a table of ids shared by every
/// history of one build ([`Names`]), rather than cloned ids. Building the index of 100 000
/// orders is then a few allocations per client instead of several per order.
#[derive(Clone, Debug)]
pub struct ClientHistory {
    client_id: Id,
    /// Sorted by (date, order id): the id breaks ties so that the order of input never matters.
    orders: Vec<OrderSummary>,
    /// The ids of `orders`, back to back (see [`OrderSummary::id`]).
    order_ids: String,
    /// The ids behind the product and group numbers below.
    names: Arc<Names>,
    /// Every group the client bought (its number in `names`) with its first purchase, in order
    /// of first purchase.
    groups: Vec<(u32, NaiveDate)>,
    /// Per order (see [`OrderSummary::groups`]): indices into `groups`, ascending, no repeats.
    order_groups: Vec<u32>,
    /// Every product the client bought (its number in `names`) with its first purchase, in order
    /// of first purchase. A list, not a map: a client buys tens of products, and a lookup
    /// happens once per client per «bought product» condition, so a scan is cheaper than
    /// building a map per client.
    products: Vec<(u32, NaiveDate)>,
}

/// Equal when the same orders, groups and first purchases are recorded. The numbers are
/// compared through the ids they stand for: one client rebuilt on its own numbers products
/// unknown to the catalogue differently from a build of the whole base.
impl PartialEq for ClientHistory {
    fn eq(&self, other: &ClientHistory) -> bool {
        let same = |mine: &[(u32, NaiveDate)],
                    theirs: &[(u32, NaiveDate)],
                    name: fn(&Names, u32) -> &Id| {
            mine.len() == theirs.len()
                && mine.iter().zip(theirs).all(|(&(a, a_date), &(b, b_date))| {
                    a_date == b_date && name(&self.names, a) == name(&other.names, b)
                })
        };
        self.client_id == other.client_id
            && self.orders == other.orders
            && self.order_ids == other.order_ids
            && self.order_groups == other.order_groups
            && same(&self.groups, &other.groups, Names::group)
            && same(&self.products, &other.products, Names::product)
    }
}

impl Eq for ClientHistory {}

impl ClientHistory {
    /// A client without orders.
    pub fn empty(client_id: Id) -> ClientHistory {
        ClientHistory {
            client_id,
            orders: Vec::new(),
            order_ids: String::new(),
            names: Arc::default(),
            groups: Vec::new(),
            order_groups: Vec::new(),
            products: Vec::new(),
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
        let mut reduced: Vec<_> = orders
            .into_iter()
            .filter(|o| o.client_id == client_id)
            .map(|o| builder.reduce(o))
            .collect();
        let names = builder.names();
        builder.assemble(client_id, &mut reduced, &names)
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

    /// The id of one of this history's orders (empty for an order of another history).
    pub fn order_id(&self, order: &OrderSummary) -> &str {
        self.order_ids
            .get(order.id.start as usize..order.id.end as usize)
            .unwrap_or_default()
    }

    /// The product groups of one of this history's orders, without repeats.
    pub fn groups_of<'a>(&'a self, order: &OrderSummary) -> impl Iterator<Item = &'a Id> + 'a {
        let range = order.groups.start as usize..order.groups.end as usize;
        self.order_groups
            .get(range)
            .unwrap_or_default()
            .iter()
            .map(|&i| self.names.group(self.groups[i as usize].0))
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
            .filter(|(_, seen)| *seen)
            .map(|(&(g, _), _)| self.names.group(g))
            .collect()
    }

    /// How many of the distinct groups bought in `orders` (a slice of this history's orders)
    /// pass `keep`: `groups_in(orders)` filtered and counted. The metrics of every client need
    /// only this count, so it is kept to a bit set when the client bought at most 64 groups
    /// instead of two allocations per client.
    pub(crate) fn count_groups_in(
        &self,
        orders: &[OrderSummary],
        keep: impl Fn(&Id) -> bool,
    ) -> usize {
        if self.groups.len() > 64 {
            return self
                .groups_in(orders)
                .into_iter()
                .filter(|g| keep(g))
                .count();
        }
        let mut seen = 0u64;
        for order in orders {
            let range = order.groups.start as usize..order.groups.end as usize;
            for &i in self.order_groups.get(range).unwrap_or_default() {
                seen |= 1u64.checked_shl(i).unwrap_or(0);
            }
        }
        self.groups
            .iter()
            .enumerate()
            .filter(|&(i, &(g, _))| seen >> i & 1 == 1 && keep(self.names.group(g)))
            .count()
    }

    /// The date `product_id` was first bought, whenever that was.
    pub fn first_bought_product(&self, product_id: &Id) -> Option<NaiveDate> {
        self.products
            .iter()
            .find(|&&(p, _)| self.names.product(p) == product_id)
            .map(|&(_, date)| date)
    }

    /// The date anything of `group_id` was first bought, whenever that was.
    pub fn first_bought_group(&self, group_id: &Id) -> Option<NaiveDate> {
        self.groups
            .iter()
            .find(|&&(g, _)| self.names.group(g) == group_id)
            .map(|&(_, date)| date)
    }
}

/// The histories of every client that has at least one order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HistoryIndex {
    by_client: HashMap<Id, ClientHistory, FastHash>,
}

impl HistoryIndex {
    /// Builds every client's history from all orders and the catalogue.
    pub fn build(orders: &[Order], products: &[Product]) -> HistoryIndex {
        let by_client = build::all_clients(orders, products)
            .map(|history| (history.client_id.clone(), history))
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
