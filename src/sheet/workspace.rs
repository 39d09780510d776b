//! The whole workspace as a workbook, a sheet per record kind (clients, deals, orders with a
//! row per line, products, assessments, transfers, team), written in steps of a few thousand
//! records so that a full-size workspace never freezes the page (see [`BookSteps`]).

use super::cell::{Cell, Column, Kind};
use super::xlsx::XlsxWriter;
use crate::domain::dates::Timestamp;
use crate::domain::qualification::{score, Verdict};
use crate::domain::team::JobTitle;
use crate::domain::views::lookup::Lookup;
use crate::domain::{Client, ClientStatus, Id, Stage, Workspace};
use chrono::NaiveDate;
use std::collections::HashMap;
use std::ops::Range;

/// Records one step writes: a few thousand rows, some tens of milliseconds in the browser.
const RECORDS_PER_STEP: usize = 2_000;

/// A sheet's or a column's name, put into words by [`Labels::heading`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum Heading {
    ClientsSheet,
    DealsSheet,
    OrdersSheet,
    ProductsSheet,
    AssessmentsSheet,
    TransfersSheet,
    TeamSheet,
    Company,
    Inn,
    Contact,
    Phone,
    Email,
    Owner,
    Status,
    Stage,
    Verdict,
    Points,
    YearlySpend,
    Created,
    Notes,
    Deal,
    Client,
    Amount,
    NextStep,
    NextStepDate,
    Closed,
    Date,
    Order,
    Product,
    Group,
    Assessor,
    MaxPoints,
    From,
    To,
    By,
    Name,
    JobTitle,
}

/// The words and the calendar of the person exporting; the core stays free of the
/// translation layer, which implements this.
pub trait Labels {
    /// A sheet's or a column's name.
    fn heading(&self, heading: Heading) -> String;
    /// A client status in words.
    fn status(&self, status: ClientStatus) -> String;
    /// A stage's name.
    fn stage(&self, stage: &Stage) -> String;
    /// A verdict in words.
    fn verdict(&self, verdict: Verdict) -> String;
    /// A job title in words.
    fn job_title(&self, title: JobTitle) -> String;
    /// The calendar day of a moment, on the person's own calendar.
    fn day(&self, at: Timestamp) -> NaiveDate;
}

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

/// A sheet of the workspace book: its name, columns, how many records, and the rows of a
/// range of them.
struct SheetSpec {
    name: Heading,
    columns: fn(&dyn Labels) -> Vec<Column>,
    len: fn(&Workspace) -> usize,
    rows: fn(&Workspace, &dyn Labels, Range<usize>) -> Vec<Vec<Cell>>,
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
            let lookup = Lookup::new(ws);
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
                let client = lookup.client(&o.client_id);
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

/// The workspace's workbook, written step by step: each step writes up to a few thousand
/// records of one sheet. The steps must be given the same, unchanged workspace.
pub struct BookSteps {
    steps: Vec<(usize, Range<usize>)>,
    sheets: Vec<SheetSpec>,
    next: usize,
    book: XlsxWriter,
}

impl BookSteps {
    /// The steps of the workbook of `ws`.
    pub fn new(ws: &Workspace) -> Self {
        let sheets = vec![
            clients_sheet(),
            deals_sheet(),
            orders_sheet(),
            products_sheet(),
            assessments_sheet(),
            transfers_sheet(),
            team_sheet(),
        ];
        let mut steps = Vec::new();
        for (i, sheet) in sheets.iter().enumerate() {
            let len = (sheet.len)(ws);
            steps.push((i, 0..RECORDS_PER_STEP.min(len)));
            for start in (RECORDS_PER_STEP..len).step_by(RECORDS_PER_STEP) {
                steps.push((i, start..(start + RECORDS_PER_STEP).min(len)));
            }
        }
        BookSteps {
            steps,
            sheets,
            next: 0,
            book: XlsxWriter::new(),
        }
    }

    /// How many steps there are in all.
    pub fn total(&self) -> usize {
        self.steps.len()
    }

    /// How many steps have run.
    pub fn done(&self) -> usize {
        self.next
    }

    /// Runs the next step; `false` when every step has run.
    pub fn step(&mut self, ws: &Workspace, labels: &dyn Labels) -> bool {
        let Some((sheet, range)) = self.steps.get(self.next).cloned() else {
            return false;
        };
        self.next += 1;
        let spec = &self.sheets[sheet];
        let first = range.start == 0;
        let rows = (spec.rows)(ws, labels, range);
        if first {
            let columns = (spec.columns)(labels);
            self.book
                .begin_sheet(&labels.heading(spec.name), &columns, &rows);
        }
        self.book.write_rows(&rows);
        true
    }

    /// The workbook's bytes, once every step has run.
    pub fn finish(self) -> Vec<u8> {
        self.book.finish()
    }
}

/// The workspace's workbook in one go (what the steps write).
pub fn workspace_book(ws: &Workspace, labels: &dyn Labels) -> Vec<u8> {
    let mut steps = BookSteps::new(ws);
    while steps.step(ws, labels) {}
    steps.finish()
}
