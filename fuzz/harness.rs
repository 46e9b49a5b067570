//! What every fuzz target runs, shared with `tests/fuzz_regressions.rs` so that a stored
//! crashing input is replayed through exactly the code path that found it.
//!
//! Each function takes arbitrary bytes, runs one stage of the pipeline through the library's
//! public API and panics when the stage panics or breaks one of its documented invariants.
//! Where a stage is language-specific, the first byte picks the language, so one corpus
//! exercises all three.

// Each fuzz target includes this module and uses one function of it.
#![allow(dead_code)]

use concord::alignment::{self, Group, ParagraphFeatures};
use concord::article::{self, CheckOptions};
use concord::facts::{self, dates, language, names, numbers, tokens, Fact};
use concord::glossary;
use concord::input::decode;
use concord::input::Document;
use concord::paragraphs::{self, Format, Paragraph};
use concord::report::{self, TextOptions};
use concord::Lang;
use std::path::{Path, PathBuf};

/// Splits fuzz input into a language (from the first byte) and the text after it.
fn lang_and_text(data: &[u8]) -> (Lang, String) {
    let (first, rest) = data.split_first().map_or((0, data), |(f, r)| (*f, r));
    let lang = Lang::ALL[usize::from(first) % Lang::ALL.len()];
    (lang, String::from_utf8_lossy(rest).into_owned())
}

/// Arbitrary bytes as the splitters receive text: valid UTF-8 with `\n` line ends (the
/// decoder's contract; `decode` exercises the decoder itself).
fn splitter_text(data: &[u8]) -> String {
    String::from_utf8_lossy(data)
        .replace("\r\n", "\n")
        .replace('\r', "\n")
}

/// Paragraphs are numbered from 1, non-empty, trimmed, one origin per character, and every
/// origin lies inside the file (a column may be one past a line's end: the line break).
pub fn check_paragraphs(text: &str, paragraphs: &[Paragraph]) {
    let line_lengths: Vec<usize> = text.split('\n').map(|l| l.chars().count()).collect();
    for (index, paragraph) in paragraphs.iter().enumerate() {
        assert_eq!(paragraph.number, index + 1, "paragraphs numbered in order");
        assert!(
            !paragraph.text.is_empty(),
            "empty paragraph {}",
            paragraph.number
        );
        assert_eq!(
            paragraph.text.trim(),
            paragraph.text,
            "paragraph not trimmed"
        );
        assert_eq!(
            paragraph.text.chars().count(),
            paragraph.origins.len(),
            "one origin per character"
        );
        for pos in &paragraph.origins {
            let line_length = pos
                .line
                .checked_sub(1)
                .and_then(|i| line_lengths.get(i))
                .unwrap_or_else(|| panic!("origin {pos:?} on no line of the file"));
            assert!(
                pos.column >= 1 && pos.column <= line_length + 1,
                "origin {pos:?} outside its line of {line_length} characters"
            );
        }
    }
}

fn split(data: &[u8], format: Format) {
    let text = splitter_text(data);
    let paragraphs = paragraphs::split(&text, format);
    check_paragraphs(&text, &paragraphs);
}

pub fn split_txt(data: &[u8]) {
    split(data, Format::Plain);
}

pub fn split_markdown(data: &[u8]) {
    split(data, Format::Markdown);
}

pub fn split_html(data: &[u8]) {
    split(data, Format::Html);
}

/// `--encoding` labels the first byte chooses from; the last is not a label at all.
const FORCED_LABELS: [Option<&str>; 8] = [
    None,
    Some("UTF-8"),
    Some("UTF-16LE"),
    Some("UTF-16BE"),
    Some("windows-1251"),
    Some("KOI8-U"),
    Some("KOI8-R"),
    Some("no-such-encoding"),
];

/// Decodes as `load_document` does (with a forced encoding chosen by the first byte), then
/// splits the text in the format chosen by the same byte.
pub fn decode(data: &[u8]) {
    let (first, bytes) = data.split_first().map_or((0, data), |(f, r)| (*f, r));
    let forced = FORCED_LABELS[usize::from(first) % FORCED_LABELS.len()];
    let path = Path::new("uk.txt");
    match decode::decode(path, bytes, forced) {
        Ok(decoded) => {
            assert!(!decoded.text.contains('\r'), "line ends not unified");
            assert!(
                !decoded.text.starts_with('\u{feff}'),
                "byte-order mark kept"
            );
            assert!(
                !decoded.text.trim().is_empty(),
                "a blank file decodes as an error"
            );
            let format = [Format::Plain, Format::Markdown, Format::Html][usize::from(first) % 3];
            let paragraphs = paragraphs::split(&decoded.text, format);
            check_paragraphs(&decoded.text, &paragraphs);
        }
        Err(error) => {
            assert!(!error.to_string().is_empty());
        }
    }
}

/// A fact's range lies in the text and its `text` is what the range covers.
fn check_facts(text: &str, found: &[Fact]) {
    let chars: Vec<char> = text.chars().collect();
    for fact in found {
        assert!(
            fact.start < fact.end && fact.end <= chars.len(),
            "fact {}..{} outside a text of {} characters",
            fact.start,
            fact.end,
            chars.len()
        );
        let covered: String = chars
            .get(fact.start..fact.end)
            .unwrap_or_default()
            .iter()
            .collect();
        assert_eq!(covered, fact.text, "fact text is not its range");
        assert!(!fact.value.key().is_empty(), "fact without a value key");
    }
}

pub fn numbers(data: &[u8]) {
    let (lang, text) = lang_and_text(data);
    let found = numbers::extract(&tokens::tokenize(&text), lang);
    check_facts(&text, &found);
    if let Some(fact) = found.first() {
        if let facts::FactValue::Number(number) = &fact.value {
            let _ = number.amount();
        }
    }
    check_facts(&text, &facts::extract(&text, lang));
}

pub fn dates(data: &[u8]) {
    let (lang, text) = lang_and_text(data);
    let found = dates::extract(&tokens::tokenize(&text), lang);
    check_facts(&text, &found);
    for fact in &found {
        if let facts::FactValue::Date(date) = &fact.value {
            assert!(date.compatible(date), "a date is compatible with itself");
        }
    }
}

pub fn names(data: &[u8]) {
    let (lang, text) = lang_and_text(data);
    let chars = text.chars().count();
    let analysis = names::analyze(&text, lang);
    for name in &analysis.names {
        assert!(
            name.start < name.end && name.end <= chars,
            "name {}..{} outside a text of {chars} characters",
            name.start,
            name.end
        );
        let _ = names::NameMatching::default().names_match(name, name);
    }
    for word in &analysis.words {
        assert!(word.start < word.end && word.end <= chars);
        let _ = word.keys();
        for name in &analysis.names {
            let _ = names::NameMatching::default().word_matches(name, word);
        }
    }
}

pub fn language(data: &[u8]) {
    let (lang, text) = lang_and_text(data);
    let identified: Vec<Option<language::Identified>> = text
        .split("\n\n")
        .map(|paragraph| {
            let identified = language::identify(paragraph);
            if let Some(found) = &identified {
                assert!(
                    (0.5..=1.0).contains(&found.confidence),
                    "confidence {} out of range",
                    found.confidence
                );
                assert!(found.letters <= paragraph.chars().count());
            }
            identified
        })
        .collect();
    if let Some(document) = language::document_language(&identified) {
        assert!((0.0..=1.0).contains(&document.confidence));
    }
    let _ = language::wrong_document_language(lang, &identified);
}

/// Features of one document's paragraphs, as `article::check_documents` computes them.
fn features(lang: Lang, paragraphs: &[Paragraph]) -> Vec<ParagraphFeatures> {
    paragraphs
        .iter()
        .map(|p| {
            let found = facts::extract(&p.text, lang);
            alignment::anchors::features(&p.text, lang, &found)
        })
        .collect()
}

/// Groups cover every paragraph of every document exactly once, in order; a group holds at
/// most two paragraphs of one document and at least one paragraph in all.
pub fn check_groups(sizes: &[usize], groups: &[Group]) {
    let mut next = vec![0usize; sizes.len()];
    for group in groups {
        assert_eq!(
            group.members.len(),
            sizes.len(),
            "one member list per document"
        );
        assert!(
            group.members.iter().any(|m| !m.is_empty()),
            "empty group {group:?}"
        );
        for (d, members) in group.members.iter().enumerate() {
            assert!(members.len() <= 2, "more than two paragraphs in {group:?}");
            for &index in members {
                assert_eq!(index, next[d], "document {d} out of order in {group:?}");
                next[d] += 1;
            }
        }
    }
    assert_eq!(next, sizes, "paragraphs left out of the alignment");
}

/// Splits input into up to `count` parts at the byte 0xFF, which never occurs in UTF-8.
fn parts(data: &[u8], count: usize) -> Vec<String> {
    data.splitn(count, |&b| b == 0xff)
        .map(splitter_text)
        .collect()
}

/// Two or three documents (the first byte says how many), split at 0xFF, in the languages of
/// the pipeline's order, each split as plain text and aligned.
pub fn alignment(data: &[u8]) {
    let (first, rest) = data.split_first().map_or((0, data), |(f, r)| (*f, r));
    let count = if first % 2 == 0 { 2 } else { 3 };
    let texts = parts(rest, count);
    let docs: Vec<Vec<ParagraphFeatures>> = texts
        .iter()
        .zip(Lang::ALL)
        .map(|(text, lang)| features(lang, &paragraphs::split(text, Format::Plain)))
        .collect();
    let groups = alignment::align(&docs);
    let sizes: Vec<usize> = docs.iter().map(Vec::len).collect();
    check_groups(&sizes, &groups);
}

/// Sentences every glossary is matched against, and the glossary's own forms.
const GLOSSARY_TEXTS: [(Lang, &str); 3] = [
    (
        Lang::En,
        "The Armed Forces of Ukraine said the Verkhovna Rada met in Kyiv on Monday.",
    ),
    (
        Lang::Uk,
        "Збройні сили України повідомили, що Верховна Рада зібралася в Києві.",
    ),
    (
        Lang::Ru,
        "Вооруженные силы Украины сообщили, что Верховная Рада собралась в Киеве.",
    ),
];

fn check_match_range(text: &str, start: usize, end: usize) {
    let chars = text.chars().count();
    assert!(
        start < end && end <= chars,
        "match {start}..{end} outside a text of {chars} characters"
    );
}

/// Parses the input as a glossary file; when it loads, matches it against real sentences and
/// against its own forms.
pub fn glossary(data: &[u8]) {
    let source = String::from_utf8_lossy(data);
    let path = Path::new("glossary.toml");
    let lines = source.lines().count().max(1);
    for problem in glossary::validate_str(&source, path) {
        assert!(
            problem.line >= 1 && problem.line <= lines + 1,
            "problem on line {} of {lines}: {problem}",
            problem.line
        );
    }
    let Ok(loaded) = glossary::parse_str(&source, path) else {
        return;
    };
    let own_forms: Vec<(Lang, String)> = loaded
        .entries()
        .iter()
        .flat_map(|entry| {
            entry
                .forms
                .iter()
                .flat_map(|(lang, forms)| forms.iter().map(|form| (*lang, form.clone())))
        })
        .take(64)
        .collect();
    let texts = GLOSSARY_TEXTS
        .iter()
        .map(|(lang, text)| (*lang, (*text).to_string()))
        .chain(own_forms);
    for (lang, text) in texts {
        for found in loaded.find_terms(lang, &text) {
            check_match_range(&text, found.start, found.end);
            assert!(found.entry < loaded.entries().len());
        }
        for found in loaded.find_bans(lang, &text) {
            check_match_range(&text, found.start, found.end);
            assert!(found.ban < loaded.bans().len());
        }
    }
}

/// The whole pipeline on three documents (plain, Markdown or HTML by the first byte) with
/// the default glossary, and every report rendered.
pub fn check_article(data: &[u8]) {
    let (first, rest) = data.split_first().map_or((0, data), |(f, r)| (*f, r));
    let format = [Format::Plain, Format::Markdown, Format::Html][usize::from(first) % 3];
    let documents: Vec<Document> = parts(rest, 3)
        .iter()
        .zip(Lang::ALL)
        .map(|(text, lang)| {
            let paragraphs = paragraphs::split(text, format);
            check_paragraphs(text, &paragraphs);
            Document {
                lang,
                path: PathBuf::from(format!("{}.txt", lang.code())),
                encoding: None,
                paragraphs,
            }
        })
        .filter(|document| !document.paragraphs.is_empty())
        .collect();
    let options = CheckOptions {
        glossary: glossary::default_glossary(),
        ..CheckOptions::default()
    };
    let checked = article::check_documents(PathBuf::from("article"), documents, &options);
    let sizes: Vec<usize> = checked
        .documents
        .iter()
        .map(|d| d.paragraphs.len())
        .collect();
    check_groups(&sizes, &checked.alignment);
    let text_options = TextOptions::default();
    assert!(!report::align::render(&checked, &text_options).is_empty());
    let articles = [checked];
    for rendered in [
        report::text::render(&articles, &text_options),
        report::json::render(&articles),
        report::sarif::render(&articles),
        report::github::render(&articles),
        report::html::render(&articles),
    ] {
        assert!(!rendered.is_empty() || articles[0].findings.is_empty());
    }
}
