//! The dashboard's period: the choices a director picks from and the calendar months they span.

use crate::domain::metrics::Period;
use crate::domain::orders::calendar::YearMonth;
use chrono::{Datelike, NaiveDate};

/// The period the dashboard looks at, as the director chooses it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PeriodChoice {
    /// From the 1st of the current month through today.
    ThisMonth,
    /// The whole previous calendar month.
    LastMonth,
    /// The current calendar quarter through today (01.10 – today in the fourth quarter).
    Quarter,
    /// Twelve calendar months: the current one through today and the eleven before it.
    TwelveMonths,
    /// Any range of days, both ends included (swapped when given the wrong way round).
    Custom {
        /// The first day.
        from: NaiveDate,
        /// The last day.
        to: NaiveDate,
    },
}

impl PeriodChoice {
    /// The choices with a fixed meaning, in the order the selector lists them.
    pub const PRESETS: [PeriodChoice; 4] = [
        PeriodChoice::ThisMonth,
        PeriodChoice::LastMonth,
        PeriodChoice::Quarter,
        PeriodChoice::TwelveMonths,
    ];

    /// The days this choice covers as of `today` (the user's local date).
    pub fn resolve(self, today: NaiveDate) -> Period {
        let this_month = YearMonth::of(today);
        let (from, to) = match self {
            PeriodChoice::ThisMonth => (this_month.first_day(), today),
            PeriodChoice::LastMonth => {
                let last = this_month.prev();
                (last.first_day(), last.last_day())
            }
            PeriodChoice::Quarter => {
                let first_month = (today.month() - 1) / 3 * 3 + 1;
                let start = YearMonth {
                    year: today.year(),
                    month: first_month,
                };
                (start.first_day(), today)
            }
            PeriodChoice::TwelveMonths => {
                let mut start = this_month;
                for _ in 0..11 {
                    start = start.prev();
                }
                (start.first_day(), today)
            }
            PeriodChoice::Custom { from, to } => (from.min(to), from.max(to)),
        };
        // `from <= to` by construction above.
        Period::new(from, to).unwrap_or(Period::last_months(today, 0))
    }
}

/// Every calendar month the period touches, oldest first (the first and last may be partial).
pub fn months_of(period: Period) -> Vec<YearMonth> {
    let last = YearMonth::of(period.to());
    let mut months = Vec::new();
    let mut m = YearMonth::of(period.from());
    while m <= last {
        months.push(m);
        m = m.next();
    }
    months
}

/// The position of `date`'s month in `months` (as [`months_of`] gives them), if it is there.
pub fn month_slot(months: &[YearMonth], date: NaiveDate) -> Option<usize> {
    let first = *months.first()?;
    let index = |m: YearMonth| i64::from(m.year) * 12 + i64::from(m.month);
    let slot = usize::try_from(index(YearMonth::of(date)) - index(first)).ok()?;
    (slot < months.len()).then_some(slot)
}
