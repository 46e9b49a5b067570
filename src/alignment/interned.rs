//! Anchors interned once per alignment. Every anchor string becomes a small id, numbered in
//! order of first appearance, and every paragraph, and every two consecutive paragraphs, get
//! their anchors as a sorted list of ids. The search compares such lists for every pair of
//! ends it meets, so nothing is allocated there; when an article has few distinct anchors
//! (nearly always) the lists are also kept as bit sets, and a comparison is a few word
//! operations instead of a merge.

use super::anchors::{Anchor, AnchorKind, Identity};
use super::cost::{anchor_cost, anchor_weights, capped_bonus, PenaltyTable};
use super::ParagraphFeatures;
use crate::hashing::FastMap;

/// An anchor interned for fast comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AnchorId {
    pub(super) id: u32,
    pub(super) kind: AnchorKind,
    /// For a name: the id of its first two skeleton symbols, and whether that is all of it.
    /// A two-symbol name ("Kim" → "km") also matches the three-symbol skeletons it starts:
    /// a Slavic case ending can add a consonant to a short stem ("Кімом" → "kmm").
    pub(super) stem: u32,
    pub(super) short: bool,
    pub(super) pairing: Pairing,
}

/// Whether a name can meet a name with another id of the same alignment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Pairing {
    /// Not a name, or no other name can meet it: its stem has no short name or nothing else.
    Alone,
    /// Its stem has exactly one short name and some longer forms: the short name meets one
    /// longer form on the other side, whatever their order.
    Pairable,
    /// Its stem has several short names, which [`features`](super::anchors::features) never
    /// makes (they would be one anchor) but other callers can: who meets whom then depends on
    /// the order of the pairing pass, which is replayed.
    Tangled,
}

impl AnchorId {
    pub(super) fn matches(&self, other: &AnchorId) -> bool {
        self.id == other.id
            || (self.kind == AnchorKind::Name
                && other.kind == AnchorKind::Name
                && self.stem == other.stem
                && (self.short || other.short))
    }

    fn is_weak(&self) -> bool {
        self.kind == AnchorKind::WeakFact
    }
}

/// Where the anchors of one span of paragraphs lie in the arena.
type Span = (u32, u32);

/// The interned anchors of every paragraph of every document, and of every two consecutive
/// paragraphs together.
#[derive(Debug, Default)]
pub struct InternedAnchors {
    arena: Vec<AnchorId>,
    /// Per document and end position x: the anchors of paragraph x − 1 (`[0]`) and of
    /// paragraphs x − 2 and x − 1 together (`[1]`).
    spans: Vec<Vec<[Span; 2]>>,
    /// The same spans as bit sets, when there are few enough ids.
    bits: Option<BitSets>,
}

/// What interning records once per distinct anchor.
#[derive(Clone, Copy)]
struct IdInfo {
    kind: AnchorKind,
    stem: u32,
    short: bool,
}

/// The bit of document `doc` in a set of documents; past eight documents, all bits, as if the
/// anchor occurred in several.
fn document_bit(doc: usize) -> u8 {
    u8::try_from(doc)
        .ok()
        .and_then(|doc| 1u8.checked_shl(u32::from(doc)))
        .unwrap_or(u8::MAX)
}

impl InternedAnchors {
    pub fn new<'a>(docs: &[&'a [ParagraphFeatures]]) -> Self {
        let anchors: usize = docs
            .iter()
            .flat_map(|doc| doc.iter())
            .map(|p| p.anchors.len())
            .sum();
        let mut ids: FastMap<Identity, u32> =
            FastMap::with_capacity_and_hasher(anchors, Default::default());
        let mut stems: FastMap<&[u8], u32> = Default::default();
        let mut infos: Vec<IdInfo> = Vec::with_capacity(anchors);
        let mut intern = |anchor: &'a Anchor| -> AnchorId {
            let (kind, identity) = anchor.interning_key();
            let next = infos.len() as u32;
            let id = *ids.entry(identity).or_insert(next);
            if id == next {
                let (stem, short) = match kind {
                    AnchorKind::Name => {
                        let skeleton = anchor.name_skeleton();
                        // The first two characters; the skeletons of `features` are ASCII.
                        let stem_end = skeleton
                            .iter()
                            .enumerate()
                            .filter(|&(_, &byte)| byte & 0xc0 != 0x80)
                            .nth(2)
                            .map_or(skeleton.len(), |(i, _)| i);
                        let next_stem = stems.len() as u32;
                        let stem = *stems
                            .entry(skeleton.get(..stem_end).unwrap_or(skeleton))
                            .or_insert(next_stem);
                        (stem, stem_end == skeleton.len())
                    }
                    _ => (0, false),
                };
                let kind = match kind {
                    AnchorKind::WeakFact => AnchorKind::Fact,
                    other => other,
                };
                infos.push(IdInfo { kind, stem, short });
            }
            let info = infos.get(id as usize).copied().unwrap_or(IdInfo {
                kind,
                stem: 0,
                short: false,
            });
            AnchorId {
                id,
                kind,
                stem: info.stem,
                short: info.short,
                pairing: Pairing::Alone,
            }
        };

        let mut arena: Vec<AnchorId> = Vec::with_capacity(anchors * 3);
        let mut spans = Vec::with_capacity(docs.len());
        // The bit sets of every span with ids as bits, made while the lists are at hand; see
        // [`BitSets::new`] for when they are kept.
        let mut span_bits = Vec::with_capacity(docs.len());
        let (mut previous, mut current): (Vec<AnchorId>, Vec<AnchorId>) = Default::default();
        let mut ids_so_far = 0u32;
        for doc in docs {
            let mut doc_spans: Vec<[Span; 2]> = Vec::with_capacity(doc.len() + 1);
            let mut doc_bits: Vec<[SpanBits; 2]> = Vec::with_capacity(doc.len() + 1);
            doc_spans.push([(0, 0); 2]);
            doc_bits.push(Default::default());
            previous.clear();
            for (position, paragraph) in doc.iter().enumerate() {
                current.clear();
                current.extend(paragraph.anchors.iter().map(&mut intern));
                sort_and_merge(&mut current);
                let single = append(&mut arena, |arena| arena.extend_from_slice(&current));
                // Ids are numbered in order: once past one word, these sets will be made again.
                if let Some(last) = current.last() {
                    ids_so_far = ids_so_far.max(last.id.saturating_add(1));
                }
                let ids_in_one_word = ids_so_far <= 64;
                let (pair, pair_bits) = if position == 0 {
                    ((0, 0), SpanBits::default())
                } else {
                    let pair = append(&mut arena, |arena| merge_into(arena, &previous, &current));
                    let list = arena.get(pair.0 as usize..).unwrap_or_default();
                    let bits = match ids_in_one_word {
                        true => SpanBits::of(list, None),
                        false => SpanBits::default(),
                    };
                    (pair, bits)
                };
                doc_spans.push([single, pair]);
                let single_bits = match ids_in_one_word {
                    true => SpanBits::of(&current, None),
                    false => SpanBits::default(),
                };
                doc_bits.push([single_bits, pair_bits]);
                std::mem::swap(&mut previous, &mut current);
            }
            spans.push(doc_spans);
            span_bits.push(doc_bits);
        }

        let stem_pairing = stem_pairing(&infos, stems.len());
        for anchor in arena.iter_mut().filter(|a| a.kind == AnchorKind::Name) {
            anchor.pairing = stem_pairing
                .get(anchor.stem as usize)
                .copied()
                .unwrap_or(Pairing::Tangled);
        }
        let bits = BitSets::new(span_bits, &arena, &spans, &infos, &stem_pairing);
        InternedAnchors { arena, spans, bits }
    }

    /// The anchors of the `count` (1 or 2) paragraphs of document `doc` that end at `end`;
    /// `None` when there are not that many.
    pub fn get(&self, doc: usize, end: usize, count: usize) -> Option<&[AnchorId]> {
        let &(start, stop) = self.span(doc, end, count)?;
        self.arena.get(start as usize..stop as usize)
    }

    fn span(&self, doc: usize, end: usize, count: usize) -> Option<&Span> {
        if end < count {
            return None;
        }
        self.spans.get(doc)?.get(end)?.get(count.checked_sub(1)?)
    }

    /// The anchors of a span as [`Self::compare`] takes them.
    pub fn anchors_of(&self, doc: usize, end: usize, count: usize) -> Option<SpanAnchors<'_>> {
        let list = self.get(doc, end, count)?;
        let bits = match &self.bits {
            Some(bits) => Some(bits.spans.get(doc)?.get(end)?.get(count.checked_sub(1)?)?),
            None => None,
        };
        Some(SpanAnchors { list, bits })
    }

    /// [`anchor_cost`] of two spans of two different documents (the bit sets leave out
    /// anchors that occur in one document only; [`Self::cost`] takes spans of any documents).
    #[inline]
    pub fn compare(&self, first: SpanAnchors, second: SpanAnchors) -> f32 {
        // Two spans without anchors cost nothing (no bonus, no penalty); one test spares the
        // full comparison.
        if first.list.is_empty() && second.list.is_empty() {
            return 0.0;
        }
        if let (Some(bits), Some(first_bits), Some(second_bits)) =
            (&self.bits, first.bits, second.bits)
        {
            if let Some(cost) = bits.cost(first_bits, second_bits) {
                return cost;
            }
        }
        anchor_cost(first.list, second.list)
    }

    /// [`anchor_cost`] of two spans, each given as (document, end, count).
    pub fn cost(&self, first: (usize, usize, usize), second: (usize, usize, usize)) -> Option<f32> {
        let first_anchors = self.anchors_of(first.0, first.1, first.2)?;
        let second_anchors = self.anchors_of(second.0, second.1, second.2)?;
        if first.0 == second.0 {
            // Two spans of one document may share an anchor the bit sets leave out.
            return Some(anchor_cost(first_anchors.list, second_anchors.list));
        }
        Some(self.compare(first_anchors, second_anchors))
    }
}

/// The anchors of one span of paragraphs: the sorted list and, when the alignment has few
/// enough distinct anchors, the same as bit sets.
#[derive(Clone, Copy)]
pub struct SpanAnchors<'a> {
    list: &'a [AnchorId],
    bits: Option<&'a SpanBits>,
}

/// The [`Pairing`] of each stem, from the distinct names (`infos`) of the alignment.
fn stem_pairing(infos: &[IdInfo], stems: usize) -> Vec<Pairing> {
    let mut names = vec![0u32; stems];
    let mut shorts = vec![0u32; stems];
    for info in infos.iter().filter(|info| info.kind == AnchorKind::Name) {
        if let (Some(names), Some(shorts)) = (
            names.get_mut(info.stem as usize),
            shorts.get_mut(info.stem as usize),
        ) {
            *names += 1;
            *shorts += u32::from(info.short);
        }
    }
    names
        .iter()
        .zip(&shorts)
        .map(|(&names, &shorts)| match (shorts, names) {
            (0, _) | (1, 1) => Pairing::Alone,
            (1, _) => Pairing::Pairable,
            _ => Pairing::Tangled,
        })
        .collect()
}

/// Sorts by id and keeps one entry per id, the stronger one (a fact over a weak fact).
fn sort_and_merge(anchors: &mut Vec<AnchorId>) {
    anchors.sort_unstable_by_key(|a| (a.id, a.is_weak()));
    anchors.dedup_by_key(|a| a.id);
}

/// Runs `append_to` on `arena` and returns the span it appended.
fn append(arena: &mut Vec<AnchorId>, append_to: impl FnOnce(&mut Vec<AnchorId>)) -> Span {
    let start = arena.len() as u32;
    append_to(arena);
    (start, arena.len() as u32)
}

/// Appends to `arena` the union of two sorted, deduplicated lists, keeping a fact over a weak
/// fact with the same value.
fn merge_into(arena: &mut Vec<AnchorId>, mut first: &[AnchorId], mut second: &[AnchorId]) {
    arena.reserve(first.len() + second.len());
    while let (Some((x, after_x)), Some((y, after_y))) = (first.split_first(), second.split_first())
    {
        match x.id.cmp(&y.id) {
            std::cmp::Ordering::Less => {
                arena.push(*x);
                first = after_x;
            }
            std::cmp::Ordering::Greater => {
                arena.push(*y);
                second = after_y;
            }
            std::cmp::Ordering::Equal => {
                arena.push(if x.is_weak() { *y } else { *x });
                (first, second) = (after_x, after_y);
            }
        }
    }
    arena.extend_from_slice(first);
    arena.extend_from_slice(second);
}

const WORDS: usize = 4;
/// A set of anchor ids below `64 · WORDS`.
type Bits = [u64; WORDS];

/// The anchors of one span that can meet an anchor of another document, as sets of their
/// bits (see [`BitSets::bit_of`]): all of them and the facts that are not weak; and, over all
/// its anchors, how many names, and how many anchors would be penalized if the other side
/// lacked them (quotes and facts that are not weak).
#[derive(Clone, Copy, Debug, Default)]
pub struct SpanBits {
    present: Bits,
    strong_facts: Bits,
    names: u32,
    penalized: u32,
}

/// Every span as bit sets, and the sets of ids that the comparison treats apart.
///
/// Only anchors that can meet an anchor of another document get a bit: those that occur in
/// several documents, and names whose stem pairs or tangles them with other names. An anchor
/// of one document alone (most inflected names) is never shared with a span of another
/// document, so it only counts as missing, which the counts of [`SpanBits`] carry; leaving it
/// out keeps most articles' sets in one word. Bits follow the order of ids, so shared bonuses
/// are still summed in id order.
#[derive(Debug)]
struct BitSets {
    /// How many words the bits use.
    words: usize,
    spans: Vec<Vec<[SpanBits; 2]>>,
    names: Bits,
    quotes: Bits,
    /// Names of stems with several short names: their pairing is replayed on the lists.
    tangled: Bits,
    /// Names of stems with one short name and longer forms: the short names, the longer
    /// forms, and for every bit the stem as one bit of a stem set (0 for other anchors).
    pairable_shorts: Bits,
    pairable_longs: Bits,
    stem_bit: Vec<u64>,
    /// The capped penalties of missing anchors, looked up by count.
    penalties: &'static PenaltyTable,
}

/// Marks an anchor that has no bit.
const NO_BIT: u32 = u32::MAX;

impl SpanBits {
    /// The sets of one span's list, with the bit of each id from `bit_of`, or the id itself
    /// when `None` (anchors without a bit are only counted).
    fn of(list: &[AnchorId], bit_of: Option<&[u32]>) -> SpanBits {
        let mut bits = SpanBits::default();
        for anchor in list {
            let bit = match bit_of {
                None => anchor.id,
                Some(bit_of) => bit_of.get(anchor.id as usize).copied().unwrap_or(NO_BIT),
            };
            insert(&mut bits.present, bit);
            match anchor.kind {
                AnchorKind::Fact => {
                    insert(&mut bits.strong_facts, bit);
                    bits.penalized += 1;
                }
                AnchorKind::Quote => bits.penalized += 1,
                AnchorKind::Name => bits.names += 1,
                AnchorKind::WeakFact => {}
            }
        }
        bits
    }
}

/// Adds `bit` to the set (nothing for [`NO_BIT`]).
fn insert(bits: &mut Bits, bit: u32) {
    if let Some(word) = bits.get_mut(bit as usize / 64) {
        *word |= 1 << (bit % 64);
    }
}

/// Word `n` of a set of `W` words (0 past the end).
#[inline(always)]
fn word_of<const W: usize>(bits: &[u64; W], n: usize) -> u64 {
    bits.get(n).copied().unwrap_or(0)
}

/// Word `n` of `bits` (0 past the end).
#[inline(always)]
fn word(bits: &Bits, n: usize) -> u64 {
    bits.get(n).copied().unwrap_or(0)
}

impl BitSets {
    /// The bit of every id, [`NO_BIT`] for anchors that cannot meet another document's, and
    /// how many bits there are.
    fn bit_of(
        arena: &[AnchorId],
        spans: &[Vec<[Span; 2]>],
        infos: &[IdInfo],
        stem_pairing: &[Pairing],
    ) -> (Vec<u32>, usize) {
        let mut documents = vec![0u8; infos.len()];
        for (doc, doc_spans) in spans.iter().enumerate() {
            for &[(start, stop), _] in doc_spans {
                for anchor in arena.get(start as usize..stop as usize).unwrap_or_default() {
                    if let Some(documents) = documents.get_mut(anchor.id as usize) {
                        *documents |= document_bit(doc);
                    }
                }
            }
        }
        let mut bits = 0usize;
        let bit_of = infos
            .iter()
            .zip(&documents)
            .map(|(info, documents)| {
                let in_several_documents = documents.count_ones() > 1;
                let meets_other_names = info.kind == AnchorKind::Name
                    && stem_pairing.get(info.stem as usize) != Some(&Pairing::Alone);
                if in_several_documents || meets_other_names {
                    bits += 1;
                    (bits - 1) as u32
                } else {
                    NO_BIT
                }
            })
            .collect();
        (bit_of, bits)
    }

    /// The sets, from those of every span with ids as bits (`span_bits`); when the ids need
    /// more than one word, the sets are made again from the lists with only the anchors that
    /// can meet another document's. `None` when there are too many bits for the sets, or when
    /// missing anchors do not all cost the same (then the lists are compared).
    fn new(
        span_bits: Vec<Vec<[SpanBits; 2]>>,
        arena: &[AnchorId],
        spans: &[Vec<[Span; 2]>],
        infos: &[IdInfo],
        stem_pairing: &[Pairing],
    ) -> Option<Self> {
        let penalties = PenaltyTable::get()?;
        let (bit_of, bit_count, span_bits) = if infos.len() <= 64 {
            (None, infos.len(), span_bits)
        } else {
            let (bit_of, bit_count) = Self::bit_of(arena, spans, infos, stem_pairing);
            if bit_count > 64 * WORDS {
                return None;
            }
            let span_bits = spans
                .iter()
                .map(|doc_spans| {
                    doc_spans
                        .iter()
                        .map(|ends| {
                            ends.map(|(start, stop)| {
                                let list =
                                    arena.get(start as usize..stop as usize).unwrap_or_default();
                                SpanBits::of(list, Some(&bit_of))
                            })
                        })
                        .collect()
                })
                .collect();
            (Some(bit_of), bit_count, span_bits)
        };
        let mut sets = BitSets {
            words: bit_count.div_ceil(64),
            spans: span_bits,
            names: Bits::default(),
            quotes: Bits::default(),
            tangled: Bits::default(),
            pairable_shorts: Bits::default(),
            pairable_longs: Bits::default(),
            stem_bit: vec![0; bit_count],
            penalties,
        };
        // Pairable stems, numbered in order of appearance.
        let mut pairable_stems: Vec<u32> = Vec::new();
        for (id, info) in infos.iter().enumerate() {
            let bit = match &bit_of {
                None => id as u32,
                Some(bit_of) => bit_of.get(id).copied().unwrap_or(NO_BIT),
            };
            if bit == NO_BIT {
                continue;
            }
            match info.kind {
                AnchorKind::Name => insert(&mut sets.names, bit),
                AnchorKind::Quote => {
                    insert(&mut sets.quotes, bit);
                    continue;
                }
                AnchorKind::Fact | AnchorKind::WeakFact => continue,
            }
            match stem_pairing.get(info.stem as usize) {
                Some(Pairing::Alone) => {}
                Some(Pairing::Pairable) => {
                    let number = match pairable_stems.iter().position(|&s| s == info.stem) {
                        Some(number) => number,
                        None => {
                            pairable_stems.push(info.stem);
                            pairable_stems.len() - 1
                        }
                    };
                    if number >= 64 {
                        // Too many to count pairs with one word: the lists do it.
                        insert(&mut sets.tangled, bit);
                        continue;
                    }
                    if let Some(stem) = sets.stem_bit.get_mut(bit as usize) {
                        *stem = 1 << number;
                    }
                    let forms = match info.short {
                        true => &mut sets.pairable_shorts,
                        false => &mut sets.pairable_longs,
                    };
                    insert(forms, bit);
                }
                Some(Pairing::Tangled) | None => insert(&mut sets.tangled, bit),
            }
        }
        Some(sets)
    }

    /// [`anchor_cost`] from the bit sets; `None` when a tangled name is left unmatched.
    #[inline]
    fn cost(&self, first: &SpanBits, second: &SpanBits) -> Option<f32> {
        match self.words {
            0 | 1 => self.cost_in_one_word(first, second),
            _ => self.cost_in_several_words(first, second),
        }
    }

    /// [`Self::cost`] of the common case, a few dozen ids: a function of its own, so that it
    /// does not save and restore the registers the wider sets need.
    #[inline(never)]
    fn cost_in_one_word(&self, first: &SpanBits, second: &SpanBits) -> Option<f32> {
        self.cost_in_words::<1>(first, second)
    }

    #[inline(never)]
    fn cost_in_several_words(&self, first: &SpanBits, second: &SpanBits) -> Option<f32> {
        match self.words {
            2 => self.cost_in_words::<2>(first, second),
            _ => self.cost_in_words::<WORDS>(first, second),
        }
    }

    /// [`Self::cost`] looking at the first `W` words only.
    #[inline(always)]
    fn cost_in_words<const W: usize>(&self, first: &SpanBits, second: &SpanBits) -> Option<f32> {
        let name_bonus = anchor_weights(AnchorKind::Name).0;
        let quote_bonus = anchor_weights(AnchorKind::Quote).0;
        let fact_bonus = |strong: bool| match strong {
            true => anchor_weights(AnchorKind::Fact).0,
            false => anchor_weights(AnchorKind::WeakFact).0,
        };
        // Bonuses are summed in id order, as the merge of the lists does.
        let mut shared = 0.0f32;
        let mut shared_names = 0u32;
        // Every quote and strong fact of either side is missing on the other unless shared;
        // the shared ones are taken off below.
        let mut penalized = first.penalized + second.penalized;
        // Pairable short names and longer forms left on each side, per word.
        let mut alone_shorts = [[0u64; W]; 2];
        let mut alone_longs = [[0u64; W]; 2];
        for n in 0..W {
            let (present_first, present_second) =
                (word(&first.present, n), word(&second.present, n));
            let alone = present_first ^ present_second;
            if alone & word(&self.tangled, n) != 0 {
                return None;
            }
            let mut common = present_first & present_second;
            if common != 0 {
                let (names, quotes) = (word(&self.names, n), word(&self.quotes, n));
                let (strong_first, strong_second) =
                    (word(&first.strong_facts, n), word(&second.strong_facts, n));
                while common != 0 {
                    let bit = common & common.wrapping_neg();
                    shared += if names & bit != 0 {
                        shared_names += 1;
                        name_bonus
                    } else if quotes & bit != 0 {
                        penalized = penalized.saturating_sub(2);
                        quote_bonus
                    } else {
                        let strong = (strong_first & bit != 0, strong_second & bit != 0);
                        penalized =
                            penalized.saturating_sub(u32::from(strong.0) + u32::from(strong.1));
                        fact_bonus(strong.0).min(fact_bonus(strong.1))
                    };
                    common ^= bit;
                }
            }
            let (shorts, longs) = (
                word(&self.pairable_shorts, n),
                word(&self.pairable_longs, n),
            );
            if alone & (shorts | longs) != 0 {
                let alone_sides = [present_first & !present_second, alone & present_second];
                for (side, alone) in alone_sides.into_iter().enumerate() {
                    if let (Some(short), Some(long)) = (
                        alone_shorts
                            .get_mut(side)
                            .and_then(|words| words.get_mut(n)),
                        alone_longs.get_mut(side).and_then(|words| words.get_mut(n)),
                    ) {
                        *short = alone & shorts;
                        *long = alone & longs;
                    }
                }
            }
        }
        // A pairable stem has one short name, so the other side holds only longer forms of
        // it, and the short name meets one of them. Stems are looked up only when a short
        // name of one side and a longer form of the other are both left.
        let stems = |ids: &[u64; W]| -> u64 {
            (0..W).fold(0, |stems, n| stems | self.stems_of(n, word_of(ids, n)))
        };
        let any = |ids: &[u64; W]| ids.iter().any(|&w| w != 0);
        let pairs_of = |shorts: &[u64; W], longs: &[u64; W]| -> u32 {
            if any(shorts) && any(longs) {
                (stems(shorts) & stems(longs)).count_ones()
            } else {
                0
            }
        };
        let pairs = (pairs_of(&alone_shorts[0], &alone_longs[1])
            + pairs_of(&alone_shorts[1], &alone_longs[0])) as usize;
        let still_unmatched = [first.names, second.names]
            .map(|names| (names.saturating_sub(shared_names) as usize).saturating_sub(pairs));
        Some(self.penalties.capped(penalized, still_unmatched) - capped_bonus(shared, pairs))
    }

    /// The stems of the ids in word `n` of a set, as a stem set.
    #[inline(always)]
    fn stems_of(&self, n: usize, mut ids: u64) -> u64 {
        let mut stems = 0;
        while ids != 0 {
            let bit = n * 64 + ids.trailing_zeros() as usize;
            stems |= self.stem_bit.get(bit).copied().unwrap_or(0);
            ids &= ids - 1;
        }
        stems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn features(anchors: &[&str]) -> ParagraphFeatures {
        ParagraphFeatures::from_strings(10, anchors)
    }

    #[test]
    fn a_short_name_matches_its_inflected_forms() {
        // "Kim" / "Кімом" / "Кимом" / "Kyiv" (kv) / "Kramer" (krm)
        let en = [features(&["name:km", "name:kv"])];
        let uk = [features(&["name:kmm", "name:krm"])];
        let interned = InternedAnchors::new(&[&en, &uk]);
        let (Some(first), Some(second)) = (interned.get(0, 1, 1), interned.get(1, 1, 1)) else {
            panic!("one paragraph each");
        };
        let cost = anchor_cost(first, second);
        // Kim meets Кімом; Kyiv and Kramer stay unmatched.
        assert!((cost - (2.0 * 0.5 - 1.8)).abs() < 1e-6, "{cost}");
        assert_eq!(interned.cost((0, 1, 1), (1, 1, 1)), Some(cost));
    }

    /// Anchors as the pipeline makes them: facts, weak facts, quotes and names of news about
    /// Kim, Kyiv, Russia and Trump, with the short skeletons ("km", "kv", "rs") that meet their
    /// inflected forms; and two anchors no extractor makes but a caller can ("km" without
    /// its prefix next to "name:km", a one-letter name).
    const POOL: &[&str] = &[
        "fact:2024",
        "fact:12000",
        "fact:3",
        "weak:1",
        "weak:3",
        "fact:1",
        "quote",
        "name:km",
        "name:kmm",
        "name:kml",
        "name:kv",
        "name:kvs",
        "name:rs",
        "name:rsn",
        "name:rss",
        "name:trm",
        "name:plt",
        "name:zln",
        "name:j",
    ];
    const ODD: &[&str] = &["km", "kmx"];

    /// A repeatable stream of numbers, each below the bound it is asked with (a linear
    /// congruential generator started at `seed`).
    fn numbers_below(mut seed: u64) -> impl FnMut(usize) -> usize {
        move |n| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) as usize % n
        }
    }

    /// Every pair of spans of one or two paragraphs costs, through [`InternedAnchors::cost`]
    /// (bit sets where the article has them), what the sorted lists give.
    fn assert_costs_match_lists(
        interned: &InternedAnchors,
        docs: &[Vec<ParagraphFeatures>],
        case: usize,
    ) {
        let spans: Vec<(usize, usize, usize)> = (0..docs.len())
            .flat_map(|d| (0..=docs[d].len()).flat_map(move |x| [(d, x, 1), (d, x, 2)]))
            .filter(|&(_, x, count)| x >= count)
            .collect();
        for &first in &spans {
            for &second in &spans {
                let lists = anchor_cost(
                    interned.get(first.0, first.1, first.2).unwrap_or_default(),
                    interned
                        .get(second.0, second.1, second.2)
                        .unwrap_or_default(),
                );
                assert_eq!(
                    interned.cost(first, second),
                    Some(lists),
                    "case {case}: {first:?} {second:?} {docs:?}"
                );
            }
        }
    }

    #[test]
    fn bit_sets_and_sorted_lists_give_the_same_costs() {
        let mut below = numbers_below(7u64);
        let mut checked_with_bits = 0;
        for case in 0..200 {
            let pool: Vec<&str> = match case % 4 {
                3 => POOL.iter().chain(ODD).copied().collect(),
                _ => POOL.to_vec(),
            };
            let docs: Vec<Vec<ParagraphFeatures>> = (0..3)
                .map(|_| {
                    (0..below(6))
                        .map(|_| {
                            let mut anchors: Vec<&str> =
                                (0..below(7)).map(|_| pool[below(pool.len())]).collect();
                            anchors.sort_unstable();
                            anchors.dedup();
                            features(&anchors)
                        })
                        .collect()
                })
                .collect();
            let slices: Vec<&[ParagraphFeatures]> = docs.iter().map(Vec::as_slice).collect();
            let interned = InternedAnchors::new(&slices);
            checked_with_bits += usize::from(interned.bits.is_some());
            assert_costs_match_lists(&interned, &docs, case);
        }
        assert_eq!(checked_with_bits, 200);
    }

    /// An article with more distinct anchors than one word holds, most of them in one
    /// version only (inflected names, numbers only one version spells out): the sets keep
    /// the anchors that occur in several versions and the names that may meet another form,
    /// and give the costs of the lists.
    #[test]
    fn anchors_of_one_document_alone_are_counted_without_bits() {
        let mut below = numbers_below(11u64);
        // Skeletons of one version's own names ("Зеленського" → "zlnsk", "Києві" → "kv"
        // style forms), with consonants no other version's names start with.
        let own_consonants = ["bdg", "fhj", "qwx"];
        let mut wider_than_a_word = 0;
        for case in 0..40 {
            let docs: Vec<Vec<ParagraphFeatures>> = (0..3)
                .map(|doc| {
                    let own: Vec<String> = (0..30)
                        .map(|n| {
                            let letters = own_consonants[doc].as_bytes();
                            let skeleton: String = [n % 3, n / 3 % 3, n / 9 % 3]
                                .iter()
                                .map(|&i| char::from(letters[i]))
                                .collect();
                            format!("name:{skeleton}")
                        })
                        .chain((0..15).map(|n| format!("fact:{}", 1000 * (doc + 1) + n)))
                        .collect();
                    (0..4 + below(8))
                        .map(|_| {
                            let mut anchors: Vec<&str> = (0..below(12))
                                .map(|_| match below(3) {
                                    0 => POOL[below(POOL.len())],
                                    _ => own[below(own.len())].as_str(),
                                })
                                .collect();
                            anchors.sort_unstable();
                            anchors.dedup();
                            features(&anchors)
                        })
                        .collect()
                })
                .collect();
            let slices: Vec<&[ParagraphFeatures]> = docs.iter().map(Vec::as_slice).collect();
            let interned = InternedAnchors::new(&slices);
            let distinct_ids = interned.arena.iter().map(|a| a.id + 1).max().unwrap_or(0);
            let Some(bits) = &interned.bits else {
                panic!("case {case}: {distinct_ids} ids, no bit sets");
            };
            if distinct_ids > 64 {
                assert_eq!(bits.words, 1, "case {case}: {distinct_ids} ids");
                wider_than_a_word += 1;
            }
            assert_costs_match_lists(&interned, &docs, case);
        }
        assert!(wider_than_a_word >= 20, "{wider_than_a_word} of 40");
    }
}
