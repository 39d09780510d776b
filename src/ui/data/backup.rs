use crate::domain::dates::format_date;
use crate::domain::Workspace;
use crate::i18n::restore::describe_restore_error;
use crate::i18n::{describe_save_error, fill, SnapshotText, Translate};
use crate::ui::clock;
use crate::ui::dialog::ConfirmDialog;
use crate::ui::persist::{self, backups, backups::BackupSlot};
use crate::ui::state::{use_app, AppState};
use leptos::prelude::*;

/// Replaces the workspace with `incoming` after keeping the current one as the backup. If the
/// backup cannot be stored (a full storage), nothing is replaced and the message says why.
pub fn replace_with_backup(state: AppState, incoming: Workspace) -> Result<(), String> {
    keep_backup(state)?;
    // Written as the edits a replace amounts to (tombstones, fresh stamps), so that another tab
    // still holding the old data cannot bring it back.
    // The file's statuses were worked out on its author's day: bring them up to ours.
    let today = state.today_untracked();
    let _ = state.change(|ws, now| {
        *ws = crate::domain::merge::replace(ws, &incoming, now);
        ws.refresh_statuses(today, now);
        Ok::<(), ()>(())
    });
    Ok(())
}

/// Writes `merged` (the merge an import's preview showed, worked out on the data as it is now)
/// as one change, after keeping a backup.
pub fn write_merged(state: AppState, merged: Workspace) -> Result<(), String> {
    keep_backup(state)?;
    // The merged statuses come partly from the file's day: bring them up to ours.
    let today = state.today_untracked();
    let _ = state.change(|ws, now| {
        *ws = merged;
        ws.refresh_statuses(today, now);
        Ok::<(), ()>(())
    });
    Ok(())
}

/// Keeps the current data as the backup; refuses (with the reason) when it cannot be kept, so
/// that nothing is replaced or merged without a way back.
fn keep_backup(state: AppState) -> Result<(), String> {
    let now = clock::now();
    let saved = state.ws.with_untracked(|ws| backups::keep(ws, now));
    if let Err(e) = saved {
        let why = describe_save_error(state.lang(), &e);
        return Err(fill(state.tr(SnapshotText::BackupFailed), &[&why]));
    }
    state.backup_changed.update(|n| *n += 1);
    state.used_bytes.set(persist::used_bytes());
    Ok(())
}

/// The backup a replace left: when, how much, and the way back (restore or download).
#[component]
pub fn BackupPanel() -> impl IntoView {
    let state = use_app();
    // Listed again whenever an import, merge or restore kept a new one.
    let slots = Memo::new(move |_| {
        state.backup_changed.track();
        backups::list()
    });
    // The backup the person asked to restore, waiting for the confirmation.
    let pending = RwSignal::new(None::<String>);
    let confirm = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    // A restore replaces the whole workspace: with sync on, a director's act, as an import is.
    let rights = crate::ui::sync::Rights::new(state);
    let refused = Memo::new(move |_| rights.import_refused());
    let restore = Callback::new(move |()| {
        let Some(key) = pending.get_untracked() else {
            return;
        };
        let lang = state.lang();
        match backups::read(&key) {
            Err(e) => failure.set(Some(fill(
                SnapshotText::BackupUnreadable.get(lang),
                &[&describe_restore_error(lang, &e)],
            ))),
            Ok(ws) => match replace_with_backup(state, ws) {
                Ok(()) => {
                    failure.set(None);
                    state.notify(SnapshotText::BackupRestored.get(lang));
                }
                Err(m) => failure.set(Some(m)),
            },
        }
    });
    let ask = move |key: String| {
        if let Some(why) = refused.get_untracked() {
            failure.set(Some(why));
            return;
        }
        pending.set(Some(key));
        confirm.set(true);
    };
    let line = move |slot: &BackupSlot| {
        let lang = state.lang();
        let local = slot
            .taken_at
            .with_timezone(&crate::ui::clock::local_offset());
        let when = format!(
            "{} {}",
            format_date(clock::date_of(slot.taken_at)),
            local.format("%H:%M")
        );
        match (slot.clients, slot.orders) {
            (Some(clients), Some(orders)) => {
                let clients =
                    crate::i18n::count(lang, crate::i18n::Plural::Clients, clients as u64);
                let orders = crate::i18n::count(lang, crate::i18n::Plural::Orders, orders as u64);
                fill(
                    SnapshotText::BackupInfo.get(lang),
                    &[&when, &clients, &orders],
                )
            }
            _ => fill(SnapshotText::BackupInfoShort.get(lang), &[&when]),
        }
    };
    view! {
        <div class="panel" data-testid="backup">
            <h2>{state.text(SnapshotText::BackupTitle)}</h2>
            {move || {
                let all = slots.get();
                let Some(newest) = all.first().cloned() else {
                    return view! { <p class="muted" data-testid="no-backup">{state.text(SnapshotText::BackupNone)}</p> }.into_any();
                };
                let older: Vec<BackupSlot> = all.iter().skip(1).cloned().collect();
                let (k1, k2) = (newest.key.clone(), newest.key.clone());
                view! {
                    <p data-testid="backup-info">{line(&newest)}</p>
                    <div class="form-actions">
                        <button type="button" class="secondary" on:click=move |_| ask(k1.clone()) data-testid="restore-backup"
                            disabled=move || refused.with(Option::is_some) title=move || refused.get()>{state.text(SnapshotText::BackupRestore)}</button>
                        <button type="button" class="secondary" on:click=move |_| backups::download(&k2) data-testid="download-backup">{state.text(SnapshotText::BackupDownload)}</button>
                    </div>
                    {(!older.is_empty()).then(|| view! {
                        <details data-testid="older-backups">
                            <summary>{fill(state.tr(SnapshotText::OlderBackups), &[&older.len().to_string()])}</summary>
                            <ul class="data-plain-list">
                                {older.into_iter().map(|slot| {
                                    let (k1, k2) = (slot.key.clone(), slot.key.clone());
                                    view! {
                                        <li data-testid="older-backup">
                                            {line(&slot)}" "
                                            <button type="button" class="secondary" on:click=move |_| ask(k1.clone())>{state.text(SnapshotText::BackupRestore)}</button>" "
                                            <button type="button" class="secondary" on:click=move |_| backups::download(&k2)>{state.text(SnapshotText::BackupDownload)}</button>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        </details>
                    })}
                }.into_any()
            }}
            {move || failure.get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
            <ConfirmDialog
                open=confirm
                title=state.text_signal(SnapshotText::BackupRestoreQ)
                message=state.text_signal(SnapshotText::BackupRestoreText)
                confirm_label=state.text_signal(SnapshotText::BackupRestore)
                on_confirm=restore
            />
        </div>
    }
}
