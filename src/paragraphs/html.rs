//! HTML (CMS exports): block elements (headings, paragraphs, list items, quotes, captions,
//! table rows) with tags stripped and entities decoded, via scraper (html5ever).
//!
//! What is kept: the text of headings `h1`–`h6`, `p`, `li`, `blockquote`, `figcaption`, `dt`,
//! `dd`, `pre` and of any other block container (`div`, `section`...) that holds text directly;
//! inline elements (`a`, `strong`, `em`, `span`...) keep their text and lose their tags; `<br>`
//! is a line break. Table rows are one paragraph each, cells joined by " | ", as in Markdown.
//! Whitespace collapses as a browser shows it (outside `pre`). A block nested in another
//! (`p` in `blockquote`, `p` in `li`) ends the text before it, so no text is counted twice.
//! What is dropped: `script`, `style`, `noscript`, `template`, the `head` (its `title`
//! repeats the headline), `nav`, `aside` ("read also" boxes differ between versions),
//! `footer`, `svg`, `math`, `iframe`, `button`, `select`, image alt text, comments, and a
//! `header` outside an `article` (site chrome). A `header` inside an `article` holds the
//! headline and standfirst, so it is kept.
//!
//! # Positions
//!
//! html5ever reports no source positions, so every text node of the parsed tree is found
//! again in the source. Text nodes come in document order, which for well-formed exports is
//! source order; a cursor walks the source and each node is matched from it: markup
//! (tags, comments, doctypes) is skipped, literal characters must be equal, and at an `&` the
//! entity is decoded (with html5ever itself, so the rules are the parser's) and its characters
//! all point at the `&`. Text of raw-text elements (`script`, `style`...) is matched
//! literally. Text nodes of dropped elements are matched too, only to move the cursor past
//! them.
//!
//! Limits: when the parser moved text out of source order (text foster-parented out of a
//! malformed table, misnested formatting tags) or changed it (NUL characters), the node is
//! not found; its characters then all take the position of the next source text, and the
//! cursor stays where it was so the following nodes are still found. Characters that a
//! legacy entity without `;` swallowed (`&copyright` → "©right") point at their own source
//! characters only when they are the entity's literal tail.

use super::{Pos, TracedText};
use scraper::{Html, Node};
use std::collections::HashMap;

/// Elements whose text a reader does not see as part of the article.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "head", "nav", "aside", "footer", "svg", "math",
    "iframe", "object", "button", "select",
];

/// Elements that end the paragraph before them and start a new one.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
];

/// Elements whose text the parser takes literally, without entities or tags.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
];

/// The blocks of an HTML document.
pub fn blocks(text: &str) -> Vec<TracedText> {
    let document = Html::parse_document(text);
    let mut splitter = Splitter {
        source: Source::new(text),
        blocks: Vec::new(),
        current: TracedText::new(),
        dropped_depth: 0,
        pre_depth: 0,
        article_depth: 0,
    };
    // An explicit stack instead of recursion: 100,000 nested <div>s must not overflow it.
    let mut stack = vec![Visit::Enter(document.tree.root())];
    while let Some(visit) = stack.pop() {
        match visit {
            Visit::Enter(node) => {
                if let Some(element) = node.value().as_element() {
                    splitter.open(element.name());
                    stack.push(Visit::Leave(node));
                } else if let Node::Text(text) = node.value() {
                    let parent = node
                        .parent()
                        .and_then(|p| p.value().as_element().map(|e| e.name()));
                    splitter.text(text, parent.is_some_and(|p| RAW_TEXT.contains(&p)));
                }
                stack.extend(node.children().rev().map(Visit::Enter));
            }
            Visit::Leave(node) => {
                if let Some(element) = node.value().as_element() {
                    splitter.close(element.name());
                }
            }
        }
    }
    splitter.flush();
    splitter.blocks
}

enum Visit<N> {
    Enter(N),
    Leave(N),
}

struct Splitter {
    source: Source,
    blocks: Vec<TracedText>,
    current: TracedText,
    /// Inside a dropped element (they nest: a `style` inside a `nav`).
    dropped_depth: usize,
    pre_depth: usize,
    article_depth: usize,
}

impl Splitter {
    fn is_dropped(&self, name: &str) -> bool {
        DROPPED.contains(&name) || (name == "header" && self.article_depth == 0)
    }

    fn open(&mut self, name: &str) {
        if self.is_dropped(name) {
            self.flush();
            self.dropped_depth += 1;
            return;
        }
        match name {
            "br" => self.line_break(),
            "td" | "th" => {
                if self.dropped_depth == 0 && !self.current.is_empty() {
                    let pos = self.current.last().map_or(Pos::default(), |(_, p)| *p);
                    trim_trailing_space(&mut self.current);
                    self.current.extend(" | ".chars().map(|c| (c, pos)));
                }
            }
            _ => {
                if BLOCKS.contains(&name) {
                    self.flush();
                }
            }
        }
        if name == "pre" {
            self.pre_depth += 1;
        }
        if name == "article" {
            self.article_depth += 1;
        }
    }

    fn close(&mut self, name: &str) {
        if name == "article" {
            self.article_depth = self.article_depth.saturating_sub(1);
        }
        if self.is_dropped(name) {
            self.dropped_depth = self.dropped_depth.saturating_sub(1);
            return;
        }
        if name == "pre" {
            self.pre_depth = self.pre_depth.saturating_sub(1);
        }
        if BLOCKS.contains(&name) {
            self.flush();
        }
    }

    fn flush(&mut self) {
        if !self.current.is_empty() {
            self.blocks.push(std::mem::take(&mut self.current));
        }
    }

    fn line_break(&mut self) {
        if self.dropped_depth > 0 || self.current.is_empty() {
            return;
        }
        let pos = self.current.last().map_or(Pos::default(), |(_, p)| *p);
        trim_trailing_space(&mut self.current);
        self.current.push(('\n', pos));
    }

    /// Every text node is located, so that the cursor passes dropped text too; only text
    /// outside dropped elements is kept.
    fn text(&mut self, text: &str, raw: bool) {
        let traced = self.source.locate(text, raw);
        if self.dropped_depth > 0 {
            return;
        }
        for (c, pos) in traced {
            if self.pre_depth == 0 && is_html_space(c) {
                let after_space = self
                    .current
                    .last()
                    .is_none_or(|(last, _)| *last == ' ' || *last == '\n');
                if !after_space {
                    self.current.push((' ', pos));
                }
            } else {
                self.current.push((c, pos));
            }
        }
    }
}

/// The whitespace HTML collapses; NBSP and other Unicode spaces are text.
fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}')
}

fn trim_trailing_space(text: &mut TracedText) {
    while text.last().is_some_and(|(c, _)| *c == ' ') {
        text.pop();
    }
}

/// The source text with a cursor, for finding text nodes again.
struct Source {
    chars: Vec<char>,
    positions: Vec<Pos>,
    cursor: usize,
    /// Entity text as written → its decoded text (`None`: not an entity).
    entities: HashMap<String, Option<String>>,
}

impl Source {
    fn new(text: &str) -> Self {
        let chars: Vec<char> = text.chars().collect();
        let mut positions = Vec::with_capacity(chars.len());
        let mut pos = Pos { line: 1, column: 1 };
        for &c in &chars {
            positions.push(pos);
            if c == '\n' {
                pos = Pos {
                    line: pos.line + 1,
                    column: 1,
                };
            } else {
                pos.column += 1;
            }
        }
        Source {
            chars,
            positions,
            cursor: 0,
            entities: HashMap::new(),
        }
    }

    fn char_at(&self, index: usize) -> Option<char> {
        self.chars.get(index).copied()
    }

    fn pos_at(&self, index: usize) -> Pos {
        self.positions
            .get(index)
            .or(self.positions.last())
            .copied()
            .unwrap_or(Pos { line: 1, column: 1 })
    }

    /// The characters of a text node with their positions; see the module documentation.
    fn locate(&mut self, text: &str, raw: bool) -> TracedText {
        let wanted: Vec<char> = text.chars().collect();
        if let Some((traced, end)) = self.match_from(self.cursor, &wanted, raw) {
            self.cursor = end;
            return traced;
        }
        // Text the parser moved or dropped stands in the way: look further on, a bounded
        // distance so that a text node found nowhere costs linear time, not quadratic.
        const SEARCH: usize = 20_000;
        let first = wanted.iter().copied().find(|c| !is_html_space(*c));
        let last = self.chars.len().min(self.cursor.saturating_add(SEARCH));
        for start in self.cursor + 1..last {
            let candidate = self.char_at(start);
            if candidate != first && candidate != Some('&') {
                continue;
            }
            if let Some((traced, end)) = self.match_from(start, &wanted, raw) {
                self.cursor = end;
                return traced;
            }
        }
        let pos = self.pos_at(self.skip_markup_run(self.cursor));
        wanted.into_iter().map(|c| (c, pos)).collect()
    }

    /// Matches `wanted` at `start` (after any markup there); the traced text and the index
    /// just past the match.
    fn match_from(
        &mut self,
        start: usize,
        wanted: &[char],
        raw: bool,
    ) -> Option<(TracedText, usize)> {
        let mut at = self.skip_markup_run(start);
        let mut traced = TracedText::with_capacity(wanted.len());
        let mut matched = 0;
        while let Some(&expected) = wanted.get(matched) {
            let c = self.char_at(at)?;
            if !raw && c == '<' && self.starts_markup(at) {
                // Tags the parser ignored (a stray `</div>`) sit inside one text node.
                at = self.skip_markup(at);
                continue;
            }
            if !raw && c == '&' {
                if let Some((decoded, length)) = self.entity_at(at) {
                    let rest = wanted.get(matched..).unwrap_or_default();
                    if rest.starts_with(&decoded) {
                        let tail = literal_tail(&decoded, self.chars.get(at..at + length));
                        let head = decoded.len() - tail;
                        for (i, d) in decoded.iter().enumerate() {
                            let source_index = if i < head {
                                at
                            } else {
                                at + length - (decoded.len() - i)
                            };
                            traced.push((*d, self.pos_at(source_index)));
                        }
                        matched += decoded.len();
                        at += length;
                        continue;
                    }
                }
            }
            if c == expected {
                traced.push((c, self.pos_at(at)));
                matched += 1;
                at += 1;
                continue;
            }
            // The parser drops whitespace in some places (between `<html>` and `<head>`, the
            // newline that starts a `pre`), and never adds any.
            if is_html_space(c) {
                at += 1;
                continue;
            }
            return None;
        }
        Some((traced, at))
    }

    /// A `<` that opens a tag, end tag, comment, doctype or processing instruction.
    fn starts_markup(&self, at: usize) -> bool {
        self.char_at(at + 1)
            .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?'))
    }

    /// Skips any markup (and nothing else) from `at`.
    fn skip_markup_run(&self, mut at: usize) -> usize {
        while self.char_at(at) == Some('<') && self.starts_markup(at) {
            at = self.skip_markup(at);
        }
        at
    }

    /// The index just past the markup that starts at `at` (a `<`).
    fn skip_markup(&self, at: usize) -> usize {
        let end = self.chars.len();
        if self.chars.get(at..at + 4) == Some(&['<', '!', '-', '-']) {
            let mut i = at + 4;
            while i < end {
                if self.chars.get(i..i + 3) == Some(&['-', '-', '>']) {
                    return i + 3;
                }
                i += 1;
            }
            return end;
        }
        let mut i = at + 1;
        let mut quote: Option<char> = None;
        let mut after_equals = false;
        while let Some(c) = self.char_at(i) {
            match quote {
                Some(q) if c == q => quote = None,
                Some(_) => {}
                None => match c {
                    '>' => return i + 1,
                    '"' | '\'' if after_equals => quote = Some(c),
                    _ => {}
                },
            }
            if quote.is_none() && !c.is_whitespace() {
                after_equals = c == '=';
            }
            i += 1;
        }
        end
    }

    /// The entity written at `at` (an `&`): its decoded characters and its length in source
    /// characters, when it is one.
    fn entity_at(&mut self, at: usize) -> Option<(Vec<char>, usize)> {
        let mut end = at + 1;
        if self.char_at(end) == Some('#') {
            end += 1;
            if matches!(self.char_at(end), Some('x' | 'X')) {
                end += 1;
            }
        }
        while self
            .char_at(end)
            .is_some_and(|c| c.is_ascii_alphanumeric())
            // The longest entity name is 31 characters; longer runs are words.
            && end - at < 40
        {
            end += 1;
        }
        if self.char_at(end) == Some(';') {
            end += 1;
        }
        let written: String = self.chars.get(at..end)?.iter().collect();
        if written.len() < 3 {
            return None;
        }
        let decoded = self
            .entities
            .entry(written.clone())
            .or_insert_with(|| {
                let fragment = Html::parse_fragment(&written);
                let decoded: String = fragment.root_element().text().collect();
                (decoded != written && !decoded.is_empty()).then_some(decoded)
            })
            .clone()?;
        Some((decoded.chars().collect(), end - at))
    }
}

/// How many last characters of `decoded` are the entity's own last characters written out
/// (`&copyright` → "©right": 5), leaving at least the first decoded character to the `&`.
fn literal_tail(decoded: &[char], written: Option<&[char]>) -> usize {
    let Some(written) = written else {
        return 0;
    };
    let limit = decoded
        .len()
        .saturating_sub(1)
        .min(written.len().saturating_sub(1));
    decoded
        .iter()
        .rev()
        .zip(written.iter().rev())
        .take(limit)
        .take_while(|(d, w)| d == w)
        .count()
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{position_of, texts};
    use super::super::{split, Format, Pos};

    #[test]
    fn blocks_lose_their_tags_and_nested_blocks_are_not_repeated() {
        let html = "<article>\n<h1>Уряд ухвалив бюджет</h1>\n<blockquote><p>Ми відбудуємо все, &mdash; сказав <em>прем&#8217;єр</em>.</p></blockquote>\n<ul><li>Вступ пункту<p>Дефіцит &ndash; <b>20,4%</b> ВВП</p></li>\n<li>другий<br>рядок</li></ul>\n<table><tr><th>Рік</th><th>Сума</th></tr><tr><td>2023</td><td>13,5</td></tr></table>\n</article>";
        let paragraphs = split(html, Format::Html);
        assert_eq!(
            texts(&paragraphs),
            [
                "Уряд ухвалив бюджет",
                "Ми відбудуємо все, - сказав прем'єр.",
                "Вступ пункту",
                "Дефіцит - 20,4% ВВП",
                "другий\nрядок",
                "Рік | Сума",
                "2023 | 13,5",
            ]
        );
    }

    #[test]
    fn page_chrome_scripts_and_styles_are_not_text() {
        let html = "<html><head><title>Бюджет | Новини</title><style>p { color: red }</style></head><body>\n<header>Сайт новин 24/7</header><nav><a href=/>Головна</a></nav>\n<article><header><h1>Бюджет на 2025 рік</h1></header>\n<script>var views = 1000; if (a < b) { document.write('<p>5 млн</p>') }</script>\n<p>Дефіцит становитиме 20,4% ВВП.</p>\n<aside>Читайте також: 10 новин</aside>\n<footer>Теги: бюджет</footer></article>\n<footer>&copy; 2024</footer><noscript><p>Увімкніть JavaScript</p></noscript></body></html>";
        let paragraphs = split(html, Format::Html);
        assert_eq!(
            texts(&paragraphs),
            ["Бюджет на 2025 рік", "Дефіцит становитиме 20,4% ВВП."]
        );
        assert_eq!(
            position_of(&paragraphs[1], "20,4%"),
            Pos {
                line: 5,
                column: 24
            }
        );
    }

    #[test]
    fn origins_point_at_entities_and_text_after_inline_tags() {
        let html = "<body>\n  <p>Збитки <strong>сягнули&nbsp;13,5&nbsp;млн</strong> грн,\n    &laquo;заявив&raquo; <a href=\"/x?a=1&amp;b=2\" title='a > b'>міністр</a> у&nbsp;понеділок.</p>\n</body>";
        let paragraphs = split(html, Format::Html);
        let paragraph = paragraphs.first().unwrap();
        assert_eq!(
            paragraph.text,
            "Збитки сягнули 13,5 млн грн, \"заявив\" міністр у понеділок."
        );
        assert_eq!(paragraph.origins.len(), paragraph.text.chars().count());
        assert_eq!(paragraph.position(0), Pos { line: 2, column: 6 });
        assert_eq!(
            position_of(paragraph, "сягнули"),
            Pos {
                line: 2,
                column: 21
            }
        );
        // The NBSP before 13,5 is the `&` of `&nbsp;`, the number its own digits.
        assert_eq!(
            position_of(paragraph, " 13,5"),
            Pos {
                line: 2,
                column: 28
            }
        );
        assert_eq!(
            position_of(paragraph, "13,5"),
            Pos {
                line: 2,
                column: 34
            }
        );
        assert_eq!(
            position_of(paragraph, "грн"),
            Pos {
                line: 2,
                column: 57
            }
        );
        // The source newline and indentation collapse into one space at the newline.
        assert_eq!(
            position_of(paragraph, " \"заявив"),
            Pos {
                line: 2,
                column: 61
            }
        );
        assert_eq!(
            position_of(paragraph, "\"заявив"),
            Pos { line: 3, column: 5 }
        );
        assert_eq!(
            position_of(paragraph, "заявив"),
            Pos {
                line: 3,
                column: 12
            }
        );
        assert_eq!(
            position_of(paragraph, "міністр"),
            Pos {
                line: 3,
                column: 65
            }
        );
        assert_eq!(
            position_of(paragraph, "понеділок"),
            Pos {
                line: 3,
                column: 84
            }
        );
    }

    #[test]
    fn legacy_entities_and_bare_ampersands() {
        let html = "<p>AT&T &copyright 5 &lt; 6 &amp so &#x41;&#66; &unknown; &#</p>";
        let paragraphs = split(html, Format::Html);
        let paragraph = paragraphs.first().unwrap();
        assert_eq!(paragraph.text, "AT&T ©right 5 < 6 & so AB &unknown; &#");
        assert_eq!(position_of(paragraph, "©"), Pos { line: 1, column: 9 });
        assert_eq!(
            position_of(paragraph, "right"),
            Pos {
                line: 1,
                column: 14
            }
        );
        assert_eq!(
            position_of(paragraph, "< 6"),
            Pos {
                line: 1,
                column: 22
            }
        );
        assert_eq!(
            position_of(paragraph, "& so"),
            Pos {
                line: 1,
                column: 29
            }
        );
        assert_eq!(
            position_of(paragraph, "AB"),
            Pos {
                line: 1,
                column: 37
            }
        );
        assert_eq!(
            position_of(paragraph, "B &unk"),
            Pos {
                line: 1,
                column: 43
            }
        );
        assert_eq!(
            position_of(paragraph, "&unknown"),
            Pos {
                line: 1,
                column: 49
            }
        );
    }

    #[test]
    fn malformed_markup_keeps_text_and_positions_stay_near() {
        let html = "<div>Перший абзац</div></div></span>\n<p>Другий <b>жирний <i>курсив</b> далі</i> кінець\n<p>Третій, без закриття\n<table>Винесений текст<tr><td>12</td></tr></table>\n<!-- коментар <p>5</p> -->\n<p>Останній";
        let paragraphs = split(html, Format::Html);
        assert_eq!(
            texts(&paragraphs),
            [
                "Перший абзац",
                "Другий жирний курсив далі кінець",
                // Text inside <table> but outside cells goes before the table, as browsers
                // show it: here into the unclosed paragraph.
                "Третій, без закриття Винесений текст",
                "12",
                "Останній"
            ]
        );
        for paragraph in &paragraphs {
            assert_eq!(paragraph.origins.len(), paragraph.text.chars().count());
        }
        assert_eq!(paragraphs[2].position(0), Pos { line: 3, column: 4 });
        assert_eq!(
            position_of(&paragraphs[2], "Винесений"),
            Pos { line: 4, column: 8 }
        );
        assert_eq!(
            paragraphs[3].position(0),
            Pos {
                line: 4,
                column: 31
            }
        );
        assert_eq!(paragraphs[4].position(0), Pos { line: 6, column: 4 });
    }

    #[test]
    fn pre_keeps_its_lines() {
        let html = "<pre>\nРядок 1\n  Рядок 2</pre>";
        let paragraphs = split(html, Format::Html);
        assert_eq!(texts(&paragraphs), ["Рядок 1\n  Рядок 2"]);
        assert_eq!(paragraphs[0].position(0), Pos { line: 2, column: 1 });
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        assert!(split("", Format::Html).is_empty());
        assert_eq!(texts(&split("<", Format::Html)), ["<"]);
        assert_eq!(texts(&split("&", Format::Html)), ["&"]);
        assert!(split("<p>\u{200b}&nbsp;</p><p>   </p>", Format::Html).is_empty());
        let deep = format!(
            "{}Глибоко{}",
            "<div>".repeat(20_000),
            "</div>".repeat(20_000)
        );
        assert_eq!(texts(&split(&deep, Format::Html)), ["Глибоко"]);
        let entities = "&".repeat(5_000) + &"&amp".repeat(5_000) + "&#99999999999;";
        let paragraphs = split(&entities, Format::Html);
        assert_eq!(paragraphs.len(), 1);
        assert_eq!(
            paragraphs[0].origins.len(),
            paragraphs[0].text.chars().count()
        );
        let unclosed = "<p title=\"never closed>Текст".to_string();
        let _ = split(&unclosed, Format::Html);
        let _ = split("<p>a\0b</p><p>\r\nc</p>", Format::Html);
    }
}
