//! The orders stored as a list of column-wise books, one per piece. A book names clients and
//! products by their positions in the workspace's lists, so a kept book stays right only while
//! those lists keep every earlier entry in place (adding at the end is fine; removing or
//! reordering is not, and then every book is made again).

use super::list::Pieces;
use crate::domain::orders::{Order, Product};
use crate::domain::{Client, Id};
use crate::format::order_book::OrderBook;
use crate::format::packed::PieceWriter;

/// About how many orders a book holds: about 70 KB deflated, re-encoded in a few milliseconds.
pub const ORDERS_PER_BOOK: u64 = 2048;

/// The kept books and the client and product lists their positions refer to.
pub(super) struct Books {
    pieces: Pieces<Order>,
    clients: Vec<Id>,
    products: Vec<Id>,
}

impl Default for Books {
    fn default() -> Self {
        Books {
            pieces: Pieces::new(ORDERS_PER_BOOK),
            clients: Vec::new(),
            products: Vec::new(),
        }
    }
}

/// Whether `now` still has every id of `kept` at the same position.
fn extends(kept: &[Id], now: &[Id]) -> bool {
    now.len() >= kept.len() && now.iter().zip(kept).all(|(a, b)| a == b)
}

impl Books {
    /// Takes the current client and product lists, forgetting every book if a position it may
    /// use has moved.
    fn follow(&mut self, clients: &[Client], products: &[Product]) {
        let clients: Vec<Id> = clients.iter().map(|c| c.id.clone()).collect();
        let products: Vec<Id> = products.iter().map(|p| p.id.clone()).collect();
        if !extends(&self.clients, &clients) || !extends(&self.products, &products) {
            self.pieces.clear();
        }
        self.clients = clients;
        self.products = products;
    }

    /// Writes the books of `orders`.
    pub(super) fn write(
        &mut self,
        out: &mut PieceWriter,
        orders: &[Order],
        clients: &[Client],
        products: &[Product],
    ) {
        self.follow(clients, products);
        let Books {
            pieces,
            clients,
            products,
        } = self;
        pieces.write(out, orders, order_id, |run, after| {
            book_json(run, after, clients, products)
        });
    }

    /// Makes at most `budget` missing books ahead of a save; returns how many it made.
    pub(super) fn prepare(
        &mut self,
        orders: &[Order],
        clients: &[Client],
        products: &[Product],
        budget: usize,
    ) -> usize {
        self.follow(clients, products);
        let Books {
            pieces,
            clients,
            products,
        } = self;
        pieces.prepare(
            orders,
            order_id,
            |run, after| book_json(run, after, clients, products),
            budget,
        )
    }
}

fn order_id(order: &Order) -> &str {
    order.id.as_str()
}

fn book_json(run: &[Order], after_another: bool, clients: &[Id], products: &[Id]) -> Vec<u8> {
    let mut json = if after_another {
        vec![b',']
    } else {
        Vec::new()
    };
    serde_json::to_writer(&mut json, &OrderBook::pack(run, clients, products))
        .expect("an order book always serialises");
    json
}
