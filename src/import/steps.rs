//! An import worked out in slices, so a 100 000-row file neither freezes the page nor hides what
//! is happening: the file's rows are read a few thousand at a time ([`ReadSteps`]), then the
//! rows are checked, matched and planned a few thousand at a time ([`PreviewSteps`]). The app
//! runs a slice per task with a progress bar and a «Отмена»; [`super::read_file`] and
//! [`super::preview`] are the same steps run to the end at once, so both give the same result.

use super::clients::ClientSteps;
use super::columns::{Mapping, Target};
use super::delimited::RowReader;
use super::encoding::TextEncoding;
use super::orders::OrderSteps;
use super::plan::{Options, Preview};
use super::read::{check_file, FileError, FileKind, TextSettings};
use super::table::{DataTable, SourceRow};
use super::{workbook, Separator, Source};
use crate::domain::ids::Id;
use crate::domain::workspace::Workspace;

/// A file's rows being read.
pub struct ReadSteps {
    source: Source,
    reading: Reading,
}

enum Reading {
    /// A text file, read row by row.
    Text(RowReader),
    /// A workbook, read at once (its rows come out of a zip archive's XML in one pass).
    Done(Vec<SourceRow>),
}

impl ReadSteps {
    /// Starts reading `bytes` (for text, with the given encoding and separator or, where
    /// `None`, those detected): refuses what is not a table, decodes the text, and for a
    /// workbook reads its first sheet.
    pub fn new(
        bytes: &[u8],
        encoding: Option<TextEncoding>,
        separator: Option<Separator>,
    ) -> Result<ReadSteps, FileError> {
        match check_file(bytes)? {
            FileKind::Text => {
                let encoding = encoding.unwrap_or_else(|| TextEncoding::detect(bytes));
                let text = encoding.decode(bytes);
                let separator = separator.unwrap_or_else(|| Separator::detect(&text));
                Ok(ReadSteps {
                    source: Source::Text(TextSettings {
                        encoding,
                        separator,
                    }),
                    reading: Reading::Text(RowReader::new(text, separator)),
                })
            }
            FileKind::Zip => {
                let (sheet, rows) = workbook::read_xlsx(bytes)?;
                Ok(ReadSteps {
                    source: Source::Workbook { sheet },
                    reading: Reading::Done(rows),
                })
            }
            FileKind::Ole => Err(FileError::ProtectedOrOld),
            FileKind::Binary => Err(FileError::NotATable),
        }
    }

    /// Reads up to `rows` more rows; returns whether the file is read to its end.
    pub fn step(&mut self, rows: usize) -> bool {
        match &mut self.reading {
            Reading::Text(reader) => reader.step(rows),
            Reading::Done(_) => true,
        }
    }

    /// How far the reading is, as a part done and a whole (bytes of a text file).
    pub fn progress(&self) -> (usize, usize) {
        match &self.reading {
            Reading::Text(reader) => reader.progress(),
            Reading::Done(_) => (1, 1),
        }
    }

    /// How the file is read, and its rows.
    pub fn finish(self) -> (Source, Vec<SourceRow>) {
        let rows = match self.reading {
            Reading::Text(reader) => reader.into_rows(),
            Reading::Done(rows) => rows,
        };
        (self.source, rows)
    }
}

/// The preview of a table being worked out.
pub struct PreviewSteps {
    kind: Kind,
}

enum Kind {
    Clients(ClientSteps),
    Orders(OrderSteps),
}

impl PreviewSteps {
    /// The start of the preview of importing a table through `mapping` into `ws`.
    pub fn new(ws: &Workspace, mapping: &Mapping, options: &Options) -> PreviewSteps {
        let kind = match mapping.target {
            Target::Clients => Kind::Clients(ClientSteps::new(ws, mapping, options)),
            Target::Orders => Kind::Orders(OrderSteps::new(ws, mapping, options)),
        };
        PreviewSteps { kind }
    }

    /// Checks, matches and plans up to `rows` more rows of `table`; returns whether every row
    /// is done. Every step must be given the same, unchanged workspace and table; new records
    /// take their ids from `new_id`.
    pub fn step(
        &mut self,
        ws: &Workspace,
        table: &DataTable,
        new_id: &mut dyn FnMut() -> Id,
        rows: usize,
    ) -> bool {
        match &mut self.kind {
            Kind::Clients(steps) => steps.read(ws, table, new_id, rows),
            Kind::Orders(steps) => steps.read(table, new_id, rows),
        }
    }

    /// Rows done so far.
    pub fn rows_done(&self) -> usize {
        match &self.kind {
            Kind::Clients(steps) => steps.rows_done(),
            Kind::Orders(steps) => steps.rows_done(),
        }
    }

    /// The preview, once every row is done.
    pub fn finish(self, ws: &Workspace, table: &DataTable) -> Preview {
        match self.kind {
            Kind::Clients(steps) => steps.finish(table),
            Kind::Orders(steps) => steps.finish(ws, table),
        }
    }
}
