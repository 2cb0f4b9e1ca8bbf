//! The annual rate of any stream of money, under four conventions.
//!
//! | convention | time axis | result |
//! |---|---|---|
//! | `Periodic` | unit periods (`periodsPerYear` a year), compound | periodic, nominal = periodic × periods a year, effective |
//! | `Xirr` | actual days ÷ 365 from the first flow, compound (Excel `XIRR`) | effective annual |
//! | `Eu` | years: whole years by anniversary, then days ÷ 365 (366 in a leap year); or periods ÷ periods a year (Directive 2008/48/EC Annex I; UK CONC App 1.2) | effective annual |
//! | `UsRegZ` | unit periods; whole periods compound, a fraction earns simple interest (12 CFR 1026 Appendix J); with dates the unit period is the month and odd days count in 30ths | periodic, nominal (the APR), effective |

use crate::calendar::Date;
use crate::error::{Error, ErrorCode, Result};
use crate::money::{div, mul, pow, sub};
use crate::solve::{Discounting, Stream, TimedFlow, MAX_WHOLE_PERIODS};
use rust_decimal::prelude::*;

/// A periodic rate with its two annual forms, all as percents (unrounded).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeriodicRates {
    /// The rate per unit period.
    pub periodic_percent: Decimal,
    /// Periodic × periods a year (名义年化; the Reg Z APR).
    pub nominal_percent: Decimal,
    /// (1 + periodic)^(periods a year) − 1 (实际年化; EU/UK APRC).
    pub effective_percent: Decimal,
}

impl PeriodicRates {
    /// The three forms of a periodic rate `i` (a fraction).
    pub fn from_periodic(i: Decimal, per_year: Decimal) -> Result<PeriodicRates> {
        let effective = sub(pow(Decimal::ONE + i, per_year)?, Decimal::ONE)?;
        Ok(PeriodicRates {
            periodic_percent: percent(i)?,
            nominal_percent: percent(mul(i, per_year)?)?,
            effective_percent: percent(effective)?,
        })
    }
}

/// The largest percent a result states: beyond it a percent could not keep
/// its four decimals in a 28-digit decimal, and no such rate means anything.
const MAX_STATED_PERCENT: Decimal = Decimal::from_parts(1_661_992_960, 1_808_227_885, 5, false, 0); // 1e20

/// `fraction` as a percent, or an overflow error when too large to state.
fn percent(fraction: Decimal) -> Result<Decimal> {
    let p = mul(fraction, Decimal::ONE_HUNDRED)?;
    if p.abs() >= MAX_STATED_PERCENT {
        return Err(Error::general(
            ErrorCode::Overflow,
            "the rate is too large to state (above 10^20 %)",
        ));
    }
    Ok(p)
}

/// The result of [`cashflow_rate`]: periodic and nominal only where the convention has them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnnualRates {
    /// Rate per unit period, percent.
    pub periodic_percent: Option<Decimal>,
    /// Nominal annual, percent.
    pub nominal_percent: Option<Decimal>,
    /// Effective annual, percent.
    pub effective_percent: Decimal,
}

/// When a flow happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// A calendar date.
    Date(Date),
    /// A (possibly fractional) number of unit periods from the start.
    Period(Decimal),
}

/// How the rate is defined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Convention {
    /// IRR per unit period.
    Periodic,
    /// Excel's XIRR: actual/365, effective annual.
    Xirr,
    /// EU Consumer Credit Directive Annex I, effective annual.
    Eu,
    /// US Regulation Z Appendix J, actuarial method.
    UsRegZ,
}

/// One signed flow (borrower's side: received positive, paid negative).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flow {
    /// The amount.
    pub amount: Decimal,
    /// When.
    pub when: When,
}

/// The rate of `flows` under `convention`. With periods, `per_year` unit
/// periods make a year. All flows must be dated, or all be by period.
#[doc(alias = "IRR")]
#[doc(alias = "XIRR")]
pub fn cashflow_rate(
    flows: &[Flow],
    per_year: Decimal,
    convention: Convention,
) -> Result<AnnualRates> {
    let dated = matches!(flows.first().map(|f| f.when), Some(When::Date(_)));
    let timed = if dated {
        dated_times(flows, convention)?
    } else {
        period_times(flows)?
    };
    let discounting = if convention == Convention::UsRegZ {
        Discounting::SimpleFraction
    } else {
        Discounting::Compound
    };
    let i = Stream::new(timed, discounting)?.solve()?;
    let year_based = dated && matches!(convention, Convention::Xirr | Convention::Eu);
    if year_based {
        return Ok(AnnualRates {
            periodic_percent: None,
            nominal_percent: None,
            effective_percent: percent(i)?,
        });
    }
    let per_year = if dated { Decimal::from(12) } else { per_year };
    let r = PeriodicRates::from_periodic(i, per_year)?;
    Ok(match convention {
        Convention::Eu | Convention::Xirr => AnnualRates {
            periodic_percent: None,
            nominal_percent: None,
            effective_percent: r.effective_percent,
        },
        Convention::Periodic | Convention::UsRegZ => AnnualRates {
            periodic_percent: Some(r.periodic_percent),
            nominal_percent: Some(r.nominal_percent),
            effective_percent: r.effective_percent,
        },
    })
}

fn period_times(flows: &[Flow]) -> Result<Vec<TimedFlow>> {
    flows
        .iter()
        .map(|f| match f.when {
            // A whole period (the usual case) needs no truncation.
            When::Period(p) if p.scale() == 0 && !p.is_sign_negative() => {
                let whole = u32::try_from(p.mantissa())
                    .ok()
                    .filter(|w| *w <= MAX_WHOLE_PERIODS)
                    .ok_or_else(|| {
                        Error::general(ErrorCode::OutOfRange, "a period is out of range")
                    })?;
                Ok(TimedFlow {
                    amount: f.amount,
                    whole,
                    frac: Decimal::ZERO,
                })
            }
            When::Period(p) => {
                let whole = p
                    .trunc()
                    .to_u32()
                    .filter(|w| *w <= MAX_WHOLE_PERIODS)
                    .ok_or_else(|| {
                        Error::general(ErrorCode::OutOfRange, "a period is out of range")
                    })?;
                Ok(TimedFlow {
                    amount: f.amount,
                    whole,
                    frac: p.fract(),
                })
            }
            When::Date(_) => Err(Error::general(
                ErrorCode::Conflict,
                "give every flow a date, or every flow a period",
            )),
        })
        .collect()
}

fn dated_times(flows: &[Flow], convention: Convention) -> Result<Vec<TimedFlow>> {
    let mut dates = Vec::with_capacity(flows.len());
    for f in flows {
        match f.when {
            When::Date(d) => dates.push(d),
            When::Period(_) => {
                return Err(Error::general(
                    ErrorCode::Conflict,
                    "give every flow a date, or every flow a period",
                ))
            }
        }
    }
    let origin = dates
        .iter()
        .copied()
        .min()
        .ok_or_else(|| Error::general(ErrorCode::NoSolution, "there are no flows"))?;
    flows
        .iter()
        .zip(dates)
        .map(|(f, d)| {
            let (whole, frac) = match convention {
                Convention::Periodic => {
                    return Err(Error::field(ErrorCode::Conflict, "convention", "the periodic convention takes periods, not dates; use xirr, eu or usRegZ with dates"))
                }
                Convention::Xirr => {
                    let days = origin.days_until(d);
                    (days / 365, div(Decimal::from(days % 365), Decimal::from(365))?)
                }
                Convention::Eu => eu_years(origin, d)?,
                Convention::UsRegZ => {
                    let (months, days) = d.months_and_days_back_to(origin);
                    let extra = days / 30;
                    (i64::from(months) + extra, div(Decimal::from(days % 30), Decimal::from(30))?)
                }
            };
            let whole = u32::try_from(whole).map_err(|_| Error::overflow(None))?;
            Ok(TimedFlow { amount: f.amount, whole, frac })
        })
        .collect()
}

/// Years from `origin` to `d`: whole years by anniversary, then the days left
/// over divided by the length (365 or 366) of the year that follows the last anniversary.
fn eu_years(origin: Date, d: Date) -> Result<(i64, Decimal)> {
    let (months, _) = origin.months_and_days_until(d);
    let years = months / 12;
    let anniversary = origin
        .add_months(years * 12)
        .ok_or_else(|| Error::overflow(None))?;
    let next = origin
        .add_months((years + 1) * 12)
        .ok_or_else(|| Error::overflow(None))?;
    let year_len = anniversary.days_until(next);
    Ok((
        i64::from(years),
        div(
            Decimal::from(anniversary.days_until(d)),
            Decimal::from(year_len),
        )?,
    ))
}

#[cfg(test)]
mod tests {
    #[test]
    fn max_stated_percent_is_ten_to_the_twentieth() {
        let ten_billion = Decimal::from(10_000_000_000u64);
        assert_eq!(MAX_STATED_PERCENT, ten_billion * ten_billion);
        assert!(percent(Decimal::from(10u64.pow(17))).is_ok());
        assert_eq!(
            percent(Decimal::from(10u64.pow(18))).unwrap_err().code,
            ErrorCode::Overflow
        );
    }

    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn eu_year_fractions() {
        let a = Date::parse("1994-01-01").unwrap();
        let b = Date::parse("1995-07-01").unwrap();
        assert_eq!(eu_years(a, b).unwrap(), (1, d("181") / d("365")));
        // A year that holds 29 February 2024 counts 366 days.
        let c = Date::parse("2023-06-01").unwrap();
        let e = Date::parse("2024-05-31").unwrap();
        assert_eq!(eu_years(c, e).unwrap(), (0, d("365") / d("366")));
    }
}
