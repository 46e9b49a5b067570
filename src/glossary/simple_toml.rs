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

use std::borrow::Cow;
use std::collections::BTreeMap;

/// A value as the glossary reader sees it: the TOML types glossaries use, and everything
/// else as `Other`.
#[derive(Clone, Debug, PartialEq)]
pub enum Value<'a> {
    Str(Cow<'a, str>),
    Bool(bool),
    Array(Vec<Value<'a>>),
    Other,
}

impl Value<'_> {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(text) => Some(text),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(value) => Some(*value),
            _ => None,
        }
    }
}

/// One `key = value` of a table, with the line it is on.
#[derive(Clone, Debug, PartialEq)]
pub struct Field<'a> {
    pub key: Cow<'a, str>,
    pub line: usize,
    pub value: Value<'a>,
}

/// One `[[name]]` table: its header line and its fields, in key order (the order the `toml`
/// crate's tables iterate in).
#[derive(Clone, Debug, PartialEq)]
pub struct RawTable<'a> {
    pub line: usize,
    pub fields: Vec<Field<'a>>,
}

/// The top level of a glossary file, in key order: each key's tables, or `None` when its value
/// is not an array of tables.
pub type Document<'a> = BTreeMap<Cow<'a, str>, Option<Vec<RawTable<'a>>>>;

/// The document of `source` when it is plain glossary TOML, or `None` to let the `toml` crate
/// read it. Strings without escapes are borrowed from `source`.
pub fn parse(source: &str) -> Option<Document<'_>> {
    // A carriage return ends a line only before a line feed.
    if source.ends_with('\r') {
        return None;
    }
    let mut root = Document::new();
    let mut current: Option<(&str, RawTable)> = None;
    for (index, line) in source.split('\n').enumerate() {
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
            close(&mut root, current.take());
            let table = RawTable {
                line: index + 1,
                fields: Vec::with_capacity(4),
            };
            current = Some((name, table));
            continue;
        }
        let (_, table) = current.as_mut()?;
        let (key, rest) = line.split_once('=')?;
        let key = key.trim_end_matches([' ', '\t']);
        if !is_bare_key(key) || table.fields.iter().any(|field| field.key == key) {
            return None;
        }
        let (value, rest) = value(rest.trim_start_matches([' ', '\t']))?;
        if !is_end_of_line(rest) {
            return None;
        }
        table.fields.push(Field {
            key: Cow::Borrowed(key),
            line: index + 1,
            value,
        });
    }
    close(&mut root, current);
    Some(root)
}

/// Appends a finished `[[name]]` table to its array, its fields in key order.
fn close<'a>(root: &mut Document<'a>, finished: Option<(&'a str, RawTable<'a>)>) {
    let Some((name, mut table)) = finished else {
        return;
    };
    table.fields.sort_by(|a, b| a.key.cmp(&b.key));
    root.entry(Cow::Borrowed(name))
        .or_insert_with(|| Some(Vec::new()))
        .get_or_insert_with(Vec::new)
        .push(table);
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
fn value(text: &str) -> Option<(Value<'_>, &str)> {
    if let Some(rest) = text.strip_prefix("true") {
        return Some((Value::Bool(true), rest));
    }
    if let Some(rest) = text.strip_prefix("false") {
        return Some((Value::Bool(false), rest));
    }
    if let Some(mut rest) = text.strip_prefix('[') {
        let mut items = Vec::new();
        loop {
            rest = rest.trim_start_matches([' ', '\t']);
            if let Some(after) = rest.strip_prefix(']') {
                return Some((Value::Array(items), after));
            }
            let (item, after) = string(rest)?;
            items.push(Value::Str(item));
            rest = after.trim_start_matches([' ', '\t']);
            match rest.strip_prefix(',') {
                Some(after) => rest = after,
                None if rest.starts_with(']') => {}
                None => return None,
            }
        }
    }
    let (text, rest) = string(text)?;
    Some((Value::Str(text), rest))
}

/// A basic string (with the common escapes) or a literal string at the start of `text`;
/// borrowed when it has no escape.
fn string(text: &str) -> Option<(Cow<'_, str>, &str)> {
    let quote = match text.as_bytes().first()? {
        b'"' => '"',
        b'\'' => '\'',
        _ => return None,
    };
    let inner = text.get(1..)?;
    // Triple quotes open multi-line strings.
    if inner.starts_with(quote) && inner.get(1..)?.starts_with(quote) {
        return None;
    }
    let mut content: Option<String> = None;
    let mut rest = inner;
    loop {
        // Plain runs are taken whole; only quotes, backslashes and control characters stop.
        let stop = rest
            .bytes()
            .position(|b| b == quote as u8 || b == b'\\' || is_control(char::from(b)))
            .unwrap_or(rest.len());
        let run = rest.get(..stop)?;
        rest = rest.get(stop..)?;
        let mut chars = rest.chars();
        let next = chars.next()?;
        if next == quote {
            let text = match content {
                Some(mut owned) => {
                    owned.push_str(run);
                    Cow::Owned(owned)
                }
                None => Cow::Borrowed(run),
            };
            return Some((text, chars.as_str()));
        }
        let owned = content.get_or_insert_with(String::new);
        owned.push_str(run);
        match next {
            '\\' if quote == '"' => {
                owned.push(match chars.next()? {
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
                owned.push('\\');
                rest = chars.as_str();
            }
            _ => return None,
        }
    }
}

/// A document from the `toml` crate's table, with the lines of its tables and keys.
pub fn from_table(
    table: toml::Table,
    table_line: impl Fn(&str, usize) -> usize,
    key_line: impl Fn(usize, &str) -> usize,
) -> Document<'static> {
    table
        .into_iter()
        .map(|(name, value)| {
            let tables: Option<Vec<toml::Table>> = match value {
                toml::Value::Array(items) => items
                    .into_iter()
                    .map(|item| match item {
                        toml::Value::Table(t) => Some(t),
                        _ => None,
                    })
                    .collect(),
                _ => None,
            };
            let tables = tables.map(|tables| {
                tables
                    .into_iter()
                    .enumerate()
                    .map(|(index, fields)| {
                        let line = table_line(&name, index);
                        let fields = fields
                            .into_iter()
                            .map(|(key, value)| Field {
                                line: key_line(line, &key),
                                key: Cow::Owned(key),
                                value: from_toml_value(value),
                            })
                            .collect();
                        RawTable { line, fields }
                    })
                    .collect()
            });
            (Cow::Owned(name), tables)
        })
        .collect()
}

fn from_toml_value(value: toml::Value) -> Value<'static> {
    match value {
        toml::Value::String(text) => Value::Str(Cow::Owned(text)),
        toml::Value::Boolean(value) => Value::Bool(value),
        toml::Value::Array(items) => Value::Array(items.into_iter().map(from_toml_value).collect()),
        _ => Value::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use toml::Table;

    /// What the `toml` crate reads, for comparison.
    fn crate_table(source: &str) -> Option<Table> {
        source.parse::<Table>().ok()
    }

    /// The table the `toml` crate would build for a document.
    fn as_table(document: Document) -> Table {
        fn toml_value(value: &Value) -> toml::Value {
            match value {
                Value::Str(text) => toml::Value::String(text.to_string()),
                Value::Bool(b) => toml::Value::Boolean(*b),
                Value::Array(items) => toml::Value::Array(items.iter().map(toml_value).collect()),
                Value::Other => toml::Value::Integer(0),
            }
        }
        document
            .into_iter()
            .map(|(name, tables)| {
                let tables = tables.unwrap_or_default().into_iter().map(|table| {
                    let fields = table.fields.iter();
                    toml::Value::Table(
                        fields
                            .map(|f| (f.key.to_string(), toml_value(&f.value)))
                            .collect(),
                    )
                });
                (name.to_string(), toml::Value::Array(tables.collect()))
            })
            .collect()
    }

    fn parse_table(source: &str) -> Option<Table> {
        parse(source).map(as_table)
    }

    #[test]
    fn the_built_in_glossary_reads_as_the_toml_crate_reads_it() {
        let source = crate::glossary::DEFAULT_TOML;
        let fast = parse_table(source);
        assert!(fast.is_some(), "the built-in glossary should be plain TOML");
        assert_eq!(fast, crate_table(source));
    }

    #[test]
    fn plain_glossaries_read_as_the_toml_crate_reads_them() {
        let source = "# Terms\n\n[[term]]\nen = \"National Bank of Ukraine\"\nuk = [\"Національний банк України\", 'НБУ'] # both\nru = [ \"Национальный банк Украины\" , ]\nnote = \"# not a comment, \\\"quoted\\\" \\\\ \"\n\r\n[[forbidden]]\nlang = \"ru\"\nforms = [\"на Украине\"]\nexact = true\nuse = \"в Украине\"\nnote = 'a \\ literal'\n\n[[term]]\nen = \"Kyiv\"\nuk=\"Київ\"\n";
        let fast = parse_table(source);
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
            if let Some(fast) = parse_table(source) {
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
        let document = parse("[[term]]\nen = \"a\"\n[[term]]\nen = \"b\"\n").unwrap_or_default();
        let lines: Vec<(usize, usize)> = document
            .get("term")
            .into_iter()
            .flatten()
            .flatten()
            .map(|table| (table.line, table.fields.first().map_or(0, |f| f.line)))
            .collect();
        assert_eq!(lines, [(1, 2), (3, 4)]);
    }
}
