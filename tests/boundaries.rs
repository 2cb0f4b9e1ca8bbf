//! Figures exactly on a boundary, where `>` and `>=` differ: a test here
//! fails if a comparison is turned into the other.

mod common;

use common::{code_and_field, input, out};
use repay::api::{loan_terms, overdue_cost};
use repay::ErrorCode;
use serde_json::json;

fn warnings(principal: &str, percent: &str) -> Vec<String> {
    // A 12-month bullet: interest principal × percent, paid with the principal
    // after 12 months; the unit period is the term, so nominal = effective =
    // the contract rate exactly (tests/apr_unit.rs, a_twelve_month_bullet_costs_its_contract_rate).
    let o = out(loan_terms(&input(json!({
        "principal": principal,
        "rate": { "percent": percent, "per": "year" },
        "periods": 12,
        "method": "bullet",
    }))));
    assert_eq!(o["apr"]["nominalPercent"], format!("{percent}.0000"));
    assert_eq!(o["apr"]["effectivePercent"], format!("{percent}.0000"));
    o["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["code"].as_str().unwrap().to_owned())
        .collect()
}

/// The lines warn above 24 % and above 36 %: a cost of exactly 24 % is on the
/// line, not above it (10,000 at 24 % for a year: 12,400.00 at the end).
#[test]
fn apr_of_exactly_24_percent_gives_no_24_warning() {
    let w = warnings("10000", "24");
    assert!(!w.iter().any(|c| c.starts_with("aprAbove")), "{w:?}");
}

/// Exactly 36 % is above the 24 % line and on the 36 % one: the 24 % warning only.
#[test]
fn apr_of_exactly_36_percent_gives_the_24_warning_not_the_36() {
    let w = warnings("10000", "36");
    assert!(w.contains(&"aprAbove24".to_owned()), "{w:?}");
    assert!(!w.contains(&"aprAbove36".to_owned()), "{w:?}");
}

/// Just above each line (25 %, 37 %): the warning of that line.
#[test]
fn apr_just_above_each_line_warns() {
    assert!(warnings("10000", "25").contains(&"aprAbove24".to_owned()));
    assert!(warnings("10000", "37").contains(&"aprAbove36".to_owned()));
}

fn overdue_with_contract(date: &str) -> serde_json::Value {
    json!({
        "overdue": { "principal": "10000" },
        "from": "2025-03-01",
        "to": "2025-03-31",
        "penalty": { "rate": { "percent": "0.05", "per": "day" } },
        "lender": "private",
        "contractDate": date,
    })
}

/// A contract signed on the first overdue day is possible (a loan due the day
/// it is made): accepted, and the contract date is the one the result uses.
#[test]
fn contract_date_equal_to_the_first_overdue_day_is_accepted() {
    let o = out(overdue_cost(&input(overdue_with_contract("2025-03-01"))));
    assert_eq!(o["days"], 30, "{o}");
}

/// One day later is after the first overdue day: refused, named on contractDate.
#[test]
fn contract_date_a_day_after_the_first_overdue_day_is_refused() {
    let (code, field) = code_and_field(overdue_cost(&input(overdue_with_contract("2025-03-02"))));
    assert_eq!(code, ErrorCode::Conflict);
    assert_eq!(field.as_deref(), Some("contractDate"));
}
