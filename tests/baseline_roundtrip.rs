//! `--write-baseline` then `--baseline`: known findings stay quiet through paragraph
//! renumbering, new ones are reported and fail the run.

use assert_cmd::Command;
use std::fs;
use std::path::Path;
use tempfile::TempDir;

const ERRORS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/samples/north-korean-troops-errors"
);

fn concord(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("concord").unwrap_or_else(|e| panic!("{e}"));
    cmd.env_remove("NO_COLOR").env_remove("CI").current_dir(dir);
    cmd
}

/// A copy of the sample with four planted mistakes in `DIR/article`.
fn workspace() -> TempDir {
    let dir = TempDir::new().unwrap_or_else(|e| panic!("{e}"));
    let article = dir.path().join("article");
    fs::create_dir(&article).unwrap_or_else(|e| panic!("{e}"));
    for lang in ["en", "uk", "ru"] {
        let file = format!("{lang}.txt");
        fs::copy(Path::new(ERRORS).join(&file), article.join(&file))
            .unwrap_or_else(|e| panic!("{e}"));
    }
    dir
}

fn edit(dir: &Path, lang: &str, change: impl FnOnce(String) -> String) {
    let path = dir.join("article").join(format!("{lang}.txt"));
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
    fs::write(&path, change(text)).unwrap_or_else(|e| panic!("{e}"));
}

fn json_check(dir: &Path, extra: &[&str]) -> (Option<i32>, serde_json::Value, String) {
    let output = concord(dir)
        .args(["check", "--format", "json", "article"])
        .args(extra)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let report = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}",
            String::from_utf8_lossy(&output.stdout)
        )
    });
    (
        output.status.code(),
        report,
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn findings(report: &serde_json::Value) -> Vec<serde_json::Value> {
    report["articles"][0]["findings"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

#[test]
fn known_findings_stay_suppressed_and_new_ones_fail() {
    let dir = workspace();
    let root = dir.path();

    let written = concord(root)
        .args(["check", "article", "--write-baseline", "baseline.json"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        written.status.code(),
        Some(0),
        "writing accepts the findings"
    );
    assert!(String::from_utf8_lossy(&written.stdout).contains("4 errors in 1 article"));
    assert!(String::from_utf8_lossy(&written.stderr).contains("wrote 4 findings to baseline.json"));
    let baseline = fs::read_to_string(root.join("baseline.json")).unwrap_or_else(|e| panic!("{e}"));
    let file: serde_json::Value = serde_json::from_str(&baseline).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(file["schema"], "concord-baseline/1");
    let entries = file["findings"].as_array().cloned().unwrap_or_default();
    let checks: Vec<&str> = entries.iter().filter_map(|e| e["check"].as_str()).collect();
    assert_eq!(
        checks,
        ["date", "missing", "number", "number"],
        "sorted by check"
    );
    assert!(entries.iter().all(|e| e["article"] == "article"));
    assert!(
        !baseline.contains("\"line\"") && !baseline.contains("\"paragraph"),
        "no positions: {baseline}"
    );
    let missing = &entries[1];
    assert_eq!(missing["outlier"], "ru");
    assert_eq!(
        missing["context"][0],
        "en However, these scenarios could aid"
    );

    let (code, report, _) = json_check(root, &["--baseline", "baseline.json"]);
    assert_eq!(code, Some(0));
    assert!(findings(&report).is_empty(), "{report}");
    assert_eq!(report["summary"]["suppressed"], 4);
    assert_eq!(report["summary"]["errors"], 0);

    // A new first paragraph, the same in every version, moves every finding down one.
    edit(root, "en", |t| {
        format!("Updated with comments from analysts.\n\n{t}")
    });
    edit(root, "uk", |t| {
        format!("Оновлено з коментарями аналітиків.\n\n{t}")
    });
    edit(root, "ru", |t| {
        format!("Обновлено с комментариями аналитиков.\n\n{t}")
    });
    let (code, unfiltered, _) = json_check(root, &[]);
    assert_eq!(code, Some(1));
    let seven = findings(&unfiltered)
        .into_iter()
        .find(|f| f["values"]["ru"][0] == "7")
        .unwrap_or_else(|| panic!("the planted 7: {unfiltered}"));
    assert_eq!(seven["paragraphs"]["ru"][0], 15, "renumbered from 14");
    let (code, report, _) = json_check(root, &["--baseline", "baseline.json"]);
    assert_eq!(code, Some(0), "{report}");
    assert!(findings(&report).is_empty(), "{report}");
    assert_eq!(report["summary"]["suppressed"], 4);

    // A new mistake is the only finding reported.
    edit(root, "ru", |t| {
        t.replace("до конца 2024 года", "до конца 2025 года")
    });
    let (code, report, _) = json_check(root, &["--baseline", "baseline.json"]);
    assert_eq!(code, Some(1));
    let new = findings(&report);
    assert_eq!(new.len(), 1, "{report}");
    assert_eq!(new[0]["outlier"], "ru");
    assert!(
        new[0]["values"]["ru"].to_string().contains("2025"),
        "{}",
        new[0]
    );
    assert_eq!(report["summary"]["suppressed"], 4);
    assert_eq!(report["summary"]["errors"], 1);

    let text = concord(root)
        .args(["check", "article", "--baseline", "baseline.json"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(text.status.code(), Some(1));
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("2025"), "{text}");
    assert!(text.contains("1 error in 1 article"), "{text}");
    assert!(
        text.ends_with("4 findings suppressed by the baseline\n"),
        "{text}"
    );
}

#[test]
fn writing_a_baseline_replaces_the_file_and_leaves_no_temporary() {
    let dir = workspace();
    let root = dir.path();
    fs::write(root.join("baseline.json"), "old and broken").unwrap_or_else(|e| panic!("{e}"));
    concord(root)
        .args(["check", "article", "--write-baseline", "baseline.json"])
        .assert()
        .code(0);
    let baseline = fs::read_to_string(root.join("baseline.json")).unwrap_or_else(|e| panic!("{e}"));
    assert!(baseline.starts_with("{\n  \"schema\": \"concord-baseline/1\""));
    let mut names: Vec<String> = fs::read_dir(root)
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["article", "baseline.json"]);

    // The same findings give the same file, byte for byte: a re-run shows no diff in review.
    concord(root)
        .args(["check", "article", "--write-baseline", "baseline.json"])
        .assert()
        .code(0);
    let again = fs::read_to_string(root.join("baseline.json")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(baseline, again);

    // A folder that does not exist: bad input, and nothing is left behind.
    concord(root)
        .args([
            "check",
            "article",
            "--write-baseline",
            "no-such-folder/baseline.json",
        ])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("cannot write the baseline"));
    assert!(!root.join("no-such-folder").exists());
}

#[test]
fn a_missing_or_foreign_baseline_is_bad_input() {
    let dir = workspace();
    let root = dir.path();
    concord(root)
        .args(["check", "article", "--baseline", "nowhere.json"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicates::str::contains("cannot read the baseline"));
    let report = concord(root)
        .args(["check", "--format", "json", "article"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    fs::write(root.join("report.json"), &report.stdout).unwrap_or_else(|e| panic!("{e}"));
    concord(root)
        .args(["check", "article", "--baseline", "report.json"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicates::str::contains("not a concord baseline"));
}
