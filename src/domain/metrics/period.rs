//! A reporting period and exactly how many months it spans.

use super::ratio::Ratio;
use crate::domain::money::Money;
use crate::domain::orders::calendar::YearMonth;
use chrono::{Datelike, Duration, NaiveDate};
use thiserror::Error;

/// The days of a month by the Gregorian rules (the ones chrono uses), without building a date.
fn days_in_month(m: YearMonth) -> u32 {
    let leap = (m.year % 4 == 0 && m.year % 100 != 0) || m.year % 400 == 0;
    match m.month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// One month in «month units»: the least common multiple of 28, 29, 30 and 31, so that one day
/// of any month is a whole number of units (a day of February 2025 is 377 580 / 28 = 13 485).
pub const UNITS_PER_MONTH: u64 = 377_580;

/// Why a period cannot be built.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PeriodError {
    /// The end is before the start.
    #[error("the period ends before it starts")]
    EndsBeforeStart,
}

/// A reporting period from `from` to `to`, both days included; never empty.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Period {
    from: NaiveDate,
    to: NaiveDate,
}

impl Period {
    /// The period `[from, to]`; a single day when they are equal.
    pub fn new(from: NaiveDate, to: NaiveDate) -> Result<Period, PeriodError> {
        if to < from {
            Err(PeriodError::EndsBeforeStart)
        } else {
            Ok(Period { from, to })
        }
    }

    /// «The last `months` months» as of `today`, by the app's one definition
    /// ([`crate::domain::orders::calendar::last_months`]): from the day after the same day
    /// `months` months earlier (clamped to a shorter month's end) through `today`, so 12 months
    /// to 15.03.2026 are 16.03.2025 – 15.03.2026.
    pub fn last_months(today: NaiveDate, months: u32) -> Period {
        let (from, to) = crate::domain::orders::calendar::last_months(today, months);
        Period::clamped(from, to)
    }

    /// `[from, to]`, or the single day `to` when `from` is later: for callers whose bounds are
    /// ordered by construction.
    pub(super) fn clamped(from: NaiveDate, to: NaiveDate) -> Period {
        Period {
            from: from.min(to),
            to,
        }
    }

    /// The first day.
    pub fn from(self) -> NaiveDate {
        self.from
    }

    /// The last day.
    pub fn to(self) -> NaiveDate {
        self.to
    }

    /// Whether `date` is in the period.
    pub fn contains(self, date: NaiveDate) -> bool {
        self.from <= date && date <= self.to
    }

    /// How many days the period has (1 for a single day).
    pub fn days(self) -> u32 {
        u32::try_from((self.to - self.from).num_days() + 1).unwrap_or(u32::MAX)
    }

    /// The period of the same number of days that ends the day before this one starts: what a
    /// trend compares against.
    pub fn previous(self) -> Period {
        let to = self.from.pred_opt().unwrap_or(NaiveDate::MIN);
        let from = to
            .checked_sub_signed(Duration::days(i64::from(self.days()) - 1))
            .unwrap_or(NaiveDate::MIN);
        Period { from, to }
    }

    /// The period's length in month units ([`UNITS_PER_MONTH`] per month).
    ///
    /// Months are counted by the calendar: every calendar month the period touches contributes
    /// (days of the period in that month) / (days in that month). So 01.01–31.03 is exactly 3
    /// months, 15.01–14.02.2026 is 17/31 + 14/28 months, and a February day weighs more than a
    /// March day. This keeps «orders per month» honest for full months, the common case, without
    /// pretending that every month has 30 days.
    ///
    /// Computed from the two ends in constant time rather than month by month: every month
    /// strictly between the ends is whole and weighs exactly [`UNITS_PER_MONTH`] (a multiple of
    /// every month length), so only the two end months need their day counts. The metrics of
    /// every client ask for this, and the loop over the months with a date built per month was
    /// a third of computing them.
    pub fn month_units(self) -> u64 {
        let (from_month, to_month) = (YearMonth::of(self.from), YearMonth::of(self.to));
        let per_day = |m: YearMonth| UNITS_PER_MONTH / u64::from(days_in_month(m));
        let (from_day, to_day) = (u64::from(self.from.day()), u64::from(self.to.day()));
        if from_month == to_month {
            return (to_day + 1).saturating_sub(from_day) * per_day(from_month);
        }
        let first = (u64::from(days_in_month(from_month)) + 1 - from_day) * per_day(from_month);
        let last = to_day * per_day(to_month);
        let index = |m: YearMonth| i64::from(m.year) * 12 + i64::from(m.month);
        let between = u64::try_from(index(to_month) - index(from_month) - 1).unwrap_or(0);
        first + between * UNITS_PER_MONTH + last
    }

    /// How many months the period spans, exactly (see [`Period::month_units`]).
    pub fn months(self) -> Ratio {
        // The denominator is a non-zero constant, so the fallback is unreachable.
        Ratio::new(self.month_units(), UNITS_PER_MONTH).unwrap_or(Ratio::ZERO)
    }

    /// A yearly amount scaled to this period by its exact length in months (a twelfth per full
    /// month), rounded to the nearest kopeck, halves up: turns a farmer's «about 12 млн ₽ a year»
    /// estimate into the estimate for a quarter or for the months since the transfer.
    pub fn prorate_yearly(self, yearly: Money) -> Money {
        let yearly = i128::from(yearly.kopecks().max(0));
        let n = yearly * i128::from(self.month_units());
        let d = 12 * i128::from(UNITS_PER_MONTH);
        Money::from_kopecks(i64::try_from((2 * n + d) / (2 * d)).unwrap_or(i64::MAX))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition, month by month, as it was computed before the constant-time version.
    fn month_units_by_month(p: Period) -> u64 {
        let mut units = 0;
        let mut month = YearMonth::of(p.from);
        while month <= YearMonth::of(p.to) {
            let start = p.from.max(month.first_day());
            let end = p.to.min(month.last_day());
            let days = (end - start).num_days() as u64 + 1;
            units += days * (UNITS_PER_MONTH / u64::from(month.days()));
            month = month.next();
        }
        units
    }

    #[test]
    fn month_units_match_the_month_by_month_definition() {
        let start = NaiveDate::from_ymd_opt(1999, 11, 17).unwrap();
        for i in 0..400i64 {
            let from = start + Duration::days(i * 37 % 1_500);
            for len in [0, 1, 12, 27, 28, 29, 30, 31, 45, 59, 60, 365, 366, 800] {
                let p = Period::new(from, from + Duration::days(len)).unwrap();
                assert_eq!(p.month_units(), month_units_by_month(p), "{p:?}");
                assert_eq!(
                    days_in_month(YearMonth::of(from)),
                    YearMonth::of(from).days()
                );
            }
        }
    }
}
