//! concord: checks that the Ukrainian, English and Russian versions of one article state the
//! same facts.
//!
//! The pipeline, one folder per stage:
//! [`input`] (find and decode the files) → [`paragraphs`] (split and normalize) →
//! [`facts`] (numbers and dates each paragraph states) → [`alignment`] (which paragraphs
//! translate which) → [`findings`] (the checks) → [`report`] (text, JSON).
//! Language knowledge (number words, month names, transliteration) lives in [`lang`], one
//! module per language.

pub mod alignment;
pub mod allocator;
pub mod app;
pub mod article;
pub mod audit;
pub mod baseline;
pub mod config;
pub mod error;
pub mod facts;
pub mod findings;
pub mod glossary;
pub mod hashing;
pub mod input;
pub mod lang;
pub mod memo;
pub mod paragraphs;
pub mod report;

pub use error::{ConcordError, Result};
pub use lang::Lang;
