//! Reading and validating `rules.json` into a [`RulePack`].
//!
//! The pack is read by `input::json` into the same loose [`Value`] tree as API
//! input and checked field by field: unknown and missing fields are errors
//! with their paths, every other error names its entry (`rule <id>`,
//! `fact <id>`, …). Every text entry shares the same reading of its three
//! texts ([`Texts`]) and of its source and confidence ([`Cited`]).

use super::{
    clock_minutes, ids, CapPer, ComplaintRoute, ConductRule, Confidence, Fact, Jurisdiction,
    LprRow, PlanBasis, Rule, RulePack, Severity, Source, CONDUCT_CODES, CONDUCT_LIMIT_CODES,
    LENDER_WORDS, ROUTE_KINDS, UK_HCSTC_SCOPE,
};
use crate::calendar::Date;
use crate::input::{Obj, Value};
use crate::money::parse_decimal;
use rust_decimal::Decimal;

pub(super) type LoadResult<T> = std::result::Result<T, String>;

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

/// The longest text the pack may hold in one field.
const MAX_TEXT: usize = 10_000;

fn text<'a>(o: &Obj<'a>, key: &str) -> LoadResult<&'a str> {
    o.opt_str(key, MAX_TEXT)
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("{} is required", o.path_of(key)))
}

fn opt_text(o: &Obj<'_>, key: &str) -> LoadResult<Option<String>> {
    Ok(o.opt_str(key, MAX_TEXT)
        .map_err(|e| e.to_string())?
        .map(str::to_owned))
}

fn lender_scope(o: &Obj<'_>, what: &str) -> LoadResult<Vec<String>> {
    scope_of(o, what, &[])
}

/// The `scope` list: known lender types, or one of `also`.
fn scope_of(o: &Obj<'_>, what: &str, also: &[&str]) -> LoadResult<Vec<String>> {
    let mut scope = Vec::new();
    for (j, s) in list(o, "scope")?.iter().enumerate() {
        match s {
            Value::String(w)
                if also.contains(&w.as_str()) || LENDER_WORDS.iter().any(|(l, _)| l == w) =>
            {
                scope.push(w.clone())
            }
            _ => return Err(format!("{what}: scope[{j}] is not a known lender type")),
        }
    }
    if scope.is_empty() {
        return Err(format!("{what}: the scope must list known lender types"));
    }
    Ok(scope)
}

fn clock_at(o: &Obj<'_>, key: &str, what: &str) -> LoadResult<Option<u32>> {
    match opt_text(o, key)? {
        None => Ok(None),
        Some(t) => clock_minutes(&t)
            .map(Some)
            .ok_or_else(|| format!("{what}: {key} {t} is not a time HH:MM")),
    }
}

fn object<'a>(v: &'a Value, path: &str) -> LoadResult<Obj<'a>> {
    Obj::new(v, path).map_err(|e| e.to_string())
}

fn list<'a>(o: &Obj<'a>, key: &str) -> LoadResult<&'a [Value]> {
    o.list(key, 1000).map_err(|e| e.to_string())
}

fn finish(o: Obj<'_>) -> LoadResult<()> {
    o.finish().map_err(|e| e.to_string())
}

fn source(o: &Obj<'_>, key: &str, what: &str) -> LoadResult<Source> {
    let s = object(o.req(key).map_err(|e| e.to_string())?, &o.path_of(key))?;
    let source = Source {
        document: text(&s, "document")?.to_owned(),
        article: opt_text(&s, "article")?,
        date: text(&s, "date")?.to_owned(),
        effective: opt_text(&s, "effective")?,
    };
    finish(s)?;
    if source.document.trim().is_empty() || source.date.trim().is_empty() {
        return Err(format!("{what}: the source needs a document and a date"));
    }
    Ok(source)
}

/// Whether a rule carries the figure the evaluator reads from it.
type HasFigure = fn(&Rule) -> bool;

/// The three texts of an entry: `zh`, `zhTW` (Traditional) and `en`.
struct Texts {
    zh: String,
    zh_tw: String,
    en: String,
}

impl Texts {
    fn read(o: &Obj<'_>) -> LoadResult<Texts> {
        Ok(Texts {
            zh: text(o, "zh")?.to_owned(),
            zh_tw: text(o, "zhTW")?.to_owned(),
            en: text(o, "en")?.to_owned(),
        })
    }
}

/// Where an entry comes from (`source`) and how sure we are of it
/// (`confidence`: primary, secondary or reported).
struct Cited {
    source: Source,
    confidence: Confidence,
}

impl Cited {
    fn read(o: &Obj<'_>, what: &str) -> LoadResult<Cited> {
        Ok(Cited {
            source: source(o, "source", what)?,
            confidence: confidence(text(o, "confidence")?, what)?,
        })
    }
}

/// The entry's `asOf` date.
fn as_of(o: &Obj<'_>, what: &str) -> LoadResult<Date> {
    date(text(o, "asOf")?, what)
}

fn opt_number_at(o: &Obj<'_>, key: &str, what: &str) -> LoadResult<Option<Decimal>> {
    o.opt_str(key, MAX_TEXT)
        .map_err(|e| e.to_string())?
        .map(|t| number(t, what))
        .transpose()
}

/// The LPR table (`lpr`): rows in date order, each rate in (0, 100).
fn lpr_rows(o: &Obj<'_>) -> LoadResult<Vec<LprRow>> {
    let mut lpr: Vec<LprRow> = Vec::new();
    for (i, v) in list(o, "lpr")?.iter().enumerate() {
        let what = format!("lpr[{i}]");
        let r = object(v, &what)?;
        let row = LprRow {
            from: date(text(&r, "from")?, &what)?,
            one_year: number(text(&r, "oneYearPercent")?, &what)?,
            five_year: number(text(&r, "fiveYearPercent")?, &what)?,
        };
        finish(r)?;
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
    Ok(lpr)
}

/// Parses and validates the pack's header and LPR table alone (the copy
/// `build.rs` writes as `lpr.json`): a [`RulePack`] without rules, facts,
/// conduct rules, routes or plan bases.
pub fn load_lpr(json: &str) -> LoadResult<RulePack> {
    let root =
        crate::input::json::parse(json).map_err(|e| format!("the LPR table is not JSON: {e}"))?;
    let o = object(&root, "")?;
    let pack = RulePack {
        version: text(&o, "version")?.to_owned(),
        as_of: date(text(&o, "asOf")?, "asOf")?,
        lpr_confirmed_through: date(text(&o, "lprConfirmedThrough")?, "lprConfirmedThrough")?,
        lpr_source: source(&o, "lprSource", "lprSource")?,
        lpr_confidence: confidence(text(&o, "lprConfidence")?, "lprConfidence")?,
        lpr: lpr_rows(&o)?,
        rules: Vec::new(),
        facts: Vec::new(),
        conduct_rules: Vec::new(),
        complaint_routes: Vec::new(),
        plan_bases: Vec::new(),
    };
    finish(o)?;
    Ok(pack)
}

/// Parses and validates a rule pack. The JSON is read into the same loose
/// [`Value`] tree as API input and checked field by field, so unknown fields
/// and missing ones are errors with their paths.
pub fn load(json: &str) -> LoadResult<RulePack> {
    let root =
        crate::input::json::parse(json).map_err(|e| format!("the rule pack is not JSON: {e}"))?;
    let o = object(&root, "")?;
    let lpr = lpr_rows(&o)?;
    let mut rules: Vec<Rule> = Vec::new();
    for (i, v) in list(&o, "rules")?.iter().enumerate() {
        let r = object(v, &format!("rules[{i}]"))?;
        let id = text(&r, "id")?.to_owned();
        let what = format!("rule {id}");
        if rules.iter().any(|q| q.id == id) {
            return Err(format!("{what}: the id repeats"));
        }
        let jurisdiction = match text(&r, "jurisdiction")? {
            "cn" => Jurisdiction::Cn,
            "uk" => Jurisdiction::Uk,
            other => return Err(format!("{what}: unknown jurisdiction {other}")),
        };
        let scope = scope_of(&r, &what, &[UK_HCSTC_SCOPE])?;
        let cap_per = match r.opt_str("capPer", MAX_TEXT).map_err(|e| e.to_string())? {
            None => None,
            Some("year") => Some(CapPer::Year),
            Some("day") => Some(CapPer::Day),
            Some("total") => Some(CapPer::Total),
            Some(other) => return Err(format!("{what}: unknown capPer {other}")),
        };
        let cap_percent = opt_number_at(&r, "capPercent", &what)?;
        if cap_percent.is_some() != cap_per.is_some() {
            return Err(format!("{what}: capPercent and capPer go together"));
        }
        let split_date = match r
            .opt_str("splitDate", MAX_TEXT)
            .map_err(|e| e.to_string())?
        {
            Some(d) => Some(date(d, &what)?),
            None => None,
        };
        // Read in this order, so that of two faults the same one is reported.
        let kind = text(&r, "kind")?.to_owned();
        let cap_amount = opt_number_at(&r, "capAmount", &what)?;
        let currency = opt_text(&r, "currency")?;
        let lpr_multiple = opt_number_at(&r, "lprMultiple", &what)?;
        let max_months = r
            .opt_int_in("maxMonths", 1, 600)
            .map_err(|e| e.to_string())?;
        let markup_min_percent = opt_number_at(&r, "markupMinPercent", &what)?;
        let markup_max_percent = opt_number_at(&r, "markupMaxPercent", &what)?;
        let Texts { zh, zh_tw, en } = Texts::read(&r)?;
        let Cited { source, confidence } = Cited::read(&r, &what)?;
        let rule = Rule {
            id,
            kind,
            jurisdiction,
            scope,
            cap_percent,
            cap_per,
            cap_amount,
            currency,
            lpr_multiple,
            split_date,
            max_months,
            markup_min_percent,
            markup_max_percent,
            zh,
            zh_tw,
            en,
            source,
            confidence,
            as_of: as_of(&r, &what)?,
        };
        finish(r)?;
        rules.push(rule);
    }
    let mut facts: Vec<Fact> = Vec::new();
    for (i, v) in list(&o, "facts")?.iter().enumerate() {
        let f = object(v, &format!("facts[{i}]"))?;
        let id = text(&f, "id")?.to_owned();
        let what = format!("fact {id}");
        if facts.iter().any(|q| q.id == id) {
            return Err(format!("{what}: the id repeats"));
        }
        let Texts { zh, zh_tw, en } = Texts::read(&f)?;
        let Cited { source, confidence } = Cited::read(&f, &what)?;
        let fact = Fact {
            id,
            zh,
            zh_tw,
            en,
            source,
            confidence,
            scope: lender_scope(&f, &what)?,
        };
        finish(f)?;
        facts.push(fact);
    }
    let mut conduct_rules: Vec<ConductRule> = Vec::new();
    for (i, v) in list(&o, "conductRules")?.iter().enumerate() {
        let c = object(v, &format!("conductRules[{i}]"))?;
        let code = text(&c, "code")?.to_owned();
        let what = format!("conduct rule {code}");
        if !CONDUCT_CODES.contains(&code.as_str()) && !CONDUCT_LIMIT_CODES.contains(&code.as_str())
        {
            return Err(format!("{what}: unknown code"));
        }
        if conduct_rules.iter().any(|q| q.code == code) {
            return Err(format!("{what}: the code repeats"));
        }
        let severity = match text(&c, "severity")? {
            "low" => Severity::Low,
            "medium" => Severity::Medium,
            "high" => Severity::High,
            other => return Err(format!("{what}: unknown severity {other}")),
        };
        let mut related = Vec::new();
        for (j, r) in list(&c, "related")?.iter().enumerate() {
            match r {
                Value::String(id) if facts.iter().any(|f| &f.id == id) => related.push(id.clone()),
                _ => return Err(format!("{what}: related[{j}] is not a fact id")),
            }
        }
        let scope = lender_scope(&c, &what)?;
        let from_minute = clock_at(&c, "fromTime", &what)?;
        let to_minute = clock_at(&c, "toTime", &what)?;
        let max_per_day = c
            .opt_int_in("maxPerDay", 1, 1000)
            .map_err(|e| e.to_string())?;
        let Texts { zh, zh_tw, en } = Texts::read(&c)?;
        let Cited { source, confidence } = Cited::read(&c, &what)?;
        let rule = ConductRule {
            code,
            scope,
            severity,
            from_minute,
            to_minute,
            max_per_day,
            zh,
            zh_tw,
            en,
            source,
            confidence,
            as_of: as_of(&c, &what)?,
            related,
        };
        finish(c)?;
        conduct_rules.push(rule);
    }
    let mut complaint_routes: Vec<ComplaintRoute> = Vec::new();
    for (i, v) in list(&o, "complaintRoutes")?.iter().enumerate() {
        let c = object(v, &format!("complaintRoutes[{i}]"))?;
        let id = text(&c, "id")?.to_owned();
        let what = format!("complaint route {id}");
        if complaint_routes.iter().any(|q| q.id == id) {
            return Err(format!("{what}: the id repeats"));
        }
        let kind = text(&c, "kind")?;
        if !ROUTE_KINDS.contains(&kind) {
            return Err(format!("{what}: unknown kind {kind}"));
        }
        let scope = lender_scope(&c, &what)?;
        let contact = opt_text(&c, "contact")?;
        let Texts { zh, zh_tw, en } = Texts::read(&c)?;
        let Cited { source, confidence } = Cited::read(&c, &what)?;
        let route = ComplaintRoute {
            id,
            kind: kind.to_owned(),
            scope,
            contact,
            zh,
            zh_tw,
            en,
            source,
            confidence,
        };
        finish(c)?;
        complaint_routes.push(route);
    }
    let mut plan_bases: Vec<PlanBasis> = Vec::new();
    let bases = if o.has("planBases") {
        list(&o, "planBases")?
    } else {
        &[]
    };
    for (i, v) in bases.iter().enumerate() {
        let b = object(v, &format!("planBases[{i}]"))?;
        let id = text(&b, "id")?.to_owned();
        let what = format!("plan basis {id}");
        if plan_bases.iter().any(|q| q.id == id) {
            return Err(format!("{what}: the id repeats"));
        }
        let standing = text(&b, "standing")?;
        if !["contract", "lenderDiscretion", "practice"].contains(&standing) {
            return Err(format!(
                "{what}: standing {standing} is not contract, lenderDiscretion or practice"
            ));
        }
        let conf = match text(&b, "confidence")? {
            "contract" => Confidence::Contract,
            other => confidence(other, &what)?,
        };
        let basis = PlanBasis {
            rule: text(&b, "rule")?.to_owned(),
            confidence: conf,
            standing: standing.to_owned(),
            note: text(&b, "note")?.to_owned(),
            id,
        };
        finish(b)?;
        plan_bases.push(basis);
    }
    let pack = RulePack {
        plan_bases,
        version: text(&o, "version")?.to_owned(),
        as_of: date(text(&o, "asOf")?, "asOf")?,
        lpr_confirmed_through: date(text(&o, "lprConfirmedThrough")?, "lprConfirmedThrough")?,
        lpr_source: source(&o, "lprSource", "lprSource")?,
        lpr_confidence: confidence(text(&o, "lprConfidence")?, "lprConfidence")?,
        lpr,
        rules,
        facts,
        conduct_rules,
        complaint_routes,
    };
    finish(o)?;
    // Every conduct code the log accepts has its rule, with its figures.
    for code in CONDUCT_LIMIT_CODES.iter().chain(CONDUCT_CODES.iter()) {
        let Some(r) = pack.conduct(code) else {
            return Err(format!("conduct rule {code} is missing"));
        };
        let figures = match *code {
            "lateHours" => r.from_minute.is_some() && r.to_minute.is_some(),
            "unansweredCalls" => r.max_per_day.is_some(),
            _ => true,
        };
        if !figures {
            return Err(format!("conduct rule {code} lacks its figure"));
        }
    }
    // The ids and figures the evaluator needs must be present.
    let figures: [(&str, HasFigure); 12] = [
        (ids::PRIVATE_LPR, |r| r.lpr_multiple.is_some()),
        (ids::PRIVATE_2015, |r| r.cap_per == Some(CapPer::Year)),
        (ids::PRIVATE_TRANSITION, |r| r.split_date.is_some()),
        (ids::FINANCIAL_24, |r| r.cap_per == Some(CapPer::Year)),
        (ids::ILLEGAL_LENDING_36, |r| r.cap_per == Some(CapPer::Year)),
        (ids::CARD_NO_INTEREST_ON_FEES, |r| r.cap_amount.is_some()),
        (ids::UK_INITIAL, |r| r.cap_per == Some(CapPer::Day)),
        (ids::UK_DEFAULT_FEE, |r| r.cap_amount.is_some()),
        (ids::UK_TOTAL, |r| r.cap_per == Some(CapPer::Total)),
        (ids::BANK_MARKUP, |_| true),
        (ids::PAYMENT_ORDER, |_| true),
        (ids::PAYMENT_ORDER_FEES, |_| true),
    ];
    for (id, has_figure) in figures {
        if !pack.find(id).is_some_and(has_figure) {
            return Err(format!("rule {id} is missing or lacks its figure"));
        }
    }
    Ok(pack)
}
