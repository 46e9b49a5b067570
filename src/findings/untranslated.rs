#![doc = include_str!("untranslated.md")]

use super::compare::{join_langs, GroupView};
use super::{Check, Detected, Finding, Severity, Span};
use crate::article::CheckOptions;
use crate::facts::language::{self, Identified};
use crate::facts::tokens::is_letter_or_digit;
use crate::lang::Lang;
use crate::paragraphs::Paragraph;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

pub const DOCUMENTATION: &str = include_str!("untranslated.md");

/// How sure identification must be before a paragraph is said to be in another language.
pub const MIN_CONFIDENCE: f64 = 0.9;
/// Fewer letters of running text than this (names, acronyms, URLs and numbers left out)
/// are a caption or a name, which versions legitimately share ("Getty Images", "ISW").
pub const MIN_PROSE_LETTERS: usize = 20;
/// Two versions this alike (normalized Levenshtein similarity after lowercasing and
/// collapsing punctuation) are one text that was not translated.
pub const SAME_TEXT: f64 = 0.9;

/// How many characters of a paragraph a span quotes, to show which one is meant.
const QUOTED_CHARS: usize = 40;

pub fn check(group: &GroupView, options: &CheckOptions) -> Vec<Finding> {
    let texts: BTreeMap<Lang, (Vec<&Paragraph>, Cow<str>)> = group
        .present
        .iter()
        .map(|&lang| {
            let paragraphs = group.paragraphs_of(lang);
            let text = match paragraphs.as_slice() {
                [single] => Cow::Borrowed(single.text.as_str()),
                _ => Cow::Owned(
                    paragraphs
                        .iter()
                        .map(|p| p.text.as_str())
                        .collect::<Vec<_>>()
                        .join("\n"),
                ),
            };
            (lang, (paragraphs, text))
        })
        .collect();
    let mut findings = Vec::new();
    let mut reported: BTreeSet<Lang> = BTreeSet::new();
    for (&lang, (paragraphs, text)) in &texts {
        let Some(identified) = identified_text(group, lang, paragraphs, text) else {
            continue;
        };
        let Some(written_in) = identified.lang.lang() else {
            continue;
        };
        if written_in == lang {
            continue;
        }
        let sure = identified.confidence >= MIN_CONFIDENCE
            && identified.letters >= MIN_PROSE_LETTERS
            && language::prose_letters(text) >= MIN_PROSE_LETTERS;
        if !sure || file_is_in_another_language(group, lang) {
            continue;
        }
        reported.insert(lang);
        let message = format!(
            "{lang} ¶{} is in {}, not {}",
            numbers(paragraphs),
            written_in.name(),
            lang.name()
        );
        findings.push(finding(group, lang, paragraphs, message, Some(&identified)));
    }
    let langs: Vec<Lang> = texts.keys().copied().collect();
    for (i, &a) in langs.iter().enumerate() {
        for &b in langs.iter().skip(i + 1) {
            if reported.contains(&a) || reported.contains(&b) {
                continue;
            }
            let (Some((a_paragraphs, a_text)), Some((b_paragraphs, b_text))) =
                (texts.get(&a), texts.get(&b))
            else {
                continue;
            };
            if !same_text(a_text, b_text)
                || language::prose_letters(a_text) < MIN_PROSE_LETTERS
                || file_is_in_another_language(group, a)
                || file_is_in_another_language(group, b)
            {
                continue;
            }
            let identified = identified_text(group, a, a_paragraphs, a_text);
            let written_in = identified.as_ref().and_then(|i| i.lang.lang());
            let outlier = match written_in {
                Some(l) if l == a => Some(b),
                Some(l) if l == b => Some(a),
                _ => match options.source {
                    Some(source) if source == a => Some(b),
                    Some(source) if source == b => Some(a),
                    _ => None,
                },
            };
            let (a_numbers, b_numbers) = (numbers(a_paragraphs), numbers(b_paragraphs));
            let finding = match outlier {
                Some(odd) => {
                    let (odd_paragraphs, other, other_numbers) = if odd == a {
                        (a_paragraphs, b, &b_numbers)
                    } else {
                        (b_paragraphs, a, &a_numbers)
                    };
                    let message = format!(
                        "{odd} ¶{} is the same text as {other} ¶{other_numbers}: not translated",
                        numbers(odd_paragraphs)
                    );
                    reported.insert(odd);
                    finding(group, odd, odd_paragraphs, message, identified.as_ref())
                }
                None => {
                    let message = format!(
                        "{} ¶{a_numbers} and ¶{b_numbers} are the same text: one is not translated",
                        join_langs(&[a, b])
                    );
                    let mut f = finding(group, a, a_paragraphs, message, identified.as_ref());
                    f.outlier = None;
                    f.spans
                        .extend(b_paragraphs.iter().map(|p| opening_span(b, p)));
                    f
                }
            };
            findings.push(finding);
        }
    }
    findings
}

/// True when `lang`'s whole file is in another language: `wrong-language` reports that
/// once, and every paragraph of the file would repeat it.
/// The language of a group's text in one version: the pipeline's identification for a
/// single paragraph, a fresh one for paragraphs the group joins.
fn identified_text(
    group: &GroupView,
    lang: Lang,
    paragraphs: &[&Paragraph],
    text: &str,
) -> Option<Identified> {
    let article = group.article;
    match paragraphs {
        [paragraph] => article
            .documents
            .iter()
            .position(|d| d.lang == lang)
            .and_then(|d| {
                article
                    .identified
                    .get(d)?
                    .get(paragraph.number.checked_sub(1)?)
            })
            .cloned()
            .flatten(),
        _ => language::identify(text),
    }
}

fn file_is_in_another_language(group: &GroupView, lang: Lang) -> bool {
    group.article.wrong_language_of(lang).is_some()
}

/// "7", "7-8".
fn numbers(paragraphs: &[&Paragraph]) -> String {
    let numbers: Vec<usize> = paragraphs.iter().map(|p| p.number).collect();
    match (numbers.first(), numbers.last()) {
        (Some(first), Some(last)) if first != last => format!("{first}-{last}"),
        (Some(first), _) => first.to_string(),
        _ => String::new(),
    }
}

/// Lowercase letters and digits, every run of anything else one space: quotes, dashes and
/// spacing do not make two texts different.
fn comparable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    each_comparable_char(text, |c| out.push(c));
    out
}

/// Calls `f` with each character of [`comparable`]`(text)`, without building it.
fn each_comparable_char(text: &str, mut f: impl FnMut(char)) {
    let (mut gap, mut started) = (false, false);
    for c in text.chars() {
        if is_letter_or_digit(c) {
            if gap && started {
                f(' ');
            }
            gap = false;
            started = true;
            language::each_lowercase(c, &mut f);
        } else {
            gap = true;
        }
    }
}

/// True when two texts are one text, give or take a few characters.
pub fn same_text(a: &str, b: &str) -> bool {
    // Texts in different scripts differ in bytes per letter: no need to compare them.
    let (short, long) = (a.len().min(b.len()), a.len().max(b.len()));
    if (short as f64) < 0.75 * long as f64 {
        return false;
    }
    if !may_be_similar(a, b) {
        return false;
    }
    let (a, b) = (comparable(a), comparable(b));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    // Similarity 0.9 needs lengths within 10% of each other; word sets must overlap a lot.
    if (la.min(lb) as f64) < SAME_TEXT * la.max(lb) as f64 {
        return false;
    }
    let (words_a, words_b) = (distinct_words(&a), distinct_words(&b));
    let shared = shared_count(&words_a, &words_b);
    let union = (words_a.len() + words_b.len() - shared).max(1);
    if (shared as f64) < 0.5 * union as f64 {
        return false;
    }
    // Levenshtein takes time in the product of the lengths: two paragraphs of 100,000
    // characters would take minutes. Texts whose first few thousand characters are one text
    // are one text.
    let (a, b) = (head(&a, SAME_TEXT_PREFIX), head(&b, SAME_TEXT_PREFIX));
    strsim::normalized_levenshtein(a, b) >= SAME_TEXT
}

/// False when the compared heads of two texts' [`comparable`] forms cannot reach
/// [`SAME_TEXT`] similarity: an edit script keeps at most the characters they have in common,
/// so the Levenshtein distance is at least the longer length minus that. Counted in one pass
/// over the raw texts, with characters outside ASCII and Cyrillic sharing buckets (which can
/// only make the texts look more alike), this turns away Ukrainian/Russian pairs before
/// anything is built.
fn may_be_similar(a: &str, b: &str) -> bool {
    let mut difference = [0i32; BUCKETS];
    let la = tally_comparable(a, 1, &mut difference);
    let lb = tally_comparable(b, -1, &mut difference);
    // Summed in 32 bits, which the compiler does four at a time: at most
    // 2 × SAME_TEXT_PREFIX characters were counted.
    let unmatched = difference.iter().map(|d| d.unsigned_abs()).sum::<u32>() as usize;
    let common = (la + lb).saturating_sub(unmatched) / 2;
    let longest = la.max(lb);
    if longest == 0 {
        return true;
    }
    let distance_at_least = longest - common.min(longest);
    1.0 - distance_at_least as f64 / longest as f64 >= SAME_TEXT
}

/// Adds `step` to the bucket of each of the first [`SAME_TEXT_PREFIX`] characters of
/// [`comparable`]`(text)` and returns how many there were: `each_comparable_char`, with the
/// characters of news copy looked up in a table.
fn tally_comparable(text: &str, step: i32, counts: &mut [i32; BUCKETS]) -> usize {
    let table = comparable_buckets();
    let space = bucket(' ');
    let mut length = 0usize;
    let (mut space_due, mut started) = (false, false);
    let mut chars = text.chars();
    // While two more characters cannot reach the limit, a character found in the table (one
    // letter, perhaps after one space) is counted without checking the limit for each: this
    // loop runs over every character of most paragraph pairs.
    while length + 2 <= SAME_TEXT_PREFIX {
        let Some(c) = chars.next() else {
            return length;
        };
        let entry = table.get(c as usize).copied().unwrap_or(LOOK_UP);
        if entry < LOOK_UP {
            if space_due {
                count(counts, space, step);
                length += 1;
            }
            count(counts, usize::from(entry), step);
            length += 1;
            space_due = false;
            started = true;
        } else if entry == GAP || !is_letter_or_digit(c) {
            space_due = started;
        } else {
            if space_due {
                count_within_prefix(counts, &mut length, space, step);
            }
            space_due = false;
            started = true;
            language::each_lowercase(c, |l| {
                count_within_prefix(counts, &mut length, bucket(l), step);
            });
        }
    }
    for c in chars {
        if length >= SAME_TEXT_PREFIX {
            break;
        }
        let entry = table.get(c as usize).copied().unwrap_or(LOOK_UP);
        if entry == GAP || (entry == LOOK_UP && !is_letter_or_digit(c)) {
            space_due = started;
            continue;
        }
        if space_due {
            count_within_prefix(counts, &mut length, space, step);
        }
        space_due = false;
        started = true;
        if entry == LOOK_UP {
            language::each_lowercase(c, |l| {
                count_within_prefix(counts, &mut length, bucket(l), step);
            });
        } else {
            count_within_prefix(counts, &mut length, usize::from(entry), step);
        }
    }
    length
}

fn count(counts: &mut [i32; BUCKETS], bucket: usize, step: i32) {
    // Buckets are below BUCKETS, a power of two: the remainder only spares a bounds check.
    counts[bucket % BUCKETS] += step;
}

fn count_within_prefix(counts: &mut [i32; BUCKETS], length: &mut usize, bucket: usize, step: i32) {
    if *length < SAME_TEXT_PREFIX {
        *length += 1;
        count(counts, bucket, step);
    }
}

/// How [`may_be_similar`] counts characters: characters outside ASCII and Cyrillic share
/// buckets (which can only make two texts look more alike).
const BUCKETS: usize = 0x200;

fn bucket(c: char) -> usize {
    let code = u32::from(c) as usize;
    match code {
        0..=0x7f => code,
        0x400..=0x4ff => 0x80 + code - 0x400,
        _ => 0x180 + code % 0x80,
    }
}

/// In [`comparable_buckets`]: a character that is neither a letter nor a digit.
const GAP: u16 = u16::MAX;
/// In [`comparable_buckets`]: a character to look up (one that lowercases to several).
const LOOK_UP: u16 = u16::MAX - 1;

/// For each character below U+0500: [`GAP`], or the bucket of its lowercase letter, or
/// [`LOOK_UP`]. Built from the functions [`each_comparable_char`] calls, so that it answers
/// as they do.
fn comparable_buckets() -> &'static [u16; 0x500] {
    static TABLE: std::sync::OnceLock<[u16; 0x500]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = [LOOK_UP; 0x500];
        for (code, entry) in table.iter_mut().enumerate() {
            let Some(c) = char::from_u32(code as u32) else {
                continue;
            };
            if !is_letter_or_digit(c) {
                *entry = GAP;
                continue;
            }
            let mut lower = Vec::new();
            language::each_lowercase(c, |l| lower.push(l));
            if let [single] = lower.as_slice() {
                *entry = u16::try_from(bucket(*single)).unwrap_or(LOOK_UP);
            }
        }
        table
    })
}

/// The words of a comparable text, sorted, each once.
fn distinct_words(text: &str) -> Vec<&str> {
    let mut words: Vec<&str> = text.split(' ').collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// How many words two sorted lists of distinct words share.
fn shared_count(a: &[&str], b: &[&str]) -> usize {
    let (mut a, mut b) = (a.iter().peekable(), b.iter().peekable());
    let mut shared = 0;
    while let (Some(x), Some(y)) = (a.peek(), b.peek()) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => {
                a.next();
            }
            std::cmp::Ordering::Greater => {
                b.next();
            }
            std::cmp::Ordering::Equal => {
                shared += 1;
                a.next();
                b.next();
            }
        }
    }
    shared
}

/// How many characters of two texts `same_text` compares letter by letter.
const SAME_TEXT_PREFIX: usize = 2_000;

/// The first `chars` characters of `text`.
fn head(text: &str, chars: usize) -> &str {
    text.char_indices()
        .nth(chars)
        .and_then(|(end, _)| text.get(..end))
        .unwrap_or(text)
}

fn opening_span(lang: Lang, paragraph: &Paragraph) -> Span {
    let pos = paragraph.position(0);
    let text: String = paragraph.text.chars().take(QUOTED_CHARS).collect();
    let end = text.chars().count();
    Span {
        lang,
        line: pos.line,
        column: pos.column,
        text,
        paragraph: paragraph.number,
        start: 0,
        end,
    }
}

fn finding(
    group: &GroupView,
    outlier: Lang,
    paragraphs: &[&Paragraph],
    message: String,
    identified: Option<&Identified>,
) -> Finding {
    Finding {
        check: Check::Untranslated,
        severity: Severity::Error,
        message,
        outlier: Some(outlier),
        group: group.index,
        paragraphs: group.paragraph_numbers(),
        values: BTreeMap::new(),
        spans: paragraphs
            .iter()
            .map(|p| opening_span(outlier, p))
            .collect(),
        detected: identified.map(detected),
    }
}

/// A language identification as findings report it, confidence to two decimals.
pub fn detected(identified: &Identified) -> Detected {
    Detected {
        lang: identified.lang.code().to_string(),
        confidence: (identified.confidence * 100.0).round() / 100.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_text_is_recognized_through_typography() {
        assert!(same_text(
            "«Розгортання військ в Україні також може відкрити можливості», - зазначають в ISW.",
            "\"Розгортання військ в Україні також може відкрити можливості\" — зазначають в ISW"
        ));
        assert!(!same_text(
            "Аналітики ISW не змогли визначити, скільки військових Росія може розгорнути.",
            "Аналитики ISW не смогли определить, сколько военных Россия может развернуть."
        ));
        assert!(!same_text("", ""));
    }

    #[test]
    fn the_quick_bound_never_turns_away_a_similar_pair() {
        let original = "аналітики isw не змогли визначити скільки військових росія може розгорнути";
        let variants = [
            original.to_string(),
            original.replacen("змогли", "змгли", 1),
            original.replacen("росія", "россия", 1),
            original.replacen("може", "можуть", 1),
            original.replacen(" ", "", 3),
            format!("{original} вже"),
            original.replacen("скільки", "сколько", 1),
            "аналитики isw не смогли определить сколько военных россия может развернуть"
                .to_string(),
        ];
        for variant in &variants {
            let similar = strsim::normalized_levenshtein(original, variant) >= SAME_TEXT;
            assert_eq!(comparable(variant), *variant);
            if similar {
                assert!(may_be_similar(original, variant), "{variant}");
            }
        }
        assert!(!may_be_similar(original, variants.last().unwrap()));
    }

    /// [`tally_comparable`] as its documentation says: the buckets of the first
    /// [`SAME_TEXT_PREFIX`] characters of [`each_comparable_char`].
    fn reference_tally(text: &str) -> ([i32; BUCKETS], usize) {
        let (mut counts, mut length) = ([0i32; BUCKETS], 0usize);
        each_comparable_char(text, |c| {
            if length < SAME_TEXT_PREFIX {
                length += 1;
                if let Some(count) = counts.get_mut(bucket(c)) {
                    *count += 1;
                }
            }
        });
        (counts, length)
    }

    fn fast_tally(text: &str) -> ([i32; BUCKETS], usize) {
        let mut counts = [0i32; BUCKETS];
        let length = tally_comparable(text, 1, &mut counts);
        (counts, length)
    }

    #[test]
    fn tallies_read_news_copy_as_the_comparable_text_does() {
        let long = "Аналітики ISW не змогли визначити, скільки військових Росія може розгорнути. "
            .repeat(40);
        for text in [
            "«Розгортання військ в Україні також може відкрити можливості», - зазначають в ISW.",
            "Аналитики ISW не смогли определить — ЁЛКИ, ЪЫЭ, ҐЄЇІ — 13,5 %.",
            "İstanbul ΣΊΣΥΦΟΣ straße Ǆemal ﬁnal — café naïve e\u{301}",
            "",
            "   ",
            long.as_str(),
        ] {
            assert_eq!(fast_tally(text), reference_tally(text), "{text}");
        }
    }

    proptest::proptest! {
        #[test]
        fn tallies_agree_with_the_comparable_text(text in "[a-zA-Z0-9 ,.«»іїєґІЇЄҐа-яА-ЯёЁыЭъ\u{300}-\u{36f}İßǅΣ\u{4c0}-\u{4ff}\u{1f600}-\u{1f64f}]{0,400}") {
            proptest::prop_assert_eq!(fast_tally(&text), reference_tally(&text));
        }
    }
}
