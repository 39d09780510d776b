use super::*;
use crate::domain::inn::validate_inn;
use crate::domain::metrics::{
    client_metrics, split_at_transfer, MetricsContext, Period, WalletPosition,
};
use crate::domain::team::Role;
use crate::domain::transfer::{evaluate, TransferRule};
use crate::testkit::fixtures::t0;
use std::collections::HashSet;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 15).unwrap()
}

#[test]
fn demo_is_sound_and_sizeable() {
    let ws = demo_workspace(today(), t0());
    assert!(ws.integrity_problems().is_empty());
    assert_eq!(ws.members.len(), 6);
    assert_eq!(ws.clients.len(), 36);
    assert!(ws.deals.len() >= 30);
    assert!(ws.assessments.len() >= 25);
    let verdicts: std::collections::HashSet<_> = ws
        .deals
        .iter()
        .filter_map(|d| ws.deal_score(&d.id))
        .map(|s| s.verdict)
        .collect();
    assert!(
        verdicts.len() >= 3,
        "demo shows several verdicts: {verdicts:?}"
    );
    for role in Role::ALL {
        assert!(ws.members.iter().any(|m| m.role() == role));
    }
    for c in &ws.clients {
        if let Some(inn) = &c.inn {
            assert!(validate_inn(inn).is_ok(), "{inn}");
        }
    }
}

#[test]
fn demo_spreads_deals_over_stages_and_is_deterministic() {
    let ws = demo_workspace(today(), t0());
    let used: std::collections::HashSet<_> = ws.deals.iter().map(|d| &d.stage_id).collect();
    assert!(used.len() >= 5, "only {} stages used", used.len());
    assert_eq!(ws, demo_workspace(today(), t0()));
    let later = demo_workspace(today() + Duration::days(40), t0());
    assert_eq!(later.orders.len(), ws.orders.len());
    assert_eq!(later.transfers.len(), ws.transfers.len());
}

fn count_status(ws: &Workspace, status: ClientStatus) -> usize {
    ws.clients.iter().filter(|c| c.status == status).count()
}

#[test]
fn demo_orders_leave_some_new_clients_ready_for_a_farmer_and_some_not() {
    let ws = demo_workspace(today(), t0());
    assert!(ws.integrity_problems().is_empty());
    assert_eq!(ws.product_groups.len(), 5);
    assert_eq!(ws.products.len(), 13);
    let known: HashSet<Id> = ws.products.iter().map(|p| p.id.clone()).collect();
    for o in &ws.orders {
        assert!(o.validate(&known).is_ok(), "{}", o.id);
        assert!(o.date < today(), "{} is not in the past", o.id);
        let status = ws.client(&o.client_id).unwrap().status;
        assert!(
            !matches!(status, ClientStatus::Lead | ClientStatus::Prospect),
            "{} of a {status:?}",
            o.id
        );
    }
    let new: Vec<&Id> = ws
        .clients
        .iter()
        .filter(|c| c.status == ClientStatus::New)
        .map(|c| &c.id)
        .collect();
    let eligible = new
        .iter()
        .filter(|id| ws.transfer_eligibility(id, today()).eligible)
        .count();
    assert_eq!((new.len(), eligible), (5, 3));
    // Every client that was «новый» or later has orders; no lead or prospect has any.
    for c in &ws.clients {
        let ordered = ws.orders.iter().any(|o| o.client_id == c.id);
        let bought = !matches!(c.status, ClientStatus::Lead | ClientStatus::Prospect);
        assert_eq!(ordered, bought, "{}", c.id);
    }
}

#[test]
fn demo_has_sleeping_and_lost_clients_by_the_thresholds() {
    let ws = demo_workspace(today(), t0());
    assert_eq!(count_status(&ws, ClientStatus::Sleeping), 1);
    assert_eq!(count_status(&ws, ClientStatus::Lost), 1);
    // The e2e tests filter the list by «Постоянный» and expect seven.
    assert_eq!(count_status(&ws, ClientStatus::Regular), 7);
    for c in &ws.clients {
        let last = ws
            .orders_of(&c.id)
            .last()
            .map(|o| (today() - o.date).num_days());
        match c.status {
            ClientStatus::Sleeping => assert!((200..=300).contains(&last.unwrap())),
            ClientStatus::Lost => assert!(last.unwrap() > 365),
            ClientStatus::New | ClientStatus::Regular => assert!(last.unwrap() < 180),
            ClientStatus::Lead | ClientStatus::Prospect => assert_eq!(last, None),
        }
    }
}

#[test]
fn every_regular_client_was_transferred_and_grew_after() {
    let ws = demo_workspace(today(), t0());
    assert_eq!(ws.transfers.len(), 7);
    assert!(ws.transfers.windows(2).all(|w| w[0].date <= w[1].date));
    let groups: HashSet<Id> = ws.product_groups.iter().map(|g| g.id.clone()).collect();
    let ctx = MetricsContext {
        offered_groups: &groups,
        thresholds: ws.transfer_policy.thresholds,
    };
    for c in ws
        .clients
        .iter()
        .filter(|c| c.status == ClientStatus::Regular)
    {
        let records: Vec<_> = ws.transfers_of(&c.id).collect();
        assert_eq!(records.len(), 1, "{}", c.id);
        let t = records[0];
        let from = ws.member(&t.from_member_id).unwrap();
        let to = ws.member(&t.to_member_id).unwrap();
        assert_eq!((from.role(), to.role()), (Role::Hunter, Role::Farmer));
        assert_eq!(t.to_member_id, c.owner_id);
        assert!(t.date < today());
        // The record holds what the rule gave on that day.
        let history = ws.client_history(&c.id);
        let then = evaluate(&t.rule, &history, t.date);
        assert!(then.eligible);
        assert_eq!(t.outcomes, then.outcomes);
        assert_eq!(t.rule, TransferRule::default());
        let (before, after) = split_at_transfer(&history, t.date, today(), &ctx, None);
        assert_eq!(before.orders, 3, "{}", c.id);
        assert!(after.frequency > before.frequency, "{}", c.id);
        assert!(after.average_check > before.average_check, "{}", c.id);
        assert!(after.groups_bought > before.groups_bought, "{}", c.id);
        assert_eq!(c.updated_at, t0());
    }
    let mut with_spend = ws.clients.iter().filter(|c| c.yearly_spend.is_some());
    assert!(with_spend.clone().count() >= 2);
    assert!(with_spend.all(|c| c.status == ClientStatus::Regular));
}

#[test]
fn demo_statuses_agree_with_a_refresh() {
    for day in [today(), NaiveDate::from_ymd_opt(2027, 6, 30).unwrap()] {
        let mut ws = demo_workspace(day, t0());
        assert_eq!(ws.refresh_statuses(day, t0()), Vec::<Id>::new(), "{day}");
    }
}

#[test]
fn yearly_spends_show_each_share_of_wallet_over_the_last_quarter() {
    let ws = demo_workspace(today(), t0());
    let groups: HashSet<Id> = ws.product_groups.iter().map(|g| g.id.clone()).collect();
    let ctx = MetricsContext {
        offered_groups: &groups,
        thresholds: ws.transfer_policy.thresholds,
    };
    let quarter = Period::new(today() - Duration::days(89), today()).unwrap();
    let positions: Vec<WalletPosition> = ["demo-c05", "demo-c10", "demo-c30"]
        .iter()
        .map(|id| {
            let c = ws.client(&Id::from_raw(*id)).unwrap();
            let spend = c.yearly_spend.map(|y| quarter.prorate_yearly(y));
            let m = client_metrics(&ws.client_history(&c.id), quarter, &ctx, spend);
            m.wallet.unwrap().position
        })
        .collect();
    assert_eq!(
        positions,
        [
            WalletPosition::Backup,
            WalletPosition::Partner,
            WalletPosition::Strategic
        ]
    );
}

#[test]
fn demo_makes_every_director_chart_meaningful() {
    use crate::domain::dashboard::{dashboard, Cutoffs, DashboardInput, PeriodChoice, Scope};
    let ws = demo_workspace(today(), t0());
    assert!(ws.integrity_problems().is_empty());
    let input = DashboardInput {
        period: PeriodChoice::TwelveMonths,
        scope: Scope::Team,
        today: today(),
        cutoffs: Cutoffs::default(),
        offset_minutes: 180,
    };
    let d = dashboard(&ws, &input);
    let reached: Vec<u32> = d.funnel.stages.iter().map(|s| s.reached).collect();
    assert!(reached.windows(2).all(|w| w[0] >= w[1]), "{reached:?}");
    assert!(
        reached.iter().all(|&r| r > 0),
        "every stage reached: {reached:?}"
    );
    assert!(
        d.funnel
            .stages
            .iter()
            .filter(|s| s.median_days.is_some())
            .count()
            >= 5
    );
    assert!(d.funnel.won >= 3 && d.funnel.lost.len() >= 5);
    assert!(d.funnel.hunters.iter().all(|h| h.leads > 0));
    assert!(d.plan_fact.rows.iter().filter(|r| r.totals().0 > 0).count() >= 8);
    assert!(d.plan_fact.rows.iter().any(|r| r.totals().1 > 0));
    assert!(
        d.forecast.weighted > crate::domain::Money::ZERO
            && d.forecast.plan > crate::domain::Money::ZERO
    );
    assert!(d.base.iter().any(|m| m.sleeping + m.lost > 0));
}
