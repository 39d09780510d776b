//! The form for a new task on «Мои дела»: what, by when (and at what time), for whom, and for
//! which client (the person's own clients).

use crate::domain::activities::Task;
use crate::domain::dates::{iso_date, parse_date};
use crate::domain::Id;
use crate::i18n::{describe_workspace_error, TaskText, Text};
use crate::ui::clock;
use crate::ui::state::use_app;
use chrono::NaiveTime;
use leptos::html;
use leptos::prelude::*;

/// Adds a task; closes itself (`open`) when added.
#[component]
pub fn NewTaskForm(open: RwSignal<bool>) -> impl IntoView {
    let state = use_app();
    let me = state.me_id().map(|id| id.to_string()).unwrap_or_default();
    let what = RwSignal::new(String::new());
    let due = RwSignal::new(iso_date(state.today_untracked()));
    let time = RwSignal::new(String::new());
    let assignee = RwSignal::new(me.clone());
    let client = RwSignal::new(String::new());
    let deal = RwSignal::new(String::new());
    let failure = RwSignal::new(None::<String>);
    let first_ref = NodeRef::<html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = first_ref.get() {
            let _ = input.focus();
        }
    });
    let my_clients = move || {
        let me = state.me_id();
        state.ws.with(|ws| {
            let mut list: Vec<(String, String)> = ws
                .clients
                .iter()
                .filter(|c| Some(&c.owner_id) == me.as_ref())
                .map(|c| (c.id.to_string(), c.name.clone()))
                .collect();
            crate::domain::sort::sort_by(&mut list, |a, b| a.1.cmp(&b.1));
            list
        })
    };
    // The chosen client's open deals: a task may be for one of them.
    let client_deals = move || {
        let chosen = Id::from_raw(client.get());
        state.ws.with(|ws| {
            ws.deals
                .iter()
                .filter(|d| d.is_open() && d.client_id == chosen)
                .map(|d| (d.id.to_string(), d.title.clone()))
                .collect::<Vec<_>>()
        })
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if what.get_untracked().trim().is_empty() {
            return failure.set(Some(state.tr(TaskText::FieldRequired).to_owned()));
        }
        let Some(due) = parse_date(&due.get_untracked()) else {
            return failure.set(Some(state.tr(TaskText::BadDate).to_owned()));
        };
        let due_time = NaiveTime::parse_from_str(time.get_untracked().trim(), "%H:%M").ok();
        let client = client.get_untracked();
        let deal = deal.get_untracked();
        let task_id = clock::new_id();
        let added = state.change(|ws, now| {
            ws.add_task(Task {
                id: task_id,
                what: what.get_untracked(),
                due,
                due_time,
                assignee_id: Id::from_raw(assignee.get_untracked()),
                client_id: (!client.is_empty()).then(|| Id::from_raw(client)),
                deal_id: (!deal.is_empty()).then(|| Id::from_raw(deal)),
                done: None,
                created_at: now,
                updated_at: now,
                stamps: Default::default(),
            })
        });
        match added {
            Ok(()) => {
                open.set(false);
                state.notify(state.tr(TaskText::TaskAdded));
            }
            Err(e) => failure.set(Some(describe_workspace_error(state.lang(), &e))),
        }
    };
    view! {
        <form class="panel tasks-new" on:submit=submit novalidate data-testid="new-task-form">
            <h2>{state.text(TaskText::NewTask)}</h2>
            <div class="tasks-new-fields">
                <label class="field tasks-new-what">
                    <span>{state.text(TaskText::TaskWhat)}</span>
                    <input type="text" node_ref=first_ref prop:value=move || what.get() required
                        on:input=move |ev| what.set(event_target_value(&ev)) data-testid="new-task-what"/>
                </label>
                <label class="field">
                    <span>{state.text(TaskText::TaskDue)}</span>
                    <input type="date" prop:value=move || due.get() required
                        on:input=move |ev| due.set(event_target_value(&ev)) data-testid="new-task-due"/>
                </label>
                <label class="field">
                    <span>{state.text(TaskText::TaskTime)}</span>
                    <input type="time" prop:value=move || time.get()
                        on:input=move |ev| time.set(event_target_value(&ev)) data-testid="new-task-time"/>
                </label>
                <label class="field">
                    <span>{state.text(TaskText::TaskClient)}</span>
                    <select on:change=move |ev| { client.set(event_target_value(&ev)); deal.set(String::new()); } data-testid="new-task-client">
                        <option value="">{state.text(TaskText::NoClient)}</option>
                        {move || my_clients().into_iter().map(|(id, name)| {
                            let selected = client.get_untracked() == id;
                            view! { <option value=id selected=selected>{name}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <Show when=move || !client_deals().is_empty()>
                    <label class="field">
                        <span>{state.text(TaskText::TaskDeal)}</span>
                        <select on:change=move |ev| deal.set(event_target_value(&ev)) data-testid="new-task-deal">
                            <option value="" selected=move || deal.get().is_empty()>{state.text(TaskText::NoDeal)}</option>
                            {move || client_deals().into_iter().map(|(id, title)| {
                                let selected = deal.get_untracked() == id;
                                view! { <option value=id selected=selected>{title}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                </Show>
                <label class="field">
                    <span>{state.text(TaskText::TaskAssignee)}</span>
                    <select on:change=move |ev| assignee.set(event_target_value(&ev)) data-testid="new-task-assignee">
                        {move || state.member_options().into_iter().map(|(id, name)| {
                            let selected = assignee.get_untracked() == id;
                            view! { <option value=id selected=selected>{name}</option> }
                        }).collect_view()}
                    </select>
                </label>
            </div>
            {move || failure.get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
            <div class="tasks-new-actions">
                <button type="button" class="secondary" on:click=move |_| open.set(false)>{state.text(Text::Cancel)}</button>
                <button type="submit" class="primary" data-testid="new-task-save">{state.text(TaskText::AddTask)}</button>
            </div>
        </form>
    }
}
