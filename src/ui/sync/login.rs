//! The login dialog: the CouchDB user name and password go to `POST /_session` once; the
//! password lives only in this dialog's field and is cleared when it closes.

use super::{runner, use_sync};
use crate::i18n::SyncText;
use crate::ui::state::use_app;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// «Вход на сервер команды», opened from the top bar or «Настройки».
#[component]
pub fn LoginDialog() -> impl IntoView {
    let state = use_app();
    let ctx = use_sync();
    let name = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<SyncText>);
    let busy = RwSignal::new(false);
    let name_ref = NodeRef::<html::Input>::new();
    Effect::new(move |_| {
        if ctx.login_open.get() {
            if let Some(input) = name_ref.get() {
                let _ = input.focus();
            }
        }
    });
    let close = move || {
        password.set(String::new());
        error.set(None);
        ctx.login_open.set(false);
    };
    // Escape closes it wherever the focus is (a disabled button drops the focus to the page).
    let on_key = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && ctx.login_open.get_untracked() {
            close();
        }
    });
    on_cleanup(move || on_key.remove());
    let password_ref = NodeRef::<html::Input>::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        busy.set(true);
        let (n, p) = (name.get_untracked(), password.get_untracked());
        spawn_local(async move {
            let result = runner::log_in(ctx, state, n.trim().to_owned(), p).await;
            busy.set(false);
            match result {
                Ok(()) => close(),
                Err(text) => {
                    password.set(String::new());
                    error.set(Some(text));
                    if let Some(input) = password_ref.get_untracked() {
                        let _ = input.focus();
                    }
                }
            }
        });
    };
    view! {
        <Show when=move || ctx.login_open.get()>
            <div class="dialog-backdrop" on:click=move |_| close()>
                <form class="dialog sync-login" role="dialog" aria-modal="true" aria-labelledby="sync-login-title"
                    data-testid="sync-login-dialog" on:submit=submit
                    on:click=|ev| ev.stop_propagation()>
                    <h2 id="sync-login-title">{state.text(SyncText::LoginTitle)}</h2>
                    <p class="hint">{state.text(SyncText::LoginHint)}</p>
                    <p class="sync-login-server">{move || ctx.active.with_value(|a| a.as_ref().map(|s| format!("{} · {}", s.server, s.db)))}</p>
                    <label class="field">
                        <span>{state.text(SyncText::UserName)}</span>
                        <input type="text" autocomplete="username" autocapitalize="none" spellcheck="false"
                            required node_ref=name_ref data-testid="sync-user"
                            prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                    </label>
                    <label class="field">
                        <span>{state.text(SyncText::Password)}</span>
                        <input type="password" autocomplete="current-password" required data-testid="sync-password" node_ref=password_ref
                            prop:value=move || password.get() on:input=move |ev| password.set(event_target_value(&ev))/>
                    </label>
                    <Show when=move || error.get().is_some()>
                        <p class="field-error" role="alert" data-testid="sync-login-error">
                            {move || error.get().map(|e| state.tr(e))}
                        </p>
                    </Show>
                    <div class="dialog-actions">
                        <button type="button" class="secondary" on:click=move |_| close()>
                            {state.text(SyncText::Cancel)}
                        </button>
                        <button type="submit" class="primary" data-testid="sync-login-submit" disabled=move || busy.get()>
                            {state.text(SyncText::LogIn)}
                        </button>
                    </div>
                </form>
            </div>
        </Show>
    }
}
