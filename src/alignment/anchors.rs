//! Anchors: the parts of a paragraph that survive translation unchanged once normalized.

use super::ParagraphFeatures;
use crate::facts::Fact;
use crate::lang::Lang;

/// Features of one paragraph, from its text and the facts already extracted from it.
pub fn features(text: &str, _lang: Lang, facts: &[Fact]) -> ParagraphFeatures {
    let mut anchors: Vec<String> = facts.iter().map(|f| f.value.key()).collect();
    anchors.sort();
    anchors.dedup();
    ParagraphFeatures {
        chars: text.chars().count(),
        anchors,
    }
}
