//! What each sheet of the workspace's workbook holds: its name, columns, and the rows of a
//! range of its records (orders: a row per line). The client and transfer rows also serve the
//! client list's and the transfer log's own exports.

use super::cell::{Cell, Column, Kind};
use super::labels::{Heading, Labels};
use crate::domain::qualification::score;
use crate::domain::views::lookup::Lookup;
use crate::domain::{Client, Id, Workspace};
use std::collections::HashMap;
use std::ops::Range;

fn columns(labels: &dyn Labels, spec: &[(Heading, Kind)]) -> Vec<Column> {
    spec.iter()
        .map(|(h, k)| Column::new(labels.heading(*h), *k))
        .collect()
}

fn text(s: &str) -> Cell {
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s.to_owned())
    }
}

fn member_name(ws: &Workspace, id: &Id) -> Cell {
    ws.member(id).map_or(Cell::Empty, |m| text(&m.name))
}

/// The client sheet's columns.
pub fn client_columns(labels: &dyn Labels) -> Vec<Column> {
    use Heading::*;
    use Kind::{Date as D, Integer as I, Money as M, Text as T};
    columns(
        labels,
        &[
            (Company, T),
            (Inn, T),
            (Contact, T),
            (Phone, T),
            (Email, T),
            (Owner, T),
            (Status, T),
            (Stage, T),
            (Verdict, T),
            (Points, I),
            (YearlySpend, M),
            (Created, D),
            (Notes, T),
        ],
    )
}

/// One row per client, in the columns of [`client_columns`].
pub fn client_rows(ws: &Workspace, labels: &dyn Labels, clients: &[&Client]) -> Vec<Vec<Cell>> {
    let lookup = Lookup::new(ws);
    clients
        .iter()
        .map(|c| {
            let score = lookup.client_score(&c.id);
            vec![
                text(&c.name),
                text(c.inn.as_deref().unwrap_or_default()),
                text(&c.contact.name),
                text(&c.contact.phone),
                text(&c.contact.email),
                member_name(ws, &c.owner_id),
                Cell::Text(labels.status(c.status)),
                lookup
                    .client_stage(&c.id)
                    .map_or(Cell::Empty, |s| Cell::Text(labels.stage(s))),
                score
                    .as_ref()
                    .map_or(Cell::Empty, |s| Cell::Text(labels.verdict(s.verdict))),
                score.map_or(Cell::Empty, |s| Cell::Integer(i64::from(s.points))),
                c.yearly_spend.map_or(Cell::Empty, Cell::Money),
                Cell::Date(labels.day(c.created_at)),
                text(&c.notes),
            ]
        })
        .collect()
}

/// The rows of a range of a sheet's records.
pub type Rows = fn(&Workspace, &dyn Labels, Range<usize>) -> Vec<Vec<Cell>>;

/// A sheet of the workspace book: its name, columns, how many records, and the rows of a
/// range of them.
pub struct SheetSpec {
    /// The sheet's name.
    pub name: Heading,
    /// Its columns.
    pub columns: fn(&dyn Labels) -> Vec<Column>,
    /// How many records it has.
    pub len: fn(&Workspace) -> usize,
    /// The rows of a range of them.
    pub rows: Rows,
}

fn clamp(range: Range<usize>, len: usize) -> Range<usize> {
    range.start.min(len)..range.end.min(len)
}

fn clients_sheet() -> SheetSpec {
    SheetSpec {
        name: Heading::ClientsSheet,
        columns: client_columns,
        len: |ws| ws.clients.len(),
        rows: |ws, labels, range| {
            let all: Vec<&Client> = ws.clients[clamp(range, ws.clients.len())].iter().collect();
            client_rows(ws, labels, &all)
        },
    }
}

fn deals_sheet() -> SheetSpec {
    use Heading::*;
    use Kind::{Date as D, Money as M, Text as T};
    SheetSpec {
        name: DealsSheet,
        columns: |l| {
            columns(
                l,
                &[
                    (Deal, T),
                    (Client, T),
                    (Stage, T),
                    (Amount, M),
                    (Owner, T),
                    (NextStep, T),
                    (NextStepDate, D),
                    (Closed, D),
                    (Created, D),
                ],
            )
        },
        len: |ws| ws.deals.len(),
        rows: |ws, labels, range| {
            let lookup = Lookup::new(ws);
            ws.deals[clamp(range, ws.deals.len())]
                .iter()
                .map(|d| {
                    vec![
                        text(&d.title),
                        lookup
                            .client(&d.client_id)
                            .map_or(Cell::Empty, |c| text(&c.name)),
                        ws.stage(&d.stage_id)
                            .map_or(Cell::Empty, |s| Cell::Text(labels.stage(s))),
                        Cell::Money(d.amount),
                        member_name(ws, &d.owner_id),
                        text(&d.next_step),
                        d.next_step_date.map_or(Cell::Empty, Cell::Date),
                        d.closed
                            .as_ref()
                            .map_or(Cell::Empty, |c| Cell::Date(labels.day(c.at()))),
                        Cell::Date(labels.day(d.created_at)),
                    ]
                })
                .collect()
        },
    }
}

fn orders_sheet() -> SheetSpec {
    use Heading::*;
    use Kind::{Date as D, Money as M, Text as T};
    SheetSpec {
        name: OrdersSheet,
        columns: |l| {
            columns(
                l,
                &[
                    (Date, D),
                    (Client, T),
                    (Inn, T),
                    (Order, T),
                    (Product, T),
                    (Group, T),
                    (Amount, M),
                ],
            )
        },
        len: |ws| ws.orders.len(),
        rows: |ws, _, range| {
            // Only the clients are looked up: a whole `Lookup` indexes deals and assessments too.
            let clients: HashMap<&Id, &crate::domain::Client> =
                ws.clients.iter().map(|c| (&c.id, c)).collect();
            let groups: HashMap<&Id, &str> = ws
                .product_groups
                .iter()
                .map(|g| (&g.id, g.name.as_str()))
                .collect();
            let products: HashMap<&Id, (&str, &str)> = ws
                .products
                .iter()
                .map(|p| {
                    let group = groups.get(&p.group_id).copied().unwrap_or_default();
                    (&p.id, (p.name.as_str(), group))
                })
                .collect();
            let mut rows = Vec::new();
            for o in &ws.orders[clamp(range, ws.orders.len())] {
                let client = clients.get(&o.client_id).copied();
                for line in &o.lines {
                    let (product, group) =
                        products.get(&line.product_id).copied().unwrap_or_default();
                    rows.push(vec![
                        Cell::Date(o.date),
                        client.map_or(Cell::Empty, |c| text(&c.name)),
                        client.map_or(Cell::Empty, |c| text(c.inn.as_deref().unwrap_or_default())),
                        text(o.id.as_str()),
                        text(product),
                        text(group),
                        Cell::Money(line.amount),
                    ]);
                }
            }
            rows
        },
    }
}

fn products_sheet() -> SheetSpec {
    SheetSpec {
        name: Heading::ProductsSheet,
        columns: |l| {
            columns(
                l,
                &[(Heading::Product, Kind::Text), (Heading::Group, Kind::Text)],
            )
        },
        len: |ws| ws.products.len(),
        rows: |ws, _, range| {
            ws.products[clamp(range, ws.products.len())]
                .iter()
                .map(|p| {
                    let group = ws.product_groups.iter().find(|g| g.id == p.group_id);
                    vec![text(&p.name), group.map_or(Cell::Empty, |g| text(&g.name))]
                })
                .collect()
        },
    }
}

fn assessments_sheet() -> SheetSpec {
    use Heading::*;
    use Kind::{Date as D, Integer as I, Text as T};
    SheetSpec {
        name: AssessmentsSheet,
        columns: |l| {
            columns(
                l,
                &[
                    (Date, D),
                    (Deal, T),
                    (Client, T),
                    (Assessor, T),
                    (Points, I),
                    (MaxPoints, I),
                    (Verdict, T),
                ],
            )
        },
        len: |ws| ws.assessments.len(),
        rows: |ws, labels, range| {
            let lookup = Lookup::new(ws);
            let deals: HashMap<&Id, &crate::domain::Deal> =
                ws.deals.iter().map(|d| (&d.id, d)).collect();
            ws.assessments[clamp(range, ws.assessments.len())]
                .iter()
                .map(|a| {
                    let s = score(&ws.scoring_model, a);
                    let deal = deals.get(&a.deal_id);
                    vec![
                        Cell::Date(labels.day(a.created_at)),
                        deal.map_or(Cell::Empty, |d| text(&d.title)),
                        deal.and_then(|d| lookup.client(&d.client_id))
                            .map_or(Cell::Empty, |c| text(&c.name)),
                        member_name(ws, &a.assessor_id),
                        Cell::Integer(i64::from(s.points)),
                        Cell::Integer(i64::from(s.max)),
                        Cell::Text(labels.verdict(s.verdict)),
                    ]
                })
                .collect()
        },
    }
}

fn transfers_sheet() -> SheetSpec {
    use Heading::*;
    use Kind::{Date as D, Text as T};
    SheetSpec {
        name: TransfersSheet,
        columns: |l| {
            columns(
                l,
                &[
                    (Date, D),
                    (Client, T),
                    (Inn, T),
                    (From, T),
                    (To, T),
                    (By, T),
                ],
            )
        },
        len: |ws| ws.transfers.len(),
        rows: |ws, _, range| {
            let lookup = Lookup::new(ws);
            ws.transfers[clamp(range, ws.transfers.len())]
                .iter()
                .map(|t| transfer_row(ws, &lookup, t))
                .collect()
        },
    }
}

/// A transfer's row: date, client, ИНН, from, to, by whom.
pub fn transfer_row(
    ws: &Workspace,
    lookup: &Lookup,
    t: &crate::domain::transfer::TransferRecord,
) -> Vec<Cell> {
    let client = lookup.client(&t.client_id);
    vec![
        Cell::Date(t.date),
        client.map_or(Cell::Empty, |c| text(&c.name)),
        client.map_or(Cell::Empty, |c| text(c.inn.as_deref().unwrap_or_default())),
        member_name(ws, &t.from_member_id),
        member_name(ws, &t.to_member_id),
        member_name(ws, &t.by_member_id),
    ]
}

/// The transfer sheet's columns (see [`transfer_row`]).
pub fn transfer_columns(labels: &dyn Labels) -> Vec<Column> {
    (transfers_sheet().columns)(labels)
}

fn team_sheet() -> SheetSpec {
    use Heading::*;
    SheetSpec {
        name: TeamSheet,
        columns: |l| {
            columns(
                l,
                &[
                    (Name, Kind::Text),
                    (JobTitle, Kind::Text),
                    (Created, Kind::Date),
                ],
            )
        },
        len: |ws| ws.members.len(),
        rows: |ws, labels, range| {
            ws.members[clamp(range, ws.members.len())]
                .iter()
                .map(|m| {
                    vec![
                        text(&m.name),
                        Cell::Text(labels.job_title(m.job_title)),
                        Cell::Date(labels.day(m.created_at)),
                    ]
                })
                .collect()
        },
    }
}

/// The workbook's sheets, in order.
pub fn all_sheets() -> Vec<SheetSpec> {
    vec![
        clients_sheet(),
        deals_sheet(),
        orders_sheet(),
        products_sheet(),
        assessments_sheet(),
        transfers_sheet(),
        team_sheet(),
    ]
}
