//! The import preview in steps: what [`ImportPreview::new`] and the import panel work out
//! before showing it — the director's records set aside, the merge against the data here, the
//! records a merge or a replace would remove, the changes dated ahead of the clock, the clients
//! that look like ours — a piece or a few thousand records at a time, so that a page can show
//! a progress bar and stay responsive with a whole team's file. The merge is
//! [`MergeSteps`]: the same result as the one-pass [`merge`](crate::domain::merge::merge).

use super::director::director_records_guarded;
use super::preview::{future_changes, name_owners, removals_of, ImportPreview, Removal, REMOVABLE};
use super::read::Snapshot;
use crate::domain::dates::Timestamp;
use crate::domain::ids::Id;
use crate::domain::merge::{MergeOutcome, MergeSteps};
use crate::domain::views::duplicates::{duplicates_between, DuplicateMatch};
use crate::domain::workspace::Workspace;

/// The preview and what the panel shows beside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreviewReady {
    /// What a merge or a replace would do (the merge of the file with the director's records
    /// set aside; a replace's removals against the file as it is).
    pub preview: ImportPreview,
    /// Whether the file tried to change the director's records and they were set aside.
    pub set_aside: bool,
    /// The file's changes dated ahead of the clock: how many, and the latest.
    pub future: (usize, Option<Timestamp>),
    /// The file's clients that look like ours under another id.
    pub duplicates: Vec<(Id, DuplicateMatch)>,
}

/// Where the preview stands: each part is one step, but the merge, which takes many.
enum Part {
    Guard,
    Merge(MergeSteps),
    Outcome(MergeSteps),
    /// A kind of [`REMOVABLE`] a step, then their owners named.
    RemovedByMerge(usize),
    RemovedByReplace(usize),
    Rest,
    Done,
}

/// [`PreviewReady`] worked out in steps: `step` until it says it is done, then `finish`, with
/// the same workspace and file every time (start again when the data changes meanwhile).
pub struct ImportPreviewSteps {
    part: Part,
    now: Timestamp,
    /// The merge's work in all, once it is known.
    merge_all: usize,
    guarded: Option<(Workspace, bool)>,
    outcome: Option<MergeOutcome>,
    removed_by_merge: Vec<Removal>,
    removed_by_replace: Vec<Removal>,
    future: (usize, Option<Timestamp>),
    duplicates: Vec<(Id, DuplicateMatch)>,
}

/// The steps besides the merge's own, for the progress: the guard, the report, each kind's
/// removals both ways with their owners, the rest. Each counts as a hundredth of the merge.
const OTHER_PARTS: usize = 2 * (REMOVABLE.len() + 1) + 3;

impl ImportPreviewSteps {
    /// A preview of a file read, against the data here; `now` is the clock's, for the
    /// changes dated ahead of it.
    pub fn new(now: Timestamp) -> ImportPreviewSteps {
        ImportPreviewSteps {
            part: Part::Guard,
            now,
            merge_all: 0,
            guarded: None,
            outcome: None,
            removed_by_merge: Vec::new(),
            removed_by_replace: Vec::new(),
            future: (0, None),
            duplicates: Vec::new(),
        }
    }

    /// Does the next piece (up to `budget` records of the merge); true when all is done and
    /// [`ImportPreviewSteps::finish`] may be called.
    pub fn step(&mut self, mine: &Workspace, snapshot: &Snapshot, budget: usize) -> bool {
        let part = std::mem::replace(&mut self.part, Part::Done);
        self.part = match part {
            Part::Guard => {
                let (guarded, set_aside) = director_records_guarded(mine, snapshot);
                let steps = MergeSteps::new(mine, &guarded);
                self.merge_all = steps.progress().1;
                self.guarded = Some((guarded, set_aside));
                Part::Merge(steps)
            }
            Part::Merge(mut steps) => {
                let (guarded, _) = self.guarded.as_ref().expect("guarded first");
                if steps.step(mine, guarded, budget) {
                    Part::Outcome(steps)
                } else {
                    Part::Merge(steps)
                }
            }
            // The report, a pass over both sides, in a step of its own.
            Part::Outcome(steps) => {
                let (guarded, _) = self.guarded.as_ref().expect("guarded first");
                self.outcome = Some(steps.finish(mine, guarded));
                Part::RemovedByMerge(0)
            }
            Part::RemovedByMerge(k) => {
                let merged = &self.outcome.as_ref().expect("merged first").workspace;
                match REMOVABLE.get(k) {
                    Some(&kind) => {
                        let gone = removals_of(kind, mine, merged);
                        self.removed_by_merge.extend(gone);
                        Part::RemovedByMerge(k + 1)
                    }
                    None => {
                        name_owners(mine, &mut self.removed_by_merge);
                        Part::RemovedByReplace(0)
                    }
                }
            }
            Part::RemovedByReplace(k) => match REMOVABLE.get(k) {
                Some(&kind) => {
                    let gone = removals_of(kind, mine, &snapshot.workspace);
                    self.removed_by_replace.extend(gone);
                    Part::RemovedByReplace(k + 1)
                }
                None => {
                    name_owners(mine, &mut self.removed_by_replace);
                    Part::Rest
                }
            },
            Part::Rest => {
                self.future = future_changes(&snapshot.workspace, self.now);
                self.duplicates = duplicates_between(mine, &snapshot.workspace);
                Part::Done
            }
            Part::Done => Part::Done,
        };
        matches!(self.part, Part::Done)
    }

    /// How far the preview is: work done and in all (the merge's records, and each other
    /// step as a hundredth of them).
    pub fn progress(&self) -> (usize, usize) {
        let merge_all = self.merge_all.max(1);
        let part = merge_all.div_ceil(100);
        let kinds = REMOVABLE.len() + 1;
        let (merged, others) = match &self.part {
            Part::Guard => (0, 0),
            Part::Merge(steps) => (steps.progress().0, 1),
            Part::Outcome(_) => (merge_all, 1),
            Part::RemovedByMerge(k) => (merge_all, 2 + k),
            Part::RemovedByReplace(k) => (merge_all, 2 + kinds + k),
            Part::Rest => (merge_all, 2 + 2 * kinds),
            Part::Done => (merge_all, OTHER_PARTS),
        };
        let all = merge_all + OTHER_PARTS * part;
        ((merged + others * part).min(all), all)
    }

    /// The preview, once [`ImportPreviewSteps::step`] said it is done.
    pub fn finish(mut self, mine: &Workspace, snapshot: &Snapshot) -> PreviewReady {
        while !self.step(mine, snapshot, usize::MAX) {}
        let (guarded, set_aside) = self.guarded.take().expect("guarded first");
        let outcome = self.outcome.take().expect("merged first");
        let preview = ImportPreview::of(
            mine,
            &guarded,
            outcome,
            self.removed_by_merge,
            self.removed_by_replace,
        );
        PreviewReady {
            preview,
            set_aside,
            future: self.future,
            duplicates: self.duplicates,
        }
    }
}
