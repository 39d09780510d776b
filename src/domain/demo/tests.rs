use super::*;
use crate::domain::fixtures::t0;
use crate::domain::inn::validate_inn;
use crate::domain::team::Role;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 15).unwrap()
}

#[test]
fn demo_is_sound_and_sizeable() {
    let ws = demo_workspace(today(), t0());
    assert!(ws.integrity_problems().is_empty());
    assert_eq!(ws.members.len(), 6);
    assert_eq!(ws.clients.len(), 36);
    assert!(ws.deals.len() >= 30);
    assert!(ws.assessments.len() >= 25);
    let verdicts: std::collections::HashSet<_> = ws
        .deals
        .iter()
        .filter_map(|d| ws.deal_score(&d.id))
        .map(|s| s.verdict)
        .collect();
    assert!(
        verdicts.len() >= 3,
        "demo shows several verdicts: {verdicts:?}"
    );
    for role in Role::ALL {
        assert!(ws.members.iter().any(|m| m.role() == role));
    }
    for c in &ws.clients {
        if let Some(inn) = &c.inn {
            assert!(validate_inn(inn).is_ok(), "{inn}");
        }
    }
}

#[test]
fn demo_spreads_deals_over_stages_and_is_deterministic() {
    let ws = demo_workspace(today(), t0());
    let used: std::collections::HashSet<_> = ws.deals.iter().map(|d| &d.stage_id).collect();
    assert!(used.len() >= 5, "only {} stages used", used.len());
    assert_eq!(ws, demo_workspace(today(), t0()));
}
