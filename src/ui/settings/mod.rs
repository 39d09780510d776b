//! Team settings, edited by the director for everyone: the lead qualification model, the
//! pipeline's stages with their checklists, lost reasons, stage limits, forecast probabilities
//! and ABC shares, the monthly sales plans, the product catalogue, the transfer rule with the
//! sleeping / lost thresholds; and this browser's storage.

mod catalogue;
mod checklist_editor;
mod clash;
mod forecast_editor;
mod model_editor;
mod pipeline_editor;
mod pipeline_save;
mod plans_editor;
mod rule_editor;
mod stage_editor;

use crate::i18n::{fill, Text};
use crate::i18n::{SalesText, SyncText};
use crate::storage::capacity::percent_used;
use crate::ui::state::use_app;
use catalogue::CatalogueEditor;
use forecast_editor::ForecastEditor;
use leptos::prelude::*;
use model_editor::ModelEditor;
use pipeline_editor::PipelineEditor;
use plans_editor::PlansEditor;
use rule_editor::RuleEditor;
use stage_editor::StageEditor;

/// The settings screen.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let state = use_app();
    // With sync on the server's rules decide (the session's role), otherwise the roster's.
    let rights = crate::ui::sync::Rights::new(state);
    let is_director = move || rights.may_change_settings();
    view! {
        <section class="settings-page">
            <h1>{state.text(Text::SettingsTitle)}</h1>
            <h2>{state.text(Text::ModelTitle)}</h2>
            <p class="hint">{state.text(Text::ModelHint)}</p>
            <Show when=is_director fallback=move || view! {
                <p class="banner banner-warning" data-testid="settings-readonly">{move || {
                    rights.read_only("transfer_policy", None).unwrap_or_else(|| state.tr(Text::DirectorOnly).to_owned())
                }}</p>
            }>
                <span></span>
            </Show>
            <ModelEditor editable=Signal::derive(is_director)/>
            <h2 id="pipeline">{state.text(crate::i18n::DealText::PipelineTitle)}</h2>
            <p class="hint">{state.text(crate::i18n::DealText::PipelineHint)}</p>
            <StageEditor editable=Signal::derive(is_director)/>
            <PipelineEditor editable=Signal::derive(is_director)/>
            <ForecastEditor editable=Signal::derive(is_director)/>
            <h2 id="plans">{state.text(crate::i18n::PlanText::PlansTitle)}</h2>
            <p class="hint">{state.text(crate::i18n::PlanText::PlansHint)}</p>
            <PlansEditor editable=Signal::derive(is_director)/>
            <h2 id="catalogue">{state.text(SalesText::CatalogueTitle)}</h2>
            <p class="hint">{state.text(SalesText::CatalogueHint)}</p>
            <CatalogueEditor editable=Signal::derive(is_director)/>
            <h2 id="transfer-rule">{state.text(SalesText::RuleTitle)}</h2>
            <p class="hint">{state.text(SalesText::RuleHint)}</p>
            <RuleEditor editable=Signal::derive(is_director)/>
            <h2 id="data">{state.text(crate::i18n::SnapshotText::NavData)}</h2>
            <p class="hint">{state.text(crate::i18n::SnapshotText::ExportHint)}</p>
            <div class="form-actions">
                <button type="button" class="primary" on:click=move |_| crate::ui::data::export_now(state) data-testid="settings-export">
                    {state.text(crate::i18n::SnapshotText::ExportButton)}
                </button>
                <a class="button secondary" href="#/data" data-testid="open-data">{state.text(crate::i18n::SnapshotText::DataTitle)}</a>
            </div>
            <h2 id="sync">{state.text(SyncText::Title)}</h2>
            <crate::ui::sync::SyncSection/>
            <h2>{state.text(Text::StorageTitle)}</h2>
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

/// The settings screen of a device with no team yet (or no one chosen): only «Синхронизация»,
/// where a new device joins its team.
#[component]
pub fn SyncOnlyPage() -> impl IntoView {
    let state = use_app();
    view! {
        <section class="settings-page">
            <h1>{state.text(Text::SettingsTitle)}</h1>
            <h2 id="sync">{state.text(SyncText::Title)}</h2>
            <crate::ui::sync::SyncSection/>
        </section>
    }
}
