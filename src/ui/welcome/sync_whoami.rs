//! «Кто вы» with sync on: who you are is the server's session, never a free choice. Shown when
//! the session's user is not (yet) on the team roster: the director adds herself, anyone else
//! asks the director and may meanwhile look at the team's data without changing it.

use crate::domain::{Id, JobTitle, TeamMember};
use crate::i18n::{fill, SyncText, Text};
use crate::ui::state::use_app;
use crate::ui::sync::use_sync;
use crate::ui::team::MemberForm;
use leptos::prelude::*;

/// The «кто вы» screen of a device with sync on.
#[component]
pub fn SyncWhoAmI() -> impl IntoView {
    let state = use_app();
    let ctx = use_sync();
    // The director joins the roster under the member id the server knows her by, so the
    // server's `member:<id>` and the app's «Вы:» are the same person.
    let add_me = Callback::new(move |mut member: TeamMember| {
        let Some(session) = ctx.session.get_untracked() else {
            return;
        };
        if let Some(id) = &session.member {
            member.id = Id::from_raw(id.clone());
        }
        member.job_title = JobTitle::SalesDirector;
        let id = member.id.clone();
        if state.change(|ws, _| ws.add_member(member)).is_ok() {
            state.prefs.update(|p| p.me = Some(id));
        }
    });
    let view_only = move |_| ctx.view_only.set(true);
    view! {
        <section class="welcome-whoami" data-testid="whoami">
            <h1>{state.text(Text::WhoAmITitle)}</h1>
            {move || match ctx.session.get() {
                None => view! {
                    <p data-testid="whoami-log-in-text">{state.text(SyncText::WhoAmILogIn)}</p>
                    <div class="form-actions">
                        <button type="button" class="primary" data-testid="whoami-log-in"
                            on:click=move |_| ctx.login_open.set(true)>{state.text(SyncText::LogIn)}</button>
                    </div>
                }.into_any(),
                Some(session) => {
                    let director = session.role.as_deref() == Some("director");
                    // The director is not told to ask the director.
                    let told = if director {
                        SyncText::NotOnRosterDirector
                    } else {
                        SyncText::NotOnRoster
                    };
                    view! {
                        <p class="banner banner-warning" role="note" data-testid="whoami-not-on-roster">
                            {fill(state.tr(told), &[&session.name])}
                        </p>
                        {director.then(|| view! {
                            <div class="panel" data-testid="whoami-add-self">
                                <MemberForm on_submit=add_me submit_label=Text::AddMe initial_title=JobTitle::SalesDirector/>
                            </div>
                        })}
                        <div class="form-actions">
                            <button type="button" class="secondary" data-testid="whoami-view-only"
                                on:click=view_only>{state.text(SyncText::ViewReadOnly)}</button>
                        </div>
                    }.into_any()
                }
            }}
        </section>
    }
}
