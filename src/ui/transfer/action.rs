use crate::domain::transfer::TransferRule;
use crate::domain::workspace::transfer::TransferRequest;
use crate::domain::{Id, Role};
use crate::i18n::{describe_workspace_error, fill, SalesText};
use crate::ui::clock;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The farmer picker and the «Передать фермеру» button: one action that checks the rule,
/// records the transfer and hands the client over. Only the director or the client's owner
/// may use it; others see why not.
#[component]
pub fn TransferAction(client_id: Id) -> impl IntoView {
    let state = use_app();
    let farmers = Memo::new(move |_| {
        state.ws.with(|ws| {
            ws.members
                .iter()
                .filter(|m| m.role() == Role::Farmer)
                .map(|m| (m.id.to_string(), m.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let chosen = RwSignal::new(
        farmers
            .get_untracked()
            .first()
            .map(|f| f.0.clone())
            .unwrap_or_default(),
    );
    let failure = RwSignal::new(None::<String>);
    let allowed = {
        let client_id = client_id.clone();
        Signal::derive(move || {
            let Some(me) = state.me() else { return false };
            me.role() == Role::Director
                || state
                    .ws
                    .with(|ws| ws.client(&client_id).is_some_and(|c| c.owner_id == me.id))
        })
    };
    let transfer = Callback::new(move |()| {
        let Some(me) = state.me_id() else { return };
        let to = chosen.get_untracked();
        let today = state.today_untracked();
        let request = TransferRequest {
            record_id: clock::new_id(),
            client_id: client_id.clone(),
            to_member_id: Id::from_raw(to.as_str()),
            by_member_id: me,
        };
        match state.change(|ws, now| ws.transfer_client(request, today, now)) {
            Ok(()) => {
                failure.set(None);
                let name = state.ws.with_untracked(|ws| {
                    ws.member(&Id::from_raw(to.as_str()))
                        .map(|m| m.name.clone())
                        .unwrap_or_default()
                });
                state.notify(fill(state.tr(SalesText::Transferred), &[&name]));
            }
            Err(e) => failure.set(Some(describe_workspace_error(state.lang(), &e))),
        }
    });
    view! {
        <Show when=move || !farmers.with(Vec::is_empty) fallback=move || view! {
            <p class="muted">{state.text(SalesText::NoFarmers)}</p>
        }>
            <Show when=move || allowed.get() fallback=move || view! {
                <p class="muted">{state.text(SalesText::TransferNotAllowed)}</p>
            }>
                <div class="transfer-action">
                    <label class="field">
                        <span>{state.text(SalesText::TransferTo)}</span>
                        <select prop:value=move || chosen.get() on:change=move |ev| chosen.set(event_target_value(&ev))
                            data-testid="transfer-farmer">
                            <For each=move || farmers.get() key=|f| f.clone() let((id, name))>
                                <option value=id.clone() selected=move || chosen.get() == id>{name}</option>
                            </For>
                        </select>
                    </label>
                    <button type="button" class="primary" on:click=move |_| transfer.run(()) data-testid="transfer-button">
                        {state.text(SalesText::TransferButton)}
                    </button>
                </div>
            </Show>
        </Show>
        {move || failure.get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
    }
}

/// The rule in force, read from the workspace (tracked).
pub fn current_rule() -> TransferRule {
    use_app().ws.with(|ws| ws.transfer_policy.rule.clone())
}
