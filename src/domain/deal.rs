//! Deals: a hunter's attempt to win a sale, moving through the pipeline stages.

use super::dates::Timestamp;
use super::deal_flow::Closure;
use super::ids::Id;
use super::money::Money;
use super::stamps::Stamps;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A deal (сделка) with a client, sitting in one pipeline stage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deal {
    /// Stable unique id.
    pub id: Id,
    /// The client the deal is with.
    pub client_id: Id,
    /// What is being sold, e.g. «Поставка упаковки, пилот».
    pub title: String,
    /// The pipeline stage the deal is in.
    pub stage_id: Id,
    /// Expected amount of the sale.
    #[serde(default)]
    pub amount: Money,
    /// The team member working the deal.
    pub owner_id: Id,
    /// The agreed next step: every open deal should have one, with a date.
    #[serde(default)]
    pub next_step: String,
    /// When the next step is due.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_step_date: Option<NaiveDate>,
    /// How the deal ended; `None` while it is open (on the board). A closed deal keeps its
    /// stage, so reopening puts it back where it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed: Option<Closure>,
    /// The checklist items (of any stage) the rep ticked, by item id. Merged as one field: the
    /// later tick or untick wins, so an untick is not undone by a copy that still had the tick
    /// (a union would bring it back).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checklist_done: Vec<Id>,
    /// When the record was created.
    pub created_at: Timestamp,
    /// When the record was last changed.
    pub updated_at: Timestamp,
    /// When each field last changed, for merging field by field.
    #[serde(default, skip_serializing_if = "Stamps::is_empty")]
    pub stamps: Stamps,
}

crate::fielded!(Deal {
    "client_id" => client_id,
    "title" => title,
    "stage_id" => stage_id,
    "amount" => amount,
    "owner_id" => owner_id,
    "next_step" => next_step,
    "next_step_date" => next_step_date,
    "closed" => closed,
    "checklist_done" => checklist_done,
});

impl Deal {
    /// Whether the deal is still being worked: not won, not lost.
    pub fn is_open(&self) -> bool {
        self.closed.is_none()
    }

    /// Whether the next step is missing or its date has passed: such deals need attention.
    pub fn needs_attention(&self, today: NaiveDate) -> bool {
        self.is_open() && self.next_step.trim().is_empty()
            || self.next_step_date.is_none_or(|d| d < today)
    }

    /// Whether the next step's date is before `today`.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.next_step_date.is_some_and(|d| d < today)
    }
}
