//! The order form's contents and their validation into an [`Order`], in the manner of
//! [`crate::domain::draft`]: raw text is kept until every field is valid, and every problem
//! names its field (and line).

use super::{Order, OrderLine};
use crate::domain::dates::{iso_date, parse_date, Timestamp};
use crate::domain::ids::Id;
use crate::domain::money::{Money, MoneyParseError};
use crate::domain::quantity::{Quantity, QuantityError};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use thiserror::Error;

/// A field of the order form that can be wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OrderField {
    /// The client.
    Client,
    /// The order date.
    Date,
    /// The lines as a whole (none filled in, or the total too large).
    Lines,
    /// The product of line `n` (counting from 0 over all rows of the form).
    LineProduct(usize),
    /// The amount of line `n`.
    LineAmount(usize),
    /// The quantity of line `n`.
    LineQuantity(usize),
}

/// What is wrong with an order field.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum OrderProblem {
    /// The field must be filled in.
    #[error("required")]
    Required,
    /// The date could not be read.
    #[error("not a date")]
    Date,
    /// The amount could not be read.
    #[error("invalid amount: {0}")]
    Money(#[from] MoneyParseError),
    /// The amount is zero: a line must cost something.
    #[error("the amount must be above zero")]
    NotPositive,
    /// The order's total is above [`Money::MAX`].
    #[error("the total is too large")]
    TooLarge,
    /// The quantity is not a number above zero with at most three decimals.
    #[error("not a quantity")]
    Quantity,
    /// The product is not in the catalogue (it was removed meanwhile).
    #[error("unknown product")]
    UnknownProduct,
}

/// One row of the order form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderLineDraft {
    /// Product id (empty when none was chosen).
    pub product_id: String,
    /// Amount as typed.
    pub amount: String,
    /// Quantity as typed (empty: not given).
    #[serde(default)]
    pub quantity: String,
}

/// The order form's contents.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderDraft {
    /// Client id (empty when none was chosen).
    pub client_id: String,
    /// Date as typed (ISO from a date input, or DD.MM.YYYY).
    pub date: String,
    /// The rows; rows left completely blank are ignored, since forms keep a spare empty row.
    pub lines: Vec<OrderLineDraft>,
}

impl OrderDraft {
    /// The form filled with an existing order, for editing.
    pub fn from_order(order: &Order) -> OrderDraft {
        OrderDraft {
            client_id: order.client_id.to_string(),
            date: iso_date(order.date),
            lines: order
                .lines
                .iter()
                .map(|l| OrderLineDraft {
                    product_id: l.product_id.to_string(),
                    amount: l.amount.to_input(),
                    quantity: l.quantity.map(Quantity::to_input).unwrap_or_default(),
                })
                .collect(),
        }
    }

    /// Validates every field; on success returns an order with `id`, created at `created_at`.
    /// The workspace still checks that the client exists when the order is stored.
    pub fn to_order(
        &self,
        id: Id,
        known_products: &HashSet<Id>,
        created_at: Timestamp,
    ) -> Result<Order, Vec<(OrderField, OrderProblem)>> {
        let mut errors = Vec::new();
        let client_id = self.client_id.trim();
        if client_id.is_empty() {
            errors.push((OrderField::Client, OrderProblem::Required));
        }
        let date = match self.date.trim() {
            "" => {
                errors.push((OrderField::Date, OrderProblem::Required));
                None
            }
            typed => {
                let parsed = parse_date(typed);
                if parsed.is_none() {
                    errors.push((OrderField::Date, OrderProblem::Date));
                }
                parsed
            }
        };
        let mut lines = Vec::new();
        for (n, row) in self.lines.iter().enumerate() {
            if let Some(line) = row.validate(n, known_products, &mut errors) {
                lines.push(line);
            }
        }
        let total = lines.iter().try_fold(0i64, |sum, l: &OrderLine| {
            sum.checked_add(l.amount.kopecks())
        });
        if lines.is_empty() && !errors.iter().any(|(f, _)| is_line_field(*f)) {
            errors.push((OrderField::Lines, OrderProblem::Required));
        } else if total.is_none_or(|t| t > Money::MAX.kopecks()) {
            errors.push((OrderField::Lines, OrderProblem::TooLarge));
        }
        match (date, errors.is_empty()) {
            (Some(date), true) => Ok(Order {
                id,
                client_id: Id::from_raw(client_id),
                date,
                lines,
                created_at,
                updated_at: created_at,
                stamps: Default::default(),
            }),
            _ => Err(errors),
        }
    }
}

fn is_line_field(field: OrderField) -> bool {
    matches!(
        field,
        OrderField::LineProduct(_) | OrderField::LineAmount(_) | OrderField::LineQuantity(_)
    )
}

impl OrderLineDraft {
    /// The row as a line, or `None` (with its problems added to `errors`) when it is blank or
    /// invalid.
    fn validate(
        &self,
        n: usize,
        known_products: &HashSet<Id>,
        errors: &mut Vec<(OrderField, OrderProblem)>,
    ) -> Option<OrderLine> {
        let product = self.product_id.trim();
        let typed = self.amount.trim();
        if product.is_empty() && typed.is_empty() && self.quantity.trim().is_empty() {
            return None;
        }
        let before = errors.len();
        let product_id = Id::from_raw(product);
        if product.is_empty() {
            errors.push((OrderField::LineProduct(n), OrderProblem::Required));
        } else if !known_products.contains(&product_id) {
            errors.push((OrderField::LineProduct(n), OrderProblem::UnknownProduct));
        }
        let amount = match Money::parse(typed) {
            Ok(m) if m == Money::ZERO => {
                errors.push((OrderField::LineAmount(n), OrderProblem::NotPositive));
                None
            }
            Ok(m) => Some(m),
            Err(MoneyParseError::Empty) => {
                errors.push((OrderField::LineAmount(n), OrderProblem::Required));
                None
            }
            Err(e) => {
                errors.push((OrderField::LineAmount(n), e.into()));
                None
            }
        };
        let quantity = match Quantity::parse(&self.quantity) {
            Ok(q) => Some(q),
            Err(QuantityError::Empty) => None,
            Err(_) => {
                errors.push((OrderField::LineQuantity(n), OrderProblem::Quantity));
                None
            }
        };
        match amount {
            Some(amount) if errors.len() == before => Some(OrderLine {
                product_id,
                amount,
                quantity,
            }),
            _ => None,
        }
    }
}
