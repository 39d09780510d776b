//! The merged workspace as it is built, piece by piece: shared by the one-pass [`merge`] and
//! the merge in steps ([`MergeSteps`](super::MergeSteps)), so that both apply the same rules in
//! the same order and give the same result.
//!
//! [`merge`]: super::merge

use super::events::{MergeEvent, RecordKind};
use super::fields::merge_fields;
use super::record::Record;
use super::records::merge_records;
use super::repair::{self, InUse, Repair};
use super::report::{self, MergeReport};
use super::tombstones::Tombstones;
use super::{merge_model, merge_policy, MergeOutcome};
use crate::domain::orders::Order;
use crate::domain::qualification::ScoringModel;
use crate::domain::transfer::TransferPolicy;
use crate::domain::workspace::Workspace;

/// What a merge has built so far: the merged collections, the united tombstones, and what it
/// noticed on the way.
pub(super) struct Building {
    /// The merged workspace; its collections fill in as the merge goes.
    pub(super) ws: Workspace,
    /// Both sides' deletions, and those the repair adds.
    pub(super) tombstones: Tombstones,
    /// Conflicts and resurrections, in the order the collections merged.
    pub(super) events: Vec<MergeEvent>,
    /// What the repair changed.
    pub(super) repairs: Vec<Repair>,
}

impl Building {
    /// Nothing merged yet: the tombstones united, every collection empty.
    pub(super) fn start(ours: &Workspace, theirs: &Workspace) -> Building {
        // Listing every field (no `..`) makes a new collection in `Workspace` a compile error
        // here rather than data a merge silently loses.
        let ws = Workspace {
            members: Vec::new(),
            clients: Vec::new(),
            deals: Vec::new(),
            stages: Vec::new(),
            removed: Vec::new(),
            scoring_model: ScoringModel::default(),
            assessments: Vec::new(),
            product_groups: Vec::new(),
            products: Vec::new(),
            orders: Vec::new(),
            transfer_policy: TransferPolicy::default(),
            transfers: Vec::new(),
            stage_history: Vec::new(),
            pipeline_settings: Default::default(),
            sales_plans: Vec::new(),
            activities: Vec::new(),
            tasks: Vec::new(),
        };
        Building {
            ws,
            tombstones: Tombstones::union(&ours.removed, &theirs.removed),
            events: Vec::new(),
            repairs: Vec::new(),
        }
    }

    /// One collection merged by id in one pass (see [`merge_records`]).
    pub(super) fn records<T: Record + Clone + PartialEq + std::fmt::Debug>(
        &mut self,
        ours: &[T],
        theirs: &[T],
        kind: RecordKind,
    ) -> Vec<T> {
        let (all, unseen) = (self.tombstones.as_map(), self.tombstones.unseen());
        let (merged, found) = merge_records(ours, theirs, all, unseen, kind);
        self.events.extend(found);
        merged
    }

    /// The stages, once the deals are merged. A removed stage that a surviving deal still sits
    /// in stays (a deal is never dropped for its stage): the director moves the deals first, so
    /// only a deal moved in elsewhere keeps it.
    pub(super) fn stages(&mut self, ours: &Workspace, theirs: &Workspace) {
        let used = repair::in_use(self.ws.deals.iter().map(|d| (&d.stage_id, &d.id)));
        let (stages, found, kept) = repair::merge_keeping_used(
            &ours.stages,
            &theirs.stages,
            &self.tombstones,
            &used,
            RecordKind::Stage,
        );
        self.ws.stages = stages;
        self.events.extend(found);
        self.repairs.extend(kept);
    }

    /// The pipeline settings, field by field like a record.
    pub(super) fn pipeline_settings(&mut self, ours: &Workspace, theirs: &Workspace) {
        self.ws.pipeline_settings = if ours.pipeline_settings == theirs.pipeline_settings {
            ours.pipeline_settings.clone()
        } else {
            merge_fields(
                &ours.pipeline_settings,
                &theirs.pipeline_settings,
                RecordKind::PipelineSettings,
                &mut self.events,
            )
        };
    }

    /// Once every collection of records is merged: the stage order applied, and the deals,
    /// orders and the rest whose client or deal is gone dropped with it.
    pub(super) fn drop_orphans(&mut self) {
        self.ws.apply_stage_order();
        let dropped = repair::drop_orphans(&mut self.ws, &mut self.tombstones);
        self.repairs.extend(dropped);
    }

    /// The records others refer to, each after its users (which deleted ones must stay depends
    /// on what survived): products, their groups, the team's members.
    pub(super) fn referenced(&mut self, ours: &Workspace, theirs: &Workspace) {
        let mut used = InUse::new();
        products_in_use(&mut used, &self.ws.orders);
        self.referenced_with(ours, theirs, used);
    }

    /// [`Building::referenced`] with the products' users (the merged orders) already found.
    pub(super) fn referenced_with(&mut self, ours: &Workspace, theirs: &Workspace, used: InUse) {
        let (products, found, kept) = repair::merge_keeping_used(
            &ours.products,
            &theirs.products,
            &self.tombstones,
            &used,
            RecordKind::Product,
        );
        self.ws.products = products;
        self.events.extend(found);
        self.repairs.extend(kept);
        let used = repair::in_use(self.ws.products.iter().map(|p| (&p.group_id, &p.id)));
        let (groups, found, kept) = repair::merge_keeping_used(
            &ours.product_groups,
            &theirs.product_groups,
            &self.tombstones,
            &used,
            RecordKind::ProductGroup,
        );
        self.ws.product_groups = groups;
        self.events.extend(found);
        self.repairs.extend(kept);
        let ws = &self.ws;
        let owners = ws.clients.iter().map(|c| (&c.owner_id, &c.id));
        let used = repair::in_use(owners.chain(ws.deals.iter().map(|d| (&d.owner_id, &d.id))));
        let (members, found, kept) = repair::merge_keeping_used(
            &ours.members,
            &theirs.members,
            &self.tombstones,
            &used,
            RecordKind::Member,
        );
        self.ws.members = members;
        self.events.extend(found);
        self.repairs.extend(kept);
    }

    /// Whatever `integrity_problems` still names, dropped.
    pub(super) fn enforce_integrity(&mut self) {
        let dropped = repair::enforce_integrity(&mut self.ws);
        self.repairs.extend(dropped);
    }

    /// The single values (the newer wins) and the tombstones' stored list set, and the report
    /// begun: all but its counts, which [`report::count_kind`] adds kind by kind.
    pub(super) fn settle(&mut self, ours: &Workspace, theirs: &Workspace) -> MergeReport {
        let (model, model_conflict) = merge_model(&ours.scoring_model, &theirs.scoring_model);
        self.ws.scoring_model = model;
        let (policy, policy_conflict) =
            merge_policy(&ours.transfer_policy, &theirs.transfer_policy);
        self.ws.transfer_policy = policy;
        self.ws.removed = std::mem::take(&mut self.tombstones).into_list();
        let value_conflicts = model_conflict.into_iter().chain(policy_conflict).collect();
        let (events, repairs) = (
            std::mem::take(&mut self.events),
            std::mem::take(&mut self.repairs),
        );
        report::begin(&ours.removed, &self.ws, events, value_conflicts, repairs)
    }

    /// The single values, the tombstones' stored list, and the report.
    pub(super) fn finish(mut self, ours: &Workspace, theirs: &Workspace) -> MergeOutcome {
        let mut report = self.settle(ours, theirs);
        for kind in RecordKind::ALL {
            report::count_kind(&mut report, ours, &self.ws, kind);
        }
        MergeOutcome {
            workspace: self.ws,
            report,
        }
    }
}

/// Adds the products the `orders` use, with the orders using them.
pub(super) fn products_in_use(used: &mut InUse, orders: &[Order]) {
    repair::extend_in_use(
        used,
        orders
            .iter()
            .flat_map(|o| o.lines.iter().map(move |l| (&l.product_id, &o.id))),
    );
}
