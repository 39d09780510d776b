//! The farmer's suggested calls: a regular client with no order for longer than 1.5× its
//! median days between orders («пора заказывать» in «Мои клиенты», the same rule) gets a
//! suggested «позвонить: давно не заказывал» task before it becomes «спящий». Suggestions are
//! computed, not stored: accepting one stores a [`Task`] whose id is the suggestion's, so two
//! devices accepting the same one merge into one task and an accepted one is not suggested again.

use crate::domain::activities::Task;
use crate::domain::dates::Timestamp;
use crate::domain::ids::Id;
use crate::domain::orders::HistoryIndex;
use crate::domain::views::my_clients::{my_clients, Attention};
use crate::domain::Workspace;
use chrono::NaiveDate;

/// A suggested call to a client who is late with an order.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SuggestedCall {
    /// The suggestion's id, also the id of the task accepting it makes: one per client and
    /// last order, so a new silence after a new order is a new suggestion.
    pub id: Id,
    /// The client.
    pub client_id: Id,
    /// Its name.
    pub client_name: String,
    /// Its last order.
    pub last_order: NaiveDate,
    /// Days since then.
    pub days_since: u32,
    /// Its usual days between orders.
    pub usual_interval: u32,
}

impl SuggestedCall {
    /// The id of the suggestion for `client_id` after its order of `last_order`.
    pub fn id_for(client_id: &Id, last_order: NaiveDate) -> Id {
        Id::from_raw(format!("{client_id}~call~{last_order}"))
    }

    /// The task accepting it stores: due `today`, for `person`, with the text `what` (the
    /// caller's words, «Позвонить: давно не заказывал»).
    pub fn accept(&self, what: &str, person: &Id, today: NaiveDate, now: Timestamp) -> Task {
        Task {
            id: self.id.clone(),
            what: what.to_owned(),
            due: today,
            due_time: None,
            assignee_id: person.clone(),
            client_id: Some(self.client_id.clone()),
            deal_id: None,
            done: None,
            created_at: now,
            updated_at: now,
            stamps: Default::default(),
        }
    }
}

/// The calls suggested to `person` today: her clients «пора заказывать» (not yet sleeping)
/// with no open task, whose suggestion was neither accepted (a task with its id) nor
/// `dismissed`; the longest silence first, as in «Мои клиенты».
pub fn suggested_calls(
    ws: &Workspace,
    index: &HistoryIndex,
    person: &Id,
    today: NaiveDate,
    dismissed: &[Id],
) -> Vec<SuggestedCall> {
    my_clients(ws, index, person, today)
        .into_iter()
        .filter(|r| r.attention == Attention::Overdue)
        .filter_map(|r| {
            let last_order = r.last_order?;
            let id = SuggestedCall::id_for(&r.client_id, last_order);
            let busy = ws
                .tasks
                .iter()
                .any(|t| t.id == id || (t.is_open() && t.client_id.as_ref() == Some(&r.client_id)));
            (!busy && !dismissed.contains(&id)).then(|| SuggestedCall {
                id,
                client_id: r.client_id,
                client_name: r.name,
                last_order,
                days_since: r.days_since.unwrap_or_default(),
                usual_interval: r.usual_interval.unwrap_or_default(),
            })
        })
        .collect()
}
