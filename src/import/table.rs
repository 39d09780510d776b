//! The one shape every file becomes: rows of cells with their row numbers in the file, and the
//! table found inside them (its header row, its data rows, what was skipped above and below).

use chrono::NaiveDate;
use thiserror::Error;

/// How many rows from the top may hold titles before the header row (a 1C report puts the
/// report's name, period and filters there).
const HEADER_SEARCH_ROWS: usize = 30;

/// One cell as the file gave it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    /// Nothing in the cell.
    Empty,
    /// Text, as typed (every cell of a CSV file).
    Text(String),
    /// A spreadsheet number, written as the shortest decimal that reads back as the same value
    /// (`"1234.5"`), so money is read from digits, never through floating point arithmetic.
    Number(String),
    /// A spreadsheet cell formatted as a date.
    Date(NaiveDate),
}

impl Cell {
    /// The cell as text: what a person sees (a date as `ДД.ММ.ГГГГ`), trimmed.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) | Cell::Number(t) => t.trim().to_owned(),
            Cell::Date(d) => crate::domain::dates::format_date(*d),
        }
    }

    /// Whether the cell holds nothing but spaces.
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            Cell::Number(_) | Cell::Date(_) => false,
        }
    }
}

/// A row of the file with its 1-based row (line) number, for messages like «строка 17».
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceRow {
    /// The row's number in the file as a spreadsheet or a text editor shows it.
    pub number: usize,
    /// The row's cells, left to right.
    pub cells: Vec<Cell>,
}

impl SourceRow {
    /// Cell `column`, `Empty` past the row's end (rows of a CSV file may be short).
    pub fn cell(&self, column: usize) -> &Cell {
        self.cells.get(column).unwrap_or(&Cell::Empty)
    }

    fn filled(&self) -> usize {
        self.cells.iter().filter(|c| !c.is_blank()).count()
    }

    fn first_text(&self) -> String {
        (self.cells.iter())
            .find(|c| !c.is_blank())
            .map(Cell::text)
            .unwrap_or_default()
    }

    /// A totals row below the table: its first filled cell says «Итого», «Всего» or «Total».
    fn is_totals(&self) -> bool {
        let first = self.first_text().to_lowercase();
        ["итого", "всего", "total", "итог"]
            .iter()
            .any(|word| first.starts_with(word))
    }
}

/// Why no table could be found.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TableError {
    /// The file has no filled cell at all.
    #[error("the file is empty")]
    Empty,
    /// A header row was found but no data row under it.
    #[error("the table has no rows under its header")]
    NoRows,
}

/// A table found in a sheet: the header row and the data rows below it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataTable {
    /// The header row's number in the file.
    pub header_row: usize,
    /// The column headers (blank for an unnamed column).
    pub headers: Vec<String>,
    /// The data rows, blank rows left out.
    pub rows: Vec<SourceRow>,
    /// Rows above the header (titles, the period, filters).
    pub skipped_above: usize,
    /// Filled rows from the first totals row on (totals, signatures).
    pub skipped_below: usize,
}

/// Finds the table in `rows`: the header is, among the first rows, the one with the most
/// headers `known` recognises (ties: the earliest), or, when it knows none, the first row with
/// as many filled cells as any; everything from the first totals row on is left out.
pub fn locate(rows: Vec<SourceRow>, known: impl Fn(&str) -> bool) -> Result<DataTable, TableError> {
    let rows: Vec<SourceRow> = rows.into_iter().filter(|r| r.filled() > 0).collect();
    if rows.is_empty() {
        return Err(TableError::Empty);
    }
    let top = &rows[..rows.len().min(HEADER_SEARCH_ROWS)];
    let recognised = |r: &SourceRow| r.cells.iter().filter(|c| known(&c.text())).count();
    let best_known = top.iter().map(recognised).max().unwrap_or(0);
    let header_at = if best_known > 0 {
        top.iter().position(|r| recognised(r) == best_known)
    } else {
        let widest = top.iter().map(SourceRow::filled).max().unwrap_or(0);
        top.iter().position(|r| r.filled() == widest)
    }
    .unwrap_or(0);
    let mut rows = rows.into_iter();
    let header = rows.nth(header_at).expect("the header row exists");
    let mut data = Vec::new();
    let mut skipped_below = 0;
    for row in rows {
        if skipped_below > 0 || row.is_totals() {
            skipped_below += 1;
        } else {
            data.push(row);
        }
    }
    if data.is_empty() {
        return Err(TableError::NoRows);
    }
    Ok(DataTable {
        header_row: header.number,
        headers: header.cells.iter().map(Cell::text).collect(),
        rows: data,
        skipped_above: header_at,
        skipped_below,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(number: usize, cells: &[&str]) -> SourceRow {
        SourceRow {
            number,
            cells: cells.iter().map(|c| Cell::Text((*c).to_owned())).collect(),
        }
    }

    #[test]
    fn skips_titles_above_and_totals_below() {
        let rows = vec![
            row(1, &["Продажи", "", ""]),
            row(2, &["Период: январь 2026 г.", "", ""]),
            row(3, &[]),
            row(4, &["Контрагент", "Сумма", "Дата"]),
            row(5, &["ООО «Вектор»", "1 000,00", "15.01.2026"]),
            row(6, &["", "", ""]),
            row(7, &["ИП Орлов", "500", "16.01.2026"]),
            row(8, &["Итого", "1 500,00", ""]),
            row(9, &["Ответственный: ________", "", ""]),
        ];
        let table = locate(rows, |h| ["Контрагент", "Сумма", "Дата"].contains(&h)).unwrap();
        assert_eq!(table.header_row, 4);
        assert_eq!(table.headers, ["Контрагент", "Сумма", "Дата"]);
        let numbers: Vec<usize> = table.rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, [5, 7]);
        assert_eq!((table.skipped_above, table.skipped_below), (2, 2));
    }

    #[test]
    fn with_no_known_header_takes_the_first_widest_row() {
        let rows = vec![
            row(1, &["Список"]),
            row(2, &["a", "b", "c"]),
            row(3, &["1", "2", "3"]),
        ];
        let table = locate(rows, |_| false).unwrap();
        assert_eq!(table.header_row, 2);
        assert_eq!(table.rows.len(), 1);
    }

    #[test]
    fn refuses_empty_files_and_headers_alone() {
        assert_eq!(
            locate(vec![row(1, &["", " "])], |_| true),
            Err(TableError::Empty)
        );
        assert_eq!(
            locate(vec![row(1, &["ИНН"]), row(2, &["Итого"])], |_| true),
            Err(TableError::NoRows)
        );
    }

    #[test]
    fn cells_read_as_text() {
        let d = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
        assert_eq!(Cell::Date(d).text(), "05.01.2026");
        assert_eq!(Cell::Number("12.5".into()).text(), "12.5");
        assert!(Cell::Text("  ".into()).is_blank());
        assert!(!Cell::Number("0".into()).is_blank());
        assert_eq!(row(1, &["a"]).cell(3), &Cell::Empty);
    }
}
