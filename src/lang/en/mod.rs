//! Language data for English.

pub mod dates;
pub mod detect;
pub mod names;
pub mod numbers;
pub mod stem;
pub mod translit;
