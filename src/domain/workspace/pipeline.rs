//! Clients, deals, their BANT assessments and moves through the pipeline's stages.

use super::{Mover, Workspace, WorkspaceError};
use crate::domain::client::Client;
use crate::domain::dates::Timestamp;
use crate::domain::deal::Deal;
use crate::domain::deal_flow::StageChangeKind;
use crate::domain::ids::Id;
use crate::domain::qualification::{self, Assessment, Score, ScoringModel};
use crate::domain::stage::{Stage, StageKey};
use crate::domain::stamps::{self, Fielded};

/// Which way to move a deal by one stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StageStep {
    /// Towards «Лид».
    Back,
    /// Towards «Первая продажа».
    Forward,
}

impl Workspace {
    pub(super) fn check_client(&self, client: &Client) -> Result<(), WorkspaceError> {
        if client.name.trim().is_empty() {
            return Err(WorkspaceError::NameRequired);
        }
        self.require_member(&client.owner_id)
    }

    /// Adds a client.
    pub fn add_client(&mut self, client: Client) -> Result<(), WorkspaceError> {
        self.check_client(&client)?;
        if self.id_taken(&client.id) {
            return Err(WorkspaceError::DuplicateId(client.id));
        }
        self.clients.push(client);
        Ok(())
    }

    /// Replaces a client's record with `client` (same id), stamping the fields that changed.
    pub fn update_client(&mut self, client: Client, now: Timestamp) -> Result<(), WorkspaceError> {
        self.check_client(&client)?;
        let slot = self
            .clients
            .iter_mut()
            .find(|c| c.id == client.id)
            .ok_or_else(|| WorkspaceError::NotFound(client.id.clone()))?;
        stamps::replace(slot, client, now);
        Ok(())
    }

    /// The checks of [`Workspace::update_client`], in its order, without changing anything.
    pub(crate) fn check_update_client(&self, client: &Client) -> Result<(), WorkspaceError> {
        self.check_client(client)?;
        match self.client(&client.id) {
            Some(_) => Ok(()),
            None => Err(WorkspaceError::NotFound(client.id.clone())),
        }
    }

    /// Removes a client together with its deals; returns the removed client.
    pub fn remove_client(&mut self, id: &Id, now: Timestamp) -> Result<Client, WorkspaceError> {
        // From the end: the clients removed in numbers (an import undone) are the newest.
        let at = self
            .clients
            .iter()
            .rposition(|c| &c.id == id)
            .ok_or_else(|| WorkspaceError::NotFound(id.clone()))?;
        let client = self.clients.remove(at);
        let orders: Vec<(Id, Timestamp)> = self
            .orders
            .iter()
            .filter(|o| &o.client_id == id)
            .map(|o| (o.id.clone(), o.latest_stamp()))
            .collect();
        self.orders.retain(|o| &o.client_id != id);
        for (order_id, latest) in orders {
            self.tombstone(order_id, now, latest);
        }
        let deals: Vec<(Id, Timestamp)> = self
            .deals_of(id)
            .map(|d| (d.id.clone(), d.latest_stamp()))
            .collect();
        self.deals.retain(|d| &d.client_id != id);
        self.drop_tasks_of(Some(id), None, now);
        for (deal_id, latest) in deals {
            self.drop_assessments_of(&deal_id, now);
            self.drop_history_of(&deal_id, now);
            self.tombstone(deal_id, now, latest);
        }
        let transfers: Vec<(Id, Timestamp)> = self
            .transfers
            .iter()
            .filter(|t| &t.client_id == id)
            .map(|t| (t.id.clone(), t.created_at))
            .collect();
        self.transfers.retain(|t| &t.client_id != id);
        for (transfer_id, latest) in transfers {
            self.tombstone(transfer_id, now, latest);
        }
        self.tombstone(id.clone(), now, client.latest_stamp());
        Ok(client)
    }

    fn check_deal(&self, deal: &Deal) -> Result<(), WorkspaceError> {
        if deal.title.trim().is_empty() {
            return Err(WorkspaceError::NameRequired);
        }
        if self.client(&deal.client_id).is_none() {
            return Err(WorkspaceError::UnknownClient(deal.client_id.clone()));
        }
        if self.stage(&deal.stage_id).is_none() {
            return Err(WorkspaceError::UnknownStage(deal.stage_id.clone()));
        }
        self.require_member(&deal.owner_id)
    }

    /// Adds a deal; its history starts with its creation in its stage.
    pub fn add_deal(&mut self, deal: Deal, mover: &Mover) -> Result<(), WorkspaceError> {
        self.check_deal(&deal)?;
        if self.id_taken(&deal.id) {
            return Err(WorkspaceError::DuplicateId(deal.id));
        }
        self.check_entry(mover)?;
        let (id, stage, at) = (deal.id.clone(), deal.stage_id.clone(), deal.created_at);
        self.deals.push(deal);
        self.record_change(&id, StageChangeKind::Created, None, stage, at, mover);
        Ok(())
    }

    /// Replaces a deal's record with `deal` (same id), stamping the fields that changed; a new
    /// stage (chosen in the deal's editor) is recorded in the stage history.
    pub fn update_deal(
        &mut self,
        deal: Deal,
        mover: &Mover,
        now: Timestamp,
    ) -> Result<(), WorkspaceError> {
        self.check_deal(&deal)?;
        let old = self
            .deal(&deal.id)
            .ok_or_else(|| WorkspaceError::NotFound(deal.id.clone()))?;
        let moved = (old.stage_id != deal.stage_id).then(|| {
            let at = stamps::next_stamp(now, old.latest_stamp());
            (old.stage_id.clone(), deal.stage_id.clone(), at)
        });
        if moved.is_some() {
            self.check_entry(mover)?;
        }
        let id = deal.id.clone();
        if let Some(slot) = self.deals.iter_mut().find(|d| d.id == id) {
            stamps::replace(slot, deal, now);
        }
        if let Some((from, to, at)) = moved {
            self.record_change(&id, StageChangeKind::Moved, Some(from), to, at, mover);
        }
        Ok(())
    }

    /// Removes a deal.
    pub fn remove_deal(&mut self, id: &Id, now: Timestamp) -> Result<(), WorkspaceError> {
        let latest = self
            .deal(id)
            .map(|d| d.latest_stamp())
            .ok_or_else(|| WorkspaceError::NotFound(id.clone()))?;
        self.deals.retain(|d| &d.id != id);
        self.drop_tasks_of(None, Some(id), now);
        self.drop_assessments_of(id, now);
        self.drop_history_of(id, now);
        self.tombstone(id.clone(), now, latest);
        Ok(())
    }

    fn drop_assessments_of(&mut self, deal_id: &Id, now: Timestamp) {
        let gone: Vec<(Id, Timestamp)> = self
            .assessments
            .iter()
            .filter(|a| &a.deal_id == deal_id)
            .map(|a| (a.id.clone(), a.created_at))
            .collect();
        self.assessments.retain(|a| &a.deal_id != deal_id);
        for (id, latest) in gone {
            self.tombstone(id, now, latest);
        }
    }

    /// Records a qualification of a deal.
    pub fn add_assessment(&mut self, assessment: Assessment) -> Result<(), WorkspaceError> {
        if self.deal(&assessment.deal_id).is_none() {
            return Err(WorkspaceError::UnknownDeal(assessment.deal_id));
        }
        self.require_member(&assessment.assessor_id)?;
        if let Some(level) = assessment
            .ratings
            .iter()
            .filter_map(|r| r.level)
            .find(|l| *l > 4)
        {
            return Err(WorkspaceError::LevelOutOfRange(level));
        }
        if self.id_taken(&assessment.id) || self.assessments.iter().any(|a| a.id == assessment.id) {
            return Err(WorkspaceError::DuplicateId(assessment.id));
        }
        self.assessments.push(assessment);
        Ok(())
    }

    /// A deal's assessments, oldest first.
    pub fn assessments_of<'a>(
        &'a self,
        deal_id: &'a Id,
    ) -> impl Iterator<Item = &'a Assessment> + 'a {
        self.assessments
            .iter()
            .filter(move |a| &a.deal_id == deal_id)
    }

    /// A deal's most recent assessment.
    pub fn latest_assessment(&self, deal_id: &Id) -> Option<&Assessment> {
        self.assessments
            .iter()
            .filter(|a| &a.deal_id == deal_id)
            .max_by_key(|a| a.created_at)
    }

    /// A deal's score under the current model, if it was ever assessed.
    pub fn deal_score(&self, deal_id: &Id) -> Option<Score> {
        self.latest_assessment(deal_id)
            .map(|a| qualification::score(&self.scoring_model, a))
    }

    /// Replaces the scoring model after validating it; every lead is re-scored by it at once,
    /// since scores are always computed from the stored levels.
    pub fn set_scoring_model(
        &mut self,
        mut model: ScoringModel,
        now: Timestamp,
    ) -> Result<(), WorkspaceError> {
        let problems = model.problems();
        if !problems.is_empty() {
            return Err(WorkspaceError::InvalidModel(problems));
        }
        model.updated_at = now;
        self.scoring_model = model;
        Ok(())
    }

    /// Whether a new deal (never assessed) created straight in `stage_id` skips qualification and
    /// should be confirmed first.
    pub fn new_deal_needs_confirmation(&self, stage_id: &Id) -> bool {
        let Some(target) = self.stage_index(stage_id) else {
            return false;
        };
        let proposal = self.stage_index(&StageKey::Proposal.default_id());
        qualification::needs_confirmation(None, 0, target, proposal)
    }

    /// Whether moving a deal to `stage_id` should be confirmed first: an unqualified lead crossing
    /// into «КП» or a later stage.
    pub fn move_needs_confirmation(&self, deal_id: &Id, stage_id: &Id) -> bool {
        let (Some(deal), Some(target)) = (self.deal(deal_id), self.stage_index(stage_id)) else {
            return false;
        };
        let from = self.stage_index(&deal.stage_id).unwrap_or(0);
        let proposal = self.stage_index(&StageKey::Proposal.default_id());
        qualification::needs_confirmation(self.deal_score(deal_id).as_ref(), from, target, proposal)
    }

    /// Moves a deal to a stage (drag-and-drop), recording the move in the stage history.
    /// Returns whether anything changed.
    pub fn move_deal(
        &mut self,
        id: &Id,
        stage_id: &Id,
        mover: &Mover,
        now: Timestamp,
    ) -> Result<bool, WorkspaceError> {
        if self.stage(stage_id).is_none() {
            return Err(WorkspaceError::UnknownStage(stage_id.clone()));
        }
        let deal = self
            .deal(id)
            .ok_or_else(|| WorkspaceError::NotFound(id.clone()))?;
        if &deal.stage_id == stage_id {
            return Ok(false);
        }
        self.check_entry(mover)?;
        // The entry carries the same instant as the stage's stamp on the deal.
        let at = stamps::next_stamp(now, deal.latest_stamp());
        let from = deal.stage_id.clone();
        if let Some(slot) = self.deals.iter_mut().find(|d| &d.id == id) {
            stamps::edit(slot, now, |d| d.stage_id = stage_id.clone());
        }
        let to = stage_id.clone();
        self.record_change(id, StageChangeKind::Moved, Some(from), to, at, mover);
        Ok(true)
    }

    /// The stage one step back or forward from the deal's stage, if there is one.
    pub fn neighbour_stage(&self, deal_id: &Id, step: StageStep) -> Option<&Stage> {
        let deal = self.deal(deal_id)?;
        let at = self.stage_index(&deal.stage_id)?;
        match step {
            StageStep::Back => at.checked_sub(1).and_then(|i| self.stages.get(i)),
            StageStep::Forward => self.stages.get(at + 1),
        }
    }

    /// Moves a deal one stage back or forward (the keyboard control). Returns the new stage id,
    /// or `None` when the deal is already at that end of the pipeline.
    pub fn step_deal(
        &mut self,
        id: &Id,
        step: StageStep,
        mover: &Mover,
        now: Timestamp,
    ) -> Result<Option<Id>, WorkspaceError> {
        if self.deal(id).is_none() {
            return Err(WorkspaceError::NotFound(id.clone()));
        }
        let Some(target) = self.neighbour_stage(id, step).map(|s| s.id.clone()) else {
            return Ok(None);
        };
        self.move_deal(id, &target, mover, now)?;
        Ok(Some(target))
    }
}
