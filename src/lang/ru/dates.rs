//! Month, weekday and season names and the words around dates, in Russian.

use crate::facts::dates::{
    Conventions, DateVocabulary, DateWord, Guard, PartOfMonth, Season, WordTable,
};
use crate::facts::numbers::{holds_any_byte, Fingerprint, WordFilter};
use crate::facts::tokens::Token;
use std::sync::OnceLock;

pub struct Vocabulary;

pub static VOCABULARY: Vocabulary = Vocabulary;

impl DateVocabulary for Vocabulary {
    /// "ё" is written or not at the writer's whim ("январём", "январем"): the table has "е".
    fn word(&self, lower: &str) -> Option<DateWord> {
        match without_yo(lower) {
            Some(spelling) => table().get(&spelling),
            None => table().get(lower),
        }
    }

    fn words_of(&self, tokens: &[Token], fingerprints: &[Fingerprint]) -> Vec<Option<DateWord>> {
        table().words_of(tokens, fingerprints, without_yo)
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

const SOFT_MONTHS: [(&str, u8); 9] = [
    ("январ", 1),
    ("феврал", 2),
    ("апрел", 4),
    ("июн", 6),
    ("июл", 7),
    ("сентябр", 9),
    ("октябр", 10),
    ("ноябр", 11),
    ("декабр", 12),
];
const SOFT_MONTH_ENDINGS: &[&str] = &["ь", "я", "ю", "ем", "е", "и", "ей", "ям", "ями", "ях"];
const HARD_MONTHS: [(&str, u8); 2] = [("март", 3), ("август", 8)];
const HARD_NOUN_ENDINGS: &[&str] = &["", "а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах"];
const MAY: &[&str] = &["май", "мая", "маю", "маем", "мае"];

const MONTH_ADJECTIVE_STEMS: [&str; 12] = [
    "январск",
    "февральск",
    "мартовск",
    "апрельск",
    "майск",
    "июньск",
    "июльск",
    "августовск",
    "сентябрьск",
    "октябрьск",
    "ноябрьск",
    "декабрьск",
];
/// Adjective endings after к/г/х ("майский") and for ordinals in "-ый" ("первый").
const VELAR_ADJECTIVE: &[&str] = &[
    "ий", "ого", "ому", "им", "ом", "ая", "ой", "ую", "ою", "ое", "ие", "их", "ими",
];
const HARD_ADJECTIVE: &[&str] = &[
    "ый", "ого", "ому", "ым", "ом", "ая", "ой", "ую", "ою", "ое", "ые", "ых", "ыми",
];
/// Stressed "-ой": "второй", "шестой".
const STRESSED_ADJECTIVE: &[&str] = &[
    "ой", "ого", "ому", "ым", "ом", "ая", "ую", "ою", "ое", "ые", "ых", "ыми",
];
const SOFT_ADJECTIVE: &[&str] = &[
    "ий", "ьего", "ьему", "ьим", "ьем", "ья", "ьей", "ью", "ьею", "ье", "ьи", "ьих", "ьими",
];

const MASCULINE_WEEKDAYS: [(&str, u8); 3] = [("понедельник", 1), ("вторник", 2), ("четверг", 4)];
const MASCULINE_WEEKDAY_ENDINGS: &[&str] = &["", "а", "у", "ом", "е", "и", "ов", "ам", "ами", "ах"];
const FRIDAY_ENDINGS: &[&str] = &["а", "ы", "е", "у", "ей", "ею", "", "ам", "ами", "ах"];
const SATURDAY_ENDINGS: &[&str] = &["а", "ы", "е", "у", "ой", "ою", "", "ам", "ами", "ах"];
/// "субботний визит", "пятничного землетрясения": translators turn "on Friday" and
/// "Friday's" into these freely.
const WEEKDAY_ADJECTIVES: [(&str, u8, &[&str]); 6] = [
    ("понедельничн", 1, HARD_ADJECTIVE),
    ("вторничн", 2, HARD_ADJECTIVE),
    ("четвергов", 4, HARD_ADJECTIVE),
    ("пятничн", 5, HARD_ADJECTIVE),
    ("субботн", 6, SOFT_NOUN_ADJECTIVE),
    ("воскресн", 7, HARD_ADJECTIVE),
];
const SOFT_NOUN_ADJECTIVE: &[&str] = &[
    "ий", "его", "ему", "им", "ем", "яя", "ей", "юю", "ею", "ее", "ие", "их", "ими",
];
const SUNDAY: &[&str] = &[
    "воскресенье",
    "воскресенья",
    "воскресенью",
    "воскресеньем",
    "воскресений",
    "воскресеньям",
    "воскресеньями",
    "воскресеньях",
];

/// "среда" is also "environment" ("в среде экспертов", "окружающую среду"): each form counts
/// after its own words or next to a date.
const WEDNESDAY: [(&str, &[&str]); 10] = [
    ("среда", &[]),
    ("среды", &["до", "с", "со", "прошлой", "этой", "следующей"]),
    ("среде", &[]),
    (
        "среду",
        &[
            "в",
            "во",
            "на",
            "эту",
            "ту",
            "прошлую",
            "следующую",
            "каждую",
        ],
    ),
    ("средой", &["перед"]),
    ("средою", &[]),
    ("сред", &[]),
    ("средам", &["по"]),
    ("средами", &[]),
    ("средах", &[]),
];

/// Season nouns are also plain nouns ("Арабская весна", "Лето" as a name): they are dates
/// after these words, before a year or after a part word. Adverbs ("летом") always are.
const SEASON_CONTEXT: &[&str] = &[
    "в",
    "во",
    "на",
    "до",
    "с",
    "со",
    "к",
    "от",
    "после",
    "перед",
    "через",
    "течение",
    "этой",
    "этим",
    "этого",
    "это",
    "эту",
    "прошлой",
    "прошлым",
    "прошлого",
    "прошлое",
    "прошлую",
    "следующей",
    "следующим",
    "следующего",
    "следующее",
    "следующую",
    "будущей",
    "будущим",
    "будущего",
    "будущее",
    "будущую",
    "нынешней",
    "нынешним",
    "нынешнего",
    "нынешнее",
    "всю",
    "все",
    "всё",
    "той",
    "того",
    "каждой",
    "каждую",
    "каждое",
    "каждого",
];
const SEASONS: [(Season, &[&str], &[&str]); 4] = [
    (
        Season::Winter,
        &[
            "зима",
            "зимы",
            "зиме",
            "зиму",
            "зим",
            "зимам",
            "зимами",
            "зимах",
        ],
        &["зимой", "зимою"],
    ),
    (
        Season::Spring,
        &[
            "весна",
            "весны",
            "весне",
            "весну",
            "весен",
            "веснам",
            "веснами",
            "веснах",
        ],
        &["весной", "весною"],
    ),
    (
        Season::Summer,
        // "лет" ("years") is left out.
        &["лето", "лета", "лету", "лете"],
        &["летом"],
    ),
    (
        Season::Autumn,
        &["осень", "осени", "осеней", "осеням", "осенями", "осенях"],
        &["осенью"],
    ),
];

/// Ordinal stems 1–20 and 30 with their endings.
const ORDINAL_STEMS: [(&str, u8, &[&str]); 21] = [
    ("перв", 1, HARD_ADJECTIVE),
    ("втор", 2, STRESSED_ADJECTIVE),
    ("трет", 3, SOFT_ADJECTIVE),
    ("четверт", 4, HARD_ADJECTIVE),
    ("пят", 5, HARD_ADJECTIVE),
    ("шест", 6, STRESSED_ADJECTIVE),
    ("седьм", 7, STRESSED_ADJECTIVE),
    ("восьм", 8, STRESSED_ADJECTIVE),
    ("девят", 9, HARD_ADJECTIVE),
    ("десят", 10, HARD_ADJECTIVE),
    ("одиннадцат", 11, HARD_ADJECTIVE),
    ("двенадцат", 12, HARD_ADJECTIVE),
    ("тринадцат", 13, HARD_ADJECTIVE),
    ("четырнадцат", 14, HARD_ADJECTIVE),
    ("пятнадцат", 15, HARD_ADJECTIVE),
    ("шестнадцат", 16, HARD_ADJECTIVE),
    ("семнадцат", 17, HARD_ADJECTIVE),
    ("восемнадцат", 18, HARD_ADJECTIVE),
    ("девятнадцат", 19, HARD_ADJECTIVE),
    ("двадцат", 20, HARD_ADJECTIVE),
    ("тридцат", 30, HARD_ADJECTIVE),
];

const LEADS: &[&str] = &[
    "в",
    "во",
    "на",
    "к",
    "ко",
    "до",
    "с",
    "со",
    "от",
    "после",
    "перед",
    "между",
    "этой",
    "этим",
    "этого",
    "этот",
    "эту",
    "это",
    "прошлой",
    "прошлым",
    "прошлого",
    "прошлую",
    "прошлое",
    "прошлый",
    "следующей",
    "следующим",
    "следующего",
    "следующую",
    "следующее",
    "следующий",
    "будущей",
    "будущего",
    "каждую",
    "каждый",
    "каждое",
    "каждой",
];

const BLOCKERS: &[&str] = &[
    "тыс",
    "тысяч",
    "тысячи",
    "тысяча",
    "млн",
    "миллион",
    "миллиона",
    "миллионов",
    "миллионы",
    "млрд",
    "миллиард",
    "миллиарда",
    "миллиардов",
    "миллиарды",
    "трлн",
    "процент",
    "процента",
    "процентов",
    "проценты",
    "руб",
    "рублей",
    "рубля",
    "долл",
    "доллар",
    "доллара",
    "долларов",
    "доллары",
    "евро",
    "фунтов",
    "фунта",
    "гривен",
    "гривны",
    "км",
    "километров",
    "метров",
    "кг",
    "тонн",
    "лет",
    "человек",
    "людей",
];

fn table() -> &'static WordTable {
    static TABLE: OnceLock<WordTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = WordTable::new();
        let month = |month: u8| DateWord::Month {
            month,
            guard: Guard::Free,
            abbreviation: false,
        };
        for (stem, number) in SOFT_MONTHS {
            table.add_stem(stem, SOFT_MONTH_ENDINGS, month(number));
        }
        for (stem, number) in HARD_MONTHS {
            table.add_stem(stem, HARD_NOUN_ENDINGS, month(number));
        }
        table.add(MAY, month(5));
        for (number, stem) in (1u8..).zip(MONTH_ADJECTIVE_STEMS) {
            table.add_stem(stem, VELAR_ADJECTIVE, DateWord::MonthAdjective(number));
        }

        let weekday = |weekday: u8, guard: Guard| DateWord::Weekday { weekday, guard };
        for (stem, number) in MASCULINE_WEEKDAYS {
            table.add_stem(
                stem,
                MASCULINE_WEEKDAY_ENDINGS,
                weekday(number, Guard::Free),
            );
        }
        table.add_stem("пятниц", FRIDAY_ENDINGS, weekday(5, Guard::Free));
        table.add_stem("суббот", SATURDAY_ENDINGS, weekday(6, Guard::Free));
        table.add(SUNDAY, weekday(7, Guard::Free));
        for (stem, number, endings) in WEEKDAY_ADJECTIVES {
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

        for (stem, number, endings) in ORDINAL_STEMS {
            table.add_stem(stem, endings, DateWord::Ordinal(number));
        }
        table.add(&["двадцать"], DateWord::Tens(20));
        table.add(&["тридцать"], DateWord::Tens(30));
        table.add_stem("квартал", HARD_NOUN_ENDINGS, DateWord::Quarter);
        table.add(
            &[
                "полугодие",
                "полугодия",
                "полугодии",
                "полугодию",
                "полугодием",
                "половина",
                "половины",
                "половине",
                "половину",
                "половиной",
            ],
            DateWord::HalfYear,
        );
        table.add(
            &["год", "года", "году", "годом", "годе"],
            DateWord::YearWord {
                plural: false,
                abbreviation: false,
            },
        );
        table.add(
            &["г"],
            DateWord::YearWord {
                plural: false,
                abbreviation: true,
            },
        );
        table.add(
            &["годы", "годов", "годах", "годам", "годами"],
            DateWord::YearWord {
                plural: true,
                abbreviation: false,
            },
        );
        table.add(
            &["гг"],
            DateWord::YearWord {
                plural: true,
                abbreviation: true,
            },
        );
        // "е" is a decade ending after a year ("2000-е") and a day ending after a day ("1-е").
        table.add(&["х", "е", "ые", "ых", "ыми", "ым"], DateWord::DecadeSuffix);
        table.add(
            &["го", "й", "ое", "ой", "м", "ом", "ого", "ый", "ий"],
            DateWord::NumberSuffix,
        );
        table.add(
            &["начале", "начала", "начало", "началу", "началом"],
            DateWord::Part(PartOfMonth::Early),
        );
        table.add(
            &["середине", "середины", "середина", "середину"],
            DateWord::Part(PartOfMonth::Mid),
        );
        table.add(
            &["конце", "конца", "конец", "концу", "концом", "исходе"],
            DateWord::Part(PartOfMonth::Late),
        );
        table.add(LEADS, DateWord::Lead);
        table.add(&["и", "а", "но", "или", "либо"], DateWord::Conjunction);
        table.add(BLOCKERS, DateWord::Blocker);
        table.note_respellings(note_yo_spellings, without_yo);
        table
    })
}

/// Notes the fingerprint of every spelling of a table word with some of its "е" written
/// "ё" ("сентябрём" for "сентябрем"). A fingerprint reads a word's length, first four bytes
/// and last two, so only an "е" there changes it: the spellings differing there are noted
/// (the word's own fingerprint stands for the rest).
fn note_yo_spellings(word: &str, respellable: &mut WordFilter) -> bool {
    if !word.contains('е') {
        return true;
    }
    let mut bytes = [0u8; 64];
    let Some(spelling) = bytes.get_mut(..word.len()) else {
        return false;
    };
    spelling.copy_from_slice(word.as_bytes());
    let seen_by_fingerprint: Vec<usize> = word
        .match_indices('е')
        .map(|(at, _)| at)
        .filter(|&at| at < 4 || at + 4 > word.len())
        .collect();
    for choice in 0..1u32 << seen_by_fingerprint.len() {
        for (bit, &at) in seen_by_fingerprint.iter().enumerate() {
            // "е" is D0 B5, "ё" D1 91.
            let letter: [u8; 2] = if choice & 1 << bit != 0 {
                [0xd1, 0x91]
            } else {
                [0xd0, 0xb5]
            };
            if let Some(slot) = spelling.get_mut(at..at + 2) {
                slot.copy_from_slice(&letter);
            }
        }
        respellable.insert_bytes(spelling);
    }
    true
}

/// The table's spelling of a word written with "ё" ("сентябрём" → "сентябрем"); None for
/// the rest.
fn without_yo(lower: &str) -> Option<String> {
    // 0x91 is the last byte of "ё" (D1 91); the char search it spares costs more.
    (holds_any_byte(lower.as_bytes(), [0x91]) && lower.contains('ё'))
        .then(|| lower.replace('ё', "е"))
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
        // Every table word with each "е" written "ё" or not, as writers do.
        let mut spellings = Vec::new();
        for (word, _) in super::table().entries() {
            let e_count = word.matches('е').count().min(6);
            for choice in 0..1u32 << e_count {
                let mut k = 0;
                let spelling: String = word
                    .chars()
                    .map(|c| {
                        if c != 'е' || k >= 6 {
                            return c;
                        }
                        k += 1;
                        if choice & 1 << (k - 1) != 0 {
                            'ё'
                        } else {
                            c
                        }
                    })
                    .collect();
                spellings.push(spelling);
            }
        }
        assert!(spellings.iter().any(|s| s == "сентябрём"));
        let words: Vec<&str> = spellings.iter().map(String::as_str).collect();
        crate::facts::dates::assert_words_of_agrees(Lang::Ru, &words);
    }

    /// The fingerprint filter before the table must never turn a listed word away.
    #[test]
    fn every_table_word_is_read_back() {
        crate::facts::dates::assert_table_reads_back(super::table(), Lang::Ru);
    }

    fn ru(text: &str) -> Vec<String> {
        keys(text, Lang::Ru)
    }

    #[test]
    fn news_sentences() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Договор подписан 14 марта 2024 г. в Женеве.",
                &["14 March 2024"],
            ),
            ("В начале октября в регионе выпал снег.", &["early October"]),
            ("К концу октября работы будут завершены.", &["late October"]),
            ("В середине июня цены выросли.", &["mid June"]),
            (
                "Во время июньского визита министр посетил завод.",
                &["June"],
            ),
            ("В 2024 году экономика выросла на 3%.", &["2024"]),
            (
                "С 2014 по 2016 год компания потеряла половину клиентов.",
                &["2014", "2016"],
            ),
            ("В четверг суд вынес приговор.", &["Thursday"]),
            ("В среду парламент соберется на заседание.", &["Wednesday"]),
            ("Решение отложили до среды.", &["Wednesday"]),
            ("В первом квартале 2024 года выручка упала.", &["Q1 2024"]),
            ("Этим летом жара побила рекорды.", &["summer"]),
            ("Весной 2023 года начался ремонт.", &["spring 2023"]),
            ("Лето 2024 выдалось засушливым.", &["summer 2024"]),
            ("Встреча состоится 29-го сентября.", &["29 September"]),
            ("Пятого октября ожидается решение суда.", &["5 October"]),
            ("В 1980-х годах завод закрылся.", &["1980s"]),
            ("В январе 2016 года курс рубля упал.", &["January 2016"]),
            ("Субботний матч закончился вничью.", &["Saturday"]),
            ("Прошлой осенью река вышла из берегов.", &["autumn"]),
        ];
        for (text, expected) in cases {
            assert_eq!(ru(text), *expected, "{text}");
        }
    }

    #[test]
    fn ordinary_words_are_not_dates() {
        let cases = [
            "Эксперты обсуждают проблемы в среде молодых ученых.",
            "Выбросы загрязняют окружающую среду.",
            "Марта Петрова выиграла турнир.",
            "Он поздравил Августа с победой.",
            "Арабская весна изменила регион.",
            "В этом году урожай лучше, чем в прошлом.",
            "Акцию поддержали 2000 человек.",
            "Городу 2000 лет.",
            "Канал \"Пятница\" показал новый сериал.",
        ];
        for text in cases {
            assert!(ru(text).is_empty(), "{text}: {:?}", ru(text));
        }
    }

    /// Coverage of the reference forms (pymorphy3, with "ё"): all recognized, no junk.
    #[test]
    fn lexicon_forms_are_recognized() {
        let tsv = include_str!("../../../tests/data/lexicon/ru.tsv");
        let (checked, recognized, missed) = lexicon_coverage(tsv, &VOCABULARY, &[]);
        println!("ru lexicon: {recognized} of {checked} date forms recognized");
        assert!(checked > 360, "{checked}");
        assert!(missed.is_empty(), "{missed:?}");
    }
}
