//! Finding the language files of an article and reading them into [`Document`]s.

use crate::lang::Lang;
use crate::paragraphs::Paragraph;
use crate::{ConcordError, Result};
use std::path::{Path, PathBuf};

pub mod decode;
pub mod discover;

pub use discover::{article_from_files, article_in_folder};

/// One language version of an article.
#[derive(Clone, Debug)]
pub struct Document {
    pub lang: Lang,
    pub path: PathBuf,
    /// The encoding that was assumed when the file was not UTF-8 (e.g. "windows-1251"),
    /// or was UTF-16; `None` for UTF-8.
    pub encoding: Option<&'static str>,
    pub paragraphs: Vec<Paragraph>,
}

/// Where an article's files are: found in a folder or named one by one.
#[derive(Clone, Debug)]
pub struct ArticleSource {
    /// The folder, or for `--file` the common parent folder, shown as the article's path.
    pub path: PathBuf,
    /// One file per language, sorted by language.
    pub files: Vec<(Lang, PathBuf)>,
}

/// Options that change how files are read.
#[derive(Clone, Debug, Default)]
pub struct ReadOptions {
    /// Force this encoding (an encoding_rs label such as "windows-1251") instead of detecting.
    pub encoding: Option<String>,
}

impl ReadOptions {
    /// Fails on an unknown `--encoding` label, so the CLI can refuse it before reading files.
    pub fn check(&self) -> Result<()> {
        match &self.encoding {
            Some(label) => decode::encoding_for_label(label).map(|_| ()),
            None => Ok(()),
        }
    }
}

/// Reads and splits every file of the article. Fails on the first unreadable file: a report
/// over part of an article would be misleading.
pub fn load(source: &ArticleSource, options: &ReadOptions) -> Result<Vec<Document>> {
    source
        .files
        .iter()
        .map(|(lang, path)| load_document(*lang, path, options))
        .collect()
}

/// Reads, decodes and splits one file.
pub fn load_document(lang: Lang, path: &Path, options: &ReadOptions) -> Result<Document> {
    let bytes = std::fs::read(path).map_err(|e| {
        ConcordError::in_file(path, format!("cannot read the file: {e}"))
            .with_hint("check that the file exists and is readable")
    })?;
    let decoded = decode::decode(path, &bytes, options.encoding.as_deref())?;
    let format = discover::format_of(path);
    let paragraphs = crate::paragraphs::split(&decoded.text, format);
    if paragraphs.is_empty() {
        return Err(
            ConcordError::in_file(path, "file has no paragraphs of text")
                .with_hint("put this language version of the article in it, or remove the file"),
        );
    }
    Ok(Document {
        lang,
        path: path.to_path_buf(),
        encoding: decoded.encoding,
        paragraphs,
    })
}
