//! Another tab saved: its value is read and folded into this tab's data in short tasks (about
//! 40 ms each) — unpacked piece by piece and restored in steps ([`StoredSteps`], the one restore
//! path's result), merged a few thousand records a step ([`MergeSteps`], the one merge's
//! result), then adopted in a task of its own. Done in one go at 5 000 clients / 100 000 orders
//! it froze every other open tab for most of a second.
//!
//! The rules of the one-go handler stay: nothing is taken while saving here failed or is
//! blocked; theirs is always merged, never taken as it is; the merge's report (written from
//! theirs' side) says whether ours adds something, and then — or when an edit here waits for
//! its save — ours is written back at once. What the slices add is time in between, so every
//! interleaving is decided here (the why of each, in order of the job):
//!
//! - *Another event during the job*: the newer value replaces the job (its number is bumped,
//!   the old job's next slice sees it and stops). Every save merges what was stored before it
//!   writes (`browser::save_workspace`), so the newer value holds the older one's data.
//! - *An edit here while the value is read*: nothing to do, the merge has not begun; it starts
//!   from this tab's data as it is when the reading ends.
//! - *An edit here while the merge runs*: the merge steps must get the same two workspaces
//!   every step, so the merge starts again from this tab's current data (theirs, read once,
//!   stays valid). Holding a copy of ours instead would cost a clone of the whole workspace on
//!   every event; an edit during the half second a merge takes is rare, and its save (at most
//!   [`super::SAVE_DELAY`] later) ends the job anyway, as below.
//! - *A save here during the job* (the debounced save, or the flush when the page is hidden or
//!   closed): the save reads the stored value — theirs or newer, since the event came after
//!   storage changed — and, its revision differing from this tab's base, merges it with ours and
//!   writes the merge (revision above theirs). So when this tab's revision was below theirs at
//!   the event and is now above it, theirs is in this tab's data already: the job is dropped.
//!   When it was not below at the event (two tabs saved at the same moment, each from the same
//!   base, so both wrote the same revision, or the event is older than a save here), the
//!   revisions prove nothing and the job always runs to the end, as the one-go handler did:
//!   merging a value already merged changes nothing, while skipping it could lose their edit.
//! - *The page hidden or closed during the job*: the flush above saves a waiting edit merged
//!   with theirs; if the page goes on, the job is dropped or finishes (hidden pages' timers run
//!   slower, not never); if it closes, nothing is lost — theirs is stored, ours was flushed.
//! - *Saving failed or blocked meanwhile*: the job stops, as an event in that state is ignored.
//! - *A value that does not read*: ignored here, as before; this tab's next save moves it aside
//!   (quarantine) before writing.
//! - *An edit between the merge's last step and the adoption*: the merged data lacks it, so the
//!   merge starts again rather than adopt it.

use super::flush_pending;
use crate::domain::merge::{MergeOutcome, MergeSteps};
use crate::domain::Workspace;
use crate::format::packed::stored_revision;
use crate::restore::StoredSteps;
use crate::ui::persist::{now_ms, record_timing};
use crate::ui::state::{AppState, SaveState};
use leptos::prelude::*;
use std::time::Duration;

/// How long one task may work before it lets the page paint and respond.
const SLICE_MS: f64 = 40.0;
/// Records merged per step; a slice runs steps until its time is up.
const MERGE_RECORDS: usize = 2_000;

/// The jobs of this tab that fold other tabs' saves in.
#[derive(Clone, Copy)]
pub(super) struct OtherTabs {
    /// The current job's number: a newer event bumps it, which stops the job under way.
    current: StoredValue<u64>,
    /// How many times this tab's workspace changed, so the merge notices an edit made meanwhile.
    changes: StoredValue<u64>,
}

/// One other tab's save being folded in.
struct Job {
    number: u64,
    /// The revision of their stored value (from its prefix, read without unpacking).
    theirs_revision: u64,
    /// Whether this tab's revision was below theirs when the event came: only then does a save
    /// here prove theirs merged (see the module's notes).
    was_below: bool,
    stage: Stage,
}

enum Stage {
    Reading(Box<StoredSteps>),
    Merging {
        theirs: Box<Workspace>,
        /// The merge, and the changes counter of ours it runs against.
        steps: Option<Box<(u64, MergeSteps)>>,
    },
    /// Merged against ours at the given changes count; compared with ours in a task of its
    /// own (`same`), then adopted in another.
    Adopting {
        theirs: Box<Workspace>,
        seen: u64,
        outcome: Box<MergeOutcome>,
        same: Option<bool>,
    },
}

/// What a step says about the work left.
enum Next {
    /// More to do; the slice goes on while it has time.
    More,
    /// More to do, and the next step is a long one: it starts a task of its own.
    Pause,
    /// Finished, or given up.
    Done,
}

impl OtherTabs {
    /// No job under way; counts the changes of `state`'s workspace from now on.
    pub(super) fn new(state: AppState) -> OtherTabs {
        let changes = state.count_changes();
        OtherTabs {
            current: StoredValue::new(0),
            changes,
        }
    }

    /// Another tab stored `raw`: folds it in, in short tasks, replacing any job under way.
    pub(super) fn start(
        self,
        state: AppState,
        timer: StoredValue<Option<TimeoutHandle>>,
        raw: String,
    ) {
        self.current.update_value(|n| *n += 1);
        if stopped(state) {
            return;
        }
        let theirs_revision = stored_revision(raw.get(..40).unwrap_or(&raw));
        let job = Job {
            number: self.current.get_value(),
            theirs_revision,
            was_below: state.revision.get_value() < theirs_revision,
            stage: Stage::Reading(Box::new(StoredSteps::new(raw))),
        };
        // The event's own task only copies the value; the reading starts in the next one.
        set_timeout(move || self.slice(state, timer, job), Duration::ZERO);
    }

    /// Runs the job's steps for up to [`SLICE_MS`], then lets the page breathe.
    fn slice(self, state: AppState, timer: StoredValue<Option<TimeoutHandle>>, mut job: Job) {
        if job.number != self.current.get_value() || stopped(state) {
            return let_go(job);
        }
        if job.was_below && state.revision.get_value() > job.theirs_revision {
            // A save here merged theirs already (see the module's notes).
            return let_go(job);
        }
        let started = now_ms();
        let timing = job.stage.timing();
        loop {
            let next = self.step(state, timer, &mut job);
            if !matches!(next, Next::More) || now_ms() - started > SLICE_MS {
                longest(timing, now_ms() - started);
            }
            match next {
                Next::Done => return,
                Next::More if now_ms() - started <= SLICE_MS => continue,
                Next::More | Next::Pause => break,
            }
        }
        set_timeout(move || self.slice(state, timer, job), Duration::ZERO);
    }

    /// One step of the job.
    fn step(
        self,
        state: AppState,
        timer: StoredValue<Option<TimeoutHandle>>,
        job: &mut Job,
    ) -> Next {
        let seen = self.changes.get_value();
        match &mut job.stage {
            Stage::Reading(reading) => {
                if !reading.step() {
                    return if reading.next_is_long() {
                        Next::Pause
                    } else {
                        Next::More
                    };
                }
                let Stage::Reading(reading) = std::mem::replace(
                    &mut job.stage,
                    Stage::Merging {
                        theirs: Box::default(),
                        steps: None,
                    },
                ) else {
                    unreachable!("reading")
                };
                match reading.finish() {
                    // Unreadable: ignored, as before; this tab's next save moves it aside.
                    Err(_) => Next::Done,
                    Ok(restored) => {
                        job.stage = Stage::Merging {
                            theirs: Box::new(restored.workspace),
                            steps: None,
                        };
                        Next::Pause
                    }
                }
            }
            Stage::Merging { theirs, steps } => {
                // An edit here since the merge began: start again against the data as it is.
                if steps.as_ref().is_some_and(|s| s.0 != seen) {
                    *steps = None;
                }
                let (_, merging) = &mut **steps.get_or_insert_with(|| {
                    let merging = state
                        .ws
                        .with_untracked(|ours| MergeSteps::new(theirs, ours));
                    Box::new((seen, merging))
                });
                // The merge is written from theirs' side, as the one-go handler's was.
                let done = state
                    .ws
                    .with_untracked(|ours| merging.step(theirs, ours, MERGE_RECORDS));
                if !done {
                    return Next::More;
                }
                let (seen, merging) = *steps.take().expect("merging");
                let outcome = state.ws.with_untracked(|ours| merging.finish(theirs, ours));
                let theirs = std::mem::take(theirs);
                job.stage = Stage::Adopting {
                    theirs,
                    seen,
                    outcome: Box::new(outcome),
                    same: None,
                };
                Next::Pause
            }
            Stage::Adopting {
                theirs,
                seen: at,
                outcome,
                same,
            } => {
                if *at != seen {
                    // Edited between the merge and now: the merged data lacks the edit.
                    drop_in_steps(Box::new(std::mem::take(&mut outcome.workspace)));
                    job.stage = Stage::Merging {
                        theirs: std::mem::take(theirs),
                        steps: None,
                    };
                    return Next::More;
                }
                let Some(same) = *same else {
                    // Whether anything changes here at all: a pass over both workspaces.
                    *same = Some(state.ws.with_untracked(|ours| *ours == outcome.workspace));
                    return Next::Pause;
                };
                let outcome = std::mem::replace(
                    outcome,
                    Box::new(MergeOutcome {
                        workspace: Workspace::default(),
                        report: Default::default(),
                    }),
                );
                drop_in_steps(std::mem::take(theirs));
                finish(state, timer, job.theirs_revision, *outcome, same);
                Next::Done
            }
        }
    }
}

impl Stage {
    /// The name under which the benchmark reads the longest task of this stage.
    fn timing(&self) -> &'static str {
        match self {
            Stage::Reading(_) => "other_tab_read_ms",
            Stage::Merging { .. } => "other_tab_merge_ms",
            Stage::Adopting { .. } => "other_tab_adopt_ms",
        }
    }
}

/// Keeps the longest task of a stage as `window.__salesdeskTimings[name]` (the benchmark,
/// `scripts/bench-other-tab.mjs`, clears them before each run).
fn longest(name: &str, ms: f64) {
    let timings = js_sys::Reflect::get(&window(), &"__salesdeskTimings".into()).ok();
    let before = timings
        .and_then(|t| js_sys::Reflect::get(&t, &name.into()).ok())
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0);
    record_timing(name, before.max(ms));
}

/// A job given up: their workspace, once read, is freed a part per task too.
fn let_go(job: Job) {
    match job.stage {
        Stage::Merging { theirs, .. } | Stage::Adopting { theirs, .. } => drop_in_steps(theirs),
        Stage::Reading(_) => {}
    }
}

/// Orders freed per task when a whole workspace goes: freeing 100 000 orders at once took tens
/// of milliseconds.
const DROP_ORDERS: usize = 20_000;

/// Frees a workspace no longer needed a part per task, after the task that let it go.
fn drop_in_steps(mut ws: Box<Workspace>) {
    set_timeout(
        move || {
            let keep = ws.orders.len().saturating_sub(DROP_ORDERS);
            ws.orders.truncate(keep);
            if keep > 0 {
                drop_in_steps(ws);
            }
        },
        Duration::ZERO,
    );
}

/// Whether saving here failed or is blocked: then other tabs' saves are not taken in.
fn stopped(state: AppState) -> bool {
    matches!(
        state.save.get_untracked(),
        SaveState::Failed(_) | SaveState::Blocked
    )
}

/// The merge adopted. The report is written from theirs' side: when our data adds nothing to
/// theirs there is nothing to write back, which is what ends the exchange between tabs; when it
/// adds something, or an edit here waits for its save, ours is written now.
fn finish(
    state: AppState,
    timer: StoredValue<Option<TimeoutHandle>>,
    theirs_revision: u64,
    outcome: MergeOutcome,
    same: bool,
) {
    let ours_needed = !outcome.report.is_noop();
    // Never lowered: after two tabs saved at the same moment, this tab's own revision may be
    // the higher one, and the next save compares against it.
    let revision = state.revision.get_value().max(theirs_revision);
    state.revision.set_value(revision);
    // As `adopt`, with the comparison done a task before and the data replaced freed later.
    if same {
        drop_in_steps(Box::new(outcome.workspace));
    } else {
        state.adopting.set_value(true);
        let replaced = state
            .ws
            .try_update(|ours| std::mem::replace(ours, outcome.workspace));
        if let Some(replaced) = replaced {
            drop_in_steps(Box::new(replaced));
        }
    }
    if ours_needed || state.save.get_untracked() == SaveState::Pending {
        state.save.set(SaveState::Pending);
        flush_pending(state, timer);
    }
}
