//! ABC by revenue, XYZ by the coefficient of variation, and the matrix of both.

use super::*;
use crate::domain::dashboard::abc_xyz::{abc_classes, abc_xyz, xyz_class, Abc, Cutoffs, Xyz};

fn rubs(list: &[i64]) -> Vec<Money> {
    list.iter().map(|r| rub(*r)).collect()
}

#[test]
fn abc_takes_the_clients_making_the_first_80_percent_then_15_then_the_rest() {
    let d = Cutoffs::default();
    // Total 1 000. Before each: 0, 500 (50 %), 800 (80 %: A is full), 900 (90 %), 960 (96 %).
    assert_eq!(
        abc_classes(&rubs(&[500, 300, 100, 60, 40]), d),
        [Abc::A, Abc::A, Abc::B, Abc::B, Abc::C]
    );
    // The client that crosses 80 % is still A: one client with 90 % is A alone.
    assert_eq!(
        abc_classes(&rubs(&[900, 60, 40]), d),
        [Abc::A, Abc::B, Abc::C]
    );
    // One client only: A. No client: nothing.
    assert_eq!(abc_classes(&rubs(&[1]), d), [Abc::A]);
    assert!(abc_classes(&[], d).is_empty());
    // Cut-offs the director changed: A 50 %, B 30 %.
    let custom = Cutoffs {
        a_bp: 5_000,
        b_bp: 3_000,
        ..d
    };
    assert_eq!(
        abc_classes(&rubs(&[500, 300, 100, 60, 40]), custom),
        [Abc::A, Abc::B, Abc::C, Abc::C, Abc::C]
    );
}

#[test]
fn xyz_reads_the_coefficient_of_variation_with_exact_boundaries() {
    let d = Cutoffs::default();
    let series = |a: i64, b: i64| rubs(&[a, b, a, b, a, b, a, b, a, b, a, b]);
    // Mean 100 each time; the standard deviation is half the gap.
    assert_eq!(xyz_class(&series(100, 100), d), (Xyz::X, Some(0)));
    assert_eq!(xyz_class(&series(90, 110), d), (Xyz::X, Some(1_000)));
    assert_eq!(xyz_class(&series(89, 111), d), (Xyz::Y, Some(1_100)));
    assert_eq!(xyz_class(&series(75, 125), d), (Xyz::Y, Some(2_500)));
    assert_eq!(xyz_class(&series(74, 126), d), (Xyz::Z, Some(2_600)));
    // All revenue in one month of twelve: σ = √(1 100² + 11·100²) / √12 = 331,66, CV 331,66 %.
    let mut one_month = vec![Money::ZERO; 12];
    one_month[4] = rub(1_200);
    assert_eq!(xyz_class(&one_month, d), (Xyz::Z, Some(33_166)));
    // Nothing bought at all: Z, no coefficient.
    assert_eq!(xyz_class(&[Money::ZERO; 12], d), (Xyz::Z, None));
    // Changed cut-offs: X up to 20 %.
    let loose = Cutoffs { x_pct: 20, ..d };
    assert_eq!(xyz_class(&series(80, 120), loose).0, Xyz::X);
}

#[test]
fn the_matrix_crosses_period_revenue_with_twelve_complete_months() {
    let today = day(2026, 1, 15);
    let mut orders: Vec<(String, &str, i64, NaiveDate)> = Vec::new();
    // c1 buys 1 000 ₽ every month of 2025: steady, X.
    for m in 1..=12 {
        orders.push((format!("a{m}"), "c1", 1_000, day(2025, m, 10)));
    }
    // c2 buys once, in December: Z. c3 buys only this month (outside the 12 complete months).
    orders.push(("b1".into(), "c2", 100, day(2025, 12, 1)));
    orders.push(("c1".into(), "c3", 50, day(2026, 1, 5)));
    let list: Vec<(&str, &str, i64, NaiveDate)> = orders
        .iter()
        .map(|(id, c, r, d)| (id.as_str(), *c, *r, *d))
        .collect();
    let ws = with_orders(catalogue_workspace(), &list);
    // 12 months as of 15.01.2026: 01.02.2025 – 15.01.2026, so c1's January 2025 is outside.
    let p = PeriodChoice::TwelveMonths.resolve(today);
    let m = abc_xyz(&ws, p, today, &Scope::Team, Cutoffs::default());
    assert_eq!(m.months.first(), Some(&ym(2025, 1)));
    assert_eq!(m.months.len(), 12);
    // Revenue 11 000 + 100 + 50 = 11 150; c1 makes 98.7 % (A); before c2 it is 98.7 %: C.
    assert_eq!(m.revenue, rub(11_150));
    assert_eq!(m.clients(), 3);
    let ax = m.cell(Abc::A, Xyz::X);
    assert_eq!(ax.clients.len(), 1);
    assert_eq!(ax.revenue, rub(11_000));
    assert_eq!(ax.clients[0].client_id.as_str(), "c1");
    assert_eq!(ax.clients[0].cv_bp, Some(0));
    let cz = m.cell(Abc::C, Xyz::Z);
    let ids: Vec<&str> = cz.clients.iter().map(|c| c.client_id.as_str()).collect();
    // Biggest first; c3 bought nothing in the complete months: Z without a coefficient.
    assert_eq!(ids, ["c2", "c3"]);
    assert_eq!(cz.clients[1].cv_bp, None);
    assert_eq!(cz.revenue, rub(150));
    // The counts add up to the clients with revenue in the period.
    let total: usize = Abc::ALL
        .iter()
        .flat_map(|a| Xyz::ALL.iter().map(move |x| (*a, *x)))
        .map(|(a, x)| m.cell(a, x).clients.len())
        .sum();
    assert_eq!(total, 3);
    // One rep: Olga owns c2 only.
    let olga = abc_xyz(&ws, p, today, &member_scope("olga"), Cutoffs::default());
    assert_eq!(olga.clients(), 1);
    assert_eq!(olga.cell(Abc::A, Xyz::Z).clients.len(), 1);
    // A rep without clients, and an empty period: an empty matrix.
    assert_eq!(
        abc_xyz(&ws, p, today, &member_scope("anna"), Cutoffs::default()).clients(),
        0
    );
    let june = period(day(2026, 6, 1), day(2026, 6, 30));
    let empty = abc_xyz(&ws, june, today, &Scope::Team, Cutoffs::default());
    assert_eq!((empty.clients(), empty.revenue), (0, Money::ZERO));
}
