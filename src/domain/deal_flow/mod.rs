//! How deals end and how they travel: the outcome of a closed deal (won, or lost with a reason),
//! the history of every stage change, and the director's pipeline settings (the list of lost
//! reasons and how long a deal may sit in each stage before the board flags it).
//!
//! - [`outcome`]: [`Closure`] (won with its amount, lost with its reason) and [`LostReason`];
//! - [`history`]: [`StageChange`], one entry per move, close or reopen, append-only like the
//!   transfer log (when each deal entered its stage is read from it by
//!   [`crate::domain::views::stage_clock`]);
//! - [`checklist`]: the playbook, a checklist per stage ([`ChecklistItem`]);
//! - [`settings`]: [`PipelineSettings`], merged field by field like any edited record.

pub mod checklist;
pub mod history;
pub mod outcome;
pub mod settings;

pub use checklist::{ChecklistItem, ChecklistItemKey, StageChecklist};
pub use history::{days_between, StageChange, StageChangeKind};
pub use outcome::{Closure, LostReason, LostReasonKey};
pub use settings::{
    default_probability, AbcShares, PipelineSettings, SettingsProblem, StageLimit,
    StageProbability, MAX_STAGE_DAYS,
};

#[cfg(test)]
mod tests;
