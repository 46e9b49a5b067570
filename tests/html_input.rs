//! HTML exports of the sample article read like the plain-text versions: same paragraphs,
//! same findings, and positions in the HTML source.

use concord::app::{self, Articles, CheckRequest, OutputFormat};
use concord::paragraphs::{split, Format, Paragraph, Pos};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn texts(paragraphs: &[Paragraph]) -> Vec<&str> {
    paragraphs.iter().map(|p| p.text.as_str()).collect()
}

#[test]
fn html_exports_have_the_paragraphs_of_the_text_files() {
    for sample in ["north-korean-troops", "north-korean-troops-errors"] {
        for lang in ["en", "uk", "ru"] {
            let plain = split(
                &read(&format!("samples/{sample}/{lang}.txt")),
                Format::Plain,
            );
            let html = split(
                &read(&format!("tests/data/html/{sample}/{lang}.html")),
                Format::Html,
            );
            assert_eq!(texts(&html), texts(&plain), "{sample}/{lang}");
            for paragraph in &html {
                assert_eq!(paragraph.origins.len(), paragraph.text.chars().count());
            }
        }
    }
}

fn findings(folder: &str) -> Vec<Value> {
    let outcome = app::check(&CheckRequest {
        articles: Articles {
            paths: vec![PathBuf::from(folder)],
            ..Articles::default()
        },
        format: OutputFormat::Json,
        ..CheckRequest::default()
    })
    .unwrap_or_else(|e| panic!("{folder}: {e}"));
    let report: Value = serde_json::from_str(&outcome.output).expect("JSON report");
    report["articles"][0]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            serde_json::json!({
                "check": f["check"],
                "message": f["message"],
                "outlier": f["outlier"],
                "values": f["values"],
                "paragraphs": f["paragraphs"],
            })
        })
        .collect()
}

#[test]
fn the_clean_html_article_has_no_findings() {
    assert_eq!(
        findings("tests/data/html/north-korean-troops"),
        Vec::<Value>::new()
    );
}

#[test]
fn the_html_article_with_mistakes_has_the_findings_of_the_text_files() {
    let html = findings("tests/data/html/north-korean-troops-errors");
    assert_eq!(html.len(), 4);
    assert_eq!(html, findings("samples/north-korean-troops-errors"));
}

/// The character of `source` at a 1-based line and column.
fn char_at(source: &str, pos: Pos) -> Option<char> {
    source
        .lines()
        .nth(pos.line - 1)?
        .chars()
        .nth(pos.column - 1)
}

#[test]
fn origins_point_into_the_html_source() {
    let path = Path::new("tests/data/html/north-korean-troops/en.html");
    let source = read(path.to_str().unwrap());
    let paragraphs = split(&source, Format::Html);
    // Paragraph 4: a <strong> lead, a line-wrapped body and a link.
    let lead = &paragraphs[3];
    assert!(lead
        .text
        .starts_with("North Korean soldiers are fighting in Ukraine. Some"));
    assert_eq!(
        lead.position(0),
        Pos {
            line: 20,
            column: 14
        }
    );
    let isw = lead.text.find("ISW").unwrap();
    assert_eq!(
        lead.position(isw),
        Pos {
            line: 22,
            column: 97
        }
    );
    // Paragraph 7: `&#8217;` and `&nbsp;` inside a wrapped paragraph.
    let troops = &paragraphs[6];
    let apostrophe = troops.text.find("'s border").unwrap();
    let apostrophe = troops.text[..apostrophe].chars().count();
    assert_eq!(troops.text.chars().nth(apostrophe), Some('\''));
    assert_eq!(
        troops.position(apostrophe),
        Pos {
            line: 31,
            column: 49
        }
    );
    assert_eq!(char_at(&source, troops.position(apostrophe)), Some('&'));
    let year = troops.text.find("2024 or").unwrap();
    assert_eq!(
        troops.position(year),
        Pos {
            line: 31,
            column: 27
        }
    );
    assert_eq!(
        troops.position(year + 4),
        Pos {
            line: 31,
            column: 31
        }
    );
    // Every character that is not an entity or collapsed whitespace is itself in the source.
    for paragraph in &paragraphs {
        for (c, pos) in paragraph.text.chars().zip(&paragraph.origins) {
            let source_char = char_at(&source, *pos);
            if c != ' ' && c != '\'' && c != '"' {
                assert_eq!(source_char, Some(c), "{c:?} at {pos:?}");
            }
        }
    }
}
