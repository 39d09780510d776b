//! Building histories fast: each order is first reduced to a small record (its client, date,
//! total and product numbers), the records are put in (client, date) order by two counting
//! sorts, then each client's history is assembled from its run of records into storage shared
//! by every history of the build.
//!
//! Why the steps: with 100 000 orders the cost is memory, not arithmetic. The orders are read
//! once, in the order they are stored, because reading them is chasing pointers to their ids and
//! lines across the heap (a second pass over them cost more than all the sorting). Each order id
//! is copied once, into the build's one buffer of ids. The records, not positions of them, are
//! what the sorts move, and they carry the product numbers of a typical order themselves: each
//! sort then reads sequentially and writes scattered, and assembling reads everything
//! sequentially, where following positions into the records and their lines was most of its
//! time. Assembling a client needs no string hashing or cloning, because products and groups are
//! numbered once per build (in an `FxHashMap`: the ids are the user's own records, so the
//! standard map's flooding-resistant hasher would only cost time), their ids are kept once in a
//! shared [`Names`] table, and «already seen by this client» is a stamp in an array indexed by
//! that number. Every history's lists are slices of one [`Arena`], so a build makes a handful of
//! allocations instead of several per client (and dropping the index frees as few).

mod sort;

use super::{ClientHistory, OrderSummary};
use crate::domain::ids::Id;
use crate::domain::money::Money;
use crate::domain::orders::{Order, Product};
use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use sort::{day_key, sort_by_client, sort_by_day};
use std::ops::Range;
use std::sync::Arc;

/// The ids behind the product and group numbers of the histories of one build.
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

/// Everything the histories of one build hold, shared by all of them through an `Arc`; a
/// [`ClientHistory`] is its client id and its ranges into these lists.
#[derive(Debug, Default)]
pub(super) struct Arena {
    /// The ids of products and groups by number.
    pub(super) names: Names,
    /// Every order id of the build, back to back, in the order the orders were given (see
    /// [`OrderSummary`]'s `id`).
    pub(super) order_ids: String,
    /// Every client's orders: one run per client, each sorted by (date, order id).
    pub(super) orders: Vec<OrderSummary>,
    /// The date of each of `orders`, on its own. Why twice: the rules and metrics find a
    /// client's orders in a window by binary search on the dates, several times per client;
    /// over these 4-byte dates a search reads one or two cache lines instead of most of the
    /// client's 32-byte summaries.
    pub(super) dates: Vec<NaiveDate>,
    /// Per order (see [`OrderSummary`]'s `groups`): indices into its client's run of `groups`,
    /// ascending, no repeats.
    pub(super) order_groups: Vec<u32>,
    /// Per client, one run: every group it bought (its number) with its first purchase, in order
    /// of first purchase.
    pub(super) groups: Vec<(u32, NaiveDate)>,
    /// Per client, one run: every product it bought (its number) with its first purchase, in
    /// order of first purchase.
    pub(super) products: Vec<(u32, NaiveDate)>,
}

/// An order reduced to what a history needs: `Copy` and 48 bytes, moved by the sorts.
#[derive(Clone, Copy, Default)]
struct Reduced {
    /// The order's client, by number.
    client: u32,
    date: NaiveDate,
    /// [`day_key`] of `date`, worked out once for the sort by day.
    day: i32,
    total: Money,
    /// The order's id is `Arena::order_ids[id_start..id_end]`.
    id_start: u32,
    id_end: u32,
    /// How many lines (product numbers) the order has.
    lines: u32,
    /// The product numbers when there are at most [`INLINE`]; else `products[0]` is where they
    /// start in `Builder::spilled`.
    products: [u32; INLINE],
}

/// Product numbers kept in the record itself. Orders typically have a few lines; a longer one
/// keeps its numbers in a separate list, read out of order when assembling.
const INLINE: usize = 4;

/// Marks a product that is no longer in the catalogue (it still appears on old orders): it has
/// no group.
const NO_GROUP: u32 = u32::MAX;

/// Ids numbered 0, 1, 2, … in order of first sight.
#[derive(Default)]
struct Numbering<'a> {
    /// Keyed by the id's text, not `&Id`: the table then holds the text's address and length
    /// itself, one pointer less to follow in each of a build's 350 000 lookups (about 1.5 ms of
    /// the 100 000-order build in Chromium, which kept the full recompute under 25 ms).
    numbers: FxHashMap<&'a str, u32>,
    /// By number: the id.
    ids: Vec<&'a Id>,
}

impl<'a> Numbering<'a> {
    /// The number of `id`, numbering it if it is new; `true` when it is.
    fn number(&mut self, id: &'a Id) -> (u32, bool) {
        let next = as_u32(self.ids.len());
        let number = *self.numbers.entry(id.as_str()).or_insert(next);
        if number == next {
            self.ids.push(id);
        }
        (number, number == next)
    }

    /// The ids, by number, cloned.
    fn cloned_ids(&self) -> Vec<Id> {
        self.ids.iter().map(|&id| id.clone()).collect()
    }
}

/// Numbers products and groups, and holds the scratch space of assembling one client.
struct Builder<'a> {
    products: Numbering<'a>,
    /// By product number: its group's number, or [`NO_GROUP`].
    product_group: Vec<u32>,
    groups: Numbering<'a>,
    /// The product numbers of orders with more than [`INLINE`] lines, back to back.
    spilled: Vec<u32>,
    /// Which client (by stamp) last saw each product number.
    product_seen: Vec<u32>,
    /// Which client (by stamp) last saw each group number, and its index in that client's list.
    group_seen: Vec<(u32, u32)>,
    /// The current client's stamp; stamps make resetting the two arrays per client unnecessary.
    stamp: u32,
}

/// The histories of every client with orders in `orders`, in order of each client's first order
/// in `orders`. Both the whole index and one client's rebuild go through here, so both sort and
/// number the same way.
pub(super) fn histories<'a>(
    orders: impl Iterator<Item = &'a Order>,
    products: &'a [Product],
) -> Vec<ClientHistory> {
    let mut builder = Builder::new(products);
    let mut arena = Arena::default();
    let expected = orders.size_hint().0;
    // An estimate, not the exact size: counting first would read every order twice. Real ids
    // are 21 bytes; a wrong guess costs a reallocation.
    arena.order_ids.reserve(expected * 21);
    // Pass 1, in storage order: number each order's client and reduce the order.
    let mut clients = Numbering::default();
    let mut reduced: Vec<Reduced> = Vec::with_capacity(expected);
    let (mut first_day, mut last_day) = (i32::MAX, i32::MIN);
    for order in orders {
        let (client, _) = clients.number(&order.client_id);
        let record = builder.reduce(order, client, &mut arena.order_ids);
        first_day = first_day.min(record.day);
        last_day = last_day.max(record.day);
        reduced.push(record);
    }
    // Pass 2: a stable sort by date, then a stable counting sort by client: each client's
    // orders are one run, oldest first, with orders of the same client and day still in
    // storage order (assembling orders those by id).
    let by_date = sort_by_day(reduced, first_day, last_day);
    let (grouped, bounds) = sort_by_client(&by_date, clients.ids.len());
    drop(by_date);
    // Pass 3: assemble each client from its run, into the shared lists.
    let mut grouped = grouped;
    arena.names = builder.names();
    arena.orders.reserve_exact(grouped.len());
    arena.dates.reserve_exact(grouped.len());
    arena.order_groups.reserve(grouped.len() * 2);
    let ranges: Vec<Ranges> = bounds
        .into_iter()
        .map(|range| builder.assemble(&mut grouped[range], &mut arena))
        .collect();
    let arena = Arc::new(arena);
    clients
        .ids
        .into_iter()
        .zip(ranges)
        .map(|(client, ranges)| ClientHistory {
            client_id: client.clone(),
            arena: Arc::clone(&arena),
            orders: ranges.orders,
            groups: ranges.groups,
            products: ranges.products,
        })
        .collect()
}

/// One client's runs in the [`Arena`].
struct Ranges {
    orders: Range<u32>,
    groups: Range<u32>,
    products: Range<u32>,
}

impl<'a> Builder<'a> {
    /// A builder for the catalogue `products`.
    fn new(products: &'a [Product]) -> Builder<'a> {
        let mut builder = Builder {
            products: Numbering::default(),
            product_group: Vec::with_capacity(products.len()),
            groups: Numbering::default(),
            spilled: Vec::new(),
            product_seen: Vec::new(),
            group_seen: Vec::new(),
            stamp: 0,
        };
        for p in products {
            let (group, _) = builder.groups.number(&p.group_id);
            builder.add_product(&p.id, group);
        }
        builder
    }

    /// The number of product `id`, numbering it (in `group`) if it is new.
    fn add_product(&mut self, id: &'a Id, group: u32) -> u32 {
        let (number, new) = self.products.number(id);
        if new {
            self.product_group.push(group);
        }
        number
    }

    /// Reduces one order of client number `client` to numbers, appending its id to `ids`.
    fn reduce(&mut self, order: &'a Order, client: u32, ids: &mut String) -> Reduced {
        let mut products = [0; INLINE];
        let spill = order.lines.len() > INLINE;
        if spill {
            products[0] = as_u32(self.spilled.len());
        }
        let mut total = Money::ZERO;
        for (k, line) in order.lines.iter().enumerate() {
            // The catalogue's products are numbered already; one missing from it (it still
            // appears on old orders) is numbered here, without a group.
            let number = self.add_product(&line.product_id, NO_GROUP);
            match products.get_mut(k) {
                Some(slot) if !spill => *slot = number,
                _ => self.spilled.push(number),
            }
            total += line.amount;
        }
        let id_start = as_u32(ids.len());
        ids.push_str(order.id.as_str());
        Reduced {
            client,
            date: order.date,
            day: day_key(order.date),
            total,
            id_start,
            id_end: as_u32(ids.len()),
            lines: as_u32(order.lines.len()),
            products,
        }
    }

    /// The ids of every product and group numbered so far. Call it after the last
    /// [`Builder::reduce`]: later numbers would be missing from it.
    fn names(&self) -> Names {
        Names {
            products: self.products.cloned_ids(),
            groups: self.groups.cloned_ids(),
        }
    }

    /// Appends one client's history to `arena`: its orders are `run`, sorted by date with ties
    /// in storage order; ties are ordered by id here.
    fn assemble(&mut self, run: &mut [Reduced], arena: &mut Arena) -> Ranges {
        // Orders of the same client on the same day are ordered by id, so that the order of
        // input never matters. They are rare (a few per hundred orders), hence a scan for them
        // rather than comparing ids in the sort.
        let ids = arena.order_ids.as_bytes();
        let id = |o: &Reduced| &ids[o.id_start as usize..o.id_end as usize];
        let mut from = 0;
        while from < run.len() {
            let date = run[from].date;
            let mut to = from + 1;
            while to < run.len() && run[to].date == date {
                to += 1;
            }
            if to - from > 1 {
                crate::domain::sort::sort_by(&mut run[from..to], |a, b| id(a).cmp(id(b)));
            }
            from = to;
        }
        let stamp = self.next_stamp();
        let (orders_start, groups_start, products_start) = (
            as_u32(arena.orders.len()),
            as_u32(arena.groups.len()),
            as_u32(arena.products.len()),
        );
        for order in run.iter() {
            let start = arena.order_groups.len();
            let numbers = if order.lines as usize <= INLINE {
                &order.products[..order.lines as usize]
            } else {
                let from = order.products[0] as usize;
                self.spilled
                    .get(from..from + order.lines as usize)
                    .unwrap_or_default()
            };
            for &number in numbers {
                let seen = &mut self.product_seen[number as usize];
                if *seen != stamp {
                    *seen = stamp;
                    arena.products.push((number, order.date));
                }
                let group = self.product_group[number as usize];
                if group != NO_GROUP {
                    let slot = &mut self.group_seen[group as usize];
                    if slot.0 != stamp {
                        let local = as_u32(arena.groups.len()) - groups_start;
                        *slot = (stamp, local);
                        arena.groups.push((group, order.date));
                    }
                    insert_sorted_unique(&mut arena.order_groups, start, slot.1);
                }
            }
            arena.dates.push(order.date);
            arena.orders.push(OrderSummary {
                date: order.date,
                total: order.total,
                id: order.id_start..order.id_end,
                groups: as_u32(start)..as_u32(arena.order_groups.len()),
            });
        }
        Ranges {
            orders: orders_start..as_u32(arena.orders.len()),
            groups: groups_start..as_u32(arena.groups.len()),
            products: products_start..as_u32(arena.products.len()),
        }
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
        self.product_seen.resize(self.products.ids.len(), 0);
        self.group_seen.resize(self.groups.ids.len(), (0, 0));
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
