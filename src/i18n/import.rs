//! An import of a table in words: the fields, the reading settings, every row problem
//! («строка 17: сумма «12,3,4» не число») and every refusal.

use super::import_table::ImportText;
use super::translate::{fill, Translate};
use crate::domain::inn::InnError;
use crate::import::number::NumberError;
use crate::import::{
    ClientRef, Counts, Field, FileError, Fit, MappingError, Problem, RowProblem, Separator,
    TableError, TextEncoding,
};
use crate::lang::Lang;
use crate::storage::capacity::{percent_used, QUOTA_BYTES};

/// The name of a field, as the mapping's selects show it.
pub fn field_name(lang: Lang, field: Field) -> &'static str {
    let text = match field {
        Field::ClientName => ImportText::FieldClientName,
        Field::Inn => ImportText::FieldInn,
        Field::Kpp => ImportText::FieldKpp,
        Field::ContactName => ImportText::FieldContactName,
        Field::Phone => ImportText::FieldPhone,
        Field::Email => ImportText::FieldEmail,
        Field::Owner => ImportText::FieldOwner,
        Field::Status => ImportText::FieldStatus,
        Field::Notes => ImportText::FieldNotes,
        Field::Date => ImportText::FieldDate,
        Field::Document => ImportText::FieldDocument,
        Field::Product => ImportText::FieldProduct,
        Field::Article => ImportText::FieldArticle,
        Field::Group => ImportText::FieldGroup,
        Field::Quantity => ImportText::FieldQuantity,
        Field::Amount => ImportText::FieldAmount,
    };
    text.get(lang)
}

/// The name of an encoding.
pub fn encoding_name(lang: Lang, encoding: TextEncoding) -> &'static str {
    match encoding {
        TextEncoding::Utf8 => ImportText::EncodingUtf8,
        TextEncoding::Windows1251 => ImportText::EncodingWindows1251,
    }
    .get(lang)
}

/// The name of a separator.
pub fn separator_name(lang: Lang, separator: Separator) -> &'static str {
    match separator {
        Separator::Semicolon => ImportText::SeparatorSemicolon,
        Separator::Comma => ImportText::SeparatorComma,
        Separator::Tab => ImportText::SeparatorTab,
    }
    .get(lang)
}

/// What is wrong with a row, without its number.
pub fn describe_row_problem(lang: Lang, problem: &RowProblem) -> String {
    let put = |text: ImportText, value: &str| fill(text.get(lang), &[value]);
    match problem {
        RowProblem::Missing(field) => put(ImportText::ProblemMissing, field_name(lang, *field)),
        RowProblem::BadAmount { text, error } => {
            let key = match error {
                NumberError::Empty | NumberError::NotANumber => ImportText::ProblemAmountNotNumber,
                NumberError::TooPrecise => ImportText::ProblemAmountPrecise,
                NumberError::TooLarge => ImportText::ProblemAmountLarge,
            };
            put(key, text)
        }
        RowProblem::BadDate { text, .. } => put(ImportText::ProblemDate, text),
        RowProblem::BadInn { text, error } => {
            let key = match error {
                InnError::WrongLength => ImportText::ProblemInnLength,
                InnError::NotDigits => ImportText::ProblemInnDigits,
                InnError::BadChecksum => ImportText::ProblemInnChecksum,
            };
            put(key, text)
        }
        RowProblem::BadKpp { text } => put(ImportText::ProblemKpp, text),
        RowProblem::BadQuantity { text } => put(ImportText::ProblemQuantity, text),
        RowProblem::NotPositive { text } => put(ImportText::ProblemNotPositive, text),
        RowProblem::UnknownStatus { text } => put(ImportText::ProblemUnknownStatus, text),
        RowProblem::UnknownOwner { name } => put(ImportText::ProblemUnknownOwner, name),
        RowProblem::ClientNotFound(ClientRef::Inn(inn)) => {
            put(ImportText::ProblemClientInnNotFound, inn)
        }
        RowProblem::ClientNotFound(ClientRef::Name(name)) => {
            put(ImportText::ProblemClientNameNotFound, name)
        }
        RowProblem::ProductNotFound { name } => put(ImportText::ProblemProductNotFound, name),
        RowProblem::RepeatedInFile { first_row } => {
            put(ImportText::ProblemRepeated, &first_row.to_string())
        }
        RowProblem::DeletedEarlier { document } => put(ImportText::ProblemDeletedEarlier, document),
        RowProblem::DocumentHasProblem { bad_row } => {
            put(ImportText::ProblemDocumentWaits, &bad_row.to_string())
        }
    }
}

/// A problem with its row: «строка 17: сумма «12,3,4» не число».
pub fn describe_problem_row(lang: Lang, problem: &Problem) -> String {
    fill(
        ImportText::RowPrefix.get(lang),
        &[
            &problem.row.to_string(),
            &describe_row_problem(lang, &problem.problem),
        ],
    )
}

/// Why a file is refused.
pub fn describe_file_error(lang: Lang, error: &FileError) -> String {
    let mb = |bytes: usize| (bytes / (1024 * 1024)).to_string();
    match error {
        FileError::TooLarge { bytes, limit } => fill(
            ImportText::ErrFileTooLarge.get(lang),
            &[&mb(*bytes), &mb(*limit)],
        ),
        FileError::NotATable => ImportText::ErrNotATable.get(lang).to_owned(),
        FileError::ProtectedOrOld => ImportText::ErrProtectedOrOld.get(lang).to_owned(),
        FileError::Workbook(detail) => fill(ImportText::ErrWorkbook.get(lang), &[detail]),
    }
}

/// Why no table was found in a file.
pub fn describe_table_error(lang: Lang, error: &TableError) -> &'static str {
    match error {
        TableError::Empty => ImportText::ErrEmpty.get(lang),
        TableError::NoRows => ImportText::ErrNoRows.get(lang),
    }
}

/// Why a mapping cannot be imported.
pub fn describe_mapping_error(lang: Lang, error: &MappingError) -> String {
    match error {
        MappingError::Missing(field) => fill(
            ImportText::ErrMappingMissing.get(lang),
            &[field_name(lang, *field)],
        ),
        MappingError::Twice(field) => fill(
            ImportText::ErrMappingTwice.get(lang),
            &[field_name(lang, *field)],
        ),
    }
}

/// One line of counts: «Заказы: добавится 3, уже есть 0, обновится 0, пропущено 1.».
pub fn describe_counts(lang: Lang, template: ImportText, counts: &Counts) -> String {
    fill(
        template.get(lang),
        &[
            &counts.added.to_string(),
            &counts.matched.to_string(),
            &counts.updated.to_string(),
            &counts.skipped.to_string(),
        ],
    )
}

/// Bytes as megabytes with one decimal, written as the language writes numbers («5,6»).
fn megabytes(lang: Lang, bytes: u64) -> String {
    let tenths = (bytes * 10).div_ceil(1024 * 1024);
    let (whole, tenth) = (tenths / 10, tenths % 10);
    let point = if lang == Lang::Ru { ',' } else { '.' };
    if tenth == 0 {
        whole.to_string()
    } else {
        format!("{whole}{point}{tenth}")
    }
}

/// What the preview says about the room an import needs: nothing when it fits well, a warning
/// above 80 % of the quota, the refusal above it.
pub fn describe_fit(lang: Lang, fit: Fit) -> Option<String> {
    let quota = megabytes(lang, QUOTA_BYTES);
    match fit {
        Fit::Fits { .. } => None,
        Fit::Tight { after } => Some(fill(
            ImportText::FitTight.get(lang),
            &[
                &percent_used(after).to_string(),
                &megabytes(lang, after),
                &quota,
            ],
        )),
        Fit::TooBig { after } => Some(fill(
            ImportText::FitTooBig.get(lang),
            &[&megabytes(lang, after), &quota],
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_problems_read_as_sentences() {
        let problem = Problem {
            row: 17,
            problem: RowProblem::BadAmount {
                text: "12,3,4".into(),
                error: NumberError::NotANumber,
            },
        };
        assert_eq!(
            describe_problem_row(Lang::Ru, &problem),
            "строка 17: сумма «12,3,4» не число"
        );
        assert_eq!(
            describe_problem_row(Lang::En, &problem),
            "row 17: the amount “12,3,4” is not a number"
        );
        let missing = Problem {
            row: 40,
            problem: RowProblem::ClientNotFound(ClientRef::Inn("7707083893".into())),
        };
        assert_eq!(
            describe_problem_row(Lang::Ru, &missing),
            "строка 40: клиент с ИНН 7707083893 не найден — создать?"
        );
        assert_eq!(
            describe_row_problem(Lang::Ru, &RowProblem::Missing(Field::Amount)),
            "не заполнено поле «Сумма»"
        );
    }

    #[test]
    fn counts_and_refusals_are_worded() {
        let counts = Counts {
            added: 3,
            matched: 0,
            updated: 1,
            skipped: 2,
        };
        assert_eq!(
            describe_counts(Lang::Ru, ImportText::SummaryOrders, &counts),
            "Заказы: добавится 3, уже есть 0, обновится 1, пропущено 2."
        );
        let big = FileError::TooLarge {
            bytes: 70 * 1024 * 1024,
            limit: 64 * 1024 * 1024,
        };
        assert_eq!(
            describe_file_error(Lang::Ru, &big),
            "Файл 70 МБ — больше предела 64 МБ."
        );
        assert_eq!(
            describe_mapping_error(Lang::Ru, &MappingError::Missing(Field::Date)),
            "Укажите столбец для поля «Дата»."
        );
    }

    #[test]
    fn the_room_needed_is_worded() {
        let mb = 1024 * 1024;
        assert_eq!(describe_fit(Lang::Ru, Fit::Fits { after: mb }), None);
        assert_eq!(
            describe_fit(Lang::Ru, Fit::TooBig { after: 5 * mb + 6 * mb / 10 }).unwrap(),
            "Импорт не поместится в память браузера: нужно ≈5,6 МБ из 5 МБ. Удалите старые резервные копии на этой странице или загрузите файл частями (например, по кварталам)."
        );
        assert!(describe_fit(Lang::En, Fit::TooBig { after: 6 * mb })
            .unwrap()
            .contains("about 6 MB of 5 MB"));
        assert_eq!(
            describe_fit(Lang::Ru, Fit::Tight { after: 9 * mb / 2 }).unwrap(),
            "После импорта память браузера будет занята на 90 % (≈4,5 МБ из 5 МБ): места останется мало."
        );
    }
}
