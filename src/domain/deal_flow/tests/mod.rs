//! Closing and reopening deals, the stage history every kind of move writes, days in a stage,
//! the pipeline settings, and how all of it merges between two tabs or files.

use super::*;
use crate::domain::deal::Deal;
use crate::domain::ids::Id;
use crate::domain::merge::merge;
use crate::domain::money::Money;
use crate::domain::stage::StageKey;
use crate::domain::stamps::Fielded;
use crate::domain::views::query::{board, Scope};
use crate::domain::views::stage_clock::{stage_age, StageClock};
use crate::domain::workspace::{Mover, StageStep, Workspace, WorkspaceError};
use crate::testkit::fixtures::*;
use chrono::NaiveDate;

fn id(s: &str) -> Id {
    Id::from_raw(s)
}

fn by(who: &str, entry: &str) -> Mover {
    Mover {
        by: Some(id(who)),
        entry_id: id(entry),
    }
}

fn lost(reason: LostReasonKey) -> Closure {
    Closure::Lost {
        reason: LostReason::builtin(reason),
        note: String::new(),
        at: t0(),
    }
}

fn kinds(ws: &Workspace, deal: &str) -> Vec<StageChangeKind> {
    ws.stage_history_of(&id(deal))
        .iter()
        .map(|e| e.kind)
        .collect()
}

fn on_board(ws: &Workspace, closed: bool) -> Vec<String> {
    board(ws, &Scope::Everyone, closed)
        .iter()
        .flat_map(|c| c.deals.iter().map(|d| d.id.to_string()))
        .collect()
}

#[test]
fn every_kind_of_move_is_recorded_with_who_and_when() {
    let mut ws = small_workspace();
    let d1 = id("d1");
    // Created: the fixture's deals start their history in their stage.
    assert_eq!(kinds(&ws, "d1"), [StageChangeKind::Created]);
    // A drop on a column.
    let proposal = StageKey::Proposal.default_id();
    assert_eq!(
        ws.move_deal(&d1, &proposal, &by("ivan", "h1"), later(1)),
        Ok(true)
    );
    // The same column again is no move and writes nothing.
    assert_eq!(
        ws.move_deal(&d1, &proposal, &by("ivan", "h2"), later(2)),
        Ok(false)
    );
    // The keyboard's ▶.
    let step = ws.step_deal(&d1, StageStep::Forward, &by("olga", "h3"), later(3));
    assert_eq!(step, Ok(Some(StageKey::Negotiation.default_id())));
    // The deal's editor, choosing another stage.
    let mut edited = ws.deal(&d1).unwrap().clone();
    edited.stage_id = StageKey::Contract.default_id();
    ws.update_deal(edited, &by("ivan", "h4"), later(4)).unwrap();
    // An edit that keeps the stage writes no entry.
    let mut renamed = ws.deal(&d1).unwrap().clone();
    renamed.title = "Пилот".into();
    ws.update_deal(renamed, &by("ivan", "h5"), later(5))
        .unwrap();

    let entries = ws.stage_history_of(&d1);
    let ids: Vec<&str> = entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["d1-created", "h1", "h3", "h4"]);
    let h3 = entries[2];
    assert_eq!(h3.kind, StageChangeKind::Moved);
    assert_eq!(h3.from, Some(proposal.clone()));
    assert_eq!(h3.to, StageKey::Negotiation.default_id());
    assert_eq!(h3.by, Some(id("olga")));
    assert_eq!(h3.at, later(3));
    // The entry's time is the stage's stamp on the deal: the history and the field agree.
    let deal = ws.deal(&d1).unwrap();
    let stage_field = Deal::FIELDS.iter().position(|f| *f == "stage_id").unwrap();
    assert_eq!(deal.stamp(stage_field).at, entries[3].at);
    assert!(ws.integrity_problems().is_empty());
}

#[test]
fn a_lost_deal_leaves_the_board_keeps_its_stage_and_comes_back_when_reopened() {
    let mut ws = small_workspace();
    let d2 = id("d2");
    assert_eq!(
        ws.close_deal(
            &d2,
            Closure::Lost {
                reason: LostReason::custom("  "),
                note: String::new(),
                at: t0()
            },
            &by("olga", "h1"),
            later(1)
        ),
        Err(WorkspaceError::ReasonRequired)
    );
    assert_eq!(
        kinds(&ws, "d2"),
        [StageChangeKind::Created],
        "a refused close writes nothing"
    );
    ws.close_deal(
        &d2,
        lost(LostReasonKey::Competitor),
        &by("olga", "h1"),
        later(1),
    )
    .unwrap();
    let deal = ws.deal(&d2).unwrap();
    assert!(!deal.is_open());
    assert_eq!(deal.stage_id, StageKey::Proposal.default_id());
    // The closing time is the change's stamp, whatever the caller put in.
    assert_eq!(deal.closed.as_ref().unwrap().at(), later(1));
    assert_eq!(on_board(&ws, false), ["d1", "d3"]);
    assert_eq!(on_board(&ws, true), ["d1", "d2", "d3"]);
    assert_eq!(
        ws.close_deal(&d2, lost(LostReasonKey::Price), &by("olga", "h2"), later(2)),
        Err(WorkspaceError::AlreadyClosed(d2.clone()))
    );

    ws.reopen_deal(&d2, &by("ivan", "h3"), later(3)).unwrap();
    assert!(ws.deal(&d2).unwrap().is_open());
    assert_eq!(on_board(&ws, false), ["d1", "d2", "d3"]);
    assert_eq!(
        ws.reopen_deal(&d2, &by("ivan", "h4"), later(4)),
        Err(WorkspaceError::NotClosed(d2.clone()))
    );
    use StageChangeKind::*;
    assert_eq!(kinds(&ws, "d2"), [Created, Lost, Reopened]);
    let reopened = ws.stage_history_of(&d2)[2];
    assert_eq!(
        (reopened.from.as_ref(), &reopened.to),
        (Some(&deal_stage(&ws, "d2")), &deal_stage(&ws, "d2"))
    );
    assert_eq!(reopened.by, Some(id("ivan")));
}

fn deal_stage(ws: &Workspace, deal: &str) -> Id {
    ws.deal(&id(deal)).unwrap().stage_id.clone()
}

#[test]
fn the_first_order_offers_the_most_advanced_open_deal_and_wins_it_for_its_amount() {
    let mut ws = catalogue_workspace();
    let c1 = id("c1");
    assert!(ws.first_sale_offer(&c1).is_none(), "no order yet");
    ws.add_order(
        order_on(
            "o1",
            "c1",
            42_000,
            NaiveDate::from_ymd_opt(2026, 1, 14).unwrap(),
        ),
        d0(),
        later(1),
    )
    .unwrap();
    let offer = ws.first_sale_offer(&c1).map(|d| d.id.clone());
    assert_eq!(offer, Some(id("d3")), "Переговоры is further than Лид");
    let won = Closure::Won {
        amount: Money::from_rubles(42_000),
        order_id: Some(id("o1")),
        at: t0(),
    };
    ws.close_deal(&id("d3"), won, &by("ivan", "h1"), later(2))
        .unwrap();
    assert!(ws
        .deal(&id("d3"))
        .unwrap()
        .closed
        .as_ref()
        .unwrap()
        .is_won());
    assert_eq!(
        ws.first_sale_offer(&c1).map(|d| d.id.clone()),
        Some(id("d1"))
    );
    // A second order is no first sale.
    ws.add_order(
        order_on(
            "o2",
            "c1",
            1_000,
            NaiveDate::from_ymd_opt(2026, 1, 15).unwrap(),
        ),
        d0(),
        later(3),
    )
    .unwrap();
    assert!(ws.first_sale_offer(&c1).is_none());
    assert_eq!(
        ws.close_deal(
            &id("d1"),
            Closure::Won {
                amount: Money::from_kopecks(-1),
                order_id: None,
                at: t0()
            },
            &by("ivan", "h2"),
            later(4)
        ),
        Err(WorkspaceError::AmountOutOfRange)
    );
}

#[test]
fn days_in_stage_count_local_days_from_the_latest_entry_into_the_stage() {
    let mut ws = small_workspace();
    let d1 = id("d1");
    let utc = |t: crate::domain::dates::Timestamp| t.date_naive();
    let day = |d: u32| NaiveDate::from_ymd_opt(2026, 1, d).unwrap();
    let age = |ws: &Workspace, today| {
        let clock = StageClock::new(ws);
        stage_age(ws, &clock, ws.deal(&d1).unwrap(), today, utc)
    };
    // Created on 15 January (t0).
    assert_eq!(age(&ws, day(18)).days, 3);
    ws.move_deal(
        &d1,
        &StageKey::Proposal.default_id(),
        &by("ivan", "h1"),
        later(60 * 24),
    ) // 16 Jan
    .unwrap();
    assert_eq!(age(&ws, day(18)).days, 2);
    // Closing does not restart the count; reopening does.
    ws.close_deal(
        &d1,
        lost(LostReasonKey::NoAnswer),
        &by("ivan", "h2"),
        later(60 * 24 * 2),
    )
    .unwrap();
    assert_eq!(age(&ws, day(18)).days, 2);
    ws.reopen_deal(&d1, &by("ivan", "h3"), later(60 * 24 * 3))
        .unwrap(); // 18 Jan
    assert_eq!(age(&ws, day(18)).days, 0);
    // A stamp from a clock running ahead counts as today, never as negative days.
    assert_eq!(age(&ws, day(17)).days, 0);

    // Stuck only beyond the director's limit for that stage.
    assert_eq!(age(&ws, day(25)).limit, None);
    assert!(!age(&ws, day(25)).stuck());
    let mut settings = ws.pipeline_settings.clone();
    settings.stage_limits.push(StageLimit {
        stage_id: StageKey::Proposal.default_id(),
        days: 7,
    });
    ws.set_pipeline_settings(settings, later(60 * 24 * 4))
        .unwrap();
    assert!(!age(&ws, day(25)).stuck(), "7 days: at the limit");
    assert!(age(&ws, day(26)).stuck(), "8 days: past it");
    // A deal without any entry counts from its stage's stamp.
    ws.stage_history.clear();
    assert_eq!(age(&ws, day(18)).days, 2, "moved on 16 January");
}

mod merge;
