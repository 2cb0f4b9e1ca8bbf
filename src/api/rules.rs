//! `legalRules`: the rule pack as data — the LPR table, every rule with its
//! source, confidence and as-of date, and the "know your rights" facts in
//! zh-CN and English.

use super::collection::AlsoOut;
use super::overdue_out::LprOut;
use super::{MoneyText, PercentText};
use crate::money::{fmt_money, fmt_percent, mul};
use crate::rules::{self, Confidence, Jurisdiction, RulePack, Source};
use serde::Serialize;

/// The texts, source and confidence every entry of `legalRules` carries,
/// written in this order where the entry has them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CitedOut {
    /// Simplified Chinese.
    pub zh: String,
    /// Traditional Chinese.
    #[serde(rename = "zhTW")]
    pub zh_tw: String,
    /// English.
    pub en: String,
    /// Where it comes from.
    pub source: Source,
    /// `primary`, `secondary` or `reported`.
    pub confidence: &'static str,
}

impl CitedOut {
    fn new(
        (zh, zh_tw, en): (&str, &str, &str),
        source: &Source,
        confidence: Confidence,
    ) -> CitedOut {
        CitedOut {
            zh: zh.to_owned(),
            zh_tw: zh_tw.to_owned(),
            en: en.to_owned(),
            source: source.clone(),
            confidence: confidence.as_str(),
        }
    }
}

/// A rule as `legalRules` returns it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RuleOut {
    /// Stable id.
    pub id: String,
    /// What sort of rule.
    pub kind: String,
    /// `cn` or `uk`.
    pub jurisdiction: &'static str,
    /// Lender types (or `ukHcstc`).
    pub scope: Vec<String>,
    /// A percent cap.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cap_percent: Option<PercentText>,
    /// Its period: `year`, `day`, `total`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cap_per: Option<&'static str>,
    /// An amount cap.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cap_amount: Option<MoneyText>,
    /// The currency of `capAmount`, when fixed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// A multiple of the one-year LPR (as a plain decimal, `"4"`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lpr_multiple: Option<String>,
    /// The cap at the latest LPR in the table, for display.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cap_percent_at_latest_lpr: Option<PercentText>,
    /// A split date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub split_date: Option<String>,
    /// The longest plan, months.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_months: Option<u32>,
    /// The usual markup range, percent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub markup_min_percent: Option<PercentText>,
    /// See `markupMinPercent`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub markup_max_percent: Option<PercentText>,
    /// English description (same as `en`).
    pub description: String,
    /// Its texts, source and confidence.
    #[serde(flatten)]
    pub cited: CitedOut,
    /// When the entry was last checked.
    pub as_of: String,
}

/// A fact as `legalRules` returns it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FactOut {
    /// Stable id.
    pub id: String,
    /// Its texts, source and confidence.
    #[serde(flatten)]
    pub cited: CitedOut,
    /// The lender types the fact concerns or its source binds.
    pub scope: Vec<String>,
}

/// A collection-conduct rule as `legalRules` returns it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConductRuleOut {
    /// The code a `collectionLog` flag names.
    pub code: String,
    /// The lender types the rule binds.
    pub scope: Vec<String>,
    /// `low`, `medium` or `high`.
    pub severity: &'static str,
    /// For `lateHours`: `"HH:MM"`, the start of the quiet hours.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from_time: Option<String>,
    /// For `lateHours`: `"HH:MM"`, their end (exclusive).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to_time: Option<String>,
    /// For `unansweredCalls`: the attempts a day the rule allows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_per_day: Option<u32>,
    /// Its texts, lead source and confidence.
    #[serde(flatten)]
    pub cited: CitedOut,
    /// Every source, binding law first, each with the lender types it binds.
    pub sources: Vec<AlsoOut>,
    /// When the entry was last checked.
    pub as_of: String,
    /// Ids of facts on the same conduct.
    pub related: Vec<String>,
}

/// A complaint route as `legalRules` returns it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RouteOut {
    /// Stable id.
    pub id: String,
    /// `lender`, `regulator`, `selfRegulator`, `harassment`, `police`, `creditReport`.
    pub kind: String,
    /// The lender types the route serves.
    pub scope: Vec<String>,
    /// A phone number, or `null`.
    pub contact: Option<String>,
    /// Its texts, source and confidence.
    #[serde(flatten)]
    pub cited: CitedOut,
}

/// `"HH:MM"` from minutes after midnight.
pub(crate) fn clock_text(minutes: u32) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    let d = |n: u32| char::from(b'0' + (n % 10) as u8);
    [d(h / 10), d(h), ':', d(m / 10), d(m)].iter().collect()
}

fn conduct_out(r: &rules::ConductRule) -> Option<ConductRuleOut> {
    let lead = r.lead()?;
    Some(ConductRuleOut {
        code: r.code.clone(),
        scope: r.scope.clone(),
        severity: r.severity.as_str(),
        from_time: r.from_minute.map(clock_text),
        to_time: r.to_minute.map(clock_text),
        max_per_day: r.max_per_day,
        cited: CitedOut::new((&r.zh, &r.zh_tw, &r.en), &lead.source, lead.confidence),
        sources: r.sources.iter().map(AlsoOut::new).collect(),
        as_of: r.as_of.to_string(),
        related: r.related.clone(),
    })
}

/// The output of `legalRules`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RulesOut {
    /// When the pack was last checked.
    pub as_of: String,
    /// Data version.
    pub version: String,
    /// The last confirmed LPR fixing.
    pub lpr_confirmed_through: String,
    /// Where the LPR table comes from.
    pub lpr_source: Option<Source>,
    /// How sure we are of the LPR table.
    pub lpr_confidence: &'static str,
    /// LPR rows, oldest first.
    pub lpr: Vec<LprOut>,
    /// Rules.
    pub rules: Vec<RuleOut>,
    /// Facts.
    pub facts: Vec<FactOut>,
    /// Collection-conduct rules (what `collectionLog` checks).
    pub conduct_rules: Vec<ConductRuleOut>,
    /// Where to complain, by lender type.
    pub complaint_routes: Vec<RouteOut>,
    /// Set only if the embedded pack could not be read (tests rule it out).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<String>,
}

fn rule_out(pack: &RulePack, r: &rules::Rule) -> RuleOut {
    let at_latest = match (r.lpr_multiple, pack.lpr.last()) {
        (Some(m), Some(row)) => mul(m, row.one_year).ok().map(fmt_percent),
        _ => None,
    };
    RuleOut {
        id: r.id.clone(),
        kind: r.kind.clone(),
        jurisdiction: match r.jurisdiction {
            Jurisdiction::Cn => "cn",
            Jurisdiction::Uk => "uk",
        },
        scope: r.scope.clone(),
        cap_percent: r.cap_percent.map(fmt_percent),
        cap_per: r.cap_per.map(|p| p.as_str()),
        cap_amount: r.cap_amount.map(fmt_money),
        currency: r.currency.clone(),
        lpr_multiple: r.lpr_multiple.map(|m| m.normalize().to_string()),
        cap_percent_at_latest_lpr: at_latest,
        split_date: r.split_date.map(|d| d.to_string()),
        max_months: r.max_months,
        markup_min_percent: r.markup_min_percent.map(fmt_percent),
        markup_max_percent: r.markup_max_percent.map(fmt_percent),
        description: r.en.clone(),
        cited: CitedOut::new((&r.zh, &r.zh_tw, &r.en), &r.source, r.confidence),
        as_of: r.as_of.to_string(),
    }
}

/// `legalRules()`: the LPR table, rules and facts of the embedded pack.
pub fn legal_rules() -> RulesOut {
    match rules::pack() {
        Ok(p) => RulesOut {
            as_of: p.as_of.to_string(),
            version: p.version.clone(),
            lpr_confirmed_through: p.lpr_confirmed_through.to_string(),
            lpr_source: Some(p.lpr_source.clone()),
            lpr_confidence: p.lpr_confidence.as_str(),
            lpr: p.lpr.iter().map(LprOut::from).collect(),
            rules: p.rules.iter().map(|r| rule_out(p, r)).collect(),
            facts: p
                .facts
                .iter()
                .map(|f| FactOut {
                    id: f.id.clone(),
                    cited: CitedOut::new((&f.zh, &f.zh_tw, &f.en), &f.source, f.confidence),
                    scope: f.scope.clone(),
                })
                .collect(),
            conduct_rules: p.conduct_rules.iter().filter_map(conduct_out).collect(),
            complaint_routes: p
                .complaint_routes
                .iter()
                .map(|c| RouteOut {
                    id: c.id.clone(),
                    kind: c.kind.clone(),
                    scope: c.scope.clone(),
                    contact: c.contact.clone(),
                    cited: CitedOut::new((&c.zh, &c.zh_tw, &c.en), &c.source, c.confidence),
                })
                .collect(),
            problem: None,
        },
        Err(e) => RulesOut {
            as_of: String::new(),
            version: String::new(),
            lpr_confirmed_through: String::new(),
            lpr_source: None,
            lpr_confidence: "",
            lpr: Vec::new(),
            rules: Vec::new(),
            facts: Vec::new(),
            conduct_rules: Vec::new(),
            complaint_routes: Vec::new(),
            problem: Some(e.message),
        },
    }
}
