//! Merging two workspaces record by record.
//!
//! Used when two browser tabs both saved changes to the same stored workspace, and for a
//! director merging snapshots exported by several reps. Every record has a stable id and an
//! `updated_at` (an assessment's `created_at`: assessments never change), and deletions leave
//! tombstones, so the merge needs no common ancestor:
//!
//! - each collection merges by id with [`merge_records`]: two copies of a record merge field by
//!   field, a tombstone removes a record only if it is at least as recent as the record's last
//!   change (and, for a record both sides hold, only if one side had not seen the deletion), and
//!   a record changed after its deletion survives and is reported;
//! - stages merge field by field (their names); a removed stage a surviving deal still sits in
//!   stays; their order is the pipeline settings' `stage_order` field, applied after the merge;
//! - the scoring model and the transfer policy: the newer wins, ours on a tie;
//! - the stage history and the activities are logs: the union of both sides' entries, one per
//!   id; tasks and the pipeline settings merge field by field, like a record;
//! - tombstones: the union, one per id, the latest time kept;
//! - then the result is repaired so that it always passes [`Workspace::integrity_problems`]:
//!   deals, orders and assessments whose client or deal is gone go with it; a deleted member,
//!   product or group that surviving records still use stays (see [`Repair`]).
//!
//! The merge is pure and deterministic. Where timestamps differ it is commutative on content
//! (`merge(a, b)` and `merge(b, a)` hold the same records, perhaps in another order), and it is
//! idempotent: `merge(a, a)` is `a` with a no-op report, `merge(merge(a, b), b)` is `merge(a, b)`.
//! (The one exception to `merge(a, a) == a`: a workspace holding two tombstones for one id, which
//! `remove_member` leaves when a member kept in use is removed again, gets them folded into one.)
//! It is associative as well: three reps' files merge to the same result in any grouping, with
//! one known exception. When a deletion overrode a change and a later change elsewhere brings
//! the record back, whether the overridden change comes back with it depends on the order (see
//! `a_change_a_deletion_overrode_returns_or_not_depending_on_the_merge_order` in `tests/fields.rs`,
//! which checks all of this over random edits of three reps).
//! The report is written from our side (the first argument).

mod building;
mod events;
mod fields;
mod id_index;
mod in_use;
mod into;
mod into_list;
mod kinds;
mod record;
mod records;
mod repair;
mod replace;
mod report;
mod steps;
mod tombstones;

pub use events::{Conflict, MergeEvent, RecordKind, Resurrection, Side};
pub use fields::merge_fields;
pub use into::merge_into;
pub use kinds::PIPELINE_SETTINGS_ID;
pub use record::Record;
pub use records::merge_records;
pub use repair::{DropReason, Repair};
pub use replace::replace;
pub use report::{KindCounts, MergeReport};
pub use steps::MergeSteps;

use crate::domain::ids::Id;
use crate::domain::qualification::{ScoringModel, Template};
use crate::domain::transfer::TransferPolicy;
use crate::domain::workspace::Workspace;
use building::Building;

/// The result of [`merge`]: the merged workspace and what happened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MergeOutcome {
    /// The merged workspace; it always passes [`Workspace::integrity_problems`].
    pub workspace: Workspace,
    /// What changed compared with ours, and why.
    pub report: MergeReport,
}

/// The id conflicts about the scoring model carry, since the model itself has none.
pub const SCORING_MODEL_ID: &str = "scoring-model";

/// Merges `theirs` into `ours`. See the module documentation for the rules. The same merge
/// in steps that each take little time is [`MergeSteps`].
pub fn merge(ours: &Workspace, theirs: &Workspace) -> MergeOutcome {
    let mut b = Building::start(ours, theirs);
    b.ws.clients = b.records(&ours.clients, &theirs.clients, RecordKind::Client);
    b.ws.deals = b.records(&ours.deals, &theirs.deals, RecordKind::Deal);
    b.stages(ours, theirs);
    b.ws.assessments = b.records(
        &ours.assessments,
        &theirs.assessments,
        RecordKind::Assessment,
    );
    b.ws.orders = b.records(&ours.orders, &theirs.orders, RecordKind::Order);
    b.ws.transfers = b.records(&ours.transfers, &theirs.transfers, RecordKind::Transfer);
    let history = (&ours.stage_history, &theirs.stage_history);
    b.ws.stage_history = b.records(history.0, history.1, RecordKind::StageChange);
    b.ws.activities = b.records(&ours.activities, &theirs.activities, RecordKind::Activity);
    b.ws.tasks = b.records(&ours.tasks, &theirs.tasks, RecordKind::Task);
    b.pipeline_settings(ours, theirs);
    // Plans are never deleted (a cleared cell is a zero target), but a tombstone would apply.
    b.ws.sales_plans = b.records(
        &ours.sales_plans,
        &theirs.sales_plans,
        RecordKind::SalesPlan,
    );
    b.drop_orphans();
    b.referenced(ours, theirs);
    b.enforce_integrity();
    b.finish(ours, theirs)
}

/// The newer model wins, ours on a tie.
fn merge_model(ours: &ScoringModel, theirs: &ScoringModel) -> (ScoringModel, Option<Conflict>) {
    if ours == theirs {
        return (ours.clone(), None);
    }
    let (winner, model) = if theirs.updated_at > ours.updated_at {
        (Side::Theirs, theirs)
    } else {
        (Side::Ours, ours)
    };
    let conflict = Conflict {
        kind: RecordKind::ScoringModel,
        id: Id::from_raw(SCORING_MODEL_ID),
        label: template_name(model.template).to_owned(),
        field: None,
        ours_value: String::new(),
        theirs_value: String::new(),
        ours_updated_at: ours.updated_at,
        theirs_updated_at: theirs.updated_at,
        winner,
    };
    (model.clone(), Some(conflict))
}

/// The id conflicts about the transfer policy carry.
pub const TRANSFER_POLICY_ID: &str = "transfer-policy";

/// The newer policy wins, ours on a tie.
fn merge_policy(
    ours: &TransferPolicy,
    theirs: &TransferPolicy,
) -> (TransferPolicy, Option<Conflict>) {
    if ours == theirs {
        return (ours.clone(), None);
    }
    let (winner, policy) = if theirs.updated_at > ours.updated_at {
        (Side::Theirs, theirs)
    } else {
        (Side::Ours, ours)
    };
    let conflict = Conflict {
        kind: RecordKind::TransferPolicy,
        id: Id::from_raw(TRANSFER_POLICY_ID),
        label: rule_label(policy),
        field: None,
        ours_value: String::new(),
        theirs_value: String::new(),
        ours_updated_at: ours.updated_at,
        theirs_updated_at: theirs.updated_at,
        winner,
    };
    (policy.clone(), Some(conflict))
}

/// A policy has no name; reports show its conditions' kinds, e.g. «order_count + volume».
fn rule_label(policy: &TransferPolicy) -> String {
    let kinds: Vec<&str> = policy.rule.conditions.iter().map(|c| c.kind()).collect();
    kinds.join(" + ")
}

fn template_name(template: Template) -> &'static str {
    match template {
        Template::Bant => "BANT",
        Template::Anum => "ANUM",
        Template::Champ => "CHAMP",
    }
}

#[cfg(test)]
mod tests;
