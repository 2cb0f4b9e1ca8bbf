//! The true annual cost on Reg Z Appendix J's unit period: the interval
//! between payments that occurs most often; a single payment: its term (at
//! most a year).

use repay::api::loan_terms;
use repay::input::Value;

fn terms(json: &str) -> serde_json::Value {
    let v: Value = serde_json::from_str(json).unwrap();
    serde_json::to_value(loan_terms(&v).unwrap()).unwrap()
}

fn warnings(out: &serde_json::Value) -> Vec<String> {
    out["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["code"].as_str().unwrap().to_owned())
        .collect()
}

/// 10,000 at 40 % a year for 12 months, one payment: interest 10,000 × 40 %
/// = 4,000.00, paid with the principal after 12 months. The unit period is
/// the term: the rate over it is 14,000 ÷ 10,000 − 1 = 40 %, one unit period
/// a year, so nominal = effective = 40.0000 %, above the 36 % line.
#[test]
fn a_twelve_month_bullet_costs_its_contract_rate() {
    let out = terms(
        r#"{"principal":"10000","rate":{"percent":"40","per":"year"},"periods":12,"method":"bullet"}"#,
    );
    assert_eq!(out["schedule"][11]["payment"], "14000.00");
    assert_eq!(out["apr"]["periodicPercent"], "40.0000");
    assert_eq!(out["apr"]["nominalPercent"], "40.0000");
    assert_eq!(out["apr"]["effectivePercent"], "40.0000");
    assert!(warnings(&out).contains(&"aprAbove36".to_owned()));
}

/// 6 months: interest 10,000 × 40 % × 6 ÷ 12 = 2,000; the rate over the
/// 6-month unit period is 20 %, two a year: nominal 40.0000 %, effective
/// 1.2² − 1 = 44.0000 %.
#[test]
fn a_six_month_bullet() {
    let out = terms(
        r#"{"principal":"10000","rate":{"percent":"40","per":"year"},"periods":6,"method":"bullet"}"#,
    );
    assert_eq!(out["apr"]["periodicPercent"], "20.0000");
    assert_eq!(out["apr"]["nominalPercent"], "40.0000");
    assert_eq!(out["apr"]["effectivePercent"], "44.0000");
}

/// 24 months: the unit period is at most a year: 18,000 after two years,
/// (1 + i)² = 1.8, i = √1.8 − 1 = 0.3416407865 (python3 `decimal`):
/// nominal = effective = 34.1641 % (compound, so below the simple 40 %).
#[test]
fn a_bullet_over_a_year_uses_a_one_year_unit() {
    let out = terms(
        r#"{"principal":"10000","rate":{"percent":"40","per":"year"},"periods":24,"method":"bullet"}"#,
    );
    assert_eq!(out["apr"]["nominalPercent"], "34.1641");
    assert_eq!(out["apr"]["effectivePercent"], "34.1641");
}

/// The warnings take the higher of nominal and effective: a 23 % a year
/// monthly annuity has nominal ≈ 23 % (23.0001 % with the payment rounded to
/// cents) but effective ≈ (1 + 0.23/12)¹² − 1 = 25.59 %, above the 24 % line.
#[test]
fn warnings_use_the_higher_of_nominal_and_effective() {
    let out = terms(
        r#"{"principal":"10000","rate":{"percent":"23","per":"year"},"periods":12,"method":"annuity"}"#,
    );
    let pct = |k: &str| out["apr"][k].as_str().unwrap().parse::<f64>().unwrap();
    assert!(pct("nominalPercent") < 24.0);
    assert!(pct("effectivePercent") > 25.5 && pct("effectivePercent") < 25.6);
    assert!(warnings(&out).contains(&"aprAbove24".to_owned()));
    assert!(!warnings(&out).contains(&"aprAbove36".to_owned()));
}
