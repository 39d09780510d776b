//! The demo's product catalogue: what a packaging distributor sells to the demo companies.

use crate::domain::dates::Timestamp;
use crate::domain::ids::Id;
use crate::domain::orders::{Product, ProductGroup};
use crate::domain::workspace::Workspace;

/// Group names; a group's id is `demo-g{n}`, n from 1.
const GROUPS: [&str; 5] = [
    "Упаковка",
    "Плёнки",
    "Расходные материалы",
    "Химия",
    "Оборудование и сервис",
];

/// Product names with their group's number; a product's id is `demo-p{nn}`, nn from 01.
const PRODUCTS: [(&str, usize); 13] = [
    ("Гофрокороб", 1),
    ("Пакеты с печатью", 1),
    ("Подарочная коробка", 1),
    ("Стрейч-плёнка", 2),
    ("Термоусадочная плёнка", 2),
    ("Стрейч-худ", 2),
    ("Скотч с логотипом", 3),
    ("Защитные уголки и заглушки", 3),
    ("Стальная упаковочная лента", 3),
    ("Клей-расплав", 4),
    ("Антистатическое покрытие", 4),
    ("Паллетообмотчик", 5),
    ("Сервисное обслуживание", 5),
];

/// The id of demo product number `n` (1-based, as in the order stories).
pub(super) fn product_id(n: usize) -> Id {
    Id::from_raw(format!("demo-p{n:02}"))
}

/// Fills the catalogue: every group and product, stamped `now`.
pub(super) fn add_catalogue(ws: &mut Workspace, now: Timestamp) {
    ws.product_groups = GROUPS
        .iter()
        .enumerate()
        .map(|(i, name)| ProductGroup {
            id: Id::from_raw(format!("demo-g{}", i + 1)),
            name: (*name).to_owned(),
            created_at: now,
            updated_at: now,
            stamps: Default::default(),
        })
        .collect();
    ws.products = PRODUCTS
        .iter()
        .enumerate()
        .map(|(i, (name, group))| Product {
            id: product_id(i + 1),
            name: (*name).to_owned(),
            group_id: Id::from_raw(format!("demo-g{group}")),
            created_at: now,
            updated_at: now,
            stamps: Default::default(),
        })
        .collect();
}
