//! A table import's long work run in slices: reading the file's rows and checking them (the
//! core's [`ReadSteps`] and [`PreviewSteps`]) a few hundred rows at a time, about 40 ms per
//! task, with the progress bar's stage and percentage, then writing the import after the bar
//! has painted. A 100 000-row file read or checked in one go froze the page for over a second.
//! Starting new work, or «Отмена», stops the work under way: each slice first checks that its
//! job is still the current one.

use crate::domain::dates::Timestamp;
use crate::import::{
    added_bytes, DataTable, FileError, Fit, Mapping, Options, Preview, PreviewSteps, ReadSteps,
    Separator, Source, SourceRow, TextEncoding,
};
use crate::ui::clock;
use crate::ui::persist::now_ms;
use crate::ui::state::AppState;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

/// How long one task may work before it lets the page paint and respond.
const SLICE_MS: f64 = 40.0;
/// Rows one step reads or checks; a slice runs steps until its time is up.
const ROWS_PER_STEP: usize = 400;

/// What the import is busy with, for the progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Busy {
    /// Reading the file's rows: percent of its bytes.
    Reading(u8),
    /// Checking, matching and planning the rows: percent of them.
    Checking(u8),
    /// Writing the import into the workspace (one change, which cannot be stopped midway).
    Writing,
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
    /// What is being done now, if anything.
    pub busy: RwSignal<Option<Busy>>,
}

fn percent(done: usize, total: usize) -> u8 {
    if total == 0 {
        return 100;
    }
    (done.min(total) * 100 / total) as u8
}

impl Jobs {
    /// No work under way.
    pub(super) fn new() -> Jobs {
        Jobs {
            current: StoredValue::new(0),
            busy: RwSignal::new(None),
        }
    }

    /// Stops whatever is under way.
    pub(super) fn cancel(&self) {
        self.current.update_value(|n| *n += 1);
        self.busy.set(None);
    }

    /// A new job, which stops the one under way.
    fn start(&self, busy: Busy) -> u64 {
        self.current.update_value(|n| *n += 1);
        self.busy.set(Some(busy));
        self.current.get_value()
    }

    fn is_current(&self, job: u64) -> bool {
        self.current.get_value() == job
    }

    /// Runs `work` slice by slice until it says it is done (`None`), updating the bar with what
    /// it says it is busy with, and stopping as soon as another job starts.
    fn run(self, job: u64, work: Rc<RefCell<dyn FnMut() -> Option<Busy>>>) {
        if !self.is_current(job) {
            return;
        }
        let started = now_ms();
        loop {
            let step = (work.borrow_mut())();
            match step {
                None => return,
                Some(busy) if now_ms() - started > SLICE_MS => {
                    if self.busy.get_untracked() != Some(busy) {
                        self.busy.set(Some(busy));
                    }
                    set_timeout(move || self.run(job, work), Duration::ZERO);
                    return;
                }
                Some(_) => {}
            }
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
                let work = move || {
                    let reading = steps.as_mut().expect("steps run until they finish");
                    if !reading.step(ROWS_PER_STEP) {
                        let (at, all) = reading.progress();
                        return Some(Busy::Reading(percent(at, all)));
                    }
                    let finished = steps.take().expect("steps finish once").finish();
                    self.busy.set(None);
                    (done.take().expect("done once"))(Ok(finished));
                    None
                };
                self.run(job, Rc::new(RefCell::new(work)));
            },
            Duration::ZERO,
        );
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
        let work = move || {
            let checking = steps.as_mut().expect("steps run until they finish");
            let finished = state
                .ws
                .with_untracked(|ws| checking.step(ws, &table, &mut new_id, ROWS_PER_STEP));
            if !finished {
                return Some(Busy::Checking(percent(checking.rows_done(), total)));
            }
            let steps = steps.take().expect("steps finish once");
            let checked = state.ws.with_untracked(|ws| {
                let preview = steps.finish(ws, &table);
                let added = added_bytes(ws, &preview.plan);
                let fit = Fit::of(state.used_bytes.get_untracked(), added);
                Checked { preview, fit }
            });
            self.busy.set(None);
            (done.take().expect("done once"))(checked);
            None
        };
        self.run(job, Rc::new(RefCell::new(work)));
    }

    /// Shows «Запись данных…», lets it paint, then runs `write` (the import: one change to the
    /// workspace) unless something else started meanwhile.
    pub(super) fn write(self, write: impl FnOnce() + 'static) {
        let job = self.start(Busy::Writing);
        set_timeout(
            move || {
                if self.is_current(job) {
                    write();
                    self.busy.set(None);
                }
            },
            Duration::from_millis(20),
        );
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
