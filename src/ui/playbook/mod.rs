//! The playbook on a deal: the checklist of the deal's stage with its ticks, and the question
//! asked before a deal moves on with items left unticked (the board's buttons, drag and
//! keyboard, and the deal's editor all ask it, after the BANT gate before «КП»).

use crate::domain::Id;
use crate::i18n::playbook::item_text;
use crate::i18n::{fill, stage_name, PlaybookText};
use crate::ui::state::{use_app, AppState};
use leptos::prelude::*;

/// The question before moving `deal_id` to `stage_id`: `(title, message)` when items of its
/// stage are unticked and the move goes forward, `None` when it may go at once.
pub fn gate_question(state: AppState, deal_id: &Id, stage_id: &Id) -> Option<(String, String)> {
    let lang = state.lang();
    state.ws.with_untracked(|ws| {
        let left = ws.unticked_before_move(deal_id, stage_id);
        if left.is_empty() {
            return None;
        }
        let stage = ws
            .deal(deal_id)
            .and_then(|d| ws.stage(&d.stage_id))
            .map(|s| stage_name(lang, s))
            .unwrap_or_default();
        let items: Vec<String> = left.iter().map(|i| item_text(lang, i)).collect();
        Some((
            fill(state.tr(PlaybookText::GateTitle), &[&stage]),
            fill(state.tr(PlaybookText::GateQuestion), &[&items.join("; ")]),
        ))
    })
}

/// The checklist of the deal's present stage, each item a checkbox kept on the deal.
#[component]
pub fn DealChecklist(deal_id: Id) -> impl IntoView {
    let state = use_app();
    let rows = {
        let deal_id = deal_id.clone();
        Memo::new(move |_| {
            let lang = state.lang();
            state.ws.with(|ws| {
                let Some(deal) = ws.deal(&deal_id) else {
                    return (String::new(), Vec::new());
                };
                let stage = ws
                    .stage(&deal.stage_id)
                    .map(|s| stage_name(lang, s))
                    .unwrap_or_default();
                let items = ws
                    .checklist_of(&deal.stage_id)
                    .into_iter()
                    .map(|i| {
                        let done = deal.checklist_done.contains(&i.id);
                        (i.id.clone(), item_text(lang, &i), done)
                    })
                    .collect::<Vec<_>>();
                (stage, items)
            })
        })
    };
    let done = move || rows.with(|(_, items)| items.iter().filter(|i| i.2).count());
    let total = move || rows.with(|(_, items)| items.len());
    let heading =
        move || rows.with(|(stage, _)| fill(state.tr(PlaybookText::ChecklistTitle), &[stage]));
    view! {
        <section class="playbook-checklist" data-testid="deal-checklist">
            <h3 class="playbook-title">
                {heading}
                <span class="playbook-progress">
                    {move || fill(state.tr(PlaybookText::ChecklistDone), &[&done().to_string(), &total().to_string()])}
                </span>
            </h3>
            <Show when=move || total() == 0>
                <p class="muted">{state.text(PlaybookText::ChecklistEmpty)}</p>
            </Show>
            <ul class="playbook-items">
                {move || rows.get().1.into_iter().map(|(item_id, text, ticked)| {
                    let deal_id = deal_id.clone();
                    let testid = format!("check-{item_id}");
                    view! {
                        <li>
                            <label class="check playbook-item">
                                <input type="checkbox" prop:checked=ticked data-testid=testid
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        let _ = state.change(|ws, now| ws.tick_checklist_item(&deal_id, &item_id, on, now));
                                    }/>
                                <span>{text}</span>
                            </label>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
