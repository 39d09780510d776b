use crate::domain::qualification::{Assessment, Rating};
use crate::domain::Id;
use crate::i18n::Text;
use crate::ui::clock;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// One criterion's answer while the form is open.
#[derive(Clone, Debug, PartialEq)]
struct Answer {
    key: String,
    level: Option<u8>,
    evidence: String,
}

/// Rates every criterion of the team's model for a deal: a level 0–4 (each with its meaning) or
/// «неизвестно», the guiding questions, and a free-text evidence note.
#[component]
pub fn AssessmentForm(
    /// The deal assessed.
    deal_id: Id,
    /// Called after saving or cancelling.
    on_close: Callback<()>,
) -> impl IntoView {
    let state = use_app();
    // Start from the latest assessment, so a re-assessment only changes what changed.
    let answers = RwSignal::new(state.ws.with_untracked(|ws| {
        let latest = ws.latest_assessment(&deal_id);
        ws.scoring_model
            .criteria
            .iter()
            .map(|c| Answer {
                key: c.key.clone(),
                level: latest.and_then(|a| a.level(&c.key)),
                evidence: latest
                    .map(|a| a.evidence(&c.key).to_owned())
                    .unwrap_or_default(),
            })
            .collect::<Vec<_>>()
    }));
    let criteria = move || state.ws.with(|ws| ws.scoring_model.criteria.clone());
    let set_level = move |key: String, level: Option<u8>| {
        answers.update(|list| {
            if let Some(a) = list.iter_mut().find(|a| a.key == key) {
                a.level = level;
            }
        })
    };
    let set_evidence = move |key: String, text: String| {
        answers.update(|list| {
            if let Some(a) = list.iter_mut().find(|a| a.key == key) {
                a.evidence = text;
            }
        })
    };
    let save = {
        let deal_id = deal_id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let Some(me) = state.me_id() else { return };
            let assessment = Assessment {
                id: clock::new_id(),
                deal_id: deal_id.clone(),
                assessor_id: me,
                ratings: answers
                    .get_untracked()
                    .into_iter()
                    .map(|a| Rating {
                        criterion: a.key,
                        level: a.level,
                        evidence: a.evidence.trim().to_owned(),
                    })
                    .collect(),
                created_at: clock::now(),
                restored_at: None,
            };
            if state.change(|ws, _| ws.add_assessment(assessment)).is_ok() {
                state.notify(state.tr(Text::AssessmentSaved));
                on_close.run(());
            }
        }
    };
    let deal_key = deal_id.to_string();
    view! {
        <form class="qualification-assess-form" on:submit=save novalidate data-testid="assess-form">
            <For each=criteria key=|c| c.clone() let(c)>
                {
                    let key = c.key.clone();
                    let group = format!("lvl-{deal_key}-{key}");
                    let current = {
                        let key = key.clone();
                        move || answers.with(|list| list.iter().find(|a| a.key == key).and_then(|a| a.level))
                    };
                    let evidence = {
                        let key = key.clone();
                        move || answers.with(|list| list.iter().find(|a| a.key == key).map(|a| a.evidence.clone()).unwrap_or_default())
                    };
                    let name = c.name.clone();
                    let weight = c.weight;
                    view! {
                        <fieldset class="qualification-criterion" data-criterion=key.clone()>
                            <legend>
                                {move || name.get(state.lang()).to_owned()}
                                <span class="muted small">{move || format!(" · {} {weight}", state.tr(Text::Weight))}</span>
                            </legend>
                            <ul class="qualification-questions">
                                {c.questions.iter().cloned().map(|q| view! { <li>{move || q.get(state.lang()).to_owned()}</li> }).collect_view()}
                            </ul>
                            <div class="qualification-levels" role="radiogroup">
                                <label class="qualification-level">
                                    <input type="radio" name=group.clone() prop:checked={let current = current.clone(); move || current().is_none()}
                                        on:change={let key = key.clone(); move |_| set_level(key.clone(), None)}/>
                                    <span class="qualification-level-num">"?"</span>
                                    <span>{state.text(Text::Unknown)}</span>
                                </label>
                                {c.levels.iter().cloned().enumerate().map(|(i, text)| {
                                    let level = i as u8;
                                    let key = key.clone();
                                    let current = current.clone();
                                    view! {
                                        <label class="qualification-level">
                                            <input type="radio" name=group.clone() value=level.to_string()
                                                prop:checked=move || current() == Some(level)
                                                on:change=move |_| set_level(key.clone(), Some(level))/>
                                            <span class="qualification-level-num">{level}</span>
                                            <span>{move || text.get(state.lang()).to_owned()}</span>
                                        </label>
                                    }
                                }).collect_view()}
                            </div>
                            <label class="field">
                                <span>{state.text(Text::Evidence)}</span>
                                <textarea rows="2" prop:value=evidence
                                    on:input={let key = key.clone(); move |ev| set_evidence(key.clone(), event_target_value(&ev))}></textarea>
                            </label>
                        </fieldset>
                    }
                }
            </For>
            <div class="form-actions">
                <button type="submit" class="primary" data-testid="save-assessment">{state.text(Text::SaveAssessment)}</button>
                <button type="button" class="secondary" on:click=move |_| on_close.run(())>{state.text(Text::Cancel)}</button>
            </div>
        </form>
    }
}
