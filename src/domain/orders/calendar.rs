//! Calendar months and month arithmetic shared by the transfer rule and the metrics.
//!
//! Everything here is calendar-exact (chrono's Gregorian calendar): no «30 days = a month»
//! approximations, so a rule never flips because February is short.
//!
//! **«The last M months»** has one meaning everywhere — the volume and minimum-order conditions
//! of the transfer rule, the farmer metrics, the growth table and the snapshot's derived figures:
//! the days from the day *after* the same date M months earlier through today, both ends
//! included ([`last_months`]). So 3 months to 15.05.2026 are 16.02–15.05.2026, 1 month to
//! 31.03.2026 is 01.03–31.03.2026 (31.03 minus a month is 28.02, clamped), and 12 months to
//! 29.02.2028 start on 01.03.2027. Consecutive windows neither overlap nor leave a gap.
//!
//! «Each of the last K months» (the monthly-purchases condition) is a different question and
//! counts **complete calendar months** before the current one ([`YearMonth::complete_months_before`]).

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A calendar month, e.g. February 2026. Orders by time (year first).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct YearMonth {
    /// The year, e.g. 2026.
    pub year: i32,
    /// The month, 1 (January) to 12 (December).
    pub month: u32,
}

impl YearMonth {
    /// The month a date falls in.
    pub fn of(date: NaiveDate) -> YearMonth {
        YearMonth {
            year: date.year(),
            month: date.month(),
        }
    }

    /// The month before (December of the previous year before January).
    pub fn prev(self) -> YearMonth {
        if self.month == 1 {
            YearMonth {
                year: self.year - 1,
                month: 12,
            }
        } else {
            YearMonth {
                year: self.year,
                month: self.month - 1,
            }
        }
    }

    /// The month after (January of the next year after December).
    pub fn next(self) -> YearMonth {
        if self.month == 12 {
            YearMonth {
                year: self.year + 1,
                month: 1,
            }
        } else {
            YearMonth {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    /// The month's first day.
    pub fn first_day(self) -> NaiveDate {
        // Only unrepresentable for years beyond chrono's ±262 000 range, which no order has.
        NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or(NaiveDate::MIN)
    }

    /// The month's last day (29 February in leap years).
    pub fn last_day(self) -> NaiveDate {
        self.next().first_day().pred_opt().unwrap_or(NaiveDate::MAX)
    }

    /// How many days the month has: 28 to 31.
    pub fn days(self) -> u32 {
        self.last_day().day()
    }

    /// Whether `date` falls in this month.
    pub fn contains(self, date: NaiveDate) -> bool {
        YearMonth::of(date) == self
    }

    /// The `count` complete calendar months right before the month of `today`, oldest first.
    /// The current month never counts, even on its last day, because it is not over yet:
    /// today = 2026-03-10 and `count` = 3 give December 2025, January 2026, February 2026.
    pub fn complete_months_before(today: NaiveDate, count: u32) -> Vec<YearMonth> {
        let mut months = Vec::with_capacity(count as usize);
        let mut m = YearMonth::of(today);
        for _ in 0..count {
            m = m.prev();
            months.push(m);
        }
        months.reverse();
        months
    }
}

impl fmt::Display for YearMonth {
    /// `MM.YYYY`, matching the app's `DD.MM.YYYY` dates, e.g. `02.2026`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}.{}", self.month, self.year)
    }
}

/// The same day of the month `months` months before `date`, moved back to the month's last day
/// when that month is shorter: 2024-05-31 minus 3 months is 2024-02-29, and 2025-05-31 minus 3
/// months is 2025-02-28.
pub fn months_before(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_sub_months(Months::new(months))
        .unwrap_or(NaiveDate::MIN)
}

/// «The last `months` months» as of `today`: the first and last day, both included — from the
/// day after [`months_before`]`(today, months)` through `today` (see the module's definition).
/// `months` = 0 is the single day `today`.
pub fn last_months(today: NaiveDate, months: u32) -> (NaiveDate, NaiveDate) {
    let from = months_before(today, months)
        .succ_opt()
        .unwrap_or(today)
        .min(today);
    (from, today)
}

/// Whole days from `earlier` to `later` (0 on the same day), or `None` when `later` is before.
pub fn days_between(earlier: NaiveDate, later: NaiveDate) -> Option<u32> {
    u32::try_from((later - earlier).num_days()).ok()
}
