//! The language checks (`untranslated`, `wrong-language`, and the dropped-sentence warning of
//! `missing`) stay silent on correct translations: the samples, the clean evaluation
//! articles and the 123 NTREX-128 documents (real professional translations).

use concord::article::{check, CheckOptions};
use concord::findings::{Check, Finding, Severity};
use concord::input::discover;
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn article_dirs(root: &Path) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root)
        .unwrap_or_else(|e| panic!("{root:?}: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

fn is_language_finding(finding: &Finding) -> bool {
    matches!(finding.check, Check::Untranslated | Check::WrongLanguage)
        || (finding.check == Check::Missing && finding.severity == Severity::Warning)
}

/// The language findings of an article folder, as "dir: message" lines.
fn language_findings(dir: &Path) -> Vec<String> {
    let source = discover::article_in_folder(dir).unwrap_or_else(|e| panic!("{e}"));
    let checked = check(&source, &CheckOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    checked
        .findings
        .iter()
        .filter(|f| is_language_finding(f))
        .map(|f| format!("{}: {}", dir.display(), f.message))
        .collect()
}

#[test]
fn clean_samples_and_evaluation_articles_have_no_language_findings() {
    let mut dirs = vec![Path::new(ROOT).join("samples/north-korean-troops")];
    dirs.extend(article_dirs(&Path::new(ROOT).join("tests/data/eval")));
    assert!(dirs.len() >= 5);
    let found: Vec<String> = dirs.iter().flat_map(|d| language_findings(d)).collect();
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn ntrex_real_translations_have_no_language_findings() {
    let dirs = article_dirs(&Path::new(ROOT).join("tests/data/ntrex128/docs"));
    assert_eq!(dirs.len(), 123);
    let found: Vec<String> = dirs.iter().flat_map(|d| language_findings(d)).collect();
    println!("NTREX-128: {} language findings", found.len());
    assert!(found.is_empty(), "{}", found.join("\n"));
}
