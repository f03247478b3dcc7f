//! The minutes and notice preview (`core::export::markdown_html`, issue 14.4) draws exactly what
//! GitHub's renderer draws from the same Markdown: `cmark-gfm --unsafe` (installed by
//! `scripts/test.sh`), for hostile and for arbitrary text in every field the documents show.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Stdio};

use chrono::{Duration, FixedOffset, TimeZone, Utc};
use crossmeet::core::export::markdown_html::to_html;
use crossmeet::core::export::minutes::minutes_markdown;
use crossmeet::core::export::notice::{notice, NoticeStyle};
use crossmeet::core::i18n::Lang;
use crossmeet::core::model::{
    ActionItem, AgendaItem, Decision, Meeting, ParkedPoint, Participant, RunEvent, RunEventKind,
};
use proptest::prelude::*;

fn cmark_gfm(markdown: &str) -> String {
    let mut child = Command::new("cmark-gfm")
        .args(["--unsafe", "--extension", "table"])
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

/// A held meeting with `text` in every field the minutes and the notice show.
fn meeting_with(text: &str) -> Meeting {
    let start = Utc.with_ymd_and_hms(2026, 12, 1, 6, 0, 0).unwrap();
    let at = |minutes: i64| start + Duration::minutes(minutes);
    let mut meeting = Meeting {
        title: format!("评审 {text}"),
        objective: format!("确定 {text} 的方案"),
        participants: vec![Participant {
            name: format!("张{text}"),
            department: format!("研发{text}"),
            ..Participant::default()
        }],
        agenda: vec![AgendaItem {
            id: "i1".into(),
            title: format!("议题 {text}"),
            owner: text.to_owned(),
            minutes: 30,
            expected_output: format!("《{text}》"),
            ..AgendaItem::default()
        }],
        decisions: vec![Decision {
            text: format!("决定 {text}"),
            ..Decision::default()
        }],
        actions: vec![ActionItem {
            id: "a1".into(),
            task: format!("任务 {text}"),
            owner: text.to_owned(),
            department: text.to_owned(),
            acceptance: text.to_owned(),
            ..ActionItem::default()
        }],
        parking_lot: vec![ParkedPoint {
            text: format!("待议 {text}"),
            ..ParkedPoint::default()
        }],
        ..Meeting::default()
    };
    meeting.schedule.starts_at = Some(start);
    meeting.schedule.duration_minutes = 60;
    meeting.run_log = [
        (at(0), RunEventKind::Started),
        (
            at(0),
            RunEventKind::ItemStarted {
                item_id: "i1".into(),
            },
        ),
        (
            at(1),
            RunEventKind::SpeakerTurn {
                speaker: format!("张{text}"),
            },
        ),
        (at(20), RunEventKind::Ended),
    ]
    .into_iter()
    .map(|(at, kind)| RunEvent { at, kind })
    .collect();
    meeting
}

fn documents(meeting: &Meeting) -> [String; 2] {
    let offset = FixedOffset::east_opt(8 * 3600).unwrap();
    [
        minutes_markdown(
            meeting,
            Lang::Zh,
            offset,
            Utc.with_ymd_and_hms(2026, 12, 1, 8, 0, 0).unwrap(),
        ),
        notice(meeting, Lang::En, offset, NoticeStyle::Markdown),
    ]
}

#[test]
fn the_preview_draws_what_cmark_gfm_draws_for_hostile_text() {
    for text in [
        "| a | b |",
        "<img src=x onerror=alert(1)>",
        "**粗体** _斜体_ `代码` [链接](http://x)",
        "第一行\n第二行",
        "1. 不是列表",
        "# 不是标题",
        "&amp; &lt; \"引号\" \\ 反斜杠",
        "😀, commas; semicolons",
    ] {
        for markdown in documents(&meeting_with(text)) {
            assert_eq!(
                to_html(&markdown),
                cmark_gfm(&markdown),
                "for {text:?} in:\n{markdown}"
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn the_preview_draws_what_cmark_gfm_draws_for_any_text(text in "\\PC{0,24}") {
        for markdown in documents(&meeting_with(&text)) {
            prop_assert_eq!(to_html(&markdown), cmark_gfm(&markdown), "for {:?} in:\n{}", text, markdown);
        }
    }
}
