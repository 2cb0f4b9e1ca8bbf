//! `loanTerms`: reading its input and shaping its output.

use super::{MoneyText, PercentText, WarningOut};
use crate::error::{Error, ErrorCode, Result};
use crate::input::{Obj, OneOf, Value};
use crate::money::{fmt_money, fmt_percent, sub};
use crate::rate::PeriodicRates;
use crate::schedule::{
    self, AfterPrepayment, Fee, FeeAmount, FeeWhen, LoanTerms, Method, Prepayment, MAX_PERIODS,
};
use rust_decimal::Decimal;
use serde::Serialize;

mod changes;
use changes::{
    rate_changes_out, read_lpr_link, read_rate_changes, LprLinkedOut, RateChangeOut, RateInput,
};

/// The most fees a loan may list.
pub const MAX_FEES: usize = 20;
/// The most rate changes a loan may list.
pub const MAX_RATE_CHANGES: usize = 600;

/// One schedule row as returned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RowOut {
    /// 1-based installment number.
    pub period: u32,
    /// `YYYY-MM-DD`, when `startDate` was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due_date: Option<String>,
    /// Principal + interest + fees.
    pub payment: MoneyText,
    /// Principal repaid.
    pub principal: MoneyText,
    /// Interest.
    pub interest: MoneyText,
    /// Fees.
    pub fees: MoneyText,
    /// Principal owed afterwards.
    pub balance: MoneyText,
}

/// Sums over the schedule (`fees` includes the upfront fees).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TotalsOut {
    /// Σ payment of the rows.
    pub payment: MoneyText,
    /// Σ principal.
    pub principal: MoneyText,
    /// Σ interest.
    pub interest: MoneyText,
    /// Every fee, upfront ones included.
    pub fees: MoneyText,
}

/// The three forms of a periodic rate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AprOut {
    /// Monthly IRR.
    pub periodic_percent: PercentText,
    /// Monthly IRR × 12 (名义年化).
    pub nominal_percent: PercentText,
    /// (1 + monthly IRR)^12 − 1 (实际年化).
    pub effective_percent: PercentText,
}

impl From<&PeriodicRates> for AprOut {
    fn from(r: &PeriodicRates) -> Self {
        AprOut {
            periodic_percent: fmt_percent(r.periodic_percent),
            nominal_percent: fmt_percent(r.nominal_percent),
            effective_percent: fmt_percent(r.effective_percent),
        }
    }
}

/// The output of `loanTerms`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LoanTermsOut {
    /// One row per installment.
    pub schedule: Vec<RowOut>,
    /// Sums.
    pub totals: TotalsOut,
    /// The true annual cost; `null` only with an `aprUnavailable` warning.
    pub apr: Option<AprOut>,
    /// What the borrower actually received.
    pub received: MoneyText,
    /// The sum of the fees charged up front.
    pub upfront_fees: MoneyText,
    /// Principal − received when positive (砍头息 and upfront fees), else 0.00.
    pub upfront_deduction: MoneyText,
    /// Everything repaid minus what was received: the whole price of the loan.
    pub cost_of_credit: MoneyText,
    /// The first installment.
    pub first_payment: MoneyText,
    /// The last installment.
    pub last_payment: MoneyText,
    /// Things the borrower should know.
    pub warnings: Vec<WarningOut>,
    /// The rate changes that took effect, when the input has `rateChanges`
    /// or `lprLinked`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rate_changes: Option<Vec<RateChangeOut>>,
    /// Σ interest of the same loan at its first rate throughout (same
    /// prepayments), with `rateChanges`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interest_without_changes: Option<MoneyText>,
    /// `totals.interest` − `interestWithoutChanges` (negative: the changes save interest).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interest_difference: Option<MoneyText>,
    /// How an LPR-linked rate was priced, with `lprLinked`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lpr_linked: Option<LprLinkedOut>,
}

/// Reads the `loanTerms` input into [`LoanTerms`], and what the output needs
/// to say about rate changes.
fn read_terms(input: &Value) -> Result<(LoanTerms, RateInput)> {
    let o = Obj::new(input, "")?;
    let day_basis = o.day_basis()?;
    let principal = o.positive_money("principal")?;
    let received = o.opt_money("received")?;
    if received.is_some_and(|r| r.is_zero()) {
        return Err(crate::input::not_positive("received"));
    }
    let lpr_obj = o.opt_obj("lprLinked")?;
    // An LPR-linked loan may leave its first rate to the table.
    let rate = if lpr_obj.is_some() && !o.has("rate") {
        None
    } else {
        Some(o.rate("rate", day_basis)?)
    };
    let periods = o.int_in("periods", 1, MAX_PERIODS)?;
    let method = o.word(
        "method",
        &[
            ("annuity", Method::Annuity),
            ("equalPrincipal", Method::EqualPrincipal),
            ("interestOnly", Method::InterestOnly),
            ("bullet", Method::Bullet),
            ("flat", Method::Flat),
        ],
        None,
    )?;
    let fees = o
        .list("fees", MAX_FEES)?
        .iter()
        .enumerate()
        .map(|(i, v)| read_fee(v, &crate::input::item("fees", i)))
        .collect::<Result<Vec<_>>>()?;
    let start_date = o.opt_date("startDate")?;
    let mut prepayments = Vec::new();
    for (i, v) in o
        .list("prepayments", MAX_PERIODS as usize)?
        .iter()
        .enumerate()
    {
        let path = crate::input::item("prepayments", i);
        if matches!(method, Method::Bullet | Method::Flat) {
            return Err(Error::field(ErrorCode::Conflict, &path, "prepayments are modelled for the annuity, equal-principal and interest-only methods only"));
        }
        let p = Obj::new(v, &path)?;
        let pre = Prepayment {
            period: p.int_in("period", 1, periods)?,
            amount: p.positive_money("amount")?,
            then: p.word(
                "then",
                &[
                    ("shortenTerm", AfterPrepayment::ShortenTerm),
                    ("lowerPayment", AfterPrepayment::LowerPayment),
                ],
                Some(AfterPrepayment::ShortenTerm),
            )?,
        };
        p.finish()?;
        if prepayments
            .iter()
            .any(|q: &Prepayment| q.period == pre.period)
        {
            return Err(Error::field(
                ErrorCode::Conflict,
                format!("{path}.period"),
                format!("{path}.period repeats an earlier prepayment's period"),
            ));
        }
        prepayments.push(pre);
    }
    crate::sort::stable_sort_by_key(&mut prepayments, |p| p.period);
    let mut rate_changes = read_rate_changes(&o, method, periods, start_date, day_basis)?;
    let given = o.has("rateChanges") || lpr_obj.is_some();
    let mut lpr = None;
    if let Some(l) = lpr_obj {
        let plan = read_lpr_link(l, method, periods, start_date, rate, day_basis)?;
        // The input's own changes take precedence: from the first of them on,
        // the LPR repricings are left out (the what-if rate holds).
        let first_input = rate_changes.first().map_or(u32::MAX, |c| c.period);
        rate_changes.extend(
            plan.1
                .changes
                .iter()
                .filter(|c| c.change.period < first_input)
                .map(|c| c.change),
        );
        crate::sort::stable_sort_by_key(&mut rate_changes, |c| c.period);
        lpr = Some(plan);
    }
    o.finish()?;
    let rate = match (rate, &lpr) {
        (Some(r), _) => r,
        (None, Some((_, plan))) => plan.initial_rate,
        // Read above: without lprLinked the rate is required.
        (None, None) => return Err(Error::overflow(Some("rate"))),
    };
    Ok((
        LoanTerms {
            principal,
            received,
            rate,
            day_basis,
            periods,
            method,
            fees,
            start_date,
            prepayments,
            rate_changes,
        },
        RateInput { given, lpr },
    ))
}

fn read_fee(v: &Value, path: &str) -> Result<Fee> {
    let f = Obj::new(v, path)?;
    let label = f.opt_str("label", 60)?.unwrap_or("").to_owned();
    let amount = match f.one_of(
        "amount",
        "percentOfPrincipal",
        "amount and percentOfPrincipal",
        "an amount or a percentOfPrincipal",
    )? {
        OneOf::First => FeeAmount::Fixed(f.money("amount")?),
        OneOf::Second => FeeAmount::PercentOfPrincipal(f.decimal_in(
            "percentOfPrincipal",
            Decimal::ZERO,
            Decimal::ONE_HUNDRED,
        )?),
    };
    let when = f.word(
        "when",
        &[
            ("upfront", FeeWhen::Upfront),
            ("eachPeriod", FeeWhen::EachPeriod),
            ("atEnd", FeeWhen::AtEnd),
        ],
        None,
    )?;
    f.finish()?;
    Ok(Fee {
        label,
        amount,
        when,
    })
}

/// `loanTerms(input)`: the schedule, totals, true annual cost and warnings.
pub fn loan_terms(input: &Value) -> Result<LoanTermsOut> {
    let (mut out, rows) = loan_terms_rows(input)?;
    out.schedule = rows
        .iter()
        .map(|r| RowOut {
            period: r.period,
            due_date: r.due_date.map(|d| d.to_string()),
            payment: fmt_money(r.payment),
            principal: fmt_money(r.principal),
            interest: fmt_money(r.interest),
            fees: fmt_money(r.fees),
            balance: fmt_money(r.balance),
        })
        .collect();
    Ok(out)
}

/// [`loan_terms`] with an empty `schedule`, and the schedule's rows as
/// computed, for writers that format the rows themselves (`json.rs`).
pub fn loan_terms_rows(input: &Value) -> Result<(LoanTermsOut, Vec<schedule::Row>)> {
    let (terms, rates) = read_terms(input)?;
    let mut s = schedule::build(&terms)?;
    let changes = rate_changes_out(&terms, &rates, &mut s)?;
    let money_or_zero = |r: Option<&schedule::Row>| {
        r.map_or_else(|| fmt_money(Decimal::ZERO), |r| fmt_money(r.payment))
    };
    let out = LoanTermsOut {
        schedule: Vec::new(),
        totals: TotalsOut {
            payment: fmt_money(s.totals.payment),
            principal: fmt_money(s.totals.principal),
            interest: fmt_money(s.totals.interest),
            fees: fmt_money(s.totals.fees),
        },
        apr: s.apr.as_ref().map(AprOut::from),
        received: fmt_money(s.received),
        upfront_fees: fmt_money(s.upfront_fees),
        upfront_deduction: fmt_money(sub(terms.principal, s.received)?.max(Decimal::ZERO)),
        cost_of_credit: fmt_money(sub(s.totals.payment, s.received)?),
        first_payment: money_or_zero(s.rows.first()),
        last_payment: money_or_zero(s.rows.last()),
        warnings: s
            .warnings
            .into_iter()
            .map(|w| WarningOut {
                code: w.code,
                message: w.message,
            })
            .collect(),
        rate_changes: changes.rate_changes,
        interest_without_changes: changes.interest_without_changes,
        interest_difference: changes.interest_difference,
        lpr_linked: changes.lpr_linked,
    };
    Ok((out, s.rows))
}
