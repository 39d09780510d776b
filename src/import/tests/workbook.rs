//! An `.xlsx` export of a sales report: a title block, dates as date-formatted serials, money as
//! numbers with a «₽» format (one written by Excel in exponent form, one with a binary
//! artefact), rich text, an entity, and a totals row with a formula.

use super::*;
use crate::domain::money::Money;
use chrono::NaiveDate;

const SALES_XLSX: &[u8] = include_bytes!("../../../tests/fixtures/import/1c-sales.xlsx");

#[test]
fn an_xlsx_report_reads_like_its_csv() {
    let (source, rows) = read_file(SALES_XLSX, None, None).unwrap();
    assert_eq!(
        source,
        Source::Workbook {
            sheet: "Продажи".into()
        }
    );
    let table = find_table(rows).unwrap();
    assert_eq!(
        (table.header_row, table.skipped_above, table.skipped_below),
        (4, 2, 1)
    );
    assert_eq!(table.headers[..3], ["", "Дата", "Номер"]);
    let first = &table.rows[0];
    assert_eq!(first.number, 5);
    let day = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
    assert_eq!(first.cells[1], Cell::Date(day));
    assert_eq!(
        table.rows[0].cells[5],
        Cell::Text("Гофрокороб 40x30".into()),
        "phonetic runs skipped"
    );
    assert_eq!(
        table.rows[3].cells[3],
        Cell::Text("Торговый дом \"Ёлка & Ко\"".into())
    );
    assert_eq!(table.rows[3].cells[7], Cell::Number("2100".into()));

    let mapping = Mapping::guess(&table.headers, Target::Orders);
    assert_eq!(mapping.check(), Ok(()));
    let ws = workspace();
    let preview = preview(&ws, &table, &mapping, &options(), &mut ids());
    assert_eq!(
        preview.orders,
        Counts {
            added: 3,
            matched: 0,
            updated: 0,
            skipped: 0
        }
    );
    assert!(preview.problems.is_empty(), "{:?}", preview.problems);
    let totals: Vec<Money> = preview.plan.new_orders.iter().map(|o| o.total()).collect();
    assert_eq!(
        totals,
        [
            Money::from_kopecks(2_084_050),
            Money::from_kopecks(30),
            Money::from_rubles(2_100)
        ]
    );
    assert_eq!(preview.plan.new_orders[0].date, day);
}

#[test]
fn the_same_documents_from_csv_and_xlsx_are_the_same_orders() {
    let ws = workspace();
    let (_, csv, csv_mapping) = read(SALES_1C, Target::Orders);
    let from_csv = preview(&ws, &csv, &csv_mapping, &options(), &mut ids());
    let (_, rows) = read_file(SALES_XLSX, None, None).unwrap();
    let xlsx = find_table(rows).unwrap();
    let xlsx_mapping = Mapping::guess(&xlsx.headers, Target::Orders);
    let from_xlsx = preview(&ws, &xlsx, &xlsx_mapping, &options(), &mut ids());
    assert_eq!(
        from_csv.plan.new_orders[0].id,
        from_xlsx.plan.new_orders[0].id
    );
}

#[test]
fn excel_numbers_and_formats_are_read_as_written() {
    use crate::import::workbook::{column_of, is_date_format, plain_decimal};
    assert_eq!(plain_decimal("2.1E3"), "2100");
    assert_eq!(plain_decimal("1.5E-3"), "0.0015");
    assert_eq!(plain_decimal("-1.25E1"), "-12.5");
    assert_eq!(plain_decimal("12.5"), "12.5");
    assert!(is_date_format("dd.mm.yyyy"));
    assert!(is_date_format("[$-419]d mmmm yyyy"));
    assert!(!is_date_format("#,##0.00\\ \"₽\""));
    assert!(!is_date_format("\"day\" 0"));
    assert_eq!(column_of("A1"), Some(0));
    assert_eq!(column_of("AB12"), Some(27));
    assert_eq!(column_of("12"), None);
}

#[test]
fn broken_and_protected_workbooks_are_refused() {
    let mut cut = SALES_XLSX.to_vec();
    cut.truncate(cut.len() - 30);
    assert!(matches!(
        read_file(&cut, None, None),
        Err(FileError::Workbook(_))
    ));
    let not_a_workbook = crate::import::zip::tests::zip(&[("content.xml", b"<office/>")]);
    assert_eq!(
        read_file(&not_a_workbook, None, None),
        Err(FileError::NotATable)
    );
    let ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 EncryptedPackage";
    assert_eq!(read_file(ole, None, None), Err(FileError::ProtectedOrOld));
}
