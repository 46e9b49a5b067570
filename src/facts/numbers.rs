//! Numbers in every form a news text writes them: digits in each language's format, number
//! words (cardinal, ordinal, collective, in every case and gender), scale words and their
//! abbreviations, percents, vague quantities and Roman numerals.
//!
//! The grammar is here; the words are in `lang::{en,uk,ru}::numbers`.

use super::tokens::Token;
use super::{Decimal, Fact};
use crate::lang::Lang;
use std::fmt;

/// What a language module must tell the number extractor.
pub trait NumberVocabulary: Sync {}

/// A vague quantity: "several thousand", "hundreds", "десятки тисяч".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Vague {
    /// "several", "a few", "кілька", "декілька", "несколько" before a scale word.
    Several,
    /// A plural of a round number with no count: "dozens"/"tens", "hundreds", "thousands".
    Plural,
}

/// The value of a number fact.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NumberValue {
    /// A definite amount; `percent` for "13.5%", "13,5 відсотка", "процентов".
    Exact { amount: Decimal, percent: bool },
    /// A vague quantity of `unit`s: several × 1000 ("several thousand"), plural × 10
    /// ("dozens", "десятки"), plural × 1000 ("thousands"). For "tens of thousands" the unit
    /// is 10 and `scale` 1000; otherwise `scale` is 1.
    Vague {
        quantity: Vague,
        unit: Decimal,
        scale: Decimal,
    },
}

impl NumberValue {
    pub fn exact(amount: Decimal) -> NumberValue {
        NumberValue::Exact {
            amount,
            percent: false,
        }
    }

    /// The normalized value: "6", "13.5%", "40500000000", "several 1000", "10s of 1000".
    pub fn key(&self) -> String {
        self.to_string()
    }

    /// The amount, for judging how close two different values are (None for vague ones).
    pub fn amount(&self) -> Option<Decimal> {
        match self {
            NumberValue::Exact { amount, .. } => Some(*amount),
            NumberValue::Vague { .. } => None,
        }
    }
}

impl fmt::Display for NumberValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NumberValue::Exact { amount, percent } => {
                write!(f, "{amount}{}", if *percent { "%" } else { "" })
            }
            NumberValue::Vague {
                quantity,
                unit,
                scale,
            } => {
                match quantity {
                    Vague::Several => write!(f, "several {unit}")?,
                    Vague::Plural => write!(f, "{unit}s")?,
                }
                if *scale != Decimal::from_int(1) {
                    write!(f, " of {scale}")?;
                }
                Ok(())
            }
        }
    }
}

/// Every number in the tokens of one paragraph.
pub fn extract(_tokens: &[Token], _lang: Lang) -> Vec<Fact> {
    Vec::new()
}
