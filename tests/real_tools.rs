//! Exports read by the tools people use (F2): the minutes rendered by `cmark-gfm` (GitHub's own
//! Markdown renderer) keep their table shape whatever the user typed, any text escaped for them
//! reads exactly as typed in every place the documents put it, and the app's preview of
//! minutes and notice is exactly `cmark-gfm`'s HTML (issue 14.4); the action CSV opened
//! by LibreOffice Calc keeps Chinese, one row per item and no formula; saved back by Calc, it
//! imports with no change at all. `scripts/test.sh` installs
//! both; without them these tests fail rather than passing unchecked.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Stdio};

use chrono::{Duration, FixedOffset, TimeZone, Utc};
use crossmeet::core::domain::i18n::Lang;
use crossmeet::core::domain::model::{
    ActionItem, AgendaItem, Decision, Meeting, ParkedPoint, Participant, RunEvent, RunEventKind,
};
use crossmeet::core::formats::export::csv::actions_csv;
use crossmeet::core::formats::export::markdown::escape_inline;
use crossmeet::core::formats::export::markdown_html::to_html;
use crossmeet::core::formats::export::minutes::minutes_markdown;
use crossmeet::core::formats::export::notice::{notice, NoticeStyle};
use proptest::prelude::*;

#[path = "support/series.rs"]
mod series;

/// One action per hostile text as its task (ids `a0`, `a1`, …, other fields from `base`), then
/// one whose task is `long`.
/// The minutes as GitHub shows them: tables and strikethrough, raw HTML refused.
const GFM: &[&str] = &["--extension", "table", "--extension", "strikethrough"];
/// As the preview is set (`markdown_html`): raw HTML passed through, as the app's `<br>` in cells.
const GFM_UNSAFE: &[&str] = &["--unsafe", "--extension", "table"];

fn hostile_actions(
    texts: &[&str],
    long: &str,
    base: impl Fn(&str) -> ActionItem,
) -> Vec<ActionItem> {
    let mut actions: Vec<ActionItem> = texts
        .iter()
        .enumerate()
        .map(|(i, text)| ActionItem {
            id: format!("a{i}"),
            task: (*text).to_owned(),
            ..base(text)
        })
        .collect();
    actions.push(ActionItem {
        id: "long".into(),
        task: long.to_owned(),
        ..ActionItem::default()
    });
    actions
}

/// `markdown` as GitHub renders it: `cmark-gfm` with `options`.
fn cmark_gfm(markdown: &str, options: &[&str]) -> String {
    let mut child = Command::new("cmark-gfm")
        .args(options)
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
    let actions = hostile_actions(&hostile, &long, |text| ActionItem {
        owner: text.to_owned(),
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
        &FixedOffset::east_opt(8 * 3600).unwrap(),
        Utc.with_ymd_and_hms(2026, 12, 1, 8, 0, 0).unwrap(),
    );
    let html = cmark_gfm(&markdown, GFM);

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

/// Opens `csv` in LibreOffice Calc as a spreadsheet user would, with formula evaluation on (so an
/// undefused `=…` cell would become a formula) and numbers and dates detected, and converts it
/// (`convert_to`, as `soffice --convert-to` takes it); returns the converted file.
fn through_calc(csv: &str, convert_to: &str) -> Vec<u8> {
    let dir = std::env::temp_dir().join(format!(
        "crossmeet-calc-{}-{}",
        std::process::id(),
        convert_to.len()
    ));
    let out = dir.join("out");
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("tracker.csv");
    std::fs::write(&input, csv).unwrap();
    // Separator 44 (comma), quote 34, charset 76 (UTF-8), start at line 1, default cell types,
    // language default, quoted fields as text: no, detect special numbers: yes, …, evaluate
    // formulas: yes.
    let filter = "--infilter=CSV:44,34,76,1,,0,false,true,false,false,false,-1,true";
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.join("profile").display()
    );
    let status = Command::new("soffice")
        .args([
            profile.as_str(),
            "--headless",
            filter,
            "--convert-to",
            convert_to,
        ])
        .arg("--outdir")
        .arg(&out)
        .arg(&input)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("LibreOffice (soffice) is installed by scripts/test.sh");
    assert!(status.success());
    let extension = convert_to.split(':').next().unwrap();
    let converted = std::fs::read(out.join(format!("tracker.{extension}"))).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    converted
}

/// `csv` opened in Calc, as the sheet's flat ODS XML.
fn open_in_calc(csv: &str) -> String {
    String::from_utf8(through_calc(csv, "fods")).unwrap()
}

/// The text of each cell of each row of the first table in a flat ODS document.
fn calc_rows(fods: &str) -> Vec<Vec<String>> {
    let table = fods.split("<table:table ").nth(1).expect("a sheet");
    let table = table.split("</table:table>").next().unwrap();
    table
        .split("<table:table-row")
        .skip(1)
        .map(|row| {
            row.split("<table:table-cell")
                .skip(1)
                .map(|cell| {
                    let paragraphs: Vec<String> = cell
                        .split("<text:p>")
                        .skip(1)
                        .map(|p| unescape_xml(p.split("</text:p>").next().unwrap()))
                        .collect();
                    paragraphs.join("\n")
                })
                .collect()
        })
        .filter(|cells: &Vec<String>| cells.iter().any(|cell| !cell.is_empty()))
        .collect()
}

fn unescape_xml(text: &str) -> String {
    text.replace("<text:tab/>", "\t")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

#[test]
fn hostile_action_csv_opens_in_libreoffice_as_text_one_row_per_item() {
    let hostile = [
        "=HYPERLINK(\"http://evil\",\"点我\")",
        "+1+2",
        "-1+2",
        "@SUM(A1:A2)",
        "\t=1+1",
        "第一行\n第二行",
        "逗号, \"引号\" 和 | 竖线",
        "😀 表情",
    ];
    let long = "长".repeat(5000);
    let actions = hostile_actions(&hostile, &long, |_| ActionItem {
        owner: "张工".into(),
        department: "研发部".into(),
        ..ActionItem::default()
    });
    let meeting = Meeting {
        title: "=cmd|' /C calc'!A0 会议".into(),
        actions,
        ..Meeting::default()
    };
    let fods = open_in_calc(&actions_csv([&meeting], Lang::Zh));

    assert!(!fods.contains("table:formula"), "no cell became a formula");
    let rows = calc_rows(&fods);
    assert_eq!(
        rows.len(),
        1 + hostile.len() + 1,
        "header plus one row per item"
    );
    assert_eq!(rows[0][0], "编号", "UTF-8 with BOM read as Chinese");
    assert_eq!(rows[0][1], "任务");
    for (i, text) in hostile.iter().enumerate() {
        let row = &rows[i + 1];
        assert_eq!(row[0], format!("a{i}"), "row {i} is item a{i}");
        let shown = row[1].trim_start_matches('\'');
        assert_eq!(shown, *text, "row {i} keeps its text");
        assert!(row.iter().any(|cell| cell == "张工"));
        assert!(
            row.iter().any(|cell| cell.contains("会议")),
            "meeting title cell"
        );
    }
    assert_eq!(
        rows[hostile.len() + 1][1],
        long,
        "a 5,000-character cell survives whole"
    );
}

#[test]
fn a_tracker_saved_back_by_libreoffice_imports_with_no_change() {
    use chrono::NaiveDate;
    use crossmeet::core::domain::model::{ActionStatus, ProgressNote};
    use crossmeet::core::formats::export::csv::tracker_csv;
    use crossmeet::core::formats::text_file::decode_text;
    use crossmeet::core::formats::tracker_import::plan_tracker_import;

    let note = |on: Option<(i32, u32, u32)>, text: &str| ProgressNote {
        on: on.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
        text: text.into(),
    };
    let actions = hostile_actions(
        &[
            "=SUM(A1)",
            "+86 138",
            "- 已完成",
            "@王芳 跟进",
            "两行\n任务",
        ],
        "长",
        |text| ActionItem {
            owner: "张工".into(),
            deadline: NaiveDate::from_ymd_opt(2026, 12, 10),
            status: ActionStatus::InProgress,
            progress: vec![
                note(None, text),
                note(Some((2026, 12, 1)), "- 初稿"),
                note(None, "第一行\n第二行"),
            ],
            ..ActionItem::default()
        },
    );
    let meetings = vec![Meeting {
        id: "m1".into(),
        title: "季度对齐".into(),
        actions,
        ..Meeting::default()
    }];
    for lang in [Lang::Zh, Lang::En] {
        let (exported, export) = tracker_csv(&meetings, lang, "3f9a2c1d");
        // Saved back as LibreOffice's "Text CSV", comma, double quotes, Unicode (UTF-8).
        let saved = through_calc(&exported, "csv:Text - txt - csv (StarCalc):44,34,76,1");
        let text = decode_text(&saved, |_| None)
            .expect("LibreOffice writes UTF-8")
            .text;
        let plan = plan_tracker_import(&text, &meetings, &[export]).expect("the file is read");
        assert!(plan.export_known, "the export id survives Calc: {text}");
        assert_eq!(plan.problems, vec![], "{lang:?}: {text}");
        assert_eq!(plan.updates, vec![], "{lang:?}: {text}");
        assert_eq!(plan.unchanged, meetings[0].actions.len());
    }
}

// The minutes and notice preview (`core::formats::export::markdown_html`, issue 14.4) draws exactly what
// GitHub's renderer draws from the same Markdown, for hostile and for arbitrary text in every
// field the documents show.

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
            &offset,
            Utc.with_ymd_and_hms(2026, 12, 1, 8, 0, 0).unwrap(),
        ),
        notice(meeting, Lang::En, &offset, NoticeStyle::Markdown),
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
                cmark_gfm(&markdown, GFM_UNSAFE),
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
            prop_assert_eq!(to_html(&markdown), cmark_gfm(&markdown, GFM_UNSAFE), "for {:?} in:\n{}", text, markdown);
        }
    }
}

/// The text a reader sees in `html`: tags dropped, cmark-gfm's entities decoded.
fn visible_text(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

/// Every place the documents put one escaped text (a heading, a numbered and a bulleted list
/// item, a paragraph after a bold label, a table cell), with how to find the text's HTML.
fn escaped_in_each_place(escaped: &str) -> [(String, &'static str, &'static str); 5] {
    [
        (format!("# {escaped}\n"), "<h1>", "</h1>"),
        (format!("1. {escaped}\n"), "<li>", "</li>"),
        (format!("- {escaped}\n"), "<li>", "</li>"),
        (format!("**目标**:{escaped}\n"), "</strong>:", "</p>"),
        (
            format!("| a | b |\n| --- | --- |\n| x | {escaped} |\n"),
            "<td>x</td>\n<td>",
            "</td>",
        ),
    ]
}

/// What the reader should see: the text as typed, its line breaks drawn as `<br>` (no text),
/// without the space a heading, list item or cell trims at either end.
fn as_typed(text: &str) -> String {
    text.replace(['\r', '\n'], "").trim().to_owned()
}

fn check_reads_as_typed(text: &str) -> Result<(), TestCaseError> {
    let escaped = escape_inline(text);
    let places = escaped_in_each_place(&escaped);
    let baseline = escaped_in_each_place("t");
    for ((markdown, open, close), (plain, _, _)) in places.iter().zip(&baseline) {
        let html = cmark_gfm(markdown, GFM);
        let inner = html
            .split_once(open)
            .and_then(|(_, rest)| rest.rsplit_once(close))
            .map_or("", |(inner, _)| inner);
        let shown = visible_text(inner);
        prop_assert_eq!(
            shown.trim(),
            as_typed(text),
            "{:?} written as {:?}:\n{}",
            text,
            markdown,
            html
        );
        // No markup of the text's own: as many tags as around a plain word, plus its `<br>`s.
        let tags = cmark_gfm(plain, GFM).matches('<').count() + escaped.matches("<br>").count();
        prop_assert_eq!(
            html.matches('<').count(),
            tags,
            "no markup from {:?}:\n{}",
            text,
            html
        );
    }
    Ok(())
}

#[test]
fn escaped_text_reads_as_typed_in_gfm() {
    for text in [
        "Problem-solving (v2)!",
        "2. 不是列表",
        "3) 也不是",
        "- 不是列表",
        "+ 不是列表",
        "> 不是引用",
        "# 不是标题",
        "标题 #",
        "***",
        "---",
        "    缩进四格",
        "a | b",
        "**粗体** _斜体_ ~~删除~~ `代码`",
        "[链接](http://x) ![图](y)",
        "<img src=x> &amp; &#123; \\",
        "Q&A <= 5 > 3",
        "第一行\n- 第二行",
    ] {
        check_reads_as_typed(text).unwrap();
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn escaped_text_reads_as_typed_for_any_text(
        text in prop_oneof![
            "\\PC{0,24}".boxed(),
            // What starts a block in GFM, then anything: the cases random text rarely hits.
            (
                prop::sample::select(&[
                    "- ", "+ ", "* ", "> ", "# ", "1. ", "2) ", "    ", "---", "***", "___", "```",
                    "~~~", "| ", "[a]: ", "<div>", "===", "\\", "\n- ", "a\n---",
                ][..]),
                "\\PC{0,12}",
            )
                .prop_map(|(start, rest)| format!("{start}{rest}"))
                .boxed(),
        ]
    ) {
        check_reads_as_typed(&text)?;
    }
}

/// The review (F6) of a series with a hostile name and hostile titles: in GitHub's renderer the
/// findings are one numbered list, the quarters one table, every name reads as typed; in
/// LibreOffice the proposals are one row per finding, Chinese intact, no formula.
#[test]
fn the_review_reads_as_written_in_gfm_and_libreoffice() {
    use crossmeet::core::domain::coaching::series_reviews;
    use crossmeet::core::formats::export::review::{review_csv, review_markdown};

    let name = "=HYPERLINK(\"http://evil\") | **周会** <b>";
    let mut meetings =
        series::series("@2026-07-15 every=14 6x{} 6x{r=8 notice=1 fb=5/1/5 late=财务部:2/2}");
    for (n, meeting) in meetings.iter_mut().enumerate() {
        meeting.series.as_mut().unwrap().name = name.into();
        meeting.title = format!("- [x] 会议 #{n} | a");
    }
    let today = chrono::NaiveDate::from_ymd_opt(2027, 1, 20).unwrap();
    let zone = FixedOffset::east_opt(8 * 3600).unwrap();
    let reviews = series_reviews(&meetings, today, &zone, Lang::Zh);
    let findings = reviews[0].coaching.findings.len();
    assert_eq!(findings, 4, "reports, late actions, notice, materials");

    let html = cmark_gfm(&review_markdown(&reviews, Lang::Zh), GFM);
    assert_eq!(html.matches("<table>").count(), 1, "{html}");
    assert_eq!(
        html.matches("<tr>").count(),
        3,
        "a header and two quarters: {html}"
    );
    assert_eq!(html.matches("<ol>").count(), 1, "{html}");
    assert_eq!(
        html.matches("<li>").count(),
        4 + findings,
        "figures and findings: {html}"
    );
    assert!(
        html.contains("<h2>=HYPERLINK(&quot;http://evil&quot;) | **周会** &lt;b&gt;</h2>"),
        "the series name reads as typed: {html}"
    );
    assert!(html.contains("- [x] 会议 #7 | a (2026-10-21)"), "{html}");
    assert!(!html.contains("<b>") && !html.contains("<input"), "{html}");

    let fods = open_in_calc(&review_csv(&reviews, Lang::Zh));
    assert!(!fods.contains("table:formula"), "no cell became a formula");
    let rows = calc_rows(&fods);
    assert_eq!(rows.len(), 1 + findings, "header plus one row per finding");
    assert_eq!(rows[0][0], "系列");
    for row in &rows[1..] {
        assert_eq!(row[0].trim_start_matches('\''), name);
        assert!(
            row[4].contains("- [x] 会议 #"),
            "the evidence names the meetings"
        );
    }
}
