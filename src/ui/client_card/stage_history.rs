//! A deal's stage history on its card: a short timeline, newest first, with the day, what
//! happened and who did it.

use crate::domain::dates::format_date;
use crate::domain::Id;
use crate::i18n::deals::history_text;
use crate::i18n::{stage_name, DealText};
use crate::ui::clock;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The timeline of one deal's stage changes.
#[component]
pub fn StageHistory(deal_id: Id) -> impl IntoView {
    let state = use_app();
    let entries = Memo::new(move |_| {
        let lang = state.lang();
        state.ws.with(|ws| {
            let stage = |id: &Id| ws.stage(id).map(|s| stage_name(lang, s));
            let mut list: Vec<(String, String, String)> = ws
                .stage_history_of(&deal_id)
                .into_iter()
                .map(|e| {
                    let who =
                        e.by.as_ref()
                            .and_then(|id| ws.member(id))
                            .map(|m| m.name.clone())
                            .unwrap_or_default();
                    let day = format_date(clock::date_of(e.at));
                    (day, history_text(lang, e, stage), who)
                })
                .collect();
            list.reverse();
            list
        })
    });
    view! {
        <Show when=move || !entries.with(Vec::is_empty)>
            <details class="client-card-stage-history" data-testid="stage-history">
                <summary>{state.text(DealText::HistoryTitle)}</summary>
                <ol>
                    {move || entries.get().into_iter().map(|(day, what, who)| view! {
                        <li>
                            <time>{day}</time>" "{what}
                            {(!who.is_empty()).then(|| view! { <span class="muted">" · "{who}</span> })}
                        </li>
                    }).collect_view()}
                </ol>
            </details>
        </Show>
    }
}
