//! Repay: a private loan repayment calculator.
//!
//! The core computes, in exact decimals, what a loan costs (schedules for five
//! repayment methods, fees, the true annual cost by IRR), what being late
//! costs and which part of it the law protects, and which repayment plans a
//! borrower can propose. It has no IO, no clock and no knowledge of the web;
//! `wasm` (compiled only for `wasm32`) is the one thin module that exposes
//! [`api`] to JavaScript.
//!
//! ```
//! use repay::{api, input::Value};
//! let input = Value::obj([
//!     ("principal", Value::str("1000000")),
//!     ("rate", Value::obj([("percent", Value::str("4.9")), ("per", Value::str("year"))])),
//!     ("periods", Value::Number(360.0)),
//!     ("method", Value::str("annuity")),
//! ]);
//! let t = api::loan_terms(&input).unwrap();
//! assert_eq!(t.schedule[0].payment, "5307.27");
//! assert_eq!(t.schedule[359].balance, "0.00");
//! ```
#![forbid(unsafe_code)]
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod api;
pub mod budget;
pub mod calendar;
pub mod caps;
pub mod collection;
pub mod debt;
pub mod error;
pub mod input;
pub mod message;
pub mod money;
pub mod overdue;
pub mod plan;
pub mod rate;
pub mod rules;
pub mod schedule;
pub mod solve;
mod sort;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use error::{Error, ErrorCode, Result};
