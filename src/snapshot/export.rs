//! Writing a snapshot: the storage envelope's header, the workspace with plain orders, who
//! exported it and when, and the derived figures for readers.

use super::derived::{derive, Derived, DescribeOutcome};
use crate::domain::dates::Timestamp;
use crate::domain::team::TeamMember;
use crate::domain::workspace::Workspace;
use crate::format::envelope::{ExportedBy, WorkspaceOut};
use crate::format::{FORMAT, VERSION};
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Serialize)]
struct SnapshotOut<'a> {
    format: &'static str,
    version: u64,
    app_version: &'static str,
    exported_at: Timestamp,
    exported_by: Option<ExportedBy>,
    workspace: WorkspaceOut<'a>,
    derived: Derived,
}

/// The snapshot of `ws` as one line of compact JSON (see `docs/snapshot.md`).
///
/// `exported_at` is the moment of the export; `today` is the user's calendar day, the «as of»
/// day of the derived figures (the last 12 months up to it); `describe` writes each transfer
/// condition's figures in Russian for the derived section (the app passes
/// `crate::i18n::outcome::describe_ru`). Compact rather than pretty:
/// indentation would make a full-size file half as large again for no reader's benefit
/// (any editor or `jq .` pretty-prints it).
pub fn export_snapshot(
    ws: &Workspace,
    exported_by: Option<&TeamMember>,
    exported_at: Timestamp,
    today: NaiveDate,
    describe: DescribeOutcome,
) -> String {
    let out = SnapshotOut {
        format: FORMAT,
        version: VERSION,
        app_version: env!("CARGO_PKG_VERSION"),
        exported_at,
        exported_by: exported_by.map(ExportedBy::of),
        workspace: WorkspaceOut::with_plain_orders(ws),
        derived: derive(ws, today, describe),
    };
    // Every map in the output has string keys, the only way serde_json can fail here.
    serde_json::to_string(&out).expect("a snapshot always serialises")
}
