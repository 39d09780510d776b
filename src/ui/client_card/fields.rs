//! The form fields of a client and of a deal, bound to drafts; parents decide what Save does.

use crate::domain::draft::{ClientDraft, DealDraft, Field, FieldError};
use crate::domain::ClientStatus;
use crate::i18n::{describe_problem, stage_name, status_name, Text};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The translated problem with `field`, if any.
fn error_for(
    errors: RwSignal<Vec<FieldError>>,
    field: Field,
) -> impl Fn() -> Option<String> + Copy {
    let state = use_app();
    move || {
        errors.with(|list| {
            list.iter()
                .find(|(f, _)| *f == field)
                .map(|(_, problem)| describe_problem(state.lang(), problem))
        })
    }
}

/// A labelled text input bound to one draft field.
#[component]
fn TextField(
    label: Text,
    value: Signal<String>,
    on_input: Callback<String>,
    error: Option<Field>,
    errors: RwSignal<Vec<FieldError>>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(default = "")] testid: &'static str,
    #[prop(default = "")] autocomplete: &'static str,
) -> impl IntoView {
    let state = use_app();
    let for_field = error.map(|f| error_for(errors, f));
    let message = move || for_field.and_then(|m| m());
    view! {
        <label class="field">
            <span>{state.text(label)}</span>
            <input type=kind prop:value=move || value.get() autocomplete=autocomplete
                on:input=move |ev| on_input.run(event_target_value(&ev))
                aria-invalid=move || message().map(|_| "true")
                data-testid=testid/>
            {move || message().map(|m| view! { <span class="field-error" role="alert">{m}</span> })}
        </label>
    }
}

/// The client's own fields: company, ИНН, КПП, contact, owner, status, notes.
#[component]
pub fn ClientFields(
    draft: RwSignal<ClientDraft>,
    errors: RwSignal<Vec<FieldError>>,
) -> impl IntoView {
    let state = use_app();
    let bind = move |get: fn(&ClientDraft) -> &String, set: fn(&mut ClientDraft, String)| {
        (
            Signal::derive(move || draft.with(|d| get(d).clone())),
            Callback::new(move |v: String| draft.update(|d| set(d, v))),
        )
    };
    let (name, set_name) = bind(|d| &d.name, |d, v| d.name = v);
    let (inn, set_inn) = bind(|d| &d.inn, |d, v| d.inn = v);
    let (kpp, set_kpp) = bind(|d| &d.kpp, |d, v| d.kpp = v);
    let (contact, set_contact) = bind(|d| &d.contact_name, |d, v| d.contact_name = v);
    let (phone, set_phone) = bind(|d| &d.phone, |d, v| d.phone = v);
    let (email, set_email) = bind(|d| &d.email, |d, v| d.email = v);
    let (spend, set_spend) = bind(|d| &d.yearly_spend, |d, v| d.yearly_spend = v);
    let members = move || state.member_options();
    let status_code = |s: ClientStatus| format!("{s:?}");
    let owner_error = error_for(errors, Field::Owner);
    view! {
        <div class="form-grid">
            <TextField label=Text::FieldCompany value=name on_input=set_name error=Some(Field::Name) errors testid="client-name" autocomplete="organization"/>
            <TextField label=Text::FieldInn value=inn on_input=set_inn error=Some(Field::Inn) errors testid="client-inn"/>
            <TextField label=Text::FieldKpp value=kpp on_input=set_kpp error=Some(Field::Kpp) errors testid="client-kpp"/>
            <TextField label=Text::FieldContactPerson value=contact on_input=set_contact error=None errors testid="client-contact"/>
            <TextField label=Text::FieldPhone value=phone on_input=set_phone error=Some(Field::Phone) errors kind="tel" testid="client-phone"/>
            <TextField label=Text::FieldEmail value=email on_input=set_email error=Some(Field::Email) errors kind="email" testid="client-email"/>
            <label class="field">
                <span>{state.text(Text::FieldOwner)}</span>
                <select prop:value=move || draft.with(|d| d.owner_id.clone())
                    on:change=move |ev| draft.update(|d| d.owner_id = event_target_value(&ev))
                    data-testid="client-owner">
                    <option value="">"—"</option>
                    <For each=members key=|m| m.clone() let((id, name))>
                        <option value=id.clone() selected=move || draft.with(|d| d.owner_id == id)>{name}</option>
                    </For>
                </select>
                {move || owner_error().map(|m| view! { <span class="field-error" role="alert">{m}</span> })}
            </label>
            <label class="field">
                <span>{state.text(Text::FieldStatus)}</span>
                <select prop:value=move || draft.with(|d| d.status.map(status_code).unwrap_or_default())
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        draft.update(|d| d.status = ClientStatus::ALL.into_iter().find(|s| status_code(*s) == v));
                    }
                    data-testid="client-status">
                    {ClientStatus::ALL.map(|s| view! {
                        <option value=status_code(s) selected=move || draft.with(|d| d.status == Some(s))>
                            {move || status_name(state.lang(), s)}
                        </option>
                    })}
                </select>
            </label>
            <TextField label=Text::FieldYearlySpend value=spend on_input=set_spend error=Some(Field::YearlySpend) errors testid="client-spend"/>
            <label class="field wide">
                <span>{state.text(Text::FieldNotes)}</span>
                <textarea rows="4" prop:value=move || draft.with(|d| d.notes.clone())
                    on:input=move |ev| draft.update(|d| d.notes = event_target_value(&ev))
                    data-testid="client-notes"></textarea>
            </label>
        </div>
    }
}

/// A deal's fields: title, stage, amount, next step and its date.
#[component]
pub fn DealFields(draft: RwSignal<DealDraft>, errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
    let state = use_app();
    let bind = move |get: fn(&DealDraft) -> &String, set: fn(&mut DealDraft, String)| {
        (
            Signal::derive(move || draft.with(|d| get(d).clone())),
            Callback::new(move |v: String| draft.update(|d| set(d, v))),
        )
    };
    let (title, set_title) = bind(|d| &d.title, |d, v| d.title = v);
    let (amount, set_amount) = bind(|d| &d.amount, |d, v| d.amount = v);
    let (next, set_next) = bind(|d| &d.next_step, |d, v| d.next_step = v);
    let (date, set_date) = bind(|d| &d.next_step_date, |d, v| d.next_step_date = v);
    let stages = move || {
        let lang = state.lang();
        state.ws.with(|ws| {
            ws.stages
                .iter()
                .map(|s| (s.id.to_string(), stage_name(lang, s)))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="form-grid">
            <TextField label=Text::FieldDealTitle value=title on_input=set_title error=Some(Field::Name) errors testid="deal-title"/>
            <label class="field">
                <span>{state.text(Text::FieldStage)}</span>
                <select prop:value=move || draft.with(|d| d.stage_id.clone())
                    on:change=move |ev| draft.update(|d| d.stage_id = event_target_value(&ev))
                    data-testid="deal-stage">
                    <For each=stages key=|s| s.clone() let((id, name))>
                        <option value=id.clone() selected=move || draft.with(|d| d.stage_id == id)>{name}</option>
                    </For>
                </select>
            </label>
            <TextField label=Text::FieldAmount value=amount on_input=set_amount error=Some(Field::Amount) errors testid="deal-amount"/>
            <TextField label=Text::FieldNextStep value=next on_input=set_next error=None errors testid="deal-next"/>
            <TextField label=Text::FieldNextStepDate value=date on_input=set_date error=Some(Field::NextStepDate) errors kind="date" testid="deal-date"/>
        </div>
    }
}
