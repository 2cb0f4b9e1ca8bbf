//! Calendar dates without a clock: parsing `YYYY-MM-DD`, adding months with
//! the day clamped to the month's end, and counting days.
//!
//! Today's date never comes from here; callers pass every date in.

use std::fmt;

/// The first and last years accepted.
pub const MIN_YEAR: i32 = 1900;
/// See [`MIN_YEAR`].
pub const MAX_YEAR: i32 = 2200;

/// A proleptic Gregorian calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u32,
    day: u32,
}

/// Whether `year` has a 29 February.
pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in `month` (1–12) of `year`.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if is_leap(year) => 29,
        _ => 28,
    }
}

impl Date {
    /// A date, if it exists and lies within [`MIN_YEAR`]–[`MAX_YEAR`].
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let ok = (MIN_YEAR..=MAX_YEAR).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        ok.then_some(Date { year, month, day })
    }

    /// Parses exactly `YYYY-MM-DD` (`2026-02-30` is not a date).
    pub fn parse(text: &str) -> Option<Date> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |s: &[u8]| -> Option<u32> {
            s.iter().try_fold(0u32, |acc, &c| {
                c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
            })
        };
        let year = i32::try_from(num(&b[0..4])?).ok()?;
        Date::new(year, num(&b[5..7])?, num(&b[8..10])?)
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }
    /// The month, 1–12.
    pub fn month(self) -> u32 {
        self.month
    }
    /// The day of the month.
    pub fn day(self) -> u32 {
        self.day
    }

    /// Days since 1970-01-01 (negative before), by Howard Hinnant's
    /// `days_from_civil` algorithm.
    pub fn day_number(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `n` days later (earlier when negative), if within range.
    pub fn add_days(self, n: i64) -> Option<Date> {
        let z = self.day_number().checked_add(n)? + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = u32::try_from(doy - (153 * mp + 2) / 5 + 1).ok()?;
        let month = u32::try_from(if mp < 10 { mp + 3 } else { mp - 9 }).ok()?;
        let year = i32::try_from(yoe + era * 400 + i64::from(month <= 2)).ok()?;
        Date::new(year, month, day)
    }

    /// The date `n` months later with the same day of month, clamped to the
    /// month's end (31 January + 1 month = 28 or 29 February; + 2 months = 31 March).
    pub fn add_months(self, n: u32) -> Option<Date> {
        self.shift_months(i64::from(n))
    }

    /// Like [`Date::add_months`], for a signed number of months.
    pub fn shift_months(self, n: i64) -> Option<Date> {
        let total = i64::from(self.year) * 12 + i64::from(self.month - 1) + n;
        let year = i32::try_from(total.div_euclid(12)).ok()?;
        let month = u32::try_from(total.rem_euclid(12)).ok()? + 1;
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            return None;
        }
        Date::new(year, month, self.day.min(days_in_month(year, month)))
    }

    /// Days from `self` to `later` (negative if `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.day_number() - self.day_number()
    }

    /// Whole months from `self` to `later` by the calendar, counting a month
    /// as complete when the same (clamped) day is reached, and the days left over.
    /// `later` must not be earlier than `self`.
    pub fn months_and_days_until(self, later: Date) -> (u32, i64) {
        let mut months = 0u32;
        // At most (MAX_YEAR - MIN_YEAR + 1) * 12 steps; start from a close estimate.
        let estimate = (later.year - self.year) * 12 + later.month as i32 - self.month as i32;
        if estimate > 1 {
            months = (estimate - 1) as u32;
        }
        while let Some(next) = self.add_months(months + 1) {
            if next > later {
                break;
            }
            months += 1;
        }
        let anchor = self.add_months(months).unwrap_or(self);
        (months, anchor.days_until(later))
    }
}

impl Date {
    /// Whole months counted backward from `self` to `earlier` (a month is
    /// whole when the same clamped day is not before `earlier`), and the days
    /// left between `earlier` and the first date reached.
    pub fn months_and_days_back_to(self, earlier: Date) -> (u32, i64) {
        let estimate = (self.year - earlier.year) * 12 + self.month as i32 - earlier.month as i32;
        let mut months = if estimate > 1 {
            (estimate - 1) as u32
        } else {
            0
        };
        while let Some(prev) = self.shift_months(-i64::from(months + 1)) {
            if prev < earlier {
                break;
            }
            months += 1;
        }
        let anchor = self.shift_months(-i64::from(months)).unwrap_or(self);
        (months, earlier.days_until(anchor))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn parse_rejects_impossible_dates() {
        for bad in [
            "2026-02-29",
            "2026-02-30",
            "2026-13-01",
            "2026-00-10",
            "26-01-01",
            "2026/01/01",
            "2026-1-01",
            "",
            "1899-12-31",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert_eq!(date("2024-02-29").to_string(), "2024-02-29");
    }

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(date("1970-01-01").day_number(), 0);
        assert_eq!(date("2000-03-01").day_number(), 11_017);
        let start = date("1900-01-01");
        for n in (0..109_000).step_by(37) {
            let d = start.add_days(n).unwrap();
            assert_eq!(start.days_until(d), n);
        }
    }

    #[test]
    fn months_clamp_to_month_end() {
        let d = date("2026-01-31");
        assert_eq!(d.add_months(1).unwrap().to_string(), "2026-02-28");
        assert_eq!(d.add_months(2).unwrap().to_string(), "2026-03-31");
        assert_eq!(
            date("2024-01-31").add_months(1).unwrap().to_string(),
            "2024-02-29"
        );
        assert_eq!(
            date("2026-11-15").add_months(14).unwrap().to_string(),
            "2028-01-15"
        );
    }

    #[test]
    fn eu_example_interval() {
        // 1994-01-01 to 1995-07-01 is 546 days (Directive 87/102 amendment, Annex III).
        assert_eq!(date("1994-01-01").days_until(date("1995-07-01")), 546);
        assert_eq!(
            date("1994-01-01").months_and_days_until(date("1995-07-01")),
            (18, 0)
        );
        assert_eq!(
            date("2026-01-15").months_and_days_until(date("2026-03-01")),
            (1, 14)
        );
        // Counting back from 1 March to 20 January: one month (1 February), then 12 days.
        assert_eq!(
            date("2012-03-01").months_and_days_back_to(date("2012-01-20")),
            (1, 12)
        );
    }
}
