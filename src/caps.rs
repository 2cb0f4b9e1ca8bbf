//! Evaluating the legal caps of the rule pack against an overdue debt's charges.
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
//! For a case from the loan (missed instalments overdue different days)
//! `base × d` is `Σ principal × its own days` (a part of the period, the
//! 2020-08-20 split, takes its share of it in proportion to its days).

use crate::calendar::Date;
use crate::error::Result;
use crate::money::{add, div, mul, round_cents, sub, DayBasis};
use crate::rules::{ids, missing, CapPer, Jurisdiction, Lender, LprRow, Rule, RulePack};
use rust_decimal::Decimal;

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

/// A [`CapContext`] with, for a case of several parts overdue different
/// days (the missed instalments of a loan), Σ principal × its own days,
/// which replaces `base × days` in every per-day and per-year cap (`base`
/// and `borrowed` are then the sum of the parts' principal).
struct Ctx {
    inner: CapContext,
    principal_days: Option<Decimal>,
}

impl std::ops::Deref for Ctx {
    type Target = CapContext;
    fn deref(&self) -> &CapContext {
        &self.inner
    }
}

impl Ctx {
    /// `amount × days`, or for a case of parts its share of
    /// `principal_days`: `principal_days × days ÷ self.days`.
    fn amount_days(&self, amount: Decimal, days: u32) -> Result<Decimal> {
        match self.principal_days {
            None => mul(amount, Decimal::from(days)),
            Some(_) if self.days == 0 => Ok(Decimal::ZERO),
            Some(pd) => div(mul(pd, Decimal::from(days))?, Decimal::from(self.days)),
        }
    }

    /// The cap at `percent` a year on the base for `days` days, exact:
    /// `base × percent × days ÷ (100 × basis)`.
    fn cap(&self, percent: Decimal, days: u32) -> Result<Decimal> {
        div(
            mul(self.amount_days(self.base, days)?, percent)?,
            mul(Decimal::ONE_HUNDRED, self.day_basis.days())?,
        )
    }
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

/// The note that LPR fixings after the pack's confirmed date are assumed, when `date` is after it.
pub fn stale_note(pack: &RulePack, date: Date) -> Option<Note> {
    (date > pack.lpr_confirmed_through).then(|| Note {
        code: "lprUnconfirmedAfter",
        message: format!(
            "LPR fixings after {} are not confirmed in this rule pack; the last known rate was used for {date}",
            pack.lpr_confirmed_through
        ),
    })
}

fn private_cap(pack: &'static RulePack, ctx: &Ctx) -> Result<CapResult> {
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
        let exact = ctx.cap(percent, ctx.days)?;
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
        let exact = ctx.cap(old_percent, ctx.days)?;
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
            cap_amount: ctx.cap(old_percent, before_days)?,
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
            cap_amount: ctx.cap(new_percent, after_days)?,
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

fn per_year(pack: &'static RulePack, id: &str, ctx: &Ctx, charged: Decimal) -> Result<CapResult> {
    let rule = pack.rule(id)?;
    let percent = rule.cap_percent.ok_or_else(|| missing(id))?;
    let exact = ctx.cap(percent, ctx.days)?;
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
    evaluate_caps_of_parts(pack, ctx, None)
}

/// [`evaluate_caps`] for a case of parts overdue different days (the missed
/// instalments of a loan): `principal_days` = Σ principal × its own days
/// replaces `base × days` (see the module docs).
pub fn evaluate_caps_of_parts(
    pack: &'static RulePack,
    ctx: &CapContext,
    principal_days: Option<Decimal>,
) -> Result<Vec<CapResult>> {
    let ctx = &Ctx {
        inner: *ctx,
        principal_days,
    };
    let mut private = private_cap(pack, ctx)?;
    if !private.applies {
        // Its notes explain date assumptions, which do not matter when it does not apply.
        private.notes.clear();
    }
    let mut out = vec![
        private,
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
            mul(ctx.amount_days(ctx.borrowed, ctx.days)?, daily)?,
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
