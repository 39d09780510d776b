//! One line of «Мои дела»: what, when, for whom, a call link and «Записать итог».

use crate::domain::dates::format_date;
use crate::domain::views::agenda::{AgendaItem, DueGroup, ItemSource};
use crate::i18n::{fill, TaskText, Text};
use crate::route::{href, Route};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// A task or a deal's next step; `completing` opens the completion dialog for it.
#[component]
pub fn TaskRow(item: AgendaItem, completing: RwSignal<Option<AgendaItem>>) -> impl IntoView {
    let state = use_app();
    let (client, deal) = state.ws.with_untracked(|ws| {
        let client = item
            .client_id
            .as_ref()
            .and_then(|id| ws.client(id))
            .map(|c| {
                let phone = c.contact.phone.trim().to_owned();
                (c.id.clone(), c.name.clone(), phone)
            });
        let deal = item
            .deal_id
            .as_ref()
            .and_then(|id| ws.deal(id))
            .map(|d| d.title.clone());
        (client, deal)
    });
    let overdue = item.group == DueGroup::Overdue;
    let is_step = matches!(item.source, ItemSource::NextStep(_));
    let when = item.due.map(format_date);
    let time = item.due_time.map(|t| t.format("%H:%M").to_string());
    let what = item.what.clone();
    let call = client.as_ref().filter(|c| !c.2.is_empty()).map(|(_, name, phone)| {
        let dial: String = phone
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect();
        let name = name.clone();
        let aria = move || fill(state.tr(TaskText::CallAria), &[&name]);
        view! {
            <a class="tasks-call" href=format!("tel:{dial}") aria-label=aria data-testid="task-call">
                {state.text(TaskText::Call)}
            </a>
        }
    });
    let log_aria = {
        let what = what.clone();
        move || fill(state.tr(TaskText::LogOutcomeAria), &[&what])
    };
    let open = {
        let item = item.clone();
        move |_| completing.set(Some(item.clone()))
    };
    view! {
        <li class="tasks-item" class:tasks-item-overdue=overdue data-testid="task-item">
            <div class="tasks-item-main">
                <p class="tasks-item-what">{what}</p>
                <p class="tasks-item-meta">
                    {when.map(|d| view! { <time>{d}</time> })}
                    {time.map(|t| view! { " "<span>{t}</span> })}
                    {overdue.then(|| view! { " "<span class="badge badge-warn">{state.text(Text::Overdue)}</span> })}
                    {client.map(|(id, name, _)| view! {
                        " · "<a href=href(&Route::Client(id))>{name}</a>
                    })}
                    {deal.map(|title| view! { " · "<span>{title}</span> })}
                    {is_step.then(|| view! { " · "<span class="muted">{state.text(TaskText::NextStepTag)}</span> })}
                </p>
            </div>
            <div class="tasks-item-actions">
                {call}
                <button type="button" class="primary" on:click=open aria-label=log_aria
                    data-testid="task-log">{state.text(TaskText::LogOutcome)}</button>
            </div>
        </li>
    }
}
