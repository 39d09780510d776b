//! Tests of the merge: the two-tab and snapshot scenarios one by one, then property tests over
//! random edit sequences (two tabs; three reps with their own clocks).

mod deletions;
mod fields;
mod orders;
mod property;
mod scenarios;
mod steps;

use super::*;
use crate::domain::dates::Timestamp;
use crate::domain::qualification::Assessment;
use crate::domain::workspace::Tombstone;
use crate::testkit::fixtures;
use crate::testkit::fixtures::{later, small_workspace};
use crate::testkit::order_data::{catalog, d, order};

/// An assessment of `deal` by Ivan, every criterion at level 2, made `minutes` after `t0`.
fn assessment(id: &str, deal: &str, minutes: i64) -> Assessment {
    fixtures::assessment(id, deal, [2; 4], minutes)
}

/// The fixtures' small workspace with one assessment of `d1`: the state both tabs start from.
fn base() -> Workspace {
    let mut ws = small_workspace();
    ws.add_assessment(assessment("a1", "d1", 1)).unwrap();
    ws
}

/// [`base`] with the test catalogue (groups `g-pack`, `g-chem`, `g-paper`; products `p-box`,
/// `p-tape`, `p-soap`, `p-a4`) and two orders of boxes: `o1` by `c1`, `o2` by `c2`.
fn base_with_orders() -> Workspace {
    let mut ws = base();
    (ws.product_groups, ws.products) = catalog();
    ws.orders = vec![
        order("o1", "c1", d(2026, 1, 10), 1_000),
        order("o2", "c2", d(2026, 1, 12), 2_000),
    ];
    assert_sound(&ws);
    ws
}

/// Removes a catalogue or order record by hand (the workspace has no operation for it yet),
/// leaving a tombstone as the workspace's own removals do.
fn remove_by_hand(ws: &mut Workspace, raw: &str, minutes: i64) {
    ws.product_groups.retain(|g| g.id.as_str() != raw);
    ws.products.retain(|p| p.id.as_str() != raw);
    ws.orders.retain(|o| o.id.as_str() != raw);
    ws.removed.push(tombstone(raw, minutes));
}

fn id(raw: &str) -> Id {
    Id::from_raw(raw)
}

/// Changes a client's notes at `minutes`.
fn edit_client(ws: &mut Workspace, client: &str, notes: &str, minutes: i64) {
    let mut c = ws.client(&id(client)).unwrap().clone();
    c.notes = notes.to_owned();
    ws.update_client(c, later(minutes)).unwrap();
}

/// The workspace with every list sorted by id: equal content compares equal whatever the order.
fn canonical(ws: &Workspace) -> Workspace {
    let mut ws = ws.clone();
    ws.members.sort_by(|a, b| a.id.cmp(&b.id));
    ws.clients.sort_by(|a, b| a.id.cmp(&b.id));
    ws.deals.sort_by(|a, b| a.id.cmp(&b.id));
    ws.stages.sort_by(|a, b| a.id.cmp(&b.id));
    ws.assessments.sort_by(|a, b| a.id.cmp(&b.id));
    ws.product_groups.sort_by(|a, b| a.id.cmp(&b.id));
    ws.products.sort_by(|a, b| a.id.cmp(&b.id));
    ws.orders.sort_by(|a, b| a.id.cmp(&b.id));
    ws.removed.sort_by(|a, b| a.id.cmp(&b.id));
    ws.transfers.sort_by(|a, b| a.id.cmp(&b.id));
    ws.stage_history.sort_by(|a, b| a.id.cmp(&b.id));
    ws
}

/// `ws` with its tombstones folded to one per id (the latest), as a merge stores them.
fn folded(ws: &Workspace) -> Workspace {
    let mut out = ws.clone();
    out.removed = Vec::new();
    for t in &ws.removed {
        match out.removed.iter_mut().find(|k| k.id == t.id) {
            Some(k) => k.removed_at = k.removed_at.max(t.removed_at),
            None => out.removed.push(t.clone()),
        }
    }
    out
}

fn removed_at(ws: &Workspace, raw: &str) -> Option<Timestamp> {
    ws.removed
        .iter()
        .find(|t| t.id.as_str() == raw)
        .map(|t| t.removed_at)
}

fn tombstone(raw: &str, minutes: i64) -> Tombstone {
    Tombstone {
        id: id(raw),
        removed_at: later(minutes),
    }
}

fn assert_sound(ws: &Workspace) {
    assert_eq!(ws.integrity_problems(), Vec::new(), "{ws:#?}");
}
