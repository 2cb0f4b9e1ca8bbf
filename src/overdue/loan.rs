//! The overdue case derived from the loan itself: which instalments are
//! missed on a given day, how many days each, and what is not yet due.
//!
//! With `paid` instalments paid in full, in order, each on its due date, an
//! instalment after the first `paid` is **missed** when its due date is
//! before `asOf`; it is overdue `asOf − dueDate` calendar days (one due on
//! `asOf` itself is not overdue). The principal of the other unpaid
//! instalments (one due on `asOf` included) is **not yet due**. A row that
//! asks nothing (0.00, a bullet loan's months before the last) is never
//! missed.
//!
//! When the lender declared the whole loan due (提前到期) on `accelerated`
//! (before `asOf`), every unpaid instalment whose own due date is after that
//! day falls due on it: its principal is overdue from `accelerated`, its
//! interest and fees (for a period not yet run) are not claimed. Each such
//! instalment is listed as its own missed part, so its penalty is rounded on
//! its own, like every other part.

use super::{Overdue, Part};
use crate::calendar::Date;
use crate::error::Result;
use crate::money::{add, sum};
use rust_decimal::Decimal;

/// An instalment of the loan's schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Instalment {
    /// 1-based number.
    pub period: u32,
    /// Its due date.
    pub due_date: Date,
    /// Principal.
    pub principal: Decimal,
    /// Interest.
    pub interest: Decimal,
    /// Fees.
    pub fees: Decimal,
}

/// A missed instalment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Missed {
    /// Its number in the schedule.
    pub period: u32,
    /// The day it fell due (for an accelerated one, the acceleration day).
    pub due_date: Date,
    /// `asOf − dueDate`, ≥ 1.
    pub days: u32,
    /// Its amounts (an accelerated one: principal only).
    pub amounts: Overdue,
    /// Whether it fell due early, by the acceleration.
    pub accelerated: bool,
}

/// The case on `asOf`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoanCase {
    /// The missed instalments, in schedule order.
    pub missed: Vec<Missed>,
    /// The principal of the unpaid instalments not yet due.
    pub not_yet_due: Decimal,
    /// The principal unpaid on `asOf`: missed + not yet due.
    pub remaining_principal: Decimal,
}

impl LoanCase {
    /// The longest days overdue (0 when nothing is missed).
    pub fn days(&self) -> u32 {
        self.missed.iter().map(|m| m.days).max().unwrap_or(0)
    }

    /// The earliest due date of a missed instalment.
    pub fn first_due(&self) -> Option<Date> {
        self.missed.iter().map(|m| m.due_date).min()
    }

    /// The sum of the missed amounts.
    pub fn overdue(&self) -> Result<Overdue> {
        Ok(Overdue {
            principal: sum(self.missed.iter().map(|m| m.amounts.principal))?,
            interest: sum(self.missed.iter().map(|m| m.amounts.interest))?,
            fees: sum(self.missed.iter().map(|m| m.amounts.fees))?,
        })
    }

    /// The missed instalments as parts priced each on its own days:
    /// offset = days from the earliest due date.
    pub fn parts(&self) -> Vec<Part> {
        let longest = self.days();
        self.missed
            .iter()
            .map(|m| Part {
                overdue: m.amounts,
                offset: longest - m.days,
            })
            .collect()
    }
}

/// The case of a loan with `paid` instalments paid, on `as_of`. `rows` are
/// the schedule's instalments in order; `paid` is at most their number.
pub fn derive(
    rows: &[Instalment],
    paid: u32,
    as_of: Date,
    accelerated: Option<Date>,
) -> Result<LoanCase> {
    let mut missed = Vec::new();
    let mut not_yet_due = Decimal::ZERO;
    let mut remaining = Decimal::ZERO;
    for r in rows.iter().skip(paid as usize) {
        // A row of 0.00 (a bullet loan's months before the last) asks
        // nothing: it cannot be missed.
        if r.principal.is_zero() && r.interest.is_zero() && r.fees.is_zero() {
            continue;
        }
        remaining = add(remaining, r.principal)?;
        let early = accelerated.filter(|a| r.due_date > *a && *a < as_of);
        let (due, amounts) = match early {
            Some(a) => (
                a,
                Overdue {
                    principal: r.principal,
                    interest: Decimal::ZERO,
                    fees: Decimal::ZERO,
                },
            ),
            None => (
                r.due_date,
                Overdue {
                    principal: r.principal,
                    interest: r.interest,
                    fees: r.fees,
                },
            ),
        };
        let days = due.days_until(as_of);
        if days >= 1 {
            missed.push(Missed {
                period: r.period,
                due_date: due,
                days: u32::try_from(days).unwrap_or(u32::MAX),
                amounts,
                accelerated: early.is_some(),
            });
        } else {
            not_yet_due = add(not_yet_due, r.principal)?;
        }
    }
    Ok(LoanCase {
        missed,
        not_yet_due,
        remaining_principal: remaining,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn row(period: u32, due: &str) -> Instalment {
        Instalment {
            period,
            due_date: d(due),
            principal: Decimal::from(100),
            interest: Decimal::from(10),
            fees: Decimal::ONE,
        }
    }

    /// Due on asOf: not overdue; the day before: 1 day.
    #[test]
    fn due_on_as_of_is_not_missed() {
        let rows = [
            row(1, "2026-01-10"),
            row(2, "2026-02-10"),
            row(3, "2026-03-10"),
        ];
        let c = derive(&rows, 0, d("2026-02-10"), None).unwrap();
        assert_eq!(c.missed.len(), 1);
        assert_eq!(c.missed[0].days, 31);
        assert_eq!(c.not_yet_due, Decimal::from(200));
        assert_eq!(c.remaining_principal, Decimal::from(300));
        let c = derive(&rows, 1, d("2026-02-11"), None).unwrap();
        assert_eq!(c.missed.len(), 1);
        assert_eq!((c.missed[0].period, c.missed[0].days), (2, 1));
    }

    /// Accelerated on 2026-01-20: instalments 2 and 3 fall due that day,
    /// principal only, 21 days overdue on 2026-02-10.
    #[test]
    fn acceleration_makes_the_rest_due() {
        let rows = [
            row(1, "2026-01-10"),
            row(2, "2026-02-10"),
            row(3, "2026-03-10"),
        ];
        let c = derive(&rows, 0, d("2026-02-10"), Some(d("2026-01-20"))).unwrap();
        assert_eq!(c.missed.len(), 3);
        assert!(!c.missed[0].accelerated);
        assert_eq!(c.missed[1].due_date, d("2026-01-20"));
        assert_eq!(c.missed[1].days, 21);
        assert_eq!(c.missed[2].amounts.interest, Decimal::ZERO);
        assert_eq!(c.not_yet_due, Decimal::ZERO);
        assert_eq!(c.parts()[0].offset, 0);
        assert_eq!(c.parts()[1].offset, 31 - 21);
    }
}
