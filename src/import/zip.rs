//! The files inside a zip archive (what an `.xlsx` is), stored or deflated. Inflating is
//! `miniz_oxide`'s, which the app already links for its storage; a general zip crate would bring
//! a second inflater and every other compression method, which no workbook uses.

use thiserror::Error;

/// The largest file inside an archive that is unpacked: far above a 100 000-row sheet, and a
/// guard against a «zip bomb» filling the tab's memory.
pub const MAX_ENTRY_BYTES: usize = 512 * 1024 * 1024;

const END_OF_DIRECTORY: u32 = 0x0605_4b50;
const DIRECTORY_ENTRY: u32 = 0x0201_4b50;
const LOCAL_HEADER: u32 = 0x0403_4b50;

/// Why an archive or a file in it cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ZipError {
    /// No zip directory: not a zip file, or cut short.
    #[error("not a zip archive")]
    NotZip,
    /// A record points outside the file.
    #[error("the archive is damaged")]
    Damaged,
    /// The file is encrypted.
    #[error("the archive is encrypted")]
    Encrypted,
    /// A compression method other than stored or deflate.
    #[error("compression method {0} is not supported")]
    Method(u16),
    /// Unpacked, the file would be larger than [`MAX_ENTRY_BYTES`].
    #[error("a file in the archive is too large")]
    TooLarge,
}

#[derive(Clone, Debug)]
struct Entry {
    name: String,
    flags: u16,
    method: u16,
    compressed: usize,
    local_offset: usize,
}

/// An opened archive: its directory, read once.
#[derive(Clone, Debug)]
pub struct Archive<'a> {
    bytes: &'a [u8],
    entries: Vec<Entry>,
}

fn u16_at(bytes: &[u8], at: usize) -> Result<u16, ZipError> {
    let b = bytes.get(at..at + 2).ok_or(ZipError::Damaged)?;
    Ok(u16::from_le_bytes([b[0], b[1]]))
}

fn u32_at(bytes: &[u8], at: usize) -> Result<u32, ZipError> {
    let b = bytes.get(at..at + 4).ok_or(ZipError::Damaged)?;
    Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

impl<'a> Archive<'a> {
    /// Reads the directory at the end of `bytes`.
    pub fn open(bytes: &'a [u8]) -> Result<Archive<'a>, ZipError> {
        // The end record is 22 bytes plus a comment of up to 65 535 bytes, searched from the end.
        let earliest = bytes.len().saturating_sub(22 + 65_535);
        let end = (earliest..=bytes.len().saturating_sub(22))
            .rev()
            .find(|&at| u32_at(bytes, at) == Ok(END_OF_DIRECTORY))
            .ok_or(ZipError::NotZip)?;
        let count = usize::from(u16_at(bytes, end + 10)?);
        let mut at = u32_at(bytes, end + 16)? as usize;
        let mut entries = Vec::with_capacity(count);
        for _ in 0..count {
            if u32_at(bytes, at)? != DIRECTORY_ENTRY {
                return Err(ZipError::Damaged);
            }
            let name_len = usize::from(u16_at(bytes, at + 28)?);
            let extra_len = usize::from(u16_at(bytes, at + 30)?);
            let comment_len = usize::from(u16_at(bytes, at + 32)?);
            let name = bytes
                .get(at + 46..at + 46 + name_len)
                .ok_or(ZipError::Damaged)?;
            entries.push(Entry {
                name: String::from_utf8_lossy(name).into_owned(),
                flags: u16_at(bytes, at + 8)?,
                method: u16_at(bytes, at + 10)?,
                compressed: u32_at(bytes, at + 20)? as usize,
                local_offset: u32_at(bytes, at + 42)? as usize,
            });
            at += 46 + name_len + extra_len + comment_len;
        }
        Ok(Archive { bytes, entries })
    }

    /// The unpacked file called `name` (names compared without case, as Excel does), or `None`
    /// when the archive has no such file.
    pub fn read(&self, name: &str) -> Option<Result<Vec<u8>, ZipError>> {
        let entry = (self.entries.iter()).find(|e| e.name.eq_ignore_ascii_case(name))?;
        Some(self.unpack(entry))
    }

    fn unpack(&self, entry: &Entry) -> Result<Vec<u8>, ZipError> {
        if entry.flags & 1 != 0 {
            return Err(ZipError::Encrypted);
        }
        let at = entry.local_offset;
        if u32_at(self.bytes, at)? != LOCAL_HEADER {
            return Err(ZipError::Damaged);
        }
        let start = at
            + 30
            + usize::from(u16_at(self.bytes, at + 26)?)
            + usize::from(u16_at(self.bytes, at + 28)?);
        let data = (self.bytes.get(start..start + entry.compressed)).ok_or(ZipError::Damaged)?;
        match entry.method {
            0 if data.len() > MAX_ENTRY_BYTES => Err(ZipError::TooLarge),
            0 => Ok(data.to_vec()),
            8 => miniz_oxide::inflate::decompress_to_vec_with_limit(data, MAX_ENTRY_BYTES).map_err(
                |e| match e.status {
                    miniz_oxide::inflate::TINFLStatus::HasMoreOutput => ZipError::TooLarge,
                    _ => ZipError::Damaged,
                },
            ),
            other => Err(ZipError::Method(other)),
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A zip of `files` (deflated), written the way any zip tool lays it out.
    pub(crate) fn zip(files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut directory = Vec::new();
        for (name, content) in files {
            let packed = miniz_oxide::deflate::compress_to_vec(content, 6);
            let offset = out.len() as u32;
            let header = |sig: u32, central: bool| {
                let mut h = sig.to_le_bytes().to_vec();
                if central {
                    h.extend(20u16.to_le_bytes());
                }
                h.extend(20u16.to_le_bytes()); // version needed
                h.extend(0u16.to_le_bytes()); // flags
                h.extend(8u16.to_le_bytes()); // deflate
                h.extend([0; 8]); // time, date, crc (not checked)
                h.extend((packed.len() as u32).to_le_bytes());
                h.extend((content.len() as u32).to_le_bytes());
                h.extend((name.len() as u16).to_le_bytes());
                h.extend(0u16.to_le_bytes()); // extra
                if central {
                    h.extend([0; 6]); // comment, disk, internal attributes
                    h.extend([0; 4]); // external attributes
                    h.extend(offset.to_le_bytes());
                }
                h.extend(name.as_bytes());
                h
            };
            out.extend(header(LOCAL_HEADER, false));
            out.extend(&packed);
            directory.extend(header(DIRECTORY_ENTRY, true));
        }
        let directory_at = out.len() as u32;
        out.extend(&directory);
        out.extend(END_OF_DIRECTORY.to_le_bytes());
        out.extend([0; 4]);
        out.extend((files.len() as u16).to_le_bytes());
        out.extend((files.len() as u16).to_le_bytes());
        out.extend((directory.len() as u32).to_le_bytes());
        out.extend(directory_at.to_le_bytes());
        out.extend(0u16.to_le_bytes());
        out
    }

    #[test]
    fn reads_files_back_out() {
        let bytes = zip(&[("a.txt", b"hello"), ("xl/Sheet.xml", "лист".as_bytes())]);
        let archive = Archive::open(&bytes).unwrap();
        assert_eq!(archive.read("a.txt"), Some(Ok(b"hello".to_vec())));
        assert_eq!(
            archive.read("XL/sheet.xml"),
            Some(Ok("лист".as_bytes().to_vec()))
        );
        assert_eq!(archive.read("b.txt"), None);
    }

    #[test]
    fn refuses_what_is_not_a_zip() {
        assert_eq!(
            Archive::open(b"PK\x03\x04 cut short").unwrap_err(),
            ZipError::NotZip
        );
        let mut bytes = zip(&[("a.txt", b"hello")]);
        bytes[0] = b'X';
        let archive = Archive::open(&bytes).unwrap();
        assert_eq!(archive.read("a.txt"), Some(Err(ZipError::Damaged)));
    }
}
