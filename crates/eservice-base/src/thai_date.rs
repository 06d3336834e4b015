//! Dates as Thais write them: stored as ISO 8601 (`2026-11-27`), shown in
//! the Buddhist Era (BE = CE + 543) with Thai month names.
//!
//! A date is entered in three parts; a partly entered date is kept as
//! `YYYY-MM-DD` with the missing parts empty (`2026--27`), so nothing typed is
//! lost and validation can say the date is not finished.
//!
//! Moments (a signing time) are shown in Thai time, UTC+7, whatever the
//! device's zone: a permit is signed and read in Thailand.

use std::time::Duration;

use der::DateTime;

use crate::lang::Lang;

pub const BE_OFFSET: i32 = 543;

const MONTHS_TH: [&str; 12] = [
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
];
const MONTHS_EN: [&str; 12] = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
];

/// The name of month `m` (1 to 12).
pub fn month_name(m: u32, lang: Lang) -> &'static str {
    let i = (m.clamp(1, 12) - 1) as usize;
    match lang {
        Lang::Th => MONTHS_TH[i],
        Lang::En => MONTHS_EN[i],
    }
}

/// A year as entered: a whole year (four digits, kept in the Common Era),
/// or the digits typed so far, in the era they were typed in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Year {
    Ce(i32),
    /// Fewer than four digits, or a year no calendar has: kept as typed so
    /// that the box shows "2", "25", "253" while the citizen types "2530".
    Typed { text: String, be: bool },
}

/// The parts of a (possibly partial) stored date: year, month, day.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DateParts {
    pub year: Option<Year>,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

/// What keeps a date from being one, as the citizen is told on leaving it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateProblem {
    NoDay,
    NoMonth,
    NoYear,
    /// The year is not four digits.
    ShortYear,
    /// 31 April, 29 February 2570.
    NotInCalendar,
}

impl DateProblem {
    pub fn message(self, lang: Lang) -> &'static str {
        match self {
            DateProblem::NoDay => lang.pick("เลือกวันที่", "Choose the day"),
            DateProblem::NoMonth => lang.pick("เลือกเดือน", "Choose the month"),
            DateProblem::NoYear => lang.pick("ใส่ปี พ.ศ.", "Enter the year"),
            DateProblem::ShortYear => lang.pick("ใส่ปี พ.ศ. 4 หลัก", "Enter the year as 4 digits"),
            DateProblem::NotInCalendar => lang.pick("ไม่มีวันที่นี้ในปฏิทิน", "There is no such date in the calendar"),
        }
    }
}

/// Thai digits (๐–๙, as a Thai keyboard types them) as ASCII ones.
fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '๐'..='๙' => char::from(b'0' + (c as u32 - '๐' as u32) as u8),
            c => c,
        })
        .collect()
}

impl DateParts {
    /// Reads the stored form: `YYYY-MM-DD`, parts missing while partial,
    /// a year still being typed stored as its digits with `B` (Buddhist Era)
    /// or `C` (Common Era) after them (`253B-03-`): no valid date looks so.
    pub fn parse(stored: &str) -> DateParts {
        let mut it = stored.splitn(3, '-');
        let (y, m, d) = (it.next().unwrap_or(""), it.next().unwrap_or(""), it.next().unwrap_or(""));
        let year = if let Some(t) = y.strip_suffix('B') {
            Some(Year::Typed { text: t.to_owned(), be: true })
        } else if let Some(t) = y.strip_suffix('C') {
            Some(Year::Typed { text: t.to_owned(), be: false })
        } else {
            y.parse().ok().map(Year::Ce)
        };
        DateParts { year, month: m.parse().ok().filter(|m| (1..=12).contains(m)), day: d.parse().ok().filter(|d| (1..=31).contains(d)) }
    }

    /// The stored form; `None` when nothing is entered.
    pub fn to_stored(&self) -> Option<String> {
        if *self == DateParts::default() {
            return None;
        }
        let y = match &self.year {
            Some(Year::Ce(y)) => format!("{y:04}"),
            Some(Year::Typed { text, be }) => format!("{text}{}", if *be { 'B' } else { 'C' }),
            None => String::new(),
        };
        let m = self.month.map(|m| format!("{m:02}")).unwrap_or_default();
        let d = self.day.map(|d| format!("{d:02}")).unwrap_or_default();
        Some(format!("{y}-{m}-{d}"))
    }

    /// The year as its box shows it: a whole year in `lang`'s era (BE in
    /// Thai, CE in English), digits still being typed as they were typed.
    pub fn shown_year(&self, lang: Lang) -> String {
        match &self.year {
            Some(Year::Ce(y)) if lang == Lang::Th => (y + BE_OFFSET).to_string(),
            Some(Year::Ce(y)) => y.to_string(),
            Some(Year::Typed { text, .. }) => text.clone(),
            None => String::new(),
        }
    }

    /// Sets the year from what the year box holds, typed in `lang`'s era:
    /// four digits make a whole year; anything else is kept as typed.
    pub fn with_shown_year(self, typed: &str, lang: Lang) -> DateParts {
        let text: String = ascii_digits(typed.trim()).chars().filter(|c| *c != '-').collect();
        let be = lang == Lang::Th;
        let whole = (text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()))
            .then(|| text.parse::<i32>().ok())
            .flatten()
            .map(|y| if be { y - BE_OFFSET } else { y })
            .filter(|y| (1..=9999).contains(y));
        let year = match whole {
            Some(y) => Some(Year::Ce(y)),
            None if text.is_empty() => None,
            None => Some(Year::Typed { text, be }),
        };
        DateParts { year, ..self }
    }

    /// Why this is not (yet) a date; `None` for a real date or nothing at all.
    pub fn problem(&self) -> Option<DateProblem> {
        if *self == DateParts::default() {
            return None;
        }
        let (Some(day), Some(month)) = (self.day, self.month) else {
            return Some(if self.day.is_none() { DateProblem::NoDay } else { DateProblem::NoMonth });
        };
        match &self.year {
            None => Some(DateProblem::NoYear),
            Some(Year::Typed { .. }) => Some(DateProblem::ShortYear),
            Some(Year::Ce(y)) => {
                let stored = format!("{y:04}-{month:02}-{day:02}");
                (!is_date(&stored)).then_some(DateProblem::NotInCalendar)
            }
        }
    }
}

/// RFC 3339 full-date: `YYYY-MM-DD`, a real calendar day. (JSON Schema's
/// `date` format; here so that the permit register checks dates without
/// the schema validator.)
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    match (number(&s[0..4]), number(&s[5..7]), number(&s[8..10])) {
        (Some(y), Some(m), Some(d)) => (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m),
        _ => false,
    }
}

fn number(s: &str) -> Option<u32> {
    (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A stored ISO date as a person reads it: "27 พฤศจิกายน 2569" or
/// "27 November 2026"; anything else is returned as it is.
pub fn readable(stored: &str, lang: Lang) -> String {
    match DateParts::parse(stored) {
        DateParts { year: Some(Year::Ce(y)), month: Some(m), day: Some(d) } if is_date(stored) => {
            let year = if lang == Lang::Th { y + BE_OFFSET } else { y };
            format!("{d} {} {year}", month_name(m, lang))
        }
        _ => stored.to_owned(),
    }
}

/// The wall-clock time in Thailand (UTC+7, no daylight saving) at `unix`
/// seconds.
pub fn thai_time(unix: u64) -> DateTime {
    DateTime::from_unix_duration(Duration::from_secs(unix.saturating_add(7 * 3600))).unwrap_or(DateTime::INFINITY)
}

/// `2026-11-27T13:55:42+07:00`: a moment in Thai time, as machines read it.
pub fn iso_thai(unix: u64) -> String {
    let t = thai_time(unix);
    format!("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}+07:00", t.year(), t.month(), t.day(), t.hour(), t.minutes(), t.seconds())
}

/// A moment (`utc`) as a person in Thailand reads it, in Thai time:
/// "27 พฤศจิกายน 2569 13:55:42 น. (เวลาประเทศไทย)" (Buddhist Era) or
/// "27 November 2026, 13:55:42 (UTC+7)".
pub fn readable_time(utc: DateTime, lang: Lang) -> String {
    let iso = iso_thai(utc.unix_duration().as_secs());
    let (date, clock) = iso.split_at(10);
    let clock = &clock[1..9];
    match lang {
        Lang::Th => format!("{} {clock} น. (เวลาประเทศไทย)", readable(date, lang)),
        Lang::En => format!("{}, {clock} (UTC+7)", readable(date, lang)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn be_and_ce() {
        let p = DateParts::parse("2026-11-27");
        assert_eq!(p, DateParts { year: Some(Year::Ce(2026)), month: Some(11), day: Some(27) });
        assert_eq!(p.shown_year(Lang::Th), "2569");
        assert_eq!(p.shown_year(Lang::En), "2026");
        assert_eq!(p.clone().with_shown_year("2570", Lang::Th).to_stored().as_deref(), Some("2027-11-27"));
        assert_eq!(p.with_shown_year("๒๕๗๐", Lang::Th).to_stored().as_deref(), Some("2027-11-27"), "Thai digits");
        assert_eq!(readable("2026-11-27", Lang::Th), "27 พฤศจิกายน 2569");
        assert_eq!(readable("2026-02-01", Lang::En), "1 February 2026");
    }

    #[test]
    fn partial_dates_are_kept() {
        let p = DateParts { year: Some(Year::Ce(2026)), month: None, day: Some(5) };
        assert_eq!(p.to_stored().as_deref(), Some("2026--05"));
        assert_eq!(DateParts::parse("2026--05"), p);
        assert_eq!(DateParts::default().to_stored(), None);
        assert_eq!(readable("2026--05", Lang::Th), "2026--05");
        assert!(!is_date("2026--05"));
        assert_eq!(p.problem(), Some(DateProblem::NoMonth));
    }

    #[test]
    fn a_year_typed_key_by_key_is_kept_until_whole() {
        let mut d = DateParts { year: None, month: Some(3), day: Some(5) };
        for (typed, stored) in [("2", "2B-03-05"), ("25", "25B-03-05"), ("253", "253B-03-05"), ("2530", "1987-03-05")] {
            d = DateParts::parse(&d.to_stored().unwrap()).with_shown_year(typed, Lang::Th);
            assert_eq!(d.to_stored().as_deref(), Some(stored));
            assert_eq!(DateParts::parse(stored).shown_year(Lang::Th), typed, "the box shows what was typed");
            assert!(!is_date(stored) || typed.len() == 4);
        }
        assert_eq!(d.problem(), None);
        let short = DateParts::parse("253B-03-05");
        assert_eq!(short.problem(), Some(DateProblem::ShortYear));
        assert_eq!(short.problem().unwrap().message(Lang::Th), "ใส่ปี พ.ศ. 4 หลัก");
        // In English the year is the Common Era's.
        let en = DateParts::parse("--05").with_shown_year("1987", Lang::En);
        assert_eq!(en.to_stored().as_deref(), Some("1987--05"));
        assert_eq!(DateParts::parse("198C--").shown_year(Lang::Th), "198", "digits keep their era when the language changes");
        // Cleared, the year goes.
        assert_eq!(DateParts::parse("1987-03-05").with_shown_year("", Lang::Th).to_stored().as_deref(), Some("-03-05"));
        assert_eq!(DateParts::parse("2569-02-30").problem(), Some(DateProblem::NotInCalendar));
        assert_eq!(DateParts::parse("0400B-02-01").with_shown_year("0400", Lang::Th).problem(), Some(DateProblem::ShortYear), "no year before the Common Era");
    }

    #[test]
    fn moments_in_thai_time() {
        // pyHanko's /M (D:20261127065542Z), in UTC.
        let t = DateTime::new(2026, 11, 27, 6, 55, 42).unwrap();
        assert_eq!(readable_time(t, Lang::Th), "27 พฤศจิกายน 2569 13:55:42 น. (เวลาประเทศไทย)");
        assert_eq!(readable_time(t, Lang::En), "27 November 2026, 13:55:42 (UTC+7)");
        // Late in the evening UTC is the next day, and the next year, in Thailand.
        let t = DateTime::new(2026, 12, 31, 17, 0, 5).unwrap();
        assert_eq!(readable_time(t, Lang::Th), "1 มกราคม 2570 00:00:05 น. (เวลาประเทศไทย)");
        assert_eq!(iso_thai(t.unix_duration().as_secs()), "2027-01-01T00:00:05+07:00");
        assert_eq!(thai_time(u64::MAX), DateTime::INFINITY, "no overflow");
        assert!(readable_time(DateTime::INFINITY, Lang::En).starts_with("31 December 9999, 23:59:59"));
    }
}
