//! Stemming: strips inflectional endings so that inflected forms of one word compare equal.
//!
//! There is no Snowball stemmer for Ukrainian, so this is a suffix table for the words a
//! glossary holds (nouns, adjectives, participles, adverbs), in all cases and numbers, plus
//! a few rules for the sound alternations Ukrainian declension shows in the stem:
//!
//! 1. The longest ending of [`ENDINGS`] is removed, if at least two letters remain, or three
//!    for [`LONG_STEM_ENDINGS`] ("ставкою" → "ставк", "окупованими" → "окупован", "Києва" →
//!    "києв"; but "Крим" and "крім" keep their "-им", "-ім").
//! 2. Nouns in "-ія" keep their "і" in some forms and not in others ("санкція", "санкцій"):
//!    a stem ending in "і" loses it ("санкці" → "санкц", "росі" → "рос"); so does a stem
//!    ending in "е" ("Корея" → "коре" → "кор", as "Корею" → "кор").
//! 3. The suffix "-ов-"/"-ев-"/"-єв-" at the end of a stem goes when three letters remain: it
//!    alternates with "-ів" and "-їв" in place names ("Харків"/"Харкова", "Львів"/"Львова";
//!    "Київ" is read as "Києв" first, so "Київ"/"Києва" meet as "києв") and is
//!    the adjective suffix of "облікова" (so "обліковий" meets "облік").
//! 4. "і" in the last, closed syllable of a stem alternates with "о" ("рік"/"року",
//!    "дім"/"дому", "Білий дім"/"Білого дому"): it is written "о" in every stem.
//! 5. Fleeting vowels: "-ок", "-ець", "-ень" lose their vowel ("ставок" = "ставк",
//!    "біженець" = "біженц", "гривень" = "гривн").
//! 6. "к"/"ц" and "г"/"з" alternate before the dative/locative "і" ("ставка"/"ставці",
//!    "допомога"/"допомозі"): a stem-final "ц" is written "к", "з" is written "г" — except
//!    in "-ція" nouns, whose "ц" is never a "к" ("позиція" must not meet "позика").
//!
//! Rules 2–6 apply to every stem, whatever the ending was, so all forms of one word still
//! meet; the price is that a few distinct words meet too ("місто" and "міст", "рада" and
//! "радий", "ставка" and "ставок"). The tests list the collisions we know of.

use crate::facts::tokens::is_letter;

/// Inflectional endings of nouns, adjectives and participles; [`stem`] removes the longest
/// that leaves at least [`MIN_STEM`] letters.
///
/// The table as it reads; [`stem`] looks the endings up regrouped by their last letter in
/// [`endings_ending_in`], which the tests check against this table.
#[cfg_attr(not(test), allow(dead_code))]
const ENDINGS: &[&str] = &[
    // Nouns: singular.
    "а", "я", "у", "ю", "і", "ї", "и", "е", "є", "о", "ь", "й", "ом", "ем", "єм", "ою", "ею",
    "єю", // Nouns: plural.
    "ам", "ям", "ами", "ями", "ах", "ях", "ів", "ей",
];

/// Endings that short words end in by accident ("Крим", "крім", "крові" are no "кр" + ending):
/// removed only when at least [`MIN_LONG_STEM`] letters remain (regrouped like [`ENDINGS`]).
#[cfg_attr(not(test), allow(dead_code))]
const LONG_STEM_ENDINGS: &[&str] = &[
    // The dative "-ові".
    "ові", "еві", "єві", // Adjectives and participles, hard and soft.
    "ий", "ій", "ого", "ього", "ому", "ьому", "им", "ім", "ої", "ьої", "ьою", "их", "іх", "ими",
    "іми",
];

const MIN_STEM: usize = 2;
const MIN_LONG_STEM: usize = 3;

fn is_vowel(c: char) -> bool {
    matches!(c, 'а' | 'е' | 'є' | 'и' | 'і' | 'ї' | 'о' | 'у' | 'ю' | 'я')
}

fn is_consonant(c: char) -> bool {
    is_letter(c) && !is_vowel(c) && c != 'ь' && c != 'й'
}

/// The endings of [`ENDINGS`] and [`LONG_STEM_ENDINGS`] that end in `last`, longest first,
/// each with the letters it must leave: a word's last letter picks the few endings worth
/// comparing (the tests check this is the two tables, regrouped).
fn endings_ending_in(last: char) -> &'static [(&'static str, usize)] {
    const S: usize = MIN_STEM;
    const L: usize = MIN_LONG_STEM;
    match last {
        'а' => &[("а", S)],
        'я' => &[("я", S)],
        'у' => &[("ьому", L), ("ому", L), ("у", S)],
        'ю' => &[("ьою", L), ("ою", S), ("ею", S), ("єю", S), ("ю", S)],
        'і' => &[("ові", L), ("еві", L), ("єві", L), ("і", S)],
        'ї' => &[("ьої", L), ("ої", L), ("ї", S)],
        'и' => &[("ами", S), ("ями", S), ("ими", L), ("іми", L), ("и", S)],
        'е' => &[("е", S)],
        'є' => &[("є", S)],
        'о' => &[("ього", L), ("ого", L), ("о", S)],
        'ь' => &[("ь", S)],
        'й' => &[("ей", S), ("ий", L), ("ій", L), ("й", S)],
        'м' => &[
            ("ом", S),
            ("ем", S),
            ("єм", S),
            ("ам", S),
            ("ям", S),
            ("им", L),
            ("ім", L),
        ],
        'х' => &[("ах", S), ("ях", S), ("их", L), ("іх", L)],
        'в' => &[("ів", S)],
        _ => &[],
    }
}

/// A word written in lowercase Cyrillic (U+0430..=U+045F) and a–z alone, as words nearly
/// always come: its letters counted, and whether one is more than a sign or "й" (such a word
/// is its own stem). `None` for any other word, which is lowercased letter by letter.
fn read_plain(word: &str) -> Option<(usize, bool)> {
    let mut bytes = word.bytes();
    let (mut letters, mut has_stem_letter) = (0, false);
    while let Some(first) = bytes.next() {
        letters += 1;
        match first {
            b'a'..=b'z' => has_stem_letter = true,
            0xD0 | 0xD1 => {
                let second = bytes.next()?;
                // U+0430..=U+043F are D0 B0..=BF; U+0440..=U+045F are D1 80..=9F.
                let plain = match first {
                    0xD0 => (0xB0..=0xBF).contains(&second),
                    _ => (0x80..=0x9F).contains(&second),
                };
                if !plain {
                    return None;
                }
                // "й" is D0 B9, "ь" is D1 8C.
                has_stem_letter |= !matches!((first, second), (0xD0, 0xB9) | (0xD1, 0x8C));
            }
            _ => return None,
        }
    }
    Some((letters, has_stem_letter))
}

/// `text.ends_with(suffix)` for the few bytes of an ending, compared in place rather than by
/// a call to `memcmp`.
fn ends_with(text: &str, suffix: &str) -> bool {
    let (text, suffix) = (text.as_bytes(), suffix.as_bytes());
    text.len() >= suffix.len()
        && text
            .iter()
            .rev()
            .zip(suffix.iter().rev())
            .all(|(a, b)| a == b)
}

/// The characters before byte `end` of `text`, last first.
fn chars_before(text: &str, end: usize) -> std::iter::Rev<std::str::Chars<'_>> {
    text.get(..end).unwrap_or_default().chars().rev()
}

/// The stem of a lowercased word.
///
/// Works on the bytes of one string, the word lowercased, which becomes the stem: endings and
/// alternations are compared as byte suffixes (they are Cyrillic, two bytes a letter, and a
/// suffix that starts with a letter's first byte starts at a letter), and letters are counted
/// alongside, since the rules count letters, not bytes.
pub fn stem(word: &str) -> String {
    let mut stem = String::with_capacity(word.len());
    let (mut letters, has_stem_letter) = if let Some(plain) = read_plain(word) {
        stem.push_str(word);
        plain
    } else {
        let mut letters = 0;
        for c in word.chars().flat_map(char::to_lowercase) {
            stem.push(if matches!(c, '’' | 'ʼ') { '\'' } else { c });
            letters += 1;
        }
        let has_stem_letter = stem
            .chars()
            .any(|c| is_letter(c) && !matches!(c, 'ь' | 'й'));
        (letters, has_stem_letter)
    };
    if !has_stem_letter {
        return stem;
    }

    // "Київ", "Миколаїв", "країв": the "-їв" of a bare stem is the "-єв" of its other forms.
    if let Some(base) = stem.strip_suffix("їв") {
        stem.truncate(base.len());
        stem.push_str("єв");
    }

    // 1. The longest ending (no two endings of one length are both a word's ending).
    let last = stem.chars().next_back();
    let ending = last
        .map(endings_ending_in)
        .unwrap_or_default()
        .iter()
        .find(|(ending, min)| {
            let ending_letters = ending.len() / 2;
            letters >= ending_letters + min && ends_with(&stem, ending)
        })
        .map(|(ending, _)| *ending)
        .unwrap_or_default();
    let ending_is_ij = ending == "ій";
    stem.truncate(stem.len() - ending.len());
    letters -= ending.len() / 2;

    // 2. "-ія" nouns, and "-ея" nouns ("Корея", but "Корею" loses "-ею").
    let mut dropped_i = false;
    if letters >= 4 {
        if stem.ends_with('і') {
            stem.pop();
            letters -= 1;
            dropped_i = true;
        } else if stem.ends_with('е') {
            stem.pop();
            letters -= 1;
        }
    }

    // 3. "-ов-", "-ев-", "-єв-".
    if letters >= MIN_LONG_STEM + 2 && ["ов", "ев", "єв"].iter().any(|s| ends_with(&stem, s))
    {
        stem.truncate(stem.len() - "ов".len());
        letters -= 2;
    }

    // 4. "і" → "о" in a closed last syllable.
    if letters >= 3 {
        if let Some(last) = stem.chars().next_back() {
            let before_last = stem.len() - last.len_utf8();
            if is_consonant(last) && stem.get(..before_last).is_some_and(|s| s.ends_with('і')) {
                stem.truncate(before_last - 'і'.len_utf8());
                stem.push('о');
                stem.push(last);
            }
        }
    }

    // 5. Fleeting vowels.
    if letters >= 4 {
        if let Some(tail) = ["ок", "ец", "ен"].iter().find(|s| ends_with(&stem, s)) {
            let vowel_at = stem.len() - tail.len();
            if chars_before(&stem, vowel_at)
                .next()
                .is_some_and(is_consonant)
            {
                let consonant = tail.chars().next_back().unwrap_or_default();
                stem.truncate(vowel_at);
                stem.push(consonant);
            }
        }
    }

    // 6. "к"/"ц", "г"/"з".
    if !dropped_i && !ending_is_ij {
        let alternate = match stem.chars().next_back() {
            Some('ц') => Some('к'),
            Some('з') => Some('г'),
            _ => None,
        };
        if let Some(alternate) = alternate {
            stem.pop();
            stem.push(alternate);
        }
    }
    stem
}

#[cfg(test)]
mod tests {
    use super::{endings_ending_in, is_consonant, is_vowel, stem, ENDINGS, LONG_STEM_ENDINGS};
    use super::{MIN_LONG_STEM, MIN_STEM};

    /// Every word of a group has the same stem.
    fn same(words: &[&str]) {
        let first = stem(words[0]);
        for word in words {
            assert_eq!(stem(word), first, "{word} vs {}", words[0]);
        }
    }

    #[test]
    fn nouns_in_all_cases_and_numbers() {
        same(&[
            "ставка",
            "ставки",
            "ставці",
            "ставку",
            "ставкою",
            "ставко",
            "ставок",
            "ставкам",
            "ставками",
            "ставках",
        ]);
        same(&["оборона", "оборони", "обороні", "оборону", "обороною"]);
        same(&["сили", "сил", "силам", "силами", "силах", "сила", "силою"]);
        same(&[
            "санкція",
            "санкції",
            "санкцію",
            "санкцією",
            "санкцій",
            "санкціям",
            "санкціями",
            "санкціях",
        ]);
        same(&[
            "територія",
            "території",
            "територій",
            "територіями",
            "територіях",
        ]);
        same(&[
            "біженець",
            "біженця",
            "біженці",
            "біженців",
            "біженцям",
            "біженцями",
        ]);
        same(&["допомога", "допомоги", "допомозі", "допомогу", "допомогою"]);
        same(&[
            "гривня",
            "гривні",
            "гривню",
            "гривнею",
            "гривень",
            "гривнями",
        ]);
        same(&["розвідка", "розвідки", "розвідці", "розвідку", "розвідкою"]);
        same(&["рік", "року", "році", "роком"]);
        same(&["дім", "дому", "домі", "домом"]);
        same(&["стан", "стану", "стані", "станом"]);
        same(&["перемир'я", "перемир’я", "перемир'ям"]);
    }

    #[test]
    fn adjectives_and_participles() {
        same(&[
            "окупований",
            "окупованого",
            "окупованому",
            "окупованим",
            "окупованій",
            "окупованої",
            "окупована",
            "окуповану",
            "окупованою",
            "окуповане",
            "окуповані",
            "окупованих",
            "окупованими",
        ]);
        same(&[
            "облікова",
            "облікової",
            "обліковій",
            "облікову",
            "обліковою",
            "обліковий",
            "облікового",
        ]);
        same(&["воєнний", "воєнного", "воєнному", "воєнні", "воєнних"]);
        same(&[
            "третій",
            "третього",
            "третьому",
            "третя",
            "третьої",
            "третє",
        ]);
        same(&[
            "військова",
            "військової",
            "військовій",
            "військову",
            "військовою",
        ]);
        same(&["тимчасово", "тимчасовий", "тимчасової"]);
    }

    #[test]
    fn place_names_and_people() {
        same(&["Донецьк", "Донецька", "Донецьку", "Донецьком", "донецьку"]);
        same(&["Київ", "Києва", "Києву", "Києві", "Києвом"]);
        same(&["Харків", "Харкова", "Харкову", "Харкові", "Харковом"]);
        same(&["Львів", "Львова", "Львові", "Львовом"]);
        same(&["Миколаїв", "Миколаєва", "Миколаєві"]);
        same(&["Чернігів", "Чернігова", "Чернігові"]);
        same(&["Україна", "України", "Україні", "Україну", "Україною"]);
        same(&["Росія", "Росії", "Росію", "Росією"]);
        same(&["Запоріжжя", "Запоріжжі", "Запоріжжям"]);
        same(&["Маріуполь", "Маріуполя", "Маріуполі", "Маріуполем"]);
        same(&["Кремль", "Кремля", "Кремлі", "Кремлем"]);
        same(&["Путін", "Путіна", "Путіну", "Путіним"]);
        same(&["Зеленський", "Зеленського", "Зеленському", "Зеленським"]);
        same(&["Бабаєв", "Бабаєва", "Бабаєву"]);
        same(&["Крим", "Криму", "Кримом", "Кримі"]);
        same(&["Корея", "Кореї", "Корею", "Кореєю"]);
        same(&["Північна", "Північної", "Північній", "Північну"]);
        same(&["край", "краю", "краї", "країв", "краєм"]);
    }

    #[test]
    fn distinct_words_stay_apart() {
        let words = [
            "ставка",
            "ставлення",
            "оборона",
            "оборот",
            "сила",
            "село",
            "війна",
            "військовий",
            "позиція",
            "позика",
            "поліція",
            "політика",
            "санкція",
            "станція",
            "Франція",
            "франк",
            "Україна",
            "український",
            "Росія",
            "російський",
            "Донецьк",
            "донька",
            "обмін",
            "облік",
            "ключовий",
            "банк",
            "бак",
            "мир",
            "міра",
            "рік",
            "річка",
            "стан",
            "стіна",
            "закон",
            "законопроєкт",
            "вибори",
            "вибух",
            "ракета",
            "рака",
            "удар",
            "ударний",
            "газ",
            "гай",
            "нафта",
            "нарада",
            "Київ",
            "київський",
            "Харків",
            "харчі",
            "біженець",
            "бійка",
            "допомога",
            "дорога",
            "Крим",
            "крім",
            "кров",
            "Корея",
        ];
        let mut seen = std::collections::HashMap::new();
        for word in words {
            if let Some(other) = seen.insert(stem(word), word) {
                panic!("{word} and {other} share the stem {}", stem(word));
            }
        }
    }

    #[test]
    fn known_collisions_are_documented() {
        assert_eq!(stem("місто"), stem("міст"));
        assert_eq!(stem("рада"), stem("радий"));
    }

    /// [`stem`] as first written (the word copied into characters, worked on, collected back),
    /// kept to show the byte version gives the same stems.
    fn stem_as_first_written(word: &str) -> String {
        let endings: Vec<(Vec<char>, usize)> = ENDINGS
            .iter()
            .map(|e| (e.chars().collect(), MIN_STEM))
            .chain(
                LONG_STEM_ENDINGS
                    .iter()
                    .map(|e| (e.chars().collect(), MIN_LONG_STEM)),
            )
            .collect();
        let mut chars: Vec<char> = Vec::with_capacity(word.len());
        for c in word.chars() {
            if matches!(c, '\u{430}'..='\u{45f}' | 'a'..='z') {
                chars.push(c);
                continue;
            }
            chars.extend(
                c.to_lowercase()
                    .map(|c| if matches!(c, '’' | 'ʼ') { '\'' } else { c }),
            );
        }
        if !chars.iter().any(|c| is_vowel(*c) || is_consonant(*c)) {
            return chars.into_iter().collect();
        }
        if chars.ends_with(&['ї', 'в']) {
            chars.truncate(chars.len() - 2);
            chars.extend(['є', 'в']);
        }
        let last = chars.last().copied();
        let ending_length = endings
            .iter()
            .filter(|(ending, min)| {
                ending.last().copied() == last
                    && chars.len() >= ending.len() + min
                    && chars.ends_with(ending)
            })
            .map(|(ending, _)| ending.len())
            .max()
            .unwrap_or(0);
        let ending_is_ij = ending_length == 2 && chars.ends_with(&['і', 'й']);
        chars.truncate(chars.len() - ending_length);
        let mut dropped_i = false;
        if chars.len() >= 4 && chars.last() == Some(&'і') {
            chars.pop();
            dropped_i = true;
        } else if chars.len() >= 4 && chars.last() == Some(&'е') {
            chars.pop();
        }
        if chars.len() >= MIN_LONG_STEM + 2 && chars.last() == Some(&'в') {
            if let Some(&vowel) = chars.get(chars.len() - 2) {
                if matches!(vowel, 'о' | 'е' | 'є') {
                    chars.truncate(chars.len() - 2);
                }
            }
        }
        let n = chars.len();
        if n >= 3 && chars[n - 2] == 'і' && is_consonant(chars[n - 1]) {
            chars[n - 2] = 'о';
        }
        let n = chars.len();
        if n >= 4 && is_consonant(chars[n - 3]) {
            let tail = (chars[n - 2], chars[n - 1]);
            if matches!(tail, ('о', 'к') | ('е', 'ц') | ('е', 'н')) {
                chars.remove(n - 2);
            }
        }
        if !dropped_i && !ending_is_ij {
            if let Some(last) = chars.last_mut() {
                match *last {
                    'ц' => *last = 'к',
                    'з' => *last = 'г',
                    _ => {}
                }
            }
        }
        chars.into_iter().collect()
    }

    #[test]
    fn endings_by_last_letter_are_the_two_tables() {
        let tables = ENDINGS
            .iter()
            .map(|e| (*e, MIN_STEM))
            .chain(LONG_STEM_ENDINGS.iter().map(|e| (*e, MIN_LONG_STEM)));
        let mut grouped = 0;
        for (ending, min) in tables {
            let last = ending.chars().next_back().unwrap_or_default();
            let group = endings_ending_in(last);
            assert!(group.contains(&(ending, min)), "{ending} under {last}");
            assert!(
                group.windows(2).all(|w| w[0].0.len() >= w[1].0.len()),
                "{last}: longest first"
            );
            assert_eq!(ending.len(), 2 * ending.chars().count(), "{ending}");
            grouped += 1;
        }
        let listed: usize = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя'"
            .chars()
            .map(|c| endings_ending_in(c).len())
            .sum();
        assert_eq!(listed, grouped);
    }

    /// Every word of a text, as the glossary matcher gives them and as written.
    fn words_of(text: &str) -> Vec<String> {
        let mut words = Vec::new();
        for token in crate::facts::tokens::tokenize(text) {
            words.push(token.text.to_string());
            words.push(token.text.to_lowercase());
        }
        // Words with their punctuation, quotes and digits, as odd input.
        words.extend(text.split_whitespace().map(str::to_string));
        words
    }

    #[test]
    fn stems_are_those_first_written_on_real_text() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
        let mut texts = Vec::new();
        let docs = std::fs::read_dir(root.join("ntrex128/docs"))
            .map(|dir| dir.filter_map(|e| e.ok()).map(|e| e.path()).collect())
            .unwrap_or_else(|_| Vec::new());
        for doc in &docs {
            for lang in ["uk", "ru", "en"] {
                if let Ok(text) = std::fs::read_to_string(doc.join(format!("{lang}.txt"))) {
                    texts.push(text);
                }
            }
        }
        assert!(texts.len() >= 300, "ntrex docs: {}", texts.len());
        for lexicon in ["lexicon/uk.tsv", "lexicon/ru.tsv"] {
            let text = std::fs::read_to_string(root.join(lexicon)).unwrap_or_default();
            assert!(!text.is_empty(), "{lexicon}");
            texts.push(text);
        }
        let mut compared = 0;
        for text in &texts {
            for word in words_of(text) {
                assert_eq!(stem(&word), stem_as_first_written(&word), "{word:?}");
                compared += 1;
            }
        }
        assert!(compared > 100_000, "{compared}");
    }

    #[test]
    fn stems_are_those_first_written_on_odd_words() {
        let words = [
            "",
            "і",
            "ь",
            "й",
            "'",
            "’",
            "123",
            "ISW",
            "ов",
            "ець",
            "ії",
            "Київ",
            "КИЄВА",
            "Миколаїв",
            "країв",
            "їв",
            "ставок",
            "ставці",
            "допомозі",
            "позиція",
            "санкцій",
            "третій",
            "рік",
            "дім",
            "Білого",
            "x-рік",
            "рікx",
            "ріx",
            "біженець",
            "гривень",
            "обліковий",
            "перемир’я",
            "перемирʼя",
            "м'ясо",
            "П’ЯТЬ",
            "İstanbul",
            "Київ\u{301}",
            "ста\u{301}вка",
            "ставкá",
            "Ξένια",
            "ǅ",
            "ß",
            "ßов",
            "ﬁрік",
            "Корея",
            "Кореєю",
            "ієї",
            "ьєв",
            "оовов",
            "aаі",
            "ьоюю",
            "ічок",
            "зець",
        ];
        for word in words {
            assert_eq!(stem(word), stem_as_first_written(word), "{word:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_word_stems_as_first_written(word in "[а-щьюяєіїґА-ЩЬЮЯЄІЇҐa-zA-Z'’ʼ\u{301}ёыэъ-]{0,14}") {
            proptest::prop_assert_eq!(stem(&word), stem_as_first_written(&word));
        }

        #[test]
        fn ukrainian_inflections_stem_as_first_written(
            base in "[бвгдзклмнпрстхцчшщ]{0,2}[аеиіоуєї]?[бвгдзклмнпрстхцчшщ]{1,2}(ов|ев|єв|ок|ец|ен|ці|зі|і)?",
            ending in "(а|я|у|ю|і|ї|и|е|є|о|ь|й|ом|ем|єм|ою|ею|єю|ам|ям|ами|ями|ах|ях|ів|ей|ові|еві|єві|ий|ій|ого|ього|ому|ьому|им|ім|ої|ьої|ьою|их|іх|ими|іми)?",
        ) {
            let word = format!("{base}{ending}");
            proptest::prop_assert_eq!(stem(&word), stem_as_first_written(&word));
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        for word in ["", "і", "ь", "'", "123", "ISW", "й", "ов", "ець", "ії"] {
            let _ = stem(word);
        }
        assert_eq!(stem("ISW"), "isw");
        assert_eq!(stem(""), "");
    }
}
