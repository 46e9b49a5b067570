//! Hand-built checked articles for report tests: reports render what they are given, so
//! their tests do not depend on the checks.

use crate::alignment::Group;
use crate::article::CheckedArticle;
use crate::findings::{Check, Finding, Severity, Span};
use crate::input::Document;
use crate::lang::Lang;
use crate::paragraphs::{Paragraph, Pos};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// A paragraph starting at column 1 of `line`, as a plain-text file would hold it.
pub fn paragraph(number: usize, line: usize, text: &str) -> Paragraph {
    let mut origins = Vec::new();
    let (mut at_line, mut column) = (line, 1);
    for c in text.chars() {
        origins.push(Pos {
            line: at_line,
            column,
        });
        if c == '\n' {
            at_line += 1;
            column = 1;
        } else {
            column += 1;
        }
    }
    Paragraph {
        number,
        text: text.to_string(),
        origins,
    }
}

/// A document whose paragraphs are separated by one blank line.
pub fn document(
    lang: Lang,
    path: &str,
    encoding: Option<&'static str>,
    texts: &[&str],
) -> Document {
    let mut line = 1;
    let paragraphs = texts
        .iter()
        .enumerate()
        .map(|(index, text)| {
            let p = paragraph(index + 1, line, text);
            line += text.lines().count().max(1) + 1;
            p
        })
        .collect();
    Document {
        lang,
        path: PathBuf::from(path),
        encoding,
        paragraphs,
    }
}

/// The span of the first `needle` in paragraph `number` of `document`.
pub fn span(document: &Document, number: usize, needle: &str) -> Span {
    let paragraph = &document.paragraphs[number - 1];
    let byte = paragraph.text.find(needle).expect("needle in paragraph");
    let start = paragraph.text[..byte].chars().count();
    let position = paragraph.position(start);
    Span {
        lang: document.lang,
        line: position.line,
        column: position.column,
        text: needle.to_string(),
        paragraph: number,
        start,
        end: start + needle.chars().count(),
    }
}

pub fn group(members: [&[usize]; 3]) -> Group {
    Group {
        members: members.iter().map(|m| m.to_vec()).collect(),
    }
}

pub fn per_lang<T: Clone>(en: T, uk: T, ru: T) -> BTreeMap<Lang, T> {
    BTreeMap::from([(Lang::En, en), (Lang::Uk, uk), (Lang::Ru, ru)])
}

fn strings(values: &[&str]) -> Vec<String> {
    values.iter().map(|v| v.to_string()).collect()
}

pub fn article(
    path: &str,
    documents: Vec<Document>,
    alignment: Vec<Group>,
    findings: Vec<Finding>,
) -> CheckedArticle {
    let facts = documents
        .iter()
        .map(|d| vec![Vec::new(); d.paragraphs.len()])
        .collect();
    CheckedArticle {
        path: PathBuf::from(path),
        identified: documents
            .iter()
            .map(|d| vec![None; d.paragraphs.len()])
            .collect(),
        wrong_language: documents.iter().map(|_| None).collect(),
        documents,
        facts,
        alignment,
        glossary_found: Vec::new(),
        names: Vec::new(),
        findings,
    }
}

/// A market strike report: ru (decoded from windows-1251) says seven dead where en and uk
/// say six, and drops the twelve damaged schools.
pub fn kharkiv() -> CheckedArticle {
    let en = document(
        Lang::En,
        "samples/x/en.txt",
        None,
        &[
            "Russian strikes on Kharkiv kill six, injure dozens",
            "A Russian missile hit a crowded market in Kharkiv on Saturday afternoon, killing six \
             people and injuring 38, regional governor Oleh Syniehubov said.",
            "Twelve schools and a kindergarten were damaged, the mayor added.",
        ],
    );
    let uk = document(
        Lang::Uk,
        "samples/x/uk.txt",
        None,
        &[
            "Російські удари по Харкову: шестеро загиблих, десятки поранених",
            "У суботу по обіді російська ракета влучила в людний ринок у Харкові, загинули \
             шестеро людей, ще 38 поранені, повідомив голова ОВА Олег Синєгубов.",
            "Пошкоджено дванадцять шкіл і дитячий садок, додав мер.",
        ],
    );
    let ru = document(
        Lang::Ru,
        "samples/x/ru.txt",
        Some("windows-1251"),
        &[
            "Российские удары по Харькову: шестеро погибших, десятки раненых",
            "В субботу днём российская ракета попала в многолюдный рынок в Харькове, погибли \
             семь человек, ещё 38 ранены, сообщил глава ОВА Олег Синегубов.",
            "Повреждены школы и детский сад, добавил мэр.",
        ],
    );
    let dead = Finding {
        check: Check::Number,
        severity: Severity::Error,
        message: "ru says 7 where en and uk say 6".to_string(),
        outlier: Some(Lang::Ru),
        group: 1,
        paragraphs: per_lang(vec![2], vec![2], vec![2]),
        values: per_lang(strings(&["6"]), strings(&["6"]), strings(&["7"])),
        spans: vec![
            span(&en, 2, "six"),
            span(&uk, 2, "шестеро"),
            span(&ru, 2, "семь"),
        ],
        detected: None,
    };
    let schools = Finding {
        check: Check::Missing,
        severity: Severity::Warning,
        message: "ru does not mention 12, which en and uk state".to_string(),
        outlier: Some(Lang::Ru),
        group: 2,
        paragraphs: per_lang(vec![3], vec![3], vec![3]),
        values: per_lang(strings(&["12"]), strings(&["12"]), Vec::new()),
        spans: vec![span(&en, 3, "Twelve"), span(&uk, 3, "дванадцять")],
        detected: None,
    };
    article(
        "samples/x",
        vec![en, uk, ru],
        vec![
            group([&[0], &[0], &[0]]),
            group([&[1], &[1], &[1]]),
            group([&[2], &[2], &[2]]),
        ],
        vec![dead, schools],
    )
}

/// A council budget: en splits a paragraph that uk and ru keep whole (2-1-1), uk leaves out
/// the deputy mayor's quote (1-0-1), and ru turns 13.5% into 15.3%.
pub fn budget() -> CheckedArticle {
    let en = document(
        Lang::En,
        "samples/budget/en.md",
        None,
        &[
            "The Lviv city council approved the 2024 budget on Thursday.",
            "Spending on schools will rise by 13.5%.",
            "Deputy mayor Olena Kovalenko called the vote historic.",
            "The budget takes effect on 1 April.",
        ],
    );
    let uk = document(
        Lang::Uk,
        "samples/budget/uk.md",
        None,
        &[
            "У четвер Львівська міська рада ухвалила бюджет на 2024 рік, видатки на школи \
             зростуть на 13,5%.",
            "Бюджет набуде чинності 1 квітня.",
        ],
    );
    let ru = document(
        Lang::Ru,
        "samples/budget/ru.md",
        None,
        &[
            "В четверг Львовский городской совет утвердил бюджет на 2024 год, расходы на школы \
             вырастут на 15,3%.",
            "Заместитель мэра Елена Коваленко назвала голосование историческим.",
            "Бюджет вступит в силу 1 апреля.",
        ],
    );
    let share = Finding {
        check: Check::Number,
        severity: Severity::Error,
        message: "ru says 15.3% where en and uk say 13.5%".to_string(),
        outlier: Some(Lang::Ru),
        group: 0,
        paragraphs: per_lang(vec![1, 2], vec![1], vec![1]),
        values: per_lang(
            strings(&["13.5%"]),
            strings(&["13.5%"]),
            strings(&["15.3%"]),
        ),
        spans: vec![
            span(&en, 2, "13.5%"),
            span(&uk, 1, "13,5%"),
            span(&ru, 1, "15,3%"),
        ],
        detected: None,
    };
    article(
        "samples/budget",
        vec![en, uk, ru],
        vec![
            group([&[0, 1], &[0], &[0]]),
            group([&[2], &[], &[1]]),
            group([&[3], &[1], &[2]]),
        ],
        vec![share],
    )
}
