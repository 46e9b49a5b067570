#![doc = include_str!("untranslated.md")]

use super::compare::GroupView;
use super::Finding;
use crate::article::CheckOptions;

pub const DOCUMENTATION: &str = include_str!("untranslated.md");

pub fn check(_group: &GroupView, _options: &CheckOptions) -> Vec<Finding> {
    Vec::new()
}
