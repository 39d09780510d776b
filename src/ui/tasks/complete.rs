//! Completing a task or a deal's next step: what happened (kind and outcome, logged as an
//! activity on the client) and «Что дальше?» with a day, tomorrow by default. For a deal the
//! next step is required, so no open deal is left without one; for a client's task it may be
//! left empty.

use crate::domain::activities::{Activity, ActivityKind, NextStep};
use crate::domain::dates::{iso_date, parse_date};
use crate::domain::views::agenda::{AgendaItem, ItemSource};
use crate::i18n::{describe_workspace_error, fill, TaskText, Text};
use crate::ui::activities::{minute_of, KindField};
use crate::ui::clock;
use crate::ui::state::{use_app, AppState};
use leptos::html;
use leptos::prelude::*;

/// Asks what happened and what comes next for `item` (while `Some`), then completes it.
#[component]
pub fn CompleteDialog(item: RwSignal<Option<AgendaItem>>) -> impl IntoView {
    let state = use_app();
    let kind = RwSignal::new(ActivityKind::Call);
    let outcome = RwSignal::new(String::new());
    let next_what = RwSignal::new(String::new());
    let next_due = RwSignal::new(String::new());
    let failure = RwSignal::new(None::<String>);
    let first_ref = NodeRef::<html::Select>::new();
    Effect::new(move |_| {
        if item.with(Option::is_none) {
            return;
        }
        kind.set(ActivityKind::Call);
        outcome.set(String::new());
        next_what.set(String::new());
        let tomorrow = state.today_untracked().succ_opt().unwrap_or_default();
        next_due.set(iso_date(tomorrow));
        failure.set(None);
        if let Some(select) = first_ref.get() {
            let _ = select.focus();
        }
    });
    let needs_next = move || {
        item.with(|i| {
            i.as_ref()
                .and_then(|i| i.deal_id.clone())
                .is_some_and(|d| state.ws.with(|ws| ws.deal(&d).is_some_and(|d| d.is_open())))
        })
    };
    let title = move || {
        let what = item.with(|i| i.as_ref().map(|i| i.what.clone()).unwrap_or_default());
        fill(state.tr(TaskText::CompleteTitle), &[&what])
    };
    let close = move || item.set(None);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(it) = item.get_untracked() else {
            return;
        };
        let what = next_what.get_untracked().trim().to_owned();
        let due = parse_date(&next_due.get_untracked());
        if what.is_empty() && needs_next() {
            return failure.set(Some(state.tr(TaskText::ErrNextStepRequired).to_owned()));
        }
        let next = match (what.is_empty(), due) {
            (true, _) => None,
            (false, Some(due)) => Some(NextStep { what, due }),
            (false, None) => return failure.set(Some(state.tr(TaskText::BadDate).to_owned())),
        };
        let outcome = outcome.get_untracked().trim().to_owned();
        match complete(state, &it, kind.get_untracked(), outcome, next) {
            Ok(()) => {
                close();
                state.notify(state.tr(TaskText::TaskCompleted));
            }
            Err(message) => failure.set(Some(message)),
        }
    };
    view! {
        <Show when=move || item.with(Option::is_some)>
            <div class="dialog-backdrop" on:click=move |_| close()>
                <div class="dialog tasks-complete" role="dialog" aria-modal="true" aria-labelledby="tasks-complete-title"
                    on:click=|ev| ev.stop_propagation()
                    on:keydown=move |ev| if ev.key() == "Escape" { close() }
                    data-testid="complete-dialog">
                    <h2 id="tasks-complete-title">{title}</h2>
                    <form on:submit=submit novalidate>
                        <fieldset class="tasks-complete-part">
                            <legend>{state.text(TaskText::WhatHappened)}</legend>
                            <KindField kind select_ref=first_ref testid="complete-kind"/>
                            <label class="field">
                                <span>{state.text(TaskText::Outcome)}</span>
                                <input type="text" prop:value=move || outcome.get() data-testid="complete-outcome"
                                    on:input=move |ev| outcome.set(event_target_value(&ev))/>
                            </label>
                        </fieldset>
                        <fieldset class="tasks-complete-part">
                            <legend>{state.text(TaskText::WhatNext)}</legend>
                            <label class="field">
                                <span>{state.text(TaskText::NextWhat)}</span>
                                <input type="text" prop:value=move || next_what.get() data-testid="complete-next"
                                    required=needs_next aria-required=move || needs_next().to_string()
                                    on:input=move |ev| next_what.set(event_target_value(&ev))/>
                            </label>
                            <label class="field">
                                <span>{state.text(TaskText::NextDue)}</span>
                                <input type="date" prop:value=move || next_due.get() data-testid="complete-next-due"
                                    on:input=move |ev| next_due.set(event_target_value(&ev))/>
                            </label>
                            <Show when=move || !needs_next()>
                                <p class="hint">{state.text(TaskText::NextOptional)}</p>
                            </Show>
                        </fieldset>
                        {move || failure.get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
                        <div class="dialog-actions">
                            <button type="button" class="secondary" on:click=move |_| close()>{state.text(Text::Cancel)}</button>
                            <button type="submit" class="primary" data-testid="complete-confirm">{state.text(TaskText::SaveDone)}</button>
                        </div>
                    </form>
                </div>
            </div>
        </Show>
    }
}

/// Completes `item` and logs what happened on its client, in one change: the completion is
/// checked first (it may refuse), the activity can then no longer fail.
fn complete(
    state: AppState,
    item: &AgendaItem,
    kind: ActivityKind,
    outcome: String,
    next: Option<NextStep>,
) -> Result<(), String> {
    let me = state.me_id();
    let (activity_id, next_id) = (clock::new_id(), clock::new_id());
    let offset = clock::local_offset();
    let today = state.today_untracked();
    state
        .change(|ws, now| {
            match &item.source {
                ItemSource::Task(id) => {
                    ws.complete_task(id, me.clone(), next.map(|n| (n, next_id)), now)?
                }
                ItemSource::NextStep(deal) => match &next {
                    Some(n) => ws.complete_next_step(deal, n, now)?,
                    None => {
                        return Err(crate::domain::WorkspaceError::NextStepRequired(
                            deal.clone(),
                        ))
                    }
                },
            }
            if let Some(client_id) = item.client_id.clone().filter(|c| ws.client(c).is_some()) {
                let deal_id = item.deal_id.clone().filter(|d| ws.deal(d).is_some());
                let task_id = match &item.source {
                    ItemSource::Task(id) => Some(id.clone()),
                    ItemSource::NextStep(_) => None,
                };
                let _ = ws.log_activity(Activity {
                    id: activity_id,
                    kind,
                    client_id,
                    deal_id,
                    date: today,
                    time: Some(minute_of(now, offset)),
                    author_id: me,
                    outcome,
                    text: item.what.clone(),
                    task_id,
                    created_at: now,
                    restored_at: None,
                });
            }
            Ok(())
        })
        .map_err(|e| describe_workspace_error(state.lang(), &e))
}
