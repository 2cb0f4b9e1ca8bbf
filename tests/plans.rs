//! `repaymentPlans` and the budget arithmetic of `repay::plan`: NPER against
//! spreadsheet-documented examples, PMT against an independent python3
//! `decimal` computation, infeasible budgets, plan identities, and every
//! input error with its code and field.

mod common;

use common::{code_and_field, dec as d, money, out, v};
use repay::api::repayment_plans;
use repay::budget::{minimum_monthly, months_to_clear, payment_for_months, Clearing};
use repay::money::{DayBasis, Per, Rate};
use repay::ErrorCode;
use rust_decimal::Decimal;

fn yearly(p: &str) -> Rate {
    Rate::new(d(p), Per::Year)
}

fn run(json: &str) -> serde_json::Value {
    out(repayment_plans(&v(json)))
}

fn err(json: &str) -> (ErrorCode, Option<String>) {
    code_and_field(repayment_plans(&v(json)))
}

fn plan<'a>(out: &'a serde_json::Value, kind: &str) -> &'a serde_json::Value {
    out["plans"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["kind"] == kind)
        .unwrap_or_else(|| panic!("no {kind} plan"))
}

// --- NPER: months needed, the final payment rounded -------------------------

/// Spreadsheet NPER documentation (MESCIUS Spread/SpreadJS formula reference,
/// "NPER"): `NPER(0.005,-790,90000,0,1)` gives 167.7227522114, payments at the
/// start of each period. Converted to our end-of-month convention: the first
/// 790 is paid at once, leaving 89,210, and NPER(0.005, −790, 89210) =
/// 166.7227522114 more end-of-month payments (python3 `math.log` check:
/// 166.72275221140455). With interest rounded to cents monthly that is 167
/// payments, the last one 571.43 (python3 `decimal` simulation,
/// `/tmp/plans/ref.py` in the issue notes): 166 × 790 + 571.43 = 131,711.43.
#[test]
fn nper_spreadsheet_example_payments_in_advance() {
    let c = months_to_clear(d("89210"), yearly("6"), DayBasis::D360, d("790"), 600).unwrap();
    assert_eq!(
        c,
        Clearing::Clears {
            months: 167,
            last_payment: d("571.43"),
            total_paid: d("131711.43"),
        }
    );
}

/// A loan of 1,000 at 1 % a month paid 100 a month: spreadsheet
/// NPER(1%, −100, 1000) = ln(1/(1 − 0.1)) / ln(1.01) = 10.5886 (python3), so
/// 11 payments, the last 58.98 (python3 `decimal`, cents each month). (Excel's
/// own documentation example NPER(12%/12, −100, −1000) = −9.57859404 has both
/// flows paid out, an investment, which is why it is negative; the loan form
/// flips the sign of the present value.)
#[test]
fn nper_small_loan() {
    let c = months_to_clear(d("1000"), yearly("12"), DayBasis::D360, d("100"), 600).unwrap();
    assert_eq!(
        c,
        Clearing::Clears {
            months: 11,
            last_payment: d("58.98"),
            total_paid: d("1058.98"),
        }
    );
}

/// Apache OpenOffice Calc documentation, NPER: `=NPER(6%;153.75;2600)` returns
/// −12.02. As a loan of 2,600 at 6 % a month, 153.75 is less than the first
/// month's interest (156.00), so it never clears: we say so instead of
/// returning a negative or endless count. Equal to the interest: never either.
#[test]
fn nper_below_and_at_first_interest_never_clears() {
    let r = yearly("72"); // 6 % a month
    for p in ["153.75", "156", "0"] {
        assert_eq!(
            months_to_clear(d("2600"), r, DayBasis::D360, d(p), 600).unwrap(),
            Clearing::Never,
            "{p}"
        );
    }
    // One cent above the interest clears, after 168 months (python3 `decimal`).
    assert_eq!(
        months_to_clear(d("2600"), r, DayBasis::D360, d("156.01"), 600).unwrap(),
        Clearing::Clears {
            months: 168,
            last_payment: d("0.89"),
            total_paid: d("26054.56"),
        }
    );
    assert_eq!(
        months_to_clear(d("2600"), r, DayBasis::D360, d("156.01"), 60).unwrap(),
        Clearing::TooLong
    );
}

// --- PMT and the minimum monthly ---------------------------------------------

/// 10,000 at 18 % a year over 24 months: python3 `decimal` (prec 50)
/// P·r/(1 − (1+r)^−n) = 499.2410196950872… → 499.24. And the D1 mortgage
/// CN mortgage example (npm loan-calculate-utils README): 1,000,000 at 4.9 % over 360 months → 5,307.27.
#[test]
fn payment_for_n_months_matches_the_annuity_formula() {
    let p = payment_for_months(d("10000"), yearly("18"), DayBasis::D360, 24).unwrap();
    assert_eq!(p, d("499.24"));
    let p = payment_for_months(d("1000000"), yearly("4.9"), DayBasis::D360, 360).unwrap();
    assert_eq!(p, d("5307.27"));
    let p = payment_for_months(d("1000"), yearly("0"), DayBasis::D360, 3).unwrap();
    assert_eq!(p, d("333.33"));
}

/// The smallest payment that clears within the horizon is not always the
/// rounded annuity payment: for 10,000 at 18 % over 60 months the annuity is
/// 253.93 (253.9335…), but paying 253.93 leaves a few cents for a 61st month;
/// 253.94 is the least that clears in 60 (python3 `decimal`, a linear search
/// upward from 253.88, independent of the bisection).
#[test]
fn minimum_monthly_is_the_least_cent_that_clears() {
    let r = yearly("18");
    assert_eq!(
        minimum_monthly(d("10000"), r, DayBasis::D360, 60).unwrap(),
        d("253.94")
    );
    assert_eq!(
        payment_for_months(d("10000"), r, DayBasis::D360, 60).unwrap(),
        d("253.93")
    );
    assert!(matches!(
        months_to_clear(d("10000"), r, DayBasis::D360, d("253.93"), 60).unwrap(),
        Clearing::TooLong
    ));
    // 2,600 at 6 % a month within 60 months: python3 160.88 (annuity 160.8769).
    assert_eq!(
        minimum_monthly(d("2600"), yearly("72"), DayBasis::D360, 60).unwrap(),
        d("160.88")
    );
    // At 0 %: the balance over the months, rounded up to the cent.
    assert_eq!(
        minimum_monthly(d("1000"), yearly("0"), DayBasis::D360, 3).unwrap(),
        d("333.34")
    );
}

// --- The API: budget fit ------------------------------------------------------

#[test]
fn budget_below_first_interest_is_infeasible_not_endless() {
    let out = run(
        r#"{"balance":{"principal":"2600"},"rate":{"percent":"6","per":"month"},
        "lender":"microLoan","monthlyBudget":"153.75"}"#,
    );
    let b = &out["budget"];
    assert_eq!(b["feasible"], false);
    assert_eq!(b["reason"], "belowInterest");
    assert_eq!(b["firstMonthInterest"], "156.00");
    assert_eq!(b["minimumMonthly"], "160.88");
    assert_eq!(b["monthsNeeded"], serde_json::Value::Null);
    // Equal to the interest: the same.
    let out = run(
        r#"{"balance":{"principal":"2600"},"rate":{"percent":"6","per":"month"},
        "lender":"microLoan","monthlyBudget":"156"}"#,
    );
    assert_eq!(out["budget"]["reason"], "belowInterest");
    // Above the interest but beyond 60 months.
    let out = run(
        r#"{"balance":{"principal":"2600"},"rate":{"percent":"6","per":"month"},
        "lender":"microLoan","monthlyBudget":"156.01"}"#,
    );
    assert_eq!(out["budget"]["feasible"], false);
    assert_eq!(out["budget"]["reason"], "beyondMaxMonths");
    // No plan fits; each falls back to maxMonths and says it does not fit.
    let inst = plan(&out, "installment");
    assert_eq!(inst["monthsChosenBy"], "maxMonths");
    assert_eq!(inst["fitsBudget"], false);
}

#[test]
fn budget_fit_months_needed_and_payment_for_months() {
    let out = run(
        r#"{"balance":{"principal":"1000"},"rate":{"percent":"12","per":"year"},
        "lender":"bank","monthlyBudget":100,"months":24}"#,
    );
    let b = &out["budget"];
    assert_eq!(b["feasible"], true);
    assert_eq!(b["monthsNeeded"], 11);
    assert_eq!(b["lastPayment"], "58.98");
    assert_eq!(b["totalPaid"], "1058.98");
    assert_eq!(b["months"], 24);
    // python3: 1000 × 0.01 / (1 − 1.01^−24) = 47.0734… → 47.07.
    assert_eq!(b["paymentForMonths"], "47.07");
    assert_eq!(plan(&out, "installment")["monthlyPayment"], "47.07");
}

// --- The API: the plans -------------------------------------------------------

const CARD: &str = r#"{"balance":{"principal":"10000","interest":"600","penalties":"400","fees":"100"},
    "rate":{"percent":"18","per":"year"},"lender":"creditCard","monthlyBudget":"600",
    "lumpSumOffer":"7000","startDate":"2025-01-31"}"#;

/// Every plan kind, in the order the engine lists them.
const ALL_KINDS: [&str; 6] = [
    "asIs",
    "installment",
    "stopInterest",
    "waivePenalties",
    "deferral",
    "lumpSum",
];

fn kinds(out: &serde_json::Value) -> Vec<&str> {
    out["plans"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["kind"].as_str().unwrap())
        .collect()
}

#[test]
fn plan_identities() {
    let out = run(CARD);
    assert_eq!(kinds(&out), ALL_KINDS);
    let as_is_total = money(&plan(&out, "asIs")["totalPaid"]);
    for p in out["plans"].as_array().unwrap() {
        let rows = p["schedule"].as_array().unwrap();
        let sum: Decimal = rows.iter().map(|r| money(&r["payment"])).sum();
        assert_eq!(money(&p["totalPaid"]), sum, "{}", p["kind"]);
        assert_eq!(rows.len() as u64, p["months"].as_u64().unwrap());
        assert_eq!(rows.last().unwrap()["balance"], "0.00", "{}", p["kind"]);
        assert_eq!(
            money(&p["savingVsAsIs"]),
            as_is_total - money(&p["totalPaid"])
        );
        for r in rows {
            if p["kind"] != "deferral" || !money(&r["payment"]).is_zero() {
                assert_eq!(
                    money(&r["payment"]),
                    money(&r["principal"]) + money(&r["interest"]),
                    "{} {}",
                    p["kind"],
                    r["period"]
                );
            }
        }
        assert!(["contract", "lenderDiscretion", "practice"]
            .contains(&p["basis"]["standing"].as_str().unwrap()));
        let text = format!("{}{}", p["basis"]["rule"], p["basis"]["note"]).to_lowercase();
        assert!(!text.contains("right"), "{text}");
    }
    // 停息挂账: the frozen balance 11,100.00 paid exactly, in equal parts.
    let stop = plan(&out, "stopInterest");
    assert_eq!(stop["totalPaid"], "11100.00");
    assert_eq!(stop["monthsChosenBy"], "budget");
    // The fewest months whose parts fit 600: 11,100 / 19 = 584.21; / 18 = 616.67.
    assert_eq!(stop["months"], 19);
    assert_eq!(stop["monthlyPayment"], "584.21");
    assert_eq!(stop["fitsBudget"], true);
    assert_eq!(stop["schedule"][0]["dueDate"], "2025-02-28");
    assert!(stop["basis"]["rule"].as_str().unwrap().contains("第70条"));
    // Waive penalties: 10,600 at 18 %, waived 500.00.
    let waive = plan(&out, "waivePenalties");
    assert_eq!(waive["waived"], "500.00");
    assert!(waive["fitsBudget"] == true);
    // Deferral: 3 months, interest capitalised monthly.
    let def = plan(&out, "deferral");
    assert_eq!(def["holidayMonths"], 3);
    assert_eq!(def["interestCapitalised"], true);
    // python3: 11100 → +166.50 → 11266.50 → +169.00 → 11435.50 → +171.53 → 11607.03.
    assert_eq!(def["accruedInterest"], "507.03");
    assert_eq!(def["schedule"][2]["balance"], "11607.03");
    assert_eq!(def["schedule"][0]["payment"], "0.00");
    // Lump sum: 7,000 of 11,100; discount 4,100 = 36.9369 %.
    let lump = plan(&out, "lumpSum");
    let s = &lump["settlement"];
    assert_eq!(s["discount"], "4100.00");
    assert_eq!(s["discountPercent"], "36.9369");
    assert_eq!(s["source"], "offer");
    assert_eq!(lump["schedule"][0]["dueDate"], "2025-01-31");
    assert_eq!(lump["fitsBudget"], serde_json::Value::Null);
    let level = money(&plan(&out, "installment")["monthlyPayment"]);
    let eq = d("7000") / level;
    assert_eq!(
        d(s["equivalentMonths"].as_str().unwrap()),
        eq.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
    );
}

/// The as-is plan is what the contract says now: the whole 11,100 is due on
/// the start date, one payment. A budget of 600 does not cover it, so it
/// does not fit (and no single payment "is over" a budget it never met);
/// a budget of 11,100 does.
#[test]
fn as_is_is_due_now_and_fits_only_a_budget_that_covers_it() {
    let out = run(CARD);
    let as_is = plan(&out, "asIs");
    assert_eq!(as_is["months"], 1);
    assert_eq!(as_is["schedule"][0]["payment"], "11100.00");
    assert_eq!(as_is["schedule"][0]["dueDate"], "2025-01-31");
    assert_eq!(as_is["totalPaid"], "11100.00");
    assert_eq!(as_is["fitsBudget"], false);
    assert_eq!(as_is["overBudget"], serde_json::Value::Null);
    assert_eq!(as_is["savingVsAsIs"], "0.00");
    let out = run(&CARD.replace(r#""monthlyBudget":"600""#, r#""monthlyBudget":"11100""#));
    assert_eq!(plan(&out, "asIs")["fitsBudget"], true);
    let out = run(&CARD.replace(r#""monthlyBudget":"600""#, r#""monthlyBudget":"11099.99""#));
    assert_eq!(plan(&out, "asIs")["fitsBudget"], false);
}

#[test]
fn without_a_budget_everything_is_due_now_and_fits_is_null() {
    let out =
        run(r#"{"balance":{"principal":"5000","penalties":"300"},"lender":"private","months":10}"#);
    let as_is = plan(&out, "asIs");
    assert_eq!(as_is["months"], 1);
    assert_eq!(as_is["totalPaid"], "5300.00");
    assert_eq!(as_is["fitsBudget"], serde_json::Value::Null);
    assert_eq!(out["budget"]["feasible"], serde_json::Value::Null);
    // 0 % when no rate: instalments add nothing.
    let inst = plan(&out, "installment");
    assert_eq!(inst["totalPaid"], "5300.00");
    assert_eq!(inst["monthlyPayment"], "530.00");
    assert_eq!(inst["monthsChosenBy"], "requested");
    assert_eq!(plan(&out, "waivePenalties")["totalPaid"], "5000.00");
    assert_eq!(plan(&out, "waivePenalties")["savingVsAsIs"], "300.00");
    // No lump-sum figure given: the plan proposes principal + interest now
    // (penalties and fees waived), the usual settlement ask; nothing to fit.
    let lump = plan(&out, "lumpSum");
    assert_eq!(lump["settlement"]["source"], "proposal");
    assert_eq!(lump["totalPaid"], "5000.00");
    assert_eq!(lump["settlement"]["discount"], "300.00");
    assert_eq!(lump["fitsBudget"], serde_json::Value::Null);
    assert_eq!(kinds(&out), ALL_KINDS);
    // Private lender: Art. 678 extension, a lender's discretion.
    let b = &inst["basis"];
    assert_eq!(b["standing"], "lenderDiscretion");
    assert_eq!(b["confidence"], "primary");
}

#[test]
fn lump_sum_available_is_capped_at_the_balance() {
    let out = run(r#"{"balance":{"principal":"1000"},"lender":"microLoan","lumpSum":"5000"}"#);
    let lump = plan(&out, "lumpSum");
    assert_eq!(lump["totalPaid"], "1000.00");
    assert_eq!(lump["settlement"]["source"], "available");
    assert_eq!(lump["fitsBudget"], true);
    // Without months or budget, instalments run to maxMonths.
    assert_eq!(plan(&out, "installment")["months"], 60);
    assert_eq!(plan(&out, "installment")["monthsChosenBy"], "maxMonths");
}

#[test]
fn max_rate_and_max_money_do_not_panic() {
    let out = repayment_plans(&v(
        r#"{"balance":{"principal":"1000000000000","interest":"1000000000000",
        "penalties":"1000000000000","fees":"1000000000000"},"rate":{"percent":"1000000","per":"year"},
        "lender":"other","monthlyBudget":"1","deferralMonths":24}"#,
    ));
    // Either plans or a clean overflow error, never a panic.
    if let Err(e) = out {
        assert_eq!(e.code, ErrorCode::Overflow);
    }
    let out = run(
        r#"{"balance":{"principal":"0.01"},"rate":{"percent":"36","per":"year"},"lender":"other"}"#,
    );
    assert_eq!(plan(&out, "installment")["totalPaid"], "0.01");
}

// --- Errors: code and field ---------------------------------------------------

#[test]
fn every_error_names_its_field() {
    use ErrorCode as E;
    let whole: &[(&str, ErrorCode, &str)] = &[
        (r#"{"lender":"bank"}"#, E::MissingField, "balance"),
        (
            r#"{"balance":"1","lender":"bank"}"#,
            E::WrongType,
            "balance",
        ),
        (
            r#"{"balance":{},"lender":"bank"}"#,
            E::MissingField,
            "balance.principal",
        ),
        (
            r#"{"balance":{"principal":"0"},"lender":"bank"}"#,
            E::NotPositive,
            "balance.principal",
        ),
        (
            r#"{"balance":{"principal":"0.001"},"lender":"bank"}"#,
            E::BelowMinimum,
            "balance.principal",
        ),
        (
            r#"{"balance":{"principal":"99999999999999999999999"},"lender":"bank"}"#,
            E::TooLarge,
            "balance.principal",
        ),
        (
            r#"{"balance":{"principal":"-1"},"lender":"bank"}"#,
            E::NegativeAmount,
            "balance.principal",
        ),
        (
            r#"{"balance":{"principal":"1","penalty":"1"},"lender":"bank"}"#,
            E::UnknownField,
            "balance.penalty",
        ),
        (
            r#"{"balance":{"principal":"1","fees":"x"},"lender":"bank"}"#,
            E::InvalidNumber,
            "balance.fees",
        ),
        (
            r#"{"balance":{"principal":"1"}}"#,
            E::MissingField,
            "lender",
        ),
        (
            r#"{"balance":{"principal":"1"},"lender":"loanShark"}"#,
            E::UnknownValue,
            "lender",
        ),
    ];
    // A bank debt of 1.00 with these fields added.
    let added: &[(&str, ErrorCode, &str)] = &[
        (
            r#""rate":{"percent":"-1","per":"year"}"#,
            E::NegativeAmount,
            "rate.percent",
        ),
        (r#""rate":{"percent":"1"}"#, E::MissingField, "rate.per"),
        (r#""maxMonths":61"#, E::OutOfRange, "maxMonths"),
        (r#""maxMonths":0"#, E::NotPositive, "maxMonths"),
        (r#""maxMonths":12,"months":13"#, E::Conflict, "months"),
        (r#""months":1.5"#, E::NotWhole, "months"),
        (
            r#""months":"99999999999999999999999""#,
            E::TooLarge,
            "months",
        ),
        (r#""deferralMonths":0"#, E::NotPositive, "deferralMonths"),
        (r#""deferralMonths":25"#, E::OutOfRange, "deferralMonths"),
        (
            r#""monthlyBudget":"1e3""#,
            E::InvalidNumber,
            "monthlyBudget",
        ),
        (r#""lumpSum":-5"#, E::NegativeAmount, "lumpSum"),
        (r#""lumpSumOffer":"0""#, E::NotPositive, "lumpSumOffer"),
        (r#""lumpSumOffer":"2""#, E::Conflict, "lumpSumOffer"),
        (r#""startDate":"2025-02-30""#, E::InvalidDate, "startDate"),
        (r#""startDate":"2200-12-01""#, E::OutOfRange, "startDate"),
        (r#""dayBasis":364"#, E::UnknownValue, "dayBasis"),
        (r#""budget":"100""#, E::UnknownField, "budget"),
    ];
    let added = added.iter().map(|&(fields, code, field)| {
        let json = format!(r#"{{"balance":{{"principal":"1"}},"lender":"bank",{fields}}}"#);
        (json, code, field)
    });
    let whole = whole
        .iter()
        .map(|&(json, code, field)| (json.to_owned(), code, field));
    for (json, code, field) in whole.chain(added) {
        assert_eq!(err(&json), (code, Some(field.to_owned())), "{json}");
    }
    assert_eq!(err("[]").0, ErrorCode::WrongType);
}

/// A one-off payment goes to costs and interest first, then principal (Civil
/// Code Art. 561, as `overdueCost`'s allocation): of 500 against 200 interest
/// and 100 penalties, 300 covers those and 200 reduces the principal.
#[test]
fn case_lump_sum_applies_costs_and_interest_before_principal() {
    let out = run(
        r#"{"balance":{"principal":"1000","interest":"200","penalties":"100"},"lender":"bank","lumpSum":"500"}"#,
    );
    let row = &plan(&out, "lumpSum")["schedule"][0];
    assert_eq!(row["payment"], "500.00");
    assert_eq!(row["principal"], "200.00");
    assert_eq!(row["interest"], "300.00");
}

// --- overBudget: the payment that keeps a plan from fitting -------------------

/// At a budget equal to the least monthly amount, a plan whose regular payment
/// fits but one payment does not names that payment; plans that fit, plans
/// whose regular payment is over, the lump sum, and every plan without a
/// budget say null.
#[test]
fn over_budget_names_the_one_payment_above_the_budget() {
    let input = |budget: &str| {
        format!(
            r#"{{"balance":{{"principal":"10000","interest":"300","penalties":"200"}},"rate":{{"percent":"24","per":"year"}},"lender":"consumerFinance","deferralMonths":3{budget}}}"#
        )
    };
    let without = run(&input(""));
    for p in without["plans"].as_array().unwrap() {
        assert_eq!(p["overBudget"], serde_json::Value::Null, "{}", p["kind"]);
    }
    let minimum = run(&input(r#","monthlyBudget":"1""#))["budget"]["minimumMonthly"].clone();
    let budget = money(&minimum);
    let out = run(&input(&format!(r#","monthlyBudget":{minimum}"#)));
    let mut named = 0;
    for p in out["plans"].as_array().unwrap() {
        let over = &p["overBudget"];
        let regular_fits = money(&p["monthlyPayment"]) <= budget;
        if p["kind"] == "lumpSum" || p["fitsBudget"] == true || !regular_fits {
            assert_eq!(over, &serde_json::Value::Null, "{}", p["kind"]);
            continue;
        }
        named += 1;
        let first = p["schedule"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| money(&r["payment"]) > budget)
            .unwrap();
        assert_eq!(over["period"], first["period"], "{}", p["kind"]);
        assert_eq!(over["payment"], first["payment"], "{}", p["kind"]);
    }
    // The case this is about: the instalment plan's last payment (10,000 at 24 %).
    assert!(named >= 1, "{out}");
    assert_eq!(plan(&out, "installment")["overBudget"]["period"], 60);
}
