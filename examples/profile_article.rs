//! Checks one article many times, for profilers: `cargo run --release --example
//! profile_article -- samples/north-korean-troops-errors 200`.

use concord::article::{check_documents, CheckOptions};
use concord::input::{self, discover};
use std::path::PathBuf;

// The allocator the `concord` binary uses.
#[global_allocator]
static ALLOCATOR: concord::allocator::Mimalloc = concord::allocator::Mimalloc;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = PathBuf::from(
        args.first()
            .map_or("samples/north-korean-troops-errors", |s| s),
    );
    let rounds: usize = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(100);
    // As `concord check` runs: with the built-in glossary (terms, names, bans).
    let options = CheckOptions {
        glossary: concord::glossary::default_glossary(),
        ..CheckOptions::default()
    };
    let documents = discover::article_in_folder(&dir)
        .and_then(|source| input::load(&source, &options.read))
        .unwrap_or_else(|e| {
            eprintln!("{e}");
            std::process::exit(2)
        });
    let started = std::time::Instant::now();
    let mut findings = 0;
    for _ in 0..rounds {
        findings += check_documents(dir.clone(), documents.clone(), &options)
            .findings
            .len();
    }
    let each = started.elapsed() / rounds as u32;
    println!("{rounds} rounds, {findings} findings, {each:?} per article");
}
