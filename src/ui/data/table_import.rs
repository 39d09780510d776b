//! Importing clients or orders from a spreadsheet or CSV file: pick a file → its encoding and
//! separator (detected, changeable) → a select per column → the preview with every problem row
//! → «Импортировать» → what was done, with «Отменить импорт». The work is the core's
//! ([`crate::import`]); this file only renders it and passes the person's choices.

use super::file::read_bytes;
use super::table_job::{options_for, Checked, Jobs};
use super::table_parts::{column_row, preview_view, progress_view, settings_view};
use crate::i18n::import::{describe_counts, describe_file_error, describe_table_error};
use crate::i18n::{fill, ImportText, Translate};
use crate::import::memory::{from_keys, signature, to_keys};
use crate::import::{
    find_table, Applied, DataTable, Field, Mapping, Separator, Source, Target, TextEncoding,
};
use crate::storage::{TableMapping, REMEMBERED_MAPPINGS};
use crate::ui::clock;
use crate::ui::state::{use_app, AppState};
use leptos::prelude::*;
use std::sync::Arc;

/// The file as read: where it came from and the table found in it, or why there is none.
#[derive(Clone, Debug, PartialEq)]
enum Loaded {
    Failed(String),
    Ready {
        name: String,
        source: Source,
        table: Arc<DataTable>,
    },
}

fn target_text(target: Target) -> ImportText {
    match target {
        Target::Clients => ImportText::TargetClients,
        Target::Orders => ImportText::TargetOrders,
    }
}

/// The mapping kept for a file with these headers, if it still fits them.
fn remembered_mapping(state: AppState, headers: &[String]) -> Option<Mapping> {
    let key = signature(headers);
    state.prefs.with_untracked(|p| {
        let kept = p.table_mappings.iter().find(|m| m.headers == key)?;
        from_keys(&kept.target, &kept.fields, headers.len())
    })
}

/// Keeps the mapping an import used, newest first, for the next file with the same headers.
fn remember_mapping(state: AppState, headers: &[String], mapping: &Mapping) {
    let key = signature(headers);
    let (target, fields) = to_keys(mapping);
    state.prefs.update(|p| {
        p.table_mappings.retain(|m| m.headers != key);
        p.table_mappings.insert(
            0,
            TableMapping {
                headers: key,
                target,
                fields,
            },
        );
        p.table_mappings.truncate(REMEMBERED_MAPPINGS);
    });
}

/// The import of a table, a panel of the data screen.
#[component]
pub fn TableImportPanel() -> impl IntoView {
    let state = use_app();
    let bytes = StoredValue::new(None::<(String, Arc<Vec<u8>>)>);
    let jobs = Jobs::new(state);
    let rights = crate::ui::sync::Rights::new(state);
    let checked = RwSignal::new(None::<Arc<Checked>>);
    let encoding = RwSignal::new(None::<TextEncoding>);
    let separator = RwSignal::new(None::<Separator>);
    let loaded = RwSignal::new(None::<Loaded>);
    let target = RwSignal::new(Target::Orders);
    let mapping = RwSignal::new(Vec::<Option<Field>>::new());
    let create_clients = RwSignal::new(true);
    let create_products = RwSignal::new(true);
    let restore_deleted = RwSignal::new(false);
    let applied = StoredValue::new(None::<Applied>);
    let undoing = StoredValue::new(false);
    let done = RwSignal::new(None::<String>);

    let guess = move || {
        let columns = loaded.with_untracked(|l| match l {
            Some(Loaded::Ready { table, .. }) => {
                Mapping::guess(&table.headers, target.get_untracked()).columns
            }
            _ => Vec::new(),
        });
        mapping.set(columns);
    };
    // A new file: as it was set up last time for the same headers; otherwise orders when its
    // columns make an order file, else a client list if they make one.
    let pick_target = move || {
        let remembered = loaded.with_untracked(|l| match l {
            Some(Loaded::Ready { table, .. }) => remembered_mapping(state, &table.headers),
            _ => None,
        });
        if let Some(m) = remembered {
            target.set(m.target);
            mapping.set(m.columns);
            return;
        }
        let fits = |t| {
            loaded.with_untracked(|l| match l {
                Some(Loaded::Ready { table, .. }) => {
                    Mapping::guess(&table.headers, t).check().is_ok()
                }
                _ => false,
            })
        };
        let chosen = if !fits(Target::Orders) && fits(Target::Clients) {
            Target::Clients
        } else {
            Target::Orders
        };
        target.set(chosen);
        guess();
    };
    // Reads the file (again) in slices, with the encoding and separator as set (detected where
    // unset); a new file then takes the mapping kept for its headers, or a guess.
    let read = move |new_file: bool| {
        let Some((name, file)) = bytes.get_value() else {
            return;
        };
        loaded.set(None);
        let (chosen_encoding, chosen_separator) =
            (encoding.get_untracked(), separator.get_untracked());
        jobs.read(file, chosen_encoding, chosen_separator, move |read| {
            let lang = state.lang();
            let result = match read {
                Err(e) => Loaded::Failed(describe_file_error(lang, &e)),
                Ok((source, rows)) => match find_table(rows) {
                    Err(e) => Loaded::Failed(describe_table_error(lang, &e).to_owned()),
                    Ok(table) => Loaded::Ready {
                        name,
                        source,
                        table: Arc::new(table),
                    },
                },
            };
            if let Loaded::Ready {
                source: Source::Text(settings),
                ..
            } = &result
            {
                encoding.set(Some(settings.encoding));
                separator.set(Some(settings.separator));
            }
            loaded.set(Some(result));
            if new_file {
                pick_target();
            } else {
                guess();
            }
        });
    };
    let reread = move || read(false);
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        done.set(None);
        jobs.cancel();
        read_bytes(file, move |name, read_result| match read_result {
            Err(size) => {
                let error = crate::import::FileError::TooLarge {
                    bytes: size,
                    limit: crate::import::read::MAX_FILE_BYTES,
                };
                bytes.set_value(None);
                loaded.set(Some(Loaded::Failed(describe_file_error(
                    state.lang(),
                    &error,
                ))));
            }
            Ok(file_bytes) => {
                bytes.set_value(Some((name, Arc::new(file_bytes))));
                encoding.set(None);
                separator.set(None);
                restore_deleted.set(false);
                read(true);
            }
        });
    };
    // Whether work is under way, as a memo: the preview and the button follow that, not each
    // percent of the bar (re-drawing the preview at every slice made each slice a long task).
    let working = Memo::new(move |_| jobs.busy.with(Option::is_some));
    let current_mapping = move || Mapping {
        target: target.get(),
        columns: mapping.get(),
    };
    // The preview, worked out again in slices whenever the file, the mapping, the choices or
    // the data change (another tab's save included), so what is confirmed is always what the
    // data is now.
    Effect::new(move |_| {
        state.ws.track();
        let mapping = current_mapping();
        let creates = (
            create_clients.get(),
            create_products.get(),
            restore_deleted.get(),
        );
        let table = loaded.with(|l| match l {
            Some(Loaded::Ready { table, .. }) => Some(table.clone()),
            _ => None,
        });
        checked.set(None);
        // An import being written is given up when the data (or a choice) changes: its plan
        // was made for the data as it was. Said, not done silently.
        if jobs.write_given_up() {
            done.set(Some(state.tr(ImportText::WriteInterrupted).to_owned()));
        }
        let Some(table) = table else { return };
        if mapping.check().is_err() {
            return;
        }
        let group = state.tr(ImportText::DefaultGroup).to_owned();
        let Some(options) = options_for(state, creates, group, clock::now()) else {
            return;
        };
        // With sync on, the rows the server would refuse are left out of the plan (tracked: a
        // login or a role change checks the rows again).
        let writer = rights.writer_if_syncing();
        jobs.check(state, table, mapping, options, writer, move |c| {
            checked.set(Some(Arc::new(c)))
        });
    });
    // The import written, and what the panel says of it.
    let finish = move |fresh: &Checked,
                       mapping: &Mapping,
                       did: Result<Applied, crate::domain::WorkspaceError>| {
        let fresh = &fresh.preview;
        match did {
            Ok(did) => {
                applied.set_value(Some(did));
                loaded.with_untracked(|l| {
                    if let Some(Loaded::Ready { table, .. }) = l {
                        remember_mapping(state, &table.headers, mapping);
                    }
                });
                let lang = state.lang();
                let mut summary = vec![ImportText::Imported.get(lang).to_owned()];
                if fresh.target == Target::Clients || fresh.clients.added > 0 {
                    summary.push(describe_counts(
                        lang,
                        ImportText::SummaryClients,
                        &fresh.clients,
                    ));
                }
                if fresh.target == Target::Orders {
                    summary.push(describe_counts(
                        lang,
                        ImportText::SummaryOrders,
                        &fresh.orders,
                    ));
                }
                state.notify(ImportText::Imported.get(lang));
                done.set(Some(summary.join(" ")));
                loaded.set(None);
                bytes.set_value(None);
            }
            Err(e) => done.set(Some(crate::i18n::describe_workspace_error(
                state.lang(),
                &e,
            ))),
        }
    };
    let confirm = move |_| {
        let Some(fresh) = checked.get_untracked() else {
            return;
        };
        if !fresh.fit.allows() {
            return;
        }
        let mapping = Mapping {
            target: target.get_untracked(),
            columns: mapping.get_untracked(),
        };
        done.set(None);
        let kept = fresh.clone();
        jobs.write(state, fresh, move |did| finish(&kept, &mapping, did));
    };
    let undo_import = move |_| {
        let Some(did) = applied.get_value() else {
            return;
        };
        undoing.set_value(true);
        jobs.undo(state, did, move |result| {
            undoing.set_value(false);
            match result {
                Ok(()) => {
                    applied.set_value(None);
                    done.set(Some(state.tr(ImportText::Undone).to_owned()));
                    state.notify(state.tr(ImportText::Undone));
                }
                Err(e) => done.set(Some(crate::i18n::describe_workspace_error(
                    state.lang(),
                    &e,
                ))),
            }
        });
    };
    let close = move |_| {
        jobs.cancel();
        loaded.set(None);
        bytes.set_value(None);
    };
    // «Отмена» while the file is read, checked or written: the file is let go and nothing
    // changes. While an import is undone: it stays, and can be undone again.
    let cancel = move || {
        jobs.cancel();
        if undoing.get_value() {
            undoing.set_value(false);
            done.set(Some(state.tr(ImportText::UndoCancelled).to_owned()));
            return;
        }
        loaded.set(None);
        bytes.set_value(None);
        done.set(Some(state.tr(ImportText::Cancelled).to_owned()));
    };
    view! {
        <div class="panel data-table-panel" data-testid="table-import">
            <h2>{state.text(ImportText::TableTitle)}</h2>
            <p class="hint">{state.text(ImportText::TableHint)}</p>
            <label class="button secondary data-file-button">
                {state.text(ImportText::ChooseTable)}
                <input type="file" accept=".xlsx,.csv,.tsv,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    class="visually-hidden" on:change=on_pick data-testid="table-file"/>
            </label>
            {progress_view(state, jobs.busy, cancel)}
            {move || done.get().map(|summary| view! {
                <div class="data-table-done" role="status">
                    <p data-testid="table-result">{summary}</p>
                    {applied.with_value(Option::is_some).then(|| view! {
                        <button type="button" class="secondary" on:click=undo_import data-testid="table-undo">{state.text(ImportText::UndoImport)}</button>
                    })}
                </div>
            })}
            {move || loaded.with(|l| match l {
                None => ().into_any(),
                Some(Loaded::Failed(message)) => view! {
                    <p class="banner banner-error" role="alert" data-testid="table-error">{message.clone()}</p>
                }.into_any(),
                Some(Loaded::Ready { name, source, table }) => {
                    let about = match source {
                        Source::Workbook { sheet } => fill(state.tr(ImportText::SheetName), &[sheet]),
                        Source::Text(_) => String::new(),
                    };
                    let text_file = matches!(source, Source::Text(_));
                    let samples: Vec<String> = table.rows.first().map(|r| r.cells.iter().map(|c| c.text()).collect()).unwrap_or_default();
                    let rows = table
                        .headers
                        .iter()
                        .enumerate()
                        .map(|(i, header)| column_row(state, i, header.clone(), samples.get(i).cloned().unwrap_or_default(), target, mapping))
                        .collect_view();
                    view! {
                        <div class="data-table-setup" data-testid="table-setup">
                            <h3>{fill(state.tr(ImportText::FileName), &[name])}" "<span class="muted">{about}</span></h3>
                            <p class="muted" data-testid="table-shape">{fill(state.tr(ImportText::SummaryTable), &[&table.header_row.to_string(), &table.rows.len().to_string()])}</p>
                            {text_file.then(|| settings_view(state, encoding, separator, reread))}
                            <label class="field">
                                <span>{state.text(ImportText::TargetLabel)}</span>
                                <select data-testid="table-target" on:change=move |ev| {
                                    target.set(if event_target_value(&ev) == "clients" { Target::Clients } else { Target::Orders });
                                    guess();
                                }>
                                    {[(Target::Orders, "orders"), (Target::Clients, "clients")].into_iter().map(|(t, key)| view! {
                                        <option value=key selected=move || target.get() == t>{state.text(target_text(t))}</option>
                                    }).collect_view()}
                                </select>
                            </label>
                            <div class="table-wrap">
                                <table class="data-table-mapping stacked">
                                    <thead><tr>
                                        <th>{state.text(ImportText::ColumnHeader)}</th>
                                        <th>{state.text(ImportText::SampleHeader)}</th>
                                        <th>{state.text(ImportText::FieldHeader)}</th>
                                    </tr></thead>
                                    <tbody>{rows}</tbody>
                                </table>
                            </div>
                            <label class="check"><input type="checkbox" prop:checked=move || create_clients.get()
                                on:change=move |ev| create_clients.set(event_target_checked(&ev)) data-testid="table-create-clients"/>
                                <span>{state.text(ImportText::CreateClients)}</span></label>
                            <label class="check"><input type="checkbox" prop:checked=move || create_products.get()
                                on:change=move |ev| create_products.set(event_target_checked(&ev)) data-testid="table-create-products"/>
                                <span>{state.text(ImportText::CreateProducts)}</span></label>
                            <Show when=move || restore_deleted.get() || checked.with(|p| p.as_ref().is_some_and(|p| p.preview.problems.iter().any(|p| matches!(p.problem, crate::import::RowProblem::DeletedEarlier { .. }))))>
                                <label class="check"><input type="checkbox" prop:checked=move || restore_deleted.get()
                                    on:change=move |ev| restore_deleted.set(event_target_checked(&ev)) data-testid="table-restore-deleted"/>
                                    <span>{state.text(ImportText::RestoreDeleted)}</span></label>
                            </Show>
                            {move || preview_view(state, current_mapping(), checked.get(), working.get())}
                            <div class="form-actions">
                                <button type="button" class="primary" on:click=confirm data-testid="table-confirm"
                                    disabled=move || working.get() || checked.with(|p| p.as_ref().is_none_or(|p| p.preview.plan.is_empty() || !p.fit.allows()))>
                                    {state.text(ImportText::ImportButton)}
                                </button>
                                <button type="button" class="secondary" on:click=close data-testid="table-close">{state.text(ImportText::CloseTable)}</button>
                            </div>
                        </div>
                    }.into_any()
                }
            })}
        </div>
    }
}

/// The element an event came from, as the element type the handler expects.
fn event_target<T: wasm_bindgen::JsCast>(ev: &leptos::ev::Event) -> T {
    ev.target()
        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<T>(t).ok())
        .expect("the handler is on an element of this type")
}
