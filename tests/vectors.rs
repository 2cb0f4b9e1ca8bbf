//! Reference vectors from sources outside this project, one test per file in
//! `tests/vectors/`, driven by one table harness.
//!
//! Each CSV has a header row; an `expect_*` cell left empty is not checked.
//! A rate expectation is compared at the reference's own precision: "12.80"
//! passes when the API's four-decimal percent rounds (half-up) to 12.80.
//! Provenance of every row is in `tests/vectors/README.md`.

mod common;

use common::dec;

use repay::input::Value;
use repay::schedule::annuity_payment;
use rust_decimal::prelude::*;
use std::collections::HashMap;
use std::fs;
use std::path::Path;

/// One CSV row, by column name.
struct Row {
    file: String,
    n: usize,
    cells: HashMap<String, String>,
}

impl Row {
    fn get(&self, col: &str) -> &str {
        match self.cells.get(col) {
            Some(v) => v.as_str(),
            None => panic!("{} row {}: no column {col}", self.file, self.n),
        }
    }

    fn opt(&self, col: &str) -> Option<&str> {
        Some(self.get(col)).filter(|v| !v.is_empty())
    }

    fn at(&self) -> String {
        format!("{} row {} ({})", self.file, self.n, self.get("source"))
    }
}

/// Reads `tests/vectors/{name}`: comma separated, no quoting (lists inside a
/// cell use `;`), `#` lines are comments.
fn read(name: &str) -> Vec<Row> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/vectors")
        .join(name);
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'));
    let (_, header) = lines.next().expect("a header row");
    let cols: Vec<&str> = header.split(',').map(str::trim).collect();
    lines
        .map(|(i, line)| {
            let cells: Vec<&str> = line.split(',').map(str::trim).collect();
            assert_eq!(
                cells.len(),
                cols.len(),
                "{name} row {}: {} cells for {} columns",
                i + 1,
                cells.len(),
                cols.len()
            );
            Row {
                file: name.to_owned(),
                n: i + 1,
                cells: cols
                    .iter()
                    .zip(cells)
                    .map(|(c, v)| ((*c).to_owned(), v.to_owned()))
                    .collect(),
            }
        })
        .collect()
}

/// Decimal places written in a reference figure ("12.80" has 2).
fn dp_of(s: &str) -> u32 {
    s.split_once('.').map_or(0, |(_, f)| f.len() as u32)
}

fn half_up(d: Decimal, dp: u32) -> Decimal {
    d.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
}

/// Checks an API percent string against a reference written at its own
/// precision (at most the API's four places).
fn check_rate(failures: &mut Vec<String>, at: &str, what: &str, got: Option<&str>, want: &str) {
    let Some(got) = got else {
        failures.push(format!("{at}: {what} missing, expected {want}"));
        return;
    };
    let dp = dp_of(want).min(4);
    let (g, w) = (half_up(dec(got), dp), half_up(dec(want), dp));
    if g != w {
        failures.push(format!(
            "{at}: {what} = {got} (→ {g} at {dp} dp), reference {want}"
        ));
    }
}

fn check_eq(failures: &mut Vec<String>, at: &str, what: &str, got: &str, want: &str) {
    if got != want {
        failures.push(format!("{at}: {what} = {got}, reference {want}"));
    }
}

fn finish(name: &str, rows: usize, failures: Vec<String>) {
    assert!(rows > 0, "{name} has no rows");
    assert!(
        failures.is_empty(),
        "{} of {name}'s checks failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn number_or_text(s: &str) -> Value {
    Value::str(s)
}

/// `upfront=1000;eachPeriod=0.6%` → the `fees` list.
fn fees(spec: &str) -> Value {
    Value::Array(
        spec.split(';')
            .map(|f| {
                let (when, amount) = f.split_once('=').expect("when=amount");
                let amount = match amount.strip_suffix('%') {
                    Some(p) => ("percentOfPrincipal", Value::str(p)),
                    None => ("amount", Value::str(amount)),
                };
                Value::obj([
                    ("label", Value::str("fee")),
                    amount,
                    ("when", Value::str(when)),
                ])
            })
            .collect(),
    )
}

#[test]
fn annuity_payment_csv() {
    let name = "annuity_payment.csv";
    let rows = read(name);
    let mut failures = Vec::new();
    for r in &rows {
        let at = r.at();
        let p = dec(r.get("principal"));
        let periodic =
            dec(r.get("annual_percent")) / Decimal::ONE_HUNDRED / dec(r.get("periods_per_year"));
        let n: u32 = r.get("periods").parse().expect("periods");
        let pmt = match annuity_payment(p, periodic, n) {
            Ok(v) => v,
            Err(e) => {
                failures.push(format!("{at}: error {e}"));
                continue;
            }
        };
        let mut check = |what: &str, got: Decimal, want: &str| {
            let dp = dp_of(want);
            if half_up(got, dp) != dec(want) {
                failures.push(format!(
                    "{at}: {what} = {got} (→ {} at {dp} dp), reference {want}",
                    half_up(got, dp)
                ));
            }
        };
        if let Some(w) = r.opt("expect_payment") {
            check("payment", pmt, w);
        }
        if let Some(w) = r.opt("expect_total_interest") {
            check("payment × n − P", pmt * Decimal::from(n) - p, w);
        }
        if let Some(w) = r.opt("expect_first_interest") {
            check("P × r", p * periodic, w);
        }
        if let Some(w) = r.opt("expect_first_principal") {
            check("payment − P × r", pmt - p * periodic, w);
        }
    }
    finish(name, rows.len(), failures);
}

#[test]
fn loan_terms_csv() {
    let name = "loan_terms.csv";
    let rows = read(name);
    let mut failures = Vec::new();
    for r in &rows {
        let at = r.at();
        let mut input = vec![
            ("principal".to_owned(), number_or_text(r.get("principal"))),
            (
                "rate".to_owned(),
                Value::obj([
                    ("percent", Value::str(r.get("rate_percent"))),
                    ("per", Value::str(r.get("rate_per"))),
                ]),
            ),
            ("periods".to_owned(), number_or_text(r.get("periods"))),
            ("method".to_owned(), Value::str(r.get("method"))),
        ];
        if let Some(v) = r.opt("received") {
            input.push(("received".to_owned(), Value::str(v)));
        }
        if let Some(v) = r.opt("day_basis") {
            input.push((
                "dayBasis".to_owned(),
                Value::Number(v.parse().expect("360/365")),
            ));
        }
        if let Some(v) = r.opt("fee_spec") {
            input.push(("fees".to_owned(), fees(v)));
        }
        let out = repay::api::loan_terms(&Value::Object(input));
        match (out, r.opt("expect_error")) {
            (Err(e), Some(code)) => {
                let want = code
                    .split_once('@')
                    .map_or((code, None), |(c, f)| (c, Some(f)));
                if (e.code.as_str(), e.field.as_deref()) != want {
                    failures.push(format!("{at}: error {e}, expected {code}"));
                }
            }
            (Err(e), None) => failures.push(format!("{at}: unexpected error {e}")),
            (Ok(_), Some(code)) => failures.push(format!("{at}: no error, expected {code}")),
            (Ok(t), None) => {
                let first = &t.schedule[0];
                let last = &t.schedule[t.schedule.len() - 1];
                let f = &mut failures;
                for (col, got) in [
                    ("expect_first_payment", first.payment.as_str()),
                    ("expect_first_interest", first.interest.as_str()),
                    ("expect_first_principal", first.principal.as_str()),
                    ("expect_last_payment", last.payment.as_str()),
                    ("expect_last_balance", last.balance.as_str()),
                    ("expect_total_interest", t.totals.interest.as_str()),
                    ("expect_received", t.received.as_str()),
                ] {
                    if let Some(w) = r.opt(col) {
                        check_eq(f, &at, col, got, w);
                    }
                }
                let apr = t.apr.as_ref();
                if let Some(w) = r.opt("expect_nominal_apr") {
                    check_rate(
                        f,
                        &at,
                        "nominal",
                        apr.map(|a| a.nominal_percent.as_str()),
                        w,
                    );
                }
                if let Some(w) = r.opt("expect_effective_apr") {
                    check_rate(
                        f,
                        &at,
                        "effective",
                        apr.map(|a| a.effective_percent.as_str()),
                        w,
                    );
                }
            }
        }
    }
    finish(name, rows.len(), failures);
}

/// `amount@when;…` where `when` is a date or a period; `amount*k@start+step`
/// repeats a flow `k` times (`start` a date with `step` in months, `m`, or
/// days, `d`; or a period with a numeric step).
fn flows(spec: &str) -> Vec<Value> {
    let mut out = Vec::new();
    for item in spec.split(';') {
        let (amount, when) = item.split_once('@').expect("amount@when");
        let (amount, times) = match amount.split_once('*') {
            Some((a, k)) => (a, k.parse::<u32>().expect("count")),
            None => (amount, 1),
        };
        let (start, step) = match when.split_once('+') {
            Some((s, st)) => (s, Some(st)),
            None => (when, None),
        };
        for k in 0..times {
            let at = if start.contains('-') && start.len() == 10 {
                let d = repay::calendar::Date::parse(start).expect("date");
                let d = match step {
                    None => d,
                    Some(st) if st.ends_with('m') => {
                        let m: u32 = st.trim_end_matches('m').parse().expect("months");
                        d.add_months(m * k).expect("date in range")
                    }
                    Some(st) => {
                        let n: i64 = st.trim_end_matches('d').parse().expect("days");
                        d.add_days(n * i64::from(k)).expect("date in range")
                    }
                };
                ("date", Value::String(d.to_string()))
            } else {
                let p = dec(start) + step.map_or(Decimal::ZERO, dec) * Decimal::from(k);
                ("period", Value::String(p.normalize().to_string()))
            };
            out.push(Value::obj([("amount", Value::str(amount)), at]));
        }
    }
    out
}

#[test]
fn cashflow_rate_csv() {
    let name = "cashflow_rate.csv";
    let rows = read(name);
    let mut failures = Vec::new();
    for r in &rows {
        let at = r.at();
        let mut input = vec![("flows".to_owned(), Value::Array(flows(r.get("flows"))))];
        if let Some(v) = r.opt("periods_per_year") {
            input.push(("periodsPerYear".to_owned(), Value::str(v)));
        }
        if let Some(v) = r.opt("convention") {
            input.push(("convention".to_owned(), Value::str(v)));
        }
        let out = repay::api::cashflow_rate(&Value::Object(input));
        match (out, r.opt("expect_error")) {
            (Err(e), Some(code)) => check_eq(&mut failures, &at, "error", e.code.as_str(), code),
            (Err(e), None) => failures.push(format!("{at}: unexpected error {e}")),
            (Ok(_), Some(code)) => failures.push(format!("{at}: no error, expected {code}")),
            (Ok(o), None) => {
                let f = &mut failures;
                if let Some(w) = r.opt("expect_periodic") {
                    check_rate(f, &at, "periodic", o.periodic_percent.as_deref(), w);
                }
                if let Some(w) = r.opt("expect_nominal") {
                    check_rate(f, &at, "nominal", o.nominal_percent.as_deref(), w);
                }
                if let Some(w) = r.opt("expect_effective") {
                    check_rate(f, &at, "effective", Some(&o.effective_percent), w);
                }
            }
        }
    }
    finish(name, rows.len(), failures);
}
