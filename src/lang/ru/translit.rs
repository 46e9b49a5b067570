//! Russian → Latin, after the BGN/PCGN 1947 system, lowercased and in plain ASCII: used to
//! compare names across scripts.
//!
//! Simplifications, chosen to match how names appear in English news: ё is written like е
//! ("Горбачёв" → "gorbachev"), and the hard and soft signs are not written. е and ё are "ye"
//! at the start of a word and after a vowel or a sign ("Бабаев" → "babayev").

use crate::facts::tokens::is_letter;

/// `(letter, at the start of a word or after a vowel or a sign, elsewhere)`.
const LETTERS: &[(char, &str, &str)] = &[
    ('а', "a", "a"),
    ('б', "b", "b"),
    ('в', "v", "v"),
    ('г', "g", "g"),
    ('д', "d", "d"),
    ('е', "ye", "e"),
    ('ё', "ye", "e"),
    ('ж', "zh", "zh"),
    ('з', "z", "z"),
    ('и', "i", "i"),
    ('й', "y", "y"),
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
    ('ъ', "", ""),
    ('ы', "y", "y"),
    ('ь', "", ""),
    ('э', "e", "e"),
    ('ю', "yu", "yu"),
    ('я', "ya", "ya"),
];

/// After these the "initial" form is used, as at the start of a word.
const SOFTENING_PREDECESSORS: &[char] = &[
    'а', 'е', 'ё', 'и', 'й', 'о', 'у', 'ы', 'э', 'ю', 'я', 'ъ', 'ь',
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
/// letter before it. No marks when `word` is not already lowercase (the offsets would be of
/// its lowercase form).
pub fn to_latin_marked(word: &str, out: &mut String, marks: &mut Vec<(usize, usize)>) {
    marks.clear();
    let lower = crate::facts::names::lowercase(word);
    let marked = matches!(lower, std::borrow::Cow::Borrowed(_));
    let mut previous: Option<char> = None;
    for (at, c) in lower.char_indices() {
        if marked {
            marks.push((at, out.len()));
        }
        let initial_form = match previous {
            None => true,
            Some(p) => !is_letter(p) || SOFTENING_PREDECESSORS.contains(&p),
        };
        match latin_of(c) {
            Some((_, initial, inner)) => out.push_str(if initial_form { initial } else { inner }),
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
fn latin_of(c: char) -> Option<&'static (char, &'static str, &'static str)> {
    let index = match c {
        'а'..='е' => c as usize - 'а' as usize,
        'ё' => 6,
        'ж'..='я' => c as usize - 'ж' as usize + 7,
        _ => return None,
    };
    LETTERS.get(index)
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
            "бабаеве",
            "горбачёва",
            "подъячева",
            "эрдогану",
            "е",
            "",
            "Киев",
        ] {
            assert_marks_give_prefixes(word);
        }
        let (mut latin, mut marks) = (String::new(), Vec::new());
        to_latin_marked("Киев", &mut latin, &mut marks);
        assert!(marks.is_empty(), "not lowercase");
    }

    proptest! {
        #[test]
        fn any_word_marks_its_prefixes(word in "[а-яё'’a-z\\- ]{0,12}") {
            assert_marks_give_prefixes(&word);
        }
    }

    /// The transliteration as first written (a search of the table per letter), kept to show
    /// the table-free lookup gives the same Latin.
    fn to_latin_by_search(word: &str) -> String {
        let mut out = String::new();
        let mut previous: Option<char> = None;
        for c in word.to_lowercase().chars() {
            let initial_form = match previous {
                None => true,
                Some(p) => !is_letter(p) || SOFTENING_PREDECESSORS.contains(&p),
            };
            match LETTERS.iter().find(|(letter, _, _)| *letter == c) {
                Some((_, initial, inner)) => {
                    out.push_str(if initial_form { initial } else { inner })
                }
                None => out.push(c),
            }
            previous = Some(c);
        }
        out
    }

    #[test]
    fn every_letter_is_found_where_the_table_has_it() {
        for c in (0..0x2100).filter_map(char::from_u32) {
            let searched = LETTERS.iter().find(|(letter, _, _)| *letter == c);
            assert_eq!(latin_of(c), searched, "{c:?}");
        }
    }

    #[test]
    fn names_and_table_words_read_as_the_search_reads_them() {
        let tables = crate::facts::names::tables(crate::lang::Lang::Ru);
        let words = tables.every_word().chain([
            "Зеленский",
            "Горбачёв",
            "ХРУЩЁВ",
            "Подъячев",
            "Пхеньян",
            "Ельцин",
            "Бабаев",
            "Нью-Йорке",
            "Ким Чен Ын",
            "iPhone 15",
            "Ǆуро",
            "ΣΟΦΙΑ",
            "Эрдоган",
            "",
        ]);
        for word in words {
            assert_eq!(to_latin(word), to_latin_by_search(word), "{word:?}");
        }
    }

    proptest! {
        #[test]
        fn any_word_reads_as_the_search_reads_it(word in "[а-яА-ЯёЁіїІЇ'’a-zA-Z\\- ΣσςǅǄ]{0,16}") {
            prop_assert_eq!(to_latin(&word), to_latin_by_search(&word));
        }
    }

    #[test]
    fn names_from_the_news() {
        assert_eq!(to_latin("Зеленский"), "zelenskiy");
        assert_eq!(to_latin("Нарожный"), "narozhnyy");
        assert_eq!(to_latin("Бабаев"), "babayev");
        assert_eq!(to_latin("Донецк"), "donetsk");
        assert_eq!(to_latin("Ельцин"), "yeltsin");
        assert_eq!(to_latin("Горбачёв"), "gorbachev");
        assert_eq!(to_latin("Хрущёв"), "khrushchev");
        assert_eq!(to_latin("Подъячев"), "podyachev");
        assert_eq!(to_latin("Пхеньян"), "pkhenyan");
    }

    #[test]
    fn latin_and_digits_pass_through_lowercased() {
        assert_eq!(to_latin("iPhone 15"), "iphone 15");
        assert_eq!(to_latin(""), "");
    }
}
