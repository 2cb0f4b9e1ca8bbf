//! The output shapes of `overdueCost`: the charges, the caps with their
//! segments and LPR rows, the chart series and a payment's allocation, and
//! their conversions from the domain types. Money goes out as money strings,
//! rates as percent strings (see [`super::MoneyText`], [`super::PercentText`]).

use super::plans::{PartsOut, RemovedOut};
use super::{MoneyText, PercentText, WarningOut};
use crate::caps::CapResult;
use crate::money::{fmt_money, fmt_percent};
use crate::overdue::Buckets;
use crate::rules::{LprRow, Source};
use serde::Serialize;

/// The penalty rate used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PenaltyRateOut {
    /// Percent a year (simple).
    pub annual_percent: PercentText,
    /// Percent a day (annual ÷ basis).
    pub daily_percent: PercentText,
}

/// An LPR row as returned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LprOut {
    /// In force from this date until the next row.
    pub from: String,
    /// One-year LPR, percent.
    pub one_year_percent: PercentText,
    /// Five-year-and-over LPR, percent.
    pub five_year_percent: PercentText,
}

impl From<&LprRow> for LprOut {
    fn from(r: &LprRow) -> Self {
        LprOut {
            from: r.from.to_string(),
            one_year_percent: fmt_percent(r.one_year),
            five_year_percent: fmt_percent(r.five_year),
        }
    }
}

/// A part of the period under one cap rate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SegmentOut {
    /// The rule that sets the rate.
    pub rule: &'static str,
    /// First day (when dated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// The day after the last (when dated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// Days.
    pub days: u32,
    /// Percent a year.
    pub cap_percent: PercentText,
    /// The LPR row used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lpr: Option<LprOut>,
    /// The cap for these days.
    pub cap_amount: MoneyText,
}

/// One cap as returned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CapOut {
    /// Rule id.
    pub rule: String,
    /// `civilCap`, `criminalReference`, `feeRule`, `ukCap`, `transition`.
    pub kind: String,
    /// Whether it covers this lender (and jurisdiction).
    pub applies: bool,
    /// Percent, or `null` for an amount cap.
    pub cap_percent: Option<PercentText>,
    /// `year`, `day`, `total`, or `null`.
    pub cap_per: Option<&'static str>,
    /// What the percent is taken of.
    pub cap_base: MoneyText,
    /// The most these charges may be over these days.
    pub cap_amount: MoneyText,
    /// The currency of an amount cap, when fixed (`GBP`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// The charges this cap counts.
    pub charged: MoneyText,
    /// Charged above the cap (≥ 0).
    pub excess: MoneyText,
    /// The LPR row used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lpr: Option<LprOut>,
    /// Parts of the period under different rates.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub segments: Vec<SegmentOut>,
    /// Where it comes from.
    pub source: Source,
    /// `primary`, `secondary` or `reported`.
    pub confidence: &'static str,
    /// Assumptions and explanations.
    pub notes: Vec<WarningOut>,
}

impl From<&CapResult> for CapOut {
    fn from(c: &CapResult) -> Self {
        CapOut {
            rule: c.rule.id.clone(),
            kind: c.rule.kind.clone(),
            applies: c.applies,
            cap_percent: c.cap_percent.map(fmt_percent),
            cap_per: c.cap_per.map(|p| p.as_str()),
            cap_base: fmt_money(c.cap_base),
            cap_amount: fmt_money(c.cap_amount),
            currency: c.rule.currency.clone(),
            charged: fmt_money(c.charged),
            excess: fmt_money(c.excess),
            lpr: c.lpr.as_ref().map(LprOut::from),
            segments: c
                .segments
                .iter()
                .map(|s| SegmentOut {
                    rule: s.rule,
                    from: s.from.map(|d| d.to_string()),
                    to: s.to.map(|d| d.to_string()),
                    days: s.days,
                    cap_percent: fmt_percent(s.cap_percent),
                    lpr: s.lpr.as_ref().map(LprOut::from),
                    cap_amount: fmt_money(s.cap_amount),
                })
                .collect(),
            source: c.rule.source.clone(),
            confidence: c.rule.confidence.as_str(),
            notes: c
                .notes
                .iter()
                .map(|n| WarningOut {
                    code: n.code,
                    message: n.message.clone(),
                })
                .collect(),
        }
    }
}

/// A chart point.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SeriesOut {
    /// Days overdue.
    pub day: u32,
    /// What is owed then.
    pub total_owed: MoneyText,
}

/// An amount per bucket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BucketsOut {
    /// Fees and late fees.
    pub fees: MoneyText,
    /// Interest and interest-like charges.
    pub interest: MoneyText,
    /// Principal.
    pub principal: MoneyText,
}

impl From<&Buckets> for BucketsOut {
    fn from(b: &Buckets) -> Self {
        BucketsOut {
            fees: fmt_money(b.fees),
            interest: fmt_money(b.interest),
            principal: fmt_money(b.principal),
        }
    }
}

/// How a payment is applied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AllocationOut {
    /// The order used.
    pub order: Vec<&'static str>,
    /// Owed before the payment.
    pub owed: BucketsOut,
    /// Applied to each bucket.
    pub applied: BucketsOut,
    /// Left in each bucket.
    pub remaining: BucketsOut,
    /// Σ remaining.
    pub remaining_total: MoneyText,
    /// The part of the payment above everything owed.
    pub unapplied: MoneyText,
}

/// The output of `overdueCost`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OverdueOut {
    /// Days overdue.
    pub days: u32,
    /// First overdue day, when dated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// End of the period, when dated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// The penalty rate used.
    pub penalty_rate: PenaltyRateOut,
    /// Overdue principal × daily penalty rate × days.
    pub penalty_interest: MoneyText,
    /// Overdue interest × daily penalty rate × days (when `compound`).
    pub compound_interest: MoneyText,
    /// Overdue fees × daily penalty rate × days (when `chargeOnFees`).
    pub interest_on_fees: MoneyText,
    /// Number of late fees charged.
    pub late_fee_count: u32,
    /// Σ late fees.
    pub late_fees: MoneyText,
    /// Σ of the rounded components.
    pub total_charges: MoneyText,
    /// Overdue principal + interest + fees.
    pub overdue_total: MoneyText,
    /// `overdueTotal + totalCharges`.
    pub total_owed: MoneyText,
    /// totalCharges ÷ principal ÷ days × basis × 100.
    pub annualized_percent: PercentText,
    /// Every cap of the pack, evaluated.
    pub caps: Vec<CapOut>,
    /// What is owed over time.
    pub series: Vec<SeriesOut>,
    /// `day` or `month` (30 days).
    pub series_step: &'static str,
    /// How a payment is applied, when one is given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allocation: Option<AllocationOut>,
    /// How the figures were computed, with sources and caveats.
    pub basis: Vec<WarningOut>,
    /// The rule pack version used.
    pub rules_version: String,
    /// `wholeLoan` (a case from the loan, for a lender with a total-cost
    /// line: the settlement against the line over the loan's life) or
    /// `overdueOnly` (the caps on the overdue charges only).
    pub view: &'static str,
    /// The collection fee claimed, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub collection_fee: Option<MoneyText>,
    /// The case from the loan (with `loan`).
    #[serde(flatten)]
    pub case: Option<CaseOut>,
}

/// A missed instalment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MissedOut {
    /// Its number in the loan's schedule.
    pub period: u32,
    /// The day it fell due (for an accelerated one, the acceleration day).
    pub due_date: String,
    /// `asOf − dueDate`, calendar days.
    pub days: u32,
    /// Its principal.
    pub principal: MoneyText,
    /// Its contract interest (0.00 when accelerated).
    pub interest: MoneyText,
    /// Its fees (0.00 when accelerated).
    pub fees: MoneyText,
    /// principal × daily penalty rate × days, rounded.
    pub penalty: MoneyText,
    /// interest × daily penalty rate × days, rounded (with `compound`).
    pub compound: MoneyText,
    /// fees × daily penalty rate × days, rounded (with `chargeOnFees`).
    pub interest_on_fees: MoneyText,
    /// Whether it fell due early, by the acceleration.
    pub accelerated: bool,
}

/// A line rate in force from a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LineRateOut {
    /// From this day.
    pub from: String,
    /// Percent a year.
    pub percent: PercentText,
}

/// One paid instalment, recomputed at the line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LinePaymentOut {
    /// The day it was paid (its due date).
    pub date: String,
    /// Days since the previous date.
    pub days: u32,
    /// Line interest for those days, rounded.
    pub interest: MoneyText,
    /// The payment (principal, interest and fees of the instalment).
    pub payment: MoneyText,
    /// The balance afterwards.
    pub balance: MoneyText,
    /// Line interest still unpaid afterwards.
    pub unpaid_interest: MoneyText,
}

/// The line on the whole price of credit, recomputed over the loan's life.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LineOut {
    /// The rule that sets the line.
    pub rule: String,
    /// Where it comes from.
    pub source: Source,
    /// `primary`, `secondary` or `reported`.
    pub confidence: &'static str,
    /// The line in force on `asOf`, percent a year.
    pub percent: PercentText,
    /// Every rate of the line over the period (two across 2020-08-20).
    pub rates: Vec<LineRateOut>,
    /// The LPR row used (private lending).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lpr: Option<LprOut>,
    /// The recomputation's starting balance: the amount received.
    pub base: MoneyText,
    /// The contract principal.
    pub principal: MoneyText,
    /// The start date.
    pub from: String,
    /// `asOf`.
    pub to: String,
    /// Days in the year of the daily line rate.
    pub day_basis: u32,
    /// `recomputedAtLine`: payments to line interest first, the rest to the
    /// balance, unpaid interest never capitalised.
    pub method: &'static str,
    /// The paid instalments, recomputed.
    pub payments: Vec<LinePaymentOut>,
    /// The balance after the last payment.
    pub balance: MoneyText,
    /// Line interest unpaid after the last payment.
    pub unpaid_interest: MoneyText,
    /// The last payment's date (the start date when none).
    pub last_payment_date: String,
    /// Days from it to `asOf`.
    pub days_since: u32,
    /// Line interest for those days, rounded.
    pub interest_since: MoneyText,
    /// `balance + unpaidInterest + interestSince`: the most the loan may cost
    /// on `asOf` at the line (below 0: more than the line was paid).
    pub ceiling: MoneyText,
    /// The same recomputation started from the contract principal.
    pub ceiling_from_principal: MoneyText,
    /// Assumptions.
    pub notes: Vec<WarningOut>,
}

/// The loan's own true cost against the line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LoanCostOut {
    /// Nominal true annual cost (as `loanTerms`' `apr.nominalPercent`).
    pub nominal_percent: PercentText,
    /// Effective true annual cost (as `loanTerms`' `apr.effectivePercent`).
    pub effective_percent: PercentText,
    /// The line in force on `asOf`.
    pub line_percent: PercentText,
    /// Whether the higher of the two true-cost forms is above the line.
    pub above_line: bool,
}

/// What `overdueCost` adds for a case from the loan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CaseOut {
    /// The day of the figures.
    pub as_of: String,
    /// Instalments paid.
    pub paid: u32,
    /// The acceleration day, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accelerated: Option<String>,
    /// The instalments due by `asOf` (due on or before it; all of them when
    /// the loan was declared due). `paid` above it: basis note `paidBeyondDue`.
    pub due_by_as_of: u32,
    /// The missed instalments.
    pub missed: Vec<MissedOut>,
    /// The principal of the instalments not yet due.
    pub not_yet_due: MoneyText,
    /// The principal unpaid on `asOf` (missed + not yet due): the base of
    /// `lateFee.percentOfRemainingPrincipal`.
    pub remaining_principal: MoneyText,
    /// `notYetDue + totalOwed`: closing the loan on `asOf` by the lender's figures.
    pub settlement: MoneyText,
    /// The settlement by part.
    pub claimed: PartsOut,
    /// The settlement with what is above the line taken off.
    pub lawful: PartsOut,
    /// What was taken off, by rule.
    pub removed: Vec<RemovedOut>,
    /// The line over the loan's life (the `wholeLoan` view), else null.
    pub line: Option<LineOut>,
    /// The loan's own true cost against the line; null without a line or
    /// when the true cost cannot be stated.
    pub loan_cost: Option<LoanCostOut>,
}
