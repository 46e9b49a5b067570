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
    // One pass over the characters, keeping byte and character positions together: every
    // extractor tokenizes every paragraph, and an index of all characters cost as much memory
    // as the text four times over.
    let mut tokens = Vec::with_capacity(text.len() / 8);
    let mut rest = text.char_indices().peekable();
    let mut position = 0usize;
    let mut gap_start = 0usize;
    while let Some(&(start_byte, c)) = rest.peek() {
        if c.is_whitespace() {
            rest.next();
            position += 1;
            continue;
        }
        let start = position;
        rest.next();
        position += 1;
        let kind = if c.is_ascii_digit() {
            while rest.next_if(|&(_, ch)| ch.is_ascii_digit()).is_some() {
                position += 1;
            }
            TokenKind::Digits
        } else if is_word_char(c) {
            let mut previous = c;
            while let Some(&(at, ch)) = rest.peek() {
                let joins_apostrophe = ch == '\''
                    && !is_latin(previous)
                    && text
                        .get(at + ch.len_utf8()..)
                        .and_then(|after| after.chars().next())
                        .is_some_and(is_word_char);
                if !(is_word_char(ch) || joins_apostrophe) {
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
        let token_text = text.get(start_byte..end_byte).unwrap_or_default();
        let gap_before = text
            .get(gap_start.min(start_byte)..start_byte)
            .unwrap_or_default();
        tokens.push(Token {
            kind,
            text: token_text,
            lower: if kind == TokenKind::Word && token_text.chars().any(is_upper) {
                std::borrow::Cow::Owned(token_text.to_lowercase())
            } else {
                std::borrow::Cow::Borrowed(token_text)
            },
            start,
            end: position,
            byte_start: start_byte,
            gap_before,
        });
        gap_start = end_byte;
    }
    tokens
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
    fn offsets_are_in_characters_not_bytes() {
        let tokens = tokenize("Київ 2024");
        assert_eq!((tokens[1].start, tokens[1].end), (5, 9));
        assert_eq!(tokens[0].lower, "київ");
    }
}
