//! Why data cannot be restored, from storage or a file: one variant per check, each with the
//! JSON path of the offending value where there is one (e.g. `workspace.deals[4].client_id`).
//! Plain data: the words are the translation layer's (`i18n::restore`).

use crate::domain::deal_flow::SettingsProblem;
use crate::domain::ids::Id;
use crate::domain::qualification::ModelError;
use crate::domain::sales_plan::PlanProblem;
use crate::domain::transfer::PolicyError;
use crate::domain::workspace::IntegrityProblem;
use crate::format::order_book::OrderBookError;
use thiserror::Error;

/// How many problems a [`Rejection`] lists at most; the rest are only counted. Twenty is enough
/// to see a pattern («every order of 2019 has a bad date») without a wall of text.
pub const MAX_LISTED_PROBLEMS: usize = 20;

/// One reason data is refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RestoreError {
    /// The file is over the size limit (`snapshot::MAX_SNAPSHOT_BYTES`); checked before parsing.
    #[error("the file has {bytes} bytes, more than the {limit} a snapshot may have")]
    TooLarge {
        /// The file's size.
        bytes: usize,
        /// The limit.
        limit: usize,
    },
    /// Nothing is stored where the data was expected (a backup removed by another tab).
    #[error("nothing is stored there")]
    Nothing,
    /// A packed stored value that does not unpack (truncated or altered).
    #[error("the packed data is damaged: {0}")]
    Damaged(String),
    /// Not JSON (or truncated): where the parser stopped.
    #[error("not valid JSON at line {line}, column {column}: {message}")]
    NotJson {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The parser's message (for support; people are shown the line and column).
        message: String,
    },
    /// A key given twice in one object, where reading on would silently keep only one.
    #[error("{path}: the key {key:?} appears twice")]
    DuplicateKey {
        /// The object holding the key (empty for the top level).
        path: String,
        /// The key.
        key: String,
    },
    /// JSON, but not a Salesdesk workspace (`format` is something else or missing).
    #[error("not a Salesdesk snapshot (format {found:?})")]
    WrongFormat {
        /// The `format` found ("" when missing or not a string).
        found: String,
    },
    /// Written by a newer Salesdesk: refused rather than read with fields silently dropped.
    #[error("written by a newer version of Salesdesk (format version {found}, this one reads up to {supported})")]
    FutureVersion {
        /// The file's version.
        found: u64,
        /// The newest version this build reads.
        supported: u64,
    },
    /// `version` is missing or not a whole number from 1.
    #[error("version: a whole number from 1 is required")]
    BadVersion,
    /// A field is missing or holds a value of the wrong kind.
    #[error("{path}: {problem}")]
    Field {
        /// Where, e.g. `workspace.orders[3].lines[0].amount` (for a missing field, the record
        /// that lacks it).
        path: String,
        /// What is wrong.
        problem: FieldProblem,
    },
    /// The column-wise orders (`workspace.order_book`) do not fit together.
    #[error("workspace.order_book: {0}")]
    OrderBook(OrderBookError),
    /// A second record with an id already used (ids are unique across members, clients, deals,
    /// stages, product groups, products, orders and transfers; assessments among themselves).
    #[error("{path}: the id {id} is already used")]
    DuplicateId {
        /// The second occurrence, e.g. `workspace.clients[7].id`.
        path: String,
        /// The id.
        id: Id,
    },
    /// A reference to a record the file does not hold.
    #[error("{path}: no record with id {id}")]
    MissingReference {
        /// The referring field, e.g. `workspace.deals[4].client_id`.
        path: String,
        /// The id referred to.
        id: Id,
    },
    /// An amount out of its range: an order line not above zero, a deal amount or yearly spend
    /// below zero, anything above [`crate::domain::Money::MAX`] (an order's total included).
    #[error("{path}: the amount {kopecks} kopecks is out of range")]
    BadAmount {
        /// Where.
        path: String,
        /// The amount found, in kopecks.
        kopecks: i64,
    },
    /// A value that does not have its form: a КПП that is not 9 digits, a quantity of zero.
    #[error("{path}: the value {value} is not valid here")]
    BadValue {
        /// Where.
        path: String,
        /// The value found.
        value: String,
    },
    /// An order without lines.
    #[error("{path}: an order needs at least one line")]
    EmptyOrder {
        /// The order's `lines`.
        path: String,
    },
    /// A qualification level above 4.
    #[error("{path}: level {level} is outside 0 to 4")]
    LevelOutOfRange {
        /// Where.
        path: String,
        /// The level found.
        level: u8,
    },
    /// A date or timestamp outside the accepted range (see [`super::DateLimits`]).
    #[error("{path}: the date {value} is out of range")]
    DateOutOfRange {
        /// Where.
        path: String,
        /// The value as written (ISO 8601).
        value: String,
    },
    /// The scoring model would be refused by the settings page.
    #[error("workspace.scoring_model: invalid model: {0:?}")]
    InvalidScoringModel(Vec<ModelError>),
    /// The transfer rule or thresholds would be refused by the settings page.
    #[error("workspace.transfer_policy: {0}")]
    InvalidTransferPolicy(PolicyError),
    /// The lost reasons or stage limits would be refused by the settings page.
    #[error("workspace.pipeline_settings: invalid settings: {0:?}")]
    InvalidPipelineSettings(Vec<SettingsProblem>),
    /// A sales plan the settings page would refuse (a bad month, id or target).
    #[error("{path}: invalid sales plan: {problems:?}")]
    InvalidSalesPlan {
        /// The plan's place in the file.
        path: String,
        /// What is wrong.
        problems: Vec<PlanProblem>,
    },
    /// A lost deal without a reason (neither a built-in one nor words).
    #[error("{path}: a lost deal needs a reason")]
    BlankLostReason {
        /// The deal's `closed.reason`.
        path: String,
    },
    /// The records do not hang together in a way the checks above did not name.
    #[error("inconsistent data: {0}")]
    Inconsistent(IntegrityProblem),
}

/// What is wrong with one field, as plain data.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FieldProblem {
    /// A required field is absent.
    #[error("the field {0:?} is missing")]
    Missing(String),
    /// A value of another kind than the field takes (text for a number, a list for a record…).
    #[error("expected {expected:?}, found {found:?}")]
    WrongKind {
        /// What the field takes.
        expected: ValueKind,
        /// What the file holds there.
        found: FoundValue,
    },
    /// A value of the right kind that the field does not take: a word not on its list, a
    /// number out of its range, a date that does not parse.
    #[error("{found:?} is not a valid {expected:?}")]
    NotAllowed {
        /// What the field takes.
        expected: ValueKind,
        /// What the file holds there.
        found: FoundValue,
    },
}

/// The kind of value a field takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    /// A whole number (amounts in kopecks, counts, levels).
    WholeNumber,
    /// Any number.
    Number,
    /// Text.
    Text,
    /// `true` or `false`.
    YesNo,
    /// A list (`[…]`).
    List,
    /// A record (`{…}`).
    Record,
    /// One word from a fixed list (a role, a status, a condition's kind).
    Choice,
    /// A date (`2026-03-01`) or a moment (`2026-03-01T09:30:00Z`).
    Date,
    /// Something more particular; the field's documentation says what.
    Other,
}

/// What a file holds where a field's value was expected, short enough to quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FoundValue {
    /// `null`.
    Null,
    /// `true` or `false`.
    YesNo(bool),
    /// A number, as written.
    Number(String),
    /// Text, cut to 40 characters.
    Text(String),
    /// A list.
    List,
    /// A record.
    Record,
    /// Nothing (the value could not be located).
    Unknown,
}

impl FoundValue {
    /// `value`, quoted short.
    pub fn of(value: &serde_json::Value) -> Self {
        use serde_json::Value;
        match value {
            Value::Null => FoundValue::Null,
            Value::Bool(b) => FoundValue::YesNo(*b),
            Value::Number(n) => FoundValue::Number(n.to_string()),
            Value::String(s) => FoundValue::Text(s.chars().take(40).collect()),
            Value::Array(_) => FoundValue::List,
            Value::Object(_) => FoundValue::Record,
        }
    }
}

/// Every problem of refused data, in file order: the first [`MAX_LISTED_PROBLEMS`] and
/// how many more there were. Problems that stop reading (size, JSON, format, version, a field's
/// type) come alone; the checks on the records report everything they find.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    /// The problems, first found first; never empty.
    pub problems: Vec<RestoreError>,
    /// How many more were found but not listed.
    pub not_listed: usize,
}

impl Rejection {
    /// A rejection for one problem.
    pub fn one(problem: RestoreError) -> Self {
        Rejection {
            problems: vec![problem],
            not_listed: 0,
        }
    }

    /// The first problem in file order.
    pub fn first(self) -> RestoreError {
        self.problems
            .into_iter()
            .next()
            .expect("a rejection holds at least one problem")
    }
}

impl From<RestoreError> for Rejection {
    fn from(problem: RestoreError) -> Self {
        Rejection::one(problem)
    }
}

impl std::fmt::Display for Rejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{p}")?;
        }
        if self.not_listed > 0 {
            write!(f, "\n… and {} more", self.not_listed)?;
        }
        Ok(())
    }
}

impl std::error::Error for Rejection {}
