//! The largest input concord reads: files larger than a limit, so that a stray video or
//! database dump named `en.txt` is refused with a clear error instead of exhausting memory,
//! and HTML nested deeper than any page ([`html_too_deep`]).
//!
//! Sizes are written as a number of bytes (`52428800`) or a number with a unit (`50MB`,
//! `200 MB`, `1.5GB`, `512KiB`). KB, MB and GB are decimal (1 MB = 1,000,000 bytes), as
//! file managers show them; KiB, MiB and GiB are binary.

use std::io::Read;

/// The limit when neither `concord.toml` nor `--max-file-size` sets one: 50 MB. A news
/// article is a few tens of kilobytes; the whole Ukrainian constitution is under 1 MB.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 50_000_000;

/// Examples shown when a size cannot be read.
const SIZE_EXAMPLES: &str = "a number of bytes or a size such as \"50MB\", \"200 MB\" or \"1GB\"";

/// The bytes a size like "50MB", "200 MB", "1.5 GB", "512KiB" or "1000000" stands for.
pub fn parse_size(text: &str) -> Result<u64, String> {
    let trimmed = text.trim();
    let digits_end = trimmed
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '_'))
        .unwrap_or(trimmed.len());
    let (number, unit) = trimmed.split_at(digits_end);
    let number = number.replace('_', "");
    let multiplier: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "kb" | "k" => 1_000,
        "mb" | "m" => 1_000_000,
        "gb" | "g" => 1_000_000_000,
        "kib" => 1 << 10,
        "mib" => 1 << 20,
        "gib" => 1 << 30,
        _ => {
            return Err(format!(
                "cannot read '{text}' as a size: use {SIZE_EXAMPLES}"
            ))
        }
    };
    let (whole, fraction) = number.split_once('.').unwrap_or((&number, ""));
    if whole.is_empty() && fraction.is_empty() || fraction.contains('.') {
        return Err(format!(
            "cannot read '{text}' as a size: use {SIZE_EXAMPLES}"
        ));
    }
    let too_large = || format!("size '{text}' is too large");
    let whole_value: u64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| too_large())?
    };
    let mut bytes = whole_value.checked_mul(multiplier).ok_or_else(too_large)?;
    // The fraction in exact integer arithmetic: "1.5GB" is 1,500,000,000 bytes, not what a
    // float rounds it to. Digits past the byte are dropped.
    let mut scale = multiplier;
    for digit in fraction.chars().filter_map(|c| c.to_digit(10)) {
        scale /= 10;
        if scale == 0 {
            break;
        }
        bytes = bytes
            .checked_add(u64::from(digit) * scale)
            .ok_or_else(too_large)?;
    }
    if bytes == 0 {
        return Err(format!(
            "size '{text}' is zero: every file would be refused; use {SIZE_EXAMPLES}"
        ));
    }
    Ok(bytes)
}

/// A size for people: "52,428,800 bytes (52.4 MB)"; sizes under a kilobyte in bytes only.
pub fn describe_size(bytes: u64) -> String {
    let exact = format!("{} bytes", group_thousands(bytes));
    match short_size(bytes) {
        Some(short) => format!("{exact} ({short})"),
        None => exact,
    }
}

/// "50 MB", "1.5 GB", "730 KB" (decimal units, one decimal when it is not zero).
pub fn short_size(bytes: u64) -> Option<String> {
    let (unit, size) = [("GB", 1_000_000_000u64), ("MB", 1_000_000), ("KB", 1_000)]
        .into_iter()
        .find(|(_, size)| bytes >= *size)?;
    let tenths = (u128::from(bytes) * 10 + u128::from(size) / 2) / u128::from(size);
    Some(if tenths % 10 == 0 {
        format!("{} {unit}", tenths / 10)
    } else {
        format!("{}.{} {unit}", tenths / 10, tenths % 10)
    })
}

fn group_thousands(value: u64) -> String {
    let digits = value.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    grouped
}

/// How the limit can be raised, for the error that refuses a file of `size` bytes: the
/// suggested limit takes the file and leaves room for growth.
pub fn raise_hint(limit: u64, size: u64) -> String {
    let suggested = round_up(limit.saturating_mul(4).max(size));
    format!(
        "if this really is one language version of an article, raise the limit with --max-file-size {suggested} or max-file-size = \"{suggested}\" in concord.toml"
    )
}

/// The next whole number of the largest decimal unit not above `bytes`: "200MB", "2GB".
fn round_up(bytes: u64) -> String {
    let (unit, size) = [("GB", 1_000_000_000u64), ("MB", 1_000_000), ("KB", 1_000)]
        .into_iter()
        .find(|(_, size)| bytes >= *size)
        .unwrap_or(("B", 1));
    format!("{}{unit}", bytes.div_ceil(size))
}

/// Reads at most `limit` bytes. `Ok(Err(read))` when there was more: `read` bytes (just past
/// the limit) were read and the rest was left alone, so a file that grows or a size the file
/// system misreports (pipes, `/proc`) still cannot exhaust memory.
pub fn read_limited(
    reader: impl Read,
    limit: u64,
    expected_len: u64,
) -> std::io::Result<Result<Vec<u8>, u64>> {
    let capacity = usize::try_from(expected_len.min(limit)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    let read = bytes.len() as u64;
    Ok(if read > limit { Err(read) } else { Ok(bytes) })
}

/// The deepest HTML element nesting read. CMS exports nest a few dozen elements deep; the
/// HTML parser's cost grows with the square of the depth (each block start searches the
/// stack of open elements), so 50,000 nested `<div>`s would take minutes.
pub const MAX_HTML_DEPTH: usize = 1_000;

/// Elements that never hold others.
const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param", "keygen", "frame",
];

/// Elements whose end tag may be left out, which the parser closes when a sibling starts
/// (`<p>one<p>two`): they are not counted, so sloppy but flat HTML is never refused.
const OPTIONAL_END: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "rb",
    "rt", "rtc", "rp", "colgroup", "caption",
];

/// Elements whose content is text to the parser, not tags.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// The byte offset of the first start tag that opens an element more than `max_depth`
/// elements deep, or `None` when the HTML stays shallower. A linear scan that follows the
/// parser's rules only as far as depth is concerned: comments, raw text (`script`, `style`)
/// and void elements are skipped, and an end tag closes the elements opened after its own.
pub fn html_too_deep(text: &str, max_depth: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut open: Vec<String> = Vec::new();
    // How many of each name are open, so an end tag without a start tag costs no search.
    let mut open_counts: std::collections::HashMap<String, usize> = Default::default();
    let mut foreign_depth = 0usize;
    let mut at = 0usize;
    while let Some(found) = bytes.get(at..)?.iter().position(|&b| b == b'<') {
        let start = at + found;
        let rest = bytes.get(start..)?;
        if rest.starts_with(b"<!--") {
            at = start + 4 + find(rest.get(4..)?, b"-->")? + 3;
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            at = start + rest.iter().position(|&b| b == b'>')? + 1;
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = start + if closing { 2 } else { 1 };
        let name: String = bytes
            .get(name_start..)?
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b':' | b'_'))
            .map(|b| char::from(b.to_ascii_lowercase()))
            .collect();
        if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            at = start + 1;
            continue;
        }
        let tag_end = name_start + name.len() + tag_length(bytes.get(name_start + name.len()..)?)?;
        at = tag_end;
        if closing {
            if open_counts.get(&name).copied().unwrap_or(0) > 0 {
                while let Some(closed) = open.pop() {
                    if let Some(count) = open_counts.get_mut(&closed) {
                        *count = count.saturating_sub(1);
                    }
                    if closed == "svg" || closed == "math" {
                        foreign_depth = foreign_depth.saturating_sub(1);
                    }
                    if closed == name {
                        break;
                    }
                }
            }
            continue;
        }
        if name == "plaintext" {
            return None;
        }
        if RAW_TEXT.contains(&name.as_str()) {
            let end_tag = format!("</{name}");
            at += bytes
                .get(at..)?
                .windows(end_tag.len())
                .position(|w| w.eq_ignore_ascii_case(end_tag.as_bytes()))?;
            continue;
        }
        let self_closing = tag_end >= 2 && bytes.get(tag_end - 2) == Some(&b'/');
        if VOID_ELEMENTS.contains(&name.as_str())
            || OPTIONAL_END.contains(&name.as_str())
            || (self_closing && (foreign_depth > 0 || name == "svg" || name == "math"))
        {
            continue;
        }
        if name == "svg" || name == "math" {
            foreign_depth += 1;
        }
        *open_counts.entry(name.clone()).or_insert(0) += 1;
        open.push(name);
        if open.len() > max_depth {
            return Some(start);
        }
    }
    None
}

/// The length of the rest of a tag after its name, up to and including `>`, skipping `>`
/// inside quoted attribute values (a quote opens a value only right after `=`, as in the
/// parser: the apostrophe of `<p data-x=don't>` quotes nothing).
fn tag_length(rest: &[u8]) -> Option<usize> {
    let mut quote: Option<u8> = None;
    let mut after_equals = false;
    for (i, &b) in rest.iter().enumerate() {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if (b == b'"' || b == b'\'') && after_equals => quote = Some(b),
            None if b == b'>' => return Some(i + 1),
            None => {}
        }
        if !b.is_ascii_whitespace() {
            after_equals = quote.is_none() && b == b'=';
        }
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_with_and_without_units() {
        assert_eq!(parse_size("50MB"), Ok(50_000_000));
        assert_eq!(parse_size("200 MB"), Ok(200_000_000));
        assert_eq!(parse_size("1GB"), Ok(1_000_000_000));
        assert_eq!(parse_size("1.5 gb"), Ok(1_500_000_000));
        assert_eq!(parse_size("512KiB"), Ok(524_288));
        assert_eq!(parse_size("2 MiB"), Ok(2_097_152));
        assert_eq!(parse_size("1000000"), Ok(1_000_000));
        assert_eq!(parse_size("120 B"), Ok(120));
        assert_eq!(parse_size("0.5KB"), Ok(500));
    }

    #[test]
    fn bad_sizes_say_what_is_expected() {
        for bad in ["", "MB", "fifty MB", "50 TB", "5..0MB", "-5MB", "1.2.3"] {
            let error = parse_size(bad).unwrap_err();
            assert!(error.contains("\"50MB\""), "{bad}: {error}");
        }
        assert!(parse_size("0").unwrap_err().contains("zero"));
        assert!(parse_size("99999999999999999999 GB")
            .unwrap_err()
            .contains("too large"));
        assert!(parse_size("99999999999 GB")
            .unwrap_err()
            .contains("too large"));
    }

    #[test]
    fn sizes_are_described_exactly_and_shortly() {
        assert_eq!(describe_size(104_857_600), "104,857,600 bytes (104.9 MB)");
        assert_eq!(describe_size(50_000_000), "50,000,000 bytes (50 MB)");
        assert_eq!(describe_size(999), "999 bytes");
        assert_eq!(short_size(1_500_000_000).as_deref(), Some("1.5 GB"));
    }

    #[test]
    fn the_hint_suggests_a_larger_limit_in_both_places() {
        let hint = raise_hint(DEFAULT_MAX_FILE_SIZE, 104_857_600);
        assert!(hint.contains("--max-file-size 200MB"), "{hint}");
        assert!(hint.contains("max-file-size = \"200MB\""), "{hint}");
        assert_eq!(parse_size("200MB"), Ok(4 * DEFAULT_MAX_FILE_SIZE));
        // A file far past the limit gets a limit that takes it.
        let hint = raise_hint(DEFAULT_MAX_FILE_SIZE, 1_200_000_000);
        assert!(hint.contains("--max-file-size 2GB"), "{hint}");
        assert!(raise_hint(10, 11).contains("--max-file-size 40B"));
    }

    #[test]
    fn html_nesting_is_measured_as_the_parser_nests() {
        let deep = format!("{}Київ{}", "<div>".repeat(50), "</div>".repeat(50));
        assert_eq!(html_too_deep(&deep, 50), None);
        assert_eq!(html_too_deep(&deep, 49), Some(49 * 5));
        // Closed siblings, unclosed paragraphs and list items, void elements, comments,
        // scripts and self-closing SVG do not add up.
        let flat = format!(
            "<html><body>{}{}{}<!-- <div><div><div> -->{}<svg>{}</svg></body></html>",
            "<div><p>Київ</p></div>".repeat(100),
            "<p>one<li>two<br><img src=\"a>b.png\">".repeat(100),
            "<script>var s = '<div><div>';</script>".repeat(100),
            "<STYLE>div > p {}</Style>",
            "<path d=\"M0 0\"/>".repeat(100),
        );
        assert_eq!(html_too_deep(&flat, 10), None);
        // An end tag closes what was opened after its start tag, as the parser does.
        let apostrophes = "<div><p data-x=don't>text</p></div>".repeat(20);
        assert_eq!(html_too_deep(&apostrophes, 3), None);
        let misnested = "<div><span><b>text</div>".repeat(20);
        assert_eq!(html_too_deep(&misnested, 3), None);
        let unclosed = "<blockquote><span>".repeat(20);
        assert!(html_too_deep(&unclosed, 30).is_some());
    }

    #[test]
    fn reading_stops_just_past_the_limit() {
        let text = b"Kyiv, 5 May.".as_slice();
        assert_eq!(read_limited(text, 12, 0).ok(), Some(Ok(text.to_vec())));
        assert_eq!(read_limited(text, 5, 12).ok(), Some(Err(6)));
        // An endless source (a pipe, /proc) ends at the limit too.
        assert_eq!(
            read_limited(std::io::repeat(b'1'), 1000, 0).ok(),
            Some(Err(1001))
        );
    }
}
