//! Activities: what a rep did with a client — a call, a meeting, an e-mail, a note — with its
//! outcome. A log entry like the stage history: never edited, so copies merge as the union of
//! their entries, one per id.

use crate::domain::dates::Timestamp;
use crate::domain::ids::Id;
use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

/// What kind of contact it was.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityKind {
    /// A phone call.
    #[default]
    Call,
    /// A meeting.
    Meeting,
    /// An e-mail.
    Email,
    /// A note.
    Note,
}

impl ActivityKind {
    /// Every kind, in the order forms offer them.
    pub const ALL: [ActivityKind; 4] = [
        ActivityKind::Call,
        ActivityKind::Meeting,
        ActivityKind::Email,
        ActivityKind::Note,
    ];

    /// The stored name (`call`, `meeting`, `email`, `note`), also a form's option value.
    pub fn key(self) -> &'static str {
        match self {
            ActivityKind::Call => "call",
            ActivityKind::Meeting => "meeting",
            ActivityKind::Email => "email",
            ActivityKind::Note => "note",
        }
    }

    /// The kind named by [`ActivityKind::key`].
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// One contact with a client, as logged.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    /// Stable unique id (among the activities).
    pub id: Id,
    /// Call, meeting, e-mail or note.
    pub kind: ActivityKind,
    /// The client it was with.
    pub client_id: Id,
    /// The deal it was about, if any (one of the client's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deal_id: Option<Id>,
    /// The local day it happened.
    pub date: NaiveDate,
    /// The local time it happened, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<NaiveTime>,
    /// Who logged it. History: the person may have left the team since.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author_id: Option<Id>,
    /// What came of it («договорились о встрече»).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub outcome: String,
    /// Notes.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    /// The task this activity completed, if it was logged as a task's outcome.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task_id: Option<Id>,
    /// When it was logged (never changes).
    pub created_at: Timestamp,
    /// When a restore («Вернуть копию») brought it back after it had been deleted; see
    /// [`crate::domain::transfer::TransferRecord::restored_at`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restored_at: Option<Timestamp>,
}
