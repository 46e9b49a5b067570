//! Parses and indexes a synthetic 10,000-entry glossary, for profilers:
//! `cargo run --release --example profile_glossary -- 10000 5` (entries, rounds). The entries
//! are the ones `benches/glossary.rs` loads.

use concord::glossary;
use std::path::Path;

#[global_allocator]
static ALLOCATOR: concord::allocator::Mimalloc = concord::allocator::Mimalloc;

const LATIN: [char; 19] = [
    'b', 'c', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 't', 'v', 'z', 'x', 'j', 'q', 'w',
];
const CYRILLIC: [char; 20] = [
    'б', 'в', 'г', 'д', 'ж', 'з', 'к', 'л', 'м', 'н', 'п', 'р', 'с', 'т', 'ф', 'х', 'ш', 'щ', 'ч',
    'ц',
];

fn word(index: usize, alphabet: &[char]) -> String {
    let mut n = index;
    let mut word = String::new();
    loop {
        word.extend(alphabet.get(n % alphabet.len()));
        n /= alphabet.len();
        if n == 0 {
            break;
        }
    }
    word
}

fn toml_of(count: usize) -> String {
    let mut source = String::with_capacity(count * 80);
    for i in 0..count {
        source.push_str("[[term]]\n");
        source.push_str(&format!("en = \"{} policy\"\n", word(i, &LATIN)));
        source.push_str(&format!("uk = \"{}ана ставка\"\n", word(i, &CYRILLIC)));
        source.push_str(&format!("ru = \"{}ая ставка\"\n\n", word(i, &CYRILLIC)));
    }
    source
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let count: usize = args.first().and_then(|n| n.parse().ok()).unwrap_or(10_000);
    let rounds: usize = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(5);
    let source = toml_of(count);
    let started = std::time::Instant::now();
    for _ in 0..rounds {
        if let Err(e) = glossary::parse_str(&source, Path::new("big.toml")) {
            eprintln!("{e}");
            std::process::exit(2);
        }
    }
    println!(
        "{:?} per load of {count} entries",
        started.elapsed() / rounds as u32
    );
}
