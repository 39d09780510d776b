//! Building histories fast: each order is first reduced to numbers (its date, total and product
//! numbers), the reduced orders are put in (client, date) order by two counting sorts, then each
//! client's history is assembled from its run of reduced orders into storage shared by every
//! history of the build.
//!
//! Why the steps: with 100 000 orders the cost is memory and allocation, not arithmetic.
//! Reducing the orders in the order they are stored reads them sequentially, and copies each
//! order id once, into the build's one buffer of ids; sorting by date and then by client are
//! counting sorts over arrays of positions (no comparisons, no vector per client); assembling a
//! client needs no string hashing or cloning, because products and groups are numbered once per
//! build, their ids are kept once in a shared [`Names`] table, and «already seen by this client»
//! is a stamp in an array indexed by that number; and every history's lists are slices of one
//! [`Arena`], so a build makes a handful of allocations instead of several per client (and
//! dropping the index frees as few).

use super::id_numbers::IdNumbers;
use super::{ClientHistory, OrderSummary};
use crate::domain::ids::Id;
use crate::domain::money::Money;
use crate::domain::orders::{Order, Product};
use chrono::{Datelike, NaiveDate};
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

/// An order reduced to what a history needs. `Copy` and 32 bytes, and read by position, so the
/// sorts never touch the order itself again.
#[derive(Clone, Copy)]
struct Reduced {
    /// The order's client, by number.
    client: u32,
    date: NaiveDate,
    total: Money,
    /// The order's id is `Arena::order_ids[id_start..id_end]`.
    id_start: u32,
    id_end: u32,
    /// This order's product numbers are `Builder::numbers[start..end]`.
    start: u32,
    end: u32,
}

/// Marks a product that is no longer in the catalogue (it still appears on old orders): it has
/// no group.
const NO_GROUP: u32 = u32::MAX;

/// Numbers products and groups, and holds the scratch space of assembling one client.
struct Builder<'a> {
    product_number: IdNumbers<'a>,
    /// By product number: its id.
    product_ids: Vec<&'a Id>,
    /// By product number: its group's number, or [`NO_GROUP`].
    product_group: Vec<u32>,
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
    // Estimates, not exact sizes: counting first would read every order twice. A synthetic
    // base averages 2.5 lines and real ids are 21 bytes; a wrong guess costs a reallocation.
    builder.numbers.reserve(expected * 3);
    arena.order_ids.reserve(expected * 21);
    // Pass 1, in storage order: number each order's client and reduce the order.
    let mut client_number = IdNumbers::with_capacity(1024);
    let mut clients: Vec<&Id> = Vec::new();
    let mut client_counts: Vec<u32> = Vec::new();
    let mut reduced: Vec<Reduced> = Vec::with_capacity(expected);
    let mut days: Vec<i32> = Vec::with_capacity(expected);
    for order in orders {
        let (client, new) = client_number.number(order.client_id.as_str());
        if new {
            clients.push(&order.client_id);
            client_counts.push(0);
        }
        client_counts[client as usize] += 1;
        days.push(day_key(order.date));
        reduced.push(builder.reduce(order, client, &mut arena.order_ids));
    }
    // Pass 2: positions in date order (a stable sort), then a stable counting sort of those by
    // client, so each client's orders are one run of `grouped`, oldest first, and orders of the
    // same client and day are still in storage order (pass 3 orders those by id).
    let by_date = order_by_key(&days);
    drop(days);
    let mut next = Vec::with_capacity(client_counts.len());
    let mut bounds = Vec::with_capacity(client_counts.len());
    let mut at = 0usize;
    for &count in &client_counts {
        next.push(at);
        bounds.push(at..at + count as usize);
        at += count as usize;
    }
    let mut grouped = vec![0u32; reduced.len()];
    for &i in &by_date {
        let slot = &mut next[reduced[i as usize].client as usize];
        grouped[*slot] = i;
        *slot += 1;
    }
    drop(by_date);
    // Pass 3: assemble each client from its run, into the shared lists.
    arena.names = builder.names();
    arena.orders.reserve_exact(reduced.len());
    arena.order_groups.reserve(builder.numbers.len());
    let ranges: Vec<Ranges> = bounds
        .into_iter()
        .map(|range| builder.assemble(&reduced, &mut grouped[range], &mut arena))
        .collect();
    let arena = Arc::new(arena);
    clients
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

/// A number that grows with the date: the year times 366 plus the day of the year. Not a count
/// of days (a short year leaves a gap), which a counting sort does not mind, and two shifts and a
/// multiply rather than chrono's day count.
fn day_key(date: NaiveDate) -> i32 {
    date.year() * 366 + date.ordinal() as i32
}

/// The positions of `keys` in ascending order of key, equal keys in their original order.
///
/// Why a counting sort: the keys are days, and a workspace's orders span a few thousand days at
/// most, so counting per day and placing each position is two linear passes, against a
/// comparison sort's n·log n. Keys spread over far more values than there are positions (a
/// few orders, or a stray date centuries away) would make the counts array the cost, so those
/// take a comparison sort instead.
fn order_by_key(keys: &[i32]) -> Vec<u32> {
    let (Some(&min), Some(&max)) = (keys.iter().min(), keys.iter().max()) else {
        return Vec::new();
    };
    let span = i64::from(max) - i64::from(min) + 1;
    if span <= 4 * keys.len() as i64 + 64 {
        counting_order(keys, min, span as usize)
    } else {
        comparison_order(keys)
    }
}

/// [`order_by_key`] by counting: every key is in `min..min + span`.
fn counting_order(keys: &[i32], min: i32, span: usize) -> Vec<u32> {
    let bucket = |k: i32| (i64::from(k) - i64::from(min)) as usize;
    let mut starts = vec![0u32; span + 1];
    for &k in keys {
        starts[bucket(k) + 1] += 1;
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    let mut order = vec![0u32; keys.len()];
    for (i, &k) in keys.iter().enumerate() {
        let slot = &mut starts[bucket(k)];
        order[*slot as usize] = as_u32(i);
        *slot += 1;
    }
    order
}

/// [`order_by_key`] by comparison (a stable sort).
fn comparison_order(keys: &[i32]) -> Vec<u32> {
    let mut order: Vec<u32> = (0..as_u32(keys.len())).collect();
    order.sort_by_key(|&i| keys[i as usize]);
    order
}

impl<'a> Builder<'a> {
    /// A builder for the catalogue `products`.
    fn new(products: &'a [Product]) -> Builder<'a> {
        let mut group_number = IdNumbers::with_capacity(16);
        let mut builder = Builder {
            product_number: IdNumbers::with_capacity(products.len()),
            product_ids: Vec::with_capacity(products.len()),
            product_group: Vec::with_capacity(products.len()),
            group_ids: Vec::new(),
            numbers: Vec::new(),
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

    /// Reduces one order of client number `client` to numbers, appending its id to `ids`.
    #[inline(always)]
    fn reduce(&mut self, order: &'a Order, client: u32, ids: &mut String) -> Reduced {
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
        let id_start = as_u32(ids.len());
        ids.push_str(order.id.as_str());
        Reduced {
            client,
            date: order.date,
            total,
            id_start,
            id_end: as_u32(ids.len()),
            start,
            end: as_u32(self.numbers.len()),
        }
    }

    /// The ids of every product and group numbered so far. Call it after the last
    /// [`Builder::reduce`]: later numbers would be missing from it.
    fn names(&self) -> Names {
        Names {
            products: self.product_ids.iter().map(|&id| id.clone()).collect(),
            groups: self.group_ids.iter().map(|&id| id.clone()).collect(),
        }
    }

    /// Appends one client's history to `arena`: its orders are `reduced[i]` for `i` in `run`,
    /// sorted by date with ties in storage order; ties are ordered by id here.
    fn assemble(&mut self, reduced: &[Reduced], run: &mut [u32], arena: &mut Arena) -> Ranges {
        // Orders of the same client on the same day are ordered by id, so that the order of
        // input never matters. They are rare (a few per hundred orders), hence a scan for them
        // rather than comparing ids in the sort.
        let ids = arena.order_ids.as_bytes();
        let id = |i: u32| {
            let o = &reduced[i as usize];
            &ids[o.id_start as usize..o.id_end as usize]
        };
        let mut from = 0;
        while from < run.len() {
            let date = reduced[run[from] as usize].date;
            let mut to = from + 1;
            while to < run.len() && reduced[run[to] as usize].date == date {
                to += 1;
            }
            if to - from > 1 {
                run[from..to].sort_by(|&a, &b| id(a).cmp(id(b)));
            }
            from = to;
        }
        let stamp = self.next_stamp();
        let (orders_start, groups_start, products_start) = (
            as_u32(arena.orders.len()),
            as_u32(arena.groups.len()),
            as_u32(arena.products.len()),
        );
        for &i in run.iter() {
            let order = &reduced[i as usize];
            let start = arena.order_groups.len();
            for &number in &self.numbers[order.start as usize..order.end as usize] {
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

#[cfg(test)]
mod tests {
    use super::{comparison_order, counting_order, day_key, order_by_key};
    use chrono::{Duration, NaiveDate};

    #[test]
    fn the_counting_sort_orders_like_a_stable_comparison_sort() {
        // Keys with many repeats, in a scrambled order, plus the extremes of one span.
        let keys: Vec<i32> = (0..2_000u32)
            .map(|i| 730_000 + ((i * 7_919) % 613) as i32)
            .collect();
        let (min, max) = (730_000, 730_612);
        let counted = counting_order(&keys, min, (max - min + 1) as usize);
        let compared = comparison_order(&keys);
        assert_eq!(counted, compared);
        // Ascending keys, and equal keys keep their original order.
        assert!(counted.windows(2).all(|w| {
            let (a, b) = (w[0] as usize, w[1] as usize);
            keys[a] < keys[b] || (keys[a] == keys[b] && a < b)
        }));
        assert_eq!(order_by_key(&keys), compared);
        // A stray key far away takes the comparison sort, with the same answer.
        let mut spread = keys.clone();
        spread[17] = i32::MAX;
        spread[3] = i32::MIN;
        let mut expected: Vec<u32> = (0..spread.len() as u32).collect();
        expected.sort_by_key(|&i| spread[i as usize]);
        assert_eq!(order_by_key(&spread), expected);
        assert_eq!(order_by_key(&[]), Vec::<u32>::new());
        assert_eq!(order_by_key(&[5]), vec![0]);
    }

    #[test]
    fn day_keys_grow_with_the_date() {
        let mut day = NaiveDate::from_ymd_opt(1999, 12, 25).unwrap();
        for _ in 0..3_000 {
            let next = day + Duration::days(1);
            assert!(day_key(day) < day_key(next), "{day}");
            day = next;
        }
        assert!(day_key(NaiveDate::MIN) < day_key(NaiveDate::MAX));
    }
}
