//! The stored shape of a meeting is pinned to its schema number (D3).
//!
//! A field added to the model without a new schema number is read by the previous release's
//! tabs, which know nothing of it, and dropped when they save the record again. This test
//! serialises a meeting with every field filled in (every list non-empty, every option set, every
//! enum variant used) and compares its set of JSON field paths, and the stored names of every
//! enum variant, with `tests/fixtures/schema-N-paths.txt` for today's `SCHEMA_VERSION`.
//!
//! The meeting below is written without `..Default::default()`, so a new field does not compile
//! until it is filled in here; the match in `variants!` does the same for a new enum variant.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use chrono::{NaiveDate, NaiveTime, TimeZone, Utc};
use serde_json::Value;

use crossmeet::core::domain::asks::{AskKind, AskRecord, Taken};
use crossmeet::core::domain::coaching::{CarriedChange, Rule};
use crossmeet::core::domain::model::*;
use crossmeet::core::formats::backup::{export_backup, parse_backup, ImportError};
use crossmeet::core::storage::persist::{
    decode_meeting, encode_meeting, DecodeError, SCHEMA_VERSION,
};

/// What to do when the shape changed; printed by every failure below.
const WHAT_TO_DO: &str = "\
The stored shape of a meeting changed. A tab of the previous release would read such records \
without the change and write them back without it. To ship the change:
  1. raise SCHEMA_VERSION in src/core/storage/persist.rs and add a line to its schema history
     (with a migration step when older records need one; see READ_DIRECTLY_FROM there);
  2. run `CROSSMEET_WRITE_SHAPE=1 cargo test --test stored_shape` to write the new schema's
     fixture, and check it in beside the older ones (they are never rewritten).";

fn fixture_path(schema: u32) -> String {
    format!(
        "{}/tests/fixtures/schema-{schema}-paths.txt",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// A list of every variant of an enum, as stored; adding a variant fails to compile here.
macro_rules! variants {
    ($enum:ident: $($variant:ident),+) => {{
        let all = [$($enum::$variant),+];
        for variant in &all {
            match variant {
                $($enum::$variant)|+ => {}
            }
        }
        all.iter()
            .map(|v| format!("value {} {}", stringify!($enum), serde_json::to_value(v).unwrap()))
            .collect::<Vec<String>>()
    }};
}

fn enum_values() -> Vec<String> {
    [
        variants!(Situation: Blank, ProjectCollaboration, ProblemSolving, StrategyRollout, MechanismBuilding),
        variants!(MeetingType: Decision, Discussion, Inform),
        variants!(FormatMode: Offline, Online, Hybrid),
        variants!(Role: DecisionMaker, Executor, Supporter),
        variants!(AttendanceStatus: Pending, Confirmed, Declined),
        variants!(Phase: Share, Discuss, Decide, Break),
        variants!(ActionStatus: Open, InProgress, Blocked, Done, Cancelled),
        variants!(MinutesStatus: NotStarted, DraftSent, FinalSent),
        variants!(AskKind: Attendance, Actions, Feedback, Minutes),
        variants!(Rule: ReportsOverrun, DepartmentDominates, DepartmentUnheard, ActionsLate, PreReadsLate, NoticeShort, AwkwardSlot, ManyLeaves, LargeAttendance, TimeFeedbackLow, MaterialsFeedbackLow),
    ]
    .concat()
}

fn at(hour: u32) -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, hour, 0, 0).unwrap()
}

fn day(d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2026, 12, d)
}

fn participant(id: &str, role: Role, status: AttendanceStatus) -> Participant {
    Participant {
        id: id.into(),
        name: "王芳".into(),
        department: "市场部".into(),
        role,
        is_host: true,
        is_recorder: true,
        attendance: Attendance {
            status,
            reason: "出差".into(),
            substitute: "李雷".into(),
            responded_at: Some(at(1)),
            pre_reads_read: true,
            minutes_confirmed: true,
        },
    }
}

fn item(id: &str, phase: Phase) -> AgendaItem {
    AgendaItem {
        id: id.into(),
        title: "议题".into(),
        owner: "王芳".into(),
        minutes: 15,
        expected_output: "《行动项表》".into(),
        phase,
        planned_minutes: Some(20),
    }
}

fn action(id: &str, status: ActionStatus) -> ActionItem {
    ActionItem {
        id: id.into(),
        task: "整改".into(),
        owner: "张工".into(),
        department: "研发部".into(),
        acceptance: "上线".into(),
        deadline: day(10),
        status,
        progress: vec![ProgressNote {
            on: day(3),
            text: "进展".into(),
        }],
        completed_on: day(9),
        agenda_item_id: Some("g1".into()),
    }
}

/// A meeting with every field filled in and every variant of its list-held enums used.
fn every_field() -> Meeting {
    let event = |hour, kind| RunEvent { at: at(hour), kind };
    Meeting {
        id: "m1".into(),
        revision: 7,
        created_at: Some(at(1)),
        updated_at: Some(at(2)),
        title: "跨部门周会".into(),
        situation: Situation::ProblemSolving,
        necessity: Necessity {
            needs_several_departments: Some(true),
            needs_combined_resources: Some(true),
            async_update_would_do: Some(false),
        },
        kind: MeetingType::Decision,
        objective: "确定方案".into(),
        schedule: Schedule {
            starts_at: Some(at(6)),
            duration_minutes: 90,
            notice_sent_at: Some(at(1)),
        },
        format: Format {
            mode: FormatMode::Hybrid,
            room: "3 楼".into(),
            room_is_neutral: Some(true),
            platform: "腾讯会议".into(),
            link: "https://meeting.example/1".into(),
            devices_tested: true,
        },
        participants: vec![
            participant("p1", Role::DecisionMaker, AttendanceStatus::Confirmed),
            participant("p2", Role::Executor, AttendanceStatus::Declined),
            participant("p3", Role::Supporter, AttendanceStatus::Pending),
        ],
        agenda: vec![
            item("g1", Phase::Share),
            item("g2", Phase::Discuss),
            item("g3", Phase::Break),
            item("g4", Phase::Decide),
        ],
        materials: vec![PreRead {
            id: "r1".into(),
            title: "方案".into(),
            link: "https://docs.example/1".into(),
            questions: "风险?".into(),
            sent_at: Some(at(1)),
        }],
        preparation_asks: vec![PreparationAsk {
            department: "研发部".into(),
            ask: "当前风险".into(),
            reply: "接口延期".into(),
        }],
        run_log: vec![
            event(6, RunEventKind::Started),
            event(
                6,
                RunEventKind::ItemStarted {
                    item_id: "g1".into(),
                },
            ),
            event(
                6,
                RunEventKind::SpeakerTurn {
                    speaker: "王芳".into(),
                },
            ),
            event(7, RunEventKind::Paused),
            event(7, RunEventKind::Resumed),
            event(8, RunEventKind::Ended),
        ],
        parking_lot: vec![ParkedPoint {
            id: "k1".into(),
            text: "预算".into(),
            raised_by: "李雷".into(),
            agenda_item_id: Some("g2".into()),
            resolved: true,
            owner: "韩梅".into(),
            deadline: Some(NaiveDate::from_ymd_opt(2026, 12, 9).unwrap()),
        }],
        decisions: vec![Decision {
            id: "d1".into(),
            text: "采用方案 B".into(),
            agenda_item_id: Some("g4".into()),
            made_at: Some(at(7)),
        }],
        actions: vec![
            action("a1", ActionStatus::Open),
            action("a2", ActionStatus::InProgress),
            action("a3", ActionStatus::Blocked),
            action("a4", ActionStatus::Done),
            action("a5", ActionStatus::Cancelled),
        ],
        minutes: Minutes {
            status: MinutesStatus::FinalSent,
            text: "纪要".into(),
            draft_sent_at: Some(at(9)),
            final_sent_at: Some(at(10)),
        },
        progress_time: NaiveTime::from_hms_opt(17, 0, 0),
        feedback: vec![Feedback {
            given_at: Some(at(9)),
            agenda_time_right: Some(true),
            materials_enough: Some(false),
            rating: Some(4),
            comment: "好".into(),
        }],
        improvement_notes: vec!["提前发材料".into()],
        carried: vec![CarriedChange {
            rule: Rule::ActionsLate,
            subject: "研发部".into(),
            on: NaiveDate::from_ymd_opt(2026, 12, 1),
        }],
        asks: vec![AskRecord {
            id: "k1".into(),
            kind: AskKind::Actions,
            to: vec!["王芳".into()],
            secret: "c2VjcmV0".into(),
            made_at: Some(at(2)),
            taken: vec![Taken {
                from: "王芳".into(),
                written_at: Some(at(3)),
            }],
        }],
        series: Some(SeriesRef {
            id: "s1".into(),
            name: "周会".into(),
        }),
        is_template: true,
    }
}

/// Every key path of `value` (`meeting.agenda[].minutes`), array elements merged.
fn paths(value: &Value, prefix: &str, out: &mut BTreeSet<String>) {
    match value {
        Value::Object(fields) => {
            for (key, field) in fields {
                let path = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                out.insert(path.clone());
                paths(field, &path, out);
            }
        }
        Value::Array(items) => {
            for item in items {
                paths(item, &format!("{prefix}[]"), out);
            }
        }
        _ => {}
    }
}

fn todays_shape() -> BTreeSet<String> {
    let stored: Value = serde_json::from_str(&encode_meeting(&every_field())).unwrap();
    let mut shape = BTreeSet::new();
    paths(&stored, "", &mut shape);
    shape.extend(enum_values());
    shape
}

fn listed(lines: impl IntoIterator<Item = String>) -> String {
    lines
        .into_iter()
        .map(|line| format!("\n    {line}"))
        .collect()
}

#[test]
fn the_stored_shape_is_the_one_of_its_schema_number() {
    let shape = todays_shape();
    let path = fixture_path(SCHEMA_VERSION);
    let Ok(fixture) = std::fs::read_to_string(&path) else {
        if std::env::var_os("CROSSMEET_WRITE_SHAPE").is_some() {
            let text: String = shape.iter().map(|line| format!("{line}\n")).collect();
            std::fs::write(&path, text).unwrap();
            return;
        }
        panic!("No fixture for schema {SCHEMA_VERSION} ({path}).\n{WHAT_TO_DO}");
    };
    let pinned: BTreeSet<String> = fixture.lines().map(str::to_owned).collect();
    let added: Vec<String> = shape.difference(&pinned).cloned().collect();
    let removed: Vec<String> = pinned.difference(&shape).cloned().collect();
    assert!(
        added.is_empty() && removed.is_empty(),
        "Schema {SCHEMA_VERSION} is pinned by {path}, but the model now stores\n  new:{}\n  gone:{}\n{WHAT_TO_DO}",
        listed(added),
        listed(removed),
    );
}

#[test]
fn the_filled_meeting_reads_back_whole() {
    let meeting = every_field();
    assert_eq!(decode_meeting(&encode_meeting(&meeting)), Ok(meeting));
}

#[test]
fn a_record_of_the_next_schema_is_refused_not_narrowed() {
    let next = SCHEMA_VERSION + 1;
    // The next build's record, holding a field this build does not know.
    let record = encode_meeting(&every_field())
        .replacen(
            &format!(r#"{{"schema":{SCHEMA_VERSION},"#),
            &format!(r#"{{"schema":{next},"#),
            1,
        )
        .replacen(
            r#""meeting":{"#,
            r#""meeting":{"a_later_field":[1,2,3],"#,
            1,
        );
    assert_eq!(
        decode_meeting(&record),
        Err(DecodeError::NewerSchema(next.into()))
    );

    let backup = export_backup(
        &[every_field()],
        Utc.with_ymd_and_hms(2026, 12, 6, 8, 0, 0).unwrap(),
    );
    let newer_file = backup.replacen(
        &format!(r#""schema":{SCHEMA_VERSION}"#),
        &format!(r#""schema":{next}"#),
        1,
    );
    assert_eq!(
        parse_backup(&newer_file),
        Err(ImportError::NewerSchema(next.into()))
    );
    // A file of this schema holding one record of the next is refused whole too.
    let newer_record = backup.replacen(
        &format!(r#"{{"schema":{SCHEMA_VERSION},"meeting""#),
        &format!(r#"{{"schema":{next},"meeting""#),
        1,
    );
    assert_eq!(
        parse_backup(&newer_record),
        Err(ImportError::BadMeeting {
            index: 0,
            cause: DecodeError::NewerSchema(next.into())
        })
    );
}

/// Removes from `value` every key whose path is not in `keep`.
fn keep_only(value: &mut Value, prefix: &str, keep: &BTreeSet<String>) {
    match value {
        Value::Object(fields) => {
            fields.retain(|key, _| {
                keep.contains(&if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                })
            });
            for (key, field) in fields.iter_mut() {
                let path = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                keep_only(field, &path, keep);
            }
        }
        Value::Array(items) => items
            .iter_mut()
            .for_each(|item| keep_only(item, &format!("{prefix}[]"), keep)),
        _ => {}
    }
}

#[test]
fn records_of_every_older_pinned_schema_read_with_nothing_lost() {
    // Each older schema's record is today's, cut down to the paths its fixture pins; it must read
    // and write back with every one of them. (Schemas 1 and 2 predate the fixtures: they are read
    // by tests/upgrades.rs and the migration tests in core/storage/persist.rs.)
    for schema in 3..SCHEMA_VERSION {
        let fixture =
            std::fs::read_to_string(fixture_path(schema)).expect("older fixtures are kept");
        let pinned: BTreeSet<String> = fixture.lines().map(str::to_owned).collect();
        let mut record: Value = serde_json::from_str(&encode_meeting(&every_field())).unwrap();
        keep_only(&mut record, "", &pinned);
        record["schema"] = schema.into();
        let read = decode_meeting(&record.to_string())
            .unwrap_or_else(|error| panic!("a schema-{schema} record: {error:?}"));
        let mut written: Value = serde_json::from_str(&encode_meeting(&read)).unwrap();
        keep_only(&mut written, "", &pinned);
        written["schema"] = schema.into();
        assert_eq!(written, record, "schema {schema}");
    }
}

#[test]
fn a_schema_3_record_reads_without_the_progress_time() {
    let mut stored: Value = serde_json::from_str(&encode_meeting(&every_field())).unwrap();
    stored["schema"] = 3.into();
    stored["meeting"]
        .as_object_mut()
        .unwrap()
        .remove("progress_time");
    let read = decode_meeting(&stored.to_string()).expect("a schema-3 record reads");
    assert_eq!(
        read,
        Meeting {
            progress_time: None,
            ..every_field()
        }
    );
}
