//! Exports read by the tools people use (F2): the minutes rendered by `cmark-gfm` (GitHub's own
//! Markdown renderer) keep their table shape whatever the user typed. `scripts/test.sh` installs
//! the renderer; without it this test fails rather than passing unchecked.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Stdio};

use chrono::{FixedOffset, Utc};
use crossmeet::core::export::minutes::minutes_markdown;
use crossmeet::core::i18n::Lang;
use crossmeet::core::model::{ActionItem, Decision, Meeting};

fn render_gfm(markdown: &str) -> String {
    let mut child = Command::new("cmark-gfm")
        .args(["--extension", "table", "--extension", "strikethrough"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("cmark-gfm is installed by scripts/test.sh");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(markdown.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn hostile_minutes_keep_their_table_shape_in_gfm() {
    let hostile = [
        "| a | b |",
        "<img src=x onerror=alert(1)>",
        "=HYPERLINK(\"http://evil\")",
        "第一行\n第二行",
        "**bold** _it_ `code` [link](http://x)",
        "😀 emoji, \"quotes\", commas",
    ];
    let long = "长".repeat(5000);
    let mut actions: Vec<ActionItem> = hostile
        .iter()
        .enumerate()
        .map(|(i, text)| ActionItem {
            id: format!("a{i}"),
            task: (*text).to_owned(),
            owner: (*text).to_owned(),
            ..ActionItem::default()
        })
        .collect();
    actions.push(ActionItem {
        id: "long".into(),
        task: long.clone(),
        ..ActionItem::default()
    });
    let meeting = Meeting {
        title: "| 标题 | <script>".into(),
        decisions: hostile
            .iter()
            .map(|text| Decision {
                text: (*text).to_owned(),
                ..Decision::default()
            })
            .collect(),
        actions,
        ..Meeting::default()
    };
    let markdown = minutes_markdown(
        &meeting,
        Lang::Zh,
        FixedOffset::east_opt(8 * 3600).unwrap(),
        Utc::now(),
    );
    let html = render_gfm(&markdown);

    let action_table = html
        .split("<table>")
        .nth(1)
        .expect("the action table renders as a table");
    let body = action_table.split("</table>").next().unwrap();
    let rows = body.matches("<tr>").count();
    assert_eq!(
        rows,
        1 + hostile.len() + 1,
        "header plus one row per action:\n{body}"
    );
    for row in body.split("<tr>").skip(1) {
        let cells = row.matches("<td").count() + row.matches("<th").count();
        assert_eq!(cells, 6, "every row keeps six cells:\n{row}");
    }
    assert!(!html.contains("<img"), "user HTML is shown as text");
    assert!(!html.contains("<script"), "user HTML is shown as text");
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(html.contains(&long), "long cells survive whole");
    assert_eq!(
        html.matches("<table>").count(),
        2,
        "actions and agenda; no table from user text"
    );
}
