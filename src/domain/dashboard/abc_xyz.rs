//! The client base as an ABC × XYZ matrix: ABC by revenue in the period, XYZ by how steady the
//! client's monthly revenue was over the last 12 complete months.

use super::sales_index::{month_number, SalesIndex};
use super::scope::Scope;
use crate::domain::ids::Id;
use crate::domain::metrics::Period;
use crate::domain::money::Money;
use crate::domain::orders::calendar::YearMonth;
use crate::domain::workspace::Workspace;
use chrono::NaiveDate;

/// The cut-offs of both classifications; the director may change them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Cutoffs {
    /// A: the clients that make the first this-many basis points of revenue (8 000 = 80 %).
    pub a_bp: u32,
    /// B: the next this-many basis points (1 500 = 15 %); C is the rest.
    pub b_bp: u32,
    /// X: coefficient of variation at most this many percent (10).
    pub x_pct: u32,
    /// Y: at most this many percent (25); Z above.
    pub y_pct: u32,
    /// Complete calendar months XYZ looks at (12).
    pub xyz_months: u32,
}

impl Default for Cutoffs {
    fn default() -> Self {
        Cutoffs {
            a_bp: 8_000,
            b_bp: 1_500,
            x_pct: 10,
            y_pct: 25,
            xyz_months: 12,
        }
    }
}

impl Cutoffs {
    /// The usual cut-offs with the director's ABC shares (percent) instead of 80 / 15.
    pub fn with_shares(shares: crate::domain::deal_flow::AbcShares) -> Self {
        Cutoffs {
            a_bp: shares.a * 100,
            b_bp: shares.b * 100,
            ..Cutoffs::default()
        }
    }
}

/// An ABC class: A the biggest clients, C the smallest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Abc {
    /// The clients that make the first 80 % of revenue.
    A,
    /// The next 15 %.
    B,
    /// The rest.
    C,
}

/// An XYZ class: X steady, Z erratic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Xyz {
    /// Coefficient of variation at most 10 %.
    X,
    /// At most 25 %.
    Y,
    /// Above, or no revenue at all in the months looked at.
    Z,
}

impl Abc {
    /// A, B, C.
    pub const ALL: [Abc; 3] = [Abc::A, Abc::B, Abc::C];
}

impl Xyz {
    /// X, Y, Z.
    pub const ALL: [Xyz; 3] = [Xyz::X, Xyz::Y, Xyz::Z];
}

/// One client in the matrix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClassifiedClient {
    /// The client.
    pub client_id: Id,
    /// Its revenue in the period.
    pub revenue: Money,
    /// Coefficient of variation of its monthly revenue in basis points (2 500 = 25 %), for
    /// display; `None` when it bought nothing in those months.
    pub cv_bp: Option<u32>,
}

/// One cell of the matrix.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cell {
    /// Its clients, biggest revenue first (then by id).
    pub clients: Vec<ClassifiedClient>,
    /// Their revenue in the period.
    pub revenue: Money,
}

/// The 3 × 3 matrix: `cells[abc][xyz]`, A/X at `[0][0]`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AbcXyz {
    /// The cells.
    pub cells: [[Cell; 3]; 3],
    /// Revenue of every client counted.
    pub revenue: Money,
    /// The complete months XYZ looked at, oldest first.
    pub months: Vec<YearMonth>,
}

impl AbcXyz {
    /// The cell of a class pair.
    pub fn cell(&self, abc: Abc, xyz: Xyz) -> &Cell {
        &self.cells[abc as usize][xyz as usize]
    }

    /// Clients counted: those with revenue in the period.
    pub fn clients(&self) -> usize {
        self.cells.iter().flatten().map(|c| c.clients.len()).sum()
    }
}

/// The ABC class of each revenue, given biggest first: a client is A while the revenue of the
/// clients before it is under `a_bp` of the total (so the client that crosses 80 % is still A:
/// it is part of «the clients that make the first 80 %»), B while under `a_bp + b_bp`, else C.
pub fn abc_classes(revenues_desc: &[Money], cutoffs: Cutoffs) -> Vec<Abc> {
    let total: i128 = revenues_desc.iter().map(|m| i128::from(m.kopecks())).sum();
    let mut before: i128 = 0;
    revenues_desc
        .iter()
        .map(|m| {
            let class = if before * 10_000 < total * i128::from(cutoffs.a_bp) {
                Abc::A
            } else if before * 10_000 < total * i128::from(cutoffs.a_bp + cutoffs.b_bp) {
                Abc::B
            } else {
                Abc::C
            };
            before += i128::from(m.kopecks());
            class
        })
        .collect()
}

/// The XYZ class of a series of monthly revenues (zeros included) and its coefficient of
/// variation (population standard deviation / mean) in basis points. The class is decided in
/// exact integers: CV ≤ p % ⇔ 10 000·(n·Σx² − (Σx)²) ≤ p²·(Σx)². No revenue at all is Z.
pub fn xyz_class(monthly: &[Money], cutoffs: Cutoffs) -> (Xyz, Option<u32>) {
    let n = monthly.len() as u128;
    let xs: Vec<u128> = monthly
        .iter()
        .map(|m| u128::try_from(m.kopecks().max(0)).unwrap_or(0))
        .collect();
    let sum: u128 = xs.iter().sum();
    if sum == 0 || n == 0 {
        return (Xyz::Z, None);
    }
    let squares: u128 = xs
        .iter()
        .fold(0u128, |acc, x| acc.saturating_add(x.saturating_mul(*x)));
    let spread = n
        .saturating_mul(squares)
        .saturating_sub(sum.saturating_mul(sum));
    let sum_sq = sum.saturating_mul(sum);
    let within =
        |pct: u32| spread.saturating_mul(10_000) <= u128::from(pct * pct).saturating_mul(sum_sq);
    let class = if within(cutoffs.x_pct) {
        Xyz::X
    } else if within(cutoffs.y_pct) {
        Xyz::Y
    } else {
        Xyz::Z
    };
    // For display only: CV = sqrt(spread) / sum.
    let cv = (spread as f64).sqrt() / sum as f64;
    (
        class,
        Some((cv * 10_000.0).round().min(f64::from(u32::MAX)) as u32),
    )
}

/// The matrix for the clients owned now by someone in `scope` that bought something in
/// `period`; XYZ over the `cutoffs.xyz_months` complete months before `today`'s month.
pub fn abc_xyz(
    ws: &Workspace,
    period: Period,
    today: NaiveDate,
    scope: &Scope,
    cutoffs: Cutoffs,
) -> AbcXyz {
    abc_xyz_in(ws, &SalesIndex::new(ws), period, today, scope, cutoffs)
}

/// [`abc_xyz`] read from an index of the orders built beforehand.
pub fn abc_xyz_in(
    ws: &Workspace,
    index: &SalesIndex,
    period: Period,
    today: NaiveDate,
    scope: &Scope,
    cutoffs: Cutoffs,
) -> AbcXyz {
    let months = YearMonth::complete_months_before(today, cutoffs.xyz_months);
    let window = match (months.first(), months.last()) {
        (Some(f), Some(l)) => Some((f.first_day(), l.last_day())),
        _ => None,
    };
    let base = months.first().map_or(0, |m| month_number(*m));
    let ids: Vec<&Id> = ws
        .clients
        .iter()
        .filter(|c| scope.includes(&c.owner_id))
        .map(|c| &c.id)
        .collect();
    let count = ids.len();
    let mut revenue = vec![Money::ZERO; count];
    let mut monthly = vec![Vec::new(); count];
    for (i, id) in ids.iter().enumerate() {
        let Some(history) = index.get(id) else {
            continue;
        };
        revenue[i] = history.within(period).iter().map(|s| s.total).sum();
        if revenue[i] <= Money::ZERO {
            // Not in the matrix: its months are never read.
            continue;
        }
        monthly[i] = vec![Money::ZERO; months.len()];
        if let Some((first, last)) = window {
            for sale in history.between(first, last) {
                let slot = usize::try_from(sale.month - base).unwrap_or(0);
                monthly[i][slot] += sale.total;
            }
        }
    }
    let mut buying: Vec<usize> = (0..count).filter(|&i| revenue[i] > Money::ZERO).collect();
    crate::domain::sort::sort_by(&mut buying, |&a, &b| {
        revenue[b].cmp(&revenue[a]).then_with(|| ids[a].cmp(ids[b]))
    });
    let sorted: Vec<Money> = buying.iter().map(|&i| revenue[i]).collect();
    let classes = abc_classes(&sorted, cutoffs);
    let mut out = AbcXyz {
        months,
        ..AbcXyz::default()
    };
    for (&i, abc) in buying.iter().zip(classes) {
        let (xyz, cv_bp) = xyz_class(&monthly[i], cutoffs);
        let cell = &mut out.cells[abc as usize][xyz as usize];
        cell.revenue += revenue[i];
        cell.clients.push(ClassifiedClient {
            client_id: ids[i].clone(),
            revenue: revenue[i],
            cv_bp,
        });
        out.revenue += revenue[i];
    }
    out
}
