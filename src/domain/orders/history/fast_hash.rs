//! A small non-keyed hasher for the index's set of histories by client id, which every full
//! recompute fills (4 000+ inserts) and every client's metrics read.
//!
//! Why not the standard `RandomState`: SipHash is built to resist hash flooding from untrusted
//! keys, and costs several times more per short key than a multiply hash. The keys here are
//! record ids of the user's own workspace, so flooding is not a threat and the speed is what
//! counts. (The build's own lookups, 350 000 per build, use the leaner `IdNumbers` table.) Each
//! word is mixed in with one multiply, as rustc's FxHash does; `finish` then folds the high half into the low one and
//! multiplies once more. Why the finish matters: a multiply only carries bits upwards, and ids
//! that differ only in their last characters («p-00-01», «p-00-02») differ only in high bits,
//! while the table picks buckets by the low ones. Without it, the 120 products of the synthetic
//! catalogue landed in 12 buckets.

use std::hash::{BuildHasherDefault, Hasher};

/// Multiply-xorshift hasher; see the module documentation.
#[derive(Clone, Copy, Default)]
pub(crate) struct FastHasher(u64);

/// Builds [`FastHasher`]s for `HashMap::with_hasher`.
pub(crate) type FastHash = BuildHasherDefault<FastHasher>;

const SEED: u64 = 0xf135_7aea_2e62_a9c5;

impl FastHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0 ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            let mut buf = [0u8; 8];
            buf.copy_from_slice(word);
            self.add(u64::from_le_bytes(buf));
        }
        let rest = words.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            // The length keeps "ab" and "ab\0" apart.
            self.add(u64::from_le_bytes(buf) ^ ((rest.len() as u64) << 59));
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
        let h = (self.0 ^ (self.0 >> 32)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        h ^ (h >> 29)
    }
}
