//! How closed deals, stage histories and pipeline settings merge between two tabs or files.

use super::*;

#[test]
fn pipeline_settings_are_checked_and_two_tabs_edits_of_different_fields_both_stay() {
    let ws = small_workspace();
    let mut bad = ws.pipeline_settings.clone();
    bad.lost_reasons.push(LostReason::custom(""));
    bad.lost_reasons
        .push(LostReason::builtin(LostReasonKey::NoBudget));
    bad.stage_limits.push(StageLimit {
        stage_id: id("stage-lead"),
        days: 0,
    });
    bad.stage_limits.push(StageLimit {
        stage_id: id("stage-lead"),
        days: 5,
    });
    assert_eq!(
        bad.problems(),
        [
            SettingsProblem::BlankReason(7),
            SettingsProblem::DuplicateReason(8),
            SettingsProblem::LimitOutOfRange(id("stage-lead")),
            SettingsProblem::DuplicateStage(id("stage-lead")),
        ]
    );
    let mut refused = ws.clone();
    assert!(matches!(
        refused.set_pipeline_settings(bad, later(1)),
        Err(WorkspaceError::InvalidPipelineSettings(_))
    ));
    assert_eq!(refused, ws);

    let (mut a, mut b) = (ws.clone(), ws.clone());
    let mut reasons = a.pipeline_settings.clone();
    reasons
        .lost_reasons
        .push(LostReason::custom("Ушли в тендер"));
    a.set_pipeline_settings(reasons, later(2)).unwrap();
    let mut limits = b.pipeline_settings.clone();
    limits.stage_limits.push(StageLimit {
        stage_id: id("stage-proposal"),
        days: 14,
    });
    b.set_pipeline_settings(limits, later(3)).unwrap();
    for out in [merge(&a, &b), merge(&b, &a)] {
        let s = &out.workspace.pipeline_settings;
        assert_eq!(s.lost_reasons.len(), 8);
        assert_eq!(s.limit_of(&id("stage-proposal")), Some(14));
        assert!(out.report.conflicts.is_empty(), "{}", out.report);
    }
}

#[test]
fn two_tabs_histories_merge_as_their_union_without_duplicates() {
    let base = small_workspace();
    let (mut a, mut b) = (base.clone(), base.clone());
    // Tab A drags d1 on; tab B closes d2 as lost and renames d1.
    a.move_deal(
        &id("d1"),
        &StageKey::Qualification.default_id(),
        &by("ivan", "ha1"),
        later(1),
    )
    .unwrap();
    b.close_deal(
        &id("d2"),
        lost(LostReasonKey::NoBudget),
        &by("olga", "hb1"),
        later(2),
    )
    .unwrap();
    let mut d1 = b.deal(&id("d1")).unwrap().clone();
    d1.title = "Пилот, 2 партии".into();
    b.update_deal(d1, &by("olga", "hb2"), later(3)).unwrap();

    let ab = merge(&a, &b).workspace;
    let ba = merge(&b, &a).workspace;
    let ids = |ws: &Workspace| {
        let mut v: Vec<String> = ws.stage_history.iter().map(|e| e.id.to_string()).collect();
        v.sort();
        v
    };
    assert_eq!(
        ids(&ab),
        ["d1-created", "d2-created", "d3-created", "ha1", "hb1"]
    );
    assert_eq!(ids(&ab), ids(&ba));
    // The deal's fields merged one by one: A's stage, B's title; B's closing.
    let d1 = ab.deal(&id("d1")).unwrap();
    assert_eq!(
        (d1.stage_id.clone(), d1.title.as_str()),
        (StageKey::Qualification.default_id(), "Пилот, 2 партии")
    );
    assert!(!ab.deal(&id("d2")).unwrap().is_open());
    // Merging again, or with itself, adds nothing.
    assert_eq!(merge(&ab, &b).workspace.stage_history.len(), 5);
    assert_eq!(merge(&ab, &ab).workspace, ab);
    assert!(ab.integrity_problems().is_empty());
}

#[test]
fn the_same_older_data_migrated_on_two_devices_merges_to_one_entry_per_deal() {
    let mut a = small_workspace();
    // As version 4 data migrates: one entry per deal with an id derived from the deal's.
    a.stage_history = a
        .deals
        .iter()
        .map(|d| StageChange {
            id: StageChange::migrated_id(&d.id),
            deal_id: d.id.clone(),
            kind: StageChangeKind::Migrated,
            from: None,
            to: d.stage_id.clone(),
            at: d.updated_at,
            by: None,
            restored_at: None,
        })
        .collect();
    let mut b = a.clone();
    b.move_deal(
        &id("d3"),
        &StageKey::Contract.default_id(),
        &by("ivan", "hb"),
        later(5),
    )
    .unwrap();
    let merged = merge(&a, &b).workspace;
    assert_eq!(merged.stage_history.len(), 4);
    assert_eq!(
        kinds(&merged, "d3"),
        [StageChangeKind::Migrated, StageChangeKind::Moved]
    );
}

#[test]
fn removing_a_deal_removes_its_history_and_the_deletion_reaches_the_other_tab() {
    let base = small_workspace();
    let (mut a, mut b) = (base.clone(), base.clone());
    b.move_deal(
        &id("d2"),
        &StageKey::Negotiation.default_id(),
        &by("olga", "hb"),
        later(1),
    )
    .unwrap();
    let c = b.clone();
    b.remove_deal(&id("d2"), later(2)).unwrap();
    assert!(b.stage_history_of(&id("d2")).is_empty());
    a.move_deal(
        &id("d1"),
        &StageKey::Negotiation.default_id(),
        &by("ivan", "ha"),
        later(3),
    )
    .unwrap();
    // Tab A never saw the move nor the deletion; C saw the move only. Both lose d2's history.
    for other in [&a, &c] {
        let merged = merge(other, &b).workspace;
        assert!(merged.deal(&id("d2")).is_none());
        assert!(merged.stage_history_of(&id("d2")).is_empty());
        assert!(merged.integrity_problems().is_empty());
    }
}

#[test]
fn a_replace_restamps_the_settings_so_another_tab_cannot_bring_the_old_ones_back() {
    let current = small_workspace();
    let mut incoming = current.clone();
    let mut settings = incoming.pipeline_settings.clone();
    settings.stage_limits.push(StageLimit {
        stage_id: id("stage-lead"),
        days: 3,
    });
    incoming.set_pipeline_settings(settings, later(1)).unwrap();
    let replaced = crate::domain::merge::replace(&current, &incoming, later(2));
    assert_eq!(
        replaced.pipeline_settings.limit_of(&id("stage-lead")),
        Some(3)
    );
    // Another tab still holding the old settings cannot bring them back.
    let merged = merge(&current, &replaced).workspace;
    assert_eq!(
        merged.pipeline_settings.limit_of(&id("stage-lead")),
        Some(3)
    );
}
