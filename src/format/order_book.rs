//! Orders stored column by column. A workspace can hold 100 000 orders; as JSON objects they
//! would take about 30 MB, far over the browser's 5 MiB. Columns of small integers (client and
//! product as positions in their lists, dates and timestamps as differences) shrink that several
//! times before compression and compress far better after it.

use crate::domain::dates::timestamp_from_millis;
use crate::domain::orders::{Order, OrderLine};
use crate::domain::quantity::Quantity;
use crate::domain::stamps::Stamps;
use crate::domain::{Id, Money};
use chrono::NaiveDate;
use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The orders of a workspace as parallel columns; entry `i` of every column belongs to order `i`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderBook {
    /// Order ids, space-separated (ids never contain spaces).
    pub ids: String,
    /// Position of the client in the workspace's client list, plus one; 0 means the id is in
    /// `other_clients` (a reference the list does not resolve, kept rather than lost).
    pub client: Vec<u32>,
    /// Client ids that are not in the list, in order of appearance of the 0 entries.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_clients: Vec<Id>,
    /// Order date as days since 1970-01-01, each minus the previous one.
    pub date: Vec<i64>,
    /// Number of lines of each order.
    pub line_count: Vec<u32>,
    /// Product of each line: position in the product list plus one, 0 → `other_products`.
    pub product: Vec<u32>,
    /// Product ids not in the list.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_products: Vec<Id>,
    /// Amount of each line in kopecks.
    pub amount: Vec<i64>,
    /// Quantity of each line in thousandths of a unit, 0 where the line has none; absent (empty)
    /// when no line of the book has one, which is how books written before quantities read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quantity: Vec<u64>,
    /// `created_at` in Unix milliseconds, each minus the previous one.
    pub created: Vec<i64>,
    /// `updated_at` minus `created_at`, in milliseconds.
    pub updated: Vec<i64>,
    /// The field stamps of the few orders edited since they were entered: (order position,
    /// stamps). Most orders are never edited, so a sparse list costs nothing for them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stamps: Vec<(u32, Stamps)>,
}

/// Why stored order columns cannot be read back.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum OrderBookError {
    /// The columns have different lengths.
    #[error("order columns of different lengths")]
    Ragged,
    /// A position points outside its list.
    #[error("order {0} refers to a position that does not exist")]
    BadPosition(usize),
    /// A quantity is above [`Quantity::MAX_THOUSANDTHS`].
    #[error("order {0} has a quantity out of range")]
    BadQuantity(usize),
    /// A date or timestamp is out of range.
    #[error("order {0} has a date out of range")]
    BadDate(usize),
}

const EPOCH: NaiveDate = match NaiveDate::from_ymd_opt(1970, 1, 1) {
    Some(d) => d,
    None => panic!("1970-01-01 is a date"),
};

fn position(index: &HashMap<&Id, u32>, id: &Id, others: &mut Vec<Id>) -> u32 {
    match index.get(id) {
        Some(at) => at + 1,
        None => {
            others.push(id.clone());
            0
        }
    }
}

impl OrderBook {
    /// Packs `orders`, naming clients and products by their positions in `clients` / `products`.
    pub fn pack(orders: &[Order], clients: &[Id], products: &[Id]) -> OrderBook {
        let client_at: HashMap<&Id, u32> = clients.iter().zip(0..).collect();
        let product_at: HashMap<&Id, u32> = products.iter().zip(0..).collect();
        let mut book = OrderBook::default();
        let (mut last_day, mut last_created) = (0i64, 0i64);
        for (i, order) in orders.iter().enumerate() {
            if i > 0 {
                book.ids.push(' ');
            }
            book.ids.push_str(order.id.as_str());
            book.client.push(position(
                &client_at,
                &order.client_id,
                &mut book.other_clients,
            ));
            let day = (order.date - EPOCH).num_days();
            book.date.push(day - last_day);
            last_day = day;
            book.line_count.push(order.lines.len() as u32);
            for line in &order.lines {
                book.product.push(position(
                    &product_at,
                    &line.product_id,
                    &mut book.other_products,
                ));
                book.amount.push(line.amount.kopecks());
                book.quantity
                    .push(line.quantity.map_or(0, Quantity::thousandths));
            }
            let created = order.created_at.timestamp_millis();
            book.created.push(created - last_created);
            last_created = created;
            book.updated
                .push(order.updated_at.timestamp_millis() - created);
            if !order.stamps.is_empty() {
                book.stamps.push((i as u32, order.stamps.clone()));
            }
        }
        if book.quantity.iter().all(|q| *q == 0) {
            book.quantity.clear();
        }
        book
    }

    /// Unpacks the orders, resolving positions against the same lists `pack` used.
    pub fn unpack(&self, clients: &[Id], products: &[Id]) -> Result<Vec<Order>, OrderBookError> {
        let n = self.client.len();
        let lines_total: usize = self.line_count.iter().map(|c| *c as usize).sum();
        let ids: Vec<&str> = if self.ids.is_empty() {
            Vec::new()
        } else {
            self.ids.split(' ').collect()
        };
        if [
            ids.len(),
            self.date.len(),
            self.line_count.len(),
            self.created.len(),
            self.updated.len(),
        ]
        .iter()
        .any(|len| *len != n)
            || self.product.len() != lines_total
            || self.amount.len() != lines_total
            || !(self.quantity.is_empty() || self.quantity.len() == lines_total)
        {
            return Err(OrderBookError::Ragged);
        }
        let mut other_clients = self.other_clients.iter();
        let mut other_products = self.other_products.iter();
        let mut orders = Vec::with_capacity(n);
        let (mut day, mut created, mut line) = (0i64, 0i64, 0usize);
        for (i, id) in ids.iter().enumerate() {
            let client_id = match self.client[i] {
                0 => other_clients
                    .next()
                    .cloned()
                    .ok_or(OrderBookError::BadPosition(i))?,
                at => clients
                    .get(at as usize - 1)
                    .cloned()
                    .ok_or(OrderBookError::BadPosition(i))?,
            };
            day = day
                .checked_add(self.date[i])
                .ok_or(OrderBookError::BadDate(i))?;
            let date = EPOCH
                .checked_add_signed(
                    chrono::Duration::try_days(day).ok_or(OrderBookError::BadDate(i))?,
                )
                .ok_or(OrderBookError::BadDate(i))?;
            let mut lines = Vec::with_capacity(self.line_count[i] as usize);
            for _ in 0..self.line_count[i] {
                let product_id = match self.product[line] {
                    0 => other_products
                        .next()
                        .cloned()
                        .ok_or(OrderBookError::BadPosition(i))?,
                    at => products
                        .get(at as usize - 1)
                        .cloned()
                        .ok_or(OrderBookError::BadPosition(i))?,
                };
                let quantity = match self.quantity.get(line).copied().unwrap_or(0) {
                    0 => None,
                    q => Some(Quantity::from_thousandths(q).ok_or(OrderBookError::BadQuantity(i))?),
                };
                lines.push(OrderLine {
                    product_id,
                    amount: Money::from_kopecks(self.amount[line]),
                    quantity,
                });
                line += 1;
            }
            created = created
                .checked_add(self.created[i])
                .ok_or(OrderBookError::BadDate(i))?;
            let updated = created
                .checked_add(self.updated[i])
                .ok_or(OrderBookError::BadDate(i))?;
            orders.push(Order {
                id: Id::from_raw(*id),
                client_id,
                date,
                lines,
                created_at: timestamp_from_millis(created),
                updated_at: timestamp_from_millis(updated),
                stamps: Default::default(),
            });
        }
        for (at, stamps) in &self.stamps {
            let order = orders
                .get_mut(*at as usize)
                .ok_or(OrderBookError::BadPosition(*at as usize))?;
            order.stamps = stamps.clone();
        }
        Ok(orders)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::synth_workspace::synth_workspace;

    #[test]
    fn packs_and_unpacks_exactly() {
        let ws = synth_workspace(3, 40, 500, NaiveDate::from_ymd_opt(2026, 3, 10).unwrap());
        let clients: Vec<Id> = ws.clients.iter().map(|c| c.id.clone()).collect();
        let products: Vec<Id> = ws.products.iter().map(|p| p.id.clone()).collect();
        let book = OrderBook::pack(&ws.orders, &clients, &products);
        assert!(book.other_clients.is_empty() && book.other_products.is_empty());
        assert_eq!(book.unpack(&clients, &products), Ok(ws.orders.clone()));
        // Through JSON too, as it is stored.
        let json = serde_json::to_string(&book).unwrap();
        let back: OrderBook = serde_json::from_str(&json).unwrap();
        assert_eq!(back.unpack(&clients, &products), Ok(ws.orders));
    }

    #[test]
    fn an_edited_orders_field_stamps_are_kept() {
        let mut ws = synth_workspace(3, 5, 20, NaiveDate::from_ymd_opt(2026, 3, 10).unwrap());
        let mut edited = ws.orders[7].clone();
        edited.date = edited.date.pred_opt().unwrap();
        let now = edited.updated_at + chrono::TimeDelta::hours(1);
        ws.update_order(edited, now.date_naive(), now).unwrap();
        let stamped = ws.orders.iter().find(|o| !o.stamps.is_empty()).unwrap();
        assert!(stamped.stamps.fields.contains_key("date"));
        let clients: Vec<Id> = ws.clients.iter().map(|c| c.id.clone()).collect();
        let products: Vec<Id> = ws.products.iter().map(|p| p.id.clone()).collect();
        let book = OrderBook::pack(&ws.orders, &clients, &products);
        assert_eq!(book.stamps.len(), 1);
        assert_eq!(book.unpack(&clients, &products), Ok(ws.orders.clone()));
    }

    #[test]
    fn unresolved_references_are_kept_not_lost() {
        let ws = synth_workspace(3, 5, 20, NaiveDate::from_ymd_opt(2026, 3, 10).unwrap());
        let mut orders = ws.orders.clone();
        orders[3].client_id = Id::from_raw("gone-client");
        orders[4].lines[0].product_id = Id::from_raw("gone-product");
        let clients: Vec<Id> = ws.clients.iter().map(|c| c.id.clone()).collect();
        let products: Vec<Id> = ws.products.iter().map(|p| p.id.clone()).collect();
        let book = OrderBook::pack(&orders, &clients, &products);
        assert_eq!(book.other_clients, [Id::from_raw("gone-client")]);
        assert_eq!(book.unpack(&clients, &products), Ok(orders));
    }

    #[test]
    fn damaged_columns_are_refused() {
        let ws = synth_workspace(3, 5, 20, NaiveDate::from_ymd_opt(2026, 3, 10).unwrap());
        let clients: Vec<Id> = ws.clients.iter().map(|c| c.id.clone()).collect();
        let products: Vec<Id> = ws.products.iter().map(|p| p.id.clone()).collect();
        let mut book = OrderBook::pack(&ws.orders, &clients, &products);
        book.amount.pop();
        assert_eq!(
            book.unpack(&clients, &products),
            Err(OrderBookError::Ragged)
        );
        let mut book = OrderBook::pack(&ws.orders, &clients, &products);
        book.client[2] = 999;
        assert_eq!(
            book.unpack(&clients, &products),
            Err(OrderBookError::BadPosition(2))
        );
        let mut book = OrderBook::pack(&ws.orders, &clients, &products);
        book.date[1] = i64::MAX;
        assert!(matches!(
            book.unpack(&clients, &products),
            Err(OrderBookError::BadDate(_))
        ));
        assert_eq!(OrderBook::default().unpack(&[], &[]), Ok(Vec::new()));
    }

    #[test]
    fn quantities_are_an_optional_column() {
        use crate::domain::quantity::Quantity;
        let mut ws = synth_workspace(3, 5, 20, NaiveDate::from_ymd_opt(2026, 3, 10).unwrap());
        let clients: Vec<Id> = ws.clients.iter().map(|c| c.id.clone()).collect();
        let products: Vec<Id> = ws.products.iter().map(|p| p.id.clone()).collect();
        // No quantity anywhere: no column, as books written before quantities.
        let book = OrderBook::pack(&ws.orders, &clients, &products);
        assert!(book.quantity.is_empty());
        assert!(!serde_json::to_string(&book).unwrap().contains("quantity"));
        ws.orders[3].lines[0].quantity = Quantity::from_thousandths(1_234_500);
        let book = OrderBook::pack(&ws.orders, &clients, &products);
        assert_eq!(book.unpack(&clients, &products), Ok(ws.orders.clone()));
        let mut damaged = book.clone();
        damaged.quantity.pop();
        assert_eq!(
            damaged.unpack(&clients, &products),
            Err(OrderBookError::Ragged)
        );
        let mut damaged = book;
        let at = damaged.quantity.iter().position(|q| *q > 0).unwrap();
        damaged.quantity[at] = u64::MAX;
        assert_eq!(
            damaged.unpack(&clients, &products),
            Err(OrderBookError::BadQuantity(3))
        );
    }
}
