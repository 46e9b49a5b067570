#![doc = include_str!("wrong-language.md")]

use super::untranslated::detected;
use super::{Check, Finding, Severity, Span};
use crate::article::{CheckOptions, CheckedArticle};
use crate::facts::language::{Identified, IdentifiedLang};
use crate::input::Document;
use crate::lang::Lang;
use std::collections::BTreeMap;

pub const DOCUMENTATION: &str = include_str!("wrong-language.md");

/// How many characters of the first paragraph a span quotes.
const QUOTED_CHARS: usize = 40;

/// Runs once per article (a whole file in the wrong language is one finding, not one per
/// paragraph).
pub fn check(article: &CheckedArticle, _options: &CheckOptions) -> Vec<Finding> {
    let wrong: Vec<(&Document, Identified)> = article
        .documents
        .iter()
        .filter_map(|d| article.wrong_language_of(d.lang).map(|i| (d, i.clone())))
        .collect();
    let mut findings = Vec::new();
    let mut swapped: Vec<Lang> = Vec::new();
    for (i, (a, a_in)) in wrong.iter().enumerate() {
        for (b, b_in) in wrong.iter().skip(i + 1) {
            let is_swap = a_in.lang == IdentifiedLang::from(b.lang)
                && b_in.lang == IdentifiedLang::from(a.lang);
            if !is_swap || swapped.contains(&a.lang) || swapped.contains(&b.lang) {
                continue;
            }
            swapped.extend([a.lang, b.lang]);
            let message = format!(
                "{} is in {} and {} is in {}: swapped?",
                file_name(a),
                b.lang.name(),
                file_name(b),
                a.lang.name()
            );
            findings.push(finding(article, &[a, b], message, None, None));
        }
    }
    for (document, identified) in &wrong {
        if swapped.contains(&document.lang) {
            continue;
        }
        let message = format!(
            "{} is in {}, not {}",
            file_name(document),
            identified.lang.name(),
            document.lang.name()
        );
        findings.push(finding(
            article,
            &[document],
            message,
            Some(document.lang),
            Some(identified),
        ));
    }
    findings
}

fn file_name(document: &Document) -> String {
    document.path.file_name().map_or_else(
        || document.path.to_string_lossy().into_owned(),
        |name| name.to_string_lossy().into_owned(),
    )
}

fn finding(
    article: &CheckedArticle,
    documents: &[&Document],
    message: String,
    outlier: Option<Lang>,
    identified: Option<&Identified>,
) -> Finding {
    // The whole file is meant: every paragraph of every version.
    let paragraphs: BTreeMap<Lang, Vec<usize>> = article
        .documents
        .iter()
        .map(|d| (d.lang, d.paragraphs.iter().map(|p| p.number).collect()))
        .collect();
    let spans = documents
        .iter()
        .filter_map(|d| {
            let first = d.paragraphs.first()?;
            let pos = first.position(0);
            let text: String = first.text.chars().take(QUOTED_CHARS).collect();
            let end = text.chars().count();
            Some(Span {
                lang: d.lang,
                line: pos.line,
                column: pos.column,
                text,
                paragraph: first.number,
                start: 0,
                end,
            })
        })
        .collect();
    Finding {
        check: Check::WrongLanguage,
        severity: Severity::Error,
        message,
        outlier,
        group: 0,
        paragraphs,
        values: BTreeMap::new(),
        spans,
        detected: identified.map(detected),
    }
}
