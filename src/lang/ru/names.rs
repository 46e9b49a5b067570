//! What the name extractor must know of this language: words that look like names but are
//! not, adjectives made from names, and the case endings of names.
