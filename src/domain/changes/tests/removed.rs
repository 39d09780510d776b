//! Deleted records in «what changed», against hand-worked examples on the team of
//! `small_workspace` (see the parent module): Иван owns c1 «ООО «Вектор»» with deals d1
//! (100 000 ₽) and d3 (50 000 ₽), Ольга c2 with deal d2 (250 000 ₽).

use super::*;

/// The earlier copy: `catalogue_workspace` with orders o1, o2 of c1 and o3 of c2.
fn with_orders() -> Workspace {
    let mut old = catalogue_workspace();
    old.orders
        .push(order_on("o1", "c1", 10_000, day(2026, 1, 10)));
    old.orders
        .push(order_on("o2", "c1", 5_000, day(2026, 1, 12)));
    old.orders
        .push(order_on("o3", "c2", 7_000, day(2026, 1, 11)));
    old
}

#[test]
fn deleted_clients_deals_and_orders_under_their_reps_on_the_day_of_deletion() {
    let old = with_orders();
    let mut ws = old.clone();
    let id = |s: &str| Id::from_raw(s);
    // 15.01 at 14:00 and 15:00 Moscow time: Ольга's order o3 and deal d2.
    ws.remove_order(&id("o3"), day(2026, 1, 15), later(120))
        .unwrap();
    ws.remove_deal(&id("d2"), later(180)).unwrap();
    // 16.01: Иван's client c1, and with it its deals d1, d3 and orders o1, o2.
    ws.remove_client(&id("c1"), later(24 * 60 + 120)).unwrap();
    let r = run(&old, later(60), &ws, a_week_later());
    let ivan = rep(&r, "ivan");
    let on_16 = day(2026, 1, 16);
    assert_eq!(
        kinds(ivan),
        [
            (ChangeKind::DeletedClient, on_16),
            (ChangeKind::DeletedDeal, on_16),
            (ChangeKind::DeletedDeal, on_16),
            (ChangeKind::DeletedOrder, on_16),
            (ChangeKind::DeletedOrder, on_16),
        ]
    );
    assert_eq!(ivan.changes[0].client, "ООО «Вектор»");
    let deals: Vec<(&str, &str, Option<Money>)> = ivan.changes[1..3]
        .iter()
        .map(|c| (c.client.as_str(), c.deal.as_str(), c.amount))
        .collect();
    assert_eq!(
        deals,
        [
            (
                "ООО «Вектор»",
                "Сделка d1",
                Some(Money::from_rubles(100_000))
            ),
            (
                "ООО «Вектор»",
                "Сделка d3",
                Some(Money::from_rubles(50_000))
            ),
        ]
    );
    let orders: Vec<Option<Money>> = ivan.changes[3..].iter().map(|c| c.amount).collect();
    assert_eq!(
        orders,
        [
            Some(Money::from_rubles(10_000)),
            Some(Money::from_rubles(5_000))
        ]
    );
    assert_eq!(ivan.counts().deleted, 5);
    // A deletion is not new revenue.
    assert_eq!(ivan.counts().revenue, Money::ZERO);
    let olga = rep(&r, "olga");
    let on_15 = day(2026, 1, 15);
    assert_eq!(
        kinds(olga),
        [
            (ChangeKind::DeletedDeal, on_15),
            (ChangeKind::DeletedOrder, on_15)
        ]
    );
    assert_eq!(olga.changes[0].amount, Some(Money::from_rubles(250_000)));
    assert_eq!(olga.counts().deleted, 2);
    assert!(rep(&r, "anna").changes.is_empty());
}

#[test]
fn a_record_gone_without_a_tombstone_is_dated_today_under_a_rep_who_left() {
    let mut old = with_orders();
    old.add_member(member("petr", "Пётр Волков", JobTitle::SalesManager))
        .unwrap();
    old.add_client(client("c9", "ООО «Старт»", "petr")).unwrap();
    // Today's data lost Пётр, his client and Ольга's order o3 without a record of it (an older
    // file, or a copy edited by hand).
    let mut ws = old.clone();
    ws.members.retain(|m| m.id.as_str() != "petr");
    ws.clients.retain(|c| c.id.as_str() != "c9");
    ws.orders.retain(|o| o.id.as_str() != "o3");
    let today = a_week_later();
    let r = run(&old, later(60), &ws, today);
    assert_eq!(
        kinds(rep(&r, "olga")),
        [(ChangeKind::DeletedOrder, today.date)]
    );
    let petr = rep(&r, "petr");
    assert_eq!(petr.name, "Пётр Волков");
    assert_eq!(kinds(petr), [(ChangeKind::DeletedClient, today.date)]);
    assert_eq!(petr.changes[0].client, "ООО «Старт»");
}

#[test]
fn nothing_deleted_nothing_reported() {
    let old = with_orders();
    let mut ws = old.clone();
    ws.orders
        .push(order_on("o4", "c1", 1_000, day(2026, 1, 20)));
    let r = run(&old, later(60), &ws, a_week_later());
    assert!(r
        .reps
        .iter()
        .all(|x| x.counts().deleted == 0 && x.changes.len() <= 1));
}
