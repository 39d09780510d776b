//! What an import would do, worked out before anything is written: the records it would add or
//! change, the counts a person reads, and every problem row.

use super::columns::Target;
use super::problem::Problem;
use crate::domain::client::Client;
use crate::domain::dates::Timestamp;
use crate::domain::ids::Id;
use crate::domain::orders::{Order, Product, ProductGroup};
use std::collections::HashMap;

/// Where products the import creates go when the file has no group column (or a blank one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GroupChoice {
    /// An existing group.
    Existing(Id),
    /// A group of this name, found or created.
    Named(String),
}

/// The person's choices for an import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// The team member importing: the owner of new clients whose row names no known owner.
    pub owner: Id,
    /// Whether an order's client missing from the app is created (otherwise its rows are
    /// problems: «клиент с ИНН … не найден»).
    pub create_clients: bool,
    /// Whether a product missing from the catalogue is created (otherwise its documents wait).
    pub create_products: bool,
    /// Whether orders imported before and deleted in the app (or by undoing an import) come
    /// back; otherwise they are left out with a problem.
    pub restore_deleted: bool,
    /// The group of created products when a row gives none.
    pub group: GroupChoice,
    /// When the import happens: the new records' creation time.
    pub now: Timestamp,
}

/// How many records of one kind an import adds, finds as they are, changes or leaves out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// New records.
    pub added: usize,
    /// Records found in the app and left as they are.
    pub matched: usize,
    /// Records found in the app and changed.
    pub updated: usize,
    /// Rows (clients) or documents (orders) left out because of a problem.
    pub skipped: usize,
}

/// The records an import writes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plan {
    /// New product groups.
    pub groups: Vec<ProductGroup>,
    /// New products.
    pub products: Vec<Product>,
    /// New clients.
    pub new_clients: Vec<Client>,
    /// Existing clients as they will be (same ids).
    pub changed_clients: Vec<Client>,
    /// New orders.
    pub new_orders: Vec<Order>,
    /// Existing orders as they will be (same ids): an edited source document.
    pub changed_orders: Vec<Order>,
    /// The file rows each new or changed client of a client list, and each new or changed
    /// order, comes from: what a record left out of the plan takes with it.
    pub sources: HashMap<Id, Vec<usize>>,
}

impl Plan {
    /// Whether the import would change nothing.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
            && self.products.is_empty()
            && self.new_clients.is_empty()
            && self.changed_clients.is_empty()
            && self.new_orders.is_empty()
            && self.changed_orders.is_empty()
    }
}

/// Why rows of a table were left out with sync on (the server would refuse them): one
/// sentence of the preview each.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LeftOutReason {
    /// Rows changing clients someone else owns.
    OthersClients,
    /// Rows giving one's own client another owner.
    OwnerChange,
    /// Rows creating a client owned by someone else.
    NewForOthers,
    /// Orders of clients someone else owns.
    OthersOrders,
    /// Orders needing products or groups the import would add to the director's catalogue.
    Catalogue,
    /// The person may write nothing shared (no team role, or not linked to a member).
    NoRights,
}

/// The preview of an import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preview {
    /// What the rows were read as.
    pub target: Target,
    /// Data rows read.
    pub rows: usize,
    /// Clients: for a client list, one per row; for orders, the clients the orders go to.
    pub clients: Counts,
    /// Orders (documents); all zero for a client list.
    pub orders: Counts,
    /// Every problem, in row order.
    pub problems: Vec<Problem>,
    /// What would be written.
    pub plan: Plan,
    /// Rows left out because the server would refuse them (with sync on; see
    /// [`super::rights`]), by reason.
    pub left_out: Vec<(LeftOutReason, usize)>,
}
