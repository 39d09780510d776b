//! The pipeline settings: the lost reasons the closing form offers and how many days a deal may
//! stay in each stage. The director edits them; a save takes only the field the director
//! changed, so a change made elsewhere meanwhile to the other one is kept.

use crate::domain::deal_flow::{LostReason, PipelineSettings, StageLimit};
use crate::domain::Id;
use crate::i18n::deals::reason_name;
use crate::i18n::{fill, stage_name, DealText};
use crate::ui::settings::pipeline_save::save_pipeline_edit;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// One stage's row: its id, and the limit as typed (empty: no limit).
type LimitRow = (Id, String);

fn limit_rows(settings: &PipelineSettings, stages: &[Id]) -> Vec<LimitRow> {
    stages
        .iter()
        .map(|id| {
            let days = settings.limit_of(id).map(|d| d.to_string());
            (id.clone(), days.unwrap_or_default())
        })
        .collect()
}

/// The lost reasons and the stage limits, editable when `editable`.
#[component]
pub fn PipelineEditor(editable: Signal<bool>) -> impl IntoView {
    let state = use_app();
    let current = Memo::new(move |_| state.ws.with(|ws| ws.pipeline_settings.clone()));
    let stage_ids = Memo::new(move |_| {
        state
            .ws
            .with(|ws| ws.stages.iter().map(|s| s.id.clone()).collect::<Vec<_>>())
    });
    let opened = RwSignal::new(current.get_untracked());
    let reasons = RwSignal::new(opened.with_untracked(|s| s.lost_reasons.clone()));
    let limits = RwSignal::new(limit_rows(
        &opened.get_untracked(),
        &stage_ids.get_untracked(),
    ));
    let new_reason = RwSignal::new(String::new());
    let failure = RwSignal::new(None::<String>);
    // While nothing is being edited here, the editor follows the settings (another tab, an
    // import).
    Effect::new(move |_| {
        let now = current.get();
        let stages = stage_ids.get();
        let untouched = opened.with_untracked(|o| {
            reasons.with_untracked(|r| r == &o.lost_reasons)
                && limits.with_untracked(|l| l == &limit_rows(o, &stages))
        });
        if untouched {
            reasons.set(now.lost_reasons.clone());
            limits.set(limit_rows(&now, &stages));
            opened.set(now);
        }
    });
    let stage_label = move |id: &Id| {
        state.ws.with_untracked(|ws| {
            ws.stage(id)
                .map(|s| stage_name(state.lang(), s))
                .unwrap_or_else(|| id.to_string())
        })
    };
    let add_reason = move |_| {
        let text = new_reason.get_untracked();
        if text.trim().is_empty() {
            return;
        }
        reasons.update(|r| r.push(LostReason::custom(&text)));
        new_reason.set(String::new());
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut stage_limits = Vec::new();
        for (id, typed) in limits.get_untracked() {
            let typed = typed.trim();
            if typed.is_empty() {
                continue;
            }
            match typed.parse::<u32>() {
                Ok(days) => stage_limits.push(StageLimit { stage_id: id, days }),
                Err(_) => {
                    let text = fill(state.tr(DealText::ErrLimitRange), &[&stage_label(&id)]);
                    return failure.set(Some(text));
                }
            }
        }
        let before = opened.get_untracked();
        let edited = PipelineSettings {
            lost_reasons: reasons.get_untracked(),
            stage_limits,
            ..before.clone()
        };
        match save_pipeline_edit(
            state,
            &before,
            &edited,
            &current.get_untracked(),
            stage_label,
        ) {
            Ok(()) => {
                failure.set(None);
                let now = current.get_untracked();
                reasons.set(now.lost_reasons.clone());
                limits.set(limit_rows(&now, &stage_ids.get_untracked()));
                opened.set(now);
                state.notify(state.tr(DealText::PipelineSaved));
            }
            Err(text) => failure.set(Some(text)),
        }
    };
    view! {
        <form on:submit=save novalidate>
            <fieldset class="settings-pipeline-editor" prop:disabled=move || !editable.get() data-testid="pipeline-editor">
                <h3>{state.text(DealText::LostReasonsTitle)}</h3>
                <ul class="settings-reasons" data-testid="lost-reasons">
                    {move || {
                        let lang = state.lang();
                        reasons.get().into_iter().enumerate().map(|(i, r)| {
                            let name = reason_name(lang, &r);
                            let label = fill(state.tr(DealText::RemoveReason), &[&name]);
                            view! {
                                <li>
                                    <span>{name}</span>
                                    <button type="button" class="link danger-text" aria-label=label.clone() title=label
                                        on:click=move |_| reasons.update(|list| { if i < list.len() { list.remove(i); } })>
                                        "✕"
                                    </button>
                                </li>
                            }
                        }).collect_view()
                    }}
                </ul>
                <div class="settings-reason-add">
                    <label class="field grow">
                        <span>{state.text(DealText::NewReason)}</span>
                        <input type="text" prop:value=move || new_reason.get()
                            on:input=move |ev| new_reason.set(event_target_value(&ev)) data-testid="new-reason"/>
                    </label>
                    <button type="button" class="secondary" on:click=add_reason data-testid="add-reason">
                        {state.text(DealText::AddReason)}
                    </button>
                </div>
                <h3>{state.text(DealText::StageLimitsTitle)}</h3>
                <div class="settings-stage-limits">
                    {move || limits.get().into_iter().enumerate().map(|(i, (id, days))| {
                        let name = stage_label(&id);
                        view! {
                            <label class="field">
                                <span>{name}</span>
                                <input type="number" min="1" max="3650" inputmode="numeric" prop:value=days
                                    placeholder=move || state.tr(DealText::NoLimit)
                                    on:change=move |ev| limits.update(|l| if let Some(row) = l.get_mut(i) { row.1 = event_target_value(&ev) })
                                    data-testid=format!("limit-{id}")/>
                            </label>
                        }
                    }).collect_view()}
                </div>
                {move || failure.get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
                <div class="form-actions">
                    <button type="submit" class="primary" data-testid="save-pipeline">{state.text(DealText::SavePipeline)}</button>
                </div>
            </fieldset>
        </form>
    }
}
