//! Soundness of data that did not come from the app's own operations: unique ids, resolvable references.

use super::Workspace;
use crate::domain::ids::Id;
// Fx: fast for the many short ids checked at every load; in the browser no hasher is keyed
// (std's own keys are fixed on wasm32), so a slower one would buy no protection.
use rustc_hash::FxHashSet as HashSet;
use thiserror::Error;

/// A problem found by [`Workspace::integrity_problems`] in data read from storage or a file.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum IntegrityProblem {
    /// Two records share an id.
    #[error("duplicate id {0}")]
    DuplicateId(Id),
    /// A record points to a record that does not exist.
    #[error("{record} refers to missing {missing}")]
    DanglingReference {
        /// The record holding the reference.
        record: Id,
        /// The id it refers to.
        missing: Id,
    },
}

impl Workspace {
    /// Checks data that came from outside the app's own operations (storage, a file): unique ids
    /// and references that resolve. Empty means sound.
    pub fn integrity_problems(&self) -> Vec<IntegrityProblem> {
        let mut problems = Vec::new();
        let mut seen = HashSet::default();
        let all_ids = self
            .members
            .iter()
            .map(|m| &m.id)
            .chain(self.clients.iter().map(|c| &c.id))
            .chain(self.deals.iter().map(|d| &d.id))
            .chain(self.stages.iter().map(|s| &s.id))
            .chain(self.product_groups.iter().map(|g| &g.id))
            .chain(self.products.iter().map(|p| &p.id))
            .chain(self.orders.iter().map(|o| &o.id))
            .chain(self.transfers.iter().map(|t| &t.id))
            .chain(self.tasks.iter().map(|t| &t.id));
        for id in all_ids {
            if !seen.insert(id) {
                problems.push(IntegrityProblem::DuplicateId(id.clone()));
            }
        }
        let members: HashSet<&Id> = self.members.iter().map(|m| &m.id).collect();
        let clients: HashSet<&Id> = self.clients.iter().map(|c| &c.id).collect();
        let stages: HashSet<&Id> = self.stages.iter().map(|s| &s.id).collect();
        let mut dangling = |record: &Id, target: &Id, known: &HashSet<&Id>| {
            if !known.contains(target) {
                problems.push(IntegrityProblem::DanglingReference {
                    record: record.clone(),
                    missing: target.clone(),
                });
            }
        };
        for c in &self.clients {
            dangling(&c.id, &c.owner_id, &members);
        }
        for d in &self.deals {
            dangling(&d.id, &d.client_id, &clients);
            dangling(&d.id, &d.owner_id, &members);
            dangling(&d.id, &d.stage_id, &stages);
        }
        let deals: HashSet<&Id> = self.deals.iter().map(|d| &d.id).collect();
        let groups: HashSet<&Id> = self.product_groups.iter().map(|g| &g.id).collect();
        let products: HashSet<&Id> = self.products.iter().map(|p| &p.id).collect();
        for p in &self.products {
            dangling(&p.id, &p.group_id, &groups);
        }
        for o in &self.orders {
            dangling(&o.id, &o.client_id, &clients);
            for line in &o.lines {
                dangling(&o.id, &line.product_id, &products);
            }
        }
        // The assessor is history, not ownership: it may have left the team since.
        for a in &self.assessments {
            dangling(&a.id, &a.deal_id, &deals);
        }
        // A stage change's person and stages are history too; only its deal must exist.
        for e in &self.stage_history {
            dangling(&e.id, &e.deal_id, &deals);
        }
        // Likewise the people in a transfer record; only its client must exist.
        for t in &self.transfers {
            dangling(&t.id, &t.client_id, &clients);
        }
        // An activity's author (and a deal removed since) are history; its client must exist.
        for a in &self.activities {
            dangling(&a.id, &a.client_id, &clients);
        }
        // A task's client and deal must exist; its assignee may have left, like an assessor.
        for t in &self.tasks {
            if let Some(client) = &t.client_id {
                dangling(&t.id, client, &clients);
            }
            if let Some(deal) = &t.deal_id {
                dangling(&t.id, deal, &deals);
            }
        }
        problems
    }
}
