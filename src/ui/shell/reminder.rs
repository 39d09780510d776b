use crate::i18n::SnapshotText;
use crate::ui::clock;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// A gentle weekly nudge to export: the data lives only in this browser. Shown when seven days
/// passed since the last export (or the first start), until the user exports or snoozes it.
#[component]
pub fn ExportReminder() -> impl IntoView {
    let state = use_app();
    let due = move || {
        !state.ws.with(|ws| ws.is_empty())
            && state.prefs.with(|p| p.export_reminder_due(clock::now()))
    };
    let never = move || state.prefs.with(|p| p.last_export_at.is_none());
    view! {
        <Show when=due>
            <div class="banner banner-info" role="status" data-testid="export-reminder">
                <p>{move || if never() { state.text(SnapshotText::ReminderNever)() } else { state.text(SnapshotText::ReminderText)() }}</p>
                <div class="banner-actions">
                    <button type="button" class="primary" on:click=move |_| crate::ui::data::export_now(state) data-testid="reminder-export">
                        {state.text(SnapshotText::ExportButton)}
                    </button>
                    <button type="button" class="secondary" data-testid="reminder-snooze" on:click=move |_| {
                        state.prefs.update(|p| p.reminder_snoozed_until = Some(clock::now() + chrono::Duration::days(1)));
                    }>{state.text(SnapshotText::RemindLater)}</button>
                </div>
            </div>
        </Show>
    }
}
