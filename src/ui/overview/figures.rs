//! The dashboard's figures put into words for the charts and tables: labels, values and the
//! rows of each table, in the current language.

use super::chart::{Bar, ChartData};
use crate::domain::dashboard::handover::GrowthSide;
use crate::domain::dashboard::verdicts::{Tally, VERDICT_ORDER};
use crate::domain::dashboard::{Dashboard, FarmerGrowth};
use crate::domain::ids::Id;
use crate::domain::metrics::Ratio;
use crate::domain::money::Money;
use crate::domain::Workspace;
use crate::i18n::{count, verdict_name, DashText, Lang, Plural, Text, Translate};

/// A member's name, or the id of someone no longer on the team.
pub fn member_name(ws: &Workspace, id: &Id) -> String {
    ws.member(id)
        .map_or_else(|| id.to_string(), |m| m.name.clone())
}

fn money(m: Money) -> String {
    m.whole_rubles().to_string()
}

fn kopecks(m: Money) -> u64 {
    u64::try_from(m.kopecks()).unwrap_or(0)
}

/// Revenue per month.
pub fn revenue(d: &Dashboard, lang: Lang) -> ChartData {
    ChartData {
        bars: d
            .sales
            .iter()
            .map(|m| Bar {
                label: m.month.to_string(),
                values: vec![kopecks(m.revenue)],
                text: money(m.revenue),
            })
            .collect(),
        series: Vec::new(),
        columns: [
            DashText::ColMonth,
            DashText::ColRevenue,
            DashText::ColOrders,
        ]
        .map(|c| c.get(lang).to_owned())
        .to_vec(),
        rows: d
            .sales
            .iter()
            .map(|m| vec![m.month.to_string(), money(m.revenue), m.orders.to_string()])
            .collect(),
    }
}

/// First sales per rep over the period.
pub fn first_sales(d: &Dashboard, ws: &Workspace, lang: Lang) -> ChartData {
    let amount =
        |r: &crate::domain::dashboard::FirstSales| r.amounts.iter().copied().sum::<Money>();
    ChartData {
        bars: d
            .first_sales
            .iter()
            .map(|r| Bar {
                label: member_name(ws, &r.member_id),
                values: vec![u64::from(r.total())],
                text: format!(
                    "{} · {}",
                    count(lang, Plural::FirstSales, u64::from(r.total())),
                    money(amount(r))
                ),
            })
            .collect(),
        series: Vec::new(),
        columns: [
            DashText::ColRep,
            DashText::ColFirstSales,
            DashText::ColAmount,
        ]
        .map(|c| c.get(lang).to_owned())
        .to_vec(),
        rows: d
            .first_sales
            .iter()
            .map(|r| {
                vec![
                    member_name(ws, &r.member_id),
                    r.total().to_string(),
                    money(amount(r)),
                ]
            })
            .collect(),
    }
}

/// Transfers per month.
pub fn transfers(d: &Dashboard, lang: Lang) -> ChartData {
    ChartData {
        bars: d
            .transfers
            .iter()
            .map(|m| Bar {
                label: m.month.to_string(),
                values: vec![u64::from(m.transfers)],
                text: m.transfers.to_string(),
            })
            .collect(),
        series: Vec::new(),
        columns: [DashText::ColMonth, DashText::ColTransfers]
            .map(|c| c.get(lang).to_owned())
            .to_vec(),
        rows: d
            .transfers
            .iter()
            .map(|m| vec![m.month.to_string(), m.transfers.to_string()])
            .collect(),
    }
}

fn verdict_series(lang: Lang) -> Vec<String> {
    VERDICT_ORDER
        .iter()
        .map(|v| match v {
            Some(v) => verdict_name(lang, *v).to_owned(),
            None => Text::NotAssessed.get(lang).to_owned(),
        })
        .collect()
}

fn tally_chart(rows: Vec<(String, Tally)>, head: DashText, lang: Lang) -> ChartData {
    let series = verdict_series(lang);
    let mut columns = vec![head.get(lang).to_owned()];
    columns.extend(series.iter().cloned());
    ChartData {
        bars: rows
            .iter()
            .map(|(label, t)| Bar {
                label: label.clone(),
                values: t.counts.iter().map(|c| u64::from(*c)).collect(),
                text: t
                    .counts
                    .iter()
                    .map(u32::to_string)
                    .collect::<Vec<_>>()
                    .join(" / "),
            })
            .collect(),
        series,
        columns,
        rows: rows
            .iter()
            .map(|(label, t)| {
                let mut row = vec![label.clone()];
                row.extend(t.counts.iter().map(u32::to_string));
                row
            })
            .collect(),
    }
}

/// Verdicts at each month's end, stacked.
pub fn verdicts_by_month(d: &Dashboard, lang: Lang) -> ChartData {
    let rows = d
        .verdicts
        .by_month
        .iter()
        .map(|m| (m.month.to_string(), m.tally))
        .collect();
    tally_chart(rows, DashText::ColMonth, lang)
}

/// Verdicts per rep at the period's end, stacked.
pub fn verdicts_by_rep(d: &Dashboard, ws: &Workspace, lang: Lang) -> ChartData {
    let rows = d
        .verdicts
        .by_rep
        .iter()
        .map(|r| (member_name(ws, &r.member_id), r.tally))
        .collect();
    tally_chart(rows, DashText::ColRep, lang)
}

fn ratio(r: Option<Ratio>) -> String {
    r.map_or_else(
        || "—".to_owned(),
        |r| {
            let h = r.hundredths();
            format!("{},{:02}", h / 100, h % 100)
        },
    )
}

fn check(side: &GrowthSide) -> String {
    side.average_check().map_or_else(|| "—".to_owned(), money)
}

/// Farmers' clients before and after the transfer, as table rows.
pub fn growth(rows: &[FarmerGrowth], ws: &Workspace, lang: Lang) -> ChartData {
    ChartData {
        bars: Vec::new(),
        series: Vec::new(),
        columns: [
            DashText::ColFarmer,
            DashText::ColClients,
            DashText::ColFrequency,
            DashText::ColCheck,
            DashText::ColGroups,
        ]
        .map(|c| c.get(lang).to_owned())
        .to_vec(),
        rows: rows
            .iter()
            .map(|g| {
                vec![
                    member_name(ws, &g.farmer_id),
                    g.clients.to_string(),
                    format!(
                        "{} → {}",
                        ratio(g.before.frequency()),
                        ratio(g.after.frequency())
                    ),
                    format!("{} → {}", check(&g.before), check(&g.after)),
                    format!(
                        "{} → {}",
                        ratio(g.before.groups_per_client(g.clients)),
                        ratio(g.after.groups_per_client(g.clients))
                    ),
                ]
            })
            .collect(),
    }
}
