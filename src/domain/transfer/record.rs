//! The audit log of transfers: who passed which client to whom, when, and on what grounds.

use super::{ConditionOutcome, TransferRule};
use crate::domain::dates::Timestamp;
use crate::domain::ids::Id;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One hunter→farmer transfer, as it happened. Records are never edited: the rule and figures
/// are copied in, so the log still explains an old transfer after the rule has changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransferRecord {
    /// Stable unique id.
    pub id: Id,
    /// The client transferred.
    pub client_id: Id,
    /// The owner before the transfer (usually a hunter).
    pub from_member_id: Id,
    /// The farmer who took the client over.
    pub to_member_id: Id,
    /// Who pressed the button: the director or the hunter.
    pub by_member_id: Id,
    /// The business day of the transfer: the «before / after» split of the metrics.
    pub date: NaiveDate,
    /// The rule in force at the time.
    pub rule: TransferRule,
    /// Each condition's figures on that day, in the rule's order.
    pub outcomes: Vec<ConditionOutcome>,
    /// When it was recorded.
    pub created_at: Timestamp,
    /// When a restore («Вернуть копию») brought it back after it had been deleted: for merges
    /// its last change, later than the tombstone any other copy of the data may still hold.
    /// `None` for a record never brought back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restored_at: Option<Timestamp>,
}
