//! The line on the whole price of credit: what a loan may cost, at most, when
//! it is recomputed over its life at the legal line, the way courts set
//! interest above the line against the principal.
//!
//! 1. The balance starts at the amount actually received, on the start date.
//! 2. For each paid instalment, on its due date: interest at the line
//!    accrues on the balance for the days since the previous date,
//!    `balance × line × days ÷ (100 × dayBasis)`, rounded half-up to cents.
//!    The whole payment goes first to the interest owed (this and any unpaid
//!    before), the rest reduces the balance. A payment below the interest
//!    leaves the shortfall owed as interest, never added to the balance.
//! 3. On `asOf`: ceiling = balance + unpaid line interest + line interest on
//!    the balance for the days since the last payment (rounded half-up to
//!    cents). A ceiling below 0 means more than the line was paid already.
//!
//! The line may change on a date (a private loan made before 2020-08-20:
//! 24 % a year before, 4 × LPR from that day): the interest of a stretch
//! that spans the change is the sum of its parts, rounded once.

use crate::calendar::Date;
use crate::error::Result;
use crate::money::{add, div, mul, round_cents, sub, DayBasis};
use rust_decimal::Decimal;

/// A line rate in force from `from` (percent a year) until the next one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineRate {
    /// The first day.
    pub from: Date,
    /// Percent a year.
    pub percent: Decimal,
}

/// A payment made on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Payment {
    /// When.
    pub date: Date,
    /// How much (principal, interest and fees of the instalment).
    pub amount: Decimal,
}

/// One payment in the recomputation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineStep {
    /// The payment's date.
    pub date: Date,
    /// Days since the previous date.
    pub days: u32,
    /// Line interest for those days, rounded.
    pub interest: Decimal,
    /// The payment.
    pub payment: Decimal,
    /// The balance afterwards.
    pub balance: Decimal,
    /// Line interest still unpaid afterwards.
    pub unpaid_interest: Decimal,
}

/// The ceiling on `asOf`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ceiling {
    /// The payments, recomputed.
    pub steps: Vec<LineStep>,
    /// The balance after the last payment (or the starting balance).
    pub balance: Decimal,
    /// Line interest unpaid after the last payment.
    pub unpaid_interest: Decimal,
    /// The date of the last payment (or the start date).
    pub last_date: Date,
    /// Days from it to `asOf`.
    pub days_since: u32,
    /// Line interest for those days, rounded.
    pub interest_since: Decimal,
    /// `balance + unpaid_interest + interest_since`.
    pub ceiling: Decimal,
}

/// Line interest on `balance` from `a` to `b`, exact: the sum over the
/// rates in force (`rates` sorted by `from`, the first in force at `a`).
fn interest_exact(
    balance: Decimal,
    a: Date,
    b: Date,
    rates: &[LineRate],
    basis: DayBasis,
) -> Result<Decimal> {
    let mut total = Decimal::ZERO;
    for (i, r) in rates.iter().enumerate() {
        let start = if r.from > a { r.from } else { a };
        let end = match rates.get(i + 1) {
            Some(next) if next.from < b => next.from,
            _ => b,
        };
        let days = start.days_until(end);
        if days <= 0 {
            continue;
        }
        total = add(total, mul(mul(balance, r.percent)?, Decimal::from(days))?)?;
    }
    div(total, mul(Decimal::ONE_HUNDRED, basis.days())?)
}

/// The ceiling of a loan that started with `received` on `start`, with
/// `payments` (in date order, none before `start` or after `as_of`).
pub fn ceiling(
    received: Decimal,
    start: Date,
    payments: &[Payment],
    as_of: Date,
    rates: &[LineRate],
    basis: DayBasis,
) -> Result<Ceiling> {
    let mut balance = received;
    let mut unpaid = Decimal::ZERO;
    let mut last = start;
    let mut steps = Vec::with_capacity(payments.len());
    for p in payments {
        let interest = round_cents(interest_exact(balance, last, p.date, rates, basis)?);
        let owed_interest = add(unpaid, interest)?;
        let to_interest = p.amount.min(owed_interest);
        unpaid = sub(owed_interest, to_interest)?;
        balance = sub(balance, sub(p.amount, to_interest)?)?;
        steps.push(LineStep {
            date: p.date,
            days: days_between(last, p.date),
            interest,
            payment: p.amount,
            balance,
            unpaid_interest: unpaid,
        });
        last = p.date;
    }
    let interest_since = if balance > Decimal::ZERO {
        round_cents(interest_exact(balance, last, as_of, rates, basis)?)
    } else {
        // A balance paid below 0 (more than the line) earns no interest.
        Decimal::ZERO
    };
    Ok(Ceiling {
        steps,
        balance,
        unpaid_interest: unpaid,
        last_date: last,
        days_since: days_between(last, as_of),
        interest_since,
        ceiling: add(add(balance, unpaid)?, interest_since)?,
    })
}

fn days_between(a: Date, b: Date) -> u32 {
    u32::try_from(a.days_until(b).max(0)).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    /// 1,000 at 24 % from 2026-01-01; 100 paid on 2026-01-31 (30 days:
    /// interest 20.00, balance 920.00); asOf 2026-03-02 (30 days: 18.40):
    /// ceiling 938.40.
    #[test]
    fn one_payment() {
        let c = ceiling(
            Decimal::from(1000),
            d("2026-01-01"),
            &[Payment {
                date: d("2026-01-31"),
                amount: Decimal::from(100),
            }],
            d("2026-03-02"),
            &[LineRate {
                from: d("2026-01-01"),
                percent: Decimal::from(24),
            }],
            DayBasis::D360,
        )
        .unwrap();
        assert_eq!(c.steps[0].interest, Decimal::new(2000, 2));
        assert_eq!(c.balance, Decimal::new(92000, 2));
        assert_eq!(c.ceiling, Decimal::new(93840, 2));
    }

    /// A payment of 5 against 20.00 of interest: 15.00 stays owed as
    /// interest, the balance stays 1,000; a change of rate to 12 % on
    /// 2026-02-15 halves the rate for the last 15 days: 1,000 × (24 × 15 +
    /// 12 × 15) ÷ 36,000 = 15.00; ceiling 1,000 + 15 + 15 = 1,030.00.
    #[test]
    fn shortfall_stays_interest_and_rates_split() {
        let c = ceiling(
            Decimal::from(1000),
            d("2026-01-01"),
            &[Payment {
                date: d("2026-01-31"),
                amount: Decimal::from(5),
            }],
            d("2026-03-02"),
            &[
                LineRate {
                    from: d("2026-01-01"),
                    percent: Decimal::from(24),
                },
                LineRate {
                    from: d("2026-02-15"),
                    percent: Decimal::from(12),
                },
            ],
            DayBasis::D360,
        )
        .unwrap();
        assert_eq!(c.balance, Decimal::from(1000));
        assert_eq!(c.unpaid_interest, Decimal::from(15));
        assert_eq!(c.interest_since, Decimal::from(15));
        assert_eq!(c.ceiling, Decimal::from(1030));
    }
}
