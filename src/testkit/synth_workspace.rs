//! A full-size synthetic workspace for capacity tests and benchmarks: a team, thousands of
//! clients with Russian names, contacts and notes, deals, and a large order book, all with the
//! same kind of ids the app generates. Deterministic for a given seed.

use crate::domain::client::{Client, ClientStatus, ContactPerson};
use crate::domain::dates::{timestamp_from_millis, Timestamp};
use crate::domain::deal::Deal;
use crate::domain::deal_flow::{StageChange, StageChangeKind};
use crate::domain::ids::Id;
use crate::domain::inn::complete_inn;
use crate::domain::money::Money;
use crate::domain::stage::StageKey;
use crate::domain::team::{JobTitle, TeamMember};
use crate::domain::workspace::Workspace;
use crate::testkit::synth_orders::{synth_catalog, synth_orders, Rng};
use chrono::{Duration, NaiveDate};

const FORMS: [&str; 4] = ["ООО", "АО", "ООО", "ИП"];
const WORDS_A: [&str; 12] = [
    "Северная",
    "Уральская",
    "Волжская",
    "Сибирская",
    "Торговая",
    "Промышленная",
    "Южная",
    "Балтийская",
    "Центральная",
    "Восточная",
    "Донская",
    "Камская",
];
const WORDS_B: [&str; 12] = [
    "упаковка",
    "логистика",
    "химия",
    "мебель",
    "электроника",
    "пищевая компания",
    "стройка",
    "фармация",
    "агросервис",
    "металлоторг",
    "текстиль",
    "снабжение",
];
const FIRST: [&str; 10] = [
    "Андрей",
    "Наталья",
    "Павел",
    "Ольга",
    "Дмитрий",
    "Татьяна",
    "Виктор",
    "Юлия",
    "Роман",
    "Светлана",
];
const LAST: [&str; 10] = [
    "Лебедев",
    "Соколова",
    "Козлов",
    "Павлова",
    "Семёнов",
    "Голубева",
    "Виноградов",
    "Богданова",
    "Воробьёв",
    "Фёдорова",
];

/// One of `list`, chosen by the shared SplitMix64 generator of the order book.
fn pick<'a>(rng: &mut Rng, list: &[&'a str]) -> &'a str {
    list[(rng.next() % list.len() as u64) as usize]
}

/// A workspace of `clients` clients (each with one deal) and `orders` orders over the three
/// years before `today`, with realistic app-generated ids.
pub fn synth_workspace(seed: u64, clients: usize, orders: usize, today: NaiveDate) -> Workspace {
    let mut rng = Rng(seed);
    let base = 1_700_000_000_000i64;
    let next_id = |rng: &mut Rng, n: i64| Id::generate(base + n * 997, rng.next());
    let stamp = |n: i64| -> Timestamp { timestamp_from_millis(base + n * 60_000) };
    let mut ws = Workspace::default();
    let titles = [
        JobTitle::SalesDirector,
        JobTitle::SalesManager,
        JobTitle::TeleSalesManager,
        JobTitle::FieldRepresentative,
        JobTitle::KeyAccountManager,
        JobTitle::AccountManager,
    ];
    for (i, title) in titles.iter().enumerate() {
        let name = format!("{} {}", FIRST[i], LAST[i]);
        ws.members.push(TeamMember::new(
            next_id(&mut rng, i as i64),
            name,
            *title,
            stamp(0),
        ));
    }
    let owners: Vec<Id> = ws.members[1..].iter().map(|m| m.id.clone()).collect();
    let pipeline = StageKey::DEFAULT_PIPELINE;
    for i in 0..clients {
        let n = i as i64 + 10;
        let id = next_id(&mut rng, n);
        let first = pick(&mut rng, &FIRST);
        let last = pick(&mut rng, &LAST);
        let owner = owners[i % owners.len()].clone();
        ws.clients.push(Client {
            id: id.clone(),
            name: format!(
                "{} «{} {} {}»",
                pick(&mut rng, &FORMS),
                pick(&mut rng, &WORDS_A),
                pick(&mut rng, &WORDS_B),
                i + 1
            ),
            inn: Some(complete_inn(&format!("{:09}", 500_000_000 + i * 7919))),
            contact: ContactPerson {
                name: format!("{first} {last}"),
                phone: format!(
                    "+7 9{:02} {:03}-{:02}-{:02}",
                    i % 90 + 10,
                    i % 1000,
                    i % 100,
                    (i * 7) % 100
                ),
                email: format!("zakupki{i}@client{i}.ru"),
            },
            owner_id: owner.clone(),
            status: ClientStatus::ALL[i % ClientStatus::ALL.len()],
            notes: if i % 3 == 0 {
                "Решение принимает финансовый директор, бюджет утверждают в декабре.".to_owned()
            } else {
                String::new()
            },
            kpp: None,
            yearly_spend: None,
            created_at: stamp(n),
            updated_at: stamp(n),
            stamps: Default::default(),
        });
        let deal_id = next_id(&mut rng, n);
        ws.stage_history.push(StageChange {
            id: Id::from_raw(format!("{deal_id}-created")),
            deal_id: deal_id.clone(),
            kind: StageChangeKind::Created,
            from: None,
            to: pipeline[i % pipeline.len()].default_id(),
            at: stamp(n),
            by: Some(owner.clone()),
            restored_at: None,
        });
        ws.deals.push(Deal {
            id: deal_id,
            client_id: id,
            title: format!("Поставка, этап {}", i % 5 + 1),
            stage_id: pipeline[i % pipeline.len()].default_id(),
            amount: Money::from_rubles(((i % 40) as i64 + 1) * 25_000),
            owner_id: owner,
            next_step: "Позвонить ЛПР".to_owned(),
            next_step_date: Some(today + Duration::days((i % 30) as i64)),
            closed: None,
            checklist_done: Vec::new(),
            created_at: stamp(n),
            updated_at: stamp(n),
            stamps: Default::default(),
        });
    }
    let (groups, products) = synth_catalog(12, 10, stamp(1));
    let client_ids: Vec<Id> = ws.clients.iter().map(|c| c.id.clone()).collect();
    let mut book = synth_orders(
        seed,
        &client_ids,
        &products,
        orders,
        today - Duration::days(3 * 365),
        today,
    );
    // Give orders and the catalogue app-style ids, as a real workspace would have.
    let product_ids: std::collections::HashMap<Id, Id> = products
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.clone(), next_id(&mut rng, i as i64)))
        .collect();
    let group_ids: std::collections::HashMap<Id, Id> = groups
        .iter()
        .enumerate()
        .map(|(i, g)| (g.id.clone(), next_id(&mut rng, i as i64)))
        .collect();
    for (n, order) in book.iter_mut().enumerate() {
        order.id = next_id(&mut rng, n as i64);
        for line in &mut order.lines {
            line.product_id = product_ids[&line.product_id].clone();
        }
    }
    ws.product_groups = groups
        .into_iter()
        .map(|mut g| {
            g.id = group_ids[&g.id].clone();
            g
        })
        .collect();
    ws.products = products
        .into_iter()
        .map(|mut p| {
            p.id = product_ids[&p.id].clone();
            p.group_id = group_ids[&p.group_id].clone();
            p
        })
        .collect();
    ws.orders = book;
    ws
}

/// Passes up to `transfers` eligible hunters' clients to the first farmer through
/// [`Workspace::transfer_client`] (by the director, as of `today`), and gives every seventh
/// client a yearly spend estimate of 12 M ₽; returns how many transfers were made. Benchmarks
/// and tests use it for data with a transfer log and share-of-wallet figures.
pub fn add_transfers(
    ws: &mut Workspace,
    transfers: usize,
    today: NaiveDate,
    now: Timestamp,
) -> usize {
    use crate::domain::team::Role;
    use crate::domain::workspace::TransferRequest;
    let first = |ws: &Workspace, role: Role| {
        ws.members
            .iter()
            .find(|m| m.role() == role)
            .map(|m| m.id.clone())
    };
    let (Some(farmer), Some(director)) = (first(ws, Role::Farmer), first(ws, Role::Director))
    else {
        return 0;
    };
    let candidates: Vec<Id> = ws
        .clients
        .iter()
        .filter(|c| !ws.is_with_farmer(&c.id))
        .map(|c| c.id.clone())
        .collect();
    let mut done = 0;
    for client_id in candidates {
        if done == transfers {
            break;
        }
        let request = TransferRequest {
            record_id: Id::from_raw(format!("transfer-{done}")),
            client_id,
            to_member_id: farmer.clone(),
            by_member_id: director.clone(),
        };
        // Clients that do not meet the rule are refused and simply skipped.
        if ws.transfer_client(request, today, now).is_ok() {
            done += 1;
        }
    }
    for c in ws.clients.iter_mut().step_by(7) {
        c.yearly_spend = Some(Money::from_rubles(12_000_000));
    }
    done
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_synthetic_workspace_is_sound() {
        let ws = synth_workspace(7, 50, 400, NaiveDate::from_ymd_opt(2026, 3, 10).unwrap());
        assert_eq!(
            (ws.clients.len(), ws.deals.len(), ws.orders.len()),
            (50, 50, 400)
        );
        assert!(
            ws.integrity_problems().is_empty(),
            "{:?}",
            ws.integrity_problems()
        );
        assert!(ws.clients[0].name.contains('«'));
    }
}
