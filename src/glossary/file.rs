//! Reading a glossary file: TOML to entries and bans, and every problem found on the way,
//! each with the line it is on.

use super::matcher::{self, Mode};
use super::simple_toml::{self, Document, RawTable, Value};
use super::{Ban, Entry};
use crate::error::line_and_column;
use crate::findings::Severity;
use crate::hashing::{FastMap, FastSet};
use crate::lang::Lang;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

/// What is wrong with a glossary file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProblemKind {
    /// The file is not valid TOML.
    Syntax,
    /// A key that looks like a language code concord does not know (`de = ...`).
    UnknownLanguage,
    /// A key or table that is not part of the format.
    UnknownField,
    /// `[[forbidden]]` without `lang` or `text`.
    MissingField,
    /// A value of the wrong type (a number where a form belongs).
    InvalidValue,
    /// An empty form (`""`, `[]`, or no word at all).
    EmptyForm,
    /// A term with forms in one language only: nothing to compare it with.
    OneLanguage,
    /// An entry or ban that repeats an earlier one.
    Duplicate,
    /// One form mapped to different forms of another language by two entries, or a form
    /// that is both a term and banned.
    Conflict,
}

/// One problem of a glossary file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// 1-based column in characters, when known (TOML syntax errors).
    pub column: Option<usize>,
    /// Errors make the glossary unusable; warnings do not.
    pub severity: Severity,
    pub kind: ProblemKind,
    /// One sentence, no trailing period.
    pub message: String,
}

impl Problem {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Problem {
    /// `glossary.toml:12:5: error: message`, as compilers print it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.path.display(), self.line)?;
        if let Some(column) = self.column {
            write!(f, ":{column}")?;
        }
        write!(f, ": {}: {}", self.severity.name(), self.message)
    }
}

/// The matcher keys of an entry's forms (see [`matcher::form_keys`]), in the order of
/// `entry.forms`: by language, then as written.
pub type Keys = Vec<(Lang, String)>;

/// A `[[term]]` as read: the entry, its header line and its forms' keys.
struct Term {
    entry: Entry,
    line: usize,
    keys: Keys,
}

/// A parsed file: what could be read, and what is wrong.
pub struct Parsed {
    pub entries: Vec<Entry>,
    /// The matcher keys of every form of every entry, as `entries[i].forms`.
    pub keys: Vec<Keys>,
    pub bans: Vec<Ban>,
    pub problems: Vec<Problem>,
}

/// Where the entries stand in the source: the header line of every `[[term]]` and
/// `[[forbidden]]`, and the lines in between.
struct Layout<'a> {
    lines: Vec<&'a str>,
    /// Header lines per table name, in order.
    headers: FastMap<String, Vec<usize>>,
    /// Every header line, ascending.
    all_headers: Vec<usize>,
}

impl<'a> Layout<'a> {
    fn new(source: &'a str) -> Layout<'a> {
        let lines: Vec<&str> = source.lines().collect();
        let mut headers: FastMap<String, Vec<usize>> = FastMap::default();
        let mut all_headers = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            let code = line.split('#').next().unwrap_or("").trim();
            let name = code
                .strip_prefix("[[")
                .and_then(|rest| rest.strip_suffix("]]"))
                .map(str::trim);
            if let Some(name) = name {
                headers.entry(name.to_string()).or_default().push(i + 1);
                all_headers.push(i + 1);
            }
        }
        Layout {
            lines,
            headers,
            all_headers,
        }
    }

    /// The header line of the `index`-th `[[name]]` table (1 when it cannot be found, as
    /// for inline arrays of tables).
    fn table_line(&self, name: &str, index: usize) -> usize {
        self.headers
            .get(name)
            .and_then(|lines| lines.get(index))
            .copied()
            .unwrap_or(1)
    }

    /// The line of `key = ...` inside the table starting at `table_line`, or the table's
    /// line.
    fn key_line(&self, table_line: usize, key: &str) -> usize {
        let next = self.all_headers.partition_point(|&line| line <= table_line);
        let end = self
            .all_headers
            .get(next)
            .copied()
            .unwrap_or(self.lines.len() + 1);
        (table_line..end)
            .find(|&line| {
                self.lines.get(line.wrapping_sub(1)).is_some_and(|text| {
                    let text = text.trim_start();
                    let quoted = || text.strip_prefix('"')?.strip_prefix(key)?.strip_prefix('"');
                    let rest = text.strip_prefix(key).or_else(quoted);
                    rest.is_some_and(|r| r.trim_start().starts_with('='))
                })
            })
            .unwrap_or(table_line)
    }

    /// The line of a top-level key or table header.
    fn top_level_line(&self, key: &str) -> usize {
        self.lines
            .iter()
            .position(|text| {
                let text = text.trim_start();
                text.strip_prefix(key)
                    .is_some_and(|r| r.trim_start().starts_with('='))
                    || text
                        .trim_start_matches('[')
                        .trim_start()
                        .strip_prefix(key)
                        .is_some_and(|r| r.trim_start().starts_with(']'))
                        && text.starts_with('[')
            })
            .map_or(1, |i| i + 1)
    }
}

struct Reader<'a> {
    path: &'a Path,
    problems: Vec<Problem>,
}

/// The language of a key: the common spellings without the allocation of [`Lang::from_code`].
fn language_key(key: &str) -> Option<Lang> {
    match key {
        "en" => Some(Lang::En),
        "uk" => Some(Lang::Uk),
        "ru" => Some(Lang::Ru),
        "note" => None,
        _ => Lang::from_code(key),
    }
}

impl Reader<'_> {
    fn problem(&mut self, line: usize, severity: Severity, kind: ProblemKind, message: String) {
        self.problems.push(Problem {
            path: self.path.to_path_buf(),
            line,
            column: None,
            severity,
            kind,
            message,
        });
    }

    fn error(&mut self, line: usize, kind: ProblemKind, message: String) {
        self.problem(line, Severity::Error, kind, message);
    }

    /// A string or a list of strings; each a form with at least one word.
    fn forms(
        &mut self,
        line: usize,
        what: &str,
        lang: Option<Lang>,
        value: &Value,
    ) -> Vec<(String, String)> {
        let raw: &[Value] = match value {
            Value::Array(items) => items,
            other => std::slice::from_ref(other),
        };
        if raw.is_empty() {
            self.error(line, ProblemKind::EmptyForm, format!("`{what}` is empty"));
            return Vec::new();
        }
        let mut forms = Vec::new();
        for item in raw {
            let Some(text) = item.as_str() else {
                self.error(
                    line,
                    ProblemKind::InvalidValue,
                    format!("`{what}` must be a string or a list of strings"),
                );
                continue;
            };
            let text = text.trim();
            let keys = match lang {
                Some(lang) => matcher::form_keys(lang, text, Mode::Inflected),
                None => (!text.is_empty()).then(String::new),
            };
            let Some(keys) = keys else {
                self.error(
                    line,
                    ProblemKind::EmptyForm,
                    format!("`{what}` has an empty form"),
                );
                continue;
            };
            forms.push((text.to_string(), keys));
        }
        forms
    }

    fn optional_string(&mut self, line: usize, key: &str, value: &Value) -> Option<String> {
        match value.as_str() {
            Some(text) => Some(text.to_string()),
            None => {
                self.error(
                    line,
                    ProblemKind::InvalidValue,
                    format!("`{key}` must be a string"),
                );
                None
            }
        }
    }

    fn unknown_key(&mut self, line: usize, table: &str, key: &str, expected: &str) {
        let looks_like_language = (2..=3).contains(&key.len())
            && key.chars().all(|c| c.is_ascii_lowercase())
            || key.contains('-') && key.len() <= 6;
        if looks_like_language {
            self.error(
                line,
                ProblemKind::UnknownLanguage,
                format!("unknown language `{key}` in [[{table}]]: concord knows en, uk and ru"),
            );
        } else {
            self.error(
                line,
                ProblemKind::UnknownField,
                format!("unknown field `{key}` in [[{table}]] (expected {expected})"),
            );
        }
    }

    fn term(&mut self, table: &RawTable) -> Option<Term> {
        let line = table.line;
        let mut entry = Entry::default();
        let mut keys: Keys = Vec::with_capacity(table.fields.len());
        for field in &table.fields {
            let (key, key_line, value) = (&*field.key, field.line, &field.value);
            if key == "note" {
                entry.note = self.optional_string(key_line, key, value);
            } else if let Some(lang) = language_key(key) {
                if entry.forms.contains_key(&lang) {
                    self.error(
                        key_line,
                        ProblemKind::InvalidValue,
                        format!("{lang} is given twice (as `uk` and `ua`)"),
                    );
                    continue;
                }
                let forms = self.forms(key_line, key, Some(lang), value);
                if !forms.is_empty() {
                    let mut texts = Vec::with_capacity(forms.len());
                    for (text, form_keys) in forms {
                        texts.push(text);
                        keys.push((lang, form_keys));
                    }
                    entry.forms.insert(lang, texts);
                }
            } else {
                self.unknown_key(key_line, "term", key, "en, uk, ru, note");
            }
        }
        // `forms` is ordered by language; the keys are put in the same order.
        keys.sort_by_key(|(lang, _)| *lang);
        match entry.forms.len() {
            0 => {
                self.error(
                    line,
                    ProblemKind::EmptyForm,
                    "[[term]] has no forms: give at least two of en, uk, ru".to_string(),
                );
                None
            }
            1 => {
                self.problem(
                    line,
                    Severity::Warning,
                    ProblemKind::OneLanguage,
                    "[[term]] has forms in one language only, so it is never compared".to_string(),
                );
                Some(Term { entry, line, keys })
            }
            _ => Some(Term { entry, line, keys }),
        }
    }

    fn ban(&mut self, table: &RawTable) -> Option<(Ban, usize)> {
        let line = table.line;
        let mut lang = None;
        let mut lang_seen = false;
        let mut forms = None;
        let mut replacement = None;
        let mut note = None;
        let mut exact = false;
        for field in &table.fields {
            let (key, key_line, value) = (&*field.key, field.line, &field.value);
            match key {
                "lang" => {
                    lang_seen = true;
                    match value.as_str() {
                        Some(code) => match Lang::from_code(code) {
                            Some(l) => lang = Some(l),
                            None => self.error(
                                key_line,
                                ProblemKind::UnknownLanguage,
                                format!("unknown language `{code}`: concord knows en, uk and ru"),
                            ),
                        },
                        None => self.error(
                            key_line,
                            ProblemKind::InvalidValue,
                            "`lang` must be a string".to_string(),
                        ),
                    }
                }
                "text" => forms = Some((key_line, value)),
                "use" => replacement = self.optional_string(key_line, key, value),
                "note" => note = self.optional_string(key_line, key, value),
                "exact" => match value.as_bool() {
                    Some(b) => exact = b,
                    None => self.error(
                        key_line,
                        ProblemKind::InvalidValue,
                        "`exact` must be true or false".to_string(),
                    ),
                },
                _ => self.unknown_key(key_line, "forbidden", key, "lang, text, use, note, exact"),
            }
        }
        if !lang_seen {
            self.error(
                line,
                ProblemKind::MissingField,
                "[[forbidden]] has no `lang`".to_string(),
            );
        }
        let Some((text_line, value)) = forms else {
            self.error(
                line,
                ProblemKind::MissingField,
                "[[forbidden]] has no `text`".to_string(),
            );
            return None;
        };
        let forms: Vec<String> = self
            .forms(text_line, "text", lang, value)
            .into_iter()
            .map(|(form, _)| form)
            .collect();
        let lang = lang?;
        if forms.is_empty() {
            return None;
        }
        Some((
            Ban {
                lang,
                forms,
                replacement,
                note,
                exact,
            },
            line,
        ))
    }
}

/// Reads one file's text.
pub fn parse(source: &str, path: &Path) -> Parsed {
    // Where the tables stand is only searched for when the `toml` crate reads the file or a
    // top-level key is wrong: plain glossary TOML gives every line as it is read.
    let layout = std::cell::OnceCell::new();
    let layout = || layout.get_or_init(|| Layout::new(source));
    let mut reader = Reader {
        path,
        problems: Vec::new(),
    };
    let document: Document = match simple_toml::parse(source) {
        Some(document) => document,
        None => match source.parse::<toml::Table>() {
            Ok(table) => simple_toml::from_table(
                table,
                |name, index| layout().table_line(name, index),
                |line, key| layout().key_line(line, key),
            ),
            Err(error) => {
                let (line, column) = error
                    .span()
                    .map_or((1, 1), |span| line_and_column(source, span.start));
                let message = error.message().trim().trim_end_matches('.').to_string();
                return Parsed {
                    entries: Vec::new(),
                    keys: Vec::new(),
                    bans: Vec::new(),
                    problems: vec![Problem {
                        path: path.to_path_buf(),
                        line,
                        column: Some(column),
                        severity: Severity::Error,
                        kind: ProblemKind::Syntax,
                        message: format!("TOML syntax error: {message}"),
                    }],
                };
            }
        },
    };
    let mut entries = Vec::new();
    let mut bans = Vec::new();
    for (key, tables) in document {
        match (&*key, tables) {
            ("term", Some(tables)) => {
                // Stemming every form is most of the work of loading a large glossary, and
                // entries are read independently: in parallel, then put back in order.
                let read: Vec<(Option<Term>, Vec<Problem>)> = tables
                    .into_par_iter()
                    .with_min_len(64)
                    .map(|table| {
                        let mut entry_reader = Reader {
                            path,
                            problems: Vec::new(),
                        };
                        let term = entry_reader.term(&table);
                        (term, entry_reader.problems)
                    })
                    .collect();
                entries.reserve(read.len());
                for (term, problems) in read {
                    entries.extend(term);
                    reader.problems.extend(problems);
                }
            }
            ("forbidden", Some(tables)) => {
                for table in &tables {
                    bans.extend(reader.ban(table));
                }
            }
            ("term" | "forbidden", None) => {
                let line = layout().top_level_line(&key);
                reader.error(
                    line,
                    ProblemKind::InvalidValue,
                    format!("`{key}` must be written as [[{key}]] tables"),
                );
            }
            _ => {
                let line = layout().top_level_line(&key);
                reader.error(
                    line,
                    ProblemKind::UnknownField,
                    format!("unknown table `{key}`: a glossary holds [[term]] and [[forbidden]] entries"),
                );
            }
        }
    }
    cross_check(&mut reader, &entries, &bans);
    let mut problems = reader.problems;
    problems.sort_by_key(|p| (p.line, p.column));
    let (entries, keys) = entries.into_iter().map(|t| (t.entry, t.keys)).unzip();
    Parsed {
        entries,
        keys,
        bans: bans.into_iter().map(|(b, _)| b).collect(),
        problems,
    }
}

/// Duplicate and conflicting entries, and banned wordings that are also terms.
fn cross_check(reader: &mut Reader, terms: &[Term], bans: &[(Ban, usize)]) {
    // Only entries that share a form are compared, which is rare: their keys are gathered
    // then, once per entry.
    let joined: Vec<std::cell::OnceCell<BTreeMap<Lang, BTreeSet<&str>>>> =
        terms.iter().map(|_| std::cell::OnceCell::new()).collect();
    let key_sets = |index: usize| -> Option<&BTreeMap<Lang, BTreeSet<&str>>> {
        let term = terms.get(index)?;
        Some(joined.get(index)?.get_or_init(|| {
            let mut sets: BTreeMap<Lang, BTreeSet<&str>> = BTreeMap::new();
            for (lang, keys) in &term.keys {
                sets.entry(*lang).or_default().insert(keys.as_str());
            }
            sets
        }))
    };
    // The first entry of each form, and the later ones where there are several (rare: a
    // list per form would be one allocation per form of the glossary).
    let forms: usize = terms.iter().map(|t| t.keys.len()).sum();
    let mut first_owner: FastMap<(Lang, &str), usize> = FastMap::default();
    first_owner.reserve(forms);
    let mut later_owners: FastMap<(Lang, &str), Vec<usize>> = FastMap::default();
    let mut compared: FastSet<(usize, usize)> = FastSet::default();
    for (b, term) in terms.iter().enumerate() {
        let (entry, line) = (&term.entry, &term.line);
        let mut form_keys = term.keys.iter();
        for (&lang, forms) in &entry.forms {
            for (form, (_, form_key)) in forms.iter().zip(form_keys.by_ref()) {
                let owner_key = (lang, form_key.as_str());
                let first = *first_owner.entry(owner_key).or_insert(b);
                if first == b {
                    continue;
                }
                let later = later_owners.entry(owner_key).or_default();
                for &a in std::iter::once(&first).chain(later.iter()) {
                    if a == b || !compared.insert((a, b)) {
                        continue;
                    }
                    let (
                        Some(a_keys),
                        Some(b_keys),
                        Some(Term {
                            entry: a_entry,
                            line: a_line,
                            ..
                        }),
                    ) = (key_sets(a), key_sets(b), terms.get(a))
                    else {
                        continue;
                    };
                    let conflict = b_keys.iter().find(|(other, b_set)| {
                        **other != lang
                            && a_keys
                                .get(*other)
                                .is_some_and(|a_set| a_set.is_disjoint(b_set))
                    });
                    match conflict {
                        None => reader.problem(
                            *line,
                            Severity::Warning,
                            ProblemKind::Duplicate,
                            format!(
                                "{lang} «{form}» repeats the entry at line {a_line}; merge the two"
                            ),
                        ),
                        Some((&other, _)) => {
                            let first = |e: &Entry| {
                                e.forms
                                    .get(&other)
                                    .and_then(|f| f.first())
                                    .cloned()
                                    .unwrap_or_default()
                            };
                            reader.error(
                                *line,
                                ProblemKind::Conflict,
                                format!(
                                    "{lang} «{form}» is {other} «{}» here but {other} «{}» in the entry at line {a_line}",
                                    first(entry),
                                    first(a_entry)
                                ),
                            );
                        }
                    }
                }
                if !later.contains(&b) {
                    later.push(b);
                }
            }
        }
    }
    let mut banned: FastMap<(Lang, String), usize> = FastMap::default();
    for (ban, line) in bans {
        for form in &ban.forms {
            let Some(keys) = matcher::form_keys(ban.lang, form, Mode::Inflected) else {
                continue;
            };
            if let Some(&term) = first_owner.get(&(ban.lang, keys.as_str())) {
                let term_line = terms.get(term).map_or(1, |t| t.line);
                reader.error(
                    *line,
                    ProblemKind::Conflict,
                    format!(
                        "{} «{form}» is banned here but is a form of the term at line {term_line}",
                        ban.lang
                    ),
                );
            }
            if let Some(first_line) = banned.insert((ban.lang, keys), *line) {
                if first_line != *line {
                    reader.problem(
                        *line,
                        Severity::Warning,
                        ProblemKind::Duplicate,
                        format!(
                            "{} «{form}» is already banned at line {first_line}",
                            ban.lang
                        ),
                    );
                }
            }
        }
    }
}
