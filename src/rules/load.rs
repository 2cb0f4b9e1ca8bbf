//! Reading and validating `rules.json` into a [`RulePack`].
//!
//! The pack is read by `input::json` into the same loose [`Value`] tree as API
//! input and checked field by field: unknown and missing fields are errors
//! with their paths, every other error names its entry (`rule <id>`,
//! `fact <id>`, …). Every text entry shares the same reading of its three
//! texts ([`Texts`]) and of its source and confidence ([`Cited`]).

use super::Lender;
use super::{
    clock_minutes, covers, ids, BoundSource, CapPer, ComplaintRoute, ConductRule, Confidence, Fact,
    Jurisdiction, LprRow, PlanBasis, Rule, RulePack, Severity, Source, SourceKind, CONDUCT_CODES,
    CONDUCT_LIMIT_CODES, LENDER_WORDS, ROUTE_KINDS, UK_HCSTC_SCOPE,
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
    Ok(with_unknown(scope))
}

/// A scope that names every possible lender of record also names `unknown`:
/// whoever the unknown lender is, the entry concerns them.
fn with_unknown(mut scope: Vec<String>) -> Vec<String> {
    let unknown = Lender::Unknown.as_str();
    if !scope.iter().any(|s| s == unknown) && covers(&scope, Lender::Unknown) {
        scope.push(unknown.to_owned());
    }
    scope
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
/// and missing ones are errors with their paths. Each section has its reader;
/// the cross-checks (every conduct code has its rule, the evaluator's ids
/// have their figures) run on the whole pack.
pub fn load(json: &str) -> LoadResult<RulePack> {
    let root =
        crate::input::json::parse(json).map_err(|e| format!("the rule pack is not JSON: {e}"))?;
    let o = object(&root, "")?;
    let lpr = lpr_rows(&o)?;
    let rules = read_rules(&o)?;
    let facts = read_facts(&o)?;
    let conduct_rules = read_conduct_rules(&o, &facts)?;
    let complaint_routes = read_routes(&o)?;
    let plan_bases = read_plan_bases(&o)?;
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
    check_conduct_figures(&pack)?;
    check_rule_figures(&pack)?;
    Ok(pack)
}

/// The entries of the list `key`, each as an object with its path.
fn entries<'a>(o: &Obj<'a>, key: &str) -> LoadResult<Vec<Obj<'a>>> {
    list(o, key)?
        .iter()
        .enumerate()
        .map(|(i, v)| object(v, &format!("{key}[{i}]")))
        .collect()
}

/// Errors when `id` is already among `seen`.
fn unique<'a>(mut seen: impl Iterator<Item = &'a str>, id: &str, what: &str) -> LoadResult<()> {
    if seen.any(|q| q == id) {
        return Err(format!("{what}: the id repeats"));
    }
    Ok(())
}

/// The `rules` section: caps, lines and notes with their figures.
fn read_rules(o: &Obj<'_>) -> LoadResult<Vec<Rule>> {
    let mut rules: Vec<Rule> = Vec::new();
    for r in entries(o, "rules")? {
        let id = text(&r, "id")?.to_owned();
        let what = format!("rule {id}");
        unique(rules.iter().map(|q| q.id.as_str()), &id, &what)?;
        let rule = read_rule(&r, id, &what)?;
        finish(r)?;
        rules.push(rule);
    }
    Ok(rules)
}

fn read_rule(r: &Obj<'_>, id: String, what: &str) -> LoadResult<Rule> {
    let jurisdiction = match text(r, "jurisdiction")? {
        "cn" => Jurisdiction::Cn,
        "uk" => Jurisdiction::Uk,
        other => return Err(format!("{what}: unknown jurisdiction {other}")),
    };
    let scope = scope_of(r, what, &[UK_HCSTC_SCOPE])?;
    let cap_per = match r.opt_str("capPer", MAX_TEXT).map_err(|e| e.to_string())? {
        None => None,
        Some("year") => Some(CapPer::Year),
        Some("day") => Some(CapPer::Day),
        Some("total") => Some(CapPer::Total),
        Some(other) => return Err(format!("{what}: unknown capPer {other}")),
    };
    let cap_percent = opt_number_at(r, "capPercent", what)?;
    if cap_percent.is_some() != cap_per.is_some() {
        return Err(format!("{what}: capPercent and capPer go together"));
    }
    let split_date = match r
        .opt_str("splitDate", MAX_TEXT)
        .map_err(|e| e.to_string())?
    {
        Some(d) => Some(date(d, what)?),
        None => None,
    };
    // Read in this order, so that of two faults the same one is reported.
    let kind = text(r, "kind")?.to_owned();
    let cap_amount = opt_number_at(r, "capAmount", what)?;
    let currency = opt_text(r, "currency")?;
    let lpr_multiple = opt_number_at(r, "lprMultiple", what)?;
    let max_months = r
        .opt_int_in("maxMonths", 1, 600)
        .map_err(|e| e.to_string())?;
    let markup_min_percent = opt_number_at(r, "markupMinPercent", what)?;
    let markup_max_percent = opt_number_at(r, "markupMaxPercent", what)?;
    let Texts { zh, zh_tw, en } = Texts::read(r)?;
    let Cited { source, confidence } = Cited::read(r, what)?;
    Ok(Rule {
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
        as_of: as_of(r, what)?,
    })
}

/// The `facts` section: what a borrower must know, each with its lender types.
fn read_facts(o: &Obj<'_>) -> LoadResult<Vec<Fact>> {
    let mut facts: Vec<Fact> = Vec::new();
    for f in entries(o, "facts")? {
        let id = text(&f, "id")?.to_owned();
        let what = format!("fact {id}");
        unique(facts.iter().map(|q| q.id.as_str()), &id, &what)?;
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
    Ok(facts)
}

/// The `conductRules` section: what the collection log checks, each rule with
/// its sources (binding law first) and the lender types each binds.
fn read_conduct_rules(o: &Obj<'_>, facts: &[Fact]) -> LoadResult<Vec<ConductRule>> {
    let mut conduct_rules: Vec<ConductRule> = Vec::new();
    for c in entries(o, "conductRules")? {
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
        let sources = bound_sources(&c, &what)?;
        let mut scope: Vec<String> = Vec::new();
        for (word, _) in LENDER_WORDS {
            if sources.iter().any(|s| s.binds.iter().any(|b| b == word)) {
                scope.push(word.to_owned());
            }
        }
        let scope = with_unknown(scope);
        let from_minute = clock_at(&c, "fromTime", &what)?;
        let to_minute = clock_at(&c, "toTime", &what)?;
        let max_per_day = c
            .opt_int_in("maxPerDay", 1, 1000)
            .map_err(|e| e.to_string())?;
        let Texts { zh, zh_tw, en } = Texts::read(&c)?;
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
            sources,
            as_of: as_of(&c, &what)?,
            related,
        };
        finish(c)?;
        conduct_rules.push(rule);
    }
    Ok(conduct_rules)
}

/// A conduct rule's `sources`: at least one, each a source with its `kind`,
/// the lender types it `binds`, its confidence and, when an article number
/// is less sure than the document, `articleConfidence`.
fn bound_sources(c: &Obj<'_>, what: &str) -> LoadResult<Vec<BoundSource>> {
    let mut out = Vec::new();
    for (j, v) in list(c, "sources")?.iter().enumerate() {
        let path = format!("{}[{j}]", c.path_of("sources"));
        let s = object(v, &path)?;
        let here = format!("{what}: sources[{j}]");
        let kind = match text(&s, "kind")? {
            "law" => SourceKind::Law,
            "regulation" => SourceKind::Regulation,
            "selfRegulation" => SourceKind::SelfRegulation,
            other => return Err(format!("{here}: unknown kind {other}")),
        };
        let mut binds = Vec::new();
        for (k, b) in list(&s, "binds")?.iter().enumerate() {
            match b {
                Value::String(w) if LENDER_WORDS.iter().any(|(l, _)| l == w) => {
                    binds.push(w.clone())
                }
                _ => return Err(format!("{here}: binds[{k}] is not a known lender type")),
            }
        }
        if binds.is_empty() {
            return Err(format!("{here}: binds must list known lender types"));
        }
        let source = Source {
            document: text(&s, "document")?.to_owned(),
            article: opt_text(&s, "article")?,
            date: text(&s, "date")?.to_owned(),
            effective: opt_text(&s, "effective")?,
        };
        let conf = confidence(text(&s, "confidence")?, &here)?;
        let article_confidence = opt_text(&s, "articleConfidence")?
            .map(|t| confidence(&t, &here))
            .transpose()?;
        if article_confidence.is_some() && source.article.is_none() {
            return Err(format!("{here}: articleConfidence without an article"));
        }
        finish(s)?;
        out.push(BoundSource {
            source,
            kind,
            binds,
            confidence: conf,
            article_confidence,
        });
    }
    if out.is_empty() {
        return Err(format!("{what}: sources must list at least one source"));
    }
    Ok(out)
}

/// The `complaintRoutes` section.
fn read_routes(o: &Obj<'_>) -> LoadResult<Vec<ComplaintRoute>> {
    let mut complaint_routes: Vec<ComplaintRoute> = Vec::new();
    for c in entries(o, "complaintRoutes")? {
        let id = text(&c, "id")?.to_owned();
        let what = format!("complaint route {id}");
        unique(complaint_routes.iter().map(|q| q.id.as_str()), &id, &what)?;
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
    Ok(complaint_routes)
}

/// The `planBases` section (optional).
fn read_plan_bases(o: &Obj<'_>) -> LoadResult<Vec<PlanBasis>> {
    if !o.has("planBases") {
        return Ok(Vec::new());
    }
    let mut plan_bases: Vec<PlanBasis> = Vec::new();
    for b in entries(o, "planBases")? {
        let id = text(&b, "id")?.to_owned();
        let what = format!("plan basis {id}");
        unique(plan_bases.iter().map(|q| q.id.as_str()), &id, &what)?;
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
    Ok(plan_bases)
}

/// Every conduct code the log accepts has its rule, with its figures.
fn check_conduct_figures(pack: &RulePack) -> LoadResult<()> {
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
    Ok(())
}

/// The ids and figures the evaluator needs must be present.
fn check_rule_figures(pack: &RulePack) -> LoadResult<()> {
    let figures: [(&str, HasFigure); 13] = [
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
        (ids::UNLICENSED_VOID, |r| {
            r.scope.iter().any(|s| s == Lender::Unlicensed.as_str())
        }),
    ];
    for (id, has_figure) in figures {
        if !pack.find(id).is_some_and(has_figure) {
            return Err(format!("rule {id} is missing or lacks its figure"));
        }
    }
    Ok(())
}
