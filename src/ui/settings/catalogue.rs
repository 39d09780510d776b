use crate::domain::orders::{Product, ProductGroup};
use crate::i18n::{describe_workspace_error, SalesText};
use crate::ui::clock;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The product catalogue: groups with their products, and forms to add both. Only the
/// director edits it (`editable`); everyone sees it.
#[component]
pub fn CatalogueEditor(editable: Signal<bool>) -> impl IntoView {
    let state = use_app();
    let st = move |k: SalesText| move || k.get(state.lang());
    let groups = Memo::new(move |_| {
        state.ws.with(|ws| {
            ws.product_groups
                .iter()
                .map(|g| {
                    let products: Vec<String> = ws
                        .products
                        .iter()
                        .filter(|p| p.group_id == g.id)
                        .map(|p| p.name.clone())
                        .collect();
                    (g.id.to_string(), g.name.clone(), products)
                })
                .collect::<Vec<_>>()
        })
    });
    let group_name = RwSignal::new(String::new());
    let product_name = RwSignal::new(String::new());
    let product_group = RwSignal::new(String::new());
    let failure = RwSignal::new(None::<String>);
    let report =
        move |result: Result<(), crate::domain::WorkspaceError>, done: SalesText| match result {
            Ok(()) => {
                failure.set(None);
                state.notify(done.get(state.lang()));
            }
            Err(e) => failure.set(Some(describe_workspace_error(state.lang(), &e))),
        };
    let add_group = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let now = clock::now();
        let group = ProductGroup {
            id: clock::new_id(),
            name: group_name.get_untracked().trim().to_owned(),
            created_at: now,
            updated_at: now,
        };
        let id = group.id.to_string();
        let result = state.change(|ws, _| ws.add_product_group(group));
        if result.is_ok() {
            group_name.set(String::new());
            product_group.set(id);
        }
        report(result, SalesText::GroupAdded);
    };
    let add_product = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let now = clock::now();
        let product = Product {
            id: clock::new_id(),
            name: product_name.get_untracked().trim().to_owned(),
            group_id: crate::domain::Id::from_raw(product_group.get_untracked().as_str()),
            created_at: now,
            updated_at: now,
        };
        let result = state.change(|ws, _| ws.add_product(product));
        if result.is_ok() {
            product_name.set(String::new());
        }
        report(result, SalesText::ProductAdded);
    };
    // The product form offers the first group until the user picks one.
    Effect::new(move |_| {
        if product_group.with(String::is_empty) {
            if let Some((id, _, _)) = groups.with(|g| g.first().cloned()) {
                product_group.set(id);
            }
        }
    });
    view! {
        <div class="catalogue" data-testid="catalogue">
            <Show when=move || !groups.with(Vec::is_empty) fallback=move || view! { <p class="muted">{st(SalesText::NoGroups)}</p> }>
                <ul class="catalogue-groups">
                    <For each=move || groups.get() key=|g| g.clone() let((_, name, products))>
                        <li data-testid="catalogue-group">
                            <strong>{name}</strong>
                            <span class="muted">{if products.is_empty() { "—".to_owned() } else { products.join(", ") }}</span>
                        </li>
                    </For>
                </ul>
            </Show>
            <Show when=move || editable.get()>
                <form class="catalogue-form" on:submit=add_group novalidate>
                    <label class="field grow">
                        <span>{st(SalesText::GroupName)}</span>
                        <input type="text" prop:value=move || group_name.get()
                            on:input=move |ev| group_name.set(event_target_value(&ev)) data-testid="group-name"/>
                    </label>
                    <button type="submit" class="secondary" data-testid="add-group">{st(SalesText::AddGroup)}</button>
                </form>
                <Show when=move || !groups.with(Vec::is_empty)>
                    <form class="catalogue-form" on:submit=add_product novalidate>
                        <label class="field grow">
                            <span>{st(SalesText::ProductName)}</span>
                            <input type="text" prop:value=move || product_name.get()
                                on:input=move |ev| product_name.set(event_target_value(&ev)) data-testid="product-name"/>
                        </label>
                        <label class="field">
                            <span>{st(SalesText::GroupName)}</span>
                            <select prop:value=move || product_group.get() on:change=move |ev| product_group.set(event_target_value(&ev))
                                data-testid="product-group">
                                <For each=move || groups.get() key=|g| g.0.clone() let((id, name, _))>
                                    <option value=id.clone() selected=move || product_group.get() == id>{name}</option>
                                </For>
                            </select>
                        </label>
                        <button type="submit" class="secondary" data-testid="add-product">{st(SalesText::AddProduct)}</button>
                    </form>
                </Show>
                {move || failure.get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
            </Show>
        </div>
    }
}
