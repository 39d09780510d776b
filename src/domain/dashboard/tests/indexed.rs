//! The figures read from the orders index equal the figures of a scan of every order
//! ([`super::reference`]) on generated workspaces: unsorted orders, several a day, transfers,
//! every period choice and a custom one over partial months, the team and each rep.

use super::reference;
use crate::domain::dashboard::abc_xyz::{abc_xyz_in, Cutoffs};
use crate::domain::dashboard::base_trend::base_trend_in;
use crate::domain::dashboard::funnel::{funnel_in, DealHistories};
use crate::domain::dashboard::period::{months_of, PeriodChoice};
use crate::domain::dashboard::plan_fact::revenue_by_owner;
use crate::domain::dashboard::sales::{first_sales_in, monthly_sales_in};
use crate::domain::dashboard::sales_index::SalesIndex;
use crate::domain::dashboard::scope::{Owners, Scope};
use crate::domain::dashboard::{dashboard, dashboard_in, DashboardInput};
use crate::testkit::bench_dashboard::enrich;
use crate::testkit::synth_workspace::{add_transfers, synth_workspace};
use chrono::{NaiveDate, TimeZone, Utc};

#[test]
fn indexed_figures_equal_the_scans_on_generated_data() {
    let today = NaiveDate::from_ymd_opt(2026, 3, 10).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 3, 10, 12, 0, 0).unwrap();
    for (seed, clients, orders) in [(7, 300, 6_000), (11, 40, 900), (3, 1, 25)] {
        let mut ws = synth_workspace(seed, clients, orders, today);
        let moved = add_transfers(&mut ws, clients / 8, today, now);
        // The big one has hand-overs: owners on an order's day differ from owners now.
        assert!(moved > 0 || clients < 100);
        // Stage moves over the year, closed deals won and lost.
        enrich(&mut ws, now);
        // Reversed: the indexes must not depend on the records' stored order.
        ws.orders.reverse();
        ws.stage_history.reverse();
        let index = SalesIndex::new(&ws);
        let histories = DealHistories::new(&ws);
        let owners = Owners::new(&ws);
        let custom = PeriodChoice::Custom {
            from: NaiveDate::from_ymd_opt(2025, 4, 17).unwrap(),
            to: NaiveDate::from_ymd_opt(2025, 11, 3).unwrap(),
        };
        let mut scopes = vec![Scope::Team];
        scopes.extend(ws.members.iter().map(|m| Scope::Member(m.id.clone())));
        let cutoffs = [
            Cutoffs::default(),
            Cutoffs {
                a_bp: 5_000,
                b_bp: 3_000,
                x_pct: 30,
                y_pct: 60,
                xyz_months: 5,
            },
        ];
        for choice in PeriodChoice::PRESETS.into_iter().chain([custom]) {
            let period = choice.resolve(today);
            let months = months_of(period);
            let by_owner = revenue_by_owner(&index, &owners, period, &months);
            assert_eq!(
                by_owner,
                reference::revenue_by_owner(&ws, &owners, period, &months),
                "revenue by owner, {choice:?}"
            );
            for scope in &scopes {
                let what = format!("seed {seed}, {choice:?}, {scope:?}, {moved} transfers");
                assert_eq!(
                    monthly_sales_in(&index, &owners, period, scope),
                    reference::monthly_sales(&ws, &owners, period, scope),
                    "monthly sales, {what}"
                );
                assert_eq!(
                    first_sales_in(&ws, &index, &owners, period, scope),
                    reference::first_sales(&ws, &owners, period, scope),
                    "first sales, {what}"
                );
                assert_eq!(
                    base_trend_in(&ws, &index, &owners, period, scope),
                    reference::base_trend(&ws, &owners, period, scope),
                    "sleeping and lost, {what}"
                );
                for cut in cutoffs {
                    assert_eq!(
                        abc_xyz_in(&ws, &index, period, today, scope, cut),
                        reference::abc_xyz(&ws, period, today, scope, cut),
                        "ABC × XYZ, {what}, {cut:?}"
                    );
                }
                for offset in [180, -300] {
                    assert_eq!(
                        funnel_in(&ws, &histories, period, scope, offset),
                        reference::funnel(&ws, period, scope, offset),
                        "funnel, {what}, UTC{offset:+} min"
                    );
                }
                let input = DashboardInput {
                    period: choice,
                    scope: scope.clone(),
                    today,
                    cutoffs: Cutoffs::default(),
                    offset_minutes: 180,
                };
                assert_eq!(
                    dashboard_in(&ws, &index, &histories, &input),
                    dashboard(&ws, &input)
                );
            }
        }
    }
}

#[test]
fn the_index_sorts_each_clients_orders_and_sums_its_first_day() {
    let today = NaiveDate::from_ymd_opt(2026, 3, 10).unwrap();
    let mut ws = synth_workspace(5, 30, 600, today);
    ws.orders.reverse();
    let index = SalesIndex::new(&ws);
    assert_eq!(
        index.clients().iter().map(|c| c.sales.len()).sum::<usize>(),
        ws.orders.len()
    );
    for c in index.clients() {
        assert!(c.sales.windows(2).all(|w| w[0].date <= w[1].date));
        let first = c.first_day().unwrap();
        let expected = ws
            .orders
            .iter()
            .filter(|o| o.client_id == c.client_id && o.date == first)
            .map(|o| o.total())
            .sum();
        assert_eq!(c.first_amount, expected);
    }
}
