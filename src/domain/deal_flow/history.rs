//! The stage history: one entry for every change of a deal's place in the pipeline — created,
//! moved (by a button, a drag, the keyboard or the deal's editor), closed won or lost, reopened.
//!
//! Entries are never edited (like the transfer log): two copies of a workspace merge by the union
//! of their entries, one per id. Each entry's id is fresh from the device that made the change,
//! so the same move is never counted twice, and the entries that migration writes for older data
//! have ids derived from the deal's own, so two devices migrating the same data write the same
//! entry.

use crate::domain::dates::Timestamp;
use crate::domain::ids::Id;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What happened to the deal.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StageChangeKind {
    /// The deal was created in `to`.
    Created,
    /// The deal moved from `from` to `to`.
    #[default]
    Moved,
    /// The deal was closed won while in `to`.
    Won,
    /// The deal was closed lost while in `to`.
    Lost,
    /// The closed deal was reopened, back in `to`.
    Reopened,
    /// Data written before the history existed: the deal was in `to` at its last change.
    Migrated,
}

impl StageChangeKind {
    /// Whether the deal (re)started work in its stage at this entry: the days in a stage count
    /// from the latest such entry. Closing does not restart the count; reopening does.
    pub fn starts_stage(self) -> bool {
        !matches!(self, StageChangeKind::Won | StageChangeKind::Lost)
    }
}

/// One change of a deal's place in the pipeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageChange {
    /// Stable unique id (among the entries).
    pub id: Id,
    /// The deal.
    pub deal_id: Id,
    /// What happened.
    pub kind: StageChangeKind,
    /// The stage before (none when the deal was created, or for migrated data). History, not a
    /// reference: the stage may have been removed since.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Id>,
    /// The stage after.
    pub to: Id,
    /// When: the same instant as the change's stamp on the deal.
    pub at: Timestamp,
    /// Who made the change, when known. History: the person may have left the team since.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<Id>,
    /// When a restore («Вернуть копию») brought it back after it had been deleted; see
    /// [`crate::domain::transfer::TransferRecord::restored_at`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restored_at: Option<Timestamp>,
}

impl StageChange {
    /// The id of the entry migration writes for a deal: derived from the deal's id, so every
    /// device migrating the same data writes the same entry and a merge keeps one.
    pub fn migrated_id(deal_id: &Id) -> Id {
        Id::from_raw(format!("{deal_id}~stage"))
    }
}

/// Whole days from `from` to `to` (local calendar days), never negative: a stamp from a clock
/// running ahead counts as today.
pub fn days_between(from: NaiveDate, to: NaiveDate) -> u32 {
    u32::try_from((to - from).num_days().max(0)).unwrap_or(u32::MAX)
}
