//! JSON snapshots of the whole workspace: export to one file, validated import, the preview of
//! an import against the data already here, and the report of a merge.
//!
//! A snapshot uses the storage envelope's format name and version line
//! (`"format": "salesdesk.workspace", "version": 4`), so a file saved by «Скачать все данные
//! файлом» before snapshots existed still imports, and older versions migrate step by step
//! through [`crate::restore::migrate`]. Unlike storage, a snapshot writes orders as plain objects
//! under `orders` (people and spreadsheets read these files) and adds a `derived` section of
//! figures for readers (scores, transfer eligibility, farmer metrics) that import ignores.
//!
//! Import never trusts the file: [`read_snapshot`] takes the one restore path
//! ([`crate::restore`]), which checks everything (size, JSON with no key twice, format, version,
//! every field's kind, ids, references, amounts, dates, the scoring model and the transfer
//! policy) before it returns a workspace, so nothing is written unless all of it is sound. The format and limits are described in `docs/snapshot.md` and
//! `docs/snapshot.schema.json`.
//!
//! Pure Rust: no browser or UI imports, so it is tested natively. No words either: the merge
//! report and the `derived` section's explanations are put into words by `crate::i18n`, which
//! sits above this layer (see [`ImportReport`] and [`export_snapshot`]).

mod backup;
mod derived;
mod director;
mod export;
mod file_name;
mod preview;
mod preview_steps;
mod read;
mod report;

pub use backup::Backup;
pub use derived::{
    ClientFigures, ClientScore, ConditionLine, Derived, DerivedSummary, DescribeOutcome,
    PeriodFigures, TransferCheck, DERIVED_MONTHS,
};
pub use director::{director_records_guarded, exported_by_director};
pub use export::{export_snapshot, ExportSteps};
pub use file_name::{snapshot_file_name, transliterate};
pub use preview::{
    apply_merge, apply_replace, future_changes, record_counts, removals, ImportPreview,
    KindPreview, Removal,
};
pub use preview_steps::{ImportPreviewSteps, PreviewReady};
pub use read::{
    file_text, read_snapshot, read_snapshot_all, Snapshot, SnapshotMeta, SnapshotSteps,
};
pub use report::ImportReport;

/// The largest snapshot file import accepts: 64 MiB. A full-size workspace (5 000 clients,
/// 100 000 orders) exports to about 37 MB (see `bench_snapshot`), so the limit leaves room to
/// grow while refusing, before any parsing, a file that would freeze the tab.
pub const MAX_SNAPSHOT_BYTES: usize = 64 * 1024 * 1024;

#[cfg(test)]
pub(crate) mod tests;
