//! The data screen: export the workspace to a file, import one (preview, merge or replace,
//! report), look at one read-only, and restore the backup a replace left behind.

mod backup;
mod export;
mod file;
mod import;
mod preview;
mod snapshot_job;
mod table_import;
mod table_job;
mod table_parts;
mod workbook;

pub use export::export_now;
pub use file::{install_drop, read_file, DroppedFile, PickedFile};

use crate::i18n::{fill, SnapshotText, Translate};
use crate::ui::clock;
use crate::ui::state::use_app;
use backup::BackupPanel;
use import::ImportPanel;
use leptos::prelude::*;
use table_import::TableImportPanel;
use workbook::WorkbookPanel;

/// The «Данные» screen.
#[component]
pub fn DataPage() -> impl IntoView {
    let state = use_app();
    let last = move || {
        let lang = state.lang();
        match state.prefs.with(|p| p.last_export_at) {
            Some(at) => fill(
                SnapshotText::LastExport.get(lang),
                &[&crate::domain::dates::format_date(clock::date_of(at))],
            ),
            None => SnapshotText::NeverExported.get(lang).to_owned(),
        }
    };
    view! {
        <section class="data-page">
            <h1>{state.text(SnapshotText::DataTitle)}</h1>
            <div class="panel">
                <h2>{state.text(SnapshotText::ExportTitle)}</h2>
                <p class="hint">{state.text(SnapshotText::ExportHint)}</p>
                <div class="form-actions">
                    <button type="button" class="primary" on:click=move |_| export_now(state) data-testid="export"
                        disabled=move || state.exporting.with(Option::is_some)>
                        {state.text(SnapshotText::ExportButton)}
                    </button>
                    <span class="muted" data-testid="last-export">{last}</span>
                </div>
                <div class="data-export-progress" data-testid="export-progress"
                    hidden=move || state.exporting.with(Option::is_none)>
                    <label>
                        {state.text(SnapshotText::Exporting)}
                        <progress
                            max=move || state.exporting.get().map_or(1, |(_, all)| all)
                            value=move || state.exporting.get().map_or(0, |(done, _)| done)
                        ></progress>
                    </label>
                </div>
            </div>
            <WorkbookPanel/>
            <ImportPanel/>
            <TableImportPanel/>
            <BackupPanel/>
        </section>
    }
}
