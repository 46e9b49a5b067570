//! SARIF 2.1.0 (the OASIS Static Analysis Results Interchange Format), for code-scanning
//! dashboards: GitHub code scanning, GitLab, Azure DevOps, the VS Code SARIF viewer.
//!
//! One run for all articles; one rule per check, documented by `concord explain`'s text; one
//! result per finding. A result is located in the file of the version that disagrees (the
//! outlier), and points at every other version with `relatedLocations`, each saying what that
//! version states ("en: 6"). Columns count Unicode code points, as concord's do
//! (`columnKind`). `partialFingerprints["concordFinding/v1"]` identifies a finding across
//! runs even when paragraphs are renumbered: it hashes the article, the check, the outlier and
//! the values compared, never line numbers.
//!
//! The model below is the subset of the schema concord writes, as typed structs; the tests
//! validate the output against the official schema (`tests/data/sarif/sarif-2.1.0.json`).

use super::{display_path, find_paragraph, finding_paragraphs, group_paragraphs};
use crate::article::CheckedArticle;
use crate::findings::{Check, Detected, Finding, Severity};
use crate::lang::Lang;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";
pub const VERSION: &str = "2.1.0";
/// The key of concord's entry in `partialFingerprints`. Bump the version when what is hashed
/// changes, so that dashboards see new identities rather than false matches.
pub const FINGERPRINT_KEY: &str = "concordFinding/v1";

#[derive(Serialize)]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    column_kind: &'static str,
    results: Vec<SarifResult>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    name: String,
    short_description: Text,
    full_description: Text,
    help: Help,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: &'static str,
    markdown: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    partial_fingerprints: BTreeMap<&'static str, String>,
    properties: Properties,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    message: Text,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_column: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    snippet: Option<Text>,
}

/// What the `concord/1` JSON report says of a finding beyond its message, for consumers that
/// read SARIF only.
#[derive(Serialize)]
struct Properties {
    article: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    outlier: Option<Lang>,
    values: BTreeMap<Lang, Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    detected: Option<Detected>,
}

/// The SARIF log for all articles, pretty-printed, ending with a newline.
pub fn render(articles: &[CheckedArticle]) -> String {
    let log = Log {
        schema: SCHEMA_URI,
        version: VERSION,
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "concord",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    rules: Check::ALL.into_iter().map(rule).collect(),
                },
            },
            column_kind: "unicodeCodePoints",
            results: articles.iter().flat_map(article_results).collect(),
        }],
    };
    // Strings, integers, and maps keyed by language codes: nothing serde_json could refuse.
    let mut json = serde_json::to_string_pretty(&log).expect("the SARIF model serializes");
    json.push('\n');
    json
}

fn rule(check: Check) -> Rule {
    let documentation = check.documentation();
    let what_it_does = section(documentation, "What it does");
    let summary = if what_it_does.is_empty() {
        check.id().to_string()
    } else {
        what_it_does
    };
    Rule {
        id: check.id(),
        name: pascal_case(check.id()),
        short_description: Text {
            text: first_sentence(&summary),
        },
        full_description: Text { text: summary },
        help: Help {
            text: documentation,
            markdown: documentation,
        },
    }
}

fn article_results(article: &CheckedArticle) -> Vec<SarifResult> {
    let mut occurrences: HashMap<u64, usize> = HashMap::new();
    article
        .findings
        .iter()
        .map(|finding| {
            let identity = identity_hash(article, finding);
            let occurrence = occurrences.entry(identity).or_insert(0);
            *occurrence += 1;
            result(article, finding, identity, *occurrence)
        })
        .collect()
}

fn result(
    article: &CheckedArticle,
    finding: &Finding,
    identity: u64,
    occurrence: usize,
) -> SarifResult {
    let primary = primary_document(article, finding);
    let mut related = Vec::new();
    for d in 0..article.documents.len() {
        if Some(d) == primary {
            continue;
        }
        if let Some(place) = locate(article, finding, d) {
            related.push(location(Some(related.len() + 1), finding, &place));
        }
    }
    let locations = primary
        .and_then(|d| locate(article, finding, d))
        .map(|place| location(None, finding, &place))
        .into_iter()
        .collect();
    let rule_index = Check::ALL
        .iter()
        .position(|c| *c == finding.check)
        .unwrap_or_default();
    SarifResult {
        rule_id: finding.check.id(),
        rule_index,
        level: level(finding.severity),
        message: Text {
            text: finding.message.clone(),
        },
        locations,
        related_locations: related,
        partial_fingerprints: BTreeMap::from([(
            FINGERPRINT_KEY,
            format!("{identity:016x}:{occurrence}"),
        )]),
        properties: Properties {
            article: display_path(&article.path),
            outlier: finding.outlier,
            values: finding.values.clone(),
            detected: finding.detected.clone(),
        },
    }
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

fn location(id: Option<usize>, finding: &Finding, place: &Place) -> Location {
    Location {
        id,
        physical_location: PhysicalLocation {
            artifact_location: ArtifactLocation {
                uri: artifact_uri(place.path),
            },
            region: Region {
                start_line: place.line,
                start_column: place.column,
                end_column: place.end_column,
                snippet: place.snippet.map(|text| Text {
                    text: text.to_string(),
                }),
            },
        },
        message: Text {
            text: place_message(finding, place),
        },
    }
}

/// What one version says: "en: 6", "ru: (none)" where the others state values; else which
/// paragraph is meant ("en ¶9"), or where a missing one belongs.
fn place_message(finding: &Finding, place: &Place) -> String {
    let lang = place.lang;
    let stated = finding.values.get(&lang).filter(|v| !v.is_empty());
    if let Some(values) = stated {
        return format!("{lang}: {}", values.join(", "));
    }
    if finding.values.values().any(|v| !v.is_empty()) {
        return format!("{lang}: (none)");
    }
    match place.anchor {
        Anchor::Span(paragraph) | Anchor::Paragraph(paragraph) => format!("{lang} ¶{paragraph}"),
        Anchor::Gap(Some(before)) => {
            format!("{lang}: no aligned paragraph; it belongs before ¶{before}")
        }
        Anchor::Gap(None) => format!("{lang}: no aligned paragraph; it belongs at the end"),
        Anchor::File => format!("{lang}: empty file"),
    }
}

/// How a [`Place`] was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Anchor {
    /// The finding's own span, in this paragraph.
    Span(usize),
    /// The start of the version's paragraph in the finding's group.
    Paragraph(usize),
    /// The version has no paragraph in the group: where one would go, before the paragraph
    /// numbered so (`None`: after the last paragraph).
    Gap(Option<usize>),
    /// The file has no paragraphs at all.
    File,
}

/// Where a finding stands in one version's file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Place<'a> {
    pub lang: Lang,
    pub path: &'a Path,
    /// 1-based; columns in characters.
    pub line: usize,
    pub column: usize,
    /// One past the span's last character, when the span ends on its first line.
    pub end_column: Option<usize>,
    /// The words as written, when the finding quotes them.
    pub snippet: Option<&'a str>,
    pub anchor: Anchor,
}

/// The document a finding is reported in: the outlier's; without one, the language of the
/// first span; failing that, the first document.
pub(crate) fn primary_document(article: &CheckedArticle, finding: &Finding) -> Option<usize> {
    let of = |lang: Lang| article.documents.iter().position(|d| d.lang == lang);
    finding
        .outlier
        .and_then(of)
        .or_else(|| finding.spans.first().and_then(|s| of(s.lang)))
        .or_else(|| (!article.documents.is_empty()).then_some(0))
}

/// Where finding `finding` stands in document `d`: its span there, else the start of the
/// document's paragraph in the finding's group, else where the group's paragraph would go.
pub(crate) fn locate<'a>(
    article: &'a CheckedArticle,
    finding: &'a Finding,
    d: usize,
) -> Option<Place<'a>> {
    let document = article.documents.get(d)?;
    let place = |line, column, end_column, snippet, anchor| Place {
        lang: document.lang,
        path: &document.path,
        line,
        column,
        end_column,
        snippet,
        anchor,
    };
    if let Some(span) = finding.spans.iter().find(|s| s.lang == document.lang) {
        let end_column = find_paragraph(document, span.paragraph)
            .filter(|_| span.end > span.start)
            .map(|p| p.position(span.end - 1))
            .filter(|last| last.line == span.line && last.column >= span.column)
            .map(|last| last.column + 1);
        return Some(place(
            span.line,
            span.column,
            end_column,
            Some(span.text.as_str()),
            Anchor::Span(span.paragraph),
        ));
    }
    let in_group = finding_paragraphs(article, finding, d)
        .into_iter()
        .find_map(|number| find_paragraph(document, number));
    if let Some(paragraph) = in_group {
        let start = paragraph.position(0);
        let anchor = Anchor::Paragraph(paragraph.number);
        return Some(place(start.line, start.column, None, None, anchor));
    }
    let next = (finding.group + 1..article.alignment.len())
        .flat_map(|group| group_paragraphs(article, group, d))
        .find_map(|number| find_paragraph(document, number));
    if let Some(paragraph) = next {
        let start = paragraph.position(0);
        let anchor = Anchor::Gap(Some(paragraph.number));
        return Some(place(start.line, start.column, None, None, anchor));
    }
    if let Some(last) = document.paragraphs.last() {
        let end = last.position(last.char_len());
        return Some(place(end.line, end.column, None, None, Anchor::Gap(None)));
    }
    Some(place(1, 1, None, None, Anchor::File))
}

/// A path as a URI reference: relative paths stay relative (code-scanning services resolve
/// them against the checkout), absolute ones become `file://` URIs; every byte outside the
/// unreserved set and `/` is percent-encoded, so spaces, `#`, `%` and Cyrillic folder names
/// survive.
pub(crate) fn artifact_uri(path: &Path) -> String {
    let shown = display_path(path);
    let (prefix, rest) = if let Some(rest) = shown.strip_prefix('/') {
        ("file:///", rest)
    } else if is_drive_path(&shown) {
        let (drive, rest) = shown.split_at(2);
        return format!("file:///{drive}{}", percent_encode(rest));
    } else {
        ("", shown.as_str())
    };
    format!("{prefix}{}", percent_encode(rest))
}

fn is_drive_path(path: &str) -> bool {
    let bytes = path.as_bytes();
    matches!(bytes, [letter, b':', b'/', ..] if letter.is_ascii_alphabetic())
}

fn percent_encode(text: &str) -> String {
    let mut encoded = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~' | b'/') {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

/// What identifies a finding across runs: the article, the check, the outlier, the article's
/// languages and the values compared (or, for findings without values, the words quoted).
/// Line and paragraph numbers are left out on purpose: inserting a paragraph above must not
/// make every finding below look new. FNV-1a, written out because its value must not change
/// between Rust releases (std's hashers promise no such thing).
fn identity_hash(article: &CheckedArticle, finding: &Finding) -> u64 {
    let mut hash = Fnv1a::new();
    hash.field(&display_path(&article.path));
    hash.field(finding.check.id());
    hash.field(finding.outlier.map_or("", Lang::code));
    for document in &article.documents {
        hash.field(document.lang.code());
    }
    let has_values = finding.values.values().any(|v| !v.is_empty());
    if has_values {
        for (lang, values) in &finding.values {
            hash.field(lang.code());
            for value in values {
                hash.field(value);
            }
        }
    } else {
        for span in &finding.spans {
            hash.field(span.lang.code());
            hash.field(&span.text);
        }
    }
    hash.finish()
}

struct Fnv1a(u64);

impl Fnv1a {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;

    fn new() -> Self {
        Fnv1a(Self::OFFSET)
    }

    /// Hashes `text` followed by a separator no text contains, so that ("ab", "c") and
    /// ("a", "bc") differ.
    fn field(&mut self, text: &str) {
        for byte in text.bytes().chain([0xff]) {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(Self::PRIME);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The text of a `## heading` section of a check's documentation, each paragraph on one line,
/// paragraphs separated by a blank line.
fn section(documentation: &str, heading: &str) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut inside = false;
    for line in documentation.lines() {
        if let Some(title) = line.strip_prefix("## ") {
            if inside {
                break;
            }
            inside = title.trim() == heading;
            continue;
        }
        if !inside {
            continue;
        }
        if line.trim().is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.join(" "));
                current.clear();
            }
        } else {
            current.push(line.trim());
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join(" "));
    }
    paragraphs.join("\n\n")
}

/// The documentation's opening statement, for `shortDescription`: its first sentence (up to a
/// full stop followed by a space and a capital), without the list of particulars after a colon
/// outside parentheses ("Compares the numbers ... states, as values: digits in ...").
fn first_sentence(text: &str) -> String {
    let paragraph = text.split("\n\n").next().unwrap_or_default();
    let sentence = paragraph
        .match_indices(". ")
        .find(|(index, _)| {
            paragraph[index + 2..]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        })
        .map_or(paragraph, |(index, _)| &paragraph[..=index]);
    let mut depth = 0usize;
    for (index, c) in sentence.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ':' if depth == 0 && sentence[index + 1..].starts_with(' ') => {
                return format!("{}.", &sentence[..index]);
            }
            _ => {}
        }
    }
    sentence.to_string()
}

/// "wrong-language" → "WrongLanguage".
fn pascal_case(id: &str) -> String {
    id.split('-')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or(String::new(), |first| {
                first.to_uppercase().chain(chars).collect()
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixtures;
    use serde_json::Value;

    fn log(articles: &[CheckedArticle]) -> Value {
        serde_json::from_str(&render(articles)).expect("valid JSON")
    }

    fn missing_paragraph(outlier: Lang, group: usize) -> Finding {
        Finding {
            check: Check::Missing,
            severity: Severity::Error,
            message: format!("{outlier} lacks a paragraph that the others have"),
            outlier: Some(outlier),
            group,
            paragraphs: BTreeMap::new(),
            values: BTreeMap::new(),
            spans: Vec::new(),
            detected: None,
        }
    }

    #[test]
    fn a_version_without_a_span_is_located_at_its_paragraph_in_the_group() {
        let article = fixtures::kharkiv();
        let schools = &article.findings[1];
        let place = locate(&article, schools, 2).expect("ru is there");
        assert_eq!(place.path, Path::new("samples/x/ru.txt"));
        assert_eq!((place.line, place.column), (5, 1));
        assert_eq!(place.anchor, Anchor::Paragraph(3));
        assert_eq!(place.snippet, None);
        assert_eq!(place_message(schools, &place), "ru: (none)");
        let twelve = locate(&article, schools, 0).expect("en is there");
        assert_eq!(place_message(schools, &twelve), "en: 12");
        assert_eq!(twelve.end_column, Some(7), "«Twelve» spans columns 1 to 6");
    }

    #[test]
    fn a_missing_paragraph_is_located_where_it_belongs() {
        let mut article = fixtures::budget();
        // Group 1 is en ¶3 and ru ¶2: uk's deputy mayor quote would go before uk ¶2.
        let inside = missing_paragraph(Lang::Uk, 1);
        let place = locate(&article, &inside, 1).expect("uk is there");
        assert_eq!(place.anchor, Anchor::Gap(Some(2)));
        assert_eq!((place.line, place.column), (3, 1));
        assert_eq!(
            place_message(&inside, &place),
            "uk: no aligned paragraph; it belongs before ¶2"
        );

        // Without a later paragraph, the end of the file.
        article.alignment = vec![
            fixtures::group([&[0, 1], &[0], &[0]]),
            fixtures::group([&[2], &[1], &[1]]),
            fixtures::group([&[3], &[], &[2]]),
        ];
        let at_end = missing_paragraph(Lang::Uk, 2);
        let place = locate(&article, &at_end, 1).expect("uk is there");
        assert_eq!(place.anchor, Anchor::Gap(None));
        let last = "Бюджет набуде чинності 1 квітня.".chars().count();
        assert_eq!((place.line, place.column), (3, last));
    }

    #[test]
    fn without_an_outlier_the_first_span_decides_the_file() {
        let mut article = fixtures::budget();
        if let Some(finding) = article.findings.first_mut() {
            finding.outlier = None;
            finding.spans.rotate_left(1);
        }
        let log = log(&[article]);
        let result = &log["runs"][0]["results"][0];
        let uri = &result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
        assert_eq!(uri, "samples/budget/uk.md");
        assert!(result["properties"].get("outlier").is_none());
        let related = result["relatedLocations"].as_array().expect("related");
        let messages: Vec<&str> = related
            .iter()
            .filter_map(|l| l["message"]["text"].as_str())
            .collect();
        assert_eq!(messages, ["en: 13.5%", "ru: 15.3%"]);
    }

    #[test]
    fn severities_map_to_sarif_levels() {
        let mut article = fixtures::kharkiv();
        article.findings[0].severity = Severity::Note;
        let log = log(&[article]);
        let levels: Vec<&str> = log["runs"][0]["results"]
            .as_array()
            .expect("results")
            .iter()
            .filter_map(|r| r["level"].as_str())
            .collect();
        assert_eq!(levels, ["note", "warning"]);
    }

    #[test]
    fn fingerprints_follow_values_not_paragraph_numbers() {
        let article = fixtures::kharkiv();
        let dead = &article.findings[0];
        let mut moved = dead.clone();
        moved.group = 2;
        moved.paragraphs = fixtures::per_lang(vec![3], vec![3], vec![3]);
        for span in &mut moved.spans {
            span.line += 2;
            span.paragraph += 1;
        }
        assert_eq!(
            identity_hash(&article, dead),
            identity_hash(&article, &moved)
        );
        let mut eight = dead.clone();
        eight.values.insert(Lang::Ru, vec!["8".to_string()]);
        assert_ne!(
            identity_hash(&article, dead),
            identity_hash(&article, &eight)
        );

        let mut twice = article.clone();
        twice.findings = vec![dead.clone(), moved];
        let log = log(&[twice]);
        let prints: Vec<&str> = log["runs"][0]["results"]
            .as_array()
            .expect("results")
            .iter()
            .filter_map(|r| r["partialFingerprints"][FINGERPRINT_KEY].as_str())
            .collect();
        assert_eq!(prints.len(), 2);
        assert!(
            prints[0].ends_with(":1") && prints[1].ends_with(":2"),
            "{prints:?}"
        );
        assert_eq!(prints[0].split(':').next(), prints[1].split(':').next());
    }

    #[test]
    fn uris_are_relative_or_file_uris_percent_encoded() {
        assert_eq!(
            artifact_uri(Path::new("articles/a/uk.txt")),
            "articles/a/uk.txt"
        );
        assert_eq!(
            artifact_uri(Path::new("статті/Київ 1/uk.txt")),
            "%D1%81%D1%82%D0%B0%D1%82%D1%82%D1%96/%D0%9A%D0%B8%D1%97%D0%B2%201/uk.txt"
        );
        assert_eq!(artifact_uri(Path::new("a:b/100%.md")), "a%3Ab/100%25.md");
        assert_eq!(
            artifact_uri(Path::new("/srv/news/en.txt")),
            "file:///srv/news/en.txt"
        );
        assert_eq!(
            artifact_uri(Path::new("C:/news/en.txt")),
            "file:///C:/news/en.txt"
        );
    }

    #[test]
    fn short_descriptions_are_the_opening_statement() {
        assert_eq!(
            first_sentence(&section(
                Check::WrongLanguage.documentation(),
                "What it does"
            )),
            "Reports a whole file that is not written in the language its name says."
        );
        assert_eq!(
            first_sentence("Compares dates (year: month). A second sentence."),
            "Compares dates (year: month)."
        );
        assert_eq!(first_sentence(""), "");
        assert_eq!(pascal_case("wrong-language"), "WrongLanguage");
        assert_eq!(pascal_case("number"), "Number");
    }

    #[test]
    fn no_articles_still_make_a_complete_log() {
        let log = log(&[]);
        assert_eq!(log["version"], VERSION);
        assert_eq!(log["runs"][0]["results"].as_array().map(Vec::len), Some(0));
        assert_eq!(
            log["runs"][0]["tool"]["driver"]["rules"]
                .as_array()
                .map(Vec::len),
            Some(Check::ALL.len())
        );
    }
}
