//! The conditions a transfer rule is made of, and their parameter checks.

use crate::domain::ids::Id;
use crate::domain::money::Money;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use thiserror::Error;

/// The most orders a rule may ask for; more is a typo, not a policy.
pub const MAX_ORDER_COUNT: u32 = 10_000;
/// The longest «last M months» window of the volume and minimum-order conditions (ten years).
pub const MAX_VOLUME_MONTHS: u32 = 120;
/// The most consecutive months a monthly minimum may span (two years).
pub const MAX_MINIMUM_MONTHS: u32 = 24;
/// The longest wait after the first order, in days (ten years).
pub const MAX_DAYS: u32 = 3_650;
/// How many months a monthly minimum spans unless told otherwise: the handbook's «each of the
/// last 3 months».
pub const DEFAULT_MINIMUM_MONTHS: u32 = 3;

fn default_minimum_months() -> u32 {
    DEFAULT_MINIMUM_MONTHS
}

/// One condition of a transfer rule. Every condition counts only orders dated on or before the
/// day the rule is evaluated for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Condition {
    /// The client has placed at least `at_least` orders («после 2-го или 3-го заказа»).
    OrderCount {
        /// N: 1 to [`MAX_ORDER_COUNT`].
        at_least: u32,
    },
    /// The client's purchases add up to at least `at_least`; with `within_months` = M only the
    /// orders of «the last M months» count: from the day after the same day M months before
    /// today (clamped to the end of a shorter month) through today, both inclusive (see
    /// [`crate::domain::orders::calendar::last_months`]).
    Volume {
        /// X: above zero, at most [`Money::MAX`].
        at_least: Money,
        /// M: 1 to [`MAX_VOLUME_MONTHS`], or `None` for all purchases ever.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        within_months: Option<u32>,
    },
    /// The client has bought this product at least once.
    BoughtProduct {
        /// The product.
        product_id: Id,
    },
    /// The client has bought any product of this group at least once.
    BoughtGroup {
        /// The group.
        group_id: Id,
    },
    /// In each of the last `months` complete calendar months before the month of today, the
    /// client bought for at least `at_least`. The current month never counts because it is not
    /// over: today = 2026-03-10 and 3 months mean December 2025, January and February 2026.
    MonthlyMinimum {
        /// K: 1 to [`MAX_MINIMUM_MONTHS`]; [`DEFAULT_MINIMUM_MONTHS`] when absent.
        #[serde(default = "default_minimum_months")]
        months: u32,
        /// X per month: above zero, at most [`Money::MAX`].
        at_least: Money,
    },
    /// Every order of «the last `months` months» (the days from the day after the same date
    /// `months` months before today through today, see
    /// [`crate::domain::orders::calendar::last_months`]) came to at least `at_least`, and there
    /// was at least one: the handbook's «минимальная закупочная партия на протяжении 3-х месяцев
    /// была не ниже Х рублей» read as the smallest single order. [`Condition::MonthlyMinimum`]
    /// is the other reading (each month's total).
    MinimumOrder {
        /// M: 1 to [`MAX_VOLUME_MONTHS`]; [`DEFAULT_MINIMUM_MONTHS`] when absent.
        #[serde(default = "default_minimum_months")]
        months: u32,
        /// X per order: above zero, at most [`Money::MAX`].
        at_least: Money,
    },
    /// At least `at_least` days have passed since the first order (the first order's day is
    /// day 0), e.g. the 3–6 months some companies wait while the hunter earns a tail.
    DaysSinceFirstOrder {
        /// Days: 1 to [`MAX_DAYS`].
        at_least: u32,
    },
}

/// What is wrong with one condition's parameters.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ConditionProblem {
    /// The condition's whole-number parameter (orders, months or days) is outside `min..=max`.
    #[error("must be from {min} to {max}")]
    OutOfRange {
        /// The smallest sane value.
        min: u32,
        /// The largest sane value.
        max: u32,
    },
    /// The amount is zero or negative: the condition would hold for anyone.
    #[error("the amount must be above zero")]
    NonPositiveAmount,
    /// The amount is above [`Money::MAX`]: the condition could never hold.
    #[error("the amount is too large")]
    AmountTooLarge,
    /// The product is not in the catalogue.
    #[error("product {0} does not exist")]
    UnknownProduct(Id),
    /// The group is not in the catalogue.
    #[error("product group {0} does not exist")]
    UnknownGroup(Id),
}

/// Why a transfer rule cannot be saved.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RuleError {
    /// A rule without conditions would pass everyone (ALL) or no one (ANY).
    #[error("the rule has no conditions")]
    NoConditions,
    /// Condition number `index` (from 0) is invalid.
    #[error("condition {index}: {problem}")]
    Condition {
        /// Which condition.
        index: usize,
        /// What is wrong with it.
        problem: ConditionProblem,
    },
}

impl Condition {
    /// The condition's kind as it is written in JSON (`order_count`, `volume`, …).
    pub fn kind(&self) -> &'static str {
        match self {
            Condition::OrderCount { .. } => "order_count",
            Condition::Volume { .. } => "volume",
            Condition::BoughtProduct { .. } => "bought_product",
            Condition::BoughtGroup { .. } => "bought_group",
            Condition::MonthlyMinimum { .. } => "monthly_minimum",
            Condition::MinimumOrder { .. } => "minimum_order",
            Condition::DaysSinceFirstOrder { .. } => "days_since_first_order",
        }
    }

    /// «In each of the last 3 months at least `at_least`»: a monthly minimum with the default span.
    pub fn monthly_minimum(at_least: Money) -> Condition {
        Condition::MonthlyMinimum {
            months: DEFAULT_MINIMUM_MONTHS,
            at_least,
        }
    }

    /// Checks the parameters and the product or group reference.
    pub fn validate(
        &self,
        known_products: &HashSet<Id>,
        known_groups: &HashSet<Id>,
    ) -> Result<(), ConditionProblem> {
        match self {
            Condition::OrderCount { at_least } => in_range(*at_least, MAX_ORDER_COUNT),
            Condition::Volume {
                at_least,
                within_months,
            } => {
                check_amount(*at_least)?;
                within_months.map_or(Ok(()), |m| in_range(m, MAX_VOLUME_MONTHS))
            }
            Condition::BoughtProduct { product_id } if !known_products.contains(product_id) => {
                Err(ConditionProblem::UnknownProduct(product_id.clone()))
            }
            Condition::BoughtGroup { group_id } if !known_groups.contains(group_id) => {
                Err(ConditionProblem::UnknownGroup(group_id.clone()))
            }
            Condition::BoughtProduct { .. } | Condition::BoughtGroup { .. } => Ok(()),
            Condition::MonthlyMinimum { months, at_least } => {
                check_amount(*at_least)?;
                in_range(*months, MAX_MINIMUM_MONTHS)
            }
            Condition::MinimumOrder { months, at_least } => {
                check_amount(*at_least)?;
                in_range(*months, MAX_VOLUME_MONTHS)
            }
            Condition::DaysSinceFirstOrder { at_least } => in_range(*at_least, MAX_DAYS),
        }
    }
}

/// Every whole-number parameter starts at 1: zero orders, months or days is no condition.
fn in_range(value: u32, max: u32) -> Result<(), ConditionProblem> {
    if (1..=max).contains(&value) {
        Ok(())
    } else {
        Err(ConditionProblem::OutOfRange { min: 1, max })
    }
}

fn check_amount(amount: Money) -> Result<(), ConditionProblem> {
    if amount <= Money::ZERO {
        Err(ConditionProblem::NonPositiveAmount)
    } else if amount > Money::MAX {
        Err(ConditionProblem::AmountTooLarge)
    } else {
        Ok(())
    }
}
