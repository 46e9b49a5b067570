//! Anchors: the parts of a paragraph that survive translation unchanged once normalized.
//!
//! Every anchor is a string with a kind prefix, so that one sorted list holds them all:
//! - `fact:<key>` a number or date ([`crate::facts::FactValue::key`]), `weak:<key>` the same
//!   for a weak fact ("one", "first");
//! - `name:<skeleton>` a capitalized word that does not start a sentence, or a Latin word in
//!   Cyrillic text, reduced to a [`name_skeleton`] so that "Путіна", "Путина" and "Putin" meet;
//! - `quote` when the paragraph quotes someone.

use super::ParagraphFeatures;
use crate::facts::tokens::{ends_sentence, tokenize, Token, TokenKind};
use crate::facts::tokens::{is_letter, is_letter_or_digit};
use crate::facts::Fact;
use crate::lang::Lang;
use unicode_normalization::UnicodeNormalization;

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
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnchorKind {
    Fact,
    WeakFact,
    Name,
    Quote,
}

/// The kind of `anchor` and the part two anchors must share to match: a weak and a strong
/// fact with the same value match.
pub fn classify(anchor: &str) -> (AnchorKind, &str) {
    if let Some(key) = anchor.strip_prefix(FACT_PREFIX) {
        (AnchorKind::Fact, key)
    } else if let Some(key) = anchor.strip_prefix(WEAK_FACT_PREFIX) {
        (AnchorKind::WeakFact, key)
    } else if anchor == QUOTE_ANCHOR {
        (AnchorKind::Quote, anchor)
    } else {
        (AnchorKind::Name, anchor)
    }
}

/// Features of one paragraph, from its text and the facts already extracted from it.
pub fn features(text: &str, lang: Lang, facts: &[Fact]) -> ParagraphFeatures {
    features_from_tokens(text, &tokenize(text), lang, facts)
}

/// [`features`] from the paragraph's tokens.
pub fn features_from_tokens(
    text: &str,
    tokens: &[Token],
    lang: Lang,
    facts: &[Fact],
) -> ParagraphFeatures {
    let mut anchors: Vec<String> = facts
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
    anchors.extend(name_words(tokens, lang).filter_map(|word| name_anchor(word, lang)));
    if has_quotation(text) {
        anchors.push(QUOTE_ANCHOR.to_string());
    }
    anchors.sort();
    anchors.dedup();
    ParagraphFeatures {
        chars: text.chars().count(),
        anchors,
    }
}

/// The anchor of a word likely to be a name ("name:trm" for "Трампа"), remembered per thread:
/// names recur through an article and an archive, and transliterating them is most of the
/// cost of the anchors.
fn name_anchor(word: &str, lang: Lang) -> Option<String> {
    thread_local! {
        static ANCHORS: crate::memo::Memory<Option<Box<str>>> = Default::default();
    }
    crate::memo::remembered(&ANCHORS, lang, word, 20_000, || {
        name_skeleton(&lang.transliterate(word)).map(|s| format!("{NAME_PREFIX}{s}").into())
    })
    .map(String::from)
}

/// Words likely to be names: capitalized words that do not start a sentence, and, in a
/// Cyrillic text, every Latin word ("The Boston Globe", "iPhone").
fn name_words<'a>(tokens: &[Token<'a>], lang: Lang) -> impl Iterator<Item = &'a str> {
    let mut words = Vec::new();
    let mut sentence_start = true;
    let mut previous_word: Option<&Token> = None;
    for token in tokens {
        match token.kind {
            TokenKind::Word => {
                let latin_in_cyrillic =
                    lang != Lang::En && token.text.chars().all(|c| c.is_ascii_alphabetic());
                if latin_in_cyrillic || (token.is_capitalized() && !sentence_start) {
                    words.push(token.text);
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
    words.into_iter()
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

/// True when one of the eight bytes of `word` is one of [`QUOTE_LEAD_BYTES`] (the classic
/// test for a zero byte, on the word xor each byte repeated: exact for whether any byte is).
#[inline(always)]
fn holds_quote_lead_byte(word: u64) -> bool {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);
    QUOTE_LEAD_BYTES.iter().fold(0, |found, &byte| {
        let differences = word ^ (ONES * u64::from(byte));
        found | (differences.wrapping_sub(ONES) & !differences & HIGHS)
    }) != 0
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
    // Transliterations are ASCII, which decomposition leaves as it is.
    let letters: Vec<u8> = if latin.is_ascii() {
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
    };
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
                    assert_eq!(name_anchor(word, lang), afresh, "{word} {lang:?}");
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
        for f in [&en, &uk, &ru] {
            assert!(f.anchors.contains(&elizabeth), "{:?}", f.anchors);
            assert!(
                f.anchors.iter().any(|a| a == QUOTE_ANCHOR),
                "{:?}",
                f.anchors
            );
        }
        // "Warren", "Воррен" and "Уоррен" meet.
        for f in [&en, &uk, &ru] {
            assert!(
                f.anchors.contains(&format!("{NAME_PREFIX}vrn")),
                "{:?}",
                f.anchors
            );
        }
        // The sentence-initial "Сенатор" is an ordinary word.
        assert!(!uk.anchors.contains(&format!("{NAME_PREFIX}snt")));
        assert_eq!(features("Києві", Lang::Uk, &[]).chars, 5);
    }

    #[test]
    fn latin_words_in_cyrillic_text_are_anchors_whatever_their_case() {
        let uk = features(
            "Видання The Boston Globe повідомляє, що компанія випустила оновлення для iPhone.",
            Lang::Uk,
            &[],
        );
        for key in ["bst", "hlb", "afn"] {
            assert!(
                uk.anchors.contains(&format!("{NAME_PREFIX}{key}")),
                "{key}: {:?}",
                uk.anchors
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
        let mut sorted = f.anchors.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(f.anchors, sorted);
        assert_eq!(
            f.anchors,
            vec![format!("{NAME_PREFIX}trm"), format!("{NAME_PREFIX}vsn")]
        );
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
