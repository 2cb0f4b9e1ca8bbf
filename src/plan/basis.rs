//! What makes a plan plausible: the rule or practice each plan leans on,
//! how sure we are of it, and its standing.
//!
//! Each plan names its rule and how sure we are of it. Only a lender's
//! discretion or a common practice is ever at stake here: no plan is a
//! borrower's right. Credit cards: 《商业银行信用卡业务监督管理办法》 Art. 70
//! (个性化分期 ≤ 5 years, "可以": the bank may agree) [secondary]. Loans:
//! 民法典 Art. 678 (展期: the borrower may ask, the lender may agree) [primary].
//! 网贷/小贷 re-分期, deferral and waivers are reported practice [reported].

use super::PlanKind;
use crate::rules::{Confidence, Lender};

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
}

/// Which rule or practice makes a plan plausible.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Basis {
    /// A stable code the page translates by (`cardArt70`, `civilCode678`, …).
    pub code: &'static str,
    /// The rule or practice, with its document and article.
    pub rule: &'static str,
    /// How sure we are of it.
    pub confidence: Confidence,
    /// Contract, lender discretion, or practice (never a right).
    pub standing: Standing,
    /// One or two plain English sentences for the page.
    pub note: &'static str,
}

pub(super) fn basis_for(kind: PlanKind, lender: Lender) -> Basis {
    let card = lender == Lender::CreditCard;
    let online = matches!(lender, Lender::MicroLoan | Lender::ConsumerFinance);
    match kind {
        PlanKind::AsIs => Basis {
            code: "asIs",
            rule: "合同约定 (the contract as it stands)",
            confidence: Confidence::Contract,
            standing: Standing::Contract,
            note: "Nothing negotiated: everything is due now and penalty interest keeps running. With a budget it is modelled at the contract rate on the whole balance, which understates a higher penalty rate.",
        },
        PlanKind::Installment if card => Basis {
            code: "cardArt70",
            rule: "《商业银行信用卡业务监督管理办法》第70条 个性化分期还款协议 (最长5年)",
            confidence: Confidence::Secondary,
            standing: Standing::LenderDiscretion,
            note: "The bank may (可以) agree a personalised instalment plan of up to 5 years when the debt exceeds what the cardholder can repay and they still want to repay; it does not have to. Once signed, collection must stop.",
        },
        PlanKind::Installment => Basis {
            code: if online { "civilCode678Online" } else { "civilCode678" },
            rule: "《民法典》第678条 展期 (extension on request)",
            confidence: Confidence::Primary,
            standing: Standing::LenderDiscretion,
            note: if online {
                "The borrower may ask for an extension; the lender may agree. Online and consumer lenders are reported to offer re-instalment sometimes (practice, may vary)."
            } else {
                "The borrower may ask for an extension; the lender may agree. The article speaks of asking before the due date; after a default it is a negotiation."
            },
        },
        PlanKind::StopInterest if card => Basis {
            code: "cardArt70Interest",
            rule: "《商业银行信用卡业务监督管理办法》第70条(三) 还款期间是否计收年费、利息和其他费用",
            confidence: Confidence::Secondary,
            standing: Standing::LenderDiscretion,
            note: "停息挂账 is not a legal term: it is the informal name of an Art. 70 plan in which the bank agrees to stop interest. Whether interest stops is for the agreement to say; a missed payment may restore it.",
        },
        PlanKind::StopInterest => Basis {
            code: "stopInterestPractice",
            rule: "协商还款 practice (停息挂账, informal)",
            confidence: Confidence::Reported,
            standing: Standing::Practice,
            note: "An interest freeze is reported practice mainly for credit cards; online and micro lenders rarely offer it. It is a request, not a right.",
        },
        PlanKind::WaivePenalties => Basis {
            code: "waivePenaltiesPractice",
            rule: "协商还款 practice; courts may reduce excessive 违约金/罚息: 《民法典》第585条, 合同编通则解释第65条, 银行卡规定第2条, 法发〔2017〕22号 (24%)",
            confidence: Confidence::Reported,
            standing: Standing::Practice,
            note: "Lenders are reported to waive penalty interest and fees in negotiated plans (practice, may vary). Separately, a court may reduce charges that are excessive.",
        },
        PlanKind::Deferral => Basis {
            code: if online { "deferralOnline" } else { "deferral" },
            rule: "《民法典》第678条 展期; 网贷/小贷 延期 practice",
            confidence: if online { Confidence::Reported } else { Confidence::Primary },
            standing: Standing::LenderDiscretion,
            note: "The borrower may ask for a deferral; the lender may agree. Here interest keeps running during the holiday and is added to the balance each month.",
        },
        PlanKind::LumpSum => Basis {
            code: "lumpSumPractice",
            rule: "一次性结清 practice (settlement with a reduction)",
            confidence: Confidence::Reported,
            standing: Standing::Practice,
            note: "Some lenders accept a one-off payment below the balance and waive the rest (practice, may vary). Get the waiver in writing before paying.",
        },
    }
}
