//! The stored workspace: a JSON envelope with a format name and a schema version around the data.
//!
//! Decoding is strict about everything that could silently lose data: text that is not JSON, an
//! envelope of another format, a version newer than this build understands, ill-typed fields
//! (reported with their path, e.g. `workspace.clients[3].owner_id`) and broken references. Any of
//! these makes the caller quarantine the stored value instead of overwriting it.

use super::migrate::migrate;
use crate::domain::dates::Timestamp;
use crate::domain::workspace::{IntegrityProblem, Workspace};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The `localStorage` key of the workspace.
pub const WORKSPACE_KEY: &str = "salesdesk.workspace";
/// Prefix of keys that keep unreadable stored values for recovery.
pub const QUARANTINE_PREFIX: &str = "salesdesk.quarantine.";
/// The envelope's format name; anything else is not ours.
pub const FORMAT: &str = "salesdesk.workspace";
/// The schema version this build writes.
pub const VERSION: u64 = 1;

/// Why a stored value could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DecodeError {
    /// Not JSON at all (e.g. truncated).
    #[error("not valid JSON: {0}")]
    NotJson(String),
    /// JSON, but not a Salesdesk envelope.
    #[error("not Salesdesk data (format {0:?})")]
    WrongFormat(String),
    /// Written by a newer version of the app.
    #[error("written by a newer version of Salesdesk (format version {found}, this one reads up to {supported})")]
    FutureVersion {
        /// The version found.
        found: u64,
        /// The newest version this build reads.
        supported: u64,
    },
    /// A field is missing or has the wrong type.
    #[error("{path}: {message}")]
    Invalid {
        /// Where, e.g. `workspace.clients[3].owner_id`.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// The records do not hang together (duplicate ids, missing references).
    #[error("inconsistent data: {0}")]
    Inconsistent(IntegrityProblem),
}

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    format: &'static str,
    version: u64,
    saved_at: Timestamp,
    workspace: &'a Workspace,
}

#[derive(Deserialize)]
struct EnvelopeIn {
    workspace: Workspace,
}

/// The stored text of a workspace.
pub fn encode_workspace(workspace: &Workspace, saved_at: Timestamp) -> String {
    let envelope = EnvelopeOut {
        format: FORMAT,
        version: VERSION,
        saved_at,
        workspace,
    };
    serde_json::to_string(&envelope).expect("a workspace always serialises")
}

/// Reads a stored workspace, migrating older versions step by step.
pub fn decode_workspace(text: &str) -> Result<Workspace, DecodeError> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| DecodeError::NotJson(e.to_string()))?;
    let format = value
        .get("format")
        .and_then(|f| f.as_str())
        .unwrap_or_default();
    if format != FORMAT {
        return Err(DecodeError::WrongFormat(format.to_owned()));
    }
    let version = value
        .get("version")
        .and_then(|v| v.as_u64())
        .ok_or_else(|| DecodeError::Invalid {
            path: "version".into(),
            message: "a whole number is required".into(),
        })?;
    if version > VERSION {
        return Err(DecodeError::FutureVersion {
            found: version,
            supported: VERSION,
        });
    }
    let current = migrate(value, version)?;
    let envelope: EnvelopeIn =
        serde_path_to_error::deserialize(current).map_err(|e| DecodeError::Invalid {
            path: e.path().to_string(),
            message: e.inner().to_string(),
        })?;
    if let Some(problem) = envelope.workspace.integrity_problems().into_iter().next() {
        return Err(DecodeError::Inconsistent(problem));
    }
    Ok(envelope.workspace)
}

/// The key a corrupt value is moved to, unique per moment.
pub fn quarantine_key(unix_millis: i64) -> String {
    format!("{QUARANTINE_PREFIX}{unix_millis}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::demo::demo_workspace;
    use crate::domain::fixtures::{small_workspace, t0};

    #[test]
    fn round_trip_keeps_everything() {
        let ws = demo_workspace(t0().date_naive(), t0());
        let text = encode_workspace(&ws, t0());
        assert_eq!(decode_workspace(&text), Ok(ws));
        let small = small_workspace();
        assert_eq!(decode_workspace(&encode_workspace(&small, t0())), Ok(small));
    }

    #[test]
    fn envelope_names_format_and_version() {
        let text = encode_workspace(&Workspace::default(), t0());
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["format"], "salesdesk.workspace");
        assert_eq!(v["version"], 1);
        assert_eq!(v["saved_at"], "2026-01-15T09:00:00Z");
        // Money is stored as whole kopecks.
        let text = encode_workspace(&small_workspace(), t0());
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["workspace"]["deals"][0]["amount"], 10_000_000);
    }

    #[test]
    fn garbage_and_truncation_are_not_json() {
        assert!(matches!(
            decode_workspace("{{{ garbage"),
            Err(DecodeError::NotJson(_))
        ));
        let text = encode_workspace(&small_workspace(), t0());
        let half = (0..=text.len() / 2)
            .rev()
            .find(|i| text.is_char_boundary(*i))
            .unwrap();
        let cut = &text[..half];
        assert!(matches!(
            decode_workspace(cut),
            Err(DecodeError::NotJson(_))
        ));
        assert!(matches!(decode_workspace(""), Err(DecodeError::NotJson(_))));
    }

    #[test]
    fn foreign_json_is_refused() {
        assert_eq!(
            decode_workspace(r#"{"todos":[]}"#),
            Err(DecodeError::WrongFormat(String::new()))
        );
        assert_eq!(
            decode_workspace(r#"{"format":"excalidraw","version":1}"#),
            Err(DecodeError::WrongFormat("excalidraw".into()))
        );
    }

    #[test]
    fn newer_versions_are_refused() {
        let text = r#"{"format":"salesdesk.workspace","version":7,"workspace":{}}"#;
        assert_eq!(
            decode_workspace(text),
            Err(DecodeError::FutureVersion {
                found: 7,
                supported: 1
            })
        );
    }

    #[test]
    fn ill_typed_fields_are_reported_with_their_path() {
        let mut v: serde_json::Value =
            serde_json::from_str(&encode_workspace(&small_workspace(), t0())).unwrap();
        v["workspace"]["deals"][1]["amount"] = serde_json::json!("много");
        let err = decode_workspace(&v.to_string()).unwrap_err();
        match err {
            DecodeError::Invalid { path, .. } => assert_eq!(path, "workspace.deals[1].amount"),
            other => panic!("unexpected {other:?}"),
        }
        let missing = r#"{"format":"salesdesk.workspace","version":"1"}"#;
        assert!(matches!(
            decode_workspace(missing),
            Err(DecodeError::Invalid { path, .. }) if path == "version"
        ));
    }

    #[test]
    fn broken_references_are_inconsistent() {
        let mut ws = small_workspace();
        ws.deals[0].client_id = crate::domain::Id::from_raw("c404");
        let text = encode_workspace(&ws, t0());
        assert!(matches!(
            decode_workspace(&text),
            Err(DecodeError::Inconsistent(_))
        ));
    }

    #[test]
    fn quarantine_keys_are_distinct() {
        assert_eq!(quarantine_key(5), "salesdesk.quarantine.5");
        assert_ne!(quarantine_key(5), quarantine_key(6));
    }
}
