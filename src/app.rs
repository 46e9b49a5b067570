//! What the `concord` commands do, without argument parsing: the binary parses the command
//! line into these requests and prints what they return.

use crate::article::{self, CheckOptions, CheckedArticle};
use crate::audit::summary::SeverityCounts;
use crate::audit::{self, AuditOptions, Render, Target, TargetSource};
use crate::baseline::{self, Baseline};
use crate::config::{self, Config, FailOnSetting};
use crate::facts::names::NameMatching;
use crate::findings::Check;
use crate::glossary::{self, Glossary};
use crate::input::{discover, ArticleSource, ReadOptions};
use crate::lang::Lang;
use crate::report;
use crate::{ConcordError, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::Write;
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
    /// SARIF 2.1.0, for code-scanning tools.
    Sarif,
    /// GitHub Actions workflow commands, one annotation per finding.
    Github,
    /// One self-contained page with the versions side by side.
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
    /// Whether findings in these numbers make the run fail.
    fn fails(self, findings: SeverityCounts) -> bool {
        match self {
            FailOn::Error => findings.error > 0,
            FailOn::Warning => findings.error + findings.warning > 0,
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
    /// `--max-file-size`: refuse larger files (bytes); wins over `concord.toml`.
    pub max_file_size: Option<u64>,
}

#[derive(Clone, Debug, Default)]
pub struct CheckRequest {
    pub articles: Articles,
    pub source: Option<Lang>,
    pub glossaries: Vec<PathBuf>,
    pub format: OutputFormat,
    pub color: bool,
    /// `None`: as the configuration says, else [`FailOn::Error`].
    pub fail_on: Option<FailOn>,
    /// `--config FILE`; without it, `concord.toml` in the current folder or an ancestor.
    pub config: Option<PathBuf>,
    /// `--name-similarity`: `None`, as the configuration says, else the default.
    pub name_matching: Option<NameMatching>,
    /// Report and fail only on findings this baseline file does not hold.
    pub baseline: Option<PathBuf>,
    /// Record every finding in this baseline file (written atomically).
    pub write_baseline: Option<PathBuf>,
    /// Draw a progress bar on standard error during an archive audit. The caller decides
    /// (standard error is a terminal, not under CI): reports never look at the terminal.
    pub progress: bool,
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
            max_file_size: self.max_file_size,
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
        name_matching: NameMatching::default(),
    };
    articles
        .sources()?
        .iter()
        .map(|s| article::check(s, &options))
        .collect()
}

/// What `concord check` was asked to check: articles named one by one, or (when a PATH is a
/// folder without language files of its own) every article below it.
struct Plan {
    targets: Vec<Target>,
    archive: bool,
}

impl Articles {
    fn plan(&self) -> Result<Plan> {
        self.read_options().check()?;
        let mut targets = Vec::new();
        let mut archive = false;
        if !self.files.is_empty() {
            let source = discover::article_from_files(&self.files)?;
            targets.push(Target {
                path: source.path.clone(),
                key: baseline::article_key(&source.path, None),
                source: TargetSource::Files(source),
            });
        }
        for path in &self.paths {
            if !path.is_dir() || audit::discover::holds_language_files(path) {
                targets.push(Target {
                    path: path.clone(),
                    key: baseline::article_key(path, None),
                    source: TargetSource::Folder,
                });
                continue;
            }
            let found = audit::discover::find_articles(path);
            if found.articles.is_empty() && found.problems.is_empty() {
                // Neither an article nor an archive: say what an article folder needs.
                discover::article_in_folder(path)?;
                continue;
            }
            archive = true;
            targets.extend(found.articles.into_iter().map(|article| Target {
                key: baseline::article_key(&article, Some(path)),
                path: article,
                source: TargetSource::Folder,
            }));
            targets.extend(found.problems.into_iter().map(|problem| {
                let folder = problem.path.clone().unwrap_or_else(|| path.clone());
                Target {
                    key: baseline::article_key(&folder, Some(path)),
                    path: folder,
                    source: TargetSource::Unreadable(problem),
                }
            }));
        }
        if targets.is_empty() {
            // The same error as ever for a request without articles.
            self.sources()?;
        }
        if archive {
            targets.sort_by(|a, b| a.path.cmp(&b.path));
        } else {
            // Articles named one by one are all found before any is read, as they always
            // were: a missing folder fails the run before anything is checked.
            for target in &mut targets {
                if let TargetSource::Folder = target.source {
                    target.source = TargetSource::Files(discover::article_in_folder(&target.path)?);
                }
            }
        }
        Ok(Plan { targets, archive })
    }
}

/// `concord check`, with the report collected in memory and broken articles of an archive
/// reported on standard error.
pub fn check(request: &CheckRequest) -> Result<Outcome> {
    let mut output = Vec::new();
    let exit_code = check_to(request, &mut output, &mut std::io::stderr())?;
    Ok(Outcome {
        output: String::from_utf8_lossy(&output).into_owned(),
        exit_code,
    })
}

/// `concord check`: writes the report to `out` as articles are checked, and broken articles
/// of an archive and notes about the baseline to `diagnostics`. Returns the exit code: 2 if
/// any article could not be checked, else 1 if a finding (not in the baseline) is at or
/// above `--fail-on`, else 0. Writing a baseline accepts every finding: the exit code is
/// then 0 unless an article was broken.
///
/// An error (bad usage, a broken article named on its own, an unreadable baseline) is
/// returned before anything is written to `out`.
pub fn check_to(
    request: &CheckRequest,
    out: &mut dyn Write,
    diagnostics: &mut dyn Write,
) -> Result<u8> {
    let config = load_config(request.config.as_deref())?;
    // Flags win over the configuration.
    let glossaries = if request.glossaries.is_empty() {
        &config.glossaries
    } else {
        &request.glossaries
    };
    let glossary = if glossaries.is_empty() {
        glossary::default_glossary()
    } else {
        Arc::new(glossary::load(glossaries)?)
    };
    let fail_on = request
        .fail_on
        .or(config.fail_on.map(|f| match f {
            FailOnSetting::Error => FailOn::Error,
            FailOnSetting::Warning => FailOn::Warning,
            FailOnSetting::Never => FailOn::Never,
        }))
        .unwrap_or_default();
    let baseline = request
        .baseline
        .as_deref()
        .map(Baseline::load)
        .transpose()?;
    let mut plan = request.articles.plan()?;
    if let Some(folder) = config.path.as_deref().and_then(Path::parent) {
        plan.targets.retain(|target| {
            let relative = target.path.strip_prefix(folder).unwrap_or(&target.path);
            let relative = relative.to_string_lossy().replace('\\', "/");
            !config.excludes(&relative) && !config.excludes(&target.key)
        });
    }
    let options = AuditOptions {
        check: CheckOptions {
            source: request.source.or(config.source),
            read: ReadOptions {
                max_file_size: request.articles.max_file_size.or(config.max_file_size),
                ..request.articles.read_options()
            },
            glossary,
            name_matching: request
                .name_matching
                .or(config.name_matching)
                .unwrap_or_default(),
        },
        render: match request.format {
            OutputFormat::Text => Render::Text(report::TextOptions {
                color: request.color,
                ..report::TextOptions::default()
            }),
            OutputFormat::Json => Render::Json,
            OutputFormat::Github => Render::Github,
            OutputFormat::Sarif => Render::Sarif,
            OutputFormat::Html => Render::Html,
        },
        baseline: baseline.as_ref(),
        record_baseline: request.write_baseline.is_some(),
        archive: plan.archive,
        config: &config,
    };
    let progress = (request.progress && plan.archive).then(|| {
        let bar = ProgressBar::with_draw_target(
            Some(plan.targets.len() as u64),
            ProgressDrawTarget::stderr(),
        );
        if let Ok(style) = ProgressStyle::with_template(
            "{spinner} checking articles {bar:40} {pos}/{len} ({eta} left)",
        ) {
            bar.set_style(style);
        }
        bar
    });
    let mut on_error = |error: &ConcordError| {
        let line = format!("concord: error: {error}\n");
        match &progress {
            Some(bar) => bar.suspend(|| {
                let _ = diagnostics.write_all(line.as_bytes());
            }),
            None => {
                let _ = diagnostics.write_all(line.as_bytes());
            }
        }
    };
    let audited = audit::run(
        &plan.targets,
        &options,
        out,
        progress.as_ref(),
        &mut on_error,
    )?;
    if let Some(bar) = &progress {
        bar.finish_and_clear();
    }
    if let Some(path) = &request.write_baseline {
        if audited.output_closed {
            let _ = writeln!(
                diagnostics,
                "concord: the report was cut short; {} was not written",
                path.display()
            );
        } else {
            let count = audited.entries.len();
            crate::baseline::write(path, audited.entries)?;
            let _ = writeln!(
                diagnostics,
                "concord: wrote {} to {}",
                report::plural(count, "finding", "findings"),
                path.display()
            );
        }
    }
    let fails = fail_on.fails(audited.summary.findings);
    Ok(if audited.summary.input_errors > 0 {
        EXIT_BAD_INPUT
    } else if fails && request.write_baseline.is_none() {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
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

/// The named configuration, or the `concord.toml` of the current folder or an ancestor, or
/// none.
fn load_config(named: Option<&Path>) -> Result<Config> {
    match named {
        Some(path) => config::load(path),
        None => match std::env::current_dir()
            .ok()
            .and_then(|dir| config::find(&dir))
        {
            Some(path) => config::load(&path),
            None => Ok(Config::default()),
        },
    }
}

/// `concord init`: writes a commented starter `concord.toml` into `folder`, never over an
/// existing one.
pub fn init(folder: &Path) -> Result<Outcome> {
    let path = folder.join(config::FILE_NAME);
    if path.exists() {
        return Err(
            ConcordError::in_file(&path, "a configuration already exists")
                .with_hint("edit it, or remove it first"),
        );
    }
    std::fs::write(&path, config::STARTER).map_err(|e| {
        ConcordError::in_file(&path, format!("cannot write the configuration: {e}"))
    })?;
    Ok(Outcome {
        output: format!("wrote {}\n", path.display()),
        exit_code: EXIT_CLEAN,
    })
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
