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
    /// Position in `letters` of each ASCII character and each of the Cyrillic block.
    ascii_positions: [Option<u16>; 128],
    cyrillic_positions: [Option<u16>; 256],
    /// Trigram (see [`pack`]) → its entries in `ranks`, as a range.
    trigram_ranks: FastMap<u64, (u32, u32)>,
    /// (language index, rank in that language's profile) of the trigrams, one trigram's
    /// contiguous: one flat array instead of a vector per trigram.
    ranks: Vec<(u8, u16)>,
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
        let (letters, letter_langs): (Vec<char>, _) = by_letter.into_iter().unzip();
        let mut ascii_positions = [None; 128];
        let mut cyrillic_positions = [None; 256];
        for (position, &letter) in letters.iter().enumerate() {
            let code = letter as usize;
            let slot = match code {
                0..0x80 => ascii_positions.get_mut(code),
                0x400..0x500 => cyrillic_positions.get_mut(code - 0x400),
                _ => None,
            };
            if let (Some(slot), Ok(position)) = (slot, u16::try_from(position)) {
                *slot = Some(position);
            }
        }
        let mut profiled = vec![false; langs.len()];
        let mut profile_trigrams: Vec<(u8, Vec<u64>)> = Vec::new();
        for &(lang, profile) in profiles {
            let Some(index) = index_of(lang).and_then(|i| u8::try_from(i).ok()) else {
                continue;
            };
            if let Some(flag) = profiled.get_mut(usize::from(index)) {
                *flag = true;
            }
            let chars: Vec<char> = profile.chars().collect();
            let keys = chars
                .chunks_exact(3)
                .filter_map(|trigram| match *trigram {
                    [a, b, c] => pack(a, b, c).map(index_key),
                    _ => None,
                })
                .collect();
            profile_trigrams.push((index, keys));
        }
        // Counted first, then laid out: each trigram's entries contiguous in `ranks`.
        let mut trigram_ranks: FastMap<u64, (u32, u32)> = FastMap::default();
        for key in profile_trigrams.iter().flat_map(|(_, keys)| keys) {
            trigram_ranks.entry(*key).or_default().1 += 1;
        }
        let mut laid_out = 0;
        for (start, next) in trigram_ranks.values_mut() {
            *start = laid_out;
            laid_out += *next;
            *next = *start;
        }
        let mut ranks = vec![(0u8, 0u16); laid_out as usize];
        for (index, keys) in &profile_trigrams {
            for (rank, key) in keys.iter().enumerate() {
                let Some((_, next)) = trigram_ranks.get_mut(key) else {
                    continue;
                };
                if let (Some(slot), Ok(rank)) = (ranks.get_mut(*next as usize), u16::try_from(rank))
                {
                    *slot = (*index, rank);
                }
                *next += 1;
            }
        }
        Family {
            script,
            langs,
            letters,
            letter_langs,
            ascii_positions,
            cyrillic_positions,
            trigram_ranks,
            ranks,
            profiled,
            only_this_script,
        }
    }
}

impl Family {
    /// Where `c` is in `letters`: looked up in a table for ASCII and the Cyrillic block.
    fn letter_position(&self, c: char) -> Option<usize> {
        let code = c as usize;
        let listed = match code {
            0..0x80 => self.ascii_positions.get(code),
            0x400..0x500 => self.cyrillic_positions.get(code - 0x400),
            _ => return self.letters.binary_search(&c).ok(),
        };
        listed.copied().flatten().map(usize::from)
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

/// A trigram as one number ordered as whatlang orders its trigrams (by characters in turn),
/// for characters of the Basic Multilingual Plane (all those of Latin and Cyrillic script):
/// 16 bits each, which leaves the top 16 bits of the number for a count.
fn pack(a: char, b: char, c: char) -> Option<u64> {
    let bits = |c: char| u16::try_from(u32::from(c)).ok().map(u64::from);
    Some((bits(a)? << 32) | (bits(b)? << 16) | bits(c)?)
}

/// A trigram as a key of `Family::trigram_ranks`: [`FastHasher`](crate::hashing::FastHasher)
/// spreads high bits poorly into the low bits that pick a bucket, and a packed trigram's
/// low bits are its last character only: mixed (bijectively) first, trigrams with the same
/// last letter do not crowd into the same buckets.
fn index_key(trigram: u64) -> u64 {
    let mixed = trigram.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    mixed ^ (mixed >> 29)
}

const TRIGRAM_BITS: u32 = 48;
const TRIGRAM_MASK: u64 = (1 << TRIGRAM_BITS) - 1;
/// Most languages a family may hold, and most letters its alphabets may have, for the
/// scores kept on the stack; a larger family is left to whatlang.
const MAX_LANGS: usize = 40;
const MAX_LETTERS: usize = 192;

/// whatlang's combined detection of `text` among `family`'s languages (those in `allowed`,
/// or all), or `None` when this text is not one whose answer this function reproduces:
/// then the caller asks whatlang.
fn detect_in(family: &Family, allowed: Option<&[Lang]>, text: &str) -> Option<Option<Info>> {
    // Trigram counts are kept in 16 bits (see `pack`); longer texts are whatlang's.
    if text.len() >= 1 << (64 - TRIGRAM_BITS) {
        return None;
    }
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
    let lang_count = family.langs.len();
    if lang_count > MAX_LANGS || family.letters.len() > MAX_LETTERS {
        return None;
    }
    let is_allowed = |index: usize| {
        family
            .langs
            .get(index)
            .is_some_and(|lang| allowed.is_none_or(|list| list.contains(lang)))
    };
    if (0..lang_count).any(|i| is_allowed(i) && !family.profiled.get(i).is_some_and(|&p| p)) {
        return None;
    }

    // One pass over the lowercase text (no character of the script lowercases differently
    // in context: only Greek sigma does) for both the alphabet scores
    // (`alphabets::common::generic_alphabet_calculate_scores`) and the trigrams
    // (`trigrams::detection`): a stop character is a space in the trigram stream, which
    // ends with one.
    let mut letter_scores = [0u32; MAX_LETTERS];
    let mut counted = 0usize;
    let mut trigrams: Vec<u64> = Vec::with_capacity(text.len() + 1);
    let mut first = ' ';
    let mut second: Option<char> = None;
    let mut packable = true;
    let mut push = |third: char| match second {
        None => second = Some(third),
        Some(middle) => {
            if !(middle == ' ' && (first == ' ' || third == ' ')) {
                match pack(first, middle, third) {
                    Some(trigram) => trigrams.push(trigram),
                    None => packable = false,
                }
            }
            first = middle;
            second = Some(third);
        }
    };
    let mut visit = |lower: char| {
        if is_stop_char(lower) {
            push(' ');
            return;
        }
        counted += 1;
        if let Some(score) = family
            .letter_position(lower)
            .and_then(|position| letter_scores.get_mut(position))
        {
            *score += 2;
        }
        push(lower);
    };
    for c in text.chars() {
        if c.is_ascii() {
            visit(c.to_ascii_lowercase());
        } else {
            super::each_lowercase(c, &mut visit);
        }
    }
    visit(' ');
    if counted == 0 || !packable {
        return None;
    }

    let mut lang_scores = [0usize; MAX_LANGS];
    let mut common_score = 0usize;
    for (langs, &score) in family.letter_langs.iter().zip(&letter_scores) {
        if score == 0 {
            continue;
        }
        let score = score as usize;
        if langs.len() == lang_count {
            common_score += score;
        } else {
            for &lang in langs {
                if let Some(total) = lang_scores.get_mut(lang) {
                    *total += score;
                }
            }
        }
    }
    // Indexed as `family.langs`; only the allowed languages' are read.
    let mut alphabet_scores = [0usize; MAX_LANGS];
    for (slot, &score) in alphabet_scores
        .iter_mut()
        .zip(&lang_scores)
        .take(lang_count)
    {
        *slot = (score + common_score).saturating_sub(counted);
    }

    // Each distinct trigram once, its count in the top bits: sorting these numbers in
    // descending order ranks the trigrams as whatlang does (most frequent first, ties by
    // trigram, descending).
    trigrams.sort_unstable();
    let mut distinct = 0usize;
    for read in 0..trigrams.len() {
        let Some(&trigram) = trigrams.get(read) else {
            break;
        };
        match distinct
            .checked_sub(1)
            .and_then(|last| trigrams.get_mut(last))
        {
            Some(last) if *last & TRIGRAM_MASK == trigram => *last += 1 << TRIGRAM_BITS,
            _ => {
                if let Some(slot) = trigrams.get_mut(distinct) {
                    *slot = trigram | 1 << TRIGRAM_BITS;
                }
                distinct += 1;
            }
        }
    }
    trigrams.truncate(distinct);
    trigrams.reverse();
    // Short texts repeat no trigram: then they are in order already.
    if !trigrams.is_sorted_by(|a, b| a >= b) {
        rank_by_count(&mut trigrams);
    }
    trigrams.truncate(TEXT_TRIGRAMS_SIZE);
    let unique = trigrams.len() as i64;
    if unique == 0 {
        return None;
    }
    // A profile trigram costs |rank in text − rank in profile| when the text has it, the
    // maximum otherwise: the total is the maximum for all, less what found trigrams save.
    let mut saved = [0i64; MAX_LANGS];
    for (text_rank, ranked) in trigrams.iter().enumerate() {
        let Some(&(start, end)) = family.trigram_ranks.get(&index_key(ranked & TRIGRAM_MASK))
        else {
            continue;
        };
        let entries = family
            .ranks
            .get(start as usize..end as usize)
            .unwrap_or_default();
        for &(lang, profile_rank) in entries {
            if let Some(total) = saved.get_mut(usize::from(lang)) {
                *total += MAX_TRIGRAM_DISTANCE - (text_rank as i64 - i64::from(profile_rank)).abs();
            }
        }
    }
    let max_distance = unique * MAX_TRIGRAM_DISTANCE;
    // Indexed as `family.langs`.
    let mut trigram_scores = [0.0f64; MAX_LANGS];
    for (index, saved) in saved.iter().take(lang_count).enumerate() {
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
        if let Some(score) = trigram_scores.get_mut(index) {
            *score = (max_distance - distance) as f64 / max_distance as f64;
        }
    }

    // Combined scores (`combined::raw_detect`).
    let alphabet_weight = (-(counted as f64 / 300.0) + 2.0 / 3.0).clamp(1.0 / 3.0, 2.0 / 3.0);
    let trigram_weight = 1.0 - alphabet_weight;
    let mut combined = [0.0f64; MAX_LANGS];
    for (index, slot) in combined.iter_mut().enumerate().take(lang_count) {
        let alphabet = alphabet_scores.get(index).copied().unwrap_or(0) as f64 / counted as f64;
        let trigram = trigram_scores.get(index).copied().unwrap_or(0.0);
        *slot = alphabet * alphabet_weight + trigram * trigram_weight;
    }
    let allowed_langs = (0..lang_count).filter(|&index| is_allowed(index));
    let (lang, score, second) = match best_two(allowed_langs.clone(), &combined) {
        Some(Ranking::Clear {
            best,
            score,
            second,
        }) => (family.langs.get(best).copied()?, score, second),
        Some(Ranking::Tied) => sorted_best_two(family, allowed_langs, &alphabet_scores, &combined)?,
        None => return Some(None),
    };
    let confidence = match second {
        Some(second) => confidence(score, second, unique as usize),
        None => 1.0,
    };
    Some(Some(Info::new(family.script, lang, confidence)))
}

/// The best of the languages' combined scores, when one is above all others, and the
/// second best score (whichever language has it).
enum Ranking {
    Clear {
        best: usize,
        score: f64,
        second: Option<f64>,
    },
    /// Several languages share the best score (or a score is not a number): which of them
    /// whatlang names depends on the order its sorts leave them in.
    Tied,
}

/// The best two of `scores` (indexed as `family.langs`) among the languages `indices`, or
/// `None` when there are none. whatlang sorts all scores to take the first two: when the
/// best is above all others, the first two of any sort are the best and a second-best
/// score, and no sort is needed.
fn best_two(indices: impl Iterator<Item = usize>, scores: &[f64; MAX_LANGS]) -> Option<Ranking> {
    let mut best: Option<(usize, f64)> = None;
    let mut second: Option<f64> = None;
    let mut tied = false;
    for index in indices {
        let score = scores.get(index).copied().unwrap_or(f64::NAN);
        if score.is_nan() {
            return Some(Ranking::Tied);
        }
        match best {
            Some((_, top)) if score < top => {
                second = Some(second.map_or(score, |s| s.max(score)));
            }
            Some((_, top)) if score == top => {
                tied = true;
                second = Some(top);
            }
            _ => {
                second = best.map(|(_, top)| top);
                best = Some((index, score));
                tied = false;
            }
        }
    }
    let (best, score) = best?;
    Some(if tied {
        Ranking::Tied
    } else {
        Ranking::Clear {
            best,
            score,
            second,
        }
    })
}

/// whatlang's own way to the best two scores, for ties at the top: the allowed languages
/// sorted by alphabet score, then (unstably, as whatlang does) by combined score.
fn sorted_best_two(
    family: &Family,
    indices: impl Iterator<Item = usize>,
    alphabet_scores: &[usize; MAX_LANGS],
    combined: &[f64; MAX_LANGS],
) -> Option<(Lang, f64, Option<f64>)> {
    let mut by_alphabet = [(0usize, 0usize); MAX_LANGS];
    let mut count = 0;
    for index in indices {
        if let Some(slot) = by_alphabet.get_mut(count) {
            *slot = (index, alphabet_scores.get(index).copied().unwrap_or(0));
            count += 1;
        }
    }
    let by_alphabet = by_alphabet.get_mut(..count)?;
    by_alphabet.sort_unstable_by_key(|&(_, score)| Reverse(score));
    let mut scores = [(Lang::Eng, 0.0f64); MAX_LANGS];
    for (slot, &(index, _)) in scores.iter_mut().zip(by_alphabet.iter()) {
        *slot = (
            family.langs.get(index).copied()?,
            combined.get(index).copied().unwrap_or(0.0),
        );
    }
    let scores = scores.get_mut(..count)?;
    scores.sort_unstable_by(|a, b| b.1.partial_cmp(&a.1).unwrap_or(Ordering::Less));
    let (lang, score) = scores.first().copied()?;
    Some((lang, score, scores.get(1).map(|&(_, second)| second)))
}

/// Most times a trigram may occur in a text for [`rank_by_count`] to rank it by counting.
const MAX_COUNTED: usize = 64;

/// Orders the distinct trigrams of a text, given in descending order with their counts in
/// the top bits, most frequent first and, among equally frequent ones, in the order given:
/// the descending order of the numbers, without sorting them, since counts are small.
fn rank_by_count(trigrams: &mut Vec<u64>) {
    let count_of = |trigram: u64| (trigram >> TRIGRAM_BITS) as usize;
    let most = trigrams.iter().map(|&t| count_of(t)).max().unwrap_or(0);
    if most > MAX_COUNTED {
        trigrams.sort_unstable_by(|a, b| b.cmp(a));
        return;
    }
    // Where the trigrams of each count start: after all those of higher counts.
    let mut starts = [0usize; MAX_COUNTED + 1];
    for &trigram in trigrams.iter() {
        if let Some(start) = starts.get_mut(count_of(trigram)) {
            *start += 1;
        }
    }
    let mut above = 0;
    for start in starts.iter_mut().rev() {
        let here = *start;
        *start = above;
        above += here;
    }
    let mut ranked = vec![0u64; trigrams.len()];
    for &trigram in trigrams.iter() {
        if let Some(start) = starts.get_mut(count_of(trigram)) {
            if let Some(slot) = ranked.get_mut(*start) {
                *slot = trigram;
            }
            *start += 1;
        }
    }
    *trigrams = ranked;
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

    /// The distinct trigrams of `text` as `detect_in` hands them to [`rank_by_count`]:
    /// descending, each with its count in the top bits.
    fn counted_trigrams(text: &str) -> Vec<u64> {
        let chars: Vec<char> = format!(" {text} ").chars().collect();
        let mut counted: std::collections::BTreeMap<u64, u64> = Default::default();
        for window in chars.windows(3) {
            if let [a, b, c] = *window {
                if let Some(trigram) = pack(a, b, c) {
                    *counted.entry(trigram).or_default() += 1;
                }
            }
        }
        counted
            .into_iter()
            .rev()
            .map(|(trigram, count)| trigram | count << TRIGRAM_BITS)
            .collect()
    }

    #[test]
    fn ranking_by_count_orders_as_sorting_does() {
        let long = news_paragraphs("en.txt", 1).join(" ");
        let long: String = long.chars().take(20_000).collect();
        for text in [
            "north korean troops in the war in ukraine",
            "the the the the the the the the the the the the the the the the the the the the \
             the the the the the the the the the the the the the the the the the the the the \
             the the the the the the the the the the the the the the the the the the the the \
             the the the the the the the the the the the the the the the the the the the the",
            "війська кндр у війні в україні та війська росії у війні",
            long.as_str(),
        ] {
            let mut sorted = counted_trigrams(text);
            assert!(sorted.iter().any(|t| t >> TRIGRAM_BITS > 1), "{text}");
            let mut counted = sorted.clone();
            sorted.sort_unstable_by(|a, b| b.cmp(a));
            rank_by_count(&mut counted);
            assert_eq!(counted, sorted, "{text}");
        }
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
