//! Turning bytes into text: UTF-8 (with or without BOM), UTF-16 with BOM, and the legacy
//! Cyrillic encodings of old archives (windows-1251, KOI8-U, KOI8-R).
//!
//! Line ends are unified to `\n` (CRLF and lone CR each count as one line break, so line
//! numbers stay those an editor shows) and a byte-order mark is dropped, so column 1 is the
//! first character a reader sees.

use crate::paragraphs::normalize;
use crate::{ConcordError, Result};
use encoding_rs::{
    DecoderResult, Encoding, KOI8_R, KOI8_U, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1251,
};
use std::path::Path;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// `None` for UTF-8; otherwise the encoding assumed or forced (an encoding_rs name such as
    /// "windows-1251", "KOI8-U", "KOI8-R", "UTF-16LE").
    pub encoding: Option<&'static str>,
}

/// Labels shown when `--encoding` names something unknown.
const EXAMPLE_LABELS: &str = "UTF-8, UTF-16LE, UTF-16BE, windows-1251, KOI8-U, KOI8-R";

/// The legacy encodings tried, in order of preference when two decode to the same text
/// (Russian text reads the same in KOI8-R and KOI8-U; KOI8-R is the name its authors used).
const LEGACY_CANDIDATES: [&Encoding; 3] = [WINDOWS_1251, KOI8_R, KOI8_U];

/// The encoding an `--encoding` label names (any WHATWG label: "cp1251", "koi8-u", "utf-16le").
pub fn encoding_for_label(label: &str) -> Result<&'static Encoding> {
    Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| {
        ConcordError::new(format!("unknown encoding '{label}' given to --encoding"))
            .with_hint(format!("use an encoding name such as {EXAMPLE_LABELS}"))
    })
}

/// Decodes a whole file. `forced` is an `--encoding` label; it applies to every file without a
/// byte-order mark (a BOM is explicit, so it wins).
pub fn decode(path: &Path, bytes: &[u8], forced: Option<&str>) -> Result<Decoded> {
    let forced = forced.map(encoding_for_label).transpose()?;
    let (mut text, encoding) = decode_raw(path, bytes, forced)?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    let text = unify_line_ends(text);
    let looks_blank = |c: char| c.is_whitespace() || normalize::is_invisible(c);
    if text.chars().all(looks_blank) {
        return Err(ConcordError::in_file(path, "file is empty")
            .with_hint("put this language version of the article in it, or remove the file"));
    }
    Ok(Decoded {
        text,
        encoding: if encoding == UTF_8 {
            None
        } else {
            Some(encoding.name())
        },
    })
}

fn decode_raw(
    path: &Path,
    bytes: &[u8],
    forced: Option<&'static Encoding>,
) -> Result<(String, &'static Encoding)> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = bytes.get(bom_len..).unwrap_or_default();
        if encoding == UTF_8 {
            refuse_binary(path, bytes)?;
        }
        let text = decode_strict(encoding, body)
            .map_err(|offset| undecodable(path, encoding, offset + bom_len))?;
        return Ok((text, encoding));
    }
    if let Some(encoding) = forced {
        if encoding != UTF_16LE && encoding != UTF_16BE {
            refuse_binary(path, bytes)?;
        }
        let text =
            decode_strict(encoding, bytes).map_err(|offset| undecodable(path, encoding, offset))?;
        return Ok((text, encoding));
    }
    refuse_binary(path, bytes)?;
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        return Ok((text.to_string(), UTF_8));
    }
    // Only the error message needs where the first bad byte is: std's check tells.
    let utf8_error = match std::str::from_utf8(bytes) {
        Ok(text) => return Ok((text.to_string(), UTF_8)),
        Err(e) => e,
    };
    match guess_legacy(bytes) {
        Some((text, encoding)) => Ok((text, encoding)),
        None => Err(ConcordError::in_file(
            path,
            "is neither UTF-8 nor clearly windows-1251, KOI8-U or KOI8-R text (first byte that is not UTF-8 is shown)",
        )
        .at_byte(utf8_error.valid_up_to())
        .with_hint(format!(
            "save it as UTF-8, or name its encoding with --encoding (it looks most like {})",
            chardetng_guess(bytes).name()
        ))),
    }
}

/// A NUL byte never occurs in text in any encoding we read except UTF-16.
fn refuse_binary(path: &Path, bytes: &[u8]) -> Result<()> {
    // `contains` looks for a byte many at a time; the offset is wanted only for the error.
    if !bytes.contains(&0) {
        return Ok(());
    }
    match bytes.iter().position(|&b| b == 0) {
        None => Ok(()),
        Some(offset) => Err(ConcordError::in_file(
            path,
            "is a binary file, not text (it contains a NUL byte)",
        )
        .at_byte(offset)
        .with_hint(
            "give a .txt or .md text file; if it is UTF-16 without a byte-order mark, add --encoding UTF-16LE",
        )),
    }
}

fn undecodable(path: &Path, encoding: &'static Encoding, offset: usize) -> ConcordError {
    ConcordError::in_file(path, format!("is not valid {} text", encoding.name()))
        .at_byte(offset)
        .with_hint("save it as UTF-8, or name its real encoding with --encoding")
}

/// Decodes without replacement characters; on malformed input returns the byte offset of the
/// first malformed byte.
fn decode_strict(encoding: &'static Encoding, bytes: &[u8]) -> std::result::Result<String, usize> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len());
    let mut text = String::with_capacity(capacity);
    let mut consumed = 0usize;
    loop {
        let rest = bytes.get(consumed..).unwrap_or_default();
        let (result, read) = decoder.decode_to_string_without_replacement(rest, &mut text, true);
        consumed = consumed.saturating_add(read);
        match result {
            DecoderResult::InputEmpty => return Ok(text),
            DecoderResult::OutputFull => text.reserve(rest.len().saturating_sub(read).max(16)),
            DecoderResult::Malformed(bad, after) => {
                return Err(consumed.saturating_sub(usize::from(bad) + usize::from(after)))
            }
        }
    }
}

fn unify_line_ends(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut unified = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            unified.push('\n');
        } else {
            unified.push(c);
        }
    }
    unified
}

fn chardetng_guess(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    detector.guess(None, false)
}

/// Decodes a file that is not UTF-8 when it clearly is Cyrillic text in one of the legacy
/// encodings. chardetng's statistics are unreliable on a paragraph or two, and windows-1251
/// and KOI8 both decode any byte, so every candidate is decoded and judged by how much the
/// result looks like Cyrillic prose: letters in the right case pattern ("Київ", "київ", "ЗСУ",
/// never "кИЇВ"), frequent letters being frequent, no box-drawing or control characters.
/// chardetng's own preference only breaks near ties.
fn guess_legacy(bytes: &[u8]) -> Option<(String, &'static Encoding)> {
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let chardetng_choice = detector.guess(None, false);
    let mut best: Option<(f64, String, &'static Encoding)> = None;
    for encoding in LEGACY_CANDIDATES {
        let Ok(text) = decode_strict(encoding, bytes) else {
            continue;
        };
        let plausibility = Plausibility::of(&text);
        if !plausibility.is_clear() {
            continue;
        }
        let mut score = plausibility.score();
        // chardetng knows KOI8-U only, which reads Russian exactly as KOI8-R does.
        let same_family =
            encoding == chardetng_choice || (encoding == KOI8_R && chardetng_choice == KOI8_U);
        if same_family {
            score += 0.05;
        }
        if best
            .as_ref()
            .is_none_or(|(best_score, _, _)| score > *best_score)
        {
            best = Some((score, text, encoding));
        }
    }
    best.map(|(_, text, encoding)| (text, encoding))
}

/// Counts over the non-ASCII part of a decoded text, which is the only part the candidate
/// encodings disagree on.
#[derive(Debug, Default)]
struct Plausibility {
    cyrillic_letters: usize,
    lowercase_letters: usize,
    frequent_letters: usize,
    /// Non-ASCII characters that are neither Cyrillic letters nor ordinary typography.
    foreign: usize,
    words: usize,
    /// Words mixing scripts ("cafй"), with a case pattern prose never has ("кИЇВ"), or
    /// starting with a letter no Ukrainian or Russian word starts with ("ъ", "ь", "ы"), or
    /// with five consonants in a row ("обчтсд").
    odd_words: usize,
}

impl Plausibility {
    fn of(text: &str) -> Plausibility {
        let mut counts = Plausibility::default();
        let mut word = String::new();
        for c in text.chars().chain(std::iter::once(' ')) {
            if c.is_alphabetic() {
                word.push(c);
                continue;
            }
            if !word.is_empty() {
                counts.add_word(&word);
                word.clear();
            }
            if !c.is_ascii() && !is_typography(c) {
                counts.foreign += 1;
            }
        }
        counts
    }

    fn add_word(&mut self, word: &str) {
        if word.is_ascii() {
            return;
        }
        self.words += 1;
        let mut latin = false;
        let mut cyrillic = false;
        let mut other = false;
        for c in word.chars() {
            if is_cyrillic(c) {
                cyrillic = true;
                self.cyrillic_letters += 1;
                if c.is_lowercase() {
                    self.lowercase_letters += 1;
                }
                if c.to_lowercase().any(|l| "оаеиінтрсв".contains(l)) {
                    self.frequent_letters += 1;
                }
            } else if c.is_ascii() {
                latin = true;
            } else {
                other = true;
            }
        }
        let impossible_start = word
            .chars()
            .next()
            .is_some_and(|c| matches!(c, 'ь' | 'Ь' | 'ъ' | 'Ъ' | 'ы' | 'Ы'));
        if other
            || (latin && cyrillic)
            || impossible_start
            || !has_prose_case(word)
            || has_consonant_pileup(word)
        {
            self.odd_words += 1;
        }
        if other {
            self.foreign += word
                .chars()
                .filter(|c| !c.is_ascii() && !is_cyrillic(*c))
                .count();
        }
    }

    /// Mostly Cyrillic words of ordinary shape, or (for an English version saved by a Cyrillic
    /// Windows) only typography such as quotes and dashes outside ASCII.
    fn is_clear(&self) -> bool {
        if self.cyrillic_letters == 0 {
            return self.foreign == 0 && self.words == 0;
        }
        self.foreign * 20 <= self.cyrillic_letters && self.odd_words * 4 <= self.words
    }

    fn score(&self) -> f64 {
        if self.cyrillic_letters == 0 {
            return 0.0;
        }
        let letters = self.cyrillic_letters as f64;
        let words = self.words.max(1) as f64;
        // Lowercase weighs less than letter frequency: a headline in capitals is still prose.
        self.frequent_letters as f64 / letters + 0.5 * self.lowercase_letters as f64 / letters
            - self.odd_words as f64 / words
            - self.foreign as f64 / letters
    }
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04ff}')
}

/// "word", "Word" or "WORD".
fn has_prose_case(word: &str) -> bool {
    let mut rest = word.chars().skip(1).filter(|c| c.is_alphabetic());
    let all_lower = word.chars().all(|c| !c.is_uppercase());
    let all_upper = word.chars().all(|c| !c.is_lowercase());
    all_lower || all_upper || rest.all(|c| !c.is_uppercase())
}

/// Five consonants in a row in a word with lowercase letters: Ukrainian and Russian words
/// have at most four ("взгляд", "здравствуйте") but for rare compounds; abbreviations in
/// capitals ("МЗС", "США") are not words to judge. "в" and "й" (half vowels) end a run, so
/// "агентство" and "бодрствовать" pass.
fn has_consonant_pileup(word: &str) -> bool {
    if !word.chars().any(char::is_lowercase) {
        return false;
    }
    let mut run = 0;
    for c in word.chars().flat_map(char::to_lowercase) {
        if is_cyrillic(c) && !"аеєиіїоуюяыэёьъйв".contains(c) {
            run += 1;
            if run >= 5 {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

/// Non-ASCII characters a Cyrillic news text may contain besides letters.
fn is_typography(c: char) -> bool {
    matches!(c,
        '\u{00a0}'..='\u{00bf}' // NBSP, « », °, ±, §, ©, soft hyphen...
        | '\u{00d7}' | '\u{00f7}'
        | '\u{2010}'..='\u{2044}' // dashes, quotes, bullets, ellipsis, per mille
        | '\u{20ac}' | '\u{20b4}' | '\u{20bd}' // € ₴ ₽
        | '\u{2116}' | '\u{2122}' // № ™
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path() -> &'static Path {
        Path::new("article/uk.txt")
    }

    fn encode(encoding: &'static Encoding, text: &str) -> Vec<u8> {
        let (bytes, _, unmappable) = encoding.encode(text);
        assert!(
            !unmappable,
            "{text} is not representable in {}",
            encoding.name()
        );
        bytes.into_owned()
    }

    const UK: &str = "Уряд України ухвалив рішення виділити 13,5 млн гривень на відновлення мостів у Київській області.";
    const UK_SHORT: &str = "Ціни на пальне зросли на 5%.";
    const RU: &str = "Правительство выделило 13,5 млн рублей на ремонт дорог в Московской области.";
    const RU_SHORT: &str = "Цены выросли на 5%.";
    const EN: &str = "The government allocated 13.5 million hryvnias to rebuild bridges.";

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = decode(path(), UK.as_bytes(), None).unwrap();
        assert_eq!(plain.text, UK);
        assert_eq!(plain.encoding, None);
        let with_bom = [b"\xef\xbb\xbf".as_slice(), UK.as_bytes()].concat();
        let decoded = decode(path(), &with_bom, None).unwrap();
        assert_eq!(decoded.text, UK);
        assert_eq!(decoded.encoding, None);
    }

    #[test]
    fn utf16_with_bom_both_byte_orders() {
        let mut le = vec![0xff, 0xfe];
        let mut be = vec![0xfe, 0xff];
        for unit in RU.encode_utf16() {
            le.extend_from_slice(&unit.to_le_bytes());
            be.extend_from_slice(&unit.to_be_bytes());
        }
        let decoded = decode(path(), &le, None).unwrap();
        assert_eq!(
            (decoded.text.as_str(), decoded.encoding),
            (RU, Some("UTF-16LE"))
        );
        let decoded = decode(path(), &be, None).unwrap();
        assert_eq!(
            (decoded.text.as_str(), decoded.encoding),
            (RU, Some("UTF-16BE"))
        );
    }

    #[test]
    fn truncated_utf16_reports_the_offset() {
        let mut le = vec![0xff, 0xfe];
        for unit in "Київ".encode_utf16() {
            le.extend_from_slice(&unit.to_le_bytes());
        }
        le.push(0x41);
        let error = decode(path(), &le, None).unwrap_err();
        assert_eq!(error.byte_offset, Some(10));
        assert!(error.message.contains("UTF-16LE"), "{error}");
    }

    #[test]
    fn line_ends_become_newlines_one_per_break() {
        let decoded = decode(
            path(),
            "перший\r\nдругий\rтретій\n\r\nп'ятий".as_bytes(),
            None,
        )
        .unwrap();
        assert_eq!(decoded.text, "перший\nдругий\nтретій\n\nп'ятий");
    }

    #[test]
    fn legacy_encodings_round_trip() {
        let cases = [
            (WINDOWS_1251, UK),
            (WINDOWS_1251, UK_SHORT),
            (WINDOWS_1251, RU),
            (WINDOWS_1251, RU_SHORT),
            (KOI8_U, UK),
            (KOI8_U, UK_SHORT),
            (KOI8_R, RU),
            (KOI8_R, RU_SHORT),
            (KOI8_U, "Їжак їсть яблука, а Євген ґудзики пришиває."),
            (WINDOWS_1251, "Їжак їсть яблука, а Євген ґудзики пришиває."),
            (WINDOWS_1251, "«Ми відбудуємо все», — заявив міністр."),
            (KOI8_R, "Встреча прошла 5 мая в Москве."),
            (WINDOWS_1251, "ЗСУ звільнили 12 населених пунктів."),
            (KOI8_U, "ЗСУ звільнили 12 населених пунктів."),
        ];
        for (encoding, text) in cases {
            let bytes = encode(encoding, text);
            let decoded = decode(path(), &bytes, None)
                .unwrap_or_else(|e| panic!("{text} in {}: {e}", encoding.name()));
            assert_eq!(decoded.text, text, "in {}", encoding.name());
            assert_eq!(decoded.encoding, Some(encoding.name()), "{text}");
        }
    }

    #[test]
    fn english_saved_by_cyrillic_windows_reads_as_windows_1251() {
        let text = "“We will rebuild,” the minister said – 13.5 million hryvnias.";
        let bytes = encode(WINDOWS_1251, text);
        let decoded = decode(path(), &bytes, None).unwrap();
        assert_eq!(decoded.text, text);
        assert_eq!(decoded.encoding, Some("windows-1251"));
    }

    #[test]
    fn western_european_text_is_refused_with_the_first_bad_byte() {
        let (bytes, _, _) =
            encoding_rs::WINDOWS_1252.encode("The café in Zürich reopened on Monday.");
        let error = decode(path(), &bytes, None).unwrap_err();
        assert_eq!(error.byte_offset, Some(7));
        assert!(
            error
                .to_string()
                .starts_with("article/uk.txt (byte 7): is neither UTF-8"),
            "{error}"
        );
        assert!(error.to_string().contains("--encoding"), "{error}");
    }

    #[test]
    fn forced_encoding_wins_over_detection() {
        let bytes = encode(WINDOWS_1251, UK);
        let decoded = decode(path(), &bytes, Some("cp1251")).unwrap();
        assert_eq!(decoded.text, UK);
        let forced_koi = decode(path(), &bytes, Some("koi8-u")).unwrap();
        assert_eq!(forced_koi.encoding, Some("KOI8-U"));
        assert_ne!(forced_koi.text, UK);
    }

    #[test]
    fn forced_utf8_reports_the_invalid_byte() {
        let mut bytes = "Київ ".as_bytes().to_vec();
        bytes.push(0xff);
        let error = decode(path(), &bytes, Some("utf-8")).unwrap_err();
        assert_eq!(error.byte_offset, Some(9));
    }

    #[test]
    fn unknown_encoding_label_lists_valid_ones() {
        let error = decode(path(), b"text", Some("cyrillic-9000")).unwrap_err();
        assert!(error.message.contains("cyrillic-9000"), "{error}");
        assert!(error.to_string().contains("windows-1251"), "{error}");
    }

    #[test]
    fn nul_byte_is_binary_with_offset() {
        let mut bytes = EN.as_bytes().to_vec();
        bytes.extend_from_slice(b"\x00\x01\x02");
        let error = decode(path(), &bytes, None).unwrap_err();
        assert_eq!(error.byte_offset, Some(EN.len()));
        assert!(error.message.contains("binary"), "{error}");
        let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR";
        assert_eq!(decode(path(), png, None).unwrap_err().byte_offset, Some(8));
    }

    #[test]
    fn empty_and_blank_files_are_refused() {
        for bytes in [
            &b""[..],
            b"\xef\xbb\xbf",
            b"  \r\n\t\n",
            b"\xff\xfe",
            "\u{a0}\u{200b}\n".as_bytes(),
        ] {
            let error = decode(path(), bytes, None).unwrap_err();
            assert_eq!(error.message, "file is empty", "{bytes:?}");
        }
    }
}
