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

mod parse;
mod text;

pub(crate) use parse::POW10;
pub use parse::{decimal_from_js_number, decimal_from_js_number_full, parse_decimal, ParseProblem};
pub(crate) use text::push_u32;
pub use text::{fmt_money, fmt_percent, push_money, Figure};

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
}
