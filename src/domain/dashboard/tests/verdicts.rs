//! Verdicts per rep and per month, on the user's local days.

use super::*;
use crate::domain::dashboard::verdicts::{verdict_figures, Tally};

fn tally(counts: [u32; 5]) -> Tally {
    Tally { counts }
}

#[test]
fn verdicts_per_rep_and_per_month_use_the_latest_assessment_by_then() {
    let mut ws = small_workspace();
    // d1 (Ivan): 16 points, «приоритет»; d2 (Olga): 4 points, «не квалифицирован»; d3 (Ivan)
    // never assessed. Deals and assessments are dated 15.01.2026.
    ws.assessments.push(assessment("a1", "d1", [4, 4, 4, 4], 0));
    ws.assessments.push(assessment("a2", "d2", [1, 1, 1, 1], 0));
    let p = period(day(2025, 12, 1), day(2026, 2, 28));
    let f = verdict_figures(&ws, p, &Scope::Team, 180);
    let months: Vec<(YearMonth, [u32; 5])> = f
        .by_month
        .iter()
        .map(|m| (m.month, m.tally.counts))
        .collect();
    // Order: priority, qualified, nurture, unqualified, never assessed. No deal existed in
    // December.
    assert_eq!(
        months,
        [
            (ym(2025, 12), [0, 0, 0, 0, 0]),
            (ym(2026, 1), [1, 0, 0, 1, 1]),
            (ym(2026, 2), [1, 0, 0, 1, 1]),
        ]
    );
    let reps: Vec<(&str, Tally)> = f
        .by_rep
        .iter()
        .map(|r| (r.member_id.as_str(), r.tally))
        .collect();
    assert_eq!(
        reps,
        [
            ("ivan", tally([1, 0, 0, 0, 1])),
            ("olga", tally([0, 0, 0, 1, 0]))
        ]
    );
    assert_eq!(f.by_rep[0].tally.total(), 2);
    // A later reassessment in February changes February only.
    let mut later_one = assessment("a3", "d1", [2, 2, 2, 2], 0);
    later_one.created_at = "2026-02-10T09:00:00Z".parse().unwrap();
    ws.assessments.push(later_one);
    let f = verdict_figures(&ws, p, &Scope::Team, 180);
    assert_eq!(f.by_month[1].tally.counts, [1, 0, 0, 1, 1]);
    // 8 points: «прогревать».
    assert_eq!(f.by_month[2].tally.counts, [0, 0, 1, 1, 1]);
    // A rep with no deals has no rows.
    let anna = verdict_figures(&ws, p, &member_scope("anna"), 180);
    assert!(anna.by_rep.is_empty());
    assert!(anna.by_month.iter().all(|m| m.tally.total() == 0));
}

#[test]
fn month_boundaries_are_the_users_local_days() {
    let mut ws = small_workspace();
    // 20:30 UTC on 31 January: 23:30 the same day in Moscow, 06:30 on 1 February in
    // Vladivostok.
    let at: crate::domain::dates::Timestamp = "2026-01-31T20:30:00Z".parse().unwrap();
    for d in &mut ws.deals {
        d.created_at = at;
    }
    let p = period(day(2026, 1, 1), day(2026, 2, 28));
    let moscow = verdict_figures(&ws, p, &Scope::Team, 180);
    assert_eq!(moscow.by_month[0].tally.total(), 3);
    let vladivostok = verdict_figures(&ws, p, &Scope::Team, 600);
    assert_eq!(vladivostok.by_month[0].tally.total(), 0);
    assert_eq!(vladivostok.by_month[1].tally.total(), 3);
}
