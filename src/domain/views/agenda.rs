//! «Мои дела»: a person's open tasks and the next steps of the open deals she owns, grouped by
//! when they are due on her own calendar: overdue, today, this week (to Sunday), later.

use crate::domain::activities::Task;
use crate::domain::ids::Id;
use crate::domain::{Deal, Workspace};
use chrono::{Datelike, NaiveDate, NaiveTime};

/// Where an item of «Мои дела» comes from.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ItemSource {
    /// A stored task (its id).
    Task(Id),
    /// A deal's next step (the deal's id): the deal's own task, kept on the deal.
    NextStep(Id),
}

/// When an item is due, relative to today; the order of the variants is the screen's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DueGroup {
    /// Its day has passed.
    Overdue,
    /// Due today (a next step without a date counts as today's).
    Today,
    /// Due after today, by Sunday of this week.
    ThisWeek,
    /// Due after this week.
    Later,
}

impl DueGroup {
    /// Every group, in the screen's order.
    pub const ALL: [DueGroup; 4] = [
        DueGroup::Overdue,
        DueGroup::Today,
        DueGroup::ThisWeek,
        DueGroup::Later,
    ];

    /// The group of a day `due` (`None`: no day set) seen on `today`.
    pub fn of(due: Option<NaiveDate>, today: NaiveDate) -> DueGroup {
        let Some(due) = due else {
            return DueGroup::Today;
        };
        let sunday =
            today + chrono::Days::new(u64::from(6 - today.weekday().num_days_from_monday()));
        if due < today {
            DueGroup::Overdue
        } else if due == today {
            DueGroup::Today
        } else if due <= sunday {
            DueGroup::ThisWeek
        } else {
            DueGroup::Later
        }
    }
}

/// One thing to do in «Мои дела».
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct AgendaItem {
    /// A stored task or a deal's next step.
    pub source: ItemSource,
    /// What to do.
    pub what: String,
    /// The day it is due (`None`: a next step without a date).
    pub due: Option<NaiveDate>,
    /// The time it is due, when set.
    pub due_time: Option<NaiveTime>,
    /// Its group today.
    pub group: DueGroup,
    /// The client, when linked.
    pub client_id: Option<Id>,
    /// The deal, when linked.
    pub deal_id: Option<Id>,
}

/// How many items each group holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AgendaCounts {
    /// Overdue.
    pub overdue: usize,
    /// Due today.
    pub today: usize,
    /// Due later this week.
    pub this_week: usize,
    /// Due after this week.
    pub later: usize,
}

impl AgendaCounts {
    /// The counts of `items`.
    pub fn of(items: &[AgendaItem]) -> Self {
        let mut c = AgendaCounts::default();
        for item in items {
            match item.group {
                DueGroup::Overdue => c.overdue += 1,
                DueGroup::Today => c.today += 1,
                DueGroup::ThisWeek => c.this_week += 1,
                DueGroup::Later => c.later += 1,
            }
        }
        c
    }

    /// What needs doing now: overdue and today's (the top bar's badge).
    pub fn due_now(&self) -> usize {
        self.overdue + self.today
    }
}

/// `person`'s open tasks and the next steps of her open deals, by group, then day, then time
/// (untimed last within a day), then text — a stable order on every copy.
pub fn agenda(ws: &Workspace, person: &Id, today: NaiveDate) -> Vec<AgendaItem> {
    let tasks = ws
        .tasks
        .iter()
        .filter(|t| t.is_open() && &t.assignee_id == person)
        .map(|t| task_item(t, today));
    let steps = ws
        .deals
        .iter()
        .filter(|d| d.is_open() && &d.owner_id == person && !d.next_step.trim().is_empty())
        .map(|d| next_step_item(d, today));
    let mut items: Vec<AgendaItem> = tasks.chain(steps).collect();
    crate::domain::sort::sort_by(&mut items, |a, b| {
        (a.group, a.due, a.due_time.is_none(), a.due_time, &a.what).cmp(&(
            b.group,
            b.due,
            b.due_time.is_none(),
            b.due_time,
            &b.what,
        ))
    });
    items
}

fn task_item(t: &Task, today: NaiveDate) -> AgendaItem {
    AgendaItem {
        source: ItemSource::Task(t.id.clone()),
        what: t.what.clone(),
        due: Some(t.due),
        due_time: t.due_time,
        group: DueGroup::of(Some(t.due), today),
        client_id: t.client_id.clone(),
        deal_id: t.deal_id.clone(),
    }
}

fn next_step_item(d: &Deal, today: NaiveDate) -> AgendaItem {
    AgendaItem {
        source: ItemSource::NextStep(d.id.clone()),
        what: d.next_step.trim().to_owned(),
        due: d.next_step_date,
        due_time: None,
        group: DueGroup::of(d.next_step_date, today),
        client_id: Some(d.client_id.clone()),
        deal_id: Some(d.id.clone()),
    }
}

/// Whether an open deal has nothing planned: no next step and no open task. The board flags it.
pub fn lacks_next_step(ws: &Workspace, deal: &Deal) -> bool {
    PlannedDeals::new(ws).lacks_next_step(deal)
}

/// The deals that have an open task, found once for a whole board: asking the task list for
/// each of 5 000 deals would be 5 000 passes over it.
pub struct PlannedDeals<'a>(rustc_hash::FxHashSet<&'a Id>);

impl<'a> PlannedDeals<'a> {
    /// The deals of `ws` with an open task.
    pub fn new(ws: &'a Workspace) -> Self {
        PlannedDeals(
            ws.tasks
                .iter()
                .filter(|t| t.is_open())
                .filter_map(|t| t.deal_id.as_ref())
                .collect(),
        )
    }

    /// [`lacks_next_step`] with the tasks already looked at.
    pub fn lacks_next_step(&self, deal: &Deal) -> bool {
        deal.is_open() && deal.next_step.trim().is_empty() && !self.0.contains(&deal.id)
    }
}
