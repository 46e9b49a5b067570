//! What tells this language from the others in short texts: its letters and function words.

use crate::facts::language::DetectionVocabulary;

pub const VOCABULARY: DetectionVocabulary = DetectionVocabulary {
    // English writes no letter the other Latin-script languages lack; its words tell it.
    letters: &[],
    apostrophe_in_words: false,
    // Frequent words of English prose. Words that are also common words of other Latin-script
    // languages ("a", "i", "in", "on", "to", "at", "an": Polish, Czech, German, Italian) are left
    // out, so that a Polish quote is not read as English.
    function_words: &[
        "the", "and", "of", "that", "with", "which", "from", "was", "were", "are", "is", "has",
        "have", "had", "been", "will", "would", "for", "this", "these", "those", "their", "they",
        "said", "says", "but", "not", "by", "it", "its", "be", "who", "also", "after", "about",
        "there", "he", "she", "his", "her", "we", "our", "than", "or", "can", "could", "into",
        "more", "what", "when", "while", "some", "other", "you", "your", "them", "him", "did",
        "does", "then", "how", "why", "just", "because", "should", "very", "being", "only", "out",
        "up", "my", "been", "if", "after", "over",
    ],
    sequences: &[],
    endings: &[],
    labels: &[
        "author",
        "photo",
        "photos",
        "source",
        "video",
        "image",
        "illustration",
    ],
};
