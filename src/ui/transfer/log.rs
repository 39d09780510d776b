use crate::domain::dates::format_date;
use crate::domain::transfer::{Eligibility, TransferRecord};
use crate::domain::Id;
use crate::i18n::SalesText;
use crate::route::{href, Route};
use crate::ui::state::use_app;
use crate::ui::transfer::eligibility::EligibilityList;
use leptos::prelude::*;

/// The transfer log, newest first: the whole team's, or one client's when `client_id` is set.
#[component]
pub fn TransferLog(#[prop(optional)] client_id: Option<Id>) -> impl IntoView {
    let state = use_app();
    let records = Memo::new(move |_| {
        state.ws.with(|ws| {
            let mut list: Vec<TransferRecord> = ws
                .transfers
                .iter()
                .filter(|t| client_id.as_ref().is_none_or(|c| &t.client_id == c))
                .cloned()
                .collect();
            crate::domain::sort::sort_by_key(&mut list, |t| {
                std::cmp::Reverse((t.date, t.created_at))
            });
            list
        })
    });
    let name_of = move |id: &Id| {
        state.ws.with(|ws| {
            ws.member(id)
                .map(|m| m.name.clone())
                .or_else(|| ws.client(id).map(|c| c.name.clone()))
                .unwrap_or_else(|| id.to_string())
        })
    };
    view! {
        <Show when=move || !records.with(Vec::is_empty) fallback=move || view! {
            <p class="muted" data-testid="log-empty">{state.text(SalesText::LogEmpty)}</p>
        }>
            <ul class="transfer-log" data-testid="transfer-log">
                <For each=move || records.get() key=|t| t.id.clone() let(t)>
                    <li class="transfer-log-entry" data-testid="log-entry">
                        <div class="transfer-log-head">
                            <strong>{format_date(t.date)}</strong>
                            <a href=href(&Route::Client(t.client_id.clone()))>{name_of(&t.client_id)}</a>
                            <span>{format!("{} → {}", name_of(&t.from_member_id), name_of(&t.to_member_id))}</span>
                            <span class="muted">{format!("{}: {}", state.text(SalesText::LogBy)(), name_of(&t.by_member_id))}</span>
                        </div>
                        <details>
                            <summary>{state.text(SalesText::LogGrounds)}</summary>
                            <EligibilityList rule=t.rule.clone() eligibility=Eligibility { eligible: true, outcomes: t.outcomes.clone() }/>
                        </details>
                    </li>
                </For>
            </ul>
        </Show>
    }
}
