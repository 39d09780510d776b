use crate::domain::stage::StageKey;
use crate::domain::team::JobTitle;
use crate::domain::workspace::*;
use crate::testkit::fixtures::*;

#[test]
fn default_workspace_is_empty_with_default_pipeline() {
    let ws = Workspace::default();
    assert!(ws.is_empty());
    assert_eq!(ws.stages.len(), 7);
    assert!(ws.integrity_problems().is_empty());
}

#[test]
fn adding_records_checks_names_owners_and_ids() {
    let mut ws = small_workspace();
    assert!(!ws.is_empty());
    assert_eq!(
        ws.add_member(member("x", "   ", JobTitle::SalesManager)),
        Err(WorkspaceError::NameRequired)
    );
    assert_eq!(
        ws.add_client(client("c9", "ООО «Новый»", "ghost")),
        Err(WorkspaceError::UnknownMember(Id::from_raw("ghost")))
    );
    assert_eq!(
        ws.add_client(client("d1", "ООО «Дубль»", "ivan")),
        Err(WorkspaceError::DuplicateId(Id::from_raw("d1")))
    );
    let mut bad_stage = deal("d9", "c1", "ivan", StageKey::Lead, 1);
    bad_stage.stage_id = Id::from_raw("stage-nope");
    assert_eq!(
        ws.add_deal(bad_stage, &mover("a14")),
        Err(WorkspaceError::UnknownStage(Id::from_raw("stage-nope")))
    );
    assert_eq!(
        ws.add_deal(deal("d9", "c404", "ivan", StageKey::Lead, 1), &mover("a15")),
        Err(WorkspaceError::UnknownClient(Id::from_raw("c404")))
    );
    assert_eq!(ws.clients.len(), 3);
    assert_eq!(ws.deals.len(), 3);
}

#[test]
fn update_stamps_time_and_keeps_failed_updates_out() {
    let mut ws = small_workspace();
    let mut c = ws.client(&Id::from_raw("c1")).unwrap().clone();
    c.notes = "Перезвонить после праздников".into();
    ws.update_client(c, later(5)).unwrap();
    let stored = ws.client(&Id::from_raw("c1")).unwrap();
    assert_eq!(stored.notes, "Перезвонить после праздников");
    assert_eq!(stored.updated_at, later(5));
    assert_eq!(stored.created_at, t0());

    let mut nameless = stored.clone();
    nameless.name = " ".into();
    assert_eq!(
        ws.update_client(nameless, later(6)),
        Err(WorkspaceError::NameRequired)
    );
    assert_eq!(ws.client(&Id::from_raw("c1")).unwrap().name, "ООО «Вектор»");
}

#[test]
fn moving_deals_by_drop_and_by_step() {
    let mut ws = small_workspace();
    let d1 = Id::from_raw("d1");
    assert_eq!(
        ws.move_deal(
            &d1,
            &StageKey::Proposal.default_id(),
            &mover("m4"),
            later(1)
        ),
        Ok(true)
    );
    assert_eq!(
        ws.move_deal(
            &d1,
            &StageKey::Proposal.default_id(),
            &mover("m5"),
            later(2)
        ),
        Ok(false)
    );
    assert_eq!(ws.deal(&d1).unwrap().updated_at, later(1));

    assert_eq!(
        ws.step_deal(&d1, StageStep::Forward, &mover("m6"), later(3)),
        Ok(Some(StageKey::Negotiation.default_id()))
    );
    assert_eq!(
        ws.step_deal(&d1, StageStep::Back, &mover("m7"), later(4)),
        Ok(Some(StageKey::Proposal.default_id()))
    );
    ws.move_deal(&d1, &StageKey::Lead.default_id(), &mover("m8"), later(5))
        .unwrap();
    assert_eq!(
        ws.step_deal(&d1, StageStep::Back, &mover("m9"), later(6)),
        Ok(None)
    );
    ws.move_deal(
        &d1,
        &StageKey::FirstSale.default_id(),
        &mover("m10"),
        later(7),
    )
    .unwrap();
    assert_eq!(
        ws.step_deal(&d1, StageStep::Forward, &mover("m11"), later(8)),
        Ok(None)
    );
    assert_eq!(
        ws.move_deal(&d1, &Id::from_raw("nowhere"), &mover("m12"), later(9)),
        Err(WorkspaceError::UnknownStage(Id::from_raw("nowhere")))
    );
    assert_eq!(
        ws.step_deal(
            &Id::from_raw("d404"),
            StageStep::Forward,
            &mover("m13"),
            later(9)
        ),
        Err(WorkspaceError::NotFound(Id::from_raw("d404")))
    );
}

#[test]
fn removing_a_client_removes_its_deals_and_leaves_tombstones() {
    let mut ws = small_workspace();
    let removed = ws.remove_client(&Id::from_raw("c1"), later(1)).unwrap();
    assert_eq!(removed.name, "ООО «Вектор»");
    assert_eq!(ws.deals.len(), 1);
    let gone: Vec<&str> = ws.removed.iter().map(|t| t.id.as_str()).collect();
    // Each deal's stage history goes with it.
    assert_eq!(gone, ["d1-created", "d1", "d3-created", "d3", "c1"]);
    assert!(ws.integrity_problems().is_empty());
    assert_eq!(
        ws.remove_client(&Id::from_raw("c1"), later(2)),
        Err(WorkspaceError::NotFound(Id::from_raw("c1")))
    );
}

#[test]
fn a_member_who_owns_records_needs_a_successor() {
    let mut ws = small_workspace();
    let ivan = Id::from_raw("ivan");
    assert_eq!(
        ws.remove_member(&ivan, None, later(1)),
        Err(WorkspaceError::MemberOwnsRecords {
            clients: 2,
            deals: 2
        })
    );
    assert_eq!(
        ws.remove_member(&ivan, Some(&ivan), later(1)),
        Err(WorkspaceError::MemberOwnsRecords {
            clients: 2,
            deals: 2
        })
    );
    assert_eq!(
        ws.remove_member(&ivan, Some(&Id::from_raw("ghost")), later(1)),
        Err(WorkspaceError::UnknownMember(Id::from_raw("ghost")))
    );
    assert_eq!(ws.members.len(), 3);

    ws.remove_member(&ivan, Some(&Id::from_raw("anna")), later(2))
        .unwrap();
    assert_eq!(ws.owned_by(&Id::from_raw("anna")), (2, 2));
    assert!(ws.member(&ivan).is_none());
    assert!(ws.integrity_problems().is_empty());

    // A member with nothing may simply go.
    ws.add_member(member("temp", "Стажёр", JobTitle::TeleSalesManager))
        .unwrap();
    ws.remove_member(&Id::from_raw("temp"), None, later(3))
        .unwrap();
}

#[test]
fn integrity_check_finds_duplicates_and_dangling_references() {
    let mut ws = small_workspace();
    ws.clients.push(client("c1", "Копия", "ivan"));
    ws.deals
        .push(deal("d7", "c404", "ghost", StageKey::Lead, 1));
    let problems = ws.integrity_problems();
    assert!(problems.contains(&IntegrityProblem::DuplicateId(Id::from_raw("c1"))));
    assert!(problems.contains(&IntegrityProblem::DanglingReference {
        record: Id::from_raw("d7"),
        missing: Id::from_raw("c404"),
    }));
    assert!(problems.contains(&IntegrityProblem::DanglingReference {
        record: Id::from_raw("d7"),
        missing: Id::from_raw("ghost"),
    }));
    assert_eq!(problems.len(), 3);
}

#[test]
fn assessments_are_kept_as_history_and_the_latest_one_scores() {
    use crate::domain::qualification::Verdict;
    let mut ws = small_workspace();
    let d1 = Id::from_raw("d1");
    assert_eq!(ws.deal_score(&d1), None);
    ws.add_assessment(assessment("a1", "d1", [1, 1, 1, 1], 1))
        .unwrap();
    ws.add_assessment(assessment("a2", "d1", [3, 3, 3, 4], 2))
        .unwrap();
    assert_eq!(ws.assessments_of(&d1).count(), 2);
    let s = ws.deal_score(&d1).unwrap();
    assert_eq!((s.points, s.verdict), (13, Verdict::Priority));
    assert!(ws.integrity_problems().is_empty());

    assert_eq!(
        ws.add_assessment(assessment("a3", "d404", [1, 1, 1, 1], 3)),
        Err(WorkspaceError::UnknownDeal(Id::from_raw("d404")))
    );
    assert_eq!(
        ws.add_assessment(assessment("a1", "d1", [1, 1, 1, 1], 3)),
        Err(WorkspaceError::DuplicateId(Id::from_raw("a1")))
    );
    assert_eq!(
        ws.add_assessment(assessment("a4", "d1", [1, 7, 1, 1], 3)),
        Err(WorkspaceError::LevelOutOfRange(7))
    );
}

#[test]
fn a_new_model_rescores_every_lead_and_invalid_models_are_refused() {
    use crate::domain::qualification::{ScoringModel, Verdict};
    let mut ws = small_workspace();
    ws.add_assessment(assessment("a1", "d1", [2, 4, 2, 1], 1))
        .unwrap();
    assert_eq!(
        ws.deal_score(&Id::from_raw("d1")).unwrap().verdict,
        Verdict::Qualified
    );
    let mut heavier = ScoringModel::default();
    heavier.criteria[3].weight = 3; // timeline (level 1) triples: 2+4+2+3 = 11 of 24
    assert!(matches!(
        ws.set_scoring_model(heavier.clone(), later(2)),
        Err(WorkspaceError::InvalidModel(_))
    ));
    heavier.rescale_bands(); // 0–6, 7–12, 13–18, 19–24
    ws.set_scoring_model(heavier, later(2)).unwrap();
    let s = ws.deal_score(&Id::from_raw("d1")).unwrap();
    assert_eq!((s.points, s.max, s.verdict), (11, 24, Verdict::Nurture));
    assert_eq!(ws.scoring_model.updated_at, later(2));
}

#[test]
fn assessments_outlive_the_member_who_made_them() {
    let mut ws = small_workspace();
    ws.add_assessment(assessment("a1", "d1", [1, 1, 1, 1], 1))
        .unwrap();
    ws.remove_member(&Id::from_raw("ivan"), Some(&Id::from_raw("olga")), later(2))
        .unwrap();
    assert_eq!(ws.assessments.len(), 1);
    assert!(ws.integrity_problems().is_empty());
}

#[test]
fn removing_deals_or_clients_removes_their_assessments() {
    let mut ws = small_workspace();
    ws.add_assessment(assessment("a1", "d1", [1, 1, 1, 1], 1))
        .unwrap();
    ws.add_assessment(assessment("a2", "d2", [1, 1, 1, 1], 1))
        .unwrap();
    ws.remove_deal(&Id::from_raw("d1"), later(2)).unwrap();
    assert_eq!(ws.assessments.len(), 1);
    ws.remove_client(&Id::from_raw("c2"), later(3)).unwrap();
    assert!(ws.assessments.is_empty());
    assert!(ws.removed.iter().any(|t| t.id.as_str() == "a2"));
    assert!(ws.integrity_problems().is_empty());
}

#[test]
fn unqualified_leads_crossing_into_proposal_need_confirmation() {
    let mut ws = small_workspace();
    let d1 = Id::from_raw("d1"); // in «Лид», never assessed
    let proposal = StageKey::Proposal.default_id();
    assert!(ws.move_needs_confirmation(&d1, &proposal));
    assert!(!ws.move_needs_confirmation(&d1, &StageKey::NeedsDiscovery.default_id()));
    ws.add_assessment(assessment("a1", "d1", [3, 3, 3, 3], 1))
        .unwrap();
    assert!(!ws.move_needs_confirmation(&d1, &proposal));
    assert!(ws.new_deal_needs_confirmation(&proposal));
    assert!(!ws.new_deal_needs_confirmation(&StageKey::Qualification.default_id()));
    // d2 is already in «КП»: moving on to «Переговоры» is not a new jump.
    assert!(!ws.move_needs_confirmation(&Id::from_raw("d2"), &StageKey::Negotiation.default_id()));
}
