//! English is already Latin: its "transliteration" is the lowercased word.

/// Lowercased `word`.
pub fn to_latin(word: &str) -> String {
    crate::facts::names::lowercase(word).into_owned()
}

/// [`to_latin`] appended to `out`.
pub fn to_latin_into(word: &str, out: &mut String) {
    out.push_str(&crate::facts::names::lowercase(word));
}

#[cfg(test)]
mod tests {
    use super::to_latin;

    #[test]
    fn lowercases_only() {
        assert_eq!(to_latin("Washington"), "washington");
        assert_eq!(to_latin("NATO"), "nato");
    }
}
