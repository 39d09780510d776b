//! Orders (заказы): what a client actually bought, line by line, and the catalogue they refer to.
//!
//! Orders are the facts everything after the first sale is measured on: the hunter→farmer
//! transfer rule ([`crate::domain::transfer`]) and the farmer's growth metrics
//! ([`crate::domain::metrics`]) both read them through a per-client [`ClientHistory`].

pub mod calendar;
mod draft;
mod history;

pub use calendar::YearMonth;
pub use draft::{OrderDraft, OrderField, OrderLineDraft, OrderProblem};
pub use history::{ClientHistory, HistoryIndex, IndexInputs, OrderSummary};

use super::dates::Timestamp;
use super::ids::Id;
use super::money::Money;
use super::quantity::Quantity;
use crate::domain::stamps::Stamps;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use thiserror::Error;

/// A product group (товарная группа), the unit of cross-selling: «Упаковка», «Химия», …
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductGroup {
    /// Stable unique id.
    pub id: Id,
    /// Name shown to users.
    pub name: String,
    /// When the record was created.
    pub created_at: Timestamp,
    /// When the record was last changed.
    pub updated_at: Timestamp,
    /// When each field last changed, for merging field by field.
    #[serde(default, skip_serializing_if = "Stamps::is_empty")]
    pub stamps: Stamps,
}

crate::fielded!(ProductGroup {
    "name" => name,
});

/// A product or service we sell; it belongs to exactly one group.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Product {
    /// Stable unique id.
    pub id: Id,
    /// Name shown to users.
    pub name: String,
    /// The group it belongs to.
    pub group_id: Id,
    /// When the record was created.
    pub created_at: Timestamp,
    /// When the record was last changed.
    pub updated_at: Timestamp,
    /// When each field last changed, for merging field by field.
    #[serde(default, skip_serializing_if = "Stamps::is_empty")]
    pub stamps: Stamps,
}

crate::fielded!(Product {
    "name" => name,
    "group_id" => group_id,
});

/// One line of an order: a product, what the client paid for it, and optionally how much of it.
///
/// Unit prices are deliberately absent: the rules and metrics only need the money per product,
/// and a line amount is what accounting exports give. The quantity is kept exactly (thousandths
/// of a unit) for the person reading the order; nothing computes with it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderLine {
    /// The product bought.
    pub product_id: Id,
    /// The line's amount; always above zero and at most [`Money::MAX`].
    pub amount: Money,
    /// How much was bought, in thousandths of a unit («Количество» of a 1C report); stored as
    /// `quantity_thousandths`, absent when unknown.
    #[serde(
        default,
        rename = "quantity_thousandths",
        skip_serializing_if = "Option::is_none"
    )]
    pub quantity: Option<Quantity>,
}

/// A client's order (shipment or paid invoice) on a given date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Order {
    /// Stable unique id.
    pub id: Id,
    /// The client who ordered.
    pub client_id: Id,
    /// The business date of the order (shipment or payment), not when it was typed in.
    pub date: NaiveDate,
    /// What was bought; at least one line.
    pub lines: Vec<OrderLine>,
    /// When the record was created.
    pub created_at: Timestamp,
    /// When the record was last changed.
    pub updated_at: Timestamp,
    /// When each field last changed, for merging field by field.
    #[serde(default, skip_serializing_if = "Stamps::is_empty")]
    pub stamps: Stamps,
}

crate::fielded!(Order {
    "client_id" => client_id,
    "date" => date,
    "lines" => lines,
});

/// Why an order or one of its lines is not acceptable.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum OrderError {
    /// An order must buy something.
    #[error("an order needs at least one line")]
    NoLines,
    /// A line amount is zero or negative (returns are not orders).
    #[error("line {line}: the amount must be above zero")]
    NonPositiveAmount {
        /// Index of the line.
        line: usize,
    },
    /// A line amount, or the order's total, is above [`Money::MAX`]: a typo.
    #[error("line {line}: the amount is too large")]
    TooLarge {
        /// Index of the line (the last one when only the total is too large).
        line: usize,
    },
    /// A line's quantity is zero or above [`Quantity::MAX_THOUSANDTHS`].
    #[error("line {line}: the quantity is not above zero or too large")]
    BadQuantity {
        /// Index of the line.
        line: usize,
    },
    /// A line refers to a product that is not in the catalogue.
    #[error("line {line}: product {product_id} does not exist")]
    UnknownProduct {
        /// Index of the line.
        line: usize,
        /// The missing product.
        product_id: Id,
    },
}

impl OrderLine {
    /// A line, refused when the amount is not above zero or above [`Money::MAX`].
    pub fn new(product_id: Id, amount: Money) -> Result<OrderLine, OrderError> {
        check_amount(0, amount)?;
        Ok(OrderLine {
            product_id,
            amount,
            quantity: None,
        })
    }
}

fn check_amount(line: usize, amount: Money) -> Result<(), OrderError> {
    if amount <= Money::ZERO {
        Err(OrderError::NonPositiveAmount { line })
    } else if amount > Money::MAX {
        Err(OrderError::TooLarge { line })
    } else {
        Ok(())
    }
}

impl Order {
    /// The sum of the line amounts.
    pub fn total(&self) -> Money {
        self.lines.iter().map(|l| l.amount).sum()
    }

    /// Checks the order on its own and against the catalogue: lines present, amounts above
    /// zero, the total within [`Money::MAX`], every product known. Fields are public (orders
    /// come from storage and imports too), so the workspace calls this on every write.
    pub fn validate(&self, known_products: &HashSet<Id>) -> Result<(), OrderError> {
        if self.lines.is_empty() {
            return Err(OrderError::NoLines);
        }
        let mut total = Money::ZERO;
        for (line, l) in self.lines.iter().enumerate() {
            check_amount(line, l.amount)?;
            if l.quantity.is_some_and(|q| !q.is_valid()) {
                return Err(OrderError::BadQuantity { line });
            }
            if !known_products.contains(&l.product_id) {
                return Err(OrderError::UnknownProduct {
                    line,
                    product_id: l.product_id.clone(),
                });
            }
            total += l.amount;
            if total > Money::MAX {
                return Err(OrderError::TooLarge { line });
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
