//! `overdueCost` and `legalRules`: reading input and shaping output.
//! (Placeholder until the overdue engine lands; see issue 3.)

use crate::error::{Error, ErrorCode, Result};
use crate::input::Value;
use serde::Serialize;

/// Output of `overdueCost` (placeholder).
#[derive(Debug, Serialize)]
pub struct OverdueOut {}

/// `overdueCost(input)`.
pub fn overdue_cost(_input: &Value) -> Result<OverdueOut> {
    Err(Error::general(
        ErrorCode::UnknownValue,
        "overdueCost is not available yet",
    ))
}

/// Output of `legalRules` (placeholder).
#[derive(Debug, Serialize)]
pub struct RulesOut {}

/// `legalRules()`.
pub fn legal_rules() -> RulesOut {
    RulesOut {}
}
