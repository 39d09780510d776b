//! Orders, their drafts, the calendar of months, and the history index.

mod calendar;
mod history;

use super::calendar::{days_between, last_months, months_before};
use super::*;
use crate::domain::money::MoneyParseError;
use crate::testkit::fixtures::{later, t0};
use crate::testkit::order_data::{catalog, d, order, order_k, products, rub};
use crate::testkit::synth_orders::{synth_catalog, synth_client_ids, synth_orders};

fn known() -> HashSet<Id> {
    products().into_iter().map(|p| p.id).collect()
}

#[test]
fn total_adds_the_lines_exactly() {
    let o = order_k(
        "o1",
        "c1",
        d(2026, 1, 5),
        &[("p-box", 10_050), ("p-a4", 99)],
    );
    assert_eq!(o.total(), Money::from_kopecks(10_149));
    assert_eq!(o.validate(&known()), Ok(()));
}

#[test]
fn invalid_orders_are_refused() {
    let k = known();
    let empty = order_k("o1", "c1", d(2026, 1, 5), &[]);
    assert_eq!(empty.validate(&k), Err(OrderError::NoLines));
    let zero = order_k("o1", "c1", d(2026, 1, 5), &[("p-box", 100), ("p-a4", 0)]);
    assert_eq!(
        zero.validate(&k),
        Err(OrderError::NonPositiveAmount { line: 1 })
    );
    let negative = order_k("o1", "c1", d(2026, 1, 5), &[("p-box", -1)]);
    assert_eq!(
        negative.validate(&k),
        Err(OrderError::NonPositiveAmount { line: 0 })
    );
    let unknown = order_k("o1", "c1", d(2026, 1, 5), &[("p-gone", 100)]);
    assert_eq!(
        unknown.validate(&k),
        Err(OrderError::UnknownProduct {
            line: 0,
            product_id: Id::from_raw("p-gone")
        })
    );
    let max = Money::MAX.kopecks();
    let huge = order_k("o1", "c1", d(2026, 1, 5), &[("p-box", max + 1)]);
    assert_eq!(huge.validate(&k), Err(OrderError::TooLarge { line: 0 }));
    let sum_too_big = order_k("o1", "c1", d(2026, 1, 5), &[("p-box", max), ("p-a4", 1)]);
    assert_eq!(
        sum_too_big.validate(&k),
        Err(OrderError::TooLarge { line: 1 })
    );
}

#[test]
fn order_lines_check_their_amount() {
    let p = Id::from_raw("p-box");
    assert!(OrderLine::new(p.clone(), Money::from_kopecks(1)).is_ok());
    assert_eq!(
        OrderLine::new(p, Money::ZERO),
        Err(OrderError::NonPositiveAmount { line: 0 })
    );
}

#[test]
fn orders_serialize_with_snake_case_fields_and_kopecks() {
    let o = order_k("o1", "c1", d(2026, 2, 28), &[("p-box", 12_345)]);
    let json = serde_json::to_value(&o).unwrap();
    assert_eq!(json["client_id"], "c1");
    assert_eq!(json["date"], "2026-02-28");
    assert_eq!(json["lines"][0]["product_id"], "p-box");
    assert_eq!(json["lines"][0]["amount"], 12_345);
    let back: Order = serde_json::from_value(json).unwrap();
    assert_eq!(back, o);
}

fn row(product: &str, amount: &str) -> OrderLineDraft {
    OrderLineDraft {
        product_id: product.into(),
        amount: amount.into(),
        quantity: String::new(),
    }
}

#[test]
fn a_valid_draft_becomes_an_order_and_blank_rows_are_skipped() {
    let draft = OrderDraft {
        client_id: " c1 ".into(),
        date: "29.02.2028".into(),
        lines: vec![row("p-box", "1 250,50"), row("", " "), row("p-a4", "99")],
    };
    let o = draft.to_order(Id::from_raw("o1"), &known(), t0()).unwrap();
    assert_eq!(o.client_id, Id::from_raw("c1"));
    assert_eq!(o.date, d(2028, 2, 29));
    assert_eq!(o.total(), Money::from_kopecks(125_050 + 9_900));
    let again = OrderDraft::from_order(&o);
    assert_eq!(again.date, "2028-02-29");
    assert_eq!(again.lines.len(), 2);
    assert_eq!(again.to_order(Id::from_raw("o1"), &known(), t0()), Ok(o));
}

#[test]
fn every_bad_order_field_is_reported() {
    let draft = OrderDraft {
        client_id: "".into(),
        date: "29.02.2027".into(),
        lines: vec![
            row("p-box", "0"),
            row("", "5"),
            row("p-gone", "сто"),
            row("p-a4", ""),
        ],
    };
    let errors = draft
        .to_order(Id::from_raw("o1"), &known(), t0())
        .unwrap_err();
    assert_eq!(
        errors,
        vec![
            (OrderField::Client, OrderProblem::Required),
            (OrderField::Date, OrderProblem::Date),
            (OrderField::LineAmount(0), OrderProblem::NotPositive),
            (OrderField::LineProduct(1), OrderProblem::Required),
            (OrderField::LineProduct(2), OrderProblem::UnknownProduct),
            (
                OrderField::LineAmount(2),
                OrderProblem::Money(MoneyParseError::NotANumber)
            ),
            (OrderField::LineAmount(3), OrderProblem::Required),
        ]
    );
    let no_lines = OrderDraft {
        client_id: "c1".into(),
        date: "2026-01-05".into(),
        lines: vec![row("", "")],
    };
    let errors = no_lines
        .to_order(Id::from_raw("o1"), &known(), t0())
        .unwrap_err();
    assert_eq!(errors, vec![(OrderField::Lines, OrderProblem::Required)]);
    let max = Money::MAX.to_input();
    let too_big = OrderDraft {
        lines: vec![row("p-box", &max), row("p-a4", "1")],
        ..no_lines
    };
    let errors = too_big
        .to_order(Id::from_raw("o1"), &known(), t0())
        .unwrap_err();
    assert_eq!(errors, vec![(OrderField::Lines, OrderProblem::TooLarge)]);
}
