//! Which language a paragraph, or a whole file, is written in.
//!
//! General-purpose identifiers (whatlang included) are unreliable on what news copy is full
//! of: titles, captions ("Фото: Getty Images"), bylines ("Автор: Богдан Бабаєв"), and
//! Cyrillic paragraphs quoting Latin-script names ("The Washington Post", "ISW"). Telling
//! Ukrainian from Russian does not need statistics over many words: each writes letters the
//! other does not (і ї є ґ and the apostrophe; ы э ъ ё) and has its own function words
//! ("що", "та", "від" / "что", "и", "от"). So:
//!
//! - URLs, handles and quoted material are left out of the decision (a Ukrainian paragraph
//!   may quote an English tweet), unless nothing else is left;
//! - the script with the most letters decides the path, counting for Latin only words written
//!   in lowercase: capitalized Latin words and acronyms inside Cyrillic text are names;
//! - Cyrillic text is scored as a log-likelihood ratio of Ukrainian against Russian from
//!   the distinctive letters, the function words, and (weakly) the absence of distinctive
//!   letters; whatlang breaks ties;
//! - Latin text is English when its function words or whatlang say so; a text of
//!   capitalized names only ("Getty Images") is not judged;
//! - fewer than [`MIN_LETTERS`] letters: unknown.
//!
//! The letters and words of each language are data in `lang/*/detect.rs`.

use crate::facts::tokens::{is_letter, is_letter_or_digit, is_upper};
use crate::lang::{en, ru, uk, Lang};
use std::collections::BTreeMap;

mod trigram_detector;
mod trigram_profiles;

/// What tells a language from the others in short texts (see `lang/*/detect.rs`).
pub struct DetectionVocabulary {
    /// Letters only this language (of en, uk, ru) writes.
    pub letters: &'static [char],
    /// True when an apostrophe between two letters is a spelling of this language
    /// ("п'ять"), not a quote mark.
    pub apostrophe_in_words: bool,
    /// Frequent short words the other two languages do not have, lowercase.
    pub function_words: &'static [&'static str],
    /// Letter sequences inside words that the other languages rarely write.
    pub sequences: &'static [&'static str],
    /// Word endings the other languages rarely write.
    pub endings: &'static [&'static str],
    /// Words that open captions and bylines when followed by a colon ("Source:").
    pub labels: &'static [&'static str],
}

/// The detection data of a language.
pub fn vocabulary(lang: Lang) -> &'static DetectionVocabulary {
    match lang {
        Lang::En => &en::detect::VOCABULARY,
        Lang::Uk => &uk::detect::VOCABULARY,
        Lang::Ru => &ru::detect::VOCABULARY,
    }
}

/// A language's detection data with its word lists hashed and its letter sequences compiled:
/// every word of every paragraph is looked up in them.
pub struct Lexicon {
    raw: &'static DetectionVocabulary,
    function_words: crate::hashing::FastSet<&'static str>,
    /// In bytes.
    longest_function_word: usize,
    /// For each byte length up to the longest function word, the [`word_key`]s of the
    /// function words of that length: a word whose key is not there is none, without hashing.
    function_word_keys: Vec<u128>,
    labels: crate::hashing::FastSet<&'static str>,
    /// The [`letter_mask`] of each of `raw.sequences`: a word whose mask lacks a bit of a
    /// sequence does not contain it, and is not searched for it.
    sequence_masks: Vec<u64>,
    /// Whether a byte ends one of the endings: a word ending in another byte has none.
    ending_last_bytes: [bool; 256],
}

impl Lexicon {
    fn new(raw: &'static DetectionVocabulary) -> Self {
        Lexicon {
            raw,
            function_words: raw.function_words.iter().copied().collect(),
            longest_function_word: raw
                .function_words
                .iter()
                .map(|w| w.len())
                .max()
                .unwrap_or(0),
            function_word_keys: word_keys(raw.function_words),
            labels: raw.labels.iter().copied().collect(),
            sequence_masks: raw.sequences.iter().map(|s| letter_mask(s)).collect(),
            ending_last_bytes: last_bytes(raw.endings),
        }
    }

    /// Whether `lower` ends with one of the language's endings and is longer than it.
    fn has_ending(&self, lower: &str) -> bool {
        lower
            .as_bytes()
            .last()
            .is_some_and(|&last| self.ending_last_bytes.get(usize::from(last)) == Some(&true))
            && self
                .raw
                .endings
                .iter()
                .any(|e| lower.len() > e.len() && lower.ends_with(*e))
    }

    pub fn is_function_word(&self, lower: &str) -> bool {
        // Most words are longer than any function word, or differ from every one of their
        // length in the bytes the key reads: no hashing for them.
        self.function_word_keys
            .get(lower.len())
            .is_some_and(|keys| keys & word_key(lower) != 0)
            && self.function_words.contains(lower)
    }

    pub fn is_label(&self, lower: &str) -> bool {
        self.labels.contains(lower)
    }

    /// How many of the language's characteristic sequences the word contains (each once);
    /// `mask` is the word's [`letter_mask`].
    ///
    /// A word is a dozen bytes and the sequences are a few letters long: the few sequences
    /// whose letters the word has are looked for directly, which costs a fraction of
    /// setting up an automaton search per word.
    fn sequence_hits(&self, lower: &str, mask: u64) -> usize {
        self.raw
            .sequences
            .iter()
            .zip(&self.sequence_masks)
            .filter(|(_, &sequence_mask)| sequence_mask & !mask == 0)
            .filter(|(sequence, _)| contains_sequence(lower.as_bytes(), sequence.as_bytes()))
            .count()
    }
}

/// Whether `sequence` occurs in `word`, compared byte by byte: both are UTF-8, so a match
/// starts and ends on character boundaries.
#[inline]
fn contains_sequence(word: &[u8], sequence: &[u8]) -> bool {
    let Some((&first, rest)) = sequence.split_first() else {
        return true;
    };
    word.iter().enumerate().any(|(at, &byte)| {
        byte == first
            && word
                .get(at + 1..)
                .is_some_and(|after| after.starts_with(rest))
    })
}

/// One of 128 bits, from a word's second and last bytes (the second is the first letter's
/// own byte in Cyrillic, whose first byte is shared by most letters).
#[inline]
fn word_key(word: &str) -> u128 {
    let bytes = word.as_bytes();
    let second = bytes.get(1).copied().unwrap_or(0);
    let last = bytes.last().copied().unwrap_or(0);
    key_of_bytes(second, last)
}

/// [`word_key`] of the lowercase spelling of a word of ASCII letters, read off the word as
/// written: lowercasing changes no length, and the key reads two bytes only.
#[inline]
fn ascii_word_key(word: &str) -> u128 {
    let bytes = word.as_bytes();
    let second = bytes.get(1).map_or(0, u8::to_ascii_lowercase);
    let last = bytes.last().map_or(0, u8::to_ascii_lowercase);
    key_of_bytes(second, last)
}

#[inline]
fn key_of_bytes(second: u8, last: u8) -> u128 {
    let mixed = (u32::from(last) << 1) ^ (u32::from(second).wrapping_mul(37));
    1u128 << (mixed & 127)
}

/// The [`word_key`]s of `words`, gathered by byte length.
fn word_keys(words: &[&str]) -> Vec<u128> {
    let mut keys = vec![0u128; words.iter().map(|w| w.len() + 1).max().unwrap_or(0)];
    for word in words {
        if let Some(slot) = keys.get_mut(word.len()) {
            *slot |= word_key(word);
        }
    }
    keys
}

/// One bit for each lowercase letter of the Cyrillic block (U+0430..=U+045F) a text has, and
/// one shared bit for every other character: a text can contain another only if its mask
/// has every bit of the other's.
fn letter_mask(text: &str) -> u64 {
    text.chars().fold(0, |mask, c| mask | letter_bit(c))
}

fn letter_bit(c: char) -> u64 {
    match c {
        '\u{430}'..='\u{45f}' => 1 << (u32::from(c) - 0x430),
        _ => 1 << 63,
    }
}

/// Which bytes end one of `endings` (every byte, should one of them be empty).
fn last_bytes(endings: &[&str]) -> [bool; 256] {
    let mut last_bytes = [false; 256];
    for ending in endings {
        match ending.as_bytes().last() {
            Some(&last) => {
                if let Some(slot) = last_bytes.get_mut(usize::from(last)) {
                    *slot = true;
                }
            }
            None => last_bytes = [true; 256],
        }
    }
    last_bytes
}

/// The detection data of a language, ready for lookups.
pub fn lexicon(lang: Lang) -> &'static Lexicon {
    static LEXICONS: [std::sync::OnceLock<Lexicon>; 3] = [
        std::sync::OnceLock::new(),
        std::sync::OnceLock::new(),
        std::sync::OnceLock::new(),
    ];
    let slot = match lang {
        Lang::En => &LEXICONS[0],
        Lang::Uk => &LEXICONS[1],
        Lang::Ru => &LEXICONS[2],
    };
    slot.get_or_init(|| Lexicon::new(vocabulary(lang)))
}

/// Fewer letters than this (outside names, URLs and quotes) are too few to judge.
pub const MIN_LETTERS: usize = 8;

/// A language as identified: one of ours, or another one by its ISO 639-1 code (ISO 639-3
/// when it has none).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum IdentifiedLang {
    En,
    Uk,
    Ru,
    Other(String),
}

impl IdentifiedLang {
    pub fn code(&self) -> &str {
        match self {
            IdentifiedLang::En => "en",
            IdentifiedLang::Uk => "uk",
            IdentifiedLang::Ru => "ru",
            IdentifiedLang::Other(code) => code,
        }
    }

    /// The language as one concord checks, if it is one.
    pub fn lang(&self) -> Option<Lang> {
        match self {
            IdentifiedLang::En => Some(Lang::En),
            IdentifiedLang::Uk => Some(Lang::Uk),
            IdentifiedLang::Ru => Some(Lang::Ru),
            IdentifiedLang::Other(_) => None,
        }
    }

    /// English name, for messages ("Ukrainian", "Belarusian").
    pub fn name(&self) -> String {
        if let Some(lang) = self.lang() {
            return lang.name().to_string();
        }
        let code = self.code();
        let long = ISO_CODES
            .iter()
            .find(|(_, short)| *short == code)
            .map_or(code, |(long, _)| *long);
        whatlang::Lang::from_code(long).map_or_else(|| code.to_string(), |l| l.eng_name().into())
    }
}

impl From<Lang> for IdentifiedLang {
    fn from(lang: Lang) -> IdentifiedLang {
        match lang {
            Lang::En => IdentifiedLang::En,
            Lang::Uk => IdentifiedLang::Uk,
            Lang::Ru => IdentifiedLang::Ru,
        }
    }
}

/// The result of identifying a text.
#[derive(Clone, Debug, PartialEq)]
pub struct Identified {
    pub lang: IdentifiedLang,
    /// From 0.5 (a guess) to 1.
    pub confidence: f64,
    /// How many letters the decision rests on (names, URLs and, when possible, quotes left
    /// out).
    pub letters: usize,
}

/// whatlang's ISO 639-3 codes and their ISO 639-1 equivalents, for the languages a
/// Ukrainian newsroom is likely to paste.
const ISO_CODES: &[(&str, &str)] = &[
    ("eng", "en"),
    ("ukr", "uk"),
    ("rus", "ru"),
    ("bel", "be"),
    ("bul", "bg"),
    ("srp", "sr"),
    ("mkd", "mk"),
    ("pol", "pl"),
    ("ces", "cs"),
    ("slk", "sk"),
    ("slv", "sl"),
    ("hrv", "hr"),
    ("deu", "de"),
    ("fra", "fr"),
    ("spa", "es"),
    ("ita", "it"),
    ("por", "pt"),
    ("nld", "nl"),
    ("swe", "sv"),
    ("dan", "da"),
    ("nob", "nb"),
    ("fin", "fi"),
    ("est", "et"),
    ("lav", "lv"),
    ("lit", "lt"),
    ("hun", "hu"),
    ("ron", "ro"),
    ("tur", "tr"),
    ("ell", "el"),
    ("heb", "he"),
    ("ara", "ar"),
    ("kat", "ka"),
    ("hye", "hy"),
    ("aze", "az"),
    ("kaz", "kk"),
    ("uzb", "uz"),
    ("jpn", "ja"),
    ("cmn", "zh"),
    ("kor", "ko"),
    ("hin", "hi"),
    ("vie", "vi"),
    ("ind", "id"),
    ("epo", "eo"),
    ("lat", "la"),
];

fn from_whatlang(lang: whatlang::Lang) -> IdentifiedLang {
    match lang {
        whatlang::Lang::Eng => IdentifiedLang::En,
        whatlang::Lang::Ukr => IdentifiedLang::Uk,
        whatlang::Lang::Rus => IdentifiedLang::Ru,
        other => {
            let long = other.code();
            let code = ISO_CODES
                .iter()
                .find(|(l, _)| *l == long)
                .map_or(long, |(_, short)| *short);
            IdentifiedLang::Other(code.to_string())
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Script {
    Cyrillic,
    Latin,
    Other,
}

fn script_of(c: char) -> Script {
    match c {
        '\u{0400}'..='\u{052f}' | '\u{1c80}'..='\u{1c8f}' | '\u{2de0}'..='\u{2dff}' => {
            Script::Cyrillic
        }
        'a'..='z' | 'A'..='Z' | '\u{00c0}'..='\u{024f}' | '\u{1e00}'..='\u{1eff}' => Script::Latin,
        _ => Script::Other,
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Latin letters that look like Cyrillic ones, typed by mistake inside Cyrillic words
/// ("рокiв" with a Latin i is common in real Ukrainian copy).
const HOMOGLYPHS: &[(char, char)] = &[
    ('a', 'а'),
    ('c', 'с'),
    ('e', 'е'),
    ('i', 'і'),
    ('ï', 'ї'),
    ('o', 'о'),
    ('p', 'р'),
    ('x', 'х'),
    ('y', 'у'),
];

/// A word of Cyrillic letters with a few Latin lookalikes is a Cyrillic word: its lowercase
/// spelling, the end of `lowercase`, is rewritten with the Cyrillic letters.
fn fix_homoglyphs(word: &mut WordSpan, lowercase: &mut String) {
    if word.script != Script::Other {
        return;
    }
    let Some(spelling) = lowercase.get(word.start..) else {
        return;
    };
    let mixed = spelling.chars().any(|c| script_of(c) == Script::Cyrillic)
        && spelling.chars().all(|c| {
            !is_letter(c)
                || script_of(c) == Script::Cyrillic
                || HOMOGLYPHS.iter().any(|(latin, _)| *latin == c)
        });
    if mixed {
        let fixed: String = spelling
            .chars()
            .map(|c| {
                HOMOGLYPHS
                    .iter()
                    .find(|(latin, _)| *latin == c)
                    .map_or(c, |(_, cyrillic)| *cyrillic)
            })
            .collect();
        lowercase.truncate(word.start);
        lowercase.push_str(&fixed);
        word.script = Script::Cyrillic;
    }
}

/// One word of a text as identification sees it: its lowercase spelling and its shape.
#[derive(Debug)]
struct Word<'a> {
    lower: &'a str,
    span: WordSpan,
}

impl std::ops::Deref for Word<'_> {
    type Target = WordSpan;

    fn deref(&self) -> &WordSpan {
        &self.span
    }
}

/// A word whose lowercase spelling is `lowercase[start..end]`: the words of a text share one
/// string, as a string per word cost more than the rest of identification.
#[derive(Clone, Copy, Debug)]
#[cfg_attr(test, derive(PartialEq))]
struct WordSpan {
    start: usize,
    end: usize,
    script: Script,
    letters: usize,
    /// Apostrophes inside the word ("п'ять").
    apostrophes: usize,
    capitalized: bool,
    quoted: bool,
    /// Directly followed by a colon: "Photo:", "Автор:".
    label: bool,
}

impl WordSpan {
    fn word<'a>(&self, lowercase: &'a str) -> Word<'a> {
        Word {
            lower: lowercase.get(self.start..self.end).unwrap_or_default(),
            span: *self,
        }
    }
}

/// A whitespace-separated chunk that is an address, not words: URLs, e-mails, handles,
/// domains ("rbc.ua").
fn is_address(chunk: &str) -> bool {
    // Every address below has one of these characters; most words have none. Which of them
    // the chunk has spares the searches that need another: a word ending a sentence has a
    // dot only.
    let (mut dot, mut colon, mut at, mut hash) = (false, false, false, false);
    for byte in chunk.bytes() {
        match byte {
            b'.' => dot = true,
            b':' => colon = true,
            b'@' => at = true,
            b'#' => hash = true,
            _ => {}
        }
    }
    if !(dot || colon || at || hash) {
        return false;
    }
    if at || (colon && chunk.contains("://")) || chunk.starts_with('#') {
        return true;
    }
    // "www." and a domain's inner dot both need a dot.
    if !dot {
        return false;
    }
    let trimmed = chunk.trim_matches(|c: char| !is_letter_or_digit(c));
    if trimmed.starts_with("www.") {
        return true;
    }
    // A domain: letters on both sides of an inner dot, lowercase top-level part of two or
    // more letters ("bbc.co.uk"), which "U.S." and "т.д." are not.
    match trimmed.rsplit_once('.') {
        Some((head, tld)) => {
            head.chars().last().is_some_and(is_letter_or_digit)
                && tld.chars().count() >= 2
                && tld.chars().all(|c| c.is_ascii_lowercase())
        }
        None => false,
    }
}

/// `char::to_lowercase`, without its table search for the letters of news copy.
pub(crate) fn push_lowercase(out: &mut String, c: char) {
    each_lowercase(c, |l| out.push(l));
}

/// Calls `f` with each character of `c` lowercased, without the table search for ASCII and
/// the Cyrillic block.
#[inline]
pub(crate) fn each_lowercase(c: char, mut f: impl FnMut(char)) {
    match c {
        'A'..='Z' => f(c.to_ascii_lowercase()),
        '\0'..='\u{7f}' | '\u{430}'..='\u{45f}' => f(c),
        // А..Я and Ѐ..Џ: their lowercase letters are 0x20 and 0x50 further on.
        '\u{410}'..='\u{42f}' => char::from_u32(c as u32 + 0x20).into_iter().for_each(f),
        '\u{400}'..='\u{40f}' => char::from_u32(c as u32 + 0x50).into_iter().for_each(f),
        _ => c.to_lowercase().for_each(f),
    }
}

/// Where a whitespace-separated chunk of a text began, and what [`word_spans`] had found
/// before it: an address is only known as one at its end, and is then taken back.
struct ChunkStart {
    at: usize,
    words: usize,
    lowercase: usize,
    depth: usize,
    /// It has one of the characters every address has (see [`is_address`]).
    marked: bool,
}

impl ChunkStart {
    fn new(at: usize, words: &[WordSpan], lowercase: &str, depth: usize) -> ChunkStart {
        ChunkStart {
            at,
            words: words.len(),
            lowercase: lowercase.len(),
            depth,
            marked: false,
        }
    }

    /// The chunk ends before `end`: if it was an address, what it added is taken back.
    fn close(
        self,
        text: &str,
        end: usize,
        words: &mut Vec<WordSpan>,
        lowercase: &mut String,
        depth: &mut usize,
    ) {
        let address = self.marked && text.get(self.at..end).is_some_and(is_address);
        if address {
            words.truncate(self.words);
            lowercase.truncate(self.lowercase);
            *depth = self.depth;
        }
    }
}

/// Ends the word being read, if any: its spelling ends here; `label` when a colon ends it.
#[inline]
/// Writes an apostrophe between two letters into the word being read ("п'ять"), as part of
/// its spelling; false when no word is being read.
fn spell_apostrophe(current: &mut Option<WordSpan>, lowercase: &mut String) -> bool {
    let Some(word) = current.as_mut() else {
        return false;
    };
    lowercase.push('\'');
    word.apostrophes += 1;
    true
}

fn finish_word(
    current: &mut Option<WordSpan>,
    label: bool,
    lowercase: &mut String,
    words: &mut Vec<WordSpan>,
) {
    if let Some(mut word) = current.take() {
        word.label = label;
        if word.script == Script::Other {
            fix_homoglyphs(&mut word, lowercase);
        }
        word.end = lowercase.len();
        words.push(word);
    }
}

/// What [`word_spans`] needs to know of a character.
#[derive(Clone, Copy)]
struct CharShape {
    c: char,
    /// The script of a letter; `None` for everything else.
    letter: Option<Script>,
    upper: bool,
    whitespace: bool,
    /// Its lowercase form when that is one character; `None` sends the letter to
    /// [`push_lowercase`].
    lower: Option<char>,
    /// A letter that is its own lowercase form, looked up: copied from the text with the
    /// letters around it.
    copied: bool,
}

fn char_shape(c: char) -> CharShape {
    let (mut lower, mut forms) = (None, 0);
    each_lowercase(c, |l| {
        lower = Some(l);
        forms += 1;
    });
    CharShape {
        c,
        letter: is_letter(c).then(|| script_of(c)),
        upper: is_upper(c),
        whitespace: c.is_whitespace(),
        lower: if forms == 1 { lower } else { None },
        copied: false,
    }
}

/// [`char_shape`] of the characters almost all text is written in, looked up: ASCII and the
/// two-byte Cyrillic block.
struct CharShapeTable {
    ascii: [CharShape; 128],
    cyrillic: [CharShape; 256],
}

fn char_shape_table() -> &'static CharShapeTable {
    static TABLE: std::sync::OnceLock<CharShapeTable> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let shape_at = |code: u32| {
            let shape = char_shape(char::from_u32(code).unwrap_or('\0'));
            CharShape {
                copied: shape.letter.is_some() && shape.lower == Some(shape.c),
                ..shape
            }
        };
        CharShapeTable {
            ascii: std::array::from_fn(|code| shape_at(code as u32)),
            cyrillic: std::array::from_fn(|offset| shape_at(0x400 + offset as u32)),
        }
    })
}

/// The character of `text` starting at byte `at`, its length in bytes and its shape.
/// ASCII and the Cyrillic block are looked up without decoding, which cost as much as the
/// rest of [`word_spans`].
#[inline(always)]
fn shape_at(text: &str, at: usize, table: &CharShapeTable) -> Option<(CharShape, usize)> {
    let bytes = text.as_bytes();
    let lead = *bytes.get(at)?;
    let looked_up = match lead {
        0..0x80 => table.ascii.get(usize::from(lead)).map(|shape| (*shape, 1)),
        // U+0400..=U+04FF: a lead byte 0xD0..=0xD3 and one continuation byte.
        0xd0..=0xd3 => bytes.get(at + 1).and_then(|&second| {
            let code = usize::from(lead & 0x1f) << 6 | usize::from(second & 0x3f);
            code.checked_sub(0x400)
                .and_then(|offset| table.cyrillic.get(offset))
                .map(|shape| (*shape, 2))
        }),
        _ => None,
    };
    looked_up.or_else(|| {
        let c = text.get(at..)?.chars().next()?;
        Some((char_shape(c), c.len_utf8()))
    })
}

/// The shape of the letter of `text` at byte `at` when it is looked up and its own
/// lowercase form, and its length in bytes.
#[inline(always)]
fn copied_letter_at<'a>(
    text: &str,
    at: usize,
    table: &'a CharShapeTable,
) -> Option<(&'a CharShape, usize)> {
    let bytes = text.as_bytes();
    let lead = *bytes.get(at)?;
    let (shape, len) = match lead {
        0..0x80 => (table.ascii.get(usize::from(lead))?, 1),
        0xd0..=0xd3 => {
            let second = *bytes.get(at + 1)?;
            let code = usize::from(lead & 0x1f) << 6 | usize::from(second & 0x3f);
            (table.cyrillic.get(code.checked_sub(0x400)?)?, 2)
        }
        _ => return None,
    };
    shape.copied.then_some((shape, len))
}

/// The words of a text, with whether each stands inside quotation marks; their lowercase
/// spellings go to `lowercase`.
fn word_spans(text: &str, lowercase: &mut String) -> Vec<WordSpan> {
    let table = char_shape_table();
    // News words average six or more bytes with their space: one allocation, not a
    // doubling series.
    let mut words = Vec::with_capacity(text.len() / 6 + 1);
    let mut depth: usize = 0;
    // One pass over the characters, not one to split at whitespace and another to read the
    // chunks: what a chunk that turns out to be an address added is taken back at its end.
    let mut chunk: Option<ChunkStart> = None;
    let mut current: Option<WordSpan> = None;
    let mut previous: Option<char> = None;
    let mut at = 0;
    // Letters that are their own lowercase form are copied from `text` a run at a time, not
    // pushed one by one: `text[uncopied.start..uncopied.end]` is owed to `lowercase`, and is
    // copied before anything else reads or writes `lowercase`.
    let mut uncopied = 0..0;
    while let Some((shape, len)) = shape_at(text, at, table) {
        if let Some(word) = current
            .as_mut()
            .filter(|_| shape.copied && uncopied.end == at)
        {
            // The rest of the run, read in a loop of its own: most letters of a word.
            let mut last = shape;
            let mut end = at;
            let mut step = len;
            loop {
                word.letters += 1;
                if last.letter != Some(word.script) {
                    word.script = Script::Other;
                }
                end += step;
                match copied_letter_at(text, end, table) {
                    Some((shape, len)) => (last, step) = (*shape, len),
                    None => break,
                }
            }
            uncopied.end = end;
            previous = Some(last.c);
            at = end;
            continue;
        }
        let c = shape.c;
        let next = at + len;
        let before = previous.replace(c);
        copy_uncopied(text, &mut uncopied, lowercase);
        if let Some(script) = shape.letter {
            if chunk.is_none() {
                chunk = Some(ChunkStart::new(at, &words, lowercase, depth));
            }
            let word = current.get_or_insert(WordSpan {
                start: lowercase.len(),
                end: lowercase.len(),
                script,
                letters: 0,
                apostrophes: 0,
                capitalized: shape.upper,
                quoted: depth > 0,
                label: false,
            });
            match shape.lower {
                _ if shape.copied => uncopied = at..next,
                Some(lower) => lowercase.push(lower),
                None => push_lowercase(lowercase, c),
            }
            word.letters += 1;
            if script != word.script {
                word.script = Script::Other;
            }
            at = next;
            continue;
        }
        if shape.whitespace {
            finish_word(&mut current, false, lowercase, &mut words);
            // Only a chunk with one of an address's characters can be one.
            if let Some(start) = chunk.take().filter(|start| start.marked) {
                start.close(text, at, &mut words, lowercase, &mut depth);
            }
            previous = None;
            at = next;
            continue;
        }
        let start = chunk.get_or_insert_with(|| ChunkStart::new(at, &words, lowercase, depth));
        start.marked |= matches!(c, '.' | ':' | '@' | '#');
        at = next;
        let inner_apostrophe = is_apostrophe(c)
            && before.is_some_and(is_letter)
            && shape_at(text, next, table).is_some_and(|(after, _)| after.letter.is_some());
        if inner_apostrophe && spell_apostrophe(&mut current, lowercase) {
            continue;
        }
        finish_word(&mut current, c == ':', lowercase, &mut words);
        depth = quotation_depth_after(c, before, depth);
    }
    copy_uncopied(text, &mut uncopied, lowercase);
    finish_word(&mut current, false, lowercase, &mut words);
    if let Some(start) = chunk.take() {
        start.close(text, text.len(), &mut words, lowercase, &mut depth);
    }
    words
}

/// Copies the run of letters [`word_spans`] owes `lowercase`.
#[inline]
fn copy_uncopied(text: &str, uncopied: &mut std::ops::Range<usize>, lowercase: &mut String) {
    if uncopied.start < uncopied.end {
        lowercase.push_str(text.get(uncopied.clone()).unwrap_or_default());
        uncopied.start = uncopied.end;
    }
}

/// How deep inside quotation marks the text is after `c`, which follows `before`.
fn quotation_depth_after(c: char, before: Option<char>, depth: usize) -> usize {
    match c {
        '«' | '„' => depth + 1,
        '»' => depth.saturating_sub(1),
        // An opening mark stands before a word, a closing one after it.
        '"' | '“' | '”' if before.is_none_or(|b| matches!(b, '(' | '[' | '-' | '—')) => {
            depth + 1
        }
        '"' | '“' | '”' => depth.saturating_sub(1),
        _ => depth,
    }
}

/// Letters in words written in lowercase, outside URLs: the running text a translator
/// translates, as opposed to names, acronyms and addresses ("Getty Images", "ISW").
pub fn prose_letters(text: &str) -> usize {
    let mut lowercase = String::with_capacity(text.len());
    word_spans(text, &mut lowercase)
        .iter()
        .filter(|w| !w.capitalized)
        .map(|w| w.letters)
        .sum()
}

/// Identifies the language of a text, or `None` when it has too few letters, or only names,
/// to judge.
pub fn identify(text: &str) -> Option<Identified> {
    if let Some(clear) = clear_cut(text) {
        return Some(clear);
    }
    let mut lowercase = String::with_capacity(text.len());
    let spans = word_spans(text, &mut lowercase);
    let words = Words {
        spans: &spans,
        lowercase: &lowercase,
    };
    if !spans.iter().any(|w| w.quoted) {
        return identify_words(text, words, Quotes::Included);
    }
    // Quotes do not decide, unless what surrounds them is too little to be sure of
    // ("\"...\", - зазначають в ISW"): then the quote is the paragraph.
    let outside = identify_words(text, words, Quotes::LeftOut);
    if outside
        .as_ref()
        .is_some_and(|o| o.confidence >= SURE_OUTSIDE_QUOTES)
    {
        return outside;
    }
    let whole = identify_words(text, words, Quotes::Included);
    match (outside, whole) {
        (Some(o), Some(w)) if o.confidence >= w.confidence => Some(o),
        (o, w) => w.or(o),
    }
}

/// What a character tells [`clear_cut`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum ClearCutClass {
    /// Nothing: punctuation, digits, spaces.
    Neutral,
    Latin,
    Cyrillic,
    UkrainianLetter,
    RussianLetter,
    /// ы or э, which Bulgarian (writing ъ) does not write either.
    StrongRussianLetter,
    /// A quotation mark, a Belarusian ў, a letter of another script: not clear-cut.
    GiveUp,
}

/// How many [`ClearCutClass`]es there are.
const CLEAR_CUT_CLASSES: usize = ClearCutClass::GiveUp as usize + 1;

fn clear_cut_class(c: char) -> ClearCutClass {
    if matches!(c, '"' | '«' | '»' | '„' | '“' | '”') {
        return ClearCutClass::GiveUp;
    }
    if c.is_ascii() {
        return if c.is_ascii_alphabetic() {
            ClearCutClass::Latin
        } else {
            ClearCutClass::Neutral
        };
    }
    let lower = c.to_lowercase().next().unwrap_or(c);
    match script_of(lower) {
        Script::Cyrillic if lower == 'ў' => ClearCutClass::GiveUp,
        Script::Cyrillic if vocabulary(Lang::Uk).letters.contains(&lower) => {
            ClearCutClass::UkrainianLetter
        }
        Script::Cyrillic if vocabulary(Lang::Ru).letters.contains(&lower) => {
            if matches!(lower, 'ы' | 'э') {
                ClearCutClass::StrongRussianLetter
            } else {
                ClearCutClass::RussianLetter
            }
        }
        Script::Cyrillic => ClearCutClass::Cyrillic,
        Script::Latin => ClearCutClass::Latin,
        Script::Other if is_letter(c) => ClearCutClass::GiveUp,
        Script::Other => ClearCutClass::Neutral,
    }
}

/// [`clear_cut_class`] of the characters almost all text is written in, looked up: ASCII
/// and the Cyrillic block.
struct ClearCutTable {
    ascii: [ClearCutClass; 128],
    cyrillic: [ClearCutClass; 256],
}

fn clear_cut_table() -> &'static ClearCutTable {
    static TABLE: std::sync::OnceLock<ClearCutTable> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = ClearCutTable {
            ascii: [ClearCutClass::Neutral; 128],
            cyrillic: [ClearCutClass::Neutral; 256],
        };
        for (code, class) in table.ascii.iter_mut().enumerate() {
            *class = char::from_u32(code as u32).map_or(ClearCutClass::GiveUp, clear_cut_class);
        }
        for (offset, class) in table.cyrillic.iter_mut().enumerate() {
            *class = char::from_u32(0x400 + offset as u32)
                .map_or(ClearCutClass::GiveUp, clear_cut_class);
        }
        table
    })
}

/// Most paragraphs of a news article leave no doubt: plain Cyrillic prose with several
/// letters of one of our languages and none of the other's, or Latin prose full of English
/// function words, with no quotation and nothing in another script. One pass over the
/// characters settles those; the careful word-by-word judgement is for everything else.
fn clear_cut(text: &str) -> Option<Identified> {
    const MIN_PROSE: usize = 40;
    let table = clear_cut_table();
    // Tallied by class, without a branch per character: `ClearCutClass as usize` indexes.
    let mut tally = [0usize; CLEAR_CUT_CLASSES];
    let bytes = text.as_bytes();
    let mut at = 0;
    // Over bytes, not `chars`: ASCII and the two-byte Cyrillic block are looked up without
    // decoding, which cost as much as the rest of this pass.
    while let Some(&lead) = bytes.get(at) {
        let class = match lead {
            0..0x80 => {
                at += 1;
                table.ascii.get(usize::from(lead)).copied()
            }
            // U+0400..=U+04FF: a lead byte 0xD0..=0xD3 and one continuation byte.
            0xd0..=0xd3 => {
                let code = (usize::from(lead & 0x1f) << 6)
                    | usize::from(bytes.get(at + 1).copied().unwrap_or(0) & 0x3f);
                at += 2;
                code.checked_sub(0x400)
                    .and_then(|offset| table.cyrillic.get(offset))
                    .copied()
            }
            _ => {
                let c = text.get(at..).and_then(|rest| rest.chars().next());
                at += c.map_or(1, char::len_utf8);
                c.map(clear_cut_class)
            }
        }
        .unwrap_or(ClearCutClass::GiveUp);
        if class == ClearCutClass::GiveUp {
            return None;
        }
        if let Some(count) = tally.get_mut(class as usize) {
            *count += 1;
        }
    }
    let count = |class: ClearCutClass| tally.get(class as usize).copied().unwrap_or(0);
    let latin = count(ClearCutClass::Latin);
    let uk_letters = count(ClearCutClass::UkrainianLetter);
    let ru_strong = count(ClearCutClass::StrongRussianLetter);
    let ru_letters = count(ClearCutClass::RussianLetter) + ru_strong;
    let cyrillic = count(ClearCutClass::Cyrillic) + uk_letters + ru_letters;
    let sure = |lang| {
        Some(Identified {
            lang,
            confidence: 0.995,
            letters: cyrillic.max(latin),
        })
    };
    // Latin letters in Cyrillic prose are names ("ISW", "Reuters") unless there are many.
    if cyrillic >= MIN_PROSE && latin * 4 <= cyrillic {
        if uk_letters >= 3 && ru_letters == 0 {
            return sure(IdentifiedLang::Uk);
        }
        if ru_strong >= 2 && uk_letters == 0 {
            return sure(IdentifiedLang::Ru);
        }
        return None;
    }
    if latin >= MIN_PROSE && cyrillic == 0 {
        let (hits, words) = english_function_words(text);
        if hits >= 3 && 5 * hits >= words {
            return sure(IdentifiedLang::En);
        }
    }
    None
}

/// How many of the runs of ASCII letters in `text` are English function words, and how
/// many runs there are.
fn english_function_words(text: &str) -> (usize, usize) {
    let english = lexicon(Lang::En);
    let (mut hits, mut words) = (0, 0);
    // The runs are found on bytes, not characters: a character outside ASCII is made of
    // bytes that are not ASCII letters either, and ends a run the same, without being
    // decoded.
    let bytes = text.as_bytes();
    let mut run_start = None;
    // Capitalized words are lowercased here; most words are not, or are longer than any
    // function word and need no lowercasing at all.
    let mut lower = String::new();
    let mut tally = |word: &str| {
        words += 1;
        // Most words are longer than any function word, or their key (read without
        // lowercasing) matches none: neither lowercased nor hashed.
        let hit = if word.len() > english.longest_function_word
            || english
                .function_word_keys
                .get(word.len())
                .is_none_or(|keys| keys & ascii_word_key(word) == 0)
        {
            false
        } else if !word.bytes().any(|b| b.is_ascii_uppercase()) {
            english.function_words.contains(word)
        } else {
            lower.clear();
            lower.push_str(word);
            lower.make_ascii_lowercase();
            english.function_words.contains(lower.as_str())
        };
        hits += usize::from(hit);
    };
    for (at, byte) in bytes.iter().enumerate() {
        if byte.is_ascii_alphabetic() {
            run_start.get_or_insert(at);
        } else if let Some(word) = run_start.take().and_then(|start| text.get(start..at)) {
            tally(word);
        }
    }
    if let Some(word) = run_start.and_then(|start| text.get(start..)) {
        tally(word);
    }
    (hits, words)
}

/// How sure the text outside quotes must make identification for the quotes to be ignored.
const SURE_OUTSIDE_QUOTES: f64 = 0.9;

/// The words of a text and the string their lowercase spellings are in.
#[derive(Clone, Copy)]
struct Words<'a> {
    spans: &'a [WordSpan],
    lowercase: &'a str,
}

/// Whether the words inside quotation marks take part in a decision.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Quotes {
    Included,
    LeftOut,
}

impl<'a> Words<'a> {
    /// The words that take part, of `script` or of any.
    fn deciding(
        self,
        quotes: Quotes,
        script: Option<Script>,
    ) -> impl Iterator<Item = Word<'a>> + Clone {
        self.spans
            .iter()
            .filter(move |w| {
                (quotes == Quotes::Included || !w.quoted) && script.is_none_or(|s| w.script == s)
            })
            .map(move |span| span.word(self.lowercase))
    }
}

fn identify_words(text: &str, words: Words, quotes: Quotes) -> Option<Identified> {
    let (mut cyrillic, mut latin, mut latin_prose, mut other) = (0, 0, 0, 0);
    for word in words.deciding(quotes, None) {
        match word.script {
            Script::Cyrillic => cyrillic += word.letters,
            Script::Latin => {
                latin += word.letters;
                if !word.capitalized {
                    latin_prose += word.letters;
                }
            }
            Script::Other => other += word.letters,
        }
    }
    if cyrillic >= MIN_LETTERS && cyrillic >= latin_prose && cyrillic >= other {
        return Some(identify_cyrillic(
            words.deciding(quotes, Some(Script::Cyrillic)),
        ));
    }
    if latin >= MIN_LETTERS && latin >= other {
        return identify_latin(words.deciding(quotes, Some(Script::Latin)));
    }
    if other >= MIN_LETTERS {
        let info = trigram_detector::detect(text)?;
        return Some(Identified {
            lang: from_whatlang(info.lang()),
            confidence: info.confidence().max(0.5),
            letters: other,
        });
    }
    None
}

/// The lowercase spellings of `words`, separated by spaces: what the trigram detectors read.
/// `bytes` is their length, so that the string is allocated once.
fn spellings<'a>(words: impl Iterator<Item = Word<'a>>, bytes: usize) -> String {
    let mut text = String::with_capacity(bytes);
    for (index, word) in words.enumerate() {
        if index > 0 {
            text.push(' ');
        }
        text.push_str(word.lower);
    }
    text
}

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// Log-likelihood weights of the Ukrainian-against-Russian score. A distinctive letter is
/// strong evidence but not proof (a Ukrainian name left in Russian text); a word without
/// any is weak evidence for Russian, whose distinctive letters are rarer (about 2% of
/// letters against 7% for Ukrainian).
const UK_LETTER: f64 = 3.5;
const RU_LETTER: f64 = 2.4;
const NEUTRAL_LETTER: f64 = 0.05;
const FUNCTION_WORD: f64 = 2.5;
const SEQUENCE: f64 = 2.0;

/// Letters of other Cyrillic languages: Belarusian ў, Serbian ј љ њ ћ џ ђ, Macedonian ѓ ќ ѕ.
const OTHER_CYRILLIC: &[(char, &str)] = &[
    ('ў', "be"),
    ('ј', "sr"),
    ('љ', "sr"),
    ('њ', "sr"),
    ('ћ', "sr"),
    ('џ', "sr"),
    ('ђ', "sr"),
    ('ѓ', "mk"),
    ('ќ', "mk"),
    ('ѕ', "mk"),
];

/// What a lowercase letter tells [`identify_cyrillic`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum CyrillicLetter {
    /// Nothing: a letter Ukrainian and Russian share, or not a Cyrillic one.
    Plain,
    Ukrainian,
    /// ъ, Russian only before е ё ю я; `russian` when Russian writes it at all.
    HardSign {
        russian: bool,
    },
    Russian,
    /// A letter of another Cyrillic language: its index in [`OTHER_CYRILLIC`].
    Other(usize),
}

fn classify_cyrillic_letter(c: char) -> CyrillicLetter {
    let (ukrainian, russian) = (vocabulary(Lang::Uk), vocabulary(Lang::Ru));
    if ukrainian.letters.contains(&c) {
        CyrillicLetter::Ukrainian
    } else if c == 'ъ' {
        CyrillicLetter::HardSign {
            russian: russian.letters.contains(&c),
        }
    } else if russian.letters.contains(&c) {
        CyrillicLetter::Russian
    } else if let Some(index) = OTHER_CYRILLIC.iter().position(|(l, _)| *l == c) {
        CyrillicLetter::Other(index)
    } else {
        CyrillicLetter::Plain
    }
}

/// [`classify_cyrillic_letter`] of the Cyrillic block (U+0400..=U+04FF): it is asked for
/// every letter of every Cyrillic word the quick pass of [`clear_cut`] leaves.
fn cyrillic_letter_table() -> &'static [CyrillicLetter; 256] {
    static TABLE: std::sync::OnceLock<[CyrillicLetter; 256]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = [CyrillicLetter::Plain; 256];
        for (offset, letter) in table.iter_mut().enumerate() {
            if let Some(c) = char::from_u32(0x400 + offset as u32) {
                *letter = classify_cyrillic_letter(c);
            }
        }
        table
    })
}

/// [`classify_cyrillic_letter`], looked up in `table` (the [`cyrillic_letter_table`]) for
/// the Cyrillic block.
#[inline]
fn cyrillic_letter(table: &[CyrillicLetter; 256], c: char) -> CyrillicLetter {
    match u32::from(c)
        .checked_sub(0x400)
        .and_then(|offset| table.get(offset as usize))
    {
        Some(&letter) => letter,
        None => classify_cyrillic_letter(c),
    }
}

/// What a Cyrillic word's spelling tells [`identify_cyrillic`], apart from whether it is a
/// label: the same for every occurrence of the word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct CyrillicEvidence {
    uk_letters: usize,
    ru_letters: usize,
    uk_function_word: bool,
    ru_function_word: bool,
    /// Characteristic sequences and endings, of a word that is not a function word.
    uk_sequences: usize,
    ru_sequences: usize,
    /// Letters of other Cyrillic languages, counted into `others` by [`cyrillic_evidence`].
    other_letters: bool,
}

/// [`cyrillic_evidence`], remembered per thread for the words that tell nothing of other
/// Cyrillic languages: an archive's articles share most of their words, and a lookup costs
/// a fraction of reading a word's letters and searching its sequences twice.
fn cached_cyrillic_evidence<'a>(
    lower: &'a str,
    others: &mut BTreeMap<&'a str, usize>,
) -> CyrillicEvidence {
    /// The words remembered, at most; a thread forgets them all when it has that many.
    const REMEMBERED_WORDS: usize = 1 << 14;
    /// Longer words are rare and would make the memory the cache holds depend on the input.
    const LONGEST_REMEMBERED: usize = 48;
    thread_local! {
        static EVIDENCE: std::cell::RefCell<crate::hashing::FastMap<Box<str>, CyrillicEvidence>> =
            std::cell::RefCell::default();
    }
    if lower.len() > LONGEST_REMEMBERED {
        return cyrillic_evidence(lower, others);
    }
    EVIDENCE.with(|cell| {
        let Ok(mut remembered) = cell.try_borrow_mut() else {
            return cyrillic_evidence(lower, others);
        };
        if let Some(&evidence) = remembered.get(lower) {
            return evidence;
        }
        let evidence = cyrillic_evidence(lower, others);
        if !evidence.other_letters {
            if remembered.len() >= REMEMBERED_WORDS {
                remembered.clear();
            }
            remembered.insert(lower.into(), evidence);
        }
        evidence
    })
}

/// What the spelling `lower` of a Cyrillic word tells Ukrainian from Russian; letters of
/// other Cyrillic languages are counted into `others`, by language code.
fn cyrillic_evidence<'a>(
    lower: &'a str,
    others: &mut BTreeMap<&'a str, usize>,
) -> CyrillicEvidence {
    let (ukrainian, russian) = (lexicon(Lang::Uk), lexicon(Lang::Ru));
    let letter_table = cyrillic_letter_table();
    let mut evidence = CyrillicEvidence::default();
    let mut mask = 0u64;
    let mut chars = lower.chars().peekable();
    while let Some(c) = chars.next() {
        mask |= letter_bit(c);
        match cyrillic_letter(letter_table, c) {
            CyrillicLetter::Plain => {}
            CyrillicLetter::Ukrainian => evidence.uk_letters += 1,
            // Russian writes ъ only before е ё ю я; elsewhere it is Bulgarian.
            CyrillicLetter::HardSign { .. }
                if !chars.peek().is_some_and(|n| "еёюя".contains(*n)) =>
            {
                *others.entry("bg").or_default() += 1;
                evidence.other_letters = true;
            }
            CyrillicLetter::HardSign { russian: true } | CyrillicLetter::Russian => {
                evidence.ru_letters += 1;
            }
            CyrillicLetter::HardSign { russian: false } => {}
            CyrillicLetter::Other(index) => {
                if let Some((_, code)) = OTHER_CYRILLIC.get(index) {
                    *others.entry(code).or_default() += 1;
                    evidence.other_letters = true;
                }
            }
        }
    }
    for (lexicon, function_word, sequences) in [
        (
            ukrainian,
            &mut evidence.uk_function_word,
            &mut evidence.uk_sequences,
        ),
        (
            russian,
            &mut evidence.ru_function_word,
            &mut evidence.ru_sequences,
        ),
    ] {
        *function_word = lexicon.is_function_word(lower);
        if !*function_word {
            *sequences =
                lexicon.sequence_hits(lower, mask) + usize::from(lexicon.has_ending(lower));
        }
    }
    evidence
}

fn identify_cyrillic<'a>(words: impl Iterator<Item = Word<'a>> + Clone) -> Identified {
    let (ukrainian, russian) = (lexicon(Lang::Uk), lexicon(Lang::Ru));
    let mut total = 0usize;
    // The length of the words' spellings joined by spaces, should the trigrams be asked.
    let mut spelling_bytes = 0usize;
    let mut uk_letters = 0usize;
    let mut ru_letters = 0usize;
    let mut others: BTreeMap<&str, usize> = BTreeMap::new();
    let mut uk_words = 0usize;
    let mut ru_words = 0usize;
    let mut uk_sequences = 0usize;
    let mut ru_sequences = 0usize;
    for word in words.clone() {
        total += word.letters;
        spelling_bytes += word.lower.len() + 1;
        if ukrainian.raw.apostrophe_in_words {
            uk_letters += word.apostrophes;
        }
        let evidence = cached_cyrillic_evidence(word.lower, &mut others);
        uk_letters += evidence.uk_letters;
        ru_letters += evidence.ru_letters;
        uk_sequences += evidence.uk_sequences;
        ru_sequences += evidence.ru_sequences;
        for (lexicon, words, function_word) in [
            (ukrainian, &mut uk_words, evidence.uk_function_word),
            (russian, &mut ru_words, evidence.ru_function_word),
        ] {
            *words += usize::from(function_word || (word.label && lexicon.is_label(word.lower)));
        }
    }
    if let Some((code, count)) = others.iter().max_by_key(|(_, n)| **n) {
        // Belarusian writes both і and ы: a text mixing them is neither Ukrainian nor Russian.
        let mixed = uk_letters > 0 && ru_letters > 0;
        if *count >= 2 && (mixed || 2 * count >= uk_letters + ru_letters) {
            return Identified {
                lang: IdentifiedLang::Other((*code).to_string()),
                confidence: (0.6 + 0.1 * *count as f64).min(0.99),
                letters: total,
            };
        }
    }
    let neutral = total.saturating_sub(uk_letters + ru_letters);
    let mut score = UK_LETTER * uk_letters as f64
        - RU_LETTER * ru_letters as f64
        - NEUTRAL_LETTER * neutral as f64
        + FUNCTION_WORD * (uk_words as f64 - ru_words as f64)
        + SEQUENCE * (uk_sequences as f64 - ru_sequences as f64);
    if score.abs() < 2.0 {
        // No distinctive letter or word either way: let trigram statistics lean.
        if let Some(info) =
            trigram_detector::detect_ukrainian_or_russian(&spellings(words, spelling_bytes))
        {
            let lean = info.confidence().clamp(0.0, 1.0);
            score += if info.lang() == whatlang::Lang::Ukr {
                lean
            } else {
                -lean
            };
        }
    }
    let probability = sigmoid(score);
    let (lang, confidence) = if score > 0.0 {
        (IdentifiedLang::Uk, probability)
    } else {
        (IdentifiedLang::Ru, 1.0 - probability)
    };
    Identified {
        lang,
        confidence,
        letters: total,
    }
}

fn identify_latin<'a>(words: impl Iterator<Item = Word<'a>> + Clone) -> Option<Identified> {
    let english = lexicon(Lang::En);
    // One pass over the words for everything tallied, not one per tally.
    let (mut total, mut prose, mut hits, mut spelling_bytes) = (0usize, 0usize, 0usize, 0usize);
    for word in words.clone() {
        total += word.letters;
        if !word.capitalized {
            prose += word.letters;
        }
        hits += if word.label && english.is_label(word.lower) {
            2
        } else {
            usize::from(english.is_function_word(word.lower))
        };
        spelling_bytes += word.lower.len() + 1;
    }
    if prose == 0 && hits < 2 {
        // Capitalized words only: names and titles of publications, not text.
        return None;
    }
    // Enough English function words outweigh anything whatlang could say (its strongest
    // contrary vote costs 2.0 below), and whatlang is the slowest step of a check.
    let certain_score = 1.2 * hits as f64 - 0.5 - 2.0;
    if certain_score >= 3.0 {
        return Some(Identified {
            lang: IdentifiedLang::En,
            confidence: sigmoid(certain_score),
            letters: total,
        });
    }
    // From three English function words on, no whatlang verdict can outvote them below
    // (1.2 · 3 − 0.5 > 2.0, its strongest contrary vote): English, without asking it. This
    // spares whatlang, a tenth of an audit's time, on short English paragraphs.
    if hits >= 3 {
        return Some(Identified {
            lang: IdentifiedLang::En,
            confidence: sigmoid(1.2 * hits as f64 - 0.5),
            letters: total,
        });
    }
    let info = trigram_detector::detect(&spellings(words, spelling_bytes));
    // Among en, uk and ru a Latin text is English unless whatlang is sure it is another
    // language: on a short English sentence it often guesses Dutch or Danish, unsure.
    let other = info
        .as_ref()
        .filter(|i| i.lang() != whatlang::Lang::Eng && i.is_reliable())
        .map(|i| (from_whatlang(i.lang()), i.confidence().clamp(0.0, 1.0)));
    let english_lean = info
        .as_ref()
        .filter(|i| i.lang() == whatlang::Lang::Eng)
        .map_or(0.0, |i| 2.0 * i.confidence().clamp(0.0, 1.0));
    let score = 1.2 * hits as f64 + english_lean - 0.5;
    match other {
        Some((lang, confidence)) if score - 2.0 * confidence <= 0.0 => Some(Identified {
            lang,
            confidence: confidence.max(0.5),
            letters: total,
        }),
        Some((_, confidence)) => Some(Identified {
            lang: IdentifiedLang::En,
            confidence: sigmoid(score - 2.0 * confidence),
            letters: total,
        }),
        None => Some(Identified {
            lang: IdentifiedLang::En,
            confidence: sigmoid(score).max(0.5),
            letters: total,
        }),
    }
}

/// The language a whole document is written in, judged from the identification of each of
/// its paragraphs (each weighted by its letters), or `None` when no language holds a clear
/// majority.
pub fn document_language(paragraphs: &[Option<Identified>]) -> Option<Identified> {
    let mut votes: BTreeMap<IdentifiedLang, (f64, usize)> = BTreeMap::new();
    for identified in paragraphs.iter().flatten() {
        if identified.confidence < PARAGRAPH_VOTE {
            continue;
        }
        let vote = votes.entry(identified.lang.clone()).or_default();
        vote.0 += identified.letters as f64 * identified.confidence;
        vote.1 += identified.letters;
    }
    let total: f64 = votes.values().map(|(v, _)| v).sum();
    let (lang, (weight, letters)) = votes.into_iter().max_by(|a, b| a.1 .0.total_cmp(&b.1 .0))?;
    if total <= 0.0 {
        return None;
    }
    Some(Identified {
        lang,
        confidence: weight / total,
        letters,
    })
}

/// When a document of language `lang` is, as a whole, written in another language: that
/// language.
pub fn wrong_document_language(
    lang: Lang,
    paragraphs: &[Option<Identified>],
) -> Option<Identified> {
    document_language(paragraphs).filter(|identified| {
        identified.lang != IdentifiedLang::from(lang)
            && identified.confidence >= DOCUMENT_MAJORITY
            && identified.letters >= DOCUMENT_MIN_LETTERS
    })
}

/// Share of the identified letters the majority language must hold for a document to be
/// called written in it.
const DOCUMENT_MAJORITY: f64 = 0.7;
/// A document with fewer identified letters is not judged as a whole.
const DOCUMENT_MIN_LETTERS: usize = 40;
/// Paragraphs identified less surely than this do not vote.
const PARAGRAPH_VOTE: f64 = 0.75;

#[cfg(test)]
mod tests {
    use super::*;

    /// For a letter: its script, and its lowercase form when that is one character known
    /// without a table search (ASCII and the Russian and Ukrainian alphabets).
    #[inline]
    fn letter_shape(c: char) -> Option<(Script, Option<char>)> {
        match c {
            'a'..='z' => Some((Script::Latin, Some(c))),
            '\u{430}'..='\u{45f}' => Some((Script::Cyrillic, Some(c))),
            'A'..='Z' => Some((Script::Latin, Some(c.to_ascii_lowercase()))),
            // А..Я: their lowercase letters are 0x20 further on.
            '\u{410}'..='\u{42f}' => Some((Script::Cyrillic, char::from_u32(c as u32 + 0x20))),
            _ if is_letter(c) => Some((script_of(c), None)),
            _ => None,
        }
    }

    /// The per-character `word_spans` the byte-level one replaced: the reference it must
    /// agree with.
    fn word_spans_by_chars(text: &str, lowercase: &mut String) -> Vec<WordSpan> {
        // News words average six or more bytes with their space: one allocation, not a
        // doubling series.
        let mut words = Vec::with_capacity(text.len() / 6 + 1);
        let mut depth: usize = 0;
        // One pass over the characters, not one to split at whitespace and another to read the
        // chunks: what a chunk that turns out to be an address added is taken back at its end.
        let mut chunk: Option<ChunkStart> = None;
        let mut current: Option<WordSpan> = None;
        let mut previous: Option<char> = None;
        let mut chars = text.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            let before = previous.replace(c);
            if let Some((script, lower)) = letter_shape(c) {
                if chunk.is_none() {
                    chunk = Some(ChunkStart::new(at, &words, lowercase, depth));
                }
                let word = current.get_or_insert_with(|| WordSpan {
                    start: lowercase.len(),
                    end: lowercase.len(),
                    script,
                    letters: 0,
                    apostrophes: 0,
                    capitalized: is_upper(c),
                    quoted: depth > 0,
                    label: false,
                });
                match lower {
                    Some(lower) => lowercase.push(lower),
                    None => push_lowercase(lowercase, c),
                }
                word.letters += 1;
                if script != word.script {
                    word.script = Script::Other;
                }
                continue;
            }
            if c.is_whitespace() {
                finish_word(&mut current, false, lowercase, &mut words);
                // Only a chunk with one of an address's characters can be one.
                if let Some(start) = chunk.take().filter(|start| start.marked) {
                    start.close(text, at, &mut words, lowercase, &mut depth);
                }
                previous = None;
                continue;
            }
            let start = chunk.get_or_insert_with(|| ChunkStart::new(at, &words, lowercase, depth));
            start.marked |= matches!(c, '.' | ':' | '@' | '#');
            let inner_apostrophe = is_apostrophe(c)
                && before.is_some_and(is_letter)
                && chars.peek().is_some_and(|&(_, next)| is_letter(next));
            if inner_apostrophe && spell_apostrophe(&mut current, lowercase) {
                continue;
            }
            finish_word(&mut current, c == ':', lowercase, &mut words);
            depth = quotation_depth_after(c, before, depth);
        }
        finish_word(&mut current, false, lowercase, &mut words);
        if let Some(start) = chunk.take() {
            start.close(text, text.len(), &mut words, lowercase, &mut depth);
        }
        words
    }

    proptest::proptest! {
        #[test]
        fn byte_level_word_spans_agree_with_the_per_character_reference(
            text in "([a-zA-Z]{1,8}|[а-яА-ЯіїєґІЇЄҐёЁыЭЀЏѠѡ]{1,8}|[ \t\n\u{a0}\u{2009}]|['’ʼ\"«»„“”()\\[\\]—:.@#/-]|https://bbc\\.co\\.uk/news|www\\.rbc\\.ua|[0-9]{1,4}|[ÀßİǅΣσ日本ØŉẞĲ\u{301}\u{482}\u{1c80}\u{2de0}])*"
        ) {
            let (mut by_bytes, mut by_chars) = (String::new(), String::new());
            let spans = word_spans(&text, &mut by_bytes);
            let reference = word_spans_by_chars(&text, &mut by_chars);
            proptest::prop_assert_eq!(spans, reference);
            proptest::prop_assert_eq!(by_bytes, by_chars);
        }
    }

    #[test]
    fn word_spans_of_real_sentences_agree_with_the_per_character_reference() {
        let sentences = [
            "«Ми не відступимо», — заявив п’ятого травня Зеленський (фото: Reuters, www.rbc.ua).",
            "По словам Шойгу, \"операция\" идёт по плану: https://t.me/s/rian_ru #война",
            "Photo: ISW analysts said \"North Korean troops\" arrived in Kursk on Oct. 23.",
            "Рокiв із латинською i, ЁЛКИ, Ѐлка, ẞtraße and Ǆemal İstanbul",
        ];
        for text in sentences {
            let (mut by_bytes, mut by_chars) = (String::new(), String::new());
            assert_eq!(
                word_spans(text, &mut by_bytes),
                word_spans_by_chars(text, &mut by_chars),
                "{text}"
            );
            assert_eq!(by_bytes, by_chars, "{text}");
        }
    }

    fn lang_of(text: &str) -> Option<IdentifiedLang> {
        identify(text).map(|i| i.lang)
    }

    fn confident(text: &str) -> (IdentifiedLang, f64) {
        let identified = identify(text).unwrap_or_else(|| panic!("unknown: {text}"));
        (identified.lang, identified.confidence)
    }

    #[test]
    fn function_words_of_the_three_languages_are_disjoint() {
        for a in Lang::ALL {
            for b in Lang::ALL.into_iter().filter(|&b| b != a) {
                for word in vocabulary(a).function_words {
                    assert!(
                        !vocabulary(b).function_words.contains(word),
                        "{word} is a function word of {a} and {b}"
                    );
                }
            }
        }
    }

    #[test]
    fn every_function_word_passes_the_prefilter_and_other_words_do_not_match() {
        for lang in Lang::ALL {
            let lexicon = lexicon(lang);
            for word in vocabulary(lang).function_words {
                assert!(lexicon.is_function_word(word), "{word} ({lang})");
            }
        }
        // Words of the same lengths as function words, from real news sentences.
        let (en, uk, ru) = (lexicon(Lang::En), lexicon(Lang::Uk), lexicon(Lang::Ru));
        for word in ["troops", "fired", "army", "kursk", "war"] {
            assert!(!en.is_function_word(word), "{word}");
        }
        for word in ["війська", "армія", "курськ", "сили", "що"] {
            assert_eq!(uk.is_function_word(word), word == "що", "{word}");
        }
        for word in ["войска", "армия", "курск", "силы", "что"] {
            assert_eq!(ru.is_function_word(word), word == "что", "{word}");
        }
        assert!(!uk.is_function_word(""));
    }
    #[test]
    fn english_function_words_are_counted_as_the_lexicon_counts_them() {
        let sentence = "The Ministry said THAT it Was ready, but They Would not Say When: \
                        Russia has WITHDRAWN from the Talks and its Troops are Over the border.";
        let runs: Vec<&str> = sentence
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|run| !run.is_empty())
            .collect();
        let english = lexicon(Lang::En);
        for run in &runs {
            assert_eq!(
                ascii_word_key(run),
                word_key(&run.to_ascii_lowercase()),
                "{run}"
            );
        }
        let expected = runs
            .iter()
            .filter(|run| english.is_function_word(&run.to_ascii_lowercase()))
            .count();
        assert_eq!(english_function_words(sentence), (expected, runs.len()));
        // the, said, that, it, was, but, they, would, not, when, has, from, the, and, its,
        // are, over, the.
        assert_eq!(expected, 18);
    }

    /// [`Lexicon::sequence_hits`] as first written: an Aho-Corasick automaton over the
    /// sequences, run on every word whose letters allow one, counting each sequence once.
    fn sequence_hits_as_first_written(lang: Lang, lower: &str) -> usize {
        static AUTOMATA: std::sync::OnceLock<Vec<Option<aho_corasick::AhoCorasick>>> =
            std::sync::OnceLock::new();
        let automata = AUTOMATA.get_or_init(|| {
            [Lang::En, Lang::Uk, Lang::Ru]
                .iter()
                .map(|&lang| aho_corasick::AhoCorasick::new(vocabulary(lang).sequences).ok())
                .collect()
        });
        let Some(Some(automaton)) = automata.get(lang as usize) else {
            return 0;
        };
        let mut seen = 0u128;
        let mut distinct = 0;
        for found in automaton.find_overlapping_iter(lower) {
            let bit = 1u128
                .checked_shl(found.pattern().as_usize() as u32)
                .unwrap_or(0);
            if bit == 0 || seen & bit == 0 {
                seen |= bit;
                distinct += 1;
            }
        }
        distinct
    }

    /// Ukrainian, Russian and English text of the real articles in `tests/data` and
    /// `samples`: the NTREX documents, the evaluation articles and the lexicons.
    fn real_texts() -> Vec<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        let mut folders = vec![
            root.join("tests/data/ntrex128/docs"),
            root.join("tests/data/eval"),
            root.join("tests/data/lexicon"),
            root.join("samples"),
        ];
        while let Some(folder) = folders.pop() {
            let Ok(entries) = std::fs::read_dir(&folder) else {
                continue;
            };
            for path in entries.filter_map(|e| e.ok()).map(|e| e.path()) {
                if path.is_dir() {
                    folders.push(path);
                } else if path
                    .extension()
                    .is_some_and(|e| e == "txt" || e == "md" || e == "tsv")
                {
                    files.push(path);
                }
            }
        }
        files
            .iter()
            .filter_map(|path| std::fs::read_to_string(path).ok())
            .collect()
    }

    #[test]
    fn sequence_hits_are_those_first_written_on_real_words() {
        let texts = real_texts();
        assert!(texts.len() >= 300, "texts: {}", texts.len());
        let (mut compared, mut with_hits) = (0usize, 0usize);
        for text in &texts {
            let mut lowercase = String::new();
            for span in word_spans(text, &mut lowercase) {
                let word = span.word(&lowercase);
                for lang in [Lang::Uk, Lang::Ru, Lang::En] {
                    let hits = lexicon(lang).sequence_hits(word.lower, letter_mask(word.lower));
                    assert_eq!(
                        hits,
                        sequence_hits_as_first_written(lang, word.lower),
                        "{lang}: {:?}",
                        word.lower
                    );
                    compared += 1;
                    with_hits += usize::from(hits > 0);
                }
            }
        }
        assert!(
            compared > 300_000 && with_hits > 3_000,
            "{compared} {with_hits}"
        );
        // Sequences overlapping each other and repeated in one word count once each.
        assert_eq!(
            lexicon(Lang::Ru).sequence_hits("российские", letter_mask("российские")),
            1
        );
        assert_eq!(
            lexicon(Lang::Ru).sequence_hits("бииевание", letter_mask("бииевание")),
            2
        );
        assert_eq!(
            lexicon(Lang::Uk).sequence_hits("українського", letter_mask("українського")),
            1
        );
    }

    proptest::proptest! {
        #[test]
        fn sequence_hits_are_those_first_written_on_any_word(
            word in "[иеяюёнтлсзчдждськцьк'a-z]{0,16}"
        ) {
            for lang in [Lang::Uk, Lang::Ru, Lang::En] {
                proptest::prop_assert_eq!(
                    lexicon(lang).sequence_hits(&word, letter_mask(&word)),
                    sequence_hits_as_first_written(lang, &word)
                );
            }
        }
    }

    #[test]
    fn remembered_cyrillic_evidence_is_the_evidence_worked_out_on_real_words() {
        let mut remembered_at_least_once = 0usize;
        for text in real_texts() {
            let mut lowercase = String::new();
            for span in word_spans(&text, &mut lowercase) {
                let word = span.word(&lowercase);
                if word.script != Script::Cyrillic {
                    continue;
                }
                let mut others = BTreeMap::new();
                let worked_out = cyrillic_evidence(word.lower, &mut others);
                for _ in 0..2 {
                    let mut cached_others = BTreeMap::new();
                    let cached = cached_cyrillic_evidence(word.lower, &mut cached_others);
                    assert_eq!(cached, worked_out, "{:?}", word.lower);
                    assert_eq!(cached_others, others, "{:?}", word.lower);
                }
                remembered_at_least_once += usize::from(!worked_out.other_letters);
            }
        }
        assert!(
            remembered_at_least_once > 50_000,
            "{remembered_at_least_once}"
        );
        // A Bulgarian hard sign and a Serbian letter are counted on every occurrence.
        for _ in 0..2 {
            let mut others = BTreeMap::new();
            let evidence = cached_cyrillic_evidence("държава", &mut others);
            assert!(evidence.other_letters);
            assert_eq!(others.get("bg"), Some(&1));
            let mut others = BTreeMap::new();
            cached_cyrillic_evidence("љубав", &mut others);
            assert_eq!(others.get("sr"), Some(&1));
        }
        let mut others = BTreeMap::new();
        let ukrainian = cached_cyrillic_evidence("повідомлення", &mut others);
        assert_eq!((ukrainian.uk_letters, ukrainian.uk_sequences), (1, 1));
        let russian = cached_cyrillic_evidence("сообщение", &mut others);
        assert_eq!((russian.ru_letters, russian.ru_sequences), (0, 1));
        assert!(cached_cyrillic_evidence("що", &mut others).uk_function_word);
        assert!(others.is_empty());
    }

    #[test]
    fn endings_are_found_as_by_comparing_every_one() {
        let uk = "Ми зробимо все, вирішимо, коли будемо знати, як їх звати, і вони знають, \
                  що дають";
        let ru = "Новое решение, которое приняла новая власть, вызвало более сильное давление";
        for (lang, text) in [(Lang::Uk, uk), (Lang::Ru, ru)] {
            let lexicon = lexicon(lang);
            let mut found = 0;
            for word in text
                .split(|c: char| !is_letter(c))
                .filter(|w| !w.is_empty())
            {
                let lower = word.to_lowercase();
                let expected = vocabulary(lang)
                    .endings
                    .iter()
                    .any(|e| lower.len() > e.len() && lower.ends_with(e));
                assert_eq!(lexicon.has_ending(&lower), expected, "{lower}");
                found += usize::from(expected);
            }
            assert!(found >= 3, "{lang}: {found}");
        }
        assert_eq!(last_bytes(&["", "ая"]), [true; 256]);
    }

    #[test]
    fn addresses_are_told_from_words() {
        for chunk in [
            "https://www.rbc.ua/ukr/news",
            "www.pravda.com.ua",
            "rbc.ua",
            "bbc.co.uk,",
            "press@mil.gov.ua",
            "#StandWithUkraine",
            "(ft.com)",
        ] {
            assert!(is_address(chunk), "{chunk}");
        }
        for chunk in [
            "року.",
            "U.S.",
            "т.д.",
            "заявив:",
            "Reuters.",
            "10:30",
            "війни",
            "2.5",
        ] {
            assert!(!is_address(chunk), "{chunk}");
        }
    }

    #[test]
    fn long_paragraphs_in_each_language() {
        let en = "Ukrainian officials said that several thousand North Korean infantrymen are \
                  currently training in Russia and could be deployed by the end of 2024.";
        let uk = "Український посадовець також зазначив, що наразі в Росії проходять підготовку \
                  кілька тисяч північнокорейських піхотинців.";
        let ru = "Украинский чиновник также отметил, что сейчас в России проходят подготовку \
                  несколько тысяч северокорейских пехотинцев.";
        for (text, lang) in [
            (en, IdentifiedLang::En),
            (uk, IdentifiedLang::Uk),
            (ru, IdentifiedLang::Ru),
        ] {
            let (found, confidence) = confident(text);
            assert_eq!(found, lang, "{text}");
            assert!(confidence > 0.99, "{text}: {confidence}");
        }
    }

    #[test]
    fn titles_are_identified() {
        let cases = [
            (
                "Thousands of North Korean troops are fighting for Russia in Ukraine, - ISW",
                IdentifiedLang::En,
            ),
            (
                "Кілька тисяч північнокорейських військових воюють за Росію в Україні, - ISW",
                IdentifiedLang::Uk,
            ),
            (
                "Несколько тысяч северокорейских военных воюют за Россию в Украине, - ISW",
                IdentifiedLang::Ru,
            ),
            ("Війська КНДР у війні в Україні", IdentifiedLang::Uk),
        ];
        for (text, lang) in cases {
            let (found, confidence) = confident(text);
            assert_eq!(found, lang, "{text}");
            assert!(confidence > 0.9, "{text}: {confidence}");
        }
    }

    #[test]
    fn a_russian_title_without_distinctive_letters_leans_russian() {
        let (lang, confidence) = confident("Войска КНДР в войне в Украине");
        assert_eq!(lang, IdentifiedLang::Ru);
        assert!(confidence > 0.6 && confidence < 0.9, "{confidence}");
    }

    #[test]
    fn captions_and_bylines() {
        assert_eq!(lang_of("Автор: Богдан Бабаєв"), Some(IdentifiedLang::Uk));
        assert_eq!(lang_of("Author: Bohdan Babaiev"), Some(IdentifiedLang::En));
        // Without є nothing but weak evidence says Russian: a guess, not a judgement.
        let ru = identify("Автор: Богдан Бабаев");
        assert!(ru.as_ref().is_some_and(|i| i.confidence < 0.9), "{ru:?}");
        assert_eq!(
            lang_of("Фото: північнокорейські військові беруть участь у війні проти України (Getty Images)"),
            Some(IdentifiedLang::Uk)
        );
        assert_eq!(
            lang_of(
                "Фото: северокорейские военные участвуют в войне против Украины (Getty Images)"
            ),
            Some(IdentifiedLang::Ru)
        );
        assert_eq!(
            lang_of("Photo: North Korean soldiers are taking part in the war against Ukraine (Getty Images)"),
            Some(IdentifiedLang::En)
        );
    }

    #[test]
    fn names_acronyms_and_addresses_alone_are_not_judged() {
        for text in [
            "Getty Images",
            "ISW",
            "Фото: Getty Images",
            "The Washington Post",
            "Desert Island Discs",
            "https://www.rbc.ua/ukr/news/kilka-tisyach",
            "Фото: Reuters",
            "",
            "   ",
            "2024",
        ] {
            assert_eq!(lang_of(text), None, "{text}");
        }
    }

    #[test]
    fn latin_names_inside_cyrillic_text_do_not_make_it_english() {
        let uk = "За даними The Washington Post, як українські, так і південнокорейські посадовці \
                  підтверджують це (ISW, Getty Images).";
        assert_eq!(confident(uk).0, IdentifiedLang::Uk);
        let ru = "По данным The Washington Post, как украинские, так и южнокорейские чиновники \
                  подтверждают это.";
        assert_eq!(confident(ru).0, IdentifiedLang::Ru);
        assert_ne!(
            lang_of("Джерело: The Washington Post"),
            Some(IdentifiedLang::En)
        );
    }

    #[test]
    fn quotes_in_another_language_do_not_decide() {
        let uk = "Президент написав у X англійською: \"We will never give up, and we will win \
                  this war\", - повідомили в Офісі президента.";
        assert_eq!(confident(uk).0, IdentifiedLang::Uk);
        let ru = "Депутат процитировал лозунг «Слава Україні, героям слава!», после чего \
                  заявил, что поддерживает решение.";
        assert_eq!(confident(ru).0, IdentifiedLang::Ru);
        let en = "The crowd chanted \"Слава Україні\" as the president spoke about the \
                  counteroffensive.";
        assert_eq!(confident(en).0, IdentifiedLang::En);
    }

    #[test]
    fn a_paragraph_that_is_all_quote_is_judged_by_the_quote() {
        let uk = "\"Розгортання північнокорейських військ в Україні також може відкрити \
                  можливості для українських сил\", - зазначають в ISW.";
        assert_eq!(confident(uk).0, IdentifiedLang::Uk);
        let en = "\"We are ready to negotiate, but not to capitulate,\" he said.";
        assert_eq!(confident(en).0, IdentifiedLang::En);
    }

    #[test]
    fn apostrophe_and_short_words_tell_ukrainian() {
        assert_eq!(
            lang_of("П'ять загиблих та двоє поранених"),
            Some(IdentifiedLang::Uk)
        );
        assert_eq!(
            lang_of("Пять погибших и двое раненых"),
            Some(IdentifiedLang::Ru)
        );
    }

    #[test]
    fn other_languages_are_named() {
        assert_eq!(
            lang_of("Беларускія вайскоўцы правялі вучэнні каля мяжы з Украінай учора ўвечары."),
            Some(IdentifiedLang::Other("be".into()))
        );
        assert_eq!(
            lang_of("Die Bundesregierung hat am Dienstag neue Waffenlieferungen an die Ukraine angekündigt."),
            Some(IdentifiedLang::Other("de".into()))
        );
        assert_eq!(IdentifiedLang::Other("de".into()).name(), "German");
        // ъ inside a word, not before е ё ю я, is Bulgarian; ј and ћ are Serbian.
        assert_eq!(
            lang_of("Българските власти съобщиха, че ще изпратят помощ на Украйна."),
            Some(IdentifiedLang::Other("bg".into()))
        );
        assert_eq!(
            lang_of("Српска влада је најавила нову помоћ Украјини после састанка."),
            Some(IdentifiedLang::Other("sr".into()))
        );
    }

    #[test]
    fn english_lookalike_words_do_not_make_german_english() {
        // "was", "also", "is", "over" are English function words too.
        assert_eq!(
            lang_of("Was die Regierung jetzt plant, ist also klar: die Hilfe für die Ukraine wird bis zum Ende des Jahres verlängert."),
            Some(IdentifiedLang::Other("de".into()))
        );
        // A short English title with a quote is settled without whatlang, as English.
        assert_eq!(
            lang_of("\"We will not give up\": what the mayor said about the attack"),
            Some(IdentifiedLang::En)
        );
    }

    #[test]
    fn prose_letters_skip_names_and_addresses() {
        assert_eq!(prose_letters("Getty Images"), 0);
        assert_eq!(prose_letters("Фото: Getty Images"), 0);
        assert_eq!(prose_letters("Фото: архів rbc.ua"), 5);
    }

    #[test]
    fn latin_lookalikes_inside_cyrillic_words_count_as_cyrillic() {
        // "рокiв", "вiйни" typed with a Latin i.
        let (lang, confidence) = confident("Десять рокiв тому вiйна почалася");
        assert_eq!(lang, IdentifiedLang::Uk);
        assert!(confidence > 0.99);
    }

    #[test]
    fn ukrainian_without_its_letters_is_told_by_spelling_and_words() {
        for text in [
            "Прокуратура розгляне обвинувачення.",
            "Ви надали документ?",
            "Ми не будемо коментувати його справи.",
        ] {
            assert_eq!(confident(text).0, IdentifiedLang::Uk, "{text}");
        }
        for text in [
            "Прокуратура рассмотрит обвинение.",
            "Это новое решение суда.",
        ] {
            assert_eq!(confident(text).0, IdentifiedLang::Ru, "{text}");
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in [
            "'", "\"", "«»", "п'", "'п", ":", "a:b", "ʼʼʼ", "\u{0301}", "ў",
        ] {
            let _ = identify(text);
            let _ = prose_letters(text);
        }
    }
}
