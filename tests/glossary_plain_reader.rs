//! Plain glossary TOML is read by concord's own reader and anything else by the `toml` crate
//! (see `src/glossary/simple_toml.rs`): both must give the same entries, bans and problems,
//! on the same lines.

use concord::glossary::{self, Problem};
use concord::Lang;
use std::path::Path;

/// A glossary with a mistake of every kind, written in plain TOML.
const PLAIN: &str = r#"# Newsroom glossary
[[term]]
en = "Kyiv"
uk = "Київ"
de = "Kiew"
ua = "Київ"

[[term]]
en = ["", "Lviv", "   "]
uk = []
ru = "Львов"
note = "city"

[[term]]
en = "Kyiv"  # again
uk = "Київ"
ru = "Киев"

[[term]]
en = "Kyiv"
uk = "Кийв"
ru = ["Киев", "Kiev"]

[[term]]
note = "nothing"

[[term]]
EN = "Odesa"
comment = "port"
en-GB = "Odessa"

[[forbidden]]
lang = "xx"
text = "foo"
exact = "yes"

[[forbidden]]
text = "Kiev"

[[forbidden]]
lang = "en"
text = ["Kyiv", "Kiev", "kiev's"]
use = "Kyiv"
bogus = "1"

[[forbidden]]
lang = "en"
text = "Kiev"
exact = true

[[forbidden]]
lang = "ru"

[[thing]]
a = "b"

[[term]]
uk = "Міністерство оборони"
ru = "Министерство обороны"
en = "Ministry of Defense"

[[term]]
uk = "міністерство оборони"
en = "Defense Ministry"
note = "the ministry's own spelling"
"#;

/// The same file with one `\u` escape, which only the `toml` crate reads: the text it stands
/// for is the same.
fn crate_read() -> String {
    PLAIN.replace(
        "note = \"the ministry's own spelling\"",
        "note = \"the ministry\\u0027s own spelling\"",
    )
}

fn listing(problems: &[Problem]) -> Vec<String> {
    problems.iter().map(ToString::to_string).collect()
}

#[test]
fn both_readers_report_the_same_problems_on_the_same_lines() {
    let plain = glossary::validate_str(PLAIN, Path::new("g.toml"));
    let crate_read = glossary::validate_str(&crate_read(), Path::new("g.toml"));
    assert_eq!(listing(&plain), listing(&crate_read));
    let lines: Vec<usize> = plain.iter().map(|p| p.line).collect();
    assert_eq!(
        lines,
        [4, 5, 9, 9, 10, 14, 19, 19, 24, 27, 29, 30, 33, 35, 37, 40, 44, 46, 51, 54, 62]
    );
}

#[test]
fn both_readers_give_the_same_entries_and_matches() {
    let source = r#"[[term]]
en = ["National Bank of Ukraine", "NBU"]
uk = ["Національний банк України", 'НБУ']
ru = "Национальный банк Украины"
note = "central bank"

[[term]]
en = "key policy rate"
uk = "облікова ставка"
ru = "учетная ставка"

[[forbidden]]
lang = "ru"
text = "на Украине"
use = "в Украине"
"#;
    let escaped = source.replace("central bank", "central\\u0020bank");
    let plain = glossary::parse_str(source, Path::new("g.toml"));
    let crate_read = glossary::parse_str(&escaped, Path::new("g.toml"));
    let (Ok(plain), Ok(crate_read)) = (plain, crate_read) else {
        panic!("both glossaries should load");
    };
    assert_eq!(plain.entries(), crate_read.entries());
    assert_eq!(plain.bans(), crate_read.bans());
    let text = "НБУ знизив облікову ставку до 13%, повідомив Національний банк України.";
    let found = |g: &glossary::Glossary| -> Vec<(usize, String)> {
        let terms = g.find_terms(Lang::Uk, text).into_iter();
        terms.map(|m| (m.entry, m.text)).collect()
    };
    assert_eq!(
        found(&plain),
        [
            (0, "НБУ".to_string()),
            (1, "облікову ставку".to_string()),
            (0, "Національний банк України".to_string())
        ]
    );
    assert_eq!(found(&plain), found(&crate_read));
    let bans = plain.find_bans(Lang::Ru, "Выборы на Украине прошли спокойно.");
    assert_eq!(bans.len(), 1);
}
