//! The case from the loan: `overdueCost` and `repaymentPlans` given `loan`,
//! `paid` and `asOf`, with every figure derived by hand below (day basis 360
//! unless said; every amount rounded half-up to cents where stated).

use repay::api::{overdue_cost, repayment_plans};
use repay::input::Value;
use rust_decimal::Decimal;
use serde_json::{json, Value as Json};

fn v(j: &Json) -> Value {
    serde_json::from_str(&j.to_string()).unwrap()
}

fn run(j: Json) -> Json {
    serde_json::to_value(overdue_cost(&v(&j)).unwrap()).unwrap()
}

fn plans(j: Json) -> Json {
    serde_json::to_value(repayment_plans(&v(&j)).unwrap()).unwrap()
}

fn err(j: Json) -> (String, Option<String>) {
    let e = overdue_cost(&v(&j)).unwrap_err();
    (e.code.as_str().to_owned(), e.field)
}

fn plans_err(j: Json) -> (String, Option<String>) {
    let e = repayment_plans(&v(&j)).unwrap_err();
    (e.code.as_str().to_owned(), e.field)
}

fn d(x: &Json) -> Decimal {
    x.as_str().unwrap().parse().unwrap()
}

fn with(mut j: Json, key: &str, value: Json) -> Json {
    j[key] = value;
    j
}

// ---- the worked example -------------------------------------------------------

/// The contract's worked example: 20,000 contracted, 18,500 received
/// (1,500 deducted) on 2026-05-23, 18 %/yr, 12 monthly annuity instalments plus
/// a 99 fee each, 4 paid, asOf 2026-12-07, 罚息 0.1 %/day with compound,
/// 违约金 10 % of the remaining principal once, 催收费 300, a microloan
/// company.
fn worked() -> Json {
    json!({
        "loan": {
            "principal": "20000", "received": "18500", "startDate": "2026-05-23",
            "rate": { "percent": "18", "per": "year" }, "periods": 12, "method": "annuity",
            "fees": [{ "label": "会员费", "amount": "99", "when": "eachPeriod" }]
        },
        "paid": 4, "asOf": "2026-12-07",
        "penalty": { "rate": { "percent": "0.1", "per": "day" } }, "compound": true,
        "lateFee": { "percentOfRemainingPrincipal": "10", "per": "once" },
        "collectionFee": "300", "lender": "microLoan"
    })
}

/// Schedule (1.5 %/month): payment 20,000 × 0.015 ÷ (1 − 1.015⁻¹²) =
/// 1,833.60; balances after 4 payments 13,726.20 (loanTerms).
/// - Missed: period 5 (due 2026-10-23, 45 days to 2026-12-07: 8 + 30 + 7)
///   with principal 1,627.71, interest 13,726.20 × 1.5 % = 205.89, fee 99;
///   period 6 (due 2026-11-23, 14 days) with interest 12,098.49 × 1.5 % =
///   181.48, principal 1,833.60 − 181.48 = 1,652.12, fee 99. Period 7 is due
///   2026-12-23: not yet.
/// - 罚息: 1,627.71 × 0.1 % × 45 = 73.247 → 73.25; 1,652.12 × 0.1 % × 14 =
///   23.130 → 23.13; Σ 96.38. 复利: 205.89 × 0.045 = 9.265 → 9.27;
///   181.48 × 0.014 = 2.541 → 2.54; Σ 11.81.
/// - 违约金: 10 % × 13,726.20 = 1,372.62. Charges: 96.38 + 11.81 +
///   1,372.62 + 300 = 1,780.81. Overdue total 2 × 1,932.60 = 3,865.20;
///   total owed 5,646.01.
/// - notYetDue = 13,726.20 − 1,627.71 − 1,652.12 = 10,446.37; settlement
///   10,446.37 + 5,646.01 = 16,092.38.
/// - The 24 % line from 18,500 on 2026-05-23 (payments 1,932.60):
///   06-23 (31 d) 382.33 → 16,949.73; 07-23 (30 d) 338.99 → 15,356.12;
///   08-23 (31 d) 317.36 → 13,740.88; 09-23 (31 d) 283.98 → 12,092.26;
///   2026-12-07 (75 d): 12,092.26 × 24 % × 75 ÷ 360 = 604.613 → 604.61;
///   ceiling 12,696.87 = lawful.
/// - From 20,000 instead: 06-23 413.33 → 18,480.73; 07-23 369.61 →
///   16,917.74; 08-23 349.63 → 15,334.77; 09-23 316.92 → 13,719.09;
///   75 days: 13,719.09 × 0.05 = 685.9545 → 685.95; 14,405.04. The part of
///   the 3,395.51 removed due to the deduction: 14,405.04 − 12,696.87 =
///   1,708.17 (cnActualPrincipal); the rest 1,687.34 (cnFinancial24).
#[test]
fn worked_example() {
    let o = run(worked());
    assert_eq!(o["view"], "wholeLoan");
    let m = o["missed"].as_array().unwrap();
    assert_eq!(m.len(), 2);
    assert_eq!(
        (&m[0]["period"], &m[0]["dueDate"], &m[0]["days"]),
        (&json!(5), &json!("2026-10-23"), &json!(45))
    );
    assert_eq!(
        (&m[1]["period"], &m[1]["dueDate"], &m[1]["days"]),
        (&json!(6), &json!("2026-11-23"), &json!(14))
    );
    assert_eq!(m[0]["principal"], "1627.71");
    assert_eq!(m[0]["interest"], "205.89");
    assert_eq!(m[0]["fees"], "99.00");
    assert_eq!(m[0]["penalty"], "73.25");
    assert_eq!(m[1]["penalty"], "23.13");
    assert_eq!(m[0]["compound"], "9.27");
    assert_eq!(m[1]["compound"], "2.54");
    assert_eq!(o["penaltyInterest"], "96.38");
    assert_eq!(o["compoundInterest"], "11.81");
    assert_eq!(o["lateFees"], "1372.62");
    assert_eq!(o["collectionFee"], "300.00");
    assert_eq!(o["remainingPrincipal"], "13726.20");
    assert_eq!(o["notYetDue"], "10446.37");
    assert_eq!(o["totalOwed"], "5646.01");
    assert_eq!(o["settlement"], "16092.38");
    assert_eq!(o["days"], 45);
    assert_eq!(
        (&o["from"], &o["to"]),
        (&json!("2026-10-23"), &json!("2026-12-07"))
    );

    let line = &o["line"];
    assert_eq!(line["rule"], "cnFinancial24");
    assert_eq!(line["percent"], "24.0000");
    assert_eq!(line["base"], "18500.00");
    assert_eq!(
        (&line["from"], &line["to"]),
        (&json!("2026-05-23"), &json!("2026-12-07"))
    );
    assert_eq!(line["method"], "recomputedAtLine");
    let pays: Vec<_> = line["payments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["interest"].clone(), p["balance"].clone()))
        .collect();
    assert_eq!(
        pays,
        [
            (json!("382.33"), json!("16949.73")),
            (json!("338.99"), json!("15356.12")),
            (json!("317.36"), json!("13740.88")),
            (json!("283.98"), json!("12092.26")),
        ]
    );
    assert_eq!(line["lastPaymentDate"], "2026-09-23");
    assert_eq!(line["daysSince"], 75);
    assert_eq!(line["interestSince"], "604.61");
    assert_eq!(line["ceiling"], "12696.87");
    assert_eq!(line["ceilingFromPrincipal"], "14405.04");

    assert_eq!(o["claimed"]["total"], "16092.38");
    assert_eq!(o["claimed"]["principal"], "13726.20");
    assert_eq!(o["claimed"]["interest"], "387.37");
    assert_eq!(o["claimed"]["penalties"], "108.19");
    assert_eq!(o["claimed"]["fees"], "1870.62");
    assert_eq!(o["lawful"]["total"], "12696.87");
    let removed: Vec<_> = o["removed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["rule"].clone(), r["amount"].clone()))
        .collect();
    assert_eq!(
        removed,
        [
            (json!("cnActualPrincipal"), json!("1708.17")),
            (json!("cnFinancial24"), json!("1687.34")),
        ]
    );
    // The loan's own cost (loanTerms: 43.9281 % nominal) is above the line.
    assert_eq!(o["loanCost"]["nominalPercent"], "43.9281");
    assert_eq!(o["loanCost"]["linePercent"], "24.0000");
    assert_eq!(o["loanCost"]["aboveLine"], true);
}

/// repaymentPlans on the same case: claimed and lawful are the settlement
/// and the line's ceiling; the plans are built on the lawful 12,696.87 (the
/// as-is plan pays it at once); penalty a day on the missed principal
/// 3,279.83 × 0.1 % = 3.27983 → 3.28.
#[test]
fn worked_example_plans() {
    let out = plans(json!({ "overdue": worked(), "monthlyBudget": "1500" }));
    assert_eq!(out["view"], "wholeLoan");
    assert_eq!(out["claimed"]["total"], "16092.38");
    assert_eq!(out["lawful"]["total"], "12696.87");
    assert_eq!(out["budget"]["balance"], "12696.87");
    let as_is = out["plans"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["kind"] == "asIs")
        .unwrap();
    assert_eq!(as_is["totalPaid"], "12696.87");
    assert_eq!(out["penaltyPerDay"], "3.28");
    let claimed = plans(json!({ "overdue": worked(), "planOn": "claimed" }));
    assert_eq!(claimed["budget"]["balance"], "16092.38");
}

// ---- a loan below the line, paid: 0, due on asOf, accelerated ---------------

/// A bank loan of 12,000 on 2026-01-15 at 12 %/yr (1 %/month), 12 months of
/// equal principal (1,000 each; interest of month k = (12,000 − 1,000(k−1))
/// × 1 %: 120, 110, 100, …), dues 02-15, 03-15, 04-15, …; 罚息 0.05 %/day.
fn bank(paid: u32, as_of: &str) -> Json {
    json!({
        "loan": {
            "principal": "12000", "startDate": "2026-01-15",
            "rate": { "percent": "12", "per": "year" }, "periods": 12, "method": "equalPrincipal"
        },
        "paid": paid, "asOf": as_of,
        "penalty": { "rate": { "percent": "0.05", "per": "day" } }, "lender": "bank"
    })
}

/// paid 2, asOf 2026-04-20: period 3 (due 04-15) 5 days: 1,000 × 0.05 % × 5
/// = 2.50; interest 100.00; notYetDue 9,000; settlement 10,000 + 100 + 2.50
/// = 10,102.50. Line at 24 % from 12,000: 02-15 (31 d) 248.00, paid 1,120 →
/// 11,128.00; 03-15 (28 d) 11,128 × 0.24 × 28 ÷ 360 = 207.7227 → 207.72,
/// paid 1,110 → 10,225.72; to 04-20 (36 d) 245.41728 → 245.42; ceiling
/// 10,471.14 above the settlement: nothing removed, lawful = claimed. The
/// loan's own cost is 12 % nominal, below the line.
#[test]
fn below_the_line_nothing_is_removed() {
    let o = run(bank(2, "2026-04-20"));
    assert_eq!(o["view"], "wholeLoan");
    assert_eq!(o["missed"].as_array().unwrap().len(), 1);
    assert_eq!(o["missed"][0]["days"], 5);
    assert_eq!(o["missed"][0]["penalty"], "2.50");
    assert_eq!(o["missed"][0]["interest"], "100.00");
    assert_eq!(o["notYetDue"], "9000.00");
    assert_eq!(o["settlement"], "10102.50");
    assert_eq!(o["line"]["payments"][1]["balance"], "10225.72");
    assert_eq!(o["line"]["ceiling"], "10471.14");
    assert_eq!(o["claimed"], o["lawful"]);
    assert_eq!(o["removed"], json!([]));
    assert_eq!(o["loanCost"]["nominalPercent"], "12.0000");
    assert_eq!(o["loanCost"]["aboveLine"], false);
}

/// paid 0, asOf 2026-03-20: period 1 (due 02-15) 33 days: 1,000 × 0.05 % ×
/// 33 = 16.50; period 2 (due 03-15) 5 days: 2.50; missed interest 120 + 110;
/// notYetDue 10,000; settlement 10,000 + 2,000 + 230 + 19 = 12,249.00. Line:
/// no payment, 64 days on 12,000: 512.00; ceiling 12,512.00: nothing removed.
#[test]
fn paid_zero() {
    let o = run(bank(0, "2026-03-20"));
    let m = o["missed"].as_array().unwrap();
    assert_eq!(m.len(), 2);
    assert_eq!(
        (&m[0]["days"], &m[0]["penalty"]),
        (&json!(33), &json!("16.50"))
    );
    assert_eq!(
        (&m[1]["days"], &m[1]["penalty"]),
        (&json!(5), &json!("2.50"))
    );
    assert_eq!(o["penaltyInterest"], "19.00");
    assert_eq!(o["settlement"], "12249.00");
    assert_eq!(o["line"]["payments"], json!([]));
    assert_eq!(o["line"]["daysSince"], 64);
    assert_eq!(o["line"]["ceiling"], "12512.00");
    assert_eq!(o["lawful"]["total"], "12249.00");
}

/// asOf 2026-04-15, the due date of period 3: not overdue. Nothing missed,
/// days 0, no charges; notYetDue 10,000 (periods 3–12) = settlement. One day
/// later it is 1 day overdue (1,000 × 0.05 % = 0.50).
#[test]
fn due_on_as_of_is_not_overdue() {
    let o = run(bank(2, "2026-04-15"));
    assert_eq!(o["missed"], json!([]));
    assert_eq!(o["days"], 0);
    assert_eq!(o["totalCharges"], "0.00");
    assert_eq!(o["notYetDue"], "10000.00");
    assert_eq!(o["settlement"], "10000.00");
    let next = run(bank(2, "2026-04-16"));
    assert_eq!(next["missed"][0]["days"], 1);
    assert_eq!(next["missed"][0]["penalty"], "0.50");
    assert_eq!(next["notYetDue"], "9000.00");
}

/// Accelerated on 2026-04-20, asOf 2026-04-30, paid 2: period 3 (due 04-15,
/// before the acceleration) keeps its own 15 days and interest: 7.50;
/// periods 4–12 fall due on 04-20 (10 days), principal only: 9 × 1,000 ×
/// 0.05 % × 10 = 9 × 5.00; notYetDue 0; settlement 10,000 + 100 + 52.50 =
/// 10,152.50. Line: 10,225.72 after 03-15, 46 days to 04-30: 313.5887 →
/// 313.59; ceiling 10,539.31: nothing removed.
#[test]
fn accelerated_makes_the_whole_principal_overdue() {
    let o = run(with(
        bank(2, "2026-04-30"),
        "accelerated",
        json!("2026-04-20"),
    ));
    let m = o["missed"].as_array().unwrap();
    assert_eq!(m.len(), 10);
    assert_eq!(
        (
            &m[0]["period"],
            &m[0]["days"],
            &m[0]["penalty"],
            &m[0]["accelerated"]
        ),
        (&json!(3), &json!(15), &json!("7.50"), &json!(false))
    );
    for x in &m[1..] {
        assert_eq!(x["dueDate"], "2026-04-20");
        assert_eq!(x["days"], 10);
        assert_eq!(x["interest"], "0.00");
        assert_eq!(x["penalty"], "5.00");
        assert_eq!(x["accelerated"], true);
    }
    assert_eq!(o["accelerated"], "2026-04-20");
    assert_eq!(o["notYetDue"], "0.00");
    assert_eq!(o["penaltyInterest"], "52.50");
    assert_eq!(o["settlement"], "10152.50");
    assert_eq!(o["line"]["ceiling"], "10539.31");
    assert_eq!(o["removed"], json!([]));
}

// ---- private lending: 4 × LPR at the contract date ---------------------------

/// A private loan of 10,000 (all received) on 2025-06-01 at 36 %/yr, one
/// bullet payment after 3 months (10,000 + 10,000 × 3 % × 3 = 10,900, due
/// 2025-09-01; months 1–2 ask nothing and cannot be missed); paid 0; asOf
/// 2025-09-11: 10 days; 罚息 0.05 %/day: 50.00. Settlement 10,950.00.
/// Line: 4 × the one-year LPR in force on the contract date (2025-05-20
/// fixing, 3.00 %) = 12 %; 2025-06-01 → 2025-09-11 = 102 days;
/// 10,000 × 12 % × 102 ÷ 360 = 340.00; ceiling 10,340.00; removed 610.00
/// under cnPrivate4xLpr, from 罚息 (50) then interest (560): lawful
/// interest 340.00.
fn private(extra: Option<(&str, Json)>) -> Json {
    let mut j = json!({
        "loan": {
            "principal": "10000", "startDate": "2025-06-01",
            "rate": { "percent": "36", "per": "year" }, "periods": 3, "method": "bullet"
        },
        "paid": 0, "asOf": "2025-09-11",
        "penalty": { "rate": { "percent": "0.05", "per": "day" } }, "lender": "private"
    });
    if let Some((k, x)) = extra {
        j[k] = x;
    }
    j
}

#[test]
fn private_loan_at_four_times_the_lpr() {
    let o = run(private(None));
    assert_eq!(o["missed"].as_array().unwrap().len(), 1);
    assert_eq!(o["missed"][0]["period"], 3);
    assert_eq!(o["missed"][0]["days"], 10);
    assert_eq!(o["settlement"], "10950.00");
    assert_eq!(o["line"]["rule"], "cnPrivate4xLpr");
    assert_eq!(o["line"]["percent"], "12.0000");
    assert_eq!(o["line"]["lpr"]["from"], "2025-05-20");
    assert_eq!(o["line"]["notes"][0]["code"], "contractDateIsStartDate");
    assert_eq!(o["line"]["ceiling"], "10340.00");
    assert_eq!(o["lawful"]["total"], "10340.00");
    assert_eq!(o["lawful"]["interest"], "340.00");
    assert_eq!(o["lawful"]["penalties"], "0.00");
    assert_eq!(o["removed"].as_array().unwrap().len(), 1);
    assert_eq!(o["removed"][0]["rule"], "cnPrivate4xLpr");
    assert_eq!(o["removed"][0]["amount"], "610.00");
    assert_eq!(o["loanCost"]["aboveLine"], true);
}

/// The contract made on 2025-05-19, before the 2025-05-20 fixing: the
/// 2024-10-21 one-year LPR (3.10 %) → 12.4 %; 10,000 × 12.4 % × 102 ÷ 360 =
/// 351.333 → 351.33; ceiling 10,351.33.
#[test]
fn private_line_uses_the_lpr_of_the_contract_date() {
    let o = run(private(Some(("contractDate", json!("2025-05-19")))));
    assert_eq!(o["line"]["percent"], "12.4000");
    assert_eq!(o["line"]["lpr"]["from"], "2024-10-21");
    assert_eq!(o["line"]["notes"], json!([]));
    assert_eq!(o["line"]["ceiling"], "10351.33");
    assert_eq!(o["lawful"]["total"], "10351.33");
}

/// The lender of record unknown: the 24 % line (the pack scopes
/// cnFinancial24 to it); unlicensed: the private line (4 × LPR) with the
/// note that the contract is void.
#[test]
fn unknown_and_unlicensed_lenders() {
    let o = run(with(worked(), "lender", json!("unknown")));
    assert_eq!(o["view"], "wholeLoan");
    assert_eq!(o["line"]["rule"], "cnFinancial24");
    assert_eq!(o["lawful"]["total"], "12696.87");
    let o = run(private(Some(("lender", json!("unlicensed")))));
    assert_eq!(o["line"]["rule"], "cnPrivate4xLpr");
    assert_eq!(o["line"]["ceiling"], "10340.00");
    assert_eq!(o["line"]["notes"][0]["code"], "unlicensedContractVoid");
}

/// A credit card keeps its own rules: the overdue-only view, on the
/// settlement, with no line over the loan's life.
#[test]
fn credit_card_keeps_the_overdue_only_view() {
    let o = run(with(bank(2, "2026-04-20"), "lender", json!("creditCard")));
    assert_eq!(o["view"], "overdueOnly");
    assert_eq!(o["line"], Json::Null);
    assert_eq!(o["loanCost"], Json::Null);
    assert_eq!(o["claimed"]["total"], "10102.50");
    assert_eq!(o["lawful"], o["claimed"]);
    // With 1,000 deducted at payout (11,000 received), the deduction comes
    // off the principal: 10,000 − 1,000; the 2.50 of 罚息 is below the 24 %
    // reference on the missed 1,000 for 5 days (1,000 × 24 % × 5 ÷ 360 = 3.33).
    let mut j = with(bank(2, "2026-04-20"), "lender", json!("creditCard"));
    j["loan"]["received"] = json!("11000");
    let o = run(j);
    assert_eq!(o["removed"][0]["rule"], "cnActualPrincipal");
    assert_eq!(o["removed"][0]["amount"], "1000.00");
    assert_eq!(o["lawful"]["principal"], "9000.00");
    assert_eq!(o["lawful"]["total"], "9102.50");
}

/// The free-form input keeps its view and has no case fields.
#[test]
fn free_form_is_the_overdue_only_view() {
    let o = run(json!({
        "overdue": { "principal": "1000" }, "days": 10,
        "penalty": { "rate": { "percent": "0.05", "per": "day" } }, "lender": "bank",
        "collectionFee": "50"
    }));
    assert_eq!(o["view"], "overdueOnly");
    assert!(o.get("missed").is_none());
    assert!(o.get("settlement").is_none());
    // 1,000 × 0.05 % × 10 = 5.00 + the 50.00 collection fee; it accrues nothing.
    assert_eq!(o["penaltyInterest"], "5.00");
    assert_eq!(o["collectionFee"], "50.00");
    assert_eq!(o["totalCharges"], "55.00");
    assert_eq!(o["totalOwed"], "1055.00");
}

// ---- errors at their field ----------------------------------------------------

#[test]
fn bad_input_names_its_field() {
    let e = |code: &str, field: &str| (code.to_owned(), Some(field.to_owned()));
    assert_eq!(err(bank(13, "2026-04-20")), e("outOfRange", "paid"));
    assert_eq!(err(bank(2, "2026-02-30")), e("invalidDate", "asOf"));
    assert_eq!(err(bank(2, "2026-01-14")), e("conflict", "asOf"));
    assert_eq!(
        err(with(bank(2, "2026-04-20"), "days", json!(5))),
        e("conflict", "days")
    );
    assert_eq!(
        err(with(
            bank(2, "2026-04-20"),
            "overdue",
            json!({ "principal": "1" })
        )),
        e("conflict", "overdue")
    );
    assert_eq!(
        err(with(
            bank(2, "2026-04-20"),
            "accelerated",
            json!("2026-05-01")
        )),
        e("conflict", "accelerated")
    );
    assert_eq!(
        err(with(bank(2, "2026-04-20"), "upfrontDeduction", json!("10"))),
        e("conflict", "upfrontDeduction")
    );
    let mut no_start = bank(2, "2026-04-20");
    no_start["loan"]
        .as_object_mut()
        .unwrap()
        .remove("startDate");
    assert_eq!(err(no_start), e("missingField", "loan.startDate"));
    let mut no_paid = bank(2, "2026-04-20");
    no_paid.as_object_mut().unwrap().remove("paid");
    assert_eq!(err(no_paid), e("missingField", "paid"));
    let mut bad_loan = bank(2, "2026-04-20");
    bad_loan["loan"]["periods"] = json!(0);
    assert_eq!(err(bad_loan), e("notPositive", "loan.periods"));
    let free = json!({
        "overdue": { "principal": "1000" }, "days": 10, "paid": 1,
        "penalty": { "rate": { "percent": "0.05", "per": "day" } }, "lender": "bank"
    });
    assert_eq!(err(free.clone()), e("missingField", "loan"));
    let mut free = free;
    free.as_object_mut().unwrap().remove("paid");
    free["lateFee"] = json!({ "percentOfRemainingPrincipal": "10", "per": "once" });
    assert_eq!(
        err(free),
        e("conflict", "lateFee.percentOfRemainingPrincipal")
    );
    let two = with(
        worked(),
        "lateFee",
        json!({ "amount": "1", "percentOfRemainingPrincipal": "10", "per": "once" }),
    );
    assert_eq!(err(two), e("conflict", "lateFee"));
    // In repaymentPlans, under overdue.
    assert_eq!(
        plans_err(json!({ "overdue": bank(13, "2026-04-20") })),
        e("outOfRange", "overdue.paid")
    );
    assert_eq!(
        plans_err(json!({ "overdue": bank(2, "2026-13-01") })),
        e("invalidDate", "overdue.asOf")
    );
}

// ---- properties ---------------------------------------------------------------

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]
        /// For any loan case: claimed.total − Σ removed = lawful.total, each
        /// lawful part ≤ its claimed part, lawful ≥ 0, and the settlement is
        /// the claimed total; in repaymentPlans too.
        #[test]
        fn removed_adds_up(
            principal in 1_000u32..50_000,
            deducted_percent in 0u32..20,
            rate in 0u32..60,
            periods in 1u32..24,
            annuity in any::<bool>(),
            paid_frac in 0u32..=100,
            days_after in 0i64..900,
            penalty_bp in 0u32..20,
            compound in any::<bool>(),
            late in 0u32..20,
            collection in 0u32..500,
            lender in prop::sample::select(vec!["bank", "consumerFinance", "microLoan", "private", "creditCard", "other", "unknown", "unlicensed"]),
        ) {
            let received = Decimal::from(principal) * Decimal::from(100 - deducted_percent) / Decimal::from(100);
            let paid = periods * paid_frac / 100;
            let start = repay::calendar::Date::parse("2025-03-31").unwrap();
            let as_of = start.add_days(days_after).unwrap();
            let j = json!({
                "loan": {
                    "principal": principal.to_string(), "received": received.to_string(),
                    "startDate": start.to_string(),
                    "rate": { "percent": rate.to_string(), "per": "year" }, "periods": periods,
                    "method": if annuity { "annuity" } else { "equalPrincipal" },
                    "fees": [{ "amount": "9.99", "when": "eachPeriod" }]
                },
                "paid": paid, "asOf": as_of.to_string(),
                "penalty": { "rate": { "percent": format!("0.{penalty_bp:02}"), "per": "day" } },
                "compound": compound,
                "lateFee": { "percentOfRemainingPrincipal": late.to_string(), "per": "once" },
                "collectionFee": collection.to_string(), "lender": lender
            });
            let o = run(j.clone());
            let removed: Decimal = o["removed"].as_array().unwrap().iter().map(|r| d(&r["amount"])).sum();
            prop_assert_eq!(d(&o["claimed"]["total"]) - removed, d(&o["lawful"]["total"]));
            prop_assert_eq!(d(&o["claimed"]["total"]), d(&o["settlement"]));
            prop_assert!(d(&o["lawful"]["total"]) >= Decimal::ZERO);
            for part in ["principal", "interest", "penalties", "fees", "total"] {
                prop_assert!(d(&o["lawful"][part]) <= d(&o["claimed"][part]), "{}", part);
                prop_assert!(d(&o["lawful"][part]) >= Decimal::ZERO, "{}", part);
            }
            if o["view"] == "wholeLoan" {
                let ceiling = d(&o["line"]["ceiling"]);
                prop_assert_eq!(
                    d(&o["lawful"]["total"]),
                    d(&o["settlement"]).min(ceiling).max(Decimal::ZERO)
                );
            }
            if d(&o["lawful"]["principal"]) > Decimal::ZERO {
                let p = plans(json!({ "overdue": j }));
                prop_assert_eq!(&p["claimed"], &o["claimed"]);
                prop_assert_eq!(&p["lawful"], &o["lawful"]);
            }
        }
    }
}

// ---- paid beyond what had fallen due ------------------------------------------

fn codes(out: &Json) -> Vec<String> {
    out["basis"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["code"].as_str().unwrap().to_owned())
        .collect()
}

/// The worked example's instalments fall due on the 23rd of each month from
/// 2026-06-23: by 2026-12-07 six are due (06-23 … 11-23). Eight paid is two
/// more than that: a note, not an error, and the figures still compute
/// (nothing missed: the unpaid instalments 9–12 are all after asOf).
#[test]
fn paid_beyond_due_is_a_note_not_an_error() {
    let out = run(with(worked(), "paid", json!(8)));
    assert_eq!(out["dueByAsOf"], json!(6));
    assert_eq!(out["paid"], json!(8));
    assert!(codes(&out).contains(&"paidBeyondDue".to_owned()));
    let note = out["basis"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["code"] == "paidBeyondDue")
        .unwrap();
    assert!(note["message"]
        .as_str()
        .unwrap()
        .contains("only 6 instalments were due by 2026-12-07"));
    assert_eq!(out["missed"], json!([]));
    // The worked example itself (4 paid of 6 due) has no such note.
    let ok = run(worked());
    assert_eq!(ok["dueByAsOf"], json!(6));
    assert!(!codes(&ok).contains(&"paidBeyondDue".to_owned()));
}

/// An instalment due on asOf itself is due by asOf (paying it that day is on
/// time): on 2026-11-23 six are due, so 6 paid is fine and 7 is beyond; a day
/// earlier only five are due, so 6 paid is beyond.
#[test]
fn paid_beyond_due_counts_the_instalment_due_on_as_of() {
    let on = with(worked(), "asOf", json!("2026-11-23"));
    let six = run(with(on.clone(), "paid", json!(6)));
    assert_eq!(six["dueByAsOf"], json!(6));
    assert!(!codes(&six).contains(&"paidBeyondDue".to_owned()));
    let seven = run(with(on, "paid", json!(7)));
    assert!(codes(&seven).contains(&"paidBeyondDue".to_owned()));
    let before = run(with(
        with(worked(), "asOf", json!("2026-11-22")),
        "paid",
        json!(6),
    ));
    assert_eq!(before["dueByAsOf"], json!(5));
    assert!(codes(&before).contains(&"paidBeyondDue".to_owned()));
}

/// Declared due (提前到期), the whole loan is due: all 12 instalments.
#[test]
fn paid_beyond_due_after_acceleration_counts_every_instalment() {
    let out = run(with(
        with(worked(), "paid", json!(8)),
        "accelerated",
        json!("2026-12-01"),
    ));
    assert_eq!(out["dueByAsOf"], json!(12));
    assert!(!codes(&out).contains(&"paidBeyondDue".to_owned()));
}
