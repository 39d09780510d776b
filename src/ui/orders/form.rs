use crate::domain::orders::{OrderDraft, OrderField, OrderLineDraft, OrderProblem};
use crate::domain::{Id, Money};
use crate::i18n::sales::order_problem_text;
use crate::i18n::{fill, SalesText, Text};
use crate::ui::clock;
use crate::ui::reveal::reveal_form;
use crate::ui::state::use_app;
use leptos::prelude::*;
use std::collections::HashSet;

/// The order form: a date and lines of product + amount (+ an optional quantity), with the running total. Saves a new
/// order, or replaces `existing`; `on_added` hears of a new order (its id and total).
#[component]
pub fn OrderForm(
    draft: OrderDraft,
    existing: Option<Id>,
    on_done: Callback<()>,
    #[prop(optional)] on_added: Option<Callback<(Id, Money)>>,
) -> impl IntoView {
    let state = use_app();
    // The order as the form opened, to save only what the person changed.
    let opened = draft.clone();
    let draft = RwSignal::new(draft);
    let errors = RwSignal::new(Vec::<(OrderField, OrderProblem)>::new());
    let form_ref = NodeRef::<leptos::html::Form>::new();
    reveal_form(form_ref);
    let products = move || state.product_options();
    let error_for = move |field: OrderField| {
        move || {
            errors.with(|list| {
                list.iter()
                    .find(|(f, _)| *f == field)
                    .map(|(f, p)| match (f, p) {
                        // «Fill this in» under a drop-down reads oddly; say what to do.
                        (OrderField::LineProduct(_), OrderProblem::Required) => {
                            state.tr(SalesText::OrderUnknownProduct).to_owned()
                        }
                        (OrderField::Lines, OrderProblem::Required) => {
                            state.tr(SalesText::OrderNoLines).to_owned()
                        }
                        _ => order_problem_text(state.lang(), p),
                    })
            })
        }
    };
    // The running total counts only amounts that read as money, so a half-typed line does not
    // make it jump around.
    let total = move || {
        draft.with(|d| {
            d.lines
                .iter()
                .filter_map(|l| Money::parse(&l.amount).ok())
                .fold(Money::ZERO, |a, b| a + b)
        })
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let known: HashSet<Id> = state.ws.with_untracked(|ws| ws.product_ids());
        let id = existing.clone().unwrap_or_else(clock::new_id);
        match draft.with_untracked(|d| d.to_order(id, &known, clock::now())) {
            Err(list) => errors.set(list),
            Ok(edited) => {
                let is_new = existing.is_none();
                // An edit goes onto the order as it is now: only the fields changed in the form.
                let order = state.ws.with_untracked(|ws| {
                    let current = ws.orders.iter().find(|o| o.id == edited.id)?;
                    let before = opened
                        .to_order(edited.id.clone(), &known, edited.created_at)
                        .ok()?;
                    Some(crate::domain::stamps::apply_edits(
                        &before, &edited, current,
                    ))
                });
                let order = order.unwrap_or(edited);
                let added = (order.id.clone(), order.total());
                let today = state.today_untracked();
                let result = state.change(|ws, now| {
                    if is_new {
                        ws.add_order(order, today, now)
                    } else {
                        ws.update_order(order, today, now)
                    }
                });
                if result.is_ok() {
                    errors.set(Vec::new());
                    let done = if is_new {
                        SalesText::OrderAdded
                    } else {
                        SalesText::OrderSaved
                    };
                    state.notify(state.tr(done));
                    on_done.run(());
                    if let Some(callback) = on_added.filter(|_| is_new) {
                        callback.run(added);
                    }
                }
            }
        }
    };
    let rows = move || draft.with(|d| (0..d.lines.len()).collect::<Vec<_>>());
    view! {
        <form class="orders-form" node_ref=form_ref on:submit=submit novalidate data-testid="order-form">
            <label class="field orders-date">
                <span>{state.text(SalesText::OrderDate)}</span>
                <input type="date" prop:value=move || draft.with(|d| d.date.clone())
                    on:input=move |ev| draft.update(|d| d.date = event_target_value(&ev))
                    aria-invalid=move || error_for(OrderField::Date)().map(|_| "true")
                    data-testid="order-date"/>
                {move || error_for(OrderField::Date)().map(|m| view! { <span class="field-error" role="alert">{m}</span> })}
            </label>
            <For each=rows key=|i| *i let(i)>
                <div class="orders-line" data-testid="order-line">
                    <label class="field">
                        <span>{state.text(SalesText::OrderProduct)}</span>
                        <select prop:value=move || draft.with(|d| d.lines.get(i).map(|l| l.product_id.clone()).unwrap_or_default())
                            on:change=move |ev| draft.update(|d| if let Some(l) = d.lines.get_mut(i) { l.product_id = event_target_value(&ev) })
                            aria-invalid=move || error_for(OrderField::LineProduct(i))().map(|_| "true")
                            data-testid="order-product">
                            <option value="">"—"</option>
                            <For each=products key=|p| p.clone() let((id, name))>
                                <option value=id.clone() selected=move || draft.with(|d| d.lines.get(i).is_some_and(|l| l.product_id == id))>{name}</option>
                            </For>
                        </select>
                        {move || error_for(OrderField::LineProduct(i))().map(|m| view! { <span class="field-error" role="alert">{m}</span> })}
                    </label>
                    <label class="field">
                        <span>{state.text(SalesText::OrderAmount)}</span>
                        <input type="text" inputmode="decimal" prop:value=move || draft.with(|d| d.lines.get(i).map(|l| l.amount.clone()).unwrap_or_default())
                            on:input=move |ev| draft.update(|d| if let Some(l) = d.lines.get_mut(i) { l.amount = event_target_value(&ev) })
                            aria-invalid=move || error_for(OrderField::LineAmount(i))().map(|_| "true")
                            data-testid="order-amount"/>
                        {move || error_for(OrderField::LineAmount(i))().map(|m| view! { <span class="field-error" role="alert">{m}</span> })}
                    </label>
                    <label class="field">
                        <span>{state.text(SalesText::OrderQuantity)}</span>
                        <input type="text" inputmode="decimal" prop:value=move || draft.with(|d| d.lines.get(i).map(|l| l.quantity.clone()).unwrap_or_default())
                            on:input=move |ev| draft.update(|d| if let Some(l) = d.lines.get_mut(i) { l.quantity = event_target_value(&ev) })
                            aria-invalid=move || error_for(OrderField::LineQuantity(i))().map(|_| "true")
                            data-testid="order-quantity"/>
                        {move || error_for(OrderField::LineQuantity(i))().map(|m| view! { <span class="field-error" role="alert">{m}</span> })}
                    </label>
                    <button type="button" class="link" disabled=move || draft.with(|d| d.lines.len() < 2)
                        aria-label=move || fill(state.tr(SalesText::RemoveLine), &[&(i + 1).to_string()])
                        on:click=move |_| draft.update(|d| { if d.lines.len() > 1 && i < d.lines.len() { d.lines.remove(i); } })>
                        "✕"
                    </button>
                </div>
            </For>
            {move || error_for(OrderField::Lines)().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
            <div class="form-actions">
                <button type="button" class="secondary" on:click=move |_| draft.update(|d| d.lines.push(OrderLineDraft::default()))
                    data-testid="order-add-line">{state.text(SalesText::AddLine)}</button>
                <span class="orders-running-total" data-testid="order-total">
                    {move || fill(state.tr(SalesText::OrderTotal), &[&total().to_string()])}
                </span>
            </div>
            <div class="form-actions">
                <button type="submit" class="primary" data-testid="save-order">{state.text(SalesText::SaveOrder)}</button>
                <button type="button" class="secondary" on:click=move |_| on_done.run(())>{state.text(Text::Cancel)}</button>
            </div>
        </form>
    }
}
