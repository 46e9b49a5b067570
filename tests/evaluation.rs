//! The evaluation: clean trilingual articles, each mutated once per entry of
//! `tests/data/eval/mutations.toml` (a real mistake or a legitimate rewrite), checked, and
//! scored. Every real mistake must be found in the right paragraph with the right outlier;
//! every legitimate rewrite and every clean article must produce no finding. Precision and
//! recall per check are printed (`cargo test --test evaluation -- --nocapture`).

use concord::article::{check_documents, CheckOptions, CheckedArticle};
use concord::findings::Finding;
use concord::input::Document;
use concord::paragraphs::{self, Format};
use concord::Lang;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const EVAL_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/eval");

#[derive(Deserialize, Debug, Clone)]
struct Mutation {
    article: String,
    lang: String,
    paragraph: usize,
    op: String,
    #[serde(default)]
    find: String,
    #[serde(default)]
    replace: String,
    expect: String,
    outlier: Option<String>,
    why: String,
}

#[derive(Deserialize)]
struct MutationFile {
    mutation: Vec<Mutation>,
}

/// Raw paragraphs of a plain-text file: blocks separated by blank lines.
fn blocks(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(|b| b.trim().to_string())
        .filter(|b| !b.is_empty())
        .collect()
}

fn read_article(slug: &str) -> BTreeMap<Lang, Vec<String>> {
    Lang::ALL
        .iter()
        .filter_map(|&lang| {
            let path = Path::new(EVAL_DIR).join(slug).join(format!("{lang}.txt"));
            let text = std::fs::read_to_string(&path).ok()?;
            Some((lang, blocks(&text)))
        })
        .collect()
}

fn check(slug: &str, versions: &BTreeMap<Lang, Vec<String>>) -> CheckedArticle {
    let documents = versions
        .iter()
        .map(|(&lang, paragraphs)| Document {
            lang,
            path: PathBuf::from(format!("{slug}/{lang}.txt")),
            encoding: None,
            paragraphs: paragraphs::split(&paragraphs.join("\n\n"), Format::Plain),
        })
        .collect();
    // As the command line runs it: with the built-in glossary.
    let options = CheckOptions {
        glossary: concord::glossary::default_glossary(),
        ..CheckOptions::default()
    };
    check_documents(PathBuf::from(slug), documents, &options)
}

/// Applies one mutation; `Err` describes a mutation that does not fit its article.
fn apply(m: &Mutation, versions: &mut BTreeMap<Lang, Vec<String>>) -> Result<(), String> {
    let lang = Lang::from_code(&m.lang).ok_or(format!("bad lang {}", m.lang))?;
    let paragraphs = versions.get_mut(&lang).ok_or("no such language file")?;
    let index = m
        .paragraph
        .checked_sub(1)
        .ok_or("paragraph numbers are 1-based")?;
    let text = paragraphs.get(index).ok_or("no such paragraph")?.clone();
    let occurrences = text.matches(m.find.as_str()).count();
    match m.op.as_str() {
        "replace" | "split" if occurrences != 1 => {
            return Err(format!("'{}' occurs {occurrences} times", m.find));
        }
        "replace" => paragraphs[index] = text.replacen(&m.find, &m.replace, 1),
        "split" => {
            let at = text.find(&m.find).ok_or("split point not found")?;
            let (head, tail) = text.split_at(at);
            paragraphs[index] = head.trim().to_string();
            paragraphs.insert(index + 1, tail.trim().to_string());
        }
        "merge" => {
            let next = paragraphs
                .get(index + 1)
                .ok_or("no paragraph to merge with")?
                .clone();
            paragraphs[index] = format!("{text} {next}");
            paragraphs.remove(index + 1);
        }
        "drop" => {
            paragraphs.remove(index);
        }
        other => return Err(format!("unknown op {other}")),
    }
    Ok(())
}

/// True when `finding` is the one the mutation should cause.
fn is_expected(m: &Mutation, finding: &Finding) -> bool {
    let Some(lang) = Lang::from_code(&m.lang) else {
        return false;
    };
    if finding.check.id() != m.expect {
        return false;
    }
    let outlier_ok = m.outlier.as_deref().and_then(Lang::from_code) == finding.outlier;
    let place_ok = if m.op == "drop" {
        finding.paragraphs.get(&lang).is_some_and(Vec::is_empty)
    } else {
        finding
            .paragraphs
            .get(&lang)
            .is_some_and(|p| p.contains(&m.paragraph))
    };
    outlier_ok && place_ok
}

/// A finding of another check in the mutated paragraph, blaming the mutated language, when
/// the mutation removed text (a deleted sentence takes its names and figures with it).
fn is_consequence(m: &Mutation, finding: &Finding) -> bool {
    let removes_text = m.op == "replace" && m.replace.is_empty() && m.expect != "none";
    let Some(lang) = Lang::from_code(&m.lang) else {
        return false;
    };
    removes_text
        && finding.outlier == Some(lang)
        && finding
            .paragraphs
            .get(&lang)
            .is_some_and(|p| p.contains(&m.paragraph))
}

#[derive(Default)]
struct Score {
    true_positives: usize,
    false_negatives: usize,
    false_positives: usize,
}

#[test]
fn mutations_are_found_and_legitimate_rewrites_are_not() {
    let file = std::fs::read_to_string(Path::new(EVAL_DIR).join("mutations.toml"))
        .unwrap_or_else(|e| panic!("cannot read mutations.toml: {e}"));
    let mutations: MutationFile =
        toml::from_str(&file).unwrap_or_else(|e| panic!("mutations.toml: {e}"));
    let mut scores: BTreeMap<String, Score> = BTreeMap::new();
    let mut failures = Vec::new();
    let mut consequences = 0;
    for (n, m) in mutations.mutation.iter().enumerate() {
        let mut versions = read_article(&m.article);
        if let Err(why) = apply(m, &mut versions) {
            failures.push(format!(
                "mutation {} ({}) does not apply: {why}",
                n + 1,
                m.why
            ));
            continue;
        }
        let checked = check(&m.article, &versions);
        let mut matched = false;
        for finding in &checked.findings {
            if !matched && is_expected(m, finding) {
                matched = true;
                scores.entry(m.expect.clone()).or_default().true_positives += 1;
            } else if is_consequence(m, finding) {
                // A deleted sentence also deletes the name it held: a true finding, though
                // not the one the mutation is scored for.
                consequences += 1;
            } else {
                scores
                    .entry(finding.check.id().to_string())
                    .or_default()
                    .false_positives += 1;
                failures.push(format!(
                    "mutation {} ({}, {} ¶{}): unexpected {} finding: {}",
                    n + 1,
                    m.why,
                    m.lang,
                    m.paragraph,
                    finding.check.id(),
                    finding.message
                ));
            }
        }
        if m.expect != "none" && !matched {
            scores.entry(m.expect.clone()).or_default().false_negatives += 1;
            failures.push(format!(
                "mutation {} ({}, {} ¶{} '{}' → '{}'): expected {} with outlier {:?}, not found",
                n + 1,
                m.why,
                m.lang,
                m.paragraph,
                m.find,
                m.replace,
                m.expect,
                m.outlier
            ));
        }
    }
    println!(
        "{} mutations ({consequences} further true findings in mutated paragraphs)",
        mutations.mutation.len()
    );
    println!("check        precision  recall   (tp/fp/fn)");
    for (check, s) in &scores {
        let precision =
            s.true_positives as f64 / (s.true_positives + s.false_positives).max(1) as f64;
        let recall = s.true_positives as f64 / (s.true_positives + s.false_negatives).max(1) as f64;
        println!(
            "{check:<12} {precision:>9.3} {recall:>7.3}   ({}/{}/{})",
            s.true_positives, s.false_positives, s.false_negatives
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn clean_articles_produce_no_findings() {
    let mut slugs: Vec<String> = std::fs::read_dir(EVAL_DIR)
        .unwrap_or_else(|e| panic!("{EVAL_DIR}: {e}"))
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    slugs.sort();
    assert!(slugs.len() >= 3, "expected at least three clean articles");
    for slug in slugs {
        let checked = check(&slug, &read_article(&slug));
        let messages: Vec<String> = checked.findings.iter().map(|f| f.message.clone()).collect();
        assert!(messages.is_empty(), "{slug}: {messages:?}");
    }
}
