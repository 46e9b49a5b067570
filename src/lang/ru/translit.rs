//! Transliteration to Latin, for comparing names across scripts.

/// Lowercased Latin form of `word`.
pub fn to_latin(word: &str) -> String {
    word.to_lowercase()
}
