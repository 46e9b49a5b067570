//! Language knowledge, one module per language: number words, month and weekday names,
//! transliteration. Checks never hard-code a word of any language; they ask these modules.
//!
//! Adding a language means adding a folder here with `numbers.rs`, `dates.rs` and
//! `translit.rs`, and a line in each `match` below.

use serde::{Serialize, Serializer};
use std::fmt;

pub mod en;
pub mod ru;
pub mod uk;

use crate::facts::dates::DateVocabulary;
use crate::facts::numbers::NumberVocabulary;

/// A language concord knows. The order (en, uk, ru) is the order of every report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    En,
    Uk,
    Ru,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Uk, Lang::Ru];

    /// The position of the language in [`Lang::ALL`], for per-language arrays.
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The code used in file names, reports and JSON keys.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Uk => "uk",
            Lang::Ru => "ru",
        }
    }

    /// Parses a language code as it appears in a file name or on the command line.
    /// `ua` is accepted for Ukrainian (many Ukrainian sites use it) and reported as `uk`.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.to_ascii_lowercase().as_str() {
            "en" => Some(Lang::En),
            "uk" | "ua" => Some(Lang::Uk),
            "ru" => Some(Lang::Ru),
            _ => None,
        }
    }

    /// Human name, for messages.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Uk => "Ukrainian",
            Lang::Ru => "Russian",
        }
    }

    /// Words for numbers, scales, percents and currencies.
    pub fn numbers(self) -> &'static dyn NumberVocabulary {
        match self {
            Lang::En => &en::numbers::VOCABULARY,
            Lang::Uk => &uk::numbers::VOCABULARY,
            Lang::Ru => &ru::numbers::VOCABULARY,
        }
    }

    /// Words for months, weekdays, seasons and the parts of dates.
    pub fn dates(self) -> &'static dyn DateVocabulary {
        match self {
            Lang::En => &en::dates::VOCABULARY,
            Lang::Uk => &uk::dates::VOCABULARY,
            Lang::Ru => &ru::dates::VOCABULARY,
        }
    }

    /// Latin transliteration of a word in this language (identity for English), lowercased,
    /// used to compare names across scripts.
    pub fn transliterate(self, word: &str) -> String {
        match self {
            Lang::En => en::translit::to_latin(word),
            Lang::Uk => uk::translit::to_latin(word),
            Lang::Ru => ru::translit::to_latin(word),
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Lang {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

/// For the transliteration tests of each language: the Latin of every prefix of `word` that
/// ends at a mark `to_latin_marked` records is the word's Latin up to that mark.
#[cfg(test)]
pub(crate) fn assert_marks_give_prefixes(
    word: &str,
    to_latin: fn(&str) -> String,
    to_latin_marked: fn(&str, &mut String, &mut Vec<(usize, usize)>),
) {
    let (mut latin, mut marks) = (String::new(), Vec::new());
    to_latin_marked(word, &mut latin, &mut marks);
    assert_eq!(latin, to_latin(word), "{word:?}");
    for &(input, output) in &marks {
        let prefix = word
            .get(..input)
            .unwrap_or_else(|| panic!("{word:?} {input}"));
        assert_eq!(
            latin.get(..output),
            Some(to_latin(prefix).as_str()),
            "{word:?}"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_is_the_position_in_all() {
        for (position, lang) in Lang::ALL.into_iter().enumerate() {
            assert_eq!(lang.index(), position, "{lang:?}");
        }
    }
}
