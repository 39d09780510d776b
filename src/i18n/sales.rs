//! Orders, transfer rules and growth metrics in words.

use super::errors::describe_problem;
use super::outcome::describe;
use super::plural::{plural, Plural};
use super::sales_table::SalesText;
use super::translate::{fill, Translate};
use crate::domain::metrics::{Activity, Ratio, ThresholdsError, WalletPosition};
use crate::domain::money::MoneyParseError;
use crate::domain::orders::OrderProblem;
use crate::domain::transfer::{
    Combinator, Condition, ConditionKind, ConditionOutcome, ConditionProblem, PolicyDraftError,
    RuleError,
};
use crate::domain::Workspace;
use crate::lang::Lang;

/// A condition as the rule states it, e.g. «Заказов не меньше 2», with product and group names
/// looked up in the catalogue.
pub fn condition_label(lang: Lang, condition: &Condition, ws: &Workspace) -> String {
    let t = |k: SalesText| k.get(lang);
    match condition {
        Condition::OrderCount { at_least } => plural(
            lang,
            Plural::CondOrderCount,
            u64::from(*at_least),
            &[&at_least.to_string()],
        ),
        Condition::Volume {
            at_least,
            within_months: None,
        } => fill(t(SalesText::CondVolume), &[&at_least.to_string()]),
        Condition::Volume {
            at_least,
            within_months: Some(m),
        } => plural(
            lang,
            Plural::CondVolumeWithin,
            u64::from(*m),
            &[&at_least.to_string(), &m.to_string()],
        ),
        Condition::BoughtProduct { product_id } => {
            let name = ws
                .products
                .iter()
                .find(|p| &p.id == product_id)
                .map_or_else(|| product_id.to_string(), |p| p.name.clone());
            fill(t(SalesText::CondProduct), &[&name])
        }
        Condition::BoughtGroup { group_id } => {
            let name = ws
                .product_groups
                .iter()
                .find(|g| &g.id == group_id)
                .map_or_else(|| group_id.to_string(), |g| g.name.clone());
            fill(t(SalesText::CondGroup), &[&name])
        }
        Condition::MonthlyMinimum { months, at_least } => plural(
            lang,
            Plural::CondMonthly,
            u64::from(*months),
            &[&at_least.to_string(), &months.to_string()],
        ),
        Condition::MinimumOrder { months, at_least } => plural(
            lang,
            Plural::CondMinOrder,
            u64::from(*months),
            &[&months.to_string(), &at_least.to_string()],
        ),
        Condition::DaysSinceFirstOrder { at_least } => plural(
            lang,
            Plural::CondDays,
            u64::from(*at_least),
            &[&at_least.to_string()],
        ),
    }
}

/// The figures behind a condition's answer, e.g. «заказов 2 из 3».
pub fn outcome_text(lang: Lang, outcome: &ConditionOutcome) -> String {
    describe(lang, outcome)
}

/// «все условия» / «любое из условий».
pub fn combinator_name(lang: Lang, combinator: Combinator) -> &'static str {
    match combinator {
        Combinator::All => SalesText::CombAll,
        Combinator::Any => SalesText::CombAny,
    }
    .get(lang)
}

/// What is wrong with a transfer rule, in words (conditions counted from 1).
pub fn rule_error_text(lang: Lang, error: &RuleError) -> String {
    let (index, problem) = match error {
        RuleError::NoConditions => return SalesText::RuleNoConditions.get(lang).to_owned(),
        RuleError::Condition { index, problem } => ((index + 1).to_string(), problem),
    };
    match problem {
        ConditionProblem::OutOfRange { min, max } => fill(
            SalesText::CondOutOfRange.get(lang),
            &[&index, &min.to_string(), &max.to_string()],
        ),
        ConditionProblem::NonPositiveAmount => {
            fill(SalesText::CondAmountPositive.get(lang), &[&index])
        }
        ConditionProblem::AmountTooLarge => fill(SalesText::CondAmountLarge.get(lang), &[&index]),
        ConditionProblem::UnknownProduct(_) => {
            fill(SalesText::CondUnknownProduct.get(lang), &[&index])
        }
        ConditionProblem::UnknownGroup(_) => fill(SalesText::CondUnknownGroup.get(lang), &[&index]),
    }
}

/// What is wrong with the sleeping / lost day counts, in words.
pub fn thresholds_error_text(lang: Lang, error: &ThresholdsError) -> &'static str {
    match error {
        ThresholdsError::ZeroSleeping => SalesText::ThresholdZero,
        ThresholdsError::LostNotAfterSleeping => SalesText::ThresholdOrder,
    }
    .get(lang)
}

/// What is wrong with an order field, in words.
pub fn order_problem_text(lang: Lang, problem: &OrderProblem) -> String {
    let text = match problem {
        OrderProblem::Required => SalesText::OrderRequired,
        OrderProblem::Date => SalesText::OrderBadDate,
        OrderProblem::NotPositive | OrderProblem::Money(MoneyParseError::Negative) => {
            SalesText::OrderNotPositive
        }
        OrderProblem::Money(e) => {
            return describe_problem(lang, &crate::domain::draft::Problem::Money(e.clone()))
        }
        OrderProblem::TooLarge => SalesText::OrderTooLarge,
        OrderProblem::UnknownProduct => SalesText::OrderUnknownProduct,
        OrderProblem::Quantity => SalesText::OrderBadQuantity,
    };
    text.get(lang).to_owned()
}

/// «активен», «спящий», «потерян», «заказов нет».
pub fn activity_name(lang: Lang, activity: Activity) -> &'static str {
    match activity {
        Activity::Active => SalesText::ActActive,
        Activity::Sleeping => SalesText::ActSleeping,
        Activity::Lost => SalesText::ActLost,
        Activity::NoOrders => SalesText::ActNone,
    }
    .get(lang)
}

/// What a share of wallet makes us.
pub fn wallet_name(lang: Lang, position: WalletPosition) -> &'static str {
    match position {
        WalletPosition::Backup => SalesText::WalletBackup,
        WalletPosition::Partner => SalesText::WalletPartner,
        WalletPosition::Strategic => SalesText::WalletStrategic,
    }
    .get(lang)
}

/// A condition kind's name, as the rule editor offers it.
pub fn condition_kind_name(lang: Lang, kind: ConditionKind) -> &'static str {
    match kind {
        ConditionKind::OrderCount => SalesText::KindOrderCount,
        ConditionKind::Volume => SalesText::KindVolume,
        ConditionKind::BoughtProduct => SalesText::KindProduct,
        ConditionKind::BoughtGroup => SalesText::KindGroup,
        ConditionKind::MonthlyMinimum => SalesText::KindMonthly,
        ConditionKind::MinimumOrder => SalesText::KindMinOrder,
        ConditionKind::DaysSinceFirstOrder => SalesText::KindDays,
    }
    .get(lang)
}

/// What is wrong with the rule as typed in the editor, in words (conditions counted from 1).
pub fn policy_draft_error_text(lang: Lang, error: &PolicyDraftError) -> String {
    match error {
        PolicyDraftError::NotANumber(i) => {
            fill(SalesText::CondNotNumber.get(lang), &[&(i + 1).to_string()])
        }
        PolicyDraftError::BadAmount(i) => {
            fill(SalesText::CondBadAmount.get(lang), &[&(i + 1).to_string()])
        }
        PolicyDraftError::Rule(e) => rule_error_text(lang, e),
        PolicyDraftError::ThresholdNotANumber => SalesText::ThresholdNotNumber.get(lang).to_owned(),
        PolicyDraftError::Thresholds(e) => thresholds_error_text(lang, e).to_owned(),
    }
}

/// A ratio with two decimals, Russian style with a decimal comma in both languages as the
/// rest of the app's numbers («1,50»).
pub fn ratio_text(ratio: Ratio) -> String {
    let h = ratio.hundredths();
    format!("{},{:02}", h / 100, h % 100)
}

/// A ratio as a percentage with one decimal, «12,5 %» (the space is non-breaking).
pub fn percent_text(ratio: Ratio) -> String {
    let tenths = ratio.scaled(1_000);
    format!("{},{}\u{a0}%", tenths / 10, tenths % 10)
}

/// A change in basis points as a signed percentage, «+12,5 %», «−3,0 %».
pub fn change_text(basis_points: i64) -> String {
    let sign = match basis_points.signum() {
        1 => "+",
        -1 => "\u{2212}",
        _ => "",
    };
    let tenths = (basis_points.unsigned_abs() + 5) / 10;
    format!("{sign}{},{}\u{a0}%", tenths / 10, tenths % 10)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Money;

    #[test]
    fn numbers_read_the_russian_way() {
        assert_eq!(ratio_text(Ratio::new(3, 2).unwrap()), "1,50");
        assert_eq!(percent_text(Ratio::new(1, 8).unwrap()), "12,5\u{a0}%");
        assert_eq!(change_text(1_250), "+12,5\u{a0}%");
        assert_eq!(change_text(-300), "\u{2212}3,0\u{a0}%");
        assert_eq!(change_text(0), "0,0\u{a0}%");
    }

    #[test]
    fn conditions_read_with_their_parameters() {
        let ws = Workspace::default();
        let monthly = Condition::MonthlyMinimum {
            months: 3,
            at_least: Money::from_rubles(50_000),
        };
        assert_eq!(
            condition_label(Lang::Ru, &monthly, &ws),
            "Покупки от 50\u{a0}000\u{a0}₽ в каждом из последних 3 месяцев"
        );
        assert_eq!(
            condition_label(Lang::En, &Condition::OrderCount { at_least: 2 }, &ws),
            "At least 2 orders"
        );
        assert_eq!(
            condition_label(Lang::En, &Condition::OrderCount { at_least: 1 }, &ws),
            "At least 1 order"
        );
        let minimum = Condition::MinimumOrder {
            months: 3,
            at_least: Money::from_rubles(50_000),
        };
        assert_eq!(
            condition_label(Lang::Ru, &minimum, &ws),
            "Каждый заказ за последние 3 месяца — от 50\u{a0}000\u{a0}₽"
        );
        assert_eq!(
            condition_label(Lang::En, &minimum, &ws),
            "Every order in the last 3 months at least 50\u{a0}000\u{a0}₽"
        );
        let days = |n| {
            condition_label(
                Lang::Ru,
                &Condition::DaysSinceFirstOrder { at_least: n },
                &ws,
            )
        };
        assert_eq!(days(21), "С первого заказа — не меньше 21 дня");
        assert_eq!(days(90), "С первого заказа — не меньше 90 дней");
        let error = RuleError::Condition {
            index: 1,
            problem: ConditionProblem::OutOfRange { min: 1, max: 24 },
        };
        assert_eq!(
            rule_error_text(Lang::Ru, &error),
            "Условие 2: число от 1 до 24."
        );
    }
}
