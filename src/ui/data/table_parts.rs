//! The parts of the table import's panel that only show what they are given: the text file's
//! settings, one row of the column mapping, and the preview.

use super::table_job::{Busy, Checked};
use crate::i18n::import::{
    describe_counts, describe_fit, describe_mapping_error, describe_problem_row, encoding_name,
    field_name, separator_name,
};
use crate::i18n::import_rights::describe_left_out;
use crate::i18n::{fill, ImportText, SnapshotText, Translate};
use crate::import::{Field, Fit, Mapping, Separator, Target, TextEncoding};
use crate::ui::state::AppState;
use leptos::prelude::*;
use std::sync::Arc;

/// How many problem rows are listed; the rest are counted.
const SHOWN_PROBLEMS: usize = 50;

fn field_key(field: Field) -> String {
    format!("{field:?}")
}

/// The encoding and separator of a text file, as detected, each changeable.
pub(super) fn settings_view(
    state: AppState,
    encoding: RwSignal<Option<TextEncoding>>,
    separator: RwSignal<Option<Separator>>,
    reread: impl Fn() + Copy + 'static,
) -> impl IntoView {
    view! {
        <div class="filters data-table-settings">
            <label class="field">
                <span>{state.text(ImportText::EncodingLabel)}</span>
                <select data-testid="table-encoding" on:change=move |ev| {
                    let chosen = TextEncoding::ALL.into_iter().find(|e| format!("{e:?}") == event_target_value(&ev));
                    encoding.set(chosen);
                    reread();
                }>
                    {TextEncoding::ALL.into_iter().map(|e| view! {
                        <option value=format!("{e:?}") selected=move || encoding.get() == Some(e)>{move || encoding_name(state.lang(), e)}</option>
                    }).collect_view()}
                </select>
            </label>
            <label class="field">
                <span>{state.text(ImportText::SeparatorLabel)}</span>
                <select data-testid="table-separator" on:change=move |ev| {
                    let chosen = Separator::ALL.into_iter().find(|s| format!("{s:?}") == event_target_value(&ev));
                    separator.set(chosen);
                    reread();
                }>
                    {Separator::ALL.into_iter().map(|s| view! {
                        <option value=format!("{s:?}") selected=move || separator.get() == Some(s)>{move || separator_name(state.lang(), s)}</option>
                    }).collect_view()}
                </select>
            </label>
        </div>
    }
}

/// One column of the file: its header, its first value and the field it is read into.
pub(super) fn column_row(
    state: AppState,
    column: usize,
    header: String,
    sample: String,
    target: RwSignal<Target>,
    mapping: RwSignal<Vec<Option<Field>>>,
) -> impl IntoView {
    let chosen = move || mapping.with(|m| m.get(column).copied().flatten());
    let on_change = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let field = Field::of(target.get_untracked())
            .iter()
            .copied()
            .find(|f| field_key(*f) == value);
        mapping.update(|m| {
            if m.len() <= column {
                m.resize(column + 1, None);
            }
            m[column] = field;
        });
    };
    // A column with no header (the margin column of a report) is named by its number.
    let name = if header.trim().is_empty() {
        fill(
            state.tr(ImportText::ColumnNumber),
            &[&(column + 1).to_string()],
        )
    } else {
        header
    };
    view! {
        <tr>
            <th scope="row">{name.clone()}</th>
            <td class="muted" data-label=move || state.tr(ImportText::SampleHeader)>{sample}</td>
            <td data-label=move || state.tr(ImportText::FieldHeader)>
                <select aria-label=name data-testid=format!("table-column-{column}") on:change=on_change>
                    <option value="" selected=move || chosen().is_none()>{state.text(ImportText::FieldSkip)}</option>
                    {move || Field::of(target.get()).iter().map(|&f| view! {
                        <option value=field_key(f) selected=move || chosen() == Some(f)>{field_name(state.lang(), f)}</option>
                    }).collect_view()}
                </select>
            </td>
        </tr>
    }
}

/// The progress bar of reading, checking or writing, with «Отмена» while it can stop. Built
/// once while there is work: only its words and its bar follow the work, so «Отмена» stays the
/// same button under the pointer (re-created with every percent, a click could miss it).
pub(super) fn progress_view(
    state: AppState,
    busy: RwSignal<Option<Busy>>,
    cancel: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let words = move || match busy.get() {
        Some(Busy::Reading(p)) => fill(state.tr(ImportText::Reading), &[&p.to_string()]),
        Some(Busy::Checking(p)) => fill(state.tr(ImportText::Checking), &[&p.to_string()]),
        Some(Busy::Writing(p)) => fill(state.tr(ImportText::Writing), &[&p.to_string()]),
        Some(Busy::Comparing(p)) => fill(state.tr(SnapshotText::Comparing), &[&p.to_string()]),
        None => String::new(),
    };
    let value = move || match busy.get() {
        Some(Busy::Reading(p) | Busy::Checking(p) | Busy::Writing(p) | Busy::Comparing(p)) => {
            Some(p.to_string())
        }
        None => None,
    };
    // The write and the undo stop too (nothing changes until their last step), and so does a
    // snapshot's comparison.
    let stoppable = move || busy.with(Option::is_some);
    view! {
        <Show when=move || busy.with(Option::is_some)>
            <div class="data-table-progress" data-testid="table-progress" role="status">
                <label>
                    <span data-testid="table-progress-text">{words}</span>
                    <progress max="100" value=value></progress>
                </label>
                <Show when=stoppable>
                    <button type="button" class="secondary" on:click=move |_| cancel() data-testid="table-cancel">
                        {state.text(ImportText::CancelWork)}
                    </button>
                </Show>
            </div>
        </Show>
    }
}

/// What the import would do, whether it fits in storage, and every problem row (the first
/// ones listed); nothing while the rows are being checked.
pub(super) fn preview_view(
    state: AppState,
    mapping: Mapping,
    checked: Option<Arc<Checked>>,
    busy: bool,
) -> AnyView {
    let lang = state.lang();
    if let Err(e) = mapping.check() {
        return view! { <p class="field-error" role="alert" data-testid="table-mapping-error">{describe_mapping_error(lang, &e)}</p> }.into_any();
    }
    let Some(checked) = checked else {
        if busy {
            return ().into_any();
        }
        return view! { <p class="banner banner-warning">{ImportText::NeedTeam.get(lang)}</p> }
            .into_any();
    };
    let preview = &checked.preview;
    let fit = describe_fit(lang, checked.fit).map(|words| {
        let refused = matches!(checked.fit, Fit::TooBig { .. });
        let class = if refused { "banner banner-error" } else { "banner banner-warning" };
        view! { <p class=class role=if refused { "alert" } else { "status" } data-testid="table-fit">{words}</p> }
    });
    let clients = describe_counts(lang, ImportText::SummaryClients, &preview.clients);
    let orders = (preview.target == Target::Orders)
        .then(|| describe_counts(lang, ImportText::SummaryOrders, &preview.orders));
    // With sync on: the rows the server would refuse, left out, and why.
    let left_out: Vec<String> = (preview.left_out.iter())
        .map(|&(reason, rows)| describe_left_out(lang, reason, rows))
        .collect();
    let total = preview.problems.len();
    let listed: Vec<String> = preview
        .problems
        .iter()
        .take(SHOWN_PROBLEMS)
        .map(|p| describe_problem_row(lang, p))
        .collect();
    view! {
        <div class="data-table-preview" data-testid="table-preview">
            {fit}
            {(!left_out.is_empty()).then(|| view! {
                <div class="banner banner-warning" role="status" data-testid="table-left-out">
                    {left_out.into_iter().map(|line| view! { <p>{line}</p> }).collect_view()}
                </div>
            })}
            <p data-testid="table-clients">{clients}</p>
            {orders.map(|o| view! { <p data-testid="table-orders">{o}</p> })}
            {preview.plan.is_empty().then(|| view! { <p class="muted">{ImportText::NothingToImport.get(lang)}</p> })}
            {(total > 0).then(|| view! {
                <div class="banner banner-warning">
                    <p>{fill(ImportText::ProblemsTitle.get(lang), &[&total.to_string()])}</p>
                    <ul>{listed.into_iter().map(|p| view! { <li data-testid="table-problem">{p}</li> }).collect_view()}</ul>
                    {(total > SHOWN_PROBLEMS).then(|| view! { <p>{fill(ImportText::MoreRows.get(lang), &[&(total - SHOWN_PROBLEMS).to_string()])}</p> })}
                </div>
            })}
        </div>
    }
    .into_any()
}
