//! Deletions, repairs and clocks: tombstones, records that outlive or follow a deletion, members
//! kept while in use, clocks running behind or ahead, and a replace.

use super::*;
use crate::domain::stage::StageKey;
use crate::domain::team::JobTitle;
use crate::testkit::fixtures::{client, deal, member, mover};

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
    adder.add_deal(d, &mover("h-new")).unwrap();
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
            // Its stage history goes with it too.
            Repair::Dropped {
                kind: RecordKind::StageChange,
                id: id("h-new"),
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
        .add_deal(
            deal("d-petr", "c2", "petr", StageKey::Lead, 1_000),
            &mover("a28"),
        )
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
    // The deal's history entry was removed with it.
    assert_eq!(report.counts(RecordKind::StageChange).removed, 1);
    assert_eq!(report.summary().changes(), 4);
    assert_eq!(
        report.to_string(),
        "added 1, updated 1, kept 20, removed 2; 0 conflict(s), 0 resurrected, 0 repair(s), \
         2 tombstone(s) changed"
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
    b.update_deal(d2, &mover("u25"), later(20)).unwrap();
    let b = merge(&b, &a).workspace;
    assert!(b.member(&id("olga")).is_some());
    // C, unaware of it all, gives the deal to Anna.
    let mut c = base.clone();
    let mut d2 = c.deal(&id("d2")).unwrap().clone();
    d2.owner_id = id("anna");
    c.update_deal(d2, &mover("u26"), later(15)).unwrap();

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
