//! The `concord/1` JSON report: a public contract that CI pipelines parse. Extend it, never
//! break it.
//!
//! Paragraph numbers are 1-based, as in the files. Maps keyed by language list every language
//! of the article, in the order en, uk, ru; a language with nothing there gets `[]`.
//! `outlier` is `null` when no single version can be blamed; `encoding` appears only for
//! files that were not UTF-8.

use super::{display_path, finding_paragraphs, group_paragraphs, Summary};
use crate::article::CheckedArticle;
use crate::findings::{Check, Detected, Finding, Severity, Span};
use crate::lang::Lang;
use serde::Serialize;
use std::collections::BTreeMap;

pub const SCHEMA: &str = "concord/1";

#[derive(Serialize)]
struct Report<'a> {
    schema: &'static str,
    articles: Vec<ArticleJson<'a>>,
    summary: SummaryJson,
}

#[derive(Serialize)]
struct ArticleJson<'a> {
    path: String,
    languages: BTreeMap<Lang, LanguageJson>,
    alignment: Vec<BTreeMap<Lang, Vec<usize>>>,
    findings: Vec<FindingJson<'a>>,
}

#[derive(Serialize)]
struct LanguageJson {
    file: String,
    paragraphs: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    encoding: Option<&'static str>,
}

#[derive(Serialize)]
struct FindingJson<'a> {
    check: Check,
    severity: Severity,
    message: &'a str,
    outlier: Option<Lang>,
    paragraphs: BTreeMap<Lang, Vec<usize>>,
    values: BTreeMap<Lang, Vec<&'a str>>,
    spans: Vec<SpanJson<'a>>,
    /// Language checks: what a text was identified as (`{"lang": "uk", "confidence": 0.97}`).
    #[serde(skip_serializing_if = "Option::is_none")]
    detected: Option<&'a Detected>,
}

#[derive(Serialize)]
struct SpanJson<'a> {
    lang: Lang,
    line: usize,
    column: usize,
    text: &'a str,
    paragraph: usize,
}

#[derive(Serialize)]
struct SummaryJson {
    articles: usize,
    errors: usize,
    warnings: usize,
    notes: usize,
}

/// The report for all articles, pretty-printed, ending with a newline.
pub fn render(articles: &[CheckedArticle]) -> String {
    let summary = Summary::of(articles);
    let report = Report {
        schema: SCHEMA,
        articles: articles.iter().map(article_json).collect(),
        summary: SummaryJson {
            articles: summary.articles,
            errors: summary.errors,
            warnings: summary.warnings,
            notes: summary.notes,
        },
    };
    // Every map key is a language code and every value a plain string or number: there is
    // nothing serde_json could refuse.
    let mut json = serde_json::to_string_pretty(&report).expect("the report model serializes");
    json.push('\n');
    json
}

/// One article's object, pretty-printed `depth` levels deep: exactly what [`render`] writes
/// for it inside `articles` when `depth` is 2. Reports written one article at a time
/// (archive audits) are assembled from these.
pub fn render_article(article: &CheckedArticle, depth: usize) -> String {
    pretty_at_depth(&article_json(article), depth)
}

/// Pretty JSON of a value that stands `depth` levels deep in a larger document: the text
/// serde_json's pretty printer gives for the value alone, with every line after the first
/// indented by `depth` more levels, written in one pass (re-indenting the lines afterwards
/// cost an archive audit more than 1% of its time).
pub fn pretty_at_depth<T: Serialize>(value: &T, depth: usize) -> String {
    let mut json = Vec::with_capacity(1024);
    let mut serializer =
        serde_json::Serializer::with_formatter(&mut json, NestedPrettyFormatter::new(depth));
    // The report models hold strings, numbers, lists and maps with string keys: there is
    // nothing serde_json could refuse, and it writes UTF-8.
    value
        .serialize(&mut serializer)
        .expect("the report model serializes");
    String::from_utf8(json).expect("serde_json writes UTF-8")
}

/// serde_json's `PrettyFormatter` (two spaces a level), starting `depth` levels in.
struct NestedPrettyFormatter {
    depth: usize,
    has_value: bool,
}

impl NestedPrettyFormatter {
    fn new(depth: usize) -> Self {
        NestedPrettyFormatter {
            depth,
            has_value: false,
        }
    }

    fn new_line<W: ?Sized + std::io::Write>(
        &self,
        writer: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        writer.write_all(if first { b"\n" } else { b",\n" })?;
        self.indent(writer)
    }

    fn indent<W: ?Sized + std::io::Write>(&self, writer: &mut W) -> std::io::Result<()> {
        for _ in 0..self.depth {
            writer.write_all(b"  ")?;
        }
        Ok(())
    }

    fn close<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        bracket: &[u8],
    ) -> std::io::Result<()> {
        self.depth = self.depth.saturating_sub(1);
        if self.has_value {
            writer.write_all(b"\n")?;
            self.indent(writer)?;
        }
        writer.write_all(bracket)
    }
}

impl serde_json::ser::Formatter for NestedPrettyFormatter {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        writer.write_all(b"[")
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.close(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.new_line(writer, first)
    }

    fn end_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        _writer: &mut W,
    ) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        writer.write_all(b"{")
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.close(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.new_line(writer, first)
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
    ) -> std::io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + std::io::Write>(
        &mut self,
        _writer: &mut W,
    ) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

fn article_json(article: &CheckedArticle) -> ArticleJson<'_> {
    let languages = article
        .documents
        .iter()
        .map(|d| {
            let language = LanguageJson {
                file: display_path(&d.path),
                paragraphs: d.paragraphs.len(),
                encoding: d.encoding,
            };
            (d.lang, language)
        })
        .collect();
    let alignment = (0..article.alignment.len())
        .map(|group| {
            article
                .documents
                .iter()
                .enumerate()
                .map(|(d, document)| (document.lang, group_paragraphs(article, group, d)))
                .collect()
        })
        .collect();
    ArticleJson {
        path: display_path(&article.path),
        languages,
        alignment,
        findings: article
            .findings
            .iter()
            .map(|f| finding_json(article, f))
            .collect(),
    }
}

fn finding_json<'a>(article: &CheckedArticle, finding: &'a Finding) -> FindingJson<'a> {
    let mut paragraphs: BTreeMap<Lang, Vec<usize>> = article
        .documents
        .iter()
        .enumerate()
        .map(|(d, document)| (document.lang, finding_paragraphs(article, finding, d)))
        .collect();
    for (lang, numbers) in &finding.paragraphs {
        paragraphs.entry(*lang).or_insert_with(|| numbers.clone());
    }
    let mut values: BTreeMap<Lang, Vec<&str>> = article
        .documents
        .iter()
        .map(|d| (d.lang, Vec::new()))
        .collect();
    for (lang, list) in &finding.values {
        values.insert(*lang, list.iter().map(String::as_str).collect());
    }
    FindingJson {
        check: finding.check,
        severity: finding.severity,
        message: &finding.message,
        outlier: finding.outlier,
        paragraphs,
        values,
        spans: finding.spans.iter().map(span_json).collect(),
        detected: finding.detected.as_ref(),
    }
}

fn span_json(span: &Span) -> SpanJson<'_> {
    SpanJson {
        lang: span.lang,
        line: span.line,
        column: span.column,
        text: &span.text,
        paragraph: span.paragraph,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixtures;

    use serde_json::Value;

    #[test]
    fn budget_report_is_pinned() {
        let json = render(&[fixtures::budget()]);
        let expected = r#"{
  "schema": "concord/1",
  "articles": [
    {
      "path": "samples/budget",
      "languages": {
        "en": {
          "file": "samples/budget/en.md",
          "paragraphs": 4
        },
        "uk": {
          "file": "samples/budget/uk.md",
          "paragraphs": 2
        },
        "ru": {
          "file": "samples/budget/ru.md",
          "paragraphs": 3
        }
      },
      "alignment": [
        {
          "en": [
            1,
            2
          ],
          "uk": [
            1
          ],
          "ru": [
            1
          ]
        },
        {
          "en": [
            3
          ],
          "uk": [],
          "ru": [
            2
          ]
        },
        {
          "en": [
            4
          ],
          "uk": [
            2
          ],
          "ru": [
            3
          ]
        }
      ],
      "findings": [
        {
          "check": "number",
          "severity": "error",
          "message": "ru says 15.3% where en and uk say 13.5%",
          "outlier": "ru",
          "paragraphs": {
            "en": [
              1,
              2
            ],
            "uk": [
              1
            ],
            "ru": [
              1
            ]
          },
          "values": {
            "en": [
              "13.5%"
            ],
            "uk": [
              "13.5%"
            ],
            "ru": [
              "15.3%"
            ]
          },
          "spans": [
            {
              "lang": "en",
              "line": 3,
              "column": 34,
              "text": "13.5%",
              "paragraph": 2
            },
            {
              "lang": "uk",
              "line": 1,
              "column": 90,
              "text": "13,5%",
              "paragraph": 1
            },
            {
              "lang": "ru",
              "line": 1,
              "column": 95,
              "text": "15,3%",
              "paragraph": 1
            }
          ]
        }
      ]
    }
  ],
  "summary": {
    "articles": 1,
    "errors": 1,
    "warnings": 0,
    "notes": 0
  }
}
"#;
        assert_eq!(json, expected, "\n{json}");
    }

    fn object<'v>(value: &'v Value, what: &str) -> &'v serde_json::Map<String, Value> {
        value
            .as_object()
            .unwrap_or_else(|| panic!("{what} is not an object: {value}"))
    }

    fn array<'v>(value: &'v Value, what: &str) -> &'v Vec<Value> {
        value
            .as_array()
            .unwrap_or_else(|| panic!("{what} is not an array: {value}"))
    }

    /// Keys in sorted order (serde_json's `Map` keeps no other).
    fn keys(map: &serde_json::Map<String, Value>) -> Vec<&str> {
        map.keys().map(String::as_str).collect()
    }

    fn numbers(value: &Value) -> Vec<u64> {
        array(value, "paragraph list")
            .iter()
            .map(|n| n.as_u64().expect("paragraph numbers are integers"))
            .collect()
    }

    #[test]
    fn every_field_of_the_contract_is_present_with_its_type() {
        let json = render(&[fixtures::kharkiv(), fixtures::budget()]);
        let report: Value = serde_json::from_str(&json).expect("valid JSON");
        assert_eq!(report["schema"], "concord/1");
        let articles = array(&report["articles"], "articles");
        assert_eq!(articles.len(), 2);

        let kharkiv = &articles[0];
        assert_eq!(kharkiv["path"], "samples/x");
        let languages = object(&kharkiv["languages"], "languages");
        assert_eq!(keys(languages), ["en", "ru", "uk"]);
        // serde_json's Map sorts keys; the order written is checked on the text.
        let en = json.find("\"en\": {").expect("en entry");
        let uk = json.find("\"uk\": {").expect("uk entry");
        let ru = json.find("\"ru\": {").expect("ru entry");
        assert!(en < uk && uk < ru, "languages in the order en, uk, ru");
        assert_eq!(languages["en"]["file"], "samples/x/en.txt");
        assert_eq!(languages["en"]["paragraphs"].as_u64(), Some(3));
        assert!(
            languages["en"].get("encoding").is_none(),
            "UTF-8 needs no mention"
        );
        assert_eq!(languages["ru"]["encoding"], "windows-1251");

        for group in array(&kharkiv["alignment"], "alignment") {
            assert_eq!(keys(object(group, "group")), ["en", "ru", "uk"]);
        }
        assert_eq!(numbers(&kharkiv["alignment"][1]["ru"]), [2]);

        let findings = array(&kharkiv["findings"], "findings");
        assert_eq!(findings.len(), 2);
        let dead = object(&findings[0], "finding");
        assert_eq!(
            keys(dead),
            [
                "check",
                "message",
                "outlier",
                "paragraphs",
                "severity",
                "spans",
                "values"
            ]
        );
        assert_eq!(dead["check"], "number");
        assert_eq!(dead["severity"], "error");
        assert_eq!(dead["message"], "ru says 7 where en and uk say 6");
        assert_eq!(dead["outlier"], "ru");
        assert_eq!(numbers(&dead["paragraphs"]["uk"]), [2]);
        assert_eq!(dead["values"]["en"][0], "6");
        assert_eq!(dead["values"]["ru"][0], "7");
        let spans = array(&dead["spans"], "spans");
        assert_eq!(spans.len(), 3);
        let ru_span = object(&spans[2], "span");
        assert_eq!(ru_span["lang"], "ru");
        assert_eq!(ru_span["text"], "семь");
        assert_eq!(ru_span["line"].as_u64(), Some(3));
        assert_eq!(ru_span["column"].as_u64(), Some(81));
        assert_eq!(ru_span["paragraph"].as_u64(), Some(2));

        // ru states no value in the missing finding: the key is there, the list empty.
        let schools = &findings[1];
        assert_eq!(schools["check"], "missing");
        assert_eq!(schools["severity"], "warning");
        assert_eq!(array(&schools["values"]["ru"], "values").len(), 0);

        let budget = &articles[1];
        assert_eq!(numbers(&budget["alignment"][0]["en"]), [1, 2]);
        assert_eq!(numbers(&budget["alignment"][1]["uk"]), Vec::<u64>::new());

        let summary = object(&report["summary"], "summary");
        assert_eq!(keys(summary), ["articles", "errors", "notes", "warnings"]);
        assert_eq!(summary["articles"].as_u64(), Some(2));
        assert_eq!(summary["errors"].as_u64(), Some(2));
        assert_eq!(summary["warnings"].as_u64(), Some(1));
        assert_eq!(summary["notes"].as_u64(), Some(0));
    }

    #[test]
    fn an_unattributed_finding_has_a_null_outlier() {
        let mut article = fixtures::budget();
        if let Some(finding) = article.findings.first_mut() {
            finding.outlier = None;
        }
        let report: Value = serde_json::from_str(&render(&[article])).expect("valid JSON");
        let finding = &report["articles"][0]["findings"][0];
        assert!(finding.get("outlier").is_some_and(Value::is_null));
    }

    #[test]
    fn a_language_finding_carries_what_was_detected() {
        let mut article = fixtures::budget();
        let plain: Value = serde_json::from_str(&render(&[article.clone()])).expect("valid JSON");
        assert!(plain["articles"][0]["findings"][0]
            .get("detected")
            .is_none());
        if let Some(finding) = article.findings.first_mut() {
            finding.detected = Some(Detected {
                lang: "uk".to_string(),
                confidence: 0.97,
            });
        }
        let report: Value = serde_json::from_str(&render(&[article])).expect("valid JSON");
        let detected = &report["articles"][0]["findings"][0]["detected"];
        assert_eq!(detected["lang"], "uk");
        assert_eq!(detected["confidence"], 0.97);
    }

    #[test]
    fn no_articles_still_make_a_complete_report() {
        let report: Value = serde_json::from_str(&render(&[])).expect("valid JSON");
        assert_eq!(report["schema"], "concord/1");
        assert_eq!(array(&report["articles"], "articles").len(), 0);
        assert_eq!(report["summary"]["articles"].as_u64(), Some(0));
    }

    #[test]
    fn an_article_written_deeper_is_the_full_reports_text_for_it() {
        let article = fixtures::budget();
        let report = render(std::slice::from_ref(&article));
        let at_depth_two = render_article(&article, 2);
        assert!(at_depth_two.starts_with("{\n      \"path\": \"samples/budget\""));
        assert!(at_depth_two.ends_with("\n    }"));
        assert!(report.contains(&format!("\"articles\": [\n    {at_depth_two}\n  ]")));
    }

    #[test]
    fn writing_deeper_only_indents_the_lines_after_the_first() {
        let value = serde_json::json!({
            "findings": [],
            "counts": {},
            "spans": [{"lang": "uk", "text": "шість\nсім"}, [1, [2, 3]]],
        });
        let alone = serde_json::to_string_pretty(&value).expect("a JSON value serializes");
        for depth in 0..4 {
            let indented = alone.replace('\n', &format!("\n{}", "  ".repeat(depth)));
            assert_eq!(pretty_at_depth(&value, depth), indented, "depth {depth}");
        }
    }
}
