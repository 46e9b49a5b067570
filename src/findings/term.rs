#![doc = include_str!("term.md")]

use super::compare::GroupView;
use super::{Check, Finding, Severity, Span};
use crate::article::CheckOptions;
use crate::glossary::{Entry, Glossary, Match};
use crate::lang::Lang;
use crate::paragraphs::Paragraph;
use std::collections::BTreeMap;

pub const DOCUMENTATION: &str = include_str!("term.md");

/// One occurrence of a term in a paragraph of the group.
struct Occurrence<'a> {
    paragraph: &'a Paragraph,
    found: Match,
}

pub fn check(group: &GroupView, options: &CheckOptions) -> Vec<Finding> {
    let glossary: &Glossary = &options.glossary;
    if glossary.entries().is_empty() || group.present.len() < 2 {
        return Vec::new();
    }
    let found = occurrences(group, glossary);
    // Entries in the order they first occur (paragraph, position), whatever the language.
    let mut first_seen: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
    for by_entry in found.values() {
        for (&entry, list) in by_entry {
            if let Some(first) = list.first() {
                let at = (first.paragraph.number, first.found.start);
                let seen = first_seen.entry(entry).or_insert(at);
                *seen = (*seen).min(at);
            }
        }
    }
    let mut order: Vec<(usize, usize, usize)> = first_seen
        .into_iter()
        .map(|(entry, (paragraph, start))| (paragraph, start, entry))
        .collect();
    order.sort_unstable();
    order
        .into_iter()
        .filter_map(|(_, _, index)| {
            let entry = glossary.entries().get(index)?;
            finding(group, options, &found, index, entry)
        })
        .collect()
}

/// Per language, per (non-name) entry, where its forms occur in the group.
fn occurrences<'a>(
    group: &GroupView<'a>,
    glossary: &Glossary,
) -> BTreeMap<Lang, BTreeMap<usize, Vec<Occurrence<'a>>>> {
    let mut found: BTreeMap<Lang, BTreeMap<usize, Vec<Occurrence>>> = BTreeMap::new();
    for &lang in &group.present {
        let by_entry = found.entry(lang).or_default();
        for (paragraph, found) in group.glossary_found(lang, glossary) {
            let is_term =
                |m: &&Match| m.entry < glossary.entries().len() && !glossary.is_name_entry(m.entry);
            for m in found.terms.iter().filter(is_term) {
                by_entry.entry(m.entry).or_default().push(Occurrence {
                    paragraph,
                    found: m.clone(),
                });
            }
        }
    }
    found
}

fn finding(
    group: &GroupView,
    options: &CheckOptions,
    found: &BTreeMap<Lang, BTreeMap<usize, Vec<Occurrence>>>,
    index: usize,
    entry: &Entry,
) -> Option<Finding> {
    // Only languages the entry has a form for can be held to it.
    let langs: Vec<Lang> = group
        .present
        .iter()
        .copied()
        .filter(|l| entry.forms.get(l).is_some_and(|f| !f.is_empty()))
        .collect();
    let occurrences_in = |lang: Lang| -> &[Occurrence] {
        found
            .get(&lang)
            .and_then(|m| m.get(&index))
            .map_or(&[], Vec::as_slice)
    };
    let having: Vec<Lang> = langs
        .iter()
        .copied()
        .filter(|&l| !occurrences_in(l).is_empty())
        .collect();
    let lacking: Vec<Lang> = langs
        .iter()
        .copied()
        .filter(|l| !having.contains(l))
        .collect();
    if langs.len() < 2 || having.is_empty() || lacking.is_empty() {
        return None;
    }
    // The glossary says how to render a term the original uses; a translator may still use
    // a glossary term for what the original says otherwise ("penalties" → «санкції»). So a
    // term only the translations use is no finding: with a source, the source must use it;
    // without one, with three versions, at least two must.
    let source = options.source.filter(|s| langs.contains(s));
    match source {
        Some(source) if !having.contains(&source) => return None,
        None if langs.len() == 3 && having.len() < 2 => return None,
        _ => {}
    }
    let outlier = outlier(&langs, &lacking, source);
    let dictionary_form = |lang: Lang| {
        entry
            .forms
            .get(&lang)
            .and_then(|f| f.first())
            .cloned()
            .unwrap_or_default()
    };
    let lacks: Vec<String> = lacking
        .iter()
        .map(|&l| format!("{l} lacks «{}»", dictionary_form(l)))
        .collect();
    let evidence: Vec<String> = having
        .iter()
        .filter_map(|&l| {
            let first = occurrences_in(l).first()?;
            Some(format!("{l}: {}", first.found.text))
        })
        .collect();
    let message = format!("{} ({})", lacks.join(" and "), evidence.join("; "));
    let spans: Vec<Span> = having
        .iter()
        .filter_map(|&lang| {
            let first = occurrences_in(lang).first()?;
            let pos = first.paragraph.position(first.found.start);
            Some(Span {
                lang,
                line: pos.line,
                column: pos.column,
                text: first.found.text.clone(),
                paragraph: first.paragraph.number,
                start: first.found.start,
                end: first.found.end,
            })
        })
        .collect();
    let values = langs
        .iter()
        .map(|&l| {
            let texts = occurrences_in(l).iter().map(|o| o.found.text.clone());
            (l, texts.collect())
        })
        .collect();
    Some(Finding {
        check: Check::Term,
        severity: Severity::Error,
        message,
        outlier,
        group: group.index,
        paragraphs: group.paragraph_numbers(),
        values,
        spans,
        detected: None,
    })
}

/// With a source language (which uses the term), the single version that does not; without
/// one, with three versions, the one that lacks the term the other two use.
fn outlier(langs: &[Lang], lacking: &[Lang], source: Option<Lang>) -> Option<Lang> {
    match (source, lacking) {
        (Some(_), [single]) => Some(*single),
        (None, [single]) if langs.len() == 3 => Some(*single),
        _ => None,
    }
}
