//! The domain core: records, their rules and queries. No browser or UI imports live here.
//!
//! - values: [`money`] (kopecks), [`dates`], [`ids`], [`inn`], and [`stamps`] (when each field
//!   last changed, which the merge reads);
//! - records: [`client`], [`deal`], [`stage`], [`team`], and the concerns with their own rules:
//!   [`qualification`] (BANT and its kin), [`orders`] (and the history index), [`transfer`]
//!   (the hunter → farmer rule), [`metrics`] (farmer metrics), [`deal_flow`] (how deals close,
//!   their stage history, the pipeline settings);
//! - [`sales_plan`]: the director's monthly targets per rep;
//! - [`activities`]: a rep's day — activities (calls, meetings, e-mails, notes), tasks, «Мои
//!   дела», suggested farmer calls and a client's timeline;
//! - [`workspace`]: the record store and every operation the UI performs on it, by concern;
//! - [`dashboard`]: the director's figures of a period (sales, first sales, transfers, ABC × XYZ,
//!   verdicts), computed for the «Обзор» screen, and [`changes`]: what changed since an earlier
//!   copy of the data;
//! - [`views`]: read models computed for a screen (lists, the board, the team page, the
//!   transfer queue, possible duplicates);
//! - [`merge`]: two workspaces into one, field by field, with the report of what happened;
//! - forms: [`draft`] (what a person typed, validated into records) and [`form_edit`] (a form
//!   open while its record changes underneath);
//! - [`demo`]: the demo workspace of the first start.

pub mod activities;
pub mod changes;
pub mod client;
pub mod dashboard;
pub mod dates;
pub mod deal;
pub mod deal_flow;
pub mod demo;
pub mod draft;
pub mod form_edit;
pub mod ids;
pub mod inn;
pub mod kpp;
pub mod merge;
pub mod metrics;
pub mod money;
pub mod orders;
pub mod qualification;
pub mod quantity;
pub mod sales_plan;
/// One stable sort shared by every list, so the wasm holds one copy of it.
pub mod sort;
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
