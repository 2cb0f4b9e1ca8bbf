//! Repayment plans for one overdue debt, and how a monthly budget fits it.
//!
//! The debt owed now is `T = principal + interest + penalties + fees`, `r` is
//! the contract's monthly rate (year ÷ 12, or day × basis ÷ 12) and interest
//! is charged, as everywhere in the crate, on the opening balance and rounded
//! half-up to cents each month ([`crate::money`]).
//!
//! # Plans (one [`Plan`] each)
//! - **asIs**: nothing is negotiated: what the contract says now. The whole
//!   overdue `T` is due now (one payment on `startDate`) and penalty interest
//!   keeps running until it is paid. It fits a budget only when the budget
//!   covers `T`; paying the budget each month without an agreement is not
//!   this plan (the lender may keep charging penalty interest on the rest).
//! - **installment** (re-分期): `T` over `n` months at `r`, level annuity
//!   payment `round(T·r / (1 − (1+r)^−n))`, built by [`crate::schedule::rows`];
//!   the last payment clears the balance.
//! - **stopInterest** (停息挂账-style): `T` frozen, no further interest;
//!   `n` equal parts `round(T / n)`, the last part clears: Σ payments = `T` exactly.
//! - **waivePenalties**: penalties and fees dropped; `principal + interest`
//!   over `n` months at `r`, annuity.
//! - **deferral** (延期/展期): `k` holiday months with nothing paid; each month's
//!   interest `round(B·r)` is added to the balance (it **capitalises**
//!   monthly), then the grown balance `B_k` is repaid as an annuity over `n`.
//! - **lumpSum** (一次性结清): one payment `X` now (the offer, else the money
//!   available, else principal + interest, the usual ask); the discount is `T − X`;
//!   `X` equals `X ÷ m` monthly payments of the installment plan (`m` its level payment);
//!   the payment goes to costs and interest before principal (the pack's
//!   payment-order rule, unless agreed otherwise).
//!
//! `n` is the requested `months`; else, with a budget, the fewest months
//! (≤ `maxMonths`) whose payments all fit the budget; else `maxMonths`.
//! A payment made now is period 1 due on `startDate` itself; instalment `k`
//! falls due `k` months after `startDate`.
//!
//! How a monthly budget fits the debt (months needed, payment for `n`
//! months, the minimum that clears) is in [`crate::budget`].
//!
//! What makes each plan plausible (its [`Basis`]) is in [`basis`]; the
//! lender's claim and its lawful position (what plans are computed on by
//! default) are in [`lawful`].

use crate::budget::{budget_fit, interest_on, BudgetFit};
use crate::calendar::Date;
use crate::error::{Error, ErrorCode, Result};
use crate::money::{add, div, mul, sub, sum, DayBasis, Per, Rate};
use crate::rules::Lender;

mod basis;
pub mod lawful;
pub mod line;

use crate::schedule::{self, LoanTerms, Method};
use basis::basis_for;
pub use basis::{Basis, Standing};
use rust_decimal::Decimal;

/// The longest instalment plan: 5 years, the credit-card personalised
/// instalment limit of the rule pack.
pub const MAX_PLAN_MONTHS: u32 = 60;
/// The longest payment holiday accepted.
pub const MAX_DEFERRAL_MONTHS: u32 = 24;

/// What is owed now, by part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Balance {
    /// Principal still owed (> 0).
    pub principal: Decimal,
    /// Contract interest due and unpaid.
    pub interest: Decimal,
    /// Penalty interest (罚息, 复利, interest on fees).
    pub penalties: Decimal,
    /// Fees: overdue fees and late fees or default charges (违约金).
    pub fees: Decimal,
}

impl Balance {
    /// `principal + interest + penalties + fees`.
    pub fn total(&self) -> Result<Decimal> {
        sum([self.principal, self.interest, self.penalties, self.fees])
    }

    /// `principal + interest` (what is left when penalties and fees are waived).
    pub fn without_penalties(&self) -> Result<Decimal> {
        add(self.principal, self.interest)
    }
}

/// What the borrower asks about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanRequest {
    /// What is owed now.
    pub balance: Balance,
    /// The contract rate, if interest keeps running (0 % when unknown).
    pub rate: Rate,
    /// The day basis for a daily rate.
    pub day_basis: DayBasis,
    /// What the borrower can pay each month.
    pub monthly_budget: Option<Decimal>,
    /// Money available now for a one-off payment.
    pub lump_sum: Option<Decimal>,
    /// A settlement figure offered by the lender or to propose.
    pub lump_sum_offer: Option<Decimal>,
    /// Who lent.
    pub lender: Lender,
    /// The longest instalment plan, 1–60 months.
    pub max_months: u32,
    /// The instalment count the borrower wants to propose (≤ `max_months`).
    pub months: Option<u32>,
    /// The payment holiday of the deferral plan.
    pub deferral_months: u32,
    /// Today, or the day the plan would start; instalment k falls due k months later.
    pub start_date: Option<Date>,
}

/// The kind of plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanKind {
    /// Nothing negotiated.
    AsIs,
    /// Re-instalment of the whole balance at the contract rate.
    Installment,
    /// Interest frozen, the balance in equal parts (停息挂账-style).
    StopInterest,
    /// Penalties and fees waived, the rest at the contract rate.
    WaivePenalties,
    /// A payment holiday, then instalments.
    Deferral,
    /// A one-off settlement.
    LumpSum,
}

impl PlanKind {
    /// The camelCase name used across the API.
    pub fn as_str(self) -> &'static str {
        match self {
            PlanKind::AsIs => "asIs",
            PlanKind::Installment => "installment",
            PlanKind::StopInterest => "stopInterest",
            PlanKind::WaivePenalties => "waivePenalties",
            PlanKind::Deferral => "deferral",
            PlanKind::LumpSum => "lumpSum",
        }
    }
}

/// How the number of instalments was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MonthsChoice {
    /// The borrower's `months`.
    Requested,
    /// The fewest months whose payments fit the budget.
    Budget,
    /// `maxMonths` (no months asked, no budget, or the budget never fits).
    MaxMonths,
    /// Fixed by the plan itself (as-is, lump sum).
    Fixed,
}

impl MonthsChoice {
    /// The camelCase name used across the API.
    pub fn as_str(self) -> &'static str {
        match self {
            MonthsChoice::Requested => "requested",
            MonthsChoice::Budget => "budget",
            MonthsChoice::MaxMonths => "maxMonths",
            MonthsChoice::Fixed => "fixed",
        }
    }
}

/// One payment of a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanRow {
    /// 1-based month.
    pub period: u32,
    /// Due date, when `startDate` is known.
    pub due_date: Option<Date>,
    /// The payment (0.00 in a holiday month).
    pub payment: Decimal,
    /// Part of the payment that reduces the balance.
    pub principal: Decimal,
    /// Interest of the month (in a holiday month it is added to the balance).
    pub interest: Decimal,
    /// What is still owed afterwards.
    pub balance: Decimal,
}

/// The one-off settlement of a lump-sum plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settlement {
    /// The figure paid.
    pub amount: Decimal,
    /// `T − amount`.
    pub discount: Decimal,
    /// `discount ÷ T × 100`.
    pub discount_percent: Decimal,
    /// `amount ÷` the installment plan's level payment (`None` when that is 0.00).
    pub equivalent_months: Option<Decimal>,
    /// Where the figure comes from.
    pub source: SettlementSource,
}

/// Where a lump-sum figure comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettlementSource {
    /// `lumpSumOffer`: the lender's offer or the borrower's own proposal.
    Offer,
    /// `lumpSum`: the money available now (capped at the balance).
    Available,
    /// Neither given: principal + interest, the usual ask (penalties and fees waived).
    Proposal,
}

impl SettlementSource {
    /// The camelCase name used across the API.
    pub fn as_str(self) -> &'static str {
        match self {
            SettlementSource::Offer => "offer",
            SettlementSource::Available => "available",
            SettlementSource::Proposal => "proposal",
        }
    }
}

/// A plan, computed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// Which plan.
    pub kind: PlanKind,
    /// Months the schedule spans (holiday months included).
    pub months: u32,
    /// The regular payment (the first non-zero one).
    pub monthly_payment: Decimal,
    /// Σ schedule payments, exactly.
    pub total_paid: Decimal,
    /// As-is total − this total (negative when this plan costs more).
    pub saving_vs_as_is: Decimal,
    /// Every payment ≤ the budget (the lump sum: ≤ the money available); `None` without one.
    pub fits_budget: Option<bool>,
    /// A plan whose regular payment is within the monthly budget but that does
    /// not fit: its first payment above the budget (an instalment plan's last
    /// payment can be a few cents above the others). `None` otherwise.
    pub over_budget: Option<OverBudget>,
    /// The payments.
    pub rows: Vec<PlanRow>,
    /// Why a lender might agree.
    pub basis: Basis,
    /// How `months` was chosen.
    pub months_chosen_by: MonthsChoice,
    /// Deferral: the holiday months.
    pub holiday_months: Option<u32>,
    /// Deferral: whether holiday interest is added to the balance (always true here).
    pub interest_capitalised: Option<bool>,
    /// Deferral: interest added during the holiday.
    pub accrued_interest: Option<Decimal>,
    /// Amount the lender gives up (penalties and fees waived; a settlement's discount).
    pub waived: Decimal,
    /// Lump sum: the settlement.
    pub settlement: Option<Settlement>,
}

/// The payment that keeps a plan from fitting a budget it otherwise fits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OverBudget {
    /// Its period.
    pub period: u32,
    /// The payment.
    pub payment: Decimal,
}

/// The plans and the budget fit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanSet {
    /// asIs, installment, stopInterest, waivePenalties, deferral and lumpSum.
    pub plans: Vec<Plan>,
    /// The budget fit.
    pub budget: BudgetFit,
}

fn due(start: Option<Date>, k: u32) -> Result<Option<Date>> {
    start
        .map(|s| {
            s.add_months(k).ok_or_else(|| {
                Error::field(
                    ErrorCode::OutOfRange,
                    "startDate",
                    "the last payment would fall after the year 2200",
                )
            })
        })
        .transpose()
}

/// An annuity over `n` months from [`schedule::rows`], with periods shifted by `offset`.
fn annuity_rows(
    req: &PlanRequest,
    principal: Decimal,
    rate: Rate,
    n: u32,
    offset: u32,
) -> Result<Vec<PlanRow>> {
    let terms = LoanTerms {
        principal,
        received: None,
        rate,
        day_basis: req.day_basis,
        periods: n,
        method: Method::Annuity,
        fees: Vec::new(),
        start_date: None,
        prepayments: Vec::new(),
        rate_changes: Vec::new(),
    };
    schedule::rows(&terms)?
        .into_iter()
        .map(|r| {
            let period = r.period + offset;
            Ok(PlanRow {
                period,
                due_date: due(req.start_date, period)?,
                payment: r.payment,
                principal: r.principal,
                interest: r.interest,
                balance: r.balance,
            })
        })
        .collect()
}

/// One payment now, on `startDate`, applied to costs and interest first and then
/// principal (the statutory default order of the rule pack's payment-order
/// rule): of the `total` owed, everything but `principal_owed` is paid first.
fn one_off(
    amount: Decimal,
    total: Decimal,
    principal_owed: Decimal,
    start: Option<Date>,
) -> Result<PlanRow> {
    let before_principal = sub(total, principal_owed)?;
    let principal = sub(amount, before_principal)?
        .max(Decimal::ZERO)
        .min(principal_owed);
    Ok(PlanRow {
        period: 1,
        due_date: start,
        payment: amount,
        principal,
        interest: sub(amount, principal)?,
        balance: Decimal::ZERO,
    })
}

fn max_payment(rows: &[PlanRow]) -> Decimal {
    rows.iter()
        .map(|r| r.payment)
        .max()
        .unwrap_or(Decimal::ZERO)
}

/// The first payment above `budget`, when the regular payment is within it.
fn over_budget(rows: &[PlanRow], budget: Decimal) -> Option<OverBudget> {
    if regular_payment(rows) > budget {
        return None;
    }
    rows.iter()
        .find(|r| r.payment > budget)
        .map(|r| OverBudget {
            period: r.period,
            payment: r.payment,
        })
}

fn regular_payment(rows: &[PlanRow]) -> Decimal {
    rows.iter()
        .map(|r| r.payment)
        .find(|p| !p.is_zero())
        .unwrap_or(Decimal::ZERO)
}

/// Builds an instalment plan over `n` months, choosing `n` as the module docs
/// say. `build_for(n)` makes the rows.
fn choose_and_build<F>(
    req: &PlanRequest,
    kind: PlanKind,
    waived: Decimal,
    mut build_for: F,
) -> Result<Plan>
where
    F: FnMut(u32) -> Result<Vec<PlanRow>>,
{
    if let Some(n) = req.months {
        return plan(req, kind, build_for(n)?, MonthsChoice::Requested, waived);
    }
    if let Some(budget) = req.monthly_budget {
        // Payments fall as n grows; try each n from the shortest.
        for n in 1..=req.max_months {
            let rows = build_for(n)?;
            if max_payment(&rows) <= budget {
                return plan(req, kind, rows, MonthsChoice::Budget, waived);
            }
        }
    }
    let rows = build_for(req.max_months)?;
    plan(req, kind, rows, MonthsChoice::MaxMonths, waived)
}

/// Equal parts of a frozen balance: `round(T/n)`, the last part clears.
fn equal_parts(req: &PlanRequest, frozen: Decimal, n: u32) -> Result<Vec<PlanRow>> {
    annuity_rows(req, frozen, Rate::new(Decimal::ZERO, Per::Year), n, 0)
}

/// Holiday months: no payment, interest added to the balance each month.
fn holiday(req: &PlanRequest, total: Decimal) -> Result<(Vec<PlanRow>, Decimal)> {
    let mut rows = Vec::new();
    let mut b = total;
    for k in 1..=req.deferral_months {
        let interest = interest_on(b, req.rate, req.day_basis)?;
        b = add(b, interest).map_err(|_| Error::overflow(Some("deferralMonths")))?;
        rows.push(PlanRow {
            period: k,
            due_date: due(req.start_date, k)?,
            payment: Decimal::ZERO,
            principal: Decimal::ZERO,
            interest,
            balance: b,
        });
    }
    Ok((rows, b))
}

/// A plan of `rows`; `fitsBudget` is against the monthly budget.
fn plan(
    req: &PlanRequest,
    kind: PlanKind,
    rows: Vec<PlanRow>,
    chosen: MonthsChoice,
    waived: Decimal,
) -> Result<Plan> {
    let total_paid = sum(rows.iter().map(|r| r.payment))?;
    Ok(Plan {
        kind,
        months: u32::try_from(rows.len()).map_err(|_| Error::overflow(None))?,
        monthly_payment: regular_payment(&rows),
        total_paid,
        saving_vs_as_is: Decimal::ZERO,
        fits_budget: req.monthly_budget.map(|b| max_payment(&rows) <= b),
        over_budget: req.monthly_budget.and_then(|b| over_budget(&rows, b)),
        basis: basis_for(crate::rules::pack()?, kind, req.lender)?,
        rows,
        months_chosen_by: chosen,
        holiday_months: None,
        interest_capitalised: None,
        accrued_interest: None,
        waived,
        settlement: None,
    })
}

/// Every plan for `req`, and the budget fit.
pub fn plans(req: &PlanRequest) -> Result<PlanSet> {
    let b = &req.balance;
    let total = b.total()?;
    let rate = req.rate;
    let basis = req.day_basis;
    let budget = req.monthly_budget;

    // asIs: everything due now; it fits only a budget that covers it.
    let as_is_rows = vec![one_off(total, total, b.principal, req.start_date)?];
    let as_is = plan(
        req,
        PlanKind::AsIs,
        as_is_rows,
        MonthsChoice::Fixed,
        Decimal::ZERO,
    )?;

    let installment = choose_and_build(req, PlanKind::Installment, Decimal::ZERO, |n| {
        annuity_rows(req, total, rate, n, 0)
    })?;

    let stop = choose_and_build(req, PlanKind::StopInterest, Decimal::ZERO, |n| {
        equal_parts(req, total, n)
    })?;

    let kept = b.without_penalties()?;
    let waived = add(b.penalties, b.fees)?;
    let waive = choose_and_build(req, PlanKind::WaivePenalties, waived, |n| {
        annuity_rows(req, kept, rate, n, 0)
    })?;

    let (holiday_rows, grown) = holiday(req, total)?;
    let k = req.deferral_months;
    let mut deferral = choose_and_build(req, PlanKind::Deferral, Decimal::ZERO, |n| {
        let mut rows = holiday_rows.clone();
        rows.extend(annuity_rows(req, grown, rate, n, k)?);
        Ok(rows)
    })?;
    deferral.holiday_months = Some(k);
    deferral.interest_capitalised = Some(true);
    deferral.accrued_interest = Some(sub(grown, total)?);

    let mut out = vec![as_is, installment, stop, waive, deferral];
    let (x, source) = match (req.lump_sum_offer, req.lump_sum) {
        (Some(x), _) => (x, SettlementSource::Offer),
        (None, Some(x)) => (x.min(total), SettlementSource::Available),
        (None, None) => (add(b.principal, b.interest)?, SettlementSource::Proposal),
    };
    {
        if x > total {
            return Err(Error::field(
                ErrorCode::Conflict,
                "lumpSumOffer",
                "lumpSumOffer is more than the whole balance owed",
            ));
        }
        let level = out[1].monthly_payment;
        let discount = sub(total, x)?;
        let mut lump = plan(
            req,
            PlanKind::LumpSum,
            vec![one_off(x, total, b.principal, req.start_date)?],
            MonthsChoice::Fixed,
            discount,
        )?;
        // Measured against the money available now, not the monthly budget.
        lump.fits_budget = req.lump_sum.map(|have| x <= have);
        lump.over_budget = None;
        lump.settlement = Some(Settlement {
            amount: x,
            discount,
            discount_percent: div(mul(discount, Decimal::ONE_HUNDRED)?, total)?,
            equivalent_months: if level.is_zero() {
                None
            } else {
                Some(div(x, level)?)
            },
            source,
        });
        out.push(lump);
    }
    let as_is_total = out[0].total_paid;
    for p in &mut out {
        p.saving_vs_as_is = sub(as_is_total, p.total_paid)?;
    }

    Ok(PlanSet {
        plans: out,
        budget: budget_fit(total, rate, basis, req.max_months, budget, req.months)?,
    })
}
