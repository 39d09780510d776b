//! The import in slices gives exactly what it gives in one pass: the same rows read, the same
//! preview, the same records with the same ids, whatever the size of the slices.

use super::*;

/// A synthetic order file: documents of three lines, some of them with a bad amount (their
/// whole document waits), repeated clients and products, a title above and totals below.
pub(super) fn synthetic(rows: usize) -> Vec<u8> {
    let mut text = String::from("Продажи\n\nДата;Документ;Контрагент;ИНН;Номенклатура;Сумма\n");
    for i in 0..rows {
        let doc = i / 3;
        let amount = if i % 97 == 5 {
            "12,3,4".to_owned()
        } else {
            format!("{} {:03},{:02}", 1 + i % 50, i % 1000, i % 100)
        };
        let inn = if doc % 7 == 0 { "7707083893" } else { "" };
        text.push_str(&format!(
            "{:02}.01.2026;ТД-{doc};ООО «Клиент {}»;{inn};Товар {};{amount}\n",
            doc % 28 + 1,
            doc % 40,
            i % 30
        ));
    }
    text.push_str("Итого;;;;;\n");
    text.into_bytes()
}

/// The rows of `bytes` read `slice` rows at a time.
fn read_in_slices(bytes: &[u8], slice: usize) -> (Source, Vec<SourceRow>) {
    let mut steps = ReadSteps::new(bytes, None, None).unwrap();
    let mut last = (0, 1);
    while !steps.step(slice) {
        let now = steps.progress();
        assert!(now.0 >= last.0 && now.0 <= now.1, "progress only grows");
        last = now;
    }
    assert_eq!(steps.progress().0, steps.progress().1);
    steps.finish()
}

/// The preview of `table` worked out `slice` rows at a time.
fn preview_in_slices(
    ws: &crate::domain::Workspace,
    table: &DataTable,
    mapping: &Mapping,
    slice: usize,
) -> Preview {
    let mut steps = PreviewSteps::new(ws, mapping, &options());
    let mut new_id = ids();
    let mut rounds = 0;
    while !steps.step(ws, table, &mut new_id, slice) {
        rounds += 1;
        assert_eq!(steps.rows_done(), (rounds * slice).min(table.rows.len()));
    }
    steps.finish(ws, table)
}

fn same_in_slices(bytes: &[u8], target: Target) {
    let whole = read_file(bytes, None, None).unwrap();
    let table = find_table(whole.1.clone()).unwrap();
    let mapping = Mapping::guess(&table.headers, target);
    let ws = workspace();
    let one_pass = preview(&ws, &table, &mapping, &options(), &mut ids());
    for slice in [1, 7, 1000] {
        assert_eq!(read_in_slices(bytes, slice), whole, "rows, {slice} a slice");
        let stepped = preview_in_slices(&ws, &table, &mapping, slice);
        assert_eq!(stepped, one_pass, "preview, {slice} a slice");
    }
    // And applied, the same workspace.
    let (mut a, mut b) = (ws.clone(), ws.clone());
    apply(&mut a, &one_pass.plan, d0(), later(61)).unwrap();
    let stepped = preview_in_slices(&ws, &table, &mapping, 13);
    apply(&mut b, &stepped.plan, d0(), later(61)).unwrap();
    assert_eq!(a, b);
}

#[test]
fn a_1c_report_is_the_same_in_slices() {
    same_in_slices(SALES_1C, Target::Orders);
}

#[test]
fn a_client_list_is_the_same_in_slices() {
    same_in_slices(CRM_CLIENTS, Target::Clients);
}

#[test]
fn a_workbook_is_the_same_in_slices() {
    same_in_slices(
        include_bytes!("../../../tests/fixtures/import/1c-sales.xlsx"),
        Target::Orders,
    );
}

#[test]
fn a_synthetic_order_file_is_the_same_in_slices() {
    let bytes = synthetic(3_000);
    same_in_slices(&bytes, Target::Orders);
    let (_, rows) = read_file(&bytes, None, None).unwrap();
    let table = find_table(rows).unwrap();
    let mapping = Mapping::guess(&table.headers, Target::Orders);
    let p = preview(&workspace(), &table, &mapping, &options(), &mut ids());
    assert!(
        p.orders.added > 900 && p.orders.skipped > 10,
        "{:?}",
        p.orders
    );
}
