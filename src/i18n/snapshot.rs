//! Snapshot import problems, and what a merge import did, in words.

use super::errors::describe_model_error;
use super::snapshot_table::SnapshotText;
use super::translate::{fill, Translate};
use crate::domain::merge::MergeReport;
use crate::domain::money::Money;
use crate::lang::Lang;
use crate::snapshot::SnapshotError;

/// One import problem, with its JSON path where it has one.
pub fn describe_snapshot_error(lang: Lang, error: &SnapshotError) -> String {
    let t = |k: SnapshotText| k.get(lang);
    match error {
        SnapshotError::TooLarge { bytes, limit } => {
            fill(t(SnapshotText::ErrTooLarge), &[&mib(*bytes), &mib(*limit)])
        }
        SnapshotError::NotJson { line, column, .. } => fill(
            t(SnapshotText::ErrNotJson),
            &[&line.to_string(), &column.to_string()],
        ),
        SnapshotError::WrongFormat { found } => fill(t(SnapshotText::ErrWrongFormat), &[found]),
        SnapshotError::FutureVersion { found, supported } => fill(
            t(SnapshotText::ErrFutureVersion),
            &[&found.to_string(), &supported.to_string()],
        ),
        SnapshotError::Invalid { path, message } => {
            fill(t(SnapshotText::ErrInvalid), &[path, message])
        }
        SnapshotError::DuplicateId { path, id } => {
            fill(t(SnapshotText::ErrDuplicateId), &[path, id.as_str()])
        }
        SnapshotError::MissingReference { path, id } => {
            fill(t(SnapshotText::ErrMissingReference), &[path, id.as_str()])
        }
        SnapshotError::BadAmount { path, kopecks } => fill(
            t(SnapshotText::ErrBadAmount),
            &[path, &Money::from_kopecks(*kopecks).to_string()],
        ),
        SnapshotError::EmptyOrder { path } => fill(t(SnapshotText::ErrEmptyOrder), &[path]),
        SnapshotError::LevelOutOfRange { path, level } => {
            fill(t(SnapshotText::ErrLevel), &[path, &level.to_string()])
        }
        SnapshotError::DateOutOfRange { path, value } => {
            fill(t(SnapshotText::ErrDate), &[path, value])
        }
        SnapshotError::InvalidScoringModel(problems) => {
            let list: Vec<String> = problems
                .iter()
                .map(|p| describe_model_error(lang, p))
                .collect();
            fill(t(SnapshotText::ErrModel), &[&list.join(" ")])
        }
        SnapshotError::InvalidTransferPolicy(_) => t(SnapshotText::ErrPolicy).to_owned(),
    }
}

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

/// Bytes as whole mebibytes, rounded up («64»).
fn mib(bytes: usize) -> String {
    bytes.div_ceil(1024 * 1024).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Id;

    #[test]
    fn problems_name_their_path() {
        let e = SnapshotError::MissingReference {
            path: "workspace.deals[4].client_id".into(),
            id: Id::from_raw("c9"),
        };
        assert_eq!(
            describe_snapshot_error(Lang::Ru, &e),
            "workspace.deals[4].client_id: нет записи с id c9."
        );
        let e = SnapshotError::FutureVersion {
            found: 9,
            supported: 3,
        };
        assert!(describe_snapshot_error(Lang::En, &e).contains("newer Salesdesk"));
    }
}
