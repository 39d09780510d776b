use super::model::MAX_WEIGHT;
use super::*;
use crate::domain::Id;
use crate::lang::Lang;
use crate::testkit::fixtures::t0;

fn assess(levels: &[(&str, Option<u8>)]) -> Assessment {
    Assessment {
        id: Id::from_raw("a1"),
        deal_id: Id::from_raw("d1"),
        assessor_id: Id::from_raw("ivan"),
        ratings: levels
            .iter()
            .map(|(k, l)| Rating {
                criterion: (*k).to_owned(),
                level: *l,
                evidence: String::new(),
            })
            .collect(),
        created_at: t0(),
        restored_at: None,
    }
}

fn bant(b: u8, a: u8, n: u8, t: u8) -> Assessment {
    assess(&[
        ("budget", Some(b)),
        ("authority", Some(a)),
        ("need", Some(n)),
        ("timeline", Some(t)),
    ])
}

#[test]
fn default_model_is_bant_with_the_handbook_bands() {
    let m = ScoringModel::default();
    assert_eq!(m.template, Template::Bant);
    assert_eq!(m.max_score(), 16);
    let bands: Vec<(Verdict, u32, u32)> =
        m.bands.iter().map(|b| (b.verdict, b.from, b.to)).collect();
    assert_eq!(
        bands,
        [
            (Verdict::Unqualified, 0, 4),
            (Verdict::Nurture, 5, 8),
            (Verdict::Qualified, 9, 12),
            (Verdict::Priority, 13, 16)
        ]
    );
    assert!(m.problems().is_empty());
    let names: Vec<&str> = m.criteria.iter().map(|c| c.name.ru.as_str()).collect();
    assert_eq!(names, ["Бюджет", "Полномочия", "Потребность", "Сроки"]);
    assert_eq!(m.criteria[1].levels[4].ru, "Единственный ЛПР");
    assert_eq!(m.criteria[3].levels[4].ru, "Решение в течение 30 дней");
    assert!(m.criteria[0]
        .questions
        .iter()
        .any(|q| q.ru == "Какой бюджет заложен на этот год?"));
}

#[test]
fn every_band_boundary_gives_its_verdict() {
    let m = ScoringModel::default();
    let cases = [
        (bant(0, 0, 0, 0), 0, Verdict::Unqualified),
        (bant(1, 1, 1, 1), 4, Verdict::Unqualified),
        (bant(2, 1, 1, 1), 5, Verdict::Nurture),
        (bant(2, 2, 2, 2), 8, Verdict::Nurture),
        (bant(3, 2, 2, 2), 9, Verdict::Qualified),
        (bant(3, 3, 3, 3), 12, Verdict::Qualified),
        (bant(4, 3, 3, 3), 13, Verdict::Priority),
        (bant(4, 4, 4, 4), 16, Verdict::Priority),
    ];
    for (a, points, verdict) in cases {
        let s = score(&m, &a);
        assert_eq!((s.points, s.verdict), (points, verdict), "{:?}", a.ratings);
        assert_eq!(s.max, 16);
    }
}

#[test]
fn weights_multiply_levels() {
    let mut m = ScoringModel::default();
    m.criteria[1].weight = 3; // authority counts triple
    m.criteria[3].weight = 0; // timeline switched off
    assert_eq!(m.max_score(), 4 + 12 + 4);
    let s = score(&m, &bant(1, 2, 3, 4));
    assert_eq!(s.points, 1 + 6 + 3);
    assert_eq!(s.max, 20);
}

#[test]
fn unknown_criteria_count_as_zero_and_are_listed() {
    let m = ScoringModel::default();
    let a = assess(&[("budget", Some(4)), ("authority", None), ("need", Some(4))]);
    let s = score(&m, &a);
    assert_eq!(s.points, 8);
    assert_eq!(s.unknown, ["authority", "timeline"]);
    assert_eq!(s.verdict, Verdict::Nurture);
    // Levels above 4 (hand-edited data) are clamped rather than inflating the score.
    assert_eq!(score(&m, &bant(9, 0, 0, 0)).points, 4);
}

#[test]
fn three_of_four_rule_caps_the_verdict() {
    // 4+4+4+0 = 12 points: qualified by points, but only 3 criteria ≥ 2 — still fine.
    let mut m = ScoringModel {
        min_criteria: Some(MinCriteriaRule::default()),
        ..Default::default()
    };
    assert_eq!(score(&m, &bant(4, 4, 4, 0)).verdict, Verdict::Qualified);
    // 4+4+1+1 = 10 points but only two criteria ≥ 2: capped to nurture.
    let s = score(&m, &bant(4, 4, 1, 1));
    assert_eq!(
        (s.points, s.verdict, s.capped_by_rule),
        (10, Verdict::Nurture, true)
    );
    // Without the rule the same lead is qualified.
    m.min_criteria = None;
    let s = score(&m, &bant(4, 4, 1, 1));
    assert_eq!((s.verdict, s.capped_by_rule), (Verdict::Qualified, false));
    // The rule never raises a verdict: 2+2+2+0 = 6 stays nurture.
    m.min_criteria = Some(MinCriteriaRule::default());
    assert_eq!(score(&m, &bant(2, 2, 2, 0)).verdict, Verdict::Nurture);
    // Exactly at the level counts: three criteria at 2 and one at 4 = 10.
    assert_eq!(score(&m, &bant(2, 2, 2, 4)).verdict, Verdict::Qualified);
}

#[test]
fn templates_are_the_same_engine_and_share_keys() {
    for t in Template::ALL {
        let m = t.model();
        assert!(m.problems().is_empty(), "{t:?}: {:?}", m.problems());
        assert_eq!(m.max_score(), 16);
        let mut keys: Vec<&str> = m.criteria.iter().map(|c| c.key.as_str()).collect();
        keys.sort();
        assert_eq!(keys, ["authority", "budget", "need", "timeline"]);
    }
    let names = |t: Template| -> Vec<String> {
        t.model()
            .criteria
            .iter()
            .map(|c| c.name.en.clone())
            .collect()
    };
    assert_eq!(
        names(Template::Anum),
        ["Authority", "Need", "Urgency", "Money"]
    );
    assert_eq!(
        names(Template::Champ),
        ["Challenges", "Authority", "Money", "Prioritization"]
    );
    // An assessment made under BANT scores the same under ANUM: the keys carry over.
    let a = bant(3, 4, 2, 1);
    assert_eq!(
        score(&Template::Anum.model(), &a).points,
        score(&ScoringModel::default(), &a).points
    );
}

#[test]
fn a_generic_model_with_other_criteria_scores_too() {
    let mut m = ScoringModel::default();
    m.criteria.truncate(2);
    m.criteria[1].weight = 2;
    m.rescale_bands();
    assert!(m.problems().is_empty(), "{:?}", m.problems());
    assert_eq!(m.max_score(), 12);
    assert_eq!(score(&m, &bant(4, 4, 0, 0)).verdict, Verdict::Priority);
}

#[test]
fn invalid_models_are_rejected_with_reasons() {
    let mut m = ScoringModel::default();
    m.bands[1].from = 6; // gap at 5
    assert!(m
        .problems()
        .contains(&ModelError::BandGap { from: 5, to: 5 }));

    let mut m = ScoringModel::default();
    m.bands[2].from = 8; // overlap at 8
    assert!(m.problems().contains(&ModelError::BandOverlap(8)));

    let mut m = ScoringModel::default();
    m.bands[0].from = 1;
    assert!(m.problems().contains(&ModelError::BandsStartLate));

    let mut m = ScoringModel::default();
    m.criteria[0].weight = 2; // max becomes 20 but bands end at 16
    assert_eq!(m.problems(), [ModelError::BandsEnd { max: 20, end: 16 }]);
    m.rescale_bands();
    assert!(m.problems().is_empty());

    let mut m = ScoringModel::default();
    m.bands[3].to = 12;
    m.bands[3].from = 13;
    assert!(m.problems().contains(&ModelError::BandReversed(3)));

    let mut m = ScoringModel::default();
    m.bands.swap(0, 1);
    assert!(
        m.problems().is_empty(),
        "band order in the list does not matter"
    );
    m.bands[3].verdict = Verdict::Nurture;
    assert!(m.problems().contains(&ModelError::VerdictOrder));

    let mut m = ScoringModel::default();
    m.criteria[2].weight = MAX_WEIGHT + 1;
    assert!(m.problems().contains(&ModelError::WeightTooLarge(2)));

    let mut m = ScoringModel::default();
    for c in &mut m.criteria {
        c.weight = 0;
    }
    assert!(m.problems().contains(&ModelError::AllWeightsZero));

    let mut m = ScoringModel::default();
    m.criteria[3].key = "budget".into();
    m.criteria[0].name = LocalText::default();
    m.criteria[1].levels.pop();
    let problems = m.problems();
    assert!(problems.contains(&ModelError::DuplicateKey("budget".into())));
    assert!(problems.contains(&ModelError::UnnamedCriterion(0)));
    assert!(problems.contains(&ModelError::LevelCount(1)));

    let mut m = ScoringModel {
        min_criteria: Some(MinCriteriaRule {
            count: 5,
            min_level: 2,
        }),
        ..Default::default()
    };
    assert!(m.problems().contains(&ModelError::MinCriteriaCount(4)));
    m.min_criteria = Some(MinCriteriaRule {
        count: 3,
        min_level: 5,
    });
    assert!(m.problems().contains(&ModelError::MinCriteriaLevel));

    let mut m = ScoringModel::default();
    m.criteria.clear();
    assert!(m.problems().contains(&ModelError::NoCriteria));
}

#[test]
fn unqualified_leads_need_confirmation_to_cross_into_the_proposal_stage() {
    let m = ScoringModel::default();
    let weak = score(&m, &bant(1, 1, 1, 1));
    let strong = score(&m, &bant(3, 3, 3, 3));
    let proposal = Some(3);
    assert!(needs_confirmation(Some(&weak), 0, 3, proposal));
    assert!(needs_confirmation(Some(&weak), 2, 5, proposal));
    assert!(
        needs_confirmation(None, 1, 3, proposal),
        "never assessed is not qualified"
    );
    assert!(!needs_confirmation(Some(&strong), 0, 3, proposal));
    assert!(
        !needs_confirmation(Some(&weak), 0, 2, proposal),
        "before КП is fine"
    );
    assert!(
        !needs_confirmation(Some(&weak), 3, 4, proposal),
        "already past the gate"
    );
    assert!(
        !needs_confirmation(Some(&weak), 4, 1, proposal),
        "moving back is fine"
    );
    assert!(
        !needs_confirmation(Some(&weak), 0, 3, None),
        "no КП stage, no gate"
    );
}

#[test]
fn local_text_falls_back_to_the_other_language() {
    let t = LocalText::new("Бюджет", "");
    assert_eq!(t.get(Lang::En), "Бюджет");
    assert_eq!(t.get(Lang::Ru), "Бюджет");
    assert_eq!(LocalText::new("Бюджет", "Budget").get(Lang::En), "Budget");
}
