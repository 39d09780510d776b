//! A zip archive written entry by entry, each entry deflated as its text arrives (so a sheet
//! of 100 000 rows is never one string), with the sizes and CRC patched into the local header
//! once the entry ends — the archive is built in memory anyway.

use miniz_oxide::deflate::core::{
    compress, create_comp_flags_from_zip_params, CompressorOxide, TDEFLFlush, TDEFLStatus,
};

/// Fast deflate: sheets are repetitive XML, and speed matters more than the last few percent.
const LEVEL: i32 = 1;

/// CRC-32 (IEEE) table, built at compile time.
const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        table[i] = c;
        i += 1;
    }
    table
};

/// The entry being written.
struct Open {
    header_at: usize,
    name: String,
    crc: u32,
    size: u64,
    deflater: Box<CompressorOxide>,
}

/// A finished entry, for the central directory.
struct Entry {
    header_at: usize,
    name: String,
    crc: u32,
    size: u32,
    packed: u32,
}

/// A zip archive being written.
#[derive(Default)]
pub struct ZipWriter {
    out: Vec<u8>,
    entries: Vec<Entry>,
    open: Option<Open>,
}

fn u16le(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn u32le(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

impl ZipWriter {
    /// Starts an entry named `name` (ending the one before).
    pub fn start(&mut self, name: &str) {
        self.end();
        let header_at = self.out.len();
        let o = &mut self.out;
        u32le(o, 0x0403_4b50);
        u16le(o, 20); // version needed
        u16le(o, 1 << 11); // flags: the name is UTF-8
        u16le(o, 8); // deflate
        u16le(o, 0); // time
        u16le(o, 0x21); // date: 1.1.1980
        u32le(o, 0); // crc, sizes: patched in `end`
        u32le(o, 0);
        u32le(o, 0);
        u16le(o, name.len() as u16);
        u16le(o, 0);
        o.extend_from_slice(name.as_bytes());
        let flags = create_comp_flags_from_zip_params(LEVEL, -15, 0);
        self.open = Some(Open {
            header_at,
            name: name.to_owned(),
            crc: !0,
            size: 0,
            deflater: Box::new(CompressorOxide::new(flags)),
        });
    }

    /// Adds `data` to the open entry.
    pub fn write(&mut self, data: &[u8]) {
        let Some(open) = self.open.as_mut() else {
            return;
        };
        for &b in data {
            open.crc = CRC_TABLE[((open.crc ^ u32::from(b)) & 0xff) as usize] ^ (open.crc >> 8);
        }
        open.size += data.len() as u64;
        deflate(&mut open.deflater, data, TDEFLFlush::None, &mut self.out);
    }

    /// Ends the open entry, if any.
    fn end(&mut self) {
        let Some(mut open) = self.open.take() else {
            return;
        };
        deflate(&mut open.deflater, &[], TDEFLFlush::Finish, &mut self.out);
        let data_at = open.header_at + 30 + open.name.len();
        let entry = Entry {
            header_at: open.header_at,
            crc: !open.crc,
            size: open.size as u32,
            packed: (self.out.len() - data_at) as u32,
            name: open.name,
        };
        let at = entry.header_at + 14;
        self.out[at..at + 4].copy_from_slice(&entry.crc.to_le_bytes());
        self.out[at + 4..at + 8].copy_from_slice(&entry.packed.to_le_bytes());
        self.out[at + 8..at + 12].copy_from_slice(&entry.size.to_le_bytes());
        self.entries.push(entry);
    }

    /// Ends the archive and returns its bytes.
    pub fn finish(mut self) -> Vec<u8> {
        self.end();
        let directory_at = self.out.len();
        let o = &mut self.out;
        for e in &self.entries {
            u32le(o, 0x0201_4b50);
            u16le(o, 20); // made by
            u16le(o, 20); // needed
            u16le(o, 1 << 11);
            u16le(o, 8);
            u16le(o, 0);
            u16le(o, 0x21);
            u32le(o, e.crc);
            u32le(o, e.packed);
            u32le(o, e.size);
            u16le(o, e.name.len() as u16);
            u16le(o, 0); // extra
            u16le(o, 0); // comment
            u16le(o, 0); // disk
            u16le(o, 0); // internal attributes
            u32le(o, 0); // external attributes
            u32le(o, e.header_at as u32);
            o.extend_from_slice(e.name.as_bytes());
        }
        let directory_len = o.len() - directory_at;
        u32le(o, 0x0605_4b50);
        u16le(o, 0);
        u16le(o, 0);
        u16le(o, self.entries.len() as u16);
        u16le(o, self.entries.len() as u16);
        u32le(o, directory_len as u32);
        u32le(o, directory_at as u32);
        u16le(o, 0);
        self.out
    }
}

/// Feeds `input` to the deflater, appending what it writes to `out`.
fn deflate(d: &mut CompressorOxide, mut input: &[u8], flush: TDEFLFlush, out: &mut Vec<u8>) {
    let mut buf = [0u8; 16 * 1024];
    loop {
        let (status, read, written) = compress(d, input, &mut buf, flush);
        out.extend_from_slice(&buf[..written]);
        input = &input[read..];
        match status {
            TDEFLStatus::Done => return,
            TDEFLStatus::Okay if input.is_empty() && written < buf.len() => {
                if flush != TDEFLFlush::Finish {
                    return;
                }
            }
            TDEFLStatus::Okay => {}
            // Bad parameters or a finished stream fed again: a bug here, not the data's.
            _ => return,
        }
    }
}
