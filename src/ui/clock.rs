//! The browser's clock and randomness, handed to the pure core as plain values.
//!
//! The one clock of the app (see `crate::domain::dates`): [`today`] is the user's local calendar
//! day, the only «today» business dates are compared with; [`now`] is the UTC instant stamped
//! into records; [`date_of`] shows a stamped instant as the local day it fell on.

use crate::domain::dates::{local_date, timestamp_from_millis, Timestamp};
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

/// The local calendar day of a recorded instant: its UTC moment shifted by the browser's time
/// zone offset *at that instant* (a summer timestamp keeps its summer offset).
pub fn date_of(at: Timestamp) -> NaiveDate {
    let moment = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
        at.timestamp_millis() as f64
    ));
    // getTimezoneOffset is UTC minus local, in minutes: −180 in Moscow.
    let offset = -(moment.get_timezone_offset() as i32);
    local_date(at, offset)
}

/// Milliseconds from now to the next local midnight (at least 1), when «today» changes.
pub fn millis_to_midnight() -> i64 {
    let now = js_sys::Date::new_0();
    let midnight = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(now.get_time()));
    // Hour 24 of today is 00:00 of the next local day, whatever the offset or a DST change.
    midnight.set_hours(24);
    midnight.set_minutes(0);
    midnight.set_seconds(0);
    midnight.set_milliseconds(0);
    ((midnight.get_time() - now.get_time()) as i64).max(1)
}

/// A fresh unique record id.
pub fn new_id() -> Id {
    // Math.random gives 52 good bits per call; two calls fill 64.
    let high = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    let low = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    Id::generate(now_millis(), (high << 32) | low)
}
