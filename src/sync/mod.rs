//! Live team sync through a CouchDB server (issue 16), pure and sans-IO: the engine writes the
//! HTTP requests (method, path, JSON body) and reads the responses, so a native test client and
//! the browser's `fetch` drive the same code (see [`SyncRound`]).
//!
//! Each record is one CouchDB document (`_id` = kind + ":" + record id; the settings are
//! singletons with fixed ids such as `transfer_policy`), cut generically from the workspace's
//! snapshot JSON ([`documents`]): a record kind added to the workspace later is synced without
//! code here. The client works in *client mode*, not as a replicator: it writes with
//! `POST /{db}/_bulk_docs` carrying each document's last seen `_rev`, and reads
//! `GET /{db}/_changes?include_docs=true` in pages (pouchdb-server drops replicated
//! `new_edits=false` updates when a validation function exists, and client mode lets the server's
//! `validate_doc_update` judge every write as the person's own).
//!
//! How conflicts are decided: **the server's `_rev` order decides which version of a document
//! is current** — a write carrying an old `_rev` is refused with `409 conflict`, and the engine
//! fetches the current version, merges it into the local record and writes again on top of that
//! `_rev`. The merge is the app's own field-by-field merge ([`crate::domain::merge`], the one
//! snapshot import uses); the records' field times only decide between two values of one field
//! inside that merge (the later stamp wins, ties kept as the server has them), so a device whose
//! clock is wrong cannot overwrite a document it has not seen: it must first merge the server's
//! current version. The `_changes` sequence orders what a device pulls; its last value is kept.
//! See `docs/sync.md`.

mod apply;
mod apply_steps;
mod changes;
mod compact;
mod documents;
mod first_cut;
mod local;
mod report;
mod round;
mod rules;
mod settings;
mod state;
mod trouble;

#[cfg(any(test, feature = "testkit"))]
pub use apply::apply_by_whole_merge;
pub use apply::{apply_documents, Applied};
pub use apply_steps::ApplySteps;
pub use compact::{decode_state, encode_state, CompactError, StateEncoder};
pub use documents::{body_hash, documents, Document};
pub use local::LocalCut;
pub use round::{Progress, Refusal, RoundReport, Step, SyncRound, PAGE_SIZE};
pub use rules::{judge, may_import_file, may_write, role_named, Change, Denied, RecordRef};
pub use settings::{parse_origin, valid_database, Session, SettingsError, SyncSettings};
pub use state::{DocState, SetAside, SyncState};
pub use trouble::{login_outcome, trouble_of, LoginOutcome, RoundError, Trouble};

use serde_json::Value;

/// An HTTP method the engine uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// Reads: `_changes`, a single document.
    Get,
    /// Writes: `_bulk_docs`, logging in.
    Post,
    /// Logging out (`DELETE /_session`).
    Delete,
}

impl Method {
    /// The method's name on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Delete => "DELETE",
        }
    }
}

/// A request for the driver to send: relative to the server's address, JSON in and out.
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    /// GET or POST.
    pub method: Method,
    /// The path with its query, starting with `/` (`/team/_changes?since=0&…`).
    pub path: String,
    /// The JSON body of a POST.
    pub body: Option<Value>,
}

/// What the server answered: the status and the JSON body (`Value::Null` when there was none).
#[derive(Clone, Debug, PartialEq)]
pub struct Response {
    /// The HTTP status.
    pub status: u16,
    /// The parsed JSON body.
    pub body: Value,
}

/// A value as JSON through text rather than `serde_json::to_value`: the app already carries
/// the serializer to text for every record (snapshots, storage), and `to_value` would add a
/// second copy of it for the whole workspace to the wasm (about 100 KB gzipped).
pub(crate) fn json_of<T: serde::Serialize>(value: &T) -> Value {
    let text = serde_json::to_string(value).expect("workspace data always serialises");
    serde_json::from_str(&text).expect("serde_json reads what it wrote")
}

/// A workspace read from JSON with the restore path's reader ([`crate::restore::read_typed`]),
/// for the same reason as [`json_of`].
pub(crate) fn workspace_of(value: Value) -> Option<crate::domain::workspace::Workspace> {
    crate::restore::read_typed(&value)
}

/// Percent-encodes one path segment or query value (everything but unreserved characters).
pub fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod local_tests;
#[cfg(test)]
mod tests;
