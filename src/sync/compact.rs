//! The sync state in a compact binary form for storage: a full-size team's state (115 148
//! documents) is 14-15 MB as JSON, about a third of that here (5 MB), so it can be kept (in IndexedDB)
//! instead of being pulled again after every reload. Documents are sorted by `_id`, so each
//! `_id` is stored as the length it shares with the previous one plus the rest; a CouchDB
//! revision (`<generation>-<32 hex digits>`) as its generation and 16 bytes; owners as an
//! index into a table. A checksum at the end tells a damaged copy from a good one: reading one
//! fails, and the caller starts from nothing (pulls everything again).

use super::state::{DocState, SetAside, SyncState};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::ops::Bound;

/// The first bytes of the form (and its version).
const MAGIC: &[u8; 4] = b"SDS1";

/// Why a stored sync state could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompactError {
    /// Not this form, or its checksum does not match: damaged or from something else.
    Damaged,
    /// The bytes end before the state does.
    Truncated,
}

/// What the form keeps as JSON: everything but the documents.
#[derive(Serialize, Deserialize)]
struct Header {
    server: String,
    db: String,
    #[serde(default)]
    last_seq: Option<Value>,
    #[serde(default)]
    set_aside: Vec<SetAside>,
}

/// The state in the compact form.
pub fn encode_state(state: &SyncState) -> Vec<u8> {
    let mut encoder = StateEncoder::new(state);
    while !encoder.step(state, usize::MAX) {}
    encoder.finish()
}

/// The compact form written a few documents at a time ([`encode_state`] in one go): at team
/// scale encoding is 100–150 ms in the browser, too long for one task. The state must not
/// change between the steps (the caller starts again if it did); each step goes on after the
/// last document id it wrote.
pub struct StateEncoder {
    out: Vec<u8>,
    /// The owners' table, sorted: a document names its owner by place in it.
    owners: Vec<String>,
    /// The last document id written; `None` before the first.
    last: Option<String>,
    done: bool,
}

impl StateEncoder {
    /// An encoder with the header, the owners' table and the count written.
    pub fn new(state: &SyncState) -> Self {
        let header = Header {
            server: state.server.clone(),
            db: state.db.clone(),
            last_seq: state.last_seq.clone(),
            set_aside: state.set_aside.clone(),
        };
        let mut out = Vec::with_capacity(64 + state.docs.len() * 36);
        out.extend_from_slice(MAGIC);
        put_bytes(
            &mut out,
            serde_json::to_string(&header)
                .expect("serialises")
                .as_bytes(),
        );
        let mut owners: Vec<&str> = state
            .docs
            .values()
            .filter_map(|d| d.owner.as_deref())
            .collect();
        owners.sort_unstable();
        owners.dedup();
        put_varint(&mut out, owners.len() as u64);
        for owner in &owners {
            put_bytes(&mut out, owner.as_bytes());
        }
        put_varint(&mut out, state.docs.len() as u64);
        StateEncoder {
            out,
            owners: owners.into_iter().map(str::to_owned).collect(),
            last: None,
            done: state.docs.is_empty(),
        }
    }

    /// Writes up to `docs` more documents; true when all are written.
    pub fn step(&mut self, state: &SyncState, docs: usize) -> bool {
        if self.done {
            return true;
        }
        let rest = match &self.last {
            Some(last) => state
                .docs
                .range::<str, _>((Bound::Excluded(last.as_str()), Bound::Unbounded)),
            None => state.docs.range::<str, _>(..),
        };
        let mut previous = self.last.clone().unwrap_or_default();
        let mut written = 0;
        for (id, doc) in rest.take(docs.max(1)) {
            let shared = shared_prefix(&previous, id);
            put_varint(&mut self.out, shared as u64);
            put_bytes(&mut self.out, &id.as_bytes()[shared..]);
            previous.clone_from(id);
            match compact_rev(&doc.rev) {
                Some((generation, digest)) => {
                    put_varint(&mut self.out, generation << 1);
                    self.out.extend_from_slice(&digest);
                }
                None => {
                    put_varint(&mut self.out, ((doc.rev.len() as u64) << 1) | 1);
                    self.out.extend_from_slice(doc.rev.as_bytes());
                }
            }
            self.out.extend_from_slice(&doc.hash.to_le_bytes());
            let owner = (doc.owner.as_deref()).map_or(0, |o| {
                (self.owners.binary_search_by(|x| x.as_str().cmp(o))).expect("listed") + 1
            });
            put_varint(&mut self.out, owner as u64);
            written += 1;
        }
        if written < docs.max(1) {
            self.done = true;
        }
        self.last = Some(previous);
        self.done
    }

    /// The bytes, with the checksum that ends them.
    pub fn finish(mut self) -> Vec<u8> {
        let sum = checksum(&self.out);
        self.out.extend_from_slice(&sum.to_le_bytes());
        self.out
    }
}

/// The state read back from the compact form.
pub fn decode_state(bytes: &[u8]) -> Result<SyncState, CompactError> {
    if bytes.len() < MAGIC.len() + 8 || &bytes[..4] != MAGIC {
        return Err(CompactError::Damaged);
    }
    let (body, sum) = bytes.split_at(bytes.len() - 8);
    if checksum(body).to_le_bytes() != sum {
        return Err(CompactError::Damaged);
    }
    let mut r = Reader { bytes: body, at: 4 };
    // Read as text, not with `from_slice`: that would compile serde_json's whole reader a second
    // time (for bytes) into the wasm. The header is serde_json's own output, so always UTF-8.
    let header = std::str::from_utf8(r.bytes()?).map_err(|_| CompactError::Damaged)?;
    let header: Header = serde_json::from_str(header).map_err(|_| CompactError::Damaged)?;
    let owner_count = r.varint()? as usize;
    let mut owners = Vec::with_capacity(owner_count.min(body.len()));
    for _ in 0..owner_count {
        owners.push(r.text()?);
    }
    let count = r.varint()? as usize;
    let mut docs = BTreeMap::new();
    let mut previous = String::new();
    for _ in 0..count {
        let shared = r.varint()? as usize;
        let rest = r.text()?;
        let mut id = previous
            .get(..shared)
            .ok_or(CompactError::Damaged)?
            .to_owned();
        id.push_str(&rest);
        let tag = r.varint()?;
        let rev = if tag & 1 == 0 {
            let digest = r.take(16)?;
            let mut rev = format!("{}-", tag >> 1);
            for byte in digest {
                rev.push_str(&format!("{byte:02x}"));
            }
            rev
        } else {
            let raw = r.take((tag >> 1) as usize)?;
            String::from_utf8(raw.to_vec()).map_err(|_| CompactError::Damaged)?
        };
        let hash = u64::from_le_bytes(r.take(8)?.try_into().expect("8 bytes"));
        let owner = match r.varint()? as usize {
            0 => None,
            i => Some(owners.get(i - 1).ok_or(CompactError::Damaged)?.clone()),
        };
        previous.clone_from(&id);
        docs.insert(id, DocState { rev, hash, owner });
    }
    if r.at != body.len() {
        return Err(CompactError::Damaged);
    }
    Ok(SyncState {
        server: header.server,
        db: header.db,
        last_seq: header.last_seq,
        docs,
        set_aside: header.set_aside,
    })
}

/// A revision `<generation>-<32 lower-case hex digits>` as its generation and 16 bytes.
fn compact_rev(rev: &str) -> Option<(u64, [u8; 16])> {
    let (generation, digest) = rev.split_once('-')?;
    let generation: u64 = generation.parse().ok()?;
    if digest.len() != 32 || generation.to_string().len() != rev.len() - 33 {
        return None;
    }
    let mut out = [0u8; 16];
    for (i, pair) in digest.as_bytes().chunks(2).enumerate() {
        let hex = |c: u8| match c {
            b'0'..=b'9' => Some(c - b'0'),
            b'a'..=b'f' => Some(c - b'a' + 10),
            _ => None,
        };
        out[i] = hex(pair[0])? << 4 | hex(pair[1])?;
    }
    Some((generation, out))
}

fn shared_prefix(a: &str, b: &str) -> usize {
    let mut n = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    while !b.is_char_boundary(n) {
        n -= 1;
    }
    n
}

/// FNV-1a over the bytes: enough to tell a damaged copy, not a defence against forgery.
fn checksum(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn put_varint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn put_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    put_varint(out, bytes.len() as u64);
    out.extend_from_slice(bytes);
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], CompactError> {
        let end = self.at.checked_add(n).ok_or(CompactError::Damaged)?;
        let slice = self
            .bytes
            .get(self.at..end)
            .ok_or(CompactError::Truncated)?;
        self.at = end;
        Ok(slice)
    }

    fn varint(&mut self) -> Result<u64, CompactError> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.take(1)?[0];
            n |= u64::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return Ok(n);
            }
        }
        Err(CompactError::Damaged)
    }

    fn bytes(&mut self) -> Result<&'a [u8], CompactError> {
        let n = self.varint()? as usize;
        self.take(n)
    }

    fn text(&mut self) -> Result<String, CompactError> {
        let raw = self.bytes()?;
        String::from_utf8(raw.to_vec()).map_err(|_| CompactError::Damaged)
    }
}

#[cfg(test)]
#[path = "compact_tests.rs"]
mod tests;
