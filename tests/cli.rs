//! The command line as users and CI pipelines call it: exit codes, bad input, formats.

use assert_cmd::Command;
use predicates::prelude::*;
use std::fs;
use std::path::Path;
use tempfile::TempDir;

const CLEAN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/samples/north-korean-troops");
const ERRORS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/samples/north-korean-troops-errors"
);

fn concord() -> Command {
    let mut cmd = Command::cargo_bin("concord").unwrap_or_else(|e| panic!("{e}"));
    cmd.env_remove("NO_COLOR").env_remove("CI");
    cmd
}

fn article(files: &[(&str, &[u8])]) -> TempDir {
    let dir = TempDir::new().unwrap_or_else(|e| panic!("{e}"));
    for (name, content) in files {
        fs::write(dir.path().join(name), content).unwrap_or_else(|e| panic!("{e}"));
    }
    dir
}

const EN: &[u8] = b"Six officers were killed in early October.\n\nThe ISW said so.\n";
const UK: &[u8] =
    "На початку жовтня загинули шестеро офіцерів.\n\nПро це заявили в ISW.\n".as_bytes();
const RU: &[u8] =
    "В начале октября погибли шестеро офицеров.\n\nОб этом заявили в ISW.\n".as_bytes();

#[test]
fn clean_sample_exits_zero() {
    concord()
        .args(["check", "--color", "never", CLEAN])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("no findings"));
}

#[test]
fn sample_with_mistakes_exits_one_and_names_them() {
    concord()
        .args(["check", "--color", "never", ERRORS])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error[number]"))
        .stdout(predicate::str::contains("error[date]"))
        .stdout(predicate::str::contains("error[missing]"));
}

#[test]
fn fail_on_never_exits_zero_even_with_findings() {
    concord()
        .args(["check", "--fail-on", "never", ERRORS])
        .assert()
        .code(0);
}

#[test]
fn json_report_follows_the_concord_1_schema() {
    let output = concord()
        .args(["check", "--format", "json", ERRORS])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value =
        serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("not JSON: {e}"));
    assert_eq!(json["schema"], "concord/1");
    let article = &json["articles"][0];
    assert_eq!(
        article["languages"]["uk"]["file"]
            .as_str()
            .map(|f| f.ends_with("uk.txt")),
        Some(true)
    );
    let findings = article["findings"]
        .as_array()
        .unwrap_or_else(|| panic!("no findings array"));
    assert!(!findings.is_empty());
    for finding in findings {
        for field in [
            "check",
            "severity",
            "message",
            "outlier",
            "paragraphs",
            "values",
            "spans",
        ] {
            assert!(
                finding.get(field).is_some(),
                "finding lacks {field}: {finding}"
            );
        }
    }
    assert_eq!(json["summary"]["articles"], 1);
}

#[test]
fn files_can_be_named_one_by_one_and_ua_means_uk() {
    let dir = article(&[("a.txt", EN), ("b.txt", UK)]);
    let en = dir.path().join("a.txt");
    let ua = dir.path().join("b.txt");
    concord()
        .arg("check")
        .arg(format!("--file=en={}", en.display()))
        .arg(format!("--file=ua={}", ua.display()))
        .assert()
        .code(0);
}

#[test]
fn two_languages_are_enough() {
    let dir = article(&[("en.txt", EN), ("ru.txt", RU)]);
    concord().arg("check").arg(dir.path()).assert().code(0);
}

#[test]
fn a_changed_number_exits_one() {
    let wrong_ru = "В начале октября погибли семеро офицеров.\n\nОб этом заявили в ISW.\n";
    let dir = article(&[
        ("en.txt", EN),
        ("uk.txt", UK),
        ("ru.txt", wrong_ru.as_bytes()),
    ]);
    concord()
        .args(["check", "--color", "never"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains("ru says 7 where en and uk say 6"));
}

fn fails_with(dir: &Path, message: &str) {
    concord()
        .arg("check")
        .arg(dir)
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains(message));
}

#[test]
fn a_missing_folder_is_bad_input() {
    fails_with(Path::new("/no/such/article"), "/no/such/article");
}

#[test]
fn a_folder_with_one_language_is_bad_input() {
    let dir = article(&[("en.txt", EN), ("README.txt", b"notes")]);
    fails_with(dir.path(), "en");
}

#[test]
fn two_files_for_one_language_are_bad_input() {
    let dir = article(&[("en.txt", EN), ("uk.txt", UK), ("ua.txt", UK)]);
    fails_with(dir.path(), "ua.txt");
}

#[test]
fn an_empty_file_is_bad_input() {
    let dir = article(&[("en.txt", EN), ("uk.txt", b"")]);
    fails_with(dir.path(), "uk.txt");
}

#[test]
fn a_binary_file_is_bad_input_with_its_offset() {
    let dir = article(&[
        ("en.txt", EN),
        ("uk.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
    ]);
    fails_with(dir.path(), "byte");
}

#[test]
fn a_legacy_encoding_is_decoded_and_reported() {
    let (uk_1251, _, _) = encoding_rs::WINDOWS_1251.encode(std::str::from_utf8(UK).unwrap_or(""));
    let dir = article(&[("en.txt", EN), ("uk.txt", &uk_1251), ("ru.txt", RU)]);
    concord()
        .args(["check", "--color", "never"])
        .arg(dir.path())
        .assert()
        .code(0)
        .stdout(predicate::str::contains("windows-1251"));
}

#[test]
fn an_unknown_language_code_is_bad_usage() {
    let dir = article(&[("en.txt", EN), ("uk.txt", UK)]);
    concord()
        .arg("check")
        .arg(format!("--file=de={}", dir.path().join("en.txt").display()))
        .arg(format!("--file=uk={}", dir.path().join("uk.txt").display()))
        .assert()
        .code(2);
}

#[test]
fn an_unreadable_glossary_is_bad_input() {
    concord()
        .args(["check", "--glossary", "/no/such/glossary.toml", CLEAN])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("glossary"));
}

#[test]
fn bad_flags_are_bad_usage() {
    concord()
        .args(["check", "--format", "xml", CLEAN])
        .assert()
        .code(2);
    concord()
        .args(["check", "--source", "de", CLEAN])
        .assert()
        .code(2);
}

#[test]
fn color_follows_the_flag() {
    concord()
        .args(["check", "--color", "always", ERRORS])
        .assert()
        .stdout(predicate::str::contains("\u{1b}["));
    concord()
        .args(["check", "--color", "never", ERRORS])
        .assert()
        .stdout(predicate::str::contains("\u{1b}[").not());
}

#[test]
fn align_shows_the_groups() {
    concord()
        .args(["align", "--color", "never", ERRORS])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("en"));
}

#[test]
fn explain_prints_the_check_documentation() {
    concord()
        .args(["explain", "number"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("## What it does"));
    concord().args(["explain", "nonsense"]).assert().code(2);
}

#[test]
fn glossary_check_validates_the_built_in_glossary_and_rejects_a_bad_one() {
    concord()
        .args(["glossary", "check"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("no problems"));
    let dir = article(&[(
        "bad.toml",
        b"[[term]]\nen = \"Defense Forces\"\nde = \"Verteidigungskraefte\"\n",
    )]);
    concord()
        .args(["glossary", "check"])
        .arg(dir.path().join("bad.toml"))
        .assert()
        .code(2)
        .stdout(predicate::str::contains("bad.toml:3"))
        .stdout(predicate::str::contains("unknown language"));
}

#[test]
fn a_glossary_given_on_the_command_line_replaces_the_built_in_one() {
    let glossary = "[[term]]\nen = \"officers\"\nuk = \"офіцери\"\nru = \"офицеры\"\n";
    let wrong_uk = "На початку жовтня загинули шестеро військових.\n\nПро це заявили в ISW.\n";
    let dir = article(&[
        ("en.txt", EN),
        ("uk.txt", wrong_uk.as_bytes()),
        ("ru.txt", RU),
        ("glossary.toml", glossary.as_bytes()),
    ]);
    concord()
        .args(["check", "--color", "never", "--glossary"])
        .arg(dir.path().join("glossary.toml"))
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error[term]"));
}

#[test]
fn init_writes_a_starter_configuration_once() {
    let dir = article(&[]);
    concord()
        .arg("init")
        .current_dir(dir.path())
        .assert()
        .code(0);
    let written = fs::read_to_string(dir.path().join("concord.toml")).unwrap_or_default();
    assert!(written.contains("[checks]"));
    concord()
        .arg("init")
        .current_dir(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already exists"));
}

#[test]
fn the_configuration_turns_checks_off_and_sets_fail_on() {
    let wrong_ru = "В начале октября погибли семеро офицеров.\n\nОб этом заявили в ISW.\n";
    let dir = article(&[
        ("en.txt", EN),
        ("uk.txt", UK),
        ("ru.txt", wrong_ru.as_bytes()),
    ]);
    let config = dir.path().join("concord.toml");
    fs::write(&config, "[checks]\nnumber = \"warning\"\n").unwrap_or_else(|e| panic!("{e}"));
    // Found in the current folder: the number finding is now a warning, below fail-on.
    concord()
        .args(["check", "--color", "never", "."])
        .current_dir(dir.path())
        .assert()
        .code(0)
        .stdout(predicate::str::contains("warning[number]"));
    // The flag wins over the file.
    concord()
        .args(["check", "--fail-on", "warning", "."])
        .current_dir(dir.path())
        .assert()
        .code(1);
    fs::write(
        &config,
        "fail-on = \"warning\"\n[checks]\nnumber = \"off\"\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    concord()
        .args(["check", "."])
        .current_dir(dir.path())
        .assert()
        .code(0);
}

#[test]
fn a_bad_configuration_is_bad_input_with_its_line() {
    let dir = article(&[("en.txt", EN), ("uk.txt", UK)]);
    let config = dir.path().join("settings.toml");
    fs::write(
        &config,
        "fail-on = \"error\"\n[checks]\nnumbers = \"off\"\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    concord()
        .arg("check")
        .arg("--config")
        .arg(&config)
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("settings.toml:3"))
        .stderr(predicate::str::contains("numbers"));
}

#[test]
fn completions_are_printed_for_each_shell() {
    for shell in ["bash", "zsh", "fish"] {
        concord()
            .args(["completions", shell])
            .assert()
            .code(0)
            .stdout(predicate::str::contains("concord"))
            .stdout(predicate::str::contains("fail-on"));
    }
}

#[test]
fn a_place_replaced_in_english_is_found_through_the_glossary() {
    let dir = article(&[
        (
            "en.txt",
            "The summit between Trump and Kim will take place in Hong Kong on June 12.\n"
                .as_bytes(),
        ),
        (
            "uk.txt",
            "Саміт Трампа і Кіма відбудеться в Сінгапурі 12 червня.\n".as_bytes(),
        ),
        (
            "ru.txt",
            "Саммит Трампа и Кима состоится в Сингапуре 12 июня.\n".as_bytes(),
        ),
    ]);
    concord()
        .args(["check", "--color", "never"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "en says Hong Kong where uk and ru say",
        ));
}
