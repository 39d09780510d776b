//! What a table is made of: columns of a kind, rows of typed cells, and how a cell reads as
//! text (CSV) or as an Excel number, built from integers only.

use crate::domain::Money;
use chrono::NaiveDate;

/// What a column holds, which decides its number format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Words, written as text (never as a formula).
    Text,
    /// A whole number.
    Integer,
    /// Roubles and kopecks, with a ₽ format.
    Money,
    /// A calendar day, ДД.ММ.ГГГГ.
    Date,
    /// A share, shown with %.
    Percent,
    /// A number with two decimals (orders a month, groups per client).
    Decimal,
}

/// A column: its heading (already in words) and kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    /// The heading in the first row.
    pub heading: String,
    /// What the column holds.
    pub kind: Kind,
}

impl Column {
    /// A column headed `heading` holding `kind`.
    pub fn new(heading: impl Into<String>, kind: Kind) -> Self {
        Column {
            heading: heading.into(),
            kind,
        }
    }
}

/// One cell's value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    /// Nothing.
    Empty,
    /// Text, written as text even when it looks like a formula.
    Text(String),
    /// A whole number.
    Integer(i64),
    /// An amount of money.
    Money(Money),
    /// A calendar day.
    Date(NaiveDate),
    /// A share in hundredths of a percent (basis points): 2 534 is 25.34 %.
    Percent(i64),
    /// A number in hundredths: 125 is 1.25.
    Decimal(i64),
}

impl From<String> for Cell {
    fn from(text: String) -> Self {
        Cell::Text(text)
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Self {
        Cell::Text(text.to_owned())
    }
}

/// A table to write: the sheet's name, its columns and its rows.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Table {
    /// The sheet's name (made valid when written, see [`sheet_name`]).
    pub name: String,
    /// The columns, left to right.
    pub columns: Vec<Column>,
    /// The rows under the heading.
    pub rows: Vec<Vec<Cell>>,
}

/// `units / 10^places` as decimal text built from integers (`123456, 2` → `1234.56`),
/// trailing zeros of the fraction kept only when `keep_zeros`.
fn decimal(units: i64, places: u32, keep_zeros: bool) -> String {
    let scale = 10_i64.pow(places);
    let sign = if units < 0 { "-" } else { "" };
    let abs = units.unsigned_abs();
    let (whole, frac) = (abs / scale as u64, abs % scale as u64);
    let mut fraction = format!("{frac:0width$}", width = places as usize);
    if !keep_zeros {
        while fraction.ends_with('0') {
            fraction.pop();
        }
    }
    if fraction.is_empty() {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{fraction}")
    }
}

/// Days from Excel's day zero (30.12.1899, which makes 1.3.1900 and later right despite
/// Excel's phantom 29.2.1900) to `date`: the number Excel stores for a day.
pub fn excel_serial(date: NaiveDate) -> i64 {
    let zero = NaiveDate::from_ymd_opt(1899, 12, 30).expect("a valid day");
    (date - zero).num_days()
}

impl Cell {
    /// The number Excel stores for the cell (`None` for text and empty cells): money in
    /// roubles with two decimals, a date as its serial, a percent as a fraction.
    pub fn number(&self) -> Option<String> {
        match self {
            Cell::Integer(n) => Some(n.to_string()),
            Cell::Money(m) => Some(decimal(m.kopecks(), 2, true)),
            Cell::Date(d) => Some(excel_serial(*d).to_string()),
            Cell::Percent(bp) => Some(decimal(*bp, 4, false)),
            Cell::Decimal(h) => Some(decimal(*h, 2, true)),
            Cell::Empty | Cell::Text(_) => None,
        }
    }

    /// The cell as CSV text: money `1234.56`, a date `ДД.ММ.ГГГГ`, a percent `25.34%`.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.clone(),
            Cell::Integer(n) => n.to_string(),
            Cell::Money(m) => decimal(m.kopecks(), 2, true),
            Cell::Date(d) => crate::domain::dates::format_date(*d),
            Cell::Percent(bp) => format!("{}%", decimal(*bp, 2, false)),
            Cell::Decimal(h) => decimal(*h, 2, true),
        }
    }

    /// About how many characters wide the cell shows in Excel, for the column's width.
    pub fn width(&self) -> usize {
        match self {
            // Grouped thousands and « ₽» add about a third and two characters.
            Cell::Money(_) => self.text().len() * 4 / 3 + 2,
            Cell::Date(_) => 10,
            other => other.text().chars().count(),
        }
    }
}

/// A valid sheet name for `name`: the characters Excel refuses (`[ ] : * ? / \`) replaced by
/// a space, no apostrophe at either end, at most 31 characters, never empty; `taken` names
/// (compared without case, as Excel does) get a number added.
pub fn sheet_name(name: &str, taken: &[String]) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if "[]:*?/\\".contains(c) || c.is_control() {
                ' '
            } else {
                c
            }
        })
        .collect();
    let cleaned = cleaned.trim().trim_matches('\'').trim();
    let base: String = if cleaned.is_empty() { "Sheet" } else { cleaned }
        .chars()
        .take(31)
        .collect();
    let free = |n: &str| !taken.iter().any(|t| t.to_lowercase() == n.to_lowercase());
    if free(&base) {
        return base;
    }
    (2..)
        .map(|i| {
            let tail = format!(" ({i})");
            let head: String = base.chars().take(31 - tail.chars().count()).collect();
            format!("{}{tail}", head.trim_end())
        })
        .find(|n| free(n))
        .expect("some number is free")
}
