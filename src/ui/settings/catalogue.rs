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
    let failure = RwSignal::new(None::<String>);
    let report =
        move |result: Result<(), crate::domain::WorkspaceError>, done: SalesText| match result {
            Ok(()) => {
                failure.set(None);
                state.notify(state.tr(done));
            }
            Err(e) => failure.set(Some(describe_workspace_error(state.lang(), &e))),
        };
    let groups = Memo::new(move |_| {
        state.ws.with(|ws| {
            ws.product_groups
                .iter()
                .map(|g| {
                    let products: Vec<(String, String)> = ws
                        .products
                        .iter()
                        .filter(|p| p.group_id == g.id)
                        .map(|p| (p.id.to_string(), p.name.clone()))
                        .collect();
                    (g.id.to_string(), g.name.clone(), products)
                })
                .collect::<Vec<_>>()
        })
    });
    // The item being edited in place: its id, the name as typed, and (for a product) its group.
    let editing = RwSignal::new(None::<(String, String, Option<String>)>);
    // The name and group as they were when the edit began: only what the person changed is
    // saved, so a change made elsewhere meanwhile to the other field is kept.
    let opened = RwSignal::new(None::<(String, Option<String>)>);
    let save_edit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some((id, name, group)) = editing.get_untracked() else {
            return;
        };
        let id = crate::domain::Id::from_raw(id.as_str());
        let (opened_name, opened_group) = opened
            .get_untracked()
            .unwrap_or_else(|| (name.clone(), group.clone()));
        let result = state.change(|ws, now| match &group {
            Some(g) => {
                let current = ws
                    .products
                    .iter()
                    .find(|p| p.id == id)
                    .map(|p| (p.name.clone(), p.group_id.to_string()));
                let (current_name, current_group) =
                    current.unwrap_or_else(|| (name.clone(), g.clone()));
                let name = if name != opened_name {
                    &name
                } else {
                    &current_name
                };
                let group = if Some(g) != opened_group.as_ref() {
                    g
                } else {
                    &current_group
                };
                ws.update_product(&id, name, &crate::domain::Id::from_raw(group.as_str()), now)
            }
            None => ws.rename_product_group(&id, &name, now),
        });
        if result.is_ok() {
            editing.set(None);
        }
        report(result, SalesText::CatalogueSaved);
    };
    let remove = move |id: String| {
        let id = crate::domain::Id::from_raw(id.as_str());
        let result = state.change(|ws, now| ws.remove_catalogue_item(&id, now));
        report(result, SalesText::CatalogueRemoved);
    };
    let group_name = RwSignal::new(String::new());
    let product_name = RwSignal::new(String::new());
    let product_group = RwSignal::new(String::new());
    let add_group = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let now = clock::now();
        let group = ProductGroup {
            id: clock::new_id(),
            name: group_name.get_untracked().trim().to_owned(),
            created_at: now,
            updated_at: now,
            stamps: Default::default(),
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
            stamps: Default::default(),
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
        <div class="settings-catalogue" data-testid="catalogue">
            <Show when=move || !groups.with(Vec::is_empty) fallback=move || view! { <p class="muted">{state.text(SalesText::NoGroups)}</p> }>
                <ul class="settings-catalogue-groups">
                    <For each=move || groups.get() key=|g| g.clone() let((group_id, name, products))>
                        <li data-testid="catalogue-group">
                            <CatalogueItem id=group_id.clone() name=name.clone() group=None editing opened editable on_remove=Callback::new(remove) on_save=Callback::new(save_edit)/>
                            <ul class="settings-catalogue-products">
                                {products.into_iter().map(|(id, product)| view! {
                                    <li><CatalogueItem id=id name=product group=Some(group_id.clone()) editing opened editable on_remove=Callback::new(remove) on_save=Callback::new(save_edit)/></li>
                                }).collect_view()}
                            </ul>
                        </li>
                    </For>
                </ul>
            </Show>
            <Show when=move || editable.get()>
                <form class="settings-catalogue-form" on:submit=add_group novalidate>
                    <label class="field grow">
                        <span>{state.text(SalesText::GroupName)}</span>
                        <input type="text" prop:value=move || group_name.get()
                            on:input=move |ev| group_name.set(event_target_value(&ev)) data-testid="group-name"/>
                    </label>
                    <button type="submit" class="secondary" data-testid="add-group">{state.text(SalesText::AddGroup)}</button>
                </form>
                <Show when=move || !groups.with(Vec::is_empty)>
                    <form class="settings-catalogue-form" on:submit=add_product novalidate>
                        <label class="field grow">
                            <span>{state.text(SalesText::ProductName)}</span>
                            <input type="text" prop:value=move || product_name.get()
                                on:input=move |ev| product_name.set(event_target_value(&ev)) data-testid="product-name"/>
                        </label>
                        <label class="field">
                            <span>{state.text(SalesText::GroupName)}</span>
                            <select prop:value=move || product_group.get() on:change=move |ev| product_group.set(event_target_value(&ev))
                                data-testid="product-group">
                                <For each=move || groups.get() key=|g| g.0.clone() let((id, name, _))>
                                    <option value=id.clone() selected=move || product_group.get() == id>{name}</option>
                                </For>
                            </select>
                        </label>
                        <button type="submit" class="secondary" data-testid="add-product">{state.text(SalesText::AddProduct)}</button>
                    </form>
                </Show>
                {move || failure.get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
            </Show>
        </div>
    }
}

/// One group or product: its name with «Изменить» / «Удалить», or the in-place edit form.
#[component]
fn CatalogueItem(
    id: String,
    name: String,
    /// The product's group; `None` for a group.
    group: Option<String>,
    editing: RwSignal<Option<(String, String, Option<String>)>>,
    /// The name and group when the edit began.
    opened: RwSignal<Option<(String, Option<String>)>>,
    editable: Signal<bool>,
    on_remove: Callback<String>,
    on_save: Callback<leptos::ev::SubmitEvent>,
) -> impl IntoView {
    let state = use_app();
    let is_group = group.is_none();
    let mine = {
        let id = id.clone();
        Signal::derive(move || editing.with(|e| e.as_ref().is_some_and(|(e, _, _)| *e == id)))
    };
    let start = Callback::new({
        let (id, name, group) = (id.clone(), name.clone(), group.clone());
        move |()| {
            opened.set(Some((name.clone(), group.clone())));
            editing.set(Some((id.clone(), name.clone(), group.clone())));
        }
    });
    let remove_id = StoredValue::new(id);
    let shown = StoredValue::new(name);
    view! {
        <Show when=move || mine.get() fallback=move || view! {
            <span class="settings-catalogue-name" class:settings-catalogue-group=is_group>{shown.get_value()}</span>
            <Show when=move || editable.get()>
                <button type="button" class="link" on:click=move |_| start.run(())>{state.text(crate::i18n::Text::Edit)}</button>
                <button type="button" class="link danger-text" on:click=move |_| on_remove.run(remove_id.get_value())>
                    {state.text(crate::i18n::Text::Delete)}
                </button>
            </Show>
        }>
            <form class="settings-catalogue-form settings-inline-edit" on:submit=move |ev| on_save.run(ev) novalidate>
                <label class="field grow">
                    <span>{state.text(if is_group { SalesText::GroupName } else { SalesText::ProductName })}</span>
                    <input type="text" prop:value=move || editing.with(|e| e.as_ref().map(|e| e.1.clone()).unwrap_or_default())
                        on:input=move |ev| editing.update(|e| if let Some(e) = e { e.1 = event_target_value(&ev) })
                        data-testid="catalogue-edit-name"/>
                </label>
                {(!is_group).then(|| view! {
                    <label class="field">
                        <span>{state.text(SalesText::GroupName)}</span>
                        <select on:change=move |ev| editing.update(|e| if let Some(e) = e { e.2 = Some(event_target_value(&ev)) })>
                            {state.group_options().into_iter().map(|(gid, gname)| {
                                let selected = editing.with_untracked(|e| e.as_ref().and_then(|e| e.2.clone()) == Some(gid.clone()));
                                view! { <option value=gid selected=selected>{gname}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                })}
                <button type="submit" class="primary">{state.text(crate::i18n::Text::Save)}</button>
                <button type="button" class="secondary" on:click=move |_| editing.set(None)>{state.text(crate::i18n::Text::Cancel)}</button>
            </form>
        </Show>
    }
}
