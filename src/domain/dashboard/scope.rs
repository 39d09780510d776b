//! Whose figures the dashboard shows, and who owned a client on a given day.

use crate::domain::client::Client;
use crate::domain::ids::Id;
use crate::domain::workspace::Workspace;
use chrono::NaiveDate;
use rustc_hash::FxHashMap as HashMap;

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

/// A transferred client's transfers: (day, record id, from, to), in the log's order.
type Moves<'a> = Vec<(NaiveDate, &'a Id, &'a Id, &'a Id)>;

/// Who owned each client on each day, read from the transfer log: before a client's first
/// transfer its owner was that transfer's `from_member_id`, from a transfer's date on its
/// `to_member_id`; a client never transferred has always had its current owner.
///
/// There is no stored ownership history, so a hand-over outside the transfer log (a removed
/// member's clients given to a colleague) is not seen: those clients count as the new owner's
/// for all time.
pub struct Owners<'a> {
    current: HashMap<&'a Id, &'a Id>,
    /// Per transferred client: its transfers.
    moves: HashMap<&'a Id, Moves<'a>>,
}

impl<'a> Owners<'a> {
    /// Indexes the clients and the transfer log of `ws`.
    pub fn new(ws: &'a Workspace) -> Owners<'a> {
        let current = ws
            .clients
            .iter()
            .map(|c: &Client| (&c.id, &c.owner_id))
            .collect();
        let mut moves: HashMap<&Id, Moves<'_>> = HashMap::default();
        for t in &ws.transfers {
            moves.entry(&t.client_id).or_default().push((
                t.date,
                &t.id,
                &t.from_member_id,
                &t.to_member_id,
            ));
        }
        Owners { current, moves }
    }

    /// The client's owner on `date` (`None`: an unknown client).
    pub fn on(&self, client_id: &Id, date: NaiveDate) -> Option<&'a Id> {
        if let Some(moves) = self.moves.get(client_id) {
            // The latest transfer on or before `date` (by day, then record id) gave the client
            // to its owner then; before the first one, the first transfer's giver owned it.
            let latest = moves
                .iter()
                .filter(|m| m.0 <= date)
                .max_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
            let first = moves.iter().min_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
            return latest.map(|m| m.3).or(first.map(|m| m.2));
        }
        self.current.get(client_id).copied()
    }

    /// The client's owner on every day, when it never changed hands (no transfer in the log);
    /// `None` for a transferred or unknown client: ask [`Owners::on`] per day.
    pub fn always(&self, client_id: &Id) -> Option<&'a Id> {
        if self.moves.contains_key(client_id) {
            return None;
        }
        self.current.get(client_id).copied()
    }

    /// The client's owner now.
    pub fn now(&self, client_id: &Id) -> Option<&'a Id> {
        self.current.get(client_id).copied()
    }
}
