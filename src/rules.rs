//! The rule pack: the one-year LPR history and the legal caps, rules and
//! "know your rights" facts, as versioned data (`src/rules/rules.json`,
//! embedded at build time), and the evaluation of the caps against the
//! charges of an overdue debt.
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
//! # Caps evaluated by [`evaluate_caps`]
//! Every cap compares some rounded charges with a cap amount on a base (the
//! overdue principal, less any interest deducted up front: 民法典第六百七十条):
//! - **private lending** (民间借贷规定 2020, Arts. 25, 28, 29, primary):
//!   overdue interest + 违约金 + fees ≤ `lprMultiple` × the one-year LPR in
//!   force on the contract date (the last row whose `from` is not after it).
//!   Contracts made before `splitDate` (2020-08-20; Art. 31, primary): the
//!   days before it are capped at the 2015 rule's 24 %/year (secondary), the
//!   days from it at 4 × the LPR on the filing date (`filingDate`, else the
//!   `to` date, else the latest LPR in the pack). A filing date before the
//!   split leaves the whole period under the 2015 rule.
//! - **financial lenders** (法发〔2017〕22号 第二条第2项, secondary): interest,
//!   compound, penalty, 违约金 and fees together ≤ 24 %/year.
//! - **36 %** (2019 illegal-lending opinion, secondary): a criminal-law
//!   reference line for every lender type, not a civil cap.
//! - **credit cards**: no interest on fees (2016 notice, secondary): the cap
//!   on interest charged on fees is 0.
//! - **UK HCSTC** (FCA CONC 5A, primary; only with `jurisdiction: "uk"`):
//!   interest ≤ 0.8 %/day of the amount borrowed, default fees ≤ £15, all
//!   charges ≤ 100 % of the amount borrowed.
//!
//! A per-year cap over `d` days is `base × percent × d ÷ (100 × basis)`,
//! rounded half-up to cents once; the excess is `max(0, charged − cap)`.

use crate::calendar::Date;
use crate::error::{Error, ErrorCode, Result};
use crate::money::{add, div, mul, parse_decimal, round_cents, sub, DayBasis};
use crate::overdue::cap_for_days;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// The embedded rule pack.
pub const RULES_JSON: &str = include_str!("rules/rules.json");

/// The lender types an overdue calculation names, and their API words.
pub const LENDER_WORDS: [(&str, Lender); 6] = [
    ("bank", Lender::Bank),
    ("creditCard", Lender::CreditCard),
    ("consumerFinance", Lender::ConsumerFinance),
    ("microLoan", Lender::MicroLoan),
    ("private", Lender::Private),
    ("other", Lender::Other),
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
    /// 民间借贷: a person or an unlicensed company.
    Private,
    /// Anything else.
    Other,
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

/// How sure we are of a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confidence {
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The document's title (with its number where confirmed).
    pub document: String,
    /// The article, or `null` when not confirmed.
    pub article: Option<String>,
    /// The date of the document (`YYYY-MM-DD`, or a year or month when only that is known).
    pub date: String,
    /// The date it took effect, when known.
    #[serde(skip_serializing_if = "Option::is_none", default)]
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
    /// Whether the rule covers `lender` under `jurisdiction`.
    pub fn applies_to(&self, jurisdiction: Jurisdiction, lender: Lender) -> bool {
        self.jurisdiction == jurisdiction
            && self
                .scope
                .iter()
                .any(|s| s == lender.as_str() || s == UK_HCSTC_SCOPE)
    }
}

/// A "know your rights" fact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    /// Stable id.
    pub id: String,
    /// Simplified Chinese text.
    pub zh: String,
    /// English text.
    pub en: String,
    /// Where it comes from.
    pub source: Source,
    /// How sure we are.
    pub confidence: Confidence,
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
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RawPack {
    version: String,
    as_of: String,
    lpr_confirmed_through: String,
    lpr_source: Source,
    lpr_confidence: String,
    lpr: Vec<RawLpr>,
    rules: Vec<RawRule>,
    facts: Vec<RawFact>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RawLpr {
    from: String,
    one_year_percent: String,
    five_year_percent: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RawRule {
    id: String,
    kind: String,
    jurisdiction: String,
    scope: Vec<String>,
    cap_percent: Option<String>,
    cap_per: Option<String>,
    cap_amount: Option<String>,
    currency: Option<String>,
    lpr_multiple: Option<String>,
    split_date: Option<String>,
    max_months: Option<u32>,
    markup_min_percent: Option<String>,
    markup_max_percent: Option<String>,
    zh: String,
    en: String,
    source: Source,
    confidence: String,
    as_of: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RawFact {
    id: String,
    zh: String,
    en: String,
    source: Source,
    confidence: String,
}

type LoadResult<T> = std::result::Result<T, String>;

fn date(text: &str, what: &str) -> LoadResult<Date> {
    Date::parse(text).ok_or_else(|| format!("{what}: {text} is not a date"))
}

fn number(text: &str, what: &str) -> LoadResult<Decimal> {
    let d = parse_decimal(text).map_err(|_| format!("{what}: {text} is not a number"))?;
    if d.is_sign_negative() && !d.is_zero() {
        return Err(format!("{what}: {text} is negative"));
    }
    Ok(d)
}

fn opt_number(text: &Option<String>, what: &str) -> LoadResult<Option<Decimal>> {
    text.as_deref().map(|t| number(t, what)).transpose()
}

fn confidence(text: &str, what: &str) -> LoadResult<Confidence> {
    match text {
        "primary" => Ok(Confidence::Primary),
        "secondary" => Ok(Confidence::Secondary),
        "reported" => Ok(Confidence::Reported),
        other => Err(format!(
            "{what}: confidence {other} is not primary, secondary or reported"
        )),
    }
}

fn source(s: &Source, what: &str) -> LoadResult<()> {
    if s.document.trim().is_empty() || s.date.trim().is_empty() {
        return Err(format!("{what}: the source needs a document and a date"));
    }
    Ok(())
}

/// Parses and validates a rule pack.
pub fn load(text: &str) -> LoadResult<RulePack> {
    let raw: RawPack = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let mut lpr: Vec<LprRow> = Vec::with_capacity(raw.lpr.len());
    for (i, r) in raw.lpr.iter().enumerate() {
        let what = format!("lpr[{i}]");
        let row = LprRow {
            from: date(&r.from, &what)?,
            one_year: number(&r.one_year_percent, &what)?,
            five_year: number(&r.five_year_percent, &what)?,
        };
        if row.one_year.is_zero() || row.one_year >= Decimal::ONE_HUNDRED {
            return Err(format!("{what}: one-year LPR out of range"));
        }
        if lpr.last().is_some_and(|p| p.from >= row.from) {
            return Err(format!("{what}: rows must be in date order"));
        }
        lpr.push(row);
    }
    if lpr.is_empty() {
        return Err("the LPR table is empty".into());
    }
    source(&raw.lpr_source, "lprSource")?;
    let mut rules: Vec<Rule> = Vec::with_capacity(raw.rules.len());
    for r in raw.rules {
        let what = format!("rule {}", r.id);
        source(&r.source, &what)?;
        if rules.iter().any(|q| q.id == r.id) {
            return Err(format!("{what}: the id repeats"));
        }
        let jurisdiction = match r.jurisdiction.as_str() {
            "cn" => Jurisdiction::Cn,
            "uk" => Jurisdiction::Uk,
            other => return Err(format!("{what}: unknown jurisdiction {other}")),
        };
        if r.scope.is_empty()
            || r.scope
                .iter()
                .any(|s| s != UK_HCSTC_SCOPE && !LENDER_WORDS.iter().any(|(w, _)| w == s))
        {
            return Err(format!("{what}: the scope must list known lender types"));
        }
        let cap_per = match r.cap_per.as_deref() {
            None => None,
            Some("year") => Some(CapPer::Year),
            Some("day") => Some(CapPer::Day),
            Some("total") => Some(CapPer::Total),
            Some(other) => return Err(format!("{what}: unknown capPer {other}")),
        };
        let cap_percent = opt_number(&r.cap_percent, &what)?;
        if cap_percent.is_some() != cap_per.is_some() {
            return Err(format!("{what}: capPercent and capPer go together"));
        }
        rules.push(Rule {
            cap_percent,
            cap_per,
            cap_amount: opt_number(&r.cap_amount, &what)?,
            lpr_multiple: opt_number(&r.lpr_multiple, &what)?,
            split_date: r
                .split_date
                .as_deref()
                .map(|d| date(d, &what))
                .transpose()?,
            markup_min_percent: opt_number(&r.markup_min_percent, &what)?,
            markup_max_percent: opt_number(&r.markup_max_percent, &what)?,
            confidence: confidence(&r.confidence, &what)?,
            as_of: date(&r.as_of, &what)?,
            jurisdiction,
            id: r.id,
            kind: r.kind,
            scope: r.scope,
            currency: r.currency,
            max_months: r.max_months,
            zh: r.zh,
            en: r.en,
            source: r.source,
        });
    }
    let mut facts: Vec<Fact> = Vec::with_capacity(raw.facts.len());
    for f in raw.facts {
        let what = format!("fact {}", f.id);
        source(&f.source, &what)?;
        if facts.iter().any(|q| q.id == f.id) {
            return Err(format!("{what}: the id repeats"));
        }
        facts.push(Fact {
            confidence: confidence(&f.confidence, &what)?,
            id: f.id,
            zh: f.zh,
            en: f.en,
            source: f.source,
        });
    }
    let pack = RulePack {
        version: raw.version,
        as_of: date(&raw.as_of, "asOf")?,
        lpr_confirmed_through: date(&raw.lpr_confirmed_through, "lprConfirmedThrough")?,
        lpr_source: raw.lpr_source,
        lpr_confidence: confidence(&raw.lpr_confidence, "lprConfidence")?,
        lpr,
        rules,
        facts,
    };
    // The ids and figures the evaluator needs must be present.
    for (id, ok) in [
        (
            ids::PRIVATE_LPR,
            pack.find(ids::PRIVATE_LPR)
                .is_some_and(|r| r.lpr_multiple.is_some()),
        ),
        (
            ids::PRIVATE_2015,
            pack.find(ids::PRIVATE_2015)
                .is_some_and(|r| r.cap_per == Some(CapPer::Year)),
        ),
        (
            ids::PRIVATE_TRANSITION,
            pack.find(ids::PRIVATE_TRANSITION)
                .is_some_and(|r| r.split_date.is_some()),
        ),
        (
            ids::FINANCIAL_24,
            pack.find(ids::FINANCIAL_24)
                .is_some_and(|r| r.cap_per == Some(CapPer::Year)),
        ),
        (
            ids::ILLEGAL_LENDING_36,
            pack.find(ids::ILLEGAL_LENDING_36)
                .is_some_and(|r| r.cap_per == Some(CapPer::Year)),
        ),
        (
            ids::CARD_NO_INTEREST_ON_FEES,
            pack.find(ids::CARD_NO_INTEREST_ON_FEES)
                .is_some_and(|r| r.cap_amount.is_some()),
        ),
        (
            ids::UK_INITIAL,
            pack.find(ids::UK_INITIAL)
                .is_some_and(|r| r.cap_per == Some(CapPer::Day)),
        ),
        (
            ids::UK_DEFAULT_FEE,
            pack.find(ids::UK_DEFAULT_FEE)
                .is_some_and(|r| r.cap_amount.is_some()),
        ),
        (
            ids::UK_TOTAL,
            pack.find(ids::UK_TOTAL)
                .is_some_and(|r| r.cap_per == Some(CapPer::Total)),
        ),
        (ids::BANK_MARKUP, pack.find(ids::BANK_MARKUP).is_some()),
        (ids::PAYMENT_ORDER, pack.find(ids::PAYMENT_ORDER).is_some()),
    ] {
        if !ok {
            return Err(format!("rule {id} is missing or lacks its figure"));
        }
    }
    Ok(pack)
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
    /// Civil Code Art. 670.
    pub const ACTUAL_PRINCIPAL: &str = "cnActualPrincipal";
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

fn missing(id: &str) -> Error {
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

    /// The rule with `id`, or an error.
    pub fn rule(&self, id: &str) -> Result<&Rule> {
        self.find(id).ok_or_else(|| missing(id))
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

/// The charges each cap looks at (each rounded to cents already).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChargeParts {
    /// Penalty + compound + interest on fees.
    pub interest: Decimal,
    /// Interest charged on fees.
    pub interest_on_fees: Decimal,
    /// Late fees.
    pub late_fees: Decimal,
    /// Everything.
    pub total: Decimal,
}

/// What the caps are evaluated against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CapContext {
    /// Whose law.
    pub jurisdiction: Jurisdiction,
    /// Who lent.
    pub lender: Lender,
    /// When the contract was made.
    pub contract_date: Option<Date>,
    /// The overdue period `[from, to)`, when dated.
    pub period: Option<(Date, Date)>,
    /// Days overdue (≥ 1).
    pub days: u32,
    /// When the case was (or would be) filed.
    pub filing_date: Option<Date>,
    /// The principal the Chinese caps are computed on (after any upfront deduction).
    pub base: Decimal,
    /// The amount borrowed, for the UK caps.
    pub borrowed: Decimal,
    /// Days in a year.
    pub day_basis: DayBasis,
    /// The charges.
    pub charges: ChargeParts,
}

/// A part of the overdue period under one cap rate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// The rule that sets the rate.
    pub rule: &'static str,
    /// First day, when dated.
    pub from: Option<Date>,
    /// The day after the last, when dated.
    pub to: Option<Date>,
    /// Days.
    pub days: u32,
    /// Cap, percent a year.
    pub cap_percent: Decimal,
    /// The LPR row used, if any.
    pub lpr: Option<LprRow>,
    /// Cap amount for these days, exact.
    pub cap_amount: Decimal,
}

/// A note with a stable code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// Stable camelCase code.
    pub code: &'static str,
    /// English text.
    pub message: String,
}

/// One cap evaluated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CapResult {
    /// The rule whose source the result cites.
    pub rule: &'static Rule,
    /// Whether it covers this lender and jurisdiction.
    pub applies: bool,
    /// The cap as a percent (a day-weighted average when segments differ).
    pub cap_percent: Option<Decimal>,
    /// Its period.
    pub cap_per: Option<CapPer>,
    /// What the percent is taken of.
    pub cap_base: Decimal,
    /// The most these charges may be, rounded half-up to cents.
    pub cap_amount: Decimal,
    /// The charges this cap counts.
    pub charged: Decimal,
    /// `max(0, charged − cap_amount)`.
    pub excess: Decimal,
    /// The LPR row used (single-rate LPR caps).
    pub lpr: Option<LprRow>,
    /// The parts of the period under different rates (private lending).
    pub segments: Vec<Segment>,
    /// Assumptions and explanations.
    pub notes: Vec<Note>,
}

fn result(
    rule: &'static Rule,
    applies: bool,
    cap_percent: Option<Decimal>,
    base: Decimal,
    cap_exact: Decimal,
    charged: Decimal,
) -> Result<CapResult> {
    let cap_amount = round_cents(cap_exact);
    Ok(CapResult {
        rule,
        applies,
        cap_percent,
        cap_per: rule.cap_per,
        cap_base: base,
        cap_amount,
        charged,
        excess: sub(charged, cap_amount)?.max(Decimal::ZERO),
        lpr: None,
        segments: Vec::new(),
        notes: Vec::new(),
    })
}

fn stale_note(pack: &RulePack, date: Date) -> Option<Note> {
    (date > pack.lpr_confirmed_through).then(|| Note {
        code: "lprUnconfirmedAfter",
        message: format!(
            "LPR fixings after {} are not confirmed in this rule pack; the last known rate was used for {date}",
            pack.lpr_confirmed_through
        ),
    })
}

fn private_cap(pack: &'static RulePack, ctx: &CapContext) -> Result<CapResult> {
    let lpr_rule = pack.rule(ids::PRIVATE_LPR)?;
    let old_rule = pack.rule(ids::PRIVATE_2015)?;
    let transition = pack.rule(ids::PRIVATE_TRANSITION)?;
    let multiple = lpr_rule
        .lpr_multiple
        .ok_or_else(|| missing(ids::PRIVATE_LPR))?;
    let old_percent = old_rule
        .cap_percent
        .ok_or_else(|| missing(ids::PRIVATE_2015))?;
    let split = transition
        .split_date
        .ok_or_else(|| missing(ids::PRIVATE_TRANSITION))?;
    let applies = lpr_rule.applies_to(ctx.jurisdiction, ctx.lender);
    let charged = ctx.charges.total;
    let mut notes = Vec::new();
    let latest = *pack.latest_lpr()?;

    let contract = match (ctx.contract_date, ctx.period) {
        (Some(c), _) => c,
        (None, Some((from, _))) => {
            notes.push(Note {
                code: "contractDateAssumed",
                message: format!("contractDate not given: the contract was assumed made on the first overdue day, {from}; the cap uses the LPR of the contract date, so give it for an exact figure"),
            });
            from
        }
        (None, None) => {
            notes.push(Note {
                code: "contractDateAssumed",
                message: format!("contractDate not given: the latest LPR in the pack ({}, from {}) was used; the cap uses the LPR of the contract date, so give it for an exact figure", latest.one_year, latest.from),
            });
            latest.from
        }
    };

    if contract >= split {
        let row = *pack.lpr_on(contract).ok_or_else(|| missing("lpr"))?;
        notes.extend(stale_note(pack, contract));
        let percent = mul(multiple, row.one_year)?;
        let exact = cap_for_days(ctx.base, percent, ctx.days, ctx.day_basis)?;
        let mut r = result(lpr_rule, applies, Some(percent), ctx.base, exact, charged)?;
        r.cap_per = Some(CapPer::Year);
        r.lpr = Some(row);
        r.notes = notes;
        return Ok(r);
    }

    // A contract made before the split date: Art. 31.
    let filing = match (ctx.filing_date, ctx.period) {
        (Some(f), _) => f,
        (None, Some((_, to))) => {
            notes.push(Note {
                code: "filingDateAssumed",
                message: format!("filingDate not given: the case was assumed filed on the last overdue date, {to}"),
            });
            to
        }
        (None, None) => {
            notes.push(Note {
                code: "filingDateAssumed",
                message: format!("filingDate not given: the latest LPR in the pack (from {}) was used for the days from {split}", latest.from),
            });
            latest.from
        }
    };
    if filing < split {
        let exact = cap_for_days(ctx.base, old_percent, ctx.days, ctx.day_basis)?;
        let mut r = result(
            old_rule,
            applies,
            Some(old_percent),
            ctx.base,
            exact,
            charged,
        )?;
        notes.push(Note {
            code: "filedBefore20200820",
            message: format!(
                "a case filed before {split} follows the 2015 rule for the whole period"
            ),
        });
        r.notes = notes;
        return Ok(r);
    }
    let (before_days, range_before, range_after) = match ctx.period {
        Some((from, to)) => {
            let cut = if split < from {
                from
            } else if split > to {
                to
            } else {
                split
            };
            let before = u32::try_from(from.days_until(cut).max(0)).unwrap_or(0);
            (
                before.min(ctx.days),
                (Some(from), Some(cut)),
                (Some(cut), Some(to)),
            )
        }
        None => {
            notes.push(Note {
                code: "periodAssumedAfterSplit",
                message: format!("without from/to dates the whole overdue period was assumed to fall on or after {split}"),
            });
            (0, (None, None), (None, None))
        }
    };
    let after_days = ctx.days - before_days;
    let row = *pack.lpr_on(filing).ok_or_else(|| missing("lpr"))?;
    notes.extend(stale_note(pack, filing));
    let new_percent = mul(multiple, row.one_year)?;
    let mut segments = Vec::new();
    if before_days > 0 {
        segments.push(Segment {
            rule: ids::PRIVATE_2015,
            from: range_before.0,
            to: range_before.1,
            days: before_days,
            cap_percent: old_percent,
            lpr: None,
            cap_amount: cap_for_days(ctx.base, old_percent, before_days, ctx.day_basis)?,
        });
    }
    if after_days > 0 {
        segments.push(Segment {
            rule: ids::PRIVATE_LPR,
            from: range_after.0,
            to: range_after.1,
            days: after_days,
            cap_percent: new_percent,
            lpr: Some(row),
            cap_amount: cap_for_days(ctx.base, new_percent, after_days, ctx.day_basis)?,
        });
    }
    let exact = segments
        .iter()
        .try_fold(Decimal::ZERO, |acc, s| add(acc, s.cap_amount))?;
    let weighted = div(
        segments.iter().try_fold(Decimal::ZERO, |acc, s| {
            add(acc, mul(s.cap_percent, Decimal::from(s.days))?)
        })?,
        Decimal::from(ctx.days.max(1)),
    )?;
    let mut r = result(
        transition,
        applies,
        Some(weighted),
        ctx.base,
        exact,
        charged,
    )?;
    r.cap_per = Some(CapPer::Year);
    r.segments = segments;
    r.notes = notes;
    Ok(r)
}

fn per_year(
    pack: &'static RulePack,
    id: &str,
    ctx: &CapContext,
    charged: Decimal,
) -> Result<CapResult> {
    let rule = pack.rule(id)?;
    let percent = rule.cap_percent.ok_or_else(|| missing(id))?;
    let exact = cap_for_days(ctx.base, percent, ctx.days, ctx.day_basis)?;
    result(
        rule,
        rule.applies_to(ctx.jurisdiction, ctx.lender),
        Some(percent),
        ctx.base,
        exact,
        charged,
    )
}

/// Evaluates every cap of the pack against `ctx`, in a fixed order: the
/// private-lending cap, the financial 24 % line, the 36 % reference line, the
/// credit-card no-interest-on-fees rule, then the three UK HCSTC caps.
pub fn evaluate_caps(pack: &'static RulePack, ctx: &CapContext) -> Result<Vec<CapResult>> {
    let mut out = vec![
        private_cap(pack, ctx)?,
        per_year(pack, ids::FINANCIAL_24, ctx, ctx.charges.total)?,
    ];

    let mut illegal = per_year(pack, ids::ILLEGAL_LENDING_36, ctx, ctx.charges.total)?;
    illegal.notes.push(Note {
        code: "criminalReferenceOnly",
        message: "a criminal-law reference line, not a civil cap: above it, unlicensed regular lending is 'serious' only with a scale condition (≥ 2,000,000 yuan lent, ≥ 800,000 yuan gained, ≥ 50 borrowers, or causing suicide, death or mental disorder); its actual annual rate counts every fee and upfront deduction over the whole loan, of which only the overdue charges are shown here".into(),
    });
    out.push(illegal);

    let card = pack.rule(ids::CARD_NO_INTEREST_ON_FEES)?;
    out.push(result(
        card,
        card.applies_to(ctx.jurisdiction, ctx.lender),
        None,
        ctx.base,
        card.cap_amount
            .ok_or_else(|| missing(ids::CARD_NO_INTEREST_ON_FEES))?,
        ctx.charges.interest_on_fees,
    )?);

    let uk_note = Note {
        code: "ukHcstcScope",
        message: "applies to high-cost short-term credit only (APR ≥ 100 % and repayable within 12 months), on the amount borrowed (here: the overdue principal); charges already paid count towards the total cost cap too".into(),
    };
    let initial = pack.rule(ids::UK_INITIAL)?;
    let daily = initial
        .cap_percent
        .ok_or_else(|| missing(ids::UK_INITIAL))?;
    let mut r = result(
        initial,
        initial.applies_to(ctx.jurisdiction, ctx.lender),
        Some(daily),
        ctx.borrowed,
        div(
            mul(mul(ctx.borrowed, daily)?, Decimal::from(ctx.days))?,
            Decimal::ONE_HUNDRED,
        )?,
        ctx.charges.interest,
    )?;
    r.notes.push(uk_note.clone());
    out.push(r);

    let fee = pack.rule(ids::UK_DEFAULT_FEE)?;
    let mut r = result(
        fee,
        fee.applies_to(ctx.jurisdiction, ctx.lender),
        None,
        ctx.borrowed,
        fee.cap_amount.ok_or_else(|| missing(ids::UK_DEFAULT_FEE))?,
        ctx.charges.late_fees,
    )?;
    r.notes.push(Note {
        code: "amountsInPounds",
        message: "the £15 cap compares with the late fees as entered, so enter amounts in pounds"
            .into(),
    });
    out.push(r);

    let total = pack.rule(ids::UK_TOTAL)?;
    let percent = total.cap_percent.ok_or_else(|| missing(ids::UK_TOTAL))?;
    let mut r = result(
        total,
        total.applies_to(ctx.jurisdiction, ctx.lender),
        Some(percent),
        ctx.borrowed,
        div(mul(ctx.borrowed, percent)?, Decimal::ONE_HUNDRED)?,
        ctx.charges.total,
    )?;
    r.notes.push(uk_note);
    out.push(r);
    Ok(out)
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
