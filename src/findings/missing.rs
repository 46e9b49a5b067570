#![doc = include_str!("missing.md")]

use super::compare::{join_langs, GroupView};
use super::{Check, Finding, Severity, Span};
use crate::article::CheckOptions;
use crate::facts::tokens::{is_letter, is_letter_or_digit};
use crate::lang::Lang;
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
    const TITLES: &[&str] = &[
        "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "lt", "col", "sgt", "rep", "sen", "gov",
        "prof", "no", "vs", "ім", "им", "проф", "ген", "св",
    ];
    let chars: Vec<char> = text.chars().collect();
    let mut count = 0;
    let mut has_letters_since = false;
    for (i, &c) in chars.iter().enumerate() {
        if is_letter_or_digit(c) {
            has_letters_since = true;
            continue;
        }
        if !matches!(c, '.' | '!' | '?' | '…') || !has_letters_since {
            continue;
        }
        let mut next = i + 1;
        while chars
            .get(next)
            .is_some_and(|n| matches!(n, '.' | '!' | '?' | '…' | '"' | '\'' | ')' | '»' | '”'))
        {
            next += 1;
        }
        let spaced = chars.get(next).is_some_and(|n| n.is_whitespace());
        while chars.get(next).is_some_and(|n| n.is_whitespace()) {
            next += 1;
        }
        let starts_sentence = match chars.get(next) {
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
        let word: String = chars[..i]
            .iter()
            .rev()
            .take_while(|w| is_letter(**w))
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect::<String>()
            .to_lowercase();
        let initial = c == '.' && word.chars().count() == 1 && chars.get(next).is_some();
        if initial || (c == '.' && TITLES.contains(&word.as_str()) && chars.get(next).is_some()) {
            continue;
        }
        count += 1;
        has_letters_since = false;
    }
    count + usize::from(has_letters_since)
}

/// The dropped-sentence warning: a version much shorter than all the others, with fewer
/// sentences than each of them.
fn shortened(group: &GroupView, options: &CheckOptions) -> Vec<Finding> {
    if group.present.len() < 2 {
        return Vec::new();
    }
    struct Version {
        lang: Lang,
        chars: usize,
        sentences: usize,
        document: usize,
    }
    let versions: Vec<Version> = group
        .present
        .iter()
        .map(|&lang| {
            let paragraphs = group.paragraphs_of(lang);
            Version {
                lang,
                chars: paragraphs.iter().map(|p| p.char_len()).sum(),
                sentences: paragraphs.iter().map(|p| sentence_count(&p.text)).sum(),
                document: document_chars(group, lang),
            }
        })
        .collect();
    let mut findings = Vec::new();
    for short in &versions {
        let others: Vec<&Version> = versions.iter().filter(|v| v.lang != short.lang).collect();
        let shortfalls: Vec<f64> = others
            .iter()
            .filter(|o| o.chars >= MIN_CHARS && o.sentences > short.sentences && o.document > 0)
            .map(|o| {
                let expected = o.chars as f64 * short.document as f64 / o.document as f64;
                1.0 - short.chars as f64 / expected.max(1.0)
            })
            .collect();
        if shortfalls.len() != others.len() {
            continue;
        }
        let shortfall = shortfalls.iter().copied().fold(f64::INFINITY, f64::min);
        if shortfall.is_nan() || shortfall < SHORTER_BY {
            continue;
        }
        let langs: Vec<Lang> = others.iter().map(|o| o.lang).collect();
        let numbers: Vec<String> = group
            .paragraphs_of(short.lang)
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
