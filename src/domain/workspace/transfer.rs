//! Transfers and client statuses as workspace operations: the transfer settings, passing a
//! client from a hunter to a farmer with an audit record, and the statuses that follow the
//! orders (новый, спящий, потерян).

use super::{Workspace, WorkspaceError};
use crate::domain::client::ClientStatus;
use crate::domain::dates::Timestamp;
use crate::domain::ids::Id;
use crate::domain::metrics::{Activity, ActivityThresholds};
use crate::domain::orders::calendar::days_between;
use crate::domain::orders::ClientHistory;
use crate::domain::team::Role;
use crate::domain::transfer::{evaluate, Eligibility, TransferPolicy, TransferRecord};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

/// What the «Передать фермеру» button asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TransferRequest {
    /// The new audit record's id.
    pub record_id: Id,
    /// The client to pass on.
    pub client_id: Id,
    /// The farmer who takes it.
    pub to_member_id: Id,
    /// Who is transferring: the director or the hunter.
    pub by_member_id: Id,
}

/// The status a client's orders imply, from its current status, its last order on or before
/// `today` and whether it ever passed to a farmer. Only the order-driven statuses move: a lead
/// or prospect that ordered becomes «новый»; a client without an order for the thresholds'
/// days becomes «спящий» or «потерян», and one that orders again returns to «постоянный» (when
/// it was transferred or already regular) or «новый».
pub fn status_from_orders(
    current: ClientStatus,
    has_orders: bool,
    last_order: Option<NaiveDate>,
    transferred: bool,
    thresholds: ActivityThresholds,
    today: NaiveDate,
) -> ClientStatus {
    if !has_orders {
        return current;
    }
    let settled = match current {
        ClientStatus::Regular => ClientStatus::Regular,
        _ if transferred => ClientStatus::Regular,
        _ => ClientStatus::New,
    };
    let days = last_order.and_then(|d| days_between(d, today));
    match thresholds.classify(days) {
        Activity::Lost => ClientStatus::Lost,
        Activity::Sleeping => ClientStatus::Sleeping,
        Activity::Active | Activity::NoOrders => settled,
    }
}

impl Workspace {
    /// Replaces the transfer rule and thresholds after validating them against the catalogue.
    /// Statuses are not refreshed here: call [`Workspace::refresh_statuses`] afterwards.
    pub fn set_transfer_policy(
        &mut self,
        mut policy: TransferPolicy,
        now: Timestamp,
    ) -> Result<(), WorkspaceError> {
        let products: HashSet<Id> = self.product_ids();
        let groups: HashSet<Id> = self.group_ids();
        policy.validate(&products, &groups)?;
        policy.updated_at = now;
        self.transfer_policy = policy;
        Ok(())
    }

    /// One client's purchase history, built from its orders only.
    pub fn client_history(&self, client_id: &Id) -> ClientHistory {
        ClientHistory::build(client_id.clone(), &self.orders, &self.products)
    }

    /// Whether the client meets the transfer rule today, with every condition's figures.
    pub fn transfer_eligibility(&self, client_id: &Id, today: NaiveDate) -> Eligibility {
        evaluate(
            &self.transfer_policy.rule,
            &self.client_history(client_id),
            today,
        )
    }

    /// Whether the client is owned by a farmer (and so not in the transfer queue).
    pub fn is_with_farmer(&self, client_id: &Id) -> bool {
        self.client(client_id)
            .and_then(|c| self.member(&c.owner_id))
            .is_some_and(|m| m.role() == Role::Farmer)
    }

    /// The ids of the team's farmers, for views that ask [`Workspace::is_with_farmer`] of many
    /// clients: one set instead of a scan of clients and members per client.
    pub fn farmer_ids(&self) -> HashSet<&Id> {
        self.members
            .iter()
            .filter(|m| m.role() == Role::Farmer)
            .map(|m| &m.id)
            .collect()
    }

    /// Passes a client to a farmer in one step: checks the rule as of `today`, records who did
    /// it with the rule and figures, makes the farmer the owner and the client «постоянный».
    /// The client's deals stay with the hunter: they are the hunter's won first sales.
    pub fn transfer_client(
        &mut self,
        request: TransferRequest,
        today: NaiveDate,
        now: Timestamp,
    ) -> Result<(), WorkspaceError> {
        let TransferRequest {
            record_id,
            client_id,
            to_member_id,
            by_member_id,
        } = request;
        let client = self
            .client(&client_id)
            .ok_or_else(|| WorkspaceError::UnknownClient(client_id.clone()))?;
        let from_member_id = client.owner_id.clone();
        match self.member(&to_member_id) {
            None => return Err(WorkspaceError::UnknownMember(to_member_id)),
            Some(m) if m.role() != Role::Farmer => {
                return Err(WorkspaceError::NotAFarmer(to_member_id))
            }
            Some(_) => {}
        }
        self.require_member(&by_member_id)?;
        if self.is_with_farmer(&client_id) {
            return Err(WorkspaceError::AlreadyWithFarmer(client_id));
        }
        let eligibility = self.transfer_eligibility(&client_id, today);
        if !eligibility.eligible {
            return Err(WorkspaceError::NotEligible(client_id));
        }
        if self.id_taken(&record_id) || self.transfers.iter().any(|t| t.id == record_id) {
            return Err(WorkspaceError::DuplicateId(record_id));
        }
        self.transfers.push(TransferRecord {
            id: record_id,
            client_id: client_id.clone(),
            from_member_id,
            to_member_id: to_member_id.clone(),
            by_member_id,
            date: today,
            rule: self.transfer_policy.rule.clone(),
            outcomes: eligibility.outcomes,
            created_at: now,
            restored_at: None,
        });
        if let Some(client) = self.clients.iter_mut().find(|c| c.id == client_id) {
            crate::domain::stamps::edit(client, now, |c| {
                c.owner_id = to_member_id;
                c.status = ClientStatus::Regular;
            });
        }
        // A client that has not ordered for months is handed over as «постоянный» but shown
        // as what it is: sleeping or lost, so the farmer sees it needs waking.
        self.refresh_client_status(&client_id, today, now);
        Ok(())
    }

    /// The transfers of one client, oldest first.
    pub fn transfers_of<'a>(
        &'a self,
        client_id: &'a Id,
    ) -> impl Iterator<Item = &'a TransferRecord> + 'a {
        self.transfers
            .iter()
            .filter(move |t| &t.client_id == client_id)
    }

    /// Brings every client's activity status in line with its orders as of `today` (see
    /// [`status_from_orders`]; leads and prospects are left as they are); returns the ids of
    /// the clients that changed. Run when the app
    /// opens and after the thresholds change, so a client slides into «спящий» without anyone
    /// touching it. One pass over the orders, not one per client.
    pub fn refresh_statuses(&mut self, today: NaiveDate, now: Timestamp) -> Vec<Id> {
        let mut last: HashMap<&Id, Option<NaiveDate>> = HashMap::new();
        for order in &self.orders {
            let slot = last.entry(&order.client_id).or_insert(None);
            if order.date <= today && slot.is_none_or(|d| d < order.date) {
                *slot = Some(order.date);
            }
        }
        let transferred: HashSet<&Id> = self.transfers.iter().map(|t| &t.client_id).collect();
        let thresholds = self.transfer_policy.thresholds;
        let mut changes = Vec::new();
        for (at, client) in self.clients.iter().enumerate() {
            // A lead or prospect becomes «новый» when an order is entered for it; if someone
            // set the status back by hand since, the bulk refresh respects that choice.
            if matches!(client.status, ClientStatus::Lead | ClientStatus::Prospect) {
                continue;
            }
            let last_order = last.get(&client.id);
            let status = status_from_orders(
                client.status,
                last_order.is_some(),
                last_order.copied().flatten(),
                transferred.contains(&client.id),
                thresholds,
                today,
            );
            if status != client.status {
                changes.push((at, status));
            }
        }
        let mut changed = Vec::with_capacity(changes.len());
        for (at, status) in changes {
            let client = &mut self.clients[at];
            crate::domain::stamps::edit(client, now, |c| c.status = status);
            changed.push(client.id.clone());
        }
        changed
    }

    /// [`Workspace::refresh_statuses`] for one client, after its orders changed.
    pub(crate) fn refresh_client_status(
        &mut self,
        client_id: &Id,
        today: NaiveDate,
        now: Timestamp,
    ) {
        let mut has_orders = false;
        let mut last_order: Option<NaiveDate> = None;
        for o in self.orders.iter().filter(|o| &o.client_id == client_id) {
            has_orders = true;
            if o.date <= today && last_order.is_none_or(|d| d < o.date) {
                last_order = Some(o.date);
            }
        }
        let transferred = self.transfers.iter().any(|t| &t.client_id == client_id);
        let thresholds = self.transfer_policy.thresholds;
        if let Some(client) = self.clients.iter_mut().find(|c| &c.id == client_id) {
            let status = status_from_orders(
                client.status,
                has_orders,
                last_order,
                transferred,
                thresholds,
                today,
            );
            if status != client.status {
                crate::domain::stamps::edit(client, now, |c| c.status = status);
            }
        }
    }
}
