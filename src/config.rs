//! `concord.toml`: project settings, found in the current folder or its ancestors (or named
//! with `--config FILE`). Command-line flags override it. Unknown keys and bad values are
//! errors with the line they are on.

use crate::error::line_and_column;
use crate::facts::names::NameMatching;
use crate::findings::{Check, Finding, Severity};
use crate::lang::Lang;
use crate::{ConcordError, Result};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The file name looked for.
pub const FILE_NAME: &str = "concord.toml";

/// What `concord init` writes: every setting, commented, with its default.
pub const STARTER: &str = r#"# concord configuration (see README.md, "Configuration").
# Command-line flags override these settings.

# The original language of your articles: disagreements are blamed on the versions that
# differ from it. One of "en", "uk", "ru"; leave unset when versions are written in parallel.
# source = "uk"

# The least severe finding that makes `concord check` exit with code 1:
# "error" (default), "warning" or "never".
fail-on = "error"

# Glossary files (paths relative to this file). They replace the built-in glossary; several
# files merge. Leave empty to use the built-in one.
glossary = []

# How alike two spellings must be to be taken for one name: the similarity (above 0, at most
# 1) of their Latin transliterations. Lower it to accept irregular spellings as one name
# (fewer name findings); raise it to tell close surnames apart ("Бабаєв" / "Бабанов", more
# findings). Spellings whose first consonants sound alike match at any value.
name-similarity = 0.88

# Folders or files to skip when auditing an archive (glob patterns relative to this file,
# "*" within a name, "**" across folders).
exclude = []

# The largest file read (a number of bytes, or "50MB", "1GB"...): a larger file is refused
# instead of read into memory.
# max-file-size = "50MB"

# Severity of each check: "error", "warning", "note" or "off".
[checks]
number = "error"
date = "error"
missing = "error"
name = "warning"
term = "error"
forbidden = "error"
untranslated = "error"
wrong-language = "error"
"#;

/// A check's severity as configured.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CheckSetting {
    Error,
    Warning,
    Note,
    Off,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FailOnSetting {
    Error,
    Warning,
    Never,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct File {
    source: Option<String>,
    fail_on: Option<FailOnSetting>,
    #[serde(default)]
    glossary: Vec<PathBuf>,
    #[serde(default)]
    exclude: Vec<String>,
    name_similarity: Option<f64>,
    #[serde(default)]
    checks: BTreeMap<String, CheckSetting>,
    /// Bytes, or a size with a unit: read as a value so a bad one gets concord's message.
    max_file_size: Option<toml::Value>,
}

/// Settings read from a `concord.toml`, paths resolved against its folder.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Config {
    /// The file the settings came from, when there was one.
    pub path: Option<PathBuf>,
    pub source: Option<Lang>,
    pub fail_on: Option<FailOnSetting>,
    pub glossaries: Vec<PathBuf>,
    pub exclude: Vec<String>,
    pub name_matching: Option<NameMatching>,
    pub checks: BTreeMap<Check, CheckSetting>,
    /// The largest file read, in bytes.
    pub max_file_size: Option<u64>,
}

/// The `concord.toml` in `start` or the nearest of its ancestors.
pub fn find(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|candidate| candidate.is_file())
}

/// Reads and validates a configuration file.
pub fn load(path: &Path) -> Result<Config> {
    let source = std::fs::read_to_string(path)
        .map_err(|e| ConcordError::in_file(path, format!("cannot read the configuration: {e}")))?;
    parse(&source, path)
}

/// Validates configuration text; `path` names it in errors and anchors relative paths.
pub fn parse(source: &str, path: &Path) -> Result<Config> {
    let error_at = |offset: Option<usize>, message: String| {
        let (line, _) = line_and_column(source, offset.unwrap_or(0));
        ConcordError::in_file(path, message)
            .at_line(line)
            .with_hint("run `concord init` in an empty folder to see every setting")
    };
    let file: File = toml::from_str(source).map_err(|e: toml::de::Error| {
        let message = e.message().trim().trim_end_matches('.').to_string();
        error_at(e.span().map(|s| s.start), message)
    })?;
    // Values serde accepts but concord does not: point at the key's line.
    let line_of = |key: &str| {
        source
            .find(&format!("\n{key}"))
            .map(|i| i + 1)
            .or_else(|| source.starts_with(key).then_some(0))
    };
    let source_lang = match file.source.as_deref() {
        None => None,
        Some(code) => Some(Lang::from_code(code).ok_or_else(|| {
            error_at(
                line_of("source"),
                format!("unknown source language '{code}': use \"en\", \"uk\" or \"ru\""),
            )
        })?),
    };
    let name_matching = match file.name_similarity {
        None => None,
        Some(value) => Some(NameMatching::new(value).ok_or_else(|| {
            error_at(
                line_of("name-similarity"),
                format!("name-similarity must be above 0 and at most 1, not {value}"),
            )
        })?),
    };
    let mut checks = BTreeMap::new();
    for (id, setting) in file.checks {
        let check = Check::from_id(&id).ok_or_else(|| {
            let known: Vec<&str> = Check::ALL.iter().map(|c| c.id()).collect();
            error_at(
                line_of(&id),
                format!(
                    "unknown check '{id}' in [checks]: known checks are {}",
                    known.join(", ")
                ),
            )
        })?;
        checks.insert(check, setting);
    }
    let max_file_size = match &file.max_file_size {
        None => None,
        Some(setting) => {
            let bytes = match setting {
                toml::Value::Integer(bytes) => crate::input::limit::parse_size(&bytes.to_string()),
                toml::Value::String(text) => crate::input::limit::parse_size(text),
                other => Err(format!(
                    "expected a number of bytes or a size such as \"50MB\", found {}",
                    other.type_str()
                )),
            };
            Some(bytes.map_err(|message| {
                error_at(
                    line_of("max-file-size"),
                    format!("max-file-size: {message}"),
                )
            })?)
        }
    };
    let base = path.parent().unwrap_or(Path::new("."));
    Ok(Config {
        path: Some(path.to_path_buf()),
        source: source_lang,
        fail_on: file.fail_on,
        glossaries: file.glossary.iter().map(|g| base.join(g)).collect(),
        exclude: file.exclude,
        name_matching,
        checks,
        max_file_size,
    })
}

impl Config {
    /// Applies the configured severities: findings of checks set to `off` are dropped, the
    /// others take the configured severity.
    pub fn apply(&self, findings: Vec<Finding>) -> Vec<Finding> {
        findings
            .into_iter()
            .filter_map(|mut finding| {
                match self.checks.get(&finding.check) {
                    Some(CheckSetting::Off) => return None,
                    Some(CheckSetting::Error) => finding.severity = Severity::Error,
                    Some(CheckSetting::Warning) => finding.severity = Severity::Warning,
                    Some(CheckSetting::Note) => finding.severity = Severity::Note,
                    None => {}
                }
                Some(finding)
            })
            .collect()
    }

    /// True when `relative` (a path relative to the configuration's folder, with `/`) matches
    /// an `exclude` pattern.
    pub fn excludes(&self, relative: &str) -> bool {
        self.exclude
            .iter()
            .any(|pattern| glob_matches(pattern, relative))
    }
}

/// Minimal glob: `*` matches within one path component, `**` across components, anything
/// else literally. A pattern matching a folder excludes everything below it.
fn glob_matches(pattern: &str, path: &str) -> bool {
    fn matches(p: &[&str], s: &[&str]) -> bool {
        match (p.split_first(), s.split_first()) {
            (None, _) => true,
            (Some((&"**", rest)), _) => (0..=s.len()).any(|i| matches(rest, &s[i..])),
            (Some((head, rest)), Some((first, others))) => {
                component_matches(head, first) && matches(rest, others)
            }
            (Some(_), None) => false,
        }
    }
    let p: Vec<&str> = pattern.trim_matches('/').split('/').collect();
    let s: Vec<&str> = path.trim_matches('/').split('/').collect();
    matches(&p, &s)
}

fn component_matches(pattern: &str, name: &str) -> bool {
    match pattern.split_once('*') {
        None => pattern == name,
        Some((prefix, rest)) => {
            let Some(tail) = name.strip_prefix(prefix) else {
                return false;
            };
            (0..=tail.len())
                .filter(|&i| tail.is_char_boundary(i))
                .any(|i| component_matches(rest, &tail[i..]))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> Result<Config> {
        parse(text, Path::new("/news/concord.toml"))
    }

    #[test]
    fn the_starter_file_is_valid_and_means_the_defaults() {
        let config = parsed(STARTER).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(config.source, None);
        assert_eq!(config.fail_on, Some(FailOnSetting::Error));
        assert_eq!(
            config.checks.get(&Check::Name),
            Some(&CheckSetting::Warning)
        );
        assert_eq!(config.checks.len(), Check::ALL.len());
        assert_eq!(config.name_matching, Some(NameMatching::default()));
    }

    #[test]
    fn name_similarity_is_a_number_above_0_and_at_most_1() {
        let read = |text: &str| parsed(text).map(|c| c.name_matching.map(|m| m.min_similarity()));
        assert_eq!(read("fail-on = \"error\"\n").ok(), Some(None));
        assert_eq!(read("name-similarity = 0.8\n").ok(), Some(Some(0.8)));
        assert_eq!(read("name-similarity = 1\n").ok(), Some(Some(1.0)));
        for (text, line) in [
            ("fail-on = \"error\"\nname-similarity = 1.5\n", 2),
            ("source = \"uk\"\n\nname-similarity = 0\n", 3),
            ("name-similarity = -0.9\n", 1),
            ("name-similarity = nan\n", 1),
            ("fail-on = \"error\"\nname-similarity = \"0.9\"\n", 2),
            ("glossary = []\nname-similarity = true\n", 2),
        ] {
            let error = read(text).err().map(|e| (e.line, e.message));
            let says_why = |m: &str| m.contains("name-similarity") || m.contains("invalid type");
            assert!(
                matches!(&error, Some((Some(l), m)) if *l == line && says_why(m)),
                "{text:?}: {error:?}"
            );
        }
    }

    #[test]
    fn paths_are_relative_to_the_file() {
        let config = parsed("source = \"ua\"\nglossary = [\"terms/newsroom.toml\"]\n")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(config.source, Some(Lang::Uk));
        assert_eq!(
            config.glossaries,
            vec![PathBuf::from("/news/terms/newsroom.toml")]
        );
    }

    #[test]
    fn unknown_keys_and_bad_values_name_their_line() {
        let unknown = parsed("fail-on = \"error\"\nsoruce = \"uk\"\n").err();
        let unknown = unknown.map(|e| (e.line, e.to_string()));
        assert!(
            matches!(&unknown, Some((Some(2), m)) if m.contains("soruce")),
            "{unknown:?}"
        );
        let bad_severity = parsed("[checks]\nnumber = \"fatal\"\n").err();
        assert_eq!(bad_severity.and_then(|e| e.line), Some(2));
        let bad_check = parsed("[checks]\nnumber = \"error\"\nnumbers = \"off\"\n").err();
        let bad_check = bad_check.map(|e| (e.line, e.to_string()));
        assert!(
            matches!(&bad_check, Some((Some(3), m)) if m.contains("numbers")),
            "{bad_check:?}"
        );
        let bad_lang = parsed("source = \"de\"\n").err();
        assert_eq!(bad_lang.and_then(|e| e.line), Some(1));
        let unknown_section = parsed("[name]\nsimilarity = 0.9\n").err();
        assert_eq!(unknown_section.and_then(|e| e.line), Some(1));
    }

    #[test]
    fn max_file_size_in_bytes_or_with_a_unit() {
        let size = |text: &str| parsed(text).map(|c| c.max_file_size);
        assert_eq!(size("max-file-size = 1000000\n"), Ok(Some(1_000_000)));
        assert_eq!(size("max-file-size = \"200 MB\"\n"), Ok(Some(200_000_000)));
        assert_eq!(size("max-file-size = \"1GB\"\n"), Ok(Some(1_000_000_000)));
        assert_eq!(size("fail-on = \"error\"\n"), Ok(None));
        for bad in [
            "fail-on = \"error\"\nmax-file-size = \"50 potatoes\"\n",
            "fail-on = \"error\"\nmax-file-size = -5\n",
            "fail-on = \"error\"\nmax-file-size = 1.5\n",
            "fail-on = \"error\"\nmax-file-size = 0\n",
        ] {
            let error = parsed(bad).err();
            let error = error.map(|e| (e.line, e.to_string()));
            assert!(
                matches!(&error, Some((Some(2), m)) if m.contains("max-file-size")),
                "{bad}: {error:?}"
            );
        }
    }

    #[test]
    fn found_in_an_ancestor_folder() {
        let root = tempfile::TempDir::new().unwrap_or_else(|e| panic!("{e}"));
        let nested = root.path().join("2024/10/article");
        std::fs::create_dir_all(&nested).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(root.path().join(FILE_NAME), STARTER).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(find(&nested), Some(root.path().join(FILE_NAME)));
    }

    #[test]
    fn exclude_patterns_match_folders_and_globs() {
        let config = Config {
            exclude: vec!["drafts".into(), "archive/**/old-*".into()],
            ..Config::default()
        };
        assert!(config.excludes("drafts/a"));
        assert!(config.excludes("archive/2019/03/old-story"));
        assert!(!config.excludes("archive/2019/03/story"));
        assert!(!config.excludes("published/drafts-list"));
    }
}
