//! A dated assessment of one deal: the level a rep chose for each criterion and the evidence.

use crate::domain::dates::Timestamp;
use crate::domain::Id;
use serde::{Deserialize, Serialize};

/// The level given to one criterion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rating {
    /// The criterion's key.
    pub criterion: String,
    /// The level 0..=4, or `None` when not known yet.
    pub level: Option<u8>,
    /// What the rep heard or saw that supports the level.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub evidence: String,
}

/// One qualification of a deal. Assessments are never edited: each new one is added, so the card
/// can show how the lead developed and who assessed it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    /// Stable unique id.
    pub id: Id,
    /// The deal assessed.
    pub deal_id: Id,
    /// The team member who assessed it.
    pub assessor_id: Id,
    /// The ratings, one per criterion assessed.
    pub ratings: Vec<Rating>,
    /// When it was made (also its `updated_at`: assessments do not change).
    pub created_at: Timestamp,
    /// When a restore («Вернуть копию») brought it back after it had been deleted: for merges
    /// its last change, later than the tombstone any other copy of the data may still hold.
    /// `None` for a record never brought back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restored_at: Option<Timestamp>,
}

impl Assessment {
    /// The level given to a criterion, if known.
    pub fn level(&self, criterion: &str) -> Option<u8> {
        self.ratings
            .iter()
            .find(|r| r.criterion == criterion)
            .and_then(|r| r.level)
    }

    /// The evidence noted for a criterion.
    pub fn evidence(&self, criterion: &str) -> &str {
        self.ratings
            .iter()
            .find(|r| r.criterion == criterion)
            .map_or("", |r| r.evidence.as_str())
    }
}
