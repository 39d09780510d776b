//! The report of a merge import as data: the file, its header, when it was imported, what the
//! merge did (counts per kind, every conflict with both values and times, resurrections and
//! repairs) and each conflict's two values as people read them. [`ImportReport::to_json`] writes
//! it as JSON (ids included, kinds, sides and reasons as snake_case keys).
//!
//! The report has no words of its own: the plain-text report in Russian or English, with the
//! names of kinds and fields, is written by `crate::i18n::report` from this data, since the
//! translation layer sits above the snapshot layer and the snapshot layer must not import it.

use super::read::SnapshotMeta;
use crate::domain::dates::Timestamp;
use crate::domain::merge::{DropReason, MergeReport, RecordKind, Repair, Side};
use crate::domain::workspace::Workspace;
use chrono::FixedOffset;
use serde_json::{json, Value};

/// A merge import as the user downloads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportReport {
    /// The imported file's name, as the user chose it.
    pub file_name: String,
    /// The file's header.
    pub meta: SnapshotMeta,
    /// When the import was done.
    pub imported_at: Timestamp,
    /// What the merge did.
    pub report: MergeReport,
    /// The reader's offset from UTC, for showing times as the reader's clock shows them.
    pub offset: FixedOffset,
    /// Each conflict's two values as people read them (names instead of ids), in the order
    /// of `report.conflicts`.
    pub conflict_values: Vec<(String, String)>,
}

/// The key of a kind in the JSON report (the same words as the snapshot's field names).
fn kind_key(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Member => "member",
        RecordKind::Client => "client",
        RecordKind::Deal => "deal",
        RecordKind::Assessment => "assessment",
        RecordKind::ProductGroup => "product_group",
        RecordKind::Product => "product",
        RecordKind::Order => "order",
        RecordKind::Stage => "stage",
        RecordKind::ScoringModel => "scoring_model",
        RecordKind::Transfer => "transfer",
        RecordKind::TransferPolicy => "transfer_policy",
        RecordKind::StageChange => "stage_change",
        RecordKind::PipelineSettings => "pipeline_settings",
        RecordKind::SalesPlan => "sales_plan",
        RecordKind::Activity => "activity",
        RecordKind::Task => "task",
    }
}

/// A field value (JSON text) as a person reads it: text without quotes, ids as the names of
/// what they point to, dates as DD.MM.YYYY, amounts in roubles, empty as «—». None of these
/// depends on the language (the dash is the same in both), so the values are settled here once,
/// while the workspace that names the ids is at hand.
fn readable(json_text: &str, ws: &Workspace) -> String {
    let value: Value = serde_json::from_str(json_text).unwrap_or(Value::Null);
    match &value {
        Value::Null => "—".to_owned(),
        Value::String(s) if s.is_empty() => "—".to_owned(),
        Value::String(s) => {
            let id = crate::domain::Id::from_raw(s.as_str());
            if let Some(name) = ws
                .member(&id)
                .map(|m| m.name.clone())
                .or_else(|| ws.client(&id).map(|c| c.name.clone()))
                .or_else(|| ws.stage(&id).map(crate::domain::merge::Record::label))
                .or_else(|| {
                    ws.products
                        .iter()
                        .find(|p| p.id == id)
                        .map(|p| p.name.clone())
                })
                .or_else(|| {
                    let groups = ws.product_groups.iter();
                    groups.clone().find(|g| g.id == id).map(|g| g.name.clone())
                })
            {
                return name;
            }
            match crate::domain::dates::parse_date(s) {
                Some(d) if s.len() == 10 => crate::domain::dates::format_date(d),
                _ => s.clone(),
            }
        }
        Value::Number(n) => n
            .as_i64()
            .map(|k| crate::domain::Money::from_kopecks(k).to_string())
            .unwrap_or_else(|| n.to_string()),
        other => other.to_string(),
    }
}

/// The key of a side in the JSON report.
fn side_key(s: Side) -> &'static str {
    match s {
        Side::Ours => "ours",
        Side::Theirs => "theirs",
    }
}

/// The key of a repair's reason in the JSON report, with the id of what was missing.
fn reason_key(r: &DropReason) -> (&'static str, Option<String>) {
    match r {
        DropReason::ClientMissing(id) => ("client_missing", Some(id.to_string())),
        DropReason::DealMissing(id) => ("deal_missing", Some(id.to_string())),
        DropReason::StageMissing(id) => ("stage_missing", Some(id.to_string())),
        DropReason::OwnerMissing(id) => ("owner_missing", Some(id.to_string())),
        DropReason::GroupMissing(id) => ("group_missing", Some(id.to_string())),
        DropReason::ProductMissing(id) => ("product_missing", Some(id.to_string())),
        DropReason::DuplicateId => ("duplicate_id", None),
    }
}

impl ImportReport {
    /// The report of a merge of the file `file_name` (header `meta`) done at `imported_at`.
    pub fn new(
        file_name: &str,
        meta: &SnapshotMeta,
        report: &MergeReport,
        imported_at: Timestamp,
        offset: FixedOffset,
        names: &Workspace,
    ) -> ImportReport {
        let conflict_values = report
            .conflicts
            .iter()
            .map(|c| {
                (
                    readable(&c.ours_value, names),
                    readable(&c.theirs_value, names),
                )
            })
            .collect();
        ImportReport {
            file_name: file_name.to_owned(),
            meta: meta.clone(),
            imported_at,
            report: report.clone(),
            offset,
            conflict_values,
        }
    }

    /// The report as a JSON value (kinds, sides and reasons as snake_case keys, timestamps
    /// RFC 3339).
    pub fn to_json_value(&self) -> Value {
        let r = &self.report;
        let counts: serde_json::Map<String, Value> = RecordKind::ALL
            .iter()
            .map(|&k| {
                let c = r.counts(k);
                (
                    kind_key(k).to_owned(),
                    json!({"added": c.added, "updated": c.updated, "unchanged": c.kept, "removed": c.removed}),
                )
            })
            .collect();
        let conflicts: Vec<Value> = r
            .conflicts
            .iter()
            .map(|c| {
                json!({"kind": kind_key(c.kind), "id": c.id, "label": c.label,
                    "field": c.field, "ours_value": serde_json::from_str::<Value>(&c.ours_value).ok(),
                    "theirs_value": serde_json::from_str::<Value>(&c.theirs_value).ok(),
                    "winner": side_key(c.winner), "ours_updated_at": c.ours_updated_at,
                    "theirs_updated_at": c.theirs_updated_at})
            })
            .collect();
        let resurrections: Vec<Value> = r
            .resurrected
            .iter()
            .map(|x| {
                json!({"kind": kind_key(x.kind), "id": x.id, "label": x.label,
                    "removed_at": x.removed_at, "updated_at": x.updated_at,
                    "held_by": side_key(x.held_by)})
            })
            .collect();
        let repairs: Vec<Value> = r
            .repairs
            .iter()
            .map(|x| match x {
                Repair::Dropped {
                    kind,
                    id,
                    label,
                    reason: why,
                } => {
                    let (key, about) = reason_key(why);
                    json!({"repair": "dropped", "kind": kind_key(*kind), "id": id,
                        "label": label, "reason": key, "missing": about})
                }
                Repair::KeptInUse {
                    kind,
                    id,
                    label,
                    removed_at,
                    held_by,
                    used_by,
                } => json!({"repair": "kept_in_use", "kind": kind_key(*kind), "id": id,
                    "label": label, "removed_at": removed_at, "held_by": side_key(*held_by),
                    "used_by": used_by}),
            })
            .collect();
        json!({
            "file_name": self.file_name,
            "imported_at": self.imported_at,
            "source": {
                "version": self.meta.version,
                "app_version": self.meta.app_version,
                "exported_at": self.meta.exported_at,
                "exported_by": self.meta.exported_by,
            },
            "counts": counts,
            "tombstones_changed": r.tombstones_changed,
            "conflicts": conflicts,
            "resurrections": resurrections,
            "repairs": repairs,
        })
    }

    /// The report as pretty-printed JSON (small, and meant to be read).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.to_json_value()).unwrap_or_default()
    }
}
