//! What the `concord` commands do, without argument parsing: the binary parses the command
//! line into these requests and prints what they return.

use crate::article::{self, CheckOptions, CheckedArticle};
use crate::findings::{Check, Severity};
use crate::glossary::{self, Glossary};
use crate::input::{discover, ArticleSource, ReadOptions};
use crate::lang::Lang;
use crate::report;
use crate::{ConcordError, Result};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// No finding at or above the `--fail-on` level.
pub const EXIT_CLEAN: u8 = 0;
/// Findings at or above the `--fail-on` level.
pub const EXIT_FINDINGS: u8 = 1;
/// Bad usage or unreadable input.
pub const EXIT_BAD_INPUT: u8 = 2;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum OutputFormat {
    #[default]
    Text,
    Json,
    Html,
}

/// The least severe finding that makes `check` exit with [`EXIT_FINDINGS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum FailOn {
    #[default]
    Error,
    Warning,
    Never,
}

impl FailOn {
    fn fails(self, severity: Severity) -> bool {
        match self {
            FailOn::Error => severity == Severity::Error,
            FailOn::Warning => matches!(severity, Severity::Error | Severity::Warning),
            FailOn::Never => false,
        }
    }
}

/// Which articles to read: folders, or files named one by one with `--file LANG=FILE`.
#[derive(Clone, Debug, Default)]
pub struct Articles {
    pub paths: Vec<PathBuf>,
    /// `(language code as typed, file)`.
    pub files: Vec<(String, PathBuf)>,
    /// Force an encoding instead of detecting one.
    pub encoding: Option<String>,
}

#[derive(Clone, Debug, Default)]
pub struct CheckRequest {
    pub articles: Articles,
    pub source: Option<Lang>,
    pub glossaries: Vec<PathBuf>,
    pub format: OutputFormat,
    pub color: bool,
    pub fail_on: FailOn,
}

/// What a command prints on standard output, and the exit code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub output: String,
    pub exit_code: u8,
}

impl Articles {
    fn sources(&self) -> Result<Vec<ArticleSource>> {
        self.read_options().check()?;
        let mut sources = Vec::new();
        if !self.files.is_empty() {
            sources.push(discover::article_from_files(&self.files)?);
        }
        for path in &self.paths {
            sources.push(discover::article_in_folder(path)?);
        }
        if sources.is_empty() {
            return Err(ConcordError::new("no article given").with_hint(
                "name an article folder (concord check samples/north-korean-troops) or its files (--file en=en.txt --file uk=uk.txt)",
            ));
        }
        Ok(sources)
    }

    fn read_options(&self) -> ReadOptions {
        ReadOptions {
            encoding: self.encoding.clone(),
        }
    }
}

/// Reads every article first, then checks them: a broken input stops the run before any
/// report is printed, so no partial report is ever written.
fn check_all(
    articles: &Articles,
    source: Option<Lang>,
    glossary: Arc<Glossary>,
) -> Result<Vec<CheckedArticle>> {
    let options = CheckOptions {
        source,
        read: articles.read_options(),
        glossary,
    };
    articles
        .sources()?
        .iter()
        .map(|s| article::check(s, &options))
        .collect()
}

/// `concord check`.
pub fn check(request: &CheckRequest) -> Result<Outcome> {
    let glossary = if request.glossaries.is_empty() {
        glossary::default_glossary()
    } else {
        Arc::new(glossary::load(&request.glossaries)?)
    };
    let checked = check_all(&request.articles, request.source, glossary)?;
    let output = match request.format {
        OutputFormat::Text => report::text::render(
            &checked,
            &report::TextOptions {
                color: request.color,
                ..report::TextOptions::default()
            },
        ),
        OutputFormat::Json => report::json::render(&checked),
        OutputFormat::Html => report::html::render(&checked),
    };
    let fails = checked
        .iter()
        .flat_map(|a| &a.findings)
        .any(|f| request.fail_on.fails(f.severity));
    Ok(Outcome {
        output,
        exit_code: if fails { EXIT_FINDINGS } else { EXIT_CLEAN },
    })
}

/// `concord align`: the alignment side by side.
pub fn align(articles: &Articles, color: bool) -> Result<String> {
    let checked = check_all(articles, None, glossary::default_glossary())?;
    let options = report::TextOptions {
        color,
        ..report::TextOptions::default()
    };
    Ok(checked
        .iter()
        .map(|a| report::align::render(a, &options))
        .collect::<Vec<_>>()
        .join("\n"))
}

/// `concord explain CHECK`.
pub fn explain(check_id: &str) -> Result<String> {
    let check = Check::from_id(check_id).ok_or_else(|| {
        let known: Vec<&str> = Check::ALL.iter().map(|c| c.id()).collect();
        ConcordError::new(format!("unknown check '{check_id}'"))
            .with_hint(format!("known checks: {}", known.join(", ")))
    })?;
    Ok(check.documentation().to_string())
}

/// `concord glossary check [FILE]`: every problem of a glossary file, one per line, and exit
/// code 2 when any is an error. Without a file, the built-in glossary is checked.
pub fn check_glossary(path: Option<&Path>) -> Result<Outcome> {
    let problems = match path {
        Some(path) => glossary::validate(path)?,
        None => glossary::validate_str(glossary::DEFAULT_TOML, Path::new("glossary.toml")),
    };
    let errors = problems.iter().filter(|p| p.is_error()).count();
    let mut output: String = problems.iter().map(|p| format!("{p}\n")).collect();
    let name = path.map_or("the built-in glossary".to_string(), |p| {
        p.display().to_string()
    });
    output.push_str(&match (errors, problems.len()) {
        (0, 0) => format!("{name}: no problems\n"),
        (0, warnings) => format!("{name}: {warnings} warning(s), no errors\n"),
        (errors, all) => format!("{name}: {errors} error(s), {} warning(s)\n", all - errors),
    });
    Ok(Outcome {
        output,
        exit_code: if errors > 0 {
            EXIT_BAD_INPUT
        } else {
            EXIT_CLEAN
        },
    })
}
