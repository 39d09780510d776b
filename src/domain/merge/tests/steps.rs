//! The merge in steps gives exactly what the one-pass merge gives, whatever the step size.

use super::*;
use crate::domain::activities::{Activity, ActivityKind};
use crate::domain::deal_flow::{StageChange, StageChangeKind};
use crate::testkit::bench_dashboard::{bench_now, bench_today, enrich};
use crate::testkit::synth_workspace::{add_transfers, synth_workspace};
use chrono::Duration;

/// A generated team workspace (clients with deals, orders, stage history, plans, transfers).
fn generated() -> Workspace {
    let mut ws = synth_workspace(11, 60, 2_500, bench_today());
    add_transfers(&mut ws, 8, bench_today(), bench_now());
    enrich(&mut ws, bench_now());
    ws
}

/// A stage history entry and an activity made on one side only (the append-only kinds).
fn log_on(ws: &mut Workspace, tag: &str, minutes: i64) {
    let (deal, client) = (ws.deals[3].clone(), ws.clients[3].id.clone());
    let at = bench_now() + Duration::minutes(minutes);
    ws.stage_history.push(StageChange {
        id: Id::from_raw(format!("{tag}-move")),
        deal_id: deal.id.clone(),
        kind: StageChangeKind::Moved,
        from: None,
        to: deal.stage_id.clone(),
        at,
        by: None,
        restored_at: None,
    });
    ws.activities.push(Activity {
        id: Id::from_raw(format!("{tag}-call")),
        kind: ActivityKind::Call,
        client_id: client,
        deal_id: Some(deal.id),
        date: bench_today(),
        time: None,
        author_id: None,
        outcome: String::new(),
        text: tag.to_owned(),
        task_id: None,
        created_at: at,
        restored_at: None,
    });
}

/// Two sides that went apart: edits of the same clients (conflicts), deletions on both sides
/// (tombstones, a client with its orders), a record changed after the other side deleted it,
/// new orders and log entries on both, a restore stamp on a never-edited entry.
fn two_sides() -> (Workspace, Workspace) {
    let base = generated();
    let (mut ours, mut theirs) = (base.clone(), base);
    let now = |m: i64| bench_now() + Duration::minutes(m);
    for (i, side) in [&mut ours, &mut theirs].into_iter().enumerate() {
        for k in 0..6 {
            let mut c = side.clients[k * 5].clone();
            c.notes = format!("side {i}, edit {k}");
            side.update_client(c, now(10 + i as i64 + k as i64 * 3))
                .unwrap();
        }
        let gone = side.clients[20 + i].id.clone();
        side.remove_client(&gone, now(40 + i as i64)).unwrap();
        let order = side.orders[100 + 7 * i].id.clone();
        side.remove_order(&order, bench_today(), now(50)).unwrap();
        let mut extra = side.orders[10].clone();
        extra.id = Id::from_raw(format!("new-order-{i}"));
        side.orders.push(extra);
        log_on(side, &format!("side{i}"), 60 + i as i64);
    }
    // Theirs deletes a client that ours changes later: it comes back.
    let back = ours.clients[30].id.clone();
    theirs.remove_client(&back, now(70)).unwrap();
    let mut c = ours.clients[30].clone();
    c.notes = "changed after their deletion".to_owned();
    ours.update_client(c, now(80)).unwrap();
    theirs.stage_history[0].restored_at = Some(now(90));
    (ours, theirs)
}

fn in_steps(ours: &Workspace, theirs: &Workspace, budget: usize) -> (MergeOutcome, usize) {
    let mut steps = MergeSteps::new(ours, theirs);
    let mut count = 1;
    while !steps.step(ours, theirs, budget) {
        count += 1;
        let (done, all) = steps.progress();
        assert!(done <= all);
    }
    (steps.finish(ours, theirs), count)
}

#[test]
fn a_merge_in_steps_of_any_size_is_the_one_pass_merge() {
    let (ours, theirs) = two_sides();
    for (a, b) in [(&ours, &theirs), (&theirs, &ours)] {
        let whole = merge(a, b);
        let report = &whole.report;
        assert!(!report.conflicts.is_empty(), "{report}");
        assert!(!report.resurrected.is_empty(), "{report}");
        assert!(report.tombstones_changed > 0, "{report}");
        assert!(report.counts(RecordKind::Order).added > 0, "{report}");
        assert!(report.counts(RecordKind::StageChange).added > 0, "{report}");
        assert!(report.counts(RecordKind::Activity).added > 0, "{report}");
        for budget in [1, 7, 1_000] {
            let (stepped, steps) = in_steps(a, b, budget);
            assert!(
                stepped == whole,
                "steps of {budget} differ from the one-pass merge"
            );
            if budget == 1_000 {
                assert!(steps > 8, "{steps} steps: orders go in several");
            }
        }
    }
}

#[test]
fn a_merge_in_steps_of_equal_or_empty_workspaces_is_the_one_pass_merge() {
    let ws = generated();
    let empty = Workspace::default();
    for (a, b) in [(&ws, &ws), (&ws, &empty), (&empty, &ws), (&empty, &empty)] {
        let (stepped, _) = in_steps(a, b, 7);
        assert!(stepped == merge(a, b));
    }
}
