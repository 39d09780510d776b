//! The playbook on the workspace: a stage's checklist, a deal's ticks, and the gate that asks
//! before a deal moves on with items of its stage left unticked.

use super::{Workspace, WorkspaceError};
use crate::domain::dates::Timestamp;
use crate::domain::deal_flow::ChecklistItem;
use crate::domain::ids::Id;
use crate::domain::stamps;

impl Workspace {
    /// The checklist of a stage (the director's, or the stage's defaults); empty for an unknown
    /// stage.
    pub fn checklist_of(&self, stage_id: &Id) -> Vec<ChecklistItem> {
        self.stage(stage_id)
            .map(|s| self.pipeline_settings.checklist_of(s))
            .unwrap_or_default()
    }

    /// The items of the deal's present stage it has not ticked, if moving it to `stage_id`
    /// moves it on (to a later stage); empty when moving back, staying, or all are ticked.
    pub fn unticked_before_move(&self, deal_id: &Id, stage_id: &Id) -> Vec<ChecklistItem> {
        let Some(deal) = self.deal(deal_id) else {
            return Vec::new();
        };
        let (Some(from), Some(to)) = (self.stage_index(&deal.stage_id), self.stage_index(stage_id))
        else {
            return Vec::new();
        };
        if to <= from {
            return Vec::new();
        }
        self.checklist_of(&deal.stage_id)
            .into_iter()
            .filter(|item| !deal.checklist_done.contains(&item.id))
            .collect()
    }

    /// Ticks or unticks a checklist item on a deal, stamping the deal's ticks. Returns whether
    /// anything changed.
    pub fn tick_checklist_item(
        &mut self,
        deal_id: &Id,
        item_id: &Id,
        done: bool,
        now: Timestamp,
    ) -> Result<bool, WorkspaceError> {
        let deal = self
            .deals
            .iter_mut()
            .find(|d| &d.id == deal_id)
            .ok_or_else(|| WorkspaceError::NotFound(deal_id.clone()))?;
        if deal.checklist_done.contains(item_id) == done {
            return Ok(false);
        }
        stamps::edit(deal, now, |d| {
            if done {
                d.checklist_done.push(item_id.clone());
            } else {
                d.checklist_done.retain(|i| i != item_id);
            }
        });
        Ok(true)
    }

    /// Sets a stage's checklist (the director's edit), after validating the settings.
    pub fn set_stage_checklist(
        &mut self,
        stage_id: &Id,
        items: Vec<ChecklistItem>,
        now: Timestamp,
    ) -> Result<(), WorkspaceError> {
        if self.stage(stage_id).is_none() {
            return Err(WorkspaceError::UnknownStage(stage_id.clone()));
        }
        let mut settings = self.pipeline_settings.clone();
        settings.set_checklist(stage_id, items);
        self.set_pipeline_settings(settings, now)
    }
}
