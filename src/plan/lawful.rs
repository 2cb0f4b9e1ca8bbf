//! The lender's claim and the part of it the law supports.
//!
//! From an overdue case (the input of `overdueCost`, its charges and its caps)
//! the claim is split into four parts, as a contract states them:
//! - **principal**: the overdue principal;
//! - **interest**: the overdue contract interest;
//! - **penalties** (罚息): penalty interest + compound interest + interest on fees;
//! - **fees**: overdue fees + late fees (违约金).
//!
//! The lawful position takes off, each as one [`Removed`] item naming its rule:
//! 1. an up-front deduction, from principal (the pack's actual-principal rule:
//!    the loan is repaid on the amount actually lent);
//! 2. each binding cap that covers one part only (no interest on card fees and
//!    the UK interest cap: from penalties; the UK default-fee cap: from late fees);
//! 3. each binding cap on all charges together (the private-lending line, the
//!    financial 24 % line, the UK total-cost cap): what is still above it after
//!    step 2, taken from late fees first and then from penalties, so penalty
//!    interest is kept up to the line and the 违约金 goes first.
//!
//! A cap binds when it applies to the lender type and is not a criminal-law
//! reference line. The excess of every cap is the one `overdueCost` reports
//! (caps on the actual principal, charges as the lender computes them), so the
//! overdue panel and the plans show the same figures. Overdue fees given as
//! `overdue.fees` and the overdue contract interest are not in any cap's
//! charges and are kept.

use super::Balance;
use crate::caps::CapResult;
use crate::error::Result;
use crate::money::{add, sub, sum};
use crate::overdue::Charges;
use crate::rules::{ids, Rule, RulePack};
use rust_decimal::Decimal;

/// Something taken off the claim, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Removed {
    /// The rule (its id and source come from the pack).
    pub rule: &'static Rule,
    /// The amount taken off.
    pub amount: Decimal,
}

/// The claim and the lawful position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position {
    /// As the lender claims it.
    pub claimed: Balance,
    /// With what is above the binding lines and any up-front deduction taken off.
    pub lawful: Balance,
    /// What was taken off, in the order above.
    pub removed: Vec<Removed>,
}

/// What a case's claim is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Claim {
    /// Overdue principal.
    pub principal: Decimal,
    /// Overdue contract interest.
    pub interest: Decimal,
    /// Overdue fees (not counted by the caps).
    pub fees: Decimal,
    /// Deducted from the principal up front.
    pub upfront_deduction: Option<Decimal>,
}

/// A part of the claim, to take removals from in a stated order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PartOf {
    Principal,
    Interest,
    Penalties,
    Fees,
}

fn part_mut(b: &mut Balance, p: PartOf) -> &mut Decimal {
    match p {
        PartOf::Principal => &mut b.principal,
        PartOf::Interest => &mut b.interest,
        PartOf::Penalties => &mut b.penalties,
        PartOf::Fees => &mut b.fees,
    }
}

/// Takes `amount` off `b`, part by part in `order`, each down to 0.
fn take(b: &mut Balance, amount: Decimal, order: [PartOf; 4]) -> Result<()> {
    let mut left = amount;
    for p in order {
        let part = part_mut(b, p);
        let t = left.min(*part);
        *part = sub(*part, t)?;
        left = sub(left, t)?;
    }
    Ok(())
}

/// The whole-loan view: the settlement (the whole claim on `asOf`) compared
/// with the ceiling of the loan recomputed at the line from the amount
/// received (see [`super::line`]).
///
/// - lawful total = max(0, min(settlement, ceiling)); what is above is removed.
/// - The removal is split by rule: the part due to the money deducted at
///   payout (`ceiling_from_principal − ceiling`, the same recomputation
///   started from the contract principal instead of the amount received, at
///   most the removal) is the actual-principal rule's, taken from the
///   principal first; the rest is the line rule's, taken from fees (违约金,
///   collection fee, the instalments' fees) first, then penalties, interest
///   and last principal (interest paid above the line set against it).
///
/// `claimed.total − Σ removed = lawful.total` exactly.
pub fn whole_loan_position(
    pack: &'static RulePack,
    claimed: Balance,
    ceiling: Decimal,
    ceiling_from_principal: Decimal,
    line_rule: &'static Rule,
) -> Result<Position> {
    let total = claimed.total()?;
    let lawful_total = total.min(ceiling).max(Decimal::ZERO);
    let over = sub(total, lawful_total)?;
    let deduction = over.min(sub(ceiling_from_principal, ceiling)?.max(Decimal::ZERO));
    let line = sub(over, deduction)?;
    let mut lawful = claimed;
    let mut removed = Vec::new();
    if deduction > Decimal::ZERO {
        take(
            &mut lawful,
            deduction,
            [
                PartOf::Principal,
                PartOf::Fees,
                PartOf::Penalties,
                PartOf::Interest,
            ],
        )?;
        removed.push(Removed {
            rule: pack.rule(ids::ACTUAL_PRINCIPAL)?,
            amount: deduction,
        });
    }
    if line > Decimal::ZERO {
        take(
            &mut lawful,
            line,
            [
                PartOf::Fees,
                PartOf::Penalties,
                PartOf::Interest,
                PartOf::Principal,
            ],
        )?;
        removed.push(Removed {
            rule: line_rule,
            amount: line,
        });
    }
    Ok(Position {
        claimed,
        lawful,
        removed,
    })
}

enum Covers {
    Penalties,
    LateFees,
    All,
}

fn covers(rule: &Rule) -> Covers {
    match rule.id.as_str() {
        ids::CARD_NO_INTEREST_ON_FEES | ids::UK_INITIAL => Covers::Penalties,
        ids::UK_DEFAULT_FEE => Covers::LateFees,
        _ => Covers::All,
    }
}

/// The claim of a case and its lawful position.
pub fn position(
    pack: &'static RulePack,
    claim: Claim,
    charges: &Charges,
    caps: &[CapResult],
) -> Result<Position> {
    let penalties = charges.interest_charges()?;
    let claimed = Balance {
        principal: claim.principal,
        interest: claim.interest,
        penalties,
        fees: sum([claim.fees, charges.late_fees, charges.collection_fee])?,
    };
    let mut removed = Vec::new();
    let mut principal = claim.principal;
    if let Some(d) = claim.upfront_deduction.filter(|d| *d > Decimal::ZERO) {
        let d = d.min(principal);
        principal = sub(principal, d)?;
        removed.push(Removed {
            rule: pack.rule(ids::ACTUAL_PRINCIPAL)?,
            amount: d,
        });
    }
    let mut pen = penalties;
    // Late fees and the collection fee: the charges taken off first.
    let mut late = add(charges.late_fees, charges.collection_fee)?;
    let binding: Vec<&CapResult> = caps
        .iter()
        .filter(|c| c.applies && c.rule.kind != "criminalReference" && c.excess > Decimal::ZERO)
        .collect();
    let mut taken = Decimal::ZERO;
    for c in binding
        .iter()
        .filter(|c| !matches!(covers(c.rule), Covers::All))
    {
        let bucket = match covers(c.rule) {
            Covers::Penalties => &mut pen,
            _ => &mut late,
        };
        let amount = c.excess.min(*bucket);
        if amount > Decimal::ZERO {
            *bucket = sub(*bucket, amount)?;
            taken = add(taken, amount)?;
            removed.push(Removed {
                rule: c.rule,
                amount,
            });
        }
    }
    for c in binding
        .iter()
        .filter(|c| matches!(covers(c.rule), Covers::All))
    {
        let still = sub(c.excess, taken)?.max(Decimal::ZERO);
        let from_late = still.min(late);
        let from_pen = sub(still, from_late)?.min(pen);
        let amount = add(from_late, from_pen)?;
        if amount > Decimal::ZERO {
            late = sub(late, from_late)?;
            pen = sub(pen, from_pen)?;
            taken = add(taken, amount)?;
            removed.push(Removed {
                rule: c.rule,
                amount,
            });
        }
    }
    let lawful = Balance {
        principal,
        interest: claim.interest,
        penalties: pen,
        fees: add(claim.fees, late)?,
    };
    Ok(Position {
        claimed,
        lawful,
        removed,
    })
}
