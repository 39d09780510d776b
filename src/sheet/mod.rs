//! Tables as spreadsheets: a `.xlsx` workbook (a sheet per table, money as numbers with a ₽
//! format, dates as Excel dates, a frozen header row, widths that fit) and CSV for other tools.
//!
//! Pure: the headings arrive already in words (see [`labels::Labels`]), and the files are
//! bytes or text for the app to offer as a download. The xlsx is written by a small writer on
//! top of `miniz_oxide` (already linked for the import's reader) rather than `rust_xlsxwriter`,
//! which measured +216 159 B gzipped in the release wasm (861 312 -> 1 077 471 B, its `wasm`
//! feature, default features off, the screens left out) against +19 594 B for this writer
//! together with every screen's buttons and the workbook panel.
//! A big workbook is written in steps ([`workspace::BookSteps`]) so the page never freezes.

pub mod cell;
pub mod csv;
pub mod guess;
pub mod labels;
pub mod records;
pub mod workspace;
pub mod xlsx;
mod xml;
mod zip;

pub use cell::{sheet_name, Cell, Column, Kind, Table};
pub use xlsx::{write_xlsx, XlsxWriter};

/// The media type of an `.xlsx` file, for the download.
pub const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

#[cfg(test)]
mod tests;
