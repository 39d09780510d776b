//! Texts with a number in them: the one plural rule of each language and the table of the
//! texts whose words change with the number.
//!
//! Russian has three forms chosen by the last digits (1, 21, 101 «балл»; 2–4, 22–24 «балла»;
//! 0, 5–20, 25–30, 11–14, 111 «баллов»), English two (1 «point», anything else «points»). The
//! same rule picks a noun, a case form («на 1 балле», «на 5 баллах») or a verb («выполнит 1
//! клиент», «выполнят 5 клиентов»), so every entry of [`Plural`] holds whole phrases, one per
//! form, and [`plural`] picks the phrase for the number and fills in its `{}` places.

use super::translate::fill;
use crate::lang::Lang;

/// Which form a number takes (CLDR's categories for integers).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PluralCategory {
    /// Russian 1, 21, 31, 101 …; English 1.
    One,
    /// Russian 2–4, 22–24, 102 …
    Few,
    /// Russian 0, 5–20, 25–30, 111 …
    Many,
    /// English: everything but 1.
    Other,
}

/// The plural category of `n` in `lang`: the one plural function of the app.
pub fn plural_category(lang: Lang, n: u64) -> PluralCategory {
    match lang {
        Lang::Ru => {
            let (last, last_two) = (n % 10, n % 100);
            if last == 1 && last_two != 11 {
                PluralCategory::One
            } else if (2..=4).contains(&last) && !(12..=14).contains(&last_two) {
                PluralCategory::Few
            } else {
                PluralCategory::Many
            }
        }
        Lang::En => {
            if n == 1 {
                PluralCategory::One
            } else {
                PluralCategory::Other
            }
        }
    }
}

/// Declares the table: per text three Russian forms (one, few, many) and two English (one,
/// other).
macro_rules! plurals {
    ($name:ident; $($key:ident => [$r1:expr, $r2:expr, $r5:expr], [$e1:expr, $e2:expr];)*) => {
        /// A text whose words depend on a number; [`plural`] renders it.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name { $(#[allow(missing_docs)] $key,)* }

        impl $name {
            /// Every text, for completeness checks.
            pub const ALL: &'static [$name] = &[$($name::$key,)*];

            /// The Russian forms (one, few, many) and the English ones (one, other).
            fn forms(self) -> ([&'static str; 3], [&'static str; 2]) {
                match self {
                    $($name::$key => ([$r1, $r2, $r5], [$e1, $e2]),)*
                }
            }
        }
    };
}

plurals! {
    Plural;
    // Qualification model
    MaxScore => ["Максимум: {} балл", "Максимум: {} балла", "Максимум: {} баллов"],
        ["Maximum: {} point", "Maximum: {} points"];
    BandOverlap => ["Полосы пересекаются на {} балле.", "Полосы пересекаются на {} баллах.", "Полосы пересекаются на {} баллах."],
        ["The bands overlap at {} point.", "The bands overlap at {} points."];
    BandsEnd => ["Полосы должны заканчиваться на максимуме в {} балл, а заканчиваются на {}.", "Полосы должны заканчиваться на максимуме в {} балла, а заканчиваются на {}.", "Полосы должны заканчиваться на максимуме в {} баллов, а заканчиваются на {}."],
        ["The bands must end at the maximum of {} point, not at {}.", "The bands must end at the maximum of {} points, not at {}."];
    MinCriteriaRule => ["Квалифицирован, только если не меньше {} из {} критерия на уровне {} и выше", "Квалифицирован, только если не меньше {} из {} критериев на уровне {} и выше", "Квалифицирован, только если не меньше {} из {} критериев на уровне {} и выше"],
        ["Qualified only if at least {} of {} criterion is at level {} or higher", "Qualified only if at least {} of {} criteria are at level {} or higher"];
    // Counts of things, for lists («36 клиентов, 120 заказов»)
    Clients => ["{} клиент", "{} клиента", "{} клиентов"], ["{} client", "{} clients"];
    Deals => ["{} сделка", "{} сделки", "{} сделок"], ["{} deal", "{} deals"];
    Orders => ["{} заказ", "{} заказа", "{} заказов"], ["{} order", "{} orders"];
    Problems => ["ещё {} проблема", "ещё {} проблемы", "ещё {} проблем"], ["{} more problem", "{} more problems"];
    Months => ["{} месяц", "{} месяца", "{} месяцев"], ["{} month", "{} months"];
    Days => ["{} день", "{} дня", "{} дней"], ["{} day", "{} days"];
    FirstSales => ["{} первая продажа", "{} первые продажи", "{} первых продаж"], ["{} first sale", "{} first sales"];
    Transfers => ["{} передача", "{} передачи", "{} передач"], ["{} transfer", "{} transfers"];
    // Transfer rule: labels (the number picks the form; other values fill in order)
    CondOrderCount => ["Заказов не меньше {}", "Заказов не меньше {}", "Заказов не меньше {}"],
        ["At least {} order", "At least {} orders"];
    CondVolumeWithin => ["Покупок на сумму от {} за последний {} месяц", "Покупок на сумму от {} за последние {} месяца", "Покупок на сумму от {} за последние {} месяцев"],
        ["Purchases of at least {} in the last {} month", "Purchases of at least {} in the last {} months"];
    CondMonthly => ["Покупки от {} в каждом из последних {} месяца", "Покупки от {} в каждом из последних {} месяцев", "Покупки от {} в каждом из последних {} месяцев"],
        ["Purchases of at least {} in each of the last {} month", "Purchases of at least {} in each of the last {} months"];
    CondMinOrder => ["Каждый заказ за последний {} месяц — от {}", "Каждый заказ за последние {} месяца — от {}", "Каждый заказ за последние {} месяцев — от {}"],
        ["Every order in the last {} month at least {}", "Every order in the last {} months at least {}"];
    CondDays => ["С первого заказа — не меньше {} дня", "С первого заказа — не меньше {} дней", "С первого заказа — не меньше {} дней"],
        ["At least {} day since the first order", "At least {} days since the first order"];
    // Transfer rule: figures (the form follows the required figure, the second number)
    OutOrders => ["заказов {} из {}", "заказов {} из {}", "заказов {} из {}"],
        ["{} of {} order", "{} of {} orders"];
    OutVolumeWithin => ["объём за {} месяц {} из {}", "объём за {} месяца {} из {}", "объём за {} месяцев {} из {}"],
        ["volume over {} month {} of {}", "volume over {} months {} of {}"];
    OutDays => ["с первого заказа {} из {} дня", "с первого заказа {} из {} дней", "с первого заказа {} из {} дней"],
        ["{} of {} day since the first order", "{} of {} days since the first order"];
    OutNoOrdersWithin => ["за последний {} месяц заказов не было", "за последние {} месяца заказов не было", "за последние {} месяцев заказов не было"],
        ["no orders in the last {} month", "no orders in the last {} months"];
    // Rule editor preview
    WhatIf => ["Если сохранить, правило выполнит {} клиент (сейчас {}).", "Если сохранить, правило выполнят {} клиента (сейчас {}).", "Если сохранить, правило выполнят {} клиентов (сейчас {})."],
        ["If saved, {} client meets the rule (now {}).", "If saved, {} clients meet the rule (now {})."];
    // The board: days in the current stage, and the stage's limit
    DaysInStage => ["{} день в этапе", "{} дня в этапе", "{} дней в этапе"], ["{} day in stage", "{} days in stage"];
    StageLimit => ["Дольше срока этапа: {} день", "Дольше срока этапа: {} дня", "Дольше срока этапа: {} дней"],
        ["Longer than the stage's limit of {} day", "Longer than the stage's limit of {} days"];
    // Farmer metrics period
    PeriodMonths => ["{} месяц", "{} месяца", "{} месяцев"], ["{} month", "{} months"];
    // «Мои клиенты»
    UsualEvery => ["обычно раз в {} день", "обычно раз в {} дня", "обычно раз в {} дней"], ["usually every {} day", "usually every {} days"];
    NeedCall => ["{} клиент ждёт звонка", "{} клиента ждут звонка", "{} клиентов ждут звонка"], ["{} client waits for a call", "{} clients wait for a call"];
    // «Что изменилось» on «Обзор»
    Changes => ["{} изменение", "{} изменения", "{} изменений"], ["{} change", "{} changes"];
    SearchFound => ["Найден {} результат", "Найдено {} результата", "Найдено {} результатов"], ["{} result found", "{} results found"];
    // The table import with sync on: rows the server would refuse («: {}» is the reason)
    LeftOutRows => ["Пропущена {} строка: {}.", "Пропущено {} строки: {}.", "Пропущено {} строк: {}."],
        ["{} row left out: {}.", "{} rows left out: {}."];
    // The top bar during a long sync (the form follows the total: «из 21 документа»)
    SyncProgress => ["Синхронизация: {} из {} документа", "Синхронизация: {} из {} документов", "Синхронизация: {} из {} документов"],
        ["Syncing: {} of {} document", "Syncing: {} of {} documents"];
}

impl Plural {
    /// The form of this text for `n` in `lang`, with its `{}` places still empty.
    pub fn get(self, lang: Lang, n: u64) -> &'static str {
        let (ru, en) = self.forms();
        match plural_category(lang, n) {
            PluralCategory::One if lang == Lang::En => en[0],
            PluralCategory::Other => en[1],
            PluralCategory::One => ru[0],
            PluralCategory::Few => ru[1],
            PluralCategory::Many => ru[2],
        }
    }
}

/// `text` in the form `n` takes, its `{}` places filled with `values` in order. The number
/// itself is one of the values: «{} из {}» picks its form by `n` and shows both.
pub fn plural(lang: Lang, text: Plural, n: u64, values: &[&str]) -> String {
    fill(text.get(lang, n), values)
}

/// `n` with its noun in the right form: «21 клиент», «22 клиента», «1 order».
pub fn count(lang: Lang, text: Plural, n: u64) -> String {
    plural(lang, text, n, &[&n.to_string()])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_forms_follow_the_last_digits() {
        let form = |n| plural_category(Lang::Ru, n);
        for n in [1, 21, 31, 101, 1_001, 1_000_021] {
            assert_eq!(form(n), PluralCategory::One, "{n}");
        }
        for n in [2, 3, 4, 22, 23, 24, 102, 1_004] {
            assert_eq!(form(n), PluralCategory::Few, "{n}");
        }
        for n in [
            0, 5, 9, 10, 11, 12, 13, 14, 15, 19, 20, 25, 100, 111, 112, 114, 1_011,
        ] {
            assert_eq!(form(n), PluralCategory::Many, "{n}");
        }
    }

    #[test]
    fn english_has_one_and_other() {
        assert_eq!(plural_category(Lang::En, 1), PluralCategory::One);
        for n in [0, 2, 5, 11, 21, 22, 101] {
            assert_eq!(plural_category(Lang::En, n), PluralCategory::Other, "{n}");
        }
    }

    #[test]
    fn the_texts_of_the_issue_read_right_for_1_2_5_11_21_22() {
        let ru: Vec<String> = [1, 2, 5, 11, 21, 22]
            .iter()
            .map(|&n| count(Lang::Ru, Plural::MaxScore, n))
            .collect();
        assert_eq!(
            ru,
            [
                "Максимум: 1 балл",
                "Максимум: 2 балла",
                "Максимум: 5 баллов",
                "Максимум: 11 баллов",
                "Максимум: 21 балл",
                "Максимум: 22 балла"
            ]
        );
        assert_eq!(
            count(Lang::Ru, Plural::BandOverlap, 1),
            "Полосы пересекаются на 1 балле."
        );
        assert_eq!(
            count(Lang::Ru, Plural::BandOverlap, 21),
            "Полосы пересекаются на 21 балле."
        );
        assert_eq!(
            count(Lang::Ru, Plural::BandOverlap, 11),
            "Полосы пересекаются на 11 баллах."
        );
        let en: Vec<String> = [1, 2, 21]
            .iter()
            .map(|&n| plural(Lang::En, Plural::WhatIf, n, &[&n.to_string(), "3"]))
            .collect();
        assert_eq!(
            en,
            [
                "If saved, 1 client meets the rule (now 3).",
                "If saved, 2 clients meet the rule (now 3).",
                "If saved, 21 clients meet the rule (now 3).",
            ]
        );
        assert_eq!(
            plural(Lang::Ru, Plural::WhatIf, 21, &["21", "3"]),
            "Если сохранить, правило выполнит 21 клиент (сейчас 3)."
        );
        assert_eq!(
            plural(Lang::Ru, Plural::WhatIf, 22, &["22", "3"]),
            "Если сохранить, правило выполнят 22 клиента (сейчас 3)."
        );
        assert_eq!(count(Lang::Ru, Plural::Clients, 11), "11 клиентов");
    }

    #[test]
    fn dashboard_counts_take_their_russian_forms() {
        let days: Vec<String> = [1, 2, 5, 11, 21, 22]
            .iter()
            .map(|&n| count(Lang::Ru, Plural::Days, n))
            .collect();
        assert_eq!(
            days,
            ["1 день", "2 дня", "5 дней", "11 дней", "21 день", "22 дня"]
        );
        assert_eq!(count(Lang::Ru, Plural::FirstSales, 21), "21 первая продажа");
        assert_eq!(count(Lang::Ru, Plural::Transfers, 3), "3 передачи");
        assert_eq!(count(Lang::En, Plural::Days, 1), "1 day");
    }

    #[test]
    fn every_form_has_the_same_places() {
        for text in Plural::ALL {
            let (ru, en) = text.forms();
            let places = ru[0].matches("{}").count();
            assert!(places >= 1, "{text:?} shows no number");
            for form in ru.iter().chain(&en) {
                assert!(!form.trim().is_empty(), "{text:?}");
                assert_eq!(form.matches("{}").count(), places, "{text:?}: {form}");
            }
        }
    }
}
