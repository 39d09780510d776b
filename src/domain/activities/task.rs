//! Tasks: something to do by a date, for a client and/or one of its deals, assigned to a team
//! member. Edited field by field (its text, date, assignee, done), merged with its stamps like a
//! client or a deal.

use crate::domain::dates::Timestamp;
use crate::domain::ids::Id;
use crate::domain::stamps::Stamps;
use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

/// Who completed a task and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskDone {
    /// When it was marked done.
    pub at: Timestamp,
    /// Who marked it. History: the person may have left the team since.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<Id>,
}

/// A task (дело).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Task {
    /// Stable unique id.
    pub id: Id,
    /// What to do («Позвонить: давно не заказывал»).
    pub what: String,
    /// The local day it is due.
    pub due: NaiveDate,
    /// The local time it is due, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_time: Option<NaiveTime>,
    /// Who is to do it. Like an assessor, not checked against the team: a task of someone who
    /// left stays readable (open ones pass to the successor on removal).
    pub assignee_id: Id,
    /// The client it is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<Id>,
    /// The deal it is for (then `client_id` is the deal's client).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deal_id: Option<Id>,
    /// Done, by whom and when; `None` while open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<TaskDone>,
    /// When the record was created.
    pub created_at: Timestamp,
    /// When the record was last changed.
    pub updated_at: Timestamp,
    /// When each field last changed, for merging field by field.
    #[serde(default, skip_serializing_if = "Stamps::is_empty")]
    pub stamps: Stamps,
}

crate::fielded!(Task {
    "what" => what,
    "due" => due,
    "due_time" => due_time,
    "assignee_id" => assignee_id,
    "client_id" => client_id,
    "deal_id" => deal_id,
    "done" => done,
});

impl Task {
    /// Whether it is still to be done.
    pub fn is_open(&self) -> bool {
        self.done.is_none()
    }

    /// Whether it is open and its day has passed (`today` is the local day).
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.is_open() && self.due < today
    }
}

/// The answer to «Что дальше?»: the next thing to do and its day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NextStep {
    /// What to do next.
    pub what: String,
    /// By which local day.
    pub due: NaiveDate,
}
