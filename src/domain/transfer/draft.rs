//! The rule editor's contents: the transfer rule and thresholds as typed, validated into a
//! [`TransferPolicy`] in the manner of the other drafts (nothing typed is lost while invalid).

use super::{Combinator, Condition, RuleError, TransferPolicy, TransferRule};
use crate::domain::ids::Id;
use crate::domain::metrics::{ActivityThresholds, ThresholdsError};
use crate::domain::money::Money;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// Which kind of condition a row of the editor is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ConditionKind {
    /// [`Condition::OrderCount`].
    OrderCount,
    /// [`Condition::Volume`].
    Volume,
    /// [`Condition::BoughtProduct`].
    BoughtProduct,
    /// [`Condition::BoughtGroup`].
    BoughtGroup,
    /// [`Condition::MonthlyMinimum`].
    MonthlyMinimum,
    /// [`Condition::MinimumOrder`].
    MinimumOrder,
    /// [`Condition::DaysSinceFirstOrder`].
    DaysSinceFirstOrder,
}

impl ConditionKind {
    /// Every kind, in the order the editor offers them.
    pub const ALL: [ConditionKind; 7] = [
        ConditionKind::OrderCount,
        ConditionKind::Volume,
        ConditionKind::BoughtProduct,
        ConditionKind::BoughtGroup,
        ConditionKind::MonthlyMinimum,
        ConditionKind::MinimumOrder,
        ConditionKind::DaysSinceFirstOrder,
    ];
}

/// One condition row as typed. Every kind's fields are kept, so switching the kind back and
/// forth does not lose what was typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConditionDraft {
    /// The kind chosen.
    pub kind: ConditionKind,
    /// N orders, K or M months or D days, as typed.
    pub count: String,
    /// X ₽ as typed.
    pub amount: String,
    /// M months of the volume window as typed (empty: all time).
    pub within_months: String,
    /// The product or group id chosen.
    pub target: String,
}

/// The whole editor: the rule and the sleeping / lost thresholds. Serialisable so an open rule
/// editor can follow changes made elsewhere field by field (see `domain::form_edit`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyDraft {
    /// ALL or ANY.
    pub combinator: Combinator,
    /// The condition rows.
    pub conditions: Vec<ConditionDraft>,
    /// Days to sleeping, as typed.
    pub sleeping_days: String,
    /// Days to lost, as typed.
    pub lost_days: String,
}

/// Why the editor's contents cannot be saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PolicyDraftError {
    /// Condition `index` needs a whole number where it has something else.
    NotANumber(usize),
    /// Condition `index` needs an amount in roubles.
    BadAmount(usize),
    /// The rule itself is invalid.
    Rule(RuleError),
    /// A threshold is not a whole number of days.
    ThresholdNotANumber,
    /// The thresholds are inconsistent.
    Thresholds(ThresholdsError),
}

impl ConditionDraft {
    /// A fresh row of `kind` with the handbook's usual figures filled in.
    pub fn new(kind: ConditionKind) -> ConditionDraft {
        let (count, amount) = match kind {
            ConditionKind::OrderCount => ("2", ""),
            ConditionKind::Volume => ("", "250 000"),
            ConditionKind::MonthlyMinimum | ConditionKind::MinimumOrder => ("3", "50 000"),
            ConditionKind::DaysSinceFirstOrder => ("90", ""),
            ConditionKind::BoughtProduct | ConditionKind::BoughtGroup => ("", ""),
        };
        ConditionDraft {
            kind,
            count: count.to_owned(),
            amount: amount.to_owned(),
            within_months: String::new(),
            target: String::new(),
        }
    }

    fn from_condition(condition: &Condition) -> ConditionDraft {
        let mut d = ConditionDraft::new(ConditionKind::OrderCount);
        match condition {
            Condition::OrderCount { at_least } => d.count = at_least.to_string(),
            Condition::Volume {
                at_least,
                within_months,
            } => {
                d.kind = ConditionKind::Volume;
                d.amount = at_least.to_input();
                d.within_months = within_months.map(|m| m.to_string()).unwrap_or_default();
            }
            Condition::BoughtProduct { product_id } => {
                d.kind = ConditionKind::BoughtProduct;
                d.target = product_id.to_string();
            }
            Condition::BoughtGroup { group_id } => {
                d.kind = ConditionKind::BoughtGroup;
                d.target = group_id.to_string();
            }
            Condition::MonthlyMinimum { months, at_least } => {
                d.kind = ConditionKind::MonthlyMinimum;
                d.count = months.to_string();
                d.amount = at_least.to_input();
            }
            Condition::MinimumOrder { months, at_least } => {
                d.kind = ConditionKind::MinimumOrder;
                d.count = months.to_string();
                d.amount = at_least.to_input();
            }
            Condition::DaysSinceFirstOrder { at_least } => {
                d.kind = ConditionKind::DaysSinceFirstOrder;
                d.count = at_least.to_string();
            }
        }
        d
    }

    fn to_condition(&self, index: usize) -> Result<Condition, PolicyDraftError> {
        let count = || {
            self.count
                .trim()
                .parse::<u32>()
                .map_err(|_| PolicyDraftError::NotANumber(index))
        };
        let amount = || Money::parse(&self.amount).map_err(|_| PolicyDraftError::BadAmount(index));
        Ok(match self.kind {
            ConditionKind::OrderCount => Condition::OrderCount { at_least: count()? },
            ConditionKind::Volume => Condition::Volume {
                at_least: amount()?,
                within_months: match self.within_months.trim() {
                    "" => None,
                    m => Some(m.parse().map_err(|_| PolicyDraftError::NotANumber(index))?),
                },
            },
            ConditionKind::BoughtProduct => Condition::BoughtProduct {
                product_id: Id::from_raw(self.target.trim()),
            },
            ConditionKind::BoughtGroup => Condition::BoughtGroup {
                group_id: Id::from_raw(self.target.trim()),
            },
            ConditionKind::MonthlyMinimum => Condition::MonthlyMinimum {
                months: count()?,
                at_least: amount()?,
            },
            ConditionKind::MinimumOrder => Condition::MinimumOrder {
                months: count()?,
                at_least: amount()?,
            },
            ConditionKind::DaysSinceFirstOrder => {
                Condition::DaysSinceFirstOrder { at_least: count()? }
            }
        })
    }
}

impl PolicyDraft {
    /// The editor filled with the saved policy.
    pub fn from_policy(policy: &TransferPolicy) -> PolicyDraft {
        PolicyDraft {
            combinator: policy.rule.combinator,
            conditions: policy
                .rule
                .conditions
                .iter()
                .map(ConditionDraft::from_condition)
                .collect(),
            sleeping_days: policy.thresholds.sleeping_days.to_string(),
            lost_days: policy.thresholds.lost_days.to_string(),
        }
    }

    /// The rule as far as it reads, for the «what if» preview: rows that do not read yet are
    /// left out, so the preview follows the typing instead of going blank.
    pub fn readable_rule(&self) -> TransferRule {
        TransferRule {
            combinator: self.combinator,
            conditions: self
                .conditions
                .iter()
                .enumerate()
                .filter_map(|(i, c)| c.to_condition(i).ok())
                .collect(),
        }
    }

    /// Validates every row and the thresholds against the catalogue; all problems at once.
    /// `updated_at` is left at the epoch: the workspace stamps it when it stores the policy.
    pub fn to_policy(
        &self,
        known_products: &HashSet<Id>,
        known_groups: &HashSet<Id>,
    ) -> Result<TransferPolicy, Vec<PolicyDraftError>> {
        let mut errors = Vec::new();
        let mut conditions = Vec::new();
        for (i, row) in self.conditions.iter().enumerate() {
            match row.to_condition(i) {
                Ok(c) => conditions.push((i, c)),
                Err(e) => errors.push(e),
            }
        }
        let rule = TransferRule {
            combinator: self.combinator,
            conditions: conditions.iter().map(|(_, c)| c.clone()).collect(),
        };
        if self.conditions.is_empty() {
            errors.push(PolicyDraftError::Rule(RuleError::NoConditions));
        } else if let Err(list) = rule.validate(known_products, known_groups) {
            // Indices from `validate` count the rows that read; map them back to the form's
            // rows. «No conditions» here only means every row failed to read, which is
            // already reported row by row.
            errors.extend(list.into_iter().filter_map(|e| match e {
                RuleError::Condition { index, problem } => {
                    Some(PolicyDraftError::Rule(RuleError::Condition {
                        index: conditions.get(index).map_or(index, |(row, _)| *row),
                        problem,
                    }))
                }
                RuleError::NoConditions => None,
            }));
        }
        let days = |s: &str| s.trim().parse::<u32>().ok();
        let thresholds = match (days(&self.sleeping_days), days(&self.lost_days)) {
            (Some(sleeping_days), Some(lost_days)) => {
                let t = ActivityThresholds {
                    sleeping_days,
                    lost_days,
                };
                if let Err(e) = t.validate() {
                    errors.push(PolicyDraftError::Thresholds(e));
                }
                Some(t)
            }
            _ => {
                errors.push(PolicyDraftError::ThresholdNotANumber);
                None
            }
        };
        match (thresholds, errors.is_empty()) {
            (Some(thresholds), true) => Ok(TransferPolicy {
                rule,
                thresholds,
                updated_at: Default::default(),
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::transfer::ConditionProblem;

    fn ids(list: &[&str]) -> HashSet<Id> {
        list.iter().map(|s| Id::from_raw(*s)).collect()
    }

    #[test]
    fn a_policy_round_trips_through_the_editor() {
        let policy = TransferPolicy {
            rule: TransferRule {
                combinator: Combinator::Any,
                conditions: vec![
                    Condition::OrderCount { at_least: 3 },
                    Condition::Volume {
                        at_least: Money::from_kopecks(25_000_050),
                        within_months: Some(6),
                    },
                    Condition::BoughtGroup {
                        group_id: Id::from_raw("g1"),
                    },
                    Condition::monthly_minimum(Money::from_rubles(50_000)),
                    Condition::MinimumOrder {
                        months: 6,
                        at_least: Money::from_kopecks(4_200_050),
                    },
                    Condition::DaysSinceFirstOrder { at_least: 90 },
                ],
            },
            thresholds: ActivityThresholds {
                sleeping_days: 120,
                lost_days: 300,
            },
            updated_at: Default::default(),
        };
        let draft = PolicyDraft::from_policy(&policy);
        assert_eq!(draft.to_policy(&ids(&[]), &ids(&["g1"])), Ok(policy));
    }

    #[test]
    fn every_problem_names_its_row() {
        let mut draft = PolicyDraft::from_policy(&TransferPolicy::default());
        draft.conditions.push(ConditionDraft {
            count: "три".into(),
            ..ConditionDraft::new(ConditionKind::OrderCount)
        });
        draft.conditions.push(ConditionDraft {
            amount: "0".into(),
            ..ConditionDraft::new(ConditionKind::Volume)
        });
        draft
            .conditions
            .push(ConditionDraft::new(ConditionKind::BoughtProduct));
        draft.lost_days = "100".into();
        let errors = draft.to_policy(&ids(&[]), &ids(&[])).unwrap_err();
        assert_eq!(
            errors,
            [
                PolicyDraftError::NotANumber(1),
                PolicyDraftError::Rule(RuleError::Condition {
                    index: 2,
                    problem: ConditionProblem::NonPositiveAmount
                }),
                PolicyDraftError::Rule(RuleError::Condition {
                    index: 3,
                    problem: ConditionProblem::UnknownProduct(Id::from_raw(""))
                }),
                PolicyDraftError::Thresholds(ThresholdsError::LostNotAfterSleeping),
            ]
        );
        // The preview still uses the rows that read.
        assert_eq!(draft.readable_rule().conditions.len(), 3);
    }

    #[test]
    fn an_empty_rule_is_refused() {
        let mut draft = PolicyDraft::from_policy(&TransferPolicy::default());
        draft.conditions.clear();
        assert_eq!(
            draft.to_policy(&ids(&[]), &ids(&[])),
            Err(vec![PolicyDraftError::Rule(RuleError::NoConditions)])
        );
    }
}
