//! The HTML report in a real browser (headless Chromium): hostile article text must not run,
//! the report's own script must, and a normal report must render. Skipped, with a message,
//! where Chromium is not installed (`apt-get install -y chromium` provides /usr/bin/chromium;
//! `CONCORD_CHROMIUM` names another binary).

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};
use tempfile::TempDir;

fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("CONCORD_CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    if path.exists() {
        Some(path)
    } else {
        eprintln!(
            "skipped: no Chromium at {} (apt-get install -y chromium)",
            path.display()
        );
        None
    }
}

/// Runs headless Chromium on a file with extra arguments; its standard output.
fn run_chromium(browser: &Path, page: &Path, args: &[String]) -> String {
    let profile = TempDir::new().expect("profile folder");
    let output_file = profile.path().join("stdout");
    let stdout = std::fs::File::create(&output_file).expect("stdout file");
    let mut child = std::process::Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .stdout(stdout)
        .stderr(Stdio::null())
        .spawn()
        .expect("Chromium starts");
    let started = Instant::now();
    loop {
        match child.try_wait().expect("Chromium can be waited for") {
            Some(status) => {
                assert!(status.success(), "Chromium failed: {status}");
                break;
            }
            None if started.elapsed() > Duration::from_secs(120) => {
                let _ = child.kill();
                panic!("Chromium did not finish in 120 s");
            }
            None => std::thread::sleep(Duration::from_millis(100)),
        }
    }
    std::fs::read_to_string(&output_file).expect("Chromium output")
}

fn html_report(folder: &Path) -> String {
    let output = Command::cargo_bin("concord")
        .expect("binary")
        .args(["check", "--format", "html", "--fail-on", "never"])
        .arg(folder)
        .output()
        .expect("concord runs");
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).expect("UTF-8 report")
}

const SCRIPT_TAG: &str = "<script>document.title='pwned'</script>";
const IMG_TAG: &str = "<img src=x onerror=\"document.title='pwned'\">";

#[test]
fn hostile_article_text_does_not_run_in_the_browser() {
    let Some(browser) = chromium() else { return };
    let root = TempDir::new().expect("temp folder");
    // The folder name is shown too.
    let article = root.path().join("<img src=x onerror=alert(1)>");
    std::fs::create_dir(&article).expect("article folder");
    std::fs::write(
        article.join("en.txt"),
        format!("Six people died in Kharkiv {SCRIPT_TAG} on Saturday, officials said.\n\nThe mayor {IMG_TAG} said 38 were injured.\n"),
    )
    .unwrap();
    std::fs::write(
        article.join("uk.txt"),
        format!("У суботу в Харкові загинули шестеро людей {SCRIPT_TAG}, повідомили посадовці.\n\nМер {IMG_TAG} заявив, що 38 людей поранені.\n"),
    )
    .unwrap();
    // An HTML export whose entities decode to markup-looking text.
    std::fs::write(
        article.join("ru.html"),
        "<article><p>В субботу в Харькове погибли семеро человек &lt;script&gt;document.title='pwned'&lt;/script&gt;, сообщили чиновники.</p>\n<p>Мэр &lt;img src=x onerror=\"document.title='pwned'\"&gt; заявил, что 38 человек ранены.</p></article>\n",
    )
    .unwrap();
    let report = html_report(&article);
    assert!(
        report.contains("ru says 7 where en and uk say 6"),
        "{report}"
    );
    let page = root.path().join("report.html");
    std::fs::write(&page, &report).unwrap();

    let dom = run_chromium(
        &browser,
        &page,
        &[
            "--virtual-time-budget=3000".to_string(),
            "--dump-dom".to_string(),
        ],
    );
    assert!(dom.contains("<title>concord report</title>"), "{dom}");
    assert!(!dom.contains("pwned</title>"), "an injected script ran");
    // The report's own script ran under the CSP (it marks the page).
    assert!(
        dom.contains("data-script=\"ran\""),
        "the filter script did not run"
    );
    assert!(!dom.contains("<img"), "an injected element was built");
    // The markup is there as text, escaped again when Chromium serializes the DOM.
    assert!(
        dom.contains("&lt;script&gt;document.title='pwned'&lt;/script&gt;"),
        "{dom}"
    );
    assert!(dom.contains("&lt;img src=x onerror=\"document.title='pwned'\"&gt;"));
    assert_eq!(
        dom.matches("<script").count(),
        1,
        "only the report's script"
    );
}

/// PNG width and height from the IHDR chunk.
fn png_size(png: &[u8]) -> Option<(u32, u32)> {
    if png.get(..8)? != b"\x89PNG\r\n\x1a\n" || png.get(12..16)? != b"IHDR" {
        return None;
    }
    let width = u32::from_be_bytes(png.get(16..20)?.try_into().ok()?);
    let height = u32::from_be_bytes(png.get(20..24)?.try_into().ok()?);
    Some((width, height))
}

#[test]
fn a_normal_report_renders_to_a_screenshot() {
    let Some(browser) = chromium() else { return };
    let report = html_report(Path::new("samples/north-korean-troops-errors"));
    let folder = Path::new(env!("CARGO_TARGET_TMPDIR")).join("html-report");
    std::fs::create_dir_all(&folder).unwrap();
    let page = folder.join("north-korean-troops-errors.html");
    std::fs::write(&page, &report).unwrap();
    let screenshot = folder.join("north-korean-troops-errors.png");
    let _ = std::fs::remove_file(&screenshot);
    run_chromium(
        &browser,
        &page.canonicalize().unwrap(),
        &[
            format!("--screenshot={}", screenshot.display()),
            "--window-size=1400,1000".to_string(),
        ],
    );
    let png = std::fs::read(&screenshot).expect("a screenshot was written");
    assert_eq!(png_size(&png), Some((1400, 1000)));
    // A blank page compresses to a few kilobytes; text, tables and marks do not.
    assert!(png.len() > 50_000, "screenshot of {} bytes", png.len());
    eprintln!("screenshot: {}", screenshot.display());
}
