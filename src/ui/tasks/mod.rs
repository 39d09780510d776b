//! «Мои дела»: the signed-in person's open tasks and deals' next steps, grouped overdue / today /
//! this week / later on her own calendar, with a call link and «Записать итог» on each, the
//! farmer's suggested calls, and a form for a new task. The top bar's link with today's count
//! lives here too. Everything is computed by [`crate::domain::activities`]; these components
//! only draw it.

mod complete;
mod item;
mod new_task;
mod suggested;

use crate::domain::views::agenda::{agenda, AgendaCounts, AgendaItem, DueGroup};
use crate::i18n::{fill, TaskText};
use crate::route::{href, Route};
use crate::ui::state::{use_app, AppState};
use leptos::prelude::*;

pub use complete::CompleteDialog;

/// The signed-in person's «Мои дела» today (tracked).
fn my_agenda(state: AppState) -> Vec<AgendaItem> {
    let Some(me) = state.me_id() else {
        return Vec::new();
    };
    let today = state.today();
    state.ws.with(|ws| agenda(ws, &me, today))
}

/// Whether the signed-in person has anything overdue (not tracked): a hunter then opens on
/// «Мои дела».
pub fn has_overdue(state: AppState) -> bool {
    untrack(|| my_agenda(state))
        .iter()
        .any(|i| i.group == DueGroup::Overdue)
}

fn group_text(group: DueGroup) -> TaskText {
    match group {
        DueGroup::Overdue => TaskText::GroupOverdue,
        DueGroup::Today => TaskText::GroupToday,
        DueGroup::ThisWeek => TaskText::GroupWeek,
        DueGroup::Later => TaskText::GroupLater,
    }
}

fn group_code(group: DueGroup) -> &'static str {
    match group {
        DueGroup::Overdue => "overdue",
        DueGroup::Today => "today",
        DueGroup::ThisWeek => "week",
        DueGroup::Later => "later",
    }
}

/// The «Мои дела» screen.
#[component]
pub fn MyTasks() -> impl IntoView {
    let state = use_app();
    let items = Memo::new(move |_| my_agenda(state));
    let completing = RwSignal::new(None::<AgendaItem>);
    let adding = RwSignal::new(false);
    let group_view = move |group: DueGroup| {
        let in_group = move || {
            items.with(|all| {
                all.iter()
                    .filter(|i| i.group == group)
                    .cloned()
                    .collect::<Vec<_>>()
            })
        };
        let heading_id = format!("tasks-group-{}", group_code(group));
        view! {
            <Show when=move || !in_group().is_empty()>
                <section class="panel tasks-group" data-group=group_code(group)
                    aria-labelledby=heading_id.clone()>
                    <h2 id=heading_id.clone()>
                        {state.text(group_text(group))}" "
                        <span class="badge" class:badge-warn=group == DueGroup::Overdue
                            data-testid="tasks-group-count">{move || in_group().len()}</span>
                    </h2>
                    <ul class="tasks-list">
                        <For each=in_group key=|i| i.clone() let(item)>
                            <item::TaskRow item completing/>
                        </For>
                    </ul>
                </section>
            </Show>
        }
    };
    view! {
        <section class="tasks-page" data-testid="my-tasks">
            <div class="page-head">
                <h1>{state.text(TaskText::TasksTitle)}</h1>
                <button type="button" class="secondary" data-testid="new-task"
                    aria-expanded=move || adding.get().to_string()
                    on:click=move |_| adding.update(|a| *a = !*a)>
                    {state.text(TaskText::NewTask)}
                </button>
            </div>
            <Show when=move || adding.get()>
                <new_task::NewTaskForm open=adding/>
            </Show>
            <suggested::SuggestedCalls/>
            {DueGroup::ALL.into_iter().map(group_view).collect_view()}
            <Show when=move || items.with(Vec::is_empty)>
                <p class="muted" data-testid="tasks-empty">{state.text(TaskText::NothingToDo)}</p>
            </Show>
            <CompleteDialog item=completing/>
        </section>
    }
}

/// The top bar's link to «Мои дела» with the count due now (overdue and today's), marked when
/// something is overdue.
#[component]
pub fn TasksNavLink(current: Signal<Route>) -> impl IntoView {
    let state = use_app();
    let counts = Memo::new(move |_| AgendaCounts::of(&my_agenda(state)));
    let active = move || current.with(|r| *r == Route::Tasks);
    let label = move || {
        let c = counts.get();
        let due = fill(
            state.tr(TaskText::BadgeAria),
            &[&c.due_now().to_string(), &c.overdue.to_string()],
        );
        // The name starts with what the link shows («Мои дела 3»), as speech input expects.
        match c.due_now() {
            0 => state.tr(TaskText::NavTasks).to_owned(),
            n => format!("{} {n} — {due}", state.tr(TaskText::NavTasks)),
        }
    };
    let any_due = move || counts.get().due_now() != 0;
    let any_overdue = move || counts.get().overdue != 0;
    view! {
        <a href=href(&Route::Tasks) class="shell-topnav-link" class:shell-active=active
            aria-current=move || active().then_some("page") aria-label=label
            data-nav="tasks" data-testid="nav-tasks">
            {state.text(TaskText::NavTasks)}
            <Show when=any_due>
                " "<span class="tasks-nav-badge" class:tasks-nav-badge-overdue=any_overdue
                    data-testid="tasks-badge" data-overdue=move || counts.get().overdue.to_string()>
                    {move || counts.get().due_now()}
                </span>
            </Show>
        </a>
    }
}
