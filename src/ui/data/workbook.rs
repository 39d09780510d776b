//! «Скачать книгу .xlsx»: the whole workspace as a workbook, written in steps like the
//! snapshot export (a few thousand records per step, as many steps per task as fit in a
//! slice of time, a progress bar), from a copy of the workspace taken at the click.

use crate::domain::dates::iso_date;
use crate::i18n::sheet::SheetWords;
use crate::i18n::{fill, SheetText};
use crate::sheet::workspace::BookSteps;
use crate::sheet::XLSX_MIME;
use crate::ui::download::download_bytes;
use crate::ui::persist::now_ms;
use crate::ui::state::{use_app, AppState};
use crate::ui::table_export::sheet_words;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

/// How long one task may write before it lets the page paint and respond.
const SLICE_MS: f64 = 40.0;

/// A workbook being written: the copy it is written from, its steps and the words.
struct Job {
    ws: crate::domain::Workspace,
    steps: Option<BookSteps>,
    words: SheetWords,
    name: String,
}

/// Writes steps for one slice of time, then yields to the page until the book is complete.
fn run(state: AppState, progress: RwSignal<Option<(usize, usize)>>, job: Rc<RefCell<Job>>) {
    let started = now_ms();
    let finished = {
        let mut job = job.borrow_mut();
        let Job {
            ws, steps, words, ..
        } = &mut *job;
        let steps = steps.as_mut().expect("steps until finished");
        loop {
            if !steps.step(ws, words) {
                break true;
            }
            if now_ms() - started > SLICE_MS {
                break false;
            }
        }
    };
    if !finished {
        let (done, total) = {
            let job = job.borrow();
            let steps = job.steps.as_ref().expect("steps until finished");
            (steps.done(), steps.total())
        };
        progress.set(Some((done, total)));
        set_timeout(move || run(state, progress, job), Duration::ZERO);
        return;
    }
    let mut job = job.borrow_mut();
    let bytes = job.steps.take().expect("steps until finished").finish();
    download_bytes(&job.name, &bytes, XLSX_MIME);
    progress.set(None);
    state.notify(fill(state.tr(SheetText::BookDone), &[&job.name]));
}

/// The panel with the workbook's button and progress bar.
#[component]
pub fn WorkbookPanel() -> impl IntoView {
    let state = use_app();
    let progress = RwSignal::new(None::<(usize, usize)>);
    let start = move |_| {
        if progress.get_untracked().is_some() {
            return;
        }
        let ws = state.ws.get_untracked();
        let steps = BookSteps::new(&ws);
        progress.set(Some((0, steps.total())));
        let job = Job {
            ws,
            steps: Some(steps),
            words: sheet_words(state),
            name: format!("salesdesk-{}.xlsx", iso_date(state.today_untracked())),
        };
        run(state, progress, Rc::new(RefCell::new(job)));
    };
    view! {
        <div class="panel">
            <h2>{state.text(SheetText::BookTitle)}</h2>
            <p class="hint">{state.text(SheetText::BookHint)}</p>
            <div class="form-actions">
                <button type="button" class="secondary" on:click=start data-testid="export-xlsx"
                    disabled=move || progress.with(Option::is_some)>
                    {state.text(SheetText::BookButton)}
                </button>
            </div>
            <div class="data-export-progress" data-testid="xlsx-progress" hidden=move || progress.with(Option::is_none)>
                <label>
                    {state.text(SheetText::BookWriting)}
                    <progress
                        max=move || progress.get().map_or(1, |(_, all)| all)
                        value=move || progress.get().map_or(0, |(done, _)| done)
                    ></progress>
                </label>
            </div>
        </div>
    }
}
