//! Short excerpts of a paragraph around the values a finding is about, cut at word
//! boundaries. Offsets are in characters, so any text (Cyrillic, combining marks) is safe.

use super::style::{char_width, is_zero_width, one_line};

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Piece {
    Plain(String),
    Value(String),
    /// Text left out: "…".
    Elided(&'static str),
}

impl Piece {
    pub fn text(&self) -> &str {
        match self {
            Piece::Plain(text) | Piece::Value(text) => text,
            Piece::Elided(text) => text,
        }
    }
}

/// Where each value of an excerpt stands on screen: (column, width), 0-based.
pub(crate) fn value_columns(pieces: &[Piece]) -> Vec<(usize, usize)> {
    let mut column = 0;
    let mut columns = Vec::new();
    for piece in pieces {
        let width: usize = piece.text().chars().map(char_width).sum();
        if let Piece::Value(_) = piece {
            columns.push((column, width));
        }
        column += width;
    }
    columns
}

/// The start of a paragraph, about `length` characters.
pub(crate) fn opening(text: &str, length: usize) -> Vec<Piece> {
    let chars: Vec<char> = text.chars().map(one_line).collect();
    let start = skip_spaces(&chars, 0, chars.len());
    if chars.len() - start <= length {
        let end = trim_end(&chars, start, chars.len());
        return vec![Piece::Plain(collect(&chars, start, end))];
    }
    let mut end = start + length;
    if let Some(space) = (start + length / 2..end)
        .rev()
        .find(|&i| chars[i].is_whitespace())
    {
        end = space;
    }
    end = include_marks(&chars, end);
    let end = trim_end(&chars, start, end);
    vec![
        Piece::Plain(collect(&chars, start, end)),
        Piece::Elided("…"),
    ]
}

/// The paragraph around the character ranges `[start, end)`, with `context` characters on
/// each side. Ranges far apart get excerpts of their own, joined by " … ". Out of range or
/// empty ranges are ignored; with none left, the opening of the paragraph is shown.
pub(crate) fn around(text: &str, ranges: &[(usize, usize)], context: usize) -> Vec<Piece> {
    let chars: Vec<char> = text.chars().map(one_line).collect();
    let n = chars.len();
    let mut valid: Vec<(usize, usize)> = ranges
        .iter()
        .map(|&(start, end)| (start.min(n), include_marks(&chars, end.min(n))))
        .filter(|(start, end)| start < end)
        .collect();
    valid.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (start, end) in valid {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    if merged.is_empty() {
        return opening(text, context * 2);
    }

    let mut clusters: Vec<Vec<(usize, usize)>> = Vec::new();
    for range in merged {
        match clusters.last_mut() {
            Some(cluster)
                if cluster
                    .last()
                    .is_some_and(|last| range.0 - last.1 <= context * 2) =>
            {
                cluster.push(range)
            }
            _ => clusters.push(vec![range]),
        }
    }

    let mut pieces = Vec::new();
    let last_cluster = clusters.len() - 1;
    for (index, cluster) in clusters.iter().enumerate() {
        let (Some(first), Some(last)) = (cluster.first(), cluster.last()) else {
            continue;
        };
        let start = window_start(&chars, first.0, context);
        let end = window_end(&chars, last.1, context);
        if index == 0 && start > 0 {
            pieces.push(Piece::Elided("…"));
        }
        let mut at = start;
        for &(value_start, value_end) in cluster {
            if at < value_start {
                pieces.push(Piece::Plain(collect(&chars, at, value_start)));
            }
            pieces.push(Piece::Value(collect(&chars, value_start, value_end)));
            at = value_end;
        }
        if at < end {
            pieces.push(Piece::Plain(collect(&chars, at, end)));
        }
        if index < last_cluster {
            pieces.push(Piece::Elided(" … "));
        } else if end < n {
            pieces.push(Piece::Elided("…"));
        }
    }
    pieces
}

/// How far a cut may move outward to keep a word whole.
const WORD_REACH: usize = 12;

/// Where an excerpt starts: about `context` characters before `value_start`, at the start of
/// a word (the cut word kept whole when it is short, dropped otherwise).
fn window_start(chars: &[char], value_start: usize, context: usize) -> usize {
    let mut start = value_start.saturating_sub(context);
    if start <= WORD_REACH {
        // Eliding a few words saves nothing and hides where the paragraph starts.
        start = 0;
    }
    if start > 0 && !chars[start - 1].is_whitespace() {
        let outward = (start.saturating_sub(WORD_REACH)..start)
            .rev()
            .find(|&i| chars[i].is_whitespace());
        let inward = || (start..value_start).find(|&i| chars[i].is_whitespace());
        match outward.or_else(inward) {
            Some(space) => start = space + 1,
            None => {
                // No word boundary near: cut inside the word, but never between a letter and
                // its combining mark.
                while start < value_start && is_zero_width(chars[start]) {
                    start += 1;
                }
            }
        }
    }
    skip_spaces(chars, start, value_start)
}

/// Where an excerpt ends: about `context` characters after `value_end`, at the end of a
/// word.
fn window_end(chars: &[char], value_end: usize, context: usize) -> usize {
    let n = chars.len();
    let mut end = (value_end + context).min(n);
    if n - end <= WORD_REACH {
        end = n;
    }
    if end < n && !chars[end].is_whitespace() {
        let outward = (end..(end + WORD_REACH).min(n)).find(|&i| chars[i].is_whitespace());
        let inward = || (value_end..end).rev().find(|&i| chars[i].is_whitespace());
        match outward.or_else(inward) {
            Some(space) => end = space,
            None => end = include_marks(chars, end),
        }
    }
    trim_end(chars, value_end, end)
}

/// Moves `end` past combining marks that belong to the character before it.
fn include_marks(chars: &[char], mut end: usize) -> usize {
    while end < chars.len() && is_zero_width(chars[end]) {
        end += 1;
    }
    end
}

fn skip_spaces(chars: &[char], mut start: usize, limit: usize) -> usize {
    while start < limit && chars[start].is_whitespace() {
        start += 1;
    }
    start
}

fn trim_end(chars: &[char], limit: usize, mut end: usize) -> usize {
    while end > limit && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    end
}

fn collect(chars: &[char], start: usize, end: usize) -> String {
    chars[start..end].iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flat(pieces: &[Piece]) -> String {
        pieces
            .iter()
            .map(|p| match p {
                Piece::Value(text) => format!("[{text}]"),
                other => other.text().to_string(),
            })
            .collect()
    }

    fn range_of(text: &str, needle: &str) -> (usize, usize) {
        let byte = text.find(needle).expect("needle in text");
        let start = text[..byte].chars().count();
        (start, start + needle.chars().count())
    }

    const UK: &str = "У суботу по обіді російська ракета влучила в людний ринок у Харкові, \
                      загинули шестеро людей, ще 38 поранені, повідомив голова ОВА Олег Синєгубов.";

    #[test]
    fn excerpt_cuts_at_word_boundaries_around_a_cyrillic_value() {
        let pieces = around(UK, &[range_of(UK, "шестеро")], 30);
        assert_eq!(
            flat(&pieces),
            "…людний ринок у Харкові, загинули [шестеро] людей, ще 38 поранені, повідомив…"
        );
    }

    #[test]
    fn values_close_together_share_one_excerpt_and_far_ones_are_elided_between() {
        let close = around(UK, &[range_of(UK, "шестеро"), range_of(UK, "38")], 10);
        assert_eq!(
            flat(&close),
            "…Харкові, загинули [шестеро] людей, ще [38] поранені,…"
        );
        let far = around(UK, &[range_of(UK, "суботу"), range_of(UK, "Синєгубов")], 10);
        assert_eq!(
            flat(&far),
            "У [суботу] по обіді російська … голова ОВА Олег [Синєгубов]."
        );
    }

    #[test]
    fn spans_at_the_very_start_and_end_need_no_ellipsis_on_that_side() {
        let text = "Шість загиблих у Харкові";
        let long = "Унаслідок нічної атаки дронів на Одесу загинули шість людей";
        assert_eq!(
            flat(&around(long, &[range_of(long, "шість")], 10)),
            "…Одесу загинули [шість] людей"
        );
        assert_eq!(
            flat(&around(text, &[(0, 5)], 30)),
            "[Шість] загиблих у Харкові"
        );
        assert_eq!(
            flat(&around(text, &[range_of(text, "Харкові")], 5)),
            "Шість загиблих у [Харкові]"
        );
    }

    #[test]
    fn combining_marks_stay_with_their_letters_and_newlines_become_spaces() {
        let text = "ви\u{301}бори\nвідбулися 31 березня";
        let pieces = around(text, &[(0, 2)], 3);
        assert_eq!(flat(&pieces), "[ви\u{301}]бори…");
        let opening_pieces = opening(text, 12);
        assert_eq!(flat(&opening_pieces), "ви\u{301}бори…");
        assert_eq!(
            flat(&around("сорок\u{301}", &[(0, 9)], 2)),
            "[сорок\u{301}]"
        );
    }

    #[test]
    fn odd_ranges_fall_back_to_the_opening_without_panicking() {
        assert_eq!(flat(&around("", &[(0, 4)], 30)), "");
        assert_eq!(flat(&around("Шість", &[(7, 9), (3, 1)], 30)), "Шість");
        let long = "слово ".repeat(5000);
        let pieces = around(&long, &[(15000, 15005)], 30);
        assert!(flat(&pieces).chars().count() < 80);
    }

    #[test]
    fn value_columns_count_screen_columns() {
        let pieces = around(UK, &[range_of(UK, "шестеро")], 30);
        assert_eq!(value_columns(&pieces), vec![(34, 7)]);
    }
}
