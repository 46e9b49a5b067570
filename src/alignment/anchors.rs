//! Anchors: the parts of a paragraph that survive translation unchanged once normalized.
//!
//! Every anchor has a kind and a text, and reads as a string with a kind prefix, so that one
//! sorted list holds them all:
//! - `fact:<key>` a number or date ([`crate::facts::FactValue::key`]), `weak:<key>` the same
//!   for a weak fact ("one", "first");
//! - `name:<skeleton>` a capitalized word that does not start a sentence, or a Latin word in
//!   Cyrillic text, reduced to a [`name_skeleton`] so that "Путіна", "Путина" and "Putin" meet;
//! - `quote` when the paragraph quotes someone.
//!
//! Anchors are built for every paragraph of every article, so they are small values (the
//! text inline, no allocation) and the kind is known without parsing the string again.

use super::ParagraphFeatures;
use crate::facts::tokens::{ends_sentence, tokenize, Token, TokenKind};
use crate::facts::tokens::{is_letter, is_letter_or_digit};
use crate::facts::{DateValue, Fact, FactValue, NumberValue};
use crate::hashing::FastMap;
use crate::lang::Lang;
use std::cell::RefCell;
use std::cmp::Ordering;
use std::fmt;

pub const FACT_PREFIX: &str = "fact:";
pub const WEAK_FACT_PREFIX: &str = "weak:";
pub const NAME_PREFIX: &str = "name:";
pub const QUOTE_ANCHOR: &str = "quote";

/// How many skeleton symbols a name anchor keeps. Three is the stem of most names; a fourth
/// would often be the consonant of a Slavic case ending ("Путін" / "Путіним").
const SKELETON_SYMBOLS: usize = 3;
/// Shorter skeletons ("Joe" → "j") say too little to be an anchor.
const MIN_SKELETON_SYMBOLS: usize = 2;

/// The kind of an anchor, from its prefix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AnchorKind {
    Fact,
    WeakFact,
    Name,
    Quote,
}

/// One anchor, as its string form ("fact:2024", "weak:1", "name:trm", "quote"). Anchors are
/// built for every paragraph, sorted and interned, so the string is kept inline when it fits
/// (nearly always: every name, nearly every fact), where comparing it is comparing three
/// words, and the kind is read from its first bytes.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Anchor(Form);

/// How many bytes of a string form fit inline; the last byte of the inline array holds the
/// length.
const INLINE_BYTES: usize = 23;

/// A string form, inline exactly when it fits, so that equal strings are equal values (the
/// derived comparison and hash see one representation).
#[derive(Clone, PartialEq, Eq, Hash)]
enum Form {
    /// The bytes, padded with zeros, then the length. Read as big-endian words the array
    /// orders as the strings do: two strings that differ do so in their first 23 bytes, where
    /// a shorter one's padding sorts below any byte the longer one has, as a prefix sorts
    /// before the strings it starts; equal strings have equal lengths.
    Inline([u8; INLINE_BYTES + 1]),
    Heap(Box<str>),
}

impl Form {
    /// The concatenation of `parts`.
    fn new(parts: &[&str]) -> Form {
        let len: usize = parts.iter().map(|part| part.len()).sum();
        if len > INLINE_BYTES {
            return Form::Heap(parts.concat().into());
        }
        let mut bytes = [0u8; INLINE_BYTES + 1];
        let mut end = 0;
        for part in parts {
            if let Some(slot) = bytes.get_mut(end..end + part.len()) {
                slot.copy_from_slice(part.as_bytes());
            }
            end += part.len();
        }
        bytes[INLINE_BYTES] = len as u8;
        Form::Inline(bytes)
    }

    fn as_bytes(&self) -> &[u8] {
        match self {
            Form::Inline(bytes) => {
                let len = bytes.last().map_or(0, |&len| usize::from(len));
                bytes.get(..len).unwrap_or_default()
            }
            Form::Heap(text) => text.as_bytes(),
        }
    }

    /// Inline forms are whole strings (concatenations of `&str`), so this never fails.
    fn as_str(&self) -> &str {
        match self {
            Form::Inline(_) => std::str::from_utf8(self.as_bytes()).unwrap_or_default(),
            Form::Heap(text) => text,
        }
    }
}

/// The words of an inline form, big-endian: they compare as the string does.
#[inline(always)]
fn ordered_words(bytes: &[u8; INLINE_BYTES + 1]) -> [u64; 3] {
    let word = |n: usize| {
        let mut chunk = [0u8; 8];
        if let Some(part) = bytes.get(n * 8..n * 8 + 8) {
            chunk.copy_from_slice(part);
        }
        u64::from_be_bytes(chunk)
    };
    [word(0), word(1), word(2)]
}

/// Which anchors are one for the alignment: a fact and a weak fact with the same key, and
/// otherwise equal strings. An inline weak fact reads as its fact; a fact's or name's string
/// is inline or not by its length alone, so each anchor has one identity.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Identity<'a> {
    Inline([u8; INLINE_BYTES + 1]),
    FactKey(&'a str),
    Whole(&'a str),
}

impl Anchor {
    /// The anchor written as `anchor` ("fact:2024", "weak:1", "name:trm", "quote"). A string
    /// without a fact prefix that is not "quote" is a name, whole: "km" and "name:km" are two
    /// names with the same skeleton.
    pub fn parse(anchor: &str) -> Anchor {
        Anchor(Form::new(&[anchor]))
    }

    fn quote() -> Anchor {
        Anchor::parse(QUOTE_ANCHOR)
    }

    pub fn kind(&self) -> AnchorKind {
        classify(self.0.as_bytes()).0
    }

    /// The part two anchors must share to match: the key of a fact, weak or not; the whole
    /// anchor otherwise.
    pub fn key(&self) -> &str {
        let text = self.0.as_str();
        let prefix = classify(text.as_bytes()).1;
        text.get(prefix..).unwrap_or(text)
    }

    /// The kind and the identity, for interning.
    pub(super) fn interning_key(&self) -> (AnchorKind, Identity<'_>) {
        (self.kind(), self.identity())
    }

    /// A name's skeleton: the anchor without its "name:" prefix.
    pub(super) fn name_skeleton(&self) -> &[u8] {
        let bytes = self.0.as_bytes();
        bytes.strip_prefix(NAME_PREFIX.as_bytes()).unwrap_or(bytes)
    }

    fn identity(&self) -> Identity<'_> {
        match &self.0 {
            Form::Inline(bytes) => {
                let mut bytes = *bytes;
                if let Some(prefix) = bytes.get_mut(..WEAK_FACT_PREFIX.len()) {
                    if prefix == WEAK_FACT_PREFIX.as_bytes() {
                        prefix.copy_from_slice(FACT_PREFIX.as_bytes());
                    }
                }
                Identity::Inline(bytes)
            }
            Form::Heap(text) => match classify(text.as_bytes()) {
                (AnchorKind::Fact | AnchorKind::WeakFact, prefix) => {
                    Identity::FactKey(text.get(prefix..).unwrap_or(text))
                }
                _ => Identity::Whole(text),
            },
        }
    }
}

/// The kind of an anchor's string form, and the length of its kind prefix.
#[inline]
fn classify(anchor: &[u8]) -> (AnchorKind, usize) {
    if anchor.starts_with(FACT_PREFIX.as_bytes()) {
        (AnchorKind::Fact, FACT_PREFIX.len())
    } else if anchor.starts_with(WEAK_FACT_PREFIX.as_bytes()) {
        (AnchorKind::WeakFact, WEAK_FACT_PREFIX.len())
    } else if anchor == QUOTE_ANCHOR.as_bytes() {
        (AnchorKind::Quote, 0)
    } else {
        (AnchorKind::Name, 0)
    }
}

impl Ord for Anchor {
    /// The order of the string forms, on which the alignment's ids (and so the order of its
    /// float sums) depend.
    fn cmp(&self, other: &Self) -> Ordering {
        match (&self.0, &other.0) {
            (Form::Inline(first), Form::Inline(second)) => {
                ordered_words(first).cmp(&ordered_words(second))
            }
            (first, second) => first.as_bytes().cmp(second.as_bytes()),
        }
    }
}

impl PartialOrd for Anchor {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Anchor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.as_str())
    }
}

impl fmt::Debug for Anchor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.0.as_str())
    }
}

impl ParagraphFeatures {
    /// Features from anchors in their string form ("fact:12000", "name:trm", "quote"), kept in
    /// the order given (tests and benchmarks build features this way).
    pub fn from_strings<S: AsRef<str>>(chars: usize, anchors: &[S]) -> Self {
        ParagraphFeatures {
            chars,
            anchors: anchors.iter().map(|a| Anchor::parse(a.as_ref())).collect(),
        }
    }

    /// The anchors in their string form.
    pub fn anchor_strings(&self) -> Vec<String> {
        self.anchors.iter().map(Anchor::to_string).collect()
    }
}

/// Features of one paragraph, from its text and the facts already extracted from it.
pub fn features(text: &str, lang: Lang, facts: &[Fact]) -> ParagraphFeatures {
    features_from_tokens(text.chars().count(), text, &tokenize(text), lang, facts)
}

/// [`features`] from the paragraph's length in characters and its tokens.
pub fn features_from_tokens(
    chars: usize,
    text: &str,
    tokens: &[Token],
    lang: Lang,
    facts: &[Fact],
) -> ParagraphFeatures {
    let mut anchors: Vec<Anchor> = Vec::with_capacity(facts.len() + 8);
    anchors.extend(facts.iter().map(fact_anchor));
    for_each_name_word(tokens, lang, |word| {
        if let Some(anchor) = name_anchor(word, lang) {
            anchors.push(anchor);
        }
    });
    if has_quotation(text) {
        anchors.push(Anchor::quote());
    }
    anchors.sort_unstable();
    anchors.dedup();
    ParagraphFeatures { chars, anchors }
}

/// A fact value as its structure, for remembering its key.
#[derive(PartialEq, Eq, Hash)]
enum FactIdentity {
    Number(NumberValue),
    Date(DateValue),
}

/// How many fact anchors a thread remembers before it starts afresh.
const FACT_ANCHOR_MEMORY: usize = 20_000;

/// The anchor of a fact ("fact:" or "weak:" and [`FactValue::key`]), remembered per thread:
/// formatting a number or a date allocates several strings, and the same values recur
/// through an article.
fn fact_anchor(fact: &Fact) -> Anchor {
    thread_local! {
        static ANCHORS: RefCell<FastMap<(FactIdentity, bool), Anchor>> = Default::default();
    }
    let compute = || {
        let prefix = if fact.weak {
            WEAK_FACT_PREFIX
        } else {
            FACT_PREFIX
        };
        Anchor(Form::new(&[prefix, &fact.value.key()]))
    };
    let identity = match &fact.value {
        FactValue::Number(number) => FactIdentity::Number(number.clone()),
        FactValue::Date(date) => FactIdentity::Date(*date),
    };
    ANCHORS.with(|anchors| {
        let Ok(mut anchors) = anchors.try_borrow_mut() else {
            return compute();
        };
        let key = (identity, fact.weak);
        if anchors.len() >= FACT_ANCHOR_MEMORY && !anchors.contains_key(&key) {
            anchors.clear();
        }
        anchors.entry(key).or_insert_with(compute).clone()
    })
}

/// The anchor of a word likely to be a name ("name:trm" for "Трампа"), remembered per thread:
/// names recur through an article and an archive, and transliterating them is most of the
/// cost of the anchors.
fn name_anchor(word: &str, lang: Lang) -> Option<Anchor> {
    thread_local! {
        static ANCHORS: crate::memo::Memory<Option<Anchor>> = Default::default();
    }
    crate::memo::remembered(&ANCHORS, lang, word, 20_000, || {
        name_skeleton(&lang.transliterate(word))
            .map(|skeleton| Anchor(Form::new(&[NAME_PREFIX, &skeleton])))
    })
}

/// Calls `found` with every word likely to be a name: capitalized words that do not start a
/// sentence, and, in a Cyrillic text, every Latin word ("The Boston Globe", "iPhone").
fn for_each_name_word<'a>(tokens: &[Token<'a>], lang: Lang, mut found: impl FnMut(&'a str)) {
    let mut sentence_start = true;
    let mut previous_word: Option<&Token> = None;
    for token in tokens {
        match token.kind {
            TokenKind::Word => {
                // A byte is an ASCII letter only if it is one whole character.
                let latin_in_cyrillic =
                    lang != Lang::En && token.text.bytes().all(|b| b.is_ascii_alphabetic());
                if latin_in_cyrillic || (!sentence_start && starts_with_capital(token)) {
                    found(token.text);
                }
                sentence_start = false;
                previous_word = Some(token);
            }
            TokenKind::Digits => {
                sentence_start = false;
                previous_word = None;
            }
            TokenKind::Punct => {
                if ends_sentence(token, previous_word) {
                    sentence_start = true;
                }
                // Quotes, brackets and dashes do not end the sentence; the word they follow
                // still decides whether a full stop is an abbreviation.
            }
        }
    }
}

/// [`Token::is_capitalized`] of a word, answered from its first bytes for ASCII and the basic
/// Cyrillic letters (U+0400–U+045F: capitals up to U+042F), which nearly every word starts
/// with.
#[inline]
fn starts_with_capital(word: &Token) -> bool {
    match word.text.as_bytes() {
        [first, ..] if first.is_ascii() => first.is_ascii_uppercase(),
        [0xd0, second, ..] => *second < 0xb0,
        [0xd1, second, ..] if *second < 0xa0 => false,
        _ => word.is_capitalized(),
    }
}

/// True when the paragraph quotes: guillemets, typographic or straight double quotes, or a
/// single quote opening a word ("a 'hard look'"; an apostrophe inside "it's" is not one).
pub fn has_quotation(text: &str) -> bool {
    // Every quotation mark starts with one of QUOTE_LEAD_BYTES: only there is a character
    // decoded. Eight bytes are tested at once, since most texts have few such bytes.
    let mut chunks = text.as_bytes().chunks_exact(8);
    let mut offset = 0;
    for chunk in &mut chunks {
        if let Ok(&bytes) = <&[u8; 8]>::try_from(chunk) {
            if holds_quote_lead_byte(u64::from_le_bytes(bytes))
                && quotation_starts_within(text, offset, offset + 8)
            {
                return true;
            }
        }
        offset += 8;
    }
    quotation_starts_within(text, offset, text.len())
}

/// The first byte of ", ', « », and “ ” „ ‘ ’.
const QUOTE_LEAD_BYTES: [u8; 4] = [b'"', b'\'', 0xc2, 0xe2];

/// True when one of the eight bytes of `word` may be one of [`QUOTE_LEAD_BYTES`]: the bytes
/// that differ from one only in bit 5 (0xC2, 0xE2) or in bits 0 and 2 (0x22 to 0x27, which
/// lets '#' and '&' through) are tested as two, and [`quotation_starts_within`] looks
/// closer. Each test is the classic one for a zero byte, on the word xor the byte repeated:
/// exact for whether any byte is.
#[inline(always)]
fn holds_quote_lead_byte(word: u64) -> bool {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);
    let zero_byte = |differences: u64| differences.wrapping_sub(ONES) & !differences & HIGHS;
    let non_ascii = (word | (ONES * 0x20)) ^ (ONES * 0xe2);
    let ascii = (word & !(ONES * 0x05)) ^ (ONES * u64::from(b'"'));
    zero_byte(non_ascii) | zero_byte(ascii) != 0
}

/// True when a quotation mark starts at a byte offset in `from..to` of `text`.
fn quotation_starts_within(text: &str, from: usize, to: usize) -> bool {
    let candidates = text
        .as_bytes()
        .get(from..to)
        .unwrap_or_default()
        .iter()
        .enumerate()
        .filter(|(_, b)| QUOTE_LEAD_BYTES.contains(b))
        .map(|(at, _)| from + at);
    for at in candidates {
        let (Some(before), Some(after)) = (text.get(..at), text.get(at..)) else {
            continue;
        };
        let mut rest = after.chars();
        match rest.next() {
            Some('«' | '»' | '“' | '”' | '„' | '"' | '‘') => return true,
            Some('\'' | '’') => {
                let opens = !before.chars().next_back().is_some_and(is_letter_or_digit);
                if opens && rest.next().is_some_and(is_letter) {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

/// A coarse consonant skeleton of a Latin (or transliterated) word, shared as often as
/// possible by the English, Ukrainian and Russian forms of one name: "Zelensky",
/// "zelenskyi" (Зеленський), "zelenskiy" (Зеленский) → "zln".
///
/// Transliteration systems disagree mostly on vowels (y/i/ie/ye), on г (h/g/kh), on doubled
/// letters and on digraphs; Slavic case endings add vowels and, after the stem, consonants.
/// So: digraphs become one symbol ("shch", "sch", "sh" → s; "zh" → z; "ch" → c; "kh", "gh",
/// "g", "h" → h; "ts", "tz" → s; "th" → t; "ph" → f; "dzh", "dj", "j" → j; "ng" → n;
/// "w" and a word-initial "u" before a vowel → v; "c" → s before e/i/y, else k; "q" → k;
/// "x" → ks), doubled symbols collapse,
/// vowels and a non-initial h disappear, a word-initial vowel becomes "a", and only the first
/// three symbols are kept. "Київ" / "Kiev" / "Kyiv" → "kv", "Пхеньян" / "Pyongyang" → "pnn".
/// Returns `None` when fewer than two symbols remain.
pub fn name_skeleton(latin: &str) -> Option<String> {
    const VOWEL: u8 = b'a';
    let letters = crate::facts::names::latin_letters(latin);
    let mut symbols: Vec<u8> = Vec::with_capacity(letters.len());
    let mut rest: &[u8] = &letters;
    while let Some(&first) = rest.first() {
        let (produced, used): (&[u8], usize) = match rest {
            [b's', b'h', b'c', b'h', ..] => (b"s", 4),
            [b's', b'c', b'h', ..] => (b"s", 3),
            [b'd', b'z', b'h', ..] => (b"j", 3),
            [b's', b'h', ..] => (b"s", 2),
            [b'z', b'h', ..] => (b"z", 2),
            [b'c', b'h', ..] => (b"c", 2),
            [b'k', b'h', ..] | [b'g', b'h', ..] => (b"h", 2),
            [b'p', b'h', ..] => (b"f", 2),
            [b't', b'h', ..] => (b"t", 2),
            [b't', b's', ..] | [b't', b'z', ..] => (b"s", 2),
            [b'd', b'j', ..] => (b"j", 2),
            [b'c', b'k', ..] => (b"k", 2),
            [b'n', b'g', ..] => (b"n", 2),
            [b'c', b'e' | b'i' | b'y', ..] => (b"s", 1),
            // Russian and Ukrainian write an English initial W as У ("Уоррен", "Уельс").
            [b'u', b'a' | b'e' | b'i' | b'o', ..] if symbols.is_empty() => (b"v", 1),
            [b'c' | b'q', ..] => (b"k", 1),
            [b'x', ..] => (b"ks", 1),
            [b'w', ..] => (b"v", 1),
            [b'g', ..] => (b"h", 1),
            [b'a' | b'e' | b'i' | b'o' | b'u' | b'y', ..] => (&[VOWEL], 1),
            _ => (std::slice::from_ref(&first), 1),
        };
        for &symbol in produced {
            if symbols.last() != Some(&symbol) {
                symbols.push(symbol);
            }
        }
        rest = rest.get(used..).unwrap_or_default();
    }
    let mut skeleton = String::with_capacity(SKELETON_SYMBOLS);
    for (position, &symbol) in symbols.iter().enumerate() {
        if position == 0 || (symbol != VOWEL && symbol != b'h') {
            skeleton.push(symbol as char);
        }
        if skeleton.len() == SKELETON_SYMBOLS {
            break;
        }
    }
    (skeleton.len() >= MIN_SKELETON_SYMBOLS).then_some(skeleton)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skeleton(word: &str, lang: Lang) -> Option<String> {
        name_skeleton(&lang.transliterate(word))
    }

    /// The same name in the three languages, as news agencies write it.
    fn assert_same_name(en: &str, uk: &str, ru: &str) {
        let en_key = skeleton(en, Lang::En);
        assert!(en_key.is_some(), "{en} has no skeleton");
        assert_eq!(skeleton(uk, Lang::Uk), en_key, "{uk} vs {en}");
        assert_eq!(skeleton(ru, Lang::Ru), en_key, "{ru} vs {en}");
    }

    #[test]
    fn names_meet_across_scripts_and_transliteration_systems() {
        assert_same_name("Zelensky", "Зеленський", "Зеленский");
        assert_same_name("Washington", "Вашингтон", "Вашингтон");
        assert_same_name("Donetsk", "Донецьк", "Донецк");
        assert_same_name("Narozhnyy", "Нарожний", "Нарожный");
        assert_same_name("Babaiev", "Бабаєв", "Бабаев");
        assert_same_name("Pyongyang", "Пхеньян", "Пхеньян");
        assert_same_name("Putin", "Путіна", "Путина");
        assert_same_name("Kharkiv", "Харкові", "Харькове");
        assert_same_name("Massachusetts", "Массачусетсі", "Массачусетсе");
        assert_same_name("Elizabeth", "Елізабет", "Элизабет");
        assert_same_name("Alexander", "Олександр", "Александр");
        assert_same_name("Russia", "Росії", "России");
        assert_same_name("Angela", "Ангела", "Ангела");
        assert_same_name("William", "Вільям", "Уильям");
        assert_same_name("Wales", "Уельсі", "Уэльсе");
        // Київ / Киев / Kyiv differ only in vowels, which the skeleton ignores.
        assert_same_name("Kyiv", "Києві", "Киеве");
    }

    #[test]
    fn remembered_anchors_are_those_computed_afresh_in_each_language() {
        let words = [
            "Трампа",
            "Гаррі",
            "Putin",
            "Київ",
            "Хелена",
            "Щорс",
            "Юлія",
            "Яо",
        ];
        for _ in 0..2 {
            for lang in Lang::ALL {
                for word in words {
                    let afresh =
                        name_skeleton(&lang.transliterate(word)).map(|s| format!("name:{s}"));
                    assert_eq!(
                        name_anchor(word, lang).map(|anchor| anchor.to_string()),
                        afresh,
                        "{word} {lang:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn case_endings_keep_the_stem() {
        let key = skeleton("Трамп", Lang::Uk);
        assert_eq!(key.as_deref(), Some("trm"));
        for form in ["Трампа", "Трампом", "Трампові", "Трампу"] {
            assert_eq!(skeleton(form, Lang::Uk), key, "{form}");
        }
        assert_eq!(skeleton("Путіним", Lang::Uk), skeleton("Putin", Lang::En));
    }

    #[test]
    fn different_names_stay_apart() {
        let names = [
            ("Trump", Lang::En),
            ("Warren", Lang::En),
            ("Diehl", Lang::En),
            ("Boston", Lang::En),
            ("Holyoke", Lang::En),
            ("Зеленський", Lang::Uk),
            ("Порошенко", Lang::Uk),
            ("Москва", Lang::Ru),
        ];
        let keys: Vec<Option<String>> = names.iter().map(|(w, l)| skeleton(w, *l)).collect();
        for (i, a) in keys.iter().enumerate() {
            for b in keys.iter().skip(i + 1) {
                assert_ne!(a, b);
            }
        }
    }

    #[test]
    fn too_short_words_are_not_anchors() {
        assert_eq!(name_skeleton("joe"), None);
        assert_eq!(name_skeleton("ohio"), None);
        assert_eq!(name_skeleton(""), None);
        assert_eq!(name_skeleton("---"), None);
    }

    #[test]
    fn capitalized_words_inside_sentences_become_name_anchors() {
        let en = features(
            "U.S. Sen. Elizabeth Warren says she'll take a \"hard look at running for president\".",
            Lang::En,
            &[],
        );
        let uk = features(
            "Сенатор США Елізабет Воррен заявила, що після виборів у листопаді вона \"серйозно подумає про балотування на пост президента\".",
            Lang::Uk,
            &[],
        );
        let ru = features(
            "Сенатор США Элизабет Уоррен заявила, что после выборов в ноябре она \"серьезно подумает о том, чтобы баллотироваться в президенты\".",
            Lang::Ru,
            &[],
        );
        let elizabeth = format!("{NAME_PREFIX}alz");
        let [en, uk, ru] = [en, uk, ru].map(|f| f.anchor_strings());
        for anchors in [&en, &uk, &ru] {
            assert!(anchors.contains(&elizabeth), "{anchors:?}");
            assert!(anchors.iter().any(|a| a == QUOTE_ANCHOR), "{anchors:?}");
        }
        // "Warren", "Воррен" and "Уоррен" meet.
        for anchors in [&en, &uk, &ru] {
            assert!(
                anchors.contains(&format!("{NAME_PREFIX}vrn")),
                "{anchors:?}"
            );
        }
        // The sentence-initial "Сенатор" is an ordinary word.
        assert!(!uk.contains(&format!("{NAME_PREFIX}snt")));
        assert_eq!(features("Києві", Lang::Uk, &[]).chars, 5);
    }

    #[test]
    fn latin_words_in_cyrillic_text_are_anchors_whatever_their_case() {
        let uk = features(
            "Видання The Boston Globe повідомляє, що компанія випустила оновлення для iPhone.",
            Lang::Uk,
            &[],
        );
        let anchors = uk.anchor_strings();
        for key in ["bst", "hlb", "afn"] {
            assert!(
                anchors.contains(&format!("{NAME_PREFIX}{key}")),
                "{key}: {anchors:?}"
            );
        }
    }

    #[test]
    fn apostrophes_are_not_quotations() {
        assert!(!has_quotation("It's the army's job, Kyiv's mayor said."));
        assert!(!has_quotation("Вони м'ясо з'їли."));
        assert!(has_quotation(
            "Warren plans to take a 'hard look' at running"
        ));
        assert!(has_quotation("Він сказав: «Ми переможемо»."));
        assert!(!has_quotation(""));
        assert!(has_quotation("Sanders took a ‘hard look’ at the bill."));
        assert!(has_quotation("“We will rebuild,” the mayor said."));
        assert!(has_quotation("Он назвал это „провокацией“."));
        assert!(!has_quotation("Ціна — 13,5 € за кілограм ’"));
        // '#' and '&' share the quotes' test of eight bytes at once, not what follows it.
        assert!(!has_quotation(
            "Bonnie & Clyde, #1 at the box office, AT&T's share"
        ));
        assert!(has_quotation("Компанія AT&T назвала угоду «історичною»."));
    }

    #[test]
    fn quotation_marks_are_found_at_every_offset_of_a_long_paragraph() {
        // The marks are looked for eight bytes at a time: each must be found wherever it
        // falls in such a block, and dashes and apostrophes, which share lead bytes, must
        // not be taken for one.
        let quiet = "Міністр сказав — ціна зросла на 13,5 % у м'ясі, it's the mayor's call – ";
        assert!(!has_quotation(quiet));
        for mark in ["«", "»", "“", "”", "„", "\"", "‘", " 'hard"] {
            for shift in 0..9 {
                let text = format!("{}{mark} кінець", &"Kyiv, ".repeat(3)[..shift + 1]);
                assert!(has_quotation(&text), "{text}");
                let text = format!("{quiet}{}{mark}", "x".repeat(shift));
                assert!(has_quotation(&text), "{text}");
            }
        }
    }

    #[test]
    fn anchors_are_sorted_and_unique() {
        let f = features(
            "Президент зустрівся з Трампом, а потім Трамп поїхав до Вашингтона.",
            Lang::Uk,
            &[],
        );
        let mut sorted = f.anchor_strings();
        sorted.sort();
        sorted.dedup();
        assert_eq!(f.anchor_strings(), sorted);
        assert_eq!(
            f.anchor_strings(),
            vec![format!("{NAME_PREFIX}trm"), format!("{NAME_PREFIX}vsn")]
        );
    }

    /// Anchors as the pipeline writes them, and some no extractor makes: names without their
    /// prefix, keys too long to be kept inline, an empty string, non-ASCII and a zero byte.
    const ANCHOR_STRINGS: &[&str] = &[
        "fact:2024",
        "fact:2024-06",
        "fact:13.5%",
        "fact:40500000000",
        "fact:several 1000",
        "fact:Wednesday 14 September 2024",
        "fact:Wednesday 14 September 2025",
        "fact:12345678901234567890",
        "fact:1234567890123456789",
        "weak:1",
        "weak:2024",
        "weak:Wednesday 14 September 2024",
        "weak:12345678901234567890",
        "name:trm",
        "name:km",
        "name:kmm",
        "name:tr",
        "quote",
        "quotes",
        "km",
        "kmx",
        "",
        "Київ",
        "name:a\0b",
        "name:a",
        "name:abcdefghijklmnopqrstuvwxyz",
        "name:abcdefghijklmnopqr",
        "name:abcdefghijklmnopqs",
    ];

    #[test]
    fn anchors_order_and_compare_as_their_strings() {
        for first in ANCHOR_STRINGS {
            let anchor = Anchor::parse(first);
            assert_eq!(&anchor.to_string(), first);
            for second in ANCHOR_STRINGS {
                let other = Anchor::parse(second);
                assert_eq!(
                    anchor.cmp(&other),
                    first.cmp(second),
                    "{first:?} {second:?}"
                );
                assert_eq!(anchor == other, first == second, "{first:?} {second:?}");
            }
        }
    }

    #[test]
    fn a_fact_and_a_weak_fact_with_one_value_are_one_anchor_for_the_alignment() {
        let kind = |anchor: &str| Anchor::parse(anchor).interning_key().0;
        let one = |first: &str, second: &str| {
            Anchor::parse(first).interning_key().1 == Anchor::parse(second).interning_key().1
        };
        for key in [
            "2024",
            "Wednesday 14 September 2024",
            "12345678901234567890",
        ] {
            let (fact, weak) = (format!("fact:{key}"), format!("weak:{key}"));
            assert_eq!(kind(&fact), AnchorKind::Fact);
            assert_eq!(kind(&weak), AnchorKind::WeakFact);
            assert!(one(&fact, &weak), "{key}");
            assert!(!one(&fact, "fact:2025"), "{key}");
            // A name spelled like the key is another anchor.
            assert!(!one(key, &fact), "{key}");
            assert!(!one(&format!("name:{key}"), &fact), "{key}");
        }
        assert_eq!(kind("quote"), AnchorKind::Quote);
        assert_eq!(kind("name:trm"), AnchorKind::Name);
        assert!(!one("km", "name:km"));
        assert!(one("name:km", "name:km"));
        assert_eq!(Anchor::parse("name:kmm").name_skeleton(), b"kmm");
        assert_eq!(Anchor::parse("km").name_skeleton(), b"km");
        assert_eq!(Anchor::parse("weak:13.5%").key(), "13.5%");
        assert_eq!(Anchor::parse("name:trm").key(), "name:trm");
    }

    #[test]
    fn fact_anchors_are_the_fact_keys() {
        let sentences = [
            (
                "У 2024 році ЄС виділив Україні 13,5 млрд євро, а 14 березня 2024 року — ще один транш.",
                Lang::Uk,
            ),
            (
                "В 2024 году ЕС выделил Украине 13,5 млрд евро, а 14 марта 2024 года — еще один транш.",
                Lang::Ru,
            ),
            (
                "In 2024 the EU gave Ukraine €13.5 billion, and on March 14, 2024 one more tranche.",
                Lang::En,
            ),
        ];
        for (text, lang) in sentences {
            let facts = crate::facts::extract(text, lang);
            assert!(facts.len() >= 3, "{facts:?}");
            let expected: Vec<String> = facts
                .iter()
                .map(|f| {
                    let prefix = if f.weak {
                        WEAK_FACT_PREFIX
                    } else {
                        FACT_PREFIX
                    };
                    format!("{prefix}{}", f.value)
                })
                .collect();
            // Twice: the second time the keys are remembered.
            for _ in 0..2 {
                let anchors = features(text, lang, &facts).anchor_strings();
                for key in &expected {
                    assert!(anchors.contains(key), "{key}: {anchors:?}");
                }
            }
        }
    }

    #[test]
    fn capitals_are_read_from_the_first_bytes_as_from_the_first_character() {
        let first_characters = ('\0'..='\u{700}')
            .chain('\u{1e00}'..='\u{1f00}')
            .chain(['Ґ', 'ґ', 'Є', 'є', 'І', 'і', 'Ї', 'ї', 'Ё', 'ё', 'ẞ', 'Σ']);
        for first in first_characters {
            let word = format!("{first}ва");
            let token = Token {
                kind: TokenKind::Word,
                text: &word,
                lower: std::borrow::Cow::Borrowed(&word),
                start: 0,
                end: 3,
                byte_start: 0,
                gap_before: "",
            };
            assert_eq!(
                starts_with_capital(&token),
                token.is_capitalized(),
                "{first:?}"
            );
        }
    }

    #[test]
    fn odd_text_does_not_panic() {
        for text in ["", " ", ".", "...", "'", "«", "A.", "Ω Ж ß", "\u{301}Ж"] {
            for lang in Lang::ALL {
                let _ = features(text, lang, &[]);
            }
        }
    }
}
