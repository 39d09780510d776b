//! Rows a table import left out with sync on, in words: «Пропущено 3 строки: клиенты других
//! владельцев — изменить их может владелец или директор.», one sentence per reason.

use super::import_table::ImportText;
use super::plural::{plural, Plural};
use super::translate::Translate;
use crate::import::LeftOutReason;
use crate::lang::Lang;

/// Why rows were left out, as the end of the sentence.
fn reason_text(reason: LeftOutReason) -> ImportText {
    match reason {
        LeftOutReason::OthersClients => ImportText::LeftOutOthersClients,
        LeftOutReason::OwnerChange => ImportText::LeftOutOwnerChange,
        LeftOutReason::NewForOthers => ImportText::LeftOutNewForOthers,
        LeftOutReason::OthersOrders => ImportText::LeftOutOthersOrders,
        LeftOutReason::Catalogue => ImportText::LeftOutCatalogue,
        LeftOutReason::NoRights => ImportText::LeftOutNoRights,
    }
}

/// `rows` rows left out for `reason`, as one sentence with the number's form.
pub fn describe_left_out(lang: Lang, reason: LeftOutReason, rows: usize) -> String {
    plural(
        lang,
        Plural::LeftOutRows,
        rows as u64,
        &[&rows.to_string(), reason_text(reason).get(lang)],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_count_takes_its_form_in_both_languages() {
        let ru = |n| describe_left_out(Lang::Ru, LeftOutReason::OthersClients, n);
        assert_eq!(
            ru(1),
            "Пропущена 1 строка: клиенты других владельцев — изменить их может владелец или директор."
        );
        assert!(ru(2).starts_with("Пропущено 2 строки: "), "{}", ru(2));
        assert!(ru(3).starts_with("Пропущено 3 строки: "), "{}", ru(3));
        assert!(ru(5).starts_with("Пропущено 5 строк: "), "{}", ru(5));
        assert!(ru(11).starts_with("Пропущено 11 строк: "), "{}", ru(11));
        assert!(ru(21).starts_with("Пропущена 21 строка: "), "{}", ru(21));
        let en = |n| describe_left_out(Lang::En, LeftOutReason::OwnerChange, n);
        assert_eq!(
            en(1),
            "1 row left out: a change of owner — only the director changes owners."
        );
        assert!(en(2).starts_with("2 rows left out: "));
        assert!(en(5).starts_with("5 rows left out: "));
        assert!(en(21).starts_with("21 rows left out: "));
    }

    #[test]
    fn every_reason_has_words() {
        use LeftOutReason::*;
        for reason in [
            OthersClients,
            OwnerChange,
            NewForOthers,
            OthersOrders,
            Catalogue,
            NoRights,
        ] {
            for lang in [Lang::Ru, Lang::En] {
                let text = describe_left_out(lang, reason, 4);
                assert!(text.len() > 25 && !text.contains("{}"), "{text}");
            }
        }
    }
}
