//! One case from the loan to the plan: `repaymentPlans` given the overdue case
//! itself (`overdue`, the object `overdueCost` takes) computes the claim, the
//! part the law supports and the plans on it.
//!
//! The case: a licensed online lender (`microLoan`) lent 20,000 on paper, of
//! which 2,000 was deducted up front as a "service fee" (18,000 received);
//! contract rate 0.05 % a day, 12 periods. The borrower is 45 days overdue on
//! 15,000 principal, charged penalty interest (罚息) of 0.1 % a day and a
//! default charge (违约金) of 500, and can pay 1,200 a month.
//!
//! Hand derivation (day basis 360):
//! - penalty interest = 15,000 × 0.1 % × 45 = 675.00; 违约金 = 500.00;
//!   charges = 1,175.00; claimed total = 15,000 + 1,175 = 16,175.00.
//! - Up-front deduction: the loan is repaid on what was actually lent, so the
//!   principal is 15,000 − 2,000 = 13,000.00 (removed 2,000.00).
//! - The 24 % line of a financial lender on that principal over 45 days:
//!   13,000 × 24 % × 45 ÷ 360 = 13,000 × 0.03 = 390.00; the charges above it:
//!   1,175 − 390 = 785.00 (the figure `overdueCost` gives with the same
//!   `upfrontDeduction`). The 违约金 goes first (500), then 285 of the 675
//!   penalty interest: lawful penalties 390.00, fees 0.00.
//! - lawful total = 13,000 + 390 = 13,390.00 = 16,175 − 2,000 − 785.
//! - Plans on 13,390 at 0.05 % a day = 0.05 × 360 ÷ 12 = 1.5 % a month:
//!   - asIs: 13,390.00 due now; 1,200 does not cover it: does not fit.
//!   - stopInterest: 13,390 ÷ 11 = 1,217.27 > 1,200, 13,390 ÷ 12 = 1,115.83
//!     (1,115.833…): 12 months, the last 13,390 − 11 × 1,115.83 = 1,115.87.
//!   - installment: the fewest months whose payments fit 1,200; python3
//!     `decimal` (interest rounded half-up monthly, the last clears):
//!     13 months of 1,141.37, the last 1,141.35, total 14,837.79.
//!   - waivePenalties: 13,000 at 1.5 %: 12 months of 1,191.84, total 14,302.08.
//!   - lumpSum: no figure given: principal + interest = 13,000.00 now.
//! - Penalty interest a day while nothing is agreed: 15,000 × 0.1 % = 15.00.

use repay::api::{overdue_cost, repayment_plans};
use repay::input::Value;
use repay::ErrorCode;

const OVERDUE: &str = r#"{"overdue":{"principal":"15000"},"days":45,
    "penalty":{"rate":{"percent":"0.1","per":"day"}},
    "lateFee":{"amount":"500","per":"once"},
    "lender":"microLoan","upfrontDeduction":"2000"}"#;

fn case(extra: &str) -> String {
    format!(
        r#"{{"overdue":{OVERDUE},"rate":{{"percent":"0.05","per":"day"}},"monthlyBudget":"1200"{extra}}}"#
    )
}

fn v(json: &str) -> Value {
    serde_json::from_str(json).unwrap()
}

fn run(json: &str) -> serde_json::Value {
    serde_json::to_value(repayment_plans(&v(json)).unwrap()).unwrap()
}

fn plan<'a>(out: &'a serde_json::Value, kind: &str) -> &'a serde_json::Value {
    out["plans"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["kind"] == kind)
        .unwrap()
}

#[test]
fn the_claim_and_the_lawful_position() {
    let out = run(&case(""));
    let c = &out["claimed"];
    assert_eq!(c["principal"], "15000.00");
    assert_eq!(c["interest"], "0.00");
    assert_eq!(c["penalties"], "675.00");
    assert_eq!(c["fees"], "500.00");
    assert_eq!(c["total"], "16175.00");
    let l = &out["lawful"];
    assert_eq!(l["principal"], "13000.00");
    assert_eq!(l["interest"], "0.00");
    assert_eq!(l["penalties"], "390.00");
    assert_eq!(l["fees"], "0.00");
    assert_eq!(l["total"], "13390.00");
    let removed = out["removed"].as_array().unwrap();
    assert_eq!(removed.len(), 2);
    assert_eq!(removed[0]["rule"], "cnActualPrincipal");
    assert_eq!(removed[0]["amount"], "2000.00");
    assert_eq!(removed[0]["source"]["article"], "第六百七十条");
    assert_eq!(removed[1]["rule"], "cnFinancial24");
    assert_eq!(removed[1]["amount"], "785.00");
    assert!(removed[1]["source"]["document"]
        .as_str()
        .unwrap()
        .contains("22号"));
    assert_eq!(out["planOn"], "lawful");
    assert_eq!(out["penaltyPerDay"], "15.00");
}

/// The 785 is the excess `overdueCost` reports for the same case.
#[test]
fn the_excess_is_the_one_overdue_cost_reports() {
    let o = serde_json::to_value(overdue_cost(&v(OVERDUE)).unwrap()).unwrap();
    let cap = o["caps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["rule"] == "cnFinancial24")
        .unwrap();
    assert_eq!(cap["capAmount"], "390.00");
    assert_eq!(cap["excess"], "785.00");
    assert_eq!(o["totalCharges"], "1175.00");
}

#[test]
fn plans_on_the_lawful_amount() {
    let out = run(&case(""));
    assert_eq!(out["budget"]["balance"], "13390.00");
    let as_is = plan(&out, "asIs");
    assert_eq!(as_is["totalPaid"], "13390.00");
    assert_eq!(as_is["months"], 1);
    assert_eq!(as_is["fitsBudget"], false);
    let stop = plan(&out, "stopInterest");
    assert_eq!(stop["months"], 12);
    assert_eq!(stop["monthlyPayment"], "1115.83");
    assert_eq!(stop["schedule"][11]["payment"], "1115.87");
    assert_eq!(stop["totalPaid"], "13390.00");
    assert_eq!(stop["fitsBudget"], true);
    let inst = plan(&out, "installment");
    assert_eq!(inst["months"], 13);
    assert_eq!(inst["monthlyPayment"], "1141.37");
    assert_eq!(inst["schedule"][12]["payment"], "1141.35");
    assert_eq!(inst["totalPaid"], "14837.79");
    let waive = plan(&out, "waivePenalties");
    assert_eq!(waive["months"], 12);
    assert_eq!(waive["monthlyPayment"], "1191.84");
    assert_eq!(waive["totalPaid"], "14302.08");
    assert_eq!(waive["waived"], "390.00");
    let lump = plan(&out, "lumpSum");
    assert_eq!(lump["totalPaid"], "13000.00");
    assert_eq!(lump["settlement"]["source"], "proposal");
}

/// `planOn: "claimed"`: the same plans on 16,175 (python3 `decimal`: the
/// installment needs 16 months of 1,144.63, the last 1,144.54).
#[test]
fn plans_on_the_claim_when_asked() {
    let out = run(&case(r#","planOn":"claimed""#));
    assert_eq!(out["planOn"], "claimed");
    assert_eq!(out["budget"]["balance"], "16175.00");
    assert_eq!(plan(&out, "asIs")["totalPaid"], "16175.00");
    let inst = plan(&out, "installment");
    assert_eq!(inst["months"], 16);
    assert_eq!(inst["monthlyPayment"], "1144.63");
    assert_eq!(inst["totalPaid"], "18313.99");
    // The lawful position is reported all the same.
    assert_eq!(out["lawful"]["total"], "13390.00");
}

/// A private lender: the cap is 4 × LPR at the contract date instead; without
/// a contract date the latest LPR is used, so only the shape is checked here:
/// nothing below the line is removed and the parts add up.
#[test]
fn parts_add_up_for_every_lender() {
    for lender in [
        "bank",
        "creditCard",
        "consumerFinance",
        "microLoan",
        "private",
        "other",
    ] {
        let o = OVERDUE.replace("microLoan", lender);
        let out = run(&format!(
            r#"{{"overdue":{o},"rate":{{"percent":"0.05","per":"day"}}}}"#
        ));
        let d = |x: &serde_json::Value| {
            x.as_str()
                .unwrap()
                .parse::<rust_decimal::Decimal>()
                .unwrap()
        };
        let removed: rust_decimal::Decimal = out["removed"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| d(&r["amount"]))
            .sum();
        assert_eq!(
            d(&out["claimed"]["total"]) - removed,
            d(&out["lawful"]["total"]),
            "{lender}"
        );
        for part in ["principal", "interest", "penalties", "fees"] {
            assert!(
                d(&out["lawful"][part]) <= d(&out["claimed"][part]),
                "{lender} {part}"
            );
        }
    }
}

/// Without an up-front deduction the issue's figure: 15,000 × 24 % × 45 ÷ 360
/// = 450.00; 1,175 − 450 = 725.00 above it; lawful 15,450.00 = 16,175 − 725.
#[test]
fn without_the_deduction_725_is_removed() {
    let o = OVERDUE.replace(r#","upfrontDeduction":"2000""#, "");
    let out = run(&format!(
        r#"{{"overdue":{o},"rate":{{"percent":"0.05","per":"day"}},"monthlyBudget":"1200"}}"#
    ));
    assert_eq!(out["lawful"]["total"], "15450.00");
    assert_eq!(out["lawful"]["penalties"], "450.00");
    assert_eq!(out["lawful"]["fees"], "0.00");
    assert_eq!(out["removed"].as_array().unwrap().len(), 1);
    assert_eq!(out["removed"][0]["amount"], "725.00");
}

/// A balance without a case: claimed = lawful, nothing removed, no penalty a day.
#[test]
fn a_balance_is_its_own_claim() {
    let out =
        run(r#"{"balance":{"principal":"1000","penalties":"50","fees":"20"},"lender":"bank"}"#);
    assert_eq!(out["claimed"], out["lawful"]);
    assert_eq!(out["claimed"]["total"], "1070.00");
    assert_eq!(out["removed"], serde_json::json!([]));
    assert_eq!(out["penaltyPerDay"], serde_json::Value::Null);
}

fn err(json: &str) -> (ErrorCode, Option<String>) {
    let e = repayment_plans(&v(json)).unwrap_err();
    (e.code, e.field)
}

#[test]
fn case_errors_name_their_field() {
    let both = case(r#","balance":{"principal":"1"}"#);
    assert_eq!(err(&both), (ErrorCode::Conflict, Some("overdue".into())));
    assert_eq!(
        err(&case(r#","lender":"bank""#)),
        (ErrorCode::Conflict, Some("lender".into()))
    );
    // The same lender is fine.
    assert!(repayment_plans(&v(&case(r#","lender":"microLoan""#))).is_ok());
    assert_eq!(
        err(&case(r#","planOn":"lender""#)),
        (ErrorCode::UnknownValue, Some("planOn".into()))
    );
    let bad = case("").replace(r#""principal":"15000""#, r#""principal":"-1""#);
    assert_eq!(
        err(&bad),
        (
            ErrorCode::NegativeAmount,
            Some("overdue.overdue.principal".into())
        )
    );
    let no_days = case("").replace(r#""days":45,"#, "");
    assert_eq!(
        err(&no_days),
        (ErrorCode::MissingField, Some("overdue.days".into()))
    );
    assert_eq!(
        err(r#"{"rate":{"percent":"1","per":"year"},"lender":"bank"}"#),
        (ErrorCode::MissingField, Some("balance".into()))
    );
}
