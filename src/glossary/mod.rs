//! The glossary: equivalent terms and names across languages, and editorial bans.
//! `glossary.toml` at the repository root is the default; see README.md for the format.

/// A loaded, merged glossary, ready for matching.
#[derive(Clone, Debug, Default)]
pub struct Glossary {}
