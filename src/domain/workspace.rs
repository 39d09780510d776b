//! The workspace: everything one browser stores, with the operations the UI performs on it.
//!
//! Every operation validates before it changes anything, so a failed call leaves the workspace
//! exactly as it was.

use super::client::Client;
use super::dates::Timestamp;
use super::deal::Deal;
use super::ids::Id;
use super::orders::{Order, Product, ProductGroup};
use super::qualification::{self, Assessment, ModelError, Score, ScoringModel};
use super::stage::{Stage, StageKey};
use super::stamps::{self, Fielded};
use super::team::TeamMember;
use super::transfer::{PolicyError, TransferPolicy, TransferRecord};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use thiserror::Error;

/// A record removed from the workspace. Kept so that a later merge of snapshots knows the
/// record was deleted rather than never seen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tombstone {
    /// The removed record's id.
    pub id: Id,
    /// When it was removed.
    pub removed_at: Timestamp,
}

/// All the data of one browser: the team, clients, deals and the pipeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Workspace {
    /// The sales team.
    #[serde(default)]
    pub members: Vec<TeamMember>,
    /// Client companies and leads.
    #[serde(default)]
    pub clients: Vec<Client>,
    /// Deals in the pipeline.
    #[serde(default)]
    pub deals: Vec<Deal>,
    /// The pipeline stages, in order.
    #[serde(default = "Stage::default_pipeline")]
    pub stages: Vec<Stage>,
    /// Ids of removed records.
    #[serde(default)]
    pub removed: Vec<Tombstone>,
    /// The team's lead qualification model (BANT by default).
    #[serde(default)]
    pub scoring_model: ScoringModel,
    /// Every qualification of every deal, oldest first.
    #[serde(default)]
    pub assessments: Vec<Assessment>,
    /// Product groups of the catalogue (the unit of cross-selling).
    #[serde(default)]
    pub product_groups: Vec<ProductGroup>,
    /// The product catalogue.
    #[serde(default)]
    pub products: Vec<Product>,
    /// Every client's orders.
    #[serde(default)]
    pub orders: Vec<Order>,
    /// The transfer rule and the sleeping / lost thresholds.
    #[serde(default)]
    pub transfer_policy: TransferPolicy,
    /// The audit log of hunter→farmer transfers, oldest first.
    #[serde(default)]
    pub transfers: Vec<TransferRecord>,
}

impl Default for Workspace {
    fn default() -> Self {
        Workspace {
            members: Vec::new(),
            clients: Vec::new(),
            deals: Vec::new(),
            stages: Stage::default_pipeline(),
            removed: Vec::new(),
            scoring_model: ScoringModel::default(),
            assessments: Vec::new(),
            product_groups: Vec::new(),
            products: Vec::new(),
            orders: Vec::new(),
            transfer_policy: TransferPolicy::default(),
            transfers: Vec::new(),
        }
    }
}

/// Why an operation on the workspace was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum WorkspaceError {
    /// No record has this id.
    #[error("no record with id {0}")]
    NotFound(Id),
    /// A record with this id already exists.
    #[error("a record with id {0} already exists")]
    DuplicateId(Id),
    /// A name (of a person, company or deal) is required.
    #[error("a name is required")]
    NameRequired,
    /// The owner is not a member of the team.
    #[error("owner {0} is not on the team")]
    UnknownMember(Id),
    /// The stage is not in the pipeline.
    #[error("stage {0} is not in the pipeline")]
    UnknownStage(Id),
    /// The client does not exist.
    #[error("client {0} does not exist")]
    UnknownClient(Id),
    /// The deal does not exist.
    #[error("deal {0} does not exist")]
    UnknownDeal(Id),
    /// A criterion level outside 0..=4.
    #[error("level {0} is outside 0 to 4")]
    LevelOutOfRange(u8),
    /// The scoring model is invalid.
    #[error("invalid scoring model: {0:?}")]
    InvalidModel(Vec<ModelError>),
    /// The product group does not exist.
    #[error("product group {0} does not exist")]
    UnknownGroup(Id),
    /// The order is not acceptable (no lines, a bad amount, an unknown product).
    #[error("invalid order: {0}")]
    InvalidOrder(#[from] crate::domain::orders::OrderError),
    /// The transfer settings are invalid.
    #[error("invalid transfer settings: {0}")]
    InvalidPolicy(#[from] PolicyError),
    /// A product or group still used by orders, the transfer rule or products.
    #[error("{0} is still in use")]
    InUse(Id),
    /// Clients can only be transferred to a farmer.
    #[error("member {0} is not a farmer")]
    NotAFarmer(Id),
    /// The client does not meet the transfer rule (yet).
    #[error("client {0} does not meet the transfer rule")]
    NotEligible(Id),
    /// The client is already owned by a farmer.
    #[error("client {0} is already with a farmer")]
    AlreadyWithFarmer(Id),
    /// A team member still owns clients or deals and no one was named to take them over.
    #[error("the member still owns {clients} clients and {deals} deals")]
    MemberOwnsRecords {
        /// Clients owned.
        clients: usize,
        /// Deals owned.
        deals: usize,
    },
}

/// A problem found by [`Workspace::integrity_problems`] in data read from storage or a file.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum IntegrityProblem {
    /// Two records share an id.
    #[error("duplicate id {0}")]
    DuplicateId(Id),
    /// A record points to a record that does not exist.
    #[error("{record} refers to missing {missing}")]
    DanglingReference {
        /// The record holding the reference.
        record: Id,
        /// The id it refers to.
        missing: Id,
    },
}

/// Which way to move a deal by one stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StageStep {
    /// Towards «Лид».
    Back,
    /// Towards «Первая продажа».
    Forward,
}

impl Workspace {
    /// True when there is no team and no client yet: the first start.
    pub fn is_empty(&self) -> bool {
        self.members.is_empty() && self.clients.is_empty() && self.deals.is_empty()
    }

    /// The team member with this id.
    pub fn member(&self, id: &Id) -> Option<&TeamMember> {
        self.members.iter().find(|m| &m.id == id)
    }

    /// The client with this id.
    pub fn client(&self, id: &Id) -> Option<&Client> {
        self.clients.iter().find(|c| &c.id == id)
    }

    /// The deal with this id.
    pub fn deal(&self, id: &Id) -> Option<&Deal> {
        self.deals.iter().find(|d| &d.id == id)
    }

    /// The stage with this id.
    pub fn stage(&self, id: &Id) -> Option<&Stage> {
        self.stages.iter().find(|s| &s.id == id)
    }

    /// The position of a stage in the pipeline.
    pub fn stage_index(&self, id: &Id) -> Option<usize> {
        self.stages.iter().position(|s| &s.id == id)
    }

    /// The deals of one client, in creation order.
    pub fn deals_of<'a>(&'a self, client_id: &'a Id) -> impl Iterator<Item = &'a Deal> + 'a {
        self.deals.iter().filter(move |d| &d.client_id == client_id)
    }

    pub(crate) fn id_taken(&self, id: &Id) -> bool {
        self.member(id).is_some()
            || self.client(id).is_some()
            || self.deal(id).is_some()
            || self.stage(id).is_some()
    }

    pub(crate) fn require_member(&self, id: &Id) -> Result<(), WorkspaceError> {
        match self.member(id) {
            Some(_) => Ok(()),
            None => Err(WorkspaceError::UnknownMember(id.clone())),
        }
    }

    /// Leaves a tombstone for a record removed `now` whose last change was `latest`. Like a
    /// change, a deletion follows the clock rule of [`stamps`]: it is stamped after the record's
    /// last change even when this device's clock runs behind the one that made it, so a merge
    /// never takes a copy the deletion has seen for one changed after it.
    pub(crate) fn tombstone(&mut self, id: Id, now: Timestamp, latest: Timestamp) {
        self.removed.push(Tombstone {
            id,
            removed_at: stamps::next_stamp(now, latest),
        });
    }

    /// Adds a team member.
    pub fn add_member(&mut self, member: TeamMember) -> Result<(), WorkspaceError> {
        if member.name.trim().is_empty() {
            return Err(WorkspaceError::NameRequired);
        }
        if self.id_taken(&member.id) {
            return Err(WorkspaceError::DuplicateId(member.id));
        }
        self.members.push(member);
        Ok(())
    }

    /// Replaces a team member's record with `member` (same id), stamping `updated_at`.
    pub fn update_member(
        &mut self,
        mut member: TeamMember,
        now: Timestamp,
    ) -> Result<(), WorkspaceError> {
        if member.name.trim().is_empty() {
            return Err(WorkspaceError::NameRequired);
        }
        let slot = self
            .members
            .iter_mut()
            .find(|m| m.id == member.id)
            .ok_or_else(|| WorkspaceError::NotFound(member.id.clone()))?;
        member.name = member.name.trim().to_owned();
        stamps::replace(slot, member, now);
        Ok(())
    }

    /// How many clients and deals a member owns.
    pub fn owned_by(&self, member_id: &Id) -> (usize, usize) {
        let clients = self
            .clients
            .iter()
            .filter(|c| &c.owner_id == member_id)
            .count();
        let deals = self
            .deals
            .iter()
            .filter(|d| &d.owner_id == member_id)
            .count();
        (clients, deals)
    }

    /// Removes a team member. Their clients and deals pass to `successor`; without one, removal
    /// is refused while they own anything, so no record is left without an owner.
    pub fn remove_member(
        &mut self,
        id: &Id,
        successor: Option<&Id>,
        now: Timestamp,
    ) -> Result<(), WorkspaceError> {
        if self.member(id).is_none() {
            return Err(WorkspaceError::NotFound(id.clone()));
        }
        let (clients, deals) = self.owned_by(id);
        match successor {
            Some(to) if to != id => self.require_member(to)?,
            _ if clients + deals > 0 => {
                return Err(WorkspaceError::MemberOwnsRecords { clients, deals })
            }
            _ => {}
        }
        if let Some(to) = successor {
            for c in self.clients.iter_mut().filter(|c| &c.owner_id == id) {
                stamps::edit(c, now, |c| c.owner_id = to.clone());
            }
            for d in self.deals.iter_mut().filter(|d| &d.owner_id == id) {
                stamps::edit(d, now, |d| d.owner_id = to.clone());
            }
        }
        let latest = self.member(id).map_or(now, |m| m.latest_stamp());
        self.members.retain(|m| &m.id != id);
        self.tombstone(id.clone(), now, latest);
        Ok(())
    }

    fn check_client(&self, client: &Client) -> Result<(), WorkspaceError> {
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

    /// Removes a client together with its deals; returns the removed client.
    pub fn remove_client(&mut self, id: &Id, now: Timestamp) -> Result<Client, WorkspaceError> {
        let at = self
            .clients
            .iter()
            .position(|c| &c.id == id)
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
        for (deal_id, latest) in deals {
            self.drop_assessments_of(&deal_id, now);
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

    /// Adds a deal.
    pub fn add_deal(&mut self, deal: Deal) -> Result<(), WorkspaceError> {
        self.check_deal(&deal)?;
        if self.id_taken(&deal.id) {
            return Err(WorkspaceError::DuplicateId(deal.id));
        }
        self.deals.push(deal);
        Ok(())
    }

    /// Replaces a deal's record with `deal` (same id), stamping the fields that changed.
    pub fn update_deal(&mut self, deal: Deal, now: Timestamp) -> Result<(), WorkspaceError> {
        self.check_deal(&deal)?;
        let slot = self
            .deals
            .iter_mut()
            .find(|d| d.id == deal.id)
            .ok_or_else(|| WorkspaceError::NotFound(deal.id.clone()))?;
        stamps::replace(slot, deal, now);
        Ok(())
    }

    /// Removes a deal.
    pub fn remove_deal(&mut self, id: &Id, now: Timestamp) -> Result<(), WorkspaceError> {
        let latest = self
            .deal(id)
            .map(|d| d.latest_stamp())
            .ok_or_else(|| WorkspaceError::NotFound(id.clone()))?;
        self.deals.retain(|d| &d.id != id);
        self.drop_assessments_of(id, now);
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

    /// Moves a deal to a stage (drag-and-drop). Returns whether anything changed.
    pub fn move_deal(
        &mut self,
        id: &Id,
        stage_id: &Id,
        now: Timestamp,
    ) -> Result<bool, WorkspaceError> {
        if self.stage(stage_id).is_none() {
            return Err(WorkspaceError::UnknownStage(stage_id.clone()));
        }
        let deal = self
            .deals
            .iter_mut()
            .find(|d| &d.id == id)
            .ok_or_else(|| WorkspaceError::NotFound(id.clone()))?;
        if &deal.stage_id == stage_id {
            return Ok(false);
        }
        stamps::edit(deal, now, |d| d.stage_id = stage_id.clone());
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
        now: Timestamp,
    ) -> Result<Option<Id>, WorkspaceError> {
        if self.deal(id).is_none() {
            return Err(WorkspaceError::NotFound(id.clone()));
        }
        let Some(target) = self.neighbour_stage(id, step).map(|s| s.id.clone()) else {
            return Ok(None);
        };
        self.move_deal(id, &target, now)?;
        Ok(Some(target))
    }

    /// Checks data that came from outside the app's own operations (storage, a file): unique ids
    /// and references that resolve. Empty means sound.
    pub fn integrity_problems(&self) -> Vec<IntegrityProblem> {
        let mut problems = Vec::new();
        let mut seen = HashSet::new();
        let all_ids = self
            .members
            .iter()
            .map(|m| &m.id)
            .chain(self.clients.iter().map(|c| &c.id))
            .chain(self.deals.iter().map(|d| &d.id))
            .chain(self.stages.iter().map(|s| &s.id))
            .chain(self.product_groups.iter().map(|g| &g.id))
            .chain(self.products.iter().map(|p| &p.id))
            .chain(self.orders.iter().map(|o| &o.id))
            .chain(self.transfers.iter().map(|t| &t.id));
        for id in all_ids {
            if !seen.insert(id) {
                problems.push(IntegrityProblem::DuplicateId(id.clone()));
            }
        }
        let members: HashSet<&Id> = self.members.iter().map(|m| &m.id).collect();
        let clients: HashSet<&Id> = self.clients.iter().map(|c| &c.id).collect();
        let stages: HashSet<&Id> = self.stages.iter().map(|s| &s.id).collect();
        let mut dangling = |record: &Id, target: &Id, known: &HashSet<&Id>| {
            if !known.contains(target) {
                problems.push(IntegrityProblem::DanglingReference {
                    record: record.clone(),
                    missing: target.clone(),
                });
            }
        };
        for c in &self.clients {
            dangling(&c.id, &c.owner_id, &members);
        }
        for d in &self.deals {
            dangling(&d.id, &d.client_id, &clients);
            dangling(&d.id, &d.owner_id, &members);
            dangling(&d.id, &d.stage_id, &stages);
        }
        let deals: HashSet<&Id> = self.deals.iter().map(|d| &d.id).collect();
        let groups: HashSet<&Id> = self.product_groups.iter().map(|g| &g.id).collect();
        let products: HashSet<&Id> = self.products.iter().map(|p| &p.id).collect();
        for p in &self.products {
            dangling(&p.id, &p.group_id, &groups);
        }
        for o in &self.orders {
            dangling(&o.id, &o.client_id, &clients);
            for line in &o.lines {
                dangling(&o.id, &line.product_id, &products);
            }
        }
        // The assessor is history, not ownership: it may have left the team since.
        for a in &self.assessments {
            dangling(&a.id, &a.deal_id, &deals);
        }
        // Likewise the people in a transfer record; only its client must exist.
        for t in &self.transfers {
            dangling(&t.id, &t.client_id, &clients);
        }
        problems
    }
}

#[cfg(test)]
#[path = "workspace_tests.rs"]
mod tests;
