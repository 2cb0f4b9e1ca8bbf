//! `repaymentPlans`: reading its input and shaping its output.
//!
//! The arithmetic lives in [`crate::plan`] (one debt: negotiated plans and the
//! budget fit); see its docs for the formulas. Here every field is read with its path, and every figure
//! goes out as a money string (two decimals) or a percent string (four).

use super::overdue::{assess, case_parts_out, case_position, read_overdue_input, removed_out};
use super::{MoneyText, PercentText};
use crate::budget::BudgetFit;
use crate::error::{Error, ErrorCode, Result};
use crate::input::{Obj, Value};
use crate::money::{fmt_money, fmt_percent, round_dp_half_up, Per, Rate};
use crate::plan::lawful::Position;
use crate::plan::{
    self, Balance, Plan, PlanRequest, PlanRow, MAX_DEFERRAL_MONTHS, MAX_PLAN_MONTHS,
};
use crate::rules::{self, Source, LENDER_WORDS};
use rust_decimal::Decimal;
use serde::Serialize;

/// One payment of a plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanRowOut {
    /// 1-based month.
    pub period: u32,
    /// `YYYY-MM-DD`, when `startDate` was given (a payment now falls on `startDate`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due_date: Option<String>,
    /// The payment.
    pub payment: MoneyText,
    /// The part that reduces the balance.
    pub principal: MoneyText,
    /// Interest (in a deferral's holiday month, added to the balance).
    pub interest: MoneyText,
    /// What is still owed afterwards.
    pub balance: MoneyText,
}

/// Which rule or practice makes a plan plausible.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BasisOut {
    /// Stable code of the rule or practice; the page translates by it.
    pub code: &'static str,
    /// Document and article, or the practice.
    pub rule: &'static str,
    /// `contract` | `primary` | `secondary` | `reported`.
    pub confidence: &'static str,
    /// `contract` | `lenderDiscretion` | `practice`: never a right.
    pub standing: &'static str,
    /// Plain English; the page shows its own translation.
    pub note: &'static str,
}

/// A lump-sum settlement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SettlementOut {
    /// The one-off payment.
    pub amount: MoneyText,
    /// Balance − amount.
    pub discount: MoneyText,
    /// Discount as a percent of the balance.
    pub discount_percent: PercentText,
    /// How many installment-plan payments the amount equals (two decimals), or null.
    pub equivalent_months: Option<String>,
    /// `offer` (lumpSumOffer), `available` (lumpSum, capped at the balance) or
    /// `proposal` (neither given: principal + interest).
    pub source: &'static str,
}

/// One plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanOut {
    /// `asIs` | `installment` | `stopInterest` | `waivePenalties` | `deferral` | `lumpSum`.
    pub kind: &'static str,
    /// Months the schedule spans (a deferral's holiday included).
    pub months: u32,
    /// The regular payment.
    pub monthly_payment: MoneyText,
    /// Σ schedule payments.
    pub total_paid: MoneyText,
    /// As-is total − this total (negative: this plan costs more).
    pub saving_vs_as_is: MoneyText,
    /// Every payment within the budget (lump sum: within `lumpSum`); null without one.
    pub fits_budget: Option<bool>,
    /// When the regular payment is within the monthly budget but the plan does
    /// not fit: the first payment above the budget; else null.
    pub over_budget: Option<OverBudgetOut>,
    /// The payments.
    pub schedule: Vec<PlanRowOut>,
    /// Why a lender might agree.
    pub basis: BasisOut,
    /// `requested` | `budget` | `maxMonths` | `fixed`.
    pub months_chosen_by: &'static str,
    /// What the lender gives up (waived penalties and fees, a settlement's discount).
    pub waived: MoneyText,
    /// Deferral: holiday months.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub holiday_months: Option<u32>,
    /// Deferral: holiday interest is added to the balance (true).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interest_capitalised: Option<bool>,
    /// Deferral: the interest added during the holiday.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accrued_interest: Option<MoneyText>,
    /// Lump sum: the settlement.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub settlement: Option<SettlementOut>,
}

/// The payment that keeps a plan from fitting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OverBudgetOut {
    /// Its period.
    pub period: u32,
    /// The payment.
    pub payment: MoneyText,
}

/// How the budget fits the whole balance at the contract rate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BudgetOut {
    /// The balance measured (principal + interest + penalties + fees).
    pub balance: MoneyText,
    /// A payment at or below this never clears the balance.
    pub first_month_interest: MoneyText,
    /// The horizon.
    pub max_months: u32,
    /// The budget, or null.
    pub monthly_budget: Option<MoneyText>,
    /// Whether the budget clears within `maxMonths`; null without a budget.
    pub feasible: Option<bool>,
    /// `belowInterest` | `beyondMaxMonths`, when not feasible.
    pub reason: Option<&'static str>,
    /// Months the budget needs (the last payment smaller), when feasible.
    pub months_needed: Option<u32>,
    /// The final payment, when feasible.
    pub last_payment: Option<MoneyText>,
    /// Σ payments at the budget, when feasible.
    pub total_paid: Option<MoneyText>,
    /// The requested `months`, or null.
    pub months: Option<u32>,
    /// The level payment for `months`, or null.
    pub payment_for_months: Option<MoneyText>,
    /// The smallest payment that clears within `maxMonths`.
    pub minimum_monthly: MoneyText,
}

/// A balance by part, as the contract states the parts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartsOut {
    /// Principal.
    pub principal: MoneyText,
    /// Contract interest.
    pub interest: MoneyText,
    /// Penalty interest (罚息, compound interest, interest on fees).
    pub penalties: MoneyText,
    /// Fees and late fees (违约金).
    pub fees: MoneyText,
    /// The sum of the four.
    pub total: MoneyText,
}

/// Something taken off the claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RemovedOut {
    /// Rule id in the rule pack.
    pub rule: String,
    /// The amount taken off.
    pub amount: MoneyText,
    /// Where the rule comes from.
    pub source: Source,
}

/// The output of `repaymentPlans`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlansOut {
    /// The plans, in a fixed order.
    pub plans: Vec<PlanOut>,
    /// The budget fit.
    pub budget: BudgetOut,
    /// The balance as claimed (the `balance` given, or the case's claim).
    pub claimed: PartsOut,
    /// The claim less what the law does not support (equal to `claimed`
    /// without a case, or when nothing is above a binding line).
    pub lawful: PartsOut,
    /// What was taken off the claim, by rule.
    pub removed: Vec<RemovedOut>,
    /// `lawful` | `claimed`: the balance the plans are computed on.
    pub plan_on: &'static str,
    /// With a case: penalty interest a day on the claimed overdue principal
    /// (what keeps running while nothing is agreed); else null.
    pub penalty_per_day: Option<MoneyText>,
    /// With a case: `wholeLoan` (a case from the loan: `claimed` is the
    /// settlement, `lawful` it against the line over the loan's life) or
    /// `overdueOnly`; null with `balance`.
    pub view: Option<&'static str>,
}

fn row_out(r: &PlanRow) -> PlanRowOut {
    PlanRowOut {
        period: r.period,
        due_date: r.due_date.map(|d| d.to_string()),
        payment: fmt_money(r.payment),
        principal: fmt_money(r.principal),
        interest: fmt_money(r.interest),
        balance: fmt_money(r.balance),
    }
}

fn plan_out(p: &Plan) -> PlanOut {
    PlanOut {
        kind: p.kind.as_str(),
        months: p.months,
        monthly_payment: fmt_money(p.monthly_payment),
        total_paid: fmt_money(p.total_paid),
        saving_vs_as_is: fmt_money(p.saving_vs_as_is),
        fits_budget: p.fits_budget,
        over_budget: p.over_budget.map(|o| OverBudgetOut {
            period: o.period,
            payment: fmt_money(o.payment),
        }),
        schedule: p.rows.iter().map(row_out).collect(),
        basis: BasisOut {
            code: p.basis.code,
            rule: p.basis.rule,
            confidence: p.basis.confidence.as_str(),
            standing: p.basis.standing.as_str(),
            note: p.basis.note,
        },
        months_chosen_by: p.months_chosen_by.as_str(),
        waived: fmt_money(p.waived),
        holiday_months: p.holiday_months,
        interest_capitalised: p.interest_capitalised,
        accrued_interest: p.accrued_interest.map(fmt_money),
        settlement: p.settlement.map(|s| SettlementOut {
            amount: fmt_money(s.amount),
            discount: fmt_money(s.discount),
            discount_percent: fmt_percent(s.discount_percent),
            equivalent_months: s.equivalent_months.map(|m| {
                let mut m = round_dp_half_up(m, 2);
                m.rescale(2);
                m.to_string()
            }),
            source: s.source.as_str(),
        }),
    }
}

fn budget_out(b: &BudgetFit) -> BudgetOut {
    BudgetOut {
        balance: fmt_money(b.balance),
        first_month_interest: fmt_money(b.first_month_interest),
        max_months: b.max_months,
        monthly_budget: b.monthly_budget.map(fmt_money),
        feasible: b.feasible,
        reason: b.reason.map(|r| r.as_str()),
        months_needed: b.months_needed,
        last_payment: b.last_payment.map(fmt_money),
        total_paid: b.total_paid.map(fmt_money),
        months: b.months,
        payment_for_months: b.payment_for_months.map(fmt_money),
        minimum_monthly: fmt_money(b.minimum_monthly),
    }
}

/// Which balance the plans are computed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanOn {
    /// The claim less what the law does not support (default).
    Lawful,
    /// The claim as the lender states it.
    Claimed,
}

impl PlanOn {
    fn as_str(self) -> &'static str {
        match self {
            PlanOn::Lawful => "lawful",
            PlanOn::Claimed => "claimed",
        }
    }
}

/// The `repaymentPlans` input, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlansInput {
    /// The plan request, its balance being the one chosen by `plan_on`.
    pub request: PlanRequest,
    /// The claim and its lawful position (equal without a case).
    pub position: Position,
    /// Which balance the plans use.
    pub plan_on: PlanOn,
    /// Penalty interest a day, with a case.
    pub penalty_per_day: Option<Decimal>,
    /// With a case: `wholeLoan` or `overdueOnly`.
    pub view: Option<&'static str>,
}

/// An error inside `overdue` named by its full path.
fn under_overdue(mut e: Error) -> Error {
    e.field = Some(match e.field.take() {
        Some(f) if !f.is_empty() => crate::input::join("overdue", &f),
        _ => "overdue".to_owned(),
    });
    e
}

/// Reads the case (`overdue`) or the `balance`: the claim, its lawful
/// position, the case's lender, its penalty interest a day and its view.
type CaseRead = (
    Position,
    Option<crate::rules::Lender>,
    Option<Decimal>,
    Option<&'static str>,
);

fn read_position(o: &Obj<'_>) -> Result<CaseRead> {
    match (o.get("balance"), o.get("overdue")) {
        (Some(_), Some(_)) => Err(Error::field(
            ErrorCode::Conflict,
            "overdue",
            "give overdue (the case) or balance, not both",
        )),
        (None, Some(v)) => {
            let inp = read_overdue_input(v).map_err(under_overdue)?;
            let pack = rules::pack()?;
            let (charges, caps) = assess(pack, &inp).map_err(under_overdue)?;
            let t = &inp.terms;
            let cp = case_position(pack, &inp, &charges, &caps)?;
            let daily = crate::money::div(
                crate::money::mul(
                    t.overdue.principal,
                    t.penalty_rate.annual_percent(t.day_basis)?,
                )?,
                crate::money::mul(t.day_basis.days(), Decimal::ONE_HUNDRED)?,
            )?;
            Ok((
                cp.position,
                Some(inp.lender),
                Some(crate::money::round_cents(daily)),
                Some(cp.view.as_str()),
            ))
        }
        _ => {
            let bo = o.req_obj("balance")?;
            let balance = Balance {
                principal: bo.positive_money("principal")?,
                interest: bo.opt_money("interest")?.unwrap_or(Decimal::ZERO),
                penalties: bo.opt_money("penalties")?.unwrap_or(Decimal::ZERO),
                fees: bo.opt_money("fees")?.unwrap_or(Decimal::ZERO),
            };
            bo.finish()?;
            Ok((
                Position {
                    claimed: balance,
                    lawful: balance,
                    removed: Vec::new(),
                },
                None,
                None,
                None,
            ))
        }
    }
}

/// Reads the `repaymentPlans` input.
pub fn read_plans_input(input: &Value) -> Result<PlansInput> {
    let o = Obj::new(input, "")?;
    let day_basis = o.day_basis()?;
    let (position, case_lender, penalty_per_day, view) = read_position(&o)?;
    let plan_on = o.word(
        "planOn",
        &[("lawful", PlanOn::Lawful), ("claimed", PlanOn::Claimed)],
        Some(PlanOn::Lawful),
    )?;
    let balance = match plan_on {
        PlanOn::Lawful => position.lawful,
        PlanOn::Claimed => position.claimed,
    };
    if balance.principal <= Decimal::ZERO {
        return Err(Error::field(
            ErrorCode::OutOfRange,
            "overdue",
            "nothing is left to plan: the principal is 0 (after the up-front deduction, or every instalment paid)",
        ));
    }
    let rate = if o.has("rate") {
        o.rate("rate", day_basis)?
    } else {
        Rate::new(Decimal::ZERO, Per::Year)
    };
    let monthly_budget = o.opt_money("monthlyBudget")?;
    let lump_sum = o.opt_money("lumpSum")?;
    let lump_sum_offer = o.opt_money("lumpSumOffer")?;
    if lump_sum_offer.is_some_and(|x| x.is_zero()) {
        return Err(crate::input::not_positive("lumpSumOffer"));
    }
    let lender = match case_lender {
        None => o.word("lender", &LENDER_WORDS, None)?,
        Some(l) if o.has("lender") => {
            let top = o.word("lender", &LENDER_WORDS, None)?;
            if top != l {
                return Err(Error::field(
                    ErrorCode::Conflict,
                    "lender",
                    "lender differs from overdue.lender",
                ));
            }
            l
        }
        Some(l) => l,
    };
    let max_months = o
        .opt_int_in("maxMonths", 1, MAX_PLAN_MONTHS)?
        .unwrap_or(MAX_PLAN_MONTHS);
    let months = o.opt_int_in("months", 1, MAX_PLAN_MONTHS)?;
    if let Some(n) = months.filter(|&n| n > max_months) {
        return Err(Error::field(
            ErrorCode::Conflict,
            "months",
            format!("months ({n}) is more than maxMonths ({max_months})"),
        ));
    }
    let deferral_months = o
        .opt_int_in("deferralMonths", 1, MAX_DEFERRAL_MONTHS)?
        .unwrap_or(3);
    let start_date = o.opt_date("startDate")?;
    o.finish()?;
    Ok(PlansInput {
        request: PlanRequest {
            balance,
            rate,
            day_basis,
            monthly_budget,
            lump_sum,
            lump_sum_offer,
            lender,
            max_months,
            months,
            deferral_months,
            start_date,
        },
        position,
        plan_on,
        penalty_per_day,
        view,
    })
}

/// `repaymentPlans(input)`: the negotiable plans and the budget fit.
pub fn repayment_plans(input: &Value) -> Result<PlansOut> {
    let inp = read_plans_input(input)?;
    let set = plan::plans(&inp.request)?;
    Ok(PlansOut {
        plans: set.plans.iter().map(plan_out).collect(),
        budget: budget_out(&set.budget),
        claimed: case_parts_out(&inp.position.claimed)?,
        lawful: case_parts_out(&inp.position.lawful)?,
        removed: inp.position.removed.iter().map(removed_out).collect(),
        plan_on: inp.plan_on.as_str(),
        penalty_per_day: inp.penalty_per_day.map(fmt_money),
        view: inp.view,
    })
}
