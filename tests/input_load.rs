//! Reading whole articles from disk: discovery, decoding, splitting and normalization together,
//! and the errors a user sees.

use concord::input::{article_from_files, article_in_folder, load, load_document, ReadOptions};
use concord::paragraphs::{Paragraph, Pos};
use concord::Lang;
use std::fs;
use std::path::Path;

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    fs::write(&path, bytes).unwrap();
    path
}

fn position_of(paragraph: &Paragraph, needle: &str) -> Pos {
    let byte = paragraph
        .text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} not in {}", paragraph.text));
    paragraph.position(paragraph.text[..byte].chars().count())
}

#[test]
fn txt_with_bom_and_crlf_points_at_the_right_place() {
    let dir = tempfile::tempdir().unwrap();
    let text = "\u{feff}Київ, 5 травня.\r\n\r\nУряд виділив 13,5\u{a0}млн гривень\r\nна відновлення 12 мостів.\r\n";
    let path = write(dir.path(), "uk.txt", text.as_bytes());
    let document = load_document(Lang::Uk, &path, &ReadOptions::default()).unwrap();
    assert_eq!(document.encoding, None);
    let texts: Vec<&str> = document
        .paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(
        texts,
        [
            "Київ, 5 травня.",
            "Уряд виділив 13,5 млн гривень\nна відновлення 12 мостів."
        ]
    );
    let first = &document.paragraphs[0];
    assert_eq!(first.position(0), Pos { line: 1, column: 1 });
    let second = &document.paragraphs[1];
    assert_eq!(second.number, 2);
    assert_eq!(
        position_of(second, "13,5"),
        Pos {
            line: 3,
            column: 14
        }
    );
    assert_eq!(
        position_of(second, "млн"),
        Pos {
            line: 3,
            column: 19
        }
    );
    assert_eq!(
        position_of(second, "12"),
        Pos {
            line: 4,
            column: 16
        }
    );
}

#[test]
fn markdown_with_emphasis_and_link_points_at_the_right_place() {
    let dir = tempfile::tempdir().unwrap();
    let text = "# Бюджет-2025\n\nУряд **ухвалив** бюджет, [повідомив](https://mof.gov.ua) *Мінфін*:\nдефіцит — 20,4 %.\n";
    let path = write(dir.path(), "uk.md", text.as_bytes());
    let document = load_document(Lang::Uk, &path, &ReadOptions::default()).unwrap();
    let body = &document.paragraphs[1];
    assert_eq!(
        body.text,
        "Уряд ухвалив бюджет, повідомив Мінфін:\nдефіцит - 20,4 %."
    );
    assert_eq!(body.origins.len(), body.text.chars().count());
    assert_eq!(position_of(body, "ухвалив"), Pos { line: 3, column: 8 });
    assert_eq!(
        position_of(body, "повідомив"),
        Pos {
            line: 3,
            column: 27
        }
    );
    assert_eq!(
        position_of(body, "Мінфін"),
        Pos {
            line: 3,
            column: 59
        }
    );
    assert_eq!(position_of(body, "- 20,4"), Pos { line: 4, column: 9 });
    assert_eq!(
        position_of(body, "20,4"),
        Pos {
            line: 4,
            column: 11
        }
    );
}

#[test]
fn folder_with_ua_txt_reads_as_ukrainian() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "en.txt",
        b"Kyiv, May 5.\n\nThe government allocated 13.5 million hryvnias.\n",
    );
    write(
        dir.path(),
        "ua.txt",
        "Київ, 5 травня.\n\nУряд виділив 13,5 млн гривень.\n".as_bytes(),
    );
    let (koi8, _, _) =
        encoding_rs::KOI8_R.encode("Киев, 5 мая.\n\nПравительство выделило 13,5 млн гривен.\n");
    write(dir.path(), "RU.TXT", &koi8);
    write(dir.path(), "README.txt", b"notes");
    let source = article_in_folder(dir.path()).unwrap();
    let documents = load(&source, &ReadOptions::default()).unwrap();
    let langs: Vec<Lang> = documents.iter().map(|d| d.lang).collect();
    assert_eq!(langs, [Lang::En, Lang::Uk, Lang::Ru]);
    assert_eq!(documents[2].encoding, Some("KOI8-R"));
    assert_eq!(
        documents[2].paragraphs[1].text,
        "Правительство выделило 13,5 млн гривен."
    );
    assert!(documents.iter().all(|d| d.paragraphs.len() == 2));
}

#[test]
fn uk_and_ua_in_one_folder_is_an_error_naming_both() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "uk.txt", "Київ".as_bytes());
    write(dir.path(), "ua.txt", "Київ".as_bytes());
    write(dir.path(), "en.txt", b"Kyiv");
    let error = article_in_folder(dir.path()).unwrap_err().to_string();
    assert!(
        error.contains("ua.txt") && error.contains("uk.txt"),
        "{error}"
    );
    assert!(error.contains("Ukrainian"), "{error}");
}

#[test]
fn nul_byte_error_names_file_and_offset() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = "Київ, 5 травня.\n".as_bytes().to_vec();
    let offset = bytes.len();
    bytes.extend_from_slice(b"\x00\x00JFIF");
    let path = write(dir.path(), "uk.txt", &bytes);
    let error = load_document(Lang::Uk, &path, &ReadOptions::default()).unwrap_err();
    assert_eq!(error.byte_offset, Some(offset));
    let shown = error.to_string();
    assert!(
        shown.starts_with(&format!("{} (byte {offset}): ", path.display())),
        "{shown}"
    );
    assert!(shown.contains("binary"), "{shown}");
}

#[test]
fn empty_files_and_files_without_paragraphs_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let blank = write(dir.path(), "en.txt", "\n".repeat(10_000).as_bytes());
    let error = load_document(Lang::En, &blank, &ReadOptions::default()).unwrap_err();
    assert_eq!(error.message, "file is empty");
    let only_picture = write(
        dir.path(),
        "uk.md",
        "![Фото: 5 травня](photo.jpg)\n\n<div>реклама</div>\n".as_bytes(),
    );
    let error = load_document(Lang::Uk, &only_picture, &ReadOptions::default()).unwrap_err();
    assert_eq!(error.message, "file has no paragraphs of text");
    let missing = dir.path().join("ru.txt");
    let error = load_document(Lang::Ru, &missing, &ReadOptions::default()).unwrap_err();
    assert!(error.message.starts_with("cannot read the file"), "{error}");
}

#[test]
fn forced_encoding_and_unknown_label() {
    let dir = tempfile::tempdir().unwrap();
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode("Ціни зросли на 5%.");
    let path = write(dir.path(), "uk.txt", &bytes);
    let forced = ReadOptions {
        encoding: Some("windows-1251".into()),
        ..ReadOptions::default()
    };
    let document = load_document(Lang::Uk, &path, &forced).unwrap();
    assert_eq!(document.paragraphs[0].text, "Ціни зросли на 5%.");
    assert_eq!(document.encoding, Some("windows-1251"));
    let unknown = ReadOptions {
        encoding: Some("cp-ukr".into()),
        ..ReadOptions::default()
    };
    assert!(unknown.check().is_err());
    assert!(forced.check().is_ok());
    let error = load_document(Lang::Uk, &path, &unknown)
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("cp-ukr") && error.contains("KOI8-U"),
        "{error}"
    );
}

#[test]
fn right_to_left_marks_inside_numbers_vanish() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Збитки: 1\u{200f}0\u{a0}000 грн, 13\u{200e},5 % і \u{202b}2024\u{202c} рік.";
    let path = write(dir.path(), "uk.txt", text.as_bytes());
    let document = load_document(Lang::Uk, &path, &ReadOptions::default()).unwrap();
    let paragraph = &document.paragraphs[0];
    assert_eq!(paragraph.text, "Збитки: 10 000 грн, 13,5 % і 2024 рік.");
    assert_eq!(
        position_of(paragraph, "0 000"),
        Pos {
            line: 1,
            column: 11
        }
    );
    assert_eq!(
        position_of(paragraph, ",5"),
        Pos {
            line: 1,
            column: 25
        }
    );
}

#[test]
fn files_named_one_by_one_with_common_folder() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("2024/uk")).unwrap();
    fs::create_dir_all(dir.path().join("2024/en")).unwrap();
    let uk = write(
        &dir.path().join("2024/uk"),
        "budget.md",
        "Бюджет".as_bytes(),
    );
    let en = write(&dir.path().join("2024/en"), "budget.md", b"Budget");
    let source = article_from_files(&[("uk".into(), uk), ("en".into(), en.clone())]).unwrap();
    assert_eq!(source.path, dir.path().join("2024"));
    assert_eq!(source.files[0], (Lang::En, en));
    let error = article_from_files(&[("fr".into(), dir.path().join("x.txt"))])
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("'fr'") && error.contains("en, uk (or ua) or ru"),
        "{error}"
    );
}

#[test]
fn every_ntrex_article_loads_with_aligned_paragraph_counts() {
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/ntrex128/docs");
    let mut loaded = 0;
    for entry in fs::read_dir(docs).unwrap() {
        let folder = entry.unwrap().path();
        if !folder.is_dir() {
            continue;
        }
        let source = article_in_folder(&folder).unwrap();
        let documents = load(&source, &ReadOptions::default()).unwrap();
        assert_eq!(documents.len(), 3, "{}", folder.display());
        let counts: Vec<usize> = documents.iter().map(|d| d.paragraphs.len()).collect();
        assert!(
            counts.iter().all(|&c| c == counts[0] && c > 0),
            "{}: {counts:?}",
            folder.display()
        );
        for document in &documents {
            assert_eq!(document.encoding, None);
            for paragraph in &document.paragraphs {
                assert!(
                    !paragraph.text.contains(['«', '»', '—', '’', '\u{a0}']),
                    "{}",
                    paragraph.text
                );
            }
        }
        loaded += 1;
    }
    assert!(loaded > 100);
}
