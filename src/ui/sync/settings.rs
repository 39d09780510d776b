//! «Настройки» → «Синхронизация»: the server's address and the team database (empty = off),
//! who is logged in with «Войти» / «Выйти», and the changes the server refused.

use super::runner;
use super::{use_sync, SyncStatus};
use crate::i18n::{fill, SyncText};
use crate::sync::{SettingsError, SyncSettings};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The sync section of the settings screen (a device preference: everyone edits it).
#[component]
pub fn SyncSection() -> impl IntoView {
    let state = use_app();
    let ctx = use_sync();
    let stored = move || state.prefs.with(|p| p.sync.clone());
    let server = RwSignal::new(stored().map(|s| s.server).unwrap_or_default());
    let db = RwSignal::new(stored().map(|s| s.db).unwrap_or_default());
    let error = RwSignal::new(None::<SyncText>);
    let saved = RwSignal::new(false);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        match SyncSettings::from_input(&server.get_untracked(), &db.get_untracked()) {
            Ok(settings) => {
                error.set(None);
                if let Some(s) = &settings {
                    server.set(s.server.clone());
                }
                state.prefs.update(|p| p.sync = settings);
                saved.set(true);
            }
            Err(SettingsError::BadServer) => error.set(Some(SyncText::BadServer)),
            Err(SettingsError::BadDatabase) => error.set(Some(SyncText::BadDatabase)),
        }
    };
    // The page's CSP and the running sync follow the settings the page started with.
    let needs_reload = move || ctx.active.with_value(|a| a.clone()) != stored();
    let reload = move |_| {
        let _ = window().location().reload();
    };
    view! {
        <div class="sync-section" data-testid="sync-section">
            <p class="hint">{state.text(SyncText::Hint)}</p>
            <form class="sync-form" on:submit=save novalidate>
                <label class="field">
                    <span>{state.text(SyncText::Server)}</span>
                    <input type="text" inputmode="url" autocomplete="url" placeholder="https://couch.example.ru"
                        data-testid="sync-server" prop:value=move || server.get()
                        on:input=move |ev| server.set(event_target_value(&ev))/>
                </label>
                <label class="field">
                    <span>{state.text(SyncText::Database)}</span>
                    <input type="text" autocomplete="off" spellcheck="false" placeholder="team"
                        data-testid="sync-db" prop:value=move || db.get()
                        on:input=move |ev| db.set(event_target_value(&ev))/>
                </label>
                <div class="form-actions">
                    <button type="submit" class="primary" data-testid="sync-save">{state.text(SyncText::Save)}</button>
                    <Show when=move || saved.get() && !needs_reload()>
                        <span class="sync-note">{state.text(SyncText::Saved)}</span>
                    </Show>
                </div>
                <Show when=move || error.get().is_some()>
                    <p class="field-error" role="alert" data-testid="sync-settings-error">
                        {move || error.get().map(|e| state.tr(e))}
                    </p>
                </Show>
            </form>
            <Show when=needs_reload>
                <p class="banner banner-warning sync-reload" data-testid="sync-reload-needed">
                    {state.text(SyncText::ReloadNeeded)}" "
                    <button type="button" class="secondary" on:click=reload data-testid="sync-reload">
                        {state.text(SyncText::Reload)}
                    </button>
                </p>
            </Show>
            <Show when=move || ctx.is_on() && !needs_reload()>
                <Account/>
            </Show>
            <SetAside/>
        </div>
    }
}

/// Who is logged in, with «Войти» / «Выйти» and «Синхронизировать сейчас».
#[component]
fn Account() -> impl IntoView {
    let state = use_app();
    let ctx = use_sync();
    view! {
        <div class="sync-account" data-testid="sync-account">
            {move || match ctx.session.get() {
                Some(session) => view! {
                    <p data-testid="sync-who">{fill(state.tr(SyncText::LoggedInAs), &[&session.name])}</p>
                    <div class="form-actions">
                        <button type="button" class="secondary" data-testid="sync-now"
                            disabled=move || ctx.status.get() == SyncStatus::Syncing
                            on:click=move |_| runner::request_round(ctx, state)>
                            {state.text(SyncText::SyncNow)}
                        </button>
                        <button type="button" class="secondary" data-testid="sync-logout"
                            on:click=move |_| runner::log_out(ctx)>
                            {state.text(SyncText::LogOut)}
                        </button>
                    </div>
                }.into_any(),
                None => view! {
                    <p data-testid="sync-who">{state.text(SyncText::NotLoggedIn)}</p>
                    <div class="form-actions">
                        <button type="button" class="primary" data-testid="sync-login"
                            on:click=move |_| ctx.login_open.set(true)>
                            {state.text(SyncText::LogIn)}
                        </button>
                    </div>
                }.into_any(),
            }}
        </div>
    }
}

/// The changes the server refused, with its reasons: kept on the device, not lost.
#[component]
fn SetAside() -> impl IntoView {
    let state = use_app();
    let ctx = use_sync();
    view! {
        <Show when=move || ctx.set_aside.with(|s| !s.is_empty())>
            <h3>{state.text(SyncText::SetAsideTitle)}</h3>
            <ul class="sync-set-aside" data-testid="sync-set-aside">
                <For each=move || ctx.set_aside.get() key=|s| s.clone() let((reason, doc))>
                    <li><span>{reason}</span>" "<code class="sync-doc">{doc}</code></li>
                </For>
            </ul>
        </Show>
    }
}
