//! Plain text: paragraphs are blocks separated by blank lines.

use super::Paragraph;

pub fn split(_text: &str) -> Vec<Paragraph> {
    Vec::new()
}
