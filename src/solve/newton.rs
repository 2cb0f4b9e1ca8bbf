//! Newton's method for streams with one sign change (every loan), in exact
//! fixed-point integer arithmetic, with a certified answer.
//!
//! Decimal arithmetic costs about 50 ns an operation, and a 360-month stream
//! needs ~1,500 of them per evaluation; the same Horner evaluation on 128-bit
//! integers is some 20 times cheaper. The numbers stay exact integers, never
//! floats:
//! - each per-period amount `c_k` becomes an integer `C_k = round(c_k · 10^s)`,
//!   with `s` chosen so that `Σ|C_k| < 2^62`;
//! - the discount factor `x = 1/(1+i)` (or `u = 1+i` below 0 %, the future-value
//!   form) becomes `X = round(x · 2^62) ≤ 2^62`;
//! - Horner's rule computes `Σ C_k x^k` with a floor shift after each product,
//!   so every partial sum stays below `2^63` in magnitude and no product
//!   exceeds `2^125`.
//!
//! # Certification
//! The error of an evaluation, in units of `10^−s`, is at most
//! `E = 1.5 (n+1) + 1 + Σ k|C_k| / 2^63` (one unit per floor shift, half a
//! unit per rounded coefficient, and the rounding of `X` times the largest
//! slope). The root `r` that Newton's method finds is accepted only if the
//! values at `r − δ` and `r + δ` (δ = 10⁻¹² · max(1, |r|), widened up to
//! 10⁻⁹ · max(1, |r|) where the value is very flat) have opposite signs and
//! both exceed `E`: then the exact function changes sign within `δ` of `r`.
//! Otherwise the caller falls back to the exact-decimal bracket method.
//!
//! # The starting point
//! Each exact step costs decimal divisions and conversions; most of a short
//! stream's time went to the six to ten steps from a far start. So the root is
//! first estimated on the same integers ([`Fixed::seed`]: Newton's method on
//! the scaled discount factor `X` itself, integer Horner sums and one integer
//! division a step, no decimal), and the exact method starts just below that
//! estimate. The estimate is only a starting point: the answer is still the
//! exact Newton iterate, certified as above, and an estimate that is missing or
//! on the wrong side of the root only means the usual starts are tried instead.

use rust_decimal::prelude::*;

const Q: u32 = 62;
const NEWTON_STEPS: usize = 80;

/// A stream of per-period amounts as exact integers.
pub struct Fixed {
    c: Vec<i128>,
    /// Σ k·|C_k| (for the error bound and the slope scaling).
    moment: i128,
}

impl Fixed {
    /// Scales `c` (amounts per whole period) to integers; `None` if it cannot
    /// (too many periods for the bound, or an amount that does not fit).
    pub fn new(c: &[Decimal]) -> Option<Fixed> {
        let total: Decimal = c
            .iter()
            .try_fold(Decimal::ZERO, |acc, x| acc.checked_add(x.abs()))?;
        if total.is_zero() {
            return None;
        }
        // The largest s ≤ 18 with total · 10^s < 4·10^18 (< 2^62 ≈ 4.6e18), found
        // on the integer mantissa (total = m / 10^scale): comparing decimals of
        // different scales rescales them, which was a tenth of a short stream's time.
        let (m, scale) = (total.mantissa().unsigned_abs(), total.scale());
        let below = |s: u32| -> bool {
            // m · 10^s < 4·10^18 · 10^scale, in whichever form fits in u128.
            const LIMIT: u128 = 4_000_000_000_000_000_000;
            if s >= scale {
                10u128
                    .checked_pow(s - scale)
                    .and_then(|p| m.checked_mul(p))
                    .is_some_and(|v| v < LIMIT)
            } else {
                10u128
                    .checked_pow(scale - s)
                    .and_then(|p| LIMIT.checked_mul(p))
                    .is_none_or(|v| m < v)
            }
        };
        if !below(0) {
            return None;
        }
        let s = (1..=18u32).take_while(|&s| below(s)).last().unwrap_or(0);
        let factor = Decimal::from_i128_with_scale(10i128.pow(s), 0);
        // 10^k for k ≤ s (≤ 18: fits an i64, so the products below fit i128).
        let mut powers = [1i128; 19];
        for k in 1..powers.len() {
            powers[k] = powers[k - 1] * 10;
        }
        let ints: Option<Vec<i128>> = c
            .iter()
            .map(|x| {
                // x · 10^s, exact in integers when x has at most s places
                // (money has two), else rounded through Decimal.
                match s.checked_sub(x.scale()) {
                    Some(up) => x.mantissa().checked_mul(*powers.get(up as usize)?),
                    None => x.checked_mul(factor)?.round().to_i128(),
                }
            })
            .collect();
        let ints = ints?;
        let mut moment: i128 = 0;
        for (k, v) in ints.iter().enumerate() {
            moment = moment.checked_add(v.checked_abs()?.checked_mul(k as i128)?)?;
        }
        Some(Fixed { c: ints, moment })
    }

    /// The certified error bound `E` of [`Fixed::value`], in units.
    fn error_bound(&self) -> i128 {
        let n = self.c.len() as i128;
        3 * (n + 1) / 2 + 2 + (self.moment >> 63)
    }

    /// Value and slope (d/di, scaled down by 2^SLOPE_SHIFT) at rate `i`; both as
    /// integers in units of 10^−s. The value is a positive multiple of the NPV.
    fn value_and_slope(&self, i: Decimal) -> Option<(i128, i128)> {
        let one_plus = Decimal::ONE.checked_add(i)?;
        // Signs by the sign bit (a comparison with zero would rescale).
        if one_plus.is_zero() || one_plus.is_sign_negative() {
            return None;
        }
        let future = i.is_sign_negative() && !i.is_zero();
        let x = if future {
            one_plus
        } else {
            Decimal::ONE.checked_div(one_plus)?
        };
        let big = x.checked_mul(Decimal::from(1u64 << Q))?.round().to_i128()?;
        let shift = slope_shift(self.moment);
        let (mut b, mut d) = (0i128, 0i128);
        // PV form: Horner from the last period; FV form: from the first.
        let step = |b: &mut i128, d: &mut i128, ck: i128| {
            *d = ((*d * big) >> Q) + (*b >> shift);
            *b = ((*b * big) >> Q) + ck;
        };
        if future {
            for &ck in &self.c {
                step(&mut b, &mut d, ck);
            }
            Some((b, d))
        } else {
            for &ck in self.c.iter().rev() {
                step(&mut b, &mut d, ck);
            }
            // df/di = p'(x) · (−x²).
            let x2 = (big * big) >> Q;
            Some((b, -((d * x2) >> Q)))
        }
    }

    /// Newton's method, started on the low side of the root; the root if it
    /// converges and is certified.
    ///
    /// With one sign change the value is monotone in the rate, and in the
    /// present-value form Newton's iterates started below the root climb to it
    /// without overshooting. Below the root the value has the sign of the last
    /// flow (it dominates as the rate nears −100 %), so `hint` (such as the
    /// contract rate) is used when it is on that side, else 0 %, else a
    /// negative rate far enough down.
    pub fn root(&self, hint: Decimal) -> Option<Decimal> {
        let floor = Decimal::new(-999_999, 6);
        let shift = Decimal::from(1u64 << slope_shift(self.moment));
        let low_sign = self.c.iter().rev().find(|c| **c != 0)?.signum();
        // Just below the integer estimate of the root (a millionth of a
        // millionth, then a millionth, of max(1, |estimate|)), when there is one.
        let below = self.seed(hint).map(|s| {
            let m = s.abs().max(Decimal::ONE);
            [s - Decimal::new(1, 12) * m, s - Decimal::new(1, 6) * m]
        });
        // The first start below the root; its value and slope serve the
        // first Newton step too.
        let (start, mut at_i) = below
            .into_iter()
            .flatten()
            .chain([
                hint,
                Decimal::ZERO,
                Decimal::new(-5, 1),
                Decimal::new(-9, 1),
                Decimal::new(-99, 2),
            ])
            .filter(|x| *x > floor)
            .find_map(|x| {
                let v = self.value_and_slope(x)?;
                (v.0.signum() == low_sign).then_some((x, Some(v)))
            })?;
        let mut i = start;
        for _ in 0..NEWTON_STEPS {
            let (f, slope) = match at_i.take() {
                Some(v) => v,
                None => self.value_and_slope(i)?,
            };
            if f == 0 {
                return self.certify(i);
            }
            if slope == 0 {
                return None;
            }
            let step = Decimal::from_i128(f)?
                .checked_div(Decimal::from_i128(slope)?.checked_mul(shift)?)?;
            let mut next = i.checked_sub(step)?;
            if next <= floor {
                next = (i + floor) / Decimal::TWO;
            }
            let done = (next - i).abs() <= Decimal::new(1, 15) * i.abs().max(Decimal::ONE);
            i = next;
            if done {
                return self.certify(i);
            }
        }
        None
    }

    /// An estimate of a positive root, by Newton's method on the scaled
    /// discount factor `X = 2^62/(1+i)` from `hint`: `p(X) = Σ C_k (X/2^62)^k`
    /// and its slope by integer Horner sums, the step `p/p'` by one integer
    /// division. `None` unless it settles (a step under one unit of `X`)
    /// inside `0 < X < 2^62`, i.e. at a rate above 0 %. Only ever a starting
    /// point for [`Fixed::root`] (see the module doc).
    fn seed(&self, hint: Decimal) -> Option<Decimal> {
        let one = 1i128 << Q;
        let shift = slope_shift(self.moment);
        let start = Decimal::from(1u64 << Q)
            .checked_div(Decimal::ONE.checked_add(hint.max(Decimal::ZERO))?)?
            .round()
            .to_i128()?;
        let mut x = start.clamp(1, one - 1);
        for _ in 0..60 {
            let (mut b, mut d) = (0i128, 0i128);
            for &ck in self.c.iter().rev() {
                d = ((d * x) >> Q) + (b >> shift);
                b = ((b * x) >> Q) + ck;
            }
            if d == 0 {
                return None;
            }
            // ΔX = p / p' = b · 2^62 / (d · 2^shift), both below 2^63 in magnitude.
            let step = ((b << Q) >> shift).checked_div(d)?;
            let next = x.checked_sub(step)?;
            if next <= 0 || next >= one {
                return None;
            }
            let settled = step.abs() <= 1;
            x = next;
            if settled {
                // i = 2^62 / X − 1.
                return Decimal::from(1u64 << Q)
                    .checked_div(Decimal::from_i128(x)?)?
                    .checked_sub(Decimal::ONE);
            }
        }
        None
    }

    /// Accepts `r` when the values at `r ± δ` have opposite signs and both
    /// exceed the error bound. δ starts at 10⁻¹² · max(1, |r|) and widens
    /// tenfold up to 10⁻⁹ · max(1, |r|) where the value is very flat (loans
    /// at thousands of percent), still far inside the four decimals shown.
    fn certify(&self, r: Decimal) -> Option<Decimal> {
        let e = self.error_bound();
        let scale = r.abs().max(Decimal::ONE);
        for exp in [12u32, 11, 10, 9] {
            let delta = Decimal::new(1, exp).checked_mul(scale)?;
            let (lo, _) = self.value_and_slope(r.checked_sub(delta)?)?;
            let (hi, _) = self.value_and_slope(r.checked_add(delta)?)?;
            if lo.signum() != -hi.signum() {
                return None;
            }
            if lo.abs() > e && hi.abs() > e {
                return Some(r);
            }
        }
        None
    }
}

/// How far the slope accumulator is shifted right so it stays below 2^63.
fn slope_shift(moment: i128) -> u32 {
    let bits = 128 - moment.max(1).leading_zeros();
    bits.saturating_sub(62)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn finds_a_certified_mortgage_rate() {
        let mut c = vec![d("1000000")];
        c.extend(std::iter::repeat_n(d("-5307.27"), 360));
        let f = Fixed::new(&c).unwrap();
        let r = f.root(d("0.004")).unwrap();
        // The exact monthly rate of 5,307.27 on 1,000,000 over 360 months is 0.40833…%.
        assert!((r - d("0.0040833")).abs() < d("0.0000001"), "{r}");
    }

    #[test]
    fn loan_shark_rates_stay_on_the_fast_path() {
        // 10,000 at 10,000 %/year over 600 months: 93,333.33 a month (interest only,
        // in effect); the monthly rate is 833.33 %.
        let mut c = vec![d("10000")];
        c.extend(std::iter::repeat_n(d("-83333.33"), 599));
        c.push(d("-93333.33"));
        let f = Fixed::new(&c).unwrap();
        let r = f.root(d("8.3333")).unwrap();
        assert!((r - d("8.333333")).abs() < d("0.000001"), "{r}");
    }

    #[test]
    fn negative_rates_use_the_future_value_form() {
        let f = Fixed::new(&[d("100"), d("-50")]).unwrap();
        let r = f.root(d("0.01")).unwrap();
        assert!((r + d("0.5")).abs() < d("1e-12"), "{r}");
    }
}
