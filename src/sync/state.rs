//! What the engine keeps between syncs, serialisable for storage: the server, the last
//! `_changes` sequence, each document's last `_rev` and body hash, and the local changes the
//! server refused (kept aside for the person to see, not lost). No password: the session cookie
//! (or the driver's credentials) stays with the driver.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// One synced document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocState {
    /// The last `_rev` seen on the server.
    pub rev: String,
    /// The hash of the body at that revision ([`super::Document::hash`]).
    pub hash: u64,
    /// Its owner then: a deletion mark written later carries it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
}

/// A local change the server refused.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SetAside {
    /// The document's `_id`.
    pub doc_id: String,
    /// The record kind (`transfer_policy`, `clients`, …).
    pub kind: String,
    /// The server's reason, in the words of the validation function
    /// («только директор меняет правило передачи и пороги статусов»).
    pub reason: String,
    /// The refused document as it was sent (its record included), so nothing is lost.
    pub document: Value,
    /// The body hash of the refused version: the same version is not sent again.
    pub hash: u64,
}

/// The sync state of one device and team database.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SyncState {
    /// The server's address, e.g. `https://couch.example.ru` (no trailing slash).
    pub server: String,
    /// The team database.
    pub db: String,
    /// The `_changes` sequence pulled up to (a number on pouchdb-server, a string on CouchDB);
    /// `None` before the first pull.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_seq: Option<Value>,
    /// Every synced document by `_id`.
    #[serde(default)]
    pub docs: BTreeMap<String, DocState>,
    /// Refused local changes, oldest first.
    #[serde(default)]
    pub set_aside: Vec<SetAside>,
}

impl SyncState {
    /// A state that has synced nothing yet.
    pub fn new(server: &str, db: &str) -> Self {
        SyncState {
            server: server.trim_end_matches('/').to_owned(),
            db: db.to_owned(),
            ..SyncState::default()
        }
    }

    /// The `since` value of the next `_changes` request.
    pub fn since(&self) -> String {
        match &self.last_seq {
            None => "0".to_owned(),
            Some(Value::String(seq)) => seq.clone(),
            Some(other) => other.to_string(),
        }
    }

    /// The owner last synced for a record id of any kind (for deletion marks).
    pub fn owner_of_record(&self, record_id: &str) -> Option<String> {
        self.docs
            .iter()
            .find(|(id, _)| id.split_once(':').is_some_and(|(_, rid)| rid == record_id))
            .and_then(|(_, doc)| doc.owner.clone())
    }

    /// True when this exact version of the document was refused before.
    pub fn is_set_aside(&self, doc_id: &str, hash: u64) -> bool {
        self.set_aside
            .iter()
            .any(|s| s.doc_id == doc_id && s.hash == hash)
    }
}
