//! A realistic Russian demo team, so a new user sees the app working in one click.
//!
//! Everything is derived from fixed tables and a small deterministic generator: the same `today`
//! always gives the same data, which keeps tests exact. The whole method shows: a pipeline with
//! qualified and unqualified deals ([`assessments`]), a catalogue ([`catalogue`]), and orders
//! with transfers ([`orders`]) that leave new clients ready for a farmer and not yet, sleeping
//! and lost ones, and regular clients growing after their transfer; won and lost deals with
//! their stage history over the past months and the director's plans ([`closed`]).

mod assessments;
mod catalogue;
mod closed;
mod orders;
mod tables;

use super::client::{Client, ClientStatus, ContactPerson};
use super::dates::Timestamp;
use super::deal::Deal;
use super::deal_flow::{StageChange, StageChangeKind};
use super::ids::Id;
use super::inn::complete_inn;
use super::money::Money;
use super::stage::StageKey;
use super::team::TeamMember;
use super::workspace::Workspace;
use assessments::add_demo_assessments;
use chrono::{Duration, NaiveDate};
use tables::{COMPANIES, CONTACTS, NEXT_STEPS, TEAM};

/// A tiny linear congruential generator: deterministic, dependency-free, good enough for demo data.
pub(super) struct Lcg(u64);

impl Lcg {
    /// The next number in `0..below`.
    pub(super) fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % below
    }
}

/// A demo deal's stage history: created as a lead, moved through the stages between at even
/// steps, and (unless still a lead) into its stage 1 to 30 days ago, so the board shows a spread
/// of days in stage and the funnel has stays to measure. No random numbers are drawn here: the
/// rest of the demo data stays as it was.
fn add_demo_history(
    ws: &mut Workspace,
    deal_id: &Id,
    owner: &Id,
    stage_index: usize,
    i: usize,
    created: Timestamp,
    now: Timestamp,
) {
    let stages = StageKey::DEFAULT_PIPELINE;
    let entry = |suffix: &str, kind, from: Option<Id>, to: Id, at| StageChange {
        id: Id::from_raw(format!("{deal_id}-{suffix}")),
        deal_id: deal_id.clone(),
        kind,
        from,
        to,
        at,
        by: Some(owner.clone()),
        restored_at: None,
    };
    let lead = stages[0].default_id();
    ws.stage_history.push(entry(
        "created",
        StageChangeKind::Created,
        None,
        lead.clone(),
        created,
    ));
    if stage_index > 0 {
        let age = (now - created).num_days() - 1;
        let days = ((i as i64 * 7) % 30 + 1).min(age.max(0));
        let to = stages[stage_index].default_id();
        let at = now - Duration::days(days);
        let span = (at - created).num_minutes().max(0);
        for j in 1..stage_index {
            let when = created + Duration::minutes(span * j as i64 / stage_index as i64);
            let (from, step) = (stages[j - 1].default_id(), stages[j].default_id());
            let suffix = format!("moved-{j}");
            ws.stage_history.push(entry(
                &suffix,
                StageChangeKind::Moved,
                Some(from),
                step,
                when,
            ));
        }
        let from = stages[stage_index - 1].default_id();
        ws.stage_history
            .push(entry("moved", StageChangeKind::Moved, Some(from), to, at));
    }
}

/// The demo workspace as of `today`; records are stamped `now` (business events such as orders
/// and transfers at their own day, never after `now`). The statuses agree with the orders:
/// [`Workspace::refresh_statuses`] on the result changes nothing.
pub fn demo_workspace(today: NaiveDate, now: Timestamp) -> Workspace {
    let mut rng = Lcg(2026);
    let mut ws = Workspace::default();
    let member_ids: Vec<Id> = (1..=TEAM.len())
        .map(|i| Id::from_raw(format!("demo-m{i}")))
        .collect();
    for ((name, title), id) in TEAM.iter().zip(&member_ids) {
        ws.members
            .push(TeamMember::new(id.clone(), *name, *title, now));
    }
    let hunters = &member_ids[1..4];
    let farmers = &member_ids[4..6];
    let stages = StageKey::DEFAULT_PIPELINE;

    for (i, (name, domain, product)) in COMPANIES.iter().enumerate() {
        let client_id = Id::from_raw(format!("demo-c{:02}", i + 1));
        let contact = CONTACTS[i % CONTACTS.len()];
        let created = now - Duration::days(20 + rng.next(300) as i64);
        // Every fifth client is already regular and belongs to a farmer.
        let regular = i % 5 == 4;
        let owner = if regular {
            farmers[i % farmers.len()].clone()
        } else {
            hunters[i % hunters.len()].clone()
        };
        let stage_index = if regular { 6 } else { rng.next(7) as usize };
        let status = match stage_index {
            _ if regular => ClientStatus::Regular,
            0 => ClientStatus::Lead,
            6 => ClientStatus::New,
            _ => ClientStatus::Prospect,
        };
        let inn_prefix = format!("{:09}", 770_000_000 + (i as u64) * 1_234_567 % 99_999_999);
        ws.clients.push(Client {
            id: client_id.clone(),
            name: (*name).to_owned(),
            inn: (i % 3 != 2).then(|| complete_inn(&inn_prefix)),
            contact: ContactPerson {
                name: contact.to_owned(),
                phone: format!(
                    "+7 9{:02} {:03}-{:02}-{:02}",
                    10 + rng.next(89),
                    rng.next(1000),
                    rng.next(100),
                    rng.next(100)
                ),
                email: format!("zakupki@{domain}"),
            },
            owner_id: owner.clone(),
            status,
            notes: if regular {
                "Передан фермеру после третьего заказа.".to_owned()
            } else {
                String::new()
            },
            kpp: None,
            yearly_spend: None,
            created_at: created,
            updated_at: now,
            stamps: Default::default(),
        });
        if regular && i % 2 == 0 {
            continue;
        }
        let due = today + Duration::days(rng.next(21) as i64 - 5);
        let deal_id = Id::from_raw(format!("demo-d{:02}", i + 1));
        add_demo_history(&mut ws, &deal_id, &owner, stage_index, i, created, now);
        ws.deals.push(Deal {
            id: deal_id,
            client_id,
            title: (*product).to_owned(),
            stage_id: stages[stage_index].default_id(),
            amount: Money::from_rubles(((rng.next(60) + 3) * 25_000) as i64),
            owner_id: owner,
            next_step: NEXT_STEPS[rng.next(NEXT_STEPS.len() as u64) as usize].to_owned(),
            next_step_date: Some(due),
            closed: None,
            checklist_done: Vec::new(),
            created_at: created,
            updated_at: now,
            stamps: Default::default(),
        });
    }
    add_demo_assessments(&mut ws, now);
    catalogue::add_catalogue(&mut ws, now);
    orders::add_orders_and_transfers(&mut ws, today, now);
    closed::add_closed_deals(&mut ws, today, now);
    closed::add_plans(&mut ws, today, now);
    ws
}

#[cfg(test)]
mod tests;
