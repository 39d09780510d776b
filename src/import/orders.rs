//! An order file's preview: lines matched to clients and products, grouped by source document
//! into orders whose ids come from the document, and compared with the orders already there.

use super::clients::{new_client, owner_of};
use super::columns::{Field, Mapping};
use super::directory::Directory;
use super::identity::order_id;
use super::plan::{Counts, GroupChoice, Options, Plan, Preview};
use super::problem::{Problem, RowProblem};
use super::rows::{read_line, LineFields};
use super::table::{DataTable, SourceRow};
use crate::domain::dates::Timestamp;
use crate::domain::ids::Id;
use crate::domain::orders::{Order, OrderLine, Product, ProductGroup};
use crate::domain::stamps::next_stamp;
use crate::domain::workspace::Workspace;
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

/// A document's lines gathered from the file.
struct Document {
    id: Id,
    client_id: Id,
    date: NaiveDate,
    number: String,
    lines: Vec<OrderLine>,
    rows: Vec<usize>,
    keys: Vec<String>,
}

/// What names a row's document before its cells are read: the document, date and client cells
/// as written (trimmed; not normalised further, since this runs for every row). A row that cannot be read still has one, so the other lines of its document wait
/// for it (an order missing a line would have the wrong total).
fn raw_key(row: &SourceRow, mapping: &Mapping) -> String {
    let cell = |f| {
        mapping
            .column(f)
            .map(|c| row.cell(c).text())
            .unwrap_or_default()
    };
    format!(
        "{}|{}|{}|{}",
        cell(Field::Document),
        cell(Field::Date),
        cell(Field::Inn),
        cell(Field::ClientName)
    )
}

/// Everything the preview of one file keeps as it goes.
struct Work {
    options: Options,
    dir: Directory,
    plan: Plan,
    clients: Counts,
    problems: Vec<Problem>,
    matched_clients: HashSet<Id>,
    existing_clients: HashSet<Id>,
    default_group: Option<Id>,
}

impl Work {
    fn client_of(
        &mut self,
        line: &LineFields,
        warnings: &mut Vec<RowProblem>,
        new_id: &mut dyn FnMut() -> Id,
    ) -> Result<Id, RowProblem> {
        if let Some(id) = self.dir.find_client(&line.client) {
            if self.existing_clients.contains(&id) && self.matched_clients.insert(id.clone()) {
                self.clients.matched += 1;
            }
            return Ok(id);
        }
        if !self.options.create_clients || line.client.name.is_empty() {
            return Err(RowProblem::ClientNotFound(line.client.reference()));
        }
        let owner =
            owner_of(&self.dir, &line.client, warnings).unwrap_or(self.options.owner.clone());
        let client = new_client(&line.client, owner, &self.options, new_id());
        self.dir.add_client(&client);
        self.clients.added += 1;
        let id = client.id.clone();
        self.plan.new_clients.push(client);
        Ok(id)
    }

    fn group_for(&mut self, line: &LineFields, new_id: &mut dyn FnMut() -> Id) -> Id {
        let named = |name: &str| (!name.is_empty()).then(|| name.to_owned());
        let name = match (named(&line.group), &self.options.group) {
            (Some(name), _) => name,
            (None, GroupChoice::Existing(id)) => return id.clone(),
            (None, GroupChoice::Named(name)) => {
                if let Some(id) = &self.default_group {
                    return id.clone();
                }
                name.clone()
            }
        };
        let id = self.dir.find_group(&name).unwrap_or_else(|| {
            let id = new_id();
            self.dir.add_group(&name, &id);
            self.plan.groups.push(ProductGroup {
                id: id.clone(),
                name: name.clone(),
                created_at: self.options.now,
                updated_at: self.options.now,
                stamps: Default::default(),
            });
            id
        });
        if line.group.is_empty() {
            self.default_group = Some(id.clone());
        }
        id
    }

    fn product_of(
        &mut self,
        line: &LineFields,
        new_id: &mut dyn FnMut() -> Id,
    ) -> Result<Id, RowProblem> {
        if let Some(id) = self.dir.find_product(&line.product, &line.article) {
            return Ok(id);
        }
        let name = if line.product.is_empty() {
            &line.article
        } else {
            &line.product
        };
        if !self.options.create_products {
            return Err(RowProblem::ProductNotFound { name: name.clone() });
        }
        let group_id = self.group_for(line, new_id);
        let id = new_id();
        self.dir.add_product(name, &id);
        self.plan.products.push(Product {
            id: id.clone(),
            name: name.clone(),
            group_id,
            created_at: self.options.now,
            updated_at: self.options.now,
            stamps: Default::default(),
        });
        Ok(id)
    }
}

/// The preview of an order file, worked out a slice of rows at a time: the rows are read into
/// documents ([`OrderSteps::read`]), then the documents are compared with the orders already
/// there ([`OrderSteps::finish`]). Run to the end at once or in slices, the preview is the same.
pub(super) struct OrderSteps {
    work: Work,
    mapping: Mapping,
    documents: Vec<Document>,
    by_id: HashMap<Id, usize>,
    bad_keys: HashMap<String, usize>,
    next: usize,
}

impl OrderSteps {
    /// The start of the preview of an order file into `ws`.
    pub(super) fn new(ws: &Workspace, mapping: &Mapping, options: &Options) -> OrderSteps {
        let work = Work {
            options: options.clone(),
            dir: Directory::new(ws),
            plan: Plan::default(),
            clients: Counts::default(),
            problems: Vec::new(),
            matched_clients: HashSet::new(),
            // A set, not `ws.client`: that scans the list, once per row of the file.
            existing_clients: ws.clients.iter().map(|c| c.id.clone()).collect(),
            default_group: None,
        };
        OrderSteps {
            work,
            mapping: mapping.clone(),
            documents: Vec::new(),
            by_id: HashMap::new(),
            bad_keys: HashMap::new(),
            next: 0,
        }
    }

    /// Rows read so far.
    pub(super) fn rows_done(&self) -> usize {
        self.next
    }

    /// Reads up to `count` more rows of `table`; returns whether every row is read.
    pub(super) fn read(
        &mut self,
        table: &DataTable,
        new_id: &mut dyn FnMut() -> Id,
        count: usize,
    ) -> bool {
        let end = table.rows.len().min(self.next.saturating_add(count));
        let (work, mapping) = (&mut self.work, &self.mapping);
        for row in &table.rows[self.next.min(end)..end] {
            let key = raw_key(row, mapping);
            let read = read_line(row, mapping).and_then(|(line, mut warnings)| {
                let client_id = work.client_of(&line, &mut warnings, new_id)?;
                let product_id = work.product_of(&line, new_id)?;
                Ok((line, client_id, product_id, warnings))
            });
            let (line, client_id, product_id, warnings) = match read {
                Ok(read) => read,
                Err(problem) => {
                    work.problems.push(Problem {
                        row: row.number,
                        problem,
                    });
                    self.bad_keys.entry(key).or_insert(row.number);
                    continue;
                }
            };
            for problem in warnings {
                work.problems.push(Problem {
                    row: row.number,
                    problem,
                });
            }
            let id = order_id(&line, work.dir.client_inn(&client_id));
            let documents = &mut self.documents;
            let at = *self.by_id.entry(id.clone()).or_insert_with(|| {
                documents.push(Document {
                    id,
                    client_id,
                    date: line.date,
                    number: line.document.clone(),
                    lines: Vec::new(),
                    rows: Vec::new(),
                    keys: Vec::new(),
                });
                documents.len() - 1
            });
            let doc = &mut documents[at];
            doc.lines.push(OrderLine {
                product_id,
                amount: line.amount,
                quantity: line.quantity,
            });
            doc.rows.push(row.number);
            doc.keys.push(key);
        }
        self.next = end.max(self.next);
        self.next >= table.rows.len()
    }

    /// The preview, once every row is read: each document compared with the order it would
    /// update.
    pub(super) fn finish(self, ws: &Workspace, table: &DataTable) -> Preview {
        let OrderSteps {
            mut work,
            mapping,
            documents,
            bad_keys,
            ..
        } = self;
        let options = work.options.clone();
        let options = &options;
        let removed: HashMap<&Id, Timestamp> =
            ws.removed.iter().map(|t| (&t.id, t.removed_at)).collect();
        let existing: HashMap<&Id, &Order> = ws.orders.iter().map(|o| (&o.id, o)).collect();
        let mut orders = Counts::default();
        for doc in documents {
            if let Some(bad_row) = doc.keys.iter().find_map(|k| bad_keys.get(k)) {
                for &row in &doc.rows {
                    let problem = RowProblem::DocumentHasProblem { bad_row: *bad_row };
                    work.problems.push(Problem { row, problem });
                }
                orders.skipped += 1;
                continue;
            }
            // Brought back, an order is stamped after its deletion, or a copy of the tombstone
            // (another tab's, a colleague's file) would remove it again.
            let mut created = options.now;
            let deleted = removed
                .get(&doc.id)
                .filter(|_| !existing.contains_key(&doc.id));
            if let Some(&removed_at) = deleted {
                if !options.restore_deleted {
                    let problem = RowProblem::DeletedEarlier {
                        document: doc.number,
                    };
                    work.problems.push(Problem {
                        row: doc.rows[0],
                        problem,
                    });
                    orders.skipped += 1;
                    continue;
                }
                created = next_stamp(options.now, removed_at);
            }
            let rows = doc.rows;
            let order = Order {
                id: doc.id,
                client_id: doc.client_id,
                date: doc.date,
                lines: doc.lines,
                created_at: created,
                updated_at: created,
                stamps: Default::default(),
            };
            match existing.get(&order.id) {
                Some(old)
                    if old.client_id == order.client_id
                        && old.date == order.date
                        && old.lines == order.lines =>
                {
                    orders.matched += 1;
                }
                Some(old) => {
                    orders.updated += 1;
                    work.plan.sources.insert(order.id.clone(), rows);
                    work.plan.changed_orders.push(Order {
                        created_at: old.created_at,
                        updated_at: old.updated_at,
                        stamps: old.stamps.clone(),
                        ..order
                    });
                }
                None => {
                    orders.added += 1;
                    work.plan.sources.insert(order.id.clone(), rows);
                    work.plan.new_orders.push(order);
                }
            }
        }
        crate::domain::sort::sort_by_key(&mut work.problems, |p| p.row);
        Preview {
            target: mapping.target,
            rows: table.rows.len(),
            clients: work.clients,
            orders,
            problems: work.problems,
            plan: work.plan,
            left_out: Vec::new(),
        }
    }
}
