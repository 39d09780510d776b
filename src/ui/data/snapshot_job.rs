//! A snapshot file's preview worked out in slices ([`ImportPreviewSteps`]: the director's
//! records set aside, the merge against the data here a few thousand records a step, the
//! removals, the duplicates), about 40 ms per task with «Сравниваю… N %» and «Отмена»: in one
//! go a whole team's file froze the page for about 400 ms. When the data here changes meanwhile
//! (another tab saved) the preview starts again on the new data, so it is never worked out from
//! a stale view; `done` gets the changes counter it was computed at, which the import checks
//! again before it writes.

use super::table_job::{percent, Busy, Jobs, Next};
use crate::snapshot::{ImportPreviewSteps, PreviewReady, Snapshot};
use crate::ui::clock;
use crate::ui::state::AppState;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;

/// Records of the merge per step; a slice runs steps until its time is up.
const RECORDS_PER_STEP: usize = 2_000;

impl Jobs {
    /// How many changes of the workspace this panel has seen: a preview computed at another
    /// count is stale.
    pub(super) fn changes_seen(&self) -> u64 {
        self.changes.get_value()
    }

    /// Works out the preview of `snapshot` against the data here in slices and passes the file
    /// back to `done` with the preview and the changes counter it holds for.
    pub(super) fn preview_snapshot(
        self,
        state: AppState,
        snapshot: Snapshot,
        done: impl FnOnce(Snapshot, PreviewReady, u64) + 'static,
    ) {
        let job = self.start(Busy::Comparing(0));
        let mut snapshot = Some(snapshot);
        let mut steps: Option<(u64, ImportPreviewSteps)> = None;
        let mut ready: Option<(u64, PreviewReady)> = None;
        let mut done = Some(done);
        let work = move || {
            if let Some((seen, ready)) = ready.take() {
                if seen == self.changes.get_value() {
                    // Shown in a task of its own.
                    self.busy.set(None);
                    let file = snapshot.take().expect("held until done");
                    (done.take().expect("done once"))(file, ready, seen);
                    return Next::Done;
                }
                steps = None;
            }
            let seen = self.changes.get_value();
            if steps.as_ref().is_some_and(|(at, _)| *at != seen) {
                steps = None;
            }
            let (_, previewing) =
                steps.get_or_insert_with(|| (seen, ImportPreviewSteps::new(clock::now())));
            let file = snapshot.as_ref().expect("held until done");
            let finished = state
                .ws
                .with_untracked(|ws| previewing.step(ws, file, RECORDS_PER_STEP));
            if !finished {
                let (at, all) = previewing.progress();
                return Next::More(Busy::Comparing(99.min(percent(at, all))));
            }
            let (seen, previewing) = steps.take().expect("finished once");
            ready = Some((
                seen,
                state.ws.with_untracked(|ws| previewing.finish(ws, file)),
            ));
            Next::Pause(Busy::Comparing(100))
        };
        self.later(job, Rc::new(RefCell::new(work)));
    }
}
