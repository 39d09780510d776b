//! [`merge`](super::merge) of a few records into a large workspace, in place and in time that
//! grows with the few: what a sync round does with what it pulled. The result and the report
//! are exactly `merge(ours, theirs)`'s, given that `ours` is what the app always keeps — it
//! passes [`Workspace::integrity_problems`] and no list holds an id twice — while `theirs`
//! may be anything (a partial workspace of pulled records).
//!
//! Under that premise a record of ours that theirs does not hold and no tombstone names comes
//! out of the whole merge as it was, so only the wanted ones are merged (each with the
//! per-record rule), and the passes over the whole workspace run only when what was merged
//! can need them: dependants dropped with their parent when a client or deal went or a merged
//! record names a missing one, the last-resort integrity repair when a merged record names a
//! missing owner, product or group or shares its id with another kind of record. Their
//! repairs are then the whole merge's, in its order.
//!
//! Not done here (`None`, nothing changed: the caller runs the whole merge): a tombstone of
//! either side naming a member, product, group or stage of either side — whether it stays
//! depends on every record using it (see [`Repair::KeptInUse`](super::Repair)) — and a wanted
//! id held twice in one of our lists.

use super::events::RecordKind;
use super::fields::merge_fields;
use super::into_list::{merge_in, places, ListDelta, Wanted};
use super::record::Record;
use super::repair::{self, Repair};
use super::report::{self, MergeReport};
use super::tombstones::Tombstones;
use super::{merge_model, merge_policy};
use crate::domain::ids::Id;
use crate::domain::workspace::Workspace;
use rustc_hash::FxHashSet;

/// One bit per record list, for [`Wanted`]; the first nine are the lists whose ids
/// `integrity_problems` checks for uniqueness across kinds.
mod bit {
    pub const MEMBERS: u16 = 1;
    pub const CLIENTS: u16 = 1 << 1;
    pub const DEALS: u16 = 1 << 2;
    pub const STAGES: u16 = 1 << 3;
    pub const GROUPS: u16 = 1 << 4;
    pub const PRODUCTS: u16 = 1 << 5;
    pub const ORDERS: u16 = 1 << 6;
    pub const TRANSFERS: u16 = 1 << 7;
    pub const TASKS: u16 = 1 << 8;
    pub const CHECKED: u16 = (1 << 9) - 1;
    pub const ASSESSMENTS: u16 = 1 << 9;
    pub const HISTORY: u16 = 1 << 10;
    pub const ACTIVITIES: u16 = 1 << 11;
    pub const PLANS: u16 = 1 << 12;
}

/// Calls `$apply!(field, bit, kind)` for every record list, in the order the whole merge
/// merges them (the referenced ones, merged after the orphans there, come last).
macro_rules! each_list {
    ($apply:ident) => {
        $apply!(clients, bit::CLIENTS, RecordKind::Client);
        $apply!(deals, bit::DEALS, RecordKind::Deal);
        $apply!(stages, bit::STAGES, RecordKind::Stage);
        $apply!(assessments, bit::ASSESSMENTS, RecordKind::Assessment);
        $apply!(orders, bit::ORDERS, RecordKind::Order);
        $apply!(transfers, bit::TRANSFERS, RecordKind::Transfer);
        $apply!(stage_history, bit::HISTORY, RecordKind::StageChange);
        $apply!(activities, bit::ACTIVITIES, RecordKind::Activity);
        $apply!(tasks, bit::TASKS, RecordKind::Task);
        $apply!(sales_plans, bit::PLANS, RecordKind::SalesPlan);
        $apply!(products, bit::PRODUCTS, RecordKind::Product);
        $apply!(product_groups, bit::GROUPS, RecordKind::ProductGroup);
        $apply!(members, bit::MEMBERS, RecordKind::Member);
    };
}

/// Per list, something of type `T`.
#[derive(Default)]
struct Lists<T> {
    clients: T,
    deals: T,
    stages: T,
    assessments: T,
    orders: T,
    transfers: T,
    stage_history: T,
    activities: T,
    tasks: T,
    sales_plans: T,
    products: T,
    product_groups: T,
    members: T,
}

/// Whether a tombstone names a member, product, group or stage `ws` holds.
fn names_referenced(tombstones: &Tombstones, ws: &Workspace) -> bool {
    let named = |id: &Id| tombstones.removed_at(id).is_some();
    ws.members.iter().any(|r| named(&r.id))
        || ws.products.iter().any(|r| named(&r.id))
        || ws.product_groups.iter().any(|r| named(&r.id))
        || ws.stages.iter().any(|r| named(&r.id))
}

/// Merges `theirs` into `ours` in place: `merge(ours, theirs)`'s workspace and report, or `None`
/// (and `ours` untouched) for what is left to the whole merge (see the module documentation).
pub fn merge_into(ours: &mut Workspace, theirs: &Workspace) -> Option<MergeReport> {
    let ours_removed = ours.removed.clone();
    let mut tombstones = Tombstones::union(&ours_removed, &theirs.removed);
    if names_referenced(&tombstones, ours) || names_referenced(&tombstones, theirs) {
        return None;
    }
    let mut wanted: Wanted = Wanted::default();
    // Another kind of record under one id: left to the integrity repair.
    let mut shared_id = false;
    macro_rules! want {
        ($field:ident, $bit:expr, $kind:expr) => {
            for record in &theirs.$field {
                let bits = wanted.entry(Record::id(record)).or_insert(0);
                *bits |= $bit;
                let checked = *bits & bit::CHECKED;
                shared_id |= checked & checked.wrapping_sub(1) != 0;
            }
        };
    }
    each_list!(want);
    for t in ours_removed.iter().chain(&theirs.removed) {
        wanted.entry(&t.id).or_insert(0);
    }
    let mut at: Lists<Vec<usize>> = Lists::default();
    macro_rules! find {
        ($field:ident, $bit:expr, $kind:expr) => {
            at.$field = places(&ours.$field, &wanted)?;
            if $bit & bit::CHECKED != 0 {
                let other = bit::CHECKED & !$bit;
                let list = &ours.$field;
                shared_id |= (at.$field.iter()).any(|&i| wanted[Record::id(&list[i])] & other != 0);
            }
        };
    }
    each_list!(find);

    // From here on `ours` changes: nothing falls back any more.
    let before_settings = (
        ours.scoring_model.clone(),
        ours.transfer_policy.clone(),
        ours.pipeline_settings.clone(),
    );
    let mut events = Vec::new();
    let mut delta: Lists<ListDelta> = Lists::default();
    macro_rules! merge_list {
        ($field:ident, $bit:expr, $kind:expr) => {
            delta.$field = merge_in(
                &mut ours.$field,
                &at.$field,
                &theirs.$field,
                &tombstones,
                $kind,
                &mut events,
            );
        };
    }
    merge_list!(clients, bit::CLIENTS, RecordKind::Client);
    merge_list!(deals, bit::DEALS, RecordKind::Deal);
    merge_list!(stages, bit::STAGES, RecordKind::Stage);
    merge_list!(assessments, bit::ASSESSMENTS, RecordKind::Assessment);
    merge_list!(orders, bit::ORDERS, RecordKind::Order);
    merge_list!(transfers, bit::TRANSFERS, RecordKind::Transfer);
    merge_list!(stage_history, bit::HISTORY, RecordKind::StageChange);
    merge_list!(activities, bit::ACTIVITIES, RecordKind::Activity);
    merge_list!(tasks, bit::TASKS, RecordKind::Task);
    // As `Building::pipeline_settings`, in the same place among the events.
    if ours.pipeline_settings != theirs.pipeline_settings {
        ours.pipeline_settings = merge_fields(
            &ours.pipeline_settings,
            &theirs.pipeline_settings,
            RecordKind::PipelineSettings,
            &mut events,
        );
    }
    merge_list!(sales_plans, bit::PLANS, RecordKind::SalesPlan);
    // The whole merge does these after the orphans, which neither change nor depend on them
    // here (no tombstone names one of them).
    merge_list!(products, bit::PRODUCTS, RecordKind::Product);
    merge_list!(product_groups, bit::GROUPS, RecordKind::ProductGroup);
    merge_list!(members, bit::MEMBERS, RecordKind::Member);
    ours.apply_stage_order();

    let (orphans, integrity) = needs_repair(ours, &delta);
    let mut repairs = Vec::new();
    if orphans || delta.clients.removed_any || delta.deals.removed_any {
        repairs.extend(repair::drop_orphans(ours, &mut tombstones));
    }
    if integrity || shared_id {
        repairs.extend(repair::enforce_integrity(ours));
    }

    let (model, model_conflict) = merge_model(&ours.scoring_model, &theirs.scoring_model);
    ours.scoring_model = model;
    let (policy, policy_conflict) = merge_policy(&ours.transfer_policy, &theirs.transfer_policy);
    ours.transfer_policy = policy;
    ours.removed = tombstones.into_list();
    let value_conflicts = model_conflict.into_iter().chain(policy_conflict).collect();
    for r in &repairs {
        if let Repair::Dropped { kind, id, .. } = r {
            if let Some(list) = delta.of(*kind) {
                list.dropped(id, &wanted);
            }
        }
    }
    let mut report = report::begin(&ours_removed, ours, events, value_conflicts, repairs);
    let (model, policy, pipeline) = before_settings;
    for kind in RecordKind::ALL {
        let counts = match kind {
            RecordKind::ScoringModel => report::value_counts(model != ours.scoring_model),
            RecordKind::TransferPolicy => report::value_counts(policy != ours.transfer_policy),
            RecordKind::PipelineSettings => {
                report::value_counts(pipeline != ours.pipeline_settings)
            }
            _ => delta.of(kind).map(|d| d.counts).unwrap_or_default(),
        };
        report.set_counts(kind, counts);
    }
    Some(report)
}

impl Lists<ListDelta> {
    /// The list of a kind of record; `None` for the single values.
    fn of(&mut self, kind: RecordKind) -> Option<&mut ListDelta> {
        Some(match kind {
            RecordKind::Member => &mut self.members,
            RecordKind::Client => &mut self.clients,
            RecordKind::Deal => &mut self.deals,
            RecordKind::Assessment => &mut self.assessments,
            RecordKind::ProductGroup => &mut self.product_groups,
            RecordKind::Product => &mut self.products,
            RecordKind::Order => &mut self.orders,
            RecordKind::Stage => &mut self.stages,
            RecordKind::Transfer => &mut self.transfers,
            RecordKind::StageChange => &mut self.stage_history,
            RecordKind::SalesPlan => &mut self.sales_plans,
            RecordKind::Activity => &mut self.activities,
            RecordKind::Task => &mut self.tasks,
            RecordKind::ScoringModel
            | RecordKind::TransferPolicy
            | RecordKind::PipelineSettings => return None,
        })
    }
}

/// Whether the records the merge changed or added can need the orphans' pass (a client, deal
/// or stage they name is missing) and the last-resort integrity repair (an owner, product or
/// group they name is missing). Everything else was sound before and is untouched.
fn needs_repair(ws: &Workspace, d: &Lists<ListDelta>) -> (bool, bool) {
    let lists = [
        &d.clients,
        &d.deals,
        &d.orders,
        &d.products,
        &d.assessments,
        &d.stage_history,
        &d.transfers,
        &d.activities,
        &d.tasks,
    ];
    if lists.iter().all(|l| l.touched.is_empty()) {
        return (false, false);
    }
    let clients = ids(&ws.clients);
    let deals = ids(&ws.deals);
    let stages = ids(&ws.stages);
    let members = ids(&ws.members);
    let products = ids(&ws.products);
    let groups = ids(&ws.product_groups);
    let (mut orphans, mut integrity) = (false, false);
    for r in d.deals.touched.iter().map(|&i| &ws.deals[i]) {
        orphans |= !clients.contains(&r.client_id) || !stages.contains(&r.stage_id);
        integrity |= !members.contains(&r.owner_id);
    }
    for r in d.orders.touched.iter().map(|&i| &ws.orders[i]) {
        orphans |= !clients.contains(&r.client_id);
        integrity |= r.lines.iter().any(|l| !products.contains(&l.product_id));
    }
    for r in d.clients.touched.iter().map(|&i| &ws.clients[i]) {
        integrity |= !members.contains(&r.owner_id);
    }
    for r in d.products.touched.iter().map(|&i| &ws.products[i]) {
        integrity |= !groups.contains(&r.group_id);
    }
    for r in d.assessments.touched.iter().map(|&i| &ws.assessments[i]) {
        orphans |= !deals.contains(&r.deal_id);
    }
    for r in d
        .stage_history
        .touched
        .iter()
        .map(|&i| &ws.stage_history[i])
    {
        orphans |= !deals.contains(&r.deal_id);
    }
    for r in d.transfers.touched.iter().map(|&i| &ws.transfers[i]) {
        orphans |= !clients.contains(&r.client_id);
    }
    for r in d.activities.touched.iter().map(|&i| &ws.activities[i]) {
        orphans |= !clients.contains(&r.client_id);
    }
    for r in d.tasks.touched.iter().map(|&i| &ws.tasks[i]) {
        orphans |= r.client_id.as_ref().is_some_and(|c| !clients.contains(c))
            || r.deal_id.as_ref().is_some_and(|c| !deals.contains(c));
    }
    (orphans, integrity)
}

/// The ids of a list, to look names up in.
fn ids<T: Record>(list: &[T]) -> FxHashSet<&Id> {
    list.iter().map(Record::id).collect()
}
