//! Rendering checked articles. Reports know the documents, the alignment and the findings
//! they are given, and nothing of how the checks work.

pub mod json;
pub mod text;
