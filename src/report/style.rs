//! Terminal styling and widths. Styles depend only on the caller's choice, never on the
//! environment, so that a report is the same in a test, a pipe and a terminal.

use crate::findings::Severity;
use colored::Color;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Style {
    /// The color of a severity: the header, the outlier's values and carets.
    Severity(Severity),
    /// Arrows, bars and secondary carets, as compilers draw them.
    Gutter,
    Strong,
    Dim,
    Deleted,
    Inserted,
    Good,
}

impl Style {
    fn sgr(self) -> String {
        let (color, attribute) = match self {
            Style::Severity(Severity::Error) => (Some(Color::Red), Some("1")),
            Style::Severity(Severity::Warning) => (Some(Color::Yellow), Some("1")),
            Style::Severity(Severity::Note) => (Some(Color::Cyan), Some("1")),
            Style::Gutter => (Some(Color::Blue), Some("1")),
            Style::Strong => (None, Some("1")),
            Style::Dim => (None, Some("2")),
            Style::Deleted => (Some(Color::Red), Some("9")),
            Style::Inserted => (Some(Color::Green), Some("4")),
            Style::Good => (Some(Color::Green), Some("1")),
        };
        let codes: Vec<String> = attribute
            .map(str::to_string)
            .into_iter()
            .chain(color.map(|c| c.to_fg_str().into_owned()))
            .collect();
        codes.join(";")
    }
}

/// Applies styles when colors are on; a no-op otherwise.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Painter {
    pub color: bool,
}

impl Painter {
    pub fn paint(&self, style: Style, text: &str) -> String {
        if self.color && !text.is_empty() {
            format!("\x1b[{}m{text}\x1b[0m", style.sgr())
        } else {
            text.to_string()
        }
    }
}

/// Characters that must not break an excerpt's single line become spaces, one for one, so
/// that character offsets stay valid.
pub(crate) fn one_line(c: char) -> char {
    if c.is_control() || c == '\u{2028}' || c == '\u{2029}' {
        ' '
    } else {
        c
    }
}

/// Combining marks, joiners and variation selectors take no column of their own.
pub(crate) fn is_zero_width(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F
        | 0x0483..=0x0489
        | 0x0591..=0x05BD
        | 0x0610..=0x061A
        | 0x064B..=0x065F
        | 0x1AB0..=0x1AFF
        | 0x1DC0..=0x1DFF
        | 0x200B..=0x200F
        | 0x2060..=0x2064
        | 0x20D0..=0x20FF
        | 0xFE00..=0xFE0F
        | 0xFE20..=0xFE2F
        | 0xFEFF)
}

/// East Asian wide characters and emoji take two columns. An approximation without a width
/// table: news in en/uk/ru rarely holds more than a quoted name or an emoji of them.
fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x1F300..=0x1F64F
        | 0x1F900..=0x1F9FF
        | 0x20000..=0x3FFFD)
}

pub(crate) fn char_width(c: char) -> usize {
    if is_zero_width(c) {
        0
    } else if is_wide(c) {
        2
    } else {
        1
    }
}

pub(crate) fn width(text: &str) -> usize {
    text.chars().map(char_width).sum()
}

/// Cuts `text` to at most `limit` columns, at a word boundary when one is not too far back,
/// marking the cut with "…".
pub(crate) fn truncate(text: &str, limit: usize) -> String {
    if width(text) <= limit {
        return text.to_string();
    }
    let Some(room) = limit.checked_sub(1) else {
        return String::new();
    };
    let mut kept = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = char_width(c);
        if used + w > room {
            break;
        }
        used += w;
        kept.push(c);
    }
    if let Some(space) = kept.rfind(char::is_whitespace) {
        if width(&kept[..space]) * 2 >= room {
            kept.truncate(space);
        }
    }
    let trimmed = kept.trim_end();
    format!("{trimmed}…")
}

/// Pads `text` with spaces to `columns` columns.
pub(crate) fn pad(text: &str, columns: usize) -> String {
    let missing = columns.saturating_sub(width(text));
    format!("{text}{}", " ".repeat(missing))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn combining_marks_take_no_column_and_cyrillic_takes_one() {
        assert_eq!(width("шістьох"), 7);
        assert_eq!(width("ви\u{301}бори"), 6);
        assert_eq!(width("日本"), 4);
    }

    #[test]
    fn truncation_prefers_a_word_boundary_and_keeps_combining_marks() {
        assert_eq!(
            truncate("Російські удари по Харкову: шестеро загиблих", 24),
            "Російські удари по…"
        );
        assert_eq!(truncate("ви\u{301}бори", 4), "ви\u{301}б…");
        assert_eq!(truncate("коротко", 20), "коротко");
        assert_eq!(truncate("коротко", 0), "");
    }

    #[test]
    fn painting_is_off_unless_asked() {
        let plain = Painter { color: false };
        let colored = Painter { color: true };
        let error = Style::Severity(Severity::Error);
        assert_eq!(plain.paint(error, "error"), "error");
        assert_eq!(colored.paint(error, "error"), "\x1b[1;31merror\x1b[0m");
    }
}
