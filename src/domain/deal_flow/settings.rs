//! The director's pipeline settings: the reasons a deal can be lost, and how many days a deal may
//! stay in each stage before the board flags it as stuck.
//!
//! A single value for the whole team, but edited like a record: each of its two fields carries a
//! stamp, so a merge of two copies keeps each field's later change (see
//! [`crate::domain::stamps`]) and the director's files change it for everyone.

use super::outcome::{LostReason, LostReasonKey};
use crate::domain::dates::Timestamp;
use crate::domain::ids::Id;
use crate::domain::stamps::Stamps;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use thiserror::Error;

/// The longest stage limit accepted: ten years is not a limit but a typo.
pub const MAX_STAGE_DAYS: u32 = 3650;

/// How long a deal may stay in one stage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageLimit {
    /// The stage. A limit for a stage no longer in the pipeline is ignored.
    pub stage_id: Id,
    /// Days in the stage after which the deal counts as stuck.
    pub days: u32,
}

/// The pipeline settings of the team.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PipelineSettings {
    /// The reasons the closing form offers for a lost deal, in order (a rep may also type one).
    #[serde(default = "default_reasons")]
    pub lost_reasons: Vec<LostReason>,
    /// Per stage, the days after which a deal in it is flagged; a stage not listed has no limit.
    #[serde(default)]
    pub stage_limits: Vec<StageLimit>,
    /// When the settings were first saved (the epoch for the defaults).
    #[serde(default)]
    pub created_at: Timestamp,
    /// When they last changed (the epoch for the defaults).
    #[serde(default)]
    pub updated_at: Timestamp,
    /// When each field last changed, for merging field by field.
    #[serde(default, skip_serializing_if = "Stamps::is_empty")]
    pub stamps: Stamps,
}

crate::fielded!(PipelineSettings {
    "lost_reasons" => lost_reasons,
    "stage_limits" => stage_limits,
});

fn default_reasons() -> Vec<LostReason> {
    LostReasonKey::DEFAULTS
        .into_iter()
        .map(LostReason::builtin)
        .collect()
}

impl Default for PipelineSettings {
    fn default() -> Self {
        PipelineSettings {
            lost_reasons: default_reasons(),
            stage_limits: Vec::new(),
            created_at: Timestamp::default(),
            updated_at: Timestamp::default(),
            stamps: Stamps::default(),
        }
    }
}

/// What is wrong with pipeline settings.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum SettingsProblem {
    /// A reason has neither a built-in key nor words.
    #[error("lost reason {0} is empty")]
    BlankReason(usize),
    /// Two reasons say the same.
    #[error("lost reason {0} repeats an earlier one")]
    DuplicateReason(usize),
    /// A stage's limit of zero days or more than [`MAX_STAGE_DAYS`].
    #[error("the limit of stage {0} is outside 1 to {MAX_STAGE_DAYS} days")]
    LimitOutOfRange(Id),
    /// Two limits for one stage.
    #[error("stage {0} has two limits")]
    DuplicateStage(Id),
}

impl PipelineSettings {
    /// The problems (a reason by its position, a limit by its stage); empty means valid.
    pub fn problems(&self) -> Vec<SettingsProblem> {
        let mut out = Vec::new();
        let mut reasons = HashSet::new();
        for (i, r) in self.lost_reasons.iter().enumerate() {
            if r.is_blank() {
                out.push(SettingsProblem::BlankReason(i));
            } else if !reasons.insert((r.key, r.text.trim().to_lowercase())) {
                out.push(SettingsProblem::DuplicateReason(i));
            }
        }
        let mut stages = HashSet::new();
        for l in &self.stage_limits {
            if !(1..=MAX_STAGE_DAYS).contains(&l.days) {
                out.push(SettingsProblem::LimitOutOfRange(l.stage_id.clone()));
            }
            if !stages.insert(&l.stage_id) {
                out.push(SettingsProblem::DuplicateStage(l.stage_id.clone()));
            }
        }
        out
    }

    /// The limit for a stage, if the director set one.
    pub fn limit_of(&self, stage_id: &Id) -> Option<u32> {
        self.stage_limits
            .iter()
            .find(|l| &l.stage_id == stage_id)
            .map(|l| l.days)
    }
}
