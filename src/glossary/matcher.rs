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

use crate::facts::tokens::{is_letter, is_upper, lowercase, tokenize, Token, TokenKind};
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

/// One step of [`walk_units`]: a new unit, or more text for the last one ("Kyiv's").
enum Step<'t, 'a> {
    /// A unit's span, whether punctuation breaks before it, and how it is written.
    Unit(Span, bool, Written<'t, 'a>),
    /// The last unit reaches on to the end of this span.
    ExtendLast(Span),
}

/// Walks the tokens as units (see the module documentation), telling `step` each unit and
/// each extension of the last unit.
fn walk_units<'t, 'a>(tokens: &'t [Token<'a>], mut step: impl FnMut(Step<'t, 'a>)) {
    let mut pending_break = false;
    let mut i = 0;
    while let Some(token) = tokens.get(i) {
        let touches_next = tokens.get(i + 1).is_some_and(|t| t.gap_before.is_empty());
        match token.kind {
            TokenKind::Word | TokenKind::Digits => {
                // A dotted acronym starts with a short word and a dot right after it: nearly
                // every word fails this before the run is read.
                let may_be_dotted = token.text.len() <= 4
                    && tokens
                        .get(i + 1)
                        .is_some_and(|t| t.text == "." && t.gap_before.is_empty());
                if let Some((last, letters, next)) =
                    may_be_dotted.then(|| dotted_acronym(tokens, i)).flatten()
                {
                    step(Step::Unit(
                        Span::from_tokens(token, last),
                        pending_break,
                        Written::DottedAcronym(letters),
                    ));
                    pending_break = false;
                    i = next;
                    continue;
                }
                step(Step::Unit(
                    Span::from_tokens(token, token),
                    pending_break,
                    Written::Word(token),
                ));
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
                    step(Step::ExtendLast(Span::from_tokens(token, s)));
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
    let mut units: Vec<Unit> = Vec::with_capacity(tokens.len());
    walk_units(tokens, |step| match step {
        Step::Unit(Span { start, end, bytes }, break_before, written) => units.push(Unit {
            start,
            end,
            bytes,
            break_before,
            written,
        }),
        Step::ExtendLast(span) => {
            if let Some(last) = units.last_mut() {
                last.end = span.end;
                last.bytes.end = span.bytes.end;
            }
        }
    });
    units
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
    walk_units(&tokens, |step| match step {
        Step::ExtendLast(_) => {}
        Step::Unit(_, _, written) => match written {
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
    });
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
    /// Every edge: (node, key id) to child node. The root is node 0.
    edges: FastMap<(u32, u32), u32>,
    /// The root's edges again, by key id (0 for none: the root is no one's child): a match
    /// is tried from every word that begins a form, and its first step is then one read.
    root_children: Vec<u32>,
    /// Per node: the target stored for the form that ends there.
    targets: Vec<Option<usize>>,
    /// Per node: whether any edge leaves it (most forms are one word, and their walk ends
    /// there without a lookup).
    has_children: Vec<bool>,
    /// Forms stored.
    forms: usize,
    nodes: u32,
    /// How the keys begin: a text word that begins like none of them matches none, and is
    /// neither stemmed nor looked up.
    openings: Openings,
}

/// A letter of a word's first three, as [`Openings`] compares them: a-z and the lowercase
/// Cyrillic block U+0430..=U+045F, numbered from 1 (0 for none).
const OPENING_LETTERS: usize = 26 + 0x30 + 1;

/// A fourth letter that is no letter [`Openings`] numbers.
const OTHER_LETTER: usize = usize::MAX;

/// The first three letters of every key of a trie, as a bit per triple (the missing letters
/// of a shorter key 0): most text words begin like no key.
///
/// A stem begins with the word's own first three letters, except where a stemmer rewrites
/// them: "ё" becomes "е" (Russian); Ukrainian stems turn "ї" into "є" ("їв" → "єв"), "і" into
/// "о" in a closed last syllable ("ніс" → "нос") and a last "ц"/"з" into "к"/"г" (the word
/// "з"); English "flies" becomes "fly". Letters are compared with those pairs made one. And
/// a fleeting "е"/"о" may leave a four-letter stem ("отец" → "отц"), whose third letter is
/// then the word's fourth. A word beginning with any other character is not judged here.
#[derive(Clone, Debug, Default)]
struct Openings {
    /// Bit `(first * OPENING_LETTERS + second) * OPENING_LETTERS + third`; empty until a key
    /// is noted (every search of one trie makes an empty one).
    bits: Vec<u64>,
    /// Set when a key cannot be judged by its opening (empty, or an acronym or exact word
    /// beginning with another character): every word is then looked up.
    judges_nothing: bool,
}

/// The four letters a word begins with ([`Openings`]), 0 past its end, the fourth
/// [`OTHER_LETTER`] when it is another character; None when one of the first three is
/// (or the word is empty).
#[inline]
fn opening_letters(lower: &str) -> Option<[usize; 4]> {
    let bytes = lower.as_bytes();
    let mut letters = [0; 4];
    let mut at = 0;
    for (k, letter) in letters.iter_mut().enumerate() {
        if at >= bytes.len() {
            break;
        }
        match opening_letter(bytes, at) {
            Some((number, width)) => {
                *letter = number;
                at += width;
            }
            None if k == 3 => *letter = OTHER_LETTER,
            None => return None,
        }
    }
    (letters[0] != 0).then_some(letters)
}

/// The number of the letter at byte `at` and its width in bytes.
#[inline]
fn opening_letter(bytes: &[u8], at: usize) -> Option<(usize, usize)> {
    let lead = *bytes.get(at)?;
    let code = match lead {
        // "y" is "i" ("flies" → "fly").
        b'y' => return Some((usize::from(b'i' - b'a') + 1, 1)),
        b'a'..=b'z' => return Some((usize::from(lead - b'a') + 1, 1)),
        0xd0 | 0xd1 => {
            let second = *bytes.get(at + 1)?;
            match (lead, second) {
                (0xd0, 0xb0..=0xbf) => 0x430 + u32::from(second - 0xb0),
                (0xd1, 0x80..=0x9f) => 0x440 + u32::from(second - 0x80),
                _ => return None,
            }
        }
        _ => return None,
    };
    let canonical = match code {
        0x451 => 0x435, // ё → е
        0x457 => 0x454, // ї → є
        0x456 => 0x43e, // і → о
        0x446 => 0x43a, // ц → к
        0x437 => 0x433, // з → г
        _ => code,
    };
    Some((27 + (canonical - 0x430) as usize, 2))
}

/// Whether a (canonical) letter is a fleeting vowel, "е" or "о".
fn is_fleeting_vowel(letter: usize) -> bool {
    letter == 27 + (0x435 - 0x430) || letter == 27 + (0x43e - 0x430)
}

impl Openings {
    fn bit(first: usize, second: usize, third: usize) -> usize {
        (first * OPENING_LETTERS + second) * OPENING_LETTERS + third
    }

    /// Notes a stem (`judged_by_stem`) or an acronym's or exact word's lowercase spelling.
    fn insert(&mut self, lower: &str, judged_by_stem: bool) {
        match opening_letters(lower) {
            Some([first, second, third, _]) => {
                if self.bits.is_empty() {
                    self.bits = vec![0; (OPENING_LETTERS.pow(3)).div_ceil(64)];
                }
                let bit = Openings::bit(first, second, third);
                if let Some(word) = self.bits.get_mut(bit / 64) {
                    *word |= 1 << (bit % 64);
                }
            }
            // A stem that begins otherwise comes only from a word that begins otherwise,
            // which is never judged here.
            None if judged_by_stem && !lower.is_empty() => {}
            None => self.judges_nothing = true,
        }
    }

    #[inline]
    fn holds(&self, first: usize, second: usize, third: usize) -> bool {
        let bit = Openings::bit(first, second, third);
        self.bits
            .get(bit / 64)
            .is_some_and(|word| word & (1 << (bit % 64)) != 0)
    }

    /// False when a word of this lowercase spelling surely matches no key: its stem (which
    /// may be shorter than the word, down to one letter), its acronym and itself begin like
    /// none.
    fn may_match(&self, lower: &str) -> bool {
        if self.judges_nothing {
            return true;
        }
        let Some([first, second, third, fourth]) = opening_letters(lower) else {
            return true;
        };
        let fleeting_third = third != 0 && is_fleeting_vowel(third) && fourth != 0 && {
            fourth == OTHER_LETTER || self.holds(first, second, fourth)
        };
        self.holds(first, 0, 0)
            || (second != 0 && self.holds(first, second, 0))
            || (third != 0 && self.holds(first, second, third))
            || fleeting_third
    }
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
        trie.targets.reserve(forms * 2);
        trie.has_children.reserve(forms * 2);
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
            match key.strip_prefix([ACRONYM, EXACT]) {
                Some(written) => self.openings.insert(&lowercase(written), false),
                None => self.openings.insert(key, true),
            }
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
            if node == 0 {
                let at = id as usize;
                if self.root_children.len() <= at {
                    self.root_children.resize(at + 1, 0);
                }
                if let Some(slot) = self.root_children.get_mut(at) {
                    *slot = child;
                }
            }
            let nodes = self.nodes as usize + 1;
            self.targets.resize(nodes, None);
            self.has_children.resize(nodes, false);
            if let Some(has_children) = self.has_children.get_mut(node as usize) {
                *has_children = true;
            }
            node = child;
        }
        if let Some(slot) = self.targets.get_mut(node as usize) {
            if slot.replace(target).is_none() {
                self.forms += 1;
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.forms == 0
    }

    /// The node reached from `node` by key `id`.
    #[inline]
    fn child(&self, node: u32, id: u32) -> Option<u32> {
        if node == 0 {
            return self
                .root_children
                .get(id as usize)
                .copied()
                .filter(|&child| child != 0);
        }
        let has_children = self.has_children.get(node as usize).copied();
        match has_children {
            Some(true) => self.edges.get(&(node, id)).copied(),
            _ => None,
        }
    }

    /// The target of the form that ends at `node`.
    #[inline]
    fn target(&self, node: u32) -> Option<usize> {
        self.targets.get(node as usize).copied().flatten()
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

    /// The ids a text word can match: its stem's, its capitals' when written as an acronym,
    /// and its own lowercase spelling's (for `exact` words).
    fn word_ids(&self, word: &TextWord, scratch: &mut String) -> UnitIds {
        [
            self.vocabulary.get(&*word.stem).copied(),
            (self.has_acronyms && word.is_acronym)
                .then(|| self.prefixed_id(scratch, ACRONYM, &word.written))
                .flatten(),
            self.has_exact
                .then(|| self.prefixed_id(scratch, EXACT, &word.lower))
                .flatten(),
        ]
    }

    /// Leftmost-longest matches of a text of `lang`, not overlapping, in text order.
    pub fn find(&self, lang: Lang, units: &[Unit]) -> Vec<Hit> {
        let [hits, _] = find_in_both([self, &Trie::default()], lang, units);
        hits
    }

    /// True when one of `ids` begins a form.
    fn starts_a_form(&self, ids: &UnitIds) -> bool {
        ids.iter().flatten().any(|&id| self.child(0, id).is_some())
    }

    /// When no form the unit's `ids` begin goes on past it: the target of the longest form
    /// it ends (the largest, as [`Trie::find_with_keys`] chooses), None when it ends none.
    #[inline]
    fn one_word_target(&self, unit: Option<&Unit>, ids: Option<&[u32; 3]>) -> Option<OneWord> {
        let (Some(_), Some(ids)) = (unit, ids) else {
            return None;
        };
        let mut target = None;
        for &id in ids.iter().filter(|&&id| id != NO_ID) {
            if let Some(child) = self.child(0, id) {
                if self.has_children.get(child as usize).copied() != Some(false) {
                    return Some(OneWord::GoesOn);
                }
                target = target.max(self.target(child));
            }
        }
        Some(OneWord::Only(target))
    }

    /// [`Trie::find`] with each unit's ids already worked out (`keys[i].ids[slot]`).
    fn find_with_keys(&self, units: &[Unit], keys: &[UnitKeys], slot: usize) -> Vec<Hit> {
        let mut hits = Vec::new();
        if self.is_empty() {
            return hits;
        }
        let bit = 1u8 << slot;
        let ids_at = |at: usize| keys.get(at).and_then(|unit| unit.ids.get(slot));
        // The trie nodes reached so far and at the next unit, reused from start to start.
        let (mut active, mut next): (Vec<u32>, Vec<u32>) = (Vec::new(), Vec::new());
        let mut first = 0;
        // Most words start no form: only those that do are walked from.
        while let Some(offset) = keys
            .get(first..)
            .and_then(|rest| rest.iter().position(|unit| unit.starts & bit != 0))
        {
            first += offset;
            let mut best: Option<Hit> = None;
            let mut at = first;
            active.clear();
            // Most forms are one word: when every form the first unit begins ends there, the
            // match is that unit's, and no walk is set up.
            match self.one_word_target(units.get(first), ids_at(first)) {
                Some(OneWord::Only(target)) => {
                    best = target.map(|target| Hit {
                        first,
                        last: first,
                        target,
                    })
                }
                _ => active.push(0),
            }
            while !active.is_empty() {
                let (Some(unit), Some(unit_ids)) = (units.get(at), ids_at(at)) else {
                    break;
                };
                if at > first && unit.break_before {
                    break;
                }
                next.clear();
                for &node in &active {
                    for &id in unit_ids.iter().filter(|&&id| id != NO_ID) {
                        if let Some(child) = self.child(node, id) {
                            if !next.contains(&child) {
                                next.push(child);
                            }
                        }
                    }
                }
                let target = next.iter().filter_map(|&n| self.target(n)).max();
                if let Some(target) = target {
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

/// Whether the forms a unit begins all end at it ([`Trie::one_word_target`]).
enum OneWord {
    /// They do: the target of the form it is, if any.
    Only(Option<usize>),
    /// Some form goes on past it.
    GoesOn,
}

/// No id, in [`UnitKeys::ids`] (ids count the keys of one glossary, far fewer).
const NO_ID: u32 = u32::MAX;

/// What a unit can match in each of two tries (a language's terms and bans).
#[derive(Clone, Copy, Debug)]
struct UnitKeys {
    /// The unit's ids in each trie ([`UnitIds`]), [`NO_ID`] for none: half the size of
    /// options, read for every unit.
    ids: [[u32; 3]; 2],
    /// Bit `slot` set when one of the ids in trie `slot` begins a form: remembered with the
    /// ids, so that the words that begin none (nearly all) are passed over without a lookup
    /// in the trie.
    starts: u8,
}

impl UnitKeys {
    /// A unit that matches nothing.
    const NONE: UnitKeys = UnitKeys {
        ids: [[NO_ID; 3]; 2],
        starts: 0,
    };

    fn new(tries: [&Trie; 2], ids: [UnitIds; 2]) -> UnitKeys {
        let starts = (0..2).fold(0u8, |starts, slot| {
            let starts_here = tries
                .get(slot)
                .zip(ids.get(slot))
                .is_some_and(|(trie, ids)| trie.starts_a_form(ids));
            starts | (u8::from(starts_here) << slot)
        });
        UnitKeys {
            ids: ids.map(|ids| ids.map(|id| id.unwrap_or(NO_ID))),
            starts,
        }
    }
}

/// Words' [`UnitKeys`] for one pair of tries, remembered per thread (see [`find_in_both`]).
#[derive(Default)]
struct KnownWords {
    /// Words of up to 16 bytes (nearly all), by their bytes: a lookup hashes and compares
    /// three integers, not the text.
    short: FastMap<ShortWord, UnitKeys>,
    long: FastMap<Box<str>, UnitKeys>,
}

/// A word of at most 16 bytes as integers: its first eight bytes (zero-padded), its last
/// eight (when longer than eight) and its length. Two words are equal exactly when their
/// `ShortWord`s are.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct ShortWord {
    head: u64,
    tail: u64,
    len: u8,
}

impl ShortWord {
    #[inline]
    fn of(word: &str) -> Option<ShortWord> {
        let bytes = word.as_bytes();
        let len = bytes.len();
        let word_at = |at: usize| -> Option<u64> {
            let eight: [u8; 8] = bytes.get(at..at + 8)?.try_into().ok()?;
            Some(u64::from_le_bytes(eight))
        };
        let (head, tail) = match len {
            0..=7 => {
                let head = bytes
                    .iter()
                    .rev()
                    .fold(0u64, |head, &byte| (head << 8) | u64::from(byte));
                (head, 0)
            }
            8..=16 => (word_at(0)?, word_at(len - 8)?),
            _ => return None,
        };
        Some(ShortWord {
            head,
            tail,
            len: len as u8,
        })
    }
}

impl KnownWords {
    /// Words remembered before starting afresh.
    const WORDS: usize = 50_000;

    #[inline]
    fn get(&self, word: &str) -> Option<UnitKeys> {
        match ShortWord::of(word) {
            Some(short) => self.short.get(&short).copied(),
            None => self.long.get(word).copied(),
        }
    }

    fn insert(&mut self, word: &str, keys: UnitKeys) {
        if self.short.len() + self.long.len() >= Self::WORDS {
            self.short.clear();
            self.long.clear();
        }
        match ShortWord::of(word) {
            Some(short) => self.short.insert(short, keys),
            None => self.long.insert(word.into(), keys),
        };
    }
}

/// Calls `read` with the words remembered for `tries` in this thread.
fn with_known_words<R>(tries: [&Trie; 2], read: impl FnOnce(&mut KnownWords) -> R) -> R {
    /// Pairs of tries remembered before starting afresh.
    const PAIRS: usize = 16;
    type Generations = (u64, u64);
    thread_local! {
        static KNOWN: std::cell::RefCell<FastMap<Generations, KnownWords>> = Default::default();
    }
    let generations = (tries[0].generation, tries[1].generation);
    KNOWN.with(|memory| {
        let mut memory = memory.borrow_mut();
        if memory.len() >= PAIRS && !memory.contains_key(&generations) {
            memory.clear();
        }
        read(memory.entry(generations).or_default())
    })
}

/// The [`UnitKeys`] of a unit, remembered in `known` for a word.
#[inline]
fn unit_keys(known: &mut KnownWords, tries: [&Trie; 2], lang: Lang, written: &Written) -> UnitKeys {
    if let Written::Word(token) = written {
        if let Some(keys) = known.get(token.text) {
            return keys;
        }
    }
    unit_keys_worked_out(known, tries, lang, written)
}

/// [`unit_keys`] of a unit seen for the first time (or a dotted acronym, never remembered).
#[cold]
#[inline(never)]
fn unit_keys_worked_out(
    known: &mut KnownWords,
    tries: [&Trie; 2],
    lang: Lang,
    written: &Written,
) -> UnitKeys {
    match written {
        Written::DottedAcronym(letters) => {
            UnitKeys::new(tries, tries.map(|trie| trie.dotted_acronym_ids(letters)))
        }
        Written::Word(token) => {
            // A word that begins like no key is not stemmed: stemming is most of the work of
            // a new word, and most words are.
            let may_match =
                |trie: &&Trie| !trie.is_empty() && trie.openings.may_match(&token.lower);
            if !tries.iter().any(may_match) {
                known.insert(token.text, UnitKeys::NONE);
                return UnitKeys::NONE;
            }
            // Worked out once for both tries. (Both empty match nothing and are never asked.)
            let word = TextWord::new(lang, token, tries);
            let mut scratch = String::new();
            // An empty trie matches nothing: the word is not looked up in it.
            let ids = tries.map(|trie| match trie.is_empty() {
                true => [None; 3],
                false => trie.word_ids(&word, &mut scratch),
            });
            let keys = UnitKeys::new(tries, ids);
            known.insert(token.text, keys);
            keys
        }
    }
}

/// A text word as the tries look it up (see [`Trie::word_ids`]).
struct TextWord<'w> {
    /// Lowercase, apostrophes normalized.
    lower: Cow<'w, str>,
    /// As written, apostrophes normalized.
    written: Cow<'w, str>,
    stem: Rc<str>,
    /// [`is_acronym`] of `written`, asked only when a trie holds acronyms.
    is_acronym: bool,
}

impl<'w> TextWord<'w> {
    fn new(lang: Lang, token: &'w Token, tries: [&Trie; 2]) -> TextWord<'w> {
        let lower = normalize_apostrophes_cow(&token.lower);
        let written = normalize_apostrophes(token.text);
        let stem = stem(lang, &lower);
        let acronyms_wanted = tries.iter().any(|t| !t.is_empty() && t.has_acronyms);
        let is_acronym = acronyms_wanted && is_acronym(&written);
        TextWord {
            lower,
            written,
            stem,
            is_acronym,
        }
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
    let keys: Vec<UnitKeys> = with_known_words(tries, |known| {
        units
            .iter()
            .map(|unit| unit_keys(known, tries, lang, &unit.written))
            .collect()
    });
    hits_in_both(tries, units, &keys)
}

/// The hits of each trie, over units whose keys are known. Where no unit begins a form, no
/// trie is walked.
fn hits_in_both(tries: [&Trie; 2], units: &[Unit], keys: &[UnitKeys]) -> [Vec<Hit>; 2] {
    let starts = keys.iter().fold(0u8, |starts, unit| starts | unit.starts);
    [0, 1].map(|slot| match tries.get(slot) {
        Some(trie) if starts & (1 << slot) != 0 => trie.find_with_keys(units, keys, slot),
        _ => Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_words_are_equal_exactly_when_their_texts_are() {
        // Words that share their first and last eight bytes, or differ only in length.
        let words = [
            "",
            "в",
            "на",
            "ставка",
            "ставку",
            "ставками",
            "Збройних",
            "Збройні",
            "оборони",
            "оборона",
            "військ",
            "військам",
            "війська",
            "ISW",
            "ISW\0",
        ];
        for a in words {
            for b in words {
                let (Some(short_a), Some(short_b)) = (ShortWord::of(a), ShortWord::of(b)) else {
                    panic!("{a:?} and {b:?} are short");
                };
                assert_eq!(short_a == short_b, a == b, "{a:?} {b:?}");
            }
        }
        // Longer words are looked up by their text.
        assert!(ShortWord::of("військових").is_none());
    }

    proptest::proptest! {
        #[test]
        fn short_words_are_equal_exactly_when_their_texts_are_for_any_word(
            a in "[абвгґїі']{0,9}",
            b in "[абвгґїі']{0,9}",
        ) {
            if let (Some(short_a), Some(short_b)) = (ShortWord::of(&a), ShortWord::of(&b)) {
                proptest::prop_assert_eq!(short_a == short_b, a == b);
            }
        }
    }

    /// Every word of the NTREX translations (real news text in each language) begins like
    /// its stem, as [`Openings`] compares beginnings: a word that begins like no key is
    /// rightly never stemmed.
    #[test]
    fn every_word_of_real_news_begins_like_its_stem() {
        let root =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/ntrex128/docs");
        let mut words = 0;
        for doc in std::fs::read_dir(&root).into_iter().flatten().flatten() {
            for lang in [Lang::En, Lang::Uk, Lang::Ru] {
                let path = doc.path().join(format!("{}.txt", lang.code()));
                let Ok(text) = std::fs::read_to_string(path) else {
                    continue;
                };
                for token in tokenize(&text).iter().filter(|t| t.is_word()) {
                    let lower = normalize_apostrophes(&token.lower);
                    let Some(word) = opening_letters(&lower) else {
                        continue;
                    };
                    let stem = stem(lang, &lower);
                    let mut openings = Openings::default();
                    openings.insert(&stem, true);
                    assert!(
                        openings.may_match(&lower),
                        "{lower:?} {word:?}, stem {stem:?} {:?}",
                        opening_letters(&stem)
                    );
                    words += 1;
                }
            }
        }
        assert!(words > 100_000, "{words} words");
    }

    #[test]
    fn rewritten_beginnings_still_match_their_stems() {
        // Ukrainian "ніс" → "нос", "з" → "г", "їв" → "єв"; Russian "ёлка" → "елк".
        for (lang, word) in [
            (Lang::Uk, "ніс"),
            (Lang::Uk, "з"),
            (Lang::Uk, "їв"),
            (Lang::Ru, "ёлка"),
            (Lang::Ru, "её"),
            (Lang::Ru, "отец"),
            (Lang::Uk, "кінець"),
            (Lang::En, "flies"),
        ] {
            let mut openings = Openings::default();
            openings.insert(&stem(lang, word), true);
            assert!(openings.may_match(word), "{word}");
        }
        let mut openings = Openings::default();
        openings.insert(&stem(Lang::Uk, "ставка"), true);
        assert!(openings.may_match("ставці"));
        assert!(!openings.may_match("оборони"));
        assert!(!openings.may_match("стовп"));
        assert!(!openings.may_match("с"));
        // Words beginning with other characters are not judged.
        assert!(openings.may_match("ґанок"));
        assert!(openings.may_match("2024"));
        assert!(openings.may_match("п'ять"));
    }

    #[test]
    fn a_key_that_cannot_be_judged_lets_every_word_through() {
        let mut trie = Trie::default();
        trie.insert(&format!("{ACRONYM}F-16"), 0);
        assert!(trie.openings.may_match("оборони"));
        let mut trie = Trie::default();
        trie.insert(&format!("{ACRONYM}ISW"), 0);
        assert!(trie.openings.may_match("isw"));
        assert!(!trie.openings.may_match("оборони"));
    }

    #[test]
    fn a_trie_walks_one_word_and_several_word_forms() {
        let mut trie = Trie::default();
        for (form, target) in [("Сили оборони", 0), ("Сили", 1), ("оборона", 2)]
        {
            let keys = form_keys(Lang::Uk, form, Mode::Inflected);
            trie.insert(keys.as_deref().unwrap_or_default(), target);
        }
        let tokens = tokenize("Сили оборони і сили; оборони, Силам оборони.");
        let units = units_from_tokens(&tokens);
        let found: Vec<(usize, usize, usize)> = trie
            .find(Lang::Uk, &units)
            .iter()
            .map(|hit| (hit.first, hit.last, hit.target))
            .collect();
        assert_eq!(found, [(0, 1, 0), (3, 3, 1), (4, 4, 2), (5, 6, 0)]);
    }
}
