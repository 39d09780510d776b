//! The domain core: records, their rules and queries. No browser or UI imports live here.

pub mod client;
pub mod dates;
pub mod deal;
pub mod demo;
pub mod draft;
pub mod form_edit;
pub mod ids;
pub mod inn;
pub mod merge;
pub mod metrics;
pub mod money;
pub mod orders;
pub mod qualification;
pub mod stage;
pub mod stamps;
pub mod team;
pub mod transfer;
pub mod views;
pub mod workspace;

pub use client::{Client, ClientStatus, ContactPerson};
pub use deal::Deal;
pub use ids::Id;
pub use money::Money;
pub use stage::{Stage, StageKey};
pub use team::{JobTitle, Role, TeamMember};
pub use workspace::TransferRequest;
pub use workspace::{Workspace, WorkspaceError};
