//! Reading a snapshot file: the one restore path ([`crate::restore`]) with a file's limits
//! (its size, dates from 2000 to a year ahead), and the file's header kept for the preview.

use super::MAX_SNAPSHOT_BYTES;
use crate::domain::dates::Timestamp;
use crate::domain::workspace::Workspace;
use crate::format::envelope::ExportedBy;
use crate::restore::{restore, Rejection, RestoreError, RestoreOptions, RestoreSteps, Restored};
use chrono::NaiveDate;

/// A snapshot that passed every check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snapshot {
    /// The data, migrated to the current version.
    pub workspace: Workspace,
    /// Where the file came from.
    pub meta: SnapshotMeta,
}

/// The file's header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SnapshotMeta {
    /// The format version the file was written in (before migration).
    pub version: u64,
    /// The app version that wrote it (absent in files saved from storage).
    pub app_version: Option<String>,
    /// When it was exported (or, for a file saved from storage, last saved).
    pub exported_at: Option<Timestamp>,
    /// Who exported it, if anyone was signed in.
    pub exported_by: Option<ExportedBy>,
}

/// Reads and checks a snapshot; on refusal gives the first problem in file order (see
/// [`read_snapshot_all`] for the list). `today` bounds the dates (see
/// [`crate::restore::DateLimits`]).
pub fn read_snapshot(text: &str, today: NaiveDate) -> Result<Snapshot, RestoreError> {
    read_snapshot_all(text, today).map_err(Rejection::first)
}

/// Reads and checks a snapshot; on refusal gives every problem found (the first
/// [`crate::restore::MAX_LISTED_PROBLEMS`], and how many more).
pub fn read_snapshot_all(text: &str, today: NaiveDate) -> Result<Snapshot, Rejection> {
    restore(text, &RestoreOptions::file(today, MAX_SNAPSHOT_BYTES)).map(snapshot)
}

/// [`read_snapshot_all`] in slices, for a large file: the same result, worked out a step at a
/// time ([`RestoreSteps`]) so the page can paint a progress bar between steps.
pub struct SnapshotSteps(RestoreSteps);

impl SnapshotSteps {
    /// Starts reading `text` on the user's day `today`.
    pub fn new(text: String, today: NaiveDate) -> SnapshotSteps {
        SnapshotSteps(RestoreSteps::new(
            text,
            RestoreOptions::file(today, MAX_SNAPSHOT_BYTES),
        ))
    }

    /// Does one step (a few tens of milliseconds at most); returns whether it is finished.
    pub fn step(&mut self) -> bool {
        self.0.step()
    }

    /// Whether the file is read in one pass rather than in steps (see [`RestoreSteps`]).
    pub fn read_in_one_pass(&self) -> bool {
        self.0.read_in_one_pass()
    }

    /// How far it is, as a part done and a whole.
    pub fn progress(&self) -> (usize, usize) {
        self.0.progress()
    }

    /// Runs the steps left and gives what [`read_snapshot_all`] gives.
    pub fn finish(self) -> Result<Snapshot, Rejection> {
        self.0.finish().map(snapshot)
    }
}

fn snapshot(restored: Restored) -> Snapshot {
    Snapshot {
        workspace: restored.workspace,
        meta: SnapshotMeta {
            version: restored.version,
            app_version: restored.app_version,
            exported_at: restored.exported_at,
            exported_by: restored.exported_by,
        },
    }
}
