//! The glossary: equivalent terms and names across languages, and editorial bans.
//! `glossary.toml` at the repository root is the default (compiled into the binary);
//! `--glossary FILE` replaces it and several files merge.

use crate::lang::Lang;
use std::collections::BTreeMap;

/// One `[[term]]` entry: the accepted forms of one term or name in each language, in their
/// dictionary form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Entry {
    pub forms: BTreeMap<Lang, Vec<String>>,
    pub note: Option<String>,
}

impl Entry {
    /// True when the entry names someone or something (every form capitalized or an
    /// acronym): the `name` check reports it; otherwise the `term` check does.
    pub fn is_name(&self) -> bool {
        self.forms
            .values()
            .flatten()
            .all(|f| f.chars().next().is_some_and(char::is_uppercase))
    }
}

/// An occurrence of a glossary form in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    /// Index into [`Glossary::entries`].
    pub entry: usize,
    /// Character range in the text.
    pub start: usize,
    pub end: usize,
    /// The words as written.
    pub text: String,
}

/// A loaded, merged glossary, ready for matching.
#[derive(Clone, Debug, Default)]
pub struct Glossary {
    entries: Vec<Entry>,
}

impl Glossary {
    pub fn from_entries(entries: Vec<Entry>) -> Glossary {
        Glossary { entries }
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Every occurrence of an entry's form of `lang` in `text`, inflection-aware, longest
    /// match first, not overlapping, in text order.
    pub fn find_terms(&self, _lang: Lang, _text: &str) -> Vec<Match> {
        Vec::new()
    }
}
