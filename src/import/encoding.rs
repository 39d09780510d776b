//! Which character encoding a text file is in, and its text.
//!
//! The files people bring are UTF-8 (with or without the byte-order mark Excel writes) or
//! Windows-1251, what 1C and a Russian Excel save as «CSV». A file that is valid UTF-8 is read as
//! UTF-8: Cyrillic in Windows-1251 is almost never valid UTF-8 by accident (its letters are bytes
//! 0xC0–0xFF, which UTF-8 allows only as the start of a multi-byte sequence).

/// The byte-order mark Excel puts before UTF-8 text.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A text file's encoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextEncoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// Windows-1251 (Cyrillic), what 1C and a Russian Excel save.
    Windows1251,
}

impl TextEncoding {
    /// Every encoding a person can choose.
    pub const ALL: [TextEncoding; 2] = [TextEncoding::Utf8, TextEncoding::Windows1251];

    /// The encoding of `bytes`: UTF-8 when they have the mark or are valid UTF-8, otherwise
    /// Windows-1251 (every byte sequence is valid Windows-1251, so it is the fallback).
    pub fn detect(bytes: &[u8]) -> TextEncoding {
        if bytes.starts_with(BOM) || std::str::from_utf8(bytes).is_ok() {
            TextEncoding::Utf8
        } else {
            TextEncoding::Windows1251
        }
    }

    /// The text of `bytes` in this encoding, without a byte-order mark. A byte sequence that is
    /// not UTF-8 becomes «�» when the person insists on UTF-8: they see it and can switch.
    pub fn decode(self, bytes: &[u8]) -> String {
        match self {
            TextEncoding::Utf8 => {
                let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
                String::from_utf8_lossy(bytes).into_owned()
            }
            TextEncoding::Windows1251 => bytes.iter().map(|&b| cp1251_char(b)).collect(),
        }
    }
}

/// Bytes 0x80–0xBF of Windows-1251 (0xC0–0xFF are «А»–«я» in order, computed below). 0x98 is
/// unassigned and maps to U+0098 as the WHATWG Encoding Standard says. A table this small costs
/// less in the wasm than a general-purpose encoding crate, which links every encoding it knows.
const HIGH: [char; 64] = [
    '\u{0402}', '\u{0403}', '\u{201a}', '\u{0453}', '\u{201e}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{20ac}', '\u{2030}', '\u{0409}', '\u{2039}', '\u{040a}', '\u{040c}', '\u{040b}', '\u{040f}',
    '\u{0452}', '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{0098}', '\u{2122}', '\u{0459}', '\u{203a}', '\u{045a}', '\u{045c}', '\u{045b}', '\u{045f}',
    '\u{00a0}', '\u{040e}', '\u{045e}', '\u{0408}', '\u{00a4}', '\u{0490}', '\u{00a6}', '\u{00a7}',
    '\u{0401}', '\u{00a9}', '\u{0404}', '\u{00ab}', '\u{00ac}', '\u{00ad}', '\u{00ae}', '\u{0407}',
    '\u{00b0}', '\u{00b1}', '\u{0406}', '\u{0456}', '\u{0491}', '\u{00b5}', '\u{00b6}', '\u{00b7}',
    '\u{0451}', '\u{2116}', '\u{0454}', '\u{00bb}', '\u{0458}', '\u{0405}', '\u{0455}', '\u{0457}',
];

fn cp1251_char(byte: u8) -> char {
    match byte {
        0..=0x7f => char::from(byte),
        0x80..=0xbf => HIGH[usize::from(byte - 0x80)],
        _ => char::from_u32(0x410 + u32::from(byte - 0xc0)).unwrap_or('\u{fffd}'),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// «Контрагент;ИНН» as 1C writes it in Windows-1251, plus «№» and «ё».
    const CP1251: &[u8] = b"\xCA\xEE\xED\xF2\xF0\xE0\xE3\xE5\xED\xF2;\xC8\xCD\xCD \xB9 \xB8";

    #[test]
    fn tells_utf8_from_windows_1251() {
        assert_eq!(TextEncoding::detect(CP1251), TextEncoding::Windows1251);
        assert_eq!(
            TextEncoding::detect("Контрагент;ИНН".as_bytes()),
            TextEncoding::Utf8
        );
        assert_eq!(TextEncoding::detect(b"\xEF\xBB\xBFabc"), TextEncoding::Utf8);
        assert_eq!(TextEncoding::detect(b"plain ascii"), TextEncoding::Utf8);
    }

    #[test]
    fn decodes_windows_1251_exactly() {
        assert_eq!(
            TextEncoding::Windows1251.decode(CP1251),
            "Контрагент;ИНН № ё"
        );
        let all: Vec<u8> = (0xc0..=0xff).collect();
        let text = TextEncoding::Windows1251.decode(&all);
        assert_eq!(
            text,
            "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюя"
        );
        assert_eq!(
            TextEncoding::Windows1251.decode(b"\xA8\xA0\x96"),
            "Ё\u{a0}–"
        );
    }

    #[test]
    fn drops_the_byte_order_mark_and_marks_bad_utf8() {
        assert_eq!(TextEncoding::Utf8.decode("\u{feff}Дата".as_bytes()), "Дата");
        assert_eq!(TextEncoding::Utf8.decode(b"a\xCAb"), "a\u{fffd}b");
    }
}
