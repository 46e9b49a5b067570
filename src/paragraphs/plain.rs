//! Plain text: paragraphs are blocks separated by blank lines. A line holding only spaces or
//! invisible characters (NBSP, zero-width space...) counts as blank, as it looks blank.

use super::normalize::{is_invisible, normalize_block, ComposedBlock};
use super::{Pos, TracedText};

/// [`blocks`], each normalized ([`normalize_block`]): nearly every block is read straight
/// into its paragraph text, without the list of characters and positions in between.
pub fn normalized_blocks(text: &str) -> Vec<Option<(String, Vec<Pos>)>> {
    let mut normalized = Vec::new();
    // The block being read: its lines, trimmed at the end, with their numbers.
    let mut lines: Vec<(usize, &str)> = Vec::new();
    for (index, line) in text.split('\n').enumerate() {
        if line.chars().all(|c| c.is_whitespace() || is_invisible(c)) {
            if !lines.is_empty() {
                normalized.push(normalize_lines(&lines));
                lines.clear();
            }
            continue;
        }
        lines.push((index + 1, line.trim_end()));
    }
    if !lines.is_empty() {
        normalized.push(normalize_lines(&lines));
    }
    normalized
}

/// One block of non-blank lines, as [`blocks`] joins them, normalized.
fn normalize_lines(lines: &[(usize, &str)]) -> Option<(String, Vec<Pos>)> {
    // Nearly every block holds only characters NFC leaves alone: read it straight, and go the
    // careful way through the list of characters only when a line holds one that is not.
    read_straight(lines).unwrap_or_else(|| {
        let mut block = TracedText::new();
        for &(number, line) in lines {
            push_line(&mut block, number, line);
        }
        normalize_block(&block)
    })
}

/// [`normalize_lines`] of a block of characters NFC leaves alone
/// ([`super::normalize::is_composed_starter`]); `None` when it holds another.
fn read_straight(lines: &[(usize, &str)]) -> Option<Option<(String, Vec<Pos>)>> {
    let mut block = ComposedBlock::with_capacity(lines.iter().map(|(_, l)| l.len() + 1).sum());
    let mut previous_end: Option<Pos> = None;
    for &(line_number, line) in lines {
        if let Some(end) = previous_end {
            block.push('\n', end);
        }
        let column = block.push_line(line, line_number)?;
        // The line feed stands just past the line's last character.
        previous_end = Some(Pos {
            line: line_number,
            column: column + 1,
        });
    }
    Some(block.finish())
}

/// Appends a non-blank line to a block, after a line feed when the block has lines already.
fn push_line(block: &mut TracedText, line_number: usize, trimmed: &str) {
    if let Some(&(_, last)) = block.last() {
        block.push((
            '\n',
            Pos {
                line: last.line,
                column: last.column + 1,
            },
        ));
    }
    block.extend(trimmed.chars().enumerate().map(|(i, c)| {
        (
            c,
            Pos {
                line: line_number,
                column: i + 1,
            },
        )
    }));
}

/// The blocks of `text`, lines inside a block joined by `\n` (which keeps the position just
/// past the end of its line): what [`normalized_blocks`] reads, character by character.
#[cfg(test)]
fn blocks(text: &str) -> Vec<TracedText> {
    let mut blocks = Vec::new();
    let mut block = TracedText::new();
    for (index, line) in text.split('\n').enumerate() {
        if line.chars().all(|c| c.is_whitespace() || is_invisible(c)) {
            if !block.is_empty() {
                blocks.push(std::mem::take(&mut block));
            }
            continue;
        }
        push_line(&mut block, index + 1, line.trim_end());
    }
    if !block.is_empty() {
        blocks.push(block);
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::super::normalize::normalize_block;
    use super::super::{split, Format, Pos};
    use super::{blocks, normalized_blocks};

    fn through_characters(text: &str) -> Vec<Option<(String, Vec<super::Pos>)>> {
        blocks(text).iter().map(|b| normalize_block(b)).collect()
    }

    #[test]
    fn straight_reading_agrees_with_reading_characters() {
        for text in [
            "  Київ, 5 травня.  \n«Ми відбудуємо»\t\n\n\u{a0}\n\u{200b}Друга\u{200f} частина\n",
            "Decomposed и\u{306} and e\u{301}\nnext line\n\n\u{feff}Word\u{2009}joiner",
            "\n\n\n",
            "",
            "one",
        ] {
            assert_eq!(
                normalized_blocks(text),
                through_characters(text),
                "{text:?}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn straight_reading_agrees_with_reading_characters_on_any_text(
            text in "[a-zA-Zа-яЁёґїѣ0-9 \t\n`\u{7f}«»—’“„№₴\u{a0}\u{2000}\u{2009}\u{200b}\u{301}\u{306}\u{483}\u{feff}\u{1}.]{0,60}"
        ) {
            proptest::prop_assert_eq!(normalized_blocks(&text), through_characters(&text));
        }
    }

    #[test]
    fn blocks_separated_by_blank_lines() {
        let text = "Уряд ухвалив бюджет на 2025 рік.\nДефіцит становитиме 20,4%.\n\n  \t\n\u{a0}\nПравительство утвердило бюджет.\n\n\nThe budget passed on 5 May.\n";
        let paragraphs = split(text, Format::Plain);
        let texts: Vec<&str> = paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Уряд ухвалив бюджет на 2025 рік.\nДефіцит становитиме 20,4%.",
                "Правительство утвердило бюджет.",
                "The budget passed on 5 May.",
            ]
        );
        let numbers: Vec<usize> = paragraphs.iter().map(|p| p.number).collect();
        assert_eq!(numbers, [1, 2, 3]);
        let lines: Vec<usize> = paragraphs.iter().map(|p| p.line()).collect();
        assert_eq!(lines, [1, 6, 9]);
    }

    #[test]
    fn every_character_knows_its_line_and_column() {
        let text = "  Київ, 5 травня.\n«Ми відбудуємо»\n";
        let paragraphs = split(text, Format::Plain);
        let paragraph = paragraphs.first().unwrap();
        assert_eq!(paragraph.text, "Київ, 5 травня.\n\"Ми відбудуємо\"");
        assert_eq!(paragraph.origins.len(), paragraph.text.chars().count());
        let five = paragraph.text.chars().position(|c| c == '5').unwrap();
        assert_eq!(paragraph.position(five), Pos { line: 1, column: 9 });
        let quote = paragraph.text.chars().position(|c| c == '"').unwrap();
        assert_eq!(paragraph.position(quote), Pos { line: 2, column: 1 });
        assert_eq!(
            paragraph.position(quote - 1),
            Pos {
                line: 1,
                column: 18
            }
        );
    }

    #[test]
    fn ten_thousand_blank_lines_are_no_paragraphs() {
        assert!(split(&"\n".repeat(10_000), Format::Plain).is_empty());
        assert!(split(&" \u{200b}\n".repeat(10_000), Format::Plain).is_empty());
        let text = format!("{}Київ\n{}", "\n".repeat(10_000), "\n".repeat(10_000));
        let paragraphs = split(&text, Format::Plain);
        assert_eq!(paragraphs.len(), 1);
        assert_eq!(paragraphs.first().map(|p| p.line()), Some(10_001));
    }
}
