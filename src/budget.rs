//! How a monthly budget fits one debt: months needed for a payment, the
//! payment for a number of months, and the smallest payment that clears.
//!
//! - **Months needed** for a payment `p` (NPER with the final payment rounded):
//!   each month `owed = B + round(B·r)`; if `p ≥ owed` the last payment is
//!   `owed`, else `B = owed − p`. When `p ≤ round(T·r)` (the first month's
//!   interest) the balance never falls: that is reported, never looped.
//!   Spreadsheet `NPER(r, −p, T)` is the unrounded analogue; the months
//!   needed is its ceiling up to cent rounding.
//! - **Payment for `n` months**: `round(T·r / (1 − (1+r)^−n))`, or `round(T/n)` at 0 %.
//! - **Minimum monthly**: the smallest payment in cents that clears within
//!   `maxMonths`, by bisection between the first month's interest (never
//!   clears) and `T + round(T·r)` (clears in one month): at most about 50
//!   simulations of at most `maxMonths` months.
//!

use crate::error::Result;
use crate::money::{add, div, round_cents, sub, DayBasis, Rate};
use crate::schedule::annuity_payment;
use rust_decimal::Decimal;

/// Why a budget does not clear the debt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BudgetProblem {
    /// The payment is at most the first month's interest: the balance never falls.
    BelowInterest,
    /// It clears, but only after more than `maxMonths`.
    BeyondMaxMonths,
}

impl BudgetProblem {
    /// The camelCase code used across the API.
    pub fn as_str(self) -> &'static str {
        match self {
            BudgetProblem::BelowInterest => "belowInterest",
            BudgetProblem::BeyondMaxMonths => "beyondMaxMonths",
        }
    }
}

/// How a monthly budget fits the whole balance at the contract rate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetFit {
    /// The balance it is measured on (`T`).
    pub balance: Decimal,
    /// `round(T·r)`: a payment at or below it never clears the debt.
    pub first_month_interest: Decimal,
    /// The horizon, `maxMonths`.
    pub max_months: u32,
    /// The budget, when given.
    pub monthly_budget: Option<Decimal>,
    /// Whether the budget clears `T` within `maxMonths`; `None` without a budget.
    pub feasible: Option<bool>,
    /// Why not.
    pub reason: Option<BudgetProblem>,
    /// Months the budget needs (only when feasible).
    pub months_needed: Option<u32>,
    /// The final, smaller payment (only when feasible).
    pub last_payment: Option<Decimal>,
    /// Σ payments at the budget (only when feasible).
    pub total_paid: Option<Decimal>,
    /// The requested `months`.
    pub months: Option<u32>,
    /// The level payment that clears `T` in `months`.
    pub payment_for_months: Option<Decimal>,
    /// The smallest payment (cents) that clears `T` within `maxMonths`.
    pub minimum_monthly: Decimal,
}

/// The result of paying a fixed amount each month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clearing {
    /// Cleared after `months`, the last payment being `last_payment`.
    Clears {
        /// Months needed (NPER rounded up, with cent rounding).
        months: u32,
        /// The final payment (≤ the regular one).
        last_payment: Decimal,
        /// Σ payments.
        total_paid: Decimal,
    },
    /// The payment is at most the first month's interest.
    Never,
    /// Not cleared within the horizon.
    TooLong,
}

/// One month's interest, rounded half-up to cents.
pub(crate) fn interest_on(balance: Decimal, rate: Rate, basis: DayBasis) -> Result<Decimal> {
    rate.monthly_interest_cents(balance, basis)
}

/// Months needed to clear `balance` paying `payment` a month at `rate`, the
/// last payment being whatever clears (spreadsheet `NPER(r, −payment, balance)`,
/// rounded up, with interest rounded to cents each month). At most `cap` months
/// are simulated.
#[doc(alias = "NPER")]
pub fn months_to_clear(
    balance: Decimal,
    rate: Rate,
    basis: DayBasis,
    payment: Decimal,
    cap: u32,
) -> Result<Clearing> {
    let mut b = balance;
    let mut paid = Decimal::ZERO;
    for m in 1..=cap {
        let interest = interest_on(b, rate, basis)?;
        let owed = add(b, interest)?;
        if payment >= owed {
            return Ok(Clearing::Clears {
                months: m,
                last_payment: owed,
                total_paid: add(paid, owed)?,
            });
        }
        if payment <= interest {
            // The balance cannot fall this month, and so never will.
            return Ok(Clearing::Never);
        }
        b = sub(owed, payment)?;
        paid = add(paid, payment)?;
    }
    Ok(Clearing::TooLong)
}

/// The level payment that clears `balance` in `n` months: the annuity payment
/// rounded half-up to cents (`round(balance / n)` at 0 %).
#[doc(alias = "PMT")]
pub fn payment_for_months(
    balance: Decimal,
    rate: Rate,
    basis: DayBasis,
    n: u32,
) -> Result<Decimal> {
    Ok(round_cents(annuity_payment(
        balance,
        rate.monthly_fraction(basis)?,
        n,
    )?))
}

/// The smallest payment, in cents, that clears `balance` within `cap` months
/// (the last payment never above it), by bisection: a payment equal to the
/// first month's interest never clears, `balance` + that interest clears at once.
pub fn minimum_monthly(balance: Decimal, rate: Rate, basis: DayBasis, cap: u32) -> Result<Decimal> {
    let cent = Decimal::new(1, 2);
    let first = interest_on(balance, rate, basis)?;
    let mut lo = first; // never clears
    let mut hi = add(balance, first)?; // clears in month 1
    while sub(hi, lo)? > cent {
        let mid = div(add(lo, hi)?, Decimal::TWO)?
            .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::ToZero);
        match months_to_clear(balance, rate, basis, mid, cap)? {
            Clearing::Clears { .. } => hi = mid,
            Clearing::Never | Clearing::TooLong => lo = mid,
        }
    }
    Ok(hi)
}

/// How `monthly_budget` fits `total` at `rate` within `cap` months, and the
/// level payment for `months` when asked.
pub(crate) fn budget_fit(
    total: Decimal,
    rate: Rate,
    basis: DayBasis,
    cap: u32,
    monthly_budget: Option<Decimal>,
    months: Option<u32>,
) -> Result<BudgetFit> {
    let mut fit = BudgetFit {
        balance: total,
        first_month_interest: interest_on(total, rate, basis)?,
        max_months: cap,
        monthly_budget,
        feasible: None,
        reason: None,
        months_needed: None,
        last_payment: None,
        total_paid: None,
        months,
        payment_for_months: months
            .map(|n| payment_for_months(total, rate, basis, n))
            .transpose()?,
        minimum_monthly: minimum_monthly(total, rate, basis, cap)?,
    };
    if let Some(p) = monthly_budget {
        match months_to_clear(total, rate, basis, p, cap)? {
            Clearing::Clears {
                months,
                last_payment,
                total_paid,
            } => {
                fit.feasible = Some(true);
                fit.months_needed = Some(months);
                fit.last_payment = Some(last_payment);
                fit.total_paid = Some(total_paid);
            }
            Clearing::Never => {
                fit.feasible = Some(false);
                fit.reason = Some(BudgetProblem::BelowInterest);
            }
            Clearing::TooLong => {
                fit.feasible = Some(false);
                fit.reason = Some(BudgetProblem::BeyondMaxMonths);
            }
        }
    }
    Ok(fit)
}
