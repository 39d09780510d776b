//! One fixture per format version (`tests/fixtures/snapshot-v1.json` … `-v5.json`): each is read,
//! migrated step by step, and holds exactly the data of its version.

use super::{figures, today};
use crate::domain::deal_flow::{
    Closure, LostReason, LostReasonKey, PipelineSettings, StageChange, StageChangeKind, StageLimit,
};
use crate::domain::ids::Id;
use crate::domain::metrics::ActivityThresholds;
use crate::domain::money::Money;
use crate::domain::qualification::ScoringModel;
use crate::domain::transfer::{Condition, TransferPolicy};
use crate::domain::workspace::{Mover, StageStep};
use crate::domain::{ClientStatus, StageKey};
use crate::snapshot::{export_snapshot, read_snapshot, DescribeOutcome, Snapshot};

const V1: &str = include_str!("../../../tests/fixtures/snapshot-v1.json");
const V2: &str = include_str!("../../../tests/fixtures/snapshot-v2.json");
const V3: &str = include_str!("../../../tests/fixtures/snapshot-v3.json");
/// The version 4 fixture as stored (its `derived` section in the Russian words the app wrote).
const V4: &str = include_str!("../../../tests/fixtures/snapshot-v4.json");
/// The version 5 fixture as stored (its `derived` section in the Russian words the app writes).
pub(crate) const V5: &str = include_str!("../../../tests/fixtures/snapshot-v5.json");
pub(crate) const V6: &str = include_str!("../../../tests/fixtures/snapshot-v6.json");

/// The version 4 fixture's history: the version 3 data with a phone, a note and an order edited
/// later, so that it carries field stamps, exported with `describe` writing the conditions'
/// figures. (This build exports it as version 5; the fixture is what version 4 wrote.)
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

/// The version 5 fixture: the version 4 data (migrated: one history entry per deal) where Ivan
/// moved d1 on by a stage, lost d2 for want of budget and won d3, then reopened d3; the director
/// added a reason of the team's own and a 14-day limit for «КП». Exported with `describe`
/// writing the conditions' figures; `SALESDESK_WRITE_FIXTURE=1 cargo test version_5` writes it
/// (from `crate::i18n`'s tests, which have the Russian words the file carries).
pub(crate) fn v5_from_v4(describe: DescribeOutcome) -> String {
    let mut ws = read(V4).workspace;
    let at = |minute: u32| {
        chrono::DateTime::parse_from_rfc3339(&format!("2026-03-12T10:{minute:02}:00Z"))
            .unwrap()
            .to_utc()
    };
    let by = |entry: &str| Mover {
        by: Some(Id::from_raw("ivan")),
        entry_id: Id::from_raw(entry),
    };
    let step = StageStep::Forward;
    ws.step_deal(&Id::from_raw("d1"), step, &by("h-v5-1"), at(1))
        .unwrap();
    let lost = Closure::Lost {
        reason: LostReason::builtin(LostReasonKey::NoBudget),
        note: "Бюджет заморожен до осени".into(),
        at: at(2),
    };
    ws.close_deal(&Id::from_raw("d2"), lost, &by("h-v5-2"), at(2))
        .unwrap();
    let won = Closure::Won {
        amount: Money::from_rubles(3_500),
        order_id: Some(Id::from_raw("o1")),
        at: at(3),
    };
    ws.close_deal(&Id::from_raw("d3"), won, &by("h-v5-3"), at(3))
        .unwrap();
    ws.reopen_deal(&Id::from_raw("d3"), &by("h-v5-4"), at(4))
        .unwrap();
    let mut settings = ws.pipeline_settings.clone();
    settings
        .lost_reasons
        .push(LostReason::custom("Ушли в тендер"));
    settings.stage_limits.push(StageLimit {
        stage_id: StageKey::Proposal.default_id(),
        days: 14,
    });
    ws.set_pipeline_settings(settings, at(5)).unwrap();
    export_snapshot(&ws, None, at(6), at(6).date_naive(), describe)
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
    for text in [V1, V2, V3, V4, V5, V6] {
        let ws = read(text).workspace;
        let again = read(&export_snapshot(&ws, None, super::now(), today(), figures));
        assert_eq!(again.meta.version, crate::format::VERSION);
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

#[test]
fn version_4_deals_enter_the_stage_history_where_they_stand() {
    let ws = read(V4).workspace;
    assert_eq!(ws.stage_history.len(), ws.deals.len());
    for deal in &ws.deals {
        let entries = ws.stage_history_of(&deal.id);
        assert_eq!(entries.len(), 1, "{}", deal.id);
        let e = entries[0];
        assert_eq!(e.kind, StageChangeKind::Migrated);
        assert_eq!((e.from.as_ref(), &e.to), (None, &deal.stage_id));
        assert_eq!(e.at, deal.updated_at);
        assert_eq!(e.id, StageChange::migrated_id(&deal.id));
        assert!(deal.closed.is_none());
    }
    assert_eq!(ws.pipeline_settings, PipelineSettings::default());
}

#[test]
fn version_5_holds_outcomes_the_stage_history_and_the_pipeline_settings() {
    let s = read(V5);
    assert_eq!(s.meta.version, 5);
    let ws = &s.workspace;
    let d = |id: &str| ws.deal(&Id::from_raw(id)).unwrap();
    assert_eq!(d("d1").stage_id, StageKey::Qualification.default_id());
    assert!(matches!(
        &d("d2").closed,
        Some(Closure::Lost { reason, note, .. })
            if reason.key == Some(LostReasonKey::NoBudget) && note.contains("осени")
    ));
    assert!(d("d3").is_open(), "won, then reopened");
    let kinds = |id: &str| -> Vec<StageChangeKind> {
        ws.stage_history_of(&Id::from_raw(id))
            .iter()
            .map(|e| e.kind)
            .collect()
    };
    use StageChangeKind::*;
    assert_eq!(kinds("d1"), [Migrated, Moved]);
    assert_eq!(kinds("d2"), [Migrated, Lost]);
    assert_eq!(kinds("d3"), [Migrated, Won, Reopened]);
    assert!(ws
        .stage_history
        .iter()
        .filter(|e| e.kind != Migrated)
        .all(|e| e.by == Some(Id::from_raw("ivan"))));
    assert_eq!(
        ws.pipeline_settings
            .limit_of(&StageKey::Proposal.default_id()),
        Some(14)
    );
    assert_eq!(ws.pipeline_settings.lost_reasons.len(), 8);
    // The fixture is exactly what this build writes for that history.
    assert_eq!(read(&v5_from_v4(figures)).workspace, s.workspace);
}
