//! The owners' action calendar (issue 17) read back by PyPI `icalendar`, the parser many calendar
//! tools build on (`tests/ics_events.py`): every event has its UID, DTSTAMP, start and alarms, the
//! recurring progress reminder its RRULE, lines are folded at 75 octets, and any task text —
//! commas, semicolons, newlines, backslashes, Chinese — comes back as it was written.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Stdio};

use chrono::{FixedOffset, NaiveDate, NaiveTime, TimeZone, Utc};
use proptest::prelude::*;
use serde_json::Value;

use crossmeet::core::domain::i18n::Lang;
use crossmeet::core::domain::model::{ActionItem, ActionStatus, Meeting, Participant};
use crossmeet::core::formats::export::action_calendar::action_calendar;

/// The calendar as `icalendar` reads it.
fn parsed(ics: &str) -> Value {
    let mut child = Command::new("python3")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/ics_events.py"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3 with icalendar (scripts/test.sh installs it)");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(ics.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "icalendar refused the file:\n{ics}"
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
}

/// A meeting whose actions carry `tasks`; every fourth is done, the rest due on working days.
fn meeting(tasks: &[String]) -> Meeting {
    let deadlines = [day(7), day(8), day(9), day(10), day(11)];
    Meeting {
        id: "m-1".into(),
        revision: 3,
        title: "评审, 第一轮; \"终稿\"".into(),
        progress_time: NaiveTime::from_hms_opt(17, 0, 0),
        participants: vec![Participant {
            name: "王总".into(),
            department: "运营部".into(),
            is_host: true,
            ..Participant::default()
        }],
        actions: tasks
            .iter()
            .enumerate()
            .map(|(index, task)| ActionItem {
                id: format!("a{index}"),
                task: task.clone(),
                owner: "张工".into(),
                acceptance: task.clone(),
                deadline: Some(deadlines[index % deadlines.len()]),
                status: if index % 4 == 3 {
                    ActionStatus::Done
                } else {
                    ActionStatus::Open
                },
                ..ActionItem::default()
            })
            .collect(),
        ..Meeting::default()
    }
}

fn ics_of(meeting: &Meeting) -> String {
    let rows: Vec<(&Meeting, &ActionItem)> = meeting.actions.iter().map(|a| (meeting, a)).collect();
    // Thursday 3 December 2026, 08:00 UTC.
    let now = Utc.with_ymd_and_hms(2026, 12, 3, 8, 0, 0).unwrap();
    let cst = FixedOffset::east_opt(8 * 3600).unwrap();
    action_calendar(&rows, Lang::Zh, &cst, now, day(3)).ics
}

/// What a TEXT value can carry: the line breaks a calendar shows, no other control characters,
/// and the app trims a task before writing it.
fn as_written(task: &str) -> String {
    task.trim()
        .chars()
        .filter(|c| *c == '\n' || !c.is_control())
        .collect()
}

fn events(calendar: &Value) -> &Vec<Value> {
    calendar["events"].as_array().unwrap()
}

#[test]
fn every_event_has_what_calendars_need() {
    let tasks: Vec<String> = ["写方案", "定预算", "联系供应商", "已经做完的事"]
        .map(String::from)
        .to_vec();
    let calendar = parsed(&ics_of(&meeting(&tasks)));
    assert_eq!(calendar["bare_lf"], false);
    assert!(calendar["longest_line_octets"].as_u64().unwrap() <= 75);
    let events = events(&calendar);
    assert_eq!(events.len(), 5, "four actions and the progress reminder");
    for event in &events[..4] {
        assert_eq!(event["dtstamp"], true);
        assert!(event["uid"].as_str().unwrap().starts_with("action-m-1-a"));
    }
    let open = &events[0];
    assert_eq!(open["dtstart"], "2026-12-07");
    assert_eq!(open["summary"], "行动项截止:写方案 (张工)");
    assert_eq!(open["status"], "CONFIRMED");
    assert_eq!(
        open["alarm_actions"],
        serde_json::json!(["DISPLAY", "DISPLAY"])
    );
    // Monday the 7th: Friday 09:00 (2 days 15 hours before its start), then Monday 09:00.
    let hours = |h: i64| h * 3600;
    assert_eq!(open["triggers"], serde_json::json!([-hours(63), hours(9)]));
    let description = open["description"].as_str().unwrap();
    for expected in [
        "任务:写方案",
        "交付标准:写方案",
        "会议:评审, 第一轮; \"终稿\"",
        "主持人:王总(运营部)",
    ] {
        assert!(
            description.contains(expected),
            "{expected} in {description}"
        );
    }
    let done = &events[3];
    assert_eq!(done["status"], "CANCELLED");
    assert_eq!(done["triggers"], serde_json::json!([]));

    let reminder = &events[4];
    assert_eq!(reminder["uid"], "progress-m-1@crossmeet.invalid");
    assert_eq!(reminder["dtstart"], "2026-12-03T17:00:00");
    assert_eq!(
        reminder["rrule"],
        "FREQ=WEEKLY;UNTIL=20261209T235959;BYDAY=MO,TU,WE,TH,FR"
    );
    assert_eq!(reminder["triggers"], serde_json::json!([0]));
}

#[test]
fn an_updated_file_keeps_its_uids_so_calendars_update_instead_of_duplicating() {
    let tasks: Vec<String> = ["写方案", "定预算"].map(String::from).to_vec();
    let before = meeting(&tasks);
    let mut after = before.clone();
    after.revision += 1;
    after.actions[0].task = "写方案(第二版)".into();
    after.actions[0].deadline = Some(day(14));
    after.actions[1].status = ActionStatus::Cancelled;
    let uids = |meeting: &Meeting| -> Vec<Value> {
        events(&parsed(&ics_of(meeting)))
            .iter()
            .map(|event| event["uid"].clone())
            .collect()
    };
    assert_eq!(uids(&before), uids(&after));
    let updated = parsed(&ics_of(&after));
    assert_eq!(events(&updated)[0]["dtstart"], "2026-12-14");
    assert_eq!(events(&updated)[1]["status"], "CANCELLED");
}

/// Text that stresses TEXT escaping and folding.
fn hostile_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just(",".to_owned()),
            Just(";".to_owned()),
            Just("\\".to_owned()),
            Just("\\n".to_owned()),
            Just("\n".to_owned()),
            Just("\r\n".to_owned()),
            Just(":".to_owned()),
            Just("\"".to_owned()),
            Just("会议纪要".to_owned()),
            Just("😀".to_owned()),
            "[a-zA-Z0-9 ]{1,12}",
            any::<String>(),
        ],
        0..12,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    /// Each case is one file of up to 12 actions, read by the real parser.
    #[test]
    fn any_task_text_survives_the_calendar(tasks in prop::collection::vec(hostile_text(), 1..12)) {
        let ics = ics_of(&meeting(&tasks));
        let calendar = parsed(&ics);
        prop_assert_eq!(&calendar["bare_lf"], &Value::Bool(false));
        prop_assert!(calendar["longest_line_octets"].as_u64().unwrap() <= 75);
        for (task, event) in tasks.iter().zip(events(&calendar)) {
            let written = as_written(task);
            prop_assert_eq!(event["summary"].as_str().unwrap(), format!("行动项截止:{written} (张工)"));
            let description = event["description"].as_str().unwrap();
            let shown = if written.is_empty() { "未填写".to_owned() } else { written };
            let expected_line = format!("任务:{shown}\n");
            prop_assert!(description.starts_with(&expected_line), "{:?} vs {:?}", description, expected_line);
        }
    }
}
