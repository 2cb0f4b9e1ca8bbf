//! Every error code `loanTerms` and `cashflowRate` can return, with its exact
//! field path, and the documented input limits.

use repay::api::{cashflow_rate, loan_terms};
use repay::input::Value;

/// A valid `loanTerms` input with `changes` applied: a key set to `None` is
/// removed, any other key is replaced or added.
fn loan(changes: &[(&str, Option<Value>)]) -> Value {
    let mut pairs: Vec<(String, Value)> = vec![
        ("principal".into(), Value::str("10000")),
        (
            "rate".into(),
            Value::obj([("percent", Value::str("12")), ("per", Value::str("year"))]),
        ),
        ("periods".into(), Value::Number(12.0)),
        ("method".into(), Value::str("annuity")),
    ];
    for (k, v) in changes {
        pairs.retain(|(key, _)| key != k);
        if let Some(v) = v {
            pairs.push(((*k).to_owned(), v.clone()));
        }
    }
    Value::Object(pairs)
}

fn rate(percent: &str, per: &str) -> Value {
    Value::obj([("percent", Value::str(percent)), ("per", Value::str(per))])
}

fn fee(amount: Value, when: &str) -> Value {
    Value::obj([("amount", amount), ("when", Value::str(when))])
}

fn flows(items: Vec<Value>) -> Value {
    Value::obj([("flows", Value::Array(items))])
}

fn flow(amount: &str, key: &str, when: Value) -> Value {
    Value::obj([("amount", Value::str(amount)), (key, when)])
}

#[track_caller]
fn loan_err(input: Value, code: &str, field: Option<&str>) {
    match loan_terms(&input) {
        Ok(_) => panic!("expected {code} at {field:?}, got a result"),
        Err(e) => assert_eq!((e.code.as_str(), e.field.as_deref()), (code, field), "{e}"),
    }
}

/// Sets one field of the valid loan to each case's value and expects `code`
/// at the case's field.
#[track_caller]
fn loan_errs(code: &str, cases: impl IntoIterator<Item = (&'static str, Value, &'static str)>) {
    for (key, value, field) in cases {
        match loan_terms(&loan(&[(key, Some(value.clone()))])) {
            Ok(_) => panic!("{key} = {value:?}: expected {code} at {field}, got a result"),
            Err(e) => assert_eq!(
                (e.code.as_str(), e.field.as_deref()),
                (code, Some(field)),
                "{key} = {value:?}: {e}"
            ),
        }
    }
}

/// A valid stream (100 now, −110 one period later) with `key` added at the top level.
fn period_flows_and(key: &str, value: Value) -> Value {
    Value::obj([
        (
            "flows",
            Value::Array(vec![
                flow("100", "period", Value::str("0")),
                flow("-110", "period", Value::str("1")),
            ]),
        ),
        (key, value),
    ])
}

#[track_caller]
fn flow_err(input: Value, code: &str, field: Option<&str>) {
    match cashflow_rate(&input) {
        Ok(r) => panic!("expected {code} at {field:?}, got {r:?}"),
        Err(e) => assert_eq!((e.code.as_str(), e.field.as_deref()), (code, field), "{e}"),
    }
}

#[test]
fn missing_field() {
    loan_err(loan(&[("method", None)]), "missingField", Some("method"));
    loan_err(loan(&[("rate", None)]), "missingField", Some("rate"));
    loan_err(
        loan(&[("rate", Some(Value::obj([("per", Value::str("year"))])))]),
        "missingField",
        Some("rate.percent"),
    );
    loan_err(
        loan(&[(
            "fees",
            Some(Value::Array(vec![Value::obj([(
                "when",
                Value::str("upfront"),
            )])])),
        )]),
        "missingField",
        Some("fees[0].amount"),
    );
    flow_err(
        flows(vec![flow("100", "period", Value::str("0"))]),
        "missingField",
        Some("flows"),
    );
    flow_err(
        flows(vec![
            flow("100", "period", Value::str("0")),
            Value::obj([("amount", Value::str("-110"))]),
        ]),
        "missingField",
        Some("flows[1].date"),
    );
}

#[test]
fn wrong_type() {
    loan_errs(
        "wrongType",
        [
            ("principal", Value::Bool(true), "principal"),
            ("fees", Value::str("none"), "fees"),
            ("rate", Value::str("12%"), "rate"),
        ],
    );
    // The input as a whole has no field path: `field` is null.
    loan_err(Value::Array(vec![]), "wrongType", None);
    flow_err(
        flows(vec![
            flow("100", "date", Value::Number(20260101.0)),
            flow("-110", "date", Value::str("2027-01-01")),
        ]),
        "wrongType",
        Some("flows[0].date"),
    );
}

#[test]
fn unknown_field() {
    loan_errs(
        "unknownField",
        [
            ("principle", Value::str("1"), "principle"),
            (
                "rate",
                Value::obj([
                    ("percent", Value::str("12")),
                    ("per", Value::str("year")),
                    ("compounding", Value::str("monthly")),
                ]),
                "rate.compounding",
            ),
        ],
    );
    flow_err(
        period_flows_and("guess", Value::str("0.1")),
        "unknownField",
        Some("guess"),
    );
}

#[test]
fn invalid_number() {
    loan_errs(
        "invalidNumber",
        [
            ("principal", Value::str("1,000"), "principal"),
            ("principal", Value::str("1e5"), "principal"),
            ("principal", Value::Number(f64::NAN), "principal"),
            ("rate", rate("abc", "year"), "rate.percent"),
        ],
    );
}

#[test]
fn too_many_decimals() {
    loan_err(
        loan(&[("principal", Some(Value::str("1000.12345678901")))]),
        "tooManyDecimals",
        Some("principal"),
    );
    // Ten decimals are accepted, trailing zeros do not count.
    assert!(loan_terms(&loan(&[(
        "principal",
        Some(Value::str("1000.1234567890000"))
    )]))
    .is_ok());
}

/// A fraction of a period and the periods in a year are computed, not typed:
/// `period: 1 + 5/30` and `periodsPerYear: 365/7` as JS numbers keep all
/// their digits (1.1666666666666667, 52.142857142857146). Hand-derived: under
/// Reg Z the whole period compounds and the 1/6 earns simple interest, so
/// 1000 = 1050 / ((1 + i)(1 + i/6)), i² + 7i − 0.3 = 0,
/// i = (√50.2 − 7)/2 = 4.25979…%; × 365/7 = 222.11770…%;
/// (1 + i)^(365/7) − 1 = 780.36844…%. Money keeps its ten-place rule.
#[test]
fn computed_periods_keep_a_js_numbers_digits() {
    let input = |amount: Value| {
        Value::obj([
            (
                "flows",
                Value::Array(vec![
                    Value::obj([
                        ("amount", Value::str("1000")),
                        ("period", Value::Number(0.0)),
                    ]),
                    Value::obj([
                        ("amount", amount),
                        ("period", Value::Number(1.0 + 5.0 / 30.0)),
                    ]),
                ]),
            ),
            ("periodsPerYear", Value::Number(365.0 / 7.0)),
            ("convention", Value::str("usRegZ")),
        ])
    };
    let r = cashflow_rate(&input(Value::str("-1050"))).expect("computed periods are accepted");
    assert_eq!(r.periodic_percent.as_deref(), Some("4.2598"));
    assert_eq!(r.nominal_percent.as_deref(), Some("222.1177"));
    assert_eq!(r.effective_percent.as_str(), "780.3684");
    flow_err(
        input(Value::Number(-(0.1 + 0.2))),
        "tooManyDecimals",
        Some("flows[1].amount"),
    );
}

#[test]
fn negative_amount() {
    loan_errs(
        "negativeAmount",
        [
            ("principal", Value::str("-1"), "principal"),
            ("rate", rate("-0.5", "year"), "rate.percent"),
            (
                "fees",
                Value::Array(vec![
                    fee(Value::str("10"), "upfront"),
                    fee(Value::str("-5"), "eachPeriod"),
                ]),
                "fees[1].amount",
            ),
            ("received", Value::str("-1"), "received"),
        ],
    );
}

/// One prepayment of `amount` (a JS number or numeral string) in `period`.
fn prepay(period: Value, amount: Value) -> Value {
    Value::Array(vec![Value::obj([("period", period), ("amount", amount)])])
}

/// Each cause of a number the engine cannot take has its own code
/// (docs/api.md, "Errors"), on each kind of field: too large (a little above
/// the limit, 23 digits, a pasted 200,000), below a cent, not more than 0, not
/// whole. Never "must be more than 0" for a number far too large.
#[test]
fn each_cause_of_a_bad_number_has_its_own_code() {
    let pasted = "9".repeat(200_000);
    let huge = "99999999999999999999999";
    let s = Value::str;
    // Amounts of at least one cent: the principal and a prepayment.
    let amounts = [
        (huge, "tooLarge"),
        (pasted.as_str(), "tooLarge"),
        ("1000000000000.01", "tooLarge"),
        ("0.001", "belowMinimum"),
        ("0", "notPositive"),
    ];
    for (typed, code) in amounts {
        let prepaid = prepay(Value::Number(2.0), s(typed));
        loan_errs(code, [("principal", s(typed), "principal")]);
        loan_errs(code, [("prepayments", prepaid, "prepayments[0].amount")]);
    }
    // Counts: the periods and a prepayment's period.
    for (typed, code) in [
        (huge, "tooLarge"),
        ("0", "notPositive"),
        ("-3", "notPositive"),
        ("45.5", "notWhole"),
    ] {
        let prepaid = prepay(s(typed), s("100"));
        loan_errs(code, [("periods", s(typed), "periods")]);
        loan_errs(code, [("prepayments", prepaid, "prepayments[0].period")]);
    }
    // JS numbers, rates, other amounts.
    loan_errs(
        "tooLarge",
        [("principal", Value::Number(1e23), "principal")],
    );
    loan_errs(
        "belowMinimum",
        [("principal", Value::Number(0.009), "principal")],
    );
    loan_errs("notWhole", [("periods", Value::Number(12.5), "periods")]);
    loan_errs("notPositive", [("received", s("0"), "received")]);
    let big_fee = Value::Array(vec![fee(s(&pasted), "upfront")]);
    loan_errs("tooLarge", [("rate", rate(huge, "year"), "rate.percent")]);
    loan_errs(
        "tooLarge",
        [("rate", rate(&pasted, "month"), "rate.percent")],
    );
    loan_errs("tooLarge", [("received", s(huge), "received")]);
    loan_errs("tooLarge", [("fees", big_fee, "fees[0].amount")]);
    // Flows: an amount and a period.
    for (amount, period, field) in [
        (huge, "1", "flows[0].amount"),
        ("100", huge, "flows[1].period"),
    ] {
        let f = flows(vec![
            flow(amount, "period", s("0")),
            flow("-110", "period", s(period)),
        ]);
        flow_err(f, "tooLarge", Some(field));
    }
}

#[test]
fn out_of_range() {
    loan_errs(
        "outOfRange",
        [(
            "fees",
            Value::Array(vec![fee(Value::str("10000"), "upfront")]),
            "fees",
        )],
    );
    flow_err(
        flows(vec![
            flow("100", "period", Value::str("0")),
            flow("-110", "period", Value::str("20001")),
        ]),
        "outOfRange",
        Some("flows[1].period"),
    );
}

#[test]
fn unknown_value() {
    loan_errs(
        "unknownValue",
        [
            ("method", Value::str("annuitty"), "method"),
            ("rate", rate("1", "week"), "rate.per"),
            ("dayBasis", Value::Number(364.0), "dayBasis"),
            (
                "fees",
                Value::Array(vec![fee(Value::str("1"), "daily")]),
                "fees[0].when",
            ),
        ],
    );
    flow_err(
        period_flows_and("convention", Value::str("apr")),
        "unknownValue",
        Some("convention"),
    );
}

#[test]
fn invalid_date() {
    loan_errs(
        "invalidDate",
        [
            ("startDate", Value::str("2026-02-30"), "startDate"),
            ("startDate", Value::str("2026/01/31"), "startDate"),
        ],
    );
    flow_err(
        flows(vec![
            flow("100", "date", Value::str("2026-01-01")),
            flow("-110", "date", Value::str("2026-13-01")),
        ]),
        "invalidDate",
        Some("flows[1].date"),
    );
}

#[test]
fn conflict() {
    loan_err(
        loan(&[(
            "fees",
            Some(Value::Array(vec![Value::obj([
                ("amount", Value::str("1")),
                ("percentOfPrincipal", Value::str("1")),
                ("when", Value::str("upfront")),
            ])])),
        )]),
        "conflict",
        Some("fees[0]"),
    );
    let prepayment = |period: f64| {
        Value::obj([
            ("period", Value::Number(period)),
            ("amount", Value::str("100")),
        ])
    };
    loan_err(
        loan(&[
            ("method", Some(Value::str("bullet"))),
            ("prepayments", Some(Value::Array(vec![prepayment(2.0)]))),
        ]),
        "conflict",
        Some("prepayments[0]"),
    );
    loan_err(
        loan(&[(
            "prepayments",
            Some(Value::Array(vec![prepayment(2.0), prepayment(2.0)])),
        )]),
        "conflict",
        Some("prepayments[1].period"),
    );
    flow_err(
        flows(vec![
            flow("100", "date", Value::str("2026-01-01")),
            flow("-110", "period", Value::str("1")),
        ]),
        "conflict",
        Some("flows[1]"),
    );
    flow_err(
        period_flows_and("convention", Value::str("xirr")),
        "conflict",
        Some("convention"),
    );
    // Dated flows run on the calendar: a periodsPerYear would be ignored, so it is refused.
    flow_err(
        Value::obj([
            (
                "flows",
                Value::Array(vec![
                    flow("100", "date", Value::str("2026-01-01")),
                    flow("-110", "date", Value::str("2027-01-01")),
                ]),
            ),
            ("periodsPerYear", Value::Number(12.0)),
        ]),
        "conflict",
        Some("periodsPerYear"),
    );
}

#[test]
fn too_many_items() {
    let fees = (0..21)
        .map(|_| fee(Value::str("1"), "eachPeriod"))
        .collect();
    loan_err(
        loan(&[("fees", Some(Value::Array(fees)))]),
        "tooManyItems",
        Some("fees"),
    );
    let twenty = (0..20)
        .map(|_| fee(Value::str("1"), "eachPeriod"))
        .collect();
    assert!(loan_terms(&loan(&[("fees", Some(Value::Array(twenty)))])).is_ok());
    let many = (0..10_001)
        .map(|k| {
            flow(
                if k == 0 { "100" } else { "-0.01" },
                "period",
                Value::str("1"),
            )
        })
        .collect();
    flow_err(flows(many), "tooManyItems", Some("flows"));
}

#[test]
fn no_solution() {
    flow_err(
        flows(vec![
            flow("100", "period", Value::str("0")),
            flow("110", "period", Value::str("1")),
        ]),
        "noSolution",
        None,
    );
    flow_err(
        flows(vec![
            flow("-100", "date", Value::str("2026-01-01")),
            flow("0", "date", Value::str("2027-01-01")),
        ]),
        "noSolution",
        None,
    );
}

#[test]
fn largest_principal_works_and_one_cent_more_is_too_large() {
    let t = loan_terms(&loan(&[("principal", Some(Value::str("1000000000000")))]))
        .expect("1e12 is the largest principal");
    assert_eq!(t.totals.principal, "1000000000000.00");
    assert_eq!(t.schedule[11].balance, "0.00");
    loan_err(
        loan(&[("principal", Some(Value::str("1000000000000.01")))]),
        "tooLarge",
        Some("principal"),
    );
}

#[test]
fn six_hundred_periods_work_and_601_is_out_of_range() {
    let t = loan_terms(&loan(&[
        ("principal", Some(Value::str("1000000"))),
        ("rate", Some(rate("4.9", "year"))),
        ("periods", Some(Value::Number(600.0))),
    ]))
    .expect("600 periods");
    assert_eq!(t.schedule.len(), 600);
    assert_eq!(t.schedule[599].balance, "0.00");
    loan_err(
        loan(&[("periods", Some(Value::Number(601.0)))]),
        "outOfRange",
        Some("periods"),
    );
}

#[test]
fn ten_thousand_percent_a_year_over_600_months_computes() {
    for method in [
        "annuity",
        "equalPrincipal",
        "interestOnly",
        "bullet",
        "flat",
    ] {
        let t = loan_terms(&loan(&[
            ("rate", Some(rate("10000", "year"))),
            ("periods", Some(Value::Number(600.0))),
            ("method", Some(Value::str(method))),
        ]))
        .unwrap_or_else(|e| panic!("{method}: {e}"));
        assert_eq!(t.schedule[599].balance, "0.00", "{method}");
        assert!(t.apr.is_some(), "{method}: {:?}", t.warnings);
    }
}

/// Found by the fuzzer: 100,000 %/year, interest-only in effect, received
/// below principal. The true cost is ~9,260 % a month, so the effective annual
/// rate is ~4.5 × 10^25 %, too large to carry four decimals in a 28-digit
/// decimal (it was once printed with its decimal point in the wrong place).
/// It is stated as unavailable, with a warning, never as a malformed figure.
#[test]
fn an_effective_rate_too_large_to_state_is_unavailable() {
    let t = loan_terms(&loan(&[
        ("rate", Some(rate("100000", "year"))),
        ("periods", Some(Value::Number(600.0))),
        ("received", Some(Value::str("9000"))),
    ]))
    .expect("the schedule itself computes");
    assert!(t.apr.is_none());
    let w = t.warnings.iter().find(|w| w.code == "aprUnavailable");
    assert!(
        w.is_some_and(|w| w.message.contains("too large to state")),
        "{:?}",
        t.warnings
    );
}

#[test]
fn rate_above_a_million_percent_a_year_is_too_large() {
    assert!(loan_terms(&loan(&[("rate", Some(rate("1000000", "year")))])).is_ok());
    loan_err(
        loan(&[("rate", Some(rate("1000000.01", "year")))]),
        "tooLarge",
        Some("rate.percent"),
    );
    // 83,333.34 % a month is 1,000,000.08 % a year.
    loan_err(
        loan(&[("rate", Some(rate("83333.34", "month")))]),
        "tooLarge",
        Some("rate.percent"),
    );
    // 2,778 % a day × 360 = 1,000,080 % a year.
    loan_err(
        loan(&[("rate", Some(rate("2778", "day")))]),
        "tooLarge",
        Some("rate.percent"),
    );
}

/// 10,000 at 12 %/year over 600 months has an exact payment of 100.25603,
/// rounded up to 100.26; the extra 0.004 a month, compounded, repays the loan
/// one month early, so the schedule has 599 rows (row 599 pays 45.90), not 600.
/// Decided: the schedule shows what that payment really does, and says so with
/// the `endsEarly` warning (docs/api.md, loanTerms warnings).
#[test]
fn case_annuity_rounded_up_payment_ends_a_month_early() {
    let t = loan_terms(&loan(&[("periods", Some(Value::Number(600.0)))])).expect("computes");
    assert_eq!(t.schedule.len(), 599);
    let last = &t.schedule[598];
    assert_eq!(
        (last.payment.as_str(), last.balance.as_str()),
        ("45.90", "0.00")
    );
    // The page is told, so the shorter schedule is never a surprise.
    assert!(
        t.warnings.iter().any(|w| w.code == "endsEarly"),
        "{:?}",
        t.warnings
    );
}
