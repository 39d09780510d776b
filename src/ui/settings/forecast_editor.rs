//! The forecast's stage probabilities and the ABC classes' shares: the director's weights for
//! «Обзор». A save takes only what the director changed here (a patch of the pipeline
//! settings), so lost reasons or limits changed meanwhile elsewhere are kept.

use crate::domain::deal_flow::{AbcShares, PipelineSettings, StageProbability};
use crate::domain::Id;
use crate::i18n::{fill, stage_name, PlanText};
use crate::ui::settings::pipeline_save::save_pipeline_edit;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The typed form: per stage its percent, then A, B, C.
type Typed = (Vec<(Id, String)>, [String; 3]);

fn typed(settings: &PipelineSettings, ws: &crate::domain::Workspace) -> Typed {
    let stages = ws
        .stages
        .iter()
        .map(|s| (s.id.clone(), settings.probability_of(s).to_string()))
        .collect();
    let a = &settings.abc_shares;
    (stages, [a.a, a.b, a.c].map(|v| v.to_string()))
}

/// The probabilities and ABC shares, editable when `editable`.
#[component]
pub fn ForecastEditor(editable: Signal<bool>) -> impl IntoView {
    let state = use_app();
    let current = Memo::new(move |_| state.ws.with(|ws| ws.pipeline_settings.clone()));
    let shown = Memo::new(move |_| state.ws.with(|ws| typed(&current.get(), ws)));
    let form = RwSignal::new(shown.get_untracked());
    let opened = RwSignal::new(current.get_untracked());
    let failure = RwSignal::new(None::<String>);
    // While nothing is typed here, the form follows the settings (another tab, an import).
    Effect::new(move |_| {
        let now = shown.get();
        let untouched = state
            .ws
            .with_untracked(|ws| form.with_untracked(|f| f == &typed(&opened.get_untracked(), ws)));
        if untouched {
            form.set(now);
            opened.set(current.get_untracked());
        }
    });
    let stage_label = move |id: &Id| {
        state.ws.with_untracked(|ws| {
            ws.stage(id)
                .map(|s| stage_name(state.lang(), s))
                .unwrap_or_else(|| id.to_string())
        })
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (stages, abc) = form.get_untracked();
        let mut stage_probabilities = Vec::new();
        for (id, text) in stages {
            match text.trim().parse::<u32>() {
                Ok(percent) if percent <= 100 => stage_probabilities.push(StageProbability {
                    stage_id: id,
                    percent,
                }),
                _ => {
                    let text = fill(state.tr(PlanText::ErrProbability), &[&stage_label(&id)]);
                    return failure.set(Some(text));
                }
            }
        }
        let [a, b, c] = abc.map(|t| t.trim().parse::<u32>().unwrap_or(0));
        let before = opened.get_untracked();
        let edited = PipelineSettings {
            stage_probabilities,
            abc_shares: AbcShares { a, b, c },
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
                opened.set(current.get_untracked());
                form.set(shown.get_untracked());
                state.notify(state.tr(PlanText::ForecastSaved));
            }
            Err(text) => failure.set(Some(text)),
        }
    };
    let stage_fields = move || {
        let lang = state.lang();
        form.with(|(stages, _)| {
            stages
                .iter()
                .enumerate()
                .map(|(i, (id, text))| {
                    let name = state
                        .ws
                        .with_untracked(|ws| ws.stage(id).map(|s| stage_name(lang, s)))
                        .unwrap_or_else(|| id.to_string());
                    view! {
                        <label class="field">
                            <span>{format!("{name}, %")}</span>
                            <input type="number" min="0" max="100" step="1" inputmode="numeric"
                                prop:value=text.clone() data-testid=format!("probability-{id}")
                                on:change=move |ev| {
                                    let v = event_target_value(&ev);
                                    form.update(|f| if let Some(row) = f.0.get_mut(i) { row.1 = v; });
                                }/>
                        </label>
                    }
                })
                .collect_view()
        })
    };
    let share = move |i: usize, letter: &'static str| {
        view! {
            <label class="field">
                <span>{letter}</span>
                <input type="number" min="1" max="98" step="1" inputmode="numeric"
                    prop:value=move || form.with(|f| f.1[i].clone()) data-testid=format!("abc-{}", letter.to_lowercase())
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        form.update(|f| f.1[i] = v);
                    }/>
            </label>
        }
    };
    view! {
        <form on:submit=save novalidate>
            <fieldset class="settings-pipeline-editor" prop:disabled=move || !editable.get() data-testid="forecast-editor">
                <h3>{state.text(PlanText::ProbabilitiesTitle)}</h3>
                <div class="settings-stage-limits">{stage_fields}</div>
                <h3>{state.text(PlanText::AbcTitle)}</h3>
                <div class="settings-stage-limits">{share(0, "A")}{share(1, "B")}{share(2, "C")}</div>
                {move || failure.get().map(|f| view! { <p class="field-error" role="alert">{f}</p> })}
                <div class="form-actions">
                    <button type="submit" class="primary" data-testid="save-forecast">{state.text(PlanText::SaveForecast)}</button>
                </div>
            </fieldset>
        </form>
    }
}
