//! `loanTerms`: reading its input and shaping its output.

use super::{MoneyText, PercentText, WarningOut};
use crate::error::{Error, ErrorCode, Result};
use crate::input::{join, Obj, OneOf, Value};
use crate::money::Per;
use crate::money::{fmt_money, fmt_percent, sub};
use crate::rate::PeriodicRates;
use crate::rules::Source;
use crate::schedule::{
    self, AfterPrepayment, ChangeOrigin, Fee, FeeAmount, FeeWhen, KeepOnChange, LoanTerms, LprLink,
    LprPlan, Method, Prepayment, RateChange, Repricing, Tenor, MAX_PERIODS,
};
use rust_decimal::Decimal;
use serde::Serialize;

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

/// One rate change as it took effect.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RateChangeOut {
    /// The first installment at the new rate.
    pub period: u32,
    /// Its due date, when `startDate` was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due_date: Option<String>,
    /// The new rate's percent, four decimals.
    pub rate_percent: PercentText,
    /// What the percent is per: `year`, `month` or `day`.
    pub per: &'static str,
    /// `term` or `payment`: what stayed the same.
    pub keep: &'static str,
    /// Installment `period` at the rate before the change (principal +
    /// interest + each-period fees, without a prepayment).
    pub payment_before: MoneyText,
    /// The same installment at the new rate.
    pub payment_after: MoneyText,
    /// `input` (the input's `rateChanges`) or `lpr` (an LPR repricing).
    pub source: &'static str,
    /// The position in the input's `rateChanges` (source `input`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index: Option<u32>,
    /// The repricing date (source `lpr`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repricing_date: Option<String>,
    /// The LPR row the new rate came from (source `lpr`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lpr: Option<LprRowOut>,
}

/// One LPR figure and the row of the rule pack it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LprRowOut {
    /// The row's publication date (in force from then until the next fixing).
    pub date: String,
    /// The tenor's LPR, percent, four decimals.
    pub percent: PercentText,
    /// The date it was used on is after `lprConfirmedThrough`: the last
    /// confirmed LPR is assumed unchanged.
    pub assumed: bool,
}

/// How an LPR-linked rate was priced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LprLinkedOut {
    /// `oneYear` or `fiveYear`.
    pub tenor: &'static str,
    /// `anniversary` or `january`.
    pub repricing: &'static str,
    /// When LPR pricing starts.
    pub from: String,
    /// The spread, basis points (as given, four decimals).
    pub spread_basis_points: PercentText,
    /// The LPR in force on `from`.
    pub initial_lpr: LprRowOut,
    /// LPR + spread on `from`, percent per year.
    pub initial_rate_percent: PercentText,
    /// The rate of the first installment: the input's `rate`, else `initialRatePercent`.
    pub rate_percent: PercentText,
    /// What `ratePercent` is per.
    pub per: &'static str,
    /// LPR fixings after this date are not confirmed in the rule pack.
    pub confirmed_through: String,
    /// Where the LPR table comes from.
    pub source: Source,
    /// How sure the pack is of the table.
    pub confidence: &'static str,
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

/// What the output says about rate changes, beside the terms.
pub struct RateInput {
    /// The input has `rateChanges` or `lprLinked`.
    given: bool,
    /// The LPR link and what it gave.
    lpr: Option<(LprLink, LprPlan)>,
}

/// `rateChanges`: `{ period | date, rate, keep? }` in any order, sorted by
/// period; at most one per installment.
fn read_rate_changes(
    o: &Obj<'_>,
    method: Method,
    periods: u32,
    start_date: Option<crate::calendar::Date>,
    day_basis: crate::money::DayBasis,
) -> Result<Vec<RateChange>> {
    let items = o.list("rateChanges", MAX_RATE_CHANGES)?;
    let mut changes: Vec<RateChange> = Vec::with_capacity(items.len());
    for (i, v) in items.iter().enumerate() {
        let path = crate::input::item("rateChanges", i);
        if method == Method::Flat {
            return Err(Error::field(
                ErrorCode::Conflict,
                &path,
                "a flat-rate plan's charge is fixed at signing; rate changes are modelled for the other methods",
            ));
        }
        let c = Obj::new(v, &path)?;
        let (period, key) = match c.one_of(
            "period",
            "date",
            "a period and a date",
            "a period or a date",
        )? {
            OneOf::First => (c.int_in("period", 1, periods)?, "period"),
            OneOf::Second => {
                let date = c.date("date")?;
                let p = c.path_of("date");
                let Some(start) = start_date else {
                    return Err(Error::field(
                        ErrorCode::Conflict,
                        &p,
                        "a rate change by date needs startDate (or give a period instead)",
                    ));
                };
                let k = schedule::due_period(start, periods, date).ok_or_else(|| {
                    Error::field(
                        ErrorCode::OutOfRange,
                        &p,
                        "a rate change's date must be on or after startDate and not after the last due date",
                    )
                })?;
                (k, "date")
            }
        };
        let rate = c.rate("rate", day_basis)?;
        let keep = read_keep(&c, method)?;
        c.finish()?;
        if changes.iter().any(|q| q.period == period) {
            let p = join(&path, key);
            return Err(Error::field(
                ErrorCode::Conflict,
                &p,
                "this rate change falls in the same installment as another one",
            ));
        }
        changes.push(RateChange {
            period,
            rate,
            keep,
            origin: ChangeOrigin::Input(u32::try_from(i).map_err(|_| Error::overflow(None))?),
        });
    }
    crate::sort::stable_sort_by_key(&mut changes, |c| c.period);
    Ok(changes)
}

/// `keep`: `term` (default) or `payment` (annuity only).
fn read_keep(o: &Obj<'_>, method: Method) -> Result<KeepOnChange> {
    let keep = o.word(
        "keep",
        &[
            ("term", KeepOnChange::Term),
            ("payment", KeepOnChange::Payment),
        ],
        Some(KeepOnChange::Term),
    )?;
    if keep == KeepOnChange::Payment && method != Method::Annuity {
        let p = o.path_of("keep");
        return Err(Error::field(
            ErrorCode::Conflict,
            &p,
            "keeping the payment applies to the annuity method only",
        ));
    }
    Ok(keep)
}

/// `lprLinked`: `{ spreadBasisPoints, repricing, from?, tenor?, keep? }`.
fn read_lpr_link(
    l: Obj<'_>,
    method: Method,
    periods: u32,
    start_date: Option<crate::calendar::Date>,
    rate: Option<crate::money::Rate>,
    day_basis: crate::money::DayBasis,
) -> Result<(LprLink, LprPlan)> {
    if method == Method::Flat {
        return Err(Error::field(
            ErrorCode::Conflict,
            "lprLinked",
            "a flat-rate plan's charge is fixed at signing; an LPR link is modelled for the other methods",
        ));
    }
    let spread_bp = l.decimal_in(
        "spreadBasisPoints",
        Decimal::from(-10_000),
        Decimal::from(10_000),
    )?;
    let repricing = l.word(
        "repricing",
        &[
            ("anniversary", Repricing::Anniversary),
            ("january", Repricing::January),
        ],
        None,
    )?;
    let from = l.opt_date("from")?;
    let tenor = l.word(
        "tenor",
        &[
            ("oneYear", Some(Tenor::OneYear)),
            ("fiveYear", Some(Tenor::FiveYear)),
        ],
        Some(None),
    )?;
    let keep = read_keep(&l, method)?;
    l.finish()?;
    let Some(start) = start_date else {
        return Err(Error::field(
            ErrorCode::MissingField,
            "startDate",
            "lprLinked needs startDate: repricing follows the calendar",
        ));
    };
    let link = LprLink {
        spread_bp,
        repricing,
        from,
        tenor,
        keep,
    };
    let plan = schedule::lpr_changes(
        crate::rules::pack()?,
        &link,
        start,
        periods,
        rate,
        day_basis,
    )?;
    Ok((link, plan))
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

/// The output's rate-change fields.
#[derive(Default)]
struct ChangesOut {
    rate_changes: Option<Vec<RateChangeOut>>,
    interest_without_changes: Option<MoneyText>,
    interest_difference: Option<MoneyText>,
    lpr_linked: Option<LprLinkedOut>,
}

fn per_word(per: Per) -> &'static str {
    match per {
        Per::Day => "day",
        Per::Month => "month",
        Per::Year => "year",
    }
}

/// The rate changes as returned, and the `lprAssumed` warning on `s`.
fn rate_changes_out(
    terms: &LoanTerms,
    rates: &RateInput,
    s: &mut schedule::Schedule,
) -> Result<ChangesOut> {
    if !rates.given {
        return Ok(ChangesOut::default());
    }
    let plan = rates.lpr.as_ref().map(|(_, plan)| plan);
    let list = s
        .rate_changes
        .iter()
        .map(|a| {
            let c = a.change;
            let due_date = c
                .period
                .checked_sub(1)
                .and_then(|i| s.rows.get(i as usize))
                .and_then(|r| r.due_date)
                .map(|d| d.to_string());
            let (source, index, repricing_date, lpr) = match c.origin {
                ChangeOrigin::Input(i) => ("input", Some(i), None, None),
                ChangeOrigin::Lpr(i) => {
                    let l = plan.and_then(|p| p.changes.get(i as usize));
                    (
                        "lpr",
                        None,
                        l.map(|l| l.repricing_date.to_string()),
                        l.map(|l| LprRowOut {
                            date: l.row.from.to_string(),
                            percent: fmt_percent(l.lpr_percent),
                            assumed: l.assumed,
                        }),
                    )
                }
            };
            RateChangeOut {
                period: c.period,
                due_date,
                rate_percent: fmt_percent(c.rate.percent),
                per: per_word(c.rate.per),
                keep: match c.keep {
                    KeepOnChange::Term => "term",
                    KeepOnChange::Payment => "payment",
                },
                payment_before: fmt_money(a.payment_before),
                payment_after: fmt_money(a.payment_after),
                source,
                index,
                repricing_date,
                lpr,
            }
        })
        .collect();
    let without = s.interest_without_changes.unwrap_or(s.totals.interest);
    let mut out = ChangesOut {
        rate_changes: Some(list),
        interest_without_changes: Some(fmt_money(without)),
        interest_difference: Some(fmt_money(sub(s.totals.interest, without)?)),
        lpr_linked: None,
    };
    if let Some((link, plan)) = &rates.lpr {
        let pack = crate::rules::pack()?;
        if plan.initial_assumed || plan.assumed_repricings > 0 {
            s.warnings.push(schedule::Warning {
                code: "lprAssumed",
                message: "LPR fixings after lprLinked.confirmedThrough are not confirmed here; the last confirmed LPR is assumed unchanged for later dates".into(),
            });
        }
        out.lpr_linked = Some(LprLinkedOut {
            tenor: plan.tenor.as_str(),
            repricing: link.repricing.as_str(),
            from: plan.from.to_string(),
            spread_basis_points: fmt_percent(link.spread_bp),
            initial_lpr: LprRowOut {
                date: plan.initial_row.from.to_string(),
                percent: fmt_percent(plan.initial_lpr),
                assumed: plan.initial_assumed,
            },
            initial_rate_percent: fmt_percent(plan.initial_rate.percent),
            rate_percent: fmt_percent(terms.rate.percent),
            per: per_word(terms.rate.per),
            confirmed_through: pack.lpr_confirmed_through.to_string(),
            source: pack.lpr_source.clone(),
            confidence: pack.lpr_confidence.as_str(),
        });
    }
    Ok(out)
}
