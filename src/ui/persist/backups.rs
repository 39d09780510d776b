//! The backup slots, for the data screen: keep one before a merge, replace or restore, list them,
//! read one back through the restore path, download one. Screens hold a slot as an opaque
//! handle (`BackupSlot::key`) and never read or write storage themselves.

use crate::domain::dates::Timestamp;
use crate::domain::Workspace;
use crate::i18n::outcome::describe_ru;
use crate::restore::RestoreError;
use crate::snapshot::{export_snapshot, snapshot_file_name};
use crate::storage::browser;
use crate::storage::SaveError;
use crate::ui::clock;
use crate::ui::download::download_text;

pub use crate::storage::browser::BackupSlot;

/// Keeps `ws` as a new backup slot taken at `now`.
pub fn keep(ws: &Workspace, now: Timestamp) -> Result<(), SaveError> {
    browser::save_backup(ws, now)
}

/// Every backup slot, newest first.
pub fn list() -> Vec<BackupSlot> {
    browser::backups()
}

/// The workspace kept in a slot, checked like any data coming back in.
pub fn read(slot: &str) -> Result<Workspace, RestoreError> {
    browser::load_backup(slot)
}

/// Downloads a backup as a snapshot file; one that does not read goes out as it is stored, so
/// it is never lost.
pub fn download(slot: &str) {
    let at = list()
        .into_iter()
        .find(|s| s.key == slot)
        .map(|s| s.taken_at)
        .unwrap_or_default();
    let day = clock::date_of(at);
    match read(slot) {
        Ok(ws) => download_text(
            &snapshot_file_name(Some("backup"), day),
            &export_snapshot(&ws, None, at, day, describe_ru),
            "application/json",
        ),
        Err(_) => {
            if let Some(raw) = browser::read_raw(slot) {
                download_text("salesdesk-backup-unreadable.txt", &raw, "text/plain");
            }
        }
    }
}
