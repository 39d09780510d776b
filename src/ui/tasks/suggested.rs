//! The farmer's suggested calls on «Мои дела»: clients late with an order, each with one tap to
//! take it into her tasks or to dismiss it (dismissals are kept in this browser's preferences).

use crate::domain::dates::format_date;
use crate::domain::views::suggested_calls::{suggested_calls, SuggestedCall};
use crate::i18n::{fill, TaskText};
use crate::route::{href, Route};
use crate::ui::state::use_app;
use crate::ui::transfer::history_index;
use leptos::prelude::*;

/// How many dismissed suggestions a browser remembers (the oldest are forgotten first).
const REMEMBERED_DISMISSALS: usize = 500;

/// The suggested calls, when there are any.
#[component]
pub fn SuggestedCalls() -> impl IntoView {
    let state = use_app();
    let index = history_index();
    let calls = Memo::new(move |_| {
        let Some(me) = state.me_id() else {
            return Vec::new();
        };
        let today = state.today();
        let dismissed = state.prefs.with(|p| p.dismissed_suggestions.clone());
        index.with(|index| {
            state
                .ws
                .with(|ws| suggested_calls(ws, index, &me, today, &dismissed))
        })
    });
    let accept = move |call: SuggestedCall| {
        let Some(me) = state.me_id() else { return };
        let today = state.today_untracked();
        let what = state.tr(TaskText::SuggestedWhat);
        let _ = state.change(|ws, now| ws.add_task(call.accept(what, &me, today, now)));
    };
    let dismiss = move |call: SuggestedCall| {
        state.prefs.update(|p| {
            p.dismissed_suggestions.push(call.id);
            let extra = p
                .dismissed_suggestions
                .len()
                .saturating_sub(REMEMBERED_DISMISSALS);
            p.dismissed_suggestions.drain(..extra);
        });
    };
    view! {
        <Show when=move || !calls.with(Vec::is_empty)>
            <section class="panel tasks-group tasks-suggested" aria-labelledby="tasks-suggested-title" data-testid="suggested-calls">
                <h2 id="tasks-suggested-title">{state.text(TaskText::SuggestedTitle)}</h2>
                <ul class="tasks-list">
                    <For each=move || calls.get() key=|c| c.id.clone() let(call)>
                        {
                            let why = fill(state.tr(TaskText::SuggestedWhy), &[
                                &format_date(call.last_order),
                                &call.days_since.to_string(),
                                &call.usual_interval.to_string(),
                            ]);
                            let name = call.client_name.clone();
                            let (accept_call, dismiss_call) = (call.clone(), call.clone());
                            let accept_aria = { let n = name.clone(); move || fill(state.tr(TaskText::AcceptAria), &[&n]) };
                            let dismiss_aria = { let n = name.clone(); move || fill(state.tr(TaskText::DismissAria), &[&n]) };
                            view! {
                                <li class="tasks-item" data-testid="suggested-call">
                                    <div class="tasks-item-main">
                                        <p class="tasks-item-what">{state.text(TaskText::SuggestedWhat)}</p>
                                        <p class="tasks-item-meta">
                                            <a href=href(&Route::Client(call.client_id.clone()))>{name}</a>" · "{why}
                                        </p>
                                    </div>
                                    <div class="tasks-item-actions">
                                        <button type="button" class="secondary" aria-label=dismiss_aria data-testid="suggested-dismiss"
                                            on:click=move |_| dismiss(dismiss_call.clone())>{state.text(TaskText::Dismiss)}</button>
                                        <button type="button" class="primary" aria-label=accept_aria data-testid="suggested-accept"
                                            on:click=move |_| accept(accept_call.clone())>{state.text(TaskText::Accept)}</button>
                                    </div>
                                </li>
                            }
                        }
                    </For>
                </ul>
            </section>
        </Show>
    }
}
