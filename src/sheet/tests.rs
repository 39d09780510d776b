//! The writer's cells, names and files, and the workbook read back by `calamine` (a
//! dev-dependency: the reader Excel users' tools are built on, not ours).

use super::cell::excel_serial;
use super::csv::{defuse, table_csv};
use super::labels::{Heading, Labels};
use super::workspace::workspace_book;
use super::*;
use crate::domain::dates::Timestamp;
use crate::domain::qualification::Verdict;
use crate::domain::team::JobTitle;
use crate::domain::{ClientStatus, Money, Stage};
use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use chrono::NaiveDate;
use std::io::Cursor;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn sample() -> Table {
    Table {
        name: "Клиенты: март/апрель [2026]?".to_owned(),
        columns: vec![
            Column::new("Компания", Kind::Text),
            Column::new("Сумма", Kind::Money),
            Column::new("Дата", Kind::Date),
            Column::new("Заказов", Kind::Integer),
            Column::new("Доля", Kind::Percent),
        ],
        rows: vec![
            vec![
                "=HYPERLINK(\"http://evil\")".into(),
                Cell::Money(Money::from_kopecks(123_456)),
                Cell::Date(day(2026, 3, 10)),
                Cell::Integer(42),
                Cell::Percent(2_534),
            ],
            vec![
                "ООО «Рога & Копыта» <b>\u{1}".into(),
                Cell::Money(Money::from_kopecks(-5)),
                Cell::Empty,
                Cell::Integer(-3),
                Cell::Percent(10_000),
            ],
        ],
    }
}

fn read(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
    open_workbook_from_rs(Cursor::new(bytes)).expect("calamine opens the workbook")
}

#[test]
fn numbers_are_built_from_integers() {
    assert_eq!(
        Cell::Money(Money::from_kopecks(123_456)).number().unwrap(),
        "1234.56"
    );
    assert_eq!(
        Cell::Money(Money::from_kopecks(-5)).number().unwrap(),
        "-0.05"
    );
    assert_eq!(
        Cell::Money(Money::from_kopecks(100)).number().unwrap(),
        "1.00"
    );
    assert_eq!(Cell::Percent(2_534).number().unwrap(), "0.2534");
    assert_eq!(Cell::Percent(10_000).number().unwrap(), "1");
    assert_eq!(Cell::Percent(2_534).text(), "25.34%");
    // Orders a month, groups per client: two decimals kept, in hundredths.
    assert_eq!(Cell::Decimal(125).number().unwrap(), "1.25");
    assert_eq!(Cell::Decimal(200).number().unwrap(), "2.00");
    assert_eq!(Cell::Decimal(7).text(), "0.07");
    let table = Table {
        name: "t".into(),
        columns: vec![Column::new("Заказов в месяц", Kind::Decimal)],
        rows: vec![vec![Cell::Decimal(125)]],
    };
    assert!(crate::sheet::csv::table_csv(&table).contains("1,25"));
    assert_eq!(Cell::Date(day(2026, 3, 10)).text(), "10.03.2026");
    assert_eq!(excel_serial(day(1900, 3, 1)), 61);
    assert_eq!(excel_serial(day(2026, 3, 10)), 46_091);
    assert_eq!(Cell::Text("x".into()).number(), None);
}

#[test]
fn sheet_names_follow_excels_rules() {
    assert_eq!(sheet_name("a[b]c:d*e?f/g\\h", &[]), "a b c d e f g h");
    let long = "Очень длинное название листа для таблицы";
    assert_eq!(sheet_name(long, &[]).chars().count(), 31);
    assert_eq!(sheet_name("'Заказы'", &[]), "Заказы");
    assert_eq!(sheet_name("  ", &[]), "Sheet");
    let taken = vec!["Заказы".to_owned()];
    assert_eq!(sheet_name("заказы", &taken), "заказы (2)");
    let taken = vec![sheet_name(long, &[])];
    let second = sheet_name(long, &taken);
    assert!(
        second.ends_with(" (2)") && second.chars().count() <= 31,
        "{second}"
    );
}

#[test]
fn csv_defuses_formulas_and_writes_decimal_commas() {
    for bad in ["=1+2", "+7 900", "-2", "@SUM(A1)", "\tx", "\rx"] {
        assert_eq!(defuse(bad), format!("'{bad}"));
    }
    assert_eq!(defuse("ООО Ромашка"), "ООО Ромашка");
    assert_eq!(defuse("a=b"), "a=b");
    let csv = table_csv(&sample());
    assert!(
        csv.starts_with("\u{feff}Компания;Сумма;Дата;Заказов;Доля\r\n"),
        "{csv}"
    );
    assert!(
        csv.contains("\"'=HYPERLINK(\"\"http://evil\"\")\";1234,56;10.03.2026;42;25,34%\r\n"),
        "{csv}"
    );
    // Numbers are ours, not user text: a negative amount stays a number.
    assert!(csv.contains(";-0,05;;-3;100%\r\n"), "{csv}");
}

#[test]
fn the_xlsx_never_holds_a_formula_and_escapes_text() {
    let bytes = write_xlsx(&[sample()]);
    let mut book = read(bytes.clone());
    let name = book.sheet_names()[0].clone();
    assert_eq!(name, "Клиенты  март апрель  2026");
    let formulas = book.worksheet_formula(&name).unwrap();
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()));
    let range = book.worksheet_range(&name).unwrap();
    assert_eq!(
        range.get((1, 0)),
        Some(&Data::String("=HYPERLINK(\"http://evil\")".into()))
    );
    assert_eq!(
        range.get((2, 0)),
        Some(&Data::String("ООО «Рога & Копыта» <b>\u{1}".into()))
    );
}

#[test]
fn calamine_reads_back_headings_money_dates_and_numbers() {
    let mut book = read(write_xlsx(&[sample(), Table::default()]));
    assert_eq!(book.sheet_names().len(), 2);
    let range = book
        .worksheet_range(&book.sheet_names()[0].clone())
        .unwrap();
    let heads: Vec<String> = (0..5)
        .map(|c| range.get((0, c)).unwrap().to_string())
        .collect();
    assert_eq!(heads, ["Компания", "Сумма", "Дата", "Заказов", "Доля"]);
    assert_eq!(range.get((1, 1)), Some(&Data::Float(1234.56)));
    match range.get((1, 2)) {
        Some(Data::DateTime(d)) => {
            assert!(d.is_datetime());
            assert_eq!(d.as_f64(), 46_091.0);
        }
        other => panic!("not a date: {other:?}"),
    }
    assert_eq!(range.get((1, 3)), Some(&Data::Float(42.0)));
    assert_eq!(range.get((1, 4)), Some(&Data::Float(0.2534)));
    assert!(matches!(range.get((2, 2)), None | Some(Data::Empty)));
    assert_eq!(range.get((2, 1)), Some(&Data::Float(-0.05)));
}

/// Russian words and a fixed calendar, as the app's labels give them.
struct Words;

impl Labels for Words {
    fn heading(&self, heading: Heading) -> String {
        format!("{heading:?}")
    }
    fn status(&self, status: ClientStatus) -> String {
        format!("{status:?}")
    }
    fn stage(&self, stage: &Stage) -> String {
        stage.id.to_string()
    }
    fn verdict(&self, verdict: Verdict) -> String {
        format!("{verdict:?}")
    }
    fn job_title(&self, title: JobTitle) -> String {
        format!("{title:?}")
    }
    fn day(&self, at: Timestamp) -> NaiveDate {
        crate::domain::dates::local_date(at, 180)
    }
}

#[test]
fn the_workspace_book_has_a_sheet_per_record_kind_with_every_order_line() {
    let today = day(2026, 3, 10);
    let ws = crate::testkit::synth_workspace::synth_workspace(5, 300, 4_500, today);
    let lines: usize = ws.orders.iter().map(|o| o.lines.len()).sum();
    let mut book = read(workspace_book(&ws, &Words));
    assert_eq!(
        book.sheet_names(),
        [
            "ClientsSheet",
            "DealsSheet",
            "OrdersSheet",
            "ProductsSheet",
            "AssessmentsSheet",
            "TransfersSheet",
            "TeamSheet"
        ]
    );
    let clients = book.worksheet_range("ClientsSheet").unwrap();
    assert_eq!(clients.height(), ws.clients.len() + 1);
    assert_eq!(
        clients.get((1, 0)),
        Some(&Data::String(ws.clients[0].name.clone()))
    );
    let orders = book.worksheet_range("OrdersSheet").unwrap();
    assert_eq!(orders.height(), lines + 1);
    let first = &ws.orders[0];
    match orders.get((1, 0)) {
        Some(Data::DateTime(d)) => assert_eq!(d.as_f64() as i64, excel_serial(first.date)),
        other => panic!("not a date: {other:?}"),
    }
    let kopecks = first.lines[0].amount.kopecks();
    assert_eq!(
        orders.get((1, 6)),
        Some(&Data::Float(kopecks as f64 / 100.0))
    );
    let team = book.worksheet_range("TeamSheet").unwrap();
    assert_eq!(team.height(), ws.members.len() + 1);
}
