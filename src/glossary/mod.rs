//! The glossary: equivalent terms and names across languages, and editorial bans.
//! `glossary.toml` at the repository root is the default (compiled into the binary, see
//! [`default_glossary`]); `--glossary FILE` replaces it and several files merge ([`load`]).
//!
//! ```toml
//! [[term]]                     # equivalents: a string, or a list of accepted variants
//! en = "Defense Forces"
//! uk = "Сили оборони"
//! ru = ["Силы обороны"]
//! note = "official name"       # optional
//!
//! [[forbidden]]                # editorial bans, flagged wherever they occur
//! lang = "ru"
//! text = "на Украине"          # or a list
//! use = "в Украине"            # suggested replacement, optional
//! note = "editorial policy"    # optional
//! exact = true                 # optional: only the forms written, not their inflections
//! ```
//!
//! Forms are written in their dictionary form and match every inflected form of each word
//! (see [`matcher`]): "облікова ставка" matches "обліковій ставці", "Defense Forces" matches
//! "Defense Forces'". Acronyms match in capitals only.

pub mod file;
pub mod matcher;
mod simple_toml;

pub use file::{Problem, ProblemKind};

use crate::error::{ConcordError, Result};
use crate::lang::Lang;
use matcher::{Mode, Trie, Unit};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

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

/// One `[[forbidden]]` entry: wording a newsroom does not use in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ban {
    pub lang: Lang,
    /// The banned wordings (at least one).
    pub forms: Vec<String>,
    /// What to write instead (`use = ...`).
    pub replacement: Option<String>,
    pub note: Option<String>,
    /// Match the forms only as written (any case), not their inflections.
    pub exact: bool,
}

/// An occurrence of a banned wording in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BanMatch {
    /// Index into [`Glossary::bans`].
    pub ban: usize,
    /// Character range in the text.
    pub start: usize,
    pub end: usize,
    /// The words as written.
    pub text: String,
}

/// Everything a glossary finds in one text: occurrences of its entries and of its bans.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Found {
    pub terms: Vec<Match>,
    pub bans: Vec<BanMatch>,
}

/// A loaded, merged glossary, ready for matching.
#[derive(Clone, Debug, Default)]
pub struct Glossary {
    entries: Vec<Entry>,
    /// The matcher keys of every entry's forms, as `entries[i].forms`: kept so that merging
    /// glossaries does not stem every form again.
    entry_keys: Vec<file::Keys>,
    bans: Vec<Ban>,
    terms: [Trie; 3],
    banned: [Trie; 3],
    /// [`Entry::is_name`] of every entry, asked for every match of every paragraph.
    names: Vec<bool>,
}

impl Glossary {
    pub fn from_entries(entries: Vec<Entry>) -> Glossary {
        Glossary::new(entries, Vec::new())
    }

    /// A glossary of terms and bans. Where two entries (or two bans) share a form, the later
    /// one wins: files named later override earlier ones.
    pub fn new(entries: Vec<Entry>, bans: Vec<Ban>) -> Glossary {
        let keys = entries
            .iter()
            .map(|entry| {
                let forms = entry.forms.iter();
                forms
                    .flat_map(|(&lang, forms)| {
                        forms.iter().map(move |f| {
                            let keys = matcher::form_keys(lang, f, Mode::Inflected);
                            (lang, keys.unwrap_or_default())
                        })
                    })
                    .collect()
            })
            .collect();
        Glossary::indexed(entries, keys, bans)
    }

    /// A glossary whose entries' keys are already known (a parsed file).
    fn indexed(entries: Vec<Entry>, entry_keys: Vec<file::Keys>, bans: Vec<Ban>) -> Glossary {
        // One trie per language, built side by side: a large glossary has tens of thousands
        // of forms.
        let [en, uk, ru] = [Lang::En, Lang::Uk, Lang::Ru];
        let build = |lang: Lang| {
            let forms = entry_keys
                .iter()
                .flatten()
                .filter(|(l, _)| *l == lang)
                .count();
            let mut trie = Trie::with_capacity(forms);
            for (index, keys) in entry_keys.iter().enumerate() {
                for (_, form_keys) in keys.iter().filter(|(l, _)| *l == lang) {
                    trie.insert(form_keys, index);
                }
            }
            trie
        };
        let (en_terms, (uk_terms, ru_terms)) =
            rayon::join(|| build(en), || rayon::join(|| build(uk), || build(ru)));
        let mut banned: [Trie; 3] = Default::default();
        for (index, ban) in bans.iter().enumerate() {
            let mode = if ban.exact {
                Mode::Exact
            } else {
                Mode::Inflected
            };
            for form in &ban.forms {
                if let Some(keys) = matcher::form_keys(ban.lang, form, mode) {
                    banned[ban.lang.index()].insert(&keys, index);
                }
            }
        }
        Glossary {
            names: entries.iter().map(Entry::is_name).collect(),
            entries,
            entry_keys,
            bans,
            terms: [en_terms, uk_terms, ru_terms],
            banned,
        }
    }

    /// This glossary followed by `other` (whose entries win where forms are shared).
    pub fn merge(self, other: Glossary) -> Glossary {
        let mut entries = self.entries;
        entries.extend(other.entries);
        let mut entry_keys = self.entry_keys;
        entry_keys.extend(other.entry_keys);
        let mut bans = self.bans;
        bans.extend(other.bans);
        Glossary::indexed(entries, entry_keys, bans)
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// [`Entry::is_name`] of entry `index` (false for no entry).
    pub fn is_name_entry(&self, index: usize) -> bool {
        self.names.get(index).copied().unwrap_or(false)
    }

    pub fn bans(&self) -> &[Ban] {
        &self.bans
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty() && self.bans.is_empty()
    }

    /// Every occurrence of an entry's form of `lang` in `text`, inflection-aware, longest
    /// match first, not overlapping, in text order.
    pub fn find_terms(&self, lang: Lang, text: &str) -> Vec<Match> {
        self.find_all(lang, text).terms
    }

    /// Every occurrence of a banned wording of `lang` in `text`, in text order.
    pub fn find_bans(&self, lang: Lang, text: &str) -> Vec<BanMatch> {
        self.find_all(lang, text).bans
    }

    /// Terms and bans at once: the text is split into words and stemmed once for both.
    pub fn find_all(&self, lang: Lang, text: &str) -> Found {
        if self.terms[lang.index()].is_empty() && self.banned[lang.index()].is_empty() {
            return Found::default();
        }
        self.find_all_in_tokens(lang, text, &crate::facts::tokens::tokenize(text))
    }

    /// [`Glossary::find_all`] from the text's tokens.
    pub fn find_all_in_tokens(
        &self,
        lang: Lang,
        text: &str,
        tokens: &[crate::facts::tokens::Token],
    ) -> Found {
        let (terms, bans) = (&self.terms[lang.index()], &self.banned[lang.index()]);
        if terms.is_empty() && bans.is_empty() {
            return Found::default();
        }
        let units: Vec<Unit> = matcher::units_from_tokens(tokens);
        let [term_hits, ban_hits] = matcher::find_in_both([terms, bans], lang, &units);
        Found {
            terms: matched_texts(term_hits, &units, text)
                .map(|(entry, start, end, text)| Match {
                    entry,
                    start,
                    end,
                    text,
                })
                .collect(),
            bans: matched_texts(ban_hits, &units, text)
                .map(|(ban, start, end, text)| BanMatch {
                    ban,
                    start,
                    end,
                    text,
                })
                .collect(),
        }
    }
}

/// Each hit's target, character range and text as written.
fn matched_texts<'h>(
    hits: Vec<matcher::Hit>,
    units: &'h [Unit],
    text: &'h str,
) -> impl Iterator<Item = (usize, usize, usize, String)> + 'h {
    hits.into_iter().filter_map(move |hit| {
        let (first, last) = (units.get(hit.first)?, units.get(hit.last)?);
        let written = text.get(first.bytes.start..last.bytes.end)?;
        Some((hit.target, first.start, last.end, written.to_string()))
    })
}

/// The default glossary's source: `glossary.toml` at the repository root.
pub const DEFAULT_TOML: &str = include_str!("../../glossary.toml");

/// The default glossary, parsed once. It is tested to load cleanly; were it ever broken, the
/// checks would run with an empty glossary rather than fail.
pub fn default_glossary() -> Arc<Glossary> {
    static DEFAULT: OnceLock<Arc<Glossary>> = OnceLock::new();
    DEFAULT
        .get_or_init(|| {
            Arc::new(parse_str(DEFAULT_TOML, Path::new("glossary.toml")).unwrap_or_default())
        })
        .clone()
}

/// Parses one glossary file's text. Any error-severity [`Problem`] fails (warnings such as
/// duplicate entries do not); `path` is only used in messages.
pub fn parse_str(source: &str, path: &Path) -> Result<Glossary> {
    let parsed = file::parse(source, path);
    let errors: Vec<&Problem> = parsed.problems.iter().filter(|p| p.is_error()).collect();
    if let Some(first) = errors.first() {
        let mut message = match first.column {
            Some(column) => format!("column {column}: {}", first.message),
            None => first.message.clone(),
        };
        if errors.len() > 1 {
            message.push_str(&format!(" (and {} more problems)", errors.len() - 1));
        }
        return Err(ConcordError::in_file(path, message)
            .at_line(first.line)
            .with_hint(format!(
                "run `concord glossary check {}` to list every problem",
                path.display()
            )));
    }
    Ok(Glossary::indexed(parsed.entries, parsed.keys, parsed.bans))
}

/// Loads and merges glossary files, in order (later files win where forms are shared).
pub fn load(paths: &[PathBuf]) -> Result<Glossary> {
    let mut glossary = Glossary::default();
    for path in paths {
        let source = read(path)?;
        let next = parse_str(&source, path)?;
        glossary = if glossary.is_empty() {
            next
        } else {
            glossary.merge(next)
        };
    }
    Ok(glossary)
}

/// Every problem of one glossary file (`concord glossary check FILE`), in line order. The
/// file itself being unreadable is an error; an empty list means the file is clean.
pub fn validate(path: &Path) -> Result<Vec<Problem>> {
    Ok(validate_str(&read(path)?, path))
}

/// Every problem of a glossary file's text, in line order.
pub fn validate_str(source: &str, path: &Path) -> Vec<Problem> {
    file::parse(source, path).problems
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| {
        ConcordError::in_file(path, format!("cannot read the glossary: {e}"))
            .with_hint("a glossary is a UTF-8 TOML file")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(forms: &[(Lang, &[&str])]) -> Entry {
        Entry {
            forms: forms
                .iter()
                .map(|(l, f)| (*l, f.iter().map(|s| s.to_string()).collect()))
                .collect(),
            note: None,
        }
    }

    fn glossary() -> Glossary {
        Glossary::new(
            vec![
                entry(&[
                    (Lang::En, &["key policy rate"]),
                    (Lang::Uk, &["облікова ставка"]),
                    (Lang::Ru, &["учетная ставка"]),
                ]),
                entry(&[
                    (Lang::En, &["Defense Forces"]),
                    (Lang::Uk, &["Сили оборони"]),
                    (Lang::Ru, &["Силы обороны"]),
                ]),
                entry(&[(Lang::En, &["US"]), (Lang::Uk, &["США"])]),
                entry(&[(Lang::En, &["Defense"]), (Lang::Uk, &["оборона"])]),
                entry(&[
                    (Lang::En, &["temporarily occupied"]),
                    (Lang::Uk, &["тимчасово окупований"]),
                ]),
                entry(&[(Lang::En, &["sanctions"]), (Lang::Uk, &["санкції"])]),
            ],
            vec![Ban {
                lang: Lang::En,
                forms: vec!["Kiev".to_string()],
                replacement: Some("Kyiv".to_string()),
                note: None,
                exact: false,
            }],
        )
    }

    fn found(lang: Lang, text: &str) -> Vec<(usize, String)> {
        glossary()
            .find_terms(lang, text)
            .into_iter()
            .map(|m| (m.entry, m.text))
            .collect()
    }

    #[test]
    fn inflected_forms_match_with_their_offsets() {
        let text = "НБУ знизив облікову ставку, а не ключову.";
        let matches = glossary().find_terms(Lang::Uk, text);
        assert_eq!(matches.len(), 1);
        assert_eq!(matches[0].text, "облікову ставку");
        assert_eq!((matches[0].start, matches[0].end), (11, 26));
        assert_eq!(
            found(Lang::Uk, "Рішення щодо обліковій ставці ухвалили."),
            [(0, "обліковій ставці".to_string())]
        );
        assert_eq!(
            found(Lang::Ru, "Нацбанк снизил учетную ставку до 13%."),
            [(0, "учетную ставку".to_string())]
        );
    }

    #[test]
    fn remembered_word_ids_follow_the_glossary_they_came_from() {
        let text = "Нацбанк знизив облікову ставку; США і Сили оборони.";
        let full = glossary();
        let narrow = Glossary::new(
            vec![entry(&[
                (Lang::En, &["Defense Forces"]),
                (Lang::Uk, &["Сили оборони"]),
            ])],
            Vec::new(),
        );
        // The same words, in one thread, through two glossaries in turn: each answers from
        // its own forms, whatever the other remembered.
        for _ in 0..2 {
            let texts = |g: &Glossary| -> Vec<String> {
                g.find_terms(Lang::Uk, text)
                    .into_iter()
                    .map(|m| m.text)
                    .collect()
            };
            assert_eq!(texts(&full), ["облікову ставку", "США", "Сили оборони"]);
            assert_eq!(texts(&narrow), ["Сили оборони"]);
        }
        // A trie that gains a form is another trie: what it remembered is not reused.
        let mut trie = matcher::Trie::default();
        let stems = matcher::form_keys(Lang::Uk, "Сили оборони", Mode::Inflected);
        trie.insert(stems.as_deref().unwrap_or_default(), 0);
        let tokens = crate::facts::tokens::tokenize(text);
        let units = matcher::units_from_tokens(&tokens);
        assert_eq!(trie.find(Lang::Uk, &units).len(), 1);
        let stems = matcher::form_keys(Lang::Uk, "облікова ставка", Mode::Inflected);
        trie.insert(stems.as_deref().unwrap_or_default(), 1);
        let targets: Vec<usize> = trie
            .find(Lang::Uk, &units)
            .iter()
            .map(|h| h.target)
            .collect();
        assert_eq!(targets, [1, 0]);
    }

    #[test]
    fn the_longest_match_wins() {
        assert_eq!(
            found(Lang::Uk, "Силам оборони вдалося відбити атаку."),
            [(1, "Силам оборони".to_string())]
        );
        assert_eq!(
            found(
                Lang::En,
                "Ukraine's Defense Forces' commander said; Defense was key."
            ),
            [
                (1, "Defense Forces".to_string()),
                (3, "Defense".to_string())
            ]
        );
    }

    #[test]
    fn acronyms_match_in_capitals_only() {
        assert_eq!(
            found(Lang::En, "US officials told us."),
            [(2, "US".to_string())]
        );
        assert_eq!(
            found(Lang::En, "The U.S. Treasury imposed sanctions."),
            [(2, "U.S.".to_string()), (5, "sanctions".to_string())]
        );
        assert!(found(Lang::En, "Let us see.").is_empty());
    }

    #[test]
    fn punctuation_ends_a_match_but_hyphens_do_not() {
        assert!(found(Lang::Uk, "тимчасово. Окупований").is_empty());
        assert_eq!(
            found(Lang::En, "the temporarily-occupied areas"),
            [(4, "temporarily-occupied".to_string())]
        );
    }

    #[test]
    fn bans_match_inflected_forms() {
        let g = glossary();
        let bans = g.find_bans(Lang::En, "Kiev's mayor met Kyiv officials in Kiev.");
        let texts: Vec<&str> = bans.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Kiev's", "Kiev"]);
        assert!(g.find_bans(Lang::Uk, "Kiev").is_empty());
    }

    #[test]
    fn odd_text_does_not_panic() {
        let g = glossary();
        for text in [
            "",
            " ",
            "'",
            "-",
            "'s",
            "U.",
            "U.S",
            "ставку'",
            "\u{301}",
            "й-",
        ] {
            let _ = g.find_terms(Lang::Uk, text);
            let _ = g.find_terms(Lang::En, text);
            let _ = g.find_bans(Lang::En, text);
        }
    }

    #[test]
    fn the_default_glossary_loads() {
        let default = default_glossary();
        assert!(default.entries().len() >= 60);
        assert!(!default.bans().is_empty());
    }
}
