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

use super::cost::{self, AnchorId, Bead, PAIRS};
use super::{Group, ParagraphFeatures};

/// The first band half-width. Translations stay close to the diagonal; a path that reaches the
/// band's edge is searched again in a band twice as wide, so this only sets the cost of the
/// common case.
const INITIAL_HALF_WIDTH: usize = 4;
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

struct Problem<'a> {
    docs: [&'a [ParagraphFeatures]; 3],
    sizes: [usize; 3],
    beads: Vec<Bead>,
    /// Anchors of the paragraphs ending at position x, one paragraph (`[x][0]`) or two
    /// (`[x][1]`), per dimension.
    anchor_unions: [Vec<[Vec<AnchorId>; 2]>; 3],
    /// Expected length ratio of the second to the first document of each pair.
    ratios: [f64; 3],
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
    /// Per position x of the first dimension: first position y of the second dimension
    /// stored, and where its row starts in `cells`.
    row_lo: Vec<usize>,
    row_hi: Vec<usize>,
    row_start: Vec<usize>,
    cells: Vec<[f32; 4]>,
}

impl PairTable {
    /// Costs for ends (x, y); index `(a − 1)·2 + (b − 1)` for a and b paragraphs.
    fn get(&self, x: usize, y: usize) -> Option<&[f32; 4]> {
        let lo = *self.row_lo.get(x)?;
        let hi = *self.row_hi.get(x)?;
        if y < lo || y > hi {
            return None;
        }
        self.cells.get(self.row_start.get(x)? + (y - lo))
    }
}

/// The path as (end position, bead step) from the start of the documents.
type Path = Vec<([usize; 3], [usize; 3])>;

impl<'a> Problem<'a> {
    fn new(docs: [&'a [ParagraphFeatures]; 3], documents: usize) -> Self {
        let sizes = docs.map(<[ParagraphFeatures]>::len);
        let interned = cost::intern(&docs);
        let anchor_unions = [0, 1, 2].map(|d| {
            let paragraphs = interned.get(d).map_or(&[][..], Vec::as_slice);
            (0..=paragraphs.len())
                .map(|x| {
                    let one = paragraphs
                        .get(x.wrapping_sub(1))
                        .cloned()
                        .unwrap_or_default();
                    let two = match x.checked_sub(2).and_then(|s| paragraphs.get(s..x)) {
                        Some(both) => cost::union(both),
                        None => Vec::new(),
                    };
                    [one, two]
                })
                .collect()
        });
        let totals = docs.map(|doc| doc.iter().map(|p| p.chars).sum::<usize>());
        // The totals tell how much longer one language writes only when both versions have
        // about the same paragraphs; otherwise one lacks paragraphs and the ratio says nothing.
        // Translations between these languages differ in length by well under half.
        let ratios = PAIRS.map(|(p, q)| {
            let (fewer, more) = (sizes[p].min(sizes[q]), sizes[p].max(sizes[q]));
            let comparable = more * 4 <= fewer * 5;
            if totals[p] == 0 || totals[q] == 0 || !comparable {
                1.0
            } else {
                (totals[q] as f64 / totals[p] as f64)
                    .clamp(MIN_LENGTH_RATIO, 1.0 / MIN_LENGTH_RATIO)
            }
        });
        Problem {
            docs,
            sizes,
            beads: cost::beads(documents.clamp(2, 3)),
            anchor_unions,
            ratios,
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
    fn pair_table(&self, pair: usize, slices: &[Slice]) -> PairTable {
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
        let mut row_start = Vec::with_capacity(rows);
        let mut cells = Vec::new();
        for x in 0..rows {
            row_start.push(cells.len());
            let (lo, hi) = (row_lo[x], row_hi[x]);
            if lo > hi {
                continue;
            }
            for y in lo..=hi {
                let mut entry = [f32::INFINITY; 4];
                for a in 1..=2 {
                    for b in 1..=2 {
                        if let Some(c) = self.side_cost(pair, x, a, y, b) {
                            entry[(a - 1) * 2 + (b - 1)] = c;
                        }
                    }
                }
                cells.push(entry);
            }
        }
        PairTable {
            row_lo,
            row_hi,
            row_start,
            cells,
        }
    }

    /// Length and anchor cost of paragraphs `x − a .. x` of dimension p against `y − b .. y`
    /// of dimension q.
    fn side_cost(&self, pair: usize, x: usize, a: usize, y: usize, b: usize) -> Option<f32> {
        let (p, q) = PAIRS[pair];
        let length = |d: usize, end: usize, count: usize| -> Option<usize> {
            let paragraphs = self.docs[d].get(end.checked_sub(count)?..end)?;
            Some(paragraphs.iter().map(|p| p.chars).sum())
        };
        let first = length(p, x, a)?;
        let second = length(q, y, b)?;
        let anchors_first = self.anchor_unions[p].get(x)?.get(a - 1)?;
        let anchors_second = self.anchor_unions[q].get(y)?.get(b - 1)?;
        Some(
            cost::length_cost(first, second, self.ratios[pair])
                + cost::anchor_cost(anchors_first, anchors_second),
        )
    }

    /// One banded search: the cheapest path and whether it touches an inner band edge.
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
        let tables = [0, 1, 2].map(|pair| self.pair_table(pair, &slices));
        let mut backpointers = vec![NO_BEAD; total];
        let mut costs: [Vec<f32>; 3] = Default::default();

        for (i, slice) in slices.iter().enumerate() {
            let mut current = std::mem::take(&mut costs[i % 3]);
            current.clear();
            current.resize(slice.len(), f32::INFINITY);
            for j in slice.lo[0]..=slice.hi[0] {
                let row01 = tables[0].get(i, j);
                for k in slice.lo[1]..=slice.hi[1] {
                    let Some(cell) = slice.index(j, k) else {
                        continue;
                    };
                    if i == 0 && j == 0 && k == 0 {
                        if let Some(c) = current.get_mut(cell) {
                            *c = 0.0;
                        }
                        continue;
                    }
                    let row02 = tables[1].get(i, k);
                    let row12 = tables[2].get(j, k);
                    let mut best = f32::INFINITY;
                    let mut best_bead = NO_BEAD;
                    for (bead_index, bead) in self.beads.iter().enumerate() {
                        let [a, b, c] = bead.step;
                        if a > i || b > j || c > k {
                            continue;
                        }
                        let (pi, pj, pk) = (i - a, j - b, k - c);
                        let previous = if a == 0 {
                            slice.index(pj, pk).and_then(|idx| current.get(idx))
                        } else {
                            slices
                                .get(pi)
                                .and_then(|s| s.index(pj, pk))
                                .and_then(|idx| costs[pi % 3].get(idx))
                        };
                        let Some(&previous) = previous else {
                            continue;
                        };
                        let mut total = previous + bead.prior;
                        for (pair, (row, first, second)) in
                            [(row01, a, b), (row02, a, c), (row12, b, c)]
                                .into_iter()
                                .enumerate()
                        {
                            let weight = bead.pair_weight[pair];
                            if weight > 0.0 {
                                let index = (first - 1) * 2 + (second - 1);
                                total += weight
                                    * row
                                        .and_then(|r| r.get(index))
                                        .copied()
                                        .unwrap_or(f32::INFINITY);
                            }
                        }
                        if total < best {
                            best = total;
                            best_bead = bead_index as u8;
                        }
                    }
                    if let Some(c) = current.get_mut(cell) {
                        *c = best;
                    }
                    if let Some(bp) = backpointers.get_mut(slice.start + cell) {
                        *bp = best_bead;
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
