use crate::i18n::restore::describe_restore_error;
use crate::i18n::{describe_save_error, fill, Text};
use crate::storage::capacity::{percent_used, WARN_PERCENT};
use crate::storage::LoadOutcome;
use crate::ui::persist;
use crate::ui::persist::recovery::{self, Unreadable};
use crate::ui::state::{use_app, SaveState};
use leptos::prelude::*;

/// Explains storage trouble in plain words and offers the way out: a download of the unreadable
/// data, a retry of a failed save.
#[component]
pub fn StorageBanner() -> impl IntoView {
    let state = use_app();
    let download = move |which: Unreadable| move |_| recovery::download_unreadable(&which);
    let load_banner = move || {
        match state.load.get() {
        LoadOutcome::Quarantined { key, error } => Some(
            view! {
                <div class="banner banner-error" role="alert" data-testid="corrupt-banner">
                    <p><strong>{state.text(Text::CorruptTitle)}</strong></p>
                    <p>{state.text(Text::CorruptQuarantined)}</p>
                    <p class="banner-detail">{move || describe_restore_error(state.lang(), &error)}</p>
                    <div class="banner-actions">
                        <button type="button" on:click=download(Unreadable::Quarantined(key.clone()))>{state.text(Text::DownloadCopy)}</button>
                        <button type="button" class="secondary"
                            on:click=move |_| state.load.set(LoadOutcome::Loaded)>
                            {state.text(Text::Dismiss)}
                        </button>
                    </div>
                </div>
            }
            .into_any(),
        ),
        LoadOutcome::KeptInPlace { error } => Some(
            view! {
                <div class="banner banner-error" role="alert" data-testid="corrupt-banner">
                    <p><strong>{state.text(Text::CorruptTitle)}</strong></p>
                    <p>{state.text(Text::CorruptKeptInPlace)}</p>
                    <p class="banner-detail">{move || describe_restore_error(state.lang(), &error)}</p>
                    <div class="banner-actions">
                        <button type="button" on:click=download(Unreadable::InPlace)>
                            {state.text(Text::DownloadCopy)}
                        </button>
                        <button type="button" class="danger" on:click=move |_| recovery::discard_unreadable(state)>{state.text(Text::DiscardAndStart)}</button>
                    </div>
                </div>
            }
            .into_any(),
        ),
        LoadOutcome::Unavailable => Some(
            view! {
                <div class="banner banner-warning" role="alert">
                    <p>{state.text(Text::StorageUnavailable)}</p>
                </div>
            }
            .into_any(),
        ),
        LoadOutcome::Fresh | LoadOutcome::Loaded => None,
    }
    };
    let save_banner = move || match state.save.get() {
        SaveState::Failed(error) => Some(view! {
            <div class="banner banner-error" role="alert" data-testid="save-failed-banner">
                <p><strong>{state.text(Text::SaveFailedTitle)}</strong></p>
                <p>{move || describe_save_error(state.lang(), &error)}</p>
                <div class="banner-actions">
                    <button type="button" on:click=move |_| {
                        state.save.set(SaveState::Pending);
                        persist::flush(state);
                    }>{state.text(Text::Retry)}</button>
                    <button type="button" class="secondary" data-testid="export-now" on:click=move |_| recovery::download_current(state)>{state.text(Text::ExportNow)}</button>
                </div>
            </div>
        }),
        _ => None,
    };
    let nearly_full = move || {
        let used = state.used_bytes.get();
        (percent_used(used) >= WARN_PERCENT).then(|| {
            view! {
                <div class="banner banner-warning" role="status" data-testid="storage-warning">
                    <p>{move || fill(state.tr(Text::StorageNearlyFull), &[&percent_used(used).to_string()])}</p>
                </div>
            }
        })
    };
    view! { {load_banner} {save_banner} {nearly_full} }
}
