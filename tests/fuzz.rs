//! A seeded sample of the fuzz command (`make fuzz` runs a million cases):
//! no input makes the engine panic, every failure is a documented error code,
//! and every result is well formed.

#[path = "common/fuzzgen.rs"]
mod fuzzgen;

use fuzzgen::{case, run, seeds, to_json, Outcome, Rng};
use repay::ErrorCode;

#[test]
fn seeded_sample_never_panics_and_fails_only_with_documented_codes() {
    let seeds = seeds();
    let mut rng = Rng::new(20_261_129);
    let (mut ok, mut errs) = (0, 0);
    for i in 0..4_000 {
        let (name, input) = case(&mut rng, &seeds);
        let outcome = std::panic::catch_unwind(|| run(name, &input));
        match outcome {
            Err(_) => panic!("case {i}: {name} panicked on {}", to_json(&input)),
            Ok(Outcome::BadOutput(why)) => {
                panic!("case {i}: {name}: {why} for {}", to_json(&input))
            }
            Ok(Outcome::Err(code)) => {
                assert!(ErrorCode::ALL.iter().any(|c| c.as_str() == code), "{code}");
                errs += 1;
            }
            Ok(Outcome::Ok) => ok += 1,
        }
    }
    // The sample must exercise both sides, or it proves nothing.
    assert!(ok > 400 && errs > 400, "ok {ok}, errors {errs}");
}

/// The generator starts from a valid example of every API function, so every
/// function's own paths are fuzzed and not only its errors: each seed gives a
/// well-formed result, every function of `repay::api::call` (read from its
/// source) has a seed, and no seed names another.
#[test]
fn every_api_function_has_a_valid_seed() {
    let seeds = seeds();
    for (name, input) in &seeds {
        assert!(
            matches!(run(name, input), Outcome::Ok),
            "the {name} seed is not a valid input: {}",
            to_json(input)
        );
        assert!(
            fuzzgen::FUNCTIONS.contains(name),
            "{name} is not an API function"
        );
    }
    let src = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/api/mod.rs"))
        .expect("src/api/mod.rs");
    let body = &src[src.find("pub fn call(").expect("fn call")..];
    let body = &body[..body.find("\n}\n").expect("end of fn call")];
    let named: Vec<&str> = body
        .lines()
        .filter_map(|l| l.trim().strip_prefix('"'))
        .filter_map(|l| l.split_once("\" =>").map(|(n, _)| n))
        .collect();
    assert!(named.len() >= 8, "{named:?}");
    for name in &named {
        assert!(
            fuzzgen::FUNCTIONS.contains(name),
            "{name} is missing from FUNCTIONS"
        );
        assert!(seeds.iter().any(|(n, _)| n == name), "no seed for {name}");
    }
    assert_eq!(named.len(), fuzzgen::FUNCTIONS.len());
}

/// The inputs the contract names that the fuzzer must reach, each in some seed.
#[test]
fn the_seeds_carry_every_input_the_contract_names() {
    let seeds = seeds();
    let text: String = seeds
        .iter()
        .map(|(n, v)| format!("{n}:{}\n", to_json(v)))
        .collect();
    for field in [
        "\"rateChanges\"",
        "\"lprLinked\"",
        "\"prepayments\"",
        "\"fees\"",
        "repaymentPlans:{\"overdue\"",
        "\"planOn\"",
        "\"contacts\"",
        "\"conduct\"",
        "\"debtDisclosed\"",
        "\"consentToLateContact\"",
        "\"contractDate\"",
        "\"upfrontDeduction\"",
        "overdueCost:{\"loan\"",
        "repaymentPlans:{\"overdue\":{\"loan\"",
        "\"paid\"",
        "\"asOf\"",
        "\"collectionFee\"",
        "\"accelerated\"",
        "\"percentOfRemainingPrincipal\"",
        "readMessage:{\"text\"",
        "\"receivedAt\"",
    ] {
        assert!(text.contains(field), "no seed has {field}");
    }
}
