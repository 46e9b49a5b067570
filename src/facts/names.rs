//! Proper names a paragraph mentions: people, places, organisations, media, acronyms ("ISW",
//! "НБУ", "U.S."), and Latin-script names inside Cyrillic text ("The Washington Post"), with
//! what is needed to find the same name in another language and script.
//!
//! A name is a run of capitalized words ("Kim Jong Un", "Володимир Путін", "Нью-Йорку"),
//! joined by hyphens and, in English, by "of" / "for" / "the" between capitalized words
//! ("Institute for the Study of War"). Not names: function words and titles ("The",
//! "President"), month, weekday and season names, and adjectives made from names ("North
//! Korean", "північнокорейські", "Российские") — these are kept as [`Word`]s with the place
//! they come from, because a translation may name the place instead.
//!
//! A capitalized word that starts a sentence, follows an opening quote or a colon, or stands
//! in a headline written in Title Case is a name only if it is an acronym; otherwise it is
//! kept but not `confident`: it can answer for a name of another version, but its absence is
//! never reported.
//!
//! Each word is compared through [`Key`]s: its Latin transliteration, with and without a
//! case ending, normalized so that the usual spelling variants meet ("Narozhnyy" /
//! "Нарожний" / "Нарожного", "Babaiev" / "Бабаєв" / "Бабаев", "Washington" / "Вашингтон").
//! Words that are translated rather than transliterated ("Forces", "Інститут", "Верховна")
//! are `common`: they belong to the name but do not identify it.

use super::tokens::{ends_sentence, tokenize, Token, TokenKind};
use crate::facts::tokens::is_letter;
use crate::lang::Lang;
use unicode_normalization::UnicodeNormalization;

/// What a language module tells the name extractor (see `lang::*::names`).
#[derive(Debug)]
pub struct NameTables {
    /// Lowercased words never part of a name, even when capitalized (function words, titles),
    /// matched whole.
    pub stop_words: &'static [&'static str],
    /// Ordinary words that names of organisations and places contain and that are
    /// translated ("ministry", "інститут").
    pub common_words: &'static [&'static str],
    /// Adjectives and nouns for people made from names, with the key of the place.
    pub adjectives: &'static [(&'static str, &'static str)],
    /// Names whose forms differ across languages beyond transliteration, with a key shared
    /// by all languages ("США" and "US" → "america").
    pub concepts: &'static [(&'static str, &'static str)],
    /// Case endings names take, longest first.
    pub case_endings: &'static [&'static str],
    /// Lowercase words allowed between two capitalized words of one name.
    pub connectors: &'static [&'static str],
    /// Spelling rewritten as heard, for languages whose names are spelled historically
    /// ("Newman" is heard "niuman", written "Ньюман"): `(pattern, replacement)`, in order.
    pub spoken_spellings: &'static [(&'static str, &'static str)],
    /// True when the tables hold stems that inflected words extend by up to
    /// [`MAX_ENDING_CHARS`] letters; false when they hold whole words.
    pub stems_inflect: bool,
}

/// The longest case ending a stem in the tables may be followed by.
pub const MAX_ENDING_CHARS: usize = 3;
/// Stems shorter than this take only a one-letter ending.
const SHORT_STEM_CHARS: usize = 4;
/// A case ending is stripped only when at least this many letters remain ("Ином" → "Ин").
const MIN_STEM_CHARS: usize = 2;

impl NameTables {
    /// Stop words are whole words in every language: as stems, "і" would cover "Іран".
    pub fn is_stop_word(&self, lower: &str) -> bool {
        self.stop_words.contains(&lower)
    }

    /// Stems of `lower` without each case ending it may carry.
    pub fn stems<'a>(&self, lower: &'a str) -> Vec<&'a str> {
        self.case_endings
            .iter()
            .filter_map(|ending| lower.strip_suffix(ending))
            .filter(|stem| stem.chars().count() >= MIN_STEM_CHARS)
            .collect()
    }
}

/// A language's tables with their lookups built.
#[derive(Debug)]
pub struct Tables {
    raw: &'static NameTables,
    common_words: Lookup,
    adjectives: Lookup,
    concepts: Lookup,
}

impl std::ops::Deref for Tables {
    type Target = NameTables;
    fn deref(&self) -> &NameTables {
        self.raw
    }
}

impl Tables {
    fn new(raw: &'static NameTables) -> Self {
        Tables {
            raw,
            common_words: Lookup::new(raw.common_words.iter().copied(), raw.stems_inflect),
            adjectives: Lookup::new(raw.adjectives.iter().map(|(e, _)| *e), raw.stems_inflect),
            concepts: Lookup::new(raw.concepts.iter().map(|(e, _)| *e), raw.stems_inflect),
        }
    }

    pub fn is_common_word(&self, lower: &str) -> bool {
        self.common_words.first_match(lower).is_some()
    }

    /// The place an adjective or a word for its people is made from.
    pub fn adjective_of(&self, lower: &str) -> Option<&'static str> {
        let index = self.adjectives.first_match(lower)?;
        self.raw.adjectives.get(index).map(|(_, key)| *key)
    }

    /// The cross-language key of a name, for names not written alike.
    pub fn concept_of(&self, lower: &str) -> Option<&'static str> {
        let index = self.concepts.first_match(lower)?;
        self.raw.concepts.get(index).map(|(_, key)| *key)
    }
}

/// Which entries of a table a word is a form of. Every word of every paragraph is looked up,
/// so instead of testing each entry as a prefix, the word's few possible stems (the word
/// without its last 0 to [`MAX_ENDING_CHARS`] letters) are looked up.
#[derive(Debug)]
struct Lookup {
    /// Entry → its first position in the table (earlier entries win).
    positions: crate::hashing::FastMap<&'static str, usize>,
    stems_inflect: bool,
}

impl Lookup {
    fn new(entries: impl Iterator<Item = &'static str>, stems_inflect: bool) -> Self {
        let mut positions = crate::hashing::FastMap::default();
        for (index, entry) in entries.enumerate() {
            positions.entry(entry).or_insert(index);
        }
        Lookup {
            positions,
            stems_inflect,
        }
    }

    /// The position of the first entry `lower` is a form of: the entry itself or, for stems,
    /// the entry and an ending of letters — one letter after a short stem ("мор" covers
    /// "море", "морі", not "Мороз"; "бог" covers "бога", not "Богдан").
    fn first_match(&self, lower: &str) -> Option<usize> {
        if !self.stems_inflect {
            return self.positions.get(lower).copied();
        }
        let mut best: Option<usize> = None;
        let mut ending_chars = 0;
        let mut boundaries = lower.char_indices().rev();
        let mut stem_end = lower.len();
        loop {
            if let Some(&index) = lower.get(..stem_end).and_then(|s| self.positions.get(s)) {
                let stem_chars = lower.get(..stem_end).map_or(0, |s| s.chars().count());
                let max_ending = if stem_chars < SHORT_STEM_CHARS {
                    1
                } else {
                    MAX_ENDING_CHARS
                };
                if ending_chars <= max_ending {
                    best = Some(best.map_or(index, |b| b.min(index)));
                }
            }
            if ending_chars == MAX_ENDING_CHARS {
                return best;
            }
            match boundaries.next() {
                Some((at, c)) if is_letter(c) => {
                    stem_end = at;
                    ending_chars += 1;
                }
                _ => return best,
            }
        }
    }
}

/// The tables of a language.
// A `Lang::names()` accessor in `lang/mod.rs` would put this beside `Lang::dates()`.
pub fn tables(lang: Lang) -> &'static Tables {
    static TABLES: [std::sync::OnceLock<Tables>; 3] = [
        std::sync::OnceLock::new(),
        std::sync::OnceLock::new(),
        std::sync::OnceLock::new(),
    ];
    let (slot, raw) = match lang {
        Lang::En => (&TABLES[0], &crate::lang::en::names::TABLES),
        Lang::Uk => (&TABLES[1], &crate::lang::uk::names::TABLES),
        Lang::Ru => (&TABLES[2], &crate::lang::ru::names::TABLES),
    };
    slot.get_or_init(|| Tables::new(raw))
}

/// One word of a name.
#[derive(Clone, Debug, PartialEq)]
pub struct NameWord {
    /// As written.
    pub text: String,
    /// Normalized Latin forms, with and without case endings (empty for common words).
    pub keys: Vec<String>,
    /// A translated word ("Forces", "Інститут"): part of the name, but not what identifies it.
    pub common: bool,
}

/// A proper name found in a paragraph.
#[derive(Clone, Debug, PartialEq)]
pub struct Name {
    /// Character range `[start, end)` in the paragraph text.
    pub start: usize,
    pub end: usize,
    /// The words as written ("Кім Чен Ин", "Нью-Йорку", "U.S.").
    pub text: String,
    pub words: Vec<NameWord>,
    /// Cross-language keys from the tables ("США" → "america").
    pub concepts: Vec<&'static str>,
    /// Written in capitals ("ISW", "НБУ", "U.S.").
    pub acronym: bool,
    /// False for a capitalized word that may only be capitalized by position (start of a
    /// sentence, Title Case headline): it can stand for a name of another version but is not
    /// reported missing.
    pub confident: bool,
    /// Index of the glossary entry this name is an occurrence of.
    pub entry: Option<usize>,
}

impl Name {
    /// Words that identify the name (not common words).
    pub fn identifying_words(&self) -> impl Iterator<Item = &NameWord> {
        self.words.iter().filter(|w| !w.common)
    }

    /// True when another version can be searched for this name: it has a word that is not
    /// translated, a cross-language key or a glossary entry.
    pub fn checkable(&self) -> bool {
        self.identifying_words().next().is_some()
            || !self.concepts.is_empty()
            || self.entry.is_some()
    }
}

/// A word of the paragraph that is not part of a name: a lowercase word, an adjective made
/// from a name. A name of another version is present here when one of these is its form.
#[derive(Clone, Debug, PartialEq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    /// The word, lowercased, and the language its keys are made in.
    pub lower: String,
    pub lang: Lang,
    /// Made when first needed: most words are never searched for a name, and making keys
    /// (transliteration, stems) is the costliest step of the name check.
    keys: std::cell::OnceCell<Vec<String>>,
    /// The place an adjective is made from, or a concept key.
    pub concepts: Vec<&'static str>,
    /// Written with a capital: a capitalized adjective ("Киевском районе") is compared as
    /// leniently as a name.
    pub capitalized: bool,
}

impl Word {
    /// Latin keys of the word (see [`word_keys`]).
    pub fn keys(&self) -> &[String] {
        self.keys.get_or_init(|| word_keys(&self.lower, self.lang))
    }
}

/// Names and the remaining words of one paragraph.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Analysis {
    pub names: Vec<Name>,
    pub words: Vec<Word>,
}

/// The names of a paragraph, in text order.
pub fn extract(text: &str, lang: Lang) -> Vec<Name> {
    analyze(text, lang).names
}

/// Words shorter than this are not searched for a name of another version: "in", "и".
const MIN_SEARCH_WORD_CHARS: usize = 3;

/// How a token takes part in names.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Role {
    /// Part of a name: `initial` when it may be capitalized only by position.
    Name {
        acronym: bool,
        initial: bool,
        common: bool,
    },
    /// An adjective made from a name; with a two-word English adjective ("North Korean") the
    /// word before it is taken back from the name run.
    Adjective(&'static str, bool),
    /// A lowercase connector inside a name ("of").
    Connector,
    /// Ends a name.
    Other,
}

/// Names and other words of one paragraph.
pub fn analyze(text: &str, lang: Lang) -> Analysis {
    let tokens = tokenize(text);
    let title_case = title_case_sentences(&tokens, lang);
    let chars: Vec<char> = text.chars().collect();
    let slice = |start: usize, end: usize| -> String {
        chars
            .get(start..end.min(chars.len()))
            .map(|c| c.iter().collect())
            .unwrap_or_default()
    };
    let mut analysis = Analysis::default();
    let mut run: Vec<(usize, Role)> = Vec::new();
    let mut sentence_start = true;
    let mut sentence = 0;
    let mut previous_word: Option<&Token> = None;
    let mut i = 0;
    while i < tokens.len() {
        let Some(token) = tokens.get(i) else { break };
        match token.kind {
            TokenKind::Word => {
                if let Some(end) = dotted_acronym_end(&tokens, i) {
                    run.push((
                        i,
                        Role::Name {
                            acronym: true,
                            initial: false,
                            common: false,
                        },
                    ));
                    // The acronym "U.S." is one word spanning tokens i..end.
                    run.push((end, Role::Connector));
                    i = end + 1;
                    sentence_start = false;
                    previous_word = None;
                    continue;
                }
                let role = role(
                    token,
                    previous_word,
                    &tokens,
                    i,
                    lang,
                    sentence_start || title_case.get(sentence).copied().unwrap_or(false),
                    !run.is_empty(),
                );
                match role {
                    Role::Name { .. } | Role::Connector => run.push((i, role)),
                    Role::Adjective(place, two_words) => {
                        if two_words {
                            run.pop();
                        }
                        flush(&mut run, &tokens, lang, &slice, &mut analysis);
                        analysis.words.push(Word {
                            start: token.start,
                            end: token.end,
                            lower: token.lower.to_string(),
                            lang: word_lang(token, lang),
                            keys: std::cell::OnceCell::new(),
                            concepts: vec![place],
                            capitalized: token.is_capitalized(),
                        });
                    }
                    Role::Other => {
                        flush(&mut run, &tokens, lang, &slice, &mut analysis);
                        if token.text.chars().count() >= MIN_SEARCH_WORD_CHARS {
                            analysis.words.push(Word {
                                start: token.start,
                                end: token.end,
                                lower: token.lower.to_string(),
                                lang: word_lang(token, lang),
                                keys: std::cell::OnceCell::new(),
                                concepts: concept_of_word(
                                    &token.lower,
                                    false,
                                    word_lang(token, lang),
                                )
                                .into_iter()
                                .collect(),
                                capitalized: token.is_capitalized(),
                            });
                        }
                    }
                }
                sentence_start = false;
                previous_word = Some(token);
            }
            TokenKind::Digits => {
                flush(&mut run, &tokens, lang, &slice, &mut analysis);
                sentence_start = false;
                previous_word = None;
            }
            TokenKind::Punct => {
                let joins = (token.is_punct('-') || token.is_punct('‑'))
                    && !run.is_empty()
                    && token.gap_before.is_empty()
                    && tokens
                        .get(i + 1)
                        .is_some_and(|next| next.is_word() && next.gap_before.is_empty())
                    && joins_after_hyphen(&tokens, &run, i);
                if joins {
                    // "Нью-Йорк", "Jong-un": the word after the hyphen belongs to the name.
                    if let Some(next) = tokens.get(i + 1) {
                        run.push((
                            i + 1,
                            Role::Name {
                                acronym: false,
                                initial: false,
                                common: false,
                            },
                        ));
                        previous_word = Some(next);
                    }
                    i += 2;
                    continue;
                }
                flush(&mut run, &tokens, lang, &slice, &mut analysis);
                if ends_sentence(token, previous_word) {
                    sentence_start = true;
                    sentence += 1;
                } else if opens_quote_or_list(token) {
                    sentence_start = true;
                }
            }
        }
        i += 1;
    }
    flush(&mut run, &tokens, lang, &slice, &mut analysis);
    analysis
}

/// Longest lowercase syllable a hyphen joins to a name ("Jong-un", "Yong-ho").
const MAX_JOINED_SYLLABLE_CHARS: usize = 3;

/// True when the word after the hyphen at `hyphen` continues the name being collected: a
/// capitalized word ("Нью-Йорк", "Black-Daley"), or a short syllable after a word that is
/// not an acronym ("Jong-un"; "ЛГБТ-спільноти" is an acronym and a common word).
fn joins_after_hyphen(tokens: &[Token], run: &[(usize, Role)], hyphen: usize) -> bool {
    let Some(next) = tokens.get(hyphen + 1) else {
        return false;
    };
    if next.is_capitalized() {
        return true;
    }
    let after_acronym = run
        .last()
        .is_some_and(|(_, role)| matches!(role, Role::Name { acronym: true, .. }));
    !after_acronym && next.text.chars().count() <= MAX_JOINED_SYLLABLE_CHARS
}

/// The language whose tables judge a token: Latin words in Cyrillic text are English ("The
/// Washington Post").
fn word_lang(token: &Token, lang: Lang) -> Lang {
    if lang != Lang::En && token.text.chars().all(|c| c.is_ascii_alphabetic()) {
        Lang::En
    } else {
        lang
    }
}

/// Longer words in capitals are shouted words ("ANOTHER", "ТЕМНОШКІРА"), not acronyms.
const MAX_ACRONYM_CHARS: usize = 5;

fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| is_letter(*c)).count();
    (2..=MAX_ACRONYM_CHARS).contains(&letters)
        && word.chars().all(|c| !is_letter(c) || c.is_uppercase())
}

fn role(
    token: &Token,
    previous_word: Option<&Token>,
    tokens: &[Token],
    index: usize,
    lang: Lang,
    positional_capital: bool,
    run_open: bool,
) -> Role {
    let judge = word_lang(token, lang);
    let tables = tables(judge);
    let latin_in_cyrillic = judge != lang;
    let capitalized = token.is_capitalized();
    if !capitalized && !latin_in_cyrillic {
        let next_capitalized = tokens
            .get(index + 1)
            .is_some_and(|t| t.is_capitalized() || (t.is_word() && tables.is_stop_word(&t.lower)));
        if run_open && tables.connectors.contains(&&*token.lower) && next_capitalized {
            return Role::Connector;
        }
        return match tables.adjective_of(&token.lower) {
            Some(place) => Role::Adjective(place, false),
            None => Role::Other,
        };
    }
    if !latin_in_cyrillic && !capitalized {
        return Role::Other;
    }
    let acronym = is_acronym(token.text);
    if !acronym {
        if let Some(previous) = previous_word.filter(|p| p.end + 1 == token.start) {
            let pair = format!("{} {}", previous.lower, token.lower);
            if let Some(place) = tables.adjective_of(&pair) {
                return Role::Adjective(place, previous.is_capitalized());
            }
        }
        if let Some(place) = tables.adjective_of(&token.lower) {
            return Role::Adjective(place, false);
        }
        if tables.is_stop_word(&token.lower)
            || judge.dates().word(&token.lower).is_some()
            || judge.numbers().word(&token.lower).is_some()
        {
            return Role::Other;
        }
        if !capitalized {
            // Lowercase Latin inside Cyrillic text ("iPhone" is capitalized inside).
            if !token.text.chars().any(char::is_uppercase) {
                return Role::Other;
            }
        }
    }
    Role::Name {
        acronym,
        initial: positional_capital && !acronym && !latin_in_cyrillic,
        common: !acronym && tables.is_common_word(&token.lower),
    }
}

/// "U.S.", "U.K.": single capitals each followed by a full stop; returns the index of the
/// last full stop.
fn dotted_acronym_end(tokens: &[Token], start: usize) -> Option<usize> {
    let single_capital =
        |t: &Token| t.is_word() && t.text.chars().count() == 1 && t.is_capitalized();
    let mut i = start;
    let mut letters = 0;
    while tokens
        .get(i)
        .is_some_and(|t| single_capital(t) && (i == start || t.gap_before.is_empty()))
        && tokens
            .get(i + 1)
            .is_some_and(|t| t.is_punct('.') && t.gap_before.is_empty())
    {
        letters += 1;
        i += 2;
    }
    (letters >= 2).then(|| i - 1)
}

/// Short words are looked up as names only when written as acronyms: "Un" in "Kim Jong Un" is
/// not the UN.
const MIN_CONCEPT_WORD_CHARS: usize = 4;

fn concept_of_word(lower: &str, acronym: bool, lang: Lang) -> Option<&'static str> {
    if acronym || lower.chars().count() >= MIN_CONCEPT_WORD_CHARS {
        tables(lang).concept_of(lower)
    } else {
        None
    }
}

/// One word of a run, parsed.
struct RunWord {
    word: NameWord,

    start: usize,
    end: usize,
    initial: bool,
    acronym: bool,
    concept: Option<&'static str>,
}

/// Turns the collected run into names. A run that is one name as a whole ("North Korea",
/// "United States") stays whole; otherwise acronyms and names with a cross-language key are
/// names of their own ("Росії Володимир Путін" is "Росії" and "Володимир Путін", "лідер КНДР
/// Кім Чен Ин" is "КНДР" and "Кім Чен Ин").
fn flush(
    run: &mut Vec<(usize, Role)>,
    tokens: &[Token],
    lang: Lang,
    slice: &dyn Fn(usize, usize) -> String,
    analysis: &mut Analysis,
) {
    let taken = std::mem::take(run);
    let mut words: Vec<RunWord> = Vec::new();
    let mut joined = Vec::new();
    for (index, (i, role)) in taken.iter().enumerate() {
        let Some(token) = tokens.get(*i) else {
            continue;
        };
        match role {
            Role::Name {
                acronym,
                initial,
                common,
            } => {
                let judge = word_lang(token, lang);
                let (text, end) = if *acronym && token.text.chars().count() == 1 {
                    // A dotted acronym: its letters are the tokens up to its last full stop,
                    // which the run holds next.
                    let last = taken.get(index + 1).map_or(*i, |(end, _)| *end);
                    let letters: String = tokens
                        .get(*i..=last)
                        .unwrap_or_default()
                        .iter()
                        .filter(|t| t.is_word())
                        .map(|t| t.text)
                        .collect();
                    let end = tokens.get(last).map_or(token.end, |t| t.end);
                    (letters, end)
                } else {
                    (token.text.to_string(), token.end)
                };
                let lower = text.to_lowercase();
                joined.push(lower.clone());
                words.push(RunWord {
                    word: NameWord {
                        keys: if *common {
                            Vec::new()
                        } else {
                            word_keys(&lower, judge)
                        },
                        text,
                        common: *common,
                    },
                    concept: concept_of_word(&lower, *acronym, judge),

                    start: token.start,
                    end,
                    initial: *initial,
                    acronym: *acronym,
                });
            }
            Role::Connector if token.is_word() => joined.push(token.lower.to_string()),
            _ => {}
        }
    }
    let Some(first) = taken.first().and_then(|(i, _)| tokens.get(*i)) else {
        return;
    };
    let whole = tables(word_lang(first, lang)).concept_of(&joined.join(" "));
    let mut segments: Vec<Vec<RunWord>> = Vec::new();
    for word in words {
        let alone = whole.is_none() && (word.acronym || word.concept.is_some());
        let previous_alone = segments
            .last()
            .and_then(|s| s.last())
            .is_some_and(|w| w.acronym || w.concept.is_some());
        match segments.last_mut() {
            Some(segment) if whole.is_some() || !(alone || previous_alone) => segment.push(word),
            _ => segments.push(vec![word]),
        }
    }
    for segment in segments {
        let (Some(head), Some(tail)) = (segment.first(), segment.last()) else {
            continue;
        };
        let mut concepts: Vec<&'static str> = segment.iter().filter_map(|w| w.concept).collect();
        concepts.extend(whole);
        concepts.sort_unstable();
        concepts.dedup();
        let name = Name {
            start: head.start,
            end: tail.end,
            text: slice(head.start, tail.end),
            confident: segment
                .iter()
                .any(|w| w.acronym || (!w.initial && !w.word.common)),
            acronym: segment.iter().any(|w| w.acronym),
            words: segment.into_iter().map(|w| w.word).collect(),
            concepts,
            entry: None,
        };
        if name.checkable() {
            analysis.names.push(name);
        }
    }
}

/// An upper bound of the Jaro–Winkler similarity of `a` and `b` (of `la` and `lb`
/// characters), from the letters they share: Jaro's matching characters are at most the
/// letters common to both, counted with repetition. Most pairs of names a check compares
/// share few letters, and this turns them away without the full comparison.
fn jaro_winkler_bound(a: &str, b: &str, la: usize, lb: usize) -> f64 {
    if la == 0 || lb == 0 {
        return if la == lb { 1.0 } else { 0.0 };
    }
    // Non-ASCII characters share one bucket: that can only raise the bound.
    let mut counts = [0i32; 128];
    for c in a.chars() {
        counts[usize::from(c.is_ascii()) * (c as usize % 128)] += 1;
    }
    let mut common = 0usize;
    for c in b.chars() {
        let bucket = &mut counts[usize::from(c.is_ascii()) * (c as usize % 128)];
        if *bucket > 0 {
            *bucket -= 1;
            common += 1;
        }
    }
    let jaro = if common == 0 {
        0.0
    } else {
        (common as f64 / la as f64 + common as f64 / lb as f64 + 1.0) / 3.0
    };
    let prefix = a
        .chars()
        .zip(b.chars())
        .take(4)
        .take_while(|(x, y)| x == y)
        .count();
    jaro + prefix as f64 * 0.1 * (1.0 - jaro)
}

/// Normalized Latin forms of a lowercased word, with and without case endings.
///
/// Keys are remembered per thread: the same names come back paragraph after paragraph and
/// article after article, and transliterating them was the costliest step of the name check.
pub fn word_keys(lower: &str, lang: Lang) -> Vec<String> {
    const REMEMBERED: usize = 50_000;
    thread_local! {
        static KEYS: std::cell::RefCell<crate::hashing::FastMap<(Lang, String), Vec<String>>> =
            std::cell::RefCell::new(Default::default());
    }
    let key = (lang, lower.to_string());
    if let Some(keys) = KEYS.with(|known| known.borrow().get(&key).cloned()) {
        return keys;
    }
    let keys = make_word_keys(lower, lang);
    KEYS.with(|known| {
        let mut known = known.borrow_mut();
        if known.len() >= REMEMBERED {
            known.clear();
        }
        known.insert(key, keys.clone());
    });
    keys
}

fn make_word_keys(lower: &str, lang: Lang) -> Vec<String> {
    let tables = tables(lang);
    let mut keys = vec![latin_key(&lang.transliterate(lower))];
    if !tables.spoken_spellings.is_empty() {
        keys.push(latin_key(&spoken(lower, tables.spoken_spellings)));
    }
    for stem in tables.stems(lower) {
        keys.push(latin_key(&lang.transliterate(stem)));
    }
    keys.retain(|k| !k.is_empty());
    keys.sort();
    keys.dedup();
    keys
}

/// `lower` with spelling rewritten as it is heard; a rule whose pattern ends in "$" applies
/// only at the end of the word.
fn spoken(lower: &str, rules: &[(&str, &str)]) -> String {
    let mut out = lower.to_string();
    for (pattern, replacement) in rules {
        match pattern.strip_suffix('$') {
            Some(ending) => {
                if let Some(stem) = out.strip_suffix(ending) {
                    out = format!("{stem}{replacement}");
                }
            }
            None => out = out.replace(pattern, replacement),
        }
    }
    out
}

/// A Latin spelling reduced so that the usual transliteration variants of one name meet:
/// y/i/j-vowels become "i", "ie"/"ye" become "e", г (h/g), х (kh) and "gh" become "h", ж
/// ("zh", "dzh") becomes "j", "ts"/"tz" become "c", "w" becomes "v", "c" becomes "s" before a
/// front vowel and "k" elsewhere, and doubled letters collapse:
/// "Narozhnyy" / "narozhnyi" → "narojni", "Babaiev" / "babayev" → "babaev".
pub fn latin_key(latin: &str) -> String {
    let letters: Vec<u8> = latin
        .nfd()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase() as u8)
        .collect();
    let mut out: Vec<u8> = Vec::with_capacity(letters.len());
    let mut rest: &[u8] = &letters;
    while let Some(&first) = rest.first() {
        let (produced, used): (&[u8], usize) = match rest {
            // Russian and Ukrainian write an English initial W as У ("Уоррен").
            [b'u', b'a' | b'e' | b'i' | b'o', ..] if out.is_empty() => (b"v", 1),
            [b's', b'h', b'c', b'h', ..] => (b"sh", 4),
            [b's', b'c', b'h', ..] => (b"sh", 3),
            [b't', b'c', b'h', ..] => (b"ch", 3),
            [b'd', b'z', b'h', ..] => (b"j", 3),
            [b'z', b'h', ..] => (b"j", 2),
            [b'k', b'h', ..] | [b'g', b'h', ..] => (b"h", 2),
            [b'p', b'h', ..] => (b"f", 2),
            [b't', b'h', ..] => (b"t", 2),
            [b't', b's', ..] | [b't', b'z', ..] => (b"c", 2),
            [b'c', b'k', ..] => (b"k", 2),
            [b'c', b'h', ..] => (b"ch", 2),
            [b'c', b'e' | b'i' | b'y', ..] => (b"s", 1),
            [b'c' | b'q', ..] => (b"k", 1),
            [b'x', ..] => (b"ks", 1),
            [b'w', ..] => (b"v", 1),
            [b'g', ..] => (b"h", 1),
            [b'y', ..] => (b"i", 1),
            _ => (std::slice::from_ref(&first), 1),
        };
        for &symbol in produced {
            if out.last() != Some(&symbol) {
                out.push(symbol);
            }
        }
        rest = rest.get(used..).unwrap_or_default();
    }
    // "ie" that arose from "ye" → "ie" is folded here, after "y" became "i".
    let mut folded: Vec<u8> = Vec::with_capacity(out.len());
    for &c in &out {
        if c == b'e' && folded.last() == Some(&b'i') && folded.len() > 1 {
            folded.pop();
        }
        if folded.last() != Some(&c) {
            folded.push(c);
        }
    }
    String::from_utf8(folded).unwrap_or_default()
}

fn consonants(key: &str) -> String {
    key.chars()
        .filter(|c| !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u'))
        .collect()
}

/// Keys at most this long are compared by their consonants: "Ин" / "Un", "Рі" / "Ri".
const SHORT_KEY_CHARS: usize = 3;
/// A shorter key that starts a longer one names the same thing from this length on:
/// "narojn" (Нарожного without its ending) / "narojni".
const MIN_PREFIX_CHARS: usize = 4;
/// How alike two spellings must be to be taken for one name: the Jaro-Winkler similarity of
/// their transliteration keys, from above 0 to 1 (`name-similarity` in `concord.toml`,
/// `--name-similarity`). A value, not a global: articles checked side by side may use
/// different settings.
///
/// Spellings whose first consonants sound alike ("Daley" / "Дейлі") and a key that begins
/// another ("Narozhn" / "Narozhnyy") match at any setting; the setting decides between
/// spellings that differ after a shared start ("Марченко" / "Мартыненко").
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NameMatching {
    min_similarity: f64,
}

impl NameMatching {
    /// Measured on the test pairs: variants score 0.9 and above, different surnames
    /// ("babaev" / "babenko", "marchenko" / "martinenko") 0.84 to 0.85.
    pub const DEFAULT_MIN_SIMILARITY: f64 = 0.88;

    /// A setting from a similarity above 0 and at most 1; `None` for anything else (NaN
    /// included).
    pub fn new(min_similarity: f64) -> Option<NameMatching> {
        (min_similarity > 0.0 && min_similarity <= 1.0).then_some(NameMatching { min_similarity })
    }

    pub fn min_similarity(self) -> f64 {
        self.min_similarity
    }

    /// True when two normalized keys spell the same word.
    pub fn keys_similar(self, a: &str, b: &str) -> bool {
        if a == b {
            return true;
        }
        let (la, lb) = (a.chars().count(), b.chars().count());
        if la.min(lb) <= SHORT_KEY_CHARS {
            let (ca, cb) = (consonants(a), consonants(b));
            return la.abs_diff(lb) <= 1 && !ca.is_empty() && ca == cb;
        }
        let (short, long) = if la <= lb { (a, b) } else { (b, a) };
        if short.chars().count() >= MIN_PREFIX_CHARS && long.starts_with(short) {
            return true;
        }
        jaro_winkler_bound(a, b, la, lb) >= self.min_similarity
            && strsim::jaro_winkler(a, b) >= self.min_similarity
    }

    /// True when two word key sets share a spelling or a sound.
    pub fn words_similar(self, a: &[String], b: &[String]) -> bool {
        a.iter().any(|x| {
            b.iter()
                .any(|y| self.keys_similar(x, y) || sounds_similar(x, y))
        })
    }
}

impl Default for NameMatching {
    fn default() -> Self {
        NameMatching {
            min_similarity: NameMatching::DEFAULT_MIN_SIMILARITY,
        }
    }
}

/// How many consonant classes of two words are compared.
const SOUND_SYMBOLS: usize = 3;

/// The consonants of a key in coarse classes (b/p, v/f, d/t, k/g/h, s/z/c/ch/sh/j, l, r, m,
/// n), vowels dropped and repeats collapsed: English names are spelled, their Ukrainian and
/// Russian forms written as they sound ("Daley" / "Дейлі", "Black" / "Блек", "Coons" /
/// "Кунсом"), so letters disagree where consonants do not.
fn sound(key: &str) -> Vec<u8> {
    let mut out: Vec<u8> = Vec::new();
    let bytes = key.as_bytes();
    let vowel = |c: Option<&u8>| c.is_some_and(|c| b"aeiou".contains(c));
    for (i, &c) in bytes.iter().enumerate() {
        // An English "h" after a vowel and before a consonant is silent ("Diehl" / "Діл").
        if c == b'h' && i > 0 && vowel(bytes.get(i - 1)) && !vowel(bytes.get(i + 1)) {
            continue;
        }
        let class = match c {
            b'b' | b'p' => b'p',
            b'v' | b'f' => b'f',
            b'd' | b't' => b't',
            b'k' | b'g' | b'h' | b'q' => b'k',
            b's' | b'z' | b'c' | b'j' | b'x' => b's',
            b'l' | b'r' | b'm' | b'n' => c,
            _ => continue,
        };
        if out.last() != Some(&class) {
            out.push(class);
        }
    }
    out
}

/// True when two keys sound alike: their first consonant classes agree. One consonant is
/// too little to say so ("За" / "ЗСУ").
fn sounds_similar(a: &str, b: &str) -> bool {
    let (x, y) = (sound(a), sound(b));
    let shared = x.len().min(y.len()).min(SOUND_SYMBOLS);
    if shared < 2 {
        return false;
    }
    if shared < SOUND_SYMBOLS {
        // Two consonants say enough only when they are all either word has.
        return x == y;
    }
    x.get(..shared) == y.get(..shared)
}

/// Name-to-name and name-to-word comparisons, at this setting.
impl NameMatching {
    /// True when two names name the same one: the same glossary entry, a shared
    /// cross-language key, or a shared identifying word — unless both have the same number
    /// of words and their last words differ ("Кім Чен Ин" / "Кім Чен Ір": same family,
    /// different person). A longer or shorter form of one name matches ("Mr Ri" / "Рі
    /// Йон-Хо").
    pub fn names_match(self, a: &Name, b: &Name) -> bool {
        if let (Some(x), Some(y)) = (a.entry, b.entry) {
            return x == y;
        }
        if a.concepts.iter().any(|c| b.concepts.contains(c)) {
            return true;
        }
        let a_words: Vec<&NameWord> = a.identifying_words().collect();
        let b_words: Vec<&NameWord> = b.identifying_words().collect();
        let shared = a_words
            .iter()
            .any(|x| b_words.iter().any(|y| self.words_similar(&x.keys, &y.keys)));
        if !shared {
            return false;
        }
        // The same number of words, and each last word unlike every word of the other name:
        // the same family, another person ("Кім Чен Ин" / "Кім Чен Ір"). Reordered words
        // ("Elvie Pump" / "Відсмоктувач Elvie") are not that.
        let unlike_all = |word: &NameWord, others: &[&NameWord]| {
            !others
                .iter()
                .any(|o| self.words_similar(&word.keys, &o.keys))
        };
        match (a_words.last(), b_words.last()) {
            (Some(x), Some(y)) if a_words.len() == b_words.len() && a_words.len() >= 2 => {
                !(unlike_all(x, &b_words) && unlike_all(y, &a_words))
            }
            _ => true,
        }
    }

    /// True when two names that do not match share a word: "Кім Чен Ин" and "Кім Чен Ір",
    /// "Bohdan Babenko" and "Богдан Бабаєв" — one name written in place of a related one.
    pub fn names_related(self, a: &Name, b: &Name) -> bool {
        a.identifying_words().any(|x| {
            b.identifying_words()
                .any(|y| self.words_similar(&x.keys, &y.keys))
        })
    }

    /// True when a word outside names is a form of `name` ("російськими" for "Russia", a
    /// lowercase "путінський" for "Putin").
    ///
    /// Stricter than between names: spellings must be alike (sounds alone match too many
    /// ordinary words: "Медведев" / "immediate"), and short words are not compared.
    pub fn word_matches(self, name: &Name, word: &Word) -> bool {
        let long = |k: &&String| k.chars().count() >= MIN_PREFIX_CHARS;
        if name.concepts.iter().any(|c| word.concepts.contains(c)) {
            return true;
        }
        if word.capitalized {
            return name
                .identifying_words()
                .any(|w| self.words_similar(&w.keys, word.keys()));
        }
        name.identifying_words().any(|w| {
            w.keys.iter().filter(long).any(|x| {
                word.keys()
                    .iter()
                    .filter(long)
                    .any(|y| self.keys_similar(x, y))
            })
        })
    }
}

/// Headlines in Title Case ("Several Thousand North Korean Soldiers Fight for Russia")
/// capitalize every word: there, capitals say nothing. Per sentence, true when at least this
/// share of the longer words (four letters or more) is capitalized.
const TITLE_CASE_SHARE: f64 = 0.75;
const TITLE_CASE_MIN_WORDS: usize = 4;

fn title_case_sentences(tokens: &[Token], lang: Lang) -> Vec<bool> {
    let mut sentences = Vec::new();
    let (mut capitalized, mut total) = (0usize, 0usize);
    let mut previous_word: Option<&Token> = None;
    let judge =
        |c: usize, t: usize| t >= TITLE_CASE_MIN_WORDS && c as f64 >= TITLE_CASE_SHARE * t as f64;
    for token in tokens {
        match token.kind {
            TokenKind::Word => {
                if token.text.chars().count() >= 4 && !is_acronym(token.text) {
                    total += 1;
                    if token.is_capitalized() {
                        capitalized += 1;
                    }
                }
                previous_word = Some(token);
            }
            TokenKind::Punct if ends_sentence(token, previous_word) => {
                sentences.push(lang == Lang::En && judge(capitalized, total));
                capitalized = 0;
                total = 0;
            }
            _ => {}
        }
    }
    sentences.push(lang == Lang::En && judge(capitalized, total));
    sentences
}

/// After an opening quote, a bracket or a dash a capital letter starts a quotation or an
/// aside. (After a colon it is most often a name: "Author: Bohdan Babaiev".)
fn opens_quote_or_list(token: &Token) -> bool {
    ["«", "“", "„", "\"", "‘", "(", "—", "–"].contains(&token.text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_similarity_bound_is_never_below_the_similarity() {
        let keys = [
            "kim",
            "kym",
            "chen",
            "chenyn",
            "zelenskyi",
            "zelenskii",
            "zelensky",
            "marchenko",
            "martynenko",
            "babaiev",
            "babanov",
            "narozhnyi",
            "narozhn",
            "washington",
            "vashynhton",
            "putin",
            "pution",
            "syniehubov",
            "sinegubov",
            "kozytskyi",
            "kozitskii",
            "ab",
            "ба",
            "kyïv",
            "kyiv",
            "",
        ];
        for a in keys {
            for b in keys {
                let (la, lb) = (a.chars().count(), b.chars().count());
                let bound = jaro_winkler_bound(a, b, la, lb);
                let actual = strsim::jaro_winkler(a, b);
                assert!(bound + 1e-12 >= actual, "{a} / {b}: {bound} < {actual}");
            }
        }
        assert!(jaro_winkler_bound("zelenskyi", "putin", 9, 5) < 0.88);
    }

    fn names(text: &str, lang: Lang) -> Vec<(String, bool)> {
        extract(text, lang)
            .into_iter()
            .map(|n| (n.text, n.confident))
            .collect()
    }

    fn confident(text: &str, lang: Lang) -> Vec<String> {
        extract(text, lang)
            .into_iter()
            .filter(|n| n.confident)
            .map(|n| n.text)
            .collect()
    }

    fn key(word: &str, lang: Lang) -> Vec<String> {
        word_keys(&word.to_lowercase(), lang)
    }

    fn same(a: (&str, Lang), b: (&str, Lang)) -> bool {
        NameMatching::default().words_similar(&key(a.0, a.1), &key(b.0, b.1))
    }

    #[test]
    fn transliteration_variants_of_one_name_meet() {
        use Lang::*;
        let pairs = [
            (("Narozhnyy", En), ("Нарожний", Uk)),
            (("Narozhnyi", En), ("Нарожный", Ru)),
            (("Narozhnyy", En), ("Нарожного", Uk)),
            (("Babaiev", En), ("Бабаєв", Uk)),
            (("Babaiev", En), ("Бабаев", Ru)),
            (("Zelensky", En), ("Зеленський", Uk)),
            (("Zelensky", En), ("Зеленского", Ru)),
            (("Washington", En), ("Вашингтон", Uk)),
            (("Washington", En), ("Вашингтоне", Ru)),
            (("Putin", En), ("Путіним", Uk)),
            (("Putin", En), ("Путина", Ru)),
            (("Donetsk", En), ("Донецької", Uk)),
            (("Donetsk", En), ("Донецка", Ru)),
            (("York", En), ("Йорку", Uk)),
            (("York", En), ("Йорке", Ru)),
            (("Kyiv", En), ("Києві", Uk)),
            (("Kyiv", En), ("Киев", Ru)),
            (("Massachusetts", En), ("Массачусетсі", Uk)),
            (("Kharkiv", En), ("Харькова", Ru)),
            (("Warren", En), ("Уоррен", Ru)),
            (("Daley", En), ("Дейлі", Uk)),
            (("Black", En), ("Блеком", Uk)),
            (("Coons", En), ("Кунсом", Ru)),
            (("Diehl", En), ("Діла", Uk)),
            (("Austin", En), ("Остіні", Uk)),
            (("Rutherford", En), ("Резерфорда", Uk)),
            (("Graham", En), ("Греема", Uk)),
            (("Newman", En), ("Ньюман", Ru)),
            (("McIlroy", En), ("Макілроя", Uk)),
            (("Dewar", En), ("Дьюар", Ru)),
            (("Rouge", En), ("Руж", Uk)),
            (("Buchanan", En), ("Б'юкенен", Uk)),
        ];
        for (a, b) in pairs {
            assert!(
                same(a, b),
                "{a:?} {b:?}: {:?} {:?}",
                key(a.0, a.1),
                key(b.0, b.1)
            );
        }
    }

    #[test]
    fn different_names_do_not_meet() {
        use Lang::*;
        let pairs = [
            (("Babaiev", En), ("Бабенко", Uk)),
            (("Putin", En), ("Медведев", Ru)),
            (("Singapore", En), ("Гонконгу", Uk)),
            (("Ин", Uk), ("Ір", Uk)),
            (("Trump", En), ("Трюдо", Ru)),
            (("Donetsk", En), ("Луганська", Uk)),
        ];
        for (a, b) in pairs {
            assert!(
                !same(a, b),
                "{a:?} {b:?}: {:?} {:?}",
                key(a.0, a.1),
                key(b.0, b.1)
            );
        }
    }

    #[test]
    fn the_setting_decides_between_spellings_that_part_after_a_shared_start() {
        use Lang::*;
        let similar_at = |setting: f64, a: (&str, Lang), b: (&str, Lang)| {
            NameMatching::new(setting).map(|m| m.words_similar(&key(a.0, a.1), &key(b.0, b.1)))
        };
        // Two surnames: "marchenko" / "martinenko" score 0.845.
        let marchenko = ("Марченко", Uk);
        let martynenko = ("Мартыненко", Ru);
        assert_eq!(similar_at(0.88, marchenko, martynenko), Some(false));
        assert_eq!(similar_at(0.80, marchenko, martynenko), Some(true));
        // Two surnames closer in spelling: "babaev" / "babanov" score 0.91.
        let babaiev = ("Бабаєв", Uk);
        let babanov = ("Бабанов", Ru);
        assert_eq!(similar_at(0.88, babaiev, babanov), Some(true));
        assert_eq!(similar_at(0.95, babaiev, babanov), Some(false));
        // Spellings alike in sound or by a shared start meet at any setting.
        assert_eq!(similar_at(1.0, ("Daley", En), ("Дейлі", Uk)), Some(true));
        assert_eq!(
            similar_at(1.0, ("Narozhnyy", En), ("Нарожного", Uk)),
            Some(true)
        );
    }

    #[test]
    fn a_similarity_setting_is_above_0_and_at_most_1() {
        assert_eq!(NameMatching::default().min_similarity(), 0.88);
        assert_eq!(
            NameMatching::new(1.0).map(|m| m.min_similarity()),
            Some(1.0)
        );
        assert_eq!(
            NameMatching::new(0.01).map(|m| m.min_similarity()),
            Some(0.01)
        );
        for bad in [0.0, -0.5, 1.01, 88.0, f64::NAN, f64::INFINITY] {
            assert_eq!(NameMatching::new(bad), None, "{bad}");
        }
    }

    #[test]
    fn multi_word_names_in_english() {
        let found = names(
            "During a June visit to North Korea this year, Russian President Vladimir Putin and \
             North Korean leader Kim Jong Un signed a comprehensive agreement.",
            Lang::En,
        );
        assert_eq!(
            found,
            vec![
                ("North Korea".to_string(), true),
                ("Vladimir Putin".to_string(), true),
                ("Kim Jong Un".to_string(), true),
            ]
        );
    }

    #[test]
    fn inflected_names_in_ukrainian_and_russian() {
        assert_eq!(
            confident(
                "Під час червневого візиту до Північної Кореї президент Росії Володимир \
                 Путін і лідер КНДР Кім Чен Ин підписали угоду.",
                Lang::Uk
            ),
            vec!["Кореї", "Росії", "Володимир Путін", "КНДР", "Кім Чен Ин"]
        );
        assert_eq!(
            confident(
                "Ракетный удар вблизи оккупированного Донецка унес жизни офицеров, сообщает \
                 The Washington Post со ссылкой на Нью-Йорке живущих экспертов.",
                Lang::Ru
            ),
            vec!["Донецка", "Washington Post", "Нью-Йорке"]
        );
    }

    #[test]
    fn adjectives_sentence_starts_and_months_are_not_names() {
        assert!(confident(
            "North Korean soldiers are fighting in Ukraine alongside Russian and South Korean \
             officials in June. American and European analysts agree.",
            Lang::En
        )
        .iter()
        .all(|n| n == "Ukraine"));
        assert!(confident(
            "Північнокорейські військові вже воюють. Український посадовець зазначив це у \
             жовтні. Українські, російські та американські аналітики.",
            Lang::Uk
        )
        .is_empty());
        assert!(confident(
            "Северокорейские военные уже воюют. Украинский чиновник отметил это в Октябре. \
             Российские и европейские аналитики согласны.",
            Lang::Ru
        )
        .is_empty());
        let analysis = analyze("російськими силами", Lang::Uk);
        assert_eq!(
            analysis.words.first().map(|w| w.concepts.clone()),
            Some(vec!["russia"])
        );
    }

    #[test]
    fn a_sentence_start_is_kept_but_not_confident_and_acronyms_always_are() {
        assert_eq!(
            names("Warren replied. ISW analysts agree.", Lang::En),
            vec![("Warren".to_string(), false), ("ISW".to_string(), true)]
        );
        assert_eq!(
            names("Аналітики ISW не змогли. НБУ підвищив ставку.", Lang::Uk),
            vec![
                ("Аналітики".to_string(), false),
                ("ISW".to_string(), true),
                ("НБУ".to_string(), true)
            ]
        );
    }

    #[test]
    fn title_case_headlines_and_translated_institutions_are_not_names() {
        assert!(confident(
            "Several Thousand Soldiers Fight For Their Country",
            Lang::En
        )
        .is_empty());
        assert!(confident(
            "He said the Defense Forces and the Ministry of Defence agree.",
            Lang::En
        )
        .is_empty());
        assert_eq!(
            confident(
                "Водночас Сили оборони України не виявили підрозділів.",
                Lang::Uk
            ),
            vec!["України"]
        );
    }

    #[test]
    fn dotted_acronyms_are_one_name() {
        let found = extract(
            "U.S. Sen. Elizabeth Warren says the U.S. will act.",
            Lang::En,
        );
        let texts: Vec<&str> = found.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(texts, vec!["U.S.", "Elizabeth Warren", "U.S."]);
        assert!(found.first().is_some_and(|n| n.concepts == vec!["america"]));
    }

    #[test]
    fn odd_text_does_not_panic() {
        for text in ["", "-", "U.", "U.S", "A-", "«", "Кім-", "The", "of the"] {
            for lang in Lang::ALL {
                let _ = analyze(text, lang);
            }
        }
    }
}
