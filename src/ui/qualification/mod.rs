//! Lead qualification in the UI: the verdict badge, the assessment form, the history.

mod assess_form;
mod badge;
mod filter;
mod history;

pub use assess_form::AssessmentForm;
pub use badge::VerdictBadge;
pub use filter::{VerdictChoice, VerdictFilter};
pub use history::AssessmentHistory;
