//! The pull half of a round: pages of `_changes`, counted for the progress, applied together
//! once the last page is in (read a slice a step, then merged by id).

use super::{failure, remember, Phase, SyncRound, APPLY_SLICE, PAGE_SIZE};
use crate::domain::workspace::Workspace;
use crate::sync::apply_steps::ApplySteps;
use crate::sync::documents::Document;
use crate::sync::state::SyncState;
use crate::sync::{encode_component, Method, Request, Response, Step};
use serde_json::Value;
use std::collections::HashSet;

impl SyncRound {
    pub(super) fn on_changes(
        &mut self,
        state: &mut SyncState,
        ws: &mut Workspace,
        res: Response,
    ) -> Step {
        if res.status != 200 {
            return self.done(Some(failure("_changes", &res)));
        }
        let results = res.body["results"].as_array().cloned().unwrap_or_default();
        for change in &results {
            let Some(id) = change["id"].as_str() else {
                continue;
            };
            if change["deleted"] == Value::Bool(true) {
                // The deletion itself travels as a deletion mark; forget the old revision.
                state.docs.remove(id);
                continue;
            }
            let rev = change["doc"]["_rev"].as_str().unwrap_or_default();
            if state.docs.get(id).is_some_and(|known| known.rev == rev) {
                continue; // our own write coming back
            }
            if let Some(doc) = Document::from_json(&change["doc"]) {
                // A document changed twice during the pull: its later version replaces the first.
                match self.pulled_at.get(&doc.id) {
                    Some(&at) => self.pulled[at] = (doc, rev.to_owned()),
                    None => {
                        self.pulled_at.insert(doc.id.clone(), self.pulled.len());
                        self.pulled.push((doc, rev.to_owned()));
                    }
                }
            }
        }
        let last_seq = res.body["last_seq"].clone();
        if !last_seq.is_null() {
            self.reached = Some(last_seq.clone());
        }
        let first_page = self.pull_progress.done == 0;
        self.count_pulled(&res.body, results.len(), state);
        if results.len() >= PAGE_SIZE {
            let since = match &last_seq {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            if first_page && self.pull_progress.total == 0 && last_seq.is_u64() {
                // pouchdb-server gives no `pending`: its `update_seq` tells how far to go.
                self.phase = Phase::Counting(since);
                return Step::Send(Request {
                    method: Method::Get,
                    path: format!("/{}", encode_component(&state.db)),
                    body: None,
                });
            }
            return self.pull_page(state, Some(since));
        }
        let (docs, revs): (Vec<_>, _) = std::mem::take(&mut self.pulled).into_iter().unzip();
        self.pulled_at.clear();
        if !docs.is_empty() {
            self.applying = Some((ApplySteps::new(), docs, revs));
        }
        self.apply_next(state, ws)
    }

    /// Reads the next slice of the pulled documents (a step of its own, so a first pull of a
    /// hundred thousand documents is not one long task), or merges them all once read, then
    /// goes on to the push.
    pub(super) fn apply_next(&mut self, state: &mut SyncState, ws: &mut Workspace) -> Step {
        if let Some((steps, docs, _)) = self.applying.as_mut() {
            if !steps.step(docs, APPLY_SLICE) {
                self.phase = Phase::Applying;
                return Step::Yield;
            }
        }
        self.apply_pulled(state, ws);
        if !self.push_local {
            return self.done(None);
        }
        if self.touched {
            // Merging the pull and cutting the push are two long tasks, not one.
            self.phase = Phase::PushNext;
            return Step::Yield;
        }
        self.push(state, ws)
    }

    /// Counts a page of changes: CouchDB says how many are `pending` after it; with a numeric
    /// sequence (pouchdb-server) the progress is in sequence numbers from where the pull began.
    fn count_pulled(&mut self, body: &Value, page: usize, state: &SyncState) {
        let start: Option<u64> = state.since().parse().ok();
        match (body["pending"].as_u64(), body["last_seq"].as_u64(), start) {
            (Some(pending), _, _) => {
                self.pull_progress.done += page;
                self.pull_progress.total = self.pull_progress.done + pending as usize;
            }
            (None, Some(seq), Some(start)) => {
                self.pull_progress.done = seq.saturating_sub(start) as usize;
            }
            _ => self.pull_progress.done += page,
        }
    }

    /// Takes the database's `update_seq` as the end of the pull.
    pub(super) fn on_counted(&mut self, db: &Value, state: &SyncState) {
        let start: Option<u64> = state.since().parse().ok();
        if let (Some(end), Some(start)) = (db["update_seq"].as_u64(), start) {
            self.pull_progress.total = end.saturating_sub(start) as usize;
        }
    }

    fn apply_pulled(&mut self, state: &mut SyncState, ws: &mut Workspace) {
        if let Some((steps, docs, revs)) = self.applying.take() {
            let applied = steps.finish(ws, &docs);
            self.touched = true;
            let skipped: HashSet<&String> = applied.skipped.iter().collect();
            for (doc, rev) in docs.iter().zip(&revs) {
                if !skipped.contains(&doc.id) {
                    remember(state, doc, rev);
                }
            }
            self.report.pulled += docs.len() - applied.skipped.len();
            self.report.skipped.extend(applied.skipped);
        }
        if let Some(seq) = self.reached.take() {
            state.last_seq = Some(seq);
        }
    }
}
