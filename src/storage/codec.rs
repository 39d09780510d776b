//! The stored workspace: the JSON envelope ([`crate::format::envelope`]) packed
//! ([`crate::format::packed`]) under one `localStorage` key, and read back through the one
//! restore path ([`crate::restore`]), which refuses anything that could silently lose data: text
//! that is not JSON or has a key twice, an envelope of another format, a version newer than
//! this build understands, fields of the wrong kind (reported with their path, e.g.
//! `workspace.clients[3].owner_id`), broken references, bad amounts. Any of these makes the
//! caller quarantine the stored value instead of overwriting it.

use super::pieces::PieceCache;
use crate::domain::dates::Timestamp;
use crate::domain::workspace::Workspace;
use crate::format::packed::unpack;
use crate::restore::{restore, Rejection, RestoreError, RestoreOptions};

/// The `localStorage` key of the workspace.
pub const WORKSPACE_KEY: &str = "salesdesk.workspace";
/// Prefix of keys that keep unreadable stored values for recovery.
pub const QUARANTINE_PREFIX: &str = "salesdesk.quarantine.";

/// A workspace as read from storage, with the save counter other tabs compare against.
#[derive(Debug, Clone, PartialEq)]
pub struct Stored {
    /// The data.
    pub workspace: Workspace,
    /// How many saves produced it (0 for data from before revisions were kept).
    pub revision: u64,
}

/// The workspace as plain JSON (the envelope), for reading by people and other tools: exactly
/// what the stored value unpacks to.
pub fn encode_json(workspace: &Workspace, saved_at: Timestamp, revision: u64) -> String {
    unpack(&encode_workspace(workspace, saved_at, revision)).expect("a value just packed unpacks")
}

/// The stored text of a workspace: the JSON envelope, deflated piece by piece and packed as
/// Latin-1 (see [`PieceCache`], which a running app keeps so that a save reuses the pieces of
/// the one before).
pub fn encode_workspace(workspace: &Workspace, saved_at: Timestamp, revision: u64) -> String {
    PieceCache::default().encode(workspace, saved_at, revision)
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
