//! The stored workspace: a JSON envelope with a format name and a schema version around the data,
//! deflated and kept as a Latin-1 string.
//!
//! Why packed: Chromium gives an origin about 5 MiB of `localStorage` and charges two bytes per
//! character for any string holding a non-Latin-1 character, so plain JSON with Cyrillic names
//! and 100 000 orders would not fit. Deflate shrinks the JSON several times, and writing each
//! compressed byte as one character U+0000–U+00FF keeps the string Latin-1, charged one byte per
//! byte. The prefix `SDZ1` marks a packed value; plain JSON (what version 1 stored) still reads.
//!
//! Decoding is strict about everything that could silently lose data: text that is not JSON, an
//! envelope of another format, a version newer than this build understands, ill-typed fields
//! (reported with their path, e.g. `workspace.clients[3].owner_id`) and broken references. Any of
//! these makes the caller quarantine the stored value instead of overwriting it.

use super::migrate::migrate;
use super::order_book::OrderBook;
use crate::domain::dates::Timestamp;
use crate::domain::orders::{Order, Product, ProductGroup};
use crate::domain::qualification::{Assessment, ScoringModel};
use crate::domain::transfer::{TransferPolicy, TransferRecord};
use crate::domain::workspace::{IntegrityProblem, Tombstone, Workspace};
use crate::domain::{Client, Deal, Id, Stage, TeamMember};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The `localStorage` key of the workspace.
pub const WORKSPACE_KEY: &str = "salesdesk.workspace";
/// Prefix of keys that keep unreadable stored values for recovery.
pub const QUARANTINE_PREFIX: &str = "salesdesk.quarantine.";
/// The envelope's format name; anything else is not ours.
pub const FORMAT: &str = "salesdesk.workspace";
/// The schema version this build writes. Version 2 added qualification, the catalogue and orders:
/// a version-1 build would silently drop them, so it must refuse version 2 instead.
pub const VERSION: u64 = 4;
/// Deflate effort. Measured on 5 000 clients and 100 000 orders (bench_storage): level 1 packs in
/// 0.2 s but to 81 % of the quota, level 6 to 68 % in 0.9 s; level 3 gives 70 % in 0.34 s, and
/// saves happen after every edit.
const DEFLATE_LEVEL: u8 = 3;
/// Marks a deflated, Latin-1 packed value. The save counter follows in plain digits and a `:`,
/// so another tab can read it without unpacking, and it can never disagree with the data
/// because both are one value: `SDZ1<revision>:<packed bytes>`.
pub const PACKED_PREFIX: &str = "SDZ1";

/// Why a stored value could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DecodeError {
    /// Not JSON at all (e.g. truncated).
    #[error("not valid JSON: {0}")]
    NotJson(String),
    /// A packed value that does not unpack (truncated or altered).
    #[error("the packed data is damaged: {0}")]
    Damaged(String),
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
    revision: u64,
    workspace: WorkspaceOut<'a>,
}

/// The workspace as written: every field as it is, except the orders, which storage writes column
/// by column (`order_book`) and a snapshot as plain objects (`orders`), for people and
/// spreadsheets. Exactly one of the two order fields is present.
#[derive(Serialize)]
pub(crate) struct WorkspaceOut<'a> {
    members: &'a [TeamMember],
    clients: &'a [Client],
    deals: &'a [Deal],
    stages: &'a [Stage],
    removed: &'a [Tombstone],
    scoring_model: &'a ScoringModel,
    assessments: &'a [Assessment],
    product_groups: &'a [ProductGroup],
    products: &'a [Product],
    #[serde(skip_serializing_if = "Option::is_none")]
    orders: Option<&'a [Order]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    order_book: Option<OrderBook>,
    transfer_policy: &'a TransferPolicy,
    transfers: &'a [TransferRecord],
}

impl<'a> WorkspaceOut<'a> {
    /// The stored shape: orders column by column.
    fn of(ws: &'a Workspace) -> Self {
        Self::build(ws, false)
    }

    /// The snapshot shape: orders as plain objects under `orders`.
    pub(crate) fn with_plain_orders(ws: &'a Workspace) -> Self {
        Self::build(ws, true)
    }

    fn build(ws: &'a Workspace, plain_orders: bool) -> Self {
        // Destructured without `..`: a field added to `Workspace` fails to compile here until it
        // is stored too, so no field can be silently left out of storage.
        let Workspace {
            members,
            clients,
            deals,
            stages,
            removed,
            scoring_model,
            assessments,
            product_groups,
            products,
            orders,
            transfer_policy,
            transfers,
        } = ws;
        let order_book = (!plain_orders).then(|| {
            let client_ids: Vec<Id> = clients.iter().map(|c| c.id.clone()).collect();
            let product_ids: Vec<Id> = products.iter().map(|p| p.id.clone()).collect();
            OrderBook::pack(orders, &client_ids, &product_ids)
        });
        WorkspaceOut {
            members,
            clients,
            deals,
            stages,
            removed,
            scoring_model,
            assessments,
            product_groups,
            products,
            orders: plain_orders.then_some(orders.as_slice()),
            order_book,
            transfer_policy,
            transfers,
        }
    }
}

#[derive(Deserialize)]
struct EnvelopeIn {
    #[serde(default)]
    revision: u64,
    workspace: WorkspaceIn,
}

/// The workspace as read, from storage or a snapshot: orders as plain objects, as columns, or
/// both (plain ones first).
#[derive(Deserialize)]
pub(crate) struct WorkspaceIn {
    #[serde(default)]
    members: Vec<TeamMember>,
    #[serde(default)]
    clients: Vec<Client>,
    #[serde(default)]
    deals: Vec<Deal>,
    #[serde(default = "Stage::default_pipeline")]
    stages: Vec<Stage>,
    #[serde(default)]
    removed: Vec<Tombstone>,
    #[serde(default)]
    scoring_model: ScoringModel,
    #[serde(default)]
    assessments: Vec<Assessment>,
    #[serde(default)]
    product_groups: Vec<ProductGroup>,
    #[serde(default)]
    products: Vec<Product>,
    /// Orders as plain objects (snapshots, hand-made or older data).
    #[serde(default)]
    pub(crate) orders: Vec<Order>,
    /// Orders as columns (what this build writes).
    #[serde(default)]
    order_book: OrderBook,
    #[serde(default)]
    transfer_policy: TransferPolicy,
    #[serde(default)]
    transfers: Vec<TransferRecord>,
}

impl WorkspaceIn {
    /// The workspace, with the column-wise orders unpacked after the plain ones.
    pub(crate) fn into_workspace(self) -> Result<Workspace, DecodeError> {
        let client_ids: Vec<Id> = self.clients.iter().map(|c| c.id.clone()).collect();
        let product_ids: Vec<Id> = self.products.iter().map(|p| p.id.clone()).collect();
        let mut orders = self.orders;
        orders.extend(
            self.order_book
                .unpack(&client_ids, &product_ids)
                .map_err(|e| DecodeError::Invalid {
                    path: "workspace.order_book".into(),
                    message: e.to_string(),
                })?,
        );
        Ok(Workspace {
            members: self.members,
            clients: self.clients,
            deals: self.deals,
            stages: self.stages,
            removed: self.removed,
            scoring_model: self.scoring_model,
            assessments: self.assessments,
            product_groups: self.product_groups,
            products: self.products,
            orders,
            transfer_policy: self.transfer_policy,
            transfers: self.transfers,
        })
    }
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
    let json = encode_json(workspace, saved_at, revision);
    let packed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), DEFLATE_LEVEL);
    let mut text = String::with_capacity(PACKED_PREFIX.len() + 21 + packed.len() * 2);
    text.push_str(PACKED_PREFIX);
    text.push_str(&revision.to_string());
    text.push(':');
    text.extend(packed.into_iter().map(char::from));
    text
}

/// The save counter of a stored value, read from its prefix without unpacking (0 for plain JSON
/// or anything unreadable).
pub fn stored_revision(text: &str) -> u64 {
    text.strip_prefix(PACKED_PREFIX)
        .and_then(|rest| rest.split_once(':'))
        .and_then(|(digits, _)| digits.parse().ok())
        .unwrap_or(0)
}

/// The JSON inside a stored value: unpacked when packed, as it is otherwise.
pub fn unpack(text: &str) -> Result<String, DecodeError> {
    let Some(rest) = text.strip_prefix(PACKED_PREFIX) else {
        return Ok(text.to_owned());
    };
    let body = match rest.split_once(':') {
        Some((digits, body)) if digits.chars().all(|c| c.is_ascii_digit()) => body,
        _ => {
            return Err(DecodeError::Damaged(
                "no revision before the packed data".into(),
            ))
        }
    };
    let bytes = body
        .chars()
        .map(|c| {
            u8::try_from(u32::from(c))
                .map_err(|_| DecodeError::Damaged(format!("character U+{:04X}", u32::from(c))))
        })
        .collect::<Result<Vec<u8>, _>>()?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&bytes, 512 * 1024 * 1024)
        .map_err(|e| DecodeError::Damaged(format!("{:?}", e.status)))?;
    String::from_utf8(json).map_err(|e| DecodeError::Damaged(e.to_string()))
}

/// A stored value as readable text for a recovery download: unpacked when possible, else raw.
pub fn readable(text: &str) -> String {
    unpack(text).unwrap_or_else(|_| text.to_owned())
}

/// Reads a stored workspace, migrating older versions step by step.
pub fn decode_workspace(text: &str) -> Result<Workspace, DecodeError> {
    decode_stored(text).map(|s| s.workspace)
}

/// Reads a stored workspace with its revision.
pub fn decode_stored(text: &str) -> Result<Stored, DecodeError> {
    let json = unpack(text)?;
    let value: serde_json::Value =
        serde_json::from_str(&json).map_err(|e| DecodeError::NotJson(e.to_string()))?;
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
    let workspace = envelope.workspace.into_workspace()?;
    if let Some(problem) = workspace.integrity_problems().into_iter().next() {
        return Err(DecodeError::Inconsistent(problem));
    }
    Ok(Stored {
        workspace,
        revision: envelope.revision,
    })
}

/// The key a corrupt value is moved to, unique per moment.
pub fn quarantine_key(unix_millis: i64) -> String {
    format!("{QUARANTINE_PREFIX}{unix_millis}")
}

#[cfg(test)]
#[path = "codec_tests.rs"]
mod tests;
