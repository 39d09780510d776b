//! Tests of the snapshot layer, and the workspaces they share (also with the tests of
//! `crate::i18n`, which put this layer's data into words).

mod bad_input;
mod bad_records;
mod changes;
mod fuzz;
pub(crate) mod preview;
mod preview_steps;
mod round_trip;
mod schema;
mod stepped;
pub(crate) mod versions;

use crate::domain::dates::Timestamp;
use crate::domain::ids::Id;
use crate::domain::transfer::ConditionOutcome;
use crate::domain::workspace::Workspace;
use crate::domain::TransferRequest;
use crate::testkit::synth_workspace::synth_workspace;
use chrono::{NaiveDate, TimeZone, Utc};

/// Stands in for `crate::i18n::outcome::describe_ru` when these tests export: this layer has no
/// words and does not import the layer that has them. The outcome's figures as Rust prints
/// them, so the text still follows the data; the Russian text itself, and the exported files'
/// `text_ru`, are tested in `crate::i18n`.
pub(crate) fn figures(outcome: &ConditionOutcome) -> String {
    format!("{outcome:?}")
}

/// The import day of every test: 10 March 2026.
pub(crate) fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 10).unwrap()
}

/// Noon UTC of [`today`].
pub(crate) fn now() -> Timestamp {
    Utc.with_ymd_and_hms(2026, 3, 10, 12, 0, 0).unwrap()
}

/// A synthetic workspace with orders, up to `transfers` hunter→farmer transfers made through
/// `Workspace::transfer_client`, a custom transfer policy and a few yearly spend estimates.
pub(crate) fn with_transfers(clients: usize, orders: usize, transfers: usize) -> Workspace {
    let mut ws = synth_workspace(11, clients, orders, today());
    let done = crate::testkit::synth_workspace::add_transfers(&mut ws, transfers, today(), now());
    assert_eq!(done, transfers, "not enough eligible clients");
    ws
}

/// A small sound workspace touching every collection: three clients, deals, an assessment, a
/// catalogue, four orders, a transfer of `c1` to the farmer Anna, and a tombstone.
pub(crate) fn small() -> Workspace {
    use crate::testkit::fixtures::{assessment, catalogue_workspace, d0, order_on, t0};
    let mut ws = catalogue_workspace();
    let day = |d| NaiveDate::from_ymd_opt(2026, 1, d).unwrap();
    for (i, (client, rubles)) in [("c1", 1_000), ("c1", 2_500), ("c2", 700), ("c3", 90)]
        .into_iter()
        .enumerate()
    {
        let order = order_on(&format!("o{i}"), client, rubles, day(10 + i as u32));
        ws.add_order(order, d0(), t0()).unwrap();
    }
    ws.add_assessment(assessment("a1", "d1", [2, 3, 4, 1], 5))
        .unwrap();
    ws.add_deal(
        crate::testkit::fixtures::deal("d9", "c3", "ivan", crate::domain::StageKey::Lead, 1),
        &crate::testkit::fixtures::mover("d9-created"),
    )
    .unwrap();
    ws.remove_deal(&Id::from_raw("d9"), t0()).unwrap();
    let request = TransferRequest {
        record_id: Id::from_raw("t1"),
        client_id: Id::from_raw("c1"),
        to_member_id: Id::from_raw("anna"),
        by_member_id: Id::from_raw("ivan"),
    };
    ws.transfer_client(request, today(), now()).unwrap();
    ws
}
