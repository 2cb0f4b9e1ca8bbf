//! The fuzz command: `make fuzz` (or `cargo run --release --example fuzz -- CASES SEED`).
//!
//! Runs generated inputs (see `tests/common/fuzzgen.rs`) through the API
//! entry the wasm binding uses, and fails if any case panics, returns an
//! undocumented error or a malformed result. Prints the count, the time, the
//! seed, how many cases each function got and how the cases ended. Panics are caught per case so one bad case
//! is reported with its input rather than ending the run.
#![allow(clippy::print_stdout, clippy::print_stderr)]

#[path = "../tests/common/fuzzgen.rs"]
mod fuzzgen;

use fuzzgen::{case, run, seeds, to_json, Outcome, Rng};
use std::collections::BTreeMap;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let cases: u64 = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let seed: u64 = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(20_261_129);
    std::panic::set_hook(Box::new(|_| {}));
    let seeds = seeds();
    let mut rng = Rng::new(seed);
    let mut tally: BTreeMap<String, u64> = BTreeMap::new();
    let mut per_function: BTreeMap<&str, u64> = BTreeMap::new();
    let mut failures = 0u64;
    let start = Instant::now();
    for i in 0..cases {
        let (name, input) = case(&mut rng, &seeds);
        let key = match std::panic::catch_unwind(|| run(name, &input)) {
            Err(_) => {
                failures += 1;
                eprintln!("case {i}: {name} PANICKED on {}", to_json(&input));
                "panic".to_owned()
            }
            Ok(Outcome::BadOutput(why)) => {
                failures += 1;
                eprintln!("case {i}: {name}: {why} for {}", to_json(&input));
                "bad output".to_owned()
            }
            Ok(Outcome::Err(code)) => format!("error {code}"),
            Ok(Outcome::Ok) => "ok".to_owned(),
        };
        *per_function.entry(name).or_default() += 1;
        *tally.entry(key).or_default() += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "fuzz: {cases} cases, seed {seed}, {secs:.1} s ({:.0} cases/s)",
        cases as f64 / secs
    );
    println!("cases per function:");
    for (k, v) in &per_function {
        println!("  {k:<24} {v}");
    }
    println!("outcomes:");
    for (k, v) in &tally {
        println!("  {k:<24} {v}");
    }
    println!("{} passed, {failures} failed", cases - failures);
    if failures > 0 {
        std::process::exit(1);
    }
}
