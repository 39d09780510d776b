//! The dashboard's figures against hand-worked examples.

mod abc;
mod director;
mod handover;
mod indexed;
mod reference;
mod verdicts;

use super::period::{month_slot, months_of, PeriodChoice};
use super::sales::{first_sales, monthly_sales};
use super::scope::{Owners, Scope};
use crate::domain::ids::Id;
use crate::domain::metrics::Period;
use crate::domain::money::Money;
use crate::domain::orders::calendar::YearMonth;
use crate::domain::workspace::Workspace;
use crate::testkit::fixtures::*;
use chrono::NaiveDate;

pub(super) fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub(super) fn period(from: NaiveDate, to: NaiveDate) -> Period {
    Period::new(from, to).unwrap()
}

pub(super) fn ym(year: i32, month: u32) -> YearMonth {
    YearMonth { year, month }
}

pub(super) fn rub(r: i64) -> Money {
    Money::from_rubles(r)
}

/// Orders are pushed as they are: the figures read them, the workspace's checks are not tested
/// here.
pub(super) fn with_orders(mut ws: Workspace, orders: &[(&str, &str, i64, NaiveDate)]) -> Workspace {
    for (id, client, rubles, date) in orders {
        ws.orders.push(order_on(id, client, *rubles, *date));
    }
    ws
}

pub(super) fn member_scope(id: &str) -> Scope {
    Scope::Member(Id::from_raw(id))
}

#[test]
fn period_choices_resolve_to_calendar_ranges() {
    let today = day(2026, 11, 30);
    let check = |choice: PeriodChoice, from, to| {
        let p = choice.resolve(today);
        assert_eq!((p.from(), p.to()), (from, to), "{choice:?}");
    };
    check(PeriodChoice::ThisMonth, day(2026, 11, 1), today);
    check(PeriodChoice::LastMonth, day(2026, 10, 1), day(2026, 10, 31));
    check(PeriodChoice::Quarter, day(2026, 10, 1), today);
    check(PeriodChoice::TwelveMonths, day(2025, 12, 1), today);
    // A custom range given backwards is read forwards.
    let custom = PeriodChoice::Custom {
        from: day(2026, 3, 10),
        to: day(2026, 1, 15),
    };
    check(custom, day(2026, 1, 15), day(2026, 3, 10));
    // January: last month is December of the year before; the quarter starts on 1 January.
    let jan = day(2026, 1, 15);
    let last = PeriodChoice::LastMonth.resolve(jan);
    assert_eq!(
        (last.from(), last.to()),
        (day(2025, 12, 1), day(2025, 12, 31))
    );
    assert_eq!(PeriodChoice::Quarter.resolve(jan).from(), day(2026, 1, 1));
    // Last month of a leap March is the whole 29-day February.
    let feb = PeriodChoice::LastMonth.resolve(day(2028, 3, 1));
    assert_eq!(feb.to(), day(2028, 2, 29));
}

#[test]
fn months_of_a_period_include_partial_ends() {
    let p = period(day(2025, 12, 15), day(2026, 2, 3));
    let months = months_of(p);
    assert_eq!(months, [ym(2025, 12), ym(2026, 1), ym(2026, 2)]);
    assert_eq!(month_slot(&months, day(2026, 1, 31)), Some(1));
    assert_eq!(month_slot(&months, day(2026, 3, 1)), None);
    assert_eq!(month_slot(&months, day(2025, 11, 30)), None);
    assert_eq!(
        months_of(period(day(2026, 1, 5), day(2026, 1, 5))),
        [ym(2026, 1)]
    );
}

pub(super) fn sales_workspace() -> Workspace {
    with_orders(
        catalogue_workspace(),
        &[
            ("o1", "c1", 1_000, day(2026, 1, 5)),
            ("o2", "c1", 500, day(2026, 1, 20)),
            ("o3", "c2", 2_000, day(2026, 2, 3)),
            ("o4", "c3", 700, day(2025, 12, 31)),
            ("o5", "c3", 300, day(2026, 1, 1)),
            // Two orders on c2's first day: both are its first sale.
            ("o6", "c2", 250, day(2026, 2, 3)),
        ],
    )
}

#[test]
fn revenue_and_orders_per_month_follow_the_period_and_the_owner_on_the_day() {
    let mut ws = sales_workspace();
    let p = period(day(2026, 1, 1), day(2026, 2, 28));
    let figures = |ws: &Workspace, scope: &Scope| {
        monthly_sales(ws, &Owners::new(ws), p, scope)
            .into_iter()
            .map(|m| (m.month, m.revenue, m.orders))
            .collect::<Vec<_>>()
    };
    // 31.12.2025 is outside; 01.01 is inside.
    assert_eq!(
        figures(&ws, &Scope::Team),
        [(ym(2026, 1), rub(1_800), 3), (ym(2026, 2), rub(2_250), 2)]
    );
    assert_eq!(
        figures(&ws, &member_scope("ivan")),
        [(ym(2026, 1), rub(1_800), 3), (ym(2026, 2), rub(0), 0)]
    );
    // Ivan passes c1 to Anna on 15.01: the order of the 20th is Anna's, the 5th stays Ivan's.
    ws.transfers
        .push(transfer("t1", "c1", "ivan", "anna", day(2026, 1, 15)));
    ws.clients[0].owner_id = Id::from_raw("anna");
    assert_eq!(
        figures(&ws, &member_scope("ivan")),
        [(ym(2026, 1), rub(1_300), 2), (ym(2026, 2), rub(0), 0)]
    );
    assert_eq!(
        figures(&ws, &member_scope("anna")),
        [(ym(2026, 1), rub(500), 1), (ym(2026, 2), rub(0), 0)]
    );
    // An empty period still lists its month.
    let empty = monthly_sales(
        &ws,
        &Owners::new(&ws),
        period(day(2026, 6, 1), day(2026, 6, 30)),
        &Scope::Team,
    );
    assert_eq!(empty.len(), 1);
    assert_eq!((empty[0].revenue, empty[0].orders), (Money::ZERO, 0));
}

#[test]
fn first_sales_count_a_clients_first_order_day_for_its_owner_then() {
    let ws = sales_workspace();
    let owners = Owners::new(&ws);
    let p = period(day(2026, 1, 1), day(2026, 2, 28));
    let rows = first_sales(&ws, &owners, p, &Scope::Team);
    let got: Vec<(&str, Vec<u32>, Vec<Money>)> = rows
        .iter()
        .map(|r| (r.member_id.as_str(), r.counts.clone(), r.amounts.clone()))
        .collect();
    // c3's first order was on 31.12.2025, before the period: not a first sale in it. Anna is
    // a farmer with none, so she is not listed; both hunters are.
    assert_eq!(
        got,
        [
            ("ivan", vec![1, 0], vec![rub(1_000), rub(0)]),
            ("olga", vec![0, 1], vec![rub(0), rub(2_250)]),
        ]
    );
    assert_eq!(rows[0].total(), 1);
    // A hunter without first sales is still a row of zeros; a period without any too.
    let june = first_sales(
        &ws,
        &owners,
        period(day(2026, 6, 1), day(2026, 6, 30)),
        &Scope::Team,
    );
    assert_eq!(june.len(), 2);
    assert!(june.iter().all(|r| r.total() == 0));
    // One rep only.
    let olga = first_sales(&ws, &owners, p, &member_scope("olga"));
    assert_eq!(olga.len(), 1);
    assert_eq!(olga[0].counts, [0, 1]);
    // A rep with no deals or orders at all.
    let anna = first_sales(&ws, &owners, p, &member_scope("anna"));
    assert!(anna.is_empty());
}
