//! Repayment schedules for the five methods, with fees, prepayments and the
//! true annual cost.
//!
//! # Methods (monthly rate `r`, principal `P`, `n` months)
//! - **Annuity** (等额本息): level payment `P·r / (1 − (1+r)^−n)` (or `P/n` at 0 %),
//!   rounded to cents; interest each month on the opening balance.
//! - **Equal principal** (等额本金): principal `P/n` each month, interest on the balance.
//! - **Interest only** (先息后本): interest each month, all principal with the last.
//! - **Bullet** (一次性还本付息): simple interest `P·r·n`, everything at the end;
//!   earlier rows are 0.00.
//! - **Flat** (等本等息): `P/n + P·r` every month: interest on the *original*
//!   principal, which is why its true cost is nearly twice its stated rate.
//!
//! Rounding follows [`crate::money`]: interest and level amounts to cents,
//! and the last row takes the remaining balance, so the balance ends at 0.00.
//!
//! # True annual cost
//! The borrower's flows are `+received` at month 0 and `−payment_k` at month
//! `k`. Following US Reg Z Appendix J, the unit period is the interval between
//! payments (from the advance to the first, and between payments) that occurs
//! most often, the shorter on a tie, at most a year: one month for every
//! monthly method, the whole term for a bullet loan of up to a year. The IRR
//! `i` per unit period of `u` months gives the nominal rate `i·12/u` (the
//! figure Chinese lenders and US Reg Z disclose) and the effective rate
//! `(1+i)^(12/u) − 1` (EU/UK APRC); a fraction of a unit period earns simple
//! interest. So a 12-month bullet at 40 % a year shows 40 % nominal. The
//! 24 % and 36 % warnings use the higher of the two forms.

mod rate_changes;

pub use rate_changes::{
    due_period, lpr_changes, periods_to_clear, LprChange, LprLink, LprPlan, Repricing, Tenor,
};

use crate::calendar::Date;
use crate::error::{Error, ErrorCode, Result};
use crate::money::{add, div, mul, round_cents, sub, sum, DayBasis, Rate};
use crate::rate::PeriodicRates;
use crate::solve::{Discounting, Stream, TimedFlow};
use rust_decimal::prelude::*;

/// The most monthly periods of a loan.
pub const MAX_PERIODS: u32 = 600;

/// How the loan is repaid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// 等额本息: level payments.
    Annuity,
    /// 等额本金: equal principal parts, falling payments.
    EqualPrincipal,
    /// 先息后本: interest monthly, principal at the end.
    InterestOnly,
    /// 一次性还本付息: everything at the end, simple interest.
    Bullet,
    /// 等本等息: interest on the original principal every month.
    Flat,
}

/// When a fee is charged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeeWhen {
    /// Deducted from the money paid out (or paid at signing).
    Upfront,
    /// Added to every installment.
    EachPeriod,
    /// Added to the last installment.
    AtEnd,
}

/// How much a fee is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeeAmount {
    /// A fixed amount.
    Fixed(Decimal),
    /// A percent of the contract principal (rounded to cents).
    PercentOfPrincipal(Decimal),
}

/// One fee of the contract.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fee {
    /// The contract's own name for it (服务费, 担保费, …).
    pub label: String,
    /// How much.
    pub amount: FeeAmount,
    /// When.
    pub when: FeeWhen,
}

/// What happens after an extra principal payment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterPrepayment {
    /// The payment stays; the loan ends sooner.
    ShortenTerm,
    /// The end date stays; later payments are recomputed lower.
    LowerPayment,
}

/// An extra principal payment made together with installment `period`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Prepayment {
    /// The installment it is paid with (1-based).
    pub period: u32,
    /// The extra principal (capped at what is still owed).
    pub amount: Decimal,
    /// What changes afterwards.
    pub then: AfterPrepayment,
}

/// What stays the same when the rate changes (annuity only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeepOnChange {
    /// The end date stays; the level payment is recomputed on the balance
    /// left over the periods left (what Chinese banks do by default).
    Term,
    /// The level payment stays; the loan ends sooner or later.
    Payment,
}

/// Where a rate change comes from, to name it in errors and in the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeOrigin {
    /// The input's `rateChanges[i]`.
    Input(u32),
    /// Derived from the LPR table (`lprLinked`), the i-th derived change.
    Lpr(u32),
}

/// A new contract rate from installment `period` on: the whole of that
/// period's interest follows it (the rate in force on the due date).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateChange {
    /// The first installment at the new rate (1-based).
    pub period: u32,
    /// The new rate.
    pub rate: Rate,
    /// What stays the same afterwards.
    pub keep: KeepOnChange,
    /// Where it comes from.
    pub origin: ChangeOrigin,
}

/// A rate change as it took effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AppliedChange {
    /// The change.
    pub change: RateChange,
    /// The regular installment of `period` at the rate in force before the
    /// change: principal + interest + each-period fees, without a prepayment
    /// made with it or the fees due at the end.
    pub payment_before: Decimal,
    /// The same installment at the new rate, as scheduled.
    pub payment_after: Decimal,
}

/// A loan as contracted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoanTerms {
    /// The amount written in the contract (> 0).
    pub principal: Decimal,
    /// What the borrower actually got; `None` means principal minus upfront fees.
    pub received: Option<Decimal>,
    /// The contract rate (for `Flat`, the flat rate on the original principal).
    pub rate: Rate,
    /// The day basis for a daily rate.
    pub day_basis: DayBasis,
    /// Number of monthly installments, 1–600.
    pub periods: u32,
    /// Repayment method.
    pub method: Method,
    /// Fees.
    pub fees: Vec<Fee>,
    /// The loan date; installment k falls due k months later.
    pub start_date: Option<Date>,
    /// Extra principal payments, in increasing `period` order.
    pub prepayments: Vec<Prepayment>,
    /// Rate changes, in increasing `period` order, one per period at most.
    pub rate_changes: Vec<RateChange>,
}

/// One installment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// 1-based installment number.
    pub period: u32,
    /// Due date, when the loan date is known.
    pub due_date: Option<Date>,
    /// Everything paid with this installment: principal + interest + fees.
    pub payment: Decimal,
    /// Principal repaid (including any prepayment).
    pub principal: Decimal,
    /// Interest.
    pub interest: Decimal,
    /// Fees.
    pub fees: Decimal,
    /// Principal still owed afterwards.
    pub balance: Decimal,
}

/// Sums over a schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Totals {
    /// Σ payment of the rows.
    pub payment: Decimal,
    /// Σ principal (= the contract principal).
    pub principal: Decimal,
    /// Σ interest.
    pub interest: Decimal,
    /// Every fee: Σ fees of the rows plus the upfront fees.
    pub fees: Decimal,
}

/// A warning about the loan, with a stable code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// Stable camelCase code.
    pub code: &'static str,
    /// English explanation; the page shows its own translation by code.
    pub message: String,
}

/// The computed loan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    /// One row per installment.
    pub rows: Vec<Row>,
    /// Sums.
    pub totals: Totals,
    /// The sum of the upfront fees.
    pub upfront_fees: Decimal,
    /// What the borrower received at the start.
    pub received: Decimal,
    /// The true cost, `None` only when the IRR cannot be expressed (see warnings).
    pub apr: Option<PeriodicRates>,
    /// Things the borrower should know.
    pub warnings: Vec<Warning>,
    /// The rate changes that took effect (the loan may end before a later one).
    pub rate_changes: Vec<AppliedChange>,
    /// Σ interest of the same loan without any rate change, when there are changes.
    pub interest_without_changes: Option<Decimal>,
}

impl Fee {
    fn value(&self, principal: Decimal) -> Result<Decimal> {
        match self.amount {
            FeeAmount::Fixed(a) => Ok(round_cents(a)),
            FeeAmount::PercentOfPrincipal(p) => {
                Ok(round_cents(div(mul(principal, p)?, Decimal::ONE_HUNDRED)?))
            }
        }
    }
}

/// The level payment of an annuity, exact (not rounded): `P·r / (1 − (1+r)^−n)`.
#[doc(alias = "PMT")]
pub fn annuity_payment(principal: Decimal, monthly: Decimal, n: u32) -> Result<Decimal> {
    if n == 0 {
        return Err(Error::general(
            ErrorCode::OutOfRange,
            "an annuity needs at least one period",
        ));
    }
    if monthly.is_zero() {
        return div(principal, Decimal::from(n));
    }
    let v = div(Decimal::ONE, add(Decimal::ONE, monthly)?)?;
    let vn = v
        .checked_powu(u64::from(n))
        .ok_or_else(|| Error::overflow(None))?;
    div(mul(principal, monthly)?, sub(Decimal::ONE, vn)?)
}

/// Builds the schedule, totals, true cost and warnings of `terms`.
pub fn build(terms: &LoanTerms) -> Result<Schedule> {
    let Installments {
        rows,
        upfront,
        received,
        monthly,
        applied,
    } = installments(terms, &terms.rate_changes)?;
    // The same loan at its first rate throughout: rows only (no true cost),
    // and only when there is a change, so the common path pays nothing.
    let interest_without_changes = if terms.rate_changes.is_empty() {
        None
    } else {
        let rows = installments(terms, &[])?.rows;
        Some(sum(rows.iter().map(|r| r.interest))?)
    };
    let (p, n) = (terms.principal, terms.periods);
    let totals = Totals {
        payment: sum(rows.iter().map(|r| r.payment))?,
        principal: sum(rows.iter().map(|r| r.principal))?,
        interest: sum(rows.iter().map(|r| r.interest))?,
        fees: add(sum(rows.iter().map(|r| r.fees))?, upfront)?,
    };

    let mut warnings = Vec::new();
    let apr = match true_cost(received, &rows, monthly) {
        Ok(r) => Some(r),
        Err(e) => {
            warnings.push(Warning {
                code: "aprUnavailable",
                message: format!("the true annual cost cannot be stated: {}", e.message),
            });
            None
        }
    };
    // A change that keeps the payment moves the end by design: not this warning.
    let term_moves = terms
        .rate_changes
        .iter()
        .any(|c| c.keep == KeepOnChange::Payment);
    if rows.len() < n as usize && terms.prepayments.is_empty() && !term_moves {
        warnings.push(Warning {
            code: "endsEarly",
            message: format!(
                "the level payment, rounded up to the cent, clears the loan after {} installments instead of {n}",
                rows.len()
            ),
        });
    }
    collect_warnings(terms, p, received, apr.as_ref(), &mut warnings)?;
    Ok(Schedule {
        rows,
        totals,
        upfront_fees: upfront,
        received,
        apr,
        warnings,
        rate_changes: applied,
        interest_without_changes,
    })
}

/// The rows of [`build`] alone, without totals, true cost or warnings: what a
/// repayment plan needs for each term it tries (the true cost is an IRR, the
/// most expensive part of a schedule, and a plan tries up to 60 terms).
pub fn rows(terms: &LoanTerms) -> Result<Vec<Row>> {
    Ok(installments(terms, &terms.rate_changes)?.rows)
}

/// The installments and what [`build`] needs beside them.
struct Installments {
    rows: Vec<Row>,
    upfront: Decimal,
    received: Decimal,
    monthly: Decimal,
    applied: Vec<AppliedChange>,
}

/// The rows of `terms` with `changes` (its own rate changes, or none).
fn installments(terms: &LoanTerms, changes: &[RateChange]) -> Result<Installments> {
    let p = terms.principal;
    let n = terms.periods;
    let basis = terms.day_basis;
    let monthly = terms.rate.monthly_fraction(basis)?;

    let mut upfront = Decimal::ZERO;
    let mut each_period = Decimal::ZERO;
    let mut at_end = Decimal::ZERO;
    for fee in &terms.fees {
        let v = fee.value(p)?;
        match fee.when {
            FeeWhen::Upfront => upfront = add(upfront, v)?,
            FeeWhen::EachPeriod => each_period = add(each_period, v)?,
            FeeWhen::AtEnd => at_end = add(at_end, v)?,
        }
    }
    let received = match terms.received {
        Some(r) => r,
        None => sub(p, upfront)?,
    };
    if received <= Decimal::ZERO {
        return Err(Error::field(
            ErrorCode::OutOfRange,
            "fees",
            "the upfront fees take the whole principal, so nothing is received",
        ));
    }

    // The per-period amount that stays level: the payment (annuity) or the
    // principal part (equal principal, flat).
    let mut level = match terms.method {
        Method::Annuity => round_cents(annuity_payment(p, monthly, n)?),
        Method::EqualPrincipal | Method::Flat => round_cents(div(p, Decimal::from(n))?),
        Method::InterestOnly | Method::Bullet => Decimal::ZERO,
    };
    // What changes with a rate change: the rate, its monthly fraction, the
    // flat charge, and a bullet loan's interest accrued at earlier rates.
    let mut rate = terms.rate;
    let mut monthly_now = monthly;
    let mut flat_interest = rate.monthly_interest_cents(p, basis)?;
    let mut accrued = Accrued::default();
    // The last installment: n, unless a change that keeps the payment moved it.
    let mut end = n;
    let period = Period { terms, p };

    let mut rows = Vec::with_capacity(n as usize);
    let mut balance = p;
    let mut prepayments = terms.prepayments.iter().peekable();
    let mut changes = changes.iter().peekable();
    let mut applied = Vec::new();
    let mut k = 0;
    while k < end {
        k += 1;
        // A rate change takes effect before installment k is computed: the
        // whole of period k's interest follows the rate in force on its due
        // date. The installment is computed once at the rate before (the
        // change's `paymentBefore`), the change applied, and computed again:
        // one call site, so the common path (no change) runs it once.
        let mut pending = changes.next_if(|c| c.period == k);
        let mut change = None;
        let (mut principal, interest) = loop {
            let r = period.regular(k, k == end, &rate, level, balance, flat_interest, &accrued)?;
            let Some(c) = pending.take() else { break r };
            change = Some((*c, r));
            if terms.method == Method::Bullet {
                accrued = accrued.close(p, rate, k - 1, basis)?;
            }
            rate = c.rate;
            monthly_now = rate.monthly_fraction(basis)?;
            if terms.method == Method::Flat {
                flat_interest = rate.monthly_interest_cents(p, basis)?;
            }
            if terms.method == Method::Annuity {
                match c.keep {
                    KeepOnChange::Term => {
                        level = round_cents(annuity_payment(balance, monthly_now, end - k + 1)?);
                    }
                    KeepOnChange::Payment => {
                        let left =
                            periods_to_clear(balance, level, rate, basis, MAX_PERIODS - (k - 1))
                                .map_err(|e| e.or_field(&c.origin.keep_path()))?;
                        end = k - 1 + left;
                    }
                }
            }
        };
        if let Some((c, (bp, bi))) = change {
            applied.push(AppliedChange {
                change: c,
                payment_before: add(add(bp, bi)?, each_period)?,
                payment_after: add(add(principal, interest)?, each_period)?,
            });
        }
        let mut after = None;
        if let Some(pre) = prepayments.next_if(|pre| pre.period == k) {
            principal = add(principal, pre.amount)?.min(balance);
            after = Some(pre.then);
        }
        balance = sub(balance, principal)?;
        let last = balance.is_zero();
        let fees = if last {
            add(each_period, at_end)?
        } else {
            each_period
        };
        let due_date = match terms.start_date {
            Some(start) => Some(start.add_months(k).ok_or_else(|| {
                Error::field(
                    ErrorCode::OutOfRange,
                    "startDate",
                    "the last installment would fall after the year 2200",
                )
            })?),
            None => None,
        };
        rows.push(Row {
            period: k,
            due_date,
            payment: add(add(principal, interest)?, fees)?,
            principal,
            interest,
            fees,
            balance,
        });
        if last {
            break;
        }
        match after {
            Some(AfterPrepayment::LowerPayment) => {
                let left = end - k;
                level = match terms.method {
                    Method::Annuity => round_cents(annuity_payment(balance, monthly_now, left)?),
                    Method::EqualPrincipal => round_cents(div(balance, Decimal::from(left))?),
                    _ => level,
                };
            }
            // The payment stays and the term shortens: a later change that
            // keeps the term then recomputes over the shortened term.
            Some(AfterPrepayment::ShortenTerm)
                if terms.method == Method::Annuity && changes.peek().is_some() =>
            {
                end = k + periods_to_clear(balance, level, rate, basis, MAX_PERIODS - k)?;
            }
            _ => {}
        }
    }

    Ok(Installments {
        rows,
        upfront,
        received,
        monthly,
        applied,
    })
}

/// A bullet loan's simple interest at the rates of earlier periods: the exact
/// sum, and the number of months it covers.
#[derive(Debug, Clone, Copy, Default)]
struct Accrued {
    interest: Decimal,
    months: u32,
}

impl Accrued {
    /// Adds the months up to `through` at `rate`.
    fn close(self, p: Decimal, rate: Rate, through: u32, basis: DayBasis) -> Result<Accrued> {
        let months = Decimal::from(through.saturating_sub(self.months));
        Ok(Accrued {
            interest: add(self.interest, rate.interest_for_months(p, months, basis)?)?,
            months: through,
        })
    }
}

/// The per-method rule for one installment.
struct Period<'a> {
    terms: &'a LoanTerms,
    p: Decimal,
}

impl Period<'_> {
    /// The principal (before any prepayment) and interest of installment `k`
    /// at `rate`; the last installment takes the whole balance.
    ///
    /// Inlined into the period loop: a call per installment cost ~90
    /// instructions per row, a few percent of a 360-month `loanTerms`.
    #[allow(clippy::too_many_arguments)]
    #[inline(always)]
    fn regular(
        &self,
        k: u32,
        final_period: bool,
        rate: &Rate,
        level: Decimal,
        balance: Decimal,
        flat_interest: Decimal,
        accrued: &Accrued,
    ) -> Result<(Decimal, Decimal)> {
        let basis = self.terms.day_basis;
        let (principal, interest) = match self.terms.method {
            Method::Annuity => {
                let interest = rate.monthly_interest_cents(balance, basis)?;
                // At least zero (a sign test: comparing with ZERO, whose scale
                // differs, rescales both sides, a tenth of a call's time).
                let principal = sub(level, interest)?;
                let principal = if principal.is_sign_negative() {
                    Decimal::ZERO
                } else {
                    principal
                };
                (principal, interest)
            }
            Method::EqualPrincipal => (level, rate.monthly_interest_cents(balance, basis)?),
            Method::InterestOnly => (Decimal::ZERO, rate.monthly_interest_cents(balance, basis)?),
            // Simple interest on the principal, each month at the rate in
            // force: one figure, rounded once, with the last installment.
            Method::Bullet if final_period => {
                let total = accrued.close(self.p, *rate, k, basis)?;
                (Decimal::ZERO, round_cents(total.interest))
            }
            Method::Bullet => (Decimal::ZERO, Decimal::ZERO),
            Method::Flat => (level, flat_interest),
        };
        if final_period || principal >= balance {
            return Ok((balance, interest));
        }
        Ok((principal, interest))
    }
}

/// The unit period in months (US Reg Z Appendix J): the interval between the
/// advance and the first payment and between payments that occurs most often
/// (the shorter on a tie), at most a year. A single payment: its term.
fn unit_period_months(rows: &[Row]) -> u32 {
    let mut counts: Vec<(u32, u32)> = Vec::new();
    let mut last = 0;
    for r in rows.iter().filter(|r| !r.payment.is_zero()) {
        let gap = r.period - last;
        last = r.period;
        match counts.iter_mut().find(|(g, _)| *g == gap) {
            Some((_, n)) => *n += 1,
            None => counts.push((gap, 1)),
        }
    }
    let best = counts
        .iter()
        .fold(None::<(u32, u32)>, |best, &(g, n)| match best {
            Some((bg, bn)) if bn > n || (bn == n && bg < g) => Some((bg, bn)),
            _ => Some((g, n)),
        });
    best.map_or(1, |(g, _)| g.clamp(1, 12))
}

/// The IRR per unit period of `+received` now and `−payment` at each row's
/// month, with its nominal (× unit periods a year) and effective forms.
fn true_cost(received: Decimal, rows: &[Row], contract_monthly: Decimal) -> Result<PeriodicRates> {
    let unit = unit_period_months(rows);
    let mut flows = Vec::with_capacity(rows.len() + 1);
    flows.push(TimedFlow {
        amount: received,
        whole: 0,
        frac: Decimal::ZERO,
    });
    for r in rows {
        flows.push(TimedFlow {
            amount: -r.payment,
            whole: r.period / unit,
            frac: div(Decimal::from(r.period % unit), Decimal::from(unit))?,
        });
    }
    let hint = mul(contract_monthly, Decimal::from(unit))?;
    let discounting = if unit == 1 {
        Discounting::Compound
    } else {
        Discounting::SimpleFraction
    };
    let periodic = Stream::new(flows, discounting)?.solve_near(Some(hint))?;
    PeriodicRates::from_periodic(periodic, div(Decimal::from(12), Decimal::from(unit))?)
}

fn collect_warnings(
    terms: &LoanTerms,
    p: Decimal,
    received: Decimal,
    apr: Option<&PeriodicRates>,
    out: &mut Vec<Warning>,
) -> Result<()> {
    if received < p {
        out.push(Warning {
            code: "upfrontDeduction",
            message: format!(
                "you received {} but repay and pay interest on {}; the law counts what was actually lent as the principal",
                crate::money::fmt_money(received),
                crate::money::fmt_money(p)
            ),
        });
    }
    if received > p {
        out.push(Warning {
            code: "receivedAbovePrincipal",
            message: "the amount received is more than the contract principal; check both figures"
                .into(),
        });
    }
    if terms.method == Method::Flat && !terms.rate.percent.is_zero() {
        out.push(Warning {
            code: "flatRate",
            message: "interest is charged on the original principal every month, even as it is repaid, so the true cost is close to twice the stated rate".into(),
        });
    }
    if let Some(apr) = apr {
        let lines = [
            (Decimal::from(36), "aprAbove36"),
            (Decimal::from(24), "aprAbove24"),
        ];
        // The higher of the two annual forms: a cost above a line in either is above it. Compared
        // as stated (four places, half-up, as the output shows it): the solved rate of a loan at
        // exactly 24 % is a hair off 24, and the warning must agree with the 24.0000 % shown.
        let highest = crate::money::round_dp_half_up(
            apr.nominal_percent.max(apr.effective_percent),
            crate::money::PERCENT_DP,
        );
        if let Some((line, code)) = lines.iter().find(|(line, _)| highest > *line) {
            out.push(Warning {
                code,
                message: format!("the true annual cost (the higher of nominal and effective) is above {line} %; see the overdue panel for what the law protects"),
            });
        }
    }
    Ok(())
}
