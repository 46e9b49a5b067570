//! Checking many articles: an archive of article folders, checked in parallel and reported in
//! path order, one article at a time.
//!
//! Memory stays bounded by a few articles, not by the archive: articles are checked in
//! chunks of a few per thread, each worker renders its article's report and keeps only its
//! counts, and the chunk's reports are written in order before the next chunk starts. The
//! output is the same whatever the number of threads.
//!
//! - [`discover`]: which folders below an archive root are articles.
//! - [`summary`]: the counts kept while reports stream past, and the closing tables.

pub mod discover;
pub mod summary;

use crate::article::{self, CheckOptions};
use crate::baseline::{self, Baseline};
use crate::input::{discover::article_in_folder, ArticleSource};
use crate::report::{self, json, TextOptions};
use crate::{ConcordError, Result};
use indicatif::ProgressBar;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use summary::{ArticleCounts, ArticleErrors, AuditSummary, SeverityCounts};

/// Articles checked per thread before their reports are written.
const CHUNK_PER_THREAD: usize = 4;

/// How each article is reported.
#[derive(Clone, Debug)]
pub enum Render {
    Text(TextOptions),
    Json,
    /// One workflow command per finding: streams like the others.
    Github,
    /// SARIF and HTML are single documents over all articles: their articles are kept until
    /// the end, so memory grows with the archive (use text, JSON or GitHub output for large
    /// audits).
    Sarif,
    Html,
}

impl Render {
    fn keeps_articles(&self) -> bool {
        matches!(self, Render::Sarif | Render::Html)
    }
}

/// One article to check.
#[derive(Clone, Debug)]
pub struct Target {
    /// What reports and errors name it by.
    pub path: PathBuf,
    /// How the baseline names it (see [`baseline::article_key`]).
    pub key: String,
    pub source: TargetSource,
}

#[derive(Clone, Debug)]
pub enum TargetSource {
    /// A folder whose language files are found when it is checked.
    Folder,
    /// Files already found (`--file`).
    Files(ArticleSource),
    /// A folder of the archive that could not be read: reported in its place in the order.
    Unreadable(ConcordError),
}

#[derive(Clone, Debug)]
pub struct AuditOptions<'a> {
    pub check: CheckOptions,
    pub render: Render,
    pub baseline: Option<&'a Baseline>,
    /// Keep a baseline entry for every finding (before the baseline drops any).
    pub record_baseline: bool,
    /// An archive audit: a broken article is reported and the others are still checked, and
    /// the report ends with the audit's tables (text) or extra summary fields (JSON).
    /// Without it, the first broken article fails the whole run before anything is written,
    /// as `concord check` has always done for articles named one by one.
    pub archive: bool,
    /// Severities (and checks turned off) from `concord.toml`.
    pub config: &'a crate::config::Config,
}

/// What a run leaves besides its report.
#[derive(Debug, Default)]
pub struct Audited {
    pub summary: AuditSummary,
    /// Every finding's baseline entry, when asked for.
    pub entries: Vec<baseline::Entry>,
    /// Standard output was closed early (`concord check … | head`): the report is cut short.
    pub output_closed: bool,
}

/// One article, checked and rendered by a worker.
struct Processed {
    counts: ArticleCounts,
    rendered: String,
    entries: Vec<baseline::Entry>,
    /// The article itself, for the formats rendered once at the end.
    kept: Option<Box<article::CheckedArticle>>,
}

/// Checks `targets` in order and writes the report to `out`. Broken articles go to
/// `on_error` as they are reached (archive audits only: otherwise the first one is returned
/// and nothing is written).
pub fn run(
    targets: &[Target],
    options: &AuditOptions,
    out: &mut dyn Write,
    progress: Option<&ProgressBar>,
    on_error: &mut dyn FnMut(&ConcordError),
) -> Result<Audited> {
    let mut emitter = Emitter::new(out, &options.render);
    let mut audited = Audited::default();
    if !options.archive {
        let processed: Vec<Processed> = targets
            .par_iter()
            .map(|target| process(target, options, progress))
            .collect::<Result<_>>()?;
        emitter.begin();
        for article in processed {
            emitter.article(&article.rendered);
            emitter.keep(article.kept);
            audited.summary.add(&article.counts);
            audited.entries.extend(article.entries);
        }
    } else {
        emitter.begin();
        let chunk = rayon::current_num_threads().max(1) * CHUNK_PER_THREAD;
        for targets in targets.chunks(chunk) {
            let results: Vec<Result<Processed>> = targets
                .par_iter()
                .map(|target| process(target, options, progress))
                .collect();
            for (target, result) in targets.iter().zip(results) {
                match result {
                    Ok(article) => {
                        emitter.article(&article.rendered);
                        emitter.keep(article.kept);
                        audited.summary.add(&article.counts);
                        audited.entries.extend(article.entries);
                    }
                    Err(error) => {
                        on_error(&error);
                        audited.summary.input_errors += 1;
                        emitter.error(target, &error);
                    }
                }
            }
            if emitter.closed {
                break;
            }
        }
    }
    emitter.finish(&audited.summary, options);
    audited.output_closed = emitter.closed;
    Ok(audited)
}

fn process(
    target: &Target,
    options: &AuditOptions,
    progress: Option<&ProgressBar>,
) -> Result<Processed> {
    let result = check_one(target, options);
    if let Some(bar) = progress {
        bar.inc(1);
    }
    result
}

fn check_one(target: &Target, options: &AuditOptions) -> Result<Processed> {
    let found;
    let source = match &target.source {
        TargetSource::Folder => {
            found = article_in_folder(&target.path)?;
            &found
        }
        TargetSource::Files(source) => source,
        TargetSource::Unreadable(error) => return Err(error.clone()),
    };
    let mut article = article::check(source, &options.check)?;
    article.findings = options.config.apply(std::mem::take(&mut article.findings));
    let entries = if options.record_baseline {
        article
            .findings
            .iter()
            .map(|f| baseline::Entry::of(&target.key, f))
            .collect()
    } else {
        Vec::new()
    };
    let suppressed = options
        .baseline
        .map_or(0, |b| b.suppress(&target.key, &mut article.findings));
    let counts = ArticleCounts::of(
        report::display_path(&article.path),
        article.alignment.len(),
        &article.findings,
        suppressed,
    );
    let rendered = match &options.render {
        Render::Text(text) => text_body(&article, text),
        Render::Json => json::render_article(&article, 2),
        Render::Github => report::github::render(std::slice::from_ref(&article)),
        Render::Sarif | Render::Html => String::new(),
    };
    let kept = options.render.keeps_articles().then(|| Box::new(article));
    Ok(Processed {
        counts,
        rendered,
        entries,
        kept,
    })
}

/// An article's part of the text report: what [`report::text::render`] writes for it
/// before the summary line. Reports of several articles are these, joined by blank lines
/// (empty ones left out), then a blank line and the summary line.
pub fn text_body(article: &article::CheckedArticle, options: &TextOptions) -> String {
    report::text::render_one(article, options)
}

#[derive(Serialize)]
struct InputErrorJson {
    path: String,
    message: String,
}

/// The `concord/1` summary, with the fields an archive audit adds. Field order is the one
/// [`json::render`] writes.
#[derive(Serialize)]
struct SummaryJson<'a> {
    articles: usize,
    errors: usize,
    warnings: usize,
    notes: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    input_errors: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    suppressed: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    by_check: Option<BTreeMap<&'static str, SeverityCounts>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    most_errors: Option<&'a [ArticleErrors]>,
}

/// Writes the report piece by piece. A failed write (a closed pipe) ends the report quietly:
/// there is no one left to read it.
struct Emitter<'o> {
    out: &'o mut dyn Write,
    render: &'o Render,
    /// Whether an article's text or object has been written.
    wrote_article: bool,
    closed: bool,
    errors: Vec<InputErrorJson>,
    /// Articles of the formats rendered once at the end.
    kept: Vec<article::CheckedArticle>,
}

impl<'o> Emitter<'o> {
    fn new(out: &'o mut dyn Write, render: &'o Render) -> Self {
        Emitter {
            out,
            render,
            wrote_article: false,
            closed: false,
            errors: Vec::new(),
            kept: Vec::new(),
        }
    }

    fn keep(&mut self, article: Option<Box<article::CheckedArticle>>) {
        if let Some(article) = article {
            self.kept.push(*article);
        }
    }

    fn write(&mut self, text: &str) {
        if !self.closed && self.out.write_all(text.as_bytes()).is_err() {
            self.closed = true;
        }
    }

    fn begin(&mut self) {
        if let Render::Json = self.render {
            self.write(&format!(
                "{{\n  \"schema\": \"{}\",\n  \"articles\": [",
                json::SCHEMA
            ));
        }
    }

    fn article(&mut self, rendered: &str) {
        match self.render {
            Render::Github => self.write(rendered),
            Render::Sarif | Render::Html => {}
            Render::Text(_) => {
                if rendered.is_empty() {
                    return;
                }
                if self.wrote_article {
                    self.write("\n");
                }
                self.write(rendered);
            }
            Render::Json => {
                let separator = if self.wrote_article { "," } else { "" };
                self.write(separator);
                self.write("\n    ");
                self.write(rendered);
            }
        }
        self.wrote_article = true;
    }

    fn error(&mut self, target: &Target, error: &ConcordError) {
        self.errors.push(InputErrorJson {
            path: report::display_path(&target.path),
            message: error.to_string(),
        });
    }

    fn finish(&mut self, summary: &AuditSummary, options: &AuditOptions) {
        let baseline_used = options.baseline.is_some();
        match self.render {
            Render::Github => {}
            Render::Sarif => {
                let document = report::sarif::render(&self.kept);
                self.write(&document);
            }
            Render::Html => {
                let document = report::html::render(&self.kept);
                self.write(&document);
            }
            Render::Text(text) => {
                let mut tail = String::new();
                if self.wrote_article {
                    tail.push('\n');
                }
                tail.push_str(&report::text::summary_line(&summary.report_summary(), text));
                tail.push('\n');
                if baseline_used {
                    tail.push_str(&format!(
                        "{} suppressed by the baseline\n",
                        report::plural(summary.suppressed, "finding", "findings")
                    ));
                }
                if options.archive {
                    tail.push('\n');
                    tail.push_str(&summary.tables(baseline_used));
                }
                self.write(&tail);
            }
            Render::Json => {
                let mut tail = String::from(if self.wrote_article { "\n  ]" } else { "]" });
                if options.archive {
                    tail.push_str(",\n  \"errors\": ");
                    tail.push_str(&json::pretty_at_depth(&self.errors, 1));
                }
                let by_check = options.archive.then(|| {
                    crate::findings::Check::ALL
                        .iter()
                        .map(|check| {
                            let counts = summary.by_check.get(check).copied().unwrap_or_default();
                            (check.id(), counts)
                        })
                        .collect()
                });
                let summary_json = SummaryJson {
                    articles: summary.articles,
                    errors: summary.findings.error,
                    warnings: summary.findings.warning,
                    notes: summary.findings.note,
                    input_errors: options.archive.then_some(summary.input_errors),
                    suppressed: baseline_used.then_some(summary.suppressed),
                    by_check,
                    most_errors: options.archive.then_some(summary.most_errors.as_slice()),
                };
                tail.push_str(",\n  \"summary\": ");
                tail.push_str(&json::pretty_at_depth(&summary_json, 1));
                tail.push_str("\n}\n");
                self.write(&tail);
            }
        }
        if !self.closed && self.out.flush().is_err() {
            self.closed = true;
        }
    }
}
