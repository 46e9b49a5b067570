//! Normalization of typographic variants that carry no meaning.
//!
//! Translators and editors vary quotes, dashes, apostrophes and spaces freely, and some tools
//! leave invisible characters (zero-width spaces, bidi marks, soft hyphens) inside words and
//! numbers. All of these are unified here, each output character keeping the position of the
//! input character it came from:
//!
//! - NFC, so a decomposed "й" (и + combining breve) is the same letter as a precomposed one;
//! - « » „ “ ” ‟ ″ → `"`; ‘ ’ ‚ ‛ ‹ › ʼ ʹ ` ′ → `'`;
//! - ‐ ‑ ‒ – — ― − → `-`;
//! - every Unicode space other than `\n` and `\t` (NBSP, narrow NBSP, thin space...) → ` `;
//! - zero-width, bidi-control and other invisible characters, and control characters, are
//!   removed;
//! - the paragraph is trimmed.
//!
//! Runs of spaces are kept: the tokenizer reads whitespace, and keeping them keeps the text a
//! faithful copy of what the reader sees.

use super::Pos;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Characters with no visible form that tools leave in text: zero-width space and joiners,
/// bidi marks, embeddings and isolates, word joiner and invisible operators, BOM, soft hyphen.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{200b}'..='\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{feff}'
        | '\u{00ad}'
        | '\u{061c}'
        | '\u{180e}'
    )
}

/// The character a typographic variant stands for, or `None` when it is to be dropped.
#[inline]
pub fn unify_char(c: char) -> Option<char> {
    // Letters, digits and plain punctuation first: nearly every character is one.
    if matches!(c, '0'..='9' | 'a'..='z' | 'A'..='Z' | '\u{410}'..='\u{44f}') {
        return Some(c);
    }
    match c {
        '«' | '»' | '„' | '“' | '”' | '‟' | '″' => Some('"'),
        '‘' | '’' | '‚' | '‛' | '‹' | '›' | 'ʼ' | 'ʹ' | '`' | '′' => Some('\''),
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => Some('-'),
        '\n' | '\t' | ' ' => Some(c),
        _ if is_invisible(c) => None,
        _ if c.is_whitespace() => Some(' '),
        _ if c.is_control() => None,
        _ => Some(c),
    }
}

/// Normalizes characters with their origins, then trims whitespace at both ends.
pub fn normalize(chars: &[(char, Pos)]) -> Vec<(char, Pos)> {
    let unified: Vec<(char, Pos)> = if chars.iter().all(|(c, _)| is_composed_starter(*c)) {
        // Nearly every paragraph: nothing to compose, so one pass unifies.
        chars
            .iter()
            .filter_map(|&(c, pos)| unify_char(c).map(|u| (u, pos)))
            .collect()
    } else {
        let visible: Vec<(char, Pos)> = chars
            .iter()
            .copied()
            .filter(|(c, _)| !is_invisible(*c))
            .collect();
        compose(visible)
            .into_iter()
            .filter_map(|(c, pos)| unify_char(c).map(|u| (u, pos)))
            .collect()
    };
    let start = unified
        .iter()
        .position(|(c, _)| !c.is_whitespace())
        .unwrap_or(unified.len());
    let end = unified
        .iter()
        .rposition(|(c, _)| !c.is_whitespace())
        .map_or(start, |i| i + 1);
    match (start, end) {
        (0, end) if end == unified.len() => unified,
        _ => unified
            .get(start..end)
            .map(<[_]>::to_vec)
            .unwrap_or_default(),
    }
}

/// [`normalize`] of a block, as a paragraph's text and the origins of its characters, or
/// `None` when nothing is left.
pub fn normalize_block(chars: &[(char, Pos)]) -> Option<(String, Vec<Pos>)> {
    if !chars.iter().all(|(c, _)| is_composed_starter(*c)) {
        let normalized = normalize(chars);
        return (!normalized.is_empty()).then(|| {
            (
                normalized.iter().map(|(c, _)| *c).collect(),
                normalized.iter().map(|(_, pos)| *pos).collect(),
            )
        });
    }
    // Nearly every paragraph: unified and trimmed in one pass.
    let mut block = ComposedBlock::with_capacity(chars.len());
    for &(c, pos) in chars {
        block.push(c, pos);
    }
    block.finish()
}

/// A block of characters that are all [`is_composed_starter`]s, unified and trimmed as it is
/// built: [`normalize_block`] without an intermediate list of characters.
pub(crate) struct ComposedBlock {
    text: String,
    origins: Vec<Pos>,
    /// Text and origins up to the last character that is not a space.
    kept_bytes: usize,
    kept_chars: usize,
}

impl ComposedBlock {
    pub(crate) fn with_capacity(chars: usize) -> Self {
        ComposedBlock {
            text: String::with_capacity(chars),
            origins: Vec::with_capacity(chars),
            kept_bytes: 0,
            kept_chars: 0,
        }
    }

    /// Adds a line's characters, the first at column 1, and returns how many there were; `None`
    /// (and the block is to be dropped) at the first that is not an [`is_composed_starter`].
    pub(crate) fn push_line(&mut self, line: &str, line_number: usize) -> Option<usize> {
        let bytes = line.as_bytes();
        let (mut at, mut column) = (0, 0);
        while at < bytes.len() {
            // Runs of characters that stay as they are, found on bytes and copied whole: the
            // text of an article is almost all such runs, and pushing it character by
            // character was most of the cost of reading it.
            let run_start = at;
            while let Some(&byte) = bytes.get(at) {
                match UNCHANGED_CHAR_WIDTH.get(usize::from(byte)) {
                    Some(&width) if width > 0 => at += usize::from(width),
                    _ => break,
                }
            }
            if at > run_start {
                let run = line.get(run_start..at)?;
                column += self.push_unchanged_run(run, line_number, column);
            }
            let Some(c) = line.get(at..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            if !is_composed_starter(c) {
                return None;
            }
            column += 1;
            self.push(
                c,
                Pos {
                    line: line_number,
                    column,
                },
            );
            at += c.len_utf8();
        }
        Some(column)
    }

    /// [`Self::push`] of every character of `run`, all of which [`UNCHANGED_CHAR_WIDTH`]
    /// accepts, the first at column `column + 1`; returns how many characters `run` has.
    fn push_unchanged_run(&mut self, run: &str, line_number: usize, column: usize) -> usize {
        // ASCII characters are one byte each and the others of a run two.
        let run_chars = run.bytes().filter(|&b| !is_utf8_continuation(b)).count();
        // Spaces at the start of a block are dropped, as `push` drops them.
        let leading_spaces = match self.origins.is_empty() {
            true => run.len() - run.trim_start_matches(' ').len(),
            false => 0,
        };
        let Some(run) = run.get(leading_spaces..).filter(|kept| !kept.is_empty()) else {
            return run_chars;
        };
        self.text.push_str(run);
        self.origins.extend(
            (column + 1 + leading_spaces..=column + run_chars).map(|column| Pos {
                line: line_number,
                column,
            }),
        );
        let trailing_spaces = run.len() - run.trim_end_matches(' ').len();
        if trailing_spaces < run.len() {
            self.kept_bytes = self.text.len() - trailing_spaces;
            self.kept_chars = self.origins.len() - trailing_spaces;
        }
        run_chars
    }

    /// Adds a character; the caller has checked it is an [`is_composed_starter`].
    #[inline(always)]
    pub(crate) fn push(&mut self, c: char, pos: Pos) {
        let Some(unified) = unify_char(c) else {
            return;
        };
        let space = unified.is_whitespace();
        if space && self.origins.is_empty() {
            return;
        }
        self.text.push(unified);
        self.origins.push(pos);
        if !space {
            (self.kept_bytes, self.kept_chars) = (self.text.len(), self.origins.len());
        }
    }

    pub(crate) fn finish(mut self) -> Option<(String, Vec<Pos>)> {
        self.text.truncate(self.kept_bytes);
        self.origins.truncate(self.kept_chars);
        (!self.origins.is_empty()).then_some((self.text, self.origins))
    }
}

/// By the first byte of a character, its width in bytes when [`unify_char`] keeps it as it
/// is and it is an [`is_composed_starter`]: printable ASCII other than the backquote, and
/// the two-byte Cyrillic letters U+0400..=U+047F (lead bytes 0xD0 and 0xD1); 0 for any other
/// character, which is pushed the careful way.
static UNCHANGED_CHAR_WIDTH: [u8; 256] = {
    let mut widths = [0u8; 256];
    let mut byte = b' ';
    while byte <= b'~' {
        if byte != b'`' {
            widths[byte as usize] = 1;
        }
        byte += 1;
    }
    widths[0xd0] = 2;
    widths[0xd1] = 2;
    widths
};

fn is_utf8_continuation(byte: u8) -> bool {
    byte & 0xc0 == 0x80
}

/// True for characters that NFC leaves as they are and that nothing composes with: everything
/// below the combining diacritics (U+0300), the Cyrillic letters, and the general punctuation
/// (dashes, curly quotes, special spaces; not U+2000 and U+2001, which NFC replaces), currency
/// signs and "№" that news text is full of. Checked against the Unicode tables in the tests; a
/// text of only these is already NFC.
#[inline]
pub(crate) fn is_composed_starter(c: char) -> bool {
    c < '\u{300}'
        || ('\u{400}'..='\u{482}').contains(&c)
        || ('\u{48a}'..='\u{52f}').contains(&c)
        || ('\u{2002}'..='\u{206f}').contains(&c)
        || ('\u{20a0}'..='\u{20c0}').contains(&c)
        || c == '\u{2116}'
}

/// The same normalization on bare text (for callers that have no positions to keep).
pub fn normalize_str(text: &str) -> String {
    let chars: Vec<(char, Pos)> = text.chars().map(|c| (c, Pos::default())).collect();
    normalize(&chars).into_iter().map(|(c, _)| c).collect()
}

/// NFC, one cluster (a character and the combining marks after it) at a time so that every
/// output character can be traced to the cluster's characters. Compositions across two
/// starters (Hangul jamo) are left alone; they do not occur in the languages we read.
fn compose(chars: Vec<(char, Pos)>) -> Vec<(char, Pos)> {
    if is_nfc_quick(chars.iter().map(|(c, _)| *c)) == IsNormalized::Yes {
        return chars;
    }
    let mut composed = Vec::with_capacity(chars.len());
    let mut cluster: Vec<(char, Pos)> = Vec::new();
    for (c, pos) in chars {
        if canonical_combining_class(c) == 0 && !cluster.is_empty() {
            compose_cluster(&cluster, &mut composed);
            cluster.clear();
        }
        cluster.push((c, pos));
    }
    compose_cluster(&cluster, &mut composed);
    composed
}

fn compose_cluster(cluster: &[(char, Pos)], out: &mut Vec<(char, Pos)>) {
    let Some(&(_, last_pos)) = cluster.last() else {
        return;
    };
    for (i, c) in cluster.iter().map(|(c, _)| *c).nfc().enumerate() {
        let pos = cluster.get(i).map_or(last_pos, |(_, p)| *p);
        out.push((c, pos));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_copied_by_the_byte_run_are_those_normalization_keeps() {
        let mut copied = 0;
        for c in (0..=0x7ffu32).filter_map(char::from_u32) {
            let mut utf8 = [0u8; 4];
            let first = c.encode_utf8(&mut utf8).as_bytes()[0];
            let width = usize::from(UNCHANGED_CHAR_WIDTH[usize::from(first)]);
            if width > 0 {
                copied += 1;
                assert_eq!(width, c.len_utf8(), "{c:?}");
                assert_eq!(unify_char(c), Some(c), "{c:?}");
                assert!(is_composed_starter(c), "{c:?}");
            }
        }
        // Printable ASCII but the backquote, and U+0400..=U+047F.
        assert_eq!(copied, 94 + 128);
    }

    #[test]
    fn a_block_normalizes_as_its_characters_do() {
        for text in [
            "  «Київ», 5\u{a0}травня —\u{200b} 13,5 %\t ",
            "\u{feff}\n Слава\u{301} ",
            " \u{200b} ",
            "",
            "й (и\u{306}) ",
        ] {
            let chars: Vec<(char, Pos)> = text
                .chars()
                .enumerate()
                .map(|(i, c)| (c, at(i + 1)))
                .collect();
            let expected = normalize(&chars);
            let block = normalize_block(&chars).unwrap_or_default();
            assert_eq!(
                block.0,
                expected.iter().map(|(c, _)| *c).collect::<String>()
            );
            assert_eq!(
                block.1,
                expected.iter().map(|(_, p)| *p).collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn the_composed_starter_fast_path_agrees_with_unicode() {
        for c in ('\0'..='\u{2116}').filter(|c| is_composed_starter(*c)) {
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
            assert_eq!(std::iter::once(c).nfc().collect::<String>(), c.to_string());
        }
    }

    fn at(column: usize) -> Pos {
        Pos { line: 1, column }
    }

    fn traced(text: &str) -> Vec<(char, Pos)> {
        text.chars()
            .enumerate()
            .map(|(i, c)| (c, at(i + 1)))
            .collect()
    }

    fn text_of(chars: &[(char, Pos)]) -> String {
        chars.iter().map(|(c, _)| *c).collect()
    }

    #[test]
    fn decomposed_short_i_becomes_one_letter() {
        let decomposed = "Киї\u{0306}в і Київ: уи\u{0306}ти";
        assert_eq!(normalize_str("и\u{0306}"), "й");
        let normalized = normalize(&traced("мои\u{0306} дім"));
        assert_eq!(text_of(&normalized), "мой дім");
        // "й" comes from the "и" at column 3; "дім" keeps its columns 6..8.
        assert_eq!(normalized.get(2), Some(&('й', at(3))));
        assert_eq!(normalized.get(4), Some(&('д', at(6))));
        assert_eq!(
            normalize_str(decomposed),
            "Киї\u{0306}в і Київ: уйти".nfc().collect::<String>()
        );
    }

    #[test]
    fn quotes_apostrophes_and_dashes_are_unified() {
        assert_eq!(
            normalize_str("«Ми відбудуємо все» — заявив „Укренерго“ – об’єкт м`ясо ʼ ″ ‟"),
            "\"Ми відбудуємо все\" - заявив \"Укренерго\" - об'єкт м'ясо ' \" \""
        );
        assert_eq!(
            normalize_str("температура −5 ‒ ―10 ‘так’"),
            "температура -5 - -10 'так'"
        );
    }

    #[test]
    fn unicode_spaces_become_spaces_and_invisibles_vanish() {
        let text = "10\u{a0}000\u{202f}грн,\u{2009}5\u{2007}%\u{2003}і\u{3000}ще";
        assert_eq!(normalize_str(text), "10 000 грн, 5 % і ще");
        let text = "13\u{200f},5 млн\u{200b} з\u{ad}би\u{2060}тків \u{202b}2024\u{202c} \u{2067}x\u{2069}\u{feff}";
        assert_eq!(normalize_str(text), "13,5 млн збитків 2024 x");
    }

    #[test]
    fn trimming_keeps_origins_of_what_remains() {
        let normalized = normalize(&traced("\u{a0} \u{200e}Київ, 5 травня\u{200b} "));
        assert_eq!(text_of(&normalized), "Київ, 5 травня");
        assert_eq!(normalized.first().map(|p| p.1), Some(at(4)));
        assert_eq!(normalized.last().map(|p| p.1), Some(at(17)));
    }

    #[test]
    fn removal_keeps_following_columns() {
        let normalized = normalize(&traced("1\u{200f}0 000"));
        assert_eq!(text_of(&normalized), "10 000");
        let columns: Vec<usize> = normalized.iter().map(|(_, p)| p.column).collect();
        assert_eq!(columns, [1, 3, 4, 5, 6, 7]);
    }

    #[test]
    fn only_invisible_or_space_is_empty() {
        assert!(normalize(&traced("\u{200b}\u{a0}\u{feff}\t ")).is_empty());
        assert!(normalize(&[]).is_empty());
    }

    #[test]
    fn lone_combining_marks_do_not_panic() {
        assert_eq!(
            normalize_str("\u{0306}\u{0301}а"),
            "\u{0306}\u{0301}а".nfc().collect::<String>()
        );
    }
}
