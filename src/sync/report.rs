//! What a round hands its driver: the next step, the round's report and its progress.

use super::Request;

/// What the driver does next.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// Send this request and pass its response to the next `step`.
    Send(Request),
    /// Nothing to send: the round did a long piece of work (it merged what it pulled) and lets
    /// the page breathe before the next one (cutting what to push). Call `step` again with no
    /// response.
    Yield,
    /// The round is over.
    Done(RoundReport),
}

/// A local change the server refused in this round.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    /// The document's `_id`.
    pub doc_id: String,
    /// The server's reason (the validation function's words).
    pub reason: String,
}

/// What a round did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RoundReport {
    /// Documents pulled and merged in (others' changes).
    pub pulled: usize,
    /// Documents written to the server.
    pub pushed: usize,
    /// `409` conflicts settled by fetching, merging and writing again.
    pub conflicts: usize,
    /// Changes refused by the server (also kept in [`SyncState::set_aside`]).
    pub refused: Vec<Refusal>,
    /// Pulled documents this app could not read.
    pub skipped: Vec<String>,
    /// Why the round stopped early (an HTTP status the engine cannot go on with).
    pub error: Option<super::trouble::RoundError>,
}

/// How far a round is, for the status line: documents pulled or pushed so far out of how many.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Documents done.
    pub done: usize,
    /// Documents in all (as far as known: the server's count of changes left, or the push
    /// queue).
    pub total: usize,
}
