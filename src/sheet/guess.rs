//! A table the app already shows as text (the dashboard's) turned into typed cells, so that
//! its amounts become numbers and its days dates in the workbook: «1 234 ₽» is money,
//! «12» a whole number, «10.03.2026» a day; anything else stays text.

use super::cell::{Cell, Column, Kind, Table};
use crate::domain::dates::parse_date;
use crate::domain::Money;

/// The cell a shown text stands for.
pub fn guess_cell(text: &str) -> Cell {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Cell::Empty;
    }
    if trimmed.contains('₽') {
        if let Ok(money) = Money::parse(trimmed) {
            return Cell::Money(money);
        }
    }
    let digits: String = trimmed
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    if !digits.is_empty() && digits.len() <= 15 && digits.chars().all(|c| c.is_ascii_digit()) {
        if let Ok(n) = digits.parse() {
            return Cell::Integer(n);
        }
    }
    if trimmed.len() == 10 {
        if let Some(day) = parse_date(trimmed) {
            return Cell::Date(day);
        }
    }
    Cell::Text(text.to_owned())
}

/// A table named `name` from its headings and shown rows, each column's kind that of its first
/// non-empty cell.
pub fn table_from_texts(name: &str, headings: &[String], rows: &[Vec<String>]) -> Table {
    let rows: Vec<Vec<Cell>> = rows
        .iter()
        .map(|r| r.iter().map(|t| guess_cell(t)).collect())
        .collect();
    let columns = headings
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let kind = rows
                .iter()
                .filter_map(|r| r.get(i))
                .find_map(|c| match c {
                    Cell::Empty => None,
                    Cell::Text(_) => Some(Kind::Text),
                    Cell::Integer(_) => Some(Kind::Integer),
                    Cell::Money(_) => Some(Kind::Money),
                    Cell::Date(_) => Some(Kind::Date),
                    Cell::Percent(_) => Some(Kind::Percent),
                    Cell::Decimal(_) => Some(Kind::Decimal),
                })
                .unwrap_or(Kind::Text);
            Column::new(h.clone(), kind)
        })
        .collect();
    Table {
        name: name.to_owned(),
        columns,
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn shown_texts_become_typed_cells() {
        assert_eq!(
            guess_cell("1\u{a0}234,50\u{a0}₽"),
            Cell::Money(Money::from_kopecks(123_450))
        );
        assert_eq!(guess_cell("12"), Cell::Integer(12));
        assert_eq!(
            guess_cell("10.03.2026"),
            Cell::Date(NaiveDate::from_ymd_opt(2026, 3, 10).unwrap())
        );
        assert_eq!(guess_cell("11.2026"), Cell::Text("11.2026".into()));
        assert_eq!(guess_cell("-5"), Cell::Text("-5".into()));
        assert_eq!(guess_cell("2 → 3"), Cell::Text("2 → 3".into()));
        assert_eq!(guess_cell(""), Cell::Empty);
        let t = table_from_texts(
            "x",
            &["a".into(), "b".into()],
            &[vec!["Иван".into(), "5 ₽".into()]],
        );
        assert_eq!(t.columns[1].kind, Kind::Money);
    }
}
