//! The one path by which data comes back into the app, whatever its source: the stored
//! workspace at start-up and when another tab saves, a backup slot, a snapshot file to import,
//! a kept backup to restore. Every source passes the same steps, so what one refuses the others
//! refuse too, with the same words:
//!
//! 1. size (files only) before anything is parsed;
//! 2. unpack a packed stored value ([`crate::format::packed`]);
//! 3. JSON, strictly: a key twice in one object is refused with its path (`strict_json`);
//! 4. `format` must be `salesdesk.workspace`;
//! 5. `version`: newer than this build is refused, older is migrated step by step ([`migrate`]);
//! 6. every field's presence and kind, with its path; a record only from a JSON object
//!    (`typed`); `serde`'s words turned into plain data (`field_problem`);
//! 7. the records: ids, references, amounts, the scoring model, the transfer policy, and for
//!    files the dates (`validate`), all problems listed up to [`MAX_LISTED_PROBLEMS`].
//!
//! Steps 1–6 stop at the first problem, since nothing after it can be read reliably. Pure: no
//! browser imports; storage and snapshots call [`restore`] and keep nothing of their own.
//! [`RestoreSteps`] runs the same steps in slices for a large file (the import panel's):
//! the long lists' records are parsed and read a few hundred at a time, with exactly the result
//! of [`restore`], which stays the path for stored data and the tests' oracle. [`StoredSteps`]
//! unpacks a stored value in slices and hands its JSON to [`RestoreSteps`] (another tab's save
//! read at full size).

mod book_steps;
mod error;
mod field_problem;
pub mod migrate;
mod path;
mod scan;
mod steps;
mod stored_steps;
mod strict_json;
mod strict_text;
mod typed;
mod validate;

pub use steps::RestoreSteps;
pub use stored_steps::StoredSteps;

pub use error::{
    FieldProblem, FoundValue, Rejection, RestoreError, ValueKind, MAX_LISTED_PROBLEMS,
};
pub use validate::{date_limits, DateLimits, EARLIEST_DATE, MAX_YEARS_AHEAD};

use crate::domain::dates::Timestamp;
use crate::domain::workspace::Workspace;
use crate::format::envelope::{EnvelopeIn, ExportedBy};
use crate::format::packed::unpack;
use crate::format::{FORMAT, VERSION};
use crate::trace;
use chrono::{NaiveDate, SecondsFormat};
use serde_json::Value;
use strict_json::StrictJsonError;
use validate::{check, Problems};

/// What a source is held to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RestoreOptions {
    /// The largest text accepted, checked before parsing (`None`: no limit).
    pub max_bytes: Option<usize>,
    /// The accepted range of dates (`None`: any date).
    pub dates: Option<DateLimits>,
}

impl RestoreOptions {
    /// The app's own stored data: no size limit (it is already in the browser) and no date
    /// range (a date a person typed years ahead is theirs, not damage).
    pub fn stored() -> Self {
        RestoreOptions {
            max_bytes: None,
            dates: None,
        }
    }

    /// A file from outside, read on the user's day `today`, at most `max_bytes` long.
    pub fn file(today: NaiveDate, max_bytes: usize) -> Self {
        RestoreOptions {
            max_bytes: Some(max_bytes),
            dates: Some(date_limits(today)),
        }
    }
}

/// Data that passed every check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Restored {
    /// The workspace, migrated to the current version.
    pub workspace: Workspace,
    /// The format version it was written in (before migration).
    pub version: u64,
    /// The save counter of a stored value (0 for files).
    pub revision: u64,
    /// The app version that exported it (files only).
    pub app_version: Option<String>,
    /// When it was exported, or for stored data and files saved from storage, last saved.
    pub exported_at: Option<Timestamp>,
    /// Who exported it, if anyone was signed in.
    pub exported_by: Option<ExportedBy>,
}

/// Reads a typed value (a workspace, a record) from JSON already checked elsewhere, with the
/// same strict reader [`restore`] uses; `None` when it does not fit. The sync engine reads pulled
/// documents with it, so the wasm carries one JSON-to-workspace reader, not two.
pub fn read_typed<T: serde::de::DeserializeOwned>(value: &serde_json::Value) -> Option<T> {
    typed::read(value).ok()
}

/// Restores `text` (plain JSON or a packed stored value) under `options`; on refusal gives every
/// problem found (the first [`MAX_LISTED_PROBLEMS`], and how many more). [`RestoreSteps`] is the
/// same restore in slices, for a large file.
pub fn restore(text: &str, options: &RestoreOptions) -> Result<Restored, Rejection> {
    size_ok(text, options)?;
    let json = unpack(text).map_err(|e| RestoreError::Damaged(e.0))?;
    trace::mark("unpacked");
    // Sound data of this version (what storage holds, and most files) is read straight into its
    // types, without the JSON tree; anything else, a problem included, takes the strict path
    // below, which finds and words it. Both give the same workspace (see `strict_text`).
    if let Some(envelope) = direct(&json) {
        trace::mark("typed");
        drop(json);
        let checked = checked(envelope, VERSION, options)?;
        trace::mark("checked");
        return guard(checked);
    }
    strict(&json, options)
}

/// [`restore`] without the shortcut, for the tests that hold the shortcut to it.
#[cfg(test)]
pub(crate) fn restore_strict(text: &str, options: &RestoreOptions) -> Result<Restored, Rejection> {
    size_ok(text, options)?;
    let json = unpack(text).map_err(|e| RestoreError::Damaged(e.0))?;
    strict(&json, options)
}

/// Steps 3 to 7 the strict way: the JSON tree, its header, migration, typed reading, checks.
fn strict(json: &str, options: &RestoreOptions) -> Result<Restored, Rejection> {
    let value = strict_json::parse(json).map_err(json_error)?;
    trace::mark("parsed");
    let version = header(&value)?;
    let current = migrate::migrate(value, version)?;
    trace::mark("migrated");
    let envelope: EnvelopeIn =
        typed::read(&current).map_err(|(path, e)| field_error(&e, &path, &current, ""))?;
    trace::mark("typed");
    drop(current);
    trace::mark("dropped");
    let checked = checked(envelope, version, options)?;
    trace::mark("checked");
    guard(checked)
}

/// Steps 3 to 6 in one pass over the text, for data of this version that passes them all;
/// `None` sends it the strict way.
fn direct(json: &str) -> Option<EnvelopeIn> {
    strict_text::read::<EnvelopeIn>(json).filter(|e| e.format == FORMAT && e.version == VERSION)
}

/// Step 1: the size, before anything is parsed.
fn size_ok(text: &str, options: &RestoreOptions) -> Result<(), RestoreError> {
    match options.max_bytes.filter(|limit| text.len() > *limit) {
        Some(limit) => Err(RestoreError::TooLarge {
            bytes: text.len(),
            limit,
        }),
        None => Ok(()),
    }
}

/// Step 3's refusal in the restore's words.
fn json_error(e: StrictJsonError) -> RestoreError {
    match e {
        StrictJsonError::Syntax {
            line,
            column,
            message,
        } => RestoreError::NotJson {
            line,
            column,
            message,
        },
        StrictJsonError::DuplicateKey { path, key } => RestoreError::DuplicateKey { path, key },
    }
}

/// Steps 4 and 5's checks: the format, and a version this build reads (returned).
fn header(value: &Value) -> Result<u64, RestoreError> {
    let found = value.get("format").and_then(Value::as_str).unwrap_or("");
    if found != FORMAT {
        return Err(RestoreError::WrongFormat {
            found: found.to_owned(),
        });
    }
    let version = value
        .get("version")
        .and_then(Value::as_u64)
        .filter(|v| *v >= 1)
        .ok_or(RestoreError::BadVersion)?;
    if version > VERSION {
        return Err(RestoreError::FutureVersion {
            found: version,
            supported: VERSION,
        });
    }
    Ok(version)
}

/// Step 6's refusal: `e` at `path`, where `base` is the value at `base_path` of the document.
fn field_error(e: &serde_json::Error, path: &str, base: &Value, base_path: &str) -> RestoreError {
    let (path, problem) = field_problem::field_problem_under(&e.to_string(), path, base, base_path);
    RestoreError::Field { path, problem }
}

/// A workspace read and checked record by record, before the last guard.
struct Checked {
    workspace: Workspace,
    problems: Problems,
    version: u64,
    revision: u64,
    app_version: Option<String>,
    exported_at: Option<Timestamp>,
    exported_by: Option<ExportedBy>,
}

/// Step 7 but the last guard: the workspace out of the envelope, and every problem of its
/// records.
fn checked(
    envelope: EnvelopeIn,
    version: u64,
    options: &RestoreOptions,
) -> Result<Checked, Rejection> {
    Ok(check_records(unpacked(envelope, version)?, options))
}

/// The workspace out of the envelope (the order books unpacked), before its records' checks:
/// the first half of [`checked`], a step of its own in [`RestoreSteps`].
struct Unpacked {
    workspace: Workspace,
    plain_orders: usize,
    exported_at_key: Option<Timestamp>,
    exported_at: Option<Timestamp>,
    version: u64,
    revision: u64,
    app_version: Option<String>,
    exported_by: Option<ExportedBy>,
}

/// The first half of [`checked`]: the order books unpacked into the workspace.
fn unpacked(envelope: EnvelopeIn, version: u64) -> Result<Unpacked, Rejection> {
    let plain_orders = envelope.workspace.orders.len();
    unpacked_with(envelope, version, plain_orders)
}

/// [`unpacked`] of an envelope whose first `plain_orders` orders were plain objects (the rest
/// were unpacked from its books already, a few a step, by `book_steps`).
fn unpacked_with(
    envelope: EnvelopeIn,
    version: u64,
    plain_orders: usize,
) -> Result<Unpacked, Rejection> {
    let workspace = envelope
        .workspace
        .into_workspace()
        .map_err(RestoreError::OrderBook)?;
    trace::mark("books");
    Ok(Unpacked {
        workspace,
        plain_orders,
        exported_at_key: envelope.exported_at,
        exported_at: envelope.exported_at.or(envelope.saved_at),
        version,
        revision: envelope.revision,
        app_version: envelope.app_version,
        exported_by: envelope.exported_by,
    })
}

/// The second half of [`checked`]: every problem of the records.
fn check_records(unpacked: Unpacked, options: &RestoreOptions) -> Checked {
    let mut problems = Problems::new(MAX_LISTED_PROBLEMS);
    let exported_at = unpacked.exported_at;
    if let (Some(at), Some(limits)) = (exported_at, options.dates) {
        if !limits.timestamp_ok(at) {
            let path = if unpacked.exported_at_key.is_some() {
                "exported_at"
            } else {
                "saved_at"
            };
            problems.listed.push(RestoreError::DateOutOfRange {
                path: path.into(),
                value: at.to_rfc3339_opts(SecondsFormat::AutoSi, true),
            });
        }
    }
    let workspace = unpacked.workspace;
    check(
        &workspace,
        unpacked.plain_orders,
        options.dates,
        &mut problems,
    );
    Checked {
        workspace,
        problems,
        version: unpacked.version,
        revision: unpacked.revision,
        app_version: unpacked.app_version,
        exported_at,
        exported_by: unpacked.exported_by,
    }
}

/// The last guard, and the verdict.
fn guard(checked: Checked) -> Result<Restored, Rejection> {
    let Checked {
        workspace,
        mut problems,
        ..
    } = checked;
    // The checks above cover everything `integrity_problems` looks at; this guards the promise
    // that restored data is sound even if the two ever drift apart.
    if problems.listed.is_empty() {
        if let Some(p) = workspace.integrity_problems().into_iter().next() {
            problems.listed.push(RestoreError::Inconsistent(p));
        }
    }
    trace::mark("guarded");
    if !problems.listed.is_empty() {
        return Err(Rejection {
            problems: problems.listed,
            not_listed: problems.not_listed,
        });
    }
    Ok(Restored {
        workspace,
        version: checked.version,
        revision: checked.revision,
        app_version: checked.app_version,
        exported_at: checked.exported_at,
        exported_by: checked.exported_by,
    })
}

#[cfg(test)]
mod shortcut_tests;
