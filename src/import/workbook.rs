//! An `.xlsx` workbook into the same rows as a CSV file: the first sheet, each cell as text, a
//! number (its digits as Excel stored them, so amounts are read exactly) or, for a cell formatted
//! as a date, a date. The archive is read by [`super::zip`], the XML by [`super::xml`].

use super::date::from_serial;
use super::read::FileError;
use super::table::{Cell, SourceRow};
use super::xml::{attr, walk, Node};
use super::zip::{Archive, ZipError};
use std::collections::HashMap;

fn part(archive: &Archive, name: &str) -> Result<Option<String>, FileError> {
    match archive.read(name) {
        None => Ok(None),
        Some(Err(ZipError::Encrypted)) => Err(FileError::ProtectedOrOld),
        Some(Err(e)) => Err(FileError::Workbook(e.to_string())),
        Some(Ok(bytes)) => Ok(Some(String::from_utf8_lossy(&bytes).into_owned())),
    }
}

fn xml_error(detail: String) -> FileError {
    FileError::Workbook(detail)
}

/// The first sheet's name and the path of its part in the archive.
fn first_sheet(archive: &Archive) -> Result<(String, String), FileError> {
    let book = part(archive, "xl/workbook.xml")?.ok_or(FileError::NotATable)?;
    let mut sheet: Option<(String, String)> = None;
    walk(&book, |node| {
        if let Node::Open(name, attrs) = node {
            if name == "sheet" && sheet.is_none() {
                let title = attr(&attrs, "name").unwrap_or_default().to_owned();
                sheet = Some((title, attr(&attrs, "id").unwrap_or_default().to_owned()));
            }
        }
    })
    .map_err(xml_error)?;
    let (title, rel) = sheet.ok_or_else(|| FileError::Workbook(String::new()))?;
    let rels = part(archive, "xl/_rels/workbook.xml.rels")?.unwrap_or_default();
    let mut target = None;
    walk(&rels, |node| {
        if let Node::Open(name, attrs) = node {
            if name == "Relationship" && attr(&attrs, "Id") == Some(rel.as_str()) {
                target = attr(&attrs, "Target").map(str::to_owned);
            }
        }
    })
    .map_err(xml_error)?;
    let target = target.unwrap_or_else(|| "worksheets/sheet1.xml".to_owned());
    let path = match target.strip_prefix('/') {
        Some(absolute) => absolute.to_owned(),
        None => format!("xl/{target}"),
    };
    Ok((title, path))
}

/// The shared strings: a cell of type `s` holds an index into them. Phonetic runs are skipped.
fn shared_strings(archive: &Archive) -> Result<Vec<String>, FileError> {
    let Some(xml) = part(archive, "xl/sharedStrings.xml")? else {
        return Ok(Vec::new());
    };
    let (mut strings, mut current) = (Vec::new(), String::new());
    let (mut in_t, mut in_phonetic) = (false, false);
    walk(&xml, |node| match node {
        Node::Open(n, _) if n == "si" => current.clear(),
        Node::Open(n, _) if n == "t" => in_t = true,
        Node::Open(n, _) if n == "rPh" => in_phonetic = true,
        Node::Close(n) if n == "t" => in_t = false,
        Node::Close(n) if n == "rPh" => in_phonetic = false,
        Node::Close(n) if n == "si" => strings.push(std::mem::take(&mut current)),
        Node::Text(t) if in_t && !in_phonetic => current.push_str(&t),
        _ => {}
    })
    .map_err(xml_error)?;
    Ok(strings)
}

/// Whether each cell style (`s`) shows a date: Excel's built-in date formats, or a custom one
/// with days or years in it (quoted text and `[…]` sections aside).
fn date_styles(archive: &Archive) -> Result<Vec<bool>, FileError> {
    let Some(xml) = part(archive, "xl/styles.xml")? else {
        return Ok(Vec::new());
    };
    let mut custom: HashMap<String, bool> = HashMap::new();
    let (mut styles, mut in_cell_xfs) = (Vec::new(), false);
    walk(&xml, |node| match node {
        Node::Open(n, attrs) if n == "numFmt" => {
            let id = attr(&attrs, "numFmtId").unwrap_or_default().to_owned();
            custom.insert(
                id,
                is_date_format(attr(&attrs, "formatCode").unwrap_or_default()),
            );
        }
        Node::Open(n, _) if n == "cellXfs" => in_cell_xfs = true,
        Node::Close(n) if n == "cellXfs" => in_cell_xfs = false,
        Node::Open(n, attrs) if n == "xf" && in_cell_xfs => {
            let id = attr(&attrs, "numFmtId").unwrap_or("0");
            let builtin = id
                .parse::<u32>()
                .is_ok_and(|id| matches!(id, 14..=17 | 22 | 27..=36 | 50..=58));
            styles.push(custom.get(id).copied().unwrap_or(builtin));
        }
        _ => {}
    })
    .map_err(xml_error)?;
    Ok(styles)
}

pub(super) fn is_date_format(code: &str) -> bool {
    let (mut quoted, mut bracket, mut escaped) = (false, false, false);
    for c in code.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => quoted = !quoted,
            '[' if !quoted => bracket = true,
            ']' if !quoted => bracket = false,
            'd' | 'D' | 'y' | 'Y' if !quoted && !bracket => return true,
            _ => {}
        }
    }
    false
}

/// The column of a reference like `AB12` (0 for `A`).
pub(super) fn column_of(reference: &str) -> Option<usize> {
    let letters: Vec<u8> = reference
        .bytes()
        .take_while(u8::is_ascii_alphabetic)
        .collect();
    if letters.is_empty() {
        return None;
    }
    let n = letters.iter().fold(0usize, |n, &b| {
        n * 26 + usize::from(b.to_ascii_uppercase() - b'A') + 1
    });
    Some(n - 1)
}

/// A number as Excel writes it, exponent form included (`1.5E-3`), as plain decimal digits.
pub fn plain_decimal(text: &str) -> String {
    let Some((mantissa, exponent)) = text.split_once(['E', 'e']) else {
        return text.to_owned();
    };
    let Ok(exponent) = exponent.parse::<i32>() else {
        return text.to_owned();
    };
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", mantissa),
    };
    let point = mantissa.find('.').unwrap_or(mantissa.len()) as i32;
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let at = point + exponent.clamp(-400, 400);
    let (whole, fraction) = if at <= 0 {
        (
            "0".to_owned(),
            "0".repeat(at.unsigned_abs() as usize) + &digits,
        )
    } else if at as usize >= digits.len() {
        (
            digits.clone() + &"0".repeat(at as usize - digits.len()),
            String::new(),
        )
    } else {
        (
            digits[..at as usize].to_owned(),
            digits[at as usize..].to_owned(),
        )
    };
    if fraction.is_empty() {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{fraction}")
    }
}

/// What a `<c>` element holds while it is read.
#[derive(Default)]
struct RawCell {
    column: usize,
    kind: String,
    style: usize,
    value: String,
}

impl RawCell {
    fn cell(&self, strings: &[String], dates: &[bool]) -> Cell {
        let v = self.value.as_str();
        match self.kind.as_str() {
            "s" => v
                .trim()
                .parse::<usize>()
                .ok()
                .and_then(|i| strings.get(i))
                .map_or(Cell::Empty, |s| Cell::Text(s.clone())),
            "inlineStr" | "str" | "d" => Cell::Text(v.to_owned()),
            "b" => Cell::Text(if v == "1" { "TRUE" } else { "FALSE" }.to_owned()),
            "e" => Cell::Empty,
            _ if v.trim().is_empty() => Cell::Empty,
            _ if dates.get(self.style).copied().unwrap_or(false) => {
                let serial = v.split('.').next().and_then(|d| d.parse::<i64>().ok());
                serial
                    .and_then(from_serial)
                    .map_or_else(|| Cell::Number(plain_decimal(v)), Cell::Date)
            }
            _ => Cell::Number(plain_decimal(v.trim())),
        }
    }
}

/// The first sheet of an `.xlsx` workbook: its name and its rows, numbered as Excel numbers them.
pub fn read_xlsx(bytes: &[u8]) -> Result<(String, Vec<SourceRow>), FileError> {
    let archive = Archive::open(bytes).map_err(|e| FileError::Workbook(e.to_string()))?;
    let (title, path) = first_sheet(&archive)?;
    let strings = shared_strings(&archive)?;
    let dates = date_styles(&archive)?;
    let sheet = part(&archive, &path)?.ok_or_else(|| FileError::Workbook(path.clone()))?;
    let mut rows: Vec<SourceRow> = Vec::new();
    let mut row = SourceRow {
        number: 0,
        cells: Vec::new(),
    };
    let mut cell = RawCell::default();
    let mut in_value = false;
    walk(&sheet, |node| match node {
        Node::Open(n, attrs) if n == "row" => {
            let previous = rows.last().map_or(0, |r| r.number);
            let number = attr(&attrs, "r").and_then(|r| r.parse().ok());
            row = SourceRow {
                number: number.unwrap_or(previous + 1),
                cells: Vec::new(),
            };
        }
        Node::Open(n, attrs) if n == "c" => {
            let next = row.cells.len();
            cell = RawCell {
                column: attr(&attrs, "r").and_then(column_of).unwrap_or(next),
                kind: attr(&attrs, "t").unwrap_or("n").to_owned(),
                style: attr(&attrs, "s").and_then(|s| s.parse().ok()).unwrap_or(0),
                value: String::new(),
            };
        }
        Node::Open(n, _) if n == "v" || n == "t" => in_value = true,
        Node::Close(n) if n == "v" || n == "t" => in_value = false,
        Node::Text(t) if in_value => cell.value.push_str(&t),
        // A column past the sheet's width (16 384) would be a damaged reference: left out.
        Node::Close(n) if n == "c" && cell.column < 16_384 => {
            if row.cells.len() <= cell.column {
                row.cells.resize(cell.column + 1, Cell::Empty);
            }
            row.cells[cell.column] = cell.cell(&strings, &dates);
        }
        Node::Close(n) if n == "row" => rows.push(std::mem::replace(
            &mut row,
            SourceRow {
                number: 0,
                cells: Vec::new(),
            },
        )),
        _ => {}
    })
    .map_err(xml_error)?;
    Ok((title, rows))
}
