//! Rendering checked articles. Reports know the documents, the alignment and the findings
//! they are given, and nothing of how the checks work.
//!
//! - [`text`]: the terminal report, read like compiler errors.
//! - [`json`]: the `concord/1` report for CI pipelines.
//! - [`html`]: a self-contained page for editors, versions side by side.
//! - [`align`]: the alignment side by side, for `concord align`.
//! - [`sarif`]: SARIF 2.1.0, for code-scanning dashboards.
//! - [`github`]: GitHub Actions workflow commands (annotations).

pub mod align;
mod excerpt;
pub mod github;
pub mod html;
pub mod json;
pub mod sarif;
mod style;
pub mod text;

#[cfg(test)]
mod fixtures;

use crate::article::CheckedArticle;
use crate::findings::{Finding, Severity};
use crate::input::Document;
use crate::paragraphs::Paragraph;
use std::path::Path;

/// How terminal reports are drawn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextOptions {
    /// Emit ANSI colors and styles. Reports never look at the terminal or the environment
    /// themselves: the caller decides (tty, `--color`, `NO_COLOR`).
    pub color: bool,
    /// Columns available, for the side-by-side alignment view.
    pub width: usize,
    /// Characters of context shown on each side of a value in excerpts.
    pub context: usize,
}

impl Default for TextOptions {
    fn default() -> Self {
        TextOptions {
            color: false,
            width: 120,
            context: 30,
        }
    }
}

/// Counts over a whole run: what the closing line says and what exit codes are decided on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub articles: usize,
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
    /// Aligned paragraph groups over all articles.
    pub groups: usize,
}

impl Summary {
    pub fn of(articles: &[CheckedArticle]) -> Summary {
        let mut summary = Summary {
            articles: articles.len(),
            ..Summary::default()
        };
        for article in articles {
            summary.groups += article.alignment.len();
            for finding in &article.findings {
                match finding.severity {
                    Severity::Error => summary.errors += 1,
                    Severity::Warning => summary.warnings += 1,
                    Severity::Note => summary.notes += 1,
                }
            }
        }
        summary
    }

    pub fn count(&self, severity: Severity) -> usize {
        match severity {
            Severity::Error => self.errors,
            Severity::Warning => self.warnings,
            Severity::Note => self.notes,
        }
    }

    pub fn findings(&self) -> usize {
        self.errors + self.warnings + self.notes
    }
}

/// A path as the user gave it, with `/` separators on every platform so that reports and
/// baselines compare equal across machines.
pub(crate) fn display_path(path: &Path) -> String {
    let shown = path.to_string_lossy();
    if cfg!(windows) {
        shown.replace('\\', "/")
    } else {
        shown.into_owned()
    }
}

/// The paragraph numbered `number` (1-based) in a document.
pub(crate) fn find_paragraph(document: &Document, number: usize) -> Option<&Paragraph> {
    let by_position = number
        .checked_sub(1)
        .and_then(|index| document.paragraphs.get(index))
        .filter(|p| p.number == number);
    by_position.or_else(|| document.paragraphs.iter().find(|p| p.number == number))
}

/// 1-based numbers of the paragraphs of document `d` in group `group`.
pub(crate) fn group_paragraphs(article: &CheckedArticle, group: usize, d: usize) -> Vec<usize> {
    let (Some(group), Some(document)) = (article.alignment.get(group), article.documents.get(d))
    else {
        return Vec::new();
    };
    group
        .members
        .get(d)
        .map(|members| {
            members
                .iter()
                .map(|&index| {
                    document
                        .paragraphs
                        .get(index)
                        .map_or(index + 1, |p| p.number)
                })
                .collect()
        })
        .unwrap_or_default()
}

/// 1-based numbers of the paragraphs of document `d` that a finding covers: what the finding
/// says, or failing that what its group holds.
pub(crate) fn finding_paragraphs(
    article: &CheckedArticle,
    finding: &Finding,
    d: usize,
) -> Vec<usize> {
    let Some(document) = article.documents.get(d) else {
        return Vec::new();
    };
    match finding.paragraphs.get(&document.lang) {
        Some(numbers) if !numbers.is_empty() => numbers.clone(),
        _ => group_paragraphs(article, finding.group, d),
    }
}

/// "1 article", "2 articles".
pub(crate) fn plural(count: usize, singular: &str, plural: &str) -> String {
    format!("{count} {}", if count == 1 { singular } else { plural })
}
