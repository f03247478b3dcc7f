//! Escaping user text for GitHub-flavoured Markdown, so that a title like `| a | b |` or
//! `<img onerror=…>` is shown as typed instead of becoming a table, markup or HTML.

/// Escapes `text` for use inside a paragraph, list item or table cell; newlines become `<br>`
/// so a cell or list item keeps its shape.
///
/// Only what could turn into markup is escaped, so the Markdown stays readable where it is not
/// rendered (a chat that shows it as typed): `Problem-solving (v2)!` stays as it is. A list
/// marker, quote or heading can only start a block at the start of the text (a list item's
/// content), so `-`, `+`, `>` and the `.` or `)` of `2.` are escaped there alone; a line break is
/// `<br>`, never a new line. `#` is escaped everywhere: at a heading's end it would close it.
pub fn escape_inline(text: &str) -> String {
    let text = text.trim();
    let mut out = String::with_capacity(text.len() + 8);
    let leading_digits = text.bytes().take_while(u8::is_ascii_digit).count();
    for (at, c) in text.char_indices() {
        let markup = matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~');
        let starts_block = match c {
            '-' | '+' | '>' => at == 0,
            '.' | ')' => at == leading_digits && at > 0,
            _ => false,
        };
        match c {
            _ if markup || starts_block => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '&' => out.push_str("&amp;"),
            '\r' => {}
            '\n' => out.push_str("<br>"),
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_user_text_is_neutralised() {
        assert_eq!(escape_inline("| a | b |"), "\\| a \\| b \\|");
        assert_eq!(
            escape_inline("<img src=x onerror=alert(1)>"),
            "&lt;img src=x onerror=alert(1)>"
        );
        assert_eq!(escape_inline("**粗体** _x_"), "\\*\\*粗体\\*\\* \\_x\\_");
        assert_eq!(escape_inline("第一行\r\n第二行"), "第一行<br>第二行");
        assert_eq!(escape_inline("# 标题"), "\\# 标题");
    }

    #[test]
    fn block_markers_are_escaped_only_where_they_start_a_block() {
        assert_eq!(
            escape_inline("Problem-solving (v2)!"),
            "Problem-solving (v2)!"
        );
        assert_eq!(escape_inline("  - 不是列表"), "\\- 不是列表");
        assert_eq!(escape_inline("12. 不是列表"), "12\\. 不是列表");
        assert_eq!(escape_inline("3) 也不是"), "3\\) 也不是");
        assert_eq!(escape_inline("> 不是引用 a>b"), "\\> 不是引用 a>b");
        assert_eq!(escape_inline("版本 2.0"), "版本 2.0");
        assert_eq!(escape_inline("第一行\n- 第二行"), "第一行<br>- 第二行");
    }
}
