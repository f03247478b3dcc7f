//! Every importer fed random and mangled input (issue 7): a backup, a meeting file, a share link
//! and an edited tracker CSV. None may panic; a refusal always says so in both languages; and what
//! an importer accepts changes only what it says it changes.
//!
//! Each property runs `CASES` cases (RELIABILITY.md lists the totals). Mutations start from files
//! the app itself writes, so most cases reach deep into the parsers instead of failing at byte 1.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;

use crossmeet::core::domain::bounds::{AGENDA_ITEM_MINUTES, MEETING_MINUTES, RATING};
use crossmeet::core::domain::i18n::Lang;
use crossmeet::core::domain::model::{ActionItem, ActionStatus, AgendaItem, Meeting, Participant};
use crossmeet::core::formats::backup::{export_backup, parse_backup, ImportError, Imported};
use crossmeet::core::formats::export::csv::tracker_csv;
use crossmeet::core::formats::share::{
    base64url_encode, decode_link_payload, export_meeting_file, link_plan_text, parse_link_plan,
    parse_meeting_file, prepare_import,
};
use crossmeet::core::formats::tracker_import::{apply_tracker_plan, plan_tracker_import};
use crossmeet::core::storage::persist::{decode_meeting, encode_meeting};

#[path = "support/pages.rs"]
mod pages;
use pages::open_every_page;

const CASES: u32 = 2_000;

/// When the files are written: a fixed instant, after every sample meeting's.
fn written_at() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 6, 8, 0, 0).unwrap()
}

fn sample_meetings() -> Vec<Meeting> {
    let at = Utc.with_ymd_and_hms(2026, 11, 25, 2, 0, 0).unwrap();
    let mut first = Meeting::blank("m1".into(), at);
    first.title = "跨部门周会 | \"Q4\" =SUM(A1)".into();
    first.agenda.push(AgendaItem {
        id: "g1".into(),
        title: "现状同步".into(),
        minutes: 10,
        ..AgendaItem::default()
    });
    first.participants.push(Participant {
        id: "p1".into(),
        name: "王芳".into(),
        department: "市场部".into(),
        ..Participant::default()
    });
    first.actions = vec![
        ActionItem {
            id: "a1".into(),
            task: "完成方案, 含\n两行".into(),
            owner: "张工".into(),
            deadline: NaiveDate::from_ymd_opt(2026, 12, 1),
            ..ActionItem::default()
        },
        ActionItem {
            id: "a2".into(),
            task: "=HYPERLINK(\"x\")".into(),
            owner: "Li".into(),
            status: ActionStatus::Blocked,
            ..ActionItem::default()
        },
    ];
    let mut second = Meeting::blank("m2".into(), at);
    second.title = "客诉复盘 😀".into();
    second.actions.push(ActionItem {
        id: "a3".into(),
        task: "整改".into(),
        ..ActionItem::default()
    });
    vec![first, second]
}

/// One edit to a text: replace, insert or delete a run of bytes at a position. The result is
/// made valid UTF-8 lossily, as the browser's `File.text()` would.
#[derive(Clone, Debug)]
enum Edit {
    Replace(usize, Vec<u8>),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    let bytes = prop_oneof![
        prop::collection::vec(any::<u8>(), 1..8),
        // Bytes that matter to the formats: quotes, separators, brackets, BOM, digits.
        prop::collection::vec(
            prop::sample::select(b"\",\r\n{}[]:\\0123456789-eE.tn".to_vec()),
            1..6
        ),
    ];
    let edit = prop_oneof![
        (any::<usize>(), bytes.clone()).prop_map(|(at, b)| Edit::Replace(at, b)),
        (any::<usize>(), bytes).prop_map(|(at, b)| Edit::Insert(at, b)),
        (any::<usize>(), 1usize..64).prop_map(|(at, n)| Edit::Delete(at, n)),
    ];
    prop::collection::vec(edit, 1..6)
}

fn mangle(text: &str, edits: &[Edit]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for edit in edits {
        let len = bytes.len().max(1);
        match edit {
            Edit::Replace(at, new) => {
                let at = at % len;
                let end = (at + new.len()).min(bytes.len());
                bytes.splice(at..end, new.iter().copied());
            }
            Edit::Insert(at, new) => {
                let at = at % (bytes.len() + 1);
                bytes.splice(at..at, new.iter().copied());
            }
            Edit::Delete(at, count) => {
                let at = at % len;
                let end = (at + count).min(bytes.len());
                if at < end {
                    bytes.drain(at..end);
                }
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

fn says_nothing_changed(error: &ImportError) {
    assert!(
        error.message(Lang::Zh).contains("未做任何更改"),
        "{error:?}"
    );
    assert!(
        error.message(Lang::En).contains("Nothing was changed"),
        "{error:?}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: CASES, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn backup_files_never_panic_and_accepted_ones_round_trip(edits in edits()) {
        let text = mangle(&export_backup(&sample_meetings(), written_at()), &edits);
        match parse_backup(&text) {
            Ok(read) => {
                for meeting in read.value {
                    open_every_page(&meeting, written_at(), beijing());
                    prop_assert_eq!(decode_meeting(&encode_meeting(&meeting)), Ok(meeting));
                }
            }
            Err(error) => says_nothing_changed(&error),
        }
    }

    #[test]
    fn any_text_as_a_backup_is_refused_cleanly(text in ".{0,400}") {
        if let Err(error) = parse_backup(&text) {
            says_nothing_changed(&error);
        }
    }

    #[test]
    fn meeting_files_never_panic_and_carry_no_run(edits in edits(), hostile in any::<bool>()) {
        // A file this app writes holds a plan only; a hostile one (made by hand, or another
        // tool) holds a whole meeting with its run, actions and minutes. Neither may bring
        // those in: the import goes through the same preparation as the app's.
        let meetings = sample_meetings();
        let file = if hostile {
            export_backup(&meetings[..1], written_at()).replacen("\"backup\"", "\"meeting\"", 1)
        } else {
            export_meeting_file(&meetings[0], written_at())
        };
        let text = mangle(&file, &edits);
        match parse_meeting_file(&text) {
            Ok(read) => {
                let meeting = read.value;
                let imported = prepare_import(&meetings, meeting, written_at(), || "fresh".into()).meeting;
                open_every_page(&imported, written_at(), beijing());
                prop_assert_eq!(&imported, &imported.plan_only(), "nothing but the plan comes in");
                prop_assert_eq!(imported.revision, 0);
                prop_assert!(meetings.iter().all(|m| m.id != imported.id), "never over a meeting of this device");
            }
            Err(error) => says_nothing_changed(&error),
        }
    }

    #[test]
    fn share_links_never_panic(payload in "[A-Za-z0-9_+/=$%-]{0,300}", bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        if let Err(error) = decode_link_payload(&payload) {
            says_nothing_changed(&error);
        }
        if let Err(error) = parse_link_plan(&bytes) {
            says_nothing_changed(&error);
        }
    }

    #[test]
    fn mangled_link_plans_never_panic(edits in edits()) {
        let text = mangle(&link_plan_text(&sample_meetings()[0]), &edits);
        let payload = base64url_encode(text.as_bytes());
        let bytes = decode_link_payload(&payload).expect("our own encoding decodes");
        prop_assert_eq!(&bytes, text.as_bytes());
        match parse_link_plan(&bytes) {
            Ok(read) => open_every_page(&read.value, written_at(), beijing()),
            Err(error) => says_nothing_changed(&error),
        }
    }

    #[test]
    fn tracker_csv_changes_only_what_its_preview_lists(edits in edits(), lang in prop::sample::select(vec![Lang::Zh, Lang::En]), kept in any::<bool>()) {
        let meetings = sample_meetings();
        // Against the export it came from, kept on the device, or against none (the old rule).
        let (file, export) = tracker_csv(&meetings, lang, "3f9a2c1d");
        let exports = if kept { vec![export] } else { vec![] };
        let text = mangle(&file, &edits);
        match plan_tracker_import(&text, &meetings, &exports) {
            Ok(plan) => {
                for problem in &plan.problems {
                    prop_assert!(!problem.message(Lang::Zh).is_empty());
                    prop_assert!(!problem.message(Lang::En).is_empty());
                }
                let changed = apply_tracker_plan(&plan, &meetings, NaiveDate::from_ymd_opt(2026, 12, 1).unwrap());
                for meeting in &changed {
                    open_every_page(meeting, written_at(), beijing());
                    let before = meetings.iter().find(|m| m.id == meeting.id).expect("an existing meeting");
                    prop_assert_eq!(meeting.actions.len(), before.actions.len());
                    for (after, was) in meeting.actions.iter().zip(&before.actions) {
                        let listed = plan.updates.iter().any(|u| u.action_id == after.id);
                        prop_assert!(listed || after == was, "an unlisted action changed: {:?}", after.id);
                        prop_assert_eq!(after.completed_on.is_some(), after.status == ActionStatus::Done);
                        prop_assert_eq!(&after.task, &was.task, "the import never rewrites a task");
                    }
                }
            }
            Err(error) => {
                prop_assert!(error.message(Lang::Zh).contains("未做任何更改"));
                prop_assert!(error.message(Lang::En).contains("Nothing was changed"));
            }
        }
    }
}

fn beijing() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).unwrap()
}

/// Any instant chrono can hold, one near the sample meetings (so run logs and start times also
/// land where the clocks do real work), or one at either end of the calendar.
fn instant() -> impl Strategy<Value = DateTime<Utc>> {
    let near = Utc
        .with_ymd_and_hms(2026, 11, 25, 2, 0, 0)
        .unwrap()
        .timestamp();
    let (min, max) = (
        DateTime::<Utc>::MIN_UTC.timestamp(),
        DateTime::<Utc>::MAX_UTC.timestamp(),
    );
    prop_oneof![
        (min..=max).prop_map(|s| DateTime::from_timestamp(s, 0).unwrap()),
        (near - 86_400..near + 86_400).prop_map(|s| DateTime::from_timestamp(s, 0).unwrap()),
        // The calendar's two ends, where a day's minutes more or less cannot be added.
        (max - 2 * 86_400..=max).prop_map(|s| DateTime::from_timestamp(s, 0).unwrap()),
        (min..min + 2 * 86_400).prop_map(|s| DateTime::from_timestamp(s, 0).unwrap()),
    ]
}

fn any_date() -> impl Strategy<Value = NaiveDate> {
    instant().prop_map(|at| at.date_naive())
}

/// A number as a crafted file may carry it where the app writes minutes or a rating: any JSON
/// integer, the largest `u32`, or an ordinary one.
fn crafted_number() -> impl Strategy<Value = serde_json::Value> {
    prop_oneof![
        Just(serde_json::json!(4_294_967_295u64)),
        any::<u32>().prop_map(|n| serde_json::json!(n)),
        any::<u64>().prop_map(|n| serde_json::json!(n)),
        any::<i64>().prop_map(|n| serde_json::json!(n)),
        (0u32..2000).prop_map(|n| serde_json::json!(n)),
    ]
}

fn write_utc(at: DateTime<Utc>) -> String {
    crossmeet::core::domain::time_serde::write_utc(&at)
}

fn write_date(on: NaiveDate) -> String {
    crossmeet::core::domain::time_serde::write_date(&on)
}

/// A stored meeting envelope (schema 3, which every later build reads) with crafted numbers and
/// instants anywhere: what a hand-made share link, meeting file or backup can hold.
fn crafted_envelope() -> impl Strategy<Value = String> {
    let item = (crafted_number(), 0usize..4);
    let event = (instant(), 0usize..6, 0usize..4);
    let action = (any_date(), any_date(), 0usize..5);
    (
        prop::option::of(instant()),
        crafted_number(),
        prop::collection::vec(item, 0..45),
        prop::collection::vec(event, 0..12),
        prop::collection::vec(action, 0..3),
        prop::collection::vec(crafted_number(), 0..3),
        prop::option::of(instant()),
    )
        .prop_map(|(starts_at, duration, items, events, actions, ratings, ended_notice)| {
            let phases = ["Share", "Discuss", "Decide", "Break"];
            let agenda: Vec<_> = items
                .iter()
                .enumerate()
                .map(|(i, (minutes, phase))| {
                    serde_json::json!({"id": format!("g{i}"), "title": "议题", "minutes": minutes, "phase": phases[*phase]})
                })
                .collect();
            let run_log: Vec<_> = events
                .iter()
                .map(|(at, kind, item)| {
                    let kind = match kind {
                        0 => serde_json::json!("Started"),
                        1 => serde_json::json!("Paused"),
                        2 => serde_json::json!("Resumed"),
                        3 => serde_json::json!({"ItemStarted": {"item_id": format!("g{item}")}}),
                        4 => serde_json::json!({"SpeakerTurn": {"speaker": "王芳"}}),
                        _ => serde_json::json!("Ended"),
                    };
                    serde_json::json!({"at": write_utc(*at), "kind": kind})
                })
                .collect();
            let statuses = ["Open", "InProgress", "Blocked", "Done", "Cancelled"];
            let actions: Vec<_> = actions
                .iter()
                .enumerate()
                .map(|(i, (deadline, noted, status))| {
                    serde_json::json!({"id": format!("a{i}"), "task": "整改", "owner": "张工",
                        "deadline": write_date(*deadline), "status": statuses[*status],
                        "progress": [{"on": write_date(*noted), "text": "进展"}]})
                })
                .collect();
            let feedback: Vec<_> = ratings
                .iter()
                .map(|rating| serde_json::json!({"rating": rating}))
                .collect();
            let mut schedule = serde_json::json!({"duration_minutes": duration});
            if let Some(at) = starts_at {
                schedule["starts_at"] = serde_json::json!(write_utc(at));
            }
            if let Some(at) = ended_notice {
                schedule["notice_sent_at"] = serde_json::json!(write_utc(at));
            }
            serde_json::json!({"schema": 3, "meeting": {
                "id": "crafted", "title": "crafted",
                "participants": [
                    {"id": "p1", "name": "王芳", "department": "市场部", "role": "DecisionMaker"},
                    {"id": "p2", "name": "Li", "department": "研发部", "attendance": {"status": "Declined"}}
                ],
                "schedule": schedule, "agenda": agenda, "run_log": run_log,
                "actions": actions, "feedback": feedback, "progress_time": "17:00:00",
                "series": {"id": "s", "name": "周会"}
            }})
            .to_string()
        })
}

/// The share link of the report: 40 items of 4294967295 minutes and a start time.
fn crafted_link_text() -> String {
    let agenda: Vec<_> = (0..40)
        .map(|i| serde_json::json!({"id": format!("g{i}"), "title": "议题", "minutes": 4_294_967_295u64}))
        .collect();
    serde_json::json!({"schema": 3, "meeting": {"id": "crafted", "title": "crafted",
        "schedule": {"starts_at": "2026-12-01T02:00:00Z", "duration_minutes": 60}, "agenda": agenda}})
    .to_string()
}

#[test]
fn the_crafted_share_link_opens_every_page() {
    let read = parse_link_plan(crafted_link_text().as_bytes()).expect("imported");
    assert!(read.out_of_range, "the user is told");
    assert_eq!(read.value.agenda.len(), 40);
    assert!(read.value.agenda.iter().all(|item| item.minutes == 1440));
    let meeting = read.value;
    let imported = prepare_import(&[], meeting, written_at(), || "fresh".into()).meeting;
    open_every_page(&imported, written_at(), beijing());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: CASES, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn crafted_numbers_and_instants_never_trap_a_page(
        envelope in crafted_envelope(),
        // The device's clock: any day of years 1–9999 (a file cannot set it).
        now in (-62_135_596_800i64..253_402_300_799).prop_map(|s| DateTime::from_timestamp(s, 0).unwrap()),
        offset in -86_399i32..=86_399,
    ) {
        let offset = FixedOffset::east_opt(offset).unwrap();
        let file = |kind: &str| format!(r#"{{"app":"crossmeet","kind":"{kind}","schema":3,"meetings":[{envelope}]}}"#);
        let link = parse_link_plan(envelope.as_bytes());
        let meeting_file = parse_meeting_file(&file("meeting"));
        let backup = parse_backup(&file("backup"));
        let backup = backup.map(|read| Imported { value: read.value[0].clone(), out_of_range: read.out_of_range });
        for read in [link, meeting_file, backup] {
            let read = read.map_err(|error| error.message(Lang::En));
            prop_assert!(read.is_ok(), "refused: {:?}", read);
            let Imported { value: meeting, out_of_range } = read.unwrap();
            // Told exactly when something was brought into range; what was read is in range.
            let in_range = meeting.agenda.iter().all(|item| AGENDA_ITEM_MINUTES.contains(&item.minutes))
                && MEETING_MINUTES.contains(&meeting.schedule.duration_minutes)
                && meeting.feedback.iter().all(|f| f.rating.is_none_or(|r| RATING.contains(&r)));
            prop_assert!(in_range);
            let raw: serde_json::Value = serde_json::from_str(&envelope).unwrap();
            let raw = &raw["meeting"];
            let changed = |raw: &serde_json::Value, read: u64| raw.as_u64() != Some(read);
            let brought_in = changed(&raw["schedule"]["duration_minutes"], meeting.schedule.duration_minutes.into())
                || raw["agenda"].as_array().unwrap().iter().zip(&meeting.agenda)
                    .any(|(raw, item)| changed(&raw["minutes"], item.minutes.into()))
                || raw["feedback"].as_array().unwrap().iter().zip(&meeting.feedback)
                    .any(|(raw, f)| changed(&raw["rating"], f.rating.unwrap_or(0).into()));
            prop_assert_eq!(out_of_range, brought_in);
            open_every_page(&meeting, now, offset);
            let imported = prepare_import(&[], meeting.clone(), now, || "fresh".into()).meeting;
            open_every_page(&imported, now, offset);
            // The arithmetic holds even for numbers the decoder would have brought into range.
            let mut unbounded = meeting;
            unbounded.schedule.duration_minutes = u32::MAX;
            unbounded.agenda.iter_mut().for_each(|item| item.minutes = u32::MAX);
            open_every_page(&unbounded, now, offset);
        }
    }
}
