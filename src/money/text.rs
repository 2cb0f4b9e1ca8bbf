//! Money and percents as the text the API returns: [`Figure`], a stack
//! string, and [`push_money`] for writers of many figures. The digits come
//! straight from a decimal's integer mantissa, two at a time; see
//! ARCHITECTURE.md "Speed in wasm" for why it is written this way.

use super::{round_cents, round_dp_half_up, MONEY_DP, PERCENT_DP};
use rust_decimal::Decimal;

/// A money figure as the API returns it: exactly two decimals, `"-0.00"` never.
pub fn fmt_money(value: Decimal) -> Figure {
    Figure::fixed(round_cents(value), MONEY_DP)
}

/// A percent as the API returns it: four decimals, half-up.
pub fn fmt_percent(percent: Decimal) -> Figure {
    Figure::fixed(round_dp_half_up(percent, PERCENT_DP), PERCENT_DP)
}

/// Writes `value` (already rounded to `dp` places) with exactly `dp`
/// decimals, straight from its integer mantissa, one byte at a time into `put`
/// (byte stores: in wasm a `memcpy` of a few bytes costs more than the bytes).
fn write_fixed(mut value: Decimal, dp: u32, mut put: impl FnMut(u8)) {
    // The common case read straight from the decimal's parts: at most `dp`
    // places and, once at `dp` places, a mantissa below 2^32 (money under
    // 42,949,672.96). Fewer places (a zero, a whole amount) are made up by
    // a multiply, not `rescale`, which is slow.
    let parts = value.unpack();
    let widened = (parts.scale <= dp && dp <= 8 && parts.mid == 0 && parts.hi == 0)
        .then(|| 10u32.pow(dp - parts.scale).checked_mul(parts.lo))
        .flatten();
    if let Some(x) = widened {
        let mut d = [b'0'; 12];
        let start = digits_u32(&mut d, x).min(d.len() - dp as usize - 1);
        let point = d.len() - dp as usize;
        if parts.negative && x != 0 {
            put(b'-');
        }
        for &b in &d[start..point] {
            put(b);
        }
        if dp > 0 {
            put(b'.');
            for &b in &d[point..] {
                put(b);
            }
        }
        return;
    }
    if value.scale() != dp {
        value.rescale(dp);
    }
    // A value too large for `dp` places keeps fewer (as `Display` does).
    let dp = value.scale() as usize;
    let m = value.mantissa();
    // The digits, written backwards from the end of `d` (pre-filled with
    // the leading zeros "0.05" needs). A mantissa is below 2^96: at most
    // 29 digits, and dp ≤ 28, so everything fits in CAPACITY.
    let mut d = [b'0'; Figure::CAPACITY];
    let mut i = d.len();
    match u32::try_from(m.unsigned_abs()) {
        Ok(x) => i = digits_u32(&mut d, x),
        Err(_) => {
            let mut rest = m.unsigned_abs();
            while rest > 0 && i >= 1 {
                i -= 1;
                d[i] = b'0' + (rest % 10) as u8;
                rest /= 10;
            }
        }
    }
    let digits = &d[i.min(d.len() - (dp + 1).min(d.len()))..];
    let int_len = digits.len() - dp.min(digits.len());
    if m < 0 {
        put(b'-');
    }
    for &b in &digits[..int_len] {
        put(b);
    }
    if dp > 0 {
        put(b'.');
        for &b in &digits[int_len..] {
            put(b);
        }
    }
}

/// Writes the digits of `x` at the end of `d` (at most 10), returning where
/// they start. Two digits per step, each step one 64-bit multiply
/// (x ÷ 100 = (x × 0x51EB851F) >> 37 for every u32): LLVM keeps a slow `div`
/// when optimizing for size, and wasm has no 64×64→128 multiply for a u64
/// equivalent.
fn digits_u32(d: &mut [u8], mut x: u32) -> usize {
    let mut i = d.len();
    while x >= 100 && i >= 2 {
        let q = ((u64::from(x) * 0x51EB_851F) >> 37) as u32;
        let r = (x - q * 100) as usize;
        i -= 2;
        d[i] = PAIRS[2 * r];
        d[i + 1] = PAIRS[2 * r + 1];
        x = q;
    }
    if x >= 10 && i >= 2 {
        i -= 2;
        d[i] = PAIRS[2 * x as usize];
        d[i + 1] = PAIRS[2 * x as usize + 1];
    } else if i >= 1 {
        i -= 1;
        d[i] = b'0' + x as u8;
    }
    i
}

/// Appends [`fmt_money`]'s text of `value` to `buf` without building a
/// [`Figure`]: for writers of many figures (`loanTerms` rows).
pub fn push_money(buf: &mut Vec<u8>, value: Decimal) {
    let cents = if value.scale() <= MONEY_DP {
        value // already exact; `write_fixed` never writes "-0.00"
    } else {
        round_cents(value)
    };
    write_fixed(cents, MONEY_DP, |b| buf.push(b));
}

/// Appends the decimal digits of `n` to `buf` (a period, a count).
pub(crate) fn push_u32(buf: &mut Vec<u8>, n: u32) {
    let mut d = [b'0'; 10];
    let start = digits_u32(&mut d, n);
    buf.extend_from_slice(&d[start..]);
}

/// "00" to "99": two digits of a figure at a time.
const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
2021222324252627282930313233343536373839\
4041424344454647484950515253545556575859\
6061626364656667686970717273747576777879\
8081828384858687888990919293949596979899";

/// A figure as text (`"5307.27"`, `"-0.0100"`), kept on the stack.
///
/// A 360-row schedule has about 1,800 of them; as `String`s their allocations
/// and copies were a fifth of a `loanTerms` call. It reads as a `&str`
/// (`Deref`), prints with `Display` and serializes as a JSON string.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Figure {
    len: u8,
    bytes: [u8; Figure::CAPACITY],
}

impl Figure {
    /// A sign, 29 digits, a point and a leading zero fit with room to spare.
    const CAPACITY: usize = 40;

    /// Writes `value` (already rounded to `dp` places) with exactly `dp`
    /// decimals, straight from its integer mantissa.
    pub(super) fn fixed(value: Decimal, dp: u32) -> Figure {
        let mut out = Figure {
            len: 0,
            bytes: [0; Figure::CAPACITY],
        };
        write_fixed(value, dp, |b| out.push(b));
        out
    }

    fn push(&mut self, b: u8) {
        if let Some(slot) = self.bytes.get_mut(self.len as usize) {
            *slot = b;
            self.len += 1;
        }
    }

    /// The text as ASCII bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len as usize]
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        // Only ASCII digits, '-' and '.' are ever written.
        std::str::from_utf8(&self.bytes[..self.len as usize]).unwrap_or("")
    }
}

impl std::ops::Deref for Figure {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Display for Figure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::fmt::Debug for Figure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl PartialEq<str> for Figure {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Figure {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl serde::Serialize for Figure {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}
