//! whatlang's answers, at a fraction of its cost.
//!
//! `whatlang::detect` scores a Latin-script text against 37 language profiles of 300
//! trigrams each by looking every profile trigram up in the text's trigrams: some 11,000
//! hash lookups (about 500 K instructions) whatever the length of the text, the most
//! expensive step of a check. The same distances can be summed the other way round, each
//! trigram of the text looked up once in an index of all profiles (trigram → languages and
//! ranks), in time proportional to the text. This module does that and repeats every other
//! step of whatlang's default ("combined") method as whatlang performs it: the script
//! decision, the alphabet scores, their weights, the order of the sorts, the confidence.
//! Its answers are whatlang's, bit for bit (the tests compare them on real text); a text it
//! does not reproduce (a character whose script whatlang might judge otherwise, no
//! trigram at all) is handed to whatlang itself.
//!
//! The profiles are a copy of whatlang's (`trigram_profiles.rs`), which it does not export.

use super::trigram_profiles;
use crate::hashing::FastMap;
use std::cmp::{Ordering, Reverse};
use std::sync::OnceLock;
use whatlang::{Info, Lang, Script};

/// whatlang's `MAX_TRIGRAM_DISTANCE`: how far apart a trigram's ranks in the text and in a
/// profile may be; also the cost of a profile trigram the text lacks.
const MAX_TRIGRAM_DISTANCE: i64 = 300;
const MAX_TOTAL_DISTANCE: i64 = MAX_TRIGRAM_DISTANCE * MAX_TRIGRAM_DISTANCE;
/// How many of the text's most frequent trigrams whatlang ranks.
const TEXT_TRIGRAMS_SIZE: usize = 600;

/// Alphabets of whatlang's Latin-script languages (`alphabets/latin.rs`).
const LATIN_ALPHABETS: &[(Lang, &str)] = &[
    (Lang::Afr, "abcdefghijklmnopqrstuvwxyzáèéêëíîïóôúû"),
    (Lang::Aka, "abdefghiklmnoprstuwyɔɛ"),
    (Lang::Aze, "abcdefghijklmnopqrstuvxyzçöüğışə̇"),
    (Lang::Cat, "abcdefghijklmnopqrstuvwxyz·àçèéíïòóúü"),
    (Lang::Ces, "abcdefghijklmnopqrstuvwxyzáéíóúýčďěňřšťůž"),
    (Lang::Cym, "abcdefghijklmnopqrstuvwxyzàáâäèéêëìíîïòóôöùúûüýÿŵŷẁẃẅỳ"),
    (Lang::Dan, "abcdefghijklmnopqrstuvwxyzåæø"),
    (Lang::Deu, "abcdefghijklmnopqrstuvwxyzßäöü"),
    (Lang::Eng, "abcdefghijklmnopqrstuvwxyz"),
    (Lang::Epo, "abcdefghijklmnoprstuvzĉĝĥĵŝŭ"),
    (Lang::Est, "abcdefghijklmnopqrstuvwxyzäõöü"),
    (Lang::Fin, "abcdefghijklmnopqrstuvwxyzäöšž"),
    (Lang::Fra, "abcdefghijklmnopqrstuvwxyzàâçèéêëîïôùûüÿœ"),
    (Lang::Hrv, "abcdefghijklmnopqrstuvwxyzćčđšž"),
    (Lang::Hun, "abcdefghijklmnopqrstuvwxyzáéíóöúüőű"),
    (Lang::Ind, "abcdefghijklmnopqrstuvwxyz"),
    (Lang::Ita, "abcdefghijklmnopqrstuvwxyzàèéìòù"),
    (Lang::Jav, "abcdefghijklmnopqrstuvwxyzèé"),
    (Lang::Lat, "abcdefghijklmnopqrstuvwxyz"),
    (Lang::Lav, "abcdefghijklmnopqrstuvwxyzāčēģīķļņōŗšūž"),
    (Lang::Lit, "abcdefghijklmnopqrstuvwxyząčėęįšūųž"),
    (Lang::Nld, "abcdefghijklmnopqrstuvwxyzàèéëïĳ"),
    (Lang::Nob, "abcdefghijklmnopqrstuvwxyzåæø"),
    (Lang::Pol, "abcdefghijklmnopqrstuvwxyzóąćęłńśźż"),
    (Lang::Por, "abcdefghijklmnopqrstuvwxyzàáâãçéêíóôõú"),
    (Lang::Ron, "abcdefghijklmnopqrstuvwxyzâîăşţ"),
    (Lang::Slk, "abcdefghijklmnopqrstuvwxyzáäéíóôúýčďĺľňŕšťž"),
    (Lang::Slv, "abcdefghijklmnopqrstuvwxyzčšž"),
    (Lang::Sna, "abcdefghijklmnopqrstuvwxyz"),
    (Lang::Spa, "abcdefghijklmnopqrstuvwxyz¡¿áéíñóúü"),
    (Lang::Swe, "abcdefghijklmnopqrstuvwxyzäåö"),
    (Lang::Tgl, "abcdefghijklmnopqrstuvwxyzáéíñóú"),
    (Lang::Tuk, "abdefghijklmnoprstuwyzäçöüýňşž"),
    (Lang::Tur, "abcdefghijklmnopqrstuvwxyzçöüğış̇"),
    (Lang::Uzb, "abcdefghijklmnopqrstuvxyzʻ"),
    (
        Lang::Vie,
        "abcdefghijklmnopqrstuvwxyzàáâãèéêìíòóôõùúýăđĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ",
    ),
    (Lang::Zul, "abcdefghijklmnopqrstuvwxyz"),
];

/// Alphabets of whatlang's Cyrillic-script languages (`alphabets/cyrillic.rs`).
const CYRILLIC_ALPHABETS: &[(Lang, &str)] = &[
    (Lang::Bul, "абвгдежзийклмнопрстуфхцчшщъьюя"),
    (Lang::Rus, "абвгдежзийклмнопрстуфхцчшщъыьэюяё"),
    (Lang::Ukr, "абвгдежзийклмнопрстуфхцчшщьюяєіїґ"),
    (Lang::Bel, "абвгдежзйклмнопрстуфхцчшыьэюяёіў"),
    (Lang::Srp, "абвгдежзиклмнопрстуфхцчшђјљњћџ"),
    (Lang::Mkd, "абвгдежзиклмнопрстуфхцчшѓѕјљњќџ"),
];

/// The languages whatlang weighs against each other for texts of one script.
struct Family {
    script: Script,
    /// In whatlang's order (`Script::langs`): ties in the sorts are broken by it.
    langs: Vec<Lang>,
    /// Every letter of some alphabet, sorted, and the languages (indices into `langs`)
    /// whose alphabets have it.
    letters: Vec<char>,
    letter_langs: Vec<Vec<usize>>,
    /// Trigram → (language index, rank in that language's profile).
    trigram_ranks: FastMap<u64, Vec<(usize, usize)>>,
    /// Languages (indices into `langs`) with a profile here.
    profiled: Vec<bool>,
    /// Characters every counter of whatlang's script detection gives to this script and no
    /// other one (whatlang counts a character for the first script that claims it).
    only_this_script: fn(char) -> bool,
}

impl Family {
    fn new(
        script: Script,
        alphabets: &[(Lang, &str)],
        profiles: &[(Lang, &str)],
        only_this_script: fn(char) -> bool,
    ) -> Family {
        let langs = script.langs().to_vec();
        let index_of = |lang: Lang| langs.iter().position(|&l| l == lang);
        let mut by_letter: std::collections::BTreeMap<char, Vec<usize>> = Default::default();
        for &(lang, alphabet) in alphabets {
            let Some(index) = index_of(lang) else {
                continue;
            };
            for letter in alphabet.chars() {
                by_letter.entry(letter).or_default().push(index);
            }
        }
        let (letters, letter_langs) = by_letter.into_iter().unzip();
        let mut trigram_ranks: FastMap<u64, Vec<(usize, usize)>> = FastMap::default();
        let mut profiled = vec![false; langs.len()];
        for &(lang, profile) in profiles {
            let Some(index) = index_of(lang) else {
                continue;
            };
            if let Some(flag) = profiled.get_mut(index) {
                *flag = true;
            }
            let chars: Vec<char> = profile.chars().collect();
            for (rank, trigram) in chars.chunks_exact(3).enumerate() {
                if let [a, b, c] = *trigram {
                    trigram_ranks
                        .entry(pack(a, b, c))
                        .or_default()
                        .push((index, rank));
                }
            }
        }
        Family {
            script,
            langs,
            letters,
            letter_langs,
            trigram_ranks,
            profiled,
            only_this_script,
        }
    }
}

fn latin() -> &'static Family {
    static LATIN: OnceLock<Family> = OnceLock::new();
    LATIN.get_or_init(|| {
        Family::new(
            Script::Latin,
            LATIN_ALPHABETS,
            trigram_profiles::LATIN,
            |c| {
                c.is_ascii_alphabetic()
                    || matches!(c, '\u{00c0}'..='\u{024f}' | '\u{1e00}'..='\u{1eff}')
            },
        )
    })
}

fn cyrillic() -> &'static Family {
    static CYRILLIC: OnceLock<Family> = OnceLock::new();
    CYRILLIC.get_or_init(|| {
        Family::new(
            Script::Cyrillic,
            CYRILLIC_ALPHABETS,
            trigram_profiles::UKRAINIAN_AND_RUSSIAN,
            |c| matches!(c, '\u{0400}'..='\u{0484}' | '\u{0487}'..='\u{052f}'),
        )
    })
}

/// `whatlang::detect(text)`.
pub fn detect(text: &str) -> Option<Info> {
    detect_in(latin(), None, text).unwrap_or_else(|| whatlang::detect(text))
}

/// `whatlang::Detector::with_allowlist(vec![Lang::Ukr, Lang::Rus]).detect(text)`.
pub fn detect_ukrainian_or_russian(text: &str) -> Option<Info> {
    const ALLOWED: [Lang; 2] = [Lang::Ukr, Lang::Rus];
    detect_in(cyrillic(), Some(&ALLOWED), text)
        .unwrap_or_else(|| whatlang::Detector::with_allowlist(ALLOWED.to_vec()).detect(text))
}

/// whatlang's characters that are not letters of any language (`utils::is_stop_char`).
fn is_stop_char(c: char) -> bool {
    matches!(c, '\u{0000}'..='\u{0040}' | '\u{005b}'..='\u{0060}' | '\u{007b}'..='\u{007e}')
}

/// A trigram as one number ordered as whatlang orders its trigrams (by characters in turn):
/// a character fits in 21 bits.
fn pack(a: char, b: char, c: char) -> u64 {
    (u64::from(a) << 42) | (u64::from(b) << 21) | u64::from(c)
}

/// whatlang's combined detection of `text` among `family`'s languages (those in `allowed`,
/// or all), or `None` when this text is not one whose answer this function reproduces:
/// then the caller asks whatlang.
fn detect_in(family: &Family, allowed: Option<&[Lang]>, text: &str) -> Option<Option<Info>> {
    let mut letters_of_script = 0usize;
    for c in text.chars() {
        if is_stop_char(c) {
            continue;
        }
        if !(family.only_this_script)(c) {
            return None;
        }
        letters_of_script += 1;
    }
    if letters_of_script == 0 {
        return None;
    }
    let is_allowed = |index: usize| {
        family
            .langs
            .get(index)
            .is_some_and(|lang| allowed.is_none_or(|list| list.contains(lang)))
    };
    if (0..family.langs.len()).any(|i| is_allowed(i) && !family.profiled.get(i).is_some_and(|&p| p))
    {
        return None;
    }
    // No character of the script lowercases differently in context (only Greek sigma does).
    let lower: Vec<char> = text.chars().flat_map(char::to_lowercase).collect();

    // Alphabet scores (`alphabets::common::generic_alphabet_calculate_scores`).
    let mut letter_scores = vec![0usize; family.letters.len()];
    let mut counted = 0usize;
    for &c in lower.iter().filter(|&&c| !is_stop_char(c)) {
        counted += 1;
        if let Ok(position) = family.letters.binary_search(&c) {
            if let Some(score) = letter_scores.get_mut(position) {
                *score += 2;
            }
        }
    }
    if counted == 0 {
        return None;
    }
    let mut lang_scores = vec![0usize; family.langs.len()];
    let mut common_score = 0usize;
    for (langs, &score) in family.letter_langs.iter().zip(&letter_scores) {
        if score == 0 {
            continue;
        }
        if langs.len() == family.langs.len() {
            common_score += score;
        } else {
            for &lang in langs {
                if let Some(total) = lang_scores.get_mut(lang) {
                    *total += score;
                }
            }
        }
    }
    let mut alphabet_scores: Vec<(Lang, usize)> = family
        .langs
        .iter()
        .zip(&lang_scores)
        .enumerate()
        .filter(|&(index, _)| is_allowed(index))
        .map(|(_, (&lang, &score))| (lang, (score + common_score).saturating_sub(counted)))
        .collect();
    alphabet_scores.sort_unstable_by_key(|&(_, score)| Reverse(score));

    // Trigram distances (`trigrams::detection`), summed from the text's side.
    let mut trigrams: Vec<u64> = Vec::with_capacity(lower.len() + 1);
    let mut stream = lower
        .iter()
        .map(|&c| if is_stop_char(c) { ' ' } else { c })
        .chain(Some(' '));
    let mut first = ' ';
    let mut second = stream.next().unwrap_or(' ');
    for third in stream {
        if !(second == ' ' && (first == ' ' || third == ' ')) {
            trigrams.push(pack(first, second, third));
        }
        first = second;
        second = third;
    }
    trigrams.sort_unstable();
    let mut ranked: Vec<(u32, u64)> = Vec::with_capacity(trigrams.len());
    for trigram in trigrams {
        match ranked.last_mut() {
            Some((count, last)) if *last == trigram => *count += 1,
            _ => ranked.push((1, trigram)),
        }
    }
    // Most frequent first, ties by trigram, descending: whatlang's order.
    ranked.sort_unstable_by(|a, b| b.cmp(a));
    ranked.truncate(TEXT_TRIGRAMS_SIZE);
    let unique = ranked.len() as i64;
    if unique == 0 {
        return None;
    }
    // A profile trigram costs |rank in text − rank in profile| when the text has it, the
    // maximum otherwise: the total is the maximum for all, less what found trigrams save.
    let mut saved = vec![0i64; family.langs.len()];
    for (text_rank, (_, trigram)) in ranked.iter().enumerate() {
        let Some(ranks) = family.trigram_ranks.get(trigram) else {
            continue;
        };
        for &(lang, profile_rank) in ranks {
            if let Some(total) = saved.get_mut(lang) {
                *total += MAX_TRIGRAM_DISTANCE - (text_rank as i64 - profile_rank as i64).abs();
            }
        }
    }
    let max_distance = unique * MAX_TRIGRAM_DISTANCE;
    // Indexed by `Lang as usize`, as whatlang indexes its scores.
    let mut trigram_scores = vec![0.0f64; Lang::all().len()];
    for (index, (&lang, saved)) in family.langs.iter().zip(&saved).enumerate() {
        if !is_allowed(index) {
            continue;
        }
        let mut distance = MAX_TOTAL_DISTANCE - saved;
        if MAX_TRIGRAM_DISTANCE > unique {
            distance -= (MAX_TRIGRAM_DISTANCE - unique) * MAX_TRIGRAM_DISTANCE;
        }
        let distance = distance.clamp(0, MAX_TOTAL_DISTANCE);
        if distance > max_distance {
            // whatlang's unsigned arithmetic cannot give this; never happens.
            return None;
        }
        if let Some(score) = trigram_scores.get_mut(lang as usize) {
            *score = (max_distance - distance) as f64 / max_distance as f64;
        }
    }

    // Combined scores (`combined::raw_detect`).
    let alphabet_weight = (-(counted as f64 / 300.0) + 2.0 / 3.0).clamp(1.0 / 3.0, 2.0 / 3.0);
    let trigram_weight = 1.0 - alphabet_weight;
    let mut scores: Vec<(Lang, f64)> = alphabet_scores
        .iter()
        .map(|&(lang, raw)| {
            let alphabet = raw as f64 / counted as f64;
            let trigram = trigram_scores.get(lang as usize).copied().unwrap_or(0.0);
            (lang, alphabet * alphabet_weight + trigram * trigram_weight)
        })
        .collect();
    scores.sort_unstable_by(|a, b| b.1.partial_cmp(&a.1).unwrap_or(Ordering::Less));
    let mut best = scores.into_iter();
    let Some((lang, score)) = best.next() else {
        return Some(None);
    };
    let confidence = match best.next() {
        Some((_, second)) => confidence(score, second, unique as usize),
        None => 1.0,
    };
    Some(Some(Info::new(family.script, lang, confidence)))
}

/// whatlang's `calculate_confidence`.
fn confidence(highest_score: f64, second_score: f64, count: usize) -> f64 {
    if highest_score == 0.0 {
        return 0.0;
    }
    if second_score == 0.0 {
        return highest_score;
    }
    let confident_rate = (3.0 / count as f64) + 0.015;
    let rate = (highest_score - second_score) / second_score;
    if rate > confident_rate {
        1.0
    } else {
        rate / confident_rate
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Paragraphs of real news articles in each language: the ntrex128 translations (every
    /// `step`-th paragraph, to keep whatlang's cost in a debug build bearable) and the samples.
    fn news_paragraphs(file: &str, step: usize) -> Vec<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut folders: Vec<std::path::PathBuf> = ["tests/data/ntrex128/docs", "samples"]
            .iter()
            .filter_map(|dir| std::fs::read_dir(root.join(dir)).ok())
            .flatten()
            .flatten()
            .map(|entry| entry.path())
            .collect();
        folders.sort();
        folders
            .iter()
            .filter_map(|folder| std::fs::read_to_string(folder.join(file)).ok())
            .flat_map(|text| {
                text.split("\n\n")
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .step_by(step)
            .collect()
    }

    /// What identification hands over: the lowercase letter words of a text, first `count`.
    fn lowercase_words(text: &str, count: usize) -> String {
        text.split(|c: char| !c.is_alphabetic() && c != '\'')
            .filter(|w| !w.is_empty())
            .take(count)
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn agrees_with_whatlang_on_english_news() {
        let paragraphs = news_paragraphs("en.txt", 9);
        assert!(paragraphs.len() > 100, "{}", paragraphs.len());
        for paragraph in &paragraphs {
            for text in [
                paragraph.clone(),
                lowercase_words(paragraph, 3),
                lowercase_words(paragraph, 6),
                lowercase_words(paragraph, 12),
            ] {
                assert_eq!(detect(&text), whatlang::detect(&text), "{text}");
            }
            // The comparison is with the index, not with whatlang standing in for it.
            let words = lowercase_words(paragraph, 6);
            if words.is_ascii() && !words.is_empty() {
                assert!(detect_in(latin(), None, &words).is_some(), "{words}");
            }
        }
    }

    #[test]
    fn agrees_with_whatlang_on_other_languages_and_odd_text() {
        for text in [
            "Die Bundesregierung hat am Dienstag neue Waffenlieferungen an die Ukraine angekündigt.",
            "was die regierung jetzt plant ist also klar die hilfe für die ukraine wird verlängert",
            "Rząd zapowiedział we wtorek nowe dostawy broni dla Ukrainy, poinformowała agencja.",
            "Le gouvernement a annoncé mardi de nouvelles livraisons d'armes à l'Ukraine.",
            "El Gobierno anunció el martes nuevos envíos de armas a Ucrania, según la agencia.",
            "Vláda v úterý oznámila nové dodávky zbraní na Ukrajinu, uvedla agentura.",
            "Chính phủ đã công bố các lô hàng vũ khí mới cho Ukraine vào thứ Ba.",
            "İstanbul'da yapılan görüşmelerde taraflar tahıl koridorunu uzatmayı kabul etti.",
            "Ελλάδα and English mixed",
            "author bohdan babaiev",
            "the isw states",
            "ISW",
            "a",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "x y z",
            "",
            "   ",
            "123, 456!",
            "rock'n'roll ×÷ ßẞ",
        ] {
            assert_eq!(detect(text), whatlang::detect(text), "{text}");
        }
        // A text with over 300 distinct trigrams ranks some of them far from any profile rank.
        let long = news_paragraphs("en.txt", 1).join(" ");
        let long: String = long.chars().take(6_000).collect();
        assert_eq!(detect(&long), whatlang::detect(&long));
    }

    #[test]
    fn agrees_with_whatlang_between_ukrainian_and_russian() {
        let whatlang_detector = whatlang::Detector::with_allowlist(vec![Lang::Ukr, Lang::Rus]);
        for file in ["uk.txt", "ru.txt"] {
            let paragraphs = news_paragraphs(file, 13);
            assert!(paragraphs.len() > 50, "{}", paragraphs.len());
            for paragraph in &paragraphs {
                for text in [
                    paragraph.clone(),
                    lowercase_words(paragraph, 3),
                    lowercase_words(paragraph, 8),
                ] {
                    assert_eq!(
                        detect_ukrainian_or_russian(&text),
                        whatlang_detector.detect(&text),
                        "{text}"
                    );
                }
            }
        }
        for text in [
            "війська кндр у війні в україні",
            "войска кндр в войне в украине",
            "ўў",
            "ѐ",
        ] {
            assert_eq!(
                detect_ukrainian_or_russian(text),
                whatlang_detector.detect(text),
                "{text}"
            );
        }
    }
}
