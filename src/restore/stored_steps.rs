//! A stored value (what another tab saved) restored in steps: unpacked piece by piece
//! ([`UnpackSteps`]), then its JSON through [`RestoreSteps`], with exactly the result of the one
//! restore path, [`restore`](super::restore) of the stored text under
//! [`RestoreOptions::stored`]: the same workspace, or the same first problem. At full size the
//! one-pass read froze every other open tab for most of a second.

use super::Restored;
use super::{json_error, strict_json, Rejection, RestoreError, RestoreOptions, RestoreSteps};
use crate::format::packed::is_plain;
use crate::format::unpack_steps::UnpackSteps;

/// The restore of a stored value under way.
pub struct StoredSteps {
    stage: Stage,
}

enum Stage {
    Unpacking(UnpackSteps),
    Restoring(Box<RestoreSteps>),
    /// Boxed: a restored workspace is large beside the other stages.
    Finished(Box<Result<Restored, Rejection>>),
}

impl StoredSteps {
    /// Starts restoring the stored `text` (packed or plain JSON).
    pub fn new(text: String) -> StoredSteps {
        StoredSteps {
            stage: Stage::Unpacking(UnpackSteps::new(text)),
        }
    }

    /// Does one step of work (a few milliseconds); returns whether the restore is finished.
    pub fn step(&mut self) -> bool {
        let stage = std::mem::replace(
            &mut self.stage,
            Stage::Finished(Box::new(Err(RestoreError::Nothing.into()))),
        );
        self.stage = match stage {
            Stage::Unpacking(mut unpacking) => {
                if !unpacking.step() {
                    Stage::Unpacking(unpacking)
                } else {
                    match unpacking.finish() {
                        Err(e) => Stage::Finished(Box::new(Err(RestoreError::Damaged(e.0).into()))),
                        Ok(json) => restoring(json),
                    }
                }
            }
            Stage::Restoring(mut restoring) => {
                if restoring.step() {
                    Stage::Finished(Box::new(restoring.finish()))
                } else {
                    Stage::Restoring(restoring)
                }
            }
            finished @ Stage::Finished(_) => finished,
        };
        matches!(self.stage, Stage::Finished(_))
    }

    /// Whether the next step is a long one (see [`RestoreSteps::next_is_long`]).
    pub fn next_is_long(&self) -> bool {
        matches!(&self.stage, Stage::Restoring(r) if r.next_is_long())
    }

    /// Runs every step left and gives the result.
    pub fn finish(mut self) -> Result<Restored, Rejection> {
        while !self.step() {}
        match self.stage {
            Stage::Finished(result) => *result,
            _ => unreachable!("step runs until finished"),
        }
    }
}

/// The unpacked JSON's restore. The one-pass restore unpacks once and parses what comes out:
/// a text that still looks packed is refused there as JSON, so it is here too, rather than
/// handed to [`RestoreSteps`], which would unpack it a second time.
fn restoring(json: String) -> Stage {
    if !is_plain(&json) {
        let refused = match strict_json::parse(&json) {
            Err(e) => json_error(e),
            // Unreachable (a packed prefix is never JSON), but never a silent success.
            Ok(_) => RestoreError::Damaged("packed twice".into()),
        };
        return Stage::Finished(Box::new(Err(refused.into())));
    }
    Stage::Restoring(Box::new(RestoreSteps::new(json, RestoreOptions::stored())))
}

#[cfg(test)]
#[path = "stored_steps_tests.rs"]
mod tests;
