//! The minutes and the notice drawn as HTML for the preview beside the editor and for printing
//! (issue 14.4): the small part of GitHub-flavoured Markdown they are written in — headings,
//! paragraphs, one level of lists, tables with alignment, `**strong**`, backslash escapes and
//! `<br>` in cells — rendered as `cmark-gfm --unsafe` renders it (`tests/real_tools.rs` compares
//! the two for any text). Anything else an editor types shows as plain text.
//!
//! Safe to set as `innerHTML`: every character of the text is escaped, and the only markup is
//! what this module writes. A Markdown crate would do more and cost more of the module; the
//! preview only needs to draw what the app itself writes, and edits to it.

/// `markdown` as HTML.
pub fn to_html(markdown: &str) -> String {
    let lines: Vec<&str> = markdown.lines().collect();
    let mut out = String::with_capacity(markdown.len() * 2);
    let mut at = 0;
    while at < lines.len() {
        let line = lines[at];
        let trimmed = line.trim();
        if trimmed.is_empty() {
            at += 1;
        } else if let Some((level, text)) = heading(trimmed) {
            out.push_str("<h");
            out.push(char::from(b'0' + level));
            out.push('>');
            inline(&mut out, text);
            out.push_str("</h");
            out.push(char::from(b'0' + level));
            out.push_str(">\n");
            at += 1;
        } else if let Some(align) = lines.get(at + 1).and_then(|next| alignments(next)) {
            at = table(&mut out, &lines, at, &align);
        } else if let Some((ordered, _)) = list_item(trimmed) {
            out.push_str(if ordered { "<ol>\n" } else { "<ul>\n" });
            while let Some((same, text)) = lines.get(at).and_then(|l| list_item(l.trim())) {
                if same != ordered {
                    break;
                }
                out.push_str("<li>");
                inline(&mut out, text);
                out.push_str("</li>\n");
                at += 1;
            }
            out.push_str(if ordered { "</ol>\n" } else { "</ul>\n" });
        } else {
            out.push_str("<p>");
            let mut first = true;
            while let Some(line) = lines.get(at) {
                let trimmed = line.trim();
                if trimmed.is_empty() || heading(trimmed).is_some() || list_item(trimmed).is_some()
                {
                    break;
                }
                if !first {
                    out.push('\n');
                }
                inline(&mut out, trimmed);
                first = false;
                at += 1;
            }
            out.push_str("</p>\n");
        }
    }
    out
}

/// `## Title` → (2, "Title").
fn heading(line: &str) -> Option<(u8, &str)> {
    let level = line.bytes().take_while(|b| *b == b'#').count();
    let rest = &line[level..];
    ((1..=6).contains(&level) && (rest.is_empty() || rest.starts_with(' ')))
        .then(|| (level as u8, rest.trim()))
}

/// `- item` or `1. item` → (ordered, "item").
fn list_item(line: &str) -> Option<(bool, &str)> {
    if let Some(rest) = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")) {
        return Some((false, rest.trim()));
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let rest = line[digits..].strip_prefix(". ")?;
    (1..=9).contains(&digits).then(|| (true, rest.trim()))
}

#[derive(Clone, Copy, PartialEq)]
enum Align {
    None,
    Left,
    Center,
    Right,
}

/// The cells of a table row, split at unescaped `|`, outer pipes dropped.
fn cells(line: &str) -> Vec<&str> {
    let line = line.trim();
    let line = line.strip_prefix('|').unwrap_or(line);
    let mut cells = Vec::new();
    let (mut start, mut escaped) = (0, false);
    for (index, c) in line.char_indices() {
        match c {
            '\\' => escaped = !escaped,
            '|' if !escaped => {
                cells.push(line[start..index].trim());
                start = index + 1;
            }
            _ => escaped = false,
        }
    }
    let last = line[start..].trim();
    if !last.is_empty() || !line.ends_with('|') {
        cells.push(last);
    }
    cells
}

/// A delimiter row such as `| --- | ---: |`, read as each column's alignment.
fn alignments(line: &str) -> Option<Vec<Align>> {
    if !line.contains('-') || !line.trim().starts_with('|') {
        return None;
    }
    cells(line)
        .into_iter()
        .map(|cell| {
            let (left, right) = (cell.starts_with(':'), cell.ends_with(':'));
            let dashes = cell.trim_matches(':');
            if dashes.is_empty() || !dashes.bytes().all(|b| b == b'-') {
                return None;
            }
            Some(match (left, right) {
                (true, true) => Align::Center,
                (true, false) => Align::Left,
                (false, true) => Align::Right,
                (false, false) => Align::None,
            })
        })
        .collect()
}

/// Writes the table starting at `lines[at]` (its header), returns the line after it.
fn table(out: &mut String, lines: &[&str], at: usize, align: &[Align]) -> usize {
    let row = |out: &mut String, line: &str, tag: &str| {
        out.push_str("<tr>\n");
        let cells = cells(line);
        for (column, alignment) in align.iter().enumerate() {
            out.push('<');
            out.push_str(tag);
            out.push_str(match alignment {
                Align::None => "",
                Align::Left => " align=\"left\"",
                Align::Center => " align=\"center\"",
                Align::Right => " align=\"right\"",
            });
            out.push('>');
            inline(out, cells.get(column).copied().unwrap_or(""));
            out.push_str("</");
            out.push_str(tag);
            out.push_str(">\n");
        }
        out.push_str("</tr>\n");
    };
    out.push_str("<table>\n<thead>\n");
    row(out, lines[at], "th");
    out.push_str("</thead>\n");
    let mut next = at + 2;
    let body_start = next;
    while let Some(line) = lines.get(next).filter(|l| l.trim().starts_with('|')) {
        if next == body_start {
            out.push_str("<tbody>\n");
        }
        row(out, line, "td");
        next += 1;
    }
    if next > body_start {
        out.push_str("</tbody>\n");
    }
    out.push_str("</table>\n");
    next
}

/// Inline text: backslash escapes, `**strong**`, the entities `&lt;` and `&amp;` the app writes,
/// `<br>`; every other character escaped.
fn inline(out: &mut String, text: &str) {
    let mut rest = text;
    let mut strong_open = false;
    while let Some(c) = rest.chars().next() {
        if let Some(after) = rest.strip_prefix("**") {
            // Only a pair that closes counts; a lone `**` is text.
            if strong_open || after.contains("**") {
                out.push_str(if strong_open { "</strong>" } else { "<strong>" });
                strong_open = !strong_open;
                rest = after;
                continue;
            }
        }
        if let Some(after) = rest.strip_prefix("<br>") {
            out.push_str("<br>");
            rest = after;
            continue;
        }
        if c == '\\' {
            if let Some(escaped) = rest[1..].chars().next().filter(char::is_ascii_punctuation) {
                push_escaped(out, escaped);
                rest = &rest[1 + escaped.len_utf8()..];
                continue;
            }
        }
        if c == '&' {
            if let Some(entity) = ["&lt;", "&gt;", "&amp;", "&quot;"]
                .into_iter()
                .find(|e| rest.starts_with(e))
            {
                out.push_str(entity);
                rest = &rest[entity.len()..];
                continue;
            }
        }
        push_escaped(out, c);
        rest = &rest[c.len_utf8()..];
    }
    if strong_open {
        out.push_str("</strong>");
    }
}

/// `text` with `<`, `>`, `&` and `"` escaped, for HTML text and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_escaped(&mut out, c);
    }
    out
}

fn push_escaped(out: &mut String, c: char) {
    match c {
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '&' => out.push_str("&amp;"),
        '"' => out.push_str("&quot;"),
        other => out.push(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_minutes_subset_renders() {
        let html = to_html("# 标题 — 会议纪要\n\n**目标**:定 A\\|B\n\n## 决策\n\n1. 同意\n2. 否决 &lt;x&gt;\n\n| 任务 | 负责人 |\n| --- | ---: |\n| a \\| b<br>第二行 | 张工 |\n");
        assert_eq!(
            html,
            "<h1>标题 — 会议纪要</h1>\n<p><strong>目标</strong>:定 A|B</p>\n<h2>决策</h2>\n<ol>\n<li>同意</li>\n<li>否决 &lt;x&gt;</li>\n</ol>\n\
             <table>\n<thead>\n<tr>\n<th>任务</th>\n<th align=\"right\">负责人</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>a | b<br>第二行</td>\n<td align=\"right\">张工</td>\n</tr>\n</tbody>\n</table>\n"
        );
    }

    #[test]
    fn markup_typed_into_an_edit_stays_text() {
        assert_eq!(
            to_html("<script>alert(1)</script> & \"x\""),
            "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;</p>\n"
        );
        assert_eq!(to_html("a ** b"), "<p>a ** b</p>\n");
    }
}
