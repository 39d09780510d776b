//! Importing the tables people already have: clients and orders from a 1C report, an Excel
//! sheet, a CRM's export, a CSV file. Pure: bytes in, a preview out, the preview applied to a
//! workspace; no browser imports.
//!
//! The steps, one concern per file:
//! - [`read`]: what kind of file it is, its encoding ([`encoding`]) and separator
//!   ([`delimited`]), its rows; an `.xlsx` workbook's rows come from [`workbook`]
//!   (its archive read by `zip`, its XML by `xml`);
//! - [`table`]: the table inside the rows (the header row found under titles, totals dropped);
//! - [`columns`]: the fields, guessed from Russian and English headers, and the mapping;
//! - [`number`] and [`date`]: amounts into exact kopecks and dates, as files write them;
//! - [`rows`]: a row through the mapping into typed values, or its [`problem`];
//! - [`directory`] and [`identity`]: finding clients, members and products, and the id an
//!   imported order takes from its source document;
//! - [`memory`]: a mapping as keys the browser keeps for the next file with the same headers;
//! - `clients` and `orders`: the preview for each target ([`plan`]), and [`apply`] (with undo);
//! - [`steps`]: the same reading and preview in slices, for a file of 100 000 rows;
//! - [`rights`]: with sync on, the rows the server would refuse left out of the plan;
//! - [`fit`]: whether what an import adds fits in the browser's storage.

pub mod apply;
pub mod apply_steps;
mod clients;
pub mod columns;
pub mod date;
pub mod delimited;
pub mod directory;
pub mod encoding;
pub mod fit;
pub mod identity;
pub mod memory;
pub mod number;
mod orders;
pub mod plan;
pub mod problem;
pub mod read;
pub mod rights;
pub mod rows;
pub mod steps;
pub mod table;
pub mod workbook;
mod xml;
mod zip;

pub use apply::Applied;
pub use apply_steps::{apply, undo, ApplySteps, UndoSteps};
pub use columns::{Field, Mapping, MappingError, Target};
pub use delimited::Separator;
pub use encoding::TextEncoding;
pub use fit::{added_bytes, Fit, SizeSteps};
pub use plan::{Counts, GroupChoice, LeftOutReason, Options, Plan, Preview};
pub use problem::{ClientRef, Problem, RowProblem};
pub use read::{FileError, FileKind, TextSettings};
pub use rights::leave_out_refused;
pub use steps::{PreviewSteps, ReadSteps};
pub use table::{Cell, DataTable, SourceRow, TableError};

use crate::domain::ids::Id;
use crate::domain::workspace::Workspace;

/// How a file was read: the settings of a text file (shown, and changeable), or the sheet of a
/// workbook.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// A CSV or TSV file.
    Text(TextSettings),
    /// An `.xlsx` workbook: its first sheet.
    Workbook {
        /// The sheet's name.
        sheet: String,
    },
}

/// The rows of a file of any kind the import takes; for text, with the given encoding and
/// separator or, where `None`, those detected.
pub fn read_file(
    bytes: &[u8],
    encoding: Option<TextEncoding>,
    separator: Option<Separator>,
) -> Result<(Source, Vec<SourceRow>), FileError> {
    let mut steps = ReadSteps::new(bytes, encoding, separator)?;
    steps.step(usize::MAX);
    Ok(steps.finish())
}

/// The table of rows read from a file: its header row found by the headers an import knows.
pub fn find_table(rows: Vec<SourceRow>) -> Result<DataTable, TableError> {
    table::locate(rows, columns::is_known_header)
}

/// What importing `table` through `mapping` into `ws` would do. New records take their ids from
/// `new_id` (the app's generator; a fixed sequence in tests).
pub fn preview(
    ws: &Workspace,
    table: &DataTable,
    mapping: &Mapping,
    options: &Options,
    new_id: &mut dyn FnMut() -> Id,
) -> Preview {
    let mut steps = PreviewSteps::new(ws, mapping, options);
    steps.step(ws, table, new_id, usize::MAX);
    steps.finish(ws, table)
}

#[cfg(test)]
mod tests;
