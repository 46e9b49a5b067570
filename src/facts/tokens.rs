//! Splitting a paragraph into words, digit runs and punctuation, with character offsets.
//! Extractors work on tokens so that no language table ever sees raw text.

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, with apostrophes between letters ("п'ять", "Kyiv's" stays "Kyiv" "'" "s").
    Word,
    /// A run of ASCII digits ("10", "000", "2024").
    Digits,
    /// Any other single non-space character.
    Punct,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    pub kind: TokenKind,
    /// As written.
    pub text: &'a str,
    /// Lowercased (words only; equal to `text` otherwise). Borrowed when `text` has no
    /// capitals, which spares an allocation for most words.
    pub lower: std::borrow::Cow<'a, str>,
    /// Character range `[start, end)` in the paragraph text.
    pub start: usize,
    pub end: usize,
    /// Byte offset of `text` in the paragraph text.
    pub byte_start: usize,
    /// The whitespace between the previous token and this one ("" when they touch).
    pub gap_before: &'a str,
}

impl Token<'_> {
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
    pub fn is_digits(&self) -> bool {
        self.kind == TokenKind::Digits
    }
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokenKind::Punct && self.text.starts_with(c)
    }
    /// True when the word starts with an uppercase letter.
    pub fn is_capitalized(&self) -> bool {
        self.kind == TokenKind::Word && self.text.chars().next().is_some_and(is_upper)
    }
}

fn is_word_char(c: char) -> bool {
    is_letter(c) || ('\u{300}'..='\u{36f}').contains(&c)
}

/// `char::is_alphabetic`, answered without the Unicode table search for ASCII and Cyrillic,
/// which are nearly every character concord reads (the table search was a tenth of the run
/// time of a check).
#[inline]
pub fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\0'..='\u{7f}' => false,
        // Cyrillic letters; U+0482..=U+0489 are a sign and combining marks.
        '\u{400}'..='\u{481}' | '\u{48a}'..='\u{52f}' => true,
        '\u{482}'..='\u{489}' => false,
        _ => c.is_alphabetic(),
    }
}

/// `char::is_uppercase`, answered without the Unicode table search for ASCII and the Cyrillic
/// block, where capitals are U+0410..=U+042F and U+0400..=U+040F, and the historic and
/// non-Russian letters from U+0460 on alternate capital, small (in odd pairs from U+04C1).
#[inline]
pub fn is_upper(c: char) -> bool {
    let code = u32::from(c);
    match c {
        'A'..='Z' => true,
        '\0'..='\u{7f}' => false,
        '\u{400}'..='\u{42f}' => true,
        '\u{430}'..='\u{45f}' => false,
        '\u{460}'..='\u{481}' | '\u{48a}'..='\u{4bf}' | '\u{4d0}'..='\u{52f}' => code % 2 == 0,
        '\u{4c0}' => true,
        '\u{4c1}'..='\u{4ce}' => code % 2 == 1,
        '\u{482}'..='\u{489}' | '\u{4cf}' => false,
        _ => c.is_uppercase(),
    }
}

/// `char::is_alphanumeric` with the same fast paths as [`is_letter`].
#[inline]
pub fn is_letter_or_digit(c: char) -> bool {
    c.is_ascii_digit() || is_letter(c) || (!c.is_ascii() && c.is_numeric())
}

/// Splits `text` into tokens. Apostrophes (normalized to `'`) join letters into one word only
/// for Ukrainian-style words such as "п'ять" and "м'ясо": a letter on both sides.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    // One pass over the bytes, keeping byte and character positions together: every extractor
    // reads these tokens, so this loop runs over every character concord checks (an index of
    // all characters cost as much memory as the text four times over; a peekable `char_indices`
    // cost three times the instructions of this loop).
    let bytes = text.as_bytes();
    // About five bytes a token in English, twice that in Cyrillic text: growing the vector
    // copied every English paragraph's tokens once.
    let mut tokens = Vec::with_capacity(text.len() / 5 + 4);
    let mut at = 0usize;
    let mut position = 0usize;
    let mut gap_start = 0usize;
    while let Some(&lead) = bytes.get(at) {
        // The space between words is asked about first: after letters, it is the commonest
        // byte, and `ascii_start` would test it last.
        if lead == b' ' {
            at += 1;
            position += 1;
            continue;
        }
        let (start_byte, start) = (at, position);
        // Whether a capital first letter is ASCII or Cyrillic, whose small letter is known
        // without a table (see `capitalized_lowercase`).
        let mut first_in_table = true;
        // ASCII and the two-byte Cyrillic letters are told from their bytes; any other
        // character is decoded.
        let (first, width) = if lead < 0x80 {
            (ascii_start(lead), 1)
        } else if let Some(capital) = cyrillic_letter(bytes, at) {
            (
                Start::Letter {
                    capital,
                    latin: false,
                },
                2,
            )
        } else {
            let Some((c, width)) = char_at(bytes, at) else {
                break;
            };
            first_in_table = false;
            let first = if is_space(c) {
                Start::Space
            } else if is_word_char(c) {
                Start::Letter {
                    capital: is_upper(c),
                    latin: is_latin(c),
                }
            } else {
                Start::Punct
            };
            (first, width)
        };
        at += width;
        position += 1;
        let (kind, capitals) = match first {
            Start::Space => continue,
            Start::Digit => {
                while bytes.get(at).is_some_and(u8::is_ascii_digit) {
                    at += 1;
                    position += 1;
                }
                (TokenKind::Digits, Capitals::None)
            }
            Start::Punct => (TokenKind::Punct, Capitals::None),
            Start::Letter { capital, latin } => {
                let word = scan_word(bytes, at, position, latin);
                (at, position) = (word.at, word.position);
                let capitals = match (capital, word.rest_has_upper) {
                    (false, false) => Capitals::None,
                    (true, false) if first_in_table && !word.rest_is_unusual => Capitals::FirstOnly,
                    _ => Capitals::Some,
                };
                (TokenKind::Word, capitals)
            }
        };
        let token_text = text.get(start_byte..at).unwrap_or_default();
        let gap_before = text
            .get(gap_start.min(start_byte)..start_byte)
            .unwrap_or_default();
        let lower = match capitals {
            Capitals::None => std::borrow::Cow::Borrowed(token_text),
            Capitals::FirstOnly => std::borrow::Cow::Owned(capitalized_lowercase(token_text)),
            Capitals::Some => std::borrow::Cow::Owned(lowercase(token_text)),
        };
        tokens.push(Token {
            kind,
            text: token_text,
            lower,
            start,
            end: position,
            byte_start: start_byte,
            gap_before,
        });
        gap_start = at;
    }
    tokens
}

/// What a character starts.
#[derive(Clone, Copy)]
enum Start {
    Space,
    Digit,
    /// A word; whether this first letter is a capital, and an ASCII letter.
    Letter {
        capital: bool,
        latin: bool,
    },
    Punct,
}

/// [`Start`] of an ASCII character.
#[inline]
fn ascii_start(byte: u8) -> Start {
    match byte {
        b'a'..=b'z' => Start::Letter {
            capital: false,
            latin: true,
        },
        b'A'..=b'Z' => Start::Letter {
            capital: true,
            latin: true,
        },
        b'0'..=b'9' => Start::Digit,
        b' ' | b'\n' | b'\t' | b'\r' | 0x0b | 0x0c => Start::Space,
        _ => Start::Punct,
    }
}

/// For a Cyrillic letter U+0400..=U+045F at byte `at` (0xD0 0x80..=0xD1 0x9F), whether it
/// is a capital (U+0400..=U+042F, below 0xD0 0xB0); `None` for anything else.
#[inline]
fn cyrillic_letter(bytes: &[u8], at: usize) -> Option<bool> {
    let lead = *bytes.get(at)?;
    if lead & 0xfe != 0xd0 {
        return None;
    }
    // In UTF-8 a continuation byte (0x80..=0xBF) follows.
    let second = *bytes.get(at + 1)?;
    (lead == 0xd0 || second < 0xa0).then_some(lead == 0xd0 && second < 0xb0)
}

/// Which letters of a token its lowercase changes.
#[derive(Clone, Copy)]
enum Capitals {
    /// None: the token is its own lowercase.
    None,
    /// Only the first, an ASCII or Cyrillic capital (U+0400..=U+042F), before small ASCII and
    /// Cyrillic (U+0430..=U+045F) letters ("Київ", "Kyiv"): most capitalized words.
    FirstOnly,
    /// Any other: [`lowercase`] works it out.
    Some,
}

/// Where a word ends: its end's byte and character positions, whether a capital follows its
/// first letter, and whether anything but ASCII and Cyrillic (U+0400..=U+045F) letters does.
struct WordEnd {
    at: usize,
    position: usize,
    rest_has_upper: bool,
    rest_is_unusual: bool,
}

/// Reads a word on from byte `at` (character `position`), after its first letter.
/// Apostrophes join letters only between two letters of which the first is not ASCII
/// ("п'ять", but "Kyiv" "'" "s").
#[inline]
fn scan_word(
    bytes: &[u8],
    mut at: usize,
    mut position: usize,
    mut previous_is_latin: bool,
) -> WordEnd {
    let (mut rest_has_upper, mut rest_is_unusual) = (false, false);
    loop {
        // Most letters are ASCII or two-byte Cyrillic: those are read from their bytes, a
        // run of one kind at a time (the character position is counted once per run);
        // anything else goes through `char_at`.
        let lead = bytes.get(at).copied().unwrap_or(0);
        let run_start = at;
        if lead < 0x80 {
            if lead.is_ascii_alphabetic() {
                while let Some(&letter) = bytes.get(at).filter(|b| b.is_ascii_alphabetic()) {
                    rest_has_upper |= letter < b'a';
                    at += 1;
                }
                position += at - run_start;
                previous_is_latin = true;
                continue;
            }
            if lead != b'\'' {
                break;
            }
        } else {
            while let Some(capital) = cyrillic_letter(bytes, at) {
                rest_has_upper |= capital;
                at += 2;
            }
            if at > run_start {
                position += (at - run_start) / 2;
                previous_is_latin = false;
                continue;
            }
        }
        let Some((ch, ch_width)) = char_at(bytes, at) else {
            break;
        };
        let joins_apostrophe = ch == '\''
            && !previous_is_latin
            && char_at(bytes, at + ch_width).is_some_and(|(after, _)| is_word_char(after));
        if !(is_word_char(ch) || joins_apostrophe) {
            break;
        }
        rest_has_upper |= is_upper(ch);
        rest_is_unusual = true;
        previous_is_latin = is_latin(ch);
        at += ch_width;
        position += 1;
    }
    WordEnd {
        at,
        position,
        rest_has_upper,
        rest_is_unusual,
    }
}

/// The character starting at byte `at` of valid UTF-8 and its width in bytes; `None` at the
/// end (or, never for a `&str`, inside a character).
#[inline]
fn char_at(bytes: &[u8], at: usize) -> Option<(char, usize)> {
    let lead = *bytes.get(at)?;
    let continuation = |offset: usize| bytes.get(at + offset).map(|&b| u32::from(b & 0x3f));
    let (code, width) = match lead {
        0..=0x7f => return Some((char::from(lead), 1)),
        0xc0..=0xdf => ((u32::from(lead & 0x1f) << 6) | continuation(1)?, 2),
        0xe0..=0xef => (
            (u32::from(lead & 0x0f) << 12) | (continuation(1)? << 6) | continuation(2)?,
            3,
        ),
        _ => (
            (u32::from(lead & 0x07) << 18)
                | (continuation(1)? << 12)
                | (continuation(2)? << 6)
                | continuation(3)?,
            4,
        ),
    };
    char::from_u32(code).map(|c| (c, width))
}

/// `char::is_whitespace` without the table search for ASCII.
#[inline]
fn is_space(c: char) -> bool {
    match c {
        ' ' | '\n' | '\t' | '\r' | '\u{b}' | '\u{c}' => true,
        '\0'..='\u{7f}' => false,
        _ => c.is_whitespace(),
    }
}

/// `str::to_lowercase`, without the table search for ASCII and Cyrillic letters (the
/// capitalized words of a paragraph are a fifth of its words).
///
/// Read byte by byte: most of a capitalized word is already small, and is copied in runs
/// between the capitals; a letter outside ASCII and U+0400..=U+04BF goes to
/// [`lowercase_by_chars`].
pub fn lowercase(word: &str) -> String {
    let bytes = word.as_bytes();
    let mut lower = String::with_capacity(word.len());
    // `word[copied..at]` is small already and not yet pushed.
    let (mut copied, mut at) = (0usize, 0usize);
    while let Some(&lead) = bytes.get(at) {
        let (small, width) = if lead < 0x80 {
            if !lead.is_ascii_uppercase() {
                at += 1;
                continue;
            }
            (char::from(lead.to_ascii_lowercase()), 1)
        } else {
            let second = bytes.get(at + 1).copied().unwrap_or(0);
            let code = (u32::from(lead & 0x1f) << 6) | u32::from(second & 0x3f);
            let small = match (lead, second) {
                // Ѐ..Џ (U+0400..=U+040F): the small letters are 0x50 further on.
                (0xd0, 0x80..=0x8f) => code + 0x50,
                // А..Я (U+0410..=U+042F): 0x20 further on.
                (0xd0, 0x90..=0xaf) => code + 0x20,
                // а..я, ѐ..џ (U+0430..=U+045F), and the small of the paired letters from
                // U+0480 on (Ґ, Ғ, ...: capital on the even code, small on the next).
                (0xd0, 0xb0..=0xbf) | (0xd1, 0x80..=0x9f) => {
                    at += 2;
                    continue;
                }
                (0xd2, 0x80 | 0x81 | 0x8a..=0xbf) if code % 2 == 1 => {
                    at += 2;
                    continue;
                }
                (0xd2, 0x80 | 0x81 | 0x8a..=0xbf) => code + 1,
                _ => return lowercase_by_chars(word),
            };
            match char::from_u32(small) {
                Some(small) => (small, 2),
                None => return lowercase_by_chars(word),
            }
        };
        lower.push_str(word.get(copied..at).unwrap_or_default());
        lower.push(small);
        at += width;
        copied = at;
    }
    lower.push_str(word.get(copied..).unwrap_or_default());
    lower
}

/// [`lowercase`] of a word whose first letter is an ASCII or Cyrillic (U+0400..=U+042F)
/// capital and whose other letters are small ASCII or Cyrillic (U+0430..=U+045F) letters:
/// the first letter lowered, the rest copied. Anything else goes to [`lowercase`].
fn capitalized_lowercase(word: &str) -> String {
    let mut chars = word.chars();
    let small = match chars.next() {
        Some(c @ 'A'..='Z') => Some(c.to_ascii_lowercase()),
        // А..Я and Ѐ..Џ: their small letters are 0x20 and 0x50 further on.
        Some(c @ '\u{410}'..='\u{42f}') => char::from_u32(u32::from(c) + 0x20),
        Some(c @ '\u{400}'..='\u{40f}') => char::from_u32(u32::from(c) + 0x50),
        _ => None,
    };
    let Some(small) = small else {
        return lowercase(word);
    };
    let rest = chars.as_str();
    let mut lower = String::with_capacity(word.len());
    lower.push(small);
    lower.push_str(rest);
    lower
}

/// [`lowercase`] char by char, still without the table search for the letters it knows.
fn lowercase_by_chars(word: &str) -> String {
    let mut lower = String::with_capacity(word.len());
    for c in word.chars() {
        let code = u32::from(c);
        let mapped = match c {
            'A'..='Z' => c.to_ascii_lowercase(),
            '\0'..='\u{7f}' | '\u{430}'..='\u{45f}' => c,
            // А..Я and Ѐ..Џ: their small letters are 0x20 and 0x50 further on.
            '\u{410}'..='\u{42f}' => char::from_u32(code + 0x20).unwrap_or(c),
            '\u{400}'..='\u{40f}' => char::from_u32(code + 0x50).unwrap_or(c),
            // Ґ, Ѣ, Ӑ and the other paired letters: capital on the even code, small next.
            '\u{460}'..='\u{481}' | '\u{48a}'..='\u{4bf}' | '\u{4d0}'..='\u{52f}' => {
                char::from_u32(code | 1).unwrap_or(c)
            }
            // Greek final sigma and the rest depend on more than one character.
            _ => return word.to_lowercase(),
        };
        lower.push(mapped);
    }
    lower
}

/// True for a sentence-ending mark. A full stop after a short capitalized word is an
/// abbreviation ("U.S. Sen. Elizabeth Warren", "Mr. Smith", "ст. Петров"), not an end.
pub fn ends_sentence(token: &Token, previous_word: Option<&Token>) -> bool {
    if token.is_punct('!') || token.is_punct('?') || token.is_punct('…') {
        return true;
    }
    if !token.is_punct('.') {
        return false;
    }
    match previous_word {
        Some(word) if word.end == token.start => {
            !(word.is_capitalized() && word.text.chars().count() <= 3)
        }
        _ => true,
    }
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(TokenKind, &str, &str)> {
        tokenize(text)
            .into_iter()
            .map(|t| (t.kind, t.text, t.gap_before))
            .collect()
    }

    #[test]
    fn ukrainian_apostrophe_stays_inside_the_word() {
        let tokens = tokenize("загинули п'ятеро військових");
        assert_eq!(tokens[1].text, "п'ятеро");
        assert_eq!(tokens[1].start, 9);
        assert_eq!(tokens[1].end, 16);
    }

    #[test]
    fn english_possessive_splits_off() {
        let got = words("Ukraine's army");
        assert_eq!(got[0].1, "Ukraine");
        assert_eq!(got[1].1, "'");
        assert_eq!(got[2].1, "s");
    }

    #[test]
    fn digits_and_separators_keep_their_gaps() {
        let got = words("10 000 грн, 13,5%");
        assert_eq!(
            got,
            vec![
                (TokenKind::Digits, "10", ""),
                (TokenKind::Digits, "000", " "),
                (TokenKind::Word, "грн", " "),
                (TokenKind::Punct, ",", ""),
                (TokenKind::Digits, "13", " "),
                (TokenKind::Punct, ",", ""),
                (TokenKind::Digits, "5", ""),
                (TokenKind::Punct, "%", ""),
            ]
        );
    }

    #[test]
    fn letter_fast_paths_agree_with_unicode() {
        for c in ('\0'..='\u{2fff}').chain(['\u{1d400}', '\u{10ffff}']) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_letter_or_digit(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_upper(c), c.is_uppercase(), "{c:?}");
        }
    }

    #[test]
    fn fast_lowercase_agrees_with_unicode() {
        for c in ('\0'..='\u{2fff}').chain(['\u{1d400}', '\u{10ffff}']) {
            let word = c.to_string();
            assert_eq!(lowercase(&word), word.to_lowercase(), "{c:?}");
        }
        for word in [
            "ҐРУНТ",
            "Їжакевич",
            "ОДИСЕЙ",
            "ΟΔΥΣΣΕΑΣ",
            "İstanbul",
            "Ǆemal",
        ] {
            assert_eq!(lowercase(word), word.to_lowercase(), "{word}");
        }
    }

    #[test]
    fn capitalized_words_lowercase_as_unicode_does() {
        for word in [
            "Київ",
            "Росія",
            "Kyiv",
            "Ѐвропа",
            "Єрмак",
            "Іран",
            "Ґудзь",
            "Ёлка",
            "Ǆemal",
            "Σίσυφος",
            "K",
            "",
        ] {
            assert_eq!(capitalized_lowercase(word), word.to_lowercase(), "{word}");
        }
        let tokens = tokenize("Президент Зеленський і Joe Biden зустрілися в Києві.");
        let lower: Vec<&str> = tokens.iter().map(|t| t.lower.as_ref()).collect();
        assert_eq!(
            lower,
            [
                "президент",
                "зеленський",
                "і",
                "joe",
                "biden",
                "зустрілися",
                "в",
                "києві",
                "."
            ]
        );
    }

    proptest::proptest! {
        #[test]
        fn fast_lowercase_agrees_with_unicode_on_any_word(
            word in "[a-zA-Zа-яА-ЯѐЀџЏґҐїЇєЄёЁѢѣҀҁ҂Ӂ'\u{301}ΣΟς0-9-]{0,12}"
        ) {
            proptest::prop_assert_eq!(lowercase(&word), word.to_lowercase());
        }
    }

    /// The tokenizer as first written, over `char_indices`: slower, obviously right.
    fn reference_tokenize(text: &str) -> Vec<Token<'_>> {
        let mut tokens = Vec::new();
        let mut rest = text.char_indices().peekable();
        let (mut position, mut gap_start) = (0usize, 0usize);
        while let Some(&(start_byte, c)) = rest.peek() {
            rest.next();
            position += 1;
            if c.is_whitespace() {
                continue;
            }
            let start = position - 1;
            let kind = if c.is_ascii_digit() {
                while rest.next_if(|&(_, ch)| ch.is_ascii_digit()).is_some() {
                    position += 1;
                }
                TokenKind::Digits
            } else if is_word_char(c) {
                let mut previous = c;
                while let Some(&(at, ch)) = rest.peek() {
                    let after = text[at + ch.len_utf8()..].chars().next();
                    let joins =
                        ch == '\'' && !is_latin(previous) && after.is_some_and(is_word_char);
                    if !(is_word_char(ch) || joins) {
                        break;
                    }
                    previous = ch;
                    rest.next();
                    position += 1;
                }
                TokenKind::Word
            } else {
                TokenKind::Punct
            };
            let end_byte = rest.peek().map_or(text.len(), |&(at, _)| at);
            let token_text = &text[start_byte..end_byte];
            tokens.push(Token {
                kind,
                text: token_text,
                lower: if kind == TokenKind::Word {
                    std::borrow::Cow::Owned(token_text.to_lowercase())
                } else {
                    std::borrow::Cow::Borrowed(token_text)
                },
                start,
                end: position,
                byte_start: start_byte,
                gap_before: &text[gap_start.min(start_byte)..start_byte],
            });
            gap_start = end_byte;
        }
        tokens
    }

    #[test]
    fn byte_loop_agrees_with_the_reference_on_real_sentences() {
        for text in [
            "У п'ятницю, 14 березня 2024 р., Павло Ґудзь сказав: «Ми втратили 6 000 гривень».",
            "В четверг Ким Чен Ын заявил, что 13,5 % — это\u{a0}много… Ё-моё!",
            "Kyiv's mayor said on Thursday that $40.5\u{202f}billion was 'enough'.",
            "Iñtërnâtiônàlizætiøn ΟΔΥΣΣΕΑΣ 𝐀𝐁 a\u{301}b \u{200b}12\u{200f}34 '' ' x'",
        ] {
            assert_eq!(tokenize(text), reference_tokenize(text), "{text}");
        }
    }

    proptest::proptest! {
        #[test]
        fn byte_loop_agrees_with_the_reference_on_any_text(
            text in "[a-zA-Zа-яА-ЯґҐїЇєЄёЁ0-9'’ ,.\u{a0}\u{301}\u{2009}\u{1d400}Σς!«»\n-]{0,40}"
        ) {
            proptest::prop_assert_eq!(tokenize(&text), reference_tokenize(&text));
        }
    }

    #[test]
    fn offsets_are_in_characters_not_bytes() {
        let tokens = tokenize("Київ 2024");
        assert_eq!((tokens[1].start, tokens[1].end), (5, 9));
        assert_eq!(tokens[0].lower, "київ");
    }
}
