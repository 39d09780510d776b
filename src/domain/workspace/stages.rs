//! The director's stages: rename, reorder, add, remove (a stage with deals only by moving them
//! first, each move recorded in the stage history), and back to the default seven.
//!
//! The BANT gate before «КП» and the first sale key on [`StageKey`], never on a name or a
//! position, so they keep working whatever the director renames or reorders.

use super::{Mover, Workspace, WorkspaceError};
use crate::domain::dates::Timestamp;
use crate::domain::ids::Id;
use crate::domain::stage::{Stage, StageKey};
use crate::domain::stamps;
use thiserror::Error;

/// The longest stage name accepted (a board column's title).
pub const MAX_STAGE_NAME_CHARS: usize = 60;

/// Why a change to the stages was refused.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum StageError {
    /// A stage needs a name.
    #[error("a stage needs a name")]
    BlankName,
    /// A name longer than [`MAX_STAGE_NAME_CHARS`].
    #[error("the stage name is too long")]
    LongName,
    /// Another stage is already called that (letter case aside).
    #[error("another stage is already called «{0}»")]
    DuplicateName(String),
    /// The pipeline cannot be left without stages.
    #[error("the last stage cannot be removed")]
    LastStage,
    /// The stage still holds deals and no other stage was named to take them.
    #[error("the stage still holds {0} deals")]
    HasDeals(usize),
    /// The deals cannot move to the stage being removed.
    #[error("the deals must move to another stage")]
    SameStage,
}

impl Workspace {
    /// Puts the stages in the order of the settings' `stage_order` (stages it does not list
    /// follow in their present order). Called after every reorder and after a merge.
    pub fn apply_stage_order(&mut self) {
        let order = &self.pipeline_settings.stage_order;
        if order.is_empty() {
            return;
        }
        let rank = |s: &Stage| {
            order
                .iter()
                .position(|id| id == &s.id)
                .unwrap_or(usize::MAX)
        };
        // A stable sort keeps unlisted stages in their present order.
        crate::domain::sort::sort_by_key(&mut self.stages, rank);
    }

    /// Checks a new name for stage `id` (or a new stage when `id` is `None`) against the names
    /// the other stages show (`shown` gives a stage's name as the interface shows it).
    fn check_stage_name(
        &self,
        id: Option<&Id>,
        name: &str,
        shown: &dyn Fn(&Stage) -> String,
    ) -> Result<String, StageError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(StageError::BlankName);
        }
        if name.chars().count() > MAX_STAGE_NAME_CHARS {
            return Err(StageError::LongName);
        }
        let lower = name.to_lowercase();
        let taken = self
            .stages
            .iter()
            .filter(|s| Some(&s.id) != id)
            .any(|s| shown(s).trim().to_lowercase() == lower);
        if taken {
            return Err(StageError::DuplicateName(name.to_owned()));
        }
        Ok(name.to_owned())
    }

    /// Renames a stage. A built-in stage given its default name (as `shown` gives it with no
    /// name of the team's own) goes back to the translated default.
    pub fn rename_stage(
        &mut self,
        id: &Id,
        name: &str,
        shown: &dyn Fn(&Stage) -> String,
        now: Timestamp,
    ) -> Result<(), WorkspaceError> {
        let stage = self
            .stage(id)
            .ok_or_else(|| WorkspaceError::UnknownStage(id.clone()))?;
        let name = self.check_stage_name(Some(id), name, shown)?;
        let default = stage.key.map(|key| shown(&Stage::builtin(key)));
        let custom = (default.as_deref() != Some(name.as_str())).then_some(name);
        if let Some(slot) = self.stages.iter_mut().find(|s| &s.id == id) {
            stamps::edit(slot, now, |s| s.custom_name = custom);
        }
        Ok(())
    }

    /// Adds a stage of the team's own at the end of the pipeline.
    pub fn add_stage(
        &mut self,
        id: Id,
        name: &str,
        shown: &dyn Fn(&Stage) -> String,
        now: Timestamp,
    ) -> Result<(), WorkspaceError> {
        let name = self.check_stage_name(None, name, shown)?;
        if self.id_taken(&id) {
            return Err(WorkspaceError::DuplicateId(id));
        }
        self.stages.push(Stage::custom(id.clone(), &name, now));
        if !self.pipeline_settings.stage_order.is_empty() {
            self.set_stage_order(self.stages.iter().map(|s| s.id.clone()).collect(), now);
        }
        Ok(())
    }

    /// Moves a stage one place towards the start (`up`) or the end. Returns whether it moved
    /// (not at that end already).
    pub fn move_stage(
        &mut self,
        id: &Id,
        up: bool,
        now: Timestamp,
    ) -> Result<bool, WorkspaceError> {
        let at = self
            .stage_index(id)
            .ok_or_else(|| WorkspaceError::UnknownStage(id.clone()))?;
        let other = match (up, at) {
            (true, 0) => return Ok(false),
            (true, _) => at - 1,
            (false, _) if at + 1 >= self.stages.len() => return Ok(false),
            (false, _) => at + 1,
        };
        let mut order: Vec<Id> = self.stages.iter().map(|s| s.id.clone()).collect();
        order.swap(at, other);
        self.set_stage_order(order, now);
        Ok(true)
    }

    /// Records a new order of the stages (a stamped settings field) and applies it.
    fn set_stage_order(&mut self, order: Vec<Id>, now: Timestamp) {
        stamps::edit(&mut self.pipeline_settings, now, |p| p.stage_order = order);
        if self.pipeline_settings.created_at == Timestamp::default() {
            self.pipeline_settings.created_at = now;
        }
        self.apply_stage_order();
    }

    /// How many deals (open or closed) sit in a stage.
    pub fn deals_in_stage(&self, id: &Id) -> usize {
        self.deals.iter().filter(|d| &d.stage_id == id).count()
    }

    /// Removes a stage. Its deals (open and closed) first move to `move_to`, each move recorded
    /// in the stage history; without a target a stage with deals is refused. Its limit and
    /// checklist go with it, and it leaves a tombstone so that the removal spreads by merge.
    pub fn remove_stage(
        &mut self,
        id: &Id,
        move_to: Option<&Id>,
        mover: &Mover,
        now: Timestamp,
    ) -> Result<usize, WorkspaceError> {
        let stage = self
            .stage(id)
            .cloned()
            .ok_or_else(|| WorkspaceError::UnknownStage(id.clone()))?;
        if self.stages.len() == 1 {
            return Err(StageError::LastStage.into());
        }
        let deals: Vec<Id> = self
            .deals
            .iter()
            .filter(|d| &d.stage_id == id)
            .map(|d| d.id.clone())
            .collect();
        if !deals.is_empty() {
            let target = move_to.ok_or(StageError::HasDeals(deals.len()))?;
            if target == id {
                return Err(StageError::SameStage.into());
            }
            if self.stage(target).is_none() {
                return Err(WorkspaceError::UnknownStage(target.clone()));
            }
            // One history entry per deal: `<entry>`, `<entry>-2`, `<entry>-3`…
            let movers: Vec<Mover> = (1..=deals.len())
                .map(|n| Mover {
                    by: mover.by.clone(),
                    entry_id: match n {
                        1 => mover.entry_id.clone(),
                        n => Id::from_raw(format!("{}-{n}", mover.entry_id)),
                    },
                })
                .collect();
            for m in &movers {
                self.check_entry(m)?;
            }
            for (deal, m) in deals.iter().zip(&movers) {
                self.move_deal(deal, target, m, now)?;
            }
        }
        self.stages.retain(|s| &s.id != id);
        let settings = &self.pipeline_settings;
        if settings.stage_limits.iter().any(|l| &l.stage_id == id)
            || settings.stage_checklists.iter().any(|l| &l.stage_id == id)
            || settings.stage_order.contains(id)
        {
            stamps::edit(&mut self.pipeline_settings, now, |p| {
                p.stage_limits.retain(|l| &l.stage_id != id);
                p.stage_checklists.retain(|l| &l.stage_id != id);
                p.stage_order.retain(|s| s != id);
            });
        }
        self.tombstone(id.clone(), now, stage.updated_at);
        Ok(deals.len())
    }

    /// Brings back the default seven stages as the template: each built-in stage present with
    /// its default name and default checklist (a removed one comes back), in the default order,
    /// followed by the team's own stages, which keep their deals.
    pub fn restore_default_stages(&mut self, now: Timestamp) {
        for key in StageKey::DEFAULT_PIPELINE {
            let id = key.default_id();
            match self.stages.iter_mut().find(|s| s.id == id) {
                Some(slot) => stamps::edit(slot, now, |s| s.custom_name = None),
                None => {
                    let removed_at = self
                        .removed
                        .iter()
                        .filter(|t| t.id == id)
                        .map(|t| t.removed_at)
                        .max()
                        .unwrap_or_default();
                    // Newer than its removal, so a merge keeps the stage brought back.
                    let at = stamps::next_stamp(now, removed_at);
                    let mut stage = Stage::builtin(key);
                    (stage.created_at, stage.updated_at) = (at, at);
                    self.stages.push(stage);
                }
            }
        }
        let builtin: Vec<Id> = StageKey::DEFAULT_PIPELINE
            .iter()
            .map(|k| k.default_id())
            .collect();
        let mut order = builtin.clone();
        order.extend(
            self.stages
                .iter()
                .filter(|s| !builtin.contains(&s.id))
                .map(|s| s.id.clone()),
        );
        stamps::edit(&mut self.pipeline_settings, now, |p| {
            p.stage_checklists
                .retain(|l| !builtin.contains(&l.stage_id));
        });
        self.set_stage_order(order, now);
    }
}
