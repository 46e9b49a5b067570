//! Month, weekday and season names and the words around dates, in English.

use crate::facts::dates::{
    Conventions, DateVocabulary, DateWord, Guard, PartOfMonth, Season, WordTable,
};
use crate::facts::numbers::Fingerprint;
use crate::facts::tokens::Token;
use std::sync::OnceLock;

pub struct Vocabulary;

pub static VOCABULARY: Vocabulary = Vocabulary;

impl DateVocabulary for Vocabulary {
    fn word(&self, lower: &str) -> Option<DateWord> {
        table().get(lower)
    }

    fn words_of(&self, tokens: &[Token], fingerprints: &[Fingerprint]) -> Vec<Option<DateWord>> {
        table().words_of(tokens, fingerprints, |_| None)
    }

    fn conventions(&self) -> Conventions {
        Conventions {
            month_first_with_slashes: true,
            day_after_month: true,
            capitalized_names: true,
            bare_four_digits_are_years: true,
        }
    }
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Abbreviations count only next to a day number: "Jan" is also a name, "Mar" a verb.
const MONTH_ABBREVIATIONS: [(&str, u8); 12] = [
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

const ABBREVIATION_CONTEXT: &[&str] = &[
    "on", "in", "since", "until", "till", "by", "from", "through", "before", "after",
];

/// "May" is also Theresa May, "March" a protest march: they are months after these words
/// (or next to a number, or after "early", "end of", ...).
const MAY_MARCH_CONTEXT: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "during",
    "through",
    "throughout",
    "last",
    "next",
    "this",
    "that",
    "each",
    "every",
    "from",
    "to",
    "of",
    "before",
    "after",
];

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Seasons are lowercase common nouns ("summer camp", "spring water", "the fall of Rome"):
/// they are dates after these words or before a year.
const SEASON_CONTEXT: &[&str] = &[
    "this",
    "last",
    "next",
    "in",
    "during",
    "over",
    "through",
    "throughout",
    "since",
    "until",
    "till",
    "by",
    "early",
    "late",
    "that",
    "each",
    "every",
];

const ORDINALS: [&str; 20] = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
];

const BLOCKERS: &[&str] = &[
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "trillion",
    "percent",
    "pct",
    "pounds",
    "dollars",
    "euros",
    "usd",
    "gbp",
    "eur",
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "metres",
    "meters",
    "feet",
    "ft",
    "tonnes",
    "tons",
    "kg",
    "mph",
    "gmt",
    "utc",
    "bst",
    "hrs",
    "hours",
    "years",
    "people",
    "troops",
];

fn table() -> &'static WordTable {
    static TABLE: OnceLock<WordTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = WordTable::new();
        for (month, name) in (1u8..).zip(MONTHS) {
            let guard = if matches!(name, "may" | "march") {
                Guard::After(MAY_MARCH_CONTEXT)
            } else {
                Guard::Free
            };
            table.add(
                &[name],
                DateWord::Month {
                    month,
                    guard,
                    abbreviation: false,
                },
            );
        }
        for (name, month) in MONTH_ABBREVIATIONS {
            table.add(
                &[name],
                DateWord::Month {
                    month,
                    guard: Guard::After(ABBREVIATION_CONTEXT),
                    abbreviation: true,
                },
            );
        }
        for (weekday, name) in (1u8..).zip(WEEKDAYS) {
            table.add_stem(
                name,
                &["", "s"],
                DateWord::Weekday {
                    weekday,
                    guard: Guard::Free,
                },
            );
        }
        for (names, season) in [
            (&["winter"][..], Season::Winter),
            (&["spring"][..], Season::Spring),
            (&["summer"][..], Season::Summer),
            (&["autumn", "fall"][..], Season::Autumn),
        ] {
            table.add(
                names,
                DateWord::Season {
                    season,
                    guard: Guard::After(SEASON_CONTEXT),
                },
            );
        }
        for (n, name) in (1u8..).zip(ORDINALS) {
            table.add(&[name], DateWord::Ordinal(n));
        }
        table.add(&["thirtieth"], DateWord::Ordinal(30));
        table.add(&["twenty"], DateWord::Tens(20));
        table.add(&["thirty"], DateWord::Tens(30));
        table.add(&["quarter"], DateWord::Quarter);
        table.add(&["half"], DateWord::HalfYear);
        table.add(&["th", "st", "nd", "rd"], DateWord::NumberSuffix);
        table.add(&["s"], DateWord::DecadeSuffix);
        table.add(
            &["early", "beginning", "start"],
            DateWord::Part(PartOfMonth::Early),
        );
        table.add(&["mid", "middle"], DateWord::Part(PartOfMonth::Mid));
        table.add(&["late", "end"], DateWord::Part(PartOfMonth::Late));
        table.add(
            &[
                "on",
                "in",
                "at",
                "by",
                "since",
                "until",
                "till",
                "from",
                "during",
                "through",
                "throughout",
                "before",
                "after",
                "this",
                "last",
                "next",
            ],
            DateWord::Lead,
        );
        table.add(&["the"], DateWord::Article);
        table.add(&["of"], DateWord::Of);
        table.add(BLOCKERS, DateWord::Blocker);
        table
    })
}

#[cfg(test)]
mod tests {
    use crate::facts::dates::keys;
    use crate::lang::Lang;

    /// The fingerprint filter before the table must never turn a listed word away.
    #[test]
    fn every_table_word_is_read_back() {
        crate::facts::dates::assert_table_reads_back(super::table(), Lang::En);
    }

    fn en(text: &str) -> Vec<String> {
        keys(text, Lang::En)
    }

    #[test]
    fn news_sentences() {
        let cases: &[(&str, &[&str])] = &[
            ("The verdict is expected on Thursday.", &["Thursday"]),
            (
                "The treaty was signed on March 14, 2024, in Geneva.",
                &["14 March 2024"],
            ),
            ("He was born on 14 March 2024.", &["14 March 2024"]),
            (
                "The vote is scheduled for the 14th of March.",
                &["14 March"],
            ),
            ("Deliveries resume in early October.", &["early October"]),
            ("Talks stalled in the middle of June.", &["mid June"]),
            (
                "The plant will close by the end of October 2024.",
                &["late October 2024"],
            ),
            ("Prices rose by mid-September.", &["mid September"]),
            ("The deal must be ratified by the end of 2024.", &["2024"]),
            (
                "During the June visit, the minister toured the plant.",
                &["June"],
            ),
            (
                "Sales fell in the first quarter of 2024 and rose in Q2 2024.",
                &["Q1 2024", "Q2 2024"],
            ),
            ("Fourth-quarter profits doubled.", &["Q4"]),
            ("The factory opened in 2011.", &["2011"]),
            ("Summer 2024 was the hottest on record.", &["summer 2024"]),
            ("This summer, tourists stayed away.", &["summer"]),
            (
                "Form 03/14/2024 was filed on Jan. 5.",
                &["14 March 2024", "5 January"],
            ),
            ("The elections were held in May.", &["May"]),
            ("The 2000s were a decade of growth.", &["2000s"]),
            ("The talks ended on the twenty-first of June.", &["21 June"]),
            ("Saturday's crash killed two cyclists.", &["Saturday"]),
        ];
        for (text, expected) in cases {
            assert_eq!(en(text), *expected, "{text}");
        }
    }

    #[test]
    fn ordinary_words_are_not_dates() {
        let cases = [
            "Theresa May said the talks may resume.",
            "Mrs May's cabinet met in Downing Street.",
            "Protesters will march on parliament.",
            "The March for Our Lives drew crowds.",
            "The spring water is safe to drink.",
            "The fall of the government surprised nobody.",
            "She told The Sunday Times she would resign.",
            "He appeared on Saturday Night Live.",
            "A quarter of the population voted.",
            "Jan Kowalski won the race.",
            "This year, revenue rose; yesterday shares fell.",
            "The stadium holds 2000 people.",
            "The train left at 1800 GMT.",
        ];
        for text in cases {
            assert!(en(text).is_empty(), "{text}: {:?}", en(text));
        }
    }
}
