//! The first start: what the app is, a one-click demo, or a start from scratch; then «who are you».

mod sync_whoami;

use crate::domain::demo::demo_workspace;
use crate::domain::TeamMember;
use crate::i18n::{job_title_name, SnapshotText, Text};
use crate::ui::state::use_app;
use crate::ui::team::MemberForm;
use leptos::prelude::*;

/// Shown while the workspace is empty.
#[component]
pub fn Welcome() -> impl IntoView {
    let state = use_app();
    let load_demo = move |_| {
        let today = state.today_untracked();
        let _ = state.change(|ws, now| {
            *ws = demo_workspace(today, now);
            Ok::<(), ()>(())
        });
        state.prefs.update(|p| p.me = None);
    };
    let start = Callback::new(move |member: TeamMember| {
        let id = member.id.clone();
        if state.change(|ws, _| ws.add_member(member)).is_ok() {
            state.prefs.update(|p| p.me = Some(id));
        }
    });
    view! {
        <section class="welcome" data-testid="welcome">
            <h1>{state.text(Text::WelcomeTitle)}</h1>
            <p class="welcome-lead">{state.text(Text::WelcomeLead)}</p>
            <ul class="welcome-points">
                <li>{state.text(Text::WelcomePointPipeline)}</li>
                <li>{state.text(Text::WelcomePointClients)}</li>
                <li>{state.text(Text::WelcomePointPrivate)}</li>
            </ul>
            <div class="welcome-options">
                <div class="panel">
                    <h2>{state.text(Text::DemoTitle)}</h2>
                    <p>{state.text(Text::DemoText)}</p>
                    <button type="button" class="primary" on:click=load_demo data-testid="load-demo">
                        {state.text(Text::LoadDemo)}
                    </button>
                </div>
                <div class="panel">
                    <h2>{state.text(SnapshotText::WelcomeFileTitle)}</h2>
                    <p>{state.text(SnapshotText::WelcomeFileText)}</p>
                    <a class="button secondary" href="#/data" data-testid="welcome-import">
                        {state.text(SnapshotText::ChooseFile)}
                    </a>
                </div>
                <div class="panel">
                    <h2>{state.text(Text::StartTitle)}</h2>
                    <p>{state.text(Text::StartText)}</p>
                    <MemberForm on_submit=start submit_label=Text::StartButton/>
                </div>
            </div>
        </section>
    }
}

/// Shown when there is a team but this browser does not know which member is using it.
#[component]
pub fn WhoAmI() -> impl IntoView {
    let state = use_app();
    // With sync on the server says who this is: no free choice.
    if crate::ui::sync::use_sync().is_on() {
        return view! { <sync_whoami::SyncWhoAmI/> }.into_any();
    }
    let members = move || {
        state.ws.with(|ws| {
            ws.members
                .iter()
                .map(|m| (m.id.clone(), m.name.clone(), m.job_title))
                .collect::<Vec<_>>()
        })
    };
    let add_me = Callback::new(move |member: TeamMember| {
        let id = member.id.clone();
        if state.change(|ws, _| ws.add_member(member)).is_ok() {
            state.prefs.update(|p| p.me = Some(id));
        }
    });
    view! {
        <section class="welcome-whoami" data-testid="whoami">
            <h1>{state.text(Text::WhoAmITitle)}</h1>
            <p>{state.text(Text::WhoAmIText)}</p>
            <ul class="welcome-whoami-list">
                <For each=members key=|m| m.0.clone() let((id, name, title))>
                    <li>
                        <button type="button" class="welcome-whoami-pick" on:click={
                            let id = id.clone();
                            move |_| state.prefs.update(|p| p.me = Some(id.clone()))
                        }>
                            <span class="welcome-whoami-name">{name}</span>
                            <span class="welcome-whoami-title">{move || job_title_name(state.lang(), title)}</span>
                        </button>
                    </li>
                </For>
            </ul>
            <details class="panel">
                <summary>{state.text(Text::NotInList)}</summary>
                <MemberForm on_submit=add_me submit_label=Text::AddMe/>
            </details>
        </section>
    }
    .into_any()
}
