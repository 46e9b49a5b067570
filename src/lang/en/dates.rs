//! Month, weekday and season names and the words around dates.

use crate::facts::dates::DateVocabulary;

pub struct Vocabulary;

pub static VOCABULARY: Vocabulary = Vocabulary;

impl DateVocabulary for Vocabulary {}
