//! Dates and their parts: "14 березня 2024 року", "March 14, 2024", "14.03.2024",
//! "червневого візиту", "в начале октября", "on Thursday", "першому кварталі", "Summer 2024",
//! "у 2011 році".
//!
//! The grammar is here; the words are in `lang::{en,uk,ru}::dates`.

use super::tokens::Token;
use super::Fact;
use crate::lang::Lang;
use std::fmt;

/// What a language module must tell the date extractor.
pub trait DateVocabulary: Sync {}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Season {
    Winter,
    Spring,
    Summer,
    Autumn,
}

/// Part of a month: "early / mid / late October", "на початку / в середині / наприкінці".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PartOfMonth {
    Early,
    Mid,
    Late,
}

/// Whatever parts of a date a text states; absent parts are `None`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DateValue {
    pub year: Option<i32>,
    /// 1 to 12.
    pub month: Option<u8>,
    /// 1 to 31.
    pub day: Option<u8>,
    /// 1 (Monday) to 7 (Sunday).
    pub weekday: Option<u8>,
    /// 1 to 4.
    pub quarter: Option<u8>,
    pub season: Option<Season>,
    pub part: Option<PartOfMonth>,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

impl DateValue {
    /// The normalized value, written in English whatever the language: "14 June 2024",
    /// "early October", "Thursday", "Q1 2024", "summer 2024", "2011".
    pub fn key(&self) -> String {
        self.to_string()
    }

    /// True when the two share at least one part and no shared part differs: "October" and
    /// "14 October 2024" could be the same date written with more or less detail.
    pub fn compatible(&self, other: &DateValue) -> bool {
        fn agree<T: PartialEq>(a: Option<T>, b: Option<T>, shared: &mut bool) -> bool {
            match (a, b) {
                (Some(x), Some(y)) => {
                    *shared = true;
                    x == y
                }
                _ => true,
            }
        }
        let mut shared = false;
        let all_agree = agree(self.year, other.year, &mut shared)
            & agree(self.month, other.month, &mut shared)
            & agree(self.day, other.day, &mut shared)
            & agree(self.weekday, other.weekday, &mut shared)
            & agree(self.quarter, other.quarter, &mut shared)
            & agree(self.season, other.season, &mut shared)
            & agree(self.part, other.part, &mut shared);
        all_agree && shared
    }
}

impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts: Vec<String> = Vec::new();
        if let Some(weekday) = self
            .weekday
            .and_then(|w| WEEKDAYS.get(usize::from(w).wrapping_sub(1)))
        {
            parts.push((*weekday).to_string());
        }
        if let Some(part) = self.part {
            parts.push(
                match part {
                    PartOfMonth::Early => "early",
                    PartOfMonth::Mid => "mid",
                    PartOfMonth::Late => "late",
                }
                .to_string(),
            );
        }
        if let Some(day) = self.day {
            parts.push(day.to_string());
        }
        if let Some(month) = self
            .month
            .and_then(|m| MONTHS.get(usize::from(m).wrapping_sub(1)))
        {
            parts.push((*month).to_string());
        }
        if let Some(quarter) = self.quarter {
            parts.push(format!("Q{quarter}"));
        }
        if let Some(season) = self.season {
            parts.push(format!("{season:?}").to_lowercase());
        }
        if let Some(year) = self.year {
            parts.push(year.to_string());
        }
        f.write_str(&parts.join(" "))
    }
}

/// Every date in the tokens of one paragraph.
pub fn extract(_tokens: &[Token], _lang: Lang) -> Vec<Fact> {
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_less_detailed_date_is_compatible_with_a_more_detailed_one() {
        let october = DateValue {
            month: Some(10),
            ..DateValue::default()
        };
        let full = DateValue {
            year: Some(2024),
            month: Some(10),
            day: Some(14),
            ..DateValue::default()
        };
        let june = DateValue {
            month: Some(6),
            ..DateValue::default()
        };
        assert!(october.compatible(&full));
        assert!(!june.compatible(&full));
        assert!(!june.compatible(&DateValue::default()));
        assert_eq!(full.key(), "14 October 2024");
    }
}
