//! Aligning the paragraphs of all versions at once: which paragraphs of each language
//! translate which. Translators merge, split, drop and add paragraphs, so a group holds 0, 1
//! or 2 paragraphs of each language.
//!
//! The score is Gale–Church length closeness plus agreement of anchors (numbers, dates,
//! transliterated names, quotes) that the paragraphs share; the search is a dynamic program
//! in a band around the diagonal so that long documents stay fast.

pub mod anchors;

/// What alignment needs to know of one paragraph.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParagraphFeatures {
    /// Length in characters.
    pub chars: usize,
    /// Language-independent anchors: normalized numbers and dates, Latin forms of names,
    /// quoted words. Sorted and deduplicated.
    pub anchors: Vec<String>,
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
pub fn align(docs: &[Vec<ParagraphFeatures>]) -> Vec<Group> {
    // Placeholder until the real aligner lands: pair paragraphs by position.
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
