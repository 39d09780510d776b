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

/// A file's bytes as text, decoded as a browser's `FileReader.readAsText` decodes them: UTF-8
/// unless a byte-order mark says UTF-16, the mark dropped, invalid bytes replaced by U+FFFD.
/// The app reads a snapshot file as bytes and decodes it here: `readAsText` and handing its
/// text to the wasm blocked the page for about half a second on a 37 MB file.
pub fn file_text(bytes: Vec<u8>) -> String {
    match bytes.as_slice() {
        [0xEF, 0xBB, 0xBF, rest @ ..] => String::from_utf8_lossy(rest).into_owned(),
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes),
        _ => String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units: Vec<u16> = bytes
        .chunks_exact(2)
        .map(|pair| unit([pair[0], pair[1]]))
        .collect();
    let mut text = String::from_utf16_lossy(&units);
    if bytes.len() % 2 == 1 {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::file_text;

    #[test]
    fn a_file_decodes_as_the_browser_decodes_it() {
        assert_eq!(file_text(b"{\"a\": 1}".to_vec()), "{\"a\": 1}");
        assert_eq!(file_text("\u{feff}{}".as_bytes().to_vec()), "{}");
        assert_eq!(file_text(vec![b'{', 0xFF, b'}']), "{\u{fffd}}");
        assert_eq!(file_text("ёж".as_bytes().to_vec()), "ёж");
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("{ё}".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(file_text(le), "{ё}");
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("{}".encode_utf16().flat_map(u16::to_be_bytes))
            .chain([0x00])
            .collect();
        assert_eq!(file_text(be), "{}\u{fffd}");
    }
}
