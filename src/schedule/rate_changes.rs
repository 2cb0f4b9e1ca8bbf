//! Rates that change during a loan: the term a kept payment needs, the
//! installment a date falls in, and the changes an LPR-linked loan's
//! repricing makes (LPR + spread, from the rule pack's LPR table).
//!
//! A change applies from an installment on, and the whole of that
//! installment's interest follows the new rate (the rate in force on its due
//! date). A date maps to the first installment whose due date is on or after
//! it.

use super::{ChangeOrigin, KeepOnChange, RateChange};
use crate::calendar::Date;
use crate::error::{Error, ErrorCode, Result};
use crate::money::{add, div, sub, DayBasis, Per, Rate};
use crate::rules::{LprRow, RulePack};
use rust_decimal::Decimal;

impl ChangeOrigin {
    /// The input path of the change's `keep` (where a kept payment that
    /// cannot work is reported).
    pub fn keep_path(self) -> String {
        match self {
            ChangeOrigin::Input(i) => format!("rateChanges[{i}].keep"),
            ChangeOrigin::Lpr(_) => "lprLinked.keep".to_owned(),
        }
    }
}

/// How many installments of `payment` (the last one smaller) clear `balance`
/// at `rate`, each month's interest rounded half-up to cents as in a
/// schedule; at most `limit`. A payment that does not exceed the first
/// month's interest is a `conflict` (the balance would never fall); more than
/// `limit` installments is `outOfRange`.
pub fn periods_to_clear(
    balance: Decimal,
    payment: Decimal,
    rate: Rate,
    basis: DayBasis,
    limit: u32,
) -> Result<u32> {
    let mut left = balance;
    let mut m = 0u32;
    while !left.is_sign_negative() && !left.is_zero() {
        m += 1;
        if m > limit {
            return Err(Error::general(
                ErrorCode::OutOfRange,
                "keeping the payment at the new rate would take the loan past 600 months",
            ));
        }
        let interest = rate.monthly_interest_cents(left, basis)?;
        let principal = sub(payment, interest)?;
        if principal.is_sign_negative() || principal.is_zero() {
            return Err(Error::general(
                ErrorCode::Conflict,
                "the payment no longer covers the interest at the new rate, so the balance would never fall; keep the term instead",
            ));
        }
        left = sub(left, principal)?;
    }
    Ok(m)
}

/// The first installment (1 to `periods`) whose due date, `start` + k
/// months, is on or after `date`; `None` when `date` is before `start` or
/// after the last due date.
pub fn due_period(start: Date, periods: u32, date: Date) -> Option<u32> {
    if date < start {
        return None;
    }
    let (months, _) = start.months_and_days_until(date);
    // start + months ≤ date < start + months + 1 (clamped month ends keep
    // due dates in order), so the answer is months or months + 1.
    let mut k = months.max(1);
    if start.add_months(k)? < date {
        k += 1;
    }
    (k <= periods && start.add_months(k)? >= date).then_some(k)
}

/// Which LPR an LPR-linked loan follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tenor {
    /// One-year LPR (loans of 5 years or less).
    OneYear,
    /// Five-year-and-over LPR (loans over 5 years).
    FiveYear,
}

impl Tenor {
    /// The API word.
    pub fn as_str(self) -> &'static str {
        match self {
            Tenor::OneYear => "oneYear",
            Tenor::FiveYear => "fiveYear",
        }
    }

    /// The default by term: five-year for loans over 60 months.
    pub fn for_periods(periods: u32) -> Tenor {
        if periods > 60 {
            Tenor::FiveYear
        } else {
            Tenor::OneYear
        }
    }

    fn of(self, row: &LprRow) -> Decimal {
        match self {
            Tenor::OneYear => row.one_year,
            Tenor::FiveYear => row.five_year,
        }
    }
}

/// When an LPR-linked rate is repriced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Repricing {
    /// On each anniversary of the loan date.
    Anniversary,
    /// On each 1 January.
    January,
}

impl Repricing {
    /// The API word.
    pub fn as_str(self) -> &'static str {
        match self {
            Repricing::Anniversary => "anniversary",
            Repricing::January => "january",
        }
    }
}

/// An LPR-linked loan: rate = LPR + spread, repriced once a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LprLink {
    /// The spread over the LPR, in basis points (may be negative).
    pub spread_bp: Decimal,
    /// When the rate is repriced.
    pub repricing: Repricing,
    /// When LPR pricing starts (default: the loan date).
    pub from: Option<Date>,
    /// Which LPR (default: by term).
    pub tenor: Option<Tenor>,
    /// What stays the same at each repricing.
    pub keep: KeepOnChange,
}

/// One change an LPR repricing makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LprChange {
    /// The repricing date.
    pub repricing_date: Date,
    /// The LPR row in force on that date.
    pub row: LprRow,
    /// The LPR figure taken from the row (the tenor's).
    pub lpr_percent: Decimal,
    /// The repricing date is after the table's last confirmed date: the last
    /// confirmed LPR is assumed unchanged.
    pub assumed: bool,
    /// The change itself.
    pub change: RateChange,
}

/// What an LPR link gives a loan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LprPlan {
    /// The tenor used.
    pub tenor: Tenor,
    /// When LPR pricing starts.
    pub from: Date,
    /// The LPR row in force on `from`, and its figure.
    pub initial_row: LprRow,
    /// The figure of `initial_row` for the tenor.
    pub initial_lpr: Decimal,
    /// `initial_lpr` + spread, per year: the rate until the first repricing
    /// when the input gives none.
    pub initial_rate: Rate,
    /// Whether `from` is after the table's last confirmed date.
    pub initial_assumed: bool,
    /// The changes, in period order: only repricings that change the rate.
    pub changes: Vec<LprChange>,
    /// Repricing dates within the loan that are after the last confirmed date.
    pub assumed_repricings: u32,
}

/// The changes an LPR link makes to a loan dated `start` with `periods`
/// installments, whose rate before the first repricing is `rate` (the input's,
/// or `None` for LPR + spread on `from`). Each repricing date D after `from`
/// and not after the last due date takes the LPR in force on D (the last
/// fixing published on or before it, "valid until the next fixing") plus the
/// spread, from the first installment due after D (the one due on D covers
/// the month before it); a repricing that leaves the rate as it is makes no
/// change.
pub fn lpr_changes(
    pack: &RulePack,
    link: &LprLink,
    start: Date,
    periods: u32,
    rate: Option<Rate>,
    basis: DayBasis,
) -> Result<LprPlan> {
    let tenor = link.tenor.unwrap_or(Tenor::for_periods(periods));
    let from_path = if link.from.is_some() {
        "lprLinked.from"
    } else {
        "startDate"
    };
    let from = link.from.unwrap_or(start);
    let last_due = start.add_months(periods).ok_or_else(|| {
        Error::field(
            ErrorCode::OutOfRange,
            "startDate",
            "the last installment would fall after the year 2200",
        )
    })?;
    if from < start || from > last_due {
        return Err(Error::field(
            ErrorCode::OutOfRange,
            from_path,
            "lprLinked.from must be on or after startDate and not after the last due date",
        ));
    }
    let initial_row = *pack.lpr_on(from).ok_or_else(|| {
        Error::field(
            ErrorCode::OutOfRange,
            from_path,
            "LPR pricing cannot start before the first LPR fixing (legalRules().lpr)",
        )
    })?;
    let spread = div(link.spread_bp, Decimal::ONE_HUNDRED)?;
    let priced = |row: &LprRow| -> Result<Rate> {
        let percent = add(tenor.of(row), spread)?;
        if percent.is_sign_negative() && !percent.is_zero() {
            return Err(Error::field(
                ErrorCode::OutOfRange,
                "lprLinked.spreadBasisPoints",
                "LPR plus the spread would be a negative rate",
            ));
        }
        Ok(Rate::new(percent, Per::Year))
    };
    let initial_rate = priced(&initial_row)?;
    let mut current = rate.unwrap_or(initial_rate);
    let mut changes = Vec::new();
    let mut assumed_repricings = 0u32;
    let confirmed = pack.lpr_confirmed_through;
    let mut year = 1u32;
    loop {
        let date = match link.repricing {
            Repricing::Anniversary => start.add_months(12 * year),
            Repricing::January => Date::new(from.year() + year as i32, 1, 1),
        };
        let Some(date) = date.filter(|d| *d <= last_due) else {
            break;
        };
        year += 1;
        if date <= from {
            continue;
        }
        // The installment due on the repricing date itself covers the month
        // before it: the new rate starts with the first one due after it.
        let Some(period) = date
            .add_days(1)
            .and_then(|next| due_period(start, periods, next))
        else {
            break;
        };
        let assumed = date > confirmed;
        if assumed {
            assumed_repricings += 1;
        }
        let row = *pack.lpr_on(date).unwrap_or(&initial_row);
        let new = priced(&row)?;
        if new.percent == current.percent && new.per == current.per {
            continue;
        }
        // Compared as a yearly figure: a monthly input rate equal to the new
        // yearly one is no change either.
        if new.annual_percent(basis)? == current.annual_percent(basis)? {
            current = new;
            continue;
        }
        current = new;
        let index = u32::try_from(changes.len()).map_err(|_| Error::overflow(None))?;
        changes.push(LprChange {
            repricing_date: date,
            row,
            lpr_percent: tenor.of(&row),
            assumed,
            change: RateChange {
                period,
                rate: new,
                keep: link.keep,
                origin: ChangeOrigin::Lpr(index),
            },
        });
    }
    Ok(LprPlan {
        tenor,
        from,
        initial_row,
        initial_lpr: tenor.of(&initial_row),
        initial_rate,
        initial_assumed: from > confirmed,
        changes,
        assumed_repricings,
    })
}
