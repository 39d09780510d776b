//! Scoring an assessment against the model.

use super::assessment::Assessment;
use super::model::{ScoringModel, Verdict, MAX_LEVEL};

/// The score of a deal under the current model.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Score {
    /// Weighted points.
    pub points: u32,
    /// The highest possible points.
    pub max: u32,
    /// The verdict after every rule.
    pub verdict: Verdict,
    /// Keys of criteria still unknown (they count as 0).
    pub unknown: Vec<String>,
    /// Whether the "N of M" rule held the verdict below «квалифицирован».
    pub capped_by_rule: bool,
}

/// Scores an assessment. Unknown criteria count as 0 and are listed; with the "N of M" rule on, a
/// lead with too few strong criteria is at most «прогревать», whatever its points.
pub fn score(model: &ScoringModel, assessment: &Assessment) -> Score {
    let mut points = 0;
    let mut unknown = Vec::new();
    let mut strong = 0;
    for c in &model.criteria {
        match assessment.level(&c.key) {
            Some(level) => {
                let level = level.min(MAX_LEVEL);
                points += c.weight * u32::from(level);
                if model.min_criteria.is_some_and(|r| level >= r.min_level) {
                    strong += 1;
                }
            }
            None => unknown.push(c.key.clone()),
        }
    }
    let banded = model.band_of(points).unwrap_or(Verdict::Unqualified);
    let capped_by_rule =
        banded.is_qualified() && model.min_criteria.is_some_and(|r| strong < r.count);
    Score {
        points,
        max: model.max_score(),
        verdict: if capped_by_rule {
            Verdict::Nurture
        } else {
            banded
        },
        unknown,
        capped_by_rule,
    }
}

/// Whether moving a deal from the stage at `from_index` to the one at `target_index` needs the
/// user's confirmation: a lead that is not qualified (or never assessed) must not silently cross
/// into the proposal stage («КП») or beyond. Moves within that zone or backwards need none.
pub fn needs_confirmation(
    current: Option<&Score>,
    from_index: usize,
    target_index: usize,
    proposal_index: Option<usize>,
) -> bool {
    let Some(proposal) = proposal_index else {
        return false;
    };
    from_index < proposal
        && target_index >= proposal
        && !current.is_some_and(|s| s.verdict.is_qualified())
}
