//! Proper names a paragraph mentions: people, places, organisations, media, acronyms ("ISW",
//! "НБУ", "U.S."), and Latin-script names inside Cyrillic text ("The Washington Post"), with
//! what is needed to find the same name in another language and script.
//!
//! A name is a run of capitalized words ("Kim Jong Un", "Володимир Путін", "Нью-Йорку"),
//! joined by hyphens and, in English, by "of" / "for" / "the" between capitalized words
//! ("Institute for the Study of War"). Not names: function words and titles ("The",
//! "President"), month, weekday and season names, and adjectives made from names ("North
//! Korean", "північнокорейські", "Российские") — these are kept as [`Word`]s with the place
//! they come from, because a translation may name the place instead.
//!
//! A capitalized word that starts a sentence, follows an opening quote or a colon, or stands
//! in a headline written in Title Case is a name only if it is an acronym; otherwise it is
//! kept but not `confident`: it can answer for a name of another version, but its absence is
//! never reported.
//!
//! Each word is compared through [`Key`]s: its Latin transliteration, with and without a
//! case ending, normalized so that the usual spelling variants meet ("Narozhnyy" /
//! "Нарожний" / "Нарожного", "Babaiev" / "Бабаєв" / "Бабаев", "Washington" / "Вашингтон").
//! Words that are translated rather than transliterated ("Forces", "Інститут", "Верховна")
//! are `common`: they belong to the name but do not identify it.

use super::tokens::{ends_sentence, tokenize, Token, TokenKind};
use crate::facts::tokens::{is_letter, is_upper};
use crate::lang::Lang;
use unicode_normalization::UnicodeNormalization;

/// What a language module tells the name extractor (see `lang::*::names`).
#[derive(Debug)]
pub struct NameTables {
    /// Lowercased words never part of a name, even when capitalized (function words, titles),
    /// matched whole.
    pub stop_words: &'static [&'static str],
    /// Ordinary words that names of organisations and places contain and that are
    /// translated ("ministry", "інститут").
    pub common_words: &'static [&'static str],
    /// Adjectives and nouns for people made from names, with the key of the place.
    pub adjectives: &'static [(&'static str, &'static str)],
    /// Names whose forms differ across languages beyond transliteration, with a key shared
    /// by all languages ("США" and "US" → "america").
    pub concepts: &'static [(&'static str, &'static str)],
    /// Case endings names take, longest first.
    pub case_endings: &'static [&'static str],
    /// Lowercase words allowed between two capitalized words of one name.
    pub connectors: &'static [&'static str],
    /// Spelling rewritten as heard, for languages whose names are spelled historically
    /// ("Newman" is heard "niuman", written "Ньюман"): `(pattern, replacement)`, in order.
    pub spoken_spellings: &'static [(&'static str, &'static str)],
    /// True when the tables hold stems that inflected words extend by up to
    /// [`MAX_ENDING_CHARS`] letters; false when they hold whole words.
    pub stems_inflect: bool,
}

/// The longest case ending a stem in the tables may be followed by.
pub const MAX_ENDING_CHARS: usize = 3;
/// Stems shorter than this take only a one-letter ending.
const SHORT_STEM_CHARS: usize = 4;
/// A case ending is stripped only when at least this many letters remain ("Ином" → "Ин").
const MIN_STEM_CHARS: usize = 2;

impl NameTables {
    /// Every word the tables hold (the words of adjectives and concepts, not their keys), for
    /// tests that read each table word through a fast path and its first-written version.
    #[cfg(test)]
    pub(crate) fn every_word(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.stop_words
            .iter()
            .chain(self.common_words)
            .chain(self.adjectives.iter().map(|(word, _)| word))
            .chain(self.concepts.iter().map(|(word, _)| word))
            .chain(self.case_endings)
            .chain(self.connectors)
            .copied()
    }

    /// Stems of `lower` without each case ending it may carry.
    pub fn stems<'a>(&self, lower: &'a str) -> Vec<&'a str> {
        self.each_stem(lower).collect()
    }

    /// [`NameTables::stems`], one at a time: keys are made from each without a list of them.
    fn each_stem<'a>(&self, lower: &'a str) -> impl Iterator<Item = &'a str> + use<'a> {
        let endings: &'static [&'static str] = self.case_endings;
        // Most endings are turned away by their last byte, without comparing the whole ending.
        let last_byte = lower.as_bytes().last();
        endings
            .iter()
            .filter(move |ending| ending.is_empty() || ending.as_bytes().last() == last_byte)
            .filter_map(|ending| lower.strip_suffix(ending))
            .filter(|stem| stem.chars().count() >= MIN_STEM_CHARS)
    }
}

/// A language's tables with their lookups built.
#[derive(Debug)]
pub struct Tables {
    raw: &'static NameTables,
    stop_words: crate::hashing::FastSet<&'static str>,
    /// Adjectives, concepts and common words in one lookup: a word is looked up once for all
    /// three.
    entries: Lookup,
    /// The first words of the adjectives and concepts that are several words long ("north"
    /// of "north korean"): only a pair or a run starting with one of these can be one.
    adjective_starts: crate::hashing::FastSet<&'static str>,
    concept_starts: crate::hashing::FastSet<&'static str>,
    /// The length in characters of the shortest adjective and concept: a shorter word is a
    /// form of none (a stem is never longer than its word).
    shortest_adjective_chars: usize,
    shortest_concept_chars: usize,
    /// Turns away most words that are a form of no adjective and no concept.
    adjective_or_concept_forms: FormFilter,
    /// The case endings by their last byte, each list in the tables' order, with the empty
    /// ending (if any) in every list: a word's keys strip only the endings it can end with,
    /// without running through all of them.
    endings_by_last_byte: Vec<Vec<&'static str>>,
}

impl std::ops::Deref for Tables {
    type Target = NameTables;
    fn deref(&self) -> &NameTables {
        self.raw
    }
}

/// What the tables say of one word (see [`Tables::entries_of`]).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Entries {
    /// The place an adjective or a word for its people is made from.
    pub adjective: Option<&'static str>,
    /// The cross-language key of a name.
    pub concept: Option<&'static str>,
    /// A word translated rather than transliterated.
    pub common: bool,
}

impl Tables {
    fn new(raw: &'static NameTables) -> Self {
        let shortest = |entries: &mut dyn Iterator<Item = &'static str>| {
            entries
                .map(|entry| entry.chars().count())
                .min()
                .unwrap_or(usize::MAX)
        };
        let first_words = |entries: &mut dyn Iterator<Item = &'static str>| {
            entries
                .filter_map(|entry| entry.split_once(' ').map(|(first, _)| first))
                .collect()
        };
        Tables {
            raw,
            stop_words: raw.stop_words.iter().copied().collect(),
            entries: Lookup::new(raw),
            adjective_starts: first_words(&mut raw.adjectives.iter().map(|(e, _)| *e)),
            concept_starts: first_words(&mut raw.concepts.iter().map(|(e, _)| *e)),
            shortest_adjective_chars: shortest(&mut raw.adjectives.iter().map(|(e, _)| *e)),
            shortest_concept_chars: shortest(&mut raw.concepts.iter().map(|(e, _)| *e)),
            adjective_or_concept_forms: FormFilter::new(
                raw.adjectives
                    .iter()
                    .chain(raw.concepts)
                    .map(|(entry, _)| *entry),
                raw.stems_inflect,
            ),
            endings_by_last_byte: (0..=u8::MAX)
                .map(|last| {
                    raw.case_endings
                        .iter()
                        .copied()
                        .filter(|ending| ending.as_bytes().last().is_none_or(|&b| b == last))
                        .collect()
                })
                .collect(),
        }
    }

    /// [`NameTables::stems`], one at a time, from the endings `lower` can end with (an empty
    /// word has no stem: a stem keeps [`MIN_STEM_CHARS`]).
    fn each_stem_of<'a>(&self, lower: &'a str) -> impl Iterator<Item = &'a str> + use<'a, '_> {
        let endings = lower
            .as_bytes()
            .last()
            .and_then(|&last| self.endings_by_last_byte.get(usize::from(last)))
            .map_or(&[][..], Vec::as_slice);
        endings
            .iter()
            .filter_map(|ending| lower.strip_suffix(ending))
            .filter(|stem| stem.chars().count() >= MIN_STEM_CHARS)
    }

    /// False when `lower`, of `chars` characters, is surely a form of no adjective and no
    /// concept; true when it may be (then [`Tables::entries_of`] says).
    fn may_be_adjective_or_concept_form(&self, lower: &str, chars: usize) -> bool {
        self.adjective_or_concept_forms.may_match(lower, chars)
    }

    /// False when a word of `chars` characters is shorter than every adjective and, long
    /// enough to be looked up as a name ([`MIN_CONCEPT_WORD_CHARS`]), every concept.
    fn may_be_adjective_or_concept(&self, chars: usize) -> bool {
        chars >= self.shortest_adjective_chars
            || chars >= self.shortest_concept_chars.max(MIN_CONCEPT_WORD_CHARS)
    }

    /// Stop words are whole words in every language: as stems, "і" would cover "Іран".
    pub fn is_stop_word(&self, lower: &str) -> bool {
        self.stop_words.contains(lower)
    }

    /// The adjective, concept and common word `lower` is a form of, looked up together.
    pub fn entries_of(&self, lower: &str) -> Entries {
        let positions = self.entries.first_match(lower);
        Entries {
            adjective: positions
                .adjective
                .and_then(|i| self.raw.adjectives.get(i))
                .map(|(_, key)| *key),
            concept: positions
                .concept
                .and_then(|i| self.raw.concepts.get(i))
                .map(|(_, key)| *key),
            common: positions.common.is_some(),
        }
    }

    pub fn is_common_word(&self, lower: &str) -> bool {
        self.entries_of(lower).common
    }

    /// The place an adjective or a word for its people is made from.
    pub fn adjective_of(&self, lower: &str) -> Option<&'static str> {
        self.entries_of(lower).adjective
    }

    /// The place of an adjective written as two words ("north korean"), `first` and `second`
    /// lowercased.
    fn pair_adjective_of(&self, first: &str, second: &str) -> Option<&'static str> {
        if !self.adjective_starts.contains(first) {
            return None;
        }
        self.adjective_of(&format!("{first} {second}"))
    }

    /// The cross-language key of a name, for names not written alike.
    pub fn concept_of(&self, lower: &str) -> Option<&'static str> {
        self.entries_of(lower).concept
    }

    /// The cross-language key of a run of words joined by spaces.
    fn run_concept_of(&self, joined: &str) -> Option<&'static str> {
        match joined.split_once(' ') {
            Some((first, _)) if !self.concept_starts.contains(first) => None,
            _ => self.concept_of(joined),
        }
    }
}

/// How many first bytes of a word [`FormFilter`] looks at (three Cyrillic letters).
const FILTER_PREFIX_BYTES: usize = 6;
/// How many bits [`FormFilter`] keeps: a power of two.
const FILTER_BITS: usize = 1 << 16;

/// A quick "no" for most words asked whether they are a form of an entry: every word outside
/// names is asked, and most are a form of none. A form is the entry followed by an ending of
/// at most [`MAX_ENDING_CHARS`] letters, so it starts with the entry's first
/// [`FILTER_PREFIX_BYTES`] bytes and is a few characters longer at most; the filter keeps one
/// bit per such first bytes and length. A set bit may be another's: it answers "maybe".
#[derive(Debug)]
struct FormFilter {
    bits: Vec<u64>,
    /// Words up to this many characters may be forms of inflected entries shorter than the
    /// bytes looked at: they are always let through.
    short_word_chars: usize,
}

impl FormFilter {
    fn new(entries: impl Iterator<Item = &'static str>, stems_inflect: bool) -> FormFilter {
        let mut filter = FormFilter {
            bits: vec![0; FILTER_BITS / 64],
            short_word_chars: 0,
        };
        for entry in entries {
            let chars = entry.chars().count();
            let ending_chars = match (stems_inflect, chars) {
                (false, _) => 0,
                (true, chars) if chars < SHORT_STEM_CHARS => 1,
                (true, _) => MAX_ENDING_CHARS,
            };
            if entry.len() < FILTER_PREFIX_BYTES && ending_chars > 0 {
                // Its forms' first bytes are partly the ending's.
                filter.short_word_chars = filter.short_word_chars.max(chars + ending_chars);
                continue;
            }
            for form_chars in chars..=chars + ending_chars {
                let (word, bit) = FormFilter::slot(entry, form_chars);
                if let Some(bits) = filter.bits.get_mut(word) {
                    *bits |= bit;
                }
            }
        }
        filter
    }

    /// The word of `bits` and the bit in it for a word of `chars` characters that starts like
    /// `text` (all of it when it is shorter than the bytes looked at).
    fn slot(text: &str, chars: usize) -> (usize, u64) {
        let mut start = [0u8; 8];
        let bytes = text.as_bytes();
        // A prefix of known length is one move; most words have it.
        match (
            bytes.first_chunk::<FILTER_PREFIX_BYTES>(),
            start.first_chunk_mut::<FILTER_PREFIX_BYTES>(),
        ) {
            (Some(prefix), Some(to)) => *to = *prefix,
            _ => copy_short(&mut start, bytes),
        }
        let key = u64::from_le_bytes(start) ^ (chars as u64).rotate_right(8);
        // Multiplicative hashing: the top bits depend on every bit of the key.
        let index = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - FILTER_BITS.trailing_zeros()))
            as usize;
        (index / 64, 1 << (index % 64))
    }

    /// False when `lower`, of `chars` characters, is surely a form of no entry.
    fn may_match(&self, lower: &str, chars: usize) -> bool {
        if chars <= self.short_word_chars {
            return true;
        }
        let (word, bit) = FormFilter::slot(lower, chars);
        self.bits.get(word).is_none_or(|bits| bits & bit != 0)
    }
}

/// The first position of an entry in each table; `usize::MAX` when it is not in the table.
#[derive(Clone, Copy, Debug)]
struct Positions {
    adjective: usize,
    concept: usize,
    common: usize,
}

impl Positions {
    const NONE: Positions = Positions {
        adjective: usize::MAX,
        concept: usize::MAX,
        common: usize::MAX,
    };

    fn keep_first(&mut self, other: &Positions) {
        self.adjective = self.adjective.min(other.adjective);
        self.concept = self.concept.min(other.concept);
        self.common = self.common.min(other.common);
    }
}

/// The positions found for a word, per table.
#[derive(Clone, Copy, Debug, Default)]
struct Found {
    adjective: Option<usize>,
    concept: Option<usize>,
    common: Option<usize>,
}

/// Which entries of the tables a word is a form of. Every word of every paragraph is looked
/// up, so instead of testing each entry as a prefix, the word's few possible stems (the word
/// without its last 0 to [`MAX_ENDING_CHARS`] letters) are looked up.
#[derive(Debug)]
struct Lookup {
    /// Entry → its first position in each table (earlier entries win).
    positions: crate::hashing::FastMap<&'static str, Positions>,
    stems_inflect: bool,
}

impl Lookup {
    fn new(raw: &'static NameTables) -> Self {
        let mut positions: crate::hashing::FastMap<&'static str, Positions> = Default::default();
        let mut add = |entry: &'static str, set: &dyn Fn(&mut Positions)| {
            set(positions.entry(entry).or_insert(Positions::NONE));
        };
        for (index, (entry, _)) in raw.adjectives.iter().enumerate() {
            add(entry, &|p| p.adjective = p.adjective.min(index));
        }
        for (index, (entry, _)) in raw.concepts.iter().enumerate() {
            add(entry, &|p| p.concept = p.concept.min(index));
        }
        for (index, entry) in raw.common_words.iter().enumerate() {
            add(entry, &|p| p.common = p.common.min(index));
        }
        Lookup {
            positions,
            stems_inflect: raw.stems_inflect,
        }
    }

    /// The position of the first entry of each table `lower` is a form of: the entry itself
    /// or, for stems, the entry and an ending of letters — one letter after a short stem
    /// ("мор" covers "море", "морі", not "Мороз"; "бог" covers "бога", not "Богдан").
    fn first_match(&self, lower: &str) -> Found {
        let mut best = Positions::NONE;
        if !self.stems_inflect {
            if let Some(positions) = self.positions.get(lower) {
                best = *positions;
            }
        } else {
            let mut ending_chars = 0;
            let mut boundaries = lower.char_indices().rev();
            let mut stem_end = lower.len();
            loop {
                if let Some((stem, positions)) = lower
                    .get(..stem_end)
                    .and_then(|stem| Some((stem, self.positions.get(stem)?)))
                {
                    let max_ending = if stem.chars().count() < SHORT_STEM_CHARS {
                        1
                    } else {
                        MAX_ENDING_CHARS
                    };
                    if ending_chars <= max_ending {
                        best.keep_first(positions);
                    }
                }
                if ending_chars == MAX_ENDING_CHARS {
                    break;
                }
                match boundaries.next() {
                    Some((at, c)) if is_letter(c) => {
                        stem_end = at;
                        ending_chars += 1;
                    }
                    _ => break,
                }
            }
        }
        let found = |position: usize| (position != usize::MAX).then_some(position);
        Found {
            adjective: found(best.adjective),
            concept: found(best.concept),
            common: found(best.common),
        }
    }
}

/// The tables of a language.
// A `Lang::names()` accessor in `lang/mod.rs` would put this beside `Lang::dates()`.
pub fn tables(lang: Lang) -> &'static Tables {
    static TABLES: [std::sync::OnceLock<Tables>; 3] = [
        std::sync::OnceLock::new(),
        std::sync::OnceLock::new(),
        std::sync::OnceLock::new(),
    ];
    let (slot, raw) = match lang {
        Lang::En => (&TABLES[0], &crate::lang::en::names::TABLES),
        Lang::Uk => (&TABLES[1], &crate::lang::uk::names::TABLES),
        Lang::Ru => (&TABLES[2], &crate::lang::ru::names::TABLES),
    };
    slot.get_or_init(|| Tables::new(raw))
}

/// One word of a name.
#[derive(Clone, Debug, PartialEq)]
pub struct NameWord {
    /// Normalized Latin forms, with and without case endings (empty for common words).
    pub keys: Keys,
    /// A translated word ("Forces", "Інститут"): part of the name, but not what identifies it.
    pub common: bool,
}

/// A proper name found in a paragraph.
#[derive(Clone, Debug, PartialEq)]
pub struct Name {
    /// Character range `[start, end)` in the paragraph text.
    pub start: usize,
    pub end: usize,
    /// The words as written ("Кім Чен Ин", "Нью-Йорку", "U.S.").
    pub text: String,
    pub words: Vec<NameWord>,
    /// Cross-language keys from the tables ("США" → "america").
    pub concepts: Vec<&'static str>,
    /// Written in capitals ("ISW", "НБУ", "U.S.").
    pub acronym: bool,
    /// False for a capitalized word that may only be capitalized by position (start of a
    /// sentence, Title Case headline): it can stand for a name of another version but is not
    /// reported missing.
    pub confident: bool,
    /// Index of the glossary entry this name is an occurrence of.
    pub entry: Option<usize>,
}

impl Name {
    /// Words that identify the name (not common words).
    pub fn identifying_words(&self) -> impl Iterator<Item = &NameWord> + Clone {
        self.words.iter().filter(|w| !w.common)
    }

    /// True when another version can be searched for this name: it has a word that is not
    /// translated, a cross-language key or a glossary entry.
    pub fn checkable(&self) -> bool {
        self.identifying_words().next().is_some()
            || !self.concepts.is_empty()
            || self.entry.is_some()
    }
}

/// A word of the paragraph that is not part of a name: a lowercase word, an adjective made
/// from a name. A name of another version is present here when one of these is its form.
#[derive(Clone, Debug, PartialEq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    /// The word, lowercased (see [`Word::lower`]), and the language its keys are made in.
    lower: WordText,
    pub lang: Lang,
    /// Made when first needed: most words are never searched for a name, and making keys
    /// (transliteration, stems) is the costliest step of the name check.
    keys: std::sync::OnceLock<Keys>,
    /// The place an adjective is made from, or a concept key (see [`Word::concepts`]).
    concept: Option<&'static str>,
    /// Written with a capital: a capitalized adjective ("Киевском районе") is compared as
    /// leniently as a name.
    pub capitalized: bool,
}

impl Word {
    /// The word, lowercased.
    pub fn lower(&self) -> &str {
        self.lower.as_str()
    }

    /// The place an adjective is made from, or the concept key of the word: at most one.
    pub fn concepts(&self) -> &[&'static str] {
        self.concept.as_slice()
    }

    /// Latin keys of the word (see [`word_keys`]).
    pub fn keys(&self) -> &[Key] {
        self.keys.get_or_init(|| word_keys(self.lower(), self.lang))
    }
}

/// Words up to this many bytes (15 Cyrillic letters) are kept inside their [`Word`].
const INLINE_WORD_BYTES: usize = 30;

/// A word's text, kept inline when short: a paragraph keeps most of its words, and one
/// allocation for each was most of the allocations of finding names.
#[derive(Clone, Debug, PartialEq)]
enum WordText {
    Inline {
        len: u8,
        bytes: [u8; INLINE_WORD_BYTES],
    },
    Long(Box<str>),
}

impl WordText {
    fn new(text: &str) -> WordText {
        let mut bytes = [0u8; INLINE_WORD_BYTES];
        match (bytes.get_mut(..text.len()), u8::try_from(text.len())) {
            (Some(_), Ok(len)) => {
                copy_short(&mut bytes, text.as_bytes());
                WordText::Inline { len, bytes }
            }
            _ => WordText::Long(text.into()),
        }
    }

    fn as_str(&self) -> &str {
        match self {
            // The bytes are copied from a `str` whole: they are valid UTF-8.
            WordText::Inline { len, bytes } => bytes
                .get(..usize::from(*len))
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or_default(),
            WordText::Long(text) => text,
        }
    }
}

/// Copies `from` to the start of `to`, which is at least as long, in at most two moves of a
/// fixed size, overlapping in the middle: a `copy_from_slice` whose length is known only at run
/// time calls `memcpy`, and for a word's few bytes the call cost more than the copy. It ran
/// for every word a paragraph keeps and every word looked up in a [`FormFilter`].
fn copy_short(to: &mut [u8], from: &[u8]) {
    /// The first and the last `N` bytes of `from`, which has `N` to `2 * N` bytes.
    fn head_and_tail<const N: usize>(to: &mut [u8], from: &[u8]) -> bool {
        let len = from.len();
        let (Some(head_to), Some(head_from)) = (to.first_chunk_mut::<N>(), from.first_chunk::<N>())
        else {
            return false;
        };
        *head_to = *head_from;
        let tail_to = to
            .get_mut(len.saturating_sub(N)..len)
            .and_then(|tail| <&mut [u8; N]>::try_from(tail).ok());
        let (Some(tail_to), Some(tail_from)) = (tail_to, from.last_chunk::<N>()) else {
            return false;
        };
        *tail_to = *tail_from;
        true
    }
    let len = from.len();
    let copied = match len {
        0 => true,
        // The first, middle and last bytes cover one to three.
        1..=3 => [0, len / 2, len - 1].into_iter().all(|i| {
            let (Some(to), Some(from)) = (to.get_mut(i), from.get(i)) else {
                return false;
            };
            *to = *from;
            true
        }),
        4..=7 => head_and_tail::<4>(to, from),
        8..=15 => head_and_tail::<8>(to, from),
        16..=32 => head_and_tail::<16>(to, from),
        _ => false,
    };
    if !copied {
        if let Some(to) = to.get_mut(..len) {
            to.copy_from_slice(from);
        }
    }
}

/// Names and the remaining words of one paragraph.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Analysis {
    pub names: Vec<Name>,
    pub words: Vec<Word>,
}

/// The names of a paragraph, in text order.
pub fn extract(text: &str, lang: Lang) -> Vec<Name> {
    analyze(text, lang).names
}

/// Words shorter than this are not searched for a name of another version: "in", "и".
const MIN_SEARCH_WORD_CHARS: usize = 3;

/// How a token takes part in names.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Role {
    /// Part of a name: `initial` when it may be capitalized only by position; with the
    /// concept key of the word, whatever its length.
    Name {
        acronym: bool,
        initial: bool,
        common: bool,
        concept: Option<&'static str>,
    },
    /// An adjective made from a name; with a two-word English adjective ("North Korean") the
    /// word before it is taken back from the name run.
    Adjective(&'static str, bool),
    /// A lowercase connector inside a name ("of").
    Connector,
    /// Ends a name; with the concept key of the word, whatever its length.
    Other(Option<&'static str>),
}

/// What the extractor asks of a token, found in one pass over its characters: the Unicode
/// case tables behind `char::is_uppercase` were the costliest part of finding names.
#[derive(Clone, Copy, Debug, Default)]
struct Shape {
    chars: usize,
    /// A word starting with an uppercase letter.
    capitalized: bool,
    /// Has an uppercase letter anywhere ("iPhone").
    any_uppercase: bool,
    /// Only ASCII letters; asked only of words in Ukrainian and Russian text (see
    /// [`Reading::judge`]).
    latin: bool,
    /// Two to [`MAX_ACRONYM_CHARS`] letters, all capitals ("ISW", "НБУ").
    acronym: bool,
}

impl Shape {
    fn of(token: &Token, lang: Lang) -> Shape {
        // Token offsets count characters.
        let chars = token.end.saturating_sub(token.start);
        if !token.is_word() {
            return Shape {
                chars,
                ..Shape::default()
            };
        }
        let text = token.text;
        // The tokenizer lowercases exactly the words that have a capital.
        let any_uppercase = matches!(token.lower, std::borrow::Cow::Owned(_));
        let mut shape = Shape {
            chars,
            capitalized: any_uppercase && text.chars().next().is_some_and(is_upper),
            any_uppercase,
            latin: lang != Lang::En && text.bytes().all(|b| b.is_ascii_alphabetic()),
            acronym: false,
        };
        if any_uppercase {
            let mut letters = 0;
            let capitals_only = text.chars().all(|c| {
                let letter = is_letter(c);
                letters += usize::from(letter);
                letters <= MAX_ACRONYM_CHARS && (!letter || is_upper(c))
            });
            shape.acronym = capitals_only && letters >= 2;
        }
        shape
    }

    /// Characters of the token's lowercase: its own count when it has no capital (then the
    /// lowercase is the text itself); counted otherwise, as a few capitals lowercase to more
    /// than one character ("İ").
    fn lower_chars(&self, token: &Token) -> usize {
        if self.any_uppercase {
            char_count(&token.lower)
        } else {
            self.chars
        }
    }
}

/// A paragraph being read: its text, tokens and their shapes.
struct Reading<'t> {
    text: &'t str,
    tokens: &'t [Token<'t>],
    shapes: &'t [Shape],
    lang: Lang,
    /// The tables of `lang` and of English, looked up once per paragraph instead of per word.
    own_tables: &'static Tables,
    latin_tables: &'static Tables,
}

impl Reading<'_> {
    fn shape(&self, index: usize) -> Shape {
        self.shapes.get(index).copied().unwrap_or_default()
    }

    fn capitalized(&self, index: usize) -> bool {
        self.shape(index).capitalized
    }

    /// The language whose tables judge a word: Latin words in Cyrillic text are English
    /// ("The Washington Post").
    fn judge(&self, index: usize) -> Lang {
        self.judge_shape(self.shape(index))
    }

    /// [`Reading::judge`] of a token of this shape.
    fn judge_shape(&self, shape: Shape) -> Lang {
        // `latin` is only ever set outside English text.
        if shape.latin {
            Lang::En
        } else {
            self.lang
        }
    }

    /// The tables of `judge`, a language [`Reading::judge`] gives.
    fn tables(&self, judge: Lang) -> &'static Tables {
        if judge == self.lang {
            self.own_tables
        } else {
            self.latin_tables
        }
    }

    /// Where a token starts and ends in the text, in bytes. Tokens are slices of the text.
    fn byte_range(&self, token: &Token) -> (usize, usize) {
        (token.byte_start, token.byte_start + token.text.len())
    }
}

/// Names and other words of one paragraph.
pub fn analyze(text: &str, lang: Lang) -> Analysis {
    analyze_tokens(text, &tokenize(text), lang)
}

/// What reading a paragraph works in, kept from paragraph to paragraph of a thread: fresh
/// lists of shapes and runs for each paragraph were a few allocations per paragraph.
#[derive(Default)]
struct ParagraphScratch {
    shapes: Vec<Shape>,
    run: Vec<(usize, Role)>,
    run_scratch: RunScratch,
}

/// Shapes kept between paragraphs up to this many tokens: a huge paragraph's are let go.
const KEPT_SHAPES: usize = 1 << 16;

/// [`analyze`] on the paragraph's tokens, `tokenize(text)`, already made for other extractors.
pub fn analyze_tokens(text: &str, tokens: &[Token], lang: Lang) -> Analysis {
    thread_local! {
        static SCRATCH: std::cell::RefCell<ParagraphScratch> = Default::default();
    }
    SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
        Ok(mut scratch) => {
            let analysis = analyze_tokens_in(text, tokens, lang, &mut scratch);
            if scratch.shapes.capacity() > KEPT_SHAPES {
                scratch.shapes = Vec::new();
            }
            analysis
        }
        Err(_) => analyze_tokens_in(text, tokens, lang, &mut ParagraphScratch::default()),
    })
}

fn analyze_tokens_in(
    text: &str,
    tokens: &[Token],
    lang: Lang,
    scratch: &mut ParagraphScratch,
) -> Analysis {
    let ParagraphScratch {
        shapes,
        run,
        run_scratch: scratch,
    } = scratch;
    shapes.clear();
    shapes.reserve(tokens.len());
    run.clear();
    // The words kept as [`Word`]s are at most these: counted to size their list once.
    let mut search_words = 0;
    for token in tokens {
        let shape = Shape::of(token, lang);
        search_words += usize::from(token.is_word() && shape.chars >= MIN_SEARCH_WORD_CHARS);
        shapes.push(shape);
    }
    let reading = Reading {
        text,
        tokens,
        shapes,
        lang,
        own_tables: tables(lang),
        latin_tables: tables(Lang::En),
    };
    let title_case = title_case_sentences(&reading);
    let mut analysis = Analysis {
        names: Vec::new(),
        words: Vec::with_capacity(search_words),
    };
    let mut sentence_start = true;
    let mut sentence = 0;
    let mut previous_word: Option<usize> = None;
    let mut i = 0;
    while i < tokens.len() {
        let Some(token) = tokens.get(i) else { break };
        match token.kind {
            TokenKind::Word => {
                // Read once per word, for its role and for the word kept.
                let shape = reading.shape(i);
                // Only a single capital starts a dotted acronym.
                let dotted_acronym = if shape.chars == 1 && shape.capitalized {
                    dotted_acronym_end(&reading, i)
                } else {
                    None
                };
                if let Some(end) = dotted_acronym {
                    run.push((
                        i,
                        Role::Name {
                            acronym: true,
                            initial: false,
                            common: false,
                            // Looked up when the letters are joined.
                            concept: None,
                        },
                    ));
                    // The acronym "U.S." is one word spanning tokens i..end.
                    run.push((end, Role::Connector));
                    i = end + 1;
                    sentence_start = false;
                    previous_word = None;
                    continue;
                }
                let judge = reading.judge_shape(shape);
                let role = role(
                    &reading,
                    (i, token, shape, judge),
                    previous_word,
                    sentence_start || title_case.get(sentence).copied().unwrap_or(false),
                    !run.is_empty(),
                );
                match role {
                    Role::Name { .. } | Role::Connector => run.push((i, role)),
                    Role::Adjective(place, two_words) => {
                        if two_words {
                            run.pop();
                        }
                        flush(run, &reading, scratch, &mut analysis);
                        analysis.words.push(Word {
                            start: token.start,
                            end: token.end,
                            lower: WordText::new(&token.lower),
                            lang: judge,
                            keys: std::sync::OnceLock::new(),
                            concept: Some(place),
                            capitalized: shape.capitalized,
                        });
                    }
                    Role::Other(concept) => {
                        flush(run, &reading, scratch, &mut analysis);
                        if shape.chars >= MIN_SEARCH_WORD_CHARS {
                            analysis.words.push(Word {
                                start: token.start,
                                end: token.end,
                                lower: WordText::new(&token.lower),
                                lang: judge,
                                keys: std::sync::OnceLock::new(),
                                concept: concept
                                    .filter(|_| shape.lower_chars(token) >= MIN_CONCEPT_WORD_CHARS),
                                capitalized: shape.capitalized,
                            });
                        }
                    }
                }
                sentence_start = false;
                previous_word = Some(i);
            }
            TokenKind::Digits => {
                flush(run, &reading, scratch, &mut analysis);
                sentence_start = false;
                previous_word = None;
            }
            TokenKind::Punct => {
                let joins = (token.is_punct('-') || token.is_punct('‑'))
                    && !run.is_empty()
                    && token.gap_before.is_empty()
                    && tokens
                        .get(i + 1)
                        .is_some_and(|next| next.is_word() && next.gap_before.is_empty())
                    && joins_after_hyphen(&reading, run, i);
                if joins {
                    // "Нью-Йорк", "Jong-un": the word after the hyphen belongs to the name.
                    let concept = tokens.get(i + 1).and_then(|next| {
                        known_word(reading.judge(i + 1), &next.lower, false)
                            .entries
                            .concept
                    });
                    run.push((
                        i + 1,
                        Role::Name {
                            acronym: false,
                            initial: false,
                            common: false,
                            concept,
                        },
                    ));
                    previous_word = Some(i + 1);
                    i += 2;
                    continue;
                }
                flush(run, &reading, scratch, &mut analysis);
                if ends_sentence(token, previous_word.and_then(|p| tokens.get(p))) {
                    sentence_start = true;
                    sentence += 1;
                } else if opens_quote_or_list(token) {
                    sentence_start = true;
                }
            }
        }
        i += 1;
    }
    flush(run, &reading, scratch, &mut analysis);
    analysis
}

fn char_count(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        text.chars().count()
    }
}

/// Longest lowercase syllable a hyphen joins to a name ("Jong-un", "Yong-ho").
const MAX_JOINED_SYLLABLE_CHARS: usize = 3;

/// True when the word after the hyphen at `hyphen` continues the name being collected: a
/// capitalized word ("Нью-Йорк", "Black-Daley"), or a short syllable after a word that is
/// not an acronym ("Jong-un"; "ЛГБТ-спільноти" is an acronym and a common word).
fn joins_after_hyphen(reading: &Reading, run: &[(usize, Role)], hyphen: usize) -> bool {
    if hyphen + 1 >= reading.tokens.len() {
        return false;
    }
    let next = reading.shape(hyphen + 1);
    if next.capitalized {
        return true;
    }
    let after_acronym = run
        .last()
        .is_some_and(|(_, role)| matches!(role, Role::Name { acronym: true, .. }));
    !after_acronym && next.chars <= MAX_JOINED_SYLLABLE_CHARS
}

/// Longer words in capitals are shouted words ("ANOTHER", "ТЕМНОШКІРА"), not acronyms.
const MAX_ACRONYM_CHARS: usize = 5;

/// The role of the word `token` at `index`, of `shape`, judged by the tables of `judge`.
fn role(
    reading: &Reading,
    (index, token, shape, judge): (usize, &Token, Shape, Lang),
    previous_word: Option<usize>,
    positional_capital: bool,
    run_open: bool,
) -> Role {
    let tables = reading.tables(judge);
    let latin_in_cyrillic = judge != reading.lang;
    let capitalized = shape.capitalized;
    if !capitalized && !latin_in_cyrillic {
        if run_open && tables.connectors.contains(&&*token.lower) {
            let next_capitalized = reading.tokens.get(index + 1).is_some_and(|t| {
                reading.capitalized(index + 1) || (t.is_word() && tables.is_stop_word(&t.lower))
            });
            if next_capitalized {
                return Role::Connector;
            }
        }
        let lower_chars = shape.lower_chars(token);
        if !tables.may_be_adjective_or_concept(lower_chars)
            || !tables.may_be_adjective_or_concept_form(&token.lower, lower_chars)
        {
            return Role::Other(None);
        }
        let entries = known_word(judge, &token.lower, false).entries;
        return match entries.adjective {
            Some(place) => Role::Adjective(place, false),
            None => Role::Other(entries.concept),
        };
    }
    if shape.acronym {
        return Role::Name {
            acronym: true,
            initial: false,
            common: false,
            concept: known_word(judge, &token.lower, false).entries.concept,
        };
    }
    let previous = previous_word
        .and_then(|p| Some((p, reading.tokens.get(p)?)))
        .filter(|(_, p)| p.end + 1 == token.start);
    if let Some((p, previous)) = previous {
        if let Some(place) = tables.pair_adjective_of(&previous.lower, &token.lower) {
            return Role::Adjective(place, reading.capitalized(p));
        }
    }
    let known = known_word(judge, &token.lower, true);
    let entries = known.entries;
    if let Some(place) = entries.adjective {
        return Role::Adjective(place, false);
    }
    if known.never_a_name == Some(true) {
        return Role::Other(entries.concept);
    }
    if !capitalized && !shape.any_uppercase {
        // Lowercase Latin inside Cyrillic text ("iPhone" is capitalized inside).
        return Role::Other(entries.concept);
    }
    Role::Name {
        acronym: false,
        initial: positional_capital && !latin_in_cyrillic,
        common: entries.common,
        concept: entries.concept,
    }
}

/// What the tables and vocabularies of a language say of a lowercased word.
#[derive(Clone, Copy, Debug, Default)]
struct Known {
    entries: Entries,
    /// A stop word, a month or a number word ("The", "Жовтень", "Сім"): never part of a
    /// name, even capitalized. Asked only of capitalized words.
    never_a_name: Option<bool>,
}

/// [`Known`] of `lower` in `lang`, with `never_a_name` when `ask_never_a_name`.
///
/// Remembered per thread, like [`word_keys`]: most words of a paragraph come back in the next
/// ones and in the next articles, and looking each up in the name tables (a few stems each)
/// and in the date and number vocabularies was most of the cost of finding names.
fn known_word(lang: Lang, lower: &str, ask_never_a_name: bool) -> Known {
    const REMEMBERED: usize = 50_000;
    // The shape of `memo::remembered`'s memory; read and updated in two steps here, since a
    // remembered word may still lack `never_a_name`.
    thread_local! {
        static KNOWN: crate::memo::Memory<Known> = Default::default();
    }
    let slot = lang.index();
    let remembered = KNOWN.with(|known| {
        known
            .borrow()
            .get(slot)
            .and_then(|memory| memory.get(lower).copied())
    });
    let mut known = match remembered {
        Some(known) if !ask_never_a_name || known.never_a_name.is_some() => return known,
        Some(known) => known,
        None => Known {
            entries: tables(lang).entries_of(lower),
            never_a_name: None,
        },
    };
    if ask_never_a_name {
        known.never_a_name = Some(
            tables(lang).is_stop_word(lower)
                || lang.dates().word(lower).is_some()
                || lang.numbers().word(lower).is_some(),
        );
    }
    KNOWN.with(|memory| {
        let mut memory = memory.borrow_mut();
        let Some(memory) = memory.get_mut(slot) else {
            return;
        };
        if let Some(entry) = memory.get_mut(lower) {
            *entry = known;
            return;
        }
        if memory.len() >= REMEMBERED {
            memory.clear();
        }
        memory.insert(lower.into(), known);
    });
    known
}

/// "U.S.", "U.K.": single capitals each followed by a full stop; returns the index of the
/// last full stop.
fn dotted_acronym_end(reading: &Reading, start: usize) -> Option<usize> {
    let tokens = reading.tokens;
    let single_capital = |i: usize| {
        tokens.get(i).is_some_and(Token::is_word)
            && reading.shape(i).chars == 1
            && reading.capitalized(i)
    };
    let mut i = start;
    let mut letters = 0;
    while single_capital(i)
        && (i == start || tokens.get(i).is_some_and(|t| t.gap_before.is_empty()))
        && tokens
            .get(i + 1)
            .is_some_and(|t| t.is_punct('.') && t.gap_before.is_empty())
    {
        letters += 1;
        i += 2;
    }
    (letters >= 2).then(|| i - 1)
}

/// Short words are looked up as names only when written as acronyms: "Un" in "Kim Jong Un" is
/// not the UN.
const MIN_CONCEPT_WORD_CHARS: usize = 4;

/// One word of a run, parsed.
struct RunWord {
    word: NameWord,
    start: usize,
    end: usize,
    /// Byte range in the text, from the word's first to its last token.
    byte_start: usize,
    byte_end: usize,
    initial: bool,
    acronym: bool,
    concept: Option<&'static str>,
}

impl RunWord {
    /// An acronym or a word with a cross-language key: a name of its own unless the whole run
    /// is one name.
    fn stands_alone(&self) -> bool {
        self.acronym || self.concept.is_some()
    }
}

/// What [`flush_run`] collects a run in, kept from run to run of a paragraph: a paragraph has
/// many runs, and fresh buffers for each were most of the allocations of finding names.
#[derive(Default)]
struct RunScratch {
    words: Vec<RunWord>,
    /// The lowercase words of the run joined by spaces, for a concept the run names as a
    /// whole.
    joined: String,
}

/// Turns the collected run, if any, into names (see [`flush_run`]).
// Always inlined, and the run's work never: most words end no run, a call for each was a
// cost of its own, and the compiler otherwise sometimes inlines the other way round.
#[inline(always)]
fn flush(
    run: &mut Vec<(usize, Role)>,
    reading: &Reading,
    scratch: &mut RunScratch,
    analysis: &mut Analysis,
) {
    if !run.is_empty() {
        flush_run(run, reading, scratch, analysis);
    }
}

/// Turns the collected run into names. A run that is one name as a whole ("North Korea",
/// "United States") stays whole; otherwise acronyms and names with a cross-language key are
/// names of their own ("Росії Володимир Путін" is "Росії" and "Володимир Путін", "лідер КНДР
/// Кім Чен Ин" is "КНДР" and "Кім Чен Ин").
#[inline(never)]
fn flush_run(
    run: &mut Vec<(usize, Role)>,
    reading: &Reading,
    scratch: &mut RunScratch,
    analysis: &mut Analysis,
) {
    let Some(&(first, _)) = run.first() else {
        return;
    };
    let tokens = reading.tokens;
    let RunScratch { words, joined } = scratch;
    words.clear();
    joined.clear();
    // How many words `joined` holds.
    let mut lowers = 0;
    let mut join = |lower: &str, lowers: &mut usize| {
        if *lowers > 0 {
            joined.push(' ');
        }
        joined.push_str(lower);
        *lowers += 1;
    };
    // The concept of the word when it is the only one.
    let mut only_concept = None;
    for (index, &(i, role)) in run.iter().enumerate() {
        let Some(token) = tokens.get(i) else {
            continue;
        };
        match role {
            Role::Name {
                acronym,
                initial,
                common,
                concept,
            } => {
                let judge = reading.judge(i);
                let (byte_start, mut byte_end) = reading.byte_range(token);
                let mut end = token.end;
                let (lower, concept) = if acronym && reading.shape(i).chars == 1 {
                    // A dotted acronym: its letters are the tokens up to its last full stop,
                    // which the run holds next.
                    let last = run.get(index + 1).map_or(i, |&(end, _)| end);
                    let letters: String = tokens
                        .get(i..=last)
                        .unwrap_or_default()
                        .iter()
                        .filter(|t| t.is_word())
                        .map(|t| t.text)
                        .collect();
                    if let Some(last) = tokens.get(last) {
                        end = last.end;
                        byte_end = reading.byte_range(last).1;
                    }
                    let lower = letters.to_lowercase();
                    let concept = known_word(judge, &lower, false).entries.concept;
                    (std::borrow::Cow::Owned(lower), concept)
                } else {
                    match lowercase_token(token, reading.shape(i)) {
                        lower @ std::borrow::Cow::Borrowed(_) => (lower, concept),
                        std::borrow::Cow::Owned(lower) => {
                            let concept = known_word(judge, &lower, false).entries.concept;
                            (std::borrow::Cow::Owned(lower), concept)
                        }
                    }
                };
                only_concept = concept;
                let long = char_count(&lower) >= MIN_CONCEPT_WORD_CHARS;
                words.push(RunWord {
                    word: NameWord {
                        keys: if common {
                            no_keys()
                        } else {
                            word_keys(&lower, judge)
                        },
                        common,
                    },
                    concept: concept.filter(|_| acronym || long),
                    start: token.start,
                    end,
                    byte_start,
                    byte_end,
                    initial,
                    acronym,
                });
                join(&lower, &mut lowers);
            }
            Role::Connector if token.is_word() => {
                join(&token.lower, &mut lowers);
            }
            _ => {}
        }
    }
    run.clear();
    let whole = match (lowers, words.len()) {
        // The whole run is its only word, already looked up.
        (1, 1) => only_concept,
        _ => reading.tables(reading.judge(first)).run_concept_of(joined),
    };
    let mut segment_start = 0;
    for (index, pair) in words.windows(2).enumerate() {
        let [previous, word] = pair else {
            continue;
        };
        let alone = whole.is_none() && word.stands_alone();
        let joins = whole.is_some() || !(alone || previous.stands_alone());
        if !joins {
            let segment = words.get(segment_start..=index).unwrap_or_default();
            push_name(segment, whole, reading.text, analysis);
            segment_start = index + 1;
        }
    }
    let segment = words.get(segment_start..).unwrap_or_default();
    push_name(segment, whole, reading.text, analysis);
}

/// Makes the words of `segment` one name, with the concept of the run it is part of, if any.
fn push_name(
    segment: &[RunWord],
    whole: Option<&'static str>,
    text: &str,
    analysis: &mut Analysis,
) {
    let (Some(head), Some(tail)) = (segment.first(), segment.last()) else {
        return;
    };
    let mut concepts: Vec<&'static str> = segment.iter().filter_map(|w| w.concept).collect();
    concepts.extend(whole);
    // As [`Name::checkable`] would say of the name, before the name is made.
    if concepts.is_empty() && segment.iter().all(|w| w.word.common) {
        return;
    }
    concepts.sort_unstable();
    concepts.dedup();
    analysis.names.push(Name {
        start: head.start,
        end: tail.end,
        text: text
            .get(head.byte_start..tail.byte_end)
            .unwrap_or_default()
            .to_string(),
        confident: segment
            .iter()
            .any(|w| w.acronym || (!w.initial && !w.word.common)),
        acronym: segment.iter().any(|w| w.acronym),
        words: segment.iter().map(|w| w.word.clone()).collect(),
        concepts,
        entry: None,
    });
}

/// The token lowercased, as `str::to_lowercase` would: the tokenizer's lowercase form is
/// that whenever the word has a capital, and the text itself otherwise, which differs only
/// for the rare letters that are neither (titlecase "ǅ").
fn lowercase_token<'t>(token: &'t Token, shape: Shape) -> std::borrow::Cow<'t, str> {
    if shape.any_uppercase || token.text.is_ascii() {
        std::borrow::Cow::Borrowed(&token.lower)
    } else {
        std::borrow::Cow::Owned(token.text.to_lowercase())
    }
}

/// An upper bound of the Jaro–Winkler similarity of `a` and `b` (of `la` and `lb`
/// characters), from the letters they share: Jaro's matching characters are at most the
/// letters common to both, counted with repetition. Most pairs of names a check compares
/// share few letters, and this turns them away without the full comparison.
fn jaro_winkler_bound(a: &str, b: &str, la: usize, lb: usize) -> f64 {
    if la == 0 || lb == 0 {
        return if la == lb { 1.0 } else { 0.0 };
    }
    // Non-ASCII characters share one bucket: that can only raise the bound.
    let mut counts = [0i32; 128];
    for c in a.chars() {
        counts[usize::from(c.is_ascii()) * (c as usize % 128)] += 1;
    }
    let mut common = 0usize;
    for c in b.chars() {
        let bucket = &mut counts[usize::from(c.is_ascii()) * (c as usize % 128)];
        if *bucket > 0 {
            *bucket -= 1;
            common += 1;
        }
    }
    bound_from_common(a, b, la, lb, common)
}

/// The Jaro–Winkler similarity `a` and `b` would have if all `common` shared letters matched
/// in order: an upper bound of the real one.
fn bound_from_common(a: &str, b: &str, la: usize, lb: usize, common: usize) -> f64 {
    let jaro = if common == 0 {
        0.0
    } else {
        (common as f64 / la as f64 + common as f64 / lb as f64 + 1.0) / 3.0
    };
    let prefix = a
        .chars()
        .zip(b.chars())
        .take(4)
        .take_while(|(x, y)| x == y)
        .count();
    jaro + prefix as f64 * 0.1 * (1.0 - jaro)
}

/// The letters a–z, rounded up to a vector's width (see [`Key`]).
const LETTER_SLOTS: usize = 32;

/// A word's keys, shared: the same names come back paragraph after paragraph.
pub type Keys = std::sync::Arc<[Key]>;

/// One normalized Latin form of a word (see [`latin_key`]), with what comparing it needs,
/// worked out once instead of for each pair of words compared.
#[derive(Clone, Debug, PartialEq)]
pub struct Key {
    text: Box<str>,
    /// How many times each letter a–z occurs, padded with zeros to [`LETTER_SLOTS`] so that
    /// comparing two keys' counts is a few vector instructions (`None` for keys too long to
    /// count in bytes).
    letters: Option<[u8; LETTER_SLOTS]>,
    /// The first [`SOUND_SYMBOLS`] consonant classes (see [`sound`]) and how many it has.
    sound: [u8; SOUND_SYMBOLS],
    sound_len: usize,
}

impl Key {
    fn new(text: &str) -> Key {
        let (sound, sound_len) = sound(text);
        let letters = (text.len() <= usize::from(u8::MAX))
            .then(|| {
                let mut counts = [0u8; LETTER_SLOTS];
                for byte in text.bytes() {
                    let slot = counts
                        .get_mut(usize::from(byte.wrapping_sub(b'a')))
                        .filter(|_| byte.is_ascii_lowercase())?;
                    *slot += 1;
                }
                Some(counts)
            })
            .flatten();
        Key {
            text: text.into(),
            letters,
            sound,
            sound_len,
        }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// [`jaro_winkler_bound`] from the letter counts (kept only for keys of a–z alone).
    fn jaro_winkler_bound(&self, other: &Key) -> f64 {
        let (a, b) = (self.as_str(), other.as_str());
        let (Some(x), Some(y)) = (&self.letters, &other.letters) else {
            return jaro_winkler_bound(a, b, a.chars().count(), b.chars().count());
        };
        let (la, lb) = (a.len(), b.len());
        if la == 0 || lb == 0 {
            return if la == lb { 1.0 } else { 0.0 };
        }
        // Each key has at most `u8::MAX` letters, so the shared ones fit a byte: summed in
        // bytes, the loop is a vector minimum and a vector sum.
        let common = x
            .iter()
            .zip(y)
            .fold(0u8, |sum, (p, q)| sum.wrapping_add(*p.min(q)));
        bound_from_common(a, b, la, lb, usize::from(common))
    }
}

impl std::fmt::Display for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

/// The keys of a common word: none.
fn no_keys() -> Keys {
    static NONE: std::sync::LazyLock<Keys> = std::sync::LazyLock::new(|| Keys::from(Vec::new()));
    NONE.clone()
}

/// Normalized Latin forms of a lowercased word, with and without case endings.
///
/// Keys are remembered per thread: the same names come back paragraph after paragraph and
/// article after article, and transliterating them was the costliest step of the name check.
pub fn word_keys(lower: &str, lang: Lang) -> Keys {
    thread_local! {
        static KEYS: crate::memo::Memory<Keys> = Default::default();
    }
    crate::memo::remembered(&KEYS, lang, lower, 50_000, || make_word_keys(lower, lang))
}

/// `word` lowercased, borrowed when it is already: words whose keys are made come lowercased,
/// and transliterating them lowercases again. Borrowed only for characters whose lowercase is
/// known to be themselves (ASCII, Cyrillic small letters, apostrophes).
pub fn lowercase(word: &str) -> std::borrow::Cow<'_, str> {
    let already_lowercase = |c: char| {
        if c.is_ascii() {
            !c.is_ascii_uppercase()
        } else {
            matches!(c, '\u{430}'..='\u{45f}' | '’' | 'ʼ')
        }
    };
    if word.chars().all(already_lowercase) {
        std::borrow::Cow::Borrowed(word)
    } else {
        std::borrow::Cow::Owned(word.to_lowercase())
    }
}

/// What [`make_word_keys`] makes a word's keys in, kept from word to word: a word has a few
/// keys (its own, its stems'), and a string for each spelling and each key was most of the
/// allocations of making them.
#[derive(Default)]
struct KeyScratch {
    /// The word transliterated, and where each of its characters starts in it (see
    /// `to_latin_marked`): a stem's Latin is read from it.
    latin: String,
    marks: Vec<(usize, usize)>,
    /// A stem transliterated afresh, when its Latin cannot be read from the word's.
    stem_latin: String,
    /// The keys made so far, one after another.
    keys: Vec<u8>,
    /// Where each key stands in `keys`.
    spans: Vec<std::ops::Range<usize>>,
}

/// The keys of `lower`, made fresh: the transliterations of the word and its stems (and the
/// spoken spelling) as [`latin_key`]s, empty ones dropped, sorted and each once.
fn make_word_keys(lower: &str, lang: Lang) -> Keys {
    thread_local! {
        static SCRATCH: std::cell::RefCell<KeyScratch> = Default::default();
    }
    SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
        Ok(mut scratch) => make_word_keys_in(lower, lang, &mut scratch),
        Err(_) => make_word_keys_in(lower, lang, &mut KeyScratch::default()),
    })
}

fn make_word_keys_in(lower: &str, lang: Lang, scratch: &mut KeyScratch) -> Keys {
    let tables = tables(lang);
    let KeyScratch {
        latin,
        marks,
        stem_latin,
        keys,
        spans,
    } = scratch;
    keys.clear();
    spans.clear();
    let mut add = |spelling: &str| {
        let start = keys.len();
        latin_key_into(spelling, keys);
        if keys.len() > start {
            spans.push(start..keys.len());
        }
    };
    let transliterate = |word: &str, latin: &mut String| {
        latin.clear();
        match lang {
            Lang::En => crate::lang::en::translit::to_latin_into(word, latin),
            Lang::Uk => crate::lang::uk::translit::to_latin_into(word, latin),
            Lang::Ru => crate::lang::ru::translit::to_latin_into(word, latin),
        }
    };
    latin.clear();
    match lang {
        Lang::En => {
            crate::lang::en::translit::to_latin_into(lower, latin);
            marks.clear();
        }
        Lang::Uk => crate::lang::uk::translit::to_latin_marked(lower, latin, marks),
        Lang::Ru => crate::lang::ru::translit::to_latin_marked(lower, latin, marks),
    }
    add(latin);
    if !tables.spoken_spellings.is_empty() {
        add(&spoken(lower, tables.spoken_spellings));
    }
    for stem in tables.each_stem_of(lower) {
        // A stem is a prefix of the word: its Latin is the word's up to the stem's end.
        let read = marks
            .iter()
            .rev()
            .find(|&&(input, _)| input == stem.len())
            .and_then(|&(_, output)| latin.get(..output));
        match read {
            Some(stem_read) => add(stem_read),
            None => {
                transliterate(stem, stem_latin);
                add(stem_latin);
            }
        }
    }
    let key_of = |span: &std::ops::Range<usize>| keys.get(span.clone()).unwrap_or_default();
    spans.sort_by(|a, b| key_of(a).cmp(key_of(b)));
    spans.dedup_by(|a, b| key_of(a) == key_of(b));
    spans
        .iter()
        // Keys are ASCII letters.
        .map(|span| Key::new(std::str::from_utf8(key_of(span)).unwrap_or_default()))
        .collect()
}

/// `lower` with spelling rewritten as it is heard; a rule whose pattern ends in "$" applies
/// only at the end of the word.
fn spoken(lower: &str, rules: &[(&str, &str)]) -> String {
    let mut out = lower.to_string();
    for (pattern, replacement) in rules {
        match pattern.strip_suffix('$') {
            Some(ending) => {
                if let Some(stem) = out.strip_suffix(ending) {
                    out = format!("{stem}{replacement}");
                }
            }
            // Most rules do not apply: replacing only where the pattern occurs spares a copy of
            // the word per rule.
            None => {
                let occurs = pattern.is_empty()
                    || out
                        .as_bytes()
                        .windows(pattern.len())
                        .any(|window| window == pattern.as_bytes());
                if occurs {
                    out = out.replace(pattern, replacement);
                }
            }
        }
    }
    out
}

/// The ASCII letters of a Latin spelling, lowercased, once diacritics are decomposed away
/// ("Zürich" → "zurich").
pub fn latin_letters(latin: &str) -> std::borrow::Cow<'_, [u8]> {
    // Transliterations are ASCII but for letters outside the tables, and NFD leaves ASCII as
    // it is: most spellings are read without decomposing, and lowercase letters alone without
    // copying them.
    if latin.bytes().all(|b| b.is_ascii_lowercase()) {
        std::borrow::Cow::Borrowed(latin.as_bytes())
    } else if latin.is_ascii() {
        latin
            .bytes()
            .filter(u8::is_ascii_alphabetic)
            .map(|b| b.to_ascii_lowercase())
            .collect()
    } else {
        latin
            .nfd()
            .filter(char::is_ascii_alphabetic)
            .map(|c| c.to_ascii_lowercase() as u8)
            .collect()
    }
}

/// A Latin spelling reduced so that the usual transliteration variants of one name meet:
/// y/i/j-vowels become "i", "ie"/"ye" become "e", г (h/g), х (kh) and "gh" become "h", ж
/// ("zh", "dzh") becomes "j", "ts"/"tz" become "c", "w" becomes "v", "c" becomes "s" before a
/// front vowel and "k" elsewhere, and doubled letters collapse:
/// "Narozhnyy" / "narozhnyi" → "narojni", "Babaiev" / "babayev" → "babaev".
pub fn latin_key(latin: &str) -> String {
    let mut out = Vec::new();
    latin_key_into(latin, &mut out);
    // Keys are ASCII letters.
    String::from_utf8(out).unwrap_or_default()
}

/// [`latin_key`] appended to `all`.
fn latin_key_into(latin: &str, all: &mut Vec<u8>) {
    let letters = latin_letters(latin);
    let base = all.len();
    all.reserve(letters.len() + 1);
    let mut rest: &[u8] = &letters;
    // The last byte of this key so far, kept here rather than read back for each symbol.
    let mut last: Option<u8> = None;
    while let Some(&first) = rest.first() {
        let (produced, used): (&[u8], usize) = match rest {
            // Russian and Ukrainian write an English initial W as У ("Уоррен").
            [b'u', b'a' | b'e' | b'i' | b'o', ..] if last.is_none() => (b"v", 1),
            [b's', b'h', b'c', b'h', ..] => (b"sh", 4),
            [b's', b'c', b'h', ..] => (b"sh", 3),
            [b't', b'c', b'h', ..] => (b"ch", 3),
            [b'd', b'z', b'h', ..] => (b"j", 3),
            [b'z', b'h', ..] => (b"j", 2),
            [b'k', b'h', ..] | [b'g', b'h', ..] => (b"h", 2),
            [b'p', b'h', ..] => (b"f", 2),
            [b't', b'h', ..] => (b"t", 2),
            [b't', b's', ..] | [b't', b'z', ..] => (b"c", 2),
            [b'c', b'k', ..] => (b"k", 2),
            [b'c', b'h', ..] => (b"ch", 2),
            [b'c', b'e' | b'i' | b'y', ..] => (b"s", 1),
            [b'c' | b'q', ..] => (b"k", 1),
            [b'x', ..] => (b"ks", 1),
            [b'w', ..] => (b"v", 1),
            [b'g', ..] => (b"h", 1),
            [b'y', ..] => (b"i", 1),
            _ => (std::slice::from_ref(&first), 1),
        };
        for &symbol in produced {
            if last != Some(symbol) {
                all.push(symbol);
                last = Some(symbol);
            }
        }
        rest = rest.get(used..).unwrap_or_default();
    }
    // "ie" that arose from "ye" → "ie" is folded here, after "y" became "i". Folded in place:
    // the folded key is never longer, so `kept` never passes `read`.
    let out = all.get_mut(base..).unwrap_or_default();
    let mut kept = 0;
    for read in 0..out.len() {
        let Some(&c) = out.get(read) else { break };
        let last = |kept: usize| kept.checked_sub(1).and_then(|i| out.get(i)).copied();
        if c == b'e' && last(kept) == Some(b'i') && kept > 1 {
            kept -= 1;
        }
        if last(kept) != Some(c) {
            if let Some(slot) = out.get_mut(kept) {
                *slot = c;
            }
            kept += 1;
        }
    }
    all.truncate(base + kept);
}

fn consonants(key: &str) -> impl Iterator<Item = u8> + Clone + '_ {
    key.bytes().filter(|c| !b"aeiou".contains(c))
}

/// Keys at most this long are compared by their consonants: "Ин" / "Un", "Рі" / "Ri".
const SHORT_KEY_CHARS: usize = 3;
/// A shorter key that starts a longer one names the same thing from this length on:
/// "narojn" (Нарожного without its ending) / "narojni".
const MIN_PREFIX_CHARS: usize = 4;
/// How alike two spellings must be to be taken for one name: the Jaro-Winkler similarity of
/// their transliteration keys, from above 0 to 1 (`name-similarity` in `concord.toml`,
/// `--name-similarity`). A value, not a global: articles checked side by side may use
/// different settings.
///
/// Spellings whose first consonants sound alike ("Daley" / "Дейлі") and a key that begins
/// another ("Narozhn" / "Narozhnyy") match at any setting; the setting decides between
/// spellings that differ after a shared start ("Марченко" / "Мартыненко").
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NameMatching {
    min_similarity: f64,
}

impl NameMatching {
    /// Measured on the test pairs: variants score 0.9 and above, different surnames
    /// ("babaev" / "babenko", "marchenko" / "martinenko") 0.84 to 0.85.
    pub const DEFAULT_MIN_SIMILARITY: f64 = 0.88;

    /// A setting from a similarity above 0 and at most 1; `None` for anything else (NaN
    /// included).
    pub fn new(min_similarity: f64) -> Option<NameMatching> {
        (min_similarity > 0.0 && min_similarity <= 1.0).then_some(NameMatching { min_similarity })
    }

    pub fn min_similarity(self) -> f64 {
        self.min_similarity
    }

    /// True when two normalized keys spell the same word.
    pub fn keys_similar(self, a: &Key, b: &Key) -> bool {
        let (x, y) = (a.as_str(), b.as_str());
        if x == y {
            return true;
        }
        // Keys are ASCII letters: bytes are characters.
        let (la, lb) = (x.len(), y.len());
        if la.min(lb) <= SHORT_KEY_CHARS {
            return la.abs_diff(lb) <= 1
                && consonants(x).next().is_some()
                && consonants(x).eq(consonants(y));
        }
        let (short, long) = if la <= lb { (x, y) } else { (y, x) };
        // Most keys compared differ from their first letter: told apart by it without a
        // comparison of the whole prefix.
        if short.len() >= MIN_PREFIX_CHARS
            && short.as_bytes().first() == long.as_bytes().first()
            && long.starts_with(short)
        {
            return true;
        }
        a.jaro_winkler_bound(b) >= self.min_similarity
            && strsim::jaro_winkler(x, y) >= self.min_similarity
    }

    /// True when two word key sets share a spelling or a sound.
    pub fn words_similar(self, a: &[Key], b: &[Key]) -> bool {
        a.iter().any(|x| {
            b.iter()
                .any(|y| self.keys_similar(x, y) || sounds_similar(x, y))
        })
    }
}

impl Default for NameMatching {
    fn default() -> Self {
        NameMatching {
            min_similarity: NameMatching::DEFAULT_MIN_SIMILARITY,
        }
    }
}

/// How many consonant classes of two words are compared.
const SOUND_SYMBOLS: usize = 3;

/// The consonants of a key in coarse classes (b/p, v/f, d/t, k/g/h, s/z/c/ch/sh/j, l, r, m,
/// n), vowels dropped and repeats collapsed: English names are spelled, their Ukrainian and
/// Russian forms written as they sound ("Daley" / "Дейлі", "Black" / "Блек", "Coons" /
/// "Кунсом"), so letters disagree where consonants do not.
fn sound(key: &str) -> ([u8; SOUND_SYMBOLS], usize) {
    let mut first = [0u8; SOUND_SYMBOLS];
    let mut len = 0;
    let mut last: Option<u8> = None;
    let bytes = key.as_bytes();
    let vowel = |c: Option<&u8>| c.is_some_and(|c| b"aeiou".contains(c));
    for (i, &c) in bytes.iter().enumerate() {
        // An English "h" after a vowel and before a consonant is silent ("Diehl" / "Діл").
        if c == b'h' && i > 0 && vowel(bytes.get(i - 1)) && !vowel(bytes.get(i + 1)) {
            continue;
        }
        let class = match c {
            b'b' | b'p' => b'p',
            b'v' | b'f' => b'f',
            b'd' | b't' => b't',
            b'k' | b'g' | b'h' | b'q' => b'k',
            b's' | b'z' | b'c' | b'j' | b'x' => b's',
            b'l' | b'r' | b'm' | b'n' => c,
            _ => continue,
        };
        if last != Some(class) {
            if let Some(slot) = first.get_mut(len) {
                *slot = class;
            }
            len += 1;
            last = Some(class);
        }
    }
    (first, len)
}

/// True when two keys sound alike: their first consonant classes agree. One consonant is
/// too little to say so ("За" / "ЗСУ").
fn sounds_similar(a: &Key, b: &Key) -> bool {
    let shared = a.sound_len.min(b.sound_len).min(SOUND_SYMBOLS);
    if shared < 2 {
        return false;
    }
    if shared < SOUND_SYMBOLS {
        // Two consonants say enough only when they are all either word has.
        return a.sound_len == b.sound_len && a.sound == b.sound;
    }
    a.sound == b.sound
}

/// Name-to-name and name-to-word comparisons, at this setting.
impl NameMatching {
    /// True when two names name the same one: the same glossary entry, a shared
    /// cross-language key, or a shared identifying word — unless both have the same number
    /// of words and their last words differ ("Кім Чен Ин" / "Кім Чен Ір": same family,
    /// different person). A longer or shorter form of one name matches ("Mr Ri" / "Рі
    /// Йон-Хо").
    pub fn names_match(self, a: &Name, b: &Name) -> bool {
        self.names_match_as(a, a.entry, b, b.entry)
    }

    /// [`NameMatching::names_match`] of names taken for occurrences of the glossary entries
    /// `a_entry` and `b_entry` whatever their own `entry` says: the name check marks
    /// glossary names without copying them.
    pub fn names_match_as(
        self,
        a: &Name,
        a_entry: Option<usize>,
        b: &Name,
        b_entry: Option<usize>,
    ) -> bool {
        if let (Some(x), Some(y)) = (a_entry, b_entry) {
            return x == y;
        }
        if a.concepts.iter().any(|c| b.concepts.contains(c)) {
            return true;
        }
        let (a_words, b_words) = (a.identifying_words(), b.identifying_words());
        let shared = a_words.clone().any(|x| {
            b_words
                .clone()
                .any(|y| self.words_similar(&x.keys, &y.keys))
        });
        if !shared {
            return false;
        }
        // The same number of words, and each last word unlike every word of the other name:
        // the same family, another person ("Кім Чен Ин" / "Кім Чен Ір"). Reordered words
        // ("Elvie Pump" / "Відсмоктувач Elvie") are not that.
        let (a_count, b_count) = (a_words.clone().count(), b_words.clone().count());
        match (a_words.clone().last(), b_words.clone().last()) {
            (Some(x), Some(y)) if a_count == b_count && a_count >= 2 => {
                self.resembles_any(x, b_words) || self.resembles_any(y, a_words)
            }
            _ => true,
        }
    }

    fn resembles_any<'n>(
        self,
        word: &NameWord,
        mut others: impl Iterator<Item = &'n NameWord>,
    ) -> bool {
        others.any(|o| self.words_similar(&word.keys, &o.keys))
    }

    /// True when two names that do not match share a word: "Кім Чен Ин" and "Кім Чен Ір",
    /// "Bohdan Babenko" and "Богдан Бабаєв" — one name written in place of a related one.
    pub fn names_related(self, a: &Name, b: &Name) -> bool {
        a.identifying_words().any(|x| {
            b.identifying_words()
                .any(|y| self.words_similar(&x.keys, &y.keys))
        })
    }

    /// True when a word outside names is a form of `name` ("російськими" for "Russia", a
    /// lowercase "путінський" for "Putin").
    ///
    /// Stricter than between names: spellings must be alike (sounds alone match too many
    /// ordinary words: "Медведев" / "immediate"), and short words are not compared.
    pub fn word_matches(self, name: &Name, word: &Word) -> bool {
        let long = |k: &&Key| k.as_str().len() >= MIN_PREFIX_CHARS;
        if name.concepts.iter().any(|c| word.concepts().contains(c)) {
            return true;
        }
        if word.capitalized {
            return name
                .identifying_words()
                .any(|w| self.words_similar(&w.keys, word.keys()));
        }
        name.identifying_words().any(|w| {
            w.keys.iter().filter(long).any(|x| {
                word.keys()
                    .iter()
                    .filter(long)
                    .any(|y| self.keys_similar(x, y))
            })
        })
    }
}

/// Headlines in Title Case ("Several Thousand North Korean Soldiers Fight for Russia")
/// capitalize every word: there, capitals say nothing. Per sentence, true when at least this
/// share of the longer words (four letters or more) is capitalized.
const TITLE_CASE_SHARE: f64 = 0.75;
const TITLE_CASE_MIN_WORDS: usize = 4;

fn title_case_sentences(reading: &Reading) -> Vec<bool> {
    // Only English headlines are written so; other languages have no such sentences.
    if reading.lang != Lang::En {
        return Vec::new();
    }
    let mut sentences = Vec::new();
    let (mut capitalized, mut total) = (0usize, 0usize);
    let mut previous_word: Option<&Token> = None;
    let judge =
        |c: usize, t: usize| t >= TITLE_CASE_MIN_WORDS && c as f64 >= TITLE_CASE_SHARE * t as f64;
    for (token, shape) in reading.tokens.iter().zip(reading.shapes) {
        match token.kind {
            TokenKind::Word => {
                if shape.chars >= 4 && !shape.acronym {
                    total += 1;
                    if shape.capitalized {
                        capitalized += 1;
                    }
                }
                previous_word = Some(token);
            }
            TokenKind::Punct if ends_sentence(token, previous_word) => {
                sentences.push(judge(capitalized, total));
                capitalized = 0;
                total = 0;
            }
            _ => {}
        }
    }
    sentences.push(judge(capitalized, total));
    sentences
}

/// After an opening quote, a bracket or a dash a capital letter starts a quotation or an
/// aside. (After a colon it is most often a name: "Author: Bohdan Babaiev".)
fn opens_quote_or_list(token: &Token) -> bool {
    ["«", "“", "„", "\"", "‘", "(", "—", "–"].contains(&token.text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// [`latin_key`] as first written (every spelling decomposed, copied and folded into new
    /// buffers), kept to show the faster one makes the same keys.
    fn latin_key_decomposing(latin: &str) -> String {
        let letters: Vec<u8> = latin
            .nfd()
            .filter(char::is_ascii_alphabetic)
            .map(|c| c.to_ascii_lowercase() as u8)
            .collect();
        let mut out: Vec<u8> = Vec::new();
        let mut rest: &[u8] = &letters;
        while let Some(&first) = rest.first() {
            let (produced, used): (&[u8], usize) = match rest {
                [b'u', b'a' | b'e' | b'i' | b'o', ..] if out.is_empty() => (b"v", 1),
                [b's', b'h', b'c', b'h', ..] => (b"sh", 4),
                [b's', b'c', b'h', ..] => (b"sh", 3),
                [b't', b'c', b'h', ..] => (b"ch", 3),
                [b'd', b'z', b'h', ..] => (b"j", 3),
                [b'z', b'h', ..] => (b"j", 2),
                [b'k', b'h', ..] | [b'g', b'h', ..] => (b"h", 2),
                [b'p', b'h', ..] => (b"f", 2),
                [b't', b'h', ..] => (b"t", 2),
                [b't', b's', ..] | [b't', b'z', ..] => (b"c", 2),
                [b'c', b'k', ..] => (b"k", 2),
                [b'c', b'h', ..] => (b"ch", 2),
                [b'c', b'e' | b'i' | b'y', ..] => (b"s", 1),
                [b'c' | b'q', ..] => (b"k", 1),
                [b'x', ..] => (b"ks", 1),
                [b'w', ..] => (b"v", 1),
                [b'g', ..] => (b"h", 1),
                [b'y', ..] => (b"i", 1),
                _ => (std::slice::from_ref(&first), 1),
            };
            for &symbol in produced {
                if out.last() != Some(&symbol) {
                    out.push(symbol);
                }
            }
            rest = rest.get(used..).unwrap_or_default();
        }
        let mut folded: Vec<u8> = Vec::new();
        for &c in &out {
            if c == b'e' && folded.last() == Some(&b'i') && folded.len() > 1 {
                folded.pop();
            }
            if folded.last() != Some(&c) {
                folded.push(c);
            }
        }
        String::from_utf8(folded).unwrap_or_default()
    }

    /// [`sound`] as first written: every consonant class, in a new vector.
    fn all_sounds(key: &str) -> Vec<u8> {
        let mut out: Vec<u8> = Vec::new();
        let bytes = key.as_bytes();
        let vowel = |c: Option<&u8>| c.is_some_and(|c| b"aeiou".contains(c));
        for (i, &c) in bytes.iter().enumerate() {
            if c == b'h' && i > 0 && vowel(bytes.get(i - 1)) && !vowel(bytes.get(i + 1)) {
                continue;
            }
            let class = match c {
                b'b' | b'p' => b'p',
                b'v' | b'f' => b'f',
                b'd' | b't' => b't',
                b'k' | b'g' | b'h' | b'q' => b'k',
                b's' | b'z' | b'c' | b'j' | b'x' => b's',
                b'l' | b'r' | b'm' | b'n' => c,
                _ => continue,
            };
            if out.last() != Some(&class) {
                out.push(class);
            }
        }
        out
    }

    /// [`spoken`] as first written: every rule replaces, into a new string.
    fn spoken_by_replacing(lower: &str, rules: &[(&str, &str)]) -> String {
        let mut out = lower.to_string();
        for (pattern, replacement) in rules {
            match pattern.strip_suffix('$') {
                Some(ending) => {
                    if let Some(stem) = out.strip_suffix(ending) {
                        out = format!("{stem}{replacement}");
                    }
                }
                None => out = out.replace(pattern, replacement),
            }
        }
        out
    }

    fn assert_keys_as_first_made(word: &str, lang: Lang) {
        let lower = word.to_lowercase();
        let raw = tables(lang);
        let stems_by_stripping: Vec<&str> = raw
            .case_endings
            .iter()
            .filter_map(|ending| lower.strip_suffix(ending))
            .filter(|stem| stem.chars().count() >= MIN_STEM_CHARS)
            .collect();
        assert_eq!(raw.stems(&lower), stems_by_stripping, "{word:?} {lang:?}");
        let stems_by_last_byte: Vec<&str> = raw.each_stem_of(&lower).collect();
        assert_eq!(stems_by_last_byte, stems_by_stripping, "{word:?} {lang:?}");
        for spoken_lang in Lang::ALL {
            let rules = tables(spoken_lang).spoken_spellings;
            assert_eq!(
                spoken(&lower, rules),
                spoken_by_replacing(&lower, rules),
                "{word:?}"
            );
        }
        let mut spellings = vec![lang.transliterate(&lower), word.to_string()];
        spellings.push(spoken(&lower, tables(Lang::En).spoken_spellings));
        for stem in stems_by_stripping {
            spellings.push(lang.transliterate(stem));
        }
        // The word's keys as first made: a string for each spelling and each key.
        let mut first_made = vec![latin_key(&lang.transliterate(&lower))];
        let spoken_rules = tables(lang).spoken_spellings;
        if !spoken_rules.is_empty() {
            first_made.push(latin_key(&spoken(&lower, spoken_rules)));
        }
        for stem in raw.stems(&lower) {
            first_made.push(latin_key(&lang.transliterate(stem)));
        }
        first_made.retain(|k| !k.is_empty());
        first_made.sort();
        first_made.dedup();
        let made: Vec<String> = make_word_keys(&lower, lang)
            .iter()
            .map(|key| key.as_str().to_string())
            .collect();
        assert_eq!(made, first_made, "{word:?} {lang:?}");
        for spelling in spellings {
            let key = latin_key(&spelling);
            assert_eq!(key, latin_key_decomposing(&spelling), "{word:?} {lang:?}");
            let (sound, sound_len) = sound(&key);
            let all = all_sounds(&key);
            assert_eq!(sound_len, all.len(), "{key:?}");
            let mut first = [0u8; SOUND_SYMBOLS];
            first.iter_mut().zip(&all).for_each(|(slot, &c)| *slot = c);
            assert_eq!(sound, first, "{key:?}");
        }
    }

    /// Names as the news writes them, in each language and case.
    const NEWS_NAMES: &[&str] = &[
        "Зеленський",
        "Зеленського",
        "Нарожного",
        "Бабаєвим",
        "Києві",
        "Харкова",
        "Згорани",
        "Нью-Йорку",
        "Пхеньяні",
        "Уоррен",
        "Знам'янці",
        "Йосипівки",
        "Ґалаґана",
        "Горбачёва",
        "Хрущёвым",
        "Подъячева",
        "Ельцину",
        "Бабаеве",
        "Эрдогану",
        "Washington",
        "Narozhnyy",
        "Babaiev",
        "Kyiv's",
        "McIlroy",
        "Schwarzenegger",
        "Tchaikovsky",
        "Dzhokhar",
        "Zürich",
        "Ørsted",
        "Ångström",
        "São Paulo",
        "Łódź",
        "Dvořák",
        "Ǆuro",
        "ΣΟΦΙΑ",
        "ﬁnance",
        "",
        "F-16",
        "iPhone 15",
        "U.S.",
    ];

    #[test]
    fn words_of_every_length_are_kept_as_written() {
        // Words of every length up to the inline limit and past it, in both scripts, with the
        // few-byte copies' boundaries (3/4, 7/8, 15/16 bytes) among them.
        let sentence = "У Києві, 5 жовтня, Зеленський і Макрон обговорили\
                        протиповітряну оборону та I, a, to, the, North, Korean, Pyongyang, \
                        interoperability, військовослужбовцями, найвисокопоставленіших";
        for word in sentence.split([' ', ',']).filter(|w| !w.is_empty()) {
            for end in word
                .char_indices()
                .map(|(i, _)| i)
                .skip(1)
                .chain([word.len()])
            {
                let prefix = &word[..end];
                assert_eq!(WordText::new(prefix).as_str(), prefix);
                let mut buffer = [0u8; 64];
                copy_short(&mut buffer, prefix.as_bytes());
                assert_eq!(&buffer[..prefix.len()], prefix.as_bytes());
                assert!(buffer[prefix.len()..].iter().all(|&b| b == 0), "{prefix}");
            }
        }
    }

    #[test]
    fn keys_are_made_as_first_made_for_every_table_word_and_news_name() {
        for lang in Lang::ALL {
            let raw = tables(lang);
            let keys = raw
                .adjectives
                .iter()
                .chain(raw.concepts)
                .map(|(_, key)| *key);
            let words = raw
                .every_word()
                .chain(keys)
                .chain(NEWS_NAMES.iter().copied());
            for word in words {
                assert_keys_as_first_made(word, lang);
            }
        }
    }

    proptest! {
        #[test]
        fn any_word_gets_the_keys_first_made(
            word in "[а-яА-ЯіїєґёІЇЄҐЁ'’a-zA-ZéüøłšΣǅ\\- ]{0,14}",
            lang in prop::sample::select(Lang::ALL.to_vec()),
        ) {
            assert_keys_as_first_made(&word, lang);
        }
    }

    #[test]
    fn the_similarity_bound_is_never_below_the_similarity() {
        let keys = [
            "kim",
            "kym",
            "chen",
            "chenyn",
            "zelenskyi",
            "zelenskii",
            "zelensky",
            "marchenko",
            "martynenko",
            "babaiev",
            "babanov",
            "narozhnyi",
            "narozhn",
            "washington",
            "vashynhton",
            "putin",
            "pution",
            "syniehubov",
            "sinegubov",
            "kozytskyi",
            "kozitskii",
            "ab",
            "ба",
            "kyïv",
            "kyiv",
            "",
        ];
        for a in keys {
            for b in keys {
                let (la, lb) = (a.chars().count(), b.chars().count());
                let bound = jaro_winkler_bound(a, b, la, lb);
                let actual = strsim::jaro_winkler(a, b);
                assert!(bound + 1e-12 >= actual, "{a} / {b}: {bound} < {actual}");
            }
        }
        assert!(jaro_winkler_bound("zelenskyi", "putin", 9, 5) < 0.88);
    }

    #[test]
    fn the_form_filter_lets_every_form_of_every_entry_through() {
        for lang in Lang::ALL {
            let tables = tables(lang);
            let entries = tables.adjectives.iter().chain(tables.concepts);
            for (entry, _) in entries.filter(|(e, _)| !e.contains(' ')) {
                let forms: Vec<String> = if tables.stems_inflect {
                    ["", "а", "ого", "ими", "і", "ою"]
                        .iter()
                        .map(|ending| format!("{entry}{ending}"))
                        .collect()
                } else {
                    vec![entry.to_string()]
                };
                for form in forms {
                    let entries = tables.entries_of(&form);
                    let known = entries.adjective.is_some() || entries.concept.is_some();
                    assert!(
                        !known || tables.may_be_adjective_or_concept_form(&form, char_count(&form)),
                        "{lang:?} {form}"
                    );
                }
            }
        }
        // Ordinary words are mostly turned away.
        let uk = tables(Lang::Uk);
        let words = "військові заявили передадуть системи протиповітряної оборони кінця жовтня";
        let passed: Vec<&str> = words
            .split(' ')
            .filter(|w| uk.may_be_adjective_or_concept_form(w, char_count(w)))
            .collect();
        assert!(passed.len() <= 1, "{passed:?}");
        for form in ["російськими", "північнокорейських", "сша"] {
            assert!(uk.may_be_adjective_or_concept_form(form, char_count(form)));
        }
    }

    #[test]
    fn key_bounds_from_letter_counts_equal_the_bound_from_the_text() {
        let words = [
            ("Зеленський", Lang::Uk),
            ("Zelensky", Lang::En),
            ("Марченко", Lang::Uk),
            ("Мартыненко", Lang::Ru),
            ("Вашингтоне", Lang::Ru),
            ("Washington", Lang::En),
            ("Ин", Lang::Uk),
        ];
        let keys: Vec<Key> = words
            .iter()
            .flat_map(|(w, l)| word_keys(&w.to_lowercase(), *l).to_vec())
            .collect();
        for a in &keys {
            for b in &keys {
                let (x, y) = (a.as_str(), b.as_str());
                let expected = jaro_winkler_bound(x, y, x.chars().count(), y.chars().count());
                assert_eq!(a.jaro_winkler_bound(b), expected, "{a} / {b}");
            }
        }
    }

    #[test]
    fn a_paragraph_read_again_reads_the_same() {
        // The second reading finds its words remembered (table entries, keys, "Сім" a
        // number): the answers must not change.
        let text = "Міністр оборони Рустем Умєров заявив у Брюсселі, що Сім країн НАТО \
                    передадуть Україні системи ППО до кінця жовтня.";
        let first = analyze(text, Lang::Uk);
        let again = analyze(text, Lang::Uk);
        assert_eq!(first, again);
        let found: Vec<&str> = first.names.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(
            found,
            vec!["Рустем Умєров", "Брюсселі", "НАТО", "Україні", "ППО"]
        );
        assert!(first.words.iter().any(|w| w.lower() == "жовтня"));
    }

    #[test]
    fn words_short_and_long_keep_their_lowercase_text() {
        // "північноатлантичного" is 40 bytes: longer than a word kept inline.
        let analysis = analyze(
            "Командувач північноатлантичного альянсу заявив про це.",
            Lang::Uk,
        );
        let lowers: Vec<&str> = analysis.words.iter().map(Word::lower).collect();
        assert_eq!(
            lowers,
            vec!["північноатлантичного", "альянсу", "заявив", "про"]
        );
        assert!(analysis.words.iter().all(|w| !w.keys().is_empty()));
    }

    fn names(text: &str, lang: Lang) -> Vec<(String, bool)> {
        extract(text, lang)
            .into_iter()
            .map(|n| (n.text, n.confident))
            .collect()
    }

    fn confident(text: &str, lang: Lang) -> Vec<String> {
        extract(text, lang)
            .into_iter()
            .filter(|n| n.confident)
            .map(|n| n.text)
            .collect()
    }

    fn key(word: &str, lang: Lang) -> Keys {
        word_keys(&word.to_lowercase(), lang)
    }

    fn same(a: (&str, Lang), b: (&str, Lang)) -> bool {
        NameMatching::default().words_similar(&key(a.0, a.1), &key(b.0, b.1))
    }

    #[test]
    fn transliteration_variants_of_one_name_meet() {
        use Lang::*;
        let pairs = [
            (("Narozhnyy", En), ("Нарожний", Uk)),
            (("Narozhnyi", En), ("Нарожный", Ru)),
            (("Narozhnyy", En), ("Нарожного", Uk)),
            (("Babaiev", En), ("Бабаєв", Uk)),
            (("Babaiev", En), ("Бабаев", Ru)),
            (("Zelensky", En), ("Зеленський", Uk)),
            (("Zelensky", En), ("Зеленского", Ru)),
            (("Washington", En), ("Вашингтон", Uk)),
            (("Washington", En), ("Вашингтоне", Ru)),
            (("Putin", En), ("Путіним", Uk)),
            (("Putin", En), ("Путина", Ru)),
            (("Donetsk", En), ("Донецької", Uk)),
            (("Donetsk", En), ("Донецка", Ru)),
            (("York", En), ("Йорку", Uk)),
            (("York", En), ("Йорке", Ru)),
            (("Kyiv", En), ("Києві", Uk)),
            (("Kyiv", En), ("Киев", Ru)),
            (("Massachusetts", En), ("Массачусетсі", Uk)),
            (("Kharkiv", En), ("Харькова", Ru)),
            (("Warren", En), ("Уоррен", Ru)),
            (("Daley", En), ("Дейлі", Uk)),
            (("Black", En), ("Блеком", Uk)),
            (("Coons", En), ("Кунсом", Ru)),
            (("Diehl", En), ("Діла", Uk)),
            (("Austin", En), ("Остіні", Uk)),
            (("Rutherford", En), ("Резерфорда", Uk)),
            (("Graham", En), ("Греема", Uk)),
            (("Newman", En), ("Ньюман", Ru)),
            (("McIlroy", En), ("Макілроя", Uk)),
            (("Dewar", En), ("Дьюар", Ru)),
            (("Rouge", En), ("Руж", Uk)),
            (("Buchanan", En), ("Б'юкенен", Uk)),
        ];
        for (a, b) in pairs {
            assert!(
                same(a, b),
                "{a:?} {b:?}: {:?} {:?}",
                key(a.0, a.1),
                key(b.0, b.1)
            );
        }
    }

    #[test]
    fn different_names_do_not_meet() {
        use Lang::*;
        let pairs = [
            (("Babaiev", En), ("Бабенко", Uk)),
            (("Putin", En), ("Медведев", Ru)),
            (("Singapore", En), ("Гонконгу", Uk)),
            (("Ин", Uk), ("Ір", Uk)),
            (("Trump", En), ("Трюдо", Ru)),
            (("Donetsk", En), ("Луганська", Uk)),
        ];
        for (a, b) in pairs {
            assert!(
                !same(a, b),
                "{a:?} {b:?}: {:?} {:?}",
                key(a.0, a.1),
                key(b.0, b.1)
            );
        }
    }

    #[test]
    fn the_setting_decides_between_spellings_that_part_after_a_shared_start() {
        use Lang::*;
        let similar_at = |setting: f64, a: (&str, Lang), b: (&str, Lang)| {
            NameMatching::new(setting).map(|m| m.words_similar(&key(a.0, a.1), &key(b.0, b.1)))
        };
        // Two surnames: "marchenko" / "martinenko" score 0.845.
        let marchenko = ("Марченко", Uk);
        let martynenko = ("Мартыненко", Ru);
        assert_eq!(similar_at(0.88, marchenko, martynenko), Some(false));
        assert_eq!(similar_at(0.80, marchenko, martynenko), Some(true));
        // Two surnames closer in spelling: "babaev" / "babanov" score 0.91.
        let babaiev = ("Бабаєв", Uk);
        let babanov = ("Бабанов", Ru);
        assert_eq!(similar_at(0.88, babaiev, babanov), Some(true));
        assert_eq!(similar_at(0.95, babaiev, babanov), Some(false));
        // Spellings alike in sound or by a shared start meet at any setting.
        assert_eq!(similar_at(1.0, ("Daley", En), ("Дейлі", Uk)), Some(true));
        assert_eq!(
            similar_at(1.0, ("Narozhnyy", En), ("Нарожного", Uk)),
            Some(true)
        );
    }

    #[test]
    fn a_similarity_setting_is_above_0_and_at_most_1() {
        assert_eq!(NameMatching::default().min_similarity(), 0.88);
        assert_eq!(
            NameMatching::new(1.0).map(|m| m.min_similarity()),
            Some(1.0)
        );
        assert_eq!(
            NameMatching::new(0.01).map(|m| m.min_similarity()),
            Some(0.01)
        );
        for bad in [0.0, -0.5, 1.01, 88.0, f64::NAN, f64::INFINITY] {
            assert_eq!(NameMatching::new(bad), None, "{bad}");
        }
    }

    #[test]
    fn multi_word_names_in_english() {
        let found = names(
            "During a June visit to North Korea this year, Russian President Vladimir Putin and \
             North Korean leader Kim Jong Un signed a comprehensive agreement.",
            Lang::En,
        );
        assert_eq!(
            found,
            vec![
                ("North Korea".to_string(), true),
                ("Vladimir Putin".to_string(), true),
                ("Kim Jong Un".to_string(), true),
            ]
        );
    }

    #[test]
    fn inflected_names_in_ukrainian_and_russian() {
        assert_eq!(
            confident(
                "Під час червневого візиту до Північної Кореї президент Росії Володимир \
                 Путін і лідер КНДР Кім Чен Ин підписали угоду.",
                Lang::Uk
            ),
            vec!["Кореї", "Росії", "Володимир Путін", "КНДР", "Кім Чен Ин"]
        );
        assert_eq!(
            confident(
                "Ракетный удар вблизи оккупированного Донецка унес жизни офицеров, сообщает \
                 The Washington Post со ссылкой на Нью-Йорке живущих экспертов.",
                Lang::Ru
            ),
            vec!["Донецка", "Washington Post", "Нью-Йорке"]
        );
    }

    #[test]
    fn adjectives_sentence_starts_and_months_are_not_names() {
        assert!(confident(
            "North Korean soldiers are fighting in Ukraine alongside Russian and South Korean \
             officials in June. American and European analysts agree.",
            Lang::En
        )
        .iter()
        .all(|n| n == "Ukraine"));
        assert!(confident(
            "Північнокорейські військові вже воюють. Український посадовець зазначив це у \
             жовтні. Українські, російські та американські аналітики.",
            Lang::Uk
        )
        .is_empty());
        assert!(confident(
            "Северокорейские военные уже воюют. Украинский чиновник отметил это в Октябре. \
             Российские и европейские аналитики согласны.",
            Lang::Ru
        )
        .is_empty());
        let analysis = analyze("російськими силами", Lang::Uk);
        assert_eq!(
            analysis.words.first().map(|w| w.concepts().to_vec()),
            Some(vec!["russia"])
        );
    }

    #[test]
    fn a_sentence_start_is_kept_but_not_confident_and_acronyms_always_are() {
        assert_eq!(
            names("Warren replied. ISW analysts agree.", Lang::En),
            vec![("Warren".to_string(), false), ("ISW".to_string(), true)]
        );
        assert_eq!(
            names("Аналітики ISW не змогли. НБУ підвищив ставку.", Lang::Uk),
            vec![
                ("Аналітики".to_string(), false),
                ("ISW".to_string(), true),
                ("НБУ".to_string(), true)
            ]
        );
    }

    #[test]
    fn title_case_headlines_and_translated_institutions_are_not_names() {
        assert!(confident(
            "Several Thousand Soldiers Fight For Their Country",
            Lang::En
        )
        .is_empty());
        assert!(confident(
            "He said the Defense Forces and the Ministry of Defence agree.",
            Lang::En
        )
        .is_empty());
        assert_eq!(
            confident(
                "Водночас Сили оборони України не виявили підрозділів.",
                Lang::Uk
            ),
            vec!["України"]
        );
    }

    #[test]
    fn dotted_acronyms_are_one_name() {
        let found = extract(
            "U.S. Sen. Elizabeth Warren says the U.S. will act.",
            Lang::En,
        );
        let texts: Vec<&str> = found.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(texts, vec!["U.S.", "Elizabeth Warren", "U.S."]);
        assert!(found.first().is_some_and(|n| n.concepts == vec!["america"]));
    }

    #[test]
    fn odd_text_does_not_panic() {
        for text in ["", "-", "U.", "U.S", "A-", "«", "Кім-", "The", "of the"] {
            for lang in Lang::ALL {
                let _ = analyze(text, lang);
            }
        }
    }
}
