#![doc = include_str!("wrong-language.md")]

use super::Finding;
use crate::article::{CheckOptions, CheckedArticle};

pub const DOCUMENTATION: &str = include_str!("wrong-language.md");

/// Runs once per article (a whole file in the wrong language is one finding, not one per
/// paragraph).
pub fn check(_article: &CheckedArticle, _options: &CheckOptions) -> Vec<Finding> {
    Vec::new()
}
