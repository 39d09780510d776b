use crate::domain::{JobTitle, Role, TeamMember};
use crate::i18n::{job_title_name, role_name, Text};
use crate::ui::clock;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// Name and job title of a new team member.
#[component]
pub fn MemberForm(
    /// Receives the new member when the form is valid.
    on_submit: Callback<TeamMember>,
    /// The submit button's text.
    submit_label: Text,
    /// The job title chosen at first (a sales manager unless given).
    #[prop(optional)]
    initial_title: Option<JobTitle>,
) -> impl IntoView {
    let state = use_app();
    let name = RwSignal::new(String::new());
    let title = RwSignal::new(initial_title.unwrap_or(JobTitle::SalesManager));
    let error = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = name.get_untracked();
        if typed.trim().is_empty() {
            error.set(true);
            return;
        }
        error.set(false);
        on_submit.run(TeamMember::new(
            clock::new_id(),
            typed,
            title.get_untracked(),
            clock::now(),
        ));
        name.set(String::new());
    };
    view! {
        <form class="team-member-form" on:submit=submit novalidate>
            <label class="field">
                <span>{state.text(Text::FieldPersonName)}</span>
                <input type="text" autocomplete="name" prop:value=name
                    on:input=move |ev| name.set(event_target_value(&ev))
                    aria-invalid=move || error.get().then_some("true")
                    data-testid="member-name"/>
                <Show when=move || error.get()>
                    <span class="field-error" role="alert">{state.text(Text::ErrNameRequired)}</span>
                </Show>
            </label>
            <label class="field">
                <span>{state.text(Text::FieldJobTitle)}</span>
                <JobTitleSelect value=title/>
            </label>
            <button type="submit" class="primary">{state.text(submit_label)}</button>
        </form>
    }
}

/// A job-title picker grouped by role (hunters, farmers, director).
#[component]
pub fn JobTitleSelect(value: RwSignal<JobTitle>) -> impl IntoView {
    let state = use_app();
    let code = |t: JobTitle| format!("{t:?}");
    let on_change = move |ev| {
        let picked = event_target_value(&ev);
        if let Some(t) = JobTitle::ALL.into_iter().find(|t| code(*t) == picked) {
            value.set(t);
        }
    };
    view! {
        <select on:change=on_change prop:value=move || code(value.get()) data-testid="member-title">
            {Role::ALL.map(|role| view! {
                <optgroup label=move || role_name(state.lang(), role)>
                    {role.job_titles().iter().map(|t| {
                        let t = *t;
                        view! {
                            <option value=code(t) selected=move || value.get() == t>
                                {move || job_title_name(state.lang(), t)}
                            </option>
                        }
                    }).collect_view()}
                </optgroup>
            })}
        </select>
    }
}
