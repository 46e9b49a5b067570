//! A fast hash for the lookup tables every word of every paragraph goes through (number words,
//! name tables, stems, glossary tries). The standard SipHash resists flooding by crafted keys,
//! which these tables, built from our own word lists and keyed by words of at most a
//! paragraph, do not need; it cost about a tenth of an audit's time.
//!
//! The function is FxHash (rustc's): multiply-rotate over machine words.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

#[derive(Clone, Copy, Default)]
pub struct FastHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FastHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        // The last one to seven bytes as a zero-padded little-endian word, read in two loads
        // that may overlap rather than copied into a buffer (a `memcpy` call per string).
        let len = rest.len();
        let word = match (rest.first_chunk::<4>(), rest.last_chunk::<4>()) {
            (Some(head), Some(tail)) => {
                u64::from(u32::from_le_bytes(*head))
                    | (u64::from(u32::from_le_bytes(*tail)) << ((len - 4) * 8))
            }
            _ => rest
                .iter()
                .enumerate()
                .fold(0u64, |word, (i, &b)| word | (u64::from(b) << (i * 8))),
        };
        if len > 0 {
            self.add(word);
        }
    }

    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;
pub type FastSet<K> = HashSet<K, BuildHasherDefault<FastHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_that_differ_only_in_their_last_bytes_hash_apart() {
        let hash = |s: &str| {
            let mut h = FastHasher::default();
            h.write(s.as_bytes());
            h.finish()
        };
        assert_ne!(hash("тисяча"), hash("тисячі"));
        assert_ne!(hash("abcdefgh"), hash("abcdefgi"));
        assert_ne!(hash("a"), hash("b"));
    }

    #[test]
    fn the_last_bytes_hash_as_the_zero_padded_word() {
        let padded = |bytes: &[u8]| {
            let mut h = FastHasher::default();
            for chunk in bytes.chunks(8) {
                let mut word = [0u8; 8];
                word[..chunk.len()].copy_from_slice(chunk);
                h.add(u64::from_le_bytes(word));
            }
            h.finish()
        };
        let text = "Північнокорейські військові";
        for end in 0..=text.len() {
            let bytes = &text.as_bytes()[..end];
            let mut h = FastHasher::default();
            h.write(bytes);
            assert_eq!(h.finish(), padded(bytes), "{end} bytes");
        }
    }

    #[test]
    fn a_map_finds_what_was_put_in() {
        let mut map: FastMap<String, usize> = FastMap::default();
        for (i, word) in ["шість", "шести", "шістьох", "шестеро"].iter().enumerate()
        {
            map.insert(word.to_string(), i);
        }
        assert_eq!(map.get("шістьох"), Some(&2));
        assert_eq!(map.get("сім"), None);
    }
}
