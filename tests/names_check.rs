//! The `name` check end to end on realistic news sentences in English, Ukrainian and Russian:
//! correct translations (transliteration variants, inflection, adjectives, sentence starts,
//! months) stay quiet; swapped and dropped names are reported with the odd version named.

use concord::article::{check_documents, CheckOptions};
use concord::findings::{Check, Finding, Severity};
use concord::glossary::{Entry, Glossary};
use concord::input::Document;
use concord::paragraphs::{split, Format};
use concord::Lang;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

fn name_findings(versions: &[(Lang, &str)], options: &CheckOptions) -> Vec<Finding> {
    let documents = versions
        .iter()
        .map(|(lang, text)| Document {
            lang: *lang,
            path: PathBuf::from(format!("{lang}.txt")),
            encoding: None,
            paragraphs: split(text, Format::Plain),
        })
        .collect();
    check_documents(PathBuf::from("article"), documents, options)
        .findings
        .into_iter()
        .filter(|f| f.check == Check::Name)
        .collect()
}

fn messages(versions: &[(Lang, &str)]) -> Vec<(Severity, String)> {
    name_findings(versions, &CheckOptions::default())
        .into_iter()
        .map(|f| (f.severity, f.message))
        .collect()
}

const EN: &str = "Russian President Vladimir Putin and North Korean leader Kim Jong Un signed \
                  the agreement, military expert Pavlo Narozhnyy said.";
const UK: &str = "Президент Росії Володимир Путін і лідер КНДР Кім Чен Ин підписали угоду, \
                  заявив військовий експерт Павло Нарожний.";
const RU: &str = "Президент России Владимир Путин и лидер КНДР Ким Чен Ын подписали \
                  соглашение, заявил военный эксперт Павел Нарожный.";

#[test]
fn a_correct_translation_is_silent() {
    assert_eq!(
        messages(&[(Lang::En, EN), (Lang::Uk, UK), (Lang::Ru, RU)]),
        vec![]
    );
}

#[test]
fn other_transliterations_and_cases_are_the_same_name() {
    let en = EN
        .replace("Narozhnyy", "Narozhnyi")
        .replace("Kim Jong Un", "Kim Jong-un");
    let uk = "На думку військового експерта Павла Нарожного, угоду з Путіним підписав лідер \
              КНДР Кім Чен Ин.";
    let ru = "По мнению военного эксперта Павла Нарожного, соглашение с Путиным подписал \
              лидер КНДР Ким Чен Ын.";
    assert_eq!(
        messages(&[(Lang::En, &en), (Lang::Uk, uk), (Lang::Ru, ru)]),
        vec![]
    );
}

#[test]
fn adjectives_sentence_starts_and_months_are_not_names() {
    let found = messages(&[
        (
            Lang::En,
            "North Korean soldiers arrived in June. Ukrainian and South Korean officials \
             confirmed it. American analysts agree.",
        ),
        (
            Lang::Uk,
            "Північнокорейські військові прибули в червні. Українські та південнокорейські \
             посадовці це підтвердили. Американські аналітики погоджуються.",
        ),
        (
            Lang::Ru,
            "Северокорейские военные прибыли в июне. Украинские и южнокорейские чиновники \
             это подтвердили. Американские аналитики согласны.",
        ),
    ]);
    assert_eq!(found, vec![]);
}

#[test]
fn a_name_swapped_for_another_is_an_error_naming_both() {
    let ru = RU.replace("Путин", "Медведев");
    let found = messages(&[(Lang::En, EN), (Lang::Uk, UK), (Lang::Ru, &ru)]);
    assert_eq!(
        found,
        vec![(
            Severity::Error,
            "ru says Владимир Медведев where en and uk say Vladimir Putin".to_string()
        )]
    );
}

#[test]
fn a_related_name_is_another_person() {
    let uk = UK.replace("Кім Чен Ин", "Кім Чен Ір");
    let found = name_findings(
        &[(Lang::En, EN), (Lang::Uk, &uk), (Lang::Ru, RU)],
        &CheckOptions::default(),
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].severity, Severity::Error);
    assert_eq!(found[0].outlier, Some(Lang::Uk));
    assert_eq!(
        found[0].message,
        "uk says Кім Чен Ір where en and ru say Kim Jong Un"
    );
    let uk_span = found[0].spans.iter().find(|s| s.lang == Lang::Uk);
    assert_eq!(uk_span.map(|s| s.text.as_str()), Some("Кім Чен Ір"));
}

#[test]
fn a_dropped_place_is_a_warning() {
    let found = messages(&[
        (
            Lang::En,
            "A missile strike near the occupied Donetsk killed six officers.",
        ),
        (
            Lang::Uk,
            "Ракетний удар поблизу окупованого Донецька вбив шістьох офіцерів.",
        ),
        (
            Lang::Ru,
            "Ракетный удар вблизи оккупированного города убил шестерых офицеров.",
        ),
    ]);
    assert_eq!(
        found,
        vec![(
            Severity::Warning,
            "ru omits Donetsk, which en and uk state".to_string()
        )]
    );
}

#[test]
fn with_two_versions_the_source_decides_who_is_wrong() {
    let uk = UK.replace("Кім Чен Ин", "Кім Чен Ір");
    let versions = [(Lang::Uk, uk.as_str()), (Lang::Ru, RU)];
    let without = name_findings(&versions, &CheckOptions::default());
    assert_eq!(without.len(), 1, "{without:?}");
    assert_eq!(without[0].outlier, None);
    let with_source = name_findings(
        &versions,
        &CheckOptions {
            source: Some(Lang::Ru),
            ..CheckOptions::default()
        },
    );
    assert_eq!(with_source.len(), 1);
    assert_eq!(with_source[0].outlier, Some(Lang::Uk));
    assert_eq!(
        with_source[0].message,
        "uk says Кім Чен Ір where ru says Ким Чен Ын"
    );
}

/// Exercises the real `Glossary::find_terms`: a glossary name that a version lacks is an
/// error.
#[test]
fn a_missing_glossary_name_is_an_error() {
    let entry = Entry {
        forms: BTreeMap::from([
            (Lang::En, vec!["Kyiv".to_string()]),
            (Lang::Uk, vec!["Київ".to_string()]),
            (Lang::Ru, vec!["Киев".to_string()]),
        ]),
        note: None,
    };
    let options = CheckOptions {
        glossary: Arc::new(Glossary::from_entries(vec![entry])),
        ..CheckOptions::default()
    };
    let found = name_findings(
        &[
            (Lang::En, "Talks will resume in Kyiv next week."),
            (
                Lang::Uk,
                "Переговори відновляться в Києві наступного тижня.",
            ),
            (Lang::Ru, "Переговоры возобновятся на следующей неделе."),
        ],
        &options,
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].severity, Severity::Error);
    assert_eq!(found[0].outlier, Some(Lang::Ru));
}
