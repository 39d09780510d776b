//! The envelope around the data, as written and as read: `format`, `version` and a header
//! (`saved_at` and `revision` in storage; `app_version`, `exported_at`, `exported_by` in a
//! snapshot), and the workspace inside. Storage and snapshots share it, so a file saved from
//! storage imports and a snapshot's workspace reads like a stored one.

use super::order_book::OrderBookError;
use super::order_books::OrderBooks;
use crate::domain::activities::{Activity, Task};
use crate::domain::dates::Timestamp;
use crate::domain::deal_flow::{PipelineSettings, StageChange};
use crate::domain::orders::{Order, Product, ProductGroup};
use crate::domain::qualification::{Assessment, ScoringModel};
use crate::domain::sales_plan::SalesPlan;
use crate::domain::team::TeamMember;
use crate::domain::transfer::{TransferPolicy, TransferRecord};
use crate::domain::workspace::{Tombstone, Workspace};
use crate::domain::{Client, Deal, Id, Stage};
use serde::{Deserialize, Serialize};

/// Who exported a snapshot, as recorded in the file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportedBy {
    /// The member's id.
    pub id: Id,
    /// The member's name.
    pub name: String,
}

impl ExportedBy {
    /// The exporter as recorded in the file.
    pub fn of(member: &TeamMember) -> Self {
        ExportedBy {
            id: member.id.clone(),
            name: member.name.clone(),
        }
    }
}

/// The header fields of either kind of envelope, as read; `derived` and unknown fields are
/// ignored (readers of a newer minor shape lose nothing they could use).
#[derive(Deserialize)]
pub struct EnvelopeIn {
    /// The format's name. The strict path checks it on the JSON tree before typed reading; the
    /// direct read (`restore::strict_text`) checks it here.
    #[serde(default)]
    pub format: String,
    /// The format version (0 when absent), checked the same two ways.
    #[serde(default)]
    pub version: u64,
    /// The save counter (storage only; 0 when absent).
    #[serde(default)]
    pub revision: u64,
    /// The app version that exported it (snapshots only).
    #[serde(default)]
    pub app_version: Option<String>,
    /// When it was exported (snapshots).
    #[serde(default)]
    pub exported_at: Option<Timestamp>,
    /// When it was saved (storage, and files saved from storage).
    #[serde(default)]
    pub saved_at: Option<Timestamp>,
    /// Who exported it.
    #[serde(default)]
    pub exported_by: Option<ExportedBy>,
    /// The data.
    pub workspace: WorkspaceIn,
}

/// The workspace as a snapshot file writes it: every field as it is, orders as plain objects
/// (`orders`) for people and spreadsheets. Storage writes the same fields with the orders column
/// by column, piece by piece (`storage::pieces`).
#[derive(Serialize)]
pub struct WorkspaceOut<'a> {
    members: &'a [TeamMember],
    clients: &'a [Client],
    deals: &'a [Deal],
    stages: &'a [Stage],
    removed: &'a [Tombstone],
    scoring_model: &'a ScoringModel,
    assessments: &'a [Assessment],
    product_groups: &'a [ProductGroup],
    products: &'a [Product],
    orders: &'a [Order],
    transfer_policy: &'a TransferPolicy,
    transfers: &'a [TransferRecord],
    stage_history: &'a [StageChange],
    pipeline_settings: &'a PipelineSettings,
    #[serde(skip_serializing_if = "<[SalesPlan]>::is_empty")]
    sales_plans: &'a [SalesPlan],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    activities: &'a [Activity],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    tasks: &'a [Task],
}

impl<'a> WorkspaceOut<'a> {
    /// The snapshot shape: orders as plain objects under `orders`.
    pub fn with_plain_orders(ws: &'a Workspace) -> Self {
        // Destructured without `..`: a field added to `Workspace` fails to compile here until it
        // is written too, so no field can be silently left out of a file.
        let Workspace {
            members,
            clients,
            deals,
            stages,
            removed,
            scoring_model,
            assessments,
            product_groups,
            products,
            orders,
            transfer_policy,
            transfers,
            stage_history,
            pipeline_settings,
            sales_plans,
            activities,
            tasks,
        } = ws;
        WorkspaceOut {
            members,
            clients,
            deals,
            stages,
            removed,
            scoring_model,
            assessments,
            product_groups,
            products,
            orders,
            transfer_policy,
            transfers,
            stage_history,
            pipeline_settings,
            sales_plans,
            activities,
            tasks,
        }
    }
}

/// The workspace as read, from storage or a snapshot: orders as plain objects, as columns, or
/// both (plain ones first).
#[derive(Deserialize)]
pub struct WorkspaceIn {
    #[serde(default)]
    pub(crate) members: Vec<TeamMember>,
    #[serde(default)]
    pub(crate) clients: Vec<Client>,
    #[serde(default)]
    pub(crate) deals: Vec<Deal>,
    #[serde(default = "Stage::default_pipeline")]
    pub(crate) stages: Vec<Stage>,
    #[serde(default)]
    pub(crate) removed: Vec<Tombstone>,
    #[serde(default)]
    scoring_model: ScoringModel,
    #[serde(default)]
    pub(crate) assessments: Vec<Assessment>,
    #[serde(default)]
    pub(crate) product_groups: Vec<ProductGroup>,
    #[serde(default)]
    pub(crate) products: Vec<Product>,
    /// Orders as plain objects (snapshots, hand-made or older data).
    #[serde(default)]
    pub orders: Vec<Order>,
    /// Orders as columns (what storage writes): one book, or a list of books.
    #[serde(default)]
    pub(crate) order_book: OrderBooks,
    #[serde(default)]
    transfer_policy: TransferPolicy,
    #[serde(default)]
    pub(crate) transfers: Vec<TransferRecord>,
    #[serde(default)]
    pub(crate) stage_history: Vec<StageChange>,
    #[serde(default)]
    pipeline_settings: PipelineSettings,
    #[serde(default)]
    pub(crate) sales_plans: Vec<SalesPlan>,
    #[serde(default)]
    pub(crate) activities: Vec<Activity>,
    #[serde(default)]
    pub(crate) tasks: Vec<Task>,
}

impl WorkspaceIn {
    /// The workspace, with the column-wise orders unpacked after the plain ones.
    pub fn into_workspace(self) -> Result<Workspace, OrderBookError> {
        let client_ids: Vec<Id> = self.clients.iter().map(|c| c.id.clone()).collect();
        let product_ids: Vec<Id> = self.products.iter().map(|p| p.id.clone()).collect();
        let mut orders = self.orders;
        orders.extend(self.order_book.unpack(&client_ids, &product_ids)?);
        Ok(Workspace {
            members: self.members,
            clients: self.clients,
            deals: self.deals,
            stages: self.stages,
            removed: self.removed,
            scoring_model: self.scoring_model,
            assessments: self.assessments,
            product_groups: self.product_groups,
            products: self.products,
            orders,
            transfer_policy: self.transfer_policy,
            transfers: self.transfers,
            stage_history: self.stage_history,
            pipeline_settings: self.pipeline_settings,
            sales_plans: self.sales_plans,
            activities: self.activities,
            tasks: self.tasks,
        })
    }
}
