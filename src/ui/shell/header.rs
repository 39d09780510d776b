use crate::domain::Id;
use crate::i18n::Translate;
use crate::i18n::{Lang, SalesText, Text};
use crate::route::{href, Route};
use crate::ui::state::{use_app, SaveState};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The top bar: navigation, who I am, save status, language.
#[component]
pub fn Header(current: Signal<Route>) -> impl IntoView {
    let state = use_app();
    let link = move |to: Route, label: fn(Lang) -> &'static str| {
        let target = href(&to);
        let active = {
            let to = to.clone();
            move || {
                let here = current.get();
                here == to
                    || (to == Route::Clients && matches!(here, Route::Client(_) | Route::NewClient))
            }
        };
        view! {
            <a href=target class="shell-topnav-link" class:shell-active=active.clone()
                aria-current=move || active().then_some("page")>
                {move || label(state.lang())}
            </a>
        }
    };
    let toggle_lang = move |_| {
        state.prefs.update(|p| {
            p.lang = match p.lang {
                Lang::Ru => Lang::En,
                Lang::En => Lang::Ru,
            }
        })
    };
    view! {
        <header class="shell-topbar">
            <a class="shell-brand" href="#/">"Salesdesk"</a>
            <nav class="shell-topnav" aria-label=state.text(Text::NavLabel)>
                <crate::ui::tasks::TasksNavLink current/>
                {link(Route::MyClients, |l| SalesText::NavMyClients.get(l))}
                {link(Route::Board, |l| Text::NavBoard.get(l))}
                {link(Route::Clients, |l| Text::NavClients.get(l))}
                {link(Route::Transfers, |l| Text::NavTransfers.get(l))}
                {link(Route::Overview, |l| Text::NavOverview.get(l))}
                {link(Route::Team, |l| Text::NavTeam.get(l))}
                {link(Route::Settings, |l| Text::NavSettings.get(l))}
            </nav>
            <super::search::TopSearch/>
            <div class="shell-topbar-tools">
                <SaveIndicator/>
                <crate::ui::sync::SyncIndicator/>
                <MeSwitcher/>
                <button class="shell-lang-switch" type="button" on:click=toggle_lang
                    aria-label=state.text(Text::SwitchLanguage) data-testid="lang-switch">
                    {state.text(Text::SwitchLanguageShort)}
                </button>
            </div>
        </header>
    }
}

/// The first Tab stop: moves the focus past the top bar to the screen, which starts at the top
/// of the page. Done by hand, since the hash of a plain `#main` link would be taken for a route.
#[component]
pub fn SkipLink() -> impl IntoView {
    let state = use_app();
    let skip = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        if let Some(main) = document().get_element_by_id("main") {
            if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
                let _ = main.focus();
                window().scroll_to_with_x_and_y(0.0, 0.0);
            }
        }
    };
    view! {
        <a class="shell-skip-link" href="#main" on:click=skip>{state.text(Text::SkipToContent)}</a>
    }
}

#[component]
fn SaveIndicator() -> impl IntoView {
    let state = use_app();
    let view_of = move || {
        let (code, text) = match state.save.get() {
            SaveState::Saved => ("saved", Text::Saved),
            SaveState::Pending => ("pending", Text::Saving),
            SaveState::Failed(_) => ("failed", Text::NotSaved),
            SaveState::Blocked => ("blocked", Text::SavingOff),
        };
        (code, state.tr(text))
    };
    view! {
        <span class="shell-save-state" data-save-state=move || view_of().0 role="status">
            {move || view_of().1}
        </span>
    }
}

#[component]
fn MeSwitcher() -> impl IntoView {
    let state = use_app();
    let members = move || state.member_options();
    let me = move || state.me_id().map(|id| id.to_string()).unwrap_or_default();
    let on_change = move |ev| {
        let id = event_target_value(&ev);
        state
            .prefs
            .update(|p| p.me = (!id.is_empty()).then(|| Id::from_raw(id)));
    };
    // With sync on, the server says who this is: «Вы:» shows the name, no choice.
    let sync_on = crate::ui::sync::use_sync().is_on();
    let my_name = move || state.me().map(|m| m.name).unwrap_or_default();
    view! {
        <Show when=move || sync_on && state.me().is_some()>
            <span class="shell-me-switch" data-testid="me-name">
                <span class="shell-me-label">{state.text(Text::You)}</span>
                <span>{my_name}</span>
            </span>
        </Show>
        <Show when=move || !sync_on && state.me().is_some()>
            <label class="shell-me-switch">
                <span class="shell-me-label">{state.text(Text::You)}</span>
                <select on:change=on_change prop:value=me data-testid="me-select"
                    aria-label=state.text(Text::YouAre)>
                    <For each=members key=|m| m.clone() let((id, name))>
                        <option value=id.clone() selected=move || me() == id>{name}</option>
                    </For>
                </select>
            </label>
        </Show>
    }
}
