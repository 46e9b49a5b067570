//! Number words, scale words, percent and currency words.
//!
//! Forms are generated from stems and ending tables, written with "е" for "ё" (lookups fold
//! "ё"); the lexicon oracle test checks them against `tests/data/lexicon/ru.tsv`.

use crate::facts::numbers::{
    holds_any_byte, Context, DigitFormat, Fingerprint, NumberVocabulary, NumberWord, Phrase,
    Plurality, WordTable,
};
use crate::facts::tokens::Token;
use std::sync::OnceLock;

pub struct Vocabulary;

pub static VOCABULARY: Vocabulary = Vocabulary;

/// Numerals declined like "пять": (stem, value) giving stem + "ь"/"и"/"ью".
const LIKE_FIVE: &[(&str, u32)] = &[
    ("пят", 5),
    ("шест", 6),
    ("девят", 9),
    ("десят", 10),
    ("одиннадцат", 11),
    ("двенадцат", 12),
    ("тринадцат", 13),
    ("четырнадцат", 14),
    ("пятнадцат", 15),
    ("шестнадцат", 16),
    ("семнадцат", 17),
    ("восемнадцат", 18),
    ("девятнадцат", 19),
    ("двадцат", 20),
    ("тридцат", 30),
];

/// Irregular cardinals, every form listed. "семью" (also "family") is left out on purpose.
const IRREGULAR: &[(&[&str], u32)] = &[
    (
        &[
            "ноль",
            "ноля",
            "нолю",
            "нолем",
            "ноле",
            "ноли",
            "нолей",
            "нолям",
            "нолями",
            "нолях",
        ],
        0,
    ),
    (
        &["нуль", "нуля", "нулю", "нулем", "нуле", "нули", "нулей"],
        0,
    ),
    (
        &[
            "один",
            "одного",
            "одному",
            "одним",
            "одном",
            "одна",
            "одной",
            "одну",
            "одно",
            "одни",
            "одних",
            "одними",
            "одною",
        ],
        1,
    ),
    (&["два", "две", "двух", "двум", "двумя"], 2),
    (&["три", "трех", "трем", "тремя"], 3),
    (&["четыре", "четырех", "четырем", "четырьмя"], 4),
    (&["семь", "семи"], 7),
    (&["восемь", "восьми", "восемью", "восьмью"], 8),
    (&["сорок", "сорока"], 40),
    (&["пятьдесят", "пятидесяти", "пятьюдесятью"], 50),
    (&["шестьдесят", "шестидесяти", "шестьюдесятью"], 60),
    (&["семьдесят", "семидесяти", "семьюдесятью"], 70),
    (
        &[
            "восемьдесят",
            "восьмидесяти",
            "восемьюдесятью",
            "восьмьюдесятью",
        ],
        80,
    ),
    (&["девяносто", "девяноста"], 90),
    (&["сто", "ста"], 100),
    (
        &["двести", "двухсот", "двумстам", "двумястами", "двухстах"],
        200,
    ),
    (
        &["триста", "трехсот", "тремстам", "тремястами", "трехстах"],
        300,
    ),
    (
        &[
            "четыреста",
            "четырехсот",
            "четыремстам",
            "четырьмястами",
            "четырехстах",
        ],
        400,
    ),
];

/// 500–900: (nominative, stem of "пятисот", instrumental stem of "пятьюстами", value).
const HUNDREDS: &[(&str, &str, &str, u32)] = &[
    ("пятьсот", "пят", "пятью", 500),
    ("шестьсот", "шест", "шестью", 600),
    ("семьсот", "сем", "семью", 700),
    ("восемьсот", "восьм", "восемью", 800),
    ("девятьсот", "девят", "девятью", 900),
];

const HUNDRED_ENDINGS: &[&str] = &["исот", "истам", "истах"];

/// Collectives: (stem, value) giving "шестер-о", "шестер-ых", "шестер-ым", "шестер-ыми";
/// "дво-е"/"тро-е" take "их"/"им"/"ими".
const COLLECTIVES: &[(&str, u32)] = &[
    ("четвер", 4),
    ("пятер", 5),
    ("шестер", 6),
    ("семер", 7),
    ("восьмер", 8),
    ("девятер", 9),
    ("десятер", 10),
];

const ORDINAL_STEMS: &[(&str, u64)] = &[
    ("перв", 1),
    ("втор", 2),
    ("четверт", 4),
    ("пят", 5),
    ("шест", 6),
    ("седьм", 7),
    ("восьм", 8),
    ("девят", 9),
    ("десят", 10),
    ("одиннадцат", 11),
    ("двенадцат", 12),
    ("тринадцат", 13),
    ("четырнадцат", 14),
    ("пятнадцат", 15),
    ("шестнадцат", 16),
    ("семнадцат", 17),
    ("восемнадцат", 18),
    ("девятнадцат", 19),
    ("двадцат", 20),
    ("тридцат", 30),
    ("сороков", 40),
    ("пятидесят", 50),
    ("шестидесят", 60),
    ("семидесят", 70),
    ("восьмидесят", 80),
    ("девяност", 90),
    ("сот", 100),
    ("двухсот", 200),
    ("трехсот", 300),
    ("четырехсот", 400),
    ("пятисот", 500),
    ("шестисот", 600),
    ("семисот", 700),
    ("восьмисот", 800),
    ("девятисот", 900),
    ("тысячн", 1_000),
    ("миллионн", 1_000_000),
    ("миллиардн", 1_000_000_000),
];

/// Adjective endings; "ый" and "ой" both, for "пятый" and "второй".
const ADJECTIVE_ENDINGS: &[&str] = &[
    "ый", "ой", "ого", "ому", "ым", "ом", "ая", "ую", "ою", "ое", "ые", "ых", "ыми",
];
/// Soft adjective endings, for compounds such as "трехлетний".
const SOFT_ADJECTIVE_ENDINGS: &[&str] = &[
    "ий", "его", "ему", "им", "ем", "яя", "ей", "юю", "ею", "ее", "ие", "их", "ими",
];
const THIRD: &[&str] = &[
    "третий",
    "третьего",
    "третьему",
    "третьим",
    "третьем",
    "третья",
    "третьей",
    "третью",
    "третьею",
    "третье",
    "третьи",
    "третьих",
    "третьими",
];

const SCALE_STEMS: &[(&str, u64)] = &[
    ("миллион", 1_000_000),
    ("миллиард", 1_000_000_000),
    ("триллион", 1_000_000_000_000),
];
const MASCULINE_SINGULAR: &[&str] = &["", "а", "у", "ом", "е"];
const MASCULINE_PLURAL: &[&str] = &["ы", "ов", "ам", "ами", "ах"];

/// The number part of compound adjectives: "дву-кратный", "трех-летний", "сто-летний".
const COMPOUND_PREFIXES: &[(&str, u64)] = &[
    ("дву", 2),
    ("двух", 2),
    ("трех", 3),
    ("четырех", 4),
    ("пяти", 5),
    ("шести", 6),
    ("семи", 7),
    ("восьми", 8),
    ("девяти", 9),
    ("десяти", 10),
    ("одиннадцати", 11),
    ("двенадцати", 12),
    ("тринадцати", 13),
    ("четырнадцати", 14),
    ("пятнадцати", 15),
    ("шестнадцати", 16),
    ("семнадцати", 17),
    ("восемнадцати", 18),
    ("девятнадцати", 19),
    ("двадцати", 20),
    ("тридцати", 30),
    ("сорока", 40),
    ("пятидесяти", 50),
    ("шестидесяти", 60),
    ("семидесяти", 70),
    ("восьмидесяти", 80),
    ("девяносто", 90),
    ("сто", 100),
];

/// The heads of compound adjectives, with the factor they put on the number ("пяти-
/// тысячный" is 5000).
const COMPOUND_HEADS: &[(&str, u64)] = &[
    ("кратн", 1),
    ("разов", 1),
    ("летн", 1),
    ("дневн", 1),
    ("недельн", 1),
    ("месячн", 1),
    ("часов", 1),
    ("минутн", 1),
    ("секундн", 1),
    ("этажн", 1),
    ("километров", 1),
    ("метров", 1),
    ("сантиметров", 1),
    ("тонн", 1),
    ("процентн", 1),
    ("серийн", 1),
    ("томн", 1),
    ("комнатн", 1),
    ("звездн", 1),
    ("бальн", 1),
    ("градусн", 1),
    ("страничн", 1),
    ("местн", 1),
    ("тысячн", 1_000),
    ("миллионн", 1_000_000),
    ("миллиардн", 1_000_000_000),
];

fn table() -> &'static WordTable {
    static TABLE: OnceLock<WordTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = WordTable::default();
        for &(forms, value) in IRREGULAR {
            t.add_all(forms, NumberWord::Cardinal(value));
        }
        for &(stem, value) in LIKE_FIVE {
            t.add_forms(stem, &["ь", "и", "ью"], NumberWord::Cardinal(value));
        }
        for &(nominative, stem, instrumental, value) in HUNDREDS {
            t.add(nominative, NumberWord::Cardinal(value));
            t.add_forms(stem, HUNDRED_ENDINGS, NumberWord::Cardinal(value));
            t.add(&format!("{instrumental}стами"), NumberWord::Cardinal(value));
        }
        for (stem, value) in [("дво", 2), ("тро", 3)] {
            t.add_forms(
                stem,
                &["е", "их", "им", "ими"],
                NumberWord::Collective(value),
            );
        }
        for &(stem, value) in COLLECTIVES {
            t.add_forms(
                stem,
                &["о", "ых", "ым", "ыми"],
                NumberWord::Collective(value),
            );
        }
        for &(stem, value) in ORDINAL_STEMS {
            t.add_forms(stem, ADJECTIVE_ENDINGS, NumberWord::Ordinal(value));
        }
        t.add_all(THIRD, NumberWord::Ordinal(3));

        t.add_all(
            &[
                "тысяча",
                "тысячу",
                "тысячей",
                "тысячею",
                "тысячью",
                "тысяче",
                "тыща",
                "тыщу",
                "тыще",
                "тыщей",
                "тыщею",
            ],
            NumberWord::scale(1_000, Plurality::Singular),
        );
        t.add_all(
            &["тысячи", "тыщи"],
            NumberWord::scale(1_000, Plurality::Either),
        );
        t.add_all(
            &[
                "тысяч",
                "тысячам",
                "тысячами",
                "тысячах",
                "тыщ",
                "тыщам",
                "тыщами",
                "тыщах",
            ],
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
        t.add("тыс", NumberWord::scale(1_000, Plurality::Abbreviation));
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
            &["десяток", "десятка", "десятку", "десятком", "десятке"],
            NumberWord::round(10, 10, Plurality::Singular),
        );
        t.add_all(
            &["десятки", "десятков", "десяткам", "десятками", "десятках"],
            NumberWord::round(10, 10, Plurality::Plural),
        );
        t.add_all(
            &["сотня", "сотне", "сотню", "сотней", "сотнею"],
            NumberWord::round(100, 100, Plurality::Singular),
        );
        t.add("сотни", NumberWord::round(100, 100, Plurality::Either));
        t.add_all(
            &["сотен", "сотням", "сотнями", "сотнях"],
            NumberWord::round(100, 100, Plurality::Plural),
        );
        t.add_all(
            &["дюжина", "дюжину", "дюжиной"],
            NumberWord::round(12, 10, Plurality::Singular),
        );
        t.add("дюжины", NumberWord::round(12, 10, Plurality::Either));
        t.add_all(
            &["дюжин", "дюжинам", "дюжинами", "дюжинах"],
            NumberWord::round(12, 10, Plurality::Plural),
        );

        t.add_all(
            &[
                "несколько",
                "нескольких",
                "нескольким",
                "несколькими",
                "нескольку",
            ],
            NumberWord::Several,
        );
        t.add("несколькосот", NumberWord::SeveralRound(100));

        t.add_all(
            &["полтора", "полторы", "полутора"],
            NumberWord::amount("1", "5"),
        );
        t.add_all(
            &["полтораста", "полутораста"],
            NumberWord::amount("150", ""),
        );
        t.add("полтысячи", NumberWord::amount("500", ""));
        t.add("полмиллиона", NumberWord::amount("500000", ""));
        t.add("полмиллиарда", NumberWord::amount("500000000", ""));
        t.add("дважды", NumberWord::Cardinal(2));
        t.add("трижды", NumberWord::Cardinal(3));
        t.add("четырежды", NumberWord::Cardinal(4));
        t.add_all(
            &[
                "треть",
                "трети",
                "третей",
                "четверть",
                "четверти",
                "четвертей",
            ],
            NumberWord::Fraction,
        );
        t.add_forms(
            "многотысячн",
            ADJECTIVE_ENDINGS,
            NumberWord::round(1_000, 1_000, Plurality::Plural),
        );
        t.add_compounds(
            COMPOUND_PREFIXES,
            COMPOUND_HEADS,
            &[ADJECTIVE_ENDINGS, SOFT_ADJECTIVE_ENDINGS],
        );

        t.add("%", NumberWord::Percent);
        t.add_forms(
            "процент",
            &["", "а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах"],
            NumberWord::Percent,
        );
        t.add_forms("процентн", ADJECTIVE_ENDINGS, NumberWord::Percent);

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
                "rub",
                "gbp",
                "руб",
                "долл",
                "евро",
                "иен",
                "юаней",
                "юань",
                "сша",
                "стерлингов",
                "грн",
            ],
            NumberWord::Currency,
        );
        t.add_forms(
            "доллар",
            &["", "а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах"],
            NumberWord::Currency,
        );
        t.add_forms(
            "рубл",
            &["ь", "я", "ю", "ем", "е", "и", "ей", "ям", "ями"],
            NumberWord::Currency,
        );
        t.add_forms(
            "гривн",
            &["а", "ы", "у", "ой", "е", "ям", "ями"],
            NumberWord::Currency,
        );
        t.add("гривен", NumberWord::Currency);
        t.add_forms("фунт", &["", "а", "ы", "ов", "ами"], NumberWord::Currency);

        t.add_all(
            &[
                "век",
                "века",
                "веке",
                "веку",
                "веком",
                "веков",
                "в",
                "вв",
                "столетия",
                "столетие",
            ],
            NumberWord::Century,
        );
        t.add_all(&["утра", "вечера"], NumberWord::Clock);
        t.add_all(&["часов", "часа", "час"], NumberWord::ClockUnit);
        t
    })
}

static PHRASES: &[Phrase] = &[
    Phrase {
        tokens: &["часа", "дня"],
        meaning: NumberWord::Clock,
    },
    Phrase {
        tokens: &["часов", "дня"],
        meaning: NumberWord::Clock,
    },
    Phrase {
        tokens: &["час", "дня"],
        meaning: NumberWord::Clock,
    },
    Phrase {
        tokens: &["часа", "ночи"],
        meaning: NumberWord::Clock,
    },
    Phrase {
        tokens: &["часов", "утра"],
        meaning: NumberWord::Clock,
    },
    Phrase {
        tokens: &["часа", "утра"],
        meaning: NumberWord::Clock,
    },
    Phrase {
        tokens: &["часов", "вечера"],
        meaning: NumberWord::Clock,
    },
    Phrase {
        tokens: &["часа", "вечера"],
        meaning: NumberWord::Clock,
    },
    Phrase {
        tokens: &["с", "половиной"],
        meaning: NumberWord::AndHalf,
    },
    Phrase {
        tokens: &["со", "половиной"],
        meaning: NumberWord::AndHalf,
    },
    Phrase {
        tokens: &["п", ".", "п", "."],
        meaning: NumberWord::Percent,
    },
];

impl NumberVocabulary for Vocabulary {
    fn digit_format(&self) -> DigitFormat {
        DigitFormat::SpaceGroups
    }

    fn word(&self, lower: &str) -> Option<NumberWord> {
        match without_yo(lower) {
            Some(spelling) => table().get(&spelling),
            None => table().get(lower),
        }
    }

    fn words_of(&self, tokens: &[Token], fingerprints: &[Fingerprint]) -> Vec<Option<NumberWord>> {
        table().words_of(tokens, fingerprints, without_yo)
    }

    fn phrases(&self) -> &'static [Phrase] {
        PHRASES
    }

    fn capitalized_number_words_are_names(&self) -> bool {
        true
    }

    fn context_words(&self, context: Context) -> &'static [&'static str] {
        match context {
            Context::CountedGenitive => &[
                "около",
                "более",
                "свыше",
                "почти",
                "порядка",
                "менее",
                "больше",
                "меньше",
                "до",
                "от",
                "из",
                "с",
                "со",
                "примерно",
                "приблизительно",
                "около",
                "минимум",
            ],
            Context::ClockPreposition => &["в", "во", "к"],
            Context::RangeJoin => &["до", "и", "или"],
            Context::CodePrefix => &["ковид", "covid"],
        }
    }
}

/// A quick scan for the last byte of "ё" (D1 91), which Russian words rarely hold; the char
/// search it spares cost more than the table lookup it guards.
/// The table's spelling of a word written with "ё" ("трёх" → "трех"); None for the rest.
fn without_yo(lower: &str) -> Option<String> {
    // 0x91 is the last byte of "ё" (D1 91); the char search it spares costs more.
    (holds_any_byte(lower.as_bytes(), [0x91]) && lower.contains('ё'))
        .then(|| lower.replace('ё', "е"))
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
            Lang::Ru,
            (
                super::COMPOUND_PREFIXES,
                super::COMPOUND_HEADS,
                &[super::ADJECTIVE_ENDINGS, super::SOFT_ADJECTIVE_ENDINGS],
            ),
        );
    }

    fn ru(text: &str) -> Vec<String> {
        keys(text, Lang::Ru)
    }

    /// Lexicon readings that are not numbers in news text.
    const NOT_NUMBERS: &[&str] = &[
        // "оба" is "both", not a count.
        "оба",
        "обоих",
        "обоим",
        "обоими",
        "обе",
        "обеих",
        "обеим",
        "обеими",
        "обоего",
        // "семью" is far more often "family" (accusative) than "seven" (instrumental).
        "семью",
        // "сот" is "honeycombs" more often than the genitive of "сотня".
        "сот",
        // "первейший", "наипервейший" mean "foremost", not "first".
        "первейший",
        "первейшего",
        "первейшему",
        "первейшим",
        "первейшем",
        "первейшая",
        "первейшей",
        "первейшую",
        "первейшею",
        "первейшее",
        "первейшие",
        "первейших",
        "первейшими",
        "наипервейший",
        "наипервейшего",
        "наипервейшему",
        "наипервейшим",
        "наипервейшем",
        "наипервейшая",
        "наипервейшей",
        "наипервейшую",
        "наипервейшею",
        "наипервейшее",
        "наипервейшие",
        "наипервейших",
        "наипервейшими",
    ];

    #[test]
    fn every_lexicon_number_form_is_known() {
        let lexicon = include_str!("../../../tests/data/lexicon/ru.tsv");
        let (recognized, checked, failures) = lexicon_coverage(lexicon, Lang::Ru, NOT_NUMBERS);
        println!("ru lexicon coverage: {recognized}/{checked}");
        assert!(checked > 450, "{checked}");
        assert_eq!(failures, Vec::<String>::new());
    }

    #[test]
    fn collectives_and_cases() {
        assert_eq!(
            ru("В результате удара погибли шестеро северокорейских офицеров"),
            ["6"]
        );
        assert_eq!(ru("Тела шестерых офицеров опознали"), ["6"]);
        assert_eq!(ru("Двоих задержали, троих отпустили"), ["2", "3"]);
        assert_eq!(
            ru("Выплаты получили тремстам семьям и сорока ветеранам"),
            ["300", "40"]
        );
        assert_eq!(ru("Он вернулся 9 мая с семью детьми"), ["9"]);
        assert_eq!(ru("Оба пилота выжили"), Vec::<String>::new());
        assert_eq!(ru("Погибли четверо, ранены трёх"), ["4", "3"]);
    }

    #[test]
    fn money_scales_and_percents() {
        assert_eq!(ru("Резервы выросли до 40,5 млрд долларов"), ["40500000000"]);
        assert_eq!(ru("Потери составили 40 500 млн долларов"), ["40500000000"]);
        assert_eq!(ru("Инфляция составила 13,5 процента"), ["13.5%"]);
        assert_eq!(
            ru("Полтора миллиона человек остались без света"),
            ["1500000"]
        );
        assert_eq!(
            ru("Объем торгов составил 1 млн 200 тыс. рублей"),
            ["1200000"]
        );
        assert_eq!(
            ru("Сумма составила 2,5-3 млрд рублей"),
            ["2500000000", "3000000000"]
        );
        assert_eq!(ru("Китай сообщил о 14-процентном росте"), ["14%"]);
        assert_eq!(ru("25-тысячную толпу не пустили"), ["25000"]);
    }

    #[test]
    fn vague_quantities() {
        assert_eq!(
            ru("Около тысячи человек эвакуировали, а несколько тысяч остались"),
            ["1000", "several 1000"]
        );
        assert_eq!(ru("Десятки тысяч человек вышли на улицы"), ["10s of 1000"]);
        assert_eq!(
            ru("Оба пилота выжили, а сотни жителей эвакуированы"),
            ["100s"]
        );
        assert_eq!(ru("Прошел многотысячный митинг"), ["1000s"]);
    }

    #[test]
    fn ordinals_weak_ones_and_not_numbers() {
        assert_eq!(
            ru("Двадцать один человек погиб в первом эшелоне"),
            ["21", "1"]
        );
        assert_eq!(
            weak_flags("Двадцать один человек погиб в первом эшелоне", Lang::Ru),
            [false, true]
        );
        assert_eq!(ru("24-летний спортсмен занял 5-е место"), ["24", "5"]);
        assert_eq!(ru("В XIX веке город вырос"), ["19"]);
        assert_eq!(ru("Встреча прошла в 15:00, счет 2:1"), Vec::<String>::new());
        assert_eq!(
            ru("На вооружение поступили Су-34 и МиГ-29"),
            Vec::<String>::new()
        );
        assert_eq!(ru("Трехлетний ребенок и две трети голосов"), ["3"]);
        assert_eq!(ru("В 2 часа дня прибыли 10 человек"), ["10"]);
    }

    #[test]
    fn an_hour_in_words_is_a_clock_time_and_a_duration_is_a_number() {
        assert_eq!(
            ru("Матч начнется в четырнадцать часов."),
            Vec::<String>::new()
        );
        assert_eq!(ru("Спасатели работали четырнадцать часов."), vec!["14"]);
    }
}
