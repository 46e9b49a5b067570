//! Writes a corpus of trilingual articles for benchmarks and audit tests:
//! `cargo run --release --example gen_corpus -- N DIR [SEED]`.
//!
//! Each article is a folder `DIR/NNNNNN/` with `en.txt`, `uk.txt` and `ru.txt`. Articles are
//! made of real translated paragraphs (the evaluation articles and NTREX-128 news in
//! `tests/data/`) and generated report paragraphs with varied numbers, dates, names and
//! glossary terms, from 3 to 60 paragraphs long. About one article in eight gets one seeded
//! mistake (a changed figure, a wrong month, a dropped paragraph, a swapped name) in one
//! language; `DIR/MISTAKES.tsv` lists them. The same N and SEED always give the same corpus.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

/// A small deterministic generator (no dependency, reproducible across platforms).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// One paragraph in the three languages.
#[derive(Clone)]
struct Triple {
    en: String,
    uk: String,
    ru: String,
}

fn blocks(path: &Path) -> Vec<String> {
    fs::read_to_string(path)
        .unwrap_or_default()
        .replace("\r\n", "\n")
        .split("\n\n")
        .map(|b| b.trim().to_string())
        .filter(|b| !b.is_empty())
        .collect()
}

/// Aligned paragraphs of every folder below `root` whose three files have as many blocks.
fn real_paragraphs(root: &Path) -> Vec<Triple> {
    let mut folders: Vec<PathBuf> = fs::read_dir(root)
        .map(|entries| entries.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    folders.sort();
    let mut triples = Vec::new();
    for folder in folders.iter().filter(|f| f.is_dir()) {
        let [en, uk, ru] = ["en", "uk", "ru"].map(|l| blocks(&folder.join(format!("{l}.txt"))));
        if en.is_empty() || en.len() != uk.len() || en.len() != ru.len() {
            continue;
        }
        for ((en, uk), ru) in en.into_iter().zip(uk).zip(ru) {
            triples.push(Triple { en, uk, ru });
        }
    }
    triples
}

const MONTHS: [[&str; 3]; 12] = [
    ["January", "січня", "января"],
    ["February", "лютого", "февраля"],
    ["March", "березня", "марта"],
    ["April", "квітня", "апреля"],
    ["May", "травня", "мая"],
    ["June", "червня", "июня"],
    ["July", "липня", "июля"],
    ["August", "серпня", "августа"],
    ["September", "вересня", "сентября"],
    ["October", "жовтня", "октября"],
    ["November", "листопада", "ноября"],
    ["December", "грудня", "декабря"],
];

const WEEKDAYS: [[&str; 3]; 7] = [
    ["Monday", "понеділок", "понедельник"],
    ["Tuesday", "вівторок", "вторник"],
    ["Wednesday", "середу", "среду"],
    ["Thursday", "четвер", "четверг"],
    ["Friday", "п'ятницю", "пятницу"],
    ["Saturday", "суботу", "субботу"],
    ["Sunday", "неділю", "воскресенье"],
];

/// Cities in the locative case ("in Kharkiv" = "у Харкові" = "в Харькове").
const CITIES: [[&str; 3]; 8] = [
    ["Kharkiv", "Харкові", "Харькове"],
    ["Odesa", "Одесі", "Одессе"],
    ["Dnipro", "Дніпрі", "Днепре"],
    ["Lviv", "Львові", "Львове"],
    ["Zaporizhzhia", "Запоріжжі", "Запорожье"],
    ["Mykolaiv", "Миколаєві", "Николаеве"],
    ["Poltava", "Полтаві", "Полтаве"],
    ["Chernihiv", "Чернігові", "Чернигове"],
];

/// Officials: (English, Ukrainian, Russian) in the nominative.
const OFFICIALS: [[&str; 3]; 6] = [
    ["Oleh Syniehubov", "Олег Синєгубов", "Олег Синегубов"],
    ["Ihor Terekhov", "Ігор Терехов", "Игорь Терехов"],
    ["Vitalii Kim", "Віталій Кім", "Виталий Ким"],
    ["Maksym Kozytskyi", "Максим Козицький", "Максим Козицкий"],
    ["Ivan Fedorov", "Іван Федоров", "Иван Федоров"],
    ["Serhii Lysak", "Сергій Лисак", "Сергей Лысак"],
];

/// A generated report paragraph with figures, a date, a place, a person and a glossary term.
fn report(rng: &mut Lcg) -> Triple {
    let day = 1 + rng.below(28);
    let month = rng.below(12);
    let year = 2019 + rng.below(7);
    let [m_en, m_uk, m_ru] = MONTHS[month];
    let [w_en, w_uk, w_ru] = *rng.pick(&WEEKDAYS);
    let [c_en, c_uk, c_ru] = *rng.pick(&CITIES);
    let [o_en, o_uk, o_ru] = *rng.pick(&OFFICIALS);
    let injured = 5 + 10 * rng.below(40);
    let thousands = 2 + rng.below(90);
    let tenths = rng.below(10);
    let percent = format!("{}.{}", 1 + rng.below(60), rng.below(10));
    let percent_uk = percent.replace('.', ",");
    let hryvnias = 1000 * (10 + rng.below(900));
    let hryvnias_en = group(hryvnias, ",");
    let hryvnias_uk = group(hryvnias, "\u{a0}");
    match rng.below(3) {
        0 => Triple {
            en: format!(
                "On {w_en}, {day} {m_en} {year}, {injured} people were injured in {c_en}, regional governor {o_en} said. Repairs will cost UAH {hryvnias_en}."
            ),
            uk: format!(
                "У {w_uk}, {day} {m_uk} {year} року, у {c_uk} постраждали {injured} людей, повідомив голова ОВА {o_uk}. Ремонт коштуватиме {hryvnias_uk} грн."
            ),
            ru: format!(
                "В {w_ru}, {day} {m_ru} {year} года, в {c_ru} пострадали {injured} человек, сообщил глава ОВА {o_ru}. Ремонт обойдется в {hryvnias_uk} грн."
            ),
        },
        1 => Triple {
            en: format!(
                "Exports rose by {percent}% in {m_en} {year} to ${thousands}.{tenths} billion, the National Bank of Ukraine reported."
            ),
            uk: format!(
                "У {} {year} року експорт зріс на {percent_uk}% до {thousands},{tenths} млрд доларів, повідомив Національний банк України.",
                month_locative_uk(month)
            ),
            ru: format!(
                "В {} {year} года экспорт вырос на {percent_uk}% до {thousands},{tenths} млрд долларов, сообщил Национальный банк Украины.",
                month_locative_ru(month)
            ),
        },
        _ => Triple {
            en: format!(
                "{o_en} said that about {thousands} thousand residents of {c_en} still had no electricity on {day} {m_en}."
            ),
            uk: format!(
                "{o_uk} заявив, що {day} {m_uk} близько {thousands} тисяч мешканців у {c_uk} досі залишалися без світла."
            ),
            ru: format!(
                "{o_ru} заявил, что {day} {m_ru} около {thousands} тысяч жителей в {c_ru} все еще оставались без света."
            ),
        },
    }
}

fn month_locative_uk(month: usize) -> &'static str {
    [
        "січні",
        "лютому",
        "березні",
        "квітні",
        "травні",
        "червні",
        "липні",
        "серпні",
        "вересні",
        "жовтні",
        "листопаді",
        "грудні",
    ][month % 12]
}

fn month_locative_ru(month: usize) -> &'static str {
    [
        "январе",
        "феврале",
        "марте",
        "апреле",
        "мае",
        "июне",
        "июле",
        "августе",
        "сентябре",
        "октябре",
        "ноябре",
        "декабре",
    ][month % 12]
}

/// Digits in groups of three with `separator` ("10,000", "10 000").
fn group(value: usize, separator: &str) -> String {
    let digits = value.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(c);
    }
    out
}

fn text_mut<'a>(triple: &'a mut Triple, lang: &str) -> &'a mut String {
    match lang {
        "en" => &mut triple.en,
        "uk" => &mut triple.uk,
        _ => &mut triple.ru,
    }
}

/// One seeded mistake in one language; returns what was done.
fn plant(rng: &mut Lcg, paragraphs: &mut [Triple]) -> Option<String> {
    let langs = ["en", "uk", "ru"];
    let lang = *rng.pick(&langs);
    let target = rng.below(paragraphs.len());
    match rng.below(3) {
        0 => {
            // A figure changed: the first digit run gets one more.
            let paragraph = paragraphs.get_mut(target)?;
            let slot = text_mut(paragraph, lang);
            let at = slot.find(|c: char| c.is_ascii_digit())?;
            let digit = slot[at..].chars().next()?;
            let changed = if digit == '9' {
                '8'
            } else {
                (digit as u8 + 1) as char
            };
            slot.replace_range(at..at + 1, &changed.to_string());
            Some(format!("number\t{lang}\tparagraph {}", target + 1))
        }
        1 if paragraphs.len() > 3 => {
            // A paragraph dropped from one language (empty paragraphs are not written).
            let paragraph = paragraphs.get_mut(target)?;
            let slot = text_mut(paragraph, lang);
            slot.clear();
            Some(format!("missing\t{lang}\tparagraph {}", target + 1))
        }
        _ => {
            // A wrong month.
            let paragraph = paragraphs.get_mut(target)?;
            let column = match lang {
                "en" => 0,
                "uk" => 1,
                _ => 2,
            };
            let slot = text_mut(paragraph, lang);
            for (i, forms) in MONTHS.iter().enumerate() {
                let form = forms[column];
                if let Some(at) = slot.find(form) {
                    let other = MONTHS[(i + 1) % 12][column];
                    slot.replace_range(at..at + form.len(), other);
                    return Some(format!("date\t{lang}\tparagraph {}", target + 1));
                }
            }
            None
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(count), Some(dir)) = (
        args.first().and_then(|n| n.parse::<usize>().ok()),
        args.get(1).map(PathBuf::from),
    ) else {
        eprintln!("usage: gen_corpus N DIR [SEED]");
        std::process::exit(2);
    };
    let seed: u64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(2024);
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut pool = real_paragraphs(&data.join("eval"));
    pool.extend(real_paragraphs(&data.join("ntrex128/docs")));
    if pool.is_empty() {
        eprintln!("no source paragraphs under {}", data.display());
        std::process::exit(2);
    }
    let mut rng = Lcg(seed);
    let mut mistakes = String::from("article\tcheck\tlanguage\twhere\n");
    let mut bytes = 0usize;
    for index in 0..count {
        let length = 3 + rng.below(20) + if rng.below(10) == 0 { 37 } else { 0 };
        let mut paragraphs: Vec<Triple> = Vec::with_capacity(length);
        let start = rng.below(pool.len());
        for i in 0..length {
            if rng.below(3) == 0 {
                paragraphs.push(report(&mut rng));
            } else {
                paragraphs.push(pool[(start + i) % pool.len()].clone());
            }
        }
        let name = format!("{index:06}");
        if rng.below(8) == 0 {
            if let Some(what) = plant(&mut rng, &mut paragraphs) {
                let _ = writeln!(mistakes, "{name}\t{what}");
            }
        }
        let folder = dir.join(&name);
        if let Err(e) = fs::create_dir_all(&folder) {
            eprintln!("{}: {e}", folder.display());
            std::process::exit(2);
        }
        for (lang, pick) in [
            ("en", (|t: &Triple| t.en.clone()) as fn(&Triple) -> String),
            ("uk", |t: &Triple| t.uk.clone()),
            ("ru", |t: &Triple| t.ru.clone()),
        ] {
            let text: Vec<String> = paragraphs
                .iter()
                .map(pick)
                .filter(|p| !p.is_empty())
                .collect();
            let text = text.join("\n\n") + "\n";
            bytes += text.len();
            let path = folder.join(format!("{lang}.txt"));
            if let Err(e) = fs::write(&path, text) {
                eprintln!("{}: {e}", path.display());
                std::process::exit(2);
            }
        }
    }
    if let Err(e) = fs::write(dir.join("MISTAKES.tsv"), mistakes) {
        eprintln!("{}: {e}", dir.display());
        std::process::exit(2);
    }
    println!(
        "{count} articles, {:.1} MB of text, in {}",
        bytes as f64 / 1e6,
        dir.display()
    );
}
