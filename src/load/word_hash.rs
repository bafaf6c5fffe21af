//! A fast hash for the maps the readers fill per row (skipped crime cells, keys seen, region
//! labels): eight bytes a multiply instead of the standard maps' SipHash. Inputs are the
//! user's own exports, so hash flooding is not a concern; determinism is (no random seed).

use std::hash::{BuildHasherDefault, Hasher};

/// Hashes eight bytes at a time with a multiply and a rotation, and mixes the result.
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

/// Builds [`WordHasher`]s: `HashMap<K, V, WordHash>`.
pub type WordHash = BuildHasherDefault<WordHasher>;

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let (words, rest) = bytes.as_chunks::<8>();
        let last = (!rest.is_empty()).then(|| rest.iter().fold(0, |w, b| w << 8 | u64::from(*b)));
        for word in words.iter().map(|w| u64::from_le_bytes(*w)).chain(last) {
            self.add(word);
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        mix(self.0)
    }
}

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0 ^ word)
            .wrapping_mul(0x9e37_79b9_7f4a_7c15)
            .rotate_left(29);
    }
}

/// SplitMix64's finaliser: every input bit moves every output bit (the top bits pick buckets).
pub(super) fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

#[cfg(test)]
#[path = "word_hash_tests.rs"]
mod tests;
