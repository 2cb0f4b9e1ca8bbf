//! A generator of arbitrary API inputs for the fuzz command (`make fuzz`,
//! `examples/fuzz.rs`) and its seeded sample in `cargo test` (`tests/fuzz.rs`).
//!
//! Inputs start from a valid example of each API function and are mutated:
//! a value replaced by something hostile (wrong types, NaN and ±∞, huge and
//! tiny numbers, 28-digit decimals, negative zero, exponents, empty and
//! Unicode strings, impossible dates), a field dropped or added, a list grown,
//! a level of nesting added, or an extreme but valid value put in (600
//! periods at 10,000 %/year, 0 % rates). Every case goes through
//! `repay::api::call_json`: the binding's own entry (`api::call`), with
//! `loanTerms`' packed rows unpacked as the page unpacks them.

#![allow(dead_code)]

use repay::input::Value;

/// A small deterministic generator (xorshift64*), so a seed reproduces a run.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

fn s(x: &str) -> Value {
    Value::String(x.to_owned())
}
fn n(x: f64) -> Value {
    Value::Number(x)
}
fn obj(pairs: &[(&str, Value)]) -> Value {
    Value::Object(
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), v.clone()))
            .collect(),
    )
}
fn rate(p: &str, per: &str) -> Value {
    obj(&[("percent", s(p)), ("per", s(per))])
}

/// The API functions and a valid example input of each.
pub fn seeds() -> Vec<(&'static str, Value)> {
    let flows: Vec<Value> = std::iter::once(obj(&[("amount", s("10000")), ("period", n(0.0))]))
        .chain((1..=12).map(|k| obj(&[("amount", s("-888.49")), ("period", n(f64::from(k)))])))
        .collect();
    let dated = vec![
        obj(&[("amount", n(-10000.0)), ("date", s("2008-01-01"))]),
        obj(&[("amount", n(2750.0)), ("date", s("2008-03-01"))]),
        obj(&[("amount", n(4250.0)), ("date", s("2008-10-30"))]),
        obj(&[("amount", n(3250.0)), ("date", s("2009-02-15"))]),
        obj(&[("amount", n(2750.0)), ("date", s("2009-04-01"))]),
    ];
    vec![
        (
            "loanTerms",
            obj(&[
                ("principal", s("10000")),
                ("received", s("9000")),
                ("rate", rate("12", "year")),
                ("periods", n(12.0)),
                ("method", s("annuity")),
                ("startDate", s("2026-01-31")),
                (
                    "fees",
                    Value::Array(vec![
                        obj(&[
                            ("label", s("服务费")),
                            ("amount", s("100")),
                            ("when", s("upfront")),
                        ]),
                        obj(&[("percentOfPrincipal", s("0.5")), ("when", s("eachPeriod"))]),
                    ]),
                ),
                (
                    "prepayments",
                    Value::Array(vec![obj(&[
                        ("period", n(3.0)),
                        ("amount", s("1000")),
                        ("then", s("lowerPayment")),
                    ])]),
                ),
            ]),
        ),
        (
            "cashflowRate",
            obj(&[("flows", Value::Array(flows)), ("periodsPerYear", n(12.0))]),
        ),
        (
            "cashflowRate",
            obj(&[("flows", Value::Array(dated)), ("convention", s("usRegZ"))]),
        ),
        (
            "overdueCost",
            obj(&[
                (
                    "overdue",
                    obj(&[
                        ("principal", s("50000")),
                        ("interest", s("1200")),
                        ("fees", s("300")),
                    ]),
                ),
                ("from", s("2025-01-01")),
                ("to", s("2025-07-01")),
                (
                    "penalty",
                    obj(&[
                        ("contractRate", rate("4.35", "year")),
                        ("markupPercent", s("50")),
                    ]),
                ),
                ("compound", Value::Bool(true)),
                ("lateFee", obj(&[("amount", s("100")), ("per", s("month"))])),
                ("lender", s("private")),
                ("contractDate", s("2023-09-01")),
                ("payment", obj(&[("amount", s("5000"))])),
            ]),
        ),
        (
            "repaymentPlans",
            obj(&[
                (
                    "balance",
                    obj(&[
                        ("principal", s("20000")),
                        ("interest", s("800")),
                        ("penalties", s("600")),
                        ("fees", s("200")),
                    ]),
                ),
                ("rate", rate("18", "year")),
                ("monthlyBudget", s("1000")),
                ("lumpSum", s("5000")),
                ("lumpSumOffer", s("15000")),
                ("lender", s("creditCard")),
                ("months", n(24.0)),
                ("startDate", s("2026-12-01")),
            ]),
        ),
        (
            "debtPlan",
            obj(&[
                (
                    "debts",
                    Value::Array(vec![
                        obj(&[
                            ("name", s("card")),
                            ("balance", s("2000")),
                            ("rate", rate("18", "year")),
                            ("minPayment", s("100")),
                        ]),
                        obj(&[
                            ("name", s("online")),
                            ("balance", s("1000")),
                            ("rate", rate("36", "year")),
                            ("minPayment", s("50")),
                        ]),
                    ]),
                ),
                ("monthlyBudget", s("400")),
                ("strategy", s("avalanche")),
                ("compare", Value::Bool(true)),
            ]),
        ),
        (
            "loanTerms",
            obj(&[
                ("principal", s("1000000")),
                ("rate", rate("4.9", "year")),
                ("periods", n(360.0)),
                ("method", s("annuity")),
                ("startDate", s("2020-01-15")),
                (
                    "rateChanges",
                    Value::Array(vec![
                        obj(&[("period", n(13.0)), ("rate", rate("3.5", "year"))]),
                        obj(&[
                            ("date", s("2024-06-15")),
                            ("rate", rate("0.3", "month")),
                            ("keep", s("payment")),
                        ]),
                    ]),
                ),
            ]),
        ),
        (
            "loanTerms",
            obj(&[
                ("principal", s("1000000")),
                ("periods", n(360.0)),
                ("method", s("equalPrincipal")),
                ("startDate", s("2019-10-15")),
                (
                    "lprLinked",
                    obj(&[
                        ("spreadBasisPoints", n(50.0)),
                        ("repricing", s("january")),
                        ("from", s("2020-03-01")),
                    ]),
                ),
            ]),
        ),
        (
            "repaymentPlans",
            obj(&[
                (
                    "overdue",
                    obj(&[
                        (
                            "overdue",
                            obj(&[("principal", s("15000")), ("interest", s("300"))]),
                        ),
                        ("days", n(45.0)),
                        ("penalty", obj(&[("rate", rate("0.1", "day"))])),
                        ("compound", Value::Bool(false)),
                        ("lateFee", obj(&[("amount", s("500")), ("per", s("once"))])),
                        ("lender", s("microLoan")),
                        ("dayBasis", s("360")),
                        ("upfrontDeduction", s("2000.00")),
                    ]),
                ),
                ("planOn", s("claimed")),
                ("rate", rate("0.05", "day")),
                ("monthlyBudget", s("1200")),
            ]),
        ),
        (
            "collectionLog",
            obj(&[
                ("lender", s("microLoan")),
                ("consentToLateContact", Value::Bool(false)),
                (
                    "contacts",
                    Value::Array(vec![
                        obj(&[
                            ("at", s("2026-03-01T22:40")),
                            ("channel", s("call")),
                            ("answered", Value::Bool(true)),
                            ("to", s("me")),
                            ("from", s("021-5555")),
                            ("conduct", Value::Array(vec![s("insult"), s("threat")])),
                            ("note", s("说要上门")),
                        ]),
                        obj(&[
                            ("at", s("2026-03-02T10:00")),
                            ("channel", s("call")),
                            ("answered", Value::Bool(false)),
                            ("to", s("me")),
                        ]),
                        obj(&[
                            ("at", s("2026-03-02T11:00")),
                            ("channel", s("sms")),
                            ("to", s("unrelatedThirdParty")),
                            ("debtDisclosed", Value::Bool(true)),
                        ]),
                    ]),
                ),
            ]),
        ),
        ("legalRules", Value::Null),
        (
            "overdueCost",
            obj(&[
                ("loan", case_loan()),
                ("paid", n(4.0)),
                ("asOf", s("2026-12-07")),
                ("penalty", obj(&[("rate", rate("0.1", "day"))])),
                ("compound", Value::Bool(true)),
                (
                    "lateFee",
                    obj(&[
                        ("percentOfRemainingPrincipal", s("10")),
                        ("per", s("once")),
                    ]),
                ),
                ("collectionFee", s("300")),
                ("lender", s("microLoan")),
            ]),
        ),
        (
            "overdueCost",
            obj(&[
                ("loan", case_loan()),
                ("paid", n(2.0)),
                ("asOf", s("2026-12-07")),
                ("accelerated", s("2026-11-01")),
                ("penalty", obj(&[("rate", rate("0.05", "day"))])),
                ("lender", s("private")),
                ("contractDate", s("2026-05-23")),
            ]),
        ),
        (
            "repaymentPlans",
            obj(&[
                (
                    "overdue",
                    obj(&[
                        ("loan", case_loan()),
                        ("paid", n(4.0)),
                        ("asOf", s("2026-12-07")),
                        ("penalty", obj(&[("rate", rate("0.1", "day"))])),
                        ("collectionFee", s("300")),
                        ("lender", s("consumerFinance")),
                    ]),
                ),
                ("monthlyBudget", s("1500")),
            ]),
        ),
        (
            "readMessage",
            obj(&[
                ("text", s("【某某金融】您已逾期45天，欠款1.2万元（含罚息¥675.00、违约金500元），请于今日18:00前还款至个人账户，否则上门并通知您的家人。联系95555或13800138000，https://pay.example.cn/x")),
                ("receivedAt", s("2026-12-07T09:30")),
            ]),
        ),
    ]
}

/// The loan of the case from the loan (docs/api.md, the worked example): 20,000 contracted,
/// 18,500 received on 2026-05-23, 18 % a year, 12 monthly instalments and a 99 fee each.
fn case_loan() -> Value {
    obj(&[
        ("principal", s("20000")),
        ("received", s("18500")),
        ("rate", rate("18", "year")),
        ("periods", n(12.0)),
        ("method", s("annuity")),
        ("startDate", s("2026-05-23")),
        (
            "fees",
            Value::Array(vec![obj(&[
                ("label", s("会员费")),
                ("amount", s("99")),
                ("when", s("eachPeriod")),
            ])]),
        ),
    ])
}

/// The functions [`seeds`] covers: every function of `repay::api::call`
/// (tests/fuzz.rs checks that each of them has a seed and that no other name does).
pub const FUNCTIONS: [&str; 8] = [
    "loanTerms",
    "cashflowRate",
    "overdueCost",
    "legalRules",
    "repaymentPlans",
    "debtPlan",
    "collectionLog",
    "readMessage",
];

const WEIRD_TEXT: [&str; 30] = [
    "",
    " ",
    "-0",
    "+0",
    "0",
    "0.00000000001",
    "1e5",
    "1E-3",
    "NaN",
    "Infinity",
    "-Infinity",
    "1,000",
    "１２３",
    "一万",
    "12.5%",
    "¥100",
    "9999999999999999999999999999",
    "1234567890123456789.0123456789",
    "0.1234567891",
    "1000000000000",
    "1000000000000.01",
    "2026-02-30",
    "2024-02-29",
    "1899-12-31",
    "2200-12-31",
    "0x10",
    "😀",
    "annuity",
    "year",
    "\u{0}",
];

const WEIRD_NUMBERS: [f64; 16] = [
    0.0,
    -0.0,
    1.0,
    -1.0,
    0.1,
    1e-7,
    1e21,
    1e300,
    -1e300,
    f64::NAN,
    f64::INFINITY,
    f64::NEG_INFINITY,
    600.0,
    601.0,
    4294967296.0,
    0.30000000000000004,
];

/// Something hostile or extreme in place of a value.
pub fn weird(rng: &mut Rng) -> Value {
    match rng.below(10) {
        0..=3 => s(WEIRD_TEXT[rng.below(WEIRD_TEXT.len())]),
        4..=6 => n(WEIRD_NUMBERS[rng.below(WEIRD_NUMBERS.len())]),
        7 => Value::Bool(rng.chance(50)),
        8 => Value::Null,
        _ => match rng.below(3) {
            0 => Value::Array(vec![]),
            1 => Value::Object(vec![]),
            _ => rate(
                ["0", "10000", "100000", "0.05", "1000001"][rng.below(5)],
                ["day", "month", "year", "week"][rng.below(4)],
            ),
        },
    }
}

fn paths(v: &Value, out: &mut Vec<Vec<usize>>, here: &mut Vec<usize>) {
    out.push(here.clone());
    let children: Vec<&Value> = match v {
        Value::Array(items) => items.iter().collect(),
        Value::Object(pairs) => pairs.iter().map(|(_, v)| v).collect(),
        _ => return,
    };
    for (i, c) in children.into_iter().enumerate() {
        here.push(i);
        paths(c, out, here);
        here.pop();
    }
}

fn at<'a>(v: &'a mut Value, path: &[usize]) -> &'a mut Value {
    let Some((first, rest)) = path.split_first() else {
        return v;
    };
    match v {
        Value::Array(items) => at(&mut items[*first], rest),
        Value::Object(pairs) => at(&mut pairs[*first].1, rest),
        _ => v,
    }
}

/// One mutation of `v`.
pub fn mutate(v: &mut Value, rng: &mut Rng) {
    let mut all = Vec::new();
    paths(v, &mut all, &mut Vec::new());
    let target = at(v, &all[rng.below(all.len())]);
    match rng.below(8) {
        0..=3 => *target = weird(rng),
        4 => {
            if let Value::Object(pairs) = target {
                if !pairs.is_empty() {
                    let i = rng.below(pairs.len());
                    pairs.remove(i);
                }
            }
        }
        5 => {
            if let Value::Object(pairs) = target {
                pairs.push((
                    ["principle", "extra", "", "rate", "__proto__"][rng.below(5)].to_owned(),
                    weird(rng),
                ));
            }
        }
        6 => {
            if let Value::Array(items) = target {
                if let Some(first) = items.first().cloned() {
                    let copies = [1, 10, 60, 700][rng.below(4)];
                    items.extend(std::iter::repeat_n(first, copies));
                }
            }
        }
        _ => *target = Value::Array(vec![target.clone()]),
    }
}

/// A generated case: the function name and its input.
pub fn case(rng: &mut Rng, seeds: &[(&'static str, Value)]) -> (&'static str, Value) {
    let (name, seed) = &seeds[rng.below(seeds.len())];
    let mut v = seed.clone();
    let mutations = rng.below(4);
    for _ in 0..mutations {
        mutate(&mut v, rng);
    }
    // Now and then an extreme but valid loan.
    if *name == "loanTerms" && rng.chance(5) {
        if let Value::Object(pairs) = &mut v {
            pairs.retain(|(k, _)| k != "prepayments" && k != "periods" && k != "rate");
            pairs.push(("periods".into(), n(600.0)));
            pairs.push((
                "rate".into(),
                rate(["10000", "0", "100000"][rng.below(3)], "year"),
            ));
        }
    }
    // Now and then a case from the loan with another count paid and another day: around the
    // due dates (the 23rd), before the first, after the last, and more paid than were due.
    if *name == "overdueCost" && rng.chance(30) {
        if let Value::Object(pairs) = &mut v {
            if pairs.iter().any(|(k, _)| k == "loan") {
                pairs.retain(|(k, _)| k != "paid" && k != "asOf");
                pairs.push(("paid".into(), n(rng.below(15) as f64)));
                let day = [
                    "2026-06-22",
                    "2026-06-23",
                    "2026-06-24",
                    "2026-11-22",
                    "2026-11-23",
                    "2026-12-07",
                    "2027-05-23",
                    "2027-08-01",
                ][rng.below(8)];
                pairs.push(("asOf".into(), s(day)));
            }
        }
    }
    (name, v)
}

/// JSON text of a value, to print a failing case.
pub fn to_json(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(x) if x.is_finite() => format!("{x:?}"),
        Value::Number(x) => format!("\"<{x}>\""),
        Value::String(t) => format!("{t:?}"),
        Value::Array(items) => format!(
            "[{}]",
            items.iter().map(to_json).collect::<Vec<_>>().join(",")
        ),
        Value::Object(pairs) => format!(
            "{{{}}}",
            pairs
                .iter()
                .map(|(k, v)| format!("{k:?}:{}", to_json(v)))
                .collect::<Vec<_>>()
                .join(",")
        ),
    }
}

/// What one case did.
pub enum Outcome {
    /// A result, well formed.
    Ok,
    /// A documented error.
    Err(&'static str),
    /// A result that breaks a rule of the output (the reason).
    BadOutput(String),
}

/// Runs one case and checks the output: valid JSON, every decimal string
/// with two (money) or four (percent) places, and the output's own
/// arithmetic ([`identities`]).
pub fn run(name: &str, input: &Value) -> Outcome {
    match repay::api::call_json(name, input) {
        Err(e) => Outcome::Err(e.code.as_str()),
        Ok(text) => match serde_json::from_str::<serde_json::Value>(&text) {
            Err(e) => Outcome::BadOutput(format!("not JSON: {e}")),
            Ok(out) => {
                if let Some(bad) = bad_decimal(&out) {
                    return Outcome::BadOutput(format!(
                        "decimal string {bad:?} has neither 2 nor 4 places"
                    ));
                }
                match identities(name, input, &out) {
                    Err(why) => Outcome::BadOutput(why),
                    Ok(()) => Outcome::Ok,
                }
            }
        },
    }
}

/// A string under a percent key must have exactly four decimals: a rate too
/// large for them once came out as bare digits, which `bad_decimal` (looking
/// only at strings with a point) cannot see.
fn bad_percent(key: &str, v: &serde_json::Value) -> Option<String> {
    let serde_json::Value::String(t) = v else {
        return None;
    };
    if !(key.ends_with("Percent") || key == "percent") {
        return None;
    }
    let body = t.strip_prefix('-').unwrap_or(t);
    let ok = body.split_once('.').is_some_and(|(int, frac)| {
        !int.is_empty()
            && int.bytes().all(|b| b.is_ascii_digit())
            && frac.len() == 4
            && frac.bytes().all(|b| b.is_ascii_digit())
    });
    (!ok).then(|| format!("{key}: {t}"))
}

fn bad_decimal(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(t) => {
            let body = t.strip_prefix('-').unwrap_or(t);
            let (int, frac) = body.split_once('.')?;
            let numeric = !int.is_empty()
                && int.bytes().all(|b| b.is_ascii_digit())
                && frac.bytes().all(|b| b.is_ascii_digit());
            (numeric && frac.len() != 2 && frac.len() != 4).then(|| t.clone())
        }
        serde_json::Value::Array(items) => items.iter().find_map(bad_decimal),
        // Names and labels are the user's own words, echoed back.
        serde_json::Value::Object(map) => map
            .iter()
            .filter(|(k, _)| !matches!(k.as_str(), "name" | "label" | "order"))
            .find_map(|(k, v)| bad_percent(k, v).or_else(|| bad_decimal(v))),
        _ => None,
    }
}

/// A money or percent string of the output as a decimal.
fn num(v: &serde_json::Value, what: &str) -> Result<rust_decimal::Decimal, String> {
    v.as_str()
        .and_then(|t| t.parse().ok())
        .ok_or_else(|| format!("{what} is not a decimal string: {v}"))
}

fn sum_of(rows: &[serde_json::Value], key: &str) -> Result<rust_decimal::Decimal, String> {
    rows.iter().try_fold(rust_decimal::Decimal::ZERO, |acc, r| {
        Ok(acc + num(&r[key], key)?)
    })
}

fn check(ok: bool, why: impl FnOnce() -> String) -> Result<(), String> {
    if ok {
        Ok(())
    } else {
        Err(why())
    }
}

/// The case from the loan's count of instalments due (docs/api.md, `dueByAsOf`): every missed
/// instalment is after the ones paid and among those due by `asOf`; without `accelerated`, every
/// due one not paid is missed but for the one due on `asOf` itself (paying it that day is on
/// time); and the `paidBeyondDue` note is there exactly when `paid` is above `dueByAsOf`.
fn due_by_as_of(out: &serde_json::Value) -> Result<(), String> {
    let count = |key: &str| {
        out[key]
            .as_u64()
            .ok_or_else(|| format!("{key} is not a count: {}", out[key]))
    };
    let (due, paid) = (count("dueByAsOf")?, count("paid")?);
    let missed = out["missed"].as_array().cloned().unwrap_or_default();
    for m in &missed {
        let period = m["period"].as_u64().unwrap_or(0);
        check(paid < period && period <= due, || {
            format!("missed period {period} not in ({paid}, dueByAsOf {due}]")
        })?;
    }
    if out.get("accelerated").is_none_or(|a| a.is_null()) && due > paid {
        let n = missed.len() as u64;
        check(n == due - paid || n + 1 == due - paid, || {
            format!("{n} missed, but dueByAsOf {due} − paid {paid} are unpaid")
        })?;
    }
    let noted = out["basis"]
        .as_array()
        .is_some_and(|b| b.iter().any(|n| n["code"] == "paidBeyondDue"));
    check(noted == (paid > due), || {
        format!("paidBeyondDue noted {noted}, paid {paid}, dueByAsOf {due}")
    })
}

/// The arithmetic every result must satisfy whatever the input, so that no
/// input, however extreme, gets figures that do not add up:
/// - `loanTerms`: each row's payment = principal + interest + fees, none
///   negative; each balance = the previous one − the row's principal, from
///   the contract principal down to exactly 0.00; the totals are the sums of
///   the rows (fees: at least, since upfront fees are in no row).
/// - `overdueCost`: total charges = penalty + compound interest + interest on
///   fees + late fees (+ a collection fee); total owed = overdue + charges; each cap's excess =
///   max(0, charged − cap amount).
/// - `repaymentPlans`: each plan's total paid = the sum of its payments and
///   its schedule ends at 0.00.
/// - `collectionLog`: the days' contacts add up to the log's; every flagged
///   entry is in the log, and a flag's count is its entries.
/// - `overdueCost` of a case from the loan: settlement = notYetDue + totalOwed, and the count
///   of instalments due agrees with the missed ones and the `paidBeyondDue` note (`due_by_as_of`).
/// - `readMessage`: every finding's offsets lie within the text.
pub fn identities(name: &str, input: &Value, out: &serde_json::Value) -> Result<(), String> {
    use rust_decimal::Decimal;
    let rows = |v: &serde_json::Value| v.as_array().cloned().unwrap_or_default();
    match name {
        "loanTerms" => {
            let schedule = rows(&out["schedule"]);
            check(!schedule.is_empty(), || "empty schedule".into())?;
            let principal_in = match input {
                Value::Object(pairs) => {
                    pairs.iter().find(|(k, _)| k == "principal").map(|(_, v)| v)
                }
                _ => None,
            };
            let mut balance = num(&out["totals"]["principal"], "totals.principal")?;
            if let Some(Value::String(p)) = principal_in {
                if let Ok(p) = p.trim().parse::<Decimal>() {
                    // Money in keeps its digits (up to 10 decimals); figures out are cents.
                    let cents = p.round_dp_with_strategy(
                        2,
                        rust_decimal::RoundingStrategy::MidpointAwayFromZero,
                    );
                    check(cents == balance, || {
                        format!("totals.principal {balance} ≠ principal {p} in cents")
                    })?;
                }
            }
            for r in &schedule {
                let [pay, pr, int, fee, bal] =
                    ["payment", "principal", "interest", "fees", "balance"].map(|k| num(&r[k], k));
                let (pay, pr, int, fee, bal) = (pay?, pr?, int?, fee?, bal?);
                let at = &r["period"];
                check(pay == pr + int + fee, || {
                    format!("row {at}: payment {pay} ≠ {pr} + {int} + {fee}")
                })?;
                check(
                    pr >= Decimal::ZERO && int >= Decimal::ZERO && fee >= Decimal::ZERO,
                    || format!("row {at}: a negative part"),
                )?;
                check(bal == balance - pr, || {
                    format!("row {at}: balance {bal} ≠ {balance} − {pr}")
                })?;
                balance = bal;
            }
            check(
                balance.is_zero() && schedule.last().is_some_and(|r| r["balance"] == "0.00"),
                || format!("schedule ends at {balance}"),
            )?;
            for key in ["payment", "principal", "interest"] {
                let s = sum_of(&schedule, key)?;
                let t = num(&out["totals"][key], key)?;
                check(s == t, || format!("totals.{key} {t} ≠ Σ {key} {s}"))?;
            }
            // Every fee: the rows' and the upfront ones (not in any row).
            let (s, t) = (
                sum_of(&schedule, "fees")?,
                num(&out["totals"]["fees"], "fees")?,
            );
            check(t >= s, || format!("totals.fees {t} < Σ fees {s}"))?;
        }
        "overdueCost" => {
            // The case from the loan: settlement = notYetDue + totalOwed (docs/api.md).
            if let (Some(_), Some(_)) = (out["settlement"].as_str(), out["notYetDue"].as_str()) {
                let (settlement, not_yet, owed) = (
                    num(&out["settlement"], "settlement")?,
                    num(&out["notYetDue"], "notYetDue")?,
                    num(&out["totalOwed"], "totalOwed")?,
                );
                check(settlement == not_yet + owed, || {
                    format!("settlement {settlement} ≠ notYetDue {not_yet} + totalOwed {owed}")
                })?;
                due_by_as_of(out)?;
            }
            let [pen, comp, fees, late, total, owed, overdue] = [
                "penaltyInterest",
                "compoundInterest",
                "interestOnFees",
                "lateFees",
                "totalCharges",
                "totalOwed",
                "overdueTotal",
            ]
            .map(|k| num(&out[k], k));
            let (pen, comp, fees, late, total, owed, overdue) =
                (pen?, comp?, fees?, late?, total?, owed?, overdue?);
            // A collection fee (催收费) is a charge too (docs/api.md, collectionFee).
            let collection = match out.get("collectionFee").and_then(|v| v.as_str()) {
                Some(_) => num(&out["collectionFee"], "collectionFee")?,
                None => Decimal::ZERO,
            };
            check(total == pen + comp + fees + late + collection, || {
                format!("totalCharges {total} ≠ {pen} + {comp} + {fees} + {late} + {collection}")
            })?;
            check(owed == overdue + total, || {
                format!("totalOwed {owed} ≠ {overdue} + {total}")
            })?;
            for cap in rows(&out["caps"]) {
                let (charged, amount, excess) = (
                    num(&cap["charged"], "charged")?,
                    num(&cap["capAmount"], "capAmount")?,
                    num(&cap["excess"], "excess")?,
                );
                check(excess == (charged - amount).max(Decimal::ZERO), || {
                    format!(
                        "cap {}: excess {excess} ≠ max(0, {charged} − {amount})",
                        cap["rule"]
                    )
                })?;
            }
        }
        "repaymentPlans" => {
            for plan in rows(&out["plans"]) {
                let schedule = rows(&plan["schedule"]);
                let kind = &plan["kind"];
                let paid = num(&plan["totalPaid"], "totalPaid")?;
                let s = sum_of(&schedule, "payment")?;
                check(paid == s, || {
                    format!("plan {kind}: totalPaid {paid} ≠ Σ payments {s}")
                })?;
                check(
                    schedule.last().is_some_and(|r| r["balance"] == "0.00"),
                    || format!("plan {kind}: schedule does not end at 0.00"),
                )?;
            }
        }
        "readMessage" => {
            // Every finding sits inside the text (UTF-16 offsets, as JS counts).
            let len = match input {
                Value::Object(pairs) => {
                    pairs
                        .iter()
                        .find(|(k, _)| k == "text")
                        .and_then(|(_, v)| match v {
                            Value::String(t) => Some(t.encode_utf16().count() as u64),
                            _ => None,
                        })
                }
                _ => None,
            }
            .ok_or("a result without a text")?;
            for list in [
                "amounts",
                "deadlines",
                "phones",
                "links",
                "conduct",
                "warnings",
            ] {
                for f in rows(&out[list]) {
                    let (a, b) = (f["start"].as_u64(), f["end"].as_u64());
                    check(
                        matches!((a, b), (Some(a), Some(b)) if a <= b && b <= len),
                        || format!("{list}: {a:?}..{b:?} outside the text of {len}"),
                    )?;
                }
            }
        }
        "collectionLog" => {
            let contacts = out["contacts"].as_u64().ok_or("contacts is not a count")?;
            let per_day: u64 = rows(&out["byDay"])
                .iter()
                .map(|d| d["contacts"].as_u64().unwrap_or(u64::MAX / 8192))
                .sum();
            check(per_day == contacts, || {
                format!("Σ byDay.contacts {per_day} ≠ contacts {contacts}")
            })?;
            for flag in rows(&out["flags"]) {
                let entries = rows(&flag["entries"]);
                check(
                    entries
                        .iter()
                        .all(|e| e.as_u64().is_some_and(|i| i < contacts)),
                    || format!("flag {}: an entry outside the log", flag["rule"]),
                )?;
                check(flag["count"].as_u64() == Some(entries.len() as u64), || {
                    format!("flag {}: count ≠ its entries", flag["rule"])
                })?;
            }
        }
        _ => {}
    }
    Ok(())
}
