//! Building histories fast: each order is first reduced to numbers (its date, total and product
//! numbers), the reduced orders are grouped by client, then each client's history is assembled
//! from its reduced orders.
//!
//! Why the steps: with 100 000 orders the cost is memory and allocation, not arithmetic.
//! Reducing the orders in the order they are stored reads them sequentially; grouping them by
//! client is a counting sort into one array (no vector per client); and assembling a client then
//! needs no string hashing and no string cloning at all, because products and groups are
//! numbered once per build, their ids are kept once in a shared [`Names`] table, and «already
//! seen by this client» is a stamp in an array indexed by that number.

use super::id_numbers::IdNumbers;
use super::{ClientHistory, OrderSummary};
use crate::domain::ids::Id;
use crate::domain::money::Money;
use crate::domain::orders::{Order, Product};
use chrono::NaiveDate;
use std::sync::Arc;

/// The ids behind the product and group numbers of the histories of one build, shared by all of
/// them through an `Arc` so that no history clones an id per product or group.
#[derive(Debug, Default)]
pub(super) struct Names {
    /// By product number.
    products: Vec<Id>,
    /// By group number.
    groups: Vec<Id>,
}

impl Names {
    /// The id of product number `n` (numbers come from the same build, so they are in range).
    pub(super) fn product(&self, n: u32) -> &Id {
        &self.products[n as usize]
    }

    /// The id of group number `n`.
    pub(super) fn group(&self, n: u32) -> &Id {
        &self.groups[n as usize]
    }
}

/// An order reduced to what a history needs. `Copy` and 32 bytes, so grouping by client moves
/// little and never touches the order itself again.
#[derive(Clone, Copy)]
pub(super) struct Reduced {
    /// The order's id is `Builder::ids[id_start..id_end]`.
    id_start: u32,
    id_end: u32,
    date: NaiveDate,
    total: Money,
    /// This order's product numbers are `Builder::numbers[start..end]`.
    start: u32,
    end: u32,
}

/// Marks a product that is no longer in the catalogue (it still appears on old orders): it has
/// no group.
const NO_GROUP: u32 = u32::MAX;

/// Numbers products and groups, and holds the scratch space of assembling one client.
pub(super) struct Builder<'a> {
    product_number: IdNumbers<'a>,
    /// By product number: its id.
    product_ids: Vec<&'a Id>,
    /// By product number: its group's number, or [`NO_GROUP`].
    product_group: Vec<u32>,
    /// By group number: its id.
    group_ids: Vec<&'a Id>,
    /// The product numbers of every reduced order, back to back.
    numbers: Vec<u32>,
    /// The ids of every reduced order, back to back. Copied while reading the orders in storage
    /// order: reading them later, client by client, would chase 100 000 pointers across the heap;
    /// here they lie in one buffer that fits in the cache.
    ids: String,
    /// Which client (by stamp) last saw each product number.
    product_seen: Vec<u32>,
    /// Which client (by stamp) last saw each group number, and its index in that client's list.
    group_seen: Vec<(u32, u32)>,
    /// The current client's stamp; stamps make resetting the two arrays per client unnecessary.
    stamp: u32,
}

/// Every client's history from all orders and the catalogue, in no particular order.
pub(super) fn all_clients<'a>(
    orders: &'a [Order],
    products: &'a [Product],
) -> impl Iterator<Item = ClientHistory> + 'a {
    let mut builder = Builder::new(products);
    let (lines, id_bytes) = orders.iter().fold((0, 0), |(lines, bytes), o| {
        (lines + o.lines.len(), bytes + o.id.as_str().len())
    });
    builder.numbers.reserve_exact(lines);
    builder.ids.reserve_exact(id_bytes);
    // Pass 1, in storage order: number each order's client and reduce the order.
    let mut client_number = IdNumbers::with_capacity(1024);
    let mut clients: Vec<&Id> = Vec::new();
    let mut counts: Vec<u32> = Vec::new();
    let mut client_of: Vec<u32> = Vec::with_capacity(orders.len());
    let mut reduced: Vec<Reduced> = Vec::with_capacity(orders.len());
    for order in orders {
        let (client, new) = client_number.number(order.client_id.as_str());
        if new {
            clients.push(&order.client_id);
            counts.push(0);
        }
        counts[client as usize] += 1;
        client_of.push(client);
        reduced.push(builder.reduce(order));
    }
    // Pass 2: a counting sort by client, so each client's orders are one slice of `grouped`.
    let mut next = Vec::with_capacity(counts.len());
    let mut bounds = Vec::with_capacity(counts.len());
    let mut at = 0usize;
    for &count in &counts {
        next.push(at);
        bounds.push(at..at + count as usize);
        at += count as usize;
    }
    let mut grouped = reduced.clone();
    for (order, &client) in reduced.iter().zip(&client_of) {
        let slot = &mut next[client as usize];
        grouped[*slot] = *order;
        *slot += 1;
    }
    let names = builder.names();
    // Pass 3: assemble each client from its slice.
    clients
        .into_iter()
        .zip(bounds)
        .map(move |(client, range)| builder.assemble(client.clone(), &mut grouped[range], &names))
}

impl<'a> Builder<'a> {
    /// A builder for the catalogue `products`.
    pub(super) fn new(products: &'a [Product]) -> Builder<'a> {
        let mut group_number = IdNumbers::with_capacity(16);
        let mut builder = Builder {
            product_number: IdNumbers::with_capacity(products.len()),
            product_ids: Vec::with_capacity(products.len()),
            product_group: Vec::with_capacity(products.len()),
            group_ids: Vec::new(),
            numbers: Vec::new(),
            ids: String::new(),
            product_seen: Vec::new(),
            group_seen: Vec::new(),
            stamp: 0,
        };
        for p in products {
            let (group, new) = group_number.number(p.group_id.as_str());
            if new {
                builder.group_ids.push(&p.group_id);
            }
            builder.add_product(&p.id, group);
        }
        builder
    }

    /// The number of product `id`, numbering it (in `group`) if it is new.
    fn add_product(&mut self, id: &'a Id, group: u32) -> u32 {
        let (number, new) = self.product_number.number(id.as_str());
        if new {
            self.product_ids.push(id);
            self.product_group.push(group);
        }
        number
    }

    /// Reduces one order to numbers.
    pub(super) fn reduce(&mut self, order: &'a Order) -> Reduced {
        let start = as_u32(self.numbers.len());
        let mut total = Money::ZERO;
        for line in &order.lines {
            let number = match self.product_number.get(line.product_id.as_str()) {
                Some(n) => n,
                None => self.add_product(&line.product_id, NO_GROUP),
            };
            self.numbers.push(number);
            total += line.amount;
        }
        let id_start = as_u32(self.ids.len());
        self.ids.push_str(order.id.as_str());
        Reduced {
            id_start,
            id_end: as_u32(self.ids.len()),
            date: order.date,
            total,
            start,
            end: as_u32(self.numbers.len()),
        }
    }

    /// The ids of every product and group numbered so far, for the histories to share. Call it
    /// after the last [`Builder::reduce`]: later numbers would be missing from it.
    pub(super) fn names(&self) -> Arc<Names> {
        Arc::new(Names {
            products: self.product_ids.iter().map(|&id| id.clone()).collect(),
            groups: self.group_ids.iter().map(|&id| id.clone()).collect(),
        })
    }

    /// Assembles the history of `client_id` from its reduced orders (sorting them in place).
    /// `names` must come from [`Builder::names`] of this builder after reducing those orders.
    pub(super) fn assemble(
        &mut self,
        client_id: Id,
        orders: &mut [Reduced],
        names: &Arc<Names>,
    ) -> ClientHistory {
        // Oldest first, so the first sighting of a product or group is its first purchase, and
        // the group indices come out the same whatever order the input was in. Orders are often
        // typed in date order already; checking that first is one cheap pass.
        let ids = &self.ids;
        let id = |o: &Reduced| &ids.as_bytes()[o.id_start as usize..o.id_end as usize];
        let by_date = |a: &Reduced, b: &Reduced| a.date.cmp(&b.date).then_with(|| id(a).cmp(id(b)));
        if !orders.is_sorted_by(|a, b| by_date(a, b).is_le()) {
            orders.sort_unstable_by(by_date);
        }
        let stamp = self.next_stamp();
        let (lines, id_bytes) = orders.iter().fold((0, 0), |(lines, bytes), o| {
            (
                lines + (o.end - o.start) as usize,
                bytes + (o.id_end - o.id_start) as usize,
            )
        });
        let mut history = ClientHistory::empty(client_id);
        history.names = Arc::clone(names);
        history.orders.reserve_exact(orders.len());
        history.order_ids.reserve_exact(id_bytes);
        // At most one group per line, and at most one new product or group per line: a little
        // slack is cheaper than growing each list several times.
        history.order_groups.reserve_exact(lines);
        history
            .products
            .reserve_exact(lines.min(self.product_ids.len()));
        history
            .groups
            .reserve_exact(lines.min(self.group_ids.len()));
        for order in orders.iter() {
            let start = history.order_groups.len();
            for &number in &self.numbers[order.start as usize..order.end as usize] {
                let seen = &mut self.product_seen[number as usize];
                if *seen != stamp {
                    *seen = stamp;
                    history.products.push((number, order.date));
                }
                let group = self.product_group[number as usize];
                if group != NO_GROUP {
                    let slot = &mut self.group_seen[group as usize];
                    if slot.0 != stamp {
                        *slot = (stamp, as_u32(history.groups.len()));
                        history.groups.push((group, order.date));
                    }
                    insert_sorted_unique(&mut history.order_groups, start, slot.1);
                }
            }
            let kept = history.order_groups.len() - start;
            let id_start = as_u32(history.order_ids.len());
            history
                .order_ids
                .push_str(&self.ids[order.id_start as usize..order.id_end as usize]);
            history.orders.push(OrderSummary {
                date: order.date,
                total: order.total,
                id: id_start..as_u32(history.order_ids.len()),
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
        self.product_seen.resize(self.product_ids.len(), 0);
        self.group_seen.resize(self.group_ids.len(), (0, 0));
        self.stamp
    }
}

/// Adds `value` to `values[start..]`, kept ascending and without repeats. An order has a few
/// lines, and a group new to the client gets the largest index so far, so this is nearly always
/// a push; sorting and deduplicating each order's slice afterwards cost more.
fn insert_sorted_unique(values: &mut Vec<u32>, start: usize, value: u32) {
    match values[start..].iter().position(|&v| v >= value) {
        Some(at) if values[start + at] == value => {}
        Some(at) => values.insert(start + at, value),
        None => values.push(value),
    }
}

/// Counts and indices here are bounded by the orders and lines in memory, far below `u32::MAX`.
fn as_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
