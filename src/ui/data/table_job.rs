//! A table import's long work run in slices: reading the file's rows and checking them (the
//! core's [`ReadSteps`] and [`PreviewSteps`]) a few hundred rows at a time, about 40 ms per
//! task, with the progress bar's stage and percentage, then writing the import, or undoing it,
//! the same way ([`ApplySteps`], [`UndoSteps`]: nothing changes until the last step, one
//! change). A 100 000-row file read or checked in one go froze the page for over a second.
//! Starting new work, or «Отмена», stops the work under way: each slice first checks that its
//! job is still the current one.

use crate::domain::dates::Timestamp;
use crate::domain::team::Role;
use crate::domain::WorkspaceError;
use crate::import::{
    leave_out_refused, Applied, ApplySteps, DataTable, FileError, Fit, Mapping, Options, Preview,
    PreviewSteps, ReadSteps, Separator, SizeSteps, Source, SourceRow, TextEncoding, UndoSteps,
};
use crate::restore::Rejection;
use crate::snapshot::{Snapshot, SnapshotSteps};
use crate::sync::{judge, RecordRef};
use crate::ui::clock;
use crate::ui::persist::{now_ms, record_timing};
use crate::ui::state::AppState;
use chrono::NaiveDate;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

/// How long one task may work before it lets the page paint and respond.
const SLICE_MS: f64 = 40.0;
/// Rows one step reads or checks; a slice runs steps until its time is up (a snapshot file's
/// steps are sized in `restore::steps`).
const ROWS_PER_STEP: usize = 400;
/// Orders one step of writing (or undoing) an import checks, copies or looks at.
const ORDERS_PER_STEP: usize = 250;

/// What the import is busy with, for the progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Busy {
    /// Reading the file's rows: percent of its bytes.
    Reading(u8),
    /// Checking, matching and planning the rows: percent of them.
    Checking(u8),
    /// Writing the import into the workspace, or undoing it: percent of the orders checked
    /// (nothing changes until the last step, one change).
    Writing(u8),
    /// Comparing a snapshot file read with the data here, for its preview: percent of the
    /// work (`snapshot_job`).
    Comparing(u8),
}

/// What a step of work says about the work left.
pub(super) enum Next {
    /// More to do; the slice goes on while it has time.
    More(Busy),
    /// More to do, and the next step is a long one: it starts a slice of its own.
    Pause(Busy),
    /// Finished (and handed over).
    Done,
}

/// A preview with the room it needs in storage.
pub(super) struct Checked {
    /// What the import would do.
    pub preview: Preview,
    /// Whether it fits in the browser's storage.
    pub fit: Fit,
}

/// The work of one import panel: which job is current, and what it is busy with.
#[derive(Clone, Copy)]
pub(super) struct Jobs {
    current: StoredValue<u64>,
    /// Whether an import is being written: another job started meanwhile (a new check, because
    /// the data changed) means the write was given up.
    writing: StoredValue<bool>,
    /// Changes of the workspace seen so far, so that a long undo or preview notices one made
    /// meanwhile.
    pub(super) changes: StoredValue<u64>,
    /// What is being done now, if anything.
    pub busy: RwSignal<Option<Busy>>,
}

pub(super) fn percent(done: usize, total: usize) -> u8 {
    if total == 0 {
        return 100;
    }
    (done.min(total) * 100 / total) as u8
}

impl Jobs {
    /// No work under way; counts the changes of `state`'s workspace from now on.
    pub(super) fn new(state: AppState) -> Jobs {
        let changes = state.count_changes();
        Jobs {
            current: StoredValue::new(0),
            writing: StoredValue::new(false),
            changes,
            busy: RwSignal::new(None),
        }
    }

    /// Stops whatever is under way.
    pub(super) fn cancel(&self) {
        self.current.update_value(|n| *n += 1);
        self.writing.set_value(false);
        self.busy.set(None);
    }

    /// Whether a write was under way and is now given up (and forgets it): called by what
    /// starts a new check because the data or the choices changed.
    pub(super) fn write_given_up(&self) -> bool {
        let was = self.writing.get_value();
        self.writing.set_value(false);
        was
    }

    /// A new job, which stops the one under way.
    pub(super) fn start(&self, busy: Busy) -> u64 {
        self.current.update_value(|n| *n += 1);
        self.busy.set(Some(busy));
        self.current.get_value()
    }

    fn is_current(&self, job: u64) -> bool {
        self.current.get_value() == job
    }

    /// Runs `work` slice by slice until it says it is done, updating the bar with what it says
    /// it is busy with, and stopping as soon as another job starts.
    fn run(self, job: u64, work: Rc<RefCell<dyn FnMut() -> Next>>) {
        if !self.is_current(job) {
            return;
        }
        let started = now_ms();
        loop {
            let next = (work.borrow_mut())();
            let busy = match next {
                Next::Done => return,
                Next::More(_) if now_ms() - started <= SLICE_MS => continue,
                Next::More(busy) | Next::Pause(busy) => busy,
            };
            if self.busy.get_untracked() != Some(busy) {
                self.busy.set(Some(busy));
            }
            set_timeout(move || self.run(job, work), Duration::ZERO);
            return;
        }
    }

    /// Reads `bytes` as a table file in slices and passes the rows (or why there are none) to
    /// `done`.
    pub(super) fn read(
        self,
        bytes: Arc<Vec<u8>>,
        encoding: Option<TextEncoding>,
        separator: Option<Separator>,
        done: impl FnOnce(Result<(Source, Vec<SourceRow>), FileError>) + 'static,
    ) {
        let job = self.start(Busy::Reading(0));
        // Started in a task of its own, so the bar paints before the file is decoded.
        set_timeout(
            move || {
                if !self.is_current(job) {
                    return;
                }
                let mut steps = match ReadSteps::new(&bytes, encoding, separator) {
                    Ok(steps) => Some(steps),
                    Err(e) => {
                        self.busy.set(None);
                        done(Err(e));
                        return;
                    }
                };
                let mut done = Some(done);
                let mut rows = None;
                let work = move || {
                    if let Some(rows) = rows.take() {
                        // The table is found in a slice of its own: a pass over every row.
                        self.busy.set(None);
                        (done.take().expect("done once"))(Ok(rows));
                        return Next::Done;
                    }
                    let reading = steps.as_mut().expect("steps run until they finish");
                    if !reading.step(ROWS_PER_STEP) {
                        let (at, all) = reading.progress();
                        return Next::More(Busy::Reading(percent(at, all)));
                    }
                    rows = Some(steps.take().expect("steps finish once").finish());
                    Next::Pause(Busy::Reading(100))
                };
                // Decoding took this task's time: the rows start in the next one.
                self.later(job, Rc::new(RefCell::new(work)));
            },
            Duration::ZERO,
        );
    }

    /// Reads and checks a snapshot file in slices ([`SnapshotSteps`]: the one restore path,
    /// a few hundred records per step) and passes what it gives to `done`, after showing
    /// «Сравниваю…» for the preview `done` starts (`Jobs::preview_snapshot`).
    pub(super) fn read_snapshot(
        self,
        text: String,
        today: NaiveDate,
        done: impl FnOnce(Result<Snapshot, Rejection>) + 'static,
    ) {
        let job = self.start(Busy::Reading(0));
        let mut steps = Some(SnapshotSteps::new(text, today));
        let mut done = Some(done);
        let mut result = None;
        let work = move || {
            if let Some(result) = result.take() {
                // The preview in a task of its own, once «Сравниваю…» has painted.
                self.busy.set(None);
                (done.take().expect("done once"))(result);
                return Next::Done;
            }
            let reading = steps.as_mut().expect("steps run until they finish");
            if !reading.step() {
                let (at, all) = reading.progress();
                return Next::More(Busy::Reading(percent(at, all)));
            }
            result = Some(steps.take().expect("steps finish once").finish());
            Next::Pause(Busy::Comparing(0))
        };
        // Started in a task of its own, so the bar paints before the first step.
        self.later(job, Rc::new(RefCell::new(work)));
    }

    /// Works out in slices what importing `table` through `mapping` into the workspace would
    /// do, and how much room it needs, and passes it to `done`. Every slice reads the
    /// workspace as it is: the caller starts again whenever it changes.
    pub(super) fn check(
        self,
        state: AppState,
        table: Arc<DataTable>,
        mapping: Mapping,
        options: Options,
        writer: Option<(Option<String>, Option<Role>)>,
        done: impl FnOnce(Checked) + 'static,
    ) {
        let job = self.start(Busy::Checking(0));
        let total = table.rows.len();
        let mut steps = Some(
            state
                .ws
                .with_untracked(|ws| PreviewSteps::new(ws, &mapping, &options)),
        );
        let mut done = Some(done);
        let mut new_id = clock::new_id;
        let mut preview: Option<(Preview, SizeSteps)> = None;
        let work = move || {
            // Last, the room the import needs, a stored piece at a time.
            if let Some((p, sizes)) = preview.as_mut() {
                if !sizes.step(&p.plan) {
                    let (at, all) = sizes.progress();
                    return Next::More(Busy::Checking(99.min(90 + percent(at, all) / 10)));
                }
                let (preview, sizes) = preview.take().expect("checked once");
                let fit = Fit::of(state.used_bytes.get_untracked(), sizes.bytes());
                self.busy.set(None);
                (done.take().expect("done once"))(Checked { preview, fit });
                return Next::Done;
            }
            let Some(checking) = steps.as_mut() else {
                return Next::Done;
            };
            let finished = state
                .ws
                .with_untracked(|ws| checking.step(ws, &table, &mut new_id, ROWS_PER_STEP));
            if !finished {
                let at = percent(checking.rows_done(), total);
                return Next::More(Busy::Checking(at * 9 / 10));
            }
            // The documents compared with the orders there (a pass over all of them), in a
            // slice of its own.
            let steps = steps.take().expect("steps finish once");
            preview = Some(state.ws.with_untracked(|ws| {
                let mut p = steps.finish(ws, &table);
                if let Some((person, role)) = &writer {
                    let judge =
                        |record: RecordRef, change| judge(person.as_deref(), *role, record, change);
                    leave_out_refused(&mut p, ws, &judge);
                }
                let sizes = SizeSteps::new(ws, &p.plan);
                (p, sizes)
            }));
            Next::Pause(Busy::Checking(90))
        };
        // Started in a task of its own: whatever asked for the check (a file just read, a
        // changed choice) has had this task.
        self.later(job, Rc::new(RefCell::new(work)));
    }

    /// Runs `work` from the next task on.
    pub(super) fn later(self, job: u64, work: Rc<RefCell<dyn FnMut() -> Next>>) {
        set_timeout(move || self.run(job, work), Duration::ZERO);
    }

    /// Writes `plan` into the workspace in slices ([`ApplySteps`]: the orders checked and
    /// copied a few hundred a step, the workspace untouched until the last step, which writes
    /// everything as one change) and passes what was done to `done`. A change of the data
    /// meanwhile starts a new check, which stops this job: see [`Jobs::write_given_up`].
    pub(super) fn write(
        self,
        state: AppState,
        checked: Arc<Checked>,
        done: impl FnOnce(Result<Applied, WorkspaceError>) + 'static,
    ) {
        let job = self.start(Busy::Writing(0));
        self.writing.set_value(true);
        let mut steps: Option<ApplySteps> = None;
        let mut done = Some(done);
        let mut checked_all = false;
        let work = move || {
            let plan = &checked.preview.plan;
            let writing = steps
                .get_or_insert_with(|| state.ws.with_untracked(|ws| ApplySteps::new(ws, plan)));
            if !checked_all {
                checked_all = state
                    .ws
                    .with_untracked(|ws| writing.step(ws, plan, ORDERS_PER_STEP));
                let (at, all) = writing.progress();
                let busy = Busy::Writing(99.min(percent(at, all)));
                // The write itself in a task of its own.
                return if checked_all {
                    Next::Pause(busy)
                } else {
                    Next::More(busy)
                };
            }
            let writing = steps.take().expect("written once");
            self.writing.set_value(false);
            let today = state.today_untracked();
            // Timed for the browser benchmark: the write itself, then the panel's report.
            let started = now_ms();
            let result = state.change(|ws, now| writing.finish(ws, plan, today, now));
            record_timing("import_write_ms", now_ms() - started);
            self.busy.set(None);
            (done.take().expect("done once"))(result);
            record_timing("import_commit_ms", now_ms() - started);
            Next::Done
        };
        // Started in a task of its own, so the bar paints first.
        self.later(job, Rc::new(RefCell::new(work)));
    }

    /// Undoes an import in slices ([`UndoSteps`]: its orders found a few hundred a step, then
    /// taken out as one change) and passes the outcome to `done`. When the data changes
    /// meanwhile the orders are looked for again, so the undo never works from a stale view.
    pub(super) fn undo(
        self,
        state: AppState,
        applied: Applied,
        done: impl FnOnce(Result<(), WorkspaceError>) + 'static,
    ) {
        let job = self.start(Busy::Writing(0));
        let mut steps: Option<(u64, UndoSteps)> = None;
        let mut done = Some(done);
        let mut found_all = false;
        let work = move || {
            let seen = self.changes.get_value();
            if steps.as_ref().is_some_and(|(at, _)| *at != seen) {
                steps = None;
                found_all = false;
            }
            let (_, undoing) = steps.get_or_insert_with(|| (seen, UndoSteps::new(&applied)));
            if !found_all {
                found_all = state
                    .ws
                    .with_untracked(|ws| undoing.step(ws, ORDERS_PER_STEP));
                let (at, all) = state.ws.with_untracked(|ws| undoing.progress(ws));
                let busy = Busy::Writing(99.min(percent(at, all)));
                return if found_all {
                    Next::Pause(busy)
                } else {
                    Next::More(busy)
                };
            }
            let (_, undoing) = steps.take().expect("undone once");
            let today = state.today_untracked();
            let started = now_ms();
            let result = state.change(|ws, now| undoing.finish(ws, &applied, today, now));
            record_timing("undo_write_ms", now_ms() - started);
            self.busy.set(None);
            (done.take().expect("done once"))(result);
            record_timing("undo_commit_ms", now_ms() - started);
            Next::Done
        };
        self.later(job, Rc::new(RefCell::new(work)));
    }
}

/// The choices of an import as the core takes them; `None` when nobody could own new clients.
pub(super) fn options_for(
    state: AppState,
    creates: (bool, bool, bool),
    group: String,
    now: Timestamp,
) -> Option<Options> {
    let owner = state.me_id().or_else(|| {
        state
            .ws
            .with_untracked(|ws| ws.members.first().map(|m| m.id.clone()))
    })?;
    Some(Options {
        owner,
        create_clients: creates.0,
        create_products: creates.1,
        restore_deleted: creates.2,
        group: crate::import::GroupChoice::Named(group),
        now,
    })
}
