//! Normalization of typographic variants that carry no meaning.
