//! «What changed» against hand-worked examples. The team of `small_workspace`: Иван and Ольга
//! (hunters), Анна (farmer); clients c1, c3 (Иван's) and c2 (Ольга's); deals d1 (Лид), d3
//! (Переговоры) of Иван's and d2 (КП) of Ольга's, all made at t0 = 15.01.2026 09:00 UTC. The
//! user is in Moscow (+180 minutes).

use super::*;
use crate::domain::deal_flow::{Closure, LostReasonKey};
use crate::domain::stage::StageKey;
use crate::domain::team::JobTitle;
use crate::testkit::fixtures::*;
use chrono::Duration;

const MSK: i32 = 180;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A week after t0.
fn a_week_later() -> Today {
    Today {
        date: day(2026, 1, 22),
        now: t0() + Duration::days(7),
        offset_minutes: MSK,
    }
}

fn run(old: &Workspace, taken_at: Timestamp, ws: &Workspace, today: Today) -> ChangesReport {
    let earlier = Earlier {
        workspace: old,
        taken_at: Some(taken_at),
    };
    compare(earlier, ws, today)
}

fn rep<'a>(r: &'a ChangesReport, id: &str) -> &'a RepChanges {
    r.reps.iter().find(|x| x.member_id.as_str() == id).unwrap()
}

fn kinds(r: &RepChanges) -> Vec<(ChangeKind, NaiveDate)> {
    r.changes.iter().map(|c| (c.kind, c.date)).collect()
}

fn stage_id(key: StageKey) -> Id {
    key.default_id()
}

#[test]
fn nothing_changed_lists_the_team_with_no_changes() {
    let ws = catalogue_workspace();
    let r = run(&ws, later(60), &ws, a_week_later());
    assert!(r.is_empty());
    assert!(!r.earlier_is_newer);
    let names: Vec<&str> = r.reps.iter().map(|x| x.name.as_str()).collect();
    assert_eq!(names, ["Иван Петров", "Ольга Смирнова", "Анна Кузнецова"]);
    assert_eq!(r.since_date, day(2026, 1, 15));
    assert_eq!(rep(&r, "ivan").counts(), Counts::default());
}

#[test]
fn one_rep_moves_forward_and_back() {
    let old = small_workspace();
    let mut ws = old.clone();
    let q = stage_id(StageKey::Qualification);
    let needs = stage_id(StageKey::NeedsDiscovery);
    let d = |s: &str| Id::from_raw(s);
    // Иван: d1 Лид → Квалификация → Выявление потребностей, d3 Переговоры → КП.
    ws.move_deal(&d("d1"), &q, &mover("m1"), later(120))
        .unwrap();
    ws.move_deal(&d("d1"), &needs, &mover("m2"), later(24 * 60 + 120))
        .unwrap();
    ws.move_deal(
        &d("d3"),
        &stage_id(StageKey::Proposal),
        &mover("m3"),
        later(180),
    )
    .unwrap();
    // Ольга's d2 changed stage in data without history (КП → Переговоры): the stages tell.
    let d2 = ws.deals.iter_mut().find(|x| x.id.as_str() == "d2").unwrap();
    d2.stage_id = stage_id(StageKey::Negotiation);
    d2.updated_at = later(3 * 24 * 60);
    let r = run(&old, later(60), &ws, a_week_later());
    let ivan = rep(&r, "ivan");
    assert_eq!(
        kinds(ivan),
        [
            (ChangeKind::MovedForward, day(2026, 1, 15)),
            (ChangeKind::MovedBack, day(2026, 1, 15)),
            (ChangeKind::MovedForward, day(2026, 1, 16)),
        ]
    );
    let c = ivan.counts();
    assert_eq!((c.forward, c.back), (2, 1));
    assert_eq!(ivan.changes[1].deal, "Сделка d3");
    assert_eq!(ivan.changes[1].client, "ООО «Вектор»");
    assert_eq!(
        ivan.changes[1].detail,
        Detail::Stages(Box::new((
            Stage::builtin(StageKey::Negotiation),
            Stage::builtin(StageKey::Proposal)
        )))
    );
    assert_eq!(
        kinds(rep(&r, "olga")),
        [(ChangeKind::MovedForward, day(2026, 1, 18))]
    );
    assert!(rep(&r, "anna").changes.is_empty());
}

#[test]
fn moves_before_the_earlier_copy_are_not_listed() {
    let mut old = small_workspace();
    old.move_deal(
        &Id::from_raw("d1"),
        &stage_id(StageKey::Qualification),
        &mover("m1"),
        later(30),
    )
    .unwrap();
    let ws = old.clone();
    let r = run(&old, later(60), &ws, a_week_later());
    assert!(r.is_empty());
}

#[test]
fn a_deal_won_and_one_lost() {
    let mut old = small_workspace();
    // d2 was already lost before: not listed again.
    let lost_before = Closure::Lost {
        reason: LostReason::builtin(LostReasonKey::NoBudget),
        note: String::new(),
        at: later(10),
    };
    old.close_deal(&Id::from_raw("d2"), lost_before, &mover("x"), later(10))
        .unwrap();
    let mut ws = old.clone();
    let won = Closure::Won {
        amount: Money::from_rubles(120_000),
        order_id: None,
        at: later(120),
    };
    ws.close_deal(&Id::from_raw("d1"), won, &mover("w"), later(120))
        .unwrap();
    let lost = Closure::Lost {
        reason: LostReason::builtin(LostReasonKey::Price),
        note: "дорого".into(),
        at: later(2 * 24 * 60),
    };
    ws.close_deal(&Id::from_raw("d3"), lost, &mover("l"), later(2 * 24 * 60))
        .unwrap();
    let r = run(&old, later(60), &ws, a_week_later());
    let ivan = rep(&r, "ivan");
    assert_eq!(
        kinds(ivan),
        [
            (ChangeKind::Won, day(2026, 1, 15)),
            (ChangeKind::Lost, day(2026, 1, 17))
        ]
    );
    assert_eq!(ivan.changes[0].amount, Some(Money::from_rubles(120_000)));
    assert_eq!(
        ivan.changes[1].detail,
        Detail::LostReason(LostReason::builtin(LostReasonKey::Price))
    );
    assert!(rep(&r, "olga").changes.is_empty());
}

#[test]
fn new_orders_across_a_month_boundary_and_a_transfer_between_them() {
    let mut old = catalogue_workspace();
    old.orders
        .push(order_on("o0", "c1", 5_000, day(2026, 1, 10)));
    let mut ws = old.clone();
    // Иван's client: 31.01 for 30 000,50 ₽ and 02.02 for 12 000 ₽. Ольга's client c2 passes to
    // Анна on 01.02: its order of 31.01 is Ольга's, of 02.02 Анна's.
    let mut o1 = order_on("o1", "c1", 30_000, day(2026, 1, 31));
    o1.lines[0].amount = Money::from_kopecks(3_000_050);
    ws.orders.push(o1);
    ws.orders
        .push(order_on("o2", "c1", 12_000, day(2026, 2, 2)));
    ws.orders
        .push(order_on("o3", "c2", 7_000, day(2026, 1, 31)));
    ws.orders.push(order_on("o4", "c2", 9_000, day(2026, 2, 2)));
    ws.transfers
        .push(transfer("t1", "c2", "olga", "anna", day(2026, 2, 1)));
    ws.clients[1].owner_id = Id::from_raw("anna");
    let today = Today {
        date: day(2026, 2, 3),
        now: t0() + Duration::days(19),
        offset_minutes: MSK,
    };
    // Taken on 29.01 at 13:00 Moscow time.
    let r = run(&old, t0() + Duration::days(14), &ws, today);
    assert_eq!(r.since_date, day(2026, 1, 29));
    let ivan = rep(&r, "ivan");
    assert_eq!(
        kinds(ivan),
        [
            (ChangeKind::NewOrder, day(2026, 1, 31)),
            (ChangeKind::NewOrder, day(2026, 2, 2))
        ]
    );
    assert_eq!(ivan.counts().revenue, Money::from_kopecks(4_200_050));
    let olga = rep(&r, "olga");
    assert_eq!(
        kinds(olga),
        [
            (ChangeKind::NewOrder, day(2026, 1, 31)),
            (ChangeKind::TransferGiven, day(2026, 2, 1))
        ]
    );
    assert_eq!(
        olga.changes[1].detail,
        Detail::Colleague("Анна Кузнецова".into())
    );
    assert_eq!(olga.counts().revenue, Money::from_rubles(7_000));
    let anna = rep(&r, "anna");
    assert_eq!(
        kinds(anna),
        [
            (ChangeKind::TransferReceived, day(2026, 2, 1)),
            (ChangeKind::NewOrder, day(2026, 2, 2))
        ]
    );
    assert_eq!(anna.changes[0].client, "АО «Северсталь-Сервис»");
    assert_eq!(anna.counts().transfers, 1);
}

#[test]
fn a_client_that_fell_asleep() {
    let mut old = catalogue_workspace();
    // c1: last order 20.07.2025 — 178 days on 14.01.2026, 186 on 22.01: fell asleep on 16.01.
    // c2: last order 01.06.2025 — sleeping already then (227 days): not listed.
    // c3: last order 01.01.2025 — lost then and now: not listed.
    old.orders
        .push(order_on("o1", "c1", 1_000, day(2025, 7, 20)));
    old.orders
        .push(order_on("o2", "c2", 1_000, day(2025, 6, 1)));
    old.orders
        .push(order_on("o3", "c3", 1_000, day(2025, 1, 1)));
    let ws = old.clone();
    let r = run(&old, t0() - Duration::days(1), &ws, a_week_later());
    assert_eq!(r.since_date, day(2026, 1, 14));
    let ivan = rep(&r, "ivan");
    assert_eq!(kinds(ivan), [(ChangeKind::FellAsleep, day(2026, 1, 16))]);
    assert_eq!(ivan.changes[0].client, "ООО «Вектор»");
    assert_eq!(ivan.changes[0].detail, Detail::DaysWithoutOrders(186));
    assert!(rep(&r, "olga").changes.is_empty());
}

#[test]
fn a_rep_present_only_in_the_new_data() {
    let old = small_workspace();
    let mut ws = old.clone();
    ws.add_member(member("petr", "Пётр Волков", JobTitle::SalesManager))
        .unwrap();
    let mut c4 = client("c4", "ООО «Новый»", "petr");
    c4.created_at = later(2 * 24 * 60);
    ws.add_client(c4).unwrap();
    let r = run(&old, later(60), &ws, a_week_later());
    let petr = rep(&r, "petr");
    assert!(petr.new_in_team);
    assert_eq!(petr.name, "Пётр Волков");
    assert_eq!(kinds(petr), [(ChangeKind::NewClient, day(2026, 1, 17))]);
    assert_eq!(petr.counts().new_clients, 1);
    assert!(!rep(&r, "ivan").new_in_team);
    assert_eq!(r.reps.last().unwrap().member_id.as_str(), "petr");
}

#[test]
fn new_deals_count_under_their_owner() {
    let old = small_workspace();
    let mut ws = old.clone();
    let mut d4 = deal("d4", "c2", "olga", StageKey::Lead, 80_000);
    d4.created_at = later(24 * 60);
    ws.add_deal(d4, &mover("d4-created")).unwrap();
    let r = run(&old, later(60), &ws, a_week_later());
    let olga = rep(&r, "olga");
    assert_eq!(kinds(olga), [(ChangeKind::NewDeal, day(2026, 1, 16))]);
    assert_eq!(olga.changes[0].amount, Some(Money::from_rubles(80_000)));
}

#[test]
fn an_earlier_file_newer_than_today_says_so() {
    let today_ws = small_workspace();
    // The «earlier» file holds a move today's data has not seen.
    let mut newer = today_ws.clone();
    newer
        .move_deal(
            &Id::from_raw("d1"),
            &stage_id(StageKey::Qualification),
            &mover("m1"),
            later(120),
        )
        .unwrap();
    let r = run(&newer, later(130), &today_ws, a_week_later());
    assert!(r.earlier_is_newer);
    // Nothing in today's data is newer than the file: no change, and no move back invented.
    assert!(r.is_empty());
    // A file dated after this device's clock is newer too.
    let r = run(
        &today_ws,
        t0() + Duration::days(8),
        &today_ws,
        a_week_later(),
    );
    assert!(r.earlier_is_newer);
}

#[test]
fn without_an_export_time_the_latest_change_stands_in() {
    let old = small_workspace();
    let r = compare(
        Earlier {
            workspace: &old,
            taken_at: None,
        },
        &old,
        a_week_later(),
    );
    assert_eq!(r.since, latest_change(&old));
    assert!(r.is_empty());
}

/// The scale — 5 000 clients and deals, 100 000 orders — against an empty earlier copy
/// (everything is new: the worst case) and against itself. Run with
/// `cargo test --release changes::tests::scale -- --ignored --nocapture` for the figures.
#[test]
#[ignore]
fn scale_5000_clients_100000_orders() {
    use crate::testkit::synth_workspace::synth_workspace;
    let today = Today {
        date: day(2026, 11, 30),
        now: t0() + Duration::days(320),
        offset_minutes: MSK,
    };
    let ws = synth_workspace(7, 5_000, 100_000, today.date);
    let empty = Workspace::default();
    for (label, old) in [("empty earlier copy", &empty), ("the same data", &ws)] {
        let started = std::time::Instant::now();
        let r = run(old, today.now - Duration::days(7), &ws, today);
        let changes: usize = r.reps.iter().map(|x| x.changes.len()).sum();
        println!("{label}: {changes} changes in {:?}", started.elapsed());
    }
}

mod removed;
