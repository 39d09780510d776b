//! What a merge import did, in words (its problems are worded by [`super::restore`]).

use super::snapshot_table::SnapshotText;
use super::translate::{fill, Translate};
use crate::domain::merge::MergeReport;
use crate::lang::Lang;

/// What a merge import did, in one sentence for the import screen: «Добавлено: 2, обновлено: 1,
/// удалено: 1, без изменений: 23, конфликтов: 1.» (the downloadable report is in
/// [`super::report`]).
pub fn merge_summary(lang: Lang, report: &MergeReport) -> String {
    let s = report.summary();
    fill(
        SnapshotText::ReportSummary.get(lang),
        &[
            &s.added.to_string(),
            &s.updated.to_string(),
            &s.removed.to_string(),
            &s.kept.to_string(),
            &report.conflicts.len().to_string(),
        ],
    )
}
