//! One fixture per format version (`tests/fixtures/snapshot-v1.json` … `-v4.json`): each is read,
//! migrated step by step, and holds exactly the data of its version.

use super::{figures, today};
use crate::domain::ids::Id;
use crate::domain::metrics::ActivityThresholds;
use crate::domain::money::Money;
use crate::domain::qualification::ScoringModel;
use crate::domain::transfer::{Condition, TransferPolicy};
use crate::domain::ClientStatus;
use crate::snapshot::{export_snapshot, read_snapshot, DescribeOutcome, Snapshot};

const V1: &str = include_str!("../../../tests/fixtures/snapshot-v1.json");
const V2: &str = include_str!("../../../tests/fixtures/snapshot-v2.json");
const V3: &str = include_str!("../../../tests/fixtures/snapshot-v3.json");
/// The version 4 fixture as stored (its `derived` section in the Russian words the app writes).
pub(crate) const V4: &str = include_str!("../../../tests/fixtures/snapshot-v4.json");

/// The version 4 fixture: the version 3 data with a phone, a note and an order edited later, so
/// that it carries field stamps, exported with `describe` writing the conditions' figures.
/// `SALESDESK_WRITE_FIXTURE=1 cargo test version_4` writes it (from `crate::i18n`'s tests,
/// which have the Russian words the file carries).
pub(crate) fn v4_from_v3(describe: DescribeOutcome) -> String {
    let mut ws = read(V3).workspace;
    let at = chrono::DateTime::parse_from_rfc3339("2026-03-11T09:30:00Z")
        .unwrap()
        .to_utc();
    let mut c = ws.clients[0].clone();
    c.contact.phone = "+7 912 000-11-22".into();
    c.notes = "Телефон сменился".into();
    ws.update_client(c, at).unwrap();
    let mut o = ws.orders[0].clone();
    o.date = o.date.succ_opt().unwrap();
    ws.update_order(o, at.date_naive(), at).unwrap();
    export_snapshot(&ws, None, at, at.date_naive(), describe)
}

fn read(text: &str) -> Snapshot {
    read_snapshot(text, today()).unwrap()
}

fn ids<T>(records: &[T], id: impl Fn(&T) -> &Id) -> Vec<String> {
    records.iter().map(|r| id(r).to_string()).collect()
}

#[test]
fn version_1_holds_the_team_clients_and_deals_with_defaults_for_the_rest() {
    let s = read(V1);
    assert_eq!(s.meta.version, 1);
    let ws = &s.workspace;
    assert_eq!(ids(&ws.members, |m| &m.id), ["ivan", "olga", "anna"]);
    assert_eq!(ids(&ws.clients, |c| &c.id), ["c1", "c2", "c3"]);
    assert_eq!(ids(&ws.deals, |d| &d.id), ["d1", "d2", "d3"]);
    assert_eq!(ws.clients[0].name, "ООО «Вектор»");
    assert_eq!(ws.deals[1].amount, Money::from_rubles(250_000));
    assert_eq!(ws.stages.len(), 7);
    assert_eq!(ws.removed.len(), 1);
    // Everything later versions added takes its default.
    assert_eq!(ws.scoring_model, ScoringModel::default());
    assert!(ws.assessments.is_empty() && ws.orders.is_empty() && ws.products.is_empty());
    assert_eq!(ws.transfer_policy, TransferPolicy::default());
    assert!(ws.transfers.is_empty());
    assert!(ws.clients.iter().all(|c| c.yearly_spend.is_none()));
}

#[test]
fn version_2_adds_qualification_the_catalogue_and_orders() {
    let s = read(V2);
    assert_eq!(s.meta.version, 2);
    let ws = &s.workspace;
    assert_eq!(ids(&ws.assessments, |a| &a.id), ["a1"]);
    assert_eq!(ws.assessments[0].level("authority"), Some(3));
    assert_eq!(ids(&ws.product_groups, |g| &g.id), ["g1"]);
    assert_eq!(ids(&ws.products, |p| &p.id), ["p1"]);
    assert_eq!(ids(&ws.orders, |o| &o.id), ["o0", "o1", "o2", "o3"]);
    assert_eq!(ws.orders[1].total(), Money::from_rubles(2_500));
    assert_eq!(ws.clients[0].status, ClientStatus::Regular);
    assert_eq!(ws.transfer_policy, TransferPolicy::default());
    assert!(ws.transfers.is_empty());
    assert!(ws.clients.iter().all(|c| c.yearly_spend.is_none()));
}

#[test]
fn version_3_adds_the_transfer_policy_the_log_and_yearly_spend() {
    let s = read(V3);
    assert_eq!(s.meta.version, 3);
    assert_eq!(s.meta.exported_by.as_ref().unwrap().name, "Иван Петров");
    let ws = &s.workspace;
    assert_eq!(
        ws.transfer_policy.rule.conditions,
        [
            Condition::OrderCount { at_least: 2 },
            Condition::Volume {
                at_least: Money::from_rubles(3_000),
                within_months: Some(6)
            }
        ]
    );
    assert_eq!(
        ws.transfer_policy.thresholds,
        ActivityThresholds {
            sleeping_days: 150,
            lost_days: 300
        }
    );
    assert_eq!(ids(&ws.transfers, |t| &t.id), ["t1"]);
    assert_eq!(ws.transfers[0].to_member_id.as_str(), "anna");
    assert_eq!(ws.clients[0].owner_id.as_str(), "anna");
    assert_eq!(
        ws.clients[0].yearly_spend,
        Some(Money::from_rubles(12_000_000))
    );
}

#[test]
fn every_version_re_exports_as_the_current_one() {
    for text in [V1, V2, V3, V4] {
        let ws = read(text).workspace;
        let again = read(&export_snapshot(&ws, None, super::now(), today(), figures));
        assert_eq!(again.meta.version, 4);
        assert_eq!(again.workspace, ws);
    }
    // The older files are the newer ones minus what their version lacked.
    let (v1, v2, v3) = (read(V1).workspace, read(V2).workspace, read(V3).workspace);
    assert_eq!(
        (v1.members.clone(), v1.deals.clone()),
        (v2.members.clone(), v2.deals.clone())
    );
    assert_eq!(v2.orders, v3.orders);
}

#[test]
fn version_4_carries_field_stamps() {
    let s = read(V4);
    assert_eq!(s.meta.version, 4);
    let c = &s.workspace.clients[0];
    let phone = c.stamps.fields["contact.phone"];
    assert_eq!(phone.at.to_rfc3339(), "2026-03-11T09:30:00+00:00");
    assert!(phone.prev < phone.at);
    assert!(c.stamps.fields.contains_key("notes"));
    assert!(!c.stamps.fields.contains_key("name"));
    assert!(s.workspace.orders[0].stamps.fields.contains_key("date"));
    // The fixture is exactly what this build writes for that history.
    assert_eq!(read(&v4_from_v3(figures)).workspace, s.workspace);
}
