//! Every metric on hand-computed data; the arithmetic is written next to each assertion.

use super::*;
use crate::domain::orders::{HistoryIndex, Order};
use crate::testkit::order_data::{catalog, d, order, order_k, products, rub};

fn offered() -> HashSet<Id> {
    catalog().0.into_iter().map(|g| g.id).collect()
}

fn ctx(groups: &HashSet<Id>) -> MetricsContext<'_> {
    MetricsContext {
        offered_groups: groups,
        thresholds: ActivityThresholds::default(),
    }
}

fn history(client: &str, orders: &[Order]) -> ClientHistory {
    ClientHistory::build(Id::from_raw(client), orders, &products())
}

fn period(from: NaiveDate, to: NaiveDate) -> Period {
    Period::new(from, to).unwrap()
}

fn ratio(n: u64, d: u64) -> Ratio {
    Ratio::new(n, d).unwrap()
}

#[test]
fn months_are_counted_by_the_calendar() {
    // Q1 2026: three whole months.
    let q1 = period(d(2026, 1, 1), d(2026, 3, 31));
    assert_eq!(q1.months(), ratio(3, 1));
    assert_eq!(q1.days(), 90);
    // 15.01–14.02.2026: 17 January days × 377 580/31 + 14 February days × 377 580/28
    // = 17 × 12 180 + 14 × 13 485 = 207 060 + 188 790 = 395 850 units.
    let straddle = period(d(2026, 1, 15), d(2026, 2, 14));
    assert_eq!(straddle.month_units(), 395_850);
    // February of a leap year is exactly one month: 29 × 13 020 = 377 580.
    assert_eq!(period(d(2024, 2, 1), d(2024, 2, 29)).months(), ratio(1, 1));
    // One March day is 1/31 of a month.
    assert_eq!(period(d(2026, 3, 5), d(2026, 3, 5)).months(), ratio(1, 31));
    assert_eq!(
        Period::new(d(2026, 2, 1), d(2026, 1, 31)),
        Err(PeriodError::EndsBeforeStart)
    );
}

#[test]
fn the_previous_period_has_the_same_number_of_days() {
    // Q1 2026 has 90 days; the 90 days before it run 03.10.2025–31.12.2025.
    let prev = period(d(2026, 1, 1), d(2026, 3, 31)).previous();
    assert_eq!((prev.from(), prev.to()), (d(2025, 10, 3), d(2025, 12, 31)));
    assert_eq!(prev.days(), 90);
}

#[test]
fn yearly_estimates_prorate_by_months() {
    let yearly = rub(12_000_000);
    assert_eq!(
        period(d(2026, 1, 1), d(2026, 3, 31)).prorate_yearly(yearly),
        rub(3_000_000)
    );
    // 1 200 000 000 kopecks × 395 850 / (12 × 377 580) = 104 838 709,68 → 104 838 710.
    let straddle = period(d(2026, 1, 15), d(2026, 2, 14));
    assert_eq!(
        straddle.prorate_yearly(yearly),
        Money::from_kopecks(104_838_710)
    );
}

#[test]
fn ratios_compare_by_value_and_round_half_up() {
    assert_eq!(ratio(1, 2), ratio(2, 4));
    assert!(ratio(2, 3) > ratio(3, 5));
    assert_eq!(Ratio::new(1, 0), None);
    assert_eq!(ratio(3, 2).hundredths(), 150);
    assert_eq!(ratio(2, 3).hundredths(), 67); // 66,67 → 67
    assert_eq!(ratio(1, 8).basis_points(), 1_250);
    assert_eq!(ratio(1, 200).hundredths(), 1); // 0,5 → 1: halves go up
    assert!((ratio(1, 4).to_f64() - 0.25).abs() < f64::EPSILON);
    let json = serde_json::to_string(&ratio(2, 3)).unwrap();
    assert_eq!(json, r#"{"numerator":2,"denominator":3}"#);
    assert_eq!(serde_json::from_str::<Ratio>(&json).unwrap(), ratio(2, 3));
    assert!(serde_json::from_str::<Ratio>(r#"{"numerator":1,"denominator":0}"#).is_err());
}

#[test]
fn the_average_check_rounds_to_the_nearest_kopeck() {
    // 100 ₽ / 3 = 33,333… ₽ → 33,33 ₽; 5 kopecks / 2 = 2,5 → 3 kopecks.
    assert_eq!(average_check(rub(100), 3), Some(Money::from_kopecks(3_333)));
    assert_eq!(
        average_check(Money::from_kopecks(5), 2),
        Some(Money::from_kopecks(3))
    );
    assert_eq!(average_check(rub(100), 0), None);
}

#[test]
fn the_trend_change_is_in_basis_points() {
    let trend = |prev: i64, cur: i64| CheckTrend {
        previous: Some(Money::from_kopecks(prev)),
        current: Some(Money::from_kopecks(cur)),
    };
    // 100 ₽ → 112,50 ₽: +12,5 % = +1 250 bp; 100 ₽ → 80 ₽: −20 % = −2 000 bp.
    assert_eq!(trend(10_000, 11_250).change_bp(), Some(1_250));
    assert_eq!(trend(10_000, 8_000).change_bp(), Some(-2_000));
    assert_eq!(trend(10_000, 8_000).direction(), Some(Direction::Down));
    // ±0,5 bp round away from zero: 1 / 20 000 × 10 000 = 0,5.
    assert_eq!(trend(20_000, 20_001).change_bp(), Some(1));
    assert_eq!(trend(20_000, 19_999).change_bp(), Some(-1));
    assert_eq!(trend(500, 500).direction(), Some(Direction::Flat));
    let no_previous = CheckTrend {
        previous: None,
        current: Some(rub(1)),
    };
    assert_eq!(
        (no_previous.change_bp(), no_previous.direction()),
        (None, None)
    );
}

/// Two orders before Q1 2026, three in it, one after it.
fn q1_orders() -> Vec<Order> {
    vec![
        order("n", "c1", d(2025, 11, 10), 40_000),
        order_k("dc", "c1", d(2025, 12, 20), &[("p-soap", 6_000_000)]),
        order_k(
            "j",
            "c1",
            d(2026, 1, 1),
            &[("p-box", 7_000_000), ("p-a4", 3_000_000)],
        ),
        order_k("f", "c1", d(2026, 2, 14), &[("p-tape", 5_000_000)]),
        order_k("m", "c1", d(2026, 3, 31), &[("p-box", 5_000_001)]),
        order("a", "c1", d(2026, 4, 1), 999_999),
    ]
}

#[test]
fn client_metrics_over_a_quarter() {
    let groups = offered();
    let h = history("c1", &q1_orders());
    let q1 = period(d(2026, 1, 1), d(2026, 3, 31));
    let m = client_metrics(&h, q1, &ctx(&groups), Some(rub(1_000_000)));
    // In Q1: 100 000 + 50 000 + 50 000,01 = 200 000,01 ₽ over 3 orders; the April order is out.
    assert_eq!((m.orders, m.revenue), (3, Money::from_kopecks(20_000_001)));
    // 3 orders / 3 months = 1 per month.
    assert_eq!(m.frequency, ratio(1, 1));
    // 20 000 001 / 3 = 6 666 667 kopecks exactly.
    assert_eq!(m.average_check, Some(Money::from_kopecks(6_666_667)));
    // The 90 days before (03.10–31.12.2025): 40 000 + 60 000 over 2 = 50 000 ₽.
    // Change: (66 666,67 − 50 000) / 50 000 = 0,3333334 → 3 333 bp.
    assert_eq!(m.check_trend.previous, Some(rub(50_000)));
    assert_eq!(m.check_trend.change_bp(), Some(3_333));
    assert_eq!(m.check_trend.direction(), Some(Direction::Up));
    // Packaging (box, tape) and paper (a4) of the 3 groups; chemicals were bought in December.
    assert_eq!((m.groups_bought, m.cross_sell), (2, Some(ratio(2, 3))));
    // 200 000,01 / 1 000 000 = 20,0000 % → a partner supplier.
    let wallet = m.wallet.unwrap();
    assert_eq!(wallet.share.basis_points(), 2_000);
    assert_eq!(wallet.position, WalletPosition::Partner);
    // As of 31.03: the last order is that day.
    assert_eq!(
        (m.last_order, m.days_since_last_order),
        (Some(d(2026, 3, 31)), Some(0))
    );
    assert_eq!(m.activity, Activity::Active);
}

#[test]
fn a_quiet_period_still_knows_the_last_order() {
    let groups = offered();
    let h = history("c1", &[order("o", "c1", d(2025, 12, 31), 100)]);
    // 31.12.2025 → 29.06.2026 is 180 days: sleeping on the threshold day itself.
    let m = client_metrics(
        &h,
        period(d(2026, 4, 1), d(2026, 6, 29)),
        &ctx(&groups),
        None,
    );
    assert_eq!(
        (m.orders, m.revenue, m.average_check),
        (0, Money::ZERO, None)
    );
    assert_eq!(m.frequency, Ratio::ZERO);
    assert_eq!((m.groups_bought, m.cross_sell), (0, Some(Ratio::ZERO)));
    assert_eq!(m.days_since_last_order, Some(180));
    assert_eq!(m.activity, Activity::Sleeping);
    assert_eq!(m.wallet, None);
    let none = ClientHistory::empty(Id::from_raw("c9"));
    let m = client_metrics(
        &none,
        period(d(2026, 4, 1), d(2026, 6, 29)),
        &ctx(&groups),
        None,
    );
    assert_eq!(
        (m.days_since_last_order, m.activity),
        (None, Activity::NoOrders)
    );
}

#[test]
fn activity_thresholds_are_reached_on_their_day() {
    let t = ActivityThresholds::default();
    assert_eq!(t.classify(Some(179)), Activity::Active);
    assert_eq!(t.classify(Some(180)), Activity::Sleeping);
    assert_eq!(t.classify(Some(364)), Activity::Sleeping);
    assert_eq!(t.classify(Some(365)), Activity::Lost);
    assert_eq!(t.classify(None), Activity::NoOrders);
    let strict = ActivityThresholds {
        sleeping_days: 90,
        lost_days: 180,
    };
    assert_eq!(strict.validate(), Ok(()));
    assert_eq!(strict.classify(Some(180)), Activity::Lost);
    let zero = ActivityThresholds {
        sleeping_days: 0,
        lost_days: 10,
    };
    assert_eq!(zero.validate(), Err(ThresholdsError::ZeroSleeping));
    let inverted = ActivityThresholds {
        sleeping_days: 200,
        lost_days: 200,
    };
    assert_eq!(
        inverted.validate(),
        Err(ThresholdsError::LostNotAfterSleeping)
    );
}

#[test]
fn share_of_wallet_thresholds_are_exact() {
    let position = |revenue_k: i64| {
        WalletShare::new(Money::from_kopecks(revenue_k), rub(1_000_000)).map(|w| w.position)
    };
    // 10 % of 1 000 000 ₽ is 100 000 ₽; 60 % is 600 000 ₽.
    assert_eq!(position(9_999_999), Some(WalletPosition::Backup));
    assert_eq!(position(10_000_000), Some(WalletPosition::Partner));
    assert_eq!(position(60_000_000), Some(WalletPosition::Partner));
    assert_eq!(position(60_000_001), Some(WalletPosition::Strategic));
    // An estimate below our own revenue: over 100 %, still strategic.
    let over = WalletShare::new(rub(2_000_000), rub(1_000_000)).unwrap();
    assert_eq!(
        (over.share, over.position),
        (ratio(2, 1), WalletPosition::Strategic)
    );
    assert_eq!(WalletShare::new(rub(1), Money::ZERO), None);
}

#[test]
fn the_transfer_splits_the_hunters_and_the_farmers_time() {
    let groups = offered();
    let h = history(
        "c1",
        &[
            order("h1", "c1", d(2025, 10, 5), 100_000),
            order("h2", "c1", d(2025, 11, 20), 100_000),
            order("f1", "c1", d(2025, 12, 10), 150_000),
            order("f2", "c1", d(2026, 1, 15), 150_000),
            order("f3", "c1", d(2026, 2, 10), 150_000),
            order("f4", "c1", d(2026, 2, 25), 150_000),
        ],
    );
    let (before, after) = split_at_transfer(
        &h,
        d(2025, 12, 1),
        d(2026, 2, 28),
        &ctx(&groups),
        Some(rub(1_200_000)),
    );
    // Before: 05.10–30.11.2025 = 27 × 12 180 + 30 × 12 586 = 328 860 + 377 580 = 706 440 units;
    // 2 orders → 2 × 377 580 / 706 440 ≈ 1,07 per month; check 100 000 ₽.
    assert_eq!((before.from, before.to), (d(2025, 10, 5), d(2025, 11, 30)));
    assert_eq!(before.frequency, ratio(2 * 377_580, 706_440));
    assert_eq!(before.frequency.hundredths(), 107);
    assert_eq!(before.average_check, Some(rub(100_000)));
    // The yearly 1 200 000 ₽ prorated: 120 000 000 × 706 440 / 4 530 960 = 18 709 677,4 kopecks.
    assert_eq!(
        before.wallet.unwrap().estimate,
        Money::from_kopecks(18_709_677)
    );
    // After: 01.12.2025–28.02.2026 = 3 whole months, 4 orders → 4/3 per month; check 150 000 ₽;
    // estimate 300 000 ₽ against 600 000 ₽ of revenue → 200 %, strategic.
    assert_eq!((after.from, after.to), (d(2025, 12, 1), d(2026, 2, 28)));
    assert_eq!((after.orders, after.frequency), (4, ratio(4, 3)));
    assert_eq!(after.average_check, Some(rub(150_000)));
    let wallet = after.wallet.unwrap();
    assert_eq!(
        (wallet.estimate, wallet.position),
        (rub(300_000), WalletPosition::Strategic)
    );
}

#[test]
fn a_transfer_before_any_order_leaves_an_empty_before() {
    let groups = offered();
    let h = history("c1", &[order("f1", "c1", d(2026, 1, 10), 100)]);
    let (before, after) = split_at_transfer(&h, d(2026, 1, 1), d(2026, 1, 31), &ctx(&groups), None);
    assert_eq!(
        (before.from, before.to, before.orders),
        (d(2025, 12, 31), d(2025, 12, 31), 0)
    );
    assert_eq!(after.orders, 1);
    // A transfer dated after today: the after part is the transfer day alone, with nothing in it.
    let (_, future) = split_at_transfer(&h, d(2026, 2, 1), d(2026, 1, 31), &ctx(&groups), None);
    assert_eq!(
        (future.from, future.to, future.orders),
        (d(2026, 2, 1), d(2026, 2, 1), 0)
    );
}

#[test]
fn a_farmers_base_adds_up() {
    let groups = offered();
    let orders = [
        order("a1", "c-a", d(2026, 1, 10), 100_000),
        order("a2", "c-a", d(2026, 2, 10), 100_000),
        order("a3", "c-a", d(2026, 3, 10), 100_000),
        order("b1", "c-b", d(2026, 3, 1), 100_000),
        order("old", "c-old", d(2025, 1, 15), 100_000),
        order("sl", "c-sleep", d(2025, 9, 1), 100_000),
        order("x", "c-other", d(2026, 2, 1), 777_000),
    ];
    let index = HistoryIndex::build(&orders, &products());
    let mine: Vec<Id> = ["c-a", "c-b", "c-old", "c-sleep", "c-none"]
        .into_iter()
        .map(Id::from_raw)
        .collect();
    let q1 = period(d(2026, 1, 1), d(2026, 3, 31));
    let (per_client, f) = farmer_metrics(&index, &mine, q1, &ctx(&groups));
    assert_eq!(per_client.len(), 5);
    // In Q1: c-a 3 orders, c-b 1 → 4 orders, 400 000 ₽, check 100 000 ₽; c-other is not mine.
    assert_eq!((f.clients, f.buying_clients, f.repeat_clients), (5, 2, 1));
    assert_eq!(
        (f.orders, f.revenue, f.average_check),
        (4, rub(400_000), Some(rub(100_000)))
    );
    // 4 orders / (5 clients × 3 months) = 4/15; repeat rate 1/5.
    assert_eq!(f.frequency, Some(ratio(4, 15)));
    assert_eq!(f.repeat_rate, Some(ratio(1, 5)));
    // As of 31.03.2026: c-old 440 days → lost; c-sleep 211 days → sleeping; c-none never ordered.
    assert_eq!(
        (f.active, f.sleeping, f.lost, f.without_orders),
        (2, 1, 1, 1)
    );
    let (_, nobody) = farmer_metrics(&index, &[], q1, &ctx(&groups));
    assert_eq!(
        (nobody.clients, nobody.frequency, nobody.average_check),
        (0, None, None)
    );
}

#[test]
fn the_last_months_end_today_and_start_the_day_after() {
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    let p = Period::last_months(d(2026, 3, 15), 12);
    assert_eq!((p.from(), p.to()), (d(2025, 3, 16), d(2026, 3, 15)));
    // 31 May minus 3 months is 28 February (clamped), so the period starts on 1 March.
    let p = Period::last_months(d(2026, 5, 31), 3);
    assert_eq!((p.from(), p.to()), (d(2026, 3, 1), d(2026, 5, 31)));
    // Leap year: 29.02.2028 minus 12 months is 28.02.2027.
    let p = Period::last_months(d(2028, 2, 29), 12);
    assert_eq!(p.from(), d(2027, 3, 1));
}
