//! Delimited text (CSV, TSV): which separator the file uses, and its rows.
//!
//! Parsing itself (quotes, doubled quotes, line breaks inside quotes) is the `csv` crate's; this
//! file only guesses the separator and numbers the rows as a text editor shows them.

use super::table::{Cell, SourceRow};

/// How many lines the separator is guessed from.
const SAMPLE_LINES: usize = 50;

/// The character between the cells of a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Separator {
    /// `;`: what 1C and a Russian Excel write, since `,` is the decimal separator.
    Semicolon,
    /// `,`: the international CSV.
    Comma,
    /// A tab: TSV, or cells copied out of a spreadsheet.
    Tab,
}

impl Separator {
    /// Every separator a person can choose.
    pub const ALL: [Separator; 3] = [Separator::Semicolon, Separator::Comma, Separator::Tab];

    /// The separator's byte.
    pub fn byte(self) -> u8 {
        match self {
            Separator::Semicolon => b';',
            Separator::Comma => b',',
            Separator::Tab => b'\t',
        }
    }

    /// The separator of `text`: the one that splits the most of the first lines into the same
    /// number of cells (a table has as many cells in every row), the larger count winning a tie.
    /// Separators inside quotes do not count, so `"1 234,56"` does not make a file comma-separated;
    /// a Russian file's unquoted decimal commas vary from row to row and lose to its `;`.
    pub fn detect(text: &str) -> Separator {
        let lines: Vec<&str> = text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .take(SAMPLE_LINES)
            .collect();
        let mut best = (Separator::Semicolon, 0usize, 0usize);
        for sep in [Separator::Tab, Separator::Semicolon, Separator::Comma] {
            let counts: Vec<usize> = lines.iter().map(|l| count_outside_quotes(l, sep)).collect();
            let Some(mode) = mode(&counts) else { continue };
            let agreeing = counts.iter().filter(|&&c| c == mode).count();
            if (agreeing, mode) > (best.1, best.2) {
                best = (sep, agreeing, mode);
            }
        }
        best.0
    }
}

fn count_outside_quotes(line: &str, sep: Separator) -> usize {
    let sep = char::from(sep.byte());
    let mut quoted = false;
    let mut count = 0;
    for c in line.chars() {
        if c == '"' {
            quoted = !quoted;
        } else if c == sep && !quoted {
            count += 1;
        }
    }
    count
}

/// The most frequent non-zero count (the larger on a tie); `None` when every count is zero.
fn mode(counts: &[usize]) -> Option<usize> {
    let mut tally: Vec<(usize, usize)> = Vec::new();
    for &c in counts.iter().filter(|&&c| c > 0) {
        match tally.iter_mut().find(|(value, _)| *value == c) {
            Some((_, n)) => *n += 1,
            None => tally.push((c, 1)),
        }
    }
    tally
        .into_iter()
        .max_by_key(|&(value, n)| (n, value))
        .map(|(value, _)| value)
}

/// The rows of `text` split by `sep`, each with the line number it starts on. A quote left open
/// swallows the rest of the file into one cell rather than failing: the person sees it.
pub fn read_rows(text: &str, sep: Separator) -> Vec<SourceRow> {
    let mut reader = RowReader::new(text.to_owned(), sep);
    reader.step(usize::MAX);
    reader.into_rows()
}

/// Reads the rows of a text a few thousand at a time, so a 100 000-row file can be read in
/// slices between which the page paints; [`read_rows`] is the same reader run to the end.
pub struct RowReader {
    reader: csv::Reader<std::io::Cursor<Vec<u8>>>,
    record: csv::StringRecord,
    rows: Vec<SourceRow>,
    line: usize,
    counted: usize,
    finished: bool,
}

impl RowReader {
    /// A reader at the start of `text`.
    pub fn new(text: String, sep: Separator) -> RowReader {
        let reader = csv::ReaderBuilder::new()
            .delimiter(sep.byte())
            .has_headers(false)
            .flexible(true)
            .from_reader(std::io::Cursor::new(text.into_bytes()));
        RowReader {
            reader,
            record: csv::StringRecord::new(),
            rows: Vec::new(),
            line: 1,
            counted: 0,
            finished: false,
        }
    }

    /// Reads up to `rows` more rows; returns whether the text is read to its end.
    pub fn step(&mut self, rows: usize) -> bool {
        for _ in 0..rows {
            // The text came from a `String`, so it is valid UTF-8 and reading cannot fail.
            if !matches!(self.reader.read_record(&mut self.record), Ok(true)) {
                self.finished = true;
                break;
            }
            let bytes = self.reader.get_ref().get_ref();
            let counted = self.counted;
            // The crate's own line count skips blank lines and counts "\r\n" oddly, so the
            // number is counted here from the byte where each record starts. The position is
            // where reading began, before the blank lines the reader skipped.
            let mut start = self
                .record
                .position()
                .map_or(counted, |p| p.byte() as usize);
            while matches!(bytes.get(start), Some(b'\r' | b'\n')) {
                start += 1;
            }
            self.line += bytes[counted..start.max(counted)]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            self.counted = start.max(counted);
            self.rows.push(SourceRow {
                number: self.line,
                cells: self
                    .record
                    .iter()
                    .map(|c| Cell::Text(c.to_owned()))
                    .collect(),
            });
        }
        self.finished
    }

    /// How far the reading is: bytes read and bytes in all.
    pub fn progress(&self) -> (usize, usize) {
        let total = self.reader.get_ref().get_ref().len();
        let done = if self.finished { total } else { self.counted };
        (done, total)
    }

    /// The rows read so far.
    pub fn into_rows(self) -> Vec<SourceRow> {
        self.rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ONE_C: &str = "Продажи за январь 2026\n\
        Контрагент;ИНН;Сумма;Количество\n\
        ООО «Вектор»;7707083893;1 234,56;1,5\n\
        \"ИП Орлов; опт\";500100732259;500;2\n\
        Итого;;1 734,56;3,5\n";

    #[test]
    fn guesses_the_separator() {
        assert_eq!(Separator::detect(ONE_C), Separator::Semicolon);
        assert_eq!(
            Separator::detect("name,inn,amount\n\"Vector, LLC\",7707083893,\"1,234.56\"\nB,1,2\n"),
            Separator::Comma
        );
        assert_eq!(Separator::detect("a\tb\tc\n1\t2,5\t3\n"), Separator::Tab);
        assert_eq!(
            Separator::detect("one column\nonly\n"),
            Separator::Semicolon
        );
    }

    #[test]
    fn reads_rows_with_their_line_numbers() {
        let rows = read_rows(ONE_C, Separator::Semicolon);
        assert_eq!(rows.len(), 5);
        assert_eq!(rows[1].number, 2);
        assert_eq!(rows[3].cells[0], Cell::Text("ИП Орлов; опт".into()));
        assert_eq!(rows[0].cells.len(), 1);
        // A line break inside quotes keeps the next row's number right.
        let rows = read_rows("a;\"x\ny\"\nb;c\n", Separator::Semicolon);
        assert_eq!(rows[0].cells[1], Cell::Text("x\ny".into()));
        assert_eq!(rows[1].number, 3);
        // Blank lines and Windows line ends count as a text editor counts them.
        let rows = read_rows("a\r\n\r\nb\nc\r\n\r\n\r\nd", Separator::Semicolon);
        let numbers: Vec<usize> = rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, [1, 3, 4, 7]);
    }
}
