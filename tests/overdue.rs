//! `overdueCost` through the public API: reference cases (expected values
//! computed independently with Python's `decimal`, half-up to cents), caps at
//! their boundaries per lender type, the 2020-08-20 transition, payment
//! allocation, the series, and every error path with its code and field.

mod common;

use common::{code_and_field, input, out};
use repay::api::overdue_cost;
use repay::input::Value;
use serde_json::{json, Value as Json};

fn run(j: Json) -> Json {
    out(overdue_cost(&input(j)))
}

fn err(j: Json) -> (String, Option<String>) {
    let (code, field) = code_and_field(overdue_cost(&input(j)));
    (code.as_str().to_owned(), field)
}

fn cap<'a>(out: &'a Json, rule: &str) -> &'a Json {
    out["caps"]
        .as_array()
        .and_then(|cs| cs.iter().find(|c| c["rule"] == rule))
        .unwrap_or_else(|| panic!("no cap {rule} in {out}"))
}

/// A simple case: `principal` overdue for `days` at `rate` % a year.
fn yearly(lender: &str, principal: &str, rate: &str, days: u32) -> Json {
    json!({
        "overdue": { "principal": principal },
        "days": days,
        "penalty": { "rate": { "percent": rate, "per": "year" } },
        "lender": lender,
    })
}

// ---- reference cases -------------------------------------------------------

#[test]
fn daily_rate_wan_fen_zhi_wu() {
    // 10,000 × 0.05 % × 30 = 150.00; annualized 150 / 10,000 / 30 × 360 × 100 = 18.
    let out = run(json!({
        "overdue": { "principal": "10000" },
        "days": 30,
        "penalty": { "rate": { "percent": "0.05", "per": "day" } },
        "lender": "creditCard",
    }));
    assert_eq!(out["days"], 30);
    assert_eq!(out["penaltyInterest"], "150.00");
    assert_eq!(out["compoundInterest"], "0.00");
    assert_eq!(out["lateFees"], "0.00");
    assert_eq!(out["totalCharges"], "150.00");
    assert_eq!(out["totalOwed"], "10150.00");
    assert_eq!(out["annualizedPercent"], "18.0000");
    assert_eq!(out["penaltyRate"]["annualPercent"], "18.0000");
    assert_eq!(out["penaltyRate"]["dailyPercent"], "0.0500");
}

#[test]
fn daily_rate_on_a_365_day_basis() {
    // The daily rate is the same; only the annualized figure changes: ×365 = 18.25 (D10).
    let out = run(json!({
        "overdue": { "principal": "10000" },
        "days": 30,
        "penalty": { "rate": { "percent": "0.05", "per": "day" } },
        "lender": "creditCard",
        "dayBasis": 365,
    }));
    assert_eq!(out["penaltyInterest"], "150.00");
    assert_eq!(out["annualizedPercent"], "18.2500");
}

#[test]
fn markup_on_the_contract_rate_and_compound_360_vs_365() {
    // 4.35 %/year raised 50 % = 6.525 %/year.
    // 360: 100,000 × 6.525 % × 90/360 = 1631.25; 1,200 × … = 19.575 → 19.58 (half-up).
    // 365: 1608.9041… → 1608.90; 19.3068… → 19.31.
    for (basis, pen, comp, total) in [
        (360, "1631.25", "19.58", "1650.83"),
        (365, "1608.90", "19.31", "1628.21"),
    ] {
        let out = run(json!({
            "overdue": { "principal": "100000", "interest": "1200" },
            "days": 90,
            "penalty": { "contractRate": { "percent": "4.35", "per": "year" }, "markupPercent": "50" },
            "compound": true,
            "lender": "bank",
            "dayBasis": basis,
        }));
        assert_eq!(out["penaltyRate"]["annualPercent"], "6.5250", "{basis}");
        assert_eq!(out["penaltyInterest"], pen, "{basis}");
        assert_eq!(out["compoundInterest"], comp, "{basis}");
        assert_eq!(out["totalCharges"], total, "{basis}");
    }
}

#[test]
fn compound_is_off_unless_asked() {
    let out = run(json!({
        "overdue": { "principal": "100000", "interest": "1200" },
        "days": 90,
        "penalty": { "contractRate": { "percent": "4.35", "per": "year" }, "markupPercent": "50" },
        "lender": "bank",
    }));
    assert_eq!(out["compoundInterest"], "0.00");
    assert_eq!(out["totalCharges"], "1631.25");
    assert_eq!(out["totalOwed"], "102831.25");
}

#[test]
fn late_fees_once_and_per_started_month() {
    let base = |days: u32, fee: Json| {
        run(json!({
            "overdue": { "principal": "1000" },
            "days": days,
            "penalty": { "rate": { "percent": "0", "per": "day" } },
            "lateFee": fee,
            "lender": "other",
        }))
    };
    for days in [1, 30, 400] {
        let out = base(days, json!({ "amount": "50", "per": "once" }));
        assert_eq!(
            (out["lateFeeCount"].clone(), out["lateFees"].clone()),
            (json!(1), json!("50.00"))
        );
    }
    for (days, count, fees) in [
        (1, 1, "50.00"),
        (30, 1, "50.00"),
        (31, 2, "100.00"),
        (60, 2, "100.00"),
        (61, 3, "150.00"),
    ] {
        let out = base(days, json!({ "amount": "50", "per": "month" }));
        assert_eq!(out["lateFeeCount"], count, "{days}");
        assert_eq!(out["lateFees"], fees, "{days}");
        assert_eq!(out["totalCharges"], fees, "{days}");
    }
}

#[test]
fn percent_late_fee_is_rounded_each_time() {
    // 5 % of (1000 + 33.33) = 51.6665 → 51.67 each; 45 days = 2 started months → 103.34.
    let out = run(json!({
        "overdue": { "principal": "1000", "interest": "33.33" },
        "days": 45,
        "penalty": { "rate": { "percent": "0", "per": "day" } },
        "lateFee": { "percentOfOverdue": "5", "per": "month" },
        "lender": "other",
    }));
    assert_eq!(out["lateFees"], "103.34");
}

// ---- worked cases ----------------------------------------------------------

#[test]
fn worked_bank_loan_with_markup_and_compound() {
    // 100,000 principal + 1,200 interest overdue 2025-01-15 → 2025-03-31 (75 days),
    // 4.35 % + 50 % = 6.525 %/year, compound: 1359.375 → 1359.38; 16.3125 → 16.31.
    let out = run(json!({
        "overdue": { "principal": "100000", "interest": "1200" },
        "from": "2025-01-15", "to": "2025-03-31",
        "penalty": { "contractRate": { "percent": "4.35", "per": "year" }, "markupPercent": "50" },
        "compound": true,
        "lender": "bank",
        "contractDate": "2023-03-01",
    }));
    assert_eq!(out["days"], 75);
    assert_eq!(out["penaltyInterest"], "1359.38");
    assert_eq!(out["compoundInterest"], "16.31");
    assert_eq!(out["totalCharges"], "1375.69");
    assert_eq!(out["totalOwed"], "102575.69");
    assert_eq!(out["annualizedPercent"], "6.6033");
    let f = cap(&out, "cnFinancial24");
    assert_eq!(
        (
            f["applies"].clone(),
            f["capAmount"].clone(),
            f["excess"].clone()
        ),
        (json!(true), json!("5000.00"), json!("0.00"))
    );
    assert_eq!(cap(&out, "cnPrivate4xLpr")["applies"], false);
    let codes: Vec<&str> = out["basis"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|b| b["code"].as_str())
        .collect();
    assert!(
        codes.contains(&"penaltyMarkup") && codes.contains(&"compoundOnOverdueInterest"),
        "{codes:?}"
    );
    let markup = out["basis"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["code"] == "penaltyMarkup")
        .unwrap();
    assert!(markup["message"].as_str().unwrap().contains("unconfirmed"));
}

#[test]
fn worked_private_loan_above_four_times_lpr() {
    // Contract 2023-09-01: LPR 3.45 % (from 2023-08-21) → cap 13.8 %.
    // 50,000 at 2 %/month for 181 days (2025-01-01 → 2025-07-01) = 6033.33; + 1,000 违约金.
    // Cap 50,000 × 13.8 % × 181/360 = 3469.1666… → 3469.17; excess 7033.33 − 3469.17 = 3564.16.
    let out = run(json!({
        "overdue": { "principal": "50000" },
        "from": "2025-01-01", "to": "2025-07-01",
        "penalty": { "rate": { "percent": "2", "per": "month" } },
        "lateFee": { "amount": "1000", "per": "once" },
        "lender": "private",
        "contractDate": "2023-09-01",
    }));
    assert_eq!(out["days"], 181);
    assert_eq!(out["penaltyInterest"], "6033.33");
    assert_eq!(out["totalCharges"], "7033.33");
    assert_eq!(out["totalOwed"], "57033.33");
    assert_eq!(out["annualizedPercent"], "27.9779");
    let p = cap(&out, "cnPrivate4xLpr");
    assert_eq!(p["applies"], true);
    assert_eq!(p["capPercent"], "13.8000");
    assert_eq!(p["capAmount"], "3469.17");
    assert_eq!(p["excess"], "3564.16");
    assert_eq!(p["lpr"]["from"], "2023-08-21");
    assert_eq!(p["lpr"]["oneYearPercent"], "3.4500");
    assert_eq!(p["confidence"], "primary");
    assert_eq!(p["source"]["article"], "第二十五条、第二十八条、第二十九条");
    assert_eq!(cap(&out, "cnFinancial24")["applies"], false);
    let c36 = cap(&out, "cnIllegalLending36");
    assert_eq!(
        (
            c36["applies"].clone(),
            c36["capAmount"].clone(),
            c36["excess"].clone()
        ),
        (json!(true), json!("9050.00"), json!("0.00"))
    );
    assert_eq!(c36["kind"], "criminalReference");
}

#[test]
fn worked_credit_card() {
    // 20,000 principal + 600 interest + 300 fees, 0.05 %/day for 60 days, compound and
    // interest on fees, 5 % late fee once: 600.00 + 18.00 + 9.00 + 1045.00 = 1672.00.
    let out = run(json!({
        "overdue": { "principal": "20000", "interest": "600", "fees": "300" },
        "days": 60,
        "penalty": { "rate": { "percent": "0.05", "per": "day" } },
        "compound": true,
        "chargeOnFees": true,
        "lateFee": { "percentOfOverdue": "5", "per": "once" },
        "lender": "creditCard",
    }));
    assert_eq!(out["penaltyInterest"], "600.00");
    assert_eq!(out["compoundInterest"], "18.00");
    assert_eq!(out["interestOnFees"], "9.00");
    assert_eq!(out["lateFees"], "1045.00");
    assert_eq!(out["totalCharges"], "1672.00");
    assert_eq!(out["overdueTotal"], "20900.00");
    assert_eq!(out["totalOwed"], "22572.00");
    assert_eq!(out["annualizedPercent"], "50.1600");
    let fees = cap(&out, "cnCardNoInterestOnFees");
    assert_eq!(
        (
            fees["applies"].clone(),
            fees["capAmount"].clone(),
            fees["charged"].clone(),
            fees["excess"].clone()
        ),
        (json!(true), json!("0.00"), json!("9.00"), json!("9.00"))
    );
    let f = cap(&out, "cnFinancial24");
    assert_eq!(
        (
            f["applies"].clone(),
            f["capAmount"].clone(),
            f["excess"].clone()
        ),
        (json!(true), json!("800.00"), json!("872.00"))
    );
    let c = cap(&out, "cnIllegalLending36");
    assert_eq!(
        (c["capAmount"].clone(), c["excess"].clone()),
        (json!("1200.00"), json!("472.00"))
    );
}

// ---- caps at the boundary --------------------------------------------------

/// Private cap on 10,000 for 360 days (basis 360) with the contract on each side of
/// every one-year LPR change after 2020-08-20 (Python: 4 × LPR in force that day).
const PRIVATE_BOUNDARIES: [(&str, &str, &str); 16] = [
    ("2021-12-19", "15.4000", "1540.00"),
    ("2021-12-20", "15.2000", "1520.00"),
    ("2022-01-19", "15.2000", "1520.00"),
    ("2022-01-20", "14.8000", "1480.00"),
    ("2022-08-21", "14.8000", "1480.00"),
    ("2022-08-22", "14.6000", "1460.00"),
    ("2023-06-19", "14.6000", "1460.00"),
    ("2023-06-20", "14.2000", "1420.00"),
    ("2023-08-20", "14.2000", "1420.00"),
    ("2023-08-21", "13.8000", "1380.00"),
    ("2024-07-21", "13.8000", "1380.00"),
    ("2024-07-22", "13.4000", "1340.00"),
    ("2024-10-20", "13.4000", "1340.00"),
    ("2024-10-21", "12.4000", "1240.00"),
    ("2025-05-19", "12.4000", "1240.00"),
    ("2025-05-20", "12.0000", "1200.00"),
];

#[test]
fn private_cap_on_both_sides_of_every_lpr_change() {
    for (date, percent, amount) in PRIVATE_BOUNDARIES {
        let cap_rate: f64 = percent.parse().unwrap();
        // Just under (−0.01 %/year = −1.00), at, just over (+1.00).
        for (delta, excess) in [(-0.01, "0.00"), (0.0, "0.00"), (0.01, "1.00")] {
            let mut j = yearly("private", "10000", &format!("{:.2}", cap_rate + delta), 360);
            j["contractDate"] = json!(date);
            let out = run(j);
            let c = cap(&out, "cnPrivate4xLpr");
            assert_eq!(c["capPercent"], percent, "{date}");
            assert_eq!(c["capAmount"], amount, "{date}");
            assert_eq!(c["excess"], excess, "{date} {delta}");
            assert_eq!(c["applies"], true);
        }
    }
}

#[test]
fn financial_24_line_per_lender_type() {
    // 10,000 × 24 % × 360/360 = 2400.00.
    for (lender, applies) in [
        ("bank", true),
        ("creditCard", true),
        ("consumerFinance", true),
        ("microLoan", true),
        ("private", false),
        ("other", false),
    ] {
        for (rate, excess) in [("23.99", "0.00"), ("24", "0.00"), ("24.01", "1.00")] {
            let out = run(yearly(lender, "10000", rate, 360));
            let c = cap(&out, "cnFinancial24");
            assert_eq!(c["applies"], applies, "{lender}");
            assert_eq!(c["capAmount"], "2400.00");
            assert_eq!(c["excess"], excess, "{lender} {rate}");
            assert_eq!(c["confidence"], "secondary");
        }
    }
}

/// The 36 % line of the 2019 illegal-lending opinion concerns unlicensed
/// lending: it applies to private and other lenders, not to licensed ones.
#[test]
fn illegal_lending_36_line_for_unlicensed_lenders() {
    for (lender, applies) in [
        ("bank", false),
        ("creditCard", false),
        ("consumerFinance", false),
        ("microLoan", false),
        ("private", true),
        ("other", true),
    ] {
        for (rate, excess) in [("35.99", "0.00"), ("36", "0.00"), ("36.01", "1.00")] {
            let out = run(yearly(lender, "10000", rate, 360));
            let c = cap(&out, "cnIllegalLending36");
            assert_eq!(c["applies"], json!(applies), "{lender} {rate}");
            assert_eq!(c["capAmount"], json!("3600.00"), "{lender} {rate}");
            if applies {
                assert_eq!(c["excess"], json!(excess), "{lender} {rate}");
            }
        }
    }
}

#[test]
fn private_cap_does_not_cover_microloan_companies() {
    let mut j = yearly("microLoan", "10000", "20", 360);
    j["contractDate"] = json!("2025-06-01");
    let out = run(j);
    assert_eq!(cap(&out, "cnPrivate4xLpr")["applies"], false);
    assert_eq!(cap(&out, "cnFinancial24")["applies"], true);
}

#[test]
fn card_fee_rule_only_for_cards_and_only_on_fee_interest() {
    let j = |lender: &str, on_fees: bool| {
        json!({
            "overdue": { "principal": "1000", "fees": "100" },
            "days": 10,
            "penalty": { "rate": { "percent": "0.05", "per": "day" } },
            "chargeOnFees": on_fees,
            "lender": lender,
        })
    };
    // 100 × 0.05 % × 10 = 0.50.
    let c = run(j("creditCard", true));
    assert_eq!(cap(&c, "cnCardNoInterestOnFees")["excess"], "0.50");
    let c = run(j("creditCard", false));
    assert_eq!(cap(&c, "cnCardNoInterestOnFees")["excess"], "0.00");
    assert_eq!(c["interestOnFees"], "0.00");
    let c = run(j("bank", true));
    assert_eq!(cap(&c, "cnCardNoInterestOnFees")["applies"], false);
}

// ---- the 2020-08-20 transition (Art. 31) -----------------------------------

#[test]
fn contract_on_each_side_of_2020_08_20() {
    // On 2020-08-20: 4 × 3.85 % (LPR from 2020-04-20) = 15.4 % for the whole period.
    let j = |contract: &str| {
        json!({
            "overdue": { "principal": "10000" },
            "from": "2021-01-01", "to": "2021-12-27",
            "penalty": { "rate": { "percent": "20", "per": "year" } },
            "lender": "private",
            "contractDate": contract,
            "filingDate": "2024-10-21",
        })
    };
    let on = run(j("2020-08-20"));
    let c = cap(&on, "cnPrivate4xLpr");
    assert_eq!(c["capPercent"], "15.4000");
    // The day before: Art. 31, every overdue day is after the split → 4 × LPR at filing (3.10 %).
    let before = run(j("2020-08-19"));
    let c = cap(&before, "cnPrivateTransition");
    assert_eq!(c["capPercent"], "12.4000");
    assert_eq!(c["segments"].as_array().unwrap().len(), 1);
    assert_eq!(c["segments"][0]["lpr"]["from"], "2024-10-21");
}

#[test]
fn period_split_at_2020_08_20() {
    // 2020-07-01 → 2020-09-29 = 90 days: 50 before the split at 24 %, 40 after at 4 × 3.10 %.
    // 10,000 × 24 × 50/36,000 = 333.33…; 10,000 × 12.4 × 40/36,000 = 137.77…; sum 471.11.
    let out = run(json!({
        "overdue": { "principal": "10000" },
        "from": "2020-07-01", "to": "2020-09-29",
        "penalty": { "rate": { "percent": "20", "per": "year" } },
        "lender": "private",
        "contractDate": "2019-10-01",
        "filingDate": "2024-10-21",
    }));
    let c = cap(&out, "cnPrivateTransition");
    assert_eq!(c["capAmount"], "471.11");
    assert_eq!(c["capPercent"], "18.8444");
    let s = c["segments"].as_array().unwrap();
    assert_eq!(
        (
            s[0]["days"].clone(),
            s[0]["capPercent"].clone(),
            s[0]["capAmount"].clone(),
            s[0]["rule"].clone()
        ),
        (
            json!(50),
            json!("24.0000"),
            json!("333.33"),
            json!("cnPrivate2015")
        )
    );
    assert_eq!(
        (
            s[1]["days"].clone(),
            s[1]["capPercent"].clone(),
            s[1]["capAmount"].clone(),
            s[1]["from"].clone()
        ),
        (
            json!(40),
            json!("12.4000"),
            json!("137.78"),
            json!("2020-08-20")
        )
    );
    assert_eq!(c["source"]["article"], "第三十一条");
    // Filing the day before the LPR change: 4 × 3.35 % = 13.4 %.
    let mut j = json!({
        "overdue": { "principal": "10000" },
        "from": "2020-07-01", "to": "2020-09-29",
        "penalty": { "rate": { "percent": "20", "per": "year" } },
        "lender": "private",
        "contractDate": "2019-10-01",
        "filingDate": "2024-10-20",
    });
    let c2 = run(j.clone());
    assert_eq!(
        cap(&c2, "cnPrivateTransition")["segments"][1]["capPercent"],
        "13.4000"
    );
    // A case filed before the split: the 2015 rule throughout (10,000 × 24 % × 90/360 = 600).
    j["filingDate"] = json!("2020-06-01");
    j["contractDate"] = json!("2019-01-01");
    let c3 = run(j);
    let c = cap(&c3, "cnPrivate2015");
    assert_eq!(
        (c["capPercent"].clone(), c["capAmount"].clone()),
        (json!("24.0000"), json!("600.00"))
    );
}

#[test]
fn contract_before_any_lpr_uses_the_2015_rule_then_filing_lpr() {
    // Contract 2018-05-01 (no LPR yet). 2020-08-01 → 2020-08-31: 19 days at 24 %,
    // 11 days at 4 × LPR on the default filing date (`to`, 2020-08-31: 3.85 %) = 15.4 %.
    // 10,000 × (24 × 19 + 15.4 × 11) / 36,000 = 173.72; weighted 20.8467 %.
    let out = run(json!({
        "overdue": { "principal": "10000" },
        "from": "2020-08-01", "to": "2020-08-31",
        "penalty": { "rate": { "percent": "20", "per": "year" } },
        "lender": "private",
        "contractDate": "2018-05-01",
    }));
    let c = cap(&out, "cnPrivateTransition");
    assert_eq!(c["capAmount"], "173.72");
    assert_eq!(c["capPercent"], "20.8467");
    let codes: Vec<&str> = c["notes"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|n| n["code"].as_str())
        .collect();
    assert!(codes.contains(&"filingDateAssumed"), "{codes:?}");
}

#[test]
fn missing_contract_date_is_an_explained_assumption() {
    let out = run(yearly("private", "10000", "10", 360));
    let c = cap(&out, "cnPrivate4xLpr");
    assert_eq!(c["capPercent"], "12.0000");
    assert_eq!(c["notes"][0]["code"], "contractDateAssumed");
}

#[test]
fn upfront_deduction_lowers_the_cap_base() {
    // Actual principal 9,000: 24 % × 9,000 × 360/360 = 2160.00.
    let mut j = yearly("bank", "10000", "24", 360);
    j["upfrontDeduction"] = json!("1000");
    let out = run(j);
    let c = cap(&out, "cnFinancial24");
    assert_eq!(
        (
            c["capBase"].clone(),
            c["capAmount"].clone(),
            c["excess"].clone()
        ),
        (json!("9000.00"), json!("2160.00"), json!("240.00"))
    );
}

// ---- UK HCSTC --------------------------------------------------------------

#[test]
fn uk_hcstc_caps_only_with_jurisdiction_uk() {
    // £100 for 30 days at 0.8 %/day = £24 (D14), at the cap; 0.81 % → 24.30, excess 0.30.
    let j = |rate: &str, days: u32, fee: &str| {
        json!({
            "overdue": { "principal": "100" },
            "days": days,
            "penalty": { "rate": { "percent": rate, "per": "day" } },
            "lateFee": { "amount": fee, "per": "once" },
            "lender": "other",
            "jurisdiction": "uk",
        })
    };
    let out = run(j("0.8", 30, "15"));
    let c = cap(&out, "ukHcstcInitialCost");
    assert_eq!(
        (
            c["applies"].clone(),
            c["capAmount"].clone(),
            c["charged"].clone(),
            c["excess"].clone()
        ),
        (json!(true), json!("24.00"), json!("24.00"), json!("0.00"))
    );
    assert_eq!(c["capPer"], "day");
    assert_eq!(cap(&out, "ukHcstcDefaultFee")["excess"], "0.00");
    assert_eq!(cap(&out, "ukHcstcDefaultFee")["currency"], "GBP");
    assert_eq!(cap(&out, "cnFinancial24")["applies"], false);
    assert_eq!(cap(&out, "cnIllegalLending36")["applies"], false);
    let out = run(j("0.81", 30, "15.01"));
    assert_eq!(cap(&out, "ukHcstcInitialCost")["excess"], "0.30");
    assert_eq!(cap(&out, "ukHcstcDefaultFee")["excess"], "0.01");
    let out = run(j("0.79", 30, "14.99"));
    assert_eq!(cap(&out, "ukHcstcInitialCost")["excess"], "0.00");
    // 100 % total cost: 0.8 %/day × 125 days = £100 (at), 126 days = £100.80 (+0.80 with no fee).
    let out = run(j("0.8", 125, "0"));
    assert_eq!(cap(&out, "ukHcstcTotalCost")["excess"], "0.00");
    let out = run(j("0.8", 126, "0"));
    let t = cap(&out, "ukHcstcTotalCost");
    assert_eq!(
        (t["capAmount"].clone(), t["excess"].clone()),
        (json!("100.00"), json!("0.80"))
    );
    assert_eq!(cap(&out, "ukHcstcInitialCost")["excess"], "0.00");
    // Without jurisdiction uk the UK caps do not apply.
    let cn = run(yearly("other", "100", "10", 30));
    assert_eq!(cap(&cn, "ukHcstcTotalCost")["applies"], false);
}

// ---- allocation --------------------------------------------------------------

fn allocation_case(payment: Json) -> Json {
    // Owed: fees 100 + late fee 50 = 150; interest 500 + penalty 150 = 650; principal 10,000.
    run(json!({
        "overdue": { "principal": "10000", "interest": "500", "fees": "100" },
        "days": 30,
        "penalty": { "rate": { "percent": "0.05", "per": "day" } },
        "lateFee": { "amount": "50", "per": "once" },
        "lender": "bank",
        "payment": payment,
    }))["allocation"]
        .clone()
}

#[test]
fn payment_follows_civil_code_561_for_interest_and_principal_by_default() {
    // Art. 561: enforcement costs (none here), interest, principal. Service
    // and late fees are not in the statutory order: without the contract's
    // order they come last. 700 clears the 650 of interest, then 50 of principal.
    let a = allocation_case(json!({ "amount": "700" }));
    assert_eq!(a["order"], json!(["interest", "principal", "fees"]));
    assert_eq!(
        a["owed"],
        json!({ "fees": "150.00", "interest": "650.00", "principal": "10000.00" })
    );
    assert_eq!(
        a["applied"],
        json!({ "fees": "0.00", "interest": "650.00", "principal": "50.00" })
    );
    assert_eq!(
        a["remaining"],
        json!({ "fees": "150.00", "interest": "0.00", "principal": "9950.00" })
    );
    assert_eq!(a["remainingTotal"], "10100.00");
    assert_eq!(a["unapplied"], "0.00");
    // A contract that puts its fees first is followed as an agreement.
    let a = allocation_case(json!({ "amount": "700", "order": ["fees", "interest", "principal"] }));
    assert_eq!(
        a["applied"],
        json!({ "fees": "150.00", "interest": "550.00", "principal": "0.00" })
    );
}

#[test]
fn payment_in_an_agreed_order_and_overpayment() {
    let a = allocation_case(json!({ "amount": "700", "order": ["principal", "interest", "fees"] }));
    assert_eq!(
        a["applied"],
        json!({ "fees": "0.00", "interest": "0.00", "principal": "700.00" })
    );
    assert_eq!(
        a["remaining"],
        json!({ "fees": "150.00", "interest": "650.00", "principal": "9300.00" })
    );
    let a = allocation_case(json!({ "amount": "20000" }));
    assert_eq!(a["remainingTotal"], "0.00");
    assert_eq!(a["unapplied"], "9200.00");
}

// ---- series ------------------------------------------------------------------

#[test]
fn series_by_day_then_by_month() {
    let out = run(yearly("bank", "36000", "36", 30));
    let s = out["series"].as_array().unwrap();
    assert_eq!(out["seriesStep"], "day");
    assert_eq!(s.len(), 31);
    // 36,000 × 36 % ÷ 360 = 36.00 a day.
    assert_eq!(s[0], json!({ "day": 0, "totalOwed": "36000.00" }));
    assert_eq!(s[1], json!({ "day": 1, "totalOwed": "36036.00" }));
    assert_eq!(s[30]["totalOwed"], out["totalOwed"]);
    let out = run(yearly("bank", "36000", "36", 121));
    assert_eq!(out["seriesStep"], "month");
    let days: Vec<u64> = out["series"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["day"].as_u64())
        .collect();
    assert_eq!(days, [0, 30, 60, 90, 120, 121]);
    let out = run(yearly("bank", "36000", "36", 3650));
    assert_eq!(out["series"].as_array().unwrap().len(), 123);
}

// ---- errors ------------------------------------------------------------------

fn ok_input() -> Json {
    yearly("bank", "10000", "10", 30)
}

fn with(mut j: Json, key: &str, v: Json) -> Json {
    j[key] = v;
    j
}

fn without(mut j: Json, key: &str) -> Json {
    j.as_object_mut().unwrap().remove(key);
    j
}

/// A case from the loan: 12 monthly instalments from 2026-01-15, 2 paid.
fn loan_input() -> Json {
    json!({
        "loan": { "principal": "12000", "startDate": "2026-01-15",
                  "rate": { "percent": "12", "per": "year" }, "periods": 12, "method": "annuity" },
        "paid": 2, "asOf": "2026-04-20",
        "penalty": { "rate": { "percent": "0.05", "per": "day" } }, "lender": "bank"
    })
}

#[test]
fn every_error_has_its_code_and_field() {
    let e = |code: &str, field: &str| (code.to_owned(), Some(field.to_owned()));
    let cases: Vec<(Json, (String, Option<String>))> = vec![
        (without(ok_input(), "overdue"), e("missingField", "overdue")),
        (
            with(ok_input(), "overdue", json!([])),
            e("wrongType", "overdue"),
        ),
        (
            with(ok_input(), "overdue", json!({ "principal": "-1" })),
            e("negativeAmount", "overdue.principal"),
        ),
        (
            with(ok_input(), "overdue", json!({ "principal": "0" })),
            e("notPositive", "overdue.principal"),
        ),
        (
            with(
                ok_input(),
                "overdue",
                json!({ "principal": "1", "interest": "x" }),
            ),
            e("invalidNumber", "overdue.interest"),
        ),
        (
            with(
                ok_input(),
                "overdue",
                json!({ "principal": "1", "principle": "1" }),
            ),
            e("unknownField", "overdue.principle"),
        ),
        (with(ok_input(), "days", json!(0)), e("notPositive", "days")),
        (
            with(ok_input(), "days", json!(3651)),
            e("outOfRange", "days"),
        ),
        (with(ok_input(), "days", json!(1.5)), e("notWhole", "days")),
        (without(ok_input(), "days"), e("missingField", "days")),
        (
            with(without(ok_input(), "days"), "from", json!("2025-01-01")),
            e("missingField", "to"),
        ),
        (
            with(without(ok_input(), "days"), "to", json!("2025-01-01")),
            e("missingField", "from"),
        ),
        (
            with(
                with(without(ok_input(), "days"), "from", json!("2025-01-02")),
                "to",
                json!("2025-01-02"),
            ),
            e("conflict", "to"),
        ),
        (
            with(
                with(without(ok_input(), "days"), "from", json!("2020-01-01")),
                "to",
                json!("2030-01-01"),
            ),
            e("outOfRange", "to"),
        ),
        (
            with(
                with(ok_input(), "from", json!("2025-01-01")),
                "to",
                json!("2025-02-01"),
            ),
            e("conflict", "days"),
        ),
        (
            with(ok_input(), "to", json!("2025-02-01")),
            e("conflict", "days"),
        ),
        (
            with(ok_input(), "from", json!("2025-02-30")),
            e("invalidDate", "from"),
        ),
        (
            with(ok_input(), "from", json!("2200-12-20")),
            e("outOfRange", "days"),
        ),
        (without(ok_input(), "penalty"), e("missingField", "penalty")),
        (
            with(ok_input(), "penalty", json!({})),
            e("missingField", "penalty.rate"),
        ),
        (
            with(
                ok_input(),
                "penalty",
                json!({ "rate": { "percent": "1", "per": "year" }, "contractRate": { "percent": "1", "per": "year" } }),
            ),
            e("conflict", "penalty"),
        ),
        (
            with(
                ok_input(),
                "penalty",
                json!({ "rate": { "percent": "1", "per": "year" }, "markupPercent": "50" }),
            ),
            e("conflict", "penalty.markupPercent"),
        ),
        (
            with(
                ok_input(),
                "penalty",
                json!({ "contractRate": { "percent": "4.35", "per": "year" } }),
            ),
            e("missingField", "penalty.markupPercent"),
        ),
        (
            with(
                ok_input(),
                "penalty",
                json!({ "contractRate": { "percent": "4.35", "per": "year" }, "markupPercent": "1001" }),
            ),
            e("outOfRange", "penalty.markupPercent"),
        ),
        (
            with(
                ok_input(),
                "penalty",
                json!({ "contractRate": { "percent": "4.35", "per": "week" }, "markupPercent": "50" }),
            ),
            e("unknownValue", "penalty.contractRate.per"),
        ),
        (
            with(
                ok_input(),
                "penalty",
                json!({ "rate": { "percent": "-1", "per": "day" } }),
            ),
            e("negativeAmount", "penalty.rate.percent"),
        ),
        (
            with(
                ok_input(),
                "penalty",
                json!({ "rate": { "percent": "1", "per": "day", "x": 1 } }),
            ),
            e("unknownField", "penalty.rate.x"),
        ),
        (
            with(ok_input(), "compound", json!("yes")),
            e("wrongType", "compound"),
        ),
        (
            with(ok_input(), "chargeOnFees", json!(1)),
            e("wrongType", "chargeOnFees"),
        ),
        (
            with(
                ok_input(),
                "lateFee",
                json!({ "amount": "1", "percentOfOverdue": "1", "per": "once" }),
            ),
            e("conflict", "lateFee"),
        ),
        (
            with(ok_input(), "lateFee", json!({ "per": "once" })),
            e("missingField", "lateFee.amount"),
        ),
        (
            with(ok_input(), "lateFee", json!({ "amount": "1" })),
            e("missingField", "lateFee.per"),
        ),
        (
            with(
                ok_input(),
                "lateFee",
                json!({ "amount": "1", "per": "week" }),
            ),
            e("unknownValue", "lateFee.per"),
        ),
        (
            with(
                ok_input(),
                "lateFee",
                json!({ "percentOfOverdue": "101", "per": "once" }),
            ),
            e("outOfRange", "lateFee.percentOfOverdue"),
        ),
        (
            with(
                ok_input(),
                "lateFee",
                json!({ "amount": "-5", "per": "once" }),
            ),
            e("negativeAmount", "lateFee.amount"),
        ),
        (without(ok_input(), "lender"), e("missingField", "lender")),
        (
            with(ok_input(), "lender", json!("loanShark")),
            e("unknownValue", "lender"),
        ),
        (
            with(ok_input(), "jurisdiction", json!("us")),
            e("unknownValue", "jurisdiction"),
        ),
        (
            with(ok_input(), "dayBasis", json!(364)),
            e("unknownValue", "dayBasis"),
        ),
        (
            with(ok_input(), "contractDate", json!("2025/01/01")),
            e("invalidDate", "contractDate"),
        ),
        (
            with(
                with(
                    with(without(ok_input(), "days"), "from", json!("2025-01-01")),
                    "to",
                    json!("2025-02-01"),
                ),
                "contractDate",
                json!("2025-01-02"),
            ),
            e("conflict", "contractDate"),
        ),
        (
            with(
                with(ok_input(), "contractDate", json!("2024-01-01")),
                "filingDate",
                json!("2023-12-31"),
            ),
            e("conflict", "filingDate"),
        ),
        (
            with(ok_input(), "upfrontDeduction", json!("10000")),
            e("conflict", "upfrontDeduction"),
        ),
        (
            with(ok_input(), "payment", json!({})),
            e("missingField", "payment.amount"),
        ),
        (
            with(ok_input(), "payment", json!({ "amount": "0" })),
            e("notPositive", "payment.amount"),
        ),
        (
            with(
                ok_input(),
                "payment",
                json!({ "amount": "1", "order": ["fees", "fees", "principal"] }),
            ),
            e("conflict", "payment.order[1]"),
        ),
        (
            with(
                ok_input(),
                "payment",
                json!({ "amount": "1", "order": ["fees", "costs", "principal"] }),
            ),
            e("unknownValue", "payment.order[1]"),
        ),
        (
            with(
                ok_input(),
                "payment",
                json!({ "amount": "1", "order": ["fees", 3, "principal"] }),
            ),
            e("wrongType", "payment.order[1]"),
        ),
        (
            with(
                ok_input(),
                "payment",
                json!({ "amount": "1", "order": ["fees"] }),
            ),
            e("conflict", "payment.order"),
        ),
        (
            with(
                ok_input(),
                "payment",
                json!({ "amount": "1", "order": ["fees", "interest", "principal", "fees"] }),
            ),
            e("tooManyItems", "payment.order"),
        ),
        (
            with(
                ok_input(),
                "payment",
                json!({ "amount": "1", "order": "fees" }),
            ),
            e("wrongType", "payment.order"),
        ),
        (
            with(ok_input(), "received", json!("1")),
            e("unknownField", "received"),
        ),
        // The case from the loan.
        (
            with(loan_input(), "paid", json!(13)),
            e("outOfRange", "paid"),
        ),
        (
            with(loan_input(), "paid", json!(-1)),
            e("outOfRange", "paid"),
        ),
        (
            with(loan_input(), "asOf", json!("2026-02-30")),
            e("invalidDate", "asOf"),
        ),
        (
            with(loan_input(), "asOf", json!("2026-01-14")),
            e("conflict", "asOf"),
        ),
        (without(loan_input(), "asOf"), e("missingField", "asOf")),
        (with(loan_input(), "days", json!(3)), e("conflict", "days")),
        (
            with(loan_input(), "accelerated", json!("2026-05-01")),
            e("conflict", "accelerated"),
        ),
        (
            with(loan_input(), "accelerated", json!("2026-01-01")),
            e("conflict", "accelerated"),
        ),
        (
            with(
                loan_input(),
                "loan",
                json!({ "principal": "1", "rate": { "percent": "1", "per": "year" }, "periods": 1, "method": "bullet" }),
            ),
            e("missingField", "loan.startDate"),
        ),
        (
            with(ok_input(), "asOf", json!("2026-01-01")),
            e("missingField", "loan"),
        ),
        (
            with(
                ok_input(),
                "lateFee",
                json!({ "percentOfRemainingPrincipal": "5", "per": "once" }),
            ),
            e("conflict", "lateFee.percentOfRemainingPrincipal"),
        ),
        (
            with(
                ok_input(),
                "lateFee",
                json!({ "amount": "5", "percentOfOverdue": "5", "per": "once" }),
            ),
            e("conflict", "lateFee"),
        ),
        (
            with(ok_input(), "collectionFee", json!("-1")),
            e("negativeAmount", "collectionFee"),
        ),
    ];
    let n = cases.len();
    for (i, (j, expected)) in cases.into_iter().enumerate() {
        assert_eq!(err(j.clone()), expected, "case {i}: {j}");
    }
    assert_eq!(n, 65);
    // The top level must be an object.
    let e = overdue_cost(&Value::Array(vec![])).unwrap_err();
    assert_eq!(e.code.as_str(), "wrongType");
}

/// Each cause of a number the engine cannot take has its own code
/// (docs/api.md, "Errors"): the overdue principal and the days.
#[test]
fn each_cause_of_a_bad_number_has_its_own_code() {
    let huge = "99999999999999999999999";
    let e = |code: &str, field: &str| (code.to_owned(), Some(field.to_owned()));
    for (typed, code) in [
        ("0.001", "belowMinimum"),
        (huge, "tooLarge"),
        ("0", "notPositive"),
    ] {
        let j = with(ok_input(), "overdue", json!({ "principal": typed }));
        assert_eq!(err(j), e(code, "overdue.principal"), "{typed}");
    }
    for (typed, code) in [
        (huge, "tooLarge"),
        ("45.5", "notWhole"),
        ("0", "notPositive"),
    ] {
        assert_eq!(
            err(with(ok_input(), "days", json!(typed))),
            e(code, "days"),
            "{typed}"
        );
    }
}

#[test]
fn call_json_routes_overdue_cost() {
    let text = repay::api::call_json("overdueCost", &input(ok_input())).unwrap();
    let out: Json = serde_json::from_str(&text).unwrap();
    // 10,000 × 10 % × 30/360 = 83.333… → 83.33.
    assert_eq!(out["penaltyInterest"], "83.33");
    assert_eq!(
        out["rulesVersion"],
        repay::rules::pack().unwrap().version.as_str()
    );
}
