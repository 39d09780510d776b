//! The sync's apply by id ([`crate::sync::apply_documents`], built on [`merge_into`]) held to the
//! whole merge it replaced (`apply_by_whole_merge`, the old path kept as the oracle): for the
//! three reps' random workspaces and random sets of one rep's documents pulled into another's
//! workspace — edits, new records, deletions, conflicts on one field, settings, transfers and
//! stage history, records naming a missing client, deal, stage, owner or product, an id shared
//! with another kind of record, unreadable and unknown documents — the workspace, the report
//! and the skipped documents must be exactly the same, round after round, also when the
//! documents are read a few at a time ([`ApplySteps`]).

use super::*;
use crate::sync::{apply_by_whole_merge, apply_documents, documents, ApplySteps, Document};
use serde_json::{json, Value};

/// How many cases; each applies several pulls.
const SYNC_CASES: u64 = 400;

/// Sets `field` of a document's record (a reference) to an id nobody holds, or to `to`.
fn repoint(doc: &mut Document, field: &str, to: &str) {
    if let Some(record) = doc.record.as_object_mut() {
        if record.contains_key(field) {
            record.insert(field.to_owned(), Value::String(to.to_owned()));
        }
    }
}

/// A random set of `from`'s documents, now and then spoilt on purpose.
fn pulled(rng: &mut Lcg, from: &Workspace, ours: &Workspace) -> Vec<Document> {
    let all = documents(from, &|_| None);
    let mut docs: Vec<Document> = match rng.below(5) {
        0 => all.clone(),
        1 => rng.pick(&all).into_iter().cloned().collect(),
        _ => {
            let keep = 1 + rng.below(6);
            all.iter()
                .filter(|_| rng.below(8) < keep)
                .cloned()
                .collect()
        }
    };
    // Their later versions come in another order than ours.
    if rng.below(3) == 0 {
        docs.reverse();
    }
    for _ in 0..rng.below(3) {
        let Some(at) = (!docs.is_empty()).then(|| rng.below(docs.len())) else {
            break;
        };
        let doc = &mut docs[at];
        match rng.below(8) {
            0 => repoint(doc, "client_id", "c-missing"),
            1 => repoint(doc, "deal_id", "d-missing"),
            2 => repoint(doc, "stage_id", "s-missing"),
            3 => repoint(doc, "owner_id", "m-missing"),
            4 => repoint(doc, "group_id", "g-missing"),
            5 => {
                if let Some(lines) = doc.record["lines"].as_array_mut() {
                    for line in lines {
                        line["product_id"] = json!("p-missing");
                    }
                }
            }
            6 => {
                // A record under an id another kind of record of ours has.
                let taken = rng.pick(&ours.orders).map(|o| o.id.clone());
                if let (Some(id), Some(record)) = (taken, doc.record.as_object_mut()) {
                    if record.contains_key("id") && doc.kind != "orders" {
                        record.insert("id".into(), json!(id.as_str()));
                        doc.id = format!("{}:{}", doc.kind, id);
                    }
                }
            }
            _ => doc.record["updated_at"] = json!("not a time"),
        }
    }
    if rng.below(6) == 0 {
        docs.push(Document {
            id: "gadgets:g1".into(),
            kind: "gadgets".into(),
            owner: None,
            handover: None,
            record: json!({"id": "g1"}),
        });
    }
    docs
}

/// What the cases met, so the test shows it covered the paths.
#[derive(Default, Debug)]
struct Met {
    applies: usize,
    whole_merges: usize,
    conflicts: usize,
    resurrections: usize,
    repairs: usize,
    removals: usize,
    skipped: usize,
}

#[test]
fn applying_pulled_documents_by_id_gives_exactly_the_whole_merge() {
    let base = start();
    let mut met = Met::default();
    for seed in 0..SYNC_CASES {
        let mut sim = Sim::new(seed ^ 0x5eed, &base);
        for _ in 0..2 + sim.rng.below(3) {
            for _ in 0..3 + sim.rng.below(10) {
                let r = sim.rng.below(REPS);
                sim.edit(r);
            }
            if sim.rng.below(3) == 0 {
                let r = sim.rng.below(REPS);
                sim.pull(r, (r + 1) % REPS);
            }
        }
        let r = sim.rng.below(REPS);
        let mut ours = sim.reps[r].ws.clone();
        for round in 0..3 {
            let s = (r + 1 + sim.rng.below(REPS - 1)) % REPS;
            let docs = pulled(&mut sim.rng, &sim.reps[s].ws, &ours);
            assert_eq!(ours.integrity_problems(), [], "seed {seed}: a premise");
            let (want, want_report, want_skipped) = apply_by_whole_merge(&ours, &docs);
            let case = format!("seed {seed}, round {round}, {} documents", docs.len());
            // The same in slices of a few documents (as a round reads a large pull).
            let mut sliced = ours.clone();
            let mut steps = ApplySteps::new();
            let budget = 1 + sim.rng.below(4);
            while !steps.step(&docs, budget) {}
            let in_slices = steps.finish(&mut sliced, &docs);
            assert_eq!(in_slices.skipped, want_skipped, "{case}, in slices");
            assert_eq!(in_slices.report, want_report, "{case}, in slices");
            assert!(
                sliced == want,
                "{case}: the workspace read in slices differs"
            );
            let applied = apply_documents(&mut ours, &docs);
            assert_eq!(applied.skipped, want_skipped, "{case}");
            assert_eq!(applied.report, want_report, "{case}");
            assert!(ours == want, "{case}: the workspaces differ");
            met.applies += 1;
            met.whole_merges += usize::from(applied.whole_merge);
            met.conflicts += want_report.conflicts.len();
            met.resurrections += want_report.resurrected.len();
            met.repairs += want_report.repairs.len();
            met.removals += want_report.summary().removed;
            met.skipped += want_skipped.len();
        }
    }
    println!("{met:?}");
    assert!(met.conflicts > 0 && met.repairs > 0 && met.removals > 0 && met.skipped > 0);
    assert!(met.resurrections > 0, "{met:?}");
    // The whole merge stays the exception (deletions of members, products, groups, stages).
    assert!(met.whole_merges * 4 < met.applies, "{met:?}");
}
