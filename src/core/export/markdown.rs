//! Escaping user text for GitHub-flavoured Markdown, so that a title like `| a | b |` or
//! `<img onerror=…>` is shown as typed instead of becoming a table, markup or HTML.

/// Escapes `text` for use inside a paragraph, list item or table cell; newlines become `<br>`
/// so a cell or list item keeps its shape.
pub fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for line_char in text.trim_end().chars() {
        match line_char {
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '#' | '+' | '-' | '!'
            | '|' | '~' | '>' => {
                out.push('\\');
                out.push(line_char);
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
            "&lt;img src=x onerror=alert\\(1\\)\\>"
        );
        assert_eq!(escape_inline("**粗体** _x_"), "\\*\\*粗体\\*\\* \\_x\\_");
        assert_eq!(escape_inline("第一行\r\n第二行"), "第一行<br>第二行");
        assert_eq!(escape_inline("# 标题"), "\\# 标题");
    }
}
