//! Orders from a 1C sales report: grouping lines into documents, matching, problems, and
//! re-importing the same, an edited and an overlapping file.

use super::*;

fn sales() -> (DataTable, Mapping) {
    let (settings, table, mapping) = read(SALES_1C, Target::Orders);
    assert_eq!(settings.encoding, TextEncoding::Windows1251);
    assert_eq!(settings.separator, Separator::Semicolon);
    (table, mapping)
}

/// The 1C file with one row's text replaced (an edited document, a later period).
fn edited(from: &str, to: &str) -> DataTable {
    let text = TextEncoding::Windows1251.decode(SALES_1C).replace(from, to);
    let (_, rows) = read::read_text(text.as_bytes(), None, None);
    find_table(rows).unwrap()
}

#[test]
fn a_1c_report_is_read_through_its_titles_and_totals() {
    let (table, mapping) = sales();
    assert_eq!(table.header_row, 5);
    assert_eq!((table.skipped_above, table.skipped_below), (3, 1));
    assert_eq!(table.rows.len(), 6);
    assert_eq!(table.headers[2], "Контрагент");
    assert_eq!(mapping.check(), Ok(()));
    assert_eq!(mapping.column(Field::Amount), Some(7));
    assert_eq!(mapping.column(Field::Owner), Some(8));
}

#[test]
fn lines_become_orders_by_document_with_problems_in_words() {
    let (table, mapping) = sales();
    let ws = workspace();
    let preview = preview(&ws, &table, &mapping, &options(), &mut ids());
    assert_eq!(
        preview.orders,
        Counts {
            added: 3,
            matched: 0,
            updated: 0,
            skipped: 1
        }
    );
    assert_eq!(
        preview.clients,
        Counts {
            added: 2,
            matched: 1,
            updated: 0,
            skipped: 0
        }
    );
    assert_eq!(
        problems(&preview),
        [
            (
                9,
                RowProblem::UnknownOwner {
                    name: "Сидоров Пётр".into()
                }
            ),
            (
                10,
                RowProblem::BadAmount {
                    text: "12,3,4".into(),
                    error: number::NumberError::NotANumber
                }
            ),
            (11, RowProblem::DocumentHasProblem { bad_row: 10 }),
        ]
    );
    let plan = &preview.plan;
    let first = &plan.new_orders[0];
    assert_eq!(first.client_id, Id::from_raw("c1"));
    assert_eq!(first.lines.len(), 2);
    assert_eq!(first.total(), crate::domain::Money::from_kopecks(2_084_050));
    let names: Vec<&str> = plan.products.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        ["Гофрокороб 40x30", "Стрейч-плёнка 500 мм", "Скотч 48 мм"]
    );
    assert_eq!(
        plan.products[0].group_id,
        Id::from_raw("g1"),
        "«Упаковка» exists"
    );
    let groups: Vec<&str> = plan.groups.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(groups, ["Расходники"]);
    let orlov = &plan.new_clients[0];
    assert_eq!(
        (orlov.name.as_str(), orlov.owner_id.as_str()),
        ("ИП Орлов Сергей Петрович", "olga")
    );
    assert_eq!(plan.new_clients[1].owner_id, Id::from_raw("ivan"));
}

#[test]
fn re_importing_adds_nothing_twice_and_an_edited_document_updates_its_order() {
    let (table, mapping) = sales();
    let mut ws = workspace();
    let preview = preview(&ws, &table, &mapping, &options(), &mut ids());
    apply(&mut ws, &preview.plan, d0(), later(61)).unwrap();
    assert_eq!(ws.orders.len(), 3);
    assert_eq!(
        ws.client(&Id::from_raw("c1")).unwrap().status,
        ClientStatus::New
    );
    assert!(ws.integrity_problems().is_empty());

    let again = super::preview(&ws, &table, &mapping, &options(), &mut ids());
    assert_eq!(
        again.orders,
        Counts {
            added: 0,
            matched: 3,
            updated: 0,
            skipped: 1
        }
    );
    assert_eq!(again.clients.added, 0);
    assert!(again.plan.is_empty());

    // The accountant corrected document 102 and the file now runs into February.
    let later_file = edited("1\u{a0}250,00 руб.", "1 300,00").rows;
    let mut table2 = table.clone();
    table2.rows = later_file;
    let extra = SourceRow {
        number: 99,
        cells: [
            "02.02.2026",
            "ТД00-000130",
            "ИП Орлов Сергей Петрович",
            "500100732259",
            "Скотч 48 мм",
            "",
            "1",
            "99,00",
            "",
        ]
        .iter()
        .map(|c| Cell::Text((*c).into()))
        .collect(),
    };
    table2.rows.push(extra);
    let next = super::preview(&ws, &table2, &mapping, &options(), &mut ids());
    assert_eq!(
        next.orders,
        Counts {
            added: 1,
            matched: 2,
            updated: 1,
            skipped: 1
        }
    );
    let applied = apply(&mut ws, &next.plan, d0(), later(70)).unwrap();
    assert_eq!(ws.orders.len(), 4);
    let changed_id = next.plan.changed_orders[0].id.clone();
    let changed = ws.orders.iter().find(|o| o.id == changed_id).unwrap();
    assert_eq!(changed.total(), crate::domain::Money::from_rubles(1_300));
    assert_eq!(changed.updated_at, later(70));

    undo(&mut ws, &applied, d0(), later(71)).unwrap();
    assert_eq!(ws.orders.len(), 3);
    let restored = ws.orders.iter().find(|o| o.id == changed_id).unwrap();
    assert_eq!(restored.total(), crate::domain::Money::from_rubles(1_250));
}

#[test]
fn missing_clients_and_products_wait_when_not_created() {
    let (table, mapping) = sales();
    let ws = workspace();
    let strict = Options {
        create_clients: false,
        create_products: false,
        ..options()
    };
    let preview = preview(&ws, &table, &mapping, &strict, &mut ids());
    assert_eq!(preview.orders.added, 0);
    assert!(preview.plan.is_empty());
    let found = problems(&preview);
    assert!(found.contains(&(
        8,
        RowProblem::ClientNotFound(ClientRef::Inn("500100732259".into()))
    )));
    assert!(found.contains(&(
        6,
        RowProblem::ProductNotFound {
            name: "Гофрокороб 40x30".into()
        }
    )));
}

#[test]
fn an_order_deleted_in_the_app_is_not_brought_back() {
    let (table, mapping) = sales();
    let mut ws = workspace();
    let preview = preview(&ws, &table, &mapping, &options(), &mut ids());
    apply(&mut ws, &preview.plan, d0(), later(61)).unwrap();
    let id = ws.orders[0].id.clone();
    ws.remove_order(&id, d0(), later(62)).unwrap();
    let again = super::preview(&ws, &table, &mapping, &options(), &mut ids());
    assert_eq!(
        again.orders,
        Counts {
            added: 0,
            matched: 2,
            updated: 0,
            skipped: 2
        }
    );
    assert!(problems(&again).contains(&(
        6,
        RowProblem::DeletedEarlier {
            document: "ТД00-000101".into()
        }
    )));
}
