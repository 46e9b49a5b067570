//! The cost of one bead (a group of 0, 1 or 2 paragraphs per language): lower is better.
//!
//! Cost = prior of the bead type + Σ over language pairs whose both sides are non-empty of
//! weight × (Gale–Church length cost + anchor cost).
//!
//! - Two documents: the Gale–Church priors (1-1 0.89; 1-0 and 0-1 0.0099 together; 2-1 and
//!   1-2 0.089 together; 2-2 0.011; 2-0 and 0-2 as two drops), cost −ln p, weight 1.
//! - Three documents: one event per bead, with Gale–Church's probability for that kind of
//!   event shared among its variants ([`triple_prior`]): 1-1-1 costs 0.12; one language
//!   missing a paragraph (1-1-0) or alone having one (1-0-0) 6.41; one language merging two
//!   paragraphs (2-2-1) or splitting one (1-1-2) 4.21; 2-2-2 8.78; two drops in one bead pay 4.27
//!   on top of two drops. When all three sides are
//!   non-empty each pair's length and anchor cost is weighed 2/3: three pairwise comparisons
//!   of three lengths carry two independent observations.

use super::anchors::{classify, AnchorKind, NAME_PREFIX};
use super::ParagraphFeatures;

/// Gale and Church's variance of the length of a translation per character of the source.
/// NTREX's professional uk/ru translations of English news measure 2.9–3.7 per segment; the
/// classic, wider value tolerates looser translations.
pub const VARIANCE_PER_CHAR: f64 = 6.8;

/// Gale and Church's bead probabilities: 1-1, a paragraph on one side only (1-0 and 0-1
/// together), one against two (2-1 and 1-2 together), two against two.
const ONE_ONE: f64 = 0.89;
const DROP: f64 = 0.0099;
const MERGE: f64 = 0.089;
const TWO_TWO: f64 = 0.011;

/// A group of two paragraphs that could as well be two groups of one is cheaper on length
/// (noise averages out) and anchors (pooled): Gale–Church price 2-2 at 0.011 against 0.89²
/// for two 1-1 beads. The same factor keeps two drops from pooling into one 2-0 bead.
const POOLING: f64 = TWO_TWO / (ONE_ONE * ONE_ONE);

/// The prior of a two-document bead with `a` and `b` paragraphs: Gale–Church, with 2-0 and
/// 0-2 as two drops that pool.
fn pair_prior(a: usize, b: usize) -> f64 {
    match (a, b) {
        (1, 1) => ONE_ONE,
        (1, 0) | (0, 1) => DROP / 2.0,
        (2, 1) | (1, 2) => MERGE / 2.0,
        (2, 2) => TWO_TWO,
        _ => (DROP / 2.0).powi(2) * POOLING,
    }
}

/// The prior of a three-document bead: one event in one language, with Gale–Church's
/// probability for that kind of event shared among its variants. A paragraph missing from one
/// language (1-1-0) or present in only one (1-0-0) is a drop: six variants share 0.0099. One
/// language merging two paragraphs (2-2-1) or splitting one (1-1-2) shares 0.089 among six.
/// A merge and a drop together multiply; two drops in one bead (2-2-0, 2-0-0) pay the pooling
/// factor on top, as do two crossings (2-2-2).
fn triple_prior(step: [usize; 3]) -> f64 {
    let drop = DROP / 6.0;
    let merge = MERGE / 6.0;
    let mut counts = step;
    counts.sort_unstable();
    match counts {
        [1, 1, 1] => ONE_ONE,
        [2, 2, 2] => TWO_TWO * POOLING,
        [0, 1, 1] | [0, 0, 1] => drop,
        [1, 1, 2] | [1, 2, 2] => merge,
        [0, 1, 2] => merge * drop,
        _ => drop * drop * POOLING,
    }
}

/// The three pairs of dimensions of a three-document bead.
pub const PAIRS: [(usize, usize); 3] = [(0, 1), (0, 2), (1, 2)];

/// One bead type: how many paragraphs each document contributes, its prior cost, and how
/// much each pair's comparison weighs (0 when a side is empty).
#[derive(Clone, Debug)]
pub struct Bead {
    pub step: [usize; 3],
    pub prior: f32,
    pub pair_weight: [f32; 3],
}

/// All bead types for `documents` (2 or 3) documents, cheapest first so that ties go to
/// the most ordinary bead.
pub fn beads(documents: usize) -> Vec<Bead> {
    let mut beads = Vec::new();
    for a in 0..=2 {
        for b in 0..=2 {
            for c in 0..=2 {
                let step = [a, b, c];
                if step == [0, 0, 0] || (documents == 2 && c != 0) {
                    continue;
                }
                let non_empty = step.iter().filter(|&&s| s > 0).count();
                let (prior, weight) = if documents == 2 {
                    (-pair_prior(a, b).ln(), 1.0)
                } else {
                    let weight = if non_empty == 3 { 2.0 / 3.0 } else { 1.0 };
                    (-triple_prior(step).ln(), weight)
                };
                let pair_weight = PAIRS.map(|(p, q)| {
                    if step[p] > 0 && step[q] > 0 {
                        weight
                    } else {
                        0.0
                    }
                });
                beads.push(Bead {
                    step,
                    prior: prior as f32,
                    pair_weight,
                });
            }
        }
    }
    beads.sort_by(|x, y| x.prior.total_cmp(&y.prior));
    beads
}

/// −ln P(|Z| ≥ |δ|) for a standard normal Z: Gale and Church's δ = (l₂ − c·l₁) / √(l₁·s²),
/// made symmetric by measuring both lengths in a common unit (l₁·√c and l₂/√c) and taking
/// the variance at their mean, so that the cost does not depend on which side comes first.
pub fn length_cost(first: usize, second: usize, ratio: f64) -> f32 {
    let scale = ratio.sqrt();
    let first = first as f64 * scale;
    let second = second as f64 / scale;
    let mean = ((first + second) / 2.0).max(1.0);
    let delta = (second - first) / (mean * VARIANCE_PER_CHAR).sqrt();
    neg_ln_erfc(delta.abs() / std::f64::consts::SQRT_2) as f32
}

/// −ln erfc(z) for z ≥ 0, computed in log space so that large z do not underflow
/// (Numerical Recipes' erfcc, fractional error below 1.2e-7).
fn neg_ln_erfc(z: f64) -> f64 {
    let t = 1.0 / (1.0 + 0.5 * z);
    let polynomial = -1.265_512_23
        + t * (1.000_023_68
            + t * (0.374_091_96
                + t * (0.096_784_18
                    + t * (-0.186_288_06
                        + t * (0.278_868_07
                            + t * (-1.135_203_98
                                + t * (1.488_515_87 + t * (-0.822_152_23 + t * 0.170_872_77))))))));
    -(t.ln() - z * z + polynomial)
}

/// How much one anchor weighs when both sides have it (a bonus) or only one side does (a
/// penalty): log-likelihood ratios measured on NTREX (123 articles, true partner vs. the
/// neighbouring paragraph). A name anchor of one language is found in the true translation
/// 54–81 % of the time and in the neighbour 9–14 % (≈ +1.8 shared, −0.9 missing); a
/// quotation 78–96 % vs 38–48 % (+0.7, −1.5, taken as −1.2: quote marks are sometimes
/// dropped in translation). Facts are rarer and surer than names.
fn anchor_weights(kind: AnchorKind) -> (f32, f32) {
    match kind {
        AnchorKind::Fact => (2.0, 0.8),
        AnchorKind::WeakFact => (0.7, 0.0),
        AnchorKind::Name => (1.8, 0.5),
        AnchorKind::Quote => (0.7, 0.8),
    }
}

/// Caps on the anchor bonus and penalty of one pair of sides. The bonus cap stays well below
/// the price of a detour (two drops, ≥ 10.6), so that anchors choose among plausible
/// alignments but coincidental anchors cannot pull paragraphs off a length-consistent path.
const SHARED_BONUS_CAP: f32 = 4.5;
const MISSING_PENALTY_CAP: f32 = 3.0;

/// An anchor interned for fast comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AnchorId {
    id: u32,
    kind: AnchorKind,
    /// For a name: the id of its first two skeleton symbols, and whether that is all of it.
    /// A two-symbol name ("Kim" → "km") also matches the three-symbol skeletons it starts:
    /// a Slavic case ending can add a consonant to a short stem ("Кімом" → "kmm").
    stem: u32,
    short: bool,
}

impl AnchorId {
    fn matches(&self, other: &AnchorId) -> bool {
        self.id == other.id
            || (self.kind == AnchorKind::Name
                && other.kind == AnchorKind::Name
                && self.stem == other.stem
                && (self.short || other.short))
    }
}

/// Interned anchors of every paragraph of every document, sorted by id.
pub fn intern(docs: &[&[ParagraphFeatures]]) -> Vec<Vec<Vec<AnchorId>>> {
    // Facts and names live in separate namespaces; stems in a third.
    let mut ids: crate::hashing::FastMap<(u8, &str), u32> = Default::default();
    let mut intern_key = |namespace: u8, key| -> u32 {
        let next = ids.len() as u32;
        *ids.entry((namespace, key)).or_insert(next)
    };
    docs.iter()
        .map(|doc| {
            doc.iter()
                .map(|paragraph| {
                    let mut anchors: Vec<AnchorId> = paragraph
                        .anchors
                        .iter()
                        .map(|anchor| {
                            let (kind, key) = classify(anchor);
                            match kind {
                                AnchorKind::Fact | AnchorKind::WeakFact => {
                                    let id = intern_key(0, key);
                                    AnchorId {
                                        id,
                                        kind,
                                        stem: id,
                                        short: false,
                                    }
                                }
                                AnchorKind::Name | AnchorKind::Quote => {
                                    let id = intern_key(1, key);
                                    let skeleton = key.strip_prefix(NAME_PREFIX).unwrap_or(key);
                                    let stem_end = skeleton
                                        .char_indices()
                                        .nth(2)
                                        .map_or(skeleton.len(), |(i, _)| i);
                                    let stem =
                                        intern_key(2, skeleton.get(..stem_end).unwrap_or(skeleton));
                                    let short = stem_end == skeleton.len();
                                    AnchorId {
                                        id,
                                        kind,
                                        stem,
                                        short,
                                    }
                                }
                            }
                        })
                        .collect();
                    sort_and_merge(&mut anchors);
                    anchors
                })
                .collect()
        })
        .collect()
}

/// Sorts by id and keeps one entry per id, the stronger one (a fact over a weak fact).
fn sort_and_merge(anchors: &mut Vec<AnchorId>) {
    anchors.sort_by_key(|a| (a.id, a.kind == AnchorKind::WeakFact));
    anchors.dedup_by_key(|a| a.id);
}

/// The anchors of several consecutive paragraphs together.
pub fn union(parts: &[Vec<AnchorId>]) -> Vec<AnchorId> {
    let mut all: Vec<AnchorId> = parts.iter().flatten().copied().collect();
    sort_and_merge(&mut all);
    all
}

/// Bonus for shared anchors (negative) plus penalty for anchors only one side has.
pub fn anchor_cost(first: &[AnchorId], second: &[AnchorId]) -> f32 {
    let mut shared = 0.0f32;
    let mut missing = 0.0f32;
    // Only names can still meet after the exact pass (a short name against a longer form it
    // starts); other unmatched anchors are missing at once. The search calls this for every
    // pair of paragraphs it considers, so nothing is allocated unless names are left over.
    let mut names_first: Vec<AnchorId> = Vec::new();
    let mut names_second: Vec<AnchorId> = Vec::new();
    let mut unmatched = |anchor: &AnchorId, names: &mut Vec<AnchorId>| {
        if anchor.kind == AnchorKind::Name {
            names.push(*anchor);
        } else {
            missing += anchor_weights(anchor.kind).1;
        }
    };
    let (mut i, mut j) = (0, 0);
    loop {
        match (first.get(i), second.get(j)) {
            (Some(x), Some(y)) if x.id == y.id => {
                shared += anchor_weights(x.kind).0.min(anchor_weights(y.kind).0);
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x.id < y.id => {
                unmatched(x, &mut names_first);
                i += 1;
            }
            (Some(_), Some(y)) | (None, Some(y)) => {
                unmatched(y, &mut names_second);
                j += 1;
            }
            (Some(x), None) => {
                unmatched(x, &mut names_first);
                i += 1;
            }
            (None, None) => break,
        }
    }
    // Short names against the longer forms they start, each used once.
    for x in &names_first {
        match names_second.iter().position(|y| x.matches(y)) {
            Some(found) => {
                names_second.swap_remove(found);
                shared += anchor_weights(x.kind).0;
            }
            None => missing += anchor_weights(x.kind).1,
        }
    }
    missing += names_second
        .iter()
        .map(|y| anchor_weights(y.kind).1)
        .sum::<f32>();
    missing.min(MISSING_PENALTY_CAP) - shared.min(SHARED_BONUS_CAP)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_cost_follows_gale_church() {
        assert!(length_cost(100, 100, 1.0) < 0.01);
        // δ = 1 → −ln(2(1 − Φ(1))) = −ln 0.3173 = 1.148; the variance is taken at the mean
        // length, so 100 against 100 + σ(113) where σ(l) = √(6.8·l).
        let cost = length_cost(100, 128, 1.0);
        assert!((cost - 1.148).abs() < 0.05, "{cost}");
        assert!((length_cost(100, 130, 1.2) - length_cost(130, 100, 1.0 / 1.2)).abs() < 1e-5);
        // Far apart stays finite and large, no underflow.
        let far = length_cost(10, 10_000, 1.0);
        assert!(far.is_finite() && far > 100.0, "{far}");
        assert!(length_cost(0, 0, 1.0).is_finite());
        // The expected ratio moves the optimum.
        assert!(length_cost(100, 120, 1.2) < length_cost(100, 100, 1.2));
    }

    #[test]
    fn three_document_priors() {
        let three = beads(3);
        assert_eq!(three.len(), 26);
        let prior = |step: [usize; 3]| {
            three
                .iter()
                .find(|b| b.step == step)
                .map(|b| b.prior)
                .unwrap_or(f32::NAN)
        };
        assert_eq!(three.first().map(|b| b.step), Some([1, 1, 1]));
        assert!((prior([1, 1, 1]) - 0.117).abs() < 0.01);
        assert!((prior([1, 1, 0]) - 6.41).abs() < 0.01);
        assert!((prior([0, 0, 1]) - 6.41).abs() < 0.01);
        assert!((prior([1, 1, 2]) - 4.21).abs() < 0.01);
        assert!((prior([2, 2, 1]) - 4.21).abs() < 0.01);
        assert!((prior([2, 2, 0]) - 2.0 * 6.41 - 4.27).abs() < 0.01);
        assert!(prior([1, 1, 2]) < prior([1, 1, 0]));
        assert_eq!(beads(2).len(), 8);
    }

    #[test]
    fn shared_anchors_lower_the_cost_and_are_capped() {
        let a = |id: u32, kind: AnchorKind| AnchorId {
            id,
            kind,
            stem: id,
            short: false,
        };
        let first = [a(1, AnchorKind::Fact), a(2, AnchorKind::Name)];
        let second = [a(1, AnchorKind::WeakFact), a(2, AnchorKind::Name)];
        assert!((anchor_cost(&first, &second) + 2.5).abs() < 1e-6);
        let many: Vec<AnchorId> = (0..20).map(|i| a(i, AnchorKind::Fact)).collect();
        assert_eq!(anchor_cost(&many, &many), -SHARED_BONUS_CAP);
        assert_eq!(anchor_cost(&many, &[]), MISSING_PENALTY_CAP);
        assert_eq!(anchor_cost(&[], &[]), 0.0);
    }

    #[test]
    fn a_short_name_matches_its_inflected_forms() {
        let features = |anchors: &[&str]| ParagraphFeatures {
            chars: 10,
            anchors: anchors.iter().map(|a| a.to_string()).collect(),
        };
        // "Kim" / "Кімом" / "Кимом" / "Kyiv" (kv) / "Kramer" (krm)
        let en = [features(&["name:km", "name:kv"])];
        let uk = [features(&["name:kmm", "name:krm"])];
        let interned = intern(&[&en, &uk]);
        let cost = anchor_cost(&interned[0][0], &interned[1][0]);
        // Kim meets Кімом; Kyiv and Kramer stay unmatched.
        assert!((cost - (2.0 * 0.5 - 1.8)).abs() < 1e-6, "{cost}");
    }
}
