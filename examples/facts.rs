//! Prints the facts concord extracts from a text: `cargo run --example facts -- uk "текст"`.

use concord::facts;
use concord::Lang;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(lang), Some(text)) = (args.first().and_then(|c| Lang::from_code(c)), args.get(1))
    else {
        eprintln!("usage: facts LANG TEXT");
        std::process::exit(2);
    };
    let text = concord::paragraphs::normalize::normalize_str(text);
    for fact in facts::extract(&text, lang) {
        let weak = if fact.weak { " (weak)" } else { "" };
        println!(
            "{:?} {} ← «{}»{weak}",
            fact.kind(),
            fact.value.key(),
            fact.text
        );
    }
}
