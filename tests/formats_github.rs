//! `concord check --format github`: GitHub Actions workflow commands, one annotation per
//! finding in the file of the version that disagrees.

use assert_cmd::Command;
use concord::report::github::{escape_data, escape_property};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn concord() -> Command {
    let mut cmd = Command::cargo_bin("concord").unwrap_or_else(|e| panic!("{e}"));
    cmd.env_remove("NO_COLOR")
        .env_remove("CI")
        .current_dir(ROOT);
    cmd
}

fn github(args: &[&str]) -> (Option<i32>, String) {
    let output = concord()
        .args(["check", "--format", "github"])
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8(output.stdout).unwrap_or_else(|e| panic!("not UTF-8: {e}"));
    (output.status.code(), text)
}

#[test]
fn the_sample_with_mistakes_gives_one_annotation_per_finding() {
    let (code, output) = github(&["samples/north-korean-troops-errors"]);
    assert_eq!(code, Some(1), "errors still fail the run");
    let expected = "\
::error file=samples/north-korean-troops-errors/uk.txt,line=13,col=79,title=concord number::uk says several 100 where en and ru say several 1000
::error file=samples/north-korean-troops-errors/ru.txt,line=19,col=1,title=concord missing::ru lacks a paragraph that en and uk have
::error file=samples/north-korean-troops-errors/uk.txt,line=25,col=9,title=concord date::uk says July where en and ru say June
::error file=samples/north-korean-troops-errors/ru.txt,line=27,col=102,title=concord number::ru says 7 where en and uk say 6
";
    assert_eq!(output, expected);
}

#[test]
fn a_clean_article_writes_nothing() {
    let (code, output) = github(&["samples/north-korean-troops"]);
    assert_eq!(code, Some(0));
    assert_eq!(output, "");
}

#[test]
fn fail_on_never_keeps_the_annotations_and_exits_zero() {
    let (code, output) = github(&["--fail-on", "never", "samples/north-korean-troops-errors"]);
    assert_eq!(code, Some(0));
    assert_eq!(output.lines().count(), 4);
    assert!(output.lines().all(|l| l.starts_with("::error file=")));
}

#[test]
fn escaping_follows_the_actions_toolkit() {
    assert_eq!(
        escape_data("ru says 15.3% where en says 13.5%\r\nsee: ¶2, ¶3"),
        "ru says 15.3%25 where en says 13.5%25%0D%0Asee: ¶2, ¶3"
    );
    assert_eq!(
        escape_property("статті/2024: Київ, Харків/100%.txt"),
        "статті/2024%3A Київ%2C Харків/100%25.txt"
    );
    // `%` first: an escaped `:` must not be escaped twice.
    assert_eq!(escape_property("a%3A:b"), "a%253A%3Ab");
}
