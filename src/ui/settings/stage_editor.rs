//! The director's stages: rename (the name field, saved on change), reorder (▲ ▼ buttons),
//! add, remove (a stage with deals only after choosing where they go), back to the standard
//! seven; and each stage's checklist. Each action is one core operation, saved at once.

use super::checklist_editor::ChecklistEditor;
use crate::domain::{Id, Stage};
use crate::i18n::{describe_workspace_error, fill, stage_name, PlaybookText};
use crate::ui::clock;
use crate::ui::dialog::ConfirmDialog;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The stages of the pipeline with their checklists, editable when `editable`.
#[component]
pub fn StageEditor(editable: Signal<bool>) -> impl IntoView {
    let state = use_app();
    let failure = RwSignal::new(None::<String>);
    let rows = Memo::new(move |_| {
        let lang = state.lang();
        state.ws.with(|ws| {
            ws.stages
                .iter()
                .map(|s| (s.id.clone(), stage_name(lang, s), ws.deals_in_stage(&s.id)))
                .collect::<Vec<_>>()
        })
    });
    let count = move || rows.with(Vec::len);
    let shown = move |s: &Stage| stage_name(state.lang(), s);
    let report = move |result: Result<(), String>, done: Option<String>| match result {
        Ok(()) => {
            failure.set(None);
            if let Some(text) = done {
                state.notify(text);
            }
        }
        Err(text) => failure.set(Some(text)),
    };
    let describe =
        move |e: crate::domain::WorkspaceError| describe_workspace_error(state.lang(), &e);
    let rename = move |id: Id, name: String| {
        let result = state.change(|ws, now| ws.rename_stage(&id, &name, &shown, now));
        report(
            result.map_err(describe),
            Some(state.tr(PlaybookText::StageSaved).to_owned()),
        );
    };
    let reorder = move |id: Id, up: bool| {
        let result = state
            .change(|ws, now| ws.move_stage(&id, up, now))
            .map(|_| ());
        report(result.map_err(describe), None);
    };
    let new_name = RwSignal::new(String::new());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = new_name.get_untracked();
        let result = state.change(|ws, now| ws.add_stage(clock::new_id(), &name, &shown, now));
        if result.is_ok() {
            new_name.set(String::new());
        }
        report(
            result.map_err(describe),
            Some(state.tr(PlaybookText::StageSaved).to_owned()),
        );
    };
    // The removal waiting for the director's word: the stage, and where its deals go.
    let removing = RwSignal::new(None::<Id>);
    let remove_open = RwSignal::new(false);
    let move_to = RwSignal::new(String::new());
    let ask_remove = move |id: Id| {
        let target = rows.with_untracked(|r| {
            r.iter()
                .find(|(other, _, _)| other != &id)
                .map(|(other, _, _)| other.to_string())
                .unwrap_or_default()
        });
        move_to.set(target);
        removing.set(Some(id));
        remove_open.set(true);
    };
    let removing_row = move || {
        removing.with(|id| {
            id.as_ref()
                .and_then(|id| rows.with(|r| r.iter().find(|(s, _, _)| s == id).cloned()))
        })
    };
    let confirm_remove = Callback::new(move |()| {
        let Some((id, name, deals)) = removing_row() else {
            return;
        };
        let target = (deals > 0).then(|| Id::from_raw(move_to.get_untracked()));
        let mover = state.mover();
        let result = state
            .change(|ws, now| ws.remove_stage(&id, target.as_ref(), &mover, now))
            .map(|_| ());
        let done = fill(state.tr(PlaybookText::RemoveTitle), &[&name]);
        report(result.map_err(describe), Some(done));
    });
    let restore_open = RwSignal::new(false);
    let confirm_restore = Callback::new(move |()| {
        let result = state.change(|ws, now| {
            ws.restore_default_stages(now);
            Ok::<(), String>(())
        });
        report(
            result,
            Some(state.tr(PlaybookText::StagesRestored).to_owned()),
        );
    });
    view! {
        <fieldset class="settings-pipeline-editor" prop:disabled=move || !editable.get() data-testid="stage-editor">
            <h3>{state.text(PlaybookText::StagesTitle)}</h3>
            <p class="hint">{state.text(PlaybookText::StagesHint)}</p>
            <ol class="settings-stages" data-testid="stage-list">
                {move || rows.get().into_iter().enumerate().map(|(i, (id, name, deals))| {
                    let n = count();
                    let label = fill(state.tr(PlaybookText::StageNameLabel), &[&(i + 1).to_string()]);
                    let up = fill(state.tr(PlaybookText::StageUp), &[&name]);
                    let down = fill(state.tr(PlaybookText::StageDown), &[&name]);
                    let remove = fill(state.tr(PlaybookText::StageRemove), &[&name]);
                    let (id_up, id_down, id_rm, id_name) = (id.clone(), id.clone(), id.clone(), id.clone());
                    view! {
                        <li class="settings-stage" data-testid=format!("stage-row-{id}")>
                            <div class="settings-stage-line">
                                <label class="field grow">
                                    <span class="visually-hidden">{label}</span>
                                    <input type="text" maxlength="60" prop:value=name.clone()
                                        on:change=move |ev| rename(id_name.clone(), event_target_value(&ev))
                                        data-testid="stage-name"/>
                                </label>
                                <span class="settings-stage-deals">{fill(state.tr(PlaybookText::StageDeals), &[&deals.to_string()])}</span>
                                <button type="button" class="secondary settings-stage-button" aria-label=up.clone() title=up
                                    disabled=i == 0 on:click=move |_| reorder(id_up.clone(), true) data-testid="stage-up">"▲"</button>
                                <button type="button" class="secondary settings-stage-button" aria-label=down.clone() title=down
                                    disabled=i + 1 == n on:click=move |_| reorder(id_down.clone(), false) data-testid="stage-down">"▼"</button>
                                <button type="button" class="link danger-text" aria-label=remove.clone() title=remove
                                    disabled=n == 1 on:click=move |_| ask_remove(id_rm.clone()) data-testid="stage-remove">"✕"</button>
                            </div>
                            <ChecklistEditor stage_id=id.clone() stage_name=name.clone()/>
                        </li>
                    }
                }).collect_view()}
            </ol>
            <form class="settings-reason-add" on:submit=add novalidate>
                <label class="field grow">
                    <span>{state.text(PlaybookText::NewStageLabel)}</span>
                    <input type="text" maxlength="60" prop:value=move || new_name.get()
                        on:input=move |ev| new_name.set(event_target_value(&ev)) data-testid="new-stage"/>
                </label>
                <button type="submit" class="secondary" data-testid="add-stage">{state.text(PlaybookText::AddStage)}</button>
            </form>
            {move || failure.get().map(|m| view! { <p class="field-error" role="alert" data-testid="stage-error">{m}</p> })}
            <div class="form-actions">
                <button type="button" class="secondary" on:click=move |_| restore_open.set(true) data-testid="restore-stages">
                    {state.text(PlaybookText::RestoreStages)}
                </button>
            </div>
        </fieldset>
        <ConfirmDialog
            open=remove_open
            title=Signal::derive(move || removing_row().map(|(_, name, _)| fill(state.tr(PlaybookText::RemoveTitle), &[&name])).unwrap_or_default())
            message=Signal::derive(move || match removing_row() {
                Some((_, _, deals)) if deals > 0 => fill(state.tr(PlaybookText::RemoveMoveTo), &[&deals.to_string()]),
                _ => state.tr(PlaybookText::RemoveEmpty).to_owned(),
            })
            confirm_label=Signal::derive(move || {
                let key = if removing_row().is_some_and(|(_, _, d)| d > 0) { PlaybookText::RemoveConfirm } else { PlaybookText::RemoveConfirmEmpty };
                state.tr(key).to_owned()
            })
            on_confirm=confirm_remove
        >
            <Show when=move || removing_row().is_some_and(|(_, _, d)| d > 0)>
                <label class="field">
                    <span>{state.text(PlaybookText::RemoveMoveToLabel)}</span>
                    <select prop:value=move || move_to.get() on:change=move |ev| move_to.set(event_target_value(&ev)) data-testid="remove-move-to">
                        {move || rows.get().into_iter()
                            .filter(|(id, _, _)| removing.with(|r| r.as_ref() != Some(id)))
                            .map(|(id, name, _)| {
                                let value = id.to_string();
                                let selected = value.clone();
                                view! { <option value=value selected=move || move_to.get() == selected>{name}</option> }
                            })
                            .collect_view()}
                    </select>
                </label>
            </Show>
        </ConfirmDialog>
        <ConfirmDialog
            open=restore_open
            title=state.text_signal(PlaybookText::RestoreStages)
            message=state.text_signal(PlaybookText::RestoreStagesQ)
            confirm_label=state.text_signal(PlaybookText::RestoreStages)
            on_confirm=confirm_restore
        />
    }
}
