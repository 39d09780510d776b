//! The top bar's search: a combobox (ARIA 1.2 pattern) over clients, deals and contacts from
//! [`crate::domain::views::search`]. Arrows move through the suggestions, Enter opens one,
//! Escape closes the list (and, with the list closed, clears the box).

use crate::domain::views::search::{search, HitKind, SearchHit};
use crate::i18n::{count, Plural, SalesText};
use crate::route::Route;
use crate::ui::nav;
use crate::ui::state::use_app;
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

/// How many suggestions the list shows.
const MAX_HITS: usize = 8;
/// The listbox's id, for `aria-controls`.
const LIST_ID: &str = "shell-search-list";

fn option_id(i: usize) -> String {
    format!("shell-search-option-{i}")
}

fn kind_text(kind: HitKind) -> SalesText {
    match kind {
        HitKind::Client => SalesText::HitClient,
        HitKind::Contact => SalesText::HitContact,
        HitKind::Deal => SalesText::HitDeal,
    }
}

/// The search box of the top bar.
#[component]
pub fn TopSearch() -> impl IntoView {
    let state = use_app();
    let query = RwSignal::new(String::new());
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    let hits = Memo::new(move |_| {
        let q = query.get();
        state.ws.with(|ws| search(ws, &q, MAX_HITS))
    });
    let searching =
        move || query.with(|q| q.trim().chars().count() >= crate::domain::views::search::MIN_QUERY);
    let expanded = move || open.get() && searching();
    let choose = move |hit: &SearchHit| {
        open.set(false);
        active.set(None);
        query.set(String::new());
        nav::go(&Route::Client(hit.client_id.clone()));
    };
    let on_key = move |ev: KeyboardEvent| {
        let n = hits.with(Vec::len);
        match ev.key().as_str() {
            "ArrowDown" => {
                ev.prevent_default();
                open.set(true);
                if n > 0 {
                    active.update(|a| *a = Some(a.map_or(0, |i| (i + 1) % n)));
                }
            }
            "ArrowUp" => {
                ev.prevent_default();
                open.set(true);
                if n > 0 {
                    active.update(|a| *a = Some(a.map_or(n - 1, |i| (i + n - 1) % n)));
                }
            }
            "Enter" => {
                if !expanded() {
                    return;
                }
                ev.prevent_default();
                let pick = active.get_untracked().unwrap_or(0);
                if let Some(hit) = hits.with_untracked(|h| h.get(pick).cloned()) {
                    choose(&hit);
                }
            }
            "Escape" => {
                if expanded() {
                    ev.prevent_default();
                    open.set(false);
                    active.set(None);
                } else if !query.with_untracked(String::is_empty) {
                    ev.prevent_default();
                    query.set(String::new());
                }
            }
            _ => {}
        }
    };

    view! {
        <div class="shell-search-box" role="search">
            <input type="search" class="shell-search-input" role="combobox"
                aria-label=state.text(SalesText::SearchLabel)
                placeholder=state.text(SalesText::SearchPlaceholderTop)
                aria-autocomplete="list"
                aria-controls=LIST_ID
                aria-expanded=move || if expanded() { "true" } else { "false" }
                aria-activedescendant=move || active.get().filter(|_| expanded()).map(option_id)
                autocomplete="off" spellcheck="false"
                data-testid="top-search"
                prop:value=query
                on:input=move |ev| {
                    query.set(event_target_value(&ev));
                    open.set(true);
                    active.set(None);
                }
                on:focus=move |_| open.set(true)
                on:blur=move |_| { open.set(false); active.set(None); }
                on:keydown=on_key/>
            <ul id=LIST_ID class="shell-search-list" role="listbox"
                aria-label=state.text(SalesText::SearchLabel)
                hidden=move || !expanded()
                data-testid="top-search-list">
                {move || {
                    if !expanded() {
                        return ().into_any();
                    }
                    let list = hits.get();
                    if list.is_empty() {
                        return view! {
                            <li class="shell-search-empty" role="presentation">{state.text(SalesText::SearchNone)}</li>
                        }.into_any();
                    }
                    list.into_iter().enumerate().map(|(i, hit)| {
                        let selected = move || active.get() == Some(i);
                        let pick = hit.clone();
                        view! {
                            <li id=option_id(i) role="option" class="shell-search-option"
                                class:shell-search-active=selected
                                aria-selected=move || if selected() { "true" } else { "false" }
                                data-client-id=hit.client_id.to_string()
                                // mousedown, so the box keeps the focus until the card opens.
                                on:mousedown=move |ev| { ev.prevent_default(); choose(&pick); }>
                                <span class="shell-search-title">{hit.title.clone()}</span>
                                <span class="shell-search-detail">
                                    <span class="shell-search-kind">{state.text(kind_text(hit.kind))}</span>
                                    {(!hit.detail.is_empty()).then(|| format!(" · {}", hit.detail))}
                                </span>
                            </li>
                        }
                    }).collect_view().into_any()
                }}
            </ul>
            <span class="shell-search-status" role="status" aria-live="polite">
                {move || expanded().then(|| count(state.lang(), Plural::SearchFound, hits.with(Vec::len) as u64))}
            </span>
        </div>
    }
}
