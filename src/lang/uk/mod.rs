//! Language data for Ukrainian.

pub mod dates;
pub mod numbers;
pub mod translit;
