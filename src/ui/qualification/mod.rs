//! Lead qualification in the UI: the verdict badge, the assessment form, the history.

mod assess_form;
mod badge;
mod history;

pub use assess_form::AssessmentForm;
pub use badge::{verdict_code, VerdictBadge};
pub use history::AssessmentHistory;
