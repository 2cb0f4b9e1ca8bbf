//! The JavaScript binding, and the only module that knows about wasm or JS.
//!
//! Each export does three things: convert the `JsValue` into an
//! [`input::Value`] (serde-wasm-bindgen), call one function of [`api`], and
//! hand the result back. Results travel as one JSON string parsed once by
//! `JSON.parse`: building a 360-row schedule field by field across the
//! boundary cost more than the whole computation. `loanTerms` sends its rows
//! packed in one string beside that JSON, and its one JS snippet
//! (`src/wasm/schedule.js`) builds the row objects, faster than `JSON.parse`
//! could. Errors become a JS `Error` with `code`, `field` and `message`.

use crate::error::{Error, ErrorCode};
use crate::{api, input};
use wasm_bindgen::prelude::*;

fn js_error(e: &Error) -> JsValue {
    let err = js_sys::Error::new(&e.message);
    let obj: &JsValue = err.as_ref();
    let set = |k: &str, v: &JsValue| {
        // Setting a property on a fresh Error object cannot fail.
        let _ = js_sys::Reflect::set(obj, &JsValue::from_str(k), v);
    };
    set("code", &JsValue::from_str(e.code.as_str()));
    set(
        "field",
        &e.field.as_deref().map_or(JsValue::NULL, JsValue::from_str),
    );
    err.into()
}

fn to_value(input: JsValue) -> Result<input::Value, JsValue> {
    // serde's message is not kept: formatting it (it can show a float)
    // would link float formatting into the module.
    serde_wasm_bindgen::from_value(input).map_err(|_| {
        js_error(&Error::general(
            ErrorCode::WrongType,
            "the input must be a plain object of numbers, strings, lists and objects",
        ))
    })
}

/// Every export: the input read once, [`api::call`], and its answer returned
/// (JSON text parsed once; `loanTerms`' packed rows built by `withSchedule`).
fn call(name: &str, input: JsValue) -> Result<JsValue, JsValue> {
    let value = to_value(input)?;
    match api::call(name, &value).map_err(|e| js_error(&e))? {
        api::Answer::Json(json) => js_sys::JSON::parse(&json).map_err(|_| unreturnable()),
        api::Answer::Rows { rest, packed, rows } => {
            with_schedule(&rest, &packed, rows).map_err(|_| unreturnable())
        }
    }
}

fn unreturnable() -> JsValue {
    js_error(&Error::general(
        ErrorCode::Overflow,
        "the result could not be returned",
    ))
}

#[wasm_bindgen(module = "/src/wasm/schedule.js")]
extern "C" {
    /// Parses `rest` and puts the `rows` rows packed in `packed` in its
    /// `schedule`; throws if `packed` does not hold exactly those rows.
    #[wasm_bindgen(catch, js_name = withSchedule)]
    fn with_schedule(rest: &str, packed: &str, rows: u32) -> Result<JsValue, JsValue>;
}

/// The loan as contracted: schedule, totals, true annual cost, warnings.
///
/// The rows come back as one flat string that `src/wasm/schedule.js` turns
/// into objects (see `api::Answer::Rows`).
#[cfg(feature = "terms")]
#[wasm_bindgen(js_name = loanTerms)]
pub fn loan_terms(input: JsValue) -> Result<JsValue, JsValue> {
    call("loanTerms", input)
}

/// The rate of any stream of money.
#[cfg(feature = "terms")]
#[wasm_bindgen(js_name = cashflowRate)]
pub fn cashflow_rate(input: JsValue) -> Result<JsValue, JsValue> {
    call("cashflowRate", input)
}

/// The crate version.
#[wasm_bindgen]
pub fn version() -> String {
    api::version().to_owned()
}

/// What being late costs, and which part of it the law protects.
#[cfg(feature = "cases")]
#[wasm_bindgen(js_name = overdueCost)]
pub fn overdue_cost(input: JsValue) -> Result<JsValue, JsValue> {
    call("overdueCost", input)
}

/// The legal rules and LPR table the calculator applies, with sources.
#[cfg(feature = "cases")]
#[wasm_bindgen(js_name = legalRules)]
pub fn legal_rules() -> Result<JsValue, JsValue> {
    call("legalRules", JsValue::NULL)
}

/// Plans a borrower can propose for one debt.
#[cfg(feature = "cases")]
#[wasm_bindgen(js_name = repaymentPlans)]
pub fn repayment_plans(input: JsValue) -> Result<JsValue, JsValue> {
    call("repaymentPlans", input)
}

/// Several debts on one monthly budget.
#[cfg(feature = "cases")]
#[wasm_bindgen(js_name = debtPlan)]
pub fn debt_plan(input: JsValue) -> Result<JsValue, JsValue> {
    call("debtPlan", input)
}

/// A private log of collection contacts, checked against the conduct rules.
#[cfg(feature = "cases")]
#[wasm_bindgen(js_name = collectionLog)]
pub fn collection_log(input: JsValue) -> Result<JsValue, JsValue> {
    call("collectionLog", input)
}

/// What a pasted collector's message says: amounts, days overdue, deadlines,
/// phone numbers, links, conduct signals and warnings, each with its UTF-16
/// position in the text.
#[cfg(feature = "cases")]
#[wasm_bindgen(js_name = readMessage)]
pub fn read_message(input: JsValue) -> Result<JsValue, JsValue> {
    call("readMessage", input)
}
