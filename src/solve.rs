//! Finding the rate at which a stream of cash flows is worth zero.
//!
//! # Equation
//! For flows `a_k` at times `t_k` (in unit periods, `t_k = w_k + f_k` with a
//! whole part and a fraction), the unit-period rate `i > −1` solves
//!
//! ```text
//! Σ a_k · d_k(i) = 0,   d_k(i) = (1+i)^(−t_k)                   (compound)
//!                       d_k(i) = (1+i)^(−w_k) / (1 + f_k·i)       (Reg Z Appendix J)
//! ```
//!
//! # Method
//! 1. No sign change among the flows means no rate exists: `noSolution`.
//! 2. The value is evaluated in exact decimals and never overflows: for
//!    `i ≥ 0` as a present value (every factor ≤ 1); for `i < 0` as a future
//!    value, the same equation multiplied by `(1+i)^T` (T past the last flow),
//!    which has the same roots and again only factors ≤ 1.
//! 3. A bracket is sought by walking a fixed grid outwards from 0 on both
//!    sides in step; the first sign change found is the root closest to zero,
//!    the economically meaningful one when a stream has several.
//! 4. Brent's method refines the bracket to 10⁻¹⁶ (falling back to bisection
//!    steps whenever an interpolation step would overflow), so it always ends.

use crate::error::{Error, ErrorCode, Result};
use crate::money::{add, div, mul, sub};
use rust_decimal::prelude::*;

mod newton;

/// One flow: an amount and its time in unit periods.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimedFlow {
    /// Signed amount (borrower's side: received positive, paid negative).
    pub amount: Decimal,
    /// Whole unit periods from the start.
    pub whole: u32,
    /// The fraction of a unit period beyond `whole`, in `[0, 1)`.
    pub frac: Decimal,
}

/// How a fraction of a unit period is discounted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Discounting {
    /// `(1+i)^t` for every `t`, fractional or not (IRR, XIRR, EU Annex I).
    Compound,
    /// Simple interest for the fraction, compound for whole periods (Reg Z Appendix J).
    SimpleFraction,
}

/// The most whole unit periods between the first and the last flow.
pub const MAX_WHOLE_PERIODS: u32 = 20_000;

/// The grid of unit-period rates walked outwards from zero to find a bracket.
const GRID_UP: [&str; 22] = [
    "0.0005", "0.001", "0.002", "0.005", "0.01", "0.02", "0.035", "0.05", "0.1", "0.2", "0.35",
    "0.5", "1", "2", "5", "10", "30", "100", "1000", "10000", "100000", "1000000",
];
const GRID_DOWN: [&str; 14] = [
    "-0.0005", "-0.001", "-0.002", "-0.005", "-0.01", "-0.02", "-0.05", "-0.1", "-0.2", "-0.4",
    "-0.6", "-0.8", "-0.95", "-0.999",
];

/// Tolerance on the unit-period rate.
const TOLERANCE: Decimal = Decimal::from_parts(1, 0, 0, false, 16);
const MAX_BRENT_STEPS: usize = 200;
const MAX_BISECTIONS: usize = 120;

/// A stream of flows ready to be valued at any rate.
pub struct Stream {
    flows: Vec<TimedFlow>,
    discounting: Discounting,
    last_whole: u32,
    has_fraction: bool,
    /// Amounts summed per whole period, scaled by a power of ten so the
    /// largest is below 10⁷, when every flow falls on a whole period and is
    /// compounded: the case of every loan schedule, solved by Newton's method.
    dense: Option<Vec<Decimal>>,
}

impl Stream {
    /// Checks the flows: some received and some paid, times within range.
    pub fn new(flows: Vec<TimedFlow>, discounting: Discounting) -> Result<Stream> {
        let signed = |negative: bool| {
            flows
                .iter()
                .any(|f| !f.amount.is_zero() && f.amount.is_sign_negative() == negative)
        };
        let (has_pos, has_neg) = (signed(false), signed(true));
        if !(has_pos && has_neg) {
            return Err(Error::general(
                ErrorCode::NoSolution,
                "the flows never change sign (money must be both received and paid), so no rate exists",
            ));
        }
        let last_whole = flows.iter().map(|f| f.whole).max().unwrap_or(0);
        if last_whole > MAX_WHOLE_PERIODS {
            return Err(Error::general(
                ErrorCode::OutOfRange,
                "the flows span too many periods",
            ));
        }
        let has_fraction = flows.iter().any(|f| !f.frac.is_zero());
        let dense = if has_fraction || discounting != Discounting::Compound {
            None
        } else {
            dense_coefficients(&flows, last_whole)
        };
        Ok(Stream {
            flows,
            discounting,
            last_whole,
            has_fraction,
            dense,
        })
    }

    /// The value of the stream at unit-period rate `i` (> −1), scaled by a
    /// positive factor (present value for `i ≥ 0`, future value below), so
    /// only its sign and its roots are meaningful.
    pub fn value(&self, i: Decimal) -> Result<Decimal> {
        let one_plus = add(Decimal::ONE, i)?;
        let future = i < Decimal::ZERO;
        // g ≤ 1 in both forms.
        let g = if future {
            one_plus
        } else {
            div(Decimal::ONE, one_plus)?
        };
        let horizon = self.last_whole + 1;
        let mut powers = Vec::with_capacity(horizon as usize + 1);
        let mut p = Decimal::ONE;
        for _ in 0..=horizon {
            powers.push(p);
            p = mul(p, g)?;
        }
        let ln_g = if self.has_fraction && self.discounting == Discounting::Compound {
            Some(g.checked_ln().ok_or_else(|| Error::overflow(None))?)
        } else {
            None
        };
        let mut total = Decimal::ZERO;
        for f in &self.flows {
            let term = match (self.discounting, future) {
                (Discounting::Compound, false) => mul(
                    mul(f.amount, powers[f.whole as usize])?,
                    frac_power(ln_g, f.frac)?,
                )?,
                (Discounting::Compound, true) => {
                    // (1+i)^(horizon − w − f) = g^(horizon − w − 1) · g^(1 − f)
                    if f.frac.is_zero() {
                        mul(f.amount, powers[(horizon - f.whole) as usize])?
                    } else {
                        let whole = powers[(horizon - f.whole - 1) as usize];
                        mul(
                            mul(f.amount, whole)?,
                            frac_power(ln_g, sub(Decimal::ONE, f.frac)?)?,
                        )?
                    }
                }
                (Discounting::SimpleFraction, false) => div(
                    mul(f.amount, powers[f.whole as usize])?,
                    add(Decimal::ONE, mul(f.frac, i)?)?,
                )?,
                (Discounting::SimpleFraction, true) => div(
                    mul(f.amount, powers[(horizon - f.whole) as usize])?,
                    add(Decimal::ONE, mul(f.frac, i)?)?,
                )?,
            };
            total = add(total, term)?;
        }
        Ok(total)
    }

    /// The unit-period rate that makes the stream worth zero (see the module doc).
    pub fn solve(&self) -> Result<Decimal> {
        self.solve_near(None)
    }

    /// Like [`Stream::solve`], starting Newton's method from `hint` (such as
    /// the contract rate) when the stream allows the fast path.
    pub fn solve_near(&self, hint: Option<Decimal>) -> Result<Decimal> {
        if let Some(c) = &self.dense {
            if sign_changes(c) == 1 {
                let start = hint.unwrap_or(Decimal::new(1, 2));
                if let Some(root) = newton::Fixed::new(c).and_then(|f| f.root(start)) {
                    return Ok(root);
                }
            }
        }
        self.solve_by_bracket()
    }

    fn solve_by_bracket(&self) -> Result<Decimal> {
        let zero_value = self.value(Decimal::ZERO)?;
        if zero_value.is_zero() {
            return Ok(Decimal::ZERO);
        }
        let (mut up_prev, mut up_val) = (Decimal::ZERO, zero_value);
        let (mut down_prev, mut down_val) = (Decimal::ZERO, zero_value);
        let steps = GRID_UP.len().max(GRID_DOWN.len());
        for step in 0..steps {
            if let Some(s) = GRID_UP.get(step) {
                let x = grid(s);
                if let Ok(v) = self.value(x) {
                    if v.is_zero() {
                        return Ok(x);
                    }
                    if v.is_sign_negative() != up_val.is_sign_negative() {
                        return self.refine(up_prev, up_val, x, v);
                    }
                    (up_prev, up_val) = (x, v);
                }
            }
            if let Some(s) = GRID_DOWN.get(step) {
                let x = grid(s);
                if let Ok(v) = self.value(x) {
                    if v.is_zero() {
                        return Ok(x);
                    }
                    if v.is_sign_negative() != down_val.is_sign_negative() {
                        return self.refine(x, v, down_prev, down_val);
                    }
                    (down_prev, down_val) = (x, v);
                }
            }
        }
        Err(Error::general(
            ErrorCode::NoSolution,
            "no rate between −99.9 % and 100,000,000 % per period makes these flows balance",
        ))
    }

    /// Brent's method on a bracket `[a, b]` with `f(a)`, `f(b)` of opposite signs.
    fn refine(&self, a: Decimal, fa: Decimal, b: Decimal, fb: Decimal) -> Result<Decimal> {
        let two = Decimal::TWO;
        let (mut a, mut fa, mut b, mut fb) = (a, fa, b, fb);
        let (mut c, mut fc) = (b, fb);
        let (mut d, mut e) = (sub(b, a)?, sub(b, a)?);
        for _ in 0..MAX_BRENT_STEPS {
            if (fb > Decimal::ZERO && fc > Decimal::ZERO)
                || (fb < Decimal::ZERO && fc < Decimal::ZERO)
            {
                c = a;
                fc = fa;
                d = sub(b, a)?;
                e = d;
            }
            if fc.abs() < fb.abs() {
                (a, b, c) = (b, c, b);
                (fa, fb, fc) = (fb, fc, fb);
            }
            let xm = div(sub(c, b)?, two)?;
            if xm.abs() <= TOLERANCE || fb.is_zero() {
                return Ok(b);
            }
            let interpolated = if e.abs() >= TOLERANCE && fa.abs() > fb.abs() {
                interpolate(a, fa, b, fb, c, fc, xm, e)
            } else {
                None
            };
            match interpolated {
                Some(step) => {
                    e = d;
                    d = step;
                }
                None => {
                    d = xm;
                    e = d;
                }
            }
            a = b;
            fa = fb;
            b = if d.abs() > TOLERANCE {
                add(b, d)?
            } else if xm.is_sign_negative() {
                sub(b, TOLERANCE)?
            } else {
                add(b, TOLERANCE)?
            };
            fb = self.value(b)?;
        }
        self.bisect(b, fb, c, fc)
    }

    /// Plain bisection, the guaranteed fallback.
    fn bisect(&self, mut a: Decimal, fa: Decimal, mut b: Decimal, _fb: Decimal) -> Result<Decimal> {
        let neg_a = fa.is_sign_negative();
        for _ in 0..MAX_BISECTIONS {
            let m = div(add(a, b)?, Decimal::TWO)?;
            if sub(b, a)?.abs() <= TOLERANCE {
                return Ok(m);
            }
            let fm = self.value(m)?;
            if fm.is_zero() {
                return Ok(m);
            }
            if fm.is_sign_negative() == neg_a {
                a = m;
            } else {
                b = m;
            }
        }
        div(add(a, b)?, Decimal::TWO)
    }
}

/// Coefficients per whole period, scaled by a power of ten (which leaves the
/// roots alone) so that the largest magnitude is below 10⁷.
fn dense_coefficients(flows: &[TimedFlow], last: u32) -> Option<Vec<Decimal>> {
    let mut c = vec![Decimal::ZERO; last as usize + 1];
    for f in flows {
        c[f.whole as usize] = c[f.whole as usize].checked_add(f.amount)?;
    }
    // Digits of the largest |coefficient|'s whole part: the largest of each
    // one's (digits of its mantissa − its scale), with no Decimal comparison
    // (coefficients of different scales would be rescaled to compare).
    let digits = c
        .iter()
        .filter(|x| !x.is_zero())
        .map(|x| i64::from(x.mantissa().unsigned_abs().ilog10() + 1) - i64::from(x.scale()))
        .max()
        .unwrap_or(0)
        .max(0);
    let shift = u32::try_from(digits - 7).unwrap_or(0);
    if shift > 0 {
        let div = Decimal::from_i128_with_scale(10i128.pow(shift), 0);
        for x in &mut c {
            *x = x.checked_div(div)?;
        }
    }
    Some(c)
}

/// Sign changes in the sequence, zeros skipped (Descartes: one change means one root).
fn sign_changes(c: &[Decimal]) -> usize {
    let mut last = None;
    let mut changes = 0;
    for x in c.iter().filter(|x| !x.is_zero()) {
        // Not zero, so the sign bit is the sign (and no comparison rescales).
        let neg = x.is_sign_negative();
        if last.is_some_and(|l| l != neg) {
            changes += 1;
        }
        last = Some(neg);
    }
    changes
}

/// An inverse-quadratic or secant step for Brent's method, if acceptable.
#[allow(clippy::too_many_arguments)]
fn interpolate(
    a: Decimal,
    fa: Decimal,
    b: Decimal,
    fb: Decimal,
    c: Decimal,
    fc: Decimal,
    xm: Decimal,
    e: Decimal,
) -> Option<Decimal> {
    let two = Decimal::TWO;
    let one = Decimal::ONE;
    let s = div(fb, fa).ok()?;
    let (mut p, mut q);
    if a == c {
        p = mul(mul(two, xm).ok()?, s).ok()?;
        q = sub(one, s).ok()?;
    } else {
        let qq = div(fa, fc).ok()?;
        let r = div(fb, fc).ok()?;
        let inner = mul(mul(mul(two, xm).ok()?, qq).ok()?, sub(qq, r).ok()?).ok()?;
        let other = mul(sub(b, a).ok()?, sub(r, one).ok()?).ok()?;
        p = mul(s, sub(inner, other).ok()?).ok()?;
        q = mul(
            mul(sub(qq, one).ok()?, sub(r, one).ok()?).ok()?,
            sub(s, one).ok()?,
        )
        .ok()?;
    }
    if p > Decimal::ZERO {
        q = -q;
    }
    p = p.abs();
    let min1 = sub(
        mul(mul(Decimal::from(3), xm).ok()?, q).ok()?,
        mul(TOLERANCE, q).ok()?.abs(),
    )
    .ok()?;
    let min2 = mul(e, q).ok()?.abs();
    if mul(two, p).ok()? < min1.min(min2) && !q.is_zero() {
        div(p, q).ok()
    } else {
        None
    }
}

fn frac_power(ln_g: Option<Decimal>, frac: Decimal) -> Result<Decimal> {
    match ln_g {
        Some(l) if !frac.is_zero() => mul(l, frac)?
            .checked_exp()
            .ok_or_else(|| Error::overflow(None)),
        _ => Ok(Decimal::ONE),
    }
}

fn grid(s: &str) -> Decimal {
    // The grid literals are valid numerals; a parse failure would be a typo caught by tests.
    crate::money::parse_decimal(s).unwrap_or(Decimal::ZERO)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    proptest::proptest! {
        /// The coefficients are scaled down exactly as when the digits were
        /// counted on the largest |coefficient| by Decimal division.
        #[test]
        fn dense_coefficients_scale_as_counted_by_division(
            amounts in proptest::collection::vec((-10i64.pow(15)..10i64.pow(15), 0u32..6), 1..40),
        ) {
            let flows: Vec<TimedFlow> = amounts
                .iter()
                .enumerate()
                .map(|(k, &(m, s))| TimedFlow { amount: Decimal::new(m, s), whole: k as u32, frac: Decimal::ZERO })
                .collect();
            let last = flows.len() as u32 - 1;
            let raw: Vec<Decimal> = flows.iter().map(|f| f.amount).collect();
            let max = raw.iter().map(|x| x.abs()).max().unwrap();
            let mut digits = 0i64;
            let mut m = max.trunc();
            while m >= Decimal::ONE {
                m = (m / Decimal::TEN).trunc();
                digits += 1;
            }
            let shift = u32::try_from(digits - 7).unwrap_or(0);
            let div = Decimal::from_i128_with_scale(10i128.pow(shift), 0);
            let want: Vec<Decimal> = raw.iter().map(|x| if shift > 0 { x / div } else { *x }).collect();
            proptest::prop_assert_eq!(dense_coefficients(&flows, last), Some(want));
        }
    }

    fn periodic(amounts: &[Decimal]) -> Stream {
        let flows = amounts
            .iter()
            .enumerate()
            .map(|(k, a)| TimedFlow {
                amount: *a,
                whole: k as u32,
                frac: Decimal::ZERO,
            })
            .collect();
        Stream::new(flows, Discounting::Compound).unwrap()
    }

    #[test]
    fn grid_literals_parse() {
        for s in GRID_UP.iter().chain(GRID_DOWN.iter()) {
            let want = Decimal::from_str(s).unwrap();
            let got = grid(s);
            assert_eq!(
                (got.mantissa(), got.scale()),
                (want.mantissa(), want.scale()),
                "{s}"
            );
        }
    }

    #[test]
    fn simple_two_flow_rate() {
        // 100 now, 110 in one period: 10 %.
        let r = periodic(&[d("100"), d("-110")]).solve().unwrap();
        assert!((r - d("0.1")).abs() < d("1e-15"), "{r}");
        // A loss: 100 now, 50 back: −50 %.
        let r = periodic(&[d("100"), d("-50")]).solve().unwrap();
        assert!((r + d("0.5")).abs() < d("1e-15"), "{r}");
    }

    #[test]
    fn no_sign_change_is_no_solution() {
        let flows = vec![TimedFlow {
            amount: d("1"),
            whole: 0,
            frac: Decimal::ZERO,
        }];
        assert_eq!(
            Stream::new(flows, Discounting::Compound)
                .err()
                .map(|e| e.code),
            Some(ErrorCode::NoSolution)
        );
    }

    #[test]
    fn loan_shark_rates_are_found() {
        // 1,000 now; 600 interest-only payments of 1,000 (100 %/month), then 1,000 back.
        let mut a = vec![d("1000")];
        a.extend(std::iter::repeat_n(d("-1000"), 599));
        a.push(d("-2000"));
        let r = periodic(&a).solve().unwrap();
        assert!((r - Decimal::ONE).abs() < d("1e-14"), "{r}");
    }
}
