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

fn deflated_list<T: Serialize>(records: &[T], id: impl Fn(&T) -> &str) -> u64 {
    runs(records, id, RECORDS_PER_PIECE)
        .into_iter()
        .map(|chunk| {
            let json = serde_json::to_vec(chunk).expect("a record always serialises");
            Deflated::of(&json).stored_len() as u64 + PIECE_OVERHEAD
        })
        .sum()
}

/// About how many bytes `plan` adds to the stored value of `ws`.
pub fn added_bytes(ws: &Workspace, plan: &Plan) -> u64 {
    let clients: Vec<Id> = (ws.clients.iter().map(|c| c.id.clone()))
        .chain(plan.new_clients.iter().map(|c| c.id.clone()))
        .collect();
    let products: Vec<Id> = (ws.products.iter().map(|p| p.id.clone()))
        .chain(plan.products.iter().map(|p| p.id.clone()))
        .collect();
    let books: u64 = runs(&plan.new_orders, |o| o.id.as_str(), ORDERS_PER_BOOK)
        .into_iter()
        .map(|run| {
            let book = OrderBook::pack(run, &clients, &products);
            let json = serde_json::to_vec(&book).expect("an order book always serialises");
            Deflated::of(&json).stored_len() as u64 + PIECE_OVERHEAD
        })
        .sum();
    books
        + deflated_list(&plan.new_clients, |c| c.id.as_str())
        + deflated_list(&plan.products, |p| p.id.as_str())
        + deflated_list(&plan.groups, |g| g.id.as_str())
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
