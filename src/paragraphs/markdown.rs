//! Markdown: block elements (headings, paragraphs, list items, block quotes, table rows, code
//! blocks) with markup stripped, via pulldown-cmark.
//!
//! What is kept: the visible text of emphasis, links (not their addresses), code spans and code
//! blocks (an indented paragraph is a code block in Markdown; dropping it would hide text the
//! translator meant as prose). Table rows are one paragraph each, cells joined by " | ".
//! What is dropped: images with their alt text (alt text is often left untranslated or empty
//! and a reader does not see it as part of the article), HTML blocks and inline HTML tags
//! (`<br>` becomes a line break), front matter of static site generators (`---` YAML or
//! `+++` TOML at the top), footnote references, task list markers.

use super::{Pos, TracedText};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::ops::Range;

/// The blocks of a Markdown text. pulldown-cmark parses iteratively: 5,000 nested quotes or
/// lists cost time (quadratic in depth for lists, but so is the file size) and no stack.
pub fn blocks(text: &str) -> Vec<TracedText> {
    let mut splitter = Splitter {
        locator: Locator::new(text),
        source: text,
        blocks: Vec::new(),
        current: TracedText::new(),
        image_depth: 0,
        in_hidden_block: false,
    };
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        splitter.event(event, range);
    }
    splitter.flush();
    splitter.blocks
}

struct Splitter<'a> {
    locator: Locator<'a>,
    source: &'a str,
    blocks: Vec<TracedText>,
    current: TracedText,
    /// Inside an image, whose alt text is dropped (images can nest inside image alt text).
    image_depth: usize,
    /// Inside an HTML block or front matter, which readers do not see as text.
    in_hidden_block: bool,
}

impl Splitter<'_> {
    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(&tag, range),
            Event::End(tag) => self.end(tag, range),
            Event::Text(text) | Event::Code(text) => self.text(&text, range),
            Event::SoftBreak | Event::HardBreak => self.line_break(range),
            Event::InlineHtml(html) => {
                let tag = html.trim().to_ascii_lowercase();
                if tag.starts_with("<br") {
                    self.line_break(range);
                }
            }
            Event::Html(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_)
            | Event::FootnoteReference(_)
            | Event::TaskListMarker(_) => {}
            Event::Rule => self.flush(),
        }
    }

    fn start(&mut self, tag: &Tag<'_>, range: Range<usize>) {
        match tag {
            Tag::Image { .. } => self.image_depth += 1,
            Tag::HtmlBlock | Tag::MetadataBlock(_) => {
                self.flush();
                self.in_hidden_block = true;
            }
            Tag::TableCell => {
                if !self.current.is_empty() {
                    let pos = self.locator.pos(range.start);
                    self.current.extend(" | ".chars().map(|c| (c, pos)));
                }
            }
            Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. } => {}
            _ => self.flush(),
        }
    }

    fn end(&mut self, tag: TagEnd, _range: Range<usize>) {
        match tag {
            TagEnd::Image => self.image_depth = self.image_depth.saturating_sub(1),
            TagEnd::HtmlBlock | TagEnd::MetadataBlock(_) => self.in_hidden_block = false,
            TagEnd::TableCell
            | TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Link => {}
            _ => self.flush(),
        }
    }

    fn flush(&mut self) {
        if !self.current.is_empty() {
            self.blocks.push(std::mem::take(&mut self.current));
        }
    }

    fn line_break(&mut self, range: Range<usize>) {
        if self.image_depth == 0 && !self.in_hidden_block && !self.current.is_empty() {
            let pos = self.locator.pos(range.start);
            self.current.push(('\n', pos));
        }
    }

    /// Appends text whose source is `range`. Usually the text is the source itself; when the
    /// parser changed it (escapes such as `\*`, entities such as `&amp;`, indentation removed
    /// from code), each character is matched to the next equal source character nearby, and
    /// one that cannot be found takes the position of the source character at hand.
    fn text(&mut self, text: &str, range: Range<usize>) {
        if self.image_depth > 0 || self.in_hidden_block {
            return;
        }
        let source = self.source.get(range.clone()).unwrap_or_default();
        let start = self.locator.pos(range.start);
        let source_chars = positions(source, start);
        if source == text {
            self.current.extend(source_chars);
            return;
        }
        const LOOKAHEAD: usize = 16;
        let mut cursor = 0usize;
        for c in text.chars() {
            let found = source_chars
                .iter()
                .skip(cursor)
                .take(LOOKAHEAD)
                .position(|(s, _)| *s == c)
                .map(|offset| cursor + offset);
            let pos = match found {
                Some(index) => {
                    cursor = index + 1;
                    source_chars.get(index).map_or(start, |(_, p)| *p)
                }
                None => source_chars
                    .get(cursor)
                    .or(source_chars.last())
                    .map_or(start, |(_, p)| *p),
            };
            self.current.push((c, pos));
        }
    }
}

/// The characters of `source` with their positions, the first at `start`.
fn positions(source: &str, start: Pos) -> TracedText {
    let mut pos = start;
    source
        .chars()
        .map(|c| {
            let here = pos;
            if c == '\n' {
                pos = Pos {
                    line: pos.line + 1,
                    column: 1,
                };
            } else {
                pos.column += 1;
            }
            (c, here)
        })
        .collect()
}

/// Byte offset → line and column. Events come mostly in source order, so the last answer is
/// kept and the next one counts on from it instead of from the line start.
struct Locator<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
    last_offset: usize,
    last_line_index: usize,
    last_column: usize,
}

impl<'a> Locator<'a> {
    fn new(text: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Locator {
            text,
            line_starts,
            last_offset: 0,
            last_line_index: 0,
            last_column: 1,
        }
    }

    fn pos(&mut self, offset: usize) -> Pos {
        let offset = offset.min(self.text.len());
        let line_index = self
            .line_starts
            .partition_point(|&start| start <= offset)
            .saturating_sub(1);
        let line_start = self.line_starts.get(line_index).copied().unwrap_or(0);
        let (from, column) = if line_index == self.last_line_index && offset >= self.last_offset {
            (self.last_offset, self.last_column)
        } else {
            (line_start, 1)
        };
        let column = column + self.text.get(from..offset).map_or(0, |s| s.chars().count());
        self.last_offset = offset;
        self.last_line_index = line_index;
        self.last_column = column;
        Pos {
            line: line_index + 1,
            column,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{position_of, texts};
    use super::super::{split, Format, Pos};

    #[test]
    fn headings_paragraphs_items_and_quotes_lose_their_markup() {
        let text = "# Уряд ухвалив бюджет\n\nДефіцит становитиме **20,4%** ВВП,\nповідомив [Мінфін](https://mof.gov.ua).\n\n- перший пункт\n- другий *пункт*\n\n> Ми відбудуємо все, — сказав `прем'єр`.\n\nSetext heading\n==============\n";
        let paragraphs = split(text, Format::Markdown);
        assert_eq!(
            texts(&paragraphs),
            [
                "Уряд ухвалив бюджет",
                "Дефіцит становитиме 20,4% ВВП,\nповідомив Мінфін.",
                "перший пункт",
                "другий пункт",
                "Ми відбудуємо все, - сказав прем'єр.",
                "Setext heading",
            ]
        );
        let numbers: Vec<usize> = paragraphs.iter().map(|p| p.number).collect();
        assert_eq!(numbers, [1, 2, 3, 4, 5, 6]);
    }

    #[test]
    fn origins_point_into_the_original_markup() {
        let text = "Вступ.\n\n  Збитки *сягнули* **13,5 млн** грн, — [заявив](http://x.ua \"т\") міністр\nу понеділок, 5 травня.\n";
        let paragraphs = split(text, Format::Markdown);
        let paragraph = paragraphs.get(1).unwrap();
        assert_eq!(
            paragraph.text,
            "Збитки сягнули 13,5 млн грн, - заявив міністр\nу понеділок, 5 травня."
        );
        assert_eq!(paragraph.origins.len(), paragraph.text.chars().count());
        assert_eq!(paragraph.position(0), Pos { line: 3, column: 3 });
        assert_eq!(
            position_of(paragraph, "сягнули"),
            Pos {
                line: 3,
                column: 11
            }
        );
        assert_eq!(
            position_of(paragraph, "13,5"),
            Pos {
                line: 3,
                column: 22
            }
        );
        assert_eq!(
            position_of(paragraph, "- заявив"),
            Pos {
                line: 3,
                column: 38
            }
        );
        assert_eq!(
            position_of(paragraph, "заявив"),
            Pos {
                line: 3,
                column: 41
            }
        );
        assert_eq!(
            position_of(paragraph, "міністр"),
            Pos {
                line: 3,
                column: 66
            }
        );
        assert_eq!(
            position_of(paragraph, "\n"),
            Pos {
                line: 3,
                column: 73
            }
        );
        assert_eq!(
            position_of(paragraph, "5 травня"),
            Pos {
                line: 4,
                column: 14
            }
        );
    }

    #[test]
    fn escapes_and_entities_keep_positions_near_their_source() {
        let paragraphs = split(
            "Ціна \\*зросла\\* на 5&nbsp;% &amp; більше",
            Format::Markdown,
        );
        let paragraph = paragraphs.first().unwrap();
        assert_eq!(paragraph.text, "Ціна *зросла* на 5 % & більше");
        assert_eq!(
            position_of(paragraph, "*зросла"),
            Pos { line: 1, column: 7 }
        );
        assert_eq!(position_of(paragraph, "зросла"), Pos { line: 1, column: 8 });
        assert_eq!(
            position_of(paragraph, "& більше"),
            Pos {
                line: 1,
                column: 29
            }
        );
        assert_eq!(
            position_of(paragraph, "більше"),
            Pos {
                line: 1,
                column: 35
            }
        );
    }

    #[test]
    fn images_html_blocks_and_rules_are_dropped() {
        let text = "![Фото: 2023 рік](photo.jpg)\n\n<div class=\"ad\">\nРеклама 100 грн\n</div>\n\nТекст із ![іконкою](i.png) та<br>розривом.\n\n---\n\nКінець.";
        let paragraphs = split(text, Format::Markdown);
        assert_eq!(texts(&paragraphs), ["Текст із  та\nрозривом.", "Кінець."]);
    }

    #[test]
    fn front_matter_is_not_text() {
        let text = "---\ntitle: Бюджет\ndate: 2024-05-05\n---\n\nУряд ухвалив бюджет.\n";
        let paragraphs = split(text, Format::Markdown);
        assert_eq!(texts(&paragraphs), ["Уряд ухвалив бюджет."]);
        assert_eq!(paragraphs.first().unwrap().line(), 6);
        let toml = "+++\ndate = 2024-05-05\n+++\nУряд ухвалив бюджет.\n";
        assert_eq!(
            texts(&split(toml, Format::Markdown)),
            ["Уряд ухвалив бюджет."]
        );
    }

    #[test]
    fn loose_and_nested_lists_give_one_paragraph_per_block() {
        let text = "1. Перший пункт.\n\n   Його продовження.\n2. Другий пункт:\n   - вкладений 5\n   - вкладений 6\n";
        let paragraphs = split(text, Format::Markdown);
        assert_eq!(
            texts(&paragraphs),
            [
                "Перший пункт.",
                "Його продовження.",
                "Другий пункт:",
                "вкладений 5",
                "вкладений 6"
            ]
        );
    }

    #[test]
    fn code_blocks_and_table_rows_keep_their_text() {
        let text = "    Відступ на 4 пробіли, 10 000 грн.\n\n| Рік | Сума |\n|-----|------|\n| 2023 | 13,5 |\n";
        let paragraphs = split(text, Format::Markdown);
        assert_eq!(
            texts(&paragraphs),
            [
                "Відступ на 4 пробіли, 10 000 грн.",
                "Рік | Сума",
                "2023 | 13,5"
            ]
        );
        let row = paragraphs.get(2).unwrap();
        assert_eq!(
            position_of(row, "13,5"),
            Pos {
                line: 5,
                column: 10
            }
        );
        assert_eq!(
            paragraphs.first().unwrap().position(0),
            Pos { line: 1, column: 5 }
        );
    }

    #[test]
    fn five_thousand_nested_quotes_and_lists_are_read() {
        let deep_quote = format!("{} Київ, 5 травня", ">".repeat(5_000));
        let paragraphs = split(&deep_quote, Format::Markdown);
        assert_eq!(texts(&paragraphs), ["Київ, 5 травня"]);
        assert_eq!(
            paragraphs.first().unwrap().position(0),
            Pos {
                line: 1,
                column: 5_002
            }
        );
        let deep_list: String = (0..5_000)
            .map(|i| format!("{}- пункт {i}\n", "  ".repeat(i)))
            .collect();
        let paragraphs = split(&deep_list, Format::Markdown);
        assert_eq!(paragraphs.len(), 5_000);
        assert_eq!(paragraphs.last().unwrap().text, "пункт 4999");
    }

    #[test]
    fn pathological_inline_markup_does_not_panic() {
        for text in [
            "*".repeat(10_000),
            "[".repeat(10_000),
            "](".repeat(5_000),
            format!("{}Київ{}", "**".repeat(3_000), "**".repeat(3_000)),
            "`".repeat(10_000),
            "<".repeat(10_000),
            "\n".repeat(10_000),
            "1\u{200f}0\u{a0}000 грн".to_string(),
        ] {
            let _ = split(&text, Format::Markdown);
        }
    }
}
