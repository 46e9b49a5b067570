//! Aligning a synthetic 5,000-paragraph article in three languages (target: well under a
//! second in release). The document is generated deterministically: source lengths of 40–640
//! characters, per-language length ratios with ±10 % noise, a number anchor on a third of the
//! paragraphs, and about 2 % drops and 2 % merges spread through the text.

use concord::alignment::{align, Anchor, ParagraphFeatures};
use criterion::{criterion_group, criterion_main, Criterion};

// The allocator the `concord` binary uses.
#[global_allocator]
static ALLOCATOR: concord::allocator::Mimalloc = concord::allocator::Mimalloc;

struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn noise(&mut self) -> f64 {
        0.9 + self.below(200) as f64 / 1000.0
    }
}

fn synthetic_article(paragraphs: usize) -> Vec<Vec<ParagraphFeatures>> {
    let ratios = [1.0, 1.08, 1.12];
    let mut rng = Lcg(2024);
    let mut docs: Vec<Vec<ParagraphFeatures>> = vec![Vec::new(); 3];
    let mut i = 0;
    while i < paragraphs {
        let source = 40.0 + rng.below(600) as f64;
        let anchors = if rng.below(3) == 0 {
            vec![Anchor::parse(&format!("fact:{}", rng.below(100_000)))]
        } else {
            Vec::new()
        };
        let event = rng.below(100);
        let dropped_in = (event < 2).then(|| rng.below(3) as usize);
        let merged_in = (2..4).contains(&event).then(|| rng.below(3) as usize);
        let next = 40.0 + rng.below(600) as f64;
        for (d, doc) in docs.iter_mut().enumerate() {
            if dropped_in == Some(d) {
                continue;
            }
            let chars = (source * ratios[d] * rng.noise()) as usize;
            if merged_in.is_some() {
                let following = (next * ratios[d] * rng.noise()) as usize;
                if merged_in == Some(d) {
                    doc.push(ParagraphFeatures {
                        chars: chars + following + 1,
                        anchors: anchors.clone(),
                    });
                } else {
                    doc.push(ParagraphFeatures {
                        chars,
                        anchors: anchors.clone(),
                    });
                    doc.push(ParagraphFeatures {
                        chars: following,
                        anchors: Vec::new(),
                    });
                }
            } else {
                doc.push(ParagraphFeatures {
                    chars,
                    anchors: anchors.clone(),
                });
            }
        }
        i += if merged_in.is_some() { 2 } else { 1 };
    }
    docs
}

fn bench_alignment(c: &mut Criterion) {
    let docs = synthetic_article(5_000);
    let mut group = c.benchmark_group("alignment");
    group.sample_size(10);
    group.bench_function("5000 paragraphs x 3 languages", |b| b.iter(|| align(&docs)));
    group.finish();
}

criterion_group!(benches, bench_alignment);
criterion_main!(benches);
