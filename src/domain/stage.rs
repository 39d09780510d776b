//! The hunter's pipeline stages, from lead to first sale.

use super::dates::Timestamp;
use super::ids::Id;
use super::stamps::Stamps;
use serde::{Deserialize, Serialize};

/// A built-in stage of the default pipeline; its name comes from the translation table unless the
/// team renamed it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StageKey {
    /// Лид.
    Lead,
    /// Квалификация (BANT).
    Qualification,
    /// Выявление потребностей.
    NeedsDiscovery,
    /// КП / коммерческое предложение.
    Proposal,
    /// Переговоры.
    Negotiation,
    /// Договор / счёт.
    Contract,
    /// Первая продажа: shipment or payment; the hunter's goal.
    FirstSale,
}

impl StageKey {
    /// The default pipeline in order.
    pub const DEFAULT_PIPELINE: [StageKey; 7] = [
        StageKey::Lead,
        StageKey::Qualification,
        StageKey::NeedsDiscovery,
        StageKey::Proposal,
        StageKey::Negotiation,
        StageKey::Contract,
        StageKey::FirstSale,
    ];

    /// The fixed id of the built-in stage. Every rep's browser uses the same ids for the default
    /// stages, so snapshots from different reps merge stage by stage.
    pub fn default_id(self) -> Id {
        let slug = match self {
            StageKey::Lead => "lead",
            StageKey::Qualification => "qualification",
            StageKey::NeedsDiscovery => "needs",
            StageKey::Proposal => "proposal",
            StageKey::Negotiation => "negotiation",
            StageKey::Contract => "contract",
            StageKey::FirstSale => "first-sale",
        };
        Id::from_raw(format!("stage-{slug}"))
    }
}

/// One column of the pipeline board.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stage {
    /// Stable id (fixed for built-in stages).
    pub id: Id,
    /// The built-in stage this is, if any; gives the translated default name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<StageKey>,
    /// A name the team chose; overrides the translated default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_name: Option<String>,
    /// When the director added the stage (the epoch for the built-in ones and older data).
    #[serde(default, skip_serializing_if = "is_epoch")]
    pub created_at: Timestamp,
    /// When the stage last changed (renamed); the epoch when it never did.
    #[serde(default, skip_serializing_if = "is_epoch")]
    pub updated_at: Timestamp,
    /// When each field last changed, so that two copies renamed apart merge field by field.
    #[serde(default, skip_serializing_if = "Stamps::is_empty")]
    pub stamps: Stamps,
}

crate::fielded!(Stage {
    "custom_name" => custom_name,
});

/// Whether a time is the Unix epoch, which stands for «never» in stage records.
fn is_epoch(at: &Timestamp) -> bool {
    *at == Timestamp::default()
}

impl Stage {
    /// The built-in stage for `key`.
    pub fn builtin(key: StageKey) -> Self {
        Stage {
            id: key.default_id(),
            key: Some(key),
            custom_name: None,
            created_at: Timestamp::default(),
            updated_at: Timestamp::default(),
            stamps: Stamps::default(),
        }
    }

    /// A stage of the team's own, added `now`.
    pub fn custom(id: Id, name: &str, now: Timestamp) -> Self {
        Stage {
            id,
            key: None,
            custom_name: Some(name.trim().to_owned()),
            created_at: now,
            updated_at: now,
            stamps: Stamps::default(),
        }
    }

    /// The default pipeline: Лид → … → Первая продажа.
    pub fn default_pipeline() -> Vec<Stage> {
        StageKey::DEFAULT_PIPELINE
            .into_iter()
            .map(Stage::builtin)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_pipeline_has_unique_fixed_ids() {
        let stages = Stage::default_pipeline();
        assert_eq!(stages.len(), 7);
        let mut ids: Vec<_> = stages.iter().map(|s| s.id.clone()).collect();
        crate::domain::sort::sort(&mut ids);
        ids.dedup();
        assert_eq!(ids.len(), 7);
        assert_eq!(stages[0].id.as_str(), "stage-lead");
        assert_eq!(stages[6].key, Some(StageKey::FirstSale));
    }
}
