//! The figures of a transfer condition's outcome in words, Russian and English.
//!
//! These texts are mostly figures (counts, amounts, months), so tests pin them exactly. Amounts
//! use the display of [`Money`](crate::domain::money::Money) (`180 000 ₽` with non-breaking
//! spaces) in both languages, dates `DD.MM.YYYY` as everywhere in the app, and every word that
//! follows a number takes its form from [`super::plural`]. The texts do not name the product or
//! group: the UI shows them in the condition's label next to this text.

use super::plural::{plural, Plural};
use crate::domain::dates::format_date;
use crate::domain::transfer::{ConditionOutcome, MonthAmount};
use crate::lang::Lang;

/// The outcome's figures in Russian, e.g. «заказов 2 из 3», «объём 180 000 ₽ из 250 000 ₽»,
/// «наименьший заказ 42 000 ₽ из 50 000 ₽».
pub fn describe_ru(outcome: &ConditionOutcome) -> String {
    describe(Lang::Ru, outcome)
}

/// The outcome's figures in English, e.g. «2 of 3 orders», «volume 180 000 ₽ of 250 000 ₽».
pub fn describe_en(outcome: &ConditionOutcome) -> String {
    describe(Lang::En, outcome)
}

/// The outcome's figures in `lang`.
pub fn describe(lang: Lang, outcome: &ConditionOutcome) -> String {
    let ru = lang == Lang::Ru;
    match outcome {
        ConditionOutcome::OrderCount { have, need } => plural(
            lang,
            Plural::OutOrders,
            u64::from(*need),
            &[&have.to_string(), &need.to_string()],
        ),
        ConditionOutcome::Volume {
            have,
            need,
            within_months,
            ..
        } => match within_months {
            Some(m) => plural(
                lang,
                Plural::OutVolumeWithin,
                u64::from(*m),
                &[&m.to_string(), &have.to_string(), &need.to_string()],
            ),
            None if ru => format!("объём {have} из {need}"),
            None => format!("volume {have} of {need}"),
        },
        ConditionOutcome::BoughtProduct { first_bought, .. } => match (first_bought, ru) {
            (Some(date), true) => format!("товар куплен {}", format_date(*date)),
            (Some(date), false) => format!("product bought on {}", format_date(*date)),
            (None, true) => "товар не покупался".to_owned(),
            (None, false) => "product not bought yet".to_owned(),
        },
        ConditionOutcome::BoughtGroup { first_bought, .. } => match (first_bought, ru) {
            (Some(date), true) => format!("из группы куплено {}", format_date(*date)),
            (Some(date), false) => format!("group first bought on {}", format_date(*date)),
            (None, true) => "из группы ничего не покупалось".to_owned(),
            (None, false) => "nothing from the group bought yet".to_owned(),
        },
        ConditionOutcome::MonthlyMinimum { need, months } => {
            let met = outcome.months_met().unwrap_or(0);
            let list = month_list(months);
            if ru {
                format!("месяцев от {need}: {met} из {} ({list})", months.len())
            } else {
                format!(
                    "months with at least {need}: {met} of {} ({list})",
                    months.len()
                )
            }
        }
        ConditionOutcome::MinimumOrder {
            smallest,
            need,
            months,
            ..
        } => match (smallest, ru) {
            (Some(s), true) => format!("наименьший заказ {s} из {need}"),
            (Some(s), false) => format!("smallest order {s} of {need}"),
            (None, _) => plural(
                lang,
                Plural::OutNoOrdersWithin,
                u64::from(*months),
                &[&months.to_string()],
            ),
        },
        ConditionOutcome::DaysSinceFirstOrder { have, need } => match have {
            Some(days) => plural(
                lang,
                Plural::OutDays,
                u64::from(*need),
                &[&days.to_string(), &need.to_string()],
            ),
            None if ru => "заказов ещё не было".to_owned(),
            None => "no orders yet".to_owned(),
        },
    }
}

/// `12.2025 — 120 000 ₽, 01.2026 — 80 000 ₽`: the same in both languages.
fn month_list(months: &[MonthAmount]) -> String {
    months
        .iter()
        .map(|m| format!("{} — {}", m.month, m.amount))
        .collect::<Vec<_>>()
        .join(", ")
}
