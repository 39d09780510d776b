//! Tasks and activities: adding a task, completing it with the answer to «Что дальше?»,
//! completing a deal's next step, logging an activity, and what goes with a removed client or
//! deal. See [`crate::domain::activities`] for how a deal's next step and tasks relate.

use super::{Workspace, WorkspaceError};
use crate::domain::activities::{Activity, NextStep, Task, TaskDone};
use crate::domain::dates::Timestamp;
use crate::domain::ids::Id;
use crate::domain::stamps::{self, Fielded};

impl Workspace {
    /// The task with this id.
    pub fn task(&self, id: &Id) -> Option<&Task> {
        self.tasks.iter().find(|t| &t.id == id)
    }

    /// Adds a task. Its text is required, its assignee must be on the team, and its client and
    /// deal must exist; a task for a deal is for the deal's client.
    pub fn add_task(&mut self, mut task: Task) -> Result<(), WorkspaceError> {
        task.what = task.what.trim().to_owned();
        if task.what.is_empty() {
            return Err(WorkspaceError::NameRequired);
        }
        if self.task(&task.id).is_some() {
            return Err(WorkspaceError::DuplicateId(task.id));
        }
        if self.member(&task.assignee_id).is_none() {
            return Err(WorkspaceError::UnknownMember(task.assignee_id));
        }
        if let Some(deal_id) = &task.deal_id {
            let deal = self
                .deal(deal_id)
                .ok_or_else(|| WorkspaceError::UnknownDeal(deal_id.clone()))?;
            task.client_id = Some(deal.client_id.clone());
        }
        if let Some(client_id) = &task.client_id {
            if self.client(client_id).is_none() {
                return Err(WorkspaceError::UnknownClient(client_id.clone()));
            }
        }
        self.tasks.push(task);
        Ok(())
    }

    /// Marks a task done by `by`. `next` is the answer to «Что дальше?»: for a task on an open
    /// deal it becomes the deal's next step, otherwise a new task for the same client with the
    /// id `next_id`, assigned to `by` (or the task's assignee). An open deal may not be left
    /// with nothing planned: completing its last open task without a next step (when the deal
    /// has none either) is refused with [`WorkspaceError::NextStepRequired`].
    pub fn complete_task(
        &mut self,
        id: &Id,
        by: Option<Id>,
        next: Option<(NextStep, Id)>,
        now: Timestamp,
    ) -> Result<(), WorkspaceError> {
        let task = self
            .task(id)
            .cloned()
            .ok_or_else(|| WorkspaceError::NotFound(id.clone()))?;
        if !task.is_open() {
            return Ok(());
        }
        let open_deal = task
            .deal_id
            .as_ref()
            .and_then(|d| self.deal(d))
            .filter(|d| d.is_open())
            .cloned();
        let next = next.filter(|(n, _)| !n.what.trim().is_empty());
        if let (Some(deal), None) = (&open_deal, &next) {
            let others = self
                .tasks
                .iter()
                .any(|t| t.is_open() && t.id != task.id && t.deal_id.as_ref() == Some(&deal.id));
            if deal.next_step.trim().is_empty() && !others {
                return Err(WorkspaceError::NextStepRequired(deal.id.clone()));
            }
        }
        match (next, &open_deal) {
            (Some((step, _)), Some(deal)) => self.set_next_step(&deal.id, &step, now)?,
            (Some((step, next_id)), None) => self.add_task(Task {
                id: next_id,
                what: step.what,
                due: step.due,
                due_time: None,
                assignee_id: by.clone().unwrap_or_else(|| task.assignee_id.clone()),
                client_id: task.client_id.clone(),
                deal_id: None,
                done: None,
                created_at: now,
                updated_at: now,
                stamps: Default::default(),
            })?,
            (None, _) => {}
        }
        if let Some(slot) = self.tasks.iter_mut().find(|t| &t.id == id) {
            stamps::edit(slot, now, |t| t.done = Some(TaskDone { at: now, by }));
        }
        Ok(())
    }

    /// Completes an open deal's next step: the answer to «Что дальше?» replaces it (a next step
    /// is required: the deal is not left without one).
    pub fn complete_next_step(
        &mut self,
        deal_id: &Id,
        next: &NextStep,
        now: Timestamp,
    ) -> Result<(), WorkspaceError> {
        if next.what.trim().is_empty() {
            return Err(WorkspaceError::NextStepRequired(deal_id.clone()));
        }
        self.set_next_step(deal_id, next, now)
    }

    fn set_next_step(
        &mut self,
        deal_id: &Id,
        next: &NextStep,
        now: Timestamp,
    ) -> Result<(), WorkspaceError> {
        let slot = self
            .deals
            .iter_mut()
            .find(|d| &d.id == deal_id)
            .ok_or_else(|| WorkspaceError::NotFound(deal_id.clone()))?;
        if !slot.is_open() {
            return Err(WorkspaceError::AlreadyClosed(deal_id.clone()));
        }
        stamps::edit(slot, now, |d| {
            d.next_step = next.what.trim().to_owned();
            d.next_step_date = Some(next.due);
        });
        Ok(())
    }

    /// Logs an activity: its client must exist, and its deal (if any) must be one of the
    /// client's.
    pub fn log_activity(&mut self, activity: Activity) -> Result<(), WorkspaceError> {
        if self.client(&activity.client_id).is_none() {
            return Err(WorkspaceError::UnknownClient(activity.client_id));
        }
        if let Some(deal_id) = &activity.deal_id {
            if self
                .deal(deal_id)
                .is_none_or(|d| d.client_id != activity.client_id)
            {
                return Err(WorkspaceError::UnknownDeal(deal_id.clone()));
            }
        }
        if self.activities.iter().any(|a| a.id == activity.id) {
            return Err(WorkspaceError::DuplicateId(activity.id));
        }
        self.activities.push(activity);
        Ok(())
    }

    /// A client's or deal's tasks and activities go with it, leaving tombstones so that other
    /// copies drop them too. An activity about a removed deal stays with its client (the deal
    /// is history there), unless the client goes.
    pub(super) fn drop_tasks_of(&mut self, client: Option<&Id>, deal: Option<&Id>, now: Timestamp) {
        let hit = |c: Option<&Id>, d: Option<&Id>| {
            (client.is_some() && c == client) || (deal.is_some() && d == deal)
        };
        let gone: Vec<(Id, Timestamp)> = self
            .tasks
            .iter()
            .filter(|t| hit(t.client_id.as_ref(), t.deal_id.as_ref()))
            .map(|t| (t.id.clone(), t.latest_stamp()))
            .collect();
        self.tasks
            .retain(|t| !hit(t.client_id.as_ref(), t.deal_id.as_ref()));
        let logged: Vec<(Id, Timestamp)> = self
            .activities
            .iter()
            .filter(|a| client == Some(&a.client_id))
            .map(|a| {
                (
                    a.id.clone(),
                    a.restored_at.map_or(a.created_at, |r| r.max(a.created_at)),
                )
            })
            .collect();
        self.activities.retain(|a| client != Some(&a.client_id));
        for (id, latest) in gone.into_iter().chain(logged) {
            self.tombstone(id, now, latest);
        }
    }

    /// Moves a client's tasks and activities to another card (merging duplicates). An activity
    /// is never edited, so the move is stamped like a transfer record's (`restored_at`).
    pub(super) fn move_tasks_of(&mut self, from: &Id, to: &Id, now: Timestamp) {
        for t in self
            .tasks
            .iter_mut()
            .filter(|t| t.client_id.as_ref() == Some(from))
        {
            stamps::edit(t, now, |t| t.client_id = Some(to.clone()));
        }
        for a in self.activities.iter_mut().filter(|a| &a.client_id == from) {
            a.client_id = to.clone();
            a.restored_at = Some(stamps::next_stamp(
                now,
                a.restored_at.unwrap_or(a.created_at),
            ));
        }
    }

    /// Hands a leaving member's open tasks to `to`.
    pub(super) fn hand_tasks(&mut self, from: &Id, to: &Id, now: Timestamp) {
        for t in self
            .tasks
            .iter_mut()
            .filter(|t| t.is_open() && &t.assignee_id == from)
        {
            stamps::edit(t, now, |t| t.assignee_id = to.clone());
        }
    }
}
