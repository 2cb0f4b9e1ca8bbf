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
    if value.scale() <= dp && !value.is_zero() {
        return value; // already exact at this precision
    }
    let mut r = value.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    if r.is_zero() {
        r.set_sign_positive(true);
    }
    r
}

/// A money figure as the API returns it: exactly two decimals, `"-0.00"` never.
pub fn fmt_money(value: Decimal) -> String {
    fixed(round_cents(value), MONEY_DP)
}

/// A percent as the API returns it: four decimals, half-up.
pub fn fmt_percent(percent: Decimal) -> String {
    fixed(round_dp_half_up(percent, PERCENT_DP), PERCENT_DP)
}

/// Writes `value` (already rounded to `dp` places) with exactly `dp` decimals,
/// straight from its integer mantissa (several times faster than `Display`).
fn fixed(mut value: Decimal, dp: u32) -> String {
    value.rescale(dp);
    let m = value.mantissa();
    // Money and percents fit in a u64 mantissa; format that (u128 formatting is slow).
    let digits = match u64::try_from(m.unsigned_abs()) {
        Ok(small) => small.to_string(),
        Err(_) => m.unsigned_abs().to_string(),
    };
    let dp = dp as usize;
    let mut out = String::with_capacity(digits.len() + dp + 3);
    if m < 0 {
        out.push('-');
    }
    if digits.len() <= dp {
        out.push('0');
        out.push('.');
        out.extend(std::iter::repeat_n('0', dp - digits.len()));
        out.push_str(&digits);
    } else {
        let (int, frac) = digits.split_at(digits.len() - dp);
        out.push_str(int);
        out.push('.');
        out.push_str(frac);
    }
    out
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

/// The sum of `values`, checked.
pub fn sum<I: IntoIterator<Item = Decimal>>(values: I) -> Result<Decimal> {
    values.into_iter().try_fold(Decimal::ZERO, add)
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
