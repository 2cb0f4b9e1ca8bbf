//! `cashflowRate`: reading its input and shaping its output. The solving is
//! [`crate::rate`]'s.

use super::PercentText;
use crate::error::{Error, ErrorCode, Result};
use crate::input::{signed_money_at, Obj, OneOf, Value};
use crate::money::fmt_percent;
use crate::rate::{self, Convention, Flow, When};
use crate::solve::MAX_WHOLE_PERIODS;
use rust_decimal::Decimal;
use serde::Serialize;

/// At most this many cash flows in `cashflowRate`.
pub const MAX_FLOWS: usize = 10_000;

/// The output of `cashflowRate`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CashflowRateOut {
    /// Rate per unit period (`periodic` and `usRegZ`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub periodic_percent: Option<PercentText>,
    /// Nominal annual rate (`periodic` and `usRegZ`: the Reg Z APR).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nominal_percent: Option<PercentText>,
    /// Effective annual rate.
    pub effective_percent: PercentText,
}

/// `cashflowRate(input)`: the rate of a stream of signed flows.
pub fn cashflow_rate(input: &Value) -> Result<CashflowRateOut> {
    let o = Obj::new(input, "")?;
    let items = o.list("flows", MAX_FLOWS)?;
    if items.len() < 2 {
        return Err(Error::field(
            ErrorCode::MissingField,
            "flows",
            "flows needs at least two flows, one received and one paid",
        ));
    }
    let mut flows = Vec::with_capacity(items.len());
    for (i, v) in items.iter().enumerate() {
        let path = crate::input::item("flows", i);
        let f = Obj::new(v, &path)?;
        let amount = signed_money_at(f.req("amount")?, &f.path_of("amount"))?;
        let when = match f.one_of(
            "date",
            "period",
            "a date and a period",
            "a date or a period",
        )? {
            OneOf::First => When::Date(f.date("date")?),
            OneOf::Second => When::Period(f.fraction_in(
                "period",
                Decimal::ZERO,
                Decimal::from(MAX_WHOLE_PERIODS),
            )?),
        };
        f.finish()?;
        if i > 0
            && matches!(when, When::Date(_))
                != matches!(flows.first().map(|f: &Flow| f.when), Some(When::Date(_)))
        {
            return Err(Error::field(
                ErrorCode::Conflict,
                &path,
                "give every flow a date, or every flow a period",
            ));
        }
        flows.push(Flow { amount, when });
    }
    let dated = matches!(flows[0].when, When::Date(_));
    let per_year = match o.get("periodsPerYear") {
        None => Decimal::from(12),
        // With dates the time axis is the calendar: a count of periods would be ignored.
        Some(_) if dated => {
            return Err(Error::field(
                ErrorCode::Conflict,
                "periodsPerYear",
                "periodsPerYear goes with flows by period; dated flows use the calendar",
            ))
        }
        Some(_) => o.fraction_in("periodsPerYear", Decimal::new(1, 2), Decimal::from(366))?,
    };
    if per_year.is_zero() {
        return Err(Error::field(
            ErrorCode::OutOfRange,
            "periodsPerYear",
            "periodsPerYear must be more than 0",
        ));
    }
    let default = if dated {
        Convention::Xirr
    } else {
        Convention::Periodic
    };
    let convention = o.word(
        "convention",
        &[
            ("periodic", Convention::Periodic),
            ("xirr", Convention::Xirr),
            ("eu", Convention::Eu),
            ("usRegZ", Convention::UsRegZ),
        ],
        Some(default),
    )?;
    if convention == Convention::Xirr && !dated {
        return Err(Error::field(
            ErrorCode::Conflict,
            "convention",
            "xirr needs a date on every flow",
        ));
    }
    o.finish()?;
    let r = rate::cashflow_rate(&flows, per_year, convention)?;
    Ok(CashflowRateOut {
        periodic_percent: r.periodic_percent.map(fmt_percent),
        nominal_percent: r.nominal_percent.map(fmt_percent),
        effective_percent: fmt_percent(r.effective_percent),
    })
}
