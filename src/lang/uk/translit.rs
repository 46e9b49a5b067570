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

/// Lowercased Latin form of `word`. Characters outside the table (Latin letters, digits,
/// punctuation) are kept, lowercased.
pub fn to_latin(word: &str) -> String {
    let mut out = String::with_capacity(word.len() * 2);
    to_latin_into(word, &mut out);
    out
}

/// [`to_latin`] appended to `out`: the name keys of a word transliterate it and its stems into
/// one buffer instead of a new string each.
pub fn to_latin_into(word: &str, out: &mut String) {
    to_latin_marked(word, out, &mut Vec::new());
}

/// [`to_latin_into`], noting in `marks` (cleared first), for each character boundary of `word`,
/// its byte offset and the length of `out` there: the Latin of a prefix of the word ending at
/// a mark (a stem) is `out` up to that length, since a letter's form depends only on the
/// letter before it. No mark inside "зг", whose Latin "zgh" is one; none at all when `word`
/// is not already lowercase (the offsets would be of its lowercase form).
pub fn to_latin_marked(word: &str, out: &mut String, marks: &mut Vec<(usize, usize)>) {
    marks.clear();
    let lower = crate::facts::names::lowercase(word);
    let marked = matches!(lower, std::borrow::Cow::Borrowed(_));
    let mut previous: Option<char> = None;
    let mut chars = lower.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if marked {
            marks.push((at, out.len()));
        }
        // The one digraph: "зг" is written "zgh" so it is not read as "ж".
        if c == 'з' && chars.peek().map(|&(_, next)| next) == Some('г') {
            chars.next();
            out.push_str("zgh");
            previous = Some('г');
            continue;
        }
        let word_start = !previous.is_some_and(|p| is_letter(p) || is_apostrophe(p));
        match latin_of(c) {
            Some((initial, inner)) => out.push_str(if word_start { initial } else { inner }),
            None => out.push(c),
        }
        previous = Some(c);
    }
    if marked {
        marks.push((lower.len(), out.len()));
    }
}

/// The Latin forms of a letter of [`LETTERS`], looked up without a search: this runs for every
/// letter of every word whose keys a check makes.
fn latin_of(c: char) -> Option<(&'static str, &'static str)> {
    let index = match c {
        'а'..='г' => c as usize - 'а' as usize,
        'ґ' => 4,
        'д'..='е' => c as usize - 'д' as usize + 5,
        'є' => 7,
        'ж'..='и' => c as usize - 'ж' as usize + 8,
        'і' => 11,
        'ї' => 12,
        'й'..='щ' => c as usize - 'й' as usize + 13,
        'ь' => 30,
        'ю'..='я' => c as usize - 'ю' as usize + 31,
        '\'' => 33,
        '’' => 34,
        'ʼ' => 35,
        _ => return None,
    };
    LETTERS
        .get(index)
        .map(|&(_, initial, inner)| (initial, inner))
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn assert_marks_give_prefixes(word: &str) {
        crate::lang::assert_marks_give_prefixes(word, to_latin, to_latin_marked);
    }

    #[test]
    fn stems_read_their_latin_from_the_marks_of_the_word() {
        for word in [
            "зеленського",
            "згорани",
            "розгляду",
            "києві",
            "знам'янці",
            "з",
            "",
            "Київ",
        ] {
            assert_marks_give_prefixes(word);
        }
        let (mut latin, mut marks) = (String::new(), Vec::new());
        to_latin_marked("розгляду", &mut latin, &mut marks);
        assert!(
            !marks.iter().any(|&(input, _)| input == "роз".len()),
            "inside зг"
        );
        to_latin_marked("Київ", &mut latin, &mut marks);
        assert!(marks.is_empty(), "not lowercase");
    }

    proptest! {
        #[test]
        fn any_word_marks_its_prefixes(word in "[а-яіїєґ'’a-z\\- ]{0,12}") {
            assert_marks_give_prefixes(&word);
        }
    }

    /// The transliteration as first written (a search of the table per letter), kept to show
    /// the table-free lookup gives the same Latin.
    fn to_latin_by_search(word: &str) -> String {
        let lower: Vec<char> = word.to_lowercase().chars().collect();
        let mut out = String::new();
        let mut i = 0;
        while i < lower.len() {
            if lower.get(i) == Some(&'з') && lower.get(i + 1) == Some(&'г') {
                out.push_str("zgh");
                i += 2;
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

    #[test]
    fn every_letter_is_found_where_the_table_has_it() {
        for c in (0..0x2100).filter_map(char::from_u32) {
            let searched = LETTERS
                .iter()
                .find(|(letter, _, _)| *letter == c)
                .map(|&(_, initial, inner)| (initial, inner));
            assert_eq!(latin_of(c), searched, "{c:?}");
        }
    }

    #[test]
    fn names_and_table_words_read_as_the_search_reads_them() {
        let tables = crate::facts::names::tables(crate::lang::Lang::Uk);
        let words = tables.every_word().chain([
            "Зеленський",
            "Згорани",
            "розгін",
            "ЗГОРАНИ",
            "Знам'янка",
            "Знам’янки",
            "Ґалаґан",
            "Єнакієве",
            "Їжакевич",
            "Юрій",
            "Нью-Йорку",
            "Кім Чен Ин",
            "F-16",
            "Ǆуро",
            "ΣΟΦΙΑ",
            "Перемоги",
            "Шостка",
            "Ørsted",
            "",
        ]);
        for word in words {
            assert_eq!(to_latin(word), to_latin_by_search(word), "{word:?}");
        }
    }

    proptest! {
        #[test]
        fn any_word_reads_as_the_search_reads_it(word in "[а-яА-ЯіїєґІЇЄҐёЁ'’ʼa-zA-Z\\- ΣσςǅǄ]{0,16}") {
            prop_assert_eq!(to_latin(&word), to_latin_by_search(&word));
        }
    }

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
