//! Numbers in every form a news text writes them: digits in each language's format, number
//! words (cardinal, ordinal, collective, in every case and gender), scale words and their
//! abbreviations, percents, vague quantities and Roman numerals.
//!
//! The grammar is here; the words are in `lang::{en,uk,ru}::numbers`.

use super::tokens::{Token, TokenKind};
use super::{Decimal, Fact, FactValue};
use crate::lang::Lang;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// How a language writes digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DigitFormat {
    /// English: "10,000" groups with commas, "13.5" has a decimal point; "1,5" (a comma not
    /// followed by exactly three digits) is still read as 1.5.
    CommaGroups,
    /// Ukrainian and Russian: "10 000" groups with one space, "13,5" and "13.5" are decimals,
    /// so a bare "1,500" is 1.5.
    SpaceGroups,
}

/// Whether a noun form names one or many: "тисяча" is one, "тисяч" many, "тисячі" either
/// (genitive singular "близько тисячі" or plural "тисячі людей").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plurality {
    Singular,
    Plural,
    Either,
    /// "млн", "тис.", "bn": only after a count.
    Abbreviation,
}

/// What one word (or phrase) means to the number grammar.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NumberWord {
    /// A cardinal in any case and gender: "six", "шістьох", "двадцяти", "тремстам".
    Cardinal(u32),
    /// An ordinal in any case and gender: "first", "двадцятого", "первом", "тисячний".
    Ordinal(u64),
    /// A collective numeral: "шестеро", "шестерых", "двоє".
    Collective(u32),
    /// A compound adjective with a number inside: "дворазовий" (2), "трехлетний" (3),
    /// "п'ятитисячний" (5000). English writes these with a hyphen ("two-time").
    Compound(u64),
    /// A fraction noun after a count: "трети" in "две трети", "thirds", "чверті". The count
    /// and the noun make a fraction, which is not compared.
    Fraction,
    /// A multiplier word inside a group, as English "hundred" in "two hundred".
    Hundred,
    /// A fixed amount that is not an integer word: "півтора" (1.5), "півмільйона" (500000).
    Amount(Decimal),
    /// "half" in "half a million": a number only before a scale word.
    Half,
    /// thousand/million/... and their abbreviations. `after_currency_only` is English "m",
    /// a million only in "$5m" (otherwise metres).
    Scale {
        value: u64,
        plurality: Plurality,
        after_currency_only: bool,
    },
    /// A round-number noun: "dozen"/"десяток" (singular: no number alone), "dozens"/
    /// "десятки"/"сотні" (plural: a vague quantity). `exact` is its value after a count
    /// ("two dozen" = 24), `unit` its value in a vague quantity ("dozens" = tens).
    Round {
        exact: u32,
        unit: u32,
        plurality: Plurality,
    },
    /// "several", "кілька", "несколько", "a few": vague before a scale word, nothing alone.
    Several,
    /// One word meaning "several hundred": "кількасот".
    SeveralRound(u32),
    /// "a", "an": one before a scale word, nothing alone.
    Article,
    /// "and" inside "two hundred and fifty".
    And,
    /// "of" in "tens of thousands".
    Of,
    /// "and a half", "з половиною", "с половиной".
    AndHalf,
    /// "%", "percent", "відсотків", "процентов".
    Percent,
    /// "$", "грн", "доларів", "евро": part of the number, never a number itself.
    Currency,
    /// "century", "століття", "ст", "века", "в": makes a Roman numeral a number.
    Century,
    /// "a.m.", "pm", "ранку", "утра": the number before it is a clock time.
    Clock,
    /// "год": the "15.00" before it is a clock time, but "5 год" is five hours.
    ClockUnit,
}

impl NumberWord {
    /// A scale word that multiplies the number before it ("тисяч", "billion").
    pub fn scale(value: u64, plurality: Plurality) -> NumberWord {
        NumberWord::Scale {
            value,
            plurality,
            after_currency_only: false,
        }
    }

    /// A round noun ("десяток", "сотня", "dozen"): `exact` when counted, `unit` when vague.
    pub fn round(exact: u32, unit: u32, plurality: Plurality) -> NumberWord {
        NumberWord::Round {
            exact,
            unit,
            plurality,
        }
    }

    /// A word that stands for a fixed amount ("півтора" = 1.5), from its digits.
    pub fn amount(integer: &str, fraction: &str) -> NumberWord {
        NumberWord::Amount(Decimal::from_parts(integer, fraction).unwrap_or(Decimal::from_int(0)))
    }

    /// The number this word names on its own, for tables and tests: cardinal, ordinal,
    /// collective values, the amount of a scale word or a round noun.
    pub fn value(&self) -> Option<Decimal> {
        let int = |v: u64| Some(Decimal::from_int(i128::from(v)));
        match *self {
            NumberWord::Cardinal(v) | NumberWord::Collective(v) => int(u64::from(v)),
            NumberWord::Ordinal(v) | NumberWord::Compound(v) => int(v),
            NumberWord::Hundred => int(100),
            NumberWord::Amount(d) => Some(d),
            NumberWord::Scale { value, .. } => int(value),
            NumberWord::Round { exact, .. } => int(u64::from(exact)),
            _ => None,
        }
    }
}

/// A multi-token expression: "per cent", "a.m.", "з половиною", "US$".
#[derive(Clone, Copy, Debug)]
pub struct Phrase {
    /// Lowercased token texts, in order ("a", ".", "m", ".").
    pub tokens: &'static [&'static str],
    pub meaning: NumberWord,
}

/// Sets of words that are not numbers but decide how a nearby number reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
    /// After these a genitive-singular scale noun means one: "близько тисячі", "более тысячи".
    CountedGenitive,
    /// Before these an "H.MM" is a clock time: "о 15.00", "в 9.30".
    ClockPreposition,
    /// Join two numbers into a range that shares the scale: "2 to 3 billion", "від 5 до 10
    /// тисяч" (a hyphen always does).
    RangeJoin,
    /// Names glued to digits by a hyphen that make a code, not a number: "covid" in "Covid-19".
    CodePrefix,
}

/// What a language module must tell the number extractor.
pub trait NumberVocabulary: Sync {
    fn digit_format(&self) -> DigitFormat;
    /// The meaning of one lowercased word or punctuation token ("шістьох", "%", "$").
    fn word(&self, lower: &str) -> Option<NumberWord>;
    /// [`NumberVocabulary::word`] of every token's `lower`, `fingerprints` holding their
    /// [`Fingerprint`]s, which the extractor takes once for every table: asked once per
    /// paragraph, a vocabulary whose table filters by fingerprint turns most words away in one
    /// loop. Must answer exactly as `word` does.
    fn words_of(&self, tokens: &[Token], _fingerprints: &[Fingerprint]) -> Vec<Option<NumberWord>> {
        tokens.iter().map(|t| self.word(&t.lower)).collect()
    }
    /// Multi-token expressions, tried before single words.
    fn phrases(&self) -> &'static [Phrase];
    fn context_words(&self, context: Context) -> &'static [&'static str];
    /// Whether a capitalized number word inside a sentence is a name ("Дві Геріс") rather
    /// than a number; not so in languages with title-case headlines ("Seven Dwarfs").
    fn capitalized_number_words_are_names(&self) -> bool {
        false
    }
    /// A non-metric unit written after a number ("inches", "mph", "°F"), which translators
    /// convert to metric: the number then legitimately differs.
    fn non_metric_unit(&self, _lower: &str) -> Option<UnitConversion> {
        None
    }
    /// Whether an ordinal after the clock preposition is an hour by itself ("о
    /// чотирнадцятій" in Ukrainian: the noun "годині" is usually left out).
    fn ordinal_is_an_hour_after_preposition(&self) -> bool {
        false
    }
}

/// How a non-metric unit converts to its metric counterpart: `metric = (value + offset) ×
/// factor` ("°F": offset -32, factor 5/9; "inch": factor 2.54 for centimetres).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct UnitConversion {
    pub offset: f64,
    pub factor: f64,
}

impl UnitConversion {
    pub const fn scale(factor: f64) -> UnitConversion {
        UnitConversion {
            offset: 0.0,
            factor,
        }
    }

    /// True when `metric` is `value` converted, up to rounding (translators round: 85 mph
    /// → "137 км/год") and a metric prefix (an inch is 2.54 cm or 0.0254 m).
    pub fn explains(&self, value: f64, metric: f64) -> bool {
        let converted = (value + self.offset) * self.factor;
        if converted == 0.0 {
            return metric.abs() < 1.0;
        }
        [1e-3, 1e-2, 1e-1, 1.0, 1e1, 1e2, 1e3].iter().any(|prefix| {
            let expected = converted * prefix;
            let rounding = if *prefix == 1.0 { 0.5 } else { 0.0 };
            (metric - expected).abs() <= expected.abs() * 0.12 + rounding
        })
    }
}

/// A word → meaning table, for language modules to build once from stems and endings.
#[derive(Default)]
pub struct WordTable {
    words: WordMap<NumberWord>,
    /// Every key of `words`: most tokens are no number word and are turned away by it
    /// without hashing.
    spellings: WordFilter,
    compounds: Vec<Compounds>,
}

/// A set of word fingerprints (byte length, first four bytes, last two bytes: in Cyrillic the
/// first two letters and the last) as a 2^16-bit bitset: a word whose fingerprint was never
/// added is surely not in the set, so a table asks its map only about the few words that may
/// be there. Built from the tables themselves, it never turns away a word they hold.
#[derive(Clone, Debug)]
pub struct WordFilter {
    /// An array rather than a `Vec`: every slot is in bounds without a check.
    bits: Box<[u64; WordFilter::SLOTS / 64]>,
}

impl Default for WordFilter {
    fn default() -> WordFilter {
        WordFilter {
            bits: Box::new([0; WordFilter::SLOTS / 64]),
        }
    }
}

/// A word's slot in every [`WordFilter`] (they all share one slot function): taken once per
/// token and asked of the number, phrase and date filters alike.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fingerprint(u16);

impl Fingerprint {
    #[inline]
    pub fn of(word: &str) -> Fingerprint {
        // `slot` is below `WordFilter::SLOTS`, 2^16.
        Fingerprint(WordFilter::slot(word.as_bytes()) as u16)
    }

    /// The fingerprint of each token's lowercase form, in order.
    pub fn of_tokens(tokens: &[Token]) -> Vec<Fingerprint> {
        tokens.iter().map(|t| Fingerprint::of(&t.lower)).collect()
    }
}

impl WordFilter {
    const SLOTS: usize = 1 << 16;

    #[inline]
    fn slot(bytes: &[u8]) -> usize {
        // Mix every bit of the key into the top 16.
        (mix(WordFilter::key(bytes)) >> 48) as usize
    }

    /// Length, first four bytes and last two bytes: in Cyrillic the first two letters and
    /// the last.
    #[inline]
    fn key(bytes: &[u8]) -> u64 {
        let byte = |at: usize| u64::from(bytes.get(at).copied().unwrap_or(0));
        // Slice patterns, not `get` per byte or a copied prefix (which calls memcpy): every
        // token of every paragraph is fingerprinted.
        let opening = match bytes {
            [a, b, c, d, ..] => u64::from(u32::from_le_bytes([*a, *b, *c, *d])),
            _ => byte(0) | byte(1) << 8 | byte(2) << 16,
        };
        let ending = match bytes {
            [.., y, z] => u64::from(*y) | u64::from(*z) << 8,
            [z] => u64::from(*z) << 8,
            [] => 0,
        };
        opening | ending << 32 | (bytes.len() as u64 & 0xffff) << 48
    }

    pub fn insert(&mut self, word: &str) {
        self.insert_bytes(word.as_bytes());
    }

    /// [`WordFilter::insert`] of a word's bytes.
    pub fn insert_bytes(&mut self, word: &[u8]) {
        let slot = WordFilter::slot(word);
        if let Some(bits) = self.bits.get_mut(slot / 64) {
            *bits |= 1 << (slot % 64);
        }
    }

    /// False when `word` was surely never inserted.
    #[inline]
    pub fn may_contain(&self, word: &str) -> bool {
        self.may_contain_bytes(word.as_bytes())
    }

    #[inline]
    fn may_contain_bytes(&self, word: &[u8]) -> bool {
        self.holds_slot(WordFilter::slot(word))
    }

    /// False when the word of this fingerprint was surely never inserted.
    #[inline]
    pub fn may_contain_fingerprint(&self, fingerprint: Fingerprint) -> bool {
        self.holds_slot(usize::from(fingerprint.0))
    }

    #[inline]
    fn holds_slot(&self, slot: usize) -> bool {
        self.bits
            .get(slot / 64)
            .is_some_and(|bits| bits & (1 << (slot % 64)) != 0)
    }
}

/// Spreads every bit of `key` over the whole word (the top bits most).
#[inline]
fn mix(key: u64) -> u64 {
    let mixed = key.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (mixed ^ (mixed >> 32)).wrapping_mul(0xbf58_476d_1ce4_e5b9)
}

/// A word → meaning map of a vocabulary table (numbers and dates).
pub type WordMap<V> = std::collections::HashMap<String, V, BuildHasherDefault<WordHasher>>;

/// Hashes a table word by its fingerprint key (length, opening and ending bytes) rather than
/// byte by byte: words are looked up only after their fingerprint passed a filter, and the
/// shared byte-by-byte hasher cost as much as the rest of the lookup. Words with one key
/// share a hash, which costs a comparison, never a wrong answer.
#[derive(Clone, Copy, Debug, Default)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        self.0 = mix(self.0.rotate_left(29) ^ WordFilter::key(bytes));
    }

    #[inline]
    fn write_u8(&mut self, byte: u8) {
        // The end marker `str` hashing writes after the bytes.
        self.0 ^= u64::from(byte);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Whether `bytes` holds any of `needles` (which must not be zero), eight bytes at a time:
/// vocabularies that respell a few letters ("ё", "ʼ") ask it of every word, and a byte or
/// char search costs more than the table lookup it guards.
#[inline(always)]
pub fn holds_any_byte<const N: usize>(bytes: &[u8], needles: [u8; N]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // A byte equal to a needle becomes zero; `zeroed - ONES & !zeroed` has a high bit set
    // exactly when some byte of `zeroed` is zero.
    let zero_bytes = |eight: u64| {
        needles.iter().fold(0, |found, &needle| {
            let zeroed = eight ^ ONES.wrapping_mul(u64::from(needle));
            found | (zeroed.wrapping_sub(ONES) & !zeroed)
        })
    };
    let (chunks, rest) = bytes.as_chunks::<8>();
    let mut found = chunks.iter().fold(0, |found, eight| {
        found | zero_bytes(u64::from_le_bytes(*eight))
    });
    if !rest.is_empty() {
        let last = match bytes.last_chunk::<8>() {
            // The last eight bytes, overlapping the chunks before, cover the rest at once.
            Some(last) => u64::from_le_bytes(*last),
            // Shorter than eight: zero bytes pad it, and no needle is zero.
            None => rest
                .iter()
                .rev()
                .fold(0, |eight, &byte| eight << 8 | u64::from(byte)),
        };
        found |= zero_bytes(last);
    }
    found & HIGHS != 0
}

/// Compound adjectives (number prefix + head + adjective ending: "п'ятирічний",
/// "двадцятиденного"). Their forms run to tens of thousands, so they are parsed when looked
/// up rather than listed: listing them was most of a check's start-up time.
struct Compounds {
    /// Prefix → (its first position, value).
    prefixes: crate::hashing::FastMap<&'static str, (usize, u64)>,
    /// The first `opening_bytes` bytes of every prefix (no prefix is shorter), every
    /// prefix, the longest prefix in bytes and a bit per prefix length in bytes: most words
    /// are turned away by these without hashing, and a split is looked up only where a
    /// prefix may end.
    openings: WordFilter,
    opening_bytes: usize,
    prefix_spellings: WordFilter,
    longest_prefix: usize,
    prefix_lengths: u64,
    /// The shortest prefix, head and ending together, in bytes: shorter words (most words)
    /// are no compound.
    shortest: usize,
    heads: &'static [(&'static str, u64)],
    endings: Vec<&'static [&'static str]>,
}

impl Compounds {
    /// The reading of `word`, choosing like a table filled prefix by prefix, head by head,
    /// ending list by ending list, first spelling winning.
    #[inline]
    fn get(&self, word: &str) -> Option<NumberWord> {
        if word.len() < self.shortest {
            return None;
        }
        let opening = word.as_bytes().get(..self.opening_bytes);
        if !opening.is_some_and(|bytes| self.openings.may_contain_bytes(bytes)) {
            return None;
        }
        self.parse(word)
    }

    /// [`Compounds::get`] of a word that may open with a prefix.
    fn parse(&self, word: &str) -> Option<NumberWord> {
        let mut best: Option<((usize, usize, usize), u64)> = None;
        for (split, _) in word
            .char_indices()
            .skip(1)
            .take_while(|&(at, _)| at <= self.longest_prefix)
        {
            if self.prefix_lengths & (1 << (split % 64)) == 0 {
                continue;
            }
            let (Some(prefix), Some(rest)) = (word.get(..split), word.get(split..)) else {
                continue;
            };
            if !self.prefix_spellings.may_contain(prefix) {
                continue;
            }
            let Some(&(prefix_at, value)) = self.prefixes.get(prefix) else {
                continue;
            };
            for (head_at, &(head, factor)) in self.heads.iter().enumerate() {
                let Some(ending) = rest.strip_prefix(head) else {
                    continue;
                };
                let Some(endings_at) = self.endings.iter().position(|e| e.contains(&ending)) else {
                    continue;
                };
                let order = (prefix_at, head_at, endings_at);
                if best.is_none_or(|(b, _)| order < b) {
                    best = Some((order, value.saturating_mul(factor)));
                }
            }
        }
        best.map(|(_, value)| NumberWord::Compound(value))
    }
}

impl WordTable {
    /// Adds a word; the first meaning given for a spelling wins, so tables list the most
    /// useful reading first.
    pub fn add(&mut self, word: &str, meaning: NumberWord) {
        self.spellings.insert(word);
        self.words.entry(word.to_string()).or_insert(meaning);
    }

    pub fn add_all(&mut self, words: &[&str], meaning: NumberWord) {
        for word in words {
            self.add(word, meaning);
        }
    }

    /// Adds `stem` + each ending.
    pub fn add_forms(&mut self, stem: &str, endings: &[&str], meaning: NumberWord) {
        for ending in endings {
            self.add(&format!("{stem}{ending}"), meaning);
        }
    }

    /// Adds every `prefix` + `head` + ending of one of `endings` as a compound of value
    /// prefix × head.
    pub fn add_compounds(
        &mut self,
        prefixes: &'static [(&'static str, u64)],
        heads: &'static [(&'static str, u64)],
        endings: &[&'static [&'static str]],
    ) {
        let mut first = crate::hashing::FastMap::default();
        for (at, &(prefix, value)) in prefixes.iter().enumerate() {
            first.entry(prefix).or_insert((at, value));
        }
        // Six bytes (three Cyrillic letters) tell most words from every prefix; a shorter
        // prefix shortens them. Bytes, not letters: decoding them cost more than the test.
        let opening_bytes = prefixes
            .iter()
            .map(|(p, _)| p.len())
            .min()
            .unwrap_or(0)
            .min(6);
        let mut openings = WordFilter::default();
        let mut prefix_spellings = WordFilter::default();
        for (prefix, _) in prefixes {
            if let Some(opening) = prefix.as_bytes().get(..opening_bytes) {
                openings.insert_bytes(opening);
            }
            prefix_spellings.insert(prefix);
        }
        let longest_prefix = prefixes.iter().map(|(p, _)| p.len()).max().unwrap_or(0);
        // Longer prefixes would not fit the length mask; the length loop stops before them.
        let prefix_lengths = if longest_prefix < 64 {
            prefixes
                .iter()
                .fold(0u64, |mask, (p, _)| mask | 1 << p.len())
        } else {
            u64::MAX
        };
        let shortest_of = |words: &mut dyn Iterator<Item = &str>| words.map(str::len).min();
        let shortest = [
            shortest_of(&mut prefixes.iter().map(|(p, _)| *p)),
            shortest_of(&mut heads.iter().map(|(h, _)| *h)),
            shortest_of(&mut endings.iter().flat_map(|e| e.iter().copied())),
        ]
        .into_iter()
        .map(|length| length.unwrap_or(0))
        .sum();
        self.compounds.push(Compounds {
            prefixes: first,
            openings,
            opening_bytes,
            prefix_spellings,
            longest_prefix,
            prefix_lengths,
            shortest,
            heads,
            endings: endings.to_vec(),
        });
    }

    pub fn get(&self, word: &str) -> Option<NumberWord> {
        self.get_with_fingerprint(word, Fingerprint::of(word))
    }

    /// [`WordTable::get`] of a word whose fingerprint was already taken.
    #[inline(always)]
    pub fn get_with_fingerprint(&self, word: &str, fingerprint: Fingerprint) -> Option<NumberWord> {
        if self.spellings.may_contain_fingerprint(fingerprint) {
            if let Some(&meaning) = self.words.get(word) {
                return Some(meaning);
            }
        }
        self.compounds.iter().find_map(|c| c.get(word))
    }

    /// The meaning of every token's `lower`, for [`NumberVocabulary::words_of`]. `respelled`
    /// gives the spelling the table holds for a word written otherwise ("трёх" → "трех"), None
    /// for a word to look up as written.
    pub fn words_of(
        &self,
        tokens: &[Token],
        fingerprints: &[Fingerprint],
        respelled: impl Fn(&str) -> Option<String>,
    ) -> Vec<Option<NumberWord>> {
        tokens
            .iter()
            .enumerate()
            .map(|(k, token)| {
                let lower = &*token.lower;
                if let Some(spelling) = respelled(lower) {
                    return self.get(&spelling);
                }
                match fingerprints.get(k) {
                    Some(&fingerprint) => self.get_with_fingerprint(lower, fingerprint),
                    None => self.get(lower),
                }
            })
            .collect()
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Every listed word with its meaning (compounds are parsed, not listed), for tests.
    pub fn entries(&self) -> impl Iterator<Item = (&str, NumberWord)> {
        self.words.iter().map(|(w, m)| (w.as_str(), *m))
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// A vague quantity: "several thousand", "hundreds", "десятки тисяч".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Vague {
    /// "several", "a few", "кілька", "декілька", "несколько" before a scale word.
    Several,
    /// A plural of a round number with no count: "dozens"/"tens", "hundreds", "thousands".
    Plural,
}

/// The value of a number fact.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NumberValue {
    /// A definite amount; `percent` for "13.5%", "13,5 відсотка", "процентов".
    Exact { amount: Decimal, percent: bool },
    /// A vague quantity of `unit`s: several × 1000 ("several thousand"), plural × 10
    /// ("dozens", "десятки"), plural × 1000 ("thousands"). For "tens of thousands" the unit
    /// is 10 and `scale` 1000; otherwise `scale` is 1.
    Vague {
        quantity: Vague,
        unit: Decimal,
        scale: Decimal,
    },
}

impl NumberValue {
    pub fn exact(amount: Decimal) -> NumberValue {
        NumberValue::Exact {
            amount,
            percent: false,
        }
    }

    /// The normalized value: "6", "13.5%", "40500000000", "several 1000", "10s of 1000".
    pub fn key(&self) -> String {
        self.to_string()
    }

    /// The amount, for judging how close two different values are (None for vague ones).
    pub fn amount(&self) -> Option<Decimal> {
        match self {
            NumberValue::Exact { amount, .. } => Some(*amount),
            NumberValue::Vague { .. } => None,
        }
    }
}

impl fmt::Display for NumberValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NumberValue::Exact { amount, percent } => {
                write!(f, "{amount}{}", if *percent { "%" } else { "" })
            }
            NumberValue::Vague {
                quantity,
                unit,
                scale,
            } => {
                match quantity {
                    Vague::Several => write!(f, "several {unit}")?,
                    Vague::Plural => write!(f, "{unit}s")?,
                }
                if *scale != Decimal::from_int(1) {
                    write!(f, " of {scale}")?;
                }
                Ok(())
            }
        }
    }
}

/// Every number in the tokens of one paragraph.
pub fn extract(tokens: &[Token], lang: Lang) -> Vec<Fact> {
    extract_fingerprinted(tokens, &Fingerprint::of_tokens(tokens), lang)
}

/// [`extract`] with the [`Fingerprint`] of each token's `lower` already taken (the date
/// extractor asks the same fingerprints).
pub fn extract_fingerprinted(
    tokens: &[Token],
    fingerprints: &[Fingerprint],
    lang: Lang,
) -> Vec<Fact> {
    let vocab = lang.numbers();
    // Every token is asked about at least once (most tokens only by the loop below), so the
    // words are looked up in one pass rather than remembered on demand.
    let mut parser = Parser {
        tokens,
        vocab,
        words: vocab.words_of(tokens, fingerprints),
        phrases: Vec::new(),
    };
    let phrase_openings = phrase_openings(lang);
    for (j, token) in tokens.iter().enumerate() {
        let may_open_phrase = match fingerprints.get(j) {
            Some(&fingerprint) => phrase_openings.may_contain_fingerprint(fingerprint),
            None => phrase_openings.may_contain(&token.lower),
        };
        if let Some((meaning, end)) = may_open_phrase.then(|| parser.phrase_at(j)).flatten() {
            parser.phrases.push((j, meaning, end));
        }
    }
    let mut found: Vec<Parsed> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !parser.may_start_at(i) {
            i += 1;
            continue;
        }
        match parser.parse_at(i) {
            Some(parsed) if parsed.end > i => {
                i = parsed.end;
                found.push(parsed);
            }
            _ => i += 1,
        }
    }
    parser.share_range_scales(&mut found);
    parser.drop_time_unit_seconds(&mut found);
    found
        .into_iter()
        .filter_map(|parsed| parser.fact(parsed))
        .collect()
}

/// The first words of the language's phrases: the phrases are tried at every token, and
/// nearly every token opens none.
fn phrase_openings(lang: Lang) -> &'static WordFilter {
    static EN: OnceLock<WordFilter> = OnceLock::new();
    static UK: OnceLock<WordFilter> = OnceLock::new();
    static RU: OnceLock<WordFilter> = OnceLock::new();
    let openings = match lang {
        Lang::En => &EN,
        Lang::Uk => &UK,
        Lang::Ru => &RU,
    };
    openings.get_or_init(|| {
        let mut filter = WordFilter::default();
        for phrase in lang.numbers().phrases() {
            if let Some(first) = phrase.tokens.first() {
                filter.insert(first);
            }
        }
        filter
    })
}

/// One expression the parser consumed; `value` is None for things that look like numbers
/// but are not quantities (clock times, scores, codes such as "F-16").
#[derive(Debug)]
struct Parsed {
    /// Token range `[start, end)`.
    start: usize,
    end: usize,
    value: Option<NumberValue>,
    weak: bool,
    /// The count before scale words ("2,5" in "2,5 млрд"), for ranges sharing a scale.
    count: Option<Decimal>,
    /// The product of the scale words applied (1 when none).
    multiplier: Decimal,
    /// A lone ordinal two ("second"), which after a number is a time unit.
    lone_second: bool,
}

impl Parsed {
    fn nothing(start: usize, end: usize) -> Parsed {
        Parsed {
            start,
            end,
            value: None,
            weak: false,
            count: None,
            multiplier: one(),
            lone_second: false,
        }
    }

    fn exact(start: usize, end: usize, amount: Decimal, percent: bool) -> Parsed {
        Parsed {
            start,
            end,
            value: Some(NumberValue::Exact { amount, percent }),
            weak: false,
            count: Some(amount),
            multiplier: one(),
            lone_second: false,
        }
    }

    fn is_percent(&self) -> bool {
        matches!(self.value, Some(NumberValue::Exact { percent: true, .. }))
    }
}

fn one() -> Decimal {
    Decimal::from_int(1)
}

fn half() -> Decimal {
    Decimal::from_parts("0", "5").unwrap_or_else(one)
}

/// Numeric order; `Decimal`'s derived order compares representations, not values.
fn below(a: Decimal, b: Decimal) -> bool {
    a.to_f64() < b.to_f64()
}

fn dec(value: u64) -> Decimal {
    Decimal::from_int(i128::from(value))
}

/// The value of a group of number words below a thousand: "двісті сорок п'ять", "twenty-first".
struct Group {
    value: Decimal,
    end: usize,
    ordinal: bool,
    /// How many number words it took ("second" alone is 1).
    words: usize,
}

struct Parser<'t, 'a> {
    tokens: &'t [Token<'a>],
    vocab: &'static dyn NumberVocabulary,
    /// `words[j]`: what the word at token `j` means alone. The parser asks about most tokens
    /// two or three times, and a word lookup is most of its work.
    words: Vec<Option<NumberWord>>,
    /// (first token, meaning, token after) of each phrase, which wins over the word at its
    /// first token; few paragraphs have one.
    phrases: Vec<(usize, NumberWord, usize)>,
}

/// A number word or phrase starting at a token, and the token after it.
type Meaning = Option<(NumberWord, usize)>;

impl<'t, 'a> Parser<'t, 'a> {
    fn token(&self, j: usize) -> Option<&'t Token<'a>> {
        self.tokens.get(j)
    }

    /// The token at `j` touches the one before it.
    fn glued(&self, j: usize) -> bool {
        j > 0 && self.token(j).is_some_and(|t| t.gap_before.is_empty())
    }

    fn glued_punct(&self, j: usize, c: char) -> bool {
        self.glued(j) && self.token(j).is_some_and(|t| t.is_punct(c))
    }

    fn glued_digits(&self, j: usize) -> Option<&'a str> {
        self.token(j)
            .filter(|t| t.is_digits() && self.glued(j))
            .map(|t| t.text)
    }

    /// "<sep><digits>" glued together at `j`.
    fn separator_digits(&self, j: usize, sep: char) -> Option<&'a str> {
        if self.glued_punct(j, sep) {
            self.glued_digits(j + 1)
        } else {
            None
        }
    }

    /// What the words from token `j` mean: a phrase, else the word (digits mean nothing
    /// alone).
    #[inline]
    fn meaning(&self, j: usize) -> Meaning {
        if let Some(&(_, meaning, end)) = self.phrases.iter().find(|&&(start, ..)| start == j) {
            return Some((meaning, end));
        }
        if self.token(j)?.is_digits() {
            return None;
        }
        self.words
            .get(j)
            .copied()
            .flatten()
            .map(|word| (word, j + 1))
    }

    /// The longest phrase starting at token `j`, and the token after it.
    fn phrase_at(&self, j: usize) -> Meaning {
        let mut best: Option<(NumberWord, usize)> = None;
        for phrase in self.vocab.phrases() {
            let len = phrase.tokens.len();
            let matches = len > 0
                && phrase.tokens.iter().enumerate().all(|(k, word)| {
                    self.token(j + k).is_some_and(|t| {
                        t.lower == *word && (k == 0 || !t.gap_before.contains('\n'))
                    })
                });
            if matches && best.is_none_or(|(_, end)| j + len > end) {
                best = Some((phrase.meaning, j + len));
            }
        }
        best
    }

    fn in_context(&self, j: usize, context: Context) -> bool {
        self.token(j)
            .is_some_and(|t| t.is_word() && self.vocab.context_words(context).contains(&&*t.lower))
    }

    /// False when no number starts at `i`: neither digits, nor a number word or phrase, nor
    /// a Roman numeral. Nearly every token is turned away here.
    #[inline]
    fn may_start_at(&self, i: usize) -> bool {
        self.token(i).is_some_and(|token| {
            token.is_digits()
                || self.meaning(i).is_some()
                || (token.is_word() && opens_roman_numeral(token.text))
        })
    }

    fn parse_at(&self, i: usize) -> Option<Parsed> {
        let token = self.token(i)?;
        if token.is_digits() {
            return self.parse_digits(i, i, false);
        }
        if let Some((NumberWord::Currency, next)) = self.meaning(i) {
            let symbol_or_code =
                token.kind == TokenKind::Punct || token.text.chars().all(|c| c.is_uppercase());
            if symbol_or_code && self.token(next).is_some_and(|t| t.is_digits()) {
                return self.parse_digits(i, next, true);
            }
            return None;
        }
        if token.is_word() {
            return self
                .parse_roman(i)
                .or_else(|| self.parse_words(i))
                .map(|parsed| self.unless_clock_words(i, parsed));
        }
        None
    }

    /// An hour in words is a clock time, not a quantity: "о чотирнадцятій (годині)", "в
    /// четырнадцать часов", as "at 2 p.m." is.
    fn unless_clock_words(&self, i: usize, parsed: Parsed) -> Parsed {
        let after_clock_preposition = i > 0 && self.in_context(i - 1, Context::ClockPreposition);
        let hour_word_follows = matches!(
            self.meaning(parsed.end),
            Some((NumberWord::Clock | NumberWord::ClockUnit, _))
        );
        let ordinal_hour = self.vocab.ordinal_is_an_hour_after_preposition()
            && self
                .meaning(i)
                .is_some_and(|(m, _)| matches!(m, NumberWord::Ordinal(1..=24)));
        let hour = parsed
            .count
            .and_then(Decimal::as_i64)
            .is_some_and(|h| (0..=24).contains(&h));
        if after_clock_preposition && hour && (hour_word_follows || ordinal_hour) {
            Parsed::nothing(parsed.start, parsed.end)
        } else {
            parsed
        }
    }

    // ---- digits ----

    /// A name glued to digits makes a code: "G7", "MH17", "F-16", "Су-34", "COVID-19".
    fn code_before(&self, i: usize) -> bool {
        if !self.glued(i) || i == 0 {
            return false;
        }
        let Some(prev) = self.token(i - 1) else {
            return false;
        };
        if prev.is_word() {
            return true;
        }
        if !(prev.is_punct('-') && self.glued(i - 1) && i >= 2) {
            return false;
        }
        let Some(name) = self.token(i - 2).filter(|t| t.is_word()) else {
            return false;
        };
        let letters = name.text.chars().count();
        let all_upper = name.text.chars().all(char::is_uppercase);
        let inner_upper = name.text.chars().skip(1).any(char::is_uppercase);
        all_upper
            || inner_upper
            || (name.is_capitalized() && letters <= 3)
            || self.in_context(i - 2, Context::CodePrefix)
    }

    /// Consumes the rest of a code: glued digits, letters and hyphens.
    fn skip_glued(&self, start: usize, from: usize) -> Parsed {
        let mut j = from;
        while self.glued(j) {
            let Some(token) = self.token(j) else {
                break;
            };
            // A hyphen belongs to the code only when the code goes on after it ("F-16V").
            let continues = if token.is_punct('-') {
                self.glued(j + 1)
            } else {
                token.kind != TokenKind::Punct
            };
            if !continues {
                break;
            }
            j += 1;
        }
        Parsed::nothing(start, j)
    }

    fn parse_digits(&self, start: usize, i: usize, currency: bool) -> Option<Parsed> {
        let first = self.token(i)?;
        if self.code_before(i) {
            return Some(self.skip_glued(start, i + 1));
        }
        // Clock times and scores: "10:30", "2:1".
        if self.separator_digits(i + 1, ':').is_some() {
            let mut j = i + 1;
            while self.separator_digits(j, ':').is_some() {
                j += 2;
            }
            if let Some((NumberWord::Clock, next)) = self.meaning(j) {
                j = next;
            }
            return Some(Parsed::nothing(start, j));
        }

        // Scores and ratios: "5&4", "24/7", and a falling pair "31-27" (ranges rise: "10-15").
        if self
            .separator_digits(i + 1, '&')
            .or_else(|| self.separator_digits(i + 1, '/'))
            .or_else(|| {
                self.separator_digits(i + 1, '-').filter(|second| {
                    let (a, b) = (first.text.parse::<u32>(), second.parse::<u32>());
                    first.text.len() <= 3
                        && second.len() <= 3
                        && matches!((a, b), (Ok(a), Ok(b)) if a >= b)
                        && self.separator_digits(i + 3, '.').is_none()
                        && self.separator_digits(i + 3, ',').is_none()
                })
            })
            .is_some()
        {
            let mut j = i + 3;
            while self.separator_digits(j, '-').is_some() {
                j += 2;
            }
            return Some(Parsed::nothing(start, j));
        }
        // A run of space-separated digit groups after other digits is a phone number.
        let after_digits = i > 0
            && !first.gap_before.is_empty()
            && self.token(i - 1).is_some_and(|t| t.is_digits());

        let mut integer = first.text.to_string();
        let mut fraction = "";
        let mut decimal_separator = ' ';
        let mut j = i + 1;
        let short_first = first.text.len() <= 3;
        match self.vocab.digit_format() {
            DigitFormat::CommaGroups => {
                if short_first {
                    while let Some(group) = self.separator_digits(j, ',').filter(|g| g.len() == 3) {
                        integer.push_str(group);
                        j += 2;
                    }
                }
                let grouped = j > i + 1;
                if let Some(digits) = self.separator_digits(j, '.') {
                    (fraction, decimal_separator) = (digits, '.');
                    j += 2;
                } else if let Some(digits) = self.separator_digits(j, ',') {
                    if !grouped && digits.len() != 3 {
                        (fraction, decimal_separator) = (digits, ',');
                        j += 2;
                    }
                }
            }
            DigitFormat::SpaceGroups => {
                let comma_group = |k: usize| self.separator_digits(k, ',').filter(|g| g.len() == 3);
                if short_first && comma_group(j).is_some() && comma_group(j + 2).is_some() {
                    while let Some(group) = comma_group(j) {
                        integer.push_str(group);
                        j += 2;
                    }
                } else if short_first && !after_digits {
                    while let Some(group) = self.token(j).filter(|t| {
                        t.is_digits() && t.text.len() == 3 && t.gap_before.chars().count() == 1
                    }) {
                        integer.push_str(group.text);
                        j += 1;
                    }
                }
                for sep in [',', '.'] {
                    if let Some(digits) = self.separator_digits(j, sep) {
                        (fraction, decimal_separator) = (digits, sep);
                        j += 2;
                        break;
                    }
                }
            }
        }
        // A third dotted part is a date, a version or a code: "12.03.2019", "1.2.3".
        if self.separator_digits(j, '.').is_some() || self.separator_digits(j, ',').is_some() {
            while self.separator_digits(j, '.').is_some() || self.separator_digits(j, ',').is_some()
            {
                j += 2;
            }
            return Some(Parsed::nothing(start, j));
        }
        if self.is_clock_time(i, &integer, fraction, decimal_separator, j) {
            let end = match self.meaning(j) {
                Some((NumberWord::Clock | NumberWord::ClockUnit, next)) => next,
                _ => j,
            };
            return Some(Parsed::nothing(start, end));
        }
        let Some(count) = Decimal::from_parts(&integer, fraction) else {
            return Some(Parsed::nothing(start, j));
        };

        // Letters right after the digits: "21st", "1990s", "5bn", "4G", "5-го", "24-річний".
        let mut suffixed = false;
        if let Some(next) = self.token(j).filter(|t| t.is_word() && self.glued(j)) {
            let scale = matches!(self.meaning(j), Some((NumberWord::Scale { .. }, _)));
            if !scale {
                // "4G", "3D", "247sports", "2та1": a code or a score, not a quantity.
                let latin_word = next.text.chars().all(|c| c.is_ascii_alphabetic());
                if next.is_capitalized()
                    || (latin_word && next.text.chars().count() > 4)
                    || self.glued_digits(j + 1).is_some()
                {
                    return Some(self.skip_glued(start, j));
                }
                j += 1;
                suffixed = true;
            }
        } else if self.glued_punct(j, '-') {
            if let Some(word) = self
                .token(j + 1)
                .filter(|t| t.is_word() && self.glued(j + 1) && !t.is_capitalized())
            {
                // "14-процентном" is 14%, "25-тысячную" is 25000, "5-го" is 5.
                match self.meaning(j + 1) {
                    Some((NumberWord::Percent, next)) => {
                        return Some(Parsed::exact(start, next, count, true));
                    }
                    Some((NumberWord::Ordinal(value), next)) if value >= 1000 => {
                        let mut parsed =
                            Parsed::exact(start, next, count.times(dec(value))?, false);
                        parsed.multiplier = dec(value);
                        return Some(parsed);
                    }
                    _ => {}
                }
                if word.text.chars().count() <= 3 {
                    j += 2;
                }
                suffixed = true;
            }
        }

        // "о 6-й годині ранку", "at 6am".
        if let Some((NumberWord::Clock, next)) = self.meaning(j) {
            return Some(Parsed::nothing(start, next));
        }
        let mut parsed = Parsed::exact(start, j, count, false);
        if !suffixed {
            self.apply_scales(&mut parsed, currency);
            self.finish(&mut parsed);
        }
        Some(parsed)
    }

    fn is_clock_time(
        &self,
        i: usize,
        integer: &str,
        fraction: &str,
        separator: char,
        next: usize,
    ) -> bool {
        let clock_after = self.meaning(next).map(|(m, _)| m);
        if fraction.is_empty() {
            return clock_after == Some(NumberWord::Clock);
        }
        let hour: u32 = integer.parse().unwrap_or(99);
        let minute: u32 = fraction.parse().unwrap_or(99);
        let looks_like_time = separator == '.'
            && fraction.len() == 2
            && integer.len() <= 2
            && hour <= 24
            && minute <= 59;
        looks_like_time
            && (matches!(clock_after, Some(NumberWord::Clock | NumberWord::ClockUnit))
                || (i > 0 && self.in_context(i - 1, Context::ClockPreposition)))
    }

    /// Multiplies a count by the scale words after it: "40,5 млрд", "$5m", "1 млн 200 тис.".
    fn apply_scales(&self, parsed: &mut Parsed, currency: bool) {
        let Some(count) = parsed.count else {
            return;
        };
        let Some((word, next)) = self.meaning(parsed.end) else {
            return;
        };
        let factor = match word {
            NumberWord::Scale {
                value,
                after_currency_only,
                ..
            } if currency || !after_currency_only => dec(value),
            NumberWord::Hundred => dec(100),
            NumberWord::Round { exact, .. } => dec(u64::from(exact)),
            _ => return,
        };
        let Some(amount) = count.times(factor) else {
            return;
        };
        parsed.end = self.after_abbreviation_dot(next, word);
        parsed.multiplier = factor;
        parsed.value = Some(NumberValue::exact(amount));
        // Smaller scaled parts that continue it: "1 млн 200 тис.", "2 million 300 thousand".
        let mut last = factor;
        let mut total = amount;
        while let Some(more) = self.parse_at(parsed.end) {
            let Some(NumberValue::Exact {
                amount: part,
                percent: false,
            }) = more.value
            else {
                break;
            };
            if !below(one(), more.multiplier)
                || !below(more.multiplier, last)
                || more.start != parsed.end
            {
                break;
            }
            let Some(sum) = total.plus(part) else {
                break;
            };
            total = sum;
            last = more.multiplier;
            parsed.end = more.end;
        }
        parsed.value = Some(NumberValue::exact(total));
    }

    /// "тис." keeps its dot when the sentence goes on.
    fn after_abbreviation_dot(&self, next: usize, word: NumberWord) -> usize {
        let abbreviation = matches!(
            word,
            NumberWord::Scale {
                plurality: Plurality::Abbreviation,
                ..
            }
        );
        let continues = self
            .token(next + 1)
            .is_some_and(|t| !t.is_capitalized() && !t.is_punct('.'));
        if abbreviation && self.glued_punct(next, '.') && continues {
            next + 1
        } else {
            next
        }
    }

    /// Percent and currency words after a number.
    fn finish(&self, parsed: &mut Parsed) {
        if let Some((NumberWord::Percent, next)) = self.meaning(parsed.end) {
            if let Some(NumberValue::Exact { percent, .. }) = &mut parsed.value {
                *percent = true;
            }
            parsed.end = next;
        }
        while let Some((NumberWord::Currency, next)) = self.meaning(parsed.end) {
            parsed.end = next;
        }
    }

    // ---- words ----

    fn parse_words(&self, i: usize) -> Option<Parsed> {
        let (word, next) = self.meaning(i)?;
        match word {
            NumberWord::Several => self.several(i, next),
            NumberWord::SeveralRound(unit) => {
                Some(self.vague(i, next, Vague::Several, dec(u64::from(unit))))
            }
            NumberWord::Article => match self.meaning(next)? {
                (
                    NumberWord::Scale {
                        plurality: Plurality::Singular | Plurality::Either,
                        after_currency_only: false,
                        ..
                    }
                    | NumberWord::Hundred,
                    _,
                ) => self.word_number(i, next),
                (
                    NumberWord::Round {
                        plurality: Plurality::Singular,
                        ..
                    },
                    after,
                ) => Some(Parsed::nothing(i, after)),
                // "almost a third more", "a quarter of the harvest": a fraction.
                (NumberWord::Ordinal(v), after)
                    if (3..=10).contains(&v) && self.fraction_follows(after) =>
                {
                    Some(Parsed::nothing(i, after))
                }
                _ => None,
            },
            NumberWord::Half => {
                let mut k = next;
                if let Some((NumberWord::Article, after)) = self.meaning(k) {
                    k = after;
                }
                match self.meaning(k)? {
                    (
                        NumberWord::Scale {
                            value,
                            plurality: Plurality::Singular | Plurality::Either,
                            after_currency_only: false,
                        },
                        after,
                    ) => {
                        let amount = half().times(dec(value))?;
                        let mut parsed = Parsed::exact(i, after, amount, false);
                        parsed.multiplier = dec(value);
                        self.finish(&mut parsed);
                        Some(parsed)
                    }
                    _ => None,
                }
            }
            NumberWord::Scale {
                value, plurality, ..
            } => match self.noun_number(i, plurality) {
                Plurality::Plural => Some(self.vague(i, next, Vague::Plural, dec(value))),
                Plurality::Singular => self.word_number(i, i),
                _ => None,
            },
            NumberWord::Round {
                unit, plurality, ..
            } => match self.noun_number(i, plurality) {
                Plurality::Plural => Some(self.vague(i, next, Vague::Plural, dec(u64::from(unit)))),
                // "a dozen", "десяток", "близько сотні": about that many, not a number.
                _ => Some(Parsed::nothing(i, next)),
            },
            NumberWord::Compound(value) => {
                let mut parsed = Parsed::exact(i, next, dec(value), false);
                parsed.weak = value == 1;
                Some(parsed)
            }
            // A capitalized number word inside a sentence is a name: "Дві Геріс".
            NumberWord::Cardinal(_)
                if self.vocab.capitalized_number_words_are_names()
                    && self.token(i).is_some_and(|t| t.is_capitalized())
                    && i > 0
                    && self.token(i - 1).is_some_and(|t| t.is_word()) =>
            {
                Some(Parsed::nothing(i, next))
            }
            NumberWord::Cardinal(_)
            | NumberWord::Ordinal(_)
            | NumberWord::Collective(_)
            | NumberWord::Hundred
            | NumberWord::Amount(_) => self.word_number(i, i),
            _ => None,
        }
    }

    /// Resolves "тисячі": one after "близько"/"более" ("about a thousand"), else many.
    fn noun_number(&self, i: usize, plurality: Plurality) -> Plurality {
        match plurality {
            Plurality::Either if i > 0 && self.in_context(i - 1, Context::CountedGenitive) => {
                Plurality::Singular
            }
            Plurality::Either => Plurality::Plural,
            other => other,
        }
    }

    /// After "a third": a comparison or "of" makes it a fraction ("a third more", "a fifth
    /// of"); a noun makes it an ordinal ("a third term").
    fn fraction_follows(&self, next: usize) -> bool {
        match self.tokens.get(next) {
            None => true,
            Some(t) if !t.is_word() => true,
            Some(t) => matches!(
                &*t.lower,
                "of" | "more"
                    | "less"
                    | "fewer"
                    | "higher"
                    | "lower"
                    | "larger"
                    | "smaller"
                    | "than"
                    | "in"
                    | "on"
                    | "to"
                    | "and"
                    | "or"
            ),
        }
    }

    /// "several thousand", "кілька сотень тисяч": needs a scale or round word after it.
    fn several(&self, i: usize, next: usize) -> Option<Parsed> {
        let unit = match self.meaning(next)?.0 {
            NumberWord::Scale {
                value,
                after_currency_only: false,
                ..
            } => dec(value),
            NumberWord::Round { unit, .. } => dec(u64::from(unit)),
            NumberWord::Hundred => dec(100),
            _ => return None,
        };
        Some(self.vague(i, next + 1, Vague::Several, unit))
    }

    /// A vague quantity ending before `next`, with an optional larger scale after it:
    /// "tens of thousands", "десятки тисяч", "several hundred thousand".
    fn vague(&self, start: usize, next: usize, quantity: Vague, unit: Decimal) -> Parsed {
        let mut end = next;
        let mut scale = one();
        let mut k = next;
        if let Some((NumberWord::Of, after)) = self.meaning(k) {
            k = after;
        }
        if let Some((
            NumberWord::Scale {
                value,
                after_currency_only: false,
                ..
            },
            after,
        )) = self.meaning(k)
        {
            if below(unit, dec(value)) {
                scale = dec(value);
                end = self.after_abbreviation_dot(after, NumberWord::Of);
            }
        }
        let mut parsed = Parsed::nothing(start, end);
        parsed.value = Some(NumberValue::Vague {
            quantity,
            unit,
            scale,
        });
        self.finish(&mut parsed);
        parsed
    }

    /// Number words composed with scale words: "сто двадцять п'ять тисяч", "two million
    /// three hundred thousand", "a thousand", "дві тисячі дев'ятнадцятого".
    fn word_number(&self, start: usize, i: usize) -> Option<Parsed> {
        let mut total = Decimal::from_int(0);
        let mut last_scale: Option<Decimal> = None;
        let mut multiplier = one();
        let mut j = i;
        let mut words = 0;
        let mut ordinal = false;
        let mut scaled_chunks = 0;
        let mut first_count = one();
        loop {
            let (mut group, after) = match self.word_group(j) {
                Some(g) => {
                    words += g.words;
                    if g.ordinal {
                        if last_scale.is_some_and(|s| !below(g.value, s)) {
                            break;
                        }
                        total = total.plus(g.value)?;
                        ordinal = true;
                        j = g.end;
                        break;
                    }
                    if last_scale.is_some_and(|s| !below(g.value, s)) {
                        break;
                    }
                    (g.value, g.end)
                }
                None if j == i => (one(), j),
                None => break,
            };
            let mut k = after;
            // "дві треті", "две трети", "two-thirds": a fraction, not two numbers.
            if last_scale.is_none() && below(group, dec(10)) {
                let hyphen = self.glued_punct(k, '-') && self.glued(k + 1);
                match self.meaning(if hyphen { k + 1 } else { k }) {
                    Some((NumberWord::Fraction, next)) => {
                        return Some(Parsed::nothing(start, next))
                    }
                    Some((NumberWord::Ordinal(v), next)) if (3..=10).contains(&v) && j == i => {
                        return Some(Parsed::nothing(start, next));
                    }
                    _ => {}
                }
            }
            if let Some((NumberWord::AndHalf, next)) = self.meaning(k) {
                group = group.plus(half())?;
                k = next;
            }
            if let (Some((NumberWord::Round { exact, .. }, next)), None) =
                (self.meaning(k), last_scale)
            {
                if k > j {
                    group = group.times(dec(u64::from(exact)))?;
                    multiplier = dec(u64::from(exact));
                    k = next;
                }
            }
            match self.meaning(k) {
                Some((
                    NumberWord::Scale {
                        value,
                        after_currency_only: false,
                        plurality,
                    },
                    next,
                )) if last_scale.is_none_or(|s| below(dec(value), s))
                    && (k > j || plurality != Plurality::Abbreviation) =>
                {
                    total = total.plus(group.times(dec(value))?)?;
                    if last_scale.is_none() {
                        multiplier = multiplier.times(dec(value))?;
                        first_count = group;
                    }
                    scaled_chunks += 1;
                    last_scale = Some(dec(value));
                    words += 1;
                    j = self.after_abbreviation_dot(next, self.meaning(k)?.0);
                    if let Some((NumberWord::And, after_and)) = self.meaning(j) {
                        if self.word_group(after_and).is_some() {
                            j = after_and;
                        }
                    }
                }
                Some((NumberWord::Ordinal(value), next))
                    if value >= 1000
                        && k > j
                        && last_scale.is_none_or(|s| below(dec(value), s)) =>
                {
                    total = total.plus(group.times(dec(value))?)?;
                    ordinal = true;
                    j = next;
                    words += 1;
                    break;
                }
                _ => {
                    if k == j {
                        break;
                    }
                    total = total.plus(group)?;
                    j = k;
                    break;
                }
            }
        }
        if j <= i {
            return None;
        }
        let mut parsed = Parsed::exact(start, j, total, false);
        parsed.multiplier = multiplier;
        if multiplier != one() {
            // Only "три мільйони" has a count a range can share; "три мільйони двісті" not.
            parsed.count = (scaled_chunks == 1 && total == first_count.times(multiplier)?)
                .then_some(first_count);
        }
        parsed.weak = total == one() && multiplier == one();
        if ordinal && words == 1 && total == dec(2) {
            parsed.weak = true;
            parsed.lone_second = true;
        }
        if !ordinal {
            self.finish(&mut parsed);
        }
        Some(parsed)
    }

    /// Number words below a thousand: hundreds, tens, units, with English "and" and hyphens.
    fn word_group(&self, j: usize) -> Option<Group> {
        let (mut hundreds, mut tens, mut units): (Option<u64>, Option<u64>, Option<u64>) =
            (None, None, None);
        let mut k = j;
        let mut ordinal = false;
        let mut words = 0;
        loop {
            // "twenty-one": a hyphen between tens and units.
            if k > j
                && self.glued_punct(k, '-')
                && tens.is_some()
                && units.is_none()
                && self.glued(k + 1)
            {
                if let Some((NumberWord::Cardinal(v), _)) | Some((NumberWord::Collective(v), _)) =
                    self.meaning(k + 1)
                {
                    if v < 10 {
                        k += 1;
                        continue;
                    }
                }
                if let Some((NumberWord::Ordinal(v), _)) = self.meaning(k + 1) {
                    if v < 10 {
                        k += 1;
                        continue;
                    }
                }
                break;
            }
            let Some((word, next)) = self.meaning(k) else {
                break;
            };
            let (value, is_ordinal, ends) = match word {
                NumberWord::Cardinal(v) => (u64::from(v), false, false),
                NumberWord::Collective(v) => (u64::from(v), false, true),
                NumberWord::Ordinal(v) if v < 1000 => (v, true, true),
                NumberWord::Ordinal(v) if k == j => {
                    return Some(Group {
                        value: dec(v),
                        end: next,
                        ordinal: true,
                        words: 1,
                    });
                }
                NumberWord::Amount(amount) if k == j => {
                    return Some(Group {
                        value: amount,
                        end: next,
                        ordinal: false,
                        words: 1,
                    });
                }
                NumberWord::Hundred if hundreds.is_none() && tens.is_none() => {
                    let count = units.unwrap_or(1);
                    if count == 0 || count >= 10 {
                        break;
                    }
                    hundreds = Some(count * 100);
                    units = None;
                    words += 1;
                    k = next;
                    continue;
                }
                NumberWord::And if hundreds.is_some() && tens.is_none() && units.is_none() => {
                    match self.meaning(next) {
                        Some((NumberWord::Cardinal(v), _)) if v < 100 => {
                            k = next;
                            continue;
                        }
                        Some((NumberWord::Ordinal(v), _)) if v < 100 => {
                            k = next;
                            continue;
                        }
                        _ => break,
                    }
                }
                _ => break,
            };
            let fits = if (100..1000).contains(&value) && value % 100 == 0 {
                let ok = hundreds.is_none() && tens.is_none() && units.is_none();
                if ok {
                    hundreds = Some(value);
                }
                ok
            } else if (20..100).contains(&value) && value % 10 == 0 {
                let ok = tens.is_none() && units.is_none();
                if ok {
                    tens = Some(value);
                }
                ok
            } else if value < 20 {
                let nothing_yet = hundreds.is_none() && tens.is_none();
                let ok =
                    units.is_none() && (value < 10 || tens.is_none()) && (value > 0 || nothing_yet);
                if ok {
                    units = Some(value);
                }
                ok
            } else {
                false
            };
            if !fits {
                break;
            }
            words += 1;
            k = next;
            if is_ordinal {
                ordinal = true;
            }
            if ends {
                break;
            }
        }
        if words == 0 {
            return None;
        }
        let value = hundreds.unwrap_or(0) + tens.unwrap_or(0) + units.unwrap_or(0);
        Some(Group {
            value: dec(value),
            end: k,
            ordinal,
            words,
        })
    }

    // ---- Roman numerals ----

    /// "XX століття", "XIX века", "Elizabeth II"; a lone "I", "V" or "X" only before a
    /// century word.
    fn parse_roman(&self, i: usize) -> Option<Parsed> {
        let token = self.token(i)?;
        // Nearly every word fails at its first letter; turn it away before collecting one.
        if !opens_roman_numeral(token.text) {
            return None;
        }
        let latin: String = token
            .text
            .chars()
            .map(|c| match c {
                'I' | 'І' => Some('I'),
                'V' => Some('V'),
                'X' | 'Х' => Some('X'),
                _ => None,
            })
            .collect::<Option<String>>()?;
        let value = roman_value(&latin)?;
        let century = matches!(self.meaning(i + 1), Some((NumberWord::Century, _)));
        if century || latin.len() >= 2 {
            Some(Parsed::exact(i, i + 1, dec(value), false))
        } else {
            None
        }
    }

    // ---- after parsing ----

    /// "2,5-3 млрд", "10-15%", "from 2 to 3 billion": the first number takes the scale and
    /// percent of the second.
    fn share_range_scales(&self, found: &mut [Parsed]) {
        for k in 1..found.len() {
            let (before, after) = found.split_at_mut(k);
            let (Some(first), Some(second)) = (before.last_mut(), after.first()) else {
                continue;
            };
            let joined = second.start == first.end + 1
                && (self.token(first.end).is_some_and(|t| t.is_punct('-'))
                    || self.in_context(first.end, Context::RangeJoin));
            let (Some(low), Some(high)) = (first.count, second.count) else {
                continue;
            };
            if !joined
                || first.multiplier != one()
                || first.is_percent()
                || !below(low, high)
                || (second.multiplier == one() && !second.is_percent())
            {
                continue;
            }
            if let Some(amount) = low.times(second.multiplier) {
                first.value = Some(NumberValue::Exact {
                    amount,
                    percent: second.is_percent(),
                });
                first.multiplier = second.multiplier;
                first.weak = false;
            }
        }
    }

    /// "5 second" is a time unit, not "second" the ordinal.
    fn drop_time_unit_seconds(&self, found: &mut Vec<Parsed>) {
        let mut previous_end: Option<usize> = None;
        found.retain(|parsed| {
            let follows_number = previous_end == Some(parsed.start);
            previous_end = Some(parsed.end);
            !(parsed.lone_second && follows_number)
        });
    }

    fn fact(&self, parsed: Parsed) -> Option<Fact> {
        let value = parsed.value?;
        let first = self.token(parsed.start)?;
        let last = self.token(parsed.end.checked_sub(1)?)?;
        let mut text = String::from(first.text);
        for token in self.tokens.get(parsed.start + 1..parsed.end)? {
            text.push_str(token.gap_before);
            text.push_str(token.text);
        }
        Some(Fact {
            value: FactValue::Number(value),
            start: first.start,
            end: last.end,
            text,
            weak: parsed.weak,
        })
    }
}

/// The word starts with a letter of a Roman numeral: Latin "I", "V", "X" or Cyrillic "І"
/// (D0 86), "Х" (D0 A5), read from the bytes.
#[inline]
fn opens_roman_numeral(word: &str) -> bool {
    matches!(
        word.as_bytes(),
        [b'I' | b'V' | b'X', ..] | [0xd0, 0x86 | 0xa5, ..]
    )
}

/// The value of a canonical Roman numeral made of I, V and X ("XIX" = 19); None otherwise.
fn roman_value(text: &str) -> Option<u64> {
    if text.is_empty() || text.len() > 8 {
        return None;
    }
    let digits: Vec<u64> = text
        .chars()
        .map(|c| match c {
            'I' => 1,
            'V' => 5,
            _ => 10,
        })
        .collect();
    let mut total: i64 = 0;
    for (k, &d) in digits.iter().enumerate() {
        let d = d as i64;
        if digits.get(k + 1).is_some_and(|&next| next as i64 > d) {
            total -= d;
        } else {
            total += d;
        }
    }
    let total = u64::try_from(total).ok().filter(|&t| t > 0)?;
    (canonical_roman(total) == text).then_some(total)
}

fn canonical_roman(mut value: u64) -> String {
    let mut out = String::new();
    for (amount, letters) in [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")] {
        while value >= amount {
            out.push_str(letters);
            value -= amount;
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::facts::tokens::tokenize;

    /// The keys of the numbers in `text`, in order.
    pub(crate) fn keys(text: &str, lang: Lang) -> Vec<String> {
        extract(&tokenize(text), lang)
            .iter()
            .map(|f| match &f.value {
                FactValue::Number(n) => n.key(),
                FactValue::Date(d) => d.key(),
            })
            .collect()
    }

    /// Each of `words` as a lone token, as the tokenizer would give it.
    pub(crate) fn word_tokens<'a>(words: &[&'a str]) -> Vec<Token<'a>> {
        words
            .iter()
            .map(|&word| {
                let kind = match word.chars().next() {
                    Some(c) if c.is_ascii_digit() => TokenKind::Digits,
                    Some(c) if c.is_alphabetic() => TokenKind::Word,
                    _ => TokenKind::Punct,
                };
                Token {
                    kind,
                    text: word,
                    lower: std::borrow::Cow::Borrowed(word),
                    start: 0,
                    end: word.chars().count(),
                    byte_start: 0,
                    gap_before: "",
                }
            })
            .collect()
    }

    /// `words_of` reads every token as `word` reads its `lower`, whether the fingerprints
    /// are given or not.
    pub(crate) fn assert_words_of_agrees(lang: Lang, words: &[&str]) {
        let vocabulary = lang.numbers();
        let tokens = word_tokens(words);
        let fingerprints = Fingerprint::of_tokens(&tokens);
        let one_by_one: Vec<Option<NumberWord>> =
            tokens.iter().map(|t| vocabulary.word(&t.lower)).collect();
        assert_eq!(vocabulary.words_of(&tokens, &fingerprints), one_by_one);
        assert_eq!(vocabulary.words_of(&tokens, &[]), one_by_one);
    }

    /// The weak flags of the numbers in `text`, in order.
    pub(crate) fn weak_flags(text: &str, lang: Lang) -> Vec<bool> {
        extract(&tokenize(text), lang)
            .iter()
            .map(|f| f.weak)
            .collect()
    }

    /// A language's compound prefixes, heads and ending lists.
    pub(crate) type CompoundParts<'a> = (
        &'a [(&'a str, u64)],
        &'a [(&'a str, u64)],
        &'a [&'a [&'a str]],
    );

    /// Every word a language's number table lists is read back with its meaning (the
    /// fingerprint filter before the table must never turn one away), and every compound
    /// of its prefixes, heads and endings is read as a compound.
    pub(crate) fn assert_table_reads_back(table: &WordTable, lang: Lang, compounds: CompoundParts) {
        let vocabulary = lang.numbers();
        let listed_words: Vec<&str> = table.entries().map(|(word, _)| word).collect();
        assert_words_of_agrees(lang, &listed_words);
        let mut listed = 0;
        for (word, meaning) in table.entries() {
            assert_eq!(vocabulary.word(word), Some(meaning), "{word}");
            listed += 1;
        }
        assert!(listed > 100, "{listed}");
        let (prefixes, heads, endings) = compounds;
        let mut built = 0;
        for (prefix, _) in prefixes {
            for (head, _) in heads {
                for ending in endings.iter().flat_map(|e| e.iter()) {
                    let word = format!("{prefix}{head}{ending}");
                    if table.entries().all(|(listed, _)| listed != word) {
                        let read = vocabulary.word(&word);
                        assert!(
                            matches!(read, Some(NumberWord::Compound(_))),
                            "{word} {read:?}"
                        );
                        assert_words_of_agrees(lang, &[&word]);
                        built += 1;
                    }
                }
            }
        }
        assert!(built > 1000, "{built}");
    }

    #[test]
    fn words_of_reads_sentences_as_word_does() {
        let sentences = [
            (
                Lang::En,
                "Two hundred and fifty troops, a third of them wounded, crossed on 5 March; \
                 US$1.5bn and 13.5 per cent more than the XIX-century fort's 1,500 men.",
            ),
            (
                Lang::Uk,
                "Двісті п'ятдесят військових, пʼятеро з них поранені, перейшли кордон \
                 п’ятого березня; 1,5 млрд доларів і на 13,5 відсотка більше, п'ятирічний план.",
            ),
            (
                Lang::Ru,
                "Двести пятьдесят военных, трёхсот раненых, пятеро из них — в сентябре; \
                 1,5 млрд долларов и на 13,5 процента больше, трёхлетний план и четырёхсот.",
            ),
        ];
        for (lang, sentence) in sentences {
            let tokens = tokenize(sentence);
            let words: Vec<&str> = tokens.iter().map(|t| &*t.lower).collect();
            assert_words_of_agrees(lang, &words);
            let found: Vec<Option<NumberWord>> = lang
                .numbers()
                .words_of(&tokens, &[])
                .into_iter()
                .filter(Option::is_some)
                .collect();
            assert!(found.len() >= 5, "{lang:?}: {found:?}");
        }
    }

    #[test]
    fn holds_any_byte_agrees_with_a_byte_search() {
        let words = [
            "",
            "ё",
            "трёх",
            "трех",
            "четырёхсот",
            "четырехсот",
            "пʼятого",
            "п’ятого",
            "п'ятого",
            "сентябрём",
            "a",
            "seventeen",
            "сімнадцятитисячний",
        ];
        for word in words {
            let bytes = word.as_bytes();
            for needles in [[0x91, 0x91], [0xca, 0xe2], [0xd1, 0x80]] {
                let expected = bytes.iter().any(|b| needles.contains(b));
                assert_eq!(
                    holds_any_byte(bytes, needles),
                    expected,
                    "{word} {needles:?}"
                );
            }
        }
        // A needle at every position of every length up to three chunks.
        for length in 0..=24 {
            let plain = vec![b'a'; length];
            assert!(!holds_any_byte(&plain, [0x91]), "{length}");
            for at in 0..length {
                let mut marked = plain.clone();
                if let Some(byte) = marked.get_mut(at) {
                    *byte = 0x91;
                }
                assert!(holds_any_byte(&marked, [0x91]), "{length} {at}");
                assert!(!holds_any_byte(&marked, [0x92]), "{length} {at}");
            }
        }
    }

    #[test]
    fn word_filter_keeps_every_word_and_turns_most_others_away() {
        let mut filter = WordFilter::default();
        let words: Vec<String> = (0..3000).map(|n| format!("слово{n}")).collect();
        for word in &words {
            filter.insert(word);
        }
        assert!(words.iter().all(|w| filter.may_contain(w)));
        assert!(filter.may_contain("слово0") && !filter.may_contain(""));
        let strangers = (0..3000)
            .map(|n| format!("інше{n}"))
            .filter(|w| filter.may_contain(w))
            .count();
        // 3000 fingerprints set under 5% of the bits.
        assert!(strangers < 300, "{strangers}");
    }

    #[test]
    fn facts_cover_the_whole_expression() {
        let text = "Резерви зросли до 40,5 млрд доларів США.";
        let facts = extract(&tokenize(text), Lang::Uk);
        assert_eq!(facts.len(), 1);
        assert_eq!(facts[0].text, "40,5 млрд доларів США");
        let slice: String = text
            .chars()
            .skip(facts[0].start)
            .take(facts[0].end - facts[0].start)
            .collect();
        assert_eq!(slice, facts[0].text);
        let facts = extract(&tokenize("Reserves hit $40.5 billion."), Lang::En);
        assert_eq!(facts[0].text, "$40.5 billion");
    }

    #[test]
    fn odd_inputs_never_panic() {
        let long_digits = "9".repeat(100_000);
        let commas = "1,".repeat(20_000);
        let spaced = "123 ".repeat(10_000);
        let inputs = [
            "",
            " ",
            "-",
            "$",
            "%",
            long_digits.as_str(),
            commas.as_str(),
            spaced.as_str(),
            "1.2.3.4.5.6",
            "XXXXXXXXXXXXXXXXXXXX IIIII VX",
            "Київ 2024 日本 ١٢٣ 12,5 млн ₴ $ € 3:2:1 a.m. п'ять-шість",
            "тисяча тисяч мільйонів мільярдів трильйонів тисяч",
            "twenty-first-second-third hundred hundred and and a a",
            "9999999999999999999999 trillion trillion",
            "півтора з половиною з половиною",
        ];
        for text in inputs {
            for lang in Lang::ALL {
                let facts = extract(&tokenize(text), lang);
                for fact in facts {
                    assert!(fact.start <= fact.end);
                }
            }
        }
        assert!(keys(&long_digits, Lang::En).is_empty());
    }

    #[test]
    fn digit_formats_differ_by_language() {
        assert_eq!(
            keys("10,000 people and 13.5 points", Lang::En),
            ["10000", "13.5"]
        );
        assert_eq!(keys("1,500 troops, 1,5 tonnes", Lang::En), ["1500", "1.5"]);
        assert_eq!(keys("10 000 осіб, 13,5 бала", Lang::Uk), ["10000", "13.5"]);
        assert_eq!(keys("1,500 кг і 1.5 тонни", Lang::Uk), ["1.5", "1.5"]);
        assert_eq!(keys("У 1999 300 людей", Lang::Uk), ["1999", "300"]);
        assert_eq!(keys("1 000 000 доларів", Lang::Uk), ["1000000"]);
    }
}

#[cfg(test)]
mod ntrex {
    use super::*;
    use crate::facts::tokens::tokenize;
    use std::collections::BTreeMap;
    use std::path::Path;

    /// Measured: 90 of the 1997 blocks of NTREX-128 differ in their non-weak number keys.
    /// What remains is translation, not extraction: unit conversions (inches → cm, miles →
    /// km, °F → °C, pounds → kg), numbers a translator dropped or added ("fourballs" →
    /// "четыре мяча", "a decade" → "десять років", "double" → "в два раза"), clock times
    /// rephrased ("11 a.m." → "об 11 годині ранку"), a phone number "116 123" read as one
    /// grouped number in uk/ru, "1930s" → "30-е", and typos in the data ("сім я").
    const MAX_MISMATCHES: usize = 90;

    fn strong_keys(text: &str, lang: Lang) -> BTreeMap<String, usize> {
        let mut counts = BTreeMap::new();
        for fact in extract(&tokenize(text), lang) {
            if let (FactValue::Number(n), false) = (&fact.value, fact.weak) {
                *counts.entry(n.key()).or_insert(0) += 1;
            }
        }
        counts
    }

    fn blocks(path: &Path) -> Vec<String> {
        std::fs::read_to_string(path)
            .unwrap_or_default()
            .split("\n\n")
            .map(|b| {
                b.trim()
                    .replace(['\u{a0}', '\u{202f}'], " ")
                    .replace(['–', '—'], "-")
                    .replace(['“', '”', '«', '»', '„'], "\"")
                    .replace(['’', 'ʼ'], "'")
            })
            .collect()
    }

    #[test]
    fn correct_translations_state_the_same_numbers() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/ntrex128/docs");
        let mut docs: Vec<_> = std::fs::read_dir(&root)
            .map(|dir| {
                dir.filter_map(|e| e.ok())
                    .map(|e| e.path())
                    .filter(|p| p.is_dir())
                    .collect()
            })
            .unwrap_or_default();
        docs.sort();
        assert_eq!(docs.len(), 123);
        let (mut total, mut mismatches) = (0, 0);
        for doc in &docs {
            let [en, uk, ru] = ["en", "uk", "ru"].map(|l| blocks(&doc.join(format!("{l}.txt"))));
            for (k, en_block) in en.iter().enumerate() {
                let (Some(uk_block), Some(ru_block)) = (uk.get(k), ru.get(k)) else {
                    continue;
                };
                total += 1;
                let e = strong_keys(en_block, Lang::En);
                let u = strong_keys(uk_block, Lang::Uk);
                let r = strong_keys(ru_block, Lang::Ru);
                if e != u || e != r {
                    mismatches += 1;
                    if mismatches <= 30 {
                        println!("--- {} #{k}\n  en {e:?} {en_block}\n  uk {u:?} {uk_block}\n  ru {r:?} {ru_block}",
                            doc.file_name().unwrap_or_default().to_string_lossy());
                    }
                }
            }
        }
        println!("{mismatches} mismatching blocks of {total}");
        assert!(
            mismatches <= MAX_MISMATCHES,
            "{mismatches} mismatching blocks of {total}"
        );
    }
}

/// The lexicon oracle shared by the Ukrainian and Russian tests: every number form of
/// `tests/data/lexicon/*.tsv` (kind, value, lemma, form, tag) must be known to `lang` with its
/// value, except `excluded` (junk readings). Returns (recognized, checked, failures).
#[cfg(test)]
pub(crate) fn lexicon_coverage(
    lexicon: &str,
    lang: Lang,
    excluded: &[&str],
) -> (usize, usize, Vec<String>) {
    let vocabulary = lang.numbers();
    let (mut recognized, mut checked, mut failures) = (0, 0, Vec::new());
    for line in lexicon.lines().skip(1) {
        let fields: Vec<&str> = line.split('\t').collect();
        let [kind, value, _lemma, form, ..] = fields[..] else {
            continue;
        };
        if !matches!(kind, "cardinal" | "ordinal" | "collective" | "vague")
            || excluded.contains(&form)
        {
            continue;
        }
        checked += 1;
        let meaning = vocabulary.word(form);
        let ok = match (kind, value) {
            ("vague", "several") => meaning == Some(NumberWord::Several),
            ("vague", "ten-ish") => matches!(meaning, Some(NumberWord::Round { unit: 10, .. })),
            ("vague", "hundred-ish") => {
                matches!(meaning, Some(NumberWord::Round { unit: 100, .. }))
            }
            // Ordinals are checked by value too: "сьома" is both "seventh" and "seven".
            _ => {
                meaning
                    .and_then(|m| m.value())
                    .map(|v| v.to_string())
                    .as_deref()
                    == Some(value)
            }
        };
        if ok {
            recognized += 1;
        } else {
            failures.push(format!("{kind} {value} {form} -> {meaning:?}"));
        }
    }
    (recognized, checked, failures)
}
