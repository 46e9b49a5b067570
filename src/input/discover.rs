//! Which files of a folder are the language versions of an article.

use super::ArticleSource;
use crate::paragraphs::Format;
use crate::{ConcordError, Result};
use std::path::Path;

/// Finds `en`, `uk` (or `ua`) and `ru` files with a supported extension in `dir`.
pub fn article_in_folder(dir: &Path) -> Result<ArticleSource> {
    Err(ConcordError::in_file(dir, "not implemented"))
}

/// The splitter a file needs, from its extension.
pub fn format_of(path: &Path) -> Format {
    match path.extension().and_then(|e| e.to_str()) {
        Some(ext) if ext.eq_ignore_ascii_case("md") || ext.eq_ignore_ascii_case("markdown") => {
            Format::Markdown
        }
        _ => Format::Plain,
    }
}
