//! The checks, one module per check. Each check's documentation (What it does / Why /
//! Example) is a Markdown file beside its module: rustdoc shows it and `concord explain CHECK`
//! prints it.

pub mod compare;
pub mod date;
pub mod forbidden;
pub mod missing;
pub mod name;
pub mod number;
pub mod term;
pub mod untranslated;
pub mod wrong_language;

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
    Name,
    Term,
    Forbidden,
    Untranslated,
    WrongLanguage,
}

impl Check {
    pub const ALL: [Check; 8] = [
        Check::Number,
        Check::Date,
        Check::Missing,
        Check::Name,
        Check::Term,
        Check::Forbidden,
        Check::Untranslated,
        Check::WrongLanguage,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Check::Number => "number",
            Check::Date => "date",
            Check::Missing => "missing",
            Check::Name => "name",
            Check::Term => "term",
            Check::Forbidden => "forbidden",
            Check::Untranslated => "untranslated",
            Check::WrongLanguage => "wrong-language",
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
            Check::Name => name::DOCUMENTATION,
            Check::Term => term::DOCUMENTATION,
            Check::Forbidden => forbidden::DOCUMENTATION,
            Check::Untranslated => untranslated::DOCUMENTATION,
            Check::WrongLanguage => wrong_language::DOCUMENTATION,
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
    /// For language checks: the language a text was detected as, and how sure that is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detected: Option<Detected>,
}

/// A language identification result.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Detected {
    /// A language code (`en`, `uk`, `ru`, or another ISO 639-1 code).
    pub lang: String,
    /// From 0 to 1.
    pub confidence: f64,
}

impl Eq for Detected {}

/// Runs every check over a checked article's groups. Findings come in group order, then by
/// check, then by position: output order is deterministic.
pub fn run(article: &CheckedArticle, options: &CheckOptions) -> Vec<Finding> {
    let mut findings = wrong_language::check(article, options);
    let groups: Vec<compare::GroupView> = (0..article.alignment.len())
        .map(|index| compare::GroupView::new(article, index))
        .collect();
    // Each check runs over every group before the next check starts, and the findings are
    // then put back in group order: run group by group, the checks evicted each other's code
    // from the instruction cache.
    let each_group = |check: fn(&compare::GroupView, &CheckOptions) -> Vec<Finding>| {
        groups
            .iter()
            .map(|group| check(group, options))
            .collect::<Vec<_>>()
    };
    let missing = each_group(missing::check);
    let untranslated = each_group(untranslated::check);
    let number = each_group(number::check);
    let date = each_group(date::check);
    // A paragraph left in another language must be translated first: comparing its names
    // and terms with the other versions' would only repeat that finding.
    let compare_wording: Vec<bool> = untranslated.iter().map(Vec::is_empty).collect();
    let wording = |check: fn(&compare::GroupView, &CheckOptions) -> Vec<Finding>| {
        groups
            .iter()
            .zip(&compare_wording)
            .map(|(group, &compare)| {
                if compare {
                    check(group, options)
                } else {
                    Vec::new()
                }
            })
            .collect::<Vec<_>>()
    };
    let name = wording(name::check);
    let term = wording(term::check);
    let forbidden = each_group(forbidden::check);
    let in_group_order = missing
        .into_iter()
        .zip(untranslated)
        .zip(number)
        .zip(date)
        .zip(name)
        .zip(term)
        .zip(forbidden);
    for ((((((missing, untranslated), number), date), name), term), forbidden) in in_group_order {
        findings.extend(missing);
        findings.extend(untranslated);
        findings.extend(number);
        findings.extend(date);
        findings.extend(name);
        findings.extend(term);
        findings.extend(forbidden);
    }
    findings
}
