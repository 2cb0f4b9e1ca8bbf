//! Reading API input: a loose value tree, and a reader that validates it field
//! by field with the path of every field in its errors.
//!
//! The wasm binding deserializes a JS object into a [`Value`] (through serde;
//! the embedded rule pack is read into one by [`json::parse`]),
//! and every API function reads its arguments from that tree with an
//! [`Obj`]. The host-side tests and the fuzzer build the same trees, so they
//! exercise exactly the validation the browser runs.

use crate::calendar::Date;
use crate::error::{Error, ErrorCode, Result};
use crate::money::{
    decimal_from_js_number, decimal_from_js_number_full, parse_decimal, DayBasis, ParseProblem,
    Per, Rate, MAX_ANNUAL_PERCENT, MAX_MONEY,
};
use rust_decimal::Decimal;
use std::cell::RefCell;

pub mod json;
mod value;

pub use value::{Value, MAX_DEPTH};

/// Joins a parent path and a key: `fees[1]` + `amount` = `fees[1].amount`.
///
/// Paths are built for every field read, error or not, so they are built
/// without `format!`: for a 361-flow `cashflowRate`, core::fmt was a third
/// of the time.
pub fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        return key.to_owned();
    }
    let mut path = String::with_capacity(parent.len() + 1 + key.len());
    path.push_str(parent);
    path.push('.');
    path.push_str(key);
    path
}

/// The path of item `i` of the list at `list`: `fees` and 1 give `fees[1]`
/// (without `format!`, as [`join`]; the digits by the figures' writer).
pub fn item(list: &str, i: usize) -> String {
    let Ok(n) = u32::try_from(i) else {
        // No list is that long (the longest allows 10,000 items).
        return format!("{list}[{i}]");
    };
    let mut path = Vec::with_capacity(list.len() + 12);
    path.extend_from_slice(list.as_bytes());
    path.push(b'[');
    crate::money::push_u32(&mut path, n);
    path.push(b']');
    // A str, ASCII brackets and digits: valid UTF-8.
    String::from_utf8(path).unwrap_or_default()
}

/// Which of two alternative keys an object gives ([`Obj::one_of`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OneOf {
    /// The first key named.
    First,
    /// The second key named.
    Second,
}

/// A reader over one input object. Every key it is asked for is marked as
/// used; [`Obj::finish`] then rejects any key nobody asked for.
pub struct Obj<'a> {
    pairs: &'a [(String, Value)],
    path: String,
    used: RefCell<Vec<bool>>,
}

impl<'a> Obj<'a> {
    /// A reader over `value`, which must be an object; `path` names it in errors
    /// (empty for the top level).
    pub fn new(value: &'a Value, path: &str) -> Result<Obj<'a>> {
        match value {
            Value::Object(pairs) => Ok(Obj {
                pairs,
                path: path.to_owned(),
                used: RefCell::new(vec![false; pairs.len()]),
            }),
            Value::Null if !path.is_empty() => Err(Error::field(
                ErrorCode::MissingField,
                path,
                format!("{path} is required"),
            )),
            other => Err(wrong_type(path, "an object", other)),
        }
    }

    /// The path of `key` inside this object.
    pub fn path_of(&self, key: &str) -> String {
        join(&self.path, key)
    }

    /// The value at `key`, treating `null` and `undefined` as absent.
    pub fn get(&self, key: &str) -> Option<&'a Value> {
        let i = self.pairs.iter().position(|(k, _)| k == key)?;
        self.used.borrow_mut()[i] = true;
        match &self.pairs[i].1 {
            Value::Null => None,
            v => Some(v),
        }
    }

    /// Whether `key` holds a value (not null or undefined).
    pub fn has(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Which of the alternative keys `first` and `second` holds a value; exactly
    /// one must. Both is a `conflict` at this object (`<path> gives both <both>;
    /// give one`), neither a `missingField` at `first` (`<path> needs <neither>`).
    pub fn one_of(&self, first: &str, second: &str, both: &str, neither: &str) -> Result<OneOf> {
        let path = &self.path;
        match (self.has(first), self.has(second)) {
            (true, false) => Ok(OneOf::First),
            (false, true) => Ok(OneOf::Second),
            (true, true) => Err(Error::field(
                ErrorCode::Conflict,
                path,
                format!("{path} gives both {both}; give one"),
            )),
            (false, false) => Err(Error::field(
                ErrorCode::MissingField,
                self.path_of(first),
                format!("{path} needs {neither}"),
            )),
        }
    }

    /// The value at `key`, or a `missingField` error.
    pub fn req(&self, key: &str) -> Result<&'a Value> {
        self.get(key).ok_or_else(|| {
            let p = self.path_of(key);
            Error::field(ErrorCode::MissingField, &p, format!("{p} is required"))
        })
    }

    /// Rejects keys that no reader asked for.
    pub fn finish(self) -> Result<()> {
        let used = self.used.borrow();
        match self.pairs.iter().zip(used.iter()).find(|(_, u)| !**u) {
            Some(((k, _), _)) => {
                let p = self.path_of(k);
                Err(Error::field(
                    ErrorCode::UnknownField,
                    &p,
                    format!("{p} is not a field this function knows"),
                ))
            }
            None => Ok(()),
        }
    }

    /// A nested object at `key`.
    pub fn req_obj(&self, key: &str) -> Result<Obj<'a>> {
        Obj::new(self.req(key)?, &self.path_of(key))
    }

    /// A nested object at `key`, if present.
    pub fn opt_obj(&self, key: &str) -> Result<Option<Obj<'a>>> {
        self.get(key)
            .map(|v| Obj::new(v, &self.path_of(key)))
            .transpose()
    }

    /// A list at `key` (absent = empty), at most `max` long.
    pub fn list(&self, key: &str, max: usize) -> Result<&'a [Value]> {
        let p = self.path_of(key);
        match self.get(key) {
            None => Ok(&[]),
            Some(Value::Array(items)) if items.len() > max => Err(Error::field(
                ErrorCode::TooManyItems,
                &p,
                format!("{p} has {} items; at most {max} are accepted", items.len()),
            )),
            Some(Value::Array(items)) => Ok(items),
            Some(other) => Err(wrong_type(&p, "a list", other)),
        }
    }

    /// A decimal at `key` within `[min, max]`, from a numeral string or a JS number.
    pub fn decimal_in(&self, key: &str, min: Decimal, max: Decimal) -> Result<Decimal> {
        let p = self.path_of(key);
        let d = to_decimal(self.req(key)?, &p)?;
        check_range(d, min, max, &p)?;
        Ok(d)
    }

    /// A computed quantity within `[min, max]` at `key` (a fraction of a
    /// period, periods in a year): as [`Obj::decimal_in`], except that a JS
    /// number keeps all the digits JS prints for it
    /// ([`decimal_from_js_number_full`]), not only ten places.
    pub fn fraction_in(&self, key: &str, min: Decimal, max: Decimal) -> Result<Decimal> {
        let p = self.path_of(key);
        let d = match self.req(key)? {
            Value::Number(n) => to_decimal_with(decimal_from_js_number_full(*n), &p)?,
            v => to_decimal(v, &p)?,
        };
        check_range(d, min, max, &p)?;
        Ok(d)
    }

    /// An amount of money ≥ 0 at `key`, up to [`MAX_MONEY`].
    pub fn money(&self, key: &str) -> Result<Decimal> {
        money_at(self.req(key)?, &self.path_of(key))
    }

    /// An amount of money of at least one cent at `key`.
    pub fn positive_money(&self, key: &str) -> Result<Decimal> {
        let d = self.money(key)?;
        if d < Decimal::new(1, 2) {
            let p = self.path_of(key);
            return Err(if d.is_zero() {
                not_positive(&p)
            } else {
                let message = format!("{p} is less than one cent; it must be at least 0.01");
                Error::field(ErrorCode::BelowMinimum, &p, message)
            });
        }
        Ok(d)
    }

    /// An optional amount of money ≥ 0 at `key`.
    pub fn opt_money(&self, key: &str) -> Result<Option<Decimal>> {
        self.get(key)
            .map(|v| money_at(v, &self.path_of(key)))
            .transpose()
    }

    /// A whole number at `key` within `[min, max]`.
    pub fn int_in(&self, key: &str, min: u32, max: u32) -> Result<u32> {
        int_at(self.req(key)?, &self.path_of(key), min, max)
    }

    /// An optional whole number at `key` within `[min, max]`.
    pub fn opt_int_in(&self, key: &str, min: u32, max: u32) -> Result<Option<u32>> {
        self.get(key)
            .map(|v| int_at(v, &self.path_of(key), min, max))
            .transpose()
    }

    /// A boolean at `key` (absent = `default`).
    pub fn bool_or(&self, key: &str, default: bool) -> Result<bool> {
        match self.get(key) {
            None => Ok(default),
            Some(Value::Bool(b)) => Ok(*b),
            Some(other) => Err(wrong_type(&self.path_of(key), "true or false", other)),
        }
    }

    /// A string at `key`, if present.
    pub fn opt_str(&self, key: &str, max_len: usize) -> Result<Option<&'a str>> {
        let p = self.path_of(key);
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(s)) if s.chars().count() > max_len => Err(Error::field(
                ErrorCode::OutOfRange,
                &p,
                format!("{p} is longer than {max_len} characters"),
            )),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(other) => Err(wrong_type(&p, "a string", other)),
        }
    }

    /// One of `words` at `key`; absent gives `default` when there is one.
    pub fn word<T: Copy>(&self, key: &str, words: &[(&str, T)], default: Option<T>) -> Result<T> {
        let p = self.path_of(key);
        let v = match (self.get(key), default) {
            (None, Some(d)) => return Ok(d),
            (None, None) => {
                return Err(Error::field(
                    ErrorCode::MissingField,
                    &p,
                    format!("{p} is required"),
                ))
            }
            (Some(v), _) => v,
        };
        let Value::String(s) = v else {
            return Err(wrong_type(&p, "a string", v));
        };
        words
            .iter()
            .find(|(w, _)| w == s)
            .map(|(_, t)| *t)
            .ok_or_else(|| {
                let allowed: Vec<&str> = words.iter().map(|(w, _)| *w).collect();
                Error::field(
                    ErrorCode::UnknownValue,
                    &p,
                    format!("{p} must be one of {}", allowed.join(", ")),
                )
            })
    }

    /// A date `YYYY-MM-DD` at `key`, if present.
    pub fn opt_date(&self, key: &str) -> Result<Option<Date>> {
        self.get(key)
            .map(|v| date_at(v, &self.path_of(key)))
            .transpose()
    }

    /// A date at `key`.
    pub fn date(&self, key: &str) -> Result<Date> {
        date_at(self.req(key)?, &self.path_of(key))
    }

    /// A rate `{ percent, per }` at `key`, ≥ 0 and at most [`MAX_ANNUAL_PERCENT`] a year.
    pub fn rate(&self, key: &str, basis: DayBasis) -> Result<Rate> {
        let o = self.req_obj(key)?;
        let rate = read_rate(&o, basis)?;
        o.finish()?;
        Ok(rate)
    }

    /// The `dayBasis` field: 360 (default) or 365.
    pub fn day_basis(&self) -> Result<DayBasis> {
        match self.opt_int_in("dayBasis", 360, 365)? {
            None | Some(360) => Ok(DayBasis::D360),
            Some(365) => Ok(DayBasis::D365),
            Some(_) => {
                let p = self.path_of("dayBasis");
                Err(Error::field(
                    ErrorCode::UnknownValue,
                    &p,
                    format!("{p} must be 360 or 365"),
                ))
            }
        }
    }
}

/// Reads `percent` and `per` from a rate object.
pub fn read_rate(o: &Obj<'_>, basis: DayBasis) -> Result<Rate> {
    let per = o.word(
        "per",
        &[
            ("day", Per::Day),
            ("month", Per::Month),
            ("year", Per::Year),
        ],
        None,
    )?;
    let p = o.path_of("percent");
    let percent = to_decimal(o.req("percent")?, &p)?;
    if percent.is_sign_negative() && !percent.is_zero() {
        return Err(Error::field(
            ErrorCode::NegativeAmount,
            &p,
            format!("{p} must not be negative"),
        ));
    }
    let rate = Rate::new(percent, per);
    let annual = rate.annual_percent(basis).map_err(|e| e.or_field(&p))?;
    if annual > MAX_ANNUAL_PERCENT {
        return Err(Error::field(
            ErrorCode::TooLarge,
            &p,
            format!("{p} is above {MAX_ANNUAL_PERCENT} % a year, the highest rate this calculator accepts"),
        ));
    }
    Ok(rate)
}

/// The error for a value of the wrong kind (`field` is `None` for the input as a whole).
pub fn wrong_type(path: &str, expected: &str, got: &Value) -> Error {
    if path.is_empty() {
        let message = format!("the input must be {expected}, not {}", got.kind());
        return Error::general(ErrorCode::WrongType, message);
    }
    let message = format!("{path} must be {expected}, not {}", got.kind());
    Error::field(ErrorCode::WrongType, path, message)
}

/// A decimal from a numeral string or a finite JS number.
pub fn to_decimal(v: &Value, path: &str) -> Result<Decimal> {
    let parsed = match v {
        Value::String(s) => parse_decimal(s),
        Value::Number(n) => decimal_from_js_number(*n),
        other => return Err(wrong_type(path, "a number or a numeral string", other)),
    };
    to_decimal_with(parsed, path)
}

/// The error for a numeral that could not be read, named by its path.
fn to_decimal_with(
    parsed: std::result::Result<Decimal, ParseProblem>,
    path: &str,
) -> Result<Decimal> {
    parsed.map_err(|problem| match problem {
        ParseProblem::NotANumber => Error::field(
            ErrorCode::InvalidNumber,
            path,
            format!("{path} is not a number"),
        ),
        ParseProblem::TooManyDecimals => Error::field(
            ErrorCode::TooManyDecimals,
            path,
            format!(
                "{path} has more than {} decimal places",
                crate::money::MAX_INPUT_DP
            ),
        ),
        ParseProblem::TooLarge => Error::field(
            ErrorCode::TooLarge,
            path,
            format!("{path} is far too large"),
        ),
    })
}

/// The error for a zero (or, for a count, negative) where more than 0 is needed.
pub fn not_positive(path: &str) -> Error {
    Error::field(
        ErrorCode::NotPositive,
        path,
        format!("{path} must be more than 0"),
    )
}

fn check_range(d: Decimal, min: Decimal, max: Decimal, path: &str) -> Result<()> {
    if d < min || d > max {
        return Err(Error::field(
            ErrorCode::OutOfRange,
            path,
            format!("{path} must be between {min} and {max}"),
        ));
    }
    Ok(())
}

/// Money ≥ 0 and ≤ [`MAX_MONEY`].
pub fn money_at(v: &Value, path: &str) -> Result<Decimal> {
    let d = to_decimal(v, path)?;
    if d.is_sign_negative() && !d.is_zero() {
        return Err(Error::field(
            ErrorCode::NegativeAmount,
            path,
            format!("{path} must not be negative"),
        ));
    }
    if d > MAX_MONEY {
        return Err(Error::field(
            ErrorCode::TooLarge,
            path,
            format!("{path} is above {MAX_MONEY}, the largest amount accepted"),
        ));
    }
    Ok(d)
}

/// A signed amount of money within ±[`MAX_MONEY`].
pub fn signed_money_at(v: &Value, path: &str) -> Result<Decimal> {
    let d = to_decimal(v, path)?;
    if d.abs() > MAX_MONEY {
        return Err(Error::field(
            ErrorCode::TooLarge,
            path,
            format!("{path} is beyond ±{MAX_MONEY}, the largest amount accepted"),
        ));
    }
    Ok(d)
}

/// A whole number within `[min, max]`, from a JS number or a numeral string.
pub fn int_at(v: &Value, path: &str, min: u32, max: u32) -> Result<u32> {
    let d = to_decimal(v, path)?;
    if !d.fract().is_zero() {
        return Err(Error::field(
            ErrorCode::NotWhole,
            path,
            format!("{path} must be a whole number"),
        ));
    }
    if min > 0 && d <= Decimal::ZERO {
        return Err(not_positive(path));
    }
    check_range(d, Decimal::from(min), Decimal::from(max), path)?;
    u32::try_from(d.mantissa() / 10i128.pow(d.scale())).map_err(|_| {
        Error::field(
            ErrorCode::OutOfRange,
            path,
            format!("{path} is out of range"),
        )
    })
}

/// A calendar date `YYYY-MM-DD`.
pub fn date_at(v: &Value, path: &str) -> Result<Date> {
    match v {
        Value::String(s) => Date::parse(s).ok_or_else(|| {
            Error::field(
                ErrorCode::InvalidDate,
                path,
                format!("{path} must be a real date written YYYY-MM-DD, between 1900 and 2200"),
            )
        }),
        other => Err(wrong_type(path, "a date string YYYY-MM-DD", other)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_as_format_writes_them() {
        for (list, i) in [
            ("fees", 0),
            ("flows", 360),
            ("debts", 49),
            ("x", usize::MAX),
        ] {
            assert_eq!(item(list, i), format!("{list}[{i}]"));
        }
        assert_eq!(join("", "principal"), "principal");
        assert_eq!(join("fees[1]", "amount"), "fees[1].amount");
    }

    #[test]
    fn paths_name_nested_fields() {
        let v = Value::obj([(
            "fees",
            Value::Array(vec![Value::obj([("amount", Value::str("x"))])]),
        )]);
        let o = Obj::new(&v, "").unwrap();
        let fees = o.list("fees", 10).unwrap();
        let f = Obj::new(&fees[0], "fees[0]").unwrap();
        let e = f.money("amount").unwrap_err();
        assert_eq!(
            (e.code, e.field.as_deref()),
            (ErrorCode::InvalidNumber, Some("fees[0].amount"))
        );
    }

    #[test]
    fn unknown_fields_are_rejected() {
        let v = Value::obj([("principle", Value::Number(1.0))]);
        let o = Obj::new(&v, "").unwrap();
        assert!(o.get("principal").is_none());
        let e = o.finish().unwrap_err();
        assert_eq!(
            (e.code, e.field.as_deref()),
            (ErrorCode::UnknownField, Some("principle"))
        );
    }

    #[test]
    fn deep_nesting_is_refused_not_a_crash() {
        let nested = |depth: usize| format!("{}1{}", "{\"a\":".repeat(depth), "}".repeat(depth));
        assert!(serde_json::from_str::<Value>(&nested(MAX_DEPTH)).is_ok());
        let err = serde_json::from_str::<Value>(&nested(MAX_DEPTH + 1)).unwrap_err();
        assert!(err.to_string().contains("nest more than"), "{err}");
    }

    #[test]
    fn whole_numbers() {
        let o = |v: Value| int_at(&v, "n", 1, 600);
        assert_eq!(o(Value::Number(360.0)), Ok(360));
        assert_eq!(o(Value::str("12")), Ok(12));
        assert_eq!(o(Value::Number(1.5)).unwrap_err().code, ErrorCode::NotWhole);
        assert_eq!(
            o(Value::Number(601.0)).unwrap_err().code,
            ErrorCode::OutOfRange
        );
        assert_eq!(
            o(Value::Number(-1.0)).unwrap_err().code,
            ErrorCode::NotPositive
        );
        assert_eq!(
            o(Value::Number(0.0)).unwrap_err().code,
            ErrorCode::NotPositive
        );
        assert_eq!(o(Value::Bool(true)).unwrap_err().code, ErrorCode::WrongType);
    }
}
