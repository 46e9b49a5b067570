//! Number words, scale words, percent and currency words.

use crate::facts::numbers::{
    Context, DigitFormat, Fingerprint, NumberVocabulary, NumberWord, Phrase, Plurality,
    UnitConversion, WordTable,
};
use crate::facts::tokens::Token;
use std::sync::OnceLock;

pub struct Vocabulary;

pub static VOCABULARY: Vocabulary = Vocabulary;

const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

const TENS: [(&str, u32); 8] = [
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

const ORDINALS: [(&str, u64); 33] = [
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
    ("thirtieth", 30),
    ("fortieth", 40),
    ("fiftieth", 50),
    ("sixtieth", 60),
    ("seventieth", 70),
    ("eightieth", 80),
    ("ninetieth", 90),
    ("hundredth", 100),
    ("thousandth", 1_000),
    ("millionth", 1_000_000),
    ("billionth", 1_000_000_000),
    ("trillionth", 1_000_000_000_000),
    ("zeroth", 0),
];

const SCALES: [(&str, u64); 4] = [
    ("thousand", 1_000),
    ("million", 1_000_000),
    ("billion", 1_000_000_000),
    ("trillion", 1_000_000_000_000),
];

fn table() -> &'static WordTable {
    static TABLE: OnceLock<WordTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = WordTable::default();
        for (value, word) in (0u32..).zip(UNITS) {
            t.add(word, NumberWord::Cardinal(value));
        }
        for (word, value) in TENS {
            t.add(word, NumberWord::Cardinal(value));
        }
        for (word, value) in ORDINALS {
            t.add(word, NumberWord::Ordinal(value));
        }
        t.add("hundred", NumberWord::Hundred);
        for (word, value) in SCALES {
            t.add(word, NumberWord::scale(value, Plurality::Singular));
            t.add(
                &format!("{word}s"),
                NumberWord::scale(value, Plurality::Plural),
            );
        }
        for (word, value) in [
            ("k", 1_000),
            ("mn", 1_000_000),
            ("bn", 1_000_000_000),
            ("tn", 1_000_000_000_000),
        ] {
            t.add(word, NumberWord::scale(value, Plurality::Abbreviation));
        }
        t.add(
            "m",
            NumberWord::Scale {
                value: 1_000_000,
                plurality: Plurality::Abbreviation,
                after_currency_only: true,
            },
        );
        t.add("half", NumberWord::Half);
        t.add("twice", NumberWord::Cardinal(2));
        t.add("thrice", NumberWord::Cardinal(3));
        t.add_all(
            &[
                "thirds", "fourths", "fifths", "sixths", "eighths", "tenths", "quarters",
            ],
            NumberWord::Fraction,
        );
        t.add("dozen", NumberWord::round(12, 10, Plurality::Singular));
        t.add("dozens", NumberWord::round(12, 10, Plurality::Plural));
        t.add("tens", NumberWord::round(10, 10, Plurality::Plural));
        t.add("hundreds", NumberWord::round(100, 100, Plurality::Plural));
        t.add("several", NumberWord::Several);
        t.add_all(&["a", "an"], NumberWord::Article);
        t.add("and", NumberWord::And);
        t.add("of", NumberWord::Of);
        t.add_all(&["%", "percent", "pct"], NumberWord::Percent);
        t.add_all(
            &[
                "$", "€", "£", "₴", "¥", "₽", "usd", "eur", "uah", "gbp", "rub", "dollar",
                "dollars", "euro", "euros", "pound", "pounds", "sterling", "hryvnia", "hryvnias",
                "hryvnas", "ruble", "rubles", "rouble", "roubles", "yuan", "yen",
            ],
            NumberWord::Currency,
        );
        t.add_all(&["century", "centuries"], NumberWord::Century);
        t.add_all(
            &["am", "pm", "gmt", "bst", "utc", "est", "edt", "pst", "cet"],
            NumberWord::Clock,
        );
        t
    })
}

static PHRASES: &[Phrase] = &[
    Phrase {
        tokens: &["per", "cent"],
        meaning: NumberWord::Percent,
    },
    Phrase {
        tokens: &["percentage", "point"],
        meaning: NumberWord::Percent,
    },
    Phrase {
        tokens: &["percentage", "points"],
        meaning: NumberWord::Percent,
    },
    Phrase {
        tokens: &["a", "few"],
        meaning: NumberWord::Several,
    },
    Phrase {
        tokens: &["and", "a", "half"],
        meaning: NumberWord::AndHalf,
    },
    Phrase {
        tokens: &["us", "$"],
        meaning: NumberWord::Currency,
    },
    Phrase {
        tokens: &["a", ".", "m", "."],
        meaning: NumberWord::Clock,
    },
    Phrase {
        tokens: &["p", ".", "m", "."],
        meaning: NumberWord::Clock,
    },
    Phrase {
        tokens: &["o", "'", "clock"],
        meaning: NumberWord::Clock,
    },
    Phrase {
        tokens: &["p", ".", "m"],
        meaning: NumberWord::Clock,
    },
    Phrase {
        tokens: &["a", ".", "m"],
        meaning: NumberWord::Clock,
    },
];

/// Imperial and US units and their metric factors (to cm, m, km, km/h, kg, g, l, ha, °C).
const NON_METRIC_UNITS: &[(&[&str], UnitConversion)] = &[
    (&["inch", "inches", "in"], UnitConversion::scale(2.54)),
    (&["foot", "feet", "ft"], UnitConversion::scale(0.3048)),
    (&["yard", "yards", "yd"], UnitConversion::scale(0.9144)),
    (
        &["mile", "miles", "mi", "mph"],
        UnitConversion::scale(1.609_344),
    ),
    (
        &["pound", "pounds", "lb", "lbs"],
        UnitConversion::scale(0.453_592),
    ),
    (&["ounce", "ounces", "oz"], UnitConversion::scale(28.349_5)),
    (&["gallon", "gallons"], UnitConversion::scale(3.785_41)),
    (&["acre", "acres"], UnitConversion::scale(0.404_686)),
    (
        &["f", "fahrenheit"],
        UnitConversion {
            offset: -32.0,
            factor: 5.0 / 9.0,
        },
    ),
];

impl NumberVocabulary for Vocabulary {
    fn digit_format(&self) -> DigitFormat {
        DigitFormat::CommaGroups
    }

    fn non_metric_unit(&self, lower: &str) -> Option<UnitConversion> {
        NON_METRIC_UNITS
            .iter()
            .find(|(words, _)| words.contains(&lower))
            .map(|(_, conversion)| *conversion)
    }

    fn word(&self, lower: &str) -> Option<NumberWord> {
        table().get(lower)
    }

    fn words_of(&self, tokens: &[Token], fingerprints: &[Fingerprint]) -> Vec<Option<NumberWord>> {
        table().words_of(tokens, fingerprints, |_| None)
    }

    fn phrases(&self) -> &'static [Phrase] {
        PHRASES
    }

    fn context_words(&self, context: Context) -> &'static [&'static str] {
        match context {
            Context::CountedGenitive => &[],
            Context::ClockPreposition => &["at"],
            Context::RangeJoin => &["to", "and", "or"],
            Context::CodePrefix => &["covid"],
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::facts::numbers::tests::{keys, weak_flags};
    use crate::Lang;

    #[test]
    fn every_table_word_is_read_back() {
        let vocabulary = Lang::En.numbers();
        for (word, meaning) in super::table().entries() {
            assert_eq!(vocabulary.word(word), Some(meaning), "{word}");
        }
    }

    fn en(text: &str) -> Vec<String> {
        keys(text, Lang::En)
    }

    #[test]
    fn ages_money_and_percents() {
        assert_eq!(
            en("The 24-year-old said he did not realise it until later."),
            ["24"]
        );
        assert_eq!(
            en("Foreign-exchange reserves rose to $40.5 billion in March."),
            ["40500000000"]
        );
        assert_eq!(en("Inflation slowed to 13.5% in June."), ["13.5%"]);
        assert_eq!(
            en("Unemployment fell 0.3 percentage points to 4.1 per cent."),
            ["0.3%", "4.1%"]
        );
        assert_eq!(
            en("The club lost £11million, or US$5m, on a 1,500 euros fee and 10,000 hryvnias."),
            ["11000000", "5000000", "1500", "10000"]
        );
        assert_eq!(
            en("Prices rose by 2.5-3 billion dollars."),
            ["2500000000", "3000000000"]
        );
    }

    #[test]
    fn number_words_compose() {
        assert_eq!(
            en("Twenty-one soldiers were killed and a thousand were wounded."),
            ["21", "1000"]
        );
        assert_eq!(
            en("The siege lasted two hundred and fifty days; a million people fled."),
            ["250", "1000000"]
        );
        assert_eq!(
            en("He finished twenty-first, his first top-30 finish."),
            ["21", "1", "30"]
        );
        assert_eq!(
            weak_flags(
                "He finished twenty-first, his first top-30 finish.",
                Lang::En
            ),
            [false, true, false]
        );
        assert_eq!(
            en("Two million three hundred thousand voters took part."),
            ["2300000"]
        );
    }

    #[test]
    fn vague_quantities() {
        assert_eq!(
            en("Several thousand North Korean infantrymen were deployed."),
            ["several 1000"]
        );
        assert_eq!(
            en("A few hundred people gathered outside."),
            ["several 100"]
        );
        assert_eq!(
            en("Tens of thousands of people marched in Barcelona."),
            ["10s of 1000"]
        );
        assert_eq!(en("Hundreds of thousands fled the city."), ["100s of 1000"]);
        assert_eq!(
            en("Dozens were injured, and thousands more were evacuated."),
            ["10s", "1000s"]
        );
        assert_eq!(
            en("Many people and some officials came, a dozen in all."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn times_scores_and_codes_are_not_numbers() {
        assert_eq!(
            en("The meeting starts at 10:30, and at 3 p.m. the score was 2:1."),
            Vec::<String>::new()
        );
        assert_eq!(
            en("The G7 discussed F-16 deliveries, COVID-19 and the MH17 crash."),
            Vec::<String>::new()
        );
        assert_eq!(en("Liverpool won 3-1 at 6am."), Vec::<String>::new());
        assert_eq!(
            en("Radio 4 reported that 10-15 people were injured."),
            ["4", "10", "15"]
        );
    }

    #[test]
    fn ordinals_centuries_and_seconds() {
        assert_eq!(
            en("The 20th century saw two world wars; Elizabeth II reigned for 70 years."),
            ["20", "2", "2", "70"]
        );
        assert_eq!(
            en("He waited 5 seconds, then took second place."),
            ["5", "2"]
        );
        assert_eq!(weak_flags("then took second place", Lang::En), [true]);
        assert_eq!(
            en("Only twice in history; 1990s; the 21st of them."),
            ["2", "1990", "21"]
        );
    }
}
