//! Text inside the xlsx's XML: the five special characters as entities, and the control
//! characters XML 1.0 cannot hold written the way Excel writes them, `_xHHHH_` (so an
//! underscore that already looks like that is escaped too).

/// Appends `text` to `out`, escaped for an XML attribute or element.
pub fn escape_into(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {
                out.push_str(&format!("_x{:04X}_", c as u32));
            }
            '_' if looks_escaped(rest) => out.push_str("_x005F_"),
            c => out.push(c),
        }
        rest = &rest[c.len_utf8()..];
    }
}

/// Whether `text` starts like an `_xHHHH_` escape, which Excel would decode.
fn looks_escaped(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() >= 7 && b[1] == b'x' && b[2..6].iter().all(u8::is_ascii_hexdigit) && b[6] == b'_'
}

/// `text` escaped (see [`escape_into`]).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_and_control_characters_are_escaped() {
        assert_eq!(escape("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&apos;");
        assert_eq!(escape("x\u{1}y\tz\n"), "x_x0001_y\tz\n");
        assert_eq!(escape("_x0041_ _y"), "_x005F_x0041_ _y");
        assert_eq!(escape("ООО «Ромашка»"), "ООО «Ромашка»");
    }
}
