//! Rates that change during a loan: `rateChanges` and `lprLinked` in
//! `loanTerms`.
//!
//! The reference figures are derived here independently of the engine: an
//! exact model in integers (cents, and big integers for the annuity factor
//! `(1+r)^n`, so the level payment is the exact rational figure rounded
//! half-up), the LPR rows copied by hand from the published table
//! (全国银行间同业拆借中心), and pinned numbers that the model reproduces.

use proptest::prelude::*;
use repay::api::{call_json, loan_terms};
use repay::input::{json, Value};
use serde_json::Value as J;
use std::cmp::Ordering;

fn input(text: &str) -> Value {
    json::parse(text).expect("test input is JSON")
}

/// `loanTerms` as the JSON object the API returns.
fn run(text: &str) -> J {
    let out = call_json("loanTerms", &input(text)).unwrap_or_else(|e| panic!("{e}: {text}"));
    serde_json::from_str(&out).unwrap()
}

/// The error `loanTerms` gives, as (code, field).
fn error(text: &str) -> (String, Option<String>) {
    let e = loan_terms(&input(text)).expect_err(text);
    (e.code.as_str().to_owned(), e.field)
}

fn cents(v: &J) -> i128 {
    let s = v.as_str().expect("money is a string");
    let (neg, s) = s.strip_prefix('-').map_or((false, s), |s| (true, s));
    let (whole, frac) = s.split_once('.').expect("two decimals");
    assert_eq!(frac.len(), 2, "{s}");
    let c = whole.parse::<i128>().unwrap() * 100 + frac.parse::<i128>().unwrap();
    if neg {
        -c
    } else {
        c
    }
}

fn money(c: i128) -> String {
    let sign = if c < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", c.abs() / 100, c.abs() % 100)
}

// ---- an exact model ----------------------------------------------------------

/// A non-negative big integer, little-endian base 2^32: enough for the
/// annuity factor `(b + a)^n` of a rate `a / b`.
#[derive(Clone, Debug)]
struct Big(Vec<u32>);

impl Big {
    fn of(n: u64) -> Big {
        Big(vec![n as u32, (n >> 32) as u32]).trim()
    }
    fn trim(mut self) -> Big {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
        self
    }
    fn mul(&self, m: u64) -> Big {
        let mut out = Vec::with_capacity(self.0.len() + 3);
        let mut carry: u128 = 0;
        for &limb in &self.0 {
            let v = u128::from(limb) * u128::from(m) + carry;
            out.push(v as u32);
            carry = v >> 32;
        }
        while carry > 0 {
            out.push(carry as u32);
            carry >>= 32;
        }
        Big(out).trim()
    }
    fn add(&self, o: &Big) -> Big {
        let mut out = Vec::new();
        let mut carry = 0u64;
        for i in 0..self.0.len().max(o.0.len()) {
            let v = u64::from(*self.0.get(i).unwrap_or(&0))
                + u64::from(*o.0.get(i).unwrap_or(&0))
                + carry;
            out.push(v as u32);
            carry = v >> 32;
        }
        out.push(carry as u32);
        Big(out).trim()
    }
    fn sub(&self, o: &Big) -> Big {
        assert!(self.cmp(o) != Ordering::Less);
        let mut out = Vec::new();
        let mut borrow = 0i64;
        for i in 0..self.0.len() {
            let mut v = i64::from(self.0[i]) - i64::from(*o.0.get(i).unwrap_or(&0)) - borrow;
            borrow = 0;
            if v < 0 {
                v += 1 << 32;
                borrow = 1;
            }
            out.push(v as u32);
        }
        Big(out).trim()
    }
    fn cmp(&self, o: &Big) -> Ordering {
        self.0
            .len()
            .cmp(&o.0.len())
            .then_with(|| self.0.iter().rev().cmp(o.0.iter().rev()))
    }
    fn pow(base: u64, e: u32) -> Big {
        (0..e).fold(Big::of(1), |acc, _| acc.mul(base))
    }
}

/// A yearly percent in hundredths (4.90 % → 490): the monthly rate is
/// `h / 120000`.
type Hundredths = u64;

/// One month's interest on `balance` cents, rounded half-up to cents.
fn interest(balance: i128, h: Hundredths) -> i128 {
    (2 * balance * i128::from(h) + 120_000) / 240_000
}

/// The level payment clearing `balance` cents in `n` months at `h`, the
/// exact `B·r·(1+r)^n / ((1+r)^n − 1)` rounded half-up to cents: with
/// `r = a/b`, `B·a·(b+a)^n / (b·((b+a)^n − b^n))`.
fn level(balance: i128, h: Hundredths, n: u32) -> i128 {
    let (a, b) = (h, 120_000u64);
    if a == 0 {
        let n = i128::from(n);
        return (2 * balance + n) / (2 * n);
    }
    let up = Big::pow(b + a, n);
    let num = up.mul(balance as u64).mul(a);
    let den = up.sub(&Big::pow(b, n)).mul(b);
    // The largest q with q·2·den ≤ 2·num + den: floor(num/den + 1/2).
    let target = num.mul(2).add(&den);
    let (mut lo, mut hi) = (0u64, 1u64 << 50);
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if den.mul(2).mul(mid).cmp(&target) != Ordering::Greater {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    i128::from(lo)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ModelRow {
    payment: i128,
    principal: i128,
    interest: i128,
    balance: i128,
}

/// An annuity of `principal` cents over `n` months at `h`, the rate changing
/// to `changes[i].1` from installment `changes[i].0` (the level payment
/// recomputed on the balance left over the months left), with extra
/// principal `(period, cents, lower)` paid with an installment after it is
/// computed (`lower`: the payment is recomputed over the months left).
fn annuity(
    principal: i128,
    h: Hundredths,
    n: u32,
    changes: &[(u32, Hundredths)],
    extra: &[(u32, i128, bool)],
) -> Vec<ModelRow> {
    let (mut bal, mut rate) = (principal, h);
    let mut pay = level(principal, h, n);
    let mut rows = Vec::new();
    for k in 1..=n {
        if let Some(&(_, new)) = changes.iter().find(|c| c.0 == k) {
            rate = new;
            pay = level(bal, rate, n - k + 1);
        }
        let i = interest(bal, rate);
        let mut p = if k == n || pay - i >= bal {
            bal
        } else {
            pay - i
        };
        let mut lower = false;
        if let Some(&(_, amount, l)) = extra.iter().find(|e| e.0 == k) {
            p = (p + amount).min(bal);
            lower = l;
        }
        bal -= p;
        rows.push(ModelRow {
            payment: p + i,
            principal: p,
            interest: i,
            balance: bal,
        });
        if bal == 0 {
            break;
        }
        if lower {
            pay = level(bal, rate, n - k);
        }
    }
    rows
}

fn check_rows(out: &J, model: &[ModelRow]) {
    let rows = out["schedule"].as_array().unwrap();
    assert_eq!(rows.len(), model.len(), "number of rows");
    for (r, m) in rows.iter().zip(model) {
        let got = ModelRow {
            payment: cents(&r["payment"]),
            principal: cents(&r["principal"]),
            interest: cents(&r["interest"]),
            balance: cents(&r["balance"]),
        };
        assert_eq!(got, *m, "row {}", r["period"]);
    }
    let interest: i128 = model.iter().map(|m| m.interest).sum();
    assert_eq!(cents(&out["totals"]["interest"]), interest);
}

const MORTGAGE: &str = r#""principal":"1000000","rate":{"percent":"4.9","per":"year"},"periods":360,"method":"annuity""#;

// ---- the issue's example -----------------------------------------------------

/// 1,000,000 over 360 months at 4.9 %, changed to 3.5 % from installment 13:
/// the level payment is recomputed on the balance left after 12 payments,
/// over 348 months, and every month's interest is rounded half-up.
#[test]
fn mortgage_at_4_9_repriced_to_3_5_from_installment_13() {
    let out = run(&format!(
        r#"{{{MORTGAGE},"rateChanges":[{{"period":13,"rate":{{"percent":"3.5","per":"year"}}}}]}}"#
    ));
    let model = annuity(100_000_000, 490, 360, &[(13, 350)], &[]);
    check_rows(&out, &model);

    // The model's own steps, pinned: 5,307.27 for 12 months leaves
    // 984,978.39; over 348 months at 3.5 % that is 4,509.54 a month.
    assert_eq!(level(100_000_000, 490, 360), 530_727);
    assert_eq!(model[11].balance, 98_497_839);
    assert_eq!(level(98_497_839, 350, 348), 450_954);
    // Installment 13: 984,978.39 × 3.5 % ÷ 12 = 2,872.8536… → 2,872.85.
    assert_eq!(model[12].interest, 287_285);

    let s = &out["schedule"];
    assert_eq!(s[11]["payment"], "5307.27");
    assert_eq!(s[12]["payment"], "4509.54");
    assert_eq!(s[359]["payment"], "4507.61");
    assert_eq!(s[359]["balance"], "0.00");
    assert_eq!(out["totals"]["interest"], "633005.23");
    assert_eq!(out["totals"]["payment"], "1633005.23");
    assert_eq!(out["lastPayment"], "4507.61");

    let c = &out["rateChanges"][0];
    assert_eq!(c["period"], 13);
    assert_eq!(c["ratePercent"], "3.5000");
    assert_eq!(c["per"], "year");
    assert_eq!(c["keep"], "term");
    assert_eq!(c["paymentBefore"], "5307.27");
    assert_eq!(c["paymentAfter"], "4509.54");
    assert_eq!(c["source"], "input");
    assert_eq!(c["index"], 0);
    assert_eq!(out["rateChanges"].as_array().unwrap().len(), 1);

    // Without the change: the same loan at 4.9 % throughout.
    let fixed = annuity(100_000_000, 490, 360, &[], &[]);
    let without: i128 = fixed.iter().map(|m| m.interest).sum();
    assert_eq!(money(without), "910615.12");
    assert_eq!(out["interestWithoutChanges"], "910615.12");
    assert_eq!(out["interestDifference"], "-277609.89");
    assert_eq!(
        cents(&out["interestDifference"]),
        cents(&out["totals"]["interest"]) - without
    );
    // The true cost is over the whole flows: between the two rates.
    let nominal: f64 = out["apr"]["nominalPercent"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(nominal > 3.5 && nominal < 4.9, "{nominal}");
    assert_eq!(out["apr"]["nominalPercent"], "3.6104");
    assert_eq!(out["warnings"], J::Array(vec![]));
}

/// A loan without rate changes has none of the new output fields.
#[test]
fn without_changes_the_output_is_as_before() {
    let text = call_json("loanTerms", &input(&format!("{{{MORTGAGE}}}"))).unwrap();
    for key in [
        "rateChanges",
        "interestDifference",
        "interestWithoutChanges",
        "lprLinked",
    ] {
        assert!(!text.contains(key), "{key}");
    }
    // An empty list is a loan with changes asked for and none made.
    let out = run(&format!(r#"{{{MORTGAGE},"rateChanges":[]}}"#));
    assert_eq!(out["rateChanges"], J::Array(vec![]));
    assert_eq!(out["interestDifference"], "0.00");
}

/// `keep: "payment"`: the payment stays and the term changes: shorter when
/// the rate falls, longer when it rises (past the contract's 360 months),
/// and an error when the payment no longer covers a month's interest.
#[test]
fn keeping_the_payment_moves_the_end() {
    let falls = run(&format!(
        r#"{{{MORTGAGE},"rateChanges":[{{"period":13,"rate":{{"percent":"3.5","per":"year"}},"keep":"payment"}}]}}"#
    ));
    // The model: 5,307.27 a month at 3.5 % from installment 13 until cleared.
    let mut bal = annuity(100_000_000, 490, 360, &[], &[])[11].balance;
    let mut months = 12;
    let mut last = 0;
    while bal > 0 {
        let i = interest(bal, 350);
        let p = (530_727 - i).min(bal);
        bal -= p;
        months += 1;
        last = p + i;
    }
    let rows = falls["schedule"].as_array().unwrap();
    assert_eq!(rows.len(), months);
    assert_eq!(months, 280);
    assert_eq!(cents(&rows[months - 1]["payment"]), last);
    assert!(rows[..months - 1].iter().all(|r| r["payment"] == "5307.27"));
    assert_eq!(rows[months - 1]["balance"], "0.00");
    // The term moved by design: not the rounding warning `endsEarly`.
    assert_eq!(falls["warnings"], J::Array(vec![]));
    assert_eq!(falls["rateChanges"][0]["paymentAfter"], "5307.27");
    assert_eq!(falls["rateChanges"][0]["keep"], "payment");

    let rises = run(&format!(
        r#"{{{MORTGAGE},"startDate":"2020-01-10","rateChanges":[{{"period":13,"rate":{{"percent":"5.5","per":"year"}},"keep":"payment"}}]}}"#
    ));
    let rows = rises["schedule"].as_array().unwrap();
    assert!(rows.len() > 360, "{}", rows.len());
    assert_eq!(rows.last().unwrap()["balance"], "0.00");
    assert_eq!(
        rows.last().unwrap()["dueDate"],
        format!("20{}-{:02}-10", 20 + rows.len() / 12, rows.len() % 12 + 1).as_str()
    );

    assert_eq!(
        error(&format!(
            r#"{{{MORTGAGE},"rateChanges":[{{"period":13,"rate":{{"percent":"6.5","per":"year"}},"keep":"payment"}}]}}"#
        )),
        ("conflict".into(), Some("rateChanges[0].keep".into()))
    );
    assert_eq!(
        error(&format!(
            r#"{{{MORTGAGE},"rateChanges":[{{"period":2,"rate":{{"percent":"6.3","per":"year"}},"keep":"payment"}}]}}"#
        )),
        ("outOfRange".into(), Some("rateChanges[0].keep".into()))
    );
}

/// Equal principal keeps its principal part; interest-only charges the new
/// rate; a bullet loan's simple interest follows each rate for its months.
#[test]
fn the_other_methods() {
    let ep = run(
        r#"{"principal":"120000","rate":{"percent":"6","per":"year"},"periods":12,"method":"equalPrincipal",
            "rateChanges":[{"period":7,"rate":{"percent":"3","per":"year"}}]}"#,
    );
    for (k, r) in ep["schedule"].as_array().unwrap().iter().enumerate() {
        assert_eq!(r["principal"], "10000.00");
        // Balance 120,000 − 10,000·k; 0.5 % a month, then 0.25 %.
        let bal = 12_000_000 - 1_000_000 * k as i128;
        let h = if k < 6 { 600 } else { 300 };
        assert_eq!(cents(&r["interest"]), interest(bal, h), "row {k}");
    }
    assert_eq!(ep["schedule"][6]["interest"], "150.00");
    assert_eq!(ep["rateChanges"][0]["paymentBefore"], "10300.00");
    assert_eq!(ep["rateChanges"][0]["paymentAfter"], "10150.00");

    let io = run(
        r#"{"principal":"100000","rate":{"percent":"6","per":"year"},"periods":6,"method":"interestOnly",
            "rateChanges":[{"period":4,"rate":{"percent":"0.4","per":"month"}}]}"#,
    );
    let interest: Vec<&str> = io["schedule"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["interest"].as_str().unwrap())
        .collect();
    assert_eq!(
        interest,
        ["500.00", "500.00", "500.00", "400.00", "400.00", "400.00"]
    );
    assert_eq!(io["rateChanges"][0]["per"], "month");
    assert_eq!(io["rateChanges"][0]["ratePercent"], "0.4000");

    // 100,000 × (6 % × 6 + 3 % × 6) ÷ 12 = 4,500.00, all with the last payment.
    let bullet = run(
        r#"{"principal":"100000","rate":{"percent":"6","per":"year"},"periods":12,"method":"bullet",
            "rateChanges":[{"period":7,"rate":{"percent":"3","per":"year"}}]}"#,
    );
    assert_eq!(bullet["schedule"][11]["interest"], "4500.00");
    assert_eq!(bullet["schedule"][11]["payment"], "104500.00");
    assert_eq!(bullet["interestWithoutChanges"], "6000.00");
    assert_eq!(bullet["interestDifference"], "-1500.00");
}

/// A change and a prepayment with the same installment: the change applies
/// first (the installment is computed at the new rate), the prepayment is
/// paid with it, and `lowerPayment` recomputes at the new rate. The two
/// lists are separate, so the order they are given in does not matter.
#[test]
fn a_change_and_a_prepayment_in_the_same_installment() {
    let change = r#""rateChanges":[{"period":13,"rate":{"percent":"3.5","per":"year"}}]"#;
    let pre = r#""prepayments":[{"period":13,"amount":"100000","then":"lowerPayment"}]"#;
    let a = run(&format!("{{{MORTGAGE},{change},{pre}}}"));
    let b = run(&format!("{{{MORTGAGE},{pre},{change}}}"));
    assert_eq!(a, b);
    let model = annuity(
        100_000_000,
        490,
        360,
        &[(13, 350)],
        &[(13, 10_000_000, true)],
    );
    check_rows(&a, &model);
    assert_eq!(a["schedule"][12]["interest"], "2872.85");
    assert_eq!(a["schedule"][12]["payment"], "104509.54");
    assert_eq!(
        cents(&a["schedule"][13]["payment"]),
        level(model[12].balance, 350, 347)
    );
    // The change's figures leave the prepayment out.
    assert_eq!(a["rateChanges"][0]["paymentAfter"], "4509.54");

    // shortenTerm, then a change that keeps the term: the level payment is
    // recomputed over the shortened term, so the loan still ends where the
    // prepayment moved it.
    let short = run(&format!(
        r#"{{{MORTGAGE},"prepayments":[{{"period":12,"amount":"200000"}}],
            "rateChanges":[{{"period":24,"rate":{{"percent":"3.5","per":"year"}}}}]}}"#
    ));
    let before = annuity(100_000_000, 490, 360, &[], &[(12, 20_000_000, false)]);
    let shortened = before.len();
    assert!(shortened < 300, "{shortened}");
    let rows = short["schedule"].as_array().unwrap();
    assert_eq!(rows.len(), shortened);
    let bal = before[22].balance;
    assert_eq!(
        cents(&rows[23]["payment"]),
        level(bal, 350, shortened as u32 - 23)
    );
}

/// Dates map to the first installment due on or after them; due dates keep
/// the loan date's day, clamped to the month's end.
#[test]
fn dates_map_to_installments() {
    let base = r#""principal":"12000","rate":{"percent":"12","per":"year"},"periods":12,"method":"annuity","startDate":"2026-01-31""#;
    for (date, period) in [
        ("2026-01-31", 1),
        ("2026-02-28", 1),
        ("2026-03-01", 2),
        ("2026-03-31", 2),
        ("2026-04-01", 3),
        ("2027-01-31", 12),
    ] {
        let out = run(&format!(
            r#"{{{base},"rateChanges":[{{"date":"{date}","rate":{{"percent":"6","per":"year"}}}}]}}"#
        ));
        assert_eq!(out["rateChanges"][0]["period"], period, "{date}");
        let due = out["schedule"][period - 1]["dueDate"].clone();
        assert_eq!(out["rateChanges"][0]["dueDate"], due);
        assert!(due.as_str().unwrap() >= date);
    }
    for date in ["2026-01-30", "2027-02-01"] {
        assert_eq!(
            error(&format!(
                r#"{{{base},"rateChanges":[{{"date":"{date}","rate":{{"percent":"6","per":"year"}}}}]}}"#
            )),
            ("outOfRange".into(), Some("rateChanges[0].date".into())),
            "{date}"
        );
    }
}

// ---- LPR-linked --------------------------------------------------------------

/// A 30-year mortgage dated 2019-10-15 at the five-year LPR + 50 basis
/// points, repriced each 1 January. The LPR rows, copied from the published
/// table (five-year-and-over LPR, publication date):
/// 2019-09-20 4.85 (in force on the loan date), 2019-11-20 4.80,
/// 2020-04-20 4.65, 2021-12-20 4.65 (no change), 2022-08-22 4.30,
/// 2023-08-21 4.20, 2024-10-21 3.60, 2025-05-20 3.50.
/// Each January's rate applies from the installment due on 15 January
/// (the one whose due date follows the repricing).
#[test]
fn lpr_linked_mortgage_from_2019_repriced_each_january() {
    let out = run(
        r#"{"principal":"1000000","periods":360,"method":"annuity","startDate":"2019-10-15",
            "lprLinked":{"spreadBasisPoints":50,"repricing":"january"}}"#,
    );
    let l = &out["lprLinked"];
    assert_eq!(l["tenor"], "fiveYear");
    assert_eq!(l["initialLpr"]["date"], "2019-09-20");
    assert_eq!(l["initialLpr"]["percent"], "4.8500");
    assert_eq!(l["initialRatePercent"], "5.3500");
    assert_eq!(l["ratePercent"], "5.3500");
    assert_eq!(l["confirmedThrough"], "2026-02-24");
    assert_eq!(l["confidence"], "secondary");
    assert!(l["source"]["document"].as_str().unwrap().contains("LPR"));

    let expected = [
        // (period, due date, repricing, LPR row, LPR, new rate)
        (
            3,
            "2020-01-15",
            "2020-01-01",
            "2019-11-20",
            "4.8000",
            "5.3000",
            530,
        ),
        (
            15,
            "2021-01-15",
            "2021-01-01",
            "2020-04-20",
            "4.6500",
            "5.1500",
            515,
        ),
        (
            39,
            "2023-01-15",
            "2023-01-01",
            "2022-08-22",
            "4.3000",
            "4.8000",
            480,
        ),
        (
            51,
            "2024-01-15",
            "2024-01-01",
            "2023-08-21",
            "4.2000",
            "4.7000",
            470,
        ),
        (
            63,
            "2025-01-15",
            "2025-01-01",
            "2024-10-21",
            "3.6000",
            "4.1000",
            410,
        ),
        (
            75,
            "2026-01-15",
            "2026-01-01",
            "2025-05-20",
            "3.5000",
            "4.0000",
            400,
        ),
    ];
    let changes = out["rateChanges"].as_array().unwrap();
    assert_eq!(changes.len(), expected.len());
    for (c, e) in changes.iter().zip(expected) {
        assert_eq!(c["period"], e.0);
        assert_eq!(c["dueDate"], e.1);
        assert_eq!(c["repricingDate"], e.2);
        assert_eq!(c["lpr"]["date"], e.3);
        assert_eq!(c["lpr"]["percent"], e.4);
        assert_eq!(c["lpr"]["assumed"], false);
        assert_eq!(c["ratePercent"], e.5);
        assert_eq!(c["source"], "lpr");
    }
    let model_changes: Vec<(u32, u64)> = expected.iter().map(|e| (e.0, e.6)).collect();
    let model = annuity(100_000_000, 535, 360, &model_changes, &[]);
    check_rows(&out, &model);
    // Pinned from the model.
    assert_eq!(out["firstPayment"], "5584.14");
    assert_eq!(changes[0]["paymentAfter"], "5553.16");
    assert_eq!(changes[5]["paymentAfter"], "4852.65");
    assert_eq!(out["totals"]["interest"], "781311.28");
    assert_eq!(out["interestWithoutChanges"], "1010287.45");
    // Later Januaries (2027 on) are after the last confirmed fixing.
    let codes: Vec<&str> = out["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["lprAssumed"]);
}

/// A loan from 2018 at 4.9 %, converted to LPR pricing on 2020-03-01
/// (4.9 % = the 2019-12 five-year LPR 4.80 + 10 basis points), repriced on
/// each anniversary of the loan date (15 June). The June anniversaries take
/// the LPR in force on them: 2020 4.65, 2021 4.65 (no change), 2022 4.45,
/// 2023 4.30, 2024 3.95, 2025 3.50; 2026 is after the last confirmed fixing.
#[test]
fn lpr_conversion_repriced_on_anniversaries() {
    let out = run(
        r#"{"principal":"500000","rate":{"percent":"4.9","per":"year"},"periods":240,"method":"annuity",
            "startDate":"2018-06-15",
            "lprLinked":{"spreadBasisPoints":"10","repricing":"anniversary","from":"2020-03-01"}}"#,
    );
    assert_eq!(out["lprLinked"]["ratePercent"], "4.9000");
    assert_eq!(out["lprLinked"]["initialLpr"]["date"], "2020-02-20");
    let got: Vec<(u64, &str, &str, &str)> = out["rateChanges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["period"].as_u64().unwrap(),
                c["repricingDate"].as_str().unwrap(),
                c["lpr"]["date"].as_str().unwrap(),
                c["ratePercent"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (25, "2020-06-15", "2020-04-20", "4.7500"),
            (49, "2022-06-15", "2022-05-20", "4.5500"),
            (61, "2023-06-15", "2022-08-22", "4.4000"),
            (73, "2024-06-15", "2024-02-20", "4.0500"),
            (85, "2025-06-15", "2025-05-20", "3.6000"),
        ]
    );
    let model = annuity(
        50_000_000,
        490,
        240,
        &[(25, 475), (49, 455), (61, 440), (73, 405), (85, 360)],
        &[],
    );
    check_rows(&out, &model);
    assert_eq!(out["warnings"][0]["code"], "lprAssumed");
}

/// A what-if change wins: from the first of the input's changes on, the
/// LPR repricings are left out, and the what-if rate holds.
#[test]
fn a_what_if_change_takes_precedence_over_the_lpr() {
    let base = r#""principal":"1000000","periods":360,"method":"annuity","startDate":"2019-10-15""#;
    let out = run(&format!(
        r#"{{{base},"lprLinked":{{"spreadBasisPoints":50,"repricing":"january"}},
            "rateChanges":[{{"date":"2024-06-01","rate":{{"percent":"3.2","per":"year"}}}}]}}"#
    ));
    let got: Vec<(u64, &str)> = out["rateChanges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["period"].as_u64().unwrap(), c["source"].as_str().unwrap()))
        .collect();
    assert_eq!(
        got,
        [
            (3, "lpr"),
            (15, "lpr"),
            (39, "lpr"),
            (51, "lpr"),
            (56, "input")
        ]
    );
    let model = annuity(
        100_000_000,
        535,
        360,
        &[(3, 530), (15, 515), (39, 480), (51, 470), (56, 320)],
        &[],
    );
    check_rows(&out, &model);
    // The one-year LPR for a loan of five years or less, or when asked.
    let short = run(
        r#"{"principal":"100000","periods":36,"method":"equalPrincipal","startDate":"2023-03-10",
            "lprLinked":{"spreadBasisPoints":-20,"repricing":"january"}}"#,
    );
    assert_eq!(short["lprLinked"]["tenor"], "oneYear");
    assert_eq!(short["lprLinked"]["initialLpr"]["percent"], "3.6500");
    assert_eq!(short["lprLinked"]["initialRatePercent"], "3.4500");
    assert_eq!(short["rateChanges"][0]["ratePercent"], "3.2500");
    assert_eq!(short["rateChanges"][0]["repricingDate"], "2024-01-01");
    let asked = run(
        r#"{"principal":"100000","periods":36,"method":"annuity","startDate":"2023-03-10",
            "lprLinked":{"spreadBasisPoints":0,"repricing":"january","tenor":"fiveYear"}}"#,
    );
    assert_eq!(asked["lprLinked"]["initialLpr"]["percent"], "4.3000");
}

/// Every error, with its path.
#[test]
fn errors_name_their_field() {
    let r = |p: &str| format!(r#"{{"percent":"{p}","per":"year"}}"#);
    let ok = r("3.5");
    let cases: Vec<(String, &str, &str)> = vec![
        (format!(r#""rateChanges":[{{"period":0,"rate":{ok}}}]"#), "notPositive", "rateChanges[0].period"),
        (format!(r#""rateChanges":[{{"period":361,"rate":{ok}}}]"#), "outOfRange", "rateChanges[0].period"),
        (
            format!(r#""rateChanges":[{{"period":2,"rate":{ok}}},{{"period":3,"rate":{ok}}},{{"period":4,"rate":{}}}]"#, r("-1")),
            "negativeAmount",
            "rateChanges[2].rate.percent",
        ),
        (format!(r#""rateChanges":[{{"period":2,"rate":{}}}]"#, r("1000001")), "tooLarge", "rateChanges[0].rate.percent"),
        (format!(r#""rateChanges":[{{"period":2,"rate":{}}}]"#, r("x")), "invalidNumber", "rateChanges[0].rate.percent"),
        (r#""rateChanges":[{"period":2}]"#.to_owned(), "missingField", "rateChanges[0].rate"),
        (format!(r#""rateChanges":[{{"rate":{ok}}}]"#), "missingField", "rateChanges[0].period"),
        (format!(r#""rateChanges":[{{"period":2,"date":"2020-01-01","rate":{ok}}}]"#), "conflict", "rateChanges[0]"),
        (format!(r#""rateChanges":[{{"date":"2020-01-01","rate":{ok}}}]"#), "conflict", "rateChanges[0].date"),
        (format!(r#""rateChanges":[{{"period":5,"rate":{ok}}},{{"period":5,"rate":{ok}}}]"#), "conflict", "rateChanges[1].period"),
        (format!(r#""rateChanges":[{{"period":5,"rate":{ok},"keep":"rate"}}]"#), "unknownValue", "rateChanges[0].keep"),
        (format!(r#""rateChanges":[{{"period":5,"rate":{ok},"when":1}}]"#), "unknownField", "rateChanges[0].when"),
        (r#""rateChanges":[7]"#.to_owned(), "wrongType", "rateChanges[0]"),
        (r#""rateChanges":{}"#.to_owned(), "wrongType", "rateChanges"),
        (
            format!(r#""rateChanges":[{}]"#, vec![format!(r#"{{"period":2,"rate":{ok}}}"#); 601].join(",")),
            "tooManyItems",
            "rateChanges",
        ),
        (r#""lprLinked":{"spreadBasisPoints":0,"repricing":"january"}"#.to_owned(), "missingField", "startDate"),
        (r#""lprLinked":{"repricing":"january"},"startDate":"2020-01-01""#.to_owned(), "missingField", "lprLinked.spreadBasisPoints"),
        (r#""lprLinked":{"spreadBasisPoints":0},"startDate":"2020-01-01""#.to_owned(), "missingField", "lprLinked.repricing"),
        (r#""lprLinked":{"spreadBasisPoints":0,"repricing":"monthly"},"startDate":"2020-01-01""#.to_owned(), "unknownValue", "lprLinked.repricing"),
        (r#""lprLinked":{"spreadBasisPoints":0,"repricing":"january","tenor":"tenYear"},"startDate":"2020-01-01""#.to_owned(), "unknownValue", "lprLinked.tenor"),
        (r#""lprLinked":{"spreadBasisPoints":10001,"repricing":"january"},"startDate":"2020-01-01""#.to_owned(), "outOfRange", "lprLinked.spreadBasisPoints"),
        (r#""lprLinked":{"spreadBasisPoints":-600,"repricing":"january"},"startDate":"2020-01-01""#.to_owned(), "outOfRange", "lprLinked.spreadBasisPoints"),
        (r#""lprLinked":{"spreadBasisPoints":0,"repricing":"january"},"startDate":"2019-08-19""#.to_owned(), "outOfRange", "startDate"),
        (r#""lprLinked":{"spreadBasisPoints":0,"repricing":"january","from":"2019-12-31"},"startDate":"2020-01-01""#.to_owned(), "outOfRange", "lprLinked.from"),
        (r#""lprLinked":{"spreadBasisPoints":0,"repricing":"january","from":"2051-01-02"},"startDate":"2020-01-01""#.to_owned(), "outOfRange", "lprLinked.from"),
        (r#""lprLinked":{"spreadBasisPoints":0,"repricing":"january","x":1},"startDate":"2020-01-01""#.to_owned(), "unknownField", "lprLinked.x"),
        (r#""lprLinked":5"#.to_owned(), "wrongType", "lprLinked"),
    ];
    for (extra, code, field) in cases {
        let text = format!(r#"{{{MORTGAGE},{extra}}}"#);
        assert_eq!(error(&text), (code.into(), Some(field.into())), "{extra}");
    }
    // Method-specific conflicts.
    let flat = r#""principal":"12000","rate":{"percent":"12","per":"year"},"periods":12,"method":"flat","startDate":"2024-01-01""#;
    assert_eq!(
        error(&format!(
            r#"{{{flat},"rateChanges":[{{"period":2,"rate":{ok}}}]}}"#
        )),
        ("conflict".into(), Some("rateChanges[0]".into()))
    );
    assert_eq!(
        error(&format!(
            r#"{{{flat},"lprLinked":{{"spreadBasisPoints":0,"repricing":"january"}}}}"#
        )),
        ("conflict".into(), Some("lprLinked".into()))
    );
    let ep = r#""principal":"12000","rate":{"percent":"12","per":"year"},"periods":12,"method":"equalPrincipal","startDate":"2024-01-01""#;
    assert_eq!(
        error(&format!(
            r#"{{{ep},"rateChanges":[{{"period":2,"rate":{ok},"keep":"payment"}}]}}"#
        )),
        ("conflict".into(), Some("rateChanges[0].keep".into()))
    );
    assert_eq!(
        error(&format!(
            r#"{{{ep},"lprLinked":{{"spreadBasisPoints":0,"repricing":"january","keep":"payment"}}}}"#
        )),
        ("conflict".into(), Some("lprLinked.keep".into()))
    );
    // Without lprLinked the rate is required as before.
    assert_eq!(
        error(r#"{"principal":"1","periods":1,"method":"annuity"}"#),
        ("missingField".into(), Some("rate".into()))
    );
}

/// 600 changes, one per installment, are accepted and each takes effect.
#[test]
fn six_hundred_changes() {
    let changes: Vec<String> = (1..=600)
        .map(|k| {
            format!(
                r#"{{"period":{k},"rate":{{"percent":"{}","per":"year"}}}}"#,
                3 + k % 5
            )
        })
        .collect();
    let out = run(&format!(
        r#"{{"principal":"1000000","rate":{{"percent":"4","per":"year"}},"periods":600,"method":"annuity","rateChanges":[{}]}}"#,
        changes.join(",")
    ));
    assert_eq!(out["rateChanges"].as_array().unwrap().len(), 600);
    assert_eq!(out["schedule"][599]["balance"], "0.00");
}

// ---- properties ----------------------------------------------------------------

#[derive(Debug, Clone)]
struct Case {
    principal_cents: u64,
    rate_bp: u64,
    periods: u32,
    method: usize,
    /// (period seed, rate in basis points, keep payment)
    changes: Vec<(u32, u64, bool)>,
    /// (period seed, cents, lower payment)
    prepayments: Vec<(u32, u64, bool)>,
    each_period_fee: Option<u64>,
}

fn case() -> impl Strategy<Value = Case> {
    (
        100u64..=10_000_000_000,
        0u64..=3_600,
        prop_oneof![1u32..=24, 1u32..=600],
        0usize..4,
        proptest::collection::vec((0u32..600, 0u64..=3_600, any::<bool>()), 0..6),
        proptest::collection::vec((0u32..600, 1u64..=50_000_000, any::<bool>()), 0..4),
        proptest::option::of(0u64..=5_000),
    )
        .prop_map(
            |(principal_cents, rate_bp, periods, method, changes, prepayments, each_period_fee)| {
                Case {
                    principal_cents,
                    rate_bp,
                    periods,
                    method,
                    changes,
                    prepayments,
                    each_period_fee,
                }
            },
        )
}

impl Case {
    fn text(&self) -> String {
        let method = ["annuity", "equalPrincipal", "interestOnly", "bullet"][self.method];
        let pct = |bp: u64| format!("{}.{:02}", bp / 100, bp % 100);
        let mut seen = Vec::new();
        let changes: Vec<String> = self
            .changes
            .iter()
            .filter_map(|&(k, bp, keep)| {
                let period = k % self.periods + 1;
                if seen.contains(&period) {
                    return None;
                }
                seen.push(period);
                let keep = if keep && self.method == 0 { "payment" } else { "term" };
                Some(format!(
                    r#"{{"period":{period},"rate":{{"percent":"{}","per":"year"}},"keep":"{keep}"}}"#,
                    pct(bp)
                ))
            })
            .collect();
        let mut seen = Vec::new();
        let prepayments: Vec<String> = if self.method == 3 {
            Vec::new()
        } else {
            self.prepayments
                .iter()
                .filter_map(|&(k, c, lower)| {
                    let period = k % self.periods + 1;
                    if seen.contains(&period) {
                        return None;
                    }
                    seen.push(period);
                    let then = if lower { "lowerPayment" } else { "shortenTerm" };
                    Some(format!(
                        r#"{{"period":{period},"amount":"{}","then":"{then}"}}"#,
                        money(i128::from(c))
                    ))
                })
                .collect()
        };
        let fees = self.each_period_fee.map_or(String::new(), |c| {
            format!(
                r#","fees":[{{"amount":"{}","when":"eachPeriod"}}]"#,
                money(i128::from(c))
            )
        });
        format!(
            r#"{{"principal":"{}","rate":{{"percent":"{}","per":"year"}},"periods":{},"method":"{method}","startDate":"2024-01-31","rateChanges":[{}],"prepayments":[{}]{fees}}}"#,
            money(i128::from(self.principal_cents)),
            pct(self.rate_bp),
            self.periods,
            changes.join(","),
            prepayments.join(","),
        )
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// With random rate changes and prepayments: every row's payment is its
    /// principal + interest + fees, the balance falls by the principal and
    /// ends at 0.00, the totals are the rows' sums, and the interest
    /// difference is the interest against the loan without the changes.
    #[test]
    fn identities_hold_with_rate_changes(c in case()) {
        let text = c.text();
        let out = match call_json("loanTerms", &input(&text)) {
            Ok(out) => serde_json::from_str::<J>(&out).unwrap(),
            Err(e) => {
                // Only a kept payment that cannot work is refused.
                prop_assert!(
                    e.field.as_deref().is_some_and(|f| f.ends_with(".keep")),
                    "{}: {}", text, e
                );
                return Ok(());
            }
        };
        let rows = out["schedule"].as_array().unwrap();
        prop_assert!(!rows.is_empty() && rows.len() <= 600);
        let mut prev = i128::from(c.principal_cents);
        let (mut pay, mut prin, mut int) = (0, 0, 0);
        for (k, r) in rows.iter().enumerate() {
            let (p, pr, i, f, b) = (cents(&r["payment"]), cents(&r["principal"]), cents(&r["interest"]), cents(&r["fees"]), cents(&r["balance"]));
            prop_assert_eq!(p, pr + i + f, "row {} of {}", k + 1, text);
            prop_assert!(pr >= 0 && i >= 0 && f >= 0 && b >= 0, "row {} of {}", k + 1, text);
            prop_assert_eq!(prev - pr, b, "row {} of {}", k + 1, text);
            prop_assert_eq!(r["period"].as_u64(), Some(k as u64 + 1));
            prev = b;
            pay += p;
            prin += pr;
            int += i;
        }
        prop_assert_eq!(prev, 0, "{}", text);
        prop_assert_eq!(prin, i128::from(c.principal_cents));
        prop_assert_eq!(cents(&out["totals"]["payment"]), pay);
        prop_assert_eq!(cents(&out["totals"]["interest"]), int);
        prop_assert_eq!(cents(&out["lastPayment"]), cents(&rows[rows.len() - 1]["payment"]));
        prop_assert_eq!(
            cents(&out["interestDifference"]),
            int - cents(&out["interestWithoutChanges"])
        );
        // Only a kept payment moves the end past the contract's term.
        let kept = out["rateChanges"].as_array().unwrap().iter().any(|c| c["keep"] == "payment");
        prop_assert!(kept || rows.len() <= c.periods as usize, "{}", text);
        for ch in out["rateChanges"].as_array().unwrap() {
            let k = ch["period"].as_u64().unwrap() as usize;
            prop_assert!(k >= 1 && k <= rows.len(), "{}", text);
            prop_assert_eq!(&ch["dueDate"], &rows[k - 1]["dueDate"]);
        }
        prop_assert!(out["apr"].is_object() || out["warnings"].as_array().unwrap().iter().any(|w| w["code"] == "aprUnavailable"), "{}", text);
    }

    /// A change to the rate the loan already has changes nothing but the
    /// cents of a recomputed level payment.
    #[test]
    fn a_change_to_the_same_rate_is_almost_no_change(c in case()) {
        let rate = format!("{}.{:02}", c.rate_bp / 100, c.rate_bp % 100);
        let base = format!(
            r#""principal":"{}","rate":{{"percent":"{rate}","per":"year"}},"periods":{},"method":"{}""#,
            money(i128::from(c.principal_cents)),
            c.periods,
            ["annuity", "equalPrincipal", "interestOnly", "bullet"][c.method],
        );
        let period = c.changes.first().map_or(1, |ch| ch.0 % c.periods + 1);
        let out = run(&format!(r#"{{{base},"rateChanges":[{{"period":{period},"rate":{{"percent":"{rate}","per":"year"}}}}]}}"#));
        let fixed = run(&format!("{{{base}}}"));
        prop_assert_eq!(&out["interestWithoutChanges"], &fixed["totals"]["interest"]);
        if c.method != 0 {
            prop_assert_eq!(&out["schedule"], &fixed["schedule"]);
        }
        // A level payment recomputed at the same rate differs by at most a
        // cent, and the last payment takes that cent's compounded sum (a
        // bound computed in floats: it is a test tolerance, not a figure).
        let rows = out["schedule"].as_array().unwrap().len() as f64;
        let growth = (1.0 + c.rate_bp as f64 / 120_000.0).powf(rows);
        let bound = 2.0 * rows * growth;
        prop_assert!((cents(&out["interestDifference"]).abs() as f64) <= bound, "{} > {}: {}", out["interestDifference"], bound, base);
    }
}
