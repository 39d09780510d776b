//! The figures of a condition outcome in words, Russian and English.
//!
//! These texts live in the core rather than in the translation table because they are mostly
//! figures (counts, amounts, months) and tests must pin them exactly. Amounts use the display of
//! [`Money`](crate::domain::money::Money) (`180 000 ₽` with non-breaking spaces) in both
//! languages, dates `DD.MM.YYYY` as everywhere in the app. Russian uses abbreviations («мес.»,
//! «дн.») so no plural forms are needed. The texts do not name the product or group: the UI
//! shows them in the condition's label next to this text.

use super::evaluate::{ConditionOutcome, MonthAmount};
use crate::domain::dates::format_date;

/// The outcome's figures in Russian, e.g. «заказов 2 из 3», «объём 180 000 ₽ из 250 000 ₽».
pub fn describe_ru(outcome: &ConditionOutcome) -> String {
    match outcome {
        ConditionOutcome::OrderCount { have, need } => format!("заказов {have} из {need}"),
        ConditionOutcome::Volume {
            have,
            need,
            within_months,
            ..
        } => match within_months {
            Some(m) => format!("объём за {m} мес. {have} из {need}"),
            None => format!("объём {have} из {need}"),
        },
        ConditionOutcome::BoughtProduct { first_bought, .. } => match first_bought {
            Some(date) => format!("товар куплен {}", format_date(*date)),
            None => "товар не покупался".to_owned(),
        },
        ConditionOutcome::BoughtGroup { first_bought, .. } => match first_bought {
            Some(date) => format!("из группы куплено {}", format_date(*date)),
            None => "из группы ничего не покупалось".to_owned(),
        },
        ConditionOutcome::MonthlyMinimum { need, months } => format!(
            "месяцев от {need}: {} из {} ({})",
            met(outcome),
            months.len(),
            month_list(months)
        ),
        ConditionOutcome::DaysSinceFirstOrder { have, need } => match have {
            Some(days) => format!("с первого заказа {days} дн. из {need}"),
            None => "заказов ещё не было".to_owned(),
        },
    }
}

/// The outcome's figures in English, e.g. «2 of 3 orders», «volume 180 000 ₽ of 250 000 ₽».
pub fn describe_en(outcome: &ConditionOutcome) -> String {
    match outcome {
        ConditionOutcome::OrderCount { have, need } => format!("{have} of {need} orders"),
        ConditionOutcome::Volume {
            have,
            need,
            within_months,
            ..
        } => match within_months {
            Some(1) => format!("volume over 1 month {have} of {need}"),
            Some(m) => format!("volume over {m} months {have} of {need}"),
            None => format!("volume {have} of {need}"),
        },
        ConditionOutcome::BoughtProduct { first_bought, .. } => match first_bought {
            Some(date) => format!("product bought on {}", format_date(*date)),
            None => "product not bought yet".to_owned(),
        },
        ConditionOutcome::BoughtGroup { first_bought, .. } => match first_bought {
            Some(date) => format!("group first bought on {}", format_date(*date)),
            None => "nothing from the group bought yet".to_owned(),
        },
        ConditionOutcome::MonthlyMinimum { need, months } => format!(
            "months with at least {need}: {} of {} ({})",
            met(outcome),
            months.len(),
            month_list(months)
        ),
        ConditionOutcome::DaysSinceFirstOrder { have, need } => match have {
            Some(days) => format!("{days} of {need} days since the first order"),
            None => "no orders yet".to_owned(),
        },
    }
}

fn met(outcome: &ConditionOutcome) -> usize {
    outcome.months_met().unwrap_or(0)
}

/// `12.2025 — 120 000 ₽, 01.2026 — 80 000 ₽`: the same in both languages.
fn month_list(months: &[MonthAmount]) -> String {
    months
        .iter()
        .map(|m| format!("{} — {}", m.month, m.amount))
        .collect::<Vec<_>>()
        .join(", ")
}
