//! The stored workspace: the JSON envelope ([`crate::format::envelope`]) packed
//! ([`crate::format::packed`]) under one `localStorage` key, and read back through the one
//! restore path ([`crate::restore`]), which refuses anything that could silently lose data: text
//! that is not JSON or has a key twice, an envelope of another format, a version newer than
//! this build understands, fields of the wrong kind (reported with their path, e.g.
//! `workspace.clients[3].owner_id`), broken references, bad amounts. Any of these makes the
//! caller quarantine the stored value instead of overwriting it.

use crate::domain::dates::Timestamp;
use crate::domain::workspace::Workspace;
use crate::format::envelope::WorkspaceOut;
use crate::format::packed::pack;
use crate::format::{FORMAT, VERSION};
use crate::restore::{restore, Rejection, RestoreError, RestoreOptions};
use serde::Serialize;

/// The `localStorage` key of the workspace.
pub const WORKSPACE_KEY: &str = "salesdesk.workspace";
/// Prefix of keys that keep unreadable stored values for recovery.
pub const QUARANTINE_PREFIX: &str = "salesdesk.quarantine.";

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    format: &'static str,
    version: u64,
    saved_at: Timestamp,
    revision: u64,
    workspace: WorkspaceOut<'a>,
}

/// A workspace as read from storage, with the save counter other tabs compare against.
#[derive(Debug, Clone, PartialEq)]
pub struct Stored {
    /// The data.
    pub workspace: Workspace,
    /// How many saves produced it (0 for data from before revisions were kept).
    pub revision: u64,
}

/// The workspace as plain JSON (the envelope), for reading by people and other tools.
pub fn encode_json(workspace: &Workspace, saved_at: Timestamp, revision: u64) -> String {
    let envelope = EnvelopeOut {
        format: FORMAT,
        version: VERSION,
        saved_at,
        revision,
        workspace: WorkspaceOut::of(workspace),
    };
    serde_json::to_string(&envelope).expect("a workspace always serialises")
}

/// The stored text of a workspace: the JSON envelope, deflated and packed as Latin-1.
pub fn encode_workspace(workspace: &Workspace, saved_at: Timestamp, revision: u64) -> String {
    pack(&encode_json(workspace, saved_at, revision), revision)
}

/// Reads a stored workspace (packed or plain JSON), migrating older versions step by step.
pub fn decode_workspace(text: &str) -> Result<Workspace, RestoreError> {
    decode_stored(text).map(|s| s.workspace)
}

/// Reads a stored workspace with its revision; on refusal, the first problem.
pub fn decode_stored(text: &str) -> Result<Stored, RestoreError> {
    let restored = restore(text, &RestoreOptions::stored()).map_err(Rejection::first)?;
    Ok(Stored {
        workspace: restored.workspace,
        revision: restored.revision,
    })
}

/// The key a corrupt value is moved to, unique per moment.
pub fn quarantine_key(unix_millis: i64) -> String {
    format!("{QUARANTINE_PREFIX}{unix_millis}")
}
