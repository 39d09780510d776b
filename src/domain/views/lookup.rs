//! Per-view lookups built once in linear time. Lists and boards ask, for every row, "which is this
//! client's furthest deal" and "what is this deal's latest assessment"; answering each by scanning
//! all deals or assessments made a 5 000-client list quadratic.

use crate::domain::client::Client;
use crate::domain::deal::Deal;
use crate::domain::ids::Id;
use crate::domain::qualification::{score, Assessment, Score};
use crate::domain::stage::Stage;
use crate::domain::workspace::Workspace;
use std::cmp::Reverse;
use std::collections::HashMap;

/// Answers for one state of the workspace; build a new one after a change.
pub struct Lookup<'a> {
    ws: &'a Workspace,
    clients: HashMap<&'a Id, &'a Client>,
    main_deal: HashMap<&'a Id, &'a Deal>,
    latest: HashMap<&'a Id, &'a Assessment>,
}

impl<'a> Lookup<'a> {
    /// Indexes `ws` in one pass over its deals and one over its assessments.
    pub fn new(ws: &'a Workspace) -> Self {
        let stage_at: HashMap<&Id, usize> = ws
            .stages
            .iter()
            .enumerate()
            .map(|(i, s)| (&s.id, i))
            .collect();
        let rank = |d: &Deal| {
            (
                d.is_open(),
                stage_at.get(&d.stage_id).copied(),
                Reverse(d.created_at),
            )
        };
        let mut main_deal: HashMap<&Id, &Deal> = HashMap::new();
        for deal in &ws.deals {
            // `>=` keeps the last of equals, as `Iterator::max_by_key` does in the scanning version.
            let better = main_deal
                .get(&deal.client_id)
                .is_none_or(|best| rank(deal) >= rank(best));
            if better {
                main_deal.insert(&deal.client_id, deal);
            }
        }
        let mut latest: HashMap<&Id, &Assessment> = HashMap::new();
        for a in &ws.assessments {
            if latest
                .get(&a.deal_id)
                .is_none_or(|best| a.created_at >= best.created_at)
            {
                latest.insert(&a.deal_id, a);
            }
        }
        let clients = ws.clients.iter().map(|c| (&c.id, c)).collect();
        Lookup {
            ws,
            clients,
            main_deal,
            latest,
        }
    }

    /// The client with this id.
    pub fn client(&self, id: &Id) -> Option<&'a Client> {
        self.clients.get(id).copied()
    }

    /// The client's most advanced deal.
    pub fn main_deal(&self, client_id: &Id) -> Option<&'a Deal> {
        self.main_deal.get(client_id).copied()
    }

    /// The stage of the client's most advanced deal.
    pub fn client_stage(&self, client_id: &Id) -> Option<&'a Stage> {
        self.main_deal(client_id)
            .and_then(|d| self.ws.stage(&d.stage_id))
    }

    /// A deal's score under the current model, from its latest assessment.
    pub fn deal_score(&self, deal_id: &Id) -> Option<Score> {
        self.latest
            .get(deal_id)
            .map(|a| score(&self.ws.scoring_model, a))
    }

    /// The score of the client's most advanced deal.
    pub fn client_score(&self, client_id: &Id) -> Option<Score> {
        self.main_deal(client_id)
            .and_then(|d| self.deal_score(&d.id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::demo::demo_workspace;
    use crate::domain::views::query::{client_score, client_stage, main_deal};
    use crate::testkit::fixtures::t0;

    #[test]
    fn answers_match_the_scanning_versions() {
        let mut ws = demo_workspace(t0().date_naive(), t0());
        // A second deal for some clients, so "furthest deal" has a choice to make.
        let extra: Vec<Deal> = ws
            .deals
            .iter()
            .take(10)
            .map(|d| {
                let mut d = d.clone();
                d.id = Id::from_raw(format!("{}-b", d.id));
                d.stage_id = ws.stages[1].id.clone();
                d
            })
            .collect();
        ws.deals.extend(extra);
        let lookup = Lookup::new(&ws);
        for c in &ws.clients {
            assert_eq!(
                lookup.main_deal(&c.id).map(|d| &d.id),
                main_deal(&ws, &c.id).map(|d| &d.id)
            );
            assert_eq!(lookup.client_stage(&c.id), client_stage(&ws, &c.id));
            assert_eq!(lookup.client_score(&c.id), client_score(&ws, &c.id));
        }
        for d in &ws.deals {
            assert_eq!(lookup.deal_score(&d.id), ws.deal_score(&d.id));
            assert_eq!(lookup.client(&d.client_id), ws.client(&d.client_id));
        }
    }
}
