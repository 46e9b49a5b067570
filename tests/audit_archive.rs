//! `concord check ARCHIVE`: every article folder below a folder, checked in parallel,
//! reported in path order, broken articles reported without stopping the audit.

use assert_cmd::Command;
use std::fs;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn concord() -> Command {
    let mut cmd = Command::cargo_bin("concord").unwrap_or_else(|e| panic!("{e}"));
    cmd.env_remove("NO_COLOR").env_remove("CI");
    cmd
}

/// Blank-line separated blocks of a file.
fn blocks(path: &Path) -> Vec<String> {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.split("\n\n")
        .map(|b| b.trim().to_string())
        .filter(|b| !b.is_empty())
        .collect()
}

/// A short article: the title and two paragraphs of a real one (blocks picked per source,
/// skipping photo captions and bylines).
struct Source {
    folder: &'static str,
    picked: [usize; 3],
}

const SOURCES: [Source; 4] = [
    Source {
        folder: "samples/north-korean-troops",
        picked: [0, 3, 4],
    },
    Source {
        folder: "tests/data/eval/energy-attack",
        picked: [0, 1, 2],
    },
    Source {
        folder: "tests/data/eval/grain-exports",
        picked: [0, 1, 2],
    },
    Source {
        folder: "tests/data/eval/nbu-key-rate",
        picked: [0, 1, 2],
    },
];

const PER_SOURCE: usize = 250;
/// Every this many articles, ru gets the evacuation count wrong.
const PLANT_EVERY: usize = 40;

/// The added paragraph that varies from article to article. Counts end in 5 so that "людей"
/// and "человек" stay grammatical.
fn evacuated(lang: &str, count: usize) -> String {
    match lang {
        "en" => format!("Officials said {count} people were evacuated from the area."),
        "uk" => format!("За словами посадовців, з району евакуювали {count} людей."),
        _ => format!("По словам чиновников, из района эвакуировали {count} человек."),
    }
}

struct Generated {
    dir: TempDir,
    planted: Vec<PathBuf>,
    articles: usize,
}

/// 1,000 short articles in `SOURCE/BATCH/NUMBER` folders, 25 with a planted number
/// mistake, plus an article with an empty file and a folder with one language.
fn archive() -> Generated {
    let dir = TempDir::new().unwrap_or_else(|e| panic!("{e}"));
    let mut planted = Vec::new();
    let mut articles = 0;
    for source in &SOURCES {
        let name = Path::new(source.folder)
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("article");
        let texts: Vec<(&str, Vec<String>)> = ["en", "uk", "ru"]
            .into_iter()
            .map(|lang| {
                let all = blocks(
                    &Path::new(ROOT)
                        .join(source.folder)
                        .join(format!("{lang}.txt")),
                );
                let picked = source.picked.iter().map(|&i| all[i].clone()).collect();
                (lang, picked)
            })
            .collect();
        for i in 0..PER_SOURCE {
            let folder = dir
                .path()
                .join(name)
                .join(format!("{:02}", i / 50))
                .join(format!("{i:04}"));
            fs::create_dir_all(&folder).unwrap_or_else(|e| panic!("{e}"));
            let plant = articles % PLANT_EVERY == 7;
            if plant {
                planted.push(folder.clone());
            }
            for (lang, picked) in &texts {
                let count = 10 * (articles + 1) + 5;
                let count = if plant && *lang == "ru" {
                    count + 2
                } else {
                    count
                };
                let mut text = picked.join("\n\n");
                text.push_str("\n\n");
                text.push_str(&evacuated(lang, count));
                text.push('\n');
                fs::write(folder.join(format!("{lang}.txt")), text)
                    .unwrap_or_else(|e| panic!("{e}"));
            }
            articles += 1;
        }
    }
    let empty = dir.path().join("broken/empty-file");
    fs::create_dir_all(&empty).unwrap_or_else(|e| panic!("{e}"));
    fs::write(empty.join("en.txt"), "Six officers were killed.\n")
        .unwrap_or_else(|e| panic!("{e}"));
    fs::write(empty.join("uk.txt"), "").unwrap_or_else(|e| panic!("{e}"));
    let lonely = dir.path().join("broken/one-language");
    fs::create_dir_all(&lonely).unwrap_or_else(|e| panic!("{e}"));
    fs::write(lonely.join("uk.txt"), "Загинули шестеро офіцерів.\n")
        .unwrap_or_else(|e| panic!("{e}"));
    fs::write(lonely.join("notes.txt"), "translations pending\n").unwrap_or_else(|e| panic!("{e}"));
    Generated {
        dir,
        planted,
        articles,
    }
}

fn run(archive: &Path, threads: &str, format: &str) -> std::process::Output {
    concord()
        .env("RAYON_NUM_THREADS", threads)
        .args(["check", "--format", format])
        .arg(archive)
        .output()
        .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn a_large_archive_is_audited_in_order_whatever_the_threads() {
    let generated = archive();
    let root = generated.dir.path();
    assert_eq!(generated.articles, 1000);
    assert_eq!(generated.planted.len(), 25);

    let json = run(root, "4", "json");
    assert_eq!(
        json.status.code(),
        Some(2),
        "broken articles make it exit 2"
    );
    let report: serde_json::Value =
        serde_json::from_slice(&json.stdout).unwrap_or_else(|e| panic!("not JSON: {e}"));
    assert_eq!(report["schema"], "concord/1");
    let summary = &report["summary"];
    assert_eq!(summary["articles"], 1000);
    assert_eq!(summary["input_errors"], 2);
    assert_eq!(summary["errors"], 25, "{summary}");
    assert_eq!(summary["warnings"], 0, "{summary}");
    assert_eq!(summary["by_check"]["number"]["error"], 25);
    assert_eq!(summary["by_check"]["date"]["error"], 0);

    let articles = report["articles"]
        .as_array()
        .unwrap_or_else(|| panic!("articles"));
    assert_eq!(articles.len(), 1000);
    let paths: Vec<&str> = articles.iter().filter_map(|a| a["path"].as_str()).collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted, "articles come in path order");
    let with_findings: Vec<PathBuf> = articles
        .iter()
        .filter(|a| a["findings"].as_array().is_some_and(|f| !f.is_empty()))
        .filter_map(|a| a["path"].as_str().map(PathBuf::from))
        .collect();
    let mut planted = generated.planted.clone();
    planted.sort();
    assert_eq!(with_findings, planted);
    let first = &articles
        .iter()
        .find(|a| a["path"].as_str() == generated.planted[0].to_str())
        .unwrap_or_else(|| panic!("planted article"))["findings"][0];
    assert_eq!(first["check"], "number");
    assert_eq!(first["outlier"], "ru");
    assert_eq!(first["values"]["en"][0], "85");
    assert_eq!(first["values"]["ru"][0], "87");

    let errors = report["errors"]
        .as_array()
        .unwrap_or_else(|| panic!("errors"));
    let broken: Vec<&str> = errors.iter().filter_map(|e| e["path"].as_str()).collect();
    let expected_broken = [
        root.join("broken/empty-file"),
        root.join("broken/one-language"),
    ];
    assert_eq!(
        broken,
        expected_broken
            .iter()
            .map(|p| p.to_str().unwrap_or_default())
            .collect::<Vec<_>>()
    );
    assert!(errors[0]["message"]
        .as_str()
        .is_some_and(|m| m.contains("uk.txt") && m.contains("file is empty")));
    assert!(errors[1]["message"]
        .as_str()
        .is_some_and(|m| m.contains("only uk.txt was found")));
    let stderr = String::from_utf8_lossy(&json.stderr);
    assert_eq!(stderr.matches("concord: error: ").count(), 2, "{stderr}");
    assert_eq!(summary["most_errors"].as_array().map(Vec::len), Some(10));

    let one = run(root, "1", "text");
    let four = run(root, "4", "text");
    assert_eq!(one.status.code(), Some(2));
    assert_eq!(four.status.code(), Some(2));
    assert!(
        one.stdout == four.stdout,
        "text reports differ between 1 and 4 threads"
    );
    assert_eq!(one.stderr, four.stderr);
    let text = String::from_utf8_lossy(&four.stdout);
    assert_eq!(text.matches("error[number]: ru says").count(), 25);
    assert!(
        text.contains("25 errors in 1000 articles"),
        "{}",
        &text[text.len().saturating_sub(3000)..]
    );
    let overview: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("articles checked") || l.contains("input errors"))
        .collect();
    assert_eq!(overview.len(), 2, "{text}");
    assert!(overview[0].contains("1000") && overview[1].contains(" 2 "));
}

#[test]
fn an_archive_without_broken_articles_exits_on_its_findings() {
    let dir = TempDir::new().unwrap_or_else(|e| panic!("{e}"));
    for (name, source) in [
        ("clean", "samples/north-korean-troops"),
        ("errors", "samples/north-korean-troops-errors"),
    ] {
        let folder = dir.path().join("2024").join(name);
        fs::create_dir_all(&folder).unwrap_or_else(|e| panic!("{e}"));
        for lang in ["en", "uk", "ru"] {
            let file = format!("{lang}.txt");
            fs::copy(Path::new(ROOT).join(source).join(&file), folder.join(&file))
                .unwrap_or_else(|e| panic!("{e}"));
        }
    }
    let output = run(dir.path(), "2", "text");
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stderr.is_empty());
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("4 errors in 2 articles"), "{text}");
    let most = text
        .lines()
        .find(|l| l.contains("2024/errors") && l.contains('┆'))
        .unwrap_or_else(|| panic!("the most-errors table names the article:\n{text}"));
    let cells: Vec<&str> = most.split(['│', '┆']).map(str::trim).collect();
    assert_eq!(cells.get(2..5), Some(&["4", "0", "0"][..]), "{most}");

    let output = concord()
        .args(["check", "--fail-on", "never"])
        .arg(dir.path())
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(output.status.code(), Some(0));
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_reported_and_the_rest_is_checked() {
    let dir = TempDir::new().unwrap_or_else(|e| panic!("{e}"));
    let article = dir.path().join("news/isw");
    fs::create_dir_all(&article).unwrap_or_else(|e| panic!("{e}"));
    fs::write(
        article.join("en.txt"),
        "Six officers were killed in early October.\n\nThe ISW said so.\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    fs::write(
        article.join("uk.txt"),
        "На початку жовтня загинули шестеро офіцерів.\n\nПро це заявили в ISW.\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    std::os::unix::fs::symlink(dir.path(), dir.path().join("news/back-to-the-top"))
        .unwrap_or_else(|e| panic!("{e}"));
    let output = concord()
        .args(["check", "--format", "json"])
        .arg(dir.path())
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(output.status.code(), Some(2));
    let report: serde_json::Value =
        serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("not JSON: {e}"));
    assert_eq!(report["summary"]["articles"], 1);
    assert_eq!(report["summary"]["errors"], 0);
    assert_eq!(
        report["articles"][0]["path"],
        article.to_string_lossy().as_ref()
    );
    let loop_path = dir.path().join("news/back-to-the-top");
    assert_eq!(
        report["errors"][0]["path"],
        loop_path.to_string_lossy().as_ref()
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("symbolic link loop"), "{stderr}");
}

#[test]
fn an_article_folder_is_still_checked_alone() {
    // A folder with language files is an article even when it has subfolders: the single
    // article report, without the audit's tables.
    let dir = TempDir::new().unwrap_or_else(|e| panic!("{e}"));
    for lang in ["en", "uk", "ru"] {
        let file = format!("{lang}.txt");
        fs::copy(
            Path::new(ROOT)
                .join("samples/north-korean-troops")
                .join(&file),
            dir.path().join(&file),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    }
    fs::create_dir_all(dir.path().join("drafts")).unwrap_or_else(|e| panic!("{e}"));
    fs::write(dir.path().join("drafts/en.txt"), "").unwrap_or_else(|e| panic!("{e}"));
    let output = run(dir.path(), "2", "text");
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.starts_with("no findings in 1 article"), "{text}");
    assert!(!text.contains("articles checked"), "{text}");
}
