//! Stemming: strips inflectional endings so that inflected forms of one word compare equal.
//!
//! English inflects little: plurals are what a glossary must see through ("sanctions",
//! "Defense Forces", "policies", "taxes"); possessives are split off by the tokenizer. The
//! Snowball (Porter2) stemmer is deliberately not used: it also strips derivational suffixes
//! and so joins words a glossary must keep apart ("mobilization" and "mobile" both become
//! "mobil", "evacuation" and "evacuated" both "evacu", "intelligence" and "intelligent" both
//! "intellig").

/// Plural endings and what they become, tried in order.
const PLURALS: &[(&str, &str)] = &[
    ("sses", "ss"),
    ("shes", "sh"),
    ("ches", "ch"),
    ("xes", "x"),
    ("zzes", "zz"),
    ("ies", "y"),
    ("men", "man"),
];

/// Words ending in these are not plurals ("press", "census", "crisis", "previous").
const NOT_PLURAL: &[&str] = &["ss", "us", "is", "'s"];

/// The stem of a lowercased word.
pub fn stem(word: &str) -> String {
    let mut lower: String = word
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| if matches!(c, '’' | 'ʼ') { '\'' } else { c })
        .collect();
    if let Some(base) = lower.strip_suffix("'s") {
        lower = base.to_string();
    }
    if let Some(base) = lower.strip_suffix('\'') {
        lower = base.to_string();
    }
    if lower.chars().count() <= 3 {
        return lower;
    }
    for (ending, replacement) in PLURALS {
        if let Some(base) = lower.strip_suffix(ending) {
            if base.chars().count() >= 2 {
                return format!("{base}{replacement}");
            }
        }
    }
    if NOT_PLURAL.iter().any(|e| lower.ends_with(e)) {
        return lower;
    }
    match lower.strip_suffix('s') {
        Some(base) => base.to_string(),
        None => lower,
    }
}

#[cfg(test)]
mod tests {
    use super::stem;

    #[test]
    fn plurals_and_possessives_meet_their_singular() {
        let groups: &[&[&str]] = &[
            &["sanction", "sanctions"],
            &["force", "forces", "Forces", "forces'"],
            &["policy", "policies"],
            &["tax", "taxes"],
            &["drone", "drones"],
            &["serviceman", "servicemen"],
            &["church", "churches"],
            &["kyiv", "Kyiv's", "kyiv’s"],
            &["territory", "territories"],
        ];
        for group in groups {
            for word in *group {
                assert_eq!(stem(word), stem(group[0]), "{word}");
            }
        }
    }

    #[test]
    fn derived_words_stay_apart() {
        let pairs = [
            ("mobilization", "mobile"),
            ("evacuation", "evacuated"),
            ("intelligence", "intelligent"),
            ("police", "policy"),
            ("us", "u"),
            ("crisis", "cris"),
            ("press", "pres"),
            ("census", "censu"),
        ];
        for (a, b) in pairs {
            assert_ne!(stem(a), stem(b), "{a} {b}");
        }
    }

    #[test]
    fn short_words_and_odd_input_are_kept() {
        assert_eq!(stem("us"), "us");
        assert_eq!(stem("gas"), "gas");
        assert_eq!(stem(""), "");
        assert_eq!(stem("'s"), "");
        assert_eq!(stem("ЗСУ"), "зсу");
    }
}
