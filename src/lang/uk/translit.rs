//! Ukrainian → Latin, after the national standard (Cabinet of Ministers resolution No. 55 of
//! 27 January 2010, "KMU 2010"), lowercased: used to compare names across scripts.
//!
//! The letters є, ї, й, ю, я have one form at the start of a word ("Єнакієве" → "yenakiieve")
//! and another inside it; "зг" is written "zgh" so it is not read as "ж"; the soft sign and
//! the apostrophe are not written.

use crate::facts::tokens::is_letter;

/// `(letter, at the start of a word, elsewhere)`.
const LETTERS: &[(char, &str, &str)] = &[
    ('а', "a", "a"),
    ('б', "b", "b"),
    ('в', "v", "v"),
    ('г', "h", "h"),
    ('ґ', "g", "g"),
    ('д', "d", "d"),
    ('е', "e", "e"),
    ('є', "ye", "ie"),
    ('ж', "zh", "zh"),
    ('з', "z", "z"),
    ('и', "y", "y"),
    ('і', "i", "i"),
    ('ї', "yi", "i"),
    ('й', "y", "i"),
    ('к', "k", "k"),
    ('л', "l", "l"),
    ('м', "m", "m"),
    ('н', "n", "n"),
    ('о', "o", "o"),
    ('п', "p", "p"),
    ('р', "r", "r"),
    ('с', "s", "s"),
    ('т', "t", "t"),
    ('у', "u", "u"),
    ('ф', "f", "f"),
    ('х', "kh", "kh"),
    ('ц', "ts", "ts"),
    ('ч', "ch", "ch"),
    ('ш', "sh", "sh"),
    ('щ', "shch", "shch"),
    ('ь', "", ""),
    ('ю', "yu", "iu"),
    ('я', "ya", "ia"),
    ('\'', "", ""),
    ('’', "", ""),
    ('ʼ', "", ""),
];

/// Letter pairs written differently from their letters one by one.
const DIGRAPHS: &[(&str, &str)] = &[("зг", "zgh")];

/// Lowercased Latin form of `word`. Characters outside the table (Latin letters, digits,
/// punctuation) are kept, lowercased.
pub fn to_latin(word: &str) -> String {
    let lower: Vec<char> = word.to_lowercase().chars().collect();
    let mut out = String::with_capacity(lower.len() * 2);
    let mut i = 0;
    while i < lower.len() {
        if let Some((pair, latin)) = DIGRAPHS.iter().find(|(pair, _)| {
            let mut pair_chars = pair.chars();
            lower.get(i) == pair_chars.next().as_ref()
                && lower.get(i + 1) == pair_chars.next().as_ref()
        }) {
            out.push_str(latin);
            i += pair.chars().count();
            continue;
        }
        let Some(&c) = lower.get(i) else { break };
        let word_start = i == 0
            || !lower
                .get(i - 1)
                .is_some_and(|p| is_letter(*p) || is_apostrophe(*p));
        match LETTERS.iter().find(|(letter, _, _)| *letter == c) {
            Some((_, initial, inner)) => out.push_str(if word_start { initial } else { inner }),
            None => out.push(c),
        }
        i += 1;
    }
    out
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

#[cfg(test)]
mod tests {
    use super::to_latin;

    #[test]
    fn official_examples_of_the_standard() {
        // Examples given in the KMU 2010 table itself.
        assert_eq!(to_latin("Згорани"), "zghorany");
        assert_eq!(to_latin("Розгон"), "rozghon");
        assert_eq!(to_latin("Єнакієве"), "yenakiieve");
        assert_eq!(to_latin("Їжакевич"), "yizhakevych");
        assert_eq!(to_latin("Кадиївка"), "kadyivka");
        assert_eq!(to_latin("Йосипівка"), "yosypivka");
        assert_eq!(to_latin("Стрий"), "stryi");
        assert_eq!(to_latin("Юрій"), "yurii");
        assert_eq!(to_latin("Костянтин"), "kostiantyn");
        assert_eq!(to_latin("Знам'янка"), "znamianka");
        assert_eq!(to_latin("Щербухи"), "shcherbukhy");
        assert_eq!(to_latin("Ґалаґан"), "galagan");
    }

    #[test]
    fn names_from_the_news() {
        assert_eq!(to_latin("Зеленський"), "zelenskyi");
        assert_eq!(to_latin("Київ"), "kyiv");
        assert_eq!(to_latin("Донецьк"), "donetsk");
        assert_eq!(to_latin("Бабаєв"), "babaiev");
        assert_eq!(to_latin("Нарожний"), "narozhnyi");
        assert_eq!(to_latin("Харків"), "kharkiv");
    }

    #[test]
    fn latin_and_digits_pass_through_lowercased() {
        assert_eq!(to_latin("The Boston Globe"), "the boston globe");
        assert_eq!(to_latin("F-16"), "f-16");
        assert_eq!(to_latin(""), "");
    }
}
