//! The monthly minimum: which months count, month edges, leap years, year boundaries.

use super::outcome;
use crate::domain::money::Money;
use crate::domain::orders::YearMonth;
use crate::domain::transfer::{Condition, ConditionOutcome, MonthAmount};
use crate::testkit::order_data::{d, order, order_k, rub};

fn ym(year: i32, month: u32) -> YearMonth {
    YearMonth { year, month }
}

fn min_100k(months: u32) -> Condition {
    Condition::MonthlyMinimum {
        months,
        at_least: rub(100_000),
    }
}

#[test]
fn counts_the_k_complete_months_before_todays_month() {
    // today = 10.03.2026, K = 3 → December, January, February. Orders on the first and the last
    // day of each month count; November and March (the current month) do not.
    let orders = [
        order("nov", "c1", d(2025, 11, 30), 999_999),
        order("dec", "c1", d(2025, 12, 1), 100_000),
        order("jan", "c1", d(2026, 1, 31), 100_000),
        order("feb", "c1", d(2026, 2, 28), 100_000),
        order("mar", "c1", d(2026, 3, 1), 999_999),
    ];
    let o = outcome(min_100k(3), &orders, d(2026, 3, 10));
    assert_eq!(
        o,
        ConditionOutcome::MonthlyMinimum {
            need: rub(100_000),
            months: vec![
                MonthAmount {
                    month: ym(2025, 12),
                    amount: rub(100_000)
                },
                MonthAmount {
                    month: ym(2026, 1),
                    amount: rub(100_000)
                },
                MonthAmount {
                    month: ym(2026, 2),
                    amount: rub(100_000)
                },
            ]
        }
    );
    assert!(o.holds());
    assert_eq!(o.months_met(), Some(3));
}

#[test]
fn one_kopeck_short_in_one_month_fails() {
    let orders = [
        order("dec", "c1", d(2025, 12, 1), 100_000),
        order_k("jan", "c1", d(2026, 1, 15), &[("p-box", 9_999_999)]),
        order("feb", "c1", d(2026, 2, 28), 100_000),
    ];
    let o = outcome(min_100k(3), &orders, d(2026, 3, 10));
    assert!(!o.holds());
    assert_eq!(o.months_met(), Some(2));
}

#[test]
fn several_orders_in_a_month_add_up() {
    let orders = [
        order("a", "c1", d(2026, 2, 1), 40_000),
        order_k(
            "b",
            "c1",
            d(2026, 2, 14),
            &[("p-box", 3_000_000), ("p-a4", 3_000_000)],
        ),
    ];
    assert!(outcome(min_100k(1), &orders, d(2026, 3, 1)).holds());
    assert!(!outcome(min_100k(2), &orders, d(2026, 3, 1)).holds());
}

#[test]
fn a_month_without_orders_fails_even_if_others_are_large() {
    let orders = [
        order("dec", "c1", d(2025, 12, 5), 500_000),
        order("feb", "c1", d(2026, 2, 5), 500_000),
    ];
    let o = outcome(min_100k(3), &orders, d(2026, 3, 10));
    assert!(!o.holds());
    match o {
        ConditionOutcome::MonthlyMinimum { months, .. } => {
            assert_eq!(months[1].amount, Money::ZERO)
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn leap_day_belongs_to_february() {
    // today = 01.03.2024, K = 1 → February 2024, which ends on the 29th.
    let leap = [order("o1", "c1", d(2024, 2, 29), 100_000)];
    assert!(outcome(min_100k(1), &leap, d(2024, 3, 1)).holds());
    // On 29.02.2024 itself February is the current month: January is the one counted.
    assert!(!outcome(min_100k(1), &leap, d(2024, 2, 29)).holds());
}

#[test]
fn crosses_the_year_boundary() {
    // today = 15.01.2026, K = 3 → October, November, December 2025.
    let orders = [
        order("oct", "c1", d(2025, 10, 1), 100_000),
        order("nov", "c1", d(2025, 11, 30), 100_000),
        order("dec", "c1", d(2025, 12, 31), 100_000),
    ];
    let o = outcome(min_100k(3), &orders, d(2026, 1, 15));
    assert!(o.holds());
    match &o {
        ConditionOutcome::MonthlyMinimum { months, .. } => {
            let shown: Vec<YearMonth> = months.iter().map(|m| m.month).collect();
            assert_eq!(shown, [ym(2025, 10), ym(2025, 11), ym(2025, 12)]);
        }
        other => panic!("unexpected {other:?}"),
    }
    // A month later the window has moved to Nov–Jan, and January is empty.
    assert!(!outcome(min_100k(3), &orders, d(2026, 2, 1)).holds());
}

#[test]
fn the_default_span_is_three_months() {
    assert_eq!(
        Condition::monthly_minimum(rub(1)),
        Condition::MonthlyMinimum {
            months: 3,
            at_least: rub(1)
        }
    );
}
