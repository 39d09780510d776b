//! The stored workspace written piece by piece. Every long list (clients, deals, orders, …) is
//! cut into pieces of a few hundred records, each deflated on its own and kept with a copy of
//! its records; a save encodes only the pieces whose records changed and reuses the rest. That
//! turns a save at 5 000 clients / 100 000 orders from re-encoding and compressing 11 MB of JSON
//! into one or two pieces of it. The stored value is still one `localStorage` entry written at
//! once, so a save is whole or not at all, and it unpacks to the same JSON envelope as before,
//! read by the one restore path.

mod books;
mod list;

use crate::domain::activities::{Activity, Task};
use crate::domain::dates::Timestamp;
use crate::domain::deal_flow::StageChange;
use crate::domain::orders::{Product, ProductGroup};
use crate::domain::qualification::Assessment;
use crate::domain::team::TeamMember;
use crate::domain::transfer::TransferRecord;
use crate::domain::workspace::{Tombstone, Workspace};
use crate::domain::{Client, Deal, Stage};
use crate::format::packed::PieceWriter;
use crate::format::{FORMAT, VERSION};
use books::Books;
pub use books::ORDERS_PER_BOOK;
use list::{list_json, Pieces};
use serde::Serialize;

/// About how many records a piece of a list holds: a piece of clients is about 200 KB of JSON.
pub const RECORDS_PER_PIECE: u64 = 512;

/// `records` cut into the runs storage keeps as pieces (`per_piece`: [`RECORDS_PER_PIECE`], or
/// [`ORDERS_PER_BOOK`] for orders), for estimating what new records will take.
pub fn runs<T>(records: &[T], id: impl Fn(&T) -> &str, per_piece: u64) -> Vec<&[T]> {
    list::runs(records, id, per_piece)
}

/// The pieces of the last workspace written (or prepared), reused by the next save.
pub struct PieceCache {
    members: Pieces<TeamMember>,
    clients: Pieces<Client>,
    deals: Pieces<Deal>,
    stages: Pieces<Stage>,
    removed: Pieces<Tombstone>,
    assessments: Pieces<Assessment>,
    product_groups: Pieces<ProductGroup>,
    products: Pieces<Product>,
    books: Books,
    transfers: Pieces<TransferRecord>,
    stage_history: Pieces<StageChange>,
    activities: Pieces<Activity>,
    tasks: Pieces<Task>,
}

impl Default for PieceCache {
    fn default() -> Self {
        PieceCache {
            members: Pieces::new(RECORDS_PER_PIECE),
            clients: Pieces::new(RECORDS_PER_PIECE),
            deals: Pieces::new(RECORDS_PER_PIECE),
            stages: Pieces::new(RECORDS_PER_PIECE),
            removed: Pieces::new(RECORDS_PER_PIECE),
            assessments: Pieces::new(RECORDS_PER_PIECE),
            product_groups: Pieces::new(RECORDS_PER_PIECE),
            products: Pieces::new(RECORDS_PER_PIECE),
            books: Books::default(),
            transfers: Pieces::new(RECORDS_PER_PIECE),
            stage_history: Pieces::new(RECORDS_PER_PIECE),
            activities: Pieces::new(RECORDS_PER_PIECE),
            tasks: Pieces::new(RECORDS_PER_PIECE),
        }
    }
}

fn json<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).expect("a stored value always serialises")
}

/// Writes `"name":[…]` with the list's pieces.
fn list<T: Serialize + Clone + PartialEq>(
    out: &mut PieceWriter,
    name: &str,
    pieces: &mut Pieces<T>,
    records: &[T],
    id: impl Fn(&T) -> &str,
) {
    out.text(&format!(",\"{name}\":["));
    pieces.write(out, records, id, list_json);
    out.text("]");
}

impl PieceCache {
    /// The stored text of `ws`: the JSON envelope in deflated pieces, packed as Latin-1 after
    /// the save counter.
    pub fn encode(&mut self, ws: &Workspace, saved_at: Timestamp, revision: u64) -> String {
        // Destructured without `..`: a field added to `Workspace` fails to compile here until it
        // is stored too, so no field can be silently left out of storage.
        let Workspace {
            members,
            clients,
            deals,
            stages,
            removed,
            scoring_model,
            assessments,
            product_groups,
            products,
            orders,
            transfer_policy,
            transfers,
            stage_history,
            pipeline_settings,
            sales_plans,
            activities,
            tasks,
        } = ws;
        let mut out = PieceWriter::default();
        out.text(&format!(
            "{{\"format\":{},\"version\":{VERSION},\"saved_at\":{},\"revision\":{revision},\"workspace\":{{\"members\":[",
            json(FORMAT),
            json(&saved_at)
        ));
        self.members
            .write(&mut out, members, |r| r.id.as_str(), list_json);
        out.text("]");
        list(&mut out, "clients", &mut self.clients, clients, |r| {
            r.id.as_str()
        });
        list(&mut out, "deals", &mut self.deals, deals, |r| r.id.as_str());
        list(&mut out, "stages", &mut self.stages, stages, |r| {
            r.id.as_str()
        });
        list(&mut out, "removed", &mut self.removed, removed, |r| {
            r.id.as_str()
        });
        out.text(&format!(",\"scoring_model\":{}", json(scoring_model)));
        let assessed = &mut self.assessments;
        list(&mut out, "assessments", assessed, assessments, |r| {
            r.id.as_str()
        });
        let groups = &mut self.product_groups;
        list(&mut out, "product_groups", groups, product_groups, |r| {
            r.id.as_str()
        });
        list(&mut out, "products", &mut self.products, products, |r| {
            r.id.as_str()
        });
        out.text(",\"order_book\":[");
        self.books.write(&mut out, orders, clients, products);
        out.text(&format!("],\"transfer_policy\":{}", json(transfer_policy)));
        list(&mut out, "transfers", &mut self.transfers, transfers, |r| {
            r.id.as_str()
        });
        let moves = &mut self.stage_history;
        list(&mut out, "stage_history", moves, stage_history, |r| {
            r.id.as_str()
        });
        // The lists added since version 5 are left out while empty, as a file leaves them out.
        if !activities.is_empty() {
            let logged = &mut self.activities;
            list(&mut out, "activities", logged, activities, |r| {
                r.id.as_str()
            });
        }
        if !tasks.is_empty() {
            list(&mut out, "tasks", &mut self.tasks, tasks, |r| r.id.as_str());
        }
        out.text(&format!(
            ",\"pipeline_settings\":{}",
            json(pipeline_settings)
        ));
        // A few hundred small records at most: written whole, and not at all when empty.
        if !sales_plans.is_empty() {
            out.text(&format!(",\"sales_plans\":{}", json(sales_plans)));
        }
        out.text("}}");
        out.finish(revision)
    }

    /// Encodes at most `budget` of the pieces `ws` needs and does not have yet, so that they
    /// can be made ahead in steps short enough not to freeze the page. Returns whether every
    /// piece is ready (a save now would encode nothing but its header).
    pub fn prepare(&mut self, ws: &Workspace, budget: usize) -> bool {
        let mut left = budget;
        left -= self
            .members
            .prepare(&ws.members, |r| r.id.as_str(), list_json, left);
        left -= self
            .clients
            .prepare(&ws.clients, |r| r.id.as_str(), list_json, left);
        left -= self
            .deals
            .prepare(&ws.deals, |r| r.id.as_str(), list_json, left);
        left -= self
            .stages
            .prepare(&ws.stages, |r| r.id.as_str(), list_json, left);
        left -= self
            .removed
            .prepare(&ws.removed, |r| r.id.as_str(), list_json, left);
        let assessed = &mut self.assessments;
        left -= assessed.prepare(&ws.assessments, |r| r.id.as_str(), list_json, left);
        let groups = &mut self.product_groups;
        left -= groups.prepare(&ws.product_groups, |r| r.id.as_str(), list_json, left);
        left -= self
            .products
            .prepare(&ws.products, |r| r.id.as_str(), list_json, left);
        left -= self
            .books
            .prepare(&ws.orders, &ws.clients, &ws.products, left);
        left -= self
            .transfers
            .prepare(&ws.transfers, |r| r.id.as_str(), list_json, left);
        left > 0
    }
}

#[cfg(test)]
mod tests;
