//! How each kind of record merges: the ones people edit field by field, the ones never edited
//! (assessments, transfer records) as a whole with their restore time, orders and stages.

use super::events::{MergeEvent, RecordKind};
use super::fields::merge_fields;
use super::record::{merge_restored, Record};
use crate::domain::activities::{Activity, Task};
use crate::domain::dates::{format_date, Timestamp};
use crate::domain::deal_flow::{PipelineSettings, StageChange};
use crate::domain::ids::Id;
use crate::domain::orders::{Order, Product, ProductGroup};
use crate::domain::qualification::Assessment;
use crate::domain::sales_plan::SalesPlan;
use crate::domain::transfer::TransferRecord;
use crate::domain::{Client, Deal, Stage, TeamMember};

/// The usual record: an `id`, an `updated_at`, and a text field that names it in reports.
macro_rules! plain_record {
    ($($kind:ty => $label:ident),* $(,)?) => {
        $(impl Record for $kind {
            fn id(&self) -> &Id {
                &self.id
            }
            fn updated_at(&self) -> Timestamp {
                self.updated_at
            }
            fn label(&self) -> String {
                self.$label.clone()
            }
            fn merge_pair(
                ours: &Self,
                theirs: &Self,
                kind: RecordKind,
                events: &mut Vec<MergeEvent>,
            ) -> Self {
                merge_fields(ours, theirs, kind, events)
            }
        })*
    };
}

plain_record!(TeamMember => name, Client => name, Deal => title, ProductGroup => name, Product => name, SalesPlan => month, Task => what);

/// Records that are never edited (assessments, transfer records, stage history entries,
/// activities): the
/// time they were made (`created_at`, or a stage change's `at`) is also the last change, unless a
/// restore brought the record back after a deletion (`restored_at`). Two copies that differ
/// otherwise (never made by the app) are merged whole. An assessment's label is the date it was
/// made (its deal is in the record), a transfer's its business date, a stage change's its day.
macro_rules! never_edited {
    ($($kind:ty, made $made:ident => |$r:ident| $label:expr),* $(,)?) => {
        $(impl Record for $kind {
            fn id(&self) -> &Id {
                &self.id
            }
            fn updated_at(&self) -> Timestamp {
                self.restored_at
                    .map_or(self.$made, |at| at.max(self.$made))
            }
            fn label(&self) -> String {
                let $r = self;
                $label
            }
            fn merge_pair(
                ours: &Self,
                theirs: &Self,
                kind: RecordKind,
                events: &mut Vec<MergeEvent>,
            ) -> Self {
                let plain = |r: &Self| Self {
                    restored_at: None,
                    ..r.clone()
                };
                merge_restored(ours, theirs, plain, kind, events)
            }
        })*
    };
}

never_edited!(
    Assessment, made created_at => |a| format_date(a.created_at.date_naive()),
    TransferRecord, made created_at => |t| format_date(t.date),
    StageChange, made at => |s| format_date(s.at.date_naive()),
    Activity, made created_at => |a| format_date(a.date),
);

/// The id conflicts about the pipeline settings carry, since the settings have none.
pub const PIPELINE_SETTINGS_ID: &str = "pipeline-settings";

/// The pipeline settings are one value with stamped fields: two copies merge field by field,
/// like a record people edit.
impl Record for PipelineSettings {
    fn id(&self) -> &Id {
        static ID: std::sync::LazyLock<Id> =
            std::sync::LazyLock::new(|| Id::from_raw(PIPELINE_SETTINGS_ID));
        &ID
    }
    fn updated_at(&self) -> Timestamp {
        self.updated_at
    }
    fn label(&self) -> String {
        String::new()
    }
    fn merge_pair(
        ours: &Self,
        theirs: &Self,
        kind: RecordKind,
        events: &mut Vec<MergeEvent>,
    ) -> Self {
        merge_fields(ours, theirs, kind, events)
    }
}

/// An order's label is its business date (the client it belongs to is in the record).
impl Record for Order {
    fn id(&self) -> &Id {
        &self.id
    }
    fn updated_at(&self) -> Timestamp {
        self.updated_at
    }
    fn label(&self) -> String {
        format_date(self.date)
    }
    fn merge_pair(
        ours: &Self,
        theirs: &Self,
        kind: RecordKind,
        events: &mut Vec<MergeEvent>,
    ) -> Self {
        merge_fields(ours, theirs, kind, events)
    }
}

/// Stages are edited like records (renamed by the director, removed with a tombstone): two
/// copies merge field by field; a stage that data from before stamps existed carries counts as
/// set at the Unix epoch. Their order is a field of the pipeline settings, not of the stage.
impl Record for Stage {
    fn id(&self) -> &Id {
        &self.id
    }
    fn updated_at(&self) -> Timestamp {
        self.updated_at
    }
    fn label(&self) -> String {
        self.custom_name
            .clone()
            .unwrap_or_else(|| self.id.as_str().to_owned())
    }
    fn merge_pair(
        ours: &Self,
        theirs: &Self,
        kind: RecordKind,
        events: &mut Vec<MergeEvent>,
    ) -> Self {
        merge_fields(ours, theirs, kind, events)
    }
}
