//! Dates as Thais write them: stored as ISO 8601 (`2026-11-27`), shown in
//! the Buddhist Era (BE = CE + 543) with Thai month names.
//!
//! A date is entered in three parts; a partly entered date is kept as
//! `YYYY-MM-DD` with the missing parts empty (`2026--27`), so nothing typed is
//! lost and validation can say the date is not finished.

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

/// The parts of a (possibly partial) stored date: year CE, month, day.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DateParts {
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl DateParts {
    pub fn parse(stored: &str) -> DateParts {
        let mut it = stored.splitn(3, '-');
        let (y, m, d) = (it.next().unwrap_or(""), it.next().unwrap_or(""), it.next().unwrap_or(""));
        DateParts { year: y.parse().ok(), month: m.parse().ok().filter(|m| (1..=12).contains(m)), day: d.parse().ok().filter(|d| (1..=31).contains(d)) }
    }

    /// The stored form; `None` when nothing is entered.
    pub fn to_stored(self) -> Option<String> {
        if self == DateParts::default() {
            return None;
        }
        let y = self.year.map(|y| format!("{y:04}")).unwrap_or_default();
        let m = self.month.map(|m| format!("{m:02}")).unwrap_or_default();
        let d = self.day.map(|d| format!("{d:02}")).unwrap_or_default();
        Some(format!("{y}-{m}-{d}"))
    }

    /// The year as shown: BE in Thai, CE in English.
    pub fn shown_year(self, lang: Lang) -> Option<i32> {
        self.year.map(|y| if lang == Lang::Th { y + BE_OFFSET } else { y })
    }

    /// Sets the year from what was typed in `lang`'s era.
    pub fn with_shown_year(self, typed: Option<i32>, lang: Lang) -> DateParts {
        let year = typed.map(|y| if lang == Lang::Th { y - BE_OFFSET } else { y });
        DateParts { year, ..self }
    }
}

/// A stored ISO date as a person reads it: "27 พฤศจิกายน 2569" or
/// "27 November 2026"; anything else is returned as it is.
pub fn readable(stored: &str, lang: Lang) -> String {
    match DateParts::parse(stored) {
        DateParts { year: Some(y), month: Some(m), day: Some(d) } if crate::schema::format::is_date(stored) => {
            let year = if lang == Lang::Th { y + BE_OFFSET } else { y };
            format!("{d} {} {year}", month_name(m, lang))
        }
        _ => stored.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn be_and_ce() {
        let p = DateParts::parse("2026-11-27");
        assert_eq!(p, DateParts { year: Some(2026), month: Some(11), day: Some(27) });
        assert_eq!(p.shown_year(Lang::Th), Some(2569));
        assert_eq!(p.with_shown_year(Some(2570), Lang::Th).to_stored().as_deref(), Some("2027-11-27"));
        assert_eq!(readable("2026-11-27", Lang::Th), "27 พฤศจิกายน 2569");
        assert_eq!(readable("2026-02-01", Lang::En), "1 February 2026");
    }

    #[test]
    fn partial_dates_are_kept() {
        let p = DateParts { year: Some(2026), month: None, day: Some(5) };
        assert_eq!(p.to_stored().as_deref(), Some("2026--05"));
        assert_eq!(DateParts::parse("2026--05"), p);
        assert_eq!(DateParts::default().to_stored(), None);
        assert_eq!(readable("2026--05", Lang::Th), "2026--05");
        assert!(!crate::schema::format::is_date("2026--05"));
    }
}
