//! Months and windows: year ends, leap years, complete months, the last M months.

use super::*;

#[test]
fn months_step_over_year_ends_and_know_leap_years() {
    let dec = YearMonth::of(d(2025, 12, 31));
    assert_eq!(
        dec.next(),
        YearMonth {
            year: 2026,
            month: 1
        }
    );
    assert_eq!(dec.next().prev(), dec);
    assert_eq!(YearMonth::of(d(2028, 2, 1)).last_day(), d(2028, 2, 29));
    assert_eq!(YearMonth::of(d(2027, 2, 1)).days(), 28);
    assert_eq!(YearMonth::of(d(2100, 2, 1)).days(), 28);
    assert_eq!(YearMonth::of(d(2000, 2, 1)).days(), 29);
    assert_eq!(dec.to_string(), "12.2025");
    assert!(dec.contains(d(2025, 12, 1)) && !dec.contains(d(2026, 1, 1)));
}

#[test]
fn complete_months_exclude_the_current_one() {
    let months = YearMonth::complete_months_before(d(2026, 3, 10), 3);
    let shown: Vec<String> = months.iter().map(|m| m.to_string()).collect();
    assert_eq!(shown, ["12.2025", "01.2026", "02.2026"]);
    // Even on the month's last day the month itself is not complete yet.
    let on_last_day = YearMonth::complete_months_before(d(2026, 3, 31), 1);
    assert_eq!(
        on_last_day,
        [YearMonth {
            year: 2026,
            month: 2
        }]
    );
    let in_january = YearMonth::complete_months_before(d(2026, 1, 1), 2);
    assert_eq!(
        in_january[0],
        YearMonth {
            year: 2025,
            month: 11
        }
    );
}

#[test]
fn the_last_months_are_one_window_with_both_ends_inside() {
    // The window's first day is the day after the same date M months earlier; the last is today.
    assert_eq!(
        last_months(d(2026, 3, 10), 3),
        (d(2025, 12, 11), d(2026, 3, 10))
    );
    assert_eq!(
        last_months(d(2026, 3, 15), 12),
        (d(2025, 3, 16), d(2026, 3, 15))
    );
    // Month ends: 31.03 minus 1 month is 28.02, so the last month is all of March …
    assert_eq!(
        last_months(d(2026, 3, 31), 1),
        (d(2026, 3, 1), d(2026, 3, 31))
    );
    // … and in a leap year 31.03 minus 1 month is 29.02, so it is still all of March.
    assert_eq!(
        last_months(d(2028, 3, 31), 1),
        (d(2028, 3, 1), d(2028, 3, 31))
    );
    assert_eq!(
        last_months(d(2026, 4, 30), 1),
        (d(2026, 3, 31), d(2026, 4, 30))
    );
    assert_eq!(
        last_months(d(2026, 2, 28), 1),
        (d(2026, 1, 29), d(2026, 2, 28))
    );
    assert_eq!(
        last_months(d(2026, 5, 31), 3),
        (d(2026, 3, 1), d(2026, 5, 31))
    );
    assert_eq!(
        last_months(d(2028, 2, 29), 12),
        (d(2027, 3, 1), d(2028, 2, 29))
    );
    // Across the year boundary.
    assert_eq!(
        last_months(d(2026, 1, 31), 2),
        (d(2025, 12, 1), d(2026, 1, 31))
    );
    // Zero months is today alone.
    assert_eq!(
        last_months(d(2026, 3, 10), 0),
        (d(2026, 3, 10), d(2026, 3, 10))
    );
    // Day by day over three years the window only moves forward, always ends today and never
    // reaches back to the same date M months ago.
    let mut today = d(2023, 1, 1);
    let mut previous_from = last_months(today, 1).0;
    while today < d(2026, 1, 1) {
        for m in [1, 3, 12] {
            let (from, to) = last_months(today, m);
            assert_eq!(to, today);
            assert!(
                from > months_before(today, m) && from <= today,
                "{today} {m}"
            );
        }
        let (from, _) = last_months(today, 1);
        assert!(from >= previous_from, "{today}");
        previous_from = from;
        today = today.succ_opt().unwrap();
    }
}

#[test]
fn months_before_clamps_to_the_shorter_month() {
    assert_eq!(months_before(d(2026, 3, 10), 3), d(2025, 12, 10));
    assert_eq!(months_before(d(2024, 5, 31), 3), d(2024, 2, 29));
    assert_eq!(months_before(d(2025, 5, 31), 3), d(2025, 2, 28));
    assert_eq!(months_before(d(2024, 2, 29), 12), d(2023, 2, 28));
    assert_eq!(days_between(d(2024, 2, 28), d(2024, 3, 1)), Some(2));
    assert_eq!(days_between(d(2026, 1, 1), d(2026, 1, 1)), Some(0));
    assert_eq!(days_between(d(2026, 1, 2), d(2026, 1, 1)), None);
}
