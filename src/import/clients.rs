//! A client list's preview: each row matched to a client of the app (by ИНН, then by name) and
//! turned into a new client or the changes to an existing one.

use super::columns::Mapping;
use super::directory::Directory;
use super::identity::name_key;
use super::plan::{Counts, Options, Plan, Preview};
use super::problem::{Problem, RowProblem};
use super::rows::{read_client, ClientFields};
use super::table::{DataTable, SourceRow};
use crate::domain::client::{Client, ClientStatus, ContactPerson};
use crate::domain::ids::Id;
use crate::domain::workspace::Workspace;
use std::collections::HashMap;

/// The owner a row names, or `None` with a warning when no member has that name.
pub(super) fn owner_of(
    dir: &Directory,
    fields: &ClientFields,
    warnings: &mut Vec<RowProblem>,
) -> Option<Id> {
    if fields.owner.is_empty() {
        return None;
    }
    let found = dir.find_member(&fields.owner);
    if found.is_none() {
        warnings.push(RowProblem::UnknownOwner {
            name: fields.owner.clone(),
        });
    }
    found
}

/// A new client from a row.
pub(super) fn new_client(fields: &ClientFields, owner: Id, options: &Options, id: Id) -> Client {
    Client {
        id,
        name: fields.name.clone(),
        inn: fields.inn.clone(),
        kpp: fields.kpp.clone(),
        contact: ContactPerson {
            name: fields.contact.clone(),
            phone: fields.phone.clone(),
            email: fields.email.clone(),
        },
        owner_id: owner,
        status: fields.status.unwrap_or(ClientStatus::Lead),
        notes: fields.notes.clone(),
        yearly_spend: None,
        created_at: options.now,
        updated_at: options.now,
        stamps: Default::default(),
    }
}

/// `existing` with what the row says: a filled cell replaces the field (the name only when it
/// is not the same name written differently; the ИНН only where there was none; a valid КПП), an empty cell
/// never clears one, and notes are only filled in where there were none.
fn updated(existing: &Client, fields: &ClientFields, owner: Option<Id>) -> Client {
    let mut client = existing.clone();
    if !fields.name.is_empty() && name_key(&fields.name) != name_key(&client.name) {
        client.name = fields.name.clone();
    }
    if client.inn.is_none() {
        client.inn = fields.inn.clone();
    }
    if fields.kpp.is_some() {
        client.kpp = fields.kpp.clone();
    }
    let fill = |slot: &mut String, value: &str| {
        if !value.is_empty() {
            *slot = value.to_owned();
        }
    };
    fill(&mut client.contact.name, &fields.contact);
    fill(&mut client.contact.phone, &fields.phone);
    fill(&mut client.contact.email, &fields.email);
    if client.notes.is_empty() {
        client.notes = fields.notes.clone();
    }
    if let Some(owner) = owner {
        client.owner_id = owner;
    }
    if let Some(status) = fields.status {
        client.status = status;
    }
    client
}

/// The preview of a client list, worked out a slice of rows at a time; run to the end at once
/// or in slices, it is the same.
pub(super) struct ClientSteps {
    dir: Directory,
    mapping: Mapping,
    options: Options,
    plan: Plan,
    counts: Counts,
    problems: Vec<Problem>,
    seen: HashMap<Id, usize>,
    next: usize,
}

impl ClientSteps {
    /// The start of the preview of a client list into `ws`.
    pub(super) fn new(ws: &Workspace, mapping: &Mapping, options: &Options) -> ClientSteps {
        ClientSteps {
            dir: Directory::new(ws),
            mapping: mapping.clone(),
            options: options.clone(),
            plan: Plan::default(),
            counts: Counts::default(),
            problems: Vec::new(),
            seen: HashMap::new(),
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
        ws: &Workspace,
        table: &DataTable,
        new_id: &mut dyn FnMut() -> Id,
        count: usize,
    ) -> bool {
        let end = table.rows.len().min(self.next.saturating_add(count));
        for row in &table.rows[self.next.min(end)..end] {
            self.row(ws, row, new_id);
        }
        self.next = end.max(self.next);
        self.next >= table.rows.len()
    }

    fn row(&mut self, ws: &Workspace, row: &SourceRow, new_id: &mut dyn FnMut() -> Id) {
        let ClientSteps {
            dir,
            mapping,
            options,
            plan,
            counts,
            problems,
            seen,
            ..
        } = self;
        let mut report = |problem| {
            problems.push(Problem {
                row: row.number,
                problem,
            })
        };
        let (fields, mut warnings) = match read_client(row, mapping) {
            Ok(read) => read,
            Err(problem) => {
                report(problem);
                counts.skipped += 1;
                return;
            }
        };
        let owner = owner_of(dir, &fields, &mut warnings);
        let found = dir.find_client(&fields);
        if let Some(first_row) = found.as_ref().and_then(|id| seen.get(id)) {
            report(RowProblem::RepeatedInFile {
                first_row: *first_row,
            });
            counts.skipped += 1;
            return;
        }
        match found.as_ref().and_then(|id| ws.client(id)) {
            Some(existing) => {
                seen.insert(existing.id.clone(), row.number);
                let client = updated(existing, &fields, owner);
                if &client == existing {
                    counts.matched += 1;
                } else {
                    counts.updated += 1;
                    plan.sources.insert(client.id.clone(), vec![row.number]);
                    plan.changed_clients.push(client);
                }
            }
            None if fields.name.is_empty() => {
                report(RowProblem::Missing(super::columns::Field::ClientName));
                counts.skipped += 1;
                return;
            }
            None => {
                let client = new_client(
                    &fields,
                    owner.unwrap_or(options.owner.clone()),
                    options,
                    new_id(),
                );
                dir.add_client(&client);
                seen.insert(client.id.clone(), row.number);
                counts.added += 1;
                plan.sources.insert(client.id.clone(), vec![row.number]);
                plan.new_clients.push(client);
            }
        }
        for warning in warnings {
            report(warning);
        }
    }

    /// The preview, once every row is read.
    pub(super) fn finish(self, table: &DataTable) -> Preview {
        Preview {
            target: self.mapping.target,
            rows: table.rows.len(),
            clients: self.counts,
            orders: Counts::default(),
            problems: self.problems,
            plan: self.plan,
            left_out: Vec::new(),
        }
    }
}
