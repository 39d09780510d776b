//! A realistic Russian demo team, so a new user sees the app working in one click.
//!
//! Everything is derived from fixed tables and a small deterministic generator: the same `today`
//! always gives the same data, which keeps tests exact.

use super::client::{Client, ClientStatus, ContactPerson};
use super::dates::Timestamp;
use super::deal::Deal;
use super::ids::Id;
use super::inn::complete_inn;
use super::money::Money;
use super::qualification::{Assessment, Rating};
use super::stage::StageKey;
use super::team::{JobTitle, TeamMember};
use super::workspace::Workspace;
use chrono::{Duration, NaiveDate};

const TEAM: [(&str, JobTitle); 6] = [
    ("Марина Волкова", JobTitle::SalesDirector),
    ("Алексей Смирнов", JobTitle::SalesManager),
    ("Дарья Кузнецова", JobTitle::TeleSalesManager),
    ("Игорь Попов", JobTitle::FieldRepresentative),
    ("Елена Морозова", JobTitle::KeyAccountManager),
    ("Сергей Новиков", JobTitle::AccountManager),
];

/// Company name, e-mail domain, what they would buy.
const COMPANIES: [(&str, &str, &str); 36] = [
    (
        "ООО «СтройМаркет»",
        "stroymarket.ru",
        "Упаковка для розницы",
    ),
    (
        "АО «Уралхимпласт»",
        "uhp.ru",
        "Стретч-плёнка, годовой контракт",
    ),
    (
        "ООО «Вектор»",
        "vector-msk.ru",
        "Гофрокороб, пилотная партия",
    ),
    ("ООО «ТехноПарк Сибирь»", "tpsib.ru", "Паллетная обмотка"),
    ("ИП Орлов Д. С.", "orlov-ip.ru", "Курьерские пакеты"),
    ("ООО «Агроторг-Юг»", "agrotorg-yug.ru", "Лотки для овощей"),
    ("ПАО «Северный порт»", "sevport.ru", "Маркировка грузов"),
    (
        "ООО «Кондитерская фабрика „Зарница“»",
        "zarnitsa.ru",
        "Коробки для тортов",
    ),
    ("ООО «МедТехСнаб»", "medtechsnab.ru", "Стерильная упаковка"),
    ("АО «Волжский трубный»", "vtz-volga.ru", "Торцевые заглушки"),
    ("ООО «ЛогистикПро»", "logisticpro.ru", "Скотч с логотипом"),
    ("ООО «Фармация Плюс»", "pharmplus.ru", "Блистеры"),
    ("ООО «Русский хлеб»", "ruhleb.ru", "Хлебные пакеты"),
    ("ЗАО «Энергомаш»", "energomash.ru", "Деревянная тара"),
    ("ООО «Мебельград»", "mebelgrad.ru", "Уголки и плёнка"),
    ("ООО «ЭкоФерма»", "ecoferma.ru", "Яичные лотки"),
    (
        "ООО «Автодеталь-Центр»",
        "avtodetal.ru",
        "Коробки с ложементом",
    ),
    ("ООО «Book-Маркет»", "bookmarket.ru", "Почтовые коробки"),
    (
        "АО «Калужский молочный комбинат»",
        "kmk40.ru",
        "Термоусадка",
    ),
    ("ООО «Северсталь-Сервис»", "ss-service.ru", "Стальная лента"),
    ("ООО «Зоомир»", "zoomir.ru", "Пакеты дой-пак"),
    (
        "ООО «Сибирские напитки»",
        "sibdrinks.ru",
        "Групповая упаковка",
    ),
    (
        "ООО «Текстиль-Иваново»",
        "textile37.ru",
        "Пакеты с клапаном",
    ),
    (
        "ООО «Дом косметики»",
        "domkosmetiki.ru",
        "Подарочные коробки",
    ),
    ("ООО «Электросила»", "elektrosila.ru", "Антистатик"),
    ("ООО «Пекарня Каравай»", "karavay.ru", "Крафт-пакеты"),
    (
        "ООО «Мир инструмента»",
        "mirinstr.ru",
        "Блистеры с подвесом",
    ),
    (
        "АО «Тульский оружейный сервис»",
        "tos71.ru",
        "Кейсы с ложементом",
    ),
    ("ООО «Ромашка»", "romashka.ru", "Цветочная плёнка"),
    ("ООО «ГрандОпт»", "grandopt.ru", "Гофрокороб, опт"),
    ("ООО «Чистая линия»", "chistlin.ru", "Канистры"),
    (
        "ООО «Детский мир игрушек»",
        "dmigr.ru",
        "Витринная упаковка",
    ),
    ("ООО «Северный лес»", "sevles.ru", "Стрейч-худ"),
    (
        "ООО «Смарт Электроникс»",
        "smartel.ru",
        "Пенопластовые вставки",
    ),
    ("ИП Гаврилова Е. А.", "gavrilova-ip.ru", "Пакеты с печатью"),
    ("ООО «Каспий Фиш»", "kaspfish.ru", "Изотермические короба"),
];

const CONTACTS: [&str; 18] = [
    "Андрей Лебедев",
    "Наталья Соколова",
    "Павел Козлов",
    "Ольга Павлова",
    "Дмитрий Семёнов",
    "Татьяна Голубева",
    "Виктор Виноградов",
    "Юлия Богданова",
    "Роман Воробьёв",
    "Светлана Фёдорова",
    "Максим Михайлов",
    "Екатерина Беляева",
    "Николай Тарасов",
    "Анна Белова",
    "Григорий Комаров",
    "Людмила Орлова",
    "Константин Киселёв",
    "Ирина Макарова",
];

const NEXT_STEPS: [&str; 8] = [
    "Позвонить ЛПР, уточнить бюджет",
    "Отправить КП",
    "Встреча на производстве",
    "Согласовать договор с юристами",
    "Выставить счёт",
    "Прислать образцы",
    "Презентация для закупщика",
    "Уточнить сроки поставки",
];

/// A tiny linear congruential generator: deterministic, dependency-free, good enough for demo data.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % below
    }
}

/// The demo workspace as of `today`; records are stamped `now`.
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
            yearly_spend: None,
            created_at: created,
            updated_at: now,
        });
        if regular && i % 2 == 0 {
            continue;
        }
        let due = today + Duration::days(rng.next(21) as i64 - 5);
        ws.deals.push(Deal {
            id: Id::from_raw(format!("demo-d{:02}", i + 1)),
            client_id,
            title: (*product).to_owned(),
            stage_id: stages[stage_index].default_id(),
            amount: Money::from_rubles(((rng.next(60) + 3) * 25_000) as i64),
            owner_id: owner,
            next_step: NEXT_STEPS[rng.next(NEXT_STEPS.len() as u64) as usize].to_owned(),
            next_step_date: Some(due),
            created_at: created,
            updated_at: now,
        });
    }
    add_demo_assessments(&mut ws, now);
    ws
}

/// Qualifies most demo deals the way a real team would: leads mostly not yet, later stages mostly
/// qualified, a few with an earlier, weaker assessment so the history shows progress.
fn add_demo_assessments(ws: &mut Workspace, now: Timestamp) {
    // A separate generator, so the clients and deals above stay exactly as they were.
    let mut rng = Lcg(16);
    let keys = ["budget", "authority", "need", "timeline"];
    let mut assessments = Vec::new();
    for (n, deal) in ws.deals.iter().enumerate() {
        let stage = ws.stage_index(&deal.stage_id).unwrap_or(0) as u64;
        if stage == 0 && n % 2 == 0 {
            continue;
        }
        let rounds = if n % 4 == 1 { 2 } else { 1 };
        for round in 0..rounds {
            let base = (stage / 2 + 1 + round).min(4);
            let ratings = keys
                .iter()
                .map(|k| {
                    let level = (base + rng.next(3)).saturating_sub(1).min(4) as u8;
                    Rating {
                        criterion: (*k).to_owned(),
                        // Authority is the hardest to pin down in Russian B2B: sometimes unknown.
                        level: (!(*k == "authority" && rng.next(5) == 0)).then_some(level),
                        evidence: String::new(),
                    }
                })
                .collect();
            assessments.push(Assessment {
                id: Id::from_raw(format!("demo-a{:02}-{round}", n + 1)),
                deal_id: deal.id.clone(),
                assessor_id: deal.owner_id.clone(),
                ratings,
                created_at: now - Duration::days(((rounds - round) * 9) as i64),
            });
        }
    }
    ws.assessments = assessments;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures::t0;
    use crate::domain::inn::validate_inn;
    use crate::domain::team::Role;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 1, 15).unwrap()
    }

    #[test]
    fn demo_is_sound_and_sizeable() {
        let ws = demo_workspace(today(), t0());
        assert!(ws.integrity_problems().is_empty());
        assert_eq!(ws.members.len(), 6);
        assert_eq!(ws.clients.len(), 36);
        assert!(ws.deals.len() >= 30);
        assert!(ws.assessments.len() >= 25);
        let verdicts: std::collections::HashSet<_> = ws
            .deals
            .iter()
            .filter_map(|d| ws.deal_score(&d.id))
            .map(|s| s.verdict)
            .collect();
        assert!(
            verdicts.len() >= 3,
            "demo shows several verdicts: {verdicts:?}"
        );
        for role in Role::ALL {
            assert!(ws.members.iter().any(|m| m.role() == role));
        }
        for c in &ws.clients {
            if let Some(inn) = &c.inn {
                assert!(validate_inn(inn).is_ok(), "{inn}");
            }
        }
    }

    #[test]
    fn demo_spreads_deals_over_stages_and_is_deterministic() {
        let ws = demo_workspace(today(), t0());
        let used: std::collections::HashSet<_> = ws.deals.iter().map(|d| &d.stage_id).collect();
        assert!(used.len() >= 5, "only {} stages used", used.len());
        assert_eq!(ws, demo_workspace(today(), t0()));
    }
}
