//! `concord align`: the alignment side by side, one row per aligned group, so that a user
//! can see which paragraphs concord took for translations of which.
//!
//! ```text
//! samples/budget: 3 aligned groups (en 4, uk 2, ru 3 paragraphs)
//! #  en en.md                         uk uk.md                         ru ru.md
//! 1  1 The Lviv city council…         1 У четвер Львівська міська…     1 В четверг Львовский…
//!    2 Spending on schools will…
//! 2  3 Deputy mayor Olena…            —                                2 Заместитель мэра Елена…
//! 3  4 The budget takes effect on…    2 Бюджет набуде чинності 1…      3 Бюджет вступит в силу 1…
//! ```

use super::style::{one_line, pad, truncate, Painter, Style};
use super::{display_path, plural, TextOptions};
use crate::article::CheckedArticle;
use crate::input::Document;
use std::fmt::Write;

const SEPARATOR: &str = "  ";
/// Narrower than this a cell shows too little to recognize a paragraph.
const MIN_CELL: usize = 16;

pub fn render(article: &CheckedArticle, options: &TextOptions) -> String {
    let painter = Painter {
        color: options.color,
    };
    let documents = &article.documents;
    let mut out = String::new();
    let counts: Vec<String> = documents
        .iter()
        .map(|d| format!("{} {}", d.lang, d.paragraphs.len()))
        .collect();
    let _ = writeln!(
        out,
        "{}: {} ({} paragraphs)",
        painter.paint(Style::Strong, &display_path(&article.path)),
        plural(article.alignment.len(), "aligned group", "aligned groups"),
        counts.join(", ")
    );
    if documents.is_empty() {
        return out;
    }

    let number_width = article.alignment.len().max(1).to_string().len();
    let columns = documents.len();
    let room = options
        .width
        .saturating_sub(number_width + SEPARATOR.len() * columns);
    let cell = (room / columns).max(MIN_CELL);

    let header: Vec<String> = documents
        .iter()
        .map(|document| header_cell(document, cell, painter))
        .collect();
    push_row(&mut out, &pad("#", number_width), &header);

    for (index, group) in article.alignment.iter().enumerate() {
        let cells: Vec<Vec<String>> = documents
            .iter()
            .enumerate()
            .map(|(d, document)| {
                let members = group.members.get(d).map(Vec::as_slice).unwrap_or(&[]);
                version_lines(document, members, cell, painter)
            })
            .collect();
        let height = cells.iter().map(Vec::len).max().unwrap_or(0);
        for line in 0..height {
            let gutter = if line == 0 {
                format!("{:>number_width$}", index + 1)
            } else {
                " ".repeat(number_width)
            };
            let row: Vec<String> = cells
                .iter()
                .map(|lines| lines.get(line).cloned().unwrap_or_else(|| " ".repeat(cell)))
                .collect();
            push_row(&mut out, &gutter, &row);
        }
    }
    out
}

fn push_row(out: &mut String, gutter: &str, cells: &[String]) {
    let mut line = gutter.to_string();
    for cell in cells {
        line.push_str(SEPARATOR);
        line.push_str(cell);
    }
    out.push_str(line.trim_end());
    out.push('\n');
}

/// "ru ru.txt (windows-1251)", padded to the cell. The file name alone, since the article's
/// folder is on the title line.
fn header_cell(document: &Document, cell: usize, painter: Painter) -> String {
    let name = document
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| display_path(&document.path));
    let encoding = document
        .encoding
        .map(|e| format!(" ({e})"))
        .unwrap_or_default();
    let code = document.lang.code();
    let rest = truncate(
        &format!(" {name}{encoding}"),
        cell.saturating_sub(code.len()),
    );
    let plain_width = code.len() + super::style::width(&rest);
    format!(
        "{}{rest}{}",
        painter.paint(Style::Strong, code),
        " ".repeat(cell.saturating_sub(plain_width))
    )
}

/// One line per paragraph of the version in the group: its number and first words; "—"
/// when the version has none here.
fn version_lines(
    document: &Document,
    members: &[usize],
    cell: usize,
    painter: Painter,
) -> Vec<String> {
    if members.is_empty() {
        return vec![format!(
            "{}{}",
            painter.paint(Style::Dim, "—"),
            " ".repeat(cell.saturating_sub(1))
        )];
    }
    let number_width = document.paragraphs.len().max(1).to_string().len();
    members
        .iter()
        .map(|&index| {
            let paragraph = document.paragraphs.get(index);
            let number = paragraph.map_or(index + 1, |p| p.number);
            let words = paragraph.map(|p| flatten(&p.text)).unwrap_or_default();
            let text = truncate(&words, cell.saturating_sub(number_width + 1));
            let shown = pad(&text, cell.saturating_sub(number_width + 1));
            format!(
                "{} {shown}",
                painter.paint(Style::Gutter, &format!("{number:>number_width$}"))
            )
        })
        .collect()
}

/// The paragraph on one line, runs of spaces collapsed.
fn flatten(text: &str) -> String {
    let one: String = text.chars().map(one_line).collect();
    one.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixtures;

    #[test]
    fn side_by_side_shows_merged_and_missing_paragraphs() {
        let options = TextOptions {
            width: 100,
            ..TextOptions::default()
        };
        let view = render(&fixtures::budget(), &options);
        let expected = "\
samples/budget: 3 aligned groups (en 4, uk 2, ru 3 paragraphs)
#  en en.md                         uk uk.md                         ru ru.md
1  1 The Lviv city council…         1 У четвер Львівська міська…     1 В четверг Львовский…
   2 Spending on schools will…
2  3 Deputy mayor Olena…            —                                2 Заместитель мэра Елена…
3  4 The budget takes effect on…    2 Бюджет набуде чинності 1…      3 Бюджет вступит в силу 1…
";
        assert_eq!(view, expected, "\n{view}");
    }

    #[test]
    fn header_names_legacy_encodings_and_columns_stay_aligned() {
        let view = render(&fixtures::kharkiv(), &TextOptions::default());
        let lines: Vec<&str> = view.lines().collect();
        assert_eq!(
            lines[0],
            "samples/x: 3 aligned groups (en 3, uk 3, ru 3 paragraphs)"
        );
        assert!(lines[1].ends_with("ru ru.txt (windows-1251)"), "{view}");
        // Every version starts in the same column on every row, whatever the script.
        for line in &lines[1..] {
            let starts: Vec<usize> = [" en", " uk", " ru", " 1 ", " 2 ", " 3 "]
                .iter()
                .filter_map(|marker| line.find(marker).map(|byte| line[..byte].chars().count()))
                .collect();
            assert!(
                starts.iter().all(|column| [2, 41, 80].contains(column)),
                "{line}: {starts:?}"
            );
        }
    }

    #[test]
    fn narrow_terminals_and_colors_do_not_break_the_view() {
        let narrow = TextOptions {
            width: 20,
            ..TextOptions::default()
        };
        let view = render(&fixtures::budget(), &narrow);
        assert!(
            view.contains("2 Бюджет набуде…  3 Бюджет вступи…"),
            "{view}"
        );
        let colored = render(
            &fixtures::budget(),
            &TextOptions {
                color: true,
                ..TextOptions::default()
            },
        );
        assert!(colored.contains("\x1b[2m—\x1b[0m"), "{colored}");
        assert!(!render(&fixtures::budget(), &TextOptions::default()).contains('\x1b'));
    }
}
