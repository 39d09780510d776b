//! The stored orders as a list of column-wise books ([`OrderBook`]), each holding a run of
//! consecutive orders. Storage writes several books so that a save re-encodes only the books
//! whose orders changed (see `storage::pieces`); older builds wrote one book as a single object,
//! which still reads. An older build meeting a list refuses it as a field of the wrong kind
//! instead of dropping the orders.

use super::order_book::{OrderBook, OrderBookError};
use crate::domain::orders::Order;
use crate::domain::Id;
use serde::de::{Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

/// The books of a stored workspace, in order; their orders follow one another.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct OrderBooks(pub Vec<OrderBook>);

impl OrderBooks {
    /// Every order of every book, positions resolved against the workspace's lists. An error
    /// names the order by its position among all of them.
    pub fn unpack(&self, clients: &[Id], products: &[Id]) -> Result<Vec<Order>, OrderBookError> {
        let mut orders = Vec::new();
        for book in &self.0 {
            orders.extend(unpack_book(book, orders.len(), clients, products)?);
        }
        Ok(orders)
    }
}

/// One book's orders, `before` being how many the books before it hold: an error names the
/// order by its position among all of them (shared by [`OrderBooks::unpack`] and the restore
/// in steps, which unpacks a few books a step).
pub fn unpack_book(
    book: &OrderBook,
    before: usize,
    clients: &[Id],
    products: &[Id],
) -> Result<Vec<Order>, OrderBookError> {
    book.unpack(clients, products).map_err(|e| match e {
        OrderBookError::Ragged => OrderBookError::Ragged,
        OrderBookError::BadPosition(i) => OrderBookError::BadPosition(before + i),
        OrderBookError::BadDate(i) => OrderBookError::BadDate(before + i),
        OrderBookError::BadQuantity(i) => OrderBookError::BadQuantity(before + i),
    })
}

impl From<Vec<OrderBook>> for OrderBooks {
    fn from(books: Vec<OrderBook>) -> Self {
        OrderBooks(books)
    }
}

impl<'de> Deserialize<'de> for OrderBooks {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(BooksVisitor)
    }
}

/// Reads one book (an object, as older builds wrote it) or a list of books.
struct BooksVisitor;

impl<'de> Visitor<'de> for BooksVisitor {
    type Value = OrderBooks;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an order book or a list of order books")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<OrderBooks, A::Error> {
        let book = OrderBook::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
        Ok(OrderBooks(vec![book]))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<OrderBooks, A::Error> {
        let mut books = Vec::new();
        while let Some(book) = seq.next_element::<OrderBook>()? {
            books.push(book);
        }
        Ok(OrderBooks(books))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::synth_workspace::synth_workspace;
    use chrono::NaiveDate;

    fn lists(ws: &crate::domain::Workspace) -> (Vec<Id>, Vec<Id>) {
        (
            ws.clients.iter().map(|c| c.id.clone()).collect(),
            ws.products.iter().map(|p| p.id.clone()).collect(),
        )
    }

    #[test]
    fn one_book_or_a_list_of_books_reads_the_same_orders() {
        let ws = synth_workspace(3, 30, 300, NaiveDate::from_ymd_opt(2026, 3, 10).unwrap());
        let (clients, products) = lists(&ws);
        let whole = OrderBook::pack(&ws.orders, &clients, &products);
        let one: OrderBooks =
            serde_json::from_value(serde_json::to_value(&whole).unwrap()).unwrap();
        assert_eq!(one.unpack(&clients, &products), Ok(ws.orders.clone()));
        let parts: Vec<OrderBook> = ws
            .orders
            .chunks(70)
            .map(|run| OrderBook::pack(run, &clients, &products))
            .collect();
        let many: OrderBooks =
            serde_json::from_value(serde_json::to_value(&parts).unwrap()).unwrap();
        assert_eq!(many.0.len(), 5);
        assert_eq!(many.unpack(&clients, &products), Ok(ws.orders));
    }

    #[test]
    fn a_damaged_later_book_names_the_order_among_all() {
        let ws = synth_workspace(3, 10, 100, NaiveDate::from_ymd_opt(2026, 3, 10).unwrap());
        let (clients, products) = lists(&ws);
        let mut parts: Vec<OrderBook> = ws
            .orders
            .chunks(40)
            .map(|run| OrderBook::pack(run, &clients, &products))
            .collect();
        parts[1].client[2] = 999;
        assert_eq!(
            OrderBooks(parts).unpack(&clients, &products),
            Err(OrderBookError::BadPosition(42))
        );
    }

    #[test]
    fn neither_an_object_nor_a_list_is_refused() {
        assert!(serde_json::from_str::<OrderBooks>("42").is_err());
        assert!(serde_json::from_str::<OrderBooks>("\"books\"").is_err());
    }
}
