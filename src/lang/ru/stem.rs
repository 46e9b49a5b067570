//! Stemming: strips inflectional endings so that inflected forms of one word compare equal.
//!
//! The Snowball Russian stemmer does the work; three rules around it keep the forms of place
//! names and nouns with a fleeting vowel together, where Snowball splits them:
//!
//! - "ё" is written "е" (Russian texts write it or not), and a final "ь" goes before
//!   stemming (Snowball reads "Беларусь" as a reflexive verb and cuts it to "белар").
//! - A stem ending in "-е" loses it: Snowball reads the "-ее" of "Корее" as an adjective
//!   ending ("кор") but keeps the "е" of "Корея" ("коре").
//! - A stem ending in "-ов"/"-ев" loses it: Snowball strips "-ов" from "Харьков" but not from
//!   "Харькова" ("харьков"), and "Киев", "Николаев" likewise.
//! - Fleeting vowels: "-ец", "-ок" after a consonant lose their vowel ("беженец" = "беженц",
//!   as in "беженцы").

use rust_stemmers::{Algorithm, Stemmer};
use std::borrow::Cow;
use std::sync::OnceLock;

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::Russian))
}

fn is_consonant(c: char) -> bool {
    ('а'..='я').contains(&c) && !"аеиоуыэюяьъй".contains(c)
}

/// The word lowercased, "ё" read as "е" and typographic apostrophes as "'". Words are nearly
/// always given lowercase, in letters that need no mapping: those are read as they are.
fn lowercase_for_stemming(word: &str) -> Cow<'_, str> {
    if word.chars().all(|c| matches!(c, 'а'..='я' | 'a'..='z')) {
        return Cow::Borrowed(word);
    }
    Cow::Owned(
        word.chars()
            .flat_map(char::to_lowercase)
            .map(|c| match c {
                'ё' => 'е',
                '’' | 'ʼ' => '\'',
                _ => c,
            })
            .collect(),
    )
}

/// The stem of a lowercased word.
pub fn stem(word: &str) -> String {
    // The word and its stem are not copied to be worked on: the stem is the one string made
    // per word.
    let lower = lowercase_for_stemming(word);
    let lower = match lower.strip_suffix('ь') {
        Some(without_sign) if lower.chars().count() > 3 => without_sign,
        _ => &lower,
    };
    let mut stemmed = stemmer().stem(lower).into_owned();
    let mut chars = stemmed.chars().count();
    // "Корея" → "коре" but "Корее" → "кор" (Snowball reads "-ее" as an adjective ending).
    if chars >= 4 && stemmed.ends_with('е') {
        stemmed.pop();
        chars -= 1;
    }
    let mut tail = stemmed.chars().rev();
    if chars >= 4 && tail.next() == Some('в') && matches!(tail.next(), Some('о' | 'е')) {
        stemmed.pop();
        stemmed.pop();
        chars -= 2;
    }
    let mut tail = stemmed.char_indices().rev();
    if let (true, Some((_, last)), Some((vowel_at, vowel)), Some((_, before))) =
        (chars >= 4, tail.next(), tail.next(), tail.next())
    {
        if is_consonant(before) && matches!((vowel, last), ('е', 'ц') | ('о', 'к')) {
            stemmed.remove(vowel_at);
        }
    }
    stemmed
}

#[cfg(test)]
mod tests {
    use super::stem;

    fn same(words: &[&str]) {
        let first = stem(words[0]);
        for word in words {
            assert_eq!(stem(word), first, "{word} vs {}", words[0]);
        }
    }

    #[test]
    fn inflected_forms_meet() {
        same(&["учетная", "учетной", "учётную", "учетною"]);
        same(&["ставка", "ставки", "ставке", "ставку", "ставкой", "ставок"]);
        same(&["силы", "сил", "силам", "силами", "силах"]);
        same(&["обороны", "оборона", "обороне", "обороной"]);
        same(&[
            "оккупированный",
            "оккупированного",
            "оккупированной",
            "оккупированных",
            "оккупированными",
        ]);
        same(&["беженец", "беженца", "беженцы", "беженцев"]);
        same(&["санкции", "санкций", "санкциями", "санкция"]);
        same(&["разведка", "разведки", "разведке", "разведкой"]);
    }

    #[test]
    fn place_names_meet() {
        same(&["Харьков", "Харькова", "Харькове", "Харьковом"]);
        same(&["Киев", "Киева", "Киеве", "Киеву"]);
        same(&["Львов", "Львова", "Львове"]);
        same(&["Николаев", "Николаева", "Николаеве"]);
        same(&["Донецк", "Донецка", "Донецке"]);
        same(&["Беларусь", "Беларуси", "Беларусью"]);
        same(&["Украина", "Украины", "Украине", "Украину", "Украиной"]);
        same(&["Запорожье", "Запорожья", "Запорожью"]);
        same(&["Корея", "Кореи", "Корее", "Корею", "Кореей"]);
        same(&["Северная", "Северной", "Северную"]);
    }

    #[test]
    fn distinct_words_stay_apart() {
        let words = [
            "Украина",
            "украинский",
            "учетная",
            "ключевая",
            "оборона",
            "оборот",
            "сила",
            "село",
            "война",
            "военный",
            "Киев",
            "киевский",
            "Россия",
            "российский",
            "позиция",
            "позиция",
        ];
        let mut seen = std::collections::HashMap::new();
        for word in words {
            if let Some(other) = seen.insert(stem(word), word) {
                assert_eq!(other, word, "{word} and {other} share a stem");
            }
        }
    }

    /// [`stem`] as first written (the word copied, the stem copied into characters and back),
    /// kept to show the copy-free one gives the same stems.
    fn stem_as_first_written(word: &str) -> String {
        // The lowercasing is shared; what changed is the stemming after it.
        let mut lower = super::lowercase_for_stemming(word).into_owned();
        if lower.ends_with('ь') && lower.chars().count() > 3 {
            lower.pop();
        }
        let stemmed = super::stemmer().stem(&lower);
        let mut chars: Vec<char> = stemmed.chars().collect();
        if chars.len() >= 4 && chars.last() == Some(&'е') {
            chars.pop();
        }
        let n = chars.len();
        if n >= 4 && chars[n - 1] == 'в' && matches!(chars[n - 2], 'о' | 'е') {
            chars.truncate(n - 2);
        }
        let n = chars.len();
        if n >= 4 && super::is_consonant(chars[n - 3]) {
            if let ('е', 'ц') | ('о', 'к') = (chars[n - 2], chars[n - 1]) {
                chars.remove(n - 2);
            }
        }
        chars.into_iter().collect()
    }

    #[test]
    fn stems_are_those_first_written() {
        let words = [
            "Харькова",
            "Киеве",
            "Николаев",
            "Беларусь",
            "Корее",
            "Кореей",
            "беженец",
            "беженцев",
            "Ёлка",
            "ёж",
            "ь",
            "ов",
            "ец",
            "Путина",
            "Зеленского",
            "Пхеньяне",
            "подростков",
            "звонок",
            "отец",
            "NATO",
            "iPhone",
            "сорок",
            "бывшее",
            "Шойгу",
            "Д’Артаньян",
            "Сергеевичем",
            "Ростов-на-Дону",
            "",
            "123",
        ];
        for word in words {
            assert_eq!(stem(word), stem_as_first_written(word), "{word:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_word_stems_as_first_written(word in "[а-яёьъА-ЯЁa-z’-]{0,14}") {
            proptest::prop_assert_eq!(stem(&word), stem_as_first_written(&word));
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        for word in ["", "ь", "ёж", "123", "NATO", "ов", "ец"] {
            let _ = stem(word);
        }
        assert_eq!(stem("Ёлка"), stem("елка"));
    }
}
