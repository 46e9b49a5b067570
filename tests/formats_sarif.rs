//! `concord check --format sarif`: SARIF 2.1.0 that the official schema accepts, one rule per
//! check, results located in the outlier's file, fingerprints that survive renumbering.
//!
//! The schema (`tests/data/sarif/sarif-2.1.0.json`) is the OASIS SARIF 2.1.0 JSON schema as
//! shipped in the serde-sarif 0.8.0 crate (`src/schema.json`, which that crate generates its
//! model from); it is validated with formats on, all `$ref`s are local.

use assert_cmd::Command;
use concord::findings::Check;
use serde_json::Value;
use std::fs;
use std::path::Path;
use tempfile::TempDir;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const ERRORS: &str = "samples/north-korean-troops-errors";
const CLEAN: &str = "samples/north-korean-troops";

fn concord() -> Command {
    let mut cmd = Command::cargo_bin("concord").unwrap_or_else(|e| panic!("{e}"));
    cmd.env_remove("NO_COLOR")
        .env_remove("CI")
        .current_dir(ROOT);
    cmd
}

/// Runs `concord check --format sarif` on `args` in `dir`: the exit code and the parsed log.
fn sarif_in(dir: &Path, args: &[&str]) -> (Option<i32>, Value, String) {
    let output = concord()
        .current_dir(dir)
        .args(["check", "--format", "sarif"])
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8(output.stdout).unwrap_or_else(|e| panic!("not UTF-8: {e}"));
    let log = serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON: {e}\n{text}"));
    (output.status.code(), log, text)
}

fn sarif(args: &[&str]) -> (Option<i32>, Value) {
    let (code, log, _) = sarif_in(Path::new(ROOT), args);
    (code, log)
}

fn schema() -> Value {
    let path = Path::new(ROOT).join("tests/data/sarif/sarif-2.1.0.json");
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("schema is not JSON: {e}"))
}

/// Every violation of the official schema, formats included ("uri", "uri-reference").
fn violations(log: &Value) -> Vec<String> {
    let schema = schema();
    let validator = jsonschema::options()
        .with_draft(jsonschema::Draft::Draft7)
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|e| panic!("the schema does not compile: {e}"));
    validator
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect()
}

fn assert_valid(log: &Value) {
    let found = violations(log);
    assert!(found.is_empty(), "schema violations:\n{}", found.join("\n"));
}

fn results(log: &Value) -> &Vec<Value> {
    log["runs"][0]["results"]
        .as_array()
        .unwrap_or_else(|| panic!("no results array: {log}"))
}

/// (uri, line, column) of a location.
type Place = (String, u64, u64);

fn place(location: &Value) -> Place {
    let physical = &location["physicalLocation"];
    (
        physical["artifactLocation"]["uri"]
            .as_str()
            .unwrap_or_else(|| panic!("no uri: {location}"))
            .to_string(),
        physical["region"]["startLine"].as_u64().unwrap_or(0),
        physical["region"]["startColumn"].as_u64().unwrap_or(0),
    )
}

fn text(value: &Value) -> &str {
    value
        .as_str()
        .unwrap_or_else(|| panic!("not a string: {value}"))
}

#[test]
fn the_stored_schema_is_the_official_sarif_2_1_0_schema() {
    let schema = schema();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    assert_eq!(
        schema["title"],
        "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    );
    assert_eq!(schema["properties"]["version"]["enum"][0], "2.1.0");
    assert!(schema["definitions"]["result"]["properties"]["relatedLocations"].is_object());
}

#[test]
fn the_sample_with_mistakes_validates_and_exits_one() {
    let (code, log) = sarif(&[ERRORS]);
    assert_eq!(code, Some(1), "errors still fail the run");
    assert_valid(&log);
    assert_eq!(log["version"], "2.1.0");
    assert_eq!(log["runs"].as_array().map(Vec::len), Some(1));
    assert_eq!(log["runs"][0]["columnKind"], "unicodeCodePoints");
}

#[test]
fn the_validator_rejects_what_the_schema_forbids() {
    // Without this, a validator that accepts everything would pass every test above.
    let (_, mut log) = sarif(&[ERRORS]);
    log["runs"][0]["results"][0]["level"] = Value::from("fatal");
    log["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        Value::from(0);
    log["runs"][0]["tool"]["driver"]["informationUri"] = Value::from("not a uri");
    let found = violations(&log);
    assert_eq!(found.len(), 3, "{found:#?}");
}

#[test]
fn one_rule_per_check_with_its_documentation() {
    let (_, log) = sarif(&[ERRORS]);
    let driver = &log["runs"][0]["tool"]["driver"];
    assert_eq!(driver["name"], "concord");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    let rules = driver["rules"]
        .as_array()
        .unwrap_or_else(|| panic!("no rules: {driver}"));
    let ids: Vec<&str> = rules.iter().map(|r| text(&r["id"])).collect();
    let expected: Vec<&str> = Check::ALL.iter().map(|c| c.id()).collect();
    assert_eq!(ids, expected);
    for (rule, check) in rules.iter().zip(Check::ALL) {
        assert_eq!(text(&rule["help"]["markdown"]), check.documentation());
        assert_eq!(text(&rule["help"]["text"]), check.documentation());
        let short = text(&rule["shortDescription"]["text"]);
        assert!(!short.is_empty() && !short.contains('\n'), "{short}");
        assert!(text(&rule["fullDescription"]["text"]).starts_with(short.trim_end_matches('.')));
    }
    assert_eq!(rules[2]["name"], "Missing");
    assert_eq!(rules[7]["name"], "WrongLanguage");
    assert_eq!(
        rules[0]["shortDescription"]["text"],
        "Compares the numbers each version of an aligned paragraph group states, as values."
    );
}

#[test]
fn results_point_at_the_version_that_disagrees() {
    let (_, log) = sarif(&[ERRORS]);
    let results = results(&log);
    let summary: Vec<(&str, &str, Place, &str)> = results
        .iter()
        .map(|r| {
            (
                text(&r["ruleId"]),
                text(&r["level"]),
                place(&r["locations"][0]),
                text(&r["message"]["text"]),
            )
        })
        .collect();
    let at = |file: &str, line, column| (format!("{ERRORS}/{file}"), line, column);
    assert_eq!(
        summary,
        [
            (
                "number",
                "error",
                at("uk.txt", 13, 79),
                "uk says several 100 where en and ru say several 1000"
            ),
            // ru has no paragraph there: the result stands where it belongs, before ru ¶10.
            (
                "missing",
                "error",
                at("ru.txt", 19, 1),
                "ru lacks a paragraph that en and uk have"
            ),
            (
                "date",
                "error",
                at("uk.txt", 25, 9),
                "uk says July where en and ru say June"
            ),
            (
                "number",
                "error",
                at("ru.txt", 27, 102),
                "ru says 7 where en and uk say 6"
            ),
        ]
    );
    for result in results {
        let rule_index = result["ruleIndex"].as_u64().unwrap_or(u64::MAX);
        let rule = &log["runs"][0]["tool"]["driver"]["rules"][rule_index as usize];
        assert_eq!(rule["id"], result["ruleId"], "ruleIndex names the rule");
    }
}

#[test]
fn the_other_versions_are_related_locations_saying_what_they_state() {
    let (_, log) = sarif(&[ERRORS]);
    let seven = &results(&log)[3];
    let primary = &seven["locations"][0];
    assert_eq!(primary["message"]["text"], "ru: 7");
    assert_eq!(
        primary["physicalLocation"]["region"]["snippet"]["text"],
        "семерых"
    );
    assert_eq!(
        primary["physicalLocation"]["region"]["endColumn"].as_u64(),
        Some(109),
        "«семерых» is 7 characters from column 102"
    );
    let related: Vec<(Place, &str)> = seven["relatedLocations"]
        .as_array()
        .unwrap_or_else(|| panic!("no related locations: {seven}"))
        .iter()
        .map(|l| (place(l), text(&l["message"]["text"])))
        .collect();
    assert_eq!(
        related,
        [
            ((format!("{ERRORS}/en.txt"), 27, 101), "en: 6"),
            ((format!("{ERRORS}/uk.txt"), 29, 108), "uk: 6"),
        ]
    );

    let missing = &results(&log)[1];
    let related: Vec<&str> = missing["relatedLocations"]
        .as_array()
        .unwrap_or_else(|| panic!("no related locations: {missing}"))
        .iter()
        .map(|l| text(&l["message"]["text"]))
        .collect();
    assert_eq!(related, ["en ¶9", "uk ¶10"]);
    assert_eq!(
        missing["locations"][0]["message"]["text"],
        "ru: no aligned paragraph; it belongs before ¶10"
    );
}

#[test]
fn a_clean_article_is_a_valid_log_without_results() {
    let (code, log) = sarif(&[CLEAN]);
    assert_eq!(code, Some(0));
    assert_valid(&log);
    assert!(results(&log).is_empty());
    assert_eq!(
        log["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .map(Vec::len),
        Some(Check::ALL.len()),
        "rules are listed even when nothing is found"
    );
}

#[test]
fn output_is_deterministic() {
    let (_, _, first) = sarif_in(Path::new(ROOT), &[ERRORS, CLEAN]);
    let (_, _, second) = sarif_in(Path::new(ROOT), &[ERRORS, CLEAN]);
    assert_eq!(first, second);
}

/// Copies the sample with mistakes to `dir/name`, with `prefix` paragraphs (en, uk, ru) added
/// at the top of each version.
fn sample_copy(dir: &Path, name: &str, prefix: Option<[&str; 3]>) {
    let target = dir.join(name);
    fs::create_dir_all(&target).unwrap_or_else(|e| panic!("{e}"));
    for (index, lang) in ["en", "uk", "ru"].into_iter().enumerate() {
        let file = format!("{lang}.txt");
        let original = fs::read_to_string(Path::new(ROOT).join(ERRORS).join(&file))
            .unwrap_or_else(|e| panic!("{e}"));
        let text = match prefix {
            Some(paragraphs) => format!("{}\n\n{original}", paragraphs[index]),
            None => original,
        };
        fs::write(target.join(&file), text).unwrap_or_else(|e| panic!("{e}"));
    }
}

fn fingerprints(log: &Value) -> Vec<String> {
    results(log)
        .iter()
        .map(|r| text(&r["partialFingerprints"]["concordFinding/v1"]).to_string())
        .collect()
}

#[test]
fn fingerprints_are_unique_and_survive_an_inserted_paragraph() {
    let before = TempDir::new().unwrap_or_else(|e| panic!("{e}"));
    let after = TempDir::new().unwrap_or_else(|e| panic!("{e}"));
    sample_copy(before.path(), "article", None);
    sample_copy(
        after.path(),
        "article",
        Some([
            "The Institute for the Study of War published its assessment on Tuesday.",
            "Інститут вивчення війни оприлюднив свою оцінку у вівторок.",
            "Институт изучения войны опубликовал свою оценку во вторник.",
        ]),
    );
    let (_, old, _) = sarif_in(before.path(), &["article"]);
    let (_, new, _) = sarif_in(after.path(), &["article"]);
    assert_valid(&new);
    let old_lines: Vec<Place> = results(&old)
        .iter()
        .map(|r| place(&r["locations"][0]))
        .collect();
    let new_lines: Vec<Place> = results(&new)
        .iter()
        .map(|r| place(&r["locations"][0]))
        .collect();
    assert_eq!(old_lines.len(), 4);
    assert_eq!(
        new_lines.len(),
        4,
        "the added paragraph agrees in every version"
    );
    for (old, new) in old_lines.iter().zip(&new_lines) {
        assert_eq!(new.1, old.1 + 2, "every finding moved two lines down");
    }
    let old_prints = fingerprints(&old);
    assert_eq!(old_prints, fingerprints(&new));
    let mut unique = old_prints.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), old_prints.len(), "{old_prints:?}");
}

#[test]
fn absolute_paths_become_file_uris_and_still_validate() {
    let absolute = Path::new(ROOT).join(ERRORS);
    let absolute = absolute.to_string_lossy();
    let (code, log) = sarif(&[absolute.as_ref()]);
    assert_eq!(code, Some(1));
    assert_valid(&log);
    let (uri, line, _) = place(&results(&log)[3]["locations"][0]);
    assert!(uri.starts_with("file:///"), "{uri}");
    assert!(
        uri.ends_with("/samples/north-korean-troops-errors/ru.txt"),
        "{uri}"
    );
    assert_eq!(line, 27);
}

#[test]
fn paths_with_spaces_and_cyrillic_are_percent_encoded() {
    let dir = TempDir::new().unwrap_or_else(|e| panic!("{e}"));
    sample_copy(dir.path(), "статті 2024#1", None);
    let (code, log, _) = sarif_in(dir.path(), &["статті 2024#1"]);
    assert_eq!(code, Some(1));
    assert_valid(&log);
    let (uri, _, _) = place(&results(&log)[0]["locations"][0]);
    assert_eq!(
        uri,
        "%D1%81%D1%82%D0%B0%D1%82%D1%82%D1%96%202024%231/uk.txt"
    );
}
