//! Baselines: findings accepted once, so that a CI gate on a large archive fails only on new
//! ones.
//!
//! A finding is recognised by its fingerprint: the article (its path relative to the archive
//! root, or as given), the check, the outlier, the normalized values and, for findings that
//! carry no values (`missing`, `untranslated`, `wrong-language`), the first words of the
//! quoted paragraphs. Line and paragraph numbers are left out on purpose: inserting a
//! paragraph above a known finding must not turn it into a new one.
//!
//! The file is pretty JSON, sorted, one entry per finding, so that a pull request that
//! updates it shows which findings were accepted:
//!
//! ```json
//! {
//!   "schema": "concord-baseline/1",
//!   "findings": [
//!     { "article": "2024/isw", "check": "number", "outlier": "ru",
//!       "values": { "en": ["6"], "ru": ["7"], "uk": ["6"] }, "fingerprint": "9c1d…" }
//!   ]
//! }
//! ```

use crate::findings::Finding;
use crate::{ConcordError, Result};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::{Component, Path};

pub const SCHEMA: &str = "concord-baseline/1";

/// Words of each quoted paragraph that identify a finding without values.
const CONTEXT_WORDS: usize = 5;

/// One accepted finding.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Entry {
    pub article: String,
    /// A check id (`number`, `missing`, …).
    pub check: String,
    /// The language code of the version blamed, if any.
    pub outlier: Option<String>,
    /// Normalized values per language code.
    pub values: BTreeMap<String, Vec<String>>,
    /// For findings without values: `"<lang> <first words>"` of each quoted paragraph.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub context: Vec<String>,
    pub fingerprint: String,
}

impl Entry {
    /// The entry that records `finding` of the article keyed `article` (see [`article_key`]).
    pub fn of(article: &str, finding: &Finding) -> Entry {
        let values: BTreeMap<String, Vec<String>> = finding
            .values
            .iter()
            .map(|(lang, values)| (lang.code().to_string(), values.clone()))
            .collect();
        let context = if values.values().all(Vec::is_empty) {
            finding
                .spans
                .iter()
                .map(|span| {
                    let words: Vec<&str> =
                        span.text.split_whitespace().take(CONTEXT_WORDS).collect();
                    format!("{} {}", span.lang.code(), words.join(" "))
                })
                .collect()
        } else {
            Vec::new()
        };
        let mut entry = Entry {
            article: article.to_string(),
            check: finding.check.id().to_string(),
            outlier: finding.outlier.map(|lang| lang.code().to_string()),
            values,
            context,
            fingerprint: String::new(),
        };
        entry.fingerprint = entry.compute_fingerprint();
        entry
    }

    /// FNV-1a (64 bits) over the identifying fields, separated by control characters that
    /// cannot occur in them: stable across runs, platforms and versions of Rust.
    fn compute_fingerprint(&self) -> String {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        let mut feed = |text: &str, separator: u8| {
            for byte in text.bytes().chain([separator]) {
                hash ^= u64::from(byte);
                hash = hash.wrapping_mul(0x0100_0000_01b3);
            }
        };
        feed(&self.article, 0x1e);
        feed(&self.check, 0x1e);
        feed(self.outlier.as_deref().unwrap_or("-"), 0x1e);
        for (lang, values) in &self.values {
            feed(lang, 0x1d);
            for value in values {
                feed(value, 0x1f);
            }
        }
        feed("", 0x1e);
        for words in &self.context {
            feed(words, 0x1f);
        }
        format!("{hash:016x}")
    }
}

/// How an article is named in a baseline: its path relative to the archive root when it was
/// found in one, else as given, with `/` separators and without `./`.
pub fn article_key(path: &Path, root: Option<&Path>) -> String {
    let relative = root
        .and_then(|root| path.strip_prefix(root).ok())
        .unwrap_or(path);
    let parts: Vec<String> = relative
        .components()
        .filter(|c| !matches!(c, Component::CurDir))
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.is_empty() {
        ".".to_string()
    } else {
        parts.join("/").replacen("//", "/", 1)
    }
}

/// A loaded baseline: how many times each fingerprint was accepted.
#[derive(Clone, Debug, Default)]
pub struct Baseline {
    accepted: HashMap<String, usize>,
}

#[derive(Deserialize)]
struct FileJson {
    schema: String,
    findings: Vec<FingerprintJson>,
}

#[derive(Deserialize)]
struct FingerprintJson {
    fingerprint: String,
}

impl Baseline {
    pub fn load(path: &Path) -> Result<Baseline> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            ConcordError::in_file(path, format!("cannot read the baseline: {e}"))
                .with_hint("write one first with --write-baseline FILE")
        })?;
        Baseline::parse(&text).map_err(|message| {
            ConcordError::in_file(path, message)
                .with_hint("write it again with --write-baseline FILE")
        })
    }

    /// Reads a baseline file's text; the error says what is wrong with it.
    pub fn parse(text: &str) -> std::result::Result<Baseline, String> {
        let file: FileJson =
            serde_json::from_str(text).map_err(|e| format!("not a concord baseline: {e}"))?;
        if file.schema != SCHEMA {
            return Err(format!(
                "baseline schema '{}' is not '{SCHEMA}'",
                file.schema
            ));
        }
        let mut accepted: HashMap<String, usize> = HashMap::new();
        for finding in file.findings {
            *accepted.entry(finding.fingerprint).or_default() += 1;
        }
        Ok(Baseline { accepted })
    }

    pub fn from_entries(entries: &[Entry]) -> Baseline {
        let mut accepted: HashMap<String, usize> = HashMap::new();
        for entry in entries {
            *accepted.entry(entry.fingerprint.clone()).or_default() += 1;
        }
        Baseline { accepted }
    }

    /// Findings accepted, counting repeats.
    pub fn len(&self) -> usize {
        self.accepted.values().sum()
    }

    pub fn is_empty(&self) -> bool {
        self.accepted.is_empty()
    }

    /// Drops from `findings` those the baseline accepts and returns how many it dropped.
    /// A finding accepted once and found twice in the article is reported once: the later
    /// one, in report order.
    pub fn suppress(&self, article: &str, findings: &mut Vec<Finding>) -> usize {
        let mut used: HashMap<String, usize> = HashMap::new();
        let before = findings.len();
        findings.retain(|finding| {
            let fingerprint = Entry::of(article, finding).fingerprint;
            let accepted = self.accepted.get(&fingerprint).copied().unwrap_or(0);
            let seen = used.entry(fingerprint).or_default();
            if *seen < accepted {
                *seen += 1;
                false
            } else {
                true
            }
        });
        before - findings.len()
    }
}

#[derive(Serialize)]
struct FileOut<'a> {
    schema: &'static str,
    findings: &'a [Entry],
}

/// The file's text: entries sorted, pretty-printed, ending with a newline.
pub fn render(mut entries: Vec<Entry>) -> String {
    entries.sort();
    let file = FileOut {
        schema: SCHEMA,
        findings: &entries,
    };
    // Strings, maps with string keys and lists only: nothing serde_json could refuse.
    let mut json = serde_json::to_string_pretty(&file).expect("the baseline model serializes");
    json.push('\n');
    json
}

/// Writes a baseline so that readers only ever see the old file or the complete new one: the
/// text goes to a temporary file in the same folder (so that the rename cannot cross file
/// systems), is flushed to disk, then renamed over the target.
pub fn write(path: &Path, entries: Vec<Entry>) -> Result<()> {
    write_atomically(path, render(entries).as_bytes())
}

pub fn write_atomically(path: &Path, contents: &[u8]) -> Result<()> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| ConcordError::in_file(path, "is not a file name"))?;
    let temporary = folder.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let written = (|| -> std::io::Result<()> {
        let mut file = std::fs::File::create(&temporary)?;
        file.write_all(contents)?;
        file.sync_all()?;
        std::fs::rename(&temporary, path)
    })();
    written.map_err(|e| {
        let _ = std::fs::remove_file(&temporary);
        ConcordError::in_file(path, format!("cannot write the baseline: {e}"))
            .with_hint("check that the folder exists and is writable")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::findings::{Check, Severity, Span};
    use crate::lang::Lang;

    fn number_finding(paragraph: usize, ru: &str) -> Finding {
        let span = |lang: Lang, text: &str| Span {
            lang,
            line: paragraph * 2 + 1,
            column: 10,
            text: text.to_string(),
            paragraph,
            start: 0,
            end: text.chars().count(),
        };
        Finding {
            check: Check::Number,
            severity: Severity::Error,
            message: format!("ru says {ru} where en and uk say 6"),
            outlier: Some(Lang::Ru),
            group: paragraph - 1,
            paragraphs: [(Lang::En, vec![paragraph]), (Lang::Ru, vec![paragraph])]
                .into_iter()
                .collect(),
            values: [
                (Lang::En, vec!["6".to_string()]),
                (Lang::Uk, vec!["6".to_string()]),
                (Lang::Ru, vec![ru.to_string()]),
            ]
            .into_iter()
            .collect(),
            spans: vec![span(Lang::En, "six"), span(Lang::Ru, "семерых")],
            detected: None,
        }
    }

    fn missing_finding(paragraph: usize, en: &str) -> Finding {
        Finding {
            check: Check::Missing,
            severity: Severity::Error,
            message: "ru lacks a paragraph that en has".to_string(),
            outlier: Some(Lang::Ru),
            group: paragraph,
            paragraphs: BTreeMap::new(),
            values: BTreeMap::new(),
            spans: vec![Span {
                lang: Lang::En,
                line: paragraph,
                column: 1,
                text: en.to_string(),
                paragraph,
                start: 0,
                end: 0,
            }],
            detected: None,
        }
    }

    #[test]
    fn the_fingerprint_ignores_positions_and_wording() {
        let a = Entry::of("news/isw", &number_finding(14, "7"));
        let mut moved = number_finding(15, "7");
        moved.message = "ru says 7, en and uk say 6".to_string();
        assert_eq!(a.fingerprint, Entry::of("news/isw", &moved).fingerprint);
        assert_ne!(
            a.fingerprint,
            Entry::of("news/isw", &number_finding(14, "8")).fingerprint
        );
        assert_ne!(
            a.fingerprint,
            Entry::of("news/other", &number_finding(14, "7")).fingerprint
        );
        assert_eq!(a.fingerprint.len(), 16);
        assert!(a.context.is_empty(), "values identify a number finding");
    }

    #[test]
    fn a_missing_paragraph_is_told_apart_by_its_first_words() {
        let first = Entry::of(
            "a",
            &missing_finding(9, "However, these scenarios could aid Russi"),
        );
        let other = Entry::of(
            "a",
            &missing_finding(9, "Analysts at the ISW have been unable to "),
        );
        assert_eq!(first.context, ["en However, these scenarios could aid"]);
        assert_ne!(first.fingerprint, other.fingerprint);
        let renumbered = Entry::of(
            "a",
            &missing_finding(10, "However, these scenarios could aid Russi"),
        );
        assert_eq!(first.fingerprint, renumbered.fingerprint);
    }

    #[test]
    fn suppression_counts_repeats() {
        let accepted = Baseline::from_entries(&[Entry::of("a", &number_finding(3, "7"))]);
        let mut findings = vec![
            number_finding(3, "7"),
            number_finding(5, "8"),
            number_finding(9, "7"),
        ];
        assert_eq!(accepted.suppress("a", &mut findings), 1);
        let left: Vec<usize> = findings.iter().map(|f| f.group + 1).collect();
        assert_eq!(left, [5, 9], "the second '7' is new");
        let mut elsewhere = vec![number_finding(3, "7")];
        assert_eq!(accepted.suppress("b", &mut elsewhere), 0);
    }

    #[test]
    fn the_file_is_sorted_and_reads_back() {
        let entries = vec![
            Entry::of("b", &number_finding(3, "7")),
            Entry::of("a", &missing_finding(2, "The ISW said so.")),
            Entry::of("a", &number_finding(3, "7")),
        ];
        let text = render(entries.clone());
        let articles: Vec<&str> = text
            .lines()
            .filter_map(|l| l.trim().strip_prefix("\"article\": "))
            .collect();
        assert_eq!(articles, ["\"a\",", "\"a\",", "\"b\","]);
        assert!(text.starts_with("{\n  \"schema\": \"concord-baseline/1\",\n"));
        assert!(text.contains("\"context\": [\n        \"en The ISW said so.\"\n      ]"));
        let loaded = Baseline::parse(&text).unwrap();
        assert_eq!(loaded.len(), 3);
        assert_eq!(render(entries), text, "rendering is stable");
    }

    #[test]
    fn a_foreign_file_is_refused() {
        let error = Baseline::parse(r#"{"schema": "concord/1", "findings": []}"#).unwrap_err();
        assert!(error.contains("concord-baseline/1"), "{error}");
        assert!(Baseline::parse("[1, 2]").is_err());
    }

    #[test]
    fn article_keys_are_relative_and_portable() {
        let root = Path::new("archive");
        assert_eq!(
            article_key(Path::new("archive/2024/isw"), Some(root)),
            "2024/isw"
        );
        assert_eq!(article_key(Path::new("./samples/x"), None), "samples/x");
        assert_eq!(article_key(Path::new("samples/./x/"), None), "samples/x");
    }
}
