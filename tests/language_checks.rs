//! The language checks on simulated newsroom slips in the North Korean troops sample: a
//! Ukrainian paragraph pasted into the Russian file, an English paragraph left in the
//! Ukrainian one, a title left untranslated, files swapped or overwritten, a sentence
//! deleted; and the legitimate cases that must stay silent.

use concord::article::{check_documents, CheckOptions, CheckedArticle};
use concord::findings::{Check, Finding, Severity};
use concord::input::Document;
use concord::paragraphs::{self, Format};
use concord::Lang;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/samples/north-korean-troops");

type Versions = BTreeMap<Lang, Vec<String>>;

fn sample() -> Versions {
    Lang::ALL
        .iter()
        .map(|&lang| {
            let path = Path::new(SAMPLE).join(format!("{lang}.txt"));
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
            let blocks = text
                .split("\n\n")
                .map(|b| b.trim().to_string())
                .filter(|b| !b.is_empty())
                .collect();
            (lang, blocks)
        })
        .collect()
}

fn run(versions: &Versions) -> CheckedArticle {
    let documents = versions
        .iter()
        .map(|(&lang, blocks)| Document {
            lang,
            path: PathBuf::from(format!("north-korean-troops/{lang}.txt")),
            encoding: None,
            paragraphs: paragraphs::split(&blocks.join("\n\n"), Format::Plain),
        })
        .collect();
    check_documents(
        PathBuf::from("north-korean-troops"),
        documents,
        &CheckOptions::default(),
    )
}

fn paragraph(versions: &Versions, lang: Lang, number: usize) -> String {
    versions
        .get(&lang)
        .and_then(|b| b.get(number - 1))
        .cloned()
        .unwrap_or_else(|| panic!("no {lang} ¶{number}"))
}

fn set(versions: &mut Versions, lang: Lang, number: usize, text: &str) {
    let slot = versions
        .get_mut(&lang)
        .and_then(|b| b.get_mut(number - 1))
        .unwrap_or_else(|| panic!("no {lang} ¶{number}"));
    *slot = text.to_string();
}

fn of_check(article: &CheckedArticle, check: Check) -> Vec<&Finding> {
    article
        .findings
        .iter()
        .filter(|f| f.check == check)
        .collect()
}

fn warnings(article: &CheckedArticle) -> Vec<&Finding> {
    article
        .findings
        .iter()
        .filter(|f| f.check == Check::Missing && f.severity == Severity::Warning)
        .collect()
}

fn messages(findings: &[&Finding]) -> Vec<String> {
    findings.iter().map(|f| f.message.clone()).collect()
}

#[test]
fn the_clean_sample_has_no_language_findings() {
    let article = run(&sample());
    assert!(of_check(&article, Check::Untranslated).is_empty());
    assert!(of_check(&article, Check::WrongLanguage).is_empty());
    assert!(warnings(&article).is_empty());
}

#[test]
fn a_ukrainian_paragraph_pasted_into_the_russian_file() {
    let mut versions = sample();
    let uk = paragraph(&versions, Lang::Uk, 6);
    set(&mut versions, Lang::Ru, 6, &uk);
    let article = run(&versions);
    let found = of_check(&article, Check::Untranslated);
    assert_eq!(messages(&found), ["ru ¶6 is in Ukrainian, not Russian"]);
    assert_eq!(found[0].outlier, Some(Lang::Ru));
    assert_eq!(found[0].paragraphs[&Lang::Ru], vec![6]);
    let detected = found[0]
        .detected
        .as_ref()
        .map(|d| (d.lang.as_str(), d.confidence));
    assert!(
        detected.is_some_and(|(lang, confidence)| lang == "uk" && confidence >= 0.9),
        "{detected:?}"
    );
    assert!(of_check(&article, Check::WrongLanguage).is_empty());
}

#[test]
fn an_english_paragraph_left_in_the_ukrainian_file() {
    let mut versions = sample();
    let en = paragraph(&versions, Lang::En, 5);
    set(&mut versions, Lang::Uk, 5, &en);
    let article = run(&versions);
    let found = of_check(&article, Check::Untranslated);
    assert_eq!(messages(&found), ["uk ¶5 is in English, not Ukrainian"]);
    assert_eq!(found[0].outlier, Some(Lang::Uk));
    assert_eq!(
        found[0].detected.as_ref().map(|d| d.lang.as_str()),
        Some("en")
    );
}

#[test]
fn a_title_and_a_caption_left_in_ukrainian_in_the_russian_file() {
    let mut versions = sample();
    for number in [1, 2] {
        let uk = paragraph(&versions, Lang::Uk, number);
        set(&mut versions, Lang::Ru, number, &uk);
    }
    let article = run(&versions);
    let found = of_check(&article, Check::Untranslated);
    assert_eq!(
        messages(&found),
        [
            "ru ¶1 is in Ukrainian, not Russian",
            "ru ¶2 is in Ukrainian, not Russian"
        ]
    );
}

#[test]
fn a_caption_of_names_only_shared_by_every_version_is_not_untranslated() {
    let mut versions = sample();
    for lang in Lang::ALL {
        set(&mut versions, lang, 2, "Фото: Getty Images");
    }
    set(&mut versions, Lang::En, 2, "Photo: Getty Images");
    set(&mut versions, Lang::En, 3, "Bohdan Babaiev");
    set(&mut versions, Lang::Uk, 3, "Bohdan Babaiev");
    set(&mut versions, Lang::Ru, 3, "Bohdan Babaiev");
    let article = run(&versions);
    assert!(of_check(&article, Check::Untranslated).is_empty());
}

#[test]
fn a_quote_in_english_inside_a_ukrainian_paragraph_is_not_untranslated() {
    let mut versions = sample();
    set(
        &mut versions,
        Lang::Uk,
        16,
        "Як вважає військовий експерт Павло Нарожний, відправлення військ матиме для КНДР \
         дуже негативні наслідки. \"This is a desperate move\", - написав він англійською.",
    );
    let article = run(&versions);
    assert!(of_check(&article, Check::Untranslated).is_empty());
}

#[test]
fn the_ukrainian_and_russian_files_swapped() {
    let mut versions = sample();
    let uk = versions.remove(&Lang::Uk).unwrap_or_default();
    let ru = versions.remove(&Lang::Ru).unwrap_or_default();
    versions.insert(Lang::Uk, ru);
    versions.insert(Lang::Ru, uk);
    let article = run(&versions);
    let found = of_check(&article, Check::WrongLanguage);
    assert_eq!(
        messages(&found),
        ["uk.txt is in Russian and ru.txt is in Ukrainian: swapped?"]
    );
    assert!(
        of_check(&article, Check::Untranslated).is_empty(),
        "{:?}",
        messages(&of_check(&article, Check::Untranslated))
    );
}

#[test]
fn the_russian_file_overwritten_with_the_ukrainian_text() {
    let mut versions = sample();
    let uk = versions.get(&Lang::Uk).cloned().unwrap_or_default();
    versions.insert(Lang::Ru, uk);
    let article = run(&versions);
    let found = of_check(&article, Check::WrongLanguage);
    assert_eq!(messages(&found), ["ru.txt is in Ukrainian, not Russian"]);
    assert_eq!(found[0].outlier, Some(Lang::Ru));
    assert_eq!(
        found[0].detected.as_ref().map(|d| d.lang.as_str()),
        Some("uk")
    );
    // Reported once for the file, not once per paragraph (every ru paragraph is also the
    // same text as its uk counterpart).
    assert!(of_check(&article, Check::Untranslated).is_empty());
}

#[test]
fn the_ukrainian_file_is_the_english_original() {
    let mut versions = sample();
    let en = versions.get(&Lang::En).cloned().unwrap_or_default();
    versions.insert(Lang::Uk, en);
    let article = run(&versions);
    let found = of_check(&article, Check::WrongLanguage);
    assert_eq!(messages(&found), ["uk.txt is in English, not Ukrainian"]);
    assert!(of_check(&article, Check::Untranslated).is_empty());
}

/// Deleting the second sentence of paragraph 6 in each language in turn.
#[test]
fn a_deleted_sentence_is_a_warning_naming_the_shortened_version() {
    let second_sentences = [
        (
            Lang::En,
            " However, Ukraine’s Defense Forces have not yet independently detected North \
             Korean units within Ukraine.",
        ),
        (
            Lang::Uk,
            " Водночас Сили оборони України поки що самостійно не виявили північнокорейських \
             підрозділів на території України.",
        ),
        (
            Lang::Ru,
            " Вместе с тем Силы обороны Украины пока самостоятельно не обнаружили \
             северокорейских подразделений на территории Украины.",
        ),
    ];
    for (lang, sentence) in second_sentences {
        let mut versions = sample();
        let text = paragraph(&versions, lang, 6);
        assert!(text.contains(sentence), "{lang}: {text}");
        set(&mut versions, lang, 6, &text.replacen(sentence, "", 1));
        let article = run(&versions);
        let found = warnings(&article);
        assert_eq!(found.len(), 1, "{lang}: {:?}", messages(&found));
        assert_eq!(found[0].outlier, Some(lang));
        assert!(
            found[0].message.starts_with(&format!("{lang} ¶6 is "))
                && found[0].message.contains("% shorter than")
                && found[0].message.ends_with(": a sentence may be missing"),
            "{}",
            found[0].message
        );
    }
}

#[test]
fn a_short_sentence_rewritten_shorter_is_not_a_dropped_sentence() {
    // The Russian translator compresses a sentence without dropping any.
    let mut versions = sample();
    set(
        &mut versions,
        Lang::Ru,
        6,
        "Представитель украинской разведки заявил, что северокорейские офицеры наблюдают за \
         российскими силами на оккупированных территориях. Силы обороны Украины пока сами их \
         подразделений не обнаружили.",
    );
    let article = run(&versions);
    assert!(
        warnings(&article).is_empty(),
        "{:?}",
        messages(&warnings(&article))
    );
}
