//! `overdueCost`: reading its input and assembling its output (the output
//! shapes are in [`super::overdue_out`]).
//!
//! `overdueCost` reads the overdue amounts, the period, the penalty rate and
//! the contract's extras, computes the charges with [`crate::overdue`],
//! evaluates every cap of the rule pack with [`crate::rules`], and, when a
//! payment is given, applies it bucket by bucket (by default interest, then
//! principal, as the Civil Code orders them, then fees, which the statute does
//! not place; see [`crate::overdue`]). Buckets: `fees` = overdue fees + late
//! fees; `interest` = overdue interest + penalty + compound + interest on
//! fees; `principal` = overdue principal.
//!
//! The notes (`basis`) cite their rules by id: every document, article and
//! figure in them comes from the rule pack.

use super::overdue_out::{
    AllocationOut, BucketsOut, CapOut, CaseOut, LineOut, LinePaymentOut, LineRateOut, LoanCostOut,
    LprOut, MissedOut, OverdueOut, PenaltyRateOut, SeriesOut,
};
use super::plans::{PartsOut, RemovedOut};
use super::WarningOut;
use crate::calendar::Date;
use crate::caps::{self, CapContext, ChargeParts};
use crate::error::{Error, ErrorCode, Result};
use crate::input::Value;
use crate::money::{add, div, fmt_money, fmt_percent, mul, sub, sum};
use crate::overdue::{
    self, allocate, Bucket, Buckets, LateFeeAmount, LateFeePer, OverdueTerms, DEFAULT_ORDER,
};
use crate::rules::{self, ids, Jurisdiction, Lender, RulePack};
use rust_decimal::Decimal;

/// The highest markup accepted, percent.
pub const MAX_MARKUP_PERCENT: u32 = 1000;

/// The input of `overdueCost`, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverdueInput {
    /// Charges terms.
    pub terms: OverdueTerms,
    /// Days overdue.
    pub days: u32,
    /// The dated period, when given.
    pub period: Option<(Date, Date)>,
    /// The markup, when the penalty came from a contract rate.
    pub markup_percent: Option<Decimal>,
    /// Who lent.
    pub lender: Lender,
    /// Whose law.
    pub jurisdiction: Jurisdiction,
    /// When the contract was made.
    pub contract_date: Option<Date>,
    /// When the case was or would be filed.
    pub filing_date: Option<Date>,
    /// Interest deducted from the principal up front.
    pub upfront_deduction: Option<Decimal>,
    /// A payment to apply: amount and order.
    pub payment: Option<(Decimal, [Bucket; 3])>,
    /// The loan the case was derived from (`loan`, `paid`, `asOf`).
    pub loan: Option<LoanInput>,
}

mod case;
mod read;
pub use case::{case_position, CasePosition, LineView};
pub use read::{read_overdue_input, LoanInput};

const BUCKET_WORDS: [(&str, Bucket); 3] = [
    ("fees", Bucket::Fees),
    ("interest", Bucket::Interest),
    ("principal", Bucket::Principal),
];

fn bucket_word(b: Bucket) -> &'static str {
    BUCKET_WORDS
        .iter()
        .find(|(_, x)| *x == b)
        .map_or("fees", |(w, _)| w)
}

fn conflict(field: &str, message: impl Into<String>) -> Error {
    Error::field(ErrorCode::Conflict, field, message)
}

fn note(code: &'static str, message: impl Into<String>) -> WarningOut {
    WarningOut {
        code,
        message: message.into(),
    }
}

/// "document article" of a rule, as the notes cite it.
fn cite(r: &rules::Rule) -> String {
    match &r.source.article {
        Some(a) => format!("{} {a}", r.source.document),
        None => r.source.document.clone(),
    }
}

fn basis_notes(pack: &RulePack, inp: &OverdueInput) -> Result<Vec<WarningOut>> {
    let t = &inp.terms;
    let basis_days = t.day_basis.days();
    let mut out = vec![note(
        "simpleDailyAccrual",
        format!("penalty interest = overdue principal × daily penalty rate × days, simple (no interest on interest); daily rate = annual rate ÷ {basis_days}; each component is rounded half-up to cents"),
    )];
    if let Some(l) = &inp.loan {
        out.push(note(
            "missedFromLoan",
            format!(
                "derived from the loan: with {} instalments paid, every later instalment due before {} is missed, overdue from its due date to {} in calendar days (one due on that day is not overdue); penalty interest is computed on each missed instalment for its own days and rounded per instalment; the principal of the other instalments is not yet due",
                l.paid, l.as_of, l.as_of
            ),
        ));
        if l.paid > l.due_by_as_of {
            out.push(note(
                "paidBeyondDue",
                format!(
                    "only {} instalments were due by {}, but {} are given as paid; check the number paid (the figures take it as given)",
                    l.due_by_as_of, l.as_of, l.paid
                ),
            ));
        }
    }
    if !t.collection_fee.is_zero() {
        out.push(note(
            "collectionFeeIsAFee",
            "the collection fee is counted as a fee: it is in the charges and in the price of credit, and no penalty interest is charged on it",
        ));
    }
    let markup = pack.rule(ids::BANK_MARKUP)?;
    let (lo, hi) = (
        markup.markup_min_percent.unwrap_or_default(),
        markup.markup_max_percent.unwrap_or_default(),
    );
    if let Some(m) = inp.markup_percent {
        out.push(note(
            "penaltyMarkup",
            format!(
                "penalty rate = contract rate × (1 + {m} ÷ 100). Bank practice raises the contract rate {lo}–{hi} % ({}; {} source): {}",
                cite(markup),
                markup.confidence.as_str(),
                markup.en,
            ),
        ));
        if inp.lender == Lender::Bank && (m < lo || m > hi) {
            out.push(note(
                "markupOutsideBankPractice",
                format!("this markup is outside the {lo}–{hi} % bank practice; check the contract"),
            ));
        }
    }
    if t.compound {
        out.push(note(
            "compoundOnOverdueInterest",
            format!(
                "compound interest = overdue interest × daily penalty rate × days (charged once, not compounded again). {} ({} source): {}",
                cite(markup),
                markup.confidence.as_str(),
                markup.en,
            ),
        ));
    }
    if let Some(fee) = t.late_fee {
        if fee.per == LateFeePer::Month {
            out.push(note(
                "lateFeeEachStartedMonth",
                "a monthly late fee is charged for each started 30-day month overdue: days 1–30 one fee, 31–60 two, and so on",
            ));
        }
        if matches!(fee.amount, LateFeeAmount::PercentOfOverdue(_)) {
            out.push(note(
                "lateFeePercentBase",
                "a percent late fee is taken of the whole overdue amount (principal + interest + fees) and rounded to cents each time",
            ));
        }
    }
    if t.charge_on_fees && inp.lender == Lender::CreditCard {
        let r = pack.rule(ids::CARD_NO_INTEREST_ON_FEES)?;
        out.push(note(
            "cardNoInterestOnFees",
            format!(
                "{} ({}; {} source): the interest charged on fees is shown as excess",
                r.en,
                cite(r),
                r.confidence.as_str()
            ),
        ));
    }
    if let Some(d) = inp.upfront_deduction {
        let r = pack.rule(ids::ACTUAL_PRINCIPAL)?;
        out.push(note(
            "actualPrincipal",
            format!(
                "{d} was deducted up front: the caps use the amount actually lent as principal ({}, {} source)",
                cite(r),
                r.confidence.as_str()
            ),
        ));
    }
    if inp.jurisdiction == Jurisdiction::Uk {
        out.push(note(
            "ukJurisdiction",
            "jurisdiction uk: the UK HCSTC caps apply and the Chinese caps are shown with applies false",
        ));
    }
    if let Some((_, order)) = inp.payment {
        let r = pack.rule(ids::PAYMENT_ORDER)?;
        let fees = pack.rule(ids::PAYMENT_ORDER_FEES)?;
        if order == DEFAULT_ORDER {
            out.push(note(
                "paymentOrderCivilCode",
                format!(
                    "the payment is applied to interest, then principal ({}, {} source: {}); fees, late fees and liquidated damages are not in that order and are placed last here: give payment.order to follow the contract. {}",
                    cite(r),
                    r.confidence.as_str(),
                    r.en,
                    fees.en
                ),
            ));
        } else {
            out.push(note(
                "paymentOrderAgreed",
                format!(
                    "the payment is applied in the order given (the contract's or an agreement's). {} ({}, {} source)",
                    fees.en,
                    cite(fees),
                    fees.confidence.as_str()
                ),
            ));
        }
    }
    Ok(out)
}

/// The charges of `inp` and every cap of the pack evaluated against them:
/// what `overdueCost` reports and `repaymentPlans` builds its lawful position on.
pub fn assess(
    pack: &'static RulePack,
    inp: &OverdueInput,
) -> Result<(overdue::Charges, Vec<caps::CapResult>)> {
    let t = &inp.terms;
    let c = charges_with_parts(inp)?.0;
    let principal = t.overdue.principal;
    let base = sub(principal, inp.upfront_deduction.unwrap_or(Decimal::ZERO))?;
    let ctx = CapContext {
        jurisdiction: inp.jurisdiction,
        lender: inp.lender,
        contract_date: inp
            .contract_date
            .or(inp.loan.as_ref().map(|l| l.start_date)),
        period: inp.period,
        days: inp.days,
        filing_date: inp.filing_date,
        base,
        borrowed: principal,
        day_basis: t.day_basis,
        charges: ChargeParts {
            interest: c.interest_charges()?,
            interest_on_fees: c.interest_on_fees,
            late_fees: c.late_fees,
            total: c.total_charges,
        },
    };
    let pd = match &inp.loan {
        None => None,
        Some(l) => Some(principal_days(&l.case.missed)?),
    };
    let caps = caps::evaluate_caps_of_parts(pack, &ctx, pd)?;
    Ok((c, caps))
}

/// Σ principal × its own days of the missed instalments.
fn principal_days(missed: &[overdue::loan::Missed]) -> Result<Decimal> {
    missed.iter().try_fold(Decimal::ZERO, |acc, m| {
        add(acc, mul(m.amounts.principal, Decimal::from(m.days))?)
    })
}

/// The overdue parts of the case (one for the free-form input, one per
/// missed instalment from the loan), its charges on `inp.days` and each
/// part's own.
pub fn charges_with_parts(
    inp: &OverdueInput,
) -> Result<(
    overdue::Charges,
    Vec<overdue::PartCharges>,
    Vec<overdue::Part>,
)> {
    let parts = match &inp.loan {
        Some(l) => l.case.parts(),
        None => vec![overdue::Part {
            overdue: inp.terms.overdue,
            offset: 0,
        }],
    };
    let (c, each) = overdue::charges_of_parts(&inp.terms, &parts, inp.days)?;
    Ok((c, each, parts))
}

/// `overdueCost(input)`: the charges, the caps, the series and an optional
/// payment allocation; with `loan`, the case derived from it.
pub fn overdue_cost(input: &Value) -> Result<OverdueOut> {
    let inp = read_overdue_input(input)?;
    let pack = rules::pack()?;
    let t = &inp.terms;
    let (c, caps) = assess(pack, &inp)?;
    let principal = t.overdue.principal;
    let annual = t.penalty_rate.annual_percent(t.day_basis)?;
    let allocation = match inp.payment {
        None => None,
        Some((amount, order)) => {
            let owed = Buckets {
                fees: sum([t.overdue.fees, c.late_fees, c.collection_fee])?,
                interest: sum([t.overdue.interest, c.interest_charges()?])?,
                principal,
            };
            let a = allocate(amount, owed, order)?;
            Some(AllocationOut {
                order: order.iter().map(|b| bucket_word(*b)).collect(),
                owed: BucketsOut::from(&owed),
                applied: BucketsOut::from(&a.applied),
                remaining: BucketsOut::from(&a.remaining),
                remaining_total: fmt_money(sum([
                    a.remaining.fees,
                    a.remaining.interest,
                    a.remaining.principal,
                ])?),
                unapplied: fmt_money(a.unapplied),
            })
        }
    };
    let cp = case_position(pack, &inp, &c, &caps)?;
    let (annualized, series) = match &inp.loan {
        None => (
            overdue::annualized_percent(c.total_charges, principal, inp.days, t.day_basis)?,
            overdue::series(t, inp.days)?,
        ),
        Some(l) => {
            let pd = principal_days(&l.case.missed)?;
            let annualized = if pd.is_zero() {
                Decimal::ZERO
            } else {
                div(
                    mul(
                        mul(c.total_charges, t.day_basis.days())?,
                        Decimal::ONE_HUNDRED,
                    )?,
                    pd,
                )?
            };
            let parts = l.case.parts();
            (annualized, overdue::series_of_parts(t, &parts, inp.days)?)
        }
    };
    let case = match &inp.loan {
        None => None,
        Some(l) => Some(case_out(&inp, l, &c, &cp)?),
    };
    Ok(OverdueOut {
        days: inp.days,
        from: inp.period.map(|(f, _)| f.to_string()),
        to: inp.period.map(|(_, t)| t.to_string()),
        penalty_rate: PenaltyRateOut {
            annual_percent: fmt_percent(annual),
            daily_percent: fmt_percent(div(annual, t.day_basis.days())?),
        },
        penalty_interest: fmt_money(c.penalty_interest),
        compound_interest: fmt_money(c.compound_interest),
        interest_on_fees: fmt_money(c.interest_on_fees),
        late_fee_count: c.late_fee_count,
        late_fees: fmt_money(c.late_fees),
        total_charges: fmt_money(c.total_charges),
        overdue_total: fmt_money(t.overdue.total()?),
        total_owed: fmt_money(c.total_owed),
        annualized_percent: fmt_percent(annualized),
        caps: caps.iter().map(CapOut::from).collect(),
        series: series
            .into_iter()
            .map(|p| SeriesOut {
                day: p.day,
                total_owed: fmt_money(p.total_owed),
            })
            .collect(),
        series_step: if overdue::series_is_daily(inp.days) {
            "day"
        } else {
            "month"
        },
        allocation,
        basis: basis_notes(pack, &inp)?,
        rules_version: pack.version.clone(),
        view: cp.view.as_str(),
        collection_fee: (inp.loan.is_some() || !t.collection_fee.is_zero())
            .then(|| fmt_money(t.collection_fee)),
        case,
    })
}

/// The parts of a balance as returned.
pub(super) fn case_parts_out(b: &crate::plan::Balance) -> Result<PartsOut> {
    Ok(PartsOut {
        principal: fmt_money(b.principal),
        interest: fmt_money(b.interest),
        penalties: fmt_money(b.penalties),
        fees: fmt_money(b.fees),
        total: fmt_money(b.total()?),
    })
}

/// What was removed, as returned.
pub(super) fn removed_out(r: &crate::plan::lawful::Removed) -> RemovedOut {
    RemovedOut {
        rule: r.rule.id.clone(),
        amount: fmt_money(r.amount),
        source: r.rule.source.clone(),
    }
}

fn line_out(inp: &OverdueInput, v: &LineView) -> LineOut {
    let c = &v.ceiling;
    LineOut {
        rule: v.rule.id.clone(),
        source: v.rule.source.clone(),
        confidence: v.rule.confidence.as_str(),
        percent: fmt_percent(v.rates.last().map_or(Decimal::ZERO, |r| r.percent)),
        rates: v
            .rates
            .iter()
            .map(|r| LineRateOut {
                from: r.from.to_string(),
                percent: fmt_percent(r.percent),
            })
            .collect(),
        lpr: v.lpr.as_ref().map(LprOut::from),
        base: fmt_money(v.received),
        principal: fmt_money(v.principal),
        from: v.from.to_string(),
        to: v.to.to_string(),
        day_basis: match inp.terms.day_basis {
            crate::money::DayBasis::D360 => 360,
            crate::money::DayBasis::D365 => 365,
        },
        method: "recomputedAtLine",
        payments: c
            .steps
            .iter()
            .map(|s| LinePaymentOut {
                date: s.date.to_string(),
                days: s.days,
                interest: fmt_money(s.interest),
                payment: fmt_money(s.payment),
                balance: fmt_money(s.balance),
                unpaid_interest: fmt_money(s.unpaid_interest),
            })
            .collect(),
        balance: fmt_money(c.balance),
        unpaid_interest: fmt_money(c.unpaid_interest),
        last_payment_date: c.last_date.to_string(),
        days_since: c.days_since,
        interest_since: fmt_money(c.interest_since),
        ceiling: fmt_money(c.ceiling),
        ceiling_from_principal: fmt_money(v.ceiling_from_principal),
        notes: v
            .notes
            .iter()
            .map(|n| note(n.code, n.message.clone()))
            .collect(),
    }
}

fn case_out(
    inp: &OverdueInput,
    l: &LoanInput,
    c: &overdue::Charges,
    cp: &CasePosition,
) -> Result<CaseOut> {
    let (_, each, _) = charges_with_parts(inp)?;
    let missed = l
        .case
        .missed
        .iter()
        .zip(each.iter())
        .map(|(m, pc)| MissedOut {
            period: m.period,
            due_date: m.due_date.to_string(),
            days: m.days,
            principal: fmt_money(m.amounts.principal),
            interest: fmt_money(m.amounts.interest),
            fees: fmt_money(m.amounts.fees),
            penalty: fmt_money(pc.penalty_interest),
            compound: fmt_money(pc.compound_interest),
            interest_on_fees: fmt_money(pc.interest_on_fees),
            accelerated: m.accelerated,
        })
        .collect();
    let line = cp.line.as_ref().map(|v| line_out(inp, v));
    let loan_cost = match (&cp.line, l.apr) {
        (Some(v), Some((nominal, effective))) => {
            let line_percent = v.rates.last().map_or(Decimal::ZERO, |r| r.percent);
            Some(LoanCostOut {
                nominal_percent: fmt_percent(nominal),
                effective_percent: fmt_percent(effective),
                line_percent: fmt_percent(line_percent),
                above_line: nominal.max(effective) > line_percent,
            })
        }
        _ => None,
    };
    Ok(CaseOut {
        as_of: l.as_of.to_string(),
        paid: l.paid,
        accelerated: l.accelerated.map(|d| d.to_string()),
        due_by_as_of: l.due_by_as_of,
        missed,
        not_yet_due: fmt_money(l.case.not_yet_due),
        remaining_principal: fmt_money(l.case.remaining_principal),
        settlement: fmt_money(add(l.case.not_yet_due, c.total_owed)?),
        claimed: case_parts_out(&cp.position.claimed)?,
        lawful: case_parts_out(&cp.position.lawful)?,
        removed: cp.position.removed.iter().map(removed_out).collect(),
        line,
        loan_cost,
    })
}
