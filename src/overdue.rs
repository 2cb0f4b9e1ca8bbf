//! What being late costs: penalty interest (罚息), compound interest on
//! overdue interest (复利), interest charged on overdue fees, late fees
//! (违约金/滞纳金), a day-by-day or month-by-month series for a chart, and the
//! order in which a partial payment is applied.
//!
//! # Formulas
//! With `P` the overdue principal, `I` the overdue interest, `F` the overdue
//! fees, `r` the penalty rate and `d` the days overdue (simple daily accrual,
//! no interest on interest beyond the one step below):
//! - penalty interest = `P × r_day × d`;
//! - compound interest (when asked for) = `I × r_day × d`;
//! - interest on fees (when the contract charges it) = `F × r_day × d`;
//! - late fees = `n × fee`, where `fee` is a fixed amount, a percent of the
//!   whole overdue amount `P + I + F`, or a percent of the principal unpaid
//!   on the day of the figures (overdue or not yet due; a case from the loan)
//!   (rounded half-up to cents, as a charged fee is), and `n` is 1 for a
//!   one-off fee, or the number of **started**
//!   30-day months for a monthly one: days 1–30 give 1, days 31–60 give 2
//!   (a fee falls due when a month of lateness begins, the way a missed
//!   statement triggers it);
//! - `r_day = r_year ÷ basis` (360 by default, Chinese bank practice; 365
//!   allowed). Every amount is computed exactly (multiply before dividing,
//!   see [`Rate::interest_for_days`]) and rounded half-up to cents once, per
//!   component; the total of charges is the sum of the rounded components.
//! - a collection fee (催收费) is a fixed amount the lender claims: it is in
//!   the charges and the total, and never a base of penalty interest;
//! - a case from the loan has several parts (the missed instalments), each
//!   overdue its own days: the penalty, compound and fee interest are
//!   computed per part on its own days, rounded per part, then summed
//!   ([`charges_of_parts`]);
//! - annualized percent = `total charges ÷ P ÷ d × basis × 100`.
//!
//! A penalty rate given as a contract rate and a markup is
//! `contract × (1 + markup ÷ 100)`: 4.35 %/year raised 50 % is 6.525 %/year.
//! Chinese bank practice raises the contract rate 30–50 %
//! (银发〔2003〕251号, secondary source; whether that notice is still in
//! force is unconfirmed), and the same notice compounds unpaid interest at the
//! penalty rate.
//!
//! # Payment order
//! [`allocate`] applies a payment bucket by bucket in a given order. The
//! Civil Code's default order (Art. 561, rule `cnPaymentOrder` of the pack)
//! is: the costs of *enforcing* the claim (court, preservation and lawyer's
//! fees: none in this calculation), then interest, then the principal debt.
//! A lender's service fees, late fees and liquidated damages are not in that
//! list: where a payment goes to them is set by the contract or by agreement
//! (rule `cnPaymentOrderFees`). [`DEFAULT_ORDER`] therefore follows the
//! statute for interest and principal and places those fees last, until the
//! person gives the order their contract states.

use crate::error::Result;
use crate::money::{add, div, mul, round_cents, sub, sum, DayBasis, Rate};
use rust_decimal::Decimal;

pub mod loan;

/// The longest overdue period accepted, in days (ten years).
pub const MAX_DAYS: u32 = 3650;
/// A monthly late fee falls due for each started month of this many days.
pub const DAYS_PER_FEE_MONTH: u32 = 30;
/// Up to this many days the series has one point per day; beyond, one per 30 days.
pub const SERIES_DAILY_UP_TO: u32 = 120;

/// The amounts past due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Overdue {
    /// Overdue principal (> 0).
    pub principal: Decimal,
    /// Overdue interest (the base of compound interest).
    pub interest: Decimal,
    /// Overdue fees.
    pub fees: Decimal,
}

impl Overdue {
    /// `principal + interest + fees`.
    pub fn total(&self) -> Result<Decimal> {
        sum([self.principal, self.interest, self.fees])
    }
}

/// How a late fee is sized.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LateFeeAmount {
    /// A fixed amount each time.
    Fixed(Decimal),
    /// A percent (0–100) of the whole overdue amount each time.
    PercentOfOverdue(Decimal),
    /// A percent (0–100) of the principal unpaid on the day of the figures
    /// (overdue and not yet due), each time: a 违约金 set on the remaining
    /// principal, as online lenders' contracts often do.
    PercentOfRemainingPrincipal(Decimal),
}

/// How often a late fee is charged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LateFeePer {
    /// Once, from the first day overdue.
    Once,
    /// For each started 30-day month overdue.
    Month,
}

/// A late fee (违约金 / 滞纳金).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LateFee {
    /// Its size.
    pub amount: LateFeeAmount,
    /// How often.
    pub per: LateFeePer,
}

/// Everything that decides the overdue charges.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OverdueTerms {
    /// What is past due.
    pub overdue: Overdue,
    /// The penalty rate (罚息利率), already raised by any markup.
    pub penalty_rate: Rate,
    /// Charge the penalty rate on overdue interest too (复利).
    pub compound: bool,
    /// Charge the penalty rate on overdue fees too (which credit cards may not).
    pub charge_on_fees: bool,
    /// A late fee, if the contract has one.
    pub late_fee: Option<LateFee>,
    /// Days in the year for the daily rate.
    pub day_basis: DayBasis,
    /// A collection fee (催收费) the lender claims: a fixed fee, never a base
    /// of penalty interest (0 when none).
    pub collection_fee: Decimal,
    /// The principal unpaid on the day of the figures, overdue or not (the
    /// base of [`LateFeeAmount::PercentOfRemainingPrincipal`]).
    pub remaining_principal: Decimal,
}

/// A part of what is overdue that fell due `offset` days after the first
/// part: one missed instalment of a loan (the free-form case is one part at
/// offset 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Part {
    /// Its amounts.
    pub overdue: Overdue,
    /// Days from the first part's due date to its own.
    pub offset: u32,
}

/// The penalty-rate charges of one part, each rounded half-up to cents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PartCharges {
    /// Days the part is overdue.
    pub days: u32,
    /// `principal × r_day × days`.
    pub penalty_interest: Decimal,
    /// `interest × r_day × days` when compounding.
    pub compound_interest: Decimal,
    /// `fees × r_day × days` when charged on fees.
    pub interest_on_fees: Decimal,
}

/// The charges after some days, each component rounded half-up to cents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Charges {
    /// Days overdue.
    pub days: u32,
    /// `P × r_day × d`.
    pub penalty_interest: Decimal,
    /// `I × r_day × d` when compounding, else 0.
    pub compound_interest: Decimal,
    /// `F × r_day × d` when charged on fees, else 0.
    pub interest_on_fees: Decimal,
    /// How many late fees have fallen due.
    pub late_fee_count: u32,
    /// Their sum.
    pub late_fees: Decimal,
    /// The collection fee claimed (催收费), as given.
    pub collection_fee: Decimal,
    /// The sum of the five rounded components above.
    pub total_charges: Decimal,
    /// Overdue principal + interest + fees + total charges.
    pub total_owed: Decimal,
}

impl Charges {
    /// The interest-like charges: penalty + compound + interest on fees.
    pub fn interest_charges(&self) -> Result<Decimal> {
        sum([
            self.penalty_interest,
            self.compound_interest,
            self.interest_on_fees,
        ])
    }
}

/// The penalty rate from a contract rate raised by `markup_percent`:
/// `contract × (1 + markup ÷ 100)`, in the contract rate's own period.
///
/// ```
/// use repay::money::{Per, Rate};
/// use repay::overdue::penalty_rate_with_markup;
/// use rust_decimal::Decimal;
/// let contract = Rate::new(Decimal::new(435, 2), Per::Year); // 4.35 %/year
/// let r = penalty_rate_with_markup(contract, Decimal::from(50)).unwrap();
/// assert_eq!(r.percent, Decimal::new(6525, 3)); // 6.525 %/year
/// ```
pub fn penalty_rate_with_markup(contract: Rate, markup_percent: Decimal) -> Result<Rate> {
    let factor = div(
        add(Decimal::ONE_HUNDRED, markup_percent)?,
        Decimal::ONE_HUNDRED,
    )?;
    Ok(Rate::new(mul(contract.percent, factor)?, contract.per))
}

/// How many late fees have fallen due after `days` days.
pub fn late_fee_count(per: LateFeePer, days: u32) -> u32 {
    match per {
        LateFeePer::Once => u32::from(days > 0),
        LateFeePer::Month => days.div_ceil(DAYS_PER_FEE_MONTH),
    }
}

/// One late fee, rounded half-up to cents: `overdue` is what is overdue,
/// `remaining` the principal unpaid (overdue or not).
pub fn late_fee_each(fee: LateFee, overdue: &Overdue, remaining: Decimal) -> Result<Decimal> {
    let percent_of = |base: Decimal, p: Decimal| div(mul(base, p)?, Decimal::ONE_HUNDRED);
    Ok(round_cents(match fee.amount {
        LateFeeAmount::Fixed(a) => a,
        LateFeeAmount::PercentOfOverdue(p) => percent_of(overdue.total()?, p)?,
        LateFeeAmount::PercentOfRemainingPrincipal(p) => percent_of(remaining, p)?,
    }))
}

/// The penalty-rate charges of `amounts` overdue `days` days, each
/// component rounded half-up to cents.
pub fn part_charges(terms: &OverdueTerms, amounts: &Overdue, days: u32) -> Result<PartCharges> {
    let d = Decimal::from(days);
    let on = |amount: Decimal, yes: bool| -> Result<Decimal> {
        if !yes || amount.is_zero() || days == 0 {
            return Ok(Decimal::ZERO);
        }
        Ok(round_cents(terms.penalty_rate.interest_for_days(
            amount,
            d,
            terms.day_basis,
        )?))
    };
    Ok(PartCharges {
        days,
        penalty_interest: on(amounts.principal, true)?,
        compound_interest: on(amounts.interest, terms.compound)?,
        interest_on_fees: on(amounts.fees, terms.charge_on_fees)?,
    })
}

/// The charges after `days` days (the whole of `terms.overdue` overdue that long).
pub fn charges(terms: &OverdueTerms, days: u32) -> Result<Charges> {
    let part = Part {
        overdue: terms.overdue,
        offset: 0,
    };
    Ok(charges_of_parts(terms, &[part], days)?.0)
}

/// The charges `day` days after the first part fell due: each part that has
/// fallen due by then (`offset ≤ day`) is overdue `day − offset` days and
/// priced on its own days, rounded per part, then summed; a late fee counts
/// the longest days (`day`). Returns the charges and each part's own.
pub fn charges_of_parts(
    terms: &OverdueTerms,
    parts: &[Part],
    day: u32,
) -> Result<(Charges, Vec<PartCharges>)> {
    let mut each = Vec::with_capacity(parts.len());
    let mut due = Overdue {
        principal: Decimal::ZERO,
        interest: Decimal::ZERO,
        fees: Decimal::ZERO,
    };
    for p in parts {
        if p.offset > day {
            each.push(PartCharges::default());
            continue;
        }
        due = Overdue {
            principal: add(due.principal, p.overdue.principal)?,
            interest: add(due.interest, p.overdue.interest)?,
            fees: add(due.fees, p.overdue.fees)?,
        };
        each.push(part_charges(terms, &p.overdue, day - p.offset)?);
    }
    let penalty_interest = sum(each.iter().map(|c| c.penalty_interest))?;
    let compound_interest = sum(each.iter().map(|c| c.compound_interest))?;
    let interest_on_fees = sum(each.iter().map(|c| c.interest_on_fees))?;
    let (late_fee_count, late_fees) = match terms.late_fee {
        None => (0, Decimal::ZERO),
        Some(fee) => {
            let n = late_fee_count(fee.per, day);
            let each_fee = late_fee_each(fee, &due, terms.remaining_principal)?;
            (n, mul(each_fee, Decimal::from(n))?)
        }
    };
    let total_charges = sum([
        penalty_interest,
        compound_interest,
        interest_on_fees,
        late_fees,
        terms.collection_fee,
    ])?;
    Ok((
        Charges {
            days: day,
            penalty_interest,
            compound_interest,
            interest_on_fees,
            late_fee_count,
            late_fees,
            collection_fee: terms.collection_fee,
            total_charges,
            total_owed: add(due.total()?, total_charges)?,
        },
        each,
    ))
}

/// `total_charges ÷ principal ÷ days × basis × 100`, exact (0 for 0 days).
pub fn annualized_percent(
    total_charges: Decimal,
    principal: Decimal,
    days: u32,
    basis: DayBasis,
) -> Result<Decimal> {
    if days == 0 || principal.is_zero() {
        return Ok(Decimal::ZERO);
    }
    div(
        mul(mul(total_charges, basis.days())?, Decimal::ONE_HUNDRED)?,
        mul(principal, Decimal::from(days))?,
    )
}

/// The most charges may reach over `days` days at `annual_percent` a year
/// on `base` (simple, `days ÷ basis` of a year), exact.
pub fn cap_for_days(
    base: Decimal,
    annual_percent: Decimal,
    days: u32,
    basis: DayBasis,
) -> Result<Decimal> {
    div(
        mul(mul(base, annual_percent)?, Decimal::from(days))?,
        mul(Decimal::ONE_HUNDRED, basis.days())?,
    )
}

/// One point of the chart series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeriesPoint {
    /// Days overdue.
    pub day: u32,
    /// What is owed then.
    pub total_owed: Decimal,
}

/// Whether the series steps by day (`true`) or by 30 days.
pub fn series_is_daily(days: u32) -> bool {
    days <= SERIES_DAILY_UP_TO
}

/// What is owed from day 0 to `days`: every day up to
/// [`SERIES_DAILY_UP_TO`] days, else every 30 days plus the last day
/// (at most 123 points for [`MAX_DAYS`]).
pub fn series(terms: &OverdueTerms, days: u32) -> Result<Vec<SeriesPoint>> {
    let part = Part {
        overdue: terms.overdue,
        offset: 0,
    };
    series_of_parts(terms, &[part], days)
}

/// [`series`] for several parts (see [`charges_of_parts`]): day 0 is the
/// first part's due date.
pub fn series_of_parts(
    terms: &OverdueTerms,
    parts: &[Part],
    days: u32,
) -> Result<Vec<SeriesPoint>> {
    let step = if series_is_daily(days) {
        1
    } else {
        DAYS_PER_FEE_MONTH
    };
    let mut points = Vec::new();
    let mut day = 0;
    loop {
        let c = charges_of_parts(terms, parts, day)?.0;
        points.push(SeriesPoint {
            day,
            total_owed: c.total_owed,
        });
        if day == days {
            return Ok(points);
        }
        day = (day + step).min(days);
    }
}

/// A bucket a payment can go to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bucket {
    /// Service fees, late fees and liquidated damages: not the Civil Code's
    /// "costs of enforcing the claim"; their place is set by the contract.
    Fees,
    /// Overdue interest and every interest-like charge.
    Interest,
    /// The principal.
    Principal,
}

/// The order used when no agreement is given: interest before principal as
/// the Civil Code (Art. 561) orders them, then fees, which the statute does
/// not place (their place is the contract's to set).
pub const DEFAULT_ORDER: [Bucket; 3] = [Bucket::Interest, Bucket::Principal, Bucket::Fees];

/// An amount in each bucket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Buckets {
    /// Fees.
    pub fees: Decimal,
    /// Interest.
    pub interest: Decimal,
    /// Principal.
    pub principal: Decimal,
}

impl Buckets {
    fn get_mut(&mut self, b: Bucket) -> &mut Decimal {
        match b {
            Bucket::Fees => &mut self.fees,
            Bucket::Interest => &mut self.interest,
            Bucket::Principal => &mut self.principal,
        }
    }
}

/// How a payment was applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Allocation {
    /// What went to each bucket.
    pub applied: Buckets,
    /// What is left in each bucket.
    pub remaining: Buckets,
    /// Any part of the payment above everything owed.
    pub unapplied: Decimal,
}

/// Applies `amount` to `owed` bucket by bucket in `order`: each bucket is
/// cleared before the next one gets anything.
///
/// ```
/// use repay::overdue::{allocate, Buckets, DEFAULT_ORDER};
/// use rust_decimal::Decimal;
/// let owed = Buckets { fees: Decimal::from(50), interest: Decimal::from(100), principal: Decimal::from(1000) };
/// let a = allocate(Decimal::from(120), owed, DEFAULT_ORDER).unwrap();
/// // Interest first, then principal; the fees wait for the contract's order.
/// assert_eq!(a.remaining.interest, Decimal::ZERO);
/// assert_eq!(a.remaining.principal, Decimal::from(980));
/// assert_eq!(a.remaining.fees, Decimal::from(50));
/// ```
pub fn allocate(amount: Decimal, owed: Buckets, order: [Bucket; 3]) -> Result<Allocation> {
    let mut left = amount;
    let mut applied = Buckets::default();
    let mut remaining = owed;
    for b in order {
        let due = *remaining.get_mut(b);
        let pay = left.min(due);
        *applied.get_mut(b) = pay;
        *remaining.get_mut(b) = sub(due, pay)?;
        left = sub(left, pay)?;
    }
    Ok(Allocation {
        applied,
        remaining,
        unapplied: left,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monthly_fees_count_started_months() {
        let m = LateFeePer::Month;
        assert_eq!(
            [0, 1, 30, 31, 60, 61].map(|d| late_fee_count(m, d)),
            [0, 1, 1, 2, 2, 3]
        );
        assert_eq!(late_fee_count(LateFeePer::Once, 0), 0);
        assert_eq!(late_fee_count(LateFeePer::Once, 400), 1);
    }

    #[test]
    fn series_length_is_bounded() {
        let terms = OverdueTerms {
            overdue: Overdue {
                principal: Decimal::from(100),
                interest: Decimal::ZERO,
                fees: Decimal::ZERO,
            },
            penalty_rate: Rate::new(Decimal::ONE, crate::money::Per::Day),
            compound: false,
            charge_on_fees: false,
            late_fee: None,
            day_basis: DayBasis::D360,
            collection_fee: Decimal::ZERO,
            remaining_principal: Decimal::from(100),
        };
        assert_eq!(series(&terms, 120).unwrap().len(), 121);
        let long = series(&terms, MAX_DAYS).unwrap();
        assert_eq!(long.len(), 123);
        assert_eq!(long.last().map(|p| p.day), Some(MAX_DAYS));
    }
}
