//! Building histories fast: each order is first reduced to numbers (its date, total and product
//! numbers), then a client's history is assembled from its reduced orders.
//!
//! Why the two steps: with 100 000 orders the cost is memory, not arithmetic. Reducing the orders
//! in the order they are stored reads them sequentially, and assembling a client then needs no
//! string hashing at all, because products and groups are numbered once per build and
//! «already seen by this client» is a stamp in an array indexed by that number.

use super::{ClientHistory, OrderSummary};
use crate::domain::ids::Id;
use crate::domain::money::Money;
use crate::domain::orders::{Order, Product};
use chrono::NaiveDate;
use std::collections::HashMap;
use std::ops::Range;

/// An order reduced to what a history needs.
pub(super) struct Reduced<'a> {
    id: &'a Id,
    date: NaiveDate,
    total: Money,
    /// This order's product numbers in [`Builder::numbers`].
    products: Range<usize>,
}

/// Numbers products and groups, and holds the scratch space of assembling one client.
pub(super) struct Builder<'a> {
    product_number: HashMap<&'a Id, u32>,
    /// By product number: its id and its group's number (none for a product that is no longer
    /// in the catalogue but still appears on old orders).
    products: Vec<(&'a Id, Option<u32>)>,
    /// By group number: its id.
    group_ids: Vec<&'a Id>,
    /// The product numbers of every reduced order, back to back.
    numbers: Vec<u32>,
    /// Which client (by stamp) last saw each product number.
    product_seen: Vec<u32>,
    /// Which client (by stamp) last saw each group number, and its index in that client's list.
    group_seen: Vec<(u32, u32)>,
    /// The current client's stamp; stamps make resetting the two arrays per client unnecessary.
    stamp: u32,
}

impl<'a> Builder<'a> {
    /// A builder for the catalogue `products`.
    pub(super) fn new(products: &'a [Product]) -> Builder<'a> {
        let mut group_number: HashMap<&Id, u32> = HashMap::new();
        let mut group_ids = Vec::new();
        let mut builder = Builder {
            product_number: HashMap::with_capacity(products.len()),
            products: Vec::with_capacity(products.len()),
            group_ids: Vec::new(),
            numbers: Vec::new(),
            product_seen: Vec::new(),
            group_seen: Vec::new(),
            stamp: 0,
        };
        for p in products {
            let group = *group_number.entry(&p.group_id).or_insert_with(|| {
                group_ids.push(&p.group_id);
                as_u32(group_ids.len() - 1)
            });
            builder.add_product(&p.id, Some(group));
        }
        builder.group_ids = group_ids;
        builder
    }

    fn add_product(&mut self, id: &'a Id, group: Option<u32>) -> u32 {
        *self.product_number.entry(id).or_insert_with(|| {
            self.products.push((id, group));
            as_u32(self.products.len() - 1)
        })
    }

    /// Reduces one order to numbers.
    pub(super) fn reduce(&mut self, order: &'a Order) -> Reduced<'a> {
        let start = self.numbers.len();
        let mut total = Money::ZERO;
        for line in &order.lines {
            let number = match self.product_number.get(&line.product_id) {
                Some(&n) => n,
                None => self.add_product(&line.product_id, None),
            };
            self.numbers.push(number);
            total += line.amount;
        }
        Reduced {
            id: &order.id,
            date: order.date,
            total,
            products: start..self.numbers.len(),
        }
    }

    /// Assembles the history of `client_id` from its reduced orders.
    pub(super) fn assemble(
        &mut self,
        client_id: Id,
        mut orders: Vec<Reduced<'a>>,
    ) -> ClientHistory {
        // Oldest first, so the first sighting of a product or group is its first purchase, and
        // the group indices come out the same whatever order the input was in.
        orders.sort_unstable_by(|a, b| (a.date, a.id).cmp(&(b.date, b.id)));
        let stamp = self.next_stamp();
        let mut history = ClientHistory::empty(client_id);
        history.orders.reserve_exact(orders.len());
        for order in orders {
            let start = history.order_groups.len();
            for &number in &self.numbers[order.products] {
                let (product_id, group) = self.products[number as usize];
                let seen = &mut self.product_seen[number as usize];
                if *seen != stamp {
                    *seen = stamp;
                    history.first_product.insert(product_id.clone(), order.date);
                }
                if let Some(group) = group {
                    let slot = &mut self.group_seen[group as usize];
                    if slot.0 != stamp {
                        *slot = (stamp, as_u32(history.groups.len()));
                        let group_id = self.group_ids[group as usize].clone();
                        history.groups.push((group_id, order.date));
                    }
                    history.order_groups.push(slot.1);
                }
            }
            let own = &mut history.order_groups[start..];
            own.sort_unstable();
            let kept = dedup_sorted(own);
            history.order_groups.truncate(start + kept);
            history.orders.push(OrderSummary {
                order_id: order.id.clone(),
                date: order.date,
                total: order.total,
                groups: as_u32(start)..as_u32(start + kept),
            });
        }
        history
    }

    /// A fresh stamp for the next client, with the scratch arrays sized to the catalogue (which
    /// grows when old orders name products no longer in it).
    fn next_stamp(&mut self) -> u32 {
        if self.stamp == u32::MAX {
            self.product_seen.fill(0);
            self.group_seen.fill((0, 0));
            self.stamp = 0;
        }
        self.stamp += 1;
        self.product_seen.resize(self.products.len(), 0);
        self.group_seen.resize(self.group_ids.len(), (0, 0));
        self.stamp
    }
}

/// Moves the distinct values of a sorted slice to its front; returns how many there are.
fn dedup_sorted(values: &mut [u32]) -> usize {
    let mut kept = 0;
    for i in 0..values.len() {
        if kept == 0 || values[i] != values[kept - 1] {
            values[kept] = values[i];
            kept += 1;
        }
    }
    kept
}

/// Counts and indices here are bounded by the orders and lines in memory, far below `u32::MAX`.
fn as_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
