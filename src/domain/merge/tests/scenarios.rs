//! One scenario per rule: two tabs (or two reps) starting from the same workspace.

use super::*;
use crate::domain::qualification::Template;
use crate::domain::stage::{Stage, StageKey};
use crate::domain::team::JobTitle;
use crate::testkit::fixtures::{client, deal, member};

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
    assert_eq!(out.report.summary().kept, 3 + 3 + 3 + 1 + 7 + 1 + 1);
}

#[test]
fn edits_of_different_records_in_two_tabs_both_survive() {
    let mut ours = base();
    let mut theirs = base();
    edit_client(&mut ours, "c1", "ours", 10);
    edit_client(&mut theirs, "c2", "theirs", 11);
    theirs
        .move_deal(&id("d1"), &StageKey::Proposal.default_id(), later(12))
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
    assert_eq!(out.report.tombstones_changed, 4);
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
    ours.add_deal(d).unwrap();
    let mut d = deal("d-theirs", "c3", "olga", StageKey::Qualification, 20_000);
    d.created_at = later(11);
    d.updated_at = later(11);
    theirs.add_deal(d).unwrap();

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
fn stages_keep_ours_and_add_only_what_we_lack() {
    let ours = base();
    let mut theirs = base();
    theirs.stages[0].custom_name = Some("Холодный лид".into());
    theirs.stages.push(Stage {
        id: id("stage-pilot"),
        key: None,
        custom_name: Some("Пилот".into()),
    });
    let out = merge(&ours, &theirs);
    assert_eq!(out.workspace.stages[0].custom_name, None);
    assert_eq!(out.workspace.stages.len(), 8);
    assert_eq!(out.workspace.stages[7].id, id("stage-pilot"));
    let stages = out.report.counts(RecordKind::Stage);
    assert_eq!((stages.added, stages.kept), (1, 7));
    assert_eq!(out.report.conflicts[0].kind, RecordKind::Stage);
    assert_eq!(out.report.conflicts[0].winner, Side::Ours);
}

#[test]
fn tombstones_are_united_one_per_id_with_the_latest_time() {
    let mut ours = base();
    let mut theirs = base();
    ours.removed = vec![tombstone("x", 5), tombstone("y", 9), tombstone("x", 7)];
    theirs.removed = vec![tombstone("z", 1), tombstone("y", 12)];
    let out = merge(&ours, &theirs);
    assert_eq!(
        out.workspace.removed,
        [tombstone("x", 7), tombstone("y", 12), tombstone("z", 1)]
    );
    // x folded, y later, z new.
    assert_eq!(out.report.tombstones_changed, 3);
    assert!(!out.report.is_noop());
}

#[test]
fn a_deal_added_to_a_client_deleted_elsewhere_is_dropped_with_its_reason() {
    let mut deleter = base();
    let mut adder = base();
    deleter.remove_client(&id("c1"), later(10)).unwrap();
    let mut d = deal("d-new", "c1", "ivan", StageKey::Lead, 5_000);
    d.updated_at = later(20);
    adder.add_deal(d).unwrap();
    adder
        .add_assessment(assessment("a-new", "d-new", 21))
        .unwrap();

    let out = merge(&adder, &deleter);
    let ws = &out.workspace;
    assert_sound(ws);
    assert!(ws.client(&id("c1")).is_none() && ws.deal(&id("d-new")).is_none());
    assert!(ws.assessments.is_empty());
    assert_eq!(
        out.report.repairs,
        [
            Repair::Dropped {
                kind: RecordKind::Deal,
                id: id("d-new"),
                label: "Сделка d-new".into(),
                reason: DropReason::ClientMissing(id("c1")),
            },
            Repair::Dropped {
                kind: RecordKind::Assessment,
                id: id("a-new"),
                label: "15.01.2026".into(),
                reason: DropReason::DealMissing(id("d-new")),
            },
        ]
    );
    // The deal was changed after the client's deletion, yet it cannot live without it; it is
    // not reported as resurrected, since it did not survive.
    assert!(out.report.resurrected.is_empty());
    // Tombstones let the removal spread quietly.
    assert_eq!(removed_at(ws, "d-new"), Some(later(20)));
    assert_eq!(removed_at(ws, "a-new"), Some(later(21)));
    let quiet = merge(ws, &adder);
    assert_eq!(quiet.workspace, *ws);
    assert!(quiet.report.repairs.is_empty(), "{}", quiet.report);
    assert_eq!(canonical(ws), canonical(&merge(&deleter, &adder).workspace));
}

#[test]
fn a_deleted_member_who_still_owns_records_is_kept_and_reported() {
    // Tab A removes Anna (she owns nothing there); tab B meanwhile made her the owner of a
    // new client.
    let mut a = base();
    let mut b = base();
    a.remove_member(&id("anna"), None, later(10)).unwrap();
    let mut c = client("c-anna", "ООО «Ладога»", "anna");
    c.created_at = later(5);
    c.updated_at = later(5);
    b.add_client(c).unwrap();

    for (ours, theirs, held_by) in [(&b, &a, Side::Ours), (&a, &b, Side::Theirs)] {
        let out = merge(ours, theirs);
        let ws = &out.workspace;
        assert_sound(ws);
        assert_eq!(ws.member(&id("anna")).unwrap().name, "Анна Кузнецова");
        assert_eq!(ws.client(&id("c-anna")).unwrap().owner_id, id("anna"));
        assert_eq!(
            out.report.repairs,
            [Repair::KeptInUse {
                kind: RecordKind::Member,
                id: id("anna"),
                label: "Анна Кузнецова".into(),
                removed_at: later(10),
                held_by,
                used_by: vec![id("c-anna")],
            }]
        );
        // The tombstone stays in the list…
        assert_eq!(removed_at(ws, "anna"), Some(later(10)));
    }
    // …but once both sides hold Anna it no longer applies, and nobody is told twice.
    let settled = merge(&b, &a).workspace;
    let other = merge(&a, &b).workspace;
    let again = merge(&settled, &other);
    assert!(again.report.is_noop(), "{}", again.report);
    let stale = merge(&settled, &a);
    assert_eq!(stale.workspace, settled);
    assert!(stale.report.is_noop(), "{}", stale.report);

    // When her client is handed over and she is removed again, she goes.
    let mut later_tab = settled.clone();
    let mut handed = later_tab.client(&id("c-anna")).unwrap().clone();
    handed.owner_id = id("ivan");
    later_tab.update_client(handed, later(30)).unwrap();
    later_tab
        .remove_member(&id("anna"), None, later(31))
        .unwrap();
    let out = merge(&settled, &later_tab);
    assert!(out.workspace.member(&id("anna")).is_none());
    assert_sound(&out.workspace);
}

#[test]
fn a_member_only_theirs_had_comes_with_their_deals() {
    let ours = base();
    let mut theirs = base();
    theirs
        .add_member(member("petr", "Пётр Иванов", JobTitle::SalesManager))
        .unwrap();
    theirs
        .add_deal(deal("d-petr", "c2", "petr", StageKey::Lead, 1_000))
        .unwrap();
    let out = merge(&ours, &theirs);
    assert_sound(&out.workspace);
    assert_eq!(out.report.counts(RecordKind::Member).added, 1);
    assert_eq!(out.report.counts(RecordKind::Deal).added, 1);
    assert!(out.report.repairs.is_empty());
}

#[test]
fn an_assessment_outlives_its_assessor() {
    // The assessor is history, not ownership: Ivan's removal does not touch his assessment.
    let ours = base();
    let mut theirs = base();
    let c1 = theirs.client(&id("c1")).unwrap().clone();
    theirs.update_client(c1, later(1)).unwrap();
    theirs
        .remove_member(&id("ivan"), Some(&id("olga")), later(2))
        .unwrap();
    let out = merge(&ours, &theirs);
    assert_sound(&out.workspace);
    assert!(out.workspace.member(&id("ivan")).is_none());
    assert_eq!(out.workspace.assessments.len(), 1);
    assert!(out.report.repairs.is_empty());
}

#[test]
fn inconsistent_inputs_are_repaired_too() {
    // Data that `integrity_problems` would refuse, e.g. an old export: an owner no side has, a
    // deal in an unknown stage, an id used by a member and a client.
    let ours = base();
    let mut theirs = base();
    theirs
        .clients
        .push(client("c-ghost", "ООО «Призрак»", "ghost"));
    theirs
        .deals
        .push(deal("d-ghost", "c-ghost", "ivan", StageKey::Lead, 1));
    let mut odd = deal("d-odd", "c2", "olga", StageKey::Lead, 1);
    odd.stage_id = id("stage-gone");
    theirs.deals.push(odd);
    theirs.clients.push(client("olga", "ООО «Тёзка»", "ivan"));
    assert!(!theirs.integrity_problems().is_empty());

    for (a, b) in [(&ours, &theirs), (&theirs, &ours)] {
        let out = merge(a, b);
        assert_sound(&out.workspace);
        let ws = &out.workspace;
        assert!(ws.client(&id("c-ghost")).is_none() && ws.deal(&id("d-ghost")).is_none());
        assert!(ws.deal(&id("d-odd")).is_none());
        assert_eq!(ws.member(&id("olga")).unwrap().name, "Ольга Смирнова");
        let reasons: Vec<&DropReason> = out
            .report
            .repairs
            .iter()
            .filter_map(|r| match r {
                Repair::Dropped { reason, .. } => Some(reason),
                Repair::KeptInUse { .. } => None,
            })
            .collect();
        assert!(reasons.contains(&&DropReason::StageMissing(id("stage-gone"))));
        assert!(reasons.contains(&&DropReason::OwnerMissing(id("ghost"))));
        assert!(reasons.contains(&&DropReason::ClientMissing(id("c-ghost"))));
        assert!(reasons.contains(&&DropReason::DuplicateId));
    }
}

#[test]
fn the_report_counts_from_our_side() {
    let ours = base();
    let mut theirs = base();
    theirs.remove_deal(&id("d2"), later(3)).unwrap();
    edit_client(&mut theirs, "c3", "новое", 4);
    theirs
        .add_client(client("c4", "ЗАО «Прибой»", "olga"))
        .unwrap();
    let report = merge(&ours, &theirs).report;
    let clients = report.counts(RecordKind::Client);
    assert_eq!(
        clients,
        KindCounts {
            added: 1,
            updated: 1,
            kept: 2,
            removed: 0
        }
    );
    assert_eq!(report.counts(RecordKind::Deal).removed, 1);
    assert_eq!(report.summary().changes(), 3);
    assert_eq!(
        report.to_string(),
        "added 1, updated 1, kept 17, removed 1; 0 conflict(s), 0 resurrected, 0 repair(s), \
         1 tombstone(s) changed"
    );
}

#[test]
fn a_member_renamed_after_their_deletion_is_reported_as_resurrected_even_when_in_use() {
    let mut a = base();
    let mut b = base();
    a.remove_member(&id("olga"), Some(&id("ivan")), later(10))
        .unwrap();
    let mut olga = b.member(&id("olga")).unwrap().clone();
    olga.name = "Ольга Смирнова-Петрова".into();
    b.update_member(olga, later(20)).unwrap();
    // …and B made her the owner of a new client, so she is in use as well.
    b.add_client(client("c-olga", "ООО «Нева»", "olga"))
        .unwrap();
    let out = merge(&b, &a);
    assert_sound(&out.workspace);
    // A's handover of her client (at 10) is newer than B's copy (at 0): the client moves.
    assert_eq!(
        out.workspace.client(&id("c2")).unwrap().owner_id,
        id("ivan")
    );
    assert!(out.workspace.member(&id("olga")).is_some());
    let r = &out.report.resurrected;
    assert_eq!(r.len(), 1);
    assert_eq!(
        (r[0].kind, r[0].id.clone()),
        (RecordKind::Member, id("olga"))
    );
    assert!(out.report.repairs.is_empty());
}

/// A rep whose clock runs behind deletes a record: the deletion must still win over the copy it
/// deleted, which every other tab or rep still holds. (Tombstones were stamped with the rep's
/// `now`, earlier than the record's last change, so the merge took the untouched copy for one
/// changed after the deletion and brought it back.)
#[test]
fn a_deletion_on_a_clock_running_behind_is_not_undone() {
    let base = base_with_orders();
    let mut behind = base.clone();
    // An hour behind: o1, last changed at t0, is removed at «t0 − 30 min».
    behind
        .remove_order(&id("o1"), fixtures::d0(), later(-30))
        .unwrap();
    for out in [merge(&base, &behind), merge(&behind, &base)] {
        assert!(out.workspace.orders.iter().all(|o| o.id != id("o1")));
        assert!(out.report.resurrected.is_empty(), "{:?}", out.report);
    }
}

/// The same through a clock running ahead: a rep two days ahead renames a client; another rep
/// with a right clock takes that file in, sees the new name and deletes the client. The deletion
/// was made knowing the rename, so it must win when the two files meet.
#[test]
fn a_deletion_made_after_seeing_a_change_from_a_fast_clock_wins() {
    let base = small_workspace();
    let mut ahead = base.clone();
    let mut c3 = ahead.client(&id("c3")).unwrap().clone();
    c3.name = "ИП Орлов и сыновья".into();
    ahead.update_client(c3, later(2 * 24 * 60)).unwrap();
    let mut right = merge(&base, &ahead).workspace;
    right.remove_client(&id("c3"), later(10)).unwrap();
    for out in [merge(&ahead, &right), merge(&right, &ahead)] {
        assert!(out.workspace.client(&id("c3")).is_none());
        assert_eq!(out.workspace.integrity_problems(), []);
    }
}

/// A member removed in one file is kept by a merge because a deal still needs her; a third
/// file, which never saw the removal, then moves that deal to someone else. Nothing uses her any
/// more, so the removal must hold whatever the merge order. (A tombstone never applied to a
/// record both sides held, even when one of them held it only because it had never heard of the
/// deletion: merging the kept copy with the unaware one last brought her back for good.)
#[test]
fn a_member_kept_while_in_use_goes_once_unused_in_any_merge_order() {
    let base = small_workspace();
    // A hands Olga's client and deal to Ivan, removes her, then removes the deal.
    let mut a = base.clone();
    a.remove_member(&id("olga"), Some(&id("ivan")), later(10))
        .unwrap();
    a.remove_deal(&id("d2"), later(11)).unwrap();
    // B, unaware, renames the deal (still Olga's there) and then takes A's file in: the deal
    // changed after its removal stays, and Olga with it, as its owner.
    let mut b = base.clone();
    let mut d2 = b.deal(&id("d2")).unwrap().clone();
    d2.title = "Поставка, второй этап".into();
    b.update_deal(d2, later(20)).unwrap();
    let b = merge(&b, &a).workspace;
    assert!(b.member(&id("olga")).is_some());
    // C, unaware of it all, gives the deal to Anna.
    let mut c = base.clone();
    let mut d2 = c.deal(&id("d2")).unwrap().clone();
    d2.owner_id = id("anna");
    c.update_deal(d2, later(15)).unwrap();

    let orders = [
        merge(&merge(&a, &b).workspace, &c).workspace,
        merge(&a, &merge(&b, &c).workspace).workspace,
        merge(&merge(&c, &a).workspace, &b).workspace,
        merge(&c, &merge(&a, &b).workspace).workspace,
    ];
    for ws in &orders {
        assert_sound(ws);
        assert_eq!(ws.deal(&id("d2")).unwrap().owner_id, id("anna"));
        assert!(ws.member(&id("olga")).is_none(), "{:?}", ws.members);
    }
}

/// A replace stamps the records it keeps with other contents as changed `now`. When the
/// incoming file came from a clock running ahead, its copy may already carry later stamps (and a
/// deletion it outlived): stamping from the current copy alone moved the record's time back,
/// below that deletion, so the replaced data held a record its own tombstone covered and the
/// next merge with the tab still holding the old data deleted it.
#[test]
fn a_replace_never_moves_a_record_back_in_time() {
    let current = base_with_orders();
    // The file: o1 was removed on one device two days ahead, and changed after that on another.
    let mut removed = current.clone();
    removed
        .remove_order(&id("o1"), fixtures::d0(), later(2 * 24 * 60 - 10))
        .unwrap();
    let mut changed = current.clone();
    let mut o1 = changed.orders[0].clone();
    o1.date = d(2025, 12, 23);
    changed
        .update_order(o1, fixtures::d0(), later(2 * 24 * 60))
        .unwrap();
    let incoming = merge(&removed, &changed).workspace;
    let o1 = |ws: &Workspace| ws.orders.iter().find(|o| o.id == id("o1")).cloned();
    assert_eq!(o1(&incoming).unwrap().date, d(2025, 12, 23));

    let replaced = replace(&current, &incoming, later(100));
    assert!(o1(&replaced).unwrap().updated_at >= o1(&incoming).unwrap().updated_at);
    for out in [merge(&current, &replaced), merge(&replaced, &current)] {
        assert_eq!(o1(&out.workspace).map(|o| o.date), Some(d(2025, 12, 23)));
    }
}
