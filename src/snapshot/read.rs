//! Reading a snapshot: every check in order, nothing returned unless all pass.
//!
//! 1. size ([`MAX_SNAPSHOT_BYTES`]) before parsing;
//! 2. JSON syntax (line and column of the error);
//! 3. `format` must be `salesdesk.workspace`;
//! 4. `version`: newer than this build is refused, older is migrated step by step;
//! 5. every field's presence and type, with its JSON path;
//! 6. the records: ids, references, amounts, dates, the scoring model, the transfer policy
//!    (see `validate`), all problems listed up to [`MAX_LISTED_PROBLEMS`].
//!
//! Steps 1–5 stop at the first problem, since nothing after it can be read reliably.

use super::error::{Rejection, SnapshotError, MAX_LISTED_PROBLEMS};
use super::export::ExportedBy;
use super::validate::{check, date_limits, Problems};
use super::MAX_SNAPSHOT_BYTES;
use crate::domain::dates::Timestamp;
use crate::domain::workspace::Workspace;
use crate::storage::codec::{DecodeError, WorkspaceIn, FORMAT, VERSION};
use crate::storage::migrate::migrate;
use chrono::{NaiveDate, SecondsFormat};
use serde::Deserialize;
use serde_json::Value;

/// A snapshot that passed every check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snapshot {
    /// The data, migrated to the current version.
    pub workspace: Workspace,
    /// Where the file came from.
    pub meta: SnapshotMeta,
}

/// The file's header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SnapshotMeta {
    /// The format version the file was written in (before migration).
    pub version: u64,
    /// The app version that wrote it (absent in files saved from storage).
    pub app_version: Option<String>,
    /// When it was exported (or, for a file saved from storage, last saved).
    pub exported_at: Option<Timestamp>,
    /// Who exported it, if anyone was signed in.
    pub exported_by: Option<ExportedBy>,
}

/// The envelope as read; `derived` and unknown fields are ignored.
#[derive(Deserialize)]
struct SnapshotIn {
    #[serde(default)]
    app_version: Option<String>,
    #[serde(default)]
    exported_at: Option<Timestamp>,
    /// What storage envelopes carry instead of `exported_at`.
    #[serde(default)]
    saved_at: Option<Timestamp>,
    #[serde(default)]
    exported_by: Option<ExportedBy>,
    workspace: WorkspaceIn,
}

fn from_decode(e: DecodeError) -> SnapshotError {
    match e {
        DecodeError::Invalid { path, message } => SnapshotError::Invalid { path, message },
        DecodeError::FutureVersion { found, supported } => {
            SnapshotError::FutureVersion { found, supported }
        }
        DecodeError::WrongFormat(found) => SnapshotError::WrongFormat { found },
        other => SnapshotError::Invalid {
            path: "workspace".into(),
            message: other.to_string(),
        },
    }
}

fn not_json(e: &serde_json::Error) -> SnapshotError {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let message = full.strip_suffix(&suffix).unwrap_or(&full).to_owned();
    SnapshotError::NotJson {
        line: e.line(),
        column: e.column(),
        message,
    }
}

/// Reads and checks a snapshot; on refusal gives the first problem in file order (see
/// [`read_snapshot_all`] for the list). `today` bounds the dates (see [`super::DateLimits`]).
pub fn read_snapshot(text: &str, today: NaiveDate) -> Result<Snapshot, SnapshotError> {
    read_snapshot_all(text, today).map_err(Rejection::first)
}

/// Reads and checks a snapshot; on refusal gives every problem found (the first
/// [`MAX_LISTED_PROBLEMS`], and how many more).
pub fn read_snapshot_all(text: &str, today: NaiveDate) -> Result<Snapshot, Rejection> {
    if text.len() > MAX_SNAPSHOT_BYTES {
        return Err(SnapshotError::TooLarge {
            bytes: text.len(),
            limit: MAX_SNAPSHOT_BYTES,
        }
        .into());
    }
    let value: Value = serde_json::from_str(text).map_err(|e| not_json(&e))?;
    let found = value.get("format").and_then(Value::as_str).unwrap_or("");
    if found != FORMAT {
        return Err(SnapshotError::WrongFormat {
            found: found.to_owned(),
        }
        .into());
    }
    let version = value
        .get("version")
        .and_then(Value::as_u64)
        .filter(|v| *v >= 1)
        .ok_or_else(|| SnapshotError::Invalid {
            path: "version".into(),
            message: "a whole number from 1 is required".into(),
        })?;
    if version > VERSION {
        return Err(SnapshotError::FutureVersion {
            found: version,
            supported: VERSION,
        }
        .into());
    }
    let current = migrate(value, version).map_err(from_decode)?;
    let envelope: SnapshotIn =
        serde_path_to_error::deserialize(current).map_err(|e| SnapshotError::Invalid {
            path: e.path().to_string(),
            message: e.inner().to_string(),
        })?;
    let plain_orders = envelope.workspace.orders.len();
    let workspace = envelope.workspace.into_workspace().map_err(from_decode)?;
    let limits = date_limits(today);
    let mut problems = Problems::new(MAX_LISTED_PROBLEMS);
    let exported_at = envelope.exported_at.or(envelope.saved_at);
    if let Some(at) = exported_at.filter(|at| !limits.timestamp_ok(*at)) {
        let path = if envelope.exported_at.is_some() {
            "exported_at"
        } else {
            "saved_at"
        };
        problems.listed.push(SnapshotError::DateOutOfRange {
            path: path.into(),
            value: at.to_rfc3339_opts(SecondsFormat::AutoSi, true),
        });
    }
    check(&workspace, plain_orders, limits, &mut problems);
    // The checks above cover everything `integrity_problems` looks at; this guards the
    // promise that an accepted snapshot is sound even if the two ever drift apart.
    if problems.listed.is_empty() {
        if let Some(p) = workspace.integrity_problems().into_iter().next() {
            problems.listed.push(SnapshotError::Invalid {
                path: "workspace".into(),
                message: p.to_string(),
            });
        }
    }
    if !problems.listed.is_empty() {
        return Err(Rejection {
            problems: problems.listed,
            not_listed: problems.not_listed,
        });
    }
    Ok(Snapshot {
        workspace,
        meta: SnapshotMeta {
            version,
            app_version: envelope.app_version,
            exported_at,
            exported_by: envelope.exported_by,
        },
    })
}
