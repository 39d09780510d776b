//! The hunter→farmer transfer rule (правило передачи клиента): when a hunter's new client has
//! proved itself enough to become a regular client handed to a farmer.
//!
//! One company-wide [`TransferRule`] combines [`Condition`]s with ALL or ANY. [`evaluate`] checks
//! it against one client's [`ClientHistory`] as of a day and returns, for every condition, the
//! actual figures ([`ConditionOutcome`]) so the UI can say «заказов 2 из 3» rather than just «no»;
//! `crate::i18n::outcome` turns them into words. Evaluation reads a single client's
//! history, so after an order edit only that client needs re-evaluating.

mod condition;
mod draft;
mod evaluate;
mod policy;
mod record;

pub use crate::domain::orders::{ClientHistory, HistoryIndex};
pub use condition::{
    Condition, ConditionProblem, RuleError, DEFAULT_MINIMUM_MONTHS, MAX_DAYS, MAX_MINIMUM_MONTHS,
    MAX_ORDER_COUNT, MAX_VOLUME_MONTHS,
};
pub use draft::{ConditionDraft, ConditionKind, PolicyDraft, PolicyDraftError};
pub use evaluate::{eligible_clients, evaluate, ConditionOutcome, Eligibility, MonthAmount};
pub use policy::{PolicyError, TransferPolicy};
pub use record::TransferRecord;

use crate::domain::ids::Id;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// How a rule's conditions combine.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Combinator {
    /// Every condition must hold («все условия»).
    #[default]
    All,
    /// At least one condition must hold («любое из условий»).
    Any,
}

/// The company's rule for passing a client from a hunter to a farmer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransferRule {
    /// How the conditions combine.
    #[serde(default)]
    pub combinator: Combinator,
    /// The conditions; a valid rule has at least one.
    pub conditions: Vec<Condition>,
}

impl Default for TransferRule {
    /// «After the 2nd order», the handbook's most common rule: a sensible start for a new team.
    fn default() -> Self {
        TransferRule {
            combinator: Combinator::All,
            conditions: vec![Condition::OrderCount { at_least: 2 }],
        }
    }
}

impl TransferRule {
    /// Checks the rule before it is saved: at least one condition, every parameter within its
    /// sane range, every product and group known. All problems are reported at once, each with
    /// the index of its condition so the editor can mark it.
    pub fn validate(
        &self,
        known_products: &HashSet<Id>,
        known_groups: &HashSet<Id>,
    ) -> Result<(), Vec<RuleError>> {
        let mut errors = Vec::new();
        if self.conditions.is_empty() {
            errors.push(RuleError::NoConditions);
        }
        for (index, condition) in self.conditions.iter().enumerate() {
            if let Err(problem) = condition.validate(known_products, known_groups) {
                errors.push(RuleError::Condition { index, problem });
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests;
