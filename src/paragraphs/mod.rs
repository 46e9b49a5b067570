//! Splitting a decoded file into paragraphs, and normalizing what translators vary without
//! meaning to (quotes, dashes, spaces, apostrophes).
//!
//! Every character of a paragraph's text remembers where it stood in the original file, so
//! that reports can point at `file:line:column` even after Markdown markup was stripped.

pub mod html;
pub mod markdown;
pub mod normalize;
pub mod plain;

/// A 1-based position in the original file; column counted in characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

/// One paragraph of one language version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// 1-based number of the paragraph in its file.
    pub number: usize,
    /// Normalized text (see [`normalize`]); lines inside the paragraph are joined by `\n`.
    pub text: String,
    /// `origins[i]` is where the i-th character of `text` came from.
    pub origins: Vec<Pos>,
}

impl Paragraph {
    /// Line of the paragraph's first character.
    pub fn line(&self) -> usize {
        self.origins.first().map_or(1, |p| p.line)
    }

    /// Where the character at `char_index` of `text` stood in the file. An index past the end
    /// maps to the last character.
    pub fn position(&self, char_index: usize) -> Pos {
        match self.origins.get(char_index).or(self.origins.last()) {
            Some(pos) => *pos,
            None => Pos { line: 1, column: 1 },
        }
    }

    /// Length in characters, as alignment measures it.
    pub fn char_len(&self) -> usize {
        self.origins.len()
    }
}

/// Which splitter a file needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Plain,
    Markdown,
    Html,
}

/// Splits decoded text (line ends already `\n`) into normalized paragraphs. Blocks that are
/// empty after normalization (only spaces or invisible characters) are not paragraphs.
pub fn split(text: &str, format: Format) -> Vec<Paragraph> {
    let blocks = match format {
        Format::Plain => return number(plain::normalized_blocks(text)),
        Format::Markdown => markdown::blocks(text),
        Format::Html => html::blocks(text),
    };
    number(blocks.iter().map(|block| normalize::normalize_block(block)))
}

/// The raw text of one block, each character with its position in the file.
pub type TracedText = Vec<(char, Pos)>;

/// Numbers the blocks that are not empty after normalization from 1.
fn number(blocks: impl IntoIterator<Item = Option<(String, Vec<Pos>)>>) -> Vec<Paragraph> {
    blocks
        .into_iter()
        .flatten()
        .enumerate()
        .map(|(i, (text, origins))| Paragraph {
            number: i + 1,
            text,
            origins,
        })
        .collect()
}

/// What the splitters' tests share.
#[cfg(test)]
pub(crate) mod test_support {
    use super::{Paragraph, Pos};

    pub fn texts(paragraphs: &[Paragraph]) -> Vec<&str> {
        paragraphs.iter().map(|p| p.text.as_str()).collect()
    }

    /// Where the first occurrence of `needle` in the paragraph stood in the file.
    pub fn position_of(paragraph: &Paragraph, needle: &str) -> Pos {
        let byte = paragraph
            .text
            .find(needle)
            .unwrap_or_else(|| panic!("no {needle}"));
        paragraph.position(paragraph.text[..byte].chars().count())
    }
}
