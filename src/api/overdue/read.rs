//! Reading the `overdueCost` input, one reader per part: what is overdue
//! (the free-form amounts and period, or the loan), the penalty, the fees,
//! the lender and dates, and a payment.

use super::{conflict, OverdueInput, BUCKET_WORDS, MAX_MARKUP_PERCENT};
use crate::api::terms::loan_terms_rows;
use crate::calendar::Date;
use crate::error::{Error, ErrorCode, Result};
use crate::input::{Obj, OneOf, Value};
use crate::money::{sub, sum, DayBasis, Rate, MAX_ANNUAL_PERCENT};
use crate::overdue::loan::{self, Instalment, LoanCase};
use crate::overdue::{
    self, Bucket, LateFee, LateFeeAmount, LateFeePer, Overdue, OverdueTerms, DEFAULT_ORDER,
    MAX_DAYS,
};
use crate::rules::{Jurisdiction, Lender, LENDER_WORDS};
use crate::schedule::MAX_PERIODS;
use rust_decimal::Decimal;

/// The loan a case is derived from, and the case on `asOf`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoanInput {
    /// The contract principal.
    pub principal: Decimal,
    /// What the borrower actually received.
    pub received: Decimal,
    /// The loan date.
    pub start_date: Date,
    /// Instalments paid in full, in order, each on its due date.
    pub paid: u32,
    /// The day of the figures.
    pub as_of: Date,
    /// The day the whole loan was declared due, if it was.
    pub accelerated: Option<Date>,
    /// The instalments due by `asOf`: those with a due date on or before it,
    /// or all of them when the loan was declared due.
    pub due_by_as_of: u32,
    /// The schedule's instalments.
    pub instalments: Vec<Instalment>,
    /// The case on `asOf`.
    pub case: LoanCase,
    /// The loan's true cost, nominal and effective percent a year, as
    /// `loanTerms` states them (`None` when it cannot be stated).
    pub apr: Option<(Decimal, Decimal)>,
}

/// The free-form input's fields a loan replaces.
const FREE_FORM: [&str; 4] = ["overdue", "days", "from", "to"];
/// The loan input's fields.
const FROM_LOAN: [&str; 4] = ["paid", "asOf", "accelerated", "loan"];

/// An error inside `loan` named by its full path.
fn under_loan(mut e: Error) -> Error {
    e.field = Some(match e.field.take() {
        Some(f) if !f.is_empty() => crate::input::join("loan", &f),
        _ => "loan".to_owned(),
    });
    e
}

fn figure(f: &crate::money::Figure) -> Result<Decimal> {
    f.as_str()
        .parse::<Decimal>()
        .map_err(|_| Error::overflow(None))
}

/// The loan part: `loan`, `paid`, `asOf`, `accelerated` (with `loan` only).
pub fn read_loan(o: &Obj<'_>) -> Result<Option<LoanInput>> {
    let Some(loan_value) = o.get("loan") else {
        if let Some(k) = FROM_LOAN.iter().find(|k| o.has(k)) {
            return Err(Error::field(
                ErrorCode::MissingField,
                "loan",
                format!("loan is required with {k}"),
            ));
        }
        return Ok(None);
    };
    if let Some(k) = FREE_FORM.iter().find(|k| o.has(k)) {
        return Err(conflict(
            k,
            format!("give loan, paid and asOf, or the overdue amounts with days or from and to; {k} does not go with loan"),
        ));
    }
    if o.has("upfrontDeduction") {
        return Err(conflict(
            "upfrontDeduction",
            "with loan, the money deducted at payout is the loan's principal less received",
        ));
    }
    let (out, rows) = loan_terms_rows(loan_value).map_err(under_loan)?;
    let lo = Obj::new(loan_value, "loan")?;
    let start_date = lo.opt_date("startDate")?.ok_or_else(|| {
        Error::field(
            ErrorCode::MissingField,
            "loan.startDate",
            "loan.startDate is required to date the instalments",
        )
    })?;
    let principal = sum(rows.iter().map(|r| r.principal))?;
    // The exact amount received: as given, or the principal less the
    // upfront fees (each rounded to cents by the schedule).
    let received = match lo.opt_money("received")? {
        Some(r) => r,
        None => sub(principal, figure(&out.upfront_fees)?)?,
    };
    let instalments = rows
        .iter()
        .map(|r| {
            Ok(Instalment {
                period: r.period,
                due_date: r.due_date.ok_or_else(|| Error::overflow(Some("loan")))?,
                principal: r.principal,
                interest: r.interest,
                fees: r.fees,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let count = u32::try_from(instalments.len()).unwrap_or(MAX_PERIODS);
    let paid = o.int_in("paid", 0, MAX_PERIODS)?;
    if paid > count {
        return Err(Error::field(
            ErrorCode::OutOfRange,
            "paid",
            format!("paid ({paid}) is more than the loan's {count} instalments"),
        ));
    }
    let as_of = o.date("asOf")?;
    if as_of < start_date {
        return Err(conflict("asOf", "asOf is before loan.startDate"));
    }
    let accelerated = o.opt_date("accelerated")?;
    if let Some(a) = accelerated {
        if a < start_date {
            return Err(conflict(
                "accelerated",
                "accelerated is before loan.startDate",
            ));
        }
        if a > as_of {
            return Err(conflict("accelerated", "accelerated is after asOf"));
        }
    }
    let due_by_as_of = if accelerated.is_some() {
        count
    } else {
        u32::try_from(instalments.iter().filter(|i| i.due_date <= as_of).count()).unwrap_or(count)
    };
    let case = loan::derive(&instalments, paid, as_of, accelerated)?;
    if case.days() > MAX_DAYS {
        return Err(Error::field(
            ErrorCode::OutOfRange,
            "asOf",
            format!("the first missed instalment is more than {MAX_DAYS} days before asOf"),
        ));
    }
    let apr = match &out.apr {
        None => None,
        Some(a) => Some((figure(&a.nominal_percent)?, figure(&a.effective_percent)?)),
    };
    Ok(Some(LoanInput {
        principal,
        received,
        start_date,
        paid,
        as_of,
        accelerated,
        due_by_as_of,
        instalments,
        case,
        apr,
    }))
}

/// The free-form amounts: `overdue`.
pub fn read_amounts(o: &Obj<'_>) -> Result<Overdue> {
    let ov = o.req_obj("overdue")?;
    let overdue = Overdue {
        principal: ov.positive_money("principal")?,
        interest: ov.opt_money("interest")?.unwrap_or(Decimal::ZERO),
        fees: ov.opt_money("fees")?.unwrap_or(Decimal::ZERO),
    };
    ov.finish()?;
    Ok(overdue)
}

/// The free-form period: `from` and `to`, or `days` with an optional `from`.
pub fn read_period(o: &Obj<'_>) -> Result<(u32, Option<(Date, Date)>)> {
    let from = o.opt_date("from")?;
    let to = o.opt_date("to")?;
    match (from, to, o.has("days")) {
        (Some(f), Some(t), false) => {
            let n = f.days_until(t);
            if n < 1 {
                return Err(conflict("to", "to must be after from"));
            }
            if n > i64::from(MAX_DAYS) {
                return Err(Error::field(
                    ErrorCode::OutOfRange,
                    "to",
                    format!("the period from from to to is longer than {MAX_DAYS} days"),
                ));
            }
            Ok((u32::try_from(n).unwrap_or(MAX_DAYS), Some((f, t))))
        }
        (Some(_), Some(_), true) => Err(conflict("days", "give from and to, or days, not both")),
        (f, None, true) => {
            let n = o.int_in("days", 1, MAX_DAYS)?;
            let period = match f {
                None => None,
                Some(f) => Some((
                    f,
                    f.add_days(i64::from(n)).ok_or_else(|| {
                        Error::field(
                            ErrorCode::OutOfRange,
                            "days",
                            "from plus days goes beyond the last supported date",
                        )
                    })?,
                )),
            };
            Ok((n, period))
        }
        (None, Some(_), true) => Err(conflict("days", "give from with days, or from and to")),
        (Some(_), None, false) => Err(Error::field(
            ErrorCode::MissingField,
            "to",
            "to is required with from (or give days)",
        )),
        (None, Some(_), false) => Err(Error::field(
            ErrorCode::MissingField,
            "from",
            "from is required with to",
        )),
        (None, None, false) => Err(Error::field(
            ErrorCode::MissingField,
            "days",
            "give days, or from and to",
        )),
    }
}

/// The penalty: `penalty` (a rate, or a contract rate and a markup) and
/// `compound`. Returns the rate, the markup when given, and `compound`.
pub fn read_penalty(o: &Obj<'_>, day_basis: DayBasis) -> Result<(Rate, Option<Decimal>, bool)> {
    let p = o.req_obj("penalty")?;
    let (rate, markup) = match p.one_of(
        "rate",
        "contractRate",
        "rate and contractRate",
        "a rate, or a contractRate and a markupPercent",
    )? {
        OneOf::First => {
            if p.has("markupPercent") {
                return Err(conflict(
                    "penalty.markupPercent",
                    "markupPercent goes with contractRate, not with rate",
                ));
            }
            (p.rate("rate", day_basis)?, None)
        }
        OneOf::Second => {
            let contract = p.rate("contractRate", day_basis)?;
            let markup = p.decimal_in(
                "markupPercent",
                Decimal::ZERO,
                Decimal::from(MAX_MARKUP_PERCENT),
            )?;
            let rate = overdue::penalty_rate_with_markup(contract, markup)?;
            if rate.annual_percent(day_basis)? > MAX_ANNUAL_PERCENT {
                return Err(Error::field(
                    ErrorCode::TooLarge,
                    "penalty.markupPercent",
                    format!("the raised rate is above {MAX_ANNUAL_PERCENT} % a year, the highest rate this calculator accepts"),
                ));
            }
            (rate, Some(markup))
        }
    };
    p.finish()?;
    Ok((rate, markup, o.bool_or("compound", false)?))
}

/// The fees: `chargeOnFees`, `lateFee` and `collectionFee`. A late fee on
/// the remaining principal needs the loan (`from_loan`).
pub fn read_fees(o: &Obj<'_>, from_loan: bool) -> Result<(bool, Option<LateFee>, Decimal)> {
    let charge_on_fees = o.bool_or("chargeOnFees", false)?;
    let late_fee = match o.opt_obj("lateFee")? {
        None => None,
        Some(f) => {
            let keys = ["amount", "percentOfOverdue", "percentOfRemainingPrincipal"];
            let given: Vec<&str> = keys.iter().copied().filter(|k| f.has(k)).collect();
            let amount = match given.as_slice() {
                ["amount"] => LateFeeAmount::Fixed(f.money("amount")?),
                ["percentOfOverdue"] => LateFeeAmount::PercentOfOverdue(f.decimal_in(
                    "percentOfOverdue",
                    Decimal::ZERO,
                    Decimal::ONE_HUNDRED,
                )?),
                ["percentOfRemainingPrincipal"] => {
                    if !from_loan {
                        return Err(conflict(
                            "lateFee.percentOfRemainingPrincipal",
                            "percentOfRemainingPrincipal needs loan (the principal unpaid comes from it); without it, give amount or percentOfOverdue",
                        ));
                    }
                    LateFeeAmount::PercentOfRemainingPrincipal(f.decimal_in(
                        "percentOfRemainingPrincipal",
                        Decimal::ZERO,
                        Decimal::ONE_HUNDRED,
                    )?)
                }
                [] => return Err(Error::field(
                    ErrorCode::MissingField,
                    "lateFee.amount",
                    "lateFee needs an amount, a percentOfOverdue or a percentOfRemainingPrincipal",
                )),
                _ => {
                    return Err(conflict(
                        "lateFee",
                        format!("lateFee gives both {}; give one", given.join(" and ")),
                    ))
                }
            };
            let per = f.word(
                "per",
                &[("once", LateFeePer::Once), ("month", LateFeePer::Month)],
                None,
            )?;
            f.finish()?;
            Some(LateFee { amount, per })
        }
    };
    let collection_fee = o.opt_money("collectionFee")?.unwrap_or(Decimal::ZERO);
    Ok((charge_on_fees, late_fee, collection_fee))
}

/// Who lent and when: `lender`, `jurisdiction`, `contractDate`,
/// `filingDate`; `not_after` is the day the contract date may not follow
/// (the first overdue day, or the loan's start date).
pub fn read_lender(
    o: &Obj<'_>,
    not_after: Option<(Date, &str)>,
) -> Result<(Lender, Jurisdiction, Option<Date>, Option<Date>)> {
    let lender = o.word("lender", &LENDER_WORDS, None)?;
    let jurisdiction = o.word(
        "jurisdiction",
        &[("cn", Jurisdiction::Cn), ("uk", Jurisdiction::Uk)],
        Some(Jurisdiction::Cn),
    )?;
    let contract_date = o.opt_date("contractDate")?;
    if let (Some(c), Some((f, what))) = (contract_date, not_after) {
        if c > f {
            return Err(conflict(
                "contractDate",
                format!("contractDate is after {what}"),
            ));
        }
    }
    let filing_date = o.opt_date("filingDate")?;
    if let (Some(fd), Some(c)) = (filing_date, contract_date) {
        if fd < c {
            return Err(conflict("filingDate", "filingDate is before contractDate"));
        }
    }
    Ok((lender, jurisdiction, contract_date, filing_date))
}

/// A payment to apply: `payment { amount, order? }`.
pub fn read_payment(o: &Obj<'_>) -> Result<Option<(Decimal, [Bucket; 3])>> {
    let Some(pay) = o.opt_obj("payment")? else {
        return Ok(None);
    };
    let amount = pay.positive_money("amount")?;
    let items = pay.list("order", 3)?;
    let order = if items.is_empty() {
        DEFAULT_ORDER
    } else {
        if items.len() != 3 {
            return Err(conflict(
                "payment.order",
                "payment.order must name fees, interest and principal once each",
            ));
        }
        let mut order = DEFAULT_ORDER;
        for (i, v) in items.iter().enumerate() {
            let path = crate::input::item("payment.order", i);
            let Value::String(s) = v else {
                return Err(crate::input::wrong_type(&path, "a string", v));
            };
            let b = BUCKET_WORDS
                .iter()
                .find(|(w, _)| w == s)
                .map(|(_, b)| *b)
                .ok_or_else(|| {
                    Error::field(
                        ErrorCode::UnknownValue,
                        &path,
                        format!("{path} must be one of fees, interest, principal"),
                    )
                })?;
            if order[..i].contains(&b) {
                return Err(conflict(&path, format!("{path} repeats an earlier bucket")));
            }
            order[i] = b;
        }
        order
    };
    pay.finish()?;
    Ok(Some((amount, order)))
}

/// Reads and validates the `overdueCost` input: the case from the loan, or
/// the free-form amounts and period.
pub fn read_overdue_input(input: &Value) -> Result<OverdueInput> {
    let o = Obj::new(input, "")?;
    let day_basis = o.day_basis()?;
    let loan = read_loan(&o)?;
    let (overdue, days, period, remaining) = match &loan {
        Some(l) => {
            let c = &l.case;
            let period = c.first_due().map(|f| (f, l.as_of));
            (c.overdue()?, c.days(), period, c.remaining_principal)
        }
        None => {
            let overdue = read_amounts(&o)?;
            let (days, period) = read_period(&o)?;
            (overdue, days, period, overdue.principal)
        }
    };
    let (penalty_rate, markup_percent, compound) = read_penalty(&o, day_basis)?;
    let (charge_on_fees, late_fee, collection_fee) = read_fees(&o, loan.is_some())?;
    let not_after = match &loan {
        Some(l) => Some((l.start_date, "loan.startDate")),
        None => period.map(|(f, _)| (f, "the first overdue day")),
    };
    let (lender, jurisdiction, contract_date, filing_date) = read_lender(&o, not_after)?;
    let upfront_deduction = match loan {
        Some(_) => None,
        None => o.opt_money("upfrontDeduction")?,
    };
    if upfront_deduction.is_some_and(|d| d >= overdue.principal) {
        return Err(conflict(
            "upfrontDeduction",
            "upfrontDeduction must be less than overdue.principal",
        ));
    }
    let payment = read_payment(&o)?;
    o.finish()?;

    Ok(OverdueInput {
        terms: OverdueTerms {
            overdue,
            penalty_rate,
            compound,
            charge_on_fees,
            late_fee,
            day_basis,
            collection_fee,
            remaining_principal: remaining,
        },
        days,
        period,
        markup_percent,
        lender,
        jurisdiction,
        contract_date,
        filing_date,
        upfront_deduction,
        payment,
        loan,
    })
}
