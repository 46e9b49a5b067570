#![doc = include_str!("missing.md")]

use super::compare::{join_langs, GroupView};
use super::{Check, Finding, Severity, Span};
use crate::article::CheckOptions;
use crate::lang::Lang;
use std::collections::BTreeMap;

pub const DOCUMENTATION: &str = include_str!("missing.md");

/// How many characters of a present paragraph a span quotes, to show which one is meant.
const QUOTED_CHARS: usize = 40;

pub fn check(group: &GroupView, options: &CheckOptions) -> Vec<Finding> {
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
