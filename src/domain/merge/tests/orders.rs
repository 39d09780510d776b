//! The catalogue and orders: orders go with their client, what orders still use stays.

use super::*;
use crate::testkit::order_data::{d, order, order_k};

#[test]
fn orders_from_both_tabs_are_united() {
    let mut ours = base_with_orders();
    let mut theirs = base_with_orders();
    ours.orders.push(order("o-ours", "c1", d(2026, 2, 1), 500));
    theirs
        .orders
        .push(order("o-theirs", "c3", d(2026, 2, 2), 700));
    let out = merge(&ours, &theirs);
    let ids: Vec<&str> = out.workspace.orders.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids, ["o1", "o2", "o-ours", "o-theirs"]);
    assert_eq!(out.report.counts(RecordKind::Order).added, 1);
    assert_sound(&out.workspace);
}

#[test]
fn an_order_added_to_a_client_deleted_elsewhere_goes_with_the_client() {
    let mut deleter = base_with_orders();
    let mut adder = base_with_orders();
    deleter.remove_client(&id("c1"), later(10)).unwrap();
    let mut late = order("o-late", "c1", d(2026, 2, 1), 500);
    late.updated_at = later(20);
    adder.orders.push(late);

    for (a, b) in [(&adder, &deleter), (&deleter, &adder)] {
        let out = merge(a, b);
        assert_sound(&out.workspace);
        let ids: Vec<&str> = out.workspace.orders.iter().map(|o| o.id.as_str()).collect();
        assert_eq!(ids, ["o2"]);
        assert_eq!(removed_at(&out.workspace, "o-late"), Some(later(20)));
        assert_eq!(removed_at(&out.workspace, "o1"), Some(later(10)));
    }
    let out = merge(&adder, &deleter);
    assert_eq!(
        out.report.repairs,
        [Repair::Dropped {
            kind: RecordKind::Order,
            id: id("o-late"),
            label: "01.02.2026".into(),
            reason: DropReason::ClientMissing(id("c1")),
        }]
    );
    assert_eq!(out.report.counts(RecordKind::Order).removed, 2);
}

#[test]
fn a_product_deleted_in_one_tab_but_ordered_in_the_other_stays_with_its_group() {
    // Tab A tidies the catalogue: it removes soap and its group, and the unused A4 paper.
    let mut a = base_with_orders();
    remove_by_hand(&mut a, "p-soap", 10);
    remove_by_hand(&mut a, "g-chem", 10);
    remove_by_hand(&mut a, "p-a4", 11);
    // Tab B meanwhile records an order of soap.
    let mut b = base_with_orders();
    let mut soap = order_k("o-soap", "c2", d(2026, 1, 14), &[("p-soap", 99_00)]);
    soap.updated_at = later(5);
    b.orders.push(soap);

    for (ours, theirs, held_by) in [(&b, &a, Side::Ours), (&a, &b, Side::Theirs)] {
        let out = merge(ours, theirs);
        let ws = &out.workspace;
        assert_sound(ws);
        assert!(ws.orders.iter().any(|o| o.id == id("o-soap")));
        assert!(ws.products.iter().any(|p| p.id == id("p-soap")));
        assert!(ws.product_groups.iter().any(|g| g.id == id("g-chem")));
        assert!(!ws.products.iter().any(|p| p.id == id("p-a4")));
        assert_eq!(
            out.report.repairs,
            [
                Repair::KeptInUse {
                    kind: RecordKind::Product,
                    id: id("p-soap"),
                    label: "p-soap".into(),
                    removed_at: later(10),
                    held_by,
                    used_by: vec![id("o-soap")],
                },
                Repair::KeptInUse {
                    kind: RecordKind::ProductGroup,
                    id: id("g-chem"),
                    label: "Химия".into(),
                    removed_at: later(10),
                    held_by,
                    used_by: vec![id("p-soap")],
                },
            ]
        );
    }
    let settled = merge(&b, &a).workspace;
    assert_eq!(merge(&settled, &a).workspace, settled);
    assert!(merge(&settled, &merge(&a, &b).workspace).report.is_noop());
}

#[test]
fn inconsistent_catalogue_data_is_repaired_too() {
    // A product whose group no side has, and an order of it: neither can be kept.
    let ours = base_with_orders();
    let mut theirs = base_with_orders();
    let mut stray = theirs.products[0].clone();
    stray.id = id("p-stray");
    stray.group_id = id("g-gone");
    theirs.products.push(stray);
    theirs.orders.push(order_k(
        "o-stray",
        "c3",
        d(2026, 1, 20),
        &[("p-stray", 100)],
    ));
    let out = merge(&ours, &theirs);
    assert_sound(&out.workspace);
    let reasons: Vec<DropReason> = out
        .report
        .repairs
        .iter()
        .filter_map(|r| match r {
            Repair::Dropped { reason, .. } => Some(reason.clone()),
            Repair::KeptInUse { .. } => None,
        })
        .collect();
    assert_eq!(
        reasons,
        [
            DropReason::GroupMissing(id("g-gone")),
            DropReason::ProductMissing(id("p-stray"))
        ]
    );
    assert_eq!(canonical(&out.workspace), canonical(&ours));
}
