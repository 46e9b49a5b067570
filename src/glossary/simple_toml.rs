//! A fast reader for the plain TOML that glossaries are written in, falling back to the `toml`
//! crate for anything else.
//!
//! Parsing was the one part of loading a 10,000-entry glossary that could not be spread over
//! cores, and a general TOML parser spends most of its time on what glossaries never use. A
//! glossary is lines of `[[term]]` / `[[forbidden]]` headers, `key = "string"`,
//! `key = ["string", ...]` on one line, `key = true`, comments and blank lines. When every
//! line is one of these, this reader builds the same table the `toml` crate would; at the
//! first line that is not (an escape in a string, a multi-line array, a dotted key, a
//! duplicate key, a top-level key...), it gives up and the crate parses the file, with its
//! error messages.

use toml::{Table, Value};

/// The table of `source` when it is plain glossary TOML, or `None` to let the `toml` crate
/// read it.
pub fn parse(source: &str) -> Option<Table> {
    // A carriage return ends a line only before a line feed.
    if source.ends_with('\r') {
        return None;
    }
    let mut root = Table::new();
    let mut current: Option<(String, Table)> = None;
    for line in source.split('\n') {
        let line = line
            .strip_suffix('\r')
            .unwrap_or(line)
            .trim_matches([' ', '\t']);
        if line.is_empty() {
            continue;
        }
        if line.starts_with('#') {
            if line.chars().any(is_control) {
                return None;
            }
            continue;
        }
        if let Some(header) = line.strip_prefix("[[") {
            let (name, rest) = header.split_once("]]")?;
            if !is_bare_key(name) || !is_end_of_line(rest) {
                return None;
            }
            close(&mut root, current.take())?;
            current = Some((name.to_string(), Table::new()));
            continue;
        }
        let (_, table) = current.as_mut()?;
        let (key, rest) = line.split_once('=')?;
        let key = key.trim_end_matches([' ', '\t']);
        if !is_bare_key(key) || table.contains_key(key) {
            return None;
        }
        let (value, rest) = value(rest.trim_start_matches([' ', '\t']))?;
        if !is_end_of_line(rest) {
            return None;
        }
        table.insert(key.to_string(), value);
    }
    close(&mut root, current)?;
    Some(root)
}

/// Appends a finished `[[name]]` table to its array.
fn close(root: &mut Table, finished: Option<(String, Table)>) -> Option<()> {
    let Some((name, table)) = finished else {
        return Some(());
    };
    match root.entry(name).or_insert_with(|| Value::Array(Vec::new())) {
        Value::Array(tables) => tables.push(Value::Table(table)),
        _ => return None,
    }
    Some(())
}

fn is_bare_key(key: &str) -> bool {
    !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// Nothing but spaces and a comment left on the line.
fn is_end_of_line(rest: &str) -> bool {
    let rest = rest.trim_start_matches([' ', '\t']);
    rest.is_empty() || rest.starts_with('#') && !rest.chars().any(is_control)
}

/// Characters TOML forbids in strings and comments (tab is allowed).
fn is_control(c: char) -> bool {
    c != '\t' && (c <= '\u{1f}' || c == '\u{7f}')
}

/// A value at the start of `text`, and what follows it.
fn value(text: &str) -> Option<(Value, &str)> {
    if let Some(rest) = text.strip_prefix("true") {
        return Some((Value::Boolean(true), rest));
    }
    if let Some(rest) = text.strip_prefix("false") {
        return Some((Value::Boolean(false), rest));
    }
    if let Some(mut rest) = text.strip_prefix('[') {
        let mut items = Vec::new();
        loop {
            rest = rest.trim_start_matches([' ', '\t']);
            if let Some(after) = rest.strip_prefix(']') {
                return Some((Value::Array(items), after));
            }
            let (item, after) = string(rest)?;
            items.push(Value::String(item));
            rest = after.trim_start_matches([' ', '\t']);
            match rest.strip_prefix(',') {
                Some(after) => rest = after,
                None if rest.starts_with(']') => {}
                None => return None,
            }
        }
    }
    let (text, rest) = string(text)?;
    Some((Value::String(text), rest))
}

/// A basic string (with the common escapes) or a literal string at the start of `text`.
fn string(text: &str) -> Option<(String, &str)> {
    let quote = match text.chars().next()? {
        quote @ ('"' | '\'') => quote,
        _ => return None,
    };
    let inner = text.get(1..)?;
    // Triple quotes open multi-line strings.
    if inner.starts_with(quote) && inner.get(1..)?.starts_with(quote) {
        return None;
    }
    let mut content = String::new();
    let mut rest = inner;
    loop {
        // Plain runs are copied whole; only quotes, backslashes and control characters stop.
        let stop = rest
            .find(|c: char| c == quote || c == '\\' || is_control(c))
            .unwrap_or(rest.len());
        content.push_str(rest.get(..stop)?);
        rest = rest.get(stop..)?;
        let mut chars = rest.chars();
        match chars.next()? {
            c if c == quote => return Some((content, chars.as_str())),
            '\\' if quote == '"' => {
                content.push(match chars.next()? {
                    '"' => '"',
                    '\\' => '\\',
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    'b' => '\u{8}',
                    'f' => '\u{c}',
                    // \u and \U escapes, and invalid ones, are the crate's to read.
                    _ => return None,
                });
                rest = chars.as_str();
            }
            '\\' => {
                content.push('\\');
                rest = chars.as_str();
            }
            _ => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the `toml` crate reads, for comparison.
    fn crate_table(source: &str) -> Option<Table> {
        source.parse::<Table>().ok()
    }

    #[test]
    fn the_built_in_glossary_reads_as_the_toml_crate_reads_it() {
        let source = crate::glossary::DEFAULT_TOML;
        let fast = parse(source);
        assert!(fast.is_some(), "the built-in glossary should be plain TOML");
        assert_eq!(fast, crate_table(source));
    }

    #[test]
    fn plain_glossaries_read_as_the_toml_crate_reads_them() {
        let source = "# Terms\n\n[[term]]\nen = \"National Bank of Ukraine\"\nuk = [\"Національний банк України\", 'НБУ'] # both\nru = [ \"Национальный банк Украины\" , ]\nnote = \"# not a comment, \\\"quoted\\\" \\\\ \"\n\r\n[[forbidden]]\nlang = \"ru\"\nforms = [\"на Украине\"]\nexact = true\nuse = \"в Украине\"\nnote = 'a \\ literal'\n\n[[term]]\nen = \"Kyiv\"\nuk=\"Київ\"\n";
        let fast = parse(source);
        assert!(fast.is_some());
        assert_eq!(fast, crate_table(source));
    }

    #[test]
    fn fuzzed_glossaries_read_as_the_toml_crate_reads_them_or_are_left_to_it() {
        let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/fuzz/glossary");
        let mut compared = 0;
        for entry in std::fs::read_dir(folder).into_iter().flatten().flatten() {
            let bytes = std::fs::read(entry.path()).unwrap_or_default();
            let Ok(source) = std::str::from_utf8(&bytes) else {
                continue;
            };
            if let Some(fast) = parse(source) {
                assert_eq!(
                    Some(fast),
                    crate_table(source),
                    "{}",
                    entry.path().display()
                );
                compared += 1;
            }
        }
        assert!(compared > 0, "no fuzzed glossary was plain TOML");
    }

    #[test]
    fn anything_else_is_left_to_the_toml_crate() {
        for source in [
            "[[term]]\nen = \"a \\u0041 word\"\n",
            "[[term]]\nen = \"\"\"multi\nline\"\"\"\n",
            "[[term]]\nen = [\n  \"Kyiv\",\n]\n",
            "[[term]]\nen = \"Kyiv\"\nen = \"Kiev\"\n",
            "title = \"glossary\"\n[[term]]\nen = \"Kyiv\"\n",
            "[term]\nen = \"Kyiv\"\n",
            "[[term]]\nnames.en = \"Kyiv\"\n",
            "[[term]]\nen = \"Kyiv\" uk = \"Київ\"\n",
            "[[term]]\nen = 5\n",
            "[[term]]\nen = \"Kyiv\n",
            "[[term]]\nen = { form = \"Kyiv\" }\n",
            "\u{feff}[[term]]\nen = \"Kyiv\"\n",
            "# a comment with a \u{7} bell\n[[term]]\nen = \"Kyiv\"\n",
            "[[term]]\nen = \"Kyiv\"\r",
            "[[term]]\nen = \"Kyiv\"\r uk = \"Київ\"\n",
        ] {
            assert_eq!(parse(source), None, "{source:?}");
        }
    }

    #[test]
    fn every_header_adds_a_table_to_its_array() {
        let table = parse("[[term]]\nen = \"a\"\n[[term]]\nen = \"b\"\n").unwrap_or_default();
        let terms = table.get("term").and_then(Value::as_array).map(Vec::len);
        assert_eq!(terms, Some(2));
    }
}
