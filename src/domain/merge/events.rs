//! What a merge reports: the kinds of record, the two sides, conflicts, resurrections and the
//! events the report is built from. Plain data, no merging here.

use crate::domain::dates::Timestamp;
use crate::domain::ids::Id;

/// The kinds of data a merge reports on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RecordKind {
    /// Team members.
    Member,
    /// Clients.
    Client,
    /// Deals.
    Deal,
    /// Qualification assessments.
    Assessment,
    /// Product groups of the catalogue.
    ProductGroup,
    /// Products of the catalogue.
    Product,
    /// Clients' orders.
    Order,
    /// Pipeline stages.
    Stage,
    /// The team's scoring model (a single value, not a collection).
    ScoringModel,
    /// Hunter→farmer transfer records.
    Transfer,
    /// The transfer rule and activity thresholds (a single value).
    TransferPolicy,
    /// Entries of the deals' stage history.
    StageChange,
    /// The lost reasons and stage limits (a single value, merged field by field).
    PipelineSettings,
    /// The director's monthly sales plans (one record per rep, month and kind).
    SalesPlan,
    /// Logged calls, meetings, e-mails and notes (never edited).
    Activity,
    /// Tasks (edited field by field).
    Task,
}

impl RecordKind {
    /// Every kind, in the order reports list them.
    pub const ALL: [RecordKind; 16] = [
        RecordKind::Member,
        RecordKind::Client,
        RecordKind::Deal,
        RecordKind::Assessment,
        RecordKind::ProductGroup,
        RecordKind::Product,
        RecordKind::Order,
        RecordKind::Stage,
        RecordKind::ScoringModel,
        RecordKind::Transfer,
        RecordKind::TransferPolicy,
        RecordKind::StageChange,
        RecordKind::PipelineSettings,
        RecordKind::SalesPlan,
        RecordKind::Activity,
        RecordKind::Task,
    ];
}

/// One of the two workspaces being merged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    /// The first argument of [`merge`](super::merge): this tab's or the director's own data.
    Ours,
    /// The second argument: what another tab stored, or an imported snapshot.
    Theirs,
}

/// Both sides changed the same field of a record (or a record without fields) to different
/// values without seeing each other's change. A change made on one side only is no conflict:
/// it is simply taken (see [`merge_fields`](super::merge_fields)).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// What kind of record.
    pub kind: RecordKind,
    /// The record's id (`scoring-model` for the scoring model, which has none).
    pub id: Id,
    /// The winning copy's label (name, title…).
    pub label: String,
    /// The field both sides changed (`"contact.phone"`); `None` for a record merged whole.
    pub field: Option<&'static str>,
    /// Our value of the field, as JSON text (empty for a record merged whole).
    pub ours_value: String,
    /// Their value of the field.
    pub theirs_value: String,
    /// When our value was set (the Unix epoch for stages, which carry no timestamp).
    pub ours_updated_at: Timestamp,
    /// When their value was set.
    pub theirs_updated_at: Timestamp,
    /// Whose value was kept: the later one (equal times are settled by content).
    pub winner: Side,
}

impl Conflict {
    /// Whether both copies changed after `moment` (e.g. the last time this tab read or wrote the
    /// stored workspace): only then did two people really edit the same record concurrently.
    pub fn both_changed_after(&self, moment: Timestamp) -> bool {
        self.ours_updated_at > moment && self.theirs_updated_at > moment
    }
}

/// A record one side deleted while the other side changed it later: the change wins and the
/// record stays.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resurrection {
    /// What kind of record.
    pub kind: RecordKind,
    /// The record's id.
    pub id: Id,
    /// The record's label.
    pub label: String,
    /// When it was deleted.
    pub removed_at: Timestamp,
    /// When it was changed, after that.
    pub updated_at: Timestamp,
    /// The side that still held the record.
    pub held_by: Side,
}

/// Something [`merge_records`](super::merge_records) noticed besides plain adds and keeps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MergeEvent {
    /// Both sides had different copies; the later one won.
    Conflict(Conflict),
    /// A record survived a deletion because it changed after it.
    ResurrectedAfterDelete(Resurrection),
}
