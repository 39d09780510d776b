//! A client's timeline on its card: activities, its deals' stage changes, orders, transfers and
//! assessments, newest first (built by [`crate::domain::activities::timeline`]), a page at a
//! time, with the form to log a new activity above it.

use super::{kind_text, LogActivity};
use crate::domain::dates::format_date;
use crate::domain::views::timeline::{timeline, TimelineEvent};
use crate::domain::Id;
use crate::i18n::deals::history_text;
use crate::i18n::{fill, stage_name, TaskText, Text, Translate};
use crate::ui::clock;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// How many entries show before «Показать ещё».
const ENTRIES_PER_PAGE: usize = 20;

/// One entry in words: when, what kind, the line, and the details and who.
#[derive(Clone, PartialEq)]
struct Line {
    key: String,
    when: String,
    kind: &'static str,
    what: String,
    detail: String,
}

/// The client's timeline.
#[component]
pub fn ClientTimeline(client_id: Id) -> impl IntoView {
    let state = use_app();
    let offset = clock::local_offset();
    let lines = {
        let client_id = client_id.clone();
        Memo::new(move |_| {
            let lang = state.lang();
            state.ws.with(|ws| {
                let name = |id: &Id| ws.member(id).map(|m| m.name.clone()).unwrap_or_default();
                timeline(ws, &client_id, offset)
                    .into_iter()
                    .map(|e| {
                        let when = match e.time {
                            Some(t) => format!("{} {}", format_date(e.date), t.format("%H:%M")),
                            None => format_date(e.date),
                        };
                        let (key, kind, what, detail) = match e.event {
                            TimelineEvent::Activity(a) => {
                                let mut what = kind_text(a.kind).get(lang).to_owned();
                                if !a.outcome.is_empty() {
                                    what = format!("{what}: {}", a.outcome);
                                }
                                let about = a
                                    .deal_id
                                    .as_ref()
                                    .and_then(|d| ws.deal(d))
                                    .map(|d| fill(TaskText::TlAbout.get(lang), &[&d.title]));
                                let by = a.author_id.as_ref().map(name);
                                let detail = [Some(a.text.clone()), about, by]
                                    .into_iter()
                                    .flatten()
                                    .filter(|s| !s.is_empty())
                                    .collect::<Vec<_>>()
                                    .join(" · ");
                                (a.id.to_string(), a.kind.key(), what, detail)
                            }
                            TimelineEvent::StageChange(c, title) => {
                                let stage = |id: &Id| ws.stage(id).map(|s| stage_name(lang, s));
                                let moved = history_text(lang, c, stage);
                                let what = fill(TaskText::TlDeal.get(lang), &[title, &moved]);
                                (
                                    c.id.to_string(),
                                    "stage",
                                    what,
                                    c.by.as_ref().map(name).unwrap_or_default(),
                                )
                            }
                            TimelineEvent::Order(o) => {
                                let what =
                                    fill(TaskText::TlOrder.get(lang), &[&o.total().to_string()]);
                                (o.id.to_string(), "order", what, String::new())
                            }
                            TimelineEvent::Transfer(t) => {
                                let what = fill(
                                    TaskText::TlTransfer.get(lang),
                                    &[&name(&t.from_member_id), &name(&t.to_member_id)],
                                );
                                (t.id.to_string(), "transfer", what, String::new())
                            }
                            TimelineEvent::Assessment(a, title) => {
                                let what = fill(TaskText::TlAssessment.get(lang), &[title]);
                                (a.id.to_string(), "assessment", what, name(&a.assessor_id))
                            }
                        };
                        Line {
                            key: format!("{kind}:{key}"),
                            when,
                            kind,
                            what,
                            detail,
                        }
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let shown = RwSignal::new(ENTRIES_PER_PAGE);
    let page = move || lines.with(|l| l.iter().take(shown.get()).cloned().collect::<Vec<_>>());
    let hidden = move || lines.with(Vec::len).saturating_sub(shown.get());
    view! {
        <section class="panel activities-timeline" aria-labelledby="activities-timeline-title" data-testid="client-timeline">
            <h2 id="activities-timeline-title">{state.text(TaskText::TimelineTitle)}</h2>
            <LogActivity client_id=client_id.clone()/>
            <Show when=move || !lines.with(Vec::is_empty)
                fallback=move || view! { <p class="muted">{state.text(TaskText::TimelineEmpty)}</p> }>
                <ol class="activities-timeline-list">
                    <For each=page key=|l| l.key.clone() let(line)>
                        <li class="activities-entry" data-kind=line.kind data-testid="timeline-entry">
                            <time class="activities-entry-when">{line.when}</time>
                            <span class="activities-entry-what">{line.what}</span>
                            {(!line.detail.is_empty()).then(|| view! { <span class="muted activities-entry-detail">{line.detail}</span> })}
                        </li>
                    </For>
                </ol>
                <Show when=move || { hidden() > 0 }>
                    <button type="button" class="secondary" data-testid="timeline-more"
                        on:click=move |_| shown.update(|n| *n += ENTRIES_PER_PAGE)>
                        {move || fill(state.tr(Text::ShowMore), &[&hidden().to_string()])}
                    </button>
                </Show>
            </Show>
        </section>
    }
}
