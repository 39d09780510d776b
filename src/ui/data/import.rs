use super::backup::{merge_with_backup, replace_with_backup};
use super::file::{read_file, DroppedFile, PickedFile};
use crate::domain::dates::format_date;
use crate::domain::duplicates::{duplicates_between, MatchReason};
use crate::domain::merge::RecordKind;
use crate::domain::Id;
use crate::i18n::snapshot::describe_snapshot_error;
use crate::i18n::{fill, Lang, SnapshotText, Text};
use crate::route::{href, Route};
use crate::snapshot::{
    kind_name, read_snapshot_all, ImportPreview, ImportReport, Snapshot, SnapshotError,
    MAX_SNAPSHOT_BYTES,
};
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
    let st = move |k: SnapshotText| move || k.get(state.lang());
    let step = RwSignal::new(Step::Idle);
    let loaded = StoredValue::new(None::<(Snapshot, ImportPreview)>);
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
    let open = move |picked: PickedFile| {
        failure.set(None);
        let (name, result) = match picked {
            PickedFile::TooLarge { name, bytes } => (
                name,
                Err((
                    vec![SnapshotError::TooLarge {
                        bytes,
                        limit: MAX_SNAPSHOT_BYTES,
                    }],
                    0,
                )),
            ),
            PickedFile::Read { name, text } => {
                let read = read_snapshot_all(&text, state.today_untracked())
                    .map_err(|r| (r.problems, r.not_listed));
                (name, read)
            }
        };
        match result {
            Err((problems, more)) => {
                let lang = state.lang();
                let problems = problems
                    .iter()
                    .map(|p| describe_snapshot_error(lang, p))
                    .collect();
                loaded.set_value(None);
                step.set(Step::Rejected {
                    name,
                    problems,
                    more,
                });
            }
            Ok(snapshot) => {
                // A file not exported by the director cannot change the director's records.
                let (preview, set_aside) = state.ws.with_untracked(|ws| {
                    let (guarded, set_aside) =
                        crate::snapshot::director_records_guarded(ws, &snapshot);
                    let mut preview = ImportPreview::new(ws, &guarded);
                    preview.removed_by_replace = crate::snapshot::removals(ws, &snapshot.workspace);
                    (preview, set_aside)
                });
                director_set_aside.set(set_aside);
                future.set(crate::snapshot::future_changes(
                    &snapshot.workspace,
                    clock::now(),
                ));
                duplicates.set(state.ws.with_untracked(|ws| {
                    duplicates_between(ws, &snapshot.workspace)
                        .into_iter()
                        .filter_map(|(theirs, m)| {
                            let their_name = snapshot.workspace.client(&theirs)?.name.clone();
                            let my_name = ws.client(&m.client_id)?.name.clone();
                            Some((their_name, m.client_id, my_name, m.reason))
                        })
                        .collect()
                }));
                loaded.set_value(Some((snapshot, preview)));
                deletions_ok.set(false);
                mode.set(Mode::Merge);
                step.set(Step::Preview { name });
            }
        }
    };
    // Checking a large file takes a few seconds and blocks the page, so «Читаю файл…» is put
    // on screen first and the work starts on the next turn of the event loop.
    let open_later = move |picked: PickedFile| {
        step.set(Step::Reading);
        set_timeout(move || open(picked), std::time::Duration::from_millis(30));
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
        let Some((snapshot, preview)) = loaded.get_value() else {
            return;
        };
        let lang = state.lang();
        match mode.get_untracked() {
            Mode::Merge => {
                // The preview was computed when the file was opened; the data may have changed
                // since (another tab saved), so the merge runs again on the data as it is now.
                let _ = preview;
                let (guarded, _) = state
                    .ws
                    .with_untracked(|ws| crate::snapshot::director_records_guarded(ws, &snapshot));
                let outcome = match merge_with_backup(state, &guarded) {
                    Ok(outcome) => outcome,
                    Err(message) => {
                        failure.set(Some(message));
                        return;
                    }
                };
                let report = ImportReport::new(
                    &name,
                    &snapshot.meta,
                    &outcome.report,
                    clock::now(),
                    clock::local_offset(),
                    &outcome.workspace,
                );
                let mut summary = merge_summary(lang, &outcome.report);
                if director_set_aside.get_untracked() {
                    summary.push(' ');
                    summary.push_str(SnapshotText::DirectorRecordsKept.get(lang));
                }
                state.notify(SnapshotText::Merged.get(lang));
                loaded.set_value(None);
                step.set(Step::Done {
                    summary,
                    report: Some(report),
                });
            }
            Mode::Replace => match replace_with_backup(state, snapshot.workspace) {
                Ok(()) => {
                    state.notify(SnapshotText::Replaced.get(lang));
                    loaded.set_value(None);
                    step.set(Step::Done {
                        summary: SnapshotText::Replaced.get(lang).to_owned(),
                        report: None,
                    });
                }
                Err(message) => failure.set(Some(message)),
            },
        }
    };
    let viewed = Signal::derive(move || {
        loaded
            .with_value(|l| l.as_ref().map(|(s, _)| s.workspace.clone()))
            .unwrap_or_default()
    });
    let close = move |_| {
        loaded.set_value(None);
        step.set(Step::Idle);
    };
    view! {
        <div class="panel data-import-panel" data-testid="import">
            <h2>{st(SnapshotText::ImportTitle)}</h2>
            <p class="hint">{st(SnapshotText::ImportHint)}</p>
            <label class="button secondary data-file-button">
                {st(SnapshotText::ChooseFile)}
                <input type="file" accept=".json,application/json" class="visually-hidden" on:change=on_pick data-testid="import-file"/>
            </label>
            {move || match step.get() {
                Step::Idle => ().into_any(),
                Step::Reading => view! { <p class="muted" role="status" data-testid="import-reading">{st(SnapshotText::Reading)}</p> }.into_any(),
                Step::Rejected { name, problems, more } => view! {
                    <div class="banner banner-error" role="alert" data-testid="import-rejected">
                        <p><strong>{fill(SnapshotText::Rejected.get(state.lang()), &[&name])}</strong></p>
                        <ul>{problems.into_iter().map(|p| view! { <li data-testid="import-problem">{p}</li> }).collect_view()}</ul>
                        {(more > 0).then(|| view! { <p>{fill(SnapshotText::MoreProblems.get(state.lang()), &[&crate::i18n::count(state.lang(), crate::i18n::Plural::Problems, more as u64)])}</p> })}
                    </div>
                }.into_any(),
                Step::Preview { name } => view! {
                    <div class="data-import-preview" data-testid="import-preview">
                        <h3>{fill(SnapshotText::PreviewTitle.get(state.lang()), &[&name])}</h3>
                        {move || loaded.with_value(|l| l.as_ref().map(|(s, p)| preview_view(state.lang(), s, p)))}
                        <Show when=move || !duplicates.with(Vec::is_empty)>
                            <div class="banner banner-warning" role="status" data-testid="import-duplicates">
                                <p>{move || Text::ImportDuplicates.get(state.lang())}</p>
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
                                    {fill(SnapshotText::FutureChanges.get(state.lang()), &[
                                        &count.to_string(),
                                        &format_date(clock::date_of(at)),
                                    ])}
                                </p>
                            })
                        }}
                        <Show when=move || director_set_aside.get()>
                            <p class="banner banner-warning" role="status" data-testid="director-records-kept">
                                {st(SnapshotText::DirectorRecordsKept)}
                            </p>
                        </Show>
                        <fieldset class="data-import-mode">
                            <label class="check">
                                <input type="radio" name="import-mode" prop:checked=move || mode.get() == Mode::Merge
                                    on:change=move |_| { mode.set(Mode::Merge); deletions_ok.set(false); } data-testid="mode-merge"/>
                                <span>{st(SnapshotText::ModeMerge)}<br/><span class="muted">{st(SnapshotText::ModeMergeHint)}</span></span>
                            </label>
                            <label class="check">
                                <input type="radio" name="import-mode" prop:checked=move || mode.get() == Mode::Replace
                                    on:change=move |_| { mode.set(Mode::Replace); deletions_ok.set(false); } data-testid="mode-replace"/>
                                <span>{st(SnapshotText::ModeReplace)}<br/><span class="muted">{st(SnapshotText::ModeReplaceHint)}</span></span>
                            </label>
                        </fieldset>
                        {move || failure.get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
                        {move || {
                            let removals = loaded.with_value(|l| l.as_ref().map(|(_, p)| match mode.get() {
                                Mode::Merge => p.removed_by_merge.clone(),
                                Mode::Replace => p.removed_by_replace.clone(),
                            })).unwrap_or_default();
                            (!removals.is_empty()).then(|| removals_view(state.lang(), removals, deletions_ok))
                        }}
                        <div class="form-actions">
                            <button type="button" class="primary" on:click=confirm data-testid="confirm-import"
                                disabled=move || {
                                    let pending = loaded.with_value(|l| l.as_ref().is_some_and(|(_, p)| match mode.get() {
                                        Mode::Merge => !p.removed_by_merge.is_empty(),
                                        Mode::Replace => !p.removed_by_replace.is_empty(),
                                    }));
                                    pending && !deletions_ok.get()
                                }>{st(SnapshotText::ConfirmImport)}</button>
                            <button type="button" class="secondary" on:click={
                                let name = name.clone();
                                move |_| step.set(Step::Viewing { name: name.clone() })
                            } data-testid="view-only">{st(SnapshotText::ViewOnly)}</button>
                            <button type="button" class="secondary" on:click=close data-testid="discard-import">{st(SnapshotText::Discard)}</button>
                        </div>
                    </div>
                }.into_any(),
                Step::Viewing { name } => view! {
                    <div class="data-read-only-view" data-testid="read-only">
                        <p class="banner banner-warning">
                            <strong>{fill(SnapshotText::ReadOnlyTitle.get(state.lang()), &[&name])}</strong>" "
                            {st(SnapshotText::ReadOnlyHint)}
                        </p>
                        <TeamSummary workspace=viewed/>
                        <button type="button" class="secondary" on:click=close data-testid="close-view">{st(SnapshotText::Discard)}</button>
                    </div>
                }.into_any(),
                Step::Done { summary, report } => view! {
                    <div class="data-import-done" data-testid="import-report">
                        <h3>{st(SnapshotText::ReportTitle)}</h3>
                        <p data-testid="import-summary">{summary}</p>
                        {report.map(|r| {
                            let lang = state.lang();
                            let text = r.to_text(lang);
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

fn merge_summary(lang: Lang, report: &crate::domain::merge::MergeReport) -> String {
    let s = report.summary();
    fill(
        SnapshotText::ReportSummary.get(lang),
        &[
            &s.added.to_string(),
            &s.updated.to_string(),
            &s.removed.to_string(),
            &s.kept.to_string(),
            &report.conflicts.len().to_string(),
        ],
    )
}

/// The file's header and a table of what it holds against my data, kind by kind.
fn preview_view(lang: Lang, snapshot: &Snapshot, preview: &ImportPreview) -> impl IntoView {
    let t = |k: SnapshotText| k.get(lang);
    let meta = &snapshot.meta;
    let exported = meta
        .exported_at
        .map(|at| format_date(clock::date_of(at)))
        .unwrap_or_else(|| "—".to_owned());
    let by = meta
        .exported_by
        .as_ref()
        .map(|b| b.name.clone())
        .unwrap_or_else(|| "—".to_owned());
    let header = fill(
        t(SnapshotText::PreviewMeta),
        &[&exported, &by, &meta.version.to_string()],
    );
    // Each conflict in words, as the report will have it.
    let report = ImportReport::new(
        "",
        meta,
        &preview.merge.report,
        clock::now(),
        clock::local_offset(),
        &preview.merge.workspace,
    );
    let conflicts: Vec<String> = (0..preview.merge.report.conflicts.len())
        .map(|i| report.conflict_line(i, lang))
        .collect();
    let rows: Vec<_> = preview
        .kinds
        .iter()
        .filter(|k| !matches!(k.kind, RecordKind::Stage) && (k.mine > 0 || k.in_file > 0))
        .copied()
        .collect();
    view! {
        <p class="muted" data-testid="preview-meta">{header}</p>
        <div class="table-scroll" tabindex="0" role="region" aria-label=t(SnapshotText::ReportTitle)>
            <table class="metrics" data-testid="preview-table">
                <thead><tr>
                    <th scope="col">{t(SnapshotText::PreviewKind)}</th>
                    <th scope="col">{t(SnapshotText::PreviewMine)}</th>
                    <th scope="col">{t(SnapshotText::PreviewInFile)}</th>
                    <th scope="col">{t(SnapshotText::PreviewAdded)}</th>
                    <th scope="col">{t(SnapshotText::PreviewUpdated)}</th>
                    <th scope="col">{t(SnapshotText::PreviewUnchanged)}</th>
                    <th scope="col">{t(SnapshotText::PreviewRemoved)}</th>
                    <th scope="col">{t(SnapshotText::PreviewConflicts)}</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|k| view! {
                        <tr data-kind=format!("{:?}", k.kind)>
                            <th scope="row">{kind_name(k.kind, lang)}</th>
                            <td>{k.mine}</td>
                            <td>{k.in_file}</td>
                            <td>{k.added}</td>
                            <td>{k.updated}</td>
                            <td>{k.unchanged}</td>
                            <td>{k.removed}</td>
                            <td>{k.conflicts}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        {(!conflicts.is_empty()).then(|| view! {
            <div data-testid="preview-conflicts">
                <p><strong>{fill(t(SnapshotText::PreviewConflictList), &[&conflicts.len().to_string()])}</strong></p>
                <ul>{conflicts.into_iter().map(|c| view! { <li data-testid="preview-conflict">{c}</li> }).collect_view()}</ul>
            </div>
        })}
    }
}

/// How many deleted records are named before the rest are only counted.
const NAMED_REMOVALS: usize = 20;

/// The records an import would remove, by kind and name, with the box the person must tick.
fn removals_view(
    lang: Lang,
    removals: Vec<crate::snapshot::Removal>,
    confirmed: RwSignal<bool>,
) -> impl IntoView {
    let total = removals.len();
    let more = total.saturating_sub(NAMED_REMOVALS);
    view! {
        <div class="banner banner-warning" role="status" data-testid="import-removals">
            <p><strong>{fill(SnapshotText::WillRemove.get(lang), &[&total.to_string()])}</strong></p>
            <ul>
                {removals.into_iter().take(NAMED_REMOVALS).map(|r| view! {
                    <li data-testid="import-removal">{format!("{} «{}»", kind_name(r.kind, lang), r.label)}</li>
                }).collect_view()}
            </ul>
            {(more > 0).then(|| view! { <p>{fill(SnapshotText::MoreRemovals.get(lang), &[&more.to_string()])}</p> })}
            <label class="check">
                <input type="checkbox" prop:checked=move || confirmed.get()
                    on:change=move |ev| confirmed.set(event_target_checked(&ev)) data-testid="confirm-removals"/>
                <span>{SnapshotText::ConfirmRemovals.get(lang)}</span>
            </label>
        </div>
    }
}

/// The element an event came from, as the element type the handler expects.
fn event_target<T: JsCast>(ev: &leptos::ev::Event) -> T {
    ev.target()
        .and_then(|t| t.dyn_into::<T>().ok())
        .expect("the handler is on an element of this type")
}
