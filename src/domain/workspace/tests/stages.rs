//! The director's stages and the playbook: rename, reorder, add, remove, restore, checklists.

use crate::domain::deal_flow::{ChecklistItem, ChecklistItemKey};
use crate::domain::merge::merge;
use crate::domain::stage::{Stage, StageKey};
use crate::domain::workspace::*;
use crate::testkit::fixtures::*;

/// Names as the interface shows them, in Russian for the built-in stages.
fn shown(s: &Stage) -> String {
    s.custom_name.clone().unwrap_or_else(|| {
        match s.key {
            Some(StageKey::Lead) => "Лид",
            Some(StageKey::Qualification) => "Квалификация",
            Some(StageKey::NeedsDiscovery) => "Выявление потребностей",
            Some(StageKey::Proposal) => "КП",
            Some(StageKey::Negotiation) => "Переговоры",
            Some(StageKey::Contract) => "Договор / счёт",
            Some(StageKey::FirstSale) => "Первая продажа",
            None => "",
        }
        .to_owned()
    })
}

fn names(ws: &Workspace) -> Vec<String> {
    ws.stages.iter().map(shown).collect()
}

fn key(k: StageKey) -> Id {
    k.default_id()
}

#[test]
fn renaming_to_an_empty_or_taken_name_is_refused() {
    let mut ws = small_workspace();
    let lead = key(StageKey::Lead);
    let err = |e| Err(WorkspaceError::Stage(e));
    assert_eq!(
        ws.rename_stage(&lead, "  ", &shown, later(1)),
        err(StageError::BlankName)
    );
    assert_eq!(
        ws.rename_stage(&lead, " кп ", &shown, later(1)),
        err(StageError::DuplicateName("кп".into()))
    );
    assert_eq!(
        ws.rename_stage(&lead, &"я".repeat(61), &shown, later(1)),
        err(StageError::LongName)
    );
    assert_eq!(ws.stages[0].custom_name, None);
    ws.rename_stage(&lead, "Холодный контакт", &shown, later(1))
        .unwrap();
    assert_eq!(
        ws.stages[0].custom_name.as_deref(),
        Some("Холодный контакт")
    );
    assert_eq!(ws.stages[0].updated_at, later(1));
    // Its own name again is no clash; the default name goes back to the translated default.
    ws.rename_stage(&lead, "Лид", &shown, later(2)).unwrap();
    assert_eq!(ws.stages[0].custom_name, None);
}

#[test]
fn reordering_keeps_every_stage_and_the_order_survives_merges() {
    let mut ws = small_workspace();
    let proposal = key(StageKey::Proposal);
    assert!(ws.move_stage(&proposal, true, later(1)).unwrap());
    assert_eq!(ws.stage_index(&proposal), Some(2));
    assert!(!ws.move_stage(&key(StageKey::Lead), true, later(2)).unwrap());
    assert!(!ws
        .move_stage(&key(StageKey::FirstSale), false, later(2))
        .unwrap());
    assert_eq!(ws.stages.len(), 7);
    assert_eq!(ws.pipeline_settings.stage_order.len(), 7);
    assert!(ws.integrity_problems().is_empty());
    // The BANT gate keys on «КП»'s id, wherever it stands.
    assert!(ws.move_needs_confirmation(&Id::from_raw("d1"), &proposal));
    let merged = merge(&small_workspace(), &ws).workspace;
    assert_eq!(names(&merged), names(&ws));
}

#[test]
fn adding_appends_a_stage_of_the_teams_own_without_a_checklist() {
    let mut ws = small_workspace();
    ws.move_stage(&key(StageKey::Lead), false, later(1))
        .unwrap();
    let pilot = Id::from_raw("stage-pilot");
    assert_eq!(
        ws.add_stage(pilot.clone(), "переговоры", &shown, later(2)),
        Err(WorkspaceError::Stage(StageError::DuplicateName(
            "переговоры".into()
        )))
    );
    ws.add_stage(pilot.clone(), "Пилот", &shown, later(2))
        .unwrap();
    assert_eq!(ws.stage_index(&pilot), Some(7));
    assert_eq!(ws.stages[7].key, None);
    assert!(ws.checklist_of(&pilot).is_empty());
    assert_eq!(ws.checklist_of(&key(StageKey::Proposal)).len(), 3);
}

#[test]
fn removing_a_stage_with_deals_moves_them_first_and_records_the_moves() {
    let mut ws = small_workspace();
    let lead = key(StageKey::Lead);
    let qual = key(StageKey::Qualification);
    ws.add_deal(
        deal("d4", "c3", "ivan", StageKey::Lead, 1),
        &mover("d4-created"),
    )
    .unwrap();
    let before = ws.clone();
    assert_eq!(
        ws.remove_stage(&lead, None, &mover("rm"), later(1)),
        Err(WorkspaceError::Stage(StageError::HasDeals(2)))
    );
    assert_eq!(
        ws.remove_stage(&lead, Some(&lead), &mover("rm"), later(1)),
        Err(WorkspaceError::Stage(StageError::SameStage))
    );
    assert_eq!(ws, before, "a refused removal changes nothing");
    assert_eq!(
        ws.remove_stage(&lead, Some(&qual), &mover("rm"), later(1)),
        Ok(2)
    );
    assert!(ws.stage(&lead).is_none());
    assert_eq!(ws.deals_in_stage(&qual), 2);
    let moves: Vec<_> = ws
        .stage_history
        .iter()
        .filter(|e| e.from.as_ref() == Some(&lead))
        .map(|e| (e.id.as_str().to_owned(), e.to.clone()))
        .collect();
    assert_eq!(
        moves,
        [("rm".into(), qual.clone()), ("rm-2".into(), qual.clone())]
    );
    assert!(ws.removed.iter().any(|t| t.id == lead));
    assert!(ws.integrity_problems().is_empty());
    // An empty stage goes at once; the last one never.
    ws.remove_stage(&key(StageKey::FirstSale), None, &mover("rm2"), later(2))
        .unwrap();
    let mut last = Workspace::default();
    for k in &StageKey::DEFAULT_PIPELINE[1..] {
        last.remove_stage(&k.default_id(), None, &mover(&format!("x{k:?}")), later(3))
            .unwrap();
    }
    assert_eq!(
        last.remove_stage(&lead, None, &mover("y"), later(4)),
        Err(WorkspaceError::Stage(StageError::LastStage))
    );
}

#[test]
fn a_removal_spreads_by_merge_but_a_stage_a_deal_still_uses_stays() {
    let base = small_workspace();
    let contract = key(StageKey::Contract);
    let mut ours = base.clone();
    ours.remove_stage(&contract, None, &mover("rm"), later(1))
        .unwrap();
    let out = merge(&base, &ours).workspace;
    assert!(out.stage(&contract).is_none());
    // Meanwhile another tab moved a deal into it: the stage stays, the deal is not dropped.
    let mut theirs = base.clone();
    theirs
        .move_deal(&Id::from_raw("d3"), &contract, &mover("mv"), later(2))
        .unwrap();
    let out = merge(&ours, &theirs);
    assert!(out.workspace.stage(&contract).is_some());
    assert_eq!(out.workspace.deals.len(), 3);
    assert!(out.workspace.integrity_problems().is_empty());
}

#[test]
fn two_copies_renamed_and_reordered_apart_keep_both_changes() {
    let base = small_workspace();
    let (lead, qual) = (key(StageKey::Lead), key(StageKey::Qualification));
    let mut ours = base.clone();
    ours.rename_stage(&qual, "BANT", &shown, later(1)).unwrap();
    let mut theirs = base.clone();
    theirs.move_stage(&lead, false, later(2)).unwrap();
    theirs
        .rename_stage(&lead, "Входящий", &shown, later(3))
        .unwrap();
    let a = merge(&ours, &theirs);
    let b = merge(&theirs, &ours);
    assert!(a.report.conflicts.is_empty(), "{}", a.report);
    assert_eq!(
        names(&a.workspace)[..2],
        ["BANT".to_owned(), "Входящий".to_owned()]
    );
    assert_eq!(names(&a.workspace), names(&b.workspace));
    // Both renamed one stage: the later name wins on both sides, listed as a conflict.
    ours.rename_stage(&lead, "Заявка", &shown, later(4))
        .unwrap();
    let a = merge(&ours, &theirs);
    assert_eq!(
        a.workspace.stage(&lead).unwrap().custom_name.as_deref(),
        Some("Заявка")
    );
    assert_eq!(a.report.conflicts.len(), 1);
    assert_eq!(names(&a.workspace), names(&merge(&theirs, &ours).workspace));
}

#[test]
fn restoring_brings_back_the_default_seven_first_and_keeps_the_teams_own() {
    let mut ws = small_workspace();
    let pilot = Id::from_raw("stage-pilot");
    ws.add_stage(pilot.clone(), "Пилот", &shown, later(1))
        .unwrap();
    ws.rename_stage(&key(StageKey::Proposal), "Оффер", &shown, later(1))
        .unwrap();
    ws.move_stage(&key(StageKey::Proposal), true, later(2))
        .unwrap();
    ws.remove_stage(&key(StageKey::Contract), None, &mover("rm"), later(3))
        .unwrap();
    ws.set_stage_checklist(&key(StageKey::Lead), vec![], later(3))
        .unwrap();
    ws.restore_default_stages(later(4));
    let mut expected: Vec<String> = Workspace::default().stages.iter().map(shown).collect();
    expected.push("Пилот".into());
    assert_eq!(names(&ws), expected);
    assert_eq!(ws.checklist_of(&key(StageKey::Lead)).len(), 4);
    assert!(ws.integrity_problems().is_empty());
    // The stage brought back survives a merge with a copy that still has its removal.
    let mut other = small_workspace();
    other
        .remove_stage(&key(StageKey::Contract), None, &mover("rm"), later(3))
        .unwrap();
    assert!(merge(&other, &ws)
        .workspace
        .stage(&key(StageKey::Contract))
        .is_some());
}

#[test]
fn moving_on_with_unticked_items_is_asked_moving_back_is_not() {
    let mut ws = small_workspace();
    let d1 = Id::from_raw("d1");
    let qual = key(StageKey::Qualification);
    let lead_items = ws.checklist_of(&key(StageKey::Lead));
    assert_eq!(ws.unticked_before_move(&d1, &qual).len(), 4);
    for item in &lead_items[..3] {
        assert!(ws
            .tick_checklist_item(&d1, &item.id, true, later(1))
            .unwrap());
    }
    assert!(!ws
        .tick_checklist_item(&d1, &lead_items[0].id, true, later(1))
        .unwrap());
    let left = ws.unticked_before_move(&d1, &qual);
    assert_eq!(
        left,
        vec![ChecklistItem::builtin(ChecklistItemKey::LeadTalkAgreed)]
    );
    ws.tick_checklist_item(&d1, &lead_items[3].id, true, later(2))
        .unwrap();
    assert!(ws.unticked_before_move(&d1, &qual).is_empty());
    // Back towards «Лид», or staying, never asks.
    let d3 = Id::from_raw("d3");
    assert!(ws
        .unticked_before_move(&d3, &key(StageKey::Lead))
        .is_empty());
    assert!(ws
        .unticked_before_move(&d3, &key(StageKey::Negotiation))
        .is_empty());
    // After a reorder «forward» follows the new order.
    ws.move_stage(&key(StageKey::Negotiation), false, later(3))
        .unwrap();
    assert!(ws
        .unticked_before_move(&d3, &key(StageKey::Contract))
        .is_empty());
    assert_eq!(
        ws.unticked_before_move(&d3, &key(StageKey::FirstSale))
            .len(),
        3
    );
}

#[test]
fn ticks_merge_as_one_field_so_an_untick_is_not_undone() {
    let mut ours = small_workspace();
    let d1 = Id::from_raw("d1");
    let item = ChecklistItemKey::LeadContact.default_id();
    ours.tick_checklist_item(&d1, &item, true, later(1))
        .unwrap();
    let mut theirs = ours.clone();
    theirs
        .tick_checklist_item(&d1, &item, false, later(2))
        .unwrap();
    let out = merge(&ours, &theirs).workspace;
    assert!(out.deal(&d1).unwrap().checklist_done.is_empty());
}

#[test]
fn the_director_edits_a_checklist_and_blank_items_are_refused() {
    let mut ws = small_workspace();
    let proposal = key(StageKey::Proposal);
    let mut items = ws.checklist_of(&proposal);
    items[0].text = "Отправить КП и счёт-оферту".into();
    items.remove(2);
    items.push(ChecklistItem::custom(
        Id::from_raw("i-call"),
        "Позвонить через 2 дня",
    ));
    ws.set_stage_checklist(&proposal, items.clone(), later(1))
        .unwrap();
    assert_eq!(ws.checklist_of(&proposal), items);
    items.push(ChecklistItem::custom(Id::from_raw("i-x"), "  "));
    assert!(matches!(
        ws.set_stage_checklist(&proposal, items, later(2)),
        Err(WorkspaceError::InvalidPipelineSettings(_))
    ));
    assert_eq!(ws.checklist_of(&proposal).len(), 3);
}
