//! Plain text: paragraphs are blocks separated by blank lines. A line holding only spaces or
//! invisible characters (NBSP, zero-width space...) counts as blank, as it looks blank.

use super::normalize::is_invisible;
use super::{Pos, TracedText};

/// The blocks of `text`, lines inside a block joined by `\n` (which keeps the position just
/// past the end of its line).
pub fn blocks(text: &str) -> Vec<TracedText> {
    let mut blocks = Vec::new();
    let mut block = TracedText::new();
    for (index, line) in text.split('\n').enumerate() {
        let line_number = index + 1;
        if line.chars().all(|c| c.is_whitespace() || is_invisible(c)) {
            if !block.is_empty() {
                blocks.push(std::mem::take(&mut block));
            }
            continue;
        }
        if let Some(&(_, last)) = block.last() {
            block.push((
                '\n',
                Pos {
                    line: last.line,
                    column: last.column + 1,
                },
            ));
        }
        let trimmed = line.trim_end();
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
    if !block.is_empty() {
        blocks.push(block);
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::super::{split, Format, Pos};

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
