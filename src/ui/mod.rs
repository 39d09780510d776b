//! The browser UI: thin Leptos components that render [`state::AppState`] and call the core.

mod activities;
mod board;
mod client_card;
mod clients;
mod clock;
mod data;
mod deal_close;
mod dialog;
mod download;
mod form_follow;
mod my_clients;
mod nav;
mod orders;
mod overview;
mod persist;
mod playbook;
mod qualification;
mod reveal;
mod settings;
mod shell;
mod state;
mod sync;
mod table_export;
mod tasks;
mod team;
mod today;
mod transfer;
mod welcome;

use crate::route::{names_no_screen, opening_with_tasks, Route};
use leptos::ev;
use leptos::prelude::*;
use state::{use_app, AppState, SaveState};

/// Reads storage and mounts the app on the page.
pub fn start() {
    #[cfg(feature = "testkit")]
    crate::trace::install(|name| {
        if let Some(p) = window().performance() {
            let _ = p.mark(&format!("sd:{name}"));
        }
    });
    crate::trace::mark("start");
    // #boot is the static first paint (shell/shell.html, built into index.html): it goes in the
    // same task as the app mounts below, so no frame shows neither.
    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }
    let persist::Loaded {
        workspace,
        revision,
        outcome,
        mut prefs,
    } = persist::load();
    crate::trace::mark("loaded");
    // The export reminder counts from the first start until there is a first export.
    prefs.first_seen_at.get_or_insert_with(clock::now);
    let used = persist::used_bytes();
    crate::trace::mark("used-bytes");
    let state = AppState::new(workspace, revision, outcome, prefs, used);
    // Clients slide into «спящий» / «потерян» with time alone, so statuses are brought up to
    // date when the app opens; only a real change marks the data for saving.
    today::refresh_statuses(state);
    crate::trace::mark("statuses");
    leptos::mount::mount_to_body(move || {
        provide_context(state);
        persist::install(state);
        sync::install(state);
        today::install(state);
        let dropped = data::DroppedFile(RwSignal::new(None));
        provide_context(dropped);
        data::install_drop(dropped);
        view! { <App/> }
    });
    crate::trace::mark("mounted");
    // The start-up refresh was marked pending before the save machinery existed (its first run
    // only subscribes), so it would wait for the next edit, «Сохраняю…» on screen meanwhile.
    // Write it after the usual delay, unless a save got to it first.
    if state.save.get_untracked() == SaveState::Pending {
        set_timeout(
            move || {
                if state.save.get_untracked() == SaveState::Pending {
                    persist::flush(state);
                }
            },
            persist::SAVE_DELAY,
        );
    }
}

#[component]
fn App() -> impl IntoView {
    let state = use_app();
    // An address that names no screen opens the person's home (route::home): a hunter's board,
    // a farmer's «Мои клиенты», the director's team view. An explicit address always wins.
    // A hunter with something overdue opens on «Мои дела» instead.
    let role = move || state.me().map(|m| m.role());
    let opening =
        move |hash: &str| opening_with_tasks(hash, untrack(role), tasks::has_overdue(state));
    let current = RwSignal::new(opening(&nav::current_hash()));
    let on_hash = window_event_listener(ev::hashchange, move |_| {
        current.set(opening(&nav::current_hash()));
        // A new screen starts at its top, like a page load would.
        window().scroll_to_with_x_and_y(0.0, 0.0);
    });
    on_cleanup(move || on_hash.remove());

    // Memos, so the page is rebuilt only when these answers change, not on every edit.
    let empty = Memo::new(move |_| state.ws.with(|ws| ws.is_empty()));
    let identified = Memo::new(move |_| state.me().is_some());
    let sync_ctx = sync::use_sync();
    let viewing = sync_ctx.view_only;
    // Once the person is chosen (the first start, «кто вы»), she lands on her home too.
    Effect::new(move |was: Option<bool>| {
        let now = identified.get();
        if was == Some(false) && now && names_no_screen(&nav::current_hash()) {
            current.set(opening(""));
        }
        now
    });

    view! {
        <shell::SkipLink/>
        <shell::Header current=current.into()/>
        <main id="main" class="main" tabindex="-1">
            <shell::UpdateBanner/>
            <shell::StorageBanner/>
            <shell::ExportReminder/>
            <sync::SyncRefusals/>
            {move || {
                // The data screen works without a team: a wiped browser restores from a file.
                if current.with(|r| *r == Route::Data) {
                    view! { <data::DataPage/> }.into_any()
                } else if current.with(|r| *r == Route::Settings) && (empty.get() || !identified.get()) {
                    // A new device joins its team from here: the sync section alone.
                    view! { <settings::SyncOnlyPage/> }.into_any()
                } else if empty.get() {
                    view! { <welcome::Welcome/> }.into_any()
                } else if !identified.get() && !viewing.get() {
                    view! { <welcome::WhoAmI/> }.into_any()
                } else if !identified.get() {
                    // With sync on, a user not on the roster who chose to look: every control
                    // of the screen disabled, the reason said once above it.
                    let screen = screen_of(current.get());
                    view! {
                        <p class="banner banner-info" role="note" data-testid="view-only-banner">{move || {
                            let name = sync_ctx.session.with(|s| s.as_ref().map(|s| s.name.clone())).unwrap_or_default();
                            crate::i18n::fill(state.tr(crate::i18n::SyncText::ViewOnlyBanner), &[&name])
                        }}</p>
                        <fieldset class="sync-view-only" disabled>{screen}</fieldset>
                    }.into_any()
                } else {
                    screen_of(current.get())
                }
            }}
        </main>
        <sync::LoginDialog/>
        <shell::ToastView/>
    }
}

/// The screen of a route, for a person the app knows (or one only looking, with sync on).
fn screen_of(route: Route) -> AnyView {
    match route {
        Route::Board => view! { <board::Board/> }.into_any(),
        Route::Clients => view! { <clients::ClientList/> }.into_any(),
        Route::NewClient => view! { <client_card::NewClient/> }.into_any(),
        Route::Client(id) => view! { <client_card::ClientCard id/> }.into_any(),
        Route::Team => view! { <team::TeamPage/> }.into_any(),
        Route::Settings => view! { <settings::SettingsPage/> }.into_any(),
        Route::Transfers => view! { <transfer::TransferPage/> }.into_any(),
        Route::Overview => view! { <overview::OverviewPage/> }.into_any(),
        Route::Data => view! { <data::DataPage/> }.into_any(),
        Route::MyClients => view! { <my_clients::MyClients/> }.into_any(),
        Route::Tasks => view! { <tasks::MyTasks/> }.into_any(),
    }
}
