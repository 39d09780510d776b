//! The browser's clock and randomness, handed to the pure core as plain values.

use crate::domain::dates::{timestamp_from_millis, Timestamp};
use crate::domain::Id;
use chrono::NaiveDate;

/// Now, in Unix milliseconds.
pub fn now_millis() -> i64 {
    js_sys::Date::now() as i64
}

/// Now, as a record timestamp.
pub fn now() -> Timestamp {
    timestamp_from_millis(now_millis())
}

/// Today's date in the user's own time zone (a rep's "today" is local, not UTC).
pub fn today() -> NaiveDate {
    let d = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_default()
}

/// The browser's current offset from UTC (for showing times as the user's clock does).
pub fn local_offset() -> chrono::FixedOffset {
    // getTimezoneOffset is UTC minus local, in minutes.
    let minutes = -(js_sys::Date::new_0().get_timezone_offset() as i32);
    chrono::FixedOffset::east_opt(minutes * 60).unwrap_or(chrono::FixedOffset::east_opt(0).unwrap())
}

/// A fresh unique record id.
pub fn new_id() -> Id {
    // Math.random gives 52 good bits per call; two calls fill 64.
    let high = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    let low = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    Id::generate(now_millis(), (high << 32) | low)
}
