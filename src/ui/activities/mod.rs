//! Activities on a client's card: «Записать контакт» (a call, meeting, e-mail or note with its
//! outcome, on the client or one of its deals) and the client's timeline.

mod timeline;

use crate::domain::activities::{Activity, ActivityKind};
use crate::domain::dates::{iso_date, parse_date, Timestamp};
use crate::domain::Id;
use crate::i18n::{describe_workspace_error, TaskText, Text};
use crate::ui::clock;
use crate::ui::state::use_app;
use chrono::{FixedOffset, NaiveTime, Timelike};
use leptos::html;
use leptos::prelude::*;

pub use timeline::ClientTimeline;

/// The words of an activity's kind.
pub fn kind_text(kind: ActivityKind) -> TaskText {
    match kind {
        ActivityKind::Call => TaskText::KindCall,
        ActivityKind::Meeting => TaskText::KindMeeting,
        ActivityKind::Email => TaskText::KindEmail,
        ActivityKind::Note => TaskText::KindNote,
    }
}

/// The local time of `now` to the minute, as an activity records it.
pub fn minute_of(now: Timestamp, offset: FixedOffset) -> NaiveTime {
    let local = now.with_timezone(&offset).time();
    NaiveTime::from_hms_opt(local.hour(), local.minute(), 0).unwrap_or(local)
}

/// The «Вид» field of an activity: call, meeting, e-mail or note. One field for the card's
/// «Записать контакт» form and the task completion dialog, which both log an activity.
#[component]
pub fn KindField(
    /// The chosen kind.
    kind: RwSignal<ActivityKind>,
    /// The select, for a form that puts the cursor in it on opening.
    select_ref: NodeRef<html::Select>,
    /// For tests.
    testid: &'static str,
) -> impl IntoView {
    let state = use_app();
    view! {
        <label class="field">
            <span>{state.text(TaskText::ActivityKindLabel)}</span>
            <select node_ref=select_ref data-testid=testid
                on:change=move |ev| if let Some(k) = ActivityKind::from_key(&event_target_value(&ev)) { kind.set(k) }>
                {ActivityKind::ALL.into_iter().map(|k| view! {
                    <option value=k.key() selected=move || kind.get() == k>{state.text(kind_text(k))}</option>
                }).collect_view()}
            </select>
        </label>
    }
}

/// «Записать контакт»: a button that opens the form to log an activity on `client_id` (and the
/// deal `deal_id`, from a deal's card).
#[component]
pub fn LogActivity(client_id: Id, #[prop(optional)] deal_id: Option<Id>) -> impl IntoView {
    let state = use_app();
    let open = RwSignal::new(false);
    let kind = RwSignal::new(ActivityKind::Call);
    let date = RwSignal::new(String::new());
    let time = RwSignal::new(String::new());
    let outcome = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let failure = RwSignal::new(None::<String>);
    let first_ref = NodeRef::<html::Select>::new();
    let start = move |_| {
        kind.set(ActivityKind::Call);
        date.set(iso_date(state.today_untracked()));
        let now = minute_of(clock::now(), clock::local_offset());
        time.set(now.format("%H:%M").to_string());
        outcome.set(String::new());
        text.set(String::new());
        failure.set(None);
        open.set(true);
    };
    Effect::new(move |_| {
        if open.get() {
            if let Some(select) = first_ref.get() {
                let _ = select.focus();
            }
        }
    });
    let submit = {
        let (client_id, deal_id) = (client_id.clone(), deal_id.clone());
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let Some(day) = parse_date(&date.get_untracked()) else {
                return failure.set(Some(state.tr(TaskText::BadDate).to_owned()));
            };
            let (outcome, notes) = (outcome.get_untracked(), text.get_untracked());
            if outcome.trim().is_empty() && notes.trim().is_empty() {
                return failure.set(Some(state.tr(TaskText::FieldRequired).to_owned()));
            }
            let activity_id = clock::new_id();
            let author = state.me_id();
            let logged = state.change(|ws, now| {
                ws.log_activity(Activity {
                    id: activity_id,
                    kind: kind.get_untracked(),
                    client_id: client_id.clone(),
                    deal_id: deal_id.clone(),
                    date: day,
                    time: NaiveTime::parse_from_str(time.get_untracked().trim(), "%H:%M").ok(),
                    author_id: author,
                    outcome: outcome.trim().to_owned(),
                    text: notes.trim().to_owned(),
                    task_id: None,
                    created_at: now,
                    restored_at: None,
                })
            });
            match logged {
                Ok(()) => {
                    open.set(false);
                    state.notify(state.tr(TaskText::ActivityLogged));
                }
                Err(e) => failure.set(Some(describe_workspace_error(state.lang(), &e))),
            }
        }
    };
    view! {
        <div class="activities-log">
            <Show when=move || open.get() fallback=move || view! {
                <button type="button" class="secondary" on:click=start data-testid="log-activity">
                    {state.text(TaskText::LogActivity)}
                </button>
            }>
                <form class="activities-form" on:submit=submit.clone() novalidate data-testid="activity-form">
                    <div class="activities-form-fields">
                        <KindField kind select_ref=first_ref testid="activity-kind"/>
                        <label class="field">
                            <span>{state.text(TaskText::ActivityDate)}</span>
                            <input type="date" prop:value=move || date.get() data-testid="activity-date"
                                on:input=move |ev| date.set(event_target_value(&ev))/>
                        </label>
                        <label class="field">
                            <span>{state.text(TaskText::ActivityTime)}</span>
                            <input type="time" prop:value=move || time.get() data-testid="activity-time"
                                on:input=move |ev| time.set(event_target_value(&ev))/>
                        </label>
                        <label class="field activities-form-wide">
                            <span>{state.text(TaskText::Outcome)}</span>
                            <input type="text" prop:value=move || outcome.get() data-testid="activity-outcome"
                                on:input=move |ev| outcome.set(event_target_value(&ev))/>
                        </label>
                        <label class="field activities-form-wide">
                            <span>{state.text(TaskText::ActivityText)}</span>
                            <textarea rows="2" prop:value=move || text.get() data-testid="activity-text"
                                on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                        </label>
                    </div>
                    {move || failure.get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
                    <div class="activities-form-actions">
                        <button type="button" class="secondary" on:click=move |_| open.set(false)>{state.text(Text::Cancel)}</button>
                        <button type="submit" class="primary" data-testid="activity-save">{state.text(TaskText::SaveActivity)}</button>
                    </div>
                </form>
            </Show>
        </div>
    }
}
