//! Numbering ids (0, 1, 2, … in order of first sight) with a small open-addressing table.
//!
//! Why not a `HashMap<&Id, u32>`: building the index looks up 350 000 ids (every order's client,
//! every line's product), and in the size-optimised wasm build the generic map's entry path was
//! a sixth of the build. This table does one thing: it hashes an id from its first and last
//! eight bytes and its length (two loads, no loop: ids are 7 to 25 bytes, and the last bytes of
//! a generated id are its random part), keeps a 32-bit tag per slot so a collision rarely reads
//! the other id, and compares the bytes only on a tag match. The lookups are forced inline:
//! the release profile optimises for size, which otherwise leaves them as calls in the
//! 350 000-iteration loops (the wasm index build went from 27 to 24 ms with them inlined).

/// Ids numbered in order of first sight; see the module documentation.
pub(super) struct IdNumbers<'a> {
    /// A power of two many slots, at most half full: each is (tag, 1 + number), (0, 0) if empty.
    slots: Vec<(u32, u32)>,
    /// 64 − log2(slots.len()): the slot of a hash is its top bits.
    shift: u32,
    /// By number: the id.
    ids: Vec<&'a str>,
}

const K1: u64 = 0x9e37_79b9_7f4a_7c15;
const K2: u64 = 0xbf58_476d_1ce4_e5b9;

/// The first eight bytes (fewer are zero-padded) as a little-endian word. A fixed-size load when
/// there are eight: a copy of a variable length is a `memory.copy` call in wasm.
#[inline(always)]
fn word(bytes: &[u8]) -> u64 {
    match bytes.first_chunk::<8>() {
        Some(head) => u64::from_le_bytes(*head),
        None => bytes.iter().rev().fold(0, |w, &b| (w << 8) | u64::from(b)),
    }
}

/// Mixes the first and last eight bytes and the length. The final multiply carries every input
/// bit into the top bits, which pick the slot.
#[inline(always)]
fn hash(id: &[u8]) -> u64 {
    let first = word(id);
    let last = match id.last_chunk::<8>() {
        Some(tail) if id.len() > 8 => u64::from_le_bytes(*tail),
        _ => 0,
    };
    let x = (first ^ (first >> 32)).wrapping_mul(K1) ^ last ^ id.len() as u64;
    (x ^ (x >> 29)).wrapping_mul(K2)
}

impl<'a> IdNumbers<'a> {
    /// A table expecting about `n` ids (it grows past that).
    pub(super) fn with_capacity(n: usize) -> IdNumbers<'a> {
        let slots = (2 * n).max(16).next_power_of_two();
        IdNumbers {
            slots: vec![(0, 0); slots],
            shift: 64 - slots.trailing_zeros(),
            ids: Vec::with_capacity(n),
        }
    }

    /// The number of `id`, or where to put it: `Err(slot)`.
    #[inline(always)]
    fn find(&self, id: &str, hash: u64) -> Result<u32, usize> {
        let mask = self.slots.len() - 1;
        let tag = hash as u32;
        let mut slot = (hash >> self.shift) as usize;
        loop {
            let (t, entry) = self.slots[slot];
            if entry == 0 {
                return Err(slot);
            }
            if t == tag && self.ids[entry as usize - 1] == id {
                return Ok(entry - 1);
            }
            slot = (slot + 1) & mask;
        }
    }

    /// The number of `id`, if it has one.
    #[inline(always)]
    pub(super) fn get(&self, id: &str) -> Option<u32> {
        self.find(id, hash(id.as_bytes())).ok()
    }

    /// The number of `id`, numbering it if it is new; `true` when it is.
    #[inline(always)]
    pub(super) fn number(&mut self, id: &'a str) -> (u32, bool) {
        let h = hash(id.as_bytes());
        match self.find(id, h) {
            Ok(n) => (n, false),
            Err(slot) => {
                let n = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
                self.ids.push(id);
                self.slots[slot] = (h as u32, n.saturating_add(1));
                if 2 * self.ids.len() > self.slots.len() {
                    self.grow();
                }
                (n, true)
            }
        }
    }

    /// Doubles the slots and puts every id back.
    #[cold]
    fn grow(&mut self) {
        let slots = self.slots.len() * 2;
        self.slots = vec![(0, 0); slots];
        self.shift = 64 - slots.trailing_zeros();
        for (n, id) in self.ids.iter().enumerate() {
            let h = hash(id.as_bytes());
            let mut slot = (h >> self.shift) as usize;
            while self.slots[slot].1 != 0 {
                slot = (slot + 1) & (slots - 1);
            }
            self.slots[slot] = (h as u32, u32::try_from(n + 1).unwrap_or(u32::MAX));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::IdNumbers;

    #[test]
    fn numbers_in_order_of_first_sight_and_survives_growth() {
        let ids: Vec<String> = (0..1_000).map(|i| format!("id-{i}")).collect();
        let mut table = IdNumbers::with_capacity(4);
        for (i, id) in ids.iter().enumerate() {
            assert_eq!(table.number(id), (i as u32, true));
        }
        for (i, id) in ids.iter().enumerate() {
            assert_eq!(table.number(id), (i as u32, false));
            assert_eq!(table.get(id), Some(i as u32));
        }
        assert_eq!(table.get("id-1000"), None);
        // Same first and last eight bytes and length, different middle: still two ids.
        let mut table = IdNumbers::with_capacity(2);
        assert_eq!(table.number("abcdefgh-1-ijklmnop"), (0, true));
        assert_eq!(table.number("abcdefgh-2-ijklmnop"), (1, true));
        assert_eq!(table.number(""), (2, true));
        assert_eq!(table.get("abcdefgh-1-ijklmnop"), Some(0));
    }
}
