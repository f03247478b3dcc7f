//! Minutes for a chat app (F1): WeCom, DingTalk and Feishu show Markdown as it is typed, so the
//! minutes go out as plain text in the notice's style. Whatever the editor holds (the generated
//! minutes or the organiser's own edit of them), headings become `【…】`, a table's rows become
//! one line each naming every cell by its column, bold marks go, and Markdown's escapes are
//! undone, so the words arrive exactly as they were typed.

use crate::core::domain::i18n::{Lang, T};

/// `markdown` as plain text for a chat message.
pub fn chat_text(markdown: &str, lang: Lang) -> String {
    let mut out = String::new();
    let mut columns: Option<Vec<String>> = None;
    for line in markdown.lines().map(str::trim) {
        if let Some(cells) = table_cells(line) {
            if cells.iter().all(|cell| is_rule(cell)) {
                continue;
            }
            match &columns {
                None => columns = Some(cells),
                Some(names) => {
                    out.push_str(&table_line(names, &cells, lang));
                    out.push('\n');
                }
            }
            continue;
        }
        columns = None;
        let text = if let Some(title) = line.strip_prefix("# ") {
            inline(title)
        } else if let Some(heading) = line.strip_prefix("## ").or(line.strip_prefix("### ")) {
            format!("【{}】", inline(heading))
        } else if let Some(item) = line.strip_prefix("- ") {
            format!("· {}", inline(item))
        } else {
            inline(line)
        };
        // One blank line between parts, never two.
        if text.is_empty() && (out.is_empty() || out.ends_with("\n\n")) {
            continue;
        }
        out.push_str(&text);
        out.push('\n');
    }
    out.trim_end().to_owned() + "\n"
}

/// A table row's cells, still escaped; `None` for a line that is not a table row.
fn table_cells(line: &str) -> Option<Vec<String>> {
    let inner = line.strip_prefix('|')?.strip_suffix('|')?;
    let mut cells = vec![String::new()];
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let cell = cells.last_mut()?;
                cell.push('\\');
                cell.extend(chars.next());
            }
            '|' => cells.push(String::new()),
            c => cells.last_mut()?.push(c),
        }
    }
    Some(cells.iter().map(|cell| cell.trim().to_owned()).collect())
}

fn is_rule(cell: &str) -> bool {
    let cell = cell.trim_matches(':');
    !cell.is_empty() && cell.bytes().all(|b| b == b'-')
}

/// `整理客诉清单(负责人:李工,截止:2026-12-10)`: the first cell, then the others by name.
fn table_line(columns: &[String], cells: &[String], lang: Lang) -> String {
    let mut line = format!("· {}", inline(cells.first().map_or("", String::as_str)));
    let named: Vec<String> = columns
        .iter()
        .zip(cells)
        .skip(1)
        .map(|(name, cell)| (inline(name), inline(cell)))
        .filter(|(_, cell)| !cell.is_empty())
        .map(|(name, cell)| format!("{name}{}{cell}", T::Colon.get(lang)))
        .collect();
    if !named.is_empty() {
        line.push_str(T::ParenOpen.get(lang));
        line.push_str(&named.join(T::ListSep.get(lang)));
        line.push_str(T::ParenClose.get(lang));
    }
    line
}

/// Inline Markdown as the words it shows: bold marks dropped, escapes undone, `<br>` a line
/// break. The exact inverse of `markdown::escape_inline` for any text.
pub fn inline(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut rest = markdown;
    while let Some(c) = rest.chars().next() {
        let (text, used): (&str, usize) = if c == '\\' {
            match rest[1..].chars().next() {
                Some(escaped) => (&rest[1..1 + escaped.len_utf8()], 1 + escaped.len_utf8()),
                None => ("\\", 1),
            }
        } else if rest.starts_with("**") {
            ("", 2)
        } else if rest.starts_with("&lt;") {
            ("<", 4)
        } else if rest.starts_with("&amp;") {
            ("&", 5)
        } else if rest.starts_with("<br>") {
            ("\n", 4)
        } else {
            (&rest[..c.len_utf8()], c.len_utf8())
        };
        out.push_str(text);
        rest = &rest[used..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::formats::export::markdown::escape_inline;

    #[test]
    fn headings_tables_and_escapes_read_as_chat_text() {
        let markdown = "# Q3 排期 \\| 对齐 — 会议纪要\n\n**会议目标(动词+结果)**:确定上线日期\n\n## 决议\n\n1. 采用方案 A\n\n## 行动项\n\n| 任务 | 负责人 | 部门 | 截止 |\n| --- | --- | --- | --- |\n| 整理 a\\|b 清单 | 李工 |  | 2026-12-10 |\n\n\n- 王总:运营部\n";
        let text = chat_text(markdown, Lang::Zh);
        assert_eq!(
            text,
            "Q3 排期 | 对齐 — 会议纪要\n\n会议目标(动词+结果):确定上线日期\n\n【决议】\n\n1. 采用方案 A\n\n【行动项】\n\n· 整理 a|b 清单(负责人:李工、截止:2026-12-10)\n\n· 王总:运营部\n"
        );
    }

    #[test]
    fn english_uses_english_punctuation() {
        let text = chat_text("| Task | Owner |\n|---|---|\n| Ship | Li |\n", Lang::En);
        assert_eq!(text, "· Ship (Owner: Li)\n");
    }

    #[test]
    fn what_was_escaped_comes_back_exactly() {
        for typed in [
            "a|b",
            "**bold** _x_ #1",
            "1. not a list",
            "<script>&amp;",
            "- dash",
            "\\back\\slash",
            "行\n二行",
            "&lt;",
        ] {
            assert_eq!(inline(&escape_inline(typed)), typed.trim(), "{typed:?}");
        }
    }
}
