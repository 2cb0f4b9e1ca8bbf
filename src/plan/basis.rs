//! What makes a plan plausible: the rule or practice each plan leans on,
//! how sure we are of it, and its standing.
//!
//! Only a lender's discretion or a common practice is ever at stake here: no
//! plan is a borrower's right. The texts (rule, note), confidence and
//! standing live in the rule pack's `planBases`, by code; this module only
//! chooses the code for a plan and a lender type.

use super::PlanKind;
use crate::error::Result;
use crate::rules::{Confidence, Lender, RulePack};

/// What kind of footing a plan has. None is a borrower's right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// What the contract already says.
    Contract,
    /// A rule lets the lender agree; it does not have to.
    LenderDiscretion,
    /// Common practice only; it may not be offered.
    Practice,
}

impl Standing {
    /// The camelCase name used across the API.
    pub fn as_str(self) -> &'static str {
        match self {
            Standing::Contract => "contract",
            Standing::LenderDiscretion => "lenderDiscretion",
            Standing::Practice => "practice",
        }
    }

    fn from_word(w: &str) -> Standing {
        match w {
            "contract" => Standing::Contract,
            "lenderDiscretion" => Standing::LenderDiscretion,
            // The loader admits only the three words; anything else is the
            // weakest footing.
            _ => Standing::Practice,
        }
    }
}

/// Which rule or practice makes a plan plausible.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Basis {
    /// A stable code the page translates by (`cardArt70`, `civilCode678`, …).
    pub code: &'static str,
    /// The rule or practice, with its document and article (from the pack).
    pub rule: &'static str,
    /// How sure we are of it.
    pub confidence: Confidence,
    /// Contract, lender discretion, or practice (never a right).
    pub standing: Standing,
    /// One or two plain English sentences for the page (from the pack).
    pub note: &'static str,
}

/// The pack code of the basis of `kind` for `lender`.
pub fn basis_code(kind: PlanKind, lender: Lender) -> &'static str {
    let card = lender == Lender::CreditCard;
    let online = matches!(lender, Lender::MicroLoan | Lender::ConsumerFinance);
    match kind {
        PlanKind::AsIs => "asIs",
        PlanKind::Installment if card => "cardArt70",
        PlanKind::Installment if online => "civilCode678Online",
        PlanKind::Installment => "civilCode678",
        PlanKind::StopInterest if card => "cardArt70Interest",
        PlanKind::StopInterest => "stopInterestPractice",
        PlanKind::WaivePenalties => "waivePenaltiesPractice",
        PlanKind::Deferral if online => "deferralOnline",
        PlanKind::Deferral => "deferral",
        PlanKind::LumpSum => "lumpSumPractice",
    }
}

pub(super) fn basis_for(pack: &'static RulePack, kind: PlanKind, lender: Lender) -> Result<Basis> {
    let b = pack.plan_basis(basis_code(kind, lender))?;
    Ok(Basis {
        code: basis_code(kind, lender),
        rule: &b.rule,
        confidence: b.confidence,
        standing: Standing::from_word(&b.standing),
        note: &b.note,
    })
}
