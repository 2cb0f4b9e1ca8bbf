use repay::{api, input::Value};
use std::time::Instant;
fn main() {
    let input = Value::obj([
        ("principal", Value::str("1000000")),
        (
            "rate",
            Value::obj([("percent", Value::str("4.9")), ("per", Value::str("year"))]),
        ),
        ("periods", Value::Number(360.0)),
        ("method", Value::str("annuity")),
    ]);
    let t = Instant::now();
    for _ in 0..200 {
        std::hint::black_box(api::loan_terms(&input).unwrap());
    }
    eprintln!("loan_terms {:?}/call", t.elapsed() / 200);
}
