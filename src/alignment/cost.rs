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

use super::anchors::AnchorKind;
use super::interned::{AnchorId, Pairing};

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
    scaled_length_cost(first, second, ratio.sqrt())
}

/// [`length_cost`] with the square root of the ratio given, for callers that compare many
/// lengths under one ratio.
pub fn scaled_length_cost(first: usize, second: usize, scale: f64) -> f32 {
    length_cost_in_common_unit(first as f64 * scale, second as f64 / scale)
}

/// [`length_cost`] of two lengths already in the common unit (`first · √ratio` and
/// `second / √ratio`), so that a caller comparing every pair of many spans converts each
/// span once.
#[inline]
pub fn length_cost_in_common_unit(first: f64, second: f64) -> f32 {
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
pub(super) const fn anchor_weights(kind: AnchorKind) -> (f32, f32) {
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
pub(super) const SHARED_BONUS_CAP: f32 = 4.5;
pub(super) const MISSING_PENALTY_CAP: f32 = 3.0;

/// Bonus for shared anchors (negative) plus penalty for anchors only one side has.
///
/// The search calls this for every pair of ends it considers, so it is one merge of the two
/// sorted lists without allocation. Only names can still meet after the exact pass (a short
/// name against a longer form it starts); those that can are kept aside on the stack.
pub fn anchor_cost(first: &[AnchorId], second: &[AnchorId]) -> f32 {
    // Shared bonuses are summed in id order: float addition is not associative, and the
    // alignment must not depend on how this loop is written.
    let mut shared = 0.0f32;
    let mut left = Leftovers::default();
    let (mut rest_first, mut rest_second) = (first, second);
    loop {
        match (rest_first.split_first(), rest_second.split_first()) {
            (Some((x, after_x)), Some((y, after_y))) => {
                if x.id == y.id {
                    shared += anchor_weights(x.kind).0.min(anchor_weights(y.kind).0);
                    (rest_first, rest_second) = (after_x, after_y);
                } else if x.id < y.id {
                    left.add(x, 0);
                    rest_first = after_x;
                } else {
                    left.add(y, 1);
                    rest_second = after_y;
                }
            }
            (Some(_), None) => {
                rest_first.iter().for_each(|x| left.add(x, 0));
                break;
            }
            (None, Some(_)) => {
                rest_second.iter().for_each(|y| left.add(y, 1));
                break;
            }
            (None, None) => break,
        }
    }
    let matched = if left.tangled {
        match_short_names(first, second)
    } else {
        left.short_name_pairs()
    };
    total_anchor_cost(shared, left.missing, matched, left.names)
}

/// The anchor cost from the bonus of exactly shared anchors (summed in id order), the penalty
/// of unmatched anchors other than names, how many short names met a longer form, and how
/// many names of each side found no exact partner.
pub(super) fn total_anchor_cost(
    shared: f32,
    missing: f32,
    short_name_pairs: usize,
    unmatched_names: [usize; 2],
) -> f32 {
    let still_unmatched = unmatched_names.map(|names| names.saturating_sub(short_name_pairs));
    capped_penalty(missing, still_unmatched) - capped_bonus(shared, short_name_pairs)
}

/// The bonus of shared anchors with that of the short names that met a longer form, capped.
#[inline(always)]
pub(super) fn capped_bonus(mut shared: f32, short_name_pairs: usize) -> f32 {
    for _ in 0..short_name_pairs {
        shared += anchor_weights(AnchorKind::Name).0;
    }
    shared.min(SHARED_BONUS_CAP)
}

/// The penalty of unmatched anchors other than names (`missing`) with that of the names of
/// each side that met nothing, capped.
fn capped_penalty(mut missing: f32, unmatched_names: [usize; 2]) -> f32 {
    // One side's unmatched names are added one by one and the other side's as one sum, as the
    // pairing pass once did with its lists: the float sums, and so the alignments, stay the
    // same.
    // Penalties are not negative and rounding is monotonic, so once a sum reaches the cap the
    // capped total is the cap: the additions stop there.
    let name_penalty = anchor_weights(AnchorKind::Name).1;
    for _ in 0..unmatched_names[0] {
        if missing >= MISSING_PENALTY_CAP {
            break;
        }
        missing += name_penalty;
    }
    let mut second_penalty = 0.0f32;
    for _ in 0..unmatched_names[1] {
        if missing >= MISSING_PENALTY_CAP || second_penalty >= MISSING_PENALTY_CAP {
            break;
        }
        second_penalty += name_penalty;
    }
    missing += second_penalty;
    missing.min(MISSING_PENALTY_CAP)
}

/// The penalty a missing anchor other than a name costs, when quotes and strong facts cost
/// the same and weak facts nothing; then the penalty of a pair of spans depends only on how
/// many such anchors and how many names are unmatched, and can be looked up.
pub(super) const UNIFORM_PENALTY: Option<f32> = {
    let (quote, fact, weak_fact) = (
        anchor_weights(AnchorKind::Quote).1,
        anchor_weights(AnchorKind::Fact).1,
        anchor_weights(AnchorKind::WeakFact).1,
    );
    if quote == fact && weak_fact == 0.0 {
        Some(fact)
    } else {
        None
    }
};

/// Counts of missing anchors past which the capped penalty no longer changes: the sums stop
/// at [`MISSING_PENALTY_CAP`] after ⌈3.0 / 0.8⌉ anchors and ⌈3.0 / 0.5⌉ names (a test checks
/// the table against the sums for larger counts).
const FACT_COUNTS: usize = 5;
const NAME_COUNTS: usize = 7;

/// [`capped_penalty`] for every count of uniformly penalized anchors (summed one by one, as
/// the lists are) and of unmatched names per side, up to the counts past which it is constant.
#[derive(Debug)]
pub(super) struct PenaltyTable {
    capped: [[[f32; NAME_COUNTS]; NAME_COUNTS]; FACT_COUNTS],
}

impl PenaltyTable {
    /// The table, built once per process; `None` when penalties are not uniform.
    pub(super) fn get() -> Option<&'static PenaltyTable> {
        static TABLE: std::sync::OnceLock<Option<PenaltyTable>> = std::sync::OnceLock::new();
        TABLE
            .get_or_init(|| {
                let penalty = UNIFORM_PENALTY?;
                let mut capped = [[[0.0; NAME_COUNTS]; NAME_COUNTS]; FACT_COUNTS];
                for (facts, by_names) in capped.iter_mut().enumerate() {
                    let missing = repeated_sum(penalty, facts as u32, MISSING_PENALTY_CAP);
                    for (first, row) in by_names.iter_mut().enumerate() {
                        for (second, entry) in row.iter_mut().enumerate() {
                            *entry = capped_penalty(missing, [first, second]);
                        }
                    }
                }
                Some(PenaltyTable { capped })
            })
            .as_ref()
    }

    /// The capped penalty of `missing_anchors` uniformly penalized anchors and of the
    /// unmatched names of each side.
    #[inline(always)]
    pub(super) fn capped(&self, missing_anchors: u32, unmatched_names: [usize; 2]) -> f32 {
        let facts = (missing_anchors as usize).min(FACT_COUNTS - 1);
        let [first, second] = unmatched_names.map(|names| names.min(NAME_COUNTS - 1));
        self.capped
            .get(facts)
            .and_then(|by_names| by_names.get(first))
            .and_then(|row| row.get(second))
            .copied()
            .unwrap_or(MISSING_PENALTY_CAP)
    }
}

/// `value` (≥ 0) added `times` times to 0, one addition at a time; the additions stop once
/// the sum reaches `cap`, since the caller adds only non-negative values after it and then
/// caps the total at `cap`: rounding is monotonic, so the capped result is the same.
pub(super) fn repeated_sum(value: f32, times: u32, cap: f32) -> f32 {
    let mut sum = 0.0f32;
    for _ in 0..times {
        if sum >= cap {
            break;
        }
        sum += value;
    }
    sum
}

/// What the exact pass of [`anchor_cost`] leaves unmatched, per side (0 first, 1 second).
#[derive(Default)]
struct Leftovers {
    /// Penalty of the anchors other than names, in id order.
    missing: f32,
    /// How many names found no exact partner.
    names: [usize; 2],
    /// Those of them that may still meet one of the other side, as stem · 2 + short; a pair
    /// of paragraphs rarely has more than one or two.
    pairable: [[u32; 4]; 2],
    pairable_len: [usize; 2],
    /// True when the pairs must be found by replaying the pairing pass.
    tangled: bool,
}

impl Leftovers {
    #[inline(always)]
    fn add(&mut self, anchor: &AnchorId, side: usize) {
        if anchor.kind != AnchorKind::Name {
            self.missing += anchor_weights(anchor.kind).1;
            return;
        }
        if let Some(count) = self.names.get_mut(side) {
            *count += 1;
        }
        match anchor.pairing {
            Pairing::Alone => {}
            Pairing::Pairable => {
                let (Some(names), Some(len)) =
                    (self.pairable.get_mut(side), self.pairable_len.get_mut(side))
                else {
                    return;
                };
                match (names.get_mut(*len), anchor.stem.checked_mul(2)) {
                    (Some(slot), Some(stem)) => {
                        *slot = stem | u32::from(anchor.short);
                        *len += 1;
                    }
                    _ => self.tangled = true,
                }
            }
            Pairing::Tangled => self.tangled = true,
        }
    }

    /// How many short names meet a longer form on the other side. A stem of pairable names
    /// has one short name, so the other side holds only longer forms of it, and the short
    /// name meets one of them.
    fn short_name_pairs(&self) -> usize {
        let side = |s: usize| {
            let len = self.pairable_len.get(s).copied().unwrap_or(0);
            self.pairable
                .get(s)
                .and_then(|names| names.get(..len))
                .unwrap_or_default()
        };
        let (first, second) = (side(0), side(1));
        let meets = |names: &[u32], other: &[u32]| {
            names
                .iter()
                .filter(|&&name| name & 1 == 1 && other.iter().any(|&o| o >> 1 == name >> 1))
                .count()
        };
        meets(first, second) + meets(second, first)
    }
}

/// Short names against the longer forms they start, each used once, in order: how many pairs
/// meet.
fn match_short_names(first: &[AnchorId], second: &[AnchorId]) -> usize {
    let only_in = |side: &[AnchorId], other: &[AnchorId]| -> Vec<AnchorId> {
        side.iter()
            .filter(|a| a.kind == AnchorKind::Name)
            .filter(|a| other.binary_search_by_key(&a.id, |o| o.id).is_err())
            .copied()
            .collect()
    };
    let names_first = only_in(first, second);
    let mut names_second = only_in(second, first);
    let mut matched = 0;
    for x in &names_first {
        if let Some(found) = names_second.iter().position(|y| x.matches(y)) {
            names_second.swap_remove(found);
            matched += 1;
        }
    }
    matched
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
    fn the_penalty_table_gives_the_capped_sums_for_any_counts() {
        let (Some(table), Some(penalty)) = (PenaltyTable::get(), UNIFORM_PENALTY) else {
            panic!("quotes and facts cost the same when missing, weak facts nothing");
        };
        let name_penalty = anchor_weights(AnchorKind::Name).1;
        for facts in 0..20u32 {
            for first in 0..20 {
                for second in 0..20 {
                    // Every addition made, in the order the lists make them, then capped.
                    let mut missing = 0.0f32;
                    for _ in 0..facts {
                        missing += penalty;
                    }
                    for _ in 0..first {
                        missing += name_penalty;
                    }
                    let mut second_penalty = 0.0f32;
                    for _ in 0..second {
                        second_penalty += name_penalty;
                    }
                    missing += second_penalty;
                    let expected = missing.min(MISSING_PENALTY_CAP);
                    assert_eq!(
                        table.capped(facts, [first, second]).to_bits(),
                        expected.to_bits(),
                        "{facts} anchors, {first} and {second} names"
                    );
                }
            }
        }
        assert_eq!(table.capped(1, [1, 0]), 0.8 + 0.5);
        assert_eq!(table.capped(30, [0, 0]), MISSING_PENALTY_CAP);
    }

    #[test]
    fn shared_anchors_lower_the_cost_and_are_capped() {
        let a = |id: u32, kind: AnchorKind| AnchorId {
            id,
            kind,
            stem: id,
            short: false,
            pairing: Pairing::Alone,
        };
        let first = [a(1, AnchorKind::Fact), a(2, AnchorKind::Name)];
        let second = [a(1, AnchorKind::WeakFact), a(2, AnchorKind::Name)];
        assert!((anchor_cost(&first, &second) + 2.5).abs() < 1e-6);
        let many: Vec<AnchorId> = (0..20).map(|i| a(i, AnchorKind::Fact)).collect();
        assert_eq!(anchor_cost(&many, &many), -SHARED_BONUS_CAP);
        assert_eq!(anchor_cost(&many, &[]), MISSING_PENALTY_CAP);
        assert_eq!(anchor_cost(&[], &[]), 0.0);
    }
}
