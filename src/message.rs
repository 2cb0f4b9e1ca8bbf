//! Reading a collector's message: amounts with what they are, days overdue,
//! deadlines, phone numbers, links, what the words do (the collection log's
//! conduct codes) and requests to pay a person or through a link.
//!
//! The reader is plain text in, findings out, each with its position as
//! UTF-16 offsets (how JavaScript counts a string's length and indices), so
//! a page can highlight exactly the words a finding comes from. It reads
//! words, not meaning: every phrase it knows is a row of the tables in
//! [`words`], and it never invents a finding where none of them occur (an
//! empty text gives empty lists and no days).
//!
//! How it reads:
//! - the text is read once into characters, with full-width digits,
//!   letters and signs (`１２３`, `：`, `￥`) taken as their ASCII forms
//!   (`，` stays a Chinese comma, never a thousands separator);
//! - links first, then phone numbers, then deadlines, then amounts: a later
//!   finding never takes characters an earlier one holds (`95588` in a
//!   link is not a phone; a phone is not an amount);
//! - an amount is a number with a sign of money: `¥`/`RMB`/`人民币` before
//!   it, `元`/`块`/`yuan` after it, a multiplier (`万`, `千`, `亿`) not
//!   followed by a counter (`3千人`), or a label word just before it
//!   (`应还金额：3000`) and no unit of days, dates or percents after it.
//!   Its label is the nearest label word before it in the same clause (a
//!   settlement word in that clause wins), else one just after it, else none.
//!   Values are exact decimals rounded half-up to cents;
//! - a date or time is a deadline only when the words make it one ("前",
//!   "内", "请于", "务必", "by", "before"); relative days and "N日内" are
//!   resolved from the time the message was received, when given.

mod words;

use crate::calendar::Date;
use crate::money::{parse_decimal, round_cents, MAX_MONEY};
use rust_decimal::Decimal;

/// The longest text read, in UTF-16 code units (JavaScript's `length`).
pub const MAX_TEXT_UNITS: usize = 5000;

/// What an amount is, when the words say so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// What is owed or due (欠款, 应还, 待还, 逾期金额).
    Owed,
    /// Principal (本金).
    Principal,
    /// Interest (利息).
    Interest,
    /// Penalty interest or overdue charges (罚息, 逾期费).
    Penalty,
    /// A late fee (违约金, 滞纳金).
    LateFee,
    /// A fee (服务费, 手续费, 管理费, 会员费).
    Fee,
    /// A collection fee (催收费).
    CollectionFee,
    /// A settlement figure (结清, 减免后, 一次性).
    Settlement,
}

impl Label {
    /// The API's code.
    pub fn code(self) -> &'static str {
        match self {
            Label::Owed => "owed",
            Label::Principal => "principal",
            Label::Interest => "interest",
            Label::Penalty => "penalty",
            Label::LateFee => "lateFee",
            Label::Fee => "fee",
            Label::CollectionFee => "collectionFee",
            Label::Settlement => "settlement",
        }
    }
}

/// What the words do, as the collection log's conduct codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conduct {
    /// Claims of legal or police action as fact or imminent.
    FalseConsequence,
    /// Telling family, contacts or the employer; visits; menace.
    Threat,
    /// Insults.
    Insult,
    /// Speaking as a court, police, procuratorate, government body or lawyer.
    Impersonation,
    /// A collection fee asked of the debtor.
    FeeDemand,
    /// Borrow elsewhere to pay.
    NewLoanPush,
    /// Posting the debt publicly.
    PublicExposure,
}

impl Conduct {
    /// The code, as the collection log names it.
    pub fn code(self) -> &'static str {
        match self {
            Conduct::FalseConsequence => "falseConsequence",
            Conduct::Threat => "threat",
            Conduct::Insult => "insult",
            Conduct::Impersonation => "impersonation",
            Conduct::FeeDemand => "feeDemand",
            Conduct::NewLoanPush => "newLoanPush",
            Conduct::PublicExposure => "publicExposure",
        }
    }
}

/// A warning about how the message asks to be paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Warn {
    /// Pay into a personal account, by transfer to a person, or by QR code.
    PersonalAccount,
    /// A link to pay.
    PaymentLink,
}

impl Warn {
    /// The API's code.
    pub fn code(self) -> &'static str {
        match self {
            Warn::PersonalAccount => "personalAccount",
            Warn::PaymentLink => "paymentLink",
        }
    }
}

/// Where a finding is: UTF-16 offsets into the text, `start < end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// The first code unit.
    pub start: usize,
    /// One past the last code unit.
    pub end: usize,
}

/// An amount of money.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amount {
    /// In yuan, rounded half-up to cents.
    pub value: Decimal,
    /// What it is, when the words say so.
    pub label: Option<Label>,
    /// Where.
    pub span: Span,
}

/// A stated deadline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deadline {
    /// The day, when the text or the time received gives it.
    pub date: Option<Date>,
    /// The time of day in minutes after midnight, when stated.
    pub minute: Option<u32>,
    /// Where.
    pub span: Span,
}

/// A phone number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phone {
    /// Digits only (a mobile's +86 left off).
    pub number: String,
    /// Where.
    pub span: Span,
}

/// A link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// As written (full-width letters read as ASCII).
    pub url: String,
    /// Where.
    pub span: Span,
}

/// A coded finding (conduct or warning).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found<T> {
    /// What.
    pub what: T,
    /// Where.
    pub span: Span,
}

/// Everything read in one message; each list in text order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Reading {
    /// Amounts.
    pub amounts: Vec<Amount>,
    /// The days overdue the message states (the first statement).
    pub days_overdue: Option<u32>,
    /// Deadlines.
    pub deadlines: Vec<Deadline>,
    /// Phone numbers.
    pub phones: Vec<Phone>,
    /// Links.
    pub links: Vec<Link>,
    /// Conduct.
    pub conduct: Vec<Found<Conduct>>,
    /// Warnings.
    pub warnings: Vec<Found<Warn>>,
}

/// When the message arrived: anchors "今日", "明天", "3日内".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Received {
    /// The day.
    pub date: Date,
    /// Minutes after midnight, 0–1439.
    pub minute: u32,
}

/// The UTF-16 length of `text`, as JavaScript counts it.
pub fn utf16_len(text: &str) -> usize {
    text.chars().map(char::len_utf16).sum()
}

/// Reads `text`. Any text gives a reading (never a panic); the API refuses
/// texts longer than [`MAX_TEXT_UNITS`] before calling this.
pub fn read(text: &str, received: Option<Received>) -> Reading {
    let mut s = Scan::new(text);
    let links = s.links();
    let phones = s.phones();
    let deadlines = s.deadlines(received);
    let labels = find(&s, words::LABELS);
    let amounts = s.amounts(&labels);
    let days_overdue = s.days_overdue();
    let conduct = find(&s, words::CONDUCT)
        .into_iter()
        .map(|(a, b, what)| Found {
            what,
            span: s.span(a, b),
        })
        .collect();
    let mut warnings: Vec<Found<Warn>> = find(&s, words::WARNINGS)
        .into_iter()
        .map(|(a, b, what)| Found {
            what,
            span: s.span(a, b),
        })
        .collect();
    for &(a, b) in &links {
        if s.is_payment_link(a, b) {
            warnings.push(Found {
                what: Warn::PaymentLink,
                span: s.span(a, b),
            });
        }
    }
    crate::sort::stable_sort_by_key(&mut warnings, |w| w.span.start);
    Reading {
        amounts,
        days_overdue,
        deadlines,
        phones,
        links: links
            .into_iter()
            .map(|(a, b)| Link {
                url: s.c[a..b].iter().collect(),
                span: s.span(a, b),
            })
            .collect(),
        conduct,
        warnings,
    }
}

/// A table of phrases, lower-cased and ordered by first character, each with
/// its row in the table it was made from (one non-generic matcher serves
/// every table: generic copies of it were a few KB of the wasm module).
struct Table {
    rows: Vec<(Vec<char>, usize)>,
}

impl Table {
    fn new<'a>(phrases: impl Iterator<Item = &'a str>) -> Table {
        let mut rows: Vec<(Vec<char>, usize)> = phrases
            .enumerate()
            .map(|(k, w)| (w.chars().map(|c| c.to_ascii_lowercase()).collect(), k))
            .filter(|(w, _): &(Vec<char>, usize)| !w.is_empty())
            .collect();
        crate::sort::stable_sort_by_key(&mut rows, |(w, _)| w.first().copied());
        Table { rows }
    }
}

/// Every phrase of `table` (rows of a meaning and its phrases joined by `|`)
/// in the text (see [`Scan::find_all`]), with what it means.
fn find<T: Copy>(s: &Scan, table: &[(T, &str)]) -> Vec<(usize, usize, T)> {
    let meanings: Vec<T> = table
        .iter()
        .flat_map(|(t, ws)| ws.split('|').map(move |_| *t))
        .collect();
    let phrases = table.iter().flat_map(|(_, ws)| ws.split('|'));
    s.find_all(&Table::new(phrases))
        .into_iter()
        .filter_map(|(a, b, k)| meanings.get(k).map(|t| (a, b, *t)))
        .collect()
}

/// A time-or-date piece of a deadline.
#[derive(Debug, Clone, Copy)]
enum Piece {
    /// "3日内", "24小时内", "within 3 days".
    Within { n: u32, hours: bool },
    /// "今日", "明天", "tonight".
    Day { offset: i64, evening: bool },
    /// "12月10日", "2026-12-10".
    Date {
        year: Option<i32>,
        month: u32,
        day: u32,
    },
    /// "18:00", "下午6点", "6pm".
    Time { hour: u32, minute: u32, pm: bool },
}

/// The text as characters (normalized and lower-cased), their UTF-16
/// offsets, and which characters a finding already holds.
struct Scan {
    /// Normalized, case kept.
    c: Vec<char>,
    /// Normalized, lower-cased (ASCII).
    l: Vec<char>,
    /// `u16[i]`: the UTF-16 offset of character `i`; one more entry at the end.
    u16: Vec<usize>,
    /// Characters a link, phone, deadline or amount holds.
    taken: Vec<bool>,
    /// Characters inside a link.
    in_link: Vec<bool>,
}

fn normalize(ch: char) -> char {
    match ch {
        // Full-width ASCII forms, except the Chinese comma (never a separator).
        '\u{FF01}'..='\u{FF5E}' if ch != '，' => {
            char::from_u32(u32::from(ch) - 0xFEE0).unwrap_or(ch)
        }
        '\u{3000}' => ' ',
        '\u{FFE5}' => '¥',
        '\u{2014}' | '\u{2013}' | '\u{2212}' => '-',
        _ => ch,
    }
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\u{a0}'
}

fn ascii_alnum(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

fn digit(c: char) -> Option<u32> {
    c.to_digit(10).filter(|_| c.is_ascii_digit())
}

fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' | '兩' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

impl Scan {
    fn new(text: &str) -> Scan {
        let c: Vec<char> = text.chars().map(normalize).collect();
        let l = c.iter().map(|ch| ch.to_ascii_lowercase()).collect();
        let mut u16 = Vec::with_capacity(c.len() + 1);
        let mut at = 0;
        for ch in text.chars() {
            u16.push(at);
            at += ch.len_utf16();
        }
        u16.push(at);
        let n = c.len();
        Scan {
            c,
            l,
            u16,
            taken: vec![false; n],
            in_link: vec![false; n],
        }
    }

    fn len(&self) -> usize {
        self.c.len()
    }

    /// The lower-cased character at `i`, or NUL outside the text.
    fn at(&self, i: usize) -> char {
        self.l.get(i).copied().unwrap_or('\0')
    }

    /// The character before `i`, or NUL at the start.
    fn before(&self, i: usize) -> char {
        i.checked_sub(1).map_or('\0', |j| self.at(j))
    }

    fn span(&self, a: usize, b: usize) -> Span {
        Span {
            start: self.u16.get(a).copied().unwrap_or(0),
            end: self.u16.get(b).copied().unwrap_or(0),
        }
    }

    fn mark(&mut self, a: usize, b: usize) {
        for t in self.taken.iter_mut().take(b).skip(a) {
            *t = true;
        }
    }

    fn free(&self, a: usize, b: usize) -> bool {
        self.taken.get(a..b).is_some_and(|t| t.iter().all(|x| !x))
    }

    /// Whether a word at `i` would continue the word before it: a letter
    /// before it (a digit may come before a unit: "6pm", "2000yuan").
    fn glued(&self, i: usize) -> bool {
        self.before(i).is_ascii_alphabetic()
    }

    /// Whether `w` (chars, lower-case) is at `i`, as a whole word when it
    /// begins or ends with an ASCII letter or digit.
    fn chars_at(&self, i: usize, w: &[char]) -> bool {
        let Some(slice) = self.l.get(i..i + w.len()) else {
            return false;
        };
        if slice != w {
            return false;
        }
        let first_ok = !w.first().is_some_and(|c| ascii_alnum(*c)) || !self.glued(i);
        let last_ok =
            !w.last().is_some_and(|c| ascii_alnum(*c)) || !ascii_alnum(self.at(i + w.len()));
        first_ok && last_ok
    }

    /// The length in characters of `w` if it is at `i` (see [`Scan::chars_at`]).
    fn word_at(&self, i: usize, w: &str) -> Option<usize> {
        let mut n = 0;
        let (mut first, mut last) = ('\0', '\0');
        for (k, ch) in w.chars().enumerate() {
            let ch = ch.to_ascii_lowercase();
            if self.l.get(i + k) != Some(&ch) {
                return None;
            }
            if k == 0 {
                first = ch;
            }
            last = ch;
            n = k + 1;
        }
        let first_ok = !ascii_alnum(first) || !self.glued(i);
        let last_ok = !ascii_alnum(last) || !ascii_alnum(self.at(i + n));
        (n > 0 && first_ok && last_ok).then_some(n)
    }

    /// The first of `ws` at `i`, longest first: its length.
    fn any_at(&self, i: usize, ws: &[&str]) -> Option<usize> {
        ws.iter().filter_map(|w| self.word_at(i, w)).max()
    }

    /// The longest phrase of `table` at `i`.
    fn longest_at(&self, table: &Table, i: usize) -> Option<(usize, usize)> {
        let first = self.at(i);
        let lo = table.rows.partition_point(|(w, _)| w[0] < first);
        table.rows[lo..]
            .iter()
            .take_while(|(w, _)| w[0] == first)
            .filter(|(w, _)| self.chars_at(i, w))
            .map(|(w, t)| (w.len(), *t))
            .max_by_key(|(n, _)| *n)
    }

    /// Every phrase of `table` in the text, outside links, left to right,
    /// the longest at each position, none overlapping.
    fn find_all(&self, table: &Table) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.len() {
            if !self.in_link[i] {
                if let Some((n, t)) = self.longest_at(table, i) {
                    if !self.in_link[i..i + n].iter().any(|x| *x) {
                        out.push((i, i + n, t));
                        i += n;
                        continue;
                    }
                }
            }
            i += 1;
        }
        out
    }

    /// A whole number at `i`: ASCII digits (at most 6), or a Chinese numeral
    /// up to 999 when `cn`; its value and end.
    fn number(&self, i: usize, cn: bool) -> Option<(u32, usize)> {
        if digit(self.at(i)).is_some() {
            if digit(self.before(i)).is_some() {
                return None;
            }
            let mut v: u32 = 0;
            let mut j = i;
            while let Some(d) = digit(self.at(j)) {
                if j - i >= 6 {
                    return None;
                }
                v = v * 10 + d;
                j += 1;
            }
            return Some((v, j));
        }
        if !cn {
            return None;
        }
        let (mut total, mut cur, mut j) = (0u32, 0u32, i);
        loop {
            let ch = self.at(j);
            if let Some(d) = cn_digit(ch) {
                cur = d;
            } else if ch == '十' {
                total += cur.max(1) * 10;
                cur = 0;
            } else if ch == '百' {
                total += cur * 100;
                cur = 0;
            } else {
                break;
            }
            j += 1;
            if j - i > 6 {
                return None;
            }
        }
        (j > i).then_some((total + cur, j))
    }

    fn skip_spaces(&self, mut i: usize) -> usize {
        while is_space(self.at(i)) {
            i += 1;
        }
        i
    }

    // ----- links -----

    fn url_char(c: char) -> bool {
        ascii_alnum(c) || "-._~:/?#[]@!$&*+;=%".contains(c)
    }

    /// Links, marked as taken; character ranges.
    fn links(&mut self) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.len() {
            let prev = self.before(i);
            if !ascii_alnum(self.at(i)) || ascii_alnum(prev) || "._-@/".contains(prev) {
                i += 1;
                continue;
            }
            let end = self.link_at(i);
            match end {
                Some(e) if e > i => {
                    out.push((i, e));
                    self.mark(i, e);
                    for t in self.in_link.iter_mut().take(e).skip(i) {
                        *t = true;
                    }
                    i = e;
                }
                _ => {
                    // Past this run of letters and digits.
                    while ascii_alnum(self.at(i)) {
                        i += 1;
                    }
                }
            }
        }
        out
    }

    /// The end of a link starting at `i`.
    fn link_at(&self, i: usize) -> Option<usize> {
        let mut j = i;
        let scheme = self
            .any_at(i, &["http://", "https://"])
            .filter(|_| ascii_alnum(self.at(i + 7)) || ascii_alnum(self.at(i + 8)));
        if let Some(n) = scheme {
            j += n;
            while Scan::url_char(self.at(j)) {
                j += 1;
            }
        } else {
            // A bare host: labels of letters, digits and '-', a known top-level domain.
            let mut labels = 0;
            let mut last;
            loop {
                let a = j;
                while ascii_alnum(self.at(j)) || self.at(j) == '-' {
                    j += 1;
                }
                if j == a {
                    return None;
                }
                labels += 1;
                last = (a, j);
                if self.at(j) == '.' && ascii_alnum(self.at(j + 1)) {
                    j += 1;
                } else {
                    break;
                }
            }
            let tld: String = self.l[last.0..last.1].iter().collect();
            if labels < 2 || !words::TLDS.contains(&tld.as_str()) || self.at(j) == '@' {
                return None;
            }
            if matches!(self.at(j), '/' | '?' | ':' | '#') {
                while Scan::url_char(self.at(j)) {
                    j += 1;
                }
            }
        }
        while j > i && ".:;!?#&=-_~*+".contains(self.at(j - 1)) {
            j -= 1;
        }
        Some(j)
    }

    fn is_payment_link(&self, a: usize, b: usize) -> bool {
        if self.l[a..b].windows(3).any(|w| w == ['p', 'a', 'y']) {
            return true;
        }
        let stop = |c: char| "。！？!?\n，,；;".contains(c);
        let mut k = a;
        let mut n = 0;
        while k > 0 && n < 30 && !stop(self.at(k - 1)) {
            k -= 1;
            n += 1;
        }
        let mut e = b;
        let mut m = 0;
        while e < self.len() && m < 12 && !stop(self.at(e)) {
            e += 1;
            m += 1;
        }
        (k..a)
            .chain(b..e)
            .any(|p| self.any_at(p, words::PAY_WORDS).is_some())
    }

    // ----- phones -----

    /// Phone numbers, marked as taken.
    fn phones(&mut self) -> Vec<Phone> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.len() {
            let prev = self.before(i);
            if self.taken[i]
                || digit(self.at(i)).is_none()
                || digit(prev).is_some()
                || ".,¥".contains(prev)
            {
                i += 1;
                continue;
            }
            // Groups of digits joined by one space or '-'.
            let mut groups = Vec::new();
            let mut j = i;
            loop {
                let a = j;
                while digit(self.at(j)).is_some() && !self.taken[j] {
                    j += 1;
                }
                groups.push((a, j));
                let sep = self.at(j);
                // "(0755)86012345": an area code in brackets.
                let bracket = sep == ')' && prev == '(' && groups.len() == 1;
                if groups.len() < 5
                    && (sep == ' ' || sep == '-' || bracket)
                    && digit(self.at(j + 1)).is_some()
                    && !self.taken.get(j + 1).copied().unwrap_or(true)
                {
                    j += 1;
                } else {
                    break;
                }
            }
            let run_end = j;
            let plus = prev == '+';
            let mut found = None;
            for k in (1..=groups.len()).rev() {
                let digits: String = groups[..k]
                    .iter()
                    .flat_map(|&(a, b)| self.c[a..b].iter())
                    .collect();
                let end = groups[k - 1].1;
                if let Some(number) = phone_number(&digits) {
                    if !self.money_after(end) && self.money_before(i).is_none() {
                        found = Some((number, end));
                    }
                    break;
                }
            }
            match found {
                Some((number, end)) => {
                    let start = if plus || prev == '(' { i - 1 } else { i };
                    out.push(Phone {
                        number,
                        span: self.span(start, end),
                    });
                    self.mark(start, end);
                    i = end;
                }
                None => i = run_end.max(i + 1),
            }
        }
        out
    }

    /// Whether a sign of money follows `e` (a decimal point, a multiplier, a
    /// money word).
    fn money_after(&self, e: usize) -> bool {
        let k = self.skip_spaces(e);
        (self.at(e) == '.' && digit(self.at(e + 1)).is_some())
            || words::MULTIPLIERS.iter().any(|(m, _)| *m == self.at(k))
            || self.any_at(k, words::CURRENCY_AFTER).is_some()
    }

    /// The start of a currency sign or word right before `i` (spaces allowed).
    fn money_before(&self, i: usize) -> Option<usize> {
        let mut k = i;
        while k > 0 && is_space(self.at(k - 1)) {
            k -= 1;
        }
        words::CURRENCY_BEFORE.iter().find_map(|w| {
            let n = w.chars().count();
            let a = k.checked_sub(n)?;
            self.word_at(a, w).map(|_| a)
        })
    }

    // ----- amounts -----

    fn amounts(&mut self, labels: &[(usize, usize, Label)]) -> Vec<Amount> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.len() {
            let prev = self.before(i);
            if self.taken[i] || digit(self.at(i)).is_none() || digit(prev).is_some() {
                i += 1;
                continue;
            }
            let cur = self.money_before(i);
            let (numeral, j) = self.numeral(i);
            if ".,".contains(prev) || (prev.is_ascii_alphabetic() && cur.is_none()) {
                i = j;
                continue;
            }
            match self.amount_at(i, j, &numeral, cur, labels) {
                Some((start, end, value)) if self.free(start, end) => {
                    out.push(Amount {
                        value,
                        label: label_for(self, labels, start, end),
                        span: self.span(start, end),
                    });
                    self.mark(start, end);
                    i = end;
                }
                _ => i = j,
            }
        }
        out
    }

    /// The numeral at `i` (digits, groups of three after ',', a fraction):
    /// its digits without separators, and its end.
    fn numeral(&self, i: usize) -> (String, usize) {
        let mut s = String::new();
        let mut j = i;
        while let Some(d) = digit(self.at(j)) {
            s.push(char::from(b'0' + d as u8));
            j += 1;
        }
        if j - i <= 3 {
            while self.at(j) == ','
                && (1..=3).all(|k| digit(self.at(j + k)).is_some())
                && digit(self.at(j + 4)).is_none()
            {
                s.extend(self.c[j + 1..j + 4].iter());
                j += 4;
            }
        }
        if self.at(j) == '.' && digit(self.at(j + 1)).is_some() {
            s.push('.');
            j += 1;
            while let Some(d) = digit(self.at(j)) {
                s.push(char::from(b'0' + d as u8));
                j += 1;
            }
        }
        (s, j)
    }

    /// An amount from the numeral at `i..j`: its span and value, when there is
    /// a sign of money.
    fn amount_at(
        &self,
        i: usize,
        j: usize,
        numeral: &str,
        cur: Option<usize>,
        labels: &[(usize, usize, Label)],
    ) -> Option<(usize, usize, Decimal)> {
        let mut k = j;
        let mut power = 0;
        let m = self.skip_spaces(k);
        if let Some((_, p)) = words::MULTIPLIERS.iter().find(|(c, _)| *c == self.at(m)) {
            power = *p;
            k = m + 1;
        }
        let u = self.skip_spaces(k);
        let unit = self.any_at(u, words::CURRENCY_AFTER).map(|n| u + n);
        let next = self.at(self.skip_spaces(k));
        let decimal_next = next == '.' && digit(self.at(self.skip_spaces(k) + 1)).is_some();
        let bare = self.label_just_before(i, labels)
            && !words::NOT_MONEY_UNIT.contains(&next)
            && !next.is_ascii_alphabetic()
            && !decimal_next;
        let evidence = cur.is_some()
            || unit.is_some()
            || (power > 0 && !words::NOT_MONEY_AFTER.contains(&next))
            || bare;
        if !evidence {
            return None;
        }
        let mut value = parse_decimal(numeral).ok()?;
        for _ in 0..power {
            value = value.checked_mul(Decimal::TEN)?;
        }
        let value = round_cents(value);
        if value > MAX_MONEY {
            return None;
        }
        Some((cur.unwrap_or(i), unit.unwrap_or(k), value))
    }

    /// Whether a label word ends just before `i`, with only filler between.
    fn label_just_before(&self, i: usize, labels: &[(usize, usize, Label)]) -> bool {
        labels.iter().any(|&(_, e, _)| {
            e <= i && i - e <= 4 && self.l[e..i].iter().all(|c| words::LABEL_GAP.contains(c))
        })
    }

    // ----- days overdue -----

    fn days_overdue(&self) -> Option<u32> {
        (0..self.len()).find_map(|i| self.days_at(i))
    }

    fn days_at(&self, i: usize) -> Option<u32> {
        if self.in_link[i] {
            return None;
        }
        let ok = |n: u32| (n <= 36_500).then_some(n);
        if self.word_at(i, "逾期").is_some() {
            let mut k = i + 2;
            let mut days_word = false;
            for _ in 0..4 {
                match words::OVERDUE_FILLERS
                    .iter()
                    .find_map(|w| self.word_at(k, w).map(|n| (n, *w)))
                {
                    Some((n, w)) => {
                        days_word |= w.starts_with('天');
                        k += n;
                    }
                    None => break,
                }
            }
            let (n, e) = self.number(k, true)?;
            let e = self.skip_spaces(e);
            let unit = matches!(self.at(e), '天' | '日') && !matches!(self.at(e + 1), '内' | '內');
            return if unit || (days_word && digit(self.at(k)).is_some()) {
                ok(n)
            } else {
                None
            };
        }
        // "30 days overdue", "30 days past due", "30 days late".
        if let Some((n, e)) = self.number(i, false) {
            let e = self.skip_spaces(e);
            let d = self.any_at(e, &["days", "day"])?;
            let e = self.skip_spaces(e + d);
            return self
                .any_at(e, &["overdue", "past due", "late"])
                .and_then(|_| ok(n));
        }
        // "overdue by 30 days", "overdue for 30 days".
        let n = self.word_at(i, "overdue")?;
        let mut e = self.skip_spaces(i + n);
        if let Some(w) = self.any_at(e, &["for", "by"]) {
            e = self.skip_spaces(e + w);
        }
        let (n, e) = self.number(e, false)?;
        let e = self.skip_spaces(e);
        self.any_at(e, &["days", "day"]).and_then(|_| ok(n))
    }

    // ----- deadlines -----

    fn deadlines(&mut self, received: Option<Received>) -> Vec<Deadline> {
        let mut pieces: Vec<(usize, usize, Piece)> = Vec::new();
        let mut i = 0;
        while i < self.len() {
            if self.taken[i] {
                i += 1;
                continue;
            }
            match self.piece_at(i) {
                Some((e, p)) if e > i && self.free(i, e) => {
                    pieces.push((i, e, p));
                    i = e;
                }
                _ => i += 1,
            }
        }
        let mut out = Vec::new();
        let mut k = 0;
        while k < pieces.len() {
            // A group: a day or date with a time (either order), or one piece.
            let (a, mut e, first) = pieces[k];
            let mut group = vec![first];
            k += 1;
            if !matches!(first, Piece::Within { .. }) {
                if let Some(&(a2, e2, p2)) = pieces.get(k) {
                    let gap_ok = a2 >= e
                        && a2 - e <= 1
                        && self.l[e..a2].iter().all(|c| is_space(*c) || *c == '的');
                    let pair_ok = matches!(
                        (first, p2),
                        (Piece::Day { .. } | Piece::Date { .. }, Piece::Time { .. })
                            | (Piece::Time { .. }, Piece::Day { .. } | Piece::Date { .. })
                    );
                    if gap_ok && pair_ok {
                        group.push(p2);
                        e = e2;
                        k += 1;
                    }
                }
            }
            let Some(end) = self.deadline_end(a, e, &group) else {
                continue;
            };
            let (date, minute) = resolve(&group, received);
            out.push(Deadline {
                date,
                minute,
                span: self.span(a, end),
            });
            self.mark(a, end);
        }
        out
    }

    /// Whether the words make the group at `a..e` a deadline: the end of its
    /// span (with a "前"/"内" after it).
    fn deadline_end(&self, a: usize, e: usize, group: &[Piece]) -> Option<usize> {
        if matches!(group.first(), Some(Piece::Within { .. })) {
            return Some(e);
        }
        let f = self.skip_spaces(e);
        if let Some(n) = self.any_at(f, words::DEADLINE_AFTER) {
            return Some(f + n);
        }
        if self.any_at(f, &["before"]).is_some() {
            return Some(e);
        }
        let breaks = |c: &char| words::CLAUSE_BREAKS.contains(c) && *c != '.';
        let after_end = (e + 5).min(self.len());
        let soon = (e..after_end)
            .take_while(|p| !breaks(&self.l[*p]))
            .any(|p| self.any_at(p, words::DEADLINE_SOON_AFTER).is_some());
        if soon {
            return Some(e);
        }
        let from = a.saturating_sub(14);
        let mut p = a;
        while p > from && !breaks(&self.l[p - 1]) {
            p -= 1;
        }
        let before = (p..a).any(|q| {
            self.any_at(q, words::DEADLINE_BEFORE)
                .is_some_and(|n| q + n <= a)
        });
        before.then_some(e)
    }

    /// A piece of a date or time at `i`: its end and what it is.
    fn piece_at(&self, i: usize) -> Option<(usize, Piece)> {
        // "3日内", "24小时内", "三天内".
        if let Some((n, e)) = self.number(i, true) {
            let f = self.skip_spaces(e);
            if let Some(m) = self.any_at(
                f,
                &["日内", "天内", "日內", "天內", "个工作日内", "個工作日內"],
            ) {
                return Some((f + m, Piece::Within { n, hours: false }));
            }
            if let Some(m) = self.any_at(f, &["小时内", "小時內", "个小时内", "個小時內"])
            {
                return Some((f + m, Piece::Within { n, hours: true }));
            }
        }
        if let Some(w) = self.word_at(i, "within") {
            let f = self.skip_spaces(i + w);
            let (n, e) = self.number(f, false)?;
            let g = self.skip_spaces(e);
            if let Some(m) = self.any_at(g, &["days", "day"]) {
                return Some((g + m, Piece::Within { n, hours: false }));
            }
            if let Some(m) = self.any_at(g, &["hours", "hour"]) {
                return Some((g + m, Piece::Within { n, hours: true }));
            }
            return None;
        }
        if let Some(p) = self.date_at(i) {
            return Some(p);
        }
        for (w, offset, evening) in words::DAY_WORDS {
            if let Some(n) = self.word_at(i, w) {
                return Some((
                    i + n,
                    Piece::Day {
                        offset: *offset,
                        evening: *evening,
                    },
                ));
            }
        }
        self.time_at(i)
    }

    /// "2026年12月10日", "12月10日", "12月10号", "2026-12-10", "2026/12/10".
    fn date_at(&self, i: usize) -> Option<(usize, Piece)> {
        let (first, e) = self.number(i, false)?;
        if e - i == 4 && matches!(self.at(e), '-' | '/') {
            let sep = self.at(e);
            let (month, e2) = self.number(e + 1, false)?;
            if self.at(e2) != sep {
                return None;
            }
            let (day, e3) = self.number(e2 + 1, false)?;
            return Some((
                e3,
                Piece::Date {
                    year: i32::try_from(first).ok(),
                    month,
                    day,
                },
            ));
        }
        let (year, m_at) = if e - i == 4 && self.at(e) == '年' {
            (i32::try_from(first).ok(), e + 1)
        } else {
            (None, i)
        };
        let (month, e2) = self.number(m_at, false)?;
        if self.at(e2) != '月' || !(1..=12).contains(&month) {
            return None;
        }
        let (day, e3) = self.number(e2 + 1, false)?;
        let end = if matches!(self.at(e3), '日' | '号' | '號') {
            e3 + 1
        } else {
            return None;
        };
        Some((end, Piece::Date { year, month, day }))
    }

    /// "18:00", "下午6点", "6点半", "6pm", "6:30 p.m.".
    fn time_at(&self, i: usize) -> Option<(usize, Piece)> {
        let mut k = i;
        let mut pm = false;
        let mut modifier = false;
        if let Some(n) = self.any_at(i, words::PM_WORDS) {
            pm = true;
            modifier = true;
            k = self.skip_spaces(i + n);
        } else if let Some(n) = self.any_at(i, words::AM_WORDS) {
            modifier = true;
            k = self.skip_spaces(i + n);
        }
        let (hour, e) = self.number(k, modifier)?;
        if e - k > 2 && digit(self.at(k)).is_some() {
            return None;
        }
        let (minute, mut end) = if self.at(e) == ':' {
            let a = e + 1;
            let (m, f) = self.number(a, false)?;
            if f - a != 2 {
                return None;
            }
            (m, f)
        } else if matches!(self.at(e), '点' | '點') {
            let f = e + 1;
            if self.at(f) == '半' {
                (30, f + 1)
            } else if let Some((m, g)) = self
                .number(f, false)
                .filter(|_| digit(self.at(f)).is_some())
            {
                if self.at(g) == '分' {
                    (m, g + 1)
                } else {
                    (0, f)
                }
            } else {
                (0, f)
            }
        } else {
            // "6pm", "6 p.m.": English hours need am or pm.
            let f = self.skip_spaces(e);
            if let Some(n) = self.any_at(f, &["pm", "p.m."]) {
                return (1..=12).contains(&hour).then_some((
                    f + n,
                    Piece::Time {
                        hour,
                        minute: 0,
                        pm: true,
                    },
                ));
            }
            if let Some(n) = self.any_at(f, &["am", "a.m."]) {
                return (1..=12).contains(&hour).then_some((
                    f + n,
                    Piece::Time {
                        hour: hour % 12,
                        minute: 0,
                        pm: false,
                    },
                ));
            }
            return None;
        };
        if hour > 24 || minute > 59 || (hour == 24 && minute > 0) {
            return None;
        }
        let f = self.skip_spaces(end);
        if let Some(n) = self.any_at(f, &["pm", "p.m."]) {
            pm = true;
            end = f + n;
        } else if let Some(n) = self.any_at(f, &["am", "a.m."]) {
            end = f + n;
        }
        if digit(self.at(end)).is_some() {
            return None;
        }
        Some((end, Piece::Time { hour, minute, pm }))
    }
}

/// The label of the amount at `start..end`.
fn label_for(
    s: &Scan,
    labels: &[(usize, usize, Label)],
    start: usize,
    end: usize,
) -> Option<Label> {
    let mut w0 = start;
    while w0 > 0 && start - w0 < 24 && !words::CLAUSE_BREAKS.contains(&s.l[w0 - 1]) {
        w0 -= 1;
    }
    let inside: Vec<&(usize, usize, Label)> = labels
        .iter()
        .filter(|(a, e, _)| *a >= w0 && *e <= start)
        .collect();
    if inside.iter().any(|(_, _, l)| *l == Label::Settlement) {
        return Some(Label::Settlement);
    }
    if let Some((_, _, l)) = inside.iter().max_by_key(|(_, e, _)| *e) {
        return Some(*l);
    }
    let mut w1 = end;
    while w1 < s.len() && w1 - end < 6 && !words::CLAUSE_BREAKS.contains(&s.l[w1]) {
        w1 += 1;
    }
    labels
        .iter()
        .find(|(a, e, _)| *a >= end && *e <= w1)
        .map(|(_, _, l)| *l)
}

/// The digits of a phone number, if `d` is one (a +86 mobile without 86).
fn phone_number(d: &str) -> Option<String> {
    let b = d.as_bytes();
    let mobile = |b: &[u8]| b.len() == 11 && b[0] == b'1' && (b'3'..=b'9').contains(&b[1]);
    if mobile(b) {
        return Some(d.to_owned());
    }
    if b.len() == 13 && b.starts_with(b"86") && mobile(&b[2..]) {
        return Some(d[2..].to_owned());
    }
    let ok = (b.len() == 5 && b.starts_with(b"95"))
        || (b.len() == 10 && (b.starts_with(b"400") || b.starts_with(b"800")))
        || ((10..=12).contains(&b.len()) && b[0] == b'0' && b[1] != b'0');
    ok.then(|| d.to_owned())
}

/// The date and minute a deadline's pieces give, with `received` for the
/// relative ones.
fn resolve(group: &[Piece], received: Option<Received>) -> (Option<Date>, Option<u32>) {
    let mut date = None;
    let mut minute = None;
    let mut evening = false;
    let mut has_day = false;
    for p in group {
        match *p {
            Piece::Within { n, hours } => {
                let Some(r) = received else {
                    return (None, None);
                };
                if hours {
                    let total = i64::from(r.minute) + i64::from(n) * 60;
                    return (
                        r.date.add_days(total / 1440),
                        u32::try_from(total % 1440).ok(),
                    );
                }
                return (r.date.add_days(i64::from(n)), None);
            }
            Piece::Day {
                offset,
                evening: ev,
            } => {
                has_day = true;
                evening |= ev;
                date = received.and_then(|r| r.date.add_days(offset));
            }
            Piece::Date { year, month, day } => {
                has_day = true;
                date = match (year, received) {
                    (Some(y), _) => Date::new(y, month, day),
                    (None, Some(r)) => Date::new(r.date.year(), month, day).and_then(|d| {
                        if d.days_until(r.date) > 31 {
                            Date::new(r.date.year() + 1, month, day)
                        } else {
                            Some(d)
                        }
                    }),
                    (None, None) => None,
                };
            }
            Piece::Time {
                hour,
                minute: m,
                pm,
            } => {
                let h = if (pm || evening) && hour < 12 {
                    hour + 12
                } else {
                    hour
                };
                minute = Some((h * 60 + m).min(1439));
            }
        }
    }
    if evening {
        if let Some(m) = minute.filter(|m| *m < 720) {
            minute = Some(m + 720);
        }
    }
    if !has_day {
        if let (Some(m), Some(r)) = (minute, received) {
            date = if m > r.minute {
                Some(r.date)
            } else {
                r.date.add_days(1)
            };
        }
    }
    (date, minute)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rd(text: &str) -> Reading {
        read(
            text,
            Date::parse("2026-12-07").map(|date| Received { date, minute: 600 }),
        )
    }

    #[test]
    fn conduct_codes_are_the_logs_codes() {
        for (c, phrases) in words::CONDUCT {
            assert!(
                crate::rules::CONDUCT_CODES.contains(&c.code()),
                "{}",
                c.code()
            );
            assert!(phrases.split('|').all(|w| !w.is_empty()), "{phrases}");
        }
    }

    #[test]
    fn amounts_in_their_forms() {
        let r = rd("欠款¥1,234.5，另1234.50元，1.2万，3千，１２３元");
        let v: Vec<String> = r
            .amounts
            .iter()
            .map(|a| crate::money::fmt_money(a.value).to_string())
            .collect();
        assert_eq!(v, ["1234.50", "1234.50", "12000.00", "3000.00", "123.00"]);
        assert_eq!(r.amounts[0].label, Some(Label::Owed));
    }

    #[test]
    fn a_deadline_today() {
        let r = rd("请于今日18:00前还款");
        assert_eq!(r.deadlines.len(), 1);
        assert_eq!(r.deadlines[0].date, Date::parse("2026-12-07"));
        assert_eq!(r.deadlines[0].minute, Some(18 * 60));
    }
}
