//! The workspace: everything one browser stores, with the operations the UI performs on it.
//!
//! Every operation validates before it changes anything, so a failed call leaves the workspace
//! exactly as it was.

use crate::domain::activities::{Activity, Task};
use crate::domain::client::Client;
use crate::domain::dates::Timestamp;
use crate::domain::deal::Deal;
use crate::domain::deal_flow::{PipelineSettings, SettingsProblem, StageChange};
use crate::domain::ids::Id;
use crate::domain::orders::{Order, Product, ProductGroup};
use crate::domain::qualification::{Assessment, ModelError, ScoringModel};
use crate::domain::sales_plan::{PlanProblem, SalesPlan};
use crate::domain::stage::Stage;
use crate::domain::stamps;
use crate::domain::team::TeamMember;
use crate::domain::transfer::{PolicyError, TransferPolicy, TransferRecord};
use serde::{Deserialize, Serialize};
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
    /// Every stage change of every deal (moves, closing, reopening), in the order recorded.
    #[serde(default)]
    pub stage_history: Vec<StageChange>,
    /// The director's lost reasons and stage limits.
    #[serde(default)]
    pub pipeline_settings: PipelineSettings,
    /// The director's monthly targets per rep, one record per rep, month and kind.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sales_plans: Vec<SalesPlan>,
    /// Every logged call, meeting, e-mail and note, in the order logged (never edited).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<Activity>,
    /// Tasks, open and done.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tasks: Vec<Task>,
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
            stage_history: Vec::new(),
            pipeline_settings: PipelineSettings::default(),
            sales_plans: Vec::new(),
            activities: Vec::new(),
            tasks: Vec::new(),
        }
    }
}

/// Why an operation on the workspace was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum WorkspaceError {
    /// No record has this id.
    #[error("no record with id {0}")]
    NotFound(Id),
    /// Two ids that must differ name the same record (a client merged with itself).
    #[error("{0} cannot be merged with itself")]
    SameRecord(Id),
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
    /// The deal is already closed (won or lost).
    #[error("deal {0} is already closed")]
    AlreadyClosed(Id),
    /// Completing the task would leave this open deal with nothing planned: a next step is
    /// required.
    #[error("deal {0} needs a next step")]
    NextStepRequired(Id),
    /// The deal is open: there is nothing to reopen.
    #[error("deal {0} is open")]
    NotClosed(Id),
    /// A lost deal needs a reason.
    #[error("a reason is required")]
    ReasonRequired,
    /// A won amount outside the range of money.
    #[error("the amount is out of range")]
    AmountOutOfRange,
    /// A sales plan is invalid.
    #[error("invalid sales plan: {0:?}")]
    InvalidPlan(Vec<PlanProblem>),
    /// The pipeline settings are invalid.
    #[error("invalid pipeline settings: {0:?}")]
    InvalidPipelineSettings(Vec<SettingsProblem>),
    /// A change to the stages was refused.
    #[error(transparent)]
    Stage(#[from] StageError),
    /// A team member still owns clients or deals and no one was named to take them over.
    #[error("the member still owns {clients} clients and {deals} deals")]
    MemberOwnsRecords {
        /// Clients owned.
        clients: usize,
        /// Deals owned.
        deals: usize,
    },
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
}

mod bulk;
mod catalogue;
mod closing;
mod duplicates;
mod integrity;
mod orders;
mod pipeline;
mod plans;
mod playbook;
mod stages;
mod tasks;
mod team;
pub mod transfer;

pub use closing::Mover;
pub use duplicates::ClientsMerged;
pub use integrity::IntegrityProblem;
pub use pipeline::StageStep;
pub use plans::PlanCell;
pub use stages::{StageError, MAX_STAGE_NAME_CHARS};
pub use transfer::TransferRequest;

#[cfg(test)]
mod tests;
