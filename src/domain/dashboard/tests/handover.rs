//! Transfers per month, the queue's waiting times and the farmers' before / after.

use super::*;
use crate::domain::dashboard::handover::{
    farmer_growth, median_wait, monthly_transfers, queue_waits,
};
use crate::domain::metrics::UNITS_PER_MONTH;
use crate::domain::orders::HistoryIndex;
use crate::domain::team::JobTitle;

#[test]
fn transfers_are_counted_per_month_for_whoever_gave_or_took_them() {
    let mut ws = catalogue_workspace();
    ws.transfers
        .push(transfer("t1", "c1", "ivan", "anna", day(2026, 1, 31)));
    ws.transfers
        .push(transfer("t2", "c2", "olga", "anna", day(2026, 2, 1)));
    ws.transfers
        .push(transfer("t3", "c3", "ivan", "anna", day(2026, 2, 28)));
    ws.transfers
        .push(transfer("t4", "c3", "ivan", "anna", day(2026, 3, 1)));
    let p = period(day(2026, 1, 1), day(2026, 2, 28));
    let counts = |scope: &Scope| -> Vec<(YearMonth, u32)> {
        monthly_transfers(&ws, p, scope)
            .into_iter()
            .map(|m| (m.month, m.transfers))
            .collect()
    };
    assert_eq!(counts(&Scope::Team), [(ym(2026, 1), 1), (ym(2026, 2), 2)]);
    assert_eq!(
        counts(&member_scope("ivan")),
        [(ym(2026, 1), 1), (ym(2026, 2), 1)]
    );
    assert_eq!(
        counts(&member_scope("anna")),
        [(ym(2026, 1), 1), (ym(2026, 2), 2)]
    );
    assert_eq!(
        counts(&member_scope("nobody")),
        [(ym(2026, 1), 0), (ym(2026, 2), 0)]
    );
}

#[test]
fn the_queue_waits_from_the_order_that_met_the_rule() {
    let mut ws = catalogue_workspace();
    ws.add_member(member("marina", "Марина Волкова", JobTitle::SalesDirector))
        .unwrap();
    ws.add_client(client("c5", "ПАО «Альфа»", "marina"))
        .unwrap();
    // The default rule: at least 2 orders.
    let ws = with_orders(
        ws,
        &[
            ("o1", "c1", 1_000, day(2026, 1, 5)),
            ("o2", "c1", 1_000, day(2026, 1, 12)),
            ("o3", "c1", 1_000, day(2026, 1, 14)),
            ("o4", "c5", 1_000, day(2025, 12, 3)),
            ("o5", "c5", 1_000, day(2026, 1, 9)),
            ("o6", "c2", 1_000, day(2026, 1, 6)),
        ],
    );
    let index = HistoryIndex::build(&ws.orders, &ws.products);
    let today = day(2026, 1, 20);
    let waits = queue_waits(&ws, &index, today, &Scope::Team);
    let got: Vec<(&str, NaiveDate, u32)> = waits
        .iter()
        .map(|w| (w.client_id.as_str(), w.since, w.days))
        .collect();
    // c5 met the rule on 09.01 (11 days), c1 on 12.01 (8 days); c2 has one order.
    assert_eq!(
        got,
        [("c5", day(2026, 1, 9), 11), ("c1", day(2026, 1, 12), 8)]
    );
    assert_eq!(median_wait(&waits), Some(8));
    assert_eq!(median_wait(&[]), None);
    let ivan = queue_waits(&ws, &index, today, &member_scope("ivan"));
    assert_eq!(ivan.len(), 1);
    assert_eq!(ivan[0].client_name, "ООО «Вектор»");
}

#[test]
fn farmers_clients_are_compared_before_and_after_the_transfer() {
    let mut ws = with_orders(
        catalogue_workspace(),
        &[
            ("o1", "c1", 1_000, day(2026, 1, 5)),
            ("o2", "c1", 1_000, day(2026, 1, 12)),
            ("o3", "c1", 3_000, day(2026, 1, 20)),
            // After the period's end: not counted.
            ("o4", "c1", 9_000, day(2026, 2, 2)),
        ],
    );
    ws.transfers
        .push(transfer("t1", "c1", "ivan", "anna", day(2026, 1, 15)));
    // A transfer after the period is left out.
    ws.transfers
        .push(transfer("t2", "c2", "olga", "anna", day(2026, 2, 10)));
    let index = HistoryIndex::build(&ws.orders, &ws.products);
    let p = period(day(2026, 1, 1), day(2026, 1, 31));
    let rows = farmer_growth(&ws, &index, p, &Scope::Team);
    assert_eq!(rows.len(), 1);
    let anna = &rows[0];
    assert_eq!((anna.farmer_id.as_str(), anna.clients), ("anna", 1));
    // Before: 05.01 – 14.01, 10 days of a 31-day month; after: 15.01 – 31.01, 17 days.
    let day_units = UNITS_PER_MONTH / 31;
    assert_eq!(
        (
            anna.before.orders,
            anna.before.revenue,
            anna.before.month_units,
            anna.before.groups
        ),
        (2, rub(2_000), 10 * day_units, 1)
    );
    assert_eq!(
        (
            anna.after.orders,
            anna.after.revenue,
            anna.after.month_units,
            anna.after.groups
        ),
        (1, rub(3_000), 17 * day_units, 1)
    );
    assert_eq!(anna.before.average_check(), Some(rub(1_000)));
    assert_eq!(anna.after.average_check(), Some(rub(3_000)));
    // 2 orders in 10/31 of a month = 6,2 a month; 1 in 17/31 = 1,82.
    assert_eq!(anna.before.frequency().unwrap().hundredths(), 620);
    assert_eq!(anna.after.frequency().unwrap().hundredths(), 182);
    assert_eq!(
        anna.after
            .groups_per_client(anna.clients)
            .unwrap()
            .hundredths(),
        100
    );
    // Olga's view: she gave nothing within the period.
    assert!(farmer_growth(&ws, &index, p, &member_scope("olga")).is_empty());
    assert_eq!(
        farmer_growth(&ws, &index, p, &member_scope("ivan")).len(),
        1
    );
}
