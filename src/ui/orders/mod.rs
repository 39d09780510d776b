//! Orders on the client card: the client's purchase history, entered line by line.

mod form;

use crate::domain::dates::format_date;
use crate::domain::orders::{Order, OrderDraft, OrderLineDraft};
use crate::domain::{Id, Money};
use crate::i18n::{fill, SalesText};
use crate::ui::deal_close::FirstSaleOffer;
use crate::ui::dialog::ConfirmDialog;
use crate::ui::state::use_app;
use form::OrderForm;
use leptos::prelude::*;

/// The client's orders, newest first, with a form to add one and each order editable in place.
#[component]
pub fn OrderList(client_id: Id) -> impl IntoView {
    let state = use_app();
    let orders = {
        let client_id = client_id.clone();
        Memo::new(move |_| {
            state.ws.with(|ws| {
                let mut list: Vec<Order> = ws.orders_of(&client_id).into_iter().cloned().collect();
                list.reverse();
                list
            })
        })
    };
    let has_catalogue = Memo::new(move |_| state.ws.with(|ws| !ws.products.is_empty()));
    let adding = RwSignal::new(false);
    // The client's first order offers to mark its most advanced open deal won.
    let first_sale = RwSignal::new(None::<(Id, Id, Money)>);
    let on_added = {
        let client_id = client_id.clone();
        Callback::new(move |(order_id, total): (Id, Money)| {
            let offer = state
                .ws
                .with_untracked(|ws| ws.first_sale_offer(&client_id).map(|d| d.id.clone()));
            if let Some(deal_id) = offer {
                first_sale.set(Some((deal_id, order_id, total)));
            }
        })
    };
    let new_draft = {
        let client_id = client_id.clone();
        move || OrderDraft {
            client_id: client_id.to_string(),
            date: crate::domain::dates::iso_date(state.today_untracked()),
            lines: vec![OrderLineDraft::default()],
        }
    };
    view! {
        <div class="panel orders-panel" data-testid="orders">
            <div class="panel-head">
                <h2>{state.text(SalesText::OrdersTitle)}</h2>
                <Show when=move || !adding.get() && has_catalogue.get()>
                    <button type="button" class="secondary" on:click=move |_| adding.set(true) data-testid="add-order">
                        {state.text(SalesText::AddOrder)}
                    </button>
                </Show>
            </div>
            <Show when=move || !has_catalogue.get()>
                <p class="muted" data-testid="no-catalogue">
                    {state.text(SalesText::NoCatalogue)}" "<a href="#/settings">"→"</a>
                </p>
            </Show>
            <Show when=move || adding.get()>
                <OrderForm draft=new_draft() existing=None on_done=Callback::new(move |()| adding.set(false)) on_added/>
            </Show>
            <Show when=move || orders.with(Vec::is_empty) && has_catalogue.get()>
                <p class="muted">{state.text(SalesText::NoOrders)}</p>
            </Show>
            <FirstSaleOffer offer=first_sale/>
            <ul class="orders-list">
                <For each=move || orders.get() key=|o| (o.id.clone(), o.updated_at) let(order)>
                    <OrderItem order/>
                </For>
            </ul>
        </div>
    }
}

/// One order: its date, lines and total, opening into the same form for editing.
#[component]
fn OrderItem(order: Order) -> impl IntoView {
    let state = use_app();
    let editing = RwSignal::new(false);
    let confirm = RwSignal::new(false);
    let date = format_date(order.date);
    let lines = {
        let order = order.clone();
        move || {
            state.ws.with(|ws| {
                order
                    .lines
                    .iter()
                    .map(|l| {
                        let name = ws
                            .products
                            .iter()
                            .find(|p| p.id == l.product_id)
                            .map_or_else(|| l.product_id.to_string(), |p| p.name.clone());
                        match l.quantity {
                            // «Гофрокороб × 1 234,5 — 12 000,00 ₽»
                            Some(q) => format!("{name} × {} — {}", q.format(','), l.amount),
                            None => format!("{name} — {}", l.amount),
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            })
        }
    };
    let remove = {
        let id = order.id.clone();
        Callback::new(move |()| {
            if state
                .change(|ws, now| ws.remove_order(&id, state.today_untracked(), now))
                .is_ok()
            {
                state.notify(state.tr(SalesText::OrderDeleted));
            }
        })
    };
    let draft = OrderDraft::from_order(&order);
    let total = order.total().to_string();
    let question = {
        let date = date.clone();
        Signal::derive(move || fill(state.tr(SalesText::DeleteOrderQ), &[&date]))
    };
    view! {
        <li class="orders-item" data-testid="order">
            <Show when=move || !editing.get() fallback={
                let draft = draft.clone();
                let id = order.id.clone();
                move || view! {
                    <OrderForm draft=draft.clone() existing=Some(id.clone()) on_done=Callback::new(move |()| editing.set(false))/>
                }
            }>
                <div class="orders-summary">
                    <strong>{date.clone()}</strong>
                    <span class="orders-total">{total.clone()}</span>
                    <span class="muted orders-lines">{lines.clone()}</span>
                </div>
                <div class="orders-actions">
                    <button type="button" class="link" on:click=move |_| editing.set(true)>{state.text(crate::i18n::Text::Edit)}</button>
                    <button type="button" class="link danger-text" on:click=move |_| confirm.set(true)>{state.text(crate::i18n::Text::Delete)}</button>
                </div>
            </Show>
            <ConfirmDialog
                open=confirm
                title=question
                message=state.text_signal(SalesText::DeleteOrderText)
                confirm_label=state.text_signal(crate::i18n::Text::Delete)
                on_confirm=remove
            />
        </li>
    }
}
