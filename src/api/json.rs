//! The JSON text of `loanTerms`, written by hand for its schedule rows.
//!
//! A 360-row schedule is ~2,000 strings; through serde_json's generic map
//! serializer (key escaping, one `write` per piece) they were the largest
//! share of a call. Here the rows are written straight into one buffer, and
//! everything else still goes through serde: the output is serialized with an
//! empty schedule and the rows are spliced into its `"schedule":[]`. Tests
//! check that the text is byte-for-byte what serde_json writes for the same
//! value (`tests/properties.rs`), so the two can never drift apart. The wasm
//! binding takes the rows as a flat list instead ([`loan_terms_parts`]).

use super::terms::{LoanTermsOut, RowOut};
use crate::error::{Error, ErrorCode, Result};
use crate::money::{push_money, push_u32};
use crate::schedule::Row;

/// What serde_json writes first for a `LoanTermsOut` with an empty schedule.
const EMPTY_SCHEDULE: &str = "{\"schedule\":[]";

/// `out` as JSON text, identical to `serde_json::to_string(&out)`.
pub fn loan_terms(out: LoanTermsOut) -> Result<String> {
    let (rest, rows) = split(out)?;
    let Some(tail) = rest.strip_prefix(EMPTY_SCHEDULE) else {
        return Err(unwritable());
    };
    // ~115 bytes a row ({"period":360,"payment":"5307.27",…}).
    let mut json = Vec::with_capacity(rest.len() + rows.len() * 120 + 16);
    json.extend_from_slice(b"{\"schedule\":[");
    for (k, r) in rows.iter().enumerate() {
        if k > 0 {
            json.push(b',');
        }
        row(&mut json, r);
    }
    json.push(b']');
    json.extend_from_slice(tail.as_bytes());
    // Every byte written is ASCII or comes from a `&str`, so this never fails.
    String::from_utf8(json).map_err(|_| unwritable())
}

/// `out` (whose `schedule` is left empty) and its `rows` in two parts for
/// the wasm binding: the JSON text of everything but the rows (with
/// `"schedule":[]`), and the rows' fields ([`ROW_FIELDS`] for each row,
/// `dueDate` empty when there is none) as one string: first one character per
/// field giving its length (`'0'` + length), then the fields back to back.
/// The JS side (`src/wasm/schedule.js`) cuts the fields out by length and
/// builds the row objects; that costs a fifth of what `JSON.parse` takes for
/// the same rows (the largest single cost of a call in the browser), and half
/// of splitting on a separator.
pub fn loan_terms_parts(out: &LoanTermsOut, rows: &[Row]) -> Result<(String, String)> {
    let rest = serde_json::to_string(out).map_err(|_| unwritable())?;
    if !rest.starts_with(EMPTY_SCHEDULE) {
        return Err(unwritable());
    }
    let mut lengths = Vec::with_capacity(rows.len() * ROW_FIELDS.len());
    // ~45 bytes a row ("3605307.275285.7021.570.000.00").
    let mut fields = Vec::with_capacity(rows.len() * 48);
    let mut mark = |fields: &Vec<u8>, start: usize| -> Result<()> {
        // A field is at most 33 bytes (a date, a period or a figure), so the
        // length character is ASCII ('0' to 'Q'); anything longer is refused.
        let len = u8::try_from(fields.len() - start)
            .ok()
            .filter(|n| *n <= 74)
            .ok_or_else(unwritable)?;
        lengths.push(b'0' + len);
        Ok(())
    };
    for r in rows {
        let start = fields.len();
        push_u32(&mut fields, r.period);
        mark(&fields, start)?;
        let start = fields.len();
        if let Some(date) = r.due_date {
            fields.extend_from_slice(date.to_string().as_bytes());
        }
        mark(&fields, start)?;
        for v in [r.payment, r.principal, r.interest, r.fees, r.balance] {
            let start = fields.len();
            push_money(&mut fields, v);
            mark(&fields, start)?;
        }
    }
    lengths.extend_from_slice(&fields);
    Ok((rest, String::from_utf8(lengths).map_err(|_| unwritable())?))
}

/// The fields of one row in [`loan_terms_parts`]' list, in order.
pub const ROW_FIELDS: [&str; 7] = [
    "period",
    "dueDate",
    "payment",
    "principal",
    "interest",
    "fees",
    "balance",
];

/// The output without its rows, as serde_json writes it, and the rows.
fn split(mut out: LoanTermsOut) -> Result<(String, Vec<RowOut>)> {
    let rows = std::mem::take(&mut out.schedule);
    let rest = serde_json::to_string(&out).map_err(|_| unwritable())?;
    Ok((rest, rows))
}

fn unwritable() -> Error {
    Error::general(ErrorCode::Overflow, "the schedule could not be written")
}

/// One row, in `RowOut`'s field order and serde names.
fn row(buf: &mut Vec<u8>, r: &RowOut) {
    buf.extend_from_slice(b"{\"period\":");
    push_u32(buf, r.period);
    if let Some(date) = &r.due_date {
        buf.extend_from_slice(b",\"dueDate\":");
        let mut s = String::new();
        push_str(&mut s, date);
        buf.extend_from_slice(s.as_bytes());
    }
    for (key, figure) in [
        (&b",\"payment\":\""[..], &r.payment),
        (b",\"principal\":\"", &r.principal),
        (b",\"interest\":\"", &r.interest),
        (b",\"fees\":\"", &r.fees),
        (b",\"balance\":\"", &r.balance),
    ] {
        buf.extend_from_slice(key);
        // A figure is digits, '-' and '.': nothing to escape.
        buf.extend_from_slice(figure.as_bytes());
        buf.push(b'"');
    }
    buf.push(b'}');
}

/// A JSON string, escaped as serde_json escapes it.
fn push_str(buf: &mut String, s: &str) {
    buf.push('"');
    for c in s.chars() {
        match c {
            '"' => buf.push_str("\\\""),
            '\\' => buf.push_str("\\\\"),
            '\n' => buf.push_str("\\n"),
            '\r' => buf.push_str("\\r"),
            '\t' => buf.push_str("\\t"),
            '\u{08}' => buf.push_str("\\b"),
            '\u{0C}' => buf.push_str("\\f"),
            c if u32::from(c) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let v = u32::from(c) as usize;
                buf.push_str("\\u00");
                buf.push(char::from(HEX[v >> 4]));
                buf.push(char::from(HEX[v & 15]));
            }
            c => buf.push(c),
        }
    }
    buf.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_and_numbers_are_written_as_serde_json_writes_them() {
        for n in [0, 7, 10, 360, 4_294_967_295] {
            let mut b = Vec::new();
            push_u32(&mut b, n);
            assert_eq!(b, serde_json::to_string(&n).unwrap().as_bytes());
        }
        let every_control: String = (0u8..0x20).map(char::from).collect();
        for s in [
            "2026-01-31",
            "",
            "say \"hi\" \\ ok",
            &every_control,
            "中文 €",
        ] {
            let mut b = String::new();
            push_str(&mut b, s);
            assert_eq!(b, serde_json::to_string(s).unwrap(), "{s:?}");
        }
    }
}
