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

#[test]
#[ignore]
fn hundred_thousand_rows_in_steps() {
    let mut text = String::from(
        "Дата;Документ;Контрагент;Номенклатура;Номенклатурная группа;Количество;Сумма с НДС\n",
    );
    for i in 0..100_000 {
        let doc = i / 5;
        text.push_str(&format!(
            "{:02}.{:02}.2025 10:00:00;ТД00-{doc:06};ООО «Клиент {}»;Товар {};Группа {};{};{} {:03},{:02}\n",
            doc % 28 + 1,
            (doc / 28) % 12 + 1,
            doc % 2000,
            i % 200,
            i % 20,
            1 + i % 9,
            1 + i % 90,
            i % 1000,
            i % 100
        ));
    }
    let ws = workspace();
    let t = Instant::now();
    let mut steps = ReadSteps::new(text.as_bytes(), None, None).unwrap();
    let new_ms = t.elapsed().as_millis();
    let t = Instant::now();
    while !steps.step(400) {}
    let (_, rows) = steps.finish();
    let rows_ms = t.elapsed().as_millis();
    let t = Instant::now();
    let table = find_table(rows).unwrap();
    let table_ms = t.elapsed().as_millis();
    let mapping = Mapping::guess(&table.headers, Target::Orders);
    let t = Instant::now();
    let mut p = PreviewSteps::new(&ws, &mapping, &options());
    let mut new_id = ids();
    while !p.step(&ws, &table, &mut new_id, 400) {}
    let check_ms = t.elapsed().as_millis();
    let t = Instant::now();
    let preview = p.finish(&ws, &table);
    let finish_ms = t.elapsed().as_millis();
    let t = Instant::now();
    let added = added_bytes(&ws, &preview.plan);
    let fit_ms = t.elapsed().as_millis();
    eprintln!("new {new_ms} ms, rows {rows_ms} ms, table {table_ms} ms, check {check_ms} ms, finish {finish_ms} ms, fit {fit_ms} ms ({added} B)");
    // The write and the undo: their steps, and the last step that changes the workspace.
    let mut ws = ws;
    let t = Instant::now();
    let mut steps = ApplySteps::new(&ws, &preview.plan);
    let mut longest = 0;
    loop {
        let step = Instant::now();
        let done = steps.step(&ws, &preview.plan, 250);
        longest = longest.max(step.elapsed().as_micros());
        if done {
            break;
        }
    }
    let steps_ms = t.elapsed().as_millis();
    let t = Instant::now();
    let applied = steps
        .finish(&mut ws, &preview.plan, d0(), later(61))
        .unwrap();
    let write_ms = t.elapsed().as_millis();
    let t = Instant::now();
    let mut undoing = UndoSteps::new(&applied);
    while !undoing.step(&ws, 250) {}
    let undo_steps_ms = t.elapsed().as_millis();
    let t = Instant::now();
    undoing.finish(&mut ws, &applied, d0(), later(62)).unwrap();
    let undo_ms = t.elapsed().as_millis();
    eprintln!("write: steps {steps_ms} ms (longest {longest} µs), last step {write_ms} ms; undo: steps {undo_steps_ms} ms, last step {undo_ms} ms");
}
