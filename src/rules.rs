//! The rule pack: the one-year LPR history and the legal caps, rules and
//! "know your rights" facts, as versioned data (`src/rules/rules.json`,
//! embedded at build time).
//!
//! Updating an LPR row, a cap figure, a source or a confidence mark means
//! editing the JSON only; the code refers to rules by `id` and reads every
//! figure from the data. [`load`] validates the whole pack (dates, numbers,
//! sorted LPR rows, unique ids, known scopes and confidence words), and a
//! test keeps the embedded copy valid.
//!
//! # Confidence
//! Each rule and fact carries `primary` (read in an official text or a
//! verbatim copy), `secondary` (confirmed by two independent secondary
//! sources) or `reported` (one secondary source). Unconfirmed items are not
//! in the pack.
//!
//! The caps are evaluated against an overdue debt's charges by [`crate::caps`].

use crate::calendar::Date;
use crate::error::{Error, ErrorCode, Result};
use rust_decimal::Decimal;
use serde::Serialize;
use std::sync::OnceLock;

/// The embedded rule pack: `src/rules/rules.json` as `build.rs` writes it
/// (checked to be JSON, without indentation).
pub const RULES_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/rules.json"));

/// The pack's header and LPR table only (`build.rs`): what `loanTerms` reads,
/// so that a build with `loanTerms` alone does not carry the pack's texts.
pub const LPR_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/lpr.json"));

/// The lender types an overdue calculation names, and their API words.
pub const LENDER_WORDS: [(&str, Lender); 8] = [
    ("bank", Lender::Bank),
    ("creditCard", Lender::CreditCard),
    ("consumerFinance", Lender::ConsumerFinance),
    ("microLoan", Lender::MicroLoan),
    ("private", Lender::Private),
    ("unlicensed", Lender::Unlicensed),
    ("other", Lender::Other),
    ("unknown", Lender::Unknown),
];

/// The lenders of record a Chinese consumer loan can have: what
/// [`Lender::Unknown`] stands for. A rule applies to an unknown lender when it
/// applies to each of these (`other` is the answer of someone who knows the
/// lender is none of them, so it is not among the possibilities).
pub const POSSIBLE_LENDERS: [Lender; 6] = [
    Lender::Bank,
    Lender::CreditCard,
    Lender::ConsumerFinance,
    Lender::MicroLoan,
    Lender::Private,
    Lender::Unlicensed,
];

/// The scope word of the UK high-cost short-term credit rules.
pub const UK_HCSTC_SCOPE: &str = "ukHcstc";

/// Who lent the money.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lender {
    /// A commercial bank loan.
    Bank,
    /// A credit card.
    CreditCard,
    /// A licensed consumer-finance company.
    ConsumerFinance,
    /// A microloan company or another local financial organisation.
    MicroLoan,
    /// 民间借贷: a person or a company lending its own money now and then.
    Private,
    /// A professional lender without a lending licence (illegal apps,
    /// 714高炮, 套路贷): the contract is void (民间借贷规定 2020 Art. 13(3)).
    Unlicensed,
    /// Anything else.
    Other,
    /// The person does not know the lender of record: every possibility is
    /// shown, and a rule applies only when it applies to each of
    /// [`POSSIBLE_LENDERS`] (or its scope names `unknown`).
    Unknown,
}

impl Lender {
    /// The API word, also used as a scope word in the pack.
    pub fn as_str(self) -> &'static str {
        LENDER_WORDS
            .iter()
            .find(|(_, l)| *l == self)
            .map_or("other", |(w, _)| w)
    }
}

/// Whose law the calculation follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Jurisdiction {
    /// Mainland China.
    Cn,
    /// The United Kingdom (evaluates the HCSTC caps).
    Uk,
}

/// How sure we are of a rule: read in a primary text, confirmed by two
/// independent secondary sources, or reported by one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confidence {
    /// The borrower's own contract (used by plans; never a confidence the
    /// rule pack accepts).
    Contract,
    /// Read in an official text or a verbatim copy.
    Primary,
    /// Confirmed by two independent secondary sources.
    Secondary,
    /// One secondary source only.
    Reported,
}

impl Confidence {
    /// The API word.
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::Contract => "contract",
            Confidence::Primary => "primary",
            Confidence::Secondary => "secondary",
            Confidence::Reported => "reported",
        }
    }
}

/// The period a percent cap is stated for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CapPer {
    /// Per year, simple.
    Year,
    /// Per day.
    Day,
    /// Of the amount borrowed, once for the whole life of the loan.
    Total,
}

impl CapPer {
    /// The API word.
    pub fn as_str(self) -> &'static str {
        match self {
            CapPer::Year => "year",
            CapPer::Day => "day",
            CapPer::Total => "total",
        }
    }
}

/// Where a rule comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Source {
    /// The document's title (with its number where confirmed).
    pub document: String,
    /// The article, or `null` when not confirmed.
    pub article: Option<String>,
    /// The date of the document (`YYYY-MM-DD`, or a year or month when only that is known).
    pub date: String,
    /// The date it took effect, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effective: Option<String>,
}

/// One row of the LPR table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LprRow {
    /// In force from this publication date until the next row.
    pub from: Date,
    /// One-year LPR, percent.
    pub one_year: Decimal,
    /// Five-year-and-over LPR, percent.
    pub five_year: Decimal,
}

/// A rule of the pack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    /// Stable id (camelCase).
    pub id: String,
    /// `civilCap`, `criminalReference`, `feeRule`, `ukCap`, `transition`, `planLimit`, …
    pub kind: String,
    /// Whose law.
    pub jurisdiction: Jurisdiction,
    /// Lender types (API words) or `ukHcstc`.
    pub scope: Vec<String>,
    /// A percent cap.
    pub cap_percent: Option<Decimal>,
    /// The period of `cap_percent`.
    pub cap_per: Option<CapPer>,
    /// An amount cap.
    pub cap_amount: Option<Decimal>,
    /// The currency of `cap_amount` when not the loan's.
    pub currency: Option<String>,
    /// A multiple of the one-year LPR.
    pub lpr_multiple: Option<Decimal>,
    /// A date the rule splits a period at.
    pub split_date: Option<Date>,
    /// The longest plan, in months.
    pub max_months: Option<u32>,
    /// The lowest usual markup, percent.
    pub markup_min_percent: Option<Decimal>,
    /// The highest usual markup, percent.
    pub markup_max_percent: Option<Decimal>,
    /// Simplified Chinese text.
    pub zh: String,
    /// Traditional Chinese text (the same words in Traditional characters).
    pub zh_tw: String,
    /// English text.
    pub en: String,
    /// Where it comes from.
    pub source: Source,
    /// How sure we are.
    pub confidence: Confidence,
    /// When this entry was last checked.
    pub as_of: Date,
}

impl Rule {
    /// Whether the rule covers `lender` under `jurisdiction`. For an unknown
    /// lender: when it covers every possible lender, or its scope names
    /// `unknown` (a line that holds whoever lends, such as the 24 % line:
    /// a reduction on request for licensed lenders, and private lending's
    /// own line is lower).
    pub fn applies_to(&self, jurisdiction: Jurisdiction, lender: Lender) -> bool {
        self.jurisdiction == jurisdiction
            && (self.scope.iter().any(|s| s == UK_HCSTC_SCOPE) || covers(&self.scope, lender))
    }
}

/// Whether a scope list covers `lender`: it names it, or, for an unknown
/// lender, it names `unknown` or every one of [`POSSIBLE_LENDERS`].
pub fn covers(scope: &[String], lender: Lender) -> bool {
    let names = |l: Lender| scope.iter().any(|s| s == l.as_str());
    names(lender) || (lender == Lender::Unknown && POSSIBLE_LENDERS.iter().all(|&l| names(l)))
}

/// A "know your rights" fact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    /// Stable id.
    pub id: String,
    /// Simplified Chinese text.
    pub zh: String,
    /// Traditional Chinese text.
    pub zh_tw: String,
    /// English text.
    pub en: String,
    /// Where it comes from.
    pub source: Source,
    /// How sure we are.
    pub confidence: Confidence,
    /// The lender types whose loans the fact is about, or whom its source
    /// binds (API words).
    pub scope: Vec<String>,
}

/// How serious a breach of a conduct rule is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// A lesser breach (e.g. a private phone used by a collector).
    Low,
    /// A breach of a limit (hours, attempts, third parties).
    Medium,
    /// Threats, abuse, impersonation, disclosure, exposure, intrusion.
    High,
}

impl Severity {
    /// The API word.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
        }
    }
}

/// What sort of text a conduct rule's source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// A statute or a judicial interpretation: binds every lender it names.
    Law,
    /// A regulator's rule: binds the institutions it supervises.
    Regulation,
    /// Self-regulation (the China Banking Association's guideline): binds
    /// the association's members only.
    SelfRegulation,
}

impl SourceKind {
    /// The API word.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Law => "law",
            SourceKind::Regulation => "regulation",
            SourceKind::SelfRegulation => "selfRegulation",
        }
    }
}

/// One source of a conduct rule, with the lender types it binds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoundSource {
    /// The document, article and dates.
    pub source: Source,
    /// Law, regulation or self-regulation.
    pub kind: SourceKind,
    /// The lender types it binds (API words).
    pub binds: Vec<String>,
    /// How sure we are of the document and its content.
    pub confidence: Confidence,
    /// How sure we are of the article number, when less sure than of the
    /// document (an article number only reported).
    pub article_confidence: Option<Confidence>,
}

/// A collection-conduct rule, checked by [`crate::collection`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConductRule {
    /// The rule's code (the flag's `rule`): `lateHours`, `unansweredCalls`,
    /// `thirdParty`, `thirdPartyDisclosure`, or a conduct code.
    pub code: String,
    /// The lender types some source binds (the union of the sources' `binds`).
    pub scope: Vec<String>,
    /// How serious a breach is.
    pub severity: Severity,
    /// For `lateHours`: the first minute of the quiet hours (minutes after midnight).
    pub from_minute: Option<u32>,
    /// For `lateHours`: the first minute after the quiet hours.
    pub to_minute: Option<u32>,
    /// For `unansweredCalls`: the attempts a day the rule allows.
    pub max_per_day: Option<u32>,
    /// Simplified Chinese text.
    pub zh: String,
    /// Traditional Chinese text.
    pub zh_tw: String,
    /// English text.
    pub en: String,
    /// Its sources, binding law first, self-regulation last (at least one).
    pub sources: Vec<BoundSource>,
    /// When this entry was last checked.
    pub as_of: Date,
    /// Ids of facts that bear on the same conduct (e.g. a law binding every lender).
    pub related: Vec<String>,
}

impl ConductRule {
    /// Whether some source binds `lender` (for an unknown lender: whether
    /// every possible lender is bound by one of them).
    pub fn applies_to(&self, lender: Lender) -> bool {
        covers(&self.scope, lender)
    }

    /// The source to cite for `lender`: the first that binds it (for an
    /// unknown lender, the first that binds every possible lender, else the
    /// first); `None` when the rule does not apply.
    pub fn binding_source(&self, lender: Lender) -> Option<&BoundSource> {
        if !self.applies_to(lender) {
            return None;
        }
        self.sources
            .iter()
            .find(|s| covers(&s.binds, lender))
            .or_else(|| self.sources.first())
    }

    /// The lead source: the first (the pack requires one).
    pub fn lead(&self) -> Option<&BoundSource> {
        self.sources.first()
    }
}

/// Where to complain, and for which lender types.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComplaintRoute {
    /// Stable id.
    pub id: String,
    /// `lender`, `regulator`, `selfRegulator`, `harassment`, `police`, `creditReport`.
    pub kind: String,
    /// The lender types the route serves.
    pub scope: Vec<String>,
    /// A phone number, when the route has one.
    pub contact: Option<String>,
    /// Simplified Chinese text.
    pub zh: String,
    /// Traditional Chinese text.
    pub zh_tw: String,
    /// English text.
    pub en: String,
    /// Where it comes from.
    pub source: Source,
    /// How sure we are.
    pub confidence: Confidence,
}

impl ComplaintRoute {
    /// Whether the route serves `lender`. An unknown lender is shown every
    /// route, each with the lender types it serves.
    pub fn serves(&self, lender: Lender) -> bool {
        lender == Lender::Unknown || self.scope.iter().any(|s| s == lender.as_str())
    }
}

/// The conduct codes a contact may carry, each a rule of the pack.
pub const CONDUCT_CODES: [&str; 10] = [
    "threat",
    "insult",
    "impersonation",
    "falseConsequence",
    "exaggeratedAmount",
    "feeDemand",
    "newLoanPush",
    "publicExposure",
    "visitWithoutConsent",
    "privatePhone",
];

/// The conduct rules the log checker evaluates besides the conduct codes.
pub const CONDUCT_LIMIT_CODES: [&str; 4] = [
    "lateHours",
    "unansweredCalls",
    "thirdParty",
    "thirdPartyDisclosure",
];

/// The complaint-route kinds the page knows.
pub const ROUTE_KINDS: [&str; 6] = [
    "lender",
    "regulator",
    "selfRegulator",
    "harassment",
    "police",
    "creditReport",
];
/// What makes a negotiated repayment plan plausible: its rule or practice,
/// how sure we are of it and its standing (never a borrower's right).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanBasis {
    /// Stable code the page translates by.
    pub id: String,
    /// The rule or practice, with its document and article.
    pub rule: String,
    /// `contract`, `primary`, `secondary` or `reported`.
    pub confidence: Confidence,
    /// `contract`, `lenderDiscretion` or `practice`.
    pub standing: String,
    /// One or two plain English sentences.
    pub note: String,
}

/// The whole validated pack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RulePack {
    /// Data version.
    pub version: String,
    /// When the pack was last checked.
    pub as_of: Date,
    /// The last LPR fixing confirmed; later dates assume it unchanged.
    pub lpr_confirmed_through: Date,
    /// Where the LPR table comes from.
    pub lpr_source: Source,
    /// How sure we are of the LPR table.
    pub lpr_confidence: Confidence,
    /// LPR rows, oldest first.
    pub lpr: Vec<LprRow>,
    /// Rules.
    pub rules: Vec<Rule>,
    /// Facts.
    pub facts: Vec<Fact>,
    /// Collection-conduct rules.
    pub conduct_rules: Vec<ConductRule>,
    /// Complaint routes.
    pub complaint_routes: Vec<ComplaintRoute>,
    /// The bases of negotiated plans (`planBases`; empty when the pack has none).
    pub plan_bases: Vec<PlanBasis>,
}

mod load;

use load::LoadResult;
pub use load::{load, load_lpr};

/// `"HH:MM"` as minutes after midnight (00:00–23:59).
pub fn clock_minutes(text: &str) -> Option<u32> {
    let b = text.as_bytes();
    if b.len() != 5 || b[2] != b':' {
        return None;
    }
    let two = |x: u8, y: u8| -> Option<u32> {
        (x.is_ascii_digit() && y.is_ascii_digit())
            .then(|| u32::from(x - b'0') * 10 + u32::from(y - b'0'))
    };
    let (h, m) = (two(b[0], b[1])?, two(b[3], b[4])?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

/// The rule ids the evaluator refers to.
pub mod ids {
    /// 4 × LPR at the contract date.
    pub const PRIVATE_LPR: &str = "cnPrivate4xLpr";
    /// The 2015 24 % line.
    pub const PRIVATE_2015: &str = "cnPrivate2015";
    /// The split at 2020-08-20.
    pub const PRIVATE_TRANSITION: &str = "cnPrivateTransition";
    /// The financial-loan 24 % line.
    pub const FINANCIAL_24: &str = "cnFinancial24";
    /// The 36 % criminal reference line.
    pub const ILLEGAL_LENDING_36: &str = "cnIllegalLending36";
    /// No interest on credit-card fees.
    pub const CARD_NO_INTEREST_ON_FEES: &str = "cnCardNoInterestOnFees";
    /// Credit-card personalised instalments ≤ 5 years.
    pub const CARD_PERSONAL_INSTALLMENT: &str = "cnCardPersonalInstallment";
    /// Bank penalty markup practice.
    pub const BANK_MARKUP: &str = "cnBankPenaltyMarkup";
    /// Civil Code Art. 561.
    pub const PAYMENT_ORDER: &str = "cnPaymentOrder";
    /// Where fees and liquidated damages go in a payment (not the statute).
    pub const PAYMENT_ORDER_FEES: &str = "cnPaymentOrderFees";
    /// Civil Code Art. 670.
    pub const ACTUAL_PRINCIPAL: &str = "cnActualPrincipal";
    /// An unlicensed lender's contract is void (private-lending provisions Art. 13(3)).
    pub const UNLICENSED_VOID: &str = "cnUnlicensedVoid";
    /// UK 0.8 %/day.
    pub const UK_INITIAL: &str = "ukHcstcInitialCost";
    /// UK £15.
    pub const UK_DEFAULT_FEE: &str = "ukHcstcDefaultFee";
    /// UK 100 %.
    pub const UK_TOTAL: &str = "ukHcstcTotalCost";
}

static PACK: OnceLock<LoadResult<RulePack>> = OnceLock::new();

/// The embedded pack, parsed once. An invalid embedded pack (which the
/// tests rule out) is reported as an error, never a panic.
pub fn pack() -> Result<&'static RulePack> {
    PACK.get_or_init(|| load(RULES_JSON)).as_ref().map_err(|e| {
        Error::general(
            ErrorCode::Overflow,
            format!("the embedded rule pack could not be read: {e}"),
        )
    })
}

static LPR_PACK: OnceLock<LoadResult<RulePack>> = OnceLock::new();

/// The embedded pack's header and LPR table ([`LPR_JSON`]), parsed once, as
/// a pack without rules, facts or texts: what `loanTerms` needs. The same
/// table as [`pack`]'s, from the same file.
pub fn lpr_pack() -> Result<&'static RulePack> {
    LPR_PACK
        .get_or_init(|| load::load_lpr(LPR_JSON))
        .as_ref()
        .map_err(|e| {
            Error::general(
                ErrorCode::Overflow,
                format!("the embedded LPR table could not be read: {e}"),
            )
        })
}

pub(crate) fn missing(id: &str) -> Error {
    Error::general(
        ErrorCode::Overflow,
        format!("the rule pack has no usable rule {id}"),
    )
}

impl RulePack {
    /// The rule with `id`, if any.
    pub fn find(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }

    /// The conduct rule with `code`, if any.
    pub fn conduct(&self, code: &str) -> Option<&ConductRule> {
        self.conduct_rules.iter().find(|r| r.code == code)
    }

    /// The rule with `id`, or an error.
    pub fn rule(&self, id: &str) -> Result<&Rule> {
        self.find(id).ok_or_else(|| missing(id))
    }

    /// The plan basis with `id`, or an error.
    pub fn plan_basis(&self, id: &str) -> Result<&PlanBasis> {
        self.plan_bases
            .iter()
            .find(|b| b.id == id)
            .ok_or_else(|| missing(id))
    }

    /// The LPR row in force on `date` (the last published on or before it);
    /// `None` before the first fixing.
    pub fn lpr_on(&self, date: Date) -> Option<&LprRow> {
        self.lpr.iter().rev().find(|r| r.from <= date)
    }

    /// The latest row.
    pub fn latest_lpr(&self) -> Result<&LprRow> {
        self.lpr.last().ok_or_else(|| missing("lpr"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_pack_is_valid() {
        let p = load(RULES_JSON).unwrap();
        assert_eq!(p.lpr.len(), 15);
        assert!(pack().is_ok());
    }

    #[test]
    fn the_lpr_pack_is_the_packs_table_without_its_texts() {
        let (full, lpr) = (pack().unwrap(), lpr_pack().unwrap());
        assert_eq!(lpr.lpr, full.lpr);
        assert_eq!(lpr.lpr_confirmed_through, full.lpr_confirmed_through);
        assert_eq!(lpr.lpr_source, full.lpr_source);
        assert_eq!(lpr.lpr_confidence, full.lpr_confidence);
        assert_eq!((&lpr.version, lpr.as_of), (&full.version, full.as_of));
        assert!(lpr.rules.is_empty() && lpr.facts.is_empty() && lpr.conduct_rules.is_empty());
        assert!(
            LPR_JSON.len() * 20 < RULES_JSON.len(),
            "the LPR copy is small"
        );
        // The LPR copy is checked as strictly as the whole pack.
        let mut bad: serde_json::Value = serde_json::from_str(LPR_JSON).unwrap();
        bad["lpr"][1]["from"] = "2019-08-01".into();
        assert!(load::load_lpr(&bad.to_string())
            .unwrap_err()
            .contains("date order"));
        bad["extra"] = serde_json::json!([]);
        assert!(load::load_lpr(&bad.to_string()).is_err());
    }

    #[test]
    fn broken_packs_are_rejected() {
        let good: serde_json::Value = serde_json::from_str(RULES_JSON).unwrap();
        let mut bad = good.clone();
        bad["lpr"][1]["from"] = "2019-08-01".into();
        assert!(load(&bad.to_string()).unwrap_err().contains("date order"));
        let mut bad = good.clone();
        bad["rules"][0]["confidence"] = "unconfirmed".into();
        assert!(load(&bad.to_string()).unwrap_err().contains("confidence"));
        let mut bad = good.clone();
        bad["rules"][0]["scope"] = serde_json::json!(["bnak"]);
        assert!(load(&bad.to_string()).unwrap_err().contains("scope"));
        let mut bad = good;
        bad["rules"][0]["lprMultiple"] = serde_json::Value::Null;
        assert!(load(&bad.to_string())
            .unwrap_err()
            .contains("cnPrivate4xLpr"));
    }
}
