//! Helpers shared by the integration tests: `mod common;` in a test file,
//! then `use common::{…}`. (`fuzzgen.rs`, the fuzzer's generator, is included
//! by path by `tests/fuzz.rs` and `examples/fuzz.rs`.)

#![allow(dead_code)] // each test file uses some of them

use repay::input::Value;
use repay::ErrorCode;
use rust_decimal::Decimal;
use serde::Serialize;
use std::fmt::Debug;
use std::str::FromStr;

/// A decimal from its numeral (a reference figure, an API money string).
pub fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap_or_else(|e| panic!("{s}: {e}"))
}

/// An API input from JSON text.
pub fn v(json: &str) -> Value {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("test input {json}: {e}"))
}

/// An API input from a `serde_json::json!` value.
pub fn input(j: serde_json::Value) -> Value {
    serde_json::from_value(j).expect("test input is a plain JSON value")
}

/// A successful API result as the JSON the page receives.
pub fn out<T: Serialize, E: Debug>(r: Result<T, E>) -> serde_json::Value {
    let out = r.unwrap_or_else(|e| panic!("expected a result, got {e:?}"));
    serde_json::to_value(&out).expect("output serializes")
}

/// A failed API call's code and field.
pub fn code_and_field<T>(r: repay::Result<T>) -> (ErrorCode, Option<String>) {
    let e = r.map(|_| ()).expect_err("expected an error");
    (e.code, e.field)
}

/// A money (or percent) string of an output as a decimal.
pub fn money(x: &serde_json::Value) -> Decimal {
    dec(x
        .as_str()
        .unwrap_or_else(|| panic!("not a money string: {x}")))
}
