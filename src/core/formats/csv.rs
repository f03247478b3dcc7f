//! CSV as the app writes it for Excel and reads it back (F2, F3): a byte-order mark, RFC 4180
//! quoting, CRLF rows and the formula guard. Writer and reader sit side by side because the
//! tracker round trip depends on them agreeing exactly: every cell written here reads back as
//! the same text, whatever it holds.

/// Makes Excel read the file as UTF-8 instead of the system's legacy code page.
const BOM: char = '\u{feff}';

/// The separators a saved spreadsheet may use: Excel writes commas, its "Unicode text" tabs, and
/// a European-locale Excel semicolons.
const SEPARATORS: [char; 3] = [',', '\t', ';'];

/// Whether a cell is written behind a leading apostrophe. Excel and LibreOffice run a cell that
/// starts with `=`, `+`, `-`, `@`, a tab or a CR as a formula (CSV injection); the apostrophe
/// makes it text. A cell that already starts with an apostrophe gets one too, so the reader can
/// always drop exactly one: without it, "'=x" would come back as "=x".
fn needs_guard(value: &str) -> bool {
    matches!(
        value.as_bytes().first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r' | b'\'')
    )
}

/// The reader's half of [`needs_guard`]: the cell as it was before it was written.
fn unguard(cell: &mut String) {
    if cell.starts_with('\'') {
        cell.remove(0);
    }
}

/// One cell, quoted when it must be (RFC 4180) and guarded against formulas (see
/// [`needs_guard`]), written straight onto the file: a 10,000-row export allocates once.
fn push_cell(out: &mut String, value: &str) {
    let quote = value.contains([',', '"', '\n', '\r']);
    if quote {
        out.push('"');
    }
    if needs_guard(value) {
        out.push('\'');
    }
    if quote {
        for (index, piece) in value.split('"').enumerate() {
            if index > 0 {
                out.push_str("\"\"");
            }
            out.push_str(piece);
        }
        out.push('"');
    } else {
        out.push_str(value);
    }
}

/// A CSV file being written: the byte-order mark, then one CRLF-ended line per row. Rows are
/// written from borrowed cells, so a 10,000-row export copies each text once, into the file.
pub struct CsvWriter {
    out: String,
}

impl CsvWriter {
    pub fn new(header: &[&str]) -> CsvWriter {
        let mut file = CsvWriter {
            out: String::with_capacity(64 * 1024),
        };
        file.out.push(BOM);
        file.row(header);
        file
    }

    pub fn row(&mut self, cells: &[&str]) {
        for (index, value) in cells.iter().enumerate() {
            if index > 0 {
                self.out.push(',');
            }
            push_cell(&mut self.out, value);
        }
        self.out.push_str("\r\n");
    }

    pub fn finish(self) -> String {
        self.out
    }
}

/// A quote that is never closed: the file is cut short or damaged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnclosedQuote {
    /// The line the broken row starts on.
    pub line: usize,
}

/// One row read back: the line it starts on (for messages) and its cells, un-guarded.
pub type Row = (usize, Vec<String>);

/// Reads CSV text (RFC 4180; with or without a BOM; CRLF or LF) into rows of cells as they were
/// before [`CsvWriter`] wrote them. The separator is the one the header line uses most (comma,
/// tab or semicolon), so a sheet saved back from Excel in another form reads the same. Rows with
/// nothing but blanks are dropped: spreadsheets pad the end of a file with them.
pub fn parse(text: &str) -> Result<Vec<Row>, UnclosedQuote> {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    let separator = header_separator(text);
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let (mut line, mut row_line) = (1, 1);
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => {
                if c == '\n' {
                    line += 1;
                }
                cell.push(c);
            }
            (false, '"') if cell.is_empty() => quoted = true,
            (false, c) if c == separator => finish_cell(&mut cell, &mut row),
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n') => {
                finish_cell(&mut cell, &mut row);
                rows.push((row_line, std::mem::take(&mut row)));
                line += 1;
                row_line = line;
            }
            (false, c) => cell.push(c),
        }
    }
    if quoted {
        return Err(UnclosedQuote { line: row_line });
    }
    if !cell.is_empty() || !row.is_empty() {
        finish_cell(&mut cell, &mut row);
        rows.push((row_line, row));
    }
    rows.retain(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()));
    Ok(rows)
}

/// Ends a cell: what was written, un-guarded, joins its row.
fn finish_cell(cell: &mut String, row: &mut Vec<String>) {
    let mut done = std::mem::take(cell);
    unguard(&mut done);
    row.push(done);
}

/// The separator the first line uses most, outside quotes; a comma when it uses none.
fn header_separator(text: &str) -> char {
    let mut counts = [0usize; SEPARATORS.len()];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            c => {
                if let Some(index) = SEPARATORS.iter().position(|s| *s == c) {
                    counts[index] += usize::from(!quoted);
                }
            }
        }
    }
    let mut best = 0;
    for (index, count) in counts.iter().enumerate() {
        if *count > counts[best] {
            best = index;
        }
    }
    SEPARATORS[best]
}

/// Line breaks as spreadsheets save them back (Excel and LibreOffice write LF inside a cell,
/// whatever the file's row ends): CRLF and lone CR become LF, so texts compare as written.
pub fn normalise_breaks(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(value: &str) -> String {
        let mut out = String::new();
        push_cell(&mut out, value);
        out
    }

    #[test]
    fn cells_are_quoted_and_formulas_defused() {
        let cases = [
            ("plain", "plain"),
            ("中文,逗号", "\"中文,逗号\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            (
                "=HYPERLINK(\"http://x\")",
                "\"'=HYPERLINK(\"\"http://x\"\")\"",
            ),
            ("+1", "'+1"),
            ("-2", "'-2"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "\"'\rx\""),
            ("'quoted", "''quoted"),
            ("| a | b |", "| a | b |"),
            ("😀 emoji", "😀 emoji"),
        ];
        for (input, expected) in cases {
            assert_eq!(cell(input), expected, "{input:?}");
        }
    }

    #[test]
    fn reader_handles_quotes_bom_and_line_ends() {
        let rows =
            parse("\u{feff}a,\"b,1\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",x,\r\n\r\nlast,1,2")
                .unwrap();
        assert_eq!(
            rows[0],
            (1, vec!["a".into(), "b,1".into(), "say \"hi\"".into()])
        );
        assert_eq!(
            rows[1],
            (2, vec!["two\nlines".into(), "x".into(), "".into()])
        );
        assert_eq!(rows[2], (5, vec!["last".into(), "1".into(), "2".into()]));
        assert_eq!(parse("a,\"open\nb"), Err(UnclosedQuote { line: 1 }));
    }

    #[test]
    fn every_written_cell_reads_back_as_it_was() {
        let cells = [
            "- 已完成",
            "@王芳 跟进",
            "+86 138",
            "=1+1",
            "\tindented",
            "'already quoted",
            "''two",
            "'",
            "a\nb",
            "\r\n",
            "\"",
            ",;\t",
            "",
            " padded ",
        ];
        let mut file = CsvWriter::new(&["h1", "h2"]);
        for value in cells {
            file.row(&[value, "x"]);
        }
        let rows = parse(&file.finish()).unwrap();
        let read: Vec<&str> = rows[1..].iter().map(|(_, r)| r[0].as_str()).collect();
        assert_eq!(read, cells);
    }

    #[test]
    fn separator_is_taken_from_the_header_line() {
        let cases = [
            ("编号,状态\r\na1,已完成", ','),
            ("编号\t状态\r\na1\t已完成", '\t'),
            ("编号;状态\r\na1;已完成", ';'),
            ("\"a;b\",c\r\n", ','),
            ("only\r\n", ','),
        ];
        for (text, separator) in cases {
            assert_eq!(header_separator(text), separator, "{text:?}");
        }
        let rows = parse("编号\t状态\r\n\"a\tb\"\t\"x,y\"\r\n").unwrap();
        assert_eq!(rows[1].1, vec!["a\tb".to_owned(), "x,y".to_owned()]);
    }
}
