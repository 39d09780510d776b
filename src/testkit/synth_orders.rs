//! Deterministic synthetic catalogues and order books, for benchmarks (native and, later, in the
//! browser) and load tests. The same seed always gives the same data on every platform, because
//! the generator is a self-contained SplitMix64 and uses integers only.

use crate::domain::dates::Timestamp;
use crate::domain::ids::Id;
use crate::domain::money::Money;
use crate::domain::orders::{Order, OrderLine, Product, ProductGroup};
use chrono::{Duration, NaiveDate, NaiveTime};

/// SplitMix64: tiny, fast and good enough for test data; no dependency needed.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    /// The next 64 random bits.
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n` > 0); the modulo bias is irrelevant for test data.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// `n` client ids: `cl-00000`, `cl-00001`, …
pub fn synth_client_ids(n: usize) -> Vec<Id> {
    (0..n).map(|i| Id::from_raw(format!("cl-{i:05}"))).collect()
}

/// A catalogue of `groups` groups (`g-00` …) with `per_group` products each (`p-00-00` …).
pub fn synth_catalog(
    groups: usize,
    per_group: usize,
    created_at: Timestamp,
) -> (Vec<ProductGroup>, Vec<Product>) {
    let group_list: Vec<ProductGroup> = (0..groups)
        .map(|g| ProductGroup {
            id: Id::from_raw(format!("g-{g:02}")),
            name: format!("Группа {}", g + 1),
            created_at,
            updated_at: created_at,
            stamps: Default::default(),
        })
        .collect();
    let products = group_list
        .iter()
        .enumerate()
        .flat_map(|(g, group)| {
            (0..per_group).map(move |p| Product {
                id: Id::from_raw(format!("p-{g:02}-{p:02}")),
                name: format!("Товар {}.{}", g + 1, p + 1),
                group_id: group.id.clone(),
                created_at,
                updated_at: created_at,
                stamps: Default::default(),
            })
        })
        .collect();
    (group_list, products)
}

/// `n_orders` orders of `clients` buying `products`, dated from `first` to `last` inclusive.
///
/// Shaped like a real base rather than uniform noise: client sizes are skewed (a few clients
/// order far more often and buy far more), each client starts buying on its own date and mostly
/// sticks to two or three favourite groups, orders have one to four lines of 500 ₽ to about
/// 400 000 ₽. Ids are `o-000000` …; `created_at` is noon UTC of the order date.
pub fn synth_orders(
    seed: u64,
    clients: &[Id],
    products: &[Product],
    n_orders: usize,
    first: NaiveDate,
    last: NaiveDate,
) -> Vec<Order> {
    if clients.is_empty() || products.is_empty() {
        return Vec::new();
    }
    let mut rng = Rng(seed);
    let span = (last - first).num_days().max(0) as u64 + 1;
    // Per client: a cumulative weight for picking it, a start date offset, a size factor and a
    // favourite slice of the catalogue.
    let mut cumulative = Vec::with_capacity(clients.len());
    let mut total_weight = 0u64;
    let mut profile = Vec::with_capacity(clients.len());
    for _ in clients {
        let r = rng.below(1000);
        // Cubing skews the weights: most clients are small, a few are large.
        total_weight += 1 + r * r * r / 10_000_000;
        cumulative.push(total_weight);
        let start = rng.below(span * 2 / 3 + 1);
        let size = 1 + rng.below(20);
        let favourite = rng.below(products.len() as u64) as usize;
        profile.push((start, size, favourite));
    }
    let mut orders = Vec::with_capacity(n_orders);
    for n in 0..n_orders {
        let pick = rng.below(total_weight);
        let c = cumulative.partition_point(|&w| w <= pick);
        let (start, size, favourite) = profile[c];
        let date = first + Duration::days((start + rng.below(span - start)) as i64);
        let line_count = 1 + rng.below(4) as usize;
        let lines = (0..line_count)
            .map(|_| {
                // 80 % of lines come from a window of the catalogue around the favourite product
                // (neighbouring products share a group), the rest from anywhere.
                let p = if rng.below(10) < 8 {
                    (favourite + rng.below(8) as usize) % products.len()
                } else {
                    rng.below(products.len() as u64) as usize
                };
                let rubles = 500 + rng.below(1_000) as i64 * size as i64 * 20;
                OrderLine {
                    product_id: products[p].id.clone(),
                    amount: Money::from_kopecks(rubles * 100 + rng.below(100) as i64),
                    quantity: None,
                }
            })
            .collect();
        let at = date.and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default());
        let created_at = at.and_utc();
        orders.push(Order {
            id: Id::from_raw(format!("o-{n:06}")),
            client_id: clients[c].clone(),
            date,
            lines,
            created_at,
            updated_at: created_at,
            stamps: Default::default(),
        });
    }
    orders
}
