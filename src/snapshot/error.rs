//! Why a snapshot cannot be imported: one variant per check, each with the JSON path of the
//! offending value where there is one (e.g. `workspace.deals[4].client_id`).

use crate::domain::ids::Id;
use crate::domain::qualification::ModelError;
use crate::domain::transfer::PolicyError;
use thiserror::Error;

/// How many problems a [`Rejection`] lists at most; the rest are only counted. Twenty is enough
/// to see a pattern («every order of 2019 has a bad date») without a wall of text.
pub const MAX_LISTED_PROBLEMS: usize = 20;

/// One reason a snapshot is refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SnapshotError {
    /// The file is over [`super::MAX_SNAPSHOT_BYTES`]; checked before parsing.
    #[error("the file has {bytes} bytes, more than the {limit} a snapshot may have")]
    TooLarge {
        /// The file's size.
        bytes: usize,
        /// The limit.
        limit: usize,
    },
    /// Not JSON (or truncated): where the parser stopped.
    #[error("not valid JSON at line {line}, column {column}: {message}")]
    NotJson {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The parser's message.
        message: String,
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
    /// A field is missing, has the wrong type or an impossible value for its type.
    #[error("{path}: {message}")]
    Invalid {
        /// Where, e.g. `workspace.orders[3].lines[0].amount`.
        path: String,
        /// What is wrong.
        message: String,
    },
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
}

/// Every problem of a refused snapshot, in file order: the first [`MAX_LISTED_PROBLEMS`] and
/// how many more there were. Problems that stop reading (size, JSON, format, version, a field's
/// type) come alone; the checks on the records report everything they find.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    /// The problems, first found first; never empty.
    pub problems: Vec<SnapshotError>,
    /// How many more were found but not listed.
    pub not_listed: usize,
}

impl Rejection {
    /// A rejection for one problem.
    pub fn one(problem: SnapshotError) -> Self {
        Rejection {
            problems: vec![problem],
            not_listed: 0,
        }
    }

    /// The first problem in file order.
    pub fn first(self) -> SnapshotError {
        self.problems
            .into_iter()
            .next()
            .unwrap_or_else(|| SnapshotError::Invalid {
                path: String::new(),
                message: "refused".into(),
            })
    }
}

impl From<SnapshotError> for Rejection {
    fn from(problem: SnapshotError) -> Self {
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
