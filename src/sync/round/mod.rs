//! One sync round as a sans-IO state machine: pull every page of `_changes` and merge it in,
//! then push what changed locally with `_bulk_docs`, settling `409 conflict`s by fetching the
//! server's version, merging and pushing again, and setting aside what the server refuses.
//!
//! The driver loops: `step(state, workspace, last_response)` gives either a [`Request`] to send
//! (its response goes into the next call) or the round's [`RoundReport`]. A failed request
//! (no network) just ends the round in the driver: nothing pulled is half-applied (pages are
//! applied together at the end of the pull), and unsent changes go up next time.

use super::apply::{apply_documents, replace_record};
use super::apply_steps::ApplySteps;
use super::documents::Document;
use super::state::{DocState, SetAside, SyncState};
use super::trouble::RoundError;
mod pull;

use super::local::LocalCut;
pub use super::report::{Progress, Refusal, RoundReport, Step};
use super::{encode_component, Method, Request, Response};
use crate::domain::workspace::Workspace;
use serde_json::{json, Value};
use std::collections::{HashMap, VecDeque};

/// Changes per `_changes` page.
pub const PAGE_SIZE: usize = 1_000;
/// Pulled documents read into records per step (natively about 6 µs each, a few times that in
/// the browser): a first pull of 115 148 documents is some sixty steps of tens of milliseconds.
const APPLY_SLICE: usize = 2_000;
/// Documents per `_bulk_docs` request.
const PUSH_BATCH: usize = 1_000;
/// Records cut per slice of a page's first cut: about 25 ms natively, 40–50 ms in the browser.
const CUT_SLICE: usize = 1_000;
/// How many times a round pushes again after settling conflicts before giving up till next time.
const MAX_PUSHES: usize = 3;

enum Phase {
    Start,
    Pulling,
    /// Asking the database how far its sequence goes (for the progress), then pulling on from
    /// the sequence held.
    Counting(String),
    /// Reading the pulled documents a slice a step ([`SyncRound::apply_next`]).
    Applying,
    /// Pulled and merged; the push starts at the next step.
    PushNext,
    Pushing(HashMap<String, (Document, u64)>),
    Fetching(String),
    Reverting,
    Done,
}

/// One sync round (see the module documentation).
pub struct SyncRound {
    phase: Phase,
    /// Pulled documents with their `_rev`, applied when the last page is in.
    pulled: Vec<(Document, String)>,
    /// Where each pulled document is in `pulled`.
    pulled_at: HashMap<String, usize>,
    /// The pulled documents being read and applied, with their `_rev`s.
    applying: Option<(ApplySteps, Vec<Document>, Vec<String>)>,
    /// The sequence the pull reached, stored once the pulled documents are applied.
    reached: Option<Value>,
    /// Documents still to push in this pass.
    queue: VecDeque<(Document, u64)>,
    /// Documents whose write met a conflict, to fetch.
    conflicted: VecDeque<String>,
    /// Documents the server refused, to fetch and put back as the server has them.
    refused: VecDeque<String>,
    pushes: usize,
    /// Whether the round looks for local changes to push after pulling: cutting the whole
    /// workspace into documents and hashing them is the round's costly part at team scale, and
    /// a poll with no local change since the last push has nothing to send.
    push_local: bool,
    /// The workspace as last cut, so a push pass cuts only what changed since.
    cut: LocalCut,
    /// Documents pulled so far in this round, and how many the server said were left.
    pull_progress: Progress,
    /// Documents written so far in this pass, and how many it has to write.
    push_progress: Progress,
    /// Whether the round changed the workspace it was given.
    touched: bool,
    report: RoundReport,
}

impl Default for SyncRound {
    fn default() -> Self {
        Self::new()
    }
}

impl SyncRound {
    /// A round that has not started.
    pub fn new() -> Self {
        SyncRound {
            phase: Phase::Start,
            pulled: Vec::new(),
            pulled_at: HashMap::new(),
            applying: None,
            reached: None,
            queue: VecDeque::new(),
            conflicted: VecDeque::new(),
            refused: VecDeque::new(),
            pushes: 0,
            push_local: true,
            cut: LocalCut::new(),
            pull_progress: Progress::default(),
            push_progress: Progress::default(),
            touched: false,
            report: RoundReport::default(),
        }
    }

    /// A round that only pulls: for a poll when nothing changed here since the last push.
    pub fn pull_only() -> Self {
        SyncRound {
            push_local: false,
            ..Self::new()
        }
    }

    /// The round with the cut the previous round left ([`SyncRound::take_cut`]), so its push
    /// looks only at what changed since. Without one the first push cuts everything.
    pub fn with_cut(mut self, cut: LocalCut) -> Self {
        self.cut = cut;
        self
    }

    /// The cut to hand to the next round.
    pub fn take_cut(&mut self) -> LocalCut {
        std::mem::take(&mut self.cut)
    }

    /// Whether the round has changed the workspace so far (pulled, merged or reverted records).
    pub fn touched(&self) -> bool {
        self.touched
    }

    /// How far the round is: pushing, or pulling. `None` before the first answer.
    pub fn progress(&self) -> Option<Progress> {
        match self.phase {
            Phase::Pushing(_) => Some(self.push_progress),
            Phase::Pulling | Phase::Counting(_) | Phase::Applying => Some(self.pull_progress),
            _ => None,
        }
    }

    /// Advances the round: `response` answers the request of the previous step (`None` on the
    /// first call). `ws` is the workspace as it is now; merged changes are written into it.
    pub fn step(
        &mut self,
        state: &mut SyncState,
        ws: &mut Workspace,
        response: Option<Response>,
    ) -> Step {
        match (std::mem::replace(&mut self.phase, Phase::Done), response) {
            (Phase::Start, _) => self.pull_page(state, None),
            (Phase::Pulling, Some(res)) => self.on_changes(state, ws, res),
            (Phase::Counting(since), Some(res)) => {
                self.on_counted(&res.body, state);
                self.pull_page(state, Some(since))
            }
            (Phase::Pushing(sent), Some(res)) => self.on_written(state, ws, sent, res),
            (Phase::Fetching(id), Some(res)) => self.on_fetched(state, ws, &id, res),
            (Phase::Reverting, Some(res)) => self.on_reverted(state, ws, res),
            (Phase::Applying, _) => self.apply_next(state, ws),
            (Phase::PushNext, _) => self.push(state, ws),
            (Phase::Done, _) | (_, None) => self.done(None),
        }
    }

    fn done(&mut self, error: Option<RoundError>) -> Step {
        self.phase = Phase::Done;
        if error.is_some() {
            self.report.error = error;
        }
        Step::Done(std::mem::take(&mut self.report))
    }

    fn pull_page(&mut self, state: &SyncState, since: Option<String>) -> Step {
        let since = since.unwrap_or_else(|| state.since());
        self.phase = Phase::Pulling;
        Step::Send(Request {
            method: Method::Get,
            path: format!(
                "/{}/_changes?since={}&include_docs=true&limit={PAGE_SIZE}",
                encode_component(&state.db),
                encode_component(&since)
            ),
            body: None,
        })
    }

    /// Starts a push pass: every document whose body differs from the last synced one.
    fn push(&mut self, state: &mut SyncState, ws: &Workspace) -> Step {
        // A page's first cut goes in slices, the page breathing between them (whole, it is a
        // 2 s task at team scale).
        if !self.cut.cut_step(ws, state, CUT_SLICE) {
            self.phase = Phase::PushNext;
            return Step::Yield;
        }
        if self.pushes >= MAX_PUSHES {
            return self.done(Some(RoundError::other("conflicts remain after 3 pushes")));
        }
        self.pushes += 1;
        self.queue = self.cut.to_push(ws, state).into();
        self.push_progress = Progress {
            done: 0,
            total: self.queue.len(),
        };
        self.next_batch(state, ws)
    }

    fn next_batch(&mut self, state: &mut SyncState, ws: &Workspace) -> Step {
        if self.queue.is_empty() {
            if let Some(id) = self.conflicted.pop_front() {
                return self.fetch(state, id, Phase::Fetching);
            }
            return self.revert_next(state);
        }
        let take = self.queue.len().min(PUSH_BATCH);
        let batch: Vec<(Document, u64)> = self.queue.drain(..take).collect();
        let docs: Vec<Value> = (batch.iter())
            .map(|(doc, _)| doc.to_json(state.docs.get(&doc.id).map(|d| d.rev.as_str())))
            .collect();
        let _ = ws;
        self.phase = Phase::Pushing(
            batch
                .into_iter()
                .map(|(d, h)| (d.id.clone(), (d, h)))
                .collect(),
        );
        Step::Send(Request {
            method: Method::Post,
            path: format!("/{}/_bulk_docs", encode_component(&state.db)),
            body: Some(json!({ "docs": docs })),
        })
    }

    fn on_written(
        &mut self,
        state: &mut SyncState,
        ws: &mut Workspace,
        mut sent: HashMap<String, (Document, u64)>,
        res: Response,
    ) -> Step {
        if res.status != 201 && res.status != 200 {
            return self.done(Some(failure("_bulk_docs", &res)));
        }
        self.push_progress.done += sent.len();
        for result in res.body.as_array().into_iter().flatten() {
            let Some((doc, hash)) = result["id"].as_str().and_then(|id| sent.remove(id)) else {
                continue;
            };
            match (result["rev"].as_str(), result["error"].as_str()) {
                (Some(rev), None) => {
                    state
                        .docs
                        .insert(doc.id.clone(), doc_state(&doc, rev, hash));
                    state.set_aside.retain(|s| s.doc_id != doc.id);
                    self.report.pushed += 1;
                }
                (_, Some("conflict")) => self.conflicted.push_back(doc.id.clone()),
                (_, Some(error)) => {
                    let reason = result["reason"].as_str().unwrap_or(error).to_owned();
                    let document = doc.to_json(None);
                    state.set_aside.retain(|s| s.doc_id != doc.id);
                    state.set_aside.push(SetAside {
                        doc_id: doc.id.clone(),
                        kind: doc.kind.clone(),
                        reason: reason.clone(),
                        document,
                        hash,
                    });
                    self.refused.push_back(doc.id.clone());
                    self.report.refused.push(Refusal {
                        doc_id: doc.id,
                        reason,
                    });
                }
                (None, None) => {}
            }
        }
        self.next_batch(state, ws)
    }

    /// Asks for the server's version of a document; `phase` says what its answer is for.
    fn fetch(&mut self, state: &SyncState, id: String, phase: fn(String) -> Phase) -> Step {
        let path = format!("/{}/{}", encode_component(&state.db), encode_component(&id));
        self.phase = phase(id);
        Step::Send(Request {
            method: Method::Get,
            path,
            body: None,
        })
    }

    fn on_fetched(
        &mut self,
        state: &mut SyncState,
        ws: &mut Workspace,
        id: &str,
        res: Response,
    ) -> Step {
        match res.status {
            200 => {
                let rev = res.body["_rev"].as_str().unwrap_or_default().to_owned();
                if let Some(doc) = Document::from_json(&res.body) {
                    apply_documents(ws, std::slice::from_ref(&doc));
                    self.touched = true;
                    remember(state, &doc, &rev);
                } else {
                    // Deleted on the server: write ours as a new document.
                    state.docs.remove(id);
                }
                self.report.conflicts += 1;
            }
            404 => {
                state.docs.remove(id);
                self.report.conflicts += 1;
            }
            _ => return self.done(Some(failure(id, &res))),
        }
        match self.conflicted.pop_front() {
            Some(next) => self.fetch(state, next, Phase::Fetching),
            None => self.push(state, ws),
        }
    }
}

impl SyncRound {
    /// Fetches the next refused document, or ends the round.
    fn revert_next(&mut self, state: &SyncState) -> Step {
        match self.refused.pop_front() {
            Some(id) => self.fetch(state, id, |_| Phase::Reverting),
            None => self.done(None),
        }
    }

    /// Puts the server's version of a refused document back in place of the local change (which
    /// stays in [`SyncState::set_aside`]). A record the server does not have (a refused new
    /// record or deletion mark) stays as it is here.
    fn on_reverted(&mut self, state: &mut SyncState, ws: &mut Workspace, res: Response) -> Step {
        if res.status == 200 {
            let rev = res.body["_rev"].as_str().unwrap_or_default().to_owned();
            if let Some(doc) = Document::from_json(&res.body) {
                if let Some(reverted) = replace_record(ws, &doc) {
                    *ws = reverted;
                    self.touched = true;
                    remember(state, &doc, &rev);
                }
            }
        }
        self.revert_next(state)
    }
}

fn doc_state(doc: &Document, rev: &str, hash: u64) -> DocState {
    DocState {
        rev: rev.to_owned(),
        hash,
        owner: doc.owner.clone(),
    }
}

/// Notes the server's version of a document as the last synced one.
fn remember(state: &mut SyncState, doc: &Document, rev: &str) {
    state
        .docs
        .insert(doc.id.clone(), doc_state(doc, rev, doc.hash()));
}

fn failure(what: &str, res: &Response) -> RoundError {
    let reason = res.body["reason"].as_str().or(res.body["error"].as_str());
    RoundError::http(what, res.status, reason.unwrap_or_default())
}
