//! Dates as users see them (DD.MM.YYYY) and the timestamps records carry.
//!
//! One clock for the whole app: business dates («today», an order's date, a status threshold,
//! a file name's day) are the user's **local** calendar day; UTC appears only inside stored
//! timestamps (`created_at`, `updated_at`, `exported_at`, …). A timestamp shown as a date is
//! turned into the local day it fell on with [`local_date`], never with `date_naive()` (the UTC
//! day, which is yesterday for Vladivostok until 10:00 local time).

use chrono::{DateTime, Duration, NaiveDate, Utc};

/// The moment a record was created or changed, always in UTC.
pub type Timestamp = DateTime<Utc>;

/// A timestamp from Unix milliseconds (what the browser's clock gives); out-of-range values
/// fall back to the epoch rather than panicking.
pub fn timestamp_from_millis(unix_millis: i64) -> Timestamp {
    DateTime::from_timestamp_millis(unix_millis).unwrap_or_default()
}

/// The local calendar day of the instant `at`, for a zone `offset_minutes` east of UTC at that
/// instant (+180 for Moscow, +600 for Vladivostok; the browser's `getTimezoneOffset` has the
/// opposite sign). Offsets beyond ±18 h are not real and count as UTC.
pub fn local_date(at: Timestamp, offset_minutes: i32) -> NaiveDate {
    let offset = if offset_minutes.unsigned_abs() <= 18 * 60 {
        offset_minutes
    } else {
        0
    };
    at.checked_add_signed(Duration::minutes(i64::from(offset)))
        .unwrap_or(at)
        .date_naive()
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
    fn a_timestamp_shows_as_its_local_day() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        // 14:30 UTC on 10 March is 00:30 on 11 March in Vladivostok (UTC+10) and 17:30 on
        // 10 March in Moscow (UTC+3).
        let at: Timestamp = "2026-03-10T14:30:00Z".parse().unwrap();
        assert_eq!(local_date(at, 600), d(2026, 3, 11));
        assert_eq!(local_date(at, 180), d(2026, 3, 10));
        assert_eq!(local_date(at, 0), d(2026, 3, 10));
        // 20:30 UTC is 23:30 in Moscow, still the 10th; 21:00 UTC is midnight there.
        let late: Timestamp = "2026-03-10T20:30:00Z".parse().unwrap();
        assert_eq!(local_date(late, 180), d(2026, 3, 10));
        let midnight: Timestamp = "2026-03-10T21:00:00Z".parse().unwrap();
        assert_eq!(local_date(midnight, 180), d(2026, 3, 11));
        // West of UTC the local day can be the day before.
        let early: Timestamp = "2026-01-01T03:00:00Z".parse().unwrap();
        assert_eq!(local_date(early, -300), d(2025, 12, 31));
        // Nonsense offsets fall back to UTC rather than shifting by days.
        assert_eq!(local_date(at, 100_000), d(2026, 3, 10));
    }

    #[test]
    fn millis_convert() {
        let t = timestamp_from_millis(86_400_000);
        assert_eq!(t.date_naive(), NaiveDate::from_ymd_opt(1970, 1, 2).unwrap());
    }
}
