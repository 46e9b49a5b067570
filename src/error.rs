//! Errors that stop an article from being checked. Each names the file (and line or byte
//! offset where one is known) and says what to do; the binary maps every one to exit code 2.

use std::fmt;
use std::path::{Path, PathBuf};

pub type Result<T> = std::result::Result<T, ConcordError>;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConcordError {
    /// The file or folder the problem is in, when there is one.
    pub path: Option<PathBuf>,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// 0-based byte offset, when known (binary or undecodable input).
    pub byte_offset: Option<usize>,
    /// What is wrong, in one sentence without a trailing period.
    pub message: String,
    /// What the user can do about it, if anything useful can be said.
    pub hint: Option<String>,
}

impl ConcordError {
    pub fn new(message: impl Into<String>) -> Self {
        ConcordError {
            path: None,
            line: None,
            byte_offset: None,
            message: message.into(),
            hint: None,
        }
    }

    pub fn in_file(path: impl AsRef<Path>, message: impl Into<String>) -> Self {
        ConcordError {
            path: Some(path.as_ref().to_path_buf()),
            ..ConcordError::new(message)
        }
    }

    pub fn at_line(mut self, line: usize) -> Self {
        self.line = Some(line);
        self
    }

    pub fn at_byte(mut self, offset: usize) -> Self {
        self.byte_offset = Some(offset);
        self
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for ConcordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(path) = &self.path {
            write!(f, "{}", path.display())?;
            if let Some(line) = self.line {
                write!(f, ":{line}")?;
            }
            if let Some(offset) = self.byte_offset {
                write!(f, " (byte {offset})")?;
            }
            write!(f, ": ")?;
        }
        write!(f, "{}", self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "; {hint}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ConcordError {}

/// 1-based line and column (in characters) of a byte offset in a source text, for errors
/// in files concord parses (TOML configuration and glossaries).
pub fn line_and_column(source: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(source.len());
    let before = source.get(..offset).unwrap_or(source);
    let line = before.matches('\n').count() + 1;
    let column = before
        .rsplit('\n')
        .next()
        .map_or(0, |last| last.chars().count())
        + 1;
    (line, column)
}
