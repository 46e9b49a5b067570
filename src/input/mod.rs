//! Finding the language files of an article and reading them into [`Document`]s.

use crate::lang::Lang;
use crate::paragraphs::Paragraph;
use crate::{ConcordError, Result};
use std::path::{Path, PathBuf};

pub mod decode;
pub mod discover;
pub mod limit;

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
    /// Refuse files larger than this many bytes; `None` means
    /// [`limit::DEFAULT_MAX_FILE_SIZE`].
    pub max_file_size: Option<u64>,
}

impl ReadOptions {
    /// Fails on an unknown `--encoding` label, so the CLI can refuse it before reading files.
    pub fn check(&self) -> Result<()> {
        match &self.encoding {
            Some(label) => decode::encoding_for_label(label).map(|_| ()),
            None => Ok(()),
        }
    }

    /// The largest file read, in bytes.
    pub fn max_file_size(&self) -> u64 {
        self.max_file_size.unwrap_or(limit::DEFAULT_MAX_FILE_SIZE)
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
    let bytes = read_file(path, options.max_file_size())?;
    let decoded = decode::decode(path, &bytes, options.encoding.as_deref())?;
    let format = discover::format_of(path);
    if format == crate::paragraphs::Format::Html {
        if let Some(offset) = limit::html_too_deep(&decoded.text, limit::MAX_HTML_DEPTH) {
            let (line, _) = crate::error::line_and_column(&decoded.text, offset);
            return Err(ConcordError::in_file(
                path,
                format!(
                    "HTML nests elements more than {} deep here; an article page never does",
                    limit::MAX_HTML_DEPTH
                ),
            )
            .at_line(line)
            .with_hint("export the article again from the CMS, or give its text as .txt or .md"));
        }
    }
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

/// The bytes of a file no larger than `max_size`. The size the file system reports is checked
/// before reading, and the read itself stops just past the limit, since that size can be
/// wrong (pipes, `/proc`) or the file may grow while it is read.
fn read_file(path: &Path, max_size: u64) -> Result<Vec<u8>> {
    let unreadable = |e: std::io::Error| {
        ConcordError::in_file(path, format!("cannot read the file: {e}"))
            .with_hint("check that the file exists and is readable")
    };
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let reported_len = file.metadata().map_or(0, |m| m.len());
    let too_large = |size: String, at_least: u64| {
        ConcordError::in_file(
            path,
            format!(
                "file is {size}, larger than the {} limit for one language version",
                limit::short_size(max_size).unwrap_or_else(|| limit::describe_size(max_size))
            ),
        )
        .with_hint(limit::raise_hint(max_size, at_least))
    };
    if reported_len > max_size {
        return Err(too_large(limit::describe_size(reported_len), reported_len));
    }
    match limit::read_limited(file, max_size, reported_len).map_err(unreadable)? {
        Ok(bytes) => Ok(bytes),
        Err(read) => Err(too_large(
            format!("more than {}", limit::describe_size(max_size)),
            read,
        )),
    }
}
