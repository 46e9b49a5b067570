//! Language data for Russian.

pub mod dates;
pub mod numbers;
pub mod translit;
