//! Legacy Cyrillic encodings on real news text: every segment of every NTREX-128 article (one
//! or two sentences each, the hard case for detection), encoded the way an old archive would
//! have stored it, must decode back to the same text with the right encoding named.

use concord::input::decode::decode;
use encoding_rs::{Encoding, KOI8_R, KOI8_U, WINDOWS_1251};
use std::path::{Path, PathBuf};

fn segments(lang: &str) -> Vec<String> {
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/ntrex128/docs");
    let mut folders: Vec<PathBuf> = std::fs::read_dir(docs)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    folders.sort();
    assert!(folders.len() > 100, "NTREX-128 documents are missing");
    folders
        .iter()
        .flat_map(|folder| {
            let text = std::fs::read_to_string(folder.join(format!("{lang}.txt"))).unwrap();
            text.split("\n\n")
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
        })
        .collect()
}

/// KOI8-R and KOI8-U differ only in Ukrainian letters (and box drawing); text without them
/// reads the same in both, and either name is right.
fn acceptable_names(encoding: &'static Encoding, text: &str) -> Vec<&'static str> {
    let ukrainian_only = text.chars().any(|c| "іїєґІЇЄҐ".contains(c));
    if encoding == WINDOWS_1251 || ukrainian_only {
        vec![encoding.name()]
    } else {
        vec![KOI8_R.name(), KOI8_U.name()]
    }
}

/// Returns how many texts were tested and the failures.
fn round_trip(texts: &[String], encoding: &'static Encoding) -> (usize, Vec<String>) {
    let mut tested = 0;
    let mut failures = Vec::new();
    for text in texts {
        let (bytes, _, unmappable) = encoding.encode(text);
        if unmappable || bytes.is_ascii() {
            continue;
        }
        tested += 1;
        match decode(Path::new("article/uk.txt"), &bytes, None) {
            Ok(decoded)
                if decoded.text == *text
                    && decoded
                        .encoding
                        .is_some_and(|name| acceptable_names(encoding, text).contains(&name)) => {}
            Ok(decoded) => failures.push(format!("{:?}: {text}", decoded.encoding)),
            Err(e) => failures.push(format!("{e}: {text}")),
        }
    }
    (tested, failures)
}

fn assert_all_round_trip(lang: &str, encoding: &'static Encoding, at_least: usize) {
    let (tested, failures) = round_trip(&segments(lang), encoding);
    assert!(
        tested >= at_least,
        "only {tested} {lang} segments fit {}",
        encoding.name()
    );
    assert!(
        failures.is_empty(),
        "{} of {tested} {lang} segments in {} decoded wrongly:\n{}",
        failures.len(),
        encoding.name(),
        failures.join("\n")
    );
}

#[test]
fn ukrainian_segments_in_windows_1251() {
    assert_all_round_trip("uk", WINDOWS_1251, 1_900);
}

#[test]
fn ukrainian_segments_in_koi8_u() {
    assert_all_round_trip("uk", KOI8_U, 1_300);
}

#[test]
fn russian_segments_in_windows_1251() {
    assert_all_round_trip("ru", WINDOWS_1251, 1_900);
}

#[test]
fn russian_segments_in_koi8_r() {
    assert_all_round_trip("ru", KOI8_R, 1_100);
}

/// What a word processor's autocorrect makes of straight quotes and spaced hyphens.
fn with_typography(text: &str) -> String {
    let mut open = true;
    let mut typeset = String::new();
    for c in text.replace(" - ", " – ").chars() {
        match c {
            '"' => {
                typeset.push(if open { '“' } else { '”' });
                open = !open;
            }
            '\'' => typeset.push('’'),
            _ => typeset.push(c),
        }
    }
    typeset
}

#[test]
fn english_segments_saved_by_cyrillic_windows() {
    // Only typography is outside ASCII; windows-1251 and windows-1252 agree on it, so the text
    // reads right whichever of the two the file was saved in.
    let typeset: Vec<String> = segments("en").iter().map(|s| with_typography(s)).collect();
    let (tested, failures) = round_trip(&typeset, WINDOWS_1251);
    assert!(
        tested >= 300,
        "only {tested} English segments have typography"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn short_fragments_mostly_decode_right() {
    // Three words are about as short as a paragraph gets (a dateline, a caption). Detection on
    // them is statistics on a dozen letters; it must still be right nearly always.
    for (lang, encoding) in [
        ("uk", WINDOWS_1251),
        ("uk", KOI8_U),
        ("ru", WINDOWS_1251),
        ("ru", KOI8_R),
    ] {
        let fragments: Vec<String> = segments(lang)
            .iter()
            .map(|s| s.split(' ').take(3).collect::<Vec<_>>().join(" "))
            .collect();
        let (tested, failures) = round_trip(&fragments, encoding);
        assert!(
            failures.len() * 100 <= tested,
            "{} of {tested} {lang} fragments in {} decoded wrongly:\n{}",
            failures.len(),
            encoding.name(),
            failures.join("\n")
        );
    }
}
