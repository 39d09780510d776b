//! A file's bytes into rows: what kind of file it is, and for text, its encoding and separator
//! (detected, or as the person set them).

use super::delimited::{read_rows, Separator};
use super::encoding::TextEncoding;
use super::table::SourceRow;
use thiserror::Error;

/// The largest file an import reads: far above any real export, below what a phone's tab can
/// hold while it works on it.
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;

/// What kind of file the bytes are, from their first bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// Text: CSV or TSV.
    Text,
    /// A zip container: `.xlsx` or `.ods`.
    Zip,
    /// An OLE container: an old `.xls`, or an `.xlsx` protected by a password (Excel wraps
    /// encrypted workbooks in one).
    Ole,
    /// Something else with binary bytes: not a table.
    Binary,
}

impl FileKind {
    /// The kind of `bytes`.
    pub fn of(bytes: &[u8]) -> FileKind {
        if bytes.starts_with(b"PK\x03\x04") {
            FileKind::Zip
        } else if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
            FileKind::Ole
        } else if bytes.iter().take(4096).any(|&b| b == 0) {
            // Text in either encoding never has a NUL byte; images, PDFs and archives do.
            FileKind::Binary
        } else {
            FileKind::Text
        }
    }
}

/// Why a file cannot be read as a table.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FileError {
    /// Over [`MAX_FILE_BYTES`].
    #[error("the file is {bytes} bytes, over the limit of {limit}")]
    TooLarge {
        /// The file's size.
        bytes: usize,
        /// The limit.
        limit: usize,
    },
    /// Not a spreadsheet or a text table.
    #[error("not a spreadsheet or a CSV file")]
    NotATable,
    /// An OLE container: a password-protected workbook or an old `.xls`.
    #[error("a protected or old-format workbook")]
    ProtectedOrOld,
    /// A spreadsheet that could not be read (damaged, or no sheet).
    #[error("the workbook cannot be read: {0}")]
    Workbook(String),
}

/// How a text file was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextSettings {
    /// Its encoding.
    pub encoding: TextEncoding,
    /// Its separator.
    pub separator: Separator,
}

/// The rows of a text file, read with the given encoding and separator or, where `None`, those
/// detected; returns the settings used, for the person to see and change.
pub fn read_text(
    bytes: &[u8],
    encoding: Option<TextEncoding>,
    separator: Option<Separator>,
) -> (TextSettings, Vec<SourceRow>) {
    let encoding = encoding.unwrap_or_else(|| TextEncoding::detect(bytes));
    let text = encoding.decode(bytes);
    let separator = separator.unwrap_or_else(|| Separator::detect(&text));
    let rows = read_rows(&text, separator);
    (
        TextSettings {
            encoding,
            separator,
        },
        rows,
    )
}

/// Refuses what is not a readable table before any parsing: too large, binary, protected.
pub fn check_file(bytes: &[u8]) -> Result<FileKind, FileError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    match FileKind::of(bytes) {
        FileKind::Binary => Err(FileError::NotATable),
        FileKind::Ole => Err(FileError::ProtectedOrOld),
        kind => Ok(kind),
    }
}
