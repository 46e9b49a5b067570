//! The `concord` command line: parses arguments and hands them to [`concord::app`].

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use concord::app::{self, Articles, CheckRequest, FailOn, OutputFormat};
use concord::facts::names::NameMatching;
use concord::Lang;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

// A check allocates many small strings (words, keys, stems); glibc's allocator spent a fifth
// of an audit's instructions on them, mimalloc a fraction of that.
#[global_allocator]
static ALLOCATOR: concord::allocator::Mimalloc = concord::allocator::Mimalloc;

#[derive(Parser)]
#[command(
    name = "concord",
    version,
    about = "Checks that the Ukrainian, English and Russian versions of an article state the same facts",
    after_help = "Examples:\n  concord check samples/north-korean-troops-errors\n  concord check --format json articles/2024-10-14-isw\n  concord check --file en=story.en.md --file uk=story.uk.md\n  concord align samples/north-korean-troops\n  concord explain number\n\nExit codes: 0 no finding at or above --fail-on, 1 findings, 2 bad usage or unreadable input."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check articles and report every fact the versions disagree on. A PATH without
    /// language files of its own is an archive: every article folder below it is checked.
    #[command(
        after_help = "Examples:\n  concord check samples/north-korean-troops-errors\n  concord check --source uk --fail-on warning articles/a articles/b\n  concord check --format json --file en=en.txt --file ru=ru.txt\n  concord check archive/ --write-baseline concord-baseline.json\n  concord check archive/ --baseline concord-baseline.json\n\nExit codes: 0 no finding at or above --fail-on, 1 findings, 2 bad usage or an article that could not be read."
    )]
    Check(CheckArgs),
    /// Show how the paragraphs of the versions line up
    Align(AlignArgs),
    /// Explain what a check looks for, with examples
    Explain {
        /// A check id: number, date, missing, name, term, forbidden, untranslated, wrong-language
        check: String,
    },
    /// Work with glossary files
    #[command(subcommand)]
    Glossary(GlossaryCommand),
    /// Write a commented starter concord.toml into the current folder
    Init,
    /// Print a shell completion script (e.g. concord completions bash > /etc/bash_completion.d/concord)
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

#[derive(Subcommand)]
enum GlossaryCommand {
    /// Validate a glossary: TOML errors, unknown languages, empty forms, duplicates and
    /// conflicts (exit code 2 on any error). Without FILE, the built-in glossary.
    Check { file: Option<PathBuf> },
}

#[derive(Args)]
struct ArticleArgs {
    /// Article folders, each with en.txt, uk.txt (or ua.txt) and ru.txt (.md and .html also
    /// accepted), or archive folders holding article folders at any depth
    paths: Vec<PathBuf>,
    /// Name a language file explicitly instead of a folder: LANG=FILE (en, uk, ua, ru)
    #[arg(long = "file", value_name = "LANG=FILE", value_parser = parse_file_arg)]
    files: Vec<(String, PathBuf)>,
    /// Read files in this encoding instead of detecting it (e.g. windows-1251, koi8-u)
    #[arg(long, value_name = "NAME")]
    encoding: Option<String>,
    /// Refuse files larger than this: bytes, or a size such as 50MB, 1GB [default: 50MB, or
    /// concord.toml's max-file-size]
    #[arg(long, value_name = "SIZE", value_parser = concord::input::limit::parse_size)]
    max_file_size: Option<u64>,
}

impl ArticleArgs {
    fn articles(self) -> Articles {
        Articles {
            paths: self.paths,
            files: self.files,
            encoding: self.encoding,
            max_file_size: self.max_file_size,
        }
    }
}

#[derive(Args)]
struct CheckArgs {
    #[command(flatten)]
    articles: ArticleArgs,
    /// The original language: disagreements are blamed on the versions that differ from it
    #[arg(long, value_name = "LANG", value_parser = parse_lang)]
    source: Option<Lang>,
    /// Glossary file (TOML) replacing the built-in one; may be repeated (files merge)
    #[arg(long = "glossary", value_name = "FILE")]
    glossaries: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = FormatArg::Text)]
    format: FormatArg,
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    color: ColorArg,
    /// The least severe finding that makes the exit code 1 [default: error, or concord.toml's]
    #[arg(long, value_enum)]
    fail_on: Option<FailOnArg>,
    /// Settings file; without it, concord.toml in the current folder or an ancestor
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// How alike two spellings must be to be one name, above 0 and at most 1 [default: 0.88,
    /// or concord.toml's]: lower accepts more spelling variants, higher tells close surnames apart
    #[arg(long, value_name = "X", value_parser = parse_name_similarity)]
    name_similarity: Option<NameMatching>,
    /// Report and fail only on findings not recorded in this baseline file
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record every finding in this baseline file (then exit 0 unless an article is broken)
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
}

#[derive(Args)]
struct AlignArgs {
    #[command(flatten)]
    articles: ArticleArgs,
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    color: ColorArg,
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Text,
    Json,
    Sarif,
    Github,
    Html,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOnArg {
    Error,
    Warning,
    Never,
}

impl ColorArg {
    /// Auto: color on a terminal, unless NO_COLOR is set (https://no-color.org).
    fn enabled(self) -> bool {
        match self {
            ColorArg::Always => true,
            ColorArg::Never => false,
            ColorArg::Auto => {
                std::io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        }
    }
}

/// A progress bar only for a person watching: standard error is a terminal and no CI
/// system set `CI`.
fn progress_bar_wanted() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("CI").is_none()
}

fn parse_lang(code: &str) -> Result<Lang, String> {
    Lang::from_code(code).ok_or_else(|| format!("unknown language '{code}' (use en, uk or ru)"))
}

fn parse_name_similarity(value: &str) -> Result<NameMatching, String> {
    value
        .trim()
        .parse::<f64>()
        .ok()
        .and_then(NameMatching::new)
        .ok_or_else(|| {
            format!("expected a number above 0 and at most 1 (e.g. 0.88), got '{value}'")
        })
}

fn parse_file_arg(arg: &str) -> Result<(String, PathBuf), String> {
    match arg.split_once('=') {
        Some((lang, file)) if !lang.is_empty() && !file.is_empty() => {
            Ok((lang.to_string(), PathBuf::from(file)))
        }
        _ => Err(format!(
            "expected LANG=FILE (e.g. en=story.txt), got '{arg}'"
        )),
    }
}

/// `concord check` writes its report as articles are checked (an archive audit may be long),
/// so it does not go through [`app::Outcome`].
fn check(args: CheckArgs) -> ExitCode {
    let request = CheckRequest {
        articles: args.articles.articles(),
        source: args.source,
        glossaries: args.glossaries,
        format: match args.format {
            FormatArg::Text => OutputFormat::Text,
            FormatArg::Json => OutputFormat::Json,
            FormatArg::Sarif => OutputFormat::Sarif,
            FormatArg::Github => OutputFormat::Github,
            FormatArg::Html => OutputFormat::Html,
        },
        color: args.color.enabled(),
        fail_on: args.fail_on.map(|f| match f {
            FailOnArg::Error => FailOn::Error,
            FailOnArg::Warning => FailOn::Warning,
            FailOnArg::Never => FailOn::Never,
        }),
        config: args.config,
        name_matching: args.name_similarity,
        baseline: args.baseline,
        write_baseline: args.write_baseline,
        progress: progress_bar_wanted(),
    };
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    match app::check_to(&request, &mut stdout, &mut std::io::stderr()) {
        Ok(exit_code) => {
            // A closed pipe (concord check ... | head) is not an error worth a message.
            let _ = stdout.flush();
            ExitCode::from(exit_code)
        }
        Err(error) => {
            eprintln!("concord: error: {error}");
            ExitCode::from(app::EXIT_BAD_INPUT)
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => return check(args),
        Command::Align(args) => {
            let color = args.color.enabled();
            app::align(&args.articles.articles(), color).map(|output| app::Outcome {
                output,
                exit_code: app::EXIT_CLEAN,
            })
        }
        Command::Explain { check } => app::explain(&check).map(|output| app::Outcome {
            output,
            exit_code: app::EXIT_CLEAN,
        }),
        Command::Glossary(GlossaryCommand::Check { file }) => app::check_glossary(file.as_deref()),
        Command::Init => app::init(Path::new(".")),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "concord", &mut script);
            Ok(app::Outcome {
                output: String::from_utf8_lossy(&script).into_owned(),
                exit_code: app::EXIT_CLEAN,
            })
        }
    };
    match result {
        Ok(outcome) => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (concord check ... | head) is not an error worth a message.
            let _ = stdout.write_all(outcome.output.as_bytes());
            let _ = stdout.flush();
            ExitCode::from(outcome.exit_code)
        }
        Err(error) => {
            eprintln!("concord: error: {error}");
            ExitCode::from(app::EXIT_BAD_INPUT)
        }
    }
}
