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

use crate::facts::tokens::{is_letter, is_upper, tokenize, Token, TokenKind};
use crate::hashing::FastMap;
use crate::lang::{self, Lang};
use std::borrow::Cow;
use std::rc::Rc;

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
/// cost of loading one. A remembered stem is shared, not copied.
pub fn stem(lang: Lang, lower: &str) -> Rc<str> {
    const REMEMBERED: usize = 100_000;
    thread_local! {
        static STEMS: std::cell::RefCell<[FastMap<String, Rc<str>>; 3]> =
            std::cell::RefCell::new(Default::default());
    }
    let slot = lang.index();
    let remembered = STEMS.with(|stems| {
        stems
            .borrow()
            .get(slot)
            .and_then(|known| known.get(lower).cloned())
    });
    if let Some(stem) = remembered {
        return stem;
    }
    let stem: Rc<str> = match lang {
        Lang::En => lang::en::stem::stem(lower),
        Lang::Uk => lang::uk::stem::stem(lower),
        Lang::Ru => lang::ru::stem::stem(lower),
    }
    .into();
    STEMS.with(|stems| {
        if let Some(known) = stems.borrow_mut().get_mut(slot) {
            if known.len() >= REMEMBERED {
                known.clear();
            }
            known.insert(lower.to_string(), Rc::clone(&stem));
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
    let (mut count, mut all_upper, mut later_upper) = (1usize, is_upper(first), false);
    for c in letters {
        count += 1;
        let upper = is_upper(c);
        all_upper &= upper;
        later_upper |= upper;
    }
    count >= 2 && (all_upper || later_upper)
}

fn normalize_apostrophes(word: &str) -> Cow<'_, str> {
    if word.contains(['’', 'ʼ']) {
        Cow::Owned(word.replace(['’', 'ʼ'], "'"))
    } else {
        Cow::Borrowed(word)
    }
}

/// One word (or run of digits) of a text. The keys it can match are worked out by the trie
/// that reads it ([`Trie::find`]), and remembered per word.
#[derive(Clone, Debug)]
pub struct Unit<'t, 'a> {
    /// Character range in the text.
    pub start: usize,
    pub end: usize,
    /// Byte range in the text.
    pub bytes: std::ops::Range<usize>,
    /// True when punctuation separates this unit from the previous one.
    pub break_before: bool,
    written: Written<'t, 'a>,
}

/// How a unit is written: form keys need one key each, text units all.
#[derive(Clone, Debug)]
enum Written<'t, 'a> {
    /// "U.S.": the capitals.
    DottedAcronym(String),
    Word(&'t Token<'a>),
}

/// Where a unit stands: characters `[start, end)` and their bytes.
struct Span {
    start: usize,
    end: usize,
    bytes: std::ops::Range<usize>,
}

impl Span {
    /// From the first token to the last, both included.
    fn from_tokens(first: &Token, last: &Token) -> Span {
        Span {
            start: first.start,
            end: last.end,
            bytes: first.byte_start..last.byte_start + last.text.len(),
        }
    }
}

/// Walks the tokens as units (see the module documentation), calling `unit` with each unit's
/// character range, whether punctuation breaks before it, and how it is written.
fn walk_units<'t, 'a>(
    tokens: &'t [Token<'a>],
    mut unit: impl FnMut(Span, bool, Written<'t, 'a>),
    mut extend_last: impl FnMut(Span),
) {
    let mut pending_break = false;
    let mut i = 0;
    while let Some(token) = tokens.get(i) {
        let touches_next = tokens.get(i + 1).is_some_and(|t| t.gap_before.is_empty());
        match token.kind {
            TokenKind::Word | TokenKind::Digits => {
                if let Some((last, letters, next)) = dotted_acronym(tokens, i) {
                    unit(
                        Span::from_tokens(token, last),
                        pending_break,
                        Written::DottedAcronym(letters),
                    );
                    pending_break = false;
                    i = next;
                    continue;
                }
                unit(
                    Span::from_tokens(token, token),
                    pending_break,
                    Written::Word(token),
                );
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
                    extend_last(Span::from_tokens(token, s));
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
}

/// A text's units (see the module documentation), from its tokens.
pub fn units_from_tokens<'t, 'a>(tokens: &'t [Token<'a>]) -> Vec<Unit<'t, 'a>> {
    let units = std::cell::RefCell::new(Vec::with_capacity(tokens.len()));
    walk_units(
        tokens,
        |span, break_before, written| {
            let Span { start, end, bytes } = span;
            units.borrow_mut().push(Unit {
                start,
                end,
                bytes,
                break_before,
                written,
            });
        },
        |span| {
            if let Some(last) = units.borrow_mut().last_mut() {
                last.end = span.end;
                last.bytes.end = span.bytes.end;
            }
        },
    );
    units.into_inner()
}

/// [`normalize_apostrophes`] of a token's lowercase form, borrowing what the token borrows.
fn normalize_apostrophes_cow<'a>(lower: &Cow<'a, str>) -> Cow<'a, str> {
    match lower {
        Cow::Borrowed(text) => normalize_apostrophes(text),
        Cow::Owned(text) => Cow::Owned(normalize_apostrophes(text).into_owned()),
    }
}

/// A word of one capital letter, as dotted acronyms are made of. The length is tested first:
/// it is cheap, and almost every word fails it.
fn is_single_capital(token: &Token) -> bool {
    let mut letters = token.text.chars();
    token.kind == TokenKind::Word
        && token.text.len() <= 4
        && letters.next().is_some_and(char::is_uppercase)
        && letters.next().is_none()
}

/// "U.S.", "U.N.", "U.K.": single capitals joined by dots. Returns the run's last token (the
/// last dot), the letters, and the index of the next token.
fn dotted_acronym<'t, 'a>(
    tokens: &'t [Token<'a>],
    start: usize,
) -> Option<(&'t Token<'a>, String, usize)> {
    let single_capital = |i: usize| tokens.get(i).is_some_and(is_single_capital);
    if !single_capital(start) {
        return None;
    }
    let dot_touching = |i: usize| {
        tokens
            .get(i)
            .is_some_and(|t| t.text == "." && t.gap_before.is_empty())
    };
    let mut letters = String::new();
    let mut i = start;
    let mut last = tokens.get(start)?;
    while single_capital(i)
        && (i == start || tokens.get(i).is_some_and(|t| t.gap_before.is_empty()))
    {
        let token = tokens.get(i)?;
        letters.push_str(token.text);
        last = token;
        i += 1;
        if dot_touching(i) {
            last = tokens.get(i)?;
            i += 1;
        } else {
            break;
        }
    }
    (letters.chars().count() >= 2).then_some((last, letters, i))
}

/// The keys of a form's words joined by spaces (no key holds one), or `None` when the form
/// has no word. Each word has one key: its capitals when written as an acronym, else its stem
/// (or, for `exact`, itself).
pub fn form_keys(lang: Lang, form: &str, mode: Mode) -> Option<String> {
    if let Some(keys) = plain_form_keys(lang, form, mode) {
        return keys;
    }
    let tokens = tokenize(form);
    let mut keys = String::new();
    let mut push = |key_start: Option<char>, key: &str| {
        if !keys.is_empty() {
            keys.push(' ');
        }
        keys.extend(key_start);
        keys.push_str(key);
    };
    walk_units(
        &tokens,
        |_, _, written| match written {
            Written::DottedAcronym(letters) => push(Some(ACRONYM), &letters),
            Written::Word(token) => {
                let written = normalize_apostrophes(token.text);
                if is_acronym(&written) {
                    push(Some(ACRONYM), &written);
                } else {
                    let lower = normalize_apostrophes(&token.lower);
                    match mode {
                        Mode::Exact => push(Some(EXACT), &lower),
                        Mode::Inflected => push(None, &stem(lang, &lower)),
                    }
                }
            }
        },
        |_| {},
    );
    (!keys.is_empty()).then_some(keys)
}

/// Letters the tokenizer reads as word letters with no further question (see
/// [`crate::facts::tokens::is_letter`]), and which need no apostrophe normalizing.
fn is_plain_letter(c: char) -> bool {
    matches!(c, 'a'..='z' | 'A'..='Z' | '\u{400}'..='\u{481}' | '\u{48a}'..='\u{52f}')
}

/// [`form_keys`] for the common form of plain words between single spaces ("облікова
/// ставка"), without tokenizing: every word is one unit. `None` when the form is anything
/// else, for the tokenizer to read.
fn plain_form_keys(lang: Lang, form: &str, mode: Mode) -> Option<Option<String>> {
    if !form.chars().all(|c| c == ' ' || is_plain_letter(c)) {
        return None;
    }
    let mut keys = String::with_capacity(form.len() + 4);
    let mut lowered = String::new();
    for word in form.split(' ').filter(|w| !w.is_empty()) {
        if !keys.is_empty() {
            keys.push(' ');
        }
        // An acronym has a capital after its first letter (all capitals included).
        let mut chars = word.chars();
        let first_upper = chars.next().is_some_and(is_upper);
        if chars.any(is_upper) {
            keys.push(ACRONYM);
            keys.push_str(word);
            continue;
        }
        let lower = if first_upper {
            lowered.clear();
            lowered.extend(word.chars().flat_map(char::to_lowercase));
            lowered.as_str()
        } else {
            word
        };
        match mode {
            Mode::Exact => {
                keys.push(EXACT);
                keys.push_str(lower);
            }
            Mode::Inflected => keys.push_str(&stem(lang, lower)),
        }
    }
    Some((!keys.is_empty()).then_some(keys))
}

/// A trie over key ids for one language.
#[derive(Clone, Debug, Default)]
pub struct Trie {
    /// Changes with every insertion, so that ids remembered for a trie's content are never
    /// read for another content (see [`Trie::find`]).
    generation: u64,
    vocabulary: FastMap<String, u32>,
    /// Whether any key is an acronym's or an exact word's: when none is, texts' units are
    /// not looked up as such.
    has_acronyms: bool,
    has_exact: bool,
    edges: FastMap<(u32, u32), u32>,
    targets: FastMap<u32, usize>,
    nodes: u32,
}

/// The ids a text unit can match: by stem, as an acronym, as an exact word.
type UnitIds = [Option<u32>; 3];

/// One match: units `[first, last]` and the target stored for the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub first: usize,
    pub last: usize,
    pub target: usize,
}

impl Trie {
    /// An empty trie with room for about `forms` two-word forms: a large glossary's tables
    /// are sized once rather than grown (and rehashed) step by step.
    pub fn with_capacity(forms: usize) -> Trie {
        let mut trie = Trie::default();
        trie.vocabulary.reserve(forms);
        trie.edges.reserve(forms * 2);
        trie.targets.reserve(forms);
        trie
    }

    /// Adds a form's keys (joined by spaces, as [`form_keys`] gives them); a later target for
    /// the same keys replaces an earlier one.
    pub fn insert(&mut self, keys: &str, target: usize) {
        if keys.is_empty() {
            return;
        }
        static GENERATIONS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        self.generation = GENERATIONS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let mut node = 0u32;
        for key in keys.split(' ') {
            self.has_acronyms |= key.starts_with(ACRONYM);
            self.has_exact |= key.starts_with(EXACT);
            let id = match self.vocabulary.get(key) {
                Some(&id) => id,
                None => {
                    let id = self.vocabulary.len() as u32;
                    self.vocabulary.insert(key.to_string(), id);
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

    /// The id of a key in the acronym or exact namespace, looked up without allocating.
    fn prefixed_id(&self, scratch: &mut String, namespace: char, key: &str) -> Option<u32> {
        scratch.clear();
        scratch.push(namespace);
        scratch.push_str(key);
        self.vocabulary.get(scratch.as_str()).copied()
    }

    /// The ids of a text's dotted acronym ("U.S." → "US"): as a word and as an acronym.
    fn dotted_acronym_ids(&self, letters: &str) -> UnitIds {
        if self.is_empty() {
            return [None; 3];
        }
        let mut scratch = String::new();
        [
            self.vocabulary.get(&letters.to_lowercase()).copied(),
            self.has_acronyms
                .then(|| self.prefixed_id(&mut scratch, ACRONYM, letters))
                .flatten(),
            None,
        ]
    }

    /// The ids a text word of `lang` can match: its stem's, its capitals' when written as an
    /// acronym, and its own lowercase spelling's (for `exact` words).
    fn word_ids(&self, lang: Lang, token: &Token) -> UnitIds {
        let mut scratch = String::new();
        let lower = normalize_apostrophes_cow(&token.lower);
        let written = normalize_apostrophes(token.text);
        [
            self.vocabulary.get(&*stem(lang, &lower)).copied(),
            (self.has_acronyms && is_acronym(&written))
                .then(|| self.prefixed_id(&mut scratch, ACRONYM, &written))
                .flatten(),
            self.has_exact
                .then(|| self.prefixed_id(&mut scratch, EXACT, &lower))
                .flatten(),
        ]
    }

    /// Leftmost-longest matches of a text of `lang`, not overlapping, in text order.
    pub fn find(&self, lang: Lang, units: &[Unit]) -> Vec<Hit> {
        let [hits, _] = find_in_both([self, &Trie::default()], lang, units);
        hits
    }

    /// [`Trie::find`] with each unit's ids already worked out (`ids[i][slot]`).
    fn find_with_ids(&self, units: &[Unit], ids: &[[UnitIds; 2]], slot: usize) -> Vec<Hit> {
        if self.is_empty() {
            return Vec::new();
        }
        let ids_at = |at: usize| ids.get(at).and_then(|both| both.get(slot));
        let mut hits = Vec::new();
        // The trie nodes reached so far and at the next unit, reused from start to start.
        let (mut active, mut next): (Vec<u32>, Vec<u32>) = (Vec::new(), Vec::new());
        let mut first = 0;
        while first < units.len() {
            // Most words start no form: turn them away before setting anything up.
            let starts_a_form = ids_at(first).is_some_and(|unit_ids| {
                unit_ids
                    .iter()
                    .flatten()
                    .any(|id| self.edges.contains_key(&(0, *id)))
            });
            if !starts_a_form {
                first += 1;
                continue;
            }
            active.clear();
            active.push(0);
            let mut best: Option<Hit> = None;
            let mut at = first;
            while !active.is_empty() {
                let (Some(unit), Some(unit_ids)) = (units.get(at), ids_at(at)) else {
                    break;
                };
                if at > first && unit.break_before {
                    break;
                }
                next.clear();
                for &node in &active {
                    for &id in unit_ids.iter().flatten() {
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
                std::mem::swap(&mut active, &mut next);
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

/// [`Trie::find`] of two tries (a language's terms and bans) over the same units.
///
/// A word's ids depend only on how it is written and on the trie, so they are remembered per
/// thread for each pair of trie contents, both tries' ids under one lookup: the same words
/// come back in every paragraph, and working ids out (stem, acronym test, three lookups) cost
/// more than the rest of matching.
pub fn find_in_both(tries: [&Trie; 2], lang: Lang, units: &[Unit]) -> [Vec<Hit>; 2] {
    if tries.iter().all(|trie| trie.is_empty()) {
        return [Vec::new(), Vec::new()];
    }
    let ids = remembered_unit_ids(tries, lang, units);
    [0, 1].map(|slot| {
        tries
            .get(slot)
            .map_or_else(Vec::new, |trie| trie.find_with_ids(units, &ids, slot))
    })
}

/// [`Trie::word_ids`] of every unit in each of two tries, remembered per thread.
fn remembered_unit_ids(tries: [&Trie; 2], lang: Lang, units: &[Unit]) -> Vec<[UnitIds; 2]> {
    /// Words remembered per pair of tries, and pairs remembered, before starting afresh.
    const WORDS: usize = 50_000;
    const PAIRS: usize = 16;
    type Generations = (u64, u64);
    type Known = FastMap<Box<str>, [UnitIds; 2]>;
    thread_local! {
        static IDS: std::cell::RefCell<FastMap<Generations, Known>> = Default::default();
    }
    // An empty trie matches nothing: no word is stemmed for it.
    let ids_in = |trie: &Trie, token: &Token| match trie.is_empty() {
        true => [None; 3],
        false => trie.word_ids(lang, token),
    };
    let generations = (tries[0].generation, tries[1].generation);
    IDS.with(|memory| {
        let mut memory = memory.borrow_mut();
        if memory.len() >= PAIRS && !memory.contains_key(&generations) {
            memory.clear();
        }
        let known = memory.entry(generations).or_default();
        units
            .iter()
            .map(|unit| match &unit.written {
                Written::DottedAcronym(letters) => {
                    tries.map(|trie| trie.dotted_acronym_ids(letters))
                }
                Written::Word(token) => {
                    if let Some(&ids) = known.get(token.text) {
                        return ids;
                    }
                    let ids = tries.map(|trie| ids_in(trie, token));
                    if known.len() >= WORDS {
                        known.clear();
                    }
                    known.insert(token.text.into(), ids);
                    ids
                }
            })
            .collect()
    })
}
