use super::backup::{replace_with_backup, write_merged};
use super::file::{read_file, DroppedFile, PickedFile};
use super::preview::{preview_view, removals_view};
use super::table_job::Jobs;
use super::table_parts::progress_view;
use crate::domain::dates::format_date;
use crate::domain::views::duplicates::{DuplicateMatch, MatchReason};
use crate::domain::Id;
use crate::i18n::report::report_text;
use crate::i18n::restore::describe_restore_error;
use crate::i18n::snapshot::merge_summary;
use crate::i18n::{fill, SnapshotText, Text, Translate};
use crate::restore::RestoreError;
use crate::route::{href, Route};
use crate::snapshot::{ImportPreview, ImportReport, PreviewReady, Snapshot, MAX_SNAPSHOT_BYTES};
use crate::ui::clock;
use crate::ui::download::download_text;
use crate::ui::state::use_app;
use crate::ui::team::TeamSummary;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Where the import stands. The file's data lives in a `StoredValue` beside it: it can be large
/// and is never compared or rendered whole.
#[derive(Clone, Debug, PartialEq)]
enum Step {
    Idle,
    Reading,
    Rejected {
        name: String,
        problems: Vec<String>,
        more: usize,
    },
    Preview {
        name: String,
    },
    Viewing {
        name: String,
    },
    Done {
        summary: String,
        report: Option<ImportReport>,
    },
}

/// A file read and its preview, with the count of the data's changes the preview holds for.
struct Loaded {
    snapshot: Snapshot,
    preview: ImportPreview,
    seen: u64,
}

/// The file's clients that look like mine: (their name, my id, my name, why), names looked up
/// by id.
fn duplicate_names(
    state: crate::ui::state::AppState,
    snapshot: &Snapshot,
    found: &[(Id, DuplicateMatch)],
) -> Vec<(String, Id, String, MatchReason)> {
    if found.is_empty() {
        return Vec::new();
    }
    let names = |clients: &[crate::domain::Client]| {
        let mut by_id = std::collections::HashMap::new();
        for c in clients {
            by_id.entry(c.id.clone()).or_insert_with(|| c.name.clone());
        }
        by_id
    };
    let theirs = names(&snapshot.workspace.clients);
    let mine = state.ws.with_untracked(|ws| names(&ws.clients));
    found
        .iter()
        .filter_map(|(their_id, m)| {
            let their_name = theirs.get(their_id)?.clone();
            let my_name = mine.get(&m.client_id)?.clone();
            Some((their_name, m.client_id.clone(), my_name, m.reason))
        })
        .collect()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Merge,
    Replace,
}

/// Choose or drop a file → read and check it → preview against my data → merge or replace
/// (or just look) → the report. Nothing is written before «Загрузить».
#[component]
pub fn ImportPanel() -> impl IntoView {
    let state = use_app();
    let step = RwSignal::new(Step::Idle);
    let loaded = StoredValue::new(None::<Loaded>);
    let mode = RwSignal::new(Mode::Merge);
    // Deletions need an explicit yes, for the mode chosen.
    let deletions_ok = RwSignal::new(false);
    // The file was not exported by the director and tried to change the director's records.
    let director_set_aside = RwSignal::new(false);
    // Changes dated ahead of this device's clock: how many, and the latest.
    let future = RwSignal::new((0usize, None::<crate::domain::dates::Timestamp>));
    // Clients of the file that look like one of mine under another id: (their name, my id,
    // my name, why).
    let duplicates = RwSignal::new(Vec::<(String, Id, String, MatchReason)>::new());
    let failure = RwSignal::new(None::<String>);
    // With sync on, only a director merges a file (the server would refuse the rest): said
    // before a file is chosen and in its preview, where «Загрузить» is not offered.
    let rights = crate::ui::sync::Rights::new(state);
    let refused = Memo::new(move |_| rights.import_refused());
    let jobs = Jobs::new(state);
    // The preview worked out: shown, with the changes counter it holds for.
    let shown = move |name: String, snapshot: Snapshot, ready: PreviewReady, seen: u64| {
        director_set_aside.set(ready.set_aside);
        future.set(ready.future);
        duplicates.set(duplicate_names(state, &snapshot, &ready.duplicates));
        loaded.set_value(Some(Loaded {
            snapshot,
            preview: ready.preview,
            seen,
        }));
        deletions_ok.set(false);
        mode.set(Mode::Merge);
        step.set(Step::Preview { name });
    };
    // What a file read gives: refused with its problems, or the preview against my data,
    // worked out in slices (`Jobs::preview_snapshot`).
    let opened =
        move |name: String, result: Result<Snapshot, (Vec<RestoreError>, usize)>| match result {
            Err((problems, more)) => {
                let lang = state.lang();
                let problems = problems
                    .iter()
                    .map(|p| describe_restore_error(lang, p))
                    .collect();
                loaded.set_value(None);
                step.set(Step::Rejected {
                    name,
                    problems,
                    more,
                });
            }
            Ok(snapshot) => {
                step.set(Step::Reading);
                jobs.preview_snapshot(state, snapshot, move |snapshot, ready, seen| {
                    shown(name, snapshot, ready, seen)
                });
            }
        };
    // A large file is read and checked in slices with a progress bar (`Jobs::read_snapshot`):
    // the page keeps painting and «Отмена» stops it.
    let open_later = move |picked: PickedFile| {
        failure.set(None);
        step.set(Step::Reading);
        match picked {
            PickedFile::TooLarge { name, bytes } => {
                let too_large = RestoreError::TooLarge {
                    bytes,
                    limit: MAX_SNAPSHOT_BYTES,
                };
                opened(name, Err((vec![too_large], 0)));
            }
            PickedFile::Read { name, text } => {
                jobs.read_snapshot(text, state.today_untracked(), move |result| {
                    opened(name, result.map_err(|r| (r.problems, r.not_listed)));
                });
            }
        }
    };
    let cancel = move || {
        jobs.cancel();
        step.set(Step::Idle);
    };
    // A file dropped on another screen arrives here.
    if let Some(DroppedFile(dropped)) = use_context::<DroppedFile>() {
        Effect::new(move |_| {
            if let Some(picked) = dropped.get() {
                dropped.set(None);
                open_later(picked);
            }
        });
    }
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            step.set(Step::Reading);
            read_file(file, open_later);
        }
        // The same file can be chosen again after a fix.
        input.set_value("");
    };
    let confirm = move |_| {
        let Step::Preview { name } = step.get_untracked() else {
            return;
        };
        if refused.with_untracked(Option::is_some) {
            return;
        }
        let mut taken = None;
        loaded.update_value(|l| taken = l.take());
        let Some(Loaded {
            snapshot,
            preview,
            seen,
        }) = taken
        else {
            return;
        };
        let lang = state.lang();
        // The preview holds for the data as it was; if it changed since (another tab saved),
        // nothing is written and the preview is worked out again on the data as it is now.
        if seen != jobs.changes_seen() {
            failure.set(Some(SnapshotText::ChangedMeanwhile.get(lang).to_owned()));
            step.set(Step::Reading);
            jobs.preview_snapshot(state, snapshot, move |snapshot, ready, seen| {
                shown(name, snapshot, ready, seen)
            });
            return;
        }
        let put_back = move |snapshot, preview| {
            loaded.set_value(Some(Loaded {
                snapshot,
                preview,
                seen,
            }))
        };
        match mode.get_untracked() {
            Mode::Merge => {
                let outcome = preview.into_merge();
                let report = ImportReport::new(
                    &name,
                    &snapshot.meta,
                    &outcome.report,
                    clock::now(),
                    clock::local_offset(),
                    &outcome.workspace,
                );
                let mut summary = merge_summary(lang, &outcome.report);
                // The merge the preview showed, written as one change.
                if let Err(message) = write_merged(state, outcome.workspace) {
                    failure.set(Some(message));
                    // Worked out again: the merged data went into the attempt.
                    step.set(Step::Reading);
                    jobs.preview_snapshot(state, snapshot, move |snapshot, ready, seen| {
                        shown(name, snapshot, ready, seen)
                    });
                    return;
                }
                if director_set_aside.get_untracked() {
                    summary.push(' ');
                    summary.push_str(SnapshotText::DirectorRecordsKept.get(lang));
                }
                state.notify(SnapshotText::Merged.get(lang));
                step.set(Step::Done {
                    summary,
                    report: Some(report),
                });
            }
            Mode::Replace => {
                let file = snapshot.workspace.clone();
                match replace_with_backup(state, file) {
                    Ok(()) => {
                        state.notify(SnapshotText::Replaced.get(lang));
                        step.set(Step::Done {
                            summary: SnapshotText::Replaced.get(lang).to_owned(),
                            report: None,
                        });
                    }
                    Err(message) => {
                        put_back(snapshot, preview);
                        failure.set(Some(message));
                    }
                }
            }
        }
    };
    let viewed = Signal::derive(move || {
        loaded
            .with_value(|l| l.as_ref().map(|l| l.snapshot.workspace.clone()))
            .unwrap_or_default()
    });
    let close = move |_| {
        jobs.cancel();
        loaded.set_value(None);
        step.set(Step::Idle);
    };
    view! {
        <div class="panel data-import-panel" data-testid="import">
            <h2>{state.text(SnapshotText::ImportTitle)}</h2>
            <p class="hint">{state.text(SnapshotText::ImportHint)}</p>
            {move || refused.get().map(|why| view! {
                <p class="banner banner-info" role="note" data-testid="import-sync-refused">{why}</p>
            })}
            <label class="button secondary data-file-button">
                {state.text(SnapshotText::ChooseFile)}
                <input type="file" accept=".json,application/json" class="visually-hidden" on:change=on_pick data-testid="import-file"/>
            </label>
            {move || match step.get() {
                Step::Idle => ().into_any(),
                Step::Reading => view! {
                    <div data-testid="import-reading">{progress_view(state, jobs.busy, cancel)}</div>
                }.into_any(),
                Step::Rejected { name, problems, more } => view! {
                    <div class="banner banner-error" role="alert" data-testid="import-rejected">
                        <p><strong>{fill(state.tr(SnapshotText::Rejected), &[&name])}</strong></p>
                        <ul>{problems.into_iter().map(|p| view! { <li data-testid="import-problem">{p}</li> }).collect_view()}</ul>
                        {(more > 0).then(|| view! { <p>{fill(state.tr(SnapshotText::MoreProblems), &[&crate::i18n::count(state.lang(), crate::i18n::Plural::Problems, more as u64)])}</p> })}
                    </div>
                }.into_any(),
                Step::Preview { name } => view! {
                    <div class="data-import-preview" data-testid="import-preview">
                        <h3>{fill(state.tr(SnapshotText::PreviewTitle), &[&name])}</h3>
                        {move || loaded.with_value(|l| l.as_ref().map(|l| preview_view(state.lang(), &l.snapshot, &l.preview)))}
                        <Show when=move || !duplicates.with(Vec::is_empty)>
                            <div class="banner banner-warning" role="status" data-testid="import-duplicates">
                                <p>{state.text(Text::ImportDuplicates)}</p>
                                <ul>
                                    {move || duplicates.get().into_iter().map(|(theirs, id, mine, reason)| {
                                        let text = match reason {
                                            MatchReason::Inn => Text::ImportDuplicateInn,
                                            MatchReason::NameAndPhone => Text::ImportDuplicateNamePhone,
                                        };
                                        view! {
                                            <li data-testid="import-duplicate">
                                                {move || fill(text.get(state.lang()), &[&theirs])}" "
                                                <a href=href(&Route::Client(id.clone()))>{mine}</a>
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                            </div>
                        </Show>
                        {move || {
                            let (count, latest) = future.get();
                            latest.map(|at| view! {
                                <p class="banner banner-warning" role="status" data-testid="future-changes">
                                    {fill(state.tr(SnapshotText::FutureChanges), &[
                                        &count.to_string(),
                                        &format_date(clock::date_of(at)),
                                    ])}
                                </p>
                            })
                        }}
                        <Show when=move || director_set_aside.get()>
                            <p class="banner banner-warning" role="status" data-testid="director-records-kept">
                                {state.text(SnapshotText::DirectorRecordsKept)}
                            </p>
                        </Show>
                        {move || refused.get().map(|why| view! {
                            <p class="banner banner-warning" role="status" data-testid="import-preview-refused">{why}</p>
                        })}
                        <fieldset class="data-import-mode" disabled=move || refused.with(Option::is_some)>
                            <label class="check">
                                <input type="radio" name="import-mode" prop:checked=move || mode.get() == Mode::Merge
                                    on:change=move |_| { mode.set(Mode::Merge); deletions_ok.set(false); } data-testid="mode-merge"/>
                                <span>{state.text(SnapshotText::ModeMerge)}<br/><span class="muted">{state.text(SnapshotText::ModeMergeHint)}</span></span>
                            </label>
                            <label class="check">
                                <input type="radio" name="import-mode" prop:checked=move || mode.get() == Mode::Replace
                                    on:change=move |_| { mode.set(Mode::Replace); deletions_ok.set(false); } data-testid="mode-replace"/>
                                <span>{state.text(SnapshotText::ModeReplace)}<br/><span class="muted">{state.text(SnapshotText::ModeReplaceHint)}</span></span>
                            </label>
                        </fieldset>
                        {move || failure.get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
                        {move || {
                            let removals = loaded.with_value(|l| l.as_ref().map(|l| match mode.get() {
                                Mode::Merge => l.preview.removed_by_merge.clone(),
                                Mode::Replace => l.preview.removed_by_replace.clone(),
                            })).unwrap_or_default();
                            (!removals.is_empty()).then(|| removals_view(state.lang(), removals, deletions_ok))
                        }}
                        <div class="form-actions">
                            <button type="button" class="primary" on:click=confirm data-testid="confirm-import"
                                disabled=move || {
                                    let pending = loaded.with_value(|l| l.as_ref().is_some_and(|l| match mode.get() {
                                        Mode::Merge => !l.preview.removed_by_merge.is_empty(),
                                        Mode::Replace => !l.preview.removed_by_replace.is_empty(),
                                    }));
                                    (pending && !deletions_ok.get()) || refused.with(Option::is_some)
                                }>{state.text(SnapshotText::ConfirmImport)}</button>
                            <button type="button" class="secondary" on:click={
                                let name = name.clone();
                                move |_| step.set(Step::Viewing { name: name.clone() })
                            } data-testid="view-only">{state.text(SnapshotText::ViewOnly)}</button>
                            <button type="button" class="secondary" on:click=close data-testid="discard-import">{state.text(SnapshotText::Discard)}</button>
                        </div>
                    </div>
                }.into_any(),
                Step::Viewing { name } => view! {
                    <div class="data-read-only-view" data-testid="read-only">
                        <p class="banner banner-warning">
                            <strong>{fill(state.tr(SnapshotText::ReadOnlyTitle), &[&name])}</strong>" "
                            {state.text(SnapshotText::ReadOnlyHint)}
                        </p>
                        <TeamSummary workspace=viewed/>
                        <button type="button" class="secondary" on:click=close data-testid="close-view">{state.text(SnapshotText::Discard)}</button>
                    </div>
                }.into_any(),
                Step::Done { summary, report } => view! {
                    <div class="data-import-done" data-testid="import-report">
                        <h3>{state.text(SnapshotText::ReportTitle)}</h3>
                        <p data-testid="import-summary">{summary}</p>
                        {report.map(|r| {
                            let lang = state.lang();
                            let text = report_text(lang, &r);
                            let lines: Vec<String> = text.lines().map(str::to_owned).collect();
                            let file = format!("{}-report.txt", r.file_name.trim_end_matches(".json"));
                            view! {
                                <details>
                                    <summary>{SnapshotText::ReportTitle.get(lang)}</summary>
                                    <pre class="data-report-text" data-testid="report-text">{lines.join("\n")}</pre>
                                </details>
                                <button type="button" class="secondary" data-testid="download-report"
                                    on:click=move |_| download_text(&file, &text, "text/plain;charset=utf-8")>
                                    {SnapshotText::ReportDownload.get(lang)}
                                </button>
                            }
                        })}
                    </div>
                }.into_any(),
            }}
        </div>
    }
}

/// The element an event came from, as the element type the handler expects.
fn event_target<T: JsCast>(ev: &leptos::ev::Event) -> T {
    ev.target()
        .and_then(|t| t.dyn_into::<T>().ok())
        .expect("the handler is on an element of this type")
}
