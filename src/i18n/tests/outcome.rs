//! The transfer explanations with their exact figures (moved here from the transfer rule's
//! tests when the words left the core), and the same words in an exported snapshot. Amounts are
//! written with `\u{a0}`: Money's display groups thousands and sets off «₽» with non-breaking
//! spaces.

use crate::domain::ids::Id;
use crate::domain::money::Money;
use crate::domain::orders::{ClientHistory, Order, YearMonth};
use crate::domain::transfer::{
    evaluate, Combinator, Condition, ConditionOutcome, MonthAmount, TransferRule,
};
use crate::i18n::outcome::{describe_en, describe_ru};
use crate::snapshot::export_snapshot;
use crate::snapshot::tests::versions::{v5_from_v4, V6};
use crate::snapshot::tests::{now, today, with_transfers};
use crate::testkit::order_data::{d, order, products, rub};

/// The history of client `c1` from `orders`.
fn history(orders: &[Order]) -> ClientHistory {
    ClientHistory::build(Id::from_raw("c1"), orders, &products())
}

/// A one-condition ALL rule.
fn only(condition: Condition) -> TransferRule {
    TransferRule {
        combinator: Combinator::All,
        conditions: vec![condition],
    }
}

#[test]
fn order_count_text_comes_from_an_evaluation() {
    let orders = [
        order("o1", "c1", d(2026, 1, 5), 10),
        order("o2", "c1", d(2026, 2, 5), 10),
    ];
    let rule = only(Condition::OrderCount { at_least: 3 });
    let e = evaluate(&rule, &history(&orders), d(2026, 3, 1));
    assert_eq!(describe_ru(&e.outcomes[0]), "заказов 2 из 3");
    assert_eq!(describe_en(&e.outcomes[0]), "2 of 3 orders");
}

#[test]
fn volume_texts_use_non_breaking_spaces() {
    let all_time = ConditionOutcome::Volume {
        have: rub(180_000),
        need: rub(250_000),
        within_months: None,
        since: None,
    };
    assert_eq!(
        describe_ru(&all_time),
        "объём 180\u{a0}000\u{a0}₽ из 250\u{a0}000\u{a0}₽"
    );
    assert_eq!(
        describe_en(&all_time),
        "volume 180\u{a0}000\u{a0}₽ of 250\u{a0}000\u{a0}₽"
    );
    let windowed = ConditionOutcome::Volume {
        have: Money::from_kopecks(24_999_999),
        need: rub(250_000),
        within_months: Some(6),
        since: Some(d(2025, 9, 10)),
    };
    assert_eq!(
        describe_ru(&windowed),
        "объём за 6 месяцев 249\u{a0}999,99\u{a0}₽ из 250\u{a0}000\u{a0}₽"
    );
    assert_eq!(
        describe_en(&windowed),
        "volume over 6 months 249\u{a0}999,99\u{a0}₽ of 250\u{a0}000\u{a0}₽"
    );
}

#[test]
fn monthly_minimum_text_lists_every_month() {
    let o = ConditionOutcome::MonthlyMinimum {
        need: rub(100_000),
        months: vec![
            MonthAmount {
                month: YearMonth {
                    year: 2025,
                    month: 12,
                },
                amount: rub(120_000),
            },
            MonthAmount {
                month: YearMonth {
                    year: 2026,
                    month: 1,
                },
                amount: rub(80_000),
            },
        ],
    };
    assert_eq!(
        describe_ru(&o).replace('\u{a0}', " "),
        "месяцев от 100 000 ₽: 1 из 2 (12.2025 — 120 000 ₽, 01.2026 — 80 000 ₽)"
    );
    assert_eq!(
        describe_en(&o).replace('\u{a0}', " "),
        "months with at least 100 000 ₽: 1 of 2 (12.2025 — 120 000 ₽, 01.2026 — 80 000 ₽)"
    );
}

#[test]
fn purchase_and_day_texts() {
    let bought = ConditionOutcome::BoughtProduct {
        product_id: Id::from_raw("p-box"),
        first_bought: Some(d(2026, 2, 5)),
    };
    assert_eq!(describe_ru(&bought), "товар куплен 05.02.2026");
    assert_eq!(describe_en(&bought), "product bought on 05.02.2026");
    let never = ConditionOutcome::BoughtGroup {
        group_id: Id::from_raw("g-pack"),
        first_bought: None,
    };
    assert_eq!(describe_ru(&never), "из группы ничего не покупалось");
    assert_eq!(describe_en(&never), "nothing from the group bought yet");
    let days = ConditionOutcome::DaysSinceFirstOrder {
        have: Some(45),
        need: 90,
    };
    assert_eq!(describe_ru(&days), "с первого заказа 45 из 90 дней");
    assert_eq!(describe_en(&days), "45 of 90 days since the first order");
    let none = ConditionOutcome::DaysSinceFirstOrder {
        have: None,
        need: 90,
    };
    assert_eq!(describe_ru(&none), "заказов ещё не было");
}

#[test]
fn words_after_numbers_take_their_plural_form() {
    let one = ConditionOutcome::OrderCount { have: 1, need: 1 };
    assert_eq!(describe_en(&one), "1 of 1 order");
    assert_eq!(describe_ru(&one), "заказов 1 из 1");
    let window = |m| ConditionOutcome::Volume {
        have: rub(1),
        need: rub(2),
        within_months: Some(m),
        since: None,
    };
    let ru: Vec<String> = [1, 2, 5, 11, 21, 22]
        .into_iter()
        .map(|m| describe_ru(&window(m)).replace('\u{a0}', " "))
        .collect();
    assert_eq!(
        ru,
        [
            "объём за 1 месяц 1 ₽ из 2 ₽",
            "объём за 2 месяца 1 ₽ из 2 ₽",
            "объём за 5 месяцев 1 ₽ из 2 ₽",
            "объём за 11 месяцев 1 ₽ из 2 ₽",
            "объём за 21 месяц 1 ₽ из 2 ₽",
            "объём за 22 месяца 1 ₽ из 2 ₽",
        ]
    );
    assert_eq!(
        describe_en(&window(1)).replace('\u{a0}', " "),
        "volume over 1 month 1 ₽ of 2 ₽"
    );
    let days = |need| ConditionOutcome::DaysSinceFirstOrder {
        have: Some(3),
        need,
    };
    assert_eq!(describe_ru(&days(21)), "с первого заказа 3 из 21 дня");
    assert_eq!(describe_ru(&days(22)), "с первого заказа 3 из 22 дней");
    assert_eq!(describe_en(&days(1)), "3 of 1 day since the first order");
}

#[test]
fn minimum_order_text_names_the_smallest_order() {
    let orders = [
        order("o1", "c1", d(2026, 1, 5), 60_000),
        order("o2", "c1", d(2026, 2, 5), 42_000),
        order("o3", "c1", d(2026, 3, 1), 75_000),
    ];
    let rule = only(Condition::MinimumOrder {
        months: 3,
        at_least: rub(50_000),
    });
    let e = evaluate(&rule, &history(&orders), d(2026, 3, 10));
    assert!(!e.eligible);
    assert_eq!(
        describe_ru(&e.outcomes[0]).replace('\u{a0}', " "),
        "наименьший заказ 42 000 ₽ из 50 000 ₽"
    );
    assert_eq!(
        describe_en(&e.outcomes[0]).replace('\u{a0}', " "),
        "smallest order 42 000 ₽ of 50 000 ₽"
    );
    let empty = evaluate(&rule, &history(&[]), d(2026, 3, 10));
    assert_eq!(
        describe_ru(&empty.outcomes[0]),
        "за последние 3 месяца заказов не было"
    );
    assert_eq!(
        describe_en(&empty.outcomes[0]),
        "no orders in the last 3 months"
    );
}

#[test]
fn an_exported_snapshot_explains_each_condition_in_russian() {
    let ws = with_transfers(60, 600, 3);
    let text = export_snapshot(&ws, None, now(), today(), describe_ru);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let transferred = v["derived"]["clients"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == ws.transfers[0].client_id.as_str())
        .unwrap();
    let condition = &transferred["transfer"]["conditions"][0];
    assert_eq!(condition["kind"], "order_count");
    assert!(
        condition["text_ru"]
            .as_str()
            .unwrap()
            .starts_with("заказов "),
        "{condition}"
    );
}

/// The version 6 fixture is, byte for byte, what this build exports for the version 5 history,
/// Russian explanations included. `SALESDESK_WRITE_FIXTURE=1 cargo test version_6` writes it
/// again. (The version 5 fixture, like the older ones, stays as its version wrote it.)
#[test]
fn version_6_fixture_is_exactly_what_the_app_exports() {
    let written = v5_from_v4(describe_ru);
    if std::env::var_os("SALESDESK_WRITE_FIXTURE").is_some() {
        std::fs::write("tests/fixtures/snapshot-v6.json", &written).unwrap();
    }
    assert_eq!(written, V6);
}
