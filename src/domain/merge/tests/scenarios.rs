//! One scenario per rule: two tabs (or two reps) starting from the same workspace.

use super::*;
use crate::domain::qualification::Template;
use crate::domain::stage::{Stage, StageKey};
use crate::testkit::fixtures::{deal, mover};

#[test]
fn merging_a_workspace_with_itself_changes_nothing() {
    let ws = base();
    let out = merge(&ws, &ws);
    assert_eq!(out.workspace, ws);
    assert!(out.report.is_noop(), "{}", out.report);
    assert_eq!(out.report.counts(RecordKind::Client).kept, 3);
    assert_eq!(out.report.counts(RecordKind::Stage).kept, 7);
    assert_eq!(out.report.counts(RecordKind::ScoringModel).kept, 1);
    assert_eq!(out.report.counts(RecordKind::TransferPolicy).kept, 1);
    assert_eq!(out.report.counts(RecordKind::StageChange).kept, 3);
    assert_eq!(out.report.counts(RecordKind::PipelineSettings).kept, 1);
    assert_eq!(out.report.summary().kept, 3 + 3 + 3 + 1 + 7 + 1 + 1 + 3 + 1);
}

#[test]
fn edits_of_different_records_in_two_tabs_both_survive() {
    let mut ours = base();
    let mut theirs = base();
    edit_client(&mut ours, "c1", "ours", 10);
    edit_client(&mut theirs, "c2", "theirs", 11);
    theirs
        .move_deal(
            &id("d1"),
            &StageKey::Proposal.default_id(),
            &mover("m19"),
            later(12),
        )
        .unwrap();

    let out = merge(&ours, &theirs);
    let ws = &out.workspace;
    assert_eq!(ws.client(&id("c1")).unwrap().notes, "ours");
    assert_eq!(ws.client(&id("c2")).unwrap().notes, "theirs");
    assert_eq!(
        ws.deal(&id("d1")).unwrap().stage_id,
        StageKey::Proposal.default_id()
    );
    let clients = out.report.counts(RecordKind::Client);
    assert_eq!((clients.updated, clients.kept), (1, 2));
    assert_eq!(out.report.counts(RecordKind::Deal).updated, 1);
    assert!(!out.report.is_noop());
    // Each edit was made on one side only: the field stamps show it, so none is a conflict.
    assert_eq!(out.report.conflicts, Vec::new());
    assert_eq!(
        canonical(ws),
        canonical(&merge(&theirs, &ours).workspace),
        "commutative"
    );
}

#[test]
fn the_same_client_edited_in_both_tabs_keeps_the_newer_edit_and_lists_a_conflict() {
    let mut ours = base();
    let mut theirs = base();
    edit_client(&mut ours, "c1", "ours, earlier", 10);
    edit_client(&mut theirs, "c1", "theirs, later", 20);

    for (a, b, winner) in [(&ours, &theirs, Side::Theirs), (&theirs, &ours, Side::Ours)] {
        let out = merge(a, b);
        assert_eq!(
            out.workspace.client(&id("c1")).unwrap().notes,
            "theirs, later"
        );
        let conflict = &out.report.conflicts[0];
        assert_eq!(out.report.conflicts.len(), 1);
        assert_eq!(conflict.kind, RecordKind::Client);
        assert_eq!(conflict.id, id("c1"));
        assert_eq!(conflict.label, "ООО «Вектор»");
        assert_eq!(conflict.winner, winner);
        assert!(conflict.both_changed_after(later(5)));
        assert_eq!(
            (conflict.ours_updated_at, conflict.theirs_updated_at),
            if winner == Side::Theirs {
                (later(10), later(20))
            } else {
                (later(20), later(10))
            }
        );
    }
}

#[test]
fn a_tie_is_settled_by_content_whichever_side_merges() {
    let mut ours = base();
    let mut theirs = base();
    edit_client(&mut ours, "c1", "ours", 10);
    edit_client(&mut theirs, "c1", "theirs", 10);
    let out = merge(&ours, &theirs);
    let back = merge(&theirs, &ours);
    // The same value wins from either side, so tabs and reps converge.
    assert_eq!(out.workspace.client(&id("c1")).unwrap().notes, "theirs");
    assert_eq!(back.workspace.client(&id("c1")).unwrap().notes, "theirs");
    assert_eq!(out.report.conflicts[0].winner, Side::Theirs);
    assert_eq!(back.report.conflicts[0].winner, Side::Ours);
}

#[test]
fn a_deletion_in_one_tab_wins_over_the_untouched_copy_in_the_other() {
    let mut ours = base();
    let theirs = base();
    ours.remove_client(&id("c1"), later(10)).unwrap();

    for (a, b) in [(&ours, &theirs), (&theirs, &ours)] {
        let ws = merge(a, b).workspace;
        assert!(ws.client(&id("c1")).is_none());
        // Its deals and their assessments went with it.
        assert!(ws.deal(&id("d1")).is_none() && ws.deal(&id("d3")).is_none());
        assert!(ws.assessments.is_empty());
        assert_eq!(removed_at(&ws, "c1"), Some(later(10)));
        assert_sound(&ws);
    }
    let out = merge(&theirs, &ours);
    assert_eq!(out.report.counts(RecordKind::Client).removed, 1);
    assert_eq!(out.report.counts(RecordKind::Deal).removed, 2);
    assert_eq!(out.report.counts(RecordKind::Assessment).removed, 1);
    assert!(out.report.repairs.is_empty(), "plain tombstones, no repair");
    // The client, its two deals, their assessment and their two history entries.
    assert_eq!(out.report.tombstones_changed, 6);
    // The tab that deleted learns nothing new.
    assert!(merge(&ours, &theirs).report.is_noop());
}

#[test]
fn a_record_changed_after_its_deletion_survives_and_is_reported_once() {
    let mut deleter = base();
    let mut editor = base();
    deleter.remove_client(&id("c2"), later(10)).unwrap();
    edit_client(&mut editor, "c2", "позвонить", 20);

    // The editor's tab saves second: its edit wins, and it is told about the deletion.
    let saved = merge(&editor, &deleter);
    let ws = &saved.workspace;
    assert_eq!(ws.client(&id("c2")).unwrap().notes, "позвонить");
    // The deal deleted with the client was not touched after: it stays deleted.
    assert!(ws.deal(&id("d2")).is_none());
    assert_sound(ws);
    let r = &saved.report.resurrected;
    assert_eq!(r.len(), 1);
    assert_eq!((r[0].kind, r[0].id.clone()), (RecordKind::Client, id("c2")));
    assert_eq!((r[0].removed_at, r[0].updated_at), (later(10), later(20)));
    assert_eq!(r[0].held_by, Side::Ours);

    // The deleting tab then reads it: it gets the client back and is told too.
    let back = merge(&deleter, &saved.workspace);
    assert!(back.workspace.client(&id("c2")).is_some());
    assert_eq!(back.report.resurrected.len(), 1);
    assert_eq!(back.report.resurrected[0].held_by, Side::Theirs);
    assert_eq!(canonical(&back.workspace), canonical(ws));

    // Once both hold the settled state, nobody is told again.
    let again = merge(&saved.workspace, &back.workspace);
    assert!(again.report.is_noop(), "{}", again.report);
    let stale = merge(&saved.workspace, &deleter);
    assert!(stale.report.resurrected.is_empty());
    assert_eq!(stale.workspace, saved.workspace);
}

#[test]
fn deals_created_in_both_tabs_are_all_kept_in_a_stable_order() {
    let mut ours = base();
    let mut theirs = base();
    let mut d = deal("d-ours", "c3", "ivan", StageKey::Lead, 10_000);
    d.created_at = later(10);
    d.updated_at = later(10);
    ours.add_deal(d, &mover("a20")).unwrap();
    let mut d = deal("d-theirs", "c3", "olga", StageKey::Qualification, 20_000);
    d.created_at = later(11);
    d.updated_at = later(11);
    theirs.add_deal(d, &mover("a21")).unwrap();

    let out = merge(&ours, &theirs);
    let ids: Vec<&str> = out.workspace.deals.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["d1", "d2", "d3", "d-ours", "d-theirs"]);
    assert_eq!(out.report.counts(RecordKind::Deal).added, 1);
    assert!(out.report.conflicts.is_empty());
    let back = merge(&theirs, &ours).workspace;
    let back: Vec<&str> = back.deals.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(back, ["d1", "d2", "d3", "d-theirs", "d-ours"]);
}

#[test]
fn assessments_from_both_sides_are_united() {
    let mut ours = base();
    let mut theirs = base();
    ours.add_assessment(assessment("a-ours", "d1", 10)).unwrap();
    theirs
        .add_assessment(assessment("a-theirs", "d1", 11))
        .unwrap();
    theirs.add_assessment(assessment("a-d2", "d2", 12)).unwrap();
    let out = merge(&ours, &theirs);
    let ids: Vec<&str> = out
        .workspace
        .assessments
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(ids, ["a1", "a-ours", "a-theirs", "a-d2"]);
    assert_eq!(
        out.workspace
            .latest_assessment(&id("d1"))
            .map(|a| a.id.as_str()),
        Some("a-theirs")
    );
    assert_eq!(out.report.counts(RecordKind::Assessment).added, 2);
    assert!(out.report.conflicts.is_empty());
}

#[test]
fn the_newer_scoring_model_wins() {
    let mut ours = base();
    let mut theirs = base();
    ours.set_scoring_model(Template::Anum.model(), later(10))
        .unwrap();
    theirs
        .set_scoring_model(Template::Champ.model(), later(20))
        .unwrap();
    for (a, b) in [(&ours, &theirs), (&theirs, &ours)] {
        let out = merge(a, b);
        assert_eq!(out.workspace.scoring_model.template, Template::Champ);
        let c = &out.report.conflicts[0];
        assert_eq!(c.kind, RecordKind::ScoringModel);
        assert_eq!(c.label, "CHAMP");
        assert_eq!(c.id.as_str(), SCORING_MODEL_ID);
    }
    let out = merge(&ours, &theirs);
    assert_eq!(out.report.counts(RecordKind::ScoringModel).updated, 1);
    // Only one side changed it: no conflict to speak of, the change is simply taken.
    let out = merge(&base(), &theirs);
    assert_eq!(out.workspace.scoring_model.template, Template::Champ);
}

#[test]
fn unstamped_stage_names_settle_by_value_and_new_stages_are_added() {
    let ours = base();
    let mut theirs = base();
    theirs.stages[0].custom_name = Some("Холодный лид".into());
    theirs.stages.push(Stage::custom(
        id("stage-pilot"),
        "Пилот",
        Default::default(),
    ));
    let out = merge(&ours, &theirs);
    assert_eq!(out.workspace.stages[0].custom_name, None);
    assert_eq!(out.workspace.stages.len(), 8);
    assert_eq!(out.workspace.stages[7].id, id("stage-pilot"));
    let stages = out.report.counts(RecordKind::Stage);
    assert_eq!((stages.added, stages.kept), (1, 7));
    // Both unstamped (written before stages had stamps): equally old, settled by value the
    // same way from either side, and not listed as a conflict of two edits.
    assert_eq!(merge(&theirs, &ours).workspace.stages[0].custom_name, None);
    // A rename made by the app is stamped and simply taken.
    let mut renamed = base();
    renamed.stages[0].custom_name = Some("Холодный лид".into());
    renamed.stages[0].updated_at = crate::testkit::fixtures::later(5);
    let out = merge(&ours, &renamed);
    assert_eq!(
        out.workspace.stages[0].custom_name.as_deref(),
        Some("Холодный лид")
    );
    assert!(out.report.conflicts.is_empty(), "{}", out.report);
}
