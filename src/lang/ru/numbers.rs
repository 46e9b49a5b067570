//! Number words, scale words, percent and currency words.

use crate::facts::numbers::NumberVocabulary;

pub struct Vocabulary;

pub static VOCABULARY: Vocabulary = Vocabulary;

impl NumberVocabulary for Vocabulary {}
