//! The merge in steps: the same merge as [`merge`](super::merge), record list by record list
//! and a long list (orders) a few thousand records at a time, so that a page can merge a whole
//! team's data while it keeps painting. Each step takes both workspaces again instead of
//! holding them: the caller keeps them unchanged until the last step (a page starts again when
//! its data changes meanwhile).

use super::building::{products_in_use, Building};
use super::events::{MergeEvent, RecordKind};
use super::id_index::IdIndex;
use super::record::Record;
use super::records::{merge_ours, merge_theirs};
use super::repair::InUse;
use super::report::{CountCursor, MergeReport};
use super::tombstones::Tombstones;
use super::MergeOutcome;
use crate::domain::workspace::Workspace;

/// The pieces of a merge, in the order [`merge`](super::merge) does them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Piece {
    Clients,
    Deals,
    Stages,
    Assessments,
    Orders,
    Transfers,
    StageHistory,
    Activities,
    Tasks,
    PipelineSettings,
    SalesPlans,
    Orphans,
    ProductsInUse,
    Referenced,
    Integrity,
    Settle,
    Counts,
    Done,
}

const PIECES: [Piece; 18] = [
    Piece::Clients,
    Piece::Deals,
    Piece::Stages,
    Piece::Assessments,
    Piece::Orders,
    Piece::Transfers,
    Piece::StageHistory,
    Piece::Activities,
    Piece::Tasks,
    Piece::PipelineSettings,
    Piece::SalesPlans,
    Piece::Orphans,
    Piece::ProductsInUse,
    Piece::Referenced,
    Piece::Integrity,
    Piece::Settle,
    Piece::Counts,
    Piece::Done,
];

/// Where the merge of one record list stands: their records indexed, then ours merged, then
/// their new records, each a few at a time.
#[derive(Default)]
struct ListCursor {
    ours_index: IdIndex,
    theirs_index: IdIndex,
    theirs_at: usize,
}

impl ListCursor {
    /// Merges up to `budget` more records of one list into `out`, as
    /// [`merge_records`](super::merge_records) would in one pass; true when the list is done.
    fn step<T: Record + Clone + PartialEq + std::fmt::Debug>(
        &mut self,
        (ours, theirs): (&[T], &[T]),
        out: &mut Vec<T>,
        (tombstones, events): (&Tombstones, &mut Vec<MergeEvent>),
        kind: RecordKind,
        budget: usize,
    ) -> bool {
        let mut left = budget.max(1);
        if self.theirs_index.len() == 0 && self.ours_index.len() == 0 {
            self.theirs_index.reserve(theirs.len());
            self.ours_index.reserve(ours.len());
            out.reserve(ours.len().max(theirs.len()));
        }
        while self.theirs_index.len() < theirs.len() && left > 0 {
            self.theirs_index.push(theirs[self.theirs_index.len()].id());
            left -= 1;
        }
        let (all, unseen) = (tombstones.as_map(), tombstones.unseen());
        let indexed = self.theirs_index.len() == theirs.len();
        while indexed && self.ours_index.len() < ours.len() && left > 0 {
            let at = self.ours_index.len();
            let record = &ours[at];
            self.ours_index.push(record.id());
            left -= 1;
            // A repeated id within ours keeps its first occurrence.
            if self.ours_index.first(ours, record.id()) != Some(at) {
                continue;
            }
            let other = (self.theirs_index.first(theirs, record.id())).map(|i| &theirs[i]);
            out.extend(merge_ours(record, other, all, unseen, kind, events));
        }
        let ours_done = indexed && self.ours_index.len() == ours.len();
        while ours_done && self.theirs_at < theirs.len() && left > 0 {
            let at = self.theirs_at;
            let record = &theirs[at];
            self.theirs_at += 1;
            left -= 1;
            // Only their new records, each id once.
            let new = self.ours_index.first(ours, record.id()).is_none()
                && self.theirs_index.first(theirs, record.id()) == Some(at);
            if new {
                out.extend(merge_theirs(record, all, kind, events));
            }
        }
        ours_done && self.theirs_at == theirs.len()
    }

    /// Records looked at so far.
    fn visited(&self) -> usize {
        self.ours_index.len() + self.theirs_index.len() + self.theirs_at
    }
}

/// [`merge`](super::merge) in steps: `step` until it says it is done, then `finish`, always with
/// the same two workspaces. The outcome is exactly the one-pass merge's.
pub struct MergeSteps {
    building: Option<Building>,
    piece: usize,
    list: ListCursor,
    /// The products the merged orders use, found a few thousand orders a step.
    products_used: InUse,
    /// The report once begun, and the kind being counted with where its count stands.
    report: Option<MergeReport>,
    kind: usize,
    count: CountCursor,
    /// Records looked at so far, and in all, for a progress bar.
    done: usize,
    total: usize,
}

impl MergeSteps {
    /// A merge of `theirs` into `ours`, nothing done yet but uniting the tombstones.
    pub fn new(ours: &Workspace, theirs: &Workspace) -> MergeSteps {
        let lists = |ws: &Workspace| {
            ws.clients.len()
                + ws.deals.len()
                + ws.assessments.len()
                + ws.orders.len()
                + ws.transfers.len()
                + ws.stage_history.len()
                + ws.activities.len()
                + ws.tasks.len()
                + ws.sales_plans.len()
        };
        // Theirs are looked at twice (indexed, then their new ones), and ours and the result
        // again for the counts (about ours twice); the three pieces after the lists count as a
        // twenty-fifth of that work each (see `after_lists`).
        let records = 3 * lists(ours) + 2 * lists(theirs);
        MergeSteps {
            building: Some(Building::start(ours, theirs)),
            piece: 0,
            list: ListCursor::default(),
            products_used: InUse::new(),
            report: None,
            kind: 0,
            count: CountCursor::default(),
            done: 0,
            total: records + 3 * (records / 25),
        }
    }

    /// Merges up to `budget` more records (a list's records; a piece after the lists is one
    /// step of its own). Returns true when everything is merged and [`MergeSteps::finish`] may
    /// be called.
    pub fn step(&mut self, ours: &Workspace, theirs: &Workspace, budget: usize) -> bool {
        let Some(&piece) = PIECES.get(self.piece) else {
            return true;
        };
        let b = self.building.as_mut().expect("building until finished");
        let list = &mut self.list;
        let before = list.visited();
        let Building {
            ws,
            tombstones,
            events,
            ..
        } = b;
        let found = (&*tombstones, events);
        macro_rules! list {
            ($field:ident, $kind:expr) => {
                list.step(
                    (&ours.$field, &theirs.$field),
                    &mut ws.$field,
                    found,
                    $kind,
                    budget,
                )
            };
        }
        let piece_done = match piece {
            Piece::Clients => list!(clients, RecordKind::Client),
            Piece::Deals => list!(deals, RecordKind::Deal),
            Piece::Assessments => list!(assessments, RecordKind::Assessment),
            Piece::Orders => list!(orders, RecordKind::Order),
            Piece::Transfers => list!(transfers, RecordKind::Transfer),
            Piece::StageHistory => list!(stage_history, RecordKind::StageChange),
            Piece::Activities => list!(activities, RecordKind::Activity),
            Piece::Tasks => list!(tasks, RecordKind::Task),
            Piece::SalesPlans => list!(sales_plans, RecordKind::SalesPlan),
            Piece::Stages => {
                b.stages(ours, theirs);
                true
            }
            Piece::PipelineSettings => {
                b.pipeline_settings(ours, theirs);
                true
            }
            Piece::Orphans => self.after_lists(|b| b.drop_orphans()),
            Piece::ProductsInUse => {
                let orders = &b.ws.orders;
                let end = orders
                    .len()
                    .min(list.theirs_at.saturating_add(budget.max(1)));
                products_in_use(&mut self.products_used, &orders[list.theirs_at..end]);
                list.theirs_at = end;
                end == orders.len()
            }
            Piece::Referenced => {
                let used = std::mem::take(&mut self.products_used);
                self.after_lists(|b| b.referenced_with(ours, theirs, used))
            }
            Piece::Integrity => self.after_lists(Building::enforce_integrity),
            Piece::Settle => {
                self.report = Some(b.settle(ours, theirs));
                true
            }
            Piece::Counts => {
                let report = self.report.as_mut().expect("settled first");
                match RecordKind::ALL.get(self.kind) {
                    None => true,
                    Some(&kind) => {
                        let merged = &b.ws;
                        if let Some(counts) = self.count.step(ours, merged, kind, budget) {
                            report.set_counts(kind, counts);
                            self.count = CountCursor::default();
                            self.kind += 1;
                        }
                        self.done += budget.min(self.total / 50);
                        false
                    }
                }
            }
            Piece::Done => return true,
        };
        let list = &self.list;
        self.done += list.visited() - before;
        if piece_done {
            self.piece += 1;
            self.list = ListCursor::default();
        }
        self.piece == PIECES.len() - 1
    }

    /// A piece after the lists: one step, counted as a twentieth of the lists' work.
    fn after_lists(&mut self, piece: impl FnOnce(&mut Building)) -> bool {
        piece(self.building.as_mut().expect("building until finished"));
        self.done += self.total / 25;
        true
    }

    /// How far the merge is: work done and in all (records looked at, roughly).
    pub fn progress(&self) -> (usize, usize) {
        (self.done.min(self.total), self.total)
    }

    /// The merged workspace and the report, once [`MergeSteps::step`] said it is done.
    pub fn finish(mut self, ours: &Workspace, theirs: &Workspace) -> MergeOutcome {
        while !self.step(ours, theirs, usize::MAX) {}
        let b = self.building.take().expect("finished once");
        MergeOutcome {
            workspace: b.ws,
            report: self.report.take().expect("counted"),
        }
    }
}
