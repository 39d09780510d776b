//! What a client card says first, above its sections (on a phone the sections start folded):
//! the owner, the next step of its open deals, the last order, and how many deals and orders
//! the sections hold.

use crate::domain::ids::Id;
use crate::domain::money::Money;
use crate::domain::workspace::Workspace;
use chrono::NaiveDate;

/// The next step of a client's open deals: the one due first (undated steps last).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NextStep {
    /// The step's words.
    pub text: String,
    /// When it is due.
    pub date: Option<NaiveDate>,
    /// The deal's title.
    pub deal: String,
}

/// The head of a client card.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientSummary {
    /// The owner's name (empty if the owner is not on the team).
    pub owner: String,
    /// The next step of the open deals, if any has one.
    pub next_step: Option<NextStep>,
    /// The last order's date and total.
    pub last_order: Option<(NaiveDate, Money)>,
    /// Open deals.
    pub open_deals: usize,
    /// All deals.
    pub deals: usize,
    /// Orders.
    pub orders: usize,
}

/// The summary of client `id`, if it exists.
pub fn client_summary(ws: &Workspace, id: &Id) -> Option<ClientSummary> {
    let client = ws.client(id)?;
    let owner = ws
        .member(&client.owner_id)
        .map(|m| m.name.clone())
        .unwrap_or_default();
    let deals: Vec<_> = ws.deals_of(id).collect();
    let next_step = deals
        .iter()
        .filter(|d| d.is_open() && !d.next_step.trim().is_empty())
        .min_by_key(|d| (d.next_step_date.is_none(), d.next_step_date))
        .map(|d| NextStep {
            text: d.next_step.trim().to_owned(),
            date: d.next_step_date,
            deal: d.title.clone(),
        });
    let orders: Vec<_> = ws.orders.iter().filter(|o| &o.client_id == id).collect();
    let last_order = orders
        .iter()
        .max_by_key(|o| (o.date, o.id.clone()))
        .map(|o| (o.date, o.total()));
    Some(ClientSummary {
        owner,
        next_step,
        last_order,
        open_deals: deals.iter().filter(|d| d.is_open()).count(),
        deals: deals.len(),
        orders: orders.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::fixtures::*;

    #[test]
    fn the_next_step_due_first_and_the_counts() {
        let mut ws = small_workspace();
        let c1 = Id::from_raw("c1");
        ws.deals[0].next_step = "Позвонить".into();
        ws.deals[2].next_step = "Отправить КП".into();
        ws.deals[2].next_step_date = Some(d0());
        let s = client_summary(&ws, &c1).unwrap();
        assert_eq!(s.owner, "Иван Петров");
        assert_eq!(s.next_step.unwrap().text, "Отправить КП");
        assert_eq!((s.open_deals, s.deals, s.orders), (2, 2, 0));
        assert_eq!(s.last_order, None);
        assert!(client_summary(&ws, &Id::from_raw("nope")).is_none());
    }
}
