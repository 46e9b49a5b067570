//! Glossary matching must not cost more with a bigger glossary: one long Ukrainian paragraph
//! matched against 10 and against 10,000 entries (the times should be about equal), and a
//! 10,000-entry glossary file parsed, validated and indexed (target: under 100 ms).

use concord::glossary::{self, Entry, Glossary};
use concord::Lang;
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use std::path::Path;

// The allocator the `concord` binary uses.
#[global_allocator]
static ALLOCATOR: concord::allocator::Mimalloc = concord::allocator::Mimalloc;

const SAMPLE_UK: &str = include_str!("../samples/north-korean-troops/uk.txt");

/// A made-up word for entry `index` from an alphabet, so that no two entries share forms.
fn word(index: usize, alphabet: &[char]) -> String {
    let mut n = index;
    let mut word = String::new();
    loop {
        word.push(alphabet[n % alphabet.len()]);
        n /= alphabet.len();
        if n == 0 {
            break;
        }
    }
    word
}

/// Consonants only, and no "s": no made-up word looks inflected to the stemmers.
const LATIN: [char; 19] = [
    'b', 'c', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 't', 'v', 'z', 'x', 'j', 'q', 'w',
];
const CYRILLIC: [char; 20] = [
    'б', 'в', 'г', 'д', 'ж', 'з', 'к', 'л', 'м', 'н', 'п', 'р', 'с', 'т', 'ф', 'х', 'ш', 'щ', 'ч',
    'ц',
];

/// The forms of synthetic entry `i`: two words per language ("bcd policy", "бвгана ставка").
fn synthetic(i: usize) -> [(Lang, String); 3] {
    [
        (Lang::En, format!("{} policy", word(i, &LATIN))),
        (Lang::Uk, format!("{}ана ставка", word(i, &CYRILLIC))),
        (Lang::Ru, format!("{}ая ставка", word(i, &CYRILLIC))),
    ]
}

/// The default glossary's first entries topped up with synthetic ones to `count`.
fn glossary_of(count: usize) -> Glossary {
    let default = glossary::default_glossary();
    let mut entries: Vec<Entry> = default.entries().iter().take(count).cloned().collect();
    let mut i = 0;
    while entries.len() < count {
        entries.push(Entry {
            forms: synthetic(i)
                .into_iter()
                .map(|(lang, form)| (lang, vec![form]))
                .collect(),
            note: None,
        });
        i += 1;
    }
    Glossary::new(entries, default.bans().to_vec())
}

fn toml_of(count: usize) -> String {
    let mut source = String::with_capacity(count * 80);
    for i in 0..count {
        source.push_str("[[term]]\n");
        for (lang, form) in synthetic(i) {
            source.push_str(&format!("{lang} = \"{form}\"\n"));
        }
        source.push('\n');
    }
    source
}

fn matching(c: &mut Criterion) {
    let words: Vec<&str> = SAMPLE_UK.split_whitespace().collect();
    let paragraph = words.repeat(5).join(" ");
    let length = words.len() * 5;
    for count in [10, 10_000] {
        let glossary = glossary_of(count);
        c.bench_function(
            &format!("find_terms, {length}-word paragraph, {count} entries"),
            |b| b.iter(|| glossary.find_terms(Lang::Uk, black_box(&paragraph))),
        );
    }
}

fn loading(c: &mut Criterion) {
    let source = toml_of(10_000);
    c.bench_function("parse and index a 10,000-entry glossary", |b| {
        b.iter(|| glossary::parse_str(black_box(&source), Path::new("big.toml")))
    });
}

criterion_group!(benches, matching, loading);
criterion_main!(benches);
