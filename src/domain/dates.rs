//! Dates as users see them (DD.MM.YYYY) and the timestamps records carry.

use chrono::{DateTime, NaiveDate, Utc};

/// The moment a record was created or changed, always in UTC.
pub type Timestamp = DateTime<Utc>;

/// A timestamp from Unix milliseconds (what the browser's clock gives); out-of-range values
/// fall back to the epoch rather than panicking.
pub fn timestamp_from_millis(unix_millis: i64) -> Timestamp {
    DateTime::from_timestamp_millis(unix_millis).unwrap_or_default()
}

/// `DD.MM.YYYY`, the Russian way of writing a date.
pub fn format_date(date: NaiveDate) -> String {
    date.format("%d.%m.%Y").to_string()
}

/// Reads `DD.MM.YYYY` or ISO `YYYY-MM-DD` (what `<input type="date">` gives).
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(text, "%d.%m.%Y"))
        .ok()
}

/// ISO `YYYY-MM-DD`, the value format of `<input type="date">`.
pub fn iso_date(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_and_parses_both_ways() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 7).unwrap();
        assert_eq!(format_date(d), "07.03.2026");
        assert_eq!(iso_date(d), "2026-03-07");
        assert_eq!(parse_date("07.03.2026"), Some(d));
        assert_eq!(parse_date(" 2026-03-07 "), Some(d));
        assert_eq!(parse_date("31.02.2026"), None);
        assert_eq!(parse_date("завтра"), None);
    }

    #[test]
    fn leap_day_is_a_date() {
        assert!(parse_date("29.02.2028").is_some());
        assert!(parse_date("29.02.2027").is_none());
    }

    #[test]
    fn millis_convert() {
        let t = timestamp_from_millis(86_400_000);
        assert_eq!(t.date_naive(), NaiveDate::from_ymd_opt(1970, 1, 2).unwrap());
    }
}
