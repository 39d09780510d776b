//! The company's transfer settings as one stored value: the rule and the activity thresholds.

use super::{RuleError, TransferRule};
use crate::domain::dates::Timestamp;
use crate::domain::ids::Id;
use crate::domain::metrics::{ActivityThresholds, ThresholdsError};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use thiserror::Error;

/// The director's settings for the life of a client after its first order. Kept together
/// because they change together in one settings form and merge as one value (newer wins).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransferPolicy {
    /// When a hunter's client passes to a farmer.
    #[serde(default)]
    pub rule: TransferRule,
    /// When a client without orders counts as sleeping or lost.
    #[serde(default)]
    pub thresholds: ActivityThresholds,
    /// When the settings were last saved (the epoch for the defaults).
    #[serde(default)]
    pub updated_at: Timestamp,
}

/// Why transfer settings cannot be saved.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PolicyError {
    /// The rule is invalid (every problem, each with its condition's index).
    #[error("invalid transfer rule: {0:?}")]
    Rule(Vec<RuleError>),
    /// The sleeping / lost day counts are inconsistent.
    #[error("invalid activity thresholds: {0}")]
    Thresholds(#[from] ThresholdsError),
}

impl TransferPolicy {
    /// Checks the rule against the catalogue and the thresholds against each other.
    pub fn validate(
        &self,
        known_products: &HashSet<Id>,
        known_groups: &HashSet<Id>,
    ) -> Result<(), PolicyError> {
        self.rule
            .validate(known_products, known_groups)
            .map_err(PolicyError::Rule)?;
        self.thresholds.validate()?;
        Ok(())
    }
}
