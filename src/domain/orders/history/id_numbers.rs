//! Numbering ids (0, 1, 2, … in order of first sight) with a small open-addressing table.
//!
//! Why not a `HashMap<&Id, u32>`: building the index looks up 350 000 ids (every order's client,
//! every line's product), and in the size-optimised wasm build the generic map's entry path was
//! a sixth of the build. This table does one thing: it hashes an id from its first and last
//! eight bytes and its length (two loads, no loop: ids are 7 to 25 bytes, and the last bytes of
//! a generated id are its random part), keeps a 32-bit tag per slot so a collision rarely reads
//! the other id, and on a tag match compares those two words and the length, kept next to each
//! numbered id. For an id of at most 16 bytes the two words hold every byte, so that is the
//! whole comparison; a longer one is compared word by word after them, inline. Why: the
//! generic slice comparison is a `memcmp` call, a tenth of the native build, and reading the
//! numbered id's bytes is a cache miss for ids scattered over the heap. The lookups are forced inline:
//! the release profile optimises for size, which otherwise leaves them as calls in the
//! 350 000-iteration loops (the wasm index build went from 27 to 24 ms with them inlined).

/// Ids numbered in order of first sight; see the module documentation.
pub(super) struct IdNumbers<'a> {
    /// A power of two many slots, at most half full: each is (tag, 1 + number), (0, 0) if empty.
    slots: Vec<(u32, u32)>,
    /// 64 − log2(slots.len()): the slot of a hash is its top bits.
    shift: u32,
    /// By number: the id with its words (see [`Key`]).
    ids: Vec<Key<'a>>,
}

/// A numbered id with the words its hash was made from.
#[derive(Clone, Copy)]
struct Key<'a> {
    first: u64,
    last: u64,
    id: &'a str,
}

impl Key<'_> {
    /// Whether this is `id`, whose words are `first` and `last`.
    #[inline(always)]
    fn is(&self, id: &[u8], first: u64, last: u64) -> bool {
        let mine = self.id.as_bytes();
        self.first == first
            && self.last == last
            && mine.len() == id.len()
            && (id.len() <= 16 || same_middle(mine, id))
    }
}

/// Whether two ids of the same length (over 16 bytes) whose first and last eight bytes are
/// equal are equal: compares the bytes in between eight at a time (the last word may overlap
/// the last eight bytes, which are equal anyway). A loop of loads rather than a `memcmp` call.
#[inline(always)]
fn same_middle(a: &[u8], b: &[u8]) -> bool {
    let end = a.len() - 8;
    let mut at = 8;
    while at < end {
        let (x, y) = (a[at..].first_chunk::<8>(), b[at..].first_chunk::<8>());
        if x != y {
            return false;
        }
        at += 8;
    }
    true
}

const K1: u64 = 0x9e37_79b9_7f4a_7c15;
const K2: u64 = 0xbf58_476d_1ce4_e5b9;

/// The first eight bytes as a little-endian word; of a shorter id, its first and last four bytes
/// (overlapping when fewer than eight), or its bytes one by one when fewer than four. With the
/// length this holds every byte of an id of at most eight bytes. Fixed-size loads: a copy of a
/// variable length is a `memory.copy` call in wasm.
#[inline(always)]
fn first_word(bytes: &[u8]) -> u64 {
    if let Some(head) = bytes.first_chunk::<8>() {
        return u64::from_le_bytes(*head);
    }
    match (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
        (Some(head), Some(tail)) => {
            u64::from(u32::from_le_bytes(*head)) | u64::from(u32::from_le_bytes(*tail)) << 32
        }
        _ => bytes.iter().rev().fold(0, |w, &b| (w << 8) | u64::from(b)),
    }
}

/// The last eight bytes of an id longer than eight bytes, else 0.
#[inline(always)]
fn last_word(bytes: &[u8]) -> u64 {
    match bytes.last_chunk::<8>() {
        Some(tail) if bytes.len() > 8 => u64::from_le_bytes(*tail),
        _ => 0,
    }
}

/// Mixes the first and last words and the length. The final multiply carries every input bit
/// into the top bits, which pick the slot.
#[inline(always)]
fn hash(first: u64, last: u64, len: usize) -> u64 {
    let x = (first ^ (first >> 32)).wrapping_mul(K1) ^ last ^ len as u64;
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

    /// The number of `id` (whose words are `first` and `last`, and hash `hash`), or where to put
    /// it: `Err(slot)`.
    #[inline(always)]
    fn find(&self, id: &[u8], first: u64, last: u64, hash: u64) -> Result<u32, usize> {
        let mask = self.slots.len() - 1;
        let tag = hash as u32;
        let mut slot = (hash >> self.shift) as usize;
        loop {
            let (t, entry) = self.slots[slot];
            if entry == 0 {
                return Err(slot);
            }
            if t == tag && self.ids[entry as usize - 1].is(id, first, last) {
                return Ok(entry - 1);
            }
            slot = (slot + 1) & mask;
        }
    }

    /// The number of `id`, if it has one.
    #[inline(always)]
    pub(super) fn get(&self, id: &str) -> Option<u32> {
        let bytes = id.as_bytes();
        let (first, last) = (first_word(bytes), last_word(bytes));
        self.find(bytes, first, last, hash(first, last, bytes.len()))
            .ok()
    }

    /// The number of `id`, numbering it if it is new; `true` when it is.
    #[inline(always)]
    pub(super) fn number(&mut self, id: &'a str) -> (u32, bool) {
        let bytes = id.as_bytes();
        let (first, last) = (first_word(bytes), last_word(bytes));
        let h = hash(first, last, bytes.len());
        match self.find(bytes, first, last, h) {
            Ok(n) => (n, false),
            Err(slot) => {
                let n = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
                self.ids.push(Key { first, last, id });
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
        for (n, key) in self.ids.iter().enumerate() {
            let h = hash(key.first, key.last, key.id.len());
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
        // Every length up to 40, differing in one byte anywhere: all distinct, all found.
        let mut ids = Vec::new();
        for len in 0..40 {
            for at in 0..len {
                let mut id = vec![b'a'; len];
                id[at] = b'b';
                ids.push(String::from_utf8(id).unwrap());
            }
            ids.push("a".repeat(len));
        }
        let mut table = IdNumbers::with_capacity(8);
        for (i, id) in ids.iter().enumerate() {
            assert_eq!(table.number(id), (i as u32, true), "{id}");
        }
        for (i, id) in ids.iter().enumerate() {
            assert_eq!(table.get(id), Some(i as u32), "{id}");
        }
        assert_eq!(table.get(&"a".repeat(40)), None);
        assert_eq!(table.get("c"), None);
    }
}
