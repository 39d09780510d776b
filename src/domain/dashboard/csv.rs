//! A dashboard table as CSV for a spreadsheet: `;` between fields (what Excel expects in a
//! Russian locale), fields quoted when they hold `;`, `"` or a line break, a byte-order mark so
//! that Excel reads the Cyrillic as UTF-8, CRLF line ends.

/// The rows as CSV text.
pub fn to_csv(rows: &[Vec<String>]) -> String {
    let mut out = String::from("\u{feff}");
    for row in rows {
        let fields: Vec<String> = row
            .iter()
            .map(|f| {
                if f.contains([';', '"', '\n', '\r']) {
                    format!("\"{}\"", f.replace('"', "\"\""))
                } else {
                    f.clone()
                }
            })
            .collect();
        out.push_str(&fields.join(";"));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_separated_and_quoted_only_when_needed() {
        let rows = vec![
            vec!["Месяц".to_owned(), "Выручка".to_owned()],
            vec!["11.2026".to_owned(), "1 234 ₽".to_owned()],
            vec!["ООО «А;Б»".to_owned(), "say \"hi\"".to_owned()],
        ];
        assert_eq!(
            to_csv(&rows),
            "\u{feff}Месяц;Выручка\r\n11.2026;1 234 ₽\r\n\"ООО «А;Б»\";\"say \"\"hi\"\"\"\r\n"
        );
        assert_eq!(to_csv(&[]), "\u{feff}");
    }
}
