//! Property test: random edit sequences in two tabs, merged back and forth, must always give a
//! sound workspace, and the merge must be commutative on content and idempotent.
//!
//! No new dependency: a small LCG drives the edits, so every run sees the same cases and a
//! failure names its seed.

use super::*;
use crate::domain::money::Money;
use crate::domain::orders::{Order, OrderLine, Product, ProductGroup};
use crate::domain::qualification::{MinCriteriaRule, Template};
use crate::domain::stage::StageKey;
use crate::domain::team::JobTitle;
use crate::testkit::fixtures::{client, deal, member, mover};

/// Knuth's MMIX linear congruential generator.
pub(super) struct Lcg(pub(super) u64);

impl Lcg {
    pub(super) fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        // The high bits of an LCG are the random ones.
        self.0 >> 33
    }

    pub(super) fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub(super) fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        (!items.is_empty()).then(|| &items[self.below(items.len())])
    }
}

/// What the edits share across both tabs: one clock (so no two edits share a timestamp, the
/// case where ties make "ours wins" order-dependent) and one id counter.
struct World {
    rng: Lcg,
    minute: i64,
    next_id: u32,
}

impl World {
    fn now(&mut self) -> Timestamp {
        self.minute += 1;
        later(self.minute)
    }

    fn fresh(&mut self, prefix: &str) -> String {
        self.next_id += 1;
        format!("{prefix}-{}", self.next_id)
    }
}

fn random_member(w: &mut World, ws: &Workspace) -> Option<Id> {
    w.rng.pick(&ws.members).map(|m| m.id.clone())
}

fn random_client(w: &mut World, ws: &Workspace) -> Option<Id> {
    w.rng.pick(&ws.clients).map(|c| c.id.clone())
}

fn random_deal(w: &mut World, ws: &Workspace) -> Option<Id> {
    w.rng.pick(&ws.deals).map(|d| d.id.clone())
}

/// One random edit through the workspace's own operations, as the UI would make it. Refused
/// edits (e.g. removing a member who owns records, without a successor) are simply skipped.
fn random_edit(w: &mut World, ws: &mut Workspace) {
    let now = w.now();
    let choice = w.rng.below(22);
    if choice >= 13 {
        return catalogue_edit(w, ws, choice - 13, now);
    }
    let _ = match choice {
        0 => {
            let id = w.fresh("m");
            let mut m = member(&id, &format!("Сотрудник {id}"), JobTitle::SalesManager);
            m.created_at = now;
            m.updated_at = now;
            ws.add_member(m)
        }
        1 => random_member(w, ws).map_or(Ok(()), |id| {
            let mut m = ws.member(&id).unwrap().clone();
            m.name = format!("{} {}", m.name, w.minute);
            ws.update_member(m, now)
        }),
        2 => random_member(w, ws).map_or(Ok(()), |id| {
            let successor = random_member(w, ws).filter(|s| s != &id);
            ws.remove_member(&id, successor.as_ref(), now)
        }),
        3 => random_member(w, ws).map_or(Ok(()), |owner| {
            let id = w.fresh("c");
            let mut c = client(&id, &format!("ООО «{id}»"), owner.as_str());
            c.created_at = now;
            c.updated_at = now;
            ws.add_client(c)
        }),
        4 => random_client(w, ws).map_or(Ok(()), |id| {
            let mut c = ws.client(&id).unwrap().clone();
            c.notes = format!("заметка {}", w.minute);
            if let Some(owner) = random_member(w, ws) {
                c.owner_id = owner;
            }
            ws.update_client(c, now)
        }),
        5 => random_client(w, ws).map_or(Ok(()), |id| ws.remove_client(&id, now).map(drop)),
        6 | 7 => {
            let (Some(c), Some(owner)) = (random_client(w, ws), random_member(w, ws)) else {
                return;
            };
            let id = w.fresh("d");
            let stage = StageKey::DEFAULT_PIPELINE[w.rng.below(7)];
            let mut d = deal(&id, c.as_str(), owner.as_str(), stage, 1_000);
            d.created_at = now;
            d.updated_at = now;
            ws.add_deal(d, &mover(&w.fresh("h")))
        }
        8 => random_deal(w, ws).map_or(Ok(()), |id| {
            let stage = StageKey::DEFAULT_PIPELINE[w.rng.below(7)].default_id();
            ws.move_deal(&id, &stage, &mover(&w.fresh("h")), now)
                .map(drop)
        }),
        9 => random_deal(w, ws).map_or(Ok(()), |id| {
            let mut d = ws.deal(&id).unwrap().clone();
            d.amount = Money::from_rubles(w.rng.below(1_000_000) as i64);
            if let Some(owner) = random_member(w, ws) {
                d.owner_id = owner;
            }
            ws.update_deal(d, &mover(&w.fresh("h")), now)
        }),
        10 => random_deal(w, ws).map_or(Ok(()), |id| ws.remove_deal(&id, now)),
        11 => {
            let (Some(d), Some(by)) = (random_deal(w, ws), random_member(w, ws)) else {
                return;
            };
            let mut a = assessment(&w.fresh("a"), d.as_str(), 0);
            a.assessor_id = by;
            a.created_at = now;
            ws.add_assessment(a)
        }
        _ => {
            let template = [Template::Bant, Template::Anum, Template::Champ][w.rng.below(3)];
            let mut model = template.model();
            if w.rng.below(2) == 0 {
                model.min_criteria = Some(MinCriteriaRule::default());
            }
            ws.set_scoring_model(model, now)
        }
    };
}

/// Catalogue and order edits, made by hand as the workspace has no operations for them yet:
/// removals leave tombstones and are refused while something on this side still uses the
/// record, as a real operation would.
fn catalogue_edit(w: &mut World, ws: &mut Workspace, choice: usize, now: Timestamp) {
    let bury = |ws: &mut Workspace, id: Id| {
        ws.removed.push(Tombstone {
            id,
            removed_at: now,
        })
    };
    match choice {
        0 => {
            let id = Id::from_raw(w.fresh("g"));
            let name = format!("Группа {id}");
            ws.product_groups.push(ProductGroup {
                id,
                name,
                created_at: now,
                updated_at: now,
                stamps: Default::default(),
            });
        }
        1 => {
            let Some(i) =
                (!ws.product_groups.is_empty()).then(|| w.rng.below(ws.product_groups.len()))
            else {
                return;
            };
            let g = &mut ws.product_groups[i];
            g.name = format!("{} {now}", g.name);
            g.updated_at = now;
        }
        2 => {
            let Some(g) = w.rng.pick(&ws.product_groups).map(|g| g.id.clone()) else {
                return;
            };
            if ws.products.iter().all(|p| p.group_id != g) {
                ws.product_groups.retain(|x| x.id != g);
                bury(ws, g);
            }
        }
        3 => {
            let Some(group_id) = w.rng.pick(&ws.product_groups).map(|g| g.id.clone()) else {
                return;
            };
            let id = Id::from_raw(w.fresh("p"));
            let name = format!("Товар {id}");
            ws.products.push(Product {
                id,
                name,
                group_id,
                created_at: now,
                updated_at: now,
                stamps: Default::default(),
            });
        }
        4 => {
            let Some(i) = (!ws.products.is_empty()).then(|| w.rng.below(ws.products.len())) else {
                return;
            };
            let group = w.rng.pick(&ws.product_groups).map(|g| g.id.clone());
            let p = &mut ws.products[i];
            p.group_id = group.unwrap_or_else(|| p.group_id.clone());
            p.updated_at = now;
        }
        5 => {
            let Some(p) = w.rng.pick(&ws.products).map(|p| p.id.clone()) else {
                return;
            };
            if ws
                .orders
                .iter()
                .all(|o| o.lines.iter().all(|l| l.product_id != p))
            {
                ws.products.retain(|x| x.id != p);
                bury(ws, p);
            }
        }
        6 => {
            let (Some(client_id), false) = (random_client(w, ws), ws.products.is_empty()) else {
                return;
            };
            let lines = (0..1 + w.rng.below(2))
                .map(|_| OrderLine {
                    product_id: w.rng.pick(&ws.products).unwrap().id.clone(),
                    amount: Money::from_rubles(1 + w.rng.below(10_000) as i64),
                    quantity: crate::domain::quantity::Quantity::from_thousandths(
                        w.rng.below(3) as u64 * 1500,
                    ),
                })
                .collect();
            ws.orders.push(Order {
                id: Id::from_raw(w.fresh("o")),
                client_id,
                date: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
                lines,
                created_at: now,
                updated_at: now,
                stamps: Default::default(),
            });
        }
        7 => {
            let Some(i) = (!ws.orders.is_empty()).then(|| w.rng.below(ws.orders.len())) else {
                return;
            };
            let o = &mut ws.orders[i];
            o.lines[0].amount = Money::from_rubles(1 + w.minute);
            o.updated_at = now;
        }
        _ => {
            let Some(o) = w.rng.pick(&ws.orders).map(|o| o.id.clone()) else {
                return;
            };
            ws.orders.retain(|x| x.id != o);
            bury(ws, o);
        }
    }
}

/// How often the interesting cases came up, so the test can prove it exercised them.
#[derive(Default, Debug)]
struct Seen {
    conflicts: usize,
    resurrected: usize,
    kept_in_use: [usize; 3],
    orphans: usize,
    removed: usize,
}

impl Seen {
    fn note(&mut self, report: &MergeReport) {
        self.conflicts += report.conflicts.len();
        self.resurrected += report.resurrected.len();
        self.removed += report.summary().removed;
        for r in &report.repairs {
            match r {
                Repair::KeptInUse { kind, .. } => {
                    let at = [
                        RecordKind::Member,
                        RecordKind::Product,
                        RecordKind::ProductGroup,
                    ]
                    .iter()
                    .position(|k| k == kind)
                    .unwrap();
                    self.kept_in_use[at] += 1;
                }
                Repair::Dropped { .. } => self.orphans += 1,
            }
        }
    }
}

/// Everything that must hold for one pair of tabs.
fn check(seed: u64, a: &Workspace, b: &Workspace, seen: &mut Seen) -> (Workspace, Workspace) {
    let ab = merge(a, b);
    let ba = merge(b, a);
    seen.note(&ab.report);
    seen.note(&ba.report);
    for out in [&ab, &ba] {
        assert_eq!(out.workspace.integrity_problems(), [], "seed {seed}");
        // Sound inputs never need the last-resort repairs.
        for r in &out.report.repairs {
            if let Repair::Dropped { reason, .. } = r {
                assert!(
                    matches!(
                        reason,
                        DropReason::ClientMissing(_) | DropReason::DealMissing(_)
                    ),
                    "seed {seed}: {r:?}"
                );
            }
        }
        let ids: std::collections::HashSet<&Id> =
            out.workspace.removed.iter().map(|t| &t.id).collect();
        assert_eq!(ids.len(), out.workspace.removed.len(), "seed {seed}");
    }
    let m = &ab.workspace;
    assert_eq!(
        canonical(m),
        canonical(&ba.workspace),
        "seed {seed}: commutative"
    );

    let same = merge(m, m);
    assert_eq!(same.workspace, *m, "seed {seed}: merge(m, m) == m");
    assert!(same.report.is_noop(), "seed {seed}: {}", same.report);
    assert_eq!(
        merge(m, b).workspace,
        *m,
        "seed {seed}: merge(merge(a, b), b)"
    );
    assert_eq!(
        merge(m, a).workspace,
        *m,
        "seed {seed}: merge(merge(a, b), a)"
    );
    assert_eq!(
        canonical(&merge(b, m).workspace),
        canonical(m),
        "seed {seed}: merge(b, merge(a, b))"
    );

    for (ours, out) in [(a, &ab), (b, &ba)] {
        let again = merge(ours, ours);
        assert_eq!(again.workspace, folded(ours), "seed {seed}: merge(a, a)");
        if out.report.is_noop() {
            assert_eq!(out.workspace, *ours, "seed {seed}: a no-op changes nothing");
        }
        // Every record of ours is accounted for exactly once.
        let s = out.report.summary();
        let ours_records = ours.members.len()
            + ours.clients.len()
            + ours.deals.len()
            + ours.assessments.len()
            + ours.product_groups.len()
            + ours.products.len()
            + ours.orders.len()
            + ours.stages.len()
            + ours.transfers.len()
            + ours.stage_history.len()
            + 3; // the scoring model, the transfer policy and the pipeline settings
        assert_eq!(s.kept + s.updated + s.removed, ours_records, "seed {seed}");
    }
    (ab.workspace, ba.workspace)
}

#[test]
fn random_edits_in_two_tabs_always_merge_soundly() {
    let mut seen = Seen::default();
    for seed in 0..300u64 {
        let mut w = World {
            rng: Lcg(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1),
            minute: 10,
            next_id: 0,
        };
        let mut a = base_with_orders();
        let mut b = base_with_orders();
        for _round in 0..4 {
            let edits = 2 + w.rng.below(12);
            for _ in 0..edits {
                if w.rng.below(2) == 0 {
                    random_edit(&mut w, &mut a);
                } else {
                    random_edit(&mut w, &mut b);
                }
            }
            let (ab, ba) = check(seed, &a, &b, &mut seen);
            // Then the tabs sync: both, or only one of them (the other keeps working on its
            // own copy and meets the merged one in the next round).
            match w.rng.below(3) {
                0 => (a, b) = (ab, ba),
                1 => a = ab,
                _ => b = ba,
            }
        }
    }
    // The edits must have reached every rule, or the checks above prove little.
    assert!(seen.conflicts > 0 && seen.resurrected > 0, "{seen:?}");
    assert!(seen.kept_in_use.iter().all(|n| *n > 0), "{seen:?}");
    assert!(seen.orphans > 0 && seen.removed > 0, "{seen:?}");
    println!("{seen:?}");
}
