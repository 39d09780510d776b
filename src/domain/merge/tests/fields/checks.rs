//! The properties every case is held to, once the three reps are done.

use super::*;

/// The canonical form: every list sorted by id, one tombstone per id.
pub(super) fn canon(ws: &Workspace) -> Workspace {
    canonical(&folded(ws))
}

/// How often the interesting cases came up, so the test can show it exercised them.
#[derive(Default, Debug)]
pub(super) struct Seen {
    pub(super) cases: usize,
    pub(super) operations: usize,
    pub(super) merges: usize,
    pub(super) one_sided_fields: usize,
    pub(super) contested_fields: usize,
    pub(super) conflicts: usize,
    /// Concurrent changes merged without a conflict, because the winner was written on top of a
    /// value later than the loser (see `the_report_misses_a_conflict_hidden_behind_a_later_change`).
    pub(super) hidden_conflicts: usize,
    pub(super) removals_checked: usize,
    pub(super) overridden_by_removal: usize,
    /// Three-way merges whose result depended on the order (deleted records only).
    pub(super) order_mattered: usize,
    pub(super) replaced_dropped: usize,
    pub(super) replaced_changed: usize,
    pub(super) resurrected: usize,
    pub(super) repairs: usize,
}

impl Seen {
    pub(super) fn add(&mut self, other: &Seen) {
        let Seen {
            cases,
            operations,
            merges,
            one_sided_fields,
            contested_fields,
            conflicts,
            hidden_conflicts,
            removals_checked,
            overridden_by_removal,
            order_mattered,
            replaced_dropped,
            replaced_changed,
            resurrected,
            repairs,
        } = other;
        self.cases += cases;
        self.operations += operations;
        self.merges += merges;
        self.one_sided_fields += one_sided_fields;
        self.contested_fields += contested_fields;
        self.conflicts += conflicts;
        self.hidden_conflicts += hidden_conflicts;
        self.removals_checked += removals_checked;
        self.overridden_by_removal += overridden_by_removal;
        self.order_mattered += order_mattered;
        self.replaced_dropped += replaced_dropped;
        self.replaced_changed += replaced_changed;
        self.resurrected += resurrected;
        self.repairs += repairs;
    }
}

/// `merge`, counted.
pub(super) fn merged(seen: &mut Seen, ours: &Workspace, theirs: &Workspace) -> MergeOutcome {
    seen.merges += 1;
    let out = merge(ours, theirs);
    seen.resurrected += out.report.resurrected.len();
    seen.repairs += out.report.repairs.len();
    out
}

/// Every property of one case, once the three reps are done: on the reps taken in a random
/// order `x`, `y`, `z` (a merge costs about half a millisecond in a debug build, so each case
/// checks one pair and one grouping; the cases between them meet every order).
pub(super) fn check(sim: &mut Sim, seen: &mut Seen) {
    let seed = sim.seed;
    let x = sim.rng.below(REPS);
    let y = (x + 1 + sim.rng.below(REPS - 1)) % REPS;
    let z = REPS - x - y;
    let reps: Vec<&Workspace> = sim.reps.iter().map(|r| &r.ws).collect();
    let (a, b, c) = (reps[x], reps[y], reps[z]);

    let ab = merged(seen, a, b);
    let ba = merged(seen, b, a);
    assert_eq!(
        ab.workspace.integrity_problems(),
        [],
        "seed {seed}: merge({x}, {y})"
    );
    assert_eq!(
        ba.workspace.integrity_problems(),
        [],
        "seed {seed}: merge({y}, {x})"
    );
    let m = canon(&ab.workspace);
    assert_eq!(
        m,
        canon(&ba.workspace),
        "seed {seed}: merge({x}, {y}) = merge({y}, {x})"
    );
    check_pair(sim, seen, (x, y), &ab);
    check_pair(sim, seen, (y, x), &ba);

    // Idempotent.
    let aa = merged(seen, a, a).workspace;
    assert_eq!(canon(&aa), canon(a), "seed {seed}: merge({x}, {x}) = {x}");
    let abb = merged(seen, &ab.workspace, b).workspace;
    let text = "merge(merge({x}, {y}), {y}) = merge({x}, {y})";
    assert_eq!(canon(&abb), m, "seed {seed}: {text}");

    // Associative.
    let left = merged(seen, &ab.workspace, c).workspace;
    let bc = merged(seen, b, c).workspace;
    let right = merged(seen, a, &bc).workspace;
    let orders = [
        (format!("({x}{y}){z}"), left),
        (format!("{x}({y}{z})"), right),
    ];
    for (name, m) in &orders {
        assert_eq!(m.integrity_problems(), [], "seed {seed}: {name}");
        check_fields(sim, seen, m, name);
        check_removals(sim, seen, m, name);
    }
    let (left, right) = (canon(&orders[0].1), canon(&orders[1].1));
    if left != right {
        let deleted = deleted_ids(&left, &right);
        let differ = differences(&left, &right);
        // The one known way merge order matters: see
        // `a_change_a_deletion_overrode_returns_or_not_depending_on_the_merge_order`.
        let known = differ.iter().all(|(_, id)| deleted.contains(id));
        assert!(
            known,
            "seed {seed}: {} != {}: {differ:?}\n{}",
            orders[0].0,
            orders[1].0,
            sim.history(&differ[0])
        );
        seen.order_mattered += 1;
    }
    check_replace(sim, seen, x, y);
}

/// The ids some tombstone of either workspace names.
pub(super) fn deleted_ids(a: &Workspace, b: &Workspace) -> HashSet<Id> {
    a.removed
        .iter()
        .chain(&b.removed)
        .map(|t| t.id.clone())
        .collect()
}

/// The records that differ between two workspaces (present in one only, or different), and
/// tombstones that differ (as `RecordKind::Stage`, which is never deleted).
pub(super) fn differences(a: &Workspace, b: &Workspace) -> Vec<Key> {
    pub(super) fn by_id<T: Record + std::fmt::Debug>(
        kind: RecordKind,
        a: &[T],
        b: &[T],
        out: &mut Vec<Key>,
    ) {
        let text = |list: &[T]| -> HashMap<Id, String> {
            list.iter()
                .map(|r| (r.id().clone(), format!("{r:?}")))
                .collect()
        };
        let (a, b) = (text(a), text(b));
        let ids: HashSet<&Id> = a.keys().chain(b.keys()).collect();
        for id in ids {
            if a.get(id) != b.get(id) {
                out.push((kind, id.clone()));
            }
        }
    }
    let mut out = Vec::new();
    by_id(RecordKind::Member, &a.members, &b.members, &mut out);
    by_id(RecordKind::Client, &a.clients, &b.clients, &mut out);
    by_id(RecordKind::Deal, &a.deals, &b.deals, &mut out);
    by_id(
        RecordKind::Assessment,
        &a.assessments,
        &b.assessments,
        &mut out,
    );
    by_id(
        RecordKind::ProductGroup,
        &a.product_groups,
        &b.product_groups,
        &mut out,
    );
    by_id(RecordKind::Product, &a.products, &b.products, &mut out);
    by_id(RecordKind::Order, &a.orders, &b.orders, &mut out);
    by_id(RecordKind::Transfer, &a.transfers, &b.transfers, &mut out);
    let tombstones = |ws: &Workspace| -> HashMap<Id, Timestamp> {
        ws.removed
            .iter()
            .map(|t| (t.id.clone(), t.removed_at))
            .collect()
    };
    let (ta, tb) = (tombstones(a), tombstones(b));
    for id in ta.keys().chain(tb.keys()) {
        if ta.get(id) != tb.get(id) {
            out.push((RecordKind::Stage, id.clone()));
        }
    }
    if a.scoring_model != b.scoring_model || a.transfer_policy != b.transfer_policy {
        out.push((RecordKind::ScoringModel, Id::from_raw(SCORING_MODEL_ID)));
    }
    out.sort();
    out.dedup();
    out
}

/// In a merged result of all three: a field only one rep changed holds that rep's last value;
/// a field several reps changed holds the value with the later stamp.
///
/// Changes a deletion of their record overrode (the record's tombstone is at least as late)
/// are left out: the record is back only because a change was made after the deletion, and by
/// the documented rule it comes back as that change left it, which need not hold them (how much
/// of them it holds may even depend on the merge order, see
/// `a_change_a_deletion_overrode_returns_or_not_depending_on_the_merge_order`).
pub(super) fn check_fields(sim: &Sim, seen: &mut Seen, m: &Workspace, order: &str) {
    let seed = sim.seed;
    let removed: HashMap<&Id, Timestamp> =
        m.removed.iter().map(|t| (&t.id, t.removed_at)).collect();
    for (key, changes) in &sim.changes {
        let Some((value, _)) = field_in(m, key) else {
            continue; // the record is gone
        };
        let live: Vec<&Change> = match removed.get(&key.1) {
            Some(at) => changes.iter().filter(|c| c.stamp.at > *at).collect(),
            None => changes.iter().collect(),
        };
        seen.overridden_by_removal += changes.len() - live.len();
        let reps: HashSet<usize> = changes.iter().map(|c| c.rep).collect();
        if live.is_empty() {
            continue;
        }
        let history = || sim.history(&(key.0, key.1.clone()));
        if reps.len() == 1 {
            seen.one_sided_fields += 1;
            let last = live.iter().max_by_key(|c| c.seq).unwrap();
            assert_eq!(
                value,
                last.value,
                "seed {seed}: {key:?}: only rep {} changed it, in {order}\n{}",
                last.rep,
                history()
            );
        } else {
            seen.contested_fields += 1;
            let expected = live
                .iter()
                .map(|c| (c.stamp.at, c.value.as_str()))
                .max()
                .unwrap()
                .1;
            assert_eq!(
                value,
                expected,
                "seed {seed}: {key:?} in {order}\n{}",
                history()
            );
        }
    }
}

/// One pairwise merge: each field both sides hold with different values takes the later stamp,
/// and the report lists a conflict for it exactly when the two values were written without
/// seeing each other (unless the winner was written on top of a value still later than the
/// loser: see `hidden_conflicts`).
pub(super) fn check_pair(sim: &Sim, seen: &mut Seen, (x, y): (usize, usize), out: &MergeOutcome) {
    let seed = sim.seed;
    let listed: HashSet<FieldKey> = out
        .report
        .conflicts
        .iter()
        .filter_map(|c| c.field.map(|f| (c.kind, c.id.clone(), f)))
        .collect();
    for c in &out.report.conflicts {
        assert!(
            c.field.is_some()
                || matches!(
                    c.kind,
                    RecordKind::ScoringModel | RecordKind::TransferPolicy
                ),
            "seed {seed}: a whole-record conflict: {c:?}"
        );
    }
    let mut concurrent_keys = HashSet::new();
    for (key, ours, theirs) in different_fields(&sim.reps[x].ws, &sim.reps[y].ws) {
        let winner = later_of((&ours.0, ours.1), (&theirs.0, theirs.1)).to_owned();
        if let Some((kept, _)) = field_in(&out.workspace, &key) {
            assert_eq!(kept, winner, "seed {seed}: {key:?} in merge({x}, {y})");
        }
        let (w, l) = if winner == ours.0 {
            (ours, theirs)
        } else {
            (theirs, ours)
        };
        let (cw, cl) = (
            sim.change_behind(&key, &w.0, w.1),
            sim.change_behind(&key, &l.0, l.1),
        );
        // The value a record was created with was seen by every change of it.
        let saw = |a: Option<&Change>, b: Option<&Change>| match (a, b) {
            (_, None) => true,
            (None, Some(_)) => false,
            (Some(a), Some(b)) => a.saw(b),
        };
        let concurrent = !saw(cw, cl) && !saw(cl, cw);
        if listed.contains(&key) {
            seen.conflicts += 1;
            assert!(
                concurrent,
                "seed {seed}: {key:?}: conflict listed, but one saw the other: {cw:?} {cl:?}"
            );
        } else if concurrent {
            // Not listed: only right when the winner was written on top of a value of this
            // field at least as late as the loser (see
            // `the_report_misses_a_conflict_hidden_behind_a_later_change`).
            let hidden = cw.is_some_and(|w| {
                sim.changes[&key]
                    .iter()
                    .any(|e| w.saw(e) && e.stamp.at >= l.1.at)
            });
            assert!(
                hidden,
                "seed {seed}: {key:?}: no conflict listed in merge({x}, {y}), \
                 though neither saw the other: {cw:?} {cl:?}"
            );
            seen.hidden_conflicts += 1;
        }
        if concurrent {
            concurrent_keys.insert(key);
        }
    }
    for key in &listed {
        assert!(
            concurrent_keys.contains(key),
            "seed {seed}: conflict {key:?} listed in merge({x}, {y}) for no two values"
        );
    }
}

/// A record removed by a rep that had seen every change made to it stays removed, unless it is
/// a member, product or group something in the result still uses.
pub(super) fn check_removals(sim: &Sim, seen: &mut Seen, m: &Workspace, order: &str) {
    let present = records(m);
    let used = in_use(m);
    for removal in &sim.removals {
        let key = (removal.kind, removal.id.clone());
        let unseen = sim.changes.iter().any(|((kind, id, _), changes)| {
            *kind == removal.kind
                && *id == removal.id
                && changes
                    .iter()
                    .any(|c| c.rep != removal.rep && removal.seen[c.rep] < c.seq)
        });
        if unseen || used.contains(&key) {
            continue;
        }
        seen.removals_checked += 1;
        assert!(
            !present.contains(&key),
            "seed {}: {key:?} removed by rep {} came back in {order}\n{removal:?}\n{}\n{m:#?}",
            sim.seed,
            removal.rep,
            sim.history(&key),
        );
    }
}

/// Rep `x` replaces its data by rep `y`'s file; a tab still holding `x`'s old data then merges
/// with the result, both ways: nothing the replace dropped comes back, no field it changed gets
/// its old value back.
pub(super) fn check_replace(sim: &Sim, seen: &mut Seen, x: usize, y: usize) {
    let seed = sim.seed;
    let now = sim.clock(x) + TimeDelta::minutes(1);
    let (current, incoming) = (&sim.reps[x].ws, &sim.reps[y].ws);
    let replaced = replace(current, incoming, now);
    assert_eq!(replaced.integrity_problems(), [], "seed {seed}");
    let dropped: Vec<Key> = records(current)
        .difference(&records(incoming))
        .cloned()
        .collect();
    let changed = different_fields(current, incoming);
    seen.replaced_dropped += dropped.len();
    seen.replaced_changed += changed.len();
    // The other tab merges the stored result in, and the result the other tab's data.
    for (ours, theirs) in [(current, &replaced), (&replaced, current)] {
        let out = merged(seen, ours, theirs).workspace;
        assert_eq!(out.integrity_problems(), [], "seed {seed}");
        let present = records(&out);
        for key in &dropped {
            assert!(!present.contains(key), "seed {seed}: {key:?} came back");
        }
        for (key, _, (value, _)) in &changed {
            let tombstones = |ws: &Workspace| -> Vec<Tombstone> {
                ws.removed
                    .iter()
                    .filter(|t| t.id == key.1)
                    .cloned()
                    .collect()
            };
            assert_eq!(
                field_in(&out, key).map(|(v, _)| v).as_ref(),
                Some(value),
                "seed {seed}: {key:?} after a replace; tombstones: current {:?}, incoming {:?}, \
                 replaced {:?}\n{}",
                tombstones(current),
                tombstones(incoming),
                tombstones(&replaced),
                sim.history(&(key.0, key.1.clone()))
            );
        }
    }
}
