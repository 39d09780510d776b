use crate::i18n::Text;
use crate::ui::persist;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// Tells the user a new release is ready and switches only when they press the button, so nobody
/// loses an edit to a surprise reload. The service worker glue (pwa/register-sw.js) raises
/// `salesdesk:update-ready`; the button answers with `salesdesk:apply-update`.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let state = use_app();
    let ready = RwSignal::new(
        js_sys::Reflect::get(&window(), &"__salesdeskUpdateReady".into())
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false),
    );
    let listener = window_event_listener(
        leptos::ev::Custom::new("salesdesk:update-ready"),
        move |_: web_sys::CustomEvent| ready.set(true),
    );
    on_cleanup(move || listener.remove());
    let apply = move |_| {
        // Whatever is still waiting for the debounced save is written first.
        persist::flush(state);
        if let Ok(event) = web_sys::CustomEvent::new("salesdesk:apply-update") {
            let _ = window().dispatch_event(&event);
        }
    };
    view! {
        <Show when=move || ready.get()>
            <div class="banner banner-info" role="status" data-testid="update-banner">
                <p>{state.text(Text::UpdateReady)}</p>
                <div class="banner-actions">
                    <button type="button" class="primary" on:click=apply>{state.text(Text::UpdateNow)}</button>
                    <button type="button" class="secondary" on:click=move |_| ready.set(false)>{state.text(Text::Later)}</button>
                </div>
            </div>
        </Show>
    }
}
