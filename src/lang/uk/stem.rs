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
const ENDINGS: &[&str] = &[
    // Nouns: singular.
    "а", "я", "у", "ю", "і", "ї", "и", "е", "є", "о", "ь", "й", "ом", "ем", "єм", "ою", "ею",
    "єю", // Nouns: plural.
    "ам", "ям", "ами", "ями", "ах", "ях", "ів", "ей",
];

/// Endings that short words end in by accident ("Крим", "крім", "крові" are no "кр" + ending):
/// removed only when at least [`MIN_LONG_STEM`] letters remain.
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

/// Every ending of [`ENDINGS`] and [`LONG_STEM_ENDINGS`] as characters, with the letters it
/// must leave; compared with a word's last characters without building strings.
fn endings() -> &'static [(Vec<char>, usize)] {
    static ENDING_CHARS: std::sync::OnceLock<Vec<(Vec<char>, usize)>> = std::sync::OnceLock::new();
    ENDING_CHARS.get_or_init(|| {
        let short = ENDINGS.iter().map(|e| (e.chars().collect(), MIN_STEM));
        let long = LONG_STEM_ENDINGS
            .iter()
            .map(|e| (e.chars().collect(), MIN_LONG_STEM));
        short.chain(long).collect()
    })
}

/// The stem of a lowercased word.
pub fn stem(word: &str) -> String {
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

    // "Київ", "Миколаїв", "країв": the "-їв" of a bare stem is the "-єв" of its other forms.
    if chars.ends_with(&['ї', 'в']) {
        chars.truncate(chars.len() - 2);
        chars.extend(['є', 'в']);
    }

    // 1. The longest ending (no two endings of one length are both a word's ending). The
    // last letter turns most endings away before they are compared whole.
    let last = chars.last().copied();
    let ending_length = endings()
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

    // 2. "-ія" nouns, and "-ея" nouns ("Корея", but "Корею" loses "-ею").
    let mut dropped_i = false;
    if chars.len() >= 4 && chars.last() == Some(&'і') {
        chars.pop();
        dropped_i = true;
    } else if chars.len() >= 4 && chars.last() == Some(&'е') {
        chars.pop();
    }

    // 3. "-ов-", "-ев-", "-єв-".
    if chars.len() >= MIN_LONG_STEM + 2 && chars.last() == Some(&'в') {
        if let Some(&vowel) = chars.get(chars.len() - 2) {
            if matches!(vowel, 'о' | 'е' | 'є') {
                chars.truncate(chars.len() - 2);
            }
        }
    }

    // 4. "і" → "о" in a closed last syllable.
    let n = chars.len();
    if n >= 3 && chars[n - 2] == 'і' && is_consonant(chars[n - 1]) {
        chars[n - 2] = 'о';
    }

    // 5. Fleeting vowels.
    let n = chars.len();
    if n >= 4 && is_consonant(chars[n - 3]) {
        let tail = (chars[n - 2], chars[n - 1]);
        if matches!(tail, ('о', 'к') | ('е', 'ц') | ('е', 'н')) {
            chars.remove(n - 2);
        }
    }

    // 6. "к"/"ц", "г"/"з".
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

#[cfg(test)]
mod tests {
    use super::stem;

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

    #[test]
    fn odd_input_does_not_panic() {
        for word in ["", "і", "ь", "'", "123", "ISW", "й", "ов", "ець", "ії"] {
            let _ = stem(word);
        }
        assert_eq!(stem("ISW"), "isw");
        assert_eq!(stem(""), "");
    }
}
