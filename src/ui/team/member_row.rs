use super::member_form::JobTitleSelect;
use crate::domain::{Id, JobTitle, WorkspaceError};
use crate::i18n::{describe_workspace_error, fill, job_title_name, Text};
use crate::ui::dialog::ConfirmDialog;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// One member of the team table, with inline editing and removal when `editable`.
#[component]
pub fn MemberRow(id: Id, editable: Signal<bool>) -> impl IntoView {
    let state = use_app();
    let member = {
        let id = id.clone();
        Memo::new(move |_| state.ws.with(|ws| ws.member(&id).cloned()))
    };
    let owned = {
        let id = id.clone();
        Memo::new(move |_| state.ws.with(|ws| ws.owned_by(&id)))
    };
    let is_me = {
        let id = id.clone();
        Memo::new(move |_| state.me_id().as_ref() == Some(&id))
    };
    let editing = RwSignal::new(false);
    let edit_name = RwSignal::new(String::new());
    let edit_title = RwSignal::new(JobTitle::SalesManager);
    let confirm_open = RwSignal::new(false);
    let successor = RwSignal::new(String::new());
    let error = RwSignal::new(None::<WorkspaceError>);

    // The member as the editor opened: only what the person changed from it is saved.
    let opened = StoredValue::new(None::<crate::domain::TeamMember>);
    let start_edit = move |_| {
        if let Some(m) = member.get_untracked() {
            edit_name.set(m.name.clone());
            edit_title.set(m.job_title);
            opened.set_value(Some(m));
            editing.set(true);
        }
    };
    let save_edit = move |_| {
        let Some(current) = member.get_untracked() else {
            return;
        };
        let before = opened.get_value().unwrap_or_else(|| current.clone());
        let mut edited = before.clone();
        edited.name = edit_name.get_untracked();
        edited.job_title = edit_title.get_untracked();
        let m = crate::domain::stamps::apply_edits(&before, &edited, &current);
        match state.change(|ws, now| ws.update_member(m, now)) {
            Ok(()) => {
                error.set(None);
                editing.set(false);
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let remove = {
        let id = id.clone();
        Callback::new(move |()| {
            let to = successor.get_untracked();
            let to = (!to.is_empty()).then(|| Id::from_raw(to));
            match state.change(|ws, now| ws.remove_member(&id, to.as_ref(), now)) {
                Ok(()) => state.notify(state.tr(Text::MemberRemoved)),
                Err(e) => error.set(Some(e)),
            }
        })
    };
    let others = {
        let id = id.clone();
        Memo::new(move |_| {
            state.ws.with(|ws| {
                ws.members
                    .iter()
                    .filter(|m| m.id != id)
                    .map(|m| (m.id.to_string(), m.name.clone()))
                    .collect::<Vec<_>>()
            })
        })
    };
    let sync_on = crate::ui::sync::use_sync().is_on();
    let make_me = {
        let id = id.clone();
        Callback::new(move |()| state.prefs.update(|p| p.me = Some(id.clone())))
    };
    let name = move || member.with(|m| m.as_ref().map(|m| m.name.clone()).unwrap_or_default());

    view! {
        <tr data-member-id=id.to_string()>
            <Show when=move || editing.get() fallback=move || view! {
                <td>
                    <span class="team-member-name">{name}</span>
                    <Show when=move || is_me.get()>" "<span class="badge">{state.text(Text::ThisIsYou)}</span></Show>
                </td>
                <td data-label=state.text(Text::ColJobTitle)>{move || member.get().map(|m| job_title_name(state.lang(), m.job_title))}</td>
            }>
                <td>
                    <input type="text" prop:value=edit_name aria-label=state.text(Text::FieldPersonName)
                        on:input=move |ev| edit_name.set(event_target_value(&ev))/>
                </td>
                <td><JobTitleSelect value=edit_title/></td>
            </Show>
            <td class="num" data-label=state.text(Text::ColClients)>{move || owned.get().0}</td>
            <td class="num" data-label=state.text(Text::ColDeals)>{move || owned.get().1}</td>
            <td class="row-actions">
                <Show when=move || editing.get() fallback=move || view! {
                    // With sync on the server says who this is: no «Это я».
                    <Show when=move || !is_me.get() && !sync_on>
                        <button type="button" class="link" on:click=move |_| make_me.run(())>{state.text(Text::ThisIsMe)}</button>
                    </Show>
                    <Show when=move || editable.get()>
                    <button type="button" class="link" on:click=start_edit>{state.text(Text::Edit)}</button>
                    <button type="button" class="link danger-text" on:click=move |_| {
                        successor.set(String::new());
                        error.set(None);
                        confirm_open.set(true);
                    }>{state.text(Text::Delete)}</button>
                    </Show>
                }>
                    <button type="button" class="primary" on:click=save_edit>{state.text(Text::Save)}</button>
                    <button type="button" class="secondary" on:click=move |_| editing.set(false)>{state.text(Text::Cancel)}</button>
                </Show>
                {move || error.get().map(|e| view! {
                    <span class="field-error" role="alert">{describe_workspace_error(state.lang(), &e)}</span>
                })}
                <ConfirmDialog
                    open=confirm_open
                    title=Signal::derive(move || fill(state.tr(Text::RemoveMemberQ), &[&name()]))
                    message=Signal::derive(move || {
                        let (c, d) = owned.get();
                        if c + d == 0 {
                            state.tr(Text::RemoveMemberPlain).to_owned()
                        } else {
                            {
                            let lang = state.lang();
                            let clients = crate::i18n::count(lang, crate::i18n::Plural::Clients, c as u64);
                            let deals = crate::i18n::count(lang, crate::i18n::Plural::Deals, d as u64);
                            fill(state.tr(Text::RemoveMemberOwns), &[&clients, &deals])
                        }
                        }
                    })
                    confirm_label=state.text_signal(Text::Delete)
                    on_confirm=remove
                >
                    <Show when=move || { let (c, d) = owned.get(); c + d > 0 }>
                        <label class="field">
                            <span>{state.text(Text::PassRecordsTo)}</span>
                            <select on:change=move |ev| successor.set(event_target_value(&ev))
                                data-testid="successor">
                                <option value="">"—"</option>
                                <For each=move || others.get() key=|o| o.clone() let((oid, oname))>
                                    <option value=oid>{oname}</option>
                                </For>
                            </select>
                        </label>
                    </Show>
                </ConfirmDialog>
            </td>
        </tr>
    }
}
