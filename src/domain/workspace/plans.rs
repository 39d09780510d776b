//! The director's monthly plans: setting the targets of a grid of cells in one change.

use super::{Workspace, WorkspaceError};
use crate::domain::dates::Timestamp;
use crate::domain::ids::Id;
use crate::domain::orders::calendar::YearMonth;
use crate::domain::sales_plan::{PlanKind, SalesPlan};
use crate::domain::stamps;

/// One cell of the director's grid as saved: whose, which month, what, and the new target
/// (zero clears the plan).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanCell {
    /// The rep.
    pub member_id: Id,
    /// The month.
    pub month: YearMonth,
    /// What the target counts.
    pub kind: PlanKind,
    /// Kopecks or a count; zero: no plan.
    pub target: i64,
}

impl Workspace {
    /// Sets the targets of `cells` (only the cells the director changed: a form saves patches),
    /// stamping each changed record's target. All cells are checked first: one bad cell
    /// changes nothing. A cleared cell with no record adds none.
    pub fn set_sales_plans(
        &mut self,
        cells: &[PlanCell],
        now: Timestamp,
    ) -> Result<(), WorkspaceError> {
        for cell in cells {
            if self.member(&cell.member_id).is_none() {
                return Err(WorkspaceError::UnknownMember(cell.member_id.clone()));
            }
            let problems = SalesPlan::new(
                cell.member_id.clone(),
                cell.month,
                cell.kind,
                cell.target,
                now,
            )
            .problems();
            if !problems.is_empty() {
                return Err(WorkspaceError::InvalidPlan(problems));
            }
        }
        for cell in cells {
            let id = SalesPlan::id_for(&cell.member_id, cell.month, cell.kind);
            match self.sales_plans.iter_mut().find(|p| p.id == id) {
                Some(plan) => stamps::edit(plan, now, |p| p.target = cell.target),
                None if cell.target == 0 => {}
                None => self.sales_plans.push(SalesPlan::new(
                    cell.member_id.clone(),
                    cell.month,
                    cell.kind,
                    cell.target,
                    now,
                )),
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::demo::demo_workspace;
    use chrono::TimeZone;

    fn at(minute: u32) -> Timestamp {
        chrono::Utc
            .with_ymd_and_hms(2026, 11, 30, 10, minute, 0)
            .unwrap()
    }

    #[test]
    fn a_cell_is_set_changed_and_cleared_with_stamps() {
        let mut ws = Workspace::default();
        ws.sales_plans.clear();
        let ws_demo = demo_workspace(
            chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
            at(0),
        );
        ws.members = ws_demo.members.clone();
        let rep = ws.members[0].id.clone();
        let month = YearMonth {
            year: 2026,
            month: 12,
        };
        let cell = |target| PlanCell {
            member_id: rep.clone(),
            month,
            kind: PlanKind::Revenue,
            target,
        };
        ws.set_sales_plans(&[cell(0)], at(1)).unwrap();
        assert!(ws.sales_plans.is_empty(), "clearing nothing adds nothing");
        ws.set_sales_plans(&[cell(10_000)], at(2)).unwrap();
        ws.set_sales_plans(&[cell(25_000)], at(3)).unwrap();
        assert_eq!(ws.sales_plans.len(), 1);
        assert_eq!(ws.sales_plans[0].target, 25_000);
        assert_eq!(ws.sales_plans[0].updated_at, at(3));
        assert!(ws.sales_plans[0].stamps.fields.contains_key("target"));
        ws.set_sales_plans(&[cell(0)], at(4)).unwrap();
        assert_eq!(ws.sales_plans[0].target, 0);
        let before = ws.clone();
        let bad = [
            cell(5),
            PlanCell {
                target: -5,
                ..cell(0)
            },
        ];
        assert!(ws.set_sales_plans(&bad, at(5)).is_err());
        assert_eq!(ws, before, "a refused grid changes nothing");
        let stranger = PlanCell {
            member_id: Id::from_raw("nobody"),
            ..cell(1)
        };
        assert!(matches!(
            ws.set_sales_plans(&[stranger], at(6)),
            Err(WorkspaceError::UnknownMember(_))
        ));
    }
}

#[cfg(test)]
mod merge_tests {
    use super::*;
    use crate::domain::merge::merge;
    use chrono::TimeZone;

    #[test]
    fn two_devices_setting_the_same_cell_merge_into_one_plan_with_the_later_target() {
        let at = |m| {
            chrono::Utc
                .with_ymd_and_hms(2026, 11, 30, 10, m, 0)
                .unwrap()
        };
        let mut base = crate::testkit::fixtures::small_workspace();
        let month = YearMonth {
            year: 2026,
            month: 12,
        };
        let cell = |target| PlanCell {
            member_id: Id::from_raw("ivan"),
            month,
            kind: PlanKind::FirstSalesCount,
            target,
        };
        base.set_sales_plans(&[cell(2)], at(1)).unwrap();
        let (mut a, mut b) = (base.clone(), base.clone());
        a.set_sales_plans(&[cell(3)], at(2)).unwrap();
        b.set_sales_plans(
            &[
                cell(5),
                PlanCell {
                    kind: PlanKind::FirstSalesAmount,
                    ..cell(10_000)
                },
            ],
            at(3),
        )
        .unwrap();
        let ab = merge(&a, &b).workspace;
        let ba = merge(&b, &a).workspace;
        assert_eq!(ab.sales_plans.len(), 2);
        let count = |ws: &Workspace| {
            crate::domain::sales_plan::target_of(
                &ws.sales_plans,
                &Id::from_raw("ivan"),
                month,
                PlanKind::FirstSalesCount,
            )
        };
        assert_eq!((count(&ab), count(&ba)), (5, 5));
        // A one-sided change is simply taken: no conflict when b saw nothing of a's.
        let one_sided = merge(&base, &b);
        assert!(one_sided.report.conflicts.is_empty());
        assert_eq!(count(&one_sided.workspace), 5);
    }
}
