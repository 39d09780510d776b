//! Lead qualification: a generic weighted scoring engine over a list of criteria, with BANT as the
//! default model and ANUM and CHAMP as ready alternatives.
//!
//! The model is team-wide and editable by the director; assessments store only the levels a rep
//! chose, so a change of the model re-scores every lead at once.

mod assessment;
mod model;
mod score;
mod templates;

pub use assessment::{Assessment, Rating};
pub use model::{
    Criterion, LocalText, MinCriteriaRule, ModelError, ScoringModel, Template, Verdict,
    VerdictBand, MAX_LEVEL, MAX_WEIGHT,
};
pub use score::{needs_confirmation, score, Score};

#[cfg(test)]
mod tests;
