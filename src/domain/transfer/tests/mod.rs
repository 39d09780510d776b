//! Tests of the transfer rule: every condition at its boundaries, the combinators, validation
//! and the incremental path. The explanation texts are tested with the words, in
//! `crate::i18n`'s tests.

mod conditions;
mod monthly;
mod rules;

use super::*;
use crate::domain::orders::Order;
use crate::testkit::order_data::products;
use chrono::NaiveDate;

/// The history of client `c1` from `orders`.
fn history(orders: &[Order]) -> ClientHistory {
    ClientHistory::build(Id::from_raw("c1"), orders, &products())
}

/// A one-condition ALL rule.
fn only(condition: Condition) -> TransferRule {
    TransferRule {
        combinator: Combinator::All,
        conditions: vec![condition],
    }
}

/// The outcome of a single condition for `c1`'s `orders` as of `today`.
fn outcome(condition: Condition, orders: &[Order], today: NaiveDate) -> ConditionOutcome {
    let mut e = evaluate(&only(condition), &history(orders), today);
    assert_eq!(e.outcomes.len(), 1);
    let o = e.outcomes.remove(0);
    // A single-condition rule passes exactly when its condition holds.
    assert_eq!(e.eligible, o.holds());
    o
}
