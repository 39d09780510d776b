//! With sync on, the rows of a table the server would refuse are left out of the plan: a hunter
//! keeps her own new leads and her own clients' orders, and is told how many rows were left out
//! and why.

use super::*;
use crate::domain::Role;
use crate::sync::{judge, Change, Denied, RecordRef};

fn table_of(text: &str) -> DataTable {
    let (_, rows) = read::read_text(text.as_bytes(), None, None);
    find_table(rows).unwrap()
}

/// Ivan (a hunter; his clients: «ООО «Вектор»», «ИП Орлов»; Olga owns «Северсталь-Сервис»).
fn as_ivan(role: Option<Role>) -> impl Fn(RecordRef, Change) -> Result<(), Denied> {
    move |record, change| judge(Some("ivan"), role, record, change)
}

fn gated(
    text: &str,
    target: Target,
    role: Option<Role>,
) -> (crate::domain::Workspace, Preview, Preview) {
    let ws = workspace();
    let table = table_of(text);
    let mapping = Mapping::guess(&table.headers, target);
    assert_eq!(mapping.check(), Ok(()));
    let whole = preview(&ws, &table, &mapping, &options(), &mut ids());
    let mut kept = whole.clone();
    leave_out_refused(&mut kept, &ws, &as_ivan(role));
    (ws, whole, kept)
}

const CLIENTS: &str = "Контрагент;ИНН;Телефон;Ответственный\n\
    ООО Новый лид;;+7 900 000-00-01;\n\
    ООО «Вектор»;7707083893;+7 900 000-00-02;\n\
    АО «Северсталь-Сервис»;;+7 900 000-00-03;\n\
    ИП Орлов;;;Ольга Смирнова\n\
    ООО Чужой лид;;;Ольга Смирнова\n";

#[test]
fn a_hunters_client_list_keeps_her_rows_and_leaves_out_the_rest() {
    let (ws, whole, kept) = gated(CLIENTS, Target::Clients, Some(Role::Hunter));
    assert_eq!((whole.clients.added, whole.clients.updated), (2, 3));
    assert_eq!(
        kept.clients,
        Counts {
            added: 1,
            matched: 0,
            updated: 1,
            skipped: 3
        }
    );
    let names = |list: &[crate::domain::client::Client]| -> Vec<String> {
        list.iter().map(|c| c.name.clone()).collect()
    };
    assert_eq!(names(&kept.plan.new_clients), ["ООО Новый лид"]);
    assert_eq!(kept.plan.new_clients[0].owner_id.as_str(), "ivan");
    assert_eq!(names(&kept.plan.changed_clients), ["ООО «Вектор»"]);
    assert_eq!(
        kept.left_out,
        [
            (LeftOutReason::OthersClients, 1),
            (LeftOutReason::OwnerChange, 1),
            (LeftOutReason::NewForOthers, 1),
        ]
    );
    // What is kept the server takes: every record of the plan passes the rules.
    let mut ws = ws;
    apply(&mut ws, &kept.plan, later(60).date_naive(), later(61)).unwrap();
}

#[test]
fn the_director_and_rules_that_refuse_nothing_change_nothing() {
    for target in [Target::Clients, Target::Orders] {
        let text = if target == Target::Clients {
            CLIENTS
        } else {
            ORDERS
        };
        let (_, whole, kept) = gated(text, target, Some(Role::Director));
        assert_eq!(kept, whole);
        assert!(kept.left_out.is_empty());
    }
}

#[test]
fn without_a_team_role_every_row_is_left_out() {
    let (_, _, kept) = gated(CLIENTS, Target::Clients, None);
    assert!(kept.plan.is_empty());
    assert_eq!(kept.left_out, [(LeftOutReason::NoRights, 5)]);
}

const ORDERS: &str = "Дата;Документ;Контрагент;Номенклатура;Сумма\n\
    15.01.2026;ТД-1;ООО «Вектор»;Гофрокороб;1000\n\
    15.01.2026;ТД-2;АО «Северсталь-Сервис»;Гофрокороб;2000\n\
    15.01.2026;ТД-2;АО «Северсталь-Сервис»;Гофрокороб;500\n\
    16.01.2026;ТД-3;ООО «Вектор»;Новый товар;300\n\
    16.01.2026;ТД-4;ООО Новый лид;Гофрокороб;700\n";

#[test]
fn a_hunters_order_file_keeps_her_clients_orders_only() {
    let (ws, whole, kept) = gated(ORDERS, Target::Orders, Some(Role::Hunter));
    assert_eq!(whole.orders.added, 4);
    assert_eq!(
        (kept.orders.added, kept.orders.skipped),
        (2, 2),
        "ТД-1 and ТД-4 kept"
    );
    let clients: Vec<&str> = (kept.plan.new_orders.iter())
        .map(|o| o.client_id.as_str())
        .collect();
    assert_eq!(
        clients,
        ["c1", "n3"],
        "n1, n2: the group and product left out"
    );
    assert_eq!(kept.plan.new_clients.len(), 1, "her new lead is kept");
    assert!(kept.plan.products.is_empty() && kept.plan.groups.is_empty());
    assert_eq!(
        kept.left_out,
        [
            (LeftOutReason::OthersOrders, 2),
            (LeftOutReason::Catalogue, 1)
        ]
    );
    let mut ws = ws;
    apply(&mut ws, &kept.plan, later(60).date_naive(), later(61)).unwrap();
    assert!(ws.orders.iter().all(|o| o.client_id.as_str() != "c2"));
}

#[test]
fn orders_of_a_new_client_left_out_go_with_it() {
    let text = "Дата;Документ;Контрагент;Номенклатура;Сумма;Ответственный\n\
        15.01.2026;ТД-9;ООО Чужой лид;Гофрокороб;1000;Ольга Смирнова\n\
        15.01.2026;ТД-9;ООО Чужой лид;Гофрокороб;100;Ольга Смирнова\n";
    let (_, _, kept) = gated(text, Target::Orders, Some(Role::Hunter));
    assert!(kept.plan.is_empty());
    assert_eq!(kept.left_out, [(LeftOutReason::NewForOthers, 2)]);
    assert_eq!((kept.clients.added, kept.clients.skipped), (0, 1));
}
