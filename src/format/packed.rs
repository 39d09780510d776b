//! The packed form of a stored value: the JSON deflated and written one byte per character
//! (U+0000–U+00FF), after a prefix with the save counter.
//!
//! Why packed: Chromium gives an origin about 5 MiB of `localStorage` and charges two bytes per
//! character for any string holding a non-Latin-1 character, so plain JSON with Cyrillic names
//! and 100 000 orders would not fit. Deflate shrinks the JSON several times, and one byte per
//! Latin-1 character keeps the string charged one byte per byte. Plain JSON (what version 1
//! stored, and every snapshot file) has no prefix and reads as it is.
//!
//! Two shapes: `SDZ1<revision>:<bytes>` is the whole JSON as one deflate stream (what earlier
//! builds wrote); `SDZ2<revision>:<length>,<length>,…;<bytes>` is the JSON cut into pieces, each
//! deflated on its own, so a save can reuse the pieces whose records did not change instead of
//! compressing megabytes again. Both unpack to the same JSON text.

use thiserror::Error;

/// Marks a value deflated as one stream (earlier builds). The save counter follows in plain
/// digits and a `:`, so another tab can read it without unpacking, and it can never disagree
/// with the data because both are one value.
pub const PACKED_PREFIX: &str = "SDZ1";
/// Marks a value deflated piece by piece (what this build writes); the counter follows as above.
pub const PIECES_PREFIX: &str = "SDZ2";
/// Deflate effort. Measured on 5 000 clients and 100 000 orders (bench_storage): level 1 packs in
/// 0.2 s but to 81 % of the quota, level 6 to 68 % in 0.9 s; level 3 gives 70 % in 0.34 s, and
/// saves happen after every edit.
const DEFLATE_LEVEL: u8 = 3;
/// The most a packed value may unpack to; far above a full workspace (about 40 MB of JSON), it
/// stops a damaged or hostile value from exhausting memory.
pub(super) const MAX_UNPACKED_BYTES: usize = 512 * 1024 * 1024;

/// A packed value that does not unpack (truncated or altered); the detail is for support.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("the packed data is damaged: {0}")]
pub struct Damaged(pub String);

/// A deflated piece, kept as the Latin-1 text it is stored as (one character per byte), so that
/// writing it into the next save is a plain copy.
pub struct Deflated {
    text: String,
    bytes: usize,
}

impl Deflated {
    /// `json` deflated as one piece.
    pub fn of(json: &[u8]) -> Deflated {
        let bytes = miniz_oxide::deflate::compress_to_vec(json, DEFLATE_LEVEL);
        let mut text = String::with_capacity(bytes.len() * 2);
        text.extend(bytes.iter().map(|&b| char::from(b)));
        Deflated {
            text,
            bytes: bytes.len(),
        }
    }

    /// The bytes the piece takes stored (one character per byte, so as many as Chromium counts).
    pub fn stored_len(&self) -> usize {
        self.bytes
    }
}

/// Writes a pieced value: plain text between pieces is collected and deflated as a piece of its
/// own when a ready-made piece follows.
#[derive(Default)]
pub struct PieceWriter {
    pending: String,
    lengths: Vec<usize>,
    body: String,
}

impl PieceWriter {
    /// Appends JSON text (it is deflated with whatever text follows it).
    pub fn text(&mut self, json: &str) {
        self.pending.push_str(json);
    }

    /// Appends a ready-made piece.
    pub fn deflated(&mut self, piece: &Deflated) {
        self.flush();
        self.lengths.push(piece.bytes);
        self.body.push_str(&piece.text);
    }

    fn flush(&mut self) {
        if !self.pending.is_empty() {
            let piece = Deflated::of(self.pending.as_bytes());
            self.pending.clear();
            self.lengths.push(piece.bytes);
            self.body.push_str(&piece.text);
        }
    }

    /// The stored text: prefix, save counter, piece lengths, and every piece's bytes.
    pub fn finish(mut self, revision: u64) -> String {
        self.flush();
        let lengths: Vec<String> = self.lengths.iter().map(usize::to_string).collect();
        let mut text = format!("{PIECES_PREFIX}{revision}:{};", lengths.join(","));
        text.push_str(&self.body);
        text
    }
}

/// `json` packed as one piece with its save counter.
pub fn pack(json: &str, revision: u64) -> String {
    let mut writer = PieceWriter::default();
    writer.text(json);
    writer.finish(revision)
}

/// The save counter of a stored value, read from its prefix without unpacking (0 for plain JSON
/// or anything unreadable).
pub fn stored_revision(text: &str) -> u64 {
    text.strip_prefix(PACKED_PREFIX)
        .or_else(|| text.strip_prefix(PIECES_PREFIX))
        .and_then(|rest| rest.split_once(':'))
        .and_then(|(digits, _)| digits.parse().ok())
        .unwrap_or(0)
}

/// Whether `text` is plain JSON (nothing for [`unpack`] to do).
pub fn is_plain(text: &str) -> bool {
    !text.starts_with(PIECES_PREFIX) && !text.starts_with(PACKED_PREFIX)
}

/// The JSON inside a value: unpacked when packed, as it is otherwise.
pub fn unpack(text: &str) -> Result<String, Damaged> {
    if let Some(rest) = text.strip_prefix(PIECES_PREFIX) {
        return unpack_pieces(after_revision(rest)?);
    }
    let Some(rest) = text.strip_prefix(PACKED_PREFIX) else {
        return Ok(text.to_owned());
    };
    let json = inflate(&latin1_bytes(after_revision(rest)?)?, MAX_UNPACKED_BYTES)?;
    String::from_utf8(json).map_err(|e| Damaged(e.to_string()))
}

/// What follows the save counter and its `:`.
pub(super) fn after_revision(rest: &str) -> Result<&str, Damaged> {
    match rest.split_once(':') {
        Some((digits, body)) if digits.chars().all(|c| c.is_ascii_digit()) => Ok(body),
        _ => Err(Damaged("no revision before the packed data".into())),
    }
}

/// The bytes a Latin-1 text stands for. Read from its UTF-8 byte by byte rather than char by
/// char: at full size it is millions of characters on the cold load's path.
pub(super) fn latin1_bytes(body: &str) -> Result<Vec<u8>, Damaged> {
    let utf8 = body.as_bytes();
    let mut bytes = Vec::with_capacity(utf8.len());
    let mut at = 0;
    while let Some(&b) = utf8.get(at) {
        match b {
            0x00..=0x7F => {
                bytes.push(b);
                at += 1;
            }
            // U+0080–U+00FF: 0xC2 or 0xC3, then a continuation byte (a &str is valid UTF-8).
            0xC2 | 0xC3 => {
                let next = utf8.get(at + 1).copied().unwrap_or(0);
                bytes.push(((b & 0x03) << 6) | (next & 0x3F));
                at += 2;
            }
            _ => {
                let c = body[at..].chars().next().unwrap_or_default();
                return Err(Damaged(format!("character U+{:04X}", u32::from(c))));
            }
        }
    }
    Ok(bytes)
}

pub(super) fn inflate(bytes: &[u8], limit: usize) -> Result<Vec<u8>, Damaged> {
    miniz_oxide::inflate::decompress_to_vec_with_limit(bytes, limit)
        .map_err(|e| Damaged(format!("{:?}", e.status)))
}

/// `<length>,<length>,…;<bytes>`: every piece inflated, in order, as one text.
fn unpack_pieces(rest: &str) -> Result<String, Damaged> {
    let (lengths, bytes) = piece_list(rest)?;
    let mut json = Vec::new();
    let mut at = 0;
    for length in lengths {
        let room = MAX_UNPACKED_BYTES.saturating_sub(json.len());
        json.extend(inflate(&bytes[at..at + length], room)?);
        at += length;
    }
    String::from_utf8(json).map_err(|e| Damaged(e.to_string()))
}

/// The pieces' lengths and their bytes, checked to add up (shared with
/// [`super::unpack_steps`], so both refuse the same values with the same words).
pub(super) fn piece_list(rest: &str) -> Result<(Vec<usize>, Vec<u8>), Damaged> {
    let (lengths, body) = rest
        .split_once(';')
        .ok_or_else(|| Damaged("no list of pieces".into()))?;
    let lengths = if lengths.is_empty() {
        Vec::new()
    } else {
        lengths
            .split(',')
            .map(|l| {
                l.parse::<usize>()
                    .map_err(|_| Damaged(format!("piece length {l:?}")))
            })
            .collect::<Result<Vec<usize>, _>>()?
    };
    let bytes = latin1_bytes(body)?;
    if lengths
        .iter()
        .try_fold(0usize, |sum, l| sum.checked_add(*l))
        != Some(bytes.len())
    {
        return Err(Damaged(format!(
            "the pieces do not add up to the {} bytes stored",
            bytes.len()
        )));
    }
    Ok((lengths, bytes))
}

/// A value as readable text for a recovery download: unpacked when possible, else raw.
pub fn readable(text: &str) -> String {
    unpack(text).unwrap_or_else(|_| text.to_owned())
}
