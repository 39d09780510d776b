//! The whole workspace as a workbook, a sheet per record kind (clients, deals, orders with a
//! row per line, products, assessments, transfers, team; see [`super::records`]), written in
//! steps of a few thousand records so that a full-size workspace never freezes the page.

use super::labels::Labels;
use super::records::{all_sheets, SheetSpec};
use super::xlsx::XlsxWriter;
use crate::domain::Workspace;
use std::ops::Range;

/// Records one step writes: 2 000 orders are about 5 000 rows, two megabytes of XML to write
/// and deflate. Smaller steps (1 000, 500) did not shorten the longest task in Chromium on the
/// busy two-core machine (183 / 404 / 531 ms) and made the whole book slower (7 / 10 / 16 s).
const RECORDS_PER_STEP: usize = 2_000;

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
        let sheets = all_sheets();
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
