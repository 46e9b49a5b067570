//! Finding glossary forms in a text in time that does not depend on the glossary's size.
//!
//! A text is tokenized once and each word stemmed once; the forms of every entry, tokenized
//! and stemmed the same way, form a trie over stem ids, held as one hash map of edges. A
//! match starting at a word walks that trie word by word, so matching costs the same for ten
//! entries as for ten thousand.
//!
//! Each word of a form becomes a key:
//! - an acronym ("NBU", "НБУ", "US", "БпЛА": two or more letters, all capitals, or a capital
//!   after the first letter) matches only the same capitals, never "us";
//! - a word of an `exact` ban matches the same word in any case, uninflected;
//! - any other word matches every word with its stem ([`crate::lang::Lang`]'s stemmer).
//!
//! Hyphens between words are transparent ("Kim Jong-un" = "Kim Jong Un"), as is the English
//! possessive ("Kyiv's", "Defense Forces'"); "U.S." and "U.N." read as "US" and "UN". Any
//! other punctuation ends a match: a term never spans two sentences or clauses.

use crate::facts::tokens::is_letter;
use crate::facts::tokens::{tokenize, Token, TokenKind};
use crate::hashing::FastMap;
use crate::lang::{self, Lang};

/// How a form's word must be matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// By stem, case-insensitively (acronyms still match only in capitals).
    Inflected,
    /// As written, case-insensitively.
    Exact,
}

const ACRONYM: char = '\u{1}';
const EXACT: char = '\u{2}';

/// The stem of one lowercased word in `lang`.
///
/// Stems are remembered per thread: the same words come back in every paragraph and in
/// every entry of a large glossary ("ставка", "міністерство"), and stemming was the largest
/// cost of loading one.
pub fn stem(lang: Lang, lower: &str) -> String {
    const REMEMBERED: usize = 100_000;
    thread_local! {
        static STEMS: std::cell::RefCell<[FastMap<String, String>; 3]> =
            std::cell::RefCell::new(Default::default());
    }
    let slot = match lang {
        Lang::En => 0,
        Lang::Uk => 1,
        Lang::Ru => 2,
    };
    let remembered = STEMS.with(|stems| {
        stems
            .borrow()
            .get(slot)
            .and_then(|known| known.get(lower).cloned())
    });
    if let Some(stem) = remembered {
        return stem;
    }
    let stem = match lang {
        Lang::En => lang::en::stem::stem(lower),
        Lang::Uk => lang::uk::stem::stem(lower),
        Lang::Ru => lang::ru::stem::stem(lower),
    };
    STEMS.with(|stems| {
        if let Some(known) = stems.borrow_mut().get_mut(slot) {
            if known.len() >= REMEMBERED {
                known.clear();
            }
            known.insert(lower.to_string(), stem.clone());
        }
    });
    stem
}

/// True when a word is written as an acronym and must match in capitals only: two or more
/// letters, all capitals, or a capital after the first letter.
pub fn is_acronym(word: &str) -> bool {
    let mut letters = word.chars().filter(|c| is_letter(*c));
    let Some(first) = letters.next() else {
        return false;
    };
    let (mut count, mut all_upper, mut later_upper) = (1usize, first.is_uppercase(), false);
    for c in letters {
        count += 1;
        let upper = c.is_uppercase();
        all_upper &= upper;
        later_upper |= upper;
    }
    count >= 2 && (all_upper || later_upper)
}

fn normalize_apostrophes(word: &str) -> std::borrow::Cow<'_, str> {
    if word.contains(['’', 'ʼ']) {
        std::borrow::Cow::Owned(word.replace(['’', 'ʼ'], "'"))
    } else {
        std::borrow::Cow::Borrowed(word)
    }
}

/// One word (or run of digits) of a text, with the keys it can match.
#[derive(Clone, Debug)]
pub struct Unit {
    /// Character range in the text.
    pub start: usize,
    pub end: usize,
    /// True when punctuation separates this unit from the previous one.
    pub break_before: bool,
    /// The stem key, the acronym key (when written as one) and the exact key.
    pub keys: Vec<String>,
}

/// Splits a text into units; see the module documentation.
pub fn units(lang: Lang, text: &str) -> Vec<Unit> {
    units_from_tokens(lang, &tokenize(text))
}

/// [`units`] from the text's tokens.
pub fn units_from_tokens(lang: Lang, tokens: &[Token]) -> Vec<Unit> {
    let mut units = Vec::with_capacity(tokens.len());
    let mut pending_break = false;
    let mut i = 0;
    while let Some(token) = tokens.get(i) {
        let touches_next = tokens.get(i + 1).is_some_and(|t| t.gap_before.is_empty());
        match token.kind {
            TokenKind::Word | TokenKind::Digits => {
                if let Some((unit_end, letters, next)) = dotted_acronym(tokens, i) {
                    units.push(Unit {
                        start: token.start,
                        end: unit_end,
                        break_before: pending_break,
                        keys: vec![letters.to_lowercase(), format!("{ACRONYM}{letters}")],
                    });
                    pending_break = false;
                    i = next;
                    continue;
                }
                let written = normalize_apostrophes(token.text);
                let lower = normalize_apostrophes(&token.lower);
                let mut keys = vec![stem(lang, &lower)];
                if is_acronym(&written) {
                    keys.push(format!("{ACRONYM}{written}"));
                }
                keys.push(format!("{EXACT}{lower}"));
                units.push(Unit {
                    start: token.start,
                    end: token.end,
                    break_before: pending_break,
                    keys,
                });
                pending_break = false;
            }
            TokenKind::Punct => {
                let previous_is_word = i > 0
                    && tokens
                        .get(i - 1)
                        .is_some_and(|t| t.kind != TokenKind::Punct);
                let after_word = previous_is_word && token.gap_before.is_empty();
                let is_hyphen = matches!(token.text, "-" | "‐" | "‑");
                let is_apostrophe = matches!(token.text, "'" | "’" | "ʼ");
                let possessive_s = tokens.get(i + 1).filter(|t| {
                    t.gap_before.is_empty()
                        && t.lower == "s"
                        && !tokens
                            .get(i + 2)
                            .is_some_and(|n| n.gap_before.is_empty() && n.kind != TokenKind::Punct)
                });
                if let (true, true, Some(s)) = (is_apostrophe, after_word, possessive_s) {
                    // "Kyiv's": the "s" is no word of its own.
                    if let Some(last) = units.last_mut() {
                        last.end = s.end;
                    }
                    i += 2;
                    continue;
                }
                let transparent = after_word && (is_apostrophe || is_hyphen && touches_next);
                if !transparent {
                    pending_break = true;
                }
            }
        }
        i += 1;
    }
    units
}

/// "U.S.", "U.N.", "U.K.": single capitals joined by dots. Returns the end of the run (after
/// the last dot), the letters, and the index of the next token.
fn dotted_acronym(
    tokens: &[crate::facts::tokens::Token],
    start: usize,
) -> Option<(usize, String, usize)> {
    let single_capital = |i: usize| {
        tokens.get(i).is_some_and(|t| {
            t.kind == TokenKind::Word
                && t.text.chars().count() == 1
                && t.text.chars().all(char::is_uppercase)
        })
    };
    let dot_touching = |i: usize| {
        tokens
            .get(i)
            .is_some_and(|t| t.text == "." && t.gap_before.is_empty())
    };
    let mut letters = String::new();
    let mut i = start;
    let mut end = 0;
    while single_capital(i)
        && (i == start || tokens.get(i).is_some_and(|t| t.gap_before.is_empty()))
    {
        let token = tokens.get(i)?;
        letters.push_str(token.text);
        end = token.end;
        i += 1;
        if dot_touching(i) {
            end = tokens.get(i)?.end;
            i += 1;
        } else {
            break;
        }
    }
    (letters.chars().count() >= 2).then_some((end, letters, i))
}

/// The keys of a form's words, or `None` when the form has no word.
pub fn form_keys(lang: Lang, form: &str, mode: Mode) -> Option<Vec<String>> {
    let keys: Vec<String> = units(lang, form)
        .into_iter()
        .map(|unit| {
            let acronym = unit.keys.iter().find(|k| k.starts_with(ACRONYM)).cloned();
            match (acronym, mode) {
                (Some(acronym), _) => acronym,
                (None, Mode::Exact) => unit
                    .keys
                    .iter()
                    .find(|k| k.starts_with(EXACT))
                    .cloned()
                    .unwrap_or_default(),
                (None, Mode::Inflected) => unit.keys.first().cloned().unwrap_or_default(),
            }
        })
        .collect();
    (!keys.is_empty()).then_some(keys)
}

/// A trie over key ids for one language.
#[derive(Clone, Debug, Default)]
pub struct Trie {
    vocabulary: FastMap<String, u32>,
    edges: FastMap<(u32, u32), u32>,
    targets: FastMap<u32, usize>,
    nodes: u32,
}

/// One match: units `[first, last]` and the target stored for the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub first: usize,
    pub last: usize,
    pub target: usize,
}

impl Trie {
    /// Adds a form's keys; a later target for the same keys replaces an earlier one.
    pub fn insert(&mut self, keys: &[String], target: usize) {
        if keys.is_empty() {
            return;
        }
        let mut node = 0u32;
        for key in keys {
            let id = match self.vocabulary.get(key) {
                Some(&id) => id,
                None => {
                    let id = self.vocabulary.len() as u32;
                    self.vocabulary.insert(key.clone(), id);
                    id
                }
            };
            let next_node = self.nodes + 1;
            let child = *self.edges.entry((node, id)).or_insert(next_node);
            if child == next_node {
                self.nodes = next_node;
            }
            node = child;
        }
        self.targets.insert(node, target);
    }

    pub fn is_empty(&self) -> bool {
        self.targets.is_empty()
    }

    /// Leftmost-longest matches, not overlapping, in text order.
    pub fn find(&self, units: &[Unit]) -> Vec<Hit> {
        if self.is_empty() {
            return Vec::new();
        }
        let ids: Vec<Vec<u32>> = units
            .iter()
            .map(|u| {
                u.keys
                    .iter()
                    .filter_map(|k| self.vocabulary.get(k).copied())
                    .collect()
            })
            .collect();
        let mut hits = Vec::new();
        let mut first = 0;
        while first < units.len() {
            let mut active = vec![0u32];
            let mut best: Option<Hit> = None;
            let mut at = first;
            while !active.is_empty() {
                let (Some(unit), Some(unit_ids)) = (units.get(at), ids.get(at)) else {
                    break;
                };
                if at > first && unit.break_before {
                    break;
                }
                let mut next = Vec::new();
                for &node in &active {
                    for &id in unit_ids {
                        if let Some(&child) = self.edges.get(&(node, id)) {
                            if !next.contains(&child) {
                                next.push(child);
                            }
                        }
                    }
                }
                let target = next.iter().filter_map(|n| self.targets.get(n)).max();
                if let Some(&target) = target {
                    best = Some(Hit {
                        first,
                        last: at,
                        target,
                    });
                }
                active = next;
                at += 1;
            }
            match best {
                Some(hit) => {
                    hits.push(hit);
                    first = hit.last + 1;
                }
                None => first += 1,
            }
        }
        hits
    }
}

/// The text of characters `[start, end)`.
pub fn slice_chars(text: &str, start: usize, end: usize) -> String {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}
