//! Language data for English.

pub mod dates;
pub mod numbers;
pub mod translit;
