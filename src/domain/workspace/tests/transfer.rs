use crate::domain::client::ClientStatus;
use crate::domain::metrics::ActivityThresholds;
use crate::domain::transfer::{
    Combinator, Condition, ConditionOutcome, PolicyError, TransferPolicy, TransferRule,
};
use crate::domain::workspace::transfer::{status_from_orders, TransferRequest};
use crate::domain::{Id, Money, Workspace, WorkspaceError};
use crate::testkit::fixtures::*;
use chrono::NaiveDate;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn id(s: &str) -> Id {
    Id::from_raw(s)
}

fn request(record: &str, client: &str, to: &str) -> TransferRequest {
    TransferRequest {
        record_id: id(record),
        client_id: id(client),
        to_member_id: id(to),
        by_member_id: id("ivan"),
    }
}

/// Client c1 (Ivan's) with two orders in January 2026: 100 000 ₽ and 150 000 ₽.
fn two_orders() -> Workspace {
    let mut ws = catalogue_workspace();
    ws.add_order(
        order_on("o1", "c1", 100_000, day(2026, 1, 10)),
        d0(),
        later(1),
    )
    .unwrap();
    ws.add_order(
        order_on("o2", "c1", 150_000, day(2026, 1, 12)),
        d0(),
        later(2),
    )
    .unwrap();
    ws
}

#[test]
fn statuses_follow_orders_at_the_threshold_days() {
    let th = ActivityThresholds::default();
    let last = day(2026, 1, 1);
    let status = |current, has, last, transferred, today| {
        status_from_orders(current, has, last, transferred, th, today)
    };
    // No orders: nothing to say, whatever the status.
    assert_eq!(
        status(ClientStatus::Prospect, false, None, false, last),
        ClientStatus::Prospect
    );
    // An order only dated in the future still makes a lead «новый».
    assert_eq!(
        status(ClientStatus::Lead, true, None, false, last),
        ClientStatus::New
    );
    // 179 days: active; 180: sleeping; 364: sleeping; 365: lost.
    let after = |days: i64| last + chrono::Duration::days(days);
    assert_eq!(
        status(ClientStatus::New, true, Some(last), false, after(179)),
        ClientStatus::New
    );
    assert_eq!(
        status(ClientStatus::New, true, Some(last), false, after(180)),
        ClientStatus::Sleeping
    );
    assert_eq!(
        status(ClientStatus::Regular, true, Some(last), true, after(364)),
        ClientStatus::Sleeping
    );
    assert_eq!(
        status(ClientStatus::Sleeping, true, Some(last), true, after(365)),
        ClientStatus::Lost
    );
    // Ordering again wakes a client: regular when it was transferred, new when not.
    assert_eq!(
        status(ClientStatus::Lost, true, Some(last), true, after(3)),
        ClientStatus::Regular
    );
    assert_eq!(
        status(ClientStatus::Sleeping, true, Some(last), false, after(3)),
        ClientStatus::New
    );
}

#[test]
fn refresh_moves_only_the_clients_that_crossed_a_threshold() {
    let mut ws = two_orders();
    assert_eq!(ws.client(&id("c1")).unwrap().status, ClientStatus::New);
    // 12.01.2026 + 180 days = 11.07.2026.
    assert!(ws.refresh_statuses(day(2026, 7, 10), later(5)).is_empty());
    assert_eq!(ws.refresh_statuses(day(2026, 7, 11), later(6)), [id("c1")]);
    let c1 = ws.client(&id("c1")).unwrap();
    assert_eq!(
        (c1.status, c1.updated_at),
        (ClientStatus::Sleeping, later(6))
    );
    // Clients without orders keep their status.
    assert_eq!(ws.client(&id("c2")).unwrap().status, ClientStatus::Lead);
    // So does a client with orders set back to «потенциальный» by hand.
    let mut prospect = ws.client(&id("c1")).unwrap().clone();
    prospect.status = ClientStatus::Prospect;
    let mut by_hand = ws.clone();
    by_hand.update_client(prospect, later(6)).unwrap();
    assert!(by_hand
        .refresh_statuses(day(2026, 12, 1), later(7))
        .is_empty());
    // A shorter threshold takes effect on the next refresh.
    let mut policy = ws.transfer_policy.clone();
    policy.thresholds = ActivityThresholds {
        sleeping_days: 30,
        lost_days: 60,
    };
    ws.set_transfer_policy(policy, later(7)).unwrap();
    assert_eq!(ws.refresh_statuses(day(2026, 7, 11), later(8)), [id("c1")]);
    assert_eq!(ws.client(&id("c1")).unwrap().status, ClientStatus::Lost);
}

#[test]
fn a_new_order_wakes_a_sleeping_client() {
    let mut ws = two_orders();
    ws.refresh_statuses(day(2026, 9, 1), later(5));
    assert_eq!(ws.client(&id("c1")).unwrap().status, ClientStatus::Sleeping);
    // Today is 15.01.2026 (`d0`), so the order is dated before it.
    ws.add_order(order_on("o3", "c1", 10, day(2026, 1, 14)), d0(), later(6))
        .unwrap();
    assert_eq!(ws.client(&id("c1")).unwrap().status, ClientStatus::New);
}

#[test]
fn a_transfer_checks_the_rule_records_the_figures_and_hands_over() {
    let mut ws = catalogue_workspace();
    ws.add_order(
        order_on("o1", "c1", 100_000, day(2026, 1, 10)),
        d0(),
        later(1),
    )
    .unwrap();
    let today = day(2026, 1, 15);
    // One order against «after the 2nd order»: refused, nothing changes.
    let before = ws.clone();
    assert_eq!(
        ws.transfer_client(request("t1", "c1", "anna"), today, later(2)),
        Err(WorkspaceError::NotEligible(id("c1")))
    );
    assert_eq!(ws, before);

    ws.add_order(
        order_on("o2", "c1", 150_000, day(2026, 1, 12)),
        d0(),
        later(3),
    )
    .unwrap();
    // Only a farmer may take the client.
    assert_eq!(
        ws.transfer_client(request("t1", "c1", "olga"), today, later(4)),
        Err(WorkspaceError::NotAFarmer(id("olga")))
    );
    assert_eq!(
        ws.transfer_client(request("t1", "c1", "nobody"), today, later(4)),
        Err(WorkspaceError::UnknownMember(id("nobody")))
    );
    ws.transfer_client(request("t1", "c1", "anna"), today, later(4))
        .unwrap();
    let client = ws.client(&id("c1")).unwrap();
    assert_eq!(client.owner_id, id("anna"));
    assert_eq!(client.status, ClientStatus::Regular);
    assert_eq!(client.updated_at, later(4));
    let record = &ws.transfers[0];
    assert_eq!(record.from_member_id, id("ivan"));
    assert_eq!(record.to_member_id, id("anna"));
    assert_eq!(record.date, today);
    assert_eq!(record.rule, TransferRule::default());
    assert_eq!(
        record.outcomes,
        [ConditionOutcome::OrderCount { have: 2, need: 2 }]
    );
    // The deals stay with the hunter who won them.
    assert!(ws.deals_of(&id("c1")).all(|d| d.owner_id == id("ivan")));
    assert_eq!(
        ws.transfer_client(request("t2", "c1", "anna"), today, later(5)),
        Err(WorkspaceError::AlreadyWithFarmer(id("c1")))
    );
    assert_eq!(ws.transfers_of(&id("c1")).count(), 1);
    assert!(ws.integrity_problems().is_empty());

    // Removing the client removes its log too, leaving a tombstone for merges.
    ws.remove_client(&id("c1"), later(6)).unwrap();
    assert!(ws.transfers.is_empty());
    assert!(ws.removed.iter().any(|t| t.id == id("t1")));
}

#[test]
fn a_transfer_uses_the_rule_in_force_and_keeps_it() {
    let mut ws = two_orders();
    let rule = TransferRule {
        combinator: Combinator::Any,
        conditions: vec![
            Condition::OrderCount { at_least: 3 },
            Condition::Volume {
                at_least: Money::from_rubles(250_000),
                within_months: None,
            },
        ],
    };
    let policy = TransferPolicy {
        rule: rule.clone(),
        ..TransferPolicy::default()
    };
    ws.set_transfer_policy(policy, later(3)).unwrap();
    ws.transfer_client(request("t1", "c1", "anna"), day(2026, 1, 15), later(4))
        .unwrap();
    assert_eq!(ws.transfers[0].rule, rule);
    assert_eq!(ws.transfers[0].outcomes.len(), 2);
    assert!(!ws.transfers[0].outcomes[0].holds());
    assert!(ws.transfers[0].outcomes[1].holds());
}

#[test]
fn invalid_policies_are_refused_whole() {
    let mut ws = catalogue_workspace();
    let before = ws.clone();
    let empty = TransferPolicy {
        rule: TransferRule {
            combinator: Combinator::All,
            conditions: Vec::new(),
        },
        ..TransferPolicy::default()
    };
    assert!(matches!(
        ws.set_transfer_policy(empty, later(1)),
        Err(WorkspaceError::InvalidPolicy(PolicyError::Rule(_)))
    ));
    let bad_thresholds = TransferPolicy {
        thresholds: ActivityThresholds {
            sleeping_days: 200,
            lost_days: 200,
        },
        ..TransferPolicy::default()
    };
    assert!(matches!(
        ws.set_transfer_policy(bad_thresholds, later(1)),
        Err(WorkspaceError::InvalidPolicy(PolicyError::Thresholds(_)))
    ));
    let unknown_group = TransferPolicy {
        rule: TransferRule {
            combinator: Combinator::All,
            conditions: vec![Condition::BoughtGroup {
                group_id: id("g404"),
            }],
        },
        ..TransferPolicy::default()
    };
    assert!(ws.set_transfer_policy(unknown_group, later(1)).is_err());
    assert_eq!(ws, before);
}

#[test]
fn a_sleeping_client_passed_to_a_farmer_stays_marked_sleeping() {
    let mut ws = two_orders();
    // 12.01.2026 + 200 days: eligible (2 orders) but asleep.
    let today = day(2026, 7, 31);
    ws.transfer_client(request("t1", "c1", "anna"), today, later(5))
        .unwrap();
    let c1 = ws.client(&id("c1")).unwrap();
    assert_eq!(
        (c1.owner_id.clone(), c1.status),
        (id("anna"), ClientStatus::Sleeping)
    );
    // When it orders again it wakes up as a regular client, since it was transferred.
    assert_eq!(
        status_from_orders(
            c1.status,
            true,
            Some(today),
            true,
            ActivityThresholds::default(),
            today
        ),
        ClientStatus::Regular
    );
}
