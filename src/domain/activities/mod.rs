//! A rep's day: what was done (activities) and what is to be done (tasks). The screens' read
//! models built from them are in [`crate::domain::views`]: `agenda` («Мои дела»),
//! `suggested_calls` and `timeline`.
//!
//! - [`activity`]: [`Activity`], a call, meeting, e-mail or note on a client (and perhaps one of
//!   its deals); never edited, so two copies merge as the union of their entries, like the stage
//!   history;
//! - [`task`]: [`Task`], something to do by a date for a client and/or deal, edited field by
//!   field (done / not done included) and merged with its stamps like any edited record;
//! - `views::agenda`: «Мои дела» — a person's open tasks and deals' next steps grouped overdue /
//!   today / this week / later, and which open deals have no next step at all;
//! - `views::suggested_calls`: the farmer's suggested «позвонить: давно не заказывал» tasks, computed from
//!   the «пора заказывать» rule of «Мои клиенты» and stored only when accepted;
//! - `views::timeline`: a client's history, newest first.
//!
//! **A deal's next step is its own task.** The deal keeps its next step (text and date) on the
//! deal, as before, and «Мои дела» shows it as one of its owner's tasks; completing it asks
//! «Что дальше?» and the answer becomes the deal's new next step. Stored [`Task`]s are the other
//! things to do: a farmer's calls, a second task on a deal. Completing a stored task linked to a
//! deal puts the answer on the deal too. So every open deal that had a next step keeps exactly
//! one, with nothing migrated or copied: two devices editing it still merge per field, as the
//! deal's fields always did, and no second record can drift out of step with the deal. A deal is
//! flagged when it has neither a next step nor an open task (`views::agenda::lacks_next_step`).

pub mod activity;
pub mod task;

pub use activity::{Activity, ActivityKind};
pub use task::{NextStep, Task, TaskDone};
