use crate::domain::demo::demo_workspace;
use crate::domain::metrics::Period;
use crate::domain::metrics::{Ratio, UNITS_PER_MONTH};
use crate::domain::orders::HistoryIndex;
use crate::domain::qualification::Verdict;
use crate::domain::stage::StageKey;
use crate::domain::team::JobTitle;
use crate::domain::views::team_view::*;
use crate::domain::views::transfer_queue::transfer_queue;
use crate::domain::workspace::transfer::TransferRequest;
use crate::domain::*;
use crate::testkit::fixtures::*;
use chrono::NaiveDate;

fn day(month: u32, d: u32) -> NaiveDate {
    let year = if month == 12 { 2025 } else { 2026 };
    NaiveDate::from_ymd_opt(year, month, d).unwrap()
}

fn january() -> Period {
    Period::new(day(1, 1), day(1, 31)).unwrap()
}

fn transfer(ws: &mut Workspace, id: &str, client: &str, by: &str, on: NaiveDate) {
    let request = TransferRequest {
        record_id: Id::from_raw(id),
        client_id: Id::from_raw(client),
        to_member_id: Id::from_raw("anna"),
        by_member_id: Id::from_raw(by),
    };
    ws.transfer_client(request, on, later(10)).unwrap();
}

/// The small team plus a director (Марина) who owns a client and a deal, and a farmer's client
/// without orders. Ivan handed c3 to Anna in December, Марина handed Olga's c4 to her in January.
fn team() -> Workspace {
    let mut ws = catalogue_workspace();
    ws.add_member(member("marina", "Марина Волкова", JobTitle::SalesDirector))
        .unwrap();
    ws.add_client(client("c4", "ООО «Гамма»", "olga")).unwrap();
    ws.add_client(client("c5", "ПАО «Альфа»", "marina"))
        .unwrap();
    ws.add_client(client("c6", "ООО «Дельта»", "anna")).unwrap();
    ws.add_deal(
        deal("d4", "c5", "marina", StageKey::Contract, 400_000),
        &mover("a2"),
    )
    .unwrap();
    // d1 priority (16), d2 unqualified then qualified (4, then 10), d3 never, d4 nurture (6).
    for a in [
        assessment("a1", "d1", [4, 4, 4, 4], 1),
        assessment("a2", "d2", [1, 1, 1, 1], 1),
        assessment("a3", "d2", [3, 3, 2, 2], 5),
        assessment("a4", "d4", [2, 2, 1, 1], 1),
    ] {
        ws.add_assessment(a).unwrap();
    }
    let orders = [
        ("o1", "c1", 1_000, day(1, 5)),
        ("o2", "c1", 2_000, day(1, 12)),
        ("o3", "c2", 3_000, day(1, 6)),
        ("o4", "c3", 10_000, day(12, 1)),
        ("o5", "c3", 20_000, day(12, 10)),
        ("o6", "c4", 40_000, day(1, 2)),
        ("o7", "c4", 50_000, day(1, 8)),
        ("o8", "c5", 5_000, day(12, 3)),
        ("o9", "c5", 7_000, day(1, 9)),
    ];
    for (id, c, rubles, d) in orders {
        ws.add_order(order_on(id, c, rubles, d), d0(), later(1))
            .unwrap();
    }
    transfer(&mut ws, "t1", "c3", "ivan", day(12, 15));
    transfer(&mut ws, "t2", "c4", "marina", day(1, 10));
    for (id, c, rubles, d) in [
        ("o10", "c3", 30_000, day(1, 20)),
        ("o11", "c4", 60_000, day(1, 25)),
    ] {
        ws.add_order(order_on(id, c, rubles, d), d0(), later(11))
            .unwrap();
    }
    ws
}

/// The pipeline as (deals, rubles) per stage, Лид … Первая продажа.
fn loads(f: &RowFigures) -> Vec<(u32, i64)> {
    f.pipeline
        .iter()
        .map(|l| (l.deals, l.amount.kopecks() / 100))
        .collect()
}

fn counts(in_period: u32, all_time: u32) -> TransferCounts {
    TransferCounts {
        in_period,
        all_time,
    }
}

#[test]
fn every_member_gets_their_pipeline_verdicts_queue_and_transfers() {
    let ws = team();
    let view = team_view(&ws, day(1, 31), january());
    let ids: Vec<&str> = view.members.iter().map(|r| r.member_id.as_str()).collect();
    assert_eq!(ids, ["ivan", "olga", "anna", "marina"]);
    let [ivan, olga, anna, marina] = [0, 1, 2, 3].map(|i| &view.members[i].figures);
    assert_eq!(view.members[2].role, Role::Farmer);

    assert_eq!(
        loads(ivan),
        [
            (1, 100_000),
            (0, 0),
            (0, 0),
            (0, 0),
            (1, 50_000),
            (0, 0),
            (0, 0)
        ]
    );
    assert_eq!(
        ivan.verdicts,
        VerdictCounts {
            priority: 1,
            unassessed: 1,
            ..VerdictCounts::default()
        }
    );
    // c1 has its two orders; c3 went to Anna in December.
    assert_eq!(ivan.ready_for_transfer, 1);
    assert_eq!(ivan.transfers_given, counts(0, 1));
    assert_eq!(ivan.transfers_received, counts(0, 0));
    assert_eq!(ivan.farmer, None);

    assert_eq!(loads(olga)[3], (1, 250_000));
    // Only d2's latest assessment counts: qualified, not unqualified.
    assert_eq!(olga.verdicts.of(Some(Verdict::Qualified)), 1);
    assert_eq!(olga.verdicts.of(Some(Verdict::Unqualified)), 0);
    assert_eq!(olga.ready_for_transfer, 0);
    // Марина pressed the button, but c4 was Olga's.
    assert_eq!(olga.transfers_given, counts(1, 1));

    assert!(loads(anna).iter().all(|l| *l == (0, 0)));
    assert_eq!(anna.verdicts, VerdictCounts::default());
    assert_eq!(anna.transfers_received, counts(1, 2));
    assert_eq!(anna.ready_for_transfer, 0);

    assert_eq!(loads(marina)[5], (1, 400_000));
    assert_eq!(marina.verdicts.nurture, 1);
    assert_eq!(marina.ready_for_transfer, 1);
    assert_eq!(marina.transfers_given, counts(0, 0));
}

#[test]
fn a_farmers_base_is_summed_over_the_period() {
    let ws = team();
    let view = team_view(&ws, day(1, 31), january());
    // Anna owns c3 (one January order, 30 000 ₽), c4 (three, 150 000 ₽) and c6 (none).
    let anna = view.members[2].figures.farmer.clone().unwrap();
    assert_eq!(
        (anna.clients, anna.buying_clients, anna.repeat_clients),
        (3, 2, 1)
    );
    assert_eq!(anna.orders, 4);
    assert_eq!(anna.revenue, Money::from_rubles(180_000));
    assert_eq!(anna.average_check, Some(Money::from_rubles(45_000)));
    // January is exactly one month: 4 orders / (3 clients × 1 month).
    assert_eq!(anna.frequency, Ratio::new(4, 3));
    assert_eq!(
        anna.frequency,
        Ratio::new(4 * UNITS_PER_MONTH, 3 * UNITS_PER_MONTH)
    );
    assert_eq!(anna.repeat_rate, Ratio::new(1, 3));
    assert_eq!(
        (anna.active, anna.sleeping, anna.lost, anna.without_orders),
        (2, 0, 0, 1)
    );
    // With one farmer the team's sums are hers.
    assert_eq!(view.total.farmer, Some(anna));
}

#[test]
fn the_total_row_covers_the_whole_team() {
    let ws = team();
    let view = team_view(&ws, day(1, 31), january());
    let total = &view.total;
    assert_eq!(
        loads(total),
        [
            (1, 100_000),
            (0, 0),
            (0, 0),
            (1, 250_000),
            (1, 50_000),
            (1, 400_000),
            (0, 0)
        ]
    );
    assert_eq!(
        total.verdicts,
        VerdictCounts {
            unqualified: 0,
            nurture: 1,
            qualified: 1,
            priority: 1,
            unassessed: 1,
        }
    );
    assert_eq!(total.ready_for_transfer, 2);
    assert_eq!(total.transfers_given, counts(1, 2));
    assert_eq!(total.transfers_received, counts(1, 2));
    assert_eq!(view.period, january());
    assert_eq!(view.today, day(1, 31));
}

#[test]
fn the_total_keeps_the_records_of_someone_who_left() {
    let mut ws = team();
    ws.remove_member(
        &Id::from_raw("ivan"),
        Some(&Id::from_raw("olga")),
        later(20),
    )
    .unwrap();
    let view = team_view(&ws, day(1, 31), january());
    assert_eq!(view.members.len(), 3);
    let olga = &view.members[0].figures;
    // Ivan's deals and c1 are Olga's now; his December transfer stays his, so only the total
    // shows it.
    assert_eq!(olga.ready_for_transfer, 1);
    assert_eq!(loads(olga)[0], (1, 100_000));
    assert_eq!(olga.transfers_given, counts(1, 1));
    assert_eq!(view.total.transfers_given, counts(1, 2));
}

#[test]
fn a_team_without_farmers_has_no_farmer_sums_and_ready_is_judged_on_today() {
    let mut ws = small_workspace();
    ws.members.retain(|m| m.id.as_str() != "anna");
    let view = team_view(&ws, day(1, 31), january());
    assert_eq!(view.total.farmer, None);
    assert!(view.members.iter().all(|r| r.figures.farmer.is_none()));
    assert_eq!(view.total.ready_for_transfer, 0);

    // «Ready» is judged on `today`: on 10 January c1 had one order, not yet two.
    let ws = team();
    let early = team_view(&ws, day(1, 10), january());
    assert_eq!(early.members[0].figures.ready_for_transfer, 0);
    assert_eq!(early.total.ready_for_transfer, 1);
}

#[test]
fn the_demo_view_agrees_with_the_demo() {
    let today = day(1, 15);
    let ws = demo_workspace(today, t0());
    let quarter = Period::new(today - chrono::Duration::days(89), today).unwrap();
    let view = team_view(&ws, today, quarter);
    let index = HistoryIndex::build(&ws.orders, &ws.products);
    let queue = transfer_queue(&ws, &index, today);
    assert_eq!(view.total.ready_for_transfer as usize, queue.len());
    assert_eq!(queue.len(), 3);
    let by_rows: u32 = view
        .members
        .iter()
        .map(|r| r.figures.ready_for_transfer)
        .sum();
    assert_eq!(by_rows, 3);
    // The pipeline and the verdicts are of open deals (the demo has won and lost ones too).
    let open = ws.deals.iter().filter(|d| d.is_open()).count();
    assert!(open < ws.deals.len());
    let deals: u32 = view.total.pipeline.iter().map(|l| l.deals).sum();
    assert_eq!(deals as usize, open);
    let v = view.total.verdicts;
    let verdicts = v.unqualified + v.nurture + v.qualified + v.priority + v.unassessed;
    assert_eq!(verdicts as usize, open);
    assert_eq!(view.total.transfers_given.all_time, 7);
    let farmers = view.members.iter().filter(|r| r.role == Role::Farmer);
    let received: u32 = farmers
        .clone()
        .map(|r| r.figures.transfers_received.all_time)
        .sum();
    assert_eq!(received, 7);
    for r in farmers {
        let f = r.figures.farmer.as_ref().unwrap();
        assert!(f.orders > 0 && f.average_check.is_some());
    }
}
