//! «Что изменилось» in words: the kind of each change, its details, and the report's two tables
//! (totals per rep, each rep's changes) as rows of text for the screen and the CSV file.

use super::changes_table::ChangesText;
use super::deals::reason_name;
use super::names::stage_name;
use super::plural::{count, Plural};
use super::translate::{fill, Translate};
use crate::domain::changes::{Change, ChangeKind, ChangesReport, Counts, Detail, RepChanges};
use crate::domain::dates::format_date;
use crate::lang::Lang;

/// The name of a kind of change.
pub fn kind_text(kind: ChangeKind) -> ChangesText {
    match kind {
        ChangeKind::NewClient => ChangesText::KindNewClient,
        ChangeKind::NewDeal => ChangesText::KindNewDeal,
        ChangeKind::MovedForward => ChangesText::KindForward,
        ChangeKind::MovedBack => ChangesText::KindBack,
        ChangeKind::Won => ChangesText::KindWon,
        ChangeKind::Lost => ChangesText::KindLost,
        ChangeKind::NewOrder => ChangesText::KindOrder,
        ChangeKind::TransferGiven => ChangesText::KindGiven,
        ChangeKind::TransferReceived => ChangesText::KindReceived,
        ChangeKind::FellAsleep => ChangesText::KindAsleep,
        ChangeKind::DeletedClient => ChangesText::KindDeletedClient,
        ChangeKind::DeletedDeal => ChangesText::KindDeletedDeal,
        ChangeKind::DeletedOrder => ChangesText::KindDeletedOrder,
    }
}

/// A change's details in words: «КП → Переговоры», «кому: Анна», «причина: Нет бюджета».
pub fn detail_text(lang: Lang, change: &Change) -> String {
    let t = |text: ChangesText| text.get(lang);
    match &change.detail {
        Detail::None => String::new(),
        Detail::Stages(moved) => fill(
            t(ChangesText::DetailStages),
            &[&stage_name(lang, &moved.0), &stage_name(lang, &moved.1)],
        ),
        Detail::LostReason(reason) => {
            fill(t(ChangesText::DetailReason), &[&reason_name(lang, reason)])
        }
        Detail::Colleague(name) => {
            let text = if change.kind == ChangeKind::TransferGiven {
                ChangesText::DetailTo
            } else {
                ChangesText::DetailFrom
            };
            fill(t(text), &[name])
        }
        Detail::DaysWithoutOrders(days) => fill(
            t(ChangesText::DetailNoOrders),
            &[&count(lang, Plural::Days, u64::from(*days))],
        ),
    }
}

/// The totals table's column headings.
pub fn summary_columns(lang: Lang) -> Vec<String> {
    [
        ChangesText::ColRep,
        ChangesText::ColNewClients,
        ChangesText::ColNewDeals,
        ChangesText::ColForward,
        ChangesText::ColBack,
        ChangesText::ColWon,
        ChangesText::ColLost,
        ChangesText::ColOrders,
        ChangesText::ColRevenue,
        ChangesText::ColTransfers,
        ChangesText::ColAsleep,
        ChangesText::ColDeleted,
    ]
    .iter()
    .map(|c| c.get(lang).to_owned())
    .collect()
}

/// One rep's row of the totals table (the name first).
pub fn summary_row(rep: &RepChanges) -> Vec<String> {
    let Counts {
        new_clients,
        new_deals,
        forward,
        back,
        won,
        lost,
        orders,
        revenue,
        transfers,
        asleep,
        deleted,
    } = rep.counts();
    let mut row = vec![rep.name.clone()];
    row.extend([new_clients, new_deals, forward, back, won, lost, orders].map(|n| n.to_string()));
    row.push(revenue.to_string());
    row.extend([transfers, asleep, deleted].map(|n| n.to_string()));
    row
}

/// The changes table's column headings.
pub fn change_columns(lang: Lang) -> Vec<String> {
    [
        ChangesText::ColDate,
        ChangesText::ColWhat,
        ChangesText::ColClient,
        ChangesText::ColDeal,
        ChangesText::ColDetail,
        ChangesText::ColAmount,
    ]
    .iter()
    .map(|c| c.get(lang).to_owned())
    .collect()
}

/// One change as a row of the changes table.
pub fn change_row(lang: Lang, change: &Change) -> Vec<String> {
    vec![
        format_date(change.date),
        kind_text(change.kind).get(lang).to_owned(),
        change.client.clone(),
        change.deal.clone(),
        detail_text(lang, change),
        change.amount.map(|a| a.to_string()).unwrap_or_default(),
    ]
}

/// A rep's heading: «Иван Петров — 3 изменения».
pub fn rep_heading(lang: Lang, rep: &RepChanges) -> String {
    let n = count(lang, Plural::Changes, rep.changes.len() as u64);
    format!("{} — {n}", rep.name)
}

/// The whole report as rows for a spreadsheet: a title line, the totals, then every change
/// with its rep.
pub fn csv_rows(lang: Lang, report: &ChangesReport) -> Vec<Vec<String>> {
    let between = fill(
        ChangesText::Between.get(lang),
        &[&format_date(report.since_date), &format_date(report.today)],
    );
    let mut rows = vec![vec![between], summary_columns(lang)];
    rows.extend(report.reps.iter().map(summary_row));
    rows.push(Vec::new());
    let mut head = vec![ChangesText::ColRep.get(lang).to_owned()];
    head.extend(change_columns(lang));
    rows.push(head);
    for rep in &report.reps {
        for change in &rep.changes {
            let mut row = vec![rep.name.clone()];
            row.extend(change_row(lang, change));
            rows.push(row);
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::deal_flow::{LostReason, LostReasonKey};
    use crate::domain::ids::Id;
    use crate::domain::money::Money;
    use crate::domain::stage::{Stage, StageKey};
    use chrono::NaiveDate;

    fn change(kind: ChangeKind, amount: Option<i64>, detail: Detail) -> Change {
        Change {
            kind,
            date: NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
            client: "ООО «Вектор»".into(),
            deal: "Поставка".into(),
            amount: amount.map(Money::from_rubles),
            detail,
        }
    }

    #[test]
    fn changes_read_as_words() {
        let moved = change(
            ChangeKind::MovedBack,
            None,
            Detail::Stages(Box::new((
                Stage::builtin(StageKey::Negotiation),
                Stage::builtin(StageKey::Proposal),
            ))),
        );
        assert_eq!(
            change_row(Lang::Ru, &moved),
            [
                "24.11.2026",
                "Назад по воронке",
                "ООО «Вектор»",
                "Поставка",
                "Переговоры → КП",
                ""
            ]
        );
        let lost = change(
            ChangeKind::Lost,
            None,
            Detail::LostReason(LostReason::builtin(LostReasonKey::NoBudget)),
        );
        assert_eq!(detail_text(Lang::Ru, &lost), "причина: Нет бюджета");
        let given = change(
            ChangeKind::TransferGiven,
            None,
            Detail::Colleague("Анна".into()),
        );
        assert_eq!(detail_text(Lang::Ru, &given), "кому: Анна");
        let asleep = change(ChangeKind::FellAsleep, None, Detail::DaysWithoutOrders(182));
        assert_eq!(detail_text(Lang::Ru, &asleep), "182 дня без заказов");
        let order = change(ChangeKind::NewOrder, Some(42_000), Detail::None);
        assert_eq!(change_row(Lang::Ru, &order)[5], "42\u{a0}000\u{a0}₽");
    }

    #[test]
    fn rep_headings_count_changes_in_russian_plurals() {
        let mut rep = RepChanges {
            member_id: Id::from_raw("ivan"),
            name: "Иван Петров".into(),
            new_in_team: false,
            changes: Vec::new(),
        };
        let mut seen = Vec::new();
        for n in [1, 2, 5, 21] {
            rep.changes = vec![change(ChangeKind::NewClient, None, Detail::None); n];
            seen.push(rep_heading(Lang::Ru, &rep));
        }
        assert_eq!(
            seen,
            [
                "Иван Петров — 1 изменение",
                "Иван Петров — 2 изменения",
                "Иван Петров — 5 изменений",
                "Иван Петров — 21 изменение"
            ]
        );
        assert_eq!(rep_heading(Lang::En, &rep), "Иван Петров — 21 changes");
        assert_eq!(summary_row(&rep)[1], "21");
    }

    #[test]
    fn deletions_have_their_column_and_rows_in_the_csv() {
        let rep = RepChanges {
            member_id: Id::from_raw("ivan"),
            name: "Иван Петров".into(),
            new_in_team: false,
            changes: vec![
                change(ChangeKind::DeletedClient, None, Detail::None),
                change(ChangeKind::DeletedOrder, Some(5_000), Detail::None),
            ],
        };
        let report = ChangesReport {
            since: Default::default(),
            since_date: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            today: NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
            earlier_is_newer: false,
            reps: vec![rep],
        };
        let rows = csv_rows(Lang::Ru, &report);
        assert_eq!(rows[1].last().unwrap(), "Удалено");
        assert_eq!(rows[2].last().unwrap(), "2");
        assert_eq!(rows[5][2], "Клиент удалён");
        assert_eq!(rows[6][2], "Заказ удалён");
        assert_eq!(rows[6][6], "5\u{a0}000\u{a0}₽");
        assert_eq!(summary_columns(Lang::En).last().unwrap(), "Deleted");
        assert_eq!(
            kind_text(ChangeKind::DeletedDeal).get(Lang::En),
            "Deal deleted"
        );
    }
}
