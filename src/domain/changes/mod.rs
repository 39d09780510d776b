//! «Что изменилось»: an earlier copy of the data (a snapshot file the person opens, or the backup
//! the app keeps) against today's workspace, per rep — new clients and deals, stage moves forward
//! and back, won and lost deals, new orders and their revenue, transfers, clients that fell
//! asleep. A report with names and local dates; nothing is written to either workspace.
//!
//! What is «new» is decided by ids: a record today's data holds and the earlier copy does not.
//! Stage moves come from the stage history entries made after the earlier copy's time (and not
//! in it); a deal with no such entries whose stage still differs from the earlier copy's (data
//! from before the history existed) counts one move from the old stage to the new.
//!
//! - [`deals`]: new deals, stage moves, won and lost deals;
//! - [`clients`]: new clients, new orders, transfers, clients that fell asleep;
//! - [`removed`]: clients, deals and orders the earlier copy had and today's data has not.

mod clients;
mod deals;
mod removed;

use crate::domain::dates::{local_date, Timestamp};
use crate::domain::deal_flow::LostReason;
use crate::domain::ids::Id;
use crate::domain::money::Money;
use crate::domain::stage::Stage;
use crate::domain::stamps::Fielded;
use crate::domain::workspace::Workspace;
use chrono::NaiveDate;
use rustc_hash::FxHashMap as HashMap;

/// The earlier copy of the data.
#[derive(Clone, Copy, Debug)]
pub struct Earlier<'a> {
    /// Its workspace, read through the one restore path.
    pub workspace: &'a Workspace,
    /// When it was exported or taken (`None`: a file saved without the time; its latest
    /// change stands in).
    pub taken_at: Option<Timestamp>,
}

/// The moment of the comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Today {
    /// The user's local date.
    pub date: NaiveDate,
    /// This device's clock.
    pub now: Timestamp,
    /// The user's zone, minutes east of UTC, for the days of stored timestamps.
    pub offset_minutes: i32,
}

/// What happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ChangeKind {
    /// A client the earlier copy did not have.
    NewClient,
    /// A deal the earlier copy did not have.
    NewDeal,
    /// A deal moved to a later stage.
    MovedForward,
    /// A deal moved back to an earlier stage.
    MovedBack,
    /// A deal closed won.
    Won,
    /// A deal closed lost.
    Lost,
    /// An order the earlier copy did not have.
    NewOrder,
    /// The rep passed a client to a farmer.
    TransferGiven,
    /// The rep (a farmer) took a client over.
    TransferReceived,
    /// A client that is sleeping now and was not then.
    FellAsleep,
    /// A client the earlier copy had and today's data has not.
    DeletedClient,
    /// A deal the earlier copy had and today's data has not.
    DeletedDeal,
    /// An order the earlier copy had and today's data has not.
    DeletedOrder,
}

/// What else a change says, beyond its client, deal and amount.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Detail {
    /// Nothing.
    None,
    /// A stage move: from, to (boxed: a stage with its stamps is large, and most changes are
    /// not moves).
    Stages(Box<(Stage, Stage)>),
    /// Why a deal was lost.
    LostReason(LostReason),
    /// The colleague on the other side of a transfer.
    Colleague(String),
    /// Days since the last order of a client that fell asleep.
    DaysWithoutOrders(u32),
}

/// One change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// What happened.
    pub kind: ChangeKind,
    /// The local day it happened (an order's business date, a transfer's day).
    pub date: NaiveDate,
    /// The client's name.
    pub client: String,
    /// The deal's title (empty when the change is not about a deal).
    pub deal: String,
    /// The amount: a deal's, a won deal's, an order's total.
    pub amount: Option<Money>,
    /// The rest.
    pub detail: Detail,
}

/// One rep's changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RepChanges {
    /// The rep.
    pub member_id: Id,
    /// The rep's name (the id when neither copy knows the rep).
    pub name: String,
    /// On the team today but not in the earlier copy.
    pub new_in_team: bool,
    /// The changes, by date, then kind.
    pub changes: Vec<Change>,
}

/// How many changes of each kind a rep has, and the new orders' revenue.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// New clients.
    pub new_clients: u32,
    /// New deals.
    pub new_deals: u32,
    /// Moves forward.
    pub forward: u32,
    /// Moves back.
    pub back: u32,
    /// Deals won.
    pub won: u32,
    /// Deals lost.
    pub lost: u32,
    /// New orders.
    pub orders: u32,
    /// The new orders' total.
    pub revenue: Money,
    /// Transfers given and received.
    pub transfers: u32,
    /// Clients that fell asleep.
    pub asleep: u32,
    /// Clients, deals and orders deleted.
    pub deleted: u32,
}

impl RepChanges {
    /// The rep's changes counted by kind.
    pub fn counts(&self) -> Counts {
        let mut c = Counts::default();
        for change in &self.changes {
            let slot = match change.kind {
                ChangeKind::NewClient => &mut c.new_clients,
                ChangeKind::NewDeal => &mut c.new_deals,
                ChangeKind::MovedForward => &mut c.forward,
                ChangeKind::MovedBack => &mut c.back,
                ChangeKind::Won => &mut c.won,
                ChangeKind::Lost => &mut c.lost,
                ChangeKind::NewOrder => {
                    c.revenue += change.amount.unwrap_or_default();
                    &mut c.orders
                }
                ChangeKind::TransferGiven | ChangeKind::TransferReceived => &mut c.transfers,
                ChangeKind::FellAsleep => &mut c.asleep,
                ChangeKind::DeletedClient | ChangeKind::DeletedDeal | ChangeKind::DeletedOrder => {
                    &mut c.deleted
                }
            };
            *slot += 1;
        }
        c
    }
}

/// The report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangesReport {
    /// The earlier copy's time.
    pub since: Timestamp,
    /// Its local day.
    pub since_date: NaiveDate,
    /// Today's local date.
    pub today: NaiveDate,
    /// The «earlier» copy is not earlier: dated after now, or holding changes later than any in
    /// today's data. The report still lists what today's data has that it lacks.
    pub earlier_is_newer: bool,
    /// Every rep on today's team (changes or not), then anyone else with changes.
    pub reps: Vec<RepChanges>,
}

impl ChangesReport {
    /// Whether nothing changed for anyone.
    pub fn is_empty(&self) -> bool {
        self.reps.iter().all(|r| r.changes.is_empty())
    }
}

/// The latest change anywhere in `ws` (the epoch for empty data).
pub fn latest_change(ws: &Workspace) -> Timestamp {
    let records = ws
        .clients
        .iter()
        .map(Fielded::latest_stamp)
        .chain(ws.deals.iter().map(Fielded::latest_stamp))
        .chain(ws.orders.iter().map(Fielded::latest_stamp));
    let logs = ws
        .stage_history
        .iter()
        .map(|e| e.at)
        .chain(ws.transfers.iter().map(|t| t.created_at))
        .chain(ws.removed.iter().map(|t| t.removed_at));
    records.chain(logs).max().unwrap_or_default()
}

/// Collects changes per rep while the parts of the comparison run.
pub(crate) struct Collector {
    by_rep: HashMap<Id, Vec<Change>>,
}

impl Collector {
    fn add(&mut self, rep: &Id, change: Change) {
        self.by_rep.entry(rep.clone()).or_default().push(change);
    }
}

/// What today's data has that the earlier copy lacks, per rep. Pure: neither workspace changes.
pub fn compare(earlier: Earlier<'_>, ws: &Workspace, today: Today) -> ChangesReport {
    let old = earlier.workspace;
    let old_latest = latest_change(old);
    let since = earlier.taken_at.unwrap_or(old_latest);
    let since_date = local_date(since, today.offset_minutes);
    let earlier_is_newer = since > today.now || old_latest > latest_change(ws);
    let mut out = Collector {
        by_rep: HashMap::default(),
    };
    let at = Moment {
        since,
        since_date,
        today,
    };
    deals::collect(old, ws, at, &mut out);
    clients::collect(old, ws, at, &mut out);
    removed::collect(old, ws, at, &mut out);
    let mut by_rep = out.by_rep;
    let take = |by_rep: &mut HashMap<Id, Vec<Change>>, id: &Id, name: String, new_in_team: bool| {
        let mut changes = by_rep.remove(id).unwrap_or_default();
        crate::domain::sort::sort_by_key(&mut changes, |a| (a.date, a.kind));
        RepChanges {
            member_id: id.clone(),
            name,
            new_in_team,
            changes,
        }
    };
    let mut reps: Vec<RepChanges> = ws
        .members
        .iter()
        .map(|m| {
            let new_in_team = old.member(&m.id).is_none();
            take(&mut by_rep, &m.id, m.name.clone(), new_in_team)
        })
        .collect();
    // Anyone else with changes: a rep who has left the team (the owner of a deleted record may
    // be known only to the earlier copy), or an id neither copy knows.
    let mut others: Vec<Id> = by_rep.keys().cloned().collect();
    crate::domain::sort::sort(&mut others);
    for id in others {
        let name = old
            .member(&id)
            .map_or_else(|| id.to_string(), |m| m.name.clone());
        let r = take(&mut by_rep, &id, name, false);
        if !r.changes.is_empty() {
            reps.push(r);
        }
    }
    ChangesReport {
        since,
        since_date,
        today: today.date,
        earlier_is_newer,
        reps,
    }
}

/// The two ends of the comparison, for the parts.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Moment {
    since: Timestamp,
    since_date: NaiveDate,
    today: Today,
}

impl Moment {
    fn day(&self, at: Timestamp) -> NaiveDate {
        local_date(at, self.today.offset_minutes)
    }
}

#[cfg(test)]
mod tests;
