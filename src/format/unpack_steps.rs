//! [`unpack`] in steps, for a stored value another tab wrote: a full team's value is a few
//! megabytes of deflated pieces that inflate to tens of megabytes of JSON, about 90 ms in the
//! browser in one go. A `SDZ2` value's pieces are deflated each on its own, so they inflate one
//! after another, a few per step, into the same text with the same checks and the same
//! [`Damaged`] words as [`unpack`]. A `SDZ1` value (one stream, from earlier builds) and plain
//! JSON are unpacked in one step, as [`unpack`] does.

use super::packed::{
    after_revision, inflate, piece_list, unpack, Damaged, MAX_UNPACKED_BYTES, PIECES_PREFIX,
};

/// JSON inflated per step at least (a piece is inflated whole): a few milliseconds in the
/// browser, so that a caller can fill a 40 ms slice in several steps and stop on time.
const STEP_BYTES: usize = 256 * 1024;

/// An unpack under way.
pub struct UnpackSteps {
    stage: Stage,
}

enum Stage {
    /// The stored text, not looked at yet.
    Start(String),
    /// A pieced value's pieces being inflated.
    Pieces(Box<Pieces>),
    Finished(Result<String, Damaged>),
}

/// The pieces of a `SDZ2` value, checked to add up, and the JSON inflated so far.
struct Pieces {
    lengths: Vec<usize>,
    bytes: Vec<u8>,
    /// The next piece, and where its bytes start.
    next: usize,
    at: usize,
    json: Json,
}

/// The JSON so far: text while every piece was UTF-8 on its own (pieces are cut between
/// records, so they are), checked piece by piece instead of tens of megabytes at the end; bytes
/// once one was not, checked whole at the end as [`unpack`] checks them, for the same verdict
/// and the same words.
enum Json {
    Text(String),
    Bytes(Vec<u8>),
}

impl Json {
    fn len(&self) -> usize {
        match self {
            Json::Text(t) => t.len(),
            Json::Bytes(b) => b.len(),
        }
    }

    fn push(&mut self, piece: Vec<u8>) {
        match self {
            Json::Text(text) => match String::from_utf8(piece) {
                Ok(piece) => text.push_str(&piece),
                Err(e) => {
                    let mut bytes = std::mem::take(text).into_bytes();
                    bytes.extend(e.into_bytes());
                    *self = Json::Bytes(bytes);
                }
            },
            Json::Bytes(bytes) => bytes.extend(piece),
        }
    }

    fn finish(self) -> Result<String, Damaged> {
        match self {
            Json::Text(text) => Ok(text),
            Json::Bytes(bytes) => String::from_utf8(bytes).map_err(|e| Damaged(e.to_string())),
        }
    }
}

impl UnpackSteps {
    /// Starts unpacking the stored `text`.
    pub fn new(text: String) -> UnpackSteps {
        UnpackSteps {
            stage: Stage::Start(text),
        }
    }

    /// Does one step of work; returns whether the unpack is finished.
    pub fn step(&mut self) -> bool {
        let stage = std::mem::replace(&mut self.stage, Stage::Finished(Ok(String::new())));
        self.stage = match stage {
            Stage::Start(text) => start(text),
            Stage::Pieces(mut pieces) => match pieces.step() {
                Ok(false) => Stage::Pieces(pieces),
                Ok(true) => Stage::Finished(pieces.json.finish()),
                Err(e) => Stage::Finished(Err(e)),
            },
            finished @ Stage::Finished(_) => finished,
        };
        matches!(self.stage, Stage::Finished(_))
    }

    /// Runs every step left and gives the JSON, exactly what [`unpack`] gives.
    pub fn finish(mut self) -> Result<String, Damaged> {
        while !self.step() {}
        match self.stage {
            Stage::Finished(result) => result,
            _ => unreachable!("step runs until finished"),
        }
    }
}

/// The first step: a pieced value's list of pieces read and checked (its bytes out of their
/// Latin-1 text), anything else unpacked at once.
fn start(text: String) -> Stage {
    let Some(rest) = text.strip_prefix(PIECES_PREFIX) else {
        return Stage::Finished(if super::packed::is_plain(&text) {
            Ok(text)
        } else {
            unpack(&text)
        });
    };
    match after_revision(rest).and_then(piece_list) {
        Ok((lengths, bytes)) => Stage::Pieces(Box::new(Pieces {
            lengths,
            bytes,
            next: 0,
            at: 0,
            json: Json::Text(String::new()),
        })),
        Err(e) => Stage::Finished(Err(e)),
    }
}

impl Pieces {
    /// Inflates pieces until [`STEP_BYTES`] of JSON are made; `Ok(true)` when all are.
    fn step(&mut self) -> Result<bool, Damaged> {
        let goal = self.json.len().saturating_add(STEP_BYTES);
        while let Some(&length) = self.lengths.get(self.next) {
            if self.json.len() >= goal {
                return Ok(false);
            }
            // The same room as the one-pass unpack leaves each piece.
            let room = MAX_UNPACKED_BYTES.saturating_sub(self.json.len());
            let piece = inflate(&self.bytes[self.at..self.at + length], room)?;
            self.json.push(piece);
            self.at += length;
            self.next += 1;
        }
        Ok(true)
    }
}
