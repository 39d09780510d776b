//! Whether an import fits in the browser's storage, worked out before anything is written.
//!
//! The stored workspace is deflated pieces (`crate::storage::pieces`), one byte per character,
//! so what an import adds to it is about the deflated size of the records it adds, written as
//! storage writes them: clients, products and groups as JSON lists of a few hundred, orders as
//! column-wise books of about two thousand, cut where storage cuts them ([`OrderBook`]). Records it changes take about the room
//! they took before. Added to what the app's keys take now (backups included, as the browser
//! counts them), that is compared with the quota: refused above it, a warning above
//! [`WARN_PERCENT`] of it.

use super::plan::Plan;
use crate::domain::ids::Id;
use crate::domain::workspace::Workspace;
use crate::format::order_book::OrderBook;
use crate::format::packed::Deflated;
use crate::storage::capacity::{QUOTA_BYTES, WARN_PERCENT};
use crate::storage::pieces::{runs, ORDERS_PER_BOOK, RECORDS_PER_PIECE};
use serde::Serialize;
/// What one stored piece costs besides its bytes: its length in the value's header.
const PIECE_OVERHEAD: u64 = 8;

/// How the storage would be after an import.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fit {
    /// Room enough.
    Fits {
        /// Bytes the app's keys would take.
        after: u64,
    },
    /// It fits, but above [`WARN_PERCENT`] of the quota.
    Tight {
        /// Bytes the app's keys would take.
        after: u64,
    },
    /// Over the quota: the import is refused.
    TooBig {
        /// Bytes the app's keys would take.
        after: u64,
    },
}

impl Fit {
    /// What `used` bytes now plus `added` would come to, against the quota.
    pub fn of(used: u64, added: u64) -> Fit {
        let after = used.saturating_add(added);
        if after > QUOTA_BYTES {
            Fit::TooBig { after }
        } else if after * 100 > QUOTA_BYTES * WARN_PERCENT {
            Fit::Tight { after }
        } else {
            Fit::Fits { after }
        }
    }

    /// Whether the import may go ahead.
    pub fn allows(self) -> bool {
        !matches!(self, Fit::TooBig { .. })
    }
}

/// A piece of the new records, as storage will keep it.
enum Piece {
    Book(std::ops::Range<usize>),
    Clients(std::ops::Range<usize>),
    Products(std::ops::Range<usize>),
    Groups(std::ops::Range<usize>),
}

/// The ranges of `records` storage will cut them into.
fn ranges<T>(
    records: &[T],
    id: impl Fn(&T) -> &str,
    per_piece: u64,
) -> Vec<std::ops::Range<usize>> {
    let mut at = 0;
    runs(records, id, per_piece)
        .into_iter()
        .map(|run| {
            at += run.len();
            at - run.len()..at
        })
        .collect()
}

fn deflated<T: Serialize + ?Sized>(value: &T) -> u64 {
    let json = serde_json::to_vec(value).expect("a record always serialises");
    Deflated::of(&json).stored_len() as u64 + PIECE_OVERHEAD
}

/// The estimate of what a plan adds, worked out a piece at a time (a piece of 2 000 orders is
/// deflated in a few milliseconds; all of a 100 000-row file's take a few hundred).
pub struct SizeSteps {
    pieces: Vec<Piece>,
    next: usize,
    bytes: u64,
    clients: Vec<Id>,
    products: Vec<Id>,
}

impl SizeSteps {
    /// The estimate of what `plan` adds to the stored value of `ws`, not yet worked out.
    pub fn new(ws: &Workspace, plan: &Plan) -> SizeSteps {
        let clients: Vec<Id> = (ws.clients.iter().map(|c| c.id.clone()))
            .chain(plan.new_clients.iter().map(|c| c.id.clone()))
            .collect();
        let products: Vec<Id> = (ws.products.iter().map(|p| p.id.clone()))
            .chain(plan.products.iter().map(|p| p.id.clone()))
            .collect();
        let mut pieces = Vec::new();
        let books = ranges(&plan.new_orders, |o| o.id.as_str(), ORDERS_PER_BOOK);
        pieces.extend(books.into_iter().map(Piece::Book));
        let list = ranges(&plan.new_clients, |c| c.id.as_str(), RECORDS_PER_PIECE);
        pieces.extend(list.into_iter().map(Piece::Clients));
        let list = ranges(&plan.products, |p| p.id.as_str(), RECORDS_PER_PIECE);
        pieces.extend(list.into_iter().map(Piece::Products));
        let list = ranges(&plan.groups, |g| g.id.as_str(), RECORDS_PER_PIECE);
        pieces.extend(list.into_iter().map(Piece::Groups));
        SizeSteps {
            pieces,
            next: 0,
            bytes: 0,
            clients,
            products,
        }
    }

    /// Works out the next piece of the same `plan`; returns whether every piece is done.
    pub fn step(&mut self, plan: &Plan) -> bool {
        if let Some(piece) = self.pieces.get(self.next) {
            self.bytes += match piece {
                Piece::Book(r) => {
                    let book =
                        OrderBook::pack(&plan.new_orders[r.clone()], &self.clients, &self.products);
                    deflated(&book)
                }
                Piece::Clients(r) => deflated(&plan.new_clients[r.clone()]),
                Piece::Products(r) => deflated(&plan.products[r.clone()]),
                Piece::Groups(r) => deflated(&plan.groups[r.clone()]),
            };
            self.next += 1;
        }
        self.next >= self.pieces.len()
    }

    /// Pieces done and pieces in all.
    pub fn progress(&self) -> (usize, usize) {
        (self.next, self.pieces.len())
    }

    /// The bytes added (so far; all of them once every step is done).
    pub fn bytes(&self) -> u64 {
        self.bytes
    }
}

/// About how many bytes `plan` adds to the stored value of `ws`.
pub fn added_bytes(ws: &Workspace, plan: &Plan) -> u64 {
    let mut steps = SizeSteps::new(ws, plan);
    while !steps.step(plan) {}
    steps.bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quota_decides() {
        let q = QUOTA_BYTES;
        let warn_at = q * WARN_PERCENT / 100;
        assert_eq!(Fit::of(warn_at, 0), Fit::Fits { after: warn_at });
        assert_eq!(Fit::of(warn_at, 1), Fit::Tight { after: warn_at + 1 });
        assert_eq!(Fit::of(q / 2, q / 2), Fit::Tight { after: q });
        assert!(Fit::of(q, 0).allows());
        assert_eq!(Fit::of(q, 1), Fit::TooBig { after: q + 1 });
        assert!(!Fit::of(q, 1).allows());
        assert_eq!(Fit::of(u64::MAX, 1), Fit::TooBig { after: u64::MAX });
    }
}
