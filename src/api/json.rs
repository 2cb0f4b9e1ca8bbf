//! `loanTerms`' rows for the binding, packed in one string, and their
//! unpacking on the host.
//!
//! Through `JSON.parse`, a 360-row schedule's ~2,000 strings were the largest
//! share of a call in the browser. So the binding gets the output's JSON text
//! without its rows and the rows' fields packed in one string
//! ([`loan_terms_parts`]), which `src/wasm/schedule.js` cuts into row objects.
//! [`unpack`] does in Rust what that script does, giving the JSON text the page
//! ends up with, so that `call_json` (the tests and the fuzzer) runs the very
//! path the binding runs; `tests/properties.rs` checks its text is what
//! serde_json writes for the whole output.

use super::terms::LoanTermsOut;
use crate::error::{Error, ErrorCode, Result};
use crate::money::{push_money, push_u32};
use crate::schedule::Row;

/// What serde_json writes first for a `LoanTermsOut` with an empty schedule.
const EMPTY_SCHEDULE: &str = "{\"schedule\":[]";

/// `out` (whose `schedule` is left empty) and its `rows` in two parts for
/// the wasm binding: the JSON text of everything but the rows (with
/// `"schedule":[]`), and the rows' fields ([`ROW_FIELDS`] for each row,
/// `dueDate` empty when there is none) as one string: first one character per
/// field giving its length (`'0'` + length), then the fields back to back.
/// The JS side (`src/wasm/schedule.js`) cuts the fields out by length and
/// builds the row objects; that costs a fifth of what `JSON.parse` takes for
/// the same rows (the largest single cost of a call in the browser), and half
/// of splitting on a separator.
// Unused in a build without `loanTerms` (the `cases` module).
#[cfg_attr(not(feature = "terms"), allow(dead_code))]
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

fn unwritable() -> Error {
    Error::general(ErrorCode::Overflow, "the schedule could not be written")
}

/// The JSON text `withSchedule` in `src/wasm/schedule.js` makes of the two
/// parts of [`loan_terms_parts`]: the rows' fields, cut out by their lengths,
/// as objects in `"schedule"` (`period` a number, `dueDate` left out when
/// empty, every other field a string). The fields are digits, `-`, `.` and
/// dates: nothing to escape. Parts that do not fit together are an error.
pub fn unpack(rest: &str, packed: &str, rows: u32) -> Result<String> {
    let count = usize::try_from(rows).map_err(|_| unwritable())? * ROW_FIELDS.len();
    let tail = rest.strip_prefix(EMPTY_SCHEDULE).ok_or_else(unwritable)?;
    let lengths = packed.as_bytes().get(..count).ok_or_else(unwritable)?;
    let mut at = count;
    let mut json = String::with_capacity(rest.len() + packed.len() * 3);
    json.push_str("{\"schedule\":[");
    for (i, row) in lengths.chunks(ROW_FIELDS.len()).enumerate() {
        if i > 0 {
            json.push(',');
        }
        json.push('{');
        for (k, (name, len)) in ROW_FIELDS.iter().zip(row).enumerate() {
            let end = at + usize::from(len.checked_sub(b'0').ok_or_else(unwritable)?);
            let field = packed.get(at..end).ok_or_else(unwritable)?;
            at = end;
            if *name == "dueDate" && field.is_empty() {
                continue;
            }
            if k > 0 {
                json.push(',');
            }
            json.push('"');
            json.push_str(name);
            json.push_str("\":");
            if *name == "period" {
                json.push_str(field);
            } else {
                json.push('"');
                json.push_str(field);
                json.push('"');
            }
        }
        json.push('}');
    }
    if at != packed.len() {
        return Err(unwritable());
    }
    json.push(']');
    json.push_str(tail);
    Ok(json)
}

#[cfg(test)]
mod tests {
    use super::*;

    const REST: &str = "{\"schedule\":[],\"x\":1}";

    #[test]
    fn unpacks_rows_as_the_page_builds_them() {
        // Row 1 with a due date, row 2 without: lengths, then the fields.
        let fields = ["1", "2026-01-31", "5.00", "4.00", "1.00", "0.00", "4.00"];
        let fields2 = ["2", "", "4.04", "4.00", "0.04", "0.00", "0.00"];
        let all: Vec<&str> = fields.iter().chain(fields2.iter()).copied().collect();
        let mut packed: String = all
            .iter()
            .map(|f| char::from(b'0' + f.len() as u8))
            .collect();
        packed.extend(all.iter().copied());
        assert_eq!(
            unpack(REST, &packed, 2).unwrap(),
            "{\"schedule\":[{\"period\":1,\"dueDate\":\"2026-01-31\",\"payment\":\"5.00\",\"principal\":\"4.00\",\"interest\":\"1.00\",\"fees\":\"0.00\",\"balance\":\"4.00\"},\
             {\"period\":2,\"payment\":\"4.04\",\"principal\":\"4.00\",\"interest\":\"0.04\",\"fees\":\"0.00\",\"balance\":\"0.00\"}],\"x\":1}"
        );
        assert_eq!(unpack(REST, "", 0).unwrap(), REST);
    }

    #[test]
    fn parts_that_do_not_fit_are_an_error_not_a_panic() {
        // Lengths "1000000": a one-byte period, six empty fields.
        for (rest, packed, rows) in [
            (REST, "10000001y", 1),       // a byte left over
            (REST, "1000000", 1),         // a field missing its bytes
            (REST, "100", 1),             // too few lengths
            (REST, "/000000x", 1),        // a length below '0'
            ("{\"x\":1}", "", 0),         // no empty schedule to fill
            (REST, "10000001", u32::MAX), // more rows than lengths
        ] {
            assert_eq!(
                unpack(rest, packed, rows).unwrap_err().code,
                ErrorCode::Overflow,
                "{packed:?}"
            );
        }
    }
}
