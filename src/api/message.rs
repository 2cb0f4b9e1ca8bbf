//! `readMessage`: reads a pasted collector's message (`text`, and when it
//! arrived, `receivedAt`) and shapes what [`crate::message::read`] found,
//! each finding with its UTF-16 `start` and `end` in `text`.

use crate::calendar::Date;
use crate::error::{Error, ErrorCode, Result};
use crate::input::{wrong_type, Obj, Value};
use crate::message::{self, Received, MAX_TEXT_UNITS};
use serde::Serialize;

/// One amount.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AmountOut {
    /// Yuan with two decimals.
    pub value: super::MoneyText,
    /// `owed`, `principal`, `interest`, `penalty`, `lateFee`, `fee`,
    /// `collectionFee`, `settlement`, or `null`.
    pub label: Option<&'static str>,
    /// UTF-16 offset of the first unit.
    pub start: usize,
    /// UTF-16 offset past the last unit.
    pub end: usize,
}

/// One deadline; `date` and `time` only when known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeadlineOut {
    /// `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// `HH:MM`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    /// UTF-16 offset of the first unit.
    pub start: usize,
    /// UTF-16 offset past the last unit.
    pub end: usize,
}

/// One phone number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PhoneOut {
    /// Digits only.
    pub number: String,
    /// UTF-16 offset of the first unit.
    pub start: usize,
    /// UTF-16 offset past the last unit.
    pub end: usize,
}

/// One link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LinkOut {
    /// The link as written.
    pub url: String,
    /// UTF-16 offset of the first unit.
    pub start: usize,
    /// UTF-16 offset past the last unit.
    pub end: usize,
}

/// One conduct signal or warning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CodeOut {
    /// The code.
    pub code: &'static str,
    /// UTF-16 offset of the first unit.
    pub start: usize,
    /// UTF-16 offset past the last unit.
    pub end: usize,
}

/// The output of `readMessage`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MessageOut {
    /// Amounts with their labels.
    pub amounts: Vec<AmountOut>,
    /// The days overdue the message states, or `null`.
    pub days_overdue: Option<u32>,
    /// Stated deadlines.
    pub deadlines: Vec<DeadlineOut>,
    /// Phone numbers.
    pub phones: Vec<PhoneOut>,
    /// Links.
    pub links: Vec<LinkOut>,
    /// What the words do (the collection log's conduct codes).
    pub conduct: Vec<CodeOut>,
    /// `personalAccount`, `paymentLink`.
    pub warnings: Vec<CodeOut>,
}

/// `readMessage({ text, receivedAt? })`.
pub fn read_message(input: &Value) -> Result<MessageOut> {
    let o = Obj::new(input, "")?;
    let text = match o.req("text")? {
        Value::String(s) => s.as_str(),
        other => return Err(wrong_type("text", "a string", other)),
    };
    let units = message::utf16_len(text);
    if units > MAX_TEXT_UNITS {
        return Err(Error::field(
            ErrorCode::TooLarge,
            "text",
            format!("text has {units} characters; at most {MAX_TEXT_UNITS} are read"),
        ));
    }
    let received = match o.get("receivedAt") {
        None => None,
        Some(Value::String(s)) => Some(received_at(s).ok_or_else(|| {
            Error::field(
                ErrorCode::InvalidDate,
                "receivedAt",
                "receivedAt must be a real date and time written YYYY-MM-DDTHH:MM",
            )
        })?),
        Some(other) => {
            return Err(wrong_type(
                "receivedAt",
                "a date and time string YYYY-MM-DDTHH:MM",
                other,
            ))
        }
    };
    o.finish()?;
    let r = message::read(text, received);
    let code = |span: message::Span, c: &'static str| CodeOut {
        code: c,
        start: span.start,
        end: span.end,
    };
    Ok(MessageOut {
        amounts: r
            .amounts
            .iter()
            .map(|a| AmountOut {
                value: crate::money::fmt_money(a.value),
                label: a.label.map(message::Label::code),
                start: a.span.start,
                end: a.span.end,
            })
            .collect(),
        days_overdue: r.days_overdue,
        deadlines: r
            .deadlines
            .iter()
            .map(|d| DeadlineOut {
                date: d.date.map(|x| x.to_string()),
                time: d.minute.map(|m| format!("{:02}:{:02}", m / 60, m % 60)),
                start: d.span.start,
                end: d.span.end,
            })
            .collect(),
        phones: r
            .phones
            .iter()
            .map(|p| PhoneOut {
                number: p.number.clone(),
                start: p.span.start,
                end: p.span.end,
            })
            .collect(),
        links: r
            .links
            .iter()
            .map(|l| LinkOut {
                url: l.url.clone(),
                start: l.span.start,
                end: l.span.end,
            })
            .collect(),
        conduct: r
            .conduct
            .iter()
            .map(|f| code(f.span, f.what.code()))
            .collect(),
        warnings: r
            .warnings
            .iter()
            .map(|f| code(f.span, f.what.code()))
            .collect(),
    })
}

/// `YYYY-MM-DDTHH:MM`, strictly.
fn received_at(s: &str) -> Option<Received> {
    let (d, t) = s.split_once('T')?;
    let date = Date::parse(d)?;
    let minute = crate::rules::clock_minutes(t)?;
    Some(Received { date, minute })
}
