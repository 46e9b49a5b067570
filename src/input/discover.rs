//! Which files of a folder are the language versions of an article.
//!
//! A language file is named by its language code (`en`, `uk` or `ua`, `ru`, any case) and has
//! an extension a splitter reads (`.txt`, `.md`, `.markdown`, `.html`, `.htm`, any case).
//! Everything else in the folder (README.txt, photos, `en.bak`, `en.txt.orig`) is not part of
//! the article.

use super::ArticleSource;
use crate::lang::Lang;
use crate::paragraphs::Format;
use crate::{ConcordError, Result};
use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

/// The extensions read, for messages.
const EXTENSIONS: &str = ".txt, .md, .markdown, .html or .htm";

/// Finds `en`, `uk` (or `ua`) and `ru` files with a supported extension in `dir`.
pub fn article_in_folder(dir: &Path) -> Result<ArticleSource> {
    let metadata = std::fs::metadata(dir).map_err(|e| {
        let message = if e.kind() == std::io::ErrorKind::NotFound {
            "folder does not exist".to_string()
        } else {
            format!("cannot open the folder: {e}")
        };
        ConcordError::in_file(dir, message)
            .with_hint("name an article folder that holds en, uk and ru files")
    })?;
    if !metadata.is_dir() {
        return Err(ConcordError::in_file(dir, "is not a folder").with_hint(
            "name the article's folder, or give files one by one with --file LANG=FILE",
        ));
    }
    let entries = std::fs::read_dir(dir)
        .map_err(|e| ConcordError::in_file(dir, format!("cannot list the folder: {e}")))?;
    let mut found: BTreeMap<Lang, Vec<PathBuf>> = BTreeMap::new();
    for entry in entries {
        let entry = entry
            .map_err(|e| ConcordError::in_file(dir, format!("cannot list the folder: {e}")))?;
        let path = entry.path();
        let Some(lang) = language_file(&path) else {
            continue;
        };
        if path.is_file() {
            found.entry(lang).or_default().push(path);
        }
    }
    for paths in found.values_mut() {
        paths.sort();
    }
    if let Some((lang, paths)) = found.iter().find(|(_, paths)| paths.len() > 1) {
        return Err(ConcordError::in_file(
            dir,
            format!(
                "{} files for {}: {}",
                paths.len(),
                lang.name(),
                file_names(paths)
            ),
        )
        .with_hint("keep one and rename or remove the other"));
    }
    let files: Vec<(Lang, PathBuf)> = found
        .into_iter()
        .filter_map(|(lang, mut paths)| paths.pop().map(|path| (lang, path)))
        .collect();
    if files.len() < 2 {
        let found_names = if files.is_empty() {
            "no language file was found".to_string()
        } else {
            let names: Vec<PathBuf> = files.iter().map(|(_, p)| p.clone()).collect();
            format!("only {} was found", file_names(&names))
        };
        return Err(ConcordError::in_file(
            dir,
            format!("an article needs at least two language versions, but {found_names}"),
        )
        .with_hint(format!(
            "name the files by language, en, uk (or ua) or ru, with {EXTENSIONS} (e.g. uk.txt, en.md)"
        )));
    }
    Ok(ArticleSource {
        path: dir.to_path_buf(),
        files,
    })
}

/// Files named one by one (`--file LANG=FILE`). The article's path is their common folder.
pub fn article_from_files(pairs: &[(String, PathBuf)]) -> Result<ArticleSource> {
    let mut files: Vec<(Lang, PathBuf)> = Vec::new();
    for (code, path) in pairs {
        let lang = Lang::from_code(code.trim()).ok_or_else(|| {
            ConcordError::new(format!(
                "unknown language code '{code}' in --file {code}={}",
                path.display()
            ))
            .with_hint("use en, uk (or ua) or ru")
        })?;
        if let Some((_, earlier)) = files.iter().find(|(l, _)| *l == lang) {
            return Err(ConcordError::new(format!(
                "two files for {}: {} and {}",
                lang.name(),
                earlier.display(),
                path.display()
            ))
            .with_hint("give one --file per language"));
        }
        if path.is_dir() {
            return Err(ConcordError::in_file(path, "is a folder, not a file")
                .with_hint(format!("give a {EXTENSIONS} file after --file {code}=")));
        }
        if !path.exists() {
            return Err(ConcordError::in_file(path, "file does not exist")
                .with_hint(format!("check the path given to --file {code}=")));
        }
        files.push((lang, path.clone()));
    }
    if files.len() < 2 {
        return Err(ConcordError::new(format!(
            "an article needs at least two language versions, but {} --file {} given",
            files.len(),
            if files.len() == 1 { "was" } else { "were" }
        ))
        .with_hint("give two or three of --file en=FILE, --file uk=FILE, --file ru=FILE"));
    }
    files.sort_by_key(|(lang, _)| *lang);
    let path = common_folder(files.iter().map(|(_, p)| p.as_path()));
    Ok(ArticleSource { path, files })
}

/// The language a file stands for, when its name is `<code>.<extension we read>`.
pub fn language_file(path: &Path) -> Option<Lang> {
    let stem = path.file_stem()?.to_str()?;
    let extension = path.extension()?.to_str()?;
    format_for_extension(extension)?;
    Lang::from_code(stem)
}

/// The splitter for a file extension, or `None` for extensions not read.
pub fn format_for_extension(extension: &str) -> Option<Format> {
    let extension = extension.to_ascii_lowercase();
    match extension.as_str() {
        "txt" => Some(Format::Plain),
        "md" | "markdown" => Some(Format::Markdown),
        "html" | "htm" => Some(Format::Html),
        _ => None,
    }
}

/// The splitter a file needs, from its extension. Files given with `--file` may have any
/// name; those with an unknown extension are read as plain text.
pub fn format_of(path: &Path) -> Format {
    path.extension()
        .and_then(|e| e.to_str())
        .and_then(format_for_extension)
        .unwrap_or(Format::Plain)
}

fn file_names(paths: &[PathBuf]) -> String {
    let names: Vec<String> = paths
        .iter()
        .map(|p| {
            p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            )
        })
        .collect();
    names.join(" and ")
}

/// The longest folder that contains every path ("." when they share none).
fn common_folder<'a>(paths: impl Iterator<Item = &'a Path>) -> PathBuf {
    let mut common: Option<Vec<Component<'a>>> = None;
    for path in paths {
        let parent: Vec<Component<'a>> = path
            .parent()
            .map(|p| p.components().collect())
            .unwrap_or_default();
        common = Some(match common {
            None => parent,
            Some(so_far) => so_far
                .into_iter()
                .zip(parent)
                .take_while(|(a, b)| a == b)
                .map(|(a, _)| a)
                .collect(),
        });
    }
    let folder: PathBuf = common.unwrap_or_default().into_iter().collect();
    if folder.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        folder
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn folder_with(names: &[&str]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for name in names {
            fs::write(dir.path().join(name), "Київ, 5 травня.\n").unwrap();
        }
        dir
    }

    fn langs_and_names(source: &ArticleSource) -> Vec<(Lang, String)> {
        source
            .files
            .iter()
            .map(|(lang, path)| {
                (
                    *lang,
                    path.file_name().unwrap().to_string_lossy().into_owned(),
                )
            })
            .collect()
    }

    #[test]
    fn finds_language_files_sorted_and_ignores_the_rest() {
        let dir = folder_with(&[
            "ru.txt",
            "README.txt",
            "EN.MD",
            "ua.txt",
            "en.bak",
            "photo.jpg",
            "uk.txt.orig",
            "de.txt",
        ]);
        fs::create_dir(dir.path().join("ru.md")).unwrap();
        let source = article_in_folder(dir.path()).unwrap();
        assert_eq!(
            langs_and_names(&source),
            [
                (Lang::En, "EN.MD".into()),
                (Lang::Uk, "ua.txt".into()),
                (Lang::Ru, "ru.txt".into())
            ]
        );
        assert_eq!(source.path, dir.path());
    }

    #[test]
    fn markdown_extension_long_form_is_accepted() {
        let dir = folder_with(&["uk.markdown", "en.Txt"]);
        let source = article_in_folder(dir.path()).unwrap();
        assert_eq!(
            langs_and_names(&source),
            [
                (Lang::En, "en.Txt".into()),
                (Lang::Uk, "uk.markdown".into())
            ]
        );
        assert_eq!(format_of(Path::new("uk.markdown")), Format::Markdown);
        assert_eq!(format_of(Path::new("en.Txt")), Format::Plain);
    }

    #[test]
    fn uk_and_ua_together_are_a_duplicate() {
        let dir = folder_with(&["uk.txt", "ua.txt", "en.txt"]);
        let error = article_in_folder(dir.path()).unwrap_err();
        assert!(
            error
                .message
                .contains("2 files for Ukrainian: ua.txt and uk.txt"),
            "{error}"
        );
        let dir = folder_with(&["en.txt", "en.md", "ru.txt"]);
        let error = article_in_folder(dir.path()).unwrap_err();
        assert!(
            error.message.contains("English: en.md and en.txt"),
            "{error}"
        );
    }

    #[test]
    fn fewer_than_two_languages_says_what_was_found() {
        let dir = folder_with(&["uk.txt", "README.md"]);
        let error = article_in_folder(dir.path()).unwrap_err();
        assert!(error.message.contains("only uk.txt was found"), "{error}");
        let dir = folder_with(&["notes.txt"]);
        let error = article_in_folder(dir.path()).unwrap_err();
        assert!(error.message.contains("no language file"), "{error}");
        assert!(
            error.to_string().contains("uk.txt"),
            "hint names the expected files: {error}"
        );
    }

    #[test]
    fn missing_folder_and_file_instead_of_folder() {
        let dir = folder_with(&["uk.txt"]);
        let missing = dir.path().join("no-such-article");
        let error = article_in_folder(&missing).unwrap_err();
        assert_eq!(error.path.as_deref(), Some(missing.as_path()));
        assert_eq!(error.message, "folder does not exist");
        let error = article_in_folder(&dir.path().join("uk.txt")).unwrap_err();
        assert_eq!(error.message, "is not a folder");
    }

    #[test]
    fn files_given_one_by_one() {
        let dir = folder_with(&["uk.txt", "en.txt"]);
        fs::create_dir(dir.path().join("sub")).unwrap();
        fs::write(dir.path().join("sub/russian.md"), "Текст").unwrap();
        let pairs = vec![
            ("ru".to_string(), dir.path().join("sub/russian.md")),
            ("UA".to_string(), dir.path().join("uk.txt")),
            ("en".to_string(), dir.path().join("en.txt")),
        ];
        let source = article_from_files(&pairs).unwrap();
        let langs: Vec<Lang> = source.files.iter().map(|(l, _)| *l).collect();
        assert_eq!(langs, [Lang::En, Lang::Uk, Lang::Ru]);
        assert_eq!(source.path, dir.path());
    }

    #[test]
    fn files_given_one_by_one_errors() {
        let dir = folder_with(&["uk.txt", "en.txt"]);
        let uk = dir.path().join("uk.txt");
        let en = dir.path().join("en.txt");
        let error = article_from_files(&[("de".into(), uk.clone()), ("en".into(), en.clone())])
            .unwrap_err();
        assert!(
            error.message.contains("unknown language code 'de'"),
            "{error}"
        );
        assert!(
            error.to_string().contains("en, uk (or ua) or ru"),
            "{error}"
        );
        let error = article_from_files(&[("uk".into(), uk.clone()), ("ua".into(), en.clone())])
            .unwrap_err();
        assert!(error.message.contains("two files for Ukrainian"), "{error}");
        let error = article_from_files(&[("uk".into(), uk.clone())]).unwrap_err();
        assert!(error.message.contains("at least two"), "{error}");
        let error = article_from_files(&[
            ("uk".into(), uk),
            ("en".into(), dir.path().join("gone.txt")),
        ])
        .unwrap_err();
        assert_eq!(error.message, "file does not exist");
    }

    #[test]
    fn common_folder_of_relative_and_nested_paths() {
        let folder = |paths: &[&str]| common_folder(paths.iter().map(Path::new));
        assert_eq!(folder(&["en.txt", "uk.txt"]), PathBuf::from("."));
        assert_eq!(
            folder(&["news/a/en.txt", "news/b/uk.txt"]),
            PathBuf::from("news")
        );
        assert_eq!(
            folder(&["news/a/en.txt", "news/a/uk.txt"]),
            PathBuf::from("news/a")
        );
    }
}
