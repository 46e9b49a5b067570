#![doc = include_str!("missing.md")]

use super::compare::{join_langs, GroupView};
use super::{Check, Finding, Severity, Span};
use crate::article::CheckOptions;
use crate::facts::tokens::{is_letter, is_letter_or_digit};
use crate::lang::Lang;
use crate::paragraphs::Paragraph;
use std::collections::BTreeMap;

pub const DOCUMENTATION: &str = include_str!("missing.md");

/// How many characters of a present paragraph a span quotes, to show which one is meant.
const QUOTED_CHARS: usize = 40;

pub fn check(group: &GroupView, options: &CheckOptions) -> Vec<Finding> {
    let mut findings = missing_paragraphs(group, options);
    findings.extend(shortened(group, options));
    findings
}

fn missing_paragraphs(group: &GroupView, options: &CheckOptions) -> Vec<Finding> {
    let all: Vec<Lang> = group.article.documents.iter().map(|d| d.lang).collect();
    let lacking: Vec<Lang> = all
        .iter()
        .copied()
        .filter(|l| !group.present.contains(l))
        .collect();
    if lacking.is_empty() || group.present.is_empty() {
        return Vec::new();
    }
    let having = &group.present;
    let outlier = match (options.source, lacking.as_slice()) {
        // The source lacks it: the others added a paragraph; blame a single adder.
        (Some(source), _) if lacking.contains(&source) => match having.as_slice() {
            [single] => Some(*single),
            _ => None,
        },
        (Some(_), [single]) => Some(*single),
        (None, [single]) if all.len() == 3 => Some(*single),
        // Two of three lack it: the one that has it added a paragraph.
        (None, [_, _]) if all.len() == 3 => having.first().copied(),
        _ => None,
    };
    let spans: Vec<Span> = having
        .iter()
        .flat_map(|&lang| {
            group.paragraphs_of(lang).into_iter().map(move |p| {
                let pos = p.position(0);
                let text: String = p.text.chars().take(QUOTED_CHARS).collect();
                let end = text.chars().count();
                Span {
                    lang,
                    line: pos.line,
                    column: pos.column,
                    text,
                    paragraph: p.number,
                    start: 0,
                    end,
                }
            })
        })
        .collect();
    let verb = |langs: &[Lang]| if langs.len() > 1 { "have" } else { "has" };
    let lack = if lacking.len() > 1 { "lack" } else { "lacks" };
    let message = format!(
        "{} {lack} a paragraph that {} {}",
        join_langs(&lacking),
        join_langs(having),
        verb(having)
    );
    let values: BTreeMap<Lang, Vec<String>> = BTreeMap::new();
    vec![Finding {
        check: Check::Missing,
        severity: Severity::Error,
        message,
        outlier,
        group: group.index,
        paragraphs: group.paragraph_numbers(),
        values,
        spans,
        detected: None,
    }]
}

/// A version shorter than this share of what the others predict, after the language pair's
/// usual length ratio, has lost text.
pub const SHORTER_BY: f64 = 0.25;
/// Versions shorter than this (characters) are titles and captions, whose length varies
/// too much with wording to say anything.
pub const MIN_CHARS: usize = 150;

/// Characters of a document, the unit its length ratio to another document is measured in.
fn document_chars(group: &GroupView, lang: Lang) -> usize {
    group
        .article
        .document(lang)
        .map_or(0, |d| d.paragraphs.iter().map(|p| p.char_len()).sum())
}

/// Sentences in a text: terminators followed by a capital (or an opening quote or dash)
/// that do not end an initial ("В. Путін", "U.S.") or a title ("Mr.").
pub fn sentence_count(text: &str) -> usize {
    let mut count = 0;
    let mut has_letters_since = false;
    for (i, c) in text.char_indices() {
        if is_letter_or_digit(c) {
            has_letters_since = true;
            continue;
        }
        if !matches!(c, '.' | '!' | '?' | '…') || !has_letters_since {
            continue;
        }
        let after = text.get(i + c.len_utf8()..).unwrap_or_default();
        let mut rest = after.trim_start_matches(|n| {
            matches!(n, '.' | '!' | '?' | '…' | '"' | '\'' | ')' | '»' | '”')
        });
        let spaced = rest.starts_with(char::is_whitespace);
        rest = rest.trim_start_matches(char::is_whitespace);
        let next = rest.chars().next();
        let starts_sentence = match next {
            None => true,
            Some(n) => {
                spaced
                    && (n.is_uppercase()
                        || n.is_numeric()
                        || matches!(n, '"' | '«' | '-' | '—' | '('))
            }
        };
        if !starts_sentence {
            continue;
        }
        if c == '.'
            && next.is_some()
            && ends_with_initial_or_title(text.get(..i).unwrap_or_default())
        {
            continue;
        }
        count += 1;
        has_letters_since = false;
    }
    count + usize::from(has_letters_since)
}

/// True when the letters `before` ends with are an initial ("В") or a title ("Mr"), whose
/// full stop does not end a sentence.
fn ends_with_initial_or_title(before: &str) -> bool {
    const TITLES: &[&str] = &[
        "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "lt", "col", "sgt", "rep", "sen", "gov",
        "prof", "no", "vs", "ім", "им", "проф", "ген", "св",
    ];
    /// Lowercasing never shortens a word: a longer one is neither an initial nor a title.
    const LONGEST_TITLE: usize = 4;
    let word_start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_letter(c))
        .take(LONGEST_TITLE + 1)
        .last()
        .map_or(before.len(), |(start, _)| start);
    let word = before.get(word_start..).unwrap_or_default();
    let letters = word.chars().count();
    if letters == 0 || letters > LONGEST_TITLE {
        // An empty word lowercases to no characters: neither an initial nor a title.
        return false;
    }
    let lower = word.to_lowercase();
    lower.chars().count() == 1 || TITLES.contains(&lower.as_str())
}

/// The dropped-sentence warning: a version much shorter than all the others, with fewer
/// sentences than each of them.
fn shortened(group: &GroupView, options: &CheckOptions) -> Vec<Finding> {
    if group.present.len() < 2 {
        return Vec::new();
    }
    struct Version<'a> {
        lang: Lang,
        paragraphs: Vec<&'a Paragraph>,
        chars: usize,
        document: usize,
        /// Counted only for a version that is short enough to be suspected: counting is
        /// most of this check's cost, and most groups have no such version.
        sentences: std::cell::OnceCell<usize>,
    }
    impl Version<'_> {
        fn sentences(&self) -> usize {
            *self.sentences.get_or_init(|| {
                self.paragraphs
                    .iter()
                    .map(|p| sentence_count(&p.text))
                    .sum()
            })
        }
    }
    let versions: Vec<Version> = group
        .present
        .iter()
        .map(|&lang| {
            let paragraphs = group.paragraphs_of(lang);
            Version {
                lang,
                chars: paragraphs.iter().map(|p| p.char_len()).sum(),
                paragraphs,
                document: document_chars(group, lang),
                sentences: std::cell::OnceCell::new(),
            }
        })
        .collect();
    let mut findings = Vec::new();
    for short in &versions {
        let others: Vec<&Version> = versions.iter().filter(|v| v.lang != short.lang).collect();
        if !others
            .iter()
            .all(|o| o.chars >= MIN_CHARS && o.document > 0)
        {
            continue;
        }
        let shortfall = others
            .iter()
            .map(|o| {
                let expected = o.chars as f64 * short.document as f64 / o.document as f64;
                1.0 - short.chars as f64 / expected.max(1.0)
            })
            .fold(f64::INFINITY, f64::min);
        if shortfall.is_nan() || shortfall < SHORTER_BY {
            continue;
        }
        if !others.iter().all(|o| o.sentences() > short.sentences()) {
            continue;
        }
        let langs: Vec<Lang> = others.iter().map(|o| o.lang).collect();
        let numbers: Vec<String> = short
            .paragraphs
            .iter()
            .map(|p| p.number.to_string())
            .collect();
        let message = format!(
            "{} ¶{} is {:.0}% shorter than {}: a sentence may be missing",
            short.lang,
            numbers.join(", "),
            shortfall * 100.0,
            join_langs(&langs)
        );
        let outlier = match options.source {
            Some(source) if source == short.lang => None,
            _ => Some(short.lang),
        };
        findings.push(Finding {
            check: Check::Missing,
            severity: Severity::Warning,
            message,
            outlier,
            group: group.index,
            paragraphs: group.paragraph_numbers(),
            values: BTreeMap::new(),
            spans: Vec::new(),
            detected: None,
        });
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::sentence_count;

    #[test]
    fn sentences_are_counted_past_initials_titles_and_closing_quotes() {
        assert_eq!(
            sentence_count(
                "Президент В. Зеленський провів нараду. «Ворог не пройде», - сказав він. \
                 Рішення ухвалять до 1 грудня."
            ),
            3
        );
        assert_eq!(
            sentence_count(
                "Mr. Smith met Gen. Syrskyi in Kyiv on Monday. They discussed U.S. aid! \
                 \"We are grateful,\" he said."
            ),
            3
        );
        assert_eq!(
            sentence_count("Проф. Иванов заявил, что т. е. ничего не изменится"),
            1
        );
        // A full stop followed by a lowercase word does not end a sentence.
        assert_eq!(sentence_count("близько 10 тис. військових"), 1);
        assert_eq!(sentence_count(""), 0);
        assert_eq!(sentence_count("..."), 0);
    }
}
