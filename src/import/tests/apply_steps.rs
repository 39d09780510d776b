//! Writing an import in slices, and undoing it in slices, gives exactly what the one-pass way
//! gives (the workspace, what is kept for the undo, the first problem), whatever the size of the
//! slices; and until the last step the workspace is untouched, so «Отмена» changes nothing.

use super::steps::synthetic;
use super::*;
use crate::domain::dates::Timestamp;
use crate::domain::stamps::Fielded;
use crate::domain::{Workspace, WorkspaceError};
use apply::apply_at_once;
use chrono::NaiveDate;
use std::collections::HashSet;

/// The undo as it was written before it went in slices: on a whole copy of the workspace.
fn undo_on_a_copy(
    ws: &mut Workspace,
    applied: &Applied,
    today: NaiveDate,
    now: Timestamp,
) -> Result<(), WorkspaceError> {
    let mut work = ws.clone();
    let added: HashSet<&Id> = applied.orders_added.iter().collect();
    let gone: Vec<(Id, Timestamp)> = (work.orders.iter())
        .filter(|o| added.contains(&o.id))
        .map(|o| (o.id.clone(), o.latest_stamp()))
        .collect();
    work.orders.retain(|o| !added.contains(&o.id));
    for (id, latest) in gone {
        work.tombstone(id, now, latest);
    }
    work.put_orders(Vec::new(), applied.orders_before.clone(), today, now)?;
    for client in &applied.clients_before {
        work.update_client(client.clone(), now)?;
    }
    for id in &applied.clients_added {
        if work.client(id).is_some() {
            work.remove_client(id, now)?;
        }
    }
    for id in applied.products.iter().chain(&applied.groups) {
        let _ = work.remove_catalogue_item(id, now);
    }
    *ws = work;
    Ok(())
}

/// The plan of importing `bytes` as orders into `ws`.
fn plan_of(ws: &Workspace, bytes: &[u8]) -> Plan {
    let (_, rows) = read_file(bytes, None, None).unwrap();
    let table = find_table(rows).unwrap();
    let mapping = Mapping::guess(&table.headers, Target::Orders);
    preview(ws, &table, &mapping, &options(), &mut ids()).plan
}

/// `plan` written into `ws` `slice` orders a step; checks that nothing changes before the end.
fn apply_in_slices(
    ws: &mut Workspace,
    plan: &Plan,
    slice: usize,
) -> Result<Applied, WorkspaceError> {
    let before = ws.clone();
    let mut steps = ApplySteps::new(ws, plan);
    let mut last = steps.progress();
    while !steps.step(ws, plan, slice) {
        let now = steps.progress();
        assert!(now.0 > last.0 && now.0 <= now.1, "progress grows");
        last = now;
    }
    assert_eq!(steps.progress().0, steps.progress().1);
    assert_eq!(*ws, before, "nothing written before the last step");
    let expected = apply_at_once(&mut before.clone(), plan, d0(), later(61)).is_ok();
    if expected {
        assert!(
            steps.checks_passed(),
            "the copy is left out when all is well"
        );
    }
    steps.finish(ws, plan, d0(), later(61))
}

fn undo_in_slices(
    ws: &mut Workspace,
    applied: &Applied,
    slice: usize,
) -> Result<(), WorkspaceError> {
    let before = ws.clone();
    let mut steps = UndoSteps::new(applied);
    while !steps.step(ws, slice) {
        assert!(steps.progress(ws).0 <= steps.progress(ws).1);
    }
    assert_eq!(*ws, before, "nothing undone before the last step");
    steps.finish(ws, applied, d0(), later(62))
}

/// The second file: the first one's documents (one of them edited) and more.
fn later_file() -> Vec<u8> {
    let text = String::from_utf8(synthetic(450)).unwrap();
    let lines: Vec<String> = (text.lines())
        .map(|l| match l.contains(";ТД-4;") {
            true => format!("{};777,00", &l[..l.rfind(';').unwrap()]),
            false => l.to_owned(),
        })
        .collect();
    lines.join("\n").into_bytes()
}

#[test]
fn an_import_written_in_slices_is_the_one_pass_import() {
    let first = plan_of(&workspace(), &synthetic(300));
    assert!(first.new_orders.len() > 50 && !first.new_clients.is_empty());
    let mut reference = workspace();
    let did = apply_at_once(&mut reference, &first, d0(), later(61)).unwrap();
    let second = plan_of(&reference, &later_file());
    assert!(!second.changed_orders.is_empty() && !second.new_orders.is_empty());
    let mut reference_after = reference.clone();
    let did_after = apply_at_once(&mut reference_after, &second, d0(), later(61)).unwrap();
    assert!(!did_after.orders_before.is_empty());
    for slice in [1, 7, 1000] {
        let mut ws = workspace();
        assert_eq!(
            apply_in_slices(&mut ws, &first, slice),
            Ok(did.clone()),
            "{slice} a slice"
        );
        assert_eq!(ws, reference, "{slice} a slice");
        let again = apply_in_slices(&mut ws, &second, slice);
        assert_eq!(again, Ok(did_after.clone()), "edited, {slice} a slice");
        assert_eq!(ws, reference_after, "edited, {slice} a slice");
    }
    // And `apply`, the steps run at once.
    let mut ws = workspace();
    assert_eq!(apply(&mut ws, &first, d0(), later(61)), Ok(did));
    assert_eq!(ws, reference);
}

#[test]
fn a_plan_with_a_problem_stops_at_the_same_problem_in_slices() {
    let ws = workspace();
    let plan = plan_of(&ws, &synthetic(120));
    let mut stranger = plan.clone();
    stranger.new_orders[3].client_id = Id::from_raw("c404");
    let mut twice = plan.clone();
    twice.new_orders[5].id = twice.new_orders[2].id.clone();
    let mut taken = plan.clone();
    taken.new_orders[1].id = ws.clients[0].id.clone();
    let mut unnamed = plan.clone();
    unnamed.new_clients[0].name = " ".into();
    for bad in [stranger, twice, taken, unnamed] {
        let mut reference = ws.clone();
        let error = apply_at_once(&mut reference, &bad, d0(), later(61));
        assert!(error.is_err());
        for slice in [1, 7, 1000] {
            let mut stepped = ws.clone();
            assert_eq!(
                apply_in_slices(&mut stepped, &bad, slice),
                error,
                "{slice} a slice"
            );
            assert_eq!(stepped, ws, "nothing written");
        }
    }
}

#[test]
fn an_undo_in_slices_is_the_one_pass_undo() {
    let mut imported = workspace();
    let first = plan_of(&imported, &synthetic(300));
    apply(&mut imported, &first, d0(), later(61)).unwrap();
    let second = plan_of(&imported, &later_file());
    let did = apply(&mut imported, &second, d0(), later(65)).unwrap();
    let mut reference = imported.clone();
    undo_on_a_copy(&mut reference, &did, d0(), later(62)).unwrap();
    for slice in [1, 7, 1000] {
        let mut ws = imported.clone();
        undo_in_slices(&mut ws, &did, slice).unwrap();
        assert_eq!(ws, reference, "{slice} a slice");
    }
    let mut ws = imported.clone();
    undo(&mut ws, &did, d0(), later(62)).unwrap();
    assert_eq!(ws, reference);
}

#[test]
fn an_undo_that_is_refused_changes_nothing() {
    let mut imported = workspace();
    let first = plan_of(&imported, &synthetic(300));
    apply(&mut imported, &first, d0(), later(61)).unwrap();
    let second = plan_of(&imported, &later_file());
    let mut did = apply(&mut imported, &second, d0(), later(65)).unwrap();
    // A client the import changed, removed since by someone else: its old record cannot come back.
    let mut gone = imported.clients[0].clone();
    gone.id = Id::from_raw("c404");
    did.clients_before.push(gone);
    let mut reference = imported.clone();
    let error = undo_on_a_copy(&mut reference, &did, d0(), later(62));
    assert_eq!(error, Err(WorkspaceError::NotFound(Id::from_raw("c404"))));
    for slice in [1, 7, 1000] {
        let mut ws = imported.clone();
        assert_eq!(undo_in_slices(&mut ws, &did, slice), error);
        assert_eq!(ws, imported, "nothing undone");
    }
}
