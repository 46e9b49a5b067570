//! Month, weekday and season names and the words around dates, in Ukrainian.

use crate::facts::dates::{
    Conventions, DateVocabulary, DateWord, Guard, PartOfMonth, Season, WordTable,
};
use crate::facts::numbers::{holds_any_byte, Fingerprint, WordFilter};
use crate::facts::tokens::Token;
use std::sync::OnceLock;

pub struct Vocabulary;

pub static VOCABULARY: Vocabulary = Vocabulary;

impl DateVocabulary for Vocabulary {
    fn word(&self, lower: &str) -> Option<DateWord> {
        match with_plain_apostrophe(lower) {
            Some(spelling) => table().get(&spelling),
            None => table().get(lower),
        }
    }

    fn words_of(&self, tokens: &[Token], fingerprints: &[Fingerprint]) -> Vec<Option<DateWord>> {
        table().words_of(tokens, fingerprints, with_plain_apostrophe)
    }

    fn conventions(&self) -> Conventions {
        Conventions {
            month_first_with_slashes: false,
            day_after_month: false,
            capitalized_names: false,
            bare_four_digits_are_years: false,
        }
    }
}

/// Months in "-ень": stem and number ("січ" + "ень", "ня", "ні", ...).
const MONTH_STEMS: [(&str, u8); 10] = [
    ("січ", 1),
    ("берез", 3),
    ("квіт", 4),
    ("трав", 5),
    ("черв", 6),
    ("лип", 7),
    ("серп", 8),
    ("верес", 9),
    ("жовт", 10),
    ("груд", 12),
];
const MONTH_ENDINGS: &[&str] = &[
    "ень", "ня", "неві", "ню", "нем", "ні", "нів", "ням", "нями", "нях",
];
const LISTOPAD_ENDINGS: &[&str] = &[
    "", "а", "ові", "у", "ом", "і", "е", "и", "ів", "ам", "ами", "ах",
];

/// "лютий" is also "fierce": its forms that an adjective shares count as February only after
/// these words or next to a number ("у лютому", "на лютий", "24 лютого" — "лютого" itself is
/// taken as the month: "fierce" in the genitive is rare in news, "з лютого" is not).
const LUTYI: &[&str] = &["на", "за", "весь", "цей", "минулий", "наступний"];
const LUTOMU: &[&str] = &["у", "в"];

const MONTH_ADJECTIVE_STEMS: [&str; 12] = [
    "січнев",
    "лютнев",
    "березнев",
    "квітнев",
    "травнев",
    "червнев",
    "липнев",
    "серпнев",
    "вереснев",
    "жовтнев",
    "листопадов",
    "груднев",
];
const HARD_ADJECTIVE: &[&str] = &[
    "ий", "ого", "ому", "им", "ім", "а", "ої", "ій", "у", "ою", "е", "і", "их", "ими",
];
const SOFT_ADJECTIVE: &[&str] = &[
    "ій", "ього", "ьому", "ім", "я", "ьої", "ю", "ьою", "є", "і", "іх", "іми",
];

const MASCULINE_WEEKDAYS: [(&str, u8); 2] = [("понеділ", 1), ("вівтор", 2)];
const MASCULINE_WEEKDAY_ENDINGS: &[&str] = &[
    "ок", "ка", "кові", "ку", "ком", "ки", "ків", "кам", "ками", "ках",
];
const THURSDAY: &[&str] = &[
    "четвер",
    "четверга",
    "четвергові",
    "четвергу",
    "четвергом",
    "четвере",
    "четверги",
    "четвергів",
    "четвергам",
    "четвергами",
    "четвергах",
];
/// "суботній візит", "п'ятничного землетрусу": translators turn "on Friday" and "Friday's"
/// into these freely.
const WEEKDAY_ADJECTIVES: [(&str, u8); 6] = [
    ("понеділков", 1),
    ("вівторков", 2),
    ("четвергов", 4),
    ("п'ятничн", 5),
    ("суботн", 6),
    ("недільн", 7),
];
const FEMININE_WEEKDAYS: [(&str, u8); 3] = [("п'ятниц", 5), ("субот", 6), ("неділ", 7)];
const SOFT_NOUN_ENDINGS: &[&str] = &["я", "і", "ю", "ею", "е", "ь", "ям", "ями", "ях"];
const HARD_NOUN_ENDINGS: &[&str] = &["а", "и", "і", "у", "ою", "о", "", "ам", "ами", "ах"];

/// "середа" is Wednesday, but "серед" is "among" (left out) and a Ukrainian text may still
/// use "середа" for "environment": each form counts after its own words or next to a date.
const WEDNESDAY: [(&str, &[&str]); 9] = [
    ("середа", &[]),
    (
        "середи",
        &["до", "з", "із", "зі", "від", "минулої", "цієї", "наступної"],
    ),
    ("середі", &[]),
    (
        "середу",
        &["у", "в", "на", "цю", "минулу", "наступну", "кожну", "ту"],
    ),
    ("середою", &["перед"]),
    ("середо", &[]),
    ("середам", &["по"]),
    ("середами", &[]),
    ("середах", &["по"]),
];

/// Season nouns are also plain nouns ("Арабська весна", "на схилі літ"): they are dates
/// after these words, before a year or after a part word. Adverbs ("влітку") always are.
const SEASON_CONTEXT: &[&str] = &[
    "у",
    "в",
    "на",
    "до",
    "з",
    "із",
    "від",
    "протягом",
    "через",
    "після",
    "перед",
    "цього",
    "минулого",
    "наступного",
    "цієї",
    "минулої",
    "наступної",
    "цю",
    "минулу",
    "наступну",
    "це",
    "минуле",
    "наступне",
    "тієї",
    "того",
    "все",
    "усе",
    "всю",
    "усю",
    "ціле",
    "цілу",
    "кожного",
    "кожної",
];
const SEASONS: [(Season, &[&str], &[&str]); 4] = [
    (
        Season::Winter,
        &[
            "зима",
            "зими",
            "зимі",
            "зиму",
            "зимо",
            "зим",
            "зимам",
            "зимами",
            "зимах",
        ],
        &["взимку", "узимку", "зимою"],
    ),
    (
        Season::Spring,
        &[
            "весна",
            "весни",
            "весні",
            "весну",
            "весно",
            "весен",
            "веснам",
            "веснами",
            "веснах",
        ],
        &["навесні", "весною"],
    ),
    (
        Season::Summer,
        // "літ" ("years", "сто літ") is left out.
        &[
            "літо",
            "літа",
            "літу",
            "літові",
            "літі",
            "літам",
            "літами",
            "літах",
        ],
        &["влітку", "улітку", "літом"],
    ),
    (
        Season::Autumn,
        &[
            "осінь",
            "осені",
            "осени",
            "осінню",
            "осене",
            "осеней",
            "осеням",
            "осенями",
            "осенях",
        ],
        &["восени", "увосени"],
    ),
];

/// Ordinal stems 1–20 and 30; "трет" takes soft endings.
const ORDINAL_STEMS: [(&str, u8); 21] = [
    ("перш", 1),
    ("друг", 2),
    ("трет", 3),
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
];

const LEADS: &[&str] = &[
    "у",
    "в",
    "на",
    "до",
    "з",
    "із",
    "зі",
    "від",
    "після",
    "протягом",
    "між",
    "цього",
    "цієї",
    "цю",
    "це",
    "цей",
    "минулого",
    "минулої",
    "минулу",
    "минуле",
    "минулий",
    "наступного",
    "наступної",
    "наступну",
    "наступне",
    "наступний",
    "кожного",
    "кожної",
    "кожну",
];

const BLOCKERS: &[&str] = &[
    "тис",
    "тисяч",
    "тисячі",
    "тисяча",
    "млн",
    "мільйон",
    "мільйона",
    "мільйонів",
    "мільйони",
    "млрд",
    "мільярд",
    "мільярда",
    "мільярдів",
    "мільярди",
    "трлн",
    "відсоток",
    "відсотки",
    "відсотка",
    "відсотків",
    "процент",
    "проценти",
    "процентів",
    "грн",
    "гривень",
    "гривні",
    "гривня",
    "дол",
    "долар",
    "долари",
    "долара",
    "доларів",
    "євро",
    "фунт",
    "фунти",
    "фунтів",
    "рублів",
    "км",
    "кілометрів",
    "метрів",
    "м",
    "кг",
    "тонн",
    "тонни",
    "осіб",
    "людей",
    "чоловік",
];

fn table() -> &'static WordTable {
    static TABLE: OnceLock<WordTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = WordTable::new();
        let month = |month: u8, guard: Guard| DateWord::Month {
            month,
            guard,
            abbreviation: false,
        };
        for (stem, number) in MONTH_STEMS {
            table.add_stem(stem, MONTH_ENDINGS, month(number, Guard::Free));
        }
        table.add_stem("листопад", LISTOPAD_ENDINGS, month(11, Guard::Free));
        table.add(&["лютого"], month(2, Guard::Free));
        table.add(&["лютий"], month(2, Guard::After(LUTYI)));
        table.add(&["лютому", "лютім"], month(2, Guard::After(LUTOMU)));
        table.add(&["лютим"], month(2, Guard::After(&[])));
        for (number, stem) in (1u8..).zip(MONTH_ADJECTIVE_STEMS) {
            table.add_stem(stem, HARD_ADJECTIVE, DateWord::MonthAdjective(number));
        }

        let weekday = |weekday: u8, guard: Guard| DateWord::Weekday { weekday, guard };
        for (stem, number) in MASCULINE_WEEKDAYS {
            table.add_stem(
                stem,
                MASCULINE_WEEKDAY_ENDINGS,
                weekday(number, Guard::Free),
            );
        }
        table.add(THURSDAY, weekday(4, Guard::Free));
        for (stem, number) in FEMININE_WEEKDAYS {
            let endings = if stem == "субот" {
                HARD_NOUN_ENDINGS
            } else {
                SOFT_NOUN_ENDINGS
            };
            table.add_stem(stem, endings, weekday(number, Guard::Free));
        }
        for (stem, number) in WEEKDAY_ADJECTIVES {
            let endings = if stem == "суботн" {
                SOFT_ADJECTIVE
            } else {
                HARD_ADJECTIVE
            };
            table.add_stem(stem, endings, weekday(number, Guard::Free));
        }
        for (form, after) in WEDNESDAY {
            table.add(&[form], weekday(3, Guard::After(after)));
        }

        for (season, nouns, adverbs) in SEASONS {
            table.add(
                adverbs,
                DateWord::Season {
                    season,
                    guard: Guard::Free,
                },
            );
            table.add(
                nouns,
                DateWord::Season {
                    season,
                    guard: Guard::After(SEASON_CONTEXT),
                },
            );
        }

        for (stem, number) in ORDINAL_STEMS {
            let endings = if stem == "трет" {
                SOFT_ADJECTIVE
            } else {
                HARD_ADJECTIVE
            };
            table.add_stem(stem, endings, DateWord::Ordinal(number));
        }
        table.add(&["двадцять"], DateWord::Tens(20));
        table.add(&["тридцять"], DateWord::Tens(30));
        table.add_stem(
            "квартал",
            &["", "у", "а", "і", "ом", "ові", "и", "ів", "ам", "ами", "ах"],
            DateWord::Quarter,
        );
        table.add(
            &[
                "півріччя",
                "півріччі",
                "півріччям",
                "половина",
                "половини",
                "половині",
                "половину",
                "половиною",
            ],
            DateWord::HalfYear,
        );
        table.add(
            &["рік", "року", "році", "роком", "рокові"],
            DateWord::YearWord {
                plural: false,
                abbreviation: false,
            },
        );
        table.add(
            &["р"],
            DateWord::YearWord {
                plural: false,
                abbreviation: true,
            },
        );
        table.add(
            &["роки", "років", "роках", "рокам", "роками"],
            DateWord::YearWord {
                plural: true,
                abbreviation: false,
            },
        );
        table.add(
            &["рр"],
            DateWord::YearWord {
                plural: true,
                abbreviation: true,
            },
        );
        table.add(
            &["го", "е", "й", "ий", "те", "му", "ому", "ого"],
            DateWord::NumberSuffix,
        );
        table.add(&["х", "ті", "тих", "тими", "ми"], DateWord::DecadeSuffix);
        table.add(
            &["початку", "початок", "початком", "напочатку"],
            DateWord::Part(PartOfMonth::Early),
        );
        table.add(
            &["середині", "середина", "середину", "середини", "посередині"],
            DateWord::Part(PartOfMonth::Mid),
        );
        table.add(
            &["кінці", "кінця", "кінець", "кінцем", "наприкінці"],
            DateWord::Part(PartOfMonth::Late),
        );
        table.add(LEADS, DateWord::Lead);
        table.add(
            &["і", "й", "та", "а", "але", "або", "чи"],
            DateWord::Conjunction,
        );
        table.add(BLOCKERS, DateWord::Blocker);
        table.note_respellings(note_apostrophe_spellings, with_plain_apostrophe);
        table
    })
}

/// Notes the fingerprint of every spelling of a table word with its apostrophes written
/// "ʼ" or "’" (any of them, or some); false for a word with too many to list.
fn note_apostrophe_spellings(word: &str, respellable: &mut WordFilter) -> bool {
    const APOSTROPHES: [char; 3] = ['\'', 'ʼ', '’'];
    if !word.contains('\'') {
        return true;
    }
    let mut spellings = vec![String::new()];
    for letter in word.chars() {
        if letter != '\'' {
            spellings
                .iter_mut()
                .for_each(|spelling| spelling.push(letter));
            continue;
        }
        if spellings.len() > 1000 {
            return false;
        }
        spellings = spellings
            .iter()
            .flat_map(|spelling| APOSTROPHES.map(|apostrophe| format!("{spelling}{apostrophe}")))
            .collect();
    }
    spellings
        .iter()
        .for_each(|spelling| respellable.insert(spelling));
    true
}

/// The table's spelling of a word written with "ʼ" or "’" ("пʼятого" → "п'ятого"); None
/// for the rest.
fn with_plain_apostrophe(lower: &str) -> Option<String> {
    // 0xCA and 0xE2 lead "ʼ" (CA BC) and "’" (E2 80 99); the char search they spare costs
    // more.
    (holds_any_byte(lower.as_bytes(), [0xca, 0xe2]) && lower.contains(['ʼ', '’']))
        .then(|| lower.replace(['ʼ', '’'], "'"))
}

#[cfg(test)]
mod tests {
    use super::VOCABULARY;
    use crate::facts::dates::{keys, lexicon_coverage};
    use crate::lang::Lang;

    /// Words are respelled only when their fingerprint may be a respelled table word's:
    /// every spelling of every table word still reads as the table word.
    #[test]
    fn every_spelling_of_a_table_word_reads_as_it() {
        // Every table word with each apostrophe written "'", "ʼ" or "’".
        let mut spellings = Vec::new();
        for (word, _) in super::table().entries() {
            spellings.push(word.to_string());
            for apostrophe in ['ʼ', '’'] {
                spellings.push(word.replace('\'', &apostrophe.to_string()));
                spellings.push(word.replacen('\'', &apostrophe.to_string(), 1));
            }
        }
        assert!(spellings.iter().any(|s| s == "пʼятого"));
        let words: Vec<&str> = spellings.iter().map(String::as_str).collect();
        crate::facts::dates::assert_words_of_agrees(Lang::Uk, &words);
    }

    /// The fingerprint filter before the table must never turn a listed word away.
    #[test]
    fn every_table_word_is_read_back() {
        crate::facts::dates::assert_table_reads_back(super::table(), Lang::Uk);
    }

    fn uk(text: &str) -> Vec<String> {
        keys(text, Lang::Uk)
    }

    #[test]
    fn news_sentences() {
        let cases: &[(&str, &[&str])] = &[
            (
                "На початку жовтня ракетний удар ЗСУ поблизу Донецька вбив шістьох офіцерів.",
                &["early October"],
            ),
            (
                "Під час червневого візиту прем'єр зустрівся з фермерами.",
                &["June"],
            ),
            (
                "Уряд обіцяє завершити ремонт до кінця 2024 року.",
                &["2024"],
            ),
            (
                "Угоду підписали 14 березня 2024 року в Брюсселі.",
                &["14 March 2024"],
            ),
            ("Засідання перенесли на 14-го березня.", &["14 March"]),
            ("Закон набув чинності 01.09.2023.", &["1 September 2023"]),
            (
                "У 2011 році компанія збанкрутувала, а з 2014 року працює знову.",
                &["2011", "2014"],
            ),
            ("У четвер Рада ухвалила бюджет.", &["Thursday"]),
            ("До четверга відповіді не буде.", &["Thursday"]),
            ("У середу в середині дня почалася тривога.", &["Wednesday"]),
            (
                "Виробництво зросло в першому кварталі 2024 року.",
                &["Q1 2024"],
            ),
            ("За I квартал прибуток склав 3 млн грн.", &["Q1"]),
            ("Влітку ціни на овочі традиційно падають.", &["summer"]),
            ("Цього літа туристів було вдвічі менше.", &["summer"]),
            ("Прем'єра запланована на літо 2025 року.", &["summer 2025"]),
            (
                "Наприкінці лютого 2022 року почалося вторгнення.",
                &["late February 2022"],
            ),
            ("Вибори відбудуться у лютому.", &["February"]),
            ("У 1990-х роках завод зупинився.", &["1990s"]),
            (
                "Двадцять четвертого серпня країна святкує День Незалежності.",
                &["24 August"],
            ),
            ("Зустріч відбудеться 14-15 травня.", &["14 May", "15 May"]),
            ("У суботньому матчі киян переміг Шахтар.", &["Saturday"]),
        ];
        for (text, expected) in cases {
            assert_eq!(uk(text), *expected, "{text}");
        }
    }

    #[test]
    fn ordinary_words_are_not_dates() {
        let cases = [
            "Лютий мороз скував ріку.",
            "Серед постраждалих є діти.",
            "Арабська весна змінила регіон.",
            "На схилі літ він написав мемуари.",
            "Цього року врожай кращий, ніж торік.",
            "Кампанію підтримали 2000 людей.",
            "Бюджет становить 2024 тис. грн.",
            "За 2000 років місто змінилося.",
            "Газета \"Травень\" вийшла накладом у тисячу примірників.",
            "Фестиваль \"Літо\" відкрився вчора.",
        ];
        for text in cases {
            assert!(uk(text).is_empty(), "{text}: {:?}", uk(text));
        }
    }

    /// Coverage of the reference forms (pymorphy3): every form is recognized except "серед"
    /// ("among") and "літ" ("years", "сто літ"), which the table leaves out on purpose.
    #[test]
    fn lexicon_forms_are_recognized() {
        let tsv = include_str!("../../../tests/data/lexicon/uk.tsv");
        let (checked, recognized, missed) = lexicon_coverage(tsv, &VOCABULARY, &["серед", "літ"]);
        println!("uk lexicon: {recognized} of {checked} date forms recognized");
        assert!(checked > 380, "{checked}");
        assert!(missed.is_empty(), "{missed:?}");
    }
}
