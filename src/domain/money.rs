//! Exact money: whole kopecks in an `i64`, never floats.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::{Add, AddAssign};
use thiserror::Error;

/// A non-breaking space: Russian typography groups thousands with it and puts it before «₽».
const NBSP: char = '\u{a0}';

/// An amount of roubles held as whole kopecks.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Money(i64);

/// Why a typed amount could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum MoneyParseError {
    /// Nothing but spaces was typed.
    #[error("the amount is empty")]
    Empty,
    /// A character other than digits, spaces, one decimal separator or «₽».
    #[error("the amount is not a number")]
    NotANumber,
    /// More than two digits after the decimal separator.
    #[error("more than two digits of kopecks")]
    TooPrecise,
    /// Negative amounts make no sense for deals and orders.
    #[error("the amount is negative")]
    Negative,
    /// Larger than [`Money::MAX`].
    #[error("the amount is too large")]
    TooLarge,
}

impl Money {
    /// Zero roubles.
    pub const ZERO: Money = Money(0);
    /// The largest amount the app accepts: one trillion roubles. Anything above is a typo.
    pub const MAX: Money = Money(1_000_000_000_000 * 100);

    /// An amount of whole kopecks.
    pub const fn from_kopecks(kopecks: i64) -> Self {
        Money(kopecks)
    }

    /// An amount of whole roubles.
    pub const fn from_rubles(rubles: i64) -> Self {
        Money(rubles * 100)
    }

    /// The amount in kopecks.
    pub const fn kopecks(self) -> i64 {
        self.0
    }

    /// Reads an amount as people type it: `1 234 567`, `1234567,50`, `1 234,5 ₽`, `99.99`.
    pub fn parse(text: &str) -> Result<Money, MoneyParseError> {
        let cleaned: String = text
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '₽' && *c != '\u{202f}')
            .collect();
        let cleaned = cleaned
            .strip_suffix("руб.")
            .or_else(|| cleaned.strip_suffix("руб"))
            .unwrap_or(&cleaned);
        if cleaned.is_empty() {
            return Err(MoneyParseError::Empty);
        }
        if cleaned.starts_with('-') {
            return Err(MoneyParseError::Negative);
        }
        let (whole, fraction) = match cleaned.find([',', '.']) {
            Some(at) => (&cleaned[..at], &cleaned[at + 1..]),
            None => (cleaned, ""),
        };
        let all_digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
        if !all_digits(whole) || !all_digits(fraction) || (whole.is_empty() && fraction.is_empty())
        {
            return Err(MoneyParseError::NotANumber);
        }
        if fraction.len() > 2 {
            return Err(MoneyParseError::TooPrecise);
        }
        let rubles: i64 = if whole.is_empty() {
            0
        } else {
            whole.parse().map_err(|_| MoneyParseError::TooLarge)?
        };
        let kopecks: i64 = match fraction.len() {
            0 => 0,
            1 => fraction.parse::<i64>().expect("one digit") * 10,
            _ => fraction.parse::<i64>().expect("two digits"),
        };
        let total = rubles
            .checked_mul(100)
            .and_then(|r| r.checked_add(kopecks))
            .ok_or(MoneyParseError::TooLarge)?;
        if total > Money::MAX.0 {
            return Err(MoneyParseError::TooLarge);
        }
        Ok(Money(total))
    }

    /// The amount rounded to whole roubles (half a rouble up, away from zero): how totals are
    /// shown, where kopecks are noise at that scale («8 225 612,92 ₽» → «8 225 613 ₽»). Only
    /// for display: sums are always added in exact kopecks first.
    pub fn whole_rubles(self) -> Money {
        let rubles = self.0 / 100;
        let rest = self.0 % 100;
        let rounded = if rest >= 50 {
            rubles + 1
        } else if rest <= -50 {
            rubles - 1
        } else {
            rubles
        };
        Money(rounded.saturating_mul(100))
    }

    /// The amount as a user edits it: digits grouped, kopecks only when present, no «₽».
    pub fn to_input(self) -> String {
        format_grouped(self.0, false)
    }
}

impl fmt::Display for Money {
    /// `1 234 567 ₽`, or `1 234 567,50 ₽` when there are kopecks (spaces are non-breaking).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{NBSP}₽", format_grouped(self.0, true))
    }
}

fn format_grouped(kopecks: i64, nbsp: bool) -> String {
    let sep = if nbsp { NBSP } else { ' ' };
    let negative = kopecks < 0;
    let abs = kopecks.unsigned_abs();
    let digits = (abs / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(sep);
        }
        grouped.push(c);
    }
    let cents = abs % 100;
    let sign = if negative { "−" } else { "" };
    if cents == 0 {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped},{cents:02}")
    }
}

impl Add for Money {
    type Output = Money;
    fn add(self, rhs: Money) -> Money {
        Money(self.0.saturating_add(rhs.0))
    }
}

impl AddAssign for Money {
    fn add_assign(&mut self, rhs: Money) {
        *self = *self + rhs;
    }
}

impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, Add::add)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(m: Money) -> String {
        m.to_string().replace(NBSP, " ")
    }

    #[test]
    fn formats_russian_style() {
        assert_eq!(shown(Money::from_rubles(1_234_567)), "1 234 567 ₽");
        assert_eq!(shown(Money::from_rubles(0)), "0 ₽");
        assert_eq!(shown(Money::from_rubles(999)), "999 ₽");
        assert_eq!(shown(Money::from_rubles(1000)), "1 000 ₽");
        assert_eq!(shown(Money::from_kopecks(123_456_750)), "1 234 567,50 ₽");
        assert_eq!(shown(Money::from_kopecks(5)), "0,05 ₽");
        assert_eq!(shown(Money::from_kopecks(-150_000)), "−1 500 ₽");
    }

    #[test]
    fn totals_round_to_whole_roubles() {
        let whole = |k| shown(Money::from_kopecks(k).whole_rubles());
        assert_eq!(whole(822_561_292), "8 225 613 ₽");
        assert_eq!(whole(822_561_249), "8 225 612 ₽");
        assert_eq!(whole(822_561_250), "8 225 613 ₽");
        assert_eq!(whole(822_561_200), "8 225 612 ₽");
        assert_eq!(whole(49), "0 ₽");
        assert_eq!(whole(-150), "−2 ₽");
        // The exact amount keeps its kopecks.
        assert_eq!(shown(Money::from_kopecks(822_561_292)), "8 225 612,92 ₽");
    }

    #[test]
    fn parses_what_people_type() {
        assert_eq!(Money::parse("1 234 567"), Ok(Money::from_rubles(1_234_567)));
        assert_eq!(
            Money::parse("1234567,50"),
            Ok(Money::from_kopecks(123_456_750))
        );
        assert_eq!(Money::parse("99.9"), Ok(Money::from_kopecks(9_990)));
        assert_eq!(Money::parse(" 1\u{a0}000 ₽ "), Ok(Money::from_rubles(1000)));
        assert_eq!(Money::parse("500 руб."), Ok(Money::from_rubles(500)));
        assert_eq!(Money::parse(",5"), Ok(Money::from_kopecks(50)));
    }

    #[test]
    fn rejects_bad_amounts() {
        assert_eq!(Money::parse("  "), Err(MoneyParseError::Empty));
        assert_eq!(Money::parse("12a"), Err(MoneyParseError::NotANumber));
        assert_eq!(Money::parse("1,2,3"), Err(MoneyParseError::NotANumber));
        assert_eq!(Money::parse("."), Err(MoneyParseError::NotANumber));
        assert_eq!(Money::parse("1,234"), Err(MoneyParseError::TooPrecise));
        assert_eq!(Money::parse("-5"), Err(MoneyParseError::Negative));
        assert_eq!(
            Money::parse("1000000000001"),
            Err(MoneyParseError::TooLarge)
        );
        assert_eq!(
            Money::parse("99999999999999999999"),
            Err(MoneyParseError::TooLarge)
        );
    }

    #[test]
    fn input_form_round_trips() {
        for k in [0, 1, 10, 99, 100, 123_456_750, 100_000_000] {
            let m = Money::from_kopecks(k);
            assert_eq!(Money::parse(&m.to_input()), Ok(m));
        }
    }

    #[test]
    fn sums_exactly() {
        let total: Money = [10, 20, 30].into_iter().map(Money::from_kopecks).sum();
        assert_eq!(total, Money::from_kopecks(60));
    }
}
