//! The `.xlsx` workbook: a zip of a few XML parts, one worksheet per table, text as inline
//! strings (never formulas, so nothing a user typed can run), numbers with the styles below.

use super::cell::{sheet_name, Cell, Column, Table};
use super::xml::{escape, escape_into};
use super::zip::ZipWriter;

/// The header style and the number formats, by the index `styles.xml` gives them.
const STYLE_HEADING: u8 = 1;
const STYLE_MONEY: u8 = 2;
const STYLE_DATE: u8 = 3;
const STYLE_INTEGER: u8 = 4;
const STYLE_PERCENT: u8 = 5;
const STYLE_DECIMAL: u8 = 6;

/// Rows looked at to fit a column's width.
const WIDTH_SAMPLE: usize = 1_000;

const STYLES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
    r##"<numFmts count="3"><numFmt numFmtId="164" formatCode="#,##0.00\ &quot;₽&quot;"/>"##,
    r#"<numFmt numFmtId="165" formatCode="dd\.mm\.yyyy"/><numFmt numFmtId="166" formatCode="0.0%"/></numFmts>"#,
    r#"<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>"#,
    r#"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#,
    r#"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#,
    r#"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#,
    r#"<cellXfs count="7"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#,
    r#"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#,
    r#"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#,
    r#"<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#,
    r#"<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#,
    r#"<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#,
    r#"<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>"#,
    r#"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#,
    r#"</styleSheet>"#
);

const MAIN_NS: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML_HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;

/// The column's letters: 0 → `A`, 25 → `Z`, 26 → `AA`.
pub fn column_letters(mut index: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    letters.reverse();
    String::from_utf8(letters).expect("ASCII letters")
}

/// A workbook being written, sheet by sheet and rows at a time.
#[derive(Default)]
pub struct XlsxWriter {
    zip: ZipWriter,
    sheets: Vec<String>,
    row: usize,
    open: bool,
    buf: String,
}

impl XlsxWriter {
    /// An empty workbook.
    pub fn new() -> Self {
        Self::default()
    }

    /// Starts a sheet named after `name` with `columns`; the widths fit the headings and the
    /// first rows of `sample` (the rows that follow are usually alike).
    pub fn begin_sheet(&mut self, name: &str, columns: &[Column], sample: &[Vec<Cell>]) {
        self.end_sheet();
        let name = sheet_name(name, &self.sheets);
        self.sheets.push(name);
        self.zip
            .start(&format!("xl/worksheets/sheet{}.xml", self.sheets.len()));
        let mut head = format!(
            "{XML_HEAD}<worksheet xmlns=\"{MAIN_NS}\" xmlns:r=\"{REL_NS}\"><sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>"
        );
        if !columns.is_empty() {
            head.push_str("<cols>");
            for (i, column) in columns.iter().enumerate() {
                let widest = sample
                    .iter()
                    .take(WIDTH_SAMPLE)
                    .filter_map(|row| row.get(i))
                    .map(Cell::width)
                    .chain([column.heading.chars().count() + 1])
                    .max()
                    .unwrap_or(8);
                let width = (widest + 2).clamp(6, 60);
                head.push_str(&format!(
                    "<col min=\"{n}\" max=\"{n}\" width=\"{width}\" customWidth=\"1\"/>",
                    n = i + 1
                ));
            }
            head.push_str("</cols>");
        }
        head.push_str("<sheetData>");
        self.zip.write(head.as_bytes());
        self.row = 0;
        self.open = true;
        let headings: Vec<Cell> = columns
            .iter()
            .map(|c| Cell::Text(c.heading.clone()))
            .collect();
        self.write_row(&headings, Some(STYLE_HEADING));
    }

    /// Adds rows to the open sheet.
    pub fn write_rows(&mut self, rows: &[Vec<Cell>]) {
        for row in rows {
            self.write_row(row, None);
        }
    }

    fn write_row(&mut self, row: &[Cell], style: Option<u8>) {
        self.row += 1;
        let r = self.row;
        let b = &mut self.buf;
        b.clear();
        b.push_str(&format!("<row r=\"{r}\">"));
        for (i, cell) in row.iter().enumerate() {
            let at = format!("{}{r}", column_letters(i));
            let number_style = match cell {
                Cell::Empty => continue,
                Cell::Text(text) => {
                    let s = style.map(|s| format!(" s=\"{s}\"")).unwrap_or_default();
                    b.push_str(&format!("<c r=\"{at}\" t=\"inlineStr\"{s}><is><t"));
                    if text.starts_with(char::is_whitespace) || text.ends_with(char::is_whitespace)
                    {
                        b.push_str(" xml:space=\"preserve\"");
                    }
                    b.push('>');
                    escape_into(b, text);
                    b.push_str("</t></is></c>");
                    continue;
                }
                Cell::Integer(_) => STYLE_INTEGER,
                Cell::Money(_) => STYLE_MONEY,
                Cell::Date(_) => STYLE_DATE,
                Cell::Percent(_) => STYLE_PERCENT,
                Cell::Decimal(_) => STYLE_DECIMAL,
            };
            let value = cell.number().unwrap_or_default();
            b.push_str(&format!(
                "<c r=\"{at}\" s=\"{number_style}\"><v>{value}</v></c>"
            ));
        }
        b.push_str("</row>");
        self.zip.write(self.buf.as_bytes());
    }

    /// Ends the open sheet, if any.
    pub fn end_sheet(&mut self) {
        if self.open {
            self.zip.write(b"</sheetData></worksheet>");
            self.open = false;
        }
    }

    /// Ends the workbook and returns the file's bytes.
    pub fn finish(mut self) -> Vec<u8> {
        self.end_sheet();
        if self.sheets.is_empty() {
            // A workbook needs a sheet.
            self.begin_sheet("Sheet", &[], &[]);
            self.end_sheet();
        }
        let n = self.sheets.len();
        let mut types = format!("{XML_HEAD}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
        let mut sheets = String::new();
        let mut rels = format!("{XML_HEAD}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        for (i, name) in self.sheets.iter().enumerate() {
            let k = i + 1;
            types.push_str(&format!("<Override PartName=\"/xl/worksheets/sheet{k}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"));
            sheets.push_str(&format!(
                "<sheet name=\"{}\" sheetId=\"{k}\" r:id=\"rId{k}\"/>",
                escape(name)
            ));
            rels.push_str(&format!("<Relationship Id=\"rId{k}\" Type=\"{REL_NS}/worksheet\" Target=\"worksheets/sheet{k}.xml\"/>"));
        }
        types.push_str("</Types>");
        rels.push_str(&format!("<Relationship Id=\"rId{}\" Type=\"{REL_NS}/styles\" Target=\"styles.xml\"/></Relationships>", n + 1));
        let workbook = format!("{XML_HEAD}<workbook xmlns=\"{MAIN_NS}\" xmlns:r=\"{REL_NS}\"><bookViews><workbookView/></bookViews><sheets>{sheets}</sheets></workbook>");
        let root = format!("{XML_HEAD}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{REL_NS}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        for (name, text) in [
            ("xl/workbook.xml", workbook.as_str()),
            ("xl/_rels/workbook.xml.rels", rels.as_str()),
            ("xl/styles.xml", STYLES),
            ("_rels/.rels", root.as_str()),
            ("[Content_Types].xml", types.as_str()),
        ] {
            self.zip.start(name);
            self.zip.write(text.as_bytes());
        }
        self.zip.finish()
    }
}

/// The tables as an `.xlsx` workbook, a sheet per table.
pub fn write_xlsx(tables: &[Table]) -> Vec<u8> {
    let mut book = XlsxWriter::new();
    for table in tables {
        book.begin_sheet(&table.name, &table.columns, &table.rows);
        book.write_rows(&table.rows);
    }
    book.finish()
}
