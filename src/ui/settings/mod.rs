//! Team settings, edited by the director for everyone: the lead qualification model, the product
//! catalogue, the transfer rule with the sleeping / lost thresholds; and this browser's storage.

mod catalogue;
mod model_editor;
mod rule_editor;

use crate::domain::Role;
use crate::i18n::SalesText;
use crate::i18n::{fill, Text};
use crate::storage::capacity::percent_used;
use crate::ui::state::use_app;
use catalogue::CatalogueEditor;
use leptos::prelude::*;
use model_editor::ModelEditor;
use rule_editor::RuleEditor;

/// The settings screen.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let state = use_app();
    let tr = move |k: Text| move || state.tr(k);
    let is_director = move || state.me().is_some_and(|m| m.role() == Role::Director);
    view! {
        <section class="settings-page">
            <h1>{tr(Text::SettingsTitle)}</h1>
            <h2>{tr(Text::ModelTitle)}</h2>
            <p class="hint">{tr(Text::ModelHint)}</p>
            <Show when=is_director fallback=move || view! {
                <p class="banner banner-warning" data-testid="settings-readonly">{tr(Text::DirectorOnly)}</p>
            }>
                <span></span>
            </Show>
            <ModelEditor editable=Signal::derive(is_director)/>
            <h2 id="catalogue">{move || SalesText::CatalogueTitle.get(state.lang())}</h2>
            <p class="hint">{move || SalesText::CatalogueHint.get(state.lang())}</p>
            <CatalogueEditor editable=Signal::derive(is_director)/>
            <h2 id="transfer-rule">{move || SalesText::RuleTitle.get(state.lang())}</h2>
            <p class="hint">{move || SalesText::RuleHint.get(state.lang())}</p>
            <RuleEditor editable=Signal::derive(is_director)/>
            <h2 id="data">{move || crate::i18n::SnapshotText::NavData.get(state.lang())}</h2>
            <p class="hint">{move || crate::i18n::SnapshotText::ExportHint.get(state.lang())}</p>
            <div class="form-actions">
                <button type="button" class="primary" on:click=move |_| crate::ui::data::export_now(state) data-testid="settings-export">
                    {move || crate::i18n::SnapshotText::ExportButton.get(state.lang())}
                </button>
                <a class="button secondary" href="#/data" data-testid="open-data">{move || crate::i18n::SnapshotText::DataTitle.get(state.lang())}</a>
            </div>
            <h2>{tr(Text::StorageTitle)}</h2>
            <p data-testid="storage-usage">
                {move || {
                    let used = state.used_bytes.get();
                    let kb = fill(state.tr(Text::Kilobytes), &[&used.div_ceil(1024).to_string()]);
                    fill(state.tr(Text::StorageUsage), &[&kb, &percent_used(used).to_string()])
                }}
            </p>
        </section>
    }
}
