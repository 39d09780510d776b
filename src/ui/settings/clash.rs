//! A settings editor open while the same settings change elsewhere (another tab, an import, a
//! colleague's file): the draft follows every part the person did not touch, and a part changed
//! on both sides is named here with the choice to keep one's own version or take the new one.
//! Saving then writes only what the person changed (see `domain::form_edit`).

use crate::domain::form_edit::take_field;
use crate::i18n::{fill, Lang, Text, Translate};
use crate::ui::form_follow::{follow, KeepOrTake};
use crate::ui::state::use_app;
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// Keeps `draft` (opened at `opened`) in step with the settings as they are now (`current`),
/// collecting the parts changed on both sides into `clashes`.
pub fn follow_settings<D>(
    current: Memo<D>,
    opened: RwSignal<D>,
    draft: RwSignal<D>,
    clashes: RwSignal<Vec<String>>,
) where
    D: Serialize + DeserializeOwned + Clone + PartialEq + Send + Sync + 'static,
{
    Effect::new(move |_| {
        let now = current.get();
        let found = follow(opened, draft, now);
        if !found.is_empty() {
            clashes.update(|list| {
                for key in found {
                    if !list.contains(&key) {
                        list.push(key);
                    }
                }
            });
        }
    });
}

/// The parts of the settings changed both here and elsewhere, each with «keep mine» and «take
/// the new value». `part_name` names a part (a serialised field of the draft).
#[component]
pub fn SettingsClash<D>(
    clashes: RwSignal<Vec<String>>,
    opened: RwSignal<D>,
    draft: RwSignal<D>,
    part_name: fn(Lang, &str) -> &'static str,
) -> impl IntoView
where
    D: Serialize + DeserializeOwned + Clone + PartialEq + Send + Sync + 'static,
{
    let state = use_app();
    let dismiss = move |key: &str| clashes.update(|list| list.retain(|k| k != key));
    view! {
        <Show when=move || !clashes.with(Vec::is_empty)>
            <div class="banner banner-warning" role="alert" data-testid="settings-clash">
                <For each=move || clashes.get() key=|k| k.clone() let:key>
                    {
                        let (named, keep, take) = (key.clone(), key.clone(), key.clone());
                        view! {
                            <p>
                                {move || fill(state.tr(Text::SettingsClash), &[part_name(state.lang(), &named)])}
                                <KeepOrTake
                                    on_keep=Callback::new(move |()| dismiss(&keep))
                                    on_take=Callback::new(move |()| {
                                        let now = opened.get_untracked();
                                        draft.update(|d| *d = take_field(d, &take, &now));
                                        dismiss(&take);
                                    })/>
                            </p>
                        }
                    }
                </For>
            </div>
        </Show>
    }
}

/// A part of the scoring model, for [`SettingsClash`].
pub fn model_part(lang: Lang, key: &str) -> &'static str {
    match key {
        "criteria" => Text::ModelPartCriteria,
        "bands" => Text::ModelPartBands,
        "min_criteria" => Text::ModelPartMinCriteria,
        "template" => Text::Template,
        _ => Text::SettingsPartOther,
    }
    .get(lang)
}

/// A part of the transfer policy draft, for [`SettingsClash`].
pub fn policy_part(lang: Lang, key: &str) -> &'static str {
    match key {
        "combinator" | "conditions" => Text::PolicyPartRule,
        "sleeping_days" | "lost_days" => Text::PolicyPartThresholds,
        _ => Text::SettingsPartOther,
    }
    .get(lang)
}
