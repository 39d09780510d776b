//! The sync status in the top bar («Синхронизировано 12:04», «Синхронизация…», «Нет сети —
//! изменения сохранены на устройстве», «Ошибка входа») and the banner that explains a refusal in
//! the server's words.

use super::{use_sync, SyncStatus};
use crate::i18n::{fill, sync_progress, SyncText};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The top bar's sync status; a button that opens the login dialog when logged out. Nothing
/// while sync is off.
#[component]
pub fn SyncIndicator() -> impl IntoView {
    let state = use_app();
    let ctx = use_sync();
    let open_login = move |_| ctx.login_open.set(true);
    move || {
        let status = ctx.status.get();
        let (code, text, title) = match &status {
            SyncStatus::Off => return None,
            SyncStatus::LoggedOut => ("logged-out", state.tr(SyncText::LogIn).to_owned(), None),
            SyncStatus::LoginFailed => (
                "login-failed",
                state.tr(SyncText::StatusLoginFailed).to_owned(),
                None,
            ),
            SyncStatus::Syncing => (
                "syncing",
                match ctx.progress.get() {
                    Some(p) => sync_progress(state.lang(), p.done.min(p.total), p.total),
                    None => state.tr(SyncText::StatusSyncing).to_owned(),
                },
                None,
            ),
            SyncStatus::Synced(at) => (
                "synced",
                fill(state.tr(SyncText::StatusSynced), &[at]),
                None,
            ),
            SyncStatus::Offline => (
                "offline",
                state.tr(SyncText::StatusOffline).to_owned(),
                None,
            ),
            SyncStatus::Failed(why) => (
                "failed",
                state.tr(SyncText::StatusFailed).to_owned(),
                Some(why.clone()),
            ),
        };
        let login = matches!(status, SyncStatus::LoggedOut | SyncStatus::LoginFailed);
        Some(if login {
            view! {
                <button type="button" class="sync-status sync-status-login" data-testid="sync-status"
                    data-sync-state=code on:click=open_login>{text}</button>
            }
            .into_any()
        } else {
            view! {
                <span class="sync-status" data-testid="sync-status" data-sync-state=code
                    role="status" title=title>{text}</span>
            }
            .into_any()
        })
    }
}

/// The latest refusals in the server's words, until dismissed.
#[component]
pub fn SyncRefusals() -> impl IntoView {
    let state = use_app();
    let ctx = use_sync();
    view! {
        <Show when=move || ctx.refused.with(|r| !r.is_empty())>
            <div class="banner banner-warning sync-refused" role="alert" data-testid="sync-refused">
                <ul>
                    <For each=move || ctx.refused.get() key=|r| r.doc_id.clone() let(refusal)>
                        <li>{move || fill(state.tr(SyncText::Refused), &[&refusal.reason])}</li>
                    </For>
                </ul>
                <p>{state.text(SyncText::RefusedKept)}</p>
                <button type="button" class="secondary" data-testid="sync-refused-ok"
                    on:click=move |_| ctx.refused.set(Vec::new())>{state.text(SyncText::Understood)}</button>
            </div>
        </Show>
    }
}
