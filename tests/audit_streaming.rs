//! Reports written one article at a time are the reports rendered all at once.

use concord::article::{self, CheckOptions};
use concord::audit::{self, AuditOptions, Render, Target, TargetSource};
use concord::input::{article_in_folder, ReadOptions};
use concord::report::{self, TextOptions};
use std::path::PathBuf;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn folders() -> Vec<PathBuf> {
    [
        "samples/north-korean-troops-errors",
        "tests/data/eval/nbu-key-rate",
        "samples/north-korean-troops",
    ]
    .iter()
    .map(|f| PathBuf::from(ROOT).join(f))
    .collect()
}

fn options(render: Render, archive: bool) -> AuditOptions<'static> {
    AuditOptions {
        check: CheckOptions {
            source: None,
            read: ReadOptions::default(),
            glossary: concord::glossary::default_glossary(),
            name_matching: Default::default(),
        },
        render,
        baseline: None,
        record_baseline: false,
        archive,
        config: &NO_CONFIG,
    }
}

static NO_CONFIG: concord::config::Config = concord::config::Config {
    path: None,
    source: None,
    fail_on: None,
    glossaries: Vec::new(),
    exclude: Vec::new(),
    name_matching: None,
    checks: std::collections::BTreeMap::new(),
    max_file_size: None,
};

fn streamed(options: &AuditOptions) -> String {
    let targets: Vec<Target> = folders()
        .into_iter()
        .map(|path| Target {
            key: concord::baseline::article_key(&path, None),
            path,
            source: TargetSource::Folder,
        })
        .collect();
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let audited = audit::run(&targets, options, &mut out, None, &mut |e| {
        errors.push(e.to_string())
    })
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(audited.summary.articles, 3);
    String::from_utf8(out).unwrap_or_else(|e| panic!("{e}"))
}

fn checked() -> Vec<article::CheckedArticle> {
    let options = options(Render::Json, false).check;
    folders()
        .iter()
        .map(|f| {
            let source = article_in_folder(f).unwrap_or_else(|e| panic!("{e}"));
            article::check(&source, &options).unwrap_or_else(|e| panic!("{e}"))
        })
        .collect()
}

#[test]
fn streamed_json_is_the_rendered_json_byte_for_byte() {
    let all = report::json::render(&checked());
    assert!(all.contains("\"number\""), "the sample has findings");
    assert_eq!(streamed(&options(Render::Json, false)), all);
}

#[test]
fn streamed_text_is_the_rendered_text_byte_for_byte() {
    let text_options = TextOptions::default();
    let all = report::text::render(&checked(), &text_options);
    assert!(all.contains("error[date]"));
    assert_eq!(streamed(&options(Render::Text(text_options), false)), all);
}

#[test]
fn an_archive_report_only_adds_to_the_summary() {
    let all: serde_json::Value =
        serde_json::from_str(&report::json::render(&checked())).unwrap_or_else(|e| panic!("{e}"));
    let archive: serde_json::Value = serde_json::from_str(&streamed(&options(Render::Json, true)))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(archive["articles"], all["articles"]);
    for field in ["articles", "errors", "warnings", "notes"] {
        assert_eq!(archive["summary"][field], all["summary"][field], "{field}");
    }
    assert_eq!(archive["summary"]["input_errors"], 0);
    assert_eq!(archive["summary"]["by_check"]["date"]["error"], 1);
    assert_eq!(archive["errors"], serde_json::json!([]));
}
