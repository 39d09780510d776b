//! Boundaries of every condition except the monthly minimum (see `monthly.rs`).

use super::outcome;
use crate::domain::ids::Id;
use crate::domain::money::Money;
use crate::domain::transfer::{Condition, ConditionOutcome};
use crate::testkit::order_data::{d, order, order_k, rub};

#[test]
fn order_count_holds_at_exactly_n_and_not_at_n_minus_one() {
    let three = [
        order("o1", "c1", d(2026, 1, 5), 10),
        order("o2", "c1", d(2026, 1, 20), 10),
        order("o3", "c1", d(2026, 2, 1), 10),
    ];
    let need3 = Condition::OrderCount { at_least: 3 };
    let o = outcome(need3.clone(), &three, d(2026, 2, 1));
    assert_eq!(o, ConditionOutcome::OrderCount { have: 3, need: 3 });
    assert!(o.holds());
    let o = outcome(need3.clone(), &three[..2], d(2026, 2, 1));
    assert_eq!(o, ConditionOutcome::OrderCount { have: 2, need: 3 });
    assert!(!o.holds());
    // The third order is dated tomorrow: it does not count yet.
    assert!(!outcome(need3, &three, d(2026, 1, 31)).holds());
}

#[test]
fn every_condition_fails_on_an_empty_history() {
    let today = d(2026, 3, 10);
    let conditions = [
        Condition::OrderCount { at_least: 1 },
        Condition::Volume {
            at_least: Money::from_kopecks(1),
            within_months: None,
        },
        Condition::Volume {
            at_least: Money::from_kopecks(1),
            within_months: Some(12),
        },
        Condition::BoughtProduct {
            product_id: Id::from_raw("p-box"),
        },
        Condition::BoughtGroup {
            group_id: Id::from_raw("g-pack"),
        },
        Condition::monthly_minimum(Money::from_kopecks(1)),
        Condition::MinimumOrder {
            months: 3,
            at_least: Money::from_kopecks(1),
        },
        Condition::DaysSinceFirstOrder { at_least: 1 },
    ];
    for c in conditions {
        let o = outcome(c.clone(), &[], today);
        assert!(!o.holds(), "{c:?} held on an empty history: {o:?}");
    }
    assert_eq!(
        outcome(Condition::DaysSinceFirstOrder { at_least: 1 }, &[], today),
        ConditionOutcome::DaysSinceFirstOrder {
            have: None,
            need: 1
        }
    );
}

#[test]
fn volume_holds_at_exactly_x_and_not_one_kopeck_below() {
    let need = Condition::Volume {
        at_least: rub(250_000),
        within_months: None,
    };
    let exact = [
        order("o1", "c1", d(2025, 6, 1), 100_000),
        order_k(
            "o2",
            "c1",
            d(2026, 1, 1),
            &[("p-box", 10_000_000), ("p-a4", 5_000_000)],
        ),
    ];
    let o = outcome(need.clone(), &exact, d(2026, 3, 10));
    assert_eq!(
        o,
        ConditionOutcome::Volume {
            have: rub(250_000),
            need: rub(250_000),
            within_months: None,
            since: None
        }
    );
    assert!(o.holds());
    let short = [
        order("o1", "c1", d(2025, 6, 1), 100_000),
        order_k("o2", "c1", d(2026, 1, 1), &[("p-box", 14_999_999)]),
    ];
    let o = outcome(need, &short, d(2026, 3, 10));
    assert!(!o.holds());
    assert!(
        matches!(o, ConditionOutcome::Volume { have, .. } if have == Money::from_kopecks(24_999_999))
    );
}

#[test]
fn volume_window_is_the_last_m_months_by_the_one_definition() {
    // today = 10.03.2026, M = 3: the window is 11.12.2025 … 10.03.2026, both inclusive — the
    // same days as the metrics' «last 3 months».
    let need = Condition::Volume {
        at_least: rub(100),
        within_months: Some(3),
    };
    let on_first_day = [order("o1", "c1", d(2025, 12, 11), 100)];
    let o = outcome(need.clone(), &on_first_day, d(2026, 3, 10));
    assert!(o.holds());
    assert!(matches!(o, ConditionOutcome::Volume { since: Some(s), .. } if s == d(2025, 12, 11)));
    let p = crate::domain::metrics::Period::last_months(d(2026, 3, 10), 3);
    assert_eq!(p.from(), d(2025, 12, 11));
    // The same date three months ago is outside: that day belongs to the previous window.
    let same_day = [order("o1", "c1", d(2025, 12, 10), 100)];
    assert!(!outcome(need.clone(), &same_day, d(2026, 3, 10)).holds());
    // Orders dated after today are outside the window too.
    let tomorrow = [order("o1", "c1", d(2026, 3, 11), 100)];
    assert!(!outcome(need.clone(), &tomorrow, d(2026, 3, 10)).holds());
    let today = [order("o1", "c1", d(2026, 3, 10), 100)];
    assert!(outcome(need, &today, d(2026, 3, 10)).holds());
}

#[test]
fn volume_window_at_month_ends() {
    let one_month = Condition::Volume {
        at_least: rub(100),
        within_months: Some(1),
    };
    // 31.03 minus a month is 28.02 (clamped): the window is all of March, 01.03 – 31.03.
    let first_of_march = [order("o1", "c1", d(2026, 3, 1), 100)];
    assert!(outcome(one_month.clone(), &first_of_march, d(2026, 3, 31)).holds());
    let end_of_february = [order("o1", "c1", d(2026, 2, 28), 100)];
    assert!(!outcome(one_month.clone(), &end_of_february, d(2026, 3, 31)).holds());
    // 30.04 minus a month is 30.03: the window starts on 31.03.
    let last_of_march = [order("o1", "c1", d(2026, 3, 31), 100)];
    assert!(outcome(one_month.clone(), &last_of_march, d(2026, 4, 30)).holds());
    let thirtieth = [order("o1", "c1", d(2026, 3, 30), 100)];
    assert!(!outcome(one_month.clone(), &thirtieth, d(2026, 4, 30)).holds());
    // 29.02.2028 (leap) minus 12 months is 28.02.2027: the window starts on 01.03.2027.
    let year = Condition::Volume {
        at_least: rub(100),
        within_months: Some(12),
    };
    assert!(outcome(
        year.clone(),
        &[order("o1", "c1", d(2027, 3, 1), 100)],
        d(2028, 2, 29)
    )
    .holds());
    assert!(!outcome(
        year,
        &[order("o1", "c1", d(2027, 2, 28), 100)],
        d(2028, 2, 29)
    )
    .holds());
}

#[test]
fn volume_window_clamps_to_short_months_and_leap_days() {
    let need = Condition::Volume {
        at_least: rub(100),
        within_months: Some(3),
    };
    // 31.05.2024 − 3 months = 29.02.2024 (a leap year): the window starts on 01.03.2024.
    let first_of_march = [order("o1", "c1", d(2024, 3, 1), 100)];
    assert!(outcome(need.clone(), &first_of_march, d(2024, 5, 31)).holds());
    let leap_day = [order("o1", "c1", d(2024, 2, 29), 100)];
    assert!(!outcome(need.clone(), &leap_day, d(2024, 5, 31)).holds());
    // 30.05.2025 − 3 months = 28.02.2025 (clamped): the window starts on 01.03.2025 too.
    let first_of_march = [order("o1", "c1", d(2025, 3, 1), 100)];
    assert!(outcome(need.clone(), &first_of_march, d(2025, 5, 30)).holds());
    let feb_28 = [order("o1", "c1", d(2025, 2, 28), 100)];
    assert!(!outcome(need, &feb_28, d(2025, 5, 30)).holds());
}

#[test]
fn bought_product_counts_from_its_day_on() {
    let need = Condition::BoughtProduct {
        product_id: Id::from_raw("p-soap"),
    };
    let orders = [
        order("o1", "c1", d(2026, 1, 5), 10),
        order_k(
            "o2",
            "c1",
            d(2026, 2, 1),
            &[("p-box", 100), ("p-soap", 100)],
        ),
    ];
    assert_eq!(
        outcome(need.clone(), &orders, d(2026, 2, 1)),
        ConditionOutcome::BoughtProduct {
            product_id: Id::from_raw("p-soap"),
            first_bought: Some(d(2026, 2, 1))
        }
    );
    assert!(!outcome(need.clone(), &orders, d(2026, 1, 31)).holds());
    assert!(!outcome(need, &orders[..1], d(2026, 3, 1)).holds());
}

#[test]
fn bought_group_is_any_product_of_the_group() {
    let pack = Condition::BoughtGroup {
        group_id: Id::from_raw("g-pack"),
    };
    let tape = [order_k("o1", "c1", d(2026, 1, 31), &[("p-tape", 100)])];
    let o = outcome(pack.clone(), &tape, d(2026, 2, 1));
    assert_eq!(
        o,
        ConditionOutcome::BoughtGroup {
            group_id: Id::from_raw("g-pack"),
            first_bought: Some(d(2026, 1, 31))
        }
    );
    let paper = [order_k("o1", "c1", d(2026, 1, 31), &[("p-a4", 100)])];
    assert!(!outcome(pack.clone(), &paper, d(2026, 2, 1)).holds());
    assert!(!outcome(pack, &tape, d(2026, 1, 30)).holds());
}

#[test]
fn days_since_first_order_counts_calendar_days() {
    // 01.01.2026 → 31.03.2026: 30 (rest of Jan) + 28 (Feb) + 31 (Mar) = 89 days.
    let orders = [
        order("o2", "c1", d(2026, 2, 15), 10),
        order("o1", "c1", d(2026, 1, 1), 10),
    ];
    let o = outcome(
        Condition::DaysSinceFirstOrder { at_least: 89 },
        &orders,
        d(2026, 3, 31),
    );
    assert_eq!(
        o,
        ConditionOutcome::DaysSinceFirstOrder {
            have: Some(89),
            need: 89
        }
    );
    assert!(o.holds());
    let o = outcome(
        Condition::DaysSinceFirstOrder { at_least: 90 },
        &orders,
        d(2026, 3, 31),
    );
    assert!(!o.holds());
    // Across a leap day: 28.02.2024 → 01.03.2024 is 2 days.
    let leap = [order("o1", "c1", d(2024, 2, 28), 10)];
    let o = outcome(
        Condition::DaysSinceFirstOrder { at_least: 2 },
        &leap,
        d(2024, 3, 1),
    );
    assert!(o.holds());
    // An order placed today is day 0; one dated tomorrow is no order yet.
    let today = [order("o1", "c1", d(2026, 3, 10), 10)];
    let one_day = Condition::DaysSinceFirstOrder { at_least: 1 };
    assert!(!outcome(one_day.clone(), &today, d(2026, 3, 10)).holds());
    assert_eq!(
        outcome(one_day, &today, d(2026, 3, 9)),
        ConditionOutcome::DaysSinceFirstOrder {
            have: None,
            need: 1
        }
    );
}

#[test]
fn minimum_order_holds_when_the_smallest_order_of_the_window_reaches_x() {
    let need = Condition::MinimumOrder {
        months: 3,
        at_least: rub(50_000),
    };
    let today = d(2026, 3, 10);
    // Window: 11.12.2025 … 10.03.2026. The 10.12 order of 1 000 ₽ is outside it.
    let orders = [
        order("o0", "c1", d(2025, 12, 10), 1_000),
        order("o1", "c1", d(2025, 12, 11), 50_000),
        order_k(
            "o2",
            "c1",
            d(2026, 2, 1),
            &[("p-box", 3_000_000), ("p-a4", 2_000_000)],
        ),
        order("o3", "c1", d(2026, 3, 10), 80_000),
    ];
    let o = outcome(need.clone(), &orders, today);
    assert_eq!(
        o,
        ConditionOutcome::MinimumOrder {
            smallest: Some(rub(50_000)),
            need: rub(50_000),
            months: 3,
            orders: 3,
            since: d(2025, 12, 11),
        }
    );
    assert!(o.holds());
    // One kopeck short on the window's first day fails it.
    let mut short = orders.clone();
    short[1] = order_k("o1", "c1", d(2025, 12, 11), &[("p-box", 4_999_999)]);
    let o = outcome(need.clone(), &short, today);
    assert!(!o.holds());
    assert!(
        matches!(o, ConditionOutcome::MinimumOrder { smallest: Some(s), .. } if s == Money::from_kopecks(4_999_999))
    );
    // The small order dated the same day three months ago is the previous window's: it only
    // counts a day earlier, when the window reaches back to it.
    assert!(!outcome(need.clone(), &orders, d(2026, 3, 9)).holds());
    // A small order dated after today does not count yet.
    let mut later = orders.to_vec();
    later.push(order("o4", "c1", d(2026, 3, 11), 10));
    assert!(outcome(need.clone(), &later, today).holds());
    assert!(!outcome(need.clone(), &later, d(2026, 3, 11)).holds());
}

#[test]
fn minimum_order_needs_an_order_in_the_window() {
    let need = Condition::MinimumOrder {
        months: 1,
        at_least: rub(100),
    };
    // 31.03 minus a month is 28.02: the window is March; a big February order does not count.
    let february = [order("o1", "c1", d(2026, 2, 28), 1_000_000)];
    let o = outcome(need.clone(), &february, d(2026, 3, 31));
    assert_eq!(
        o,
        ConditionOutcome::MinimumOrder {
            smallest: None,
            need: rub(100),
            months: 1,
            orders: 0,
            since: d(2026, 3, 1),
        }
    );
    assert!(!o.holds());
    let march = [order("o1", "c1", d(2026, 3, 1), 100)];
    assert!(outcome(need, &march, d(2026, 3, 31)).holds());
}

#[test]
fn minimum_order_parameters_are_checked() {
    use crate::domain::transfer::{ConditionProblem, MAX_VOLUME_MONTHS};
    use std::collections::HashSet;
    let none = HashSet::new();
    let check =
        |months, at_least| Condition::MinimumOrder { months, at_least }.validate(&none, &none);
    assert_eq!(check(3, rub(1)), Ok(()));
    assert_eq!(check(MAX_VOLUME_MONTHS, rub(1)), Ok(()));
    assert_eq!(
        check(0, rub(1)),
        Err(ConditionProblem::OutOfRange {
            min: 1,
            max: MAX_VOLUME_MONTHS
        })
    );
    assert_eq!(
        check(3, Money::ZERO),
        Err(ConditionProblem::NonPositiveAmount)
    );
    assert_eq!(
        check(3, Money::from_kopecks(Money::MAX.kopecks() + 1)),
        Err(ConditionProblem::AmountTooLarge)
    );
}
