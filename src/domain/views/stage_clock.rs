//! How long each deal has been in its stage, and whether that is longer than the stage's limit:
//! what the board shows on every card («3 дня в этапе») and flags («Застряла»).

use crate::domain::dates::Timestamp;
use crate::domain::deal::Deal;
use crate::domain::deal_flow::days_between;
use crate::domain::ids::Id;
use crate::domain::workspace::Workspace;
use chrono::NaiveDate;
use std::collections::HashMap;

/// When each deal entered the stage it is in, from the stage history in one pass.
pub struct StageClock<'a> {
    /// Per deal and stage, the latest entry that (re)started work there.
    started: HashMap<(&'a Id, &'a Id), Timestamp>,
}

impl<'a> StageClock<'a> {
    /// Indexes the history of `ws`.
    pub fn new(ws: &'a Workspace) -> Self {
        let mut started: HashMap<(&Id, &Id), Timestamp> = HashMap::new();
        for e in ws.stage_history.iter().filter(|e| e.kind.starts_stage()) {
            let slot = started.entry((&e.deal_id, &e.to)).or_insert(e.at);
            *slot = (*slot).max(e.at);
        }
        StageClock { started }
    }

    /// When `deal` entered its current stage: the latest history entry that moved it there (or
    /// created or reopened it there). A deal whose history does not say — a merge that took the
    /// stage from a copy whose entry is not here yet — counts from its stage's own stamp.
    pub fn entered(&self, deal: &Deal) -> Timestamp {
        self.started
            .get(&(&deal.id, &deal.stage_id))
            .copied()
            .unwrap_or_else(|| deal.stamps.of("stage_id", deal.updated_at).at)
    }
}

/// A deal's time in its stage, for the board.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct StageAge {
    /// Whole local days since it entered the stage.
    pub days: u32,
    /// The stage's limit, if the director set one.
    pub limit: Option<u32>,
}

impl StageAge {
    /// Longer in the stage than its limit: the board flags it.
    pub fn stuck(&self) -> bool {
        self.limit.is_some_and(|limit| self.days > limit)
    }
}

/// A deal's age in its stage on `today`; `local_day` turns a stamp into the user's local day.
pub fn stage_age(
    ws: &Workspace,
    clock: &StageClock<'_>,
    deal: &Deal,
    today: NaiveDate,
    local_day: impl Fn(Timestamp) -> NaiveDate,
) -> StageAge {
    StageAge {
        days: days_between(local_day(clock.entered(deal)), today),
        limit: ws.pipeline_settings.limit_of(&deal.stage_id),
    }
}
