//! How long each step takes on a 100 000-row order file (run with `--ignored --nocapture`).

use super::*;
use std::time::Instant;

#[test]
#[ignore]
fn hundred_thousand_rows() {
    let mut text = String::from("Дата;Документ;Контрагент;Номенклатура;Сумма с НДС\n");
    for i in 0..100_000 {
        let doc = i / 5;
        text.push_str(&format!(
            "{:02}.{:02}.2025 10:00:00;ТД00-{doc:06};ООО «Клиент {}»;Товар {};{} {:03},{:02}\n",
            doc % 28 + 1,
            (doc / 28) % 12 + 1,
            doc % 2000,
            i % 200,
            1 + i % 90,
            i % 1000,
            i % 100
        ));
    }
    let ws = workspace();
    let t = Instant::now();
    let (_, rows) = read::read_text(text.as_bytes(), None, None);
    let read_ms = t.elapsed().as_millis();
    let t = Instant::now();
    let table = find_table(rows).unwrap();
    let table_ms = t.elapsed().as_millis();
    let mapping = Mapping::guess(&table.headers, Target::Orders);
    let t = Instant::now();
    let preview = preview(&ws, &table, &mapping, &options(), &mut ids());
    let preview_ms = t.elapsed().as_millis();
    let mut ws = ws;
    let t = Instant::now();
    apply(&mut ws, &preview.plan, d0(), later(61)).unwrap();
    let apply_ms = t.elapsed().as_millis();
    eprintln!("read {read_ms} ms, table {table_ms} ms, preview {preview_ms} ms, apply {apply_ms} ms; {:?}", preview.orders);
}
