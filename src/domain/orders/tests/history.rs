//! The history index: built in any order, updated one client at a time, keyed on what it
//! depends on.

use super::*;

#[test]
fn a_history_sorts_orders_and_remembers_first_purchases() {
    let orders = [
        order_k("o3", "c1", d(2026, 2, 1), &[("p-soap", 100), ("p-box", 50)]),
        order("o1", "c1", d(2026, 1, 10), 10),
        order("o2", "c1", d(2026, 1, 10), 20),
        order("x1", "c2", d(2025, 1, 1), 99),
        order_k("o4", "c1", d(2026, 3, 1), &[("p-gone", 100)]),
    ];
    let h = ClientHistory::build(Id::from_raw("c1"), &orders, &products());
    let ids: Vec<&str> = h.orders().iter().map(|o| h.order_id(o)).collect();
    assert_eq!(ids, ["o1", "o2", "o3", "o4"]);
    assert_eq!(h.orders()[2].total, Money::from_kopecks(150));
    // Groups are listed in order of the client's first purchase: boxes (Jan) before soap (Feb).
    let groups: Vec<&str> = h.groups_of(&h.orders()[2]).map(Id::as_str).collect();
    assert_eq!(groups, ["g-pack", "g-chem"]);
    assert_eq!(h.groups_of(&h.orders()[3]).count(), 0);
    let in_january: Vec<&str> = h
        .groups_in(&h.orders()[..2])
        .into_iter()
        .map(Id::as_str)
        .collect();
    assert_eq!(in_january, ["g-pack"]);
    let all: Vec<&str> = h
        .groups_in(h.orders())
        .into_iter()
        .map(Id::as_str)
        .collect();
    assert_eq!(all, ["g-pack", "g-chem"]);
    assert_eq!(
        h.first_bought_product(&Id::from_raw("p-box")),
        Some(d(2026, 1, 10))
    );
    assert_eq!(
        h.first_bought_group(&Id::from_raw("g-chem")),
        Some(d(2026, 2, 1))
    );
    assert_eq!(h.first_bought_group(&Id::from_raw("g-paper")), None);
    assert_eq!(h.orders_until(d(2026, 1, 31)).len(), 2);
    assert_eq!(h.orders_until(d(2026, 1, 9)).len(), 0);
    assert_eq!(h.orders_between(d(2026, 1, 10), d(2026, 2, 1)).len(), 3);
    assert_eq!(h.orders_between(d(2026, 2, 2), d(2026, 2, 1)).len(), 0);
}

#[test]
fn updating_one_client_equals_a_full_rebuild() {
    let (_, products) = catalog();
    let mut orders = vec![
        order("o1", "c1", d(2026, 1, 10), 100),
        order("o2", "c2", d(2026, 1, 11), 200),
        order("o3", "c1", d(2026, 2, 10), 300),
        order("o4", "c3", d(2026, 2, 12), 400),
    ];
    let mut index = HistoryIndex::build(&orders, &products);
    assert_eq!(index.len(), 3);

    // Edit: c1's second order changes date, amount and product.
    orders[2] = order_k("o3", "c1", d(2025, 12, 31), &[("p-a4", 77)]);
    let c1 = Id::from_raw("c1");
    index.update_client(&c1, orders.iter().filter(|o| o.client_id == c1), &products);
    assert_eq!(index, HistoryIndex::build(&orders, &products));

    // Moving c2's only order to c1 drops c2 from the index, like a full rebuild does.
    orders[1].client_id = c1.clone();
    let c2 = Id::from_raw("c2");
    index.update_client(&c1, &orders, &products);
    index.update_client(&c2, &orders, &products);
    assert_eq!(index, HistoryIndex::build(&orders, &products));
    assert!(index.get(&c2).is_none());
}

#[test]
fn the_input_order_of_orders_does_not_matter() {
    let orders = [
        order_k(
            "o1",
            "c1",
            d(2026, 1, 10),
            &[("p-soap", 100), ("p-box", 50)],
        ),
        order_k("o2", "c1", d(2026, 1, 10), &[("p-a4", 100)]),
        order_k(
            "o3",
            "c1",
            d(2025, 12, 1),
            &[("p-tape", 100), ("p-tape", 5)],
        ),
    ];
    let mut reversed = orders.clone();
    reversed.reverse();
    let c1 = Id::from_raw("c1");
    let a = ClientHistory::build(c1.clone(), &orders, &products());
    assert_eq!(a, ClientHistory::build(c1, &reversed, &products()));
    let o3 = &a.orders()[0];
    assert_eq!(o3.total, Money::from_kopecks(105));
    assert_eq!(
        a.groups_of(o3).map(Id::as_str).collect::<Vec<_>>(),
        ["g-pack"]
    );
}

#[test]
fn synthetic_data_is_deterministic_and_valid() {
    let (groups, products) = synth_catalog(12, 8, t0());
    assert_eq!((groups.len(), products.len()), (12, 96));
    let clients = synth_client_ids(50);
    let make = |seed| {
        synth_orders(
            seed,
            &clients,
            &products,
            500,
            d(2023, 1, 1),
            d(2025, 12, 31),
        )
    };
    let a = make(7);
    assert_eq!(a, make(7));
    assert_ne!(a, make(8));
    let k: HashSet<Id> = products.iter().map(|p| p.id.clone()).collect();
    assert!(a.iter().all(|o| o.validate(&k).is_ok()));
    assert!(a
        .iter()
        .all(|o| o.date >= d(2023, 1, 1) && o.date <= d(2025, 12, 31)));
    assert!(a.iter().all(|o| o.total() >= rub(500)));
}

#[test]
fn long_orders_and_same_day_orders_build_the_same_in_any_order() {
    // Orders with more lines than a reduced order keeps in itself, between short ones, and
    // several orders of one client on one day (ordered by id whatever the input order).
    let long = [
        ("p-tape", 1),
        ("p-gone", 2),
        ("p-soap", 3),
        ("p-box", 4),
        ("p-a4", 5),
        ("p-tape", 6),
    ];
    let orders = [
        order("o9", "c1", d(2026, 1, 10), 1),
        order_k("o5", "c1", d(2026, 1, 10), &long),
        order("x1", "c2", d(2026, 1, 10), 7),
        order_k("o7", "c1", d(2026, 1, 10), &long[1..]),
        order("o1", "c1", d(2026, 2, 1), 1),
        order_k("o3", "c1", d(2025, 12, 1), &long[2..]),
    ];
    let c1 = Id::from_raw("c1");
    let h = ClientHistory::build(c1.clone(), &orders, &products());
    let ids: Vec<&str> = h.orders().iter().map(|o| h.order_id(o)).collect();
    assert_eq!(ids, ["o3", "o5", "o7", "o9", "o1"]);
    assert_eq!(h.orders()[1].total, Money::from_kopecks(21));
    // o3 (December) bought soap, boxes and paper: chem first, then pack, then paper.
    let groups = |o: &OrderSummary| h.groups_of(o).map(Id::as_str).collect::<Vec<_>>();
    assert_eq!(groups(&h.orders()[0]), ["g-chem", "g-pack", "g-paper"]);
    assert_eq!(groups(&h.orders()[1]), ["g-chem", "g-pack", "g-paper"]);
    assert_eq!(
        h.first_bought_product(&Id::from_raw("p-gone")),
        Some(d(2026, 1, 10))
    );
    assert_eq!(
        h.first_bought_product(&Id::from_raw("p-a4")),
        Some(d(2025, 12, 1))
    );
    let mut shuffled = orders.clone();
    shuffled.reverse();
    shuffled.swap(0, 3);
    assert_eq!(h, ClientHistory::build(c1.clone(), &shuffled, &products()));
    let index = HistoryIndex::build(&shuffled, &products());
    assert_eq!(index.get(&c1), Some(&h));
    assert_eq!(index, HistoryIndex::build(&orders, &products()));
    assert_eq!(index.len(), 2);
}

#[test]
fn listing_groups_agrees_with_the_orders_groups_for_any_number_of_groups() {
    // One product per group; a client buying 10, 40 or 70 groups.
    let (_, products) = synth_catalog(70, 1, t0());
    for bought in [10usize, 40, 70] {
        let orders: Vec<Order> = (0..bought)
            .map(|i| {
                let lines: Vec<(&str, i64)> = [i, (i * 7) % bought]
                    .iter()
                    .map(|&p| (products[p].id.as_str(), 100))
                    .collect();
                order_k(
                    &format!("o{i:03}"),
                    "c1",
                    d(2026, 1, 1) + chrono::Duration::days(i as i64),
                    &lines,
                )
            })
            .collect();
        let h = ClientHistory::build(Id::from_raw("c1"), &orders, &products);
        // Every group in order of first purchase: as first met going through the orders.
        let mut first_purchase: Vec<&Id> = Vec::new();
        for o in h.orders() {
            for g in h.groups_of(o) {
                if !first_purchase.contains(&g) {
                    first_purchase.push(g);
                }
            }
        }
        assert_eq!(first_purchase.len(), bought);
        for (from, to) in [(0, bought), (3, bought / 2), (bought / 2, bought), (5, 5)] {
            let slice = &h.orders()[from..to];
            let expected: Vec<&Id> = first_purchase
                .iter()
                .copied()
                .filter(|&g| slice.iter().any(|o| h.groups_of(o).any(|og| og == g)))
                .collect();
            assert_eq!(h.groups_in(slice), expected, "{bought} {from}..{to}");
        }
    }
}

#[test]
fn the_index_inputs_change_when_a_product_moves_to_another_group() {
    use crate::domain::transfer::{evaluate, Combinator, Condition, TransferRule};
    let mut catalogue = products();
    let orders = vec![
        order("o1", "c1", d(2026, 1, 5), 100),
        order_k("o2", "c1", d(2026, 2, 5), &[("p-a4", 5_000)]),
    ];
    let before = IndexInputs::of(&orders, &catalogue);
    let index = HistoryIndex::build(&orders, &catalogue);
    let rule = TransferRule {
        combinator: Combinator::All,
        conditions: vec![Condition::BoughtGroup {
            group_id: Id::from_raw("g-chem"),
        }],
    };
    let today = d(2026, 3, 1);
    let c1 = Id::from_raw("c1");
    assert!(!evaluate(&rule, index.get(&c1).unwrap(), today).eligible);

    // A4 paper moves to «Химия»: no order, count or order stamp changes, but the group does.
    catalogue[3].group_id = Id::from_raw("g-chem");
    catalogue[3].updated_at = later(5);
    let after = IndexInputs::of(&orders, &catalogue);
    assert_ne!(after, before, "a moved product must invalidate the index");
    let rebuilt = HistoryIndex::build(&orders, &catalogue);
    assert_ne!(rebuilt, index);
    assert!(evaluate(&rule, rebuilt.get(&c1).unwrap(), today).eligible);

    // Renaming a product changes nothing the index reads.
    catalogue[3].name = "Бумага А4".into();
    assert_eq!(IndexInputs::of(&orders, &catalogue), after);
    // The records' order does not matter either.
    let mut reversed = orders.clone();
    reversed.reverse();
    catalogue.reverse();
    assert_eq!(IndexInputs::of(&reversed, &catalogue), after);
}

#[test]
fn the_index_inputs_follow_every_order_change() {
    let catalogue = products();
    let orders = vec![
        order("o1", "c1", d(2026, 1, 5), 100),
        order("o2", "c2", d(2026, 2, 5), 200),
    ];
    let base = IndexInputs::of(&orders, &catalogue);
    assert_eq!(IndexInputs::of(&orders.clone(), &catalogue), base);
    // An edit restamps the order.
    let mut edited = orders.clone();
    edited[1].lines[0].amount = Money::from_kopecks(1);
    edited[1].updated_at = later(1);
    assert_ne!(IndexInputs::of(&edited, &catalogue), base);
    // The date of an order, a removal, and a replacement by another order with the same stamp.
    let mut redated = orders.clone();
    redated[0].date = d(2026, 1, 6);
    assert_ne!(IndexInputs::of(&redated, &catalogue), base);
    assert_ne!(IndexInputs::of(&orders[..1], &catalogue), base);
    let mut replaced = orders.clone();
    replaced[1] = order("o3", "c2", d(2026, 2, 5), 200);
    replaced[1].created_at = later(2);
    replaced[1].updated_at = later(2);
    assert_ne!(IndexInputs::of(&replaced, &catalogue), base);
    // A product added to the catalogue.
    let mut more = catalogue.clone();
    more.push(Product {
        id: Id::from_raw("p-new"),
        name: "Новый".into(),
        group_id: Id::from_raw("g-pack"),
        created_at: t0(),
        updated_at: t0(),
        stamps: Default::default(),
    });
    assert_ne!(IndexInputs::of(&orders, &more), base);
}
