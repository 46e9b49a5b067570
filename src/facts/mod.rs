//! Facts a paragraph states: numbers and dates, normalized so that the versions of one
//! paragraph in different languages can be compared value by value.

pub mod dates;
pub mod decimal;
pub mod language;
pub mod names;
pub mod numbers;
pub mod tokens;

use crate::lang::Lang;
pub use dates::DateValue;
pub use decimal::Decimal;
pub use numbers::NumberValue;

/// What kind of fact, which is also which check compares it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FactKind {
    Number,
    Date,
}

#[derive(Clone, Debug, PartialEq)]
pub enum FactValue {
    Number(NumberValue),
    Date(DateValue),
}

impl FactValue {
    /// The normalized value shown in reports and in JSON `values` ("6", "13.5%", "2024-06").
    pub fn key(&self) -> String {
        self.to_string()
    }
}

impl std::fmt::Display for FactValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FactValue::Number(n) => n.fmt(f),
            FactValue::Date(d) => d.fmt(f),
        }
    }
}

/// One number or date found in a paragraph.
#[derive(Clone, Debug, PartialEq)]
pub struct Fact {
    pub value: FactValue,
    /// Character range `[start, end)` in the paragraph's normalized text.
    pub start: usize,
    pub end: usize,
    /// The words as written ("шістьох", "40,5 млрд", "14 березня 2024 року").
    pub text: String,
    /// A weak fact ("one", "first", "один") is matched when the other version has it, but
    /// its absence is not reported: translators drop and add such words freely.
    pub weak: bool,
}

impl Fact {
    pub fn kind(&self) -> FactKind {
        match self.value {
            FactValue::Number(_) => FactKind::Number,
            FactValue::Date(_) => FactKind::Date,
        }
    }
}

/// All facts of one paragraph, in text order. Dates are found first; a number inside a date
/// (the day, the year) belongs to the date and is not reported as a number of its own.
pub fn extract(text: &str, lang: Lang) -> Vec<Fact> {
    extract_from_tokens(&tokens::tokenize(text), lang)
}

/// [`extract`] from the paragraph's tokens, for callers that tokenize once for every
/// extractor.
pub fn extract_from_tokens(tokens: &[tokens::Token], lang: Lang) -> Vec<Fact> {
    // Both extractors look every token up in their tables, whose filters share one
    // fingerprint per word.
    let fingerprints = numbers::Fingerprint::of_tokens(tokens);
    let dates = dates::extract_fingerprinted(tokens, &fingerprints, lang);
    let numbers = numbers::extract_fingerprinted(tokens, &fingerprints, lang);
    let mut facts: Vec<Fact> = numbers
        .into_iter()
        .filter(|n| !dates.iter().any(|d| n.start < d.end && d.start < n.end))
        .collect();
    facts.extend(dates);
    facts.sort_by_key(|f| (f.start, f.end));
    facts
}
