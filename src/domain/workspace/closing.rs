//! Deals that close (won or lost) and reopen, the stage history that every change of a deal's
//! place writes, and the director's pipeline settings.

use super::{Workspace, WorkspaceError};
use crate::domain::dates::Timestamp;
use crate::domain::deal::Deal;
use crate::domain::deal_flow::{Closure, PipelineSettings, StageChange, StageChangeKind};
use crate::domain::ids::Id;
use crate::domain::money::Money;
use crate::domain::stamps::{self, Fielded};

/// Who changes a deal's place in the pipeline, and the id of the history entry the change
/// writes. The core has no randomness of its own, so the caller brings a fresh id, as it does
/// for every new record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mover {
    /// The team member making the change, when this browser knows who is working.
    pub by: Option<Id>,
    /// The id of the history entry the change writes.
    pub entry_id: Id,
}

impl Workspace {
    /// Refuses an entry id already in the history (ids are fresh, so only a caller's mistake).
    pub(super) fn check_entry(&self, mover: &Mover) -> Result<(), WorkspaceError> {
        if self.stage_history.iter().any(|e| e.id == mover.entry_id) {
            return Err(WorkspaceError::DuplicateId(mover.entry_id.clone()));
        }
        Ok(())
    }

    /// Appends a history entry for `deal`, now in `to`, at `at` (the change's stamp).
    pub(super) fn record_change(
        &mut self,
        deal_id: &Id,
        kind: StageChangeKind,
        from: Option<Id>,
        to: Id,
        at: Timestamp,
        mover: &Mover,
    ) {
        self.stage_history.push(StageChange {
            id: mover.entry_id.clone(),
            deal_id: deal_id.clone(),
            kind,
            from,
            to,
            at,
            by: mover.by.clone(),
            restored_at: None,
        });
    }

    fn open_deal(&self, id: &Id) -> Result<&Deal, WorkspaceError> {
        let deal = self
            .deal(id)
            .ok_or_else(|| WorkspaceError::NotFound(id.clone()))?;
        if deal.closed.is_some() {
            return Err(WorkspaceError::AlreadyClosed(id.clone()));
        }
        Ok(deal)
    }

    /// Closes an open deal, won or lost; `closure`'s time becomes the change's stamp. A lost
    /// deal needs a reason. The deal keeps its stage, leaves the board and is recorded in the
    /// stage history.
    pub fn close_deal(
        &mut self,
        id: &Id,
        closure: Closure,
        mover: &Mover,
        now: Timestamp,
    ) -> Result<(), WorkspaceError> {
        let deal = self.open_deal(id)?;
        match &closure {
            Closure::Lost { reason, .. } if reason.is_blank() => {
                return Err(WorkspaceError::ReasonRequired)
            }
            Closure::Won { amount, .. }
                if !(0..=Money::MAX.kopecks()).contains(&amount.kopecks()) =>
            {
                return Err(WorkspaceError::AmountOutOfRange)
            }
            _ => {}
        }
        self.check_entry(mover)?;
        let at = stamps::next_stamp(now, deal.latest_stamp());
        let stage = deal.stage_id.clone();
        let kind = if closure.is_won() {
            StageChangeKind::Won
        } else {
            StageChangeKind::Lost
        };
        let closure = closure.with_at(at);
        if let Some(slot) = self.deals.iter_mut().find(|d| &d.id == id) {
            stamps::edit(slot, now, |d| d.closed = Some(closure));
        }
        self.record_change(id, kind, Some(stage.clone()), stage, at, mover);
        Ok(())
    }

    /// Reopens a closed deal: it is back on the board in the stage it was closed in, and its
    /// days in the stage count afresh.
    pub fn reopen_deal(
        &mut self,
        id: &Id,
        mover: &Mover,
        now: Timestamp,
    ) -> Result<(), WorkspaceError> {
        let deal = self
            .deal(id)
            .ok_or_else(|| WorkspaceError::NotFound(id.clone()))?;
        if deal.closed.is_none() {
            return Err(WorkspaceError::NotClosed(id.clone()));
        }
        self.check_entry(mover)?;
        let at = stamps::next_stamp(now, deal.latest_stamp());
        let stage = deal.stage_id.clone();
        if let Some(slot) = self.deals.iter_mut().find(|d| &d.id == id) {
            stamps::edit(slot, now, |d| d.closed = None);
        }
        let kind = StageChangeKind::Reopened;
        self.record_change(id, kind, Some(stage.clone()), stage, at, mover);
        Ok(())
    }

    /// A deal's stage history, oldest first (equal times by id, so every copy lists alike).
    pub fn stage_history_of(&self, deal_id: &Id) -> Vec<&StageChange> {
        let mut list: Vec<&StageChange> = self
            .stage_history
            .iter()
            .filter(|e| &e.deal_id == deal_id)
            .collect();
        crate::domain::sort::sort_by(&mut list, |a, b| {
            a.at.cmp(&b.at).then_with(|| a.id.cmp(&b.id))
        });
        list
    }

    /// Removes a deal's history with the deal, leaving tombstones so that another copy's
    /// entries go too.
    pub(super) fn drop_history_of(&mut self, deal_id: &Id, now: Timestamp) {
        let gone: Vec<(Id, Timestamp)> = self
            .stage_history
            .iter()
            .filter(|e| &e.deal_id == deal_id)
            .map(|e| (e.id.clone(), e.restored_at.map_or(e.at, |r| r.max(e.at))))
            .collect();
        self.stage_history.retain(|e| &e.deal_id != deal_id);
        for (id, latest) in gone {
            self.tombstone(id, now, latest);
        }
    }

    /// The deal a client's first order may win: when the client has exactly one order, its most
    /// advanced open deal (the oldest of equals). `None` otherwise.
    pub fn first_sale_offer<'a>(&'a self, client_id: &'a Id) -> Option<&'a Deal> {
        if self
            .orders
            .iter()
            .filter(|o| &o.client_id == client_id)
            .count()
            != 1
        {
            return None;
        }
        self.deals_of(client_id)
            .filter(|d| d.is_open())
            .max_by_key(|d| {
                (
                    self.stage_index(&d.stage_id),
                    std::cmp::Reverse(d.created_at),
                )
            })
    }

    /// Replaces the pipeline settings after validating them, stamping the fields that changed.
    pub fn set_pipeline_settings(
        &mut self,
        mut settings: PipelineSettings,
        now: Timestamp,
    ) -> Result<(), WorkspaceError> {
        let problems = settings.problems();
        if !problems.is_empty() {
            return Err(WorkspaceError::InvalidPipelineSettings(problems));
        }
        if settings.created_at == Timestamp::default() {
            settings.created_at = now;
        }
        stamps::replace(&mut self.pipeline_settings, settings, now);
        Ok(())
    }
}
