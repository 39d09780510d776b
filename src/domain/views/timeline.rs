//! A client's timeline: its activities, the stage changes of its deals, its orders, transfers
//! and assessments, newest first. Everything is placed on the local calendar: activities carry
//! their local day and time, orders and transfers a business day (no time: they sort before
//! anything timed that day, i.e. lower in a newest-first list), and the changes stamped in UTC
//! (stage changes, assessments) are shifted by the browser's `offset`.

use crate::domain::activities::Activity;
use crate::domain::dates::Timestamp;
use crate::domain::deal_flow::StageChange;
use crate::domain::ids::Id;
use crate::domain::orders::Order;
use crate::domain::qualification::Assessment;
use crate::domain::transfer::TransferRecord;
use crate::domain::Workspace;
use chrono::{FixedOffset, NaiveDate, NaiveDateTime, NaiveTime};
use std::collections::HashMap;

/// What happened.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TimelineEvent<'a> {
    /// A logged call, meeting, e-mail or note.
    Activity(&'a Activity),
    /// A deal of the client changed its place in the pipeline (the deal's title).
    StageChange(&'a StageChange, &'a str),
    /// An order.
    Order(&'a Order),
    /// The client passed from a hunter to a farmer.
    Transfer(&'a TransferRecord),
    /// A deal of the client was assessed (the deal's title).
    Assessment(&'a Assessment, &'a str),
}

/// One line of the timeline.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimelineEntry<'a> {
    /// The local day.
    pub date: NaiveDate,
    /// The local time, when the event has one.
    pub time: Option<NaiveTime>,
    /// What happened.
    pub event: TimelineEvent<'a>,
}

/// The timeline of `client_id`, newest first (the same moment: by kind, then id, so every
/// copy lists alike). `offset` is the browser's offset from UTC.
pub fn timeline<'a>(
    ws: &'a Workspace,
    client_id: &Id,
    offset: FixedOffset,
) -> Vec<TimelineEntry<'a>> {
    let local = |at: Timestamp| at.with_timezone(&offset).naive_local();
    let stamped = |at: Timestamp, event| {
        let at: NaiveDateTime = local(at);
        TimelineEntry {
            date: at.date(),
            time: Some(at.time()),
            event,
        }
    };
    let deals: HashMap<&Id, &str> = ws
        .deals
        .iter()
        .filter(|d| &d.client_id == client_id)
        .map(|d| (&d.id, d.title.as_str()))
        .collect();
    let mut out: Vec<TimelineEntry<'a>> = Vec::new();
    out.extend(
        ws.activities
            .iter()
            .filter(|a| &a.client_id == client_id)
            .map(|a| TimelineEntry {
                date: a.date,
                time: a.time,
                event: TimelineEvent::Activity(a),
            }),
    );
    for e in &ws.stage_history {
        if let Some(title) = deals.get(&e.deal_id) {
            out.push(stamped(e.at, TimelineEvent::StageChange(e, title)));
        }
    }
    for a in &ws.assessments {
        if let Some(title) = deals.get(&a.deal_id) {
            out.push(stamped(a.created_at, TimelineEvent::Assessment(a, title)));
        }
    }
    out.extend(
        ws.orders
            .iter()
            .filter(|o| &o.client_id == client_id)
            .map(|o| TimelineEntry {
                date: o.date,
                time: None,
                event: TimelineEvent::Order(o),
            }),
    );
    out.extend(
        ws.transfers
            .iter()
            .filter(|t| &t.client_id == client_id)
            .map(|t| TimelineEntry {
                date: t.date,
                time: None,
                event: TimelineEvent::Transfer(t),
            }),
    );
    crate::domain::sort::sort_by(&mut out, |a, b| {
        (b.date, b.time, rank(&b.event), id_of(&b.event)).cmp(&(
            a.date,
            a.time,
            rank(&a.event),
            id_of(&a.event),
        ))
    });
    out
}

/// The order of kinds at the same moment (higher is newer): an order before the transfer it
/// made possible, an activity after the stage change it led to.
fn rank(event: &TimelineEvent) -> u8 {
    match event {
        TimelineEvent::Order(_) => 0,
        TimelineEvent::Transfer(_) => 1,
        TimelineEvent::Assessment(..) => 2,
        TimelineEvent::StageChange(..) => 3,
        TimelineEvent::Activity(_) => 4,
    }
}

fn id_of<'a>(event: &TimelineEvent<'a>) -> &'a Id {
    match event {
        TimelineEvent::Activity(a) => &a.id,
        TimelineEvent::StageChange(e, _) => &e.id,
        TimelineEvent::Order(o) => &o.id,
        TimelineEvent::Transfer(t) => &t.id,
        TimelineEvent::Assessment(a, _) => &a.id,
    }
}
