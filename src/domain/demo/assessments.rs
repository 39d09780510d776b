//! The demo's lead qualifications (BANT assessments).

use super::Lcg;
use crate::domain::dates::Timestamp;
use crate::domain::ids::Id;
use crate::domain::qualification::{Assessment, Rating};
use crate::domain::workspace::Workspace;
use chrono::Duration;

/// Qualifies most demo deals the way a real team would: leads mostly not yet, later stages mostly
/// qualified, a few with an earlier, weaker assessment so the history shows progress.
pub(super) fn add_demo_assessments(ws: &mut Workspace, now: Timestamp) {
    // A separate generator, so the clients and deals above stay exactly as they were.
    let mut rng = Lcg(16);
    let keys = ["budget", "authority", "need", "timeline"];
    let mut assessments = Vec::new();
    for (n, deal) in ws.deals.iter().enumerate() {
        let stage = ws.stage_index(&deal.stage_id).unwrap_or(0) as u64;
        if stage == 0 && n % 2 == 0 {
            continue;
        }
        let rounds = if n % 4 == 1 { 2 } else { 1 };
        for round in 0..rounds {
            let base = (stage / 2 + 1 + round).min(4);
            let ratings = keys
                .iter()
                .map(|k| {
                    let level = (base + rng.next(3)).saturating_sub(1).min(4) as u8;
                    Rating {
                        criterion: (*k).to_owned(),
                        // Authority is the hardest to pin down in Russian B2B: sometimes unknown.
                        level: (!(*k == "authority" && rng.next(5) == 0)).then_some(level),
                        evidence: String::new(),
                    }
                })
                .collect();
            assessments.push(Assessment {
                id: Id::from_raw(format!("demo-a{:02}-{round}", n + 1)),
                deal_id: deal.id.clone(),
                assessor_id: deal.owner_id.clone(),
                ratings,
                created_at: now - Duration::days(((rounds - round) * 9) as i64),
                restored_at: None,
            });
        }
    }
    ws.assessments = assessments;
}
