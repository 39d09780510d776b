//! The stored orders' books unpacked a few per step (100 000 orders at once took tens of
//! milliseconds), into exactly what [`super::unpacked`] makes of the envelope in one go: the
//! same orders in the same order, or the same [`RestoreError::OrderBook`] naming the same order.

use super::{unpacked_with, Rejection, RestoreError, Unpacked};
use crate::domain::orders::Order;
use crate::domain::Id;
use crate::format::envelope::EnvelopeIn;
use crate::format::order_book::OrderBook;
use crate::format::order_books::unpack_book;

/// Books per step: about 2 000 orders each.
const BOOKS_PER_STEP: usize = 4;

/// The books of an envelope being unpacked.
pub(super) struct BookSteps {
    envelope: EnvelopeIn,
    version: u64,
    plain_orders: usize,
    books: std::vec::IntoIter<OrderBook>,
    clients: Vec<Id>,
    products: Vec<Id>,
    /// The orders of the books unpacked so far.
    orders: Vec<Order>,
}

impl BookSteps {
    /// The books of `envelope` (read as `version`), none unpacked yet.
    pub(super) fn new(mut envelope: EnvelopeIn, version: u64) -> BookSteps {
        let ws = &mut envelope.workspace;
        let books = std::mem::take(&mut ws.order_book).0.into_iter();
        BookSteps {
            plain_orders: ws.orders.len(),
            clients: ws.clients.iter().map(|c| c.id.clone()).collect(),
            products: ws.products.iter().map(|p| p.id.clone()).collect(),
            books,
            orders: Vec::new(),
            envelope,
            version,
        }
    }

    /// Unpacks the next books; `Ok(true)` once all are.
    pub(super) fn step(&mut self) -> Result<bool, RestoreError> {
        for _ in 0..BOOKS_PER_STEP {
            let Some(book) = self.books.next() else {
                return Ok(true);
            };
            let orders = unpack_book(&book, self.orders.len(), &self.clients, &self.products)
                .map_err(RestoreError::OrderBook)?;
            self.orders.extend(orders);
        }
        Ok(self.books.len() == 0)
    }

    /// The workspace out of the envelope, its books' orders after the plain ones.
    pub(super) fn finish(mut self) -> Result<Unpacked, Rejection> {
        self.envelope.workspace.orders.extend(self.orders);
        unpacked_with(self.envelope, self.version, self.plain_orders)
    }
}
