//! «Что изменилось» on «Обзор»: an earlier snapshot file (or the newest backup) against today's
//! data, per rep, as [`crate::domain::changes`] computes it. The earlier copy is read through the
//! one restore path, so an older file is migrated and a bad one is refused with the import's
//! words; it is held only while the report is open and nothing is written.

use crate::domain::changes::{compare, ChangesReport, Earlier, RepChanges, Today};
use crate::domain::dashboard::csv::to_csv;
use crate::domain::dates::{format_date, iso_date, Timestamp};
use crate::domain::Workspace;
use crate::i18n::changes::{
    change_columns, change_row, csv_rows, rep_heading, summary_columns, summary_row,
};
use crate::i18n::restore::describe_restore_error;
use crate::i18n::{count, fill, ChangesText, Lang, Plural, SnapshotText, Text, Translate};
use crate::restore::RestoreError;
use crate::snapshot::{read_snapshot_all, MAX_SNAPSHOT_BYTES};
use crate::ui::clock;
use crate::ui::data::{read_file, PickedFile};
use crate::ui::download::download_text;
use crate::ui::persist::backups;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The earlier copy being compared with.
#[derive(Clone)]
struct EarlierCopy {
    /// What it is, for the person: the file's name, or «the backup of …».
    label: String,
    workspace: Workspace,
    taken_at: Option<Timestamp>,
}

/// Changes listed per rep before «Показать ещё»: against a week-old file at team scale a rep can
/// have thousands (every new order), and drawing them all would freeze the page.
const CHANGES_PER_PAGE: usize = 50;

/// A file that could not be read: its name, the problems in words, how many more.
type Refusal = (String, Vec<String>, usize);

/// The «Что изменилось» section.
#[component]
pub fn ChangesSection() -> impl IntoView {
    let state = use_app();
    let earlier = RwSignal::new(None::<EarlierCopy>);
    let refused = RwSignal::new(None::<Refusal>);
    let offset_minutes = clock::local_offset().local_minus_utc() / 60;
    let report = Memo::new(move |_| {
        earlier.with(|e| {
            let e = e.as_ref()?;
            let today = Today {
                date: state.today(),
                now: clock::now(),
                offset_minutes,
            };
            let copy = Earlier {
                workspace: &e.workspace,
                taken_at: e.taken_at,
            };
            Some(state.ws.with(|ws| compare(copy, ws, today)))
        })
    });
    let backup = Memo::new(move |_| {
        state.backup_changed.track();
        backups::list().into_iter().next()
    });
    let refuse = move |name: String, errors: Vec<RestoreError>, more: usize| {
        let lang = state.lang();
        let problems = errors
            .iter()
            .map(|p| describe_restore_error(lang, p))
            .collect();
        earlier.set(None);
        refused.set(Some((name, problems, more)));
    };
    let open = move |picked: PickedFile| match picked {
        PickedFile::TooLarge { name, bytes } => {
            let too_large = RestoreError::TooLarge {
                bytes,
                limit: MAX_SNAPSHOT_BYTES,
            };
            refuse(name, vec![too_large], 0);
        }
        PickedFile::Read { name, text } => {
            match read_snapshot_all(&text, state.today_untracked()) {
                Ok(snapshot) => {
                    refused.set(None);
                    earlier.set(Some(EarlierCopy {
                        label: name,
                        workspace: snapshot.workspace,
                        taken_at: snapshot.meta.exported_at,
                    }));
                }
                Err(r) => refuse(name, r.problems, r.not_listed),
            }
        }
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            read_file(file, open);
        }
        // The same file can be chosen again.
        input.set_value("");
    };
    let from_backup = move |_| {
        let Some(slot) = backup.get_untracked() else {
            return;
        };
        let label = fill(
            state.tr(ChangesText::BackupOf),
            &[&format_date(clock::date_of(slot.taken_at))],
        );
        match backups::read(&slot.key) {
            Ok(workspace) => {
                refused.set(None);
                earlier.set(Some(EarlierCopy {
                    label,
                    workspace,
                    taken_at: Some(slot.taken_at),
                }));
            }
            Err(e) => refuse(label, vec![e], 0),
        }
    };
    view! {
        <section class="panel overview-changes" data-testid="changes" aria-labelledby="overview-changes-title">
            <h2 id="overview-changes-title">{state.text(ChangesText::Title)}</h2>
            <p class="hint">{state.text(ChangesText::Hint)}</p>
            <div class="overview-changes-tools">
                <label class="button secondary overview-changes-file">
                    {state.text(ChangesText::OpenFile)}
                    <input type="file" accept=".json,application/json" class="visually-hidden"
                        on:change=on_pick data-testid="changes-file"/>
                </label>
                <Show when=move || backup.with(Option::is_some)>
                    <button type="button" class="button secondary" on:click=from_backup data-testid="changes-backup">
                        {state.text(ChangesText::CompareBackup)}
                    </button>
                    <span class="muted">{move || backup.with(|b| b.as_ref().map(|s| fill(
                        state.tr(ChangesText::BackupOf),
                        &[&format_date(clock::date_of(s.taken_at))],
                    )))}</span>
                </Show>
            </div>
            {move || refused.get().map(|(name, problems, more)| view! {
                <div class="banner banner-error" role="alert" data-testid="changes-rejected">
                    <p><strong>{fill(state.tr(ChangesText::Rejected), &[&name])}</strong></p>
                    <ul>{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                    {(more > 0).then(|| view! { <p>{fill(state.tr(SnapshotText::MoreProblems), &[&count(state.lang(), Plural::Problems, more as u64)])}</p> })}
                </div>
            })}
            {move || report.get().map(|r| {
                // Read here, tracked: the report is drawn again in the other language.
                let lang = state.lang();
                let label = earlier.with(|e| e.as_ref().map(|e| e.label.clone()).unwrap_or_default());
                view! { <Report report=r label lang on_close=move || earlier.set(None)/> }
            })}
        </section>
    }
}

/// The report: the two dates, a warning when the earlier copy is not earlier, the totals per
/// rep and each rep's changes.
#[component]
fn Report(
    report: ChangesReport,
    label: String,
    lang: Lang,
    on_close: impl Fn() + 'static,
) -> impl IntoView {
    let between = fill(
        ChangesText::Between.get(lang),
        &[&format_date(report.since_date), &format_date(report.today)],
    );
    let csv = to_csv(&csv_rows(lang, &report));
    let file_name = format!("salesdesk-changes-{}.csv", iso_date(report.today));
    let download = move |_| download_text(&file_name, &csv, "text/csv;charset=utf-8");
    let newer = report.earlier_is_newer.then(|| {
        let text = fill(
            ChangesText::Newer.get(lang),
            &[&format_date(report.since_date)],
        );
        view! { <p class="banner banner-warning" role="status" data-testid="changes-newer">{text}</p> }
    });
    let summary_caption = ChangesText::SummaryCaption.get(lang);
    let columns = summary_columns(lang);
    let heads = columns
        .iter()
        .map(|c| view! { <th scope="col">{c.clone()}</th> })
        .collect_view();
    // Totals for the reps with changes; the others named in one line (short on a phone).
    let (busy, quiet): (Vec<&RepChanges>, Vec<&RepChanges>) =
        report.reps.iter().partition(|r| !r.changes.is_empty());
    let quiet = (!quiet.is_empty() && !busy.is_empty()).then(|| {
        let names: Vec<&str> = quiet.iter().map(|r| r.name.as_str()).collect();
        let text = fill(ChangesText::NoChangesFor.get(lang), &[&names.join(", ")]);
        view! { <p class="muted" data-testid="changes-quiet">{text}</p> }
    });
    let any = !busy.is_empty();
    let rows = busy
        .iter()
        .map(|rep| {
            let mut cells = summary_row(rep).into_iter();
            let name = cells.next().unwrap_or_default();
            let labelled = cells.zip(columns.iter().skip(1).cloned());
            view! {
                <tr>
                    <th scope="row">{name}</th>
                    {labelled.map(|(c, l)| view! { <td data-label=l>{c}</td> }).collect_view()}
                </tr>
            }
        })
        .collect_view();
    let details = report
        .reps
        .iter()
        .filter(|r| !r.changes.is_empty())
        .map(|rep| view! { <RepTable lang rep=rep.clone()/> })
        .collect_view();
    view! {
        <div class="overview-changes-report" data-testid="changes-report">
            <p class="overview-changes-between" data-testid="changes-between">{between}</p>
            <p class="muted">{fill(ChangesText::Source.get(lang), &[&label])}</p>
            {newer}
            <div class="overview-changes-actions">
                <button type="button" class="link" on:click=download data-testid="changes-csv">
                    {ChangesText::DownloadCsv.get(lang)}
                </button>
                <button type="button" class="link" on:click=move |_| on_close()>
                    {ChangesText::Close.get(lang)}
                </button>
            </div>
            {report.is_empty().then(|| view! { <p data-testid="changes-nothing">{ChangesText::Nothing.get(lang)}</p> })}
            {any.then(|| view! {
                <div class="table-wrap" role="region" aria-label=summary_caption tabindex="0">
                    <table class="metrics stacked" data-testid="changes-summary">
                        <caption>{summary_caption}</caption>
                        <thead><tr>{heads}</tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            })}
            {quiet}
            {details}
        </div>
    }
}

/// One rep's heading and table of changes, [`CHANGES_PER_PAGE`] at a time.
#[component]
fn RepTable(lang: Lang, rep: RepChanges) -> impl IntoView {
    let columns = change_columns(lang);
    let heads = columns
        .iter()
        .map(|c| view! { <th scope="col">{c.clone()}</th> })
        .collect_view();
    let caption = fill(ChangesText::DetailsCaption.get(lang), &[&rep.name]);
    let region = caption.clone();
    let total = rep.changes.len();
    let shown = RwSignal::new(CHANGES_PER_PAGE);
    let changes = StoredValue::new(rep.changes.clone());
    let columns = StoredValue::new(columns);
    let rows = move || {
        let limit = shown.get();
        changes.with_value(|all| {
            all.iter().take(limit).map(|c| {
                let cells = change_row(lang, c).into_iter().zip(columns.get_value());
                view! { <tr>{cells.map(|(v, l)| view! { <td data-label=l>{v}</td> }).collect_view()}</tr> }
            }).collect_view()
        })
    };
    let more = move || {
        let left = total.saturating_sub(shown.get());
        (left > 0).then(|| {
            view! {
                <button type="button" class="link" data-testid="changes-more"
                    on:click=move |_| shown.update(|s| *s += CHANGES_PER_PAGE)>
                    {fill(Text::ShowMore.get(lang), &[&left.to_string()])}
                </button>
            }
        })
    };
    let new_in_team = rep.new_in_team.then(|| {
        view! {
            <span class="overview-changes-new">{ChangesText::NewInTeam.get(lang)}</span>
        }
    });
    view! {
        <div class="overview-changes-rep" data-testid="changes-rep" data-rep=rep.member_id.to_string()>
            <h3>{rep_heading(lang, &rep)}" "{new_in_team}</h3>
            <div class="table-wrap" role="region" aria-label=region tabindex="0">
                <table class="metrics stacked">
                    <caption class="visually-hidden">{caption}</caption>
                    <thead><tr>{heads}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {more}
        </div>
    }
}
