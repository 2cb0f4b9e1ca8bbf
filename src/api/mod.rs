//! The public API as plain Rust: each function reads one input [`Value`]
//! (validating every field, with its path in errors) and returns one output
//! structure that serializes to the camelCase shape `docs/api.md` documents.
//!
//! This layer knows nothing of wasm or JS: `src/wasm.rs` only converts a
//! `JsValue` to a [`Value`], calls one function here, and returns the
//! output. Tests and the fuzzer call these same functions on the host.

mod collection;
mod debts;
mod json;
mod message;
mod overdue;
mod overdue_out;
mod plans;
mod rate;
mod rules;
mod terms;

pub use collection::{collection_log, CollectionOut};
pub use debts::debt_plan;
pub use message::{read_message, MessageOut};
pub use overdue::overdue_cost;
pub use plans::repayment_plans;
pub use rate::{cashflow_rate, CashflowRateOut};
pub use rules::legal_rules;
pub use terms::{loan_terms, LoanTermsOut};

use crate::error::Result;
use crate::input::Value;
use serde::Serialize;

/// Money as the API writes it: a string with exactly two decimals.
pub type MoneyText = crate::money::Figure;
/// A percent as the API writes it: a string with four decimals.
pub type PercentText = crate::money::Figure;

/// A warning or note with a stable code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WarningOut {
    /// Stable camelCase code; the page translates by it.
    pub code: &'static str,
    /// English text.
    pub message: String,
}

/// The crate version, as `version()` returns it.
pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

/// What an API function gives the binding: JSON text for `JSON.parse`, or,
/// for `loanTerms`, the JSON text without its rows and the rows packed in one
/// string (see [`json::loan_terms_parts`]; `src/wasm/schedule.js` builds the
/// row objects).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// The whole output as JSON text.
    Json(String),
    /// `loanTerms`: the output with `"schedule":[]`, and its rows packed.
    Rows {
        /// The JSON text of everything but the rows.
        rest: String,
        /// The rows' fields ([`ROW_FIELDS`]), lengths first.
        packed: String,
        /// The number of rows.
        rows: u32,
    },
}

pub use json::ROW_FIELDS;

/// Calls the API function named `name` (its JS name) on `input`. This is the
/// single entry of the wasm binding; [`call_json`] runs it on the host.
pub fn call(name: &str, input: &Value) -> Result<Answer> {
    fn json<T: Serialize>(v: &T) -> Result<Answer> {
        // Outputs are strings, numbers, booleans, lists and string-keyed
        // objects written to memory: serde_json has nothing to fail on. The
        // error's own text is not kept: formatting it would link every
        // message of serde_json and std::io into the wasm module (0.4 KB gzip).
        serde_json::to_string(v).map(Answer::Json).map_err(|_| {
            crate::error::Error::general(
                crate::error::ErrorCode::Overflow,
                "the result could not be written",
            )
        })
    }
    match name {
        #[cfg(feature = "terms")]
        "loanTerms" => {
            let (out, rows) = terms::loan_terms_rows(input)?;
            let (rest, packed) = json::loan_terms_parts(&out, &rows)?;
            // At most MAX_PERIODS (600) rows.
            let rows =
                u32::try_from(rows.len()).map_err(|_| crate::error::Error::overflow(None))?;
            Ok(Answer::Rows { rest, packed, rows })
        }
        #[cfg(feature = "terms")]
        "cashflowRate" => json(&cashflow_rate(input)?),
        #[cfg(feature = "cases")]
        "overdueCost" => json(&overdue_cost(input)?),
        #[cfg(feature = "cases")]
        "legalRules" => json(&legal_rules()),
        #[cfg(feature = "cases")]
        "repaymentPlans" => json(&repayment_plans(input)?),
        #[cfg(feature = "cases")]
        "debtPlan" => json(&debt_plan(input)?),
        #[cfg(feature = "cases")]
        "collectionLog" => json(&collection_log(input)?),
        #[cfg(feature = "cases")]
        "readMessage" => json(&read_message(input)?),
        _ => Err(crate::error::Error::general(
            crate::error::ErrorCode::UnknownValue,
            format!("no API function is called {name}"),
        )),
    }
}

/// [`call`], with the result as the JSON text of what the page receives:
/// `loanTerms`' packed rows are unpacked as `src/wasm/schedule.js` unpacks
/// them ([`json::unpack`]). The tests and the fuzzer use this, so they run the
/// binding's own path.
pub fn call_json(name: &str, input: &Value) -> Result<String> {
    match call(name, input)? {
        Answer::Json(text) => Ok(text),
        Answer::Rows { rest, packed, rows } => json::unpack(&rest, &packed, rows),
    }
}
