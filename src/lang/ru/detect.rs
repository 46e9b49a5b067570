//! What tells this language from the others in short texts: its letters and function words.
