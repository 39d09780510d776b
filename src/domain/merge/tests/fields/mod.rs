//! Property tests of the merge as an algebra, over every record kind and deletions.
//!
//! Three reps start from one workspace and change it through the workspace's own operations,
//! each with its own clock (one may run hours or days ahead, another behind; each rep's own
//! clock only moves forward), and now and then one pulls another's file (a merge). Every field
//! change an operation makes, and every record it removes, is logged with what the rep knew at
//! that moment (a vector clock of the operations it had merged in), so the checks have an oracle
//! that does not come from the merge itself. The three files must then merge:
//!
//! - commutatively, idempotently and associatively, compared on canonical forms (every list
//!   sorted by id, one tombstone per id);
//! - never losing a field change only one rep made, in any merge order;
//! - resolving a field several reps changed to the value with the later stamp, and listing a
//!   conflict for that field exactly when the two values were written without seeing each
//!   other;
//! - never bringing back a record its remover deleted after seeing every change made to it
//!   (unless something kept in the result still uses it);
//! - always into a workspace that passes `integrity_problems`;
//!
//! and a replace followed by a merge with a tab still holding the replaced data must keep the
//! replace: nothing it dropped comes back, no field it changed gets its old value back.
//!
//! Two failures have no small fix and are tolerated here, counted, and kept as ignored tests at
//! the end of this file: merge order may decide whether a change a deletion overrode comes back
//! with a record a later change revived (only records some rep deleted may then differ), and a
//! conflict goes unlisted when the winning side had changed the field again on top of a value
//! later than the loser's. A third is not checked: records a replace brought back are deleted
//! again by a merge with a tab still holding their deletion.
//!
//! No new dependency: the LCG of [`super::property`] drives everything, so every run sees the
//! same cases and a failure names its seed.

use super::property::Lcg;
use super::*;
use crate::domain::client::ClientStatus;
use crate::domain::inn::complete_inn;
use crate::domain::money::Money;
use crate::domain::orders::{Order, OrderLine, Product, ProductGroup};
use crate::domain::qualification::Template;
use crate::domain::stage::StageKey;
use crate::domain::stamps::{FieldStamp, Fielded};
use crate::domain::team::{JobTitle, Role};
use crate::domain::workspace::transfer::TransferRequest;
use crate::testkit::fixtures::{client, deal, member};
use chrono::{NaiveDate, TimeDelta};
use std::collections::{HashMap, HashSet};

mod checks;
mod diff;
mod ops;
mod sim;
mod sync_apply;

use checks::*;
use diff::*;
use ops::*;
use sim::*;

/// What the three reps start from: [`base_with_orders`] with a second order of `c1`, so that
/// the default transfer rule («after the 2nd order») lets a client through from the start.
fn start() -> Workspace {
    let mut ws = base_with_orders();
    ws.orders.push(order("o3", "c1", d(2025, 12, 1), 500));
    ws
}

/// One case: the three reps' edits and pulls, then every check.
fn run_case(seed: u64, base: &Workspace, seen: &mut Seen) {
    let mut sim = Sim::new(seed, base);
    let rounds = 1 + sim.rng.below(3);
    for _ in 0..rounds {
        for _ in 0..3 + sim.rng.below(10) {
            let r = sim.rng.below(REPS);
            sim.edit(r);
            seen.operations += 1;
        }
        // Now and then a rep pulls another's file and goes on from there.
        if sim.rng.below(3) > 0 {
            let r = sim.rng.below(REPS);
            let s = (r + 1 + sim.rng.below(REPS - 1)) % REPS;
            sim.pull(r, s);
            seen.merges += 1;
        }
    }
    check(&mut sim, seen);
    seen.cases += 1;
}

/// How many cases the test runs, on two threads (the cases are independent).
const CASES: u64 = 2_000;

#[test]
fn three_reps_files_merge_as_an_algebra() {
    let started = std::time::Instant::now();
    let base = start();
    // FIELDS_SEED=n runs one case (with FIELDS_FULL_LOG=1 failures show every operation).
    let only: Option<u64> = std::env::var("FIELDS_SEED")
        .ok()
        .and_then(|s| s.parse().ok());
    let seeds = only.map_or(0..CASES, |s| s..s + 1);
    let seen = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..2)
            .map(|worker| {
                let (seeds, base) = (seeds.clone(), &base);
                scope.spawn(move || {
                    let mut seen = Seen::default();
                    for seed in seeds.filter(|s| s % 2 == worker) {
                        run_case(seed, base, &mut seen);
                    }
                    seen
                })
            })
            .collect();
        let mut total = Seen::default();
        for worker in workers {
            match worker.join() {
                Ok(seen) => total.add(&seen),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        total
    });
    eprintln!(
        "merge algebra: {} cases in {:.1?}: {seen:?}",
        seen.cases,
        started.elapsed()
    );
    if only.is_some() {
        return;
    }
    // The edits must have reached every rule, or the checks above prove little.
    assert!(
        seen.one_sided_fields > 0 && seen.contested_fields > 0,
        "{seen:?}"
    );
    assert!(seen.conflicts > 0 && seen.removals_checked > 0, "{seen:?}");
    assert!(
        seen.replaced_dropped > 0 && seen.replaced_changed > 0,
        "{seen:?}"
    );
    assert!(seen.resurrected > 0 && seen.repairs > 0, "{seen:?}");
}

// Failing cases the property test found that have no small fix, kept as ignored tests: the
// property test tolerates the first two and counts them; it does not check the third.

/// Merge order matters for a change that a deletion overrode when a later change brings the
/// record back. Rep 1 changes c3's e-mail at 5; rep 0, unaware, deletes c3 at 10; rep 2, unaware
/// of both, renames c3 at 20, so c3 survives the deletion. Merged as (0 1) 2, rep 1's copy meets
/// the deletion alone and goes (the deletion is later than its change), so the result has no
/// e-mail; merged as 0 (1 2), reps 1 and 2 first combine their copies field by field, the
/// combined copy outlives the deletion (it changed at 20) and keeps the e-mail. The same happens
/// with a deal changed after its client's deletion when a third rep's change brings the client
/// back: (deleter + deal's editor) drops the deal as an orphan for good, the other order keeps
/// it. Both results are sound and follow the documented rules; making them equal needs a merge
/// that remembers the dropped copy (or per-field deletion times), not a small fix.
#[test]
#[ignore = "known: merge order decides whether a change overridden by a deletion returns with a record a later change revived"]
fn a_change_a_deletion_overrode_returns_or_not_depending_on_the_merge_order() {
    let base = small_workspace();
    let c3 = id("c3");
    let mut r0 = base.clone();
    let mut r1 = base.clone();
    let mut r2 = base.clone();
    let mut edited = r1.client(&c3).unwrap().clone();
    edited.contact.email = "orlov@example.ru".into();
    r1.update_client(edited, later(5)).unwrap();
    r0.remove_client(&c3, later(10)).unwrap();
    let mut edited = r2.client(&c3).unwrap().clone();
    edited.name = "ИП Орлов А. В.".into();
    r2.update_client(edited, later(20)).unwrap();

    let left = merge(&merge(&r0, &r1).workspace, &r2).workspace;
    let right = merge(&r0, &merge(&r1, &r2).workspace).workspace;
    assert_eq!(
        left.client(&c3).map(|c| &c.contact.email),
        right.client(&c3).map(|c| &c.contact.email)
    );
    assert_eq!(canonical(&left), canonical(&right));
}

/// A conflict goes unreported when the winning side changed the field twice. Rep Y sets c1's
/// notes at 10; rep X, never having seen that, sets them at 20 and again at 30. Neither value was
/// written knowing the other, yet merging X and Y lists no conflict: X's value at 30 replaced
/// X's own value at 20, which is later than Y's, and a stamp only remembers the time of the value
/// it replaced (`winner.prev >= loser.at` reads as "written on top of the loser or something
/// later"). Y's change is dropped silently. Telling the two apart needs to know where the
/// replaced value came from (a version vector per field, or a mark on values not yet synced),
/// which the stored format does not keep.
#[test]
#[ignore = "known: a second change on the winning side hides a concurrent change from the report"]
fn the_report_misses_a_conflict_hidden_behind_a_later_change() {
    let base = small_workspace();
    let mut y = base.clone();
    edit_client(&mut y, "c1", "перезвонить в понедельник", 10);
    let mut x = base.clone();
    edit_client(&mut x, "c1", "ждут КП", 20);
    edit_client(&mut x, "c1", "ждут КП до пятницы", 30);
    for out in [merge(&x, &y), merge(&y, &x)] {
        assert_eq!(
            out.workspace.client(&id("c1")).unwrap().notes,
            "ждут КП до пятницы"
        );
        let fields: Vec<_> = out.report.conflicts.iter().map(|c| c.field).collect();
        assert_eq!(fields, [Some("notes")]);
    }
}

/// A replace that brings back records the current data had deleted (a restore of an older copy,
/// an import of a file that still holds them) must not be undone by the next merge with a tab
/// still holding the current data and its tombstones. `replace` stamps such records as changed
/// after their deletion (assessments and transfer records, which are never edited, get a
/// `restored_at`), so the other tab's tombstones no longer remove them. Found while checking the
/// replace property above; fixed in `replace.rs`.
#[test]
fn a_restore_of_deleted_records_is_not_undone_by_a_tab_still_holding_the_deletion() {
    let backup = small_workspace();
    let mut current = backup.clone();
    current.remove_client(&id("c3"), later(10)).unwrap();
    let restored = replace(&current, &backup, later(20));
    assert!(restored.client(&id("c3")).is_some());
    for out in [merge(&current, &restored), merge(&restored, &current)] {
        assert!(out.workspace.client(&id("c3")).is_some());
    }
}
