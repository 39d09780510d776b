//! An exact quantity of a product on an order line («Количество» in a 1C report): whole
//! thousandths of a unit, never a float, so «1 234,5» kg is 1 234 500 and adds up exactly.

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// A quantity above zero, in thousandths of a unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Quantity(u64);

/// Why a text is not a quantity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum QuantityError {
    /// Nothing typed.
    #[error("empty")]
    Empty,
    /// Not a number (or a negative one, or more than three decimals).
    #[error("not a quantity")]
    NotANumber,
    /// Zero.
    #[error("not above zero")]
    NotPositive,
    /// Over [`Quantity::MAX_THOUSANDTHS`].
    #[error("too large")]
    TooLarge,
}

impl Quantity {
    /// The largest quantity: a trillion units, far above any order, within every integer type
    /// JSON readers use exactly (2^53).
    pub const MAX_THOUSANDTHS: u64 = 1_000_000_000_000_000;

    /// A quantity of `thousandths`, if above zero and within the limit.
    pub fn from_thousandths(thousandths: u64) -> Option<Quantity> {
        (thousandths > 0 && thousandths <= Self::MAX_THOUSANDTHS).then_some(Quantity(thousandths))
    }

    /// The quantity in thousandths of a unit.
    pub fn thousandths(self) -> u64 {
        self.0
    }

    /// Whether a stored value is a valid quantity.
    pub fn is_valid(self) -> bool {
        Self::from_thousandths(self.0).is_some()
    }

    /// Reads a quantity as people and files write it: «1 234,5», «1234.5», «12», with spaces
    /// (ordinary or non-breaking) between thousands and at most three decimals, and a unit
    /// after it («шт.», «кг») ignored.
    pub fn parse(text: &str) -> Result<Quantity, QuantityError> {
        let number = text
            .trim()
            .trim_end_matches(|c: char| c.is_alphabetic() || c == '.' || c.is_whitespace());
        let compact: String = number
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{202f}')
            .collect();
        if compact.is_empty() {
            return Err(QuantityError::Empty);
        }
        let (whole, fraction) = match compact.split_once([',', '.']) {
            Some((w, f)) => (w, f),
            None => (compact.as_str(), ""),
        };
        let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
        if whole.is_empty() && fraction.is_empty()
            || !digits(whole)
            || !digits(fraction)
            || fraction.len() > 3
            || whole.len() > 16
        {
            return Err(QuantityError::NotANumber);
        }
        let whole: u64 = if whole.is_empty() {
            0
        } else {
            whole.parse().map_err(|_| QuantityError::NotANumber)?
        };
        let fraction: u64 = format!("{fraction:0<3}")
            .parse()
            .map_err(|_| QuantityError::NotANumber)?;
        let thousandths = whole
            .checked_mul(1000)
            .and_then(|w| w.checked_add(fraction))
            .ok_or(QuantityError::TooLarge)?;
        match thousandths {
            0 => Err(QuantityError::NotPositive),
            t if t > Self::MAX_THOUSANDTHS => Err(QuantityError::TooLarge),
            t => Ok(Quantity(t)),
        }
    }

    /// The quantity as a Russian text writes it: «1 234,5» (a narrow space between thousands,
    /// no trailing zeros); `point` is the decimal separator.
    pub fn format(self, point: char) -> String {
        let whole = self.0 / 1000;
        let digits = whole.to_string();
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push('\u{a0}');
            }
            grouped.push(c);
        }
        let fraction = format!("{:03}", self.0 % 1000);
        let fraction = fraction.trim_end_matches('0');
        if fraction.is_empty() {
            grouped
        } else {
            format!("{grouped}{point}{fraction}")
        }
    }

    /// The quantity as a form's input shows it: «1234,5».
    pub fn to_input(self) -> String {
        self.format(',').replace('\u{a0}', "")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(t: u64) -> Quantity {
        Quantity::from_thousandths(t).unwrap()
    }

    #[test]
    fn reads_quantities_as_written() {
        assert_eq!(Quantity::parse("1 234,5"), Ok(q(1_234_500)));
        assert_eq!(Quantity::parse("1\u{a0}234,5"), Ok(q(1_234_500)));
        assert_eq!(Quantity::parse("1234.5"), Ok(q(1_234_500)));
        assert_eq!(Quantity::parse("12"), Ok(q(12_000)));
        assert_eq!(Quantity::parse("0,125"), Ok(q(125)));
        assert_eq!(Quantity::parse(",5"), Ok(q(500)));
        assert_eq!(Quantity::parse("3 шт."), Ok(q(3_000)));
        assert_eq!(Quantity::parse("2,5 кг"), Ok(q(2_500)));
        assert_eq!(Quantity::parse(""), Err(QuantityError::Empty));
        assert_eq!(Quantity::parse("шт"), Err(QuantityError::Empty));
        assert_eq!(Quantity::parse("0"), Err(QuantityError::NotPositive));
        assert_eq!(Quantity::parse("-1"), Err(QuantityError::NotANumber));
        assert_eq!(Quantity::parse("1,2345"), Err(QuantityError::NotANumber));
        assert_eq!(Quantity::parse("1,2,3"), Err(QuantityError::NotANumber));
        assert_eq!(Quantity::parse("1e5"), Err(QuantityError::NotANumber));
        assert_eq!(
            Quantity::parse("99999999999999999"),
            Err(QuantityError::NotANumber)
        );
        assert_eq!(
            Quantity::parse("1000000000001"),
            Err(QuantityError::TooLarge)
        );
    }

    #[test]
    fn writes_them_back() {
        assert_eq!(q(1_234_500).format(','), "1\u{a0}234,5");
        assert_eq!(q(12_000).format(','), "12");
        assert_eq!(q(125).format('.'), "0.125");
        assert_eq!(q(1_234_500).to_input(), "1234,5");
        for t in [1, 999, 1000, 1_234_567, Quantity::MAX_THOUSANDTHS] {
            assert_eq!(Quantity::parse(&q(t).to_input()), Ok(q(t)));
        }
        assert_eq!(serde_json::to_string(&q(1500)).unwrap(), "1500");
    }
}
