//! Numerals in: decimal text as a person types it, and JS numbers through
//! the digits JS itself prints for them, each with a limit on size and
//! places ([`MAX_INPUT_DP`]).

use super::MAX_INPUT_DP;
use rust_decimal::prelude::*;

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
    // At most 16 + MAX_INPUT_DP digits: far inside an i128 and Decimal's 96 bits.
    let mut mantissa: i128 = 0;
    for b in int.bytes().chain(frac.bytes()) {
        mantissa = mantissa * 10 + i128::from(b - b'0');
    }
    if t.starts_with('-') {
        mantissa = -mantissa;
    }
    // frac.len() ≤ MAX_INPUT_DP, so the scale is valid.
    let mut d = Decimal::try_from_i128_with_scale(mantissa, frac.len() as u32)
        .map_err(|_| ParseProblem::NotANumber)?;
    if d.is_zero() {
        d.set_sign_positive(true);
    }
    Ok(d)
}

/// The powers of ten a double holds exactly (10^22 is the last): one
/// correctly rounded multiply or divide by one of them, with an integer of at
/// most 2^53, gives the double nearest a decimal numeral (Clinger's fast path).
pub(crate) const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

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
    // A whole number (a count of periods, a round amount) is exactly its
    // integer, as the general path below would find, much faster.
    #[allow(clippy::float_cmp, clippy::cast_possible_truncation)]
    // |n| < 1e15 < 2^53 here, so the cast is exact.
    if n.trunc() == n {
        return Ok(Decimal::from(n as i64));
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

/// Turns a JS number into a decimal with all the digits JS prints for it (up
/// to 17 significant), for figures that are computed rather than typed: a
/// fraction of a period (`1 + 5/30`), a number of periods in a year
/// (`365/7`). A typed-looking number takes [`decimal_from_js_number`]'s path;
/// otherwise the shortest numeral that reads back as this very double. Money never comes through here: it keeps the ten-place rule.
pub fn decimal_from_js_number_full(n: f64) -> std::result::Result<Decimal, ParseProblem> {
    match decimal_from_js_number(n) {
        Err(ParseProblem::TooManyDecimals) if n.abs() >= 1e-10 => {}
        other => return other,
    }
    let exact = |x: f64| Decimal::from_f64_retain(x).ok_or(ParseProblem::NotANumber);
    let here = exact(n)?;
    // The doubles either side (n is finite, not 0 and below 1e15 here).
    let below = exact(f64::from_bits(n.to_bits() - 1))?;
    let above = exact(f64::from_bits(n.to_bits() + 1))?;
    let two = Decimal::TWO;
    let (low, high) = ((below + here) / two, (here + above) / two);
    let (low, high) = if low < high { (low, high) } else { (high, low) };
    // The shortest numeral that reads back as n, as JS prints it: the nearest
    // of k significant digits for the least k that falls strictly between the
    // midpoints to the neighbouring doubles (17 digits always do).
    for k in 1..17 {
        let c = here.round_sf(k).ok_or(ParseProblem::NotANumber)?;
        if low < c && c < high {
            return Ok(c.normalize());
        }
    }
    Ok(here
        .round_sf(17)
        .ok_or(ParseProblem::NotANumber)?
        .normalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
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

    proptest::proptest! {
        /// Built digit by digit, the decimal is the one rust_decimal parses
        /// from the same numeral: same value and same scale (which the
        /// figures' text depends on), trailing zeros after the point dropped.
        #[test]
        fn numerals_parse_as_rust_decimal_parses_them(
            minus in proptest::bool::ANY,
            int in "[0-9]{0,16}",
            frac in "[0-9]{0,10}",
            zeros in 0usize..6,
            point in proptest::bool::ANY,
        ) {
            proptest::prop_assume!(!int.is_empty() || !frac.is_empty());
            let point = point || !frac.is_empty();
            let text = format!(
                " {}{int}{}{frac}{} ",
                if minus { "-" } else { "" },
                if point { "." } else { "" },
                if point { "0".repeat(zeros) } else { String::new() },
            );
            let got = parse_decimal(&text).unwrap();
            let trimmed = frac.trim_end_matches('0');
            let canonical = format!(
                "{}{}{}{trimmed}",
                if minus { "-" } else { "" },
                if int.is_empty() { "0" } else { &int },
                if trimmed.is_empty() { "" } else { "." },
            );
            let want = Decimal::from_str(&canonical).unwrap();
            proptest::prop_assert_eq!((got.abs().mantissa(), got.scale()), (want.abs().mantissa(), want.scale()), "{}", text);
            proptest::prop_assert_eq!(got.is_sign_negative(), !want.is_zero() && minus);
        }
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
        // Whole numbers take a shortcut to the same decimal, scale 0 included.
        for n in [1.0, 360.0, -42.0, 999_999_999_999_999.0] {
            let got = decimal_from_js_number(n).unwrap();
            assert_eq!((got, got.scale()), (d(&format!("{n}")), 0), "{n}");
        }
        assert_eq!(decimal_from_js_number(0.0000000001), Ok(d("0.0000000001")));
    }

    /// Computed figures keep the digits JS prints for them (Number#toString).
    #[test]
    fn computed_js_numbers_keep_all_their_printed_digits() {
        let cases = [
            (1.0 + 5.0 / 30.0, "1.1666666666666667"),
            (365.0 / 7.0, "52.142857142857146"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1.0 / 3.0, "0.3333333333333333"),
            (2.0 / 3.0, "0.6666666666666666"),
            (12.5, "12.5"),
            (0.1, "0.1"),
        ];
        for (n, js) in cases {
            assert_eq!(decimal_from_js_number_full(n), Ok(d(js)), "{js}");
            assert_eq!(
                format!("{n}"),
                js,
                "Rust prints the shortest digits, as JS does"
            );
        }
        assert_eq!(
            decimal_from_js_number_full(1e300),
            Err(ParseProblem::TooLarge)
        );
        assert_eq!(
            decimal_from_js_number_full(f64::NAN),
            Err(ParseProblem::NotANumber)
        );
    }

    /// On arbitrary doubles, the digits are Rust's shortest round-trip
    /// formatting (the digits JS prints), read back as exactly that double.
    #[test]
    fn computed_js_numbers_agree_with_shortest_formatting() {
        let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            // Doubles from 2^-20 to 2^20: fractions of periods and periods a year.
            let n = f64::from_bits(0x3EB0_0000_0000_0000 + seed % 0x0280_0000_0000_0000);
            let got = decimal_from_js_number_full(n).unwrap();
            assert_eq!(got, d(&format!("{n}")), "{n:?}");
            assert_eq!(got.to_string().parse::<f64>(), Ok(n), "{n:?}");
        }
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
