//! A private log of collection contacts (calls, messages, visits), checked
//! against the rule pack's conduct rules.
//!
//! The checker is plain data in, data out: contacts with a wall-clock time
//! (no time zone, no clock), the rules' figures from the pack (the quiet
//! hours, the unanswered attempts a day), and out come, per rule, the
//! entries that look like breaches and the days they fall on, plus a
//! day-by-day summary. Which lender types a rule binds is decided by the
//! rule's scope in the pack, not here: every flag is listed for every lender
//! and says whether its rule applies.
//!
//! # Rules
//! - `lateHours`: a contact whose minute of day lies in the quiet hours
//!   (from `fromTime` inclusive to `toTime` exclusive, across midnight when
//!   `fromTime` is later), unless the person consented to late contact.
//! - `unansweredCalls`: on one day, the unanswered calls to the person
//!   beyond the rule's `maxPerDay`, counted in time order (ties in input
//!   order): the next one and every later one are flagged.
//! - `thirdParty` / `thirdPartyDisclosure`: a contact to an unrelated third
//!   party; with the debt disclosed it is the second, more serious rule
//!   (and not also the first).
//! - one rule per conduct code: every contact carrying the code.

use crate::calendar::Date;
use crate::rules::{CONDUCT_CODES, CONDUCT_LIMIT_CODES};

/// The most contacts one log may hold.
pub const MAX_CONTACTS: usize = 5000;
/// The longest `from` text, in characters.
pub const MAX_FROM_CHARS: usize = 64;
/// The longest `note` text, in characters.
pub const MAX_NOTE_CHARS: usize = 500;

/// How the collector reached out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    /// A phone call.
    Call,
    /// A text message.
    Sms,
    /// A home or workplace visit.
    Visit,
    /// A message in an app.
    App,
    /// Anything else (a letter, an email…).
    Other,
}

/// Whom the contact reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recipient {
    /// The borrower.
    Me,
    /// A third party related to the debt (a spouse where the debt served the household).
    RelatedThirdParty,
    /// A third party with no part in the debt.
    UnrelatedThirdParty,
}

/// One logged contact, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    /// The day.
    pub date: Date,
    /// Minutes after midnight, 0–1439.
    pub minute: u32,
    /// How.
    pub channel: Channel,
    /// For calls: whether it was answered.
    pub answered: bool,
    /// Whom.
    pub to: Recipient,
    /// Conduct codes, as indices into [`CONDUCT_CODES`] (no repeats).
    pub conduct: Vec<usize>,
    /// The debt's details were told to a third party.
    pub debt_disclosed: bool,
}

/// The figures the checker takes from the pack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// First minute of the quiet hours.
    pub quiet_from: u32,
    /// First minute after them.
    pub quiet_to: u32,
    /// Unanswered attempts a day the rule allows.
    pub max_unanswered: u32,
}

impl Limits {
    /// Whether `minute` falls in the quiet hours.
    pub fn is_late(&self, minute: u32) -> bool {
        if self.quiet_from <= self.quiet_to {
            minute >= self.quiet_from && minute < self.quiet_to
        } else {
            minute >= self.quiet_from || minute < self.quiet_to
        }
    }
}

/// The entries breaching one rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flag {
    /// The rule's code.
    pub code: &'static str,
    /// Indices into the input, ascending.
    pub entries: Vec<usize>,
    /// The distinct days involved, ascending.
    pub dates: Vec<Date>,
}

/// One day of the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Day {
    /// The day.
    pub date: Date,
    /// Contacts that day.
    pub contacts: u32,
    /// Unanswered calls to the person that day.
    pub unanswered_calls: u32,
    /// Contacts in the quiet hours (consent or not).
    pub late_contacts: u32,
    /// Contacts with at least one flag.
    pub flagged: u32,
}

/// What the checker finds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Findings {
    /// One flag per rule with at least one entry, in the order of
    /// [`CONDUCT_LIMIT_CODES`] then [`CONDUCT_CODES`].
    pub flags: Vec<Flag>,
    /// Every day with a contact, ascending.
    pub days: Vec<Day>,
}

/// The contacts' positions in time order (date, minute, then input order).
///
/// A radix sort of one 44-bit key per contact, 11 bits a pass (2,048
/// counters): linear in the number of contacts, with no comparison sort
/// linked in and no large table for a short log.
pub fn time_order(contacts: &[Contact]) -> Vec<usize> {
    // ((year · 13 + month) · 32 + day) · 1440 + minute < 2^31 for years ≤ 2200 (the last date);
    // the index (< 2^13) below it keeps keys distinct and ties in input order.
    let key = |i: usize, c: &Contact| -> u64 {
        let d = (u64::try_from(c.date.year()).unwrap_or(0) * 13 + u64::from(c.date.month())) * 32
            + u64::from(c.date.day());
        ((d * 1440 + u64::from(c.minute)) << 13) | (i as u64 & 0x1fff)
    };
    let mut keys: Vec<u64> = contacts
        .iter()
        .enumerate()
        .map(|(i, c)| key(i, c))
        .collect();
    let mut tmp = vec![0u64; keys.len()];
    const BITS: u32 = 11;
    const MASK: u64 = (1 << BITS) - 1;
    let mut counts = vec![0usize; 1 << BITS];
    for pass in 0..4 {
        let shift = pass * BITS;
        counts.fill(0);
        for k in &keys {
            counts[((k >> shift) & MASK) as usize] += 1;
        }
        let mut total = 0;
        for c in counts.iter_mut() {
            let n = *c;
            *c = total;
            total += n;
        }
        for k in &keys {
            let b = ((k >> shift) & MASK) as usize;
            tmp[counts[b]] = *k;
            counts[b] += 1;
        }
        std::mem::swap(&mut keys, &mut tmp);
    }
    keys.iter().map(|k| (k & 0x1fff) as usize).collect()
}

/// Checks `contacts` (at most [`MAX_CONTACTS`]) against the rules.
pub fn check(contacts: &[Contact], consent: bool, limits: Limits) -> Findings {
    let n_rules = CONDUCT_LIMIT_CODES.len() + CONDUCT_CODES.len();
    let mut hits: Vec<Vec<usize>> = vec![Vec::new(); n_rules];
    const LATE: usize = 0;
    const UNANSWERED: usize = 1;
    const THIRD: usize = 2;
    const DISCLOSED: usize = 3;
    let order = time_order(contacts);
    let mut flagged = vec![false; contacts.len()];
    let mut days: Vec<Day> = Vec::new();
    let mut unanswered_today = 0u32;
    for &i in &order {
        let c = &contacts[i];
        if days.last().is_none_or(|d| d.date != c.date) {
            days.push(Day {
                date: c.date,
                contacts: 0,
                unanswered_calls: 0,
                late_contacts: 0,
                flagged: 0,
            });
            unanswered_today = 0;
        }
        let late = limits.is_late(c.minute);
        if late && !consent {
            hits[LATE].push(i);
        }
        if c.channel == Channel::Call && !c.answered && c.to == Recipient::Me {
            unanswered_today += 1;
            if unanswered_today > limits.max_unanswered {
                hits[UNANSWERED].push(i);
            }
        }
        if c.to == Recipient::UnrelatedThirdParty {
            hits[if c.debt_disclosed { DISCLOSED } else { THIRD }].push(i);
        }
        for &k in &c.conduct {
            hits[CONDUCT_LIMIT_CODES.len() + k].push(i);
        }
        if let Some(day) = days.last_mut() {
            day.contacts += 1;
            day.unanswered_calls = unanswered_today;
            day.late_contacts += u32::from(late);
        }
    }
    let codes = CONDUCT_LIMIT_CODES.iter().chain(CONDUCT_CODES.iter());
    let mut flags = Vec::new();
    for (code, mut entries) in codes.zip(hits) {
        if entries.is_empty() {
            continue;
        }
        // Entries were pushed in time order; the API lists input indices ascending.
        let mut dates: Vec<Date> = entries.iter().map(|&i| contacts[i].date).collect();
        // Pushed in time order, so the dates are ascending already.
        dates.dedup();
        for &i in &entries {
            flagged[i] = true;
        }
        entries = sorted_indices(entries);
        flags.push(Flag {
            code,
            entries,
            dates,
        });
    }
    // Days are in ascending date order, so each contact's day is found by search.
    for (i, c) in contacts.iter().enumerate() {
        if flagged[i] {
            if let Ok(d) = days.binary_search_by(|d| d.date.cmp(&c.date)) {
                days[d].flagged += 1;
            }
        }
    }
    Findings { flags, days }
}

/// Indices ascending, by a counting pass (they are distinct and below the
/// number of contacts).
fn sorted_indices(entries: Vec<usize>) -> Vec<usize> {
    let Some(&max) = entries.iter().max() else {
        return entries;
    };
    let mut present = vec![false; max + 1];
    for &i in &entries {
        present[i] = true;
    }
    present
        .iter()
        .enumerate()
        .filter_map(|(i, &p)| p.then_some(i))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(date: &str, minute: u32) -> Contact {
        Contact {
            date: Date::parse(date).unwrap(),
            minute,
            channel: Channel::Call,
            answered: false,
            to: Recipient::Me,
            conduct: Vec::new(),
            debt_disclosed: false,
        }
    }

    const LIMITS: Limits = Limits {
        quiet_from: 22 * 60,
        quiet_to: 8 * 60,
        max_unanswered: 6,
    };

    #[test]
    fn quiet_hours_edges() {
        assert!(!LIMITS.is_late(21 * 60 + 59));
        assert!(LIMITS.is_late(22 * 60));
        assert!(LIMITS.is_late(0));
        assert!(LIMITS.is_late(7 * 60 + 59));
        assert!(!LIMITS.is_late(8 * 60));
        let day = Limits {
            quiet_from: 60,
            quiet_to: 120,
            max_unanswered: 6,
        };
        assert!(day.is_late(60) && !day.is_late(120) && !day.is_late(59));
    }

    #[test]
    fn time_order_sorts_by_day_minute_then_input() {
        let cs = vec![
            at("2026-03-02", 10),
            at("2026-03-01", 900),
            at("2026-03-01", 10),
            at("2026-03-01", 10),
        ];
        assert_eq!(time_order(&cs), vec![2, 3, 1, 0]);
    }

    #[test]
    fn time_order_across_years_and_many_contacts() {
        // 5,000 contacts from 2200 back to 1900 (the whole key range), in reverse.
        let cs: Vec<Contact> = (0..5000u32)
            .map(|k| {
                let y = 2200 - (k * 300 / 4999) as i32;
                let mut c = at("2026-01-01", 1439 - (k % 1440));
                c.date = Date::new(y, 12 - (k % 12), 28).unwrap();
                c
            })
            .collect();
        let order = time_order(&cs);
        assert_eq!(order.len(), 5000);
        for w in order.windows(2) {
            let (a, b) = (&cs[w[0]], &cs[w[1]]);
            assert!((a.date, a.minute, w[0]) < (b.date, b.minute, w[1]));
        }
    }

    #[test]
    fn seventh_unanswered_call_on_a_day_is_flagged_in_time_order() {
        // Eight calls given latest first: the two latest are flagged.
        let cs: Vec<Contact> = (0..8).rev().map(|k| at("2026-03-01", 600 + k)).collect();
        let f = check(&cs, false, LIMITS);
        assert_eq!(f.flags.len(), 1);
        assert_eq!(f.flags[0].code, "unansweredCalls");
        assert_eq!(f.flags[0].entries, vec![0, 1]);
        assert_eq!(f.days[0].unanswered_calls, 8);
        assert_eq!(f.days[0].flagged, 2);
    }
}
