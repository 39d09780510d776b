//! The scoring model: criteria with weights and level texts, verdict bands, the optional
//! "N of M criteria" rule, and its validation.

use crate::domain::dates::Timestamp;
use crate::lang::Lang;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The highest level of every criterion (levels run 0..=4).
pub const MAX_LEVEL: u8 = 4;
/// The largest weight a criterion may have; more is surely a typo.
pub const MAX_WEIGHT: u32 = 100;

/// A text the director may edit, kept in both interface languages.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct LocalText {
    /// Russian.
    pub ru: String,
    /// English.
    pub en: String,
}

impl LocalText {
    /// A text in both languages.
    pub fn new(ru: &str, en: &str) -> Self {
        LocalText {
            ru: ru.to_owned(),
            en: en.to_owned(),
        }
    }

    /// The text in `lang`, falling back to the other language when a director wrote only one.
    pub fn get(&self, lang: Lang) -> &str {
        let (first, second) = match lang {
            Lang::Ru => (&self.ru, &self.en),
            Lang::En => (&self.en, &self.ru),
        };
        if first.trim().is_empty() {
            second
        } else {
            first
        }
    }

    /// Replaces the text in `lang` (what the director edits in the interface's language),
    /// leaving the other language's text as it is.
    pub fn set(&mut self, lang: Lang, value: String) {
        match lang {
            Lang::Ru => self.ru = value,
            Lang::En => self.en = value,
        }
    }
}

/// One qualification criterion, e.g. Budget.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Criterion {
    /// Stable key; assessments refer to it. The three templates share the keys `budget`,
    /// `authority`, `need`, `timeline` for their matching criteria, so assessments survive a
    /// switch of template.
    pub key: String,
    /// Display name, e.g. «Бюджет».
    pub name: LocalText,
    /// Weight in the sum (0 switches the criterion off).
    pub weight: u32,
    /// What each level 0..=4 means, shown to the rep.
    pub levels: Vec<LocalText>,
    /// Questions that help find the level.
    pub questions: Vec<LocalText>,
}

/// The verdict on a lead.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Не квалифицирован: do not spend effort.
    Unqualified,
    /// Прогревать: keep in touch, not ready.
    Nurture,
    /// Квалифицирован: work it.
    Qualified,
    /// Приоритет: follow up at once.
    Priority,
}

impl Verdict {
    /// All verdicts from worst to best.
    pub const ALL: [Verdict; 4] = [
        Verdict::Unqualified,
        Verdict::Nurture,
        Verdict::Qualified,
        Verdict::Priority,
    ];

    /// Whether a lead with this verdict may go to a proposal without a second thought.
    pub fn is_qualified(self) -> bool {
        self >= Verdict::Qualified
    }
}

/// A score range (inclusive) and its verdict.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerdictBand {
    /// The verdict.
    pub verdict: Verdict,
    /// Lowest score in the band.
    pub from: u32,
    /// Highest score in the band.
    pub to: u32,
}

/// "A lead is qualified only if at least `count` criteria are at level `min_level` or higher."
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MinCriteriaRule {
    /// How many criteria must reach the level (3 in the classic "3 of 4").
    pub count: u32,
    /// The level they must reach (2 by default).
    pub min_level: u8,
}

impl Default for MinCriteriaRule {
    fn default() -> Self {
        MinCriteriaRule {
            count: 3,
            min_level: 2,
        }
    }
}

/// A ready-made qualification model.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Template {
    /// Budget, Authority, Need, Timeline (IBM).
    Bant,
    /// Authority, Need, Urgency, Money.
    Anum,
    /// Challenges, Authority, Money, Prioritization.
    Champ,
}

impl Template {
    /// Every template.
    pub const ALL: [Template; 3] = [Template::Bant, Template::Anum, Template::Champ];

    /// The template's short name.
    pub fn label(self) -> &'static str {
        match self {
            Template::Bant => "BANT",
            Template::Anum => "ANUM",
            Template::Champ => "CHAMP",
        }
    }
}

/// The team's qualification model.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoringModel {
    /// The template it started from.
    pub template: Template,
    /// The criteria in display order.
    pub criteria: Vec<Criterion>,
    /// Verdict bands, covering 0..=max score.
    pub bands: Vec<VerdictBand>,
    /// The "3 of 4" rule, when switched on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_criteria: Option<MinCriteriaRule>,
    /// When the director last changed it.
    #[serde(default)]
    pub updated_at: Timestamp,
}

/// Why a model cannot be saved.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ModelError {
    /// A model needs at least one criterion.
    #[error("no criteria")]
    NoCriteria,
    /// A criterion has no name.
    #[error("criterion {0} has no name")]
    UnnamedCriterion(usize),
    /// Two criteria share a key.
    #[error("duplicate criterion key {0}")]
    DuplicateKey(String),
    /// A criterion does not describe exactly five levels.
    #[error("criterion {0} must describe levels 0 to 4")]
    LevelCount(usize),
    /// A weight is over [`MAX_WEIGHT`].
    #[error("criterion {0} has a weight over {MAX_WEIGHT}")]
    WeightTooLarge(usize),
    /// Every weight is zero, so every lead would score 0.
    #[error("all weights are zero")]
    AllWeightsZero,
    /// A band ends before it starts.
    #[error("band {0} ends before it starts")]
    BandReversed(usize),
    /// The first band does not start at 0.
    #[error("the bands must start at 0")]
    BandsStartLate,
    /// A gap between two bands.
    #[error("no verdict for scores {from} to {to}")]
    BandGap {
        /// First uncovered score.
        from: u32,
        /// Last uncovered score.
        to: u32,
    },
    /// Two bands overlap.
    #[error("bands overlap at score {0}")]
    BandOverlap(u32),
    /// The last band ends before or after the highest possible score.
    #[error("the bands must end at the highest score {max}, not {end}")]
    BandsEnd {
        /// Highest possible score.
        max: u32,
        /// Where the bands end.
        end: u32,
    },
    /// Verdicts out of order (a higher band with a worse verdict).
    #[error("verdicts must rise with the score")]
    VerdictOrder,
    /// The "N of M" rule asks for more criteria than there are, or none.
    #[error("the rule needs 1 to {0} criteria")]
    MinCriteriaCount(usize),
    /// The "N of M" rule's level is over 4.
    #[error("the rule's level must be 0 to 4")]
    MinCriteriaLevel,
}

impl ScoringModel {
    /// The highest possible score: every criterion at level 4.
    pub fn max_score(&self) -> u32 {
        // Saturating: a model read from a file may carry absurd weights, and must be reported
        // as invalid (`WeightTooLarge`) rather than overflow.
        self.criteria
            .iter()
            .map(|c| c.weight.saturating_mul(u32::from(MAX_LEVEL)))
            .fold(0, u32::saturating_add)
    }

    /// The criterion with this key.
    pub fn criterion(&self, key: &str) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.key == key)
    }

    /// The verdict band a score falls in.
    pub fn band_of(&self, points: u32) -> Option<Verdict> {
        self.bands
            .iter()
            .find(|b| (b.from..=b.to).contains(&points))
            .map(|b| b.verdict)
    }

    /// Every problem that stops the model from being saved; empty means valid.
    pub fn problems(&self) -> Vec<ModelError> {
        let mut errors = Vec::new();
        if self.criteria.is_empty() {
            errors.push(ModelError::NoCriteria);
        }
        let mut keys = std::collections::HashSet::new();
        for (i, c) in self.criteria.iter().enumerate() {
            if c.name.ru.trim().is_empty() && c.name.en.trim().is_empty() {
                errors.push(ModelError::UnnamedCriterion(i));
            }
            if !keys.insert(c.key.as_str()) {
                errors.push(ModelError::DuplicateKey(c.key.clone()));
            }
            if c.levels.len() != usize::from(MAX_LEVEL) + 1 {
                errors.push(ModelError::LevelCount(i));
            }
            if c.weight > MAX_WEIGHT {
                errors.push(ModelError::WeightTooLarge(i));
            }
        }
        if !self.criteria.is_empty() && self.criteria.iter().all(|c| c.weight == 0) {
            errors.push(ModelError::AllWeightsZero);
        }
        errors.extend(self.band_problems());
        if let Some(rule) = self.min_criteria {
            if rule.count == 0 || rule.count as usize > self.criteria.len() {
                errors.push(ModelError::MinCriteriaCount(self.criteria.len()));
            }
            if rule.min_level > MAX_LEVEL {
                errors.push(ModelError::MinCriteriaLevel);
            }
        }
        errors
    }

    fn band_problems(&self) -> Vec<ModelError> {
        let mut errors = Vec::new();
        for (i, b) in self.bands.iter().enumerate() {
            if b.to < b.from {
                errors.push(ModelError::BandReversed(i));
            }
        }
        if !errors.is_empty() || self.bands.is_empty() {
            return errors;
        }
        let mut bands: Vec<&VerdictBand> = self.bands.iter().collect();
        crate::domain::sort::sort_by_key(&mut bands, |b| (b.from, b.to));
        if bands[0].from > 0 {
            errors.push(ModelError::BandsStartLate);
        }
        for pair in bands.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            if b.from > a.to.saturating_add(1) {
                errors.push(ModelError::BandGap {
                    from: a.to + 1,
                    to: b.from - 1,
                });
            } else if b.from <= a.to {
                errors.push(ModelError::BandOverlap(b.from));
            }
            if b.verdict <= a.verdict {
                errors.push(ModelError::VerdictOrder);
            }
        }
        let max = self.max_score();
        let end = bands.iter().map(|b| b.to).max().unwrap_or(0);
        if end != max {
            errors.push(ModelError::BandsEnd { max, end });
        }
        errors
    }

    /// Re-spreads the bands over `0..=max_score()` in the default proportions (a quarter each),
    /// for when weights changed and the old bands no longer fit.
    pub fn rescale_bands(&mut self) {
        let max = self.max_score();
        let cut = |quarter: u32| (max * quarter).div_ceil(4);
        // For the default 16 points: 0–4, 5–8, 9–12, 13–16.
        let ends = [cut(1), cut(2), cut(3), max];
        let mut from = 0;
        self.bands = Verdict::ALL
            .iter()
            .zip(ends)
            .map(|(verdict, to)| {
                let band = VerdictBand {
                    verdict: *verdict,
                    from,
                    to: to.max(from),
                };
                from = band.to + 1;
                band
            })
            .collect();
    }
}
