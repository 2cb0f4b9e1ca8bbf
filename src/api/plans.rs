//! `repaymentPlans` and `debtPlan`: reading input and shaping output.
//! (Placeholder until the plans engine lands; see issue 4.)

use crate::error::{Error, ErrorCode, Result};
use crate::input::Value;
use serde::Serialize;

/// Output of `repaymentPlans` (placeholder).
#[derive(Debug, Serialize)]
pub struct PlansOut {}

/// `repaymentPlans(input)`.
pub fn repayment_plans(_input: &Value) -> Result<PlansOut> {
    Err(Error::general(
        ErrorCode::UnknownValue,
        "repaymentPlans is not available yet",
    ))
}

/// Output of `debtPlan` (placeholder).
#[derive(Debug, Serialize)]
pub struct DebtPlanOut {}

/// `debtPlan(input)`.
pub fn debt_plan(_input: &Value) -> Result<DebtPlanOut> {
    Err(Error::general(
        ErrorCode::UnknownValue,
        "debtPlan is not available yet",
    ))
}
