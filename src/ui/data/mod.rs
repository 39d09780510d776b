//! The data screen: export the workspace to a file, import one (preview, merge or replace,
//! report), look at one read-only, and restore the backup a replace left behind.

mod backup;
mod file;
mod import;
mod preview;
mod table_import;
mod table_parts;

pub use file::{install_drop, DroppedFile};

use crate::i18n::outcome::describe_ru;
use crate::i18n::{fill, SnapshotText, Translate};
use crate::snapshot::{export_snapshot, snapshot_file_name};
use crate::ui::clock;
use crate::ui::download::download_text;
use crate::ui::state::{use_app, AppState};
use backup::BackupPanel;
use import::ImportPanel;
use leptos::prelude::*;
use table_import::TableImportPanel;

/// Exports the whole workspace as a snapshot file named after the user and the day, and
/// remembers when, for the weekly reminder.
pub fn export_now(state: AppState) {
    let now = clock::now();
    let today = state.today_untracked();
    let me = state.me();
    let (text, name) = state.ws.with_untracked(|ws| {
        (
            export_snapshot(ws, me.as_ref(), now, today, describe_ru),
            snapshot_file_name(me.as_ref().map(|m| m.name.as_str()), today),
        )
    });
    download_text(&name, &text, "application/json");
    state.prefs.update(|p| {
        p.last_export_at = Some(now);
        p.reminder_snoozed_until = None;
    });
    state.notify(fill(state.tr(SnapshotText::Exported), &[&name]));
}

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
                    <button type="button" class="primary" on:click=move |_| export_now(state) data-testid="export">
                        {state.text(SnapshotText::ExportButton)}
                    </button>
                    <span class="muted" data-testid="last-export">{last}</span>
                </div>
            </div>
            <ImportPanel/>
            <TableImportPanel/>
            <BackupPanel/>
        </section>
    }
}
