//! The claim of a case and its lawful position, in one of two views:
//!
//! - **wholeLoan** (a case from the loan, for a lender with a total-cost
//!   line): the settlement (what closing the loan on `asOf` means by the
//!   lender's figures) against the ceiling of the loan recomputed at the
//!   line from the amount received ([`crate::plan::line`],
//!   [`crate::plan::lawful::whole_loan_position`]). The line is the lender
//!   type's: the financial line (`cnFinancial24`) for banks, consumer-finance
//!   and microloan companies; four times the one-year LPR at the contract
//!   date (`cnPrivate4xLpr`) for private lending, with the 2020-08-20
//!   transition (`cnPrivateTransition`: the 2015 line before that day, four
//!   times the LPR on the filing date from it) for older contracts. Every
//!   figure comes from the rule pack.
//! - **overdueOnly** (the free-form case, or a lender without such a line:
//!   credit cards keep their own rules, other lenders, the UK): the caps on
//!   the overdue charges ([`crate::plan::lawful::position`]); with a loan
//!   the claim is still the settlement.

use super::read::LoanInput;
use super::OverdueInput;
use crate::calendar::Date;
use crate::caps::{stale_note, CapResult, Note};
use crate::error::Result;
use crate::money::{mul, sub, sum};
use crate::overdue::Charges;
use crate::plan::lawful::{position, whole_loan_position, Claim, Position};
use crate::plan::line::{ceiling, Ceiling, LineRate, Payment};
use crate::plan::Balance;
use crate::rules::{ids, missing, Jurisdiction, Lender, LprRow, Rule, RulePack};
use rust_decimal::Decimal;

/// Which view a lawful position is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The settlement against the line over the loan's life.
    WholeLoan,
    /// The caps on the overdue charges only.
    OverdueOnly,
}

impl View {
    /// The API word.
    pub fn as_str(self) -> &'static str {
        match self {
            View::WholeLoan => "wholeLoan",
            View::OverdueOnly => "overdueOnly",
        }
    }
}

/// The line over the loan's life, as computed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineView {
    /// The rule that sets the line.
    pub rule: &'static Rule,
    /// The line's rates (one, or two across 2020-08-20).
    pub rates: Vec<LineRate>,
    /// The LPR row used (private lending).
    pub lpr: Option<LprRow>,
    /// The amount received: the recomputation's starting balance.
    pub received: Decimal,
    /// The contract principal.
    pub principal: Decimal,
    /// The start date.
    pub from: Date,
    /// `asOf`.
    pub to: Date,
    /// The recomputation from `received`.
    pub ceiling: Ceiling,
    /// The same recomputation from the contract principal.
    pub ceiling_from_principal: Decimal,
    /// Assumptions (`lprUnconfirmedAfter`, `contractDateIsStartDate`,
    /// `unlicensedContractVoid`).
    pub notes: Vec<Note>,
}

/// A case's claim and lawful position, with its view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CasePosition {
    /// Which view.
    pub view: View,
    /// The claim, the lawful position and what was removed.
    pub position: Position,
    /// The line over the loan's life (the whole-loan view).
    pub line: Option<LineView>,
}

/// A line: its rule, its rates, the LPR row used and its notes.
type Line = (&'static Rule, Vec<LineRate>, Option<LprRow>, Vec<Note>);

/// The line for the lender of `inp` on loan `l`, if it has one.
fn line_rates(pack: &'static RulePack, inp: &OverdueInput, l: &LoanInput) -> Result<Option<Line>> {
    if inp.jurisdiction != Jurisdiction::Cn || inp.lender == Lender::CreditCard {
        return Ok(None);
    }
    let start = l.start_date;
    let fin = pack.rule(ids::FINANCIAL_24)?;
    if fin.applies_to(Jurisdiction::Cn, inp.lender) {
        let percent = fin.cap_percent.ok_or_else(|| missing(ids::FINANCIAL_24))?;
        return Ok(Some((
            fin,
            vec![LineRate {
                from: start,
                percent,
            }],
            None,
            Vec::new(),
        )));
    }
    let lpr_rule = pack.rule(ids::PRIVATE_LPR)?;
    if !lpr_rule.applies_to(Jurisdiction::Cn, inp.lender) {
        return Ok(None);
    }
    let multiple = lpr_rule
        .lpr_multiple
        .ok_or_else(|| missing(ids::PRIVATE_LPR))?;
    let old_rule = pack.rule(ids::PRIVATE_2015)?;
    let old = old_rule
        .cap_percent
        .ok_or_else(|| missing(ids::PRIVATE_2015))?;
    let transition = pack.rule(ids::PRIVATE_TRANSITION)?;
    let split = transition
        .split_date
        .ok_or_else(|| missing(ids::PRIVATE_TRANSITION))?;
    let mut notes = Vec::new();
    if inp.lender == Lender::Unlicensed {
        let void = pack.rule(ids::UNLICENSED_VOID)?;
        notes.push(Note {
            code: "unlicensedContractVoid",
            message: format!(
                "{} ({} {}, {} source)",
                void.en,
                void.source.document,
                void.source.article.as_deref().unwrap_or(""),
                void.confidence.as_str()
            ),
        });
    }
    let contract = match inp.contract_date {
        Some(c) => c,
        None => {
            notes.push(Note {
                code: "contractDateIsStartDate",
                message: format!("contractDate not given: the contract was taken as made on loan.startDate, {start}; the line uses the LPR of the contract date"),
            });
            start
        }
    };
    if contract >= split {
        let row = *pack.lpr_on(contract).ok_or_else(|| missing("lpr"))?;
        notes.extend(stale_note(pack, contract));
        return Ok(Some((
            lpr_rule,
            vec![LineRate {
                from: start,
                percent: mul(multiple, row.one_year)?,
            }],
            Some(row),
            notes,
        )));
    }
    // A contract made before the split date (Art. 31): the 2015 line before
    // it, four times the LPR on the filing date (else asOf) from it.
    let filing = inp.filing_date.unwrap_or(l.as_of);
    if filing < split {
        return Ok(Some((
            old_rule,
            vec![LineRate {
                from: start,
                percent: old,
            }],
            None,
            notes,
        )));
    }
    let row = *pack.lpr_on(filing).ok_or_else(|| missing("lpr"))?;
    notes.extend(stale_note(pack, filing));
    let new = mul(multiple, row.one_year)?;
    let rates = if split > start {
        vec![
            LineRate {
                from: start,
                percent: old,
            },
            LineRate {
                from: split,
                percent: new,
            },
        ]
    } else {
        vec![LineRate {
            from: start,
            percent: new,
        }]
    };
    Ok(Some((transition, rates, Some(row), notes)))
}

/// The paid instalments as payments on their due dates (one paid ahead of
/// `asOf` counts on `asOf`).
fn payments(l: &LoanInput) -> Result<Vec<Payment>> {
    l.instalments
        .iter()
        .take(l.paid as usize)
        .map(|r| {
            Ok(Payment {
                date: r.due_date.min(l.as_of),
                amount: sum([r.principal, r.interest, r.fees])?,
            })
        })
        .collect()
}

/// The claim of the case and its lawful position in its view.
pub fn case_position(
    pack: &'static RulePack,
    inp: &OverdueInput,
    charges: &Charges,
    caps: &[CapResult],
) -> Result<CasePosition> {
    let t = &inp.terms;
    let Some(l) = &inp.loan else {
        let claim = Claim {
            principal: t.overdue.principal,
            interest: t.overdue.interest,
            fees: t.overdue.fees,
            upfront_deduction: inp.upfront_deduction,
        };
        return Ok(CasePosition {
            view: View::OverdueOnly,
            position: position(pack, claim, charges, caps)?,
            line: None,
        });
    };
    // The settlement: every unpaid principal, the missed interest and fees,
    // the charges.
    let claim = Claim {
        principal: l.case.remaining_principal,
        interest: t.overdue.interest,
        fees: t.overdue.fees,
        upfront_deduction: None,
    };
    let Some((rule, rates, lpr, notes)) = line_rates(pack, inp, l)? else {
        // Without a line over the loan's life, the money deducted at payout
        // still comes off the principal (Civil Code Art. 670, a Chinese rule).
        let deducted = sub(l.principal, l.received)?;
        let claim = Claim {
            upfront_deduction: (inp.jurisdiction == Jurisdiction::Cn && deducted > Decimal::ZERO)
                .then_some(deducted),
            ..claim
        };
        return Ok(CasePosition {
            view: View::OverdueOnly,
            position: position(pack, claim, charges, caps)?,
            line: None,
        });
    };
    let claimed = Balance {
        principal: claim.principal,
        interest: claim.interest,
        penalties: charges.interest_charges()?,
        fees: sum([claim.fees, charges.late_fees, charges.collection_fee])?,
    };
    let pays = payments(l)?;
    let basis = t.day_basis;
    let c = ceiling(l.received, l.start_date, &pays, l.as_of, &rates, basis)?;
    let from_principal = if l.principal > l.received {
        ceiling(l.principal, l.start_date, &pays, l.as_of, &rates, basis)?.ceiling
    } else {
        c.ceiling
    };
    let pos = whole_loan_position(pack, claimed, c.ceiling, from_principal, rule)?;
    Ok(CasePosition {
        view: View::WholeLoan,
        position: pos,
        line: Some(LineView {
            rule,
            rates,
            lpr,
            received: l.received,
            principal: l.principal,
            from: l.start_date,
            to: l.as_of,
            ceiling: c,
            ceiling_from_principal: from_principal,
            notes,
        }),
    })
}
