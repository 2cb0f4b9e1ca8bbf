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
    } = installments(terms)?;
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
    if rows.len() < n as usize && terms.prepayments.is_empty() {
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
    })
}

/// The rows of [`build`] alone, without totals, true cost or warnings: what a
/// repayment plan needs for each term it tries (the true cost is an IRR, the
/// most expensive part of a schedule, and a plan tries up to 60 terms).
pub fn rows(terms: &LoanTerms) -> Result<Vec<Row>> {
    Ok(installments(terms)?.rows)
}

/// The installments and what [`build`] needs beside them.
struct Installments {
    rows: Vec<Row>,
    upfront: Decimal,
    received: Decimal,
    monthly: Decimal,
}

fn installments(terms: &LoanTerms) -> Result<Installments> {
    let p = terms.principal;
    let n = terms.periods;
    let monthly = terms.rate.monthly_fraction(terms.day_basis)?;
    let interest_on = |balance: Decimal| -> Result<Decimal> {
        terms.rate.monthly_interest_cents(balance, terms.day_basis)
    };

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
    let flat_interest = interest_on(p)?;

    let mut rows = Vec::with_capacity(n as usize);
    let mut balance = p;
    let mut prepayments = terms.prepayments.iter().peekable();
    for k in 1..=n {
        let final_period = k == n;
        let (mut principal, interest) = match terms.method {
            Method::Annuity => {
                let interest = interest_on(balance)?;
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
            Method::EqualPrincipal => (level, interest_on(balance)?),
            Method::InterestOnly => (Decimal::ZERO, interest_on(balance)?),
            Method::Bullet if final_period => (
                Decimal::ZERO,
                round_cents(terms.rate.interest_for_months(
                    p,
                    Decimal::from(n),
                    terms.day_basis,
                )?),
            ),
            Method::Bullet => (Decimal::ZERO, Decimal::ZERO),
            Method::Flat => (level, flat_interest),
        };
        if final_period || principal >= balance {
            principal = balance;
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
        if after == Some(AfterPrepayment::LowerPayment) {
            let left = n - k;
            level = match terms.method {
                Method::Annuity => round_cents(annuity_payment(balance, monthly, left)?),
                Method::EqualPrincipal => round_cents(div(balance, Decimal::from(left))?),
                _ => level,
            };
        }
    }

    Ok(Installments {
        rows,
        upfront,
        received,
        monthly,
    })
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
        // The higher of the two annual forms: a cost above a line in either is above it.
        let highest = apr.nominal_percent.max(apr.effective_percent);
        if let Some((line, code)) = lines.iter().find(|(line, _)| highest > *line) {
            out.push(Warning {
                code,
                message: format!("the true annual cost (the higher of nominal and effective) is above {line} %; see the overdue panel for what the law protects"),
            });
        }
    }
    Ok(())
}
