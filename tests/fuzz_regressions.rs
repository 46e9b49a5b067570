//! Replays every input stored under `tests/data/fuzz/<target>/` through the code the fuzz
//! target of that name runs (`fuzz/harness.rs`, shared with the targets): the inputs that
//! once crashed a target, and a few from each target's corpus. Runs on stable, without
//! cargo-fuzz; see the README's "Fuzzing" section for running the fuzzers themselves.

#[path = "../fuzz/harness.rs"]
mod harness;

use std::path::{Path, PathBuf};

/// The stored inputs of one target, sorted by name.
fn inputs(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/fuzz")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
    files.sort();
    files
}

/// Runs `run` on every stored input of `target`; a panic names the input that caused it.
fn replay(target: &str, run: fn(&[u8])) {
    let files = inputs(target);
    assert!(!files.is_empty(), "no stored inputs for {target}");
    for file in files {
        let data =
            std::fs::read(&file).unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()));
        let outcome = std::panic::catch_unwind(|| run(&data));
        assert!(outcome.is_ok(), "{target} panicked on {}", file.display());
    }
}

#[test]
fn split_txt() {
    replay("split_txt", harness::split_txt);
}

#[test]
fn split_markdown() {
    replay("split_markdown", harness::split_markdown);
}

#[test]
fn split_html() {
    replay("split_html", harness::split_html);
}

#[test]
fn decode() {
    replay("decode", harness::decode);
}

#[test]
fn numbers() {
    replay("numbers", harness::numbers);
}

#[test]
fn dates() {
    replay("dates", harness::dates);
}

#[test]
fn names() {
    replay("names", harness::names);
}

#[test]
fn language() {
    replay("language", harness::language);
}

#[test]
fn alignment() {
    replay("alignment", harness::alignment);
}

#[test]
fn glossary() {
    replay("glossary", harness::glossary);
}

#[test]
fn check_article() {
    replay("check_article", harness::check_article);
}

/// The invariants the replays rely on do reject broken output.
#[test]
#[should_panic(expected = "paragraphs left out of the alignment")]
fn groups_that_drop_a_paragraph_are_rejected() {
    let groups = [concord::alignment::Group {
        members: vec![vec![0], vec![0]],
    }];
    harness::check_groups(&[2, 1], &groups);
}

#[test]
#[should_panic(expected = "outside its line")]
fn an_origin_past_the_end_of_its_line_is_rejected() {
    use concord::paragraphs::{Paragraph, Pos};
    let text = "Уряд ухвалив бюджет.";
    let mut origins: Vec<Pos> = (1..=text.chars().count())
        .map(|column| Pos { line: 1, column })
        .collect();
    if let Some(last) = origins.last_mut() {
        last.column = 40;
    }
    let paragraph = Paragraph {
        number: 1,
        text: text.to_string(),
        origins,
    };
    harness::check_paragraphs(text, &[paragraph]);
}
