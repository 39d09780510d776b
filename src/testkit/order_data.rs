//! Small builders shared by the order, transfer and metrics tests.

use crate::domain::ids::Id;
use crate::domain::money::Money;
use crate::domain::orders::{Order, OrderLine, Product, ProductGroup};
use crate::testkit::fixtures::t0;
use chrono::NaiveDate;

/// A date; panics on an impossible one, which in a test is a typo.
pub fn d(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("a valid test date")
}

/// Whole roubles.
pub fn rub(rubles: i64) -> Money {
    Money::from_rubles(rubles)
}

/// Three groups: packaging (box, tape), chemicals (soap), paper (a4).
pub fn catalog() -> (Vec<ProductGroup>, Vec<Product>) {
    let group = |id: &str, name: &str| ProductGroup {
        id: Id::from_raw(id),
        name: name.to_owned(),
        created_at: t0(),
        updated_at: t0(),
        stamps: Default::default(),
    };
    let product = |id: &str, group_id: &str| Product {
        id: Id::from_raw(id),
        name: id.to_owned(),
        group_id: Id::from_raw(group_id),
        created_at: t0(),
        updated_at: t0(),
        stamps: Default::default(),
    };
    (
        vec![
            group("g-pack", "Упаковка"),
            group("g-chem", "Химия"),
            group("g-paper", "Бумага"),
        ],
        vec![
            product("p-box", "g-pack"),
            product("p-tape", "g-pack"),
            product("p-soap", "g-chem"),
            product("p-a4", "g-paper"),
        ],
    )
}

/// The catalogue's products.
pub fn products() -> Vec<Product> {
    catalog().1
}

/// An order of `client` on `date` with `(product, kopecks)` lines.
pub fn order_k(id: &str, client: &str, date: NaiveDate, lines: &[(&str, i64)]) -> Order {
    Order {
        id: Id::from_raw(id),
        client_id: Id::from_raw(client),
        date,
        lines: lines
            .iter()
            .map(|(p, k)| OrderLine {
                product_id: Id::from_raw(*p),
                amount: Money::from_kopecks(*k),
                quantity: None,
            })
            .collect(),
        created_at: t0(),
        updated_at: t0(),
        stamps: Default::default(),
    }
}

/// An order of `client` on `date`: one line of `rubles` of boxes.
pub fn order(id: &str, client: &str, date: NaiveDate, rubles: i64) -> Order {
    order_k(id, client, date, &[("p-box", rubles * 100)])
}
