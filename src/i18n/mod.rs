//! Every user-visible word of the app, Russian and English, and the functions that put the
//! values of the layers below (domain, storage, snapshot) into words. Nothing below `i18n`
//! imports it: those layers hand over structured values (enums, figures, names) and the words
//! are chosen here, so the language type itself lives in the leaf [`crate::lang`].
//!
//! The words are in `texts!` tables, one per area ([`Text`], [`SalesText`], [`SnapshotText`],
//! [`ReportText`], [`DealText`], [`PlaybookText`], [`DashText`], [`ChangesText`], [`ImportText`],
//! [`PlanText`], [`TaskText`], [`SheetText`]), plus the texts whose words
//! change with a number ([`Plural`]). The UI translates a key of any table through the one
//! [`Translate`] trait.
//!
//! This file only declares and re-exports: the files below import each other directly (never
//! through `super::` re-exports), so no two files of `i18n` import each other.

pub mod changes;
mod changes_table;
mod dash_table;
mod deal_table;
pub mod deals;
mod errors;
pub mod import;
pub mod import_rights;
mod import_table;
mod macros;
mod names;
pub mod outcome;
mod plan_table;
pub mod playbook;
mod playbook_table;
pub mod plural;
pub mod report;
mod report_table;
pub mod restore;
pub mod sales;
mod sales_table;
pub mod sheet;
mod sheet_table;
pub mod snapshot;
mod snapshot_table;
mod sync_table;
mod table;
mod task_table;
mod translate;

pub use crate::lang::Lang;
pub use changes_table::ChangesText;
pub use dash_table::DashText;
pub use deal_table::DealText;
pub use errors::{
    describe_model_error, describe_problem, describe_save_error, describe_workspace_error,
    unqualified_message,
};
pub use import_table::ImportText;
pub use names::{job_title_name, role_name, stage_name, status_name, verdict_name};
pub use plan_table::PlanText;
pub use playbook_table::PlaybookText;
pub use plural::{count, plural, plural_category, Plural, PluralCategory};
pub use report_table::ReportText;
pub use sales_table::SalesText;
pub use sheet_table::SheetText;
pub use snapshot_table::SnapshotText;
pub use sync_table::{sync_progress, SyncText};
pub use table::Text;
pub use task_table::TaskText;
pub use translate::{fill, Translate};

#[cfg(test)]
mod tests;
