//! Aligning the paragraphs of all versions at once: which paragraphs of each language
//! translate which. Translators merge, split, drop and add paragraphs, so a group holds 0, 1
//! or 2 paragraphs of each language.
//!
//! The score is Gale–Church length closeness plus agreement of anchors (numbers, dates,
//! transliterated names, quotes) that the paragraphs share; the search is a dynamic program
//! in a band around the diagonal so that long documents stay fast.

pub mod anchors;
pub mod cost;
pub mod interned;
pub mod search;

pub use anchors::Anchor;

/// What alignment needs to know of one paragraph.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParagraphFeatures {
    /// Length in characters.
    pub chars: usize,
    /// Language-independent anchors: normalized numbers and dates, Latin forms of names,
    /// quoted words. Sorted (as their string forms) and deduplicated; the alignment numbers
    /// anchors in the order it meets them here.
    pub anchors: Vec<Anchor>,
}

/// One aligned group: `members[d]` are the 0-based paragraph indices of document `d` (in the
/// order the documents were given), ascending and contiguous; empty when document `d` has
/// no paragraph here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub members: Vec<Vec<usize>>,
}

/// Aligns two or three documents. Groups come in document order and cover every paragraph of
/// every document exactly once.
///
/// Every combination of 0, 1 and 2 paragraphs per document except all-zero is a possible
/// group; see [`cost`] for how groups are scored and [`search`] for the banded search. A
/// single document gives one group per paragraph; more than three documents, which the
/// pipeline never passes, are paired by position.
pub fn align(docs: &[Vec<ParagraphFeatures>]) -> Vec<Group> {
    match docs.len() {
        0 => Vec::new(),
        1 => (0..docs.iter().map(Vec::len).sum::<usize>())
            .map(|i| Group {
                members: vec![vec![i]],
            })
            .collect(),
        2 | 3 => search::align(docs),
        _ => search::positional(docs),
    }
}

#[cfg(test)]
mod tests;
