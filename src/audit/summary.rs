//! Counts over an audit, kept while the articles stream past: the closing tables of the text
//! report and the extra `summary` fields of the JSON one.

use crate::findings::{Check, Finding, Severity};
use crate::report::Summary;
use comfy_table::{presets, CellAlignment, ContentArrangement, Table};
use serde::Serialize;
use std::collections::BTreeMap;

/// How many articles the "most errors" table lists.
pub const MOST_ERRORS: usize = 10;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct SeverityCounts {
    pub error: usize,
    pub warning: usize,
    pub note: usize,
}

impl SeverityCounts {
    pub fn add(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.error += 1,
            Severity::Warning => self.warning += 1,
            Severity::Note => self.note += 1,
        }
    }

    pub fn total(&self) -> usize {
        self.error + self.warning + self.note
    }
}

/// What one checked article adds to the summary (its findings after the baseline).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ArticleCounts {
    pub path: String,
    pub groups: usize,
    pub findings: SeverityCounts,
    pub by_check: BTreeMap<Check, SeverityCounts>,
    pub suppressed: usize,
}

impl ArticleCounts {
    pub fn of(path: String, groups: usize, findings: &[Finding], suppressed: usize) -> Self {
        let mut counts = ArticleCounts {
            path,
            groups,
            suppressed,
            ..ArticleCounts::default()
        };
        for finding in findings {
            counts.findings.add(finding.severity);
            counts
                .by_check
                .entry(finding.check)
                .or_default()
                .add(finding.severity);
        }
        counts
    }
}

/// An article in the "most errors" list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ArticleErrors {
    pub path: String,
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AuditSummary {
    pub articles: usize,
    pub groups: usize,
    pub findings: SeverityCounts,
    pub by_check: BTreeMap<Check, SeverityCounts>,
    /// Articles (or folders) that could not be read or checked.
    pub input_errors: usize,
    /// Findings dropped because the baseline accepts them.
    pub suppressed: usize,
    /// At most [`MOST_ERRORS`], most errors first, then by path.
    pub most_errors: Vec<ArticleErrors>,
}

impl AuditSummary {
    pub fn add(&mut self, article: &ArticleCounts) {
        self.articles += 1;
        self.groups += article.groups;
        self.suppressed += article.suppressed;
        self.findings.error += article.findings.error;
        self.findings.warning += article.findings.warning;
        self.findings.note += article.findings.note;
        for (check, counts) in &article.by_check {
            let total = self.by_check.entry(*check).or_default();
            total.error += counts.error;
            total.warning += counts.warning;
            total.note += counts.note;
        }
        if article.findings.error > 0 {
            self.most_errors.push(ArticleErrors {
                path: article.path.clone(),
                errors: article.findings.error,
                warnings: article.findings.warning,
                notes: article.findings.note,
            });
            self.most_errors
                .sort_by(|a, b| b.errors.cmp(&a.errors).then_with(|| a.path.cmp(&b.path)));
            self.most_errors.truncate(MOST_ERRORS);
        }
    }

    /// The counts the one-line summary and the `concord/1` summary have always shown.
    pub fn report_summary(&self) -> Summary {
        Summary {
            articles: self.articles,
            errors: self.findings.error,
            warnings: self.findings.warning,
            notes: self.findings.note,
            groups: self.groups,
        }
    }

    /// The closing tables of an archive audit: totals, findings by check and severity, and
    /// the articles with the most errors. Laid out the same on every terminal (no width
    /// detection), so that reports compare byte for byte.
    pub fn tables(&self, baseline_used: bool) -> String {
        let mut totals = new_table();
        totals.set_header(vec!["audit", "count"]);
        totals.add_row(vec![
            "articles checked".to_string(),
            self.articles.to_string(),
        ]);
        totals.add_row(vec![
            "input errors".to_string(),
            self.input_errors.to_string(),
        ]);
        totals.add_row(vec!["errors".to_string(), self.findings.error.to_string()]);
        totals.add_row(vec![
            "warnings".to_string(),
            self.findings.warning.to_string(),
        ]);
        totals.add_row(vec!["notes".to_string(), self.findings.note.to_string()]);
        if baseline_used {
            totals.add_row(vec![
                "suppressed by the baseline".to_string(),
                self.suppressed.to_string(),
            ]);
        }
        align_numbers(&mut totals, 1);
        let mut out = format!("{totals}\n");

        if !self.by_check.is_empty() {
            let mut by_check = new_table();
            by_check.set_header(vec!["check", "error", "warning", "note", "total"]);
            for (check, counts) in &self.by_check {
                by_check.add_row(vec![
                    check.id().to_string(),
                    counts.error.to_string(),
                    counts.warning.to_string(),
                    counts.note.to_string(),
                    counts.total().to_string(),
                ]);
            }
            by_check.add_row(vec![
                "all".to_string(),
                self.findings.error.to_string(),
                self.findings.warning.to_string(),
                self.findings.note.to_string(),
                self.findings.total().to_string(),
            ]);
            align_numbers(&mut by_check, 1);
            out.push_str(&format!("\n{by_check}\n"));
        }

        if !self.most_errors.is_empty() {
            let mut most = new_table();
            most.set_header(vec!["most errors", "errors", "warnings", "notes"]);
            for article in &self.most_errors {
                most.add_row(vec![
                    article.path.clone(),
                    article.errors.to_string(),
                    article.warnings.to_string(),
                    article.notes.to_string(),
                ]);
            }
            align_numbers(&mut most, 1);
            out.push_str(&format!("\n{most}\n"));
        }
        out
    }
}

fn new_table() -> Table {
    let mut table = Table::new();
    table
        .load_preset(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled)
        .force_no_tty();
    table
}

fn align_numbers(table: &mut Table, from_column: usize) {
    let columns = table.column_count();
    for index in from_column..columns {
        if let Some(column) = table.column_mut(index) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(path: &str, errors: usize, by: &[(Check, Severity)]) -> ArticleCounts {
        let mut article = ArticleCounts {
            path: path.to_string(),
            groups: 3,
            ..ArticleCounts::default()
        };
        for _ in 0..errors {
            article.findings.add(Severity::Error);
        }
        for (check, severity) in by {
            article.by_check.entry(*check).or_default().add(*severity);
        }
        article
    }

    #[test]
    fn most_errors_keeps_the_top_ten_by_errors_then_path() {
        let mut summary = AuditSummary::default();
        for i in 0..15 {
            summary.add(&counts(&format!("news/{i:02}"), i % 4, &[]));
        }
        assert_eq!(summary.articles, 15);
        assert_eq!(summary.groups, 45);
        let listed: Vec<(&str, usize)> = summary
            .most_errors
            .iter()
            .map(|a| (a.path.as_str(), a.errors))
            .collect();
        assert_eq!(
            listed,
            [
                ("news/03", 3),
                ("news/07", 3),
                ("news/11", 3),
                ("news/02", 2),
                ("news/06", 2),
                ("news/10", 2),
                ("news/14", 2),
                ("news/01", 1),
                ("news/05", 1),
                ("news/09", 1),
            ]
        );
    }

    #[test]
    fn tables_show_checks_and_severities() {
        let mut summary = AuditSummary::default();
        summary.add(&counts(
            "news/isw",
            2,
            &[
                (Check::Number, Severity::Error),
                (Check::Date, Severity::Error),
                (Check::Missing, Severity::Warning),
            ],
        ));
        summary.input_errors = 1;
        let tables = summary.tables(false);
        assert!(tables.contains("articles checked"), "{tables}");
        let number_row = tables
            .lines()
            .find(|l| l.contains(" number "))
            .unwrap_or_else(|| panic!("no number row:\n{tables}"));
        let cells: Vec<&str> = number_row
            .split(['│', '┆'])
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        assert_eq!(cells, ["number", "1", "0", "0", "1"]);
        assert!(tables.contains("news/isw"));
        assert!(!tables.contains("suppressed"));
        assert!(summary.tables(true).contains("suppressed by the baseline"));
    }
}
