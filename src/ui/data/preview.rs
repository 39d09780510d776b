//! What an import would do, shown before anything is written: the file's header, a table of
//! what it holds against my data kind by kind with each conflict as the report will word it,
//! and the records it would remove, with the box the person must tick.

use crate::domain::dates::format_date;
use crate::domain::merge::RecordKind;
use crate::i18n::report::{conflict_line, kind_name};
use crate::i18n::{fill, Lang, SnapshotText, Translate};
use crate::snapshot::{ImportPreview, ImportReport, Removal, Snapshot};
use crate::ui::clock;
use leptos::prelude::*;

/// The file's header and a table of what it holds against my data, kind by kind.
pub(super) fn preview_view(
    lang: Lang,
    snapshot: &Snapshot,
    preview: &ImportPreview,
) -> impl IntoView {
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
        SnapshotText::PreviewMeta.get(lang),
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
        .map(|i| conflict_line(lang, &report, i))
        .collect();
    let rows: Vec<_> = preview
        .kinds
        .iter()
        .filter(|k| !matches!(k.kind, RecordKind::Stage) && (k.mine > 0 || k.in_file > 0))
        .copied()
        .collect();
    view! {
        <p class="muted" data-testid="preview-meta">{header}</p>
        <div class="table-scroll" tabindex="0" role="region" aria-label=SnapshotText::ReportTitle.get(lang)>
            <table class="metrics stacked" data-testid="preview-table">
                <thead><tr>
                    <th scope="col">{SnapshotText::PreviewKind.get(lang)}</th>
                    <th scope="col">{SnapshotText::PreviewMine.get(lang)}</th>
                    <th scope="col">{SnapshotText::PreviewInFile.get(lang)}</th>
                    <th scope="col">{SnapshotText::PreviewAdded.get(lang)}</th>
                    <th scope="col">{SnapshotText::PreviewUpdated.get(lang)}</th>
                    <th scope="col">{SnapshotText::PreviewUnchanged.get(lang)}</th>
                    <th scope="col">{SnapshotText::PreviewRemoved.get(lang)}</th>
                    <th scope="col">{SnapshotText::PreviewConflicts.get(lang)}</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|k| view! {
                        <tr data-kind=format!("{:?}", k.kind)>
                            <th scope="row">{kind_name(lang, k.kind)}</th>
                            <td data-label=SnapshotText::PreviewMine.get(lang)>{k.mine}</td>
                            <td data-label=SnapshotText::PreviewInFile.get(lang)>{k.in_file}</td>
                            <td data-label=SnapshotText::PreviewAdded.get(lang)>{k.added}</td>
                            <td data-label=SnapshotText::PreviewUpdated.get(lang)>{k.updated}</td>
                            <td data-label=SnapshotText::PreviewUnchanged.get(lang)>{k.unchanged}</td>
                            <td data-label=SnapshotText::PreviewRemoved.get(lang)>{k.removed}</td>
                            <td data-label=SnapshotText::PreviewConflicts.get(lang)>{k.conflicts}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        {(!conflicts.is_empty()).then(|| view! {
            <div data-testid="preview-conflicts">
                <p><strong>{fill(SnapshotText::PreviewConflictList.get(lang), &[&conflicts.len().to_string()])}</strong></p>
                <ul>{conflicts.into_iter().map(|c| view! { <li data-testid="preview-conflict">{c}</li> }).collect_view()}</ul>
            </div>
        })}
    }
}

/// How many deleted records are named before the rest are only counted.
const NAMED_REMOVALS: usize = 20;

/// The records an import would remove, by kind and name, with the box the person must tick.
pub(super) fn removals_view(
    lang: Lang,
    removals: Vec<Removal>,
    confirmed: RwSignal<bool>,
) -> impl IntoView {
    let total = removals.len();
    let more = total.saturating_sub(NAMED_REMOVALS);
    view! {
        <div class="banner banner-warning" role="status" data-testid="import-removals">
            <p><strong>{fill(SnapshotText::WillRemove.get(lang), &[&total.to_string()])}</strong></p>
            <ul>
                {removals.into_iter().take(NAMED_REMOVALS).map(|r| view! {
                    <li data-testid="import-removal">{format!("{} «{}»", kind_name(lang, r.kind), r.label)}</li>
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
