//! Exporting the workspace as a snapshot file, in steps: a full-size file is 37 MB of JSON,
//! which written in one go froze the page for most of a second. The file is written a few
//! thousand records per task with a progress bar, from a copy of the workspace taken at the
//! click, so edits made meanwhile neither tear the file nor wait for it.

use crate::i18n::outcome::describe_ru;
use crate::i18n::{fill, SnapshotText};
use crate::snapshot::{snapshot_file_name, ExportSteps};
use crate::ui::clock;
use crate::ui::download::download_parts;
use crate::ui::persist::now_ms;
use crate::ui::state::AppState;
use leptos::prelude::*;
use std::rc::Rc;
use std::time::Duration;

/// How long one task may write before it lets the page paint and respond.
const SLICE_MS: f64 = 40.0;

/// A file being written: the copy it is written from, its steps, and the text so far (kept in
/// JavaScript).
struct Job {
    ws: crate::domain::Workspace,
    steps: ExportSteps,
    parts: js_sys::Array,
    name: String,
    at: crate::domain::dates::Timestamp,
}

/// Exports the whole workspace as a snapshot file named after the user and the day, and
/// remembers when, for the weekly reminder. Does nothing while an export is under way.
pub fn export_now(state: AppState) {
    if state.exporting.get_untracked().is_some() {
        return;
    }
    let at = clock::now();
    let today = state.today_untracked();
    let me = state.me();
    let ws = state.ws.get_untracked();
    let steps = ExportSteps::new(&ws, me.as_ref(), at, today, describe_ru);
    state.exporting.set(Some((0, steps.total())));
    let job = Job {
        name: snapshot_file_name(me.as_ref().map(|m| m.name.as_str()), today),
        ws,
        steps,
        parts: js_sys::Array::new(),
        at,
    };
    run(state, Rc::new(std::cell::RefCell::new(job)));
}

/// Writes steps for one slice of time, then yields to the page until the file is complete.
fn run(state: AppState, job: Rc<std::cell::RefCell<Job>>) {
    let started = now_ms();
    let finished = {
        let mut job = job.borrow_mut();
        let Job {
            ws, steps, parts, ..
        } = &mut *job;
        loop {
            match steps.step(ws) {
                Some(part) => {
                    parts.push(&part.into());
                }
                None => break true,
            }
            if now_ms() - started > SLICE_MS {
                break false;
            }
        }
    };
    let (done, total) = {
        let job = job.borrow();
        (job.steps.done(), job.steps.total())
    };
    if !finished {
        state.exporting.set(Some((done, total)));
        set_timeout(move || run(state, job), Duration::ZERO);
        return;
    }
    let job = job.borrow();
    download_parts(&job.name, &job.parts, "application/json");
    state.exporting.set(None);
    let at = job.at;
    state.prefs.update(|p| {
        p.last_export_at = Some(at);
        p.reminder_snoozed_until = None;
    });
    state.notify(fill(state.tr(SnapshotText::Exported), &[&job.name]));
}
