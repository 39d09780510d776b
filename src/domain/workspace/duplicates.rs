//! Two cards for one company (typed twice, or brought by two reps' files): the director folds
//! the duplicate into the card to keep. Everything that hangs on the duplicate moves (deals with
//! their assessments, orders, transfer records); what the kept card lacks (ИНН, contact, yearly
//! spend) is taken from the duplicate and notes are joined; the duplicate leaves a tombstone,
//! so no tab or file brings it back.

use super::{Workspace, WorkspaceError};
use crate::domain::dates::Timestamp;
use crate::domain::ids::Id;
use crate::domain::stamps::{self, Fielded};
use chrono::NaiveDate;

/// What folding a duplicate into a client moved and filled in, for the confirmation message.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClientsMerged {
    /// Deals moved to the kept client (their assessments go with them).
    pub deals: usize,
    /// Orders moved.
    pub orders: usize,
    /// Transfer records moved.
    pub transfers: usize,
    /// Fields of the kept client filled in or extended from the duplicate (`Fielded` names).
    pub fields: Vec<&'static str>,
}

impl Workspace {
    /// Folds client `duplicate` into client `keep` at `now`; the kept client's status then
    /// follows its orders as of `today`. Refused when either is missing or they are the same.
    pub fn merge_clients(
        &mut self,
        keep: &Id,
        duplicate: &Id,
        today: NaiveDate,
        now: Timestamp,
    ) -> Result<ClientsMerged, WorkspaceError> {
        if keep == duplicate {
            return Err(WorkspaceError::SameRecord(keep.clone()));
        }
        let dup = self
            .client(duplicate)
            .cloned()
            .ok_or_else(|| WorkspaceError::NotFound(duplicate.clone()))?;
        let kept = self
            .clients
            .iter_mut()
            .find(|c| &c.id == keep)
            .ok_or_else(|| WorkspaceError::NotFound(keep.clone()))?;
        let mut report = ClientsMerged::default();
        stamps::edit(kept, now, |c| {
            let mut take = |name: &'static str, empty: bool| {
                if empty {
                    report.fields.push(name);
                }
                empty
            };
            if take("inn", c.inn.is_none() && dup.inn.is_some()) {
                c.inn.clone_from(&dup.inn);
            }
            if take(
                "contact.name",
                c.contact.name.is_empty() && !dup.contact.name.is_empty(),
            ) {
                c.contact.name.clone_from(&dup.contact.name);
            }
            if take(
                "contact.phone",
                c.contact.phone.is_empty() && !dup.contact.phone.is_empty(),
            ) {
                c.contact.phone.clone_from(&dup.contact.phone);
            }
            if take(
                "contact.email",
                c.contact.email.is_empty() && !dup.contact.email.is_empty(),
            ) {
                c.contact.email.clone_from(&dup.contact.email);
            }
            if take(
                "yearly_spend",
                c.yearly_spend.is_none() && dup.yearly_spend.is_some(),
            ) {
                c.yearly_spend = dup.yearly_spend;
            }
            let notes = dup.notes.trim();
            if take("notes", !notes.is_empty() && !c.notes.contains(notes)) {
                c.notes = match c.notes.trim() {
                    "" => notes.to_owned(),
                    ours => format!("{ours}\n\n{notes}"),
                };
            }
        });
        for d in self.deals.iter_mut().filter(|d| &d.client_id == duplicate) {
            stamps::edit(d, now, |d| d.client_id = keep.clone());
            report.deals += 1;
        }
        for o in self.orders.iter_mut().filter(|o| &o.client_id == duplicate) {
            stamps::edit(o, now, |o| o.client_id = keep.clone());
            report.orders += 1;
        }
        // A transfer record is never edited, so a merge takes the later of two copies by
        // `restored_at`: moving it is stamped that way, and a tab still holding the old copy
        // cannot move it back.
        for t in self
            .transfers
            .iter_mut()
            .filter(|t| &t.client_id == duplicate)
        {
            t.client_id = keep.clone();
            t.restored_at = Some(stamps::next_stamp(
                now,
                t.restored_at.unwrap_or(t.created_at),
            ));
            report.transfers += 1;
        }
        self.move_tasks_of(duplicate, keep, now);
        self.clients.retain(|c| &c.id != duplicate);
        self.tombstone(duplicate.clone(), now, dup.latest_stamp());
        self.refresh_client_status(keep, today, now);
        Ok(report)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::merge::merge;
    use crate::domain::stage::StageKey;
    use crate::domain::workspace::TransferRequest;
    use crate::testkit::fixtures::*;

    fn id(raw: &str) -> Id {
        Id::from_raw(raw)
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 1, d).unwrap()
    }

    /// The catalogue workspace with a second card for c1's company, c9, that has a deal and an
    /// order of its own and the ИНН and phone the first card lacks.
    fn with_duplicate() -> Workspace {
        let mut ws = catalogue_workspace();
        let mut dup = client("c9", "Вектор", "ivan");
        dup.inn = Some("7707083893".into());
        dup.contact.phone = "+7 900 000-00-00".into();
        dup.notes = "Звонить после обеда".into();
        ws.add_client(dup).unwrap();
        ws.add_deal(
            deal("d9", "c9", "ivan", StageKey::Lead, 50_000),
            &mover("a3"),
        )
        .unwrap();
        ws.add_order(order_on("o9", "c9", 1_000, day(10)), day(10), later(5))
            .unwrap();
        ws
    }

    #[test]
    fn the_duplicate_folds_in_with_everything_that_hangs_on_it() {
        let mut ws = with_duplicate();
        let before = ws.client(&id("c1")).unwrap().clone();
        assert!(before.inn.is_none() && before.contact.phone.is_empty());
        let report = ws
            .merge_clients(&id("c1"), &id("c9"), day(10), later(10))
            .unwrap();
        assert_eq!((report.deals, report.orders, report.transfers), (1, 1, 0));
        assert_eq!(report.fields, vec!["inn", "contact.phone", "notes"]);
        assert!(ws.client(&id("c9")).is_none());
        assert!(ws.removed.iter().any(|t| t.id == id("c9")));
        assert_eq!(ws.deal(&id("d9")).unwrap().client_id, id("c1"));
        assert!(ws.orders.iter().all(|o| o.client_id != id("c9")));
        let kept = ws.client(&id("c1")).unwrap();
        assert_eq!(kept.name, before.name);
        assert_eq!(kept.inn.as_deref(), Some("7707083893"));
        assert_eq!(kept.contact.phone, "+7 900 000-00-00");
        assert_eq!(kept.notes, "Звонить после обеда");
        assert!(ws.integrity_problems().is_empty());
    }

    #[test]
    fn a_tab_still_holding_the_duplicate_does_not_bring_it_back() {
        let mut ws = with_duplicate();
        let other_tab = ws.clone();
        ws.merge_clients(&id("c1"), &id("c9"), day(10), later(10))
            .unwrap();
        for merged in [
            merge(&ws, &other_tab).workspace,
            merge(&other_tab, &ws).workspace,
        ] {
            assert!(merged.client(&id("c9")).is_none());
            assert_eq!(merged.deal(&id("d9")).unwrap().client_id, id("c1"));
            assert!(merged.orders.iter().all(|o| o.client_id != id("c9")));
            assert!(merged.integrity_problems().is_empty());
        }
    }

    #[test]
    fn transfer_records_move_and_stay_moved() {
        let mut ws = with_duplicate();
        ws.add_order(order_on("o10", "c9", 2_000, day(12)), day(12), later(6))
            .unwrap();
        ws.transfer_client(
            TransferRequest {
                record_id: id("t1"),
                client_id: id("c9"),
                to_member_id: id("anna"),
                by_member_id: id("ivan"),
            },
            day(12),
            later(7),
        )
        .unwrap();
        let other_tab = ws.clone();
        let report = ws
            .merge_clients(&id("c1"), &id("c9"), day(12), later(10))
            .unwrap();
        assert_eq!(report.transfers, 1);
        for merged in [
            merge(&ws, &other_tab).workspace,
            merge(&other_tab, &ws).workspace,
        ] {
            assert_eq!(merged.transfers.len(), 1);
            assert_eq!(merged.transfers[0].client_id, id("c1"));
            assert!(merged.integrity_problems().is_empty());
        }
    }

    #[test]
    fn a_client_is_not_merged_with_itself_or_a_missing_one() {
        let mut ws = with_duplicate();
        let before = ws.clone();
        assert_eq!(
            ws.merge_clients(&id("c1"), &id("c1"), day(10), later(10)),
            Err(WorkspaceError::SameRecord(id("c1")))
        );
        assert_eq!(
            ws.merge_clients(&id("c1"), &id("nope"), day(10), later(10)),
            Err(WorkspaceError::NotFound(id("nope")))
        );
        assert_eq!(ws, before);
    }
}
