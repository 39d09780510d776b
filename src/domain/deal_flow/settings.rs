//! The director's pipeline settings: the reasons a deal can be lost, how many days a deal may
//! stay in each stage before the board flags it as stuck, the stages' order and their checklists
//! (the playbook), each stage's probability for the forecast, and the ABC classes' shares of
//! revenue for «Обзор».
//!
//! A single value for the whole team, but edited like a record: each of its fields carries a
//! stamp, so a merge of two copies keeps each field's later change (see
//! [`crate::domain::stamps`]) and the director's files change it for everyone.

use super::checklist::{default_items, ChecklistItem, StageChecklist, MAX_ITEM_CHARS};
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
    /// The stages' order by id, as the director last arranged them; empty means the order they
    /// are stored in. A field here rather than a position on each stage, so that a reorder is
    /// one change that merges whole, beside renames merged per stage. Stages it does not list
    /// (added later, or on another copy) follow in stored order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stage_order: Vec<Id>,
    /// Per stage, the checklist the director set; a stage not listed has its default items.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stage_checklists: Vec<StageChecklist>,
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
    "stage_order" => stage_order,
    "stage_checklists" => stage_checklists,
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
            stage_order: Vec::new(),
            stage_checklists: Vec::new(),
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
    /// A checklist item with no words, by stage and position.
    #[error("item {1} of the checklist of stage {0} is empty")]
    BlankItem(Id, usize),
    /// A checklist item longer than [`MAX_ITEM_CHARS`].
    #[error("item {1} of the checklist of stage {0} is too long")]
    LongItem(Id, usize),
    /// Two checklist items with one id, or two checklists for one stage.
    #[error("the checklist of stage {0} repeats an item or the stage")]
    DuplicateItem(Id),
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
        let (mut lists, mut items) = (HashSet::new(), HashSet::new());
        for list in &self.stage_checklists {
            let stage = &list.stage_id;
            if !lists.insert(stage) {
                out.push(SettingsProblem::DuplicateItem(stage.clone()));
            }
            for (i, item) in list.items.iter().enumerate() {
                if item.is_blank() {
                    out.push(SettingsProblem::BlankItem(stage.clone(), i));
                } else if item.text.chars().count() > MAX_ITEM_CHARS {
                    out.push(SettingsProblem::LongItem(stage.clone(), i));
                }
                if !items.insert(&item.id) {
                    out.push(SettingsProblem::DuplicateItem(stage.clone()));
                }
            }
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

    /// The checklist of a stage: the director's, or the stage's default items.
    pub fn checklist_of(&self, stage: &Stage) -> Vec<ChecklistItem> {
        self.stage_checklists
            .iter()
            .find(|l| l.stage_id == stage.id)
            .map(|l| l.items.clone())
            .unwrap_or_else(|| default_items(stage.key))
    }

    /// Sets the checklist of a stage (replacing the director's earlier one or the defaults).
    pub fn set_checklist(&mut self, stage_id: &Id, items: Vec<ChecklistItem>) {
        match self
            .stage_checklists
            .iter_mut()
            .find(|l| &l.stage_id == stage_id)
        {
            Some(list) => list.items = items,
            None => self.stage_checklists.push(StageChecklist {
                stage_id: stage_id.clone(),
                items,
            }),
        }
    }

    /// The limit for a stage, if the director set one.
    pub fn limit_of(&self, stage_id: &Id) -> Option<u32> {
        self.stage_limits
            .iter()
            .find(|l| &l.stage_id == stage_id)
            .map(|l| l.days)
    }
}
