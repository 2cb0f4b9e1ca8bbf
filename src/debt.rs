//! Several debts, one monthly budget: avalanche, snowball or a chosen order.
//!
//! # The month (the cascade rule)
//! For month `m = 1, 2, …` (at most [`MAX_MONTHS`]):
//! 1. every debt still owed is charged `round(B_i · r_i)` (its monthly rate,
//!    multiply before dividing, half-up to cents) and the interest is added;
//! 2. every debt is paid its minimum, `min(minPayment_i, B_i)` (a minimum larger
//!    than what is owed pays only what is owed);
//! 3. the rest of the budget goes to the first debt of the priority order still
//!    owed, and when that one is cleared the remainder cascades to the next one
//!    **within the same month**, until the budget or the debts run out.
//!
//! Priority orders (fixed at the start):
//! - **avalanche**: highest annual rate first; ties: smaller balance first, then as listed;
//! - **snowball**: smallest original balance first; ties: as listed;
//! - **order**: as listed.
//!
//! A budget below `Σ minPayment_i` is infeasible (`belowMinimums`); one that
//! has not cleared every debt after 600 months is infeasible (`neverClears`).
//! Each simulation is O(debts × months).
//!
//! # Minimum budget
//! The smallest budget in cents that clears every debt within 600 months, by
//! bisection between two bounds proved below, so it needs about
//! `log2(hi − lo in cents)` simulations (≤ 40 for any real case).
//! With `S` the total owed, `r_lo`/`r_hi` the lowest/highest monthly rates,
//! `e = 0.005 × debts` (what half-up rounding can shave off one month's
//! interest) and `a(r, n) = (1 − (1+r)^−n) / r` (`n` at 0 %):
//! - the total owed evolves as `S' ≥ S(1 + r_lo) − e − budget`, so a budget
//!   `< S / a(r_lo, 600) − e` (or `< Σ minPayment_i`) never clears: **lo**;
//! - while anything is owed the whole budget is spent, so `S' ≤ S(1 + r_hi) + e − budget`,
//!   and a budget `≥ S / a(r_hi, 600) + e` (and `≥ Σ minPayment_i`) clears: **hi**.
//!
//! The same lower bound, applied at each month `m` with the months left, stops
//! a bisection simulation as soon as it cannot clear any more.

use crate::error::{Error, Result};
use crate::money::{add, div, mul, sub, sum, DayBasis, Rate};
use crate::sort::{stable_sort_by, stable_sort_by_key};
use rust_decimal::{Decimal, RoundingStrategy};

/// The horizon: a budget that has not cleared the debts by then "never clears".
pub const MAX_MONTHS: u32 = 600;
/// The most debts accepted.
pub const MAX_DEBTS: usize = 50;

/// One debt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Debt {
    /// The borrower's name for it.
    pub name: String,
    /// What is owed now (> 0).
    pub balance: Decimal,
    /// Its rate.
    pub rate: Rate,
    /// The minimum monthly payment.
    pub min_payment: Decimal,
}

/// Which debt gets the money above the minimums.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strategy {
    /// Highest rate first (least interest).
    Avalanche,
    /// Smallest original balance first (quick wins).
    Snowball,
    /// As listed.
    Order,
}

impl Strategy {
    /// The camelCase name used across the API.
    pub fn as_str(self) -> &'static str {
        match self {
            Strategy::Avalanche => "avalanche",
            Strategy::Snowball => "snowball",
            Strategy::Order => "order",
        }
    }

    /// All three, in the order `compare` returns them.
    pub const ALL: [Strategy; 3] = [Strategy::Avalanche, Strategy::Snowball, Strategy::Order];
}

/// Why a budget does not work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Infeasible {
    /// The budget is below the sum of the minimum payments.
    BelowMinimums,
    /// Not every debt is cleared after 600 months.
    NeverClears,
}

impl Infeasible {
    /// The camelCase code used across the API.
    pub fn as_str(self) -> &'static str {
        match self {
            Infeasible::BelowMinimums => "belowMinimums",
            Infeasible::NeverClears => "neverClears",
        }
    }
}

/// One month of the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Month {
    /// 1-based month.
    pub month: u32,
    /// Each debt's balance at the end of the month, in input order.
    pub balances: Vec<Decimal>,
    /// What each debt was paid, in input order.
    pub payments: Vec<Decimal>,
    /// Σ payments.
    pub paid: Decimal,
    /// Σ interest charged.
    pub interest: Decimal,
}

/// The result of one strategy at one budget.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The strategy.
    pub strategy: Strategy,
    /// The priority order (indexes into the input).
    pub order: Vec<usize>,
    /// `None` when feasible.
    pub infeasible: Option<Infeasible>,
    /// Months until the last debt is cleared (feasible only).
    pub months: Option<u32>,
    /// Σ interest charged (feasible only).
    pub total_interest: Option<Decimal>,
    /// Σ payments (feasible only) = Σ balances + total interest.
    pub total_paid: Option<Decimal>,
    /// `(debt index, month cleared)` in the order debts were cleared; `None`
    /// (listed last) for a debt still owed after 600 months.
    pub payoff: Vec<(usize, Option<u32>)>,
    /// One entry per simulated month (empty for `belowMinimums`).
    pub timeline: Vec<Month>,
    /// The smallest budget that clears everything within 600 months (infeasible only).
    pub minimum_budget: Option<Decimal>,
}

/// The priority order of `debts` under `strategy`.
pub fn priority(debts: &[Debt], strategy: Strategy, basis: DayBasis) -> Result<Vec<usize>> {
    let mut idx: Vec<usize> = (0..debts.len()).collect();
    match strategy {
        Strategy::Order => {}
        Strategy::Snowball => stable_sort_by_key(&mut idx, |&i| debts[i].balance),
        Strategy::Avalanche => {
            let annual = debts
                .iter()
                .map(|d| d.rate.annual_percent(basis))
                .collect::<Result<Vec<_>>>()?;
            // Stable: equal rate and balance keep the listed order.
            stable_sort_by(&mut idx, |&a, &b| {
                annual[b]
                    .cmp(&annual[a])
                    .then(debts[a].balance.cmp(&debts[b].balance))
            });
        }
    }
    Ok(idx)
}

/// A simulation's figures.
struct Run {
    cleared_at: Vec<Option<u32>>,
    months: Option<u32>,
    interest: Decimal,
    paid: Decimal,
    timeline: Vec<Month>,
}

/// How large a hopeless recorded run may grow before it stops (10²⁰, far
/// below the decimal range even after one more month at the highest rate).
const RECORD_LIMIT: Decimal = Decimal::from_parts(1_661_992_960, 1_808_227_885, 5, false, 0);

/// Lower bound used to stop hopeless runs early: `(budget + e) × a(r_lo, k)`
/// is the most that `k` more months can clear.
struct Cutoff {
    budget_plus_e: Decimal,
    /// `a(r_lo, k)` for `k = 0..=600`.
    factors: Vec<Decimal>,
}

fn simulate(
    debts: &[Debt],
    budget: Decimal,
    order: &[usize],
    basis: DayBasis,
    record: bool,
    cutoff: Option<&Cutoff>,
) -> Result<Run> {
    let n = debts.len();
    let mut bal: Vec<Decimal> = debts.iter().map(|d| d.balance).collect();
    let mut cleared_at = vec![None; n];
    let mut run = Run {
        cleared_at: Vec::new(),
        months: None,
        interest: Decimal::ZERO,
        paid: Decimal::ZERO,
        timeline: Vec::new(),
    };
    let mut pay = vec![Decimal::ZERO; n];
    for m in 1..=MAX_MONTHS {
        let mut month_interest = Decimal::ZERO;
        for i in 0..n {
            pay[i] = Decimal::ZERO;
            if bal[i].is_zero() {
                continue;
            }
            let interest = debts[i].rate.monthly_interest_cents(bal[i], basis)?;
            bal[i] = add(bal[i], interest)?;
            month_interest = add(month_interest, interest)?;
        }
        let mut left = budget;
        for i in 0..n {
            let p = debts[i].min_payment.min(bal[i]);
            pay[i] = p;
            bal[i] = sub(bal[i], p)?;
            left = sub(left, p)?;
        }
        for &i in order {
            if left <= Decimal::ZERO {
                break;
            }
            let p = left.min(bal[i]);
            pay[i] = add(pay[i], p)?;
            bal[i] = sub(bal[i], p)?;
            left = sub(left, p)?;
        }
        let month_paid = sum(pay.iter().copied())?;
        run.interest = add(run.interest, month_interest)?;
        run.paid = add(run.paid, month_paid)?;
        let mut owed = Decimal::ZERO;
        for i in 0..n {
            if bal[i].is_zero() && cleared_at[i].is_none() {
                cleared_at[i] = Some(m);
            }
            owed = add(owed, bal[i])?;
        }
        if record {
            run.timeline.push(Month {
                month: m,
                balances: bal.clone(),
                payments: pay.clone(),
                paid: month_paid,
                interest: month_interest,
            });
        }
        if owed.is_zero() {
            run.months = Some(m);
            break;
        }
        // More is owed than the whole budget of every month left could pay
        // even with no more interest: it can never clear. A search stops
        // there; a recorded run goes on (its timeline shows the debt growing)
        // until the figures would leave what exact decimals hold.
        if owed > mul(budget, Decimal::from(MAX_MONTHS - m))? && (!record || owed > RECORD_LIMIT) {
            break;
        }
        if let Some(c) = cutoff {
            let k = (MAX_MONTHS - m) as usize;
            if owed > mul(c.budget_plus_e, c.factors[k])? {
                break;
            }
        }
    }
    run.cleared_at = cleared_at;
    Ok(run)
}

/// `a(r, k) = (1 − (1+r)^−k) / r` for `k = 0..=600` (`k` at 0 %), exact to 28 digits.
fn annuity_factors(r: Decimal) -> Result<Vec<Decimal>> {
    let mut out = Vec::with_capacity(MAX_MONTHS as usize + 1);
    let mut a = Decimal::ZERO;
    out.push(a);
    if r.is_zero() {
        for k in 1..=MAX_MONTHS {
            out.push(Decimal::from(k));
        }
        return Ok(out);
    }
    // a(k) = (1 + a(k−1)) / (1 + r): one more month discounted.
    let g = add(Decimal::ONE, r)?;
    for _ in 1..=MAX_MONTHS {
        a = div(add(Decimal::ONE, a)?, g)?;
        out.push(a);
    }
    Ok(out)
}

/// The smallest budget, in cents, that clears every debt within 600 months
/// under `order` (see the module docs for the bounds).
pub fn minimum_budget(debts: &[Debt], order: &[usize], basis: DayBasis) -> Result<Decimal> {
    let cent = Decimal::new(1, 2);
    let total = sum(debts.iter().map(|d| d.balance))?;
    let minimums = sum(debts.iter().map(|d| d.min_payment))?;
    let monthly = debts
        .iter()
        .map(|d| d.rate.monthly_fraction(basis))
        .collect::<Result<Vec<_>>>()?;
    let r_lo = monthly.iter().copied().min().unwrap_or(Decimal::ZERO);
    let r_hi = monthly.iter().copied().max().unwrap_or(Decimal::ZERO);
    let e = mul(Decimal::new(5, 3), Decimal::from(debts.len()))?;
    let lo_factors = annuity_factors(r_lo)?;
    let hi_factors = annuity_factors(r_hi)?;
    let at = |f: &[Decimal]| f.get(MAX_MONTHS as usize).copied().unwrap_or(Decimal::ONE);

    // lo: a budget that surely does not clear: a cent below the minimums, or
    // strictly below `S / a(r_lo, 600) − e`.
    let never = sub(div(total, at(&lo_factors))?, e)?
        .round_dp_with_strategy(2, RoundingStrategy::ToPositiveInfinity);
    let mut lo = sub(minimums, cent)?.max(sub(never, cent)?).max(-cent);
    // hi: a budget that surely clears, plus two cents of slack for the rounding of the factor.
    let mut hi = add(div(total, at(&hi_factors))?, e)?
        .round_dp_with_strategy(2, RoundingStrategy::ToPositiveInfinity);
    hi = add(hi, Decimal::new(2, 2))?.max(minimums);
    if hi <= lo {
        lo = sub(hi, cent)?;
    }
    let mut guard = 0;
    while sub(hi, lo)? > cent {
        guard += 1;
        if guard > 128 {
            return Err(Error::overflow(None));
        }
        let mid =
            div(add(lo, hi)?, Decimal::TWO)?.round_dp_with_strategy(2, RoundingStrategy::ToZero);
        let ok = mid >= minimums && {
            let cutoff = Cutoff {
                budget_plus_e: add(add(mid, e)?, cent)?,
                factors: lo_factors.clone(),
            };
            simulate(debts, mid, order, basis, false, Some(&cutoff))?
                .months
                .is_some()
        };
        if ok {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    Ok(hi)
}

/// Runs `strategy` with `budget` over `debts`; `with_timeline` keeps the months.
pub fn run(
    debts: &[Debt],
    budget: Decimal,
    strategy: Strategy,
    basis: DayBasis,
    with_timeline: bool,
) -> Result<Outcome> {
    let order = priority(debts, strategy, basis)?;
    let minimums = sum(debts.iter().map(|d| d.min_payment))?;
    let mut out = Outcome {
        strategy,
        order: order.clone(),
        infeasible: None,
        months: None,
        total_interest: None,
        total_paid: None,
        payoff: order.iter().map(|&i| (i, None)).collect(),
        timeline: Vec::new(),
        minimum_budget: None,
    };
    if budget < minimums {
        out.infeasible = Some(Infeasible::BelowMinimums);
        out.minimum_budget = Some(minimum_budget(debts, &order, basis)?);
        return Ok(out);
    }
    let r = simulate(debts, budget, &order, basis, with_timeline, None)?;
    // Payoff in the order cleared; ties keep the priority order; never-cleared last.
    let mut payoff: Vec<(usize, Option<u32>)> =
        order.iter().map(|&i| (i, r.cleared_at[i])).collect();
    stable_sort_by_key(&mut payoff, |&(_, m)| m.unwrap_or(u32::MAX));
    out.payoff = payoff;
    out.timeline = r.timeline;
    match r.months {
        Some(m) => {
            out.months = Some(m);
            out.total_interest = Some(r.interest);
            out.total_paid = Some(r.paid);
        }
        None => {
            out.infeasible = Some(Infeasible::NeverClears);
            out.minimum_budget = Some(minimum_budget(debts, &order, basis)?);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn record_limit_is_ten_to_the_twentieth() {
        assert_eq!(
            RECORD_LIMIT,
            Decimal::from_str("100000000000000000000").unwrap()
        );
    }
}
