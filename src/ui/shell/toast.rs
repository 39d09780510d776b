use crate::ui::state::use_app;
use leptos::prelude::*;
use std::time::Duration;

/// A short confirmation at the bottom of the screen that fades after a few seconds.
#[component]
pub fn ToastView() -> impl IntoView {
    let state = use_app();
    Effect::new(move |_| {
        if let Some(toast) = state.toast.get() {
            set_timeout(
                move || {
                    // Only hide the toast this timer was started for.
                    if state.toast.with_untracked(|t| t.as_ref().map(|t| t.serial))
                        == Some(toast.serial)
                    {
                        state.toast.set(None);
                    }
                },
                Duration::from_millis(3500),
            );
        }
    });
    view! {
        <div class="shell-toast-region" role="status" aria-live="polite">
            {move || state.toast.get().map(|t| view! { <div class="shell-toast">{t.text}</div> })}
        </div>
    }
}
