//! A table as CSV, through the dashboard's writer (`;`, BOM, CRLF, quoting), with text that
//! a spreadsheet would take for a formula made inert by a leading apostrophe (OWASP's CSV
//! injection advice).

use super::cell::{Cell, Table};
use crate::domain::dashboard::csv::to_csv;

/// `text` with a leading `'` when it starts with `=`, `+`, `-`, `@`, a tab or a carriage
/// return, so that a spreadsheet shows it instead of running it.
pub fn defuse(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// The table as CSV: its headings, then its rows; text defused, numbers as plain decimals
/// with a decimal comma (what a Russian Excel reads as a number next to `;`).
pub fn table_csv(table: &Table) -> String {
    let mut rows = Vec::with_capacity(table.rows.len() + 1);
    rows.push(
        table
            .columns
            .iter()
            .map(|c| defuse(&c.heading))
            .collect::<Vec<_>>(),
    );
    for row in &table.rows {
        rows.push(
            row.iter()
                .map(|cell| match cell {
                    Cell::Text(t) => defuse(t),
                    Cell::Money(_) | Cell::Percent(_) | Cell::Decimal(_) => {
                        cell.text().replace('.', ",")
                    }
                    other => other.text(),
                })
                .collect(),
        );
    }
    to_csv(&rows)
}
