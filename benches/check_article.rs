//! One trilingual article of about 16 paragraphs checked end to end, from decoded documents
//! to findings (target: under 1 ms), and the same including reading the files.

use concord::article::{check, check_documents, CheckOptions};
use concord::input::{self, discover};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use std::hint::black_box;
use std::path::Path;

// The allocator the `concord` binary uses.
#[global_allocator]
static ALLOCATOR: concord::allocator::Mimalloc = concord::allocator::Mimalloc;

fn check_one_article(c: &mut Criterion) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/north-korean-troops-errors");
    let source = match discover::article_in_folder(&dir) {
        Ok(source) => source,
        Err(e) => panic!("{e}"),
    };
    // As `concord check` runs: with the built-in glossary (terms, names, bans).
    let options = CheckOptions {
        glossary: concord::glossary::default_glossary(),
        ..CheckOptions::default()
    };
    let documents = match input::load(&source, &options.read) {
        Ok(documents) => documents,
        Err(e) => panic!("{e}"),
    };
    c.bench_function("check article (16 paragraphs, 3 languages)", |b| {
        // The copy of the documents is set-up, not work: `check_documents` takes them by value.
        // Dropping the checked article is work (an audit frees every article), so it is
        // timed: the routine returns only the number of findings.
        b.iter_batched(
            || (dir.clone(), documents.clone()),
            |(dir, documents)| {
                check_documents(dir, black_box(documents), &options)
                    .findings
                    .len()
            },
            BatchSize::SmallInput,
        )
    });
    c.bench_function("read and check article", |b| {
        b.iter(|| {
            check(black_box(&source), &options)
                .map(|article| article.findings.len())
                .ok()
        })
    });
}

criterion_group!(benches, check_one_article);
criterion_main!(benches);
