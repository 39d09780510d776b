//! Exact fractions for the metrics that are ratios (frequency, cross-sell, share of wallet).
//!
//! Why not `f64`: these figures are compared against thresholds (10 %, 60 %) and asserted in
//! tests, and an exact fraction makes «exactly 10 %» mean exactly that. Floats appear only at the
//! edge, in [`Ratio::to_f64`], for a chart or a sort key.

use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// A non-negative fraction `numerator / denominator` with a non-zero denominator. Equality and
/// order compare values, so `1/2 == 2/4`.
#[derive(Clone, Copy, Debug, Serialize, Deserialize)]
#[serde(try_from = "RawRatio")]
pub struct Ratio {
    numerator: u64,
    denominator: u64,
}

/// The stored shape of a [`Ratio`], checked on the way in so that no zero denominator slips
/// past [`Ratio::new`].
#[derive(Deserialize)]
struct RawRatio {
    numerator: u64,
    denominator: u64,
}

impl TryFrom<RawRatio> for Ratio {
    type Error = &'static str;
    fn try_from(raw: RawRatio) -> Result<Ratio, Self::Error> {
        Ratio::new(raw.numerator, raw.denominator).ok_or("a ratio's denominator cannot be zero")
    }
}

impl Ratio {
    /// Zero (0/1).
    pub const ZERO: Ratio = Ratio {
        numerator: 0,
        denominator: 1,
    };

    /// The fraction, or `None` for a zero denominator (nothing to divide by).
    pub fn new(numerator: u64, denominator: u64) -> Option<Ratio> {
        (denominator != 0).then_some(Ratio {
            numerator,
            denominator,
        })
    }

    /// The numerator as given.
    pub fn numerator(self) -> u64 {
        self.numerator
    }

    /// The denominator as given.
    pub fn denominator(self) -> u64 {
        self.denominator
    }

    /// The value as a float, for display scaling or sorting only.
    pub fn to_f64(self) -> f64 {
        self.numerator as f64 / self.denominator as f64
    }

    /// The value times `scale`, rounded to the nearest whole number, halves up.
    pub fn scaled(self, scale: u64) -> u64 {
        let n = u128::from(self.numerator) * u128::from(scale);
        let d = u128::from(self.denominator);
        u64::try_from((2 * n + d) / (2 * d)).unwrap_or(u64::MAX)
    }

    /// The value in hundredths, rounded halves up: 3/2 → 150, shown as «1,50».
    pub fn hundredths(self) -> u64 {
        self.scaled(100)
    }

    /// The value in basis points (1/100 of a percent), rounded halves up: 1/8 → 1 250 (12,5 %).
    pub fn basis_points(self) -> u64 {
        self.scaled(10_000)
    }

    fn cross(self, other: Ratio) -> (u128, u128) {
        (
            u128::from(self.numerator) * u128::from(other.denominator),
            u128::from(other.numerator) * u128::from(self.denominator),
        )
    }
}

impl PartialEq for Ratio {
    fn eq(&self, other: &Ratio) -> bool {
        let (a, b) = self.cross(*other);
        a == b
    }
}

impl Eq for Ratio {}

impl PartialOrd for Ratio {
    fn partial_cmp(&self, other: &Ratio) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ratio {
    fn cmp(&self, other: &Ratio) -> Ordering {
        let (a, b) = self.cross(*other);
        a.cmp(&b)
    }
}
