//! Whose figures the dashboard shows, and who owned a client on a given day.

use crate::domain::client::Client;
use crate::domain::ids::Id;
use crate::domain::workspace::Workspace;
use chrono::NaiveDate;
use std::collections::HashMap;

/// The whole team, or one rep.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Everyone's figures.
    #[default]
    Team,
    /// One team member's figures.
    Member(Id),
}

impl Scope {
    /// Whether a record owned by (or done by) `member` counts.
    pub fn includes(&self, member: &Id) -> bool {
        match self {
            Scope::Team => true,
            Scope::Member(id) => id == member,
        }
    }
}

/// Who owned each client on each day, read from the transfer log: before a client's first
/// transfer its owner was that transfer's `from_member_id`, from a transfer's date on its
/// `to_member_id`; a client never transferred has always had its current owner.
///
/// There is no stored ownership history, so a hand-over outside the transfer log (a removed
/// member's clients given to a colleague) is not seen: those clients count as the new owner's
/// for all time.
pub struct Owners<'a> {
    current: HashMap<&'a Id, &'a Id>,
    /// Per transferred client: the first owner, then (date, new owner) by date.
    moves: HashMap<&'a Id, (&'a Id, Vec<(NaiveDate, &'a Id)>)>,
}

impl<'a> Owners<'a> {
    /// Indexes the clients and the transfer log of `ws`.
    pub fn new(ws: &'a Workspace) -> Owners<'a> {
        let current = ws
            .clients
            .iter()
            .map(|c: &Client| (&c.id, &c.owner_id))
            .collect();
        let mut moves: HashMap<&Id, (&Id, Vec<(NaiveDate, &Id)>)> = HashMap::new();
        let mut log: Vec<_> = ws.transfers.iter().collect();
        log.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
        for t in log {
            moves
                .entry(&t.client_id)
                .or_insert_with(|| (&t.from_member_id, Vec::new()))
                .1
                .push((t.date, &t.to_member_id));
        }
        Owners { current, moves }
    }

    /// The client's owner on `date` (`None`: an unknown client).
    pub fn on(&self, client_id: &Id, date: NaiveDate) -> Option<&'a Id> {
        if let Some((first, changes)) = self.moves.get(client_id) {
            let mut owner = *first;
            for (day, to) in changes {
                if *day <= date {
                    owner = to;
                }
            }
            return Some(owner);
        }
        self.current.get(client_id).copied()
    }

    /// The client's owner now.
    pub fn now(&self, client_id: &Id) -> Option<&'a Id> {
        self.current.get(client_id).copied()
    }
}
