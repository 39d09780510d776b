//! Dates as files write them: `ДД.ММ.ГГГГ` (also with a time, as 1C writes a document's moment),
//! ISO `ГГГГ-ММ-ДД` (with a time too), `ДД.ММ.ГГ`, and Excel's serial day numbers (a date cell
//! saved without its format, or a spreadsheet's date cell).

use super::table::Cell;
use chrono::{Duration, NaiveDate};
use thiserror::Error;

/// The largest serial number Excel accepts: 31.12.9999.
const MAX_SERIAL: i64 = 2_958_465;

/// Why a cell is not a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum DateError {
    /// The cell is empty.
    #[error("the cell is empty")]
    Empty,
    /// Not a date in any known form, or a day that does not exist (31.02.2026).
    #[error("not a date")]
    NotADate,
}

/// The date in a cell.
pub fn parse_date(cell: &Cell) -> Result<NaiveDate, DateError> {
    match cell {
        Cell::Empty => Err(DateError::Empty),
        Cell::Date(d) => Ok(*d),
        Cell::Number(n) => serial_text(n).ok_or(DateError::NotADate),
        Cell::Text(t) => parse_date_text(t),
    }
}

/// A date typed as text.
pub fn parse_date_text(text: &str) -> Result<NaiveDate, DateError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(DateError::Empty);
    }
    // The time of day, if any, does not matter: an order's date is a calendar day.
    let day = text
        .split(|c: char| c.is_whitespace() || c == 'T')
        .next()
        .unwrap_or(text);
    let day = day.strip_suffix("г.").unwrap_or(day);
    if let Some(date) = dotted(day).or_else(|| iso(day)) {
        return Ok(date);
    }
    if day.len() == 8 && day.chars().all(|c| c.is_ascii_digit()) {
        return NaiveDate::parse_from_str(day, "%Y%m%d").map_err(|_| DateError::NotADate);
    }
    serial_text(text).ok_or(DateError::NotADate)
}

/// `Д.М.ГГГГ` or `ДД.ММ.ГГ` (two-digit years are 2000–2099: the files are recent).
fn dotted(text: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = text.split(['.', '/']).collect();
    let [d, m, y] = parts[..] else { return None };
    let number = |s: &str, len: std::ops::RangeInclusive<usize>| {
        (len.contains(&s.len()) && s.chars().all(|c| c.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let (day, month) = (number(d, 1..=2)?, number(m, 1..=2)?);
    let year = match y.len() {
        2 => 2000 + number(y, 2..=2)? as i32,
        _ => number(y, 4..=4)? as i32,
    };
    NaiveDate::from_ymd_opt(year, month, day)
}

fn iso(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// A serial day number written as a decimal (`45672` or `45672.5` with a time of day). Text
/// needs five digits (from 1927 on): fewer is far more likely a typo like «15.01» than a day.
fn serial_text(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let (whole, fraction) = text.split_once(['.', ',']).unwrap_or((text, ""));
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if !(5..=7).contains(&whole.len()) || !digits(whole) || !digits(fraction) {
        return None;
    }
    from_serial(whole.parse().ok()?)
}

/// Excel's day number (1900 date system) as a date. Excel counts 29.02.1900, which never was,
/// as day 60, so from day 61 on the count starts a day earlier; day 60 itself is refused.
pub fn from_serial(serial: i64) -> Option<NaiveDate> {
    if !(1..=MAX_SERIAL).contains(&serial) || serial == 60 {
        return None;
    }
    let epoch = if serial > 60 {
        NaiveDate::from_ymd_opt(1899, 12, 30)?
    } else {
        NaiveDate::from_ymd_opt(1899, 12, 31)?
    };
    epoch.checked_add_signed(Duration::days(serial))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn text(t: &str) -> Result<NaiveDate, DateError> {
        parse_date(&Cell::Text(t.to_owned()))
    }

    #[test]
    fn reads_the_forms_files_use() {
        assert_eq!(text("15.01.2026"), Ok(ymd(2026, 1, 15)));
        assert_eq!(text("5.1.2026"), Ok(ymd(2026, 1, 5)));
        assert_eq!(text("15.01.26"), Ok(ymd(2026, 1, 15)));
        assert_eq!(text("15.01.2026 14:35:07"), Ok(ymd(2026, 1, 15)));
        assert_eq!(text("15.01.2026 0:00:00"), Ok(ymd(2026, 1, 15)));
        assert_eq!(text("15.01.2026 г."), Ok(ymd(2026, 1, 15)));
        assert_eq!(text("2026-01-15"), Ok(ymd(2026, 1, 15)));
        assert_eq!(text("2026-01-15T14:35:07"), Ok(ymd(2026, 1, 15)));
        assert_eq!(text("2026-01-15 14:35"), Ok(ymd(2026, 1, 15)));
        assert_eq!(text("20260115"), Ok(ymd(2026, 1, 15)));
        assert_eq!(text("46037"), Ok(ymd(2026, 1, 15)));
        assert_eq!(
            parse_date(&Cell::Number("46037.604".into())),
            Ok(ymd(2026, 1, 15))
        );
    }

    #[test]
    fn refuses_days_that_do_not_exist() {
        assert_eq!(text(""), Err(DateError::Empty));
        assert_eq!(text("31.02.2026"), Err(DateError::NotADate));
        assert_eq!(text("15/13/2026"), Err(DateError::NotADate));
        assert_eq!(text("вчера"), Err(DateError::NotADate));
        assert_eq!(text("1.2.3.4"), Err(DateError::NotADate));
        assert_eq!(text("0"), Err(DateError::NotADate));
        assert_eq!(text("60"), Err(DateError::NotADate));
        assert_eq!(text("99999999"), Err(DateError::NotADate));
        assert_eq!(parse_date(&Cell::Empty), Err(DateError::Empty));
    }

    #[test]
    fn serial_numbers_follow_excel() {
        assert_eq!(from_serial(1), Some(ymd(1900, 1, 1)));
        assert_eq!(from_serial(59), Some(ymd(1900, 2, 28)));
        assert_eq!(from_serial(61), Some(ymd(1900, 3, 1)));
        assert_eq!(from_serial(45_658), Some(ymd(2025, 1, 1)));
        assert_eq!(from_serial(MAX_SERIAL), Some(ymd(9999, 12, 31)));
        assert_eq!(from_serial(MAX_SERIAL + 1), None);
    }

    #[test]
    fn property_every_day_reads_back_in_every_form() {
        let mut day = ymd(1990, 1, 1);
        while day < ymd(2040, 1, 1) {
            let serial = (day - ymd(1899, 12, 30)).num_days();
            let forms = [
                day.format("%d.%m.%Y").to_string(),
                format!("{} 09:30:00", day.format("%d.%m.%Y")),
                day.format("%Y-%m-%d").to_string(),
                day.format("%-d.%-m.%Y").to_string(),
                serial.to_string(),
            ];
            for form in forms {
                assert_eq!(text(&form), Ok(day), "{form}");
            }
            day += Duration::days(3);
        }
    }
}
