//! The dynamic program over all documents at once, in a band around the diagonal.
//!
//! Cells are positions `(i, j, k)`: paragraphs consumed in each document. The longest document
//! is dimension 0 and drives the search; for every `i` the other documents are limited to
//! `center ± w` where the center is proportional (`i · n_d / n_0`). Costs of three slices of
//! `i` are kept (a bead steps back at most 2); one byte of backpointer is kept per cell, so a
//! 5,000-paragraph document with w = 4 needs 5,001 · 9² ≈ 0.4 MB.
//!
//! When the best path touches the edge of the band, the band may have cut off a better path
//! (a run of dropped paragraphs pushes the path off the diagonal), so the search is repeated
//! with a doubled width, up to a memory budget.

use super::cost::{self, Bead, PAIRS};
use super::interned::{InternedAnchors, SpanAnchors};
use super::{Group, ParagraphFeatures};
use std::sync::OnceLock;

/// The first band half-width. Translations stay close to the diagonal; a path that reaches the
/// band's edge is searched again in a band twice as wide, so this only sets the cost of the
/// common case. Measured on the sample article and the generated 100-article corpus (reports
/// identical for every width tried): 2 costs 4.01 M instructions per article and 0.59 G for
/// the corpus, against 4.48 M and 0.64 G for 4 (81 cells per slice rather than 25) and 4.34 M
/// and 0.58 G for 1, whose band the sample's merged paragraphs reach, so it is searched twice.
const INITIAL_HALF_WIDTH: usize = 2;
/// The most cells (one byte of backpointer each) a search may use.
const MAX_CELLS: usize = 48_000_000;

const NO_BEAD: u8 = u8::MAX;

/// Bounds on the expected length ratio between two versions (and its inverse).
const MIN_LENGTH_RATIO: f64 = 2.0 / 3.0;

/// Aligns two or three documents (the caller checks the count).
pub fn align(docs: &[Vec<ParagraphFeatures>]) -> Vec<Group> {
    // Dimension d of the search is document order[d]; the longest document first.
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by_key(|&d| std::cmp::Reverse(docs.get(d).map_or(0, Vec::len)));
    let empty: &[ParagraphFeatures] = &[];
    let dims: [&[ParagraphFeatures]; 3] = [0, 1, 2].map(|d| {
        order
            .get(d)
            .and_then(|&doc| docs.get(doc))
            .map_or(empty, Vec::as_slice)
    });
    let problem = Problem::new(dims, docs.len());
    let Some(path) = problem.solve() else {
        return positional(docs);
    };
    path.into_iter()
        .map(|(end, step)| {
            let mut members = vec![Vec::new(); docs.len()];
            for (d, &doc) in order.iter().enumerate() {
                if let (Some(slot), Some(&end), Some(&step)) =
                    (members.get_mut(doc), end.get(d), step.get(d))
                {
                    *slot = (end - step..end).collect();
                }
            }
            Group { members }
        })
        .collect()
}

/// Paragraph i with paragraph i: the answer when nothing better can be computed.
pub fn positional(docs: &[Vec<ParagraphFeatures>]) -> Vec<Group> {
    let longest = docs.iter().map(Vec::len).max().unwrap_or(0);
    (0..longest)
        .map(|i| Group {
            members: docs
                .iter()
                .map(|d| if i < d.len() { vec![i] } else { vec![] })
                .collect(),
        })
        .collect()
}

struct Problem {
    sizes: [usize; 3],
    beads: &'static [Bead],
    bead_groups: &'static BeadGroups,
    anchors: InternedAnchors,
    /// Characters of the first x paragraphs, per dimension, for x = 0..=size.
    chars_before: [Vec<usize>; 3],
    /// Square root of the expected length ratio of the second to the first document of each
    /// pair.
    length_scales: [f64; 3],
}

/// The band for one half-width.
#[derive(Clone, Copy)]
struct Band {
    sizes: [usize; 3],
    half_width: usize,
}

impl Band {
    /// Inclusive range of positions of dimension `d` (1 or 2) searched at position `i` of
    /// dimension 0.
    fn range(&self, d: usize, i: usize) -> (usize, usize) {
        let longest = self.sizes[0];
        let size = self.sizes.get(d).copied().unwrap_or(0);
        if longest == 0 {
            return (0, 0);
        }
        let center = (i * size + longest / 2) / longest;
        (
            center.saturating_sub(self.half_width),
            (center + self.half_width).min(size),
        )
    }

    fn slice(&self, i: usize) -> Slice {
        let (lo1, hi1) = self.range(1, i);
        let (lo2, hi2) = self.range(2, i);
        Slice {
            lo: [lo1, lo2],
            hi: [hi1, hi2],
            start: 0,
        }
    }

    fn cells(&self) -> usize {
        (0..=self.sizes[0]).map(|i| self.slice(i).len()).sum()
    }
}

/// The searched cells at one position of dimension 0.
#[derive(Clone, Copy)]
struct Slice {
    lo: [usize; 2],
    hi: [usize; 2],
    /// Index of the first cell in the backpointer array.
    start: usize,
}

impl Slice {
    fn width(&self) -> usize {
        self.hi[1] - self.lo[1] + 1
    }
    fn len(&self) -> usize {
        (self.hi[0] - self.lo[0] + 1) * self.width()
    }
    /// Index of cell (j, k) within the slice, if it is in the band.
    fn index(&self, j: usize, k: usize) -> Option<usize> {
        let inside =
            (self.lo[0]..=self.hi[0]).contains(&j) && (self.lo[1]..=self.hi[1]).contains(&k);
        inside.then(|| (j - self.lo[0]) * self.width() + (k - self.lo[1]))
    }
    /// True when (j, k) lies on an edge of the band that is not an edge of the documents.
    fn on_inner_edge(&self, j: usize, k: usize, sizes: &[usize; 3]) -> bool {
        [(j, 0), (k, 1)].iter().any(|&(pos, d)| {
            (pos == self.lo[d] && self.lo[d] > 0)
                || (pos == self.hi[d] && self.hi[d] < sizes[d + 1])
        })
    }
}

/// Pairwise costs (length + anchors) for one pair of dimensions, for every pair of end
/// positions the search can meet, and the four combinations of 1 or 2 paragraphs per side.
struct PairTable {
    /// Per position x of the first dimension: the positions y of the second dimension
    /// stored, and where its row starts.
    rows: Vec<RowExtent>,
    /// One table per combination `(a − 1)·2 + (b − 1)` of a and b paragraphs, so that a
    /// bead reads consecutive ends y from one slice.
    costs: [Vec<f32>; 4],
}

/// The positions y stored for one position x, and where they start in the tables.
#[derive(Clone, Copy)]
struct RowExtent {
    lo: usize,
    hi: usize,
    start: usize,
}

impl PairTable {
    /// Costs of `combination` for ends (x, y), y in `ys`; `None` where not stored.
    fn row(&self, x: usize, ys: (usize, usize), combination: usize) -> Option<&[f32]> {
        let start = self.row_start(x, ys)?;
        self.costs
            .get(combination)?
            .get(start..=start + (ys.1 - ys.0))
    }

    /// Where the costs of ends (x, ys.0) are in every combination's table, when all of
    /// (x, y) for y in `ys` are stored.
    #[inline]
    fn row_start(&self, x: usize, ys: (usize, usize)) -> Option<usize> {
        let &RowExtent { lo, hi, start } = self.rows.get(x)?;
        if ys.0 < lo || ys.1 > hi || ys.0 > ys.1 {
            return None;
        }
        Some(start + (ys.0 - lo))
    }
}

/// Index of the pair table entry for a and b (1 or 2) paragraphs.
fn combination(a: usize, b: usize) -> usize {
    (a.max(1) - 1) * 2 + (b.max(1) - 1)
}

/// One side of a comparison: the length and anchors of one or two paragraphs.
type Side<'a> = (usize, SpanAnchors<'a>);

/// The spans of one dimension with their lengths converted to a pair's common unit.
fn in_common_unit<'a>(
    spans: &[[Option<Side<'a>>; 2]],
    convert: impl Fn(f64) -> f64,
) -> Vec<[Option<(f64, SpanAnchors<'a>)>; 2]> {
    spans
        .iter()
        .map(|ends| ends.map(|span| span.map(|(chars, anchors)| (convert(chars as f64), anchors))))
        .collect()
}

/// The path as (end position, bead step) from the start of the documents.
type Path = Vec<([usize; 3], [usize; 3])>;

/// The cost of reaching a cell by one bead, adding the pairs the bead compares (`COMPARES[n]`
/// for pair n); the order of the additions is part of the model, since ties between paths
/// are broken by bead order.
#[inline(always)]
fn bead_total<const COMPARES_01: bool, const COMPARES_02: bool, const COMPARES_12: bool>(
    previous: f32,
    bead: &Bead,
    pair_costs: [f32; 3],
) -> f32 {
    let [weight_01, weight_02, weight_12] = bead.pair_weight;
    let mut total = previous + bead.prior;
    if COMPARES_01 {
        total += weight_01 * pair_costs[0];
    }
    if COMPARES_02 {
        total += weight_02 * pair_costs[1];
    }
    if COMPARES_12 {
        total += weight_12 * pair_costs[2];
    }
    total
}

/// Keeps the cheaper of the cell's best so far and a candidate; on equal cost the bead that
/// comes first in the bead list wins, and an unreachable cell keeps no bead. When the cell has
/// seen only beads before this one in the list (`IN_BEAD_ORDER`), an equal cost loses.
#[inline(always)]
fn keep_cheaper<const IN_BEAD_ORDER: bool>(
    cost: &mut f32,
    backpointer: &mut u8,
    total: f32,
    bead: u8,
) {
    let wins = match IN_BEAD_ORDER {
        true => total < *cost,
        false => total < *cost || (total == *cost && bead < *backpointer && total < f32::INFINITY),
    };
    if wins {
        *cost = total;
        *backpointer = bead;
    }
}

/// One bead relaxing a block of cells of one slice: rows `rows` (positions of dimension 1)
/// and in each the positions `ks` of dimension 2.
struct BlockRelaxation<'r> {
    bead: &'r Bead,
    bead_index: u8,
    rows: (usize, usize),
    ks: (usize, usize),
    /// Index of the block's first cell in its slice, and of that cell's predecessor in the
    /// predecessors' slice; each advances by its slice's width from row to row.
    first_cell: usize,
    cell_stride: usize,
    first_predecessor: usize,
    predecessor_stride: usize,
    /// Pair 01 costs per row and pair 02 costs per position k, when the bead compares them.
    costs_01: &'r [f32],
    costs_02: &'r [f32],
    /// Pair 12 costs, one table row per block row, read at `combination_12`.
    table_12: &'r PairTable,
    combination_12: usize,
    /// Stand-in costs for pairs the bead does not compare, at least as long as a row.
    zeros: &'r [f32],
}

impl BlockRelaxation<'_> {
    fn apply<const IN_BEAD_ORDER: bool>(
        &self,
        previous: &[f32],
        costs: &mut [f32],
        backpointers: &mut [u8],
    ) {
        let compares = self.bead.pair_weight.map(|weight| weight > 0.0);
        // One loop per combination of compared pairs, so that the loop does no more
        // arithmetic than the bead needs.
        macro_rules! dispatch {
            ($([$x:literal, $y:literal, $z:literal]),*) => {
                match compares {
                    $([$x, $y, $z] => self.apply_comparing::<$x, $y, $z, IN_BEAD_ORDER>(
                        previous,
                        costs,
                        backpointers,
                    ),)*
                }
            };
        }
        dispatch!(
            [false, false, false],
            [true, false, false],
            [false, true, false],
            [false, false, true],
            [true, true, false],
            [true, false, true],
            [false, true, true],
            [true, true, true]
        );
    }

    #[inline(always)]
    fn apply_comparing<
        const COMPARES_01: bool,
        const COMPARES_02: bool,
        const COMPARES_12: bool,
        const IN_BEAD_ORDER: bool,
    >(
        &self,
        previous: &[f32],
        costs: &mut [f32],
        backpointers: &mut [u8],
    ) {
        let run = self.ks.1 - self.ks.0 + 1;
        let costs_02 = if COMPARES_02 {
            self.costs_02
        } else {
            self.zeros
        };
        for (n, j) in (self.rows.0..=self.rows.1).enumerate() {
            let cost_01 = match (COMPARES_01, self.costs_01.get(n)) {
                (false, _) => 0.0,
                (true, Some(&cost)) => cost,
                (true, None) => continue,
            };
            let costs_12 = match COMPARES_12 {
                false => self.zeros,
                true => match self.table_12.row(j, self.ks, self.combination_12) {
                    Some(row) => row,
                    None => continue,
                },
            };
            let cell = self.first_cell + n * self.cell_stride;
            let predecessor = self.first_predecessor + n * self.predecessor_stride;
            let (Some(previous), Some(costs), Some(backpointers)) = (
                previous.get(predecessor..predecessor + run),
                costs.get_mut(cell..cell + run),
                backpointers.get_mut(cell..cell + run),
            ) else {
                continue;
            };
            let cells = costs
                .iter_mut()
                .zip(backpointers.iter_mut())
                .zip(previous.iter().zip(costs_02.iter().zip(costs_12)));
            for ((cost, backpointer), (&previous, (&cost_02, &cost_12))) in cells {
                let total = bead_total::<COMPARES_01, COMPARES_02, COMPARES_12>(
                    previous,
                    self.bead,
                    [cost_01, cost_02, cost_12],
                );
                keep_cheaper::<IN_BEAD_ORDER>(cost, backpointer, total, self.bead_index);
            }
        }
    }
}

/// A bead from an earlier row of the same slice relaxing one row: `previous` holds the
/// predecessors of the row's cells from the bead's first position k on, and `costs_12` their
/// pair 12 costs (read only when the bead compares that pair). The caller checks that the
/// bead compares no other pair, as none that consumes no paragraph of dimension 0 does.
#[inline(always)]
fn relax_from_earlier_row(
    bead: &Bead,
    bead_index: u8,
    previous: &[f32],
    row: &mut [f32],
    row_backpointers: &mut [u8],
    costs_12: &[f32],
) {
    macro_rules! relax {
        ($compares_12:literal) => {
            let cells = row
                .iter_mut()
                .zip(row_backpointers.iter_mut())
                .zip(previous.iter().zip(costs_12));
            for ((cost, backpointer), (&previous, &cost_12)) in cells {
                let total =
                    bead_total::<false, false, $compares_12>(previous, bead, [0.0, 0.0, cost_12]);
                keep_cheaper::<false>(cost, backpointer, total, bead_index);
            }
        };
    }
    match bead.pair_weight[2] > 0.0 {
        true => {
            relax!(true);
        }
        false => {
            relax!(false);
        }
    }
}

/// The bead types of two or three documents and the order a slice takes them in; the same for
/// every alignment, so made once per process.
struct BeadModel {
    beads: Vec<Bead>,
    groups: BeadGroups,
}

impl BeadModel {
    /// The model for `documents` (2 or 3; other counts are clamped).
    fn of(documents: usize) -> &'static BeadModel {
        static MODELS: [OnceLock<BeadModel>; 2] = [OnceLock::new(), OnceLock::new()];
        let documents = documents.clamp(2, 3);
        let build = || {
            let beads = cost::beads(documents);
            BeadModel {
                groups: BeadGroups::new(&beads),
                beads,
            }
        };
        match &MODELS {
            [two, three] => match documents {
                2 => two.get_or_init(build),
                _ => three.get_or_init(build),
            },
        }
    }
}

/// The beads in the order a slice is filled, as indices into the bead list.
#[derive(Default)]
struct BeadGroups {
    /// Beads that consume a paragraph of dimension 0: they come from earlier slices.
    from_earlier_slices: Vec<u8>,
    /// Beads that consume paragraphs of dimension 1 (and maybe 2) only: from earlier rows.
    from_earlier_rows: Vec<u8>,
    /// Beads that consume paragraphs of dimension 2 only: from earlier cells of the row. Kept
    /// with how many paragraphs they consume and their prior, since the row is relaxed cell
    /// by cell and such a bead compares no pair.
    along_the_row: Vec<DroppedParagraphs>,
}

/// A bead of [`BeadGroups::along_the_row`]: its index, paragraphs consumed, prior.
#[derive(Clone, Copy)]
struct DroppedParagraphs {
    bead_index: u8,
    count: usize,
    prior: f32,
}

impl BeadGroups {
    fn new(beads: &[Bead]) -> Self {
        let mut groups = BeadGroups::default();
        for (index, bead) in beads.iter().enumerate() {
            let group = match bead.step {
                [0, 0, count] => {
                    groups.along_the_row.push(DroppedParagraphs {
                        bead_index: index as u8,
                        count,
                        prior: bead.prior,
                    });
                    continue;
                }
                [0, _, _] => &mut groups.from_earlier_rows,
                _ => &mut groups.from_earlier_slices,
            };
            group.push(index as u8);
        }
        groups
    }
}

impl Problem {
    fn new(docs: [&[ParagraphFeatures]; 3], documents: usize) -> Self {
        let sizes = docs.map(<[ParagraphFeatures]>::len);
        let anchors = InternedAnchors::new(&docs);
        let chars_before = docs.map(|doc| {
            let mut before = Vec::with_capacity(doc.len() + 1);
            let mut sum = 0usize;
            before.push(sum);
            for paragraph in doc {
                sum += paragraph.chars;
                before.push(sum);
            }
            before
        });
        let totals = chars_before
            .each_ref()
            .map(|b| b.last().copied().unwrap_or(0));
        // The totals tell how much longer one language writes only when both versions have
        // about the same paragraphs; otherwise one lacks paragraphs and the ratio says nothing.
        // Translations between these languages differ in length by well under half.
        let length_scales = PAIRS.map(|(p, q)| {
            let (fewer, more) = (sizes[p].min(sizes[q]), sizes[p].max(sizes[q]));
            let comparable = more * 4 <= fewer * 5;
            let ratio = if totals[p] == 0 || totals[q] == 0 || !comparable {
                1.0
            } else {
                (totals[q] as f64 / totals[p] as f64)
                    .clamp(MIN_LENGTH_RATIO, 1.0 / MIN_LENGTH_RATIO)
            };
            ratio.sqrt()
        });
        let BeadModel { beads, groups } = BeadModel::of(documents);
        Problem {
            sizes,
            bead_groups: groups,
            beads,
            anchors,
            chars_before,
            length_scales,
        }
    }

    /// The cheapest path, widening the band while the path runs along its edge.
    fn solve(&self) -> Option<Path> {
        if self.sizes.iter().all(|&n| n == 0) {
            return Some(Vec::new());
        }
        let longest = self.sizes[0];
        let mut half_width = INITIAL_HALF_WIDTH.min(longest).max(1);
        // Very long documents: narrow the first band until it fits the budget (w ≥ 1 keeps
        // every band cell reachable).
        while half_width > 1 && self.band(half_width).cells() > MAX_CELLS {
            half_width /= 2;
        }
        loop {
            let (path, touched_edge) = self.search(self.band(half_width))?;
            let wider = (half_width * 2).min(longest);
            if !touched_edge || half_width >= longest || self.band(wider).cells() > MAX_CELLS {
                return Some(path);
            }
            half_width = wider;
        }
    }

    fn band(&self, half_width: usize) -> Band {
        Band {
            sizes: self.sizes,
            half_width,
        }
    }

    /// Pairwise cost table for the pair `(p, q)` of dimensions, over the ends the band meets.
    fn pair_table(
        &self,
        pair: usize,
        slices: &[Slice],
        sides: &[Vec<[Option<Side>; 2]>; 3],
    ) -> PairTable {
        let (p, q) = PAIRS[pair];
        let rows = self.sizes[p] + 1;
        let mut row_lo = vec![usize::MAX; rows];
        let mut row_hi = vec![0usize; rows];
        for (i, slice) in slices.iter().enumerate() {
            let range_of = |d: usize| -> (usize, usize) {
                if d == 0 {
                    (i, i)
                } else {
                    (slice.lo[d - 1], slice.hi[d - 1])
                }
            };
            let (x_lo, x_hi) = range_of(p);
            let (y_lo, y_hi) = range_of(q);
            for x in x_lo..=x_hi {
                if let (Some(lo), Some(hi)) = (row_lo.get_mut(x), row_hi.get_mut(x)) {
                    *lo = (*lo).min(y_lo);
                    *hi = (*hi).max(y_hi);
                }
            }
        }
        let entries: usize = row_lo
            .iter()
            .zip(&row_hi)
            .map(|(&lo, &hi)| (hi + 1).saturating_sub(lo))
            .sum();
        let mut row_start = Vec::with_capacity(rows);
        let mut costs: [Vec<f32>; 4] = std::array::from_fn(|_| Vec::with_capacity(entries));
        // Every span's length in the pair's common unit, converted once rather than per entry.
        let scale = self.length_scales[pair];
        let firsts = in_common_unit(&sides[p], |chars| chars * scale);
        let seconds = in_common_unit(&sides[q], |chars| chars / scale);
        for ((&lo, &hi), [first_one, first_two]) in row_lo.iter().zip(&row_hi).zip(&firsts) {
            row_start.push(costs[0].len());
            if lo > hi {
                continue;
            }
            for [second_one, second_two] in seconds.get(lo..=hi).unwrap_or_default() {
                // In the order of `combination`: (1, 1), (1, 2), (2, 1), (2, 2) paragraphs;
                // by reference, since a side is a few words long and most are compared once.
                let combinations = [
                    (first_one, second_one),
                    (first_one, second_two),
                    (first_two, second_one),
                    (first_two, second_two),
                ];
                for (table, spans) in costs.iter_mut().zip(combinations) {
                    table.push(match spans {
                        (Some(first), Some(second)) => self.compare_in_common_unit(*first, *second),
                        _ => f32::INFINITY,
                    });
                }
            }
        }
        PairTable {
            rows: row_lo
                .iter()
                .zip(&row_hi)
                .zip(row_start)
                .map(|((&lo, &hi), start)| RowExtent { lo, hi, start })
                .collect(),
            costs,
        }
    }

    /// The spans of one and two paragraphs ending at each position of each dimension.
    fn sides(&self) -> [Vec<[Option<Side<'_>>; 2]>; 3] {
        [0, 1, 2].map(|d| {
            (0..=self.sizes[d])
                .map(|end| [1, 2].map(|count| self.span(d, end, count)))
                .collect()
        })
    }

    /// The length and anchors of the `count` paragraphs of dimension `d` ending at `end`.
    fn span(&self, d: usize, end: usize, count: usize) -> Option<Side<'_>> {
        let before = self.chars_before.get(d)?;
        let chars = before.get(end)? - before.get(end.checked_sub(count)?)?;
        Some((chars, self.anchors.anchors_of(d, end, count)?))
    }

    /// Length and anchor cost of two spans of the dimensions of `pair`.
    #[cfg(test)]
    fn compare(
        &self,
        pair: usize,
        (first_chars, first_anchors): Side,
        (second_chars, second_anchors): Side,
    ) -> f32 {
        let scale = self.length_scales[pair];
        self.compare_in_common_unit(
            (first_chars as f64 * scale, first_anchors),
            (second_chars as f64 / scale, second_anchors),
        )
    }

    /// Length and anchor cost of two spans whose lengths are in their pair's common unit
    /// (see [`cost::length_cost_in_common_unit`]).
    #[inline]
    fn compare_in_common_unit(
        &self,
        (first_length, first_anchors): (f64, SpanAnchors),
        (second_length, second_anchors): (f64, SpanAnchors),
    ) -> f32 {
        cost::length_cost_in_common_unit(first_length, second_length)
            + self.anchors.compare(first_anchors, second_anchors)
    }

    /// Length and anchor cost of paragraphs `x − a .. x` of dimension p against `y − b .. y`
    /// of dimension q.
    #[cfg(test)]
    fn side_cost(&self, pair: usize, x: usize, a: usize, y: usize, b: usize) -> Option<f32> {
        let (p, q) = PAIRS[pair];
        Some(self.compare(pair, self.span(p, x, a)?, self.span(q, y, b)?))
    }

    /// One banded search: the cheapest path and whether it touches an inner band edge.
    ///
    /// Each slice is filled bead by bead along rows rather than cell by cell, so that the
    /// inner loop runs over consecutive cells with a fixed bead: first the beads that come
    /// from earlier slices, then, row by row, those from earlier rows of this slice, then
    /// those from earlier cells of the same row. The winner of a cell does not depend on that
    /// order (see [`keep_cheaper`]).
    fn search(&self, band: Band) -> Option<(Path, bool)> {
        let longest = self.sizes[0];
        let mut slices: Vec<Slice> = Vec::with_capacity(longest + 1);
        let mut total = 0;
        for i in 0..=longest {
            let mut slice = band.slice(i);
            slice.start = total;
            total += slice.len();
            slices.push(slice);
        }
        let sides = self.sides();
        let tables = [0, 1, 2].map(|pair| self.pair_table(pair, &slices, &sides));
        let widest = slices.iter().map(Slice::width).max().unwrap_or(0);
        let zeros = vec![0.0f32; widest];
        let mut backpointers = vec![NO_BEAD; total];
        let mut costs: [Vec<f32>; 3] = Default::default();

        for (i, slice) in slices.iter().enumerate() {
            let mut current = std::mem::take(&mut costs[i % 3]);
            current.clear();
            current.resize(slice.len(), f32::INFINITY);
            let slice_backpointers =
                backpointers.get_mut(slice.start..slice.start + slice.len())?;
            if i == 0 {
                // Every band starts at the origin, which no bead reaches.
                if let Some(origin) = current.first_mut() {
                    *origin = 0.0;
                }
            }
            let width = slice.width();
            for &bead_index in &self.bead_groups.from_earlier_slices {
                let Some(bead) = self.beads.get(usize::from(bead_index)) else {
                    continue;
                };
                let [a, b, c] = bead.step;
                if a > i {
                    continue;
                }
                let (Some(from), Some(previous)) = (slices.get(i - a), costs.get((i - a) % 3))
                else {
                    continue;
                };
                let ks = (
                    slice.lo[1].max(from.lo[1] + c),
                    slice.hi[1].min(from.hi[1] + c),
                );
                let rows = (
                    slice.lo[0].max(from.lo[0] + b),
                    slice.hi[0].min(from.hi[0] + b),
                );
                if ks.0 > ks.1 || rows.0 > rows.1 {
                    continue;
                }
                let (Some(costs_01), Some(costs_02)) = (
                    match b {
                        0 => Some(&[][..]),
                        _ => tables[0].row(i, rows, combination(a, b)),
                    },
                    match c {
                        0 => Some(&[][..]),
                        _ => tables[1].row(i, ks, combination(a, c)),
                    },
                ) else {
                    continue;
                };
                BlockRelaxation {
                    bead,
                    bead_index,
                    rows,
                    ks,
                    first_cell: (rows.0 - slice.lo[0]) * width + (ks.0 - slice.lo[1]),
                    cell_stride: width,
                    first_predecessor: (rows.0 - b - from.lo[0]) * from.width()
                        + (ks.0 - c - from.lo[1]),
                    predecessor_stride: from.width(),
                    costs_01,
                    costs_02,
                    table_12: &tables[2],
                    combination_12: combination(b, c),
                    zeros: &zeros,
                }
                // Beads from earlier slices come first, in bead order.
                .apply::<true>(previous, &mut current, slice_backpointers);
            }
            for j in slice.lo[0]..=slice.hi[0] {
                let row_start = (j - slice.lo[0]) * width;
                let (done, row_and_after) = current.split_at_mut(row_start);
                let (_, row_backpointers) = slice_backpointers.split_at_mut(row_start);
                let row = row_and_after.get_mut(..width)?;
                let row_backpointers = row_backpointers.get_mut(..width)?;
                // The pair 12 costs of the whole row, per combination, looked up once for all
                // the beads of the row (each reads them from its first position k on).
                let row_start_12 = tables[2].row_start(j, (slice.lo[1], slice.hi[1]));
                for &bead_index in &self.bead_groups.from_earlier_rows {
                    let Some(bead) = self.beads.get(usize::from(bead_index)) else {
                        continue;
                    };
                    let [_, b, c] = bead.step;
                    if j < slice.lo[0] + b || slice.lo[1] + c > slice.hi[1] {
                        continue;
                    }
                    let first_predecessor = (j - b - slice.lo[0]) * width;
                    let costs_12 = row_start_12.and_then(|start| {
                        tables[2]
                            .costs
                            .get(combination(b, c))?
                            .get(start + c..start + width)
                    });
                    let compares_only_12 = bead.pair_weight[0] <= 0.0 && bead.pair_weight[1] <= 0.0;
                    if let (
                        true,
                        Some(costs_12),
                        Some(previous),
                        Some(row),
                        Some(row_backpointers),
                    ) = (
                        compares_only_12,
                        costs_12,
                        done.get(first_predecessor..first_predecessor + (width - c)),
                        row.get_mut(c..),
                        row_backpointers.get_mut(c..),
                    ) {
                        relax_from_earlier_row(
                            bead,
                            bead_index,
                            previous,
                            row,
                            row_backpointers,
                            costs_12,
                        );
                        continue;
                    }
                    // Not reached: the pair table holds every row the band meets whole, and
                    // beads of earlier rows compare pair 12 only; kept as the general case.
                    BlockRelaxation {
                        bead,
                        bead_index,
                        rows: (j, j),
                        ks: (slice.lo[1] + c, slice.hi[1]),
                        first_cell: c,
                        cell_stride: width,
                        first_predecessor: (j - b - slice.lo[0]) * width,
                        predecessor_stride: width,
                        costs_01: &[],
                        costs_02: &[],
                        table_12: &tables[2],
                        combination_12: combination(b, c),
                        zeros: &zeros,
                    }
                    .apply::<false>(done, row, row_backpointers);
                }
                // Dropped paragraphs of the last dimension alone: each cell depends on the
                // cells just before it in the row. Such a bead compares no pair.
                for k in 1..width {
                    for dropped in &self.bead_groups.along_the_row {
                        let Some(&previous) = k.checked_sub(dropped.count).and_then(|p| row.get(p))
                        else {
                            continue;
                        };
                        if let (Some(cost), Some(backpointer)) =
                            (row.get_mut(k), row_backpointers.get_mut(k))
                        {
                            // `bead_total` of a bead that compares no pair.
                            let total = previous + dropped.prior;
                            keep_cheaper::<false>(cost, backpointer, total, dropped.bead_index);
                        }
                    }
                }
            }
            costs[i % 3] = current;
        }
        self.trace_back(&slices, &backpointers)
    }

    fn trace_back(&self, slices: &[Slice], backpointers: &[u8]) -> Option<(Path, bool)> {
        let mut position = self.sizes;
        let mut path = Vec::new();
        let mut touched_edge = false;
        while position != [0, 0, 0] {
            let slice = slices.get(position[0])?;
            touched_edge |= slice.on_inner_edge(position[1], position[2], &self.sizes);
            let cell = slice.index(position[1], position[2])?;
            let bead = self
                .beads
                .get(usize::from(*backpointers.get(slice.start + cell)?))?;
            let mut previous = position;
            for (p, s) in previous.iter_mut().zip(bead.step) {
                *p = p.checked_sub(s)?;
            }
            path.push((position, bead.step));
            position = previous;
        }
        path.reverse();
        Some((path, touched_edge))
    }
}

/// The cost of a given alignment under the model, for diagnosing choices in tests.
#[cfg(test)]
pub fn cost_of(docs: &[Vec<ParagraphFeatures>], groups: &[Group]) -> Vec<f32> {
    let problem = Problem::new(
        [0, 1, 2].map(|d| docs.get(d).map_or(&[][..], Vec::as_slice)),
        docs.len(),
    );
    let mut position = [0usize; 3];
    groups
        .iter()
        .map(|g| {
            let mut step = [0usize; 3];
            for (d, m) in g.members.iter().enumerate() {
                step[d] = m.len();
                position[d] += m.len();
            }
            let Some(bead) = problem.beads.iter().find(|b| b.step == step) else {
                return f32::NAN;
            };
            let mut total = bead.prior;
            for (pair, &(p, q)) in PAIRS.iter().enumerate() {
                if bead.pair_weight[pair] > 0.0 {
                    total += bead.pair_weight[pair]
                        * problem
                            .side_cost(pair, position[p], step[p], position[q], step[q])
                            .unwrap_or(f32::NAN);
                }
            }
            total
        })
        .collect()
}
