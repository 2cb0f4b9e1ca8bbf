//! Whole schedules as golden files: `tests/golden/{name}.txt`.
//!
//! Every test calls [`check`] with a name and a `loanTerms` input; the helper
//! renders the result as a fixed-width table and compares it with the file.
//! Lines starting with `#` at the top of a golden file say what was verified
//! independently (`tests/golden/verify.py`, run by `make test`), and must begin
//! with `# Verified`. `UPDATE_GOLDEN=1 cargo test` rewrites a file whose
//! figures changed with an `# UNVERIFIED` header instead, which fails here
//! until someone has checked the new figures and written what they verified.

use repay::api::{loan_terms, LoanTermsOut};
use repay::input::Value;
use std::fs;
use std::path::PathBuf;

fn render(t: &LoanTermsOut) -> String {
    let head = [
        "period",
        "due date",
        "payment",
        "principal",
        "interest",
        "fees",
        "balance",
    ];
    let mut rows: Vec<[String; 7]> = t
        .schedule
        .iter()
        .map(|r| {
            [
                r.period.to_string(),
                r.due_date.clone().unwrap_or_else(|| "-".into()),
                r.payment.to_string(),
                r.principal.to_string(),
                r.interest.to_string(),
                r.fees.to_string(),
                r.balance.to_string(),
            ]
        })
        .collect();
    rows.push([
        "total".into(),
        String::new(),
        t.totals.payment.to_string(),
        t.totals.principal.to_string(),
        t.totals.interest.to_string(),
        t.totals.fees.to_string(),
        String::new(),
    ]);
    let mut width = head.map(str::len);
    for r in &rows {
        for (w, c) in width.iter_mut().zip(r) {
            *w = (*w).max(c.len());
        }
    }
    let line = |cells: [&str; 7]| {
        let mut s = String::new();
        for (i, (c, w)) in cells.iter().zip(width).enumerate() {
            if i > 0 {
                s.push_str("  ");
            }
            s.push_str(&format!("{c:>w$}"));
        }
        s.trim_end().to_owned() + "\n"
    };
    let mut out = line(head);
    for r in &rows {
        out.push_str(&line(r.each_ref().map(String::as_str)));
    }
    out.push_str(&format!(
        "received {}  upfront fees {}  upfront deduction {}  cost of credit {}\n",
        t.received, t.upfront_fees, t.upfront_deduction, t.cost_of_credit
    ));
    match &t.apr {
        Some(a) => out.push_str(&format!(
            "apr periodic {} %  nominal {} %  effective {} %\n",
            a.periodic_percent, a.nominal_percent, a.effective_percent
        )),
        None => out.push_str("apr null\n"),
    }
    let codes: Vec<&str> = t.warnings.iter().map(|w| w.code).collect();
    out.push_str(&format!("warnings [{}]\n", codes.join(", ")));
    out
}

/// Renders `loanTerms(input)` and compares it with `tests/golden/{name}.txt`.
fn check(name: &str, input: Value) {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests", "golden", name]
        .iter()
        .collect::<PathBuf>()
        .with_extension("txt");
    let t = loan_terms(&input).unwrap_or_else(|e| panic!("{name}: {e}"));
    let actual = render(&t);
    let old = fs::read_to_string(&path).unwrap_or_default();
    let comments: String = old
        .lines()
        .take_while(|l| l.starts_with('#'))
        .map(|l| format!("{l}\n"))
        .collect();
    let expected = &old[comments.len().min(old.len())..];
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        if expected != actual {
            // The old notes described the old figures: they do not carry over.
            fs::write(&path, format!("{UNVERIFIED}{actual}")).expect("write golden file");
        }
        return;
    }
    assert!(
        expected == actual,
        "{name}: the schedule differs from {}\n--- expected\n{expected}--- actual\n{actual}\n\
         (rerun with UPDATE_GOLDEN=1 only after verifying the new figures independently)",
        path.display()
    );
    assert!(
        comments.starts_with("# Verified"),
        "{name}: {} has no \"# Verified\" header (an UPDATE_GOLDEN=1 rewrite not yet checked?): \
         check its figures independently (python3 tests/golden/verify.py) and say what was verified",
        path.display()
    );
}

/// The header `UPDATE_GOLDEN=1` writes over figures that changed.
const UNVERIFIED: &str =
    "# UNVERIFIED: rewritten by UPDATE_GOLDEN=1. Check every figure independently \
(python3 tests/golden/verify.py), then replace this line with what was verified.\n";

fn rate(percent: &str, per: &str) -> Value {
    Value::obj([("percent", Value::str(percent)), ("per", Value::str(per))])
}

fn fee(when: &str, key: &str, amount: &str) -> Value {
    Value::obj([
        ("label", Value::str(when)),
        (key, Value::str(amount)),
        ("when", Value::str(when)),
    ])
}

fn prepay(period: f64, amount: &str, then: &str) -> Value {
    Value::Array(vec![Value::obj([
        ("period", Value::Number(period)),
        ("amount", Value::str(amount)),
        ("then", Value::str(then)),
    ])])
}

#[test]
fn annuity_numpy_ipmt_example() {
    check(
        "annuity_numpy_ipmt",
        Value::obj([
            ("principal", Value::str("2500")),
            ("rate", rate("8.24", "year")),
            ("periods", Value::Number(12.0)),
            ("method", Value::str("annuity")),
        ]),
    );
}

#[test]
fn equal_principal_month_end_start() {
    check(
        "equal_principal_month_end",
        Value::obj([
            ("principal", Value::str("12000")),
            ("rate", rate("6", "year")),
            ("periods", Value::Number(12.0)),
            ("method", Value::str("equalPrincipal")),
            ("startDate", Value::str("2026-01-31")),
        ]),
    );
}

#[test]
fn interest_only_with_each_period_and_at_end_fees() {
    check(
        "interest_only_fees",
        Value::obj([
            ("principal", Value::str("10000")),
            ("rate", rate("12", "year")),
            ("periods", Value::Number(6.0)),
            ("method", Value::str("interestOnly")),
            (
                "fees",
                Value::Array(vec![
                    fee("eachPeriod", "amount", "10"),
                    fee("atEnd", "amount", "50"),
                ]),
            ),
        ]),
    );
}

#[test]
fn bullet_with_upfront_percent_fee() {
    check(
        "bullet_upfront_fee",
        Value::obj([
            ("principal", Value::str("10000")),
            ("rate", rate("12", "year")),
            ("periods", Value::Number(12.0)),
            ("method", Value::str("bullet")),
            (
                "fees",
                Value::Array(vec![fee("upfront", "percentOfPrincipal", "2")]),
            ),
            ("startDate", Value::str("2024-02-29")),
        ]),
    );
}

#[test]
fn flat_d4_credit_card_installments() {
    check(
        "flat_d4",
        Value::obj([
            ("principal", Value::str("10000")),
            ("rate", rate("0.6", "month")),
            ("periods", Value::Number(12.0)),
            ("method", Value::str("flat")),
        ]),
    );
}

#[test]
fn annuity_kantouxi_d9() {
    check(
        "annuity_kantouxi_d9",
        Value::obj([
            ("principal", Value::str("10000")),
            ("received", Value::str("9000")),
            ("rate", rate("12", "year")),
            ("periods", Value::Number(12.0)),
            ("method", Value::str("annuity")),
        ]),
    );
}

#[test]
fn annuity_prepayment_shorten_term() {
    check(
        "prepayment_shorten_term",
        Value::obj([
            ("principal", Value::str("12000")),
            ("rate", rate("12", "year")),
            ("periods", Value::Number(12.0)),
            ("method", Value::str("annuity")),
            ("prepayments", prepay(3.0, "3000", "shortenTerm")),
        ]),
    );
}

#[test]
fn annuity_prepayment_lower_payment() {
    check(
        "prepayment_lower_payment",
        Value::obj([
            ("principal", Value::str("12000")),
            ("rate", rate("12", "year")),
            ("periods", Value::Number(12.0)),
            ("method", Value::str("annuity")),
            ("prepayments", prepay(3.0, "3000", "lowerPayment")),
        ]),
    );
}

#[test]
fn zero_rate_annuity() {
    check(
        "zero_rate",
        Value::obj([
            ("principal", Value::str("1000")),
            ("rate", rate("0", "year")),
            ("periods", Value::Number(3.0)),
            ("method", Value::str("annuity")),
            ("startDate", Value::str("2025-11-30")),
        ]),
    );
}

/// Bullet interest is multiplied out before the one division: 1,000 × 1.45 %
/// × 3 ÷ 12 is exactly 3.625, which rounds half-up to 3.63 (dividing the rate
/// by 1,200 first gave 3.62499… and 3.62).
#[test]
fn case_bullet_interest_multiplies_before_dividing() {
    let t = loan_terms(&Value::obj([
        ("principal", Value::str("1000")),
        ("rate", rate("1.45", "year")),
        ("periods", Value::Number(3.0)),
        ("method", Value::str("bullet")),
    ]))
    .unwrap();
    let last = &t.schedule[2];
    assert_eq!(
        (last.interest.as_str(), last.payment.as_str()),
        ("3.63", "1003.63")
    );
}
