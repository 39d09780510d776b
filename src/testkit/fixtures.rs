//! Small builders shared by the core's unit tests.

use crate::domain::client::{Client, ClientStatus, ContactPerson};
use crate::domain::dates::{timestamp_from_millis, Timestamp};
use crate::domain::deal::Deal;
use crate::domain::ids::Id;
use crate::domain::money::Money;
use crate::domain::qualification::{Assessment, Rating};
use crate::domain::stage::StageKey;
use crate::domain::team::{JobTitle, TeamMember};
use crate::domain::transfer::{TransferRecord, TransferRule};
use crate::domain::workspace::{Mover, Workspace};
use chrono::NaiveDate;

/// A fixed moment: 2026-01-15 09:00 UTC.
pub fn t0() -> Timestamp {
    timestamp_from_millis(1_768_467_600_000)
}

/// The tests' «today»: the local day of `t0`, 2026-01-15.
pub fn d0() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 1, 15).expect("a date")
}

/// `t0` plus `minutes`.
pub fn later(minutes: i64) -> Timestamp {
    t0() + chrono::Duration::minutes(minutes)
}

pub fn member(id: &str, name: &str, title: JobTitle) -> TeamMember {
    TeamMember::new(Id::from_raw(id), name, title, t0())
}

pub fn client(id: &str, name: &str, owner: &str) -> Client {
    Client {
        id: Id::from_raw(id),
        name: name.to_owned(),
        inn: None,
        contact: ContactPerson::default(),
        owner_id: Id::from_raw(owner),
        status: ClientStatus::Lead,
        notes: String::new(),
        kpp: None,
        yearly_spend: None,
        created_at: t0(),
        updated_at: t0(),
        stamps: Default::default(),
    }
}

pub fn deal(id: &str, client: &str, owner: &str, stage: StageKey, rubles: i64) -> Deal {
    Deal {
        id: Id::from_raw(id),
        client_id: Id::from_raw(client),
        title: format!("Сделка {id}"),
        stage_id: stage.default_id(),
        amount: Money::from_rubles(rubles),
        owner_id: Id::from_raw(owner),
        next_step: String::new(),
        next_step_date: None,
        closed: None,
        checklist_done: Vec::new(),
        created_at: t0(),
        updated_at: t0(),
        stamps: Default::default(),
    }
}

/// A change by nobody in particular whose history entry gets the id `entry`.
pub fn mover(entry: &str) -> Mover {
    Mover {
        by: None,
        entry_id: Id::from_raw(entry),
    }
}

/// Two hunters, a farmer; three clients; three deals.
pub fn small_workspace() -> Workspace {
    let mut ws = Workspace::default();
    ws.add_member(member("ivan", "Иван Петров", JobTitle::SalesManager))
        .unwrap();
    ws.add_member(member("olga", "Ольга Смирнова", JobTitle::TeleSalesManager))
        .unwrap();
    ws.add_member(member(
        "anna",
        "Анна Кузнецова",
        JobTitle::KeyAccountManager,
    ))
    .unwrap();
    ws.add_client(client("c1", "ООО «Вектор»", "ivan")).unwrap();
    ws.add_client(client("c2", "АО «Северсталь-Сервис»", "olga"))
        .unwrap();
    ws.add_client(client("c3", "ИП Орлов", "ivan")).unwrap();
    ws.add_deal(
        deal("d1", "c1", "ivan", StageKey::Lead, 100_000),
        &mover("d1-created"),
    )
    .unwrap();
    ws.add_deal(
        deal("d2", "c2", "olga", StageKey::Proposal, 250_000),
        &mover("d2-created"),
    )
    .unwrap();
    ws.add_deal(
        deal("d3", "c1", "ivan", StageKey::Negotiation, 50_000),
        &mover("d3-created"),
    )
    .unwrap();
    ws
}

/// An assessment of `deal` by Ivan with BANT levels `[budget, authority, need, timeline]`,
/// made `minutes` after `t0`.
pub fn assessment(id: &str, deal: &str, levels: [u8; 4], minutes: i64) -> Assessment {
    let keys = ["budget", "authority", "need", "timeline"];
    Assessment {
        id: Id::from_raw(id),
        deal_id: Id::from_raw(deal),
        assessor_id: Id::from_raw("ivan"),
        ratings: keys
            .iter()
            .zip(levels)
            .map(|(k, l)| Rating {
                criterion: (*k).to_owned(),
                level: Some(l),
                evidence: String::new(),
            })
            .collect(),
        created_at: later(minutes),
        restored_at: None,
    }
}

/// [`small_workspace`] with a catalogue: group «Упаковка» (`g1`) with «Гофрокороб» (`p1`).
pub fn catalogue_workspace() -> Workspace {
    use crate::domain::orders::{Product, ProductGroup};
    let mut ws = small_workspace();
    ws.add_product_group(ProductGroup {
        id: Id::from_raw("g1"),
        name: "Упаковка".into(),
        created_at: t0(),
        updated_at: t0(),
        stamps: Default::default(),
    })
    .unwrap();
    ws.add_product(Product {
        id: Id::from_raw("p1"),
        name: "Гофрокороб".into(),
        group_id: Id::from_raw("g1"),
        created_at: t0(),
        updated_at: t0(),
        stamps: Default::default(),
    })
    .unwrap();
    ws
}

/// A one-line order of product `p1` for `rubles` on `date`.
pub fn order_on(
    id: &str,
    client: &str,
    rubles: i64,
    date: chrono::NaiveDate,
) -> crate::domain::orders::Order {
    crate::domain::orders::Order {
        id: Id::from_raw(id),
        client_id: Id::from_raw(client),
        date,
        lines: vec![crate::domain::orders::OrderLine {
            product_id: Id::from_raw("p1"),
            amount: Money::from_rubles(rubles),
            quantity: None,
        }],
        created_at: t0(),
        updated_at: t0(),
        stamps: Default::default(),
    }
}

/// A transfer of `client` from `from` to `to` on `date`, pressed by `from`, recorded at t0.
pub fn transfer(id: &str, client: &str, from: &str, to: &str, date: NaiveDate) -> TransferRecord {
    TransferRecord {
        id: Id::from_raw(id),
        client_id: Id::from_raw(client),
        from_member_id: Id::from_raw(from),
        to_member_id: Id::from_raw(to),
        by_member_id: Id::from_raw(from),
        date,
        rule: TransferRule::default(),
        outcomes: Vec::new(),
        created_at: t0(),
        restored_at: None,
    }
}
