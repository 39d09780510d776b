//! The workspace cut into CouchDB documents, generically from its snapshot JSON: every list of
//! records with an `id` gives one document per record (`clients:c-1`), every settings object one
//! singleton (`transfer_policy`). New record kinds are covered without code per kind.
//!
//! A document is `{ kind, owner, handover?, record }`: the record sits whole under `record` (as
//! the snapshot writes it) rather than beside `kind` and `owner`, since records have fields of
//! those names (a stage change's `kind`). `owner` is what the server's validation checks: the
//! record's `owner_id`, else the owner of the client or deal it belongs to (`client_id`,
//! `deal_id`), and for a deletion mark (`removed`) the removed record's owner.

use crate::domain::workspace::Workspace;
use serde_json::{Map, Value};
use std::collections::HashMap;

/// The kind of the deletion marks (the workspace's `removed` list).
pub(super) const REMOVED: &str = "removed";

/// The logs, written once and never changed (`APPEND_ONLY` in `validate_doc_update.js`): they
/// carry no owner, so a later change of their deal's or client's owner does not make them look
/// changed (the server would refuse the update).
const LOGS: [&str; 2] = ["transfers", "stage_history"];

/// One record as a CouchDB document.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// `kind:id`, or the kind alone for a singleton.
    pub id: String,
    /// The workspace field the record lives in (`clients`, `transfer_policy`, …).
    pub kind: String,
    /// The team member whose record it is, when it has one.
    pub owner: Option<String>,
    /// For a client handed to a farmer by its owner: the transfer-log record of the hand-over,
    /// which the server's validation asks for when a non-director changes an owner.
    pub handover: Option<String>,
    /// The record's own JSON.
    pub record: Value,
}

impl Document {
    /// The JSON written to the server, with the last known `_rev` if any.
    pub fn to_json(&self, rev: Option<&str>) -> Value {
        let mut doc = Map::new();
        doc.insert("_id".into(), Value::String(self.id.clone()));
        if let Some(rev) = rev {
            doc.insert("_rev".into(), Value::String(rev.to_owned()));
        }
        doc.insert("kind".into(), Value::String(self.kind.clone()));
        if let Some(owner) = &self.owner {
            doc.insert("owner".into(), Value::String(owner.clone()));
        }
        if let Some(handover) = &self.handover {
            doc.insert("handover".into(), Value::String(handover.clone()));
        }
        doc.insert("record".into(), self.record.clone());
        Value::Object(doc)
    }

    /// Reads a document the server sent; `None` for a design document, a deleted one or one not
    /// in this shape.
    pub fn from_json(doc: &Value) -> Option<Document> {
        let id = doc.get("_id")?.as_str()?;
        if id.starts_with('_') || doc.get("_deleted") == Some(&Value::Bool(true)) {
            return None;
        }
        let text = |key: &str| doc.get(key).and_then(Value::as_str).map(str::to_owned);
        Some(Document {
            id: id.to_owned(),
            kind: text("kind")?,
            owner: text("owner"),
            handover: text("handover"),
            record: doc.get("record")?.clone(),
        })
    }

    /// The hash of what the document says (not its `_id` or `_rev`): equal hashes mean the
    /// local record is what was last synced.
    pub fn hash(&self) -> u64 {
        let mut text = String::new();
        text.push_str(&self.kind);
        text.push('\u{1}');
        text.push_str(self.owner.as_deref().unwrap_or(""));
        text.push('\u{1}');
        text.push_str(self.handover.as_deref().unwrap_or(""));
        text.push('\u{1}');
        canonical(&self.record, &mut text);
        body_hash(&text)
    }

    /// The record's id: the part after `kind:` (empty for a singleton).
    pub fn record_id(&self) -> &str {
        self.id
            .strip_prefix(&self.kind)
            .and_then(|rest| rest.strip_prefix(':'))
            .unwrap_or("")
    }
}

/// FNV-1a, 64 bits: stable across versions and platforms, since the hashes are stored.
pub fn body_hash(text: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// JSON with object keys sorted, so the hash does not depend on the order keys came in.
fn canonical(value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            crate::domain::sort::sort(&mut keys);
            out.push('{');
            for (i, key) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(key.clone()).to_string());
                out.push(':');
                canonical(&map[key], out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                canonical(item, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

/// The records of a top-level list, if the value is one: an array of objects with a string `id`.
fn records(value: &Value) -> Option<&Vec<Value>> {
    let items = value.as_array()?;
    items
        .iter()
        .all(|item| item.get("id").and_then(Value::as_str).is_some())
        .then_some(items)
}

fn text_field<'a>(record: &'a Value, key: &str) -> Option<&'a str> {
    record.get(key).and_then(Value::as_str)
}

/// What a record's document takes from the rest of the workspace: the owners of the records
/// that name one (a dependant's owner comes from its client or deal) and the latest hand-over of
/// each client to each member.
#[derive(Default)]
pub(super) struct Context {
    /// `owner_id` by record id.
    pub owners: HashMap<String, String>,
    /// The transfer record that made a member the owner of a client: (client, member) → id.
    pub handovers: HashMap<(String, String), String>,
}

impl Context {
    /// Notes what one record tells about the others (its owner; a transfer's hand-over).
    pub fn note(&mut self, kind: &str, record: &Value) {
        let id = text_field(record, "id").unwrap_or_default();
        if let Some(owner) = text_field(record, "owner_id") {
            self.owners.insert(id.to_owned(), owner.to_owned());
        }
        if kind == "transfers" {
            if let (Some(client), Some(to)) = (
                text_field(record, "client_id"),
                text_field(record, "to_member_id"),
            ) {
                self.handovers
                    .insert((client.to_owned(), to.to_owned()), id.to_owned());
            }
        }
    }

    fn owner_of(&self, record: &Value) -> Option<String> {
        if let Some(owner) = text_field(record, "owner_id") {
            return Some(owner.to_owned());
        }
        ["client_id", "deal_id"]
            .iter()
            .filter_map(|key| text_field(record, key))
            .find_map(|id| self.owners.get(id).cloned())
    }
}

/// One record of the list `kind` as its document.
pub(super) fn cut_record(
    kind: &str,
    record: Value,
    ctx: &Context,
    known_owner: &dyn Fn(&str) -> Option<String>,
) -> Document {
    let id = text_field(&record, "id").unwrap_or_default().to_owned();
    let owner = if kind == REMOVED {
        known_owner(&id).or_else(|| ctx.owners.get(&id).cloned())
    } else if LOGS.contains(&kind) {
        None
    } else {
        ctx.owner_of(&record)
    };
    // A client handed to a farmer, and its records that follow it (its orders): the transfer
    // record that made the present owner the owner.
    let client = if kind == "clients" {
        Some(id.as_str())
    } else {
        text_field(&record, "client_id")
    };
    let handover = match (client, &owner) {
        (Some(client), Some(owner)) => ctx
            .handovers
            .get(&(client.to_owned(), owner.clone()))
            .cloned(),
        _ => None,
    };
    Document {
        id: format!("{kind}:{id}"),
        kind: kind.to_owned(),
        owner,
        handover,
        record,
    }
}

/// A settings object as its singleton document.
pub(super) fn cut_singleton(kind: &str, value: Value) -> Document {
    Document {
        id: kind.to_owned(),
        kind: kind.to_owned(),
        owner: None,
        handover: None,
        record: value,
    }
}

/// Cuts `ws` into documents. `known_owner` gives the owner of a record no longer here (for the
/// deletion marks): the engine remembers the owner of every document it synced.
pub fn documents(ws: &Workspace, known_owner: &dyn Fn(&str) -> Option<String>) -> Vec<Document> {
    let value = super::json_of(ws);
    let Value::Object(fields) = value else {
        return Vec::new();
    };
    let mut ctx = Context::default();
    for (kind, value) in &fields {
        for record in records(value).into_iter().flatten() {
            ctx.note(kind, record);
        }
    }
    let mut docs = Vec::new();
    for (kind, value) in fields {
        if records(&value).is_some() {
            let Value::Array(list) = value else {
                continue;
            };
            for record in list {
                docs.push(cut_record(&kind, record, &ctx, known_owner));
            }
        } else if value.is_object() {
            docs.push(cut_singleton(&kind, value));
        }
    }
    docs
}
