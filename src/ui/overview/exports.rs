//! Two «Обзор» tables as sheets for the director's meeting: the farmers' clients before and
//! after the transfer, and the clients of one ABC × XYZ cell (all of them, not only those the
//! list shows). Figures stay numbers: money as roubles with the ₽ format, ratios with two
//! decimals, the monthly variation as a percent.

use crate::domain::dashboard::abc_xyz::Cell as MatrixCell;
use crate::domain::dashboard::handover::FarmerGrowth;
use crate::domain::metrics::Ratio;
use crate::domain::Workspace;
use crate::i18n::{fill, DashText, Lang, Translate};
use crate::sheet::{Cell, Column, Kind, Table};

fn ratio(r: Option<Ratio>) -> Cell {
    r.map_or(Cell::Empty, |r| Cell::Decimal(r.hundredths() as i64))
}

/// The farmers' growth table: a row per farmer, before and after in columns of their own.
pub fn growth_table(rows: &[FarmerGrowth], ws: &Workspace, lang: Lang) -> Table {
    use Kind::{Decimal as D, Integer as I, Money as M, Text as T};
    let columns = [
        (DashText::ColFarmer, T),
        (DashText::ColClients, I),
        (DashText::XlsFrequencyBefore, D),
        (DashText::XlsFrequencyAfter, D),
        (DashText::XlsCheckBefore, M),
        (DashText::XlsCheckAfter, M),
        (DashText::XlsGroupsBefore, D),
        (DashText::XlsGroupsAfter, D),
    ]
    .map(|(h, k)| Column::new(h.get(lang), k))
    .to_vec();
    let check = |c: Option<crate::domain::Money>| c.map_or(Cell::Empty, Cell::Money);
    let rows = rows
        .iter()
        .map(|g| {
            vec![
                Cell::Text(
                    ws.member(&g.farmer_id)
                        .map(|m| m.name.clone())
                        .unwrap_or_default(),
                ),
                Cell::Integer(i64::from(g.clients)),
                ratio(g.before.frequency()),
                ratio(g.after.frequency()),
                check(g.before.average_check()),
                check(g.after.average_check()),
                ratio(g.before.groups_per_client(g.clients)),
                ratio(g.after.groups_per_client(g.clients)),
            ]
        })
        .collect();
    Table {
        name: DashText::GrowthSheet.get(lang).to_owned(),
        columns,
        rows,
    }
}

/// The clients of the matrix cell `name` (`AX`…), biggest revenue first.
pub fn cell_table(cell: &MatrixCell, name: &str, ws: &Workspace, lang: Lang) -> Table {
    use Kind::{Money as M, Percent as P, Text as T};
    let columns = [
        (DashText::ColClient, T),
        (DashText::XlsInn, T),
        (DashText::XlsOwner, T),
        (DashText::XlsCell, T),
        (DashText::ColRevenue, M),
        (DashText::ColVariation, P),
    ]
    .map(|(h, k)| Column::new(h.get(lang), k))
    .to_vec();
    let rows = cell
        .clients
        .iter()
        .map(|c| {
            let client = ws.client(&c.client_id);
            let owner = client.and_then(|cl| ws.member(&cl.owner_id));
            vec![
                Cell::Text(client.map_or_else(|| c.client_id.to_string(), |cl| cl.name.clone())),
                client
                    .and_then(|cl| cl.inn.clone())
                    .map_or(Cell::Empty, Cell::Text),
                owner.map_or(Cell::Empty, |m| Cell::Text(m.name.clone())),
                Cell::Text(name.to_owned()),
                Cell::Money(c.revenue),
                c.cv_bp
                    .map_or(Cell::Empty, |bp| Cell::Percent(i64::from(bp))),
            ]
        })
        .collect();
    Table {
        name: fill(DashText::MatrixClients.get(lang), &[name]),
        columns,
        rows,
    }
}
