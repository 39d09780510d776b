//! The director's monthly sales plans: per rep and month, a target for hunters' first sales
//! (how many, and for how much) or for farmers' revenue from their clients.
//!
//! One record per cell of the director's grid (rep × month × kind) with an id derived from the
//! cell, so two copies of the plan entered on two devices are one record and merge field by
//! field like any edited record: the later target wins. A cell is cleared by setting its target
//! to zero (no plan), never by deleting the record, so a merge needs no tombstone for it.

use crate::domain::dates::Timestamp;
use crate::domain::ids::Id;
use crate::domain::orders::calendar::YearMonth;
use crate::domain::stamps::Stamps;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// What a plan counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanKind {
    /// A hunter's first sales in the month: how many clients (a count).
    FirstSalesCount,
    /// A hunter's first sales in the month: what they came to (kopecks).
    FirstSalesAmount,
    /// A farmer's revenue from the clients they owned on each order's day (kopecks).
    Revenue,
}

impl PlanKind {
    /// Every kind, in the order the director's grid lists them.
    pub const ALL: [PlanKind; 3] = [
        PlanKind::FirstSalesCount,
        PlanKind::FirstSalesAmount,
        PlanKind::Revenue,
    ];

    /// The name used in ids and files.
    pub fn slug(self) -> &'static str {
        match self {
            PlanKind::FirstSalesCount => "first_sales_count",
            PlanKind::FirstSalesAmount => "first_sales_amount",
            PlanKind::Revenue => "revenue",
        }
    }

    /// Whether the target is money (kopecks) rather than a count.
    pub fn is_money(self) -> bool {
        !matches!(self, PlanKind::FirstSalesCount)
    }
}

/// The largest target accepted: a trillion roubles (in kopecks) is a typo, not a plan.
pub const MAX_TARGET: i64 = 100_000_000_000_000;

/// One rep's target for one month.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SalesPlan {
    /// Derived from the cell: see [`SalesPlan::id_for`].
    pub id: Id,
    /// The rep the plan is for.
    pub member_id: Id,
    /// The month, `"YYYY-MM"`.
    pub month: String,
    /// What the target counts.
    pub kind: PlanKind,
    /// Kopecks for money kinds, clients for the count; zero means no plan.
    pub target: i64,
    /// When the record was created.
    pub created_at: Timestamp,
    /// When it last changed.
    pub updated_at: Timestamp,
    /// When each field last changed, for merging field by field.
    #[serde(default, skip_serializing_if = "Stamps::is_empty")]
    pub stamps: Stamps,
}

crate::fielded!(SalesPlan {
    "member_id" => member_id,
    "month" => month,
    "kind" => kind,
    "target" => target,
});

/// What is wrong with a plan record.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum PlanProblem {
    /// The month is not `"YYYY-MM"`.
    #[error("month {0:?} is not YYYY-MM")]
    BadMonth(String),
    /// A negative target or one above [`MAX_TARGET`].
    #[error("target {0} is out of range")]
    TargetOutOfRange(i64),
    /// The id is not the one the cell gives.
    #[error("id {0} does not match its rep, month and kind")]
    IdMismatch(Id),
}

/// `"YYYY-MM"` for a month.
pub fn month_key(month: YearMonth) -> String {
    format!("{:04}-{:02}", month.year, month.month)
}

/// The month of `"YYYY-MM"` (a first day `"YYYY-MM-01"` is read too).
pub fn parse_month(text: &str) -> Option<YearMonth> {
    let text = text
        .strip_suffix("-01")
        .filter(|t| t.len() == 7)
        .unwrap_or(text);
    let (year, month) = text.split_once('-')?;
    if year.len() != 4 || month.len() != 2 {
        return None;
    }
    let (year, month) = (year.parse::<i32>().ok()?, month.parse::<u32>().ok()?);
    ((1..=12).contains(&month) && (1900..=9999).contains(&year))
        .then_some(YearMonth { year, month })
}

impl SalesPlan {
    /// The id of a cell: the same on every device.
    pub fn id_for(member_id: &Id, month: YearMonth, kind: PlanKind) -> Id {
        Id::from_raw(format!(
            "plan~{member_id}~{}~{}",
            month_key(month),
            kind.slug()
        ))
    }

    /// A new plan record for a cell.
    pub fn new(
        member_id: Id,
        month: YearMonth,
        kind: PlanKind,
        target: i64,
        now: Timestamp,
    ) -> Self {
        SalesPlan {
            id: Self::id_for(&member_id, month, kind),
            member_id,
            month: month_key(month),
            kind,
            target,
            created_at: now,
            updated_at: now,
            stamps: Stamps::default(),
        }
    }

    /// The month, if the record's is well formed.
    pub fn year_month(&self) -> Option<YearMonth> {
        parse_month(&self.month)
    }

    /// What is wrong with the record; empty means valid.
    pub fn problems(&self) -> Vec<PlanProblem> {
        let mut out = Vec::new();
        match self.year_month() {
            Some(m) if self.month == month_key(m) => {
                if self.id != Self::id_for(&self.member_id, m, self.kind) {
                    out.push(PlanProblem::IdMismatch(self.id.clone()));
                }
            }
            _ => out.push(PlanProblem::BadMonth(self.month.clone())),
        }
        if !(0..=MAX_TARGET).contains(&self.target) {
            out.push(PlanProblem::TargetOutOfRange(self.target));
        }
        out
    }
}

/// The target of a cell in `plans` (zero: no plan).
pub fn target_of(plans: &[SalesPlan], member_id: &Id, month: YearMonth, kind: PlanKind) -> i64 {
    let id = SalesPlan::id_for(member_id, month, kind);
    plans.iter().find(|p| p.id == id).map_or(0, |p| p.target)
}

/// A target as a person types it into the director's grid: roubles in the app's Russian
/// form (`1 234 567`, `1 234,50 ₽`) for money, a whole number for the count; empty is no plan
/// (zero). `None`: not a target.
pub fn parse_target(kind: PlanKind, text: &str) -> Option<i64> {
    let text = text.trim();
    if text.is_empty() {
        return Some(0);
    }
    let target = if kind.is_money() {
        crate::domain::money::Money::parse(text).ok()?.kopecks()
    } else {
        let digits: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        digits.parse::<i64>().ok()?
    };
    (0..=MAX_TARGET).contains(&target).then_some(target)
}

/// A target as the grid shows it for editing: empty for no plan.
pub fn target_input(kind: PlanKind, target: i64) -> String {
    match (target, kind.is_money()) {
        (0, _) => String::new(),
        (t, true) => crate::domain::money::Money::from_kopecks(t).to_input(),
        (t, false) => t.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::Money;

    #[test]
    fn targets_read_as_people_type_them() {
        assert_eq!(
            parse_target(PlanKind::Revenue, "1 500 000"),
            Some(150_000_000)
        );
        assert_eq!(
            parse_target(PlanKind::FirstSalesAmount, "1 234,50 ₽"),
            Some(123_450)
        );
        assert_eq!(parse_target(PlanKind::FirstSalesCount, " 12 "), Some(12));
        assert_eq!(parse_target(PlanKind::FirstSalesCount, ""), Some(0));
        assert_eq!(parse_target(PlanKind::FirstSalesCount, "1,5"), None);
        assert_eq!(parse_target(PlanKind::Revenue, "-5"), None);
        assert_eq!(parse_target(PlanKind::Revenue, "много"), None);
        assert_eq!(
            target_input(PlanKind::Revenue, 150_000_000),
            Money::from_kopecks(150_000_000).to_input()
        );
        assert_eq!(target_input(PlanKind::FirstSalesCount, 0), "");
        assert_eq!(target_input(PlanKind::FirstSalesCount, 7), "7");
    }

    #[test]
    fn months_read_both_ways_and_refuse_nonsense() {
        let m = YearMonth {
            year: 2026,
            month: 3,
        };
        assert_eq!(month_key(m), "2026-03");
        assert_eq!(parse_month("2026-03"), Some(m));
        assert_eq!(parse_month("2026-03-01"), Some(m));
        for bad in [
            "2026-13",
            "2026-3",
            "26-03",
            "2026-00",
            "",
            "2026-03-02",
            "abcd-ef",
        ] {
            assert_eq!(parse_month(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_cell_has_one_id_and_a_record_is_checked() {
        let m = YearMonth {
            year: 2026,
            month: 11,
        };
        let rep = Id::from_raw("m1");
        let plan = SalesPlan::new(
            rep.clone(),
            m,
            PlanKind::Revenue,
            5_000_000,
            Timestamp::default(),
        );
        assert_eq!(plan.id.as_str(), "plan~m1~2026-11~revenue");
        assert!(plan.problems().is_empty());
        let mut bad = plan.clone();
        bad.target = -1;
        bad.month = "2026-11-01".into();
        assert_eq!(bad.problems().len(), 2);
        let mut moved = plan.clone();
        moved.member_id = Id::from_raw("m2");
        assert_eq!(
            moved.problems(),
            vec![PlanProblem::IdMismatch(plan.id.clone())]
        );
        assert_eq!(target_of(&[plan], &rep, m, PlanKind::Revenue), 5_000_000);
        assert_eq!(target_of(&[], &rep, m, PlanKind::Revenue), 0);
    }
}
