//! A confirmation dialog for destructive actions: focus starts on «Отмена», Escape cancels.

use crate::i18n::Text;
use crate::ui::state::use_app;
use leptos::html;
use leptos::prelude::*;

/// Asks before something irreversible happens.
#[component]
pub fn ConfirmDialog(
    /// Whether the dialog is shown.
    open: RwSignal<bool>,
    /// The question, e.g. «Удалить клиента?».
    #[prop(into)]
    title: Signal<String>,
    /// What will happen.
    #[prop(into)]
    message: Signal<String>,
    /// The label of the confirming button, e.g. «Удалить».
    #[prop(into)]
    confirm_label: Signal<String>,
    /// Runs when the user confirms.
    on_confirm: Callback<()>,
    /// Extra controls between the message and the buttons.
    #[prop(optional)]
    children: Option<ChildrenFn>,
) -> impl IntoView {
    let state = use_app();
    let cancel_ref = NodeRef::<html::Button>::new();
    Effect::new(move |_| {
        if open.get() {
            if let Some(button) = cancel_ref.get() {
                let _ = button.focus();
            }
        }
    });
    let close = move || open.set(false);
    view! {
        <Show when=move || open.get()>
            <div class="dialog-backdrop" on:click=move |_| close()>
                <div class="dialog" role="alertdialog" aria-modal="true" aria-labelledby="dialog-title"
                    on:click=|ev| ev.stop_propagation()
                    on:keydown=move |ev| if ev.key() == "Escape" { close() }>
                    <h2 id="dialog-title">{move || title.get()}</h2>
                    <p>{move || message.get()}</p>
                    {children.clone().map(|c| c())}
                    <div class="dialog-actions">
                        <button type="button" class="secondary" node_ref=cancel_ref on:click=move |_| close()>
                            {state.text(Text::Cancel)}
                        </button>
                        <button type="button" class="danger" data-testid="confirm" on:click=move |_| {
                            close();
                            on_confirm.run(());
                        }>{move || confirm_label.get()}</button>
                    </div>
                </div>
            </div>
        </Show>
    }
}
