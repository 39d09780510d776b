//! The end of a deal: won (the first sale, with its amount and, when it came from an order, that
//! order) or lost, with a reason from the director's list or in the rep's own words.

use crate::domain::dates::Timestamp;
use crate::domain::ids::Id;
use crate::domain::money::Money;
use serde::{Deserialize, Serialize};

/// A built-in reason for losing a deal; the interface names it in the user's language. The
/// defaults are the usual ones of B2B sales (see the sales method's list).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LostReasonKey {
    /// «Нет бюджета».
    NoBudget,
    /// «Выбрали конкурента».
    Competitor,
    /// «Нет ЛПР / не вышли на ЛПР».
    NoDecisionMaker,
    /// «Потребность пропала».
    NeedGone,
    /// «Не устроила цена».
    Price,
    /// «Не устроили сроки».
    Timing,
    /// «Не отвечает».
    NoAnswer,
}

impl LostReasonKey {
    /// The default list, in the order the closing form offers it.
    pub const DEFAULTS: [LostReasonKey; 7] = [
        LostReasonKey::NoBudget,
        LostReasonKey::Competitor,
        LostReasonKey::NoDecisionMaker,
        LostReasonKey::NeedGone,
        LostReasonKey::Price,
        LostReasonKey::Timing,
        LostReasonKey::NoAnswer,
    ];
}

/// Why a deal was lost: a built-in reason (`key`, named in the reader's language) or the team's
/// own words (`text`). A reason is copied onto the deal when it closes, so a later edit of the
/// director's list does not rewrite why old deals were lost.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct LostReason {
    /// The built-in reason, if it is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<LostReasonKey>,
    /// The words of a reason of the team's own (empty for a built-in one).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
}

impl LostReason {
    /// A built-in reason.
    pub fn builtin(key: LostReasonKey) -> Self {
        LostReason {
            key: Some(key),
            text: String::new(),
        }
    }

    /// A reason in the team's own words (trimmed).
    pub fn custom(text: &str) -> Self {
        LostReason {
            key: None,
            text: text.trim().to_owned(),
        }
    }

    /// Neither a built-in reason nor any words: not a reason.
    pub fn is_blank(&self) -> bool {
        self.key.is_none() && self.text.trim().is_empty()
    }
}

/// How a closed deal ended. A deal without one is open: it sits on the board.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Closure {
    /// Won: the first sale happened.
    Won {
        /// The amount won (the first order's total when it came from an order).
        amount: Money,
        /// The order that won it, if any. History, not a reference: the order may be edited
        /// or deleted later and the deal stays won.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        order_id: Option<Id>,
        /// When it was closed.
        at: Timestamp,
    },
    /// Lost.
    Lost {
        /// Why.
        reason: LostReason,
        /// The rep's comment, if any.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        note: String,
        /// When it was closed.
        at: Timestamp,
    },
}

impl Closure {
    /// When the deal was closed.
    pub fn at(&self) -> Timestamp {
        match self {
            Closure::Won { at, .. } | Closure::Lost { at, .. } => *at,
        }
    }

    /// The same outcome closed at `when`.
    pub fn with_at(mut self, when: Timestamp) -> Self {
        match &mut self {
            Closure::Won { at, .. } | Closure::Lost { at, .. } => *at = when,
        }
        self
    }

    /// Whether the deal was won.
    pub fn is_won(&self) -> bool {
        matches!(self, Closure::Won { .. })
    }
}
