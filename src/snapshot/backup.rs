//! The copy of the user's own data kept before an import replaces it.

use super::derived::DescribeOutcome;
use super::export::export_snapshot;
use super::file_name::snapshot_file_name;
use super::read::read_snapshot;
use crate::domain::dates::Timestamp;
use crate::domain::team::TeamMember;
use crate::domain::workspace::Workspace;
use crate::restore::RestoreError;
use chrono::NaiveDate;

/// The previous workspace as a snapshot, so a replace can be undone or downloaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Backup {
    /// When the backup was taken (just before the replace).
    pub taken_at: Timestamp,
    /// The workspace as snapshot text.
    pub text: String,
    /// The name to download it under.
    pub file_name: String,
}

impl Backup {
    /// The backup of `ws`, taken at `now` on the user's day `today` by `who` (`describe` as
    /// for [`export_snapshot`]).
    pub fn of(
        ws: &Workspace,
        who: Option<&TeamMember>,
        now: Timestamp,
        today: NaiveDate,
        describe: DescribeOutcome,
    ) -> Backup {
        Backup {
            taken_at: now,
            text: export_snapshot(ws, who, now, today, describe),
            file_name: snapshot_file_name(who.map(|m| m.name.as_str()), today),
        }
    }

    /// The workspace back, checked like any import (it always passes: it was written by this
    /// build from data this build accepted).
    pub fn restore(&self, today: NaiveDate) -> Result<Workspace, RestoreError> {
        read_snapshot(&self.text, today).map(|s| s.workspace)
    }
}
