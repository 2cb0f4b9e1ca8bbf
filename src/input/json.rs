//! JSON text (RFC 8259) into a [`Value`]: the reader of the embedded rule
//! pack (`src/rules/rules.json`).
//!
//! It gives the same tree, with the same nesting limit, as serde_json
//! deserializing into [`Value`] would; property tests check that it refuses
//! every text serde_json refuses and accepts every other, with the same
//! values, except numerals it cannot read exactly (which serde_json
//! approximates). It exists for size: serde_json's deserializer, with the
//! error texts and float formatting it brings, was 6.6 KB of the wasm
//! module's gzip size, for a file read once.

use super::{Value, MAX_DEPTH};
use std::fmt;

/// Why a text is not JSON, and where (a byte offset).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JsonError {
    /// What was wrong.
    pub what: &'static str,
    /// The byte offset at which it was found.
    pub offset: usize,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte {}", self.what, self.offset)
    }
}

/// Reads one JSON value that fills `text` (surrounding whitespace allowed).
/// Lists and objects may nest [`MAX_DEPTH`] levels; object keys keep their
/// order, duplicates included.
pub fn parse(text: &str) -> Result<Value, JsonError> {
    let mut r = Reader {
        bytes: text.as_bytes(),
        pos: 0,
    };
    let v = r.value(0)?;
    r.skip_space();
    if r.pos != r.bytes.len() {
        return Err(r.error("trailing characters"));
    }
    Ok(v)
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn error(&self, what: &'static str) -> JsonError {
        JsonError {
            what,
            offset: self.pos,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    /// Consumes `b` after optional whitespace, if it is next.
    fn eat(&mut self, b: u8) -> bool {
        self.skip_space();
        if self.peek() == Some(b) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn literal(&mut self, word: &'static [u8], v: Value) -> Result<Value, JsonError> {
        if self.bytes[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(v)
        } else {
            Err(self.error("expected a value"))
        }
    }

    /// A value; `depth` lists and objects enclose it.
    fn value(&mut self, depth: usize) -> Result<Value, JsonError> {
        self.skip_space();
        match self.peek() {
            None => Err(self.error("unexpected end")),
            Some(b'n') => self.literal(b"null", Value::Null),
            Some(b't') => self.literal(b"true", Value::Bool(true)),
            Some(b'f') => self.literal(b"false", Value::Bool(false)),
            Some(b'"') => Ok(Value::String(self.string()?)),
            Some(b'[') => {
                let depth = self.nest(depth)?;
                let mut items = Vec::new();
                if !self.eat(b']') {
                    loop {
                        items.push(self.value(depth)?);
                        if self.eat(b']') {
                            break;
                        }
                        if !self.eat(b',') {
                            return Err(self.error("expected , or ]"));
                        }
                    }
                }
                Ok(Value::Array(items))
            }
            Some(b'{') => {
                let depth = self.nest(depth)?;
                let mut pairs = Vec::new();
                if !self.eat(b'}') {
                    loop {
                        self.skip_space();
                        if self.peek() != Some(b'"') {
                            return Err(self.error("expected a key"));
                        }
                        let key = self.string()?;
                        if !self.eat(b':') {
                            return Err(self.error("expected :"));
                        }
                        pairs.push((key, self.value(depth)?));
                        if self.eat(b'}') {
                            break;
                        }
                        if !self.eat(b',') {
                            return Err(self.error("expected , or }"));
                        }
                    }
                }
                Ok(Value::Object(pairs))
            }
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("expected a value")),
        }
    }

    /// Steps into a list or object at `depth`, consuming its opening bracket.
    fn nest(&mut self, depth: usize) -> Result<usize, JsonError> {
        if depth >= MAX_DEPTH {
            return Err(self.error("lists and objects nest too deep"));
        }
        self.pos += 1;
        Ok(depth + 1)
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
        self.pos - start
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    ///
    /// Read exactly (Clinger's fast path: a mantissa of at most 2^53 times or
    /// divided by a power of ten up to 10^22, both exact doubles, so one
    /// correctly rounded operation), and only then: a numeral beyond that is
    /// refused rather than approximated. That is every figure the rule pack
    /// needs (it writes decimals as strings), and it keeps a general float
    /// parser and its 10 KB of tables out of the wasm module.
    fn number(&mut self) -> Result<Value, JsonError> {
        let start = self.pos;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.pos += 1;
        }
        let int_start = self.pos;
        match self.digits() {
            0 => return Err(self.error("expected a digit")),
            n if n > 1 && self.bytes[int_start] == b'0' => {
                return Err(JsonError {
                    what: "a number starts with 0",
                    offset: int_start,
                })
            }
            _ => {}
        }
        let int_end = self.pos;
        let mut frac = int_end..int_end;
        if self.peek() == Some(b'.') {
            self.pos += 1;
            let from = self.pos;
            if self.digits() == 0 {
                return Err(self.error("expected a digit"));
            }
            frac = from..self.pos;
        }
        let mut exponent: i64 = 0;
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            let sign = match self.peek() {
                Some(b'-') => -1,
                _ => 1,
            };
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            let from = self.pos;
            if self.digits() == 0 {
                return Err(self.error("expected a digit"));
            }
            for &b in &self.bytes[from..self.pos] {
                // Saturates far beyond any exponent read exactly.
                exponent = (exponent * 10 + i64::from(b - b'0')).min(1_000_000);
            }
            exponent *= sign;
        }
        let inexact = JsonError {
            what: "number not exactly readable (over 2^53 in its digits, or 10^±22)",
            offset: start,
        };
        let mut mantissa: u64 = 0;
        for &b in self.bytes[int_start..int_end]
            .iter()
            .chain(&self.bytes[frac.clone()])
        {
            mantissa = mantissa
                .checked_mul(10)
                .and_then(|m| m.checked_add(u64::from(b - b'0')))
                .filter(|&m| m <= 1 << 53)
                .ok_or(inexact)?;
        }
        // frac.len() is at most the text's length, so the scale cannot overflow.
        let scale = exponent - frac.len() as i64;
        let magnitude = if mantissa == 0 {
            0.0
        } else {
            let power = crate::money::POW10
                .get(scale.unsigned_abs() as usize)
                .ok_or(inexact)?;
            if scale < 0 {
                mantissa as f64 / power
            } else {
                mantissa as f64 * power
            }
        };
        Ok(Value::Number(if negative { -magnitude } else { magnitude }))
    }

    /// A string, from its opening quote.
    fn string(&mut self) -> Result<String, JsonError> {
        self.pos += 1;
        let mut out = String::new();
        loop {
            let run = self.pos;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            // `text` was a str and the run stops only at ASCII bytes, so it is
            // whole UTF-8 characters.
            out.push_str(
                std::str::from_utf8(&self.bytes[run..self.pos])
                    .map_err(|_| self.error("invalid UTF-8"))?,
            );
            match self.peek() {
                None => return Err(self.error("unterminated string")),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let c = self.escape()?;
                    out.push(c);
                }
                Some(_) => return Err(self.error("control character in a string")),
            }
        }
    }

    /// The character of an escape, after its backslash.
    fn escape(&mut self) -> Result<char, JsonError> {
        let b = self
            .peek()
            .ok_or_else(|| self.error("unterminated string"))?;
        self.pos += 1;
        Ok(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4()?;
                let code = match first {
                    0xD800..=0xDBFF => {
                        if !self.bytes[self.pos..].starts_with(b"\\u") {
                            return Err(self.error("lone surrogate in an escape"));
                        }
                        self.pos += 2;
                        let second = self.hex4()?;
                        if !(0xDC00..=0xDFFF).contains(&second) {
                            return Err(self.error("lone surrogate in an escape"));
                        }
                        0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                    }
                    0xDC00..=0xDFFF => return Err(self.error("lone surrogate in an escape")),
                    c => c,
                };
                char::from_u32(code).ok_or_else(|| self.error("invalid escape"))?
            }
            _ => return Err(self.error("invalid escape")),
        })
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let mut n = 0;
        for _ in 0..4 {
            let d = match self.peek() {
                Some(b @ b'0'..=b'9') => b - b'0',
                Some(b @ b'a'..=b'f') => b - b'a' + 10,
                Some(b @ b'A'..=b'F') => b - b'A' + 10,
                _ => return Err(self.error("invalid \\u escape")),
            };
            n = n * 16 + u32::from(d);
            self.pos += 1;
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn serde(text: &str) -> Option<Value> {
        serde_json::from_str::<Value>(text).ok()
    }

    const INEXACT: &str = "number not exactly readable (over 2^53 in its digits, or 10^±22)";

    /// Accepts what serde_json accepts, with the same value, except numerals
    /// this reader refuses as not exactly readable (serde_json approximates
    /// them: without its `float_roundtrip` feature it can be some units in the
    /// last place off, 2 seen at 1e174). Refuses all that serde_json refuses.
    fn agrees(text: &str) {
        match (parse(text), serde(text)) {
            (Ok(a), Some(b)) => assert_eq!(a, b, "{text:?}"),
            (Err(_), None) => {}
            (Err(e), Some(_)) if e.what == INEXACT => {}
            (a, b) => panic!("{text:?}: this reader gives {a:?}, serde_json {b:?}"),
        }
    }

    #[test]
    fn reads_every_kind_of_value() {
        let v = parse(r#" {"a": [1, -2.5e3, 0.125, true, false, null], "b": "x\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00", "a": {}} "#).unwrap();
        assert_eq!(
            v,
            Value::Object(vec![
                (
                    "a".into(),
                    Value::Array(vec![
                        Value::Number(1.0),
                        Value::Number(-2500.0),
                        Value::Number(0.125),
                        Value::Bool(true),
                        Value::Bool(false),
                        Value::Null,
                    ])
                ),
                ("b".into(), Value::str("x\"\\/\u{8}\u{c}\n\r\té😀")),
                ("a".into(), Value::Object(vec![])),
            ])
        );
    }

    #[test]
    fn refuses_what_json_refuses_where_it_is() {
        for (text, what, offset) in [
            ("", "unexpected end", 0),
            ("[1,]", "expected a value", 3),
            ("{\"a\":1,}", "expected a key", 7),
            ("{\"a\" 1}", "expected :", 5),
            ("[1 2]", "expected , or ]", 3),
            ("01", "a number starts with 0", 0),
            ("-", "expected a digit", 1),
            ("1.", "expected a digit", 2),
            ("1e", "expected a digit", 2),
            ("1e400", INEXACT, 0),
            ("\"a", "unterminated string", 2),
            ("\"\u{1}\"", "control character in a string", 1),
            ("\"\\x\"", "invalid escape", 3),
            ("\"\\u12g4\"", "invalid \\u escape", 5),
            ("\"\\ud800\"", "lone surrogate in an escape", 7),
            ("\"\\udc00\"", "lone surrogate in an escape", 7),
            ("\"\\ud800\\u0041\"", "lone surrogate in an escape", 13),
            ("nul", "expected a value", 0),
            ("1 1", "trailing characters", 2),
            ("'a'", "expected a value", 0),
        ] {
            assert_eq!(parse(text), Err(JsonError { what, offset }), "{text:?}");
            assert_eq!(serde(text), None, "serde_json accepts {text:?}");
        }
    }

    #[test]
    fn reads_numbers_exactly_or_not_at_all() {
        for (text, n) in [
            ("9007199254740992", 9007199254740992.0),
            ("-0.000001", -0.000001),
            ("12.5e-3", 0.0125),
            ("1E22", 1e22),
            ("0e999", 0.0),
        ] {
            assert_eq!(parse(text), Ok(Value::Number(n)), "{text}");
        }
        for text in [
            "9007199254740993",
            "1e23",
            "1e-23",
            "0.1000000000000000000001",
        ] {
            assert_eq!(parse(text).unwrap_err().what, INEXACT, "{text}");
        }
    }

    #[test]
    fn nests_as_deep_as_api_input_may() {
        let nested = |depth: usize| format!("{}1{}", "[".repeat(depth), "]".repeat(depth));
        assert!(parse(&nested(MAX_DEPTH)).is_ok());
        assert_eq!(
            parse(&nested(MAX_DEPTH + 1)).unwrap_err().what,
            "lists and objects nest too deep"
        );
        agrees(&nested(MAX_DEPTH));
        agrees(&nested(MAX_DEPTH + 1));
    }

    #[test]
    fn reads_the_rule_pack_as_serde_json_does() {
        assert!(parse(crate::rules::RULES_JSON).is_ok());
        agrees(crate::rules::RULES_JSON);
    }

    /// JSON values; with `exact`, only numbers this reader reads exactly
    /// (whole numbers within 2^53 and figures with a few decimals), so that
    /// every text must be accepted.
    fn json(exact: bool) -> impl Strategy<Value = serde_json::Value> {
        let exact_number = prop_oneof![
            (-(1i64 << 53)..=(1i64 << 53)).prop_map(serde_json::Value::from),
            // Figures as people write them: few digits, a few decimals.
            (-1_000_000_000i64..1_000_000_000, 0..8u32)
                .prop_map(|(m, k)| serde_json::Value::from(m as f64 / 10f64.powi(k as i32))),
        ];
        let any_number = prop_oneof![
            any::<i64>().prop_map(serde_json::Value::from),
            any::<f64>()
                .prop_filter("finite", |x| x.is_finite())
                .prop_map(serde_json::Value::from),
        ];
        let number = if exact {
            exact_number.boxed()
        } else {
            prop_oneof![3 => exact_number, 1 => any_number].boxed()
        };
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::Bool),
            number,
            any::<String>().prop_map(serde_json::Value::String),
        ];
        leaf.prop_recursive(6, 64, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
                prop::collection::vec((any::<String>(), inner), 0..6)
                    .prop_map(|kv| serde_json::Value::Object(kv.into_iter().collect())),
            ]
        })
    }

    proptest! {
        /// JSON serde_json writes, compact or pretty, with numbers that can
        /// be read exactly, is accepted and reads back as the very value
        /// written (serde_json writes shortest round-trip numerals).
        #[test]
        fn reads_what_serde_json_writes(v in json(true)) {
            let written: Value = serde_json::from_value(v.clone()).unwrap();
            for text in [serde_json::to_string(&v).unwrap(), serde_json::to_string_pretty(&v).unwrap()] {
                prop_assert_eq!(&parse(&text).unwrap(), &written, "{:?}", text);
                agrees(&text);
            }
        }

        /// With any number: read exactly, or refused as inexact, never another way.
        #[test]
        fn any_number_is_read_exactly_or_refused(v in json(false)) {
            let written: Value = serde_json::from_value(v.clone()).unwrap();
            let text = serde_json::to_string(&v).unwrap();
            match parse(&text) {
                Ok(read) => prop_assert_eq!(&read, &written, "{:?}", text),
                Err(e) => prop_assert_eq!(e.what, INEXACT, "{:?}", text),
            }
            agrees(&text);
        }

        /// Damaged texts: refused exactly when serde_json refuses them.
        #[test]
        fn damaged_texts_are_refused_as_serde_json_refuses_them(
            v in json(false),
            cut in any::<prop::sample::Index>(),
            byte in prop::sample::select(b"[]{}\",:0-.eE+\\u tfn".to_vec()),
            insert in any::<bool>(),
        ) {
            let mut text = serde_json::to_string(&v).unwrap().into_bytes();
            let at = cut.index(text.len() + 1);
            if insert || at == text.len() {
                text.insert(at, byte);
            } else {
                text[at] = byte;
            }
            if let Ok(text) = String::from_utf8(text) {
                agrees(&text);
            }
        }
    }
}
