use super::clash::{follow_settings, model_part, SettingsClash};
use crate::domain::qualification::{
    LocalText, MinCriteriaRule, ScoringModel, Template, MAX_WEIGHT,
};
use crate::i18n::{describe_model_error, describe_workspace_error, verdict_name, Text, Translate};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// Edits a copy of the model; nothing changes for the team until a valid model is saved.
#[component]
pub fn ModelEditor(editable: Signal<bool>) -> impl IntoView {
    let state = use_app();
    let draft = RwSignal::new(state.ws.with_untracked(|ws| ws.scoring_model.clone()));
    // Weights as typed, so "-1" or "abc" can be shown back with an error instead of vanishing.
    let weights = RwSignal::new(weights_of(&draft.get_untracked()));
    let saved = Memo::new(move |_| state.ws.with(|ws| ws.scoring_model.clone()));
    // The model as the draft last caught up with it: what the person changed is the difference
    // between the draft and this, and only that is saved over a model changed elsewhere.
    let opened = RwSignal::new(draft.get_untracked());
    let clashes = RwSignal::new(Vec::<String>::new());
    follow_settings(saved, opened, draft, clashes);

    let bad_weights = move || {
        weights.with(|list| {
            list.iter()
                .enumerate()
                .filter(|(_, w)| parse_weight(w).is_none())
                .map(|(i, _)| i)
                .collect::<Vec<_>>()
        })
    };
    let problems = move || {
        let lang = state.lang();
        let mut list: Vec<String> = bad_weights()
            .into_iter()
            .map(|i| {
                crate::i18n::fill(
                    Text::WeightInvalid.get(lang),
                    &[&(i + 1).to_string(), &MAX_WEIGHT.to_string()],
                )
            })
            .collect();
        list.extend(
            draft
                .with(|m| m.problems())
                .iter()
                .map(|p| describe_model_error(lang, p)),
        );
        list
    };
    // The weights as typed follow the draft when it caught up with a change made elsewhere,
    // unless the person is in the middle of typing one that does not read yet.
    Effect::new(move |_| {
        let from_draft = draft.with(weights_of);
        let typed_ok = weights.with_untracked(|w| w.iter().all(|t| parse_weight(t).is_some()));
        if typed_ok && weights.with_untracked(|w| w != &from_draft) {
            weights.set(from_draft);
        }
    });
    let dirty = move || draft.with(|d| saved.with(|s| d != s));
    let edit_text = move |t: &mut LocalText, value: String| t.set(state.lang(), value);

    let set_weight = move |i: usize, text: String| {
        weights.update(|w| w[i] = text.clone());
        if let Some(w) = parse_weight(&text) {
            draft.update(|m| m.criteria[i].weight = w);
        }
    };
    let apply_template = move |ev| {
        let code = event_target_value(&ev);
        if let Some(t) = Template::ALL.into_iter().find(|t| t.label() == code) {
            let model = t.model();
            weights.set(weights_of(&model));
            draft.set(model);
        }
    };
    let save = move |_| {
        if !bad_weights().is_empty() {
            return;
        }
        let model = draft.get_untracked();
        match state.change(|ws, now| ws.set_scoring_model(model, now)) {
            Ok(()) => {
                let now = state.ws.with_untracked(|ws| ws.scoring_model.clone());
                opened.set(now.clone());
                draft.set(now);
                clashes.set(Vec::new());
                state.notify(state.tr(Text::ModelSaved));
            }
            Err(e) => state.notify(describe_workspace_error(state.lang(), &e)),
        }
    };
    let reset = move |_| {
        let model = saved.get_untracked();
        weights.set(weights_of(&model));
        opened.set(model.clone());
        draft.set(model);
        clashes.set(Vec::new());
    };

    let criterion_count = move || draft.with(|m| m.criteria.len());
    view! {
        <fieldset class="settings-model-editor" prop:disabled=move || !editable.get() data-testid="model-editor">
            <SettingsClash clashes opened draft part_name=model_part/>
            <div class="form-grid">
                <label class="field">
                    <span>{state.text(Text::Template)}</span>
                    <select data-testid="model-template" on:change=apply_template
                        prop:value=move || draft.with(|m| m.template.label())>
                        {Template::ALL.map(|t| view! { <option value=t.label()>{t.label()}</option> })}
                    </select>
                </label>
                <p class="muted" data-testid="model-max">
                    {move || crate::i18n::count(state.lang(), crate::i18n::Plural::MaxScore, u64::from(draft.with(|m| m.max_score())))}
                </p>
            </div>

            <For each=move || 0..criterion_count() key=|i| *i let(i)>
                <div class="panel settings-criterion-editor" data-criterion=move || draft.with(|m| m.criteria.get(i).map(|c| c.key.clone()))>
                    <div class="form-grid">
                        <label class="field">
                            <span>{state.text(Text::CriterionName)}</span>
                            <input type="text" prop:value=move || draft.with(|m| m.criteria.get(i).map(|c| c.name.get(state.lang()).to_owned()))
                                on:input=move |ev| draft.update(|m| edit_text(&mut m.criteria[i].name, event_target_value(&ev)))/>
                        </label>
                        <label class="field">
                            <span>{state.text(Text::Weight)}</span>
                            <input type="number" min="0" max=MAX_WEIGHT.to_string() step="1" data-testid=format!("weight-{i}")
                                aria-invalid=move || bad_weights().contains(&i).then_some("true")
                                prop:value=move || weights.with(|w| w.get(i).cloned())
                                on:input=move |ev| set_weight(i, event_target_value(&ev))/>
                        </label>
                    </div>
                    <details>
                        <summary>{state.text(Text::LevelsAndQuestions)}</summary>
                        <div class="form-grid">
                            {(0..5usize).map(|level| view! {
                                <label class="field">
                                    <span>{move || crate::i18n::fill(state.tr(Text::LevelN), &[&level.to_string()])}</span>
                                    <input type="text"
                                        prop:value=move || draft.with(|m| m.criteria.get(i).and_then(|c| c.levels.get(level)).map(|t| t.get(state.lang()).to_owned()))
                                        on:input=move |ev| draft.update(|m| edit_text(&mut m.criteria[i].levels[level], event_target_value(&ev)))/>
                                </label>
                            }).collect_view()}
                            <label class="field wide">
                                <span>{state.text(Text::QuestionsOnePerLine)}</span>
                                <textarea rows="3"
                                    prop:value=move || draft.with(|m| m.criteria.get(i).map(|c| c.questions.iter().map(|q| q.get(state.lang()).to_owned()).collect::<Vec<_>>().join("\n")))
                                    on:input=move |ev| {
                                        let lines: Vec<String> = event_target_value(&ev).lines().map(str::to_owned).filter(|l| !l.trim().is_empty()).collect();
                                        draft.update(|m| {
                                            let qs = &mut m.criteria[i].questions;
                                            qs.resize(lines.len(), LocalText::default());
                                            for (q, line) in qs.iter_mut().zip(lines) {
                                                edit_text(q, line);
                                            }
                                        });
                                    }></textarea>
                            </label>
                        </div>
                    </details>
                </div>
            </For>

            <div class="panel">
                <h3>{state.text(Text::VerdictBands)}</h3>
                <table class="settings-bands">
                    <thead><tr><th>{state.text(Text::Verdict)}</th><th>{state.text(Text::From)}</th><th>{state.text(Text::To)}</th></tr></thead>
                    <tbody>
                        <For each=move || 0..draft.with(|m| m.bands.len()) key=|i| *i let(i)>
                            <tr>
                                <td>{move || draft.with(|m| m.bands.get(i).map(|b| verdict_name(state.lang(), b.verdict)))}</td>
                                <td><input type="number" min="0" data-testid=format!("band-from-{i}")
                                    aria-label=move || format!("{} {}", state.tr(Text::From), draft.with(|m| m.bands.get(i).map(|b| verdict_name(state.lang(), b.verdict)).unwrap_or_default()))
                                    prop:value=move || draft.with(|m| m.bands.get(i).map(|b| b.from.to_string()))
                                    on:input=move |ev| if let Ok(v) = event_target_value(&ev).parse() { draft.update(|m| m.bands[i].from = v) }/></td>
                                <td><input type="number" min="0" data-testid=format!("band-to-{i}")
                                    aria-label=move || format!("{} {}", state.tr(Text::To), draft.with(|m| m.bands.get(i).map(|b| verdict_name(state.lang(), b.verdict)).unwrap_or_default()))
                                    prop:value=move || draft.with(|m| m.bands.get(i).map(|b| b.to.to_string()))
                                    on:input=move |ev| if let Ok(v) = event_target_value(&ev).parse() { draft.update(|m| m.bands[i].to = v) }/></td>
                            </tr>
                        </For>
                    </tbody>
                </table>
                <button type="button" class="secondary" on:click=move |_| draft.update(ScoringModel::rescale_bands)
                    data-testid="rescale-bands">{state.text(Text::RescaleBands)}</button>
            </div>

            <div class="panel">
                <label class="check">
                    <input type="checkbox" data-testid="min-criteria"
                        prop:checked=move || draft.with(|m| m.min_criteria.is_some())
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            draft.update(|m| m.min_criteria = on.then(MinCriteriaRule::default));
                        }/>
                    {move || {
                        let rule = draft.with(|m| m.min_criteria.unwrap_or_default());
                        let criteria = draft.with(|m| m.criteria.len());
                        crate::i18n::plural(state.lang(), crate::i18n::Plural::MinCriteriaRule, criteria as u64, &[&rule.count.to_string(), &criteria.to_string(), &rule.min_level.to_string()])
                    }}
                </label>
            </div>

            <ul class="settings-problems" role="alert" data-testid="model-problems">
                <For each=problems key=|p| p.clone() let(p)>
                    <li class="field-error">{p}</li>
                </For>
            </ul>
            <div class="form-actions">
                <button type="button" class="primary" data-testid="save-model"
                    disabled=move || !dirty() || !problems().is_empty() on:click=save>
                    {state.text(Text::SaveModel)}
                </button>
                <button type="button" class="secondary" disabled=move || !dirty() on:click=reset>{state.text(Text::ResetChanges)}</button>
            </div>
        </fieldset>
    }
}

fn weights_of(model: &ScoringModel) -> Vec<String> {
    model
        .criteria
        .iter()
        .map(|c| c.weight.to_string())
        .collect()
}

/// A weight as typed: a whole number from 0 to [`MAX_WEIGHT`].
fn parse_weight(text: &str) -> Option<u32> {
    text.trim().parse::<u32>().ok().filter(|w| *w <= MAX_WEIGHT)
}
