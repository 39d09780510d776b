//! The director's pipeline settings: the reasons a deal can be lost, how many days a deal may
//! stay in each stage before the board flags it as stuck, each stage's probability for the
//! forecast, and the ABC classes' shares of revenue for «Обзор».
//!
//! A single value for the whole team, but edited like a record: each of its two fields carries a
//! stamp, so a merge of two copies keeps each field's later change (see
//! [`crate::domain::stamps`]) and the director's files change it for everyone.

use super::outcome::{LostReason, LostReasonKey};
use crate::domain::dates::Timestamp;
use crate::domain::ids::Id;
use crate::domain::stage::{Stage, StageKey};
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
    /// Per stage, the chance in percent that a deal in it is won: the weights of the pipeline
    /// forecast. Read through [`PipelineSettings::probability_of`]; a stage not listed has the
    /// usual weight of its built-in stage (see [`default_probability`]), or none.
    #[serde(
        default = "default_probabilities",
        skip_serializing_if = "is_default_probabilities"
    )]
    pub stage_probabilities: Vec<StageProbability>,
    /// The ABC classes' shares of revenue in percent: A, B, C (80 / 15 / 5); they add up to 100.
    #[serde(default, skip_serializing_if = "AbcShares::is_default")]
    pub abc_shares: AbcShares,
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
    "stage_probabilities" => stage_probabilities,
    "abc_shares" => abc_shares,
});

/// The chance that a deal in a stage is won, for the forecast.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageProbability {
    /// The stage. A probability for a stage no longer in the pipeline is ignored.
    pub stage_id: Id,
    /// Percent, 0 to 100.
    pub percent: u32,
}

/// The ABC classes' shares of revenue, in whole percent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AbcShares {
    /// A: the clients making the first this-many percent of revenue.
    pub a: u32,
    /// B: the next this-many percent.
    pub b: u32,
    /// C: the rest.
    pub c: u32,
}

impl Default for AbcShares {
    fn default() -> Self {
        AbcShares { a: 80, b: 15, c: 5 }
    }
}

impl AbcShares {
    /// Whether these are the usual 80 / 15 / 5 (not written to files then).
    pub fn is_default(&self) -> bool {
        *self == AbcShares::default()
    }

    /// Whether each share is above zero and they add up to 100.
    pub fn is_valid(&self) -> bool {
        self.a > 0 && self.b > 0 && self.c > 0 && self.a + self.b + self.c == 100
    }
}

/// The usual forecast weight of a built-in stage (the sales method's table): Лид 5 %,
/// Квалификация 10 %, Выявление потребностей 20 %, КП 40 %, Переговоры 60 %, Договор / счёт 80 %,
/// Первая продажа 100 %.
pub fn default_probability(key: StageKey) -> u32 {
    match key {
        StageKey::Lead => 5,
        StageKey::Qualification => 10,
        StageKey::NeedsDiscovery => 20,
        StageKey::Proposal => 40,
        StageKey::Negotiation => 60,
        StageKey::Contract => 80,
        StageKey::FirstSale => 100,
    }
}

fn default_probabilities() -> Vec<StageProbability> {
    StageKey::DEFAULT_PIPELINE
        .into_iter()
        .map(|key| StageProbability {
            stage_id: key.default_id(),
            percent: default_probability(key),
        })
        .collect()
}

fn is_default_probabilities(list: &[StageProbability]) -> bool {
    list == default_probabilities().as_slice()
}

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
            stage_probabilities: default_probabilities(),
            abc_shares: AbcShares::default(),
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
    /// A stage's probability above 100 %.
    #[error("the probability of stage {0} is above 100 %")]
    ProbabilityOutOfRange(Id),
    /// Two probabilities for one stage.
    #[error("stage {0} has two probabilities")]
    DuplicateProbability(Id),
    /// ABC shares that are not three positive percents adding up to 100.
    #[error("the ABC shares do not add up to 100 %")]
    AbcShares,
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
        let mut weighted = HashSet::new();
        for p in &self.stage_probabilities {
            if p.percent > 100 {
                out.push(SettingsProblem::ProbabilityOutOfRange(p.stage_id.clone()));
            }
            if !weighted.insert(&p.stage_id) {
                out.push(SettingsProblem::DuplicateProbability(p.stage_id.clone()));
            }
        }
        if !self.abc_shares.is_valid() {
            out.push(SettingsProblem::AbcShares);
        }
        out
    }

    /// The forecast weight of `stage` in percent: the director's, else its built-in stage's
    /// usual weight, else zero.
    pub fn probability_of(&self, stage: &Stage) -> u32 {
        self.stage_probabilities
            .iter()
            .find(|p| p.stage_id == stage.id)
            .map(|p| p.percent)
            .or(stage.key.map(default_probability))
            .unwrap_or(0)
    }

    /// The limit for a stage, if the director set one.
    pub fn limit_of(&self, stage_id: &Id) -> Option<u32> {
        self.stage_limits
            .iter()
            .find(|l| &l.stage_id == stage_id)
            .map(|l| l.days)
    }
}
