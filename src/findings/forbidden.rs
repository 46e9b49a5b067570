#![doc = include_str!("forbidden.md")]

use super::compare::GroupView;
use super::{Check, Finding, Severity, Span};
use crate::article::CheckOptions;
use std::collections::BTreeMap;

pub const DOCUMENTATION: &str = include_str!("forbidden.md");

pub fn check(group: &GroupView, options: &CheckOptions) -> Vec<Finding> {
    let glossary = &options.glossary;
    if glossary.bans().is_empty() {
        return Vec::new();
    }
    let mut findings = Vec::new();
    for &lang in &group.present {
        for (paragraph, found_there) in group.glossary_found(lang, glossary) {
            for found in &found_there.bans {
                let Some(ban) = glossary.bans().get(found.ban) else {
                    continue;
                };
                let mut message = format!("{lang} uses «{}»", found.text);
                match &ban.replacement {
                    Some(replacement) => message.push_str(&format!("; use «{replacement}»")),
                    None => message.push_str(", which the glossary forbids"),
                }
                if let Some(note) = &ban.note {
                    message.push_str(&format!(" ({note})"));
                }
                let pos = paragraph.position(found.start);
                let span = Span {
                    lang,
                    line: pos.line,
                    column: pos.column,
                    text: found.text.clone(),
                    paragraph: paragraph.number,
                    start: found.start,
                    end: found.end,
                };
                let mut values = BTreeMap::new();
                values.insert(lang, vec![found.text.clone()]);
                findings.push(Finding {
                    check: Check::Forbidden,
                    severity: Severity::Error,
                    message,
                    outlier: Some(lang),
                    group: group.index,
                    paragraphs: group.paragraph_numbers(),
                    values,
                    spans: vec![span],
                    detected: None,
                });
            }
        }
    }
    findings
}
