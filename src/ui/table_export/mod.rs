//! «Скачать .xlsx» and «CSV» for a table a screen shows: the screen hands over a function that
//! builds the table (typed cells, headings in words) at the click, and the core writes it.

use crate::domain::dates::iso_date;
use crate::i18n::sheet::SheetWords;
use crate::i18n::SheetText;
use crate::sheet::csv::table_csv;
use crate::sheet::{write_xlsx, Table, XLSX_MIME};
use crate::ui::clock;
use crate::ui::download::{download_bytes, download_text};
use crate::ui::state::{use_app, AppState};
use leptos::prelude::*;

/// The labels of an export in the interface's language and the person's calendar.
pub fn sheet_words(state: AppState) -> SheetWords {
    SheetWords {
        lang: state.lang(),
        day: clock::date_of,
    }
}

/// The file name of a table's export: `salesdesk-<key>-<day>.<ext>`.
pub fn table_file_name(state: AppState, key: &str, ext: &str) -> String {
    format!(
        "salesdesk-{key}-{}.{ext}",
        iso_date(state.today_untracked())
    )
}

/// Offers `table` as an `.xlsx` workbook of one sheet.
pub fn download_xlsx(state: AppState, key: &str, table: &Table) {
    let bytes = write_xlsx(std::slice::from_ref(table));
    download_bytes(&table_file_name(state, key, "xlsx"), &bytes, XLSX_MIME);
}

/// The two buttons; `key` names the files and the buttons' test ids (`xlsx-<key>`,
/// `csv-<key>`). `csv` false leaves out the CSV button (where the screen already has one).
#[component]
pub fn TableExport(
    key: &'static str,
    #[prop(into)] table: Callback<(), Table>,
    #[prop(default = true)] csv: bool,
) -> impl IntoView {
    let state = use_app();
    let xlsx = move |_| download_xlsx(state, key, &table.run(()));
    let csv_file = move |_| {
        let text = table_csv(&table.run(()));
        download_text(
            &table_file_name(state, key, "csv"),
            &text,
            "text/csv;charset=utf-8",
        );
    };
    view! {
        <span class="table-export">
            <button type="button" class="link" on:click=xlsx data-testid=format!("xlsx-{key}")>
                {state.text(SheetText::DownloadXlsx)}
            </button>
            {csv.then(|| view! {
                <button type="button" class="link" on:click=csv_file data-testid=format!("csv-{key}")>
                    {state.text(SheetText::DownloadCsv)}
                </button>
            })}
        </span>
    }
}
