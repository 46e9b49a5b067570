//! Number words, scale words, percent and currency words.
//!
//! Forms are generated from stems and ending tables; the lexicon oracle test checks them
//! against `tests/data/lexicon/uk.tsv`.

use crate::facts::numbers::{
    Context, DigitFormat, Fingerprint, NumberVocabulary, NumberWord, Phrase, Plurality, WordTable,
};
use crate::facts::tokens::Token;
use std::sync::OnceLock;

pub struct Vocabulary;

pub static VOCABULARY: Vocabulary = Vocabulary;

/// Numerals declined like "п'ять": (nominative, genitive stem + "и", oblique stem +
/// "ьох"/"ьом"/"ьма"/"ьома", value).
const LIKE_FIVE: &[(&str, &str, &str, u32)] = &[
    ("п'ять", "п'ят", "п'ят", 5),
    ("шість", "шест", "шіст", 6),
    ("дев'ять", "дев'ят", "дев'ят", 9),
    ("десять", "десят", "десят", 10),
    ("одинадцять", "одинадцят", "одинадцят", 11),
    ("дванадцять", "дванадцят", "дванадцят", 12),
    ("тринадцять", "тринадцят", "тринадцят", 13),
    ("чотирнадцять", "чотирнадцят", "чотирнадцят", 14),
    ("п'ятнадцять", "п'ятнадцят", "п'ятнадцят", 15),
    ("шістнадцять", "шістнадцят", "шістнадцят", 16),
    ("сімнадцять", "сімнадцят", "сімнадцят", 17),
    ("вісімнадцять", "вісімнадцят", "вісімнадцят", 18),
    ("дев'ятнадцять", "дев'ятнадцят", "дев'ятнадцят", 19),
    ("двадцять", "двадцят", "двадцят", 20),
    ("тридцять", "тридцят", "тридцят", 30),
    ("п'ятдесят", "п'ятдесят", "п'ятдесят", 50),
    ("шістдесят", "шістдесят", "шістдесят", 60),
    ("сімдесят", "сімдесят", "сімдесят", 70),
    ("вісімдесят", "вісімдесят", "вісімдесят", 80),
];

const OBLIQUE_ENDINGS: &[&str] = &["ьох", "ьом", "ьма", "ьома"];

/// Irregular cardinals, every form listed.
const IRREGULAR: &[(&[&str], u32)] = &[
    (
        &[
            "нуль",
            "нуля",
            "нулю",
            "нулем",
            "нулеві",
            "нулі",
            "нулів",
            "нулям",
            "нулями",
            "нулях",
        ],
        0,
    ),
    (
        &[
            "один",
            "оден",
            "одного",
            "одному",
            "одним",
            "однім",
            "одна",
            "однієї",
            "одної",
            "одній",
            "одну",
            "однією",
            "одною",
            "одне",
            "одно",
            "одні",
            "одних",
            "одними",
        ],
        1,
    ),
    (&["два", "дві", "двох", "двом", "двома"], 2),
    (&["три", "трьох", "трьом", "трьома"], 3),
    (&["чотири", "чотирьох", "чотирьом", "чотирма"], 4),
    (&["сім", "семи", "сімох", "сімом", "сімома", "сьома"], 7),
    (
        &[
            "вісім",
            "восьми",
            "вісьмох",
            "вісьмом",
            "вісьма",
            "вісьмома",
            "восьмома",
        ],
        8,
    ),
    (&["сорок", "сорока"], 40),
    (&["п'ятидесяти", "п'ятьдесятьма", "п'ятдесятма"], 50),
    (&["шістдесятьма", "шістьдесятьма", "шестидесяти"], 60),
    (&["сімдесятьма", "сімдесятма", "семидесяти"], 70),
    (&["вісімдесятьма", "восьмидесяти"], 80),
    (&["дев'яносто", "дев'яноста"], 90),
    (&["сто", "ста"], 100),
    (
        &[
            "двісті",
            "двохсот",
            "двомстам",
            "двомастами",
            "двохстах",
            "двохста",
            "двохстам",
        ],
        200,
    ),
    (
        &[
            "триста",
            "трьохсот",
            "трьохста",
            "трьомстам",
            "трьомастами",
            "трьохстах",
        ],
        300,
    ),
    (
        &[
            "чотириста",
            "чотирьохсот",
            "чотирьохста",
            "чотирьомстам",
            "чотирмастами",
            "чотирьохстах",
        ],
        400,
    ),
];

/// 500–900: (nominative, stem of "п'ятисот", instrumental stems of "п'ятьмастами", value).
const HUNDREDS: &[(&str, &str, &[&str], u32)] = &[
    ("п'ятсот", "п'ят", &["п'ятьма", "п'ятьома"], 500),
    ("шістсот", "шест", &["шістьма", "шістьома"], 600),
    ("сімсот", "сем", &["сімома", "сьома"], 700),
    ("вісімсот", "восьм", &["вісьма", "вісьмома", "восьма"], 800),
    ("дев'ятсот", "дев'ят", &["дев'ятьма", "дев'ятьома"], 900),
];

const HUNDRED_ENDINGS: &[&str] = &["исот", "иста", "истам", "истах", "истами"];

const COLLECTIVES: &[(&str, u32)] = &[
    ("двоє", 2),
    ("троє", 3),
    ("четверо", 4),
    ("п'ятеро", 5),
    ("шестеро", 6),
    ("семеро", 7),
    ("восьмеро", 8),
    ("дев'ятеро", 9),
    ("десятеро", 10),
    ("одинадцятеро", 11),
    ("дванадцятеро", 12),
];

const ORDINAL_STEMS: &[(&str, u64)] = &[
    ("перш", 1),
    ("друг", 2),
    ("четверт", 4),
    ("п'ят", 5),
    ("шост", 6),
    ("сьом", 7),
    ("восьм", 8),
    ("дев'ят", 9),
    ("десят", 10),
    ("одинадцят", 11),
    ("дванадцят", 12),
    ("тринадцят", 13),
    ("чотирнадцят", 14),
    ("п'ятнадцят", 15),
    ("шістнадцят", 16),
    ("сімнадцят", 17),
    ("вісімнадцят", 18),
    ("дев'ятнадцят", 19),
    ("двадцят", 20),
    ("тридцят", 30),
    ("сороков", 40),
    ("п'ятдесят", 50),
    ("шістдесят", 60),
    ("сімдесят", 70),
    ("вісімдесят", 80),
    ("дев'яност", 90),
    ("сот", 100),
    ("двохсот", 200),
    ("трьохсот", 300),
    ("чотирьохсот", 400),
    ("п'ятисот", 500),
    ("шестисот", 600),
    ("семисот", 700),
    ("восьмисот", 800),
    ("дев'ятисот", 900),
    ("тисячн", 1_000),
    ("мільйонн", 1_000_000),
    ("мільярдн", 1_000_000_000),
];

/// Adjective endings, hard stems ("перш-ий") and the soft "трет-ій".
const HARD_ENDINGS: &[&str] = &[
    "ий", "ого", "ому", "им", "ім", "а", "ая", "ої", "ій", "у", "ую", "ою", "е", "еє", "і", "ії",
    "их", "ими",
];
const SOFT_ENDINGS: &[&str] = &[
    "ій", "ього", "ьому", "ім", "я", "яя", "ьої", "ю", "юю", "ьою", "є", "єє", "і", "ії", "іх",
    "іми",
];

/// Soft adjective endings, for compounds such as "столітній".
const SOFT_ADJECTIVE_ENDINGS: &[&str] = &[
    "ій", "ього", "ьому", "ім", "я", "ьої", "ю", "ьою", "є", "і", "іх", "іми",
];

/// Scale nouns: (stem, value). "тисяч-а" declines like a feminine noun, the rest like
/// "мільйон".
const SCALE_STEMS: &[(&str, u64)] = &[
    ("мільйон", 1_000_000),
    ("мільярд", 1_000_000_000),
    ("трильйон", 1_000_000_000_000),
    ("більйон", 1_000_000_000_000),
];
const MASCULINE_SINGULAR: &[&str] = &["", "а", "ові", "у", "ом", "і", "е"];
const MASCULINE_PLURAL: &[&str] = &["и", "ів", "ам", "ами", "ах"];

/// The number part of compound adjectives: "дво-разовий", "п'яти-річний", "сто-літній".
const COMPOUND_PREFIXES: &[(&str, u64)] = &[
    ("дво", 2),
    ("двох", 2),
    ("три", 3),
    ("трьох", 3),
    ("чотири", 4),
    ("чотирьох", 4),
    ("п'яти", 5),
    ("шести", 6),
    ("семи", 7),
    ("восьми", 8),
    ("дев'яти", 9),
    ("десяти", 10),
    ("одинадцяти", 11),
    ("дванадцяти", 12),
    ("тринадцяти", 13),
    ("чотирнадцяти", 14),
    ("п'ятнадцяти", 15),
    ("шістнадцяти", 16),
    ("сімнадцяти", 17),
    ("вісімнадцяти", 18),
    ("дев'ятнадцяти", 19),
    ("двадцяти", 20),
    ("тридцяти", 30),
    ("сорока", 40),
    ("п'ятдесяти", 50),
    ("шістдесяти", 60),
    ("сімдесяти", 70),
    ("вісімдесяти", 80),
    ("дев'яноста", 90),
    ("сто", 100),
];

/// The heads of compound adjectives, with the factor they put on the number ("п'яти-
/// тисячний" is 5000).
const COMPOUND_HEADS: &[(&str, u64)] = &[
    ("разов", 1),
    ("кратн", 1),
    ("річн", 1),
    ("літн", 1),
    ("денн", 1),
    ("тижнев", 1),
    ("місячн", 1),
    ("годинн", 1),
    ("хвилинн", 1),
    ("секундн", 1),
    ("поверхов", 1),
    ("кілометров", 1),
    ("метров", 1),
    ("сантиметров", 1),
    ("тонн", 1),
    ("відсотков", 1),
    ("серійн", 1),
    ("томн", 1),
    ("кімнатн", 1),
    ("зірков", 1),
    ("бальн", 1),
    ("градусн", 1),
    ("сторінков", 1),
    ("місн", 1),
    ("тисячн", 1_000),
    ("мільйонн", 1_000_000),
    ("мільярдн", 1_000_000_000),
];

fn table() -> &'static WordTable {
    static TABLE: OnceLock<WordTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = WordTable::default();
        for &(forms, value) in IRREGULAR {
            t.add_all(forms, NumberWord::Cardinal(value));
        }
        for &(nominative, genitive, oblique, value) in LIKE_FIVE {
            t.add(nominative, NumberWord::Cardinal(value));
            t.add(&format!("{genitive}и"), NumberWord::Cardinal(value));
            t.add_forms(oblique, OBLIQUE_ENDINGS, NumberWord::Cardinal(value));
        }
        for &(nominative, stem, instrumental, value) in HUNDREDS {
            t.add(nominative, NumberWord::Cardinal(value));
            t.add_forms(stem, HUNDRED_ENDINGS, NumberWord::Cardinal(value));
            for form in instrumental {
                t.add(&format!("{form}стами"), NumberWord::Cardinal(value));
            }
        }
        for &(word, value) in COLLECTIVES {
            t.add(word, NumberWord::Collective(value));
        }
        for &(stem, value) in ORDINAL_STEMS {
            t.add_forms(stem, HARD_ENDINGS, NumberWord::Ordinal(value));
        }
        t.add_forms("трет", SOFT_ENDINGS, NumberWord::Ordinal(3));

        t.add_all(
            &["тисяча", "тисячу", "тисячею", "тисяче"],
            NumberWord::scale(1_000, Plurality::Singular),
        );
        t.add("тисячі", NumberWord::scale(1_000, Plurality::Either));
        t.add_all(
            &["тисяч", "тисячам", "тисячами", "тисячах"],
            NumberWord::scale(1_000, Plurality::Plural),
        );
        for &(stem, value) in SCALE_STEMS {
            t.add_forms(
                stem,
                MASCULINE_SINGULAR,
                NumberWord::scale(value, Plurality::Singular),
            );
            t.add_forms(
                stem,
                MASCULINE_PLURAL,
                NumberWord::scale(value, Plurality::Plural),
            );
        }
        t.add("тис", NumberWord::scale(1_000, Plurality::Abbreviation));
        t.add("млн", NumberWord::scale(1_000_000, Plurality::Abbreviation));
        t.add(
            "млрд",
            NumberWord::scale(1_000_000_000, Plurality::Abbreviation),
        );
        t.add(
            "трлн",
            NumberWord::scale(1_000_000_000_000, Plurality::Abbreviation),
        );

        t.add_all(
            &[
                "десяток",
                "десятка",
                "десяткові",
                "десятку",
                "десятком",
                "десятці",
            ],
            NumberWord::round(10, 10, Plurality::Singular),
        );
        t.add_all(
            &["десятки", "десятків", "десяткам", "десятками", "десятках"],
            NumberWord::round(10, 10, Plurality::Plural),
        );
        t.add_all(
            &["сотня", "сотню", "сотнею", "сотне"],
            NumberWord::round(100, 100, Plurality::Singular),
        );
        t.add("сотні", NumberWord::round(100, 100, Plurality::Either));
        t.add_all(
            &["сотень", "сотням", "сотнями", "сотнях"],
            NumberWord::round(100, 100, Plurality::Plural),
        );
        t.add_all(
            &["дюжина", "дюжину", "дюжиною"],
            NumberWord::round(12, 10, Plurality::Singular),
        );
        t.add("дюжини", NumberWord::round(12, 10, Plurality::Either));
        t.add_all(
            &["дюжин", "дюжинам", "дюжинами", "дюжинах"],
            NumberWord::round(12, 10, Plurality::Plural),
        );

        t.add_all(
            &[
                "кілька",
                "кількох",
                "кільком",
                "кількома",
                "декілька",
                "декількох",
                "декільком",
                "декількома",
            ],
            NumberWord::Several,
        );
        t.add("кількасот", NumberWord::SeveralRound(100));
        t.add_all(
            &["кільканадцять", "кількадесят"],
            NumberWord::SeveralRound(10),
        );

        t.add_all(&["півтора", "півтори"], NumberWord::amount("1", "5"));
        t.add("півтораста", NumberWord::amount("150", ""));
        t.add_all(&["півтисячі"], NumberWord::amount("500", ""));
        t.add_all(&["півмільйона"], NumberWord::amount("500000", ""));
        t.add_all(&["півмільярда"], NumberWord::amount("500000000", ""));
        t.add("пів", NumberWord::Half);
        t.add("двічі", NumberWord::Cardinal(2));
        t.add("тричі", NumberWord::Cardinal(3));
        t.add_all(
            &[
                "третина",
                "третини",
                "третину",
                "третиною",
                "чверть",
                "чверті",
                "чвертю",
            ],
            NumberWord::Fraction,
        );
        t.add_forms(
            "багатотисячн",
            HARD_ENDINGS,
            NumberWord::round(1_000, 1_000, Plurality::Plural),
        );
        t.add_compounds(
            COMPOUND_PREFIXES,
            COMPOUND_HEADS,
            &[HARD_ENDINGS, SOFT_ADJECTIVE_ENDINGS],
        );

        t.add("%", NumberWord::Percent);
        t.add_forms(
            "відсот",
            &[
                "ок", "ка", "ку", "ком", "ці", "ки", "ків", "кам", "ками", "ках",
            ],
            NumberWord::Percent,
        );
        t.add_forms(
            "процент",
            &["", "а", "у", "ом", "і", "и", "ів", "ам", "ами", "ах"],
            NumberWord::Percent,
        );
        t.add_forms("відсотков", HARD_ENDINGS, NumberWord::Percent);
        t.add_forms("процентн", HARD_ENDINGS, NumberWord::Percent);

        t.add_all(
            &[
                "$",
                "€",
                "£",
                "₴",
                "¥",
                "₽",
                "usd",
                "eur",
                "uah",
                "gbp",
                "грн",
                "гривня",
                "гривні",
                "гривню",
                "гривнею",
                "гривень",
                "гривням",
                "гривнями",
                "гривнях",
                "дол",
                "євро",
                "єн",
                "юанів",
                "юанів",
                "юані",
                "юань",
                "сша",
                "стерлінгів",
                "руб",
            ],
            NumberWord::Currency,
        );
        t.add_forms(
            "долар",
            &["", "а", "у", "ом", "і", "и", "ів", "ам", "ами", "ах"],
            NumberWord::Currency,
        );
        t.add_forms("фунт", &["", "а", "и", "ів", "ами"], NumberWord::Currency);
        t.add_forms(
            "рубл",
            &["ь", "я", "ю", "ем", "і", "ів", "ям", "ями"],
            NumberWord::Currency,
        );

        t.add_all(
            &[
                "століття",
                "сторіччя",
                "ст",
                "століть",
                "сторіч",
                "століттях",
                "віку",
                "вік",
            ],
            NumberWord::Century,
        );
        t.add_all(&["ранку", "вечора", "годині"], NumberWord::Clock);
        t.add("год", NumberWord::ClockUnit);
        t.add_all(&["година", "годині"], NumberWord::ClockUnit);
        t
    })
}

static PHRASES: &[Phrase] = &[
    Phrase {
        tokens: &["з", "половиною"],
        meaning: NumberWord::AndHalf,
    },
    Phrase {
        tokens: &["із", "половиною"],
        meaning: NumberWord::AndHalf,
    },
    Phrase {
        tokens: &["зі", "половиною"],
        meaning: NumberWord::AndHalf,
    },
    Phrase {
        tokens: &["п", ".", "п", "."],
        meaning: NumberWord::Percent,
    },
    Phrase {
        tokens: &["в", ".", "п", "."],
        meaning: NumberWord::Percent,
    },
];

impl NumberVocabulary for Vocabulary {
    fn digit_format(&self) -> DigitFormat {
        DigitFormat::SpaceGroups
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

    fn capitalized_number_words_are_names(&self) -> bool {
        true
    }

    fn ordinal_is_an_hour_after_preposition(&self) -> bool {
        true
    }

    fn context_words(&self, context: Context) -> &'static [&'static str] {
        match context {
            Context::CountedGenitive => &[
                "близько",
                "понад",
                "більше",
                "менше",
                "майже",
                "приблизно",
                "до",
                "від",
                "з",
                "із",
                "зі",
                "біля",
                "щонайменше",
                "щонайбільше",
            ],
            Context::ClockPreposition => &["о", "об"],
            Context::RangeJoin => &["до", "і", "й", "або", "чи"],
            Context::CodePrefix => &["ковід", "covid"],
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::facts::numbers::lexicon_coverage;
    use crate::facts::numbers::tests::{keys, weak_flags};
    use crate::Lang;

    #[test]
    fn every_table_word_and_compound_is_read_back() {
        crate::facts::numbers::tests::assert_table_reads_back(
            super::table(),
            Lang::Uk,
            (
                super::COMPOUND_PREFIXES,
                super::COMPOUND_HEADS,
                &[super::HARD_ENDINGS, super::SOFT_ADJECTIVE_ENDINGS],
            ),
        );
    }

    fn uk(text: &str) -> Vec<String> {
        keys(text, Lang::Uk)
    }

    /// Lexicon readings that are not numbers in news text.
    const NOT_NUMBERS: &[&str] = &[
        // "обоє" is "both", not a count.
        "обоє",
        "обох",
        "обом",
        "обома",
        // "кілька" is also the fish "sprat"; these forms only decline the fish.
        "кільки",
        "кільці",
        "кільку",
        "кількою",
        "кілько",
        "кільок",
        "кількам",
        "кільками",
        "кільках",
    ];

    #[test]
    fn every_lexicon_number_form_is_known() {
        let lexicon = include_str!("../../../tests/data/lexicon/uk.tsv");
        let (recognized, checked, failures) = lexicon_coverage(lexicon, Lang::Uk, NOT_NUMBERS);
        println!("uk lexicon coverage: {recognized}/{checked}");
        assert!(checked > 550, "{checked}");
        assert_eq!(failures, Vec::<String>::new());
    }

    #[test]
    fn collectives_and_cases() {
        assert_eq!(
            uk("Унаслідок ракетного удару загинули шестеро північнокорейських офіцерів"),
            ["6"]
        );
        assert_eq!(uk("Серед шістьох загиблих - двоє дітей"), ["6", "2"]);
        assert_eq!(
            uk("Обстріляли двох медиків і трьох рятувальників, серед них п'ятеро волонтерів"),
            ["2", "3", "5"]
        );
        assert_eq!(
            uk("Нагороди вручили сорока бійцям і шістьма орденами"),
            ["40", "6"]
        );
        assert_eq!(
            uk("У понад трьохстах населених пунктах немає світла"),
            ["300"]
        );
        assert_eq!(uk("Обидва пілоти вижили"), Vec::<String>::new());
    }

    #[test]
    fn money_scales_and_percents() {
        assert_eq!(
            uk("Резерви НБУ зросли до 40,5 млрд доларів"),
            ["40500000000"]
        );
        assert_eq!(uk("Втрати сягнули 40 500 млн доларів США"), ["40500000000"]);
        assert_eq!(uk("Інфляція сповільнилася до 13,5%"), ["13.5%"]);
        assert_eq!(
            uk("Зарплата зросла на 10 000 грн, тобто на 5 відсотків"),
            ["10000", "5%"]
        );
        assert_eq!(
            uk("Бюджет становить 2,5-3 млрд грн"),
            ["2500000000", "3000000000"]
        );
        assert_eq!(
            uk("Суд присудив виплатити сто двадцять п'ять тисяч гривень"),
            ["125000"]
        );
        assert_eq!(uk("Відвідувачів було понад півтора мільйона"), ["1500000"]);
        assert_eq!(uk("Мільйон людей залишилися без світла"), ["1000000"]);
        assert_eq!(uk("Обіг сягнув 1 млн 200 тис. гривень"), ["1200000"]);
    }

    #[test]
    fn vague_quantities() {
        assert_eq!(
            uk("До Курської області перекинули кілька тисяч північнокорейських піхотинців"),
            ["several 1000"]
        );
        assert_eq!(
            uk("Залучили десятки тисяч резервістів, а сотні тисяч виїхали"),
            ["10s of 1000", "100s of 1000"]
        );
        assert_eq!(
            uk("Тисячі людей вийшли на протест, а близько тисячі залишилися вдома"),
            ["1000s", "1000"]
        );
        assert_eq!(
            uk("Кількох бійців нагородили, десяток поранено"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn ordinals_weak_ones_and_not_numbers() {
        assert_eq!(uk("Ракета влучила у двадцять перший поверх"), ["21"]);
        assert_eq!(uk("24-річний спортсмен виграв 3-тю медаль"), ["24", "3"]);
        assert_eq!(uk("У XX столітті населення міста зросло"), ["20"]);
        assert_eq!(
            weak_flags("Загинув один військовий, ще одна людина поранена", Lang::Uk),
            [true, true]
        );
        assert_eq!(
            uk("Засідання почнеться о 15:00, а брифінг - о 15.00 год"),
            Vec::<String>::new()
        );
        assert_eq!(uk("Літак Су-34 збили над Донеччиною"), Vec::<String>::new());
        assert_eq!(uk("Чемпіон дворазовий, потрібно дві треті голосів"), ["2"]);
    }

    #[test]
    fn an_hour_in_words_is_a_clock_time_and_a_duration_is_a_number() {
        assert_eq!(
            uk("Матч розпочнеться о чотирнадцятій, а прес-конференція о шістнадцятій годині."),
            Vec::<String>::new()
        );
        assert_eq!(uk("Рятувальники працювали чотирнадцять годин."), vec!["14"]);
    }
}
