//! `collectionLog`: reading a log of collection contacts and reporting which
//! entries look like breaches of the rule pack's conduct rules, whether each
//! rule binds the lender type, and a day-by-day summary.

use crate::calendar::Date;
use crate::collection::{
    self, Channel, Contact, Limits, Recipient, MAX_CONTACTS, MAX_FROM_CHARS, MAX_NOTE_CHARS,
};
use crate::error::{Error, ErrorCode, Result};
use crate::input::{item, wrong_type, Obj, Value};
use crate::rules::{
    self, clock_minutes, BoundSource, ConductRule, Source, CONDUCT_CODES, LENDER_WORDS,
};
use serde::Serialize;

const CHANNEL_WORDS: [(&str, Channel); 5] = [
    ("call", Channel::Call),
    ("sms", Channel::Sms),
    ("visit", Channel::Visit),
    ("app", Channel::App),
    ("other", Channel::Other),
];

const RECIPIENT_WORDS: [(&str, Recipient); 3] = [
    ("me", Recipient::Me),
    ("relatedThirdParty", Recipient::RelatedThirdParty),
    ("unrelatedThirdParty", Recipient::UnrelatedThirdParty),
];

/// One flag: a rule and the entries that look like breaches of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FlagOut {
    /// The rule's code (`lateHours`, `unansweredCalls`, `thirdParty`,
    /// `thirdPartyDisclosure`, or a conduct code).
    pub rule: &'static str,
    /// How many entries.
    pub count: usize,
    /// Indices into the input `contacts`, ascending.
    pub entries: Vec<usize>,
    /// The distinct days involved, ascending.
    pub dates: Vec<String>,
    /// Whether some binding source covers the given lender type (for
    /// `unknown`: every possible lender type).
    pub applies: bool,
    /// The lender types some source binds.
    pub scope: Vec<String>,
    /// `low`, `medium` or `high`.
    pub severity: &'static str,
    /// The binding source for this lender type when the rule applies, else
    /// the rule's lead source.
    pub source: Source,
    /// `law`, `regulation` or `selfRegulation`: what `source` is.
    #[serde(rename = "sourceKind")]
    pub source_kind: &'static str,
    /// `primary`, `secondary` or `reported`: of `source`.
    pub confidence: &'static str,
    /// Set when the article number of `source` is less sure than the document (`reported`).
    #[serde(rename = "articleConfidence", skip_serializing_if = "Option::is_none")]
    pub article_confidence: Option<&'static str>,
    /// The rule's other sources, each with the lender types it binds.
    pub also: Vec<AlsoOut>,
    /// Facts on the same conduct (e.g. a law that binds every lender).
    pub related: Vec<String>,
}

/// A further source of a flag's rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AlsoOut {
    /// Where it comes from.
    #[serde(flatten)]
    pub source: Source,
    /// The lender types it binds.
    pub binds: Vec<String>,
    /// `law`, `regulation` or `selfRegulation`.
    pub kind: &'static str,
    /// `primary`, `secondary` or `reported`.
    pub confidence: &'static str,
    /// Set when the article number is less sure than the document (`reported`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub article_confidence: Option<&'static str>,
}

impl AlsoOut {
    /// The output form of a bound source.
    pub fn new(s: &BoundSource) -> AlsoOut {
        AlsoOut {
            source: s.source.clone(),
            binds: s.binds.clone(),
            kind: s.kind.as_str(),
            confidence: s.confidence.as_str(),
            article_confidence: s.article_confidence.map(|c| c.as_str()),
        }
    }
}

/// One day of the log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DayOut {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Contacts that day.
    pub contacts: u32,
    /// Unanswered calls to the person that day.
    pub unanswered_calls: u32,
    /// Contacts in the quiet hours (with or without consent).
    pub late_contacts: u32,
    /// Contacts with at least one flag.
    pub flagged: u32,
}

/// The output of `collectionLog`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CollectionOut {
    /// The number of contacts.
    pub contacts: usize,
    /// The number of distinct days.
    pub days: usize,
    /// One entry per rule with at least one flagged contact.
    pub flags: Vec<FlagOut>,
    /// Day by day, ascending.
    pub by_day: Vec<DayOut>,
    /// The rule pack's version.
    pub rules_version: String,
}

/// `"YYYY-MM-DDTHH:MM"` as a date and minutes after midnight.
fn date_time(text: &str) -> Option<(Date, u32)> {
    let (d, t) = text.split_once('T')?;
    Some((Date::parse(d)?, clock_minutes(t)?))
}

fn read_contact(v: &Value, path: &str) -> Result<Contact> {
    let o = Obj::new(v, path)?;
    let at_path = o.path_of("at");
    let (date, minute) = match o.req("at")? {
        Value::String(s) => date_time(s).ok_or_else(|| {
            Error::field(
                ErrorCode::InvalidDate,
                &at_path,
                format!("{at_path} must be a real date and time YYYY-MM-DDTHH:MM (00:00–23:59)"),
            )
        })?,
        other => return Err(wrong_type(&at_path, "a string", other)),
    };
    let channel = o.word("channel", &CHANNEL_WORDS, None)?;
    let answered = o.bool_or("answered", true)?;
    if !answered && channel != Channel::Call {
        return Err(Error::field(
            ErrorCode::Conflict,
            o.path_of("answered"),
            "answered false goes with a call only",
        ));
    }
    let to = o.word("to", &RECIPIENT_WORDS, None)?;
    o.opt_str("from", MAX_FROM_CHARS)?;
    o.opt_str("note", MAX_NOTE_CHARS)?;
    let debt_disclosed = o.bool_or("debtDisclosed", false)?;
    let list_path = o.path_of("conduct");
    let mut conduct = Vec::new();
    for (j, c) in o
        .list("conduct", CONDUCT_CODES.len() * 4)?
        .iter()
        .enumerate()
    {
        let p = item(&list_path, j);
        let Value::String(word) = c else {
            return Err(wrong_type(&p, "a string", c));
        };
        let Some(k) = CONDUCT_CODES.iter().position(|w| w == word) else {
            return Err(Error::field(
                ErrorCode::UnknownValue,
                &p,
                format!("{p} must be one of {}", CONDUCT_CODES.join(", ")),
            ));
        };
        if !conduct.contains(&k) {
            conduct.push(k);
        }
    }
    o.finish()?;
    Ok(Contact {
        date,
        minute,
        channel,
        answered,
        to,
        conduct,
        debt_disclosed,
    })
}

fn flag_out(f: collection::Flag, r: &ConductRule, lender: rules::Lender) -> Result<FlagOut> {
    let lead = r
        .binding_source(lender)
        .or_else(|| r.lead())
        .ok_or_else(|| rules::missing(f.code))?;
    Ok(FlagOut {
        rule: f.code,
        count: f.entries.len(),
        entries: f.entries,
        dates: f.dates.iter().map(|d| d.to_string()).collect(),
        applies: r.applies_to(lender),
        scope: r.scope.clone(),
        severity: r.severity.as_str(),
        source: lead.source.clone(),
        source_kind: lead.kind.as_str(),
        confidence: lead.confidence.as_str(),
        article_confidence: lead.article_confidence.map(|c| c.as_str()),
        also: r
            .sources
            .iter()
            .filter(|s| !std::ptr::eq(*s, lead))
            .map(AlsoOut::new)
            .collect(),
        related: r.related.clone(),
    })
}

/// `collectionLog(input)`: the flags and the day-by-day picture of a log.
pub fn collection_log(input: &Value) -> Result<CollectionOut> {
    let o = Obj::new(input, "")?;
    let lender = o.word("lender", &LENDER_WORDS, None)?;
    let consent = o.bool_or("consentToLateContact", false)?;
    let items = o.list("contacts", MAX_CONTACTS)?;
    let list_path = o.path_of("contacts");
    let mut contacts = Vec::with_capacity(items.len());
    for (i, v) in items.iter().enumerate() {
        contacts.push(read_contact(v, &item(&list_path, i))?);
    }
    o.finish()?;
    let pack = rules::pack()?;
    let late = pack
        .conduct("lateHours")
        .ok_or_else(|| rules::missing("lateHours"))?;
    let unanswered = pack
        .conduct("unansweredCalls")
        .ok_or_else(|| rules::missing("unansweredCalls"))?;
    let limits = Limits {
        quiet_from: late
            .from_minute
            .ok_or_else(|| rules::missing("lateHours"))?,
        quiet_to: late.to_minute.ok_or_else(|| rules::missing("lateHours"))?,
        max_unanswered: unanswered
            .max_per_day
            .ok_or_else(|| rules::missing("unansweredCalls"))?,
    };
    let found = collection::check(&contacts, consent, limits);
    let mut flags = Vec::with_capacity(found.flags.len());
    for f in found.flags {
        let r = pack.conduct(f.code).ok_or_else(|| rules::missing(f.code))?;
        flags.push(flag_out(f, r, lender)?);
    }
    Ok(CollectionOut {
        contacts: contacts.len(),
        days: found.days.len(),
        flags,
        by_day: found
            .days
            .iter()
            .map(|d| DayOut {
                date: d.date.to_string(),
                contacts: d.contacts,
                unanswered_calls: d.unanswered_calls,
                late_contacts: d.late_contacts,
                flagged: d.flagged,
            })
            .collect(),
        rules_version: pack.version.clone(),
    })
}
