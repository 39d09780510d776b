//! The domain core: records, their rules and queries. No browser or UI imports live here.

pub mod bench;
pub mod client;
pub mod dates;
pub mod deal;
pub mod demo;
pub mod draft;
pub mod duplicates;
#[cfg(test)]
pub(crate) mod fixtures;
pub mod form_edit;
pub mod ids;
pub mod inn;
pub mod lookup;
pub mod merge;
pub mod metrics;
pub mod money;
pub mod orders;
pub mod qualification;
pub mod query;
pub mod stage;
pub mod stamps;
pub mod synth_workspace;
pub mod team;
pub mod team_view;
pub mod transfer;
pub mod transfer_queue;
pub mod workspace;
mod workspace_catalogue;
mod workspace_orders;
pub mod workspace_transfer;

pub use client::{Client, ClientStatus, ContactPerson};
pub use deal::Deal;
pub use ids::Id;
pub use money::Money;
pub use stage::{Stage, StageKey};
pub use team::{JobTitle, Role, TeamMember};
pub use workspace::{Workspace, WorkspaceError};
pub use workspace_transfer::TransferRequest;
