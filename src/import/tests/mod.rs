//! The import from file to workspace on realistic files (`tests/fixtures/import/`): a 1C sales
//! report saved as a Windows-1251 `;` CSV, and an amoCRM-style client export in UTF-8 with a BOM.

mod apply_steps;
mod fit;
mod orders;
mod rights;
mod speed;
mod steps;
mod workbook;

use super::*;
use crate::domain::client::ClientStatus;
use crate::domain::ids::Id;
use crate::testkit::fixtures::*;

const SALES_1C: &[u8] = include_bytes!("../../../tests/fixtures/import/1c-sales-cp1251.csv");
const CRM_CLIENTS: &[u8] = include_bytes!("../../../tests/fixtures/import/amocrm-clients.csv");

/// Ids `n1`, `n2`, … in order, so tests can name what an import creates.
fn ids() -> impl FnMut() -> Id {
    let mut n = 0;
    move || {
        n += 1;
        Id::from_raw(format!("n{n}"))
    }
}

fn options() -> Options {
    Options {
        owner: Id::from_raw("ivan"),
        create_clients: true,
        create_products: true,
        restore_deleted: false,
        group: GroupChoice::Named("Импорт".into()),
        now: later(60),
    }
}

/// The workspace of the tests: three clients, «ООО «Вектор»» with its ИНН, a catalogue.
fn workspace() -> crate::domain::Workspace {
    let mut ws = catalogue_workspace();
    ws.clients[0].inn = Some("7707083893".into());
    ws
}

/// Reads a file the way the import screen does, with the detected settings and guessed mapping.
fn read(bytes: &[u8], target: Target) -> (TextSettings, DataTable, Mapping) {
    assert_eq!(read::check_file(bytes), Ok(FileKind::Text));
    let (settings, rows) = read::read_text(bytes, None, None);
    let table = find_table(rows).unwrap();
    let mapping = Mapping::guess(&table.headers, target);
    (settings, table, mapping)
}

fn problems(preview: &Preview) -> Vec<(usize, RowProblem)> {
    (preview.problems.iter())
        .map(|p| (p.row, p.problem.clone()))
        .collect()
}

#[test]
fn a_crm_client_export_adds_updates_and_says_what_it_skipped() {
    let (settings, table, mapping) = read(CRM_CLIENTS, Target::Clients);
    assert_eq!(settings.encoding, TextEncoding::Utf8);
    assert_eq!(settings.separator, Separator::Comma);
    assert_eq!(table.headers[0], "ID", "the byte-order mark is gone");
    assert_eq!(mapping.check(), Ok(()));
    let mut ws = workspace();
    let preview = preview(&ws, &table, &mapping, &options(), &mut ids());
    assert_eq!(
        preview.clients,
        Counts {
            added: 2,
            matched: 0,
            updated: 2,
            skipped: 2
        }
    );
    assert_eq!(
        problems(&preview),
        [
            (
                4,
                RowProblem::UnknownOwner {
                    name: "Неизвестный Менеджер".into()
                }
            ),
            (
                5,
                RowProblem::BadInn {
                    text: "1234567890".into(),
                    error: crate::domain::inn::InnError::BadChecksum
                }
            ),
            (6, RowProblem::RepeatedInFile { first_row: 2 }),
            (7, RowProblem::UnknownStatus { text: "VIP".into() }),
        ]
    );
    let applied = apply(&mut ws, &preview.plan, d0(), later(61)).unwrap();
    assert_eq!(applied.clients_added.len(), 2);
    let vector = ws.client(&Id::from_raw("c1")).unwrap();
    assert_eq!(vector.contact.phone, "+7 912 345-67-89");
    assert_eq!(vector.status, ClientStatus::Regular);
    assert_eq!(
        vector.name, "ООО «Вектор»",
        "the same name written with other quotes stays"
    );
    let alpha = ws.client(&Id::from_raw("n1")).unwrap();
    assert_eq!(alpha.owner_id, Id::from_raw("olga"));
    assert_eq!(alpha.notes, "Звонить после 15:00, просили КП");
    assert_eq!(
        ws.client(&Id::from_raw("c3")).unwrap().owner_id,
        Id::from_raw("ivan")
    );
    assert!(ws.integrity_problems().is_empty());

    // The same file again: nothing new, nothing to change.
    let again = super::preview(&ws, &table, &mapping, &options(), &mut ids());
    assert_eq!(
        again.clients,
        Counts {
            added: 0,
            matched: 4,
            updated: 0,
            skipped: 2
        }
    );
    assert!(again.plan.is_empty());
}

#[test]
fn undo_takes_a_client_import_back() {
    let (_, table, mapping) = read(CRM_CLIENTS, Target::Clients);
    let mut ws = workspace();
    let before = ws.clone();
    let preview = preview(&ws, &table, &mapping, &options(), &mut ids());
    let applied = apply(&mut ws, &preview.plan, d0(), later(61)).unwrap();
    undo(&mut ws, &applied, d0(), later(62)).unwrap();
    assert_eq!(ws.clients.len(), before.clients.len());
    for (now, then) in ws.clients.iter().zip(&before.clients) {
        assert_eq!(
            (&now.name, &now.contact, now.status),
            (&then.name, &then.contact, then.status)
        );
    }
    assert!(ws.removed.iter().any(|t| t.id.as_str() == "n1"));
}

#[test]
fn files_that_are_not_tables_are_refused() {
    assert_eq!(read::check_file(b"PK\x03\x04rest"), Ok(FileKind::Zip));
    assert_eq!(
        read::check_file(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1..."),
        Err(FileError::ProtectedOrOld)
    );
    assert_eq!(
        read::check_file(b"\x89PNG\r\n\x1a\n\0\0"),
        Err(FileError::NotATable)
    );
    let big = vec![b'a'; read::MAX_FILE_BYTES + 1];
    assert!(matches!(
        read::check_file(&big),
        Err(FileError::TooLarge { .. })
    ));
    let (_, rows) = read::read_text(b"\n;;\n", None, None);
    assert_eq!(find_table(rows), Err(TableError::Empty));
}
