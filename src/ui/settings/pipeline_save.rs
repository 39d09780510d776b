//! Saving an edit of the pipeline settings, shared by the editors that each own a part of them
//! (lost reasons and limits, probabilities and ABC shares). Each saves a patch: only what the
//! director changed since the form opened is laid over the current settings, so a change made
//! meanwhile in another tab or merged from a file survives.

use crate::domain::deal_flow::PipelineSettings;
use crate::domain::stamps::apply_edits;
use crate::domain::Id;
use crate::i18n::deals::describe_settings_problems;
use crate::i18n::describe_workspace_error;
use crate::ui::state::AppState;

/// Lays the edit (`before` → `edited`) over `current` and stores it; on refusal returns the
/// words to show under the form, with stages named by `stage_label`.
pub fn save_pipeline_edit(
    state: AppState,
    before: &PipelineSettings,
    edited: &PipelineSettings,
    current: &PipelineSettings,
    stage_label: impl Fn(&Id) -> String,
) -> Result<(), String> {
    let settings = apply_edits(before, edited, current);
    let problems = settings.problems();
    if !problems.is_empty() {
        return Err(describe_settings_problems(
            state.lang(),
            &problems,
            stage_label,
        ));
    }
    state
        .change(|ws, now| ws.set_pipeline_settings(settings, now))
        .map_err(|e| describe_workspace_error(state.lang(), &e))
}
