//! The funnel, plan against fact, the forecast and the client base over time put into words for
//! the charts and tables of «Обзор», in the current language.

use super::chart::{Bar, ChartData};
use super::figures::member_name;
use crate::domain::dashboard::plan_fact::percent;
use crate::domain::dashboard::Dashboard;
use crate::domain::ids::Id;
use crate::domain::money::Money;
use crate::domain::sales_plan::PlanKind;
use crate::domain::Workspace;
use crate::i18n::deals::reason_name;
use crate::i18n::{stage_name, DashText, Lang, PlanText, Translate};

fn money(m: Money) -> String {
    m.whole_rubles().to_string()
}

fn kopecks(m: Money) -> u64 {
    u64::try_from(m.kopecks()).unwrap_or(0)
}

/// Per mille as a percent with one decimal: «66,7 %» (a point in English).
pub fn permille_text(lang: Lang, permille: Option<u32>) -> String {
    let Some(p) = permille else {
        return "—".to_owned();
    };
    let sep = if lang == Lang::Ru { ',' } else { '.' };
    format!("{}{sep}{}\u{a0}%", p / 10, p % 10)
}

fn stage_label(ws: &Workspace, id: &Id, lang: Lang) -> String {
    ws.stage(id)
        .map_or_else(|| id.to_string(), |s| stage_name(lang, s))
}

fn columns(lang: Lang, keys: &[&dyn Fn(Lang) -> &'static str]) -> Vec<String> {
    keys.iter().map(|k| k(lang).to_owned()).collect()
}

/// The funnel: one centred bar per stage, as wide as the deals that reached it.
pub fn funnel(d: &Dashboard, ws: &Workspace, lang: Lang) -> ChartData {
    let f = &d.funnel;
    if f.stages.iter().all(|s| s.reached == 0) {
        return ChartData::default();
    }
    let days = |v: Option<u32>| v.map_or_else(|| "—".to_owned(), |d| d.to_string());
    ChartData {
        bars: f
            .stages
            .iter()
            .map(|s| Bar {
                label: stage_label(ws, &s.stage_id, lang),
                values: vec![u64::from(s.reached)],
                text: match s.to_next_permille {
                    Some(p) => format!("{} · → {}", s.reached, permille_text(lang, Some(p))),
                    None => s.reached.to_string(),
                },
            })
            .collect(),
        series: Vec::new(),
        columns: columns(
            lang,
            &[
                &|l| PlanText::ColStage.get(l),
                &|l| PlanText::ColEntered.get(l),
                &|l| PlanText::ColDealAmount.get(l),
                &|l| PlanText::ColNext.get(l),
                &|l| PlanText::ColMedianDays.get(l),
            ],
        ),
        rows: f
            .stages
            .iter()
            .map(|s| {
                vec![
                    stage_label(ws, &s.stage_id, lang),
                    s.reached.to_string(),
                    money(s.amount),
                    permille_text(lang, s.to_next_permille),
                    days(s.median_days),
                ]
            })
            .collect(),
    }
}

/// Lost deals by reason.
pub fn lost(d: &Dashboard, lang: Lang) -> ChartData {
    let rows = &d.funnel.lost;
    ChartData {
        bars: rows
            .iter()
            .map(|l| Bar {
                label: reason_name(lang, &l.reason),
                values: vec![u64::from(l.deals)],
                text: format!("{} · {}", l.deals, money(l.amount)),
            })
            .collect(),
        series: Vec::new(),
        columns: columns(
            lang,
            &[
                &|l| PlanText::ColReason.get(l),
                &|l| PlanText::ColLost.get(l),
                &|l| DashText::ColAmount.get(l),
            ],
        ),
        rows: rows
            .iter()
            .map(|l| {
                vec![
                    reason_name(lang, &l.reason),
                    l.deals.to_string(),
                    money(l.amount),
                ]
            })
            .collect(),
    }
}

/// The hunters side by side.
pub fn hunters(d: &Dashboard, ws: &Workspace, lang: Lang) -> ChartData {
    let rows = &d.funnel.hunters;
    ChartData {
        bars: Vec::new(),
        series: Vec::new(),
        columns: columns(
            lang,
            &[
                &|l| DashText::ColRep.get(l),
                &|l| PlanText::ColLeads.get(l),
                &|l| DashText::ColFirstSales.get(l),
                &|l| PlanText::ColConversion.get(l),
                &|l| PlanText::ColWon.get(l),
                &|l| PlanText::ColLostShort.get(l),
                &|l| PlanText::ColWonAmount.get(l),
            ],
        ),
        rows: rows
            .iter()
            .map(|h| {
                vec![
                    member_name(ws, &h.member_id),
                    h.leads.to_string(),
                    h.first_sales.to_string(),
                    permille_text(
                        lang,
                        crate::domain::dashboard::funnel::permille(h.first_sales, h.leads),
                    ),
                    h.won.to_string(),
                    h.lost.to_string(),
                    money(h.won_amount),
                ]
            })
            .collect(),
    }
}

fn amount_text(kind: PlanKind, value: i64) -> String {
    if kind.is_money() {
        money(Money::from_kopecks(value))
    } else {
        value.to_string()
    }
}

/// «fact / plan · 87 %», or the fact alone without a plan.
fn cell(kind: PlanKind, plan: i64, fact: i64) -> String {
    match percent(plan, fact) {
        Some(p) => format!(
            "{} / {} · {p}\u{a0}%",
            amount_text(kind, fact),
            amount_text(kind, plan)
        ),
        None => amount_text(kind, fact),
    }
}

fn kind_name(kind: PlanKind, lang: Lang) -> &'static str {
    match kind {
        PlanKind::FirstSalesCount => PlanText::KindCount,
        PlanKind::FirstSalesAmount => PlanText::KindAmount,
        PlanKind::Revenue => PlanText::KindRevenue,
    }
    .get(lang)
}

/// Plan against fact: the table (per month and to date) and, as bars, each planned measure's
/// percentage of plan to date.
pub fn plan_fact(d: &Dashboard, ws: &Workspace, lang: Lang) -> ChartData {
    let pf = &d.plan_fact;
    let mut columns = vec![
        DashText::ColRep.get(lang).to_owned(),
        PlanText::ColPlanKind.get(lang).to_owned(),
    ];
    columns.extend(pf.months.iter().map(|m| m.to_string()));
    columns.push(PlanText::ToDate.get(lang).to_owned());
    let planned = pf.rows.iter().filter(|r| r.totals().0 > 0);
    ChartData {
        bars: planned
            .map(|r| {
                let (plan, fact) = r.totals();
                let p = percent(plan, fact).unwrap_or(0);
                Bar {
                    label: format!(
                        "{} — {}",
                        member_name(ws, &r.member_id),
                        kind_name(r.kind, lang)
                    ),
                    values: vec![u64::try_from(p.min(200)).unwrap_or(0)],
                    text: format!("{p}\u{a0}%"),
                }
            })
            .collect(),
        series: Vec::new(),
        columns,
        rows: pf
            .rows
            .iter()
            .map(|r| {
                let mut row = vec![
                    member_name(ws, &r.member_id),
                    kind_name(r.kind, lang).to_owned(),
                ];
                row.extend(
                    r.plan
                        .iter()
                        .zip(&r.fact)
                        .map(|(p, f)| cell(r.kind, *p, *f)),
                );
                let (plan, fact) = r.totals();
                row.push(cell(r.kind, plan, fact));
                row
            })
            .collect(),
    }
}

/// The forecast's weighted pipeline by stage.
pub fn forecast(d: &Dashboard, ws: &Workspace, lang: Lang) -> ChartData {
    let f = &d.forecast;
    let open = f.stages.iter().filter(|s| s.deals > 0);
    ChartData {
        bars: open
            .clone()
            .map(|s| Bar {
                label: stage_label(ws, &s.stage_id, lang),
                values: vec![kopecks(s.weighted)],
                text: format!(
                    "{} ({} × {}\u{a0}%)",
                    money(s.weighted),
                    money(s.amount),
                    s.percent
                ),
            })
            .collect(),
        series: Vec::new(),
        columns: columns(
            lang,
            &[
                &|l| PlanText::ColStage.get(l),
                &|l| PlanText::ColOpen.get(l),
                &|l| PlanText::ColDealAmount.get(l),
                &|l| PlanText::ColProbability.get(l),
                &|l| PlanText::ColWeighted.get(l),
            ],
        ),
        rows: open
            .map(|s| {
                vec![
                    stage_label(ws, &s.stage_id, lang),
                    s.deals.to_string(),
                    money(s.amount),
                    format!("{}\u{a0}%", s.percent),
                    money(s.weighted),
                ]
            })
            .collect(),
    }
}

/// Sleeping and lost clients at each month's end, stacked.
pub fn base(d: &Dashboard, lang: Lang) -> ChartData {
    let series = vec![
        PlanText::SeriesSleeping.get(lang).to_owned(),
        PlanText::SeriesLost.get(lang).to_owned(),
    ];
    let mut columns = vec![DashText::ColMonth.get(lang).to_owned()];
    columns.extend(series.iter().cloned());
    ChartData {
        bars: d
            .base
            .iter()
            .map(|m| Bar {
                label: m.month.to_string(),
                values: vec![u64::from(m.sleeping), u64::from(m.lost)],
                text: format!("{} / {}", m.sleeping, m.lost),
            })
            .collect(),
        series,
        columns,
        rows: d
            .base
            .iter()
            .map(|m| {
                vec![
                    m.month.to_string(),
                    m.sleeping.to_string(),
                    m.lost.to_string(),
                ]
            })
            .collect(),
    }
}
