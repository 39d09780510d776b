use super::clash::{follow_settings, policy_part, SettingsClash};
use crate::domain::dates::format_date;
use crate::domain::orders::calendar::last_months;
use crate::domain::orders::HistoryIndex;
use crate::domain::transfer::{eligible_clients, ConditionDraft, ConditionKind, PolicyDraft};
use crate::domain::{Client, Id, Workspace};
use crate::i18n::sales::{condition_kind_name, policy_draft_error_text};
use crate::i18n::{describe_workspace_error, fill, plural, Plural, SalesText, Translate};
use crate::ui::state::use_app;
use leptos::prelude::*;
use std::collections::{HashMap, HashSet};

/// How many names a «what if» list shows before «…».
const PREVIEW_NAMES: usize = 12;

/// Edits a copy of the transfer rule and thresholds, with a live «what if» preview of who would
/// become eligible; nothing changes for the team until a valid rule is saved.
#[component]
pub fn RuleEditor(editable: Signal<bool>) -> impl IntoView {
    let state = use_app();
    let saved = Memo::new(move |_| {
        state
            .ws
            .with(|ws| PolicyDraft::from_policy(&ws.transfer_policy))
    });
    let draft = RwSignal::new(saved.get_untracked());
    // The policy as the draft last caught up with it (see `clash`): only what the person
    // changed since is saved over a rule changed elsewhere.
    let opened = RwSignal::new(saved.get_untracked());
    let clashes = RwSignal::new(Vec::<String>::new());
    follow_settings(saved, opened, draft, clashes);
    let failure = RwSignal::new(None::<String>);
    let catalogue = move || {
        state.ws.with(|ws| {
            let products: HashSet<Id> = ws.product_ids();
            let groups: HashSet<Id> = ws.group_ids();
            (products, groups)
        })
    };
    let problems = move || {
        let lang = state.lang();
        let (products, groups) = catalogue();
        match draft.with(|d| d.to_policy(&products, &groups)) {
            Ok(_) => Vec::new(),
            Err(list) => list
                .iter()
                .map(|e| policy_draft_error_text(lang, e))
                .collect(),
        }
    };
    let dirty = move || draft.with(|d| saved.with(|s| d != s));
    // The index only changes with the orders and the catalogue; the preview re-evaluates as
    // the user types.
    let index = crate::ui::transfer::history_index();
    let preview = Memo::new(move |_| {
        let rule = draft.with(PolicyDraft::readable_rule);
        index.with(|index| state.ws.with(|ws| what_if(ws, index, &rule, state.today())))
    });
    let save = move |_| {
        let (products, groups) = catalogue();
        let Ok(policy) = draft.with_untracked(|d| d.to_policy(&products, &groups)) else {
            return;
        };
        let today = state.today_untracked();
        let result = state.change(|ws, now| {
            ws.set_transfer_policy(policy, now)?;
            ws.refresh_statuses(today, now);
            Ok::<(), crate::domain::WorkspaceError>(())
        });
        match result {
            Ok(()) => {
                failure.set(None);
                opened.set(saved.get_untracked());
                draft.set(saved.get_untracked());
                clashes.set(Vec::new());
                state.notify(state.tr(SalesText::RuleSaved));
            }
            Err(e) => failure.set(Some(describe_workspace_error(state.lang(), &e))),
        }
    };
    let products = move || state.product_options();
    let groups = move || state.group_options();
    let rows = move || draft.with(|d| (0..d.conditions.len()).collect::<Vec<_>>());
    let kind_code = |k: ConditionKind| format!("{k:?}");
    view! {
        <fieldset class="settings-rule-editor" disabled=move || !editable.get() data-testid="rule-editor">
            <SettingsClash clashes opened draft part_name=policy_part/>
            <label class="field inline">
                <span>{state.text(SalesText::RuleCombinator)}</span>
                <select on:change=move |ev| {
                        let any = event_target_value(&ev) == "any";
                        draft.update(|d| d.combinator = if any { crate::domain::transfer::Combinator::Any } else { crate::domain::transfer::Combinator::All });
                    } data-testid="rule-combinator">
                    <option value="all" selected=move || draft.with(|d| d.combinator == crate::domain::transfer::Combinator::All)>{state.text(SalesText::CombAll)}</option>
                    <option value="any" selected=move || draft.with(|d| d.combinator == crate::domain::transfer::Combinator::Any)>{state.text(SalesText::CombAny)}</option>
                </select>
            </label>
            <div class="hint settings-rule-help" data-testid="rule-help">
                <p>{state.text(SalesText::RuleWindowHelp)}</p>
                <p data-testid="rule-window-now">{move || {
                    let (from, to) = last_months(state.today(), 3);
                    fill(state.tr(SalesText::RuleWindowNow), &[&format_date(from), &format_date(to)])
                }}</p>
            </div>
            <For each=rows key=|i| *i let(i)>
                <div class="settings-rule-row" data-testid="rule-condition">
                    <label class="field">
                        <span>{move || fill(state.tr(SalesText::ConditionN), &[&(i + 1).to_string()])}</span>
                        <select on:change=move |ev| {
                                let v = event_target_value(&ev);
                                if let Some(kind) = ConditionKind::ALL.into_iter().find(|k| kind_code(*k) == v) {
                                    draft.update(|d| if let Some(c) = d.conditions.get_mut(i) { if c.kind != kind { *c = ConditionDraft::new(kind) } });
                                }
                            } data-testid="condition-kind">
                            {ConditionKind::ALL.map(|k| view! {
                                <option value=kind_code(k) selected=move || draft.with(|d| d.conditions.get(i).is_some_and(|c| c.kind == k))>
                                    {move || condition_kind_name(state.lang(), k)}
                                </option>
                            })}
                        </select>
                    </label>
                    {move || {
                        let kind = draft.with(|d| d.conditions.get(i).map(|c| c.kind));
                        let text = move |label: SalesText, get: fn(&ConditionDraft) -> String, set: fn(&mut ConditionDraft, String), testid: &'static str| view! {
                            <label class="field">
                                <span>{state.text(label)}</span>
                                <input type="text" inputmode="numeric" prop:value=move || draft.with(|d| d.conditions.get(i).map(get).unwrap_or_default())
                                    on:input=move |ev| draft.update(|d| if let Some(c) = d.conditions.get_mut(i) { set(c, event_target_value(&ev)) })
                                    data-testid=testid/>
                            </label>
                        };
                        let choose = move |label: SalesText, options: Vec<(String, String)>| view! {
                            <label class="field">
                                <span>{state.text(label)}</span>
                                <select on:change=move |ev| draft.update(|d| if let Some(c) = d.conditions.get_mut(i) { c.target = event_target_value(&ev) })
                                    data-testid="condition-target">
                                    <option value="">"—"</option>
                                    {options.into_iter().map(|(id, name)| {
                                        let selected = draft.with_untracked(|d| d.conditions.get(i).is_some_and(|c| c.target == id));
                                        view! { <option value=id selected=selected>{name}</option> }
                                    }).collect_view()}
                                </select>
                            </label>
                        };
                        match kind {
                            Some(ConditionKind::OrderCount) => text(SalesText::ParamOrders, |c| c.count.clone(), |c, v| c.count = v, "condition-count").into_any(),
                            Some(ConditionKind::Volume) => view! {
                                {text(SalesText::ParamAmount, |c| c.amount.clone(), |c, v| c.amount = v, "condition-amount")}
                                {text(SalesText::ParamWithinMonths, |c| c.within_months.clone(), |c, v| c.within_months = v, "condition-within")}
                            }.into_any(),
                            Some(ConditionKind::BoughtProduct) => choose(SalesText::OrderProduct, products()).into_any(),
                            Some(ConditionKind::BoughtGroup) => choose(SalesText::GroupName, groups()).into_any(),
                            Some(ConditionKind::MonthlyMinimum) => view! {
                                {text(SalesText::ParamMonths, |c| c.count.clone(), |c, v| c.count = v, "condition-count")}
                                {text(SalesText::ParamAmount, |c| c.amount.clone(), |c, v| c.amount = v, "condition-amount")}
                            }.into_any(),
                            Some(ConditionKind::MinimumOrder) => view! {
                                {text(SalesText::ParamLastMonths, |c| c.count.clone(), |c, v| c.count = v, "condition-count")}
                                {text(SalesText::ParamAmount, |c| c.amount.clone(), |c, v| c.amount = v, "condition-amount")}
                            }.into_any(),
                            Some(ConditionKind::DaysSinceFirstOrder) => text(SalesText::ParamDays, |c| c.count.clone(), |c, v| c.count = v, "condition-count").into_any(),
                            None => ().into_any(),
                        }
                    }}
                    <button type="button" class="link danger-text"
                        aria-label=move || fill(state.tr(SalesText::RemoveCondition), &[&(i + 1).to_string()])
                        on:click=move |_| draft.update(|d| { if i < d.conditions.len() { d.conditions.remove(i); } })>
                        "✕"
                    </button>
                </div>
            </For>
            <button type="button" class="secondary" on:click=move |_| draft.update(|d| d.conditions.push(ConditionDraft::new(ConditionKind::OrderCount)))
                data-testid="add-condition">{state.text(SalesText::AddCondition)}</button>
            <h3>{state.text(SalesText::ThresholdsTitle)}</h3>
            <div class="form-grid">
                <label class="field">
                    <span>{state.text(SalesText::SleepingDays)}</span>
                    <input type="text" inputmode="numeric" prop:value=move || draft.with(|d| d.sleeping_days.clone())
                        on:input=move |ev| draft.update(|d| d.sleeping_days = event_target_value(&ev)) data-testid="sleeping-days"/>
                </label>
                <label class="field">
                    <span>{state.text(SalesText::LostDays)}</span>
                    <input type="text" inputmode="numeric" prop:value=move || draft.with(|d| d.lost_days.clone())
                        on:input=move |ev| draft.update(|d| d.lost_days = event_target_value(&ev)) data-testid="lost-days"/>
                </label>
            </div>
            <div class="settings-what-if" data-testid="what-if" aria-live="polite">
                {move || {
                    let p = preview.get();
                    let lang = state.lang();
                    view! {
                        <p><strong data-testid="what-if-count">{plural(lang, Plural::WhatIf, p.after as u64, &[&p.after.to_string(), &p.before.to_string()])}</strong></p>
                        {(!p.gained.is_empty()).then(|| view! { <p data-testid="what-if-gained">{SalesText::WhatIfNew.get(lang)}" "{names(&p.gained)}</p> })}
                        {(!p.lost.is_empty()).then(|| view! { <p data-testid="what-if-lost">{SalesText::WhatIfGone.get(lang)}" "{names(&p.lost)}</p> })}
                    }
                }}
            </div>
            <ul class="settings-problems" role="alert" data-testid="rule-problems">
                {move || problems().into_iter().map(|p| view! { <li class="field-error">{p}</li> }).collect_view()}
            </ul>
            {move || failure.get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
            <div class="form-actions">
                <button type="button" class="primary" disabled=move || !dirty() || !problems().is_empty() on:click=save data-testid="save-rule">
                    {state.text(SalesText::SaveRule)}
                </button>
                <button type="button" class="secondary" disabled=move || !dirty() on:click=move |_| {
                    opened.set(saved.get_untracked());
                    draft.set(saved.get_untracked());
                    clashes.set(Vec::new());
                }>
                    {state.text(crate::i18n::Text::Cancel)}
                </button>
            </div>
        </fieldset>
    }
}

/// The preview: eligible clients still with hunters under the saved rule and the edited one.
#[derive(Clone, Debug, PartialEq)]
struct WhatIf {
    before: usize,
    after: usize,
    gained: Vec<String>,
    lost: Vec<String>,
}

fn what_if(
    ws: &Workspace,
    index: &HistoryIndex,
    rule: &crate::domain::transfer::TransferRule,
    today: chrono::NaiveDate,
) -> WhatIf {
    // Each eligible id is looked up, not searched for: a scan of the clients per id made this
    // quadratic (270 ms frozen on opening «Настройки» at 5 000 clients).
    let clients: HashMap<&Id, &Client> = ws.clients.iter().map(|c| (&c.id, c)).collect();
    let farmers = ws.farmer_ids();
    let with_hunters = |ids: Vec<Id>| -> HashSet<Id> {
        ids.into_iter()
            .filter(|id| {
                clients
                    .get(id)
                    .is_some_and(|c| !farmers.contains(&c.owner_id))
            })
            .collect()
    };
    let before = with_hunters(eligible_clients(&ws.transfer_policy.rule, index, today));
    let after = if rule.conditions.is_empty() {
        HashSet::new()
    } else {
        with_hunters(eligible_clients(rule, index, today))
    };
    let named = |set: Vec<&Id>| {
        let mut list: Vec<String> = set
            .into_iter()
            .filter_map(|id| clients.get(id).map(|c| c.name.clone()))
            .collect();
        crate::domain::sort::sort(&mut list);
        list
    };
    WhatIf {
        before: before.len(),
        after: after.len(),
        gained: named(after.difference(&before).collect()),
        lost: named(before.difference(&after).collect()),
    }
}

fn names(list: &[String]) -> String {
    let mut text = list
        .iter()
        .take(PREVIEW_NAMES)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if list.len() > PREVIEW_NAMES {
        text.push_str(&format!(" … (+{})", list.len() - PREVIEW_NAMES));
    }
    text
}
