//! Why data could not be restored (a file to import, the stored workspace, a backup), in words:
//! one text for each [`RestoreError`], with the JSON path where there is one and no parser
//! jargon.

use super::deal_table::DealText;
use super::deals::describe_settings_problems;
use super::errors::describe_model_error;
use super::plan_table::PlanText;
use super::snapshot_table::SnapshotText;
use super::translate::{fill, Translate};
use crate::domain::money::Money;
use crate::domain::workspace::IntegrityProblem;
use crate::format::order_book::OrderBookError;
use crate::lang::Lang;
use crate::restore::{FieldProblem, FoundValue, RestoreError, ValueKind};

/// One problem, with its JSON path where it has one.
pub fn describe_restore_error(lang: Lang, error: &RestoreError) -> String {
    let t = |k: SnapshotText| k.get(lang);
    match error {
        RestoreError::TooLarge { bytes, limit } => {
            fill(t(SnapshotText::ErrTooLarge), &[&mib(*bytes), &mib(*limit)])
        }
        RestoreError::NotJson { line, column, .. } => fill(
            t(SnapshotText::ErrNotJson),
            &[&line.to_string(), &column.to_string()],
        ),
        RestoreError::WrongFormat { found } => fill(t(SnapshotText::ErrWrongFormat), &[found]),
        RestoreError::FutureVersion { found, supported } => fill(
            t(SnapshotText::ErrFutureVersion),
            &[&found.to_string(), &supported.to_string()],
        ),
        RestoreError::Nothing => t(SnapshotText::ErrNothing).to_owned(),
        RestoreError::Damaged(_) => t(SnapshotText::ErrDamaged).to_owned(),
        RestoreError::DuplicateKey { path, key } => {
            let at = if path.is_empty() {
                t(SnapshotText::TopLevel)
            } else {
                path
            };
            fill(t(SnapshotText::ErrDuplicateKey), &[at, key])
        }
        RestoreError::BadVersion => t(SnapshotText::ErrBadVersion).to_owned(),
        RestoreError::Field { path, problem } => describe_field(lang, path, problem),
        RestoreError::OrderBook(e) => match e {
            OrderBookError::Ragged => t(SnapshotText::ErrOrderBookRagged).to_owned(),
            OrderBookError::BadPosition(i) => fill(
                t(SnapshotText::ErrOrderBookPosition),
                &[&(i + 1).to_string()],
            ),
            OrderBookError::BadDate(i) => {
                fill(t(SnapshotText::ErrOrderBookDate), &[&(i + 1).to_string()])
            }
            OrderBookError::BadQuantity(i) => fill(
                t(SnapshotText::ErrOrderBookQuantity),
                &[&(i + 1).to_string()],
            ),
        },
        RestoreError::Inconsistent(IntegrityProblem::DuplicateId(id)) => {
            fill(t(SnapshotText::ErrInconsistentDuplicate), &[id.as_str()])
        }
        RestoreError::Inconsistent(IntegrityProblem::DanglingReference { record, missing }) => {
            fill(
                t(SnapshotText::ErrInconsistentDangling),
                &[record.as_str(), missing.as_str()],
            )
        }
        RestoreError::DuplicateId { path, id } => {
            fill(t(SnapshotText::ErrDuplicateId), &[path, id.as_str()])
        }
        RestoreError::MissingReference { path, id } => {
            fill(t(SnapshotText::ErrMissingReference), &[path, id.as_str()])
        }
        RestoreError::BadAmount { path, kopecks } => fill(
            t(SnapshotText::ErrBadAmount),
            &[path, &Money::from_kopecks(*kopecks).to_string()],
        ),
        RestoreError::BadValue { path, value } => {
            fill(t(SnapshotText::ErrBadValue), &[path, value])
        }
        RestoreError::EmptyOrder { path } => fill(t(SnapshotText::ErrEmptyOrder), &[path]),
        RestoreError::LevelOutOfRange { path, level } => {
            fill(t(SnapshotText::ErrLevel), &[path, &level.to_string()])
        }
        RestoreError::DateOutOfRange { path, value } => {
            fill(t(SnapshotText::ErrDate), &[path, value])
        }
        RestoreError::InvalidScoringModel(problems) => {
            let list: Vec<String> = problems
                .iter()
                .map(|p| describe_model_error(lang, p))
                .collect();
            fill(t(SnapshotText::ErrModel), &[&list.join(" ")])
        }
        RestoreError::InvalidTransferPolicy(_) => t(SnapshotText::ErrPolicy).to_owned(),
        RestoreError::InvalidPipelineSettings(problems) => {
            // The file's stages may not be ours: a limit's stage is named by its id.
            let words = describe_settings_problems(lang, problems, |id| id.to_string());
            fill(DealText::ErrFileSettings.get(lang), &[&words])
        }
        RestoreError::InvalidSalesPlan { path, .. } => {
            fill(PlanText::ErrFilePlan.get(lang), &[path])
        }
        RestoreError::BlankLostReason { path } => {
            fill(DealText::ErrFileBlankReason.get(lang), &[path])
        }
    }
}

fn describe_field(lang: Lang, path: &str, problem: &FieldProblem) -> String {
    let t = |k: SnapshotText| k.get(lang);
    match problem {
        FieldProblem::Missing(_) => fill(t(SnapshotText::ErrMissingField), &[path]),
        FieldProblem::WrongKind { expected, found } => fill(
            t(SnapshotText::ErrWrongKind),
            &[path, kind(lang, *expected), &found_value(lang, found)],
        ),
        FieldProblem::NotAllowed { expected, found } => fill(
            t(SnapshotText::ErrNotAllowed),
            &[path, &found_value(lang, found), kind(lang, *expected)],
        ),
    }
}

fn kind(lang: Lang, kind: ValueKind) -> &'static str {
    let key = match kind {
        ValueKind::WholeNumber => SnapshotText::KindWholeNumber,
        ValueKind::Number => SnapshotText::KindNumber,
        ValueKind::Text => SnapshotText::KindText,
        ValueKind::YesNo => SnapshotText::KindYesNo,
        ValueKind::List => SnapshotText::KindList,
        ValueKind::Record => SnapshotText::KindRecord,
        ValueKind::Choice => SnapshotText::KindChoice,
        ValueKind::Date => SnapshotText::KindDate,
        ValueKind::Other => SnapshotText::KindOther,
    };
    key.get(lang)
}

fn found_value(lang: Lang, found: &FoundValue) -> String {
    let t = |k: SnapshotText| k.get(lang);
    match found {
        FoundValue::Null => t(SnapshotText::FoundNull).to_owned(),
        FoundValue::YesNo(b) => b.to_string(),
        FoundValue::Number(n) => fill(t(SnapshotText::FoundNumber), &[n]),
        FoundValue::Text(s) => fill(t(SnapshotText::FoundText), &[s]),
        FoundValue::List => t(SnapshotText::FoundList).to_owned(),
        FoundValue::Record => t(SnapshotText::FoundRecord).to_owned(),
        FoundValue::Unknown => t(SnapshotText::FoundUnknown).to_owned(),
    }
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
        let e = RestoreError::MissingReference {
            path: "workspace.deals[4].client_id".into(),
            id: Id::from_raw("c9"),
        };
        assert_eq!(
            describe_restore_error(Lang::Ru, &e),
            "workspace.deals[4].client_id: нет записи с id c9."
        );
        let e = RestoreError::FutureVersion {
            found: 9,
            supported: 3,
        };
        assert!(describe_restore_error(Lang::En, &e).contains("newer Salesdesk"));
    }

    #[test]
    fn field_problems_read_without_parser_words() {
        let e = RestoreError::Field {
            path: "workspace.orders[3].lines[0].amount".into(),
            problem: FieldProblem::WrongKind {
                expected: ValueKind::WholeNumber,
                found: FoundValue::Number("1.5".into()),
            },
        };
        assert_eq!(
            describe_restore_error(Lang::Ru, &e),
            "workspace.orders[3].lines[0].amount: ожидается целое число, а в данных — число 1.5."
        );
        let e = RestoreError::Field {
            path: "workspace".into(),
            problem: FieldProblem::Missing("workspace".into()),
        };
        assert_eq!(
            describe_restore_error(Lang::Ru, &e),
            "Нет обязательного поля workspace."
        );
        let e = RestoreError::DuplicateKey {
            path: String::new(),
            key: "format".into(),
        };
        assert_eq!(
            describe_restore_error(Lang::En, &e),
            "the top level of the file: the key “format” appears twice, and which value is right is unknown."
        );
    }
}
