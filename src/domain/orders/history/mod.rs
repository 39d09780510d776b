//! Per-client purchase histories: the summary the transfer rule and the metrics read.
//!
//! A [`ClientHistory`] is built from one client's orders only, so editing an order rebuilds one
//! history (and re-evaluates one client) instead of the whole base. [`HistoryIndex`] keeps the
//! histories of every client that has orders.

mod build;

use super::{Order, Product};
use crate::domain::ids::Id;
use crate::domain::money::Money;
use build::Arena;
use chrono::Datelike;
use chrono::NaiveDate;
use rustc_hash::{FxHashSet, FxHasher};
use std::borrow::Borrow;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::sync::{Arc, LazyLock};

/// One order as the rules and metrics see it: its date and total. Its id and product groups are
/// read through [`ClientHistory::order_id`] and [`ClientHistory::groups_of`].
///
/// Why the id is not an [`Id`] field: cloning one `String` per order was the largest cost of
/// building the index (100 000 allocations, then as many frees when it is replaced). The ids
/// are kept back to back in one string per build instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrderSummary {
    /// The order's business date.
    pub date: NaiveDate,
    /// The sum of its lines.
    pub total: Money,
    /// This order's id is `Arena::order_ids[id]`.
    id: Range<u32>,
    /// This order's slice of `Arena::order_groups`.
    groups: Range<u32>,
}

/// One client's orders, sorted by date, plus when each product and group was first bought.
///
/// The lists themselves live in storage shared by every history of one build (an `Arena`);
/// a history is its client id and its ranges there. Groups are stored once per client and
/// referred to by small indices, rather than as a list of ids per order; products and groups
/// are numbers into a table of ids, rather than cloned ids. Building the index of 100 000
/// orders is then a handful of allocations plus one id per client.
#[derive(Clone)]
pub struct ClientHistory {
    client_id: Id,
    arena: Arc<Arena>,
    /// In `Arena::orders`, sorted by (date, order id): the id breaks ties so that the order of
    /// input never matters.
    orders: Range<u32>,
    /// In `Arena::groups`: every group the client bought (its number) with its first purchase,
    /// in order of first purchase. An order's groups are indices into this run.
    groups: Range<u32>,
    /// In `Arena::products`: every product the client bought (its number) with its first
    /// purchase, in order of first purchase. A list, not a map: a client buys tens of products,
    /// and a lookup happens once per client per «bought product» condition, so a scan is cheaper
    /// than building a map per client.
    products: Range<u32>,
}

/// The storage of every history without orders: one, so that an empty history allocates
/// nothing but its id (the metrics make one for each client without orders).
static EMPTY: LazyLock<Arc<Arena>> = LazyLock::new(Arc::default);

/// Equal when the same orders, groups and first purchases are recorded. The numbers and
/// ranges are compared through what they stand for: one client rebuilt on its own stores and
/// numbers things differently from a build of the whole base.
impl PartialEq for ClientHistory {
    fn eq(&self, other: &ClientHistory) -> bool {
        let same = |mine: &[(u32, NaiveDate)],
                    theirs: &[(u32, NaiveDate)],
                    name: fn(&build::Names, u32) -> &Id| {
            mine.len() == theirs.len()
                && mine.iter().zip(theirs).all(|(&(a, a_date), &(b, b_date))| {
                    a_date == b_date && name(&self.arena.names, a) == name(&other.arena.names, b)
                })
        };
        let (mine, theirs) = (self.orders(), other.orders());
        self.client_id == other.client_id
            && mine.len() == theirs.len()
            && mine.iter().zip(theirs).all(|(a, b)| {
                a.date == b.date
                    && a.total == b.total
                    && self.order_id(a) == other.order_id(b)
                    && self.local_groups(a) == other.local_groups(b)
            })
            && same(self.group_list(), other.group_list(), build::Names::group)
            && same(
                self.product_list(),
                other.product_list(),
                build::Names::product,
            )
    }
}

impl Eq for ClientHistory {}

/// The history as it reads, not the shared storage behind it (which holds every client).
impl fmt::Debug for ClientHistory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let orders: Vec<_> = self
            .orders()
            .iter()
            .map(|o| {
                (
                    self.order_id(o),
                    o.date,
                    o.total,
                    self.groups_of(o).collect::<Vec<_>>(),
                )
            })
            .collect();
        f.debug_struct("ClientHistory")
            .field("client_id", &self.client_id)
            .field("orders", &orders)
            .finish()
    }
}

impl ClientHistory {
    /// A client without orders.
    pub fn empty(client_id: Id) -> ClientHistory {
        ClientHistory {
            client_id,
            arena: Arc::clone(&EMPTY),
            orders: 0..0,
            groups: 0..0,
            products: 0..0,
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
        let own = orders.into_iter().filter(|o| o.client_id == client_id);
        build::histories(own, products)
            .pop()
            .unwrap_or_else(|| ClientHistory::empty(client_id))
    }

    /// The client this history belongs to.
    pub fn client_id(&self) -> &Id {
        &self.client_id
    }

    /// Every order, oldest first.
    pub fn orders(&self) -> &[OrderSummary] {
        slice(&self.arena.orders, &self.orders)
    }

    /// The dates of [`ClientHistory::orders`], for searching them.
    fn dates(&self) -> &[NaiveDate] {
        slice(&self.arena.dates, &self.orders)
    }

    /// Every group bought, with its first purchase, in order of first purchase.
    fn group_list(&self) -> &[(u32, NaiveDate)] {
        slice(&self.arena.groups, &self.groups)
    }

    /// Every product bought, with its first purchase, in order of first purchase.
    fn product_list(&self) -> &[(u32, NaiveDate)] {
        slice(&self.arena.products, &self.products)
    }

    /// An order's groups as indices into [`ClientHistory::group_list`].
    fn local_groups(&self, order: &OrderSummary) -> &[u32] {
        slice(&self.arena.order_groups, &order.groups)
    }

    /// The orders dated on or before `today`, oldest first. Rules and metrics are evaluated «as
    /// of» a day, so orders typed in ahead of their date do not count yet.
    pub fn orders_until(&self, today: NaiveDate) -> &[OrderSummary] {
        let orders = self.orders();
        &orders[..self.dates().partition_point(|&d| d <= today)]
    }

    /// The orders dated from `from` to `to`, both inclusive, oldest first (empty when `to` is
    /// before `from`).
    pub fn orders_between(&self, from: NaiveDate, to: NaiveDate) -> &[OrderSummary] {
        let (orders, dates) = (self.orders(), self.dates());
        let start = dates.partition_point(|&d| d < from);
        let end = dates.partition_point(|&d| d <= to).max(start);
        &orders[start..end]
    }

    /// The id of one of this history's orders. (For an order of another history it is an
    /// unrelated id or empty, never a panic.)
    pub fn order_id(&self, order: &OrderSummary) -> &str {
        self.arena
            .order_ids
            .get(order.id.start as usize..order.id.end as usize)
            .unwrap_or_default()
    }

    /// The product groups of one of this history's orders, without repeats.
    pub fn groups_of<'a>(&'a self, order: &OrderSummary) -> impl Iterator<Item = &'a Id> + 'a {
        let groups = self.group_list();
        self.local_groups(order)
            .iter()
            .filter_map(move |&i| groups.get(i as usize))
            .map(|&(g, _)| self.arena.names.group(g))
    }

    /// The distinct product groups bought in `orders` (a slice of this history's orders, e.g.
    /// from [`ClientHistory::orders_between`]), in order of the client's first purchase.
    pub fn groups_in(&self, orders: &[OrderSummary]) -> Vec<&Id> {
        let groups = self.group_list();
        let mut seen = vec![false; groups.len()];
        for order in orders {
            for &i in self.local_groups(order) {
                if let Some(flag) = seen.get_mut(i as usize) {
                    *flag = true;
                }
            }
        }
        groups
            .iter()
            .zip(seen)
            .filter(|(_, seen)| *seen)
            .map(|(&(g, _), _)| self.arena.names.group(g))
            .collect()
    }

    /// The date `product_id` was first bought, whenever that was.
    pub fn first_bought_product(&self, product_id: &Id) -> Option<NaiveDate> {
        self.product_list()
            .iter()
            .find(|&&(p, _)| self.arena.names.product(p) == product_id)
            .map(|&(_, date)| date)
    }

    /// The date anything of `group_id` was first bought, whenever that was.
    pub fn first_bought_group(&self, group_id: &Id) -> Option<NaiveDate> {
        self.group_list()
            .iter()
            .find(|&&(g, _)| self.arena.names.group(g) == group_id)
            .map(|&(_, date)| date)
    }
}

/// `list[range]`, or empty when the range is not in it (an order of another history).
fn slice<'a, T>(list: &'a [T], range: &Range<u32>) -> &'a [T] {
    list.get(range.start as usize..range.end as usize)
        .unwrap_or_default()
}

/// A history stored in the index's set under its client id. Why a set rather than a map from
/// id to history: the map's key would be a second copy of each client id, one more allocation
/// per client per build.
#[derive(Clone, Debug)]
struct ByClient(ClientHistory);

impl Hash for ByClient {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.client_id.hash(state);
    }
}

/// Keyed by client alone, like [`Hash`]: the set holds one history per client.
impl PartialEq for ByClient {
    fn eq(&self, other: &ByClient) -> bool {
        self.0.client_id == other.0.client_id
    }
}

impl Eq for ByClient {}

impl Borrow<Id> for ByClient {
    fn borrow(&self) -> &Id {
        &self.0.client_id
    }
}

/// What a [`HistoryIndex`] is built from, reduced to a few numbers, so that a screen keeps its
/// index exactly as long as these stay equal: every order's date and its creation and last
/// change stamps, and every product's id and group. An order's id, client and lines change only
/// with an edit that stamps its `updated_at`, or with a different record (its own stamps) — the
/// workspace's operations and merges alike — so its stamps stand for them. (Reading the ids
/// themselves cost 15 times more: one string in memory per order.) A product's group is read
/// directly: moving a product to another group restamps the product, not the orders that bought
/// it, yet changes which groups those orders count for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IndexInputs {
    orders: usize,
    order_stamps: u64,
    products: usize,
    catalogue: u64,
}

impl IndexInputs {
    /// The inputs of `HistoryIndex::build(orders, products)`. Reads no string and no line of an
    /// order, so it costs a few per cent of a build (`bench_core`).
    pub fn of(orders: &[Order], products: &[Product]) -> IndexInputs {
        // A sum of per-record hashes: the index does not depend on the records' order.
        let mix = |f: &dyn Fn(&mut FxHasher)| {
            let mut h = FxHasher::default();
            f(&mut h);
            h.finish()
        };
        let order_stamps = orders.iter().fold(0u64, |acc, o| {
            acc.wrapping_add(mix(&|h| {
                h.write_i64(o.created_at.timestamp_micros());
                h.write_i64(o.updated_at.timestamp_micros());
                h.write_i32(o.date.num_days_from_ce());
            }))
        });
        let catalogue = products.iter().fold(0u64, |acc, p| {
            acc.wrapping_add(mix(&|h| {
                h.write(p.id.as_str().as_bytes());
                h.write_u8(0xff);
                h.write(p.group_id.as_str().as_bytes());
            }))
        });
        IndexInputs {
            orders: orders.len(),
            order_stamps,
            products: products.len(),
            catalogue,
        }
    }
}

/// The histories of every client that has at least one order.
#[derive(Clone, Debug, Default)]
pub struct HistoryIndex {
    by_client: FxHashSet<ByClient>,
}

/// Equal when every client has an equal history in both.
impl PartialEq for HistoryIndex {
    fn eq(&self, other: &HistoryIndex) -> bool {
        self.len() == other.len()
            && self
                .histories()
                .all(|h| other.get(h.client_id()).is_some_and(|o| o == h))
    }
}

impl Eq for HistoryIndex {}

impl HistoryIndex {
    /// Builds every client's history from all orders and the catalogue.
    pub fn build(orders: &[Order], products: &[Product]) -> HistoryIndex {
        let histories = build::histories(orders.iter(), products);
        let by_client = histories.into_iter().map(ByClient).collect();
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
            self.by_client.replace(ByClient(history));
        }
    }

    /// The history of a client, or `None` when it has no orders.
    pub fn get(&self, client_id: &Id) -> Option<&ClientHistory> {
        self.by_client.get(client_id).map(|h| &h.0)
    }

    /// Every history, in no particular order.
    pub fn histories(&self) -> impl Iterator<Item = &ClientHistory> {
        self.by_client.iter().map(|h| &h.0)
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
