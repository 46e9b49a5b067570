//! The terminal report: findings grouped by aligned paragraph group, with excerpts,
//! highlighted values and inline diffs, read like compiler errors:
//!
//! ```text
//! samples/x: en ¶2 · uk ¶2 · ru ¶2
//! error[number]: ru says 7 where en and uk say 6
//!   --> samples/x/en.txt:3:82
//! en | …on Saturday afternoon, killing six people and injuring 38, regional…
//!    |                                 --- 6
//!   --> samples/x/ru.txt:3:81
//! ru | …многолюдный рынок в Харькове, погибли семь человек, ещё 38 ранены, сообщил…
//!    |                                        ^^^^ 7
//! ```
//!
//! The outlier's values are marked `^` in the severity's color, the others `-`.

use super::excerpt::{self, Piece};
use super::style::{Painter, Style};
use super::{display_path, find_paragraph, finding_paragraphs, plural, Summary, TextOptions};
use crate::article::CheckedArticle;
use crate::findings::{Finding, Severity, Span};
use crate::input::Document;
use crate::lang::Lang;
use similar::{ChangeTag, TextDiff};
use std::fmt::Write;

/// The whole report: every article's notes and findings, then the summary line.
pub fn render(articles: &[CheckedArticle], options: &TextOptions) -> String {
    let painter = Painter {
        color: options.color,
    };
    let mut out = String::new();
    for article in articles {
        render_article(&mut out, article, options, painter);
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out.push_str(&summary_line(&Summary::of(articles), options));
    out.push('\n');
    out
}

/// One article's part of the report, without the summary line: a streaming audit writes
/// these one by one, joined by blank lines, then [`summary_line`].
pub fn render_one(article: &CheckedArticle, options: &TextOptions) -> String {
    let mut out = String::new();
    render_article(
        &mut out,
        article,
        options,
        Painter {
            color: options.color,
        },
    );
    out
}

/// "2 errors, 1 warning in 1 article (3 paragraph groups checked)" or
/// "no findings in 2 articles (31 paragraph groups checked)".
pub fn summary_line(summary: &Summary, options: &TextOptions) -> String {
    let painter = Painter {
        color: options.color,
    };
    let counts: Vec<String> = [
        (Severity::Error, "error", "errors"),
        (Severity::Warning, "warning", "warnings"),
        (Severity::Note, "note", "notes"),
    ]
    .into_iter()
    .filter(|(severity, _, _)| summary.count(*severity) > 0)
    .map(|(severity, singular, plural_form)| {
        painter.paint(
            Style::Severity(severity),
            &plural(summary.count(severity), singular, plural_form),
        )
    })
    .collect();
    let found = if counts.is_empty() {
        painter.paint(Style::Good, "no findings")
    } else {
        counts.join(", ")
    };
    format!(
        "{found} in {} ({} checked)",
        plural(summary.articles, "article", "articles"),
        plural(summary.groups, "paragraph group", "paragraph groups")
    )
}

fn render_article(
    out: &mut String,
    article: &CheckedArticle,
    options: &TextOptions,
    painter: Painter,
) {
    let mut notes = String::new();
    for document in &article.documents {
        if let Some(encoding) = document.encoding {
            let _ = writeln!(
                notes,
                "{}: {} was decoded as {encoding}",
                painter.paint(Style::Severity(Severity::Note), "note"),
                display_path(&document.path)
            );
        }
    }
    if !notes.is_empty() {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&notes);
    }
    let mut findings: Vec<&Finding> = article.findings.iter().collect();
    findings.sort_by_key(|f| f.group);
    let mut current_group = None;
    for finding in findings {
        if !out.is_empty() {
            out.push('\n');
        }
        if current_group != Some(finding.group) {
            current_group = Some(finding.group);
            out.push_str(&group_heading(article, finding, painter));
            out.push('\n');
        }
        render_finding(out, article, finding, options, painter);
    }
}

/// "samples/x: en ¶14-15 · uk ¶14 · ru —"
fn group_heading(article: &CheckedArticle, finding: &Finding, painter: Painter) -> String {
    let sides: Vec<String> = article
        .documents
        .iter()
        .enumerate()
        .map(|(d, document)| {
            let numbers = finding_paragraphs(article, finding, d);
            if numbers.is_empty() {
                format!("{} —", document.lang)
            } else {
                format!("{} ¶{}", document.lang, number_ranges(&numbers))
            }
        })
        .collect();
    painter.paint(
        Style::Strong,
        &format!("{}: {}", display_path(&article.path), sides.join(" · ")),
    )
}

/// "3", "14-15", "3, 5".
pub(crate) fn number_ranges(numbers: &[usize]) -> String {
    let contiguous = numbers.windows(2).all(|w| w[1] == w[0] + 1);
    match (numbers.first(), numbers.last()) {
        (Some(first), Some(last)) if contiguous && first != last => format!("{first}-{last}"),
        _ => numbers
            .iter()
            .map(usize::to_string)
            .collect::<Vec<_>>()
            .join(", "),
    }
}

fn render_finding(
    out: &mut String,
    article: &CheckedArticle,
    finding: &Finding,
    options: &TextOptions,
    painter: Painter,
) {
    let severity_style = Style::Severity(finding.severity);
    let _ = writeln!(
        out,
        "{}{}",
        painter.paint(
            severity_style,
            &format!("{}[{}]", finding.severity.name(), finding.check.id())
        ),
        painter.paint(Style::Strong, &format!(": {}", finding.message))
    );
    for (d, document) in article.documents.iter().enumerate() {
        let numbers = finding_paragraphs(article, finding, d);
        render_version(out, document, &numbers, finding, options, painter);
    }
    if let Some(detected) = &finding.detected {
        let _ = writeln!(
            out,
            "   {} detected: {} ({:.2})",
            painter.paint(Style::Gutter, "="),
            detected.lang,
            detected.confidence
        );
    }
    if let Some((reference, old, new)) = diff_pair(finding) {
        let outlier = finding.outlier.map_or("", Lang::code);
        let _ = writeln!(
            out,
            "   {} diff {reference} → {outlier}: {}",
            painter.paint(Style::Gutter, "="),
            inline_diff(&old, &new, painter)
        );
    }
}

/// The location lines and excerpts of one language version of a finding.
fn render_version(
    out: &mut String,
    document: &Document,
    numbers: &[usize],
    finding: &Finding,
    options: &TextOptions,
    painter: Painter,
) {
    let lang = document.lang;
    let is_outlier = finding.outlier == Some(lang);
    let lang_style = if is_outlier {
        Style::Severity(finding.severity)
    } else {
        Style::Strong
    };
    let bar = painter.paint(Style::Gutter, "|");
    let spans: Vec<&Span> = finding.spans.iter().filter(|s| s.lang == lang).collect();
    let mut shown: Vec<usize> = spans.iter().map(|s| s.paragraph).collect();
    shown.sort_unstable();
    shown.dedup();
    if shown.is_empty() {
        shown.extend(numbers.first());
    }
    if shown.is_empty() {
        let _ = writeln!(
            out,
            "{} {bar} — no aligned paragraph",
            painter.paint(lang_style, lang.code())
        );
        return;
    }

    // With no outlier named every version is as suspect as the others: all values primary.
    let primary = finding.outlier.is_none() || is_outlier;
    let (mark, mark_style) = if primary {
        ('^', Style::Severity(finding.severity))
    } else {
        ('-', Style::Gutter)
    };
    let value_style = if primary {
        Style::Severity(finding.severity)
    } else {
        Style::Strong
    };
    let label = finding
        .values
        .get(&lang)
        .map(|values| values.join(", "))
        .unwrap_or_default();
    let path = display_path(&document.path);
    let arrow = painter.paint(Style::Gutter, "-->");

    for (index, &number) in shown.iter().enumerate() {
        let paragraph = find_paragraph(document, number);
        let paragraph_spans: Vec<&&Span> = spans.iter().filter(|s| s.paragraph == number).collect();
        let position = match (paragraph_spans.first(), paragraph) {
            (Some(span), _) => Some((span.line, span.column)),
            (None, Some(paragraph)) => {
                let pos = paragraph.position(0);
                Some((pos.line, pos.column))
            }
            (None, None) => None,
        };
        match position {
            Some((line, column)) => {
                let _ = writeln!(out, "  {arrow} {path}:{line}:{column}");
            }
            None => {
                let _ = writeln!(out, "  {arrow} {path}");
            }
        }
        let Some(paragraph) = paragraph else {
            continue;
        };
        let pieces = if paragraph_spans.is_empty() {
            excerpt::opening(&paragraph.text, options.context * 2)
        } else {
            let ranges: Vec<(usize, usize)> =
                paragraph_spans.iter().map(|s| (s.start, s.end)).collect();
            excerpt::around(&paragraph.text, &ranges, options.context)
        };
        let line: String = pieces
            .iter()
            .map(|piece| match piece {
                Piece::Plain(text) => text.clone(),
                Piece::Value(text) => painter.paint(value_style, text),
                Piece::Elided(text) => painter.paint(Style::Dim, text),
            })
            .collect();
        let _ = writeln!(
            out,
            "{} {bar} {line}",
            painter.paint(lang_style, lang.code())
        );
        let columns = excerpt::value_columns(&pieces);
        if !columns.is_empty() {
            let is_last = index + 1 == shown.len();
            let carets = caret_line(&columns, mark, if is_last { &label } else { "" });
            let _ = writeln!(out, "   {bar} {}", painter.paint(mark_style, &carets));
        }
    }

    if is_outlier && spans.is_empty() {
        let mut others: Vec<&str> = Vec::new();
        for (other, values) in &finding.values {
            if *other != lang {
                for value in values {
                    if !others.contains(&value.as_str()) {
                        others.push(value);
                    }
                }
            }
        }
        if !others.is_empty() {
            let _ = writeln!(
                out,
                "   {} {lang} has no {}",
                painter.paint(Style::Gutter, "="),
                others.join(", ")
            );
        }
    }
}

/// "          ^^^^     ^^ 7, 38"
fn caret_line(columns: &[(usize, usize)], mark: char, label: &str) -> String {
    let mut line = String::new();
    let mut cursor = 0;
    for &(column, width) in columns {
        let width = width.max(1);
        if column < cursor {
            continue;
        }
        line.push_str(&" ".repeat(column - cursor));
        line.extend(std::iter::repeat_n(mark, width));
        cursor = column + width;
    }
    if !label.is_empty() {
        line.push(' ');
        line.push_str(label);
    }
    line
}

/// Two written forms worth an inline diff: the outlier's against the agreeing version whose
/// form is closest, as written when both are plain numerals, or else as normalized.
fn diff_pair(finding: &Finding) -> Option<(Lang, String, String)> {
    let outlier = finding.outlier?;
    let mut candidates: Vec<(Lang, &str, &str)> = Vec::new();
    for reference in finding.spans.iter().filter(|s| s.lang != outlier) {
        for own in finding.spans.iter().filter(|s| s.lang == outlier) {
            if is_numeral(&reference.text) && is_numeral(&own.text) {
                candidates.push((reference.lang, &reference.text, &own.text));
            }
        }
    }
    let no_values = Vec::new();
    let own_values = finding.values.get(&outlier).unwrap_or(&no_values);
    for (&lang, values) in finding.values.iter().filter(|(l, _)| **l != outlier) {
        for value in values.iter().filter(|v| !own_values.contains(v)) {
            for own in own_values.iter().filter(|v| !values.contains(v)) {
                candidates.push((lang, value, own));
            }
        }
    }
    // Forms written alike ("13,5%" in uk against "15,3%" in ru, not "13.5%" in en) first:
    // their diff shows the slip and nothing of the languages' conventions.
    let mut best = None;
    let mut best_score = (false, 0.0);
    for (lang, old, new) in candidates {
        if !is_close(old, new) {
            continue;
        }
        let score = (
            skeleton(old) == skeleton(new),
            TextDiff::from_chars(old, new).ratio(),
        );
        if best.is_none() || score > best_score {
            best = Some((lang, old.to_string(), new.to_string()));
            best_score = score;
        }
    }
    best
}

/// The form without its digits: "38,06%" → ",%".
fn skeleton(text: &str) -> String {
    text.chars().filter(|c| !c.is_ascii_digit()).collect()
}

/// Digits with the separators, signs and percent signs numbers are written with.
fn is_numeral(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_digit())
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || " ,.%+-−–'\u{a0}\u{2009}\u{202f}".contains(c))
}

/// Close enough that a character diff shows a slip ("38,06" / "38,60", "1500" / "15000"),
/// not two unrelated numbers.
fn is_close(old: &str, new: &str) -> bool {
    let has_digit = |s: &str| s.chars().any(|c| c.is_ascii_digit());
    // Words ("several 1000", "June") are not slips of a digit.
    let has_letter = |s: &str| s.chars().any(char::is_alphabetic);
    if old == new || !has_digit(old) || !has_digit(new) || has_letter(old) || has_letter(new) {
        return false;
    }
    let (old_len, new_len) = (old.chars().count(), new.chars().count());
    if old_len.max(new_len) < 2 {
        return false;
    }
    let digit_counts = |s: &str| {
        let mut counts = [0usize; 10];
        for digit in s.chars().filter_map(|c| c.to_digit(10)) {
            counts[digit as usize] += 1;
        }
        counts
    };
    let (old_digits, new_digits) = (digit_counts(old), digit_counts(new));
    let shared: usize = old_digits
        .iter()
        .zip(&new_digits)
        .map(|(a, b)| *a.min(b))
        .sum();
    let most: usize = old_digits
        .iter()
        .sum::<usize>()
        .max(new_digits.iter().sum());
    let similar_shape = old_len.abs_diff(new_len) <= 1 || shared * 2 > most;
    similar_shape && TextDiff::from_chars(old, new).ratio() >= 0.5
}

/// A character diff from `old` to `new`: deletions red and struck through, insertions green;
/// without colors `[-deleted-]` and `{+inserted+}`. Forms of equal length are compared
/// position by position, which shows a swap of digits as the swap it is
/// (`38,[-06-]{+60+}`); others get a minimal edit script.
pub(crate) fn inline_diff(old: &str, new: &str, painter: Painter) -> String {
    let old_chars: Vec<char> = old.chars().collect();
    let new_chars: Vec<char> = new.chars().collect();
    let mut segments: Vec<(ChangeTag, String)> = Vec::new();
    if old_chars.len() == new_chars.len() {
        let mut at = 0;
        while at < old_chars.len() {
            let differs = old_chars[at] != new_chars[at];
            let run_end = (at..old_chars.len())
                .find(|&i| (old_chars[i] != new_chars[i]) != differs)
                .unwrap_or(old_chars.len());
            let old_run: String = old_chars[at..run_end].iter().collect();
            if differs {
                segments.push((ChangeTag::Delete, old_run));
                segments.push((ChangeTag::Insert, new_chars[at..run_end].iter().collect()));
            } else {
                segments.push((ChangeTag::Equal, old_run));
            }
            at = run_end;
        }
    } else {
        for change in TextDiff::from_chars(old, new).iter_all_changes() {
            match segments.last_mut() {
                Some((tag, run)) if *tag == change.tag() => run.push_str(change.value()),
                _ => segments.push((change.tag(), change.value().to_string())),
            }
        }
    }
    segments
        .iter()
        .map(|(tag, run)| match (tag, painter.color) {
            (ChangeTag::Equal, _) => run.clone(),
            (ChangeTag::Delete, true) => painter.paint(Style::Deleted, run),
            (ChangeTag::Insert, true) => painter.paint(Style::Inserted, run),
            (ChangeTag::Delete, false) => format!("[-{run}-]"),
            (ChangeTag::Insert, false) => format!("{{+{run}+}}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixtures;

    const NO_COLOR: TextOptions = TextOptions {
        color: false,
        width: 120,
        context: 30,
    };

    #[test]
    fn kharkiv_report_reads_like_compiler_errors() {
        let report = render(&[fixtures::kharkiv()], &NO_COLOR);
        let expected = "\
note: samples/x/ru.txt was decoded as windows-1251

samples/x: en ¶2 · uk ¶2 · ru ¶2
error[number]: ru says 7 where en and uk say 6
  --> samples/x/en.txt:3:82
en | …on Saturday afternoon, killing six people and injuring 38, regional…
   |                                 --- 6
  --> samples/x/uk.txt:3:79
uk | …людний ринок у Харкові, загинули шестеро людей, ще 38 поранені, повідомив…
   |                                   ------- 6
  --> samples/x/ru.txt:3:81
ru | …многолюдный рынок в Харькове, погибли семь человек, ещё 38 ранены, сообщил…
   |                                        ^^^^ 7

samples/x: en ¶3 · uk ¶3 · ru ¶3
warning[missing]: ru does not mention 12, which en and uk state
  --> samples/x/en.txt:5:1
en | Twelve schools and a kindergarten were…
   | ------ 12
  --> samples/x/uk.txt:5:12
uk | Пошкоджено дванадцять шкіл і дитячий садок, додав мер.
   |            ---------- 12
  --> samples/x/ru.txt:5:1
ru | Повреждены школы и детский сад, добавил мэр.
   = ru has no 12

1 error, 1 warning in 1 article (3 paragraph groups checked)
";
        assert_eq!(report, expected, "\n{report}");
    }

    #[test]
    fn swapped_digits_get_an_inline_diff_against_the_version_written_alike() {
        let report = render(&[fixtures::budget()], &NO_COLOR);
        // en splits what uk and ru keep in one paragraph: the heading names both, the
        // location points at the one holding the value.
        assert!(
            report.contains("samples/budget: en ¶1-2 · uk ¶1 · ru ¶1\n"),
            "{report}"
        );
        assert!(
            report.contains("  --> samples/budget/en.md:3:34\n"),
            "{report}"
        );
        assert!(
            report.contains(
                "ru | …год, расходы на школы вырастут на 15,3%.\n   \
                 |                                    ^^^^^ 15.3%\n   \
                 = diff uk → ru: 1[-3-]{+5+},[-5-]{+3+}%\n"
            ),
            "{report}"
        );
    }

    #[test]
    fn a_language_finding_shows_what_was_detected() {
        let mut article = fixtures::budget();
        assert!(!render(&[article.clone()], &NO_COLOR).contains("detected:"));
        if let Some(finding) = article.findings.first_mut() {
            finding.detected = Some(crate::findings::Detected {
                lang: "uk".to_string(),
                confidence: 0.97,
            });
        }
        let report = render(&[article], &NO_COLOR);
        assert!(report.contains("\n   = detected: uk (0.97)\n"), "{report}");
    }

    #[test]
    fn a_version_without_a_paragraph_in_the_group_is_shown_as_such() {
        let mut article = fixtures::budget();
        article.findings = vec![Finding {
            check: crate::findings::Check::Missing,
            severity: Severity::Note,
            message: "uk has no paragraph for en 3 and ru 2".to_string(),
            outlier: None,
            group: 1,
            paragraphs: fixtures::per_lang(vec![3], vec![], vec![2]),
            values: Default::default(),
            spans: Vec::new(),
            detected: None,
        }];
        let report = render(&[article], &NO_COLOR);
        let expected = "\
samples/budget: en ¶3 · uk — · ru ¶2
note[missing]: uk has no paragraph for en 3 and ru 2
  --> samples/budget/en.md:5:1
en | Deputy mayor Olena Kovalenko called the vote historic.
uk | — no aligned paragraph
  --> samples/budget/ru.md:3:1
ru | Заместитель мэра Елена Коваленко назвала голосование…

1 note in 1 article (3 paragraph groups checked)
";
        assert_eq!(report, expected, "\n{report}");
    }

    fn strip_ansi(text: &str) -> String {
        let mut plain = String::new();
        let mut in_escape = false;
        for c in text.chars() {
            match (in_escape, c) {
                (false, '\x1b') => in_escape = true,
                (false, c) => plain.push(c),
                (true, 'm') => in_escape = false,
                (true, _) => {}
            }
        }
        plain
    }

    #[test]
    fn colors_only_when_asked_and_only_as_decoration() {
        let articles = [fixtures::kharkiv()];
        let plain = render(&articles, &NO_COLOR);
        let colored = render(
            &articles,
            &TextOptions {
                color: true,
                ..NO_COLOR
            },
        );
        assert!(!plain.contains('\x1b'));
        assert!(colored.contains("\x1b[1;31merror[number]\x1b[0m"));
        assert!(colored.contains("\x1b[1;33mwarning[missing]\x1b[0m"));
        // The outlier's value in the error's color, agreeing values only bold.
        assert!(colored.contains("\x1b[1;31mсемь\x1b[0m"));
        assert!(colored.contains("\x1b[1mшестеро\x1b[0m"));
        assert_eq!(strip_ansi(&colored), plain);
    }

    #[test]
    fn inline_diffs_mark_deleted_and_inserted_characters() {
        let plain = Painter { color: false };
        assert_eq!(inline_diff("38,06", "38,60", plain), "38,[-06-]{+60+}");
        assert_eq!(inline_diff("10 000", "100 000", plain), "10{+0+} 000");
        let colored = inline_diff("38,06", "38,60", Painter { color: true });
        assert_eq!(colored, "38,\x1b[9;31m06\x1b[0m\x1b[4;32m60\x1b[0m");
    }

    #[test]
    fn only_near_misses_are_diffed() {
        assert!(is_close("38,06", "38,60"));
        assert!(is_close("1500", "15000"));
        assert!(is_close("2024-03-14", "2024-03-15"));
        assert!(!is_close("6", "7"), "one digit: the message says it all");
        assert!(!is_close("12", "38"));
        assert!(!is_close("шість", "шестеро"));
        assert!(!is_close("38,06", "38,06"));
    }

    #[test]
    fn summary_line_pluralizes() {
        let quiet = Summary {
            articles: 2,
            groups: 1,
            ..Summary::default()
        };
        assert_eq!(
            summary_line(&quiet, &NO_COLOR),
            "no findings in 2 articles (1 paragraph group checked)"
        );
        let busy = Summary {
            articles: 1,
            errors: 2,
            warnings: 1,
            notes: 1,
            groups: 3,
        };
        assert_eq!(
            summary_line(&busy, &NO_COLOR),
            "2 errors, 1 warning, 1 note in 1 article (3 paragraph groups checked)"
        );
    }

    #[test]
    fn articles_are_separated_by_blank_lines() {
        let report = render(&[fixtures::budget(), fixtures::kharkiv()], &NO_COLOR);
        assert!(
            report.contains("{+3+}%\n\nnote: samples/x/ru.txt was decoded as windows-1251\n\n"),
            "{report}"
        );
        assert!(report
            .ends_with("\n\n2 errors, 1 warning in 2 articles (6 paragraph groups checked)\n"));
    }

    #[test]
    fn an_article_without_findings_prints_only_the_summary() {
        let mut article = fixtures::budget();
        article.findings.clear();
        assert_eq!(
            render(&[article], &NO_COLOR),
            "no findings in 1 article (3 paragraph groups checked)\n"
        );
    }

    #[test]
    fn number_ranges_read_naturally() {
        assert_eq!(number_ranges(&[14, 15]), "14-15");
        assert_eq!(number_ranges(&[3]), "3");
        assert_eq!(number_ranges(&[3, 5]), "3, 5");
    }
}
