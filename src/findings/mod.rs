//! The checks, one module per check. Each check's documentation (What it does / Why /
//! Example) is a Markdown file beside its module: rustdoc shows it and `concord explain CHECK`
//! prints it.

pub mod compare;
pub mod date;
pub mod missing;
pub mod number;

use crate::article::{CheckOptions, CheckedArticle};
use crate::lang::Lang;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Note,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

/// Check ids are a public contract (JSON `check`, baselines): never rename one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Check {
    Number,
    Date,
    Missing,
}

impl Check {
    pub const ALL: [Check; 3] = [Check::Number, Check::Date, Check::Missing];

    pub fn id(self) -> &'static str {
        match self {
            Check::Number => "number",
            Check::Date => "date",
            Check::Missing => "missing",
        }
    }

    pub fn from_id(id: &str) -> Option<Check> {
        Check::ALL.into_iter().find(|c| c.id() == id)
    }

    /// What the check looks for, why, and examples: what `concord explain` prints.
    pub fn documentation(self) -> &'static str {
        match self {
            Check::Number => number::DOCUMENTATION,
            Check::Date => date::DOCUMENTATION,
            Check::Missing => missing::DOCUMENTATION,
        }
    }
}

/// Where a finding's value stands in one version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Span {
    pub lang: Lang,
    /// 1-based line and column (in characters) in the original file.
    pub line: usize,
    pub column: usize,
    /// The words as written.
    pub text: String,
    /// 1-based paragraph number in the file.
    pub paragraph: usize,
    /// Character range in the paragraph's normalized text, for excerpts.
    #[serde(skip)]
    pub start: usize,
    #[serde(skip)]
    pub end: usize,
}

/// One disagreement between versions. Reports render findings; they know nothing else of
/// the checks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub check: Check,
    pub severity: Severity,
    pub message: String,
    /// The language that disagrees with the others, when one can be named.
    pub outlier: Option<Lang>,
    /// 0-based index of the aligned group the finding is in.
    #[serde(skip)]
    pub group: usize,
    /// 1-based paragraph numbers of the group, per language.
    pub paragraphs: BTreeMap<Lang, Vec<usize>>,
    /// Normalized values per language, as compared.
    pub values: BTreeMap<Lang, Vec<String>>,
    pub spans: Vec<Span>,
}

/// Runs every check over a checked article's groups. Findings come in group order, then by
/// check, then by position: output order is deterministic.
pub fn run(article: &CheckedArticle, options: &CheckOptions) -> Vec<Finding> {
    let mut findings = Vec::new();
    for index in 0..article.alignment.len() {
        let group = compare::GroupView::new(article, index);
        findings.extend(missing::check(&group, options));
        findings.extend(number::check(&group, options));
        findings.extend(date::check(&group, options));
    }
    findings
}
