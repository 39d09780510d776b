//! A long list stored as pieces: cut where its records say (not every N records, so that adding
//! or removing one record moves no other cut), each piece kept deflated together with a copy of
//! the records it was made from, and reused for as long as those records compare equal.

use crate::format::packed::{Deflated, PieceWriter};
use rustc_hash::{FxHashMap, FxHasher};
use serde::Serialize;
use std::hash::Hasher;
use std::ops::Range;

/// One stored piece: the records it holds, whether it starts with the `,` that joins it to the
/// piece before, whether its run ended by the cutting rule (rather than at the end of the list),
/// and its deflated JSON.
pub(super) struct Piece<T> {
    records: Vec<T>,
    after_another: bool,
    cut: bool,
    deflated: Deflated,
}

impl<T: PartialEq> Piece<T> {
    /// Whether this piece is exactly the run of `records` that starts at `at`.
    fn fits(&self, records: &[T], at: usize) -> bool {
        let end = at + self.records.len();
        self.after_another == (at > 0)
            && end <= records.len()
            && (self.cut || end == records.len())
            && self.records == records[at..end]
    }
}

/// Whether the run ends after `record`, the `len`-th of its run: after a record whose id hashes
/// to a multiple of `per_piece`, so runs hold about `per_piece` records and an edit in the
/// middle of the list leaves the other runs as they were; a run never exceeds four times that.
fn ends_run(id: &str, len: usize, per_piece: u64) -> bool {
    let mut hasher = FxHasher::default();
    hasher.write(id.as_bytes());
    hasher.finish().is_multiple_of(per_piece) || len >= 4 * per_piece as usize
}

/// The run of `records` that starts at `at`, and whether it ended by the rule.
fn run_from<T>(
    records: &[T],
    at: usize,
    id: impl Fn(&T) -> &str,
    per_piece: u64,
) -> (Range<usize>, bool) {
    for (i, record) in records.iter().enumerate().skip(at) {
        if ends_run(id(record), i + 1 - at, per_piece) {
            return (at..i + 1, true);
        }
    }
    (at..records.len(), false)
}

/// `records` cut into the runs storage would keep them in (see [`ends_run`]).
pub(crate) fn runs<T>(records: &[T], id: impl Fn(&T) -> &str, per_piece: u64) -> Vec<&[T]> {
    let mut runs = Vec::new();
    let mut at = 0;
    while at < records.len() {
        let (range, _) = run_from(records, at, &id, per_piece);
        at = range.end;
        runs.push(&records[range]);
    }
    runs
}

/// The JSON of `records` as the inside of a list, with a leading `,` when it follows a piece.
pub(super) fn list_json<T: Serialize>(records: &[T], after_another: bool) -> Vec<u8> {
    let mut json = Vec::new();
    for (i, record) in records.iter().enumerate() {
        if after_another || i > 0 {
            json.push(b',');
        }
        serde_json::to_writer(&mut json, record).expect("a record always serialises");
    }
    json
}

/// The pieces of one list of the workspace, by the id of their first record.
pub(super) struct Pieces<T> {
    by_first: FxHashMap<String, Piece<T>>,
    per_piece: u64,
}

impl<T: Clone + PartialEq> Pieces<T> {
    /// No pieces yet; runs of about `per_piece` records.
    pub(super) fn new(per_piece: u64) -> Self {
        Pieces {
            by_first: FxHashMap::default(),
            per_piece,
        }
    }

    /// Forgets every piece (their encoding depends on something that changed).
    pub(super) fn clear(&mut self) {
        self.by_first.clear();
    }

    /// Writes `records` piece by piece, reusing every piece that still fits and encoding the
    /// rest with `encode`; afterwards exactly the pieces written are kept. Where a kept piece
    /// fits, its run is known without looking at the ids again.
    pub(super) fn write(
        &mut self,
        out: &mut PieceWriter,
        records: &[T],
        id: impl Fn(&T) -> &str,
        encode: impl Fn(&[T], bool) -> Vec<u8>,
    ) {
        let mut old = std::mem::take(&mut self.by_first);
        let mut at = 0;
        while at < records.len() {
            let first = id(&records[at]).to_owned();
            let piece = match old.remove(&first) {
                Some(piece) if piece.fits(records, at) => piece,
                _ => {
                    let (run, cut) = run_from(records, at, &id, self.per_piece);
                    made(&records[run], at > 0, cut, &encode)
                }
            };
            at += piece.records.len();
            out.deflated(&piece.deflated);
            self.by_first.insert(first, piece);
        }
    }

    /// Encodes at most `budget` of the pieces `records` needs that are not kept yet (keeping
    /// the others as they are); returns how many it encoded. Lets the pieces be made ahead, in
    /// small steps, so that the first save after loading reuses them.
    pub(super) fn prepare(
        &mut self,
        records: &[T],
        id: impl Fn(&T) -> &str,
        encode: impl Fn(&[T], bool) -> Vec<u8>,
        budget: usize,
    ) -> usize {
        let mut made_now = 0;
        let mut at = 0;
        while at < records.len() && made_now < budget {
            let first = id(&records[at]);
            if let Some(piece) = self.by_first.get(first).filter(|p| p.fits(records, at)) {
                at += piece.records.len();
                continue;
            }
            let (run, cut) = run_from(records, at, &id, self.per_piece);
            let piece = made(&records[run], at > 0, cut, &encode);
            at += piece.records.len();
            self.by_first.insert(first.to_owned(), piece);
            made_now += 1;
        }
        made_now
    }
}

fn made<T: Clone>(
    records: &[T],
    after_another: bool,
    cut: bool,
    encode: impl Fn(&[T], bool) -> Vec<u8>,
) -> Piece<T> {
    Piece {
        records: records.to_vec(),
        after_another,
        cut,
        deflated: Deflated::of(&encode(records, after_another)),
    }
}
