//! `loanTerms`' rates that change: reading `rateChanges` and `lprLinked`, and
//! shaping the rate-change fields of the output. The schedule arithmetic is
//! [`crate::schedule`]'s.

use super::super::{MoneyText, PercentText};
use super::MAX_RATE_CHANGES;
use crate::error::{Error, ErrorCode, Result};
use crate::input::{join, Obj, OneOf};
use crate::money::Per;
use crate::money::{fmt_money, fmt_percent, sub};
use crate::rules::Source;
use crate::schedule::{
    self, ChangeOrigin, KeepOnChange, LoanTerms, LprLink, LprPlan, Method, RateChange, Repricing,
    Tenor,
};
use rust_decimal::Decimal;
use serde::Serialize;

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

/// What the output says about rate changes, beside the terms.
pub struct RateInput {
    /// The input has `rateChanges` or `lprLinked`.
    pub(super) given: bool,
    /// The LPR link and what it gave.
    pub(super) lpr: Option<(LprLink, LprPlan)>,
}

/// `rateChanges`: `{ period | date, rate, keep? }` in any order, sorted by
/// period; at most one per installment.
pub(super) fn read_rate_changes(
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
pub(super) fn read_lpr_link(
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
        crate::rules::lpr_pack()?,
        &link,
        start,
        periods,
        rate,
        day_basis,
    )?;
    Ok((link, plan))
}

/// The output's rate-change fields.
#[derive(Default)]
pub(super) struct ChangesOut {
    pub(super) rate_changes: Option<Vec<RateChangeOut>>,
    pub(super) interest_without_changes: Option<MoneyText>,
    pub(super) interest_difference: Option<MoneyText>,
    pub(super) lpr_linked: Option<LprLinkedOut>,
}

fn per_word(per: Per) -> &'static str {
    match per {
        Per::Day => "day",
        Per::Month => "month",
        Per::Year => "year",
    }
}

/// The rate changes as returned, and the `lprAssumed` warning on `s`.
pub(super) fn rate_changes_out(
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
        let pack = crate::rules::lpr_pack()?;
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
