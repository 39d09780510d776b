//! ALL/ANY, validation, serialisation, the «what if» preview and the incremental path.

use super::history;
use crate::domain::ids::Id;
use crate::domain::money::Money;
use crate::domain::orders::HistoryIndex;
use crate::domain::transfer::*;
use crate::testkit::order_data::{catalog, d, order, order_k, products, rub};
use std::collections::HashSet;

/// Two orders of 100 000 ₽ each, of boxes only.
fn two_orders() -> [crate::domain::orders::Order; 2] {
    [
        order("o1", "c1", d(2026, 1, 5), 100_000),
        order("o2", "c1", d(2026, 2, 5), 100_000),
    ]
}

fn rule(combinator: Combinator, conditions: Vec<Condition>) -> TransferRule {
    TransferRule {
        combinator,
        conditions,
    }
}

fn two_orders_and_200k_and_soap() -> Vec<Condition> {
    vec![
        Condition::OrderCount { at_least: 2 },
        Condition::Volume {
            at_least: rub(200_000),
            within_months: None,
        },
        Condition::BoughtProduct {
            product_id: Id::from_raw("p-soap"),
        },
    ]
}

#[test]
fn all_needs_every_condition_and_any_needs_one() {
    let h = history(&two_orders());
    let today = d(2026, 3, 1);
    let all = evaluate(
        &rule(Combinator::All, two_orders_and_200k_and_soap()),
        &h,
        today,
    );
    let holds: Vec<bool> = all.outcomes.iter().map(ConditionOutcome::holds).collect();
    assert_eq!(holds, [true, true, false]);
    assert!(!all.eligible);
    let all_but_soap = rule(
        Combinator::All,
        two_orders_and_200k_and_soap()[..2].to_vec(),
    );
    assert!(evaluate(&all_but_soap, &h, today).eligible);

    // ANY with exactly one holding condition passes.
    let any = rule(
        Combinator::Any,
        vec![
            Condition::OrderCount { at_least: 5 },
            Condition::BoughtProduct {
                product_id: Id::from_raw("p-box"),
            },
            Condition::monthly_minimum(rub(1_000_000)),
        ],
    );
    let e = evaluate(&any, &h, today);
    let holds: Vec<bool> = e.outcomes.iter().map(ConditionOutcome::holds).collect();
    assert_eq!(holds, [false, true, false]);
    assert!(e.eligible);
    let none_hold = rule(
        Combinator::Any,
        vec![
            Condition::OrderCount { at_least: 5 },
            Condition::monthly_minimum(rub(1_000_000)),
        ],
    );
    assert!(!evaluate(&none_hold, &h, today).eligible);
}

#[test]
fn a_rule_without_conditions_passes_no_one() {
    let h = history(&two_orders());
    for combinator in [Combinator::All, Combinator::Any] {
        let e = evaluate(&rule(combinator, vec![]), &h, d(2026, 3, 1));
        assert!(!e.eligible && e.outcomes.is_empty());
    }
}

fn known() -> (HashSet<Id>, HashSet<Id>) {
    let (groups, products) = catalog();
    (
        products.into_iter().map(|p| p.id).collect(),
        groups.into_iter().map(|g| g.id).collect(),
    )
}

fn problems(conditions: Vec<Condition>) -> Vec<RuleError> {
    let (p, g) = known();
    rule(Combinator::All, conditions)
        .validate(&p, &g)
        .err()
        .unwrap_or_default()
}

fn problem_of(condition: Condition) -> Option<ConditionProblem> {
    match problems(vec![condition]).as_slice() {
        [] => None,
        [RuleError::Condition { index: 0, problem }] => Some(problem.clone()),
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn sane_rules_are_valid() {
    let (p, g) = known();
    assert_eq!(TransferRule::default().validate(&p, &g), Ok(()));
    let mut conditions = two_orders_and_200k_and_soap();
    conditions.push(Condition::BoughtGroup {
        group_id: Id::from_raw("g-chem"),
    });
    conditions.push(Condition::monthly_minimum(rub(1)));
    conditions.push(Condition::DaysSinceFirstOrder { at_least: 90 });
    assert_eq!(rule(Combinator::Any, conditions).validate(&p, &g), Ok(()));
    // The upper limits themselves are allowed.
    let volume_max = Condition::Volume {
        at_least: Money::MAX,
        within_months: Some(MAX_VOLUME_MONTHS),
    };
    assert_eq!(problem_of(volume_max), None);
    let monthly_max = Condition::MonthlyMinimum {
        months: MAX_MINIMUM_MONTHS,
        at_least: rub(1),
    };
    assert_eq!(problem_of(monthly_max), None);
    let days_max = Condition::DaysSinceFirstOrder { at_least: MAX_DAYS };
    assert_eq!(problem_of(days_max), None);
}

#[test]
fn absurd_parameters_are_rejected() {
    use ConditionProblem::*;
    let range = |max| Some(OutOfRange { min: 1, max });
    assert_eq!(problems(vec![]), [RuleError::NoConditions]);
    assert_eq!(
        problem_of(Condition::OrderCount { at_least: 0 }),
        range(10_000)
    );
    assert_eq!(
        problem_of(Condition::OrderCount { at_least: 10_001 }),
        range(10_000)
    );
    let volume = |kopecks, within_months| Condition::Volume {
        at_least: Money::from_kopecks(kopecks),
        within_months,
    };
    assert_eq!(problem_of(volume(0, None)), Some(NonPositiveAmount));
    assert_eq!(problem_of(volume(-100, None)), Some(NonPositiveAmount));
    let too_much = Money::MAX.kopecks() + 1;
    assert_eq!(problem_of(volume(too_much, None)), Some(AmountTooLarge));
    assert_eq!(problem_of(volume(100, Some(0))), range(120));
    assert_eq!(problem_of(volume(100, Some(121))), range(120));
    let monthly = |months, kopecks| Condition::MonthlyMinimum {
        months,
        at_least: Money::from_kopecks(kopecks),
    };
    assert_eq!(problem_of(monthly(0, 100)), range(24));
    assert_eq!(problem_of(monthly(25, 100)), range(24));
    assert_eq!(problem_of(monthly(3, 0)), Some(NonPositiveAmount));
    assert_eq!(
        problem_of(Condition::DaysSinceFirstOrder { at_least: 0 }),
        range(3_650)
    );
    assert_eq!(
        problem_of(Condition::DaysSinceFirstOrder { at_least: 3_651 }),
        range(3_650)
    );
}

#[test]
fn unknown_products_and_groups_are_rejected_with_their_index() {
    let errors = problems(vec![
        Condition::OrderCount { at_least: 2 },
        Condition::BoughtProduct {
            product_id: Id::from_raw("p-gone"),
        },
        Condition::BoughtGroup {
            group_id: Id::from_raw("g-gone"),
        },
        // A group id is not a product id.
        Condition::BoughtProduct {
            product_id: Id::from_raw("g-pack"),
        },
    ]);
    assert_eq!(
        errors,
        [
            RuleError::Condition {
                index: 1,
                problem: ConditionProblem::UnknownProduct(Id::from_raw("p-gone"))
            },
            RuleError::Condition {
                index: 2,
                problem: ConditionProblem::UnknownGroup(Id::from_raw("g-gone"))
            },
            RuleError::Condition {
                index: 3,
                problem: ConditionProblem::UnknownProduct(Id::from_raw("g-pack"))
            },
        ]
    );
}

#[test]
fn rules_serialize_with_snake_case_tags_and_defaults() {
    let json = r#"{"combinator":"any","conditions":[
        {"kind":"order_count","at_least":3},
        {"kind":"volume","at_least":25000000},
        {"kind":"monthly_minimum","at_least":10000000},
        {"kind":"bought_group","group_id":"g-pack"},
        {"kind":"days_since_first_order","at_least":90},
        {"kind":"minimum_order","at_least":5000000},
        {"kind":"minimum_order","months":6,"at_least":4200050}]}"#;
    let r: TransferRule = serde_json::from_str(json).unwrap();
    assert_eq!(r.combinator, Combinator::Any);
    assert_eq!(
        r.conditions[1],
        Condition::Volume {
            at_least: rub(250_000),
            within_months: None
        }
    );
    assert_eq!(r.conditions[2], Condition::monthly_minimum(rub(100_000)));
    // The minimum order's window defaults to 3 months, like the monthly minimum's.
    assert_eq!(
        r.conditions[5],
        Condition::MinimumOrder {
            months: 3,
            at_least: rub(50_000)
        }
    );
    assert_eq!(
        serde_json::to_value(&r.conditions[6]).unwrap(),
        serde_json::json!({"kind": "minimum_order", "months": 6, "at_least": 4_200_050})
    );
    let back: TransferRule = serde_json::from_value(serde_json::to_value(&r).unwrap()).unwrap();
    assert_eq!(back, r);
}

#[test]
fn the_preview_lists_passing_clients_and_follows_incremental_updates() {
    let products = products();
    let mut orders = vec![
        order("a1", "c-a", d(2025, 12, 5), 150_000),
        order("a2", "c-a", d(2026, 1, 5), 150_000),
        order("a3", "c-a", d(2026, 2, 5), 150_000),
        order("b1", "c-b", d(2026, 2, 5), 500_000),
        order("c1", "c-c", d(2026, 1, 5), 90_000),
        order_k("c2", "c-c", d(2026, 2, 5), &[("p-soap", 1_000_000)]),
    ];
    let r = rule(
        Combinator::All,
        vec![
            Condition::OrderCount { at_least: 2 },
            Condition::Volume {
                at_least: rub(100_000),
                within_months: Some(3),
            },
        ],
    );
    let today = d(2026, 3, 10);
    let mut index = HistoryIndex::build(&orders, &products);
    let ids = |v: &[&str]| v.iter().map(|s| Id::from_raw(*s)).collect::<Vec<_>>();
    assert_eq!(eligible_clients(&r, &index, today), ids(&["c-a", "c-c"]));

    // c-c's second order shrinks to 1 000 ₽: only c-c is rebuilt and re-evaluated.
    orders[5] = order("c2", "c-c", d(2026, 2, 5), 1_000);
    let c = Id::from_raw("c-c");
    index.update_client(&c, orders.iter().filter(|o| o.client_id == c), &products);
    let rebuilt = HistoryIndex::build(&orders, &products);
    assert_eq!(index, rebuilt);
    assert!(!evaluate(&r, index.get(&c).unwrap(), today).eligible);
    assert_eq!(eligible_clients(&r, &index, today), ids(&["c-a"]));
    assert_eq!(eligible_clients(&r, &rebuilt, today), ids(&["c-a"]));
}
