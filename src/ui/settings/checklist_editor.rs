//! One stage's checklist in the director's stage editor: rename, remove and add items, then
//! save. A built-in item renamed keeps its id (and so the ticks deals have on it).

use crate::domain::deal_flow::ChecklistItem;
use crate::domain::Id;
use crate::i18n::deals::describe_settings_problems;
use crate::i18n::playbook::item_text;
use crate::i18n::{describe_workspace_error, fill, PlaybookText};
use crate::ui::clock;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The checklist of `stage_id`, unfolded on request.
#[component]
pub fn ChecklistEditor(stage_id: Id, stage_name: String) -> impl IntoView {
    let state = use_app();
    let current = {
        let stage_id = stage_id.clone();
        Memo::new(move |_| state.ws.with(|ws| ws.checklist_of(&stage_id)))
    };
    // The items as the director is editing them: the item and its words as typed.
    let rows = move || {
        let lang = state.lang();
        current
            .get()
            .into_iter()
            .map(|item| {
                let text = item_text(lang, &item);
                (item, text)
            })
            .collect::<Vec<_>>()
    };
    let draft = RwSignal::new(rows());
    let opened = RwSignal::new(current.get_untracked());
    // While untouched, the editor follows the stored checklist (another tab, a restore).
    Effect::new(move |_| {
        let now = current.get();
        let fresh = rows();
        if opened.with_untracked(|o| o != &now) {
            draft.set(fresh);
            opened.set(now);
        }
    });
    let new_item = RwSignal::new(String::new());
    let failure = RwSignal::new(None::<String>);
    let add = move |_| {
        let text = new_item.get_untracked();
        if text.trim().is_empty() {
            return;
        }
        let item = ChecklistItem::custom(clock::new_id(), &text);
        draft.update(|d| d.push((item, text.trim().to_owned())));
        new_item.set(String::new());
    };
    let save = {
        let stage_id = stage_id.clone();
        let stage_name = stage_name.clone();
        move |_| {
            let lang = state.lang();
            let items: Vec<ChecklistItem> = draft
                .get_untracked()
                .into_iter()
                .map(|(mut item, typed)| {
                    let default = ChecklistItem {
                        text: String::new(),
                        ..item.clone()
                    };
                    let typed = typed.trim().to_owned();
                    item.text = if item.key.is_some() && item_text(lang, &default) == typed {
                        String::new()
                    } else {
                        typed
                    };
                    item
                })
                .collect();
            let result = state.change(|ws, now| ws.set_stage_checklist(&stage_id, items, now));
            match result {
                Ok(()) => {
                    failure.set(None);
                    opened.set(current.get_untracked());
                    draft.set(rows());
                    state.notify(fill(state.tr(PlaybookText::ChecklistSaved), &[&stage_name]));
                }
                Err(crate::domain::WorkspaceError::InvalidPipelineSettings(problems)) => {
                    let name = stage_name.clone();
                    let text = describe_settings_problems(lang, &problems, move |_| name.clone());
                    failure.set(Some(text));
                }
                Err(e) => failure.set(Some(describe_workspace_error(lang, &e))),
            }
        }
    };
    let title = fill(state.tr(PlaybookText::ChecklistOf), &[&stage_name]);
    let name = stage_name.clone();
    view! {
        <details class="settings-checklist" data-testid="checklist-editor">
            <summary>
                {title}" · "{move || fill(state.tr(PlaybookText::ChecklistItems), &[&draft.with(Vec::len).to_string()])}
            </summary>
            <ol class="settings-checklist-items">
                {move || draft.get().into_iter().enumerate().map(|(i, (_, text))| {
                    let label = fill(state.tr(PlaybookText::ItemLabel), &[&(i + 1).to_string(), &name]);
                    let remove = fill(state.tr(PlaybookText::RemoveItem), &[&text]);
                    view! {
                        <li>
                            <label class="field grow">
                                <span class="visually-hidden">{label}</span>
                                <input type="text" maxlength="200" prop:value=text
                                    on:change=move |ev| draft.update(|d| if let Some(row) = d.get_mut(i) { row.1 = event_target_value(&ev) })
                                    data-testid="checklist-item-text"/>
                            </label>
                            <button type="button" class="link danger-text" aria-label=remove.clone() title=remove
                                on:click=move |_| draft.update(|d| { if i < d.len() { d.remove(i); } })
                                data-testid="checklist-item-remove">"✕"</button>
                        </li>
                    }
                }).collect_view()}
            </ol>
            <div class="settings-reason-add">
                <label class="field grow">
                    <span>{state.text(PlaybookText::NewItem)}</span>
                    <input type="text" maxlength="200" prop:value=move || new_item.get()
                        on:input=move |ev| new_item.set(event_target_value(&ev)) data-testid="checklist-new-item"/>
                </label>
                <button type="button" class="secondary" on:click=add data-testid="checklist-add-item">{state.text(PlaybookText::AddItem)}</button>
                <button type="button" class="primary" on:click=save data-testid="checklist-save">{state.text(PlaybookText::SaveChecklist)}</button>
            </div>
            {move || failure.get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
        </details>
    }
}
