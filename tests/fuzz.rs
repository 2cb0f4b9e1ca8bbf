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
