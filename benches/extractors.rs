//! Each extractor on one long paragraph (the whole seed story joined into one paragraph, about
//! 5,000 characters in Ukrainian and Russian), per language: tokenizing, numbers, dates,
//! names, language identification, alignment anchors and glossary matching. Throughput is
//! reported in bytes of text per second.

use concord::alignment::anchors;
use concord::facts::{self, dates, language, names, numbers, tokens};
use concord::glossary;
use concord::Lang;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

// The allocator the `concord` binary uses.
#[global_allocator]
static ALLOCATOR: concord::allocator::Mimalloc = concord::allocator::Mimalloc;

const SAMPLES: [(Lang, &str); 3] = [
    (
        Lang::En,
        include_str!("../samples/north-korean-troops/en.txt"),
    ),
    (
        Lang::Uk,
        include_str!("../samples/north-korean-troops/uk.txt"),
    ),
    (
        Lang::Ru,
        include_str!("../samples/north-korean-troops/ru.txt"),
    ),
];

/// The sample's paragraphs joined into one.
fn long_paragraph(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn extractors(c: &mut Criterion) {
    let glossary = glossary::default_glossary();
    for (lang, sample) in SAMPLES {
        let text = long_paragraph(sample);
        let facts_found = facts::extract(&text, lang);
        let mut group = c.benchmark_group(format!("extract {lang}"));
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function("tokenize", |b| {
            b.iter(|| tokens::tokenize(black_box(&text)))
        });
        group.bench_function("numbers", |b| {
            b.iter(|| numbers::extract(&tokens::tokenize(black_box(&text)), lang))
        });
        group.bench_function("dates", |b| {
            b.iter(|| dates::extract(&tokens::tokenize(black_box(&text)), lang))
        });
        group.bench_function("names", |b| {
            b.iter(|| names::analyze(black_box(&text), lang))
        });
        group.bench_function("language", |b| {
            b.iter(|| language::identify(black_box(&text)))
        });
        group.bench_function("anchors", |b| {
            b.iter(|| anchors::features(black_box(&text), lang, &facts_found))
        });
        group.bench_function("glossary", |b| {
            b.iter(|| glossary.find_all(lang, black_box(&text)))
        });
        group.finish();
    }
}

criterion_group!(benches, extractors);
criterion_main!(benches);
