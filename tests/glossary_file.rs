//! The glossary file format: the shipped glossary, loading and merging, and every problem
//! `concord glossary check` reports, each on the right line.

use concord::findings::Severity;
use concord::glossary::{self, ProblemKind};
use concord::Lang;
use std::path::{Path, PathBuf};

fn problems(source: &str) -> Vec<(usize, ProblemKind, Severity)> {
    glossary::validate_str(source, Path::new("test.toml"))
        .into_iter()
        .map(|p| (p.line, p.kind, p.severity))
        .collect()
}

#[test]
fn the_shipped_glossary_is_clean_and_large_enough() {
    let found = glossary::validate_str(glossary::DEFAULT_TOML, Path::new("glossary.toml"));
    let listing: Vec<String> = found.iter().map(ToString::to_string).collect();
    assert!(found.is_empty(), "{listing:#?}");
    let default = glossary::default_glossary();
    assert!(default.entries().len() >= 60, "{}", default.entries().len());
    assert!(default.bans().len() >= 10);
    let terms = default.entries().iter().filter(|e| !e.is_name()).count();
    assert!(terms >= 25, "{terms} non-name terms");
    // Every entry has all three languages: the newsroom publishes in all three.
    for entry in default.entries() {
        assert_eq!(entry.forms.len(), 3, "{entry:?}");
    }
}

#[test]
fn the_shipped_glossary_knows_the_seed_story() {
    let default = glossary::default_glossary();
    let en = "Ukraine’s Defense Forces and the ISW say Kim Jong Un sent troops to the temporarily occupied Donetsk region.";
    let found: Vec<String> = default
        .find_terms(Lang::En, en)
        .into_iter()
        .map(|m| m.text)
        .collect();
    assert_eq!(
        found,
        [
            "Ukraine’s",
            "Defense Forces",
            "ISW",
            "Kim Jong Un",
            "temporarily occupied",
            "Donetsk"
        ]
    );
    let uk = "Сили оборони та ISW повідомили, що Кім Чен Ин відправив війська на тимчасово окуповану частину Донецької області.";
    let entries_en: Vec<usize> = default
        .find_terms(Lang::En, en)
        .into_iter()
        .skip(1)
        .map(|m| m.entry)
        .collect();
    let entries_uk: Vec<usize> = default
        .find_terms(Lang::Uk, uk)
        .into_iter()
        .map(|m| m.entry)
        .collect();
    assert_eq!(entries_uk, entries_en);
}

#[test]
fn a_toml_syntax_error_has_line_and_column() {
    let source = "[[term]]\nen = \"Kyiv\"\nuk = \"Київ\n";
    let found = glossary::validate_str(source, Path::new("g.toml"));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].kind, ProblemKind::Syntax);
    assert_eq!(found[0].line, 3);
    assert!(found[0].column.is_some());
    assert!(
        found[0].to_string().starts_with("g.toml:3:"),
        "{}",
        found[0]
    );
}

#[test]
fn unknown_languages_and_fields_are_named_on_their_line() {
    let source = r#"
[[term]]
en = "Kyiv"
uk = "Київ"
de = "Kiew"

[[term]]
en = "Lviv"
uk = "Львів"
comment = "city"

[glossary]
version = 1
"#;
    assert_eq!(
        problems(source),
        [
            (5, ProblemKind::UnknownLanguage, Severity::Error),
            (10, ProblemKind::UnknownField, Severity::Error),
            (12, ProblemKind::UnknownField, Severity::Error),
        ]
    );
}

#[test]
fn empty_forms_and_wrong_types_are_errors() {
    let source = r#"[[term]]
en = ""
uk = "Київ"
ru = "Киев"

[[term]]
en = "Lviv"
uk = []
ru = "Львов"

[[term]]
en = 5
uk = "Одеса"
ru = ["Одесса", "-"]
"#;
    assert_eq!(
        problems(source),
        [
            (2, ProblemKind::EmptyForm, Severity::Error),
            (8, ProblemKind::EmptyForm, Severity::Error),
            (12, ProblemKind::InvalidValue, Severity::Error),
            (14, ProblemKind::EmptyForm, Severity::Error),
        ]
    );
}

#[test]
fn a_term_in_one_language_is_a_warning() {
    let source = "[[term]]\nen = \"Kyiv\"\nnote = \"no translation yet\"\n";
    assert_eq!(
        problems(source),
        [(1, ProblemKind::OneLanguage, Severity::Warning)]
    );
}

#[test]
fn duplicates_warn_and_conflicts_are_errors() {
    let source = r#"[[term]]
en = "key policy rate"
uk = "облікова ставка"

[[term]]
en = "key policy rates"
uk = ["облікова ставка", "облікові ставки"]

[[term]]
en = "key rate"
uk = "облікову ставку"
"#;
    // The second repeats the first (plural and inflected forms are the same form); the third
    // maps the same Ukrainian term to a different English one.
    let found = glossary::validate_str(source, Path::new("g.toml"));
    let kinds: Vec<(usize, ProblemKind)> = found.iter().map(|p| (p.line, p.kind)).collect();
    assert_eq!(
        kinds,
        [
            (5, ProblemKind::Duplicate),
            (9, ProblemKind::Conflict),
            (9, ProblemKind::Conflict)
        ]
    );
    assert!(
        found[1].message.contains("«key rate»") && found[1].message.contains("line 1"),
        "{}",
        found[1].message
    );
}

#[test]
fn bans_need_lang_and_text_and_must_not_ban_a_term() {
    let source = r#"[[term]]
en = "Kyiv"
uk = "Київ"

[[forbidden]]
text = "Kiev"

[[forbidden]]
lang = "en"
use = "Kyiv"

[[forbidden]]
lang = "pl"
text = "Kijów"

[[forbidden]]
lang = "en"
text = "Kyiv's"
"#;
    assert_eq!(
        problems(source),
        [
            (5, ProblemKind::MissingField, Severity::Error),
            (8, ProblemKind::MissingField, Severity::Error),
            (13, ProblemKind::UnknownLanguage, Severity::Error),
            (16, ProblemKind::Conflict, Severity::Error),
        ]
    );
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    path
}

#[test]
fn several_files_merge_and_errors_name_file_and_line() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let first = write(
        dir.path(),
        "a.toml",
        "[[term]]\nen = \"key policy rate\"\nuk = \"облікова ставка\"\n",
    );
    let second = write(
        dir.path(),
        "b.toml",
        "[[forbidden]]\nlang = \"en\"\ntext = \"Kiev\"\nuse = \"Kyiv\"\n",
    );
    let merged = glossary::load(&[first.clone(), second.clone()]).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(merged.entries().len(), 1);
    assert_eq!(merged.bans().len(), 1);
    assert_eq!(merged.find_terms(Lang::Uk, "обліковій ставці").len(), 1);
    assert_eq!(merged.find_bans(Lang::En, "in Kiev").len(), 1);

    let broken = write(
        dir.path(),
        "c.toml",
        "[[term]]\nen = \"Kyiv\"\nuk = \"Київ\"\nxx = \"Kijów\"\n",
    );
    let error = glossary::load(&[first, broken.clone()]).err();
    let error = error.unwrap_or_else(|| panic!("an unknown language must fail loading"));
    assert_eq!(error.path.as_deref(), Some(broken.as_path()));
    assert_eq!(error.line, Some(4));
    assert!(error.message.contains("unknown language `xx`"), "{error}");

    let missing = dir.path().join("none.toml");
    assert!(glossary::validate(&missing).is_err());
    assert!(glossary::load(&[missing]).is_err());
    assert_eq!(glossary::validate(&second).map(|p| p.len()).ok(), Some(0));
}

#[test]
fn later_files_win_where_forms_are_shared() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let base = write(
        dir.path(),
        "base.toml",
        "[[term]]\nen = \"drone\"\nuk = \"дрон\"\n",
    );
    let local = write(
        dir.path(),
        "local.toml",
        "[[term]]\nen = \"drone\"\nuk = \"БпЛА\"\n",
    );
    let merged = glossary::load(&[base, local]).unwrap_or_else(|e| panic!("{e}"));
    let found = merged.find_terms(Lang::En, "Two drones were shot down.");
    assert_eq!(found.iter().map(|m| m.entry).collect::<Vec<_>>(), [1]);
}
