//! Exact money and rates: checked arithmetic, the rounding policy, and the
//! text forms that cross the API.
//!
//! # Rounding policy ([`round_cents`])
//! Every figure a user sees is rounded **half-up to cents** (a midpoint goes
//! away from zero: 30.625 → 30.63, −0.005 → −0.01), at these points only:
//! - each period's interest, computed exactly from the opening balance first
//!   (multiply before dividing: 7,500 × 4.9 % ÷ 12 = 30.625 → 30.63);
//! - a level payment, from the exact annuity formula;
//! - the per-period principal of the equal-principal and flat methods (principal ÷ n);
//! - each fee (a fixed amount is taken to the cent; a percent of principal is
//!   computed exactly first);
//! - each overdue component.
//!
//! The last installment of a schedule takes whatever balance is left, so the
//! balance always ends at exactly 0.00. Rates are shown as percents rounded
//! half-up to four decimals ([`fmt_percent`]).

use crate::error::{Error, Result};
use rust_decimal::prelude::*;

/// Decimal places of a money figure (cents).
pub const MONEY_DP: u32 = 2;
/// Decimal places of a percent shown to users.
pub const PERCENT_DP: u32 = 4;
/// The largest amount of money accepted on input (one trillion).
pub const MAX_MONEY: Decimal = Decimal::from_parts(3_567_587_328, 232, 0, false, 0); // 1e12
/// The most decimal places accepted on input (money, rates and counts).
pub const MAX_INPUT_DP: u32 = 10;

/// The one rounding rule for money: half-up (midpoint away from zero) to cents.
///
/// ```
/// use repay::money::round_cents;
/// use rust_decimal::Decimal;
/// use std::str::FromStr;
/// let interest = Decimal::from_str("30.625").unwrap(); // 7,500 × 4.9 % ÷ 12
/// assert_eq!(round_cents(interest).to_string(), "30.63");
/// ```
pub fn round_cents(value: Decimal) -> Decimal {
    round_dp_half_up(value, MONEY_DP)
}

/// Half-up (midpoint away from zero) to `dp` places, without negative zero.
pub fn round_dp_half_up(value: Decimal, dp: u32) -> Decimal {
    if value.scale() <= dp {
        // Already exact at this precision (and zero is never negative).
        let mut v = value;
        if v.is_zero() {
            v.set_sign_positive(true);
        }
        return v;
    }
    let scale = value.scale();
    if scale > dp {
        // One integer division of the mantissa instead of rust_decimal's
        // digit-by-digit rescale (a tenth of a schedule's time): the same
        // half-up result, checked against `round_dp_with_strategy` in tests.
        if let Some(divisor) = 10u128.checked_pow(scale - dp) {
            let m = value.mantissa();
            let (q, r) = (m.unsigned_abs() / divisor, m.unsigned_abs() % divisor);
            let q = if r >= divisor - r { q + 1 } else { q };
            // q ≤ |m| < 2^96, so it is a valid mantissa.
            if let Ok(q) = i128::try_from(q) {
                let signed = if m < 0 && q != 0 { -q } else { q };
                if let Ok(d) = Decimal::try_from_i128_with_scale(signed, dp) {
                    return d;
                }
            }
        }
    }
    let mut r = value.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    if r.is_zero() {
        r.set_sign_positive(true);
    }
    r
}

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
    // The common case read straight from the decimal's parts: already at `dp`
    // places with a mantissa below 2^32 (money under 42,949,672.96).
    let parts = value.unpack();
    if parts.scale == dp && dp <= 8 && parts.mid == 0 && parts.hi == 0 {
        let x = parts.lo;
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
    fn fixed(value: Decimal, dp: u32) -> Figure {
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

/// `a × b`, or an overflow error.
#[inline(never)]
pub fn mul(a: Decimal, b: Decimal) -> Result<Decimal> {
    a.checked_mul(b).ok_or_else(|| Error::overflow(None))
}

/// `a ÷ b`, or an overflow error (also for `b = 0`).
#[inline(never)]
pub fn div(a: Decimal, b: Decimal) -> Result<Decimal> {
    a.checked_div(b).ok_or_else(|| Error::overflow(None))
}

/// `a + b`, or an overflow error.
#[inline(never)]
pub fn add(a: Decimal, b: Decimal) -> Result<Decimal> {
    a.checked_add(b).ok_or_else(|| Error::overflow(None))
}

/// `a − b`, or an overflow error.
#[inline(never)]
pub fn sub(a: Decimal, b: Decimal) -> Result<Decimal> {
    a.checked_sub(b).ok_or_else(|| Error::overflow(None))
}

/// `round_cents(a × b ÷ c)`, always the figure that [`mul`], [`div`] and
/// [`round_cents`] give, but in one integer division when that is provably
/// the same figure; otherwise through them.
///
/// The integer path is taken only when `a × b` is exact in a Decimal (its
/// mantissa below 2^96 and its scale at most 28, so `mul` does not round it)
/// and the quotient is below 10^24 (so `div`'s 28 significant digits keep at
/// least four decimals). `c` is 1200 or 100 (monthly interest), whose only
/// prime factors are 2, 3 and 5: the quotient terminates or ends in
/// repeating 3s or 6s, so rounding it at the 28th digit never moves the
/// cent, and both ways agree. Extreme inputs (10-decimal amounts times
/// 10-decimal rates near the limits) take the Decimal path, so every method
/// of a schedule rounds a month's interest the same way. Tests compare the
/// two over that whole range.
pub fn mul_div_cents(a: Decimal, b: Decimal, c: Decimal) -> Result<Decimal> {
    match mul_div_cents_exact(a, b, c) {
        Some(v) => Ok(v),
        None => Ok(round_cents(div(mul(a, b)?, c)?)),
    }
}

fn mul_div_cents_exact(a: Decimal, b: Decimal, c: Decimal) -> Option<Decimal> {
    // a × b ÷ c × 100 = (ma·mb·10^(sc+2)) ÷ (mc·10^(sa+sb)).
    let (ma, mb) = (a.mantissa(), b.mantissa());
    if let Some(v) = mul_div_cents_u64(ma, mb, a.scale() + b.scale(), c) {
        return Some(v);
    }
    let product = match (i64::try_from(ma), i64::try_from(mb)) {
        // Two i64s multiply within i128 (one widening multiply, no check).
        (Ok(x), Ok(y)) => i128::from(x) * i128::from(y),
        _ => ma.checked_mul(mb)?,
    };
    // Where `mul` would round the product, leave it to `mul`.
    if product.unsigned_abs() >= 1u128 << 96 || a.scale() + b.scale() > 28 {
        return None;
    }
    let num = product.checked_mul(10i128.checked_pow(c.scale() + MONEY_DP)?)?;
    let den = c
        .mantissa()
        .checked_mul(10i128.checked_pow(a.scale() + b.scale())?)?;
    let (n, d) = (num.unsigned_abs(), den.unsigned_abs());
    if d == 0 {
        return None;
    }
    let (q, r) = (n / d, n % d);
    // Cents below 10^26: a quotient below 10^24, where `div` keeps four decimals.
    if q >= 10u128.pow(26) {
        return None;
    }
    let q = i128::try_from(if r >= d - r { q + 1 } else { q }).ok()?;
    let negative = (num < 0) != (den < 0) && q != 0;
    Decimal::try_from_i128_with_scale(if negative { -q } else { q }, MONEY_DP).ok()
}

/// [`mul_div_cents_exact`] in 64-bit integers (native in wasm, where 128-bit
/// multiplies and divides are library calls): a balance below 42,949,672.96
/// times a rate mantissa below 2^32. `None` when the numbers are larger.
fn mul_div_cents_u64(ma: i128, mb: i128, scale_ab: u32, c: Decimal) -> Option<Decimal> {
    // Powers from a table and overflow checks by division: a checked 64-bit
    // multiply is a 128-bit library call in wasm.
    const POW10: [u64; 10] = [
        1,
        10,
        100,
        1_000,
        10_000,
        100_000,
        1_000_000,
        10_000_000,
        100_000_000,
        1_000_000_000,
    ];
    let x = u64::from(u32::try_from(ma.unsigned_abs()).ok()?);
    let y = u64::from(u32::try_from(mb.unsigned_abs()).ok()?);
    let product = x * y; // < 2^64
    let up = *POW10.get((c.scale() + MONEY_DP) as usize)?;
    if product > u64::MAX / up {
        return None;
    }
    let n = product * up;
    let mc = c.mantissa();
    // Both below 2^32, so the product fits.
    let d = u64::from(u32::try_from(mc.unsigned_abs()).ok()?) * *POW10.get(scale_ab as usize)?;
    if d == 0 {
        return None;
    }
    let (q, r) = (n / d, n % d);
    let q = i64::try_from(if r >= d - r { q + 1 } else { q }).ok()?;
    let negative = ((ma < 0) != (mb < 0)) != (mc < 0) && q != 0;
    Some(Decimal::new(if negative { -q } else { q }, MONEY_DP))
}

/// The sum of `values`, checked. Figures in cents (the rows of a schedule)
/// are added as integers; anything else through [`add`]. Exact either way.
pub fn sum<I: IntoIterator<Item = Decimal>>(values: I) -> Result<Decimal> {
    let mut cents: i128 = 0; // |each| < 2^96, so 2^31 of them cannot overflow
    let mut any_cents = false;
    let mut rest = Decimal::ZERO;
    for (k, v) in values.into_iter().enumerate() {
        if v.scale() == MONEY_DP && k < 1 << 31 {
            cents += v.mantissa();
            any_cents = true;
        } else {
            rest = add(rest, v)?;
        }
    }
    if !any_cents {
        return Ok(rest);
    }
    let cents =
        Decimal::try_from_i128_with_scale(cents, MONEY_DP).map_err(|_| Error::overflow(None))?;
    add(cents, rest)
}

/// `base^exp` for a positive base and any decimal exponent, through exp(ln).
/// Whole exponents use exact repeated multiplication.
pub fn pow(base: Decimal, exp: Decimal) -> Result<Decimal> {
    if exp.fract().is_zero() {
        let n = exp.trunc().to_i64().ok_or_else(|| Error::overflow(None))?;
        return base.checked_powi(n).ok_or_else(|| Error::overflow(None));
    }
    if base <= Decimal::ZERO {
        return Err(Error::overflow(None));
    }
    let ln = base.checked_ln().ok_or_else(|| Error::overflow(None))?;
    mul(ln, exp)?
        .checked_exp()
        .ok_or_else(|| Error::overflow(None))
}

/// Why a text or number could not become a decimal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParseProblem {
    /// Not a plain decimal numeral.
    NotANumber,
    /// More than [`MAX_INPUT_DP`] significant decimal places.
    TooManyDecimals,
    /// Too many digits before the point for any supported figure.
    TooLarge,
}

/// Parses a plain decimal numeral: optional sign, digits, optional point and
/// digits; surrounding spaces allowed. No exponents, no group separators.
/// Trailing zeros after the point do not count against the decimal limit.
pub fn parse_decimal(text: &str) -> std::result::Result<Decimal, ParseProblem> {
    let t = text.trim();
    let unsigned = t.strip_prefix(['-', '+']).unwrap_or(t);
    let (int, frac) = match unsigned.split_once('.') {
        Some((i, f)) => (i, f),
        None => (unsigned, ""),
    };
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (int.is_empty() && frac.is_empty()) || !all_digits(int) || !all_digits(frac) {
        return Err(ParseProblem::NotANumber);
    }
    let frac = frac.trim_end_matches('0');
    if frac.len() > MAX_INPUT_DP as usize {
        return Err(ParseProblem::TooManyDecimals);
    }
    let int = int.trim_start_matches('0');
    if int.len() > 16 {
        return Err(ParseProblem::TooLarge);
    }
    let canonical = format!(
        "{}{}{}{}",
        if t.starts_with('-') { "-" } else { "" },
        if int.is_empty() { "0" } else { int },
        if frac.is_empty() { "" } else { "." },
        frac
    );
    let mut d = Decimal::from_str(&canonical).map_err(|_| ParseProblem::NotANumber)?;
    if d.is_zero() {
        d.set_sign_positive(true);
    }
    Ok(d)
}

/// Turns a JS number into the decimal it was written as: the shortest
/// numeral that JS itself prints for it (`0.1` is 0.1, not 0.1000000000000000055…).
///
/// Any amount a person types has at most 15 significant digits, and every
/// such numeral survives the trip to a double and back. So the double's exact
/// value is rounded to 15 significant digits and accepted only if that
/// numeral converts back to the very same double (a division of two exactly
/// representable doubles, which IEEE 754 rounds correctly). A double that
/// needs 16 or 17 digits (`0.1 + 0.2`) was computed, not typed, and is
/// refused as having too many decimals rather than silently rounded.
/// (This avoids linking a float formatter into the wasm module.)
pub fn decimal_from_js_number(n: f64) -> std::result::Result<Decimal, ParseProblem> {
    const POW10: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    if !n.is_finite() {
        return Err(ParseProblem::NotANumber);
    }
    if n == 0.0 {
        return Ok(Decimal::ZERO);
    }
    if n.abs() >= 1e15 {
        return Err(ParseProblem::TooLarge);
    }
    if n.abs() < 1e-10 {
        return Err(ParseProblem::TooManyDecimals);
    }
    let exact = Decimal::from_f64_retain(n).ok_or(ParseProblem::NotANumber)?;
    let short = exact
        .round_sf(15)
        .ok_or(ParseProblem::NotANumber)?
        .normalize();
    let scale = short.scale() as usize;
    let mantissa = short.mantissa();
    if scale >= POW10.len() || mantissa.unsigned_abs() > 1u128 << 53 {
        return Err(ParseProblem::TooManyDecimals);
    }
    #[allow(clippy::float_cmp)]
    // exactness is the point: the numeral must give back this very double
    let round_trips = (mantissa as f64) / POW10[scale] == n;
    if !round_trips || scale > MAX_INPUT_DP as usize {
        return Err(ParseProblem::TooManyDecimals);
    }
    Ok(short)
}

/// The period a rate is quoted for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Per {
    /// 日利率.
    Day,
    /// 月利率.
    Month,
    /// 年利率.
    Year,
}

/// Days in the year used to turn a daily rate into an annual one and back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayBasis {
    /// 360 days: Chinese bank practice ("日利率 = 年利率 ÷ 360").
    D360,
    /// 365 days.
    D365,
}

impl DayBasis {
    /// The number of days.
    pub fn days(self) -> Decimal {
        match self {
            DayBasis::D360 => Decimal::from(360),
            DayBasis::D365 => Decimal::from(365),
        }
    }
}

/// The highest rate accepted, as an annual percent equivalent (simple).
pub const MAX_ANNUAL_PERCENT: Decimal = Decimal::from_parts(1_000_000, 0, 0, false, 0);

/// A contract rate as the user states it: a percent per day, month or year.
///
/// Conversions are simple (not compounded), as contracts state them:
/// month = year ÷ 12 and day = year ÷ basis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate {
    /// The percent, ≥ 0.
    pub percent: Decimal,
    /// What period it is quoted for.
    pub per: Per,
}

impl Rate {
    /// A rate; the caller has checked `percent ≥ 0`.
    pub fn new(percent: Decimal, per: Per) -> Self {
        Rate { percent, per }
    }

    /// The percent per year, simple: month × 12, day × basis.
    pub fn annual_percent(self, basis: DayBasis) -> Result<Decimal> {
        match self.per {
            Per::Year => Ok(self.percent),
            Per::Month => mul(self.percent, Decimal::from(12)),
            Per::Day => mul(self.percent, basis.days()),
        }
    }

    /// The numerator and denominator that turn an amount into one month's interest:
    /// interest = amount × num ÷ den, keeping the multiplication first.
    fn monthly_ratio(self, basis: DayBasis) -> Result<(Decimal, Decimal)> {
        Ok(match self.per {
            Per::Year => (self.percent, Decimal::from(1200)),
            Per::Month => (self.percent, Decimal::ONE_HUNDRED),
            Per::Day => (mul(self.percent, basis.days())?, Decimal::from(1200)),
        })
    }

    /// One month's interest on `amount`, exact (not rounded).
    pub fn monthly_interest(self, amount: Decimal, basis: DayBasis) -> Result<Decimal> {
        self.interest_for_months(amount, Decimal::ONE, basis)
    }

    /// One month's interest on `amount`, rounded to cents: the figure a
    /// schedule row shows, `round_cents(monthly_interest(..))`.
    pub fn monthly_interest_cents(self, amount: Decimal, basis: DayBasis) -> Result<Decimal> {
        let (num, den) = self.monthly_ratio(basis)?;
        mul_div_cents(amount, num, den)
    }

    /// `months` months of simple interest on `amount`, exact (not rounded):
    /// every multiplication comes before the one division, so 1,000 × 1.45 %
    /// × 3 ÷ 12 is exactly 3.625.
    pub fn interest_for_months(
        self,
        amount: Decimal,
        months: Decimal,
        basis: DayBasis,
    ) -> Result<Decimal> {
        let (num, den) = self.monthly_ratio(basis)?;
        div(mul(mul(amount, num)?, months)?, den)
    }

    /// The monthly rate as a fraction (0.004083… for 4.9 %/year).
    pub fn monthly_fraction(self, basis: DayBasis) -> Result<Decimal> {
        let (num, den) = self.monthly_ratio(basis)?;
        div(num, den)
    }

    /// `days` days of simple interest on `amount`, exact (not rounded).
    pub fn interest_for_days(
        self,
        amount: Decimal,
        days: Decimal,
        basis: DayBasis,
    ) -> Result<Decimal> {
        match self.per {
            Per::Day => div(mul(mul(amount, self.percent)?, days)?, Decimal::ONE_HUNDRED),
            Per::Month => div(
                mul(mul(mul(amount, self.percent)?, days)?, Decimal::from(12))?,
                mul(Decimal::ONE_HUNDRED, basis.days())?,
            ),
            Per::Year => div(
                mul(mul(amount, self.percent)?, days)?,
                mul(Decimal::ONE_HUNDRED, basis.days())?,
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn rounding_is_half_up_away_from_zero() {
        assert_eq!(round_cents(d("30.625")), d("30.63"));
        assert_eq!(round_cents(d("30.6249999")), d("30.62"));
        assert_eq!(round_cents(d("-0.005")), d("-0.01"));
        assert_eq!(fmt_money(d("-0.004")), "0.00");
        assert_eq!(fmt_money(d("5")), "5.00");
        assert_eq!(fmt_percent(d("12.80455")), "12.8046");
        assert_eq!(fmt_money(d("0.05")), "0.05");
        assert_eq!(fmt_money(d("-1234567.891")), "-1234567.89");
        assert_eq!(fmt_percent(d("-0.00001")), "0.0000");
        assert_eq!(fmt_percent(d("7")), "7.0000");
    }

    proptest::proptest! {
        /// The integer fast path of `round_dp_half_up` and the text of
        /// `Figure` agree with rust_decimal's own rounding and `Display`
        /// over the whole range of mantissas and scales.
        #[test]
        fn rounding_and_text_match_rust_decimal(
            lo in proptest::prop_oneof![0u64..100_000, 0u64..=u64::from(u32::MAX), proptest::num::u64::ANY],
            hi in proptest::prop_oneof![proptest::strategy::Just(0u32), 0u32..=u32::MAX],
            negative in proptest::bool::ANY,
            scale in 0u32..=28,
            dp in proptest::sample::select(vec![MONEY_DP, PERCENT_DP]),
        ) {
            let v = Decimal::from_parts(lo as u32, (lo >> 32) as u32, hi, negative, scale);
            let mut expected = v.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
            if expected.is_zero() {
                expected.set_sign_positive(true);
            }
            let got = round_dp_half_up(v, dp);
            proptest::prop_assert_eq!(got, expected);
            let mut shown = expected;
            shown.rescale(dp);
            let text = Figure::fixed(got, dp);
            proptest::prop_assert_eq!(text.as_str(), shown.to_string());
        }
    }

    proptest::proptest! {
        /// Monthly interest in cents: the exact integer path equals rounding
        /// the Decimal quotient, for every basis and unit of rate.
        #[test]
        fn monthly_interest_cents_is_the_rounded_quotient(
            amount in proptest::prop_oneof![0i128..1_000_000, 0i128..=100_000_000_000_000, 0i128..=10i128.pow(22), 0i128..=10i128.pow(28)],
            amount_dp in proptest::prop_oneof![proptest::strategy::Just(2u32), 0u32..=10],
            negative in proptest::bool::ANY,
            rate in proptest::prop_oneof![0i128..=100_000_000, 0i128..=10i128.pow(16)],
            rate_dp in 0u32..=10,
            per in proptest::sample::select(vec![Per::Year, Per::Month, Per::Day]),
            basis in proptest::sample::select(vec![DayBasis::D360, DayBasis::D365]),
        ) {
            let amount = Decimal::from_i128_with_scale(if negative { -amount } else { amount }, amount_dp);
            let r = Rate::new(Decimal::from_i128_with_scale(rate, rate_dp), per);
            // Both ways, or both overflow.
            let slow = r.monthly_interest(amount, basis).map(round_cents).ok();
            proptest::prop_assert_eq!(r.monthly_interest_cents(amount, basis).ok(), slow);
        }
    }

    /// Found in review: where the product of a 10-decimal amount and a
    /// 10-decimal rate does not fit a Decimal, `mul` rounds it; the integer
    /// path must then not run, so that every method rounds a month's
    /// interest alike (bullet's `interest_for_months` goes through `mul`).
    #[test]
    fn interest_where_mul_rounds_matches_the_decimal_path() {
        for (amount, percent) in [
            ("999999999999.97", "120466.6666666667"),
            ("46392395017.4285618647", "12.3456789017"),
        ] {
            let r = Rate::new(d(percent), Per::Year);
            let expected = round_cents(
                r.interest_for_months(d(amount), Decimal::ONE, DayBasis::D360)
                    .unwrap(),
            );
            assert_eq!(
                r.monthly_interest_cents(d(amount), DayBasis::D360).unwrap(),
                expected,
                "{amount} at {percent} %"
            );
        }
    }

    proptest::proptest! {
        /// `sum`'s integer path for cents gives exactly the value and scale of
        /// adding one by one, whatever the mix of scales.
        #[test]
        fn sum_is_the_fold_of_add(
            items in proptest::collection::vec((-(1i64 << 50)..(1i64 << 50), 0u32..=6), 0..40),
        ) {
            let values: Vec<Decimal> = items.iter().map(|&(m, sc)| Decimal::new(m, sc)).collect();
            let folded = values.iter().try_fold(Decimal::ZERO, |a, &b| a.checked_add(b)).unwrap();
            let got = sum(values.iter().copied()).unwrap();
            proptest::prop_assert_eq!(got, folded);
            proptest::prop_assert_eq!(got.scale(), folded.scale());
        }
    }

    #[test]
    fn max_money_is_one_trillion() {
        assert_eq!(MAX_MONEY, d("1000000000000"));
        assert_eq!(MAX_ANNUAL_PERCENT, d("1000000"));
    }

    #[test]
    fn multiply_before_divide() {
        let r = Rate::new(d("4.9"), Per::Year);
        let i = r.monthly_interest(d("7500"), DayBasis::D360).unwrap();
        assert_eq!(i, d("30.625"));
        assert_eq!(round_cents(i), d("30.63"));
        // Bullet interest: 1,000 × 1.45 % × 3 months ÷ 12 = 3.625 → 3.63.
        let r = Rate::new(d("1.45"), Per::Year);
        let i = r
            .interest_for_months(d("1000"), d("3"), DayBasis::D360)
            .unwrap();
        assert_eq!((i, round_cents(i)), (d("3.625"), d("3.63")));
    }

    #[test]
    fn parses_plain_numerals_only() {
        assert_eq!(parse_decimal(" 12.50 "), Ok(d("12.5")));
        assert_eq!(parse_decimal(".5"), Ok(d("0.5")));
        assert_eq!(parse_decimal("5."), Ok(d("5")));
        assert_eq!(parse_decimal("-0"), Ok(Decimal::ZERO));
        assert!(!parse_decimal("-0").unwrap().is_sign_negative());
        for bad in ["", ".", "1e5", "1,000", "--1", "0x10", "NaN", "１２"] {
            assert_eq!(parse_decimal(bad), Err(ParseProblem::NotANumber), "{bad}");
        }
        assert_eq!(
            parse_decimal("0.12345678901"),
            Err(ParseProblem::TooManyDecimals)
        );
        assert_eq!(parse_decimal("0.123456789000000"), Ok(d("0.123456789")));
        assert_eq!(
            parse_decimal("12345678901234567"),
            Err(ParseProblem::TooLarge)
        );
    }

    #[test]
    fn js_numbers_keep_their_printed_digits() {
        assert_eq!(decimal_from_js_number(0.1), Ok(d("0.1")));
        assert_eq!(decimal_from_js_number(1234.5), Ok(d("1234.5")));
        assert_eq!(decimal_from_js_number(-0.0), Ok(Decimal::ZERO));
        assert_eq!(
            decimal_from_js_number(f64::NAN),
            Err(ParseProblem::NotANumber)
        );
        assert_eq!(decimal_from_js_number(1e300), Err(ParseProblem::TooLarge));
        assert_eq!(
            decimal_from_js_number(1e-300),
            Err(ParseProblem::TooManyDecimals)
        );
        assert_eq!(
            decimal_from_js_number(0.1 + 0.2),
            Err(ParseProblem::TooManyDecimals)
        );
        assert_eq!(decimal_from_js_number(5307.27), Ok(d("5307.27")));
        assert_eq!(decimal_from_js_number(1e12), Ok(d("1000000000000")));
        assert_eq!(decimal_from_js_number(0.0000000001), Ok(d("0.0000000001")));
    }

    /// Agrees with Rust's shortest round-trip formatting (the same digits JS
    /// prints) on every double that has at most 15 significant digits.
    #[test]
    fn js_numbers_agree_with_shortest_formatting() {
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut typed = 0;
        for k in 0..100_000 {
            // Half typed-looking decimals, half arbitrary bit patterns below 2^52.
            let n = if k % 2 == 0 {
                let digits = (next() % 1_000_000_000_000_000) as f64;
                digits / 10f64.powi((next() % 12) as i32)
            } else {
                f64::from_bits(next() % 0x4330_0000_0000_0000)
            };
            let text = format!("{n}");
            let sig = text
                .trim_start_matches(['-', '0', '.'])
                .replace('.', "")
                .trim_end_matches('0')
                .len();
            let ours = decimal_from_js_number(n);
            let expect = if n.abs() >= 1e15 {
                Err(ParseProblem::TooLarge)
            } else if n == 0.0 || (sig <= 15 && n.abs() >= 1e-10) {
                typed += 1;
                parse_decimal(&text)
            } else {
                Err(ParseProblem::TooManyDecimals)
            };
            assert_eq!(ours, expect, "{n:?} printed as {text}");
        }
        assert!(
            typed > 20_000,
            "the sample must include many typed-looking numbers ({typed})"
        );
    }
}
