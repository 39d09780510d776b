//! The checks on decoded records: unique ids, references that resolve, amounts in range, a
//! valid scoring model and transfer policy, and (for files) dates in range. Every problem is
//! reported with the path of the offending value, in file order.

use super::error::RestoreError;
use crate::domain::dates::{iso_date, Timestamp};
use crate::domain::deal_flow::Closure;
use crate::domain::ids::Id;
use crate::domain::kpp::is_valid_kpp;
use crate::domain::money::Money;
use crate::domain::qualification::MAX_LEVEL;
use crate::domain::workspace::Workspace;
use chrono::{Months, NaiveDate, SecondsFormat};
// Fx: fast for the many short ids checked at every load; in the browser no hasher is keyed
// (std's own keys are fixed on wasm32), so a slower one would buy no protection.
use rustc_hash::FxHashSet as HashSet;

/// The earliest accepted business date or timestamp: 1 January 2000. Nothing in a CRM started
/// in 2024 is older; an earlier date is a typo (1925 for 2025) or a broken export.
pub const EARLIEST_DATE: (i32, u32, u32) = (2000, 1, 1);
/// How far after the import day a date may be: one year. Orders are typed after the fact and
/// next steps are planned weeks ahead, so a date years away is a typo.
pub const MAX_YEARS_AHEAD: u32 = 1;

/// The accepted range of dates (business dates and the days of timestamps, in UTC).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateLimits {
    /// The first accepted day.
    pub earliest: NaiveDate,
    /// The last accepted day.
    pub latest: NaiveDate,
}

/// The limits for an import on `today`: [`EARLIEST_DATE`] to [`MAX_YEARS_AHEAD`] after `today`.
pub fn date_limits(today: NaiveDate) -> DateLimits {
    let (y, m, d) = EARLIEST_DATE;
    DateLimits {
        earliest: NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN),
        latest: today
            .checked_add_months(Months::new(12 * MAX_YEARS_AHEAD))
            .unwrap_or(NaiveDate::MAX),
    }
}

impl DateLimits {
    /// Whether a business date is in range.
    pub fn date_ok(&self, date: NaiveDate) -> bool {
        self.earliest <= date && date <= self.latest
    }

    /// Whether a timestamp's UTC day is in range.
    pub fn timestamp_ok(&self, at: Timestamp) -> bool {
        self.date_ok(at.date_naive())
    }
}

/// Collects problems, keeping the first `cap` and counting the rest.
pub(super) struct Problems {
    pub(super) listed: Vec<RestoreError>,
    pub(super) not_listed: usize,
    cap: usize,
}

impl Problems {
    pub(super) fn new(cap: usize) -> Self {
        Problems {
            listed: Vec::new(),
            not_listed: 0,
            cap,
        }
    }

    /// Records a problem; `make` runs only while the list has room, so a file with 100 000 bad
    /// orders does not build 100 000 paths.
    fn add(&mut self, make: impl FnOnce() -> RestoreError) {
        if self.listed.len() < self.cap {
            self.listed.push(make());
        } else {
            self.not_listed += 1;
        }
    }
}

fn stamp_text(at: Timestamp) -> String {
    at.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

/// The checks, sharing the id sets and the limits.
struct Checker<'a> {
    /// `None` for the app's own stored data: a date a person typed far ahead is theirs to keep,
    /// while in a file it is the mark of a typo or a broken export.
    limits: Option<DateLimits>,
    problems: &'a mut Problems,
    /// Ids seen so far in the shared namespace, in file order.
    seen: HashSet<&'a Id>,
}

impl<'a> Checker<'a> {
    fn unique(&mut self, id: &'a Id, path: impl FnOnce() -> String) {
        if !self.seen.insert(id) {
            self.problems.add(|| RestoreError::DuplicateId {
                path: format!("{}.id", path()),
                id: id.clone(),
            });
        }
    }

    fn refers(&mut self, known: &HashSet<&Id>, id: &Id, path: impl FnOnce() -> String) {
        if !known.contains(id) {
            self.problems.add(|| RestoreError::MissingReference {
                path: path(),
                id: id.clone(),
            });
        }
    }

    fn amount(&mut self, amount: Money, min: i64, path: impl FnOnce() -> String) {
        let k = amount.kopecks();
        if k < min || k > Money::MAX.kopecks() {
            self.problems.add(|| RestoreError::BadAmount {
                path: path(),
                kopecks: k,
            });
        }
    }

    fn date(&mut self, date: NaiveDate, path: impl FnOnce() -> String) {
        if self.limits.is_some_and(|l| !l.date_ok(date)) {
            self.problems.add(|| RestoreError::DateOutOfRange {
                path: path(),
                value: iso_date(date),
            });
        }
    }

    fn stamp(&mut self, at: Timestamp, path: impl FnOnce() -> String) {
        if self.limits.is_some_and(|l| !l.timestamp_ok(at)) {
            self.problems.add(|| RestoreError::DateOutOfRange {
                path: path(),
                value: stamp_text(at),
            });
        }
    }

    /// A record's `created_at` and `updated_at`, under `base` (e.g. `workspace.clients[3]`).
    fn stamps(&mut self, created: Timestamp, updated: Timestamp, base: &dyn Fn() -> String) {
        self.stamp(created, || format!("{}.created_at", base()));
        self.stamp(updated, || format!("{}.updated_at", base()));
    }

    /// The `updated_at` of a settings value, where the epoch means «never edited» (the
    /// defaults' value) and is accepted.
    fn settings_stamp(&mut self, at: Timestamp, path: &str) {
        if at != Timestamp::default() {
            self.stamp(at, || path.to_owned());
        }
    }
}

/// Checks `ws` in file order, dates only against `limits` when given; `plain_orders` is how many of its orders came from the plain
/// `orders` list (the rest came from a column-wise `order_book`), for the paths.
pub(super) fn check(
    ws: &Workspace,
    plain_orders: usize,
    limits: Option<DateLimits>,
    problems: &mut Problems,
) {
    let members: HashSet<&Id> = ws.members.iter().map(|m| &m.id).collect();
    let clients: HashSet<&Id> = ws.clients.iter().map(|c| &c.id).collect();
    let deals: HashSet<&Id> = ws.deals.iter().map(|d| &d.id).collect();
    let stages: HashSet<&Id> = ws.stages.iter().map(|s| &s.id).collect();
    let groups: HashSet<&Id> = ws.product_groups.iter().map(|g| &g.id).collect();
    let products: HashSet<&Id> = ws.products.iter().map(|p| &p.id).collect();
    let mut c = Checker {
        limits,
        problems,
        seen: HashSet::default(),
    };
    for (i, m) in ws.members.iter().enumerate() {
        let base = || format!("workspace.members[{i}]");
        c.unique(&m.id, base);
        c.stamps(m.created_at, m.updated_at, &base);
    }
    for (i, cl) in ws.clients.iter().enumerate() {
        let base = || format!("workspace.clients[{i}]");
        c.unique(&cl.id, base);
        c.refers(&members, &cl.owner_id, || format!("{}.owner_id", base()));
        if let Some(spend) = cl.yearly_spend {
            c.amount(spend, 0, || format!("{}.yearly_spend", base()));
        }
        if let Some(kpp) = cl.kpp.as_ref().filter(|k| !is_valid_kpp(k)) {
            c.problems.add(|| RestoreError::BadValue {
                path: format!("{}.kpp", base()),
                value: kpp.clone(),
            });
        }
        c.stamps(cl.created_at, cl.updated_at, &base);
    }
    for (i, d) in ws.deals.iter().enumerate() {
        let base = || format!("workspace.deals[{i}]");
        c.unique(&d.id, base);
        c.refers(&clients, &d.client_id, || format!("{}.client_id", base()));
        c.refers(&stages, &d.stage_id, || format!("{}.stage_id", base()));
        c.amount(d.amount, 0, || format!("{}.amount", base()));
        c.refers(&members, &d.owner_id, || format!("{}.owner_id", base()));
        if let Some(date) = d.next_step_date {
            c.date(date, || format!("{}.next_step_date", base()));
        }
        match &d.closed {
            Some(Closure::Won { amount, at, .. }) => {
                c.amount(*amount, 0, || format!("{}.closed.amount", base()));
                c.stamp(*at, || format!("{}.closed.at", base()));
            }
            Some(Closure::Lost { reason, at, .. }) => {
                if reason.is_blank() {
                    c.problems.add(|| RestoreError::BlankLostReason {
                        path: format!("{}.closed.reason", base()),
                    });
                }
                c.stamp(*at, || format!("{}.closed.at", base()));
            }
            None => {}
        }
        c.stamps(d.created_at, d.updated_at, &base);
    }
    for (i, s) in ws.stages.iter().enumerate() {
        c.unique(&s.id, || format!("workspace.stages[{i}]"));
        // The epoch stands for a built-in stage never edited (and for older data).
        c.settings_stamp(s.created_at, &format!("workspace.stages[{i}].created_at"));
        c.settings_stamp(s.updated_at, &format!("workspace.stages[{i}].updated_at"));
    }
    for (i, t) in ws.removed.iter().enumerate() {
        c.stamp(t.removed_at, || {
            format!("workspace.removed[{i}].removed_at")
        });
    }
    let model_problems = ws.scoring_model.problems();
    if !model_problems.is_empty() {
        c.problems
            .add(|| RestoreError::InvalidScoringModel(model_problems));
    }
    c.settings_stamp(
        ws.scoring_model.updated_at,
        "workspace.scoring_model.updated_at",
    );
    // Assessments have their own namespace (as in `Workspace::integrity_problems`).
    let mut assessment_ids = HashSet::default();
    for (i, a) in ws.assessments.iter().enumerate() {
        let base = || format!("workspace.assessments[{i}]");
        if !assessment_ids.insert(&a.id) {
            c.problems.add(|| RestoreError::DuplicateId {
                path: format!("{}.id", base()),
                id: a.id.clone(),
            });
        }
        c.refers(&deals, &a.deal_id, || format!("{}.deal_id", base()));
        for (j, r) in a.ratings.iter().enumerate() {
            if let Some(level) = r.level.filter(|l| *l > MAX_LEVEL) {
                c.problems.add(|| RestoreError::LevelOutOfRange {
                    path: format!("{}.ratings[{j}].level", base()),
                    level,
                });
            }
        }
        c.stamp(a.created_at, || format!("{}.created_at", base()));
        if let Some(at) = a.restored_at {
            c.stamp(at, || format!("{}.restored_at", base()));
        }
    }
    for (i, g) in ws.product_groups.iter().enumerate() {
        let base = || format!("workspace.product_groups[{i}]");
        c.unique(&g.id, base);
        c.stamps(g.created_at, g.updated_at, &base);
    }
    for (i, p) in ws.products.iter().enumerate() {
        let base = || format!("workspace.products[{i}]");
        c.unique(&p.id, base);
        c.refers(&groups, &p.group_id, || format!("{}.group_id", base()));
        c.stamps(p.created_at, p.updated_at, &base);
    }
    for (i, o) in ws.orders.iter().enumerate() {
        let base = || {
            if i < plain_orders {
                format!("workspace.orders[{i}]")
            } else {
                format!("workspace.order_book[{}]", i - plain_orders)
            }
        };
        c.unique(&o.id, base);
        c.refers(&clients, &o.client_id, || format!("{}.client_id", base()));
        c.date(o.date, || format!("{}.date", base()));
        if o.lines.is_empty() {
            c.problems.add(|| RestoreError::EmptyOrder {
                path: format!("{}.lines", base()),
            });
        }
        let mut total: i128 = 0;
        for (j, line) in o.lines.iter().enumerate() {
            let at = || format!("{}.lines[{j}]", base());
            c.refers(&products, &line.product_id, || {
                format!("{}.product_id", at())
            });
            c.amount(line.amount, 1, || format!("{}.amount", at()));
            if let Some(q) = line.quantity.filter(|q| !q.is_valid()) {
                c.problems.add(|| RestoreError::BadValue {
                    path: format!("{}.quantity_thousandths", at()),
                    value: q.thousandths().to_string(),
                });
            }
            total += i128::from(line.amount.kopecks());
        }
        let lines_ok = o
            .lines
            .iter()
            .all(|l| (1..=Money::MAX.kopecks()).contains(&l.amount.kopecks()));
        // Only worth saying when every line is fine on its own.
        if lines_ok && total > i128::from(Money::MAX.kopecks()) {
            c.problems.add(|| RestoreError::BadAmount {
                path: format!("{}.lines", base()),
                kopecks: i64::try_from(total).unwrap_or(i64::MAX),
            });
        }
        c.stamps(o.created_at, o.updated_at, &base);
    }
    let product_set = ws.product_ids();
    let group_set = ws.group_ids();
    if let Err(e) = ws.transfer_policy.validate(&product_set, &group_set) {
        c.problems.add(|| RestoreError::InvalidTransferPolicy(e));
    }
    c.settings_stamp(
        ws.transfer_policy.updated_at,
        "workspace.transfer_policy.updated_at",
    );
    let settings_problems = ws.pipeline_settings.problems();
    if !settings_problems.is_empty() {
        c.problems
            .add(|| RestoreError::InvalidPipelineSettings(settings_problems));
    }
    c.settings_stamp(
        ws.pipeline_settings.updated_at,
        "workspace.pipeline_settings.updated_at",
    );
    // Plans have their own namespace; the rep is history (a plan outlives a removed member).
    let mut plan_ids = HashSet::default();
    for (i, p) in ws.sales_plans.iter().enumerate() {
        let base = || format!("workspace.sales_plans[{i}]");
        if !plan_ids.insert(&p.id) {
            c.problems.add(|| RestoreError::DuplicateId {
                path: format!("{}.id", base()),
                id: p.id.clone(),
            });
        }
        let problems = p.problems();
        if !problems.is_empty() {
            c.problems.add(|| RestoreError::InvalidSalesPlan {
                path: base(),
                problems,
            });
        }
        c.stamps(p.created_at, p.updated_at, &base);
    }
    // Stage history entries have their own namespace, like assessments. Only the deal must
    // exist: the person and the stages are history (they may be gone since).
    let mut entry_ids = HashSet::default();
    for (i, e) in ws.stage_history.iter().enumerate() {
        let base = || format!("workspace.stage_history[{i}]");
        if !entry_ids.insert(&e.id) {
            c.problems.add(|| RestoreError::DuplicateId {
                path: format!("{}.id", base()),
                id: e.id.clone(),
            });
        }
        c.refers(&deals, &e.deal_id, || format!("{}.deal_id", base()));
        c.stamp(e.at, || format!("{}.at", base()));
        if let Some(at) = e.restored_at {
            c.stamp(at, || format!("{}.restored_at", base()));
        }
    }
    for (i, t) in ws.transfers.iter().enumerate() {
        let base = || format!("workspace.transfers[{i}]");
        c.unique(&t.id, base);
        // The people in a record are history (they may have left); only the client must exist.
        c.refers(&clients, &t.client_id, || format!("{}.client_id", base()));
        c.date(t.date, || format!("{}.date", base()));
        c.stamp(t.created_at, || format!("{}.created_at", base()));
        if let Some(at) = t.restored_at {
            c.stamp(at, || format!("{}.restored_at", base()));
        }
    }
    // Activities have their own namespace, like the stage history; only the client must exist
    // (the author, and a deal removed since, are history).
    let mut activity_ids = HashSet::default();
    for (i, a) in ws.activities.iter().enumerate() {
        let base = || format!("workspace.activities[{i}]");
        if !activity_ids.insert(&a.id) {
            c.problems.add(|| RestoreError::DuplicateId {
                path: format!("{}.id", base()),
                id: a.id.clone(),
            });
        }
        c.refers(&clients, &a.client_id, || format!("{}.client_id", base()));
        c.date(a.date, || format!("{}.date", base()));
        c.stamp(a.created_at, || format!("{}.created_at", base()));
        if let Some(at) = a.restored_at {
            c.stamp(at, || format!("{}.restored_at", base()));
        }
    }
    // A task's client and deal must exist; its assignee, like an assessor, may have left.
    for (i, t) in ws.tasks.iter().enumerate() {
        let base = || format!("workspace.tasks[{i}]");
        c.unique(&t.id, base);
        if let Some(client) = &t.client_id {
            c.refers(&clients, client, || format!("{}.client_id", base()));
        }
        if let Some(deal) = &t.deal_id {
            c.refers(&deals, deal, || format!("{}.deal_id", base()));
        }
        c.date(t.due, || format!("{}.due", base()));
        if let Some(done) = &t.done {
            c.stamp(done.at, || format!("{}.done.at", base()));
        }
        c.stamps(t.created_at, t.updated_at, &base);
    }
}
